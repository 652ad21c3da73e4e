"""Timeline: date forms, inherited years, plan periods, context, labels, partners, schema."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import images

from analysis import corpus, events
from analysis.config import ROOT

SEEDS = ROOT / "seeds"
FILLER = (
    "The two sides have agreed to exchange scientists and to open a laboratory in the city. "
    "It is one of the many steps that the partners have taken in the field of research."
)


def load(tmp_path: Path, **docs: str):
    for name, text in docs.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return corpus.load_corpus(tmp_path)


def one_doc(tmp_path: Path, body: str, title: str = "Science Cooperation Notes"):
    c = load(tmp_path, doc=f"{title}\n\n{body}\n\n{FILLER}\n")
    return events.timeline_table(c)


def rows(table, date: str):
    return table[table["date"] == date]


@pytest.fixture(scope="module")
def seeds_timeline():
    return events.timeline_table(corpus.load_corpus(SEEDS))


# ------------------------------------------------------------------ date forms
@pytest.mark.parametrize(
    ("sentence", "date", "precision"),
    [
        ("In April 2011, China and Chile signed an agreement on astronomy.", "2011-04", "month"),
        ("The accord was extended in Jan. 1992 by both governments.", "1992-01", "month"),
        ("The commission first met on 23 November 1979 in the capital.", "1979-11-23", "day"),
        ("The forum was held on August 28, 2011 in the capital city.", "2011-08-28", "day"),
        ("In November 2008, the ministry signed a memorandum with the agency.", "2008-11", "month"),
        ("In 1994, the commission launched an action plan to promote trade.", "1994", "year"),
        ("Since the Environment and Development Forum in 1992, we paid attention.", "1992", "year"),
        ("The leaders met four times during 1994-1997 to discuss cooperation.", "1994", "period"),
    ],
)
def test_each_date_form(tmp_path: Path, sentence: str, date: str, precision: str) -> None:
    table = one_doc(tmp_path, sentence)
    hit = rows(table, date)
    assert len(hit) == 1, table[["date", "event"]]
    assert hit.iloc[0]["precision"] == precision
    assert hit.iloc[0]["year"] == int(date[:4])
    assert hit.iloc[0]["sentence"] == sentence


def test_range_has_period_end_and_two_digit_end(tmp_path: Path) -> None:
    table = one_doc(tmp_path, "Talks took place during 1994-97 and between 2001 and 2003.")
    periods = table[table["precision"] == "period"].set_index("date")["period_end"]
    assert periods.to_dict() == {"1994": 1997, "2001": 2003}


def test_two_dates_in_one_sentence_give_two_events(tmp_path: Path) -> None:
    table = one_doc(
        tmp_path, "China reached agreements with the US on patents in April 1991 and Jan. 1992."
    )
    assert list(table["date"]) == ["1991-04", "1992-01"]
    assert set(table["partners"]) == {"United States"}
    assert table["event"].iloc[0] == "China reached agreements with the US on patents"


def test_bare_month_takes_year_of_preceding_dated_sentence(tmp_path: Path) -> None:
    body = (
        "In March 2007, China and Brazil signed a satellite agreement. In May, the two "
        "countries agreed to build a second satellite. In June, China and France opened a "
        "laboratory."
    )
    table = one_doc(tmp_path, body)
    assert list(table["date"]) == ["2007-03", "2007-05", "2007-06"]
    assert list(table["year_basis"]) == ["explicit", "inherited", "inherited"]
    assert rows(table, "2007-06")["partners"].item() == "France"


def test_the_same_year_takes_the_year_just_named_and_none_without_one(tmp_path: Path) -> None:
    body = (
        "China signed a satellite agreement with Brazil in 2007. In the same year the ministry "
        "opened a laboratory with France."
    )
    table = one_doc(tmp_path, body)
    assert list(table["date"]) == ["2007", "2007"]
    body = "In the same year the ministry opened a laboratory with France. It began in 2003."
    table = one_doc(tmp_path, body)
    assert list(table["date"]) == ["2003"]


def test_bare_month_without_any_dated_sentence_uses_publication_year(tmp_path: Path) -> None:
    body = "In May, the two ministries signed a protocol on water research."
    table = one_doc(tmp_path, body + " The programme began in 2003 in Shanghai.")
    may = table[table["date"].str.endswith("-05")]
    assert list(may["date"]) == ["2003-05"]


def test_may_as_a_verb_is_not_a_date(tmp_path: Path) -> None:
    table = one_doc(tmp_path, "Scientists may apply in 2005 for a grant from the fund.")
    assert list(table["date"]) == ["2005"]


def test_plan_periods_with_and_without_years(tmp_path: Path) -> None:
    body = (
        "The programme runs during the Tenth Five-year Plan (2001 - 2005) of the country. "
        "During the 11th Five-Year Plan, cooperation entered a new stage. "
        "The year 2011, the first year of the 12th Five-Year Plan, saw many agreements."
    )
    table = one_doc(tmp_path, body)
    periods = table[table["precision"] == "period"]
    assert set(zip(periods["date"], periods["period_end"], strict=True)) == {
        ("2001", 2005),
        ("2006", 2010),
    }
    # the 12th plan is not a separate event when the sentence has its own year
    assert "2011" in set(table["date"]) and not (table["date"] == "2011").sum() > 1


def test_plan_period_in_a_title_counts(tmp_path: Path) -> None:
    table = one_doc(tmp_path, FILLER, title="Outline of the Ninth Five-Year Plan (1996-2000)")
    hit = rows(table, "1996")
    assert hit["kind"].item() == "title" and hit["period_end"].item() == 2000


def test_before_since_by_and_comparisons(tmp_path: Path) -> None:
    body = (
        "Cooperation started with Asia and the Soviet Union before 1978 and expanded to many "
        "countries since 1978. By 1995, 27,785 projects had been carried out. In 1998 there "
        "were 22,000 projects, 20.6 times that of 1978."
    )
    table = one_doc(tmp_path, body)
    contexts = set(zip(table["date"], table["context"], strict=True))
    assert ("1978", "before_1978") in contexts
    assert ("1978", "since") in contexts
    assert ("1995", "by") in contexts
    assert ("1998", "") in contexts
    # the baseline "that of 1978" is not an event: only the two 1978 rows above
    assert (table["date"] == "1978").sum() == 2
    before = table[table["context"] == "before_1978"]
    assert before["partners"].item() == "Asia; Soviet Union"


def test_has_figures_separates_statistics_from_landmarks(tmp_path: Path) -> None:
    body = (
        "In 1998, China signed 2,500 technical export contracts. "
        "In 1999, China and Egypt opened a joint laboratory."
    )
    table = one_doc(tmp_path, body).set_index("date")
    assert table.loc["1998", "has_figures"]
    assert not table.loc["1999", "has_figures"]


def test_future_sentences_are_targets(tmp_path: Path) -> None:
    table = one_doc(tmp_path, "In 2004 the fund grew. By 2010 China will open 50 new centres.")
    assert table.set_index("date").loc["2010", "context"] == "target"


# ------------------------------------------------------------------ new corpus
NEW_DOC = """Belt and Road Science Partnerships

