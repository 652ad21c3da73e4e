"""Facts: number grammar, qualifiers, years, multiples, indicators, schema, streaming."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from conftest import images
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import corpus, facts
from analysis.config import ROOT, InputError

SEEDS = ROOT / "seeds"


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
    got = {r["quote"].split(" ")[0] if r["unit"] != "fraction" else r["quote"]: r for r in rows}
    assert got["I"]["value"] == 107000 and got["I"]["quote"].startswith("I 07,000")
    assert got["l"]["value"] == 123500
    assert got["320"]["value"] == 320000
    assert got["4,300"]["unit"] == "m" and got["4,300"]["value"] == 4300
    assert got["20.6"]["unit"] == "multiple"
    assert got["5-fold"]["unit"] == "multiple" and got["5-fold"]["value"] == 5
    assert math.isclose(got["One third"]["value"], 1 / 3, rel_tol=1e-6)
    assert got["half"]["value"] == 0.5 and got["half"]["unit"] == "fraction"
    assert math.isclose(got["Two thirds"]["value"], 2 / 3, rel_tol=1e-6)
    values = sorted(r["value"] for r in rows if r["unit"] == "count")
    assert 12 in values and 10 in values


@pytest.mark.parametrize(
    "sentence",
    [
        "In 1998, the ministry reorganised its offices.",
        "The agreement was signed on August 28, 2011 in Beijing.",
        "BEIJING, Oct. 8 (Xinhua) -- the talks opened.",
        "The treaty was signed on 23 November 1979 in Paris.",
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
    doc = doc_of(tmp_path, body, title="Cooperation Report 2015")
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
    df, _skipped = facts.facts_for_folder(folder, workers=1)
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
    assert heads.indicator == "unclassified"  # heads of CAS institutes, not returnees
    assert one(d002, indicator="returnees").value == 110000
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
    streamed, _ = facts.facts_for_folder(folder, workers=1)
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
    one_, skipped1 = facts.facts_for_folder(folder, workers=1)
    two, skipped2 = facts.facts_for_folder(folder, workers=2)
    assert one_.equals(two)
    assert [s.file for s in skipped1] == [s.file for s in skipped2] == ["bad.txt"]
    assert one_.duplicate.any()  # copies of the same seed are near-duplicates
    loaded = facts.facts_table(corpus.load_corpus(folder))
    assert loaded.drop(columns="duplicate").equals(one_.drop(columns="duplicate"))
    assert loaded.duplicate.tolist() == one_.duplicate.tolist()


def test_facts_for_folder_rejects_missing_folder(tmp_path):
    with pytest.raises(InputError, match="not a folder"):
        facts.facts_for_folder(tmp_path / "nope")


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
    "TWO", "Twenty", "one third", "One  Third", "a dozen", "A\tdozen", "two-thirds", "half",
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
    g = facts.grammar()
    spans = [(m.span(), m.groups()) for m in facts._number_matches(g, text, facts._lower(text))]
    assert spans == [(m.span(), m.groups()) for m in g.number.finditer(text)]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.data())
def test_fast_year_scan_is_finditer(text, data):
    g = facts.grammar()
    anchors = facts._year_anchors(text, facts._lower(text))
    a = data.draw(st.one_of(st.just(0), st.integers(0, len(text))))
    b = data.draw(st.one_of(st.just(len(text)), st.integers(a, len(text))))
    fast = facts._year_matches(g, text, a, b, anchors)
    assert [m.span() for m in fast] == [m.span() for m in g.years.finditer(text, a, b)]


def test_required_words_are_in_every_match():
    import re

    for pattern, text in [
        (r"countries(?: and (?:regions|areas))?", "Countries and Areas"),
        (
            r"(?:foreign|overseas) (?:experts|specialists)|experts from abroad",
            "EXPERTS FROM ABROAD",
        ),
        (r"stud(?:y|ied) (?:abroad|overseas)", "studied overseas"),
    ]:
        p = re.compile(pattern, re.I)
        needs = corpus._required(p)
        m = p.search(text)
        assert m and any(w in m.group(0).lower() for w in needs)
    assert corpus._required(re.compile(r"\d+|x?")) is None  # nothing is required


def test_classify_prefilter_gives_the_same_indicators(seed_corpus):
    for doc in seed_corpus:
        for s in doc.sentences:
            a, b = s.start, s.end
            for cut in range(a, b, 7):
                args = (doc.text, "count", (a, cut), (cut, b), (a, b))
                assert facts._classify(*args, facts._lower(doc.text)) == facts._classify(*args)


def test_frame_from_rows_tuples_and_columns_is_the_same(seed_corpus):
    rows = [r for d in seed_corpus for r in facts.extract_facts(d)]
    by_dict = facts._frame(rows)
    tuples = [tuple(r[c] for c in facts.COLUMNS) for r in rows]
    assert facts._frame(tuples).equals(by_dict)
    cols = facts._Columns()
    cols.add(facts._facts_of_files([(str(p), None) for p in sorted(SEEDS.glob("*.txt"))])[1])
    packed = facts._frame(cols)
    assert packed.equals(by_dict) and list(packed.dtypes) == list(by_dict.dtypes)


def test_fast_schema_check_agrees_with_pandera(seed_facts):
    import pandera.errors

    assert facts._schema_holds(seed_facts)
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
        assert not facts._schema_holds(bad), name
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
    df, _ = facts.facts_for_folder(tmp_path / "undated", workers=1)
    assert df["year"].isna().all()
    assert df["duplicate"].tolist() == [False, True]


def test_process_pool_gives_the_same_table(tmp_path, monkeypatch):
    folder = tmp_path / "pool"
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(40):
        src = seeds[i % len(seeds)].read_text(encoding="utf-8")
        write(
            folder, f"{i:03d}_doc", src + f"\n\nIn {1980 + i}, it counted {100 + i * 7} visits.\n"
        )
    (folder / "bad.txt").write_bytes(b"\x00\x01binary")
    one_, skipped1 = facts.facts_for_folder(folder, workers=1)
    monkeypatch.setattr(facts, "_POOL_MIN_BYTES", 0)
    monkeypatch.setattr(facts, "_POOL_MIN_FILES", 0)
    two, skipped2 = facts.facts_for_folder(folder, workers=2)
    assert one_.equals(two) and list(one_.dtypes) == list(two.dtypes)
    assert [s.file for s in skipped1] == [s.file for s in skipped2] == ["bad.txt"]


def test_worker_minhash_checked_against_datasketch(tmp_path, monkeypatch):
    # if datasketch ever computes MinHash otherwise than the workers' numpy copy of it, the
    # signatures are computed again with datasketch: the same table either way
    folder = tmp_path / "check"
    for i, p in enumerate(sorted(SEEDS.glob("*.txt")) * 2):
        write(folder, f"{i:02d}", p.read_text(encoding="utf-8"))
    expected, _ = facts.facts_for_folder(folder, workers=1)
    real = corpus._minhash_kit

    def without_fast_update(num_perm):
        return real(num_perm)[0], None

    import numpy as np

    wrong = np.zeros(128, dtype=np.uint32)  # what a changed datasketch would not give
    monkeypatch.setattr(corpus, "_minhash_kit", without_fast_update)
    monkeypatch.setattr(corpus, "_affine32", lambda *a: (None, wrong, lambda d: wrong))
    got, _ = facts.facts_for_folder(folder, workers=1)
    assert got.equals(expected) and got.duplicate.any()
