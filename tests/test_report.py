"""The report layer as a reader meets it, on corpora the tests write: phases, comparisons,
definitions, and eras without data."""

from __future__ import annotations

import csv
import math
import re

import pytest
from conftest import Built, build

from analysis.report import values

pytestmark = pytest.mark.slow

# Documents with events in two eras, a stated multiple over ten years, two comparable partner
# counts, and organisations counted under two definitions (the country's, one academy's).
REVIEW_2004 = """China's Partners in Science: A Review of 2004

Beijing, 20 December 2004. On 3 May 1993, China and Brazil launched a joint satellite programme for earth resources.
In October 2004, China and the European Union signed an agreement on the Galileo satellite navigation system.
In 2004, China had S&T cooperative relations with 160 countries and regions.
In 2004, China signed 9,000 technical import contracts, 3 times that of 1994.
"""
REVIEW_1999 = """Opening Doors: China's Science Diplomacy at the Turn of the Century

Beijing, 12 November 1999. In 1999, China had S&T cooperative relations with 140 countries and regions.
The Chinese Academy of Sciences has joined 300 international organizations, the academy said.
China has joined 120 international organizations.
"""


@pytest.fixture(scope="session")
def review_corpus(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("review-seeds")
    (seeds / "review_2004.txt").write_text(REVIEW_2004, encoding="utf-8")
    (seeds / "review_1999.txt").write_text(REVIEW_1999, encoding="utf-8")
    return seeds


@pytest.fixture(scope="session")
def review_brief(tmp_path_factory, review_corpus) -> Built:
    out = tmp_path_factory.mktemp("review-reports")
    assert build(out, review_corpus, "--brief", "brief", "--format", "html") == 0
    return Built(out, "brief", review_corpus)


def text_of(html: str) -> str:
    html = re.sub(r"<(style|script)[^>]*>.*?</\1>", "", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def era(html: str, label: str) -> str:
    """An era's paragraph of the phases section: from its ``h3`` to the next heading."""
    m = re.search(rf"<h3>{re.escape(label)}.*?</h3>(.*?)(?=<h[23]|<figure)", html, re.S)
    assert m, f"no era {label!r}"
    return text_of(m.group(1))


def test_an_eras_events_appear_in_its_paragraph(review_brief) -> None:
    html = review_brief.html
    assert "Brazil launched a joint satellite programme" in era(html, "Expansion, 1991–2000")
    later = era(html, "Tenth Five-year Plan, 2001–2005")
    assert "Galileo satellite navigation system" in later
    assert "Brazil" not in later


def test_growth_per_year_is_computed_from_the_span_of_each_multiple(review_brief) -> None:
    text = text_of(review_brief.html)
    # 3 times over 1994-2004: 3 ** (1 / 10) - 1 = 11.6 % a year, not "3 times" ranked raw
    assert re.search(r"3 times (?:the 1994 level by 2004|from 1994 to 2004)", text)
    assert "12% a year" in text or "about 12%" in text
    # 140 (1999) -> 160 (2004), both stated counts of one definition: 2.7 % a year
    growth = text[text.index("Each rate below is compounded") :]
    assert "3%" in growth[: growth.index("Scale of cooperation")]
    assert math.isclose(values.per_year(20.6, 20), 0.1634, abs_tol=5e-4)
    assert math.isclose(values.per_year(16.7, 6), 0.5990, abs_tol=5e-4)


def test_a_difference_of_definition_is_stated_not_drawn(review_brief) -> None:
    html = review_brief.html
    with (review_brief.data / "facts.csv").open(encoding="utf-8") as fh:
        orgs = [r for r in csv.DictReader(fh) if r["indicator"] == "intl_org_memberships"]
    assert {float(r["value"]) for r in orgs} == {300.0, 120.0}
    assert len({(r["scope"], r["actor"]) for r in orgs}) == 2  # the academy's and the country's
    text = text_of(html)
    definitions = text[text.index("Differences of definition") :]
    assert "Chinese Academy of Sciences" in definitions and "120" in definitions
    for path in (review_brief.out / "figures" / "brief").glob("*.csv"):
        with path.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        if rows and "key" in rows[0]:  # a chart of series: no line joins the two counts
            for key in {r["key"] for r in rows}:
                vals = {float(r["value"]) for r in rows if r["key"] == key}
                assert not {300.0, 120.0} <= vals


def test_no_code_word_in_the_visible_text(review_brief) -> None:
    html = review_brief.html
    body = text_of(html[: re.search(r"<h2[^>]*>Annex A", html).start()])
    for word in ("review_2004", "review_1999", ".txt", ".yaml", "MinHash", "lexicon", "analysis/"):
        assert word not in body, word
    assert "Opening Doors, 1999" in body  # sources are named by title (or publisher) and year


def test_summary_counts_agree_with_what_is_shown(review_brief) -> None:
    text = text_of(review_brief.html)
    events = int(re.search(r"They date (\d+) landmark event", text).group(1))
    drawn = re.search(r'alt="Timeline of (\d+) dated landmark event', review_brief.html)
    assert drawn and int(drawn.group(1)) == events
    named = sum(
        int(n) for n in re.findall(r"The documents date (\d+) landmark events? to these", text)
    )
    assert named == events


def test_an_era_without_data_has_no_empty_numbered_figure(tmp_path, review_corpus) -> None:
    out = tmp_path / "reports"
    code = build(out, review_corpus, "--brief", "era-1978-1990", "--format", "html")
    assert code == 0
    html = (out / "era-1978-1990.html").read_text(encoding="utf-8")
    text = text_of(html)
    for figure in re.findall(r"<figure .*?</figure>", html, re.S):
        assert "No data" not in figure and "No themes" not in figure
    assert "No data" not in text and "Phases of the period" not in text
    assert "Figure 1" not in text  # nothing to draw: no numbered figure at all
    # and it does not contradict itself: it says it has nothing for the period
    assert "None of the documents speaks of 1978–1990" in text


def test_a_mode_no_longer_spoken_of_is_said_to_fall_silent() -> None:
    """A mode with no mention in the last era is not reported as falling "to 0.0" (read as a
    count of people or things), but as talk that fell to none; a mode still spoken of keeps its rates."""
    from types import SimpleNamespace

    import pandas as pd

    from analysis.report import sections

    rows = [
        ("early", "talent", "Talent", 14.1),
        ("early", "joint", "Joint research", 2.0),
        ("early", "trade", "Technology trade", 6.0),
        ("late", "talent", "Talent", 0.0),
        ("late", "joint", "Joint research", 9.5),
        ("late", "trade", "Technology trade", 4.0),
    ]
    rates = pd.DataFrame(rows, columns=["era", "theme", "label", "rate"]).assign(group="mode")
    eras = [{"id": "early", "label": "opening"}, {"id": "late", "label": "going-out"}]
    shift = sections._mode_shift(SimpleNamespace(theme_rates=rates, eras=eras))
    assert (shift["up"]["label"], shift["up"]["after"]) == ("Joint research", "9.5")
    assert shift["down"]["label"] == "Talent" and shift["down"]["silent"]
    still = sections._mode_shift(
        SimpleNamespace(theme_rates=rates.replace({"rate": {0.0: 1.0}}), eras=eras)
    )
    assert not still["down"]["silent"] and still["down"]["after"] == "1.0"
