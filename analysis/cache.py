"""The corpus tables of a seeds folder, from a per-document cache of data (no pickle).

The work on one document (decode, clean, structure, date, MinHash signature, facts, partner
and theme mentions) depends on that document alone: :func:`analyse_file` does it, and its
result is kept in :class:`analysis.store.Store` (SQLite, JSON blobs) under a key that hashes
the file's name, bytes and catalog entry with the ``analysis`` package (code, lexicons,
templates) and the versions of the libraries that shape it. Adding one document to a large
corpus reads that document only; editing a lexicon reads them all again.

The corpus-wide steps (near-copies, duplicate flags, the checked tables) are computed from
the cached parts every time: :func:`facts_for_folder` (``stbrief facts``: facts and
signatures only, no text) and :func:`corpus_tables` (the briefs and notebooks: everything).
Missing parts are computed by :mod:`analysis.engine` on a local process pool or a Dask
cluster (``$STBRIEF_SCHEDULER``) and written as they arrive, a batch at a time.

``stbrief build`` fills the store (``python -m analysis.cache fill SEEDS``) while its first
kernel starts; a kernel that finds the fill running waits for it, at most
``$STBRIEF_WAIT_TIMEOUT`` seconds (the build sets the brief's cell timeout), then computes
what is still missing itself.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis import config, store

CACHE_ENV = "STBRIEF_CACHE"  # the folder; `stbrief build` sets it to <out>/.cache
SCHEDULER_ENV = "STBRIEF_SCHEDULER"  # a Dask scheduler address: the per-document work runs there
WAIT_ENV = "STBRIEF_WAIT_TIMEOUT"  # longest wait (s) for a running fill or a store lock
FILL_LOCK = "fill.lock"
_VERSIONED = ("numpy", "datasketch", "pycountry", "charset-normalizer", "pyyaml")
_WRITE_EVERY = 64  # entries per store transaction while results stream in
_FACT_PARTS = ("info", "signature", "facts")
_ALL_PARTS = store.PARTS


@dataclass
class CorpusTables:
    """What every brief of a seeds folder starts from (before its period is applied)."""

    corpus: Any  # corpus.Corpus
    docs: Any  # documents table
    facts: Any  # every fact, duplicates flagged, schema-checked
    partner_mentions: Any
    theme_mentions: Any


# --------------------------------------------------------------------------- settings
def cache_dir() -> Path:
    """``$STBRIEF_CACHE``, else ``reports/.cache`` of the project."""
    return Path(os.environ.get(CACHE_ENV) or config.REPORTS_DIR / ".cache")


def wait_timeout() -> float:
    """Longest wait for another process (``$STBRIEF_WAIT_TIMEOUT``, default 600 s)."""
    try:
        value = float(os.environ.get(WAIT_ENV, "600"))
    except ValueError:
        return 600.0
    return value if value >= 0 else 600.0


def default_engine() -> tuple[str, str | None]:
    """("dask", address) when ``$STBRIEF_SCHEDULER`` is set, else ("local", None)."""
    address = os.environ.get(SCHEDULER_ENV, "").strip()
    return ("dask", address) if address else ("local", None)


@functools.cache
def code_key() -> str:
    """SHA-256 of the package's code, lexicons and templates, the store format and the
    versions of Python and the libraries the per-document work uses.

    Once per process, like the modules and lexicons it stands for (they are loaded once
    too): a kernel that should see an edited lexicon is restarted, and then keys afresh."""
    from analysis.inputs import hashed_package_files, package_versions

    digest = hashlib.sha256()
    for path in hashed_package_files(config.PACKAGE_DIR):
        data = path.read_bytes()
        label = path.relative_to(config.PACKAGE_DIR).as_posix()
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)
    versions = package_versions(_VERSIONED)
    digest.update(json.dumps([store.FORMAT, sys.version, versions], sort_keys=True).encode())
    return digest.hexdigest()


def _worker_code_key() -> str:
    return code_key()  # what a worker says it runs (a Dask worker may run other code)


def document_key(code: str, name: str, meta: dict | None, data: bytes) -> str:
    """The key of one document's entry: code, file name, catalog entry and bytes."""
    digest = hashlib.sha256()
    head = json.dumps([code, name, meta or {}], sort_keys=True, default=str)
    digest.update(f"{len(head)}\0{head}\0".encode())
    digest.update(data)
    return digest.hexdigest()


