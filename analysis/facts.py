"""Numeric claims -> a tidy facts table, one row per claim, with provenance (DESIGN.md).

How a document is read:

* one compiled regex (built from ``lexicon/numbers.yaml``) scans the whole cleaned text for
  number expressions (``22,000``, ``I 07,000``, ``US$ 6.69 billion``, ``21.2%``, ``2-3``,
  ``five``, ``one third``, ``20.6 times``); matches are mapped to their sentence by bisection,
  so sentences without numbers cost nothing in Python;
* cheap checks drop what is not a figure: years used as dates, day numbers next to a month,
  list markers, plan names and ordinals (digits glued to letters), phone-like digit runs,
  compound adjectives ("five-year") and the number of a period phrase ("in the past five
  years", which becomes the period of the sentence's figures);
* each figure gets its qualifier, its indicator (``lexicon/indicators.yaml``: first matching
  rule wins, else ``unclassified``), its year and year basis (nearest year expression of
  the sentence, comparison bases such as "that of 1978" excepted), and target status;
* multiples ("20.6 times and 12.4 times that of 1978") are paired with their figures in
  order and give a derived baseline row each.

A range ("2-3", "8-10") has ``value`` = its LOW end (the figure the text commits to) and
``low``/``high`` its bounds. A four-digit number from 1900 to 2049 without a thousands
comma, currency or unit is read as a year, never as a count.
"""

from __future__ import annotations

import bisect
import functools
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis import corpus
from analysis.config import InputError, load_lexicon

COLUMNS = [
    "fact_id",
    "doc_id",
    "start",
    "end",
    "sentence",
    "quote",
    "value",
    "unit",
    "qualifier",
    "low",
    "high",
    "indicator",
    "year",
    "period_start",
    "period_end",
    "year_basis",
    "derived_from",
    "duplicate",
    "published",
]
QUALIFIERS = ("exact", "approx", "nearly", "over", "at_least", "range", "target")
UNITS = ("count", "USD", "CNY", "EUR", "percent", "multiple", "m", "km", "fraction")
YEAR_BASES = ("explicit", "cumulative", "period", "relative", "publication")
UNCLASSIFIED = "unclassified"
_INT_COLUMNS = ("year", "period_start", "period_end")
_FLOAT_COLUMNS = ("value", "low", "high")

_Y = r"(?<![\d,.])(?:19\d\d|20[0-4]\d)(?![\d%]|,\d)"
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
    word_literals: tuple[tuple[str, tuple[int, ...]], ...] = ()  # see _word_literals


_DAY_BEFORE = re.compile(rf"\b{_MONTH}\s*$")
_DAY_AFTER = re.compile(rf"\s+{_MONTH}(?![a-z])")
_CLAUSE_STOP = re.compile(r"[,;:()\[\]]")
_HALF_VETO = re.compile(r"\b(?:first|second|latter|other|the)\s+$", re.I)


def _low(d: dict[str, Any]) -> dict[str, Any]:
    return {" ".join(k.lower().split()): v for k, v in d.items()}


