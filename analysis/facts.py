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

import bisect
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis import corpus, nearcopies
from analysis.classify import (  # noqa: F401 - public names of analysis.facts
    UNCLASSIFIED,
    ReferenceIndex,
    _classify,
    _first_end,
    actor_lexicon,
    document_subject,
    indicator_ids,
    indicator_labels,
    indicator_lexicon,
    mentions,
    resolve_reference,
    scope_of,
)
from analysis.config import InputError
from analysis.facttable import (  # noqa: F401 - public names of analysis.facts
    _FLOAT_COLUMNS,
    _INT_COLUMNS,
    _PACKED,
    _PACKED_NULLABLE,
    COLUMNS,
    MEASURES,
    QUALIFIERS,
    SCOPES,
    UNITS,
    YEAR_BASES,
    _Columns,
    _flag_duplicates,
    _frame,
    _missing,
    facts_schema,
    filter_period,
    validate_facts,
)
from analysis.numbers import (  # noqa: F401 - used by tests and the fast-path checks
    _CLAUSE_STOP,
    _Y,
    _Grammar,
    _lower,
    _Num,
    _number_matches,
    _parse,
    _when,
    _year_anchors,
    _year_exprs,
    _year_matches,
    _YearExpr,
    grammar,
)


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
        "scope": "national",
        "actor": "",
        "measure": "level",
        "counted": "",
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
    context: list | None = None,
    index: int = 0,
) -> list[dict]:
    """The rows of one sentence. ``context``: the last sentence seen and the year it
    spoke of (:func:`_borrowed_year`); ``index``: the sentence's index."""
    text = doc.text
    s_start, s_end = sent.start, sent.end
    exprs = _year_exprs(g, text, s_start, s_end, anchors, lowered)
    if exprs:
        dateline = _DATELINE.match(text, s_start, s_end)
        if dateline:  # "BEIJING, Nov. 8, 2009 (Xinhua) --": the date of the page, no figure's
            exprs = [e for e in exprs if e.start >= dateline.end()]
    follows = context is not None and context[0] == index - 1
    borrowed = _borrowed_year(doc, sent, exprs, context, index)
    # "Of these, 1,330 work in universities": a part of the figure of the sentence before
    prev_first = context[2] if follows and context[2] else None
    head = (prev_first or [None])[0]
    if head is not None and not _OF_THESE.match(text, s_start, s_end):
        head = None
    masked = [(e.start, e.end) for e in exprs if e.kind in ("relative", "range", "next")]
    nums: list[_Num] = []
    for m in matches:
        if masked and any(a <= m.start() < b for a, b in masked):
            continue
        num = _parse(m, g, text, s_start, s_end, lowered)
        if num is not None and (not nums or num.start >= nums[-1].end):
            nums.append(num)
    if not nums:
        return []
    nums = _word_ranges(text, nums)
    pub = doc.published_year
    sent_text = " ".join(sent.text.split())
    target_start = bool(g.target_start.match(sent.text))
    # a marker search up to a number can only match if a required word ends before it
    marker_from = _first_end(lowered, g.target_needs, s_start, s_end)
    not_target_from = _first_end(lowered, g.not_target_needs, s_start, s_end) if target_start else 0
    rows: list[dict] = []
    found = None  # the actors the sentence names (analysis.classify.mentions), once needed
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
        own_year = basis != "publication"
        if (
            basis == "publication"
            and borrowed is not None
            and (
                indicator_lexicon().measures.get(indicator, "annual") != "level"
                or _THE_YEAR.search(text, s_start, s_end)
            )
        ):
            year, basis = borrowed, "explicit"
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
        if qualifier == "target" and context is not None and len(context) > 6:
            if not own_year and context[6] is not None:
                year, basis = context[6], "explicit"  # "The Program will support 3-5 bases"
            elif basis == "period" and year is not None:
                context[6] = year  # "over the next three years": the plan's end from here on
        if found is None:
            found = mentions(text, s_start, s_end)
        semi = text.rfind(";", s_start, num.start)
        scope, actor = scope_of(
            text,
            num.start,
            num.end,
            end,
            (semi + 1 if semi >= 0 else s_start, s_end),
            found,
            context[5] if context is not None and len(context) > 5 else None,
        )
        if actor and scope != "national" and actor in actor_lexicon().references:
            # "the ministry": the last agency named before this sentence (the names of the
            # whole document, found once, looked up by position)
            if context is not None and len(context) > 3 and context[3] is None:
                context[3] = ReferenceIndex(mentions(text, 0, len(text)))
            names = context[3] if context is not None and len(context) > 3 else None
            actor = resolve_reference(text, s_start, actor, scope, names)
        counted = " ".join(text[num.end : end].split()) if end > num.end else ""
        if not counted:
            counted = _following_words(text, after)
        measure = _measure(
            num, qualifier, basis, indicator, text, before, (max(s_start, semi), after[1])
        )
        if head is not None and num.unit == "count":
            indicator = UNCLASSIFIED  # "Of these, 210 were ...": a subgroup, no series point
        if head is not None and num.unit == head["unit"]:
            scope, actor, measure = head["scope"], head["actor"], head["measure"]
        if head is not None and basis == "publication" and num.unit == head["unit"]:
            year, p_start, p_end, basis = (
                head["year"],
                head["period_start"],
                head["period_end"],
                head["year_basis"],
            )
        num.fact = _row(
            doc,
            sent_text,
            num.start,
            end,
            measure=measure,
            scope=scope,
            actor=actor,
            counted=counted,
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
    _inherit(doc, sent, nums, context, index, lowered, prev_first)
    _second_of_pairs(text, nums)
    if context is not None:
        firsts = [r for r in rows if r["unit"] not in ("percent", "fraction", "multiple")]
        context[2] = firsts[:1] if not head else [head]
    rows.extend(_multiples(doc, sent_text, nums, exprs))
    return rows


_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'’-]{1,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+(?:19|20)\d\d\b"
    r"[^-—\n]{0,30}?(?:--|—)"
)
_PLAN_RANGE = re.compile(r"\b(?:19|20)\d\d\s*[-–—]\s*((?:19|20)\d\d)\b")


