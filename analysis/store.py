"""The per-document store: one SQLite file (WAL) of MessagePack blobs, data only, never code.

Each entry is one document's parts (its cleaned text and sentences, MinHash signature, facts,
its rows as CSV text, and mentions) under a key that hashes its name, bytes and catalog entry
with the package's code. A blob is ``MAGIC + sha256(payload)[:16] + zlib(msgpack)``: reading
one checks the digest, inflates and unpacks it (no extension types), and rebuilds dataclasses
only of the types it is given by name. A blob that fails any of these is reported as missing
(the caller computes it again), and a database file SQLite cannot read is moved aside and
started afresh. Nothing read from the
store is ever executed: there is no pickle, no ``eval``, no import by a name found in a blob.

Readers and writers in several processes at once are safe: SQLite's WAL lets readers go on
while one writer commits, and every wait for a lock is bounded (``timeout``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import sqlite3
import sys
import time
import zlib
from array import array
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

FORMAT = 3  # of the blobs and the table; part of every key
MAGIC = b"stb2"
PARTS = ("info", "signature", "facts", "document", "mentions", "csv")
_PRIMITIVE = frozenset({str, int, float, bool, bytes, type(None)})
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
# A blob's payload is MessagePack (data only: maps, arrays, text, bytes, numbers). Tuples,
# dicts with other keys, dataclasses and packed columns are maps whose first key is a tag
# (``~t``, ``~d``, ``~dc``, ``~dl``, ``~a``, ``~k``); they are rebuilt as the payload is read
# (msgpack's ``object_hook``, map by map, no walk over lists), dataclasses only of the types
# the caller names. msgpack extension types are refused; its timestamp type reads as a float.
_FLUSH_AT = 1 << 18  # bytes of payload hashed and compressed at once


def encode(obj: Any) -> bytes:
    """``obj`` (plain values, tuples, dataclasses, lists of them) as a checked blob."""
    import msgpack

    packer = msgpack.Packer(use_bin_type=True, autoreset=True)
    digest, deflate, out, buffer, size = hashlib.sha256(), zlib.compressobj(1), [], [], 0
    plain = _plain(obj)
    if _rough_size(plain, _FLUSH_AT) < _FLUSH_AT:
        # a small payload packed at once: the bytes the pieces below join to (msgpack's), and
        # under _FLUSH_AT they would be hashed and compressed in one call too, as here
        try:
            data = packer.pack(plain)
        except OverflowError as exc:
            raise TypeError(f"the store holds integers of 64 bits: {exc}") from None
        if len(data) < _FLUSH_AT:
            digest.update(data)
            return MAGIC + digest.digest()[:16] + deflate.compress(data) + deflate.flush()
        del data
    try:
        for piece in _pieces(plain, packer):  # the payload a piece at a time
            buffer.append(piece)
            size += len(piece)
            if size >= _FLUSH_AT:
                data = b"".join(buffer)
                digest.update(data)
                out.append(deflate.compress(data))
                buffer, size = [], 0
    except OverflowError as exc:  # an int of a list msgpack packs whole
        raise TypeError(f"the store holds integers of 64 bits: {exc}") from None
    data = b"".join(buffer)
    digest.update(data)
    out.append(deflate.compress(data))
    out.append(deflate.flush())
    return MAGIC + digest.digest()[:16] + b"".join(out)


def _rough_size(data: Any, budget: int) -> int:
    """About the size of ``data`` packed (text by its characters, a number as 9 bytes),
    counted until it passes ``budget``. Done for speed (:func:`encode` packs a small
    payload at once): a bound on what is packed whole before its true size is known, so
    no big document's payload is held twice; the true size decides."""
    t = type(data)
    if t is str or t is bytes:
        return len(data)
    if t is dict:
        n = len(data)
        for k, v in data.items():
            n += len(k) + 1 if type(k) is str else 9
            n += _rough_size(v, budget - n)
            if n >= budget:
                return n
        return n
    if t is list:
        n = len(data)
        for v in data:
            tv = type(v)
            if tv is str or tv is bytes:
                n += len(v)
            elif tv is dict or tv is list:
                n += _rough_size(v, budget - n)
            else:
                n += 9
            if n >= budget:
                return n
        return n
    return 9


