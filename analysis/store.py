"""The per-document store: one SQLite file (WAL) of JSON blobs, data only, never code.

Each entry is one document's parts (its cleaned text and sentences, MinHash signature, facts
and mentions) under a key that hashes its name, bytes and catalog entry with the package's
code. A blob is ``MAGIC + sha256(payload)[:16] + zlib(JSON)``: reading one checks the digest,
inflates and parses JSON, and rebuilds dataclasses only of the types it is given by name. A
blob that fails any of these is reported as missing (the caller computes it again), and a
database file SQLite cannot read is moved aside and started afresh. Nothing read from the
store is ever executed: there is no pickle, no ``eval``, no import by a name found in a blob.

Readers and writers in several processes at once are safe: SQLite's WAL lets readers go on
while one writer commits, and every wait for a lock is bounded (``timeout``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import sqlite3
import time
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

FORMAT = 1  # of the blobs and the table; part of every key
MAGIC = b"stb1"
PARTS = ("info", "signature", "facts", "document", "mentions")
_PRIMITIVE = frozenset({str, int, float, bool, type(None)})
_CHUNK = 500  # keys per SELECT (SQLite's limit on variables is 32766; keep statements short)


class BadBlob(ValueError):
    """A blob that is not one this module wrote (truncated, altered or foreign)."""


# --------------------------------------------------------------------------- the codec
def encode(obj: Any) -> bytes:
    """``obj`` (JSON values, tuples, dataclasses, lists of them) as a checked blob."""
    payload = json.dumps(_plain(obj), separators=(",", ":"), ensure_ascii=False).encode()
    return MAGIC + hashlib.sha256(payload).digest()[:16] + zlib.compress(payload, 1)


def decode(blob: bytes, types: Mapping[str, type] | None = None) -> Any:
    """The object :func:`encode` was given, dataclasses rebuilt only from ``types``
    (name -> dataclass). Raises :class:`BadBlob` for anything else."""
    if not isinstance(blob, bytes | memoryview) or bytes(blob[:4]) != MAGIC:
        raise BadBlob("not a store blob")
    blob = bytes(blob)
    try:
        payload = zlib.decompress(blob[20:])
    except zlib.error as exc:
        raise BadBlob(f"does not inflate: {exc}") from None
    if hashlib.sha256(payload).digest()[:16] != blob[4:20]:
        raise BadBlob("digest does not match")
    try:
        return _rebuilt(json.loads(payload), types or {})
    except (ValueError, RecursionError) as exc:
        raise BadBlob(f"not JSON of this store: {exc}") from None


def _plain(obj: Any) -> Any:
    """JSON values; tuples, dataclasses and lists of dataclasses as tagged objects (a list of
    dataclasses of one type is stored column by column: the field names once)."""
    if obj is None or isinstance(obj, str | bool | int | float):
        return obj
    if isinstance(obj, list):
        if all(type(x) in _PRIMITIVE for x in obj):
            return {"~p": obj}  # a column of numbers or words: read back without a walk
        if dataclasses.is_dataclass(obj[0]) and not isinstance(obj[0], type):
            kind = type(obj[0])
            if all(type(x) is kind for x in obj):
                names = [f.name for f in dataclasses.fields(kind)]
                columns = [_plain([getattr(x, n) for x in obj]) for n in names]
                return {"~dl": kind.__name__, "f": names, "c": columns}
        return [_plain(x) for x in obj]
    if isinstance(obj, tuple):
        return {"~t": [_plain(x) for x in obj]}
    if isinstance(obj, dict):
        if all(isinstance(k, str) and not k.startswith("~") for k in obj):
            return {k: _plain(v) for k, v in obj.items()}
        return {"~d": [[_plain(k), _plain(v)] for k, v in obj.items()]}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        fields = {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        return {"~dc": type(obj).__name__, "f": fields}
    if hasattr(obj, "item") and hasattr(obj, "dtype"):  # a numpy scalar
        return _plain(obj.item())
    if isinstance(obj, Path):
        return str(obj)
    raise TypeError(f"the store holds data only, not {type(obj).__name__}")


def _rebuilt(data: Any, types: Mapping[str, type]) -> Any:
    if isinstance(data, list):
        return [_rebuilt(x, types) for x in data]
    if not isinstance(data, dict):
        return data
    if "~p" in data:
        plain = data["~p"]
        if not isinstance(plain, list):
            raise BadBlob("a plain list is not a list")
        return plain
    if "~t" in data:
        return tuple(_rebuilt(x, types) for x in data["~t"])
    if "~d" in data:
        return {_hashable(_rebuilt(k, types)): _rebuilt(v, types) for k, v in data["~d"]}
    if "~dc" in data:
        kind = _type(data["~dc"], types)
        fields = data["f"]
        if not isinstance(fields, dict):
            raise BadBlob("dataclass fields are not an object")
        return _make(kind, {k: _rebuilt(v, types) for k, v in fields.items()})
    if "~dl" in data:
        kind = _type(data["~dl"], types)
        names, columns = data["f"], data["c"]
        if not (isinstance(names, list) and isinstance(columns, list)):
            raise BadBlob("dataclass columns are not lists")
        if len(names) != len(columns) or len({len(c) for c in columns}) > 1:
            raise BadBlob("dataclass columns of unequal length")
        columns = [_rebuilt(c, types) for c in columns]
        return [
            _make(kind, dict(zip(names, values, strict=True)))
            for values in zip(*columns, strict=True)
        ]
    return {k: _rebuilt(v, types) for k, v in data.items()}


def _hashable(key: Any) -> Any:
    return tuple(key) if isinstance(key, list) else key


def _type(name: Any, types: Mapping[str, type]) -> type:
    kind = types.get(name) if isinstance(name, str) else None
    if kind is None or not dataclasses.is_dataclass(kind):
        raise BadBlob(f"unknown type {name!r}")  # never looked up anywhere else
    return kind


def _make(kind: type, fields: dict[str, Any]) -> Any:
    try:
        return kind(**fields)
    except TypeError as exc:  # fields of another version of the type
        raise BadBlob(f"{kind.__name__}: {exc}") from None


# --------------------------------------------------------------------------- the store
class Store:
    """``<folder>/documents.sqlite``: entries by key, each with the blobs of :data:`PARTS`.

    Parameters
    ----------
    folder : Path
        The cache folder (made if missing).
    timeout : float
        Longest wait, in seconds, for another process's write lock.
    """

    NAME = "documents.sqlite"

    def __init__(self, folder: Path, timeout: float = 60.0) -> None:
        self.path = Path(folder) / self.NAME
        self.timeout = timeout
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except sqlite3.DatabaseError:  # not a database (a planted or truncated file)
            self._set_aside()
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, code TEXT NOT NULL, "
                "info BLOB, signature BLOB, facts BLOB, document BLOB, mentions BLOB, "
                "used REAL NOT NULL)"
            )
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB)")
            columns = {row[1] for row in db.execute("PRAGMA table_info(entries)")}
            if not {"key", "code", "used", *PARTS} <= columns:
                raise sqlite3.DatabaseError("entries table of another layout")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _set_aside(self) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for suffix in ("", "-wal", "-shm"):
            path = Path(str(self.path) + suffix)
            if path.exists():
                path.replace(path.with_name(f"{path.name}.bad-{stamp}"))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self, keys: Iterable[str], parts: Iterable[str], types: Mapping[str, type] | None = None
    ) -> dict[str, dict[str, Any]]:
        """{key: {part: decoded, or None where the entry has none}} for the keys found; an
        entry with a bad blob is left out (and deleted, so that it is computed and written
        again)."""
        parts = list(parts)
        unknown = set(parts) - set(PARTS)
        if unknown:
            raise ValueError(f"unknown parts {sorted(unknown)}")
        keys = list(keys)
        found: dict[str, dict[str, Any]] = {}
        bad: list[str] = []
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self._db.execute(
                    f"SELECT key, {', '.join(parts)} FROM entries WHERE key IN ({marks})", chunk
                ).fetchall()
            except sqlite3.DatabaseError:
                return found  # unreadable now: compute the rest (writes will say more)
            for key, *blobs in rows:
                try:
                    found[key] = {
                        p: None if b is None else decode(b, types)
                        for p, b in zip(parts, blobs, strict=True)
                    }
                except BadBlob:
                    bad.append(key)
        if bad:
            self.delete(bad)
        return found

    def put(self, code: str, entries: Iterable[tuple[str, Mapping[str, bytes]]]) -> int:
        """Write encoded entries ``(key, {part: blob})`` in one transaction; the count written
        (0 when the store cannot be written: the caller's results stand without it)."""
        now = time.time()
        rows = [(key, code, *(parts.get(p) for p in PARTS), now) for key, parts in entries]
        if not rows:
            return 0
        try:
            with self._transaction():
                self._db.executemany(
                    f"INSERT OR REPLACE INTO entries (key, code, {', '.join(PARTS)}, used) "
                    f"VALUES ({','.join('?' * (len(PARTS) + 3))})",
                    rows,
                )
        except sqlite3.Error:  # locked beyond the timeout, disk full, read-only
            return 0
        return len(rows)

    def delete(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        try:
            with self._transaction():
                self._db.executemany("DELETE FROM entries WHERE key = ?", [(k,) for k in keys])
        except sqlite3.Error:
            pass

    def prune(self, keep_codes: int = 3) -> None:
        """Drop the entries of all but the ``keep_codes`` most recently written code hashes
        (a few lexicon or package versions side by side)."""
        try:
            codes = [
                c
                for (c,) in self._db.execute(
                    "SELECT code FROM entries GROUP BY code ORDER BY MAX(used) DESC"
                )
            ]
            if len(codes) > keep_codes:
                with self._transaction():
                    self._db.executemany(
                        "DELETE FROM entries WHERE code = ?", [(c,) for c in codes[keep_codes:]]
                    )
        except sqlite3.Error:
            pass

    def get_meta(self, key: str) -> Any:
        """A small corpus-independent value kept beside the entries (None if absent or bad)."""
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            return None if row is None else decode(row[0])
        except (sqlite3.Error, BadBlob):
            return None

    def put_meta(self, key: str, value: Any) -> None:
        try:
            with self._transaction():
                self._db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, encode(value))
                )
        except sqlite3.Error:
            pass

    def keys(self) -> set[str]:
        return {k for (k,) in self._db.execute("SELECT key FROM entries")}

    @contextlib.contextmanager
    def _transaction(self):
        self._db.execute("BEGIN IMMEDIATE")  # the write lock now, waited for up to timeout
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
