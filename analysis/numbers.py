"""The number grammar: how documents write numbers, years and periods (DESIGN.md, facts).

One compiled regex (built from ``lexicon/numbers.yaml``) finds number expressions
(``22,000``, ``I 07,000``, ``US$ 6.69 billion``, ``21.2%``, ``2-3``, ``five``,
``thirty-six``, ``one third``, ``20.6 times``); :func:`parse` turns a match into a value
with its unit and qualifier, or drops it (a year used as a date, a day number, a list
marker, a telephone-like run). A second regex finds the year expressions of a sentence
and :func:`when` gives a figure its year and period. The fast scans visit only the
positions where a match can start and give exactly the matches of ``finditer``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from analysis import corpus, scan
from analysis.config import InputError, load_lexicon
from analysis.numbering import numbering_at
from analysis.sentencedates import (
    PLAN_ORDINAL,
    SCHOOL_YEAR_AFTER,
    SCHOOL_YEAR_BEFORE,
    calendar_eras,
    plan_span,
)
from analysis.units import currencies as all_currencies
from analysis.units import is_money, is_unit

# a year: not a part of a longer number ("2,012,180"), but a footnote mark may stick to it
# ("in 2012,18 most of them": two digits are no thousands group)
# currency codes that are also words or common capitals: read only where numbers.yaml lists them
_CODES_AS_WORDS = frozenset(
    {"ALL", "TOP", "CUP", "MOP", "SOS", "BOB", "GEL", "NIO", "AMD", "PEN", "TRY", "SAR", "CAD",
     "MAD", "ANG", "AOA", "LSL", "BAM", "MUR", "NAD", "LKR", "SLL", "SLE", "STN", "ZMW", "VES"}
)  # fmt: skip

# "150,000-odd Chinese students": about that many, the figure
_ODD = re.compile(r"[-–]odd\b", re.I)

_Y = r"(?<![\d,.])(?:19\d\d|20[0-4]\d)(?![\d%]|,\d{3}(?!\d))"
_MONTH = corpus.MONTH_RE
_YEAR_LIKE = (1900, 2049)
_MONEY = ("USD", "CNY", "EUR")


def _alt(keys) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any blank."""
    parts = sorted({re.escape(k).replace(r"\ ", r"\s+") for k in keys}, key=len, reverse=True)
    return "|".join(parts)


# --------------------------------------------------------------------------- grammar
@dataclass(frozen=True)
class _Grammar:
    number: re.Pattern[str]
    words: dict[str, float]
    fractions: dict[str, float]
    scales: dict[str, float]
    glued_scales: dict[str, float]
    currencies: dict[str, str]
    units: dict[str, str]
    qual_before: re.Pattern[str]
    qual_before_map: dict[str, str]
    qual_after: re.Pattern[str]
    qual_after_map: dict[str, str]
    years: re.Pattern[str]
    period_words: dict[str, int]
    anchors: list[tuple[re.Pattern[str], int]]
    target_start: re.Pattern[str]
    target_markers: re.Pattern[str]
    not_target: re.Pattern[str]
    # for the fast scans and prefilters (see "fast scans" below)
    anchor_needs: tuple[tuple[str, ...] | None, ...] = ()  # _required() of each anchor
    qual_before_ends: tuple[str, ...] = ()  # last words of the qualifiers before a number
    qual_after_starts: tuple[str, ...] = ()  # first words of those after it
    target_needs: tuple[str, ...] | None = None  # _required(target_markers)
    not_target_needs: tuple[str, ...] | None = None
    cur_literals: tuple[str, ...] = ()  # every start of a currency is one of these
    # a number naming a programme: the head word after it ("863" Program) or before it
    # ("Project 211"), a quote between (``numbers.yaml`` ``programme_names``)
    name_after: re.Pattern[str] | None = None
    name_before: re.Pattern[str] | None = None
    word_literals: tuple[tuple[str, tuple[int, ...]], ...] = ()  # see _word_literals
    # capitalised words a year may follow as a date ("In 2010"); after any other it is a
    # name's ("Horizon 2020"; ``numbers.yaml`` ``year_openers``, months besides)
    year_openers: frozenset[str] = frozenset()
    multiples: dict[str, float] = field(default_factory=dict)  # "twice", "tripled"
    # a bare currency word several countries use ("francs") -> (its places' pattern, the
    # currency of each place, the default) (``numbers.yaml`` ``units_by_place``)
    by_place: dict[str, tuple[re.Pattern[str], dict[str, str], str]] = field(default_factory=dict)
    multiples_not: re.Pattern[str] | None = None  # "twice a year": no multiple
    # a sum at a rate per a short span or a person, a price or a wage ("$69 per month",
    # "15,000 yuan a month", "$12 per person"; ``numbers.yaml`` ``price_rates``)
    price_rate: re.Pattern[str] | None = None
    # a sum of money below this without a scale word is a price (``numbers.yaml``)
    price_below: float = 0.0
    # a count of short spans of time, a duration ("an average of 14 days", "from two weeks
    # to a full academic year", "two to six weeks"; ``numbers.yaml`` ``durations``)
    duration: re.Pattern[str] | None = None
    # a count of a physical quantity's units ("13 million tonnes", "400 MW", "125 petaflops";
    # ``numbers.yaml`` ``physical_units``): no figure
    physical: re.Pattern[str] | None = None
    # a count of a body's own establishment, its staff and its rooms ("the office has 6 staff in
    # two rooms"; ``numbers.yaml`` ``establishment_nouns``) when no verb moves or engages them
    # (:data:`_MOVES_PEOPLE`), nothing after says where they go, come from or serve and the
    # sentence names no mission (:data:`_MISSION_BEFORE`): no figure
    establishment: re.Pattern[str] | None = None
    # a count of a person's family ("survived by two sons"; ``numbers.yaml`` ``family_nouns``):
    # no figure
    family: re.Pattern[str] | None = None
    # the parties named before, counted again after a determiner ("the two countries";
    # ``numbers.yaml`` ``pair_nouns``): the nouns after the number, the determiner before it
    pair_after: re.Pattern[str] | None = None


