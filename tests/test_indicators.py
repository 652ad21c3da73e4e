"""Indicator assignment on small sentences written here: word classes of indicators.yaml
(inflected, both spellings), money units, table rows, and the subgroups that stay out."""

import re

import pytest

from analysis import corpus, facts
from analysis.classify import (
    UNCLASSIFIED,
    _classify,
    _inflections,
    _unit_applies,
    word_class_pattern,
)
from analysis.dictionary import is_word, spellings


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
    assert {"centre", "center"} <= spellings("centre")
    assert {"programme", "program"} <= spellings("programme")
    assert {"organisation", "organization"} <= spellings("organisation")
    # the English word list reads both spellings; a fragment of a broken word is none
    assert is_word("organisations") and is_word("Programmes") and is_word("universities")
    assert not is_word("sities") and not is_word("governmentsponsored")
    pat = re.compile(word_class_pattern(["centre", "visiting scholar"]), re.I)
    assert pat.search("three research centers")
    assert pat.search("52 visiting  scholars")
    assert not pat.search("a concentration")


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Some 35 Chinese astronomers visited Chile in 2014.", "35"),
        ("Some 12 Chinese glaciologists visited Norway last summer.", "12"),
    ],
)
def test_the_people_of_a_science_are_visitors(sentence, figure):
    # a class naming another ("{sciences}" in visitors and professionals) takes in its words
    assert classify(sentence, figure) == "personnel_exchanges"


def test_a_word_class_names_another_only_if_it_exists():
    from analysis.classify import _class_words
    from analysis.config import InputError

    words = {"a": ["x", "{b}"], "b": ["y", "z"]}
    assert _class_words(words, "w") == {"a": ["x", "y", "z"], "b": ["y", "z"]}
    with pytest.raises(InputError, match="words.a"):
        _class_words({"a": ["{nothing}"]}, "w")


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
        # the protocols concluded under a governments' agreement (session 14)
        (
            "Since the agreement was signed, the two governments have concluded 22 protocols "
            "under it.",
            "22",
            "intergov_agreements",
        ),
        # the missions the sections are in, right after them (session 14)
        (
            "The commission has science and technology sections in 41 embassies and consulates.",
            "41",
            "st_offices",
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
        # the money a body funded or supported work with
        (
            "Since 1990 the FAO has financed rice projects in Laos and Nepal with 2.4 million.",
            "2.4",
            "USD",
            "coop_funding",
        ),
        (
            "The ministry supports Franco-Chinese research with some 5.5 million a year.",
            "5.5",
            "EUR",
            "coop_funding",
        ),
        # money lent or borrowed for science, research or education
        (
            "Since 1981 China has borrowed about 1.2 billion from the World Bank for education "
            "and science projects.",
            "1.2",
            "USD",
            "coop_funding",
        ),
        (
            "A 2.4 million loan from the Islamic Development Bank will build 500 biogas "
            "digesters with Chinese technology.",
            "2.4",
            "USD",
            "coop_funding",
        ),
    ],
)
def test_money_of_cooperation(sentence, figure, unit, want):
    assert classify(sentence, figure, unit) == want


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        # projects of a named domestic body, people at home, things of no indicator
        ("The foundation funded 300 projects of the National Natural Science Foundation.", "300"),
        ("About 400 students are enrolled at Peking University this year.", "400"),
        ("The two universities opened 12 new dormitories last year.", "12"),
        ("Some 40 Chinese officials attended the meeting in Beijing.", "40"),
        # students trained, or workers from a firm's own plants: no exchange
        ("The scheme trained 1,500 students from developing countries.", "1,500"),
        ("The firm trained 300 workers from its own plants.", "300"),
        ("The ministerial meeting was attended by 300 people.", "300"),
    ],
)
def test_stays_unclassified(sentence, figure):
    assert classify(sentence, figure) == UNCLASSIFIED


def test_posts_at_home_are_no_posts_in_international_bodies():
    s = "By 1995 a total of 910 people who had studied abroad had taken up posts in Fujian."
    assert classify(s, "910") != "intl_org_positions"
    s = "More than 260 Chinese scientists hold leading posts in international organizations."
    assert classify(s, "260") == "intl_org_positions"
    # posts won in a year: elected or appointed to them, or taken up
    s = "During the year forty-two Chinese scientists were elected to posts in these bodies."
    assert classify(s, "forty-two") == "intl_org_positions"
    s = "Some 120 Chinese experts took up posts in international organisations in 1990."
    assert classify(s, "Some 120") == "intl_org_positions"
    s = "Thirty-five Academy scientists now serve on the executive bodies of international unions."
    assert classify(s, "Thirty-five") == "intl_org_positions"


def test_adhering_to_international_bodies_is_joining_them():
    s = "In 1986 the Academy adhered to 12 further international scientific organizations."
    assert classify(s, "12") == "intl_org_memberships"
    s = "The Academy adheres, on behalf of China, to 26 international scientific unions."
    assert classify(s, "26") == "intl_org_memberships"


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


def test_unknown_word_class_is_an_error(bad_lexicon):
    from analysis import classify as c

    def change(lex):
        lex["indicators"][0]["rules"].append({"after": "{no_such_class}"})

    error = bad_lexicon(c, "indicators", change, c.indicator_lexicon, c._rules_for, c._after_needs)
    assert "no_such_class" in str(error)


# ---------------------------------------------------------------- round 4: head noun + qualifier
@pytest.mark.parametrize(
    ("sentence", "figure", "unit", "want"),
    [
        # a verb of buying or selling technology before a sum: its value
        ("The firms sold technology and plants worth 1.2 billion to other countries.", "1.2",
         "USD", "tech_export_value"),
        ("The country spent 6.1 billion on buying foreign technology last year.", "6.1",
         "USD", "tech_import_value"),
        # purchases named as such, money spent on technology from abroad, technology a
        # partner supplied or licensed to Chinese firms
        ("The country's purchases of imported know-how reached 2.3 billion in 1987.", "2.3",
         "USD", "tech_import_value"),
        ("The state paid 900 million on foreign technology and licences in 1990.", "900",
         "USD", "tech_import_value"),
        ("Italy was second, supplying technology worth 1.4 billion under 610 contracts.", "1.4",
         "USD", "tech_import_value"),
        ("Finnish know-how licensed to Chinese firms was worth 300 million in 2010.", "300",
         "EUR", "tech_import_value"),
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
        # a plant built with a sum: no funding verb before "with"
        ("The firm built a new plant with 40 million of its own.", "40", "USD"),
        # equipment supplied, technology licensed to no Chinese firm
        ("Chinese firms supplied equipment worth 40 million to Kenya.", "40", "USD"),
        ("Its own know-how licensed to Kenyan firms was worth 40 million in 2010.", "40", "USD"),
        # loans for ports and railways: no science in the sentence
        ("Japan extended 470 billion in yen loans for railways and ports.", "470", "JPY"),
        ("The bank has lent the province 300 million for roads since 1990.", "300", "USD"),
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
        # people from other countries or named places trained in China: exchanges
        ("The provinces have trained some 1,200 technicians and officials from Vietnam, Laos "
         "and Myanmar.", "1,200", "personnel_exchanges"),
        ("Its centre has trained more than 2,600 meteorologists from 134 countries.", "2,600",
         "personnel_exchanges"),
        ("China will train 5,000 scientific and technical personnel from partner countries.",
         "5,000", "personnel_exchanges"),
        # ... or for other countries
        ("Over three years the ministry will train 900 irrigation engineers for Central Asia.",
         "900", "personnel_exchanges"),
        ("The institute has trained 3,100 managers of various kinds for developing countries.",
         "3,100", "personnel_exchanges"),
        (
            "The centre trained 150 technicians from Asian countries in 2016.",
            "150",
            "personnel_exchanges",
        ),
        # trainees, and the people a course was attended by
        ("This year alone 410 trainees came, a record.", "410", "personnel_exchanges"),
        ("The ministry held training courses for Africa, attended by 1,026 officials and "
         "technicians.", "1,026", "personnel_exchanges"),
        # "taken part in" a named programme's projects
        ("Chinese organisations have taken part in 305 Horizon Europe projects.", "305",
         "coop_projects"),
        # learners gone abroad, told by the verb: perfect, any noun, still studying, chosen to go
        ("Since 1978 a total of 33,000 have gone to study in 61 countries.", "33,000",
         "students_abroad"),
        ("Last year 523,700 mainlanders went overseas to study.", "523,700", "students_abroad"),
        ("By 2010, 1.905 million Chinese had gone abroad, of whom 632,200 had returned.",
         "1.905 million", "students_abroad"),
        ("More than 527,000 Chinese are still studying or doing research abroad.", "527,000",
         "students_abroad"),
        ("This year the ministry plans to select a further 2,500 to go abroad.", "2,500",
         "students_abroad"),
        ("The number going abroad to study hit a record 144,000.", "144,000", "students_abroad"),
        ("The totals since 1978 came to 1.07 million departures and 275,000 returns.",
         "1.07 million", "students_abroad"),
        # Chinese learners the subject of a copula (not those come back)
        ("Chinese students in the U.S. numbered 67,723 in academic year 2006/07.", "67,723",
         "students_abroad"),
        ("The total number of Chinese students who have returned from overseas study reached "
         "818,400 by the end of 2011.", "818,400", "returnees"),
        # projects a body abroad funds in China, or with Chinese partner investigators
        ("CIDA has funded 28 university linkage projects in China since 1988.", "28",
         "coop_projects"),
        ("The council funded 210 Discovery and Linkage projects with Chinese partner "
         "investigators.", "210", "coop_projects"),
        # a running total of those back, and the pair of totals out and back
        ("That year 432,500 returned, bringing the total who have come home to 2.65 million.",
         "2.65 million", "returnees"),
        ("Since 1978 the totals are 4.58 million out and 2.65 million back.", "4.58 million",
         "students_abroad"),
        ("Since 1978 the totals are 4.58 million out and 2.65 million back.", "2.65 million",
         "returnees"),
        # people crossing both ways
        ("Officials said that about 2,600 scientists and engineers crossed in both directions "
         "under cooperation arrangements in 1979.", "2,600", "personnel_exchanges"),
        # people sent abroad in delegations
        ("The Ministry sent 1,850 people in 312 delegations abroad for S&T exchanges.",
         "1,850", "personnel_exchanges"),
        # (people gone abroad on a visit, the sentence speaking of neither study nor return)
        ("The institutes said 300 researchers had gone abroad on visits.", "300",
         "personnel_exchanges"),
        # the people of a delegation counted after it (not what the delegation did)
        ("A Chinese scientific delegation of 18 visited Ulan Bator in May.", "18",
         "personnel_exchanges"),
        # the countries a network of offices spreads over or covers ("over" a verb's particle)
        ("Its 144 S&T diplomats serve in 68 embassies, consulates and missions, spread over "
         "46 countries.", "46", "st_office_countries"),
        ("Its 102 S&T diplomats are stationed in 46 embassies and consulates, covering 37 "
         "countries.", "37", "st_office_countries"),
        # people a body recruited or hired from abroad
        ("SUSTech has recruited about 420 faculty members from overseas since 2012.", "420",
         "returnees"),
        # projects a body funds, backs or approves
        ("The Academy of Finland and the foundation have funded 33 projects through joint "
         "calls since 2009.", "33", "coop_projects"),
        ("The Committee approved 7 new projects in wool processing and remote sensing.", "7",
         "coop_projects"),
        # projects a protocol or agreement lists or carries
        ("The protocol lists 27 projects in geology and seismology.", "27", "coop_projects"),
        ("The commission handles some 10,000 projects under agreements.", "10,000",
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
        ("The delegation of the ministry signed 3 agreements.", "3"),
        ("SUSTech has recruited about 420 faculty members since 2012.", "420"),
        # people trained for a project at home are no exchange
        ("The builder trained 700 welders for the Qinghai-Tibet railway.", "700"),
    ],
)  # fmt: skip
def test_counts_without_those_words_stay_unclassified(sentence, figure):
    assert classify(sentence, figure) == UNCLASSIFIED


def test_projects_of_a_trade_approved_are_no_cooperation_projects():
    sentence = "Shanghai approved 1,600 technology import projects in those years."
    assert classify(sentence, "1,600") != "coop_projects"


def test_the_subject_of_a_verb_of_counting_is_what_is_counted():
    sentence = "On the export side, technology export contracts numbered 3,512."
    assert classify(sentence, "3,512") == "tech_export_contracts"
    sentence = "In May, technology import contracts totalled 4,900 in all."
    assert classify(sentence, "4,900") == "tech_import_contracts"
    # a subject no rule knows, or a verb that is no counting verb, gives nothing
    assert classify("On the export side, the exhibitors numbered 35.", "35") == UNCLASSIFIED
    sentence = "On the export side, technology export contracts were signed by 35 firms."
    assert classify(sentence, "35") == UNCLASSIFIED


def test_countries_diplomats_are_posted_in():
    sentence = "Our embassies have 126 science and technology diplomats, posted in 46 countries."
    assert classify(sentence, "46") == "st_office_countries"
    # people posted with no S&T in the sentence: no office countries
    sentence = "The firm has 126 sales staff, posted in 46 countries."
    assert classify(sentence, "46") != "st_office_countries"


# ------------------------------------------------- round 5: figures with no noun of their own
def page_indicators(tmp_path, body: str) -> dict[str, str]:
    """quote -> indicator of every figure of a page with ``body`` (under a plain title)."""
    from analysis import corpus, facts

    path = tmp_path / "page.txt"
    path.write_text(f"Annual Review of Exchanges\n\n{body}\n", encoding="utf-8")
    doc = corpus.read_document(path)
    return {r["quote"]: r["indicator"] for r in facts.extract_facts(doc)}


def indicator_of(rows: dict[str, str], figure: str) -> str:
    hits = [q for q in rows if q == figure or q.startswith(figure + " ")]
    assert len(hits) == 1, (figure, rows)
    return rows[hits[0]]


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a bare number before its verb: the figure of the sentences before
        ("In 2010 the country sent 5,200 students abroad to study. Most went to Europe. "
         "About 900 are now in Canada, officials said.", "About 900", "students_abroad"),
        ("In 1996 the ministry sent 3,000 students abroad. This was twice the 1,500 sent in "
         "1995.", "1,500", "students_abroad"),
        # a part told by its year alone: the count before, not the places its people came from
        ("The station has trained 1,800 hydrologists from 60 countries, 210 of them last year "
         "alone.", "210", "personnel_exchanges"),
        ("The college has trained 950 engineers from 41 developing countries, including 75 in "
         "2015 alone.", "75", "personnel_exchanges"),
        # partitives: the figure before, or the noun after "of the"
        ("The city signed 800 technology import contracts in 2001. Machinery made up most of "
         "the value. The new zone alone signed 150 of the contracts.", "150",
         "tech_import_contracts"),
        ("Last year 25,000 scholars came home from abroad. Guangzhou has 8,000 of them, the "
         "city said.", "8,000", "returnees"),
        ("It has signed intergovernmental S&T cooperation agreements with 80 countries, 12 of "
         "them EU Member States.", "12", "intergov_agreements"),
        # pro-forms: "ones", a whole, "of which"
        ("The bilateral cooperation committee reviewed 40 projects and approved 12 new ones.",
         "12", "coop_projects"),
        ("The ministry named 20 new international cooperation bases, bringing the total to 140.",
         "140", "coop_bases"),
        ("The panel examined the 30 joint research projects started in 2005, of which 18 have "
         "been completed.", "18", "coop_projects"),
        # its verb makes them another population: students abroad who came back
        ("Since 1990 the institute has sent 3,000 students abroad. Of these, about 1,200 have "
         "finished their degrees and come home.", "about 1,200", "returnees"),
        ("About 9,000 students have gone abroad to study since 2000, and 60 percent of the "
         "doctoral students among them have come back.", "60 percent", "returnees"),
        # a share of nothing more after "accounting for": the share of the part before it
        ("Of those who finished, 2.1 million chose to return, accounting for 78.5 percent.",
         "78.5 percent", "returnees"),
    ],
)  # fmt: skip
def test_a_figure_with_no_noun_counts_its_antecedent(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure"),
    [
        # a copula of a property makes a subgroup; a verb with no reading gives nothing
        ("Since 1990 the institute has sent 3,000 students abroad. In all, 2,000 were still "
         "abroad.", "2,000"),
        ("The DAAD funded 700 students from the two countries, of which 410 were Chinese.",
         "410"),
        ("In 2010 the country sent 5,200 students abroad. Some 300 attended the farewell.",
         "Some 300"),
        # a part "including" with words of its own is no part told by its year
        ("The college has trained 950 engineers from 41 developing countries, including 75 "
         "women in 2015.", "75"),
        # "the number of X": it counts X, even when X is of no indicator
        ("In 2010 the country sent 5,200 students abroad. The number of visitors reached 4,000.",
         "4,000"),
        # no antecedent within reach, or one whose indicator is unknown
        ("About 900 are now in Canada, officials said.", "About 900"),
        ("The university has 5,600 alumni, and 3,000 are now in France.", "3,000"),
        ("Some 5,000 foreign experts worked in the province in 1995. The bureau employed 200 "
         "interpreters. About 60 are now in Guangzhou.", "About 60"),
        # a share of a subgroup that did not come back
        ("About 9,000 students have gone abroad since 2000, and 60 percent of the doctoral "
         "students among them are women.", "60 percent"),
        # "returnee-run": a modifier of the counted noun, not its head
        ("Last year 25,000 scholars came home. The park hosts 320 returnee-run firms.", "320"),
    ],
)  # fmt: skip
def test_a_figure_with_no_noun_and_no_antecedent_stays_unclassified(tmp_path, body, figure):
    assert indicator_of(page_indicators(tmp_path, body), figure) == UNCLASSIFIED


