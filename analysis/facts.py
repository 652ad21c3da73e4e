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

    return _Grammar(
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
        anchors=[
            (compile_(a["pattern"], f"anchors[{i}]"), a["year"])
            for i, a in enumerate(lex["anchors"])
        ],
        target_start=compile_(lex["target_sentence_start"], "target_sentence_start"),
        target_markers=compile_(lex["target_markers"], "target_markers"),
        not_target=compile_(lex["not_target"], "not_target"),
    )


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


@dataclass(frozen=True)
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

            rules.append(
                _Rule(
                    indicator=ind["id"],
                    after=comp("after"),
                    before=comp("before"),
                    context=comp("context"),
                    not_after=comp("not_after"),
                    not_before=comp("not_before"),
                    not_context=comp("not_context"),
                    units=frozenset(r.get("units", ["count"])),
                )
            )
    return _Indicators(tuple(ids), labels, tuple(rules), lex["settings"]["conflict_window_years"])


def indicator_ids() -> list[str]:
    """Every indicator id of the lexicon, in its order."""
    return list(indicator_lexicon().ids)


def indicator_labels() -> dict[str, str]:
    """Indicator id -> the label a reader sees (from the lexicon)."""
    return dict(indicator_lexicon().labels)


def _classify(
    text: str, unit: str, before: tuple[int, int], after: tuple[int, int], sent: tuple[int, int]
) -> tuple[str, int]:
    """(indicator, end of the counted noun or -1) of the first rule that matches."""
    for rule in indicator_lexicon().rules:
        if unit not in rule.units:
            continue
        noun_end = -1
        if rule.after is not None:
            m = rule.after.match(text, *after)
            if not m:
                continue
            noun_end = m.end()
        if rule.before is not None and not rule.before.search(text, *before):
            continue
        if rule.context is not None and not rule.context.search(text, *sent):
            continue
        if rule.not_after is not None and rule.not_after.match(text, *after):
            continue
        if rule.not_before is not None and rule.not_before.search(text, *before):
            continue
        if rule.not_context is not None and rule.not_context.search(text, *sent):
            continue
        return rule.indicator, noun_end
    return UNCLASSIFIED, -1


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


def _parse(m: re.Match[str], g: _Grammar, text: str, s_start: int, s_end: int) -> _Num | None:
    """A number match -> _Num, or None when it is not a figure (date, marker, ...)."""
    cur, digits, word, unit_w = m.group("cur"), m.group("digits"), m.group("word"), m.group("unit")
    scale_w, hi = m.group("scale"), m.group("hi")
    start, end = m.start(), m.end()
    scale = g.scales[" ".join(scale_w.lower().split())] if scale_w else 1.0
    unit = "count"
    if unit_w:
        unit = g.units.get(" ".join(unit_w.lower().split()), "count")
    if cur:
        unit = g.currencies.get(cur.strip(), g.currencies.get(cur, unit))
    if word:
        key = " ".join(word.lower().split())
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
            if not text[s_start:start].strip(" \t-•*") and text[end : end + 1] in ".)":
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
    qb = g.qual_before.search(text, max(s_start, start - 30), start)
    if qb:
        qualifier = g.qual_before_map[" ".join(qb.group("q").lower().split())]
        start = qb.start("q")
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


def _year_exprs(g: _Grammar, text: str, s_start: int, s_end: int) -> list[_YearExpr]:
    out = []
    for m in g.years.finditer(text, s_start, s_end):
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
    for pattern, year in g.anchors:
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


def _sentence_facts(doc, sent, matches: list[re.Match[str]], g: _Grammar) -> list[dict]:
    text = doc.text
    s_start, s_end = sent.start, sent.end
    exprs = _year_exprs(g, text, s_start, s_end)
    masked = [(e.start, e.end) for e in exprs if e.kind in ("relative", "range")]
    nums: list[_Num] = []
    for m in matches:
        if any(a <= m.start() < b for a, b in masked):
            continue
        num = _parse(m, g, text, s_start, s_end)
        if num is not None and (not nums or num.start >= nums[-1].end):
            nums.append(num)
    if not nums:
        return []
    pub = doc.published_year
    sent_text = " ".join(sent.text.split())
    target_start = bool(g.target_start.match(sent.text))
    rows: list[dict] = []
    for i, num in enumerate(nums):
        before = (nums[i - 1].end if i else s_start, num.start)
        after_end = nums[i + 1].start if i + 1 < len(nums) else s_end
        stop = _CLAUSE_STOP.search(text, num.end, after_end)
        after = (num.end, stop.start() if stop else after_end)
        if num.unit == "multiple":
            indicator, noun_end = UNCLASSIFIED, -1
        else:
            indicator, noun_end = _classify(text, num.unit, before, after, (s_start, s_end))
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
            (target_start and not g.not_target.search(text, s_start, num.start))
            or g.target_markers.search(text, s_start, num.start)
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
    starts = [s.start for s in sentences]
    rows: list[dict] = []
    current, bucket = -1, []
    for m in g.number.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k < 0 or m.start() >= sentences[k].end:
            continue
        if k != current:
            if bucket:
                rows.extend(_sentence_facts(doc, sentences[current], bucket, g))
            current, bucket = k, []
        bucket.append(m)
    if bucket:
        rows.extend(_sentence_facts(doc, sentences[current], bucket, g))
    return rows


