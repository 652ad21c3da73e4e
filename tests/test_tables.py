"""Tables set out as aligned plain text (analysis/tables.py; DESIGN.md, facts): a cell is read
by its row label, its column header, its table's caption and unit line."""

from __future__ import annotations

from pathlib import Path

from analysis import corpus, facts
from analysis.tables import find_cells

_YEARS = """Report on Technology Trade

12 March 2012

Table 3. Technology Import Contracts, 2009-2011
                                              Unit: item; US$ million
-----------------------------------------------------------------------
 Year     Number of        Contract       Growth of contract
          contracts        value          value (%)
-----------------------------------------------------------------------
 2009       9,964           21,570            -20.5
 2010      11,253           25,640             18.9
 2011      11,839           32,160             25.4
-----------------------------------------------------------------------
 Total     33,056           79,370               --
-----------------------------------------------------------------------
"""

_PARTNERS = """Report on Technology Trade

12 March 2004

Table 2. China's technology imports by source, 2003
Source            Contracts    Value (US$ billion)    Share of value (%)
European Union      2,146           5.42                   40.3
Japan               1,871           3.21                   23.9
"""


def _rows(tmp_path: Path, page: str) -> dict[str, dict]:
    path = tmp_path / "doc.txt"
    path.write_text(page, encoding="utf-8")
    doc = corpus.read_document(path)
    return {doc.text[r["start"] : r["end"]]: r for r in facts.extract_facts(doc)}


def test_a_table_of_years_reads_each_cell_by_its_row_and_column(tmp_path):
    got = _rows(tmp_path, _YEARS)
    count, value, growth = got["9,964"], got["21,570"], got["-20.5"]
    assert (count["indicator"], count["year"], count["unit"]) == (
        "tech_import_contracts",
        2009,
        "count",
    )
    assert (value["indicator"], value["year"], value["unit"], value["value"]) == (
        "tech_import_value",
        2009,
        "USD",
        21570e6,
    )
    assert (growth["indicator"], growth["measure"], growth["unit"], growth["value"]) == (
        "tech_import_value",
        "change",
        "percent",
        -20.5,
    )
    total = got["33,056"]
    assert (total["measure"], total["year"]) == ("cumulative", 2011)


_INDICATOR_ROWS = """Statistical Communique on Technology Trade

20 March 2012

In 2011 the commerce authorities registered 11,839 technology import contracts, and the
value of the contracts was up on the year before. The main indicators of the trade for the
three years are given in the table below, as the ministry reported them.

Main indicators, 2009-2011

Indicator                                   2009      2010      2011
------------------------------------------------------------------------
Technology import contracts (number)        9,964    11,253    11,839
Import contract value (US$ 100 million)     215.7     256.4     321.5
Export contract value (US$ 100 million)     118.3     163.4     188.9
------------------------------------------------------------------------
"""


def test_rows_of_contract_value_in_a_scaled_unit_are_exact_money_of_their_trade(tmp_path):
    got = _rows(tmp_path, _INDICATOR_ROWS)
    # "Import contract value" (a contract, singular) is what the imports are worth, and
    # 256.4 times US$ 100 million is 25,640 million exactly, no float noise
    value = got["256.4"]
    assert (value["indicator"], value["unit"], value["year"]) == ("tech_import_value", "USD", 2010)
    assert value["value"] == 25640000000
    assert got["163.4"]["indicator"] == "tech_export_value"
    assert got["163.4"]["value"] == 16340000000
    # ... and a unit written "bln" is billions
    bln = _rows(tmp_path, _INDICATOR_ROWS.replace("(US$ 100 million)", "(US$ bln)    "))
    assert bln["256.4"]["value"] == 256400000000


_FACT_BOX = """A Decade of Open Doors

12 June 1995

Zhou spends three months a year abroad, and his laboratory has grown a great deal since the
early 1980s, when it owned one imported spectrometer.

+-------------------------------------------------+
|  CHINA'S S&T COOPERATION AT A GLANCE (1994)     |
|  Intergovernmental S&T agreements ...... 91     |
|  Chinese S&T diplomats abroad .......... 107    |
+-------------------------------------------------+

Zhou now heads a laboratory at Peking University with forty staff.
"""


def test_a_fact_box_counts_standing_things_as_levels_at_its_year(tmp_path):
    got = _rows(tmp_path, _FACT_BOX)
    for figure, indicator in (("91", "intergov_agreements"), ("107", "st_diplomats")):
        row = got[figure]
        assert (row["indicator"], row["measure"], row["year"]) == (indicator, "level", 1994)