# a table's unit of ten thousand or a hundred million of something ("10,000 persons", "10 000
# USD", "100 million yuan"), after "unit:" or a bracket, or with the row's cells after it
_SCALE_UNIT = re.compile(
    r"(?:10[ ,]?000|100\s+million)\s+(?:persons|people|person-times|yuan|RMB|USD|US\$|dollars)\b"
)
_UNIT_LEAD = re.compile(r"(?:\bunits?\s*[:：]|\()\s*$", re.I)
_CELLS_AFTER = re.compile(r"[ \t]{2,}[+\-−]?\d")
# the numbers after the first of a range or a size's sides, before their unit
_SIZE_CHAIN = re.compile(r"(?:\s*(?:to|-|–|x|×)\s*\d[\d,.]*){1,2}")
# a verb that sends, trains, receives, exchanges, recruits or employs people, up to a few words
# before a count of staff ("sent 74 staff", "trained some 40 to 60 of its staff", "had recruited
# 1,300 staff", "which employs 600 staff"): people moved or engaged, a figure
_MOVES_PEOPLE = re.compile(
    r"\b(?:sen[dt]s?|sending|dispatch\w*|train\w*|exchang\w*|receiv\w*|host\w*|invit\w*|"
    r"second\w*|post(?:s|ed)?|assign\w*|recruit\w*|hire[sd]?|hiring|employ(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,4}$",
    re.I,
)
# ... or a mission's science staff ("the section at the Chinese Embassy in Stockholm, which has
# 3 staff", "the UK's Science and Innovation Network has 18 staff in four offices"): its S&T
# diplomats, a figure
_MISSION_BEFORE = re.compile(
    r"\b(?:embass(?:y|ies)|consulates?(?:-general)?|missions?|network|counsell?ors?|attach[eé]s?)\b",
    re.I,
)
_PLUS_MINUS = re.compile(r"\s*±")
_PLUS_MINUS_BEFORE = re.compile(r"±\s*$")
# an exchange rate after its number ("1.98 to the dollar", "8.28 yuan per US dollar")
_EXCHANGE_RATE = re.compile(
    r"\s+(?:(?:yuan|renminbi|RMB)\s+)?(?:to|per|against)\s+(?:the\s+|one\s+|a\s+|each\s+)?"
    r"(?:U\.?S\.?\s+|American\s+)?dollar\b"
)
# a verb of occasions before "N times": the count of them ("has met twelve times")
_OCCASIONS_BEFORE = re.compile(
    r"\b(?:met|meet|meets|convened|visited|visits|held|been\s+held|gone|travell?ed|occurred|"
    r"happened|sat|been)\s+(?:[A-Z][\w-]*\s+)?$"
)
# a bloc's members named as a known set: "the ten member states of ASEAN", "The EU's 28
# Member States", "25 of the 28 EU member states" (its size, no figure of cooperation;
# "Seventeen EU member states have bilateral S&T agreements" counts some of them)
_MEMBERS_BEFORE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur|[A-Z][\w.]*['’]s)\s+$")
_MEMBERS_AFTER = re.compile(
    r"\s+(?:[A-Z]{2,}\s+)?member\s+(?:states|countries|economies|nations)\b", re.I
)


def _bloc_members(text: str, start: int, end: int, s_start: int, s_end: int) -> bool:
    """True when the number at ``text[start:end]`` sizes a bloc's set of members after a
    determiner (``_MEMBERS_BEFORE``)."""
    return bool(
        _MEMBERS_AFTER.match(text, end, s_end)
        and _MEMBERS_BEFORE.search(text, max(s_start, start - 12), start)
    )


_PAIR_BEFORE = re.compile(r"\b(?:the|our|their|its|these|those|both|all)\s+$", re.I)
_PLURAL_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*[^s\W]s\b", re.I)
_MEASURES = frozenset(("count", "percent", "multiple", "m", "km", "fraction", "points"))
# (a month in capitals too, as headers and wires set it: "MONDAY, 18 OCTOBER", "12 DEC")
# (and the last day of a span after its month: "June 6 to 10", "March 3-5")
_DAY_BEFORE = re.compile(
    rf"\b(?:{_MONTH}|{_MONTH.upper()})\s*(?:\d{{1,2}}\s*(?:[-–]|to|TO|through)\s*)?$"
)
_DAY_AFTER = re.compile(
    rf"(?:\s*(?:[-–]|to|TO)\s*\d{{1,2}})?\s+(?:{_MONTH}|{_MONTH.upper()})(?![a-zA-Z])"
)  # ("11 to 13 November 2004", "2 TO 6 JUNE": the first day of a span)
# a table's unit, no figure: "Unit: US$ 100 million", "(US$ 100 million)", a row's unit
# column "USD 100 million" before its cells
_UNIT_STATEMENT = re.compile(
    r"(?i:units?\s*[:：]\s*|\(\s*|\bin\s+)(?:US\s?\$|USD|RMB|CNY|yuan|¥|\$)?\s*$"
)
_UNIT_AMOUNTS = frozenset({100.0, 1000.0, 10000.0, 100000000.0})
_SUM_BEFORE = re.compile(r"\d(?:\s*(?:million|billion|bn|m|thousand))?\s*\(\s*\S*\s*$")
_CELLS_AFTER = re.compile(r"[ \t]{2,}[-+−]?\d[\d,.]*(?:[ \t]{2,}[-+−]?\d|[ \t]*$)", re.M)
_CLAUSE_STOP = re.compile(r"[,;:()\[\]]")
_HALF_VETO = re.compile(r"\b(?:first|second|latter|other|the)\s+$", re.I)
# the word after "a third", "a fifth": a share goes on with "of", a comparison, a verb or the
# clause's end; an ordinal with the noun it numbers ("a third joint laboratory")
_ORDINAL_AFTER = re.compile(r"[ \t]+(?-i:[a-z][\w-]*)")
_SHARE_GOES_ON = frozenset(
    "of more less fewer as again in to on from for at by and or but than now this that the "
    "their its them those these his her our of whom which who while since last next over "
    "compared during after before within year years each every per between among all overall "
    "respectively up down higher lower larger smaller bigger".split()
)


def _ordinal_after(text: str, end: int, s_end: int) -> bool:
    """True when the word right after "a third", "a fifth" (ending at ``end``) is a
    lower-case word that is neither a share's going on (:data:`_SHARE_GOES_ON`) nor a verb
    (``numbers.yaml`` ``clause``): the noun an ordinal numbers."""
    m = _ORDINAL_AFTER.match(text, end, s_end)
    if m is None:
        return False
    word = m.group().strip().lower()
    return word not in _SHARE_GOES_ON and word not in clause_words().verbish


def _low(d: dict[str, Any]) -> dict[str, Any]:
    return {" ".join(k.lower().split()): v for k, v in d.items()}


@functools.cache
def grammar() -> _Grammar:
    """The number grammar compiled from ``lexicon/numbers.yaml`` (once per process)."""
    lex = load_lexicon("numbers")
    path = "analysis/lexicon/numbers.yaml"
    words, fractions, scales = _low(lex["words"]), _low(lex["fractions"]), _low(lex["scales"])
    multiples = _low(lex.get("multiples") or {})
    # "sixfold", "thirtyfold", "a hundredfold": a number's word glued to "fold" is its multiple
    # (the words as the lexicon spells them; "seven-fold" is the word and its "-fold" unit)
    for word, value in list(words.items()) + [("hundred", 100.0)]:
        if " " not in word and "-" not in word and value >= 2 and value == int(value):
            multiples.setdefault(f"{word}fold", value)
    glued = _low(lex.get("glued_scales") or {})
    # "thirty-six", "forty one": a word of tens and one of units
    for tens, t in list(words.items()):
        if t in (20, 30, 40, 50, 60, 70, 80, 90):
            for unit, u in _low(lex["compound_units"]).items():
                words[f"{tens}-{unit}"] = words[f"{tens} {unit}"] = t + u
    currencies = dict(lex["currencies_before"])
    # any ISO 4217 code written before its number ("BGN 1.5 million", "HRK 20 million"),
    # not those that spell words a page in capitals writes before a number ("TOP 10", "ALL 12")
    for code in all_currencies():
        if code not in _CODES_AS_WORDS and not code.startswith("X"):
            currencies.setdefault(code, code)
    units = _low(lex["units_after"])
    by_place_lex = _low(lex.get("units_by_place") or {})
    places = {w: dict(m) for w, m in by_place_lex.items()}
    sections = [("currencies_before", currencies), ("units_after", units)]
    sections += [(f"units_by_place: {w}", m) for w, m in places.items()]
    for key, section in sections:
        bad = sorted({u for u in section.values() if not is_unit(u)})
        if bad:
            raise InputError(
                f"{path}: {key}: {', '.join(bad)}: not a unit (count, percent, multiple, "
                "m, km, fraction, points) nor a currency's ISO 4217 code"
            )
    number = re.compile(
        rf"""
        (?P<cur>(?<![A-Za-z0-9$€])(?:{_alt(currencies)})\s?)?
        (?:
            (?:
                (?<![A-Za-z0-9.,])(?P<ocr>[Il])\s?(?=\d{{1,2}}(?:,\d{{3}})+(?!\d|,\d))
              | (?(cur)|(?<![\w.,/\-–]))  # ("Rmb1.1bn", "USD5m": a currency set against it)
            )
            # (a scan's letter O for a zero inside a group: "about 4,O00")
            (?P<digits>\d{{1,3}}(?:,(?:\d{{3}}|[\dO]{{3}}))+(?![\dO]|,[\dO])
              # a page written the European way: groups set apart by a blank ("15 000") or
              # by dots ("2.500.000"), a decimal comma before a scale ("DKK 1,2 billion")
              |\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d|[ \u00a0\u202f,.]\d)
              |\d{{1,3}}(?:\.\d{{3}}){{2,}}(?!\d|[.,]\d)
              |\d{{1,3}},\d{{1,2}}(?=[\s-]?(?i:{_alt(scales)})(?![A-Za-z])
                  |(?i:{_alt(glued) if glued else "(?!)"})(?![A-Za-z_]))
              |\d+(?![\d]|,\d))
            (?P<dec>\.\d+(?!\d))?
            (?:(?i:(?P<glued>{_alt(glued) if glued else "(?!)"}))(?![A-Za-z_])|(?![A-Za-z_]))
            # (a dash opening the next line is a list's bullet: "in 2017 / - 47 projects")
            (?:[ \t]?[-–—]\s?(?P<hi>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)(?![\w\-–]))?
          | (?<![\w\-])(?i:(?P<word>{_alt(list(fractions) + list(words) + list(multiples))}))
            (?:(?![\w\-])|(?=-fold\b)|(?=-odd\b))  # ("seven-fold": a multiple; "forty-odd")
        )
        (?:(?<!\d[A-Za-z])[\s-](?i:(?P<scale>{_alt(scales)}))(?![A-Za-z]))?
        (?:\s?(?i:(?P<unit>{_alt({**units, **places})}))(?![A-Za-z]))?
        """,
        re.X,
    )
    period_words = _low(lex["period_words"])
    years = re.compile(
        rf"""
        (?P<lastyear>\b(?:(?P<ly_by>by|as\s+of|at|until)\s+the\s+end\s+of\s+)?last\s+year\b)
      | (?P<nextyear>\bnext\s+(?:(?:academic|fiscal|calendar|school)\s+)?year\b(?!\s*[-–—/]))
      | (?P<next>\b(?:in|over|during|within)\s+the\s+(?:next|coming)\s+
            (?:(?P<next_n>\d{{1,2}}|{_alt(period_words)})\s+years|(?P<next_decade>decade))\b)
      | (?P<relative>\b(?:(?:in|for|over|during|within)\s+the\s+(?:past|last|previous)
            |(?:over|during|throughout)\s+the)\s+
            (?:(?P<rel_n>\d{{1,2}}|{_alt(period_words)})\s+years|(?P<decade>decade))\b
            (?!\s+(?:to|until|through|ending)\s))
      # a span named by its length and its last year: "in the two decades to 1998", "over
      # the five years to 2021"
      | (?P<spanto>\b(?:in|over|during|for|throughout)\s+the\s+
            (?:(?P<st_n>\d{{1,2}}|{_alt(period_words)})\s+years|(?P<st_d>(?:{_alt(period_words)})\s+)?
            (?P<st_decade>decades?))
            \s+(?:to|until|through|up\s+to|ending(?:\s+in)?)\s+(?:the\s+end\s+of\s+)?
            (?P<st_y>{_Y}))
      | (?P<fromlast>\bfrom\s+(?P<fl1>{_Y})\s+(?:to|until|through)\s+(?:the\s+end\s+of\s+)?
            last\s+year\b)
      | (?P<fromto>\bfrom\s+(?P<ft1>{_Y})\s*,[^,;.\d]{{1,80}},\s*(?:to|until|through)\s+
            (?:the\s+end\s+of\s+)?(?P<ft2>{_Y}))
      | (?P<range>(?:\b(?:during|from|between|in|over|throughout)\s+)?\(?(?P<r1>{_Y})
            # (a dash opening the next line is a list's bullet, no span's: "opened in 2017
            # / - 47 projects")
            (?:[ \t]*[-–—]\s*|\s*(?:to|and|through)\s*|\s*/(?=\d\d(?:\d\d)?(?![\d/]))\s*)
            # a span's end may be a part of its year ("Between 1978 and mid-1985", "from 1979
            # through fiscal year 1982"), as a date after "by" may
            (?:the\s+end\s+of\s+|(?:(?:fiscal|financial)\s+(?:year\s+)?|early\s+|late\s+|mid-)(?={_Y}))?
            (?P<r2>{_Y}|\d{{2}}(?!\d))\)?)
      | (?P<compare>(?:\b(?:that|those|the\s+(?:level|figure|number)s?)\s+of
            |\bthe\s+(?:level|figure|number)s?\s+in
            # (not "said that in 2006 it had ...": a conjunction)
            |\b(?:than|with|to|over|on|from|against|double|twice|triple)\s+(?:that|those)\s+in)
            \s+(?P<c1>{_Y})
            |\bcompared\s+(?:with|to)\s+(?:(?:that|those|the\s+level)\s+(?:of|in)\s+)?(?:in\s+)?(?P<c2>{_Y})
            |\bthan\s+(?:in\s+)?(?:the\s+whole\s+of\s+)?(?P<c3>{_Y})|\bover\s+(?P<c4>{_Y})
            |\bas\s+in\s+(?P<c5>{_Y})
            # "almost four times the 1990 figure", "nearly double the 1985 level"
            |\b(?:times|twice|double|triple|than|over|on|from|against|with)\s+the\s+(?P<c8>{_Y})
            \s+(?:figure|level|total|value|number)s?\b
            |\b(?:from|against)\s+(?P<c6>{_Y})['’]s\b
            |(?:%|\bper\s?cent\.?)\s+(?:on|from)\s+(?P<c7>{_Y})(?![\d%])(?!\s*(?:[-–]|to\b))
            # "more than double the 1984 figure", "above the 2010 level": a base by its year
            |\bthe\s+(?P<c9>{_Y})\s+(?:figure|level|total|number)s?\b)
      | (?P<since>\bsince\s+(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|early\s+|late\s+
            |(?:it|they|the\s+\w{{1,12}})\s+(?:was|were)\s+\w{{1,12}}(?:\s+up)?\s+in\s+)?
            (?:{_MONTH}\s+)?(?P<s1>{_Y}))
      | (?P<by>\b(?:by|as\s+of|as\s+at|until|till|through|up\s+to)\s+(?:the\s+end\s+of\s+)?
            (?:(?:fiscal|financial)\s+(?:year\s+)?|early\s+|late\s+|mid-)?
            (?:{_MONTH}\s+)?(?P<b1>{_Y})(?:\s?[-–/]\s?(?P<b2>\d\d(?:\d\d)?)(?![\d/\-–]))?)
      | (?P<decades>(?:\b(?:early|late|mid)[- ]?)?(?P<d1>(?:19|20)\d0)[’']?s\b)
      # a plan's period named by its ordinal alone ("during the Seventh Five-Year Plan
      # period": 1986-1990; with its years in brackets the range after it says so)
      | (?P<plan>\b(?:the\s+)?(?P<pn>{PLAN_ORDINAL})\s+[“"‘']?Five[- ]Year\s+
            (?:Plan|Programme|Program)[”"’']?(?:\s+period)?
            (?!\s*(?:period\s*)?\(\s*(?:19|20)\d\d))
      | (?P<explicit>{_Y})
        """,
        re.X | re.I,
    )

    def compile_(pattern: str, what: str) -> re.Pattern[str]:
        try:
            return re.compile(pattern, re.I)
        except re.error as exc:
            raise InputError(f"{path}: {what}: bad pattern: {exc}") from exc

    anchors = [
        (compile_(a["pattern"], f"anchors[{i}]"), a["year"]) for i, a in enumerate(lex["anchors"])
    ]
    target_markers = compile_(lex["target_markers"], "target_markers")
    not_target = compile_(lex["not_target"], "not_target")
    # (as written, or in capitals: "THE 863 PROGRAM")
    names = {*lex["programme_names"], *(w.upper() for w in lex["programme_names"])}
    heads = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    rates = "|".join(re.escape(w) for w in lex.get("price_rates") or [])
    spans = "|".join(re.escape(w) for w in lex.get("durations") or [])
    pairs = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(lex.get("pair_nouns") or [], key=len, reverse=True)
    )
    physical = "|".join(
        re.escape(w) for w in sorted(lex.get("physical_units") or [], key=len, reverse=True)
    )
    own = "|".join(re.escape(w) for w in lex.get("establishment_nouns") or [])
    kin = "|".join(re.escape(w) for w in lex.get("family_nouns") or [])
    return _Grammar(
        family=re.compile(rf" (?:{kin})\b") if kin else None,
        pair_after=re.compile(rf"\s+(?:{pairs})\b", re.I) if pairs else None,
        physical=re.compile(rf"\s?(?:{physical})(?![\w-])(?!\s+per\b)") if physical else None,
        establishment=re.compile(
            rf" (?:(?:academic|administrative|full-time|permanent|support|office)\s+)?"
            rf"(?:{own})\b(?!\s+(?:from|abroad|overseas|sent|trained|working|serving|serve|went|were|had)\b)"
        )
        if own
        else None,
        duration=re.compile(
            rf"(?:\s+(?:to|or|and)\s+[\w.,]+)?\s+(?:(?:working|business|calendar)\s+)?"
            rf"(?:{spans})s?\b(?![-‐–])",
            re.I,
        )
        if spans
        else None,
        price_rate=re.compile(rf"\s*(?:a|an|per|each|every)\s+(?:{rates})\b", re.I)
        if rates
        else None,
        price_below=float(lex.get("price_below") or 0),
        name_after=re.compile(rf"[\"”’']?\s+(?:{heads})(?![\w-])"),
        name_before=re.compile(rf"(?<![\w-])(?:{heads})\s+[\"“‘']?$"),
        anchor_needs=tuple(_required(p) for p, _ in anchors),
        qual_before_ends=tuple({k.lower().split()[-1] for k in lex["qualifiers_before"]}),
        qual_after_starts=tuple({k.lower().split()[0] for k in lex["qualifiers_after"]}),
        target_needs=_required(target_markers),
        not_target_needs=_required(not_target),
        cur_literals=_start_literals(currencies),
        word_literals=_word_literals(list(fractions) + list(words) + list(multiples)),
        year_openers=frozenset(lex["year_openers"]),
        number=number,
        words=words,
        fractions=fractions,
        multiples=multiples,
        by_place={
            w: (
                re.compile(rf"\b(?:{_alt([k for k in m if k != 'default'])})\b"),
                m,
                m["default"],
            )
            for w, m in places.items()
        },
        multiples_not=re.compile(lex["multiples_not"]) if lex.get("multiples_not") else None,
        scales=scales,
        glued_scales=glued,
        currencies=currencies,
        units=units,
        qual_before=re.compile(rf"(?i:\b(?P<q>{_alt(lex['qualifiers_before'])}))\s+$"),
        qual_before_map=_low(lex["qualifiers_before"]),
        qual_after=re.compile(rf"\s+(?i:(?P<q>{_alt(lex['qualifiers_after'])}))\b"),
        qual_after_map=_low(lex["qualifiers_after"]),
        years=years,
        period_words=period_words,
        anchors=anchors,
        target_start=compile_(lex["target_sentence_start"], "target_sentence_start"),
        target_markers=target_markers,
        not_target=not_target,
    )


# a number word written with a capital and followed by a capitalised word: part of a name
# ("the Four Modernizations", "the Three Gorges"), unless the sentence or a heading opens
# with it ("Seventeen EU member states have ...")
_NAMED_BY_NUMBER = re.compile(r"(?-i:[A-Z][a-z]+)(?:-(?-i:[a-z]+))?\s+(?-i:[A-Z][a-z])")


def _inside_sentence(text: str, start: int, s_start: int) -> bool:
    """Whether ``start`` stands inside a sentence's prose: after a word in lower case on its
    line ("the Four Modernizations"; in a headline set in capitals, "China Signs Four
    Agreements", the number counts)."""
    line = max(s_start, text.rfind("\n", s_start, start) + 1)
    words = text[line:start].split()
    return bool(words) and words[-1][:1].islower()


def _names_programme(g: _Grammar, text: str, start: int, end: int, s_start: int) -> bool:
    """True when the digits at ``text[start:end]`` are a programme's name: a capitalised
    head word of ``numbers.yaml`` ``programme_names`` right after them ("the 973 Program",
    the "863" Program, the "111 Project") or right before them ("Project 211"), a quote
    between allowed (before them: a three-digit code or a quoted one). A head in lower
    case ("30 projects") or a plural is no name."""
    if g.name_after is not None and g.name_after.match(text, end):
        return True
    if g.name_before is None:
        return False
    head = g.name_before.search(text, max(s_start, start - 16), start)
    # before the number, a head opens a name only as a code of three digits or quoted
    # ("Project 211", 'Program "48"'), not "under the Plan 15 teams ..."
    return head is not None and (end - start == 3 or text[start - 1 : start] in "\"“‘'")


def _absent(low: str | None, needs: tuple[str, ...] | None, start: int, end: int) -> bool:
    """True when none of ``needs`` is inside ``low[start:end]`` (the regex cannot match)."""
    if low is None or needs is None:
        return False
    for s in needs:
        if low.find(s, start, end) >= 0:
            return False
    return True


# --------------------------------------------------------------------------- fast scans
# Python's regex engine tries a pattern that opens with look-behinds and alternations at
# every position of the text (the number grammar runs at ~4 MB/s, the year grammar at ~3).
# Every match of those grammars contains an "anchor" that plain substring search finds in C
# (a digit run, a currency symbol, a number word; a year, "past"/"last"/"previous"), so
# the scans below visit only the few positions where a match can start and give exactly
# the matches of ``finditer`` (tests/test_facts.py checks it on adversarial texts).

# A text with one of the characters re.IGNORECASE matches to ASCII letters ("ſix", Kelvin
# sign; scan.FOLD_SPECIAL) takes the plain scans: _lower() gives None for it.
_DIGIT_RUN = re.compile(r"\d+")
_required = scan.required_words  # the pattern's required strings (scan.py)
# every "relative", "lastyear" and "next" year match has one
# (and "over the five years": a "the" shortly before "years", see _year_anchors)
_RELATIVE_WORDS = ("past", "last", "previous", "next", "coming")
_WS_RUN = re.compile(r"\s\s")
# Longest text a year expression puts before its first anchor (year or relative word):
# "since the beginning of September. " is 34 characters when words are one blank apart;
# "since the programme was launched up in September " (at most 12-letter words) is 58.
_YEAR_PREFIX = 64


def _start_literals(keys) -> tuple[str, ...]:
    """Currency keys -> literals whose occurrences are every start a currency can have."""
    lits = set()
    for k in keys:
        first = k.split(" ")[0]
        if not first or first != first.strip():
            return ()  # a key opening with a blank: no fast scan
        lits.add(first)
    return tuple(sorted(x for x in lits if not any(x != y and x.startswith(y) for y in lits)))


