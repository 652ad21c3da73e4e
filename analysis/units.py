"""The units a figure may be in: a few of measure (``count``, ``percent``, ``multiple``,
``m``, ``km``) and every currency, by its ISO 4217 code (pycountry's list, so that a
lexicon may add the won, the shekel or the Singapore dollar without a code change). One
list for the table's schema, the number grammar's check of numbers.yaml and every rule
that asks whether a figure is money."""

from __future__ import annotations

import functools

# the units of measure; the table's schema allows these and every currency code
# ("points": a change of a share in percentage points, "up 3.5 percentage points";
# "delegations": a count of groups, never of the people in them, indicators.yaml
# ``group_units``)
MEASURE_UNITS = ("count", "percent", "multiple", "m", "km", "fraction", "points", "delegations")
# the currencies the seeds' briefs name most, first in listings (the schema takes any code)
COMMON_CURRENCIES = ("USD", "CNY", "EUR", "GBP", "CHF", "JPY", "AUD")


# withdrawn codes (ISO 4217's list of historic denominations) that older pages count in:
# the Deutsche Mark, French franc, lira, guilder, Belgian franc, peseta, schilling, markka,
# drachma, escudo, Irish pound, Slovak koruna, litas, kuna, lev (pycountry's list has dropped
# the last two), the Soviet rouble, the Czechoslovak koruna and the GDR's mark
HISTORIC_CURRENCIES = (
    "DEM", "FRF", "ITL", "NLG", "BEF", "ESP", "ATS", "FIM", "GRD", "PTE", "IEP", "SKK", "LTL",
    "HRK", "BGN", "SUR", "CSK", "DDM",
)  # fmt: skip


@functools.cache
def currencies() -> frozenset[str]:
    """Every ISO 4217 currency code (pycountry, imported here only: the CLI starts fast),
    and the withdrawn ones of :data:`HISTORIC_CURRENCIES`."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies) | frozenset(HISTORIC_CURRENCIES)


def is_money(unit: str) -> bool:
    """True when ``unit`` is a currency's ISO 4217 code."""
    return len(unit) == 3 and unit.isupper() and unit in currencies()


def is_unit(unit: str) -> bool:
    """True when a figure may be in ``unit``: a unit of measure or a currency."""
    return unit in MEASURE_UNITS or is_money(unit)