def test_people_sent_abroad_for_study_are_students():
    sentence = "The academy sent 700 researchers abroad for advanced study in 2010."
    assert classify(sentence, "700") == "students_abroad"
    sentence = "The academy sent 700 researchers abroad for training in 2010."
    assert classify(sentence, "700") == "personnel_exchanges"


def test_a_turn_names_known_indicators(bad_lexicon):
    from analysis import classify as c

    def change(lex):
        lex["turns"] = [{"from": ["students_abroad"], "verb": "came back", "to": "nobody"}]

    error = bad_lexicon(c, "indicators", change, c.indicator_lexicon, c._rules_for, c._after_needs)
    assert "nobody" in str(error)


# ------------------------------------------------- round 6: grammar and word classes (LEXICON)
@pytest.mark.parametrize(
    ("sentence", "figure", "want"),
    [
        # people taken in from abroad, or who come for a stay: exchanges
        ("Last year the institute welcomed 340 young engineers from Andean countries.", "340",
         "personnel_exchanges"),
        ("The scheme has brought 610 postdocs to work in Chinese laboratories.", "610",
         "personnel_exchanges"),
        ("Every year some 150 Dutch professors come to work at Chinese universities.", "150",
         "personnel_exchanges"),
        ("The bureau trained 900 Chinese engineers in Germany in 1996.", "900",
         "personnel_exchanges"),
        ("Its staff made 2,400 trips abroad in 2011.", "2,400", "personnel_exchanges"),
        ("Exchanges rose to some 800 person-visits a year.", "800", "personnel_exchanges"),
        ("The academy will host 300 international fellows a year.", "300", "personnel_exchanges"),
        ("The ministry will train 80 Andean agronomists and technicians next year.", "80",
         "personnel_exchanges"),
        ("The office received 31 foreign delegations with 260 persons.", "260",
         "personnel_exchanges"),
        # experts invited or sent to China are foreign experts
        ("The port city invited 45 Italian experts in 1988.", "45", "foreign_experts"),
        ("Over the decade Canada sent 700 experts to China.", "700", "foreign_experts"),
        # states that hold agreements; money for bringing in foreign expertise
        ("Nine Nordic and Baltic member states have S&T agreements with Beijing.", "Nine",
         "intergov_agreements"),
        ("The treaty brought to 30 the number of countries with which it had such agreements.",
         "30", "intergov_agreements"),
        ("Nanjing set aside 25 million yuan for introducing foreign know-how.", "25 million yuan",
         "coop_funding"),
        ("The council funded 70 projects with Korean participants.", "70", "coop_projects"),
        # scientists brought back are returnees, not visitors
        ("The scheme brought back 420 scientists from North America in 2009.", "420",
         "returnees"),
        # contracts for foreign technology are imports; Chinese learners arrived abroad
        ("In 1990 the firms signed 45 contracts for foreign machinery and technology.", "45",
         "tech_import_contracts"),
        ("Some 30 Chinese graduate students arrived in Lyon in March.", "30", "students_abroad"),
        # "According" holds no accord
        ("According to the survey, the city has friendly relations with 58 countries.", "58",
         "partner_countries"),
    ],
)  # fmt: skip
def test_people_moving_states_and_money(sentence, figure, want):
    unit = "CNY" if "yuan" in sentence else "count"
    assert classify(sentence, figure, unit) == want


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        # an invitation of fellows, members a programme brings together
        ("The foundation will invite 80 African postdoctoral fellows to conduct research.", "80"),
        ("The network brings together 250 scientists from 12 countries.", "250"),
    ],
)  # fmt: skip
def test_stays_that_are_no_exchange(sentence, figure):
    assert classify(sentence, figure) == UNCLASSIFIED


def test_the_subject_of_a_verb_of_counting_may_hold_its_head_late():
    sentence = "Korean and Thai students enrolled abroad numbered about 52,000 in 2001."
    assert classify(sentence, "52,000") == "students_abroad"
    sentence = "7. Scholars returning to work in Fujian numbered 1,210 in 2003."
    assert classify(sentence, "1,210") == "returnees"


def test_a_table_column_header_turns_the_row_label():
    text = (
        "Table 2  Technology trade of the city\n\n"
        "Item              Contracts   Value (US$ million)   Change in value (%)\n"
        "Technology imports      212          640.5               +4.1\n"
        "Technology exports       71           90.2               -2.6\n"
    )

    def cell(figure: str, unit: str = "count") -> str:
        at = text.index(figure)
        end = at + len(figure)
        line = text.rfind("\n", 0, at) + 1
        prev = max((m.end() for m in re.finditer(r"\d", text[line:at])), default=0)
        before = (line + prev if prev else line + 10, at)
        nxt = re.search(r"\S|\n", text[end:])
        after = (end, end + nxt.start())
        return _classify(text, unit, before, after, (text.index("Item"), len(text)))[0]

    assert cell("212") == "tech_import_contracts"
    assert cell("71") == "tech_export_contracts"
    assert cell("4.1") == "tech_import_value"
    assert cell("2.6") == "tech_export_value"


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a share or change of a noun named before: its indicator is that noun's
        ("The city signed 300 contracts for the import of technology in 1995. The number of "
         "contracts rose 9 percent on 1994.", "9 percent", "tech_import_contracts"),
        ("The city signed 300 contracts for the import of technology in 1995. Some 40 percent "
         "of this year's contracts were for software.", "Some 40 percent", "tech_import_contracts"),
        ("The city signed 300 contracts for the import of technology in 1995. In 1985 such "
         "contracts made up only 5 percent of the total.", "5 percent", "tech_import_contracts"),
        ("The province spent 80 million yuan on international cooperation in 2010, and 30 "
         "percent of this sum came from its partners.", "30 percent", "coop_funding"),
        ("In 2009 the country's technology imports reached US$9.1 bln. Firms from Korea "
         "supplied 21 percent of this.", "21 percent", "tech_import_value"),
        ("Technology imports into Hubei accounted for 3.2 percent of the national total.",
         "3.2 percent", "tech_import_value"),
        ("In 2003 the value of technology export contracts rose 6.5% over 2002.", "6.5%",
         "tech_export_value"),
        # a base compared with, a sum "a further", a noun two counts share
        ("The college sent 210 faculty members abroad for research, up from 130 in 2004.",
         "130", "personnel_exchanges"),
        ("Korea keeps some 70 science and technology diplomats abroad, against 40 for Spain.",
         "40", "st_diplomats"),
        ("The county lured 900 returnees in 2012, and hopes to draw 1,500 a year by 2016.",
         "1,500", "returnees"),
        ("The plan had brought back 640 scholars by May, beyond the goal of 600 it had set.",
         "600", "returnees"),
        ("The fund committed $3 million to joint research projects, and the agency a further "
         "$2 million.", "$2 million", "coop_funding"),
        ("The bodies hold intergovernmental S&T agreements with 50 countries. Chile and Peru "
         "have 12 and 15 such agreements respectively.", "12", "intergov_agreements"),
        # a part of the things just counted: "of the contracts signed", "of which ... set up",
        # "provincial-level ones", and what those contracts are worth
        ("The city signed 300 contracts for the import of technology in 1995. The port "
         "district accounted for 41 of the contracts signed in 1995, worth 90 million "
         "dollars.", "41", "tech_import_contracts"),
        ("The city signed 300 contracts for the import of technology in 1995. The port "
         "district accounted for 41 of the contracts signed in 1995, worth 90 million "
         "dollars.", "90 million dollars", "tech_import_value"),
        ("The university runs 12 joint laboratories with foreign partners, four of which were "
         "set up in 2010.", "four", "joint_research_centers"),
        ("The province had six national-level international S&T cooperation bases and 19 "
         "provincial-level ones.", "19", "coop_bases"),
    ],
)  # fmt: skip
def test_shares_bases_and_parts_take_the_noun_they_refer_to(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure"),
    [
        # the share of a subgroup of another population, or one a receiver got
        ("In 1990 the country sent 3,000 students abroad. Self-funded students made up about "
         "70 per cent of those leaving.", "about 70 per cent"),
        ("In 1990 the country sent 3,000 students abroad. Canada received some 30 per cent of "
         "the state-sponsored students.", "some 30 per cent"),
        # "and N in <Place>": a part, no base of the count before
        ("The province has cooperative relations with 42 countries and 17 in Africa.", "17"),
    ],
)  # fmt: skip
def test_shares_of_another_population_stay_unclassified(tmp_path, body, figure):
    assert indicator_of(page_indicators(tmp_path, body), figure) == UNCLASSIFIED


def test_money_of_contracts_for_foreign_technology():
    sentence = (
        "The province signed contracts for foreign equipment and technology worth $2 billion."
    )
    assert classify(sentence, "$2 billion", "USD") == "tech_import_value"


def test_a_worth_pair_names_known_indicators(bad_lexicon):
    from analysis import classify as c

    def change(lex):
        lex["worth"] = [{"count": "tech_import_contracts", "money": "nothing_value"}]

    error = bad_lexicon(c, "indicators", change, c.indicator_lexicon, c._rules_for, c._after_needs)
    assert "nothing_value" in str(error)


@pytest.mark.parametrize(
    ("sentence", "figure", "indicator"),
    [
        # people who visit or stay abroad, whatever the verb of moving
        (
            "In 1981, 37 Chinese scientists visited Australia under the programme.",
            "37",
            "personnel_exchanges",
        ),
        (
            "Some 4,600 researchers from ASEAN countries came to China for training.",
            "4,600",
            "personnel_exchanges",
        ),
        (
            "More than 200 researchers have spent periods in the partner country.",
            "200",
            "personnel_exchanges",
        ),
        (
            "1,900 Chinese researchers have been funded to work in Europe since it began.",
            "1,900",
            "personnel_exchanges",
        ),
        (
            "The scheme aims to bring 300 Chinese researchers to European laboratories.",
            "300",
            "personnel_exchanges",
        ),
        ("Over 500 young scientists hosted in 2017.", "500", "personnel_exchanges"),
        # ... but not people who work where they are, nor an audience
        ("About 2,000 researchers work at the institute in Hefei.", "2,000", "unclassified"),
        # British "co-operation" is cooperation
        (
            "The agency spent £4.2 million on technical co-operation with China.",
            "4.2 million",
            "coop_funding",
        ),
        # a call's budget, and what a project may request
        ("The total budget for this call is up to EUR 4 million.", "4 million", "coop_funding"),
        (
            "Each project may request a maximum of EUR 500,000 from the council.",
            "500,000",
            "coop_funding",
        ),
    ],
)
def test_visits_stays_and_funding_in_other_words(
    sentence: str, figure: str, indicator: str
) -> None:
    unit = (
        "count"
        if figure[0].isdigit() and "million" not in figure and "500,000" != figure
        else "money"
    )
    assert classify(sentence, figure, unit) == indicator


# ------------------------------------------ session 7: forms that carry to unseen pages
@pytest.mark.parametrize(
    ("sentence", "figure", "unit", "want"),
    [
        # people taken in, named foreign before their noun (experts stay foreign_experts)
        ("In 2012 the institute hosted 64 Danish researchers outside the scheme.", "64", "count", "personnel_exchanges"),
        ("Its laboratories received 3,100 foreign scientists and engineers last year.", "3,100", "count", "personnel_exchanges"),
        ("The province received 700 foreign experts in 1990.", "700", "count", "foreign_experts"),
        # foreigners trained in China: coordinated nouns, and the intransitive
        ("The academy has trained 450 Asian officials and agronomists since 2010.", "450", "count", "personnel_exchanges"),
        ("About 800 Latin American engineers have trained in China under the scheme.", "800", "count", "personnel_exchanges"),
        # visits by people, people who came to a place
        ("Exchanges totalled 500 person-times, of which 210 were visits by Chinese scientists to Spain.", "210", "count", "personnel_exchanges"),
        ("Some 1,200 Chinese researchers came to Canada under the fellowship in 2015.", "1,200", "count", "personnel_exchanges"),
        ("Some 1,200 Chinese scholars went to Canada to study in 2015.", "1,200", "count", "students_abroad"),
        ("The foundation funded 260 Korean researchers for stays in China in 2013.", "260", "count", "personnel_exchanges"),
        # people of China gone to a country to study, people who left to study
        ("Since 2001, 150 young Chinese civil servants have come to Korea for graduate study.", "150", "count", "students_abroad"),
        ("By 2016 it was 4.2 million who had left to study and 2.6 million who came back.", "4.2 million", "count", "students_abroad"),
        # people who came back, the verb further on
        ("By 2000 some 9,000 Chinese engineers trained in Germany had come back.", "9,000", "count", "returnees"),
        # exchanges of people named by a people word
        ("The fund has supported 300 doctoral exchanges between the two countries.", "300", "count", "personnel_exchanges"),
        # technology bought or sold "under N contracts"
        ("In 2009 China imported German technology under 2,310 licence contracts.", "2,310", "count", "tech_import_contracts"),
        ("The country exported technology to Brazil through 120 deals in 2011.", "120", "count", "tech_export_contracts"),
        # diplomats posted to countries
        ("The ministry has posted 90 S&T diplomats to 38 countries.", "38", "count", "st_office_countries"),
        # a joint committee's projects, joint R&D centres
        ("At its fifth session the joint committee adopted 31 new projects.", "31", "count", "coop_projects"),
        ("Zhejiang has opened 14 joint R&D centres with Israeli firms.", "14", "count", "joint_research_centers"),
    ],
)  # fmt: skip
def test_forms_that_recur_in_other_words(sentence, figure, unit, want):
    assert classify(sentence, figure, unit) == want


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        # a population named as a part by a modifier of its noun
        ("The commission will send 2,500 state-sponsored students abroad this year.", "2,500"),
        ("Some 40,000 self-financed students went abroad to study in 1999.", "40,000"),
        # a group of students and researchers is no exchange of researchers
        ("In 2014, 300 Polish students and researchers went to Chinese universities.", "300"),
        ("The foundation funded 900 Korean students and researchers for stays in China.", "900"),
    ],
)  # fmt: skip
def test_parts_and_mixed_groups_stay_unclassified(sentence, figure):
    assert classify(sentence, figure) == UNCLASSIFIED


def test_scholars_gone_to_a_country_are_no_exchange_of_researchers():
    assert classify("In 1980 some 700 Chinese scholars went to Britain.", "700") != (
        "personnel_exchanges"
    )


def test_a_list_item_reads_its_label_and_ends_at_the_next_bullet():
    text = (
        "Key figures • Joint research projects approved since 2005: 310 • Workshops held: 45 "
        "• Chinese students in France: 28,000"
    )
    assert classify(text, "310") == "coop_projects"
    assert classify(text, "45") == UNCLASSIFIED  # workshops: no indicator, not the next item
    assert classify(text, "28,000") == "students_abroad"


def test_a_table_cell_whose_label_is_not_read_never_takes_the_next_row():
    text = (
        "Item                         2010      2011\n"
        "  of which: Self-paid (2)    4,100     5,300\n"
        "Returned students            9,000     9,800"
    )
    assert classify(text, "5,300") == UNCLASSIFIED


def test_a_subgroup_pattern_is_checked(bad_lexicon):
    from analysis import classify as c

    def change(lex):
        lex["subgroups"] = "(unclosed"

    error = bad_lexicon(c, "indicators", change, c.indicator_lexicon, c._rules_for, c._after_needs)
    assert "subgroups" in str(error)


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a part's line of a whole its own words name, in object position
        ("Zhejiang accounted for 9 percent of the nation's technology import value in 2010.",
         "9 percent", "tech_import_value"),
        ("Latin America accounted for 3 percent of China's technology exports in 2012.",
         "3 percent", "tech_export_value"),
        # a share apposed to the sum of its own sentence
        ("The country signed 400 contracts last year. Technology import contracts with Japanese "
         "firms were worth US$2.1 billion, 18 percent of the total.", "18 percent",
         "tech_import_value"),
        # a share of them by place
        ("In 2013 the college sent 900 students abroad to study, 40 percent of them to France.",
         "40 percent", "students_abroad"),
        # "that of X": the number of X
        ("The number of students going abroad rose 12%; that of returned students rose 30%.",
         "30%", "returnees"),
        # a base dated by a time word
        ("The plan is to have 40 joint laboratories by 2025, up from 22 now.", "22",
         "joint_research_centers"),
        # people in a place: "them" are the people, not the countries they went to
        ("The ministry has sent 20,000 students and scholars to 40 countries since 1980; about "
         "6,000 of them are in Japan.", "about 6,000", "students_abroad"),
        ("Of the nation's 300 international S&T cooperation bases, 12 are now located in Hubei.",
         "12", "coop_bases"),
        # a part employed, hosted ... by a place
        ("Some 90,000 foreign experts worked in China last year. Suzhou alone employed 7,000 of "
         "them.", "7,000", "foreign_experts"),
        # a noun left out after its own preposition
        ("The country has S&T cooperation agreements with 60 countries and exchanges with 120.",
         "120", "partner_countries"),
        # the end of a move from the figure before
        ("By 1985 the number of Chinese students in British universities had grown from fewer "
         "than 50 in 1979 to about 1,400.", "about 1,400", "students_abroad"),
        # "N more": the nearest count of the sentence before
        ("The university has agreements with partners in 30 countries and runs 8 joint "
         "laboratories. Last month it agreed to open two more.", "two", "joint_research_centers"),
        # a sum joined to a count, a part of the sum a sentence opens with, "on it"
        ("Firms from Korea accounted for 80 technology import contracts and US$300 million.",
         "US$300 million", "tech_import_value"),
        ("The 2015 budget for cooperation projects was EUR 8 million. Of the EUR 8 million, the "
         "ministry contributed EUR 3 million.", "EUR 3 million", "coop_funding"),
        ("Q: How much does the university spend on international cooperation? A: It spent 40 "
         "million yuan on it in 2011.", "40 million yuan", "coop_funding"),
    ],
)  # fmt: skip
def test_figures_read_through_their_whole_or_antecedent(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure"),
    [
        # a part defined by a participle of its own
        ("The panel noted that 60 joint research projects were carried out, 14 of them "
         "designated as key projects.", "14"),
    ],
)  # fmt: skip
def test_parts_defined_by_their_own_words_stay_unclassified(tmp_path, body, figure):
    assert indicator_of(page_indicators(tmp_path, body), figure) == UNCLASSIFIED


