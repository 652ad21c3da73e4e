"""The policy brief's content: the period's tables, its findings and its sections as escaped HTML.

The notebook ``notebooks/brief.ipynb`` calls :func:`load` once and then one section function
per cell. Every number shown comes from the tables built here at run time; the prose around
it states no figure of its own. Text from documents passes through Jinja's autoescape.
"""

from __future__ import annotations

import functools
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.config import TEMPLATE_DIR, InputError

TALENT = ("students_abroad", "returnees", "foreign_experts")
TRADE = ("tech_export_contracts", "tech_export_value", "tech_import_contracts", "tech_import_value")
INSTITUTIONS = (
    "st_diplomats",
    "st_offices",
    "joint_research_centers",
    "coop_bases",
    "innovation_zones",
    "tech_parks",
    "intl_org_memberships",
    "intl_org_positions",
)
SCALE = ("partner_countries", "intergov_agreements", "coop_projects", "personnel_exchanges")
QUAL_PREFIX = {
    "nearly": "nearly ",
    "over": "over ",
    "at_least": "at least ",
    "approx": "about ",
}


# ------------------------------------------------------------------ formatting
def _num(value: float, digits: int = 3) -> str:
    """A number for prose: thousands separators, "billion"/"million" words, ``digits``
    significant digits for scaled values (stated figures pass 6 so none is lost)."""
    if value != value:  # NaN
        return "?"
    if abs(value) >= 1e9:
        return f"{value / 1e9:,.{digits}g} billion"
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.{digits}g} million"
    if value == int(value):
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}g}"


def value_text(row: Any) -> str:
    """A fact's value as a reader expects it: "nearly 200,000", "US$6.69 billion", "2–3"."""
    unit, qualifier = row["unit"], row["qualifier"]
    low, high = row["low"], row["high"]
    computed = bool(row.get("derived_from")) and row.get("derived_from") == row.get("derived_from")
    digits = 3 if computed else 6  # a stated figure keeps every digit the document gives
    if qualifier in ("range", "target") and low == low and low is not None:
        num = _num(low, digits) if low == high else f"{_num(low, digits)}–{_num(high, digits)}"
        prefix = "target " if qualifier == "target" else ""
    else:
        num, prefix = _num(row["value"], digits), QUAL_PREFIX.get(qualifier, "")
    if unit == "USD":
        num = "US$" + num
    elif unit == "EUR":
        num = "€" + num
    elif unit == "CNY":
        num += " yuan"
    elif unit == "percent":
        num += "%"
    elif unit == "multiple":
        num += " times"
    elif unit == "fraction":
        num = f"{row['value']:.0%} (share)"
    elif unit == "m":
        num += " m"
    return prefix + num


def year_text(row: Any) -> str:
    """When a fact applies, with its basis: "1998", "by 1995", "1994–1998", "as of 1998"."""
    basis, year = row["year_basis"], row["year"]
    y = "" if year != year or year is None else str(int(year))
    ps, pe = row.get("period_start"), row.get("period_end")
    if basis == "cumulative":
        return f"by {y}"
    if basis == "period" and ps == ps and ps is not None:
        end = int(pe) if pe == pe and pe is not None else y
        return f"{int(ps)}–{end}"
    if basis == "publication":
        return f"as of {y}" if y else "undated"
    if basis == "relative":
        return f"{y}, computed"
    return y


def short_ids(doc_ids: list[str]) -> dict[str, str]:
    """Shortest readable reference per document: the part before the first "_" if unique."""
    heads = [d.split("_", 1)[0] for d in doc_ids]
    unique = len(set(heads)) == len(heads)
    return {d: (h if unique else d) for d, h in zip(doc_ids, heads, strict=True)}


# ------------------------------------------------------------------ the brief's data
@dataclass
class Figure:
    number: int
    stem: str
    caption: str
    source: str
    alt: str
    uri: str


