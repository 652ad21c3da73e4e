"""Sentence helpers that partners, themes and events share: when a sentence speaks of, and
the first columns of every per-sentence mention table.

It imports only :mod:`analysis.dating`, so partners, themes and events import it (and not
each other) without a cycle.
"""

from __future__ import annotations

from analysis.sentencedates import sentence_years

# where a mention stands and when: the first columns of every per-sentence mention table
SENTENCE_COLUMNS = ["doc_id", "start", "end", "year", "year_basis", "era"]


def _era_of(year: int | None, eras: list[dict]) -> str | None:
    if year is None or year != year:  # None or NaN
        return None
    for era in eras:
        if era["start"] <= int(year) <= era["end"]:
            return era["id"]
    return None


def sentence_eras(doc, eras: list[dict]):
    """(sentence, year, basis, era) for each sentence of a document: the year it speaks of
    (:func:`analysis.sentencedates.sentence_years`) and that year's era (none for "before 1978")."""
    years = sentence_years(doc)
    for s in doc.sentences:
        year, basis = years[s.start]
        era = None if basis == "before" else _era_of(year, eras)
        yield s, year, basis, era


def sentence_row(doc, s, year, basis: str, era, **fields) -> dict:
    """One row of a per-sentence mention table: where it stands, when, then ``fields``."""
    row = {
        "doc_id": doc.doc_id,
        "start": s.start,
        "end": s.end,
        "year": year,
        "year_basis": basis,
        "era": era,
    }
    row.update(fields)
    row["duplicate"] = bool(doc.duplicate_of)
    return row


def mention_frame(rows: list[dict], columns: list[str], schema):
    """The rows as a typed DataFrame, validated against ``schema``."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns)
    frame["year"] = frame["year"].astype("Int64")
    frame["era"] = frame["era"].astype("str")
    frame["duplicate"] = frame["duplicate"].astype(bool)
    return schema.validate(frame)