# --------------------------------------------------------------------------- one document
def _types() -> dict[str, type]:
    """The dataclasses a stored document may hold, by name: the only types a blob can make."""
    import dataclasses

    from analysis import corpus

    names = {}
    for module in (corpus, *_optional_modules("analysis.dating", "analysis.nearcopies")):
        for name, value in vars(module).items():
            if isinstance(value, type) and dataclasses.is_dataclass(value):
                if value.__module__ == module.__name__:
                    names[name] = value
    return names


def _optional_modules(*names: str) -> list:
    import importlib

    found = []
    for name in names:
        try:
            found.append(importlib.import_module(name))
        except ImportError:
            pass
    return found


def _nearcopies():
    """The module that holds the MinHash functions (moving from corpus to nearcopies)."""
    from analysis import corpus

    for module in _optional_modules("analysis.nearcopies"):
        if hasattr(module, "mark_duplicates"):
            return module
    return corpus


def warm_up() -> None:
    """Compile the lexicons once before workers are forked (they inherit them)."""
    from analysis import facts

    hook = getattr(facts, "_warm_up", None)
    try:
        if hook is not None:
            hook()
    except Exception:  # noqa: BLE001 - only a head start: each worker compiles them otherwise
        pass
    code_key()


def _columns(rows: list[dict]) -> dict[str, list]:
    """Rows (dicts) column by column: every key of any row, in first-seen order."""
    keys = list(dict.fromkeys(k for row in rows for k in row))
    return {k: [row.get(k) for row in rows] for k in keys}


# How the facts columns are stored (:func:`store.pack_column`): numbers packed, text coded.
_NUMBER_TYPES = {
    "start": "q",
    "end": "q",
    "value": "d",
    "low": "d",
    "high": "d",
    "year": "q",
    "period_start": "q",
    "period_end": "q",
}
_NULLABLE_INTS = ("year", "period_start", "period_end")
_PLAIN_COLUMNS = ("duplicate",)


def _packed_facts(rows: list[dict]) -> dict[str, Any]:
    """The facts part of an entry: ``n`` and its columns, packed where they can be."""
    columns = {}
    for col, values in _columns(rows).items():
        if col in _PLAIN_COLUMNS:
            columns[col] = values
        else:
            columns[col] = store.pack_column(values, _NUMBER_TYPES.get(col))
    return {"n": len(rows), "columns": columns}


def analyse_file(
    path: str, meta: dict | None = None, mentions: bool = True, numpy_minhash: bool = False
) -> dict[str, bytes]:
    """The per-document work on one file, as the store's encoded parts (``mentions`` only if
    asked: the briefs need them, ``stbrief facts`` does not, and they cost more than the
    facts; an entry without them is computed again, whole, when they are needed).

    ``info`` says what was read: ``doc_id``, ``file``, ``sha256`` of the bytes read, ``code``
    (:func:`code_key` of the process that did the work) and either ``published`` or
    ``skip`` (the reason the file is left out; ``transient`` when it could not be read, which
    is not cached).
    """
    from analysis import corpus, facts, partners, themes

    file = Path(path)
    info: dict[str, Any] = {"doc_id": file.stem, "file": file.name, "code": _worker_code_key()}
    try:
        info["sha256"] = _file_sha256(file)  # not the bytes held meanwhile: _read reads them
        doc, title = corpus._read(file, meta)
    except corpus.SkipFile as exc:
        info["skip"] = str(exc)
        return {"info": store.encode(info)}
    except OSError as exc:
        info["skip"], info["transient"] = f"cannot be read: {exc.strerror or exc}", True
        return {"info": store.encode(info)}
    signature = _signature(doc.text, title, numpy_minhash)
    rows = facts.extract_facts(doc)
    parts = {"facts": store.encode(_packed_facts(rows))}
    del rows  # each part encoded and its rows let go before the next is made
    if mentions:
        found = {
            "partners": _columns(partners.partner_rows(doc)),
            "themes": _columns(themes.theme_rows(doc)),
        }
        parts["mentions"] = store.encode(found)
        del found
    doc.minhash = None  # corpus-wide: set at assembly, with duplicate_of and similarity
    info["published"] = doc.published
    parts["document"] = store.encode(doc)
    return {"info": store.encode(info), "signature": store.encode(signature), **parts}