@dataclass
class Brief:
    """Everything the brief shows, for one period."""

    title: str
    start_year: int
    end_year: int
    output_dir: Path
    corpus: Any
    docs: Any
    facts: Any
    series: Any
    multiples: Any
    conflicts: Any
    events: Any
    mentions: Any
    theme_rates: Any
    theme_mentions: Any
    eras: list[dict]
    labels: dict[str, str]
    used_docs: list[str]
    refs: dict[str, str]
    annex_numbers: dict[str, int] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)

    @property
    def period(self) -> str:
        return f"{self.start_year}–{self.end_year}"

    # -------------------------------------------------------------- citations
    def cite(self, fact_id: str) -> Any:
        """A link to the fact's entry in annex B, carrying its id and value for checks."""
        from markupsafe import Markup, escape

        n = self.annex_numbers.get(fact_id)
        if n is None:
            return Markup("")
        row = self.facts.loc[self.facts["fact_id"] == fact_id].iloc[0]
        return Markup(
            f'<a class="cite" href="#{escape(_anchor(fact_id))}" data-fact="{escape(fact_id)}" '
            f'data-value="{float(row["value"])!r}">[{n}]</a>'
        )

    def fact_phrase(self, row: Any) -> Any:
        """ "22,000 (1998) [3]" for a facts row."""
        from markupsafe import Markup, escape

        return Markup(f"{escape(value_text(row))} ({escape(year_text(row))})") + self.cite(
            row["fact_id"]
        )

    def label(self, indicator: str) -> str:
        return self.labels.get(indicator, indicator.replace("_", " "))

    def doc_title(self, doc_id: str) -> str:
        row = self.docs.loc[self.docs["doc_id"] == doc_id]
        return str(row.iloc[0]["title"]) if len(row) else doc_id

    def doc_date(self, doc_id: str) -> str:
        row = self.docs.loc[self.docs["doc_id"] == doc_id]
        return str(row.iloc[0]["published"]) if len(row) else ""

    def sources_line(self, doc_ids) -> str:
        ids = sorted(set(doc_ids))
        if not ids:
            return "no document in this period."
        refs = ", ".join(self.refs.get(d, d) for d in ids)
        return f"documents {refs} (annex A); extraction by stbrief."

    # -------------------------------------------------------------- figures
    def add_figure(
        self, fig, data, name: str, caption: str, source_docs, alt: str
    ) -> Figure | None:
        """Save the figure beside its data, and keep it for the HTML (inlined).

        With no data behind it there is no figure (and no number): the section says so.
        """
        from analysis import figures

        if data is None or len(data) == 0:
            import matplotlib.pyplot as plt

            plt.close(fig)
            return None
        number = len(self.figures) + 1
        stem = f"{number:02d}-{name}"
        _path, png = figures.save(fig, data, self.output_dir / "figures", stem)
        item = Figure(
            number, stem, caption, self.sources_line(source_docs), alt, figures.data_uri(png)
        )
        self.figures.append(item)
        return item


def _count(n: int, noun: str) -> str:
    """ "1 figure", "2 figures" """
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _anchor(fact_id: str) -> str:
    return "fact-" + re.sub(r"[^A-Za-z0-9]+", "-", fact_id).strip("-")


def validate_period(start_year: int, end_year: int) -> None:
    """Raise InputError for a period the brief cannot be built for."""
    for name, year in (("start_year", start_year), ("end_year", end_year)):
        if not isinstance(year, int) or not 1949 <= year <= 2030:
            raise InputError(f"parameter {name}={year!r}: must be a year from 1949 to 2030")
    if start_year > end_year:
        raise InputError(f"parameters start_year={start_year} > end_year={end_year}")


def load(
    seeds_dir: str | Path, start_year: int, end_year: int, title: str, output_dir: str | Path
) -> Brief:
    """Read the corpus and build every table of the brief for the period."""
    import pandas as pd

    from analysis import cache, events, facts, series, themes

    validate_period(start_year, end_year)
    output_dir = Path(output_dir)
    (output_dir / "data").mkdir(parents=True, exist_ok=True)
    tables = cache.corpus_tables(seeds_dir)  # the same for every period: computed once
    docs_corpus, docs = tables.corpus, tables.docs
    period_facts = facts.filter_period(tables.facts, start_year, end_year)
    classified = period_facts[period_facts["indicator"] != "unclassified"]
    point_series = series.indicator_series(period_facts)
    multiples = classified[(classified["unit"] == "multiple") & ~classified["duplicate"]]
    conflicts = series.conflicts(period_facts)
    timeline = events.timeline_table(docs_corpus, start_year, end_year)
    mentions = tables.partner_mentions
    mentions = mentions[mentions["year"].between(start_year, end_year)]
    theme_mentions = tables.theme_mentions
    theme_mentions = theme_mentions[theme_mentions["year"].between(start_year, end_year)]
    rates = themes.themes_by_era(
        theme_mentions, docs_corpus, start_year=start_year, end_year=end_year
    )
    eras = [e for e in themes.load_eras() if e["end"] >= start_year and e["start"] <= end_year]
    used = sorted(set(period_facts["doc_id"]) | set(timeline["doc_id"]) | set(mentions["doc_id"]))
    b = Brief(
        title=title,
        start_year=start_year,
        end_year=end_year,
        output_dir=output_dir,
        corpus=docs_corpus,
        docs=docs,
        facts=period_facts,
        series=point_series,
        multiples=multiples,
        conflicts=conflicts,
        events=timeline,
        mentions=mentions,
        theme_rates=rates,
        theme_mentions=theme_mentions,
        eras=eras,
        labels=facts.indicator_labels(),
        used_docs=used,
        refs=short_ids(list(docs["doc_id"])),
    )
    annexed = classified.sort_values(["doc_id", "start", "fact_id"])
    b.annex_numbers = {fid: i + 1 for i, fid in enumerate(annexed["fact_id"])}
    # the tables behind the brief, for readers who want the numbers
    docs.to_csv(output_dir / "data" / "documents.csv", index=False)
    period_facts.to_csv(output_dir / "data" / "facts.csv", index=False)
    timeline.to_csv(output_dir / "data" / "timeline.csv", index=False)
    conflicts.to_csv(output_dir / "data" / "conflicts.csv", index=False)
    pd.DataFrame(
        [(s.file, s.reason) for s in docs_corpus.skipped], columns=["file", "reason"]
    ).to_csv(output_dir / "data" / "skipped.csv", index=False)
    return b


