"""Indicator series across documents, growth between points, and conflicts between sources.

All take the facts table (:func:`analysis.facts.facts_table`) and leave out rows
flagged ``duplicate`` (a near-copy's figures are never counted twice) and ``unclassified``
rows (they belong to no series).

Only comparable points are joined, compared for growth or called a conflict: the same
``indicator``, ``scope``, ``actor``, ``measure`` and unit (DESIGN.md). A plan target is no
point of the count it targets. Two figures of one indicator that differ in what they count
(a ministry's partners against the nation's) are a difference of definition
(:func:`definition_differences`), never a conflict or a trend.
"""

from __future__ import annotations

import functools
import math

COMPARABLE = ("indicator", "scope", "actor", "measure", "unit")  # a series is one of these
SERIES_COLUMNS = [
    "indicator",
    "scope",
    "actor",
    "measure",
    "counted",
    "year",
    "value",
    "unit",
    "qualifier",
    "kind",
    "year_basis",
    "period_start",
    "period_end",
    "doc_id",
    "fact_id",
    "quote",
]
GROWTH_COLUMNS = [
    "indicator",
    "scope",
    "actor",
    "measure",
    "unit",
    "from_year",
    "to_year",
    "from_value",
    "to_value",
    "multiple",
    "cagr",
    "source",
    "fact_from",
    "fact_to",
]
CONFLICT_COLUMNS = [
    "indicator",
    "scope",
    "actor",
    "measure",
    "unit",
    "year_a",
    "value_a",
    "qualifier_a",
    "doc_a",
    "fact_a",
    "year_b",
    "value_b",
    "qualifier_b",
    "doc_b",
    "fact_b",
    "difference",
]
# kind: stated figures, derived baselines, plan targets, and stated multiples ("20.6 times")
KINDS = ("stated", "derived", "target", "multiple")
_KIND_ORDER = {k: i for i, k in enumerate(KINDS)}


def _kind(row) -> str:
    if row["unit"] == "multiple":
        return "multiple"
    if row["derived_from"]:
        return "derived"
    if row["qualifier"] == "target":
        return "target"
    return "stated"


def indicator_series(facts):
    """One row per point of each indicator: year, value, kind, and the fact it comes from.

    ``kind`` keeps stated figures, derived baselines, targets and stated multiples apart, so
    a chart or a growth computation never mixes a plan target into the stated series.
    """
    import pandas as pd

    facts = _with_definition(facts)
    df = facts[(~facts["duplicate"].astype(bool)) & (facts["indicator"] != "unclassified")]
    if df.empty:
        out = pd.DataFrame({c: pd.Series(dtype="object") for c in SERIES_COLUMNS})
        return _series_dtypes(out)
    df = df.copy()
    df["kind"] = df.apply(_kind, axis=1) if len(df) else []
    out = df[SERIES_COLUMNS].copy()
    out["_k"] = out["kind"].map(_KIND_ORDER)
    out = out.sort_values(
        ["indicator", "scope", "actor", "measure", "_k", "year", "doc_id", "fact_id"], kind="stable"
    )
    out = _series_dtypes(out.drop(columns="_k").reset_index(drop=True))
    series_schema().validate(out, lazy=True)
    return out


def _series_dtypes(out):
    for col in ("year", "period_start", "period_end"):
        out[col] = out[col].astype("Int64")
    out["value"] = out["value"].astype("float64")
    for col in ("indicator", "unit", "qualifier", "kind", "year_basis", "doc_id", "fact_id"):
        out[col] = out[col].astype(str)
    for col in ("scope", "actor", "measure", "counted"):
        out[col] = out[col].astype(str)
    out["quote"] = out["quote"].astype(str)
    return out


def _cagr(multiple: float, years: int) -> float:
    if years <= 0 or not multiple or multiple <= 0 or not math.isfinite(multiple):
        return float("nan")
    return multiple ** (1.0 / years) - 1.0