@functools.cache
def grammar() -> _Grammar:
    """The number grammar compiled from ``lexicon/numbers.yaml`` (once per process)."""
    lex = load_lexicon("numbers")
    path = "analysis/lexicon/numbers.yaml"
    words, fractions, scales = _low(lex["words"]), _low(lex["fractions"]), _low(lex["scales"])
    currencies = dict(lex["currencies_before"])
    units = _low(lex["units_after"])
    number = re.compile(
        rf"""
        (?P<cur>(?<![A-Za-z0-9$€])(?:{_alt(currencies)})\s?)?
        (?:
            (?:
                (?<![A-Za-z0-9.,])(?P<ocr>[Il])\s?(?=\d{{1,2}}(?:,\d{{3}})+(?![\d,]))
              | (?<![\w.,/\-–])
            )
            (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?![\d,])|\d+(?![\d]|,\d))(?P<dec>\.\d+)?(?![A-Za-z_])
            (?:\s?[-–—]\s?(?P<hi>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)(?![\w\-–]))?
          | (?<![\w\-])(?i:(?P<word>{_alt(list(fractions) + list(words))}))(?![\w\-])
        )
        (?:\s(?i:(?P<scale>{_alt(scales)}))(?![A-Za-z]))?
        (?:\s?(?i:(?P<unit>{_alt(units)}))(?![A-Za-z]))?
        """,
        re.X,
    )
    period_words = _low(lex["period_words"])
    years = re.compile(
        rf"""
        (?P<relative>\b(?:in|for|over|during|within)\s+the\s+(?:past|last|previous)\s+
            (?:(?P<rel_n>\d{{1,2}}|{_alt(period_words)})\s+years|(?P<decade>decade))\b)
      | (?P<range>(?:\b(?:during|from|between|in)\s+)?\(?(?P<r1>{_Y})\s*(?:[-–—]|to|and|through)
            \s*(?P<r2>{_Y}|\d{{2}}(?!\d))\)?)
      | (?P<compare>\b(?:that|those|the\s+(?:level|figure|number)s?)\s+(?:of|in)\s+(?P<c1>{_Y})
            |\bcompared\s+(?:with|to)\s+(?:(?:that|those|the\s+level)\s+(?:of|in)\s+)?(?:in\s+)?(?P<c2>{_Y})
            |\bthan\s+(?:in\s+)?(?P<c3>{_Y})|\bover\s+(?P<c4>{_Y}))
      | (?P<since>\bsince\s+(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|early\s+|late\s+)?
            (?:{_MONTH}\s+)?(?P<s1>{_Y}))
      | (?P<by>\b(?:by|as\s+of|as\s+at|until|till|through|up\s+to)\s+(?:the\s+end\s+of\s+)?
            (?:{_MONTH}\s+)?(?P<b1>{_Y}))
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
    return _Grammar(
        anchor_needs=tuple(_required(p) for p, _ in anchors),
        qual_before_ends=tuple({k.lower().split()[-1] for k in lex["qualifiers_before"]}),
        qual_after_starts=tuple({k.lower().split()[0] for k in lex["qualifiers_after"]}),
        target_needs=_required(target_markers),
        not_target_needs=_required(not_target),
        cur_literals=_start_literals(currencies),
        word_literals=_word_literals(list(fractions) + list(words)),
        number=number,
        words=words,
        fractions=fractions,
        scales=scales,
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


# --------------------------------------------------------------------------- fast scans
# Python's regex engine tries a pattern that opens with look-behinds and alternations at
# every position of the text (the number grammar runs at ~4 MB/s, the year grammar at ~3).
# Every match of those grammars contains an "anchor" that plain substring search finds in C
# (a digit run, a currency symbol, a number word; a year, "past"/"last"/"previous"), so
# the scans below visit only the few positions where a match can start and give exactly
# the matches of ``finditer`` (tests/test_facts.py checks it on adversarial texts).

# A text with one of the characters re.IGNORECASE matches to ASCII letters ("ſix", Kelvin
# sign; corpus._FOLD_SPECIAL) takes the plain scans: _lower() gives None for it.
_DIGIT_RUN = re.compile(r"\d+")
_required = corpus._required
_RELATIVE_WORDS = ("past", "last", "previous")  # every "relative" year match has one
_WS_RUN = re.compile(r"\s\s")
# Longest text a year expression puts before its first anchor (year or relative word):
# "since the beginning of September. " is 34 characters when words are one blank apart.
_YEAR_PREFIX = 40


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
    view = corpus._scan_view(text)
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
    find = text.find
    for lit in g.cur_literals:
        i = find(lit)
        while i >= 0:
            add(i)
            i = find(lit, i + 1)
    find = low.find  # same length (no U+0130); (?i) on ASCII words = find on lower()
    runs = corpus._scan_view(text)[1]
    triggers = _word_triggers(g.word_literals)
    present = [x for run in triggers.keys() & runs for x in triggers[run]]
    for lit, back in present + triggers.get(b"", []):
        if not runs.issuperset(corpus._letter_runs(lit)):
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


@functools.cache
def _word_triggers(literals) -> dict[bytes, list[tuple[str, tuple[int, ...]]]]:
    """Word literals by their first letter run (a text without it has none of them)."""
    out: dict[bytes, list] = {}
    for lit, back in literals:
        runs = corpus._letter_runs(lit)
        out.setdefault(runs[0] if runs else b"", []).append((lit, back))
    return out


def _year_anchors(text: str, low: str | None) -> list[int] | None:
    """Sorted positions of every possible first anchor of a year expression (None: no fast
    scan for this text)."""
    if low is None:
        return None
    anchors = list(corpus._scan_view(text)[2])  # "19dd"/"20dd": a superset of _Y
    find = low.find
    runs = corpus._scan_view(text)[1]
    for word in _RELATIVE_WORDS:
        if word.encode() not in runs:
            continue  # "in the past five years": a whole word
        i = find(word)
        while i >= 0:
            anchors.append(i)
            i = find(word, i + 1)
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


# --------------------------------------------------------------------------- indicators
@dataclass(frozen=True)
class _Rule:
    indicator: str
    after: re.Pattern[str] | None
    before: re.Pattern[str] | None
    context: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    not_before: re.Pattern[str] | None
    not_context: re.Pattern[str] | None
    units: frozenset[str]
    # for each pattern above: lower-case strings one of which any match contains (None:
    # unknown), so a window without any of them is passed over without running the regex
    needs: dict[str, tuple[str, ...] | None] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class _Indicators:
    ids: tuple[str, ...]
    labels: dict[str, str]
    rules: tuple[_Rule, ...]
    conflict_window_years: int


@functools.cache
def indicator_lexicon() -> _Indicators:
    """``lexicon/indicators.yaml``, validated and compiled (once per process)."""
    lex = load_lexicon("indicators")
    path = "analysis/lexicon/indicators.yaml"
    default_within = lex["settings"]["after_words"]
    rules, ids, labels = [], [], {}
    for ind in lex["indicators"]:
        if ind["id"] in labels or ind["id"] == UNCLASSIFIED:
            raise InputError(f"{path}: indicator {ind['id']!r} is defined twice or reserved")
        ids.append(ind["id"])
        labels[ind["id"]] = ind["label"]
        for i, r in enumerate(ind["rules"]):

            def comp(key: str, r=r, i=i, ind=ind) -> re.Pattern[str] | None:
                pattern = r.get(key)
                if not pattern:
                    return None
                if key in ("after", "not_after"):
                    within = r.get("within", default_within)
                    pattern = rf"\W*(?:\S+\s+){{0,{within}}}?(?:{pattern})"
                try:
                    return re.compile(pattern, re.I)
                except re.error as exc:
                    raise InputError(
                        f"{path}: indicator {ind['id']} rule {i + 1} {key}: bad pattern: {exc}"
                    ) from exc

            parts = {
                k: comp(k)
                for k in ("after", "before", "context", "not_after", "not_before", "not_context")
            }
            rules.append(
                _Rule(
                    indicator=ind["id"],
                    **parts,
                    units=frozenset(r.get("units", ["count"])),
                    needs={k: _required(p) for k, p in parts.items() if p is not None},
                )
            )
    return _Indicators(tuple(ids), labels, tuple(rules), lex["settings"]["conflict_window_years"])


def indicator_ids() -> list[str]:
    """Every indicator id of the lexicon, in its order."""
    return list(indicator_lexicon().ids)


def indicator_labels() -> dict[str, str]:
    """Indicator id -> the label a reader sees (from the lexicon)."""
    return dict(indicator_lexicon().labels)


def _absent(low: str | None, needs: tuple[str, ...] | None, start: int, end: int) -> bool:
    """True when none of ``needs`` is inside ``low[start:end]`` (the regex cannot match)."""
    if low is None or needs is None:
        return False
    for s in needs:
        if low.find(s, start, end) >= 0:
            return False
    return True


def _classify(
    text: str,
    unit: str,
    before: tuple[int, int],
    after: tuple[int, int],
    sent: tuple[int, int],
    low: str | None = None,
) -> tuple[str, int]:
    """(indicator, end of the counted noun or -1) of the first rule that matches.

    ``low``: :func:`_lower` of ``text``; a pattern whose required words (:func:`_required`)
    are not in its window is not run."""
    if low is None:
        w_after = w_before = w_sent = None
    else:
        w_after, w_before, w_sent = low[slice(*after)], low[slice(*before)], low[slice(*sent)]
    for (
        indicator,
        p_after,
        n_after,
        p_before,
        n_before,
        p_context,
        n_context,
        p_not_after,
        n_not_after,
        p_not_before,
        n_not_before,
        p_not_context,
        n_not_context,
    ) in _rules_for(unit, indicator_lexicon()):
        noun_end = -1
        if p_after is not None:
            if w_after is not None and n_after is not None:
                for w in n_after:
                    if w in w_after:
                        break
                else:
                    continue  # none of the words the pattern needs: it cannot match
            m = p_after.match(text, *after)
            if not m:
                continue
            noun_end = m.end()
        if p_before is not None:
            if w_before is not None and n_before is not None:
                for w in n_before:
                    if w in w_before:
                        break
                else:
                    continue
            if not p_before.search(text, *before):
                continue
        if p_context is not None:
            if w_sent is not None and n_context is not None:
                for w in n_context:
                    if w in w_sent:
                        break
                else:
                    continue
            if not p_context.search(text, *sent):
                continue
        if p_not_after is not None and not _missing_words(w_after, n_not_after):
            if p_not_after.match(text, *after):
                continue
        if p_not_before is not None and not _missing_words(w_before, n_not_before):
            if p_not_before.search(text, *before):
                continue
        if p_not_context is not None and not _missing_words(w_sent, n_not_context):
            if p_not_context.search(text, *sent):
                continue
        return indicator, noun_end
    return UNCLASSIFIED, -1


@functools.cache
def _rules_for(unit: str, lexicon: _Indicators) -> tuple[tuple, ...]:
    """The rules that apply to a unit, in order, flattened for :func:`_classify`."""
    out = []
    for r in lexicon.rules:
        if unit not in r.units:
            continue
        row: list[Any] = [r.indicator]
        for k in ("after", "before", "context", "not_after", "not_before", "not_context"):
            row += [getattr(r, k), r.needs.get(k)]
        out.append(tuple(row))
    return tuple(out)


def _first_end(low: str | None, needs: tuple[str, ...] | None, start: int, end: int) -> int:
    """The smallest end of an occurrence of one of ``needs`` in ``low[start:end]``: a
    pattern requiring them matches nowhere in ``[start, p)`` for a smaller ``p``. (-1:
    unknown, no bound; end + 1: none occurs.)"""
    if low is None or needs is None:
        return -1
    first = end + 1
    for s in needs:
        i = low.find(s, start, end)
        if i >= 0 and i + len(s) < first:
            first = i + len(s)
    return first


def _missing_words(window: str | None, needs: tuple[str, ...] | None) -> bool:
    """True when ``window`` (lower-cased) holds none of ``needs``: the regex cannot match."""
    if window is None or needs is None:
        return False
    for s in needs:
        if s in window:
            return False
    return True


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


def _to_float(digits: str, dec: str | None) -> float:
    return float(digits.replace(",", "") + (dec or ""))


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
    unit = "count"
    if unit_w:
        unit = g.units.get(" ".join(unit_w.casefold().split()), "count")
    if cur:
        unit = g.currencies.get(cur.strip(), g.currencies.get(cur, unit))
    if word:
        key = " ".join(word.casefold().split())
        if key not in g.fractions and key not in g.words:
            return None  # a case variant casefold does not map back: not read as a number
        if key in g.fractions:
            if key == "half" and _HALF_VETO.search(text, max(s_start, start - 12), start):
                return None
            value, unit = g.fractions[key], "fraction"
        else:
            value = g.words[key]
        low = high = None
    else:
        dec = m.group("dec")
        ocr = m.group("ocr")
        plain = digits.replace(",", "")
        if ocr:
            digits = "1" + digits
        # years used as dates ("In 1998,", "1994-1997"), unless money or a unit says otherwise
        if (
            not ocr
            and "," not in digits
            and not dec
            and len(plain) == 4
            and _YEAR_LIKE[0] <= int(plain) <= _YEAR_LIKE[1]
            and not cur
            and not scale_w
            and unit in ("count",)
        ):
            return None
        if len(plain) >= 7 and "," not in digits and not dec:
            return None  # telephone-like digit run
        nxt = text[end : end + 2]
        if nxt[:1] in "-–" and nxt[1:2].isalnum() and unit != "multiple":
            return None  # "86-10-...", "5-year"
        prev = text[max(s_start, start - 2) : start]
        if prev[-1:] in "-–" and prev[:1].isdigit():
            return None
        if not cur and not ocr:
            # list markers: "(1)" and "1." / "2)" opening a sentence or heading
            if prev[-1:] == "(" and text[end : end + 1] == ")":
                return None
            if text[end : end + 1] in ".)" and not text[s_start:start].strip(" \t-•*"):
                return None
            # day numbers: "August 28, 2011", "Oct. 8", "23 November 1979"
            if not dec and len(plain) <= 2 and int(plain) <= 31 and not scale_w:
                if _DAY_BEFORE.search(text, max(s_start, start - 12), start) or _DAY_AFTER.match(
                    text, end, s_end
                ):
                    return None
        value = _to_float(digits, dec)
        low = high = None
        if hi:
            hi_v = _to_float(hi, None) * scale
            if hi_v <= value * scale:
                return None
            low, high = value * scale, hi_v
    value = value * scale
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
    return _Num(start, end, value, unit, qualifier, low, high)


# --------------------------------------------------------------------------- years
@dataclass(frozen=True, slots=True)
class _YearExpr:
    start: int
    end: int
    kind: str  # explicit | range | since | by | compare | anchor | relative
    y1: int | None
    y2: int | None = None  # range end; relative: the number of years


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
        if kind == "relative":
            n = m.group("rel_n")
            years = (
                10 if m.group("decade") else (int(n) if n.isdigit() else g.period_words[n.lower()])
            )
            out.append(_YearExpr(m.start(), m.end(), kind, None, years))
        elif kind == "range":
            y1, r2 = int(m.group("r1")), m.group("r2")
            y2 = int(r2) if len(r2) == 4 else (y1 // 100) * 100 + int(r2)
            if y2 > y1:
                out.append(_YearExpr(m.start(), m.end(), kind, y1, y2))
            else:
                out.append(_YearExpr(m.start("r1"), m.end("r1"), "explicit", y1))
        elif kind == "compare":
            y = next(int(m.group(k)) for k in ("c1", "c2", "c3", "c4") if m.group(k))
            out.append(_YearExpr(m.start(), m.end(), kind, y))
        elif kind == "since":
            out.append(_YearExpr(m.start(), m.end(), kind, int(m.group("s1"))))
        elif kind == "by":
            out.append(_YearExpr(m.start(), m.end(), kind, int(m.group("b1"))))
        else:
            out.append(_YearExpr(m.start(), m.end(), "explicit", int(m.group("explicit"))))
    needs_of = g.anchor_needs or (None,) * len(g.anchors)
    for (pattern, year), needs in zip(g.anchors, needs_of, strict=True):
        if _absent(lowered, needs, s_start, s_end):
            continue
        for m in pattern.finditer(text, s_start, s_end):
            out.append(_YearExpr(m.start(), m.end(), "anchor", year))
    return out


def _when(
    num: _Num, exprs: list[_YearExpr], text: str, pub: int | None
) -> tuple[int | None, int | None, int | None, str]:
    """(year, period_start, period_end, year_basis) of a figure."""
    best, best_key = None, None
    for e in exprs:
        if e.kind == "compare":
            continue
        lo, hi = min(num.start, e.start), max(num.end, e.end)
        other_clause = ";" in text[lo:hi]
        gap = max(e.start - num.end, num.start - e.end, 0)
        key = (other_clause, gap)
        if best_key is None or key < best_key:
            best, best_key = e, key
    if best is None:
        return pub, None, None, "publication"
    if best.kind == "explicit":
        return best.y1, None, None, "explicit"
    if best.kind == "range":
        return best.y2, best.y1, best.y2, "period"
    if best.kind == "by":
        return best.y1, None, best.y1, "cumulative"
    if best.kind in ("since", "anchor"):
        if pub is None:
            return None, best.y1, None, "period"
        end = max(pub, best.y1)
        return end, best.y1, end, "period"
    # relative: "in the past five years"
    if pub is None:
        return None, None, None, "period"
    return pub, pub - best.y2 + 1, pub, "period"


# --------------------------------------------------------------------------- extraction
def _row(doc, sent_text: str, start: int, end: int, **kw) -> dict[str, Any]:
    row = {
        "fact_id": f"{doc.doc_id}:{start}" + (":derived" if kw.get("derived_from") else ""),
        "doc_id": doc.doc_id,
        "start": start,
        "end": end,
        "sentence": sent_text,
        "quote": doc.text[start:end],
        "value": None,
        "unit": "count",
        "qualifier": "exact",
        "low": None,
        "high": None,
        "indicator": UNCLASSIFIED,
        "year": None,
        "period_start": None,
        "period_end": None,
        "year_basis": "publication",
        "derived_from": "",
        "duplicate": False,
        "published": doc.published or "",
    }
    row.update(kw)
    return row


def _sentence_facts(
    doc,
    sent,
    matches: list[re.Match[str]],
    g: _Grammar,
    anchors: list[int] | None = None,
    lowered: str | None = None,
) -> list[dict]:
    text = doc.text
    s_start, s_end = sent.start, sent.end
    exprs = _year_exprs(g, text, s_start, s_end, anchors, lowered)
    masked = [(e.start, e.end) for e in exprs if e.kind in ("relative", "range")]
    nums: list[_Num] = []
    for m in matches:
        if masked and any(a <= m.start() < b for a, b in masked):
            continue
        num = _parse(m, g, text, s_start, s_end, lowered)
        if num is not None and (not nums or num.start >= nums[-1].end):
            nums.append(num)
    if not nums:
        return []
    pub = doc.published_year
    sent_text = " ".join(sent.text.split())
    target_start = bool(g.target_start.match(sent.text))
    # a marker search up to a number can only match if a required word ends before it
    marker_from = _first_end(lowered, g.target_needs, s_start, s_end)
    not_target_from = _first_end(lowered, g.not_target_needs, s_start, s_end) if target_start else 0
    rows: list[dict] = []
    for i, num in enumerate(nums):
        before = (nums[i - 1].end if i else s_start, num.start)
        after_end = nums[i + 1].start if i + 1 < len(nums) else s_end
        stop = _CLAUSE_STOP.search(text, num.end, after_end)
        after = (num.end, stop.start() if stop else after_end)
        if num.unit == "multiple":
            indicator, noun_end = UNCLASSIFIED, -1
        else:
            indicator, noun_end = _classify(
                text, num.unit, before, after, (s_start, s_end), lowered
            )
        end = num.end
        if noun_end > end:
            end = noun_end
            while end < after[1] and text[end].isalnum():
                end += 1  # a pattern may stop inside a word ("abroad for stud")
            while end > num.end and not text[end - 1].isalnum():
                end -= 1
        year, p_start, p_end, basis = _when(num, exprs, text, pub)
        qualifier, low, high = num.qualifier, num.low, num.high
        if num.unit != "multiple" and (
            (
                target_start
                and not (
                    not_target_from <= num.start and g.not_target.search(text, s_start, num.start)
                )
            )
            or (marker_from <= num.start and g.target_markers.search(text, s_start, num.start))
        ):
            qualifier = "target"
            low = num.value if low is None else low
            high = num.value if high is None else high
        num.fact = _row(
            doc,
            sent_text,
            num.start,
            end,
            value=num.value,
            unit=num.unit,
            qualifier=qualifier,
            low=low,
            high=high,
            indicator=indicator,
            year=year,
            period_start=p_start,
            period_end=p_end,
            year_basis=basis,
        )
        rows.append(num.fact)
    rows.extend(_multiples(doc, sent_text, nums, exprs))
    return rows


def _multiples(doc, sent_text: str, nums: list[_Num], exprs: list[_YearExpr]) -> list[dict]:
    """Pair each run of multiples with the figures before it; add derived baseline rows."""
    derived: list[dict] = []
    i = 0
    while i < len(nums):
        if nums[i].unit != "multiple":
            i += 1
            continue
        j = i
        while j + 1 < len(nums) and nums[j + 1].unit == "multiple":
            j += 1
        run = nums[i : j + 1]
        figures = [n for n in nums[:i] if n.unit not in ("multiple", "percent", "fraction")]
        pairs = list(zip(figures[-len(run) :], run, strict=False)) if figures else []
        if len(run) > len(figures):
            pairs = list(zip(figures, run[: len(figures)], strict=True))
        base = next((e.y1 for e in exprs if e.kind == "compare" and e.start >= run[0].start), None)
        for fig, mult in pairs:
            f, mrow = fig.fact, mult.fact
            if base is not None and (f["year"] is None or base >= f["year"]):
                # "in 1995 ... twice that of 1998": a base year after the figure's is no
                # growth period (a typo or a forecast); the multiple keeps no base, none derived
                base = None
            mrow["indicator"] = f["indicator"]
            mrow["year"] = f["year"]
            mrow["period_end"] = f["year"]
            mrow["period_start"] = base
            mrow["year_basis"] = "period" if base is not None else f["year_basis"]
            if base is None or not mult.value:
                continue
            derived.append(
                _row(
                    doc,
                    sent_text,
                    mrow["start"],
                    mrow["end"],
                    value=f["value"] / mult.value,
                    unit=f["unit"],
                    qualifier="approx",
                    indicator=f["indicator"],
                    year=base,
                    year_basis="relative",
                    derived_from=f["fact_id"],
                )
            )
        i = j + 1
    return derived


def extract_facts(doc) -> list[dict]:
    """Every numeric claim of one document as rows of the facts table (``duplicate`` False).

    Pure: reads ``doc.text``, ``doc.sentences``, ``doc.doc_id``, ``doc.published`` and
    ``doc.published_year`` only.
    """
    g = grammar()
    text = doc.text
    sentences = doc.sentences
    if not sentences:
        return []
    low = _lower(text)
    matches = _number_matches(g, text, low)
    if not matches:
        return []
    anchors = _year_anchors(text, low)
    starts = [s.start for s in sentences]
    rows: list[dict] = []
    current, bucket = -1, []
    for m in matches:
        k = bisect.bisect_right(starts, m.start()) - 1
        if k < 0 or m.start() >= sentences[k].end:
            continue
        if k != current:
            if bucket:
                rows.extend(_sentence_facts(doc, sentences[current], bucket, g, anchors, low))
            current, bucket = k, []
        bucket.append(m)
    if bucket:
        rows.extend(_sentence_facts(doc, sentences[current], bucket, g, anchors, low))
    return rows


# --------------------------------------------------------------------------- tables
def _frame(rows):
    """Rows (dicts, tuples in COLUMNS order, or _Columns) -> the facts table, sorted, typed."""
    import numpy as np
    import pandas as pd

    if not len(rows):
        df = pd.DataFrame([], columns=COLUMNS)
        for col in _FLOAT_COLUMNS:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
        for col in _INT_COLUMNS:
            df[col] = pd.array(df[col].tolist(), dtype="Int64")
        for col in ("start", "end"):
            df[col] = df[col].astype("int64")
        df["duplicate"] = df["duplicate"].astype(bool)
        return df.reset_index(drop=True)
    data: dict[str, Any] = {}
    if isinstance(rows, _Columns):
        # column by column, each gathered list is let go once converted (less memory)
        for col in COLUMNS:
            values = rows.data.pop(col)
            if col in _PACKED:
                data[col] = np.frombuffer(values, dtype=_PACKED[col]).copy()
            elif col in _PACKED_NULLABLE:
                mask = np.frombuffer(values[1], dtype=bool).copy()
                data[col] = pd.arrays.IntegerArray(np.frombuffer(values[0], "int64").copy(), mask)
            elif col == "duplicate":
                data[col] = np.array(values, dtype=bool)
            else:
                data[col] = pd.Series(values)  # the dtype DataFrame() infers for the list
            del values
    else:
        if isinstance(rows[0], dict):
            columns = [[r[c] for r in rows] for c in COLUMNS]
        else:
            columns = [list(c) for c in zip(*rows, strict=True)]
        for col, values in zip(COLUMNS, columns, strict=True):
            if col in _FLOAT_COLUMNS:
                data[col] = np.array(values, dtype="float64")  # None -> NaN
            elif col in _INT_COLUMNS:
                data[col] = pd.array(values, dtype="Int64")
            elif col in ("start", "end"):
                data[col] = np.array(values, dtype="int64")
            elif col == "duplicate":
                data[col] = np.array(values, dtype=bool)
            else:
                data[col] = values
    df = pd.DataFrame(data, columns=COLUMNS)
    derived = (df["derived_from"] != "").to_numpy(dtype=bool)
    del data
    doc_rank = pd.factorize(df["doc_id"], sort=True)[0]
    order = np.lexsort((derived, df["start"].to_numpy(), doc_rank))  # stable, like sort_values
    if not (order[1:] > order[:-1]).all():
        df = df.take(order)
    return df.reset_index(drop=True)


# Years that come from the publication date (a repost is dated later) do not identify a claim.
_STABLE_BASES = ("explicit", "cumulative", "relative")


def _missing(year) -> bool:
    return year is None or year is _pd_na() or year != year or str(year) == "<NA>"


@functools.cache
def _pd_na():
    import pandas as pd

    return pd.NA


def _flag_duplicates(df, duplicate_of: dict[str, str]):
    """Set ``duplicate`` on rows of near-copies whose claim the original also makes.

    A claim is (indicator, unit, value, year); a year that only comes from the publication
    date ("publication" and "period" bases) is compared as its basis instead, since a repost
    is dated later than its original.
    """
    if df.empty or not any(duplicate_of.values()):
        return df
    copies = {d for d, o in duplicate_of.items() if o}
    needed = copies | {duplicate_of[d] for d in copies}
    doc_ids = df["doc_id"].tolist()
    cols = [df[c].tolist() for c in ("indicator", "unit", "value", "year", "year_basis")]
    rounded: dict[float, float] = {}
    keys: dict[str, set] = {}
    row_keys: list[tuple | None] = []
    for doc_id, indicator, unit, value, year, basis in zip(doc_ids, *cols, strict=True):
        if doc_id not in needed:
            row_keys.append(None)
            continue
        v = rounded.get(value)
        if v is None:
            v = rounded[value] = float(f"{value:.6g}")
        when = (None if _missing(year) else int(year)) if basis in _STABLE_BASES else basis
        key = (indicator, unit, v, when)
        keys.setdefault(doc_id, set()).add(key)
        row_keys.append(key)
    df["duplicate"] = [
        doc_id in copies and key in keys.get(duplicate_of[doc_id], ())
        for doc_id, key in zip(doc_ids, row_keys, strict=True)
    ]
    return df


def filter_period(df, start_year: int | None = None, end_year: int | None = None):
    """Rows whose year, or period, overlaps [start_year, end_year] (rows without a year go)."""
    if start_year is None and end_year is None:
        return df
    lo = start_year if start_year is not None else -(10**9)
    hi = end_year if end_year is not None else 10**9
    year = df["year"]
    ps = df["period_start"].fillna(df["year"])
    pe = df["period_end"].fillna(df["year"])
    in_year = year.notna() & (year >= lo) & (year <= hi)
    overlap = ps.notna() & pe.notna() & (ps <= hi) & (pe >= lo)
    return df[(in_year | overlap).fillna(False).astype(bool)].reset_index(drop=True)


def facts_table(corpus_, start_year: int | None = None, end_year: int | None = None):
    """The facts table of a loaded corpus: all documents, duplicates flagged, schema-checked."""
    if start_year is not None and end_year is not None and start_year > end_year:
        raise InputError(f"start_year {start_year} is after end_year {end_year}")
    rows: list[dict] = []
    for doc in corpus_:
        rows.extend(extract_facts(doc))
    df = _flag_duplicates(_frame(rows), {d.doc_id: d.duplicate_of for d in corpus_})
    df = filter_period(df, start_year, end_year)
    validate_facts(df)
    return df


# --------------------------------------------------------------------------- streaming
@dataclass(slots=True)
class _Signature:
    """What :func:`corpus.mark_duplicates` needs of a document, without its text."""

    doc_id: str
    file: str
    published: str
    minhash: Any
    duplicate_of: str = ""
    similarity: float = 0.0


def _facts_of_file(task: tuple[str, dict | None]):
    """Worker: read ONE file, extract its facts; return rows and the MinHash signature.

    The signature is computed with numpy alone (:func:`corpus._minhash_values`: a worker
    never imports datasketch); the parent checks that arithmetic against datasketch."""
    path, meta = task
    try:
        doc, title = corpus._read(Path(path), meta)
    except corpus.SkipFile as exc:
        return ("skip", Path(path).name, str(exc))
    except OSError as exc:
        return ("skip", Path(path).name, f"cannot be read: {exc.strerror or exc}")
    signature = (corpus._minhash_values(doc.text, title), corpus._MINHASH_SEED, "affine32")
    return ("ok", extract_facts(doc), doc.doc_id, doc.file, doc.published, signature)


# How the rows of a batch travel, column by column: numbers as packed arrays (no Python
# float or int per value), text as lists (pickle sends a sentence once for all its rows).
_PACKED = {"start": "q", "end": "q", "value": "d", "low": "d", "high": "d"}
_PACKED_NULLABLE = _INT_COLUMNS  # "q" values and a mask


def _signature(doc) -> tuple:
    mh = doc.minhash
    return (mh.hashvalues, mh.seed, getattr(mh, "scheme", None))


def _facts_of_files(tasks: list[tuple[str, dict | None]]):
    """Worker: :func:`_facts_of_file` for a batch of files, the rows packed by column.

    Returns (one entry per file: ("skip", file, reason) or ("ok", doc_id, file, published,
    signature, number of rows), {column: values of all the batch's rows}).
    """
    from array import array

    docs, rows = [], []
    for task in tasks:
        res = _facts_of_file(task)
        if res[0] == "skip":
            docs.append(res)
            continue
        _, doc_rows, doc_id, file, published, signature = res
        docs.append(("ok", doc_id, file, published, signature, len(doc_rows)))
        rows.extend(doc_rows)
    nan = math.nan
    cols: dict[str, Any] = {}
    for col in COLUMNS:
        values = [r[col] for r in rows]
        if col in _PACKED:
            if _PACKED[col] == "d":
                values = [nan if v is None else v for v in values]
            cols[col] = array(_PACKED[col], values).tobytes()
        elif col in _PACKED_NULLABLE:
            mask = bytes(v is None for v in values)
            cols[col] = (array("q", [0 if v is None else v for v in values]).tobytes(), mask)
        else:
            cols[col] = values
    return docs, cols


class _Columns:
    """The rows of the whole table, gathered batch by batch, column by column."""

    def __init__(self) -> None:
        from array import array

        self.data: dict[str, Any] = {}
        for col in COLUMNS:
            if col in _PACKED:
                self.data[col] = array(_PACKED[col])
            elif col in _PACKED_NULLABLE:
                self.data[col] = (array("q"), bytearray())
            else:
                self.data[col] = []

    def add(self, cols: dict[str, Any]) -> None:
        import sys

        for col, values in cols.items():
            have = self.data[col]
            if col in _PACKED:
                have.frombytes(values)
            elif col in _PACKED_NULLABLE:
                have[0].frombytes(values[0])
                have[1].extend(values[1])
            elif col in ("unit", "qualifier", "indicator", "year_basis", "derived_from"):
                have.extend(map(sys.intern, values))  # a few distinct values: share them
            else:
                have.extend(values)

    def __len__(self) -> int:
        return len(self.data["start"])


# Smaller folders are read in this process: starting workers would cost more than it saves.
_POOL_MIN_FILES, _POOL_MIN_BYTES = 20, 500_000


def _warm_up() -> None:
    """Compile the lexicons and draw the MinHash permutations once, before the pool forks
    (forked workers inherit them instead of each doing it again)."""
    grammar()
    indicator_lexicon()
    corpus._affine32(corpus.settings().duplicates["num_perm"])


def _import_table_modules() -> None:
    """What the parent needs after the workers: pandas, and datasketch (with the check of
    the workers' MinHash arithmetic). Run in a thread while they work."""
    import pandas  # noqa: F401

    corpus._minhash_kit(corpus.settings().duplicates["num_perm"])


def facts_for_folder(folder, workers: int = 0):
    """Facts of every ``*.txt`` in ``folder``, streamed file by file over a process pool.

    Returns ``(table, skipped)``. Each task reads a batch of files and sends back only their
    rows and MinHash signatures; near-duplicates are then marked here with
    :func:`corpus.mark_duplicates`. The table is the same whatever ``workers`` is
    (0: one per CPU; small folders run in this process).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"--seeds {folder}: not a folder")
    if workers < 0:
        raise InputError(f"--workers {workers}: must be 0 (automatic) or more")
    catalog = corpus.read_catalog(folder)
    files = corpus.document_files(folder)
    tasks = [(str(p), catalog.get(p.stem)) for p in files]
    n = workers or os.cpu_count() or 1
    sizes = [p.stat().st_size for p in files]
    if len(files) < _POOL_MIN_FILES or sum(sizes) < _POOL_MIN_BYTES:
        n = 1
    _warm_up()
    batches = _batches(tasks, sizes, n)
    if n == 1:
        gathered = _gather(map(_facts_of_files, batches))
    else:
        import threading
        from concurrent.futures import ProcessPoolExecutor

        # the pool is gone before the table is built: its workers' memory is given back
        with ProcessPoolExecutor(max_workers=n) as pool:
            results = pool.map(_facts_of_files, batches)  # the workers are forked here
            # while they work, this process imports what it needs to build the table
            imports = threading.Thread(target=_import_table_modules, daemon=True)
            imports.start()
            gathered = _gather(results)
        imports.join()
    return _assemble(*gathered, tasks=tasks)


def _batches(tasks: list, sizes: list[int], workers: int) -> list[list]:
    """Consecutive tasks in batches of about 256 kB (at least 16 batches per worker, so the
    last ones finish together)."""
    target = max(16_384, min(262_144, sum(sizes) // (workers * 16)))
    batches, batch, size = [], [], 0
    for task, n in zip(tasks, sizes, strict=True):
        batch.append(task)
        size += n
        if size >= target:
            batches.append(batch)
            batch, size = [], 0
    if batch:
        batches.append(batch)
    return batches


def _gather(results) -> tuple[_Columns, list, list]:
    """Batch results -> (columns of all rows, signatures (doc_id, file, published,
    signature), skipped files), in file order."""
    columns = _Columns()
    sigs: list[tuple] = []
    skipped: list[corpus.Skipped] = []
    for docs, cols in results:
        for res in docs:
            if res[0] == "skip":
                skipped.append(corpus.Skipped(res[1], res[2]))
            else:
                sigs.append(res[1:5])
        columns.add(cols)
    return columns, sigs, skipped


def _assemble(columns: _Columns, signatures: list[tuple], skipped: list, tasks: list = ()):
    from datasketch import MinHash

    if signatures and corpus._minhash_kit(len(signatures[0][3][0]))[1] is None:
        # datasketch computes MinHash otherwise than the workers' copy of its arithmetic:
        # compute the signatures again with it (slow, never expected with the pinned version)
        meta = {Path(path).name: (path, m) for path, m in tasks}
        signatures = [
            (
                doc_id,
                file,
                published,
                _signature(corpus.read_document(Path(meta[file][0]), meta[file][1])),
            )
            for doc_id, file, published, _sig in signatures
        ]
    sigs: list[_Signature] = []
    templates: dict[tuple, Any] = {}
    for doc_id, file, published, (hashvalues, seed, scheme) in signatures:
        kw = {"scheme": scheme} if scheme else {}
        # one MinHash per signature shape draws the permutations; the others share them
        shape = (len(hashvalues), seed, scheme)
        if shape not in templates:
            templates[shape] = MinHash(num_perm=len(hashvalues), seed=seed, **kw)
        mh = MinHash(
            seed=seed, hashvalues=hashvalues, permutations=templates[shape].permutations, **kw
        )
        sigs.append(_Signature(doc_id, file, published, mh))
    corpus.mark_duplicates(sigs)  # type: ignore[arg-type] - duck-typed signatures
    df = _flag_duplicates(_frame(columns), {s.doc_id: s.duplicate_of for s in sigs})
    validate_facts(df)
    return df, skipped


# --------------------------------------------------------------------------- schema
@functools.cache
def facts_schema():
    """The pandera schema of the facts table (DESIGN.md)."""
    import pandera.pandas as pa

    ids = [*indicator_ids(), UNCLASSIFIED]

    def opt_year(name: str):
        return pa.Column(
            "Int64", pa.Check.in_range(1900, 2100), nullable=True, required=True, name=name
        )

    return pa.DataFrameSchema(
        {
            "fact_id": pa.Column(str, unique=True),
            "doc_id": pa.Column(str, pa.Check.str_length(min_value=1)),
            "start": pa.Column("int64", pa.Check.ge(0)),
            "end": pa.Column("int64", pa.Check.gt(0)),
            "sentence": pa.Column(str),
            "quote": pa.Column(str, pa.Check.str_length(min_value=1)),
            "value": pa.Column("float64", pa.Check(lambda s: s.map(math.isfinite))),
            "unit": pa.Column(str, pa.Check.isin(UNITS)),
            "qualifier": pa.Column(str, pa.Check.isin(QUALIFIERS)),
            "low": pa.Column("float64", nullable=True),
            "high": pa.Column("float64", nullable=True),
            "indicator": pa.Column(str, pa.Check.isin(ids)),
            "year": opt_year("year"),
            "period_start": opt_year("period_start"),
            "period_end": opt_year("period_end"),
            "year_basis": pa.Column(str, pa.Check.isin(YEAR_BASES)),
            "derived_from": pa.Column(str),
            "duplicate": pa.Column(bool),
            "published": pa.Column(str),
        },
        checks=[
            pa.Check(lambda df: df["start"] < df["end"], name="start < end"),
            pa.Check(
                lambda df: df["low"].isna() | df["high"].isna() | (df["low"] <= df["high"]),
                name="low <= high",
            ),
            pa.Check(
                lambda df: (
                    df["period_start"].isna()
                    | df["period_end"].isna()
                    | (df["period_start"] <= df["period_end"])
                ).astype(bool),
                name="period_start <= period_end",
            ),
        ],
        strict=True,
        ordered=True,
    )


_NULLABLE = ("low", "high", *_INT_COLUMNS)


@functools.cache
def _schema_dtypes() -> dict[str, Any]:
    """The dtypes of a table :func:`_frame` makes (tests/test_facts.py checks that pandera
    takes them)."""
    row = dict.fromkeys(COLUMNS)
    row.update(
        fact_id="x:0", doc_id="x", start=0, end=1, sentence="s", quote="q", value=1.0,
        unit="count", qualifier="exact", indicator=UNCLASSIFIED, year=2000,
        year_basis="explicit", derived_from="", duplicate=False, published="",
    )  # fmt: skip
    return dict(_frame([row]).dtypes)


def _schema_holds(df) -> bool:
    """Every check of :func:`facts_schema`, vectorised: True when pandera would pass ``df``.

    (False may be a false alarm, e.g. for dtypes pandera also accepts: then pandera runs.)
    """
    import numpy as np

    if list(df.columns) != COLUMNS:
        return False
    dtypes = _schema_dtypes()
    if any(df[c].dtype != dtypes[c] for c in COLUMNS):
        return False
    if any(df[c].isna().any() for c in COLUMNS if c not in _NULLABLE):
        return False
    if not df["fact_id"].is_unique:
        return False
    if not ((df["doc_id"].str.len() >= 1).all() and (df["quote"].str.len() >= 1).all()):
        return False
    start, end = df["start"].to_numpy(), df["end"].to_numpy()
    if not ((start >= 0).all() and (end > 0).all() and (start < end).all()):
        return False
    if not np.isfinite(df["value"].to_numpy()).all():
        return False
    allowed = {
        "unit": UNITS,
        "qualifier": QUALIFIERS,
        "indicator": [*indicator_ids(), UNCLASSIFIED],
        "year_basis": YEAR_BASES,
    }
    if not all(df[c].isin(list(v)).all() for c, v in allowed.items()):
        return False
    for c in _INT_COLUMNS:
        years = df[c].dropna()
        if not ((years >= 1900) & (years <= 2100)).all():
            return False
    low, high = df["low"], df["high"]
    if (low.notna() & high.notna() & (low > high)).any():
        return False
    ps, pe = df["period_start"], df["period_end"]
    return not (ps.notna() & pe.notna() & (ps > pe).fillna(False)).any()


def validate_facts(df):
    """Check ``df`` against :func:`facts_schema`; raise InputError naming every bad row.

    The checks run vectorised first; pandera runs when they find a problem (to name the
    rows, in its words) or cannot vouch for the table.
    """
    if _schema_holds(df):
        return df.copy(deep=False)  # pandera returns a copy too (copy-on-write here)
    import pandera.errors

    try:
        return facts_schema().validate(df, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        bad: dict[Any, list[str]] = {}
        context = cases.get("schema_context", [None] * len(cases))
        for idx, check, col, ctx in zip(
            cases["index"], cases["check"], cases["column"], context, strict=True
        ):
            # a check of whole rows (DataFrameSchema) is reported once, not once per column
            whole_row = ctx == "DataFrameSchema" or not col
            bad.setdefault(idx, []).append(str(check) if whole_row else f"{col}: {check}")
        lines = []
        for idx, problems in bad.items():
            if idx is None or (isinstance(idx, float) and math.isnan(idx)) or idx not in df.index:
                lines.append("  (table): " + "; ".join(sorted(set(problems))))
                continue
            r = df.loc[idx]
            lines.append(
                f"  {r.get('doc_id', '?')} start={r.get('start', '?')} "
                f"quote={r.get('quote', '')!r}: " + "; ".join(sorted(set(problems)))
            )
        raise InputError(
            f"facts table fails its schema ({len(lines)} rows):\n" + "\n".join(lines)
        ) from None


def __getattr__(name: str):
    if name == "FACTS_SCHEMA":
        return facts_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