def _word_literals(keys) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Number words -> (last word, lengths of the words before it): "a dozen" -> ("dozen",
    (1,)). A start is the last word's position, walked back over the words before it."""
    out = set()
    for k in keys:
        words = k.lower().split(" ")
        if not k.isascii() or any(not w or w != w.strip() for w in words):
            return ()  # re.IGNORECASE may match other case forms than lower() gives
        out.add((words[-1], tuple(len(w) for w in reversed(words[:-1]))))
    return tuple(sorted(out))


def _lower(text: str) -> str | None:
    """``text.lower()`` when the fast scans may use it, else None."""
    view = scan.view(text)
    return None if view is None else view[0]


def _number_matches(g: _Grammar, text: str, low: str | None) -> list[re.Match[str]]:
    """``list(g.number.finditer(text))``, visiting only the positions a match can start at.

    ``low`` is :func:`_lower` of ``text``."""
    if low is None or not g.cur_literals or not g.word_literals:
        return list(g.number.finditer(text))
    # a digit run can only start where no word character precedes it
    digits = [m.start() for m in _DIGIT_RUN.finditer(text)]
    cands = digits + [p - 1 for p in digits if p and text[p - 1] in "Il"]  # "I07,000"
    cands += [p - 2 for p in digits if p > 1 and text[p - 2] in "Il" and text[p - 1].isspace()]
    add = cands.append
    cands += _literal_starts(text, g.cur_literals)
    find = low.find  # same length (no U+0130); (?i) on ASCII words = find on lower()
    runs = scan.view(text)[1]
    triggers = _word_triggers(g.word_literals)
    present = [x for run in triggers.keys() & runs for x in triggers[run]]
    for lit, back in present + triggers.get(b"", []):
        if not runs.issuperset(scan.letter_runs(lit)):
            continue  # a number word is a whole word: all its letter runs are in the text
        i = find(lit)
        while i >= 0:
            j = i
            for n in back:  # walk back over "\s+" and the word before ("a dozen")
                k = j
                while k and text[k - 1].isspace():
                    k -= 1
                j = k - n if k < j else -1
                if j < 0:
                    break
            if j == 0 or (j > 0 and not (text[j - 1].isalnum() or text[j - 1] in "_-")):
                add(j)
            i = find(lit, i + 1)
    match = g.number.match
    out = []
    pos = 0
    for p in sorted(set(cands)):
        if p >= pos:
            m = match(text, p)
            if m:
                out.append(m)
                pos = m.end()
    return out


def _literal_starts(text: str, literals: tuple[str, ...]) -> list[int]:
    """Where each of ``literals`` occurs in ``text`` (a position once or more: plain twin, a
    ``find`` loop per literal, in tests/test_read_twins.py). The literals that do not open
    with a lower-case letter ("$", "AUD", "€") are found in one pass over the characters
    they open with, not one pass each."""
    firsts, by_first, rest = _literal_firsts(literals)
    starts = text.startswith
    out = []
    if firsts is not None:
        for m in firsts.finditer(text):
            p = m.start()
            if starts(by_first[text[p]], p):
                out.append(p)
    find = text.find
    for lit in rest:
        i = find(lit)
        while i >= 0:
            out.append(i)
            i = find(lit, i + 1)
    return out


@functools.cache
def _literal_firsts(literals: tuple[str, ...]):
    """(a class of the first characters of the literals that do not open with a lower-case
    letter or None, those literals by first character, the other literals)."""
    by_first: dict[str, list[str]] = {}
    rest = []
    for lit in literals:
        if not lit or lit[0].islower():
            rest.append(lit)
        else:
            by_first.setdefault(lit[0], []).append(lit)
    firsts = re.compile("[" + "".join(map(re.escape, by_first)) + "]") if by_first else None
    return firsts, {c: tuple(v) for c, v in by_first.items()}, tuple(rest)


@functools.cache
def _word_triggers(literals) -> dict[bytes, list[tuple[str, tuple[int, ...]]]]:
    """Word literals by their first letter run (a text without it has none of them)."""
    out: dict[bytes, list] = {}
    for lit, back in literals:
        runs = scan.letter_runs(lit)
        out.setdefault(runs[0] if runs else b"", []).append((lit, back))
    return out


def _year_anchors(text: str, low: str | None) -> list[int] | None:
    """Sorted positions of every possible first anchor of a year expression (None: no fast
    scan for this text)."""
    if low is None:
        return None
    anchors = list(scan.view(text)[2])  # "19dd"/"20dd": a superset of _Y
    find = low.find
    runs = scan.view(text)[1]
    for word in _RELATIVE_WORDS:
        if word.encode() not in runs:
            continue  # "in the past five years": a whole word
        i = find(word)
        while i >= 0:
            anchors.append(i)
            i = find(word, i + 1)
    if b"year" in runs and b"five" in runs:
        # "the Seventh Five-Year Plan": a plan's period by its ordinal
        i = find("five")
        while i >= 0:
            if low.startswith(("five-year", "five year"), i):
                anchors.append(i)
            i = find("five", i + 1)
    if b"years" in runs and b"the" in runs:
        # "over the five years", "during the two years": "the" a word or two before
        rfind = low.rfind
        i = find("years")
        while i >= 0:
            if rfind("the ", max(0, i - 16), i) >= 0:
                anchors.append(i)
            i = find("years", i + 1)
    anchors.sort()
    return anchors


def _year_matches(g: _Grammar, text: str, s_start: int, s_end: int, anchors: list[int] | None):
    """``g.years.finditer(text, s_start, s_end)`` as a list, searching only near anchors.

    No match starts between ``pos`` and ``lo``: its first anchor would be the next anchor,
    and no year expression puts more than _YEAR_PREFIX characters before its first anchor
    (unless blanks run longer, then ``lo`` stays at ``pos``).
    """
    if anchors is None:
        return list(g.years.finditer(text, s_start, s_end))
    out = []
    search = g.years.search
    pos = s_start
    i = bisect.bisect_left(anchors, s_start)
    n = len(anchors)
    while i < n:
        a = anchors[i]
        i += 1
        if a < pos:
            continue
        if a >= s_end:
            break
        lo = a - _YEAR_PREFIX
        if lo <= pos or _WS_RUN.search(text, lo, a):
            lo = pos
        m = search(text, lo, s_end)
        if m is None:
            break
        out.append(m)
        pos = m.end()
    return out


# --------------------------------------------------------------------------- numbers
@dataclass(slots=True)
class _Num:
    start: int  # of the whole expression (qualifier, currency) in doc.text
    end: int
    value: float
    unit: str
    qualifier: str
    low: float | None = None
    high: float | None = None
    fact: dict[str, Any] = field(default_factory=dict)


# a word after a figure (its counted noun), no further digits
_NOUN_NEXT = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?[a-z]{3,}")
# a decimal comma ("1,2 billion": the grammar takes it only before a scale word)
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")


# what sets a number's groups apart: commas, blanks, and dots where two or more stand
_GROUP_MARKS = re.compile(r"[,.\s\u00a0\u202f]")


def _to_float(digits: str, dec: str | None) -> float:
    if _DECIMAL_COMMA.fullmatch(digits):
        return float(digits.replace(",", "."))
    # (digits hold a dot only as a group mark: "2.500.000"; a decimal point is ``dec``)
    return float(_GROUP_MARKS.sub("", digits) + (dec or ""))


def _scaled(value: float, scale: float) -> float:
    """``value * scale`` in decimal arithmetic: 3.27 billion is 3270000000 exactly (the
    float product is 3269999999.9999995)."""
    if scale == 1.0:
        return value
    from decimal import Decimal

    return float(Decimal(repr(value)) * Decimal(repr(scale)))


def _unit_by_place(g: _Grammar, word: str, text: str, start: int) -> str | None:
    """The currency a bare word several countries use ("francs") is in: that of the place
    the text names last before the number ("Swiss", "CERN", "France"), else the lexicon's
    default; None when ``word`` is no such word."""
    if word not in g.by_place:
        return None
    places, currency, default = g.by_place[word]
    last = None
    for last in places.finditer(text, 0, start):  # noqa: B007 (the last one named wins)
        pass
    return currency[last.group(0)] if last else default


def _parse(
    m: re.Match[str], g: _Grammar, text: str, s_start: int, s_end: int, lowered: str | None = None
) -> _Num | None:
    """A number match -> _Num, or None when it is not a figure (date, marker, ...).

    ``lowered``: :func:`_lower` of ``text``, to skip the qualifier patterns where they cannot
    match (a qualifier is whole words next to the number, blanks between)."""
    cur, digits, word, unit_w, scale_w, hi = m.group("cur", "digits", "word", "unit", "scale", "hi")
    start, end = m.start(), m.end()
    # casefold, not lower: the (?i:...) groups also match Unicode case variants ("ſix" with
    # a long s, a Kelvin sign "K"), which casefold maps onto the lexicon's keys
    scale = g.scales.get(" ".join(scale_w.casefold().split()), 1.0) if scale_w else 1.0
    if glued := m.group("glued"):  # "4.04m", "€2.3bn": a scale set against its digits
        scale, scale_w = g.glued_scales.get(glued.casefold(), 1.0), glued
    unit = "count"
    if unit_w:
        key = " ".join(unit_w.casefold().split())
        unit = g.units.get(key) or _unit_by_place(g, key, text, start) or "count"
    if cur:
        unit = g.currencies.get(cur.strip(), g.currencies.get(cur, unit))
    if (
        unit == "multiple"
        and unit_w
        and unit_w.casefold().startswith("time")
        and _OCCASIONS_BEFORE.search(text, max(s_start, start - 24), start)
    ):
        unit = "count"  # "has met twelve times", "visited China 14 times": occasions, no multiple
    if word:
        key = " ".join(word.casefold().split())
        if key not in g.fractions and key not in g.words and key not in g.multiples:
            return None  # a case variant casefold does not map back: not read as a number
        if _NAMED_BY_NUMBER.match(text, m.start("word")) and _inside_sentence(text, start, s_start):
            return None  # "the Four Modernizations", "the Three Gorges Dam": a name
        if key in g.fractions:
            if key == "half" and _HALF_VETO.search(text, max(s_start, start - 12), start):
                return None
            if key.startswith("a ") and _ordinal_after(text, m.end("word"), s_end):
                return None  # "opened a third joint laboratory": an ordinal, no share
            if scale_w:
                # "half a million", "a quarter of a million": a part of the scale, no share
                value = g.fractions[key]  # (scaled below, as any number with its scale)
                if value * scale != int(value * scale):
                    return None
            else:
                # a share in words is a percent of its whole ("about a third": 33.3 percent),
                # so that it joins and compares with the shares written in figures
                value, unit = round(g.fractions[key] * 100, 1), "percent"
        elif key in g.multiples:
            if g.multiples_not is not None and g.multiples_not.match(text, m.start("word")):
                return None  # "twice a year", "a double degree"
            value, unit = g.multiples[key], "multiple"
        else:
            value = g.words[key]
            if numbering_at(text, m.start("word"), m.end("word"), s_start, s_end):
                return None  # a label's number in words ("Phase two"), an age ("turns twenty")
            if _bloc_members(text, start, m.end("word"), s_start, s_end):
                return None
            if _PAIR_BEFORE.search(text, max(s_start, start - 8), start) and (
                (g.pair_after is not None and g.pair_after.match(text, m.end("word"), s_end))
                or (value == 2 and _PLURAL_AFTER.match(text, m.end("word"), s_end))
            ):
                # "the two countries", "the three sides": the parties named before; "the two
                # universities", "the two academies": any pair named before; no figure
                return None
        low = high = None
    else:
        if not cur and numbering_at(text, m.start("digits"), m.end("digits"), s_start, s_end):
            return None  # a clock time, a label's or a part's number, a counter, a telephone
        if _bloc_members(text, start, m.end("digits"), s_start, s_end):
            return None
        dec = m.group("dec")
        ocr = m.group("ocr")
        digits = digits.replace("O", "0")
        plain = _GROUP_MARKS.sub("", digits)
        if ocr:
            digits = "1" + digits
        # years used as dates ("In 1998,", "1994-1997"), unless money or a unit says otherwise
        if (
            not ocr
            and digits == plain
            and not dec
            and len(plain) == 4
            and _YEAR_LIKE[0] <= int(plain) <= _YEAR_LIKE[1]
            and not cur
            and not scale_w
            and unit in ("count",)
        ):
            return None
        if len(plain) >= 7 and digits == plain and not dec:
            return None  # telephone-like digit run
        if (
            not cur
            and not dec
            and not scale_w
            and not unit_w
            and not hi
            and _names_programme(g, text, start, end, s_start)
        ):
            return None  # "the "863" Program", "Project 211": a name, not a figure
        if not cur and text[start - 1 : start] == "#" and start > s_start:
            return None  # "item #3", "Issue #12": a number that names an item, not a figure
        if not cur and (
            (text[end : end + 1] == "+" and text[end + 1 : end + 2].isdigit())
            or (text[start - 1 : start] == "+" and text[start - 2 : start - 1].isdigit())
        ):
            return None  # "the 16+1 mechanism", "1+6": a name's numbers joined by "+"
        if (
            not cur
            and end - start == 2
            and text[start - 1 : start] in "'’‘"
            and (start - 1 <= s_start or text[start - 2 : start - 1] in " \t\n-–(")
        ):
            return None  # "Class of '58", "Ellen Marsh '79": a year cut to its last two digits
        nxt = text[end : end + 2]
        if (
            nxt[:1] in "-–"
            and nxt[1:2].isalnum()
            and unit != "multiple"
            and not _ODD.match(text, end)
        ):
            return None  # "86-10-...", "5-year" (not "150,000-odd": some 150,000)
        prev = text[max(s_start, start - 2) : start]
        if prev[-1:] in "-–" and prev[:1].isdigit():
            return None
        if not cur and not ocr:
            # list markers: "(1)" and "1." / "2)" opening a sentence or heading
            # ("(4,300 meters)" with its unit is a figure in brackets)
            if prev[-1:] == "(" and text[end : end + 1] == ")" and not unit_w and not scale_w:
                return None
            # (from the line's start too: "Notes:\n1. The figures ..." is one sentence)
            # (the mark follows the digits: "74 percent." opening a line is a figure)
            line = max(s_start, text.rfind("\n", s_start, start) + 1)
            num_end = m.end("dec") if dec else m.end("digits")
            if text[num_end : num_end + 1] in ".)" and not text[line:start].strip(" \t-•*"):
                return None
            # day numbers: "August 28, 2011", "Oct. 8", "23 November 1979"
            if not dec and len(plain) <= 2 and int(plain) <= 31 and not scale_w:
                if _DAY_BEFORE.search(text, max(s_start, start - 22), start) or _DAY_AFTER.match(
                    text, end, s_end
                ):
                    return None
        if (
            dec is not None
            and len(dec) == 4
            and digits == plain
            and len(plain) <= 3
            and not cur
            and not scale_w
            and unit == "count"
            and _NOUN_NEXT.match(text, end)
        ):
            # "1.100 Chinese researchers", "2.500 projects": a European thousands dot (no
            # count of people or things has three decimals)
            digits, dec = digits + dec[1:], None
        value = _to_float(digits, dec)
        if (
            cur
            and value in _UNIT_AMOUNTS
            and not hi
            and (
                _UNIT_STATEMENT.search(text, max(s_start, start - 12), start)
                and (text[end : end + 1] in ("", ")", "\n") or not text[end : end + 1].strip())
                # (a sum in brackets after another is its conversion: "RMB 680 million (US$100
                # million)")
                and not _SUM_BEFORE.search(text, max(s_start, start - 30), start)
                or _CELLS_AFTER.match(text, end)
            )
        ):
            return None  # "Unit: US$ 100 million", "(US$ 100 million)": a table's unit
        low = high = None
        if hi:
            hi_v = _scaled(_to_float(hi, None), scale)
            if hi_v <= _scaled(value, scale):
                return None
            low, high = _scaled(value, scale), hi_v
    value = _scaled(value, scale)
    qualifier = "exact"
    lo = max(s_start, start - 30)
    qb = None
    if lowered is None or not g.qual_before_ends:
        qb = g.qual_before.search(text, lo, start)
    else:
        # "(?i:\bQ)\s+$": the window ends with blanks, and before them with Q's last word
        j = start
        while j > lo and text[j - 1].isspace():
            j -= 1
        if j < start and lowered.endswith(g.qual_before_ends, lo, j):
            qb = g.qual_before.search(text, lo, start)
    if qb and _VERB_OVER.search(text, max(s_start, qb.start("q") - 16), qb.start("q")):
        qb = None  # "spread over 46 countries": the verb's particle, no qualifier
    if qb:
        qualifier = g.qual_before_map[" ".join(qb.group("q").lower().split())]
        start = qb.start("q")
    qa = None
    if lowered is None or not g.qual_after_starts:
        qa = g.qual_after.match(text, end, s_end)
    else:
        k = end  # "\s+(?i:Q)\b": blanks, then Q's first word
        while k < s_end and text[k].isspace():
            k += 1
        if k > end and lowered.startswith(g.qual_after_starts, k, s_end):
            qa = g.qual_after.match(text, end, s_end)
    if qa:
        qualifier = g.qual_after_map[" ".join(qa.group("q").lower().split())]
        end = qa.end()
    if low is not None:
        qualifier = "range"
    if g.duration is not None and unit == "count" and not scale_w:
        if g.duration.match(text, end, s_end):
            return None  # "an average of 14 days", "two to six weeks": a duration
    if (scale_unit := _SCALE_UNIT.match(text, start, s_end)) and (
        _UNIT_LEAD.search(text, max(s_start, start - 12), start)
        or _CELLS_AFTER.match(text, scale_unit.end(), s_end)
    ):
        # a table's unit, in its caption or its unit column: "(unit: 10,000 yuan)", "Students
        # going abroad     10,000 persons     52.37": no figure (its cells are read by it)
        return None
    if _PLUS_MINUS.match(text, end, s_end) or _PLUS_MINUS_BEFORE.search(
        text, max(s_start, start - 3), start
    ):
        return None  # "20 ± 0.5°C": a measurement and its tolerance
    if _EXCHANGE_RATE.match(text, end, s_end):
        return None  # "the yuan stood at 1.98 to the dollar": an exchange rate
    if g.physical is not None and unit == "count":
        if g.physical.match(text, end, s_end):
            return None  # "13 million tonnes", "400 MW", "125 petaflops": a physical quantity
        chain = _SIZE_CHAIN.match(text, end, s_end)
        if chain is not None and g.physical.match(text, chain.end(), s_end):
            return None  # "3 to 5 GeV", "18 × 12 × 8 mm": the first of its numbers
    if (
        g.establishment is not None
        and unit == "count"
        and g.establishment.match(text, end, s_end)
        and not _MOVES_PEOPLE.search(text, max(s_start, start - 48), start)
        and not _MISSION_BEFORE.search(text, s_start, start)
    ):
        return None  # "an office of 6 staff", "52 staff in 4 sections", "640 rooms"
    if g.family is not None and unit == "count" and g.family.match(text, end, s_end):
        return None  # "survived by two sons": a person's family
    if g.price_rate is not None and (cur or unit_w) and unit not in _MEASURES:
        if g.price_rate.match(text, end, s_end):
            return None  # "$69 per month", "a stipend of $650 a month": a price or a wage
    if is_money(unit) and not scale_w and max(value, high or 0) < g.price_below:
        return None  # "charged 5 yuan for a printed text", "£14.50": a price
    return _Num(start, end, value, unit, qualifier, low, high)


