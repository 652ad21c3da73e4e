"""The development corpus scored against its gold (thresholds.yaml), and the scorer itself."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis.config import InputError
from analysis.corpus import load_corpus
from analysis.evaluate import load_gold, load_thresholds, normalise, run, score

CORPUS = Path(__file__).resolve().parent / "corpus"


# --------------------------------------------------------------------------- the corpus
@pytest.fixture(scope="module")
def result():
    return run(CORPUS)


def test_every_document_has_valid_gold():
    gold = load_gold(CORPUS)
    docs = {p.stem for p in (CORPUS / "docs").glob("*.txt")}
    assert set(gold) == docs
    assert sum(g["origin"] == "written" for g in gold.values()) >= 40
    assert sum(g["origin"] == "seed" for g in gold.values()) == 5
    assert sum(g["origin"] == "later" for g in gold.values()) >= 30


def test_scores_meet_thresholds(result):
    thresholds = load_thresholds(CORPUS)
    for group in ("thresholds", "later"):
        assert {"titles", "published", "fact_recall", "strict_recall", "wrong_rows"} <= set(
            thresholds[group]
        )
    assert result.below(thresholds) == []


# --------------------------------------------------------------------------- the scorer
TEXT = (
    "Science ties grow\n\n"
    "Updated: 2009-06-12 14:35\n\n"
    "China has cooperative relations with 152 countries and regions. "
    "The Ministry of Agriculture has ties with 140 countries. "
    "Readers may call 6859 1234 for the full table.\n"
)
GOLD = """\
title: Science ties grow
published: "2009-06-12"
facts:
  - {quote: "152 countries and regions", value: 152, unit: count, indicator: partner_countries,
     scope: national, measure: level, year: 2009}
  - {quote: "140 countries", value: 140, unit: count, indicator: partner_countries,
     scope: agency, actor: Ministry of Agriculture, measure: level, year: 2009}
