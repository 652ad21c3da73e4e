"""Whose figure a number is (classify.scope_of and the page's voice) on small sentences of
the forms pages take: each rule with a case it decides and one it must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import classify, corpus, facts


def rows_of(tmp_path: Path, body: str, title: str = "A Report on Cooperation", head: str = ""):
    folder = tmp_path / "one"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "doc.txt"
    path.write_text(f"{head}{title}\n\n{body}\n", encoding="utf-8")
    doc = corpus.read_document(path)
    return facts.extract_facts(doc)


def scope(tmp_path: Path, body: str, quote_start: str, **kw) -> tuple[str, str]:
    rows = [r for r in rows_of(tmp_path, body, **kw) if r["quote"].startswith(quote_start)]
    assert len(rows) == 1, rows
    return rows[0]["scope"], rows[0]["actor"]


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a number in apposition describes what the clause's subject did
        ("In 1995 the Zhejiang Province approved 1,126 contracts, 21.3 per cent more than "
         "the previous year.", "21.3", ("local", "Zhejiang Province")),
        ("Japan has received the largest number, nearly 5,000, followed by Britain.",
         "nearly 5,000", ("foreign", "Japan")),
        # a number with a verb of its own after the comma stays its own subject
        ("The Chinese Science Association has joined 244 international organizations, "
         "and 293 Chinese scientists have taken positions in other bodies.", "293", ("national", "")),
        # an appositive describing the subject names no owner of its own ("the country's")
        ("The Chinese Academy of Sciences, the country's leading research body, received "
         "1,400 foreign scientists in 1985, and sent about 2,000 of its own researchers "
         "abroad.", "about 2,000", ("agency", "Chinese Academy of Sciences")),
        ("The Chinese Academy of Sciences, the country's leading research body, accounted "
         "for much of the flow, sending 3,400 of its researchers abroad.", "3,400",
         ("agency", "Chinese Academy of Sciences")),
    ],
)  # fmt: skip
def test_a_number_in_apposition_is_the_subjects(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a capital as the subject stands for its government: that country's figure
        ("Islamabad has sent two dozen agronomists to Changsha for training courses.",
         "two dozen", ("foreign", "Pakistan")),
        # Beijing, the subject's capital, stays the nation's
        ("Beijing has sent two dozen agronomists abroad for training courses.",
         "two dozen", ("national", "")),
    ],
)  # fmt: skip
def test_a_capital_acts_for_its_country(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a source reporting what it holds or did itself owns the figure ...
        ("Indonesia's State Ministry of Research and Technology said it now has science "
         "and technology agreements with 28 countries.", "28",
         ("foreign", "Indonesia's State Ministry of Research and Technology")),
        ("Argentina's Antarctic Institute says it has hosted 26 Chinese researchers at its "
         "stations since 1990.", "26", ("foreign", "Argentina's Antarctic Institute")),
        # ... but a Chinese central body's holdings are the nation's
        ("China's Ministry of Science and Technology says it now has science and "
         "technology cooperation with 158 countries and regions.", "158", ("national", "")),
        # "the ministry" after another country's ministry is that ministry
        ("The Dutch Ministry of Education and Science opened a new programme. The ministry "
         "said it had paid 3 million guilders to Chinese fellows in 1994.", "3 million",
         ("foreign", "Dutch Ministry of Education and Science")),
        ("The Ministry of Science and Technology opened a new programme. The ministry said "
         "it had paid 3 million yuan to fellows in 1994.", "3 million",
         ("agency", "Ministry of Science and Technology")),
    ],
)  # fmt: skip
def test_a_source_reporting_its_own(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a body's official or spokesman is the source, not the owner
        ("A State Department official said that 12 more protocols could be signed.",
         "12", ("national", "")),
        ("A State Department spokesman said that 12 more protocols could be signed.",
         "12", ("national", "")),
        # a colon after a partner's name announces no line of it when the clause after names
        # its own party
        ("Key figures for Japan: China signed 12 agreements in 2010.", "12", ("national", "")),
        ("The Ministry of Commerce counted more than 750 foreign-invested R&D centres.",
         "more than 750", ("national", "")),
        # the body itself acting owns the figure
        ("The Ministry of Agriculture has ties with 58 countries in cooperation.", "58",
         ("agency", "Ministry of Agriculture")),
    ],
)  # fmt: skip
def test_a_source_is_not_the_owner(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # what a central ministry designates at national level is the nation's count
        ("During the year the Ministry of Science and Technology designated 33 new national "
         "international S&T cooperation bases, bringing their total to 112.", "112",
         ("national", "")),
        ("MOST has designated 40 national-level international S&T cooperation bases.", "40",
         ("national", "")),
        # (its description on its own page, no name before it)
        ("The ministry accredited 84 new national international S&T cooperation bases in "
         "2012.", "84", ("national", "")),
        # ... and what only the central government designates, named without "national"
        ("MOST has designated 38 international S&T cooperation bases at universities, "
         "institutes and enterprises.", "38", ("national", "")),
        ("Jiangsu has 41 of them; nationwide the Ministry of Science and Technology has "
         "recognised 355 such bases.", "355", ("national", "")),
        ("The Ministry of Agriculture has designated 12 international cooperation bases.",
         "12", ("agency", "Ministry of Agriculture")),
        # its own work, nothing national counted, stays its own
        ("The Ministry of Agriculture has designated 12 cooperation bases with partners.",
         "12", ("agency", "Ministry of Agriculture")),
        # what only the nation has, counted by a central body: the nation's
        ("The Ministry of Science and Technology opened a new office. The ministry now has "
         "128 science and technology diplomats posted abroad.", "128", ("national", "")),
        # ... the nation's technology trade, its students abroad and its foreign experts,
        # counted by the central body that registers them
        ("The Ministry of Commerce registered 9,773 technology import contracts in 2007.",
         "9,773", ("national", "")),
        ("The State Education Commission sent 3,000 students abroad to study in 1987.",
         "3,000", ("national", "")),
        ("In 1985 the State Bureau of Foreign Experts Affairs invited 15,000 foreign experts "
         "to work in China.", "15,000", ("national", "")),
        # (another country's ministry whose name opens as a Chinese one's keeps its figure)
        ("The Ministry of Education and Science of Kazakhstan sent 300 students abroad to "
         "study in China in 2012.", "300", ("foreign", "Ministry of Education and Science of Kazakhstan")),
        # (a ministry that is no central body of S&T diplomacy keeps its own agreements)
        ("The Chinese Academy of Sciences has signed 40 intergovernmental agreements.", "40",
         ("agency", "Chinese Academy of Sciences")),
        # a body named before whose description it is, not central: its own
        ("The Chinese Academy of Sciences opened a lab. The academy runs 12 national key "
         "laboratories with partners abroad.", "12", ("agency", "Chinese Academy of Sciences")),
    ],
)  # fmt: skip
def test_what_a_central_ministry_designates_at_national_level(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_the_two_sides_are_the_joint_body_named_before(tmp_path):
    body = (
        "The Sino-French Joint Committee on Science has met twelve times. "
        "At its latest session the two sides reviewed 60 projects under way."
    )
    assert scope(tmp_path, body, "60") == (
        "programme",
        "Sino-French Joint Committee on Science",
    )
    # one side alone is no joint body
    assert scope(tmp_path, "China reviewed 60 projects under way.", "60") == ("national", "")


def test_a_subgroup_is_its_wholes_owners(tmp_path):
    body = (
        "Zhejiang University invited 12,600 foreign experts to its laboratories, "
        "some 5,300 of them from Japan."
    )
    assert scope(tmp_path, body, "some 5,300") == ("local", "Zhejiang University")
    body = "China invited 12,600 foreign experts, some 5,300 of them from Japan."
    assert scope(tmp_path, body, "some 5,300") == ("foreign", "Japan")  # the line of one partner


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("Mainland undergraduates and postgraduates at Shanghai's universities numbered "
         "6,400 this year.", "6,400", ("local", "Shanghai")),
        ("Foreign students in Jiangsu numbered 6,400 this year.", "6,400", ("local", "Jiangsu")),
        # no place restricts the population
        ("Mainland undergraduates and postgraduates numbered 6,400 this year.", "6,400",
         ("national", "")),
    ],
)  # fmt: skip
def test_a_place_restricting_the_subject_owns_it(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_a_fund_a_body_owns_is_its_programme():
    name = "National Natural Science Foundation of China's Research Fund for Young Scientists"
    assert classify.mentions(name, 0, len(name))[0][2:] == (
        "Research Fund for Young Scientists",
        "programme",
    )
    name = "National Natural Science Foundation of China"
    assert classify.mentions(name, 0, len(name))[0][3] == "agency"


def test_a_body_a_place_owns_is_that_places():
    # another country's ("Malaysia's Ministry ..."), a province's; a fund stays a programme
    for name, want in (
        ("Malaysia's Ministry of Science, Technology and Innovation", "foreign"),
        ("Pakistan's Agricultural Research Council", "foreign"),
        ("Jiangsu's Department of Science and Technology", "local"),
        ("Britain's Newton Fund", "programme"),
    ):
        assert classify.mentions(name, 0, len(name))[0][3] == want, name
    text = "Laos's Ministry of Science said it had funded 11 joint projects with Chinese teams."
    at = text.index("11")
    assert classify.scope_of(text, at, at + 2, at + 17, (0, len(text)))[0] == "foreign"


def test_a_publication_named_after_a_place_speaks_for_it(tmp_path):
    assert classify._place_publication("Guangdong Yearbook") == ("local", "Guangdong")
    names = ("Beijing Review", "Shanghai Daily", "Beijing, 5 May 2005", "Science in Africa")
    for name in (*names, "Beijing Scene", "China Pictorial"):  # (magazines by their words)
        assert classify._place_publication(name) is None, name


def test_page_voice_of_a_place_publication():
    from types import SimpleNamespace

    page = SimpleNamespace(
        title="Technology Import and Foreign Experts",
        publisher="Guangdong Yearbook",
        text="Technology Import and Foreign Experts\n\nEquipment made up 68 per cent.",
        removed=(),
    )
    assert classify.page_voice(page) == ("local", "Guangdong")
    page.publisher = "Beijing Review"
    assert classify.page_voice(page) is None


# ---------------------------------------------------------------- round 4: places and acronyms
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # any province or provincial capital as the subject: local
        ("Sichuan now has 13 national-level international S&T cooperation bases.", "13",
         ("local", "Sichuan")),
        ("Hefei hosts 12 joint laboratories with foreign partners.", "12", ("local", "Hefei")),
        # a place's own body named by a lower-case head keeps the head's kind
        ("The Hefei institute alone employs 350 researchers in fusion.", "350",
         ("agency", "Hefei institute")),
        # an acronym a page defines after a place's name is that place
        ("Suzhou Industrial Park (SIP) opened in 1994. SIP is home to 25 joint research "
         "institutes.", "25", ("local", "SIP")),
    ],
)  # fmt: skip
def test_places_and_defined_acronyms(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # an acronym defined before, the subject after a capital "The"
        ("Ties grew, the State Science and Technology Commission (SSTC) said. The SSTC "
         "itself arranged 1,200 cooperation projects last year.", "1,200",
         ("agency", "SSTC")),
        # a joint body of two countries the lexicon does not know, by its acronym
        ("The Sino-Swiss Science and Technology Cooperation (SSSTC) was set up in 2003. "
         "Up to the end of 2010, the SSSTC had funded 42 joint research projects.", "42",
         ("programme", "SSSTC")),
        ("The Sino-Swiss Science and Technology Cooperation (SSSTC) was set up in 2003. "
         "The SSSTC funded 40 joint projects.", "40", ("programme", "SSSTC")),
    ],
)  # fmt: skip
def test_an_acronym_defined_before_as_subject(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start",
    [
        # a province after a preposition is no subject; an undefined acronym is nobody
        ("China set up 13 cooperation bases in Sichuan.", "13"),
        ("SIP is home to 25 joint research institutes.", "25"),
        # an agency's acronym tells not whose the agency is
        ("The Federal Ministry of Research (BMFR) was set up in 1994. BMFR funded 412 joint "
         "projects with Chinese partners.", "412"),
    ],
)  # fmt: skip
def test_places_and_acronyms_left_alone(tmp_path, body, quote_start):
    assert scope(tmp_path, body, quote_start)[0] != "local"


def test_a_year_lead_before_a_located_subject(tmp_path):
    body = "In 2014 companies and institutes in Suzhou employed 3,600 foreign experts."
    assert scope(tmp_path, body, "3,600") == ("local", "Suzhou")
    # a place in the counted phrase owns it (rule 1; read since a name before a sentence's
    # stop is read: "... in Suzhou."), unless the clause's subject is China
    body = "In 2014 companies employed 3,600 foreign experts in Suzhou."
    assert scope(tmp_path, body, "3,600") == ("local", "Suzhou")
    body = "In 2014 China employed 3,600 foreign experts in Suzhou."
    assert scope(tmp_path, body, "3,600")[0] != "local"


def test_an_item_of_a_list_a_meeting_agreed_is_its_programmes(tmp_path):
    body = (
        "The meeting reviewed the China-Laos Science Partnership Plan in 1997.\n\n"
        "The Meeting agreed on the following outcomes:\n"
        "(a) to launch 11 new projects in remote sensing;\n"
        "(b) China will train 120 Lao technicians in China by 1999."
    )
    assert scope(tmp_path, body, "120") == ("programme", "China-Laos Science Partnership Plan")
    # a list whose lead agrees nothing is no programme's: its subject's
    body = (
        "The meeting reviewed the China-Laos Science Partnership Plan in 1997.\n\n"
        "Cooperation with Laos in figures:\n"
        "(a) visits by delegations;\n"
        "(b) China trained 120 Lao technicians in China in 1999."
    )
    # (the nation's line of its one partner, named by its demonym)
    assert scope(tmp_path, body, "120") == ("foreign", "Laos")


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("Under the Royal Society–Chinese Academy of Sciences exchange programme, 118 "
         "scientists made visits in 1995.", "118",
         ("programme", "Royal Society–Chinese Academy of Sciences exchange programme")),
        ("Under the 1979 U.S.-China Science and Technology Cooperation Agreement, more than "
         "30 implementing protocols are now in force.", "more than 30",
         ("programme", "U.S.-China Science and Technology Cooperation Agreement")),
        # the nation as the clause's subject acts under it: still the programme's
        ("Under the Sino-Italian exchange programme, China sent 50 scientists to Italy in "
         "1985.", "50", ("programme", "Sino-Italian exchange programme")),
        ("Under the Dragon 3 programme of the European Space Agency and the National Remote "
         "Sensing Center, 51 joint projects are under way.", "51",
         ("programme", "Dragon 3 programme")),
        # ... with no comma after it, the figure right after the phrase; in a coordinate
        # clause of its own ("..., and under the ...")
        ("China invited 1,200 foreign specialists this year, and under the Sino-West German "
         "cooperation agreement thirty-six joint projects are now under way.", "thirty-six",
         ("programme", "Sino-West German cooperation agreement")),
        ("Under the Sino-Italian exchange programme some 50 scientists went to Italy in "
         "1985.", "some 50", ("programme", "Sino-Italian exchange programme")),
    ],
)  # fmt: skip
def test_a_fronted_under_phrase_naming_a_programme_by_its_kind(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_a_fronted_under_phrase_leaves_a_body_named_as_subject(tmp_path):
    body = (
        "Under the Sino-Italian exchange programme, the Chinese Academy of Sciences sent 50 "
        "scientists to Italy in 1985."
    )
    assert scope(tmp_path, body, "50") == ("agency", "Chinese Academy of Sciences")
    # an unnamed programme ("the provincial programme") is no name of its own
    body = "Under the provincial programme, 85 visiting scholars were sent abroad in 2003."
    assert scope(tmp_path, body, "85")[0] != "programme"


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a programme named after "under the", with a body named as the verb's subject
        ("The China Scholarship Council selected 13,000 persons for study abroad in 2010 "
         "under the State-Sponsored Study Abroad Programme.", "13,000",
         ("agency", "China Scholarship Council")),
        ("Under the Fifth and Sixth Framework Programmes, the European Commission has so far "
         "funded 212 projects with Chinese participants.", "212",
         ("foreign", "European Commission")),
        # China as subject: the programme's
        ("China will host 2,500 young scientists by 2021 under the Talented Young Scientist "
         "Program.", "2,500", ("programme", "Talented Young Scientist Program")),
        # two bodies acting together: the programme's
        ("Under the Cai Yuanpei programme, the French Ministry of Foreign Affairs and the China "
         "Scholarship Council fund about 50 joint research projects each year.", "about 50",
         ("programme", "Cai Yuanpei programme")),
        # the subject's own programme ("under its"): the programme's
        ("The Ministry of Science and Technology (MOST) alone ran 1,257 projects under its "
         "International S&T Cooperation Program in 2012.", "1,257",
         ("programme", "International S&T Cooperation Program")),
    ],
)  # fmt: skip
def test_under_a_programme_a_body_named_as_subject_acts(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_a_programme_named_before_the_counted_noun_owns_it(tmp_path):
    body = "So far Chinese organisations have taken part in 305 Torch Program projects."
    assert scope(tmp_path, body, "305") == ("programme", "Torch Program")
    # a programme named after the noun, with no "under", owns nothing
    body = "So far Chinese organisations have taken part in 305 projects since the Torch Program began."
    assert scope(tmp_path, body, "305")[0] == "national"


# ---------------------------------------------------------------- round 5: the clause's subject
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a name after the subject's verb is its object: the subject owns the figure
        ("In 1998 Germany helped China set up 14 joint laboratories.", "14",
         ("foreign", "Germany")),
        ("Norway has joined the Arctic Council and has sent 6 expeditions north.", "6",
         ("foreign", "Norway")),
        # a name after a verb of saying or thinking opens a clause of its own
        ("Officials believe China will set up 14 joint laboratories.", "14", ("national", "")),
        # a figure after a comma describes the object, not the subject's doing
        ("Beijing hosts the Zhongguancun Science Park, home to 20,000 firms.", "20,000",
         ("local", "Zhongguancun Science Park")),
        # ", and the X ...": a new clause, X its subject
        ("We trained 300 engineers, and the Wuxi Science Park, founded in 1995, received 18 "
         "new laboratories.", "18", ("local", "Wuxi Science Park")),
        # the last object of a list after "and" is the subject's, not a clause of its own
        ("Hubei now has 9 national bases, two more than in 2010, and 27 provincial bases.",
         "27", ("local", "Hubei")),
        ("Hubei now has 9 national bases, and 27 were approved by the ministry.", "27",
         ("national", "")),
    ],
)  # fmt: skip
def test_the_subject_of_the_figures_verb(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_a_nationwide_lead_makes_the_clause_the_nations(tmp_path):
    kw = {"title": "Fudan University Alumni Report"}
    body = "Across the country, 4,200 students returned from their studies in that year."
    assert scope(tmp_path, body, "4,200", **kw) == ("national", "")
    body = "In the same year 4,200 of our students returned from their studies abroad."
    assert scope(tmp_path, body, "4,200", **kw)[0] == "local"
    # a central ministry after the lead reports the nation's count
    body = "Across the country, the Ministry of Education had approved 850 joint programmes."
    assert scope(tmp_path, body, "850") == ("national", "")


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # another country as a line of the nation's table by partner
        ("Japan remained the largest supplier of imported equipment, with contracts worth "
         "US$3.2 billion.", "US$3.2", ("foreign", "Japan")),
        # (its partner its actor: never a point of the nation's series; the k-th figure the
        # k-th partner's)
        ("Korea and Germany followed with US$2.1 billion and US$1.9 billion.", "US$1.9",
         ("foreign", "Germany")),
        ("Korea and Germany followed with US$2.1 billion and US$1.9 billion.", "US$2.1",
         ("foreign", "South Korea")),
        # another country doing something with its own money
        ("Japan signed contracts worth US$3.2 billion with Chinese firms.", "US$3.2",
         ("foreign", "Japan")),
    ],
)  # fmt: skip
def test_a_partner_ranked_in_the_nations_table(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a pronoun after a fronted clause stands for that clause's subject
        ("Since Zhejiang University opened its London office in 2009, it has hosted 640 "
         "British students.", "640", ("local", "Zhejiang University")),
        # "it" after two bodies stands for the programme they run
        ("The Korea Research Foundation and China's Ministry of Education run a joint "
         "doctoral program. Since 2012 it has trained 75 doctors.", "75",
         ("programme", "joint doctoral program")),
        # a part acting under a national programme owns its figure
        ("Nankai University hosts 10 joint centres. Under the 985 Project, it also runs 6 "
         "bases for foreign experts.", "6", ("local", "Nankai University")),
        ("Under the 985 Project, China also runs 6 bases for foreign experts.", "6",
         ("programme", "985 Project")),
    ],
)  # fmt: skip
def test_a_pronoun_subject_stands_for_a_name_before(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a short name of a full one named before
        ("The Songshan Lake Science Park opened in 2004. Songshan alone hosts 90 research "
         "firms.", "90", ("local", "Songshan Lake Science Park")),
        # a definite description with a capital: the name it heads
        ("The Third Meeting of the China-Chile Joint Commission on Science opened in 2001. "
         "The Meeting reviewed 26 joint projects.", "26",
         ("programme", "Third Meeting of the China-Chile Joint Commission on Science")),
        # "the fund": the last name its head word heads, whatever its kind
        ("The Sino-Dutch Water Fund was set up in 2010. The fund, launched with 5 million "
         "euros, supports 20 projects a year.", "20",
         ("programme", "Sino-Dutch Water Fund")),
        # an acronym defined after a body's name, subject of a coordinate clause
        ("The Shenzhen Institutes of Advanced Technology (SIAT) signed the agreement. The "
         "French side will provide 2 million euros, and SIAT will invest 30 million yuan.",
         "30", ("agency", "SIAT")),
    ],
)  # fmt: skip
def test_a_subject_named_short_or_by_its_head(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_a_common_word_opening_a_sentence_is_no_short_name(tmp_path):
    body = (
        "The State Science and Technology Commission met in 1990. Technology imports "
        "recovered: 340 contracts were signed in 1991."
    )
    assert scope(tmp_path, body, "340") == ("national", "")


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a part as a source: what it reports of itself ("its", "there") is its own
        ("The Hubei Academy of Sciences says returnees make up 40 percent of its staff.",
         "40", ("agency", "Hubei Academy of Sciences")),
        ("Wuhan says 8,000 returnees have settled there since 2000.", "8,000",
         ("local", "Wuhan")),
        # a source of a figure that names nothing of it stays a source
        ("The Ministry of Education says 40 percent of the students returned.", "40",
         ("national", "")),
        # people placed in another country: its count
        ("About 2,000 are now in Canada, most of them in Toronto.", "About 2,000",
         ("foreign", "Canada")),
        # a place the clause refers back to
        ("Hubei Province reported progress. Thirty new labs opened, bringing the number in "
         "the province to 120.", "120", ("local", "Hubei Province")),
    ],
)  # fmt: skip
def test_sources_places_and_references(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_a_foreign_pages_own_bodies(tmp_path):
    kw = {
        "title": "Norway and China: research in figures",
        "head": "Embassy of Norway in China\nHome > Science and Technology\n\n",
    }
    # an acronym the lexicon does not know, and an agency with nothing of China in its name
    body = "In 2015 the RCN funded 44 projects with Chinese partners."
    assert scope(tmp_path, body, "44", **kw) == ("foreign", "RCN")
    body = "The Research Council offers 30 fellowships a year to Chinese researchers."
    assert scope(tmp_path, body, "30", **kw) == ("foreign", "Research Council")
    # a Chinese body keeps its kind
    body = "The Chinese Academy of Sciences offers 30 fellowships a year to Norwegians."
    assert scope(tmp_path, body, "30", **kw) == ("agency", "Chinese Academy of Sciences")


def test_publisher_voice_of_an_office_and_a_park():
    assert classify.publisher_voice(
        "KOSEF Office Beijing", "Korea and China: exchange in figures", ""
    )[0] == ("foreign")
    assert classify.publisher_voice("Wuxi Hi-Tech Zone Administrative Committee")[0] == "local"


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a share of another country's whole is that country's figure
        ("Chinese researchers account for 11% of all foreign researchers working in the "
         "Canadian universities.", "11%", ("foreign", "Canada")),
        # not when that country is only a partner inside the whole
        ("Guangdong accounted for 40 percent of the contracts signed with Japan.", "40",
         ("local", "Guangdong")),
    ],
)  # fmt: skip
def test_a_share_of_another_countrys_whole(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_a_foreign_body_that_brings_chinese_people_owns_the_figure(tmp_path):
    from test_facts import _by_value, rows_of

    rows = _by_value(
        rows_of(
            tmp_path,
            "The Japan Society for the Promotion of Science (JSPS) has invited 3,800 Chinese "
            "researchers to Japan since 1988. At present about 2,900 Chinese students are at "
            "British universities.\n",
        )
    )
    assert (rows[3800]["scope"], rows[3800]["actor"]) == (
        "foreign",
        "Japan Society for the Promotion of Science",
    )
    assert (rows[2900]["scope"], rows[2900]["actor"]) == ("foreign", "United Kingdom")


# -- session 7: forms seen on pages the rules were not written on (sentences written here) --


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # "China's" before a name the lexicon does not know: the nation's, on any page
        ("China's R&D intensity reached 2.1 percent in 2018.", "2.1", ("national", "")),
        # an acronym defined after another country's body, an institution of theirs, or a
        # scholarship (a programme)
        ("The Netherlands Organisation for Scientific Research (NWO) was founded long ago. "
         "NWO funded 28 joint projects in 2017.", "28", ("foreign", "NWO")),
        ("In 2016 the Australian Centre for Marine Research (ACMR) ran 9 joint cruises with "
         "Chinese institutes.", "9", ("foreign", "Australian Centre for Marine Research")),
        ("Through the Korean Government Graduate Scholarship (KGGS), 140 Chinese students "
         "have come to Korea since 2005.", "140", ("programme", "Korean Government Graduate Scholarship")),
    ],
)  # fmt: skip
def test_names_of_the_nation_and_of_other_countries_bodies(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a joint body's name written with an en dash is one name, a programme
        ("The Canada–China Clean Energy Fund, part of a larger Canadian Fund, chose 14 "
         "projects in 2012. The fund will provide up to C$30 million over five years.",
         "up to C$30", ("programme", "Canada–China Clean Energy Fund")),
        # "Under its <programme>, <body> has ...": the body whose programme it is
        ("Under its Bilateral Exchange Program, the Chinese Academy of Sciences has funded "
         "52 projects since 2001.", "52", ("agency", "Chinese Academy of Sciences")),
        # (China's own programme stays the programme's)
        ("Under its Torch Program, China set up 53 zones by 1995.", "53",
         ("programme", "Torch Program")),
        # "for the <programme>" right after the counted noun
        ("The Commission approved 36 projects for the Work Programme 2010–2012.", "36",
         ("programme", "Work Programme")),
        # an international body whose name ends in a programme's word is a body abroad
        ("The United Nations Development Programme (UNDP) has provided US$64 million for 120 "
         "projects in China since 1979.", "120", ("foreign", "United Nations Development Programme")),
        # the EU's programmes by their short names (actors.yaml names)
        ("So far Chinese organisations have taken part in 184 FP7 projects, receiving around "
         "€22 million in EU funding.", "around €22", ("programme", "FP7")),
        ("Under the previous programme, FP6, they took part in 219 projects.", "219",
         ("programme", "FP6")),
    ],
)  # fmt: skip
def test_programmes_named_around_a_figure(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a partner's share of the nation's whole: a line of the nation's figure
        ("Canada accounted for 3 percent of China's technology imports in 2012.", "3",
         ("foreign", "Canada")),
        ("Korean suppliers accounted for 80 contracts and US$300 million of these.",
         "US$300", ("foreign", "South Korea")),
        ("In 2010 EU member states supplied 35 percent of this, ahead of Japan.", "35",
         ("foreign", "European Union")),
        # a province's share stays the province's
        ("Hubei province accounted for 4 percent of the nation's technology exports.", "4",
         ("local", "Hubei province")),
    ],
)  # fmt: skip
def test_a_partners_share_of_the_nations_whole(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # "respectively": the k-th figure is the k-th actor's
        ("In 2015 Brazil, India and China sent 900, 1,200 and 3,000 observers respectively.",
         "900", ("foreign", "Brazil")),
        ("In 2015 Brazil, India and China sent 900, 1,200 and 3,000 observers respectively.",
         "1,200", ("foreign", "India")),
        ("In 2015 Brazil, India and China sent 900, 1,200 and 3,000 observers respectively.",
         "3,000", ("national", "")),
        ("Chinese and Vietnamese trainees numbered 4,100 and 950 respectively in 2010.", "950",
         ("foreign", "Vietnam")),
        # (a ranked partner line keeps its rule: the nation's, by partner)
        ("Korea and Germany followed with US$2.1 billion and US$1.4 billion respectively.",
         "US$1.4", ("foreign", "Germany")),
        # a comparison's figure "for" another country
        ("China has 120 attachés abroad, against 70 for France and 50 for Italy.", "70",
         ("foreign", "France")),
        ("China has 120 attachés abroad, against 70 for France and 50 for Italy.", "50",
         ("foreign", "Italy")),
        ("China has 120 attachés abroad, against 70 for France and 50 for Italy.", "120",
         ("national", "")),
        # a list with one owner: every item is its owner's, as the first
        ("The National International S&T Cooperation Program supported 412, 486 and 530 "
         "projects in 2006, 2007 and 2008 respectively.", "530",
         ("programme", "National International S&T Cooperation Program")),
        ("CAS sent 412, 486 and 530 scientists abroad in 2006, 2007 and 2008 respectively.",
         "486", ("agency", "CAS")),
    ],
)  # fmt: skip
def test_figures_paired_with_actors_by_a_list(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # Chinese people a host country holds or counts: the nation's line by host
        ("Canada is home to about 140,000 Chinese students.", "about 140,000",
         ("foreign", "Canada")),
        ("Canadian universities counted 6,200 Chinese students in 2019.", "6,200",
         ("foreign", "Canada")),
        # (not when a body of its own is in the clause)
        ("Through the Korea Foundation, Korea has trained 300 Chinese officials since 2000.",
         "300", ("foreign", "South Korea")),
    ],
)  # fmt: skip
def test_chinese_people_a_host_country_counts(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a place at a sentence's end is a name ("... in Hubei.")
        ("Of the nation's 500 national-level bases, 20 are now located in Hubei.", "20",
         ("local", "Hubei")),
        # "national-level" is a kind of base, no nationwide wording
        ("By 2020, the number of national-level S&T cooperation bases in Hunan will reach 40.",
         "40", ("local", "Hunan")),
        # the place's possessive in a clause that names no owner
        ("Wuhan has 80 universities. Its education bureau says 8,000 people left to study "
         "abroad, and over 3,000 returnees registered with the city's talent office that "
         "year.", "over 3,000", ("local", "Wuhan")),
        # a clause opening in a place: by its kind ("the coastal province of"), in capitals
        ("In the coastal province of Guangdong, 1,300 foreign experts were working in "
         "factories at the end of the year.", "1,300", ("local", "Guangdong")),
        ("IN SHANGHAI, 42 CONTRACTS WORTH 180 MILLION U.S. DOLLARS WERE CONCLUDED WITH FIRMS "
         "FROM JAPAN.", "42", ("local", "Shanghai")),
    ],
)  # fmt: skip
def test_places_at_a_sentence_end_and_in_a_possessive(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a demonym that modifies an object or a counted noun is no subject
        ("China had imported Korean equipment under 90 contracts in 1990, worth US$300 "
         "million.", "US$300", ("national", "")),
        ("China will train 500 Asian technicians and fund 40 joint projects by 2020.", "40",
         ("national", "")),
        # a partner named after "with" is no owner of what is counted
        ("Since 2009 the Ministry of Agriculture has run 6 joint laboratories with institutes "
         "of the Chinese Academy of Sciences.", "6", ("agency", "Ministry of Agriculture")),
        # a programme inside a clause governs the figures up to the next one only
        ("In 2016 MOST gave 150 million yuan to partners in Horizon 2020 projects, while "
         "Chinese teams got only EUR 2 million of EU money: "
         "the Korea Research Foundation spent KRW 900 million on such projects.", "KRW 900",
         ("foreign", "Korea Research Foundation")),
    ],
)  # fmt: skip
def test_names_that_are_no_subject(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # the nation's plan: its goals are the nation's
        ("The country's Long-term Plan for Talent Development set a target of 5,000 returnees "
         "by 2020.", "5,000", ("national", "")),
        ("At home, China is expanding its research base. Its 14th Five-Year Plan for "
         "Innovation aims to build 60 joint centres by 2025.", "60", ("national", "")),
        # a side named before a body: that side's country's
        ("On the Swiss side, the National Science Foundation will fund 20 projects.", "20",
         ("foreign", "National Science Foundation")),
    ],
)  # fmt: skip
def test_the_nations_plan_and_a_sides_body(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_the_minutes_of_a_joint_body_are_its_figures(tmp_path):
    kw = {"title": "Minutes of the Fourth Meeting", "head": ""}
    body = (
        "Canada–China Joint Committee on Science and Technology\n\n"
        "The Canada–China Joint Committee on Science and Technology met in Ottawa. "
        "At the Committee meeting the two sides confirmed that 31 projects were under way. "
        "The joint committee approved 12 new projects."
    )
    assert scope(tmp_path, body, "31", **kw)[0] == "programme"
    assert scope(tmp_path, body, "12", **kw)[0] == "programme"


def test_a_central_body_in_a_title_is_no_subject():
    assert classify.document_subject("How many went abroad last year? (MOE figures)") is None
    assert classify.document_subject("Zhejiang University signs 3 joint labs") == (
        "local",
        "Zhejiang University",
    )


def test_a_name_ends_before_a_sentence_stop_but_keeps_an_initials_dot():
    found = classify.mentions("They went to Hunan. By 2020 the U.S. had more.", 0, 46)
    assert [(a, n, k) for a, _b, n, k in found][:1] == [(13, "Hunan", "local")]
    # "at Chinese institutes", "Canadian universities": no body of that name
    found = classify.mentions("Canadian universities hosted staff at Chinese institutes.", 0, 56)
    assert [k for *_, k in found] == ["foreign"]


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a clause in capitals (a cable) is read as in lower case, known names capitalised
        ("POST REPORTS THAT GUANGDONG PROVINCE ALONE SENT 1,400 STUDENTS ABROAD IN 1985.",
         "1,400", ("local", "Guangdong Province")),
        # (an acronym that is an English word is the word: "MOST STUDENTS")
        ("MOST STUDENTS CAME BACK: 1,200 OF THEM IN 1985.", "1,200", ("national", "")),
    ],
)  # fmt: skip
def test_a_clause_in_capitals(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_a_count_of_partner_countries_is_the_nations(tmp_path):
    # (a bloc's members among them: the nation's line of that bloc, as a region's)
    body = "Twelve EU member states have signed S&T agreements with China."
    assert scope(tmp_path, body, "Twelve") == ("foreign", "European Union")
    body = "China has signed S&T agreements with 104 countries."
    assert scope(tmp_path, body, "104") == ("national", "")
    # (another country's own things stay theirs)
    body = "About 200 Danish companies now operate in China."
    assert scope(tmp_path, body, "About 200") == ("foreign", "Denmark")


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a name ending in a word of awards is a programme; "Through" leads no name
        ("Through the Fulbright Senior Fellowships, 85 Chinese scholars have taught in the "
         "United States since 1990.", "85", ("programme", "Fulbright Senior Fellowships")),
        ("About 700 Chinese researchers came to Europe under the Newton Mobility Actions "
         "in 2016.", "About 700", ("programme", "Newton Mobility Actions")),
    ],
)  # fmt: skip
def test_a_programme_of_awards(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 7, round 2 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a partner's share of the nation's whole by any verb of taking
        ("Italy took about 35 percent of the total.", "about 35", ("foreign", "Italy")),
        ("French suppliers won some 20 percent of the total value.", "some 20",
         ("foreign", "France")),
        # (a share of its own whole stays the partner's)
        ("Italy holds 35 percent of its own market.", "35", ("foreign", "Italy")),
        # a ranked partner after an adverb, and the next one after "followed by"
        ("Italy was again the main supplier, with deals worth US$55 million, followed by "
         "Sweden with US$21 million.", "US$55", ("foreign", "Italy")),
        ("Italy was again the main supplier, with deals worth US$55 million, followed by "
         "Sweden with US$21 million.", "US$21", ("foreign", "Sweden")),
        ("Italy remained the largest source, with deals worth US$140 million, followed by "
         "Sweden (US$61 million).", "US$61", ("foreign", "Sweden")),
    ],
)  # fmt: skip
def test_a_partners_line_of_the_nations_table(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a relative or appositive set off by commas: its names are no subject, and the
        # figure belongs to the main clause's subject
        ("The Jiangsu Talent Office, the provincial body that runs the scheme, placed 640 "
         "engineers abroad.", "640", ("agency", "Jiangsu Talent Office")),
        # (the main clause's subject is the nation's trade with one partner: that partner's
        # line, past the aside)
        ("Trade with Sweden, which lifted its controls in May, rose to US$80 million.",
         "US$80", ("foreign", "Sweden")),
        # (a relative that holds the figure stays the name's: "which employs 600 staff")
        ("We visited the Qingdao Marine Institute, which employs 600 staff.", "600",
         ("agency", "Qingdao Marine Institute")),
    ],
)  # fmt: skip
def test_a_parenthetical_names_no_subject(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_a_table_of_the_nations_figure_by_partner(tmp_path):
    # rows labelled by partner under a head that makes them lines of China's figure
    body = (
        "Table 3. Chinese students and scholars in selected host countries, 2004\n\n"
        "   Host country        Number\n"
        "   Norway              12,400\n"
        "   Finland              3,100\n\n"
        "Source: ministry data."
    )
    assert scope(tmp_path, body, "12,400") == ("foreign", "Norway")
    assert scope(tmp_path, body, "3,100") == ("foreign", "Finland")
    body = (
        "Table 5. Licences bought, 2004\n\n"
        "Source          Contracts    Value (US$ million)\n"
        "Norway             412          610\n"
    )
    assert scope(tmp_path, body, "412") == ("foreign", "Norway")
    # (a table of other countries' own figures, with no such head, stays theirs)
    body = (
        "Table 6. Research spending, 2004\n\n"
        "Country         Spending (US$ million)\n"
        "Norway             4,120\n"
    )
    rows = [r for r in rows_of(tmp_path, body) if r["quote"].startswith("4,120")]
    assert all(r["scope"] == "foreign" for r in rows)


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # an agreement a clause stands under, named by a pronoun or its kind: a programme
        ("In 1982 the two governments signed the Sino-Danish Agreement on Scientific "
         "Cooperation. Under it the two sides have concluded 23 protocols.", "23",
         ("programme", "Sino-Danish Agreement")),
        ("The accord took effect in 1983. Some 40 protocols now operate under it.",
         "Some 40", ("programme", "agreement")),
        # (a body or a country of its own as the subject owns its figure)
        ("Under the agreement, Denmark has received 310 Chinese engineers.", "310",
         ("foreign", "Denmark")),
        ("Under the agreement, CAST has sent 310 engineers abroad.", "310", ("agency", "CAST")),
    ],
)  # fmt: skip
def test_an_agreement_a_clause_stands_under(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_the_nations_own_programme_in_a_title_is_no_subject():
    assert classify.document_subject("China: The Study Abroad Program--Gains and Costs") is None
    assert classify.document_subject("Torch Program lifts high-tech zones") == (
        "programme",
        "Torch Program",
    )


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # "it" after two bodies named with their acronyms: the programme they run
        ("The Danish Research Council (DRC) and the National Natural Science Foundation of "
         "China (NSFC) run the Danish-Chinese Joint Health Initiative. Since 2009 it has "
         "funded 24 joint projects.", "24", ("programme", "Danish-Chinese Joint Health Initiative")),
        # the sentence before read across a hard-wrapped line, not from the wrap
        ("The Sino-Danish Research Programme was set up in 2008 by both governments. The "
         "programme has a\nDanish budget of DKK 9 million, matched by an equal contribution "
         "from the Chinese side.\nSo far it has supported 31 joint research projects.", "31",
         ("programme", "Sino-Danish Research Programme")),
    ],
)  # fmt: skip
def test_what_it_stands_for(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a source that reports the figure ("quoted X as saying that", "Records of X show
        # that") owns none of it
        ("The paper quoted the Ministry of Commerce (MOFCOM) as saying that 412 technology "
         "import contracts were signed in 2001.", "412", ("national", "")),
        # people from China counted where they are abroad: foreign, the host as actor
        ("Records of the Department of Home Affairs show that 3,100 students from the "
         "People's Republic of China were studying in Norway at the end of 1999.", "3,100",
         ("foreign", "Norway")),
        ("Some 1,600 students from the People's Republic of China were enrolled at Danish "
         "universities in 2010.", "Some 1,600", ("foreign", "Denmark")),
        # "of whom": a part of the figure before, whose owner it shares
        ("Records of the Department of Home Affairs show that 3,100 students from the "
         "People's Republic of China were studying in Norway at the end of 1999, of whom "
         "about 900 were enrolled in doctoral degrees.", "about 900", ("foreign", "Norway")),
        ("Since it was launched in 1998, the Spring Light Program has recruited 410 young "
         "scientists, 67% of whom had studied abroad.", "67%",
         ("programme", "Spring Light Program")),
    ],
)  # fmt: skip
def test_sources_people_from_china_and_of_whom(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # another country's adjective on the object of "to <verb>": a partner, no owner (the
        # nation's imports from that partner: the partner's line)
        ("Last year China signed 78 contracts to import Swedish technology, worth US$480 "
         "million in total.", "US$480", ("foreign", "Sweden")),
        # (a country that acts stays the owner)
        ("Norway agreed to train 300 engineers.", "300", ("foreign", "Norway")),
    ],
)  # fmt: skip
def test_a_partner_adjective_after_to_verb(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 8, round 1


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # head words of bodies: a corporation, an alliance, a subcommission are parts
        ("The Northern Machinery Import Corporation handled 42 of the year's contracts.",
         "42", ("agency", "Northern Machinery Import Corporation")),
        ("The Pearl River Materials Alliance has signed 17 cooperation agreements.", "17",
         ("agency", "Pearl River Materials Alliance")),
        # (a joint one of two countries is a programme)
        ("Since 2012 the Kenya-China Crop Research Alliance has funded 25 joint projects.",
         "25", ("programme", "Kenya-China Crop Research Alliance")),
        ("The Sino-Polish Subcommission on Geology approved 31 projects in 2009.", "31",
         ("programme", "Sino-Polish Subcommission on Geology")),
    ],
)  # fmt: skip
def test_corporations_alliances_subcommissions_are_parts(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # each item of a list set out line by line is a clause of its own: a name in one
        # item owns nothing in the next
        ("Talent\n- Spring Light Program (since 2009): 240 scientists recruited\n"
         "- 51,000 foreign experts worked in China in 2012", "51,000", ("national", "")),
        # a label naming a part owns its item's figure
        ("Talent\n- 2012: 399,600 went abroad to study\n"
         "- Spring Light Program (since 2009): 240 scientists recruited", "240",
         ("programme", "Spring Light Program")),
        ("Mobility\n- Hunan University: 310 visiting scholars received\n"
         "- China overall: 59,000 visiting scholars received", "59,000", ("national", "")),
        # the heading line over a list, a part's name, speaks for its items
        ("Coastal Ecology Program, 2006-2010\n- 88 projects funded\n- 60 million yuan spent",
         "88", ("programme", "Coastal Ecology Program")),
        ("Coastal Ecology Program, 2006-2010\n- 88 projects funded\n- 60 million yuan spent",
         "60 million", ("programme", "Coastal Ecology Program")),
        # (a heading that names no part leaves the items to their own words)
        ("Platforms\n- 202 cooperation bases in 2010\n- Hubei Province alone hosts 17 bases\n"
         "- 36 joint research centres with foreign partners", "36", ("national", "")),
    ],
)  # fmt: skip
def test_list_items_are_clauses_and_labels_and_headings_own(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a Chinese central body that reports the nation's statistics is only their source
        ("The Ministry of Education said 285,000 of its citizens left to study abroad in "
         "2011.", "285,000", ("national", "")),
        ("China's Ministry of Education puts the number of Chinese students in Norway at "
         "about 1,400.", "about 1,400", ("national", "")),
        ("Norway counted 1,900 Chinese students, while the Ministry of Education gave a "
         "figure of 1,400.", "1,400", ("national", "")),
        # (a time may lead the clause it reports; the bureau under its short name)
        ("The State Education Commission reports that between 1978 and 1996 some 270,000 "
         "Chinese students and scholars went abroad.", "some 270,000", ("national", "")),
        ("The State Bureau of Foreign Experts reports that about 68,000 foreign experts "
         "worked in China during 1991.", "about 68,000", ("national", "")),
        # (what it does itself stays its own)
        ("The Ministry of Education funded 120 exchange projects in 2011.", "120",
         ("agency", "Ministry of Education")),
    ],
)  # fmt: skip
def test_a_central_body_reporting_is_a_source(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # another country's people where they work in China: the nation's line by partner
        ("In 2003 some 9,000 Chinese engineers trained in Japan, while about 2,500 Japanese "
         "engineers worked in China.", "about 2,500", ("foreign", "Japan")),
        ("About 600 Italian technicians are now in China installing machinery.", "About 600",
         ("foreign", "Italy")),
        # (another country's own things in China stay its own)
        ("About 300 Italian companies now operate in China.", "About 300",
         ("foreign", "Italy")),
    ],
)  # fmt: skip
def test_another_countrys_people_in_china(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a share of the whole just named is that whole's owner's: in its sentence ...
        ("In 2010 the NSFC spent 410 million yuan on exchanges, 4.1 percent of its total "
         "budget.", "4.1", ("agency", "NSFC")),
        # ... or in the sentence before
        ("Under the Sino-Kenyan Crop Programme, the two sides have funded 48 projects. "
         "Maize projects make up about 25% of the total.", "about 25%",
         ("programme", "Sino-Kenyan Crop Programme")),
        # (a share of another whole keeps its own owner)
        ("China has 1,200 joint projects. Maize projects make up about 25% of all "
         "projects.", "about 25%", ("national", "")),
    ],
)  # fmt: skip
def test_a_share_of_the_total_named_before(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # another country's body told by a word only such bodies carry ...
        ("The Federal Office for Research spent EUR 12 million on Sino-Austrian projects in "
         "2016.", "EUR 12", ("foreign", "Federal Office for Research")),
        # (an embassy of China's stays China's)
        ("The Embassy of the People's Republic of China in Kenya awarded 40 scholarships.",
         "40", ("national", "")),
        # ... or by the side a cable's marked paragraph opens with
        ("(SBU) On the U.S. side, the Science Agency awarded USD 4.1 million to joint "
         "projects in 2008.", "USD 4.1", ("foreign", "Science Agency")),
    ],
)  # fmt: skip
def test_another_countrys_body_by_its_name_or_side(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# --- session 8, round 2 -------------------------------------------------------------


def test_an_office_of_the_publishing_university_speaks_for_it():
    from types import SimpleNamespace

    page = SimpleNamespace(
        title="International Office: Yearly Review 2011",
        publisher="Lanzhou University | International Office",
        text="International Office: Yearly Review 2011\n\nWe hosted 210 visiting scholars.",
        removed=(),
    )
    assert classify.page_voice(page) == ("local", "Lanzhou University")
    # (an office whose publisher is no part keeps its own voice)
    page.publisher = "Xinhua News Agency"
    assert classify.page_voice(page) == ("agency", "International Office")


def test_an_author_line_over_the_title_gives_the_page_its_voice():
    from types import SimpleNamespace

    text = (
        "Social Site\nHome   Network   Jobs\n\nWang Li • 1st\n"
        "Dean, International Office at Xiamen University\n2d • Edited\n\n"
        "A proud month for us\n\nLast year we welcomed 640 visiting scholars."
    )
    page = SimpleNamespace(title="A proud month for us", publisher="", text=text, removed=())
    assert classify.page_voice(page) == ("local", "Xiamen University")
    # (lines over the title that name no body leave the page the nation's)
    page.text = text.replace("Dean, International Office at Xiamen University", "Engineer")
    assert classify.page_voice(page) is None


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a central body that reports the nation's figures: its plan or forecast is the
        # nation's too
        ("Next year the Ministry of Education plans to choose another 1,800 teachers for "
         "study abroad.", "1,800", ("national", "")),
        # (a line of the nation's by its one partner or region: recorded as the partner's)
        ("Next year the Ministry of Education plans to choose another 1,800 teachers for "
         "study in Europe.", "1,800", ("foreign", "Europe")),
        ("The State Science and Technology Commission expects the number of joint projects "
         "to top 900 by 1990.", "900", ("national", "")),
        # (an academy's plan stays its own)
        ("The Chinese Academy of Sciences plans to send 300 researchers to Germany.", "300",
         ("agency", "Chinese Academy of Sciences")),
    ],
)  # fmt: skip
def test_a_central_bodys_plan_is_the_nations(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 8, round 3: another country's research bodies whose names carry no country's
# name (actors.yaml names: foreign) are that country's, not an agency of China's
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("The National Science Foundation funded 25 joint projects with Chinese teams in "
         "2015.", "25", ("foreign", "National Science Foundation")),
        ("The Research Council of Norway funded 12 joint projects with Chinese partners in "
         "2014.", "12", ("foreign", "Research Council of Norway")),
        ("In 2013 the Max Planck Society ran 9 partner groups in China.", "9",
         ("foreign", "Max Planck Society")),
        # (China's own foundation, named with its country, stays an agency)
        ("The National Natural Science Foundation of China funded 25 joint projects in "
         "2015.", "25", ("agency", "National Natural Science Foundation of China")),
    ],
)  # fmt: skip
def test_another_countrys_research_body_is_foreign(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# h17scope: another country's or union's government bodies whose names carry no country's
# name (the European Commission, the NIH, the Department of Energy) are theirs, never an
# agency of China's
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("Since 2007 the European Commission has funded 212 projects with Chinese participants.",
         "212", ("foreign", "European Commission")),
        ("In 2008 the National Institutes of Health spent $12 million on joint research in "
         "China.", "$12", ("foreign", "National Institutes of Health")),
        ("In 1980 the Department of Energy provided $1.1 million for joint projects.", "$1.1",
         ("foreign", "Department of Energy")),
        ("In 1981 the Commerce Department approved some 2,050 export licence applications.",
         "some 2,050", ("foreign", "Commerce Department")),
    ],
)  # fmt: skip
def test_another_countrys_government_body_is_foreign(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 8, round 3: a year closed by a comma opening the sentence is no figure modifying
# the subject after it ("In 2012, Japan sent ..." is Japan's, as without the lead)
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("In 2012, CNRS researchers published 1,200 joint papers with Chinese colleagues.",
         "1,200", ("foreign", "CNRS")),
        ("In 2012, Japan sent 300 researchers to Chinese laboratories.", "300",
         ("foreign", "Japan")),
        ("In 2011, Japanese universities hosted 4,500 visiting scholars.", "4,500",
         ("foreign", "Japan")),
    ],
)  # fmt: skip
def test_a_year_lead_closed_by_a_comma_leaves_the_subject(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 9 (round 4 on d + e): the nation's five-year plans are no programmes of their own;
# awards named for whom they are for are programmes; a partners' share of a whole told
# before is the whole's owner's; "under the scheme" is the programme last named; a lead
# placing Chinese people in another country gives the host
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("Under the Tenth Five-Year Plan (2001-2005), the country will import equipment "
         "worth 60 billion dollars.", "60 billion", ("national", "")),
        ("The draft Seventh Five-Year Plan calls for 2,000 items of technology to be bought "
         "abroad.", "2,000", ("national", "")),
        # (a named programme stays one)
        ("Under the Torch Program, 53 new zones were approved.", "53",
         ("programme", "Torch Program")),
    ],
)  # fmt: skip
def test_a_five_year_plan_is_the_nations(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_an_award_named_for_whom_it_is_for_is_a_programme():
    lex = classify.actor_lexicon()
    prize = "CAS Prize for Young Foreign Engineers"
    assert classify._kind_of(prize, lex) == ("programme", prize)
    fellowship = "Provincial Fellowship for Visiting Scholars"
    assert classify._kind_of(fellowship, lex) == ("programme", fellowship)
    # (a body whose name holds an award's word stays a body)
    council = "China Scholarship Council"
    assert classify._kind_of(council, lex) == ("agency", council)


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # partners' share of a whole told in the sentence before: the whole's owner's
        ("Sichuan Province signed technology import contracts worth US$2.1 billion in 2008. "
         "France, Italy and Korea together accounted for 48 per cent of that value.", "48",
         ("local", "Sichuan Province")),
        # (no figure told: a line of the nation's figure, the partner its actor)
        ("Imports of equipment rose sharply in 1990. The Netherlands and Sweden together "
         "supplied 31 percent of the value imported that year.", "31",
         ("foreign", "Netherlands")),
    ],
)  # fmt: skip
def test_partners_share_of_a_told_whole(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("Hangzhou launched its Seagull Programme in 2012 to draw engineers home. Under the "
         "scheme, each returning team can receive up to 5 million yuan.", "up to 5",
         ("programme", "Seagull Programme")),
        ("The Zhejiang Fellowship for Visiting Scholars opened in 2010. In its first year "
         "41 researchers came to work at provincial institutes under the fellowship.", "41",
         ("programme", "Zhejiang Fellowship for Visiting Scholars")),
        # (with no programme named before, the clause's own owner)
        ("Under the scheme, the Wuhan government gave 300 grants.", "300",
         ("local", "Wuhan")),
        # a joint commission named before, by its kind's word
        ("The Sino-Czechoslovak Commission for Scientific and Technical Cooperation first met "
         "in 1953. Under the commission more than 3,200 sets of technical documents were "
         "handed over.", "more than 3,200",
         ("programme", "Sino-Czechoslovak Commission for Scientific and Technical Cooperation")),
    ],
)  # fmt: skip
def test_under_the_scheme_is_the_programme_named_before(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("In France, 2,300 of the students from China held government grants in 2001.",
         "2,300", ("foreign", "France")),
        ("In Canada alone there were about 9,000 students and scholars from mainland China "
         "by 1992.", "about 9,000", ("foreign", "Canada")),
        # (a body of that country as the subject: its own)
        ("In France, CNRS hosted 200 researchers from China in 2001.", "200",
         ("foreign", "CNRS")),
    ],
)  # fmt: skip
def test_a_lead_placing_chinese_people_abroad_gives_the_host(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 9: more of another country's research bodies named without their country's name
# (actors.yaml names: foreign)
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("CSIRO alone received 42 visiting scientists from Chinese institutes in 1985.", "42",
         ("foreign", "CSIRO")),
        ("IDRC has funded 75 projects with Chinese partners since 1983.", "75", ("foreign", "IDRC")),
    ],
)  # fmt: skip
def test_more_research_bodies_without_a_country_are_foreign(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 9: a report's verbs that make a name its source, not the owner ("X counts N",
# "the Committee was told that N")
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("The Bureau of Statistics counts 7,400 Chinese students in Norway in 2012.",
         "7,400", ("foreign", "Norway")),
        ("The Council was told that about 900 Chinese scholars were working in Denmark in "
         "1986.", "about 900", ("foreign", "Denmark")),
        # (a body acting stays the owner)
        ("The Bureau of Statistics hosted 40 visiting scholars from Chinese universities.",
         "40", ("agency", "Bureau of Statistics")),
    ],
)  # fmt: skip
def test_a_reports_verb_makes_a_name_its_source(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 9, round 5: a partner's firms on the other side of the nation's technology deals
# ("French firms signed N contracts with Chinese buyers"), a partner's share with no whole
# of its own after it ("..., and Italy alone accounted for 9%"; the gapped "and Japan for
# 20 percent"), a host's count of the Chinese people its sentence counts, with no noun of its
# own ("..., while Canada had about 8,000"), and a central body's report through an aside
# ("The State Education Commission, set up in 1985, reports that N ..., of whom M ...")
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("French firms signed 64 contracts with Chinese buyers for the supply of equipment "
         "in 1988.", "64", ("foreign", "France")),
        ("Dutch companies were the source of 7 percent of the value of China's imported "
         "technology in 2005.", "7 percent", ("foreign", "Netherlands")),
        # (a partner's firms doing their own work in China stay theirs)
        ("Korean companies ran 35 laboratories in China in 2011.", "35",
         ("foreign", "South Korea")),
        ("China imported technology worth $2.1 billion in 1990, of which France accounted for "
         "about 11 percent and Italy for about 6 percent.", "about 6 percent",
         ("foreign", "Italy")),
        ("The United States remained the largest supplier, with 30% of the value, and Japan "
         "alone accounted for 21%.", "21%", ("foreign", "Japan")),
        ("About 9,000 Chinese students were enrolled in Australia in 1995, while Canada had "
         "about 8,000.", "about 8,000", ("foreign", "Canada")),
        # (no Chinese people counted before: the host's own)
        ("France spent 12 million euros on the laboratories, while Canada had about 8,000 "
         "visitors.", "about 8,000", ("foreign", "Canada")),
        ("The State Education Commission, set up in 1985, reports that about 90,000 persons "
         "went abroad to study between 1978 and 1990, of whom some 30,000 have returned.",
         "some 30,000", ("national", "")),
    ],
)  # fmt: skip
def test_partners_firms_shares_and_hosts_are_lines_of_the_nations_figure(
    tmp_path, body, quote_start, want
):
    assert scope(tmp_path, body, quote_start) == want


# session 9, round 5: "the two countries" / "the governments" as the subject on another
# country's page: what the nation does with that partner (foreign, the partner its actor)
def test_the_two_countries_on_a_partners_page_are_a_line_of_the_nations_figure(tmp_path):
    kw = {
        "title": "Norway and China: research in figures",
        "head": "Embassy of Norway in China\nHome > Science and Technology\n\n",
    }
    body = "Together the two countries have opened 12 joint laboratories since 2005."
    assert scope(tmp_path, body, "12", **kw) == ("foreign", "Norway")
    body = "Since the agreement was signed, the governments have funded 230 joint projects."
    assert scope(tmp_path, body, "230", **kw) == ("foreign", "Norway")
    # (the page's own figure, no two nations named, stays the partner's)
    body = "The Research Council offers 30 fellowships a year to Chinese researchers."
    assert scope(tmp_path, body, "30", **kw) == ("foreign", "Research Council")


# session 9, round 5: a name ending in a programme's word is a programme, whatever head word
# (a university's, an academy's) stands inside it
@pytest.mark.parametrize(
    "name, want",
    [
        ("Provincial Key University Visiting Scholar Programme", "programme"),
        ("Academy of Sciences Young Talents Program", "programme"),
        ("Zhejiang University", "local"),
        ("Chinese Academy of Sciences", "agency"),
    ],
)  # fmt: skip
def test_a_name_ending_in_a_programme_word_is_a_programme(name, want):
    assert classify._kind_of_plain(name, classify.actor_lexicon())[0] == want


# session 9, round 5: a programme told only by its kind's word, as a time ("since the
# program began") or described by what it is for ("under the programme for ..."), owns
# nothing: the clause's subject does ("under the programme." alone keeps the programme)
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("Officials said that since the program began, China has sent 4,200 engineers to "
         "study in other countries.", "4,200", ("national", "")),
        ("Tianjin approved 310 projects between 1985 and 1990 under the programme for the "
         "upgrading of old factories.", "310", ("local", "Tianjin")),
    ],
)  # fmt: skip
def test_a_programme_told_only_by_its_kind_word_owns_nothing(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 9, round 5: a central ministry keeping the nation's diplomatic network abroad
# ("MOST has 140 S&T diplomats in 50 embassies"): the nation's figure
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("The Ministry of Science and Technology keeps 140 science and technology diplomats "
         "in 50 embassies abroad.", "140", ("national", "")),
        ("The Ministry of Science and Technology keeps 140 science and technology diplomats "
         "in 50 embassies abroad.", "50", ("national", "")),
        # (its own work stays its own)
        ("The Ministry of Science and Technology funded 300 joint projects in 2010.", "300",
         ("agency", "Ministry of Science and Technology")),
    ],
)  # fmt: skip
def test_the_nations_diplomatic_network_is_the_nations(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 9, round 5: "N <Demonym> and Chinese <people>": both sides of an exchange, a line of
# the nation's figure by partner ("About 300 Israeli companies ..." stays Israel's own)
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("Some 450 Polish and Chinese engineers were exchanged under the protocol in 1990.",
         "Some 450", ("foreign", "Poland")),
        ("About 120 Israeli firms now operate in China.", "About 120", ("foreign", "Israel")),
    ],
)  # fmt: skip
def test_both_sides_people_of_an_exchange_are_the_nations(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 9, round 6: a participle aside telling who runs or funds the subject (", run by
# X and Y,", ", funded by X, the Y, and by Z,") names no owner of the main clause's figure
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("The Sino-Finnish Institute for Forest Research, run by two Finnish "
         "universities and Yunnan University, has trained 240 forestry students since 2010.",
         "240", ("programme", "Sino-Finnish Institute for Forest Research")),
        ("The Sino-Finnish Institute for Forest Research, funded by the Academy of Finland, "
         "the Finnish funding agency, and by the Chinese Ministry of Science and Technology, "
         "has trained 240 forestry students since 2010.",
         "240", ("programme", "Sino-Finnish Institute for Forest Research")),
        # (a relative aside, as before)
        ("The Sino-Finnish Institute for Forest Research, which Finland funds, has trained "
         "240 forestry students since 2010.",
         "240", ("programme", "Sino-Finnish Institute for Forest Research")),
    ],
)  # fmt: skip
def test_a_participle_aside_names_no_owner(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 9, round 6: the last object of a list ("... 1,200 engineers and 80 PhD fellows
# since it opened") shares its clause's subject: no clause of its own (no verb after it);
# a thousands comma in the first object is no clause stop
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("The Guangzhou Science Bureau has funded 1,200 projects and 80 exchanges since 2012.",
         "80", ("agency", "Guangzhou Science Bureau")),
        ("The Sino-Finnish Institute for Forest Research has trained 1,200 technicians and "
         "80 PhD fellows since it opened in 2009.",
         "80", ("programme", "Sino-Finnish Institute for Forest Research")),
        ("The Sino-Finnish Institute for Forest Research, run by two Finnish universities, "
         "has trained 1,200 technicians and 80 PhD fellows since it opened in 2009.",
         "80", ("programme", "Sino-Finnish Institute for Forest Research")),
        # (a number with a verb of its own after it opens a clause of its own)
        ("The Guangzhou Science Bureau has funded 1,200 projects, and 80 Chinese scientists "
         "have worked abroad under them.", "80", ("national", "")),
    ],
)  # fmt: skip
def test_the_last_object_of_a_list_shares_its_subject(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 9, round 6: a central body reporting its own past work ("said that it organized
# 800 projects", "reported that it had itself received 15") keeps its figure; its report of
# the nation's state ("says it now has cooperation with 120 countries") stays the nation's
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("The Ministry of Science and Technology said that it organized 800 joint projects "
         "with foreign partners in 2007.", "800", ("agency", "Ministry of Science and Technology")),
        ("The Chinese Academy of Sciences reported that it had itself received 15 Danish "
         "scientists in 1984.", "15", ("agency", "Chinese Academy of Sciences")),
        ("The Ministry of Science and Technology says it now has cooperation with 120 "
         "countries.", "120", ("national", "")),
        ("The Ministry of Education said 210,000 Chinese went abroad to study in 2009.",
         "210,000", ("national", "")),
    ],
)  # fmt: skip
def test_a_body_reporting_its_own_work_keeps_it(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 10, round 7: a description of a body named before ("the Society", "the ministry",
# "the Commission") takes that body's kind: another country's when its name says so (a
# country, a demonym, "Royal", "Federal"), also when it stands in the same sentence; on a
# Chinese body's own page its head word is that body, not a partner named before
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("Links with the Royal Society of Edinburgh grew in 1992: the Society hosted 42 "
         "Chinese geologists that year.", "42", ("foreign", "Royal Society of Edinburgh")),
        ("The Federal Ministry of Health (BMG) opened a new call in Bonn. Since 2010 the "
         "ministry has funded some 75 joint projects with Chinese hospitals.",
         "some 75", ("foreign", "Federal Ministry of Health")),
        ("Visits between the Royal Society of Edinburgh and the Chinese Academy of Forestry "
         "resumed: the Society received 18 foresters in 1993.",
         "18", ("foreign", "Royal Society of Edinburgh")),
        # (a Chinese body's description stays an agency's)
        ("The Ministry of Water Resources met in Wuhan. In 2004 the ministry funded 65 "
         "projects with Dutch partners.", "65", ("agency", "Ministry of Water Resources")),
        # (a council, as a commission: "the council" after the China Scholarship Council)
        ("The China Scholarship Council opened its new call in May. Overall, the council "
         "funded 12,000 students and scholars to go abroad last year.", "12,000",
         ("agency", "China Scholarship Council")),
    ],
)  # fmt: skip
def test_a_description_takes_the_kind_of_the_body_named_before(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_a_head_word_on_a_bodys_own_page_is_that_body(tmp_path):
    body = (
        "The Chinese Academy of Forestry signed a memorandum with the Royal Academy of "
        "Forestry of Sweden in March. In 2005 the Academy sent 40 delegations abroad."
    )
    got = scope(tmp_path, body, "40", title="Chinese Academy of Forestry: Annual Report 2005")
    assert got == ("agency", "Chinese Academy of Forestry")


# session 10, round 7: the capital as the subject of a state's act ("Beijing plans to
# spend", "Beijing has kept", "Beijing belongs to") is the nation's government; the city's
# own counts, a clause under a programme and a page speaking for the city are left alone
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # (the nation's, a line by its one partner or region: recorded as the partner's)
        ("Beijing plans to send 900 engineers to Canadian firms in 1986.", "900",
         ("foreign", "Canada")),
        ("Beijing has also signed agreements with 14 Latin American countries.", "14",
         ("foreign", "Latin America")),
        ("Beijing plans to send 900 engineers to Canada and Mexico in 1986.", "900",
         ("national", "")),
        ("Beijing now belongs to 12 international standards bodies.", "12", ("national", "")),
        ("A spokesman said Beijing now has formal science and technology cooperation agreements "
         "with 58 countries.", "58", ("national", "")),
        ("Beijing has 26 universities with foreign partners.", "26", ("local", "Beijing")),
    ],
)  # fmt: skip
def test_the_capital_as_the_state_acting(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_the_capital_on_the_citys_own_page_stays_the_city(tmp_path):
    body = "Beijing signed 310 technology contracts with foreign firms in 2004."
    got = scope(tmp_path, body, "310", title="Beijing Municipality: Review of 2004")
    assert got[0] == "local"


# session 10, round 7: the whole a place's or a body's part is counted against, named as
# the nation's right before the figure ("the country's 53 zones") or right after it ("out
# of 60 in the country as a whole"), is the nation's; the part itself stays the place's
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("Hubei hosts 3 of the country's 21 national software parks.", "21", ("national", "")),
        ("Hubei hosts 3 of the country's 21 national software parks.", "3", ("local", "Hubei")),
        ("By 2010 Hubei had 5 state-level bases, out of 120 in the country as a whole.",
         "120", ("national", "")),
        ("Firms in Hubei exported through the nation's 88 export bases.", "88",
         ("national", "")),
        # past the counted noun and a participle (session 14)
        ("By 2013 Hubei had 27 bases, about 7 percent of the 392 bases approved nationwide.",
         "392", ("national", "")),
    ],
)  # fmt: skip
def test_the_nations_whole_beside_a_part(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 10, round 7: a central statistics body in the title, named inside a document's
# name ("Report of the State Education Commission on ...") or by a short form of its head
# word that the opening gives in full ("Education commission ..." over "the State Education
# Commission said"), gives the page no voice: its figures stay the nation's
@pytest.mark.parametrize(
    "title, body",
    [
        ("Report of the State Education Commission on Study Abroad",
         "Students have been sent to 62 countries and regions since 1978."),
        ("Education commission reviews study abroad",
         "BEIJING - The State Education Commission said on Monday that students have been "
         "sent to 62 countries and regions since 1978."),
    ],
)  # fmt: skip
def test_a_central_body_in_the_title_gives_no_voice(tmp_path, title, body):
    assert scope(tmp_path, body, "62", title=title) == ("national", "")


def test_another_body_in_the_title_keeps_its_voice(tmp_path):
    title = "Report of the Hubei Provincial Science and Technology Department on Exchanges"
    got = scope(tmp_path, "Exchanges were held with 31 countries in 2003.", "31", title=title)
    assert got[0] != "national"


# session 10, round 8: a region's countries that the nation's figure counts ("agreements
# with 21 African countries") are the nation's line of that region, the region its actor
# (as a partner's line has the partner); a part's figure keeps its owner
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("Since 2000 China has signed cooperation agreements with 14 Latin American countries.",
         "14", ("foreign", "Latin America")),
        ("Chinese science counsellors now serve in six Arab states.", "six",
         ("foreign", "Arab states")),
        ("Since 2000 China has signed cooperation agreements with 14 countries.", "14",
         ("national", "")),
        ("Yunnan has signed agreements with 5 Southeast Asian countries.", "5",
         ("local", "Yunnan")),
    ],
)  # fmt: skip
def test_a_regions_countries_are_the_nations_line_of_the_region(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 10, round 8: a description ("the bureau", "The Ministry") of a Chinese central
# body named before speaks for the nation as the body's name does when its verb is a
# report, a forecast, a hope or a goal (not a plan of its own work: "the ministry plans to
# send"); and such a body that maintains or administers the nation's relations "with N
# countries" counts the nation's partners. An academy's stays the academy's
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("The State Bureau of Foreign Experts Affairs held its annual meeting in Beijing. "
         "The bureau expects 15,000 experts to come in 1992.", "15,000", ("national", "")),
        ("The State Education Commission met in Beijing in March. Officials say the "
         "commission hopes to see 9,000 returnees a year by 1995.", "9,000",
         ("national", "")),
        ("The Ministry of Foreign Economic Relations and Trade met in May. The Ministry "
         "expects technology imports to reach 3 billion dollars in 1988.", "3 billion",
         ("national", "")),
        ("The State Science and Technology Commission met in March. The commission now "
         "maintains cooperation agreements with over 40 countries.", "over 40",
         ("national", "")),
        ("The State Scientific and Technological Commission hopes to open science "
         "sections in six more embassies by 1990.", "six", ("national", "")),
        ("The Chinese Academy of Sciences held its meeting. The academy expects to send 300 "
         "scientists abroad in 1990.", "300", ("agency", "Chinese Academy of Sciences")),
        ("The Ministry of Education met in May. The ministry plans to send another 2,000 "
         "students abroad next year.", "2,000", ("agency", "Ministry of Education")),
    ],
)  # fmt: skip
def test_a_central_bodys_description_reports_and_plans_for_the_nation(
    tmp_path, body, quote_start, want
):
    assert scope(tmp_path, body, quote_start) == want


def test_a_title_case_headlines_subject_run_into_its_verb_names_no_plan(tmp_path: Path) -> None:
    # "China Plans to Send ..." in title case: "Plans" is the verb, the page names no plan
    rows = rows_of(
        tmp_path,
        "Some 300 foreign experts now teach at Chinese universities, officials said.",
        title="China Plans to Send Thousands of Scholars Abroad",
    )
    (row,) = [r for r in rows if r["value"] == 300]
    assert (row["scope"], row["actor"]) == ("national", "")


def test_a_bodys_work_plan_for_its_year_is_no_programme():
    # the commission's summary and plan: the page's figures stay its own (its publisher's)
    assert classify.document_subject("Summary of Work in 2015 and Work Plan for 2016") is None
    assert classify.document_subject("Annual Work Plan 2016") is None
    # a named plan is still a programme
    assert classify.document_subject("Young Scientists Exchange Plan lifts visits") == (
        "programme",
        "Young Scientists Exchange Plan",
    )


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a share of a whole "its" owns: the name that pronoun stands for, before the share
        ("The National Natural Science Foundation of China (NSFC) spent about 100 million "
         "yuan on cooperation in 2001, roughly 6 percent of its budget.", "roughly 6",
         ("agency", "National Natural Science Foundation of China")),
        ("I should add that the Chinese Academy of Sciences says 85 percent of its institute "
         "directors are returnees.", "85", ("agency", "Chinese Academy of Sciences")),
        ("Zhejiang University sent 300 students abroad, about 60% of their graduates.",
         "about 60%", ("local", "Zhejiang University")),
        # ... China's own whole stays the nation's; a name after a preposition owns nothing
        ("China spends 2 percent of its GDP on research.", "2 percent", ("national", "")),
        ("With help from the Chinese Academy of Sciences, 40 percent of their staff went "
         "abroad.", "40 percent", ("national", "")),
    ],
)  # fmt: skip
def test_a_share_of_a_whole_its_pronoun_owns(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_a_name_holding_science_technology_and_innovation_is_one_name(tmp_path):
    # "Science, Technology and Innovation" inside a plan's name: the comma joins the name,
    # so the plan the clause stands under is named whole and owns the figure
    body = (
        "Under the Belt and Road Science, Technology and Innovation Cooperation Action Plan, "
        "Laos has approved 12 joint laboratories."
    )
    assert scope(tmp_path, body, "12") == (
        "programme",
        "Belt and Road Science, Technology and Innovation Cooperation Action Plan",
    )


@pytest.mark.parametrize(
    "body, quote_start",
    [
        # the programme named right before ", under which"
        ("The agreement serves as the umbrella for the Laos Exchange Programme, under which "
         "more than 20 agencies carry out projects.", "more than 20"),
        # ... or the last one named in its sentence, past a phrase of place
        ("The premier announced a Laos-Africa Science Partnership Plan at the ministerial "
         "conference of the Forum on Laos-Africa Cooperation, under which China will carry out "
         "40 joint projects.", "40"),
    ],
)  # fmt: skip
def test_a_figure_under_which_a_programme_stands_is_the_programmes(tmp_path, body, quote_start):
    assert scope(tmp_path, body, quote_start)[0] == "programme"


# session 16: the last object of a list after "and", with no verb of its own, is the object
# of the subject's verb, whatever terms its noun phrase holds ("S&T", "Sino-Korean", a term
# its acronym defines), a name after a preposition, a participle before "by", a trailing
# ", in fields from ..." or a list that goes on with "as well as"
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("The Shandong Academy of Agricultural Sciences hosts 7 joint laboratories with "
         "foreign partners and 2 national international S&T cooperation bases recognized by "
         "the Ministry of Science and Technology, in fields from plant breeding to soil "
         "science.", "2 national", ("agency", "Shandong Academy of Agricultural Sciences")),
        ("In 2016 Zhejiang University approved 38 joint projects and 12 Sino-Korean "
         "workshops.", "12", ("local", "Zhejiang University")),
        ("Through its own channels Nanjing University arranged 800 visits abroad by its "
         "teachers and 450 visits to Nanjing by foreign scholars in 2010.", "450",
         ("local", "Nanjing University")),
        ("The Max Planck Society now runs 6 Partner Groups (PG) and 3 Joint Research Units "
         "(JRU) with Chinese institutes, as well as 2 research networks.", "3",
         ("foreign", "Max Planck Society")),
        # (a verb of its own after the figure: its own clause, not the subject's object)
        ("The Chinese Academy of Sciences sent 1,200 researchers abroad and 96,000 Chinese "
         "went home.", "96,000", ("national", "")),
    ],
)  # fmt: skip
def test_the_last_object_of_a_list_is_the_subjects(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 16: "N of which" after a figure, as "N of whom": a part of that figure, its owner
# (only after the number: "of which N were arranged by the SSTC" may name its own owner)
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("By the end of 2012 the Chinese Academy of Agricultural Sciences operated 31 joint "
         "laboratories with foreign partners, six of which were set up during the year.",
         "six", ("agency", "Chinese Academy of Agricultural Sciences")),
        ("Wuhan University now runs 23 joint research centres with foreign partners, four "
         "of which are recognised as national-level bases.", "four",
         ("local", "Wuhan University")),
    ],
)  # fmt: skip
def test_n_of_which_is_a_part_of_the_figure_before(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# h17scope: a title's words that name no owner: a central ministry's spokesperson answers
# for the country (the ministry, a central body, gives the page no voice), and a place before
# "time" is a clock's zone, not the page's subject
@pytest.mark.parametrize(
    "title",
    [
        "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on June 4, 2019",
        "Broadcast: October 16, 2012, 21:30 Beijing time (repeat 03:30)",
    ],
)
def test_a_spokesperson_or_a_clock_in_the_title_gives_no_voice(tmp_path, title):
    body = "A: We have signed 114 intergovernmental agreements on S&T cooperation."
    assert scope(tmp_path, body, "114", title=title) == ("national", "")


# ------------------------------------------- session 19: the nation's dealings with one partner
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # the partner after the counted noun, by its preposition
        ("Chinese firms signed 1,326 technology import contracts with Japanese companies in "
         "2016.", "1,326", ("foreign", "Japan")),
        ("In 2018 Chinese firms signed 97 technology import contracts with Russian "
         "suppliers.", "97", ("foreign", "Russia")),
        ("China will send 50 agricultural technology teams to Africa.", "50",
         ("foreign", "Africa")),
        # the partner in the subject before the figure's verb
        ("Chinese technology exports to Africa were worth US$470 million last year.",
         "US$470", ("foreign", "Africa")),
        ("In 2015 China's technology export contracts with ASEAN countries were valued at "
         "US$2.4 billion.", "US$2.4", ("foreign", "ASEAN")),
        ("Technology from the European Union accounted for 45 per cent of that value.", "45",
         ("foreign", "European Union")),
        # (a change before the sum the subject's verb reaches; a sum reported at)
        ("Technology imports from the Republic of Korea rose by 41.6% to US$1.12 billion in "
         "2018.", "US$1.12", ("foreign", "South Korea")),
        ("China's technology imports from Ukraine were reported at 60 million dollars a "
         "year.", "60", ("foreign", "Ukraine")),
        # (the partner after a counted phrase that runs long)
        ("China will carry out 100 joint demonstration projects on scientific and "
         "technological research with African countries.", "100", ("foreign", "Africa")),
        # people placed or sent there in the subject, or their demonym after "the number of"
        ("Chinese sent to Hungary for study and research numbered 20 in 1985.", "20",
         ("foreign", "Hungary")),
        ("The number of Chinese physicists working on CERN experiments went from a dozen in "
         "2000.", "a dozen", ("foreign", "CERN")),
        ("The number of European researchers working in China rose by 18 percent last year "
         "to about 9,000.", "about 9,000", ("foreign", "Europe")),
        # the Belt and Road's countries as a region (the initiative's plan is a programme)
        ("Technology export contracts with Belt and Road countries were worth US$8.7 billion "
         "in 2018.", "US$8.7", ("foreign", "Belt and Road countries")),
        ("The number of Chinese students in countries along the Belt and Road rose from "
         "47,000 in 2012.", "47,000", ("foreign", "Belt and Road countries")),
        # (the counted phrase running on over its verb and preposition)
        ("The first group of 52 visiting scholars left for the United States in December "
         "1978.", "52", ("foreign", "United States")),
        ("Between 1979 and 1993 Chinese enterprises signed 1,163 contracts to import Japanese "
         "technology and equipment.", "1,163", ("foreign", "Japan")),
        ("About 31,000 Chinese students were enrolled with New Zealand education providers "
         "in 2013.", "About 31,000", ("foreign", "New Zealand")),
        ("Chinese students at British universities numbered 89,540 in 2014.", "89,540",
         ("foreign", "United Kingdom")),
        # a lead placing the clause in one country
        ("Across the UK, 78,715 Chinese students were enrolled last year.", "78,715",
         ("foreign", "United Kingdom")),
        # a trade's partner before the contracts it went under; a country visited
        ("In 2008 China imported technology from Japan under 1,683 contracts.", "1,683",
         ("foreign", "Japan")),
        ("In 2005 China imported technology worth US$1.37 billion from Italy under 412 "
         "contracts.", "412", ("foreign", "Italy")),
        # a pronoun subject after a fronted academic year stands for the subject before
        ("The United States remains the main destination. In the 1998/99 academic year it "
         "hosted 51,000 students from the People's Republic.", "51,000",
         ("foreign", "United States")),
        # a sentence opening with "And" has its subject after it
        ("And Kenya signed 12 agreements with China in 2010.", "12", ("foreign", "Kenya")),
        # a trade's partner before "worth", or by its demonym before the goods
        ("In 2017 Chinese firms signed contracts to import technology from the EU worth "
         "US$12.8 billion.", "US$12.8", ("foreign", "European Union")),
        ("Chinese firms signed contracts to import German technology worth US$6.7 billion in "
         "2018.", "US$6.7", ("foreign", "Germany")),
        # a clause naming one partner, then a colon and the figure it announces
        ("The United States took the largest share: roughly 14,000 Chinese students and "
         "scholars were there in 1985.", "roughly 14,000", ("foreign", "United States")),
        ("Last year some 12,000 Chinese scientists and engineers visited the United States.",
         "some 12,000", ("foreign", "United States")),
        # a bloc's member countries, as a region's
        ("China has signed cooperation agreements with nine ASEAN Member Countries.",
         "nine", ("foreign", "ASEAN")),
        ("China has S&T cooperation agreements with 46 Belt and Road countries.", "46",
         ("foreign", "Belt and Road countries")),
        # the partner's demonym before the counted noun: that partner's people or things
        ("Between 1950 and 1960 more than 10,000 Soviet specialists worked in China.",
         "more than 10,000", ("foreign", "Soviet Union")),
        ("In the next three years China will invite 1,500 young African scientists to work "
         "in Chinese laboratories.", "1,500", ("foreign", "Africa")),
        ("In the next five years China will invite 500 young Arab scientists to do research "
         "in China.", "500", ("foreign", "Middle East")),
        ("China has trained 700 marine scientists from Pacific island countries since 2013.",
         "700", ("foreign", "Oceania")),
        # both sides as the subject: the one partner named with China, or the one the text
        # before names most
        ("China and the Soviet Union on Friday signed three agreements on scientific "
         "cooperation.", "three", ("foreign", "Soviet Union")),
        ("China and the EU agreed to open 14 joint centres on clean energy.", "14",
         ("foreign", "European Union")),
        ("Brazil and China launched their first satellite in 1999. Brazil paid a third of "
         "its cost. The two countries now have five joint laboratories.", "five",
         ("foreign", "Brazil")),
        ("Brazil and China launched their first satellite in 1999. Both countries now have "
         "five joint laboratories.", "five", ("foreign", "Brazil")),
        # a list of partners earlier in the clause leaves a later partner's line alone
        ("Contracts with Singapore and Israel nearly doubled to US$610 million, and 312 "
         "contracts were signed with Swedish firms alone.", "312", ("foreign", "Sweden")),
        ("Technology contracts with Japan and Germany were worth US$5 billion in 2005.",
         "US$5", ("national", "")),
        # the partner's subject past a relative aside
        ("Contracts with the United States, which suspended high-technology sales in June, "
         "fell to $290 million.", "$290", ("foreign", "United States")),
        # a clause's lead naming the one partner ("With X", "and with X alone")
        ("With Hungary we have built 5 joint laboratories, in fields from water to energy.",
         "5", ("foreign", "Hungary")),
        ("That is right, and with the UK alone we now run 12 joint projects.", "12",
         ("foreign", "United Kingdom")),
        # (a lead of no partner, or of two: the nation's own)
        ("With this support China trained 40 engineers in 2015.", "40", ("national", "")),
        ("With Japan and Korea China built 9 joint laboratories.", "9", ("national", "")),
        # "the region" named before: its line ("with 16 countries in the region", "from the
        # region"); none named before, or the region's own: no line
        ("At the China-Africa Forum the minister spoke. China has signed agreements with 16 "
         "countries in the region.", "16", ("foreign", "Africa")),
        ("African ministers met in Beijing. Last year China received 1,050 scientists from "
         "the region for training.", "1,050", ("foreign", "Africa")),
        ("China has signed agreements with 16 countries in the region.", "16", ("national", "")),
        # both sides named as a pair in the counted phrase: the one partner's line
        ("There are currently 14 Finnish-Chinese joint research centres and laboratories.",
         "14", ("foreign", "Finland")),
        ("The oldest of the four Sino-Russian technology parks opened in 1998.", "four",
         ("foreign", "Russia")),
        ("Four New Zealand-China joint research centres are now in operation.", "Four",
         ("foreign", "New Zealand")),
        # (two pairs, or a pair with no country: no line of one partner)
        ("China now has 12 Sino-US and Sino-French joint centres.", "12", ("national", "")),
        ("China approved 40 Sino-foreign joint laboratories in 2015.", "40", ("national", "")),
        # (a sum between both sides, or each side's figure of a "respectively" list: no
        # line of one partner)
        ("Trade between China and Brazil reached US$ 36 billion in 2008.", "US$ 36",
         ("national", "")),
        ("China and Brazil bore 70 percent and 30 percent of the cost, respectively.", "70",
         ("national", "")),
        # (both sides' people are the partner's line since session 34: the golds of eleven
        # pages read them so; a body's name is no partner's line)
        ("In 2010 some 300 European and Chinese scientists took part in the projects.",
         "some 300", ("foreign", "Europe")),
        ("Chinese nationals now head four UN specialised agencies.", "four",
         ("national", "")),
        # (more than one partner: the nation's own figure, no line of one partner)
        ("In 1985 China sent 3,000 students to Japan and Germany.", "3,000",
         ("national", "")),
        # (a bilateral name is both sides', no partner's line)
        ("China-Africa trade reached 170 billion US dollars in 2017.", "170",
         ("national", "")),
    ],
)  # fmt: skip
def test_the_nations_dealings_with_one_partner_are_that_partners_line(
    tmp_path, body, quote_start, want
):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # what the partner's contracts are worth, a base and a change of the partner's line
        ("Chinese firms signed 1,326 technology import contracts with Japanese companies in "
         "2016, worth $4.9 billion.", "$4.9", ("foreign", "Japan")),
        ("About 2,900 Chinese students were enrolled at Swedish universities in 2010, down "
         "from 3,400 in 2009.", "3,400", ("foreign", "Sweden")),
        ("In 2015 China's technology export contracts with ASEAN countries were valued at "
         "US$2.4 billion, up 18 percent on the year before.", "18", ("foreign", "ASEAN")),
        ("The number of Chinese students enrolled at Dutch universities rose from 3,100 in "
         "2008 to 4,700 in 2016.", "3,100", ("foreign", "Netherlands")),
        # the host pointed back to in the next sentence ("in the country")
        ("Since January 1979 an estimated 12,000 Chinese students have come to the United "
         "States to study. At the end of 1983 some 8,500 were in the country.", "some 8,500",
         ("foreign", "United States")),
        # the base another country's figure is compared with is theirs too
        ("About 1,500 American scientists and engineers visited China in 1982, up from "
         "roughly 700 in 1979.", "roughly 700", ("foreign", "United States")),
        # (a clause of its own after "while": the nation's own)
        ("Chinese firms signed 1,326 technology import contracts with Japanese companies in "
         "2016, while technology imports overall were worth $30.1 billion.", "$30.1",
         ("national", "")),
    ],
)  # fmt: skip
def test_a_figure_after_a_partners_line_in_its_sentence_keeps_the_partner(
    tmp_path, body, quote_start, want
):
    assert scope(tmp_path, body, quote_start) == want


# ------------------------------------------- session 20: a transcript's speaker of another country
_TALK = (
    "HOST: With me are Wang Fang, director at the Ministry of Science and Technology, and "
    "Anne Keller, vice president of the Max Planck Society.\n\n"
    "WANG FANG: We have signed 114 intergovernmental agreements on S&T cooperation.\n\n"
    "ANNE KELLER: Our institutes hosted about 650 Chinese guest scientists in 2009, and we "
    "run 36 partner groups in China.\n\n"
    "HOST: And next year?\n\n"
    "KELLER: We would like to add 20 more partner groups by 2015.\n"
)


@pytest.mark.parametrize(
    "quote_start, want",
    [
        # the first person of a speaker introduced with another country's body is that body
        ("about 650", ("foreign", "Max Planck Society")),
        ("36", ("foreign", "Max Planck Society")),
        # (a label of the surname alone names the same speaker)
        ("20", ("foreign", "Max Planck Society")),
        # (a Chinese official's "we" is the nation's)
        ("114", ("national", "")),
    ],
)
def test_a_transcript_speakers_we_is_the_body_they_were_introduced_with(
    tmp_path, quote_start, want
):
    assert scope(tmp_path, _TALK, quote_start) == want


_BILINGUAL = (
    "Editor's note: Our reporter spoke to Liu Feng of the China Ocean Mineral Resources R&D "
    "Association and Kenji Sato of the Japan Agency for Marine-Earth Science and Technology.\n\n"
    "LIU FENG: China has signed deep-sea cooperation agreements with nine countries.\n\n"
    "Q: And your own institute?\n\n"
    "佐藤健二：深海6500自1990年以来已下潜一千四百多次。\n"
    "KENJI SATO: Shinkai 6500 has made more than 1,400 dives since 1990, and about one in ten "
    "carried foreign researchers.\n"
)


@pytest.mark.parametrize(
    "quote_start, want",
    [
        # what a speaker introduced with another country's body reports with no owner named is
        # that body's, its turn's original line before it or not
        ("more than 1,400", ("foreign", "Japan Agency for Marine-Earth Science")),
        ("about one in ten", ("foreign", "Japan Agency for Marine-Earth Science")),
        # (a Chinese speaker's unowned figure stays the nation's)
        ("nine", ("national", "")),
    ],
)
def test_a_foreign_speakers_unowned_figure_is_their_bodys(tmp_path, quote_start, want):
    assert scope(tmp_path, _BILINGUAL, quote_start) == want


@pytest.mark.parametrize(
    "body",
    [
        # the one partner of a national figure, its name wrapped over a line's break, in
        # lower case or in a cable's capitals
        "Since December 1978 the PRC has sent 1,270 students and visiting scholars to the "
        "United\nStates, making the US the largest single destination.",
        "SINCE DECEMBER 1978 THE PRC\nHAS SENT 1,270 STUDENTS AND VISITING SCHOLARS TO THE "
        "UNITED\nSTATES, MAKING THE US THE LARGEST SINGLE DESTINATION.",
        "SINCE DECEMBER 1978 THE PRC HAS SENT 1,270 STUDENTS AND VISITING SCHOLARS TO THE "
        "UNITED STATES.",
    ],
)
def test_a_partners_name_wrapped_or_in_capitals_is_read_whole(tmp_path, body):
    assert scope(tmp_path, body, "1,270") == ("foreign", "United States")


def test_a_partners_share_of_a_whole_told_as_another_partners_line_stays_its_own(tmp_path):
    body = (
        "Technology imports from the EU and Japan accounted for 38.5 and 24.1 percent of the "
        "total, respectively.\n\nThe European Union supplied 33.8 percent of the import value."
    )
    assert scope(tmp_path, body, "33.8") == ("foreign", "European Union")


@pytest.mark.parametrize(
    "quote_start, want",
    [
        # an acronym never defined, the initials of a body named before it
        ("23", ("agency", "China Meteorological Administration")),
        ("14", ("foreign", "Finnish Meteorological Institute")),
    ],
)
def test_an_acronym_of_a_bodys_initials_is_that_body(tmp_path, quote_start, want):
    body = (
        "With me are Zhou Li of the China Meteorological Administration, and Kaisa Lehtinen "
        "of the Finnish Meteorological Institute.\n\nThe CMA itself has signed meteorological "
        "cooperation agreements with 23 countries. Today FMI runs 14 projects in China."
    )
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    ("body", "quote_start", "want"),
    [
        # a party's share of a programme's cost: the programme's figure
        ("China bears 9.09 percent of the construction cost of ITER.", "9.09", ("programme", "ITER")),
        ("ITER, for example, is costly: China pays about 9 percent of the construction cost.",
         "about 9", ("programme", "ITER")),
        # the cost of a thing no programme: no programme's figure
        ("ITER is costly. The firm pays 30 percent of the cost of its new plant.", "30",
         ("national", "")),
    ],
)  # fmt: skip
def test_a_share_of_a_programmes_cost_is_the_programmes(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_the_states_network_abroad_a_ministry_runs_is_the_nations(tmp_path):
    body = (
        "The Ministry of Science and Technology (MOST) reviewed its work in 2008. The "
        "Ministry's network abroad now comprises 65 S&T sections and offices in 45 countries, "
        "staffed by 132 S&T diplomats. MOST itself funded 457 projects in 2008."
    )
    assert scope(tmp_path, body, "65") == ("national", "")
    assert scope(tmp_path, body, "132") == ("national", "")
    # the ministry's own programme stays the ministry's
    assert scope(tmp_path, body, "457")[0] == "agency"


def test_a_currency_prefix_ends_a_name():
    # "US$" opens a sum, never the next word of a body's name before it
    text = "RMB 30 million from the Ministry of Science and Technology of China and US$2.5 million"
    names = [name for _a, _b, name, _k in classify.mentions(text, 0, len(text))]
    assert "Ministry of Science and Technology of China" in names
    assert not any(name.endswith("US") for name in names)


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a joint body of two sides choosing or funding what the figure counts: its programme's
        ("The 7th session of the China-Chile Joint Commission on Scientific and Technological "
         "Cooperation, held in Santiago in May, approved 24 joint research projects.", "24",
         ("programme", "China-Chile Joint Commission")),
        ("A joint committee on research has approved 42 joint projects.", "42",
         ("programme", "joint committee")),
        ("In Kenya, our two countries' joint programme has supported more than 80 projects "
         "since 2001.", "more than 80", ("programme", "two countries' joint programme")),
        ("By 2011 the Subcommission had approved about 800 cooperative projects.", "about 800",
         ("programme", "Subcommission")),
        ("Altogether the joint calls have funded 64 projects.", "64", ("programme", "joint calls")),
        # a body named for the pair of countries, its verb after another of its own
        ("A Sino-Finnish working group on science and technology has met twice a year since "
         "1989 and has approved 27 projects so far.", "27",
         ("programme", "Sino-Finnish working group")),
    ],
)  # fmt: skip
def test_a_joint_body_choosing_or_funding_owns_the_figure(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # the joint body named, but not the subject of the figure's verb: left to the other rules
        ("The joint commission met in Beijing, and China sent 40 engineers to Chile.", "40",
         ("foreign", "Chile")),
        ("Under the agreement signed by the joint committee, the Ministry of Science and "
         "Technology will fund 12 laboratories.", "12",
         ("agency", "Ministry of Science and Technology")),
    ],
)  # fmt: skip
def test_a_joint_body_not_the_figures_subject_is_no_owner(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # two bodies, one of each side, choosing or funding together: their joint programme's
        ("The Academy of Finland and the National Natural Science Foundation of China have "
         "funded 33 projects through joint calls since 2009.", "33",
         ("programme", "Academy of Finland and the National Natural Science Foundation of China")),
        ("The Japan Science and Technology Agency and the Ministry of Science and Technology "
         "have jointly funded 45 projects.", "45",
         ("programme", "Japan Science and Technology Agency and the Ministry of Science and Technology")),
        # both bodies Chinese: the first's, as before
        ("The Chinese Academy of Sciences and Peking University funded 20 projects.", "20",
         ("agency", "Chinese Academy of Sciences and Peking University")),
        # one body alone, though its name holds "and": its own
        ("The Ministry of Science and Technology funded 30 projects.", "30",
         ("agency", "Ministry of Science and Technology")),
    ],
)  # fmt: skip
def test_bodies_of_both_sides_funding_together(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # another country's or an international body named by its short name (actors.yaml)
        ("Since 2002 IIASA has run 35 joint projects with Chinese institutes.", "35",
         ("foreign", "IIASA")),
        ("Between 1982 and 2012 IRRI trained more than 2,600 Chinese scientists.",
         "more than 2,600", ("foreign", "IRRI")),
        ("The DAAD alone gave 3,200 scholarships to Chinese students last year.", "3,200",
         ("foreign", "DAAD")),
    ],
)  # fmt: skip
def test_foreign_bodies_by_their_short_names(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # the nation's trade with one partner, the figure after a copula or past an aside of
        # what the trade was mostly for
        ("Technology exports to ASEAN countries were US$3.4 billion in 2007.", "US$3.4",
         ("foreign", "ASEAN")),
        ("Exports to Africa, mainly for power, telecommunications and railway projects, "
         "reached US$2.1 billion in 2007.", "US$2.1", ("foreign", "Africa")),
    ],
)  # fmt: skip
def test_a_trades_partner_past_a_copula_or_an_aside(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # people sent to a count of one region's countries are that region's line
        ("Since 1979 China has sent about 3,800 agricultural experts to 41 African countries.",
         "about 3,800", ("foreign", "Africa")),
        # (a count of other things is no region's countries)
        ("In 2009 China sent 30 engineers to 4 German laboratories.", "30",
         ("national", "")),
    ],
)  # fmt: skip
def test_a_partner_past_a_count_of_its_countries(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a participle after the object's comma shares the clause's subject: the donor's sum
        ("The Canadian International Development Agency (CIDA) has supported China since "
         "1981, disbursing some C$1.1 billion through more than 170 projects.", "some C$1.1",
         ("foreign", "CIDA")),
        ("Japan helped China in 1985, training 300 engineers in Osaka.", "300",
         ("foreign", "Japan")),
        # (a preposition spelt as a participle opens no such phrase; nor does a noun after
        # the comma: "Beijing hosts the park, home to 20,000 firms" is the park's)
        ("The bank lent China US$2 billion, including US$300 million for laboratories.",
         "US$300", ("national", "")),
    ],
)  # fmt: skip
def test_a_participle_after_the_object_is_the_subjects(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # people holding posts inside the things the figure before counted: that figure's owner
        ("The China Association for Science and Technology (CAST) and its member societies "
         "now belong to 246 international scientific organisations, and 338 Chinese "
         "scientists hold posts in them.", "338",
         ("agency", "China Association for Science and Technology")),
        # (the nation's whole keeps its posts the nation's)
        ("China has joined 300 international organisations, and 500 Chinese scientists hold "
         "posts in them.", "500", ("national", "")),
    ],
)  # fmt: skip
def test_what_stands_inside_the_things_counted_before_is_their_owners(
    tmp_path, body, quote_start, want
):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a body named by its kind spending another country's currency is that country's
        ("The ministry will spend 4.5 billion won this year on joint projects with China.",
         "4.5", ("foreign", "ministry")),
        ("The department said it had set aside 1.2 billion pesos for its hybrid rice programme.",
         "1.2", ("foreign", "The department")),
        # ... and so is one whose name China's central bodies share, on another's page
        ("The Ministry of Science and Technology will spend 4.5 billion won this year on "
         "joint projects with China.", "4.5", ("foreign", "Ministry of Science and Technology")),
        # a sum in another country's currency that no owner claims is that country's
        ("Yen loans for such projects totalled 470 billion yen by 1989.", "470",
         ("foreign", "Japan")),
        ("The whole programme, at C$62 million this fiscal year, is up 40 percent.", "C$62",
         ("foreign", "Canada")),
        # (yuan, and a Chinese body's name, stay the body's own)
        ("The ministry will spend 30 million yuan this year on joint projects with Korea.",
         "30", ("agency", "ministry")),
        ("The Chinese Academy of Sciences will spend 2 million Swiss francs on the project.",
         "2", ("agency", "Chinese Academy of Sciences")),
        ("Exports of the machines brought in 300 million yuan in 1989.", "300",
         ("national", "")),
    ],
)  # fmt: skip
def test_a_body_spending_another_countrys_currency_is_that_countrys(
    tmp_path, body, quote_start, want
):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "title, want",
    [
        # the capital in a headline is the state or a venue, no subject of the page's figures
        ("Shut out by Washington, Beijing turns to Europe for science partners", None),
        ("Bonn and Beijing Extend Their Research Partnership", None),
        ("International Conference on Engineering Science Opens in Beijing", None),
        # the city named as such, and another city, stay the page's subject
        ("Beijing city hosts 300 foreign experts", ("local", "Beijing city")),
        ("Shanghai woos overseas talent", ("local", "Shanghai")),
    ],
)
def test_the_capital_in_a_headline_is_no_local_subject(title, want):
    assert classify.document_subject(title) == want


# session 34: the students of the nation in one partner's colleges are that partner's line,
# when the partner stands after "attended" or after a name the capitals ran into ("from China
# on American campuses": two names, not one); several partners, the nation's
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("A record 194,029 Chinese students attended U.S. colleges in academic year 2010/11.",
         "194,029", ("foreign", "United States")),
        ("The Institute of International Education counted 369,548 students from China on "
         "American campuses in 2018/19.", "369,548", ("foreign", "United States")),
        ("Some 3,000 Chinese students attended colleges in Japan and Germany.", "Some 3,000",
         ("national", "")),
    ],
)  # fmt: skip
def test_students_in_one_partners_colleges_are_its_line(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_on_between_two_names_ends_the_first():
    text = "Officials counted 300 students from China on American campuses."
    got = [(text[a:b], actor, kind) for a, b, actor, kind in classify.mentions(text, 0, len(text))]
    assert got == [("China", "China", "national"), ("American", "United States", "foreign")]
    text = "The Committee on Science and Technology met in May."
    assert [x[2] for x in classify.mentions(text, 0, len(text))] == [
        "Committee on Science and Technology"
    ]


# session 34: a share of a region's countries is the nation's line of that region ("seven of
# the eight South Asian countries"; "15 of the 16 countries of the region", the region named
# before)
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("Nationally, China has signed intergovernmental S&T cooperation agreements with seven "
         "of the eight South Asian countries.", "seven", ("foreign", "South Asia")),
        ("The forum brought Central Asian ministers to Urumqi. China now has intergovernmental "
         "agreements on scientific and technological cooperation with 15 of the 16 countries "
         "of the region.", "15", ("foreign", "Central Asia")),
        ("China now has intergovernmental S&T cooperation agreements with 15 of the 16 "
         "countries it borders.", "15", ("national", "")),
    ],
)  # fmt: skip
def test_a_share_of_a_regions_countries_is_its_line(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 34: the people or bodies of China and one partner, named together as the clause's
# subject or in what the figure counts, make the figure a line by that partner; several
# partners, "foreign" people, or each side's figure of a "respectively" list do not
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("In the course of 1979, some 130 Chinese and Italian specialists exchanged visits "
         "under the Agreement.", "some 130", ("foreign", "Italy")),
        ("Chinese and New Zealand researchers published about 1,100 joint papers in 2013.",
         "about 1,100", ("foreign", "New Zealand")),
        ("The ministry counts 43 joint laboratories run by Chinese and Japanese universities "
         "and institutes.", "43", ("foreign", "Japan")),
        ("Some 300 Chinese and foreign scientists met at the forum in 2013.", "Some 300",
         ("national", "")),
        ("Some 300 Chinese, French and German scientists met at the forum in 2013.", "Some 300",
         ("national", "")),
    ],
)  # fmt: skip
def test_the_people_of_china_and_one_partner_make_its_line(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


# session 34: a province's or city's own government body, by the rank its name gives or by a
# reference to it, is the place's
@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        ("Over 2011-2015 the Provincial Science and Technology Department funded 210 "
         "international cooperation projects.", "210", "local"),
        ("The Qingdao Municipal Science and Technology Bureau will contribute RMB 5 million.",
         "RMB 5 million", "local"),
        ("In Yunnan, the provincial government set aside RMB 60 million for cross-border "
         "cooperation this year.", "RMB 60 million", "local"),
        # (a ministry's department stays an agency's)
        ("The Department of International Cooperation of the ministry funded 210 projects.",
         "210", "agency"),
    ],
)  # fmt: skip
def test_a_places_own_government_body_is_the_places(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start)[0] == want


@pytest.mark.parametrize(
    "title, body, quote_start, want",
    [
        # a trade fair's own figures: its deals and exhibitors, the fair's ("programme")
        (
            "Hi-Tech Fair closes with deals",
            "The Ninth China Hi-Tech Fair closed on Wednesday "
            "with deals totalling US$14.3 billion.",
            "US$14.3",
            ("programme", "Ninth China Hi-Tech Fair"),
        ),
        # ... but a reported clause under it names its own owner ("said that China's")
        (
            "Hi-Tech Fair closes with deals",
            "The Ninth China Hi-Tech Fair closed on Wednesday. "
            "A vice-minister said that China's software outsourcing exports reached US$1.4 "
            "billion in 2006.",
            "US$1.4",
            ("national", ""),
        ),
        (
            "Hi-Tech Fair closes with deals",
            "The Ninth China Hi-Tech Fair closed on Wednesday. "
            "A vice-minister said China's software outsourcing exports reached US$1.4 billion "
            "in 2006.",
            "US$1.4",
            ("national", ""),
        ),
        (
            "Yunnan Science Department: Work in 2010",
            "The director said that China's technology exports reached US$13.6 billion in 2010.",
            "US$13.6",
            ("national", ""),
        ),
        # (any reporting verb of numbers.yaml, in any form: "revealed")
        (
            "Yunnan Science Department: Work in 2010",
            "The director revealed China's technology exports reached US$13.6 billion in 2010.",
            "US$13.6",
            ("national", ""),
        ),
        # a place's fair in lower case is the place's ("at Kunming fair")
        (
            "Tech transfer centre signs 38 deals at Kunming fair",
            "Some 41 technology transfer agreements were signed with enterprises of six countries.",
            "Some 41",
            ("local", "Kunming"),
        ),
        # the annual occasion a host is named for stands in its appositive, not the subject
        (
            "Technology trade tops 5 bln",
            "Guangxi Zhuang Autonomous Region, host of the annual "
            "China-ASEAN Expo, signed 146 technology export contracts in the first ten months.",
            "146",
            ("local", "Guangxi Zhuang Autonomous Region"),
        ),
    ],
)
def test_an_occasions_figures_and_the_clauses_beside_it(
    tmp_path: Path, title: str, body: str, quote_start: str, want: tuple[str, str]
) -> None:
    assert scope(tmp_path, body, quote_start, title=title) == want


def test_a_sentence_opening_on_the_whole_its_figure_is_part_of_keeps_its_owner(
    tmp_path: Path,
) -> None:
    body = (
        "In 1986 the China National Technical Import Corporation signed 312 contracts with "
        "foreign companies. Of the contracts signed in the year, 23 were for complete plants."
    )
    assert scope(tmp_path, body, "23") == ("agency", "China National Technical Import Corporation")
    body = (
        "In 2010 Zhejiang University received 900 foreign visitors. Of the visitors, 300 came "
        "for stays of a month or more."
    )
    assert scope(tmp_path, body, "300") == ("local", "Zhejiang University")
    # a whole of the nation's keeps the part the nation's; a lead naming no recent whole too
    body = (
        "In 2010 China signed 900 technology import contracts. Of the contracts, 300 were for "
        "licences. Of the universities, 40 hosted foreign experts."
    )
    assert scope(tmp_path, body, "300") == ("national", "")
    assert scope(tmp_path, body, "40") == ("national", "")


def test_a_bare_the_joins_no_two_names(tmp_path: Path) -> None:
    # "... under the Academic Links with China Scheme the British Council has supported":
    # the scheme and the council are two names; the council is the clause's subject
    body = (
        "Under the Academic Links with China Scheme the British Council has supported some "
        "120 links between British and Chinese universities since 1985."
    )
    assert scope(tmp_path, body, "some 120")[1] == "British Council"
    assert "British Council" in [m[2] for m in classify.mentions(body, 0, len(body))]


@pytest.mark.parametrize(
    "title, want",
    [
        # a text about the nation's plan names the plan, which is the nation's
        ("Review of the Eleventh Five-Year Plan period", None),
        ("Outline of the 12th Five-Year Plan for Science and Technology", None),
        ("Targets of the Twelfth Five-Year Plan (2011-2015)", None),
        # a province's plan stays the province's; a named plan stays a programme
        ("Review of Jiangsu's Eleventh Five-Year Plan", ("local", "Jiangsu")),
        (
            "Young Scientists Exchange Plan lifts visits",
            ("programme", "Young Scientists Exchange Plan"),
        ),
    ],
)
def test_a_text_about_the_nations_five_year_plan_is_no_programme(title, want):
    assert classify.document_subject(title) == want


def test_figures_under_a_plan_reviews_heading_are_the_nations(tmp_path):
    body = (
        "By the end of 2010 China had signed 104 intergovernmental agreements. Some 135 "
        "science and technology diplomats were posted in 46 countries."
    )
    title = "Review of the Eleventh Five-Year Plan period"
    assert scope(tmp_path, body, "Some 135", title=title) == ("national", "")
    assert scope(tmp_path, body, "104", title=title) == ("national", "")


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # "and" without a comma opens a clause whose own subject owns its figure, when a
        # finite verb follows the name
        (
            "In 2013 China set up 50 bases and the Torch Program supported some 700 projects.",
            "some 700",
            ("programme", "Torch Program"),
        ),
        (
            "In 2013 Jiangsu set up 50 bases and the Torch Program supported some 800 projects.",
            "some 800",
            ("programme", "Torch Program"),
        ),
        (
            "In 2013 the number of bases grew to 50 and the Torch Program has supported 900 "
            "projects.",
            "900",
            ("programme", "Torch Program"),
        ),
        # a name joined to another name stays no subject of its own
        (
            "Agreements between China and the Torch Program countries covered 600 projects.",
            "600",
            ("national", ""),
        ),
    ],
)
def test_and_opens_a_clause_with_its_own_subject(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a firm named by its head word, and "the company" after it, own the firm's figures
        (
            "China Railway Engineering Company has built 12 training centres in Africa.",
            "12",
            ("agency", "China Railway Engineering Company"),
        ),
        (
            "The ZTE Corporation opened a research centre in Seoul in 2009. The company now "
            "employs 400 researchers abroad.",
            "400",
            ("agency", "ZTE Corporation"),
        ),
    ],
)
def test_a_company_and_the_company_own_its_figures(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a label naming the one partner before a dash, as before a colon
        ("Chinese students in Norway — 1,024", "1,024", ("foreign", "Norway")),
        ("Chinese students in Belgium - 2,600 (up 12 percent)", "2,600", ("foreign", "Belgium")),
        ("Chinese students in Germany: 30,000", "30,000", ("foreign", "Germany")),
        # a table's empty cell is no label's dash
        (
            "Indicator                                      Baseline(2001)  Target(2006)  "
            "Achieved(2006)\n"
            "Monitoring wells on the real-time network           120            600            645\n"
            "Chinese staff trained in Canada (persons)            -              90            104\n"
            "Joint scientific papers published                    2              15             21",
            "104",
            ("national", ""),
        ),
    ],
)
def test_a_labels_partner_before_a_dash_owns_the_line(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_an_office_holder_speaks_for_the_body_named_after_the_office():
    # the office is no part of the body's name: a central body's own speech is the nation's
    title = (
        "Speech by Zhou Shaoxiong, Vice-Minister of the State Science and Technology "
        "Commission, at the opening of the Sino-GDR Symposium"
    )
    assert classify.document_subject(title) is None
    text = "The Director of the Chinese Academy of Agricultural Sciences said 62 partners"
    got = [(name, kind) for _a, _b, name, kind in classify.mentions(text, 0, len(text))]
    assert got == [("Chinese Academy of Agricultural Sciences", "agency")]


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a span of years fronting a pronoun subject, without a comma, a semicolon's clause too
        (
            "The Sino-Czechoslovak Commission for Scientific and Technical Cooperation first met "
            "in 1953. The commission resumed work in 1984; from 1985 to 1989 it approved an "
            "average of 40 joint projects a year.",
            "40",
            ("programme", "Sino-Czechoslovak Commission for Scientific and Technical Cooperation"),
        ),
        # "the commission" is the joint commission named after the last agency
        (
            "The Ministry of Agriculture met in May. The Sino-Czechoslovak commission met in "
            "1953. The commission approved 40 projects.",
            "40",
            ("programme", "Sino-Czechoslovak commission"),
        ),
        # (with no such joint body, the agency named before)
        (
            "The State Planning Commission met in May. The commission approved 40 projects.",
            "40",
            ("agency", "State Planning Commission"),
        ),
    ],
)
def test_the_commission_and_it_after_a_span_of_years(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    ("body", "quote_start", "want"),
    [
        # "the bloc", "the continent" refer back to the region named before, as "the region"
        (
            "China and ASEAN held a forum in Nanning. China's technology exports to ASEAN "
            "members reached US$3.4 billion in 2012, while imports from the bloc stood at "
            "US$1.7 billion.",
            "US$1.7",
            ("foreign", "ASEAN"),
        ),
        (
            "Africa is a growing partner. Last year China trained 2,000 technicians from the "
            "continent.",
            "2,000",
            ("foreign", "Africa"),
        ),
    ],
)
def test_the_bloc_and_the_continent_are_the_region_named_before(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    ("body", "quote_start", "want"),
    [
        # money named as that of a programme after it ("funding for the Program") is the
        # programme's, though the programme stands after a preposition
        (
            "The Sino-Swiss Science and Technology Cooperation Program began in 2004. Central "
            "government funding for the Program reached RMB 420 million in 2008.",
            "RMB 420",
            ("programme", "Sino-Swiss Science and Technology Cooperation Program"),
        ),
        (
            "The Sino-Swiss Science and Technology Cooperation Program began in 2004. The "
            "budget of the programme was CHF 10 million in 2008.",
            "CHF 10",
            ("programme", "Sino-Swiss Science and Technology Cooperation Program"),
        ),
    ],
)
def test_money_named_for_a_programme_is_the_programme_s(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_the_number_of_people_at_a_body_is_the_body_s(tmp_path):
    body = (
        "The Lanzhou Institute of Desert Research was founded in 1959. The number of foreign "
        "scientists working at the institute rose from a dozen in 1985 to more than 150 in "
        "2008."
    )
    for figure in ("a dozen", "more than 150"):
        assert scope(tmp_path, body, figure) == (
            "agency",
            "Lanzhou Institute of Desert Research",
        )
    # (another country the people are in keeps its line: the nation's students there)
    body = "The number of Chinese students in Norway rose from 600 in 2003 to 1,900 in 2013."
    assert scope(tmp_path, body, "1,900") == ("foreign", "Norway")


@pytest.mark.parametrize(
    "title, body, quote_start, want",
    [
        # a title in capitals names the page's programme, place or body: read in title case
        (
            "FINAL REPORT OF THE SINO-JAPANESE COOPERATION PROJECT ON RADAR METEOROLOGY "
            "(1984-1988)",
            "Training exceeded its target: 46 technicians spent three months in Japan.",
            "46",
            "programme",
        ),
        (
            "JAPAN-KOREA SCIENTIFIC COOPERATION PROGRAM",
            "Twenty-seven joint research projects were under way during the year.",
            "Twenty-seven",
            "programme",
        ),
        (
            "DEQING COUNTY GAZETTEER (1986-2005)",
            "In 1995 some 120 foreign visitors came to study silk weaving.",
            "some 120",
            "local",
        ),
        # ... but a head word with a generic word only, or in the plural, names none
        (
            "STATE COMMISSION REVIEWS 1986 COOPERATION WITH FOREIGN COUNTRIES",
            "In 1986 China signed 9 new intergovernmental agreements.",
            "9",
            "national",
        ),
        # (in any title: a count of projects in a headline names no programme)
        (
            "Results of the 2017 Provincial S&T Cooperation Call: 126 Projects Funded",
            "A total of 412 applications were received, so the success rate was 30.6 percent.",
            "30.6",
            "national",
        ),
        (
            "TALENT PROGRAMMES AND INTERNATIONAL COOPERATION, 2006-2014",
            "In 2011 some 1,750 scientists returned from abroad.",
            "some 1,750",
            "national",
        ),
    ],
)
def test_a_title_in_capitals_names_the_pages_owner(tmp_path, title, body, quote_start, want):
    assert scope(tmp_path, body, quote_start, title=title)[0] == want


def test_they_after_a_count_of_places_is_those_places(tmp_path):
    body = (
        "Nationwide there are 53 state-level high-tech industrial development zones. Together "
        "they earned export revenue of 111.6 billion U.S. dollars in 2005."
    )
    assert scope(tmp_path, body, "111.6") == (
        "local",
        "state-level high-tech industrial development zones",
    )
    # (a count of things that are no places gives the pronoun no owner of their own)
    body = "There are 53 joint laboratories. Together they received 40 visiting scholars in 2005."
    assert scope(tmp_path, body, "40")[0] == "national"


def test_an_acronym_in_the_title_defined_in_the_text_names_the_pages_owner(tmp_path):
    body = (
        "Xi'an Jiaotong-Liverpool University (XJTLU) opened in Suzhou in 2006.\n\n"
        "In the 2015-16 academic year some 1,620 students went on to study abroad."
    )
    title = "Ten Years, 8,300 Graduates: XJTLU Looks Back"
    assert scope(tmp_path, body, "some 1,620", title=title) == ("local", "XJTLU")
    # (an acronym the text never defines names no owner)
    body = "The university opened in Suzhou in 2006.\n\nIn 2015 some 1,620 students went abroad."
    assert scope(tmp_path, body, "some 1,620", title=title)[0] == "national"


@pytest.mark.parametrize(
    "publisher",
    [
        "Consulate-General of the Kingdom of the Netherlands in Shanghai",
        "Consulate General of the Kingdom of the Netherlands in Shanghai",
        "Embassy of the Kingdom of the Netherlands in China",
    ],
)
def test_a_foreign_consulate_general_speaks_for_its_country(publisher):
    assert classify.publisher_voice(publisher, "Netherlands - China: science in figures") == (
        "foreign",
        "Netherlands",
    )


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a state or province of another country speaks for that country's side (partners.yaml
        # aliases), as its capital does
        ("Queensland contributed A$3.2 million to the joint irrigation project with Chinese "
         "partners.",
         "A$3.2 million", ("foreign", "Australia")),
        ("Bavaria, which has received upward of 160 Chinese trainees at its technical "
         "colleges since 1983, opened a liaison office in Shandong.", "160", ("foreign", "Germany")),
        ("Ontario's contribution to the Ontario-Jiangsu Industrial R&D Fund was set at "
         "C$1.2 million in 2011.", "C$1.2 million", ("foreign", "Canada")),
    ],
)  # fmt: skip
def test_a_region_of_another_country_is_its_countrys_side(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


def test_a_museum_is_a_body_whose_figures_are_its_own(tmp_path):
    # ("Museum" heads a body's name, as "Academy" or "Foundation" does: actors.yaml heads)
    body = (
        "The China Science and Technology Museum received 4.1 million visitors and hosted "
        "300 students from Belt and Road countries at its summer camp."
    )
    assert scope(tmp_path, body, "300") == ("agency", "China Science and Technology Museum")
