"""The per-document cache: the tables it gives are the computed ones, however the corpus
changed since the store was filled, and nothing in the store is ever executed."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import sqlite3
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import msgpack
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import cache, config, corpus, facts, facttable, store

PARTNERS = ["Germany", "France", "Japan", "Brazil", "Canada", "Russia"]
FIELDS = ["agriculture", "space technology", "public health", "energy", "biotechnology"]


def document(i: int, variant: int = 0) -> str:
    """A small English report with figures; ``variant`` changes its numbers (an edit)."""
    partner, other = PARTNERS[i % len(PARTNERS)], PARTNERS[(i + 2) % len(PARTNERS)]
    year = 1985 + (i * 3) % 25
    n = 40 + 7 * i + 100 * variant
    return (
        f"China and {partner} expand cooperation in {FIELDS[i % len(FIELDS)]}\n\n"
        f"Beijing, {year}. China and {partner} signed {n} cooperation projects in {year}, "
        f"the Ministry of Science and Technology said on Monday.\n\n"
        f"By {year}, China had sent {1200 + 13 * i + variant} students abroad to study "
        f"science and engineering, and more than {30 + i} of them had returned.\n\n"
        f"The two sides also agreed to exchange {15 + i} scientists a year with {other} "
        f"and to open a joint research centre for {FIELDS[(i + 1) % len(FIELDS)]}.\n"
    )


@contextlib.contextmanager
def cache_in(folder: Path):
    """$STBRIEF_CACHE set to ``folder`` for the duration (hypothesis-friendly monkeypatch)."""
    before = os.environ.get(cache.CACHE_ENV)
    os.environ[cache.CACHE_ENV] = str(folder)
    try:
        yield folder
    finally:
        if before is None:
            os.environ.pop(cache.CACHE_ENV, None)
        else:
            os.environ[cache.CACHE_ENV] = before


@pytest.fixture
def cache_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    monkeypatch.delenv(cache.SCHEDULER_ENV, raising=False)
    return folder


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for i in range(4):
        (folder / f"doc{i}.txt").write_text(document(i), encoding="utf-8")
    # a near-copy (the same story re-posted): flagged, never counted twice
    (folder / "doc9_repost.txt").write_text(document(1) + "Source: a partner site\n")
    (folder / "empty.txt").write_text("")
    return folder


def reference(folder: Path):
    """The tables computed from the files, no store involved."""
    return cache.compute(folder)


def entries(folder: Path) -> dict[str, dict]:
    with sqlite3.connect(folder / store.Store.NAME) as db:
        names = [r[1] for r in db.execute("PRAGMA table_info(entries)")]
        return {
            row[0]: dict(zip(names, row, strict=True))
            for row in db.execute("SELECT * FROM entries")
        }


def set_blob(folder: Path, key: str, part: str, blob: bytes) -> None:
    with sqlite3.connect(folder / store.Store.NAME) as db:
        db.execute(f"UPDATE entries SET {part} = ? WHERE key = ?", (blob, key))


def forged(obj) -> bytes:
    """A blob with a valid digest (as anyone who can write the folder could make)."""
    payload = obj if isinstance(obj, bytes) else msgpack.packb(obj, use_bin_type=True)
    return store.MAGIC + hashlib.sha256(payload).digest()[:16] + zlib.compress(payload)


def encode_plain(obj) -> bytes:
    """:func:`store.encode` in one piece (the reference its streaming is checked against)."""
    payload = msgpack.packb(store._plain(obj), use_bin_type=True)
    return store.MAGIC + hashlib.sha256(payload).digest()[:16] + zlib.compress(payload, 1)


def assert_same_tables(got: cache.CorpusTables, want: cache.CorpusTables) -> None:
    assert got.facts.equals(want.facts)
    assert got.docs.equals(want.docs)
    assert got.partner_mentions.equals(want.partner_mentions)
    assert got.theme_mentions.equals(want.theme_mentions)
    assert got.corpus.skipped == want.corpus.skipped
    for a, b in zip(got.corpus, want.corpus, strict=True):
        assert (a.doc_id, a.text, a.original, a.title, a.published) == (
            b.doc_id,
            b.text,
            b.original,
            b.title,
            b.published,
        )
        assert a.sentences == b.sentences and a.removed == b.removed
        assert list(map(tuple, a.segments)) == list(map(tuple, b.segments))
        assert (a.duplicate_of, a.similarity) == (b.duplicate_of, b.similarity)


# --------------------------------------------------------------------------- equal tables
def test_stored_tables_are_the_computed_ones(seeds, cache_folder, monkeypatch):
    want = reference(seeds)
    assert want.facts["duplicate"].any()  # the repost is flagged
    assert_same_tables(cache.corpus_tables(seeds), want)
    assert len(entries(cache_folder)) == 6  # every file, the empty one with its reason

    def no_work(tasks):
        raise AssertionError(f"computed again: {tasks}")

    monkeypatch.setattr(cache, "analyse_files", no_work)
    again = cache.corpus_tables(seeds)  # everything from the store
    assert_same_tables(again, want)
    assert [s.file for s in again.corpus.skipped] == ["empty.txt"]
    table, skipped = cache.facts_for_folder(seeds)
    assert table.equals(want.facts) and [s.file for s in skipped] == ["empty.txt"]


def test_adding_a_document_reads_only_that_document(seeds, cache_folder, monkeypatch):
    cache.facts_for_folder(seeds)
    (seeds / "doc5.txt").write_text(document(5), encoding="utf-8")
    read = []
    real = cache.analyse_files
    monkeypatch.setattr(cache, "analyse_files", lambda tasks: read.extend(tasks) or real(tasks))
    table, _skipped = cache.facts_for_folder(seeds)
    assert [Path(task[0]).name for task in read] == ["doc5.txt"]
    assert table.equals(reference(seeds).facts)


def test_a_refresh_computes_its_new_documents_in_the_warm_process(
    seeds, cache_folder, tmp_path, monkeypatch
):
    monkeypatch.setattr(cache, "_OVERLAP_MIN_STORED", 1)  # the refresh path of a large corpus
    cache.facts_for_folder(seeds)
    (seeds / "doc5.txt").write_text(document(5), encoding="utf-8")
    (seeds / "doc6_repost.txt").write_text(document(0) + "Reposted.\n", encoding="utf-8")
    got = cache.write_facts_csv(seeds, tmp_path / "got.csv")
    config.write_csv(reference(seeds).facts, tmp_path / "want.csv")
    assert (
        got is not None
        and (tmp_path / "got.csv").read_bytes() == (tmp_path / "want.csv").read_bytes()
    )
    assert cache.facts_for_folder(seeds)[0].equals(reference(seeds).facts)


def test_a_catalog_entry_is_part_of_the_key(seeds, cache_folder):
    cache.corpus_tables(seeds)
    (seeds / "catalog.yaml").write_text('doc2.txt:\n  published: "1999-05"\n  title: "Given"\n')
    got = cache.corpus_tables(seeds)
    assert got.corpus.get("doc2").title == "Given"
    assert_same_tables(got, reference(seeds))


OPS = st.lists(
    st.tuples(st.sampled_from(["add", "remove", "edit", "repost"]), st.integers(0, 6)),
    min_size=1,
    max_size=5,
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPS)
def test_incremental_equals_cold_over_adds_removals_and_edits(ops):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = tmp / "seeds"
        folder.mkdir()
        for i in range(3):
            (folder / f"d{i}.txt").write_text(document(i))
        warm = tmp / "warm"
        with cache_in(warm):
            cache.facts_for_folder(folder)
        for step, (op, i) in enumerate(ops):
            path = folder / f"d{i}.txt"
            if op == "add":
                path.write_text(document(i))
            elif op == "remove":
                path.unlink(missing_ok=True)
            elif op == "edit":
                path.write_text(document(i, variant=step + 1))
            else:  # a near-copy of document i under another name
                (folder / f"r{i}.txt").write_text(document(i) + "Reposted.\n")
            with cache_in(warm):
                fast = cache.write_facts_csv(folder, tmp / "fast.csv")
                incremental, skipped = cache.facts_for_folder(folder)
            with cache_in(tmp / f"cold-{step}"):
                cold, cold_skipped = cache.facts_for_folder(folder)
            assert incremental.equals(cold) and skipped == cold_skipped
            config.write_csv(cold, tmp / "cold.csv")
            assert fast is not None and fast == (len(cold), cold_skipped)
            assert (tmp / "fast.csv").read_bytes() == (tmp / "cold.csv").read_bytes()
        assert incremental.equals(facts.facts_table(corpus.load_corpus(folder)))


# --------------------------------------------------------------------------- bad entries
def test_a_corrupt_entry_is_computed_again(seeds, cache_folder):
    want = reference(seeds)
    cache.corpus_tables(seeds)
    key = next(k for k, e in entries(cache_folder).items() if e["facts"] is not None)
    set_blob(cache_folder, key, "facts", b"stb1" + b"\0" * 16 + b"truncated")
    assert_same_tables(cache.corpus_tables(seeds), want)
    assert store.decode(entries(cache_folder)[key]["facts"])["n"] > 0  # written again


def test_a_store_file_that_is_not_a_database_is_set_aside(seeds, cache_folder):
    want = reference(seeds)
    cache_folder.mkdir()
    (cache_folder / store.Store.NAME).write_bytes(b"garbage " * 1000)
    assert_same_tables(cache.corpus_tables(seeds), want)
    assert list(cache_folder.glob(f"{store.Store.NAME}.bad-*"))
    assert len(entries(cache_folder)) == 6


def test_an_entry_of_another_document_is_computed_again(seeds, cache_folder):
    want = reference(seeds)
    cache.corpus_tables(seeds)
    stored = entries(cache_folder)
    doc0, doc1 = (
        next(k for k, e in stored.items() if store.decode(e["info"])["file"] == name)
        for name in ("doc0.txt", "doc1.txt")
    )
    for part in store.PARTS:  # doc0's whole entry under doc1's key
        set_blob(cache_folder, doc1, part, stored[doc0][part])
    assert_same_tables(cache.corpus_tables(seeds), want)
    assert store.decode(entries(cache_folder)[doc1]["info"])["file"] == "doc1.txt"


class _Plant:
    """Unpickling this runs a command: it creates the marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (subprocess.call, (["touch", str(self.marker)],))


