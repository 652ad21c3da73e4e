"""Near-copies: MinHash signatures of documents' word shingles, and near-duplicate marking."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from analysis import scan
from analysis.config import load_lexicon


@dataclass(slots=True)
class Signature:
    """What :func:`mark_duplicates` needs of a document, without its text (the streaming
    table builders and the per-document store mark near-copies from these alone)."""

    doc_id: str
    file: str
    published: str
    minhash: Any
    duplicate_of: str = ""
    similarity: float = 0.0


def _settings() -> dict[str, Any]:
    """The ``duplicates`` settings of the corpus lexicon (shingle_words, num_perm, threshold)."""
    return load_lexicon("corpus")["duplicates"]


def _shingles(text: str, k: int) -> list[bytes]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    if len(words) < k:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)]


# bytes -> itself for [0-9a-z], else a blank: the words of _shingles are the runs left
_WORD_BYTES = bytes(c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256))
_MINHASH_CHUNK = 1024  # shingles per (chunk x num_perm) array: bounds memory, fits in cache
_HASH_PIECE = 1 << 16  # bytes of text whose words are hashed at once (bounds temporaries)
# as _WORD_BYTES, A-Z lower-cased too
_LOWER_WORD_BYTES = bytes(
    c + 32 if 65 <= c <= 90 else c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256)
)


_MINHASH_SEED = 1  # MinHash(num_perm)'s default seed, the one minhash() uses

# The shingle hash. SHA-1 per shingle (datasketch's default) cost a Python call per shingle:
# a quarter of all extraction time. This hash is computed for a whole document at once in
# numpy: a word is the polynomial sum(byte_i * P**i) mod 2**64, a shingle the sum of its k
# word hashes times Q**j, and its high 32 bits go to datasketch (which mixes them with
# murmur3's fmix32 before its permutations). :func:`shingle_hash32` is the same function
# one shingle at a time, given to datasketch as ``hashfunc``; the two are checked equal.
_P = 0x100000001B3  # odd (the FNV-1 prime), so invertible mod 2**64
_Q = 0x9E3779B97F4A7C15  # odd (the 64-bit golden ratio)
_M64 = (1 << 64) - 1


def shingle_hash32(shingle: bytes) -> int:
    """datasketch ``hashfunc`` of one shingle (its words joined by single blanks)."""
    x, q = 0, 1
    for word in shingle.split(b" "):
        h, p = 0, 1
        for byte in word:
            h = (h + byte * p) & _M64
            p = (p * _P) & _M64
        x = (x + h * q) & _M64
        q = (q * _Q) & _M64
    return x >> 32


@functools.cache
def _powers_q(k: int):
    import numpy as np

    return np.array([pow(_Q, j, 1 << 64) for j in range(k)], dtype=np.uint64)


def _word_bytes(text: str, title: str = "") -> bytes:
    """The body's UTF-8 bytes lower-cased, every byte outside [0-9a-z] a blank: the words of
    _shingles are its runs (the first occurrence of ``title`` is left out, as a blank).

    Lower-cased byte by byte: ``str.lower()`` turns only A-Z and the :data:`scan.FOLD_SPECIAL`
    characters into ASCII letters (a text holding one of those takes ``lower()``), and it
    spares a copy of the text at twice its size."""
    if scan.has_fold_special(text):
        body = text.replace(title, " ", 1) if title else text
        return body.lower().encode().translate(_WORD_BYTES)
    i = text.find(title) if title else -1
    if i < 0:
        return text.encode().translate(_LOWER_WORD_BYTES)
    data = text.encode()
    a = len(text[:i].encode())
    return b" ".join(
        (
            data[:a].translate(_LOWER_WORD_BYTES),
            data[a + len(title.encode()) :].translate(_LOWER_WORD_BYTES),
        )
    )


_P_INV = pow(_P, -1, 1 << 64)  # P is odd: invertible mod 2**64


@functools.cache
def _power_tables(n: int):
    """(P**i, P**-i) mod 2**64 for i < n (n a power of two: a few sizes are cached), uint64."""
    import numpy as np

    up = np.full(n, _P, dtype=np.uint64)
    up[0] = 1
    down = np.full(n, _P_INV, dtype=np.uint64)
    down[0] = 1
    return np.cumprod(up, dtype=np.uint64), np.cumprod(down, dtype=np.uint64)


def _word_hashes(data):
    """The polynomial hash of every [0-9a-z] run of ``data`` (bytes as :func:`_word_bytes`
    makes them), uint64: about 20 bytes of temporaries per byte of ``data``.

    A word's hash ``sum(byte_i * P**i)`` is ``(G[end] - G[start]) * P**-start`` with ``G``
    the running sum of ``byte_g * P**g`` over the whole piece (all mod 2**64): one product
    and one running sum over the bytes, the rest per word. :func:`_word_hashes_plain`
    computes it word by word (the reference)."""
    import numpy as np

    n = len(data)
    # a word starts or ends where a byte's being a letter differs from its left neighbour's,
    # blanks assumed beyond both ends: one comparison of the bytes padded with a blank
    # (np.diff with prepend/append made copies and cost more than the hashing, per document)
    letter = np.frombuffer(b" " + data + b" ", dtype=np.uint8) != 32
    edges = np.flatnonzero(letter[1:] != letter[:-1])
    if not len(edges):
        return np.empty(0, dtype=np.uint64)
    starts, ends = edges[::2], edges[1::2]
    up, down = _power_tables(1 << max(n - 1, 1).bit_length())
    total = np.zeros(n + 1, dtype=np.uint64)
    np.multiply(np.frombuffer(data, dtype=np.uint8), up[:n], out=total[1:])
    np.cumsum(total, out=total)
    return (total[ends] - total[starts]) * down[starts]


def _word_hashes_plain(data: bytes) -> list[int]:
    """:func:`_word_hashes` one word at a time in Python (the reference)."""
    out = []
    for word in data.split():
        h, p = 0, 1
        for byte in word:
            h = (h + byte * p) & _M64
            p = (p * _P) & _M64
        out.append(h)
    return out


def _shingle_hashes(text: str, title: str = ""):
    """``shingle_hash32`` of every shingle of the body (what _shingles makes), in numpy.

    Words are hashed a piece of the text at a time (pieces end at a blank), so the
    temporaries stay a bounded size whatever the document's length."""
    import numpy as np

    k = _settings()["shingle_words"]
    data = _word_bytes(text, title)
    if len(data) <= _HASH_PIECE:  # one piece: no concatenation (most documents)
        words = _word_hashes(data)
    else:
        parts = [_word_hashes(data[a:b]) for a, b in scan.pieces(data, _HASH_PIECE, b" ")]
        words = np.concatenate(parts) if parts else np.empty(0, dtype=np.uint64)
        del parts
    del data
    if not len(words):
        return np.empty(0, dtype=np.uint32)
    shift = np.uint64(32)
    if len(words) < k:
        total = (words * _powers_q(len(words))).sum(dtype=np.uint64)
        return np.array([total >> shift], dtype=np.uint32)
    q = _powers_q(k)
    count = len(words) - k + 1
    x = words[:count] * q[0]
    step = np.empty(count, dtype=np.uint64)
    for j in range(1, k):
        np.multiply(words[j : j + count], q[j], out=step)
        x += step
    del step, words
    x >>= shift
    return x.astype(np.uint32)


