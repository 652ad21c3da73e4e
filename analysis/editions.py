"""Editions: what a published brief was built from, and what changed since the last one.

Each published brief keeps, in its edition folder (``reports/editions/<brief>/<id>/``, see
:mod:`analysis.build`), an ``edition/`` folder with the tables it was built from:

* ``documents.csv``: ``doc_id, file, title, published, sha256`` (sha256 of the file's bytes);
* ``facts.csv``: the figures of the brief (the period's classified facts) with their
  definition, quote and sentence;
* ``conflicts.csv``: the period's conflicts, each side by ``fact_id``;
* ``changes.json``: the comparison with the edition before (:func:`compare`), plus
  ``inputs`` (hashes of ``catalog.yaml`` and ``corrections.yaml``) and ``built``.

The brief's kernel writes them (:func:`record`, given the folder of the previous edition as
the notebook parameter ``base_edition``); the build publishes them with the brief, so a failed
build records nothing and the previous edition stays the base.

A figure's identity survives editing of its document: it is the document, indicator, scope,
measure, year and the quote as normalised text with its number masked
(``141 technological diplomats`` -> ``# technological diplomats``), never offsets. Two figures
of the same identity with different numbers are one figure *changed* (141 -> 143); a figure
whose quote and number stay but whose indicator, scope, actor, measure or year changed (a
correction, a new year in its sentence) is *redefined*.

Everything here returns plain data (lists and dicts, JSON-able); the comparison itself is
pure Python, so the build and ``stbrief changes`` read it without pandas.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import math
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EDITION_DIR = "edition"  # inside the notebook's output_dir and inside each edition folder
CHANGES = "changes.json"
DOCUMENTS = "documents.csv"
FACTS = "facts.csv"
CONFLICTS = "conflicts.csv"
USES = "uses.csv"  # which phase or finding of the brief shows which figure
CURRENT = "current"  # reports/editions/<brief>/current -> the published edition
FORMAT = 1
TRACKED_INPUTS = ("catalog.yaml", "corrections.yaml")  # seeds files that are not documents
LOG_ITEMS = 8  # per kind in the build log; `stbrief changes` lists everything

DOC_FIELDS = ["doc_id", "file", "title", "published", "sha256"]
FACT_FIELDS = [
    "fact_id",
    "doc_id",
    "start",
    "quote",
    "sentence",
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
    "value_text",
    "when",
]
CONFLICT_FIELDS = [
    "indicator",
    "unit",
    "fact_a",
    "doc_a",
    "year_a",
    "value_a",
    "fact_b",
    "doc_b",
    "year_b",
    "value_b",
]
USE_FIELDS = ["section", "item", "fact_id"]
_FLOATS = {"value", "low", "high", "value_a", "value_b"}
_INTS = {"start", "year", "period_start", "period_end", "year_a", "year_b"}
_BOOLS = {"duplicate"}
_NOT_TEXT = _FLOATS | _INTS | _BOOLS
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


# --------------------------------------------------------------------------- storage


# A text cell starting with one of these would be a formula in a spreadsheet: it gets a
# leading apostrophe (so does one that starts with an apostrophe: reading strips exactly one).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def _cell(value: Any, text: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    cell = str(value)
    if cell in ("<NA>", "nan", "NaT"):
        return ""
    return "'" + cell if text and cell.startswith(_FORMULA_START) else cell


def _parse(name: str, text: str) -> Any:
    if name in _FLOATS:
        return _float(text)
    if name in _INTS:
        return _int(text)
    if name in _BOOLS:
        return text.strip().lower() == "true"
    return text[1:] if text.startswith("'") else text


def write_csv(path: Path, rows: Iterable[Mapping[str, Any]], fields: list[str]) -> None:
    """Rows to CSV with exactly ``fields`` (a missing key is an empty cell)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(fields)
        for row in rows:
            writer.writerow([_cell(row.get(name), name not in _NOT_TEXT) for name in fields])


