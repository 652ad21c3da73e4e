"""Facts: number grammar, qualifiers, years, multiples, indicators, schema, streaming."""

from __future__ import annotations

import functools
import math
import os
import re
from pathlib import Path

import pytest
from conftest import images
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import classify, corpus, facts, facttable, numbers
from analysis.config import ROOT, InputError

SEEDS = ROOT / "seeds"


def folder_facts(folder, workers: int = 1, store: str = "store"):
    """``stbrief facts``'s table of a folder: through the per-document store (one of the
    test's own, beside the folder) and ``workers`` processes."""
    from analysis import cache

    old = os.environ.get(cache.CACHE_ENV)
    os.environ[cache.CACHE_ENV] = str(Path(folder).parent / store)
    try:
        return cache.facts_for_folder(folder, workers=workers)
    finally:
        if old is None:
            del os.environ[cache.CACHE_ENV]
        else:
            os.environ[cache.CACHE_ENV] = old


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def doc_of(tmp_path: Path, body: str, title: str = "A Report on Cooperation") -> corpus.Document:
    path = write(tmp_path / "one", "doc", f"{title}\n\n{body}\n")
    return corpus.read_document(path)


def rows_of(tmp_path: Path, body: str) -> list[dict]:
    doc = doc_of(tmp_path, body)
    rows = facts.extract_facts(doc)
    for r in rows:
        assert doc.text[r["start"] : r["end"]] == r["quote"]
    return rows


def stated(rows: list[dict]) -> list[dict]:
    return [r for r in rows if not r["derived_from"]]


@pytest.fixture(scope="module")
def seed_corpus():
    return corpus.load_corpus(SEEDS)


@pytest.fixture(scope="module")
def seed_facts(seed_corpus):
    return facts.facts_table(seed_corpus)


def one(df, **where):
    sel = df
    for k, v in where.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, f"{where}: {len(sel)} rows"
    return sel.iloc[0]


# --------------------------------------------------------------------------- numbers
def fmt_int(n: int) -> str:
    return f"{n:,}"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(n=st.integers(min_value=10, max_value=9_999_999).filter(lambda n: not 1900 <= n <= 2049))
def test_integers_with_thousands_separators_parse_back(tmp_path, n):
    rows = rows_of(tmp_path, f"Last year the centre received {fmt_int(n)} visitors from abroad.")
    assert [r["value"] for r in rows] == [n]
    assert rows[0]["unit"] == "count" and rows[0]["qualifier"] == "exact"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    whole=st.integers(min_value=1, max_value=999),
    cents=st.integers(min_value=0, max_value=99),
    scale=st.sampled_from([("thousand", 1e3), ("million", 1e6), ("billion", 1e9)]),
    style=st.sampled_from(
        [
            "US$ {x} {s}",
            "{x} {s} US dollars",
            "{x} {s} yuan",
            "RMB {x} {s}",
            "{x} {s} euros",
            "{x} {s}",
        ]
    ),
)
def test_scaled_and_money_amounts_parse_back(tmp_path, whole, cents, scale, style):
    x = f"{whole}.{cents:02d}"
    words, factor = scale
    phrase = style.format(x=x, s=words)
    rows = rows_of(tmp_path, f"The fund spent {phrase} on equipment for the laboratories.")
    assert len(rows) == 1, rows
    assert math.isclose(rows[0]["value"], float(x) * factor, rel_tol=1e-9)
    unit = {"US$": "USD", "US dollars": "USD", "yuan": "CNY", "RMB": "CNY", "euros": "EUR"}
    expected = next((u for k, u in unit.items() if k in style), "count")
    assert rows[0]["unit"] == expected
    assert rows[0]["quote"].replace(" ", "") == phrase.replace(" ", "")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    x=st.decimals(min_value="0.1", max_value="99.9", places=1),
    sign=st.sampled_from([" percent", "%", " per cent"]),
)
def test_percentages_parse_back(tmp_path, x, sign):
    rows = rows_of(tmp_path, f"Exports grew by {x}{sign} in the period under review.")
    assert len(rows) == 1
    assert math.isclose(rows[0]["value"], float(x)) and rows[0]["unit"] == "percent"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lo=st.integers(min_value=1, max_value=500), width=st.integers(min_value=1, max_value=50))
def test_ranges_parse_back_with_bounds(tmp_path, lo, width):
    hi = lo + width
    rows = rows_of(tmp_path, f"Each province opened {lo}-{hi} training centres last year.")
    assert len(rows) == 1
    r = rows[0]
    assert (r["value"], r["low"], r["high"], r["qualifier"]) == (lo, lo, hi, "range")


def test_number_forms_of_the_documents(tmp_path):
    rows = rows_of(
        tmp_path,
        "It counted I 07,000 visits and l 23,500 trainees. "
        "Officials named 320 thousand alumni. "
        "The observatory stands 4,300 meters high. "
        "Trade rose 20.6 times. "
        "Output reached 5-fold growth. "
        "One third of the grants and half of the prizes went to young scientists. "
        "Two thirds of the staff came from a dozen provinces and ten cities.",
    )
    words = ("One third", "half", "Two thirds")
    got = {next((w for w in words if r["quote"] == w), r["quote"].split(" ")[0]): r for r in rows}
    assert got["I"]["value"] == 107000 and got["I"]["quote"].startswith("I 07,000")
    assert got["l"]["value"] == 123500
    assert got["320"]["value"] == 320000
    assert got["4,300"]["unit"] == "m" and got["4,300"]["value"] == 4300
    assert got["20.6"]["unit"] == "multiple"
    assert got["5-fold"]["unit"] == "multiple" and got["5-fold"]["value"] == 5
    # a share in words is a percent of its whole, to one decimal, as a reader states it
    assert got["One third"]["value"] == 33.3 and got["One third"]["unit"] == "percent"
    assert got["half"]["value"] == 50 and got["half"]["unit"] == "percent"
    assert got["Two thirds"]["value"] == 66.7
    values = sorted(r["value"] for r in rows if r["unit"] == "count")
    assert 12 in values and 10 in values


@pytest.mark.parametrize(
    "sentence",
    [
        "In 1998, the ministry reorganised its offices.",
        "The agreement was signed on August 28, 2011 in Beijing.",
        "BEIJING, Oct. 8 (Xinhua) -- the talks opened.",
        "The treaty was signed on 23 November 1979 in Paris.",
        "The fair, held in Kunming from June 6 to 10, closed on time.",
        "A second fair runs June 14-20 in the city.",
        "The programme ran during 1994-1997 in the north.",
        "It belongs to the Tenth Five-year Plan (2001 - 2005) of the ministry.",
        "This is the first year of the 12th Five-Year Plan and the end of the 11th one.",
        "During the third round of the Ninth conference, nothing was agreed.",
        "The company developed the first 8AT automatic transmission for the G8 market.",
        "Call the office at 86-10-88828000 for details.",
        "In the past five years, relations deepened.",
        "For the past ten years, we have witnessed a dynamic period.",
        "Hundreds of people and thousands of volunteers joined in.",
        "Since 1990, the ministry has grown.",
    ],
)
def test_not_numbers_give_no_rows(tmp_path, sentence):
    assert rows_of(tmp_path, sentence) == []


def test_list_markers_give_no_rows(tmp_path):
    body = "1. Guidelines\n\n(1) Concentrate strength and highlight priorities\n\nII. Tasks\n"
    assert rows_of(tmp_path, body) == []
    # a numbered note under a heading the sentence splitter keeps in the same sentence
    notes = "Remarks:\n2. All totals in this bulletin are provisional.\n"
    assert rows_of(tmp_path, notes) == []


# --------------------------------------------------------------------------- qualifiers
@pytest.mark.parametrize(
    "phrase, qualifier",
    [
        ("nearly 100", "nearly"),
        ("almost 100", "nearly"),
        ("close to 100", "nearly"),
        ("over 100", "over"),
        ("more than 100", "over"),
        ("above 100", "over"),
        ("100 or more", "at_least"),
        ("at least 100", "at_least"),
        ("some 100", "approx"),
        ("about 100", "approx"),
        ("around 100", "approx"),
        ("approximately 100", "approx"),
        ("roughly 100", "approx"),
        ("100", "exact"),
    ],
)
def test_qualifiers(tmp_path, phrase, qualifier):
    rows = rows_of(tmp_path, f"Last year the academy hosted {phrase} visiting delegations.")
    assert len(rows) == 1 and rows[0]["value"] == 100
    assert rows[0]["qualifier"] == qualifier
    assert rows[0]["quote"].startswith(phrase)


def test_plan_targets(tmp_path):
    rows = rows_of(
        tmp_path,
        "- To support participation in 2-3 large-scale global cooperation projects where China "
        "has its own advantages. The Program will support the establishment of 3-5 "
        "Demonstration Bases. To set up 5 joint research laboratories or centers in China. "
        "China has set up 12 joint research centers so far.",
    )
    by_value = {r["value"]: r for r in rows}
    assert by_value[2]["qualifier"] == "target" and (by_value[2]["low"], by_value[2]["high"]) == (
        2,
        3,
    )
    assert by_value[2]["indicator"] == "coop_projects"
    assert by_value[3]["qualifier"] == "target" and by_value[3]["indicator"] == "coop_bases"
    assert by_value[5]["qualifier"] == "target" and by_value[5]["low"] == by_value[5]["high"] == 5
    assert by_value[5]["indicator"] == "joint_research_centers"
    assert by_value[12]["qualifier"] == "exact"


# --------------------------------------------------------------------------- years
def test_year_rules(tmp_path):
    body = (
        "Kestrel Review of Cooperation, 2016 edition.\n\n"
        "In 2013, some 1,200 foreign experts worked in the provinces. "
        "The ministry signed 45 technical export contracts in 2012, compared with 30 in 2010. "
        "By 2014, China had signed S&T cooperation agreements with 104 countries. "
        "Over 3.5 million students have studied abroad since 1978, and 1.4 million have returned. "
        "Since opening up, 77 technology parks were built. "
        "In the past five years, the academy received 640 foreign experts. "
        "During 2006-2010, 90 joint research centers were opened. "
        "Today 180 countries and regions have cooperative relations with China."
    )
    # (a title naming no year: "Cooperation Report 2015", now read as the page's title, would
    # be the year the report reviews, not the publication's these rules count from)
    doc = doc_of(tmp_path, body, title="Cooperation Report")
    assert doc.published_year == 2016
    rows = stated(facts.extract_facts(doc))
    v = {r["value"]: r for r in rows}
    assert (v[1200]["year"], v[1200]["year_basis"], v[1200]["qualifier"]) == (
        2013,
        "explicit",
        "approx",
    )
    assert v[1200]["indicator"] == "foreign_experts"
    assert (v[45]["year"], v[45]["year_basis"]) == (2012, "explicit")
    assert v[45]["indicator"] == "tech_export_contracts"
    assert (v[30]["year"], v[30]["year_basis"]) == (2010, "explicit")
    assert (v[104]["year"], v[104]["period_end"], v[104]["year_basis"]) == (
        2014,
        2014,
        "cumulative",
    )
    assert v[104]["indicator"] == "intergov_agreements"
    for n, ind in ((3.5e6, "students_abroad"), (1.4e6, "returnees")):
        assert (v[n]["period_start"], v[n]["period_end"], v[n]["year"]) == (1978, 2016, 2016)
        assert v[n]["year_basis"] == "period" and v[n]["indicator"] == ind
    assert (v[77]["period_start"], v[77]["year_basis"], v[77]["indicator"]) == (
        1978,
        "period",
        "tech_parks",
    )
    assert (v[640]["period_start"], v[640]["period_end"]) == (2012, 2016)
    assert (v[90]["period_start"], v[90]["period_end"], v[90]["year"]) == (2006, 2010, 2010)
    assert v[90]["indicator"] == "joint_research_centers"
    assert (v[180]["year"], v[180]["year_basis"], v[180]["indicator"]) == (
        2016,
        "publication",
        "partner_countries",
    )
    assert 5 not in v  # "In the past five years" is a period, not a figure


