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

import contextlib
import functools
import hashlib
import json
import os
import sys
import time
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
_ALL_PARTS = ("info", "signature", "facts", "document", "mentions")
_RACY_NS = 1_000_000_000  # a file changed this recently (ns) is hashed again next time


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


def document_key(code: str, name: str, meta: dict | None, sha256: str) -> str:
    """The key of one document's entry: code, file name, catalog entry and the sha256 of its
    bytes."""
    digest = hashlib.sha256()
    head = json.dumps([code, name, meta or {}], sort_keys=True, default=str)
    digest.update(f"{len(head)}\0{head}\0{sha256}".encode())
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
    from analysis import classify, numbers

    try:
        numbers.grammar()
        classify.indicator_lexicon()
        classify.actor_lexicon()
    except Exception:  # noqa: BLE001 - only a head start: each worker compiles them otherwise
        pass
    code_key()


_SAMPLE = (
    "China and Germany sign science and technology cooperation agreement\n\n"
    "Beijing, March 12, 1998. China and Germany signed 40 cooperation projects in 1998, "
    "the Ministry of Science and Technology said on Monday. By 1998, China had sent 1,200 "
    "students abroad to study science and engineering, and more than 30 of them had "
    "returned. The two sides agreed to exchange 15 scientists a year with France and to "
    "open a joint research centre for agriculture, worth 2.5 million US dollars.\n"
)


def _warm_for_refresh(sample: str | None = None, numpy_minhash: bool = True) -> None:
    """:func:`warm_up`, then the work on a small sample document (``sample``, a path;
    the result discarded), so that what the first document compiles (date, name and number
    patterns, MinHash permutations) is ready before the new documents of a refresh arrive."""
    warm_up()
    if sample is not None:
        analyse_file(sample, None, False, numpy_minhash)


def _sample_file() -> str | None:
    """``<cache>/warm-sample.txt`` (written once, read by the warm process), or None."""
    path = cache_dir() / "warm-sample.txt"
    data = _SAMPLE.encode()
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return str(path)
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        return None
    return str(path)


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
    from analysis import corpus, facts, facttable, partners, themes

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
    info["rows_ok"] = facttable.rows_hold(rows)
    text = found = None
    if info["rows_ok"]:  # the rows as CSV text (stbrief facts --out joins them)
        text = facttable.csv_rows(rows)
        info["ids"] = text.pop("ids")
        info["claims"] = [list(c) for c in text.pop("claims")]  # arrays: read without a hook
    del rows  # each part made and its rows let go before the next is made
    if mentions:
        found = {
            "partners": _columns(partners.partner_rows(doc)),
            "themes": _columns(themes.theme_rows(doc)),
        }
    _let_go_of_last_document()  # before the bigger parts are encoded
    if text is not None:
        parts["csv"] = store.encode(text)
        del text
    if found is not None:
        parts["mentions"] = store.encode(found)
        del found
    doc.minhash = None  # corpus-wide: set at assembly, with duplicate_of and similarity
    info["published"] = doc.published
    parts["document"] = store.encode(doc)
    return {"info": store.encode(info), "signature": store.encode(signature), **parts}


def _let_go_of_last_document() -> None:
    """Drop what the scans remember of the document just read (its lower-cased copy, name
    answers): the next document is another text, and a big document's copies
    would otherwise stand beside its encoded parts (peak memory per document)."""
    from analysis import classify, scan, themes

    scan.forget()
    classify.forget()
    themes.forget()


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
    import numpy as np

    from analysis import nearcopies as module  # not _nearcopies(): an import_module per call

    if numpy_minhash:
        values = module._minhash_values(text, title)
        seed, scheme = module._MINHASH_SEED, "affine32"
    else:
        mh = module.minhash(text, title)
        values, seed, scheme = mh.hashvalues, int(mh.seed), getattr(mh, "scheme", None)
    # the hash values as packed little-endian uint64 (read back without a value at a time)
    return {"hv": np.asarray(values, dtype="<u8").tobytes(), "seed": seed, "scheme": scheme}


