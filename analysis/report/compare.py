"""Which figures may be compared, and the comparisons the brief draws from them.

Two figures are comparable (joined in a series, compared for growth, a ratio or a
conflict) only when indicator, scope, actor, measure and unit agree, and, for running
totals, the year they count from. Figures of one indicator under different definitions
are reported as a difference of definition, never as a trend.
"""

from __future__ import annotations

from typing import Any

from analysis.report import values

KEY_FIELDS = ("indicator", "scope", "actor", "measure_of", "unit")


def _measure(row: dict) -> str:
    """The kind of measure, from the facts table (a multiple is a change, a plan's goal a
    target, whatever the table says)."""
    if row["unit"] == "multiple":
        return "change"
    if row["qualifier"] == "target":
        return "target"
    return str(row.get("measure") or "") or "level"


def with_comparability(facts: Any) -> Any:
    """``facts`` with ``measure_of`` (the measure used for comparisons) and ``key`` (equal
    keys = comparable figures). A baseline computed from a multiple takes the definition
    of the figure the multiple describes."""
    df = facts.copy()
    for col, default in (("scope", "national"), ("actor", ""), ("measure", ""), ("counted", "")):
        if col not in df:
            df[col] = default
        df[col] = df[col].fillna(default).astype(str)
    df["derived_from"] = df["derived_from"].fillna("").astype(str)
    recs = df.to_dict("records")
    measure = {r["fact_id"]: _measure(r) for r in recs}
    by_id = {r["fact_id"]: r for r in recs}
    stated: dict[tuple, dict] = {}  # (doc, indicator, year) -> the first stated figure
    for s in recs:
        if s["unit"] != "multiple" and not s["derived_from"] and not values.missing(s["year"]):
            stated.setdefault((s["doc_id"], s["indicator"], int(s["year"])), s)
    owner: dict[str, dict] = {}  # computed baseline -> the figure its multiple is "times" of
    for r in recs:
        m = by_id.get(r["derived_from"]) if r["derived_from"] else None
        if m is not None and not values.missing(m.get("period_end")):
            s = stated.get((m["doc_id"], m["indicator"], int(m["period_end"])))
            if s is not None:
                owner[r["fact_id"]] = s
    keys, measures = [], []
    for r in recs:
        src = owner.get(r["fact_id"])
        if src is not None:
            r = {**r, "scope": src["scope"], "actor": src["actor"]}
            mo = measure[src["fact_id"]]
        elif r["derived_from"]:
            mo = "level"
        else:
            mo = measure[r["fact_id"]]
        since = ""
        if mo == "cumulative" and not values.missing(r.get("period_start")):
            since = str(int(r["period_start"]))
        measures.append(mo)
        keys.append("|".join([r["indicator"], r["scope"], r["actor"], mo, r["unit"], since]))
    df["measure_of"] = measures
    df["key"] = keys
    return df


def points(facts: Any) -> Any:
    """Figures that may stand in a series: stated or computed, classified, counted once,
    not a plan target, not a multiple, with a year."""
    f = facts
    keep = (
        (f["indicator"] != "unclassified")
        & ~f["duplicate"].astype(bool)
        & (f["measure_of"] != "target")
        & (f["unit"] != "multiple")
        & f["year"].notna()
    )
    out = f[keep].copy()
    out["kind"] = ["derived" if d else "stated" for d in out["derived_from"]]
    return out.sort_values(["indicator", "key", "year", "doc_id", "start"])


def series_groups(pts: Any) -> list[Any]:
    """Comparable series with points in at least two different years (a frame each)."""
    groups = []
    for _key, grp in pts.groupby("key", sort=True):
        if grp["year"].nunique() >= 2:
            groups.append(grp.sort_values(["year", "kind", "doc_id"]))
    return groups