def _file_sha256(file: Path) -> str:
    digest = hashlib.sha256()
    with file.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def analyse_files(tasks: list[tuple[str, dict | None, bool, bool]]) -> list[dict[str, bytes]]:
    """:func:`analyse_file` for a batch (one task of a pool or of a Dask worker)."""
    return [analyse_file(*task) for task in tasks]


def _signature(text: str, title: str, numpy_minhash: bool) -> dict[str, Any]:
    """The document's MinHash as data: with numpy alone when the caller has checked that
    this arithmetic is datasketch's (:func:`_numpy_minhash_checked`), else with datasketch."""
    module = _nearcopies()
    if numpy_minhash:
        values = module._minhash_values(text, title)
        return {"values": values.tolist(), "seed": module._MINHASH_SEED, "scheme": "affine32"}
    mh = module.minhash(text, title)
    return {
        "values": [int(v) for v in mh.hashvalues],
        "seed": int(mh.seed),
        "scheme": getattr(mh, "scheme", None),
    }


def _numpy_minhash_checked() -> bool:
    """Whether workers may compute MinHash with numpy alone: datasketch's check of that
    arithmetic (:func:`nearcopies._minhash_kit`), done once per code key and kept in the
    store as data, so that a refresh does not import datasketch (0.9 s of CPU) to know."""
    module = _nearcopies()
    if not all(hasattr(module, n) for n in ("_minhash_kit", "_minhash_values", "_settings")):
        return False
    key = f"numpy-minhash:{code_key()}"
    db = _open_store()
    try:
        known = db.get_meta(key) if db is not None else None
        if not isinstance(known, bool):
            num_perm = module._settings()["num_perm"]
            known = module._minhash_kit(num_perm)[1] is not None
            if db is not None:
                db.put_meta(key, known)
    finally:
        if db is not None:
            db.close()
    return known


# --------------------------------------------------------------------------- the folder
@dataclass(slots=True)
class _Task:
    path: str
    meta: dict | None
    key: str
    size: int
    sha256: str


def _tasks(folder: Path, code: str) -> list[_Task]:
    from analysis import corpus

    catalog = corpus.read_catalog(folder)
    tasks = []
    for path in corpus.document_files(folder):
        meta = catalog.get(path.stem)
        try:
            data = path.read_bytes()
        except OSError:
            data = b""  # analyse_file says why; never cached
        sha = hashlib.sha256(data).hexdigest()
        tasks.append(
            _Task(str(path), meta, document_key(code, path.name, meta, data), len(data), sha)
        )
    return tasks


def _open_store() -> store.Store | None:
    try:
        return store.Store(cache_dir(), timeout=min(wait_timeout(), 60.0))
    except Exception:  # noqa: BLE001 - a read-only or odd place: work without it
        return None