def _plan_end(title: str) -> int | None:
    """The end year of a period a title names ("... Five-year Plan (2001 - 2005)"): the
    year of the targets its document sets without a year of their own."""
    m = _PLAN_RANGE.search(title)
    return int(m.group(1)) if m else None


_MONEY = frozenset({"USD", "CNY", "EUR", "GBP", "CHF", "JPY", "AUD"})
_NUMBER_OF = re.compile(r"\bnumbers?\s+of\s+", re.I)
_ANAPHOR = re.compile(r"\b(?:their|its|such|these|those|that|this)\b", re.I)
_BARE = re.compile(r"\W*(?:(?:such|these|those|the|more|new|other)\s+)?([a-z]+s)\b", re.I)
_OF_THEM = re.compile(r"\s*of\s+(?:them|these|those)\b", re.I)
_SHARE_OF_VALUE = re.compile(
    r"\W*(?:percent|per\s+cent|%)?\s*of\s+(?:the|that|this|its|their)\s+(?:total\s+|contract\s+)?"
    r"(?:value|sum|amount|total)\b",
    re.I,
)
_ACCOUNTED = re.compile(r"\b(?:account\w*\s+for|made\s+up|make\s+up)\s+$", re.I)
_OF_SUM = re.compile(r"\b[Oo]f\s+(?:that|this|the|which)(?:\s+(?:sum|amount|total))?\W*$")
# people: a bare plural of people counts itself ("530 students become leaders")
_PEOPLE = re.compile(
    r"(?:students|scientists|researchers|people|persons|experts|scholars|engineers|staff)$", re.I
)
_REFERRING = re.compile(r"\W*(?:such|these|those|the)\s", re.I)
_NO_NOUN = re.compile(r"\s*[.!?]?\s*$")


def _inherit(
    doc, sent, nums: list[_Num], context: list | None, index: int, low, prev_first=None
) -> None:
    """Figures whose own words name nothing take what they count from what they refer to:

    * "the number of such contracts grew from 465": the noun before the number ("the number
      of X", a bare or referring noun expanded from the sentences before it);
    * "96 of them": the noun of the figure before it in the sentence;
    * "Their contract value went from US$ 12.8 billion": the sentence before;
    * "up 3.9 percent", "an increase of 7.7 percent": the figure before it in its sentence;
    * "accounted for 38.7 percent of the contract value": the last money figure before it
      (its scope too: a source's share of China's total is China's figure);
    * "In 1985 there were fewer than 50.": the first figure of the sentence before.
    """
    text = doc.text
    recent = context[4] if context is not None and len(context) > 4 else []
    subgroup = _OF_THESE.match(text, sent.start, sent.end) is not None
    prev_start = doc.sentences[index - 1].start if index > 0 else sent.start
    earlier: list[_Num] = []
    for num in nums:
        f = num.fact
        if not f or f.get("derived_from") or f["unit"] == "multiple":
            earlier.append(num)
            continue
        if f["indicator"] == UNCLASSIFIED and not (subgroup and f["unit"] == "count"):
            _refer(text, sent, num, earlier, recent, prev_first, prev_start, low)
        earlier.append(num)
    if context is not None and len(context) > 4:
        for num in nums:
            if num.fact and num.fact["indicator"] != UNCLASSIFIED:
                recent.append(num.fact)
        del recent[:-12]


