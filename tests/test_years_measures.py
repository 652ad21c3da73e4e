"""Which year expression governs a figure, and which measure it is (DESIGN.md, facts:
``year``, ``year_basis``, ``measure``): one positive and one negative sentence per rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import corpus, facts


def rows(tmp_path: Path, body: str, date: str = "12 March 2010") -> dict[str, dict]:
    """The stated rows of a one-paragraph document dated ``date``, by their number's text."""
    folder = tmp_path / "one"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "doc.txt"
    path.write_text(f"A Report on Cooperation\n\n{date}\n\n{body}\n", encoding="utf-8")
    doc = corpus.read_document(path)
    out = {}
    for r in facts.extract_facts(doc):
        if not r["derived_from"]:
            out[" ".join(doc.text[r["start"] : r["end"]].split()[:2])] = r
    return out


def row(tmp_path: Path, body: str, starts: str, date: str = "12 March 2010") -> dict:
    got = rows(tmp_path, body, date)
    hits = [r for q, r in got.items() if starts in q]
    assert hits, (starts, list(got))
    return hits[0]


# ---------------------------------------------------------------- since a named event
def test_since_a_named_event_opens_a_period(tmp_path):
    r = row(tmp_path, "Since its opening in 2000 the centre has supported 500 projects.", "500")
    assert (r["year"], r["period_start"], r["year_basis"]) == (2010, 2000, "period")
    assert r["measure"] == "cumulative"


def test_a_year_without_since_stays_the_figures_year(tmp_path):
    r = row(tmp_path, "After its opening in 2000 the centre supported 500 projects.", "500")
    assert (r["year"], r["year_basis"]) == (2000, "explicit")


def test_a_decade_is_no_since_year(tmp_path):
    body = "In 2009 some 300 scholars returned, a gap that has narrowed since the mid-2000s."
    r = row(tmp_path, body, "300")
    assert (r["year"], r["year_basis"]) == (2009, "explicit")


# ---------------------------------------------------------------- this year
def test_this_year_is_the_pages_year(tmp_path):
    r = row(tmp_path, "In 2008 the fund was merged; it hands out 30 million yuan this year.", "30")
    assert (r["year"], r["year_basis"]) == (2010, "relative")


def test_a_pledge_of_this_year_is_annual_and_one_without_a_year_a_level(tmp_path):
    r = row(tmp_path, "The fund will hand out 30 million yuan this year.", "30")
    assert r["measure"] == "annual"
    r = row(tmp_path, "The fund will hand out 30 million yuan.", "30")
    assert r["measure"] == "level"


# ---------------------------------------------------------------- asides dating a name
def test_a_year_in_an_aside_dates_the_name_not_the_figure(tmp_path):
    body = (
        "The Program, launched by the Ministry of Science and Technology in 2001, "
        "received 150 million yuan from the central budget in 2004."
    )
    assert row(tmp_path, body, "150")["year"] == 2004
    body = "The Institut, founded jointly by A, B and the city in 2004, now employs 300 people."
    assert row(tmp_path, body, "300")["year"] == 2010


def test_an_aside_holding_the_figure_keeps_its_year(tmp_path):
    body = "The Program, which received 150 million yuan in 2001, was closed."
    assert row(tmp_path, body, "150")["year"] == 2001


# ---------------------------------------------------------------- comparison bases
def test_the_year_of_a_base_is_the_bases(tmp_path):
    body = "Students numbered 6,400 this year, up from 1,800 in 2001."
    assert row(tmp_path, body, "6,400")["year"] == 2010
    assert row(tmp_path, body, "1,800")["year"] == 2001


def test_a_change_from_one_year_to_another_keeps_both_years(tmp_path):
    body = "The number of conferences rose from 86 in 1995 to 143 in 1997."
    assert row(tmp_path, body, "86")["year"] == 1995
    assert row(tmp_path, body, "143")["year"] == 1997


def test_a_possessive_year_after_from_is_a_base(tmp_path):
    body = (
        "China signed 3,629 contracts last year, with a combined value of $13.03 billion, "
        "down 36 percent from 1994's record."
    )
    assert row(tmp_path, body, "13.03", "9 January 1996")["year"] == 1995
    body = "China signed 3,629 contracts in 1994, a record."
    assert row(tmp_path, body, "3,629", "9 January 1996")["year"] == 1994


# ---------------------------------------------------------------- a year in a name
def test_a_year_after_a_capitalised_name_is_no_year(tmp_path):
    body = "Chinese teams joined 30 Horizon 2020 projects."
    r = row(tmp_path, body, "30", "1 May 2019")
    assert (r["year"], r["year_basis"]) == (2019, "publication")
    body = "In 2018 Chinese teams joined 30 projects."
    assert row(tmp_path, body, "30", "1 May 2019")["year"] == 2018


# ---------------------------------------------------------------- goals
def test_a_figure_dated_after_its_page_is_a_target(tmp_path):
    body = "By 2020, R&D spending shall reach 2.5 per cent of GDP."
    assert row(tmp_path, body, "2.5", "9 February 2006")["measure"] == "target"
    body = "By 2005, R&D spending reached 1.3 per cent of GDP."
    assert row(tmp_path, body, "1.3", "9 February 2006")["measure"] == "share"


def test_a_period_starting_at_the_page_is_a_target_one_under_way_is_not(tmp_path):
    body = "The partners have committed 20 million yuan to the first phase (2016-2020)."
    assert row(tmp_path, body, "20", "1 June 2016")["measure"] == "target"
    body = "In the Seventh Framework Programme (2007-2013) 383 organisations took part."
    assert row(tmp_path, body, "383", "1 June 2012")["measure"] != "target"


def test_a_future_verb_does_not_reach_into_a_relative_clause(tmp_path):
    body = "The laboratory will serve the programme, which brings together 300 scientists."
    assert row(tmp_path, body, "300")["measure"] != "target"
    body = "The laboratory will bring together 300 scientists."
    assert row(tmp_path, body, "300")["measure"] == "target"


def test_expects_to_marks_a_goal(tmp_path):
    assert row(tmp_path, "China expects to send 500 scholars.", "500")["measure"] == "target"
    assert row(tmp_path, "China sent 500 scholars.", "500")["measure"] != "target"


# ---------------------------------------------------------------- running totals
def test_so_far_and_the_subject_of_a_perfect_are_running_totals(tmp_path):
    assert row(tmp_path, "Four prototypes have been built so far.", "Four")["measure"] == (
        "cumulative"
    )
    body = "Besides those, about 7,000 young people have gone abroad on their own funds."
    assert row(tmp_path, body, "about")["measure"] == "cumulative"


def test_the_partner_of_a_perfect_is_a_level(tmp_path):
    body = "The Fund has signed cooperative agreements with 36 counterparts."
    assert row(tmp_path, body, "36")["measure"] == "level"


def test_during_the_year_under_a_running_total_is_annual(tmp_path):
    body = (
        "By the end of 1995 a total of 3,860 people had taken up posts in the province, "
        "520 of them during the year."
    )
    assert row(tmp_path, body, "520", "1 May 1996")["measure"] == "annual"
    assert row(tmp_path, body, "3,860", "1 May 1996")["measure"] == "cumulative"


# ---------------------------------------------------------------- percents
def test_the_base_of_a_rise_is_a_share_and_more_than_a_change(tmp_path):
    body = "By 2010, R&D spending shall reach 2 per cent of GDP, up from 1.23 per cent in 2004."
    assert row(tmp_path, body, "1.23", "9 February 2006")["measure"] == "share"
    body = "The value was 1.74 billion dollars, 21.3 per cent more than the previous year."
    assert row(tmp_path, body, "21.3")["measure"] == "change"
    body = "The value was 1.74 billion dollars, 21.3 per cent of the national total."
    assert row(tmp_path, body, "21.3")["measure"] == "share"


# ---------------------------------------------------------------- a narrative's year
def test_a_past_sentence_goes_on_with_the_year_before_sentences_without_figures(tmp_path):
    body = (
        "In 2004 cooperation continued to grow. The embassies are the front line. "
        "There were 122 staff serving in 65 sections."
    )
    assert row(tmp_path, body, "122", "1 May 2005")["year"] == 2004


def test_a_present_sentence_after_them_speaks_of_the_page(tmp_path):
    body = (
        "In 2004 cooperation continued to grow. The embassies are the front line. "
        "About 122 staff serve in 65 sections."
    )
    assert row(tmp_path, body, "About", "1 May 2005")["year"] == 2005
    body = (
        "In 2004 cooperation continued to grow. The embassies are the front line. "
        "China and Israel on Monday launched a fund worth 300 million dollars."
    )
    assert row(tmp_path, body, "300", "1 May 2005")["year"] == 2005


def test_a_sentence_in_the_perfect_ends_the_narratives_year(tmp_path):
    # a history's year, then a perfect of the page's date: the news after it is the page's
    body = (
        "China and Italy signed their agreement on cooperation in 1978. China has since "
        "signed such agreements with 97 countries.\n\nThe minister, who led a delegation of "
        "60 scientists on a visit, said deals were signed."
    )
    assert row(tmp_path, body, "60", "22 November 2006")["year"] == 2006
    # (a past verb of its own beside the perfect keeps the narrative going)
    body = (
        "In 2004 cooperation continued to grow. The ministry, which has set up offices, "
        "signed deals. There were 122 staff serving in 65 sections."
    )
    assert row(tmp_path, body, "122", "1 May 2005")["year"] == 2004


def test_an_aside_after_a_figure_does_not_run_into_the_next_sentence(tmp_path):
    # ", shared by NSFC." is no aside dating a name in the sentence after it
    body = (
        "Its budget is around 12 million euros, shared by NSFC and DFG. In 2018 alone, the "
        "Center approved 46 joint research projects."
    )
    assert row(tmp_path, body, "46", "5 June 2019")["year"] == 2018


def test_the_countries_people_come_from_are_no_comparison_base(tmp_path):
    body = "In all, 3,140 international students from 118 countries enrolled in 2018."
    got = row(tmp_path, body, "3,140", "1 March 2019")
    assert (got["year"], got["measure"]) == (2018, "annual")
    # (a base told with "up from" keeps its year)
    body = "Some 3,140 students enrolled, up from 620 in 2010."
    assert row(tmp_path, body, "620", "1 March 2019")["year"] == 2010


def test_a_base_in_words_keeps_its_year_to_itself(tmp_path):
    body = (
        "The number of Chinese physicists at the laboratory went from a dozen in 2000 to "
        "between 300 and 400 today."
    )
    got = row(tmp_path, body, "300", "1 May 2014")
    assert (got["year"], got["measure"]) == (2014, "level")
    assert row(tmp_path, body, "a dozen", "1 May 2014")["year"] == 2000


def test_a_year_set_in_a_names_words_dates_no_figure(tmp_path):
    body = (
        "The bank's 1991 Key Studies Development Project alone has equipped 155 key "
        "laboratories and brought in some 600 foreign specialists."
    )
    assert row(tmp_path, body, "155", "29 May 1995")["year"] == 1995
    got = row(tmp_path, body, "some 600", "29 May 1995")
    assert (got["year"], got["measure"]) == (1995, "cumulative")
    # (a chronicle's entry year before a name dates its line)
    body = "2006  ITER Agreement signed in Paris; China to bear about 10 per cent of the cost."
    assert row(tmp_path, body, "about 10", "1 May 2008")["year"] == 2006


def test_a_count_as_of_a_date_is_a_level(tmp_path):
    body = (
        "Our global network (figures as of March 2019)\n"
        "- Partner institutions: 312, in 46 countries and regions\n"
        "- Foreign faculty and long-term visiting experts: 118\n"
    )
    got = row(tmp_path, body, "312", "20 March 2019")
    assert (got["year"], got["measure"]) == (2019, "level")
    # (a running total by a date stays one)
    body = "By March 2019 a total of 1,200 students had gone abroad since 2010."
    assert row(tmp_path, body, "1,200", "20 March 2019")["measure"] == "cumulative"


def test_a_fronted_frameworks_year_gives_way_to_the_clauses_own(tmp_path):
    body = (
        "Under the Chinese Student Protection Act of 1992, some 54,000 PRC nationals in the "
        "United States adjusted to permanent residence by the end of 1994."
    )
    assert row(tmp_path, body, "some 54,000", "1 May 1996")["year"] == 1994


# ---------------------------------------------------------------- ellipsis: "another N", "N more"
def test_a_count_without_a_noun_counts_what_the_one_before_does(tmp_path):
    body = (
        "Since 1978 we have sent 2,700 students and visiting scholars abroad. "
        "This year we plan to send another 2,000, most of them in science."
    )
    got = row(tmp_path, body, "2,000")
    assert got["indicator"] == "students_abroad"
    body = "Sichuan now has 13 international S&T cooperation bases, four more than a year earlier."
    got = row(tmp_path, body, "four")
    assert (got["indicator"], got["measure"]) == ("coop_bases", "change")
    # a tier word before a bare noun: the fuller noun earlier in the sentence
    body = "Sichuan now has 13 international S&T cooperation bases and 31 provincial bases."
    assert row(tmp_path, body, "31")["indicator"] == "coop_bases"


def test_a_count_with_a_noun_of_its_own_or_no_ellipsis_keeps_it(tmp_path):
    body = (
        "Since 1978 we have sent 2,700 students and visiting scholars abroad. "
        "This year we plan to build another 20 laboratories for chemistry."
    )
    assert row(tmp_path, body, "20")["indicator"] != "students_abroad"
    body = "Sichuan now has 13 international S&T cooperation bases, and 31 were visited."
    assert row(tmp_path, body, "31")["indicator"] == "unclassified"


def test_those_with_a_relative_clause_are_a_group_not_a_part(tmp_path):
    body = (
        "From 1978 to the end of 2018, a total of 5.857 million Chinese had gone abroad to "
        "study. Of those who had completed their studies, 3.6506 million chose to return."
    )
    got = row(tmp_path, body, "3.6506", "27 March 2019")
    # its own verb classifies it; the perfect of the relative clause does not stop the
    # narrative's year
    assert (got["indicator"], got["year"]) == ("returnees", 2018)
    body = (
        "From 1978 to the end of 2018, a total of 5.857 million Chinese had gone abroad to "
        "study. Of those, 3.6506 million chose to stay."
    )
    # a part of the figure before is no point of its series (unless its verb makes it
    # another population, indicators.yaml turns: "Of these, over 20,000 have ... come back")
    assert row(tmp_path, body, "3.6506", "27 March 2019")["indicator"] == "unclassified"


def test_a_number_after_a_hash_names_an_item_and_is_no_figure() -> None:
    from analysis.facts import facts_table

    def quotes(text: str) -> list[str]:
        import tempfile
        from pathlib import Path

        from analysis.corpus import load_corpus

        folder = Path(tempfile.mkdtemp())
        (folder / "x.txt").write_text("Experts come\n\n" + text + "\n", encoding="utf-8")
        return list(facts_table(load_corpus(folder))["quote"])

    named = "In 2004, 1,200 foreign experts came to work in China [see: item #3]."
    assert quotes(named) == ["1,200 foreign experts"]
    counted = "In 2004, 1,200 foreign experts and 3 delegations came to work in China."
    assert quotes(counted)[1:] == ["3 delegations"]  # a count, not an item