@functools.cache
def _affine32(num_perm: int, seed: int = _MINHASH_SEED):
    """datasketch's "affine32" MinHash arithmetic in numpy alone: (permutations, empty hash
    values, update). ``update(hashes)`` takes the 32-bit hashes of the shingles and gives
    the hash values ``update_batch`` gives (murmur3 fmix32, then a * h + b mod 2**32, the
    minimum over shingles), a chunk of shingles at a time.

    It copies datasketch's code, so :func:`_minhash_kit` checks it against datasketch before
    minhash() uses it, and facts_for_folder checks it before trusting workers' values.
    """
    import numpy as np

    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    empty = np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    # one row per permutation, one column per shingle: each product and sum runs along a
    # row of shingles, and the minimum of a row is a contiguous reduction (per-shingle rows
    # of 128 permutations cost a sixth more, with the caches cold between documents)
    a_col, b_col = a[:, None].copy(), b[:, None].copy()
    buf = np.empty(_MINHASH_CHUNK * num_perm, dtype=np.uint32)
    m1, m2 = np.uint32(0x85EBCA6B), np.uint32(0xC2B2AE35)

    def update(hashes):
        hv = np.sort(hashes)  # each value once: the same minimum, repeats cost nothing
        if len(hv) > 1:
            keep = np.empty(len(hv), dtype=bool)
            keep[0] = True
            np.not_equal(hv[1:], hv[:-1], out=keep[1:])
            hv = hv[keep]
        hv ^= hv >> np.uint32(16)  # fmix32
        hv *= m1
        hv ^= hv >> np.uint32(13)
        hv *= m2
        hv ^= hv >> np.uint32(16)
        out = empty
        for i in range(0, len(hv), _MINHASH_CHUNK):
            chunk = hv[i : i + _MINHASH_CHUNK]
            x = buf[: len(chunk) * num_perm].reshape(num_perm, len(chunk))
            np.multiply(a_col, chunk, out=x)
            np.add(x, b_col, out=x)
            out = np.minimum(out, x.min(axis=1))
        return out

    return np.array([a, b]), empty, update


