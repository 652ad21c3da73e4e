"""The facts table: its columns, its pandera schema, building and filtering it (DESIGN.md)."""

from __future__ import annotations

import functools
import math
from typing import Any

from analysis.classify import UNCLASSIFIED, indicator_ids
from analysis.config import InputError
from analysis.units import COMMON_CURRENCIES, MEASURE_UNITS, is_unit

COLUMNS = [
    "fact_id",
    "doc_id",
    "start",
    "end",
    "sentence",
    "quote",
    "value",
    "unit",
    "qualifier",
    "low",
    "high",
    "indicator",
    "year",
    "period_start",
    "period_end",
    "year_basis",
    "derived_from",
    "duplicate",
    "scope",
    "actor",
    "measure",
    "counted",
    "published",
]
QUALIFIERS = ("exact", "approx", "nearly", "over", "at_least", "range", "target")
# the units a figure may be in: units of measure and any currency's ISO 4217 code
# (:func:`analysis.units.is_unit`); these are the common ones, in the order listings use
UNITS = (*MEASURE_UNITS[:1], *COMMON_CURRENCIES, *MEASURE_UNITS[1:])
YEAR_BASES = ("explicit", "cumulative", "period", "relative", "publication")
SCOPES = ("national", "agency", "programme", "local", "foreign")
MEASURES = ("level", "annual", "cumulative", "target", "change", "share")
_INT_COLUMNS = ("year", "period_start", "period_end")
_FLOAT_COLUMNS = ("value", "low", "high")


# --------------------------------------------------------------------------- tables
# How the rows of a batch travel, column by column: numbers as packed arrays (no Python
# float or int per value), text as lists (pickle sends a sentence once for all its rows).
_PACKED = {"start": "q", "end": "q", "value": "d", "low": "d", "high": "d"}
_PACKED_NULLABLE = _INT_COLUMNS  # "q" values and a mask


class _Columns:
    """The rows of the whole table, gathered batch by batch, column by column."""

    def __init__(self) -> None:
        from array import array

        self.data: dict[str, Any] = {}
        for col in COLUMNS:
            if col in _PACKED:
                self.data[col] = array(_PACKED[col])
            elif col in _PACKED_NULLABLE:
                self.data[col] = (array("q"), bytearray())
            else:
                self.data[col] = []

    def add(self, cols: dict[str, Any]) -> None:
        import sys

        for col, values in cols.items():
            have = self.data[col]
            if col in _PACKED:
                have.frombytes(values)
            elif col in _PACKED_NULLABLE:
                have[0].frombytes(values[0])
                have[1].extend(values[1])
            elif col in (
                "unit",
                "qualifier",
                "indicator",
                "year_basis",
                "derived_from",
                "scope",
                "actor",
                "measure",
            ):
                have.extend(map(sys.intern, values))  # a few distinct values: share them
            else:
                have.extend(values)

    def __len__(self) -> int:
        return len(self.data["start"])


