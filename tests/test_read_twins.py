"""The fast paths of reading a document and of its MinHash against their plain twins.

Each plain twin here is the code the fast path replaced (or the regex it stands for), kept
only as the reference: checked on the development corpus, the seeds and generated text.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import corpus, dating, decoding, nearcopies, scan
from analysis.config import ROOT

SEEDS = ROOT / "seeds"
CORPUS_DOCS = Path(__file__).parent / "corpus" / "docs"


def _texts() -> list[str]:
    paths = sorted(CORPUS_DOCS.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    return [p.read_text(encoding="utf-8-sig") for p in paths]


def _cleaned() -> list[str]:
    return [corpus.clean(t)[0] for t in _texts()]


# generated text: line breaks of every kind, blanks, sentence ends, closers and capitals
PROSE = st.lists(
    st.sampled_from(
        list("ab AZ09.!?\n\n\t\r\x0b\u2028\u00a0”’\"')(-:;")
        + ["Dec.", "U.S.", "P. R.", " 1998", " 2019", "201919", " Mr.", " No."]
    ),
    max_size=200,
).map("".join)


# ------------------------------------------------------------------ paragraphs
_PARAGRAPH = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")


def _paragraphs_plain(text: str) -> list[tuple[int, int, int]]:
    out = []
    for m in _PARAGRAPH.finditer(text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        out.append((s, e, text.count("\n", s, e) + 1))
    return out


def test_paragraphs_are_the_plain_regex_on_the_corpus() -> None:
    for text in _texts() + _cleaned():
        assert corpus._paragraphs(text) == _paragraphs_plain(text)


@given(PROSE)
def test_paragraphs_are_the_plain_regex(text: str) -> None:
    assert corpus._paragraphs(text) == _paragraphs_plain(text)


# ------------------------------------------------------------------ sentences
def _split_sentences_plain(text: str, start: int = 0, end: int | None = None):
    """split_sentences with the one boundary pattern [.!?] for every text."""
    abbreviations = corpus.settings().abbreviations
    end = len(text) if end is None else end
    spans = []
    cur = start
    for m in corpus._BOUNDARY.finditer(text, start, end):
        stop = m.start() + 1
        tok = corpus._TOKEN_BEFORE.search(text, max(cur, stop - 12), stop)
        if tok:
            word = tok.group(1).rsplit("-", 1)[-1].rstrip(".")
            if len(word) == 1 and word.isupper():
                continue
            if word in abbreviations:
                continue
            numbered = corpus.settings().number_abbreviations
            if text[m.end() : m.end() + 1].isdigit() and word.lower() in numbered:
                continue
            if text[m.end() : m.end() + 1].isdigit() and corpus._INITIALS.fullmatch(word):
                continue
        sent_end = m.end()
        while sent_end > cur and text[sent_end - 1].isspace():
            sent_end -= 1
        spans.append((cur, sent_end))
        cur = m.end()
    tail = end
    while tail > cur and text[tail - 1].isspace():
        tail -= 1
    if tail > cur:
        spans.append((cur, tail))
    return spans


def test_sentences_are_the_plain_split_on_the_corpus() -> None:
    checked = 0
    for text in _cleaned():
        for s, e, _n in corpus._paragraphs(text):
            assert corpus.split_sentences(text, s, e) == _split_sentences_plain(text, s, e)
            checked += 1
    assert checked > 100


@given(PROSE, st.integers(0, 50), st.integers(0, 50))
def test_sentences_are_the_plain_split(text: str, a: int, b: int) -> None:
    end = max(len(text) - b, 0)
    start = min(a, end)
    assert corpus.split_sentences(text, start, end) == _split_sentences_plain(text, start, end)
    assert corpus.split_sentences(text) == _split_sentences_plain(text)


def test_sentence_objects_are_those_of_sentence_span() -> None:
    for text in _cleaned():
        _title, _subtitle, fast = corpus.structure(text)
        plain = [corpus.Sentence.span(text, s.start, s.end, s.kind) for s in fast]
        assert fast == plain
        for f, p in zip(fast, plain, strict=True):
            assert f.__getstate__() == p.__getstate__() and f._source is text


# ------------------------------------------------------------------ decoding
@given(st.text(alphabet=st.sampled_from(list("ab \n\t\r\x00\x01\x0b\x0c\x1f é’中")), max_size=300))
def test_control_characters_counted_on_the_bytes(text: str) -> None:
    for data in (text.encode(), b"\xef\xbb\xbf" + text.encode()):
        plain = len(decoding._CONTROLS.findall(data.decode("utf-8-sig"), 0, 65536))
        assert len(data) - len(data.translate(None, decoding._CONTROL_BYTES)) == plain


# ------------------------------------------------------------------ line rules
LINE_PARTS = st.sampled_from(
    [
        "Updated:", "2009-03-04", "10:12", "Copyright", "©", "2014", "Xinhua", "(Xinhua)",
        "Home", ">", "»", "News", "By", "John Smith", "Source:", "China Daily", "Print",
        "Share", "Photo", "Tel:", "Fax:", "°C", "Sunny", "March 3, 2009", "Vol. 5", "No. 3",
        "Related", "Read more", "see also", "--", "the", "lab", "opened", "|", "Monday",
        "Comments (3)", "Figure 2", "[", "]", "Beijing,", "AFP", "Reuters", "İ", "ſ",
    ]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.lists(LINE_PARTS, max_size=6).map(" ".join), max_size=14))
def test_line_rules_are_the_plain_ones_on_generated_lines(lines: list[str]) -> None:
    cfg = corpus.settings()
    lines = [s.strip() for s in lines]
    short = [i for i, s in enumerate(lines) if s and len(s) <= 300]
    for edge in (set(), set(short), set(short[:2])):
        fast = corpus._line_rules(lines, short, edge, cfg)
        plain = corpus._line_rules_plain(lines, short, edge, cfg)
        assert {i: (r, m.span(), d) for i, (r, m, d) in fast.items()} == {
            i: (r, m.span(), d) for i, (r, m, d) in plain.items()
        }


# ------------------------------------------------------------------ dating scans
@given(
    st.lists(st.sampled_from(list("0129 a,.-") + ["19", "20", "1919"]), max_size=40).map("".join)
)
def test_year_starts_are_the_joint_search(text: str) -> None:
    assert dating._year_starts(text) == [m.start() for m in scan.YEAR_CANDIDATE.finditer(text)]


def test_year_starts_and_byte_finds_on_the_corpus() -> None:
    cfg = dating.settings()
    for text in _texts() + _cleaned():
        assert dating._year_starts(text) == [m.start() for m in scan.YEAR_CANDIDATE.finditer(text)]
        if scan.has_fold_special(text):
            continue
        low = text.lower()
        low_bytes = text.encode("ascii", "replace").lower()
        for literals in (cfg.future_markers, dating.OCCASION_WORDS):
            assert dating._find_all_bytes(low_bytes, literals) == scan.find_all(low, literals)


@given(st.lists(st.sampled_from(list("aWiLl bY THE end of\n’é") + ["will", "held"])).map("".join))
def test_byte_finds_are_the_str_finds(text: str) -> None:
    if scan.has_fold_special(text):
        return
    low_bytes = text.encode("ascii", "replace").lower()
    for literals in (dating.settings().future_markers, dating.OCCASION_WORDS):
        assert dating._find_all_bytes(low_bytes, literals) == scan.find_all(text.lower(), literals)


# ------------------------------------------------------------------ MinHash
def _update_plain(hashes, num_perm: int = 128):
    """datasketch's update_batch arithmetic, broadcast in one piece (the reference)."""
    (a, b), empty, _update = nearcopies._affine32(num_perm)
    a, b = a.astype(np.uint32), b.astype(np.uint32)
    hv = np.asarray(hashes, dtype=np.uint32).copy()
    if not len(hv):
        return empty.copy()
    hv ^= hv >> np.uint32(16)
    hv *= np.uint32(0x85EBCA6B)
    hv ^= hv >> np.uint32(13)
    hv *= np.uint32(0xC2B2AE35)
    hv ^= hv >> np.uint32(16)
    return np.minimum(empty, (hv[:, None] * a + b).min(axis=0))