def read_csv(path: Path) -> list[dict]:
    """A table written by :func:`write_csv`, numbers and flags parsed back."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            {name: _parse(name, value or "") for name, value in row.items()}
            for row in csv.DictReader(fh)
        ]


def write_edition(folder: Path, edition: Edition, changes: Mapping[str, Any]) -> None:
    """Write the edition's tables and its comparison into ``folder`` (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(folder / DOCUMENTS, edition.documents, DOC_FIELDS)
    write_csv(folder / FACTS, edition.figures, FACT_FIELDS)
    write_csv(folder / CONFLICTS, edition.conflicts, CONFLICT_FIELDS)
    write_csv(folder / USES, edition.uses, USE_FIELDS)
    record = {**changes, "inputs_hashes": edition.inputs, "indicator_labels": edition.labels}
    text = json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False, default=_cell)
    (folder / CHANGES).write_text(text + "\n", encoding="utf-8")


def read_edition(edition_folder: Path | str | None) -> Edition | None:
    """The tables of a published edition (its folder, holding ``edition/``), or None when
    there is none or it is unreadable (then this build counts as a first edition)."""
    if not edition_folder:
        return None
    folder = Path(edition_folder) / EDITION_DIR
    try:
        meta = json.loads((folder / CHANGES).read_text(encoding="utf-8"))
        return Edition(
            documents=read_csv(folder / DOCUMENTS),
            figures=read_csv(folder / FACTS),
            conflicts=read_csv(folder / CONFLICTS),
            uses=read_csv(folder / USES) if (folder / USES).is_file() else [],
            inputs=dict(meta.get("inputs_hashes") or {}),
            built=str(meta.get("built") or ""),
            labels=dict(meta.get("indicator_labels") or {}),
        )
    except (OSError, ValueError, KeyError, csv.Error):
        return None


def base_edition(out: Path | str, brief: str) -> Path | None:
    """The folder of ``brief``'s published edition in reports folder ``out`` (the target of
    ``editions/<brief>/current``, resolved now so a publish during the build cannot move it),
    or None for a brief never published."""
    current = Path(out) / "editions" / brief / CURRENT
    if not current.exists():
        return None
    return current.resolve()


def read_changes(folder: Path | str | None) -> dict | None:
    """``changes.json`` of a notebook's output folder or an edition folder (either holds
    ``edition/``), or None if there is none."""
    if not folder:
        return None
    path = Path(folder) / EDITION_DIR / CHANGES
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


# --------------------------------------------------------------------------- in the kernel


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, "" if it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 16), b""):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()


def _records(frame) -> list[dict]:
    """A DataFrame's rows as dicts of plain Python values (missing -> None)."""
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return [{k: (v.item() if hasattr(v, "item") else v) for k, v in r.items()} for r in rows]


def edition_of(
    docs,
    facts,
    conflicts,
    seeds_dir: Path | str,
    labels: Mapping[str, str] | None = None,
    value_text=None,
    year_text=None,
    uses: list[dict] | None = None,
) -> Edition:
    """This build's tables, from the brief's frames.

    Parameters
    ----------
    docs, facts, conflicts : DataFrame
        The documents table, the period's facts and its conflicts.
    seeds_dir : Path or str
        Where the documents' files are (hashed) and catalog/corrections.
    labels : mapping, optional
        Indicator id -> reader's label.
    value_text, year_text : callable, optional
        Row -> the value and the time as the brief writes them; kept with each figure.
    uses : list of dict, optional
        ``section``, ``item``, ``fact_id``: which phase or finding shows which figure.
    """
    seeds_dir = Path(seeds_dir)
    documents = []
    for d in _records(docs[[c for c in ("doc_id", "file", "title", "published") if c in docs]]):
        d["sha256"] = file_sha256(seeds_dir / _text(d.get("file")))
        documents.append(d)
    figures = []
    classified = facts[facts["indicator"] != "unclassified"]
    for row in _records(classified):
        row["value_text"] = value_text(row) if value_text else _text(row.get("value"))
        row["when"] = year_text(row) if year_text else _text(row.get("year"))
        figures.append({name: row.get(name) for name in FACT_FIELDS})
    inputs = {}
    for name in TRACKED_INPUTS:
        path = seeds_dir / name
        inputs[name] = file_sha256(path) if path.is_file() else ""
    built = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Edition(
        documents=documents,
        figures=figures,
        conflicts=[{k: c.get(k) for k in CONFLICT_FIELDS} for c in _records(conflicts)],
        inputs=inputs,
        uses=list(uses or []),
        built=built,
        labels=dict(labels or {}),
    )


