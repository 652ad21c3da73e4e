"""Seaborn figures from the tables: pure functions, frame in, matplotlib Figure out."""

from __future__ import annotations

import base64
import io
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # heavy imports stay inside the functions
    import pandas as pd
    from matplotlib.figure import Figure

# A4 text width is about 6.3 in; figures are drawn at that width so text stays readable.
WIDTH_IN = 6.3
DPI = 150
STATED_MARKER, DERIVED_MARKER = "o", "D"
# Bounds: whatever the data, a figure draws at most this many rows, bars or panels and says
# how many more there are ("and K more"), so its size never grows with the corpus.
TIMELINE_ROWS = 18
GROWTH_BARS = 10
SERIES_PANELS = 8
PARTNER_BARS = 12
THEME_ROWS = 16


def apply_theme() -> None:
    """One look for every figure: seaborn's colour-blind-safe palette, white grid, DejaVu Sans."""
    import seaborn as sns

    sns.set_theme(
        context="paper",
        style="whitegrid",
        palette="colorblind",
        font="DejaVu Sans",
        rc={
            "figure.dpi": DPI,
            "savefig.dpi": DPI,
            "axes.titlesize": 10,
            "axes.labelsize": 9,
            "xtick.labelsize": 8,
            "ytick.labelsize": 8,
            "legend.fontsize": 8,
            "axes.titleweight": "bold",
        },
    )


def _empty(message: str, height: float = 1.2) -> Figure:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(WIDTH_IN, height))
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=9, color="0.35")
    return fig


def _fmt(value: float) -> str:
    """Compact number for labels: 107,000 -> 107k, 6.69e9 -> 6.69bn."""
    a = abs(value)
    if a >= 1e9:
        return f"{value / 1e9:.3g}bn"
    if a >= 1e6:
        return f"{value / 1e6:.3g}m"
    if a >= 1e4:
        return f"{value / 1e3:.3g}k"
    if a == int(a):
        return f"{int(value):,}"
    return f"{value:.3g}"


# ------------------------------------------------------------------ corpus
def similarity_heatmap(matrix: pd.DataFrame, max_docs: int = 40) -> Figure:
    """Estimated Jaccard similarity of document pairs: all of them up to ``max_docs``
    documents, else the ``max_docs`` documents most similar to another one."""
    import matplotlib.pyplot as plt
    import numpy as np
    import seaborn as sns

    n = len(matrix)
    if n == 0:
        return _empty("No documents.")
    more = 0
    if n > max_docs:
        values = matrix.to_numpy(dtype=float, copy=True)
        np.fill_diagonal(values, 0.0)
        keep = np.argsort(-values.max(axis=1), kind="stable")[:max_docs]
        matrix = matrix.iloc[sorted(keep), sorted(keep)]
        more, n = n - max_docs, max_docs
    size = min(max(2.5, 0.45 * n + 1.5), WIDTH_IN)
    fig, ax = plt.subplots(figsize=(size + 1, size))
    labels = [str(i)[:12] for i in matrix.index]
    sns.heatmap(
        matrix.to_numpy(),
        vmin=0,
        vmax=1,
        cmap="viridis",
        annot=n <= 12,
        fmt=".2f",
        square=True,
        xticklabels=labels,
        yticklabels=labels,
        cbar_kws={"label": "similarity"},
        ax=ax,
    )
    ax.set_title("Similarity of documents (word 5-shingles)")
    if more:
        _more(fig, more, "documents less similar to any other")
    fig.tight_layout()
    return fig