def _collect(
    folder: Path,
    parts: Iterable[str],
    engine: str | None = None,
    scheduler: Any = None,
    workers: int = 0,
) -> tuple[list[_Task], dict[str, dict[str, Any]]]:
    """Every document's decoded ``parts``: read from the store, the missing ones computed
    (on ``engine``) and written back as they arrive."""

    parts = tuple(parts)
    if engine is None:
        engine, scheduler = default_engine()
    elif engine == "dask" and scheduler is None:
        scheduler = default_engine()[1]
    code = code_key()
    tasks = _tasks(folder, code)
    types = _types()
    db = _open_store()
    _last_counts.update(stored=0, computed=len(tasks))
    try:
        keys = [t.key for t in tasks]
        early = None
        if db is not None and engine == "local" and len(tasks) >= _OVERLAP_MIN_STORED:
            # the few documents not stored yet are computed in a process of their own while
            # this one reads the stored ones (a refresh: that document's work is hidden)
            present = db.present(keys)
            absent = [t for t in tasks if t.key not in present]
            if absent and len(present) >= _OVERLAP_MIN_STORED:
                early = (absent, _start(absent, parts, engine, scheduler, workers, True))
        found = db.get(keys, parts, types) if db is not None else {}
        by_key = {t.key: t for t in tasks}
        found = {k: e for k, e in found.items() if _whole(e) and _belongs(e, by_key[k])}
        missing = [t for t in tasks if t.key not in found]
        _last_counts.update(stored=len(found), computed=len(missing))
        if not missing and early is None:
            return tasks, found
        pending: list[tuple[str, dict[str, bytes]]] = []
        runs = []
        if early is not None:
            runs.append(early)
            started = {t.key for t in early[0]}
            missing = [t for t in missing if t.key not in started]
        if missing:
            runs.append((missing, _start(missing, parts, engine, scheduler, workers, False)))
        for batch, results in runs:
            for index, blobs in results:
                task = batch[index]
                if task.key in found:  # stored meanwhile by another process
                    continue
                decoded = {p: store.decode(blobs[p], types) for p in parts if p in blobs}
                info = store.decode(blobs["info"])
                if info["code"] != code:
                    raise RuntimeError(
                        f"a worker runs another version of stbrief ({info['code'][:12]} here "
                        f"{code[:12]}): install the same package and lexicons on every worker"
                    )
                decoded["info"] = info
                found[task.key] = decoded
                sha_ok = info.get("sha256") == task.sha256
                if db is not None and not info.get("transient") and sha_ok:
                    pending.append((task.key, blobs))  # a file changed meanwhile is not kept
                    if len(pending) >= _WRITE_EVERY:
                        db.put(code, pending)
                        pending.clear()
        if db is not None:
            db.put(code, pending)
            db.prune()
        return tasks, found
    finally:
        if db is not None:
            db.close()


_OVERLAP_MIN_STORED = 64  # stored documents worth reading while the new ones are computed


def _start(tasks: list[_Task], parts, engine, scheduler, workers: int, background: bool):
    from analysis import engine as engines

    with_mentions, numpy_minhash = "mentions" in parts, _numpy_minhash_checked()
    items = [((t.path, t.meta, with_mentions, numpy_minhash), t.size) for t in tasks]
    return engines.run(
        analyse_files,
        items,
        engine=engine,
        scheduler=scheduler,
        workers=workers,
        background=background,
    )


_last_counts = {"stored": 0, "computed": 0}


def _record(documents: int, waited: float) -> None:
    """Write ``<cache>/last-read.json``: how the last :func:`corpus_tables` got its documents
    (read from the store or computed) and how long it waited for a fill. Data for
    ``make bench`` and whoever wonders whether the build's fill was used."""
    record = {
        "pid": os.getpid(),
        "documents": documents,
        **_last_counts,
        "waited_s": round(waited, 3),
    }
    try:
        path = cache_dir() / "last-read.json"
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_text(json.dumps(record) + "\n")
        os.replace(tmp, path)
    except OSError:
        pass


def _whole(entry: dict[str, Any]) -> bool:
    """An entry with its info and, unless the file is left out, every part asked for."""
    info = entry.get("info")
    if not isinstance(info, dict) or not isinstance(info.get("file"), str):
        return False
    return "skip" in info or all(v is not None for v in entry.values())


def _belongs(entry: dict[str, Any], task: _Task) -> bool:
    """An entry that says it is of this file and these bytes (one stored under another
    document's key, by mistake or on purpose, is computed again)."""
    info = entry["info"]
    return info.get("file") == Path(task.path).name and info.get("sha256") == task.sha256


def _check_folder(seeds_dir: str | Path) -> Path:
    folder = Path(seeds_dir)
    if not folder.is_dir():
        raise config.InputError(f"--seeds {folder}: not a folder")
    return folder


def _minhashes(signatures: list[dict]) -> list:
    """datasketch MinHash objects from stored signatures (one permutation draw per shape)."""
    from datasketch import MinHash

    templates: dict[tuple, Any] = {}
    out = []
    for sig in signatures:
        values, seed, scheme = sig["values"], sig["seed"], sig.get("scheme")
        kw = {"scheme": scheme} if scheme else {}
        shape = (len(values), seed, scheme)
        if shape not in templates:
            templates[shape] = MinHash(num_perm=len(values), seed=seed, **kw)
        out.append(
            MinHash(
                seed=seed,
                hashvalues=values,
                permutations=templates[shape].permutations,
                **kw,
            )
        )
    return out