def _take(f: dict, g: dict, definition: bool = False) -> None:
    f["indicator"] = g["indicator"]
    if definition:
        f["scope"], f["actor"] = g["scope"], g["actor"]


def _refer(text, sent, num, earlier, recent, prev_first, prev_start, low) -> None:
    f = num.fact
    unit = f["unit"]
    lo = earlier[-1].end if earlier else sent.start
    stop = _CLAUSE_STOP.search(text, num.end, sent.end)
    clause_end = stop.start() if stop else sent.end
    if unit in ("percent", "fraction"):
        figures = [
            n.fact for n in earlier if n.fact and n.fact["unit"] not in ("percent", "fraction")
        ]
        shares = [n.fact for n in earlier if n.fact and n.fact["unit"] in ("percent", "fraction")]
        if f["measure"] == "change" and figures and figures[-1]["indicator"] != UNCLASSIFIED:
            g = figures[-1]  # "US$ 13.86 billion last year, up 3.9 percent on 2003"
            _take(f, g, definition=True)
            f["year"], f["year_basis"] = g["year"], g["year_basis"]
            f["period_start"], f["period_end"] = g["period_start"], g["period_end"]
            return
        if f["measure"] == "share":
            of_value = _SHARE_OF_VALUE.match(text, num.end, clause_end)
            if not of_value and shares and shares[-1]["indicator"] != UNCLASSIFIED:
                _take(f, shares[-1], definition=True)  # "..., Japan for 24.5 percent"
                return
            if of_value:
                money = [g for g in recent if g["unit"] in _MONEY]
                if money:
                    _take(f, money[-1])
                    if f["scope"] == "foreign" and _ACCOUNTED.search(text, lo, num.start):
                        f["scope"], f["actor"] = "national", ""  # a source's share of China's
                    return
    if unit not in _MONEY:
        # "the number of X rose by 56.2 percent", "the number of such contracts grew from 465"
        m = max(_NUMBER_OF.finditer(text, lo, num.start), key=lambda x: x.start(), default=None)
        if m is not None:
            got = _classify_phrase(text, unit, m.end(), num.start, lo, sent, low)
            if got is None:
                got = _expand(text, unit, m.end(), num.start, prev_start, sent, low)
            if got:
                f["indicator"] = got
                return
        if unit == "count":
            them = _OF_THEM.match(text, num.end)
            if them and earlier:
                g = earlier[-1].fact  # "with 152 countries ..., and with 96 of them"
                if g and g["end"] > g["start"]:
                    got = _classify_span(
                        text, unit, (lo, num.start), (earlier[-1].end, g["end"]), sent, low
                    )
                    if got:
                        f["indicator"] = got
                        return
            got = _expand(text, unit, num.end, clause_end, prev_start, sent, low)
            if got:
                f["indicator"] = got
                return
            if (
                prev_first
                and _NO_NOUN.match(text, num.end, sent.end)
                and prev_first[0]["unit"] == unit
                and prev_first[0]["indicator"] != UNCLASSIFIED
            ):
                f["indicator"] = prev_first[0]["indicator"]  # "In 1985 there were fewer than 50."
        return
    # money: "Of that sum, 70 million euros": part of the money figure before
    if _OF_SUM.search(text, max(sent.start, num.start - 40), num.start):
        money = [g for g in recent if g["unit"] == unit]
        if money:
            _take(f, money[-1], definition=True)  # a part of that sum: its owner's
            return
    # "Their contract value went from ...": read the sentence before as well
    if _ANAPHOR.search(text, sent.start, num.start):
        got = _classify_span(text, unit, (prev_start, num.start), (num.end, clause_end), sent, low)
        if got:
            f["indicator"] = got


def _classify_span(text, unit, before, after, sent, low) -> str | None:
    indicator, _end = _classify(text, unit, before, after, (sent.start, sent.end), low)
    return None if indicator == UNCLASSIFIED else indicator