# ------------------------------------------------ session 7, round 2: mechanisms that carry
@pytest.mark.parametrize(
    ("sentence", "figure", "want"),
    [
        # a comma inside a coordination of nouns does not end the counted phrase
        ("Last year over 2,000 students, postgraduates and visiting scholars were sent to "
         "study in 30 countries.", "2,000", "students_abroad"),
        ("Some 600 engineers, technicians, and agronomists went abroad on exchange visits.",
         "600", "personnel_exchanges"),
    ],
)  # fmt: skip
def test_coordinated_nouns_are_read_with_their_verb(sentence, figure, want):
    assert classify(sentence, figure) == want


def test_a_list_of_places_is_no_coordination_of_nouns():
    assert classify("The city has 40 parks, Beijing, Shanghai and Tianjin have more.", "40") == (
        UNCLASSIFIED
    )


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a breakdown by place after a list lead: a line of the count it breaks down
        ("Since 1990 some 3,000 students and scholars have been sent to study in 20 countries, "
         "among them about 900 in Canada, 400 in France and 120 in the Republic of Korea.",
         "about 900", "students_abroad"),
        ("Since 1990 some 3,000 students and scholars have been sent to study in 20 countries, "
         "among them about 900 in Canada, 400 in France and 120 in the Republic of Korea.",
         "120", "students_abroad"),
        # ... after a place named with common words ("in EU member states")
        ("The embassy counts some 90,000 Chinese students in Nordic member countries, among "
         "them about 30,000 in Sweden and 12,000 in Finland.", "about 30,000", "students_abroad"),
        # a list of figures placed one name each before "respectively": lines of the count
        ("By 1990 the state had sent 40,000 students and scholars abroad, of whom 18,000, 6,500 "
         "and 3,200 had gone to Canada, France and Italy respectively.", "6,500",
         "students_abroad"),
        ("By 1990 the state had sent 40,000 students and scholars abroad, of whom 18,000, 6,500 "
         "and 3,200 were in Canada, France and Italy, respectively.", "18,000", "students_abroad"),
        # gapping: a name standing for its clause, its figure with no words of its own
        ("In 2004 the country sent 9,000 students abroad, and about 5,000 of them are in "
         "Australia; Canada hosts about 800 and New Zealand about 300.", "about 800",
         "students_abroad"),
        ("In 2004 the country sent 9,000 students abroad, and about 5,000 of them are in "
         "Australia; Canada hosts about 800 and New Zealand about 300.", "about 300",
         "students_abroad"),
        ("Last year the province signed 210 technology import contracts worth $900 million. "
         "Korea was the largest supplier, with contracts worth $300 million, followed by Italy "
         "with $150 million.", "$300 million", "tech_import_value"),
        ("Last year the province signed 210 technology import contracts worth $900 million. "
         "Korea was the largest supplier, with contracts worth $300 million, followed by Italy "
         "with $150 million.", "$150 million", "tech_import_value"),
        ("Last year the province signed 210 technology import contracts worth $900 million. "
         "Contracts with Brazil, its new partner, rose to $70 million.", "$70 million",
         "tech_import_value"),
    ],
)  # fmt: skip
def test_breakdowns_and_gapped_clauses_take_the_figure_they_continue(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # another part of a sum from another source
        ("The joint centre has received C$4 million from Canadian partners and RMB 9 million "
         "from the university since 2015.", "RMB 9 million", "coop_funding"),
        ("The centre has funding of RMB 30 million from the Ministry of Science and Technology "
         "of China and US$2.5 million from a private foundation.", "US$2.5 million",
         "coop_funding"),
        # (money with words of its own is what those words make it)
        ("The fund gave US$3 million to joint projects and US$2 million for new buildings.",
         "US$2 million", UNCLASSIFIED),
    ],
)  # fmt: skip
def test_money_continuing_a_sum_counts_what_it_does(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure"),
    [
        # a figure with words of its own is no line of the one before
        ("Since 1990 some 3,000 students have been sent to study abroad, among them about 900 "
         "teachers in Canada.", "about 900"),
        # a placed list that is no part of the figure before ("of whom") is no line of it
        ("By 1990 the state had sent 40,000 students abroad. Workshops numbered 120, 80 and 30 "
         "in Canada, France and Italy respectively.", "80"),
        # contracts with no count of technology contracts before: nothing to be worth
        ("The firm won contracts worth $40 million in Kenya last year.", "$40 million"),
    ],
)  # fmt: skip
def test_figures_with_words_of_their_own_are_no_breakdown(tmp_path, body, figure):
    assert indicator_of(page_indicators(tmp_path, body), figure) == UNCLASSIFIED


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # bare "contracts" with no trade figure before: the trade its paragraph speaks of
        ("The union stayed the largest source of imported know-how. Local firms signed 2,400 "
         "contracts with its suppliers worth US$6.2 billion.", "2,400", "tech_import_contracts"),
        ("The union stayed the largest source of imported know-how. Local firms signed 2,400 "
         "contracts with its suppliers worth US$6.2 billion.", "US$6.2 billion",
         "tech_import_value"),
        ("Exports of technology grew fast. Firms in the zone won 150 of these contracts.",
         "150", "tech_export_contracts"),
        ("Technology exports rose again. Contracts worth a total of US$3.1 billion were signed "
         "in the year.", "US$3.1 billion", "tech_export_value"),
        # ... named before a number with no noun of its own, and "their value"
        ("The region is a big buyer of foreign technology. Contracts signed by its firms "
         "numbered 318 in 2001, and their combined value came to US$540 million.", "318",
         "tech_import_contracts"),
        ("The region is a big buyer of foreign technology. Contracts signed by its firms "
         "numbered 318 in 2001, and their combined value came to US$540 million.",
         "US$540 million", "tech_import_value"),
        ("Beijing signed technology import contracts worth $2.1 billion in 1986, and the "
         "number of such contracts rose from 310 in 1985 to 520 in 1986.", "310",
         "tech_import_contracts"),
        # bare "imports from" / "exports to" a partner, in a paragraph of technology trade
        ("Technology imports rose again. Imports from Laos rose by 41.6% to US$1.12 billion.",
         "US$1.12 billion", "tech_import_value"),
        ("Technology exports to Laos reached US$3.4 billion, while imports from Laos stood at "
         "US$1.7 billion.", "US$1.7 billion", "tech_import_value"),
    ],
)  # fmt: skip
def test_bare_contracts_take_the_trade_their_paragraph_speaks_of(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


def test_bare_contracts_of_no_trade_stay_unclassified(tmp_path):
    body = "The builder signed 40 contracts with city governments worth US$90 million."
    rows = page_indicators(tmp_path, body)
    assert indicator_of(rows, "40") == UNCLASSIFIED
    assert indicator_of(rows, "US$90 million") == UNCLASSIFIED
    rows = page_indicators(tmp_path, "Rice exports to Laos reached US$2 billion last year.")
    assert indicator_of(rows, "US$2 billion") == UNCLASSIFIED


@pytest.mark.parametrize(
    ("sentence", "figure", "want"),
    [
        # China by any of its names
        ("In 2005 some 4,000 students from the People's Republic of China were enrolled at "
         "Dutch universities.", "4,000", "students_abroad"),
        ("About 2,300 students and scholars from the PRC were registered in Austria.", "2,300",
         "students_abroad"),
        ("There were 800 students from the mainland at the university.", "800",
         "students_abroad"),
        # recruits of a talent programme are returnees (foreign experts stay foreign experts)
        ("The Young Talents Program has recruited 420 promising young scientists since 2003.",
         "420", "returnees"),
        ("In 2009 alone the plan brought in 75 people.", "75", "returnees"),
        ("The talent plan recruited 30 foreign experts last year.", "30", "foreign_experts"),
    ],
)  # fmt: skip
def test_names_of_china_and_talent_recruits(sentence, figure, want):
    assert classify(sentence, figure) == want


def test_recruits_with_no_programme_are_no_returnees():
    assert classify("The firm recruited 300 engineers last year.", "300") == UNCLASSIFIED


def test_a_table_of_names_counts_what_its_caption_names(tmp_path):
    body = (
        "The number of those who went abroad to study has grown in every year of the decade, "
        "and most of them have gone to the countries where the language of teaching is one "
        "they had learned at school. Where they went is shown below, with the sources of the "
        "technology that the country bought in the same year.\n\n"
        "Table 2.1  Chinese students in selected host countries, 1995\n\n"
        "   Host country            Number\n"
        "   Australia               12,000\n"
        "   France                   3,100\n\n"
        "Table 2.2  China's technology imports by source, 1995\n\n"
        "   Source          Contracts      Value (US$ million)\n"
        "   Korea              410            900\n"
        "   Italy              230            450\n\n"
        "Source: compiled from ministry statistics.\n\n"
        "The pattern has held since then, and the ministry expects it to hold for some years.\n"
    )
    rows = page_indicators(tmp_path, body)
    assert indicator_of(rows, "12,000") == "students_abroad"
    assert indicator_of(rows, "3,100") == "students_abroad"
    assert indicator_of(rows, "410") == "tech_import_contracts"


def test_a_table_row_naming_a_part_is_not_read_by_the_caption(tmp_path):
    body = (
        "Table 3  Chinese students in Britain, 1995\n\n"
        "   Kind                    Number\n"
        "   of which self-funded     2,100\n\n"
        "Source: compiled from ministry statistics.\n\n"
        "The number of those who went abroad to study has grown in every year of the decade, "
        "and most of them have gone to the countries where the language of teaching is one "
        "they had learned at school.\n"
    )
    assert indicator_of(page_indicators(tmp_path, body), "2,100") == UNCLASSIFIED


def test_a_part_of_the_group_before_that_is_only_placed_is_a_line_of_it(tmp_path):
    body = (
        "Since 1990 the ministry has sent some 9,000 students and scholars abroad for advanced "
        "study. About 4,000 of them are in Canada, the largest group; Australia hosts about "
        "1,500 and Ireland about 300. Of these, 2,000 were self-funded."
    )
    rows = page_indicators(tmp_path, body)
    assert indicator_of(rows, "About 4,000") == "students_abroad"
    assert indicator_of(rows, "about 1,500") == "students_abroad"
    assert indicator_of(rows, "about 300") == "students_abroad"
    assert indicator_of(rows, "2,000") == UNCLASSIFIED


def page_rows(tmp_path, body: str) -> dict[str, dict]:
    """quote -> row of every figure of a page with ``body`` (under a plain title)."""
    from analysis import corpus, facts

    path = tmp_path / "page.txt"
    path.write_text(f"Annual Review of Exchanges\n\n{body}\n", encoding="utf-8")
    doc = corpus.read_document(path)
    return {r["quote"]: r for r in facts.extract_facts(doc)}


def host_line(rows: dict[str, dict], figure: str) -> tuple:
    hits = [q for q in rows if q == figure or q.startswith(figure + " ")]
    assert len(hits) == 1, (figure, list(rows))
    r = rows[hits[0]]
    return r["indicator"], r["scope"], r["actor"]


def test_a_part_of_the_group_before_told_by_where_it_went_is_a_line_by_host(tmp_path):
    body = (
        "Since 1990 China has sent 6,000 students and scholars abroad. Of these, about 2,500 "
        "went to the United States and 900 to Britain."
    )
    rows = page_rows(tmp_path, body)
    # "the United States" names the host: no count of places, so the next line reads it too
    assert host_line(rows, "about 2,500") == ("students_abroad", "foreign", "United States")
    assert host_line(rows, "900") == ("students_abroad", "foreign", "United Kingdom")
    assert rows["about 2,500"]["measure"] == "cumulative"
    # a property of its own makes a subgroup, no line by host
    body = (
        "Since 1990 China has sent 6,000 students and scholars abroad. Of these, about 2,500 "
        "were sponsored by their employers."
    )
    assert indicator_of(page_indicators(tmp_path, body), "about 2,500") == UNCLASSIFIED


def test_the_largest_group_in_apposition_is_the_first_line_by_host(tmp_path):
    body = (
        "Officials said the largest group of Chinese students, some 4,000, was in Canada, "
        "followed by about 1,200 in Ireland and some 500 in Norway."
    )
    rows = page_rows(tmp_path, body)
    assert host_line(rows, "some 4,000") == ("students_abroad", "foreign", "Canada")
    assert host_line(rows, "about 1,200") == ("students_abroad", "foreign", "Ireland")
    assert host_line(rows, "some 500") == ("students_abroad", "foreign", "Norway")
    assert rows["some 4,000"]["measure"] == "level"
    # with no noun of its own: the group the page counted before, not those come back
    body = (
        "Since 1990 China has sent 8,000 scholars abroad to study, and 2,000 of them have come "
        "back. The largest number, some 3,000, are now studying in Canada."
    )
    rows = page_rows(tmp_path, body)
    assert host_line(rows, "some 3,000") == ("students_abroad", "foreign", "Canada")
    # not placed anywhere: a subgroup by a property of its own
    body = (
        "Since 1990 China has sent 8,000 scholars abroad to study. The largest group, some "
        "3,000, were self-funded."
    )
    assert indicator_of(page_indicators(tmp_path, body), "some 3,000") == UNCLASSIFIED


def test_a_line_by_host_may_end_a_question_or_carry_a_footnote_mark(tmp_path):
    body = (
        "Is the minister aware that there are over 9,000 Chinese students in Canada and some "
        "2,000 in the Federal Republic of Germany?"
    )
    rows = page_rows(tmp_path, body)
    assert host_line(rows, "some 2,000") == ("students_abroad", "foreign", "Germany")
    body = (
        "About 9,000 Chinese students are in Canada, against 2,000 in New Zealand.4 The "
        "ministry expects the numbers to grow."
    )
    rows = page_rows(tmp_path, body)
    assert host_line(rows, "2,000") == ("students_abroad", "foreign", "New Zealand")


def test_people_placed_abroad_are_the_group_gone_not_a_part_come_back(tmp_path):
    body = (
        "Since 1990 China has sent some 30,000 students and scholars to study in 40 countries. "
        "About 12,000 of them have already come back. Roughly 9,000 are in Canada at present, "
        "and around 3,000 in Ireland."
    )
    rows = page_rows(tmp_path, body)
    assert host_line(rows, "Roughly 9,000")[0] == "students_abroad"
    assert host_line(rows, "around 3,000") == ("students_abroad", "foreign", "Ireland")
    # placed at home, those come back stay returnees
    body = "Last year 25,000 scholars came home from abroad. About 8,000 are now in Guangzhou."
    assert indicator_of(page_indicators(tmp_path, body), "About 8,000") == "returnees"


def test_a_share_of_the_group_before_told_by_where_it_went_is_a_line_by_host(tmp_path):
    body = (
        "The dispatch of some 3,000 scholars to universities abroad last year was the largest "
        "on record. Roughly 30 per cent of them went to Canada, which signed an agreement with "
        "China in 1985."
    )
    rows = page_rows(tmp_path, body)
    assert host_line(rows, "Roughly 30 per cent") == ("students_abroad", "foreign", "Canada")
    assert rows["Roughly 30 per cent"]["measure"] == "share"


def test_a_cable_in_capitals_places_a_part_of_the_group_abroad(tmp_path):
    body = (
        "A SPOKESMAN TOLD REPORTERS THAT CHINA HAS SENT SOME 3,000 STUDENTS AND SCHOLARS TO 30 "
        "COUNTRIES SINCE IT RESUMED SENDING THEM ABROAD. ABOUT 400 OF THEM ARE NOW IN CANADA, "
        "AND BEIJING HOPES TO RAISE THAT NUMBER."
    )
    rows = page_rows(tmp_path, body)
    assert host_line(rows, "ABOUT 400") == ("students_abroad", "foreign", "Canada")


# ------------------------------------------------------------------ session 8 (COUNTED)
@pytest.mark.parametrize(
    ("sentence", "figure", "unit", "want"),
    [
        # money given, in the class's general words: put (into), match, disburse, input,
        # make available
        ("The city put 40 million yuan into joint projects with its partners.", "40", "CNY",
         "coop_funding"),
        ("The board puts in EUR 3 million a year to the joint programme.", "3", "EUR",
         "coop_funding"),
        ("The partner's share of the joint project is matched by USD 2 million from the "
         "ministry.", "2", "USD", "coop_funding"),
        ("The agency disbursed USD 5 million on exchange programmes.", "5", "USD", "coop_funding"),
        ("The fund backed 40 joint projects with a total input of EUR 9 million.", "9", "EUR",
         "coop_funding"),
        ("The bank will make available USD 8 million for the partnership programme.", "8",
         "USD", "coop_funding"),
    ],
)  # fmt: skip
def test_session8_word_classes(sentence, figure, unit, want):
    assert classify(sentence, figure, unit) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # "the two sides": a bound numeral is no figure and ends no phrase
        ("Since 2005 more than 300 researchers of the two countries have visited each other.",
         "more than 300", "personnel_exchanges"),
        ("The programme has funded 40 joint projects, and the two sides agreed to add 6 more "
         "next year.", "6", "coop_projects"),
        # "another N" with a verb: the figure before, turned by its verb
        ("The ministry sent 3,000 students abroad last year. Another 1,500 will be chosen "
         "this spring.", "1,500", "students_abroad"),
        # a share apposed to a figure, of those its clause defines
        ("By 2010, 90,000 students had come back, 40 percent of those who had gone abroad.",
         "40 percent", "returnees"),
        # a share in the clause after "Of the <figure> ...,"
        ("Of the 20,000 students who went abroad in 2005, 30 percent chose Britain.",
         "30 percent", "students_abroad"),
        # a change named by its noun, apposed to a sum
        ("The country signed 300 contracts to import technology with a combined value of "
         "US$2 billion, a decrease of 12 per cent from 2004.", "12 per cent", "tech_import_value"),
        # a partitive of a possessed noun
        ("In 2004 the country signed 900 contracts to import technology. The state "
         "corporation handled 70 of the year's contracts.", "70", "tech_import_contracts"),
        # a share of an object after "take up"; a share of the subject whose nouns a comma parts
        ("Partner countries now take up 25 percent of the agency's international cooperation "
         "projects.", "25 percent", "coop_projects"),
        ("The committee reviewed 80 cooperative projects. Projects in energy, water and health "
         "account for 60 per cent of the total.", "60 per cent", "coop_projects"),
        # a sum lent is no funding given
        ("The bank will provide US$2 billion in concessional loans for joint projects.",
         "US$2 billion", "unclassified"),
    ],
)  # fmt: skip
def test_session8_antecedents_and_shares(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


def test_a_joint_body_figure_is_of_cooperation(tmp_path):
    body = (
        "The Sino-Dutch Centre for Water Research was founded in 2005 by the two ministries. "
        "Since then the Sino-Dutch Centre for Water Research has approved 35 research projects."
    )
    assert indicator_of(page_indicators(tmp_path, body), "35") == "coop_projects"


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a phrase of a pattern may wrap over a line
        ("The province has opened 4 joint\nlaboratories with Dutch institutes.", "4",
         "joint_research_centers"),
        # a share opening a list item is its clause's subject
        ("[Slide 3]\nInternational Cooperation Programme, 2011-2015\n- 900 projects funded\n"
         "- 4 billion yuan of central funding\n- 35% of projects with partners in Asia\n", "35%",
         "coop_projects"),
        # a goal with its noun left out: the count of the sentence before
        ("The ministry now posts 120 science and technology diplomats abroad. It aims to "
         "reach 160 by 2015.", "160", "st_diplomats"),
    ],
)  # fmt: skip
def test_session8_wraps_perfects_items_goals(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a collective before the number: the verb before it is read
        ("In 1985 the ministry sent its second group of 60 scholars to Canada.", "60",
         "students_abroad"),
        # a figure with no noun "in the country": the count before
        ("Since 1980 some 9,000 Chinese students have gone to Canada to study. At the end of "
         "1986 some 3,500 were in the country.", "some 3,500", "students_abroad"),
        # "gave a figure of N": the count it is compared with
        ("Canada reported 7,000 Chinese students in 2009, while the embassy gave a figure of "
         "6,000 for the same year.", "6,000", "students_abroad"),
        # "They account for N percent of ...": what the sentence before counted
        ("Some 4,000 Chinese students are enrolled at Irish universities. They now account "
         "for 12 per cent of all overseas students there.", "12 per cent", "students_abroad"),
        # a count of bare "contracts" after the page counted import contracts
        ("In 1992 the country signed 400 contracts for the import of technology. Tianjin "
         "signed 25 contracts worth US$60 million.", "25", "tech_import_contracts"),
    ],
)  # fmt: skip
def test_session8_no_noun(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


# ------------------------------------------------------------- session 8 round 2 (COUNTED)
@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a base after a word of comparison: the previous year, a decade, a qualifier
        ("In 2010 the college sent 300 teachers abroad for research, against 250 the previous "
         "year.", "250", "personnel_exchanges"),
        ("In 1990 the province hosted 600 visiting foreign scholars, against barely 200 in the "
         "mid-1980s.", "200", "personnel_exchanges"),
        # ... of a sum: the sum it is compared with
        ("The agency spent EUR 30 million on international cooperation projects in 2015, up "
         "from EUR 20 million in 2014.", "EUR 20 million", "coop_funding"),
        # ... not a figure in a place phrase while the clause's count stands before it
        ("The university sent 500 of its staff members abroad to 30 countries for research, "
         "compared with 420 in 2009.", "420", "personnel_exchanges"),
        # money given to any undertaking: a scheme, a centre
        ("The government contributes £4 million a year to the Anglo-Chinese Fellowship Scheme.",
         "£4 million", "coop_funding"),
        ("The foundation has provided EUR 6 million to the two laboratories since 2010.",
         "EUR 6 million", "coop_funding"),
        # coming back in the present tense of a chronicle ("return")
        ("1995: some 20,000 Chinese go abroad to study and about 5,000 return.", "about 5,000",
         "returnees"),
        # technology bought or introduced, its phrase a few words long
        ("Last year the country imported complete sets of equipment and technology worth "
         "US$900 million.", "US$900 million", "tech_import_value"),
        ("Guangdong introduced technology worth US$2 billion in 2010.", "US$2 billion",
         "tech_import_value"),
        # Chinese researchers hosted by a body abroad
        ("Since 2005 the Munich institute has hosted 300 Chinese researchers at its "
         "laboratories.", "300 Chinese researchers", "personnel_exchanges"),
        # a share that came back
        ("Of those who finished their studies, 80 percent have returned.", "80 percent",
         "returnees"),
        ("About 30 percent of all who went abroad have come back.",
         "About 30 percent of all who went abroad have come back", "returnees"),
        # a share apposed to the figure before, as a part of a whole
        ("Chinese students in Ireland numbered 5,000 last year, accounting for 20 percent of all "
         "international students there.", "20 percent", "students_abroad"),
        ("The academy's cooperation funding reached 40 million yuan in 2011, about 8 percent of "
         "its research income.", "about 8 percent", "coop_funding"),
        # a list ending "respectively": paired with the figures named before, in order
        ("In 2001 the province sent 900 scientists abroad on exchange visits and received 700 "
         "visiting foreign scholars. The figures for 2000 were 800 and 650 respectively.", "800",
         "personnel_exchanges"),
        ("Germany signed technology import contracts worth US$9 billion; France and Italy "
         "followed with US$4 billion and US$3 billion respectively.", "US$3 billion",
         "tech_import_value"),
    ],
)  # fmt: skip
def test_session8r2_bases_shares_lists(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


def test_session8r2_money_for_an_unnamed_undertaking_is_none():
    # no programme, scheme, centre or cooperation: money alone counts nothing
    assert classify("The city provided 8 million yuan to the museum.", "8", "CNY") == UNCLASSIFIED


def test_session8r2_a_return_after_a_determiner_is_no_coming_back():
    assert classify("In 2015, 8,000 workers sent in their annual return.", "8,000") == UNCLASSIFIED
    assert classify("In 2015, 8,000 scholars chose to return.", "8,000") == "returnees"


# --- session 8, round 3 (b + c): round 2's one-set rules that now carry ---


def test_session8r3_a_series_table_labelled_by_years_reads_its_caption(tmp_path):
    body = (
        "The city's purchases of foreign technology rose through the decade, and the bureau "
        "gives the yearly figures below, with the value of the contracts signed in each year "
        "as reported by the customs office.\n\n"
        "Table 4  Technology import contracts signed by the city, 1997-1999\n\n"
        "   Year          Contracts       Value (US$ million)\n"
        "   1997          142             610\n"
        "   1998          175             733\n\n"
        "Source: city statistics bureau.\n\n"
        "The bureau expects the number to keep rising as the new port opens to trade.\n"
    )
    rows = page_indicators(tmp_path, body)
    assert indicator_of(rows, "142") == "tech_import_contracts"
    assert indicator_of(rows, "175") == "tech_import_contracts"


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # "N of them" with no figure before it in its sentence: the figure of the sentence before
        ("In 2003 the province invited 900 foreign experts to work in its factories. The "
         "capital alone employed 250 of them.", "250", "foreign_experts"),
        # "of whom N came from <Place>": a line by origin of the figure before
        ("Last year 2,400 foreign experts worked in the province, of whom 800 came from Germany.",
         "800", "foreign_experts"),
        # "the People's Republic" names China
        ("By 1990 some 40,000 students from the People's Republic were studying in the United "
         "States.", "some 40,000", "students_abroad"),
    ],
)  # fmt: skip
def test_session8r3_parts_of_the_figure_before_and_names_of_china(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a share apposed to the figure before across one apposed phrase with no figure
        ("Some 9,000 students from China are enrolled in Irish colleges this year, the largest "
         "group from any one country, accounting for 21 percent of all foreign students there.",
         "21 percent", "students_abroad"),
        # ... or joined by "which is"
        ("In 2015, 12,000 Chinese students enrolled in Dutch universities, which is about 15% of "
         "all international enrolments.", "about 15%", "students_abroad"),
        # "That's P% of all ...": the figure of the sentence before, as a share
        ("The census counted 41,000 Chinese students at Canadian colleges in 2017. That's 28 "
         "percent of all international students in the country.", "28 percent",
         "students_abroad"),
    ],
)  # fmt: skip
def test_session8r3_shares_of_a_whole_after_the_figure(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


def test_session8r3_that_is_needs_a_whole_and_a_figure_before(tmp_path):
    body = "Exchanges grew fast in 2017. That's 28 percent of all the growth in the decade."
    assert indicator_of(page_indicators(tmp_path, body), "28 percent") == UNCLASSIFIED


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a base after "against" in an academic year, the whole of a year, or a country's case
        ("British colleges reported 21,000 students from China in 2004/05, against 14,300 in "
         "2001/02, a rise of half.", "14,300", "students_abroad"),
        ("Some 2,600 Chinese students went abroad to study this year, against about 1,900 in "
         "the whole of 1983, officials said.", "about 1,900", "students_abroad"),
        ("Brazil's technology import contracts were worth US$ 12 bln in 2015, against roughly "
         "US$ 4 bln in Chile's case.", "roughly US$ 4 bln", "tech_import_value"),
    ],
)  # fmt: skip
def test_session8r3_bases_after_against(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


# --------------------------------------------------------------------- session 9, round 4
@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a goal with its noun left out, said of a plan or a pro-form: the figure before
        ("The province runs 45 international joint laboratories, and the plan is to reach 60 "
         "by 2030.", "60", "joint_research_centers"),
        ("The region employed 3,000 foreign experts in 2015. Officials expect the number to "
         "rise to 4,500 by 2020.", "4,500", "foreign_experts"),
        ("Some 700 students went abroad to study from the county last year. The figure is "
         "expected to climb to 900 in 2012.", "900", "students_abroad"),
    ],
)  # fmt: skip
def test_session9_goals_of_a_pro_form(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a sum a body gives, its undertaking named by the sentences just before
        ("The two institutes opened a joint laboratory for marine science in Qingdao in May. "
         "The German ministry will contribute EUR 3 million over five years.", "EUR 3 million",
         "coop_funding"),
        ("Last year the councils selected 14 joint projects with Chinese partners. The Danish "
         "council has put DKK 25 million into the first round.", "DKK 25 million",
         "coop_funding"),
        # ... but a nation's own spending on research is none, whatever came before
        ("The two institutes opened a joint laboratory in Qingdao in May. The country invested "
         "2.1 trillion yuan in research and development last year.", "2.1 trillion yuan",
         UNCLASSIFIED),
        ("The two institutes opened a joint laboratory in Qingdao in May. Research spending "
         "reached 2.1 trillion yuan last year.", "2.1 trillion yuan", UNCLASSIFIED),
    ],
)  # fmt: skip
def test_session9_sums_given_to_what_the_sentences_before_name(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


def test_session9_gone_abroad_in_the_perfect_beside_those_back(tmp_path):
    rows = page_indicators(
        tmp_path,
        "By the end of 2015, some 4.04 million had gone abroad and 2.2 million had come back.",
    )
    assert indicator_of(rows, "some 4.04 million") == "students_abroad"
    assert indicator_of(rows, "2.2 million") == "returnees"
    rows = page_indicators(
        tmp_path,
        "Counting from 1978, it is 4 million people who have left, and 2 million of them "
        "have returned.",
    )
    assert indicator_of(rows, "4 million") == "students_abroad"
    # (no one back in the sentence: a bare number that left is no student)
    rows = page_indicators(tmp_path, "In 2015 about 300 have left the village for the cities.")
    assert indicator_of(rows, "about 300") == UNCLASSIFIED


def test_session9_contracts_with_firms_abroad_for_technology(tmp_path):
    rows = page_indicators(
        tmp_path,
        "In 1985 Chinese enterprises signed 120 contracts with French companies for "
        "equipment and technology, worth about US$ 300 million, mostly in energy.",
    )
    assert indicator_of(rows, "120") == "tech_import_contracts"
    assert indicator_of(rows, "about US$ 300 million") == "tech_import_value"


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # visits counted where the sentence counts researchers or scientists
        ("Last year Danish scientists made some 210 visits to China.", "some 210", "personnel_exchanges"),
        ("The academy sent 90 researchers to Chile and received 60 Chilean researchers, for a "
         "total of 150 visits.", "150", "personnel_exchanges"),
        ("The new museum counted 150,000 visits in 2012.", "150,000", UNCLASSIFIED),
    ],
)  # fmt: skip
def test_session9_visits_of_researchers(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a sum a part "accounted for" of the total named before, or of a whole it names
        ("In 2010 China signed technology import contracts worth US$ 20 billion. Korean firms "
         "alone accounted for US$ 4 billion of the total.", "US$ 4 billion", "tech_import_value"),
        ("Korean companies accounted for US$ 2 billion of China's technology imports in 2010.",
         "US$ 2 billion", "tech_import_value"),
    ],
)  # fmt: skip
def test_session9_sums_made_up_of_a_whole(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


def test_session9_student_visas_and_arrivals(tmp_path):
    # student visas issued to Chinese nationals count students gone abroad (and their base)
    rows = page_indicators(
        tmp_path,
        "In 2015 the consulate issued about 8,000 student visas to Chinese nationals, "
        "down from 9,500 in 2014.",
    )
    assert indicator_of(rows, "about 8,000") == "students_abroad"
    assert indicator_of(rows, "9,500") == "students_abroad"
    # learners who reached a place abroad; a bare group that reached it: the people sent before
    rows = page_indicators(
        tmp_path,
        "In 1979 the ministry sent 230 students and scholars to 11 countries. The "
        "first group of 40 reached Ottawa in May.",
    )
    assert indicator_of(rows, "40") == "students_abroad"
    rows = page_indicators(tmp_path, "In May the first 40 Chinese scholars reached Ottawa.")
    assert indicator_of(rows, "40") == "students_abroad"


# session 9, round 5 (dev sets j, l, o, s): sentences written here


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # parks set aside for returnees are parks; firms they founded are no returnees
        ("Suzhou now runs four incubator parks for overseas returnees.", "four", "tech_parks"),
        ("Nationwide there are 80 venture parks for returned students.", "80", "tech_parks"),
        ("The zone is home to 2,300 firms founded by returnees.", "2,300", UNCLASSIFIED),
        ("In 2012 some 4,000 returnees set up companies in Wuxi.", "some 4,000", "returnees"),
    ],
)  # fmt: skip
def test_round5_parks_and_firms_of_returnees(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # the things a contract is for, technology imported item by item, import projects
        ("In 1984 the province signed contracts for the import of 38 production lines and sets "
         "of equipment, worth 90 million dollars.", "38", "tech_import_contracts"),
        ("In 1984 the province signed contracts for the import of 38 production lines and sets "
         "of equipment, worth 90 million dollars.", "90 million dollars", "tech_import_value"),
        ("Under the plan the city will import about 400 items of modern technology by 1990.",
         "about 400", "tech_import_contracts"),
        ("Tianjin approved 210 technology import projects in 1986.", "210", "tech_import_contracts"),
        ("By 1980 the ministry had contracted for 3.1 billion dollars of foreign plant and "
         "machinery.", "3.1 billion dollars", "tech_import_value"),
    ],
)  # fmt: skip
def test_round5_technology_bought_in(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # money for the cooperation projects a body funded, with its support or appropriation
        ("In 2011 the council funded 230 international cooperation projects, with a total "
         "appropriation of 48 million yuan.", "48 million yuan", "coop_funding"),
        ("The bilateral cooperation scheme funded 95 projects in 2003, with state support of "
         "about 20 million yuan.", "about 20 million yuan", "coop_funding"),
        # money spent on work with China or under its agreements
        ("The Wellcome Trust spent $3.2 million on China-related research in 2009.",
         "$3.2 million", "coop_funding"),
        ("Federal agencies spent $8 million on research under the agreements in 1990.",
         "$8 million", "coop_funding"),
        ("Federal agencies spent about $2.5 million on the protocols in 1984.",
         "about $2.5 million", "coop_funding"),
        ("The city spent $8 million on research in its hospitals in 1990.", "$8 million",
         UNCLASSIFIED),
    ],
)  # fmt: skip
def test_round5_money_for_cooperation(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # projects, links and collaborations with Chinese partners; a joint programme's projects
        ("The Swiss fund financed 17 projects with Chinese researchers in 2010.", "17",
         "coop_projects"),
        ("In 2001 the institute had 31 research links with Chinese universities.", "31",
         "coop_projects"),
        ("The survey counted 12 active collaborations with Chinese teams.", "12", "coop_projects"),
        ("Since 2006 the joint fund has supported 58 projects, most of them in marine science.", "58",
         "coop_projects"),
        # (projects no narrower rule reads are the cooperation's: a last resort, below)
        ("The hospital finished 40 projects in 2010.", "40", "coop_projects"),
    ],
)  # fmt: skip
def test_round5_projects_with_chinese_partners(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a share of contract value (no determiner), or of a value whose whole is named after it
        ("In 2012 Chinese firms signed 9,000 technology import contracts worth US$ 40 billion. "
         "Japan held 25% of contract value, and Korea alone accounted for 9%.", "25%",
         "tech_import_value"),
        ("In 2012 Chinese firms signed 9,000 technology import contracts worth US$ 40 billion. "
         "Japan held 25% of contract value, and Korea alone accounted for 9%.", "9%",
         "tech_import_value"),
        # ... of last year's value, of "that business", or "by value"
        ("In 1993 Chinese firms signed 1,200 technology import contracts worth US$ 6.1 billion. "
         "Laos remains the biggest supplier, with about 28% of last year's contract value.",
         "about 28%", "tech_import_value"),
        ("In 1993 Chinese firms signed 1,200 technology import contracts worth US$ 6.1 billion. "
         "Laotian firms won only 4 per cent. of that business.", "4 per cent",
         "tech_import_value"),
        ("In 1993 Chinese firms signed 1,200 technology import contracts worth US$ 6.1 billion. "
         "Laos took about 31 percent of the technology contracts by value.", "about 31 percent",
         "tech_import_value"),
        # (a sum of another kind told just before does not stand for a whole named after)
        ("The council spent $5 million on China-related research in 2011. Swedish firms made up "
         "8 percent of the value of China's technology import contracts in 2011.", "8 percent",
         "tech_import_value"),
        # a share of a budget named after it
        ("The centre has committed $9 million to 40 projects in China, and China accounts for about 15 "
         "per cent of the centre's annual project budget.", "about 15 per cent", "coop_funding"),
    ],
)  # fmt: skip
def test_round5_shares_of_a_named_value(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # "the cumulative total of X was N": what X counts
        ("By 2015 the cumulative total of people going abroad to study was 4.04 million.",
         "4.04 million", "students_abroad"),
        # a bare number still at its studies: learners abroad; those back: returnees
        ("By 2015 the cumulative total of people going abroad to study was 4.04 million. Of "
         "these, 1.26 million were still studying abroad, and 2.22 million had returned.",
         "1.26 million", "students_abroad"),
        ("By 2015 the cumulative total of people going abroad to study was 4.04 million. Of "
         "these, 1.26 million were still studying abroad, and 2.22 million had returned.",
         "2.22 million", "returnees"),
        ("Of the graduates who went overseas, 52,000 were still abroad in 2009, of whom 41,000 "
         "were studying.", "41,000", "students_abroad"),
        # (enrolled in a kind of degree is a subgroup)
        ("That year 6,200 students from the PRC were studying in Canada, of whom about 800 were "
         "enrolled in doctoral programs.", "about 800", UNCLASSIFIED),
    ],
)  # fmt: skip
def test_round5_totals_and_learners_at_their_studies(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # people who went abroad on exchange programmes are learners, not programmes
        ("In 2019, 2,300 ZJU students went abroad for exchange programmes and internships, up "
         "9% on 2018.", "2,300", "students_abroad"),
        ("In 2019, 2,300 ZJU students went abroad for exchange programmes and internships, up "
         "9% on 2018.", "9%", "students_abroad"),
        ("In 2019 the college ran 35 exchange programmes with universities abroad.", "35",
         "coop_projects"),
    ],
)  # fmt: skip
def test_round5_people_on_exchange_programmes(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # Chinese researchers at work in a place abroad; those studying there are none of these
        ("In 2005 some 300 Chinese researchers worked at CNRS laboratories.", "some 300",
         "personnel_exchanges"),
        ("About 1,200 Chinese scholars were teaching or doing research at British universities "
         "in 1990.", "About 1,200", "personnel_exchanges"),
        ("In 2005 some 300 Chinese researchers worked at Beijing laboratories.", "some 300",
         UNCLASSIFIED),
    ],
)  # fmt: skip
def test_round5_chinese_researchers_at_work_abroad(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want
    # (those studying there are learners, never exchanged researchers)
    rows = page_indicators(
        tmp_path,
        "About 1,200 Chinese scientists were studying and working at British universities.",
    )
    assert indicator_of(rows, "About 1,200") != "personnel_exchanges"


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # session 9, round 6: people a talent programme recruited, told after the noun
        ("Of the 2,400 engineers recruited under the Young Talents Scheme by 2015, 610 work "
         "in Shanghai.", "2,400 engineers", "returnees"),
        ("Of the 2,400 engineers recruited under the Young Talents Scheme by 2015, 610 work "
         "in Shanghai.", "610", "returnees"),
        ("Some 520 researchers who were recruited under the provincial talent plan had set up "
         "firms by 2012.", "Some 520", "returnees"),
        # "it" as the clause's subject: the sentence before names the programme
        ("The Pearl River Talents Plan started in 2009. By 2016 it had brought in 1,300 "
         "young scientists.", "1,300", "returnees"),
        ("The Pearl River Talents Plan started in 2009. Officials say it has recruited more "
         "than 900 people.", "more than 900", "returnees"),
        # no programme before "it": nothing to read
        ("The new campus opened in 2009. By 2016 it had recruited 1,300 staff.", "1,300",
         UNCLASSIFIED),
    ],
)  # fmt: skip
def test_round6_talent_programme_recruits(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


# ------------------------------------------------------------ round 7, bodies (COUNTED-2)
# sentences written here: what a figure of bodies and places counts


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # every voice of membership: belongs to, takes part in the work of, joined
        ("The republic belongs to 44 intergovernmental organisations in all.", "44",
         "intergov_org_memberships"),
        ("The state now takes part in the work of 17 intergovernmental technical organisations.",
         "17", "intergov_org_memberships"),
        ("China had become a member of 21 intergovernmental scientific and technical "
         "organizations.", "21", "intergov_org_memberships"),
        ("The society belonged to nine international engineering federations in 1990.", "nine",
         "intl_org_memberships"),
        ("The college belongs to five international research alliances and networks.", "five",
         "intl_org_memberships"),
        ("Its institutes take part in 30 international scientific unions.", "30",
         "intl_org_memberships"),
    ],
)  # fmt: skip
def test_round7_membership_in_every_voice(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # the bodies in which posts are held, told after the posts or by a verb of office
        ("Its fellows hold 220 posts in international unions, spread across some 95 bodies.",
         "some 95", "intl_org_seats"),
        ("Its members hold some 150 posts in international scientific unions, spread over 35 "
         "of them.", "35", "intl_org_seats"),
        ("The engineers held elected seats - vice-chairs, board seats - in 27 international "
         "bodies.", "27", "intl_org_seats"),
        ("Chinese officials serve in 19 institutions within the United Nations system.", "19",
         "intl_org_seats"),
        ("At the end of the year, Chinese nationals were at the head of two and now chair three UN "
         "specialised agencies.", "three", "intl_org_seats"),
        ("Its experts sit on the governing bodies of 22 agencies of the UN system.", "22",
         "intl_org_seats"),
        # (heading institutions at home is no seat in an international body)
        ("Returned scholars head 60 research institutions in Wuhan.", "60", UNCLASSIFIED),
        ("Returnees now lead 35 institutions in Xi'an, the university's international office "
         "said.", "35", UNCLASSIFIED),
    ],
)  # fmt: skip
def test_round7_bodies_where_posts_are_held(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a mission's S&T sections, the missions they are in, the countries they spread across
        ("Its embassies now house 31 science and technology sections, spread across 27 "
         "countries.", "31", "st_offices"),
        ("Its embassies now house 31 science and technology sections, spread across 27 "
         "countries.", "27", "st_office_countries"),
        ("S&T sections were set up in 18 of its embassies abroad, in 16 countries.", "18",
         "st_offices"),
        ("S&T sections were set up in 18 of its embassies abroad, in 16 countries.", "16",
         "st_office_countries"),
        ("Its S&T counsellors were posted in 40 diplomatic missions across 35 countries.", "40",
         "st_offices"),
        ("Its S&T counsellors were posted in 40 diplomatic missions across 35 countries.", "35",
         "st_office_countries"),
        ("The ministry's science attachés now serve in four Nordic states.", "four",
         "st_office_countries"),
        # (sections of a domestic body are none)
        ("The county bureau has 12 science and technology sections.", "12", UNCLASSIFIED),
    ],
)  # fmt: skip
def test_round7_sections_missions_and_their_countries(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


# ------------------------------------------------------------ session 10, round 7, people
# (sentences written here; COUNTED: people, trade, money and the shared mechanisms)


@pytest.mark.parametrize(
    ("sentence", "figure", "want"),
    [
        # the counted noun as the subject of a verb of level or change, an aside between
        ("Joint laboratories run with partners abroad rose from 4 in 2001 to 9 in 2006.", "4",
         "joint_research_centers"),
        ("Technology export contracts signed by the province have grown from 40 to 95.", "40",
         "tech_export_contracts"),
        ("Foreign experts working in the city, who are mostly engineers, now number 640.", "640",
         "foreign_experts"),
        ("Trips abroad by the institute's researchers, most of them short, reached 310.", "310",
         "personnel_exchanges"),
        ("Chinese students enrolled at Dutch universities stood at 4,500 last year.", "4,500",
         "students_abroad"),
        # (a subject that names nothing the lexicon counts stays unclassified)
        ("Visitors to the exhibition, which opened in May, reached 30,000.", "30,000",
         UNCLASSIFIED),
    ],
)  # fmt: skip
def test_round7_the_counted_subject_of_a_verb_of_level_or_change(sentence, figure, want):
    assert classify(sentence, figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # the states an agreement is with: governments, a partitive
        ("By 1981 the commission had concluded scientific agreements with nine governments.",
         "nine", "intergov_agreements"),
        ("The ministry has signed intergovernmental agreements on S&T cooperation with 31 of the "
         "countries along the corridor.", "31", "intergov_agreements"),
        # accords "of which" partners have signed, at government level
        ("The country now has research ties with 140 countries, 80 of which have signed "
         "government-level accords with it.", "80", "intergov_agreements"),
        # projects run under the agreements are projects, no agreements
        ("The commission will fund a further 600 projects under intergovernmental agreements "
         "in the coming year.", "600", "coop_projects"),
        # a part of a bloc's members, whose size is no figure
        ("Laos has S&T agreements with 25 of the 28 EU member states.", "25",
         "intergov_agreements"),
        # the protocols signed under an agreement a pronoun names
        ("Laos and China signed their science agreement in 1979. More than 60 protocols have "
         "been signed under it.", "More than 60", "intergov_agreements"),
        # states that now have pacts, as a headline names agreements
        ("Laos says 31 nations now have science pacts with it.", "31", "intergov_agreements"),
    ],
)  # fmt: skip
def test_round7_states_with_agreements(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # partners named as nations or economies
        ("By the end of 2005 the country cooperated in science with 120 nations and regions.",
         "120", "partner_countries"),
        ("The city now cooperates in science and technology with 35 economies around the world.",
         "35", "partner_countries"),
        # joint centres named by more than one kind of work
        ("The two sides now run eight joint research and innovation centres in Beijing and "
         "Munich.", "eight", "joint_research_centers"),
        ("By the end of the year its firms had set up 30 joint research and development "
         "centres with partners abroad.", "30", "joint_research_centers"),
        # people from named places trained in China, the places after their noun
        ("Some 3,200 scientists and engineers from ASEAN countries have been trained in China "
         "since 1996.", "Some 3,200", "personnel_exchanges"),
        # people trained from a region the speech names
        ("Over the past five years we have trained 1,200 technicians from the region.",
         "1,200", "personnel_exchanges"),
        # foreign teachers and experts together, as a university's box counts them
        ("The university works with partners in many countries, and its figures for the "
         "year are these.\n\nForeign teachers and experts (long-term) ..... 95\n\n"
         "Partner universities ......... 156", "95", "foreign_experts"),
        # ... or by the kind of centre between ("joint international research centres")
        ("The university works with partners in many countries, and its figures for the "
         "year are these.\n\nJoint international research centres ........ 9\n\n"
         "Partner universities ......... 156", "9", "joint_research_centers"),
        ("The university and Laos run 12 joint agricultural laboratories.", "12 joint",
         "joint_research_centers"),
        # the officers of an S&T section or network
        ("The French embassy's science and technology section has 11 officers, who work from "
         "three offices in China.", "11", "st_diplomats"),
        # membership as the counted subject of a verb of change
        ("Since then its membership of intergovernmental organisations has grown from 30 to 47, "
         "officials said.", "30", "intergov_org_memberships"),
    ],
)  # fmt: skip
def test_round7_partners_joint_centres_and_officers(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # deals and contracts named by the trade they are for, their worth
        ("In 1987 the city signed 410 deals for imported know-how and equipment.", "410",
         "tech_import_contracts"),
        ("Firms in Hubei signed 230 contracts to bring in technology from Japan in 1994, with a "
         "combined contract value of US$ 900 million.", "230", "tech_import_contracts"),
        ("Firms in Hubei signed 230 contracts to bring in technology from Japan in 1994, with a "
         "combined contract value of US$ 900 million.", "US$ 900 million", "tech_import_value"),
        ("Last year the province concluded 640 contracts for technology exports.", "640",
         "tech_export_contracts"),
        ("Technology imports, counted by contracts, came to 5,100 in 1999.", "5,100",
         "tech_import_contracts"),
        # (imports of goods counted without contracts are no technology deals)
        ("Technology imports from Europe rose sharply, and 5,100 firms took part.", "5,100",
         UNCLASSIFIED),
    ],
)  # fmt: skip
def test_round7_technology_deals_named_by_their_trade(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # learners sent in any voice and tense, words between
        ("Under the new scheme 2,000 PhD candidates a year are to be sent to universities in "
         "Europe.", "2,000", "students_abroad"),
        ("In 1991, 120 visiting scholars from Sichuan were chosen and sent to Canada.", "120",
         "students_abroad"),
        ("In 2010 the council financed the dispatch of 6,000 postgraduates.", "6,000",
         "students_abroad"),
        # (learners sent to China are no Chinese abroad)
        ("In 2010 the council financed the dispatch of 600 African students to China.", "600",
         UNCLASSIFIED),
    ],
)  # fmt: skip
def test_round7_learners_sent_in_any_voice(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a part's share of a trade whole, held by any verb of holding or making up
        ("In 1995 Germany supplied 22 per cent of the technology purchased by Chinese firms.",
         "22 per cent", "tech_import_value"),
        ("Zhejiang took 9 percent of China's technology exports by value in 2004.", "9 percent",
         "tech_export_value"),
        ("Shenzhen alone accounted for 31 percent of import value that year.", "31 percent",
         "tech_import_value"),
        ("Beijing accounted for 12 percent of export value in 2010.", "12 percent",
         "tech_export_value"),
        # (a share of another whole stays as it was)
        ("In 1995 Germany supplied 22 per cent of the machinery bought by Chinese firms.",
         "22 per cent", UNCLASSIFIED),
    ],
)  # fmt: skip
def test_round7_a_parts_share_of_a_trade_whole(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


def test_round7_a_figure_with_a_counted_subject_takes_nothing_from_the_sentence_before(tmp_path):
    # ("In 1985 there were fewer than 50." takes the figure before; a clause with a subject
    # of its own and a verb of counting is that subject's)
    body = "In 1990 the ministry sent 300 students abroad. The officials who chose them number 12."
    assert indicator_of(page_indicators(tmp_path, body), "12") == UNCLASSIFIED
    body = "In 1990 the ministry sent 300 students abroad. In 1985 there were fewer than 50."
    assert indicator_of(page_indicators(tmp_path, body), "fewer than 50") == "students_abroad"


# ------------------------------------------------- session 10, round 8: counted (COUNTED)
@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a count that finished its stay abroad and came back is of returnees, whatever its
        # antecedent (a count of places between, none at all, a line of capitals)
        ("Between 1985 and 1995 the institute sent 900 engineers to 12 countries for training, "
         "and some 700 of them have finished their training and come home.", "some 700",
         "returnees"),
        ("By last spring about 1,300 had completed their degrees abroad and returned to Wuhan.",
         "about 1,300", "returnees"),
        ("SO FAR 420 HAVE ALREADY ENDED THEIR STUDIES AND COME BACK.", "420", "returnees"),
        # (a count that finished but stayed is no return)
        ("By last spring about 1,300 had completed their degrees abroad and stayed in Canada.",
         "about 1,300", UNCLASSIFIED),
    ],
)  # fmt: skip
def test_round8_a_count_that_finished_and_came_back(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # projects a programme of cooperation counts, though its sentence names none
        ("The Science Exchange Programme with Chile was set up in 2011. In its second year the "
         "programme funded 140 projects.", "140", "coop_projects"),
        # projects in a sentence of cooperation, a word before them or a time after them
        ("Under the bilateral accord the two academies backed 75 young-scientist projects.",
         "75", "coop_projects"),
        ("The cooperation programme supported 212 projects in the year.", "212",
         "coop_projects"),
        # (projects of a named body are that body's)
        ("The cooperation fund also lists 40 projects of the Ministry of Health.", "40",
         UNCLASSIFIED),
    ],
)  # fmt: skip
def test_round8_projects_of_a_programme_of_cooperation(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


def test_round8_a_regions_countries_are_the_nations_line_of_that_region():
    # (classify.scope_of gives the region as actor: the nation's line of that region, never a
    # point of the national series)
    assert classify("By 2010 China had S&T agreements with 14 Arab states.", "14") == (
        "intergov_agreements"
    )


# ------------------------------------- session 12: a group's lines by the country they went to
@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # "Of these, N went to X and M to Y": lines of the group by the country they went to,
        # the second with its verb left out
        ("Since 1979 the country has sent 6,200 students and scholars to study in 30 countries. Of these, "
         "about 3,100 went to the United States and 540 to Britain.", "about 3,100",
         "students_abroad"),
        ("Since 1979 the country has sent 6,200 students and scholars to study in 30 countries. Of these, "
         "about 3,100 went to the United States and 540 to Britain.", "540",
         "students_abroad"),
        ("In 1995 the university sent 800 postgraduates to study abroad. Of them, 260 have gone to "
         "Japan.", "260", "students_abroad"),
        # a share of the sentence before's group placed by where it went
        ("The ministry sent 3,400 scholars abroad last year. Roughly 35 per cent of them went "
         "to Canada.", "Roughly 35 per cent", "students_abroad"),
        # a count with no noun, placed: the group classified before, not the subgroup between
        ("In 1989 the country sent 5,300 students to study abroad. Of these, 2,100 are "
         "visiting scholars engaged in research. More than 1,800 are now in Australia.",
         "More than 1,800", "students_abroad"),
        # (not a place: a field is a subgroup, nothing the group counts)
        ("Since 1979 the country has sent 6,200 students and scholars to study in 30 countries. Of these, "
         "about 900 in Chemistry remain.", "about 900", UNCLASSIFIED),
    ],
)  # fmt: skip
def test_a_groups_line_by_the_country_it_went_to(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


def test_a_placed_count_of_the_nations_group_is_the_nations_line_by_host(tmp_path):
    body = (
        "In 1989 the country sent 5,300 students to study abroad. Of these, 2,100 are "
        "visiting scholars engaged in research. More than 1,800 are now in Australia."
    )
    rows = page_rows(tmp_path, body)
    row = rows[next(q for q in rows if q.startswith("More than 1,800"))]
    assert (row["indicator"], row["scope"], row["actor"]) == (
        "students_abroad",
        "foreign",
        "Australia",
    )


# ------------------------------------------- session 10, round 10: what a figure counts (indic)
def rows_listed(tmp_path, body: str) -> list[dict]:
    """The rows of a page with ``body`` (under a plain title)."""
    from analysis import corpus, facts

    path = tmp_path / "page.txt"
    path.write_text(f"Annual Review of Exchanges\n\n{body}\n", encoding="utf-8")
    return facts.extract_facts(corpus.read_document(path))


def row_of(rows: list[dict], figure: str) -> dict:
    hits = [r for r in rows if r["quote"] == figure or r["quote"].startswith(figure + " ")]
    assert len(hits) == 1, (figure, [r["quote"] for r in rows])
    return hits[0]


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # the units a research body runs with partners abroad, by the names bodies give them
        ("The Max Planck Society has set up three partner laboratories with the Chinese "
         "Academy of Sciences.", "three", "joint_research_centers"),
        ("The society had 12 partner groups in China in 2011.", "12", "joint_research_centers"),
        ("The council runs 19 International Associated Laboratories (LIA) with Chinese "
         "partners.", "19", "joint_research_centers"),
        ("It also runs 4 international joint units in Shanghai.", "4", "joint_research_centers"),
        # joint labs named by the two sides
        ("Guangdong alone hosts 4 of the joint Sino-Danish laboratories.", "4",
         "joint_research_centers"),
        ("The city now has 6 joint China-EU research centres.", "6", "joint_research_centers"),
        # joint labs counted before projects in the same clause are labs
        ("The targets for 2012 are to set up 5 more joint research centres and to lift the "
         "number of international cooperation projects to 100.", "5", "joint_research_centers"),
        # (projects at or with joint labs are projects; a partner of a deal is no lab)
        ("The fund approved 8 joint research projects with joint laboratories.", "8",
         "coop_projects"),
        ("The firm signed 3 partner agreements in Europe.", "3", UNCLASSIFIED),
    ],
)  # fmt: skip
def test_round10_joint_units_by_their_kind(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


def test_round10_a_partner_lab_count_is_a_level_of_its_year(tmp_path):
    rows = rows_listed(tmp_path, "In 2011 the society ran 12 partner groups at Chinese institutes.")
    r = row_of(rows, "12")
    assert (r["indicator"], r["measure"], r["year"]) == ("joint_research_centers", "level", 2011)


def test_round10_a_sellers_transfer_contracts_with_chinese_buyers_are_imports(tmp_path):
    rows = rows_listed(
        tmp_path,
        "In 1995 Dutch firms concluded 120 technology transfer contracts with Chinese buyers, "
        "worth EUR 900 million.",
    )
    count, money = row_of(rows, "120"), row_of(rows, "EUR 900 million")
    assert (count["indicator"], count["measure"], count["year"]) == (
        "tech_import_contracts",
        "annual",
        1995,
    )
    assert (count["scope"], count["actor"]) == ("foreign", "Netherlands")
    assert (money["indicator"], money["year"]) == ("tech_import_value", 1995)
    # (a transfer centre's agreements in a province are no import of the nation)
    rows = rows_listed(tmp_path, "The centre has arranged 46 technology transfer agreements.")
    assert row_of(rows, "46")["indicator"] == UNCLASSIFIED


def test_round10_a_datelines_dash_opens_the_counted_subject(tmp_path):
    rows = rows_listed(
        tmp_path,
        "SHENZHEN — The city's technology import contracts numbered 820 in 2006, with a "
        "combined value of 1.9 billion US dollars, the bureau said.",
    )
    r = row_of(rows, "820")
    assert (r["indicator"], r["scope"], r["measure"], r["year"]) == (
        "tech_import_contracts",
        "local",
        "annual",
        2006,
    )
    assert row_of(rows, "1.9 billion US dollars")["indicator"] == "tech_import_value"


def test_round10_a_sum_of_bare_contracts_is_worth_the_nearest_contracts(tmp_path):
    # the contracts counted in its own sentence, not the import contracts of the one before
    rows = rows_listed(
        tmp_path,
        "In 2006 the city signed 820 technology import contracts worth 1.9 billion US dollars. "
        "Exports of technology were concluded under 410 contracts and reached US$2.4 billion.",
    )
    assert row_of(rows, "410")["indicator"] == "tech_export_contracts"
    assert row_of(rows, "US$2.4 billion")["indicator"] == "tech_export_value"


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a percent or multiple moved by its clause's verb: a change of what its subject counts
        ("Technology import contracts signed by firms in the zone rose by 12.5 percent over "
         "2008.", "12.5 percent", "tech_import_contracts"),
        ("In 2011 the city's international S&T cooperation projects increased by 14.2% over "
         "the previous year.", "14.2%", "coop_projects"),
        ("The academy's budget for international cooperation rose 25 percent in 2009.",
         "25 percent", "coop_funding"),
        ("Technology export contracts signed by the city's firms increased 2.3-fold over 2005.",
         "2.3-fold", "tech_export_contracts"),
        # ... its subject a sum of bare "contracts": the trade of the paragraph
        ("Purchases of foreign technology kept growing. In 2006 the value of contracts "
         "increased by 11.3% on the previous year.", "11.3%", "tech_import_value"),
    ],
)  # fmt: skip
def test_a_change_is_of_what_its_subject_counts(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


def test_a_change_of_a_subject_that_counts_nothing_stays_unclassified(tmp_path):
    rows = page_indicators(tmp_path, "The weather in the region rose by 12 percent last year.")
    assert indicator_of(rows, "12 percent") == UNCLASSIFIED


@pytest.mark.parametrize(
    ("sentence", "figure", "unit"),
    [
        # the money cooperative projects or a cooperation programme were run with
        ("The council's exchange programme supported 52 joint research projects with "
         "EUR 3 million.", "EUR 3 million", "EUR"),
        ("The foundation backed 21 bilateral projects, with a combined 80 million yuan.",
         "80 million", "CNY"),
        ("NSF funded 30 cooperative research projects with Chinese teams, at a cost "
         "of about $1.2 million.", "$1.2 million", "USD"),
        # what cooperation cost, said by a noun of money and a copula, or by the cooperation
        ("The institute's expenditure on international cooperation was 3.2 million yuan.",
         "3.2 million", "CNY"),
        ("Germany's technical cooperation with China has amounted to 1.6 billion marks.",
         "1.6 billion", "DEM"),
        ("Foundation support for Laos-China collaborative research grew from $9.8 mln in 2005 "
         "to $21.6 mln in 2011.", "$9.8", "USD"),
        # a party's contribution and what it comes to
        ("The Danish contribution amounts to DKK 150 million.", "DKK 150 million", "DKK"),
        # a programme's budget, of or for it; a side matching the other's money
        ("The academy will co-organise bilateral forums every year, with a budget of about "
         "8 million yuan.", "8 million", "CNY"),
        ("Its total Swiss budget for the programme is CHF 10 million.", "CHF 10 million",
         "CHF"),
        ("Laos is putting in $4 million, and China's ministry is matching that with 20 "
         "million yuan.", "20 million", "CNY"),
    ],
)  # fmt: skip
def test_money_cooperative_projects_were_run_with(sentence, figure, unit):
    assert classify(sentence, figure, unit) == "coop_funding"


@pytest.mark.parametrize(
    ("sentence", "figure", "unit"),
    [
        ("The ministry funded 300 projects with 90 million yuan.", "90 million", "CNY"),
        ("The institute's expenditure on new buildings was 3.2 million yuan.", "3.2 million",
         "CNY"),
        # a nation's R&D spending, though cooperation is named after it
        ("Gross expenditure on R&D reached RMB 1.03 trillion in 2012, and the budget line "
         "for international S&T cooperation grew.", "1.03 trillion", "CNY"),
    ],
)  # fmt: skip
def test_money_of_projects_of_no_cooperation_stays_unclassified(sentence, figure, unit):
    assert classify(sentence, figure, unit) == UNCLASSIFIED


@pytest.mark.parametrize(
    "restated",
    [
        "(about 329 million U.S. dollars)",
        # (after a dash or a comma, with its hedge)
        "-- about 329 million U.S. dollars --",
        "— roughly 329 million U.S. dollars —",
        ", or about 329 million U.S. dollars,",
    ],
)
def test_a_sum_restated_in_another_currency_counts_what_the_first_does(tmp_path, restated):
    from analysis import corpus, facts

    path = tmp_path / "conv.txt"
    path.write_text(
        "Laos funds more projects\n\nVIENTIANE, 3 March 2011 -- During the five years, the "
        "International S&T Cooperation Program of Laos funded 1,230 projects with a total of "
        f"2.1 billion yuan {restated} the minister said.\n",
        encoding="utf-8",
    )
    rows = {r["unit"]: r for r in facts.extract_facts(corpus.read_document(path))}
    cny, usd = rows["CNY"], rows["USD"]
    assert usd["value"] == 329_000_000
    for key in ("indicator", "scope", "actor", "measure", "year"):
        assert usd[key] == cny[key], key
    assert cny["indicator"] == "coop_funding"


def test_sums_given_for_collaborative_projects_in_their_years_are_cooperation_funding(tmp_path):
    from analysis import corpus, facts

    path = tmp_path / "gov.txt"
    path.write_text(
        "Laos and China\n\nVIENTIANE, 3 March 1998 -- Through its bilateral science program the "
        "Government provided $0.98 million in 1995-96 and $1.2 million in 1996-97 for "
        "collaborative projects with China.\n",
        encoding="utf-8",
    )
    rows = [r for r in facts.extract_facts(corpus.read_document(path)) if r["unit"] == "USD"]
    assert len(rows) == 2
    assert all(r["indicator"] == "coop_funding" for r in rows)


def test_student_visas_and_scholarships_for_chinese_learners(tmp_path):
    # a visa class before "student visas" and visas issued in China count students abroad
    rows = page_indicators(
        tmp_path,
        "Consulates issued about 52,000 F-1 student visas to Chinese nationals in 2019.",
    )
    assert indicator_of(rows, "about 52,000") == "students_abroad"
    rows = page_indicators(
        tmp_path, "Consular posts in China issued about 31,000 student visas in FY2006."
    )
    assert indicator_of(rows, "about 31,000") == "students_abroad"
    # scholarships a host gives Chinese learners
    rows = page_indicators(
        tmp_path,
        "The foundation awarded 260 scholarships to Chinese graduates in 1991, and the "
        "council funds 80 scholarships a year for Chinese postgraduates.",
    )
    assert indicator_of(rows, "260") == "students_abroad"
    assert indicator_of(rows, "80") == "students_abroad"


def test_return_shares_of_those_who_finished(tmp_path):
    # a share that chose to come back, and one of those who finished, where the sentence
    # counts those back: returnees
    rows = page_indicators(
        tmp_path, "Of those who had completed their studies, 71.2 percent chose to come back."
    )
    assert indicator_of(rows, "71.2 percent") == "returnees"
    rows = page_indicators(
        tmp_path,
        "By 2016, 2.1 million Chinese had studied abroad and 1.3 million had returned, about "
        "79 per cent of those who had finished their studies.",
    )
    assert indicator_of(rows, "about 79 per cent") == "returnees"


def test_another_countrys_experts_at_work_in_china(tmp_path):
    # another country's experts or technicians working, serving or standing in China
    rows = page_indicators(
        tmp_path,
        "Between 1985 and 1990 some 2,300 Hungarian experts worked in China under the "
        "agreement. About 700 Italian technicians are now in China installing plant. "
        "Forty-six Brazilian engineers worked at the China Academy of Space Technology.",
    )
    assert indicator_of(rows, "some 2,300") == "foreign_experts"
    assert indicator_of(rows, "About 700") == "foreign_experts"
    assert indicator_of(rows, "Forty-six") == "foreign_experts"  # (at a Chinese body)


def test_chinese_learners_of_any_kind_count_students_abroad(tmp_path):
    # Chinese scholars, doctoral students, visiting scholars (not only "Chinese students")
    # studying, hosted or arriving abroad count students abroad; trainees (technical
    # training: exchanges of people) and those who graduate or came back do not
    rows = page_indicators(
        tmp_path,
        "About 240 Chinese scholars took up awards in Canada in 1981. The institutes "
        "hosted 310 Chinese doctoral students in 2012. Some 1,600 Chinese trainees attended "
        "courses in Osaka. About 45 Chinese PhD candidates graduate from the university "
        "each year.",
    )
    assert indicator_of(rows, "About 240") == "students_abroad"
    assert indicator_of(rows, "310") == "students_abroad"
    assert indicator_of(rows, "Some 1,600") == "personnel_exchanges"
    assert indicator_of(rows, "About 45") == "unclassified"


def test_the_times_foreign_experts_came_counted_after_them(tmp_path):
    rows = page_indicators(
        tmp_path,
        "The province received foreign experts on 31,000 occasions in 2009, and the "
        "ministry brought in foreign experts on some 380,000 occasions.",
    )
    assert indicator_of(rows, "31,000") == "foreign_experts"
    assert indicator_of(rows, "some 380,000") == "foreign_experts"


def test_the_national_total_a_share_is_of_counts_what_the_share_counts(tmp_path):
    # "N percent of the national total of M": M is the nation's whole of what the share
    # counts, its measure the part's (a flow stays a flow, a stock a stock)
    from analysis import corpus, facts

    path = tmp_path / "page.txt"
    path.write_text(
        "Annual Review of Exchanges\n\n"
        "In 2014 firms in Hunan signed 820 technology import contracts worth US$1.9 "
        "billion, or 5.1 percent of the national total of US$37.3 billion. Some 9,800 "
        "foreign experts worked in Hunan in 2014, about 1.6 percent of the national total "
        "of 610,000. The province hosts 21 of the international S&T cooperation bases, "
        "about 3 percent of the national total of 700.\n",
        encoding="utf-8",
    )
    rows = {r["quote"]: r for r in facts.extract_facts(corpus.read_document(path))}
    want = {
        "US$37.3 billion": ("tech_import_value", "annual"),
        "610,000": ("foreign_experts", "annual"),
        "700": ("coop_bases", "level"),
    }
    for quote, (indicator, measure) in want.items():
        row = rows[quote]
        assert (row["indicator"], row["scope"], row["measure"]) == (indicator, "national", measure)


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        # a body's own people sent abroad, the verb in any form, the figure qualified
        ("The institute sends about 800 of its scientists abroad every year.", "800"),
        ("The academy grew fast, sending 1,200 of its researchers abroad in 1996.", "1,200"),
        ("In five years it sent some 300 of its members and staff abroad for conferences.",
         "300"),
        ("The academy has sent something like 30 to 40 scientists to Kenya this year.", "30 to 40"),
        ("This year alone the administration sent 310 experts abroad for cooperation.", "310"),
    ],
)  # fmt: skip
def test_a_body_sending_its_own_people_abroad_counts_exchanges(sentence, figure):
    assert classify(sentence, figure) == "personnel_exchanges"


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # the fuller phrase of "such X" earlier in the figure's own sentence
        ("Last year the ministry accredited 40 new international science and technology "
         "cooperation bases, bringing the number of such bases to 90.", "90", "coop_bases"),
        # the whole in the perfect
        ("By 1990 China had signed intergovernmental science and technology agreements with "
         "40 countries; by 2000 the number had risen to 80.", "80", "intergov_agreements"),
        # a running count named like a number
        ("In 2016 some 500,000 students went abroad, and the cumulative count of returnees "
         "since 1978 passed 2.6 million.", "2.6 million", "returnees"),
        # a whole its owner's verb raises to the figure
        ("Today we opened a new laboratory with Kyoto University, which brings our "
         "international joint labs to 14.", "14", "joint_research_centers"),
    ],
)  # fmt: skip
def test_a_whole_named_before_its_figure_counts_what_it_names(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


def test_persons_sent_abroad_not_to_study_are_exchanges(tmp_path):
    rows = page_indicators(
        tmp_path,
        "The number of institute personnel going abroad rose by 6.2 per cent in 1991. "
        "The province sent 1,800 persons abroad in S&T delegations for study tours and "
        "conferences. The ministry plans to send another 2,000 people abroad, most of them "
        "postgraduates. The city sent 900 people abroad to study in 1990.",
    )
    assert indicator_of(rows, "6.2 per cent") == "personnel_exchanges"
    assert indicator_of(rows, "1,800") == "personnel_exchanges"
    # learners in the sentence, or "to study": students
    assert indicator_of(rows, "2,000") == "students_abroad"
    assert indicator_of(rows, "900") == "students_abroad"


def test_a_table_row_of_personnel_sent_abroad_counts_exchanges():
    text = (
        "Item                              1989      1990\n"
        "Personnel sent abroad             4,981     5,420\n"
        "Persons sent abroad for study     1,200     1,350"
    )
    assert classify(text, "5,420") == "personnel_exchanges"
    assert classify(text, "1,350") != "personnel_exchanges"


def test_a_part_told_by_who_pays_for_it_stays_unclassified(tmp_path):
    # a figure with no noun of its own whose clause names a subgroup by its funding is no
    # line of the whole before it; nor is the share whose subject names one
    rows = page_indicators(
        tmp_path,
        "In 2015 some 409,000 students returned to China; 370,100 of them had paid their own "
        "way. Of the returnees, 21,000 had been state-sponsored. In 2015 some 523,700 "
        "students went abroad. Self-funded students made up 91.9 per cent of the total.",
    )
    assert indicator_of(rows, "370,100") == UNCLASSIFIED
    assert indicator_of(rows, "21,000") == UNCLASSIFIED
    assert indicator_of(rows, "91.9 per cent") == UNCLASSIFIED
    assert indicator_of(rows, "some 409,000") == "returnees"


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        ("Chinese teams took part in 90 projects of the Seventh Framework Programme in 2009, "
         "of which 12 were led together with Italian partners.", "12", "coop_projects"),
        ("The province ran 140 international cooperation projects in 2010. Of the 140 "
         "projects, 31 were carried out with Japanese partners.", "31", "coop_projects"),
        ("The university now runs 18 international joint laboratories, five of them with "
         "Canadian partners.", "five", "joint_research_centers"),
    ],
)  # fmt: skip
def test_a_part_told_by_its_partners_is_a_line_of_the_whole(tmp_path, body, figure, want):
    assert indicator_of(page_indicators(tmp_path, body), figure) == want


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("China has established scientific and technical contacts of one kind or another with "
         "more than 90 countries and regions.", "90"),
        ("We now have scientific links of one kind or another with 120 countries and regions.",
         "120"),
    ],
)  # fmt: skip
def test_contacts_and_links_with_countries_count_partners(sentence, figure):
    assert classify(sentence, figure) == "partner_countries"


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        ("China has signed intergovernmental agreements on science and technology cooperation "
         "with eight of the ten ASEAN member states.", "eight", "intergov_agreements"),
        ("Zhejiang hosts 3 of the country's 12 international innovation demonstration zones.",
         "3", "innovation_zones"),
    ],
)  # fmt: skip
def test_a_part_counts_the_whole_counted_right_after_it(tmp_path, body, figure, want):
    rows = page_indicators(tmp_path, body)
    assert indicator_of(rows, figure) == want
    # the member states themselves are no figure (the bloc's size: no row at all)
    if figure == "eight":
        assert not [q for q in rows if q.startswith("ten")]