def test_a_planted_pickle_is_never_loaded(seeds, cache_folder, tmp_path):
    want = reference(seeds)
    marker = tmp_path / "ran"
    cache.corpus_tables(seeds)
    bomb = pickle.dumps(_Plant(marker))
    assert not marker.exists()
    # where the old cache read its pickles, and in every part of every entry
    (cache_folder / "corpus-0123456789abcdef0123456789abcdef01234567.pickle").write_bytes(bomb)
    for key in entries(cache_folder):
        for part in store.PARTS:
            set_blob(cache_folder, key, part, bomb)
    assert_same_tables(cache.corpus_tables(seeds), want)
    assert not marker.exists()
    assert all(e["document"] != bomb for e in entries(cache_folder).values() if e["document"])


def test_a_crafted_entry_that_names_a_callable_makes_nothing(seeds, cache_folder):
    want = reference(seeds)
    cache.corpus_tables(seeds)
    key = next(k for k, e in entries(cache_folder).items() if e["document"] is not None)
    set_blob(
        cache_folder,
        key,
        "document",
        forged({"~dc": "Popen", "f": {"args": ["touch", "/tmp/stbrief-crafted"]}}),
    )
    with pytest.raises(store.BadBlob, match="unknown type"):
        store.decode(entries(cache_folder)[key]["document"], cache._types())
    assert_same_tables(cache.corpus_tables(seeds), want)
    assert not Path("/tmp/stbrief-crafted").exists()