def test_no_publication_year_leaves_year_empty(tmp_path):
    doc = doc_of(tmp_path, "The academy hosted 40 visiting delegations.")
    doc.published, doc.published_year = "", None
    (row,) = facts.extract_facts(doc)
    assert row["year"] is None and row["year_basis"] == "publication"


# --------------------------------------------------------------------------- multiples
def test_multiples_pair_in_order_and_give_baselines(tmp_path):
    rows = rows_of(
        tmp_path,
        "In 2009, the country signed 7,200 technical import contracts worth US$ 21.5 billion, "
        "1.5 times and 2.5 times those of 2005 respectively. "
        "In 2010, 600 foreign experts came, 3 times that of 2000.",
    )
    mult = [r for r in rows if r["unit"] == "multiple"]
    assert [(r["value"], r["indicator"], r["period_start"], r["period_end"]) for r in mult] == [
        (1.5, "tech_import_contracts", 2005, 2009),
        (2.5, "tech_import_value", 2005, 2009),
        (3, "foreign_experts", 2000, 2010),
    ]
    derived = {r["indicator"]: r for r in rows if r["derived_from"]}
    contracts = next(r for r in rows if r["value"] == 7200)
    d = derived["tech_import_contracts"]
    assert math.isclose(d["value"], 7200 / 1.5) and d["year"] == 2005
    assert d["derived_from"] == contracts["fact_id"] and d["year_basis"] == "relative"
    assert d["qualifier"] == "approx" and d["fact_id"].endswith(":derived")
    assert math.isclose(derived["tech_import_value"]["value"], 21.5e9 / 2.5)
    assert derived["tech_import_value"]["unit"] == "USD"
    assert (
        math.isclose(derived["foreign_experts"]["value"], 200)
        and derived["foreign_experts"]["year"] == 2000
    )


def test_a_base_year_after_the_figure_gives_no_period(tmp_path):
    # "twice that of 1998" in a 1995 sentence is no growth period: the table stays valid
    folder = tmp_path / "later"
    write(
        folder,
        "a",
        "Report\n\nIn 1995, China signed 50 cooperation agreements, 2 times that of 1998. "
        "In 2010, 600 foreign experts came, 3 times that of 2000.\n",
    )
    df, _skipped = folder_facts(folder)
    twice = one(df, quote="2 times")
    assert twice["period_end"] == 1995 and facts._missing(twice["period_start"])
    assert not (df["derived_from"] == one(df, value=50)["fact_id"]).any()
    assert one(df, value=3)["period_start"] == 2000  # a true base year still counts


def test_unicode_case_variants_of_number_words(tmp_path):
    # the long s and capitals match the number words case-insensitively: read, not a crash
    rows = stated(
        rows_of(tmp_path, "In 2003, China sent ſix hundred students and SIX delegations.")
    )
    assert [(r["quote"].split()[0], r["value"]) for r in rows] == [("ſix", 600), ("SIX", 6)]


# --------------------------------------------------------------------------- seeds
def test_seed_quotes_match_offsets(seed_corpus, seed_facts):
    assert len(seed_facts) > 40
    for r in seed_facts.itertuples():
        doc = seed_corpus.get(r.doc_id)
        assert doc.text[r.start : r.end] == r.quote
        assert r.quote.strip() and " ".join(r.quote.split()) in r.sentence


def test_seed_facts_pinned(seed_facts):
    df = seed_facts[seed_facts["derived_from"] == ""]
    d000 = df[df.doc_id.str.startswith("000_")]
    p = one(d000, indicator="coop_projects", unit="count")
    assert (p.value, p.year, p.year_basis) == (22000, 1998, "explicit")
    x = one(d000, indicator="personnel_exchanges", unit="count")
    assert (x.value, x.year) == (107000, 1998) and x.quote.startswith("I 07,000")
    c = one(d000, indicator="tech_import_contracts", unit="count")
    assert (c.value, c.year) == (5984, 1997)
    v = one(d000, indicator="tech_import_value", unit="USD")
    assert (v.value, v.year) == (15.92e9, 1997)
    e = one(d000, indicator="tech_export_contracts", unit="count")
    assert (e.value, e.year) == (2500, 1998)
    ev = one(d000, indicator="tech_export_value", unit="USD")
    assert (ev.value, ev.year) == (6.69e9, 1998)
    d003 = df[df.doc_id.str.startswith("003_")]
    pc = one(d003, indicator="partner_countries")
    assert (pc.value, pc.year) == (152, 2011)
    assert one(d003, indicator="st_diplomats").value == 141
    assert one(d003, indicator="st_offices").value == 69
    assert one(d003, indicator="joint_research_centers").value == 33
    assert one(d003, indicator="coop_bases").value == 222
    assert one(d003, indicator="innovation_zones").value == 5
    d001 = df[df.doc_id.str.startswith("001_")]
    cp = one(d001, indicator="coop_projects", unit="count")
    assert (cp.value, cp.year, cp.period_end, cp.year_basis) == (27785, 1995, 1995, "cumulative")
    pc1 = one(d001, indicator="partner_countries")
    assert (pc1.value, pc1.qualifier) == (150, "at_least")
    assert one(d001, indicator="intergov_agreements").value == 96
    d000_agree = one(d000, indicator="intergov_agreements")
    assert (d000_agree.value, d000_agree.qualifier) == (100, "nearly")
    d002 = df[df.doc_id.str.startswith("002_")]
    heads = one(d002, value=219)
    # returnees heading CAS institutes: the academy's figure, never the national series
    assert (heads.indicator, heads.scope, heads.actor) == ("returnees", "agency", "CAS")
    national = d002[d002.scope == "national"]
    assert one(national, indicator="returnees").value == 110000
    assert one(d002, indicator="students_abroad").period_start == 1978
    d004 = df[df.doc_id.str.startswith("004_")]
    assert set(d004.qualifier) == {"target"}


def test_seed_baselines(seed_facts):
    derived = seed_facts[seed_facts["derived_from"] != ""]
    got = {(r.indicator, r.year): r.value for r in derived.itertuples()}
    assert math.isclose(got[("coop_projects", 1978)], 22000 / 20.6)
    assert round(got[("coop_projects", 1978)]) == 1068
    assert round(got[("personnel_exchanges", 1978)]) == 8629
    assert round(got[("tech_export_contracts", 1991)]) == 463
    assert math.isclose(got[("tech_export_value", 1991)], 6.69e9 / 5.2)
    assert math.isclose(got[("tech_import_contracts", 1991)], 5984 / 16.7)
    assert math.isclose(got[("tech_import_value", 1991)], 15.92e9 / 4.6)
    assert set(derived.year_basis) == {"relative"}
    ids = set(seed_facts.fact_id)
    assert all(d in ids for d in derived.derived_from)


def test_no_year_or_date_numbers_in_seeds(seed_facts):
    assert not (seed_facts.value.between(1900, 2049) & (seed_facts.unit == "count")).any()
    assert not seed_facts.quote.str.contains("8AT|12th|11th|Five-year|Five-Year").any()


def test_period_filter(seed_corpus):
    df = facts.facts_table(seed_corpus, 1990, 1999)
    assert not df.empty
    ok = df.year.between(1990, 1999) | (
        (df.period_start.fillna(df.year) <= 1999) & (df.period_end.fillna(df.year) >= 1990)
    )
    assert ok.all()
    assert 2011 not in set(df.year.dropna())
    with pytest.raises(InputError):
        facts.facts_table(seed_corpus, 2011, 1978)


# --------------------------------------------------------------------------- schema
def test_schema_passes_on_seeds_and_names_bad_rows(seed_facts):
    facts.validate_facts(seed_facts)
    assert list(facts.FACTS_SCHEMA.columns) == facts.COLUMNS
    bad = seed_facts.copy()
    bad.loc[0, "unit"] = "furlongs"
    bad.loc[3, "end"] = bad.loc[3, "start"]
    bad.loc[5, "indicator"] = "made_up"
    bad.loc[7, "year"] = 1492
    with pytest.raises(InputError) as err:
        facts.validate_facts(bad)
    msg = str(err.value)
    for i in (0, 3, 5, 7):
        assert f"start={bad.loc[i, 'start']}" in msg
        assert bad.loc[i, "doc_id"] in msg
    assert f"start={bad.loc[1, 'start']} " not in msg


# --------------------------------------------------------------------------- duplicates
NEAR_COPY_TITLE = "China Widens Its Science Links: A Repost"


def test_near_duplicate_document_facts_are_flagged(tmp_path):
    folder = tmp_path / "dups"
    folder.mkdir()
    original = (SEEDS / "000_098c7eb4cf732e91.txt").read_text(encoding="utf-8")
    body = original.split("\n", 1)[1]
    body = body.replace("The non-governmental cooperation", "The non-governmental exchanges")
    body = body.replace("played an important role", "played a major role")
    write(folder, "000_original", original)
    write(folder, "001_repost", f"{NEAR_COPY_TITLE}\n{body}\nPosted 2001.\n")
    write(
        folder,
        "002_other",
        "An Unrelated Overview\n\nIn 1998, there were 22,000 scientific and technological "
        "cooperation and exchange projects, a record for the program office.\n",
    )
    c = corpus.load_corpus(folder)
    assert c.get("001_repost").duplicate_of == "000_original"
    df = facts.facts_table(c)
    repost = df[df.doc_id == "001_repost"]
    assert len(repost) > 10 and repost.duplicate.all()
    assert not df[df.doc_id == "000_original"].duplicate.any()
    other = df[df.doc_id == "002_other"]
    assert len(other) == 1 and not other.duplicate.any()  # same figure, independent source
    streamed, _ = folder_facts(folder)
    assert streamed["duplicate"].tolist() == df["duplicate"].tolist()


# --------------------------------------------------------------------------- streaming
def test_facts_for_folder_same_for_any_number_of_workers(tmp_path):
    folder = tmp_path / "many"
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(30):
        src = seeds[i % len(seeds)].read_text(encoding="utf-8")
        extra = f"\n\nIn {1980 + i}, the bureau counted {100 + i * 7} visiting delegations.\n"
        write(folder, f"{i:03d}_doc", src + extra)
    (folder / "bad.txt").write_bytes(b"\x00\x01binary")
    one_, skipped1 = folder_facts(folder, workers=1, store="store1")
    two, skipped2 = folder_facts(folder, workers=2, store="store2")
    assert one_.equals(two)
    assert [s.file for s in skipped1] == [s.file for s in skipped2] == ["bad.txt"]
    assert one_.duplicate.any()  # copies of the same seed are near-duplicates
    loaded = facts.facts_table(corpus.load_corpus(folder))
    assert loaded.drop(columns="duplicate").equals(one_.drop(columns="duplicate"))
    assert loaded.duplicate.tolist() == one_.duplicate.tolist()


def test_facts_for_folder_rejects_missing_folder(tmp_path):
    with pytest.raises(InputError, match="not a folder"):
        folder_facts(tmp_path / "nope")


# --------------------------------------------------------------------------- notebook
@pytest.mark.slow
def test_indicators_notebook_runs(run_notebook):
    outputs = run_notebook(
        "02-indicators.ipynb", seeds_dir=str(SEEDS), start_year=1978, end_year=2011
    )
    assert images(outputs) >= 1  # the first chart
    assert any("personnel_exchanges" in str(o.get("data", {})) for o in outputs)