def growth(b: Any) -> list[dict]:
    """Compound growth per year: from each stated multiple ("20.6 times that of 1978") and
    between the first and last stated figures of each comparable series. Fastest first."""
    f = b.facts
    out = []
    mult = f[(f["unit"] == "multiple") & ~f["duplicate"].astype(bool)]
    mult = mult[mult["indicator"] != "unclassified"].dropna(subset=["period_start", "period_end"])
    for r in mult.to_dict("records"):
        years = int(r["period_end"]) - int(r["period_start"])
        base = f[f["derived_from"] == r["fact_id"]]
        out.append(
            {
                "basis": "multiple",
                "indicator": r["indicator"],
                "label": b.label(r["indicator"]),
                "multiple": float(r["value"]),
                "from_year": int(r["period_start"]),
                "to_year": int(r["period_end"]),
                "years": years,
                "per_year": values.per_year(r["value"], years),
                "stated": b.fact(r),
                "start": b.fact(base.iloc[0]) if len(base) else None,
                "end": None,
                "source": b.source(r["doc_id"]),
                "docs": [r["doc_id"]],
            }
        )
    stated = points(f)
    # a bound ("over 30", "150 or more") is no end of a rate of growth
    stated = stated[(stated["kind"] == "stated") & ~stated["qualifier"].isin(["over", "at_least"])]
    for grp in series_groups(stated):
        first, last = grp.iloc[0], grp.iloc[-1]
        if not first["value"] or int(last["year"]) == int(first["year"]):
            continue
        years = int(last["year"]) - int(first["year"])
        multiple = float(last["value"]) / float(first["value"])
        out.append(
            {
                "basis": "figures",
                "indicator": first["indicator"],
                "label": b.label(first["indicator"]),
                "multiple": multiple,
                "from_year": int(first["year"]),
                "to_year": int(last["year"]),
                "years": years,
                "per_year": values.per_year(multiple, years),
                "stated": None,
                "start": b.fact(first),
                "end": b.fact(last),
                "source": None,
                "docs": sorted({first["doc_id"], last["doc_id"]}),
            }
        )
    out = [g for g in out if g["years"] > 0 and not values.missing(g["per_year"])]
    for g in out:
        g["per_year_text"] = values.percent(g["per_year"])
        g["multiple_text"] = f"{g['multiple']:.3g}"
        g["unchanged"] = g["multiple"] == 1  # the same figure at both ends: no "1 times"
    return sorted(out, key=lambda g: (-g["per_year"], g["label"]))


def _latest(pts: Any, indicator: str, scope: str = "national") -> Any:
    sub = pts[(pts["indicator"] == indicator) & (pts["kind"] == "stated") & (pts["scope"] == scope)]
    if sub.empty:
        return None
    return sub.sort_values(["year", "doc_id", "start"]).iloc[-1]


def _pair(pts: Any, a_ind: str, b_ind: str, max_gap: int = 1) -> tuple | None:
    """The latest figures of two indicators of one definition (scope, measure, unit), at most
    ``max_gap`` years apart, the closest pair in time first."""
    a = pts[(pts["indicator"] == a_ind) & (pts["kind"] == "stated")]
    c = pts[(pts["indicator"] == b_ind) & (pts["kind"] == "stated")]
    best = None
    for ra in a.to_dict("records"):
        for rb in c.to_dict("records"):
            same = all(ra[k] == rb[k] for k in ("scope", "actor", "measure_of", "unit"))
            if not same or not rb["value"]:
                continue
            if (
                ra["measure_of"] == "cumulative"
                and ra["key"].split("|")[-1] != rb["key"].split("|")[-1]
            ):
                continue  # running totals from different start years
            gap = abs(int(ra["year"]) - int(rb["year"]))
            if gap > max_gap:
                continue
            rank = (gap, -max(int(ra["year"]), int(rb["year"])))
            if best is None or rank < best[0]:
                best = (rank, ra, rb)
    return None if best is None else (best[1], best[2])


RATIOS = (
    ("trade_value", "tech_import_value", "tech_export_value"),
    ("trade_contracts", "tech_import_contracts", "tech_export_contracts"),
    ("returned", "returnees", "students_abroad"),
)