def _classify_phrase(text, unit, start, end, lo, sent, low) -> str | None:
    """The indicator of the noun phrase ``text[start:end]`` read as what a count counts."""
    return _classify_span(
        text, "count" if unit != "count" else unit, (lo, start), (start, end), sent, low
    )


def _expand(text, unit, start, end, prev_start, sent, low) -> str | None:
    """ "such contracts", "ten zones": a bare plural noun is the fuller phrase with the same
    noun in the sentences before (from ``prev_start`` back by up to 600 characters)."""
    m = _BARE.match(text, start, end)
    if not m:
        return None
    noun = m.group(1)
    if _PEOPLE.match(noun) and not _REFERRING.match(text, start, m.start(1)):
        return None
    frm = max(0, prev_start - 600)
    best = None
    for hit in re.finditer(rf"\b{re.escape(noun)}\b", text[frm : sent.start], re.I):
        a = frm + hit.start()
        phrase_start = max(frm, a - 60)
        got = _classify_span(
            text, "count", (phrase_start, phrase_start), (phrase_start, frm + hit.end()), sent, low
        )
        if got is None:
            # try the phrase starting at each word before the noun
            for w in re.finditer(r"\S+", text[phrase_start:a]):
                got = _classify_span(
                    text,
                    "count",
                    (phrase_start, phrase_start),
                    (phrase_start + w.start(), frm + hit.end()),
                    sent,
                    low,
                )
                if got:
                    break
        if got:
            best = got
    return best if unit == "count" or best is None else None


_OF_THESE = re.compile(
    r"\W*(?:(?:Of|Among)\s+(?:these|them|those)\b|(?:[Ss]ome\s+|[Aa]bout\s+)?[\d,.]+\s+of\s+"
    r"(?:these|them|those)\b)"
)
_THE_YEAR = re.compile(r"\b(?:the|that|this|same)\s+year\b", re.I)
_NOW = re.compile(r"\b(?:now|today|currently|at\s+present|so\s+far|to\s+date)\b", re.I)
_SPOKEN_KINDS = ("explicit", "range", "by", "lastyear", "by_last")


def _borrowed_year(
    doc, sent, exprs: list[_YearExpr], context: list | None, index: int
) -> int | None:
    """The year a sentence that names none speaks of: that of the sentence just before it
    when that one named a year or borrowed one ("In 2010, ... 1,374 projects. By the end
    of the year there were 56 zones."); None when it names a year itself, speaks of the
    present ("now", "today") or the sentence before had no year. ``context``:
    ``[index of the last sentence seen, the year it spoke of]``, updated here."""
    if context is None:
        return None
    last, year = context[:2]
    if last != index - 1:
        year = None  # a sentence without figures stood between
    pub = doc.published_year
    spoken = []
    for e in exprs:
        if e.kind not in _SPOKEN_KINDS:
            continue
        if e.kind in ("lastyear", "by_last"):
            if pub is not None:
                spoken.append(pub - 1)
        else:
            spoken.append(e.y2 if e.kind == "range" else e.y1)
    if spoken:
        context[:2] = [index, max(spoken) if sent.kind == "body" else None]
        return None
    if exprs or year is None or _NOW.search(doc.text, sent.start, sent.end):
        context[:2] = [index, None]
        return None
    context[:2] = [index, year]
    return year


_RANGE_TO = re.compile(r"\s*(?:to|[-–—])\s*$")
_RANGE_BETWEEN = re.compile(r"\s*and\s*$")
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s*$", re.I)


def _word_ranges(text: str, nums: list[_Num]) -> list[_Num]:
    """ "200 to 400 scientists", "between 200 and 400": one figure, a range. ("from 200 to
    400" is two figures, a change.)"""
    out: list[_Num] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        b = nums[i + 1] if i + 1 < len(nums) else None
        if (
            b is not None
            and a.low is None
            and b.low is None
            and a.unit == b.unit
            and a.unit not in ("multiple", "fraction")
            and 0 < a.value < b.value < a.value * 100
        ):
            before = text[max(0, a.start - 10) : a.start]
            to = _RANGE_TO.match(text, a.end, b.start) and not _FROM_BEFORE.search(before)
            between = _RANGE_BETWEEN.match(text, a.end, b.start) and _BETWEEN_BEFORE.search(before)
            if to or between:
                q = a.qualifier if a.qualifier != "exact" else "range"
                out.append(_Num(a.start, b.end, a.value, a.unit, q, a.value, b.value))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_FROM_TO = re.compile(
    rf"\s*(?:in\s+{_Y}\s*)?,?\s*(?:to|(?:up|down|rising|falling)\s+from|compared\s+with)\s*$", re.I
)