@functools.cache
def _minhash_kit(num_perm: int):
    """(an empty MinHash to copy, the fast exact update or None), once per process.

    ``MinHash(num_perm)`` draws its permutations from a seeded RandomState every time (0.2
    ms); copies share them. The update of :func:`_affine32` is used only if its permutations
    are the template's and, on a probe, numpy's shingle hashes are :func:`shingle_hash32`'s
    and its hash values are those of ``update_batch``.
    """
    import numpy as np
    from datasketch import MinHash

    template = MinHash(num_perm=num_perm, hashfunc=shingle_hash32)
    try:
        if getattr(template, "scheme", None) != "affine32" or template.seed != _MINHASH_SEED:
            return template, None
        perms, empty, update = _affine32(num_perm, template.seed)
        same = (
            isinstance(template.permutations, np.ndarray)
            and template.permutations.dtype == perms.dtype
            and np.array_equal(template.permutations, perms)
            and template.hashvalues.dtype == empty.dtype
            and np.array_equal(template.hashvalues, empty)
        )
        probe = "Since reform and opening up, 2,000 İstanbul x y of 1990 ... " * 40
        shingles = _shingles(probe, _settings()["shingle_words"])
        hashes = _shingle_hashes(probe)
        ref = template.copy()
        ref.update_batch(shingles)
        got = update(hashes)
        if (
            not same
            or hashes.tolist() != [shingle_hash32(s) for s in shingles]
            or got.dtype != ref.hashvalues.dtype
            or not np.array_equal(got, ref.hashvalues)
        ):
            return template, None
        return template, update
    except Exception:  # noqa: BLE001 - any surprise in datasketch: its public API
        return template, None


def minhash(text: str, title: str = ""):
    """A datasketch MinHash of the body's word shingles (the title left out: reposts retitle)."""
    cfg = _settings()
    template, update = _minhash_kit(cfg["num_perm"])
    m = template.copy()
    if update is None:
        body = text.replace(title, " ", 1) if title else text
        shingles = _shingles(body, cfg["shingle_words"])
        if shingles:
            m.update_batch(shingles)
        return m
    m.hashvalues = update(_shingle_hashes(text, title))
    return m


