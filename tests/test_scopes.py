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
         "and 293 Chinese scientists have taken positions in them.", "293", ("national", "")),
    ],
)  # fmt: skip
def test_a_number_in_apposition_is_the_subjects(tmp_path, body, quote_start, want):
    assert scope(tmp_path, body, quote_start) == want


@pytest.mark.parametrize(
    "body, quote_start, want",
    [
        # a body's official or spokesman is the source, not the owner
        ("A State Department official said that 12 more protocols could be signed.",
         "12", ("national", "")),
        ("A State Department spokesman said that 12 more protocols could be signed.",
         "12", ("national", "")),
        ("The Ministry of Commerce counted more than 750 foreign-invested R&D centres.",
         "more than 750", ("national", "")),
        # the body itself acting owns the figure
        ("The Ministry of Agriculture has ties with 58 countries in cooperation.", "58",
         ("agency", "Ministry of Agriculture")),
    ],
)  # fmt: skip
def test_a_source_is_not_the_owner(tmp_path, body, quote_start, want):
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
    assert scope(tmp_path, body, "some 5,300") == ("national", "")


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


def test_a_publication_named_after_a_place_speaks_for_it(tmp_path):
    assert classify._place_publication("Guangdong Yearbook") == ("local", "Guangdong")
    for name in ("Beijing Review", "Shanghai Daily", "Beijing, 5 May 2005", "Science in Africa"):
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
    # the place after the verb is no part of the subject
    body = "In 2014 companies employed 3,600 foreign experts in Suzhou."
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
    assert scope(tmp_path, body, "120")[0] == "national"


def test_a_programme_named_before_the_counted_noun_owns_it(tmp_path):
    body = "So far Chinese organisations have taken part in 305 Torch Program projects."
    assert scope(tmp_path, body, "305") == ("programme", "Torch Program")
    # a programme named after the noun, with no "under", owns nothing
    body = "So far Chinese organisations have taken part in 305 projects since the Torch Program began."
    assert scope(tmp_path, body, "305")[0] == "national"