def _second_of_pairs(text: str, nums: list[_Num]) -> None:
    """ "rose from US$ 0.2 billion in 1990 to US$ 8.1 billion in 2000": the second figure
    counts what the first does (its indicator, counted phrase and definition)."""
    for a, b in zip(nums, nums[1:], strict=False):
        fa, fb = a.fact, b.fact
        if (
            fb["indicator"] == UNCLASSIFIED
            and fa["indicator"] != UNCLASSIFIED
            and fa["unit"] == fb["unit"]
            and _FROM_TO.match(text, max(a.end, min(fa["end"], b.start)), b.start)
        ):
            fb["indicator"], fb["counted"] = fa["indicator"], fa["counted"]
            fb["scope"], fb["actor"] = fa["scope"], fa["actor"]
            if fa["measure"] in ("level", "annual", "cumulative"):
                fb["measure"] = fa["measure"]


_CHANGE_BEFORE = re.compile(
    r"\b(?:gr[eo]w\w*|increas\w*|ris(?:e|en|es|ing)|rose|up|down|fell|fall\w*|declin\w*|"
    r"drop\w*|jump\w*|surg\w*|expand\w*|doubl\w*|growth)\b[^,;:]{0,20}$",
    re.I,
)
_MADE_UP = re.compile(r"\bmad[ea]\s+up\s+(?:\w+\s+)?$", re.I)
# verbs of a state: the figure is a level at a date, whatever the indicator's kind
_STATE = re.compile(
    r"\b(?:cover(?:s|ed)?|hous(?:e|es|ed)|can\s+house|employ(?:s|ed)?|work(?:s|ed|ing)?\s+(?:at|in)|"
    r"operat(?:e|es|ed)|run(?:s|ning)?|ran|host(?:s|ed)?|keeps?|kept|(?:is|are|was|were)\s+"
    r"(?:home\s+to|studying|enrolled)|there\s+(?:is|are|was|were))\b",
    re.I,
)
_SINCE = re.compile(r"\bsince\b", re.I)
_EACH_YEAR = re.compile(r"\b(?:each|every|a|per)\s+year\b", re.I)
_WORD = re.compile(r"[\w&'’.-]+")


def _following_words(text: str, after: tuple[int, int], most: int = 5) -> str:
    """Up to ``most`` words after a number, within its clause: the counted phrase when no
    lexicon noun was found."""
    words = _WORD.findall(text, *after)[:most]
    return " ".join(words).rstrip(".")


_PERFECT = re.compile(
    r"\b(?:ha(?:ve|s|d)|having)\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|t|ne|wn)\b", re.I
)
_TOTAL = re.compile(
    r"\b(?:in\s+total|a\s+total\s+of|total(?:led|ed|ling|ing)?|altogether|so\s+far|to\s+date|"
    r"accumulated|cumulative(?:ly)?|in\s+all)\b",
    re.I,
)


def _measure(
    num: _Num, qualifier: str, basis: str, indicator: str, text: str, before, clause
) -> str:
    """The kind of measure of a figure (DESIGN.md ``measure``).

    A target, a multiple or percent change, a share; else by the indicator's kind: a stock
    (``level``) stays a level whatever its period; a flow (``annual``) is cumulative over a
    period ("since 1978", "by 2009"), with a word of total ("a total of") or in the present
    perfect ("have returned"), else annual."""
    if qualifier == "target":
        return "target"
    if num.unit == "multiple":
        return "change"
    if num.unit in ("percent", "fraction"):
        lo = max(before[0], num.start - 40)
        if _MADE_UP.search(text, lo, num.start):
            return "share"
        return "change" if _CHANGE_BEFORE.search(text, lo, num.start) else "share"
    kind = indicator_lexicon().measures.get(indicator, "level")
    if basis == "cumulative" and kind == "level" and indicator != UNCLASSIFIED:
        if not _SINCE.search(text, *clause):
            return "level"  # "By 2004, ... with 160 countries": a standing count at a date
    if basis in ("cumulative", "period"):
        return "cumulative"  # "since 1990", "by 2011", "(2007-2013)": over a period
    if indicator == UNCLASSIFIED:
        kind = "annual" if basis in ("explicit", "relative") else "level"
    if kind != "annual":
        return kind
    if _STATE.search(text, max(clause[0], num.start - 50), min(clause[1], num.end + 60)):
        if not _EACH_YEAR.search(text, num.end, clause[1]):
            return "level"  # "hosts 120 centres", "were studying", "there were 56"
    if basis in ("explicit", "relative"):
        return "annual"  # "a total of 229,000 contracts were signed in the year"
    if _TOTAL.search(text, *clause) or _PERFECT.search(text, *clause):
        return "cumulative"
    return "annual"


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
            mrow["measure"] = "change"
            mrow["scope"], mrow["actor"] = f["scope"], f["actor"]
            mrow["counted"] = f["counted"]
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
                    measure=f["measure"],
                    counted=f["counted"],
                    scope=f["scope"],
                    actor=f["actor"],
                )
            )
        i = j + 1
    return derived