# --------------------------------------------------------------------------- years
@dataclass(frozen=True, slots=True)
class _YearExpr:
    start: int
    end: int
    # explicit | range | since | by | compare | anchor | relative (the past n years) |
    # lastyear | by_last (by the end of last year) | next (the next n years) | thisyear |
    # nextyear (next year: the page's year + 1) |
    # range_last (from y1 to the end of last year) | since_last (since ... last year) |
    # (base_last: "last year" as a change's base, only while a sentence is read: it leaves
    # as thisyear, or as compare when the sentence names its year)
    # since_clause (the first year of a sentence opening "Since") | since_then ("since then",
    # "has since", "... since.": from a time told before to the page's date)
    kind: str
    y1: int | None
    y2: int | None = None  # range end; relative: the number of years


# "since" opening a phrase that ends in a year, no clause mark or figure between ("since
# its opening in 2000", "Since the Beijing Summit of November 2006")
_SINCE_BEFORE = re.compile(r"\bsince\b[^,;:.()\d]{0,90}$", re.I)


def _since_before(text: str, s_start: int, at: int) -> bool:
    """True when "since" opens the phrase that ends at ``at`` (:data:`_SINCE_BEFORE`)."""
    return _SINCE_BEFORE.search(text, max(s_start, at - 100), at) is not None


# the publication's own year: "this year", "this academic year"
_THIS_YEAR = re.compile(r"\bthis\s+(?:(?:academic|fiscal|calendar|school)\s+)?year\b", re.I)


# a term named by the two years it spans ("winter semester 2014/15"): the year it opens in
# (an academic or financial year, "2006/07", "1995-96", is read as the year it ends)
_TERM_BEFORE = re.compile(r"\b(?:semester|term|session)\s+(?:of\s+)?$", re.I)
# words that open a span of years ("from 1998 to 99", "between 1998 and 99")
_SPAN_WORDS = ("from", "between", "during", "over", "throughout")
# a running total told as the sum a year's figures come to ("..., bringing the totals since
# 1978 to", "raising the number ... since 2001 to")
_BRINGING = re.compile(r"\b(?:bringing|brought|raising|taking|pushing|lifting)\b", re.I)
# the longest span a range whose end is written in two digits may have ("1998-99")
_SHORT_RANGE = 20
# a word joining a range's two years ("1998 to 99"), not a dash or a slash
_WORD_TO = re.compile(r"[a-z]", re.I)
_CAP_BEFORE = re.compile(r"(?<![\w.])([A-Z][A-Za-z]*) $")
_MONTH_WORD = re.compile(rf"{_MONTH}$")


def _names_year(g: _Grammar, text: str, s_start: int, start: int) -> bool:
    """True when the year at ``start`` follows a capitalised word that names something
    ("Horizon 2020", "Made in China 2025"), not a month or a word opening a date."""
    m = _CAP_BEFORE.search(text, max(s_start, start - 20), start)
    if m is None:
        return False
    word = m.group(1)
    if word in g.year_openers:
        return False
    if len(word) > 1 and word.isupper():
        # a page in capitals (a cable, a telex: "IN CALENDAR 1986"): the word as written
        # in lower case
        word = word.capitalize()
    return word not in g.year_openers and not _MONTH_WORD.match(word)


# "over the five years" (not "the past five years"): the span of years told before it
# ("the Ninth Five-Year Plan (1996-2000)", "the 11th Five-Year Plan period (2006-2010)")
_SPAN_BACK = 3000
_TOLD_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b")


def _told_span(text: str, m: re.Match[str], years: int) -> int | None:
    """The last year of the span of ``years`` years the text named last before a relative
    period written with "the" alone ("over the five years"), or None ("in the past five
    years" counts back from the page)."""
    low = m.group().lower()
    if any(w in low for w in _RELATIVE_WORDS):
        return None
    end = None
    for r in _TOLD_RANGE.finditer(text, max(0, m.start() - _SPAN_BACK), m.start()):
        if int(r.group(2)) - int(r.group(1)) + 1 == years:
            end = int(r.group(2))
    return end