class LightMinHash:
    """A document's MinHash values as near-copy marking and :func:`similarity_matrix` read
    them (``hashvalues``, ``seed``, ``scheme``, ``len``, ``jaccard``: datasketch's), made with
    numpy alone: importing datasketch imports scipy, 45 MB, nine times a 5 MB document."""

    __slots__ = ("hashvalues", "seed", "scheme")

    def __init__(self, hashvalues, seed: int = _MINHASH_SEED, scheme: str | None = "affine32"):
        self.hashvalues, self.seed, self.scheme = hashvalues, seed, scheme

    def __len__(self) -> int:
        return len(self.hashvalues)

    def jaccard(self, other) -> float:
        """``MinHash.jaccard``: the share of equal hash values."""
        import numpy as np

        if getattr(other, "scheme", None) != self.scheme or other.seed != self.seed:
            raise ValueError("Cannot compute Jaccard given MinHash of another scheme or seed")
        if len(self) != len(other):
            raise ValueError("Cannot compute Jaccard given MinHash of another length")
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / float(len(self))

    def __eq__(self, other: object) -> bool:
        import numpy as np

        return (
            hasattr(other, "hashvalues")
            and getattr(other, "scheme", None) == self.scheme
            and getattr(other, "seed", None) == self.seed
            and np.array_equal(self.hashvalues, other.hashvalues)
        )

    __hash__ = None  # type: ignore[assignment] - mutable values, as datasketch's

    def __repr__(self) -> str:
        return f"LightMinHash({len(self)} values, seed={self.seed}, scheme={self.scheme!r})"


# datasketch versions whose MinHash (scheme "affine32", seed 1) the numpy arithmetic is known
# to compute: tests/test_nearcopies.py checks that the installed one is here and agrees. With
# another version, :func:`numpy_minhash_ok` asks datasketch itself (:func:`_minhash_kit`).
CHECKED_DATASKETCH = ("2.0.0",)
# a probe text and the SHA-256 of its MinHash values (little-endian uint32) per num_perm, as
# datasketch 2.0.0 computes them: the numpy arithmetic of this process is checked on it
_PROBE = "Since reform and opening up, 2,000 İstanbul x y of 1990 ... " * 40
PROBE_SHA256 = {128: "047af8684ac90250a8a9b4c30d3a069973837fa7493a6a9e3817b5b144c76be3"}


@functools.cache
def _datasketch_version() -> str | None:
    from importlib import metadata

    try:
        return metadata.version("datasketch")
    except metadata.PackageNotFoundError:
        return None


def _probe_sha256(num_perm: int) -> str:
    import hashlib

    import numpy as np

    values = _affine32(num_perm)[2](_shingle_hashes(_PROBE))
    return hashlib.sha256(np.asarray(values, dtype="<u4").tobytes()).hexdigest()


def numpy_minhash_ok() -> bool:
    """Whether :func:`_minhash_values` (numpy alone) gives datasketch's MinHash values here:
    known without importing datasketch when its installed version is one of
    :data:`CHECKED_DATASKETCH` and this process's numpy arithmetic gives the probe's known
    values; else datasketch's own check (:func:`_minhash_kit`, which imports it)."""
    num_perm = _settings()["num_perm"]
    if _datasketch_version() in CHECKED_DATASKETCH and num_perm in PROBE_SHA256:
        try:
            if _probe_sha256(num_perm) == PROBE_SHA256[num_perm]:
                return True
        except Exception:  # noqa: BLE001 - any surprise: datasketch decides
            pass
    return _minhash_kit(num_perm)[1] is not None


def signature(text: str, title: str = "", numpy_ok: bool | None = None):
    """The document's MinHash (the title left out), as :func:`minhash` computes it: a
    :class:`LightMinHash` made with numpy alone when ``numpy_ok`` (default
    :func:`numpy_minhash_ok`), else datasketch's ``MinHash``. The two hold the same values
    and mark the same near-copies."""
    if numpy_ok is None:
        numpy_ok = numpy_minhash_ok()
    if not numpy_ok:
        return minhash(text, title)
    return LightMinHash(_minhash_values(text, title))


