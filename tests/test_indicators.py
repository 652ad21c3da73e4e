"""Indicator assignment on small sentences written here: word classes of indicators.yaml
(inflected, both spellings), money units, table rows, and the subgroups that stay out."""

import re

import pytest

from analysis.classify import (
    UNCLASSIFIED,
    _classify,
    _inflections,
    _spelt,
    _unit_applies,
    word_class_pattern,
)
from analysis.config import InputError


def classify(sentence: str, figure: str, unit: str = "count") -> str:
    """The indicator of ``figure`` (its first occurrence) in ``sentence``, with the windows
    extraction gives it: before from the previous number (or the start), after to the
    next number or clause stop."""
    at = sentence.index(figure)
    end = at + len(figure)
    prev = [m.end() for m in re.finditer(r"\d", sentence[:at])]
    before = (prev[-1] if prev else 0, at)
    nxt = re.search(r"\d|[,;:()\[\]]", sentence[end:])
    after = (end, end + nxt.start() if nxt else len(sentence))
    return _classify(sentence, unit, before, after, (0, len(sentence)))[0]


def test_word_forms_are_generated():
    assert {"student", "students"} <= _inflections("student")
    assert {"laboratories", "commit"} <= _inflections("laboratory") | _inflections("commit")
    assert "committed" in _inflections("commit")
    assert "graduate students" in _inflections("graduate student")
    assert {"centre", "center"} <= _spelt("centre")
    assert {"programme", "program"} <= _spelt("programme")
    assert {"organisation", "organization"} <= _spelt("organisation")
    pat = re.compile(word_class_pattern(["centre", "visiting scholar"]), re.I)
    assert pat.search("three research centers")
    assert pat.search("52 visiting  scholars")
    assert not pat.search("a concentration")


def test_money_units():
    assert _unit_applies("KRW", frozenset({"money"}))
    assert _unit_applies("USD", frozenset({"money"}))
    assert not _unit_applies("percent", frozenset({"money"}))
    assert not _unit_applies("count", frozenset({"money"}))
    assert _unit_applies("count", frozenset({"count"}))


@pytest.mark.parametrize(
    ("sentence", "figure", "want"),
    [
        # students: a learner noun and a qualifier anywhere in the clause
        (
            "In 1978 the first 52 Chinese visiting scholars left Beijing for the United States.",
            "52",
            "students_abroad",
        ),
        (
            "Some 30,000 Chinese are now enrolled at French universities.",
            "30,000",
            "students_abroad",
        ),
        (
            "Of the 1.2 million people who have left the country to study since 1978, many stayed.",
            "1.2",
            "students_abroad",
        ),
        (
            "The ministry plans to send another 3,000 this year, most of them postgraduates.",
            "3,000",
            "students_abroad",
        ),
        # coming back, and those who studied abroad now at work at home
        ("Some 4,000 scholars came home after their courses.", "4,000", "returnees"),
        (
            "A total of 910 people who had studied abroad had taken up posts in Fujian.",
            "910",
            "returnees",
        ),
        # the verb decides: exchanged, hosted
        ("The two academies will exchange 12 scientists a year.", "12", "personnel_exchanges"),
        ("In 2015 the institute hosted 140 foreign visitors.", "140", "personnel_exchanges"),
        # "person-times of X": X decides
        (
            "In the year 8,100 person-times of foreign experts were invited to the province.",
            "8,100",
            "foreign_experts",
        ),
        # contracts bought technology in
        (
            "By 1990 it had signed 7,000 such contracts since it began buying technology abroad.",
            "7,000",
            "tech_import_contracts",
        ),
        # synonyms of the indicator's noun
        (
            "The agency runs 11 international associated laboratories with Chinese partners.",
            "11",
            "joint_research_centers",
        ),
        ("China will build 14 agricultural demonstration centers in Asia.", "14", "coop_bases"),
        (
            "There were 90 S&T staff serving in 40 such sections, located in 35 countries.",
            "90",
            "st_diplomats",
        ),
        (
            "There were 90 S&T staff serving in 40 such sections, located in 35 countries.",
            "40",
            "st_offices",
        ),
        (
            "There were 90 S&T staff serving in 40 such sections, located in 35 countries.",
            "35",
            "st_office_countries",
        ),
        (
            "At its session the bilateral cooperation committee reviewed 45 projects.",
            "45",
            "coop_projects",
        ),
    ],
)
def test_general_forms(sentence, figure, want):
    assert classify(sentence, figure) == want


@pytest.mark.parametrize(
    ("sentence", "figure", "unit", "want"),
    [
        (
            "Under the agreement Korea will provide 3.1 billion for joint work.",
            "3.1",
            "KRW",
            "coop_funding",
        ),
        (
            "The city will add a further 5 million for the lab's second phase.",
            "5",
            "CNY",
            "coop_funding",
        ),
    ],
)
def test_money_of_cooperation(sentence, figure, unit, want):
    assert classify(sentence, figure, unit) == want


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        # a region's countries are a subgroup of the partners, never a point of their series
        ("China has signed S&T cooperation agreements with 21 African countries.", "21"),
        # projects of a named domestic body, people at home, things of no indicator
        ("The foundation funded 300 projects of the National Natural Science Foundation.", "300"),
        ("About 400 students are enrolled at Peking University this year.", "400"),
        ("The two universities opened 12 new dormitories last year.", "12"),
        ("Some 40 Chinese officials attended the meeting in Beijing.", "40"),
    ],
)
def test_stays_unclassified(sentence, figure):
    assert classify(sentence, figure) == UNCLASSIFIED