def test_an_entry_from_another_worker_code_is_refused(seeds, cache_folder, monkeypatch):
    monkeypatch.setattr(cache, "_worker_code_key", lambda: "0" * 64)
    with pytest.raises(RuntimeError, match="another version of stbrief"):
        cache.facts_for_folder(seeds)
    assert not (cache_folder / store.Store.NAME).exists() or not entries(cache_folder)


# --------------------------------------------------------------------------- the codec
JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**64 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(JSONISH)
def test_blobs_give_back_what_they_were_given(value):
    assert store.decode(store.encode(value)) == value


@given(st.binary(max_size=200))
def test_any_bytes_decode_to_a_value_or_bad_blob(data):
    for blob in (data, store.MAGIC + data, forged(data.decode("latin-1")), forged(data)):
        try:
            store.decode(blob, cache._types())
        except store.BadBlob:
            pass


@given(JSONISH | st.text(min_size=1, max_size=50).map(lambda t: t * 30_000))
def test_streamed_blobs_are_the_one_piece_ones(value):
    streamed, whole = store.encode(value), encode_plain(value)
    assert streamed[:20] == whole[:20]  # the digest of the same payload
    assert zlib.decompress(streamed[20:]) == zlib.decompress(whole[20:])


COLUMN = st.one_of(
    st.tuples(st.just("q"), st.lists(st.none() | st.integers(-(2**63), 2**63 - 1))),
    st.tuples(st.just("d"), st.lists(st.none() | st.floats(allow_nan=False) | st.integers(-9, 9))),
    st.tuples(st.none(), st.lists(st.none() | st.text(max_size=5))),
    st.tuples(st.sampled_from(["q", "d", None]), st.lists(st.booleans() | st.text(max_size=2))),
)


