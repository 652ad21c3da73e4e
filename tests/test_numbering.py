"""Numbers that number or time things (analysis/numbering.py) give no row; the figures beside
them do. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import corpus, facts

CORPUS = Path(__file__).parent / "corpus" / "docs"


def values(tmp_path: Path, body: str) -> list[float]:
    path = tmp_path / "doc.txt"
    path.write_text(f"A Report on Cooperation\n\n{body}\n", encoding="utf-8")
    return [r["value"] for r in facts.extract_facts(corpus.read_document(path))]


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # clock times and timecodes, in a line of prose
        ("At 14:35 the minister said China had sent 320 students to Kenya.", [320]),
        ("[00:02:18] WANG: This year we trained 1,200 engineers from Africa.", [1200]),
        ("The sessions ran 09:00–10:30 and 13:30–15:00, and 45 agreements were signed.", [45]),
        ("The meeting opened at 10.00 a.m. and approved 14 joint projects.", [14]),
        ("- Trade delegation arrives in Beijing (1104 GMT)\n- Story moved at 0412 EST; 14 "
         "joint projects approved.", [14]),
        ("After the news at 9 o'clock, eleven o’clock and 7 o' clock the minister said "
         "China had sent 300 students abroad.", [300]),
        # a physical quantity's units: no figure (a yield "per" hectare and an area stay)
        ("The 400 MW plant burns 13 million tonnes of coal a year beside the 125 petaflops "
         "machine; China sent 300 engineers.", [300]),
        ("Yields reached 9.8 tons per hectare on 250,000 hectares.", [9.8, 250000]),
        # a name's numbers joined by "+" ("the 16+1 mechanism"; not "500+ scientists")
        ("Under the 16+1 mechanism China set up 12 joint centres.", [12]),
        # a table's unit of ten thousand, in its caption or its unit column
        ("Main indicators, 2017 (unit: 10,000 yuan / person-times)\n\nJoint projects   "
         "45   52", [45, 52]),
        ("Students going abroad          10,000 persons      52.37    54.45", [52.37, 54.45]),
        # a year cut to its last two digits after an apostrophe
        ("Class Notes '58-'62: Li Wei '86 hosted 40 Chinese scholars.", [40]),
        # a measurement with its tolerance; a duration in working days
        ("Kept at 20 ± 0.5 degrees, the lab answers within 3 working days and hosted 40 "
         "Chinese scholars.", [40]),
        # an exchange rate
        ("The yuan stood at 1.98 to the dollar, or 8.28 yuan per US dollar later; China "
         "signed 40 contracts.", [40]),
        # a part's number, a label's number, a page range
        ("Photo 3/12: delegates sign 6 agreements in Yinchuan.", [6]),
        ("Question No. 20417 asked how many of the 850 scholars had returned.", [850]),
        ("Table 4 shows that 2,300 returnees joined the park (see pp. 112-118).", [2300]),
        ("Slide 5 of 14: the fund supported 260 projects.", [260]),
        # a site's counters, with or without a colon
        ("The post on 410 new laboratories drew 2,311 views and 12 likes.", [410]),
        ("Subscribers: 3,412. The programme funded 75 fellowships.", [75]),
        # a telephone number, a street number, a chart's axis
        ("Call the office on +86 10 6559 2800 about the 40 places for visiting scholars.", [40]),
        ("The centre at 83 Shuangqing Road hosts 120 foreign researchers.", [120]),
        ("Y axis: 0  10  20  30. Exports of technology grew 18 percent.", [18]),
        # an address's street with an ordinal, a postcode after its city or state
        ("The office at 210 West 12th Street hosts 35 visiting scholars.", [35]),
        ("Write to Example Press, 8 Lake Road, Hanoi 100015, for the 60 grants.", [60]),
        ("Example Mission, Boston, MA 02110, placed 25 Chinese interns.", [25]),
        # a record's field "No.:", a cover's copy number, a report's number, a counter
        ("Parl No.: 40. The scheme funded 19 joint projects.", [19]),
        ("Copy 318 of the report counts 4,500 students abroad.", [4500]),
        ("Report ER 81-10077 counts 6,200 scholars sent abroad.", [6200]),
        ("The answer drew 37 upvotes and named 90 returnees.", [90]),
        # an article's number, a quake's magnitude, a rank
        ("Under Art. 1 of the treaty 30 projects were listed.", [30]),
        ("After the magnitude 7.3 quake, China sent 12 engineers.", [12]),
        ("The university, ranked 25 in Asia, hosts 40 visiting scholars.", [40]),
        # telephone numbers: a country's code over groups of one digit or the trunk's "(0)", a
        # trunk prefix before eight digits, any groups after a telephone's label, an extension
        ("Press Office  |  T +33 1 44 96 51 51. The centre hosts 40 visiting scholars.", [40]),
        ("Press officer: J. Smit, +31 (0)15 278 4259. It trained 25 engineers.", [25]),
        ("The park hosts 120 returnees. Enquiries: 010-88828512.", [120]),
        ("Letters: news@example.org  |  Fax: 2565 1622", []),
        ("The bureau, tel (861) 532 1921, counted 70 contracts.", [70]),
        ("Call Tel. (86-10) 6532-3831 ext. 6218 about the 15 grants.", [15]),
        # a site's counters: a label opening its field, a share of votes
        ("All rights reserved.  Visitors: 3,475,112\n\nChina sent 30 students.", [30]),
        ("Results Found: 27\n\nChina sent 30 students abroad.", [30]),
        ("312 Comments   Share   Report   94% Upvoted\n\nIt sent 30 students.", [30]),
        # a document's number after its series' code, a field of its own
        ("NSF 92-331" + " " * 30 + "Human Resources\n\nChina sent 30 students.", [30]),
        ("Human Resources for Science" + " " * 20 + "NSF 93-303\n\nIt sent 30 students.", [30]),
        ("JPRS 76112\n\nChina sent 30 students abroad.", [30]),
        ("China sent 30 students abroad.\n\nCSO: 4005/0917", [30]),
        # a label's short form with its point, in any case, keeps its number (no sentence
        # ends at "Ep." or "NO."): an episode's, a bulletin's, a column's number
        ("Most listened: Speak Chinese Ep. 88 on the 40 scholarships.", [40]),
        ("XINHUA NEWS BULLETIN NO. 8173 -- 30 STUDENTS LEFT FOR JAPAN.", [30]),
        ("Continued on Page 9, Col. 3 of the report on 25 joint labs.", [25]),
        # a temperature: degrees with their scale, or the weather before them ("awarded 300
        # degrees" counts degrees)
        ("On a day of 34 degrees Centigrade, 12 physicists waited for visas.", [12]),
        ("WEATHER, PEKING: CLOUDY, MINUS 8 DEGREES. 40 STUDENTS LEFT.", [40]),
        ("The weather tomorrow: sunny, 18 degrees. It sent 30 students.", [30]),
        ("The university awarded 300 degrees to foreign students.", [300]),
        # a journal's volume and issue before its year, a chapter's pages after its book's
        # imprint ("Germany 450 (2010)" in a table counts)
        ("See D. Zweig, China Quarterly 215 (2013), on the 60 returnees.", [60]),
        # a note's volume, year and pages
        ("The lab hosted 60 returnees.\n\n[1] Nan R. et al., Int. J. Mod. Phys. D 20 (2011), "
         "989-1024.\n[3] Qin H. Journal of Glaciology 38 (1992): 45-61.", [60]),
        ("Orleans, Journal of Northeast Asian Studies 4:4 (1982), counted 90 visits.", [90]),
        ("Goldman (ed.), Science in Post-Mao China (Cambridge, MA, 1989), 45-76.", []),
        ("Students sent in 2010: Germany 450 (2010) and France 120 (2010).", [450, 120]),
        # a person's age after "the age of", "at age"; a person's family
        ("Professor Lin, who died at the age of 78, trained 40 technicians from Nigeria.", [40]),
        ("From the age of seven she lived in Hunan; at age 30 she led 12 joint projects.", [12]),
        ("She is survived by her husband, two sons and 3 grandchildren; 60 experts attended.",
         [60]),
        # a year of another calendar's era (dated by it: tests/test_years_measures.py)
        ("In Showa 55 (1980) the society sent 12 researchers, and in Heisei 4 it hosted 8 "
         "fellows; the works, founded in Minguo 36, trained 40 engineers.", [12, 8, 40]),
        # a line or a row of a page or a table
        ("Page 2, paragraph 3, line 4: for 340 joint projects read 430.", [340, 430]),
        ("In row 5 of the table the ministry counts 52 agreements.", [52]),
    ],
)  # fmt: skip
def test_numbering_gives_no_row(tmp_path: Path, body: str, kept: list[float]) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a sum at a rate per a short span or per person: a price, a fee or a wage
        ("She lives on a stipend of $650 a month and works for $3.50 an hour.", []),
        ("Then $69 per month. The fund supported 75 fellowships.", [75]),
        ("My salary (about 15,000 yuan a month) goes far; 30 of us came back.", [30]),
        ("Chinese cooking class, $12 per person", []),
        # ... a sum a year is a figure, and so is a count per month
        ("The two universities each contribute $2 million a year.", [2_000_000]),
        ("The centre received 40 visitors a month.", [40]),
        # a small sum without a scale word: a price or a fare
        ("Reporters were charged 5 yuan for a printed text; the paper costs £14.50.", []),
        ("The fund gave US$1.2 million to the centre and 800 yuan to its librarian.",
         [1_200_000]),
        ("Awards of US$5,000 each went to 12 teams.", [5000, 12]),
    ],
)  # fmt: skip
def test_a_price_or_a_wage_gives_no_row(tmp_path: Path, body: str, kept: list[float]) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a count of days, weeks, hours: a duration
        ("Visitors stayed from two weeks to a full academic year; 1,020 came.", [1020]),
        ("Stays last two to six weeks.", []),
        ("Waits fell to an average of 14 days for the 64,000 visas.", [64000]),
        ("The lab is open 24 hours and hosts 30 visiting scholars.", [30]),
        # ... a span in a compound is no number at all; a figure beside a span stays
        ("The 5-day workshop trained 40 engineers.", [40]),
        ("Six days later, 30 scientists arrived.", [30]),
    ],
)  # fmt: skip
def test_a_duration_gives_no_row(tmp_path: Path, body: str, kept: list[float]) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # what looks like a label or a counter but counts
        ("Scientists of the academy made 18,650 visits abroad in 2009.", [18650]),
        ("The new building has room for 200 researchers.", [200]),
        ("In 2014 the park hosted 75 firms from 12 countries.", [75, 12]),
        # a period in brackets and a figure after it are no telephone number
        ("The Seventh Framework Programme (2007-2013) funded 383 organisations.", [383]),
        # a city's figure of that size is written with its thousands apart or stands in prose
        ("Beijing 100000 people", [100000]),
        ("In 2010, Shanghai hosted 120000 visitors.", [120000]),
        # an item's label inside its line counts ("Foreign visitors: 1,200")
        ("Key figures:\nForeign visitors: 1,200\nJoint projects: 30", [1200, 30]),
        # a currency's code before a sum standing as its own field is no series' code
        ("Costs:\nUSD 2000\n\nChina sent 30 students.", [2000, 30]),
    ],
)
def test_figures_beside_such_words_stay(tmp_path: Path, body: str, kept: list[float]) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # the parties named before, counted again after a determiner: a reference
        ("Since 1979 the two countries have signed 17 protocols.", [17]),
        ("Our two governments agreed to exchange 40 scientists a year.", [40]),
        ("The three sides will hold a forum and fund 12 projects.", [12]),
        ("THE TWO GOVERNMENTS SIGNED 5 PROTOCOLS.", [5]),
        # ... but a count of parties without one stays a figure
        ("Two countries joined the programme in 2009, and 14 sent experts.", [2, 14]),
        ("The five state-level zones hired 30 engineers.", [5, 30]),
        # any pair named before, counted again: "the two universities"
        ("The two universities have each committed 40 scholarships.", [40]),
        ("In 1998 the two academies signed 3 protocols.", [3]),
    ],
)  # fmt: skip
def test_the_parties_counted_again_are_no_figure(
    tmp_path: Path, body: str, kept: list[float]
) -> None:
    assert values(tmp_path, body) == kept


def test_the_fast_tests_change_no_answer(monkeypatch) -> None:
    """numbering_at with its fast tests (``_may_*``) and without them, on every number of
    the development corpus and on the sentences above."""
    import re

    from analysis import numbering

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    numbers = re.compile(r"\d[\d,]*(?:\.\d+)?")
    spots = [(t, m.start(), m.end()) for t in texts for m in numbers.finditer(t)]
    fast = [numbering.numbering_at(t, a, b, 0, len(t)) for t, a, b in spots]
    for name in ("_may_label", "_may_line", "_may_phone", "_may_phone_digits"):
        monkeypatch.setattr(numbering, name, lambda *args: True)
    plain = [numbering.numbering_at(t, a, b, 0, len(t)) for t, a, b in spots]
    assert len(spots) > 3000 and fast == plain


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a number word with a capital inside a name
        ("It served the Four Modernizations and trained 300 engineers.", [300]),
        ("Engineers of the Three Gorges project hosted 45 visiting scientists.", [45]),
        # ... but it counts at a sentence's start or in a headline set in capitals
        ("Seventeen member states have signed agreements with China.", [17]),
        ("China Signs Four Agreements With Kenya. They cover energy.", [4]),
    ],
)
def test_a_capitalised_number_word_inside_a_name(tmp_path: Path, body: str, kept: list) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a person's age between commas or after "aged"
        ("Wang Li, 52, said the centre trained 140 engineers.", [140]),
        # ... or after a person's post, before a comma or the sentence's stop
        ("The centre trained 140 engineers, says its deputy director, 61.", [140]),
        ("A physicist, 45, who runs the lab said 30 projects are under way.", [30]),
        ("The author, 54, is a professor who has led 12 joint projects.", [12]),
        ("A Filipino farmer, 52, who switched to a Chinese hybrid, said 30 villages did.", [30]),
        # (a place's figure after a comma stays: "Kenya, 12.")
        ("Joint labs in 2010: Kenya, 12. Ghana, 14.", [12, 14]),
        ("In the spring, aged 49, she led 12 delegations abroad.", [12]),
        # an age limit a posting sets, and a language test's score
        ("Applicants must be aged 45 or under (counsellor posts: 50 or under) and have led "
         "12 projects.", [12]),
        ("Candidates need IELTS 6.5 or above, or a TOEFL score of 90, and have led 3 projects.", [3]),
        ("Applicants need TOEFL 90 or an HSK band 5 and have led 4 projects.", [4]),
        # the size of a ranking's head is no count
        ("Japan, Germany and the United States were the three largest sources, supplying "
         "1,200 contracts.", [1200]),
        ("The top five provinces signed 48 agreements; Hohai ranks among the top 10.", [48]),
        # (not a verb ending on "aged": "has engaged 40 of them")
        ("Peking University alone has engaged 40 of them.", [40]),
        ("The scheme, for scientists under 35, brought 600 of them home.", [600]),
        # a North American telephone number; a ZIP code after a state written with points
        ("Write to the office, Washington, D.C. 20005, or call (202) 555-0143 about the 30 "
         "fellowships.", [30]),
        # a house number after its street's name; a postcode before its city
        ("The centre, which moved to Jianguomenwai Dajie 21, 100600 Beijing\nlast spring, "
         "now hosts 45 researchers from abroad.", [45]),
        ("Write to the centre at\nJianguomenwai Dajie 21\nabout the 45 places.", [45]),
        # a file's size; a code of several points; a slide's number with spaces
        ("The annual report (PDF, 2.3 MB) lists 310 joint projects.", [310]),
        ("The accord (SR 0.123.456.7) covers 18 fields.", [18]),
        # a floor's number; a book's pages and a page reference
        ("Registration opens on Level 3 for the 500 delegates.", [500]),
        ("The book (xii + 310 pp.) counts 9,000 scholars, as the table on p. 45 shows.", [9000]),
        # a page cited after its author and year, a comma between them inside the brackets
        ("Some 86,000 items had been recovered (Liu and Sato 2006, 77) by 2018.", [86000]),
        ("In May 2006, 77 scientists visited the institute.", [77]),
    ],
)  # fmt: skip
def test_session8_numbering_gives_no_row(tmp_path: Path, body: str, kept: list[float]) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a place before a figure, a month before a day, a figure with its thousands apart
        ("In Shanghai, 25 firms joined the park.", [25]),
        ("By October, 31 teams had applied.", [31]),
        ("Students under 30 percent of the quota came from 18 countries.", [30, 18]),
        ("The State, 25,000 by their families and 2,000 by their employers.", [25000, 2000]),
        ("The park's budget rose to 1.5 million yuan.", [1.5e6]),
    ],
)
def test_session8_figures_beside_such_forms_stay(
    tmp_path: Path, body: str, kept: list[float]
) -> None:
    assert values(tmp_path, body) == kept


def test_session8_a_slide_counted_with_spaces_is_numbering() -> None:
    from analysis import numbering

    text = "[Slide 4 / 10] The fund backed 65 projects."
    for number in ("4", "10"):
        at = text.index(number)
        assert numbering.numbering_at(text, at, at + len(number), 0, len(text))
    at = text.index("65")
    assert not numbering.numbering_at(text, at, at + 2, 0, len(text))


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a sitting's clock with one digit for its minutes; a clock with its zone
        ("4.9 p.m.\n\nBaroness Example asked how many of the 60 fellows had come home.", [60]),
        ("The call at 09.30 GMT approved 44 projects in Laos.", [44]),
        # office hours with points, a span of quarter hours; a share's range stays
        ("Call the office (Mon-Fri 9.00-16.00): it has funded 44 projects in Laos.", [44]),
        ("Opening hours: 08.30 – 12.00. The fund grew by 1.00-1.50 percent in Laos.", [1.0]),
        # a site's counter bar: the reactions before the comments, a label before its dot;
        # a page's hit counter
        ("👍 2,310 · 41 comments · 7 reposts. The lab hosts 18 visiting scholars.", [18]),
        ("The post (Like · 16) says the lab hosts 18 visiting scholars.", [18]),
        ("This page has been viewed 9,804 times. It lists 75 exchange programmes.", [75]),
        # a page cited after its author and year; a journal's volume and page
        ("The first 90 trainees went to Laos (Example 1983: 77), and 40 more followed "
         "(Sample et al. 1990: 12-14).", [90, 40]),
        ("Example Journal 212, 845 (9 May 2014). The survey counted 3,100 returnees.", [3100]),
        # a programme's running time in minutes and seconds; a station's frequency
        ("Running time: 27'40\" The two sides run 12 joint projects in Laos.", [12]),
        ("The talk (6′42″) was on 91.5 FM and 101 FM: Laos hosts 30 joint labs.", [30]),
        # a bloc's members as a known set; a count of some of them stays
        ("Trade between China and the ten member states of ASEAN rose. The EU's 28 Member "
         "States keep embassies. Seventeen EU member states have S&T agreements with China.",
         [17]),
    ],
)  # fmt: skip
def test_r2_clocks_counters_and_citations_give_no_row(
    tmp_path: Path, body: str, kept: list[float]
) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a year and a colon before a figure; a count before a year in brackets; a figure
        # before a comment count of its own sentence
        ("In 1997: 4 agreements were signed with Laos.", [4]),
        ("It sent 23 (1981) and 40 (1982) engineers to Laos.", [23, 40]),
        ("The lab hosts 18 scholars · 3 of them from Laos.", [18, 3]),
    ],
)
def test_r2_figures_beside_such_forms_stay(tmp_path: Path, body: str, kept: list[float]) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a date written with slashes gives no row; a part of a whole is left to its own rule
        ("Laos signed 4 agreements (release of 05/24/99).", [4]),
        ("Laos signed 4 agreements, released 3/4/2001 in the capital.", [4]),
    ],
)
def test_r3_a_slash_date_gives_no_row(tmp_path: Path, body: str, kept: list[float]) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a report's numbered recommendation; a project's number; a bibliography's pages; a
        # post's counters
        ("Recommendation 12\nThe Committee recommends 30 more scholarships for Laos.", [30]),
        ("Project number        104233\nThe project trained 45 Lao chemists.", [45]),
        ("Final report (1994), 96 p.\nThe report counts 12 joint projects in Laos.", [12]),
        ("The lab hosts 18 scholars from Laos.\n\n2.3K claps    41 responses", [18]),
    ],
)
def test_r4_labels_and_counters_give_no_row(tmp_path: Path, body: str, kept: list[float]) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a writer's own circle and age in a post: no row; the figures beside them stay
        ("Of my 6 classmates in Leeds, 4 are back in Laos now. Laos sent 3,100 students abroad.",
         [3100]),
        ("I'm 31 and still deciding. Laos has 45 joint labs.", [45]),
        ("Reply from chem_fan\n    Our lab at LAS: 7 people, 2 came back from Leeds.\n"
         "The Academy runs 62 joint labs.", [62]),
        # a university's own figures in a writer's words stay
        ("At my own university, 41 of the 63 new professors came from abroad.", [41, 63]),
    ],
)  # fmt: skip
def test_r4_a_writers_own_circle_gives_no_row(tmp_path: Path, body: str, kept: list[float]) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a site's counters cut short by thousands: no row
        ("Laos sent 3,100 students abroad. ▲ 4.7K upvotes", [3100]),
        ("Laos has 45 joint labs (3.1k shares).", [45]),
        # a post's reactions, marks and counts alone on their line: no row; a highlight's
        # arrow or star before a figure with its words stays
        ("2/7 Laos now has 11 joint labs.\n♡ 156  ⟲ 41  💬 9\n3/7 Laos sent 386 experts.", [11, 386]),
        ("Highlights\n▲ 14% more joint papers\n★ 12 joint labs opened in Laos", [14, 12]),
        # a time zone's offset: no row
        ("Laos has 45 joint labs. Deadline: 15 March 2019, 17:00 (UTC+8).", [45]),
        # a house number in a German street's compound name: no row
        ("Laos has 45 joint labs.\nLaosstraße 7, 53113 Bonn", [45]),
        # scaled figures with their units stay
        ("Laos built a 4.7 km road and spent 2.5 million dollars.", [4.7, 2500000]),
    ],
)  # fmt: skip
def test_r5_a_short_counters_and_street_numbers_give_no_row(
    tmp_path: Path, body: str, kept: list[float]
) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("Document No.: Laowaisi Ke [2004] 046\nLaos sent 3,100 students abroad.", [3100]),
        ("LAS Notice No. [2004] 12    Issued: 2004-05-09\nLaos has 45 joint labs.", [45]),
        ("Lao Fa [2004] No. 44\nLaos has 45 joint labs.", [45]),
        # a year in brackets before a count in a sentence stays a figure's year
        ("In the plan year [2004] 45 labs opened in Laos.", [45]),
    ],
)  # fmt: skip
def test_r5_a_chinese_document_numbers_give_no_row(
    tmp_path: Path, body: str, kept: list[float]
) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a postcode ending an address's line with its stop; a database's word count
        ("Laos has 45 joint labs. Address: No. 9 Lane Xang Avenue, Vientiane 100044.", [45]),
        ("Laos has 45 joint labs, the ministry said. [Word count 318]", [45]),
    ],
)  # fmt: skip
def test_r5_a_postcode_at_the_stop_and_word_count_give_no_row(
    tmp_path: Path, body: str, kept: list[float]
) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a house number after its street's name: before a field's bar, at the sentence's stop,
        # after a name opened by its street word
        ("The 45 labs met in the Ministry's hall, Rue de la Paix 31.", [45]),
        ("Laos signed 45 accords at the Palazzo, Via Nazionale 9, with Italy.", [45]),
        # a writer's own age
        ("I was 41 when I moved to Laos, where our lab hosted 45 chemists.", [45]),
        # a rule's age limit: "must be under", a bracket's bound where the sentence says "age"
        ("Applicants must be under 45, and Laos will fund 30 of them.", [30]),
        ("Fellows shall be under 40 years of age (under 50 for deans); Laos funds 30.", [30]),
        # a database record's place among those found; a serial's issue with its year
        ("Hits for: laos   Entry 4 of 19   < Back\nLaos has 45 joint labs.", [45]),
        ("Laos has 45 joint labs.\nDocument 6 of 21 >>", [45]),
    ],
)  # fmt: skip
def test_r7_streets_ages_records_and_issues_give_no_row(
    tmp_path: Path, body: str, kept: list[float]
) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a record and a count after "record"; a share that must stay under a bound
        ("Laos hosted a record 3,400 chemists in 2014.", [3400]),
        ("The share of imports must be under 30 percent, and Laos has 45 labs.", [30, 45]),
        # an issue a figure speaks of; a year after a street's name in prose
        ("The number of chemists rose to 45, and 12 labs opened in 2014.", [45, 12]),
        ("Laos funded 12 labs on the Avenue in 2014.", [12]),
    ],
)  # fmt: skip
def test_r7_figures_beside_such_forms_stay(tmp_path: Path, body: str, kept: list[float]) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("line", "number"),
    [
        # a house number before a field's bar, a Dutch postcode, a serial's issue with its year
        ("Laos Institute | Chemieweg 12 | 3500 GK Utrecht | Laos", "12"),
        ("Laos Institute | Chemieweg 12 | 3500 GK Utrecht | Laos", "3500"),
        ("Laos Desk, P.O. Box 44, 3500 GK Utrecht, for the 45 labs", "3500"),
        ("Lao Science Review, Issue 3, 2016, pp. 5-9", "3"),
    ],
)
def test_r7_a_house_number_postcode_and_issue_number_are_numbering(line: str, number: str) -> None:
    from analysis import numbering

    at = line.index(number)
    assert numbering.numbering_at(line, at, at + len(number), 0, len(line))


def test_r7_a_count_before_such_words_is_no_numbering() -> None:
    from analysis import numbering

    for line, number in [
        ("Laos opened 3500 labs, Utrecht said", "3500"),
        ("The issue 3 labs raised, 2016", "3"),
    ]:
        at = line.index(number)
        assert not numbering.numbering_at(line, at, at + len(number), 0, len(line))


@pytest.mark.parametrize(
    ("line", "number"),
    [
        # a postcode after its city before a telephone's field, or opening its line's city
        ("No. 1 Lane Xang Avenue, Vientiane 100600   Tel: (010) 8531-9800", "100600"),
        ("Vientiane 100600. Tel. +856 21 8531 2000", "100600"),
        # a postcode before its city, the country closing the line
        ("Lane Xang Avenue 83, Chanthabouly District, 100085 Vientiane, Laos", "100085"),
        # a house number before a pinyin street's name of many syllables or a glued one
        ("Laos Office, 3 Dong Zhi Men Nan Da Jie, Beijing", "3"),
        ("Laos Embassy, 3 Sanlitun Dongsanjie, Chaoyang District, Beijing", "3"),
    ],
)
def test_an_addresss_postcode_and_pinyin_street_number_are_numbering(
    line: str, number: str
) -> None:
    from analysis import numbering

    at = line.index(number)
    assert numbering.numbering_at(line, at, at + len(number), 0, len(line))


def test_a_count_before_a_city_or_a_plain_name_is_no_numbering() -> None:
    from analysis import numbering

    for line, number in [
        ("In Vientiane 100600 people work in labs.", "100600"),
        ("Laos sent 3 Sanlitun scholars to Beijing in 2014.", "3"),
        ("Vientiane hosted 45 chemists.", "45"),
    ]:
        at = line.index(number)
        assert not numbering.numbering_at(line, at, at + len(number), 0, len(line))


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a table of contents and the sections it lists, numbered without a point
        (
            "Contents\n  1 History\n  2 Partners\n  3 See also\n\n1 History\n\n"
            "Laos signed 12 agreements in 2004.\n\n2 Partners\n\nLaos has 45 partners.",
            [12, 45],
        ),
        # a lone section's number before an article
        ("3 The scale of Lao chemistry\n\nLaos has 45 joint labs.", [45]),
    ],
)  # fmt: skip
def test_a_sections_bare_number_gives_no_row(tmp_path: Path, body: str, kept: list[float]) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a count opening its line: a sentence, or a heading with no neighbour numbered so
        ("12 Lao chemists went abroad in 2004.\n\nLaos has 45 labs.", [12, 45]),
        ("45 Joint Labs Opened\n\nLaos has 45 labs.", [45, 45]),
    ],
)  # fmt: skip
def test_a_count_opening_its_line_stays(tmp_path: Path, body: str, kept: list[float]) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # an age or an anniversary a body reaches, in figures or in words
        ("The Lao-German College turns 20 as Laos signs 12 new accords.", [12]),
        ("The centre turned twenty this year, and Laos has 45 labs.", [45]),
        # ... but a count after the verb stays
        ("The college turned 500 applicants away in 2014.", [500]),
    ],
)  # fmt: skip
def test_an_age_a_body_turns_gives_no_row(tmp_path: Path, body: str, kept: list[float]) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("MONDAY, 18 OCTOBER\n\nThe forum hosted 40 firms.", [40]),
        ("TOKYO, 12 DEC (KYODO) -- JAPAN WILL SEND 30 EXPERTS.", [30]),
        ("REF: BEIJING 1234 OF 30 MAR 87\n\nChina sent 12 students.", [12]),
        # a month's name in capitals before a day: "MAY 4"; but "30 MAY RETURN" is no date
        ("ON OCTOBER 8 THE TWO SIDES SIGNED 5 PROTOCOLS.", [5]),
    ],
)  # fmt: skip
def test_a_day_beside_a_month_in_capitals_is_no_figure(
    tmp_path: Path, body: str, kept: list[float]
) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a broadcast script's running times, a wire's clock with its zone, a schedule's gmt
        ("SOUNDBITE (:22) The deputy director said China had sent 300 scientists abroad.", [300]),
        ("The feed ran at 0700 ET; the programme is repeated at 0930 gmt. 20 projects were "
         "approved.", [20]),
        ("The line covers the distance in about 7 min 20 s. Germany trained 40 engineers.", [40]),
        # the weather: a scale's letter alone after a word of it, or "it is ... degrees"
        ("Wx for Beijing Monday: clear, high 15 C. China signed 12 agreements.", [12]),
        ("I know it is 29 degrees outside. We hosted 45 scientists.", [45]),
        ("It was 14 degrees and raining when 45 scientists arrived.", [45]),
        # a machine's energy, a thing's size, also after a range or a size's other sides
        ("The collider runs at 2.2 billion electron volts in the 3 to 5 GeV range; China "
         "sent 150 physicists abroad.", [150]),
        ("The tunnel is 240 metres (787 feet) around, the box 18 × 12 × 8 mm; 30 experts "
         "came.", [240, 30]),
        # ages: the second of two, and a record's field
        ("The craftsmen, aged 71 and 68, showed their looms to 30 visiting experts.", [30]),
        ("<record><employer>Xiamen University</employer><age>63</age></record>\n\nThe "
         "university hosted 12 visiting scholars.", [12]),
        # a blog's or a forum's bar of counters
        ("Blog of Lin Haitao (technology broker)  |  Posts: 214  |  Visits: 86,402\n\n"
         "At the expo 56 technology transfer agreements were signed.", [56]),
        ("Online now: 1,873 users | Your last visit: yesterday\n\nThe university has 251 "
         "partner universities.", [251]),
        # a footnote's mark raised by a caret
        ("Central funding came to about 330 million yuan a year.^2 China hosted 40 scholars.",
         [330000000, 40]),
    ],
)  # fmt: skip
def test_s38_running_times_weather_sizes_and_ages_give_no_row(
    tmp_path: Path, body: str, kept: list[float]
) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # degrees a university awards, and a clause of "it is" that counts
        ("It is now 300 degrees a year that the university awards to Chinese students.", [300]),
        ("The university awarded 120 degrees to Chinese students.", [120]),
        # a range of counts, and an area planted, stay
        ("China sent 3 to 5 experts to each of 12 sites on 250,000 hectares.", [3, 12, 250000]),
    ],
)  # fmt: skip
def test_s38_counts_beside_such_words_stay(tmp_path: Path, body: str, kept: list[float]) -> None:
    assert values(tmp_path, body) == kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a speed, a distance in miles, an area in square kilometres: no figure of cooperation
        ("The train reached 431 km/h on the line, and 25 German engineers took part.", [25]),
        ("The reserve covers 50 square kilometres; 12 Chinese experts work there.", [12]),
        ("The two cities are 300 miles apart and run 9 joint projects.", [9]),
        # an area planted stays a figure
        ("Chinese hybrid rice was grown on 20,000 hectares in 2001.", [20000]),
        # a body's own staff and rooms: no figure
        ("The office's science division has 6 staff in two rooms and hosted 40 scholars.", [40]),
        ("The Office of Global Engagement has 52 staff; it signed 12 agreements.", [12]),
        ("The station has 63 employees and two berths; 540 trainees have attended.", [540]),
        # ... but staff sent, trained or from abroad, and a mission's science staff, are figures
        ("The Academy sent 74 staff abroad and trained 60 of its own staff in Japan.", [74, 60]),
        ("ITER has 600 staff from the seven members.", [600, 7]),
        ("The section at the Chinese Embassy in Stockholm has 3 staff.", [3]),
    ],
)  # fmt: skip
def test_s39_distances_speeds_and_a_bodys_staff_give_no_row(
    tmp_path: Path, body: str, kept: list[float]
) -> None:
    assert values(tmp_path, body) == kept
