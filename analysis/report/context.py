"""The period's tables, their citations and figures: what every section of the brief reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.config import InputError
from analysis.report import values


@dataclass
class Brief:
    """Everything the brief draws on, for one period (tables as pandas frames)."""

    title: str
    start_year: int
    end_year: int
    seeds_dir: Path
    output_dir: Path
    corpus: Any
    docs: Any
    facts: Any  # the period's facts, with the comparability columns filled in
    conflicts: Any
    events: Any
    mentions: Any
    theme_mentions: Any
    theme_rates: Any
    eras: list[dict]
    labels: dict[str, str]
    names: dict[str, str]  # doc_id -> the name a reader knows the source by
    refs: dict[str, str]  # doc_id -> the annex's short reference
    used_docs: list[str]
    annex: list[dict] = field(default_factory=list)
    cites: dict[str, dict] = field(default_factory=dict)
    figures: list[dict] = field(default_factory=list)
    changes: Any = None  # set by the editions step, if the notebook calls it
    shown: dict[str, Any] = field(default_factory=dict)  # section name -> the data it showed

    @property
    def period(self) -> str:
        return f"{self.start_year}–{self.end_year}"

    def cite(self, fact_id: str) -> dict | None:
        """The citation of a fact: its annex B entry's number and anchor, or None."""
        return self.cites.get(fact_id)

    def label(self, indicator: str) -> str:
        return self.labels.get(indicator, indicator.replace("_", " "))

    def source(self, doc_id: str) -> dict:
        """A document as the body names it, with the anchor of its annex A entry."""
        return {"name": self.names.get(doc_id, "an unnamed source"), "anchor": doc_anchor(doc_id)}

    def fact(self, row: Any) -> dict:
        """A fact as sections show it: value and date in words, its label, source, citation."""
        return {
            "fact_id": row["fact_id"],
            "indicator": row["indicator"],
            "label": self.label(row["indicator"]),
            "value": float(row["value"]),
            "text": values.value_text(row),
            "when": values.year_text(row),
            "year": None if values.missing(row["year"]) else int(row["year"]),
            "counted": str(row.get("counted") or ""),
            "actor": str(row.get("actor") or ""),
            "scope": str(row.get("scope") or ""),
            "measure": str(row.get("measure_of") or row.get("measure") or ""),
            "computed": bool(row.get("derived_from")),
            "source": self.source(row["doc_id"]),
            "cite": self.cite(row["fact_id"]),
        }

    def add_figure(self, fig: Any, data: Any, name: str, doc_ids: Any, **keys: Any) -> dict | None:
        """Save ``fig`` beside its data as ``figures/NN-name.png``; number it; None when no
        data stands behind it (then there is no figure and no number)."""
        import matplotlib.pyplot as plt

        from analysis import figures

        if fig is None or data is None or len(data) == 0:
            if fig is not None:
                plt.close(fig)
            return None
        number = len(self.figures) + 1
        stem = f"{number:02d}-{name}"
        path, png = figures.save(fig, data, self.output_dir / "figures", stem)
        item = {
            "number": number,
            "stem": stem,
            "path": str(path.resolve()),
            "uri": figures.data_uri(png),
            "sources": [self.names.get(d, d) for d in sorted(set(doc_ids))],
            **keys,
        }
        self.figures.append(item)
        return item


def doc_anchor(doc_id: str) -> str:
    return values.anchor("doc", doc_id)


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
    """Read the corpus (from the cache) and build every table of the brief for the period.

    Writes the tables behind the brief to ``output_dir/data`` (documents, facts, timeline,
    conflicts, files left out).
    """
    import pandas as pd

    from analysis import cache, events, facts, series, themes
    from analysis.report import annex, compare

    validate_period(start_year, end_year)
    output_dir = Path(output_dir)
    (output_dir / "data").mkdir(parents=True, exist_ok=True)
    tables = cache.corpus_tables(seeds_dir)  # the same for every period: computed once
    period_facts = compare.with_comparability(
        facts.filter_period(tables.facts, start_year, end_year)
    )
    timeline = events.timeline_table(tables.corpus, start_year, end_year)
    mentions = tables.partner_mentions
    mentions = mentions[mentions["year"].between(start_year, end_year)]
    theme_mentions = tables.theme_mentions
    theme_mentions = theme_mentions[theme_mentions["year"].between(start_year, end_year)]
    rates = themes.themes_by_era(
        theme_mentions, tables.corpus, start_year=start_year, end_year=end_year
    )
    eras = [e for e in themes.load_eras() if e["end"] >= start_year and e["start"] <= end_year]
    used = sorted(set(period_facts["doc_id"]) | set(timeline["doc_id"]) | set(mentions["doc_id"]))
    docs = tables.docs
    b = Brief(
        title=title,
        start_year=start_year,
        end_year=end_year,
        seeds_dir=Path(seeds_dir),
        output_dir=output_dir,
        corpus=tables.corpus,
        docs=docs,
        facts=period_facts,
        conflicts=series.conflicts(period_facts),
        events=timeline,
        mentions=mentions,
        theme_mentions=theme_mentions,
        theme_rates=rates,
        eras=eras,
        labels=facts.indicator_labels(),
        names=values.source_names(docs),
        refs=values.short_ids(list(docs["doc_id"])),
        used_docs=used,
    )
    b.annex, b.cites = annex.sentence_entries(b)
    data = output_dir / "data"
    from analysis.config import write_csv  # formula cells neutralised (issue 16)

    write_csv(docs, data / "documents.csv")
    write_csv(period_facts, data / "facts.csv")
    write_csv(timeline, data / "timeline.csv")
    write_csv(b.conflicts, data / "conflicts.csv")
    skipped = [(s.file, s.reason) for s in tables.corpus.skipped]
    write_csv(pd.DataFrame(skipped, columns=["file", "reason"]), data / "skipped.csv")
    return b