# --------------------------------------------------------------------------- fast paths
# The scans visit only the positions where a match can start; they must give exactly what
# the plain regex scans give, whatever the text (cases, blanks, OCR, currencies, Unicode).
PIECES = [
    "22,000", "I 07,000", "l 5,000", "I2,000", "US$ 6.69 billion", "US  $ 5", "US$5", "€ 3",
    "EUR 40 million", "RMB 8 billion", "$ 7", "21.2%", "2-3", "8–10", "1994-1997", "five",
    "TWO", "Twenty", "one third", "One  Third", "a dozen", "A\tdozen", "two dozen", "Half a dozen",
    "two-thirds", "half", "2017\n- 47",
    "the other half", "ten", "often", "attention", "sixteen", "twenty-five", "five-year",
    "20.6 times", "that of 1978", "over 1985", "compared with that of 1980", "since 1990",
    "since reform and opening up", "in the past five years", "over the last decade",
    "In The Past Five Years", "by the end of 2010", "as of June 2005", "between 1990 and 2000",
    "(2006-10)", "1990 to 95", "during 2001–2005", "since the beginning of September. 1990",
    "compared with the level of in 1980", "up to the end of December 2001", "the numbers of 1985", "Aug. 28, 2011", "23 November 1979",
    "(1)", "1.", "86-10-1234567", "1234567", "will reach", "To build", "has", "more than",
    "nearly", "about", "or more", "150 or more", "2049", "2050", "1899", "٣", "١٢٣", "½", "é",
    "\u00a0", "—", "’", "\n", ". ", "; ", ", ", "  ", " ", " ", " ",
]  # fmt: skip
# characters re.IGNORECASE matches to ASCII letters: texts with one take the plain scans
FOLDING = ["ſix", "paſt", "İ", "K"]
texts = st.builds(
    lambda pieces, extra, at: "".join(pieces[:at] + [extra] + pieces[at:]),
    st.lists(st.sampled_from(PIECES), max_size=60),
    st.sampled_from([""] * 12 + FOLDING),
    st.integers(0, 60),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_fast_number_scan_is_finditer(text):
    g = numbers.grammar()
    spans = [(m.span(), m.groups()) for m in numbers._number_matches(g, text, numbers._lower(text))]
    assert spans == [(m.span(), m.groups()) for m in g.number.finditer(text)]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.data())
def test_fast_year_scan_is_finditer(text, data):
    g = numbers.grammar()
    anchors = numbers._year_anchors(text, numbers._lower(text))
    a = data.draw(st.one_of(st.just(0), st.integers(0, len(text))))
    b = data.draw(st.one_of(st.just(len(text)), st.integers(a, len(text))))
    fast = numbers._year_matches(g, text, a, b, anchors)
    assert [m.span() for m in fast] == [m.span() for m in g.years.finditer(text, a, b)]


def test_required_words_are_in_every_match():
    import re

    from analysis import scan

    for pattern, text in [
        (r"countries(?: and (?:regions|areas))?", "Countries and Areas"),
        (
            r"(?:foreign|overseas) (?:experts|specialists)|experts from abroad",
            "EXPERTS FROM ABROAD",
        ),
        (r"stud(?:y|ied) (?:abroad|overseas)", "studied overseas"),
    ]:
        p = re.compile(pattern, re.I)
        needs = scan.required_words(p)
        m = p.search(text)
        assert m and any(w in m.group(0).lower() for w in needs)
    assert scan.required_words(re.compile(r"\d+|x?")) is None  # nothing is required


def test_classify_prefilter_gives_the_same_indicators(seed_corpus):
    for doc in seed_corpus:
        for s in doc.sentences:
            a, b = s.start, s.end
            for cut in range(a, b, 7):
                args = (doc.text, "count", (a, cut), (cut, b), (a, b))
                assert classify._classify(*args, numbers._lower(doc.text)) == classify._classify(
                    *args
                )


def test_frame_from_rows_tuples_and_columns_is_the_same(seed_corpus):
    rows = [r for d in seed_corpus for r in facts.extract_facts(d)]
    by_dict = facts._frame(rows)
    tuples = [tuple(r[c] for c in facts.COLUMNS) for r in rows]
    assert facts._frame(tuples).equals(by_dict)


def test_fast_schema_check_agrees_with_pandera(seed_facts):
    import pandera.errors

    assert facttable._schema_holds(seed_facts)
    facts.facts_schema().validate(seed_facts, lazy=True)  # pandera takes _frame's dtypes
    breakers = {
        "unit": lambda df: df.loc.__setitem__((0, "unit"), "furlongs"),
        "end": lambda df: df.loc.__setitem__((3, "end"), df.loc[3, "start"]),
        "indicator": lambda df: df.loc.__setitem__((5, "indicator"), "made_up"),
        "year": lambda df: df.loc.__setitem__((7, "year"), 1492),
        "fact_id": lambda df: df.loc.__setitem__((2, "fact_id"), df.loc[1, "fact_id"]),
        "quote": lambda df: df.loc.__setitem__((4, "quote"), ""),
        "value": lambda df: df.loc.__setitem__((6, "value"), math.inf),
        "low": lambda df: df.loc.__setitem__((8, ("low", "high")), (5.0, 1.0)),
        "period": lambda df: df.loc.__setitem__((9, ("period_start", "period_end")), (2010, 2000)),
        "start": lambda df: df.loc.__setitem__((10, "start"), -1),
        "basis": lambda df: df.loc.__setitem__((11, "year_basis"), "guess"),
        "extra column": lambda df: df.insert(0, "extra", 1),
        "dtype": lambda df: df.__setitem__("start", df["start"].astype("float64")),
    }
    for name, breaker in breakers.items():
        bad = seed_facts.copy()
        breaker(bad)
        assert not facttable._schema_holds(bad), name
        with pytest.raises(pandera.errors.SchemaErrors):
            facts.facts_schema().validate(bad, lazy=True)


def test_near_copies_without_any_year_are_flagged(tmp_path):
    # an undated document and its copy: the claims have no year (used to raise TypeError)
    body = (
        "Notes of the Office\n\nThe office counted 42 visiting delegations and many other "
        "things happened here with the people of the town and the members of the committee.\n"
    )
    write(tmp_path / "undated", "a", body)
    write(tmp_path / "undated", "b", body)
    df, _ = folder_facts(tmp_path / "undated")
    assert df["year"].isna().all()
    assert df["duplicate"].tolist() == [False, True]


def test_worker_minhash_checked_against_datasketch(tmp_path, monkeypatch):
    # if datasketch ever computes MinHash otherwise than the workers' numpy copy of it, the
    # signatures are computed again with datasketch: the same table either way
    folder = tmp_path / "check"
    for i, p in enumerate(sorted(SEEDS.glob("*.txt")) * 2):
        write(folder, f"{i:02d}", p.read_text(encoding="utf-8"))
    expected, _ = folder_facts(folder, store="store1")
    from analysis import nearcopies

    # the real kit made before ``_affine32`` is spoilt below: it is remembered per process,
    # and a kit made under the spoilt one would stay without its fast update for later tests
    template = nearcopies._minhash_kit(nearcopies._settings()["num_perm"])[0]

    def without_fast_update(num_perm):
        return template, None

    import numpy as np

    wrong = np.zeros(128, dtype=np.uint32)  # what a changed datasketch would not give
    monkeypatch.setattr(nearcopies, "_minhash_kit", without_fast_update)
    monkeypatch.setattr(nearcopies, "_affine32", lambda *a: (None, wrong, lambda d: wrong))
    got, _ = folder_facts(folder, store="store2")
    assert got.equals(expected) and got.duplicate.any()


# --------------------------------------------------------------------------- definition
@pytest.mark.parametrize(
    "body, quote_start, scope, actor",
    [
        ("The Ministry of Agriculture has ties with 58 countries in cooperation.", "58",
         "agency", "Ministry of Agriculture"),
        ("China has established cooperative relations with 152 countries and regions.", "152",
         "national", ""),
        ("China has cooperative relations with 152 countries, the ministry said.", "152",
         "national", ""),
        ("In 2008, 253 scientists from the Chinese Academy of Sciences held posts abroad.",
         "253", "agency", "Chinese Academy of Sciences"),
        ("The Chinese Science Association has joined 244 international organizations, "
         "and 293 Chinese scientists have taken positions in other bodies.", "293", "national", ""),
        ("Zhejiang University opened 12 joint laboratories with partners abroad.", "12",
         "local", "Zhejiang University"),
        ("Under the deal Japan will send 300 foreign experts to work in the country.", "300",
         "foreign", "Japan"),
        ("China signed agreements with Japan covering 45 cooperation projects.", "45",
         "national", ""),
    ],
)  # fmt: skip
def test_scope_comes_from_the_clause(tmp_path, body, quote_start, scope, actor):
    rows = [r for r in rows_of(tmp_path, body) if r["quote"].startswith(quote_start)]
    assert len(rows) == 1, rows
    assert (rows[0]["scope"], rows[0]["actor"]) == (scope, actor)


@pytest.mark.parametrize(
    "body, measure",
    [
        ("China has cooperative relations with 152 countries and regions.", "level"),
        ("In 1998, China signed 2,500 technical export contracts.", "annual"),
        ("Since 1978, China has signed 27,000 technical import contracts.", "cumulative"),
        ("A total of 497,300 students abroad had come back by then.", "cumulative"),
        ("The plan aims to build 50 joint research centers.", "target"),
        ("Exports grew by 21.2 percent that year.", "change"),
        ("Of all the experts, 40 percent were engineers.", "share"),
    ],
)
def test_measure_of_a_figure(tmp_path, body, measure):
    rows = stated(rows_of(tmp_path, body))
    assert rows[0]["measure"] == measure, rows[0]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # numbers written the European way, as foreign ministries' pages do
        ("In 2017 Denmark funded 1.100 Chinese researchers.", [1100.0]),
        ("The programme has 15 000 participants.", [15000.0]),
        ("The fund holds 2.500.000 euros for 2015.", [2500000.0]),
        ("Denmark gave DKK 1,2 billion in 2017.", [1200000000.0]),
        # (a decimal point before a scale or in a share stays one; two digits after a
        # comma without a scale are no group: "in 2012,18 of them")
        ("Exports rose 3.125 percent to 1.5 million in 2017.", [3.125, 1500000.0]),
        ("In 2012,18 of them returned.", []),
    ],
)  # fmt: skip
def test_european_number_styles(tmp_path, body, want):
    assert [r["value"] for r in rows_of(tmp_path, body)] == want


def test_scaled_values_are_exact(tmp_path):
    rows = rows_of(tmp_path, "The fund spent US$ 3.27 billion and RMB 0.29 million on labs.")
    assert [r["value"] for r in rows] == [3270000000.0, 290000.0]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # a scale set against the digits, as papers write it, stored exactly
        ("The programme costs €40m a year.", [(40_000_000.0, "EUR")]),
        ("Contracts were worth €2.3bn in 2012.", [(2_300_000_000.0, "EUR")]),
        ("The ministry spent Rmb1.1bn on it.", [(1_100_000_000.0, "CNY")]),
        ("Some 4.04m have gone abroad since 1978.", [(4_040_000.0, "count")]),
        ("Like 4k of them stayed.", [(4_000.0, "count")]),
        ("The fund adds C$4.5-million.", [(4_500_000.0, "CAD")]),
        ("Trade reached 810 bn yen.", [(810_000_000_000.0, "JPY")]),
        ("About 7.5 lakh students left, and Rs 15 crore was set aside.",
         [(750_000.0, "count"), (150_000_000.0, "INR")]),
    ],
)  # fmt: skip
def test_glued_and_regional_scales(tmp_path, body, want):
    rows = rows_of(tmp_path, body)
    assert [(r["value"], r["unit"]) for r in rows] == want


def test_a_metre_set_apart_from_its_number_is_no_million(tmp_path):
    assert [r["value"] for r in rows_of(tmp_path, "The dish is 500 m wide.")] == [500.0]


def test_a_count_cut_short_before_a_sites_counter_is_no_figure(tmp_path):
    body = "Laos sends chemists to China.\n\n388k Members   1.1k Online\n\nSome 4.04m have gone."
    assert [r["value"] for r in rows_of(tmp_path, body)] == [4_040_000.0]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # "-odd" after a figure is "about": the figure, and the people it counts
        ("In 2014, 150,000-odd Chinese students studied in Britain.",
         (150_000, "students_abroad", "foreign")),
        ("Some 300-odd Danish researchers came to work in Chinese institutes in 2014.",
         (300, "personnel_exchanges", "foreign")),
        ("Forty-odd countries had S&T agreements with China in 1985.",
         (40, "intergov_agreements", "national")),
    ],
)  # fmt: skip
def test_a_figure_followed_by_odd_is_read(tmp_path, body, want):
    rows = stated(rows_of(tmp_path, body))
    assert [(r["value"], r["indicator"], r["scope"]) for r in rows] == [want]