@dataclass(slots=True)
class _LightMinHash:
    """A stored signature as near-copy marking reads it, without datasketch (whose import,
    0.9 s of CPU for scipy, would be most of a refresh)."""

    hashvalues: Any  # numpy uint64
    seed: int
    scheme: str | None

    def __len__(self) -> int:
        return len(self.hashvalues)


def _light_minhashes(signatures: list[dict]) -> list[_LightMinHash]:
    import numpy as np

    return [
        _LightMinHash(np.array(s["values"], dtype=np.uint64), s["seed"], s.get("scheme"))
        for s in signatures
    ]


def _bands(signatures: list[dict]):
    """The LSH band ranges for these signatures, kept in the store as data (computed with
    datasketch the first time); None when near-copy marking must use datasketch itself
    (signatures of several shapes, or a near-copy module without ``bands``)."""
    import inspect
    from types import SimpleNamespace

    module = _nearcopies()
    if len(signatures) < 2 or not hasattr(module, "lsh_bands"):
        return None
    if "bands" not in inspect.signature(module.mark_duplicates).parameters:
        return None
    shapes = {(len(s["values"]), s["seed"], s.get("scheme")) for s in signatures}
    if len(shapes) != 1:
        return None
    size = len(signatures[0]["values"])
    key = f"lsh-bands:{code_key()}:{size}"
    db = _open_store()
    try:
        ranges = db.get_meta(key) if db is not None else None
        valid = isinstance(ranges, list) and all(
            isinstance(r, tuple) and len(r) == 2 and all(type(x) is int for x in r) for r in ranges
        )
        if not valid or not ranges:
            ranges = [tuple(r) for r in module.lsh_bands(size)]
            if db is not None:
                db.put_meta(key, ranges)
    finally:
        if db is not None:
            db.close()
    return SimpleNamespace(h=size, hashranges=ranges)


def _facts_frame(folder: Path, tasks: list[_Task], found: dict, duplicate_of: dict[str, str]):
    """The checked facts table from the documents' stored columns, in file order: packed
    columns joined as they are (no value handled one by one), the table made column by
    column; :func:`_facts_frame_plain` (row by row) where a column does not pack."""
    from analysis import facts

    df = _packed_frame([found[t.key] for t in tasks if "skip" not in found[t.key]["info"]])
    if df is None:
        return _facts_frame_plain(folder, tasks, found, duplicate_of)
    finish = getattr(facts, "finish_table", None)
    if finish is not None:  # duplicate flags, the analyst's corrections, the schema
        return finish(df, duplicate_of, folder)
    df = facts._flag_duplicates(df, duplicate_of)
    facts.validate_facts(df)
    return df


def _packed_frame(entries: list[dict]):
    """The facts table (as ``facts._frame`` makes it) of entries whose columns are all
    packed alike; None when one is not (an older entry, a column of unexpected values)."""
    from analysis import facttable

    holder = getattr(facttable, "_Columns", None)
    wanted = {c: t for c, t in _NUMBER_TYPES.items() if c not in _NULLABLE_INTS}
    if holder is None or getattr(facttable, "_PACKED", None) != wanted:
        return None  # a table module that packs its columns otherwise: the plain path
    stored = [e["facts"]["columns"] for e in entries if e["facts"]["n"]]
    if not stored:
        return None
    data: dict[str, Any] = {}
    for col in facttable.COLUMNS:
        parts = [s.get(col) for s in stored]
        if col in _PLAIN_COLUMNS:
            if not all(isinstance(p, list) for p in parts):
                return None
            data[col] = [v for p in parts for v in p]
        elif col in _NUMBER_TYPES:
            kind = _NUMBER_TYPES[col]
            if not all(isinstance(p, store.Packed) and p.typecode == kind for p in parts):
                return None
            values = b"".join(p.data for p in parts)
            if col in _NULLABLE_INTS:
                data[col] = (values, b"".join(p.mask or bytes(len(p)) for p in parts))
            elif kind == "q" and any(p.mask is not None for p in parts):
                return None  # a missing start or end: the plain path says so (NaN for floats)
            else:
                data[col] = values
        else:
            if not all(isinstance(p, store.Coded) for p in parts):
                return None
            data[col] = _decoded_text(parts)
    if sys.byteorder == "big":
        return None
    columns = holder()
    columns.data = data
    return facttable._frame(columns)


