"""Dated events: every date a sentence speaks of, with a short label and the partners named.

A sentence gives one event per date phrase in it:

- day dates ("on 23 November 1979", "held on August 28, 2011") -> ``1979-11-23``, day;
- month dates ("In April 2011", "Jan. 1992") -> ``2011-04``, month;
- years ("in 1994", "2011, the first year …") -> ``1994``, year;
- ranges and plan periods ("during 1994-1997", "Tenth Five-year Plan (2001 - 2005)",
  "during the 11th Five-Year Plan", "the 1990s") -> start year, precision period,
  ``period_end`` the last year. A plan named without years gets its years from the
  plan's number, and only when the sentence has no other date;
- a bare month ("In May, during the third round …") takes its year from the nearest
  preceding dated sentence of the same paragraph, else of the document, else the
  publication year (``year_basis`` says which);
- "before 1978" is kept as context: date ``1978``, ``context`` ``before_1978``;
- "since 1990" marks the start of a trend: kept (the brief can show when a trend began)
  as a year event with ``context`` ``since``; "by 1995" (a cumulative count) gets
  ``by``; a sentence about the future ("will", "plan to", …) gets ``target``. Landmark
  events are those with an empty context.

Years that are only a baseline of a comparison ("20.6 times that of 1978") are not events.
``has_figures`` says whether the sentence also states a number that is not a date, so the
brief can tell landmark events from statistics.
"""

from __future__ import annotations

import re

from analysis.dating import YEAR_RE
from analysis.partners import partner_names
from analysis.sentencedates import (
    Date,
    find_dates,
    sentence_dates,
    sentence_years,  # noqa: F401 - where partners/themes found it
)

COLUMNS = ["date", "year", "doc_id", "event", "partners", "sentence"]
EXTRA_COLUMNS = [
    "start",
    "end",
    "precision",
    "period_end",
    "context",
    "has_figures",
    "year_basis",
    "kind",
    "duplicate",
]
PRECISIONS = ("day", "month", "year", "period")
YEAR_BASES = ("explicit", "inherited", "publication", "relative")
MAX_LABEL_WORDS = 14

_DISCOURSE = re.compile(
    r"^(?:For example|For instance|In addition|Meanwhile|Moreover|Furthermore|Besides|"
    r"As for \w+|Thus far|So far|In particular|However|Also|Then|Later|Subsequently|At present|"
    r"Now|Since then|In this regard|To this end|On this basis|Likewise|Similarly|"
    r"With this recognition|In this context|Against this background),?\s+"
)
_SUBORDINATE = re.compile(
    r"\s*(?:;|,\s+(?=(?:\w+ing|which|who|whom|whose|where|while|when|valued|totaling|totalling|"
    r"respectively|thus|so as|in order|according|accounting|as well as)\b))"
)
_NUMBER = re.compile(
    r"(?<![\w.])\d[\d,.]*(?![\d]|st\b|nd\b|rd\b|th\b|[A-Za-z])|\b(?:thousand|million|billion"
    r"|percent|per cent|dozens?|hundreds)\b|%"
)
_LIST_MARKER = re.compile(r"^\s*(?:\(\d{1,2}\)|\d{1,2}\.(?!\d)|[IVXLC]+\.)\s*")


def _label(text: str, dates: list[Date]) -> str:
    """A short label from the sentence with its date phrases removed (no new words)."""
    parts, pos = [], 0
    for d in sorted(dates, key=lambda x: x.start):
        if d.comparison or d.start < pos:
            continue
        parts.append(text[pos : d.start])
        parts.append("\x00")
        pos = d.end
    parts.append(text[pos:])
    s = "".join(parts)
    s = _LIST_MARKER.sub("", s)
    s = re.sub(r"\x00(?:\s*(?:,|and|or|to|-)\s*\x00)+", "\x00", s)
    s = re.sub(r"^[\s,]*\x00[\s,]*", "", s)
    s = re.sub(r"\b(that|and|but|as|so)\s*\x00\s*,\s*", r"\1 ", s)
    s = re.sub(r"\s*,\s*\x00\s*,\s*", " ", s)
    s = re.sub(r"\s*,?\s*\x00\s*(?=[,.;:!?]|$)", "", s)
    s = re.sub(r"\s*\x00\s*", " ", s)
    s = s.strip().rstrip(".!?;:").strip()
    s = _DISCOURSE.sub("", s)
    cut = _SUBORDINATE.search(s)
    while cut and len(s[: cut.start()].split()) < 4:
        cut = _SUBORDINATE.search(s, cut.end())
    if cut:
        s = s[: cut.start()]
    words = s.split()
    if len(words) > MAX_LABEL_WORDS + 2:
        s = " ".join(words[:MAX_LABEL_WORDS]).rstrip(",;:") + "…"
    s = s.strip(" ,;:")
    return s[:1].upper() + s[1:]


