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

import base64
import binascii
import contextlib
import dataclasses
import hashlib
import json
import sqlite3
import sys
import time
import zlib
from array import array
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

FORMAT = 2  # of the blobs and the table; part of every key
MAGIC = b"stb1"
PARTS = ("info", "signature", "facts", "document", "mentions")
_PRIMITIVE = frozenset({str, int, float, bool, type(None)})
_CHUNK = 500  # keys per SELECT (SQLite's limit on variables is 32766; keep statements short)


class BadBlob(ValueError):
    """A blob that is not one this module wrote (truncated, altered or foreign)."""


# --------------------------------------------------------------------------- columns
# A table's column stored so that reading it parses no value one by one: numbers as packed
# machine values (base64 in the JSON), text as its distinct values and packed codes. Read
# back as the same objects (not expanded): the caller concatenates many entries' columns at
# once. :func:`expand` gives the plain list of any of them.
_PACKABLE = {"q": (int,), "d": (int, float)}


@dataclasses.dataclass(slots=True)
class Packed:
    """Numbers of one machine type (``q`` int64, ``d`` float64) and, for a column with
    missing values, a mask (bytes, 1 where missing; the value there is 0, or NaN)."""

    typecode: str
    data: bytes
    mask: bytes | None = None

    def __len__(self) -> int:
        return len(self.data) // 8


@dataclasses.dataclass(slots=True)
class Coded:
    """Text (or None) as its distinct values and, per row, the index of its value (int32)."""

    values: list
    codes: bytes

    def __len__(self) -> int:
        return len(self.codes) // 4


def _le(a: array) -> bytes:
    if sys.byteorder == "big":  # stored little-endian, whatever the machine
        a = array(a.typecode, a)
        a.byteswap()
    return a.tobytes()


def _from_le(typecode: str, data: bytes) -> array:
    a = array(typecode)
    if len(data) % a.itemsize:
        raise BadBlob("packed column of a partial value")
    a.frombytes(data)
    if sys.byteorder == "big":
        a.byteswap()
    return a


def pack_column(values: list, typecode: str | None = None) -> Any:
    """``values`` as :class:`Packed` (``typecode`` given, every value of its type or None)
    or :class:`Coded` (no typecode, every value a str or None); else the plain list."""
    if typecode is not None:
        kinds = _PACKABLE[typecode]
        if not all(v is None or (type(v) in kinds) for v in values):
            return values
        missing = [v is None for v in values]
        blank = float("nan") if typecode == "d" else 0  # NaN where a float is missing
        nums = array(typecode, [blank if v is None else v for v in values])
        return Packed(typecode, _le(nums), bytes(missing) if any(missing) else None)
    if not all(v is None or type(v) is str for v in values):
        return values
    index: dict = {}
    codes = array("i", [index.setdefault(v, len(index)) for v in values])
    return Coded(list(index), _le(codes))


def expand(column: Any) -> list:
    """The plain list of a column as :func:`pack_column` gave it (or a list as it is)."""
    if isinstance(column, Packed):
        nums = _from_le(column.typecode, column.data).tolist()
        if column.mask is None:
            return nums
        return [None if m else v for v, m in zip(nums, column.mask, strict=True)]
    if isinstance(column, Coded):
        codes = _from_le("i", column.codes)
        if codes and (min(codes) < 0 or max(codes) >= len(column.values)):
            raise BadBlob("codes out of range")
        return [column.values[c] for c in codes]
    return list(column)


# --------------------------------------------------------------------------- the codec
def encode(obj: Any) -> bytes:
    """``obj`` (JSON values, tuples, dataclasses, lists of them) as a checked blob."""
    digest, packer, out, buffer, size = hashlib.sha256(), zlib.compressobj(1), [], [], 0
    for piece in _json_pieces(_plain(obj)):  # the JSON text a piece at a time: never whole
        buffer.append(piece)
        size += len(piece)
        if size >= _FLUSH_AT:
            data = "".join(buffer).encode()
            digest.update(data)
            out.append(packer.compress(data))
            buffer, size = [], 0
    data = "".join(buffer).encode()
    digest.update(data)
    out.append(packer.compress(data))
    out.append(packer.flush())
    return MAGIC + digest.digest()[:16] + b"".join(out)