def _frame(rows):
    """Rows (dicts, tuples in COLUMNS order, or _Columns) -> the facts table, sorted, typed."""
    import numpy as np
    import pandas as pd

    if not len(rows):
        df = pd.DataFrame([], columns=COLUMNS)
        for col in _FLOAT_COLUMNS:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
        for col in _INT_COLUMNS:
            df[col] = pd.array(df[col].tolist(), dtype="Int64")
        for col in ("start", "end"):
            df[col] = df[col].astype("int64")
        df["duplicate"] = df["duplicate"].astype(bool)
        text = pd.Series(["x"]).dtype  # what a column of text is given (str), empty too
        for col in COLUMNS:
            if df[col].dtype == object or str(df[col].dtype).startswith("string"):
                df[col] = df[col].astype(text)
        return df.reset_index(drop=True)
    data: dict[str, Any] = {}
    if isinstance(rows, _Columns):
        # column by column, each gathered list is let go once converted (less memory)
        for col in COLUMNS:
            values = rows.data.pop(col)
            if col in _PACKED:
                data[col] = np.frombuffer(values, dtype=_PACKED[col]).copy()
            elif col in _PACKED_NULLABLE:
                mask = np.frombuffer(values[1], dtype=bool).copy()
                data[col] = pd.arrays.IntegerArray(np.frombuffer(values[0], "int64").copy(), mask)
            elif col == "duplicate":
                data[col] = np.array(values, dtype=bool)
            else:
                data[col] = pd.Series(values)  # the dtype DataFrame() infers for the list
            del values
    else:
        if isinstance(rows[0], dict):
            columns = [[r[c] for r in rows] for c in COLUMNS]
        else:
            columns = [list(c) for c in zip(*rows, strict=True)]
        for col, values in zip(COLUMNS, columns, strict=True):
            if col in _FLOAT_COLUMNS:
                data[col] = np.array(values, dtype="float64")  # None -> NaN
            elif col in _INT_COLUMNS:
                data[col] = pd.array(values, dtype="Int64")
            elif col in ("start", "end"):
                data[col] = np.array(values, dtype="int64")
            elif col == "duplicate":
                data[col] = np.array(values, dtype=bool)
            else:
                data[col] = values
    df = pd.DataFrame(data, columns=COLUMNS)
    derived = (df["derived_from"] != "").to_numpy(dtype=bool)
    del data
    doc_rank = pd.factorize(df["doc_id"], sort=True)[0]
    order = np.lexsort((derived, df["start"].to_numpy(), doc_rank))  # stable, like sort_values
    if not (order[1:] > order[:-1]).all():
        df = df.take(order)
    return df.reset_index(drop=True)


# Years that come from the publication date (a repost is dated later) do not identify a claim.
_STABLE_BASES = ("explicit", "cumulative", "relative")


def _missing(year) -> bool:
    return year is None or year is _pd_na() or year != year or str(year) == "<NA>"


@functools.cache
def _pd_na():
    import pandas as pd

    return pd.NA


def _flag_duplicates(df, duplicate_of: dict[str, str]):
    """Set ``duplicate`` on rows of near-copies whose claim the original also makes.

    A claim is (indicator, unit, value, year); a year that only comes from the publication
    date ("publication" and "period" bases) is compared as its basis instead, since a repost
    is dated later than its original.
    """
    if df.empty or not any(duplicate_of.values()):
        return df
    copies = {d for d, o in duplicate_of.items() if o}
    needed = copies | {duplicate_of[d] for d in copies}
    doc_ids = df["doc_id"].tolist()
    cols = [df[c].tolist() for c in ("indicator", "unit", "value", "year", "year_basis")]
    rounded: dict[float, float] = {}
    keys: dict[str, set] = {}
    row_keys: list[tuple | None] = []
    for doc_id, indicator, unit, value, year, basis in zip(doc_ids, *cols, strict=True):
        if doc_id not in needed:
            row_keys.append(None)
            continue
        v = rounded.get(value)
        if v is None:
            v = rounded[value] = float(f"{value:.6g}")
        when = (None if _missing(year) else int(year)) if basis in _STABLE_BASES else basis
        key = (indicator, unit, v, when)
        keys.setdefault(doc_id, set()).add(key)
        row_keys.append(key)
    df["duplicate"] = [
        doc_id in copies and key in keys.get(duplicate_of[doc_id], ())
        for doc_id, key in zip(doc_ids, row_keys, strict=True)
    ]
    return df


def filter_period(df, start_year: int | None = None, end_year: int | None = None):
    """Rows whose year, or period, overlaps [start_year, end_year] (rows without a year go)."""
    if start_year is None and end_year is None:
        return df
    lo = start_year if start_year is not None else -(10**9)
    hi = end_year if end_year is not None else 10**9
    year = df["year"]
    ps = df["period_start"].fillna(df["year"])
    pe = df["period_end"].fillna(df["year"])
    in_year = year.notna() & (year >= lo) & (year <= hi)
    overlap = ps.notna() & pe.notna() & (ps <= hi) & (pe >= lo)
    return df[(in_year | overlap).fillna(False).astype(bool)].reset_index(drop=True)