@given(COLUMN)
def test_packed_columns_give_back_their_values(case):
    typecode, values = case
    packed = store.pack_column(values, typecode)
    back = store.expand(store.decode(store.encode({"c": packed}))["c"])
    floats = isinstance(packed, store.Packed) and typecode == "d"  # ints there become floats
    assert back == values and [type(v) for v in back] == [
        float if floats and v is not None else type(v) for v in values
    ]
    if any(type(v) is bool for v in values):  # flags are neither numbers nor text here
        assert isinstance(packed, list)


def test_codes_out_of_range_are_a_bad_blob():
    coded = store.pack_column(["a", "b", "a"])
    coded.codes = coded.codes[:-4] + (7).to_bytes(4, "little")
    back = store.decode(store.encode(coded))  # checked where used, all entries at once
    with pytest.raises(store.BadBlob, match="out of range"):
        store.expand(back)
    with pytest.raises(store.BadBlob, match="out of range"):
        cache._decoded_text([store.pack_column(["x"]), back])


def test_the_packed_facts_table_is_the_plain_one(seeds, cache_folder):
    cache.facts_for_folder(seeds)
    tasks, found = cache._collect(seeds, cache._FACT_PARTS)
    kept = [found[t.key] for t in tasks if "skip" not in found[t.key]["info"]]
    assert cache._packed_frame(kept) is not None  # the fast path is taken
    dup = {found[t.key]["info"]["doc_id"]: "" for t in tasks}
    dup["doc9_repost"] = "doc1"  # as near-copy marking finds it
    fast = cache._facts_frame(seeds, tasks, found, dup)
    plain = cache._facts_frame_plain(seeds, tasks, found, dup)
    assert fast["duplicate"].any()
    assert fast.equals(plain) and dict(fast.dtypes) == dict(plain.dtypes)
    assert fast.to_csv(index=False) == plain.to_csv(index=False)


def test_documents_round_trip_with_their_sentences(seeds):
    doc, _title = corpus._read(seeds / "doc0.txt")
    back = store.decode(store.encode(doc), cache._types())
    assert back == doc and back.sentences and isinstance(back.sentences[0], corpus.Sentence)


# --------------------------------------------------------------------------- concurrency
def test_concurrent_fills_share_one_store(seeds, cache_folder):
    for i in range(4, 12):
        (seeds / f"doc{i}.txt").write_text(document(i))
    code = (
        "import sys; from analysis import cache; "
        "t, _ = cache.facts_for_folder(sys.argv[1]); print(len(t))"
    )
    env = {**os.environ, cache.CACHE_ENV: str(cache_folder)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(seeds)], env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    counts = {p.communicate()[0].strip() for p in procs}
    assert all(p.returncode == 0 for p in procs)
    want = reference(seeds).facts
    assert counts == {str(len(want))}
    assert len(entries(cache_folder)) == 14
    assert cache.facts_for_folder(seeds)[0].equals(want)


def test_a_kernel_waits_for_a_running_fill_no_longer_than_its_bound(
    seeds, cache_folder, monkeypatch, capfd
):
    cache_folder.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from filelock import FileLock; "
            "l = FileLock(sys.argv[1]); l.acquire(); print('held', flush=True); time.sleep(120)",
            str(cache_folder / cache.FILL_LOCK),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setenv(cache.WAIT_ENV, "0.5")
        assert_same_tables(cache.corpus_tables(seeds), reference(seeds))
        assert "did not finish within 0.5 s" in capfd.readouterr().err
    finally:
        holder.kill()
        holder.wait()