# ---------------------------------------------------------------- the aspect of the verb
def test_a_state_verb_gives_a_level(tmp_path):
    body = "Swiss universities maintain about 250 cooperation agreements with Chinese ones."
    assert row(tmp_path, body, "250")["measure"] == "level"
    body = "Some 4,000 Chinese students are now enrolled at Dutch universities."
    assert row(tmp_path, body, "4,000")["measure"] == "level"
    body = "By the end of 2008 about 8,000 returnees were working in the province's universities."
    assert row(tmp_path, body, "8,000")["measure"] == "level"
    body = "The ministry counted 420 foreign-funded laboratories by the end of 2008."
    assert row(tmp_path, body, "420")["measure"] == "level"


def test_an_activity_in_a_dated_past_is_annual_in_the_present_a_level(tmp_path):
    body = "In 2008 the institute hosted 95 visiting scholars from abroad."
    assert row(tmp_path, body, "95")["measure"] == "annual"
    body = "The institute hosts 95 visiting scholars from abroad."
    assert row(tmp_path, body, "95")["measure"] == "level"
    # what stands once made stays a level: "operated 40 laboratories in 2008"
    body = "In 2008 Dutch firms operated 40 research centres in China."
    assert row(tmp_path, body, "40")["measure"] == "level"


def test_an_event_in_the_perfect_is_a_running_total_unless_it_counts_what_stands(tmp_path):
    body = "The Academy has so far opened seven liaison offices in Africa."
    assert row(tmp_path, body, "seven")["measure"] == "level"
    body = "The foundation has spent 3 million euros on the exchanges."
    assert row(tmp_path, body, "3")["measure"] == "cumulative"
    body = "The foundation has signed exchange agreements with 35 foreign academies."
    assert row(tmp_path, body, "35")["measure"] == "level"


def test_a_sum_set_aside_or_committed_in_a_dated_past_is_the_years(tmp_path):
    body = "Hunan alone set aside 45 million yuan for cooperation with Africa in 2009."
    assert row(tmp_path, body, "45")["measure"] == "annual"
    body = "The Research Council committed NOK 30 million to 12 joint projects in 2009."
    assert row(tmp_path, body, "NOK")["measure"] == "annual"
    body = "The city earmarked 8 million yuan for joint laboratories in 2009."
    assert row(tmp_path, body, "8")["measure"] == "annual"


def test_things_said_to_stand_are_a_level_where_no_verb_is_read(tmp_path):
    body = "The Polish Academy of Sciences lists 85 ongoing joint projects with Chinese institutes."
    assert row(tmp_path, body, "85")["measure"] == "level"
    body = "In 2009 the Research Council reported 44 active research links with China."
    assert row(tmp_path, body, "44")["measure"] == "level"
    body = "Its institutes are taking part in 19 of the projects now under way."
    assert row(tmp_path, body, "19")["measure"] == "level"


def test_a_year_rate_is_annual_whatever_the_verb(tmp_path):
    body = "The foundation awards 40 fellowships a year to Chinese chemists."
    assert row(tmp_path, body, "40")["measure"] == "annual"


def test_a_copula_takes_the_class_of_its_subject(tmp_path):
    body = "The ministry accredited 12 new bases in 2009, bringing the total to 85."
    assert row(tmp_path, body, "12")["measure"] == "annual"
    assert row(tmp_path, body, "85")["measure"] == "level"
    body = "In 2005 alone the exchanges reached 12,000 person-times."
    assert row(tmp_path, body, "12,000")["measure"] == "annual"


def test_a_part_takes_the_measure_of_its_whole(tmp_path):
    body = "In 2009 the college received 2,400 foreign students, of which 900 were enrolled in degree courses."
    assert row(tmp_path, body, "900")["measure"] == "annual"


def test_a_part_still_at_its_work_is_a_level_within_a_running_total(tmp_path):
    body = (
        "From 1978 to the end of 2009, a total of 1.62 million people went abroad to study. "
        "Of them, 1.12 million were still studying or doing research abroad, and 497,000 "
        "had returned."
    )
    assert row(tmp_path, body, "1.62")["measure"] == "cumulative"
    assert row(tmp_path, body, "1.12")["measure"] == "level"
    assert row(tmp_path, body, "497,000")["measure"] == "cumulative"


def test_a_modal_after_a_figure_makes_a_goal(tmp_path):
    body = "Officials said that as many as ten more accords could follow in the coming months."
    assert row(tmp_path, body, "ten")["measure"] == "target"


def test_a_figure_after_to_is_no_two_digit_year_and_a_verb_word_after_the_a_noun(tmp_path):
    # "2003 to 70" is no range 2003-2070; "with foundation support", "the number": no verbs
    body = "The number of seminars held with foundation support rose from 40 in 2003 to 70 in 2005."
    r = row(tmp_path, body, "40")
    assert (r["year"], r["year_basis"], r["measure"]) == (2003, "explicit", "annual")


# ---------------------------------------------------------------- years read as periods
def test_a_decade_is_a_period(tmp_path):
    body = "In the 1960s the country sent about 1,200 students abroad."
    r = row(tmp_path, body, "1,200")
    assert (r["year"], r["period_start"], r["year_basis"]) == (1969, 1960, "period")
    assert r["measure"] == "cumulative"


def test_a_range_with_an_aside_between_its_years(tmp_path):
    body = (
        "From 1985, when the programme began, to the end of 2005, some 9,000 scholars went abroad."
    )
    r = row(tmp_path, body, "9,000")
    assert (r["year"], r["period_start"], r["measure"]) == (2005, 1985, "cumulative")


def test_a_range_to_the_end_of_last_year(tmp_path):
    body = "From 1990 to the end of last year 7,000 engineers went abroad for training."
    r = row(tmp_path, body, "7,000")
    assert (r["year"], r["period_start"], r["measure"]) == (2009, 1990, "cumulative")


def test_a_since_in_an_aside_dates_the_name(tmp_path):
    body = (
        "Last year the zone, jointly managed with Denmark since 2001, received 12 new laboratories."
    )
    r = row(tmp_path, body, "12")
    assert (r["year"], r["year_basis"]) == (2009, "relative")


def test_a_footnote_mark_after_a_year_leaves_it_a_year(tmp_path):
    body = "The ministry funded 640 projects in 2008,14 most of them with European partners."
    assert row(tmp_path, body, "640")["year"] == 2008


# ---------------------------------------------------------------- a narrative's year (2)
def test_a_heading_year_dates_the_past_told_under_it(tmp_path):
    body = (
        "II. Main results achieved in 2008\n\nThe province signed 300 technology import contracts."
    )
    assert row(tmp_path, body, "300")["year"] == 2008


def test_a_past_perfect_and_a_standing_count_told_in_the_past_go_on_with_the_year(tmp_path):
    body = (
        "In 2008 the programme grew quickly. By the end of the year China had established "
        "cooperative relations with 140 countries."
    )
    assert row(tmp_path, body, "140")["year"] == 2008
    body = "In 2008 the programme grew quickly. There were 95 attachés serving in 40 embassies."
    assert row(tmp_path, body, "95")["year"] == 2008


def test_a_figure_whose_verb_is_in_the_present_is_of_the_page(tmp_path):
    body = "In 2006 the zone attracted 40 new firms. The zone now hosts 120 laboratories."
    assert row(tmp_path, body, "120")["year"] == 2010
    body = "In 2006 the zone attracted 40 new firms. The zone hosts 120 laboratories."
    assert row(tmp_path, body, "120")["year"] == 2010


def test_a_figure_where_a_flow_went_is_part_of_its_running_total(tmp_path):
    body = "More than 3,000 young engineers have gone to work in 30 cities abroad."
    assert row(tmp_path, body, "30")["measure"] == "cumulative"


# ---------------------------------------------------------------- session 7: pages of other kinds
def test_a_page_in_capitals_reads_its_years_like_any_other(tmp_path):
    body = "IN CALENDAR 2008 THE CONSULATE ISSUED 4,200 STUDENT VISAS TO APPLICANTS."
    r = row(tmp_path, body, "4,200")
    assert (r["year"], r["measure"]) == (2008, "annual")
    body = "THE INSTITUTE TOOK PART IN 40 HORIZON 2020 PROJECTS."
    assert row(tmp_path, body, "40")["year"] == 2010  # a name in capitals stays a name


def test_a_change_on_a_year_is_measured_against_that_year(tmp_path):
    body = "In 2009 the fund spent 12 million euros, up 8% on 2008, and hosted 40 visitors."
    assert row(tmp_path, body, "8%")["year"] == 2009
    body = "The fund spent 12 million euros in 2009, up 8% on 2008, and 300 went abroad in 2009."
    assert row(tmp_path, body, "300")["year"] == 2009


def test_a_list_item_takes_no_year_from_the_items_after_it(tmp_path):
    body = "Results\n• Workshops held since 2001: 75\n• 2009 budget: EUR 3 million\n• Budget up 5%"
    got = rows(tmp_path, body)
    assert got["75"]["year_basis"] == "period"
    assert got["75"]["measure"] == "cumulative"
    assert got["5%"]["year"] == 2009  # an earlier item's year when its own has none


def test_a_change_with_a_noun_before_than_is_a_change(tmp_path):
    body = "In 2009 the office spent 30 million yuan, 12 percent more money than in 2008."
    assert row(tmp_path, body, "12")["measure"] == "change"
    body = "In 2009 the office spent 12 percent of the money on travel."
    assert row(tmp_path, body, "12")["measure"] == "share"


def test_a_participle_opening_the_sentence_dates_the_name(tmp_path):
    body = "Set up in 1996 with help from the Research Council (RCN), the centre has since received 310 visitors."
    r = row(tmp_path, body, "310")
    assert (r["year"], r["measure"]) == (2010, "cumulative")
    body = "He was one of 40 engineers who went to the\nUnited States in 1979."
    assert row(tmp_path, body, "40")["year"] == 1979  # a line opening with "United"


def test_bring_with_its_figure_as_object_is_an_event(tmp_path):
    body = "In 2009 the scheme brought 85 senior engineers to Chinese firms."
    assert row(tmp_path, body, "85")["measure"] == "annual"
    body = "The new accord, signed in 2009, brought the total to 64 agreements."
    assert row(tmp_path, body, "64")["measure"] == "level"


def test_a_part_in_the_next_sentence_takes_its_wholes_measure_unless_it_stands(tmp_path):
    body = "Some 9,000 engineers came to work in the province in 2009. The capital employed 2,500 of them."
    assert row(tmp_path, body, "2,500")["measure"] == "annual"
    body = "Since 1990 the city has sent 9,000 students abroad; about 4,000 of them are in Canada."
    assert row(tmp_path, body, "4,000")["measure"] == "level"


def test_a_base_said_now_is_the_pages_level_not_a_goal(tmp_path):
    body = "By 2015 the ministry plans to run 40 joint centres, up from 25 now."
    r = row(tmp_path, body, "25")
    assert (r["measure"], r["year"]) == ("level", 2010)
    assert row(tmp_path, body, "40")["measure"] == "target"


def test_a_goal_year_is_no_year_of_a_past_sentence_after_it(tmp_path):
    body = "By 2015 the ministry plans to run 40 joint centres. Japan funded about 9 percent of it, he noted."
    assert row(tmp_path, body, "9")["year"] == 2010
    body = "By 2015 the ministry plans to run 40 joint centres. The province will add 6 more."
    assert row(tmp_path, body, "6")["year"] == 2015


def test_a_past_event_of_the_page_is_annual_a_standing_thing_made_a_level(tmp_path):
    body = "The Joint Committee approved 17 new exchange visits at the meeting."
    assert row(tmp_path, body, "17")["measure"] == "annual"
    body = "The Joint Committee set up 4 laboratories at the meeting."
    assert row(tmp_path, body, "4")["measure"] == "level"
    # (things newly made are counted within the period: "4 new laboratories" is annual)
    body = "The Joint Committee set up 4 new laboratories at the meeting."
    assert row(tmp_path, body, "4")["measure"] == "annual"


def test_over_the_n_years_is_a_span_to_the_page(tmp_path):
    body = "Over the five years the province trained 2,000 technicians from Laos."
    r = row(tmp_path, body, "2,000")
    assert (r["measure"], r["period_start"], r["year"]) == ("cumulative", 2006, 2010)
    body = "The fund will provide 30 million euros over the five years to 2014."
    assert row(tmp_path, body, "30")["year"] == 2014


def test_a_present_progressive_or_accounts_for_is_of_the_page(tmp_path):
    body = "In 2006 the zone attracted 40 new firms. The council is funding about 190 projects."
    assert row(tmp_path, body, "190")["year"] == 2010
    body = "In 2006 the zone attracted 40 new firms. The city accounts for 15 percent of them."
    assert row(tmp_path, body, "15")["year"] == 2010


def test_a_goal_as_the_subject_of_is_makes_its_figure_a_target(tmp_path):
    body = "The council's selection plan for 2010 is 3,500 places, more than last year."
    assert row(tmp_path, body, "3,500")["measure"] == "target"
    body = "The council's selection in 2010 is 3,500 places."
    assert row(tmp_path, body, "3,500")["measure"] != "target"


def test_a_heading_reviewing_a_year_before_the_page_dates_its_now(tmp_path):
    body = (
        "1. Work in 2009\n\nThe province now has 14 joint laboratories and has so far trained "
        "900 engineers.\n\n2. Tasks for 2010\n\nThe province now has 60 partner countries."
    )
    for figure, year in (("14", 2009), ("900", 2009), ("60", 2010)):
        assert row(tmp_path, body, figure, date="20 January 2010")["year"] == year
    body = "1. Plans for 2009 and 2010\n\nThe province now has 14 joint laboratories."
    assert row(tmp_path, body, "14", date="20 January 2011")["year"] == 2011


def test_a_perfect_of_a_standing_count_after_its_preposition_is_a_level(tmp_path):
    body = "We have posted 131 science and technology diplomats to 46 countries."
    assert row(tmp_path, body, "46")["measure"] == "level"


def test_over_a_range_of_years_is_that_period_not_a_comparison(tmp_path):
    body = "Chinese partners received only EUR 3.2 million over 2006-2008, a small sum."
    r = row(tmp_path, body, "EUR")
    assert (r["year"], r["period_start"], r["measure"]) == (2008, 2006, "cumulative")


def test_that_in_a_year_after_a_verb_is_a_date_not_a_comparison(tmp_path):
    body = "The academy told the meeting that in 2008 it had itself hosted 78 Italian researchers."
    r = row(tmp_path, body, "78")
    assert (r["year"], r["measure"]) == (2008, "annual")
    body = "The academy hosted 78 Italian researchers in 2009, more than those in 2008."
    assert row(tmp_path, body, "78")["year"] == 2009


def test_a_signed_figure_or_a_percent_before_a_noun_of_movement_is_a_change(tmp_path):
    body = "Exports to the region, 2010: USD 3.1 billion, +14% on the year."
    assert row(tmp_path, body, "14")["measure"] == "change"
    body = "In 2009, 8,300 returned, which is a 26.5 percent jump in returnees on the year before."
    assert row(tmp_path, body, "26.5")["measure"] == "change"
    body = "In 2009, 8,300 returned, which is 26.5 percent of those who left."
    assert row(tmp_path, body, "26.5")["measure"] == "share"


def test_a_past_event_told_of_its_subject_on_a_dated_page_is_annual(tmp_path):
    body = "The first group of 40 Chinese scholars arrived in Bonn at the end of May."
    assert row(tmp_path, body, "40")["measure"] == "annual"


def test_a_chronicle_entry_dates_all_its_sentences(tmp_path):
    body = (
        "1985 - The commission meets in Rome in May. Later that summer 30 engineers leave for Italy.\n\n"
        "Today the programme funds 40 projects."
    )
    assert row(tmp_path, body, "30")["year"] == 1985
    assert row(tmp_path, body, "40")["year"] == 2010