def test_a_table_by_partner_takes_its_caption_and_year(tmp_path):
    got = _rows(tmp_path, _PARTNERS)
    assert (got["2,146"]["indicator"], got["2,146"]["year"]) == ("tech_import_contracts", 2003)
    assert (got["5.42"]["indicator"], got["5.42"]["value"]) == ("tech_import_value", 5.42e9)
    assert (got["40.3"]["measure"], got["40.3"]["unit"]) == ("share", "percent")


def test_prose_and_a_lone_row_are_no_table():
    page = "China signed 12 agreements in 2010.\nPage 3    of the report      14\n"
    assert find_cells(page) == []
    head = "Item      2008      2009\nProjects   436       508\nExperts    2 845     3 126\n"
    cells = find_cells(head)
    assert [c.number for c in cells] == ["436", "508", "2 845", "3 126"]
    assert [c.header for c in cells[:2]] == ["2008", "2009"]


_CHARTS = """Outbound study and technology trade

The report traces the flows of people and technology since 2000.

Figure 3. Chinese students going abroad, thousands
  2001 | #####                              84.0
  2006 | ##############                    134.0
  2011 | ##########################        339.7
  Source: Ministry of Education.

    THE PRICE OF KNOW-HOW
    Technology import contracts, value in US$ billion
       2002 ......... 17.4
       2003 ......... 13.5
    Source: ministry of commerce

Contents
  Students abroad ...................  4
  Technology trade ..................  9
"""


def test_a_charts_data_set_out_as_text_reads_by_its_caption(tmp_path):
    # a numbered figure's rows of years take their caption's indicator and scale; an
    # unnumbered caption right over rows set out with dot leaders does the same; a table
    # of contents' dot leaders make no table
    got = _rows(tmp_path, _CHARTS)
    students = got["134.0"]
    assert (students["indicator"], students["year"], students["value"], students["unit"]) == (
        "students_abroad",
        2006,
        134000,
        "count",
    )
    value = got["13.5"]
    assert (value["indicator"], value["year"], value["value"], value["unit"]) == (
        "tech_import_value",
        2003,
        13.5e9,
        "USD",
    )
    assert all(r["indicator"] == "unclassified" for q, r in got.items() if q in ("4", "9"))


_TWO_POPULATIONS = """Exchanges with the West

The flow of people abroad grew quickly once the policy changed, as Table 4 shows.

   Table 4. Scholars and students sent abroad and returned,
            1979-1983 (persons)

      Year          Sent abroad        Returned
      ----          -----------        --------
      1979             1,650              310
      1980             2,010              455
      1981             2,870              720

Most of those sent abroad went to the United States.
"""


def test_a_caption_naming_its_columns_reads_each_column_by_its_own_words(tmp_path):
    # the caption's second line opens with its years ("1979-1983 (persons)"): no numbered
    # caption of its own; each column is the caption's words up to its head
    got = _rows(tmp_path, _TWO_POPULATIONS)
    assert (got["2,010"]["indicator"], got["2,010"]["year"]) == ("students_abroad", 1980)
    assert (got["720"]["indicator"], got["720"]["year"]) == ("returnees", 1981)


def test_a_page_that_is_a_table_keeps_its_rows(tmp_path):
    # a table right under the title and at the page's foot is no block of links: its rows
    # stay and are read
    page = _TWO_POPULATIONS.replace(
        "The flow of people abroad grew quickly once the policy changed, as Table 4 shows.\n\n",
        "",
    ).replace("\nMost of those sent abroad went to the United States.\n", "")
    got = _rows(tmp_path, page)
    assert (got["2,010"]["indicator"], got["2,010"]["year"]) == ("students_abroad", 1980)
    assert len([q for q in got if q in ("1,650", "310", "2,010", "455", "2,870", "720")]) == 6


_BOTH_WAYS = """Bulletin on Technology Trade

15 March 2005

The number of technology import contracts registered in the country rose again in the year,
and the value of the contracts for the export of technology grew strongly as well. Most of
the exports went to Asia, and most of the imports came from the European Union and Japan.

Table 1  Technology import and export contracts, 2003-2004
--------------------------------------------------------------------
 Year    Import contracts   Import value    Export contracts   Export value
         (number)           (US$ billion)   (number)           (US$ billion)
--------------------------------------------------------------------
 2003        7,130             13.45             2,645            10.71
 2004        8,605             13.86             3,127            12.05
--------------------------------------------------------------------
"""


def test_a_column_header_naming_its_own_count_outranks_a_caption_naming_both(tmp_path):
    got = _rows(tmp_path, _BOTH_WAYS)
    assert (got["7,130"]["indicator"], got["7,130"]["year"]) == ("tech_import_contracts", 2003)
    assert got["13.86"]["indicator"] == "tech_import_value"
    assert got["3,127"]["indicator"] == "tech_export_contracts"
    assert got["12.05"]["indicator"] == "tech_export_value"