# --------------------------------------------------------------------------- tables
def _frame(rows: list[dict]):
    import pandas as pd

    df = pd.DataFrame(rows, columns=COLUMNS)
    for col in _FLOAT_COLUMNS:
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    for col in _INT_COLUMNS:
        df[col] = pd.array(df[col].tolist(), dtype="Int64")
    for col in ("start", "end"):
        df[col] = df[col].astype("int64")
    df["duplicate"] = df["duplicate"].astype(bool)
    df["_derived"] = df["derived_from"] != ""
    df = df.sort_values(["doc_id", "start", "_derived"], kind="stable").drop(columns="_derived")
    return df.reset_index(drop=True)


# Years that come from the publication date (a repost is dated later) do not identify a claim.
_STABLE_BASES = ("explicit", "cumulative", "relative")


def _key(indicator: str, unit: str, value: float, year, basis: str) -> tuple:
    missing = year is None or year != year or str(year) == "<NA>"
    when = (None if missing else int(year)) if basis in _STABLE_BASES else basis
    return (indicator, unit, float(f"{value:.6g}"), when)


def _flag_duplicates(df, duplicate_of: dict[str, str]):
    """Set ``duplicate`` on rows of near-copies whose claim the original also makes.

    A claim is (indicator, unit, value, year); a year that only comes from the publication
    date ("publication" and "period" bases) is compared as its basis instead, since a repost
    is dated later than its original.
    """
    if df.empty or not any(duplicate_of.values()):
        return df
    cols = ["indicator", "unit", "value", "year", "year_basis"]
    records = list(zip(df["doc_id"], *(df[c] for c in cols), strict=True))
    keys: dict[str, set] = {}
    for doc_id, *claim in records:
        keys.setdefault(doc_id, set()).add(_key(*claim))
    df["duplicate"] = [
        bool(duplicate_of.get(doc_id)) and _key(*claim) in keys.get(duplicate_of[doc_id], set())
        for doc_id, *claim in records
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
    """Worker: read ONE file, extract its facts; return rows and the MinHash signature."""
    path, meta = task
    try:
        doc = corpus.read_document(Path(path), meta)
    except corpus.SkipFile as exc:
        return ("skip", Path(path).name, str(exc))
    except OSError as exc:
        return ("skip", Path(path).name, f"cannot be read: {exc.strerror or exc}")
    mh = doc.minhash
    signature = (mh.hashvalues, mh.seed, getattr(mh, "scheme", None))
    return ("ok", extract_facts(doc), doc.doc_id, doc.file, doc.published, signature)


def facts_for_folder(folder, workers: int = 0):
    """Facts of every ``*.txt`` in ``folder``, streamed file by file over a process pool.

    Returns ``(table, skipped)``. Each task reads one file and sends back only its rows and
    MinHash signature; near-duplicates are then marked here with
    :func:`corpus.mark_duplicates`. The table is the same whatever ``workers`` is
    (0: one per CPU; small folders run in this process).
    """
    from datasketch import MinHash

    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"--seeds {folder}: not a folder")
    if workers < 0:
        raise InputError(f"--workers {workers}: must be 0 (automatic) or more")
    catalog = corpus.read_catalog(folder)
    files = corpus.document_files(folder)
    tasks = [(str(p), catalog.get(p.stem)) for p in files]
    n = workers or os.cpu_count() or 1
    total = sum(p.stat().st_size for p in files)
    if len(files) < 20 or total < 2_000_000:
        n = 1
    if n == 1:
        results = map(_facts_of_file, tasks)
        return _assemble(results, MinHash)
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(16, len(tasks) // (n * 8)))
    with ProcessPoolExecutor(max_workers=n) as pool:
        return _assemble(pool.map(_facts_of_file, tasks, chunksize=chunk), MinHash)


def _assemble(results, minhash_cls):
    rows: list[dict] = []
    sigs: list[_Signature] = []
    skipped: list[corpus.Skipped] = []
    for res in results:
        if res[0] == "skip":
            skipped.append(corpus.Skipped(res[1], res[2]))
            continue
        _, doc_rows, doc_id, file, published, (hashvalues, seed, scheme) = res
        rows.extend(doc_rows)
        kw = {"scheme": scheme} if scheme else {}
        mh = minhash_cls(num_perm=len(hashvalues), seed=seed, hashvalues=hashvalues, **kw)
        sigs.append(_Signature(doc_id, file, published, mh))
    corpus.mark_duplicates(sigs)  # type: ignore[arg-type] - duck-typed signatures
    df = _flag_duplicates(_frame(rows), {s.doc_id: s.duplicate_of for s in sigs})
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


def validate_facts(df):
    """Check ``df`` against :func:`facts_schema`; raise InputError naming every bad row."""
    import pandera.errors

    try:
        return facts_schema().validate(df, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        bad: dict[Any, list[str]] = {}
        for idx, check, col in zip(cases["index"], cases["check"], cases["column"], strict=True):
            bad.setdefault(idx, []).append(f"{col}: {check}" if col else str(check))
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