def base_of(base_folder: Path | str | None, old: Edition | None) -> dict | None:
    """What names the base edition: its folder name and the date it was built."""
    if not base_folder or old is None:
        return None
    built = old.built
    try:  # the publish time the build recorded, when there is one
        meta = json.loads((Path(base_folder) / "edition.json").read_text(encoding="utf-8"))
        built = str(meta.get("finished") or built)
    except (OSError, ValueError, AttributeError):
        pass
    return {"edition": Path(base_folder).name, "built": built, "date": built[:10]}


def fact_ids(data: Any) -> list[str]:
    """Every ``fact_id`` in a section's data (nested dicts and lists), in order, once."""
    found: dict[str, None] = {}

    def walk(x: Any) -> None:
        if isinstance(x, Mapping):
            if isinstance(x.get("fact_id"), str):
                found[x["fact_id"]] = None
            for value in x.values():
                walk(value)
        elif isinstance(x, list | tuple):
            for value in x:
                walk(value)

    walk(data)
    return list(found)


def shown_in(b: Any) -> list[dict]:
    """Which figures each phase and each key finding of brief ``b`` shows (as far as the
    report layer's data name them by ``fact_id``)."""
    shown = getattr(b, "shown", None) or {}
    if "phases" in shown and "findings" in shown:  # the data the brief displayed
        eras = (shown["phases"] or {}).get("eras") or []
        found = shown["findings"] or {}
    else:  # not displayed yet: computed here (about 0.5 s)
        from analysis.report import phases, sections

        eras, found = phases.eras(b), sections.findings(b) or {}
    rows = []
    for era in eras:
        label = f"{era.get('label', '')} ({era.get('start')}–{era.get('end')})"
        rows += [{"section": "phases", "item": label, "fact_id": f} for f in fact_ids(era)]
    for key, value in found.items():
        rows += [{"section": "findings", "item": key, "fact_id": f} for f in fact_ids(value)]
    return rows


def record(b: Any, base_edition: Path | str | None) -> dict:
    """Write this build's edition tables and their comparison with the base edition.

    Parameters
    ----------
    b : analysis.report Brief
        Needs ``docs``, ``facts``, ``conflicts``, ``seeds_dir``, ``output_dir`` and ``labels``.
    base_edition : Path, str or None
        The previous edition's folder (the notebook parameter set by ``stbrief build``);
        "" or None, or a folder without tables, make this the first edition.

    Returns
    -------
    dict
        The comparison (:func:`compare`), also written to
        ``<output_dir>/edition/changes.json`` with the tables beside it.
    """
    from analysis.report import values

    new = edition_of(
        b.docs,
        b.facts,
        b.conflicts,
        b.seeds_dir,
        labels=b.labels,
        value_text=values.value_text,
        year_text=values.year_text,
        uses=shown_in(b),
    )
    old = read_edition(base_edition)
    changes = compare(old, new, base_of(base_edition, old))
    write_edition(Path(b.output_dir) / EDITION_DIR, new, changes)
    return changes


# --------------------------------------------------------------------------- the section


def section_data(b: Any) -> dict | None:
    """The section's data for brief ``b`` (an :class:`analysis.report.Brief` whose
    ``changes`` :func:`record` set): :func:`section_from` with the brief's citations and
    names of documents."""
    return section_from(getattr(b, "changes", None), cite=b.cite, source=b.source)