def _minhash_values(text: str, title: str = ""):
    """``minhash(text, title).hashvalues`` without datasketch (numpy alone: a worker does not
    import it); valid only when :func:`_minhash_kit` has a fast update (checked by the
    caller)."""
    return _affine32(_settings()["num_perm"])[2](_shingle_hashes(text, title))


def _order_key(doc) -> tuple[str, str]:
    return (doc.published or "9999", doc.file)


def _lsh(docs: list, threshold: float):
    from datasketch import MinHashLSH

    return MinHashLSH(threshold=min(threshold, 0.9) * 0.8, num_perm=docs[0].minhash.hashvalues.size)


def mark_duplicates_plain(docs: list) -> None:
    """:func:`mark_duplicates` with datasketch alone: one LSH query and ``jaccard`` per
    candidate. The reference the fast path is tested against, and its fallback."""
    if len(docs) < 2:
        return
    threshold = _settings()["threshold"]
    lsh = _lsh(docs, threshold)
    by_id = {d.doc_id: d for d in docs}
    order = sorted(docs, key=_order_key)
    rank = {d.doc_id: i for i, d in enumerate(order)}
    for d in order:
        best, best_sim = None, 0.0
        # candidates in document order: of equally similar ones, the earliest wins
        for other_id in sorted(lsh.query(d.minhash), key=rank.__getitem__):
            sim = d.minhash.jaccard(by_id[other_id].minhash)
            if sim > best_sim:
                best, best_sim = by_id[other_id], sim
        d.similarity = round(best_sim, 3)
        if best is not None and best_sim >= threshold:
            d.duplicate_of = best.duplicate_of or best.doc_id
        lsh.insert(d.doc_id, d.minhash)


def lsh_bands(num_perm: int) -> list[tuple[int, int]]:
    """The band ranges of the LSH index :func:`mark_duplicates` builds (imports datasketch,
    which computes them; analysis.cache keeps them as data for ``bands``)."""
    from datasketch import MinHashLSH

    threshold = min(_settings()["threshold"], 0.9) * 0.8  # as _lsh
    return [(int(a), int(b)) for a, b in MinHashLSH(threshold, num_perm).hashranges]


def mark_duplicates(docs: list, bands=None) -> None:
    """Set ``duplicate_of`` (the earlier document, by date then file name) and ``similarity``.

    ``bands`` (optional, from analysis.cache): an object with the ``h`` and ``hashranges``
    of the LSH index (:func:`lsh_bands`), for signatures that are not datasketch MinHash
    objects but have their ``hashvalues`` (uint64), ``seed``, ``scheme`` and length.

    A document is a near-copy of its most similar earlier candidate (of equally similar
    ones, the earliest), or of that one's original. Candidate pairs come from MinHash LSH,
    so large corpora are not compared all-to-all;
    ``similarity`` is a document's highest estimated Jaccard similarity to an earlier
    document that LSH offers as a candidate: 0.0 when no earlier document comes near the
    threshold (:func:`similarity_matrix` has every pair, however low).
    The candidates' similarities are counted with numpy, all at once per document; the
    result is :func:`mark_duplicates_plain`'s.
    """
    if len(docs) < 2:
        return
    threshold = _settings()["threshold"]
    lsh = _lsh(docs, threshold) if bands is None else bands
    order = sorted(docs, key=_order_key)
    best_of = _best_candidates(order, lsh)
    if best_of is None:  # signatures the fast path does not cover
        mark_duplicates_plain(docs)
        return
    size = float(len(docs[0].minhash))
    for i, d in enumerate(order):
        equal, tied = best_of[i]
        best, best_sim = None, 0.0
        if equal:
            best_sim = float(equal) / size  # MinHash.jaccard
            best = order[int(tied[0])]  # of equally similar ones, the earliest
        d.similarity = round(best_sim, 3)
        if best is not None and best_sim >= threshold:
            d.duplicate_of = best.duplicate_of or best.doc_id


