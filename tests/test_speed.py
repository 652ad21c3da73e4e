"""The fast paths of partners, themes and facts against their plain twins (issue 11: the
code as first written, every sentence read on its own)."""

from __future__ import annotations

import dataclasses
import types

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import classify, corpus, extraction, partners, themes
from analysis.config import ROOT
from analysis.sentencedates import sentence_years
from analysis.sentences import sentence_eras, sentence_row

FILES = sorted((ROOT / "tests" / "corpus" / "docs").glob("*.txt")) + sorted(
    (ROOT / "seeds").glob("*.txt")
)


# --------------------------------------------------------------------------- plain twins
def _partner_rows_plain(doc, eras):
    years = sentence_years(doc)
    rows = []
    for s in doc.sentences:
        year, basis = years[s.start]
        era = themes.era_of(year, eras) if basis != "before" else None
        for a, b, canonical, kind in partners.find_partners(s.text):
            rows.append(
                sentence_row(
                    doc, s, year, basis, era, partner=canonical, kind=kind, quote=s.text[a:b]
                )
            )
    return rows


def _theme_rows_plain(doc, eras):
    labels = {t.id: t.label for t in themes.themes()}
    rows = []
    for s, year, basis, era in sentence_eras(doc, eras):
        for a, b, group, theme in themes.find_themes(s.text):
            rows.append(
                sentence_row(
                    doc,
                    s,
                    year,
                    basis,
                    era,
                    group=group,
                    theme=theme,
                    label=labels[theme],
                    phrase=s.text[a:b],
                )
            )
    return rows


def test_rows_of_the_dev_corpus_and_seeds_equal_their_plain_twins() -> None:
    eras = themes.load_eras()
    assert FILES
    for path in FILES:
        doc = corpus.read_document(path)
        assert partners.partner_rows(doc, eras) == _partner_rows_plain(doc, eras)
        assert themes.theme_rows(doc, eras) == _theme_rows_plain(doc, eras)
        # a sentence whose text is not its span of the document: read on its own
        odd = dataclasses.replace(
            doc,
            sentences=[
                dataclasses.replace(s, text=s.text.upper()) if i % 3 == 0 else s
                for i, s in enumerate(doc.sentences)
            ],
        )
        assert partners.partner_rows(odd, eras) == _partner_rows_plain(odd, eras)
        assert themes.theme_rows(odd, eras) == _theme_rows_plain(odd, eras)


PIECES = [
    "the Netherlands", "The Netherlands", "Netherlands", "the N", "U.S.", "US$ 5", "US",
    "Indian Ocean", "India", "Indian", "German", "Germany's", "EU", "eu", "WHO", "who",
    "World Health Organization (WHO)", "ITER", "literature", "research", "sea bed", "deep-sea",
    "high energy", "high-energy physics", "energy", "Energy", "bio-tech", "ICT", "district",
    "South-South", "Sino-German", "China-Pakistan", "Åland", "eastern Europe", "ſpace", "K",
    "In 1998,", "since 1990", "before 1978", "last year", "agreements", "cooperation",
    "satellite", "(", ")", ". ", ".", "'", "’", "-", " ", "  ", "\n", "\n\n", "é", "x", "9",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=50).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.data())
def test_partners_in_is_find_partners_of_the_slice(text: str, data) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert partners.partners_in(text, a, b) == partners.find_partners(text[a:b])
    assert partners.partners_in(text, 0, len(text)) == partners.find_partners(text)


def _doc(text: str, published_year: int | None = 2005):
    """A document of ``text`` cut into sentences after ". " and at blank lines."""
    spans, a = [], 0
    for i, ch in enumerate(text):
        if (ch == " " and text[i - 1 : i] == ".") or ch == "\n":
            if text[a:i].strip():
                spans.append((a, i))
            a = i + 1
    if text[a:].strip():
        spans.append((a, len(text)))
    sentences = [corpus.Sentence(s, e, text[s:e], "body") for s, e in spans]
    return types.SimpleNamespace(  # what partner_rows and theme_rows read of a document
        doc_id="d",
        text=text,
        sentences=sentences,
        published=str(published_year or ""),
        published_year=published_year,
        published_basis="catalog" if published_year else "",
        duplicate_of="",
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_theme_and_partner_rows_equal_their_plain_twins(text: str) -> None:
    eras = themes.load_eras()
    doc = _doc(text)
    assert themes.theme_rows(doc, eras) == _theme_rows_plain(doc, eras)
    assert partners.partner_rows(doc, eras) == _partner_rows_plain(doc, eras)


def test_the_years_of_the_last_document_are_not_kept_past_a_change() -> None:
    doc = _doc("In 1998, the EU signed. Then the WHO came. Last year energy research grew.")
    first = themes.sentence_years_of(doc)
    assert first == sentence_years(doc)
    assert themes.sentence_years_of(doc) is first  # remembered
    doc.published, doc.published_year = "2011", 2011
    assert themes.sentence_years_of(doc) == sentence_years(doc) != first
    other = _doc(doc.text)
    assert themes.sentence_years_of(other) == sentence_years(other)


# --------------------------------------------------------------------------- facts
def _find_partners_plain(text: str) -> list[tuple[int, int, str, str]]:
    """find_partners as first written: the one regex, every stop phrase looked up first."""
    m = partners.matcher()
    blocked = [s.span() for s in m.stop.finditer(text)] if m.stop is not None else []
    out: list[tuple[int, int, str, str]] = []
    for hit in m.regex.finditer(text):
        start, end = hit.span()
        if any(a <= start < b for a, b in blocked):
            continue
        surface = hit.group(0)
        entry = m.names.get(surface) or m.names.get(partners._POSSESSIVE.sub("", surface))
        if entry is None or entry[0] == partners.SUBJECT:
            continue
        if out and out[-1][2] == entry[0] and text[out[-1][1] : start].strip() == "(":
            continue
        out.append((start, end, entry[0], entry[1]))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.data())