def test_words_ranges_and_from_to(tmp_path):
    rows = stated(rows_of(tmp_path, "By 1988 China had thirty-six joint laboratories abroad."))
    assert [(r["value"], r["indicator"]) for r in rows] == [(36, "joint_research_centers")]
    rows = stated(rows_of(tmp_path, "Two dozen Chinese engineers work at the laboratory."))
    assert [(r["quote"], r["value"]) for r in rows] == [("Two dozen", 24)]
    rows = stated(rows_of(tmp_path, "The centre hosted 200 to 400 foreign experts each year."))
    assert [(r["low"], r["high"], r["qualifier"]) for r in rows] == [(200, 400, "range")]
    # a range whose unit and scale stand after its second end only
    rows = stated(rows_of(tmp_path, "Yields were 20 to 30 percent higher than before."))
    assert [(r["low"], r["high"], r["unit"]) for r in rows] == [(20, 30, "percent")]
    rows = stated(rows_of(tmp_path, "Its exports are roughly 700 to 800 million dollars a year."))
    assert [(r["low"], r["high"], r["unit"]) for r in rows] == [(7e8, 8e8, "USD")]
    rows = stated(
        rows_of(
            tmp_path,
            "The value of technology export contracts rose from US$ 0.2 billion in 1990 to "
            "US$ 8.1 billion in 2000.",
        )
    )
    got = [(r["value"], r["year"], r["indicator"]) for r in rows]
    assert got == [(2e8, 1990, "tech_export_value"), (8.1e9, 2000, "tech_export_value")]


# --------------------------------------------------------------------------- context (issue 11)
def by_quote(rows: list[dict]) -> dict[str, dict]:
    return {r["quote"]: r for r in stated(rows)}


def at(rows: dict[str, dict], start: str) -> dict:
    """The row whose quote starts with ``start`` (exactly one)."""
    got = [r for q, r in rows.items() if q.startswith(start)]
    assert len(got) == 1, (start, list(rows))
    return got[0]


def test_last_year_and_the_next_years_count_from_publication(tmp_path):
    rows = by_quote(
        rows_of(
            tmp_path,
            "BEIJING, March 30, 2011 (Xinhua) -- Trade grew. China signed 1,024 technology "
            "export contracts last year. By the end of last year China had sent 40,000 students abroad. China "
            "will carry out 100 joint demonstration projects over the next three years.",
        )
    )
    contracts = at(rows, "1,024")
    assert (contracts["year"], contracts["year_basis"], contracts["measure"]) == (
        2010,
        "relative",
        "annual",
    )
    sent = at(rows, "40,000")
    assert (sent["year"], sent["year_basis"], sent["measure"]) == (2010, "cumulative", "cumulative")
    plan = at(rows, "100 joint")
    assert (plan["year"], plan["measure"], plan["period_start"]) == (2014, "target", 2011)
    assert "three" not in rows  # the number of the period is no figure


def test_a_sentence_without_a_year_takes_that_of_the_sentence_before(tmp_path):
    rows = by_quote(
        rows_of(
            tmp_path,
            "Published 2012-03-01.\n\nIn 2010, the State arranged 1,374 projects. By the end of "
            "the year there were 56 national high-tech industrial development zones. A total of "
            "229,000 technology contracts were signed.\n\nChina now has 152 partner countries.\n\n"
            "Nothing else was said. A total of 300 contracts were signed.",
        )
    )
    assert at(rows, "56")["year"] == 2010
    contracts = at(rows, "229,000")
    # a chain of sentences: borrowed from the one before, which borrowed it; in one year
    assert (contracts["year"], contracts["measure"]) == (2010, "annual")
    assert at(rows, "152")["year"] != 2010  # "now"
    # a sentence without figures stands between: the publication year again
    assert at(rows, "300")["year"] != 2010


def test_measures_of_states_periods_and_shares(tmp_path):
    rows = by_quote(
        rows_of(
            tmp_path,
            "Japanese companies operated 120 research centres in China in 2010. "
            "Chinese contractors have won 12 procurement packages since 2008. "
            "In 2015, a total of 307,132 technology contracts were registered. "
            "Imports of patents and know-how made up 46 percent of the value. "
            "From 1978 to the end of 2009, 1.62 million Chinese went abroad to study.",
        )
    )
    assert at(rows, "120")["measure"] == "level"
    assert rows["12"]["measure"] == "cumulative"
    assert at(rows, "307,132")["measure"] == "annual"
    assert at(rows, "46")["measure"] == "share"
    students = at(rows, "1.62 million")
    assert (students["measure"], students["period_start"]) == ("cumulative", 1978)


def test_references_take_the_actor_named_before_them(tmp_path):
    rows = by_quote(
        rows_of(
            tmp_path,
            "China's Ministry of Agriculture now works with 140 countries. The ministry has "
            "signed 312 agreements with foreign agriculture ministries. "
            "Under the China-Africa Science and Technology Partnership Plan, China will also "
            "invite 100 African postdoctoral fellows. Sino-Russian trade reached 38.8 billion "
            "U.S. dollars in 2009.",
        )
    )
    agreements = at(rows, "312")
    assert (agreements["scope"], agreements["actor"]) == ("agency", "Ministry of Agriculture")
    fellows = rows["100"]
    assert fellows["scope"] == "programme"
    assert at(rows, "38.8")["scope"] == "national"


def test_of_these_is_a_part_of_the_figure_before(tmp_path):
    rows = by_quote(
        rows_of(
            tmp_path,
            "The Thousand Talents Plan has brought 2,263 professionals to China since 2008. "
            "Of these, 1,330 work in universities and 933 in enterprises.",
        )
    )
    whole = at(rows, "2,263")
    part = at(rows, "1,330")
    assert whole["scope"] == "programme"
    for key in ("scope", "actor", "measure", "year", "year_basis"):
        assert part[key] == whole[key], key


def test_currencies_in_every_position(tmp_path):
    rows = stated(
        rows_of(
            tmp_path,
            "The foundation spent RMB 5 bln, USD 1.5 bln, 3 bln USD, CHF 10 million, "
            "euro 40 million, GBP 30 million and 20 million Swiss francs.",
        )
    )
    got = [(r["value"], r["unit"]) for r in rows]
    assert got == [
        (5e9, "CNY"),
        (1.5e9, "USD"),
        (3e9, "USD"),
        (1e7, "CHF"),
        (4e7, "EUR"),
        (3e7, "GBP"),
        (2e7, "CHF"),
    ]


@pytest.mark.parametrize(
    "body, want",
    [
        # a bare word several countries use is the currency of the place named last before it
        ("A French diplomat said France will put up 45 million francs for it.", "FRF"),
        ("CERN expects components worth around 20 million francs by 2026.", "CHF"),
        ("Paris gave 3 million francs; Swiss partners later added 2 million francs.", "CHF"),
        ("The council put 60 million kroner into joint projects.", "DKK"),  # the default
        ("Norway's council put 60 million kroner into joint projects.", "NOK"),
        # currencies withdrawn by the euro, and Asian ones, written after the number
        ("Dutch aid worth 60 million guilders financed 14 projects.", "NLG"),
        ("Thailand's agency spent 30 million baht on the programme.", "THB"),
    ],
)
def test_currency_words_after_the_number(tmp_path, body, want):
    rows = stated(rows_of(tmp_path, body))
    money = [r for r in rows if r["value"] >= 1e6]
    assert money and money[-1]["unit"] == want, [(r["quote"], r["unit"]) for r in rows]


def test_a_figure_opening_a_wrapped_line_before_a_full_stop_is_no_list_marker(tmp_path):
    rows = stated(
        rows_of(
            tmp_path,
            "Technology fees came to US$23.8 billion, accounting for\n74 percent. Imports "
            "grew.\n\nNotes:\n1. The figures are provisional.\n2) Data were revised.",
        )
    )
    assert [r["value"] for r in rows] == [23.8e9, 74.0]


def test_a_figures_words_end_at_the_next_item_of_a_list(tmp_path):
    rows = {
        r["quote"]: r
        for r in stated(
            rows_of(
                tmp_path,
                "Our global network (figures as of March 2019)\n"
                "- Partner institutions: 312, in 46 countries and regions\n"
                "- Joint research centres and laboratories with foreign partners: 9\n",
            )
        )
    }
    # the 46 counts countries (where the partner institutions are), not the joint centres of
    # the item below it
    row = next(r for q, r in rows.items() if q.split()[0] == "46")
    assert row["indicator"] == "partner_countries"
    assert row["counted"] == "countries and regions"


# --------------------------------------------------------------------------- what a figure refers to
def _by_value(rows: list[dict]) -> dict[float, dict]:
    return {r["value"]: r for r in stated(rows)}


def test_the_number_of_such_nouns_takes_the_fuller_phrase_before(tmp_path):
    rows = _by_value(
        rows_of(
            tmp_path,
            "In 2000 China signed technology export contracts worth US$ 8.1 billion. "
            "The number of such contracts grew from 465 in 1991 to 3,230 in 2000. "
            "The number of contracts was 3,230.\n",
        )
    )
    assert rows[465]["indicator"] == rows[3230]["indicator"] == "tech_export_contracts"
    assert rows[465]["year"] == 1991


def test_a_percent_change_and_a_share_take_the_figure_they_qualify(tmp_path):
    rows = _by_value(
        rows_of(
            tmp_path,
            "In 2008 technology import contracts totalled US$ 27.1 billion, an increase of "
            "7.7 percent over 2007. The European Union accounted for 32.4 percent of the total "
            "value, Japan for 24.5 percent.\n",
        )
    )
    assert rows[7.7]["indicator"] == "tech_import_value"
    assert (rows[7.7]["measure"], rows[7.7]["year"]) == ("change", 2008)
    for share in (32.4, 24.5):
        assert rows[share]["indicator"] == "tech_import_value"
        assert (rows[share]["measure"], rows[share]["scope"]) == ("share", "national")


def test_of_them_takes_the_noun_of_the_figure_before(tmp_path):
    rows = _by_value(
        rows_of(
            tmp_path,
            "In 2004 China had cooperative relations with 152 countries and regions, and had "
            "signed intergovernmental agreements on science and technology with 96 of them.\n",
        )
    )
    assert rows[152]["indicator"] == "partner_countries"
    assert rows[96]["indicator"] == "intergov_agreements"


def test_a_figure_without_a_noun_takes_the_sentence_before(tmp_path):
    rows = _by_value(
        rows_of(
            tmp_path,
            "In 2009 China had 130 S&T diplomats abroad. In 1985 there were fewer than 50.\n",
        )
    )
    assert rows[50]["indicator"] == "st_diplomats"
    assert rows[50]["year"] == 1985


def test_of_these_is_a_subgroup_of_its_head(tmp_path):
    rows = _by_value(
        rows_of(
            tmp_path,
            "In 1997 the National Natural Science Foundation of China funded 1,235 international "
            "cooperation projects. Of these, 210 were joint research projects.\n",
        )
    )
    assert rows[1235]["indicator"] == "coop_projects"
    assert rows[210]["indicator"] == "unclassified"  # a part: no point of the series
    assert rows[210]["scope"] == rows[1235]["scope"] == "agency"


def test_chinese_students_in_another_country_are_the_nations_line_by_host(tmp_path):
    rows = _by_value(
        rows_of(
            tmp_path,
            "Some 86,000 Chinese students were studying in Japan in 2011. "
            "About 300 Israeli companies now operate in China. "
            "In 1988 the Chinese Academy of Sciences had set up 36 joint laboratories, and China "
            "now has intergovernmental agreements on science with 41 countries.\n",
        )
    )
    assert rows[86000]["indicator"] == "students_abroad"
    # a line of the nation's figure by host country: foreign, the host as actor
    assert (rows[86000]["scope"], rows[86000]["actor"]) == ("foreign", "Japan")
    assert rows[300]["scope"] == "foreign"
    assert rows[36]["scope"] == "agency"
    assert rows[41]["scope"] == "national"  # ", and China ...": a clause of its own


def test_by_a_year_a_count_of_partners_is_a_standing_count(tmp_path):
    rows = _by_value(
        rows_of(
            tmp_path,
            "By 2004, China had established S&T cooperative relations with 160 countries. "
            "Since 1978 China has set up 53 joint laboratories with foreign partners.\n",
        )
    )
    assert (rows[160]["indicator"], rows[160]["measure"]) == ("partner_countries", "level")
    assert rows[53]["measure"] == "cumulative"


