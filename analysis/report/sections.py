"""The data of each topical section of the brief: plain dicts and lists with fact citations.

Each function takes the period's :class:`~analysis.report.context.Brief` and returns the
dict its template ``sections/<name>.html.j2`` receives as ``d``, or None when the section
has nothing to say for the period.
"""

from __future__ import annotations

from typing import Any

from analysis.report import annex, compare, phases

SCALE = ("partner_countries", "intergov_agreements", "coop_projects", "personnel_exchanges")
TRADE = ("tech_export_contracts", "tech_export_value", "tech_import_contracts", "tech_import_value")
TALENT = ("students_abroad", "returnees", "foreign_experts")
INSTITUTIONS = (
    "st_diplomats",
    "st_offices",
    "st_office_countries",
    "joint_research_centers",
    "coop_bases",
    "innovation_zones",
    "tech_parks",
    "intl_org_memberships",
    "intergov_org_memberships",
    "intl_org_positions",
    "intl_org_seats",
    "coop_funding",
)
MAX_ROWS = 30  # rows of a section's table; the rest stand in annex B


def stated(b: Any, indicators: tuple[str, ...] | None = None) -> Any:
    """Stated figures (not computed, not a multiple, not a target, counted once)."""
    f = b.facts
    keep = (
        (f["indicator"] != "unclassified")
        & (f["derived_from"] == "")
        & (f["unit"] != "multiple")
        & (f["measure_of"] != "target")
        & ~f["duplicate"].astype(bool)
    )
    if indicators is not None:
        keep &= f["indicator"].isin(indicators)
    return f[keep].sort_values(["indicator", "year", "doc_id", "start"])


def _table(b: Any, indicators: tuple[str, ...]) -> dict:
    rows = stated(b, indicators)
    return {
        "rows": [b.fact(r) for r in rows.head(MAX_ROWS).to_dict("records")],
        "more": max(0, len(rows) - MAX_ROWS),
    }


def _ratio(b: Any, kind: str) -> dict | None:
    return next((r for r in compare.ratios(b) if r["kind"] == kind), None)


def _headline_growth(growth: list[dict], n: int = 1) -> Any:
    """The fastest rates a document states itself (multiples), else computed ones."""
    stated = [g for g in growth if g["basis"] == "multiple"] or growth
    if not stated:
        return None
    return stated[0] if n == 1 else stated[:n]


def _years(b: Any) -> str:
    used = b.docs[b.docs["doc_id"].isin(b.used_docs)]
    years = sorted(int(str(p)[:4]) for p in used["published"] if str(p)[:4].isdigit())
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def _reach(b: Any) -> dict | None:
    """The first and the latest figure of the longest comparable series of partner countries."""
    pts = compare.points(b.facts)
    pts = pts[(pts["indicator"] == "partner_countries") & (pts["kind"] == "stated")]
    groups = compare.series_groups(pts)
    if groups:
        g = max(groups, key=lambda g: (g["year"].nunique(), len(g)))
        first, last = g.iloc[0], g.iloc[-1]
        return {"first": b.fact(first), "last": b.fact(last)}
    if len(pts):
        return {"first": None, "last": b.fact(pts.sort_values(["year", "doc_id"]).iloc[-1])}
    return None


def _mode_shift(b: Any) -> dict | None:
    """The mode of cooperation that gained most between the first and the last era with text."""
    r = b.theme_rates
    if r is None or r.empty:
        return None
    r = r[(r["group"] == "mode") & r["rate"].notna()]
    eras = [e["id"] for e in b.eras if e["id"] in set(r["era"])]
    if len(eras) < 2:
        return None
    first = r[r["era"] == eras[0]].set_index("theme")
    last = r[r["era"] == eras[-1]].set_index("theme")
    gains = (last["rate"] - first["rate"]).dropna().sort_values(ascending=False, kind="stable")
    if gains.empty or gains.iloc[0] <= 0:
        return None
    up, down = gains.index[0], gains.index[-1]
    labels = {e["id"]: e["label"] for e in b.eras}
    return {
        "first_era": labels[eras[0]],
        "last_era": labels[eras[-1]],
        "up": {
            "label": last.loc[up, "label"],
            "before": f"{first.loc[up, 'rate']:.1f}",
            "after": f"{last.loc[up, 'rate']:.1f}",
        },
        "down": None
        if gains.iloc[-1] >= 0
        else {
            "label": last.loc[down, "label"],
            "before": f"{first.loc[down, 'rate']:.1f}",
            "after": f"{last.loc[down, 'rate']:.1f}",
            # not one mention left in the last era: the words say so, not "to 0.0"
            "silent": not last.loc[down, "rate"] > 0,
        },
    }