_LABEL_UNITS = """Cooperation in figures

20 May 2011

Table 1. International cooperation, 2008-2010

                                        2008      2009      2010
  Projects funded                        431       520       612
  Funds allocated (RMB 10,000)         1,120     1,480     1,860
  Technology imports ($ billion)        27.1      21.5      25.6
  Share of imports from the EU (%)      30.2      28.9      27.4
  Visitors received (person-times)      18,044    19,377    21,506
"""


def test_a_row_labels_bracket_gives_its_cells_unit_and_scale_and_is_no_figure(tmp_path):
    got = _rows(tmp_path, _LABEL_UNITS)
    funds, imports, share = got["1,120"], got["21.5"], got["28.9"]
    assert (funds["unit"], funds["value"], funds["year"]) == ("CNY", 11_200_000, 2008)
    assert (imports["indicator"], imports["unit"], imports["value"], imports["year"]) == (
        "tech_import_value",
        "USD",
        21.5e9,
        2009,
    )
    assert share["unit"] == "percent"
    # a count unit in the bracket tells what is counted: visits, person by person
    assert got["19,377"]["indicator"] == "personnel_exchanges"
    assert "RMB 10,000" not in got and "10,000" not in got


def test_a_fact_boxs_rows_set_out_with_dot_leaders_read_by_their_labels(tmp_path):
    page = (
        "Opening the Laboratory Doors\n\n"
        "China's cooperation grew fast in the year, officials said on Monday in Beijing.\n\n"
        "CHINA'S S&T COOPERATION AT A GLANCE (1994)\n"
        "Countries with S&T ties ............... 135\n"
        "Intergovernmental S&T agreements ...... 91\n"
        "Chinese S&T diplomats abroad .......... 107\n\n"
        "Contents\n"
        "Foreword ........................................ 3\n"
        "Technology imports .............................. 22\n\n"
        "The report was released in Beijing on 12 March 1995.\n"
    )
    got = {r["value"]: r["indicator"] for r in _rows(tmp_path, page).values()}
    # each figure its own line's label (not the next line's); a table of contents' page
    # numbers are no figures
    assert got == {135: "partner_countries", 91: "intergov_agreements", 107: "st_diplomats"}


_VALUE_SUBROWS = """Technology Trade, 2015-2017

In 2017 the number of technology import contracts and their value both rose again, and
technology exports grew for the third year in a row, the ministry said in its annual report.

Table 3  Technology import and export, 2015-2017

Indicator                                   2015      2016      2017
--------------------------------------------------------------------
Technology import contracts (number)       6,812     7,104     7,390
  Contract value (US$ 100 million)         281.6     307.3     328.4
  Licensing of patents (number)            1,010     1,122     1,206
Technology export contracts (number)       5,450     5,702     6,011
  Contract value (US$ 100 million)         190.1     201.2     214.7
--------------------------------------------------------------------
"""


def test_a_row_of_value_set_in_under_its_contracts_is_what_they_are_worth(tmp_path):
    got = _rows(tmp_path, _VALUE_SUBROWS)
    imports, exports = got["307.3"], got["214.7"]
    assert (imports["indicator"], imports["year"], imports["value"]) == (
        "tech_import_value",
        2016,
        30.73e9,
    )
    assert (exports["indicator"], exports["year"]) == ("tech_export_value", 2017)
    # a row set in that counts a part of its whole stays unread
    assert got["1,122"]["indicator"] == "unclassified"


_SHARE_TABLE = """Sources of Technology

In 2012 the European Union was again the largest source of imported technology, ahead of
Japan and the United States, the ministry said in its annual statistical report.

Table 4  Technology imports by source, 2012 (share of contract value, %)

Source                   Share
-------------------------------
European Union            36.4
Japan                     21.9
United States             17.5
Others                    24.2
-------------------------------
Total                    100.0
"""


def test_a_captions_percent_bracket_makes_its_cells_shares(tmp_path):
    got = _rows(tmp_path, _SHARE_TABLE)
    japan = got["21.9"]
    assert (japan["unit"], japan["measure"], japan["value"]) == ("percent", "share", 21.9)
    # each row of a table by partner is that partner's line; a row naming none is the nation's
    assert (japan["scope"], japan["actor"]) == ("foreign", "Japan")
    assert (got["24.2"]["scope"], got["24.2"]["actor"]) == ("national", "")
    # the total of the shares is the whole, no figure
    assert "100.0" not in got


_ONE_ROW = """Students Abroad

The number of Chinese students at American universities grew fast through the decade, as the
embassy's figures show, and the trend held in the years after the decade ended as well.

Table 2  Chinese students in the United States, selected years
                                     1985      1988      1991
   PRC students enrolled           10,100    25,200    39,600
"""