# ---- round 2 (session 7): periods told across clauses, the year before


def test_a_sentence_opening_since_clause_starts_a_running_total_to_the_page(tmp_path):
    body = (
        "Since the first team of 35 engineers left for Canada in May 2004, the province has "
        "trained about 2,400 technicians abroad."
    )
    r = row(tmp_path, body, "2,400")
    assert (r["year"], r["period_start"], r["measure"]) == (2010, 2004, "cumulative")
    assert row(tmp_path, body, "35")["year"] == 2004  # the clause's own figure
    body = "The province trained about 2,400 technicians abroad in 2004, since it had the money."
    assert row(tmp_path, body, "2,400")["year"] == 2004


def test_since_a_time_of_last_year_runs_to_the_page(tmp_path):
    body = "Since the spring of last year some 900 researchers have been sent to 12 countries."
    r = row(tmp_path, body, "900")
    assert (r["year"], r["period_start"], r["measure"]) == (2010, 2009, "cumulative")
    body = "Last year some 900 researchers were sent to 12 countries."
    assert row(tmp_path, body, "900")["year"] == 2009


def test_a_span_between_two_years_with_an_aside_runs_to_its_end(tmp_path):
    body = (
        "Between 1992, when the first office opened, and the end of 2006, a total of 5,100 "
        "researchers went to Korea."
    )
    r = row(tmp_path, body, "5,100")
    assert (r["year"], r["measure"]) == (2006, "cumulative")
    body = "From 1995 to the end of May this year, the city received 700 foreign experts."
    r = row(tmp_path, body, "700")
    assert (r["year"], r["measure"]) == (2010, "cumulative")
    body = "In 1992 the first office opened, and in 2006 the city received 700 foreign experts."
    assert row(tmp_path, body, "700")["year"] == 2006


def test_a_figure_of_the_year_before_is_dated_a_year_before_the_named_one(tmp_path):
    body = "The city signed 210 contracts in 2007, against 180 the year before."
    assert row(tmp_path, body, "180")["year"] == 2006
    assert row(tmp_path, body, "210")["year"] == 2007
    body = "In 2007 the city signed 210 contracts, up 16 percent over the previous year."
    assert row(tmp_path, body, "16")["year"] == 2007  # a change's base, no figure's year


def test_a_span_back_in_years_or_decades_dates_a_base_that_many_years_before(tmp_path):
    body = "The return rate reached 83 percent in 2007, against 31 percent a decade earlier."
    assert row(tmp_path, body, "31")["year"] == 1997
    assert row(tmp_path, body, "83")["year"] == 2007
    body = "China has ties with 106 countries and regions, up from fewer than 50 a decade ago."
    assert row(tmp_path, body, "fewer than")["year"] == 2000
    # opening the sentence: that many years before the narrative's year
    body = (
        "By the end of 2008 China had 112 science diplomats. "
        "Ten years earlier the number of science diplomats stood at 40."
    )
    assert row(tmp_path, body, "40")["year"] == 1998
    body = "By the end of 2008 China had 112 science diplomats. The number stood at 40."
    assert row(tmp_path, body, "40")["year"] != 1998


def test_a_year_of_another_calendars_era_dates_a_figure(tmp_path):
    # the era's first year plus its number less one, or the Gregorian year in brackets
    body = "In Heisei 4 the foundation invited 12 Chinese blood-bank specialists to Osaka."
    assert row(tmp_path, body, "12")["year"] == 1992
    body = "In Minguo 36 the works trained 40 engineers from Japan."
    assert row(tmp_path, body, "40")["year"] == 1947
    body = "In Showa 58 (1983) the university sent 14 soil scientists to Xi'an."
    assert row(tmp_path, body, "14")["year"] == 1983
    # "since" an era's year opens a period, as a year in figures does
    r = row(tmp_path, "The fund has awarded 286 fellowships since Heisei 4.", "286")
    assert (r["year"], r["period_start"], r["measure"]) == (2010, 1992, "cumulative")
    # an era's name needs its number: "Showa" alone dates nothing
    body = "In 1985 the Showa Memorial Institute received 9 Chinese geologists."
    assert row(tmp_path, body, "9")["year"] == 1985


def test_a_span_on_opening_a_sentence_counts_from_the_year_told(tmp_path):
    body = (
        "In 1982 the two governments signed an agreement. Two years later the Joint "
        "Commission met for the first time and approved 30 joint projects."
    )
    assert row(tmp_path, body, "30")["year"] == 1984
    # a span back still counts back
    body = (
        "By the end of 2008 China had 112 science diplomats. "
        "Ten years earlier the number of science diplomats stood at 40."
    )
    assert row(tmp_path, body, "40")["year"] == 1998


def test_a_running_totals_part_in_a_year_of_its_own_is_that_years_flow(tmp_path):
    body = (
        "Since 1998 the company has sent some 3,400 engineers to work in its centres abroad, "
        "520 of them in 2008 alone."
    )
    whole, part = row(tmp_path, body, "3,400"), row(tmp_path, body, "520")
    assert (whole["measure"], part["measure"], part["year"]) == ("cumulative", "annual", 2008)
    # a part of a standing count stays a standing count
    body = "By 2008 the ministry had 160 joint laboratories, 40 of them in Beijing."
    assert row(tmp_path, body, "40")["measure"] == "level"


def test_a_goal_joined_by_and_keeps_its_words_to_its_own_clause(tmp_path):
    body = (
        "Guangxi has set up 11 joint laboratories with ASEAN partners and aims to host 20 "
        "technology transfer bases by 2015."
    )
    r = row(tmp_path, body, "11")
    assert (r["year"], r["measure"]) == (2010, "level")
    assert (row(tmp_path, body, "20")["year"], row(tmp_path, body, "20")["measure"]) == (
        2015,
        "target",
    )
    body = (
        "The council plans to raise the number of scholars it sends abroad to 3,500 a year by "
        "2015, and the ministry has opened service centres for returnees in 21 cities."
    )
    r = row(tmp_path, body, "21")
    assert (r["year"], r["measure"]) == (2010, "level")
    assert row(tmp_path, body, "3,500")["measure"] == "target"
    body = "The ministry will spend 1.8 billion yuan, and has approved 59 new joint centres."
    assert row(tmp_path, body, "59")["measure"] != "target"
    # a goal of the later clause's own stays one
    body = "The ministry will open 5 offices, and has agreed to set up 10 centres by 2015."
    assert row(tmp_path, body, "10")["measure"] == "target"
    # a goal's conjunct with a year of its own after its figure keeps it
    body = (
        "The Academy intends to raise the number of joint laboratories to about 40 by 2015 "
        "and to send at least 10,000 person-times abroad in 2011."
    )
    assert row(tmp_path, body, "at least")["year"] == 2011
    assert row(tmp_path, body, "about 40")["year"] == 2015


def test_be_to_a_call_for_or_an_aim_is_makes_a_goal(tmp_path):
    body = "Another 450 engineers are to go to Italy this year."
    assert row(tmp_path, body, "450")["measure"] == "target"
    body = "The targets for 2011 are to open 4 more offices abroad."
    assert row(tmp_path, body, "4")["measure"] == "target"
    body = "The new plan calls for some 600 joint projects with Africa."
    assert row(tmp_path, body, "600")["measure"] == "target"
    body = "The council's stated aim, in its outline for Asian partners, is 80 joint centres."
    assert row(tmp_path, body, "80")["measure"] == "target"
    body = "Another 450 engineers went to Italy last year, and the plan is to date the best."
    assert row(tmp_path, body, "450")["measure"] != "target"


def test_a_title_reviewing_a_year_dates_the_sections_under_yearless_headings(tmp_path):
    body = (
        "I. Basic figures\n\nThe province now has 14 joint laboratories.\n\n"
        "II. Platforms\n\nTwo universities gained a base this year, raising the total to 9."
    )
    folder = tmp_path / "t"
    folder.mkdir()
    for title, year in (
        ("Cooperation of the Province in 2009: An Overview", 2009),
        ("Statistical Bulletin on Cooperation of the Province, 2009", 2009),
        ("A Report on Cooperation", 2010),
    ):
        path = folder / "doc.txt"
        path.write_text(f"{title}\n\n20 January 2010\n\n{body}\n", encoding="utf-8")
        doc = corpus.read_document(path)
        got = {
            doc.text[r["start"] : r["end"]].split()[0]: r["year"] for r in facts.extract_facts(doc)
        }
        assert (got["14"], got["9"]) == (year, year), title


def test_a_count_at_a_point_of_a_year_is_a_level(tmp_path):
    body = "Some 9,000 students from China held Dutch study permits at the end of 2008."
    r = row(tmp_path, body, "9,000")
    assert (r["year"], r["measure"]) == (2008, "level")
    body = "In autumn 2008 there were 4,100 Chinese students at Dutch universities."
    assert row(tmp_path, body, "4,100")["measure"] == "level"
    body = "Some 9,000 students from China held Dutch study permits in 2008."
    assert row(tmp_path, body, "9,000")["measure"] == "annual"
    body = "At the end of 2008 the council approved 41 new projects."
    assert row(tmp_path, body, "41")["measure"] != "level"


# ---------------------------------------------------------------- session 8
def test_an_academic_or_financial_year_is_the_year_it_ends_a_semester_the_year_it_opens(tmp_path):
    body = "The fund provided $2.1 million in 2003-04 for joint projects with Korea."
    r = row(tmp_path, body, "$2.1")
    assert (r["year"], r["measure"]) == (2004, "annual")
    body = "Chinese students in Canada numbered 41,000 in academic year 2008/09."
    assert row(tmp_path, body, "41,000")["year"] == 2009
    body = "Chinese students in Austria (winter semester 2008/09): 1,900 in all."
    assert row(tmp_path, body, "1,900")["year"] == 2008
    body = "The council plans to raise its support to $3 million a year by 2010-11."
    assert row(tmp_path, body, "$3")["year"] == 2011
    body = "The ministry approved 42 projects over 2003-2006."
    assert row(tmp_path, body, "42")["year"] == 2006


@pytest.mark.parametrize(
    ("body", "years"),
    [
        ("The programme supported 412, 486 and 530 projects in 2006, 2007 and 2008 "
         "respectively.", [2006, 2007, 2008]),
        ("China sent 412 and 530 students abroad in 2006 and 2008, respectively.", [2006, 2008]),
        ("In 2006, 2007 and 2008, China sent 412, 486 and 530 students abroad respectively.",
         [2006, 2007, 2008]),
    ],
)  # fmt: skip
def test_a_respectively_lists_years_named_after_it(tmp_path, body, years):
    got = rows(tmp_path, body)
    assert [got[q]["year"] for q in sorted(got, key=lambda q: got[q]["start"])] == years
    assert {r["measure"] for r in got.values()} == {"annual"}


def test_a_running_total_brought_to_or_told_by_a_date_ends_there(tmp_path):
    body = (
        "Some 3,100 engineers went abroad in 2008 and 900 returned, bringing the totals since "
        "1990 to 41,000 and 12,000 respectively."
    )
    assert row(tmp_path, body, "41,000")["year"] == 2008
    body = (
        "By the end of 2008, 41,000 engineers had gone abroad since 1990 and 12,000 had come back."
    )
    assert row(tmp_path, body, "12,000")["year"] == 2008
    # a total told beside another year's figure, not brought to by it, is the page's
    body = (
        "In 2008 the province sent 300 engineers to Korea, and since 1990 a total of 620 Korean "
        "experts had worked there."
    )
    assert row(tmp_path, body, "620")["year"] == 2010
    body = "Since 1990 some 41,000 engineers have gone abroad."
    assert row(tmp_path, body, "41,000")["year"] == 2010


def test_a_running_total_after_a_years_figure_of_its_own_kind_stands_at_that_year(tmp_path):
    body = (
        "Official figures show that 52,000 Chinese went abroad to study in 2008. Since 1990, "
        "410,000 Chinese have gone abroad to study."
    )
    assert row(tmp_path, body, "410,000")["year"] == 2008
    # another paragraph, or another kind of figure, tells of the page's date
    body = (
        "Official figures show that 52,000 Chinese went abroad to study in 2008.\n\nSince 1990, "
        "410,000 Chinese have gone abroad to study."
    )
    assert row(tmp_path, body, "410,000")["year"] == 2010
    body = (
        "Official figures show that 52,000 Chinese went abroad to study in 2008. Since 1990, "
        "the province has signed 41 cooperation agreements."
    )
    assert row(tmp_path, body, "41")["year"] == 2010


def test_a_part_in_a_standing_state_now_is_a_level_whatever_its_whole(tmp_path):
    body = (
        "Since 1978 the province has sent 38,000 students abroad. About 14,000 of them are in "
        "Japan; Korea hosts about 2,500."
    )
    assert row(tmp_path, body, "14,000")["measure"] == "level"
    body = (
        "Since 1978 the province has sent 38,000 students abroad, of whom about 14,000 are now "
        "in Japan."
    )
    assert row(tmp_path, body, "14,000")["measure"] == "level"
    body = (
        "Since 1978 the province has sent 38,000 students abroad. About 14,000 of them went to "
        "Japan."
    )
    assert row(tmp_path, body, "14,000")["measure"] == "cumulative"


def test_chinese_learners_counted_where_they_study_are_a_level(tmp_path):
    for body, starts in (
        ("Canadian universities hosted 9,400 Chinese students in 2008.", "9,400"),
        ("There were 3,150 Chinese students in Ireland in 2008.", "3,150"),
        ("Figures show 2,700 Chinese students enrolled at Dutch universities in 2008.", "2,700"),
        (
            "The number of Chinese students in Norway grew from 900 in 2004 to 2,100 in 2008.",
            "2,100",
        ),
    ):
        assert row(tmp_path, body, starts)["measure"] == "level", body
    # sent or gone: a flow of the year; foreign learners in China: no convention here
    body = "In 2008 the province sent 3,150 students to study in Ireland."
    assert row(tmp_path, body, "3,150")["measure"] == "annual"
    body = "In 2008 the university hosted 3,150 international students from 80 countries."
    assert row(tmp_path, body, "3,150")["measure"] == "annual"


def test_a_framework_dated_before_a_figure_in_the_perfect_dates_only_itself(tmp_path):
    body = "Under the bilateral agreement of 1995, 140 joint projects have been completed so far."
    r = row(tmp_path, body, "140")
    assert (r["year"], r["measure"]) == (2010, "cumulative")
    body = "Under the 1995 Sino-Korean Agreement, more than 20 protocols are now in force."
    assert row(tmp_path, body, "more than")["year"] == 2010
    body = "The Sino-Korean Agreement, signed on March 3, 1995, now has 20 protocols under it."
    assert row(tmp_path, body, "20")["year"] == 2010
    # a past clause under a dated framework is that year's
    body = "Under the 2005 budget, the fund spent 30 million yuan on joint projects."
    assert row(tmp_path, body, "30")["year"] == 2005


def test_a_running_total_told_by_the_end_of_last_year_stands_at_it(tmp_path):
    body = (
        "Of the 1.067 million people who have left to study since 1978, only 275,000 had "
        "come back by the end of last year."
    )
    assert row(tmp_path, body, "275,000")["year"] == 2009
    assert row(tmp_path, body, "1.067")["year"] == 2009