# ------------------------------------------------------------------ rendering helpers
@functools.cache
def _env():
    """One environment per process: it caches the compiled template (0.03 s a compile) and
    reloads it when the file changes (auto_reload), so edits show up in JupyterLab."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR / "sections")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _macro(name: str):
    return getattr(_env().get_template("sections.html.j2").module, name)


def _section(heading: str, anchor: str, *parts: Any) -> str:
    from markupsafe import Markup, escape

    body = Markup("").join(Markup(p) if isinstance(p, Markup) else Markup(p) for p in parts)
    return str(Markup(f'<section>\n<h2 id="{anchor}">{escape(heading)}</h2>\n') + body) + (
        "\n</section>"
    )


def _p(text: Any, cls: str = "") -> Any:
    from markupsafe import Markup, escape

    klass = f' class="{cls}"' if cls else ""
    return Markup(f"<p{klass}>") + escape(text) + Markup("</p>\n")


def _table(columns: list[str], rows: list[list[Any]], cls: str = "") -> Any:
    from markupsafe import Markup

    return Markup(_macro("table")(columns, rows, cls))


def _figure(fig: Figure | None) -> Any:
    from markupsafe import Markup

    if fig is None:
        return _p("No data for this figure in this period.", "note")
    return Markup(_macro("figure")(fig))


def _stated(b: Brief, indicators) -> Any:
    f = b.facts
    return f[
        f["indicator"].isin(indicators)
        & (f["derived_from"].fillna("") == "")
        & (f["unit"] != "multiple")
        & ~f["duplicate"]
    ].sort_values(["indicator", "year", "doc_id"])


def _values_table(b: Brief, indicators, empty: str) -> Any:
    rows = _stated(b, indicators)
    if rows.empty:
        return _p(empty, "note")
    body = [
        [
            b.label(r["indicator"]),
            value_text(r),
            year_text(r),
            b.refs.get(r["doc_id"], r["doc_id"]),
            b.cite(r["fact_id"]),
        ]
        for _, r in rows.iterrows()
    ]
    return _table(["Indicator", "Value", "When", "Document", "Source"], body, "values")


# ------------------------------------------------------------------ sections
def summary(b: Brief) -> str:
    """Title paragraph: what was read, how much it holds, the headline growth."""
    from markupsafe import Markup, escape

    used = b.docs[b.docs["doc_id"].isin(b.used_docs)]
    years = sorted(int(str(p)[:4]) for p in used["published"] if str(p)[:4].isdigit())
    doc_years = (
        "" if not years else (f"{years[0]}" if years[0] == years[-1] else f"{years[0]}–{years[-1]}")
    )
    headline = Markup("")
    top = _largest_multiple(b)
    if top is not None:
        headline = (
            Markup("The largest growth they record is in ")
            + escape(b.label(top["indicator"]).lower())
            + Markup(": ")
            + escape(value_text(top))
            + Markup(f" the {int(top['period_start'])} level by {int(top['period_end'])}")
            + b.cite(top["fact_id"])
            + Markup(".")
        )
    context = {
        "n_docs": len(b.used_docs),
        "doc_years": doc_years,
        "n_facts": int((b.facts["derived_from"].fillna("") == "").sum()),
        "n_classified": int(
            (
                (b.facts["indicator"] != "unclassified")
                & (b.facts["derived_from"].fillna("") == "")
            ).sum()
        ),
        "n_events": len(b.events),
        "period": b.period,
        "headline": headline,
        "n_conflicts": len(b.conflicts),
    }
    return str(_macro("summary")(context))


def _largest_multiple(b: Brief):
    m = b.multiples.dropna(subset=["period_start", "period_end"])
    if m.empty:
        return None
    return m.sort_values(["value", "fact_id"], ascending=[False, True]).iloc[0]


def key_findings(b: Brief) -> str:
    """Five or so findings chosen from the data, each with its figures and citations."""
    from markupsafe import Markup, escape

    items: list[Any] = []
    # 1. largest growth: the stated multiple, with the figures at both ends where known
    top = _largest_multiple(b)
    if top is not None:
        base_year, end_year = int(top["period_start"]), int(top["period_end"])
        text = (
            Markup("Largest growth: ")
            + escape(b.label(top["indicator"]))
            + Markup(" reached ")
            + escape(value_text(top))
            + Markup(f" the {base_year} level by {end_year}")
            + b.cite(top["fact_id"])
        )
        f = b.facts
        base = f[(f["derived_from"].fillna("") != "") & (f["start"] == top["start"])]
        base = base[base["doc_id"] == top["doc_id"]]
        end = f[
            (f["indicator"] == top["indicator"])
            & (f["year"] == top["period_end"])
            & (f["doc_id"] == top["doc_id"])
            & (f["unit"] != "multiple")
            & (f["derived_from"].fillna("") == "")
        ]
        ends = []
        if len(base):
            ends.append(
                Markup("about ")
                + escape(_num(base.iloc[0]["value"]))
                + Markup(f" in {base_year} (computed)")
                + b.cite(base.iloc[0]["fact_id"])
            )
        if len(end):
            ends.append(escape(value_text(end.iloc[0])) + Markup(f" in {end_year}"))
            ends[-1] += b.cite(end.iloc[0]["fact_id"])
        if ends:
            text += (
                Markup(": from ") + Markup(" to ").join(ends)
                if len(ends) == 2
                else (Markup(" (") + ends[0] + Markup(")"))
            )
        items.append(text + Markup("."))
    # 2. reach: the latest stated partner count and agreements
    reach = []
    for ind in ("partner_countries", "intergov_agreements"):
        rows = _stated(b, [ind]).dropna(subset=["year"])
        if len(rows):
            last = rows.sort_values(["year", "doc_id"]).iloc[-1]
            reach.append(escape(b.label(last["indicator"])) + Markup(": ") + b.fact_phrase(last))
    if reach:
        items.append(Markup("Reach: ") + Markup("; ").join(reach) + Markup("."))
    # 3. brain circulation
    talent = []
    for ind in ("students_abroad", "returnees", "foreign_experts"):
        rows = _stated(b, [ind]).dropna(subset=["year"])
        if len(rows):
            last = rows.sort_values(["year", "doc_id"]).iloc[-1]
            talent.append(escape(b.label(ind)) + Markup(" ") + b.fact_phrase(last))
    if talent:
        text = Markup("Brain circulation: ") + Markup("; ").join(talent)
        ratio = _return_ratio(b)
        if ratio:
            text += Markup(f"; in the same source, returnees equal {ratio[0]:.0%} of those sent")
            text += b.cite(ratio[1]) + b.cite(ratio[2])
        items.append(text + Markup("."))
    # 4. from receiving aid to joint investment and giving assistance: the sources' words
    quotes = _mode_quotes(b, ("aid",))
    if quotes:
        parts = [
            Markup("“")
            + escape(textwrap.shorten(q["sentence"], 320, placeholder=" …"))
            + Markup("” (")
            + escape(b.refs.get(q["doc_id"], q["doc_id"]))
            + Markup(", ")
            + escape(b.doc_date(q["doc_id"]) or "undated")
            + Markup(")")
            for q in quotes
        ]
        items.append(
            Markup("From receiving aid to partnership and assistance, in the sources' words: ")
            + Markup("; ").join(parts)
            + Markup(".")
        )
    # 5. mega-science programmes named
    prog = b.mentions[b.mentions["kind"] == "programme"]
    if len(prog):
        names = list(dict.fromkeys(prog.sort_values(["year", "start"])["partner"]))
        docs = sorted(set(prog["doc_id"]))
        items.append(
            Markup("Mega-science: China's part in ")
            + escape(", ".join(names))
            + Markup(" is named in ")
            + escape(", ".join(f"{b.refs.get(d, d)} ({b.doc_date(d) or 'undated'})" for d in docs))
            + Markup(".")
        )
    # 6. where the sources disagree
    if len(b.conflicts):
        c = b.conflicts.sort_values("difference", ascending=False).iloc[0]
        items.append(
            Markup(
                f"Sources disagree on {_count(len(b.conflicts), 'figure')} for about the same "
                "time; "
            )
            + Markup("the widest gap: ")
            + escape(b.label(c["indicator"]))
            + Markup(", ")
            + _conflict_side(b, c, "a")
            + Markup(" against ")
            + _conflict_side(b, c, "b")
            + Markup(".")
        )
    return str(_macro("findings")(items))


def _conflict_side(b: Brief, c: Any, side: str) -> Any:
    from markupsafe import Markup, escape

    row = b.facts.loc[b.facts["fact_id"] == c[f"fact_{side}"]]
    if not len(row):
        return escape(f"{_num(c[f'value_{side}'])} ({c[f'doc_{side}']})")
    r = row.iloc[0]
    return (
        escape(value_text(r))
        + Markup(" (")
        + escape(f"{b.refs.get(r['doc_id'], r['doc_id'])}, {year_text(r)}")
        + Markup(")")
        + b.cite(r["fact_id"])
    )


def _return_ratio(b: Brief):
    s = _stated(b, ["students_abroad"])
    r = _stated(b, ["returnees"])
    for _, a in s.iterrows():
        same = r[(r["doc_id"] == a["doc_id"]) & (r["year"] == a["year"])]
        if len(same) and a["value"]:
            ret = same.iloc[0]
            return ret["value"] / a["value"], a["fact_id"], ret["fact_id"]
    return None


def _mode_quotes(b: Brief, words: tuple[str, ...]) -> list[dict]:
    """The earliest and the latest sentence that the themes lexicon files under a mode whose
    id contains one of ``words`` (the aid and South-South mode)."""
    mentions = b.theme_mentions
    hits = mentions[
        (mentions["group"] == "mode")
        & mentions["theme"].astype(str).str.contains("|".join(words), regex=True)
    ]
    if hits.empty:
        return []
    hits = hits.sort_values(["year", "doc_id", "start"]).drop_duplicates(["doc_id", "start"])
    picks = [hits.iloc[0]] + (
        [hits.iloc[-1]] if hits.iloc[-1]["doc_id"] != hits.iloc[0]["doc_id"] else []
    )
    out = []
    for p in picks:
        doc = b.corpus.get(p["doc_id"])
        sent = next((s for s in doc.sentences if s.start <= p["start"] < s.end + 1), None)
        if sent is not None:
            out.append({"doc_id": p["doc_id"], "sentence": " ".join(sent.text.split())})
    return out


def phases(b: Brief) -> str:
    """A table of the eras: landmark events, leading themes and modes, indicator values."""
    from markupsafe import Markup, escape

    rows = []
    for era in b.eras:
        lo, hi = max(era["start"], b.start_year), min(era["end"], b.end_year)
        ev = _landmarks(b.events)
        ev = ev[ev["year"].between(lo, hi)].head(3)
        events_cell = Markup("<br>").join(
            escape(f"{r['date']}: {textwrap.shorten(str(r['event']), 80, placeholder='…')}")
            for _, r in ev.iterrows()
        ) or Markup("—")
        themes_cell = _leading_themes(b, era["id"])
        f = b.facts
        vals = f[
            f["indicator"].isin(SCALE + TRADE + TALENT + INSTITUTIONS)
            & (f["unit"] != "multiple")
            & ~f["duplicate"]
            & f["year"].between(lo, hi)
        ].sort_values(["year", "doc_id", "start"])
        vals = vals.drop_duplicates("indicator").head(5)
        values_cell = Markup("<br>").join(
            escape(b.label(r["indicator"])) + Markup(": ") + b.fact_phrase(r)
            for _, r in vals.iterrows()
        ) or Markup("—")
        rows.append([escape(f"{era['label']} ({lo}–{hi})"), events_cell, themes_cell, values_cell])
    intro = _p(
        "The eras are set in analysis/lexicon/eras.yaml. Events are the dated sentences of the "
        "documents; themes are the fields and modes of cooperation mentioned most per 1,000 "
        "words of text about that era; values are the indicator figures stated for its years."
    )
    table = _table(["Era", "Landmark events", "Leading themes", "Indicator values"], rows, "phases")
    timeline_data = _landmarks(b.events)
    from analysis import figures

    fig = b.add_figure(
        figures.timeline(timeline_data),
        timeline_data[["date", "year", "doc_id", "event", "partners", "sentence"]],
        "timeline",
        f"Dated events in the documents, {b.period} (up to 22 shown; all in the timeline data).",
        timeline_data["doc_id"],
        "Vertical timeline of dated events: "
        + "; ".join(
            f"{r['date']} {textwrap.shorten(str(r['event']), 60, placeholder='…')}"
            for _, r in timeline_data.head(12).iterrows()
        ),
    )
    return _section("Phases of the period", "phases", intro, table, _figure(fig))


def _landmarks(events):
    """Events that are occasions, not statistics: no figures, no trend start, no target."""
    keep = ~events["has_figures"].astype(bool) & (events["context"].fillna("") == "")
    keep &= ~events["duplicate"].astype(bool)
    return events[keep].drop_duplicates("sentence")


def _leading_themes(b: Brief, era_id: str) -> Any:
    from markupsafe import Markup, escape

    r = b.theme_rates
    if r is None or r.empty or "era" not in r:
        return Markup("—")
    sub = r[(r["era"] == era_id) & (r["rate"] > 0)]
    parts = []
    for group in ("field", "mode"):
        top = sub[sub["group"] == group].sort_values(["rate", "label"], ascending=[False, True])
        if len(top):
            parts.append(escape(group + "s: " + ", ".join(top["label"].head(2))))
    return Markup("<br>").join(parts) or Markup("—")


def scale(b: Brief) -> str:
    """Scale of cooperation: the indicator series figure and the values behind it."""
    from analysis import figures

    pts = b.series
    pts = pts[pts["kind"].isin(["stated", "derived"]) & pts["indicator"].isin(SCALE + INSTITUTIONS)]
    fig = b.add_figure(
        figures.indicator_series(pts, b.labels, years=(b.start_year, b.end_year)),
        pts,
        "indicator-series",
        "Indicators of the scale of cooperation over time. Filled circles are figures the "
        "documents state; hollow diamonds are base-year values computed from a stated multiple. "
        "Colours tell the source document.",
        pts["doc_id"],
        _series_alt(b, pts),
    )
    return _section(
        "Scale of cooperation",
        "scale",
        _p(
            "Counts of partner countries, agreements, projects and exchanges, as each document "
            "states them, with the year each figure describes."
        ),
        _figure(fig),
        _values_table(b, SCALE, "No figure on the scale of cooperation is stated for this period."),
    )


def _series_alt(b: Brief, pts) -> str:
    if pts.empty:
        return "No indicator values in this period."
    parts = []
    for ind, grp in pts.sort_values("year").groupby("indicator", sort=True):
        vals = ", ".join(
            f"{_num(v)} ({int(y)}{', computed' if k == 'derived' else ''})"
            for v, y, k in zip(grp["value"], grp["year"], grp["kind"], strict=False)
        )
        parts.append(f"{b.label(ind)}: {vals}")
    return "Panels per indicator. " + "; ".join(parts)


def technology_trade(b: Brief) -> str:
    """Technology export and import contracts and values, and the stated growth multiples."""
    from analysis import figures

    mult = b.multiples[
        ["fact_id", "doc_id", "indicator", "value", "period_start", "period_end", "quote"]
    ]
    fig = b.add_figure(
        figures.growth_multiples(mult, b.labels),
        mult,
        "growth-multiples",
        'Growth multiples as the documents state them ("20.6 times that of 1978"): each bar '
        "is one stated multiple, from the base year to the year of the figure.",
        mult["doc_id"],
        "Horizontal bars of stated growth multiples: "
        + "; ".join(
            f"{b.label(r['indicator'])} {r['value']:g} times, {int(r['period_start'])} to "
            f"{int(r['period_end'])}"
            for _, r in mult.dropna(subset=["period_start", "period_end"]).iterrows()
        ),
    )
    return _section(
        "Technology trade",
        "technology-trade",
        _p(
            "Contracts for the export and import of technology and their value, and how many "
            "times the base-year level the documents say they reached."
        ),
        _values_table(b, TRADE, "No technology-trade figures in this period."),
        _figure(fig),
    )


def talent(b: Brief) -> str:
    """Students sent abroad, returnees and foreign experts."""
    from analysis import figures

    rows = _stated(b, TALENT)
    flows = rows.assign(period=[year_text(r) for _, r in rows.iterrows()])[
        ["fact_id", "doc_id", "indicator", "value", "unit", "qualifier", "low", "high", "period"]
    ]
    fig = b.add_figure(
        figures.talent_flows(flows, b.labels),
        flows,
        "talent-flows",
        "People sent abroad to study, returnees and foreign experts, as stated, with the period "
        "each figure covers.",
        flows["doc_id"],
        "Bars of talent flows: "
        + "; ".join(
            f"{b.label(r['indicator'])} {value_text(r)} ({r['period']})"
            for _, r in flows.iterrows()
        ),
    )
    return _section(
        "Talent and brain circulation",
        "talent",
        _p("Students and scholars sent abroad, those who came back, and foreign experts invited."),
        _figure(fig),
        _values_table(b, TALENT, "No figures on students, returnees or experts in this period."),
    )


def institutions(b: Brief) -> str:
    """S&T diplomats, offices, joint centres, bases, zones, parks; mega-science programmes."""
    from markupsafe import Markup, escape

    prog = b.mentions[b.mentions["kind"] == "programme"]
    if len(prog):
        names = (
            prog.groupby("partner")["doc_id"]
            .agg(lambda s: ", ".join(sorted({b.refs.get(d, d) for d in s})))
            .reset_index()
        )
        mega = _table(
            ["Programme", "Named in"], [[r["partner"], r["doc_id"]] for _, r in names.iterrows()]
        )
    else:
        mega = _p("No international mega-science programme is named in this period.", "note")
    return _section(
        "Institutions and mega-science",
        "institutions",
        _p(
            "The institutions of S&T diplomacy: diplomats and offices abroad, joint research "
            "centres, cooperation bases, innovation zones and technology parks, and membership "
            "of international organisations."
        ),
        _values_table(b, INSTITUTIONS, "No institutional figures in this period."),
        Markup("<h3>International mega-science programmes</h3>\n"),
        mega,
        escape(""),
    )


def partners_section(b: Brief) -> str:
    """Countries and organisations mentioned, by era."""
    from analysis import figures

    m = b.mentions
    counts = (
        m.dropna(subset=["era"]).groupby(["partner", "era"]).size().reset_index(name="mentions")
    )
    top = counts.groupby("partner")["mentions"].sum().sort_values(ascending=False)
    fig = b.add_figure(
        figures.partners_by_era(counts),
        counts,
        "partners-by-era",
        "Countries, regions, organisations and programmes named most often, by era of the "
        "sentence that names them.",
        m["doc_id"],
        "Stacked bars of mentions per partner: "
        + "; ".join(f"{p} {n}" for p, n in top.head(12).items()),
    )
    kinds = (
        m.groupby(["partner", "kind"])
        .agg(mentions=("doc_id", "size"), docs=("doc_id", "nunique"))
        .reset_index()
        .sort_values(["mentions", "partner"], ascending=[False, True])
        .head(15)
    )
    table = _table(
        ["Partner", "Kind", "Mentions", "Documents"],
        [[r["partner"], r["kind"], r["mentions"], r["docs"]] for _, r in kinds.iterrows()],
    )
    return _section(
        "Partners",
        "partners",
        _p(
            "Who China cooperates with, as the documents name them (aliases and demonyms "
            "normalised: “U.S.” and “American” count for the United States)."
        ),
        _figure(fig),
        table,
    )


def themes_section(b: Brief) -> str:
    """Fields and modes of cooperation by era (heatmap)."""
    from analysis import figures

    r = b.theme_rates
    if r is None or r.empty:
        pivot = r
    else:
        # an era with no text about it stays blank rather than showing zeros
        pivot = r.pivot_table(
            index="label", columns="era", values="rate", aggfunc="mean", dropna=False
        )
        pivot = pivot.loc[pivot.fillna(0).sum(axis=1) > 0]
    fig = b.add_figure(
        figures.themes_heatmap(pivot),
        r,
        "themes-by-era",
        "Fields and modes of cooperation by era: mentions per 1,000 words of text about that era "
        "(phrases in analysis/lexicon/themes.yaml)."
        + (
            " A blank column: no sentence of the documents is dated to that era."
            if pivot is not None and not pivot.empty and pivot.isna().all().any()
            else ""
        ),
        b.used_docs,
        "Heatmap of themes by era: "
        + (
            "; ".join(
                f"{idx}: " + ", ".join(f"{c} {v:.1f}" for c, v in row.items() if v > 0)
                for idx, row in pivot.iterrows()
            )
            if pivot is not None and not pivot.empty
            else "no themes"
        ),
    )
    return _section(
        "Themes over time",
        "themes",
        _p(
            "Which fields (biotechnology, space, energy …) and which modes of cooperation "
            "(exchanges, joint research, technology trade, aid …) the texts speak of, era by era."
        ),
        _figure(fig),
    )


def disagreements(b: Brief) -> str:
    """Where the sources give different figures for the same thing at about the same time."""
    if b.conflicts.empty:
        body = _p(
            "No two documents give different figures for the same indicator at about the "
            "same time in this period.",
            "note",
        )
    else:
        rows = []
        for _, c in b.conflicts.iterrows():
            rows.append(
                [
                    b.label(c["indicator"]),
                    _conflict_side(b, c, "a"),
                    _conflict_side(b, c, "b"),
                    f"{c['difference']:.0%}",
                ]
            )
        body = _table(["Indicator", "One source", "Another source", "Difference"], rows)
    return _section(
        "Where the sources disagree",
        "disagreements",
        _p(
            "Figures are shown as each document gives them; none is preferred. A difference may "
            'reflect another date, another definition or rounding ("nearly 100").'
        ),
        body,
    )


# How a document's date was found (corpus.date_document's basis codes), in a reader's words.
# The codes stay in documents.csv; an unknown code is shown as it is.
DATE_BASIS_TEXT = {
    "catalog": "given in the catalog",
    "dateline": "dateline or “Updated” stamp",
    "dateline+text_year": "dateline, year from the text",
    "text": "date of the occasion in the text",
    "latest_year": "latest year the text reports",
    "title_period": "start of the period in the title",
    "boilerplate (weak)": "page date only (weak)",
    "unknown": "not found",
}


def date_basis_text(code: str) -> str:
    return DATE_BASIS_TEXT.get(code, code)


def methodology(b: Brief) -> str:
    """How the numbers were made, and what to keep in mind."""
    from markupsafe import Markup, escape

    bases = b.docs[b.docs["doc_id"].isin(b.used_docs)]["published_basis"].value_counts()
    unclassified = int((b.facts["indicator"] == "unclassified").sum())
    dups = int(b.facts["duplicate"].sum())
    skipped = b.corpus.skipped
    items = [
        "Documents are read from plain-text files; site boilerplate (navigation, breadcrumbs, "
        "footers) is removed by rules in analysis/lexicon/boilerplate.yaml, and every quote "
        "maps back to its place in the original file.",
        "Publication dates are inferred from the text when no catalog entry gives them; the "
        "basis of each date is in annex A ("
        + "; ".join(f"{date_basis_text(k)}: {v}" for k, v in bases.items())
        + ").",
        "Numbers are extracted with their qualifier (nearly, over, about), unit and the year "
        "they describe; a figure without a year of its own is dated by its document "
        '("as of …"). Base-year values are computed from stated multiples and marked as '
        "computed.",
        f"{unclassified} numbers in this period's documents match no indicator of "
        "analysis/lexicon/indicators.yaml and are left out of the analysis (they stay in "
        "the facts data).",
        "Near-copies of a document are detected by MinHash similarity; "
        f"{_count(dups, 'repeated figure')} from such copies are shown but not counted twice.",
        "Documents are official or press sources of their time; figures are as stated, not "
        "verified against statistics.",
    ]
    if skipped:
        items.append(
            "Files left out: " + "; ".join(f"{s.file} ({s.reason})" for s in skipped) + "."
        )
    body = (
        Markup("<ul>\n")
        + Markup("").join(Markup("<li>") + escape(i) + Markup("</li>\n") for i in items)
        + Markup("</ul>\n")
    )
    return _section("Methodology and limitations", "methodology", body)


def annex_sources(b: Brief) -> str:
    """Annex A: the documents, with how each was dated."""
    used = b.docs[b.docs["doc_id"].isin(b.used_docs)]
    rows = [
        [
            b.refs.get(r["doc_id"], r["doc_id"]),
            r["title"],
            r["publisher"] or "—",
            r["published"] or "—",
            date_basis_text(r["published_basis"]),
            r["words"],
            r["duplicate_of"] or "—",
        ]
        for _, r in used.iterrows()
    ]
    table = _table(
        ["Ref", "Title", "Publisher", "Published", "Dated by", "Words", "Copy of"],
        rows,
        "sources breakable",  # grows with the corpus: may run over pages
    )
    return _section(
        "Annex A: sources",
        "annex-sources",
        _p(
            f"The {_count(len(used), 'document')} this brief for {b.period} draws on (file "
            "names in the data folder's documents.csv)."
        ),
        table,
    )


def annex_facts(b: Brief) -> str:
    """Annex B: every fact used, with the sentence it came from and its place in it."""
    from markupsafe import Markup

    rows = []
    f = b.facts.set_index("fact_id", drop=False)
    for fid, n in sorted(b.annex_numbers.items(), key=lambda kv: kv[1]):
        r = f.loc[fid]
        doc = b.corpus.get(r["doc_id"])
        sent = next((s for s in doc.sentences if s.start <= r["start"] and r["end"] <= s.end), None)
        if sent is not None:
            before = doc.text[sent.start : r["start"]]
            after = doc.text[r["end"] : sent.end]
        else:
            before, after = "", ""
        derived = ""
        if r["derived_from"]:
            src = b.annex_numbers.get(r["derived_from"])
            derived = f"computed from [{src}] and the stated multiple" if src else "computed"
        rows.append(
            {
                "anchor": _anchor(fid),
                "number": n,
                "value_text": value_text(r),
                "indicator_label": b.label(r["indicator"]),
                "year_text": year_text(r),
                "derived_text": derived,
                "duplicate": bool(r["duplicate"]),
                "doc_title": b.doc_title(r["doc_id"]),
                "doc_id": b.refs.get(r["doc_id"], r["doc_id"]),
                "published": b.doc_date(r["doc_id"]),
                "before": " ".join(before.split()) + (" " if before[-1:].isspace() else ""),
                "quote": doc.text[r["start"] : r["end"]],
                "after": (" " if after[:1].isspace() else "") + " ".join(after.split()),
            }
        )
    intro = _p(
        "Every figure the brief uses, numbered as cited, with the document, its date and the "
        "sentence it comes from (the figure's own words highlighted)."
    )
    return _section(
        "Annex B: facts and their sentences",
        "annex-facts",
        intro,
        Markup(_macro("fact_annex")(rows)),
    )