@pytest.mark.parametrize("n", [0, 1, 2, 5, 1023, 1024, 1025, 2049, 5000])
def test_minhash_update_is_the_plain_arithmetic(n: int) -> None:
    rng = np.random.default_rng(n)
    hashes = rng.integers(0, 2**32, n, dtype=np.uint64).astype(np.uint32)
    hashes[: n // 3] = hashes[n // 3 : 2 * (n // 3)]  # repeats
    update = nearcopies._affine32(128)[2]
    got = update(hashes)
    assert got.dtype == np.uint32 and np.array_equal(got, _update_plain(hashes))


def test_signature_is_datasketch_on_the_corpus() -> None:
    from datasketch import MinHash

    from analysis import cache

    assert nearcopies.numpy_minhash_ok()
    cfg = nearcopies._settings()
    for text in _cleaned():
        title = text.split("\n", 1)[0].strip()
        body = text.replace(title, " ", 1) if title else text
        expected = MinHash(num_perm=cfg["num_perm"], hashfunc=nearcopies.shingle_hash32)
        shingles = nearcopies._shingles(body, cfg["shingle_words"])
        if shingles:
            expected.update_batch(shingles)
        sig = cache._signature(text, title, True)
        assert sig == cache._signature(text, title, False)
        assert np.array_equal(cache._hashvalues(sig), expected.hashvalues)


# ------------------------------------------------------------------ dates of a sentence
def test_find_dates_prefilter_on_the_corpus() -> None:
    from analysis import sentencedates

    assert sentencedates._date_literals() is not None
    checked = 0
    for text in _cleaned():
        _t, _s, sentences = corpus.structure(text)
        for s in sentences:
            assert sentencedates.find_dates(s.text) == sentencedates._find_dates(s.text)
            checked += 1
    assert checked > 500


DATE_PARTS = st.sampled_from(
    [
        "in", "In", "1998", "2011", "20", "19", "May", "may", "Dec.", "March", "3", "on",
        "Monday", "MONDAY", "last year", "LAST  YEAR", "the previous year", "tenth",
        "Five-Year Plan", "(2001 - 2005)", "the 1990s", "between", "and", "today", "K", "ſ",
        "İ", "early", "mid-2009", "Vision 2030", "’", ",", ".", "\n",
    ]
)  # fmt: skip


@given(st.lists(DATE_PARTS, max_size=12).map(" ".join))
def test_find_dates_prefilter_is_the_plain_search(text: str) -> None:
    from analysis import sentencedates

    assert sentencedates.find_dates(text) == sentencedates._find_dates(text)


def test_between_year_with_the_documents_anchors_is_the_plain_scan() -> None:
    # extraction._between_year reads the sentences between with the document's year anchors
    # (the fast scan, context[8] of extract_facts); without them it runs the plain regex
    from analysis import extraction, numbers

    paths = sorted(CORPUS_DOCS.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    checked = 0
    for path in paths:
        doc, _title = corpus._read(path, None)
        low = numbers._lower(doc.text)
        anchors = numbers._year_anchors(doc.text, low)
        n = len(doc.sentences)
        for index in range(1, n):
            for last in (index - 2, index - 5):
                for year in (None, 1999):
                    fast = extraction._between_year(doc, last, index, year, 2005, anchors)
                    plain = extraction._between_year(doc, last, index, year, 2005)
                    assert fast == plain, (path.name, index, last)
                    checked += fast is not None
    assert checked > 100


# --------------------------------------------------------------------------- extraction
# (session 8 speed-ups of analysis.classify; plain twins: the code each replaced)
_WORDS = st.lists(
    st.sampled_from(["", "a", "b", "ab", "abc", "ba", "a b", "b.", "aab"]), max_size=8
)
_WORD_TEXT = st.lists(st.sampled_from(["a", "b", "c", " ", ".", "ab", "abc"]), max_size=30).map(
    "".join
)


@settings(max_examples=300, deadline=None)
@given(_WORDS, _WORD_TEXT)
def test_literal_alternation_is_the_plain_join(words: list[str], text: str) -> None:
    from analysis.classify import _literal_alternation

    for tail in ("", r"(?!\w)", r"(?=c)", r"\b"):
        plain = re.compile(rf"(?:{'|'.join(re.escape(w) for w in words)}){tail}")
        fast = re.compile(rf"(?:{_literal_alternation(words)}){tail}")
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for i in range(len(text) + 1):
            a, b = fast.match(text, i), plain.match(text, i)
            assert (a and a.span()) == (b and b.span())


def test_mention_pattern_is_the_plain_alternation() -> None:
    """The actor lexicon's mention pattern finds what the plain alternation of its names
    finds, on the corpus."""
    from analysis import classify
    from analysis.config import load_lexicon

    lex = load_lexicon("actors")
    refs: dict[str, str] = {}
    for kind, words in lex["references"].items():
        refs.update(dict.fromkeys(words, kind))
        refs.update({w[0].upper() + w[1:]: kind for w in words if w[:1].islower()})
    fixed = sorted({*lex["national"], *lex["names"], *refs}, key=len, reverse=True)
    plain = re.compile(
        rf"(?<![\w&-])(?:(?!(?:The|Our)\s+[a-z]|{classify._LEAD}\s){classify._NAME}"
        rf"|{'|'.join(re.escape(w) for w in fixed)})(?![\w&])"
    )
    fast = classify.actor_lexicon().mention
    assert fast.pattern != plain.pattern
    texts = _texts() + ["\n".join(fixed), " ".join(w.lower() for w in fixed)]
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_needs_held_is_the_plain_filter() -> None:
    """classify._needs_held: the strings of _after_needs an after window holds, as the plain
    ``in`` test over all of them finds them (windows of the corpus and made of the strings)."""
    from analysis import classify

    lexicon = classify.indicator_lexicon()
    units = ["count", "USD", "percent", "CNY", "fraction", "multiple"]
    needs = sorted({n for u in units for n, _w in classify._after_needs(u, lexicon)[0]})
    texts = [t.lower() for t in _texts()]
    windows = [t[i : i + n] for t in texts for i in range(0, len(t), 37) for n in (20, 60)]
    windows += [" ".join(needs[i : i + 3]) for i in range(len(needs))]
    windows += [n[1:] + n[:-1] for n in needs] + needs + ["", " ", "-"]
    for unit in units:
        by_need = classify._after_needs(unit, lexicon)[0]
        for w in windows:
            assert classify._needs_held(unit, w) == [x for x in by_need if x[0] in w], (unit, w)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["stud", "ent", "s ", " ", "-", "abroad", "x", "expert"])))