not_facts: ["14:35", "6859 1234"]
"""


@pytest.fixture
def tiny(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "gold").mkdir()
    shutil.copy(CORPUS / "gold.schema.yaml", tmp_path)
    (tmp_path / "docs" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold" / "a.yaml").write_text(GOLD, encoding="utf-8")
    return tmp_path


def _row(doc, quote, value, **kw):
    start = doc.text.index(quote)
    row = {"doc_id": doc.doc_id, "start": start, "end": start + len(quote), "quote": quote}
    row.update(value=value, unit="count", indicator="partner_countries", scope="national")
    row.update(measure="level", year=2009, derived_from="")
    row.update(kw)
    return row


def _score(folder, rows, drop=()):
    corpus = load_corpus(folder / "docs")
    frame = pd.DataFrame([r(corpus.get("a")) for r in rows]).drop(columns=list(drop))
    return score(load_gold(folder), corpus, frame)


def test_all_found_and_right_scores_full(tiny):
    res = _score(
        tiny,
        [
            lambda d: _row(d, "152 countries and regions", 152),
            lambda d: _row(d, "140 countries", 140, scope="agency"),
        ],
    )
    assert res.score("fact_recall") == 1.0
    assert res.score("strict_recall") == 1.0
    assert res.score("wrong_rows") == 0


def test_a_miss_lowers_recall(tiny):
    res = _score(tiny, [lambda d: _row(d, "152 countries and regions", 152)])
    assert res.score("fact_recall") == 0.5
    assert any("missed '140 countries'" in n for n in res.misses["a"])


def test_a_wrong_value_or_place_is_no_match(tiny):
    res = _score(
        tiny,
        [
            lambda d: _row(d, "152 countries and regions", 150),  # wrong value
            lambda d: _row(d, "Ministry of Agriculture", 140, scope="agency"),  # wrong place
        ],
    )
    assert res.score("fact_recall") == 0.0


def test_furniture_row_and_part_as_whole_are_wrong(tiny):
    res = _score(
        tiny,
        [
            lambda d: _row(d, "152 countries and regions", 152),
            lambda d: _row(d, "140 countries", 140),  # the ministry's figure called national
            lambda d: _row(d, "6859 1234", 68591234, indicator="unclassified"),
        ],
    )
    assert res.wrong("furniture") == 1 and res.wrong("part_as_whole") == 1
    assert res.score("furniture_clean") == 0.5
    assert res.score("part_not_whole") == 0.0
    assert res.score("scope") == 0.5
    floors = {"wrong_rows": 1, "fact_recall": 1.0}
    assert res.below({"thresholds": floors}) == ["thresholds.wrong_rows: 2.0 (threshold 1)"]
    # the written document is not a later one: floors of the later documents do not see it
    assert res.below({"later": floors}) == ["later.fact_recall: None (threshold 1.0)"]


def test_missing_columns_score_as_wrong_not_crash(tiny):
    res = _score(
        tiny,
        [
            lambda d: _row(d, "152 countries and regions", 152),
            lambda d: _row(d, "140 countries", 140, scope="agency"),
        ],
        drop=("scope", "measure"),
    )
    assert res.score("fact_recall") == 1.0
    assert res.score("scope") == 0.0 and res.score("measure") == 0.0
    assert res.score("strict_recall") == 0.0
    assert res.wrong("part_as_whole") == 1  # no scope: every figure joins the national series


def test_title_and_date_scored_to_the_gold_precision(tiny):
    gold = load_gold(tiny)
    doc = SimpleNamespace(
        doc_id="a",
        original=TEXT,
        title="Science  ties grow.",
        subtitle="",
        publisher="",
        published="2009-06-12",
        to_original=lambda offset: offset,
    )
    assert score(gold, [doc], pd.DataFrame()).score("titles") == 1.0
    gold["a"]["published"] = "2009-06"  # the package's day is more than the gold asks
    assert score(gold, [doc], pd.DataFrame()).score("published") == 1.0
    doc.published, doc.title = "2009", "Updated: 2009-06-12 14:35"  # less than it asks
    res = score(gold, [doc], pd.DataFrame())
    assert res.score("published") == 0.0 and res.score("titles") == 0.0
    assert normalise("  “China’s  Parks”. ") == normalise('"china\'s parks"')


def test_gold_that_left_its_text_is_an_error(tiny):
    gold = (tiny / "gold" / "a.yaml").read_text(encoding="utf-8")
    (tiny / "gold" / "a.yaml").write_text(gold.replace('"14:35"', '"15:45"'), encoding="utf-8")
    with pytest.raises(InputError, match="15:45"):
        load_gold(tiny)
    (tiny / "gold" / "a.yaml").write_text(gold.replace("scope: agency", "scope: ministry"))
    with pytest.raises(InputError, match="a.yaml"):
        load_gold(tiny)


def test_a_gold_word_for_what_is_counted_is_a_count(tiny):
    gold = tiny / "gold" / "a.yaml"
    gold.write_text(GOLD.replace("unit: count", "unit: countries"), encoding="utf-8")
    rows = [
        lambda d: _row(d, "152 countries and regions", 152),
        lambda d: _row(d, "140 countries", 140, scope="agency", unit="USD"),
    ]
    res = _score(tiny, rows)
    assert res.score("unit") == 0.5  # "countries" is a count; USD is no count


def test_a_not_facts_figure_is_its_digits_or_number_words(tmp_path):
    # "countries.3" names the note mark "3": a row ending on "countries" reads no furniture;
    # "Ep. 81 - ... at forty" names its words too: a row of "forty" does
    text = (
        "Science ties grow\n\nUpdated: 2009-06-12 14:35\n\n"
        "China has cooperative relations with 152 countries.3 Its podcast, Ep. 81 - the "
        "agreement at forty, aired.\n"
    )
    gold = GOLD.split("facts:")[0] + (
        'facts:\n  - {quote: "152 countries", value: 152, unit: count, indicator: '
        "partner_countries, scope: national, measure: level, year: 2009}\n"
        'not_facts: ["countries.3", "Ep. 81 - the agreement at forty"]\n'
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "gold").mkdir()
    shutil.copy(CORPUS / "gold.schema.yaml", tmp_path)
    (tmp_path / "docs" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "gold" / "a.yaml").write_text(gold, encoding="utf-8")
    res = _score(tmp_path, [lambda d: _row(d, "152 countries", 152)])
    assert res.wrong("furniture") == 0
    res = _score(
        tmp_path,
        [
            lambda d: _row(d, "152 countries", 152),
            lambda d: _row(d, "forty", 40, indicator="unclassified"),
        ],
    )
    assert res.wrong("furniture") == 1