def test_a_part_of_a_sum_after_of_which_counts_what_the_sum_counts(tmp_path):
    # "<sum> ..., of which <sum or share> ...", ", including <sum>": a part of the sum just
    # named counts what it counts
    from analysis import corpus, facts

    path = tmp_path / "page.txt"
    path.write_text(
        "Annual Review of Exchanges\n\n"
        "In 2011 the institute spent 5.2 million yuan on international cooperation, of which "
        "2.1 million yuan was spent in Europe. The ministry invested 3.5 million "
        "yuan in international cooperation projects, of which roughly one third went to "
        "agriculture. The fund invested RMB 40 million in international cooperation, "
        "including EUR 1.5m from its partners.\n",
        encoding="utf-8",
    )
    rows = {r["quote"]: r for r in facts.extract_facts(corpus.read_document(path))}
    for quote in ("2.1 million yuan", "roughly one third", "EUR 1.5m"):
        assert rows[quote]["indicator"] == "coop_funding", quote


@pytest.mark.parametrize(
    ("sentence", "figure", "want"),
    [
        ("The committee said it had placed 45 American scientists in Chinese institutes.", "45",
         "personnel_exchanges"),
        ("By 2018 the programme had brought 1,700 young scientists to Chinese institutions.",
         "1,700", "personnel_exchanges"),
        # foreign scientists brought in are foreign experts
        ("The programme brought 181 senior foreign scientists to Chinese institutions.", "181",
         "foreign_experts"),
    ],
)  # fmt: skip
def test_people_placed_at_chinese_institutions_count_exchanges(sentence, figure, want):
    assert classify(sentence, figure) == want


