"""The fast scans of analysis.scan against their plain versions."""

from __future__ import annotations

import re
import unittest.mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import classify, numbers, scan, themes
from analysis.config import ROOT

# the five seeds (000_ ... 004_) and every fourth page after them: running each lexicon
# pattern over all 600 corpus pages took some 20 minutes of the suite, and pages repeat forms
_PAGES = sorted((ROOT / "tests" / "corpus" / "docs").glob("*.txt"))
DOCS = _PAGES[:5] + _PAGES[5::4]


def _lexicon_patterns() -> list[re.Pattern[str]]:
    out = []
    for r in classify.indicator_lexicon().rules:
        for key in ("after", "before", "context", "not_after", "not_before", "not_context"):
            if getattr(r, key) is not None:
                out.append(getattr(r, key))
    g = numbers.grammar()
    return (
        out
        + [p for p, _ in g.anchors]
        + [g.target_markers, g.not_target]
        + [t.regex for t in themes.themes()]
    )


def test_required_words_are_in_every_match_of_the_lexicons() -> None:
    assert DOCS
    texts = [p.read_text(encoding="utf-8") for p in DOCS]
    checked = 0
    for pattern in _lexicon_patterns():
        needs = scan.required_words(pattern)
        if needs is None:
            continue
        for text in texts:
            for m in pattern.finditer(text):
                assert any(w in m.group(0).lower() for w in needs), (pattern.pattern, m[0])
                checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"countries(?: and (?:regions|areas))?", ("countries",)),
        (r"agreements?|accords?", ("accord", "agreement")),
        (r"\W*(?:\S+\s+){0,8}?(?:countries)", ("countries",)),
        (r"a(?=bcd)ef", ("ef",)),
        (r"ab+c", ("a",)),
        (r"x{3}yz", ("yz",)),
        (r"abc{0,2}de", ("ab",)),
        (r"\(a\)\.b", ("(a).b",)),
        (r"[abc]def\s+ghij", ("ghij",)),
        (r"\d+|x?", None),  # nothing is required
        (r"(?i:x)y", ("x",)),  # scoped case flags: what the group requires
        (r"(?-i:WHO)|health", ("health", "who")),
        (r"(?x:x)y", None),  # verbose, global flags: unknown
        (r"(?i)xy", None),
        (r"\x41bc", None),
    ],
)
def test_required_words_read_from_the_pattern(pattern: str, needs) -> None:
    assert scan.required_words(re.compile(pattern, re.I)) == needs


words = st.text(alphabet="abc xyz.İ\n", max_size=60)


@given(
    st.lists(
        st.sampled_from(
            [
                "ab",
                "abc",
                "b",
                "c",
                " ",
                "x y",
                "(",
                "{2}",
                "?",
                "+",
                "|",
                ")",
                "(?:",
                "(?-i:",
                "*",
                "[ab]",
                "\\s+",
                "{0,2}",
            ]
        ),
        max_size=10,
    ),
    st.lists(words, min_size=1, max_size=5),
)
def test_required_words_hold_on_random_patterns(parts: list[str], texts: list[str]) -> None:
    try:
        pattern = re.compile("".join(parts), re.I)
    except re.error:
        return
    needs = scan.required_words(pattern)
    if needs is None:
        return
    for text in texts:
        for m in pattern.finditer(text):
            assert any(w in m.group(0).lower() for w in needs), (pattern.pattern, m[0])


@given(st.text(alphabet="ab Zz09 ,.é\n-’", max_size=200), st.integers(1, 9))
def test_view_in_pieces_is_the_whole(text: str, piece: int) -> None:
    scan.view.cache_clear()
    with unittest.mock.patch.object(scan, "_PIECE", piece):
        low, runs, years = scan.view(text)
    scan.view.cache_clear()
    assert low == text.lower()
    assert runs == frozenset(re.findall(rb"[a-z]+", text.lower().encode("ascii", "replace")))
    assert years == [m.start() for m in re.finditer(r"(?:19|20)\d\d", text)]


@given(st.text(alphabet="ab \n.\t", max_size=80), st.integers(1, 9))
def test_pieces_cover_the_text_and_cut_after_blanks(text: str, size: int) -> None:
    spans = list(scan.pieces(text, size, " "))
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(text[b - 1] == " " for _a, b in spans[:-1])
