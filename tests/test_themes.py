"""Themes and eras: the lexicon, era assignment, normalisation, schema, eras validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import config, corpus, themes
from analysis.config import ROOT, InputError

SEEDS = ROOT / "seeds"

# one sentence per theme, written for the test
SENTENCES = {
    "biotechnology": "The institutes work on biotechnology together.",
    "space": "Both agencies built a satellite together.",
    "information": "Engineers develop software together.",
    "materials": "The lab studies new materials together.",
    "energy": "The partners study renewable energy together.",
    "environment": "The team studies climate change together.",
    "health": "The clinics fight infectious disease together.",
    "agriculture": "The farms improve crops together.",
    "ocean": "The ships survey the ocean together.",
    "physics": "The groups run a telescope together.",
    "manufacturing": "The firms improve manufacturing together.",
    "exchanges": "The academies hold a symposium together.",
    "joint_research": "The universities run a joint laboratory together.",
    "mega_science": "The countries join mega-science projects together.",
    "technology_trade": "The firms sign technology transfer deals together.",
    "talent": "The returnees set up firms together.",
    "ipr": "The offices protect intellectual property together.",
    "aid": "The projects support South-South cooperation together.",
    "multilateral": "The ministries work within the United Nations together.",
    "parks": "The cities build science parks together.",
    "agreements": "The governments sign a memorandum together.",
}


def test_every_lexicon_theme_has_a_test_sentence() -> None:
    assert {t.id for t in themes.themes()} == set(SENTENCES)


@pytest.mark.parametrize("theme", sorted(SENTENCES))
def test_each_theme_is_found(theme: str) -> None:
    found = {t for _, _, _, t in themes.find_themes(SENTENCES[theme])}
    assert found == {theme}


def test_case_sensitive_parts() -> None:
    assert "health" not in {t for *_, t in themes.find_themes("those who came")}
    assert "health" in {t for *_, t in themes.find_themes("the WHO programme")}
    assert "energy" not in {t for *_, t in themes.find_themes("high energy physics")}


# ------------------------------------------------------------------ eras
def test_era_of() -> None:
    assert themes.era_of(1978) == "1978-1990"
    assert themes.era_of(1991) == "1991-2000"
    assert themes.era_of(2005) == "2001-2005"
    assert themes.era_of(2011) == "2006-2011"
    assert themes.era_of(1977) is None and themes.era_of(2012) is None
    assert themes.era_of(None) is None


ERA = "  - {{id: '{id}', start: {start}, end: {end}, label: x}}\n"


@pytest.mark.parametrize(
    ("eras", "message"),
    [
        ([("a", 1978, 1990), ("b", 1992, 2000)], "contiguous"),
        ([("a", 1990, 1978)], "after end"),
        ([("a", 1978, 1990), ("a", 1991, 2000)], "used twice"),
        ([("a", "x", 1990)], "start"),
    ],
)
def test_broken_eras_file_names_the_file(tmp_path: Path, eras, message: str) -> None:
    text = "eras:\n" + "".join(ERA.format(id=i, start=s, end=e) for i, s, e in eras)
    (tmp_path / "eras.yaml").write_text(text, encoding="utf-8")
    config.load_lexicon.cache_clear()
    try:
        with pytest.raises(InputError) as err:
            themes.load_eras(tmp_path)
    finally:
        config.load_lexicon.cache_clear()
    assert str(tmp_path / "eras.yaml") in str(err.value)
    assert message in str(err.value)


def test_shipped_eras_are_the_contract() -> None:
    eras = themes.load_eras()
    assert [(e["id"], e["start"], e["end"]) for e in eras] == [
        ("1978-1990", 1978, 1990),
        ("1991-2000", 1991, 2000),
        ("2001-2005", 2001, 2005),
        ("2006-2011", 2006, 2011),
    ]


# ------------------------------------------------------------------ tables
DOC = (
    "Notes on Cooperation\n\n"
    "In 1985, the two academies held a symposium on biotechnology and exchanged visits. "
    "The scientists of both sides then met again in the city for a long time.\n\n"
    "Before 1978, the country had a small satellite programme. "
    "In 2008, the partners opened a joint laboratory for climate change research.\n"
)


@pytest.fixture()
def small(tmp_path: Path):
    (tmp_path / "notes.txt").write_text(DOC, encoding="utf-8")
    c = corpus.load_corpus(tmp_path)
    return c, themes.theme_mentions(c)


def test_mentions_take_the_sentence_year_and_era(small) -> None:
    _, m = small
    got = {(r.theme, r.year, r.era if isinstance(r.era, str) else None) for r in m.itertuples()}
    assert ("biotechnology", 1985, "1978-1990") in got
    assert ("exchanges", 1985, "1978-1990") in got
    assert ("space", 1978, None) in got  # before 1978: no era
    assert ("joint_research", 2008, "2006-2011") in got
    assert ("environment", 2008, "2006-2011") in got
    themes.mentions_schema().validate(m)


def test_by_era_is_normalised_by_the_words_of_that_era(small) -> None:
    c, m = small
    words = themes.words_by_era(c)
    sentences = {s.start: s for s in c.documents[0].sentences}
    s1985 = [s for s in sentences.values() if "1985" in s.text][0]
    # the title and the "then met again" sentence carry the publication year (2008)
    assert words["1978-1990"] == len(s1985.text.split())
    table = themes.themes_by_era(m, c)
    themes.by_era_schema().validate(table)
    row = table[(table["era"] == "1978-1990") & (table["theme"] == "exchanges")].iloc[0]
    assert row["mentions"] == 3  # symposium, exchanged, visits
    assert row["rate"] == pytest.approx(round(3000 / words["1978-1990"], 3))
    wide = themes.themes_by_era(m, c, wide=True)
    assert list(wide.columns) == ["1978-1990", "1991-2000", "2001-2005", "2006-2011"]
    assert wide.loc["Exchanges and visits", "1978-1990"] == row["rate"]


def test_by_document_rates(small) -> None:
    c, m = small
    table = themes.themes_by_document(c, m)
    doc = c.documents[0]
    bio = table[table["theme"] == "biotechnology"].iloc[0]
    assert bio["mentions"] == 1
    assert bio["rate"] == pytest.approx(round(1000 / doc.words, 3))
    assert len(table) == len(themes.themes())


def test_seed_themes_by_era(tmp_path: Path) -> None:
    c = corpus.load_corpus(SEEDS)
    m = themes.theme_mentions(c)
    themes.mentions_schema().validate(m)
    table = themes.themes_by_era(m, c)
    themes.by_era_schema().validate(table)
    rates = table.set_index(["era", "theme"])["mentions"]
    assert rates[("1991-2000", "talent")] >= 5  # 002 on overseas students and returnees
    assert rates[("2006-2011", "mega_science")] >= 3  # 003: ITER, IODP, GEOS
    assert rates[("2001-2005", "ipr")] >= 3  # 004 on IPR


def test_words_by_era_can_be_restricted_to_a_range_of_years(small) -> None:
    c, _ = small
    assert themes.words_by_era(c)["1978-1990"] > 0
    assert themes.words_by_era(c, start_year=1990, end_year=2011)["1978-1990"] == 0
    assert themes.words_by_era(c, 1990, 2011)["2006-2011"] == themes.words_by_era(c)["2006-2011"]