def words_per_document(docs: pd.DataFrame, top: int = 30) -> Figure:
    """Words per document after cleaning (the ``top`` longest, and how many more)."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    if docs.empty:
        return _empty("No documents.")
    data = docs.sort_values(["words", "doc_id"], ascending=[False, True]).head(top)
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.3 * len(data) + 1.1))
    sns.barplot(data=data, y="doc_id", x="words", ax=ax, color=sns.color_palette()[0])
    ax.set_xlabel("words after cleaning")
    ax.set_ylabel("")
    if len(docs) > top:
        _more(fig, len(docs) - top, "shorter documents")
    fig.tight_layout()
    return fig


def _more(fig: Figure, k: int, what: str) -> None:
    """The "and K more" line under a bounded figure."""
    fig.text(
        0.99, 0.005, f"and {k:,} more {what}", ha="right", va="bottom", fontsize=8, color="0.35"
    )


# ------------------------------------------------------------------ indicators
def series_panels(
    groups: list[pd.DataFrame],
    titles: list[str],
    names: dict[str, str],
    years: tuple[int, int] | None = None,
    max_panels: int = 8,
) -> Figure | None:
    """One panel per comparable series (same indicator and definition), two per row.

    Each frame of ``groups`` has year, value, kind (stated|computed as ``derived``),
    doc_id, and has points in two years at least; a line joins the points of its own
    series only. Colour tells the source (``names``: doc_id -> reader's name); hollow
    diamonds are values computed from a stated multiple. Count axes start at zero.
    None when there is no series.
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    groups = [g for g in groups if g["year"].nunique() >= 2][:max_panels]
    if not groups:
        return None
    cols = 1 if len(groups) == 1 else 2
    rows = -(-len(groups) // cols)
    fig, axes = plt.subplots(
        rows, cols, figsize=(WIDTH_IN, 2.1 * rows + 0.9), squeeze=False, sharex=True
    )
    docs = sorted({d for g in groups for d in g["doc_id"]}, key=lambda d: names.get(d, d))
    colours = dict(zip(docs, sns.color_palette("colorblind", len(docs)), strict=False))
    for ax, grp, title in zip(axes.flat, groups, titles, strict=False):
        grp = grp.sort_values("year")
        ax.plot(grp["year"], grp["value"], color="0.65", lw=1.0, zorder=1)
        for (doc, kind), sub in grp.groupby(["doc_id", "kind"]):
            derived = kind == "derived"
            ax.scatter(
                sub["year"],
                sub["value"],
                s=34,
                marker=DERIVED_MARKER if derived else STATED_MARKER,
                facecolors="white" if derived else colours[doc],
                edgecolors=colours[doc],
                linewidths=1.3,
                zorder=3,
            )
        ax.set_title(textwrap.fill(textwrap.shorten(title, 70, placeholder="…"), 38), fontsize=9)
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _p: _fmt(v)))
        ax.set_ylim(0, float(grp["value"].max()) * 1.2)
    if years:
        pad = max(1, (years[1] - years[0]) // 15)
        axes.flat[0].set_xlim(years[0] - pad, years[1] + pad)
    for ax in list(axes.flat)[len(groups) :]:
        ax.axis("off")
    handles = [
        plt.Line2D(
            [],
            [],
            marker="o",
            ls="",
            color=colours[d],
            label=textwrap.shorten(names.get(d, d), 34, placeholder="…"),
        )
        for d in docs[:6]
    ]
    if any((g["kind"] == "derived").any() for g in groups):
        handles.append(
            plt.Line2D(
                [],
                [],
                marker=DERIVED_MARKER,
                ls="",
                mfc="white",
                color="0.3",
                label="computed from a stated multiple",
            )
        )
    fig.legend(handles=handles, loc="lower center", ncol=2, frameon=False, fontsize=8)
    height = fig.get_figheight()
    legend_rows = -(-len(handles) // 2)
    fig.subplots_adjust(
        left=0.1,
        right=0.97,
        top=1 - 0.5 / height,
        bottom=(0.45 + 0.2 * legend_rows) / height,
        wspace=0.35,
        hspace=0.75,
    )
    return fig


def growth_per_year(growth: pd.DataFrame, top: int = 10) -> Figure | None:
    """Compound growth per year, fastest first: one bar per stated multiple or pair of
    comparable figures. ``growth`` has label, from_year, to_year, multiple, per_year."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    if growth.empty:
        return None
    data = growth.sort_values("per_year", ascending=False).head(top).copy()
    data["bar"] = [
        f"{textwrap.shorten(lab, 34, placeholder='…')}\n{a}–{b} ({m:.3g}×)"
        for lab, a, b, m in zip(
            data["label"], data["from_year"], data["to_year"], data["multiple"], strict=True
        )
    ]
    data["pct"] = 100 * data["per_year"]
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.5 * len(data) + 1.0))
    sns.barplot(data=data, y="bar", x="pct", ax=ax, color=sns.color_palette()[0])
    for i, v in enumerate(data["pct"]):
        ax.text(v, i, f"  {v:.0f}%" if abs(v) >= 1 else f"  {v:.1f}%", va="center", fontsize=8)
    ax.set_xlabel("growth per year, compound (%)")
    ax.set_ylabel("")
    ax.set_xlim(min(0.0, float(data["pct"].min()) * 1.2), max(1.0, float(data["pct"].max()) * 1.2))
    if len(growth) > top:
        _more(fig, len(growth) - top, "slower rates in the table")
    fig.tight_layout()
    return fig


# ------------------------------------------------------------------ partners, themes, events
def partners_by_era(counts: pd.DataFrame, top: int = 12) -> Figure | None:
    """Mentions of the ``top`` most-named partners, by era (stacked horizontal bars).

    ``counts`` has partner, era, mentions.
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    if counts.empty:
        return None
    pivot = counts.pivot_table(index="partner", columns="era", values="mentions", aggfunc="sum")
    pivot = pivot.fillna(0)
    total = len(pivot)
    pivot = pivot.loc[pivot.sum(axis=1).sort_values(ascending=False, kind="stable").index[:top]]
    pivot = pivot.iloc[::-1]
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.32 * len(pivot) + 1.3))
    left = None
    colours = sns.color_palette("colorblind", len(pivot.columns))
    for colour, era in zip(colours, pivot.columns, strict=False):
        ax.barh(
            [textwrap.shorten(str(p), 30, placeholder="…") for p in pivot.index],
            pivot[era],
            left=left,
            color=colour,
            label=str(era),
        )
        left = pivot[era] if left is None else left + pivot[era]
    ax.set_xlabel("mentions")
    ax.legend(title="era", loc="lower right", frameon=True)
    if total > top:
        _more(fig, total - top, "partners named less often")
    fig.tight_layout()
    return fig