def _hashvalues(sig: dict):
    import numpy as np

    return np.frombuffer(sig["hv"], dtype="<u8").astype(np.uint64)


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
            known = (
                module.numpy_minhash_ok()
                if hasattr(module, "numpy_minhash_ok")
                else (module._minhash_kit(num_perm)[1] is not None)
            )
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


def _tasks(folder: Path, code: str, db: store.Store | None = None) -> list[_Task]:
    """The folder's documents with their keys. A file's sha256 is remembered in the store
    with its stat (size, mtime, inode, ctime) and taken from there while the stat is the
    same; as git does with racy timestamps, one changed less than :data:`_RACY_NS` before it
    was hashed is not remembered (a change within the clock's tick could leave the stat
    as it was), so it is hashed again next time."""
    from analysis import corpus

    catalog = corpus.read_catalog(folder)
    place = str(folder.resolve())
    known = db.file_hashes(place) if db is not None else {}
    changed: dict[str, tuple[str, str]] = {}
    tasks = []
    files = corpus.document_files(folder)
    for path in files:
        meta = catalog.get(path.stem)
        now = time.time_ns()
        try:
            st = os.stat(path)
            stamp = f"{st.st_size} {st.st_mtime_ns} {st.st_ino} {st.st_ctime_ns}"
        except OSError:
            st, stamp = None, ""
        memo = known.get(path.name)
        if st is not None and memo is not None and memo[0] == stamp:
            sha, size = memo[1], st.st_size
        else:
            try:
                data = path.read_bytes()
            except OSError:
                data = b""  # analyse_file says why; never cached
            sha, size = hashlib.sha256(data).hexdigest(), len(data)
            del data
            fresh = st is None or max(st.st_mtime_ns, st.st_ctime_ns) >= now - _RACY_NS
            if not fresh and size == st.st_size:
                changed[path.name] = (stamp, sha)
        tasks.append(_Task(str(path), meta, document_key(code, path.name, meta, sha), size, sha))
    if db is not None:
        names = {p.name for p in files}
        db.put_file_hashes(place, changed, [n for n in known if n not in names])
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
    types = _types()
    warm = None
    if engine == "local" and os.name == "posix" and _WARM_START:
        from analysis import engine as engines

        # a process that imports and compiles what the work needs while this one lists the
        # folder and reads the store: it computes the new documents of a refresh
        sample = _sample_file()  # here: the warm process may be ended at any point
        warm = engines.Warm(lambda: _warm_for_refresh(sample), lambda: analyse_files)
    db = _open_store()
    try:
        tasks = _tasks(folder, code, db)
        _last_counts.update(stored=0, computed=len(tasks))
        keys = [t.key for t in tasks]
        early = None
        if db is not None and engine == "local" and len(tasks) >= _OVERLAP_MIN_STORED:
            # the few documents not stored yet are computed in a process of their own while
            # this one reads the stored ones (a refresh: that document's work is hidden)
            present = db.present(keys)
            absent = [t for t in tasks if t.key not in present]
            if absent and len(present) >= _OVERLAP_MIN_STORED:
                early = (absent, _start(absent, parts, engine, scheduler, workers, True, warm))
                warm = None
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
                info = store.decode(blobs["info"])
                decoded = {
                    p: store.decode(blobs[p], types) for p in parts if p in blobs and p != "info"
                }
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
        if warm is not None:  # not needed: nothing new, or a job for the pool
            warm.close()
        if db is not None:
            db.close()


_OVERLAP_MIN_STORED = 64  # stored documents worth reading while the new ones are computed
_WARM_START = True  # fork the process for a refresh's new documents at once (local engine)