# --------------------------------------------------------------------------- schema
@functools.cache
def facts_schema():
    """The pandera schema of the facts table (DESIGN.md)."""
    import pandera.pandas as pa

    ids = [*indicator_ids(), UNCLASSIFIED]

    def opt_year(name: str):
        return pa.Column(
            "Int64", pa.Check.in_range(1900, 2100), nullable=True, required=True, name=name
        )

    return pa.DataFrameSchema(
        {
            "fact_id": pa.Column(str, unique=True),
            "doc_id": pa.Column(str, pa.Check.str_length(min_value=1)),
            "start": pa.Column("int64", pa.Check.ge(0)),
            "end": pa.Column("int64", pa.Check.gt(0)),
            "sentence": pa.Column(str),
            "quote": pa.Column(str, pa.Check.str_length(min_value=1)),
            "value": pa.Column("float64", pa.Check(lambda s: s.map(math.isfinite))),
            "unit": pa.Column(str, pa.Check(lambda s: s.map(is_unit))),
            "qualifier": pa.Column(str, pa.Check.isin(QUALIFIERS)),
            "low": pa.Column("float64", nullable=True),
            "high": pa.Column("float64", nullable=True),
            "indicator": pa.Column(str, pa.Check.isin(ids)),
            "year": opt_year("year"),
            "period_start": opt_year("period_start"),
            "period_end": opt_year("period_end"),
            "year_basis": pa.Column(str, pa.Check.isin(YEAR_BASES)),
            "derived_from": pa.Column(str),
            "duplicate": pa.Column(bool),
            "scope": pa.Column(str, pa.Check.isin(SCOPES)),
            "actor": pa.Column(str),
            "measure": pa.Column(str, pa.Check.isin(MEASURES)),
            "counted": pa.Column(str),
            "published": pa.Column(str),
        },
        checks=[
            pa.Check(lambda df: df["start"] < df["end"], name="start < end"),
            pa.Check(
                lambda df: df["low"].isna() | df["high"].isna() | (df["low"] <= df["high"]),
                name="low <= high",
            ),
            pa.Check(
                lambda df: (
                    df["period_start"].isna()
                    | df["period_end"].isna()
                    | (df["period_start"] <= df["period_end"])
                ).astype(bool),
                name="period_start <= period_end",
            ),
        ],
        strict=True,
        ordered=True,
    )


_NULLABLE = ("low", "high", *_INT_COLUMNS)


@functools.cache
def _schema_dtypes() -> dict[str, Any]:
    """The dtypes of a table :func:`_frame` makes (tests/test_facts.py checks that pandera
    takes them)."""
    row = dict.fromkeys(COLUMNS)
    row.update(
        fact_id="x:0", doc_id="x", start=0, end=1, sentence="s", quote="q", value=1.0,
        unit="count", qualifier="exact", indicator=UNCLASSIFIED, year=2000,
        year_basis="explicit", derived_from="", duplicate=False, scope="national", actor="",
        measure="level", counted="", published="",
    )  # fmt: skip
    return dict(_frame([row]).dtypes)


def _schema_holds(df) -> bool:
    """Every check of :func:`facts_schema`, vectorised: True when pandera would pass ``df``.

    (False may be a false alarm, e.g. for dtypes pandera also accepts: then pandera runs.)
    """
    import numpy as np

    if list(df.columns) != COLUMNS:
        return False
    dtypes = _schema_dtypes()
    if any(df[c].dtype != dtypes[c] for c in COLUMNS):
        return False
    if any(df[c].isna().any() for c in COLUMNS if c not in _NULLABLE):
        return False
    if not df["fact_id"].is_unique:
        return False
    if not ((df["doc_id"].str.len() >= 1).all() and (df["quote"].str.len() >= 1).all()):
        return False
    start, end = df["start"].to_numpy(), df["end"].to_numpy()
    if not ((start >= 0).all() and (end > 0).all() and (start < end).all()):
        return False
    if not np.isfinite(df["value"].to_numpy()).all():
        return False
    allowed = {
        "qualifier": QUALIFIERS,
        "indicator": [*indicator_ids(), UNCLASSIFIED],
        "year_basis": YEAR_BASES,
        "scope": SCOPES,
        "measure": MEASURES,
    }
    if not all(df[c].isin(list(v)).all() for c, v in allowed.items()):
        return False
    if not all(map(is_unit, df["unit"].unique())):
        return False
    for c in _INT_COLUMNS:
        years = df[c].dropna()
        if not ((years >= 1900) & (years <= 2100)).all():
            return False
    low, high = df["low"], df["high"]
    if (low.notna() & high.notna() & (low > high)).any():
        return False
    ps, pe = df["period_start"], df["period_end"]
    return not (ps.notna() & pe.notna() & (ps > pe).fillna(False)).any()


