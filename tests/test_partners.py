"""Partners: aliases, demonyms, acronyms, China excluded, per document and per era."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import images

from analysis import corpus, partners
from analysis.config import ROOT

SEEDS = ROOT / "seeds"


def names(text: str) -> list[str]:
    return [p[2] for p in partners.find_partners(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("an agreement with the US", ["United States"]),
        ("China-U.S. Strategic and Economic Dialogue", ["United States"]),
        ("visits to the USA and the United States", ["United States", "United States"]),
        ("advanced German concept, British design", ["Germany", "United Kingdom"]),
        ("Japan's science and technology agency and Japanese experience", ["Japan", "Japan"]),
        ("Russia and the Russian Federation", ["Russia", "Russia"]),
        ("Asia, central and east Europe, Former Soviet Union", None),
        ("programs sponsored by European Union and the EU", ["European Union", "European Union"]),
        ("United Nations Environment Programme and UNDP", ["UNEP", "UNDP"]),
        ("the China-Pakistan station in South Africa", ["Pakistan", "South Africa"]),
        ("the Indonesia-China Center for Ocean & Climate", ["Indonesia"]),
        ("the International Thermonuclear Experimental Reactor (ITER)", ["ITER"]),
        ("Viet Nam and the Republic of Korea", ["Vietnam", "South Korea"]),
        # demonyms by country code (partners.yaml demonyms), under the canonical name
        ("86 Cuban scientists and 40 Tanzanians", ["Cuba", "Tanzania"]),
        ("Lao and Sri Lankan engineers", ["Laos", "Sri Lanka"]),
        # plural demonyms, and capitals standing for their governments (partners.yaml
        # capitals); a capital inside an agreement's or a newspaper's name is neither
        ("40 Swedes, 12 Spaniards and 9 Kenyans", ["Sweden", "Spain", "Kenya"]),
        ("Islamabad and New Delhi both sent delegations", ["Pakistan", "India"]),
        ("under the Paris Agreement, the Washington Post said", []),
        ("the Berne Convention and the Colombo Plan", []),
    ],
)
def test_aliases_and_demonyms(text: str, expected: list[str] | None) -> None:
    if expected is None:
        expected = ["Asia", "Central and Eastern Europe", "Soviet Union"]
    assert names(text) == expected


def test_kinds() -> None:
    kinds = {p[2]: p[3] for p in partners.find_partners("Kenya, Africa, APEC, ITER and WTO")}
    assert kinds == {
        "Kenya": "country",
        "Africa": "region",
        "APEC": "organisation",
        "ITER": "programme",
        "WTO": "organisation",
    }


def test_acronyms_are_case_sensitive() -> None:
    assert names("scientists who work at the WHO") == ["WHO"]
    assert names("who said it was un-american to fao") == []


def test_china_is_never_a_partner() -> None:
    text = "China, Chinese scientists, P. R. China, the PRC and the People's Republic of China"
    assert names(text) == []


def test_currency_and_stop_phrases_are_not_partners() -> None:
    assert names("valued at US$ 6.69 billion and 11.9 billion US dollars") == []
    assert names("research in the Indian Ocean with India") == ["India"]


def test_offsets_point_at_the_words() -> None:
    text = "talks with Brazilian and Kenyan teams"
    found = partners.find_partners(text)
    assert [text[a:b] for a, b, _, _ in found] == ["Brazilian", "Kenyan"]


def test_a_name_wrapped_over_a_lines_break_is_found_whole() -> None:
    # (hard-wrapped text: "to the United" / "States"; a blank line between is no wrap)
    text = "scholars sent to the United\nStates and to New  Zealand"
    found = partners.find_partners(text)
    assert [(text[a:b], name) for a, b, name, _ in found] == [
        ("United\nStates", "United States"),
        ("New  Zealand", "New Zealand"),
    ]
    assert names("to the United\n\nStates") == []


@pytest.fixture(scope="module")
def seed_mentions():
    c = corpus.load_corpus(SEEDS)
    return c, partners.partner_mentions(c)


def test_seed_003_partners(seed_mentions) -> None:
    _, m = seed_mentions
    got = set(m.loc[m["doc_id"].str.startswith("003"), "partner"])
    want = {
        "Pakistan",
        "United States",
        "Germany",
        "Italy",
        "Indonesia",
        "South Africa",
        "Japan",
        "Russia",
        "United Kingdom",
        "ITER",
        "IODP",
        "GEOS",
        "UNEP",
    }
    assert want <= got
    assert "China" not in set(m["partner"])


def test_seed_before_1978_has_no_era(seed_mentions) -> None:
    _, m = seed_mentions
    soviet = m[m["partner"] == "Soviet Union"]
    assert list(soviet["year_basis"]) == ["before"] and soviet["era"].isna().all()


def test_mentions_schema_and_tables(seed_mentions) -> None:
    c, m = seed_mentions
    partners.mentions_schema().validate(m)
    by_doc = partners.partners_by_document(c, m)
    assert set(by_doc.columns) == {"doc_id", "partner", "kind", "mentions", "sentences"}
    apec = by_doc[(by_doc["partner"] == "APEC")]
    assert apec["doc_id"].item().startswith("002") and apec["mentions"].item() == 4
    by_era = partners.partners_by_era(m)
    japan = by_era[by_era["partner"] == "Japan"].set_index("era")["mentions"]
    assert japan.to_dict() == {"1991-2000": 3, "2006-2011": 2}


def test_mention_year_is_the_sentence_year(tmp_path: Path) -> None:
    text = (
        "Partners of Science\n\nIn 1985, China and France signed an accord on the research of "
        "rice. The Canadian side joined the work of the laboratory later on.\n\n"
        "Today Kenya is one of the countries that work with the institute in 2009.\n"
    )
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    m = partners.partner_mentions(corpus.load_corpus(tmp_path)).set_index("partner")
    assert m.loc["France", "year"] == 1985 and m.loc["France", "era"] == "1978-1990"
    assert m.loc["Canada", "year_basis"] == "publication" and m.loc["Canada", "year"] == 2009
    assert m.loc["Kenya", "era"] == "2006-2011"


def test_duplicates_are_not_counted_by_era(tmp_path: Path) -> None:
    body = (
        "Cooperation with Brazil\n\nIn 2003, China and Brazil launched a second satellite for "
        "earth observation. The satellite was built by engineers of both countries and its "
        "data are shared with many of the developing countries in the region.\n"
    )
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "b.txt").write_text(body.replace("second", "new"), encoding="utf-8")
    m = partners.partner_mentions(corpus.load_corpus(tmp_path))
    # Brazil in the title and in the sentence of each document; only a.txt counts
    assert m.groupby("doc_id")["duplicate"].agg(["sum", "size"]).values.tolist() == [[0, 2], [2, 2]]
    by_era = partners.partners_by_era(m)
    assert by_era[["era", "partner", "mentions", "documents"]].values.tolist() == [
        ["2001-2005", "Brazil", 2, 1]
    ]


@pytest.mark.slow
def test_partners_themes_notebook_runs(run_notebook) -> None:
    outputs = run_notebook(
        "04-partners-themes.ipynb", seeds_dir=str(SEEDS), start_year=1978, end_year=2011
    )
    assert images(outputs) >= 2  # two charts


def test_a_demonym_under_an_unknown_country_code_is_an_error_naming_the_file(monkeypatch):
    from analysis.config import InputError, load_lexicon

    lex = dict(load_lexicon("partners"))
    lex["demonyms"] = {"XXX": ["Xanadian"]}
    monkeypatch.setattr(partners, "load_lexicon", lambda name: lex)
    partners.matcher.cache_clear()
    try:
        with pytest.raises(InputError, match=r"partners\.yaml: demonyms: no country XXX"):
            partners.matcher()
    finally:
        monkeypatch.undo()
        partners.matcher.cache_clear()
