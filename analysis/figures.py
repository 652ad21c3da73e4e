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
def similarity_heatmap(matrix: pd.DataFrame) -> Figure:
    """Estimated Jaccard similarity of every pair of documents."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    n = len(matrix)
    if n == 0:
        return _empty("No documents.")
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
    ax.set_title("Similarity of documents (MinHash, word 5-shingles)")
    fig.tight_layout()
    return fig


def words_per_document(docs: pd.DataFrame) -> Figure:
    """Words per document after cleaning."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    if docs.empty:
        return _empty("No documents.")
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.35 * len(docs) + 1))
    sns.barplot(data=docs, y="doc_id", x="words", ax=ax, color=sns.color_palette()[0])
    ax.set_xlabel("words after cleaning")
    ax.set_ylabel("")
    fig.tight_layout()
    return fig


# ------------------------------------------------------------------ indicators
def indicator_series(
    points: pd.DataFrame, labels: dict[str, str], years: tuple[int, int] | None = None
) -> Figure:
    """Small multiples, one panel per indicator: stated points filled, derived hollow.

    ``points`` has columns indicator, year, value, kind (stated|derived), doc_id.
    Colour tells the source document, so figures from different sources stay apart.
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    data = points[points["kind"].isin(["stated", "derived"])].dropna(subset=["year"])
    if data.empty:
        return _empty("No indicator values in this period.")
    indicators = list(dict.fromkeys(data.sort_values(["indicator"])["indicator"]))
    n = len(indicators)
    cols = 4 if n > 9 else 3 if n > 4 else max(n, 1)
    rows = -(-len(indicators) // cols)
    fig, axes = plt.subplots(
        rows, cols, figsize=(WIDTH_IN, 1.6 * rows + 0.6), squeeze=False, sharex=True
    )
    docs = sorted(data["doc_id"].unique())
    colours = dict(zip(docs, sns.color_palette("colorblind", len(docs)), strict=False))
    for ax, ind in zip(axes.flat, indicators, strict=False):
        sub = data[data["indicator"] == ind].sort_values("year")
        for (doc, kind), grp in sub.groupby(["doc_id", "kind"]):
            derived = kind == "derived"
            ax.scatter(
                grp["year"],
                grp["value"],
                s=28,
                marker=DERIVED_MARKER if derived else STATED_MARKER,
                facecolors="white" if derived else colours[doc],
                edgecolors=colours[doc],
                linewidths=1.2,
                zorder=3,
            )
        stated = sub[sub["kind"] == "stated"]
        if len(stated) > 1:
            ax.plot(stated["year"], stated["value"], color="0.7", lw=0.8, zorder=1)
        width = 20 if cols == 4 else 26
        title = textwrap.fill(
            textwrap.shorten(labels.get(ind, ind), 2 * width, placeholder="…"), width
        )
        ax.set_title(title, fontsize=7.5)
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _p: _fmt(v)))
        ax.tick_params(axis="x", labelrotation=0)
        ax.margins(y=0.25)
    if years:
        pad = max(2, (years[1] - years[0]) // 12)
        axes.flat[0].set_xlim(years[0] - pad, years[1] + pad)
    for ax in list(axes.flat)[len(indicators) :]:
        ax.axis("off")
    handles = [
        plt.Line2D([], [], marker=STATED_MARKER, ls="", color="0.3", label="stated"),
        plt.Line2D([], [], marker=DERIVED_MARKER, ls="", mfc="white", color="0.3", label="derived"),
    ] + [plt.Line2D([], [], marker="s", ls="", color=colours[d], label=str(d)[:3]) for d in docs]
    fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 7), frameon=False)
    # Fixed spacing instead of tight_layout, which measures every one of up to 16 panels
    # (0.75 s of a brief's run): titles take two lines at most and tick labels are short.
    height = fig.get_figheight()
    fig.subplots_adjust(
        left=0.09,
        right=0.98,
        top=1 - 0.45 / height,
        bottom=0.75 / height,
        wspace=0.45,
        hspace=0.75,
    )
    return fig


def growth_multiples(multiples: pd.DataFrame, labels: dict[str, str]) -> Figure:
    """Stated growth multiples (\"20.6 times that of 1978\") as horizontal bars.

    ``multiples`` has indicator, value (the multiple), period_start, period_end, doc_id.
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    if multiples.empty:
        return _empty("No growth multiples stated in this period.")
    data = multiples.copy()
    data["label"] = [
        f"{textwrap.shorten(labels.get(i, i), 30, placeholder='…')}\n"
        f"{int(a) if a == a else '?'}→{int(b) if b == b else '?'}"
        for i, a, b in zip(
            data["indicator"], data["period_start"], data["period_end"], strict=False
        )
    ]
    data = data.sort_values("value")
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.55 * len(data) + 0.8))
    sns.barplot(data=data, y="label", x="value", ax=ax, color=sns.color_palette()[0])
    for i, v in enumerate(data["value"]):
        ax.text(v, i, f"  {v:g}×", va="center", fontsize=8)
    ax.set_xlabel("times the base-year value (as stated)")
    ax.set_ylabel("")
    ax.set_xlim(0, data["value"].max() * 1.18)
    fig.tight_layout()
    return fig