def _by_quote(rows: list[dict], start: str) -> dict:
    return next(r for r in rows if r["quote"].startswith(start))


def test_a_figure_naming_no_owner_is_the_title_subjects(tmp_path):
    body = (
        "Published 2010-05-04.\n\n"
        "Construction of the station is estimated to cost 3 billion euros. "
        "China will pay about 12 percent of it. "
        "Nationwide there are 40 such projects. "
        "Around 20 Chinese engineers work at the site, which employs 500 staff. "
        "The Hefei institute alone employs 90 researchers."
    )
    rows = facts.extract_facts(doc_of(tmp_path, body, title="China joins the Polar Station"))
    assert _by_quote(rows, "3 billion euros")["scope"] == "programme"
    assert _by_quote(rows, "3 billion euros")["actor"] == "Polar Station"
    assert _by_quote(rows, "about 12 percent")["scope"] == "national"  # China by name
    assert _by_quote(rows, "40")["scope"] == "national"  # nationwide by wording
    assert _by_quote(rows, "Around 20")["scope"] == "national"  # Chinese engineers
    hefei = _by_quote(rows, "90")
    assert (hefei["scope"], hefei["actor"]) == ("agency", "Hefei institute")
    # a title naming no part leaves unowned figures national
    plain = facts.extract_facts(doc_of(tmp_path / "b", body, title="Cooperation grows"))
    assert _by_quote(plain, "3 billion euros")["scope"] == "national"


def test_joint_bodies_and_references_to_the_subject(tmp_path):
    assert classify.document_subject("Australia-China Science Fund") == (
        "programme",
        "Australia-China Science Fund",
    )
    assert classify.document_subject("Sino-German Center opens") == (
        "programme",
        "Sino-German Center",
    )
    body = "Updated: 2017-04-03\n\nUnder the Fund, four joint research centres have been set up."
    rows = facts.extract_facts(doc_of(tmp_path, body, title="Australia-China Science Fund"))
    assert _by_quote(rows, "four")["scope"] == "programme"


def test_a_relative_clause_belongs_to_its_antecedent(tmp_path):
    body = (
        "Published 2014-11-19.\n\n"
        "Around 30 Chinese engineers work at the Fusion Centre, which employs 600 staff. "
        "The zones were home to 12,937 enterprises, which earned 94.2 billion yuan in 2013."
    )
    rows = facts.extract_facts(doc_of(tmp_path, body))
    staff = _by_quote(rows, "600")
    assert (staff["scope"], staff["actor"]) == ("programme", "Fusion Centre")
    assert _by_quote(rows, "94.2 billion yuan")["scope"] == "local"  # the zones', not unowned


def test_since_a_launch_year_runs_to_publication(tmp_path):
    body = (
        "Updated: 2012-07-26\n\n"
        "The Talent Plan has brought 2,263 overseas professionals home since it was "
        "launched in December 2008."
    )
    row = _by_quote(facts.extract_facts(doc_of(tmp_path, body)), "2,263")
    assert (row["year"], row["period_start"], row["measure"]) == (2012, 2008, "cumulative")


def test_targets_take_the_plans_end_year_and_datelines_date_no_figure(tmp_path):
    body = (
        "BEIJING, Nov. 8, 2009 (Xinhua) -- China will carry out 100 joint projects with "
        "African countries over the next three years, the premier said.\n\n"
        "China will also build 50 schools and train 1,500 teachers, he said."
    )
    rows = facts.extract_facts(doc_of(tmp_path, body))
    assert [r["year"] for r in rows if r["qualifier"] == "target"] == [2012, 2012, 2012]
    plan = "Programme Outline for the Tenth Five-year Plan (2001 - 2005)"
    rows = facts.extract_facts(
        doc_of(tmp_path / "b", "The Programme will support 3-5 demonstration bases.", plan)
    )
    assert rows[0]["qualifier"] == "target" and rows[0]["year"] == 2005


def test_intergovernmental_organisations_and_seats_are_their_own_indicators(tmp_path):
    body = (
        "Published 1995-03-01.\n\n"
        "China has acquired positions in over 30 institutions within the United Nations "
        "system and participated in 827 international S&T and academic bodies. "
        "China has joined more than 200 intergovernmental cooperative organizations. "
        "In all, 293 Chinese scientists have taken the position of councillors."
    )
    rows = facts.extract_facts(doc_of(tmp_path, body))
    got = {r["value"]: r["indicator"] for r in rows}
    assert got[30] == "intl_org_seats"
    assert got[827] == "intl_org_memberships"
    assert got[200] == "intergov_org_memberships"
    assert got[293] == "intl_org_positions"


# --------------------------------------------------------------------------- plain twins
# The reference versions of the fast paths in analysis.classify / analysis.partners (the
# code as first written: every containment test a scan of the whole list). The package's
# versions must give the same answers (test_fast_paths_equal_their_plain_twins).
def _find_partners_plain(text):
    from analysis.partners import _POSSESSIVE, SUBJECT, matcher

    m = matcher()
    blocked = [(s.start(), s.end()) for s in m.stop.finditer(text)] if m.stop else []
    out = []
    for hit in m.regex.finditer(text):
        start, end = hit.span()
        if any(a <= start < b for a, b in blocked):
            continue
        surface = " ".join(hit.group(0).split())  # (a name wrapped over a line's break)
        entry = m.names.get(surface) or m.names.get(_POSSESSIVE.sub("", surface))
        if entry is None or entry[0] == SUBJECT:
            continue
        if out and out[-1][2] == entry[0] and text[out[-1][1] : start].strip() == "(":
            continue
        out.append((start, end, entry[0], entry[1]))
    return out


@functools.lru_cache(maxsize=4)
def _mention_tails(text):
    """(start, name) of every mention of ``text`` and of the names opening inside it after
    "of", "at", "for", "with", "from" (the twin's list, kept for the texts the test reuses)."""
    out = []
    for m in classify.actor_lexicon().mention.finditer(text):
        name = classify._clean_actor(m.group(0))
        out.append((m.start(), name))
        for t in re.finditer(r"\b(?:of|at|for|with|from)\s+(?:the\s+)?(?=[A-Z])", name):
            out.append((m.start(), name[t.end() :]))
    return out


def _initials_plain(text, acronym, lex):
    first = re.search(rf"\b{re.escape(acronym)}\b", text)
    if len(acronym) < 3 or first is None:
        return None
    names = [tail for at, tail in _mention_tails(text) if at < first.start()]
    for name in names:
        if "".join(w[0] for w in name.split() if w[0].isupper()) != acronym:
            continue
        kind = classify._kind_of_plain(name, lex)
        if classify._foreign_body(name, kind):
            return "foreign", name
        if kind is not None and kind[0] in ("local", "programme", "agency"):
            return ("programme" if classify._joint(name) else kind[0]), name
    return None


def _defined_acronym_plain(text, acronym, lex):
    at = text.find(f"({acronym})")
    if at <= 0:
        return _initials_plain(text, acronym, lex)  # (never defined in brackets)
    lead = text[max(0, at - 120) : at].rstrip()
    names = list(lex.mention.finditer(lead))
    if not names or names[-1].end() != len(lead):
        return None
    kind = classify._kind_of_plain(names[-1].group(0), lex)
    if kind is None and classify._AWARD_NAME.search(names[-1].group(0)):
        return "programme", acronym
    if classify._foreign_body(names[-1].group(0), kind):
        return "foreign", acronym
    if kind and kind[0] in ("local", "programme", "agency"):
        return ("programme" if classify._joint(names[-1].group(0)) else kind[0]), acronym
    return None


def _mentions_plain(text, start, end):
    lex = classify.actor_lexicon()
    out = []
    for m in lex.mention.finditer(text, start, end):
        name, a = m.group(0), m.start()
        lead = classify._COUNT_LEAD.match(name)  # (a count in words opening the sentence)
        if lead:
            name, a = name[lead.end() :], a + lead.end()
        lead = classify._OFFICE_LEAD.match(name)  # (an office before the body it is held in)
        if lead:
            name, a = name[lead.end() :], a + lead.end()
        got = classify._kind_of_plain(name, lex)
        bare = re.sub(r"^[Tt]he ", "", name)
        if got is None and re.fullmatch(r"[A-Z][A-Z&]{1,5}", bare):
            got = _defined_acronym_plain(text, bare, lex)
        if got:
            out.append((a, m.end(), got[1], got[0]))
    for m in lex.named_head.finditer(text, start, end):
        name = classify._clean_actor(m.group(1))
        if name in ("Chinese", "China's", "China’s", "PRC") or classify._country_word(name):
            continue
        known = classify._kind_of_plain(name, lex)
        if (known is None or known[0] == "local") and not any(
            a <= m.start(2) < b for a, b, *_ in out
        ):
            kind = lex.kinds[f"head:{m.group(2)[0].upper()}{m.group(2)[1:]}"]
            out = [o for o in out if not m.start() <= o[0] < m.end()]
            out.append((m.start(1), m.end(), f"{name} {m.group(2)}", kind))
    out.sort()
    taken = [(a, b) for a, b, _, _ in out]
    foreign = [
        (start + a, start + b, name, "programme" if kind == "programme" else "foreign")
        for a, b, name, kind in _find_partners_plain(text[start:end])
    ]
    for i, (a, b, name, kind) in enumerate(out):
        # ("China on American campuses": the first name ends before "on" or "in")
        for m in re.finditer(r" (?:on|in) ", text[a:b]):
            if any(f[0] == a + m.end() for f in foreign):
                if name in text[a : a + m.start()]:
                    out[i] = (a, a + m.start(), name, kind)
                break
    taken = [(a, b) for a, b, _, _ in out]
    for i, (a, b, name, kind) in enumerate(out):
        if kind in ("agency", "programme") and classify._JOINT.search(name):
            out[i] = (a, b, name, "programme")
        elif any(a <= f[0] < b for f in foreign) and (
            kind == "agency" or (kind == "programme" and classify._BODY_HEAD.search(name))
        ):
            out[i] = (a, b, name, "foreign")
        elif (
            kind == "agency"
            and classify._publisher_lexicon().foreign.search(name)
            and not classify._publisher_lexicon().chinese.search(name)
            and not classify._CHINA_WORD.search(name)
        ):
            out[i] = (a, b, name, "foreign")  # ("Federal Ministry ...": session 8)
    for f in foreign:
        if not any(a <= f[0] < b for a, b in taken):
            out.append(f)
    out.sort()
    return out


def _resolve_reference_plain(text, at, actor, kind, names):
    lex = classify.actor_lexicon()
    if actor not in lex.references:
        return kind, actor
    words = actor.split()
    head = words[-1].capitalize() if words[0].lower() == "the" or actor.islower() else ""
    before = [(name, k) for a, _b, name, k in names if a < at and name not in lex.references]
    since = []  # the names after the last one of the reference's kind
    for name, k in reversed(before):
        if k == kind:
            break
        since.append((name, k))
    for name, k in since:  # another country's body holding the head word, the latest first
        if head and kind != "foreign" and k == "foreign" and head in name.split():
            return "foreign", name
    for name, k in since:  # ... else a joint body holding it, for an agency's reference
        if head and kind == "agency" and k == "programme" and head.lower() in name.lower().split():
            return "programme", name
    last = [name for name, k in before if k == kind]
    return (kind, last[-1]) if last else (kind, actor)


def _twin_texts():
    # every fourth document of the dev corpus, of every set and form (the whole corpus,
    # 660 pages, took the plain twins nine minutes: their reference search is quadratic)
    docs = sorted((ROOT / "tests" / "corpus" / "docs").glob("*.txt"))[::4]
    texts = [p.read_text(encoding="utf-8") for p in docs]
    # ... and those as one text: names repeat, references resolve across documents
    return [*texts, "\n\n".join(texts)]