def test_fill_stores_every_document_for_the_kernel(seeds, cache_folder, monkeypatch):
    proc = subprocess.run(
        [sys.executable, "-m", "analysis.cache", "fill", str(seeds)],
        capture_output=True,
        text=True,
        env={**os.environ, cache.CACHE_ENV: str(cache_folder)},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "filling"
    monkeypatch.setattr(cache, "analyse_files", lambda tasks: pytest.fail("kernel computed"))
    assert_same_tables(cache.corpus_tables(seeds), reference(seeds))


def test_bad_input_is_not_cached(tmp_path, cache_folder):
    from analysis.config import InputError

    with pytest.raises(InputError, match="not a folder"):
        cache.corpus_tables(tmp_path / "missing")
    assert not cache_folder.exists()


def test_a_refresh_needs_no_datasketch(seeds, cache_folder):
    """What datasketch computes once (LSH bands, the check of the numpy MinHash) is kept in the
    store, so a refresh after adding a document does not import it (and scipy): most of a
    refresh's time otherwise."""
    cache.facts_for_folder(seeds)
    (seeds / "doc7.txt").write_text(document(7))
    code = (
        "import sys; from analysis import cache; t, _ = cache.facts_for_folder(sys.argv[1]); "
        "t.to_csv(sys.argv[2], index=False); print('datasketch' in sys.modules)"
    )
    out = cache_folder.parent / "refresh.csv"
    proc = subprocess.run(
        [sys.executable, "-c", code, str(seeds), str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, cache.CACHE_ENV: str(cache_folder)},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"
    import pandas as pd

    assert pd.read_csv(out).equals(
        pd.read_csv(io.StringIO(reference(seeds).facts.to_csv(index=False)))
    )


# --------------------------------------------------------------------------- the CSV path
def test_the_csv_of_stored_rows_is_the_tables(seeds, cache_folder, tmp_path):
    want = tmp_path / "want.csv"
    config.write_csv(reference(seeds).facts, want)
    for _ in range(2):  # computed, then read from the store
        got = cache.write_facts_csv(seeds, tmp_path / "got.csv")
        assert got is not None and [s.file for s in got[1]] == ["empty.txt"]
        assert (tmp_path / "got.csv").read_bytes() == want.read_bytes()


def test_corrections_make_the_table(seeds, cache_folder, tmp_path):
    (seeds / "corrections.yaml").write_text(
        "corrections:\n  - {doc_id: doc0, quote: 'x', scope: agency, actor: CAS}\n"
    )
    assert cache.write_facts_csv(seeds, tmp_path / "got.csv") is None
    assert not (tmp_path / "got.csv").exists()


def test_the_cli_writes_the_tables_csv(seeds, cache_folder, tmp_path, monkeypatch):
    from analysis import cli

    want = tmp_path / "want.csv"
    config.write_csv(reference(seeds).facts, want)
    for _ in range(2):
        assert cli.main(["facts", "--seeds", str(seeds), "--out", str(tmp_path / "o.csv")]) == 0
        assert (tmp_path / "o.csv").read_bytes() == want.read_bytes()
    monkeypatch.setattr(cache, "write_facts_csv", lambda *a, **k: None)  # the table's way
    assert cli.main(["facts", "--seeds", str(seeds), "--out", str(tmp_path / "t.csv")]) == 0
    assert (tmp_path / "t.csv").read_bytes() == want.read_bytes()


TEXT = st.text(st.sampled_from(list("ab ,\"'\n\r\t=+-@é;")), max_size=8)
NUMBER = st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**15), 10**15)
YEAR = st.none() | st.integers(1900, 2100)


@st.composite
def fact_rows(draw):
    rows = []
    for i in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, 50))
        derived = draw(st.booleans())
        low, high = sorted(draw(st.lists(NUMBER, min_size=2, max_size=2)))
        ps, pe = sorted(draw(st.lists(st.integers(1900, 2100), min_size=2, max_size=2)))
        row = {
            "fact_id": f"d:{i}",
            "doc_id": draw(st.sampled_from(["d", "=d", "d,x"])),
            "start": start,
            "end": start + draw(st.integers(1, 9)),
            "sentence": draw(TEXT),
            "quote": draw(TEXT.filter(bool)),
            "value": draw(NUMBER),
            "unit": draw(st.sampled_from(facttable.UNITS)),
            "qualifier": draw(st.sampled_from(facttable.QUALIFIERS)),
            "low": draw(st.sampled_from([None, float("nan"), low])),
            "high": draw(st.sampled_from([None, high])),
            "indicator": draw(st.sampled_from(["coop_projects", facts.UNCLASSIFIED])),
            "year": draw(YEAR),
            "period_start": draw(st.sampled_from([None, ps])),
            "period_end": draw(st.sampled_from([None, pe])),
            "year_basis": draw(st.sampled_from(facttable.YEAR_BASES)),
            "derived_from": "d:0" if derived else "",
            "duplicate": False,
            "scope": draw(st.sampled_from(facttable.SCOPES)),
            "actor": draw(TEXT),
            "measure": draw(st.sampled_from(facttable.MEASURES)),
            "counted": draw(TEXT),
            "published": draw(st.sampled_from(["1998", "-5", ""])),
        }
        rows.append(row)
    return rows