def test_a_lone_row_under_a_line_of_years_is_a_table_read_by_its_caption(tmp_path):
    got = _rows(tmp_path, _ONE_ROW)
    row = got["25,200"]
    # the row's words say nothing the caption does not: its caption's students abroad, in the
    # one host the caption names
    assert (row["indicator"], row["year"], row["measure"]) == ("students_abroad", 1988, "level")
    assert (row["scope"], row["actor"]) == ("foreign", "United States")


def test_a_fact_box_under_an_as_of_note_reads_each_row_by_its_label_at_that_date(tmp_path):
    # a university's box: rows with words after their figure, a leader as short as two dots,
    # a row whose label names its own year; the note of the figures' date over them
    page = (
        "Office of International Affairs | Riverside University\n\n"
        "Riverside at a Glance\n\n"
        "The university was founded in 1921. The figures below are as of June 2016.\n\n"
        "  Partner universities and institutes ...... 140 (in 35 countries)\n"
        "  Joint research projects with partners .. 48 under way\n"
        "  Joint research centres and laboratories .... 9\n"
        "  Foreign experts (long-term) .............. 61\n"
        "  Students sent abroad in 2016 ............. 830\n\n"
        "We welcome new partners. Contact us by mail.\n\n"
        "© 2017 Riverside University. Last modified 2017-01-10\n"
    )
    got = {
        r["value"]: (r["indicator"], r["measure"], r["year"])
        for r in _rows(tmp_path, page).values()
    }
    assert got[9] == ("joint_research_centers", "level", 2016)
    assert got[48] == ("coop_projects", "level", 2016)  # (not the next row's "centres")
    assert got[61] == ("foreign_experts", "level", 2016)
    assert got[830] == ("students_abroad", "annual", 2016)
    assert got[140][1:] == ("level", 2016)  # (the last row's year dates no row above it)
    # without the note, the counts stand at the page's date
    plain = _rows(tmp_path, page.replace(" The figures below are as of June 2016.", ""))
    assert {r["value"]: r["year"] for r in plain.values()}[9] == 2017


def test_a_box_row_with_a_one_dot_leader_or_a_wrapped_label_is_read_by_its_own_label(tmp_path):
    # a leader of one dot between blanks; a label wrapped onto a second line, which is no
    # words of the row above; a rank "national" in a label names no owner: the page's
    page = (
        "Riverside University | Office of International Cooperation\n\n"
        "Riverside at a Glance\n\n"
        "Figures as of December 2019\n\n"
        "  Partner institutions ............ 152 universities\n"
        "  Joint research centres and labs . 24\n"
        "  National international S&T\n"
        "    cooperation bases ............. 3\n"
        "  Foreign experts hosted (2019) ... 230 person-times\n\n"
        "Riverside was founded in 1950.\n"
    )
    got = {r["value"]: r for r in _rows(tmp_path, page).values()}
    assert got[24]["indicator"] == "joint_research_centers"
    assert "bases" not in got[24]["counted"]
    assert got[3]["indicator"] == "coop_bases"
    assert {got[v]["scope"] for v in (24, 3, 230)} == {"local"}


def test_a_boxs_rows_set_apart_by_dashes_or_colons_keep_their_labels_and_years(tmp_path):
    # a box under a heading with its date frame in brackets; rows "<label> — <figure>", "<label>
    # -- <figure>", "<label>: <figure>": each row's own label counts its figure (never the next
    # row's), and a year in one row's label dates no other row
    page = (
        "Riverside University | Office of International Cooperation\n\n"
        "RIVERSIDE AT A GLANCE (as of December 2018)\n\n"
        "Partner institutions — 126 in 38 countries\n"
        "Joint research centres — 9\n"
        "Countries and regions with partners -- 38\n"
        "Students sent abroad in 2017: 962\n"
        "Foreign experts on long-term contracts: 47\n\n"
        "Riverside was founded in 1950.\n\n"
        "© 2019 Riverside University. Last updated 10 January 2019.\n"
    )
    got = {(r["value"], r["quote"]): r for r in _rows(tmp_path, page).values()}
    by_value = {v: r for (v, _q), r in got.items()}
    assert (by_value[9]["indicator"], by_value[9]["measure"], by_value[9]["year"]) == (
        "joint_research_centers",
        "level",
        2018,
    )
    assert "Countries" not in by_value[9]["counted"]
    assert by_value[962]["year"] == 2017
    assert (by_value[47]["indicator"], by_value[47]["year"]) == ("foreign_experts", 2018)


