"""Dating: publication dates with their evidence, and the dates sentences speak of."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import corpus, dating, sentencedates
from analysis.config import ROOT

SEEDS = ROOT / "seeds"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def english(n: int = 1) -> str:
    base = (
        "China and its partners signed an agreement on joint research in the field of energy. "
        "The two sides have agreed to exchange scientists and to open a laboratory in the city. "
    )
    return base * n


# ------------------------------------------------------------------ dates
@pytest.mark.parametrize(
    ("first_line", "published", "basis"),
    [
        ("Shanghai, 12 March 2004. The forum opened with 40 delegates.", "2004-03-12", "dateline"),
        ("Geneva, May 1999. The forum opened with 40 delegates.", "1999-05", "dateline"),
        (
            "BEIJING, Oct. 8 (Xinhua) -- The forum opened, as it did in 2007.",
            "2007-10-08",
            "dateline+text_year",
        ),
        ("Updated: 2005-03-14 08:30", "2005-03-14", "stamp"),
        ("The conference was held on August 28, 2011 in Beijing.", "2011-08-28", "text"),
        (
            "In 1996 the ministry signed two accords. By 1999 they had doubled.",
            "1999",
            "latest_year",
        ),
    ],
)
def test_dating(tmp_path: Path, first_line: str, published: str, basis: str) -> None:
    write(tmp_path, "d.txt", f"A Forum on Science\n\n{first_line}\n\n{english(2)}")
    doc = corpus.load_corpus(tmp_path).get("d")
    assert (doc.published, doc.published_basis) == (published, basis)


def test_future_years_and_boilerplate_dates_are_weak_evidence(tmp_path: Path) -> None:
    text = (
        "Sidebar one\nSidebar two\nMajor Events [2006-10-08]\n\nA Plan for Cooperation\n\n"
        "The ministry will open ten centres by 2015. " + english(2)
    )
    write(tmp_path, "p.txt", text)
    doc = corpus.load_corpus(tmp_path).get("p")
    assert (doc.published, doc.published_basis) == ("2006-10-08", "boilerplate (weak)")


@pytest.fixture(scope="module")
def seeds() -> corpus.Corpus:
    return corpus.load_corpus(SEEDS)


def test_dating_loop_and_scans_agree(seeds: corpus.Corpus) -> None:
    import copy

    for doc in seeds:
        fast, plain = copy.copy(doc), copy.copy(doc)
        corpus.date_document(fast, {"dates": []})
        # sentences that are not spans of the text: the plain loop must be used
        plain.sentences = [corpus.Sentence(0, 1, s.text, s.kind) for s in doc.sentences]
        assert dating.sentence_hits(plain.text, plain.sentences) is None
        corpus.date_document(plain, {"dates": []})
        assert (fast.published, fast.published_basis) == (plain.published, plain.published_basis)


# ------------------------------------------------------------------ new evidence
def _doc(tmp_path: Path, text: str):
    write(tmp_path, "n.txt", text)
    return corpus.load_corpus(tmp_path).get("n")


@pytest.mark.parametrize(
    ("page", "published", "basis"),
    [
        (
            "Updated: 2009-03-14 10:12\n\nA Lab Opens\n\n"
            "BEIJING, March 3 (Xinhua) -- A lab opened, as planned in 2005.\n",
            "2009-03-03",
            "dateline+stamp_year",
        ),
        # the page's "Updated:" stamp a day or a few after an agency's dateline: the page's day
        (
            "Updated: 2009-03-04 10:12\n\nA Lab Opens\n\n"
            "BEIJING, March 3 (Xinhua) -- A lab opened, as planned in 2005.\n",
            "2009-03-04",
            "stamp",
        ),
        # (a wire's transmission stamp past midnight leaves its story's dateline the day)
        (
            "A Lab Opens\n\nWASHINGTON, Jan 31 (Reuter) - A lab opened, as planned in 2005.\n"
            "REUTER 0412 GMT 01-FEB-79\n",
            "1979-01-31",
            "dateline+stamp_year",
        ),
        # a "published" stamp with the page's kind before it outranks a later update
        (
            "Call for proposals 2006\n\nCall published: 4 September 2006\n\nThe call opens.\n\n"
            "Last updated: 5 September 2006\n",
            "2006-09-04",
            "stamp",
        ),
        (
            "A Lab Opens\n\nBEIJING, Dec. 30 (Xinhua) -- A lab opened.\n\nUpdated: 2010-01-12\n",
            "2009-12-30",
            "dateline+stamp_year",
        ),
        (
            "A Lab Opens\n\nSHANGHAI, June 5 (Xinhua) -- A lab opened, as in 2011.\n\n"
            "Copyright 2014 Xinhua News Agency. All rights reserved.\n",
            "2014-06-05",
            "dateline+copyright_year",
        ),
        # a yearless dateline whose text closes its latest year: the year after
        (
            "Imports Shift\n\nBEIJING, January 20 (Xinhua) -- China signed 744 contracts in "
            "1986. Between 1979 and the end of 1986, China signed 3,000 contracts.\n",
            "1987-01-20",
            "dateline+text_year",
        ),
        (
            "Imports Shift\n\nBEIJING, June 20 (Xinhua) -- China signed 744 contracts in "
            "1986. China will sign 900 contracts by the end of 1986.\n",
            "1986-06-20",
            "dateline+text_year",
        ),
        # a wire's stamp above a list of the wire's other stories (beyond the page's last
        # lines): the dateline's year
        (
            "Laos Buys Boilers\n\nBEIJING, April 17 (UPI) -- Laos will buy 12 boilers, as agreed "
            "in 1979.\n\nThe boilers burn coal.\n\nThey were built in Finland.\n\nThe deal is "
            "a loan.\n\nTwo plants get them.\n\nThe rest follow.\n\n"
            "UPI 04-17-86 06:12 AES\n\n---\nOther stories on this wire:\n"
            "Rebels free 7 hostages (04-16)\nTokyo stocks close 42.15 points higher (04-17)\n"
            "Typhoon toll in Fiji reaches 23 (04-15)\nSri Lanka cuts rice price (04-16)\n",
            "1986-04-17",
            "dateline+stamp_year",
        ),
        # a review of a year, dated nowhere else: the year after it (a plan's later year is
        # no date of the page); a page that only opens on a year is of its latest year
        (
            "9  INTERNATIONAL COOPERATION\n\n9.1  Overview\n\nIn 2003 Laos's international "
            "cooperation grew. By the end of the year Laos had 96 agreements. The programme "
            "is to support 800 projects by 2005.\n",
            "2004",
            "reviewed_year",
        ),
        # (a box of key figures before the review's prose)
        (
            "Chapter 9  International Cooperation\n\nKey figures, 2003\nAgreements in force\n96\n"
            "Partner countries\n152\n\n9.1 Overview\n\nIn 2003 Laos's international "
            "cooperation grew. Nine agreements were signed during the year. The plan foresees "
            "50 laboratories by 2008.\n",
            "2004",
            "reviewed_year",
        ),
        (
            "Cooperation\n\nIn 2003 Laos's international cooperation grew. Laos signed 96 "
            "agreements in 2005.\n",
            "2005",
            "latest_year",
        ),
        (
            "A Lab Opens\n\nThe lab opened in 2001.\n\nPublished: 12.05.2012\n",
            "2012-05-12",
            "stamp",
        ),
        (
            "A Lab Opens\n\nThe lab opened in 2001.\n\nPage last updated: 17/05/2019\n",
            "2019-05-17",
            "stamp",
        ),
    ],
)
def test_stamps_and_yearless_datelines(tmp_path: Path, page: str, published: str, basis: str):
    doc = _doc(tmp_path, page + english(2))
    assert (doc.published, doc.published_basis) == (published, basis)
    assert doc.published_basis in dating.BASIS_TEXT


def test_programme_names_are_not_dates_and_mid_year_is_a_year(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "Plans Compared\n\nThe ministry reviewed Vision 2030 and Made in China 2025 in 2016. "
        "Work at the site began in mid-2009.\n",
    )
    assert (doc.published, doc.published_basis) == ("2016", "latest_year")
    years = [d.year for d in sentencedates.find_dates("Work began in mid-2009 under Horizon 2020.")]
    assert years == [2009]


def test_relative_dates_resolve_against_the_publication_date(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "Fund Launched\n\nJERUSALEM, May 21, 2015 (Xinhua) -- The two ministers launched a fund "
        "on Monday. A first call opened last week (12 May). Trade grew last year. "
        "In 2008 exports rose; the previous year they had fallen. "
        "Most returnees came back in the early 1990s.\n",
    )
    got = {
        (d.date, d.precision, d.basis) for _s, ds in sentencedates.sentence_dates(doc) for d in ds
    }
    assert ("2015-05-18", "day", "relative") in got  # 21 May 2015 was a Thursday
    assert "2015-05-12" in {date for date, _p, _b in got}  # the year of the page
    assert ("2014", "year", "relative") in got
    assert ("2007", "year", "relative") in got  # the year before the one just named
    assert ("1990", "period", "explicit") in got  # early 1990s: 1990-1993


def test_a_wires_bare_weekday_after_its_verb_is_a_day_of_the_pages_week(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "Science Pact Signed\n\nNEW DELHI, Dec. 21, 1988 (UPI) -- China and India signed an "
        "agreement on scientific cooperation Tuesday, the first of its kind, and an official "
        "said Wednesday that more would follow. Talks had stalled since Good Friday.\n",
    )
    got = {d.date for _s, ds in sentencedates.sentence_dates(doc) for d in ds}
    assert {"1988-12-20", "1988-12-21"} <= got  # 21 December 1988 was a Wednesday
    # a holiday's name is no day of that week
    assert not any(
        d.date == "1988-12-16" for _s, ds in sentencedates.sentence_dates(doc) for d in ds
    )


def test_a_wires_bare_weekday_before_a_relative_clause_is_a_day(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "Rail Pact Signed\n\nBEIJING, Oct. 10, 1986 (UPI) -- China and Canada signed an "
        "agreement Thursday under which Canadian engineers will train 120 Chinese engineers.\n",
    )
    got = {d.date for _s, ds in sentencedates.sentence_dates(doc) for d in ds}
    assert "1986-10-09" in got  # 10 October 1986 was a Friday


def test_relative_dates_need_a_date_the_page_gives(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "Notes\n\nExports grew last year. In 1996 they grew again.\n" + english(2))
    assert doc.published_basis == "latest_year"
    assert not any(
        d.basis == "relative" for _s, ds in sentencedates.sentence_dates(doc) for d in ds
    )


# ------------------------------------------------------------------ stamps of real pages
@pytest.mark.parametrize(
    ("page", "published", "basis"),
    [
        # a wire's clock-stamped first line gives the year of its yearless dateline
        (
            "Tue Jan 9, 1996 6:42am EST\n\nImports Slip\n\n"
            "BEIJING, Jan 9 (Reuters) - China signed 3,629 contracts last year, as in 1994.\n\n",
            "1996-01-09",
            "dateline+stamp_year",
        ),
        # day/month/year with a Latin clock; a date among a stamp line's fields
        (
            "A Lab Opens\n\nLast updated: 22/07/2014 16h40\n\nThe lab opened in 2001.\n\n",
            "2014-07-22",
            "stamp",
        ),  # fmt: skip
        (
            "Portal\n\nSource: Department of Science    Date: 2011-04-15    Font size: L M S\n\n"
            "A Lab Opens\n\nThe lab opened in 2010.\n\n",
            "2011-04-15",
            "stamp",
        ),
        # an issue line with its month; a yearbook's running header with its year
        (
            "SCIENCE IN AFRICA  -  Issue 43, October 2011          page 12\n\nAn Interview\n\n"
            "It was signed in 2006.\n\n",
            "2011-10",
            "stamp",
        ),  # fmt: skip
        (
            "CHINA STATISTICAL YEARBOOK 1991            page 755\n\nStudents Abroad\n\n"
            "In 1990, 2950 went abroad.\n\n",
            "1991",
            "stamp",
        ),  # fmt: skip
        # a post's date, not the later date of a reader's comment nor a related post's
        (
            "Brain Gain, Read With Care\n\nPosted by M. Lindqvist on 14 August 2018  ·  12 comments"
            "\n\nThe rate reached 83 percent in 2017.\n\nRelated posts\n- An older post (9 May 2019)"
            "\n\n12 comments\nAnna K. · 15 August 2018 at 09:12\nGood piece.\n\n",
            "2018-08-14",
            "stamp",
        ),
        # the stamp at the end of the copyright line at the page's foot
        (
            "A Lab Opens\n\nThe lab opened in 2010 and had 12 partners by 2018.\n\n"
            "© 2019 Harbour University. Last modified 2019-01-15\n\n",
            "2019-01-15",
            "stamp",
        ),
    ],
)
def test_stamps_of_real_pages(tmp_path: Path, page: str, published: str, basis: str) -> None:
    doc = _doc(tmp_path, page + english(2))
    assert (doc.published, doc.published_basis) == (published, basis)


def test_a_comment_or_related_story_date_is_not_the_page_date(tmp_path: Path) -> None:
    page = (
        "A Lab Opens\n\nThe lab opened in 2001.\n\n" + english(2) + "\n\nRelated posts\n"
        "- An older post (9 May 2019)\n- Another (3 June 2019)\n\nAnna K. · 15 August 2019 at 09:12\n"
    )
    doc = _doc(tmp_path, page)
    assert doc.published == "2001" and doc.published_basis == "latest_year"


@pytest.mark.parametrize(
    ("page", "published", "basis"),
    [
        # a masthead's bar of fields with the day's name: its date dates the page
        (
            "South China Morning Post | Saturday, March 17, 2007 | China | Page A6\n\n"
            "Returnees still slow to come home\n\nOf those who left since 1978, few came back"
            " by 2001.\n\n",
            "2007-03-17",
            "stamp",
        ),
        # a date line in capitals after a section label, apart by a middle dot
        ("NEWS · 14 MARCH 2018\n\nFunds open to foreign scientists\n\nA fund began in 2009.\n\n",
         "2018-03-14", "stamp"),
        # a date written with its month's name between dashes, and a clock time in IST
        ("21-November-2006 17:45 IST\n\nIndia and China deepen cooperation\n\nIn 1988 ...\n\n",
         "2006-11-21", "stamp"),
        # an issuing line: month, year and place
        ("November 2001, Beijing\n\nWhite Paper on cooperation\n\nIn 2000 it grew.\n\n",
         "2001-11", "stamp"),
        # a bulletin's number with its release date; a report's number with "Prepared"
        ("Statistical Bulletin No. 3 [2013]      Release date: 2013-01-25\n\nTechnology imports"
         " in 2012\n\nIn 2012 imports grew.\n\n", "2013-01-25", "stamp"),
        ("Imports grew\n\nIn 2012 imports grew.\n\nReport No. DIC/2009/47    Prepared 20 November"
         " 2013\n", "2013-11-20", "stamp"),
        # a copyright line under the title dates a report, unless the text speaks of later
        ("OECD Reviews of Innovation Policy: China\n© OECD 2008\n\nSpending reached a peak in "
         "2006.\n\n", "2008", "copyright"),
        ("OECD Reviews of Innovation Policy: China\n© OECD 2008\n\nSpending reached a peak in "
         "2010.\n\n", "2010", "latest_year"),
        # forms of stamps of real pages
        ("Published: 2015-03-12T08:30:00+08:00\n\nA lab opens\n\nIt opened in 2011.\n\n",
         "2015-03-12", "stamp"),
        ("Thursday 12 March 2015 08.30 GMT\n\nA lab opens\n\nIt opened in 2011.\n\n",
         "2015-03-12", "stamp"),
        ("Date: 12-03-2015\n\nA lab opens\n\nIt opened in 2011.\n\n", "2015-03-12", "stamp"),
        ("2015年3月12日\n\nA lab opens\n\nIt opened in 2011.\n\n", "2015-03-12", "stamp"),
        ("(China Daily) 2015-03-12 07:51\n\nA lab opens\n\nIt opened in 2011.\n\n",
         "2015-03-12", "stamp"),
        ("By Zhang Yi | Staff reporter | Updated: 2015-03-12 07:51\n\nA lab opens\n\nIt opened in"
         " 2011.\n\n", "2015-03-12", "stamp"),
        ("MARCH 2015\n\nA lab opens\n\nIt opened in 2011.\n\n", "2015-03", "stamp"),
    ],
)  # fmt: skip
def test_date_lines_mastheads_and_release_stamps(
    tmp_path: Path, page: str, published: str, basis: str
) -> None:
    doc = _doc(tmp_path, page + english(2))
    assert (doc.published, doc.published_basis) == (published, basis)
    assert doc.published_basis in dating.BASIS_TEXT


def test_date_lines_in_the_text_are_not_stamps(tmp_path: Path) -> None:
    # a date with its place inside the body, and a month and year heading away from the edge,
    # are not the page's date
    prose = "\n\n".join([english(1)] * 7)
    page = (
        "A Lab Opens\n\n" + prose + "\n\nMarch 1990\n\n" + prose
        + "\n\nBeijing, 12 March 1990\n\n" + prose + "\n\nThe lab opened in 2001.\n\n"
        + prose
    )  # fmt: skip
    doc = _doc(tmp_path, page)
    assert doc.published_basis == "latest_year"


def test_parse_date_reads_capitals_dashes_and_chinese_dates() -> None:
    assert dating.parse_date("14 MARCH 2018") == "2018-03-14"
    assert dating.parse_date("21-November-2006") == "2006-11-21"
    assert dating.parse_date("2015年3月12日") == "2015-03-12"
    assert dating.parse_date("12-03-2015") == "2015-03-12"
    assert dating.parse_date("MARCH 2015") == "2015-03"
    assert dating.parse_date("No. 12345") == ""


def test_a_wrapped_line_of_prose_with_a_date_is_no_date_line(tmp_path: Path) -> None:
    # a reference entry hard-wrapped so that one line holds a date and few lower-case words;
    # its sentence runs on in the next line: no date line (the page dates from its years)
    page = (
        "HARBOUR SCIENCE COOPERATION\n\n"
        "Cooperation began soon after the port opened. The two cities signed an accord on\n"
        "Marine Science and Technology in Tallinn on 14 March 1994,\n"
        "and a joint board set up in 1996 had held 12 sessions by 2015.\n"
    )
    assert dating._head_date(page) == ""
    assert _doc(tmp_path, page).published == "2015"
    # the same date on a line of its own still dates the page
    alone = page.replace("in Tallinn on 14 March 1994,\n", "in Tallinn.\n\n14 March 1994\n\n")
    assert dating._head_date(alone) == "1994-03-14"


@pytest.mark.parametrize(
    ("sentence", "published", "date"),
    [
        ("The understanding reached last October holds.", "1979-01-31", "1978-10"),
        ("The talks held last January went well.", "1979-03-31", "1979-01"),
        ("The meeting due next March will decide.", "1979-01-31", "1979-03"),
        ("The meeting due next January will decide.", "1979-05-31", "1980-01"),
        ("The fair opens this June.", "1979-01-31", "1979-06"),
    ],
)
def test_a_month_named_against_the_publication_date(sentence, published, date) -> None:
    doc = _sentence_doc(sentence, published)
    assert [d.date for _s, ds in sentencedates.sentence_dates(doc) for d in ds] == [date]


def test_a_named_month_needs_the_publication_month() -> None:
    # a page dated to its year only, or "last October 12, 1978" (a full date): no relative month
    doc = _sentence_doc("The understanding reached last October holds.", "1979")
    assert [d for _s, ds in sentencedates.sentence_dates(doc) for d in ds] == []
    doc = _sentence_doc("It was signed last October 12, 1978 in Beijing.", "1979-01-31")
    assert [d.date for _s, ds in sentencedates.sentence_dates(doc) for d in ds] == ["1978-10-12"]


def _sentence_doc(sentence: str, published: str):
    from types import SimpleNamespace

    return SimpleNamespace(
        text=sentence,
        sentences=[corpus.Sentence.span(sentence, 0, len(sentence))],
        published=published,
        published_basis="stamp",
        published_year=int(published[:4]),
    )


# round 4 (LAYOUT): stamps, wire tails and datelines of real pages
@pytest.mark.parametrize(
    ("page", "published", "basis"),
    [
        # "Last update" and a European day-first date; "Stand" and a month with its year
        ("A Lab Opens\n\nThe lab opened in 2010.\n\nLast update: 21/03/2017\n\n", "2017-03-21",
         "stamp"),
        ("A Lab Opens\n\nStand: 09/2009\n\nThe lab opened in 2008.\n\n", "2009-09", "stamp"),
        ("A Lab Opens\n\nRelease time: 2019-03-27    Views: 18,432\n\nIt opened in 2018.\n\n",
         "2019-03-27", "stamp"),
        ("A Lab Opens\n\nArticle published on 03/03/2010\n\nIt opened in 2009.\n\n",
         "2010-03-03", "stamp"),
        ("A Lab Opens\n\n(Published 3 March 2010)\n\nIt opened in 2009.\n\n", "2010-03-03",
         "stamp"),
        ("A Lab Opens\n\nTime: 2010-03-03 10:12:00\n\nIt opened in 2009.\n\n", "2010-03-03",
         "stamp"),
        # a date and its clock time apart by a dash, an ID field beside them
        ("A Lab Opens\n\n14/06/2018 - 11:05    ID: 46523\n\nIt opened in 2015.\n\n",
         "2018-06-14", "stamp"),
        # a date alone in brackets; a month and day with single figures
        ("A Lab Opens\n\n[2012-05-14]\n\nIt opened in 2011.\n\n", "2012-05-14", "stamp"),
        ("A Lab Opens\n\n2010-3-3\n\nIt opened in 2009.\n\n", "2010-03-03", "stamp"),
        # a navigation trail with the page's date among fields after it
        ("News > Press Releases    2016-09-20    [Print] [Close]\n\nA Lab Opens\n\n"
         "It opened in 2013.\n\n", "2016-09-20", "stamp"),
        # a wire's bracketed tail dates a yearless dateline ("03 Mar 94": 1994, not 1993)
        ("Imports Rise\n\nBEIJING, March 3 (Xinhua) -- Imports rose in 1993.\n\n"
         "(Xinhua 0815 GMT 03 Mar 94)\n", "1994-03-03", "dateline+stamp_year"),
        # an FBIS transmission line and a day-first dateline after an editor's mark
        ("Imports Rise\n\nOW0303082594 Beijing XINHUA in English 0815 GMT 3 Mar 94\n\n"
         "[Text] Beijing, 3 Mar (XINHUA) -- Imports rose in 1993.\n\n", "1994-03-03",
         "dateline+stamp_year"),
        # a monitoring service's day-first dateline closed by a colon, its year the text's
        ("Farm Experts Abroad\n\nText of report by Xinhua news agency\n\nFuzhou, 24 July: "
         "Fujian has sent 236 experts to Micronesia since 1998, the department said in "
         "2018.\n\n", "2018-07-24", "dateline+text_year"),
        # a long yearbook name with its year beside a page number framed by middle dots
        ("CHINA STATISTICAL YEARBOOK ON SCIENCE AND TECHNOLOGY 1999            · 236 ·\n\n"
         "Imports by Type\n\nIn 1998 they rose; 2014 contracts.\n\n", "1999", "stamp"),
    ],
)  # fmt: skip
def test_stamps_wire_tails_and_datelines_of_real_pages(
    tmp_path: Path, page: str, published: str, basis: str
) -> None:
    doc = _doc(tmp_path, page + english(2))
    assert (doc.published, doc.published_basis) == (published, basis)
    assert doc.original == page + english(2)


@pytest.mark.parametrize(
    "page",
    [
        # a month and year inside a sentence, a wire time without a date, a bracketed sum
        "A Lab Opens\n\nThe plan of 09/2009 was revised in 2010.\n\n",
        "A Lab Opens\n\nIt opened in 2010 (Xinhua 0815 GMT).\n\n",
        "A Lab Opens\n\nThe fund gave 12 Mar 94 grants in 2010.\n\n",
    ],
)
def test_dates_in_sentences_are_no_stamps(tmp_path: Path, page: str) -> None:
    doc = _doc(tmp_path, page + english(2))
    assert (doc.published, doc.published_basis) == ("2010", "latest_year")


def test_parse_date_reads_month_years_two_figure_years_and_single_figures() -> None:
    assert dating.parse_date("09/2009") == "2009-09"
    assert dating.parse_date("03 Mar 94") == "1994-03-03"
    assert dating.parse_date("12 Jun 05") == "2005-06-12"
    assert dating.parse_date("2010-3-3") == "2010-03-03"
    assert dating.parse_date("13/2009") == "2009"  # no month 13


def test_delivered_on_dates_a_speech():
    assert dating._OCCASION.search("Delivered at the Session on January 23, 2005")
    assert not dating._OCCASION.search("The report covers the Session on January 23, 2005")


def test_a_periodicals_week_dates_from_its_first_day() -> None:
    # "(May 6-12, 1991)" under a weekly's name: the issue's first day; days before the month
    # ("25–26 October 2006") read as before, the last day
    assert dating.parse_date("Oct. 14-20, 1985") == "1985-10-14"
    assert dating.parse_date("BEIJING WEEKLY, No. 9 (March 2-8, 1987)") == "1987-03-02"
    assert dating.parse_date("25–26 October 2006") == "2006-10-26"
    assert dating.parse_date("March 1987") == "1987-03"


@pytest.mark.parametrize(
    ("page", "published"),
    [
        # a signing line dates minutes or an agreement ("Signed in ... in two copies")
        (
            "AGREED RECORD OF THE THIRD MEETING\n\n" + english(3) + "\n\nSigned in Oslo on 2 "
            "June 1986 in two copies in the English and Chinese languages.\n",
            "1986-06-02",
        ),
        # a programme's version stamp, not the days of its occasion (weak evidence only)
        (
            "Nordic–China Energy Forum 2014\nHarpa Conference Centre, Reykjavik\n"
            "14–15 May 2014\n\nPROGRAMME (as of 28 April 2014)\n\n" + english(3),
            "2014-04-28",
        ),
        # the occasion's days alone date a page that has nothing else (weakly)
        (
            "Nordic–China Energy Forum 2014\nHarpa Conference Centre, Reykjavik\n"
            "14–15 May 2014\n\nAbout the Forum\n\n" + english(3),
            "2014-05-15",
        ),
    ],
)
def test_signing_lines_and_version_stamps_date_a_page(
    tmp_path: Path, page: str, published: str
) -> None:
    doc = _doc(tmp_path, page)
    assert doc.published == published
    assert "two copies" not in doc.text


def test_an_agreements_signing_line_does_not_date_a_page_stamped_later(tmp_path: Path) -> None:
    # an embassy page updated in 2018 that reproduces an agreement signed in 1980: the page's
    # stamp dates it, the signing line the agreement (and the page's "the 38th anniversary")
    page = (
        "Japan-China Cooperation in Science and Technology\nLast updated: 28 May 2018\n\n"
        + english(3)
        + "\n\nArticle 1\nThe Parties shall promote cooperation.\n\n"
        "Done at Tokyo on 28 May 1980, in duplicate, in the Japanese and Chinese languages.\n"
    )
    doc = _doc(tmp_path, page)
    assert (doc.published, doc.published_basis) == ("2018-05-28", "stamp")
    # a stamp of the signing's own year gives way to the signing line's day
    page = (
        "TREATY SERIES · Vol. 26 (1979)\n\nJoint Communiqué of the First Session\n\n"
        + english(3)
        + "\n\nDone at Beijing on 28 November 1979, in duplicate.\n"
    )
    assert _doc(tmp_path, page).published == "1979-11-28"


def test_a_wires_transmission_line_with_a_hyphened_short_date_dates_it(tmp_path: Path) -> None:
    assert dating.parse_date("03-MAR-81") == "1981-03-03"
    page = (
        "UPI 1130 GMT 03-MAR-81\n\nJAPAN AND CHINA WIDEN SCIENCE TIES\n\n"
        "TOKYO, March 2 (UPI) - " + english(3)
    )
    doc = _doc(tmp_path, page)
    assert (doc.published, doc.published_basis) == ("1981-03-02", "dateline+stamp_year")


def test_a_bimonthlys_issue_dates_from_its_first_month() -> None:
    # "March-April 1982" in a magazine's running header: the issue's first month
    assert dating.parse_date("May-June 1984") == "1984-05"
    assert dating.parse_date("Nov./Dec. 2003") == "2003-11"
    assert dating.parse_date("June 1984") == "1984-06"


def test_a_span_a_month_or_a_week_on_from_the_year_just_told(tmp_path) -> None:
    page = tmp_path / "p.txt"
    page.write_text(
        "Museum annual report\n\nPublished 3 May 2019\n\n"
        "In July 2018 the museum hosted 300 students from Kazakhstan. The following month its "
        "touring exhibition opened in Almaty.\n\n"
        "In 2016 the two universities opened a joint institute. That September the first "
        "120 students enrolled.\n\n"
        "In 1982 the two governments signed an agreement. Two years later the Joint "
        "Commission met for the first time. A decade earlier contacts had been rare.\n\n"
        "In 1998 the ministry reorganised its department. Six new agreements were concluded "
        "during the year.\n",
        encoding="utf-8",
    )
    doc = corpus.read_document(page)
    got = {
        s.text.split()[0] + " " + s.text.split()[1]: [d.year for d in ds]
        for s, ds in sentencedates.sentence_dates(doc)
    }
    assert got["The following"] == [2018]
    assert got["That September"] == [2016]
    assert got["Two years"] == [1984]
    assert got["A decade"] == [1974]  # (a decade before the year just told, 1984)
    assert got["Six new"] == [1998]
    # a span on with no year told before it dates nothing (not the page's date shifted)
    alone = tmp_path / "alone.txt"
    alone.write_text(
        "Museum note\n\nPublished 3 May 2019\n\nTwo years later the commission met again.\n",
        encoding="utf-8",
    )
    assert [ds for _s, ds in sentencedates.sentence_dates(corpus.read_document(alone)) if ds] == []
    # "ago" still counts back from the page's date
    assert [d.relative for d in sentencedates.find_dates("Two years ago it opened.")] == [
        ("year", -2, "publication")
    ]


def test_a_year_of_another_calendars_era_is_a_date() -> None:
    found = sentencedates.find_dates("The programme began in Heisei 4 with 12 fellows.")
    assert [(d.date, d.precision) for d in found] == [("1992", "year")]
    # the Gregorian year in brackets is the era's, one date
    found = sentencedates.find_dates("It was signed in Showa 55 (1980) in Tokyo.")
    assert [d.date for d in found] == ["1980"]
    assert [d.date for d in sentencedates.find_dates("Founded in Minguo 36.")] == ["1947"]
    assert sentencedates.find_dates("He joined Heisei Construction as its 4th engineer.") == []


def test_r2_a_founding_year_before_1940_is_an_event() -> None:
    found = sentencedates.find_dates("The college, founded in 1926, hosted 30 scholars in 1985.")
    assert [d.date for d in found] == ["1926", "1985"]
    found = sentencedates.find_dates("Ties go back to its founding in 1931, when it opened.")
    assert [d.date for d in found] == ["1931"]
    # an early year after other words, or a count, is no date
    assert sentencedates.find_dates("About 1928 students went abroad.") == []
    assert sentencedates.find_dates("It was in 1930 that they met.") == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2004. 5. 9.", "2004-05-09"),  # a Korean page's date
        ("2004.5.9", "2004-05-09"),
        ("05-09-84", "1984-05-09"),  # a wire slug's date, month first
        ("2004-13", "2004"),
    ],
)
def test_r5_a_dotted_and_slug_dates(text: str, iso: str) -> None:
    assert dating.parse_date(text) == iso


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ("Maria Lindqvist\n\n4 February 2013\n\n", "2013-02-04"),  # a byline's date
        ("Origin: Office of Trade Statistics | 2004-07-19 09:12 | Item 88\n\n", "2004-07-19"),
        ("From Evening Review, 6:15 pm on 9 May 2011\n\n", "2011-05-09"),  # a programme's slot
        ("The Daily Record; Leeds [Leeds] 3 Mar 1977: B4.\n\n", "1977-03-03"),  # a citation
    ],
)
def test_r6_a_date_line_in_the_head_dates_the_page(
    tmp_path: Path, head: str, published: str
) -> None:
    page = (
        "Harbour Labs Draw Partners\n\n"
        "Two harbour labs are drawing partners from abroad, but the terms worry some of them.\n\n"
        + head
        + "The two labs signed 12 agreements in 2009 and opened a centre in 2021 with"
        " partners from five countries, the officials said.\n"
    )
    assert dating._head_date(page) == published
    # the page's own rules may read the line as a stamp first: the same date
    assert _doc(tmp_path, page).published == published


def test_r6_a_sentence_with_a_date_is_no_date_line(tmp_path: Path) -> None:
    page = (
        "Harbour Labs Draw Partners\n\n"
        "The meeting was held on 3 May 2015 in the city, and the two sides agreed on it.\n\n"
        "The two labs signed 12 agreements in 2019, the officials said.\n"
    )
    assert dating._head_date(page) == ""


@pytest.mark.parametrize(
    ("sentence", "published", "date"),
    [
        # a report looks back: a bare month more than a month after its page is last year's
        ("In May the council issued new rules on contracts.", "1985-12-28", "1985-05"),
        ("On 3 November the two academies signed a protocol.", "1990-01-10", "1989-11-03"),
        # up to a month ahead, or said of the future, it is the coming one
        ("The talks open on 5 January in Geneva.", "1985-12-28", "1986-01-05"),
        ("In May the council will issue new rules.", "1985-12-28", "1986-05"),
        # seasons and the coming month, week or day of the page
        ("Deng's call this spring drew many home.", "1992-08-14", "1992"),
        (
            "As the country prepares to join the body next month, talks go on.",
            "2001-11-10",
            "2001-12",
        ),
        ("The delegation arrives tomorrow.", "1979-01-30", "1979-01-31"),
    ],
)
def test_s10_bare_months_look_back_and_more_relative_phrases(sentence, published, date) -> None:
    doc = _sentence_doc(sentence, published)
    assert [d.date for _s, ds in sentencedates.sentence_dates(doc) for d in ds] == [date]


def test_a_comments_date_and_time_at_a_pages_foot_is_no_dateline(tmp_path: Path) -> None:
    page = (
        "Why Science Diplomacy Pays\n\n"
        "Posted on 4 May 2016 by Anna Berg  |  5 min read\n\n"
        "Universities in the two countries signed 12 agreements in 2015 and opened a joint"
        " centre with partners from five countries, the officials said.\n\n"
        "2 comments\n\n"
        "Lars P. - 6 May 2016 at 08:41\n"
        "Good piece, thanks.\n\n"
        "Anonymous - 7 May 2016 at 22:47\n"
        "Numbers, as usual.\n"
    )
    doc = _doc(tmp_path, page)
    assert doc.published == "2016-05-04"


def test_a_see_also_lists_dated_item_is_another_pages(tmp_path: Path) -> None:
    page = (
        "Country brief: science cooperation\n\n"
        "The two countries signed a science agreement in 1980 and now run 40 joint projects"
        " with partners from five countries, the department said.\n\n"
        "See also\n"
        " 1. Free Trade Agreement\n"
        " 2. Visa information (subclass 600)\n"
        " 3. Media release: Minister visits Shanghai, 3 March 2015\n\n"
        "Page 3 of 7   |   Last updated: 12 May 2015   |   (c) Commonwealth 2015\n"
    )
    doc = _doc(tmp_path, page)
    assert doc.published == "2015-05-12"
    assert "600" not in doc.text and "Shanghai" not in doc.text


def test_a_stamp_labelled_as_the_publication_outranks_other_items_dates(tmp_path: Path) -> None:
    page = (
        "Vice Minister Speaks at Innovation Forum\n"
        "Published: 2013-10-28 16:40    Source: Department of International Cooperation\n\n"
        "China has signed intergovernmental S&T agreements with 104 countries, the vice"
        " minister told the forum, and funds 1,200 joint projects.\n\n"
        "Related speeches:\n"
        " · Minister at the China-EU Innovation Dialogue (2013-11-21)\n"
        " · Vice Minister at the China-Africa S&T Forum (2013-09-03)\n"
    )
    assert _doc(tmp_path, page).published == "2013-10-28"


def test_a_notes_date_is_its_sources_not_the_pages(tmp_path: Path) -> None:
    page = (
        "U.S.-China Scientific Cooperation\n\n"
        "July 18, 2011\n\n"
        "Students from China numbered 157,558 in 2010/11.1 The National Science Foundation"
        " funded 480 awards with Chinese collaborators.2\n\n"
        "----------------------------------------------------------------------\n"
        "1 Institute of International Education, Open Doors 2011 (November 2011\n"
        "release), p. 12.\n"
        "2 National Science Foundation, award data, March 2011.\n"
    )
    assert _doc(tmp_path, page).published == "2011-07-18"


@pytest.mark.parametrize(
    ("foot", "published", "basis"),
    [
        # the wire's own copyright, of the year after the last one its story tells of
        ("Copyright 1984 by United Press International.", "1984", "copyright_foot"),
        # a site's copyright, years after the page's story: not the page's date
        ("Copyright 2019 Example News Agency. All rights reserved.", "1983", "latest_year"),
    ],
)
def test_a_copyright_at_the_foot_dates_a_page_of_its_year(
    tmp_path: Path, foot: str, published: str, basis: str
) -> None:
    page = (
        "China widens science links\n\nPEKING (UPI) -- China sent 2,600 students abroad in "
        "1983, an official said. The commission hoped to have science agreements with 65 "
        "countries by 1990, he said.\n\n" + f"{english(1)}\n\n" * 8 + f"{foot}\n"
    )
    doc = _doc(tmp_path, page)
    assert (doc.published, doc.published_basis) == (published, basis)
    assert doc.published_basis in dating.BASIS_TEXT  # the annex has words for it


@pytest.mark.parametrize(
    "goal",
    [
        "The commission hoped to have agreements with 65 countries by 1990.",
        "Officials intend to double the exchanges by 1990.",
        "The plan calls for 10,000 scholars abroad a year by 1990.",
        "He said the academy would open ten centres by 1990.",
    ],
)
def test_a_hope_or_intention_for_a_year_does_not_date_the_page(tmp_path: Path, goal: str) -> None:
    doc = _doc(tmp_path, f"A Report\n\nIn 1983 the ministry sent 2,600 students abroad. {goal}\n")
    assert (doc.published, doc.published_basis) == ("1983", "latest_year")


def test_bracketed_previous_and_next_links_are_other_stories(tmp_path: Path) -> None:
    page = (
        "Jiangsu steps up cooperation\n\n"
        "Source: Division of International Cooperation   Date: 2012-03-16 15:20\n\n"
        "The province now has 96 international cooperation bases, the director said.\n\n"
        "[Previous] Suzhou hosts Sino-Dutch innovation week (2012-03-12)\n"
        "[Next] Wuxi opens research centre with Japanese firm (2012-03-19)\n"
    )
    doc = _doc(tmp_path, page)
    assert doc.published == "2012-03-16"
    assert "Wuxi" not in doc.text and "Suzhou" not in doc.text


def test_a_years_review_dates_its_counts_at_that_years_end(tmp_path: Path) -> None:
    """A year's review published the year after: its standing counts are of the year it
    reviews, as a reader of "By the end of the year" takes them."""
    from analysis.facts import facts_table

    (tmp_path / "r.txt").write_text(
        "9  INTERNATIONAL COOPERATION\n\n9.1  Overview\n\nIn 2008 China's international "
        "science and technology cooperation grew. By the end of the year China had "
        "established S&T cooperative relations with 155 countries and regions.\n\n"
        "9.2  People\n\nThe Ministry maintains 135 S&T diplomats abroad. A total of 1,200 "
        "foreign experts have worked in China.\n"
    )
    docs = corpus.load_corpus(tmp_path)
    assert docs.get("r").published == "2009"
    rows = facts_table(docs).to_dict("records")
    assert [(r["value"], r["indicator"], r["year"]) for r in rows] == [
        (155, "partner_countries", 2008),
        (135, "st_diplomats", 2008),
        (1200, "foreign_experts", 2008),
    ]


def test_goals_and_deadlines_do_not_date_a_page(tmp_path: Path) -> None:
    # a university's page with no stamp: dated by the latest year it reports, not its goal's
    # year nor an application deadline's
    doc = _doc(
        tmp_path,
        "International Office at a Glance\n\nIn 2019 the university hosted 24 visiting "
        "professors and sent 640 students abroad.\n\nGoals for 2025: 1,000 international "
        "students and 20 joint centres.\n\nApplication deadline for the 2020 autumn intake: "
        "31 May 2020.\n",
    )
    assert (doc.published, doc.published_basis) == ("2019", "latest_year")


def test_a_sources_date_in_the_notes_at_a_pages_foot_is_no_dateline(tmp_path: Path) -> None:
    # a textbook chapter's notes cite a paper of 1981: the chapter is not dated by it
    page = (
        "CHAPTER 7\nTECHNOLOGY IMPORTS IN THE REFORM ERA\n\n"
        "Between 1979 and 1990 China signed a total of 4,860 technology import contracts. "
        + english(3)
        + "\n\nNotes\n[1] Chen Huiqin, Plant Imports (Beijing, 1986), p. 77.\n"
        "[2] Yomiuri Shimbun, 7 February 1981.\n"
    )
    doc = _doc(tmp_path, page)
    assert doc.published_basis != "dateline"
    assert doc.published != "1981-02-07"
    # a letter's place and date at its foot still date it
    page = "A Letter on Exchanges\n\n" + english(3) + "\n\nShanghai, 12 March 2004.\n"
    assert _doc(tmp_path, page).published == "2004-03-12"


def test_a_breadcrumbs_stamp_before_a_view_count_two_blanks_apart_dates_the_page(tmp_path):
    page = (
        "Shaanxi Provincial Department of Science and Technology\n"
        "Home > News > Notices                                  2016-03-18  Views: 1,482\n\n"
        "Call for Proposals: 2016 International Cooperation Projects\n\n"
        "The department invites applications for the 2016 round. " + english(3)
    )
    doc = _doc(tmp_path, page)
    assert doc.published == "2016-03-18"
    assert "Views" not in doc.text


@pytest.mark.parametrize(
    ("head", "body_year", "published"),
    [
        # the month the figures stand at dates a page that says no more of its date
        ("DUT at a glance (as of May 2019)", 2018, "2019-05"),
        ("INTERNATIONAL OFFICE AT A GLANCE (figures as of December 2019)", 2019, "2019-12"),
        # a later year the text reports wins over an earlier as-of date
        ("AT A GLANCE (as of December 2017)", 2019, "2019"),
    ],
)
def test_a_heads_as_of_date_dates_an_otherwise_undated_page(tmp_path, head, body_year, published):
    page = (
        f"{head}\n\nPartner universities ........ 236\nForeign experts .......... 610\n\n"
        f"In {body_year} the university sent 1,420 students abroad. " + english(3)
    )
    assert _doc(tmp_path, page).published == published


@pytest.mark.parametrize(
    ("phrase", "back"),
    [
        ("Five years ago", 5),
        ("A decade ago", 10),
        ("Twenty-three years ago", 23),
        ("Two decades ago", 20),
        ("20 years ago", 20),
    ],
)
def test_a_span_counted_back_dates_its_sentence_so_many_years_before_the_page(
    tmp_path, phrase, back
):
    doc = _doc(
        tmp_path,
        "Science Ties Deepen\n\nBeijing, 12 March 2012\n\n"
        f"{phrase} the two academies signed their first agreement.\n",
    )
    got = [(d.year, d.basis) for _s, ds in sentencedates.sentence_dates(doc) for d in ds]
    assert (2012 - back, "relative") in got