@settings(max_examples=150, deadline=None)
@given(fact_rows())
def test_csv_rows_are_the_tables_lines(rows):
    doc_ids = {r["doc_id"] for r in rows}
    for r in rows:
        r["doc_id"] = min(doc_ids)  # one document
    assert facttable.rows_hold(rows)
    text = facttable.csv_rows(rows)
    want = config.csv_safe(facttable.validate_facts(facttable._frame(rows))).to_csv(index=False)
    got = "".join(h + "False" + t for h, t in zip(text["head"], text["tail"], strict=True))
    assert facttable.csv_header() + got == want
    assert text == csv_rows_plain(rows)


def csv_rows_plain(rows: list[dict]) -> dict:
    """:func:`facttable.csv_rows` with the csv module, a list of cells per row (its plain
    twin)."""
    import csv

    from analysis.config import safe_cell

    def cell(col: str, v) -> str:
        if col in facttable._TEXT_COLUMNS:
            return safe_cell(v)
        if v is None:
            return ""
        if col in facttable._FLOAT_COLUMNS:
            v = float(v)
            return "" if v != v else repr(v)
        return str(int(v))

    order = sorted(
        range(len(rows)), key=lambda i: (rows[i]["start"], rows[i]["derived_from"] != "")
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")  # the dialect pandas' to_csv uses
    at = facttable._DUPLICATE_AT
    heads, tails, ids, claims = [], [], [], []
    for i in order:
        r = rows[i]
        cells = [cell(c, r[c]) for c in facttable.COLUMNS]
        writer.writerow(cells[:at])
        heads.append(buffer.getvalue()[:-1] + ",")
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells[at + 1 :])
        tails.append("," + buffer.getvalue())
        buffer.seek(0)
        buffer.truncate()
        ids.append(r["fact_id"])
        claims.append(
            facttable.claim_key(r["indicator"], r["unit"], r["value"], r["year"], r["year_basis"])
        )
    return {"head": heads, "tail": tails, "ids": ids, "claims": claims}


ANY_TEXT = st.text(max_size=12) | st.text(st.sampled_from(list(",\"\r\n\t=+-@'\x00 a")), max_size=8)


@settings(max_examples=300, deadline=None)
@given(fact_rows(), st.data())
def test_csv_rows_equal_their_plain_twin_on_any_text(rows, data):
    for r in rows:
        for col in ("sentence", "quote", "actor", "counted", "published", "doc_id"):
            r[col] = data.draw(ANY_TEXT)
    assert facttable.csv_rows(rows) == csv_rows_plain(rows)


def test_rows_that_would_fail_the_schema_are_not_kept_as_text():
    good = {
        "fact_id": "d:1", "doc_id": "d", "start": 1, "end": 3, "sentence": "s", "quote": "q",
        "value": 2.0, "unit": "count", "qualifier": "exact", "low": None, "high": None,
        "indicator": facts.UNCLASSIFIED, "year": 1999, "period_start": None,
        "period_end": None, "year_basis": "explicit", "derived_from": "", "duplicate": False,
        "scope": "national", "actor": "", "measure": "level", "counted": "", "published": "",
    }  # fmt: skip
    assert facttable.rows_hold([good])
    for change in (
        {"year": 1800}, {"unit": "parsecs"}, {"start": 5}, {"value": float("inf")},
        {"quote": ""}, {"low": 3.0, "high": 1.0}, {"year": 1999.0}, {"value": True},
        {"period_start": 2001, "period_end": 2000}, {"duplicate": True},
    ):  # fmt: skip
        assert not facttable.rows_hold([{**good, **change}]), change
    assert not facttable.rows_hold([good, good])  # fact_id twice