def _start(tasks: list[_Task], parts, engine, scheduler, workers: int, background: bool, warm=None):
    from analysis import engine as engines

    with_mentions, numpy_minhash = "mentions" in parts, _numpy_minhash_checked()
    items = [((t.path, t.meta, with_mentions, numpy_minhash), t.size) for t in tasks]
    if warm is not None and not (background and engines._in_process(items, workers)):
        warm.close()  # a job for the pool
        warm = None
    return engines.run(
        analyse_files,
        items,
        engine=engine,
        scheduler=scheduler,
        workers=workers,
        background=background,
        warm=warm,
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
    if "skip" in info:
        return True
    sig = entry.get("signature", {"hv": b"\0" * 8})
    if not (isinstance(sig, dict) and type(sig.get("hv")) is bytes and len(sig["hv"]) % 8 == 0):
        return False
    return bool(sig["hv"]) and all(v is not None for v in entry.values())


def _belongs(entry: dict[str, Any], task: _Task) -> bool:
    """An entry that says it is of this file and these bytes (one stored under another
    document's key, by mistake or on purpose, is computed again)."""
    info = entry["info"]
    return info.get("file") == os.path.basename(task.path) and info.get("sha256") == task.sha256


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
        values, seed, scheme = _hashvalues(sig), sig["seed"], sig.get("scheme")
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

    if not signatures:
        return []
    sizes = {len(s["hv"]) for s in signatures}
    if len(sizes) == 1:  # one array for all, a row each
        table = np.frombuffer(b"".join(s["hv"] for s in signatures), dtype="<u8")
        table = table.astype(np.uint64).reshape(len(signatures), -1)
        return [
            _LightMinHash(row, s["seed"], s.get("scheme"))
            for row, s in zip(table, signatures, strict=True)
        ]
    return [_LightMinHash(_hashvalues(s), s["seed"], s.get("scheme")) for s in signatures]


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
    shapes = {(len(s["hv"]) // 8, s["seed"], s.get("scheme")) for s in signatures}
    if len(shapes) != 1:
        return None
    size = len(signatures[0]["hv"]) // 8
    key = f"lsh-bands:{code_key()}:{size}"
    db = _open_store()
    try:
        ranges = db.get_meta(key) if db is not None else None
        valid = isinstance(ranges, list) and all(
            isinstance(r, tuple) and len(r) == 2 and all(type(x) is int for x in r) for r in ranges
        )
        if not valid or not ranges:
            ranges = _lsh_ranges(module, size) or [tuple(r) for r in module.lsh_bands(size)]
            if db is not None:
                db.put_meta(key, ranges)
    finally:
        if db is not None:
            db.close()
    return SimpleNamespace(h=size, hashranges=ranges)


_BAND_MARGIN = 1e-6  # least gap between the best and the next LSH error trusted here


def _lsh_ranges(module, num_perm: int) -> list[tuple[int, int]] | None:
    """The band ranges ``module.lsh_bands`` gets from datasketch (``MinHashLSH`` with the
    threshold near-copy marking gives it, equal weights), computed without importing
    datasketch and scipy (1.3 s of CPU, most of a small run's own work); None when this
    cannot vouch for datasketch's answer (then datasketch computes it).

    datasketch picks the bands ``b`` and rows ``r`` (``b * r <= num_perm``) of least
    weighted false positive and false negative probability, two integrals of polynomials
    of degree ``b * r`` that ``scipy.integrate.quad`` computes to within 1.5e-8. Here they
    are computed by Gauss-Legendre quadrature with enough nodes to be exact for those
    degrees (up to rounding), and the answer is kept only when the next best pair's error
    is more than :data:`_BAND_MARGIN` away: then quad's pick is the same pair.
    tests/test_cache.py compares it with datasketch's."""
    import numpy as np
    from numpy.polynomial.legendre import leggauss

    try:
        threshold = min(float(module._settings()["threshold"]), 0.9) * 0.8  # as lsh_bands
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
    if not (0.0 < threshold < 1.0) or not 2 <= num_perm <= 4096:
        return None
    x, w = leggauss(num_perm // 2 + 2)  # exact for degree num_perm + 3
    low = (x + 1) * (threshold / 2)  # nodes on [0, t]
    high = threshold + (x + 1) * ((1 - threshold) / 2)  # and on [t, 1]
    pairs = [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)]
    bands = np.array([b for b, _r in pairs], dtype=float)[:, None]
    rows = np.array([r for _b, r in pairs], dtype=float)[:, None]
    false_pos = ((1 - (1 - low**rows) ** bands) @ w) * (threshold / 2)
    false_neg = (((1 - high**rows) ** bands) @ w) * ((1 - threshold) / 2)
    error = 0.5 * false_pos + 0.5 * false_neg
    best, following = np.argsort(error, kind="stable")[:2]
    if not error[following] - error[best] > _BAND_MARGIN:
        return None
    b, r = pairs[int(best)]
    if b < 2:
        return None  # datasketch refuses it: let it say so
    return [(i * r, (i + 1) * r) for i in range(b)]


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
    df = _facts_frame(folder, tasks, found, _duplicate_of(kept, found))
    return df, _skipped(tasks, found)


def _duplicate_of(kept: list[_Task], found: dict) -> dict[str, str] | None:
    """{doc_id: the document it is a near-copy of, or ""} for the documents read, in file
    order. The last answer is kept in the store under a digest of the code and the entries'
    keys in order (which fix every signature, date and name), so a run whose documents are
    those of the last one does not mark them again. Signatures not in ``found`` are read
    from the store (None if one is not there)."""
    digest = hashlib.sha256(code_key().encode())
    for task in kept:
        digest.update(task.key.encode())
    digest = digest.hexdigest()
    db = _open_store()
    try:
        known = db.get_meta("near-copies") if db is not None else None
        if isinstance(known, dict) and known.get("input") == digest:
            answer = known.get("duplicate_of")
            ids = [found[t.key]["info"]["doc_id"] for t in kept]
            if isinstance(answer, dict) and list(answer) == ids:
                if all(type(v) is str for v in answer.values()):
                    return answer
        absent = [t.key for t in kept if "signature" not in found[t.key]]
        if absent:
            got = db.get(absent, ["signature"]) if db is not None else {}
            for key in absent:
                entry = {"info": found[key]["info"], **got.get(key, {"signature": None})}
                if not _whole(entry):
                    return None
                found[key]["signature"] = entry["signature"]
            del got
        stored = [found[t.key]["signature"] for t in kept]
        bands = _bands(stored)
        # one signature: nothing to mark (no datasketch, 45 MB with scipy, to import)
        light = bands is not None or len(stored) < 2
        signatures = _light_minhashes(stored) if light else _minhashes(stored)
        del stored
        module = _nearcopies()
        sigs = [
            module.Signature(info["doc_id"], info["file"], info["published"], mh)
            for info, mh in zip((found[t.key]["info"] for t in kept), signatures, strict=True)
        ]
        state = None
        if bands is not None and isinstance(known, dict):
            state = _one_added(known.get("state"), kept, sigs, bands, module)
        if state is None and bands is not None:
            # the candidate search done once: mark_duplicates would do it again (a second
            # of CPU at 20 MB); tests/test_cache.py checks _marked against mark_duplicates
            state = _near_state(kept, sigs, bands, module)
        if state is not None:  # (one document more than last time: what it changes)
            answer = _marked(state)
        else:
            if bands is None:
                module.mark_duplicates(sigs)
            else:
                module.mark_duplicates(sigs, bands=bands)
            answer = {s.doc_id: s.duplicate_of or "" for s in sigs}
        answer = {s.doc_id: answer[s.doc_id] for s in sigs}  # file order
        if db is not None:
            db.put_meta("near-copies", {"input": digest, "duplicate_of": answer, "state": state})
        return answer
    finally:
        if db is not None:
            db.close()


def _near_state(kept: list[_Task], sigs: list, bands, module) -> dict | None:
    """What an added document needs to be marked without marking all again: for every
    document in near-copy order, the most hash values it shares with an earlier LSH
    candidate (``top``) and the earliest such candidate (``best``), from the near-copy
    module's own search (None where that search does not cover these signatures).
    :func:`_marked` gives ``mark_duplicates``' answer from it."""
    if len(sigs) < 2 or not all(hasattr(module, n) for n in ("_best_candidates", "_order_key")):
        return None
    order = sorted(sigs, key=module._order_key)  # as mark_duplicates orders them
    best_of = module._best_candidates(order, bands)
    if best_of is None:
        return None
    state = {
        "keys": [t.key for t in kept],
        "order": [s.doc_id for s in order],
        "top": [int(equal) for equal, _tied in best_of],
        "best": [order[int(tied[0])].doc_id if equal else "" for equal, tied in best_of],
        "size": len(sigs[0].minhash),
        "threshold": float(module._settings()["threshold"]),
    }
    return state


def _marked(state: dict) -> dict[str, str]:
    """{doc_id: duplicate_of} from a :func:`_near_state`, as ``mark_duplicates`` sets it."""
    size, threshold, out = float(state["size"]), state["threshold"], {}
    for doc_id, top, best in zip(state["order"], state["top"], state["best"], strict=True):
        near = best and float(top) / size >= threshold
        out[doc_id] = (out[best] or best) if near else ""
    return out


def _one_added(state: Any, kept: list[_Task], sigs: list, bands, module) -> dict | None:
    """The :func:`_near_state` of these documents when they are those of ``state`` and one
    more (else None): the new one's earlier candidates searched, and each later document
    that has it as a candidate given it as its best where it shares more (or as many and it
    comes first)."""
    import numpy as np

    if not isinstance(state, dict) or not isinstance(state.get("keys"), list):
        return None
    keys = [t.key for t in kept]
    old = set(state["keys"])
    added = [i for i, k in enumerate(keys) if k not in old]
    if len(added) != 1 or len(keys) != len(old) + 1 or len(old) < 2:
        return None
    if state.get("threshold") != float(module._settings()["threshold"]):
        return None
    size = state["size"]
    if any(len(s.minhash) != size for s in sigs) or bands.h != size:
        return None
    new = sigs[added[0]]
    order = sorted(sigs, key=module._order_key)
    if [s.doc_id for s in order if s is not new] != state["order"]:
        return None
    p = next(i for i, s in enumerate(order) if s is new)
    hv = np.stack([s.minhash.hashvalues for s in order])
    x = hv[p]
    shares = np.zeros(len(order), dtype=bool)
    for a, b in bands.hashranges:
        shares |= (hv[:, a:b] == x[a:b]).all(axis=1)
    shares[p] = False
    equal = (hv == x).sum(axis=1).tolist()
    shares = shares.tolist()
    before = dict(zip(state["order"], zip(state["top"], state["best"], strict=True), strict=True))
    rank = {s.doc_id: i for i, s in enumerate(order)}
    tops, bests = [], []
    for i, s in enumerate(order):
        if i == p:
            earlier = [j for j in range(p) if shares[j]]
            top = max((equal[j] for j in earlier), default=0)
            best = order[next(j for j in earlier if equal[j] == top)].doc_id if top else ""
        else:
            top, best = before[s.doc_id]
            if i > p and shares[i]:
                e = equal[i]
                if e > top or (e == top and e and (not best or p < rank[best])):
                    top, best = e, new.doc_id
        tops.append(int(top))
        bests.append(best)
    return {**state, "keys": keys, "order": [s.doc_id for s in order], "top": tops, "best": bests}


_CSV_CHUNK = 256  # documents' rows read from the store at once while the CSV is written


def write_facts_csv(
    folder: str | Path,
    out: str | Path,
    workers: int = 0,
    engine: str | None = None,
    scheduler: Any = None,
):
    """Write the facts table of a folder to ``out`` as ``config.write_csv`` writes the table
    :func:`facts_for_folder` gives (the same bytes), without making the table: each
    document's rows are kept in the store as CSV text (``csv``, with ``ids`` and ``claims``
    in ``info``: :func:`analysis.facttable.csv_rows`), joined in table order with the
    duplicate flags of this corpus, a few documents at a time.

    Returns ``(rows written, skipped files)``, or None (nothing written) where the table
    must be made: the folder has corrections, a document's rows do not pass the schema as
    they are, or the store cannot give every document's rows.
    """
    from analysis import corrections, facttable

    folder = _check_folder(folder)
    if workers < 0:
        raise config.InputError(f"--workers {workers}: must be 0 (automatic) or more")
    if corrections.load_corrections(folder):  # applied to the table: make it
        return None
    tasks, found = _collect(folder, ("info",), engine, scheduler, workers)
    kept = [t for t in tasks if "skip" not in found[t.key]["info"]]
    if tasks and not kept:
        from analysis import corpus

        raise corpus.no_readable_documents(folder, _skipped(tasks, found))
    infos = {found[t.key]["info"]["doc_id"]: found[t.key]["info"] for t in kept}
    try:
        if not all(_rows_stored(info) for info in infos.values()):
            return None
        ids = [i for info in infos.values() for i in info["ids"]]
        if len(set(ids)) != len(ids):
            return None  # the table's schema says which (fact_id unique)
        del ids
        duplicate_of = _duplicate_of(kept, found)
        if duplicate_of is None:
            return None
        flags: dict[str, list[str]] = {}
        for doc_id, original in duplicate_of.items():
            if original:
                theirs = set(map(tuple, infos[original]["claims"]))
                flags[doc_id] = [str(tuple(c) in theirs) for c in infos[doc_id]["claims"]]
    except (TypeError, KeyError):  # claims that are not tuples of values
        return None
    order = sorted(kept, key=lambda t: found[t.key]["info"]["doc_id"])
    out = Path(out)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    db = _open_store()
    if db is None:
        return None
    written = 0
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(facttable.csv_header())
            for i in range(0, len(order), _CSV_CHUNK):
                chunk = [t.key for t in order[i : i + _CSV_CHUNK]]
                got = db.get(chunk, ["csv"])
                for key in chunk:
                    info = found[key]["info"]
                    text = got.get(key, {}).get("csv")
                    if not _rows_text(text, len(info["ids"])):
                        return None
                    marks = flags.get(info["doc_id"])
                    if marks is None:
                        fh.write(
                            "".join(h + "False" + t for h, t in zip(*text.values(), strict=True))
                        )
                    else:
                        fh.writelines(
                            h + m + t
                            for h, m, t in zip(text["head"], marks, text["tail"], strict=True)
                        )
                    written += len(info["ids"])
                del got
        os.replace(tmp, out)
        tmp = None
    except OSError as exc:  # as the table's writing says it (cli._write_table)
        raise config.InputError(f"--out {out}: cannot be written: {exc.strerror or exc}") from exc
    finally:
        db.close()
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return written, _skipped(tasks, found)


def _rows_stored(info: dict) -> bool:
    ids, claims = info.get("ids"), info.get("claims")
    return (
        info.get("rows_ok") is True
        and type(ids) is list
        and type(claims) is list
        and len(ids) == len(claims)
        and all(type(i) is str for i in ids)
    )


def _rows_text(text: Any, n: int) -> bool:
    return (
        type(text) is dict
        and list(text) == ["head", "tail"]
        and all(type(v) is list and len(v) == n for v in text.values())
        and all(type(x) is str for v in text.values() for x in v)
    )


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
