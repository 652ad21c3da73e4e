"""Units: every currency by its ISO 4217 code (analysis/units.py), read from the ways pages
write them (numbers.yaml), one list for the table's schema and the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import corpus, facts, units


def units_of(tmp_path: Path, body: str) -> list[tuple[float, str]]:
    path = tmp_path / "doc.txt"
    path.write_text(f"A Report on Cooperation\n\n{body}\n", encoding="utf-8")
    return [(r["value"], r["unit"]) for r in facts.extract_facts(corpus.read_document(path))]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("A joint fund with Singapore has committed S$10 million to research.", (1e7, "SGD")),
        ("The program has a budget of about NIS 120 million.", (1.2e8, "ILS")),
        ("Korea will provide KRW 2.4 billion for the new projects.", (2.4e9, "KRW")),
        ("Seoul set aside 3 billion won for joint laboratories.", (3e9, "KRW")),
        ("The centre received HK$1 billion for its endowment.", (1e9, "HKD")),
        ("NSFC will contribute up to CNY 16 million for the Chinese teams.", (1.6e7, "CNY")),
        ("The fund's budget is 16 million CNY for joint projects.", (1.6e7, "CNY")),
        # currencies of partners of the South, by sign or word, a shared word by the country
        ("Malaysia put M$35m into joint projects with China.", (3.5e7, "MYR")),
        ("Indonesia gave Rp 5 billion to the joint centre.", (5e9, "IDR")),
        ("Ethiopia set aside 120 million birr for the joint institute.", (1.2e8, "ETB")),
        ("Rabat invested 30 million dirhams in joint projects with China.", (3e7, "MAD")),
        ("Qatar put 50 million riyals into the joint fund.", (5e7, "QAR")),
        ("Tunisia spent 4 million dinars on the joint laboratory.", (4e6, "TND")),
        ("Kenya budgeted 80 million shillings for the joint centre.", (8e7, "KES")),
        (
            "The institute has allocated KD 1.5 million for joint desalination studies.",
            (1.5e6, "KWD"),
        ),
        # the mark: the Deutsche Mark, the GDR's or Finland's by the country named before it
        ("Bonn has supported the project with some 1.5 million marks.", (1.5e6, "DEM")),
        ("Our GDR partners will provide some 3.2 million marks for the protocol.", (3.2e6, "DDM")),
        ("Finnish funds of 2 million marks went to the joint laboratory.", (2e6, "FIM")),
        # any ISO 4217 code before its number, withdrawn ones too
        ("The fund has committed BGN 1.5 million to joint calls since 2016.", (1.5e6, "BGN")),
        ("Croatia put HRK 20 million into the joint fund in 2010.", (2e7, "HRK")),
        ("Mongolia set aside MNT 900 million for the joint laboratory.", (9e8, "MNT")),
    ],
)
def test_currencies_are_read_as_money(tmp_path: Path, body: str, want: tuple) -> None:
    assert want in units_of(tmp_path, body)


def test_a_wires_pct_is_a_percent(tmp_path: Path) -> None:
    body = "Funding for joint research with Laos rose 8 pct to 125 mln dollars in fiscal 2011."
    assert (8, "percent") in units_of(tmp_path, body)


def test_money_is_every_currency_and_nothing_else() -> None:
    assert all(units.is_money(c) for c in ("USD", "KRW", "ILS", "SGD", "INR"))
    assert not any(units.is_money(u) for u in ("count", "percent", "XYZ", "usd", "km"))
    assert units.is_unit("fraction") and units.is_unit("BRL") and not units.is_unit("ABC")


def test_a_currency_no_code_names_is_an_error(bad_lexicon) -> None:
    from analysis import numbers

    def change(lex):
        lex["currencies_before"]["Ƀ"] = "BITCOIN"

    error = bad_lexicon(numbers, "numbers", change, numbers.grammar)
    assert "numbers.yaml: currencies_before: BITCOIN" in str(error)


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # a figure with its scale word and nothing counted after it is the sentence's money
        ("The laboratory will cost 12 million euros, of which China will provide 7 million.",
         (7e6, "EUR")),
        ("Contracts reached US$3 billion in 2011, up from 2.1 billion in 2010.", (2.1e9, "USD")),
        # ... not a figure with a noun of its own
        ("The fund spent $5 million on joint projects in a region of 1.3 million people.",
         (1.3e6, "count")),
    ],
)  # fmt: skip
def test_a_bare_scaled_figure_after_money_is_that_money(tmp_path: Path, body, want) -> None:
    assert want in units_of(tmp_path, body)


def test_a_code_that_spells_a_word_in_capitals_is_no_currency(tmp_path: Path) -> None:
    body = "TOP 10 PARTNERS. ALL 12 AGREEMENTS WERE SIGNED IN 1985 WITH EUROPEAN STATES."
    assert sorted(units_of(tmp_path, body)) == [(10, "count"), (12, "count")]


def test_a_shares_change_in_percentage_points_is_its_own_unit_and_a_change(
    tmp_path: Path,
) -> None:
    # "3.5 percentage points" is no count and no percent: a change of a share, told in points
    path = tmp_path / "doc.txt"
    path.write_text(
        "A Report on Cooperation\n\nIn 2010 joint papers rose 3.5 percentage points to 21 "
        "percent of the total, and the share of imports from Japan fell 2 pct points.\n",
        encoding="utf-8",
    )
    rows = {r["quote"].split()[0]: r for r in facts.extract_facts(corpus.read_document(path))}
    assert (rows["3.5"]["unit"], rows["3.5"]["measure"], rows["3.5"]["value"]) == (
        "points",
        "change",
        3.5,
    )
    assert (rows["2"]["unit"], rows["2"]["measure"]) == ("points", "change")
    assert (rows["21"]["unit"], rows["21"]["measure"]) == ("percent", "share")
    from analysis.report.values import value_text

    assert value_text({**rows["3.5"], "derived_from": ""}) == "3.5 percentage points"