def encode_plain(obj: Any) -> bytes:
    """:func:`encode` in one piece (the reference its streaming is checked against)."""
    payload = json.dumps(_plain(obj), separators=(",", ":"), ensure_ascii=False).encode()
    return MAGIC + hashlib.sha256(payload).digest()[:16] + zlib.compress(payload, 1)


_FLUSH_AT = 1 << 18  # characters of JSON text compressed at once
_SLICE = 4096  # elements of a list of plain values dumped at once


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _json_pieces(data: Any):
    """The text of ``_dumps(data)``, in pieces (containers opened, long lists in slices)."""
    if isinstance(data, dict):
        yield "{"
        for i, (key, value) in enumerate(data.items()):
            yield ("," if i else "") + _dumps(key) + ":"
            yield from _json_pieces(value)
        yield "}"
    elif isinstance(data, list) and data:
        yield "["
        plain = all(type(x) in _PRIMITIVE for x in data)
        step = _SLICE if plain else 1
        for i in range(0, len(data), step):
            if i:
                yield ","
            if plain:
                yield _dumps(data[i : i + step])[1:-1]
            else:
                yield from _json_pieces(data[i])
        yield "]"
    elif isinstance(data, str) and len(data) > _FLUSH_AT:  # a long text, escaped in slices
        yield '"'
        for i in range(0, len(data), _FLUSH_AT):
            yield _dumps(data[i : i + _FLUSH_AT])[1:-1]
        yield '"'
    else:
        yield _dumps(data)


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
    if isinstance(obj, Packed):
        mask = None if obj.mask is None else base64.b64encode(obj.mask).decode()
        return {"~a": obj.typecode, "b": base64.b64encode(obj.data).decode(), "m": mask}
    if isinstance(obj, Coded):
        return {"~k": obj.values, "b": base64.b64encode(obj.codes).decode()}
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
    if "~a" in data:
        return _packed(data)
    if "~k" in data:
        values, codes = data["~k"], _b64(data.get("b"))
        if not isinstance(values, list):
            raise BadBlob("coded values are not a list")
        if len(codes) % 4:
            raise BadBlob("codes of a partial value")
        # the values are JSON scalars as written (the digest holds); a text column of other
        # values fails the table's schema, never runs anything. The codes' range is checked
        # where they are used, all entries at once (:func:`expand`, cache._decoded_text).
        return Coded(values, codes)
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


def _b64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise BadBlob("packed data is not text")
    try:
        return binascii.a2b_base64(text, strict_mode=True)
    except (ValueError, binascii.Error) as exc:
        raise BadBlob(f"packed data: {exc}") from None


def _packed(data: dict) -> Packed:
    typecode, mask = data["~a"], data.get("m")
    if typecode not in _PACKABLE:
        raise BadBlob(f"unknown packed type {typecode!r}")
    values = _b64(data.get("b"))
    if len(values) % 8:
        raise BadBlob("packed column of a partial value")
    if mask is not None:
        mask = _b64(mask)
        if len(mask) * 8 != len(values) or not set(mask) <= {0, 1}:
            raise BadBlob("mask of another length")
    return Packed(typecode, values, mask)


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

    def present(self, keys: Iterable[str]) -> set[str]:
        """The keys of ``keys`` that have an entry (nothing decoded, nothing checked)."""
        keys = list(keys)
        have: set[str] = set()
        try:
            for i in range(0, len(keys), _CHUNK):
                chunk = keys[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                have.update(
                    k
                    for (k,) in self._db.execute(
                        f"SELECT key FROM entries WHERE key IN ({marks})", chunk
                    )
                )
        except sqlite3.DatabaseError:
            pass
        return have

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