def themes_heatmap(rates: pd.DataFrame, max_rows: int = 16) -> Figure | None:
    """Themes by era: mentions per 1,000 words (rows themes, columns eras); the
    ``max_rows`` themes with the highest rates."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    if rates is None or rates.empty:
        return None
    more = 0
    if len(rates) > max_rows:
        order = rates.fillna(0).sum(axis=1).sort_values(ascending=False, kind="stable").index
        more, rates = len(rates) - max_rows, rates.loc[order[:max_rows]]
    # constrained layout makes room for seaborn's colour bar and its label; tight_layout
    # leaves that axes out and the label was cut off at the right edge
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.3 * len(rates) + 1.4), layout="constrained")
    sns.heatmap(
        rates,
        mask=rates.isna(),
        cmap="mako_r",
        annot=True,
        fmt=".1f",
        linewidths=0.5,
        vmin=0,
        cbar_kws={"label": "mentions per 1,000 words"},
        ax=ax,
    )
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="x", labelrotation=0)
    ax.grid(False)  # no grid lines through the blank column of an era without text
    if more:  # as the axis label: constrained layout makes room for it below the era names
        ax.set_xlabel(f"and {more:,} more themes mentioned less", loc="right", fontsize=8)
        ax.xaxis.label.set_color("0.35")
    return fig


def timeline(events: pd.DataFrame, max_rows: int = TIMELINE_ROWS) -> Figure | None:
    """A vertical timeline, one row per event: date on the left, label on the right.

    ``events`` has date, event (the label to show), doc_id; beyond ``max_rows`` rows the
    figure says how many more there are.
    """
    import matplotlib.pyplot as plt

    if events.empty:
        return None
    data = events.sort_values(["date", "doc_id"]).head(max_rows).reset_index(drop=True)
    n = len(data)
    wrapped = [textwrap.wrap(str(e), 78)[:2] for e in data["event"]]
    lines = [len(w) for w in wrapped]
    height = 0.2 * sum(lines) + 0.12 * n + 0.6
    fig, ax = plt.subplots(figsize=(WIDTH_IN, height))
    total = sum(lines) + 0.6 * n
    ax.set_xlim(0, 1)
    ax.set_ylim(total, 0)
    ax.axis("off")
    ax.axvline(0.155, color="0.75", lw=1.2)
    y = 0.3
    for i, row in data.iterrows():
        mid = y + (lines[i] - 1) / 2
        ax.plot(0.155, mid, "o", color="#0173b2", ms=4.5)
        ax.text(0.14, mid, str(row["date"]), ha="right", va="center", fontsize=8)
        text = "\n".join(wrapped[i]) + (
            "…" if len(textwrap.wrap(str(row["event"]), 78)) > 2 else ""
        )
        ax.text(0.175, mid, text, ha="left", va="center", fontsize=8, linespacing=1.15)
        y += lines[i] + 0.6
    if len(events) > max_rows:
        _more(fig, len(events) - max_rows, "events in the timeline data")
    fig.subplots_adjust(
        left=0.01, right=0.99, top=0.98, bottom=0.06 if len(events) > max_rows else 0.02
    )
    return fig


# ------------------------------------------------------------------ output
def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG bytes (closes the figure)."""
    import matplotlib.pyplot as plt
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    buf = io.BytesIO()
    # Every figure is laid out already (tight_layout or fixed spacing). tight_layout leaves a
    # placeholder layout engine, and any engine (like bbox_inches="tight") makes savefig
    # draw the figure twice: drop it, one draw is enough.
    if isinstance(fig.get_layout_engine(), PlaceHolderLayoutEngine):
        fig.set_layout_engine(None)
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def save(fig: Figure, data: pd.DataFrame, folder: Path, stem: str) -> tuple[Path, bytes]:
    """Write ``folder/stem.png`` beside ``folder/stem.csv`` (the data behind it)."""
    folder.mkdir(parents=True, exist_ok=True)
    png = png_bytes(fig)
    (folder / f"{stem}.png").write_bytes(png)
    from analysis.config import write_csv  # formula cells neutralised (issue 16)

    write_csv(data, folder / f"{stem}.csv")
    return folder / f"{stem}.png", png


def data_uri(png: bytes) -> str:
    """An inline ``data:`` URI, so the HTML brief needs no file beside it."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
