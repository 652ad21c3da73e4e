"""Series: points per indicator, growth, conflicts between sources, duplicates left out."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from analysis import corpus, facts, series
from analysis.config import ROOT

SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def seed_facts():
    return facts.facts_table(corpus.load_corpus(SEEDS))


def pairs(conf) -> set[tuple]:
    return {
        (r.indicator, r.value_a, r.doc_a[:3], r.value_b, r.doc_b[:3]) for r in conf.itertuples()
    }


def test_seed_conflicts(seed_facts):
    conf = series.conflicts(seed_facts)
    got = pairs(conf)
    assert ("partner_countries", 150, "000", 152, "002") in got
    assert ("intergov_agreements", 100, "000", 96, "002") in got
    assert not any(p[0] == "partner_countries" and "003" in p for p in got)  # 152 vs 152, 12 years
    row = conf[(conf.indicator == "intergov_agreements") & (conf.value_a == 100)].iloc[0]
    assert row.qualifier_a == "nearly" and math.isclose(row.difference, 0.04)
    assert (conf.doc_a != conf.doc_b).all()
    series.conflicts_schema().validate(conf)


def test_conflict_window(seed_facts):
    wide = pairs(series.conflicts(seed_facts, window_years=20))
    assert ("partner_countries", 150, "000", 152, "003") in wide
    narrow = series.conflicts(seed_facts, window_years=0)
    assert not (narrow.year_a != narrow.year_b).any()


def test_series_kinds_and_no_targets_in_stated(seed_facts):
    s = series.indicator_series(seed_facts)
    assert set(s.kind) <= set(series.KINDS)
    cp = s[s.indicator == "coop_projects"]
    assert set(cp[cp.kind == "target"].doc_id.str[:3]) == {"004"}
    assert not (cp[cp.kind == "stated"].qualifier == "target").any()
    derived = cp[cp.kind == "derived"]
    assert len(derived) == 1 and derived.year.iloc[0] == 1978
    assert "unclassified" not in set(s.indicator)
    series.series_schema().validate(s)


def test_growth(seed_facts):
    g = series.growth(series.indicator_series(seed_facts))
    stated = g[(g.source == "stated") & (g.indicator == "coop_projects")].iloc[0]
    assert (stated.from_year, stated.to_year, stated.multiple) == (1978, 1998, 20.6)
    assert math.isclose(stated.to_value, 22000)
    assert math.isclose(stated.cagr, 20.6 ** (1 / 20) - 1)
    pc = g[(g.source == "computed") & (g.indicator == "partner_countries")]
    assert list(zip(pc.from_year, pc.to_year, strict=True)) == [
        (1995, 1998),
        (1998, 1999),
        (1999, 2011),
    ]
    assert (g[g.source == "computed"].to_year > g[g.source == "computed"].from_year).all()


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")


BODY = (
    "Science offices abroad grew steadily in the decade. "
    "In 2013, some 1,200 foreign experts worked in the provinces. "
    "By 2014, China had signed S&T cooperation agreements with 104 countries, and it maintained "
    "cooperative relations with 160 countries and regions across every continent. "
    "Over 3.5 million students have studied abroad since 1978, and 1.4 million have returned. "
    "The ministry also opened 40 joint research centers with partners in Europe and Africa "
    "during the period under review, according to its annual statistics."
)


def test_new_corpus_conflicts_and_duplicates(tmp_path):
    folder = tmp_path / "new"
    write(folder, "a_2015", f"Kestrel Review of Cooperation 2015\n\n{BODY}\n")
    changed = BODY.replace("grew steadily", "grew fast").replace("annual statistics", "figures")
    write(folder, "b_repost", f"Kestrel News Digest\n\n{changed}\n")
    write(
        folder,
        "c_other",
        "Osprey Bulletin on Partnerships\n\nIn 2013, about 1,350 foreign experts worked in "
        "China, the bureau said. By 2014, China had signed S&T cooperation agreements with "
        "104 countries.\n",
    )
    c = corpus.load_corpus(folder)
    assert c.get("b_repost").duplicate_of == "a_2015"
    df = facts.facts_table(c)
    rep = df[df.doc_id == "b_repost"]
    assert len(rep) >= 6 and rep.duplicate.all()
    s = series.indicator_series(df)
    assert "b_repost" not in set(s.doc_id)
    fe = s[s.indicator == "foreign_experts"]
    assert sorted(fe.value) == [1200, 1350] and set(fe.year) == {2013}
    conf = series.conflicts(df)
    got = pairs(conf)
    assert ("foreign_experts", 1200, "a_2", 1350, "c_o") in got
    assert not (conf.indicator == "intergov_agreements").any()  # 104 = 104: no conflict
    assert "b_repost" not in set(conf.doc_a) | set(conf.doc_b)


def test_parts_are_no_conflict_but_a_difference_of_definition(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "National partners\n\nIn 2011, China had cooperative relations with 152 countries.\n"
    )
    (folder / "b.txt").write_text(
        "A ministry's partners\n\nIn 2011, the Ministry of Agriculture had cooperative "
        "relations with 58 countries.\n"
    )
    df = facts.facts_table(corpus.load_corpus(folder))
    assert series.conflicts(df).empty
    diff = series.definition_differences(df)
    assert len(diff) == 1
    row = diff.iloc[0]
    assert {row.scope_a, row.scope_b} == {"national", "agency"} and "scope" in row.differs_in
    assert row.counted_a and row.counted_b
    s = series.indicator_series(df)
    assert set(s.scope) == {"national", "agency"}
    assert series.growth(s).empty  # two series of one point each: no growth across them


def test_delegations_are_no_conflict_with_the_people_exchanged(tmp_path):
    """A count of delegations is no count of people: in its own unit, it is never compared
    with the people a page says were sent in the same year."""
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Exchanges in 1985\n\nIn 1985 China sent 2,300 scientists and engineers abroad on "
        "exchange visits.\n"
    )
    (folder / "b.txt").write_text(
        "Delegations in 1985\n\nIn 1985 China sent 410 scientific and technical delegations "
        "abroad.\n"
    )
    df = facts.facts_table(corpus.load_corpus(folder))
    s = series.indicator_series(df)
    pe = s[s.indicator == "personnel_exchanges"]
    got = sorted(zip(pe.unit, pe.value, strict=True))
    assert got == [("count", 2300), ("delegations", 410)]
    # the brief names the unit: a reader never takes 410 for people
    from analysis.report.values import value_text

    row = df[df.unit == "delegations"].iloc[0].to_dict()
    assert value_text(row) == "410 delegations"
    assert series.conflicts(df).empty
    assert series.definition_differences(df).empty
    assert series.growth(s).empty


def test_a_partners_line_of_the_nations_figure_is_no_conflict(tmp_path):
    """ "The EU remained the largest source ..., with contracts worth US$16.1 billion" is a
    part of China's imports, its partner its actor: never compared with another page's
    total of the same year."""
    folder = tmp_path / "partners"
    write(
        folder,
        "a",
        "Technology imports in 2012\n\nIn 2012 China imported technology worth "
        "US$44.2 billion. The European Union remained the largest source of imported "
        "technology, with contracts worth US$16.1 billion.\n",
    )
    write(
        folder,
        "b",
        "A year of trade\n\nIn 2012 China imported technology worth US$44.9 "
        "billion, the ministry said.\n",
    )
    from analysis.corpus import load_corpus
    from analysis.facts import facts_table

    table = facts_table(load_corpus(folder))
    eu = table[table.quote == "US$16.1 billion"].iloc[0]
    assert (eu.indicator, eu.scope, eu.actor) == ("tech_import_value", "foreign", "European Union")
    got = series.conflicts(table)
    assert sorted(zip(got.value_a, got.value_b, strict=True)) == [(44.2e9, 44.9e9)]
