"""The brief's sections, in order: name -> the function that gives its template's data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from analysis.report import annex, display, phases, sections


def _changes(b: Any) -> dict | None:
    """What changed since the last edition (the editions step's data), if it ran."""
    if b.changes is None:
        return None
    from analysis import changelog

    return changelog.section_data(b)


SECTIONS: dict[str, Callable[[Any], dict | None]] = {
    "summary": sections.summary,
    "findings": sections.findings,
    "phases": phases.phases,
    "growth": sections.growth,
    "scale": sections.scale,
    "trade": sections.trade,
    "talent": sections.talent,
    "institutions": sections.institutions,
    "partners": sections.partners,
    "themes": sections.themes,
    "disagreements": sections.disagreements,
    "changes": _changes,
    "methodology": sections.methodology,
    "annex_sources": annex.sources_annex,
    "annex_facts": annex.facts_annex,
}


def data(b: Any, name: str) -> dict | None:
    """The data the template of section ``name`` receives (None: nothing to say)."""
    try:
        make = SECTIONS[name]
    except KeyError:
        raise KeyError(f"no section {name!r}; sections: {', '.join(SECTIONS)}") from None
    result = make(b)
    b.shown[name] = result  # what the reader saw (the editions step compares it)
    return result


def section(b: Any, name: str) -> display.Section | None:
    """Section ``name`` of the brief, ready to display; None when it has nothing to say."""
    return display.show(name, data(b, name))