def _year_exprs(
    g: _Grammar,
    text: str,
    s_start: int,
    s_end: int,
    anchors: list[int] | None = None,
    lowered: str | None = None,
) -> list[_YearExpr]:
    out = []
    for m in _year_matches(g, text, s_start, s_end, anchors):
        kind = m.lastgroup
        if kind == "lastyear":
            base = _LAST_YEAR_BASE.search(text, max(0, m.start() - 60), m.start())
            if base and not m.group("ly_by"):
                # "went overseas this year, up 49 percent on last year": the change's base;
                # what it is compared with is this year's (a flow within the page's year),
                # and so are the clauses after it and the sentences that follow, unless the
                # sentence names its year ("2007 ... compared with last year grew 15.5%")
                out.append(_YearExpr(m.start(), m.end(), "base_last", None))
                continue
            out.append(_YearExpr(m.start(), m.end(), "by_last" if m.group("ly_by") else kind, None))
        elif kind == "nextyear":
            out.append(_YearExpr(m.start(), m.end(), kind, None))
        elif kind == "next":
            n = m.group("next_n")
            years = (
                10
                if m.group("next_decade")
                else (int(n) if n.isdigit() else g.period_words[n.lower()])
            )
            out.append(_YearExpr(m.start(), m.end(), kind, None, years))
        elif kind == "relative":
            n = m.group("rel_n")
            years = (
                10 if m.group("decade") else (int(n) if n.isdigit() else g.period_words[n.lower()])
            )
            told = _told_span(text, m, years)
            if told is not None:
                out.append(_YearExpr(m.start(), m.end(), "range", told - years + 1, told))
            else:
                out.append(_YearExpr(m.start(), m.end(), kind, None, years))
        elif kind == "spanto":
            n = m.group("st_n")
            if m.group("st_decade"):
                d = m.group("st_d")
                years = 10 * (g.period_words[d.strip().lower()] if d else 1)
            else:
                years = int(n) if n.isdigit() else g.period_words[n.lower()]
            y = int(m.group("st_y"))
            out.append(_YearExpr(m.start(), m.end(), "range", y - years + 1, y))
        elif kind == "fromlast":
            # "from 1978 to the end of last year": a period ending the year before the page
            out.append(_YearExpr(m.start(), m.end(), "range_last", int(m.group("fl1"))))
        elif kind == "fromto":
            # "From 1978, when the sending of students abroad began, to the end of 2011"
            y1, y2 = int(m.group("ft1")), int(m.group("ft2"))
            if y2 > y1:
                out.append(_YearExpr(m.start(), m.end(), "range", y1, y2))
            else:
                out.append(_YearExpr(m.start("ft1"), m.end("ft1"), "explicit", y1))
        elif kind == "decades":
            # "In the 1950s": the decade's years, a period ("since the 1990s": from its start)
            d1 = int(m.group("d1"))
            if _since_before(text, s_start, m.start()):
                out.append(_YearExpr(m.start(), m.end(), "since", d1))
            else:
                out.append(_YearExpr(m.start(), m.end(), "range", d1, d1 + 9))
        elif kind == "plan":
            span = plan_span(m.group("pn"))
            if span is not None:
                out.append(_YearExpr(m.start(), m.end(), "range", span[0], span[1]))
        elif kind == "range":
            y1, r2 = int(m.group("r1")), m.group("r2")
            y2 = int(r2) if len(r2) == 4 else (y1 // 100) * 100 + int(r2)
            # "1998-99", but not "from 40 in 2003 to 70 in 2005" (a figure after "to")
            if y2 == y1 + 1 and _TERM_BEFORE.search(text, max(s_start, m.start() - 24), m.start()):
                # "the winter semester 2014/15": a term, of the year it opens in
                out.append(_YearExpr(m.start("r1"), m.end("r1"), "explicit", y1))
            elif (
                y2 == y1 + 1
                and not m.group().lower().startswith(_SPAN_WORDS)
                and (
                    len(r2) == 2
                    or SCHOOL_YEAR_BEFORE.search(text, max(s_start, m.start() - 25), m.start())
                    or SCHOOL_YEAR_AFTER.match(text, m.end())
                )
            ):
                # "$0.98 million in 1995-96", "in academic year 2006/07", "(academic year
                # 2016-2017)": one financial or academic year, read as the year it ends
                out.append(_YearExpr(m.start("r1"), m.end(), "explicit", y2))
            elif (
                len(r2) == 2
                and not m.group().lower().startswith(_SPAN_WORDS)
                and _WORD_TO.search(text, m.end("r1"), m.start("r2"))
            ):
                # "rose from 4 in 2006 to 11 at the end of 2008": a figure after "to"
                out.append(_YearExpr(m.start("r1"), m.end("r1"), "explicit", y1))
            elif y2 > y1 and (len(r2) == 4 or y2 - y1 <= _SHORT_RANGE):
                out.append(_YearExpr(m.start(), m.end(), kind, y1, y2))
            else:
                out.append(_YearExpr(m.start("r1"), m.end("r1"), "explicit", y1))
        elif kind == "compare":
            y = next(
                int(m.group(k))
                for k in ("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9")
                if m.group(k)
            )
            out.append(_YearExpr(m.start(), m.end(), kind, y))
        elif kind == "since":
            out.append(_YearExpr(m.start(), m.end(), kind, int(m.group("s1"))))
        elif kind == "by":
            y1 = int(m.group("b1"))
            b2 = m.group("b2")
            if b2 and (int(b2) if len(b2) == 4 else (y1 // 100) * 100 + int(b2)) == y1 + 1:
                y1 += 1  # "by 1999-2000", "by 2019/20": a financial or academic year, its end
            out.append(_YearExpr(m.start(), m.end(), kind, y1))
        elif _names_year(g, text, s_start, m.start()):
            continue  # "Horizon 2020 projects": a name, no year of a figure
        else:
            since = text[m.end() : m.end() + 1] != "s" and _since_before(text, s_start, m.start())
            if since:
                # "since its opening in 2000", "Since the first joint call in 2006": the
                # year opens a period, whatever words name its event ("the mid-2000s": none)
                out.append(_YearExpr(m.start(), m.end(), "since", int(m.group("explicit"))))
            else:
                out.append(_YearExpr(m.start(), m.end(), "explicit", int(m.group("explicit"))))
    if lowered is None or lowered.find("year", s_start, s_end) >= 0:
        for m in _THIS_YEAR.finditer(text, s_start, s_end):
            out.append(_YearExpr(m.start(), m.end(), "thisyear", None))
    needs_of = g.anchor_needs or (None,) * len(g.anchors)
    for (pattern, year), needs in zip(g.anchors, needs_of, strict=True):
        if _absent(lowered, needs, s_start, s_end):
            continue
        for m in pattern.finditer(text, s_start, s_end):
            out.append(_YearExpr(m.start(), m.end(), "anchor", year))
    eras = calendar_eras()
    if eras is not None and not _absent(lowered, eras.needs, s_start, s_end):
        for m in eras.pattern.finditer(text, s_start, s_end):
            if year := eras.year(m):
                # "in Heisei 4", "since Heisei 4" (as a year in figures, below)
                since = _since_before(text, s_start, m.start())
                out.append(_YearExpr(m.start(), m.end(), "since" if since else "explicit", year))
    if lowered is None or lowered.find("since", s_start, s_end) >= 0:
        for m in _SINCE_THEN.finditer(text, s_start, s_end):
            out.append(_YearExpr(m.start(), m.end(), "since_then", None))
    if out:
        out = _spans_read(text, s_start, s_end, out, lowered)
        if any(e.kind == "base_last" for e in out):
            named = any(e.kind == "explicit" for e in out)
            out = [
                _YearExpr(e.start, e.end, "compare" if named else "thisyear", None)
                if e.kind == "base_last"
                else e
                for e in out
            ]
    return out


# A period whose start is told in a clause of its own: a sentence opening "Since" ("Since
# the first group of 52 left for the United States in December 1978, China has sent ...",
# "Since the Belt and Road Science, Technology and Innovation Plan was launched in 2017,
# ..."): its first year opens the period, whatever commas or figures the clause holds
_SINCE_OPENS = re.compile(r"\W{0,3}since\b", re.I)
_SINCE_CLAUSE_REACH = 160
# "since" as an adverb, its start told before: "since then", "ever since", "has since
# provided" (after a perfect's auxiliary, before its participle), "has met 19 times since." (a
# running total from then to the page's date)
_SINCE_THEN = re.compile(
    r"\b(?:since\s+then|ever\s+since)\b"
    r"|(?:(?<=\bhas\s)|(?<=\bhad\s)|(?<=\bhave\s))since\b(?=\s+[a-z]+(?:ed|en|t|wn)\b)"
    r"|\bsince(?=\s*(?:[.;)]|,\s+(?!when\b)|$))",
    re.I,
)
# "since the autumn of last year", "since last September": a period from the year before
# the page's
_SINCE_LAST = re.compile(
    rf"\bsince\s+(?:(?:the\s+)?(?:\w+\s+of\s+)?last\s+year\b|last\s+(?:{_MONTH}|spring|"
    r"summer|autumn|fall|winter)\b)",
    re.I,
)
# a period between two years with an aside after the first ("Between 1978, when the country
# resumed sending students abroad, and the end of 2014"; "From 1978 to the end of June this
# year"): the period runs to the second (this year: the page's)
_SPAN_OPEN = re.compile(
    rf"\b(?P<w>from|between)\s+(?:{_MONTH}\s+)?(?P<a>{_Y})(?:\s*,[^;.]{{1,100}}?,)?\s*"
    rf"(?:to|until|through|and)\s+(?:the\s+end\s+of\s+)?(?:{_MONTH}\s+)?"
    r"(?:(?P<b>(?:19|20)\d\d)\b|(?P<this>this\s+year)\b)",
    re.I,
)
# "against 437 the year before", "from $120 million a year earlier": the year before the
# one the sentence names before it
_YEAR_BEFORE = re.compile(
    r"\b(?:the\s+(?:year\s+before|previous\s+year|preceding\s+year)|a\s+year\s+(?:earlier|before))"
    r"(?!\s+(?:to|that|when)\b)",
    re.I,
)

# a base figure right before "the year before" ("down from 70,540 the previous year")
_BASE_FIGURE_BEFORE = re.compile(
    r"\b(?:from|against|versus|vs\.|compared\s+(?:with|to))\s+(?:[a-z]+\s+(?:than\s+)?)?"
    r"[A-Z]{0,3}[$€£]?\s?\d[\d,.]*(?:\s+[A-Za-z%-]+){0,3}?\s+(?:in\s+)?$",
    re.I,
)
# a comparison's preposition right before "the year before": the base, not a figure's year
_COMPARED_TO = re.compile(
    r"\b(?:over|on|than(?:\s+in)?|from|with|to|against|versus|vs\.)\s+$", re.I
)


def _spans_read(
    text: str, s_start: int, s_end: int, out: list[_YearExpr], lowered: str | None
) -> list[_YearExpr]:
    """The year expressions of a sentence with the periods told across clauses read as one
    (:data:`_SINCE_OPENS`, :data:`_SINCE_LAST`, :data:`_SPAN_OPEN`) and "the year before"
    read as the year before the one named first (:data:`_YEAR_BEFORE`)."""
    out.sort(key=lambda e: e.start)
    has = (lambda w: True) if lowered is None else (lambda w: lowered.find(w, s_start, s_end) >= 0)
    if has("since"):
        first = out[0]
        if (
            first.kind == "explicit"
            and first.start - s_start <= _SINCE_CLAUSE_REACH
            and _SINCE_OPENS.match(text, s_start, first.start)
            and not any(c in text[s_start : first.start] for c in ";:")
            and ". " not in text[s_start : first.start]
        ):
            out[0] = _YearExpr(first.start, first.end, "since_clause", first.y1)
        for m in _SINCE_LAST.finditer(text, s_start, s_end):
            out = [e for e in out if e.end <= m.start() or e.start >= m.end()]
            out.append(_YearExpr(m.start(), m.end(), "since_last", None))
    if has("from") or has("between"):
        for m in _SPAN_OPEN.finditer(text, s_start, s_end):
            y1 = int(m.group("a"))
            y2 = int(m.group("b")) if m.group("b") else None
            if y2 is not None and y2 <= y1:
                continue
            out = [e for e in out if e.end <= m.start() or e.start >= m.end()]
            if y2 is None:
                out.append(_YearExpr(m.start(), m.end(), "since", y1))  # to this year
            else:
                out.append(_YearExpr(m.start(), m.end(), "range", y1, y2))
    if has("year"):
        for m in _YEAR_BEFORE.finditer(text, s_start, s_end):
            if _COMPARED_TO.search(text, max(s_start, m.start() - 16), m.start()):
                continue  # "up 18 percent over the previous year": the base of a change
            if _BASE_FIGURE_BEFORE.search(text, max(s_start, m.start() - 48), m.start()):
                # "numbered 6,400 in 2005, down from 7,000 the previous year": the base's
                # year, counted from the figure it is compared with (extraction._year_before)
                continue
            named = [e for e in out if e.kind == "explicit" and e.end <= m.start()]
            if named:
                out.append(_YearExpr(m.start(), m.end(), "explicit", named[-1].y1 - 1))
    out.sort(key=lambda e: e.start)
    return out


# a list of figures closed by "respectively" ("were 17,622, 23,749 and 38,989, respectively";
# "7,748 and 9,121 students returned, respectively"): its items and the words after the last
_LIST_ITEM = (
    r"(?<![\w,.])(?!(?:19|20)\d\d\b(?!,\d))(?:[A-Z]{0,3}\$?\s?)?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s(?:million|billion|thousand))?%?"
)
_LIST_SEP = r"(?:\s*,\s+(?:and\s+)?|\s+and\s+)"
_LIST_BEFORE = re.compile(rf"(?:{_LIST_ITEM}{_LIST_SEP})+$")
_LIST_AFTER = re.compile(rf"(?:{_LIST_SEP}{_LIST_ITEM})*[^.;!?]{{0,80}}?\brespectively\b")
_LIST_WINDOW = 160


def respectively(text: str, start: int, end: int) -> tuple[int, int, int, int] | None:
    """(the start of its list, the end of its last item, its index in the list, the list's
    length) of a figure at ``text[start:end]`` standing in a list closed by "respectively";
    None otherwise."""
    after = _LIST_AFTER.match(text, end, end + 200)
    if after is None:
        return None
    before = _LIST_BEFORE.search(text, max(0, start - _LIST_WINDOW), start)
    k = 0 if before is None else len(re.findall(_LIST_SEP, text[before.start() : start]))
    tail = re.match(rf"(?:{_LIST_SEP}{_LIST_ITEM})*", text[end : after.end()])
    n = k + 1 + (len(re.findall(_LIST_SEP, tail.group(0))) if tail else 0)
    if n < 2:
        return None
    list_end = end + (tail.end() if tail else 0)
    return (start if before is None else before.start()), list_end, k, n


_LIST_HEAD = re.compile(_LIST_ITEM)


def list_head(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the first item of the "respectively" list whose later item stands at
    ``text[start:end]`` ("412" for "486" in "supported 412, 486 and 530 projects in 2006,
    2007 and 2008 respectively"); None for a figure in no such list or its first item."""
    got = respectively(text, start, end)
    if got is None or got[2] == 0:
        return None
    head = _LIST_HEAD.match(text, got[0])
    return None if head is None else (head.start(), head.end())


def _listed_year(num: _Num, exprs: list[_YearExpr], text: str) -> int | None:
    """The year of a figure in a "respectively" list whose clause names one year per item
    ("in 1998, 1999 and 2000 were A, B and C, respectively": B is of 1999)."""
    got = respectively(text, num.start, num.end)
    if got is None:
        return None
    list_start, list_end, k, n = got
    # the years named after the list, before its "respectively" ("412, 486 and 530 projects
    # in 2006, 2007 and 2008 respectively"), else those its clause names before it
    close = text.find("respectively", list_end, list_end + 200)
    after: list[int] = []
    for e in exprs:
        if list_end <= e.start < close:
            if e.kind == "explicit":
                after.append(e.y1)
            elif e.kind == "range" and e.y1 is not None and e.y2 is not None:
                after += [e.y1, e.y2]  # ("2007 and 2008": two of the list's years)
    if len(after) == n:
        return after[k]
    years: list[int] = []
    for e in exprs:
        if e.end > list_start:
            continue
        if e.kind == "explicit":
            years.append(e.y1)
        elif e.kind == "range" and e.y1 is not None and e.y2 is not None:
            years += [e.y1, e.y2]
    if len(years) < n:
        return None
    return years[-n:][k]


# a figure standing alone between blanks in a line of a table
_CELL = re.compile(r"(?<!\S)\d[\d,.]*(?!\S)")


def _column_year(num: _Num, exprs: list[_YearExpr], text: str) -> int | None:
    """The year of the column of a table a figure stands in: a line above it whose years
    stand apart by blanks only ("Item   1988   1989   1990") heads columns; a line of as
    many figures after a label ("Students sent abroad   3786   3329   2950") gives its
    k-th figure the k-th year."""
    line_start = text.rfind("\n", 0, num.start) + 1
    line_end = text.find("\n", num.end)
    line_end = len(text) if line_end < 0 else line_end
    header: list[tuple[int, int]] = []  # (year, its end)
    header_line = -1
    for e in exprs:
        if e.kind != "explicit" or e.start >= line_start:
            continue
        at = text.rfind("\n", 0, e.start) + 1
        if at == header_line and not text[header[-1][1] : e.start].strip():
            header.append((e.y1, e.end))
        elif len(header) < 2 or at != header_line:
            header, header_line = [(e.y1, e.end)], at
    if len(header) < 2:
        return None
    cells = [m.start() for m in _CELL.finditer(text, line_start, line_end)]
    if len(cells) != len(header) or num.start not in cells:
        return None
    return header[cells.index(num.start)][0]


# a reported clause after a figure: its years are that clause's
_REPORTED = re.compile(r"\b(?:show(?:s|ed|n)?|found|finds|says|said|reports?|reported)\s+that\b")
# a clause of its own after the figure's: ", and that CIDA disbursed ... in 1985", ", and at
# the summit in November 2006 the government pledged": its year dates none of the first's
# a later verb told in the past, joined by "and" (its subject may be said again)
_PAST_CONJUNCT = re.compile(
    r",?\s+and\s+(?:(?:it|they|he|she|we|the\s+[a-z]+)\s+)?(?:also\s+)?"
    r"(?:[a-z]{3,}ed|began|became|won|sent|made|took|held|set\s+up|built|joined|went)\b"
)
# a figure's own clause telling a standing count now ("has so far", "now has", "runs")
_STANDING_NOW = re.compile(
    r"\b(?:now|so\s+far|to\s+date|currently|has|have|runs|hosts|holds|maintains)\b", re.I
)
_LATER_CLAUSE = re.compile(r",\s+(?:and|but|while)\s+(?:that|at|in|on|during|under)\b")
# a later clause of any opening, and a figure after its year within it
_LATER_OPEN = re.compile(r",\s+(?:and|but|while|so(?:\s+that)?)\s+")
# a sentence opening with a subordinate clause (its year before the comma is its own)
_SUBORDINATE_OPEN = re.compile(
    r"\W*(?:Whereas|While|Although|Though|Unlike|Compared\s+with)\b[^;:]*$"
)
_OWN_FIGURE_AFTER = re.compile(r"[^,;.\d]{0,60}?\b\d")
_DIGIT = re.compile(r"\d")


# a later verb joined by "and" alone: "has 37 laboratories and aims to build 60 ... by 2017"
_AND_VERB = re.compile(r"\s+and\s+(?:also\s+)?")
# ... or a goal's infinitive or verb after it: "and to send", "and will contribute"
_INFINITIVE = re.compile(r"to\s+[a-z]{2,}\b")
# what parts a figure from a year after it: a clause mark, a note's or a list item's mark
_PARTED = re.compile(r"[,;:\[]|\n\s*[*•-]")


def _goal_conjunct(text: str, start: int, end: int) -> bool:
    """True when a verb of a goal joined by "and" ("and will contribute", "and to send")
    stands between ``start`` and ``end``."""
    markers = grammar().target_markers
    return any(
        markers.match(text, m.end(), end) or _INFINITIVE.match(text, m.end(), end)
        for m in _AND_VERB.finditer(text, start, end)
    )


def _later_clause_figure(text: str, end: int, e) -> bool:
    """True when a later clause (:data:`_LATER_OPEN`, or a verb of a goal joined by "and"
    alone: "has set up 11 joint laboratories and aims to host 20 ... by 2015") opens between
    a figure ending at ``end`` and the year ``e`` and holds a figure of its own, after the
    year or between its opening and the year."""
    opens = [m.end() for m in _LATER_OPEN.finditer(text, end, e.start)]
    if text.find(" and ", end, e.start) >= 0:
        markers = grammar().target_markers
        opens += [
            m.end()
            for m in _AND_VERB.finditer(text, end, e.start)
            if markers.match(text, m.end(), e.start)
        ]
    if not opens:
        return False
    opens.sort()
    return bool(
        _OWN_FIGURE_AFTER.match(text, e.end)
        or _DIGIT.search(text, opens[-1], e.start)
        # (a multiple in words: ", so that exports have more than tripled since 2007")
        or _multiple_words().search(text, opens[-1], e.start)
    )


@functools.cache
def _multiple_words() -> re.Pattern[str]:
    """Any of ``numbers.yaml`` ``multiples`` as a whole word ("tripled", "twice")."""
    words = sorted(grammar().multiples, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words)) or '(?!)'})\b", re.I)


# "so far", "to date": the figure is of the page's date, whatever years a list after it gives
_SO_FAR = re.compile(r"\b(?:so\s+far|to\s+date|until\s+now|up\s+to\s+now)\b", re.I)
# a year that dates a name, in an aside opened by a relative word or a participle and
# holding no figure: ", launched in 2008,", ", which the ministry launched in 1996,",
# "(set up in 2004)", ", founded jointly by A, B and C in 2004,", ", launched in 2009
# with ITP as its lead institution,"
_LAUNCH_ASIDE = re.compile(
    r"(?:[,(]\s*(?:which|who|that|when|where|(?:(?:was|were|first|jointly|originally)\s+)?"
    r"(?:[a-z]+ed|set\s+up|begun|began|built|held|made|undertaken|written|chosen))"
    # or a participle opening the sentence: "Founded in 1998 with support from the DAAD,"
    r"|(?:(?<=[.!?]\s)|(?<=\n\n)|(?<![\s\S]))(?:(?:First|Jointly|Originally)\s+)?"
    r"(?:[A-Z][a-z]+ed|Set\s+up|Begun|Built|Made|Undertaken|Written|Chosen)"
    r"(?=\s+(?:in|on|by|with|under|at|jointly|together)\b))\b"
    # (a day of a month may stand in it: ", signed on January 31, 1979,"; no sentence's end:
    # "12 million, shared by NSFC. In 2018 alone, ..." dates the next sentence)
    r"(?:[^;()\d.]|\.(?!\s+[A-Z][a-z])|(?<=\s)\d{1,2}(?=,?\s)){0,120}$"
)
# (a bracketed acronym may stand in it: "with support from the German Academic Exchange
# Service (DAAD),")
_ASIDE_END = re.compile(r"(?:[^;,()\d.]|\([A-Z][A-Za-z]{1,9}\)){0,80}(?:[,).]|$)")


def after_name_aside(text: str, at: int) -> bool:
    """True when an aside that dates a name (", opened in", ", launched in") opens before
    ``text[at:]``, however it ends."""
    return _launch_aside(text, at) is not None


def in_name_aside(text: str, e) -> bool:
    """True when the year ``e`` stands in an aside that dates a name (", launched in
    2008,", ", jointly developed with Singapore since 1994,")."""
    m = _launch_aside(text, e.start)
    return m is not None and _ASIDE_END.match(text, e.end) is not None


_ASIDES: list = [None, {}]  # [the text, {a year's start: its _LAUNCH_ASIDE search}] (the last text)


def _launch_aside(text: str, at: int) -> re.Match[str] | None:
    """``_LAUNCH_ASIDE.search(text, max(0, at - 130), at)``, remembered for the last text:
    :func:`in_name_aside` and :func:`_describes_name` ask it of the same year, once per
    figure of its sentence (half of the searches were repeats). Done for speed; plain
    twin: the search itself (tests/test_read_twins.py)."""
    if _ASIDES[0] is not text:
        _ASIDES[0], _ASIDES[1] = text, {}
    memo = _ASIDES[1]
    if at in memo:
        return memo[at]
    m = memo[at] = _LAUNCH_ASIDE.search(text, max(0, at - 130), at)
    return m


def _describes_name(text: str, e, num) -> bool:
    """True when the year ``e`` stands in an aside that dates a name (", launched in 2008,")
    and the number ``num`` stands outside that aside: the year is the name's, not the
    figure's."""
    m = _launch_aside(text, e.start)
    if m is None:
        return False
    close = _ASIDE_END.match(text, e.end)
    if close is None:
        return False
    return not (m.start() <= num.start < close.end())


# an aside naming members of the set a figure counts, after it: ", including the 1979
# accord", ", among them the agreement of 1979" (no clause mark between)
_INCLUDING = re.compile(
    r",\s+(?:including|among\s+them|among\s+which"
    # one member singled out: "four Sino-Russian technology parks, the oldest being the
    # Changchun park opened in 1998"
    r"|the\s+(?:oldest|first|earliest|latest|newest|largest|biggest)\b)[^;:]*$"
)


# a part of the figure set after it with its own figure: ", 84 of them last year", ", about
# 640 of whom in 2012 alone" (no clause mark between)
# ("of them", and at most one word before the part's year that is no "after" or "before")
_OF_THEM_WORDS = r"\s+of\s+(?:them|these|those|which|whom)\b"
_OF_THEM_THEN_WORDS = _OF_THEM_WORDS + r"\s+(?:(?!after\b|before\b|until\b)[a-z]+\s+)?"
_PART_AFTER = re.compile(
    r",\s+(?:(?:some|about|around|nearly|almost|over|more\s+than)\s+)?[\w.,-]*\d[\w.,-]*"
    + _OF_THEM_THEN_WORDS
    + "$"
)
_PART_YEARS = ("explicit", "lastyear", "thisyear")  # the years a part's own words may give
_OF_THEM_THEN = re.compile(_OF_THEM_THEN_WORDS)
_OF_THEM = re.compile(_OF_THEM_WORDS)

# "last year" as the base a change or a comparison is measured against ("up 49 percent on
# last year", "300 more than last year", "an increase of 12% over last year", "compared with
# last year"), no year of the figures near it
_LAST_YEAR_BASE = re.compile(
    r"(?:\bthan|\bcompared\s+(?:with|to)|(?:\b(?:up|down|rise|rose|increase|decrease|growth|gain"
    r"|drop|fall|fell|more|higher|lower|fewer|less)\b|%|\bper\s?cent\b)[^.;:\d]{0,30}?"
    r"\b(?:on|over|from|against))\s+$",
    re.I,
)


# a span named by its length and its last year ("over the five years to 2021": the years
# expression ``spanto``)
_SPAN_TO = re.compile(r"(?:in|over|during|for|throughout)\s+the\s", re.I)


# a comparison base: "up from 1,800 in 2001", "against fewer than 200 in 2000": the year
# belongs to the base figure, not to the figure it is compared with
_BASE_BEFORE = re.compile(
    r"\b(?:from|against|versus|vs\.|compared\s+(?:with|to)|times\s+the)\s+"
    r"(?:[a-z]+\s+(?:than\s+)?)?"
    # (a number in words too: "went from a dozen in 2000 to between 300 and 400 today")
    r"(?P<n>[A-Z]{0,3}\$?\s?\d[\d,.]*|(?:a|half\s+a|two)\s+dozen|(?:one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety)(?:-[a-z]+)?|a\s+(?:few|handful|hundred|thousand))"
    # (not the places people come from: "3,140 students from 118 countries enrolled in 2018")
    r"(?!\s+(?:countries|nations|regions|economies|provinces|cities|institutions)\b)"
    r"(?:\s*%|\s+[A-Za-z$-]+){0,4}?\s+"
    # ("from fewer than 100 at the start of 1979 to about 2,300")
    r"(?:in|at\s+the\s+(?:start|end|beginning|close)\s+of|by\s+the\s+end\s+of)\s+(?:the\s+)?$",
    re.I,
)


def _base_of_other(text: str, e, num) -> bool:
    """True when the year ``e`` dates a comparison base that is not ``num``."""
    m = _BASE_BEFORE.search(text, max(0, e.start - 80), e.start)
    return m is not None and not (num.start <= m.start("n") < num.end)


# a sentence opening with a framework it names ("Under the 1979 Agreement,", "Under the
# agreement of 1980,", "Within the Programme launched in 2001,"): up to the year, then on
# to the comma that closes the phrase
_FRONTED_OPEN = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))\W{0,3}(?:Under|Within)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:framework\s+of\s+(?:the\s+)?)?(?:[^,;.\d]|\.(?=\S)){0,100}$"
)
_FRONTED_CLOSE = re.compile(r"(?:[^,;.\d]|\.(?=\S)){0,100},")
_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# a verb whose particle "over" stands before a number ("spread over 46 countries")
_VERB_OVER = re.compile(r"\b(?:spread|spreads|scattered|distributed|stretched)\s+$", re.I)
# a year set before a capitalised name it is part of, after a determiner ("the 1991 Key
# Studies Development Project", "its 1979 Agreement"; not a chronicle's entry, "2006  ITER
# Agreement signed ..."): the name's
_NAME_DETERMINER = re.compile(r"(?:\b(?:the|its|their|this)|['’]s)\s+$", re.I)
_YEAR_OF_NAME = re.compile(
    r"\s+(?:[A-Z][\w-]*\s+){0,5}?(?:Project|Programme|Program|Plan|Agreement|Accord|Protocol|"
    r"Act|Initiative|Scheme|Fund|Treaty|Convention)\b"
)
# ... or, without a comma, at the year itself when the clause's subject follows it ("Under
# the intergovernmental agreement of 1978 the ministry currently funds ...", "Under the
# programme that began in 1973 there are now ...")
_FRONTED_RUN_ON = re.compile(r"\s+(?=(?:the|there|it|its|their|this|these|those)\s)")
# the figure's clause tells a standing or running state: "have been carried out", "are now
# in force", "now has", "currently funds"
_PRESENT_CLAUSE = re.compile(
    r"\b(?:has|have|is|are|now|so\s+far|to\s+date|currently|at\s+present)\b", re.I
)