def growth(series):
    """Growth between consecutive points of each indicator (and unit), plus stated multiples.

    ``source`` is ``computed`` for consecutive points (stated and derived, one point per year:
    a stated one before a derived one, then the first document) and ``stated`` for a multiple
    the text gives ("20.6 times that of 1978"), with its derived baseline as ``from_value``.
    """
    import pandas as pd

    rows = []
    points = series[
        series["kind"].isin(["stated", "derived"])
        & series["year"].notna()
        & (series["measure"] != "target")
    ]
    for (ind, scope, actor, measure, unit), grp in points.groupby(list(COMPARABLE), sort=True):
        grp = grp.assign(_k=grp["kind"].map(_KIND_ORDER))
        grp = grp.sort_values(["year", "_k", "doc_id", "fact_id"]).drop_duplicates("year")
        recs = grp.to_dict("records")
        for a, b in zip(recs, recs[1:], strict=False):
            mult = b["value"] / a["value"] if a["value"] else float("nan")
            rows.append(
                {
                    "indicator": ind,
                    "scope": scope,
                    "actor": actor,
                    "measure": measure,
                    "unit": unit,
                    "from_year": int(a["year"]),
                    "to_year": int(b["year"]),
                    "from_value": a["value"],
                    "to_value": b["value"],
                    "multiple": mult,
                    "cagr": _cagr(mult, int(b["year"]) - int(a["year"])),
                    "source": "computed",
                    "fact_from": a["fact_id"],
                    "fact_to": b["fact_id"],
                }
            )
    by_fact = series.set_index("fact_id")
    for m in series[series["kind"] == "multiple"].to_dict("records"):
        derived_id = m["fact_id"] + ":derived"
        from_value = by_fact.loc[derived_id, "value"] if derived_id in by_fact.index else None
        ys, ye = m["period_start"], m["period_end"]
        known = not (pd.isna(ys) or pd.isna(ye))
        rows.append(
            {
                "indicator": m["indicator"],
                "scope": m["scope"],
                "actor": m["actor"],
                "measure": by_fact.loc[derived_id, "measure"]
                if from_value is not None
                else "change",
                "unit": series.loc[series["fact_id"] == derived_id, "unit"].iloc[0]
                if from_value is not None
                else "multiple",
                "from_year": int(ys) if known else None,
                "to_year": int(ye) if known else None,
                "from_value": from_value,
                "to_value": (from_value * m["value"]) if from_value is not None else None,
                "multiple": m["value"],
                "cagr": _cagr(m["value"], int(ye) - int(ys)) if known else float("nan"),
                "source": "stated",
                "fact_from": derived_id if from_value is not None else "",
                "fact_to": m["fact_id"],
            }
        )
    out = pd.DataFrame(rows, columns=GROWTH_COLUMNS)
    for col in ("from_year", "to_year"):
        out[col] = out[col].astype("Int64")
    for col in ("from_value", "to_value", "multiple", "cagr"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
    for col in ("indicator", "scope", "actor", "measure", "unit", "source", "fact_from", "fact_to"):
        out[col] = out[col].astype(str)
    growth_schema().validate(out, lazy=True)
    return out


def _differing_pairs(grp, window_years: int):
    """Pairs (earlier, later) of one group's figures at most ``window_years`` apart, from
    two documents, whose values differ: the candidates for a conflict or a difference of
    definition."""
    recs = sorted(grp.to_dict("records"), key=lambda r: (int(r["year"]), r["doc_id"], r["start"]))
    for i, a in enumerate(recs):
        for b in recs[i + 1 :]:
            if int(b["year"]) - int(a["year"]) > window_years:
                break
            if a["doc_id"] != b["doc_id"] and not math.isclose(a["value"], b["value"]):
                yield a, b


def conflicts(facts, window_years: int | None = None):
    """The same indicator at about the same time given differently by different documents.

    Compared: stated figures only (no derived baselines, targets, multiples, duplicates or
    unclassified rows) of the same indicator and unit, whose years are at most
    ``window_years`` apart (default: ``conflict_window_years`` in indicators.yaml), from two
    different documents, with different values, and not over two different periods
    ("in the past five years" vs "since 1978"). ``difference`` = |a - b| / max(|a|, |b|).
    Pairs are ordered so that ``a`` is the earlier (year, doc_id).
    """
    import pandas as pd

    from analysis.facts import indicator_lexicon

    if window_years is None:
        window_years = indicator_lexicon().conflict_window_years
    if window_years < 0:
        from analysis.config import InputError

        raise InputError(f"window_years {window_years}: must be 0 or more")
    df = _stated(_with_definition(facts))
    rows = []
    for _key, grp in df.groupby(list(COMPARABLE), sort=True):
        for a, b in _differing_pairs(grp, window_years):
            pa_, pb_ = a["period_start"], b["period_start"]
            if not (pd.isna(pa_) or pd.isna(pb_)) and int(pa_) != int(pb_):
                continue  # figures over different periods are not comparable
            rows.append(
                {
                    **{c: a[c] for c in COMPARABLE},
                    "year_a": int(a["year"]),
                    "value_a": a["value"],
                    "qualifier_a": a["qualifier"],
                    "doc_a": a["doc_id"],
                    "fact_a": a["fact_id"],
                    "year_b": int(b["year"]),
                    "value_b": b["value"],
                    "qualifier_b": b["qualifier"],
                    "doc_b": b["doc_id"],
                    "fact_b": b["fact_id"],
                    "difference": abs(a["value"] - b["value"])
                    / max(abs(a["value"]), abs(b["value"])),
                }
            )
    out = pd.DataFrame(rows, columns=CONFLICT_COLUMNS)
    for col in ("year_a", "year_b"):
        out[col] = out[col].astype("int64")
    for col in ("value_a", "value_b", "difference"):
        out[col] = out[col].astype("float64")
    for col in (*COMPARABLE, "qualifier_a", "qualifier_b", "doc_a", "doc_b"):
        out[col] = out[col].astype(str)
    for col in ("fact_a", "fact_b"):
        out[col] = out[col].astype(str)
    conflicts_schema().validate(out, lazy=True)
    return out


def _with_definition(facts):
    """``facts`` with the definition columns (a table from before they existed: national,
    level)."""
    missing = {"scope": "national", "actor": "", "measure": "level", "counted": ""}
    missing = {k: v for k, v in missing.items() if k not in facts.columns}
    return facts.assign(**missing) if missing else facts


def _stated(facts):
    """Stated figures with a year that may be compared: no duplicates, unclassified rows,
    derived baselines, targets or multiples."""
    return facts[
        (~facts["duplicate"].astype(bool))
        & (facts["indicator"] != "unclassified")
        & (facts["derived_from"] == "")
        & (facts["qualifier"] != "target")
        & (facts["measure"] != "target")
        & (~facts["unit"].isin(["multiple"]))
        & facts["year"].notna()
    ]


DEFINITION_COLUMNS = [
    "indicator",
    "unit",
    "year_a",
    "value_a",
    "scope_a",
    "actor_a",
    "measure_a",
    "counted_a",
    "doc_a",
    "fact_a",
    "year_b",
    "value_b",
    "scope_b",
    "actor_b",
    "measure_b",
    "counted_b",
    "doc_b",
    "fact_b",
    "differs_in",
]


def definition_differences(facts, window_years: int | None = None):
    """Figures of one indicator and unit, about the same time (years at most
    ``window_years`` apart), from two documents, with different values, that count
    different things: their scope, actor or measure differ (a ministry's partner countries
    against the nation's; a year's students against the running total). They are no
    conflict: the brief says how the definitions differ, with both ``counted`` phrases.
    ``differs_in`` names the columns that differ ("scope actor"). One row per pair of
    definitions and documents (the closest values).
    """
    import pandas as pd

    from analysis.facts import indicator_lexicon

    if window_years is None:
        window_years = indicator_lexicon().conflict_window_years
    df = _stated(_with_definition(facts))
    rows = []
    seen: set = set()
    for (_ind, _unit), grp in df.groupby(["indicator", "unit"], sort=True):
        for a, b in _differing_pairs(grp, window_years):
            differs = [c for c in ("scope", "actor", "measure") if a[c] != b[c]]
            if not differs:
                continue
            key = (
                a["indicator"],
                a["doc_id"],
                b["doc_id"],
                *((a[c], b[c]) for c in ("scope", "actor", "measure")),
            )
            if key in seen:
                continue
            seen.add(key)
            row = {
                "indicator": a["indicator"],
                "unit": a["unit"],
                "differs_in": " ".join(differs),
            }
            for side, r in (("a", a), ("b", b)):
                row.update({
                    f"year_{side}": int(r["year"]), f"value_{side}": r["value"],
                    f"scope_{side}": r["scope"], f"actor_{side}": r["actor"],
                    f"measure_{side}": r["measure"], f"counted_{side}": r["counted"],
                    f"doc_{side}": r["doc_id"], f"fact_{side}": r["fact_id"],
                })  # fmt: skip
            rows.append(row)
    out = pd.DataFrame(rows, columns=DEFINITION_COLUMNS)
    for col in ("year_a", "year_b"):
        out[col] = out[col].astype("int64")
    for col in ("value_a", "value_b"):
        out[col] = out[col].astype("float64")
    for col in DEFINITION_COLUMNS:
        if col not in ("year_a", "year_b", "value_a", "value_b"):
            out[col] = out[col].astype(str)
    return out


# --------------------------------------------------------------------------- schemas
def _ids():
    from analysis.facts import indicator_ids

    return indicator_ids()


@functools.cache
def series_schema():
    """Pandera schema of :func:`indicator_series`."""
    import pandera.pandas as pa

    from analysis.facts import MEASURES, QUALIFIERS, SCOPES, YEAR_BASES
    from analysis.units import is_unit

    year = pa.Column("Int64", pa.Check.in_range(1900, 2100), nullable=True)
    return pa.DataFrameSchema(
        {
            "indicator": pa.Column(str, pa.Check.isin(_ids())),
            "scope": pa.Column(str, pa.Check.isin(SCOPES)),
            "actor": pa.Column(str),
            "measure": pa.Column(str, pa.Check.isin(MEASURES)),
            "counted": pa.Column(str),
            "year": year,
            "value": pa.Column("float64"),
            "unit": pa.Column(str, pa.Check(lambda s: s.map(is_unit))),
            "qualifier": pa.Column(str, pa.Check.isin(QUALIFIERS)),
            "kind": pa.Column(str, pa.Check.isin(KINDS)),
            "year_basis": pa.Column(str, pa.Check.isin(YEAR_BASES)),
            "period_start": year,
            "period_end": year,
            "doc_id": pa.Column(str),
            "fact_id": pa.Column(str, unique=True),
            "quote": pa.Column(str),
        },
        strict=True,
        ordered=True,
    )


@functools.cache
def growth_schema():
    """Pandera schema of :func:`growth`."""
    import pandera.pandas as pa

    from analysis.facts import MEASURES, SCOPES

    year = pa.Column("Int64", pa.Check.in_range(1900, 2100), nullable=True)
    return pa.DataFrameSchema(
        {
            "indicator": pa.Column(str, pa.Check.isin(_ids())),
            "scope": pa.Column(str, pa.Check.isin(SCOPES)),
            "actor": pa.Column(str),
            "measure": pa.Column(str, pa.Check.isin(MEASURES)),
            "unit": pa.Column(str),
            "from_year": year,
            "to_year": year,
            "from_value": pa.Column("float64", nullable=True),
            "to_value": pa.Column("float64", nullable=True),
            "multiple": pa.Column("float64", nullable=True),
            "cagr": pa.Column("float64", nullable=True),
            "source": pa.Column(str, pa.Check.isin(["computed", "stated"])),
            "fact_from": pa.Column(str),
            "fact_to": pa.Column(str),
        },
        strict=True,
        ordered=True,
    )


@functools.cache
def conflicts_schema():
    """Pandera schema of :func:`conflicts`."""
    import pandera.pandas as pa

    from analysis.facts import MEASURES, QUALIFIERS, SCOPES

    def side(s: str) -> dict:
        return {
            f"year_{s}": pa.Column("int64", pa.Check.in_range(1900, 2100)),
            f"value_{s}": pa.Column("float64"),
            f"qualifier_{s}": pa.Column(str, pa.Check.isin(QUALIFIERS)),
            f"doc_{s}": pa.Column(str),
            f"fact_{s}": pa.Column(str),
        }

    return pa.DataFrameSchema(
        {
            "indicator": pa.Column(str, pa.Check.isin(_ids())),
            "scope": pa.Column(str, pa.Check.isin(SCOPES)),
            "actor": pa.Column(str),
            "measure": pa.Column(str, pa.Check.isin(MEASURES)),
            "unit": pa.Column(str),
            **side("a"),
            **side("b"),
            "difference": pa.Column("float64", pa.Check.in_range(0, 1, include_min=False)),
        },
        checks=[pa.Check(lambda df: df["doc_a"] != df["doc_b"], name="different documents")],
        strict=True,
        ordered=True,
    )
