"""Editions: the tables a published brief was built from, written by its kernel and read back.

Each published brief keeps, in its edition folder (``reports/editions/<brief>/<id>/``, see
:mod:`analysis.publish`), an ``edition/`` folder with the tables it was built from:

* ``documents.csv``: ``doc_id, file, title, published, sha256`` (sha256 of the file's bytes);
* ``facts.csv``: the figures of the brief (the period's classified facts) with their
  definition, quote and sentence;
* ``conflicts.csv``: the period's conflicts, each side by ``fact_id``;
* ``changes.json``: the comparison with the edition before
  (:func:`analysis.editiondiff.compare`), plus ``inputs`` (hashes of ``catalog.yaml`` and
  ``corrections.yaml``) and ``built``.

The brief's kernel writes them (:func:`record`, given the folder of the previous edition as
the notebook parameter ``base_edition``); the build publishes them with the brief, so a failed
build records nothing and the previous edition stays the base. What differs between two
editions is :mod:`analysis.editiondiff`; how it is said (log, manifest, the brief's section,
``stbrief changes``) is :mod:`analysis.changelog`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from analysis.editiondiff import TRACKED_INPUTS, Edition, _float, _int, _text, compare

EDITION_DIR = "edition"  # inside the notebook's output_dir and inside each edition folder
CHANGES = "changes.json"
DOCUMENTS = "documents.csv"
FACTS = "facts.csv"
CONFLICTS = "conflicts.csv"
USES = "uses.csv"  # which phase or finding of the brief shows which figure
CURRENT = "current"  # reports/editions/<brief>/current -> the published edition

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
    """What names the base edition: its folder name, the time it was built and its date:
    the date its cover carried (so that the brief never says "since the edition of" a day
    other than the one that edition printed), else the day it was built."""
    if not base_folder or old is None:
        return None
    built, date = old.built, ""
    try:  # the publish time and the cover's date the build recorded, when there are
        meta = json.loads((Path(base_folder) / "edition.json").read_text(encoding="utf-8"))
        built = str(meta.get("finished") or built)
        date = str(meta.get("edition_date") or "")
    except (OSError, ValueError, AttributeError):
        pass
    return {"edition": Path(base_folder).name, "built": built, "date": date or built[:10]}


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
        The comparison (:func:`analysis.editiondiff.compare`), also written to
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


def published_briefs(out: Path | str) -> list[str]:
    """Names of the briefs with a published edition in reports folder ``out``."""
    folder = Path(out) / "editions"
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / CURRENT).exists())