def test_partners_equal_the_plain_regex_with_stop_phrases_first(text: str, data) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert partners.find_partners(text) == _find_partners_plain(text)
    assert partners.partners_in(text, a, b) == _find_partners_plain(text[a:b])


def _duration_end_plain(doc, sent, context: list) -> None:
    """extraction._duration_end without its look-up of the word "years"."""
    if len(context) < 7:
        return
    text = doc.text
    m = extraction._WITHIN_YEARS.search(text, sent.start, sent.end)
    g = extraction.grammar()
    if m is None or not g.target_markers.search(text, sent.start, sent.end):
        return
    n = m.group("n").lower()
    span = int(n) if n.isdigit() else g.period_words.get(n)
    if span is None or span > 30:
        return
    launched = None
    for launch in extraction._LAUNCHED_IN.finditer(text, max(0, sent.start - 3000), sent.start):
        launched = int(launch.group(1))
    if launched is not None:
        context[6] = launched + span


DURATIONS = [
    "The plan was launched in 2017. ", "It started in May 2010. ", "It aims to set up ",
    "50 laboratories ", "will build 12 parks ", "within five years", "within 5 YEARS",
    "over five to ten Years", "in three years", "in 40 years", "within ſeven years",
    "within the year", "years", ". ", "\n", " ", "K",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(DURATIONS), max_size=30).map("".join))
def test_duration_end_equals_its_plain_twin(text: str) -> None:
    doc = _doc(text)
    for sent in doc.sentences:
        fast, plain = [None] * 8, [None] * 8
        extraction._duration_end(doc, sent, fast)
        _duration_end_plain(doc, sent, plain)
        assert fast == plain


def test_duration_end_plain_twin_on_the_dev_corpus_and_seeds() -> None:
    for path in FILES:
        doc = corpus.read_document(path)
        for sent in doc.sentences:
            fast, plain = [None] * 8, [None] * 8
            extraction._duration_end(doc, sent, fast)
            _duration_end_plain(doc, sent, plain)
            assert fast == plain


def test_document_subject_is_remembered_as_worked_out() -> None:
    titles = [corpus.read_document(p).title for p in FILES] + [
        "Australia-China Science Fund",
        "Sino-German Center opens",
        "China signs ITER agreement",
        "",
    ]
    for title in titles + titles:
        assert classify.document_subject(title) == classify._document_subject_plain(title)


def test_reported_by_is_remembered_as_worked_out() -> None:
    text = (
        "The CAS survey of 90 institutes shows that staff grew. 40 teams formed; 12 left. "
        "Our report found that 3 parks closed. Nationwide there are 53 zones."
    )
    docs = [corpus.read_document(p).text for p in FILES[:20]] + [text]
    for t in docs + docs[::-1]:
        for at in [i + 1 for i, ch in enumerate(t) if ch in ".;\n "][:400]:
            assert classify._reported_by_memo(t, at) == classify._reported_by(t, at)
    assert classify._reported_by_memo(text, 55) == ("agency", "CAS")


HEADS = [
    "Hefei", "Zhangjiang", "High-tech", "S&T", "863", "1000", "Program", "U.S.", "CAS's",
    "institute", "institutes", "park", "parks", "university", "centre", "ministry", "zone",
    "the", "The", "Under", "of", "and", "(", ")", ",", ".", "'", "’", "-", "&", " ", "  ",
    "\n", "\n\n", "\n \n", "É", "é", "x", "9", "ſ",
]  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(HEADS), max_size=40).map("".join), st.data())
def test_named_heads_equal_the_plain_finditer(text: str, data) -> None:
    lex = classify.actor_lexicon()
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    for start, end in ((a, b), (0, len(text))):
        plain = []
        if lex.named_head_word.search(text, start, end):
            plain = [(m.span(), m.groups()) for m in lex.named_head.finditer(text, start, end)]
        fast = [(m.span(), m.groups()) for m in classify._named_heads(lex, text, start, end)]
        assert fast == plain


def test_named_heads_equal_the_plain_finditer_on_the_dev_corpus_and_seeds() -> None:
    lex = classify.actor_lexicon()
    for path in FILES:
        doc = corpus.read_document(path)
        spans = [(0, len(doc.text))] + [(s.start, s.end) for s in doc.sentences]
        for start, end in spans:
            plain = []
            if lex.named_head_word.search(doc.text, start, end):
                plain = [m.span() for m in lex.named_head.finditer(doc.text, start, end)]
            assert [m.span() for m in classify._named_heads(lex, doc.text, start, end)] == plain