def test_projects_joined_count_cooperation_projects(tmp_path):
    # projects taken part in or joined, and the conjunct that leaves the verb out
    from analysis import corpus, facts

    path = tmp_path / "page.txt"
    path.write_text(
        "Europe and China in Research\n\n"
        "By 2018 Chinese participants had joined 322 Horizon 2020 projects. Officials expect "
        "Chinese teams to join between 50 and 80 more projects in 2019. Chinese teams took "
        "part in 383 projects of FP7, and in 236 projects of Horizon 2020.\n",
        encoding="utf-8",
    )
    rows = {r["value"]: r for r in facts.extract_facts(corpus.read_document(path))}
    for value in (322, 50, 236):
        assert rows[value]["indicator"] == "coop_projects", value


def test_a_bare_number_gone_abroad_counts_students_abroad(tmp_path):
    # a number gone or sent with no noun of its own is the group gone abroad counted before;
    # one "who left" in a sentence of study is students sent abroad
    from analysis import corpus, facts

    path = tmp_path / "page.txt"
    path.write_text(
        "Students Abroad\n\n"
        "About 12,000 Chinese students and scholars are now studying abroad, the official said. "
        "Some 3,000 were sent this year. China has sent 19,000 students and scholars to 54 "
        "countries since 1978. In 1983 alone 3,100 went abroad, of whom 2,200 were sponsored "
        "by the state.\n\n"
        "The ministry counted 409,100 students and scholars who returned from overseas study "
        "in 2015, against 523,700 who left.\n",
        encoding="utf-8",
    )
    rows = {r["value"]: r for r in facts.extract_facts(corpus.read_document(path))}
    for value in (3000, 3100, 523700):
        assert rows[value]["indicator"] == "students_abroad", value