def talent_flows(flows: pd.DataFrame, labels: dict[str, str]) -> Figure:
    """People sent abroad, returned, and foreign experts brought in, as stated.

    ``flows`` has indicator, value, qualifier, period (a text label), doc_id.
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    if flows.empty:
        return _empty("No figures on students, returnees or foreign experts in this period.")
    data = flows.copy()
    data["label"] = [
        f"{textwrap.shorten(labels.get(i, i), 28, placeholder='…')}\n{p} ({str(d)[:3]})"
        for i, p, d in zip(data["indicator"], data["period"], data["doc_id"], strict=False)
    ]
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.55 * len(data) + 0.8))
    palette = dict(
        zip(
            sorted(data["indicator"].unique()),
            sns.color_palette("colorblind", data["indicator"].nunique()),
            strict=False,
        )
    )
    sns.barplot(
        data=data, y="label", x="value", hue="indicator", palette=palette, ax=ax, legend=False
    )
    for i, (v, q) in enumerate(zip(data["value"], data["qualifier"], strict=False)):
        prefix = {"over": "over ", "nearly": "nearly ", "approx": "c. ", "at_least": "≥ "}
        ax.text(v, i, f"  {prefix.get(q, '')}{_fmt(v)}", va="center", fontsize=8)
    ax.set_xlabel("people")
    ax.set_ylabel("")
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _p: _fmt(v)))
    ax.set_xlim(0, data["value"].max() * 1.3)
    fig.tight_layout()
    return fig


# ------------------------------------------------------------------ partners, themes, events
def partners_by_era(counts: pd.DataFrame, top: int = 12) -> Figure:
    """Mentions of the most-named partners, by era (stacked horizontal bars).

    ``counts`` has partner, era, mentions.
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    if counts.empty:
        return _empty("No partners named in this period.")
    pivot = counts.pivot_table(index="partner", columns="era", values="mentions", aggfunc="sum")
    pivot = pivot.fillna(0)
    pivot = pivot.loc[pivot.sum(axis=1).sort_values(ascending=False).index[:top]]
    pivot = pivot.iloc[::-1]
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.32 * len(pivot) + 1.2))
    left = None
    colours = sns.color_palette("colorblind", len(pivot.columns))
    for colour, era in zip(colours, pivot.columns, strict=False):
        ax.barh(pivot.index, pivot[era], left=left, color=colour, label=str(era))
        left = pivot[era] if left is None else left + pivot[era]
    ax.set_xlabel("mentions")
    ax.legend(title="era", loc="lower right", frameon=True)
    fig.tight_layout()
    return fig


def themes_heatmap(rates: pd.DataFrame) -> Figure:
    """Themes by era: mentions per 1,000 words (rows themes, columns eras)."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    if rates.empty:
        return _empty("No themes found in this period.")
    # constrained layout makes room for seaborn's colour bar and its label; tight_layout
    # leaves that axes out and the label was cut off at the right edge
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.28 * len(rates) + 1.3), layout="constrained")
    sns.heatmap(
        rates,
        mask=rates.isna(),
        cmap="mako_r",
        annot=True,
        fmt=".1f",
        linewidths=0.5,
        cbar_kws={"label": "mentions per 1,000 words"},
        ax=ax,
    )
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="x", labelrotation=0)
    ax.grid(False)  # no grid lines through the blank column of an era without text
    return fig


def timeline(events: pd.DataFrame, max_rows: int = 22) -> Figure:
    """A vertical timeline: one row per event, year on the left, label on the right.

    ``events`` has year, date, event, doc_id; rows beyond ``max_rows`` are left to the table.
    """
    import matplotlib.pyplot as plt

    if events.empty:
        return _empty("No dated events in this period.")
    data = events.sort_values(["date", "doc_id"]).head(max_rows).reset_index(drop=True)
    n = len(data)
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.27 * n + 0.5))
    ax.set_xlim(0, 1)
    ax.set_ylim(n - 0.5, -0.5)
    ax.axis("off")
    ax.axvline(0.155, color="0.75", lw=1.2)
    for i, row in data.iterrows():
        ax.plot(0.155, i, "o", color="#0173b2", ms=4.5)
        ax.text(0.14, i, str(row["date"]), ha="right", va="center", fontsize=7.5)
        label = textwrap.shorten(str(row["event"]), 88, placeholder="…")
        ax.text(0.175, i, label, ha="left", va="center", fontsize=7.5)
    fig.tight_layout()
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
    data.to_csv(folder / f"{stem}.csv", index=False)
    return folder / f"{stem}.png", png


def data_uri(png: bytes) -> str:
    """An inline ``data:`` URI, so the HTML brief needs no file beside it."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
