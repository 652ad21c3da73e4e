"""The corpus layer: decoding, cleaning with offsets, structure, dates, near-duplicates, docs."""

from __future__ import annotations

import csv
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import images
from hypothesis import given
from hypothesis import strategies as st

from analysis import corpus
from analysis.cli import main as cli_main
from analysis.config import ROOT, InputError

SEEDS = ROOT / "seeds"

PAGE = """Home > World News
Olympic torch arrives in Athens
Markets close higher
Weather: storms ahead
Film festival opens

Cooperation on Fusion Energy

Geneva, May 1999. Scientists from twelve countries met to review the fusion programme.
The meeting was held in the old hall. Delegates agreed on a schedule for the next phase.

Next Steps

The programme will continue through the decade.

Please contact us with questions or comments.
<Suggest to a friend>
Copyright © Example News Agency. All Rights Reserved
E-mail: desk@example.org Tel: 12-34-5678
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def english(n: int = 1) -> str:
    base = (
        "China and its partners signed an agreement on joint research in the field of energy. "
        "The two sides have agreed to exchange scientists and to open a laboratory in the city. "
    )
    return base * n


# ------------------------------------------------------------------ decoding
def test_bad_files_are_skipped_by_name_and_the_rest_is_read(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", "A Title\n\n" + english(3))
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.txt", b"   \n\n")
    write(tmp_path, "binary.txt", bytes(range(256)) * 40)
    write(tmp_path, "chinese.txt", ("中国的国际科技合作不断发展。" * 200).encode("gb18030"))
    result = corpus.load_corpus(tmp_path)
    assert [d.doc_id for d in result] == ["good"]
    reasons = {s.file: s.reason for s in result.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "not in English" in reasons["chinese.txt"] and "Chinese" in reasons["chinese.txt"]


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = "Café Science Review\n\n" + english(3) + "The café in Zürich hosted the délégués.\n"
    write(tmp_path, "latin.txt", text.encode("latin-1"))
    doc = corpus.load_corpus(tmp_path).get("latin")
    assert "Zürich" in doc.text and "délégués" in doc.text
    assert doc.title == "Café Science Review"


def test_ten_megabyte_single_line_is_read(tmp_path: Path) -> None:
    line = english(1).strip() + " "
    write(tmp_path, "huge.txt", (line * (10_000_000 // len(line))).strip())
    doc = corpus.load_corpus(tmp_path).get("huge")
    assert doc.words > 1_500_000
    assert len(doc.body) > 50_000  # split into sentences, not one 10 MB blob


def test_file_without_final_newline_keeps_its_last_sentence(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Title A\n\nThe first sentence is here. The last one ends the file.")
    doc = corpus.load_corpus(tmp_path).get("a")
    assert doc.body[-1].text == "The last one ends the file."


# ------------------------------------------------------------------ cleaning
def test_boilerplate_removed_and_offsets_map_to_the_original(tmp_path: Path) -> None:
    write(tmp_path, "page.txt", PAGE)
    doc = corpus.load_corpus(tmp_path).get("page")
    for gone in ("Home >", "Olympic torch", "Film festival", "Please contact", "Suggest to a"):
        assert gone not in doc.text
    assert "Copyright" not in doc.text and "desk@example.org" not in doc.text
    rules = {r.rule for r in doc.removed}
    assert {"breadcrumb", "link_block", "footer", "share", "copyright", "contact"} <= rules
    assert doc.publisher == "Example News Agency"
    # every sentence can be found at its mapped place in the original file
    for s in doc.sentences:
        o = doc.to_original(s.start)
        assert doc.original[o : o + len(s.text)] == s.text


def test_body_lists_of_short_lines_are_not_taken_for_links(tmp_path: Path) -> None:
    text = (
        "Fields of Cooperation\n\nThe agreement names the following fields for joint work.\n\n"
        "Biotechnology\nSpace science\nNew materials\n\n" + english(2)
    )
    write(tmp_path, "list.txt", text)
    doc = corpus.load_corpus(tmp_path).get("list")
    assert "Space science" in doc.text


# ------------------------------------------------------------------ structure
def test_title_subtitle_and_headings(tmp_path: Path) -> None:
    write(tmp_path, "page.txt", PAGE)
    doc = corpus.load_corpus(tmp_path).get("page")
    assert doc.title == "Cooperation on Fusion Energy"
    assert [h.text for h in doc.headings] == ["Next Steps"]
    # a heading is never glued to the following sentence
    assert all("Next Steps" not in s.text for s in doc.body)


def test_sentence_splitter_keeps_abbreviations_and_money_together() -> None:
    text = (
        "The deal was worth US$ 6.69 billion in Dec. 1998 for P. R. China. "
        "Talks with U.S. officials began in Jan. 1992 and advisors for Ph.D. candidates came. "
        "S&T links grew. Next sentence."
    )
    spans = corpus.split_sentences(text)
    got = [text[a:b] for a, b in spans]
    assert got == [
        "The deal was worth US$ 6.69 billion in Dec. 1998 for P. R. China.",
        "Talks with U.S. officials began in Jan. 1992 and advisors for Ph.D. candidates came.",
        "S&T links grew.",
        "Next sentence.",
    ]


# ------------------------------------------------------------------ dates
@pytest.mark.parametrize(
    ("first_line", "published", "basis"),
    [
        ("Shanghai, 12 March 2004. The forum opened with 40 delegates.", "2004-03-12", "dateline"),
        ("Geneva, May 1999. The forum opened with 40 delegates.", "1999-05", "dateline"),
        (
            "BEIJING, Oct. 8 (Xinhua) -- The forum opened, as it did in 2007.",
            "2007-10-08",
            "dateline+text_year",
        ),
        ("Updated: 2005-03-14 08:30", "2005-03-14", "dateline"),
        ("The conference was held on August 28, 2011 in Beijing.", "2011-08-28", "text"),
        (
            "In 1996 the ministry signed two accords. By 1999 they had doubled.",
            "1999",
            "latest_year",
        ),
    ],
)
def test_dating(tmp_path: Path, first_line: str, published: str, basis: str) -> None:
    write(tmp_path, "d.txt", f"A Forum on Science\n\n{first_line}\n\n{english(2)}")
    doc = corpus.load_corpus(tmp_path).get("d")
    assert (doc.published, doc.published_basis) == (published, basis)


def test_future_years_and_boilerplate_dates_are_weak_evidence(tmp_path: Path) -> None:
    text = (
        "Sidebar one\nSidebar two\nMajor Events [2006-10-08]\n\nA Plan for Cooperation\n\n"
        "The ministry will open ten centres by 2015. " + english(2)
    )
    write(tmp_path, "p.txt", text)
    doc = corpus.load_corpus(tmp_path).get("p")
    assert (doc.published, doc.published_basis) == ("2006-10-08", "boilerplate (weak)")


def test_catalog_overrides_and_checks_hash(tmp_path: Path) -> None:
    good = write(tmp_path, "a.txt", "Title A\n\n" + english(2))
    write(tmp_path, "b.txt", "Title B\n\n" + english(2) + "In 2003 it grew.")
    digest = hashlib.sha256(good.read_bytes()).hexdigest()
    (tmp_path / "catalog.yaml").write_text(
        f"a.txt:\n  sha256: {digest}\n  published: '2001-05'\n  publisher: Ministry\n"
        f"b.txt:\n  sha256: '{'0' * 64}'\n"
    )
    result = corpus.load_corpus(tmp_path)
    a = result.get("a")
    assert (a.published, a.published_basis, a.publisher) == ("2001-05", "catalog", "Ministry")
    assert [s.file for s in result.skipped] == ["b.txt"]
    assert "sha256" in result.skipped[0].reason


def test_invalid_catalog_names_the_file_and_entry(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Title A\n\n" + english(2))
    (tmp_path / "catalog.yaml").write_text("a.txt:\n  published: last spring\n")
    with pytest.raises(InputError, match=r"catalog\.yaml.*published"):
        corpus.load_corpus(tmp_path)


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


# ------------------------------------------------------------------ the seeds
@pytest.fixture(scope="module")
def seeds() -> corpus.Corpus:
    return corpus.load_corpus(SEEDS)


def test_seed_titles_dates_and_no_duplicates(seeds: corpus.Corpus) -> None:
    assert len(seeds.documents) == 5 and not seeds.skipped
    titles = {d.doc_id[:3]: d.title for d in seeds}
    assert titles["002"] == "Riding the Tides"
    assert seeds.get("002_24c16528485b79a8").subtitle.startswith("An overview of China")
    assert titles["003"] == "Scientific and Technological Diplomacy"
    assert titles["004"].startswith("Program Outline for Key International S&T Cooperation")
    assert seeds.get("003_c997b1d9b36d536a").published.startswith("2011")
    assert seeds.get("003_c997b1d9b36d536a").publisher == "China Internet Information Center"
    assert all(d.duplicate_of == "" for d in seeds)


def test_seed_cleaning_leaves_no_navigation_or_footer(seeds: corpus.Corpus) -> None:
    leftovers = [
        "Home >",
        "Poznaj Chiny",
        "Summer Youth Olympic",
        "Suggest",
        "Please contact us",
        "Copyright",
        "webmaster@",
        "International Training Programs 2004",
        "Major Events in 2003",
    ]
    for doc in seeds:
        for bit in leftovers:
            assert bit not in doc.text, (doc.doc_id, bit)


def test_seed_headings_stand_alone(seeds: corpus.Corpus) -> None:
    d002 = [h.text for h in seeds.get("002_24c16528485b79a8").headings]
    assert "A Global Perspective" in d002
    d004 = [h.text for h in seeds.get("004_c89366740c270e81").headings]
    assert "I. Situation and Current Status" in d004
    for doc in seeds:
        for s in doc.body:
            assert not s.text.startswith(("A Global Perspective", "I. Situation"))


def test_stbrief_docs_writes_the_contract_columns(tmp_path: Path) -> None:
    out = tmp_path / "docs.csv"
    assert cli_main(["docs", "--seeds", str(SEEDS), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == corpus.DOC_COLUMNS
    assert len(rows) == 5
    assert all(r["duplicate_of"] == "" for r in rows)


def test_stbrief_docs_reports_skipped_files_and_succeeds(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", "A Title\n\n" + english(3))
    write(tmp_path, "empty.txt", b"")
    proc = subprocess.run(
        [sys.executable, "-m", "analysis.cli", "docs", "--seeds", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0
    assert "skipped empty.txt: empty file" in proc.stderr
    assert "good" in proc.stdout


def test_stbrief_docs_bad_seeds_folder_exits_2(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "analysis.cli", "docs", "--seeds", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 2
    assert "nope" in proc.stderr


@pytest.mark.slow
def test_corpus_notebook_runs_under_papermill(run_notebook) -> None:
    outputs = run_notebook("01-corpus.ipynb", seeds_dir=str(SEEDS))
    assert images(outputs) == 2  # heatmap, words
    assert any("Riding the Tides" in str(o.get("data", {})) for o in outputs)


# ------------------------------------------------------------------ fast paths
# Each fast path must give exactly what the plain code gives (kept here as the reference).
def _english_reference(text: str) -> str | None:
    """The language check as first written: the SkipFile reason, or None."""
    import re

    cfg = corpus.settings()
    sample = text[: cfg.language["sample_chars"]]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return "no words in it"
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24F)
    if non_latin > 0.3 * len(letters):
        script = "Chinese" if any("\u4e00" <= ch <= "\u9fff" for ch in letters) else "non-Latin"
        return f"not in English ({script} script)"
    words = re.findall(r"[A-Za-z]+", sample)
    share = sum(1 for w in words if w.lower() in cfg.function_words) / max(len(words), 1)
    if share < cfg.language["min_english_share"]:
        return f"not in English (only {share:.0%} common English words)"
    return None


@pytest.mark.parametrize(
    "text",
    [
        english(2),
        "中国的国际科技合作不断发展。" * 20,
        english(1) + "中国的国际科技合作不断发展。" * 30,
        "W 2011 roku Chiny podpisały umowy o współpracy z 123 krajami. " * 5,
        "В 2011 году Китай подписал соглашения. " * 5,
        "Ωμέγα " * 40 + english(1),
        "1234 5678 ---",
        english(1).upper().replace("E", "É"),
        "Ǆ ǅ ǆ Ⅻ ﬁve ² ½ " * 30 + english(1),
        "the\ud800 of and " * 20,
    ],
)
def test_language_check_is_the_reference(text: str) -> None:
    try:
        corpus._check_english(text)
        reason = None
    except corpus.SkipFile as exc:
        reason = str(exc)
    assert reason == _english_reference(text)


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
        num_perm=corpus.settings().duplicates["num_perm"], hashfunc=corpus.shingle_hash32
    )
    shingles = corpus._shingles(text, corpus.settings().duplicates["shingle_words"])
    if shingles:
        expected.update_batch(shingles)
    assert corpus.minhash(text) == expected
    assert (corpus._minhash_values(text) == expected.hashvalues).all()  # numpy alone
    title = text[:30]
    assert (corpus._minhash_values(text, title) == corpus.minhash(text, title).hashvalues).all()


@given(st.text(alphabet="ab Zz09 ,.İé\n-ſ", max_size=300))
def test_numpy_shingle_hashes_are_the_hashfunc(text: str) -> None:
    # the whole-document numpy hash and datasketch's per-shingle hashfunc agree
    shingles = corpus._shingles(text, corpus.settings().duplicates["shingle_words"])
    assert corpus._shingle_hashes(text).tolist() == [corpus.shingle_hash32(s) for s in shingles]


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
    corpus.mark_duplicates_plain(reference)
    corpus.mark_duplicates(docs)
    assert [(d.duplicate_of, d.similarity) for d in docs] == [
        (d.duplicate_of, d.similarity) for d in reference
    ]
    assert sum(1 for d in docs if d.duplicate_of) > 100
    assert all(d.duplicate_of for d in docs if d.doc_id[0] == "t" and d.doc_id[-1] == "c")


def test_dating_loop_and_scans_agree(seeds: corpus.Corpus) -> None:
    import copy

    for doc in seeds:
        fast, plain = copy.copy(doc), copy.copy(doc)
        corpus.date_document(fast, {"dates": []})
        # sentences that are not spans of the text: the plain loop must be used
        plain.sentences = [corpus.Sentence(0, 1, s.text, s.kind) for s in doc.sentences]
        assert corpus._sentence_hits(plain.text, plain.sentences, corpus.settings()) is None
        corpus.date_document(plain, {"dates": []})
        assert (fast.published, fast.published_basis) == (plain.published, plain.published_basis)