def ratios(b: Any) -> list[dict]:
    """Two figures of one kind side by side: imports to exports of technology (by value and
    by contracts), people who came back to people sent abroad (same period only)."""
    pts = points(b.facts)
    out = []
    for kind, top, bottom in RATIOS:
        pair = _pair(pts, top, bottom, max_gap=0 if kind == "returned" else 1)
        if pair is None:
            continue
        ra, rb = pair
        if kind == "returned" and values.year_text(ra) != values.year_text(rb):
            continue  # a share only over the same span of years
        out.append(
            {
                "kind": kind,
                "a": b.fact(ra),
                "b": b.fact(rb),
                "ratio": float(ra["value"]) / float(rb["value"]),
                "ratio_text": f"{float(ra['value']) / float(rb['value']):.1f}",
                "share_text": values.percent(float(ra["value"]) / float(rb["value"])),
                "same_year": values.year_text(ra) == values.year_text(rb),
            }
        )
    return out


DEPTH = ("st_diplomats", "st_offices", "st_office_countries", "joint_research_centers")


def breadth_depth(b: Any) -> dict | None:
    """Breadth (countries with S&T relations) against depth (diplomats, offices, countries
    with an office, joint centres), each at most a year from the breadth figure."""
    pts = points(b.facts)
    pts = pts[pts["measure_of"] != "cumulative"]
    breadth = _latest(pts, "partner_countries")
    if breadth is None:
        return None
    depth = []
    for ind in DEPTH:
        pair = _pair(
            pts[pts["indicator"].isin([ind, "partner_countries"])], ind, "partner_countries"
        )
        if pair is None or int(pair[1]["year"]) != int(breadth["year"]):
            continue
        ra = pair[0]
        share = float(ra["value"]) / float(breadth["value"])
        depth.append(
            {
                "fact": b.fact(ra),
                "kind": "share" if ind == "st_office_countries" else "per_partner",
                "share": share,
                "share_text": values.percent(share),
                "per_text": f"{share:.2g}",
            }
        )
    depth.sort(key=lambda x: x["kind"] != "share")  # countries with an office first
    if not depth:
        return None
    return {"breadth": b.fact(breadth), "depth": depth}


def definition_differences(b: Any) -> list[dict]:
    """Indicators whose stated figures fall under more than one definition (whose figure,
    which kind of measure, what is counted): said in words, never drawn as one line."""
    f = b.facts
    stated = f[
        (f["indicator"] != "unclassified")
        & ~f["duplicate"].astype(bool)
        & (f["derived_from"] == "")
        & (f["unit"] != "multiple")
        & (f["measure_of"] != "target")
    ]
    out = []
    for ind, grp in stated.groupby("indicator", sort=True):
        if grp["key"].nunique() < 2:
            continue
        groups = []
        for _key, g in grp.groupby("key", sort=False):
            r = g.iloc[0]
            groups.append(
                {
                    "scope": r["scope"],
                    "actor": r["actor"],
                    "measure": r["measure_of"],
                    "unit": r["unit"],
                    "since": r["key"].split("|")[-1],
                    "facts": [
                        b.fact(x) for x in g.sort_values(["year", "doc_id"]).to_dict("records")
                    ],
                }
            )
        out.append({"indicator": ind, "label": b.label(ind), "groups": groups})
    return out


def conflicts(b: Any) -> list[dict]:
    """Where two sources give different figures for the same thing, by the same definition,
    at about the same time (pairs of different definitions are left to
    :func:`definition_differences`). Widest gap first."""
    keys = dict(zip(b.facts["fact_id"], b.facts["key"], strict=True))
    rows = {r["fact_id"]: r for r in b.facts.to_dict("records")}
    out = []
    for c in b.conflicts.to_dict("records"):
        fa, fb = c["fact_a"], c["fact_b"]
        if fa not in rows or fb not in rows or keys[fa] != keys[fb]:
            continue
        out.append(
            {
                "indicator": c["indicator"],
                "label": b.label(c["indicator"]),
                "a": b.fact(rows[fa]),
                "b": b.fact(rows[fb]),
                "difference": float(c["difference"]),
                "difference_text": values.percent(c["difference"]),
            }
        )
    return sorted(out, key=lambda c: (-c["difference"], c["label"]))


def targets(b: Any) -> list[dict]:
    """Plan targets: goals, not counts; a table of their own."""
    f = b.facts
    t = f[(f["measure_of"] == "target") & (f["indicator"] != "unclassified")]
    t = t[~t["duplicate"].astype(bool)].sort_values(["year", "doc_id", "start"])
    return [b.fact(r) for r in t.to_dict("records")]