def test_at_the_same_date_goes_on_with_the_year_just_told(tmp_path):
    body = (
        "By the end of 2008 China had agreements with 114 countries. At the same date the "
        "ministry kept 146 science and technology diplomats in 71 embassies."
    )
    assert row(tmp_path, body, "146")["year"] == 2008


def test_a_framework_phrase_without_its_comma_or_a_verb_in_the_simple_present(tmp_path):
    # the phrase runs on into its clause at the year, no comma between
    body = "Under the agreement of 1978 the ministry currently funds 180 joint projects."
    assert row(tmp_path, body, "180")["year"] == 2010
    body = "Under the programme that began in 1973 there are now 480 Chinese students in Canada."
    assert row(tmp_path, body, "480")["year"] == 2010
    # a verb in the simple present
    body = "Under the mechanism agreed in 2015, the ministry provides 200 million yuan a year."
    assert row(tmp_path, body, "200")["year"] == 2010
    # a past clause under it is that year's
    body = "Under the agreement of 1978 the ministry funded 180 joint projects."
    assert row(tmp_path, body, "180")["year"] == 1978


def test_a_period_told_in_one_paragraph_lends_the_next_its_year_not_its_span(tmp_path):
    body = (
        "In 2008 the province signed 40 technology import contracts. Over the ten years from "
        "1999 to 2008 it signed 350 such contracts.\n\nBy partner, Korea was first: contracts "
        "signed with Korean firms were worth US$38 million."
    )
    r = row(tmp_path, body, "US$38")
    assert (r["year"], r["measure"]) == (2008, "annual")
    body = (
        "Over the ten years from 1999 to 2008 the province signed 350 technology import "
        "contracts. Contracts signed with Korean firms were worth US$38 million."
    )
    assert row(tmp_path, body, "US$38")["measure"] == "cumulative"


def test_a_year_of_a_later_clause_does_not_date_the_figure_before_it(tmp_path):
    body = (
        "The Korean side said that its universities have concluded 31 exchange agreements "
        "with Chinese ones, and that its agency spent $2 million on training in 2008."
    )
    assert row(tmp_path, body, "31")["year"] == 2010
    assert row(tmp_path, body, "$2")["year"] == 2008
    body = "The universities concluded 31 exchange agreements with Chinese ones in 2008."
    assert row(tmp_path, body, "31")["year"] == 2008


def test_a_sum_for_a_span_of_years_is_spent_over_it_or_a_goal_while_the_span_runs(tmp_path):
    body = "In the funding period 2005-2008 the programme had a budget of EUR 6 million."
    r = row(tmp_path, body, "EUR 6")
    assert (r["measure"], r["year"]) == ("cumulative", 2008)
    body = "The programme's budget for 2008-2012 is EUR 6 million."
    r = row(tmp_path, body, "EUR 6")
    assert (r["measure"], r["year"], r["qualifier"]) == ("target", 2012, "target")
    # received over a span under way: what came in so far; so much a year: annual
    body = "In the programme (2008-2012) Korean partners took part, receiving EUR 6 million."
    assert row(tmp_path, body, "EUR 6")["measure"] == "cumulative"
    body = "The fund gives EUR 2 million a year over 2008-2012."
    assert row(tmp_path, body, "EUR 2")["measure"] == "annual"


def test_learners_placed_before_their_figure_or_after_a_list_of_figures_are_a_level(tmp_path):
    body = "Chinese students in Ireland numbered 3,150 in 2008."
    assert row(tmp_path, body, "3,150")["measure"] == "level"
    body = "Chinese and Korean students enrolled abroad numbered 800,000 and 120,000 in 2008."
    assert row(tmp_path, body, "120,000")["measure"] == "level"
    body = "Ireland, Norway and Finland hosted 3,150, 2,100 and 1,800 Chinese students in 2008."
    assert row(tmp_path, body, "3,150")["measure"] == "level"
    body = "Chinese students who went to Ireland in 2008 numbered 3,150."
    assert row(tmp_path, body, "3,150")["measure"] != "level"


def test_partners_of_a_standing_thing_made_since_a_year_are_a_level(tmp_path):
    body = "Since 2009 the province has signed cooperation agreements with 14 countries."
    r = row(tmp_path, body, "14")
    assert (r["measure"], r["year"]) == ("level", 2010)
    body = "Since 2009 the centre has set up branch offices in 6 countries."
    assert row(tmp_path, body, "6")["measure"] == "level"
    # what was made itself, or people sent, since a year: a running total
    body = "Since 2009 the province has set up 14 joint laboratories."
    assert row(tmp_path, body, "14")["measure"] == "cumulative"
    body = "Since 2009 the province has sent 1,400 engineers to 14 countries."
    assert row(tmp_path, body, "1,400")["measure"] == "cumulative"


# ---------------------------------------------------------------- session 8, round 2
def test_a_base_of_the_previous_year_is_the_year_before_the_compared_figure(tmp_path):
    body = "The council funded 420 projects last year, down from 510 the previous year."
    # (keyed by the number: a classified figure's quote runs on over its counted noun)
    got = {q.split()[0]: r for q, r in rows(tmp_path, body, "3 May 2009").items()}
    assert (got["420"]["year"], got["510"]["year"]) == (2008, 2007)


def test_figures_for_the_year_before_are_of_the_year_before_the_narratives(tmp_path):
    body = "In 2007 the council funded 420 projects. The figures for the previous year were 380 and 35."
    got = {q.split()[0]: r for q, r in rows(tmp_path, body, "3 May 2009").items()}
    assert (got["420"]["year"], got["380"]["year"], got["35"]["year"]) == (2007, 2006, 2006)
    # a year before told after a figure of its own clause is no subject's
    r = row(
        tmp_path, "In 2007 the council funded 420 projects, 40 more than the year before.", "420"
    )
    assert r["year"] == 2007


def test_a_sentence_whose_only_year_is_a_base_goes_on_with_the_narratives_year(tmp_path):
    body = (
        "In 2008 the institute hosted 300 visiting scholars. It sent 120 of its staff abroad"
        " during the year, 20 percent more than in 2006."
    )
    assert row(tmp_path, body, "120", "3 May 2009")["year"] == 2008
    body = (
        "In 2008 the institute hosted 300 visiting scholars. Exports of technology fell to 120"
        " million dollars, a decrease of 12 percent from 2006."
    )
    assert row(tmp_path, body, "120", "3 May 2009")["year"] == 2008
    # a year of its own still dates the figure
    body = "In 2008 the institute hosted 300 visiting scholars. It sent 120 of its staff abroad in 2006."
    assert row(tmp_path, body, "120", "3 May 2009")["year"] == 2006


def test_money_pledged_over_a_span_is_a_goal_for_the_span(tmp_path):
    body = "The agency will provide 9 million euros over four years to the new centres."
    r = row(tmp_path, body, "9", "3 May 2009")
    assert (r["measure"], r["year"]) == ("target", 2013)
    body = "The two institutes will put in US$3.2 million over the first four years."
    r = row(tmp_path, body, "US$3.2", "3 May 2009")
    assert (r["measure"], r["year"]) == ("target", 2013)
    # money "will" give without a span is the sum pledged
    r = row(
        tmp_path, "The agency will provide 9 million euros to the new centres.", "9", "3 May 2009"
    )
    assert (r["measure"], r["year"]) == ("level", 2009)


def test_by_early_or_by_the_end_of_a_fiscal_year_is_a_date_a_total_stands_at(tmp_path):
    body = "The fund had by early 2009 supported some 640 projects with Indian partners."
    r = row(tmp_path, body, "some", "3 May 2010")
    assert (r["measure"], r["year"], r["year_basis"]) == ("cumulative", 2009, "cumulative")
    body = "Lending for science projects reached US$2.3 billion by the end of fiscal 2008."
    r = row(tmp_path, body, "US$2.3", "3 May 2010")
    assert (r["measure"], r["year"]) == ("cumulative", 2008)
    # "early" after another preposition dates a year's flow
    body = "The fund supported some 640 projects with Indian partners in early 2009."
    assert row(tmp_path, body, "some", "3 May 2010")["measure"] == "annual"


def test_learners_placed_without_a_year_of_their_own_are_a_level_of_the_page(tmp_path):
    body = "Chinese students in Norway numbered 3,150 as of March."
    r = row(tmp_path, body, "3,150")
    assert (r["measure"], r["year"]) == ("level", 2010)
    body = "Chinese students who went to Norway numbered 3,150."
    assert row(tmp_path, body, "3,150")["measure"] != "level"


# ---------------------------------------------------------------- session 8, round 3
def test_the_same_year_dates_a_verb_read_as_present(tmp_path):
    # "set up" reads as a present; "in that same year" tells it of the year just told
    body = (
        "The academy received 900 foreign scientists in 2007. "
        "In that same year Hubei and Anhui set up 12 joint laboratories."
    )
    assert row(tmp_path, body, "12")["year"] == 2007


def test_a_verb_read_as_present_without_the_same_year_is_of_the_page(tmp_path):
    body = (
        "The academy received 900 foreign scientists in 2007. "
        "Hubei and Anhui set up 12 joint laboratories."
    )
    assert row(tmp_path, body, "12")["year"] == 2010


def test_a_later_clause_with_a_figure_of_its_own_keeps_its_since_year(tmp_path):
    body = (
        "In 2008 the agency sent 1,200 engineers abroad, while 900 came home, "
        "and the total sent since 1990 passed 20,000."
    )
    r = row(tmp_path, body, "900")
    assert (r["year"], r["measure"]) == (2008, "annual")
    assert row(tmp_path, body, "20,000")["measure"] == "cumulative"


def test_a_result_clause_with_a_figure_of_its_own_keeps_its_since_year(tmp_path):
    # (a result clause opened by "so that", its own figure in digits or a multiple in words)
    body = "The agency ran 24 field stations, and the number has tripled since 2004."
    assert row(tmp_path, body, "24")["measure"] == "level"
    # ... and one with digits of its own
    body = (
        "A total of 1,798 students went abroad in 2008, up 24 percent on the previous year, and "
        "693 returned, so that by the end of 2008 a total of 13,900 people had gone abroad to "
        "study since 1978."
    )
    assert row(tmp_path, body, "693")["measure"] == "annual"


def test_a_later_clause_without_a_figure_of_its_own_still_dates_the_figure(tmp_path):
    body = (
        "In 2008 the agency sent 1,200 engineers abroad, while 900 came home, "
        "and the total sent since 1990 hit a record."
    )
    assert row(tmp_path, body, "900")["year_basis"] == "period"


# ---------------------------------------------------------------- session 9, round 4
def test_had_as_a_main_verb_is_a_state_told_in_the_past(tmp_path):
    body = (
        "By the end of 2008, the country had signed 50 agreements, the minister said. "
        "The country had 75 attaches posted in 40 consulates."
    )
    assert row(tmp_path, body, "75", date="2 March 2009")["year"] == 2008
    body = (
        "By the end of 2008, the country had signed 50 agreements, the minister said. "
        "The country has 75 attaches posted in 40 consulates."
    )
    assert row(tmp_path, body, "75", date="2 March 2009")["year"] == 2009


def test_a_two_digit_figure_after_a_year_and_to_is_a_figure(tmp_path):
    body = "The number of partner parks in the region grew from 6 in 2004 to 13 at the end of 2007."
    got = rows(tmp_path, body)
    assert got["6"]["year"] == 2004
    assert got["13"]["year"] == 2007
    body = "Enrolment fell in 2003-04 to 7,000 students."
    assert row(tmp_path, body, "7,000")["year"] == 2004


def test_a_later_clause_with_a_figure_before_its_year_dates_only_that_figure(tmp_path):
    body = "The faculty runs 9 exchange schemes, and the plan is to reach 15 by 2014."
    r = row(tmp_path, body, "9")
    assert (r["year"], r["measure"]) == (2010, "level")
    assert row(tmp_path, body, "15")["year"] == 2014
    body = "The faculty runs 9 exchange schemes and aims to reach 15 by 2014."
    assert row(tmp_path, body, "15")["year"] == 2014


def test_a_past_event_on_a_day_of_the_month_is_annual(tmp_path):
    body = "The first team of 30 engineers arrived in Lyon on Feb. 14."
    assert row(tmp_path, body, "30")["measure"] == "annual"
    body = "A team of 30 engineers is in Lyon."
    assert row(tmp_path, body, "30")["measure"] != "annual"


def test_a_running_total_told_after_last_years_figure_stands_at_last_year(tmp_path):
    body = (
        "Last year 120,300 Chinese left to study abroad and 98,200 came back, the ministry "
        "said. Since 1978 some 1.2 million have gone abroad, and 640,000 have returned; of "
        "those who finished their studies, 71.5% went home."
    )
    got = rows(tmp_path, body)
    assert got["640,000 have"]["year"] == 2009
    assert got["71.5% went"]["year"] == 2009
    body = (
        "In 2004 the city hosted a fair. Since 1978 some 1.2 million have gone abroad, and "
        "640,000 have returned."
    )
    assert rows(tmp_path, body)["640,000 have"]["year"] == 2010


def test_a_running_total_a_paragraph_after_last_years_figures_stands_at_last_year(tmp_path):
    body = (
        "A total of 120,300 Chinese went abroad to study in 2009, the ministry said. Over the "
        "same period, 98,200 came back.\n\nSince 1978, some 1.2 million Chinese have gone "
        "abroad to study, and 640,000 of them have returned."
    )
    assert row(tmp_path, body, "1.2")["year"] == 2009
    assert row(tmp_path, body, "640,000")["year"] == 2009
    # totals the rules cannot name, in the unit of the year's figures; or in their sentence
    body = (
        "In 2009, 120,300 Chinese went abroad to study and 98,200 returned. Since 1978 the "
        "totals are 1.2 million out and 640,000 back."
    )
    assert row(tmp_path, body, "640,000")["year"] == 2009
    body = (
        "In 2009 some 120,300 Chinese students went abroad, while 98,200 returned, and the "
        "cumulative count of returnees since 1978 passed 640,000."
    )
    assert row(tmp_path, body, "640,000")["year"] == 2009
    # a sentence naming another date (a base too) between them: the page's date
    body = (
        "A total of 120,300 Chinese went abroad to study in 2009, 40 percent more than in "
        "2005.\n\nSince 1978, some 1.2 million Chinese have gone abroad to study."
    )
    assert row(tmp_path, body, "1.2")["year"] == 2010
    # more than two sentences back, or another owner's figures: the page's date
    body = (
        "A total of 120,300 Chinese went abroad to study in 2009. The ministry gave no "
        "reason. Officials were pleased.\n\nSince 1978, some 1.2 million Chinese have gone "
        "abroad to study."
    )
    assert row(tmp_path, body, "1.2")["year"] == 2010
    body = (
        "The Chinese Academy of Sciences sent 1,300 scientists abroad to study in 2009."
        "\n\nSince 1978, some 1.2 million Chinese have gone abroad to study."
    )
    assert row(tmp_path, body, "1.2")["year"] == 2010


def test_a_share_right_after_a_running_total_is_of_the_totals_date(tmp_path):
    body = (
        "Last year 20,100 students came back, up 12.3 percent. In all, 172,800 overseas "
        "students have returned to China over the past 25 years, about 24.7 percent of those "
        "who went abroad."
    )
    assert row(tmp_path, body, "172,800")["year"] == 2009
    assert row(tmp_path, body, "24.7")["year"] == 2009
    # a state told in the present is the page's
    body = (
        "Last year 20,100 students came back, up 12.3 percent. In all, 172,800 overseas "
        "students have returned to China over the past 25 years; about 47 percent of those "
        "still abroad are in the United States."
    )
    assert row(tmp_path, body, "47")["year"] == 2010