def _decoded_text(parts: list) -> Any:
    """One object array of the coded text columns of many entries."""
    import numpy as np

    values: list = []
    codes, ends = [], []
    for part in parts:
        codes.append(np.frombuffer(part.codes, dtype="<i4") + len(values))
        values.extend(part.values)
        ends.append(len(values))
    counts = [len(c) for c in codes]
    index = np.concatenate(codes)
    high = np.repeat(np.array(ends, dtype=np.int64), counts)
    low = np.repeat(np.array([0, *ends[:-1]], dtype=np.int64), counts)
    if not ((index >= low) & (index < high)).all():  # each entry's codes within its values
        raise store.BadBlob("codes out of range")
    table = np.empty(len(values), dtype=object)
    table[:] = values
    return table[index]


def _facts_frame_plain(folder: Path, tasks: list[_Task], found: dict, duplicate_of: dict[str, str]):
    """:func:`_facts_frame` row by row: every column expanded to a list (the reference)."""
    from analysis import facts

    columns: dict[str, list] = {c: [] for c in facts.COLUMNS}
    for task in tasks:
        entry = found[task.key]
        if "skip" in entry["info"]:
            continue
        stored = entry["facts"]
        n = stored["n"]
        for col, values in columns.items():
            values.extend(store.expand(stored["columns"].get(col, [None] * n)))
    rows = list(zip(*columns.values(), strict=True))
    del columns
    finish = getattr(facts, "finish_table", None)
    if finish is not None:  # duplicate flags, the analyst's corrections, the schema
        return finish(facts._frame(rows), duplicate_of, folder)
    df = facts._flag_duplicates(facts._frame(rows), duplicate_of)
    facts.validate_facts(df)
    return df


def _skipped(tasks: list[_Task], found: dict) -> list:
    from analysis import corpus

    return [
        corpus.Skipped(found[t.key]["info"]["file"], found[t.key]["info"]["skip"])
        for t in tasks
        if "skip" in found[t.key]["info"]
    ]


def facts_for_folder(
    folder: str | Path, workers: int = 0, engine: str | None = None, scheduler: Any = None
):
    """``(facts table, skipped files)`` of a folder: the same table as
    :func:`corpus_tables` gives, read from the store where it can be (no document text is
    decoded), the rest computed on ``engine`` (``"local"`` or ``"dask"``; default from
    ``$STBRIEF_SCHEDULER``) with ``workers`` processes (0: one per core) or at ``scheduler``.
    """
    folder = _check_folder(folder)
    if workers < 0:
        raise config.InputError(f"--workers {workers}: must be 0 (automatic) or more")
    tasks, found = _collect(folder, _FACT_PARTS, engine, scheduler, workers)
    kept = [t for t in tasks if "skip" not in found[t.key]["info"]]
    if tasks and not kept:
        from analysis import corpus

        raise corpus.no_readable_documents(folder, _skipped(tasks, found))
    stored = [found[t.key]["signature"] for t in kept]
    bands = _bands(stored)
    signatures = _minhashes(stored) if bands is None else _light_minhashes(stored)
    sigs = [
        _nearcopies().Signature(info["doc_id"], info["file"], info["published"], mh)
        for info, mh in zip((found[t.key]["info"] for t in kept), signatures, strict=True)
    ]
    if bands is None:
        _nearcopies().mark_duplicates(sigs)
    else:
        _nearcopies().mark_duplicates(sigs, bands=bands)
    df = _facts_frame(folder, tasks, found, {s.doc_id: s.duplicate_of for s in sigs})
    return df, _skipped(tasks, found)


def _mention_frame(kind: str, tasks: list[_Task], found: dict, duplicates: set[str]):
    from analysis import partners, themes

    module = partners if kind == "partners" else themes
    names = module.MENTION_COLUMNS
    columns: dict[str, list] = {c: [] for c in names}
    for task in tasks:
        entry = found[task.key]
        if "skip" in entry["info"]:
            continue
        stored = entry["mentions"][kind]
        n = len(next(iter(stored.values()), []))
        dup = entry["info"]["doc_id"] in duplicates
        for col, values in columns.items():
            values.extend([dup] * n if col == "duplicate" else stored.get(col, [None] * n))
    rows = [dict(zip(names, values, strict=True)) for values in zip(*columns.values(), strict=True)]
    return _mention_frame_fn()(rows, names, module.mentions_schema())