def test_a_flattened_box_reads_each_figure_by_the_label_line_above_it(tmp_path):
    # a PDF's extraction sets a box's label and its figure on lines of their own
    page = (
        "Chapter 9  International Cooperation\n\n"
        "Key figures, 2017\n"
        "Intergovernmental S&T cooperation agreements in force\n"
        "114\n"
        "Countries and regions with S&T cooperative relations\n"
        "161\n"
        "S&T sections in embassies and consulates abroad\n"
        "71\n\n"
        "9.1 Overview\n\nIn 2017 Laos opened further. Nine agreements were signed during the "
        "year.\n"
    )
    got = {r["value"]: r["indicator"] for r in _rows(tmp_path, page).values()}
    assert (got[114], got[161], got[71]) == (
        "intergov_agreements",
        "partner_countries",
        "st_offices",
    )


def test_a_note_of_the_figures_date_removed_as_furniture_still_dates_the_box(tmp_path):
    page = (
        "Riverside at a Glance\n"
        "(figures as of December 2015)\n\n"
        "Partner institutions ........ 210 universities in 40 countries\n"
        "International students ...... 2,400 degree and exchange students\n"
        "Joint research centres ...... 17\n\n"
        "Riverside was founded in 1950 and has been open to the world since 1980.\n\n"
        "© 2017 Riverside University. Last modified 2017-01-10\n"
    )
    got = {r["value"]: r for r in _rows(tmp_path, page).values()}
    assert (got[17]["indicator"], got[17]["measure"], got[17]["year"]) == (
        "joint_research_centers",
        "level",
        2015,
    )
    assert (got[2400]["measure"], got[2400]["year"]) == ("level", 2015)


def test_a_flow_in_a_table_of_one_year_is_that_years(tmp_path):
    # the table's sentence (from its rule to its note) names another year only in its note
    page = (
        "Technology Trade in 2003\n\n"
        "12 March 2004\n\n"
        "Imports remained concentrated in the eastern provinces.\n\n"
        "Table 1  Technology import contracts by main source, 2003\n"
        "----------------------------------------------------------\n"
        "Source                    Contracts      Contract value\n"
        "                          (number)       (US$ million)\n"
        "----------------------------------------------------------\n"
        "European Union                2,315              4,983\n"
        "Japan                         1,876              2,690\n"
        "----------------------------------------------------------\n"
        "Note: Contracts registered under the Regulations in force since 1 January 2002.\n"
    )
    got = {r["value"]: r for r in _rows(tmp_path, page).values()}
    assert (got[2315]["indicator"], got[2315]["measure"], got[2315]["year"]) == (
        "tech_import_contracts",
        "annual",
        2003,
    )
    assert got[4983000000]["measure"] == "annual"


def test_a_key_figures_row_labelled_before_a_colon_ends_at_the_next_rows_label(tmp_path):
    page = (
        "Research Cooperation with China\n\n"
        "Norway and China have worked together in polar and climate research since 1994.\n\n"
        "Key figures\n\n"
        "  Chinese students in Norway, autumn 2017: 1,024\n"
        "  Norwegian students in China, 2016/17 academic year: around 250\n\n"
        "The embassy's science section follows these exchanges closely.\n\n"
        "Last updated: 12 January 2018\n"
    )
    got = {r["value"]: r for r in _rows(tmp_path, page).values()}
    # the first row counts its own label, not the next row's words
    assert (got[1024]["indicator"], got[1024]["scope"], got[1024]["actor"]) == (
        "students_abroad",
        "foreign",
        "Norway",
    )


_OWN_TABLE = """Huaxi Agricultural University: International Cooperation at a Glance

Last updated: 3 October 2016

Table 2. Agricultural technicians trained, by country, 2014-2015
Country      2014   2015
Angola         55     62
Bolivia        30     41
Total          85    103

The university has trained more than 2,400 agricultural technicians from 46 countries.
"""


def test_a_universitys_table_by_partner_is_its_own_total_too(tmp_path):
    """A part is never the whole: on a university's page, a table by partner holds the
    university's figures, its "Total" row too, not the nation's."""
    got = _rows(tmp_path, _OWN_TABLE)
    for cell in ("55", "41", "85", "103"):
        assert (got[cell]["scope"], got[cell]["actor"]) == (
            "local",
            "Huaxi Agricultural University",
        ), cell


def test_a_row_labels_scale_of_people_scales_its_cells(tmp_path):
    """A yearbook's "(10,000 persons)" after a row label: 54.45 is 544,500 people."""
    page = (
        "Statistical Communique on Exchanges, 2012\n\n"
        "In 2012 the number of students and scholars who went to study abroad rose again, and "
        "more of those who had finished their studies came back to work in China.\n\n"
        "Indicator                                  2011      2012\n"
        "Students sent abroad (10,000 persons)       33.97     39.96\n"
        "Foreign experts (thousand persons)         529.0     540.0\n"
    )
    got = _rows(tmp_path, page)
    assert (got["39.96"]["value"], got["39.96"]["unit"]) == (399_600, "count")
    assert got["540.0"]["value"] == 540_000