def test_a_comparison_base_dates_nothing_else_in_its_sentence(tmp_path):
    # a change after the base is the compared figure's
    body = (
        "The Society exchanged 95 scientists with the academy in 2008, compared with 140 in "
        "2007, a fall of 32 per cent."
    )
    assert row(tmp_path, body, "140")["year"] == 2007
    assert row(tmp_path, body, "32")["year"] == 2008
    # "than in the previous year" is a base, no year of the figures before it
    body = (
        "The International S&T Cooperation Program of China (ISTCP) supported 478 projects in "
        "2009 with central government funding of 1.05 billion yuan, 8 percent more than in the "
        "previous year."
    )
    assert row(tmp_path, body, "1.05")["year"] == 2009
    assert row(tmp_path, body, "8 percent")["year"] == 2009
    # a sentence whose only year is a base: "the previous year" is the one before the page's
    body = (
        "The academy spent 320 million yuan on international cooperation in the previous "
        "year, and its researchers made 12 percent more trips abroad than in 2007."
    )
    assert row(tmp_path, body, "320", date="12 March 2009")["year"] == 2008
    body = "The academy spent 320 million yuan, 8 percent more than in the previous year."
    assert row(tmp_path, body, "320", date="12 March 2009")["year"] == 2009
    # nor does it stop the narrative's year: the sentence goes on with the year before it
    body = (
        "In 2009 the institute signed 14 new cooperation agreements. The institute hosted 312 "
        "visiting scientists from abroad during the year, compared with 395 in 2007."
    )
    assert row(tmp_path, body, "312")["year"] == 2009
    assert row(tmp_path, body, "395")["year"] == 2007


def test_a_multiple_or_comparison_of_a_years_figure_is_a_base(tmp_path):
    # "three times the 2005 figure", "the 860 sent in 2005": bases, no year of other figures
    body = (
        "The academy alone received 1,800 foreign scientists on visits last year, three "
        "times the 2005 figure, and sent 700 of its own researchers abroad."
    )
    assert row(tmp_path, body, "700")["year"] == 2009
    body = "China sent 2,700 scholars abroad in 2009, more than three times the 860 sent in 2005."
    assert row(tmp_path, body, "2,700")["year"] == 2009
    body = (
        "Deals signed between January and November numbered 1,029, and their value reached "
        "3.2 billion U.S. dollars. That value was 68 percent higher than in the whole of 2009. "
        "Shanghai alone signed 196 of them."
    )
    assert row(tmp_path, body, "196")["year"] == 2010
    # "were worth" is a copula in the past: the sentence goes on with the narrative's year
    body = (
        "In 2008 we signed 3,631 contracts to import technology. Technology export contracts "
        "were worth about US$1.5 billion, almost four times the 2004 figure."
    )
    assert row(tmp_path, body, "US$1.5")["year"] == 2008


def test_a_year_of_a_member_named_after_including_is_not_the_counts(tmp_path):
    body = (
        "China has signed government-level science and technology agreements with 36 "
        "countries, including the 1979 accord signed by Deng Xiaoping and Jimmy Carter."
    )
    assert row(tmp_path, body, "36")["year"] == 2010
    body = (
        "Three joint laboratories have been set up so far, including the joint centre "
        "established in Johannesburg last year."
    )
    assert row(tmp_path, body, "Three")["year"] == 2010
    # a year of the figure's own, before the aside, still dates it
    body = "In 2008 China signed agreements with 36 countries, including France."
    assert row(tmp_path, body, "36")["year"] == 2008


def test_over_the_n_years_is_the_span_of_n_years_told_before(tmp_path):
    body = (
        "The Tenth Five-Year Plan (2001-2005) stressed cooperation. Over the five years, the "
        "state put 2.1 billion yuan into joint research."
    )
    r = row(tmp_path, body, "2.1")
    assert (r["year"], r["period_start"], r["period_end"]) == (2005, 2001, 2005)
    body = (
        "The Tenth Five-Year Plan (2001-2005) stressed cooperation. Over the past five years, "
        "the state put 2.1 billion yuan into joint research."
    )
    r = row(tmp_path, body, "2.1")
    assert (r["year"], r["period_start"]) == (2010, 2006)


def test_a_base_n_years_earlier_is_n_years_before_the_compared_figure(tmp_path):
    body = "Some 640 Dutch students were enrolled in 2008/09, against 150 four years earlier."
    assert row(tmp_path, body, "150")["year"] == 2005
    body = "In 2007 the fund paid 6,300 grants, down from 7,100 the previous year."
    assert row(tmp_path, body, "6,300")["year"] == 2007
    assert row(tmp_path, body, "7,100")["year"] == 2006
    body = "In 2007 the fund paid 6,300 grants, up from 41 projects the previous year."
    assert row(tmp_path, body, "41")["year"] == 2006


def test_a_report_in_the_present_tells_the_pages_date(tmp_path):
    body = (
        "In 2007 some 1,200 engineers went abroad. The institute, founded the same year as "
        "the fund, says 45 of its 200 staff are foreign nationals."
    )
    got = rows(tmp_path, body)
    assert (got["45"]["year"], got["45"]["measure"]) == (2010, "level")
    body = (
        "In 2007 some 1,200 engineers went abroad. In the same year the institute set up "
        "45 joint laboratories."
    )
    assert row(tmp_path, body, "45")["year"] == 2007


def test_the_two_figures_of_a_from_to_pair_are_one_kind(tmp_path):
    body = "The number of joint stations in the province rose from 14 in 2005 to 31 at the end of 2009."
    got = rows(tmp_path, body)
    assert got["14"]["measure"] == got["31"]["measure"] == "level"
    body = "Contracts signed in the province rose from 14 in 2005 to 31 in 2009."
    got = rows(tmp_path, body)
    assert got["14"]["measure"] == got["31"]["measure"] == "annual"


def test_a_year_across_and_yields_to_the_figures_own_year_after_it(tmp_path):
    body = (
        "About 4,100 Chinese students were enrolled at Irish colleges in 2006/07, and Chinese "
        "graduates earned 310 doctorates from Irish universities in 2005."
    )
    assert row(tmp_path, body, "310")["year"] == 2005
    body = "In 2006, 4,100 students went to Ireland, while 310 returned, a gap that has narrowed since the 1990s."
    assert row(tmp_path, body, "310")["year"] == 2006


def test_the_verb_before_a_percent_says_share_or_change(tmp_path):
    body = "Their share of the market has fallen from 31 percent in 2004 to 22 percent."
    assert row(tmp_path, body, "31")["measure"] == "share"
    body = "Joint projects take up about 40 percent of the council's budget."
    assert row(tmp_path, body, "40")["measure"] == "share"
    body = "Physics projects make up about 25% of the total."
    assert row(tmp_path, body, "25")["measure"] == "share"
    body = "The council approved 120 contracts, a decrease of 12.5 per cent from 2008."
    assert row(tmp_path, body, "12.5")["measure"] == "change"
    body = "The council's budget went up 12 percent."
    assert row(tmp_path, body, "12")["measure"] == "change"


# (two forms of one mechanism, each seen in one set: a clause in the present, or in the
# present perfect after ", and", with no year of its own is of the page's date)
def test_now_and_a_present_verb_in_the_figures_clause_is_the_pages_date(tmp_path):
    body = "The city received 640 foreign experts last year and now has 12 joint stations."
    assert row(tmp_path, body, "12")["year"] == 2010
    body = "The city received 640 foreign experts last year and opened 12 joint stations."
    assert row(tmp_path, body, "12")["year"] == 2009


def test_now_dates_its_figure_past_a_base_or_a_names_date_after_it(tmp_path):
    body = "China now belongs to 32 intergovernmental organisations, against nine in 1978."
    assert row(tmp_path, body, "32")["year"] == 2010
    assert row(tmp_path, body, "nine")["year"] == 1978
    body = (
        "About 300 Israeli companies now operate in China, up from a few dozen in the early 2000s."
    )
    assert row(tmp_path, body, "About 300")["year"] == 2010
    body = "About 14,000 Chinese students are now enrolled in America, up from 50 in 1978."
    assert row(tmp_path, body, "About 14,000")["year"] == 2010
    body = "The foundation said 27 protocols now operate under the accord signed in January 1979."
    assert row(tmp_path, body, "27")["year"] == 2010
    # no "now": the year after the figure dates it
    body = "China belonged to 32 intergovernmental organisations in 1978."
    assert row(tmp_path, body, "32")["year"] == 1978


def test_a_later_clause_in_the_present_perfect_is_the_pages_date(tmp_path):
    body = (
        "Some 3,000 engineers were working in the region at the end of 2008, the office "
        "said, and the number of joint stations has tripled in four years to 45."
    )
    assert row(tmp_path, body, "45")["year"] == 2010
    body = (
        "Some 3,000 engineers were working in the region at the end of 2008, the office "
        "said, and the number of joint stations tripled to 45."
    )
    assert row(tmp_path, body, "45")["year"] == 2008


# ---------------------------------------------------------------- session 9, round 5
def test_next_year_is_the_year_after_the_page_and_a_goal(tmp_path):
    body = "The academy intends to send 450 young researchers to Europe next year."
    r = row(tmp_path, body, "450")
    assert (r["year"], r["measure"]) == (2011, "target")


def test_next_year_in_a_later_clause_dates_none_of_the_first(tmp_path):
    body = "The province has 2,600 engineers working overseas, and hopes to send more next year."
    r = row(tmp_path, body, "2,600")
    assert r["year"] == 2010
    assert r["measure"] != "target"


def test_there_are_now_dates_the_figure_at_the_page_not_at_a_relative_clauses_year(tmp_path):
    body = "Under the exchange scheme that started in 1975 there are now about 620 Chinese trainees in Norway."
    r = row(tmp_path, body, "620")
    assert r["year"] == 2010


def test_a_figure_that_now_holds_is_of_the_page_not_of_an_earlier_clauses_year(tmp_path):
    body = "The institute recruited 45 returnees in 2008, and about 70% of its staff now hold a doctorate from abroad."
    r = row(tmp_path, body, "70%")
    assert r["year"] == 2010
    r = row(tmp_path, body, "45")
    assert r["year"] == 2008


def test_now_after_a_by_date_clause_is_the_pages_date(tmp_path):
    body = "The ministry says it sent 9,000 trainees abroad by the end of 2008, and that it now has exchange treaties with some 45 countries."
    r = row(tmp_path, body, "45")
    assert r["year"] == 2010


def test_a_present_perfect_clause_after_a_colon_is_the_pages_date(tmp_path):
    body = "The Sino-Dutch Water Centre, built with Dutch grant aid of 4.5 million euros and opened in Nanjing in 2001, has become a hub of this work: more than 1,800 Chinese water engineers have received training there."
    r = row(tmp_path, body, "more than")
    assert r["value"] == 1800 and r["year"] == 2010
    body = "In 2001 the Sino-Dutch Water Centre opened in Nanjing; more than 1,800 Chinese water engineers have received training there."
    r = row(tmp_path, body, "more than")
    assert r["year"] == 2010


def test_a_past_clause_after_a_colon_keeps_the_year_before_it(tmp_path):
    body = "The centre opened in 2001: 180 engineers took its courses."
    r = row(tmp_path, body, "180")
    assert r["year"] == 2001


def test_a_chronicles_entry_year_dates_its_present_clauses(tmp_path):
    body = "2004 — 1,250 trainees leave for Europe; the academy has 300 fellows abroad."
    r = row(tmp_path, body, "300")
    assert r["year"] == 2004


def test_learners_there_at_a_date_are_a_level(tmp_path):
    body = "Roughly 3,400 Chinese students and scholars were there in 1998, against 2,100 in Australia."
    r = row(tmp_path, body, "3,400", date="12 March 1999")
    assert (r["year"], r["measure"]) == (1998, "level")


def test_learners_enrolled_as_of_a_date_are_a_level_not_a_running_total(tmp_path):
    body = "As of October 2007 there were 5,430 Chinese students enrolled in Dutch universities."
    r = row(tmp_path, body, "5,430")
    assert (r["year"], r["measure"]) == (2007, "level")
    body = "By the end of 2007 the agency had sent 5,430 students abroad."
    r = row(tmp_path, body, "5,430")
    assert r["measure"] == "cumulative"


def test_ca_dollars_are_canadian_dollars(tmp_path):
    r = row(tmp_path, "The agency committed CA$ 2.5 million to the joint projects in 2009.", "CA$")
    assert r["unit"] == "CAD"


# ---------------------------------------------------------------- session 9, round 6
def _years_under(tmp_path: Path, head: str, body: str, date: str = "20 January 2010") -> dict:
    folder = tmp_path / "r6"
    folder.mkdir(exist_ok=True)
    path = folder / "doc.txt"
    path.write_text(f"{head}\n\n{date}\n\n{body}\n", encoding="utf-8")
    doc = corpus.read_document(path)
    return {doc.text[r["start"] : r["end"]].split()[0]: r["year"] for r in facts.extract_facts(doc)}


def test_an_annual_report_named_by_its_year_dates_its_now(tmp_path):
    body = "The park now hosts 14 joint laboratories, and its firms grew by 8 percent over 2008."
    got = _years_under(tmp_path, "Harbin Science Park Annual Report 2009", body)
    assert (got["14"], got["8"]) == (2009, 2009)
    got = _years_under(tmp_path, "Harbin Science Park Annual Report", body)
    assert got["14"] == 2010


def test_a_stamp_line_under_a_reviewing_title_is_no_section_heading(tmp_path):
    from analysis import extraction

    path = tmp_path / "stamp.txt"
    for line, want in (
        ("Source: Provincial Bureau of Commerce | 2010-01-20 09:30 | Article No. 3312", 2009),
        ("Plans for 2010", None),
    ):
        path.write_text(
            "Statistics on the Province's Technology Imports in 2009\n\n"
            f"{line}\n\n20 January 2010\n\nLicence fees make up 42 percent of contract value.\n",
            encoding="utf-8",
        )
        doc = corpus.read_document(path)
        at = next(i for i, s in enumerate(doc.sentences) if "42" in doc.text[s.start : s.end])
        assert extraction._review_year(doc, at, 2010, [None] * 8 + [{}]) == want, line


# ---------------------------------------------------------------- session 10, round 7
def test_a_sentence_in_the_present_after_a_years_events_is_of_the_pages_date(tmp_path):
    body = (
        "In 2007 the institute sent 150 engineers to Brazil. "
        "Today the institute belongs to 19 international engineering federations. "
        "In the previous year it hosted 40 visiting engineers."
    )
    got = rows(tmp_path, body)
    assert got["19 international"]["year"] == 2010
    assert got["40"]["year"] == 2009  # the year before the page's, not 2006
    # after a running total, a sentence in the present stands at its date
    body = (
        "By the end of 2007 some 9,000 engineers had gone abroad. "
        "About 2,000 of them are still overseas."
    )
    assert row(tmp_path, body, "2,000")["year"] == 2007


def test_what_stands_once_made_is_a_level_for_an_unclassified_count(tmp_path):
    body = "The city's incubators for foreign start-ups grew from 3 in 2004 to 11 in 2008."
    got = rows(tmp_path, body)
    assert (got["3"]["measure"], got["11"]["measure"]) == ("level", "level")
    body = "The city's trade fairs for foreign start-ups grew from 3 in 2004 to 11 in 2008."
    got = rows(tmp_path, body)
    assert got["3"]["measure"] == "annual"  # events, not things that stand