def _mention_frame_fn():
    """``mention_frame`` (moving from themes to sentences)."""
    from analysis import themes

    for module in _optional_modules("analysis.sentences"):
        if hasattr(module, "mention_frame"):
            return module.mention_frame
    return themes.mention_frame


def corpus_tables(seeds_dir: str | Path, engine: str | None = None, scheduler: Any = None):
    """The :class:`CorpusTables` of ``seeds_dir``, from the store and what is missing there.

    If ``stbrief build`` is filling the store, waits for it first (at most
    :func:`wait_timeout` seconds). Bad input raises as :func:`analysis.corpus.load_corpus`
    does.
    """
    import time

    from analysis import corpus

    folder = _check_folder(seeds_dir)
    tick = time.perf_counter()
    _wait_for_fill()
    waited = time.perf_counter() - tick
    tasks, found = _collect(folder, _ALL_PARTS, engine, scheduler)
    _record(len(tasks), waited)
    docs = []
    kept = [t for t in tasks if "skip" not in found[t.key]["info"]]
    minhashes = _minhashes([found[t.key]["signature"] for t in kept])
    for task, mh in zip(kept, minhashes, strict=True):
        doc = found[task.key]["document"]
        doc.minhash = mh
        docs.append(doc)
    _nearcopies().mark_duplicates(docs)
    result = corpus.Corpus(folder, docs, _skipped(tasks, found))
    duplicates = {d.doc_id for d in docs if d.duplicate_of}
    return CorpusTables(
        corpus=result,
        docs=corpus.documents_table(result),
        facts=_facts_frame(folder, tasks, found, {d.doc_id: d.duplicate_of for d in docs}),
        partner_mentions=_mention_frame("partners", tasks, found, duplicates),
        theme_mentions=_mention_frame("themes", tasks, found, duplicates),
    )


def compute(seeds_dir: str | Path) -> CorpusTables:
    """The tables computed from the documents, no store involved (the reference)."""
    from analysis import corpus, facts, partners, themes

    docs_corpus = corpus.load_corpus(seeds_dir)
    return CorpusTables(
        corpus=docs_corpus,
        docs=corpus.documents_table(docs_corpus),
        facts=facts.facts_table(docs_corpus),
        partner_mentions=partners.partner_mentions(docs_corpus),
        theme_mentions=themes.theme_mentions(docs_corpus),
    )


# --------------------------------------------------------------------------- the fill
def _wait_for_fill() -> None:
    """Wait (bounded) while another process fills this store, so as not to do its work
    twice; past the bound, go on and compute what is missing."""
    from filelock import FileLock, Timeout

    path = cache_dir() / FILL_LOCK
    if not path.exists():
        return
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=wait_timeout())
    except Timeout:
        print(
            f"stbrief: the store fill in {cache_dir()} did not finish within "
            f"{wait_timeout():g} s; computing the missing documents here",
            file=sys.stderr,
        )
        return
    except OSError:
        return
    lock.release()


def fill(seeds_dir: str | Path, engine: str | None = None, scheduler: Any = None) -> int:
    """Compute and store every document of ``seeds_dir`` not stored yet, holding the fill
    lock meanwhile; returns the number of documents. Says ``filling`` on stdout once the
    lock is held (``stbrief build`` waits for that line before starting kernels)."""
    from filelock import FileLock

    folder = _check_folder(seeds_dir)
    cache_dir().mkdir(parents=True, exist_ok=True)
    with FileLock(str(cache_dir() / FILL_LOCK), timeout=wait_timeout()):  # another fill: bounded
        print("filling", flush=True)
        tasks, _found = _collect(folder, ("info", "mentions"), engine, scheduler)
    return len(tasks)


if __name__ == "__main__":  # `python -m analysis.cache fill SEEDS_DIR`, started by stbrief build
    if len(sys.argv) != 3 or sys.argv[1] != "fill":
        sys.exit("usage: python -m analysis.cache fill SEEDS_DIR")
    try:
        fill(sys.argv[2])
    except Exception as exc:  # noqa: BLE001 - the kernel computes what is missing, and says why
        print(f"stbrief: store fill failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(1)