def validate_facts(df):
    """Check ``df`` against :func:`facts_schema`; raise InputError naming every bad row.

    The checks run vectorised first; pandera runs when they find a problem (to name the
    rows, in its words) or cannot vouch for the table.
    """
    if _schema_holds(df):
        return df.copy(deep=False)  # pandera returns a copy too (copy-on-write here)
    import pandera.errors

    try:
        return facts_schema().validate(df, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        bad: dict[Any, list[str]] = {}
        context = cases.get("schema_context", [None] * len(cases))
        for idx, check, col, ctx in zip(
            cases["index"], cases["check"], cases["column"], context, strict=True
        ):
            # a check of whole rows (DataFrameSchema) is reported once, not once per column
            whole_row = ctx == "DataFrameSchema" or not col
            bad.setdefault(idx, []).append(str(check) if whole_row else f"{col}: {check}")
        lines = []
        for idx, problems in bad.items():
            if idx is None or (isinstance(idx, float) and math.isnan(idx)) or idx not in df.index:
                lines.append("  (table): " + "; ".join(sorted(set(problems))))
                continue
            r = df.loc[idx]
            lines.append(
                f"  {r.get('doc_id', '?')} start={r.get('start', '?')} "
                f"quote={r.get('quote', '')!r}: " + "; ".join(sorted(set(problems)))
            )
        raise InputError(
            f"facts table fails its schema ({len(lines)} rows):\n" + "\n".join(lines)
        ) from None


def __getattr__(name: str):
    if name == "FACTS_SCHEMA":
        return facts_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------- CSV rows
# One document's rows as the CSV text ``config.write_csv`` gives them in the table (formula
# cells neutralised, pandas' formats: floats as repr, missing values empty, flags
# True/False), made where the document is analysed and kept in the store: ``stbrief facts
# --out`` joins them without building the table (analysis.cache.write_facts_csv). The
# ``duplicate`` cell is left out (``head`` + flag + ``tail``): it is corpus-wide.
_TEXT_COLUMNS = frozenset(
    c for c in COLUMNS if c not in (*_FLOAT_COLUMNS, *_INT_COLUMNS, "start", "end", "duplicate")
)
_DUPLICATE_AT = COLUMNS.index("duplicate")


def claim_key(indicator, unit, value, year, basis) -> tuple:
    """What a claim is for duplicate flags (:func:`_flag_duplicates`): indicator, unit, the
    value to 6 significant digits and the year (its basis where the year comes from the
    publication date; ``year`` an int or None)."""
    v = float(f"{value:.6g}")
    when = (None if year is None else int(year)) if basis in _STABLE_BASES else basis
    return (indicator, unit, v, when)


def _is_int(v) -> bool:
    return type(v) is int and -(2**63) <= v < 2**63


def _is_number(v) -> bool:
    return type(v) in (int, float) and (type(v) is float or -(2**63) <= v < 2**63)


def rows_hold(rows: list[dict]) -> bool:
    """True when the schema (:func:`facts_schema`) holds for these rows of one document in
    any table they stand in, as the table makes them (checked in Python, strictly: False
    where a value is of a type the table would convert). Uniqueness of ``fact_id`` across
    documents is the caller's."""
    ids = [*indicator_ids(), UNCLASSIFIED]
    allowed = {
        "qualifier": QUALIFIERS,
        "indicator": ids,
        "year_basis": YEAR_BASES,
        "scope": SCOPES,
        "measure": MEASURES,
    }
    seen = set()
    for r in rows:
        if type(r) is not dict or any(c not in r for c in COLUMNS):
            return False
        if not all(type(r[c]) is str for c in _TEXT_COLUMNS):
            return False
        if not r["doc_id"] or not r["quote"] or r["fact_id"] in seen:
            return False
        seen.add(r["fact_id"])
        if any(r[c] not in v for c, v in allowed.items()) or not is_unit(r["unit"]):
            return False
        start, end = r["start"], r["end"]
        if not (_is_int(start) and _is_int(end) and 0 <= start < end):
            return False
        if not (_is_number(r["value"]) and math.isfinite(r["value"])):
            return False
        low, high = r["low"], r["high"]
        if not all(v is None or _is_number(v) for v in (low, high)):
            return False
        if low is not None and high is not None and low == low and high == high and low > high:
            return False
        years = [r[c] for c in _INT_COLUMNS]
        if not all(y is None or (_is_int(y) and 1900 <= y <= 2100) for y in years):
            return False
        if years[1] is not None and years[2] is not None and years[1] > years[2]:
            return False
        if r["duplicate"] is not False:
            return False
    return True


@functools.cache
def _quote_chars() -> str:
    """The characters that make ``csv.writer`` (pandas' dialect: ``,`` ``"`` and line end
    ``\\n``) quote a cell, as this Python's csv module decides (3.11 leaves ``\\r`` bare)."""
    import csv
    import io

    found = []
    for ch in ',"\n\r':
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(["a" + ch, "b"])
        if buffer.getvalue() != f"a{ch},b\n":
            found.append(ch)
    return "".join(found)


@functools.cache
def _formatters() -> tuple[list, list]:
    """One formatter per cell of ``head`` and of ``tail`` (:func:`csv_rows`): (column,
    function from the value to its CSV cell)."""
    import re

    from analysis.config import safe_cell

    quote = re.compile("[" + re.escape(_quote_chars()) + "]").search

    def text(v: str) -> str:
        v = safe_cell(v)
        if quote(v):
            return '"' + v.replace('"', '""') + '"'  # csv's QUOTE_MINIMAL, quotes doubled
        return v

    def number(v) -> str:
        if v is None:
            return ""
        v = float(v)
        return "" if v != v else repr(v)  # pandas writes a float64 as its repr, NaN empty

    def year(v) -> str:
        return "" if v is None else str(v)

    def kind(col: str):
        if col in _TEXT_COLUMNS:
            return text
        if col in _FLOAT_COLUMNS:
            return number
        if col in _INT_COLUMNS:
            return year
        return str  # start, end: ints (rows_hold)

    head = [(c, kind(c)) for c in COLUMNS[:_DUPLICATE_AT]]
    tail = [(c, kind(c)) for c in COLUMNS[_DUPLICATE_AT + 1 :]]
    return head, tail


def csv_rows(rows: list[dict]) -> dict[str, Any]:
    """The rows of one document (checked by :func:`rows_hold`) in table order, as CSV text:
    ``head`` (the cells before ``duplicate``, with the comma after them), ``tail`` (the
    comma, the cells after, the line end), their ``ids`` and ``claims``
    (:func:`claim_key`).

    Each cell is made by its column's formatter and a row is one join (the csv module and
    a list of cells per row took a tenth of a document's work); a text cell is formatted
    once per document (a sentence stands in several rows). tests/test_cache.py checks the
    lines against pandas' ``to_csv`` and against the csv module (the plain twin)."""
    order = sorted(
        range(len(rows)), key=lambda i: (rows[i]["start"], rows[i]["derived_from"] != "")
    )
    head_fmt, tail_fmt = _formatters()
    texts: dict[str, str] = {}

    def cells(r: dict, formats: list) -> list[str]:
        out = []
        for col, fmt in formats:
            v = r[col]
            if col in _TEXT_COLUMNS:
                cell = texts.get(v)
                if cell is None:
                    cell = texts[v] = fmt(v)
                out.append(cell)
            else:
                out.append(fmt(v))
        return out

    heads, tails, ids, claims = [], [], [], []
    for i in order:
        r = rows[i]
        heads.append(",".join(cells(r, head_fmt)) + ",")
        tails.append("," + ",".join(cells(r, tail_fmt)) + "\n")
        ids.append(r["fact_id"])
        claims.append(claim_key(r["indicator"], r["unit"], r["value"], r["year"], r["year_basis"]))
    return {"head": heads, "tail": tails, "ids": ids, "claims": claims}


def csv_header() -> str:
    """The header line of the facts CSV (``config.write_csv``)."""
    import csv
    import io

    from analysis.config import safe_cell

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([safe_cell(c) for c in COLUMNS])
    return buffer.getvalue()