@pytest.mark.parametrize(
    ("sentence", "figure", "unit"),
    [
        ("The university aims for 50 percent of its undergraduates to have an overseas "
         "learning experience before graduation.", "50 percent", "percent"),
        ("The university aims to give half of all undergraduates an experience abroad.",
         "half", "fraction"),
        ("It plans to raise the share of undergraduates with overseas experience to 50 percent.",
         "50", "percent"),
    ],
)  # fmt: skip
def test_a_share_of_undergraduates_with_a_stay_abroad_counts_students_abroad(
    sentence, figure, unit
):
    assert classify(sentence, figure, unit) == "students_abroad"


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("In 1979 some 130 Chinese and Italian specialists exchanged visits under the Agreement.",
         "130"),
        ("Some 3,800 Japanese and Chinese scientists and engineers travelled between the two "
         "countries in delegations.", "3,800"),
        ("Every year some 40,000 people travel in one direction or the other under these "
         "exchanges.", "40,000"),
        ("The programme has funded 146 exchanges of early- and mid-career researchers.", "146"),
    ],
)  # fmt: skip
def test_people_travelling_both_ways_count_exchanges(sentence, figure):
    assert classify(sentence, figure) == "personnel_exchanges"


@pytest.mark.parametrize(
    "sentence, figure, expected",
    [
        # foreign experts named first: their visits or a list they head are foreign_experts
        (
            "The province brought in foreign experts 52,000 person-times that year.",
            "52,000",
            "foreign_experts",
        ),
        ("Foreign experts brought in: 3,400 person-times.", "3,400", "foreign_experts"),
        (
            "Last year more than 7,000 foreign experts and scholars came to China.",
            "7,000",
            "foreign_experts",
        ),
        ("The city received 900 foreign experts and scholars in 1990.", "900", "foreign_experts"),
        # scholars first stay exchanges
        (
            "The city received 900 foreign scholars and experts in 1990.",
            "900",
            "personnel_exchanges",
        ),
        ("Exchange visits in both directions: 1,420 person-times.", "1,420", "personnel_exchanges"),
    ],
)
def test_foreign_experts_named_first(sentence, figure, expected):
    assert classify(sentence, figure) == expected