def test_needs_held_on_generated_windows(parts: list[str]) -> None:
    from analysis import classify

    window = "".join(parts)
    for unit in ("count", "USD", "percent"):
        by_need = classify._after_needs(unit, classify.indicator_lexicon())[0]
        assert classify._needs_held(unit, window) == [x for x in by_need if x[0] in window]


def _literal_starts_plain(text: str, literals) -> list[int]:
    out = []
    for lit in literals:
        i = text.find(lit)
        while i >= 0:
            out.append(i)
            i = text.find(lit, i + 1)
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["$", "A$", "US", "US$", "AUD", "euro", "eu", "€", "^", "]", "-", ""])
    ),
    st.lists(st.sampled_from(list("$AUSDeuro€^]- x") + ["US$", "AUD", "euro"])).map("".join),
)
def test_literal_starts_is_a_find_loop_per_literal(literals: list[str], text: str) -> None:
    from analysis.numbers import _literal_starts

    lits = tuple(literals)
    assert set(_literal_starts(text, lits)) == set(_literal_starts_plain(text, lits))


def test_literal_starts_of_the_currencies_on_the_corpus() -> None:
    from analysis import numbers

    lits = numbers.grammar().cur_literals
    assert lits
    for text in _texts():
        assert set(numbers._literal_starts(text, lits)) == set(_literal_starts_plain(text, lits))


