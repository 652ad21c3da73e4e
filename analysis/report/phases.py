"""The phases of the period: per era, its events, its leading themes and how they moved, its
figures; and the timeline of landmark events."""

from __future__ import annotations

from typing import Any

from analysis.report import compare

MAX_EVENTS = 5  # events named in an era's paragraph; the rest are in the timeline
MAX_FIGURES = 5  # figures named in an era's paragraph; all are in the sections and annex B
MAX_THEMES = 3


def landmarks(events: Any) -> Any:
    """Events that are occasions, not statistics: no figures, no trend start, no target, not
    from a near-copy; one per sentence. ``label`` is the event in whole words: the timeline's
    label, or its whole sentence where the label had to be cut."""
    keep = ~events["has_figures"].astype(bool) & (events["context"].fillna("") == "")
    keep &= ~events["duplicate"].astype(bool)
    out = events[keep].drop_duplicates("sentence").copy()
    out["label"] = [
        " ".join(str(s).split()).rstrip(".") if str(e).endswith("…") else str(e)
        for e, s in zip(out["event"], out["sentence"], strict=True)
    ]
    return out.sort_values(["date", "doc_id", "start"])


def _themes(b: Any, era_id: str) -> dict[str, dict]:
    r = b.theme_rates
    if r is None or r.empty:
        return {}
    sub = r[(r["era"] == era_id) & r["rate"].notna()]
    return {t["theme"]: t for t in sub.to_dict("records")}


def _theme_moves(now: dict, before: dict) -> tuple[list[dict], dict | None]:
    """The era's leading themes with their rate in the era before; and the biggest riser."""
    top = sorted(
        (t for t in now.values() if t["rate"] > 0), key=lambda t: (-t["rate"], t["label"])
    )[:MAX_THEMES]
    leading = []
    for t in top:
        prev = before.get(t["theme"])
        leading.append(
            {
                "theme": t["theme"],
                "label": t["label"],
                "group": t["group"],
                "rate": f"{t['rate']:.1f}",
                "before": None if prev is None else f"{prev['rate']:.1f}",
                "move": None
                if prev is None
                else (
                    "up"
                    if t["rate"] > prev["rate"]
                    else "down"
                    if t["rate"] < prev["rate"]
                    else "same"
                ),
            }
        )
    riser = None
    if before:
        rises = [
            (t["rate"] - before[k]["rate"], t)
            for k, t in now.items()
            if k in before and t["rate"] > before[k]["rate"]
        ]
        if rises:
            gain, t = max(rises, key=lambda x: (x[0], x[1]["label"]))
            riser = {
                "theme": t["theme"],
                "label": t["label"],
                "rate": f"{t['rate']:.1f}",
                "before": f"{before[t['theme']]['rate']:.1f}",
            }
    elif top:
        riser = {
            "theme": top[0]["theme"],
            "label": top[0]["label"],
            "rate": f"{top[0]['rate']:.1f}",
            "before": None,
        }
    return leading, riser


def eras(b: Any) -> list[dict]:
    """One record per era of the period that the documents say something about."""
    f = b.facts
    pts = compare.points(f)
    marks = landmarks(b.events)
    out, before, prev_label, seen = [], {}, None, set()
    for era in b.eras:
        lo, hi = max(era["start"], b.start_year), min(era["end"], b.end_year)
        ev = marks[marks["year"].between(lo, hi)]
        in_era = pts[pts["year"].between(lo, hi)]
        stated = in_era[in_era["kind"] == "stated"].sort_values(["year", "indicator", "doc_id"])
        latest = stated.drop_duplicates("indicator", keep="last")
        computed = in_era[in_era["kind"] == "derived"].sort_values(["year", "indicator"])
        had_figures = bool(seen)
        new = sorted({b.label(i) for i in stated["indicator"]} - seen)
        seen |= {b.label(i) for i in stated["indicator"]}
        tgt = f[(f["measure_of"] == "target") & f["year"].between(lo, hi)]
        now = _themes(b, era["id"])
        leading, riser = _theme_moves(now, before)
        record = {
            "id": era["id"],
            "label": era["label"],
            "start": lo,
            "end": hi,
            "events": [
                {
                    "date": str(r["date"]),
                    "text": r["label"],
                    "partners": str(r["partners"] or ""),
                    "source": b.source(r["doc_id"]),
                }
                for r in ev.head(MAX_EVENTS).to_dict("records")
            ],
            "more_events": max(0, len(ev) - MAX_EVENTS),
            "figures": [b.fact(r) for r in latest.head(MAX_FIGURES).to_dict("records")],
            "more_figures": max(0, len(stated) - min(len(latest), MAX_FIGURES)),
            "computed": [b.fact(r) for r in computed.head(3).to_dict("records")],
            "new_kinds": new if had_figures else [],
            "targets": len(tgt),
            "themes": leading,
            "riser": riser,
            "before": prev_label if before else None,
            "words": int(next(iter(now.values()))["words"]) if now else 0,
        }
        if now:
            before, prev_label = now, era["label"]
        if (
            record["events"]
            or record["figures"]
            or record["computed"]
            or leading
            or record["targets"]
        ):
            out.append(record)
    return out


def phases(b: Any) -> dict | None:
    """The phases section: one paragraph per era, and the timeline figure."""
    from analysis import figures

    records = eras(b)
    if not records:
        return None
    marks = landmarks(b.events)
    timeline = None
    if len(marks):
        shown = marks.assign(event=marks["label"])
        fig = figures.timeline(shown, max_rows=figures.TIMELINE_ROWS)
        timeline = b.add_figure(
            fig,
            marks[["date", "year", "doc_id", "label", "partners", "sentence"]],
            "timeline",
            marks["doc_id"],
            shown=min(len(marks), figures.TIMELINE_ROWS),
            total=len(marks),
            events=[
                {"date": str(r["date"]), "text": r["label"]}
                for r in marks.head(figures.TIMELINE_ROWS).to_dict("records")
            ],
        )
    return {"period": b.period, "eras": records, "timeline": timeline, "n_events": len(marks)}


def n_landmarks(b: Any) -> int:
    """How many landmark events the brief shows (its summary counts these)."""
    return len(landmarks(b.events))