@pytest.mark.parametrize(
    "sentence, figure",
    [
        # a body's own people sent to study are students sent abroad, not personnel exchanged
        (
            "The Academy alone has sent 2,100 of its scientists to study and do research abroad.",
            "2,100",
        ),
        ("The city has sent 310 scientists and teachers to study abroad since 1978.", "310"),
        ("The academy has sent about 5,000 researchers for advanced study since 1978.", "5,000"),
    ],
)
def test_own_people_sent_to_study(sentence, figure):
    assert classify(sentence, figure) == "students_abroad"
    # sent abroad with no word of study, they are personnel exchanged
    plain = sentence.split(" to study")[0].split(" for advanced")[0] + " abroad."
    assert classify(plain, figure) == "personnel_exchanges"


# ------------------------------------------- session 19: the Chinese share of a host's students
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("Chinese now make up 54 percent of all foreign students in the country.", "54",
         "students_abroad"),
        ("There were 87,895 Chinese-domiciled students at UK institutions in 2012, 29 per "
         "cent of all non-EU students.", "29", "students_abroad"),
        ("There were 87,895 Chinese-domiciled students at UK institutions in 2012.", "87,895",
         "students_abroad"),
        # (the share of those in China is no count of Chinese gone abroad)
        ("Japanese students were 8 percent of all foreign students in China.", "8",
         "unclassified"),
    ],
)  # fmt: skip
def test_the_chinese_share_of_a_hosts_foreign_students(tmp_path, body, quote_start, want):
    rows = page_rows(tmp_path, body)
    row = rows[next(q for q in rows if q.startswith(quote_start))]
    assert row["indicator"] == want


def test_a_fact_box_row_is_read_by_its_label(tmp_path):
    # the leader dots between a label and its figure are no stop: the label is its words
    body = (
        "Figures at a glance\n\n"
        "Outbound students ........... 1,870 in 2018 (exchange and joint degree programmes)\n"
    )
    rows = page_rows(tmp_path, body)
    row = rows[next(q for q in rows if q.startswith("1,870"))]
    assert row["indicator"] == "students_abroad"


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # the level a change reached counts what the change moved
        ("The number of joint laboratories rose 20 percent in 2007 to 96.", "96",
         "joint_research_centers"),
        ("MOST's own budget for international cooperation rose 20 percent in 2007 to "
         "RMB 600 million.", "RMB 600", "coop_funding"),
        # (a sum reached by contracts whose number moved is what they are worth)
        ("Technology import contracts rose 8 percent to US$ 31 billion.", "US$ 31",
         "tech_import_value"),
        # (a trade named by its flow, no sum's word: the change and the sum are its value)
        ("Technology exports rose 20 percent to $1.9 billion in 1992.", "$1.9",
         "tech_export_value"),
        ("Technology exports rose 20 percent to $1.9 billion in 1992.", "20 percent",
         "tech_export_value"),
        # the base after the level reached counts what that level does
        ("Technology exports, mostly to Asia, rose to $1.5 billion from about $1 billion in "
         "1991.", "about $1", "tech_export_value"),
        ("The number of joint laboratories rose to 96 in 2007 from 80 in 2006.", "80",
         "joint_research_centers"),
    ],
)  # fmt: skip
def test_the_level_a_change_reached_counts_what_it_moved(tmp_path, body, figure, want):
    assert indicators_of(tmp_path, body, figure) == [want]


def indicators_of(tmp_path, body: str, figure: str) -> list[str]:
    """The indicators of the figures starting with ``figure`` on a page with ``body``."""
    path = tmp_path / "doc.txt"
    path.write_text(f"A Report on Cooperation\n\n{body}\n", encoding="utf-8")
    doc = corpus.read_document(path)
    return [r["indicator"] for r in facts.extract_facts(doc) if r["quote"].startswith(figure)]


def test_the_items_of_a_list_after_a_bare_count_its_verb_read_count_the_same(tmp_path):
    path = tmp_path / "doc.txt"
    body = (
        "Chinese teams took part in 35, about 80, 190 and 383 projects under the Fourth, "
        "Fifth, Sixth and Seventh Framework Programmes respectively."
    )
    path.write_text(f"A Report on Cooperation\n\n{body}\n", encoding="utf-8")
    doc = corpus.read_document(path)
    got = {r["quote"].split()[-1]: r["indicator"] for r in facts.extract_facts(doc)}
    assert got == dict.fromkeys(("35", "80", "190", "383"), "coop_projects")


def test_the_shares_of_a_respectively_list_count_what_the_last_one_does(tmp_path):
    path = tmp_path / "doc.txt"
    body = (
        "The European Union, Japan and the United States were the largest sources, supplying "
        "33.8, 24.1 and 17.6 percent of the import value respectively."
    )
    path.write_text(f"A Report on Cooperation\n\n{body}\n", encoding="utf-8")
    doc = corpus.read_document(path)
    got = {r["quote"].split()[0]: r["indicator"] for r in facts.extract_facts(doc)}
    assert [got[q] for q in ("33.8", "24.1", "17.6")] == ["tech_import_value"] * 3


def test_a_part_of_them_by_place_counts_what_the_whole_does(tmp_path):
    rows = page_indicators(
        tmp_path,
        "China has signed intergovernmental S&T cooperation agreements with 104 countries, "
        "18 of them in Africa.",
    )
    assert indicator_of(rows, "18") == "intergov_agreements"


@pytest.mark.parametrize(
    "body, want",
    [
        # a change of a trade named by its flow is a change of its value
        ("Technology exports to Africa grew by about 35 percent in 2009.", "tech_export_value"),
        ("China's technology imports as a whole jumped by 40 percent last year.",
         "tech_import_value"),
        # (a change of its contracts counts them)
        ("Technology import contracts rose 5 percent in 2009.", "tech_import_contracts"),
    ],
)  # fmt: skip
def test_a_change_of_a_trade_named_by_its_flow_is_of_its_value(tmp_path, body, want):
    rows = page_indicators(tmp_path, body)
    assert [i for q, i in rows.items() if "percent" in q] == [want]


@pytest.mark.parametrize(
    "sentence",
    [
        # the countries a count of partner institutions stands in
        "The university signed 42 new agreements, bringing the number of partner institutions "
        "to 286 in 41 countries and regions.",
        "Partner universities and research institutes: 186 (in 41 countries and regions)",
    ],
)
def test_the_countries_partner_institutions_stand_in_are_partner_countries(sentence):
    assert classify(sentence, "41") == "partner_countries"