On 12 March 2015, China and Brazil opened a joint laboratory for climate research in \
Brasilia. In 2014, the Belt and Road S&T plan was announced by the ministry. In \
September, Kenyan and Chinese scientists launched a survey of water resources in East \
Africa. The Sino-Kazakh centre, founded in late 2013, trains engineers from Central Asia.

By 2016, the ministry had set up 20 such centres with partners in Asia and Africa, and the \
World Health Organization joined a health programme in 2016.
"""


def test_new_corpus_with_new_wording_and_years(tmp_path: Path) -> None:
    table = events.timeline_table(load(tmp_path, brief2016=NEW_DOC))
    by_date = {d: g for d, g in table.groupby("date")}
    brazil = by_date["2015-03-12"].iloc[0]
    assert brazil["partners"] == "Brazil"
    assert (
        brazil["event"]
        == "China and Brazil opened a joint laboratory for climate research in Brasilia"
    )
    assert by_date["2014"]["event"].item().startswith("The Belt and Road S&T plan")
    # the bare "In September" follows the 2014 sentence of its paragraph
    sept = by_date["2014-09"].iloc[0]
    assert sept["partners"] == "Kenya; Africa" and sept["year_basis"] == "inherited"
    assert "2013" in by_date
    who = table[table["partners"].str.contains("WHO")]
    assert set(who["year"]) == {2016}
    assert set(table["year"]) == {2013, 2014, 2015, 2016}


def test_year_range_filter(tmp_path: Path) -> None:
    c = load(tmp_path, brief2016=NEW_DOC)
    table = events.timeline_table(c, start_year=2015, end_year=2015)
    assert set(table["year"]) == {2015}


def test_duplicate_documents_are_flagged(tmp_path: Path) -> None:
    c = load(tmp_path, a_first=NEW_DOC, b_copy=NEW_DOC.replace("Brasilia", "Sao Paulo"))
    table = events.timeline_table(c)
    assert set(table.loc[table["doc_id"] == "b_copy", "duplicate"]) == {True}
    assert set(table.loc[table["doc_id"] == "a_first", "duplicate"]) == {False}


# ------------------------------------------------------------------ seeds
def test_seed_003_dates_and_partners(seeds_timeline) -> None:
    t = seeds_timeline[seeds_timeline["doc_id"].str.startswith("003")]
    got = dict(zip(t["date"], t["partners"], strict=True))
    assert got["2011-04"] == "Pakistan"
    assert got["2011-05"] == "United States"
    assert got["2011-06"] == "Germany"
    assert "UNEP" in got["2008-11"]
    assert "2011-08-28" in got


def test_seed_002_ipr_agreements_and_context(seeds_timeline) -> None:
    t = seeds_timeline[seeds_timeline["doc_id"].str.startswith("002")]
    for date in ("1991-04", "1992-01"):
        assert t.loc[t["date"] == date, "partners"].item() == "United States"
    before = t[t["context"] == "before_1978"]
    assert list(before["date"]) == ["1978"]
    assert "Soviet Union" in before["partners"].item()
    apec = t[t["date"] == "1994"].set_index("precision")
    assert apec.loc["period", "period_end"] == 1997


def test_seed_004_plan_period(seeds_timeline) -> None:
    t = seeds_timeline[seeds_timeline["doc_id"].str.startswith("004")]
    title = t[t["kind"] == "title"]
    assert list(zip(title["date"], title["period_end"], strict=True)) == [("2001", 2005)]


def test_seed_000_baselines_are_not_events(seeds_timeline) -> None:
    t = seeds_timeline[seeds_timeline["doc_id"].str.startswith("000")]
    assert sorted(t["date"]) == ["1997", "1998", "1998"]
    assert t["has_figures"].all()


def test_seed_timeline_is_sorted_and_passes_schema(seeds_timeline) -> None:
    assert list(seeds_timeline.columns[:6]) == events.COLUMNS
    keys = list(zip(seeds_timeline["date"], seeds_timeline["doc_id"], strict=True))
    assert keys == sorted(keys)
    events.timeline_schema().validate(seeds_timeline)
    assert (seeds_timeline["event"].str.split().str.len() <= events.MAX_LABEL_WORDS + 2).all()


def test_labels_use_only_words_of_the_sentence(seeds_timeline) -> None:
    for label, sentence in zip(seeds_timeline["event"], seeds_timeline["sentence"], strict=True):
        words = set(re.findall(r"\w+", sentence.lower()))
        for w in re.findall(r"\w+", label.lower()):
            assert w in words, (w, label)


def test_cli_timeline_writes_the_contract_columns(tmp_path: Path) -> None:
    import csv

    from analysis.cli import main

    out = tmp_path / "t.csv"
    assert main(["timeline", "--seeds", str(SEEDS), "--out", str(out)]) == 0
    with out.open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header[:6] == ["date", "year", "doc_id", "event", "partners", "sentence"]


# ------------------------------------------------------------------ notebook
@pytest.mark.slow
def test_timeline_notebook_runs(run_notebook) -> None:
    outputs = run_notebook(
        "03-timeline.ipynb", seeds_dir=str(SEEDS), start_year=1990, end_year=2011
    )
    assert images(outputs) >= 1  # the chart was drawn