_MAIN_INDICATORS = """Review of International Cooperation

Table 1  Main indicators of international S&T exchange and cooperation

Indicator                                        1985      1990      1995
-------------------------------------------------------------------------
Countries with intergovernmental S&T
  cooperation agreements                           47        68        91
Countries and regions with S&T contacts           104       123       142
S&T personnel sent abroad (persons)            18,400    27,900    41,300
Students sent abroad (persons)                  4,888     2,950    20,381
-------------------------------------------------------------------------
"""


def test_rows_of_a_main_indicators_table_read_by_their_labels(tmp_path):
    got = _rows(tmp_path, _MAIN_INDICATORS)
    # a label wrapped over two lines, the second set in, is one label
    assert (got["68"]["indicator"], got["68"]["measure"]) == ("intergov_agreements", "level")
    # countries with contacts are partners; personnel sent abroad are exchanges, no diplomats
    assert (got["123"]["indicator"], got["123"]["measure"]) == ("partner_countries", "level")
    assert got["27,900"]["indicator"] == "personnel_exchanges"
    assert (got["2,950"]["indicator"], got["2,950"]["year"]) == ("students_abroad", 1990)


def test_money_on_a_row_of_counted_things_is_not_their_count(tmp_path):
    # a budget table in RMB 10,000: the row "Joint laboratories" holds money spent on them,
    # never a count of joint laboratories; technology imports' money is their value
    page = (
        "International Office at a Glance\n\nThe university now has 210 partner institutions "
        "in 45 countries.\n\nTable: International cooperation budget (unit: RMB 10,000)\n"
        "Item                         2017     2018     2019\n"
        "Joint laboratories            320      410      455\n"
        "Technology imports            150      180      200\n"
    )
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    rows = {r["quote"]: r for r in facts.extract_facts(corpus.read_document(path))}
    assert (rows["455"]["value"], rows["455"]["unit"]) == (4550000.0, "CNY")
    assert rows["455"]["indicator"] == "unclassified"
    assert rows["200"]["indicator"] == "tech_import_value"


def test_a_row_labels_currency_is_any_the_lexicon_knows(tmp_path):
    # "(HK$ m)", "(NT$ million)": money in that currency, scaled; a person-times row stays a
    # count of people
    page = (
        "Foundation grants and visits\n\n"
        "| Indicator                                    | 2000 | 2005 | 2010 |\n"
        "|----------------------------------------------|-----:|-----:|-----:|\n"
        "| Foundation grants for visits abroad (HK$ m)  |  8.5 | 12.0 | 15.2 |\n"
        "| Cross-strait project funds (NT$ million)     |   40 |   55 |   72 |\n"
        "| Personnel exchanges (person-times)           | 2350 | 2780 | 3100 |\n\n"
        + "The foundation has supported exchanges since 1988. "
        * 3
    )
    got = _rows(tmp_path, page)
    assert (got["15.2"]["value"], got["15.2"]["unit"]) == (15_200_000, "HKD")
    assert (got["72"]["value"], got["72"]["unit"]) == (72_000_000, "TWD")
    assert (got["3100"]["value"], got["3100"]["unit"]) == (3100, "count")


def test_a_tab_separated_table_is_read_by_its_rows_and_columns(tmp_path):
    # a table copied from a spreadsheet: one tab between cells
    page = (
        "Main indicators of cooperation\n\n"
        "Table 1  Main indicators, 2015-2017\n"
        "Indicator\t2015\t2016\t2017\n"
        "Central funding for cooperation projects (RMB million)\t86.5\t104.2\t131.0\n"
        "Intergovernmental S&T agreements in force\t104\t108\t111\n\n"
        + "The ministry reports these figures each year. "
        * 3
    )
    got = _rows(tmp_path, page)
    assert (got["131.0"]["value"], got["131.0"]["unit"], got["131.0"]["year"]) == (
        131_000_000,
        "CNY",
        2017,
    )
    assert (got["108"]["indicator"], got["108"]["year"]) == ("intergov_agreements", 2016)


