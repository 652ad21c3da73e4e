"""What differs between two editions of a brief: figure identities, matching, and the
documents, figures, conflicts and phases or findings that changed.

A figure's identity survives editing of its document: it is the document, indicator, scope,
measure, year and the quote as normalised text with its number masked
(``141 technological diplomats`` -> ``# technological diplomats``), never offsets. Two figures
of the same identity with different numbers are one figure *changed* (141 -> 143); a figure
whose quote and number stay but whose indicator, scope, actor, measure or year changed (a
correction, a new year in its sentence) is *redefined*.

Pure Python on plain data (lists and dicts, JSON-able): the build and ``stbrief changes`` read
it without pandas.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

FORMAT = 1
TRACKED_INPUTS = ("catalog.yaml", "corrections.yaml")  # seeds files that are not documents
# What a redefinition may change (the identity's parts, and the actor).
REDEFINED_FIELDS = ("indicator", "scope", "actor", "measure", "year")


@dataclass
class Edition:
    """The tables one edition of a brief was built from (lists of plain dicts)."""

    documents: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    inputs: dict[str, str] = field(default_factory=dict)
    uses: list[dict] = field(default_factory=list)  # section, item, fact_id
    built: str = ""  # ISO time the tables were made
    labels: dict[str, str] = field(default_factory=dict)  # indicator id -> reader's label


# --------------------------------------------------------------------------- identity

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "trillion dozen dozens half third thirds quarter quarters fifth fifths"
).split()
_NUMBER_RE = re.compile(r"\d[\d,.]*|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
_MASKS_RE = re.compile(r"#(?:[\s\-–—/.,]*(?:(?:and|to|or|a)\s+)?#)*")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "’": "'", "‘": "'", "“": '"', "”": '"'})


def normalise_text(text: Any) -> str:
    """Lower case, one kind of dash and quote mark, single spaces."""
    return " ".join(str(text or "").translate(_DASHES).lower().split())


def quote_shape(quote: Any) -> str:
    """The quote as normalised text with its number masked: ``"I 07,000 personnel
    exchanges"`` -> ``"i # personnel exchanges"``, ``"2-3 projects"`` -> ``"# projects"``."""
    masked = _NUMBER_RE.sub("#", normalise_text(quote))
    return _MASKS_RE.sub("#", masked)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _int(value: Any) -> int | None:
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def figure_key(fig: Mapping[str, Any]) -> tuple:
    """A figure's identity: document, indicator, scope, measure, year, whether it is computed,
    and its quote's shape. Columns not (yet) in the table count as empty."""
    return (
        _text(fig.get("doc_id")),
        _text(fig.get("indicator")),
        _text(fig.get("scope")),
        _text(fig.get("measure")),
        _int(fig.get("year")),
        bool(_text(fig.get("derived_from"))),
        quote_shape(fig.get("quote")),
    )