def _pieces(data: Any, packer: Any):
    """The bytes of ``msgpack.packb(data)``, in pieces (containers opened one by one; a long
    list of plain values a run of them at a time, a long text a piece at a time: msgpack
    would hold their whole payload at once, twice, and keep the text's UTF-8 copy on it)."""
    if type(data) is dict and len(data) > 1:
        yield packer.pack_map_header(len(data))
        for key, value in data.items():
            yield packer.pack(key)
            yield from _pieces(value, packer)
    elif type(data) is list and data and not all(type(x) in _PRIMITIVE for x in data):
        yield packer.pack_array_header(len(data))
        for value in data:
            yield from _pieces(value, packer)
    elif type(data) is list and len(data) > _RUN:
        yield packer.pack_array_header(len(data))
        pack = packer.pack
        for i in range(0, len(data), _RUN):
            run = data[i : i + _RUN]
            if any(type(v) is str and len(v) > _TEXT_PIECE for v in run):
                for value in run:
                    yield from _pieces(value, packer)
            else:
                yield b"".join([pack(value) for value in run])
    elif type(data) is str and len(data) > _TEXT_PIECE:
        yield from _text_pieces(data)
    else:
        yield packer.pack(data)


_RUN = 1024  # plain values of a list packed one by one when it is longer
_TEXT_PIECE = 1 << 16  # characters of a long text encoded at once


def _text_pieces(text: str):
    """``msgpack.packb(text)`` (a text longer than :data:`_TEXT_PIECE`, so of at least 2**16
    bytes: the str 32 format) in pieces: the header, then the UTF-8 a piece at a time
    (the plain twin is msgpack itself, tests/test_cache.py)."""
    cuts = range(0, len(text), _TEXT_PIECE)
    size = sum(len(text[a : a + _TEXT_PIECE].encode("utf-8")) for a in cuts)
    if size >= 1 << 32:
        raise ValueError("unicode string is too large")
    yield b"\xdb" + size.to_bytes(4, "big")
    for a in cuts:
        yield text[a : a + _TEXT_PIECE].encode("utf-8")


def decode(blob: bytes, types: Mapping[str, type] | None = None) -> Any:
    """The object :func:`encode` was given, dataclasses rebuilt only from ``types``
    (name -> dataclass). Raises :class:`BadBlob` for anything else."""
    import msgpack

    if not isinstance(blob, bytes | memoryview) or bytes(blob[:4]) != MAGIC:
        raise BadBlob("not a store blob")
    blob = bytes(blob)
    try:
        payload = zlib.decompress(blob[20:])
    except zlib.error as exc:
        raise BadBlob(f"does not inflate: {exc}") from None
    if hashlib.sha256(payload).digest()[:16] != blob[4:20]:
        raise BadBlob("digest does not match")
    hook = functools.partial(_rebuilt, types=types or {})
    try:
        return msgpack.unpackb(payload, object_hook=hook, ext_hook=_no_ext, timestamp=1)
    except BadBlob:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever msgpack makes of foreign bytes
        raise BadBlob(f"not a payload of this store: {type(exc).__name__}: {exc}") from None


def _no_ext(code: int, data: bytes) -> Any:
    raise BadBlob(f"extension type {code}")


def _plain(obj: Any) -> Any:
    """Plain values; tuples, dataclasses, dicts with keys other than text and lists of
    dataclasses as tagged maps (a list of dataclasses of one type is stored column by
    column: the field names once)."""
    if obj is None or isinstance(obj, str | bool | int | float | bytes):
        if type(obj) is int and not -(2**63) <= obj < 2**64:
            raise TypeError("the store holds integers of 64 bits")
        return obj
    if isinstance(obj, Packed):
        return {"~a": obj.typecode, "b": obj.data, "m": obj.mask}
    if isinstance(obj, Coded):
        return {"~k": obj.values, "b": obj.codes}
    if isinstance(obj, list):
        if all(type(x) in _PRIMITIVE for x in obj):
            return obj  # a column of numbers or words: packed and read in C
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
        if all(type(k) is str and not k.startswith("~") for k in obj):
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


