"""Figures whose own words name nothing: what they count is taken from what they refer to
(the noun before them, "of them", the sentence before, the last money figure), and a subgroup
("Of these, 96 ...") keeps the definition of the figure it is part of."""

import re

from analysis.classify import UNCLASSIFIED, _classify
from analysis.numbers import _CLAUSE_STOP, _Num

_MONEY = frozenset({"USD", "CNY", "EUR", "GBP", "CHF", "JPY", "AUD"})


_NUMBER_OF = re.compile(r"\bnumbers?\s+of\s+", re.I)


_ANAPHOR = re.compile(r"\b(?:their|its|such|these|those|that|this)\b", re.I)


_BARE = re.compile(r"\W*(?:(?:such|these|those|the|more|new|other)\s+)?([a-z]+s)\b", re.I)


# a level of government or rank before a bare noun ("31 provincial bases" after "13
# national-level international S&T cooperation bases"): the same kind of thing, one tier
_TIER = re.compile(
    r"\W*(?:provincial|municipal|city|county|prefectural|national|state|ministerial|central|"
    r"local|key)(?:-level)?\s+(?=[a-z]+s\b)",
    re.I,
)


# an ellipsis: "another 2,000", "a further 30", "four more than a year earlier": a figure
# with no noun of its own counts what the figure before it does
_ANOTHER = re.compile(
    r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+(?:(?:some|about|over|nearly)\s+)?$",
    re.I,
)
_NO_NOUN_BUT_MORE = re.compile(r"\s*(?:(?:more|fewer)(?:\s+than\b[^.;:,]*)?)?\s*[.!?]?\s*", re.I)
_MORE_THAN_AFTER = re.compile(r"\s*(?:more|fewer)\b", re.I)


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
        _subgroup_owner(text, num, earlier)
        earlier.append(num)
    if context is not None and len(context) > 4:
        for num in nums:
            if num.fact and num.fact["indicator"] != UNCLASSIFIED:
                recent.append(num.fact)
        del recent[:-12]


def _subgroup_owner(text: str, num: _Num, earlier: list[_Num]) -> None:
    """ "12,600 experts were invited to the province, some 5,300 of them from Japan": a
    subgroup of the figure before it in its sentence belongs to that figure's owner, unless
    its own clause named a part (its scope is not the nation's)."""
    f = num.fact
    if f["scope"] != "national" or not _OF_THEM.match(text, num.end):
        return
    for n in reversed(earlier):
        g = n.fact
        if g and not g.get("derived_from") and g["unit"] == f["unit"]:
            if g["scope"] != "national":
                f["scope"], f["actor"] = g["scope"], g["actor"]
            return


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
            got = _expand(text, unit, num.end, clause_end, prev_start, sent, low, num.start)
            if got:
                f["indicator"] = got
                return
            if _ellipsis(text, sent, num, earlier, prev_first, clause_end):
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


def _ellipsis(text, sent, num, earlier, prev_first, clause_end) -> bool:
    """ "This year we plan to send another 2,000", "13 ... bases, four more than a year
    earlier": a count with no noun after it, after "another" or before "more (than)", counts
    what the count before it does (in its sentence, else the first of the sentence before);
    "N more than" is then a change. True when the figure took an indicator."""
    f = num.fact
    if not _NO_NOUN_BUT_MORE.fullmatch(text, num.end, clause_end):
        return False
    more = _MORE_THAN_AFTER.match(text, num.end, clause_end) is not None
    if not more and not _ANOTHER.search(text, max(sent.start, num.start - 40), num.start):
        return False
    before = [n.fact for n in earlier if n.fact and n.fact["unit"] == f["unit"]]
    g = before[-1] if before else (prev_first[0] if prev_first else None)
    if g is None or g["unit"] != f["unit"] or g["indicator"] == UNCLASSIFIED:
        return False
    f["indicator"] = g["indicator"]
    if more and f["measure"] in ("level", "annual", "cumulative"):
        f["measure"] = "change"
    return True


def _expand(text, unit, start, end, prev_start, sent, low, upto=None) -> str | None:
    """ "such contracts", "ten zones": a bare plural noun is the fuller phrase with the same
    noun in the sentences before (from ``prev_start`` back by up to 600 characters) or, given
    ``upto`` (the number's start), earlier in its own sentence; a tier word before the noun
    ("31 provincial bases") is passed over."""
    tier = _TIER.match(text, start, end) if upto is not None else None
    m = _BARE.match(text, tier.end() if tier else start, end)
    if not m:
        return None
    noun = m.group(1)
    if _PEOPLE.match(noun) and not _REFERRING.match(text, start, m.start(1)):
        return None
    frm = max(0, prev_start - 600)
    best = None
    for hit in re.finditer(
        rf"\b{re.escape(noun)}\b", text[frm : sent.start if upto is None else upto], re.I
    ):
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


# ("Of those who had completed their studies, 3.65 million chose to return": "those" with a
# relative clause of its own defines a group, no part of the figure before)
_OF_THESE = re.compile(
    r"\W*(?:(?:Of|Among)\s+(?:these|them|those(?!\s+(?:who|that|which|whose)\b))\b|(?:[Ss]ome\s+|[Aa]bout\s+)?[\d,.]+\s+of\s+"
    r"(?:these|them|those)\b)"
)