def section_from(
    changes: Mapping[str, Any] | None,
    cite: Callable[[str], Any] | None = None,
    source: Callable[[str], Any] | None = None,
    limit: int = 15,
) -> dict | None:
    """The data of the brief's section "What changed since the edition of DATE".

    Parameters
    ----------
    changes : mapping or None
        From :func:`record`; None (no comparison made) gives None: no section.
    cite : callable, optional
        fact_id -> the citation of a figure of this edition (None when not in the annex).
    source : callable, optional
        doc_id -> ``{"name", "anchor"}``, how the brief names a document of this edition.
        A document no longer in the corpus is named by its title in the old edition.
    limit : int, optional
        New and gone figures listed at most; the rest are counted.

    Returns
    -------
    dict or None
        ``first``, ``date``, ``changed``, ``counts`` and, after a first edition,
        ``documents`` (added/removed/edited: ``title``, ``old_title``, ``source``), ``inputs``,
        ``changed_figures``, ``redefined`` (each ``old``, ``new``; ``fields`` of a
        redefinition: ``field``, ``old``, ``new``), ``new_figures``, ``gone_figures``,
        ``more_new``, ``more_gone``, ``unchanged``, ``opened``, ``resolved`` (each ``label``,
        ``a``, ``b``), ``phases`` (labels) and ``findings`` (keys) whose figures changed.
        A figure is ``label``, ``text``, ``when``, ``quote``, ``sentence``, ``source`` and
        ``cite`` (None for a figure of the old edition).
    """
    if not changes:
        return None
    labels = changes.get("labels") or {}
    titles = changes.get("titles") or {}
    base = changes.get("base") or {}
    data: dict[str, Any] = {
        "first": bool(changes.get("first")),
        "date": _date_words(base.get("date", "")),
        "changed": bool(changes.get("changed")),
        "counts": changes.get("counts") or {},
    }
    if data["first"]:
        return data

    removed = {_text(d.get("doc_id")) for d in (changes.get("documents") or {}).get("removed", [])}

    def named(doc_id: str, title: str) -> dict:
        """How the brief names a document: as the brief does while it is in the corpus."""
        if source is not None and doc_id not in removed:
            return dict(source(doc_id))
        return {"name": title or titles.get(doc_id, "an unnamed source"), "anchor": None}

    def fig(f: Mapping[str, Any] | None, current: bool) -> dict | None:
        if f is None:
            return None
        doc_id, fact_id = _text(f.get("doc_id")), _text(f.get("fact_id"))
        return {
            "label": labels.get(_text(f.get("indicator")), _text(f.get("indicator"))),
            "text": _text(f.get("value_text")) or _text(f.get("value")),
            "when": _text(f.get("when")),
            "quote": _text(f.get("quote")),
            "sentence": _text(f.get("sentence")),
            "source": named(doc_id, titles.get(doc_id, "")),
            "cite": cite(fact_id) if (current and cite is not None) else None,
        }

    def doc(d: Mapping[str, Any]) -> dict:
        return {
            "title": _text(d.get("title")),
            "old_title": _text(d.get("old_title")),
            "published": _text(d.get("published")),
            "source": named(_text(d.get("doc_id")), _text(d.get("title"))),
        }

    figures = changes.get("figures") or {}
    docs = changes.get("documents") or {}
    conflicts = changes.get("conflicts") or {}
    new = figures.get("new") or []
    gone = figures.get("gone") or []

    def conflict(c: Mapping[str, Any], current: bool) -> dict:
        a, b = fig(c.get("a"), current), fig(c.get("b"), current)
        label = labels.get(_text(c.get("indicator")), _text(c.get("indicator")))
        return {"label": label, "a": a, "b": b}

    data.update(
        documents={
            kind: [doc(d) for d in docs.get(kind) or []] for kind in ("added", "removed", "edited")
        },
        inputs=list(changes.get("inputs") or []),
        changed_figures=[
            {"old": fig(p["old"], False), "new": fig(p["new"], True)}
            for p in figures.get("changed") or []
        ],
        redefined=[
            {
                "old": fig(p["old"], False),
                "new": fig(p["new"], True),
                "fields": [
                    {
                        "field": name,
                        "old": _shown_field(p["old"], name, labels),
                        "new": _shown_field(p["new"], name, labels),
                    }
                    for name in p.get("fields", [])
                ],
            }
            for p in figures.get("redefined") or []
        ],
        new_figures=[fig(f, True) for f in new[:limit]],
        more_new=max(len(new) - limit, 0),
        gone_figures=[fig(f, False) for f in gone[:limit]],
        more_gone=max(len(gone) - limit, 0),
        unchanged=int(figures.get("unchanged") or 0),
        opened=[conflict(c, True) for c in conflicts.get("opened") or [] if c["a"] and c["b"]],
        resolved=[conflict(c, False) for c in conflicts.get("resolved") or [] if c["a"] and c["b"]],
        phases=[x["item"] for x in changes.get("sections") or [] if x["section"] == "phases"],
        findings=[x["item"] for x in changes.get("sections") or [] if x["section"] == "findings"],
    )
    return data