def test_candidate_rules_hold_a_word_of_their_after_pattern() -> None:
    """classify._classify no longer tests a candidate rule's after words itself: every rule
    :func:`_candidate_rules` returns whose after pattern needs words has one of them in the
    window (the test it dropped; windows of the corpus and made of the needed words)."""
    from analysis import classify

    lexicon = classify.indicator_lexicon()
    units = ["count", "USD", "percent", "CNY", "fraction", "multiple"]
    needs = sorted({n for u in units for n, _w in classify._after_needs(u, lexicon)[0]})
    texts = [t.lower() for t in _texts()]
    windows = [t[i : i + n] for t in texts for i in range(0, len(t), 41) for n in (25, 70)]
    windows += [" ".join(needs[i : i + 2]) for i in range(len(needs))] + needs + [""]
    for unit in units:
        for w in windows:
            for row in classify._candidate_rules(unit, w):
                p_after, n_after = row[1], row[2]
                if p_after is not None and n_after is not None:
                    assert any(x in w for x in n_after), (unit, w, row[0])


# ------------------------------------------------------------------ inline marks (SPEED9)
INLINE_PARTS = st.sampled_from(
    [
        "12 pp.", "xii + 240 pp.", "PP.", "]", ".]", "[3]", "[1-4]", "(Table 3-12)", "(see figure 2)",
        "10.1000/xyz", "(1,234 views)", "(Hits: 12)", "Title: ", "\n\n1. ", "\n\n(2) ", "Abc",
        "  (unit: 10,000 yuan)", "|", " | ", "\n", " ", "US$ 12.50", "ſ", "İ", "K", "[Article]",
    ]
)  # fmt: skip


