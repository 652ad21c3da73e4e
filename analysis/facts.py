"""Numeric claims -> a tidy facts table, one row per claim, with provenance (DESIGN.md).

The table level: :func:`facts_table` (a loaded corpus) and :func:`finish_table` (duplicates
flagged, the analyst's corrections applied, the schema checked). A folder's table, document by
document through the per-document store and a pool or a Dask cluster, is
:func:`analysis.cache.facts_for_folder` (``stbrief facts``). One document's claims are read by
:mod:`analysis.extraction` (:func:`extract_facts`, importable from here too); figures whose
words name nothing, by :mod:`analysis.references`. Columns and schema:
:mod:`analysis.facttable`; the number grammar: :mod:`analysis.numbers`; indicator, scope,
actor and measure: :mod:`analysis.classify`.
"""

from analysis.classify import (  # noqa: F401 - public names of analysis.facts
    UNCLASSIFIED,
    ReferenceIndex,
    _classify,
    _first_end,
    actor_lexicon,
    document_subject,
    indicator_ids,
    indicator_labels,
    indicator_lexicon,
    mentions,
    resolve_reference,
    scope_of,
)
from analysis.config import InputError
from analysis.extraction import extract_facts  # noqa: F401 - public name of analysis.facts
from analysis.facttable import (  # noqa: F401 - public names of analysis.facts
    _FLOAT_COLUMNS,
    _INT_COLUMNS,
    _PACKED,
    _PACKED_NULLABLE,
    COLUMNS,
    MEASURES,
    QUALIFIERS,
    SCOPES,
    UNITS,
    YEAR_BASES,
    _Columns,
    _flag_duplicates,
    _frame,
    _missing,
    facts_schema,
    filter_period,
    validate_facts,
)

# --------------------------------------------------------------------------- the table


def facts_table(corpus_, start_year: int | None = None, end_year: int | None = None):
    """The facts table of a loaded corpus: all documents, duplicates flagged, schema-checked."""
    if start_year is not None and end_year is not None and start_year > end_year:
        raise InputError(f"start_year {start_year} is after end_year {end_year}")
    rows: list[dict] = []
    for doc in corpus_:
        rows.extend(extract_facts(doc))
    dup = {d.doc_id: d.duplicate_of for d in corpus_}
    df = finish_table(_frame(rows), dup, getattr(corpus_, "folder", None))
    df = filter_period(df, start_year, end_year)
    return validate_facts(df)


def finish_table(df, duplicate_of: dict[str, str], folder=None):
    """The corpus-wide steps on the rows of every document (a table :func:`_frame` made):
    duplicates flagged, the analyst's corrections of ``folder`` applied
    (:mod:`analysis.corrections`), the schema checked. Returns the finished table."""
    from analysis.corrections import apply_corrections

    df = _flag_duplicates(df, duplicate_of)
    if folder is not None:
        df = apply_corrections(df, folder)
    return validate_facts(df)


def __getattr__(name: str):
    if name == "FACTS_SCHEMA":
        return facts_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
