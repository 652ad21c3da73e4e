"""The fast paths of partners and themes against their plain twins (issue 11: the code as
first written, every sentence read on its own)."""

from __future__ import annotations

import dataclasses
import types

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import corpus, partners, themes
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
    partners._name_starts.cache_clear()
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
