"""Near-copies: MinHash signatures and near-duplicate marking (fast paths against datasketch)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import corpus, nearcopies
from analysis.config import ROOT

SEEDS = ROOT / "seeds"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def english(n: int = 1) -> str:
    base = (
        "China and its partners signed an agreement on joint research in the field of energy. "
        "The two sides have agreed to exchange scientists and to open a laboratory in the city. "
    )
    return base * n


# ------------------------------------------------------------------ duplicates
STORY = (
    "Scientists from China and Germany opened a joint laboratory for new energy research on "
    "Monday. The laboratory will study solar cells, batteries and the storage of power for "
    "cities. Both governments will fund the work for five years, and twenty researchers from "
    "each side will move to the new site. Officials said the project builds on an agreement "
    "signed last year and on a long record of exchanges between universities of the two "
    "countries. The first results are expected within two years, and industry partners have "
    "been invited to join the work on batteries and grids."
)


def test_near_copy_is_marked_and_same_subject_is_not(tmp_path: Path) -> None:
    write(tmp_path, "a_original.txt", f"Joint Lab Opens\n\nBerlin, 3 May 2010. {STORY}\n")
    repost = STORY.replace("Monday", "Tuesday").replace("twenty", "25").replace("cities", "towns")
    write(
        tmp_path,
        "b_repost.txt",
        f"Germany and China Open Energy Lab\n\nXinhua, 5 May 2010. {repost}\n",
    )
    other = (
        "Scientists from China and Germany discussed new energy research at a conference. "
        "Solar power and batteries were on the agenda, as was the exchange of students between "
        "universities. Officials from both countries praised the long record of cooperation and "
        "said that further agreements would follow in the coming years."
    )
    write(tmp_path, "c_other.txt", f"Energy Conference\n\nMunich, 9 May 2010. {other}\n")
    result = corpus.load_corpus(tmp_path)
    b = result.get("b_repost")
    assert b.duplicate_of == "a_original"
    assert b.similarity >= 0.6
    assert result.get("a_original").duplicate_of == ""
    assert result.get("c_other").duplicate_of == ""


@pytest.mark.parametrize(
    "text",
    [
        "",
        "one two",
        "one two three four five",
        english(3),
        "Zürich 2,000 İstanbul K é " * 50,
        english(1) * 2000,
    ],
)
def test_fast_minhash_is_update_batch(text: str) -> None:
    from datasketch import MinHash

    expected = MinHash(
        num_perm=nearcopies._settings()["num_perm"], hashfunc=nearcopies.shingle_hash32
    )
    shingles = nearcopies._shingles(text, nearcopies._settings()["shingle_words"])
    if shingles:
        expected.update_batch(shingles)
    assert nearcopies.minhash(text) == expected
    assert (nearcopies._minhash_values(text) == expected.hashvalues).all()  # numpy alone
    title = text[:30]
    assert (
        nearcopies._minhash_values(text, title) == nearcopies.minhash(text, title).hashvalues
    ).all()


@given(st.text(alphabet="ab Zz09 ,.İé\n-ſ", max_size=300))
def test_numpy_shingle_hashes_are_the_hashfunc(text: str) -> None:
    # the whole-document numpy hash and datasketch's per-shingle hashfunc agree
    shingles = nearcopies._shingles(text, nearcopies._settings()["shingle_words"])
    assert nearcopies._shingle_hashes(text).tolist() == [
        nearcopies.shingle_hash32(s) for s in shingles
    ]


@given(
    st.text(alphabet="ab Zz09 ,.İé\n-ſK", max_size=300),
    st.text(alphabet="ab Z9 .", max_size=12),
    st.integers(1, 9),
)
def test_shingle_hashes_in_pieces_are_the_whole(text: str, title: str, piece: int) -> None:
    # words hashed a piece at a time (bounded memory) give what the shingles of the body give
    import unittest.mock

    body = text.replace(title, " ", 1) if title else text
    shingles = nearcopies._shingles(body, nearcopies._settings()["shingle_words"])
    with unittest.mock.patch.object(nearcopies, "_HASH_PIECE", piece):
        got = nearcopies._shingle_hashes(text, title).tolist()
    assert got == [nearcopies.shingle_hash32(s) for s in shingles]


def test_mark_duplicates_is_the_reference_with_ties() -> None:
    import random
    from dataclasses import dataclass

    import numpy as np
    from datasketch import MinHash

    @dataclass
    class Sig:
        doc_id: str
        file: str
        published: str
        minhash: object
        duplicate_of: str = ""
        similarity: float = 0.0

    rng = random.Random(5)
    template = MinHash(num_perm=128)
    roots = [rng.getrandbits(32) for _ in range(128)]
    docs = []
    for i in range(300):
        # a few families of near-copies; several docs tie with different originals
        base = np.array(roots, dtype=np.uint32)
        family = i % 4
        base[family * 20 : family * 20 + 20] = rng.getrandbits(16)
        hv = base.copy()
        for k in rng.sample(range(128), rng.choice([0, 10, 30, 50, 90])):
            hv[k] = rng.getrandbits(32)
        mh = MinHash(hashvalues=hv, permutations=template.permutations, scheme=template.scheme)
        docs.append(Sig(f"d{i:03d}", f"d{i:03d}.txt", f"20{i % 7:02d}", mh))
    for t in range(6):  # A and B share 40 values; C takes 44 more from each: a tie at 84
        a = np.array([rng.getrandbits(32) for _ in range(128)], dtype=np.uint32)
        b = np.array([rng.getrandbits(32) for _ in range(128)], dtype=np.uint32)
        b[:40] = a[:40]
        c = a.copy()
        c[84:] = b[84:]
        for name, hv in (("a", a), ("b", b), ("c", c)):
            mh = MinHash(hashvalues=hv, permutations=template.permutations, scheme=template.scheme)
            docs.append(Sig(f"t{t}{name}", f"t{t}{name}.txt", f"2010-0{t + 1}", mh))
    reference = [Sig(d.doc_id, d.file, d.published, d.minhash) for d in docs]
    nearcopies.mark_duplicates_plain(reference)
    nearcopies.mark_duplicates(docs)
    assert [(d.duplicate_of, d.similarity) for d in docs] == [
        (d.duplicate_of, d.similarity) for d in reference
    ]
    assert sum(1 for d in docs if d.duplicate_of) > 100
    assert all(d.duplicate_of for d in docs if d.doc_id[0] == "t" and d.doc_id[-1] == "c")


def test_numpy_minhash_is_known_for_the_installed_datasketch() -> None:
    # the version list and the probe's digest stand for datasketch's own check: both agree
    assert nearcopies._datasketch_version() in nearcopies.CHECKED_DATASKETCH
    num_perm = nearcopies._settings()["num_perm"]
    assert nearcopies._minhash_kit(num_perm)[1] is not None
    assert nearcopies._probe_sha256(num_perm) == nearcopies.PROBE_SHA256[num_perm]
    assert nearcopies.numpy_minhash_ok()


def test_light_signature_is_datasketch_minhash() -> None:
    texts = [english(3), english(3) + " Another closing sentence about 1990 here.", "x y"]
    light = [nearcopies.signature(t, "Title", True) for t in texts]
    heavy = [nearcopies.minhash(t, "Title") for t in texts]
    for a, b in zip(light, heavy, strict=True):
        assert isinstance(a, nearcopies.LightMinHash) and a == b and len(a) == len(b)
    for i in range(3):
        for j in range(3):
            assert light[i].jaccard(light[j]) == heavy[i].jaccard(heavy[j])
            assert light[i].jaccard(heavy[j]) == heavy[i].jaccard(heavy[j])


def test_one_document_is_read_without_datasketch(tmp_path: Path) -> None:
    # its import (scipy) is 45 MB: nine times a 5 MB document
    write(tmp_path, "a.txt", f"Joint Lab Opens\n\nBerlin, 3 May 2010. {STORY}\n")
    code = (
        "import sys; from analysis import corpus, events; c = corpus.load_corpus(sys.argv[1]); "
        "events.timeline_table(c); corpus.documents_table(c); print('datasketch' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


@given(st.binary(max_size=400).map(lambda b: b.translate(nearcopies._LOWER_WORD_BYTES)))
def test_word_hashes_are_the_plain_ones(data: bytes) -> None:
    assert nearcopies._word_hashes(data).tolist() == nearcopies._word_hashes_plain(data)