def _fronted_name(text: str, e, num) -> bool:
    """True when the year ``e`` stands in a sentence-opening phrase naming the framework
    ``num`` falls under (:data:`_FRONTED_OPEN`) and ``num``'s clause, after that phrase,
    is in the present or the perfect: the year is the framework's, not the figure's."""
    if e.start >= num.start:
        return False
    lo = max(0, e.start - 110)
    if text.find("Under", lo, e.start) < 0 and text.find("Within", lo, e.start) < 0:
        return False
    if not _FRONTED_OPEN.search(text, lo, e.start):
        return False
    close = _FRONTED_CLOSE.match(text, e.end)
    if close is None or close.end() > num.start:
        close = _FRONTED_RUN_ON.match(text, e.end, num.start)
        if close is None:
            return False
    stop = text.find(". ", num.end)
    stop = stop if stop >= 0 else len(text)
    if _PRESENT_CLAUSE.search(text, close.end(), stop) is not None:
        return True
    if _FOUR_DIGIT_YEAR.search(text, num.end, stop) is not None:
        # "Under the Chinese Student Protection Act of 1992, some 54,000 ... adjusted ... by
        # the end of 1994": the clause dates the figure itself
        return True
    # "..., the ministry provides about 200 million yuan a year": a verb in the present
    reading = read_clause(text, close.end(), num.start, num.end, stop)[0]
    return reading is not None and reading.aspect == "present"


_CLAUSE_MARK = re.compile(r";|:\s")
_ENTRY_MARK = re.compile(r"\s*[-–—:]")
_CLAUSE_CLOSE = re.compile(r";|:\s|\.(?:\s|$)")


def _present_clause_after(text: str, lo: int, num) -> bool:
    """True when the clause of ``num`` (from the last semicolon or colon after ``lo``, to
    the next clause mark) is in the present or perfect and names no year."""
    opens = [m.end() for m in _CLAUSE_MARK.finditer(text, lo, num.start)]
    if not opens:
        return False
    close = _CLAUSE_CLOSE.search(text, num.end, num.end + 200)
    end = close.start() if close else min(len(text), num.end + 200)
    clause = text[opens[-1] : end]
    return _PRESENT_CLAUSE.search(clause) is not None and _YEAR_IN.search(clause) is None


_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\byear\b", re.I)


def _own_year_after(text: str, num, exprs) -> bool:
    """True when a year ("in 2000", "by 2007", "for 1981-82") follows the figure in its own
    clause (no comma between)."""
    return any(
        e.start >= num.end
        and e.kind in ("explicit", "by", "range", "since")
        and "," not in text[num.end : e.start]
        # (a "since" of a phrase of its own after a dash, "returned - a gap that has narrowed
        # since the mid-2000s", dates that phrase; one after a relative clause is the main
        # verb's: "16,500 students who went abroad have studied there since 1978")
        and (e.kind != "since" or not _SINCE_PARTED.search(text, num.end, e.start))
        for e in exprs
    )


# a comma before a blank or a line's end (a hard-wrapped page breaks lines after commas)
_COMMA_BLANK = re.compile(r",\s")
_SINCE_PARTED = re.compile(r"\s[-–—]\s")


# the start of a list's item: a bullet, or a dash or star opening a line
_ITEM = re.compile(r"[•■▪●◆►]|\n[ \t]*[-*][ \t]")


# between a figure and "since then" after it: its noun's words, no clause's mark
_SINCE_THEN_GAP = re.compile(r"[^,;:.()\d]{0,60}")