def _rebuilt(data: dict, types: Mapping[str, type]) -> Any:
    """One map as msgpack reads it (its values rebuilt already): a tagged one made into
    its object, any other as it is."""
    tag = next(iter(data), None)
    if type(tag) is not str or not tag.startswith("~"):
        return data
    if tag == "~t":
        items = data["~t"]
        if type(items) is not list:
            raise BadBlob("a tuple is not an array")
        return tuple(items)
    if tag == "~a":
        return _packed(data)
    if tag == "~k":
        values, codes = data["~k"], data.get("b")
        if type(values) is not list or type(codes) is not bytes:
            raise BadBlob("coded values are not an array and bytes")
        if len(codes) % 4:
            raise BadBlob("codes of a partial value")
        # the values are scalars as written (the digest holds); a text column of other
        # values fails the table's schema, never runs anything. The codes' range is checked
        # where they are used, all entries at once (:func:`expand`, cache._decoded_text).
        return Coded(values, codes)
    if tag == "~d":
        pairs = data["~d"]
        if type(pairs) is not list or not all(type(p) is list and len(p) == 2 for p in pairs):
            raise BadBlob("dict items are not pairs")
        try:
            return {_hashable(k): v for k, v in pairs}
        except TypeError as exc:
            raise BadBlob(f"dict key: {exc}") from None
    if tag == "~dc":
        kind = _type(data["~dc"], types)
        fields = data.get("f")
        if type(fields) is not dict:
            raise BadBlob("dataclass fields are not a map")
        return _make(kind, fields)
    if tag == "~dl":
        kind = _type(data["~dl"], types)
        names, columns = data.get("f"), data.get("c")
        if type(names) is not list or type(columns) is not list:
            raise BadBlob("dataclass columns are not arrays")
        if not all(type(n) is str for n in names) or not all(type(c) is list for c in columns):
            raise BadBlob("dataclass columns are not arrays")
        if len(names) != len(columns) or len({len(c) for c in columns}) > 1:
            raise BadBlob("dataclass columns of unequal length")
        return [
            _make(kind, dict(zip(names, values, strict=True)))
            for values in zip(*columns, strict=True)
        ]
    raise BadBlob(f"unknown tag {tag!r}")


def _packed(data: dict) -> Packed:
    typecode, values, mask = data["~a"], data.get("b"), data.get("m")
    if typecode not in _PACKABLE:
        raise BadBlob(f"unknown packed type {typecode!r}")
    if type(values) is not bytes:
        raise BadBlob("packed data is not bytes")
    if len(values) % 8:
        raise BadBlob("packed column of a partial value")
    if mask is not None:
        if type(mask) is not bytes or len(mask) * 8 != len(values) or not set(mask) <= {0, 1}:
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
                + "".join(f"{p} BLOB, " for p in PARTS)
                + "used REAL NOT NULL)"
            )
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS files (folder TEXT NOT NULL, name TEXT NOT NULL, "
                "stat TEXT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (folder, name))"
            )
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

    def file_hashes(self, folder: str) -> dict[str, tuple[str, str]]:
        """{file name: (stat line, sha256)} remembered for the files of ``folder``."""
        try:
            rows = self._db.execute(
                "SELECT name, stat, sha256 FROM files WHERE folder = ?", (folder,)
            ).fetchall()
        except sqlite3.Error:
            return {}
        return {name: (stat, sha) for name, stat, sha in rows}

    def put_file_hashes(
        self, folder: str, changed: Mapping[str, tuple[str, str]], gone: Iterable[str]
    ) -> None:
        """Remember ``changed`` {name: (stat line, sha256)} of ``folder``, forget ``gone``."""
        gone = list(gone)
        if not changed and not gone:
            return
        try:
            with self._transaction():
                self._db.executemany(
                    "INSERT OR REPLACE INTO files (folder, name, stat, sha256) VALUES (?,?,?,?)",
                    [(folder, n, stat, sha) for n, (stat, sha) in changed.items()],
                )
                self._db.executemany(
                    "DELETE FROM files WHERE folder = ? AND name = ?", [(folder, n) for n in gone]
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