def _has_figures(text: str, dates: list[Date]) -> bool:
    chars = list(text)
    for d in dates:
        chars[d.core_start : d.end] = " " * (d.end - d.core_start)
    rest = _LIST_MARKER.sub(" ", "".join(chars))
    rest = re.sub(rf"(?<![\d,.])\b{YEAR_RE}\b(?![\d,.%])", " ", rest)  # other years
    return bool(_NUMBER.search(rest))


def extract_events(doc) -> list[dict]:
    """The dated events of one document, one dict per (sentence, date), in text order.

    Keys: the columns of ``stbrief timeline`` (``COLUMNS``) then ``EXTRA_COLUMNS``.
    """
    rows = []
    duplicate = bool(doc.duplicate_of)
    for s, dates in sentence_dates(doc):
        if not dates:
            continue
        text = s.text  # sliced once (a sentence holds offsets into the document's text)
        all_dates = find_dates(text)
        label = _label(text, dates + [d for d in all_dates if d.comparison])
        partners = "; ".join(partner_names(text))
        figures = _has_figures(text, all_dates)
        sentence = " ".join(text.split())  # one string for all the sentence's events
        for d in dates:
            rows.append(
                {
                    "date": d.date,
                    "year": d.year,
                    "doc_id": doc.doc_id,
                    "event": label,
                    "partners": partners,
                    "sentence": sentence,
                    "start": s.start,
                    "end": s.end,
                    "precision": d.precision,
                    "period_end": d.period_end,
                    "context": d.context,
                    "has_figures": figures,
                    "year_basis": d.basis,
                    "kind": s.kind,
                    "duplicate": duplicate,
                }
            )
    return rows


def timeline_table(corpus, start_year: int | None = None, end_year: int | None = None):
    """All events of a corpus: ``stbrief timeline`` columns, then the extras, checked.

    Sorted by date, then doc_id, then position. ``start_year``/``end_year`` keep events
    whose year (or period) overlaps the range; events from near-duplicate documents are
    kept with ``duplicate`` true.
    """
    import pandas as pd

    rows = [row for doc in corpus for row in extract_events(doc)]
    frame = pd.DataFrame(rows, columns=COLUMNS + EXTRA_COLUMNS)
    if start_year is not None or end_year is not None:
        lo = start_year if start_year is not None else -(10**6)
        hi = end_year if end_year is not None else 10**6
        last = frame["period_end"].fillna(frame["year"])
        frame = frame[(frame["year"] <= hi) & (last >= lo)]
    frame = frame.sort_values(["date", "doc_id", "start"], kind="stable").reset_index(drop=True)
    frame["year"] = frame["year"].astype("int64")
    frame["period_end"] = frame["period_end"].astype("Int64")
    frame["has_figures"] = frame["has_figures"].astype(bool)
    frame["duplicate"] = frame["duplicate"].astype(bool)
    return timeline_schema().validate(frame)


def timeline_schema():
    """The pandera schema of :func:`timeline_table`."""
    import pandera.pandas as pa

    iso = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
    return pa.DataFrameSchema(
        {
            "date": pa.Column(str, pa.Check.str_matches(iso)),
            "year": pa.Column("int64", pa.Check.in_range(1900, 2100)),
            "doc_id": pa.Column(str),
            "event": pa.Column(str),
            "partners": pa.Column(str),
            "sentence": pa.Column(str, pa.Check.str_length(min_value=1)),
            "start": pa.Column(int, pa.Check.ge(0)),
            "end": pa.Column(int, pa.Check.ge(0)),
            "precision": pa.Column(str, pa.Check.isin(PRECISIONS)),
            "period_end": pa.Column("Int64", nullable=True),
            "context": pa.Column(str, pa.Check.str_matches(r"^(?:|since|by|target|before_\d{4})$")),
            "has_figures": pa.Column(bool),
            "year_basis": pa.Column(str, pa.Check.isin(YEAR_BASES)),
            "kind": pa.Column(str, pa.Check.isin(["title", "heading", "body"])),
            "duplicate": pa.Column(bool),
        },
        checks=[
            pa.Check(
                lambda df: (df["date"].str[:4].astype(int) == df["year"]).all(),
                error="date and year disagree",
            ),
            pa.Check(
                lambda df: ((df["period_end"].isna()) | (df["precision"] == "period")).all(),
                error="period_end set on a non-period event",
            ),
        ],
        strict=True,
        ordered=True,
    )