def _shown_field(f: Mapping[str, Any], name: str, labels: Mapping[str, str]) -> str:
    value = _field_value(f, name)
    if name == "indicator":
        return labels.get(value, value)
    return "" if value is None else str(value)


def _date_words(iso: str) -> str:
    """``2026-11-24`` -> ``24 November 2026`` (as given if it is not a date)."""
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {day.strftime('%B')} {day.year}"


# --------------------------------------------------------------------------- log and manifest


def _fig_line(f: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    label = labels.get(_text(f.get("indicator")), _text(f.get("indicator")))
    value = _text(f.get("value_text")) or _text(f.get("value"))
    when = _text(f.get("when"))
    return f"{label}: {value}" + (f" ({when})" if when else "") + f" [{f.get('doc_id')}]"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def headline(changes: Mapping[str, Any] | None) -> str:
    """One line: what changed since the last edition, in counts."""
    if not changes:
        return "no comparison recorded"
    counts = changes.get("counts") or {}
    if changes.get("first"):
        return (
            f"first edition ({_plural(counts.get('documents', 0), 'document')}, "
            f"{_plural(counts.get('figures', 0), 'figure')}, "
            f"{_plural(counts.get('conflicts', 0), 'conflict')})"
        )
    base = changes.get("base") or {}
    since = f"since the edition of {base.get('date') or '?'}"
    if not changes.get("changed"):
        return f"nothing changed {since}"
    parts = []
    docs = changes.get("documents") or {}
    doc_parts = [f"{len(docs[k])} {k}" for k in ("added", "removed", "edited") if docs.get(k)]
    if doc_parts:
        parts.append("documents: " + ", ".join(doc_parts))
    if changes.get("inputs"):
        parts.append("edited: " + ", ".join(changes["inputs"]))
    figs = changes.get("figures") or {}
    fig_parts = [
        f"{len(figs[k])} {k}" for k in ("new", "gone", "changed", "redefined") if figs.get(k)
    ]
    if fig_parts:
        parts.append("figures: " + ", ".join(fig_parts))
    conf = changes.get("conflicts") or {}
    conf_parts = [f"{len(conf[k])} {k}" for k in ("opened", "resolved") if conf.get(k)]
    if conf_parts:
        parts.append("conflicts: " + ", ".join(conf_parts))
    return f"{since}: " + "; ".join(parts)


def change_lines(changes: Mapping[str, Any] | None, limit: int | None = None) -> list[str]:
    """One line per change (``+`` added/new/opened, ``-`` removed/gone/resolved, ``~``
    edited/changed), at most ``limit`` per kind (then "... and N more")."""
    if not changes or changes.get("first") or not changes.get("changed"):
        return []
    labels = changes.get("labels") or {}
    lines: list[str] = []

    def some(items: list, render, mark: str, what: str) -> None:
        shown = items if limit is None else items[:limit]
        lines.extend(f"{mark} {what} {render(item)}" for item in shown)
        if len(items) > len(shown):
            lines.append(f"  ... and {len(items) - len(shown)} more ({what})")

    def doc(d: Mapping[str, Any]) -> str:
        title = f'"{d.get("title")}"'
        if d.get("old_title"):
            title = f'"{d.get("old_title")}" -> {title}'
        return f"{d.get('doc_id')}: {title}"

    docs = changes.get("documents") or {}
    some(docs.get("added") or [], doc, "+", "document added")
    some(docs.get("removed") or [], doc, "-", "document removed")
    some(docs.get("edited") or [], doc, "~", "document edited")
    lines.extend(f"~ edited {name}" for name in changes.get("inputs") or [])
    figs = changes.get("figures") or {}

    def pair(p: Mapping[str, Any]) -> str:
        old, new = p["old"], p["new"]
        label = labels.get(_text(new.get("indicator")), _text(new.get("indicator")))
        when = _text(new.get("when"))
        was = _text(old.get("value_text")) or _text(old.get("value"))
        now = _text(new.get("value_text")) or _text(new.get("value"))
        return f"{label}" + (f" ({when})" if when else "") + f": {was} -> {now} [{new['doc_id']}]"

    def redefined(p: Mapping[str, Any]) -> str:
        fields = ", ".join(
            f"{name} {_shown_field(p['old'], name, labels) or '-'} -> "
            f"{_shown_field(p['new'], name, labels) or '-'}"
            for name in p.get("fields", [])
        )
        return f"{_fig_line(p['new'], labels)}: {fields}"

    some(figs.get("changed") or [], pair, "~", "figure changed")
    some(figs.get("redefined") or [], redefined, "~", "figure redefined")
    some(figs.get("new") or [], lambda f: _fig_line(f, labels), "+", "figure new")
    some(figs.get("gone") or [], lambda f: _fig_line(f, labels), "-", "figure gone")

    def conflict(c: Mapping[str, Any]) -> str:
        sides = [_fig_line(c[s], labels) for s in ("a", "b") if c.get(s)]
        return " vs ".join(sides) or _text(c.get("indicator"))

    conf = changes.get("conflicts") or {}
    some(conf.get("opened") or [], conflict, "+", "conflict opened")
    some(conf.get("resolved") or [], conflict, "-", "conflict resolved")
    for use in changes.get("sections") or []:
        what = "phase" if use["section"] == "phases" else "finding"
        changed = _plural(use["changed"], "changed figure")
        lines.append(f"~ {what} {use['item']}: rests on {changed}")
    return lines


def summary_lines(changes: Mapping[str, Any] | None, name: str) -> list[str]:
    """What the build log says of one published brief: a headline and up to
    :data:`LOG_ITEMS` changes of each kind (empty when no comparison was recorded)."""
    if not changes:
        return []
    return [f"brief {name}: {headline(changes)}"] + [
        f"  {line}" for line in change_lines(changes, LOG_ITEMS)
    ]


def manifest_record(changes: Mapping[str, Any] | None) -> dict | None:
    """The comparison as ``manifest.json`` keeps it: the headline, the base edition, counts
    and the documents and changed figures by name (the full comparison stays in the edition
    folder's ``edition/changes.json``)."""
    if not changes:
        return None
    figs = changes.get("figures") or {}
    record: dict[str, Any] = {
        "summary": headline(changes),
        "first": bool(changes.get("first")),
        "base": changes.get("base"),
        "changed": bool(changes.get("changed")),
    }
    if changes.get("first"):
        return record
    record["documents"] = {
        kind: [d["doc_id"] for d in (changes.get("documents") or {}).get(kind, [])]
        for kind in ("added", "removed", "edited")
    }
    record["inputs"] = list(changes.get("inputs") or [])
    record["figures"] = {
        "changed": [
            {
                "doc_id": p["new"].get("doc_id"),
                "indicator": p["new"].get("indicator"),
                "year": p["new"].get("year"),
                "old": p["old"].get("value"),
                "new": p["new"].get("value"),
                "quote_old": p["old"].get("quote"),
                "quote_new": p["new"].get("quote"),
            }
            for p in figs.get("changed") or []
        ],
        **{k: len(figs.get(k) or []) for k in ("new", "gone", "redefined")},
        "unchanged": figs.get("unchanged", 0),
    }
    conf = changes.get("conflicts") or {}
    record["conflicts"] = {k: len(conf.get(k) or []) for k in ("opened", "resolved")}
    return record


def format_changes(changes: Mapping[str, Any] | None, name: str) -> str:
    """``stbrief changes``: the headline and every change of one brief's last comparison."""
    if not changes:
        return f"brief {name}: no comparison recorded (not built since editions were kept)"
    lines = [f"brief {name}: {headline(changes)}"]
    if changes.get("built"):
        lines[0] += f" (this edition built {changes['built']})"
    lines += [f"  {line}" for line in change_lines(changes)]
    return "\n".join(lines)


def published_briefs(out: Path | str) -> list[str]:
    """Names of the briefs with a published edition in reports folder ``out``."""
    folder = Path(out) / "editions"
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / CURRENT).exists())


def run_changes(out: Path | str, brief: str | None) -> tuple[str, bool]:
    """The text ``stbrief changes`` prints, and whether any comparison was found."""
    names = [brief] if brief else published_briefs(out)
    if not names:
        return f"no published brief in {os.fspath(out)}", False
    texts, found = [], False
    for name in names:
        current = base_edition(out, name)
        changes = read_changes(current) if current else None
        found = found or changes is not None
        texts.append(format_changes(changes, name))
    return "\n".join(texts), found