def files_remembered(cache_folder: Path) -> int:
    with sqlite3.connect(cache_folder / store.Store.NAME) as db:
        return db.execute("SELECT count(*) FROM files").fetchone()[0]


def test_a_file_changed_within_the_racy_window_is_not_remembered(seeds, cache_folder, monkeypatch):
    monkeypatch.setattr(cache, "_RACY_NS", 10**12)  # every file was written just now
    cache.facts_for_folder(seeds)
    assert files_remembered(cache_folder) == 0


def test_a_file_rewritten_with_its_old_stat_is_read_again(
    seeds, cache_folder, tmp_path, monkeypatch
):
    monkeypatch.setattr(cache, "_RACY_NS", 0)  # files written just now count as settled
    path = seeds / "doc0.txt"
    old = path.stat()
    os.utime(path, ns=(old.st_atime_ns - 10**10, old.st_mtime_ns - 10**10))
    stamp = path.stat()
    cache.facts_for_folder(seeds)
    assert files_remembered(cache_folder) == 6
    read = []
    real = cache.analyse_files
    monkeypatch.setattr(cache, "analyse_files", lambda tasks: read.extend(tasks) or real(tasks))
    assert cache.facts_for_folder(seeds)[0].equals(reference(seeds).facts) and not read
    text = path.read_text()
    path.write_text(text.replace("signed", "sealed"))  # the same size
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # and mtime (ctime moves)
    assert path.stat().st_size == stamp.st_size
    table, _skipped = cache.facts_for_folder(seeds)
    assert table.equals(reference(seeds).facts)
    assert "sealed" in " ".join(table["sentence"])
    assert [Path(task[0]).name for task in read] == ["doc0.txt"]


def test_a_corpus_without_figures_has_an_empty_table(tmp_path, cache_folder):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "China and Germany expand cooperation in agriculture. The sides agreed to study "
        "science and engineering together, officials said on Monday in Beijing.\n"
    )
    table, _skipped = cache.facts_for_folder(folder)
    assert table.empty and list(table.columns) == facttable.COLUMNS
    config.write_csv(table, tmp_path / "want.csv")
    assert cache.write_facts_csv(folder, tmp_path / "got.csv") == (0, [])
    assert (tmp_path / "got.csv").read_bytes() == (tmp_path / "want.csv").read_bytes()


def test_an_out_that_cannot_be_written_is_bad_input(seeds, cache_folder, tmp_path):
    from analysis import cli

    (tmp_path / "here.csv").mkdir()  # a folder where the file should go
    assert cli.main(["facts", "--seeds", str(seeds), "--out", str(tmp_path / "here.csv")]) == 2
    assert not list(tmp_path.glob(".here.csv.*"))


def test_nothing_of_a_document_is_kept_once_its_parts_are_made(tmp_path):
    # a big document's lower-cased copy, name starts and last answers would otherwise stand
    # beside its encoded parts and outlive them (peak memory per document: make bench)
    from analysis import classify, partners, scan, themes

    path = tmp_path / "report.txt"
    path.write_text(document(3) * 3, encoding="utf-8")
    parts = cache.analyse_file(str(path), None, True, True)
    assert {"facts", "csv", "mentions", "document"} <= set(parts)
    assert store.decode(parts["facts"])["n"] > 0
    assert scan.view.cache_info().currsize == 0
    name_starts = getattr(partners, "_name_starts", None)  # partners may keep none
    assert name_starts is None or name_starts.cache_info().currsize == 0
    assert themes._LAST_YEARS is None and classify._REPORTED[0] is None


# --------------------------------------------------------------------------- near-copies
def test_lsh_bands_without_datasketch_are_datasketchs():
    from datasketch.lsh import _optimal_param

    module = cache._nearcopies()
    size = module._settings()["num_perm"]
    assert cache._lsh_ranges(module, size) == module.lsh_bands(size)

    class Settings:  # other thresholds than the lexicon's, as lsh_bands derives them
        def __init__(self, threshold):
            self.threshold = threshold

        def _settings(self):
            return {"threshold": self.threshold}

    checked = 0
    for num_perm in (16, 64, 128):
        for threshold in [i / 20 for i in range(1, 20)]:
            got = cache._lsh_ranges(Settings(threshold), num_perm)
            if got is None:  # too close to call here: datasketch decides
                continue
            b, r = _optimal_param(min(threshold, 0.9) * 0.8, num_perm, 0.5, 0.5)
            assert got == [(i * r, (i + 1) * r) for i in range(b)], (num_perm, threshold)
            checked += 1
    assert checked >= 50