def _inline_both(text: str) -> None:
    cfg = corpus.settings()
    starts, lines = corpus._split_lines(text)
    for removed in ({}, {0: "x"}, {i: "x" for i in range(1, len(lines), 2)}):
        fast = corpus._inline_cuts(text, starts, removed, cfg)
        assert fast == _inline_cuts_plain(text, starts, removed, cfg)


def test_inline_cuts_are_the_plain_search_on_the_corpus() -> None:
    for text in _texts():
        _inline_both(text)


@settings(max_examples=300)
@given(st.lists(INLINE_PARTS, max_size=20).map("".join))
def test_inline_cuts_are_the_plain_search(text: str) -> None:
    _inline_both(text)


def _hyphen_spans(text: str) -> tuple[list, list]:
    fast = [m.span() for m in corpus._line_end_hyphens(text)]
    return fast, [m.span() for m in corpus._LINE_END_HYPHEN.finditer(text)]


def test_line_end_hyphens_are_the_look_behind_search_on_the_corpus() -> None:
    for text in _texts():
        fast, plain = _hyphen_spans(text)
        assert fast == plain


HYPHEN_PARTS = st.sampled_from(list("a-Z \t\n\r9é-") + ["--\n", "x-\n", "- \t\n"])


@given(st.lists(HYPHEN_PARTS, max_size=40).map("".join))
def test_line_end_hyphens_are_the_look_behind_search(text: str) -> None:
    fast, plain = _hyphen_spans(text)
    assert fast == plain


def test_launch_aside_memo_is_the_search() -> None:
    """numbers._launch_aside (remembered per text) against the plain search, asked twice at
    every year and relative word of the corpus (the memo's answer the second time)."""
    from analysis import numbers

    for text in _texts()[:120]:
        spots = [m.end() for m in scan.YEAR_CANDIDATE.finditer(text)] + [
            m.start() for m in re.finditer(r"\b(?:19|20)\d\d\b", text)
        ]
        for _ in range(2):
            for at in spots:
                got = numbers._launch_aside(text, at)
                want = numbers._LAUNCH_ASIDE.search(text, max(0, at - 130), at)
                assert (got and got.span()) == (want and want.span())


def _inline_cuts_plain(original, starts, removed, cfg):
    """corpus._inline_cuts without its prefilter (each pattern searched over the text)."""
    found = [
        cut for rule, pattern in cfg.inline for cut in corpus._pattern_cuts(rule, pattern, original)
    ]
    return corpus._cuts_by_line(found, starts, removed)