def extract_facts(doc) -> list[dict]:
    """Every numeric claim of one document as rows of the facts table (``duplicate`` False).

    Pure: reads ``doc.text``, ``doc.sentences``, ``doc.doc_id``, ``doc.published``,
    ``doc.published_year`` and ``doc.title`` (its subject: :func:`document_subject`) only.
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
    # the last sentence seen, the year it spoke of, its first figure, the document's names,
    # the document's last classified figures (:func:`_inherit`)
    # and the document's subject (:func:`analysis.classify.document_subject`)
    # and the end year of the plan the document sets targets for (:func:`_plan_end`)
    title = getattr(doc, "title", "") or ""
    context: list = [-2, None, None, None, [], document_subject(title), _plan_end(title)]
    current, bucket = -1, []
    for m in matches:
        k = bisect.bisect_right(starts, m.start()) - 1
        if k < 0 or m.start() >= sentences[k].end:
            continue
        if k != current:
            if bucket:
                rows.extend(
                    _sentence_facts(
                        doc, sentences[current], bucket, g, anchors, low, context, current
                    )
                )
            current, bucket = k, []
        bucket.append(m)
    if bucket:
        rows.extend(
            _sentence_facts(doc, sentences[current], bucket, g, anchors, low, context, current)
        )
    return rows


def facts_table(corpus_, start_year: int | None = None, end_year: int | None = None):
    """The facts table of a loaded corpus: all documents, duplicates flagged, schema-checked."""
    if start_year is not None and end_year is not None and start_year > end_year:
        raise InputError(f"start_year {start_year} is after end_year {end_year}")
    rows: list[dict] = []
    for doc in corpus_:
        rows.extend(extract_facts(doc))
    dup = {d.doc_id: d.duplicate_of for d in corpus_}
    df = finish_table(_frame(rows), dup, getattr(corpus_, "folder", None))
    df = filter_period(df, start_year, end_year)
    return validate_facts(df)


def finish_table(df, duplicate_of: dict[str, str], folder=None):
    """The corpus-wide steps on the rows of every document (a table :func:`_frame` made):
    duplicates flagged, the analyst's corrections of ``folder`` applied
    (:mod:`analysis.corrections`), the schema checked. Returns the finished table."""
    from analysis.corrections import apply_corrections

    df = _flag_duplicates(df, duplicate_of)
    if folder is not None:
        df = apply_corrections(df, folder)
    return validate_facts(df)


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


# Smaller folders are read in this process: starting workers would cost more than it saves.
_POOL_MIN_FILES, _POOL_MIN_BYTES = 20, 500_000


def _warm_up() -> None:
    """Compile the lexicons and draw the MinHash permutations once, before the pool forks
    (forked workers inherit them instead of each doing it again)."""
    grammar()
    indicator_lexicon()
    corpus._affine32(nearcopies._settings()["num_perm"])


def _import_table_modules() -> None:
    """What the parent needs after the workers: pandas, and datasketch (with the check of
    the workers' MinHash arithmetic). Run in a thread while they work."""
    import pandas  # noqa: F401

    corpus._minhash_kit(nearcopies._settings()["num_perm"])


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
    return _assemble(*gathered, tasks=tasks, folder=folder)


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


def _assemble(
    columns: _Columns, signatures: list[tuple], skipped: list, tasks: list = (), folder=None
):
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
    df = finish_table(_frame(columns), {s.doc_id: s.duplicate_of for s in sigs}, folder)
    return df, skipped


def __getattr__(name: str):
    if name == "FACTS_SCHEMA":
        return facts_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