def _when(
    num: _Num, exprs: list[_YearExpr], text: str, pub: int | None
) -> tuple[int | None, int | None, int | None, str]:
    """(year, period_start, period_end, year_basis) of a figure."""
    if len(exprs) > 2:
        column = _column_year(num, exprs, text)
        if column is not None:
            return column, None, None, "explicit"
    if exprs and "respectively" in text[num.end : num.end + 200]:
        listed = _listed_year(num, exprs, text)
        if listed is not None:
            return listed, None, None, "explicit"
    then = next(
        (
            e
            for e in exprs
            if e.kind == "since_then"
            and e.start >= num.end
            and _SINCE_THEN_GAP.fullmatch(text, num.end, e.start)
        ),
        None,
    )
    if then is not None:
        # "was set up in 1996 and has sent more than 600 scholars abroad since then": the
        # running total the adverb after the figure closes, not the earlier conjunct's year
        exprs = [e for e in exprs if e.start >= num.end]
    best, best_key = None, None
    for e in exprs:
        if e.kind == "compare":
            continue
        if (
            e.kind == "nextyear"
            and e.start >= num.end
            and _COMMA_BLANK.search(text, num.end, e.start) is not None
        ):
            continue  # "has 14,000 abroad, and plans to send more next year": the later clause's
        if e.start >= num.end and _REPORTED.search(text, num.end, e.start):
            continue  # "a survey of 90 institutes shows that, since 1990, ...": not its year
        if (
            e.start >= num.end
            and e.kind in _PART_YEARS
            and _PART_AFTER.search(text, num.end, e.start)
        ):
            # "has approved 560 projects since 2001, 84 of them last year": the part's year
            continue
        if (
            e.end <= num.start
            and _OF_THEM.match(text, num.end)
            and _COMMA_BLANK.search(text, e.end, num.start) is not None
            and any(
                o.start >= num.end
                and o.kind in _PART_YEARS
                and _OF_THEM_THEN.fullmatch(text, num.end, o.start)
                for o in exprs
            )
        ):
            # "..., 84 of them last year": a part dated by its own words, not the whole's
            continue
        if e.start >= num.end and _INCLUDING.search(text, num.end, e.start):
            # "agreements with 36 countries, including the 1979 accord signed by ...": the
            # year of one member of the set counted, not the count's
            continue
        if (
            e.start >= num.end
            and _COMMA_BLANK.search(text, num.end, e.start) is not None
            and _LATER_CLAUSE.search(text, num.end, e.start)
        ):
            continue  # "have concluded 47 agreements, and that CIDA disbursed ... in 1985"
        if (
            e.start >= num.end
            and e.kind == "range"
            and text[e.start : e.end].endswith("s")
            and _COMMA_BLANK.search(text, num.end, e.start) is not None
            and any(o.kind == "explicit" and o.end <= num.start for o in exprs)
        ):
            # "In 2016 ... a return ratio of about 79 percent, unthinkable in the 1990s": a
            # decade compared in a later phrase, the figure dated before it
            continue
        if (
            e.start >= num.end
            and e.kind == "explicit"
            and _PAST_CONJUNCT.search(text, num.end, e.start)
            and _STANDING_NOW.search(
                text,
                max(
                    num.start - 120, text.rfind(". ", 0, num.start), text.rfind("\n", 0, num.start)
                ),
                num.start,
            )
        ):
            # "The CAE has so far signed agreements with ... 24 countries, and joined the
            # Council in 1997", "China now has 152 partner countries and signed its first
            # agreement in 1978": a standing count now, the later verb's year its own
            continue
        if (
            e.start >= num.end
            and (
                _COMMA_BLANK.search(text, num.end, e.start) is not None
                or text.find(" and ", num.end, e.start) >= 0
            )
            and _later_clause_figure(text, num.end, e)
        ):
            # "while 519,400 returned, and the cumulative count since 1978 passed 3.65
            # million": a later clause with a figure of its own after its year; "one of 12
            # laboratories, and the plan is to reach 20 by 2025": or before it
            continue
        if e.kind in ("explicit", "since") and _describes_name(text, e, num):
            # "The Plan, launched in 2008, had brought back 7,000 ...": the plan's; "the
            # Park, jointly developed with Singapore since 1994, received 31 ...": the park's
            continue
        if e.kind == "explicit" and _fronted_name(text, e, num):
            continue  # "Under the agreement of 1980, 180 projects have been carried out"
        if (
            e.kind == "explicit"
            and _YEAR_OF_NAME.match(text, e.end)
            and _NAME_DETERMINER.search(text, max(0, e.start - 12), e.start)
        ):
            # "the bank's 1991 Key Studies Development Project alone ... has equipped 155
            # key laboratories": the year a name's words carry, no figure's
            continue
        if e.kind in ("explicit", "range") and _base_of_other(text, e, num):
            # "numbered 6,400, up from 1,800 in 2001": 1,800's year ("against fewer than 20
            # at the end of the 1970s": a decade's too)
            continue
        if (
            e.end <= num.start
            and text.find(" and ", e.end, num.start) >= 0
            and _goal_conjunct(text, e.end, num.start)
            and any(
                o.start >= num.end
                and o.kind in ("explicit", "by", "range")
                and _PARTED.search(text, num.end, o.start) is None
                for o in exprs
            )
        ):
            # "to about 40 by 2005 and to send at least 10,000 person-times abroad in 2002":
            # a conjunct's own year after its figure, not a closer one of the conjunct before
            continue
        lo, hi = min(num.start, e.start), max(num.end, e.end)
        seg = text[lo:hi]
        # a semicolon or a colon parts clauses ("the adjustment of 1989-1990: 359 contracts
        # were signed in 1991"; "launched so far: CBERS-1 (1999), ...")
        other_clause = ";" in seg or ": " in seg
        if (
            not other_clause
            and e.start < num.start
            and _COMMA_BLANK.search(seg) is not None
            and _LATER_OPEN.search(seg)
            and _own_year_after(text, num, exprs)
        ):
            # "enrolled ... in 2001/02, and Chinese citizens earned 2,400 doctorates ... in
            # 2000": a clause of its own after ", and" with a year of its own after the figure
            other_clause = True
        if (
            not other_clause
            and e.start < num.start
            and _SUBORDINATE_OPEN.match(
                text,
                max(text.rfind(". ", 0, e.start) + 2, text.rfind("\n", 0, e.start) + 1),
                e.start,
            )
            and _COMMA_BLANK.search(seg) is not None
            and _own_year_after(text, num, exprs)
        ):
            # "Whereas fewer than 100 Chinese students were in the FRG in 1979, about 9,500
            # ... were registered there in 1992": the main clause's own year, not the
            # subordinate clause's before its comma
            other_clause = True
        if other_clause and e.start > num.end and _SO_FAR.search(text, num.end, e.start):
            continue  # "Four satellites have been launched so far: A (1999), B (2003)"
        # a list's items ("• Symposia held since 2000: 520\n• 2014 budget: ..."): a later
        # item's year dates nothing before it; an earlier one's, only when its own has none
        item = _ITEM.search(seg) is not None
        if item and e.start > num.end:
            continue
        gap = max(e.start - num.end, num.start - e.end, 0)
        # a tie goes to the year after the number: "from 465 in 1991 to 3,230 in 2000"
        key = (item, other_clause, gap, e.start < num.start)
        if best_key is None or key < best_key:
            best, best_key = e, key
    if best is None:
        return pub, None, None, "publication"
    if (
        best_key[1]
        and best.end <= num.start
        and best.kind in ("explicit", "since")
        # (not a chronicle's entry, "2000 — 38,989 go abroad; CAS has 1,400 abroad")
        and not _ENTRY_MARK.match(text, best.end)
        and _present_clause_after(text, best.end, num)
    ):
        # "The Center, opened in 1996, has become a hub: more than 3,000 specialists have
        # received training there": a clause in the present or perfect after a clause mark,
        # with no year of its own, is of the page's date
        return pub, None, None, "publication"
    if best.kind == "explicit":
        return best.y1, None, None, "explicit"
    if best.kind == "thisyear":
        return pub, None, None, "relative" if pub is not None else "publication"
    if best.kind == "nextyear":
        # "plans to send 3,000 students abroad next year": the year after the page's
        return (None, None, None, "relative") if pub is None else (pub + 1, None, None, "relative")
    if best.kind in ("lastyear", "by_last"):
        if pub is None:
            return None, None, None, "relative"
        if best.kind == "by_last":
            return pub - 1, None, pub - 1, "cumulative"
        return pub - 1, None, None, "relative"
    if best.kind == "next":
        if pub is None:
            return None, None, None, "period"
        return pub + best.y2, pub, pub + best.y2, "period"
    if best.kind == "range":
        if pub is not None and best.y1 < pub < best.y2 and _SPAN_TO.match(text, best.start):
            # "for the five years to 2021" on a page of 2019: a span that runs on past the
            # page's date is a goal's, told by its end (as "by 2021")
            return best.y2, None, best.y2, "cumulative"
        return best.y2, best.y1, best.y2, "period"
    if best.kind == "range_last":
        if pub is None:
            return None, best.y1, None, "period"
        return pub - 1, best.y1, pub - 1, "period"
    if best.kind == "by":
        return best.y1, None, best.y1, "cumulative"
    if best.kind == "since_clause":
        if num.end <= best.start:
            # "Since the first group of 52 left ... in December 1978, ...": the clause's own
            return best.y1, None, None, "explicit"
        best = _YearExpr(best.start, best.end, "since", best.y1)
    if best.kind == "since_then":
        # "has met 19 times since": a running total to the page's date, or to the year the
        # sentence names after it ("has since met fourteen times, most recently in 2014")
        told = [e.y1 for e in exprs if e.kind == "explicit" and e.start >= best.end]
        end = max(told) if told else pub
        return end, None, end, "period"
    if best.kind == "since_last":
        if pub is None:
            return None, None, None, "period"
        return pub, pub - 1, pub, "period"  # "since the autumn of last year"
    if best.kind in ("since", "anchor"):
        if pub is None:
            return None, best.y1, None, "period"
        end = max(pub, best.y1)
        if best.kind == "since":
            # "144,000 went abroad in 2007, bringing the totals since 1978 to 1.21
            # million": a running total told with a later year's figures runs to that year
            told = [
                e.y1
                for e in exprs
                if e.kind == "explicit"
                and best.y1 < e.y1 < end
                and e.end <= best.start
                and not _ITEM.search(text, e.end, best.start)
                and _BRINGING.search(text, e.end, best.start)
            ]
            # "By the end of 2018, 5.857 million had gone abroad since 1978 and 3.65 million
            # had come back": the date the sentence's total is told at
            # (or "by the end of last year": "Of the 1.067 million who have left since 1978,
            # only 275,000 had come back by the end of last year")
            told += [
                pub - 1 if e.kind == "by_last" else e.y1
                for e in exprs
                if (
                    (e.kind == "by" and best.y1 < e.y1 < end)
                    or (e.kind == "by_last" and best.y1 < pub - 1)
                )
                and not _ITEM.search(text, min(e.end, best.end), max(e.start, best.start))
            ]
            if told:
                end = max(told)
        return end, best.y1, end, "period"
    # relative: "in the past five years"
    if pub is None:
        return None, None, None, "period"
    return pub, pub - best.y2 + 1, pub, "period"


# --------------------------------------------------------------------------- clauses
# What kind of measure a figure is, read from its clause (``numbers.yaml`` ``clause``): the
# aspect of the figure's verb (a state, an event told in the past or in the perfect) and the
# class of the noun it counts (things that stand once made, or flows).
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})
_HAVE = frozenset({"has", "have", "had", "having"})
_MODAL = frozenset({"will", "would", "could", "can", "shall", "should", "may", "might", "must"})
_PRESENT_BE = frozenset({"is", "are", "am"})
# a figure in a prepositional phrase counts the partners of the verb's object or subject
_PREPOSITIONS = frozenset({"with", "in", "from", "to", "among", "across", "for", "at", "into"})
_DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "our",
        "of",
        "whose",
        "total",
        "first",
        "second",
        "largest",
        "greatest",
        "highest",
        "same",
        "growing",
        "rising",
        "record",
        "combined",
        "overall",
        "large",
        "small",
        "huge",
    }
)
_PARTICIPLE = re.compile(r"(?:[a-z]+-)?[a-z]{2,}(?:ed|en)|made|done|put|held|set|got")
# what "has" as a main verb is followed by ("has some 300", "has the largest number")
_HAVE_OBJECT = frozenset(
    {
        "some",
        "about",
        "over",
        "more",
        "nearly",
        "almost",
        "around",
        "approximately",
        "roughly",
        "at",
        "less",
        "fewer",
        "up",
        "the",
        "a",
        "an",
        "only",
        "just",
        "close",
        "as",
        "well",
    }
)
_TOKEN = re.compile(r"[a-z]+(?:[-'’][a-z]+)*|\d[\d,.]*|[,;:()—–]")  # (of lower-case text)
# how far a clause is read on each side of a figure (tokens)
_READ_BEFORE = 22
_READ_AFTER = 12
_CHARS_BEFORE = 160  # (the text those tokens can span, so that a long sentence costs no more)
_CHARS_AFTER = 100


@dataclass(slots=True)
class Reading:
    """The verb a figure hangs on. ``kind``: state | activity | event | copula | be (a
    form of "be" followed by the figure) | other (a modal before a verb of no class);
    ``aspect``: perfect | modal | progressive | past | present | participle (an -ing form
    with no auxiliary: "bringing the total to 99"); ``subject``: True when the figure stands
    before its verb (it is the subject); ``first``, ``last``: the indices of the group's
    first and last words among the words before the figure (``subject``: after it)."""

    kind: str
    aspect: str
    first: int
    last: int
    subject: bool
    passive: bool = False


@dataclass(frozen=True)
class _ClauseWords:
    # form -> ((kind, form kind, particle), ...): "signed" -> (("event", "past", ""),)
    verbs: dict[str, tuple[tuple[str, str, str], ...]]
    adverbs: frozenset[str]
    adverb_phrases: tuple[tuple[str, ...], ...]
    adverb_words: frozenset[str]  # the words of adverb_phrases
    complements: tuple[tuple[str, ...], ...]
    stock: frozenset[str]
    flow: frozenset[str]
    each_year: re.Pattern[str]
    each_year_before: re.Pattern[str]  # "Each year 200 come", "an annual budget of N"
    standing_after: re.Pattern[str]
    forms: dict[str, frozenset[str]]  # a verb form -> its form kinds ("signed": past+pp)
    verbish: frozenset[str]  # every verb form and auxiliary
    # forms of the copulas whose figure follows "to" ("bringing the total to 99"); with the
    # figure as their object they are events ("brought 181 scientists to China")
    to_copulas: frozenset[str] = frozenset()
    # forms of the activities that are a stay ("studied in China in 2010": a level at its date)
    stays: frozenset[str] = frozenset()


def _third_person(base: str) -> str:
    if base == "have":
        return "has"
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if len(base) > 2 and base[-1] == "y" and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def _doubles(base: str) -> bool:
    """ "admit" -> "admitted", "enrol" -> "enrolled": a final consonant after one vowel (both
    spellings are generated where English hesitates)."""
    return (
        len(base) >= 3
        and base[-1] not in "aeiouwxy"
        and base[-2] in "aeiou"
        and base[-3] not in "aeiou"
    )


def verb_forms(base: str, irregular: dict[str, list[str]]) -> dict[str, str]:
    """The forms of a verb given by its base ("send" -> sends, sent, sending) -> their kind
    (base, s, past, pp, ing; a regular past is both past and participle: "past+pp")."""
    out: dict[str, str] = {base: "base", _third_person(base): "s"}
    if base in irregular:
        past, pp = irregular[base]
        out[past] = "past+pp" if past == pp else "past"
        if pp != past:
            out[pp] = "pp"
        if base == pp:  # "set", "come", "run": the base form is also the participle
            out[base] = "base+pp"
    else:
        stem = base[:-1] if base.endswith("e") else base
        if len(base) > 2 and base[-1] == "y" and base[-2] not in "aeiou":
            out[base[:-1] + "ied"] = "past+pp"
        else:
            out[stem + "ed"] = "past+pp"
        if _doubles(base):
            out[base + base[-1] + "ed"] = "past+pp"
    ing = (
        base[:-2] + "ying"
        if base.endswith("ie")
        else (base[:-1] + "ing" if base.endswith("e") and not base.endswith("ee") else base + "ing")
    )
    out[ing] = "ing"
    if _doubles(base):
        out[base + base[-1] + "ing"] = "ing"
    return out


def noun_forms(noun: str) -> tuple[str, ...]:
    """A noun and its plural ("laboratory", "laboratories"; "person-time", "person-times")."""
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        plural = noun + "es"
    elif len(noun) > 2 and noun[-1] == "y" and noun[-2] not in "aeiou":
        plural = noun[:-1] + "ies"
    else:
        plural = noun + "s"
    return noun, plural