def test_one_of_a_set_counts_the_set_standing(tmp_path):
    body = "The lab, which opened in 2008, is one of six joint laboratories in Hubei."
    assert row(tmp_path, body, "six")["measure"] == "level"
    body = "In 2008 the city had 7 incubators, out of 40 in the province."
    assert row(tmp_path, body, "40")["measure"] == "level"
    body = "In 2008 the city received 70 delegations, out of 400 in the province."
    assert row(tmp_path, body, "400")["measure"] == "annual"


# ---------------------------------------------------------------- session 10, round 8
def test_a_verb_of_intending_before_a_figure_sets_a_goal(tmp_path):
    for body, starts in (
        ("The academy expects its institutes to open 12 laboratories abroad this year.", "12"),
        ("The council's plan also foresees 30 exchange fellowships.", "30"),
        ("The foundation wants 400 visiting engineers in the province this year.", "400"),
        ("The bureau hopes to attract 90 million yuan of foreign funds this year.", "90"),
        ("The ministry has set a goal of 2,000 returnees a year.", "2,000"),
        ("The province intends to send about 700 engineers abroad this year.", "700"),
        ("The programme for 2010 provides for 250 places abroad.", "250"),
        ("Harbin has pledged to train 80 agronomists from Laos.", "80"),
    ):
        r = row(tmp_path, body, starts)
        assert (r["measure"], r["qualifier"]) == ("target", "target"), body


def test_what_happened_is_no_goal_after_a_contrast_or_an_expectation_past(tmp_path):
    body = "The fund planned to award 600 grants, but only 45 of its grantees had arrived."
    assert row(tmp_path, body, "600")["measure"] == "target"
    assert row(tmp_path, body, "45")["measure"] != "target"
    body = "The province received 320 foreign engineers this year, more than expected."
    assert row(tmp_path, body, "320")["measure"] != "target"
    body = "The academy's institutes opened 12 laboratories abroad this year."
    assert row(tmp_path, body, "12")["measure"] != "target"


def test_a_goals_by_date_after_the_page_dates_the_goals_after_it(tmp_path):
    body = (
        "The two sides will train 800 technicians by the end of 2014. "
        "The plan also foresees 20 joint laboratories."
    )
    r = row(tmp_path, body, "20")
    assert (r["measure"], r["year"]) == ("target", 2014)
    body = (
        "The two sides had trained 800 technicians by the end of 2009. "
        "The plan also foresees 20 joint laboratories."
    )
    r = row(tmp_path, body, "20")
    assert (r["measure"], r["year"]) == ("target", 2010)


def test_withdrawn_currencies_are_money(tmp_path):
    body = (
        "The Bonn ministry gave DM 7 million to the joint programme in 1993, and French "
        "firms sold licences worth 45 million French francs."
    )
    got = rows(tmp_path, body)
    assert got["DM 7"]["unit"] == "DEM"
    assert got["45 million"]["unit"] == "FRF"
    body = "The DM unit opened 7 offices in 1993."
    assert row(tmp_path, body, "7")["unit"] == "count"


# ---------------------------------------------------------------- session 11, round 10
def test_a_stay_told_in_a_dated_past_is_a_level_at_that_date(tmp_path):
    body = "About 4,800 Germans studied in China in 2008."
    r = row(tmp_path, body, "4,800")
    assert (r["measure"], r["year"], r["scope"]) == ("level", 2008, "foreign")
    body = "In the 2007/08 academic year, 5,200 Chinese citizens studied at Russian universities."
    r = row(tmp_path, body, "5,200")
    assert (r["indicator"], r["measure"], r["year"]) == ("students_abroad", "level", 2008)
    # other activities told of a year stay flows within it; a stay over a span is a total
    body = "In 2008 the institute hosted 95 visiting scholars from abroad."
    assert row(tmp_path, body, "95")["measure"] == "annual"
    body = "Between 1978 and the end of 2008 a total of 3.06 million Chinese studied overseas."
    r = row(tmp_path, body, "3.06")
    assert (r["measure"], r["year"]) == ("cumulative", 2008)
    # one that had studied and came back is counted by its own verb
    body = "In 2008, 432,500 Chinese who had studied abroad came back."
    assert row(tmp_path, body, "432,500")["measure"] == "annual"


def test_a_figure_after_each_year_or_an_annual_noun_is_annual(tmp_path):
    body = "Each year 200 to 300 European researchers come to work in Chinese institutes."
    r = row(tmp_path, body, "200")
    assert (r["indicator"], r["measure"]) == ("personnel_exchanges", "annual")
    body = "The Center has an annual budget of about 10 million euros."
    r = row(tmp_path, body, "10")
    assert (r["indicator"], r["measure"]) == ("coop_funding", "annual")
    # without it the same clauses are a standing count
    body = "Some 200 European researchers work in Chinese institutes."
    assert row(tmp_path, body, "200")["measure"] == "level"
    body = "The Center has a budget of about 10 million euros."
    assert row(tmp_path, body, "10")["measure"] == "level"
    # a report named annual dates nothing and says no kind of measure
    body = "The annual report says the Academy now runs 62 joint laboratories."
    assert row(tmp_path, body, "62")["measure"] == "level"


def test_money_pledged_for_each_year_is_annual_not_the_sum_committed(tmp_path):
    body = "The society will contribute 150,000 pounds a year to joint workshops."
    r = row(tmp_path, body, "150,000")
    assert (r["indicator"], r["measure"], r["year"]) == ("coop_funding", "annual", 2010)
    body = "The society will contribute 150,000 pounds to joint workshops."
    assert row(tmp_path, body, "150,000")["measure"] == "level"


def test_a_span_ending_in_part_of_a_year_is_a_running_total_to_that_year(tmp_path):
    body = "Between 1978 and mid-1985 China sent some 33,000 students and scholars abroad."
    r = row(tmp_path, body, "33,000")
    assert (r["indicator"], r["measure"], r["year"]) == ("students_abroad", "cumulative", 1985)
    body = (
        "The foundation supported 39 cooperative research projects with Chinese scientists "
        "from 1979 through fiscal year 1982."
    )
    r = row(tmp_path, body, "39")
    assert (r["indicator"], r["measure"], r["year"]) == ("coop_projects", "cumulative", 1982)
    assert (r["period_start"], r["period_end"]) == (1979, 1982)
    # a part of a year alone after a year opens no span ("in 2004 and 26 in mid-2005")
    body = "The ministry signed 14 agreements in 2004 and 26 in mid-2005."
    got = rows(tmp_path, body)
    assert (got["14"]["measure"], got["14"]["year"]) == ("annual", 2004)


def test_a_sum_a_copula_comes_to_in_a_year_is_annual_whatever_its_subject_names(tmp_path):
    body = "Funding for international cooperation at the institute reached 26 million yuan in 2008."
    r = row(tmp_path, body, "26")
    assert (r["indicator"], r["measure"], r["year"]) == ("coop_funding", "annual", 2008)
    body = (
        "In 2008 China's technology imports reached US$13.86 bln, and EU member states "
        "supplied 38 percent of this."
    )
    r = row(tmp_path, body, "US$13.86")
    assert (r["indicator"], r["measure"], r["year"]) == ("tech_import_value", "annual", 2008)
    # a count a copula comes to keeps the class of its subject: what stands once made
    body = "By the end of 2008 the number of joint laboratories at the institute reached 86."
    assert row(tmp_path, body, "86")["measure"] == "level"


def test_a_figure_told_in_the_present_after_now_is_a_level(tmp_path):
    body = "Its institutes are now carrying out around 300 joint projects with partners abroad."
    r = row(tmp_path, body, "300")
    assert (r["indicator"], r["measure"], r["year"]) == ("coop_projects", "level", 2010)
    body = "Chinese students in the Union now number about 250,000."
    r = row(tmp_path, body, "250,000")
    assert (r["indicator"], r["measure"], r["year"]) == ("students_abroad", "level", 2010)
    # without "now" the same verb keeps its reading; "so far" is a running total
    body = "The academy has so far carried out 300 joint projects with partners abroad."
    assert row(tmp_path, body, "300")["measure"] != "level"


# ------------------------------------------- session 13: the year a report reviews
def _page_rows(tmp_path: Path, page: str) -> dict[str, dict]:
    folder = tmp_path / "page"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "doc.txt"
    path.write_text(page, encoding="utf-8")
    doc = corpus.read_document(path)
    return {
        " ".join(doc.text[r["start"] : r["end"]].split()[:2]): r
        for r in facts.extract_facts(doc)
        if not r["derived_from"]
    }


def test_a_work_report_of_january_tells_the_year_before(tmp_path):
    body = (
        "Fellow deputies, in the past year the province pressed ahead with opening up. "
        "The province is now home to 17 national-level high-tech zones. Enterprises signed "
        "2,310 contracts for the import of technology. This year we will set up 20 more "
        "international joint research centres.\n"
    )
    head = "Report on the Work of the Laos Provincial Government\n{date}\n\n"
    got = _page_rows(tmp_path, head.format(date="2016-01-20") + body)
    assert got["17 national-level"]["year"] == 2015
    assert got["2,310 contracts"]["year"] == 2015
    assert got["20 more"]["year"] == 2016  # the goal is the year it is set for
    # the same report delivered in the autumn tells its own year
    got = _page_rows(tmp_path, head.format(date="2016-09-20") + body)
    assert got["17 national-level"]["year"] == 2016


def test_a_title_telling_a_year_in_figures_dates_its_now(tmp_path):
    page = (
        "Laos's science cooperation: 2015 in figures\n\nRelease date: 2016-01-18\n\n"
        "The province now hosts 31 national-level international S&T cooperation bases. "
        "It has been a year of steady progress for the province and its partners, and the "
        "department thanks all of them for their work in the course of the year.\n"
    )
    assert _page_rows(tmp_path, page)["31 national-level"]["year"] == 2015
    page = page.replace(": 2015 in figures", " at a Glance (2015)")
    assert _page_rows(tmp_path, page)["31 national-level"]["year"] == 2015


# ---------------------------------------------------------------- people placed
def test_people_placed_where_they_stand_are_a_level(tmp_path):
    body = (
        "After the events of June 1989 the Government allowed some 42,000 PRC nationals "
        "then in Brazil to remain."
    )
    assert row(tmp_path, body, "some", "1 May 1999")["measure"] == "level"
    body = "Polish students in China numbered 6,672 last year, the ministry said."
    assert row(tmp_path, body, "6,672")["measure"] == "level"
    body = "In 2006 there were about 9,000 Chinese scholars working in Germany."
    assert row(tmp_path, body, "about")["measure"] == "level"


def test_people_sent_or_counted_during_the_year_are_no_level(tmp_path):
    body = "In 2006 the ministry sent 4,000 scholars to universities in Germany."
    assert row(tmp_path, body, "4,000")["measure"] == "annual"
    body = "The number of foreign experts working in China in the year reached 21,500."
    assert row(tmp_path, body, "21,500", "1 May 1992")["measure"] == "annual"
    body = "The number of Polish students in China reached 41,677 in 2009."
    assert row(tmp_path, body, "41,677")["measure"] == "annual"


# ---------------------------------------------------------------- a dated past activity
def test_an_activity_in_a_dated_past_is_that_years(tmp_path):
    body = (
        "The university grew quickly in 2008. We employed 96 long-term foreign experts, "
        "most of them teaching languages."
    )
    assert row(tmp_path, body, "96")["measure"] == "annual"
    body = "About 6,000 foreign experts work in the province during the year."
    assert row(tmp_path, body, "About")["measure"] == "annual"
    body = (
        "In 2003 the ministry opened two offices. In the same year Jiangsu and Shanghai set "
        "up 15 and 22 international joint research centres respectively."
    )
    assert row(tmp_path, body, "15")["measure"] == "annual"
    body = "Germany, for example, funded about 170 projects under its bilateral agreement in 1998."
    assert row(tmp_path, body, "about")["measure"] == "annual"


def test_a_running_total_or_a_present_activity_is_no_years(tmp_path):
    body = (
        "The university grew quickly in 2008. By then it employed 96 long-term foreign "
        "experts in total so far."
    )
    assert row(tmp_path, body, "96")["measure"] == "level"
    assert row(tmp_path, "The institute hosts 120 joint centres.", "120")["measure"] == "level"


# ---------------------------------------------------------------- things newly made
def test_new_or_further_things_are_counted_within_their_period(tmp_path):
    body = "Two further protocols, on physics and on space, were signed at the same ceremony."
    assert row(tmp_path, body, "Two", "1 May 1979")["measure"] == "annual"
    body = "Fourteen new cooperation bases were set up, bringing the total to 76."
    assert row(tmp_path, body, "Fourteen")["measure"] == "annual"


def test_new_things_of_a_running_total_or_a_name_are_not(tmp_path):
    body = "The province has so far set up 14 new cooperation bases."
    assert row(tmp_path, body, "14")["measure"] != "annual"
    body = "Four New Zealand-China joint research centres support the work."
    assert row(tmp_path, body, "Four")["measure"] == "level"


@pytest.mark.parametrize(
    "head",
    [
        # the year before the report's kind
        "2009 Annual Summary of International Cooperation and Exchange",
        # the report's year before a colon and its part's name
        "Harbin Science Park Annual Report 2009: International Cooperation",
    ],
)
def test_a_report_named_by_its_year_in_other_orders_dates_its_now(tmp_path, head):
    body = "The park now hosts 14 joint laboratories, and its firms grew by 8 percent over 2008."
    assert _years_under(tmp_path, head, body)["14"] == 2009


def test_a_section_heading_in_capitals_names_the_year_it_reviews(tmp_path):
    body = (
        "I. MAIN WORK IN 2009\n\nThe park now hosts 14 joint laboratories.\n\n"
        "II. WORK PLAN FOR 2010\n\nThe park will set up 20 more laboratories."
    )
    got = _years_under(tmp_path, "Summary of Work in 2009 and Work Plan for 2010", body)
    assert got["14"] == 2009


def test_a_yearbooks_running_header_dates_its_pages_to_the_year_before(tmp_path):
    path = tmp_path / "yb.txt"
    path.write_text(
        "· 238 ·                                              VIENTIANE YEARBOOK 1996\n\n"
        "International Scientific and Technological Cooperation\n\n"
        "The province now has S&T exchanges with 54 countries and regions.\n\n"
        "· 239 ·                                              VIENTIANE YEARBOOK 1996\n\n"
        "Its institutes now host 12 joint laboratories with foreign partners.\n",
        encoding="utf-8",
    )
    doc = corpus.read_document(path)
    assert doc.published_year == 1996
    years = {r["quote"].split()[0]: r["year"] for r in facts.extract_facts(doc)}
    assert years["54"] == 1995 and years["12"] == 1995