def test_posts_at_home_are_no_posts_in_international_bodies():
    s = "By 1995 a total of 910 people who had studied abroad had taken up posts in Fujian."
    assert classify(s, "910") != "intl_org_positions"
    s = "More than 260 Chinese scientists hold leading posts in international organizations."
    assert classify(s, "260") == "intl_org_positions"


def test_table_row_label():
    text = (
        "Item                 1988      1989\n"
        "Students sent abroad 3786      3329\n"
        "Students returned    3000      1753\n"
    )
    sent = (0, len(text))

    def cell(value: str) -> str:
        at = text.index(value)
        end = at + len(value)
        # the previous cell of the row (years of the header are no figures)
        prev = [m.end() for m in re.finditer(r"\b\d{4}\b", text[:at])]
        same_row = prev and "\n" not in text[prev[-1] : at]
        before = (prev[-1] if same_row else 0, at)
        nxt = re.search(r"\d", text[end:])
        after = (end, end + nxt.start() if nxt else len(text))
        return _classify(text, "count", before, after, sent)[0]

    assert cell("3786") == "students_abroad"
    assert cell("3329") == "students_abroad"
    assert cell("3000") == "returnees"
    assert cell("1753") == "returnees"


def test_unknown_word_class_is_an_error(monkeypatch):
    from analysis import classify as c

    real = c.load_lexicon

    def fake(name, directory=None):
        lex = real(name, directory)
        if name == "indicators":
            lex["indicators"][0]["rules"].append({"after": "{no_such_class}"})
        return lex

    c.indicator_lexicon.cache_clear()
    monkeypatch.setattr(c, "load_lexicon", fake)
    try:
        with pytest.raises(InputError, match="no_such_class"):
            c.indicator_lexicon()
    finally:
        monkeypatch.undo()
        c.indicator_lexicon.cache_clear()
        c._rules_for.cache_clear()
        c._after_needs.cache_clear()


# ---------------------------------------------------------------- round 4: head noun + qualifier
@pytest.mark.parametrize(
    ("sentence", "figure", "unit", "want"),
    [
        # a verb of buying or selling technology before a sum: its value
        ("The firms sold technology and plants worth 1.2 billion to other countries.", "1.2",
         "USD", "tech_export_value"),
        ("The country spent 6.1 billion on buying foreign technology last year.", "6.1",
         "USD", "tech_import_value"),
        # "the contract value" of the export contracts the sentence names
        ("Technology export contracts numbered 3,000, with a contract value of 2.6 billion.",
         "2.6", "USD", "tech_export_value"),
        # a sum of a named programme's funding; a sum passively given to someone
        ("The EU will make available 100 million of Horizon Europe funding.", "100", "EUR",
         "coop_funding"),
        ("Equipment worth 150 million has been donated to African universities.", "150",
         "CNY", "coop_funding"),
    ],
)  # fmt: skip
def test_money_by_verb_and_head_noun(sentence, figure, unit, want):
    assert classify(sentence, figure, unit) == want


@pytest.mark.parametrize(
    ("sentence", "figure", "unit"),
    [
        # a sum with no technology bought or sold, no programme's funding, nothing given
        ("The firms sold machinery worth 1.2 billion to other countries.", "1.2", "USD"),
        ("Its contract value of 2.6 billion was a record.", "2.6", "USD"),
        ("Equipment worth 150 million was shipped to the port.", "150", "CNY"),
    ],
)  # fmt: skip
def test_money_without_those_words_stays_unclassified(sentence, figure, unit):
    assert classify(sentence, figure, unit) == UNCLASSIFIED


@pytest.mark.parametrize(
    ("sentence", "figure", "want"),
    [
        # a choice of coming back; a bare number that left where the sentence speaks of return
        ("Of those who finished, 3.65 million chose to return.", "3.65", "returnees"),
        ("In 2003 alone, 117,300 left and 20,100 returned.", "117,300", "students_abroad"),
        # items of technology brought in from abroad
        ("China has introduced over 9,000 items of technology from abroad.", "9,000",
         "tech_import_contracts"),
        # "taken part in" a named programme's projects
        ("Chinese organisations have taken part in 305 Horizon Europe projects.", "305",
         "coop_projects"),
    ],
)  # fmt: skip
def test_counts_by_verb_and_head_noun(sentence, figure, want):
    assert classify(sentence, figure) == want


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Of those who finished, 3.65 million chose to stay.", "3.65"),
        ("In 2003 alone, 117,300 left the farms.", "117,300"),
        ("The plant has introduced over 9,000 items of technology of its own.", "9,000"),
    ],
)  # fmt: skip
def test_counts_without_those_words_stay_unclassified(sentence, figure):
    assert classify(sentence, figure) == UNCLASSIFIED


def test_the_subject_of_a_verb_of_counting_is_what_is_counted():
    sentence = "On the export side, technology export contracts numbered 3,512."
    assert classify(sentence, "3,512") == "tech_export_contracts"
    sentence = "In May, technology import contracts totalled 4,900 in all."
    assert classify(sentence, "4,900") == "tech_import_contracts"
    # a subject no rule knows, or a verb that is no counting verb, gives nothing
    assert classify("On the export side, the delegations numbered 35.", "35") == UNCLASSIFIED
    sentence = "On the export side, technology export contracts were signed by 35 firms."
    assert classify(sentence, "35") == UNCLASSIFIED


def test_countries_diplomats_are_posted_in():
    sentence = "Our embassies have 126 science and technology diplomats, posted in 46 countries."
    assert classify(sentence, "46") == "st_office_countries"
    # people posted with no S&T in the sentence: no office countries
    sentence = "The firm has 126 sales staff, posted in 46 countries."
    assert classify(sentence, "46") != "st_office_countries"