def _best_candidates(order: list, lsh):
    """For each document (in ``order``): (hash values equal to the most similar earlier LSH
    candidate's, indices of all earlier candidates with that many), or None when the
    signatures are not all alike (then :func:`mark_duplicates` queries the LSH itself).

    The candidates are exactly ``lsh.query``'s: the earlier documents whose hash values in
    some band all equal this one's. Buckets come from sorting; similarities are counted
    with numpy over each document's candidates at once, not one ``jaccard`` call each.
    """
    import numpy as np

    first = order[0].minhash
    n, size = len(order), len(first)
    if len({d.doc_id for d in order}) != n or lsh.h != size or not lsh.hashranges:
        return None
    for d in order:
        m = d.minhash
        if (
            getattr(m, "scheme", None) != getattr(first, "scheme", None)
            or m.seed != first.seed
            or len(m) != size
            or not isinstance(m.hashvalues, np.ndarray)
            or m.hashvalues.dtype != first.hashvalues.dtype
            or m.hashvalues.dtype.kind not in "ui"
        ):
            return None
    hv = np.stack([d.minhash.hashvalues for d in order])
    # equality-preserving small ids per hash position (less memory to gather)
    ids = np.empty((n, size), dtype=np.uint16 if n < 2**16 else np.uint32)
    for k in range(size):
        ids[:, k] = np.unique(hv[:, k], return_inverse=True)[1].ravel()
    members, slot, bucket_start = [], [], []
    for start, end in lsh.hashranges:
        band = np.ascontiguousarray(hv[:, start:end])
        keys = band.view(np.dtype((np.void, band.dtype.itemsize * (end - start)))).ravel()
        bucket = np.unique(keys, return_inverse=True)[1].ravel()
        sorted_ = np.lexsort((np.arange(n), bucket))  # by bucket, then document order
        b_sorted = bucket[sorted_]
        starts = np.flatnonzero(np.r_[True, b_sorted[1:] != b_sorted[:-1]])
        first_slot = np.repeat(starts, np.diff(np.r_[starts, n]))
        where = np.empty(n, dtype=np.int64)
        where[sorted_] = np.arange(n)
        begin = np.empty(n, dtype=np.int64)
        begin[sorted_] = first_slot
        members.append(sorted_)
        slot.append(where)
        bucket_start.append(begin)
    # rows become Python lists one document at a time (fast to zip; whole-matrix lists would
    # leave tens of MB of small ints behind in a large corpus)
    slot_m = np.stack(slot, axis=1)
    begin_m = np.stack(bucket_start, axis=1)
    lanes = np.uint64(0x0101010101010101)
    out: list[tuple[int, Any]] = [(0, ())] * n

    def best_for(indices) -> None:
        mask = np.zeros(n, dtype=bool)
        for i in indices:
            parts = [
                members[j][b:e]
                for j, (b, e) in enumerate(
                    zip(begin_m[i].tolist(), slot_m[i].tolist(), strict=True)
                )
                if e > b
            ]
            if not parts:
                continue
            cand = np.concatenate(parts)
            mask[cand] = True
            cand = np.flatnonzero(mask[:i])  # the union, in document order
            mask[cand] = False
            same = ids[cand] == ids[i]
            if size % 8 == 0 and size < 256:  # count the equal positions 8 bytes at a time
                equal = (same.view(np.uint64).sum(axis=1) * lanes) >> np.uint64(56)
            else:
                equal = np.count_nonzero(same, axis=1)
            top = int(equal.max())
            out[i] = (top, cand[equal == top] if top else ())

    # documents are independent here, and numpy lets go of the GIL on large arrays: two
    # threads share the work (interleaved, so both get early and late documents)
    threads = 2 if n >= 2000 else 1
    if threads == 1:
        best_for(range(n))
    else:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(best_for, [range(t, n, threads) for t in range(threads)]))
    return out


def similarity_matrix(corpus):
    """Estimated Jaccard similarity of every pair of documents (a square DataFrame)."""
    import pandas as pd

    ids = [d.doc_id for d in corpus]
    rows = [[a.minhash.jaccard(b.minhash) for b in corpus] for a in corpus]
    return pd.DataFrame(rows, index=ids, columns=ids)