def test_a_list_set_apart_under_its_announcing_sentence_takes_its_goal_and_span(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text(
        "Laos-Africa Science Partnership\n\nVientiane, 24 November 2009\n\n"
        "Today we present the partnership plan. In the next three years, Laos will:\n\n"
        "  - launch 100 joint research projects with African countries;\n"
        "  - receive 100 African post-doctoral researchers; and\n"
        "  - build 20 joint laboratories.\n",
        encoding="utf-8",
    )
    rows = facts.extract_facts(corpus.read_document(path))
    got = {r["quote"].split()[0]: (r["measure"], r["year"]) for r in rows}
    assert got["20"] == ("target", 2012)
    assert all(m == "target" for m, _y in got.values())


def test_a_year_in_a_phrase_of_a_line_taken_for_a_running_header_dates_nothing(tmp_path):
    # the items of a "Most viewed" list at a news page's foot, one naming a year in a phrase
    # ("born in 2016"), are no header naming the year the page reviews
    path = tmp_path / "news.txt"
    path.write_text(
        "Nation widens research ties abroad\n\n"
        "By Li Wen | Daily Courier | Updated: 2017-04-11 08:15\n\n"
        "The country has science and technology ties with 158 countries and regions, the "
        "minister said on Monday.\n\n"
        "Most viewed\n"
        " 1  Premier opens trade fair in Guangzhou\n"
        " 2  Tiger cubs born in 2016 meet the public\n"
        " 3  Rail line covers 1,200 km in 5 hours\n"
        " 4  Export orders top 300 billion yuan\n"
        " 5  City sees 4 C drop as storm arrives\n"
        " 6  Divers find 3 new species of coral\n",
        encoding="utf-8",
    )
    rows = facts.extract_facts(corpus.read_document(path))
    assert {r["quote"].split()[0]: r["year"] for r in rows}["158"] == 2017


def test_countries_a_count_has_ties_with_or_offices_in_are_a_level(tmp_path):
    # told in a dated past, the countries of ties or offices still stand (a level); those a
    # flow of people went to, and those signed with during the year, are that year's
    path = tmp_path / "city.txt"
    path.write_text(
        "Municipal Science Bureau: Work in 2008\n\n"
        "In 2008 the city ran 54 cooperation projects with partners in 17 countries. "
        "In 2008 counsellors served in 12 missions in 9 countries. "
        "In 2008 the city sent 300 students to study in 14 countries. "
        "During the year the city signed agreements with 3 countries.\n",
        encoding="utf-8",
    )
    rows = facts.extract_facts(corpus.read_document(path))
    got = {r["quote"].split()[0]: r["measure"] for r in rows}
    assert got["17"] == "level" and got["9"] == "level"
    assert got["14"] == "annual" and got["3"] == "annual"


def test_a_star_bulleted_items_year_dates_nothing_before_it(tmp_path):
    # a chronology set out as a list with stars: each entry's figure is its own year's,
    # never the next entry's
    path = tmp_path / "timeline.txt"
    path.write_text(
        "Laos–Russia science relations\n\nTimeline\n"
        " * 1995 – Intergovernmental agreement signed in Vientiane.\n"
        " * 1999 – First session of the joint commission approves 41 projects.\n"
        " * 2001 – Joint technology park founded.\n"
        " * 2008 – Year of Science; more than 150 scientific events held.\n"
        " * 2012 – Agreements on satellite research.\n",
        encoding="utf-8",
    )
    rows = facts.extract_facts(corpus.read_document(path))
    got = {r["quote"].split()[0]: r["year"] for r in rows}
    assert got["41"] == 1999
    assert got["more"] == 2008


def test_a_base_named_the_years_figure_dates_nothing(tmp_path):
    # "more than double the 1984 figure", "above the 2009 level": the base's year is not
    # the figure's
    path = tmp_path / "wire.txt"
    path.write_text(
        "Laos buys more technology\n\nVIENTIANE, Feb. 3, 1986\n\n"
        "Laos signed 840 technology import contracts in 1985. The number was more than "
        "double the 1984 figure, and the value of the contracts rose 35 percent above the "
        "1984 level.\n",
        encoding="utf-8",
    )
    rows = facts.extract_facts(corpus.read_document(path))
    got = {r["quote"].split()[0]: r["year"] for r in rows}
    assert got["more"] == 1985 and got["35"] == 1985


def test_the_multiple_verbs_come_from_the_lexicons_multiples(monkeypatch):
    # numbers.yaml multiples: an analyst who adds "quintupled" and "quintuple" gets the verb
    # and the base-form rules, not only the number
    import copy

    from analysis import config, references

    real = config.load_lexicon

    def fake(which, directory=None):
        lex = copy.deepcopy(real(which, directory))
        if which == "numbers":
            lex["multiples"].update({"quintupled": 5, "quintuple": 5})
        return lex

    for cache in (references.multiple_verb, references.base_multiple):
        cache.cache_clear()
    monkeypatch.setattr(config, "load_lexicon", fake)
    try:
        assert references.multiple_verb().fullmatch("more than quintupled")
        assert references.base_multiple().fullmatch("quintuple")
        assert references.multiple_verb().fullmatch("doubled")
        assert not references.base_multiple().fullmatch("twice")
    finally:
        monkeypatch.undo()
        for cache in (references.multiple_verb, references.base_multiple):
            cache.cache_clear()


# ---------------------------------------------------------------- a base up or down
@pytest.mark.parametrize("lead", ["down from", "compared with", "against"])
def test_a_base_larger_than_its_figure_takes_its_measure(tmp_path, lead):
    body = f"Korean students in China numbered 66,672 last year, {lead} 70,540 the previous year."
    got = rows(tmp_path, body)
    assert got["66,672"]["measure"] == "level"
    assert got["70,540"]["measure"] == "level"


def test_a_figure_with_a_clause_of_its_own_after_against_is_no_base(tmp_path):
    body = "In 2009, 4,300 students returned home, against 5,200 who left in that year."
    assert rows(tmp_path, body)["5,200 who"]["measure"] == "annual"


# ---------------------------------------------------------------- a parallel clause
def test_a_figure_whose_verb_is_left_out_takes_the_measure_of_the_one_before(tmp_path):
    body = (
        "Since 1978 China has sent some 38,000 students abroad. About 14,000 of them are in "
        "the United States; Japan hosts about 2,500 and West Germany about 1,800."
    )
    assert rows(tmp_path, body)["about 1,800"]["measure"] == "level"


def test_a_name_and_a_figure_after_and_is_counted_as_the_figure_before(tmp_path):
    body = (
        "Zhejiang signed 950 technology import contracts in 2008. Hangzhou, the provincial "
        "capital, registered 211 of the province's technology import contracts, and Ningbo 96."
    )
    assert rows(tmp_path, body)["96"]["measure"] == "annual"


def test_a_later_clause_with_a_verb_of_its_own_keeps_its_measure(tmp_path):
    body = (
        "Since 1978 China has sent some 38,000 students abroad. About 14,000 of them are in "
        "the United States, and Japan has received about 1,800."
    )
    assert rows(tmp_path, body)["about 1,800"]["measure"] == "cumulative"


@pytest.mark.parametrize(
    ("body", "starts", "measure"),
    [
        # posts in international bodies: taken over the years, a running total ...
        ("Since 1978, 293 Chinese scientists have taken the position of councilors in "
         "international scientific organizations at different periods.", "293", "cumulative"),
        # ... held at a date, a standing count
        ("Chinese scientists now hold 289 leading posts in international S&T organisations.",
         "289", "level"),
        ("Chinese scientists held 267 posts in international science organisations at "
         "year's end in 2009.", "267", "level"),
        ("We have joined more than 200 international organizations, and 1,080 Chinese experts "
         "serve in leading positions in them.", "1,080", "level"),
    ],
)  # fmt: skip
def test_posts_held_at_a_date_are_a_level(tmp_path, body, starts, measure):
    r = row(tmp_path, body, starts)
    assert (r["indicator"], r["measure"]) == ("intl_org_positions", measure)


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # a stock counted at two dates, by a copula with its "to": levels
        ("The number of S&T diplomats abroad rose from 52 in 1980 to 112 in 1990.",
         {"52": "level", "112": "level"}),
        ("The number of S&T diplomats abroad rose to 112 in 1990.", {"112": "level"}),
        # a flow at two dates stays a count within each year
        ("The number of students sent abroad rose from 860 in 1978 to 3,000 in 1990.",
         {"860": "annual", "3,000": "annual"}),
    ],
)  # fmt: skip
def test_a_stock_moved_between_two_dates_is_a_level_at_each(tmp_path, body, want):
    got = rows(tmp_path, body)
    assert {q.split()[0]: r["measure"] for q, r in got.items()} == want


def test_each_year_opening_a_clause_makes_its_figure_annual(tmp_path):
    body = "Each year China now invites 2,000 to 3,000 foreign experts for long-term work."
    assert row(tmp_path, body, "2,000")["measure"] == "annual"


def test_a_return_ratio_and_a_decade_it_is_compared_with(tmp_path):
    body = (
        "In 2016 some 544,500 Chinese left to study abroad and 432,500 came home - a return "
        "ratio of about 79 percent, unthinkable in the 1990s."
    )
    date = "12 March 2017"
    got = rows(tmp_path, body, date)
    came = row(tmp_path, body, "432,500", date)
    ratio = row(tmp_path, body, "79", date)
    assert came["indicator"] == ratio["indicator"] == "returnees"
    assert (ratio["measure"], ratio["year"]) == ("share", 2016)
    assert len(got) == 3


@pytest.mark.parametrize(
    ("body", "starts", "date", "year"),
    [
        # a subordinate clause's year before its comma is its own, not the main clause's
        ("Whereas fewer than 100 Chinese students were in the FRG in 1979, about 9,500 "
         "students and scholars from the PRC were registered there in 1992.", "9,500", None,
         1992),
        ("Whereas fewer than 100 Chinese students were in the FRG in 1979, about 9,500 "
         "students and scholars from the PRC were registered there in 1992.", "fewer than",
         None, 1979),
        # (after sentences of its paragraph before it)
        ("The survey was long. It had many parts. Whereas fewer than 100 Chinese students were "
         "in the FRG in 1979, about 9,500 students and scholars from the PRC were registered "
         "there in 1992.", "9,500", None, 1992),
        # a standing count now; a later verb in the past, joined by "and", dates only itself
        ("China now has 152 partner countries and signed its first agreement with France in "
         "1978.", "152", None, 2010),
        ("The CAE has so far signed agreements with 36 academies in 24 countries, and joined "
         "the International Council of Academies of Engineering in 1997.", "24", None, 2010),
        # (a flow told in the past shares the year its conjunct names)
        ("China sent 3,000 students abroad and received 500 scholars in 1985.", "3,000", None,
         1985),
        # a comparison's base year, "per cent." written with a stop before it
        ("At present there are about 3,800 Chinese students at British universities, an "
         "increase of 40 per cent. on 1992.", "3,800", None, 2010),
        # a move's base dated "at the start of" a year dates only the base
        ("By March 1980 the number of Chinese scholars in American universities had risen "
         "from fewer than 100 at the start of 1979 to about 2,300.", "about 2,300",
         "12 June 1980", 1980),
        ("By March 1980 the number of Chinese scholars in American universities had risen "
         "from fewer than 100 at the start of 1979 to about 2,300.", "fewer than",
         "12 June 1980", 1979),
        # a member singled out after a count dates only itself
        ("China hosts four Sino-Russian technology parks, the oldest being the Changchun park "
         "opened in 1998.", "four", None, 2010),
    ],
)  # fmt: skip
def test_a_year_in_the_sentence_that_is_not_the_figures(tmp_path, body, starts, date, year):
    assert row(tmp_path, body, starts, date or "12 March 2010")["year"] == year


def test_a_plan_named_by_its_ordinal_dates_its_figures_by_its_period(tmp_path):
    # the Seventh Five-Year Plan ran 1986-1990: what was done in it is a total to its end
    got = row(
        tmp_path,
        "During the Seventh Five-Year Plan period China signed 1,200 technology import contracts.",
        "1,200",
        date="3 March 1992",
    )
    assert (got["measure"], got["year"]) == ("cumulative", 1990)
    # ... and what will be done in it a target of its end
    got = row(
        tmp_path,
        "During the Eighth Five-Year Plan, China will send 15,000 scholars abroad.",
        "15,000",
        date="3 March 1992",
    )
    assert (got["measure"], got["year"]) == ("target", 1995)


def test_a_later_conjuncts_next_year_stays_its_own_across_a_line_break(tmp_path):
    # (a hard-wrapped page breaks its line after the comma)
    body = (
        "China has signed agreements with 43 countries since it opened its doors,\n"
        "and plans to send another 3,000 scholars abroad next year."
    )
    got = row(tmp_path, body, "43", date="14 November 1984")
    assert (got["measure"], got["year"]) == ("level", 1984)


def test_a_since_year_after_a_later_conjuncts_figure_is_its_own(tmp_path):
    body = (
        "China sent 2,600 students abroad in 1983, and a total of 16,500 students have gone "
        "abroad since 1978."
    )
    assert row(tmp_path, body, "16,500", date="14 November 1984")["measure"] == "cumulative"
    # (a "since" of a clause of its own after a dash is that clause's)
    body = "In 2012, 399,600 went abroad to study, while 272,900 returned - a gap that has narrowed since the mid-2000s."
    assert row(tmp_path, body, "272,900", date="12 March 2013")["year"] == 2012


def test_a_since_year_after_a_relative_clause_is_the_main_verbs(tmp_path):
    body = (
        "China sent 2,600 students abroad in 1983, and 16,500 students who went abroad have "
        "studied there since 1978."
    )
    assert row(tmp_path, body, "16,500", date="14 November 1984")["measure"] == "cumulative"


def test_a_verb_joined_to_a_perfect_shares_its_present(tmp_path):
    body = (
        "Imports reached US$ 86 million in 2008, up 23 percent from a year earlier.\n\n"
        "Nationwide, China has established relations with 152 countries and regions and "
        "signed agreements with 97 of them, the ministry said."
    )
    got = row(tmp_path, body, "97", date="18 November 2009")
    assert (got["year"], got["measure"]) == (2009, "level")
    # (a sentence in the simple past goes on with the year before)
    body = body.replace("has established", "established")
    assert row(tmp_path, body, "97", date="18 November 2009")["year"] == 2008


def test_a_sum_of_the_year_told_without_its_year_is_annual(tmp_path):
    body = (
        "The province imported 146 items of technology during the year, with a contract "
        "value of US$310 million."
    )
    assert row(tmp_path, body, "US$310")["measure"] == "annual"


def test_a_year_of_another_list_item_that_closes_or_dates_a_name_dates_no_figure(tmp_path):
    body = (
        "RESEARCH\n- 9 joint research centres, including a demonstration park in Almaty, "
        "opened in 2017\n- 47 international cooperation projects under way\n"
        "- Scholarships: the foundation supported 4,800 students in 2016.\n"
        "- Universities: 1,400 partnerships"
    )
    got = rows(tmp_path, body, date="5 June 2018")
    assert got["47 international"]["year"] == 2018
    assert got["1,400"]["year"] == 2018
    # (a slide's items without their own full stop go on with the year before)
    body = "Programme\n- 500 young scientists hosted in 2017\n- Visitors from 38 countries"
    assert row(tmp_path, body, "38", date="5 June 2018")["year"] == 2017


def test_a_later_list_items_year_dates_no_item_above_it(tmp_path):
    body = (
        "Partner universities          140 (in 35 countries)\n"
        "Joint research centres        9 with partners abroad\n"
        "Students sent abroad          830 in 2008\n\n"
        "The university has welcomed partners from every region of the world since it opened."
    )
    assert row(tmp_path, body, "140")["year"] == 2010  # the page's, not the row below's
    assert row(tmp_path, body, "9")["year"] == 2010
    assert row(tmp_path, body, "830")["year"] == 2008


def test_an_academic_years_two_years_in_full_are_one_year_no_period(tmp_path):
    """ "(academic year 2016-2017)" over a fact box: the labs it lists stand at 2017, no
    running total over a period."""
    body = (
        "KEY FIGURES (academic year 2016-2017)\n"
        "Partner universities: 140\n"
        "Joint research centres: 7\n"
    )
    got = rows(tmp_path, body, date="3 October 2017")
    assert (got["7"]["measure"], got["7"]["year"]) == ("level", 2017)