def test_fast_paths_equal_their_plain_twins():
    from analysis.partners import find_partners

    lex = classify.actor_lexicon()
    for text in _twin_texts():
        assert find_partners(text) == _find_partners_plain(text)
        names = _mentions_plain(text, 0, len(text))
        assert classify.mentions(text, 0, len(text)) == names
        for s in range(0, len(text), 97):
            e = min(len(text), s + 400)
            assert classify.mentions(text, s, e) == _mentions_plain(text, s, e)
        for *_, name, _kind in names:  # the remembered joint-body test
            assert classify._joint(name) == (classify._JOINT.search(name) is not None)
        index = classify.ReferenceIndex(names)
        refs = sorted(lex.references)
        spots = {a + d for a, *_ in names for d in (0, 1)} | set(range(0, len(text), 501))
        for i, at in enumerate(sorted(spots)):
            ref = refs[i % len(refs)]
            for kind in ("agency", "programme", "local", "foreign"):
                want = _resolve_reference_plain(text, at, ref, kind, names)
                assert classify.resolve_reference(text, at, ref, kind, names) == want
                assert classify.resolve_reference(text, at, ref, kind, index) == want


# --------------------------------------------------------------------------- lists, owners
def test_respectively_lists_take_years_and_nouns_from_their_clause(tmp_path):
    rows = rows_of(
        tmp_path,
        "The numbers of students who went abroad to study in 1998, 1999 and 2000 were "
        "17,622, 23,749 and 38,989, respectively. In 1999 and 2000, 7,748 and 9,121 "
        "students returned to China, respectively.",
    )
    by_value = {r["value"]: r for r in rows}
    for value, year in ((17622, 1998), (23749, 1999), (38989, 2000)):
        assert by_value[value]["year"] == year  # a figure followed by a comma is read too
        assert by_value[value]["indicator"] == "students_abroad"
        assert by_value[value]["measure"] == "annual"
    for value, year in ((7748, 1999), (9121, 2000)):
        assert by_value[value]["year"] == year
        assert by_value[value]["indicator"] == "returnees"


def test_antecedents_own_their_figures(tmp_path):
    rows = rows_of(
        tmp_path,
        "The province now has 27 international joint research centers, and 11 of them have "
        "been named national-level cooperation bases. In 2012 the Hefei park hosted "
        "1,200 enterprises. Their exports reached 1.8 billion U.S. dollars in 2012.",
    )
    assert _by_quote(rows, "11")["scope"] == "local"
    assert _by_quote(rows, "1.8 billion")["scope"] == "local"


def test_a_plan_a_figure_stands_under_owns_it(tmp_path):
    rows = rows_of(
        tmp_path,
        "China has launched 53 joint laboratories with partner countries under the Silk "
        "Science, Technology and Innovation Action Plan. By 1994 China had 52 zones, set up "
        "under the Torch Program. China will invest 200 million euros in the project.",
    )
    assert _by_quote(rows, "53")["scope"] == "programme"
    assert _by_quote(rows, "52")["scope"] == "national"
    assert _by_quote(rows, "200 million")["scope"] == "national"


def test_a_possessive_after_the_verb_is_no_subject(tmp_path):
    rows = rows_of(
        tmp_path,
        "- To upgrade, through the projects, China's overall level and set up 5 joint "
        "research laboratories in China.\n"
        "China's technology parks earned 11.9 billion US dollars in 1999.",
    )
    # the clause's own subject: the parks China's possessive qualifies, a part
    assert _by_quote(rows, "11.9")["scope"] == "local"
    assert _by_quote(rows, "5 joint")["measure"] == "target"


def test_flows_within_their_year_and_pledges_are_no_targets(tmp_path):
    rows = rows_of(
        tmp_path,
        "In 1998, there were 22,000 scientific and technological cooperation projects "
        "between China and foreign countries. About 15,000 foreign experts had worked in "
        "China during the year. Half of CAS institutes are headed by 219 returned overseas "
        "students. China will invest 200 million euros in the project. China will contribute "
        "about 10 percent of the construction cost. China will carry out 100 joint projects "
        "with African countries.",
    )
    assert _by_quote(rows, "22,000")["measure"] == "annual"
    assert _by_quote(rows, "About 15,000")["measure"] == "annual"
    assert _by_quote(rows, "219")["measure"] == "level"
    assert _by_quote(rows, "200 million")["measure"] == "level"
    assert _by_quote(rows, "about 10 percent")["measure"] == "share"
    assert _by_quote(rows, "100 joint")["measure"] == "target"


def test_bracketed_dimensions_reported_clauses_and_borrowed_periods(tmp_path):
    rows = rows_of(
        tmp_path,
        "The Yangbajing Cosmic Ray Observatory is the highest (4,300 meters) station in the "
        "world. CAS survey of 90 institutes shows that, since 1990, returned students blazed "
        "trails in 184 new disciplines. From 1978 to the end of 1989 China sent about 80,000 "
        "students abroad. Some 27,000 were sponsored by the State.",
    )
    m = _by_quote(rows, "4,300")
    assert (m["unit"], m["measure"], m["scope"]) == ("m", "level", "programme")
    assert _by_quote(rows, "90")["measure"] == "level"
    r = _by_quote(rows, "Some 27,000")
    assert (r["year"], r["measure"]) == (1989, "cumulative")


def test_a_possessive_subject_naming_parts_owns_their_figures(tmp_path):
    rows = rows_of(
        tmp_path,
        "China's science parks exported goods worth 4.2 billion yuan in 2003. "
        "China's high-tech zones numbered 53 in 2006. "
        "China's spending on joint research reached 2 billion yuan in 2004.",
    )
    got = _by_quote(rows, "4.2 billion")
    assert (got["scope"], got["actor"]) == ("local", "science parks")
    assert _by_quote(rows, "53")["scope"] == "national"  # the number of the parts
    assert _by_quote(rows, "2 billion")["scope"] == "national"  # no part named


def test_places_listed_as_examples_and_stocks_that_act_are_no_series_points(tmp_path):
    rows = rows_of(
        tmp_path,
        "In 2004, some 25 science parks in Shenzhen, Tianjin and other cities opened "
        "incubators for returned scholars. In 2006 there were 53 science parks.",
    )
    some = _by_quote(rows, "some 25")
    assert (some["scope"], some["indicator"]) == ("national", "unclassified")
    assert _by_quote(rows, "53 science parks")["indicator"] == "tech_parks"


def test_a_survey_goes_on_in_the_next_sentence_and_a_fund_worth_is_its_size(tmp_path):
    rows = rows_of(
        tmp_path,
        "In 2008, an NSFC survey of 60 universities found that 300 teams had foreign "
        "partners. 120 teams published joint papers. In 2012, Germany and China set up a "
        "joint research fund worth 20 million euros.",
    )
    assert (_by_quote(rows, "120")["scope"], _by_quote(rows, "120")["actor"]) == (
        "agency",
        "NSFC",
    )
    fund = _by_quote(rows, "20 million")
    assert (fund["scope"], fund["actor"], fund["measure"]) == (
        "programme",
        "joint research fund",
        "level",
    )


def test_our_is_the_speaker_a_named_body_showed(tmp_path):
    rows = rows_of(
        tmp_path,
        "Q: What does Japan do?\n\nA: Our Japan Science and Technology Agency funded 40 "
        "projects with China in 2015. Our universities run nine joint centres in China.",
    )
    assert _by_quote(rows, "nine")["scope"] == "foreign"


def test_a_goal_over_years_ends_that_many_years_after_its_launch(tmp_path):
    rows = rows_of(
        tmp_path,
        "Published 2013-06-01.\n\nThe fellowship scheme was launched in 2010. It aimed to "
        "bring 500 engineers home within five to eight years. It is the first of 8 joint "
        "centres the two ministries plan to open by 2020.",
    )
    goal = _by_quote(rows, "500")
    assert (goal["measure"], goal["year"]) == ("target", 2018)
    assert not [r for r in rows if r["quote"].startswith(("five", "eight"))]  # a span
    assert _by_quote(rows, "8 joint")["measure"] == "target"


# ------------------------------------------------------------------ session 5: fresh wordings
# (each rule: a sentence it reads and a near sentence it must leave alone)


@pytest.mark.parametrize(
    ("body", "start", "indicator"),
    [
        # technology trade said as a verb phrase ("contracts to import technology")
        (
            "In 1995 China signed 3,629 contracts to import foreign technology.",
            "3,629",
            "tech_import_contracts",
        ),
        ("In 1995 China signed 3,629 contracts to build roads.", "3,629", "unclassified"),
        (
            "Contracts to import foreign technology were worth US$ 13 billion in 1995.",
            "US$ 13",
            "tech_import_value",
        ),
        ("Contracts to build roads were worth US$ 13 billion in 1995.", "US$ 13", "unclassified"),
        # posts held, the verb before the number
        ("In 1991 Chinese scientists held 290 posts in them.", "290", "intl_org_positions"),
        ("In 1991 the bank advertised 290 posts in them.", "290", "unclassified"),
        # people sent or received on visits
        (
            "In 2015 the university sent 2,900 faculty members abroad.",
            "2,900",
            "personnel_exchanges",
        ),
        ("In 2015 the university hired 2,900 faculty members.", "2,900", "unclassified"),
        ("In 2015 it received 1,320 visiting foreign scholars.", "1,320", "personnel_exchanges"),
        ("In 2015 it listed 1,320 visiting foreign scholars.", "1,320", "unclassified"),
        # returning people
        ("In 2018, 519,400 return after their studies.", "519,400", "returnees"),
        ("In 2018, 519,400 filed a tax return.", "519,400", "unclassified"),
        (
            "By 2017 the plan had brought back more than 7,000 scientists.",
            "more than 7,000",
            "returnees",
        ),
        (
            "By 2017 the plan had brought more than 7,000 scientists together.",
            "more than 7,000",
            "unclassified",
        ),
        # going abroad to study, said in other words
        ("In December 52 visiting scholars leave for the United States.", "52", "students_abroad"),
        ("In December 52 visiting scholars met in Beijing.", "52", "unclassified"),
        (
            "Students are the story. In 2000, 38,989 went abroad and 9,121 returned.",
            "38,989",
            "students_abroad",
        ),
        ("Tourism boomed. In 2000, 38,989 went abroad on holiday.", "38,989", "unclassified"),
        (
            "In 2011, 23,883 students with Chinese citizenship were enrolled in Germany.",
            "23,883",
            "students_abroad",
        ),
        # bilateral and co-funded projects
        ("In 2012 the centre supported 500 bilateral research projects.", "500", "coop_projects"),
        (
            "Since 2006 we have co-funded 48 research projects with the ministry.",
            "48",
            "coop_projects",
        ),
        (
            "Since 2006 we have evaluated 48 research projects for the ministry.",
            "48",
            "unclassified",
        ),
        # research partners' countries are no countries with S&T offices
        (
            "In 2005 CAS signed cooperation agreements with research institutions in 50 countries.",
            "50",
            "partner_countries",
        ),
        ("In 2005 China had 69 offices in 46 countries.", "46", "st_office_countries"),
    ],
)
def test_indicator_wordings_of_fresh_pages(tmp_path, body, start, indicator):
    rows = rows_of(tmp_path, "Published 2016-05-01.\n\n" + body)
    assert at(by_quote(rows), start)["indicator"] == indicator


@pytest.mark.parametrize(
    ("body", "start", "measure"),
    [
        # a verb of movement with "to": the level reached, a share
        ("In 1995 licences rose to 28 percent of the total value.", "28", "share"),
        ("In 1995 licences rose 28 percent on the year before.", "28", "change"),
        ("In 1995 the growth rate rose to 9 percent.", "9", "change"),
        # the second figure of a list of changes
        ("In 2005 visits rose 6.4% and 9.1% respectively.", "9.1", "change"),
        ("In 2005 visits made up 6.4% and 9.1% respectively.", "9.1", "share"),
        # an agreement to do something in a coming year: a goal
        ("The two sides agreed to launch 10 new joint research projects in 2018.", "10", "target"),
        ("The two sides launched 10 new joint research projects in 2018.", "10", "annual"),
    ],
)
def test_measure_wordings_of_fresh_pages(tmp_path, body, start, measure):
    # (a page of late 2018: its date line dates it, dating._head_date)
    rows = rows_of(tmp_path, "Published 2018-12-15.\n\n" + body)
    assert at(by_quote(rows), start)["measure"] == measure