def _programmes(b: Any) -> list[dict]:
    prog = b.mentions[b.mentions["kind"] == "programme"]
    out = []
    for name, grp in prog.sort_values(["year", "start"]).groupby("partner", sort=False):
        docs = sorted(set(grp["doc_id"]))
        out.append({"name": name, "sources": [b.source(d) for d in docs]})
    return out


def _programme_sources(b: Any) -> list[dict]:
    prog = b.mentions[b.mentions["kind"] == "programme"]
    return [b.source(d) for d in sorted(set(prog["doc_id"]), key=lambda d: b.names.get(d, d))]


# ------------------------------------------------------------------ sections
def summary(b: Any) -> dict:
    """The so-what and the counts of what the brief read (counts agree with what is shown)."""
    f = b.facts
    own = f[f["derived_from"] == ""]
    growth = compare.growth(b)
    return {
        "period": b.period,
        "n_docs": len(b.used_docs),
        "doc_years": _years(b),
        "n_figures": len(own),
        "n_classified": int((own["indicator"] != "unclassified").sum()),
        "n_unclassified": int((own["indicator"] == "unclassified").sum()),
        "n_events": phases.n_landmarks(b),
        "reach": _reach(b),
        "fastest": _headline_growth(growth),
        "depth": compare.breadth_depth(b),
        "returned": _ratio(b, "returned"),
        "trade": _ratio(b, "trade_value"),
        "n_conflicts": len(compare.conflicts(b)),
        "n_definitions": len(compare.definition_differences(b)),
    }


def findings(b: Any) -> dict | None:
    """Key findings, each with its numbers and citations; only those the data supports."""
    growth = compare.growth(b)
    reach = _reach(b)
    agreements = stated(b, ("intergov_agreements",))
    items = {
        "growth": _headline_growth(growth, 2),
        "reach": reach,
        "agreements": b.fact(agreements.iloc[-1]) if len(agreements) else None,
        "trade": _ratio(b, "trade_value") or _ratio(b, "trade_contracts"),
        "returned": _ratio(b, "returned"),
        "depth": compare.breadth_depth(b),
        "shift": _mode_shift(b),
        "programmes": _programmes(b),
        "programme_sources": _programme_sources(b),
        "conflicts": compare.conflicts(b),
        "definitions": compare.definition_differences(b),
    }
    if not any(items.values()):
        return None
    return {"period": b.period, **items}


def growth(b: Any) -> dict | None:
    """Growth per year (compound), from stated multiples and from comparable figures."""
    import pandas as pd

    from analysis import figures

    rows = compare.growth(b)
    if not rows:
        return None
    frame = pd.DataFrame(
        [{k: g[k] for k in ("label", "from_year", "to_year", "multiple", "per_year")} for g in rows]
    )
    fig = figures.growth_per_year(frame, top=figures.GROWTH_BARS)
    doc_ids = {d for g in rows for d in g["docs"]}
    figure = b.add_figure(
        fig,
        frame,
        "growth-per-year",
        doc_ids,
        shown=min(len(rows), figures.GROWTH_BARS),
        total=len(rows),
        bars=rows[: figures.GROWTH_BARS],
    )
    return {"rows": rows, "figure": figure, "period": b.period}


def scale(b: Any) -> dict | None:
    """Scale of cooperation: comparable series as small multiples, the figures, the targets."""
    from analysis import figures

    pts = compare.points(b.facts)
    pts = pts[pts["indicator"].isin(SCALE + INSTITUTIONS)]
    groups = compare.series_groups(pts)[: figures.SERIES_PANELS]
    titles = [_series_title(b, g.iloc[0]) for g in groups]
    figure = None
    if groups:
        import pandas as pd

        data = pd.concat(groups)[["indicator", "key", "year", "value", "kind", "doc_id", "fact_id"]]
        figure = b.add_figure(
            figures.series_panels(groups, titles, b.names, (b.start_year, b.end_year)),
            data,
            "comparable-series",
            data["doc_id"],
            panels=[
                {"title": t, "points": [b.fact(r) for r in g.to_dict("records")]}
                for t, g in zip(titles, groups, strict=True)
            ],
        )
    table = _table(b, SCALE)
    targets = compare.targets(b)
    if not (figure or table["rows"] or targets):
        return None
    return {"figure": figure, "table": table, "targets": targets, "period": b.period}


def _series_title(b: Any, r: Any) -> str:
    """A panel's title: the indicator and, where it is not the national standing count, the
    definition that sets its series apart."""
    parts = [b.label(r["indicator"])]
    if r["actor"]:
        parts.append(r["actor"])
    if r["measure_of"] == "cumulative":
        since = r["key"].split("|")[-1]
        parts.append(f"running total since {since}" if since else "running total")
    elif r["measure_of"] == "annual":
        parts.append("in one year")
    return " — ".join(parts)