def _same_number(a: Any, b: Any) -> bool:
    a, b = _float(a), _float(b)
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def same_value(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Value, bounds, unit and qualifier all equal."""
    return (
        all(_same_number(old.get(k), new.get(k)) for k in ("value", "low", "high"))
        and _text(old.get("unit")) == _text(new.get("unit"))
        and _text(old.get("qualifier")) == _text(new.get("qualifier"))
    )


def _float(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


# --------------------------------------------------------------------------- comparison


def compare_documents(old: list[dict], new: list[dict]) -> dict[str, list[dict]]:
    """Documents added, removed and edited (same ``doc_id``, other content hash).

    Returns ``{"added": [...], "removed": [...], "edited": [...]}``; each item has ``doc_id``
    and ``title`` (an edited one also ``old_title`` when its title changed), sorted by id.
    """
    before = {d["doc_id"]: d for d in old}
    after = {d["doc_id"]: d for d in new}
    added = [_doc(after[k]) for k in sorted(after.keys() - before.keys())]
    removed = [_doc(before[k]) for k in sorted(before.keys() - after.keys())]
    edited = []
    for key in sorted(after.keys() & before.keys()):
        if _text(before[key].get("sha256")) != _text(after[key].get("sha256")):
            item = _doc(after[key])
            if _text(before[key].get("title")) != item["title"]:
                item["old_title"] = _text(before[key].get("title"))
            edited.append(item)
    return {"added": added, "removed": removed, "edited": edited}


def _doc(d: Mapping[str, Any]) -> dict:
    return {
        "doc_id": _text(d.get("doc_id")),
        "title": _text(d.get("title")),
        "published": _text(d.get("published")),
    }


def compare_figures(old: list[dict], new: list[dict]) -> dict[str, list]:
    """Pair the figures of two editions by identity (:func:`figure_key`).

    Within one identity, equal values pair first (unchanged); the rest pair in document order
    (``changed``: ``{"old": fig, "new": fig}``). Figures left over whose document, quote
    (number included) and value agree are ``redefined`` (``{"old", "new", "fields"}``, the
    fields among :data:`REDEFINED_FIELDS` that differ). The others are ``new`` or ``gone``.

    Returns
    -------
    dict
        ``new``, ``gone`` (lists of figures), ``changed``, ``redefined`` (lists of pairs) and
        ``unchanged`` (a count).
    """
    groups_old = _group(old, figure_key)
    groups_new = _group(new, figure_key)
    changed, rest_old, rest_new = [], [], []
    unchanged = 0
    for key in sorted(groups_old.keys() | groups_new.keys(), key=repr):
        olds, news = list(groups_old.get(key, [])), list(groups_new.get(key, []))
        left = []
        for fig in olds:
            match = next((i for i, n in enumerate(news) if same_value(fig, n)), None)
            if match is None:
                left.append(fig)
            else:
                news.pop(match)
                unchanged += 1
        for a, b in zip(left, news, strict=False):
            changed.append({"old": a, "new": b})
        rest_old += left[len(news) :]
        rest_new += news[len(left) :]

    def loose(fig: Mapping[str, Any]) -> tuple:
        return (_text(fig.get("doc_id")), normalise_text(fig.get("quote")))

    redefined = []
    pool = _group(rest_new, loose)
    gone = []
    for fig in rest_old:
        candidates = pool.get(loose(fig), [])
        match = next((i for i, n in enumerate(candidates) if same_value(fig, n)), None)
        if match is None:
            gone.append(fig)
            continue
        other = candidates.pop(match)
        fields = [f for f in REDEFINED_FIELDS if _field_value(fig, f) != _field_value(other, f)]
        redefined.append({"old": fig, "new": other, "fields": fields})
    added = [fig for figs in pool.values() for fig in figs]
    return {
        "new": sorted(added, key=_order),
        "gone": sorted(gone, key=_order),
        "changed": sorted(changed, key=lambda p: _order(p["new"])),
        "redefined": sorted(redefined, key=lambda p: _order(p["new"])),
        "unchanged": unchanged,
    }


def _field_value(fig: Mapping[str, Any], name: str) -> Any:
    return _int(fig.get(name)) if name == "year" else _text(fig.get(name))


def _order(fig: Mapping[str, Any]) -> tuple:
    start = _int(fig.get("start"))
    return (_text(fig.get("doc_id")), -1 if start is None else start, _text(fig.get("fact_id")))


def _group(rows: Iterable[dict], key) -> dict[Any, list[dict]]:
    groups: dict[Any, list[dict]] = {}
    for row in sorted(rows, key=_order):
        groups.setdefault(key(row), []).append(row)
    return groups


def conflict_key(conflict: Mapping[str, Any], figures_by_id: Mapping[str, dict]) -> tuple:
    """A conflict's identity: its indicator and unit and the identities of its two figures
    (in either order). A side not among the figures is named by its fact id."""
    sides = []
    for side in ("a", "b"):
        fact_id = _text(conflict.get(f"fact_{side}"))
        fig = figures_by_id.get(fact_id)
        sides.append(repr(figure_key(fig)) if fig is not None else fact_id)
    return (_text(conflict.get("indicator")), _text(conflict.get("unit")), *sorted(sides))


def compare_conflicts(old: Edition, new: Edition) -> dict[str, list[dict]]:
    """Conflicts opened (in ``new`` only) and resolved (in ``old`` only), by identity.

    Each item is the conflict's row with ``a`` and ``b``: its two figures (from the edition it
    stands in; a side whose figure is missing is None).
    """
    old_figs = {f["fact_id"]: f for f in old.figures}
    new_figs = {f["fact_id"]: f for f in new.figures}
    before = {conflict_key(c, old_figs): c for c in old.conflicts}
    after = {conflict_key(c, new_figs): c for c in new.conflicts}

    def item(c: Mapping[str, Any], figs: Mapping[str, dict]) -> dict:
        return {
            "indicator": _text(c.get("indicator")),
            "unit": _text(c.get("unit")),
            "a": figs.get(_text(c.get("fact_a"))),
            "b": figs.get(_text(c.get("fact_b"))),
        }

    return {
        "opened": [item(after[k], new_figs) for k in sorted(after.keys() - before.keys())],
        "resolved": [item(before[k], old_figs) for k in sorted(before.keys() - after.keys())],
    }


def compare_uses(old: Edition, new: Edition) -> list[dict]:
    """The phases and findings of the brief whose figures changed: an item (``section``,
    ``item``) shown in either edition whose figures, by identity and value, differ.

    Returns ``[{"section", "item", "changed": n}]`` (n figures in one edition only)."""

    def shown(edition: Edition) -> dict[tuple[str, str], dict]:
        figs = {f["fact_id"]: f for f in edition.figures}
        items: dict[tuple[str, str], dict] = {}
        for use in edition.uses:
            fig = figs.get(_text(use.get("fact_id")))
            if fig is None:
                continue
            value = tuple(_float(fig.get(k)) for k in ("value", "low", "high"))
            item = items.setdefault((_text(use["section"]), _text(use["item"])), {})
            item[figure_key(fig)] = value
        return items

    before, after = shown(old), shown(new)
    out = []
    for key in sorted(before.keys() | after.keys()):
        a, b = before.get(key, {}), after.get(key, {})
        differ = sum(a.get(k) != b.get(k) for k in a.keys() | b.keys())
        if differ:
            out.append({"section": key[0], "item": key[1], "changed": differ})
    return out


def compare(old: Edition | None, new: Edition, base: Mapping[str, Any] | None = None) -> dict:
    """What changed from edition ``old`` to ``new`` (``old`` None: ``new`` is the first).

    Parameters
    ----------
    old : Edition or None
        The previous edition's tables.
    new : Edition
        This build's tables.
    base : mapping, optional
        What names the previous edition: ``edition`` (its folder name) and ``date``.

    Returns
    -------
    dict
        JSON-able: ``format``, ``first``, ``base``, ``built``, ``counts`` (current documents,
        figures and conflicts), ``documents`` (added/removed/edited), ``inputs`` (names of
        catalog/corrections files that changed), ``figures`` (new/gone/changed/redefined and
        the unchanged count), ``conflicts`` (opened/resolved), ``changed`` (anything at all).
    """
    counts = {
        "documents": len(new.documents),
        "figures": len(new.figures),
        "conflicts": len(new.conflicts),
    }
    result: dict[str, Any] = {
        "format": FORMAT,
        "first": old is None,
        "base": dict(base) if (base and old is not None) else None,
        "built": new.built,
        "counts": counts,
        "labels": {},
    }
    if old is None:
        result.update(
            changed=True, documents=None, inputs=[], figures=None, conflicts=None, sections=[]
        )
        return result
    documents = compare_documents(old.documents, new.documents)
    figures = compare_figures(old.figures, new.figures)
    conflicts = compare_conflicts(old, new)
    uses = compare_uses(old, new)
    inputs = [
        name for name in TRACKED_INPUTS if old.inputs.get(name, "") != new.inputs.get(name, "")
    ]
    changed = (
        any(documents.values())
        or bool(inputs)
        or any(figures[k] for k in ("new", "gone", "changed", "redefined"))
        or any(conflicts.values())
    )
    shown = [f for kind in ("new", "gone") for f in figures[kind]]
    shown += [
        p[s] for kind in ("changed", "redefined") for p in figures[kind] for s in ("old", "new")
    ]
    shown += [c[s] for kind in ("opened", "resolved") for c in conflicts[kind] for s in ("a", "b")]
    shown = [f for f in shown if f]
    labels = {**old.labels, **new.labels}
    titles = {d["doc_id"]: _text(d.get("title")) for d in [*old.documents, *new.documents]}
    result.update(
        titles={d: titles.get(d, d) for d in sorted({f["doc_id"] for f in shown})},
        changed=changed,
        documents=documents,
        inputs=inputs,
        figures=figures,
        conflicts=conflicts,
        sections=uses,
        labels={
            k: labels.get(k, k.replace("_", " ")) for k in sorted({f["indicator"] for f in shown})
        },
    )
    return result