def test_a_captions_units_by_kind_and_a_value_row_under_its_count_row(tmp_path):
    # "(value: US$ 10,000; personnel: persons)": the value rows are money in that scale; a
    # row set in under a count row, "Value of ...", is what those things are worth
    page = (
        "Cooperation with Russia\n\n"
        "17-9  Scientific and Technological Cooperation with Russia (1994-1996)\n"
        "      (value: US$ 10,000; personnel: persons)\n\n"
        "Item                                               1994      1995      1996\n"
        "---------------------------------------------------------------------------\n"
        "Technology export contracts signed (number)          74        91       118\n"
        "  Value of technology export contracts            1,860     2,475     3,302\n"
        "Russian experts invited                             535       620       704\n\n"
        + "The province's cooperation with Russia continued to recover. "
        * 3
    )
    got = _rows(tmp_path, page)
    value = got["3,302"]
    assert (value["value"], value["unit"], value["indicator"], value["year"]) == (
        33_020_000,
        "USD",
        "tech_export_value",
        1996,
    )
    assert (got["118"]["unit"], got["118"]["indicator"]) == ("count", "tech_export_contracts")
    assert (got["704"]["value"], got["704"]["unit"]) == (704, "count")


def test_a_value_row_under_a_count_row_is_what_those_things_are_worth(tmp_path):
    page = (
        "Technology trade\n\n"
        "Main indicators of technology import and export, 2008-2010\n\n"
        "  Indicator                                  2008      2009      2010\n"
        "  Technology import contracts (number)     10,170     9,964    11,253\n"
        "  Contract value of imports (US$ bln)       27.13     21.57     25.64\n"
        "  Technology export contracts (number)      8,020     7,560     8,415\n"
        "  Contract value of exports (US$ bln)       14.91     13.16     16.87\n\n"
        + "Registration takes effect on the date of issue of the certificate. "
        * 3
    )
    got = _rows(tmp_path, page)
    assert (got["25.64"]["indicator"], got["25.64"]["unit"]) == ("tech_import_value", "USD")
    assert (got["13.16"]["indicator"], got["13.16"]["year"]) == ("tech_export_value", 2009)
    assert got["7,560"]["indicator"] == "tech_export_contracts"


def test_a_header_names_a_currency_by_its_code_sign_or_full_name_never_a_bare_word():
    from analysis.tables import scale_of

    assert scale_of("Hong Kong dollars, million") == ("HKD", 1e6)
    assert scale_of("(NT$ million)") == ("TWD", 1e6)
    assert scale_of("(US$ billion)") == ("USD", 1e9)
    # "won", "rand" as a header's words name no money
    assert scale_of("Awards won (number)") is None
    assert scale_of("Rand Corporation visits") is None


_PERIODS = """Statistical Yearbook of Science and Technology 2006

Table 12-3  International cooperation projects by plan period

Period                         Projects    Funding (RMB million)
Sixth (1981-1985)                   410            120
Seventh (1986-1990)               1,150            380
Eighth (1991-1995)                2,300            960
Ninth (1996-2000)                 3,870          2,140

Table 12-4  Chinese students in the United Kingdom

                         2003/04     2004/05     2005/06
New entrants              14,200      16,950      17,390
"""


def test_a_flow_on_a_row_of_a_span_of_years_is_the_span_s_total(tmp_path):
    got = _rows(tmp_path, _PERIODS)
    for cell, year in (("410", 1985), ("960", 1995), ("2,140", 2000)):
        assert (got[cell]["measure"], got[cell]["year"]) == ("cumulative", year), cell
    # an academic year is one year, its flow that year's
    assert (got["16,950"]["measure"], got["16,950"]["year"]) == ("annual", 2005)
    # (column headers a table's gap parts are no body's name: the nation's funding)
    assert (got["2,140"]["scope"], got["2,140"]["actor"]) == ("national", "")


def test_a_caption_s_last_bracket_of_money_scales_a_table_by_partner_whose_rows_stay(tmp_path):
    # (a row of a label and a page-number-like figure between rows of that shape is no
    # running header: "United Arab Emirates    968")
    page = (
        "Technology Trade Review\n\n"
        "Table 2  Technology export value by destination, 2012 (US$ million)\n\n"
        "Destination                       Value\n"
        "Indonesia                         1,412\n"
        "United Arab Emirates                968\n"
        "Bangladesh                          745\n"
        "Total, all destinations          28,764\n"
    )
    got = _rows(tmp_path, page)
    assert (got["968"]["value"], got["968"]["unit"]) == (968_000_000, "USD")
    assert (got["968"]["scope"], got["968"]["actor"]) == ("foreign", "United Arab Emirates")
    assert (got["28,764"]["value"], got["28,764"]["scope"]) == (28_764_000_000, "national")


_CSV = """Provincial S&T Statistics

Fuzhou, 26 April 2016

In 2015 the province's international cooperation grew steadily, and the bureau's main figures
for the last three years, exported from its spreadsheet, are given below for the reader.

indicator,unit,2013,2014,2015
International S&T cooperation projects,projects,86,94,112
Technology import contracts,contracts,142,156,171
Technology import value,USD million,310.5,"287.2",342.8

year,new_joint_projects,funding_usd
2013,9,1200000
2014,12,1800000

The figures were compiled from the reports of the cities, 2,100 pages in all, and the bureau
thanks 12 of them, 3 in the north, for their help.
"""