def test_a_year_that_dates_a_name_is_not_the_figures(tmp_path):
    rows = by_quote(
        rows_of(
            tmp_path,
            "Published 2018-08-14.\n\nThe Thousand Talents Plan, launched in 2008, had brought "
            "back more than 7,000 scientists by 2017. The Chunhui Program, which the ministry "
            "launched in 1996, has so far funded 7,600 overseas scholars to come back. In 2010, "
            "30 projects were launched in 2010 with Japan.",
        )
    )
    plan = at(rows, "more than 7,000")
    assert (plan["year"], plan["measure"]) == (2017, "cumulative")
    chunhui = at(rows, "7,600")
    assert (chunhui["year"], chunhui["measure"]) == (2018, "cumulative")
    assert at(rows, "30")["year"] == 2010  # the figure's own "launched in"


def test_a_colon_parts_the_year_of_a_clause_before(tmp_path):
    rows = by_quote(
        rows_of(
            tmp_path,
            "Published 1992-01-01.\n\nImports recovered after the adjustment of 1989-1990: 359 "
            "import contracts were signed in 1991. Four satellites have been launched so far: "
            "A (1999) and B (2003). Ten satellites were built: A (1999) and B (2003).",
        )
    )
    assert at(rows, "359")["year"] == 1991
    assert at(rows, "Four")["year_basis"] == "publication"  # "so far": the page's date
    assert at(rows, "Ten")["year_basis"] == "explicit"


def test_a_borrowed_by_year_is_a_running_total(tmp_path):
    rows = by_quote(
        rows_of(
            tmp_path,
            "Published 2001-01-20.\n\nBy the end of 2000, 340,000 students had gone abroad to "
            "study. More than 110,000 students have come back.\n\nIn 2000, 38,989 students went "
            "abroad to study. 9,121 students returned.",
        )
    )
    back = at(rows, "More than 110,000")
    assert (back["year"], back["measure"]) == (2000, "cumulative")
    flow = at(rows, "9,121")
    assert (flow["year"], flow["measure"]) == (2000, "annual")


@pytest.mark.parametrize(
    ("body", "start", "scope"),
    [
        # a place the clause opens with, or its subject's place
        (
            "In 2010, enterprises in Guangdong signed 528 technology import contracts.",
            "528",
            "local",
        ),
        (
            "In 2010, China signed 528 technology import contracts with firms in Guangdong.",
            "528",
            "national",
        ),
        (
            "Across Zhejiang province, 74 international cooperation bases have been recognised.",
            "74",
            "local",
        ),
        (
            "Across the country, 74 international cooperation bases have been recognised.",
            "74",
            "national",
        ),
        # a part's name modifying the counted noun
        (
            "In 2005 a total of 231 CAS scientists held posts in international bodies.",
            "231",
            "agency",
        ),
        (
            "In 2005 a total of 231 Chinese scientists held posts in international bodies.",
            "231",
            "national",
        ),
        # an abbreviation in brackets is no subject of its own
        (
            "The centre in Beijing, financed by the National Natural Science Foundation of China "
            "(NSFC), has supported more than 500 bilateral research projects.",
            "more than 500",
            "programme",
        ),
        (
            "The NSFC has supported more than 500 bilateral research projects.",
            "more than 500",
            "agency",
        ),
        # the source of a figure through its bracketed short name
        (
            "The Ministry of Foreign Trade (MOFTEC) said imports rose to 28 percent of the total "
            "value.",
            "28",
            "national",
        ),
        (
            "The Ministry of Foreign Trade (MOFTEC) signed 28 cooperation agreements.",
            "28",
            "agency",
        ),
    ],
)
def test_scope_of_places_names_and_sources(tmp_path, body, start, scope):
    rows = rows_of(tmp_path, "Published 2011-04-15.\n\n" + body)
    assert at(by_quote(rows), start)["scope"] == scope


def test_it_doing_something_is_the_subject_before(tmp_path):
    rows = by_quote(
        rows_of(
            tmp_path,
            "Published 2016-11-14.\n\nThe university has signed agreements with 160 "
            "universities. Last year it received 1,320 visiting foreign scholars. The university "
            "has signed agreements with 170 universities. It is estimated that 1,400 visiting "
            "foreign scholars came.",
        )
    )
    assert at(rows, "1,320")["scope"] == "local"
    assert at(rows, "1,400")["scope"] == "national"


# --------------------------------------------------------------------------- the page's voice
def _voiced_rows(tmp_path, body: str, publisher: str = "", title: str = "Cooperation report"):
    path = write(tmp_path / "voice", "doc", f"{title}\n\nPublished 2012-09-05.\n\n{body}\n")
    doc = corpus.read_document(path, {"publisher": publisher} if publisher else None)
    return by_quote(facts.extract_facts(doc))


_UNOWNED = "Between 2007 and 2011, 412 joint projects with Chinese partners were funded."


@pytest.mark.parametrize(
    ("publisher", "scope"),
    [
        ("Sichuan Provincial Government", "local"),  # a province's body: its figures
        ("Fudan University", "local"),
        ("Royal Society", "foreign"),  # another country's body by its word
        ("Deutscher Bundestag", "foreign"),
        ("Embassy of Japan in China", "foreign"),  # another country named before China
        ("Chinese Academy of Sciences", "agency"),
        ("Ministry of Commerce", "national"),  # a central body reporting national totals
        ("Xinhua News Agency", "national"),  # a news outlet owns no figure
        ("Education and Society in China", "national"),  # a journal: "Society" heads no name
        ("", "national"),
    ],
)
def test_the_publisher_owns_figures_no_clause_assigns(tmp_path, publisher, scope):
    rows = _voiced_rows(tmp_path, _UNOWNED, publisher)
    assert at(rows, "412")["scope"] == scope


def test_the_publisher_never_takes_a_figure_its_clause_gives_china(tmp_path):
    rows = _voiced_rows(
        tmp_path, "China has signed agreements with 97 countries.", "Deutscher Bundestag"
    )
    assert at(rows, "97")["scope"] == "national"


def test_the_title_subject_comes_before_the_publisher(tmp_path):
    rows = _voiced_rows(tmp_path, _UNOWNED, "Deutscher Bundestag", "ITER partners meet")
    assert at(rows, "412")["scope"] == "programme"


def test_a_government_organ_is_the_country_the_page_speaks_for():
    # a ministry's name says nothing of its country: the title's country before China
    assert classify.publisher_voice(
        "Ministry of Science and ICT", "Korea and China renew science cooperation"
    ) == ("foreign", "South Korea")
    assert (
        classify.publisher_voice(
            "Ministry of Science and ICT", "China and Korea renew science cooperation"
        )
        is None
    )
    # ... or the one its text names at least three times and more often than China
    text = "Brazil funds it. Brazil pays 30 per cent. Brazil and China launched four satellites."
    assert classify.publisher_voice("Ministry of Foreign Affairs", "", text) == (
        "foreign",
        "Brazil",
    )
    assert classify.publisher_voice("Ministry of Agriculture", "", "China and Brazil met.") is None


def test_a_masthead_line_above_the_title_names_the_voice():
    from types import SimpleNamespace

    def voice(head: str, publisher: str = ""):
        title = "India and China to deepen ties"
        page = SimpleNamespace(
            title=title, publisher=publisher, removed=(), text=f"{head}\n\n{title}\n\nx."
        )
        return classify.page_voice(page)

    # a press office speaks for none: the government line after it does
    assert voice("Press Information Bureau\nGovernment of India") == ("foreign", "India")
    assert voice("Press Information Bureau | 21 November 2006") is None
    assert voice("Government of India", publisher="Xinhua") == ("foreign", "India")
    # a body's name before its site's section speaks, the section no news outlet
    assert voice(
        "ZHEJIANG UNIVERSITY | News Center", publisher="Zhejiang University | News Center"
    ) == ("local", "Zhejiang University")
    assert voice("Xinhua | News Center") is None


@pytest.mark.parametrize(
    ("body", "scope"),
    [
        (_UNOWNED, "foreign"),  # China's side of the projects, not their owner
        ("In 2011, 23,883 students with Chinese citizenship were enrolled.", "foreign"),
        ("In 2011, 23,883 Chinese students were enrolled.", "national"),  # the nation's own
    ],
)
def test_chinese_after_with_names_a_partner_not_the_owner(tmp_path, body, scope):
    rows = _voiced_rows(tmp_path, body, "Deutscher Bundestag")
    assert at(rows, "23,883" if "23,883" in body else "412")["scope"] == scope


@pytest.mark.parametrize("publisher", ["House of Commons", "House of Lords", "Hansard"])
def test_a_parliaments_page_speaks_for_its_country(tmp_path, publisher):
    rows = _voiced_rows(tmp_path, _UNOWNED, publisher)
    assert at(rows, "412")["scope"] == "foreign"


_ANSWER = (
    "Some 4,000 students and scholars from the People's Republic of China are now studying "
    "in this country. The Government intend to fund 150 scholarships a year by 1998. In 1995 "
    "the Royal Society received 95 scientists from China. China has signed agreements with "
    "97 countries."
)


def test_the_government_of_another_countrys_page_is_that_country(tmp_path):
    rows = _voiced_rows(tmp_path, _ANSWER, "House of Commons")
    # its own government, named without a country: the page's country, a goal of 1998
    assert (at(rows, "150")["scope"], at(rows, "150")["measure"]) == ("foreign", "target")
    assert at(rows, "150")["year"] == 1998
    # Chinese people it hosts: a line of the nation's figure, the host its actor
    assert at(rows, "Some 4,000")["scope"] == "foreign"
    assert at(rows, "Some 4,000")["actor"] != ""
    # a body of its own named as the subject, and China's own clause, stay as they are
    assert (at(rows, "95")["scope"], at(rows, "95")["actor"]) == ("foreign", "Royal Society")
    assert at(rows, "97")["scope"] == "national"


def test_the_government_on_a_page_of_no_other_country_is_chinas(tmp_path):
    rows = _voiced_rows(tmp_path, _ANSWER, "Xinhua News Agency")
    assert at(rows, "150")["scope"] == "national"
    assert (at(rows, "Some 4,000")["scope"], at(rows, "Some 4,000")["actor"]) == ("national", "")


@pytest.mark.parametrize(
    ("body", "figures"),
    [
        ('In 1986 the State Council approved the "863" Program and 30 projects.', ["30"]),
        ("The 973 Program funded 40 teams.", ["40"]),
        ("THE 863 PROGRAM FUNDED 40 TEAMS IN 1987.", ["40"]),  # (a heading in capitals)
        ('Under the national "111 Project", it runs 11 bases.', ["11"]),
        ("Project 211 covers 112 universities.", ["112"]),
        ("The plan funded 30 Projects, 863 programs and 25 projects.", ["30", "863", "25"]),
        ("Under the Plan 15 teams went abroad.", ["15"]),  # a count, no code after "Plan"
    ],
)
def test_a_number_naming_a_programme_is_no_figure(tmp_path, body, figures):
    rows = rows_of(tmp_path, "Published 2011-04-15.\n\n" + body)
    assert sorted(r["quote"].split()[0] for r in stated(rows)) == sorted(figures)


def test_a_joint_body_is_a_programme_not_an_agency():
    found = classify.mentions("the 14th Joint Committee met", 0, 28)
    assert [(a, k) for _s, _e, a, k in found] == [("Joint Committee", "programme")]
    found = classify.mentions("the Standing Committee met", 0, 26)
    assert [(a, k) for _s, _e, a, k in found] == [("Standing Committee", "agency")]


def test_so_many_in_so_many_is_a_share_in_percent(tmp_path):
    rows = rows_of(
        tmp_path,
        "Roughly four in ten of all foreign students in Laos come from China. "
        "By 2001 one in four of them had returned.",
    )
    got = {r["quote"].split(" of ")[0]: r for r in rows}
    assert got["Roughly four in ten"]["value"] == 40
    assert got["Roughly four in ten"]["unit"] == "percent"
    assert got["one in four"]["value"] == 25
    # no count of four (nor of ten) beside the share
    assert not any(r["unit"] == "count" and r["value"] in (4, 10) for r in rows)