@functools.cache
def clause_words() -> _ClauseWords:
    """The word classes of ``numbers.yaml`` ``clause``, their inflections generated."""
    lex = load_lexicon("numbers")["clause"]
    path = "analysis/lexicon/numbers.yaml"
    irregular = lex["irregular_verbs"]
    verbs: dict[str, list[tuple[str, str, str]]] = {}
    seen: dict[str, str] = {}
    for kind in ("state", "activity", "event", "copula", "reporting"):
        for phrase in lex[f"{kind}_verbs"]:
            if seen.get(phrase, kind) != kind:
                raise InputError(f"{path}: clause: {phrase!r} is both {seen[phrase]} and {kind}")
            seen[phrase] = kind
            head, _, particle = phrase.partition(" ")
            for form, form_kind in verb_forms(head, irregular).items():
                entry = (kind, form_kind, particle)
                if entry not in verbs.setdefault(form, []):
                    verbs[form].append(entry)
    adverbs = [a.split() for a in lex["adverbs"]]
    try:
        each_year = re.compile(lex["each_year"], re.I)
    except re.error as exc:
        raise InputError(f"{path}: clause.each_year: bad pattern: {exc}") from exc
    try:
        each_year_before = re.compile(lex.get("each_year_before") or r"(?!)", re.I)
    except re.error as exc:
        raise InputError(f"{path}: clause.each_year_before: bad pattern: {exc}") from exc

    def nouns(key: str) -> frozenset[str]:
        out = set()
        for n in lex[key]:
            out.update(f.replace(" ", "-") for f in noun_forms(n))
        return frozenset(out)

    stays = set()
    for phrase in lex.get("stay_verbs", []):
        if seen.get(phrase) != "activity":
            raise InputError(f"{path}: clause.stay_verbs: {phrase!r} is no activity verb")
        stays.update(verb_forms(phrase, irregular))
    to_copulas = set()
    for phrase in lex.get("to_copulas", []):
        if seen.get(phrase) != "copula":
            raise InputError(f"{path}: clause.to_copulas: {phrase!r} is no copula verb")
        to_copulas.update(verb_forms(phrase, irregular))
    return _ClauseWords(
        to_copulas=frozenset(to_copulas),
        stays=frozenset(stays),
        forms={k: frozenset(f for _k, f, _p in v) for k, v in verbs.items()},
        verbish=frozenset(verbs) | _HAVE | _BE | _MODAL,
        verbs={k: tuple(v) for k, v in verbs.items()},
        adverbs=frozenset(a[0] for a in adverbs if len(a) == 1),
        adverb_phrases=tuple(tuple(a) for a in adverbs if len(a) > 1),
        adverb_words=frozenset(x for a in adverbs if len(a) > 1 for x in a),
        complements=tuple(
            sorted((tuple(c.split()) for c in lex["state_complements"]), key=len, reverse=True)
        ),
        stock=nouns("stock_nouns"),
        flow=nouns("flow_nouns"),
        each_year=each_year,
        each_year_before=each_year_before,
        # a few words of the counted noun phrase between ("60 projects under way")
        # or a word before the noun that says the things stand ("120 ongoing joint projects")
        standing_after=re.compile(
            rf"(?:\s+[A-Za-z][\w&'-]*){{0,4}}?\s+(?:{_alt(lex['standing_after'])})\b"
            rf"|\s+(?:{_alt(lex.get('standing_before') or ['(?!)'])})\s",
            re.I,
        ),
    )


def _words(text: str, start: int, end: int, lowered: bool) -> list[str]:
    """The words (lower case), figures and clause marks of ``text[start:end]``
    (``lowered``: ``text`` is in lower case already)."""
    if lowered:
        return _TOKEN.findall(text, start, end)
    return _TOKEN.findall(text[start:end].lower())


def _skip_adverbs(w: _ClauseWords, toks: list[str], i: int) -> int:
    """The index of the first word at or after ``i`` that is no adverb."""
    n = len(toks)
    while i < n:
        word = toks[i]
        if word in w.adverbs:
            i += 1
            continue
        if word not in w.adverb_words:
            return i
        for phrase in w.adverb_phrases:
            if phrase[0] == word and tuple(toks[i : i + len(phrase)]) == phrase:
                i += len(phrase)
                break
        else:
            return i
    return i


def _main_verb(w: _ClauseWords, toks: list[str], i: int) -> tuple[str, str, int] | None:
    """(kind, form kind, index of its last word) of the verb at ``toks[i]``, or None."""
    entries = w.verbs.get(toks[i])
    if not entries:
        return None
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    for kind, form, particle in entries:  # a phrasal verb first ("set up", "rise to")
        if particle and nxt == particle:
            return kind, form, i + 1
    for kind, form, particle in entries:
        if not particle:
            return kind, form, i
    return None


def _group(w: _ClauseWords, toks: list[str], i: int, subject: bool) -> Reading | None:
    """The verb group that starts at ``toks[i]`` (auxiliaries, adverbs, a main verb or a
    state complement of "be"), or None."""
    auxes: list[str] = []
    j = i
    n = len(toks)
    while j < n:
        word = toks[j]
        if word in _BE or word in _HAVE or word in _MODAL or word in ("do", "does", "did"):
            auxes.append(word)
            j = _skip_adverbs(w, toks, j + 1)
            continue
        break
    if j < n and toks[j] in (",", ";", ":", "(", ")"):
        j = n
    be = [a for a in auxes if a in _BE]
    if be and j < n and toks[j] == "worth":
        # "contracts were worth about US$1.5 billion": "be worth" and its sum (past a word
        # or two that qualify it), a copula
        k = next((k for k in range(j + 1, min(n, j + 4)) if toks[k][:1].isdigit()), None)
        if k is not None and all(t.isalpha() for t in toks[j + 1 : k]):
            j = k
    modal = any(a in _MODAL for a in auxes)
    if be and not modal and j + 1 < n and toks[j] == "to":
        # "Another 3,000 are to go abroad this year": "be to" and a verb, a goal
        goal = _main_verb(w, toks, j + 1)
        if goal is not None:
            return Reading(goal[0], "modal", i, goal[2], subject)
    if be and not modal:
        # "are now enrolled at", "were still abroad", "is home to": a state
        tense = "present" if be[0] in _PRESENT_BE else "past"
        for comp in w.complements:
            if tuple(toks[j : j + len(comp)]) == comp:
                return Reading("state", tense, i, j + len(comp) - 1, subject)
    verb = _main_verb(w, toks, j) if j < n else None
    if verb is None and auxes and j < n and _PARTICIPLE.fullmatch(toks[j]):
        verb = ("event", "past+pp", j)  # "have been completed": an event of any verb
    if (
        verb is not None
        and verb[0] == "state"
        and auxes
        and auxes[-1] in _HAVE
        and verb[1] == "base"
    ):
        verb = None  # "has number" is no verb group
    perfect = any(a in _HAVE for a in auxes)
    if verb is None:
        if not auxes:
            return None
        last = auxes[-1]
        if modal:
            return Reading("other", "modal", i, j - 1, subject)  # "could follow"
        if last in _HAVE and not be:
            # "has" as the main verb: "Shanghai has 30,000 of them" (a state); before a word
            # that is neither a figure nor opens a noun phrase, a verb unknown ("have co-funded")
            nxt = toks[j] if j < n else ""
            if subject or nxt[:1].isdigit() or nxt in _HAVE_OBJECT:
                # ("China had 142 diplomats posted abroad": a state told in the past)
                tense = "past" if last == "had" else "present"
                return Reading("state", tense, i, j - 1, subject)
            return None
        if be and not subject and j < n and toks[j][:1].isdigit():
            tense = "perfect" if perfect else "present" if be[0] in _PRESENT_BE else "past"
            return Reading("be", tense, i, j - 1, subject)
        return None
    kind, form, last_i = verb
    if modal:
        aspect = "modal"
    elif perfect and ("pp" in form or (be and form == "ing")):
        aspect = "perfect"
    elif be and form == "ing":
        aspect = "progressive"
    elif be and "pp" in form:
        aspect = "present" if be[0] in _PRESENT_BE else "past"
        return Reading(kind, aspect, i, last_i, subject, passive=True)
    elif auxes and auxes[-1] == "did":
        aspect = "past"
    elif auxes:
        return None  # "is sign", "have signs": no verb group
    elif form == "ing":
        aspect = "participle"
    elif "past" in form:
        aspect = "past"
    elif form in ("s", "base", "base+pp"):
        aspect = "present"
    else:
        return None  # a bare participle ("gone")
    return Reading(kind, aspect, i, last_i, subject)


@functools.lru_cache(maxsize=256)  # read for the year and then for the measure of a figure
def read_clause(
    text: str, lo: int, start: int, end: int, hi: int, lowered: bool = False
) -> tuple[Reading | None, list[str], list[str]]:
    """The verb of the figure at ``text[start:end]`` within ``[lo, hi)`` (its clause): the
    first verb group after its noun phrase when the figure opens a clause (it is the
    subject: "30,000 Chinese are now enrolled", "..., and 281 have taken"), else the last
    verb group before it (the figure is its object: "ITP hosted 236 visitors"); with the
    words before and after the figure (the reading's indices are into those). ``lowered``:
    ``text`` is the document's text in lower case (:func:`_lower`), the same offsets."""
    w = clause_words()
    before = _words(text, max(lo, start - _CHARS_BEFORE), start, lowered)[-_READ_BEFORE:]
    if before and lo < start - _CHARS_BEFORE:
        before = before[1:]  # (a word the window cut)
    after = _words(text, end, min(hi, end + _CHARS_AFTER), lowered)[:_READ_AFTER]
    if not before or before[-1] in _OPENERS:
        got = _subject_reading(w, after)
        if got is not None:
            return got, before, after
    got = _object_reading(w, before)
    if got is None and before and before[-1] not in _PREPOSITIONS:
        got = _subject_reading(w, after)
    return got, before, after


# words after which a figure opens a clause of its own (it is its verb's subject)
_OPENERS = frozenset(
    {",", "and", "while", "but", "whereas", "(", "—", "–", "which", "that", "whom"}
)
_COORDINATORS = frozenset({"and", "or"})


def _object_reading(w: _ClauseWords, before: list[str]) -> Reading | None:
    """The last verb group before a figure in its clause (None after a reporting verb)."""
    both = before + ["0"]  # the figure itself: "0" (no verb group runs past it)
    n = len(before)
    # "hosted 3,700 students from 116 countries": a figure in a prepositional phrase after
    # another figure's noun hangs on that figure's verb
    prep = bool(before) and before[-1] in _PREPOSITIONS
    verbish = w.verbish
    for i in range(n - 1, -1, -1):
        word = before[i]
        if word not in verbish:
            if word[:1].isdigit():
                if prep:
                    prep = False
                    continue
                break  # another figure's words
            if word == ";" or word == ":":
                break  # another clause
            if word == "with" and i and before[i - 1] == ",":
                break  # ", with a turnover of 983.6 billion yuan": an absolute phrase
            continue
        prev = before[i - 1] if i else ""
        if prev in _DETERMINERS or (prev == "to" and word in w.verbs):
            continue  # "the number": a noun; "to study": an infinitive
        if word in w.verbs and word not in _HAVE and word not in _BE:
            if both[i + 1] in (",", "of"):
                continue  # "the largest number, nearly 5,000", "count of": a noun
            if w.forms[word] <= _PRESENT_FORMS and (
                prev in _PREPOSITIONS
                or (i > 1 and before[i - 2] in _PREPOSITIONS)
                or any(t[:1].isdigit() for t in before[max(0, i - 3) : i])
            ):
                # "with NSFC support", "1,046 technology import contracts": a noun
                continue
        # the start of its group: the auxiliaries and adverbs before it
        k = i
        while k > 0 and (
            before[k - 1] in _HAVE
            or before[k - 1] in _BE
            or before[k - 1] in _MODAL
            or before[k - 1] in w.adverbs
            or before[k - 1] in w.adverb_words
        ):
            k -= 1
        k = _skip_adverbs(w, before, k)
        got = _group(w, both, k, False)
        if got is None or got.last >= n:
            continue
        if got.aspect == "participle" and got.kind in ("state", "activity"):
            continue  # "including", "covering": a preposition, no verb of the figure
        if got.kind == "reporting":
            return None
        if got.kind == "copula" and before[got.last] in w.to_copulas and before[-1] != "to":
            got.kind = "event"  # "brought 181 scientists to ...": no "to" before the figure
        if got.aspect == "past" and not got.passive and k and before[k - 1] in _COORDINATORS:
            # "has established relations ... and entered into agreements": one perfect
            for t in reversed(before[: k - 1]):
                if t == ";" or t == ":":
                    break
                if t in _HAVE:
                    return Reading(got.kind, "perfect", got.first, got.last, False)
        return got
    return None


_PRESENT_FORMS = frozenset({"base", "s"})
# words ending in "s" that are no plural subject ("its own researchers": "own" no verb)
_S_NOT_PLURAL = frozenset(
    "its his this hers ours yours theirs was is has does as us thus plus news series means "
    "less unless whereas across always perhaps".split()
)
_NOUN_LIKE_FORMS = frozenset({"base", "s", "ing"})


def _subject_reading(w: _ClauseWords, after: list[str]) -> Reading | None:
    """The verb group after a figure's noun phrase (the figure is its subject)."""
    verbish = w.verbish
    for i, word in enumerate(after):
        if word not in verbish:
            if word == ";" or word[:1].isdigit():
                break
            continue
        aux = word in _HAVE or word in _BE or word in _MODAL
        if not aux:
            if i and after[i - 1] == "to":
                continue  # "invited 14,000 experts to work in China": an infinitive
            forms = w.forms[word]
            if (
                forms <= _NOUN_LIKE_FORMS
                and not (
                    (i and after[i - 1] in w.adverbs)
                    or (i + 1 < len(after) and after[i + 1] in _PREPOSITIONS)
                    # (a base form after a plural noun agrees with it: "2,000 Chinese scientists
                    # hold posts", "students study abroad")
                    or (
                        i
                        and "base" in forms
                        and after[i - 1][-1:] == "s"
                        and after[i - 1][-2:] != "ss"
                        and after[i - 1] not in _S_NOT_PLURAL
                        and after[i - 1] not in verbish
                    )
                )
            ):
                continue  # "5,000 work permits": a noun, unless "now study in"
            if forms == {"ing"}:
                continue
        got = _group(w, after, i, True)
        if got is not None and got.kind != "reporting":
            return got
        if aux:
            break
    return None


def noun_class(words: list[str], first: bool = False) -> str | None:
    """``stock`` or ``flow``: the class of the head of the first noun phrase among
    ``words`` that has one (its last word of a class before a preposition, a comma or a
    figure: "exchange agreements with" -> stock), or None. ``first``: of the first noun
    phrase only ("yuan in building the centres": none)."""
    w = clause_words()
    got = None
    opened = False
    for word in words:
        if word in w.stock:
            got = "stock"
        elif word in w.flow:
            got = "flow"
        elif (
            word in _PREPOSITIONS or word[:1].isdigit() or not word[:1].isalpha() or word in w.verbs
        ):
            if got is not None or (first and opened):
                return got
            continue
        opened = True
    return got