def near_copy_signatures(n: int, seed: int) -> list:
    """Signatures of documents and edited copies of them (copies of copies, same dates)."""
    import random

    rng = random.Random(seed)
    module = cache._nearcopies()
    texts = []
    for _ in range(n):
        if texts and rng.random() < 0.5:
            words = rng.choice(texts).split(" ")
            for _ in range(rng.randrange(0, 6)):  # a few words edited
                words[rng.randrange(len(words))] = rng.choice(["new", "old", "1999"])
            texts.append(" ".join(words))
        else:
            texts.append(document(rng.randrange(40), rng.randrange(3)) * rng.randrange(1, 3))
    stored = [cache._signature(t, "", True) for t in texts]
    sigs = [
        module.Signature(f"d{i:03}", f"d{i:03}.txt", rng.choice(["1998", "2001", ""]), mh)
        for i, mh in enumerate(cache._light_minhashes(stored))
    ]
    return stored, sigs


@pytest.mark.parametrize("seed", range(4))
def test_near_copies_from_one_search_are_mark_duplicates(seed):
    import dataclasses

    module = cache._nearcopies()
    stored, sigs = near_copy_signatures(40, seed)
    bands = cache._bands(stored)
    kept = [cache._Task(s.file, None, s.doc_id, 0, "") for s in sigs]
    state = cache._near_state(kept, sigs, bands, module)
    plain = [  # datasketch's MinHash objects
        dataclasses.replace(s, minhash=mh)
        for s, mh in zip(sigs, cache._minhashes(stored), strict=True)
    ]
    module.mark_duplicates_plain(plain)  # datasketch's LSH, one query per document
    want = {s.doc_id: s.duplicate_of or "" for s in plain}
    assert any(want.values())
    assert state is not None and cache._marked(state) == want


@pytest.mark.parametrize(
    "value",
    [
        list(range(5000)),
        ["é" * 3, None, 7, 1.5, b"x", True] * 900,
        ["a" * 70_000, "’ b" * 30_000] + ["c"] * 2000,
        {"text": "Zhōngguó — 中国 ’s " * 9000, "n": [1.0] * 3000},
        "x" * (1 << 16) + "y",
    ],
)
def test_long_lists_and_texts_in_pieces_are_msgpack(value):
    # store._pieces packs long lists a run at a time and long texts a piece at a time
    streamed, whole = store.encode(value), encode_plain(value)
    assert streamed[:20] == whole[:20]
    assert zlib.decompress(streamed[20:]) == zlib.decompress(whole[20:])


def test_a_long_text_with_a_lone_surrogate_fails_as_in_msgpack():
    text = "a" * 70_000 + "\ud800"
    with pytest.raises(UnicodeEncodeError):
        encode_plain(text)
    with pytest.raises(UnicodeEncodeError):
        store.encode(text)


def _encode_in_pieces(value):
    # store.encode with its small-payload path off: every payload through store._pieces
    real = store._rough_size
    store._rough_size = lambda data, budget: budget
    try:
        return store.encode(value)
    finally:
        store._rough_size = real


@given(JSONISH | st.text(min_size=1, max_size=50).map(lambda t: t * 3_000))
def test_small_payloads_packed_at_once_are_the_pieced_blobs(value):
    assert store.encode(value) == _encode_in_pieces(value)


@pytest.mark.parametrize(
    "value",
    [
        list(range(5000)),
        ["é" * 3, None, 7, 1.5, b"x", True] * 900,
        {"text": "x" * 200_000, "n": [1.0] * 3000},
        {"a": ["y" * 60_000] * 3, "b": {"c": list(range(40_000))}},
        "x" * (1 << 16) + "y",
    ],
)
def test_payloads_near_the_flush_size_are_the_pieced_blobs(value):
    assert store.encode(value) == _encode_in_pieces(value)


def test_document_and_facts_blobs_are_the_pieced_ones():
    for path in sorted((config.ROOT / "seeds").glob("*.txt"))[:6]:
        doc, _title = corpus._read(path, None)
        rows = facts.extract_facts(doc)
        text = facttable.csv_rows(rows)
        doc.minhash = None
        for value in (doc, cache._packed_facts(rows), text):
            assert store.encode(value) == _encode_in_pieces(value)