# ---------------------------------------------------------------- a fact box's noun-only rows
def test_a_fact_box_row_labelled_by_a_noun_is_a_standing_count(tmp_path):
    body = (
        "KEY FIGURES (academic year 2008-2009)\n"
        "Partner universities: 126\n"
        "International students: 1,450\n"
        "Home countries of international students: 86\n"
        "Students sent abroad in 2008: 962\n"
        "Visiting scholars received per year: about 210\n"
    )
    got = rows(tmp_path, body)
    assert got["126"]["measure"] == "level"
    assert got["1,450"]["measure"] == "level"
    assert got["86"]["measure"] == "level"
    # a label with a verb, a year or a rate of its own counts a flow
    assert got["962"]["measure"] == "annual"
    assert got["about 210"]["measure"] == "annual"


@pytest.mark.parametrize(
    "body, starts, want",
    [
        # a sum no rule reads at its verb is a flow of the page's year: a trade's worth
        ("Technology export contracts numbered 11,276 and were worth US$26.02 billion, up 6.3 "
         "percent.", "US$26.02", "annual"),
        # ... but a cost, a budget or the size of a programme stands
        ("Construction is estimated to cost 4.6 billion euros.", "4.6 billion", "level"),
        ("The lab joined a consortium bidding for money from Horizon 2020, the European "
         "Union's €77 billion research programme.", "€77 billion", "level"),
    ],
)  # fmt: skip
def test_a_sum_without_its_own_verb_is_a_flow_unless_it_is_a_size(tmp_path, body, starts, want):
    assert row(tmp_path, body, starts)["measure"] == want


@pytest.mark.parametrize(
    "body, starts, want",
    [
        # money that will be given over a span told again ("over the same period") or named
        # by what it goes to ("the two-year survey") is a goal to that span's end
        ("Belgium will contribute 4.2 million euros to the laboratory over five years, and "
         "the NSFC will put in RMB 30 million over the same period.", "RMB 30",
         ("target", 2015)),
        ("The foundation will put 25 million rupees into the two-year survey.", "25 million",
         ("target", 2012)),
    ],
)  # fmt: skip
def test_money_given_over_a_span_told_again_or_by_its_object_is_a_goal(
    tmp_path, body, starts, want
):
    got = row(tmp_path, body, starts)
    assert (got["measure"], got["year"]) == want


@pytest.mark.parametrize(
    "body, starts, want",
    [
        # "since" as an adverb ("since then", "has since", "... since.") runs a total from a
        # time told before to the page's date, whatever year the sentence before named
        ("Qingdao and Halifax became friendship cities in 1995. Since then some 36 "
         "delegations, totalling 410 persons, have been exchanged.", "410",
         ("cumulative", 2010)),
        ("The two countries signed their agreement in 1987, and the joint commission has met "
         "19 times since.", "19", ("cumulative", 2010)),
        ("In 1994 the institute became an affiliated centre of the ICGEB, which has since "
         "provided US$150,000 for a joint vaccine study.", "US$150,000", ("cumulative", 2010)),
        # ... or to the year the sentence names after it
        ("The joint committee has since met fourteen times, most recently in Helsinki in "
         "November 2008.", "fourteen", ("cumulative", 2008)),
    ],
)  # fmt: skip
def test_since_as_an_adverb_runs_a_total_to_the_pages_date(tmp_path, body, starts, want):
    got = row(tmp_path, body, starts)
    assert (got["measure"], got["year"]) == want


@pytest.mark.parametrize(
    "body, starts, want",
    [
        # a base after a hedge ("just", "only") or a span back ("five years earlier") is of the
        # standing count it is compared with: its indicator, a level too
        ("The province now has 11 international S&T cooperation bases, up from just two in "
         "2004.", "two", ("coop_bases", "level")),
        ("The academy now runs 40 joint laboratories abroad, up from 12 five years earlier.",
         "12", ("joint_research_centers", "level")),
    ],
)  # fmt: skip
def test_the_base_of_a_standing_count_is_of_its_kind(tmp_path, body, starts, want):
    got = row(tmp_path, body, starts)
    assert (got["indicator"], got["measure"]) == want


def test_a_decade_of_a_comparison_base_dates_the_base_alone(tmp_path):
    body = (
        "The spokesman said China now has intergovernmental science and technology agreements "
        "with 54 countries, against fewer than 20 at the end of the 1970s, and sends an average "
        "of 3,000 students and visiting scholars abroad a year."
    )
    got = rows(tmp_path, body, "17 April 1986")
    base = next(r for q, r in got.items() if q.startswith("fewer"))
    later = next(r for q, r in got.items() if q.startswith("3,000"))
    # (the base is of what it is compared with; the figure after it keeps the page's year)
    assert (base["indicator"], base["year"]) == ("intergov_agreements", 1979)
    assert later["year"] == 1986


@pytest.mark.parametrize(
    "body, starts, want",
    [
        # a verb in its base form after the figure's plural noun is the figure's verb: posts
        # held now are a standing count
        ("Some 2,000 Chinese scientists hold posts in international scientific organisations.",
         "Some 2,000", "level"),
        ("CAST now belongs to 246 international organisations, and 338 Chinese scientists "
         "hold posts in them.", "338", "level"),
        # (not after a possessive: "of its own researchers travelled" in 1995 is that year's)
        ("In 1995, 6,200 of its own researchers travelled abroad.", "6,200", "annual"),
    ],
)  # fmt: skip
def test_a_base_verb_after_a_plural_noun_is_the_figures_verb(tmp_path, body, starts, want):
    assert row(tmp_path, body, starts)["measure"] == want


def test_the_perfect_of_a_verb_of_paying_is_the_clauses_verb(tmp_path):
    # (not the participle of the aside before it: "launched in 1996" dates the name)
    r = row(
        tmp_path,
        "The Chunhui Programme, launched in 1996, has paid for 3,600 short visits home by "
        "Chinese scholars working overseas.",
        "3,600",
    )
    assert (r["measure"], r["year"]) == ("cumulative", 2010)
    r = row(tmp_path, "In 2008 the bank lent 300 million dollars to the academy.", "300")
    assert (r["measure"], r["year"]) == ("annual", 2008)


def test_in_the_year_with_its_number_is_that_year_not_a_years_narrative(tmp_path):
    r = row(
        tmp_path, "Since its opening in the year 2000 the center has financed 700 events.", "700"
    )
    assert (r["measure"], r["period_start"]) == ("cumulative", 2000)
    r = row(tmp_path, "During the year the academy received 300 foreign scholars.", "300")
    assert r["measure"] == "annual"


def test_since_then_after_the_figure_closes_its_running_total(tmp_path):
    # (the year before it is the earlier conjunct's: "was set up in 1996")
    r = row(
        tmp_path,
        "The programme was set up in 1996 and has sent more than 600 scholars abroad since then.",
        "more than",
    )
    assert (r["measure"], r["year"]) == ("cumulative", 2010)
    r = row(tmp_path, "The programme sent 40 scholars abroad in 1997.", "40")
    assert (r["measure"], r["year"]) == ("annual", 1997)


def test_last_year_as_a_changes_base_dates_the_figures_to_this_year(tmp_path):
    # (what is compared with last year is this year's; so are the clauses after it and the
    # sentence that follows)
    body = (
        "Some 125,000 Chinese students went overseas this year, up 49 percent on last year, "
        "while about 18,000 came back. Since 1978 a total of 580,000 people have gone abroad, "
        "of whom some 150,000 have returned."
    )
    got = rows(tmp_path, body)
    assert got["about 18,000"]["year"] == 2010
    assert got["some 150,000"]["year"] == 2010
    r = row(tmp_path, "The centre signed 38 contracts, up 27 percent on last year.", "38")
    assert (r["measure"], r["year"]) == ("annual", 2010)
    # a sentence naming its year keeps it; last year stays a year where nothing compares
    r = row(tmp_path, "In 2007 it signed 38 contracts, up 27 percent on last year.", "38")
    assert r["year"] == 2007
    r = row(tmp_path, "The centre signed 38 contracts last year.", "38")
    assert r["year"] == 2009


def test_a_span_named_by_its_length_and_last_year(tmp_path):
    # (a past span is a period, its running total over it; one running on past the page's
    # date is a goal's, told by its end)
    body = "In the two decades to 1998 China signed about 26,000 technology import contracts."
    r = row(tmp_path, body, "about 26,000")
    assert (r["measure"], r["year"], r["period_start"]) == ("cumulative", 1998, 1979)
    r = row(tmp_path, "Over the five years to 2008 China sent 5,000 scholars abroad.", "5,000")
    assert (r["measure"], r["year"], r["period_start"]) == ("cumulative", 2008, 2004)
    body = (
        "Britain will spend 200 million pounds on research with China over the five years to 2012."
    )
    r = row(tmp_path, body, "200 million")
    assert (r["measure"], r["year"]) == ("target", 2012)


def test_a_multiple_after_a_stated_base_moves_the_figure_compared(tmp_path):
    body = (
        "In 1996 the Foundation funded 612 international cooperation projects, compared with "
        "only 86 in 1987 -- a seven-fold increase."
    )
    got = rows(tmp_path, body, "12 March 1997")
    r = got["seven-fold"]
    assert (r["year"], r["period_start"], r["indicator"]) == (1996, 1987, "coop_projects")
    # (the base is stated: no baseline row is derived from the multiple)
    rows_all = facts.extract_facts(corpus.read_document(tmp_path / "one" / "doc.txt"))
    assert sum(1 for r in rows_all if r["derived_from"]) == 0
    # (a figure after "from" with no year of its own is where from, no base: the multiple
    # stays with the figure right before it)
    body = (
        "In 1996 China sent 300 scholars abroad and received visitors from 40 countries, a "
        "fourfold increase."
    )
    got = rows(tmp_path, body, "12 March 1997")
    assert got["fourfold"]["counted"] == got["40"]["counted"]
    assert got["fourfold"]["period_start"] is None


def test_a_goal_list_takes_the_year_its_lead_sets(tmp_path):
    # the items name no year; the sentence leading into them does: each goal is that year's,
    # not the page's, nor the year the review before it spoke of
    body = (
        "By the end of 2010 China had signed 104 intergovernmental agreements.\n\n"
        "Targets of the Twelfth Five-Year Plan\n\n"
        "The following targets have been set for 2015:\n\n"
        "  (1) the number of national international cooperation bases will reach about 400;\n"
        "  (2) the number of intergovernmental agreements will rise to 115."
    )
    got = rows(tmp_path, body, date="March 2011")
    assert got["about 400"]["measure"] == "target"
    assert got["about 400"]["year"] == 2015
    assert got["115"]["year"] == 2015
    assert got["104 intergovernmental"]["year"] == 2010


def test_a_standing_count_beside_a_goal_keeps_the_pages_year(tmp_path):
    # the goal is the other clause's: "takes part in" is told of the page's date
    got = rows(
        tmp_path,
        "In 2016 the ministry set its goals for 2020. China already takes part in more than "
        "30 international marine organisations, and we will support island scientists in them.",
        date="5 May 2017",
    )
    assert got["more than"]["year"] == 2017


@pytest.mark.parametrize(
    ("body", "starts", "year"),
    [
        # a span back from the page's date, opening the figure's sentence or after its noun
        ("Five years ago the centre had only 12 partner institutes.", "12 partner", 2005),
        ("China had S&T agreements with 30 countries ten years ago.", "30 countries", 2000),
        # ... is the page's year's count when it is a comparison's base ("more than") or
        # a clause of "now" follows it
        ("The society belongs to 232 organisations, 17 more than five years ago.", "17", 2010),
        ("Five years ago the centre had 12 partner institutes; today it has 48.", "48", 2010),
    ],
)
def test_a_span_back_from_the_page_dates_the_figure_it_governs(tmp_path, body, starts, year):
    assert row(tmp_path, body, starts)["year"] == year


@pytest.mark.parametrize(
    ("body", "starts", "year", "measure"),
    [
        # a part set after its whole with a year of its own words: the part's, not the whole's
        (
            "Since 2001 the fund has approved 560 projects, 84 of them last year.",
            "560",
            2010,
            "cumulative",
        ),
        (
            "Since 2001 the fund has approved 560 projects, 84 of them last year.",
            "84",
            2009,
            "annual",
        ),
        (
            "The fund has approved 560 projects since 2001, 84 of them last year.",
            "84",
            2009,
            "annual",
        ),
        (
            "Some 2,700 African scientists have attended courses in China since 2004, 640 of them "
            "in 2008 alone.",
            "Some 2,700",
            2010,
            "cumulative",
        ),
        # (a part's later clause gives the whole no year of the part's: "after 2010" is none)
        (
            "Some 300 officials have been trained since 1995, nearly half of them after 2008.",
            "Some 300",
            2010,
            "cumulative",
        ),
    ],
)
def test_a_part_after_its_whole_keeps_its_own_year(tmp_path, body, starts, year, measure):
    got = row(tmp_path, body, starts)
    assert (got["year"], got["measure"]) == (year, measure)


# ------------------------------------------------------------ a count's change and its level
@pytest.mark.parametrize(
    "body, starts, want",
    [
        # "by" after a verb of change: the count's change; the level it reached stands apart
        (
            "The number of national international S&T cooperation bases rose by 71 to 346 in 2009.",
            "71",
            ("change", None),
        ),
        (
            "The number of national international S&T cooperation bases rose by 71 to 346 in 2009.",
            "346",
            ("level", None),
        ),
        (
            "The number of joint projects increased by some 40 during the year to 210.",
            "some 40",
            ("change", None),
        ),
        # ends close together after "by" are a range of the change
        ("Technology exports grew by 20 to 30 percent in 2009.", "20 to", ("change", 30)),
    ],
)
def test_a_count_after_a_verb_of_change_and_by_is_its_change(tmp_path, body, starts, want):
    got = row(tmp_path, body, starts)
    high = got.get("high")
    assert (got["measure"], None if high is None or high != high else high) == want


# ---------------------------------------------------------------- a box of labelled figures
def test_a_box_lines_take_the_period_of_the_boxs_heading(tmp_path):
    # each line of the box is a sentence of its own, dated by the period its heading names
    body = (
        " -------------------------------------------\n"
        "| SCIENCE EXCHANGES IN FIGURES, 1978-1990   |\n"
        "|                                           |\n"
        "| Scientists sent abroad: about 4,200       |\n"
        "| Joint research projects: 85               |\n"
        "| Partner academies abroad: 23              |\n"
        " -------------------------------------------"
    )
    got = rows(tmp_path, body, date="5 March 1991")
    assert {got[q]["year"] for q in ("about 4,200", "85", "23")} == {1990}
    # (running totals over the period; a line's figure is not the next line's label's)
    assert (got["about 4,200"]["measure"], got["85"]["measure"]) == ("cumulative", "cumulative")
    assert got["85"]["scope"] == "national"


def test_a_box_lines_year_dates_its_own_figure_only(tmp_path):
    # a line without a year is a standing count at the box's date, whatever year the line
    # before it names ("(2014): 420")
    body = (
        "Copied from the office's page (figures as of end-2014):\n"
        "Partner universities: 251\n"
        "Exchange students from Taiwan (2014): 420\n"
        "Foreign experts and teachers on campus: 280"
    )
    got = rows(tmp_path, body, date="5 March 2015")
    assert (got["420"]["year"], got["280"]["year"]) == (2014, 2014)
    assert got["280"]["measure"] == "level"