def test_a_multiple_in_words_before_fold(tmp_path):
    rows = rows_of(
        tmp_path,
        "Joint projects grew seven-fold in ten years. Exchanges rose twenty-five-fold after 1978.",
    )
    got = {r["quote"]: (r["value"], r["unit"]) for r in rows}
    assert got["seven-fold"] == (7, "multiple")
    assert got["twenty-five-fold"] == (25, "multiple")


def test_a_number_word_glued_to_fold_is_its_multiple(tmp_path):
    rows = rows_of(
        tmp_path,
        "Technology exports rose thirtyfold between 1985 and 1995. Visits grew sixfold and "
        "joint papers a hundredfold.",
    )
    got = {r["quote"]: (r["value"], r["unit"]) for r in rows}
    assert got["thirtyfold"] == (30, "multiple")
    assert got["sixfold"] == (6, "multiple")
    assert got["hundredfold"] == (100, "multiple")


def test_multiples_in_words(tmp_path):
    # "twice", "more than double", "tripled", "threefold" are multiples; a frequency ("twice
    # a year") and an adjective of a noun ("double degree") are not
    rows = rows_of(
        tmp_path,
        "In 1986 Laos exchanged twice as many scientists as in 1984. Its technology imports "
        "were more than double those of 1985. The number of joint laboratories has tripled "
        "since 2001. Exports grew threefold. The commission meets twice a year and offers "
        "double degree courses.",
    )
    got = {r["quote"]: (r["value"], r["unit"]) for r in rows if r["unit"] == "multiple"}
    assert got == {
        "twice": (2, "multiple"),
        "more than double": (2, "multiple"),
        "tripled": (3, "multiple"),
        "threefold": (3, "multiple"),
    }
    tripled = next(r for r in rows if r["quote"] == "tripled")
    assert (tripled["indicator"], tripled["measure"]) == ("joint_research_centers", "change")


def test_a_scans_letter_o_for_a_zero_inside_a_group(tmp_path):
    rows = rows_of(
        tmp_path,
        "Laos has sent about 4,O00 students abroad and invited 2,O56 foreign experts. "
        "The OECD counted 3,000 more.",
    )
    got = {r["value"] for r in rows}
    assert {4000, 2056, 3000} <= got


def test_the_rand_set_against_its_digits(tmp_path):
    # "R20 million" is rand; a cable's precedence letter before its date-time group is none
    rows = rows_of(
        tmp_path,
        "R 220841Z OCT 07\n\nThe department has set aside R20 million for joint projects "
        "with Laos and puts R2 million a year into the programme.",
    )
    money = sorted((r["value"], r["unit"]) for r in rows if r["unit"] != "count")
    assert money == [(2e6, "ZAR"), (20e6, "ZAR")]
    assert not any(r["value"] == 220841 for r in rows)


def test_a_goal_to_double_the_number_of_a_thing(tmp_path):
    # "aims to double the number of X by YEAR": a target of X at that year
    rows = rows_of(
        tmp_path,
        "Laos's action plan aims to double the number of joint research projects with "
        "China by 2025.",
    )
    row = next(r for r in rows if r["quote"] == "double")
    assert (row["indicator"], row["measure"], row["year"], row["value"]) == (
        "coop_projects",
        "target",
        2025,
        2,
    )


def test_a_share_in_words_before_a_scale_is_a_part_of_it(tmp_path):
    # "half a million" is 500,000 (never a share of 50 percent); "about half of them" stays one
    rows = rows_of(
        tmp_path,
        "Outbound students rose from 52,000 in 2001 to more than half a million in 2016. "
        "About half of them went to the United States. A quarter of a million went in 2010.",
    )
    got = {r["quote"]: (r["value"], r["unit"]) for r in rows}
    assert got["more than half a million"] == (500000, "count")
    assert got["A quarter of a million"] == (250000, "count")
    assert got["About half"] == (50, "percent")
    assert {r["quote"]: r["indicator"] for r in rows}["more than half a million"] == (
        "students_abroad"
    )


@pytest.mark.parametrize(
    ("body", "quote", "value"),
    [
        ("Imports accounted for about one-fifth of all purchases of equipment.", "one-fifth", 20),
        ("Three partners accounted for more than four-fifths of the value.", "four-fifths", 80),
        ("Europe took three quarters of the contracts.", "three quarters", 75),
        ("One tenth of the grants went to young scientists.", "One tenth", 10),
        ("About a fifth came from Laos.", "a fifth", 20),
        ("Laos sent nine, one in six of all the trainees.", "one in six", 16.7),
        ("Exports to Laos were up by a third since 2012.", "a third", 33.3),
    ],
)
def test_fractions_in_words_are_shares(tmp_path, body, quote, value):
    got = [r for r in rows_of(tmp_path, body) if quote in r["quote"]]
    assert [(r["value"], r["unit"]) for r in got] == [(value, "percent")]


def test_an_ordinal_in_words_is_no_share(tmp_path):
    # "a third joint laboratory", "a fifth session": the place in a series, no third of a whole
    rows = rows_of(
        tmp_path,
        "In 2011 the university opened a third joint laboratory with Laos, and the commission "
        "held a fifth session in Vientiane.",
    )
    assert not [r for r in rows if r["unit"] == "percent"]


def test_half_as_many_is_a_multiple(tmp_path):
    # "half as many as in 1983": half the base; "half as many again": the base and its half
    rows = rows_of(
        tmp_path,
        "Seven engineers were trained in Laos in 1984, half as many as in 1983. Contracts "
        "numbered 90 in 2002, half as many again as in 2001.",
    )
    got = {(r["quote"], r["value"]) for r in rows if r["unit"] == "multiple"}
    assert got == {("half as many", 0.5), ("half as many again", 1.5)}


@pytest.mark.parametrize(
    ("body", "low", "high"),
    [
        ("Each year the society hosts 30 or 40 Chinese researchers.", 30, 40),
        ("In those years the institute could send two or three fellows abroad.", 2, 3),
    ],
)
def test_an_estimate_between_close_figures_joined_by_or_is_a_range(tmp_path, body, low, high):
    got = [(r["low"], r["high"]) for r in rows_of(tmp_path, body)]
    assert got == [(low, high)]


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        # technology imports by their contracts' value, a part of their total, a share of them
        (
            "Technology import contracts signed: 186, with contract value of US$ 740 million. "
            "Technology export contracts: value US$ 212 million.",
            "US$ 740 million",
        ),
        (
            "The city of Beijing accounted for $610 million of the national import total.",
            "$610 million",
        ),
        (
            "Japan remained the largest supplier, accounting for 28 percent of the technology "
            "China imported in 1994.",
            "28 percent",
        ),
        (
            "But Japan's share of China's technology imports has fallen from 24 percent in "
            "2006 to 15 percent last year.",
            "15 percent",
        ),
        (
            "In 2017 the EU accounted for 31.6 percent of the value of China's technology imports.",
            "31.6 percent",
        ),
    ],
)
def test_technology_import_value_told_by_contracts_totals_and_shares(tmp_path, body, quote):
    got = {r["quote"].split(" of ")[0]: r["indicator"] for r in rows_of(tmp_path, body)}
    assert got[quote] == "tech_import_value"


def test_a_share_of_a_projects_cost_is_cooperation_funding(tmp_path):
    body = (
        "In 2006 China joined the ITER project, undertaking to bear about 10 percent of its "
        "construction cost."
    )
    got = [r for r in rows_of(tmp_path, body) if r["unit"] == "percent"]
    assert [(r["value"], r["indicator"], r["measure"]) for r in got] == [
        (10, "coop_funding", "share")
    ]


@pytest.mark.parametrize(
    ("body", "starts"),
    [
        (
            "Some 336,000 foreign professionals held work permits in China last year.",
            "Some 336,000",
        ),
        (
            "The number of European researchers working in China rose by 18 percent last year to "
            "about 9,000, the minister said.",
            "about 9,000",
        ),
        (
            "The number of European researchers working in China rose by 18 percent last year to "
            "about 9,000, the minister said.",
            "18 percent",
        ),
    ],
)
def test_foreigners_at_work_in_china_are_foreign_experts(tmp_path, body, starts):
    got = [r["indicator"] for r in rows_of(tmp_path, body) if r["quote"].startswith(starts)]
    assert got == ["foreign_experts"]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # bare items before a list's last take its unit and scale
        ("The US and the EU accounted for 27.1 and 31.6 percent respectively of the value.",
         [(27.1, "percent"), (31.6, "percent")]),
        ("Imports from Japan, Germany and the US were 3.2, 2.1 and 1.5 billion dollars "
         "respectively.", [(3.2e9, "USD"), (2.1e9, "USD"), (1.5e9, "USD")]),
        # (an item with a currency or a qualifier of its own keeps its own)
        ("Export contracts numbered 318 and US$ 0.95 billion respectively.",
         [(318, "count"), (0.95e9, "USD")]),
        ("In 1985 the figure was 2,350, some 40 per cent more than in 1984.",
         [(2350, "count"), (40, "percent")]),
    ],
)  # fmt: skip
def test_a_lists_bare_items_take_its_last_items_unit_and_scale(tmp_path, body, want):
    assert [(r["value"], r["unit"]) for r in stated(rows_of(tmp_path, body))] == want


@pytest.mark.parametrize(
    ("body", "unit"),
    [
        ("The Sino-French Joint Committee has met twelve times since 1978.", "count"),
        ("The minister has visited China 14 times.", "count"),
        ("Trade in technology rose 20.6 times over the period.", "multiple"),
    ],
)
def test_times_after_a_verb_of_occasions_count_them(tmp_path, body, unit):
    assert [r["unit"] for r in stated(rows_of(tmp_path, body))] == [unit]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # a table's unit is no figure, in its own line, in brackets or as a row's unit column
        ("Unit: US$ 100 million\n\nImports rose in 2010.", []),
        ("Value of imports   USD 100 million   159.2    163.8", [159.2, 163.8]),
        # (a sum in prose, and a conversion in brackets after a sum, stay figures)
        ("China invested US$100 million in 2010.", [100_000_000.0]),
        # a span of days before a month: the first day is no figure either
        ("The forum ran from 11 to 13 November 2004 and approved 45 projects.", [45.0]),
    ],
)  # fmt: skip
def test_units_and_day_spans_are_no_figures(tmp_path, body, want):
    assert [r["value"] for r in rows_of(tmp_path, body)] == want


def test_a_count_in_words_opening_a_sentence_is_no_names_word():
    text = "Thirty-five Academy scientists now serve on the boards. TWELVE MINISTRY OFFICIALS went."
    got = [(text[a:b], name) for a, b, name, _k in classify.mentions(text, 0, len(text))]
    assert ("Academy", "Academy") in got
    assert not any(name.lower().startswith(("thirty", "twelve")) for _s, name in got)
    # ("One" may open a name)
    text = "The One Belt One Road Initiative funds 40 projects."
    assert any("One Belt" in name for *_x, name, _k in classify.mentions(text, 0, len(text)))


def test_a_tenth_is_a_share_and_an_ordinal_before_its_noun(tmp_path):
    rows = rows_of(
        tmp_path,
        "Of the institute's 3,000 staff, about a tenth are foreigners. The agreement adds a "
        "tenth joint laboratory.",
    )
    shares = [(r["value"], r["unit"]) for r in rows if r["unit"] == "percent"]
    assert shares == [(10, "percent")]


def test_a_name_crosses_no_gap_between_table_cells_and_a_bare_plural_programme_head_is_none():
    def names(text):
        return [name for *_x, name, _k in classify.mentions(text, 0, len(text))]

    # a table's column headers, parted by wide blanks or a tab, are no one name
    assert "Projects    Funding" not in names("Period    Projects    Funding (RMB million)")
    assert "Academy\tFoundation" not in names("Academy\tFoundation")
    # a name hard-wrapped over lines, or with two blanks inside, stays one
    assert names("the Ministry of\n    Education said") == ["Ministry of\n    Education"]
    assert names("the Ministry of  Education said") == ["Ministry of  Education"]
    # a programme's head word alone in the plural names no programme ("Projects", "Centres")
    assert names("Projects    Funding") == []
    assert names("Centres opened in 2010") == []
    # (in the singular, after "the", it still refers back: "the Programme")
    assert names("Under the Programme, 40 projects were funded") == ["Programme"]