def test_a_spreadsheets_rows_pasted_as_csv_read_by_their_labels_and_header_fields(tmp_path):
    got = _rows(tmp_path, _CSV)
    cells = {q: (r["indicator"], r["year"]) for q, r in got.items()}
    assert cells["86"] == ("coop_projects", 2013)
    assert cells["112"] == ("coop_projects", 2015)
    assert cells["156"] == ("tech_import_contracts", 2014)
    assert (got["310.5"]["unit"], got["310.5"]["value"]) == ("USD", 310.5e6)
    assert cells["287.2"] == ("tech_import_value", 2014)  # (a quoted field)
    # (a machine's field name read as words, its year from its row)
    assert cells["9"] == ("coop_projects", 2013)
    assert (got["1800000"]["indicator"], got["1800000"]["year"]) == ("coop_funding", 2014)


def test_prose_with_commas_and_an_aligned_tables_thousands_are_no_csv():
    from analysis.tables import bar_csv

    prose = "We met 12,13 and 14 times.\nThey came, went, and came back.\nA, B and C.\n"
    assert bar_csv(prose) == prose
    aligned = (
        "Students going abroad     118,515   134,000\n"
        "Returned students          34,987    42,000\n"
        "State-sponsored             3,979     5,580\n"
    )
    assert bar_csv(aligned) == aligned
    csv = "item,2013,2014\nProjects,86,94\nExperts,5230,5480\n"
    assert bar_csv(csv) == "item|2013|2014\nProjects|86|94\nExperts|5230|5480\n"
    # (read as a table on its own too, its cells by their rows and header fields)
    assert [(c.number, c.label, c.header) for c in find_cells(csv)] == [
        ("86", "Projects", "2013"),
        ("94", "Projects", "2014"),
        ("5230", "Experts", "2013"),
        ("5480", "Experts", "2014"),
    ]


_BY_PARTNER = """Seeds across borders: hybrid rice abroad

Working Paper No. 2014/07, June 2014

Chinese seed firms and research institutes have run demonstration projects with partners
abroad for more than three decades, and have trained their technicians in China.

Table 1. Demonstration projects and trainees received in China, by partner, 1979-2013
-----------------------------------------------------------------
Partner                    Projects      Trainees
-----------------------------------------------------------------
Vietnam                       21          1,960
Philippines                   17          1,240
Bangladesh                    12            870
-----------------------------------------------------------------
"""


def test_a_column_header_naming_its_noun_outranks_the_captions_words_and_a_caption_span_totals(
    tmp_path,
):
    got = _rows(tmp_path, _BY_PARTNER)
    # "Trainees" counts people exchanged though the caption names projects first
    assert got["1,960"]["indicator"] == "personnel_exchanges"
    assert got["21"]["indicator"] == "coop_projects"
    # rows of partners under a caption's span of years: each cell the span's total, at its end
    assert (got["1,960"]["measure"], got["1,960"]["year"]) == ("cumulative", 2013)
    assert got["17"]["measure"] == "cumulative"
    # a caption of one year gives no running total
    one_year = _BY_PARTNER.replace("by partner, 1979-2013", "by partner, 2013")
    assert _rows(tmp_path, one_year)["1,960"]["measure"] != "cumulative"


def test_a_row_that_counts_nothing_takes_its_columns_header(tmp_path):
    page = """Provincial international cooperation projects, 2018

The province approved 113 new international cooperation projects this year.

Projects funded by field:

  Field                               Projects   Funding (RMB 10,000)
  Modern agriculture                      28          880
  Advanced manufacturing                  22          810
"""
    got = _rows(tmp_path, page)
    assert (got["28"]["indicator"], got["28"]["measure"]) == ("coop_projects", "annual")


def test_a_tables_cells_in_another_countrys_currency_are_that_countrys(tmp_path):
    # a partner's statistics office counts in its own currency: the cells are its money,
    # never the nation's (in dollars they stay the nation's)
    page = """Licence payments from abroad, 2015-2017

20 March 2018

Table 2. Receipts for the use of intellectual property, by partner country, 2015-2017 (NOK million)

Year     China     India     Brazil
2015     3 870     1 020     640
2016     4 410     1 150     610
2017     5 530     1 240     590
"""
    got = _rows(tmp_path, page)
    assert got["3 870"]["value"] == 3870000000
    assert {(got[q]["scope"], got[q]["actor"]) for q in ("3 870", "4 410", "5 530")} == {
        ("foreign", "Norway")
    }
    got = _rows(tmp_path, page.replace("(NOK million)", "(US$ million)"))
    assert {got[q]["scope"] for q in ("3 870", "4 410", "5 530")} == {"national"}