def test_the_countries_of_a_count_of_other_things_are_no_partner_countries():
    assert classify("It runs 186 projects in 41 countries.", "41") == UNCLASSIFIED


def test_a_sum_a_multiple_verb_reached_counts_its_subject(tmp_path):
    rows = page_indicators(
        tmp_path,
        "In 1994 technology imports reached US$4.1 billion, and technology exports doubled to "
        "US$1.6 billion.",
    )
    # (the clause's own subject, not the import figure before it)
    assert indicator_of(rows, "US$1.6 billion") == "tech_export_value"
    assert indicator_of(rows, "doubled") == "tech_export_value"
    assert indicator_of(rows, "US$4.1 billion") == "tech_import_value"


def test_chinese_people_who_attended_courses_abroad_are_exchanges(tmp_path):
    rows = page_indicators(
        tmp_path, "About 300 Chinese agronomists have attended its courses in Israel since 1993."
    )
    assert indicator_of(rows, "About 300") == "personnel_exchanges"


def test_a_change_of_their_value_is_what_the_things_named_before_are_worth(tmp_path):
    rows = page_indicators(
        tmp_path,
        "In 2004 the number of technology import contracts rose 20.7 percent, and their total "
        "value rose 3.0 percent. Technology export contracts grew strongly. Their value rose "
        "12.5 percent in 2004. The yuan gained against the dollar, and its value rose 2 percent.",
    )
    assert indicator_of(rows, "3.0 percent") == "tech_import_value"
    assert indicator_of(rows, "12.5 percent") == "tech_export_value"
    assert indicator_of(rows, "2 percent") == "unclassified"  # (no contracts named before it)


@pytest.mark.parametrize(
    ("sentence", "figure", "want"),
    [
        # projects no narrower rule reads are the cooperation's, on a page of cooperation
        (
            "Between 2005 and 2015 the Fisheries Institute ran 17 aquaculture projects in Zambia "
            "and Angola.",
            "17",
            "coop_projects",
        ),
        (
            "Kenya, Ghana and Senegal hosted 6, 4 and 3 of these projects respectively.",
            "6",
            "coop_projects",
        ),
        (
            "The ministry promised to launch 40 solar lighting projects in Pacific island states "
            "by 2020.",
            "40",
            "coop_projects",
        ),
        # ... not a domestic programme's
        (
            "In 2010 the State arranged 900 projects under the National Key Technologies Program.",
            "900",
            UNCLASSIFIED,
        ),
        # people of a profession who cross a border
        (
            "Some 1,200 Angolan geologists, surveyors and engineers have attended courses in "
            "Beijing since 2008.",
            "1,200",
            "personnel_exchanges",
        ),
        (
            "Under the accord 45 Chinese seismologists will train in Portugal next year.",
            "45",
            "personnel_exchanges",
        ),
        (
            "The Asian Development Bank trained more than 700 Chinese water officials between "
            "1990 and 2000.",
            "700",
            "personnel_exchanges",
        ),
        (
            "The academy has trained 150 veterinarians from Laos and Myanmar since 2012.",
            "150",
            "personnel_exchanges",
        ),
        # ... not training at home, staff employed, nor postdoctoral researchers (learners)
        (
            "China has trained about 900 fusion scientists and engineers at home.",
            "900",
            UNCLASSIFIED,
        ),
        ("The firm employs 300 engineers.", "300", UNCLASSIFIED),
        ("China will host 80 Malaysian postdoctoral researchers.", "80", UNCLASSIFIED),
        # people of a profession from other countries, whatever the verb; the countries
        # themselves stay uncounted, and a joint centre's staff "from both countries" are none
        (
            "The institute hosted 500 young scientists from Belt and Road countries this year.",
            "500",
            "personnel_exchanges",
        ),
        (
            "In 2015 alone it received 405 scientists from 27 countries.",
            "27",
            UNCLASSIFIED,
        ),
        (
            "The joint centre already has 40 researchers from both countries.",
            "40",
            UNCLASSIFIED,
        ),
        # courses for other countries attended by people of a profession
        (
            "The Ministry ran training courses in solar power for 14 Pacific island countries, "
            "attended by 260 officials and technicians.",
            "260",
            "personnel_exchanges",
        ),
        # the members of delegations counted
        (
            "Last year China sent 1,350 scientific and technical delegations, totaling some "
            "7,200 persons, to other countries.",
            "7,200",
            "personnel_exchanges",
        ),
        # people of a profession sent to countries counted, or to one named before
        (
            "Since 1979 China has sent a total of about 3,800 agricultural experts to 41 "
            "African countries under its aid programme.",
            "about 3,800",
            "personnel_exchanges",
        ),
        (
            "China later sent 12 more parasitologists to the country under a protocol.",
            "12",
            "personnel_exchanges",
        ),
        (
            "Between 1963 and 2009 China sent some 18,000 medical workers to 46 African countries.",
            "some 18,000",
            "personnel_exchanges",
        ),
        # locals trained in their own country cross no border
        (
            "Chinese teams have trained over 10,000 local health workers in Sierra Leone.",
            "over 10,000",
            UNCLASSIFIED,
        ),
    ],
)
def test_last_resorts_read_projects_and_people_crossing_a_border(sentence, figure, want):
    assert classify(sentence, figure) == want


def test_a_last_resort_yields_to_every_other_indicators_rules(tmp_path, monkeypatch):
    """A rule marked ``last`` is tried after the rules of the indicators listed after its own:
    "projects" of any kind are cooperation projects only when no narrower rule reads them."""
    import yaml

    from analysis import classify as classify_module

    lex = {
        "settings": {"after_words": 8, "conflict_window_years": 2},
        "indicators": [
            {
                "id": "coop_projects",
                "label": "Projects",
                "description": "Projects.",
                "rules": [{"after": "projects", "within": 3, "last": True}],
            },
            {
                "id": "tech_import_contracts",
                "label": "Import contracts",
                "description": "Contracts.",
                "rules": [{"after": "import projects", "within": 2}],
            },
        ],
    }
    (tmp_path / "indicators.yaml").write_text(yaml.safe_dump(lex), encoding="utf-8")
    real = classify_module.load_lexicon

    def load(name, directory=None):
        # the file written here, validated against the package's schema
        return real(name, str(tmp_path) if name == "indicators" else directory)

    monkeypatch.setattr(classify_module, "load_lexicon", load)
    classify_module.indicator_lexicon.cache_clear()
    try:
        assert classify("The firm signed 40 technology import projects.", "40") == (
            "tech_import_contracts"
        )
        assert classify("The two institutes ran 40 fisheries projects.", "40") == "coop_projects"
    finally:
        classify_module.indicator_lexicon.cache_clear()


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Under the deal 40 researchers will be exchanged every year.", "40"),
        ("Some 25 scientists are to be exchanged in 2020.", "25"),
    ],
)
def test_researchers_to_be_exchanged_count_exchanges(sentence, figure):
    assert classify(sentence, figure) == "personnel_exchanges"


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a party's share of a project's cost or commitments is cooperation funding
        ("China joined ITER in 2006 and bears about 9 percent of its construction "
         "commitments.", "about 9 percent", "coop_funding"),
        ("China will bear about 10 per cent of construction costs.", "about 10 per cent",
         "coop_funding"),
        ("China carried out its commitments to ITER, of whose construction cost it bears "
         "9.09 percent.", "9.09 percent", "coop_funding"),
        # (a share of people is theirs)
        ("About 40 percent of the trainees came from Africa.", "About 40 percent",
         "personnel_exchanges"),
    ],
)  # fmt: skip
def test_a_share_of_a_projects_cost(tmp_path, body, figure, want):
    assert indicators_of(tmp_path, body, figure) == [want]


# session 34: a yearly average after a running total counts what the total counts, and is
# the same owner's; an average with no total before it, or a total of no indicator, stays
@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        ("Some 3,200 scientists and engineers from ASEAN countries have been trained in China "
         "since 1996 under a government programme, an average of about 320 a year.", "about 320",
         ("personnel_exchanges", "foreign", "ASEAN")),
        ("China has trained more than 3,000 rice technicians from developing countries since "
         "1981, an average of about 200 a year.", "about 200",
         ("personnel_exchanges", "national", "")),
        ("The park has held 40 trade fairs since 2001, an average of about 200 visitors a "
         "day.", "about 200", ("unclassified", "local", "park")),
    ],
)  # fmt: skip
def test_a_yearly_average_counts_what_its_total_counts(tmp_path, body, figure, want):
    r = row_of(rows_listed(tmp_path, body), figure)
    assert (r["indicator"], r["scope"], r["actor"] or "") == want


def test_a_key_facts_box_keeps_its_figures_and_a_wrapped_items_whole_label(tmp_path) -> None:
    # "Key facts", "At a glance", "In numbers" head the page's own figures, not a list of
    # other stories; an item's label wrapped onto the next line counts the figure
    for heading in ("Key facts", "At a glance", "In numbers", "Fact box"):
        rows = rows_listed(
            tmp_path,
            f"{heading}\n"
            "- Joint research projects funded by the Japan Science and Technology Agency\n"
            "  with Chinese partners since 2003: 142\n"
            "- Science attachés at the Embassy: 5\n",
        )
        assert row_of(rows, "142")["indicator"] == "coop_projects", heading
        assert row_of(rows, "5")["indicator"] == "st_diplomats", heading
    # a line that opens in capitals under the bullet is no wrapped label of it
    rows = rows_listed(
        tmp_path,
        "Key facts\n- Joint research projects funded by the Japan Science and Technology Agency\n"
        "  Partner universities: 142\n- Science attachés at the Embassy: 5\n",
    )
    assert row_of(rows, "142")["indicator"] == "unclassified"


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a change whose clause goes on to the sum it reached counts what that sum counts
        (
            "China's purchases of foreign technology rose 40 percent last year to $1.6 billion, "
            "the vice minister said.",
            "40 percent",
            "tech_import_value",
        ),
        (
            "Technology exports rose 12 percent year-on-year to US$3.4 billion.",
            "12 percent",
            "tech_export_value",
        ),
        # a change the clause does not carry on to a figure stays its own
        (
            "Visitors rose 40 percent last year, to the delight of the hosts.",
            "40 percent",
            "unclassified",
        ),
    ],
)
def test_a_change_takes_what_the_figure_it_reached_counts(tmp_path, body, figure, want):
    assert row_of(rows_listed(tmp_path, body), figure)["indicator"] == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a figure whose clause after "and" holds only its year counts the noun before it
        (
            "The ministry plans to set up 300 joint laboratories by 2015 and 500 by 2020.",
            "500",
            "joint_research_centers",
        ),
        (
            "By 2005 China had signed agreements with 96 countries and had relations with 152 "
            "in 2005.",
            "152",
            "partner_countries",
        ),
        # a word after it that is no year keeps it apart
        (
            "The ministry set up 300 joint laboratories and 500 smaller desks.",
            "500",
            "unclassified",
        ),
    ],
)
def test_a_figure_with_only_its_year_after_and_counts_the_noun_before(tmp_path, body, figure, want):
    assert row_of(rows_listed(tmp_path, body), figure)["indicator"] == want


def test_a_bare_figure_after_a_clause_of_its_own_sentence_takes_nothing_from_the_one_before(
    tmp_path,
):
    # "it" after a clause of its own sentence is that clause's subject, and a figure ending
    # a sentence that holds a count of its own is no count of the sentence before
    rows = rows_listed(
        tmp_path,
        "Chinese students in Switzerland numbered 2,100 in 2011.\n\n"
        "The academy has signed cooperation agreements with many foreign academies, and it "
        "has sent 300 since 2000.\n\n"
        "Chinese students in Norway numbered 900 in 2011.\n\n"
        "Five years ago the centre had only 12 partner institutes; today it has 48.\n\n"
        "Joint laboratories numbered 30 in 2000. In 1985 there were fewer than 5.",
    )
    assert row_of(rows, "2,100")["indicator"] == "students_abroad"
    assert row_of(rows, "300")["indicator"] == "unclassified"
    assert row_of(rows, "48")["indicator"] == "unclassified"
    # (a sentence of its figure alone still reads the one before)
    assert row_of(rows, "fewer than 5")["indicator"] == "joint_research_centers"


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # people a body trained, no word of where they came from: exchanged people
        ("By 2021 China will train 5,000 scientists, engineers and managers and build 50 "
         "joint laboratories.", "5,000", "personnel_exchanges"),
        ("Set up in 2014, the joint laboratory has since trained about 120 young researchers.",
         "about 120", "personnel_exchanges"),
        ("Under a joint programme the university has trained 230 engineers of the state "
         "railway.", "230", "personnel_exchanges"),
        # ... with no partner in the sentence: training at home
        ("China has trained about 600 fusion scientists and engineers, most of them at the "
         "Institute of Plasma Physics.", "about 600", "unclassified"),
        # ... but not farmers, students or a body's own staff at home
        ("The county trained 20,000 farmers in new rice varieties in 2015.", "20,000",
         "unclassified"),
        ("The institute trained 310 local technicians last year.", "310", "unclassified"),
    ],
)  # fmt: skip
def test_people_a_body_trained_are_exchanged_people_unless_at_home(tmp_path, body, figure, want):
    assert row_of(rows_listed(tmp_path, body), figure)["indicator"] == want


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # a list of the nouns a figure counts, past its commas: the whole list is what it
        # counts, and the clause after the list says what they did
        ("Some 2,700 African scientists, engineers and managers have attended courses in "
         "China since 2009.", "Some 2,700", "personnel_exchanges"),
        ("Over the past five years some 1,650 scientists, technicians and engineers from "
         "Kazakhstan have attended training in Xinjiang.", "some 1,650", "personnel_exchanges"),
    ],
)  # fmt: skip
def test_a_list_of_counted_nouns_runs_past_its_commas(tmp_path, body, figure, want):
    row = row_of(rows_listed(tmp_path, body), figure)
    assert row["indicator"] == want
    assert "engineers" in row["counted"]


@pytest.mark.parametrize(
    ("body", "figure"),
    [
        # a joint laboratory of one kind with its partners named after it
        ("By 2020 China will set up three joint ocean laboratories with island partners.",
         "three"),
        # joint stations for monitoring or testing
        ("China and Mongolia run three joint monitoring stations along the border.", "three"),
        ("Chinese breeders have worked at four joint seed-testing stations in Laos since 2004.",
         "four"),
    ],
)  # fmt: skip
def test_joint_laboratories_and_stations_of_a_kind(tmp_path, body, figure):
    assert row_of(rows_listed(tmp_path, body), figure)["indicator"] == "joint_research_centers"


# ------------------------------------------------- delegations: groups in a unit of their own
def page_units(tmp_path, body: str) -> dict[str, tuple[str, str]]:
    """quote -> (indicator, unit) of every figure of a page with ``body``."""
    path = tmp_path / "page.txt"
    path.write_text(f"Annual Review of Exchanges\n\n{body}\n", encoding="utf-8")
    doc = corpus.read_document(path)
    return {r["quote"]: (r["indicator"], r["unit"]) for r in facts.extract_facts(doc)}


@pytest.mark.parametrize(
    ("body", "figure", "want"),
    [
        # delegations sent or received: exchanges, counted as delegations, not people
        ("In 1986 China sent 1,400 scientific and technical delegations abroad.", "1,400",
         ("personnel_exchanges", "delegations")),
        ("The ministry received 312 foreign delegations in 1999.", "312",
         ("personnel_exchanges", "delegations")),
        ("In 1985 alone some 2,300 scientists went abroad in 410 delegations.", "410",
         ("personnel_exchanges", "delegations")),
        # ... and as the subject of a verb of counting
        ("On the export side, the delegations numbered 35 in 1998.", "35",
         ("personnel_exchanges", "delegations")),
        ("Foreign delegations received by the ministry totalled 120 in 1998.", "120",
         ("personnel_exchanges", "delegations")),
        # the people of the delegations stay people, in brackets too
        ("In 1985 alone, 6 delegations (34 persons) were sent abroad.", "34",
         ("personnel_exchanges", "count")),
        ("The bureau received 57 foreign delegations with 426 persons in 2012.", "426",
         ("personnel_exchanges", "count")),
    ],
)  # fmt: skip
def test_delegations_are_exchanges_in_a_unit_of_their_own(tmp_path, body, figure, want):
    rows = page_units(tmp_path, body)
    hits = [q for q in rows if q == figure or q.startswith(figure + " ")]
    assert len(hits) == 1, (figure, rows)
    assert rows[hits[0]] == want


def test_a_count_before_a_verb_and_delegations_counts_no_delegations(tmp_path):
    rows = page_units(
        tmp_path,
        "The centre covers 18 demonstration units and has received delegations from Kazakhstan.",
    )
    assert rows["18"][1] == "count"
    assert rows["18"][0] != "personnel_exchanges"


def test_a_group_unit_must_be_a_unit_of_measure(bad_lexicon):
    from analysis import classify as c

    def change(lex):
        lex["group_units"][0]["unit"] = "busloads"

    error = bad_lexicon(c, "indicators", change, c.indicator_lexicon, c._rules_for, c._after_needs)
    assert "group_units 1" in str(error) and "busloads" in str(error)