def trade(b: Any) -> dict | None:
    table = _table(b, TRADE)
    ratios = [r for r in compare.ratios(b) if r["kind"].startswith("trade")]
    if not table["rows"]:
        return None
    return {"table": table, "ratios": ratios}


def talent(b: Any) -> dict | None:
    table = _table(b, TALENT)
    if not table["rows"]:
        return None
    return {"table": table, "returned": _ratio(b, "returned")}


def institutions(b: Any) -> dict | None:
    table = _table(b, INSTITUTIONS)
    programmes = _programmes(b)
    depth = compare.breadth_depth(b)
    if not (table["rows"] or programmes):
        return None
    return {"table": table, "programmes": programmes, "depth": depth}


def partners(b: Any) -> dict | None:
    """Countries and organisations named, by era (a bounded figure and table)."""
    from analysis import figures

    m = b.mentions
    if m.empty:
        return None
    counts = (
        m.dropna(subset=["era"]).groupby(["partner", "era"]).size().reset_index(name="mentions")
    )
    by_partner = (
        m.groupby(["partner", "kind"])
        .agg(mentions=("doc_id", "size"), docs=("doc_id", "nunique"))
        .reset_index()
        .sort_values(["mentions", "partner"], ascending=[False, True])
    )
    figure = b.add_figure(
        figures.partners_by_era(counts, top=figures.PARTNER_BARS),
        counts,
        "partners-by-era",
        m["doc_id"],
        shown=min(counts["partner"].nunique(), figures.PARTNER_BARS),
        total=int(counts["partner"].nunique()),
        top=[
            {"name": r["partner"], "mentions": int(r["mentions"])}
            for r in by_partner.head(figures.PARTNER_BARS).to_dict("records")
        ],
    )
    return {
        "figure": figure,
        "rows": by_partner.head(15).to_dict("records"),
        "more": max(0, len(by_partner) - 15),
        "total": len(by_partner),
    }


def themes(b: Any) -> dict | None:
    """Fields and modes of cooperation by era (heatmap) and what moved most."""
    from analysis import figures

    r = b.theme_rates
    if r is None or r.empty or not (r["mentions"] > 0).any():
        return None
    pivot = r.pivot_table(index="label", columns="era", values="rate", aggfunc="mean", dropna=False)
    pivot = pivot.loc[pivot.fillna(0).sum(axis=1) > 0]
    pivot = pivot[[c for c in (e["id"] for e in b.eras) if c in pivot.columns]]
    blank = [c for c in pivot.columns if pivot[c].isna().all()]
    pivot = pivot.drop(columns=blank)  # an era no sentence speaks of has no column at all
    labels = {e["id"]: e["label"] for e in b.eras}
    if pivot.shape[0] < 2 or pivot.shape[1] < 2:  # one era or one theme: nothing to compare
        return None
    figure = b.add_figure(
        figures.themes_heatmap(pivot, max_rows=figures.THEME_ROWS),
        r,
        "themes-by-era",
        b.used_docs,
        eras=[labels[c] for c in pivot.columns],
        rows=[
            {
                "label": idx,
                "rates": [
                    {"era": labels[c], "rate": f"{v:.1f}"}
                    for c, v in row.items()
                    if v == v and v > 0
                ],
            }
            for idx, row in pivot.head(figures.THEME_ROWS).iterrows()
        ],
        blank=[labels[c] for c in blank],
        total=len(pivot),
    )
    return {"figure": figure, "shift": _mode_shift(b), "blank": [labels[c] for c in blank]}


def disagreements(b: Any) -> dict | None:
    """Where sources disagree on one definition, and where they only differ in definition."""
    conflicts = compare.conflicts(b)
    definitions = compare.definition_differences(b)
    if not (conflicts or definitions):
        return None
    return {"conflicts": conflicts, "definitions": definitions}


def methodology(b: Any) -> dict:
    """The numbers behind the method: how dates were found, what could not be classified."""
    f = b.facts
    own = f[f["derived_from"] == ""]
    bases = b.docs[b.docs["doc_id"].isin(b.used_docs)]["published_basis"].value_counts()
    return {
        "bases": [{"text": annex.date_basis_text(k), "n": int(v)} for k, v in bases.items()],
        "n_unclassified": int((own["indicator"] == "unclassified").sum()),
        "n_figures": len(own),
        "n_computed": int((f["derived_from"] != "").sum()),
        "n_duplicates": int(f["duplicate"].astype(bool).sum()),
        "n_targets": len(compare.targets(b)),
        "skipped": [{"file": s.file, "reason": s.reason} for s in b.corpus.skipped],
    }
