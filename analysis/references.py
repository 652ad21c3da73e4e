"""Figures whose own words name nothing: what they count is taken from what they refer to
(the noun before them, "of them", the sentence before, the last money figure; a figure with
no noun phrase of its own, :func:`_no_noun`), and a subgroup ("Of these, 96 ...") keeps the
definition of the figure it is part of, unless its verb makes it another population."""

import functools
import itertools
import re

from analysis.classify import (
    _BOUND_LEAD,
    _COUNTED_SUBJECT,
    _COUNTED_SUBJECT_OPENING,
    UNCLASSIFIED,
    _classify,
    _column_header,
    _joint,
    _recased,
    _row_label,
    indicator_lexicon,
    mentions,
)
from analysis.numbers import _CLAUSE_STOP, _Num
from analysis.partners import partners_in
from analysis.units import is_money

# (a running count too: "the cumulative count of returnees since 1978 passed 3.65 million")
_NUMBER_OF = re.compile(r"\b(?:numbers?|count)\s+of\s+", re.I)
# a whole raised to its figure by a verb, its owner's ("brings our international joint labs to
# 21", "raising its joint projects to 40")
_RAISED_TO = re.compile(
    r"\b(?:bring|brings|bringing|brought|rais(?:e|es|ed|ing)|lift(?:s|ed|ing)?)\s+"
    r"(?:our|its|their|the\s+[a-z]+['’]s)\s+(?=[a-z])",
    re.I,
)
# "the cumulative total of people going abroad to study was 5.857 million": a total named
# by what it is of (taken only when those words count something)
_TOTAL_OF = re.compile(
    r"\bthe\s+(?:cumulative\s+|combined\s+|overall\s+|grand\s+)?total\s+of\s+(?=[a-z])", re.I
)
# a part defined by a participle of its own ("23 of them designated as ...", "nine of them
# selected by ...")
_REDUCED_PASSIVE = re.compile(r"\s+(?:[a-z]+ed|chosen|known|seen|held)\s+(?:as|by)\b")
_THAT_OF = re.compile(r"[;,]\s*(?:and\s+)?that\s+of\s+(?=[a-z])", re.I)
_OF_THEM_LINE = re.compile(
    r"\s*(?:percent|per\s+cent|%)?\s*of\s+(?:them|these|those)\s*(?:(?:to|in|at|from|for)\s+"
    r"(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)*\s*)?(?:[,;:.)]|$)",
    re.I,
)
_VALUE_OF = re.compile(r"\b(?:the|their|its)\s+(?:total\s+|combined\s+)?value\s+of\s+", re.I)
# the value of things counted before as the subject of a change or a comparison: "and their
# total value rose 3.0 percent", "That value was 68 percent higher", "The value was more than
# double the 1984 figure"
# the things a value is of, named before it, and where the words naming them may open
_TRADED = re.compile(r"\b(?:contracts|deals|imports|exports)\b", re.I)
# (the words right before them, up to a determiner or "of": "technology import contracts")
_NOUN_RUN = re.compile(r"(?:(?!(?:of|the|their|its|for|and)\b)[\w&-]+\s+){1,3}$", re.I)
_VALUE_MOVED = re.compile(
    r"\b(?:the|their|its|that|this)\s+(?:(?:total|combined|overall|contract(?:ed)?)\s+)?value\s+"
    r"(?:was|were|rose|grew|increased|climbed|jumped|fell|dropped|declined|went\s+(?:up|down))"
    r"(?:\s+by)?\s+(?:(?:about|some|around|nearly|almost|more\s+than|over)\s+)?$",
    re.I,
)


_ANAPHOR = re.compile(r"\b(?:their|its|such|these|those|that|this)\b", re.I)


_BARE = re.compile(
    r"\W*(?:(?:such|these|those|the|more|new|other)\s+)?(?:[a-z]+['’]s\s+)?([a-z]+s)\b", re.I
)


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
# (a time may follow: "add 8 more next year")
_NO_NOUN_BUT_MORE = re.compile(
    r"\s*(?:(?:more|fewer)(?:\s+than\b[^.;:,]*)?)?"
    r"(?:\s+(?:(?:next|this|last|each|every|a)\s+year|(?:in|by)\s+\d{4}))?\s*[.!?]?\s*",
    re.I,
)
# "Another 2,000 will be selected and sent": a verb after "another N", its noun left out
_VERB_NEXT = re.compile(
    r"\s+(?:will|would|shall|may|can|could|are|were|is|was|have|has|had)\s+[a-z]+", re.I
)
_MORE_THAN_AFTER = re.compile(r"\s*(?:more|fewer)\b", re.I)


_OF_THEM = re.compile(r"\s*of\s+(?:them|these|those)\b", re.I)


# ("of contract value": a bare value with its modifier needs no determiner)
# ("of last year's contract value", "of that business", "of the value imported that year",
# "31 percent of the technology contracts by value", "38.6 percent by value")
_SHARE_OF_VALUE = re.compile(
    r"\W*(?:percent|per\s+cent|%)?\.?\s*(?:of\s+(?:(?:the|that|this|its|their)\s+"
    r"(?:total\s+|contract\s+|national\s+|overall\s+|combined\s+|year['’]s\s+)?"
    r"|(?:(?:last|this|the\s+previous)\s+year['’]s\s+)(?:total\s+|contract\s+)?"
    r"|(?:total|contract|overall|combined)\s+)(?:value|sum|amount|total|business)\b"
    r"|(?:of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?contracts\s+)?by\s+value\b)",
    re.I,
)
# "of the value of China's technology import contracts": the value's whole named after it
_VALUE_OF_WHOLE = re.compile(r"\s+of\s+(?=\S)", re.I)


# the words before a comparison's base figure ("compared with 140 in 1988", "up from 31")
_COMPARED_BASE = re.compile(
    r"\b(?:from|against|versus|vs\.|compared\s+(?:with|to)|than)\s+"
    r"(?:(?:only|just|some|about|around|roughly|nearly|almost)\s+)?$",
    re.I,
)
# "a decrease of 31.5 per cent": a change named by its noun
_CHANGE_OF = re.compile(
    r"\b(?:an?\s+)?(?:increase|decrease|rise|drop|fall|decline|growth|jump|gain|reduction)\s+"
    r"of\s+(?:(?:some|about|around|nearly|almost|over)\s+)?$",
    re.I,
)
# ", 31 percent of those who went abroad": a share of a group its relative clause defines
_OF_THOSE_WHO = re.compile(
    r"\s*(?:percent|per\s+cent|%)?\s*of\s+(?:those|them|all\s+those|the\s+[a-z]+s)\s+"
    r"(?:who|that|which|whom)\b",
    re.I,
)
_APPOSED_GAP = re.compile(r"[^.;:]*,\s*(?:or\s+)?$")


_BULLET_LINE = re.compile(r"[^\S\n]*[-–•*▪■●◦►][^\S\n]")


def _apposed_share(text: str, g: dict, num: _Num, end: int) -> bool:
    """True when a share stands apposed, after a comma, to the clause of the figure ``g``
    before it, as the share "of those who ..." ("3,000 came back, 40 percent of those who
    had gone")."""
    lo = max(g["end"], g["start"])
    return (
        lo <= num.start
        and _APPOSED_GAP.fullmatch(text, lo, num.start) is not None
        and _OF_THOSE_WHO.match(text, num.end, max(end, num.end)) is not None
    )


# ", accounting for 57.6 percent of all": a share apposed to the figure before, of a whole
# (one apposed phrase with no figure may stand between: ", the largest group of any country,";
# a relative clause may join it: ", which is roughly 30% of all")
_APPOSED_PART_GAP = re.compile(
    r"[^.;:,]*(?:,[^.;:,\d]*)?,\s*(?:or\s+|(?:accounting\s+for|making\s+up|representing|"
    r"equal\s+to|which\s+(?:is|was|represents|represented|makes\s+up|made\s+up|"
    r"accounts\s+for|accounted\s+for))\s+)?$",
    re.I,
)
# "That's 33.7 percent of all ...": a sentence whose subject is the figure of the sentence before
_THAT_IS = re.compile(
    r"\W*(?:that|this|it)(?:['’]s|\s+is|\s+was|\s+represents|\s+represented)\s+$", re.I
)
_OF_A_WHOLE = re.compile(
    r"\s*(?:percent|per\s+cent|%)?\s*of\s+(?!(?:them|these|those)\b)"
    r"(?:the|its|their|all|(?-i:[A-Z])[\w-]*['’]s)\s",
    re.I,
)


def _apposed_part(text: str, g: dict, num: _Num, end: int) -> bool:
    """True when a share stands apposed, after a comma, to the figure ``g`` just before it
    as a part of a whole ("numbered 60,136, accounting for 57.6 percent of all foreign
    students"): the same figure, as a share."""
    lo = max(g["end"], g["start"])
    return (
        lo <= num.start
        and _APPOSED_PART_GAP.fullmatch(text, lo, num.start) is not None
        and _OF_A_WHOLE.match(text, num.end, max(end, num.end)) is not None
    )


def _share_of_opening(text: str, sent, earlier: list[_Num], num: _Num) -> bool:
    """True when its sentence opens "Of the <figure> ...," and the share stands in the
    clause after it ("Of the 9,000 who went abroad, 24 percent chose Europe")."""
    if not earlier or earlier[0].fact is None:
        return False
    first = earlier[0]
    if first.fact["unit"] in ("percent", "fraction") or first.fact["indicator"] == UNCLASSIFIED:
        return False
    return (
        _OF_NAMED_SUM.fullmatch(text, sent.start, first.start) is not None
        and text.rfind(",", first.end, num.start) >= 0
        and not any(n.fact and first is not n and n.end <= num.start for n in earlier[1:])
    )


_ACCOUNTED = re.compile(
    r"\b(?:account\w*\s+for|made\s+up|make\s+up|(?:take|takes|took|taken|taking)\s+up)\s+$", re.I
)


_WORTH = re.compile(
    r"\b(?:worth|valued\s+at|with\s+a\s+(?:total\s+|combined\s+)?(?:contract(?:ed)?\s+)?value\s+of)\s+"
    r"(?:(?:a\s+total\s+of|some|about|around|over|nearly)\s+)?$",
    re.I,
)
# "... were signed to the number of 412, and their combined value came to US$680 million":
# the value of the things just counted, as the subject of its clause
_THEIR_VALUE = re.compile(
    r"\b(?:their|whose)\s+(?:(?:total|combined|overall|contract(?:ed)?)\s+)?value\s+"
    r"(?:[a-z]+\s+){0,3}?(?:to|of|at)\s+(?:(?:a\s+total\s+of|some|about|around|over|nearly)\s+)?$",
    re.I,
)


# a count's noun, then a sum joined to it
_JOINED_SUM = re.compile(
    r"(?:\s+[\w&'’-]+){1,4}?\s*,?\s+(?:and|with)\s+(?:(?:some|about|around|over|nearly)\s+)?",
    re.I,
)
# (after a label: "Speaker notes: Of the EUR 11.6 million, ...")
_OF_NAMED_SUM = re.compile(r"(?:[A-Z][\w ]{0,30}:)?\W*(?:Of|Out\s+of)\s+(?:the|that|this)\s+")
_ON_IT = re.compile(r"\s+on\s+(?:it|this|that|them)\b")
_OF_SUM = re.compile(r"\b[Oo]f\s+(?:that|this|the|which)(?:\s+(?:sum|amount|total))?\W*$")


# people: a bare plural of people counts itself ("530 students become leaders")
_PEOPLE = re.compile(
    r"(?:students|scientists|researchers|people|persons|experts|scholars|engineers|staff)$", re.I
)


_REFERRING = re.compile(r"\W*(?:such|these|those|the)\s", re.I)


_NO_NOUN = re.compile(r"\s*[.!?]?\s*$")

# "the two sides", "our two governments": a numeral bound by a determiner names a set the page
# speaks of, no figure of it (never an antecedent, never a whole; the determiner is
# classify's _BOUND_LEAD, which runs the counted phrase on past it)
_BOUND_NOUN = re.compile(r"\s+(?:[a-z][\w-]*\s+)?[a-z]+s\b")


def _bound(text: str, num: _Num) -> bool:
    """True when ``num`` is a numeral in words bound by a determiner ("the two sides")."""
    if not text[num.start : num.end].isalpha():
        return False
    return (
        _BOUND_LEAD.search(text, max(0, num.start - 8), num.start) is not None
        and _BOUND_NOUN.match(text, num.end) is not None
    )


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
    * "In 1985 there were fewer than 50.": the first figure of the sentence before;
    * "..., an average of about 320 a year": the running total before it in its sentence.
    """
    text = doc.text
    recent = context[4] if context is not None and len(context) > 4 else []
    subgroup = _OF_THESE.match(text, sent.start, sent.end) is not None
    prev_start = doc.sentences[index - 1].start if index > 0 else sent.start
    earlier: list[_Num] = []
    back = doc.sentences[max(0, index - _SENTENCES_BACK)].start
    nums = [n for n in nums if not _bound(text, n)]
    for i, num in enumerate(nums):
        f = num.fact
        if f and not f.get("derived_from") and f["unit"] == "multiple":
            as_verb = multiple_verb().fullmatch(text, num.start, num.end) is not None
            if f["indicator"] == UNCLASSIFIED or as_verb:
                _moved_subject(text, sent, num, earlier, back, low)
            if as_verb:
                # "the number of joint laboratories has doubled in five years to 86": the
                # verb of its clause, no figure the subject of the next one stops at
                nxt = nums[i + 1].fact if i + 1 < len(nums) else None
                if nxt and is_money(nxt["unit"]) and nxt["indicator"] == UNCLASSIFIED:
                    # ("technology exports doubled to US$1.6 billion": the sum it reached)
                    _money_a_change_reached(text, sent, nums[i + 1], [*earlier, num], low)
                continue
        if not f or f.get("derived_from") or f["unit"] == "multiple":
            earlier.append(num)
            continue
        upto = nums[i + 1].start if i + 1 < len(nums) else sent.end
        if f["indicator"] == UNCLASSIFIED and i + 1 < len(nums):
            lo = earlier[-1].end if earlier else sent.start
            _part_of_next(text, sent, num, nums[i + 1], lo, low)
        if f["indicator"] == UNCLASSIFIED and f["unit"] != "percent" and earlier:
            _after_change(text, num, earlier[-1])
            if f["indicator"] == UNCLASSIFIED and is_money(f["unit"]):
                _money_a_change_reached(text, sent, num, earlier, low)
        if f["indicator"] == UNCLASSIFIED and earlier:
            _base_of_reached(text, num, earlier[-1])
        if f["indicator"] == UNCLASSIFIED and earlier:
            _average_of(text, num, earlier)
        if f["indicator"] == UNCLASSIFIED and not (subgroup and f["unit"] == "count"):
            _refer(text, sent, num, earlier, recent, prev_first, prev_start, low, (back, upto))
        elif f["indicator"] == UNCLASSIFIED and prev_first:
            # "Of these, over 20,000 have completed their studies and come back": a part of
            # the group of the sentence before that its verb makes another population
            stop = _CLAUSE_STOP.search(text, num.end, upto)
            turned = _turned(
                prev_first[0]["indicator"], text, num.end, stop.start() if stop else upto
            )
            if turned != prev_first[0]["indicator"]:
                f["indicator"] = turned
            elif _placed_part(text, num.end, stop.start() if stop else upto) or (
                turned == "students_abroad"
                and _STUDYING.match(text, num.end, stop.start() if stop else upto)
            ):
                # "About 14,000 of them are in the United States", "Of these, about 2,800
                # went to the United States": a line of the group by place, no subgroup by a
                # property of its own ("Of these, 1.5 million were still studying abroad":
                # learners still at their studies)
                f["indicator"] = turned
                _host_actor(text, f, num.end, stop.start() if stop else upto)
            elif earlier:
                # "...; Japan hosts about 2,500 and West Germany about 1,800", "Of these,
                # about 2,800 went to the United States and 420 to Britain": more lines
                end = stop.start() if stop else upto
                _gapped_name(text, num, earlier, end) or _breakdown(text, num, earlier, end)
        if f["indicator"] == UNCLASSIFIED and f["unit"] == "percent" and i + 1 < len(nums):
            _change_to_next(text, num, nums[i + 1])
        if f["indicator"] == UNCLASSIFIED and f["unit"] == "percent":
            _moved_subject(text, sent, num, earlier, back, low)
        if f["indicator"] == UNCLASSIFIED and (f["unit"] == "count" or is_money(f["unit"])):
            _captioned(doc, sent, nums, i)
        joint = f["scope"] == "programme" and (
            _joint(f["actor"] or "") or _COOPERATIVE_NAME.search(f["actor"] or "") is not None
        )
        if f["indicator"] == UNCLASSIFIED and joint:
            _jointly_owned(text, sent, nums, i)
        if f["indicator"] == UNCLASSIFIED and is_money(f["unit"]) and earlier:
            _money_continued(text, num, earlier[-1], upto)
        if f["indicator"] == UNCLASSIFIED and is_money(f["unit"]) and index > 0:
            _given_in_context(text, sent, nums, i, doc.sentences[max(0, index - 2)].start)
        _subgroup_owner(text, num, earlier)
        if not earlier:
            _partitive_lead_owner(text, sent, num, recent)
        _partner_kept(text, num, earlier, recent, sent.end)
        earlier.append(num)
    _shared_noun(text, nums)
    if context is not None and len(context) > 4:
        # the classified figures, and every stated count (a nearer count of no indicator is
        # the antecedent of a count with no noun: :func:`_antecedent`)
        for num in nums:
            g = num.fact
            if g and (
                g["indicator"] != UNCLASSIFIED
                or (g["unit"] == "count" and not g.get("derived_from"))
            ):
                recent.append(g)
        del recent[:-12]


# "Technology import contracts signed by park enterprises rose by 10.5 percent", "MOST's own
# budget for international cooperation rose 20 percent in 2007": a percent or multiple after
# a verb of change, the subject of its clause what moved (no figure of its own in the clause)
_MOVED_BY = re.compile(
    r"\b(?:rose|risen|rises|rise|rising|increased|increases|increasing|grew|grown|grows|growing"
    r"|jumped|jumps|climbed|climbs|soared|surged|fell|fallen|falls|dropped|drops|declined"
    r"|declines|decreased|decreases|went\s+(?:up|down)|(?:was|were|is|are)\s+(?:up|down))"
    r"\s+(?:by\s+)?(?:(?:some|about|around|nearly|almost|over|more\s+than|roughly)\s+)?$",
    re.I,
)


# a multiple in words that is its clause's verb ("has doubled", "tripled", "more than
# doubled"), and the auxiliary or qualifier words before it
# (the words are ``numbers.yaml`` ``multiples``: its past forms are the verbs, its base forms
# and gerunds a goal's or a base's words, "double", "doubling"; an analyst who adds
# "quintupled" and "quintuple" there gets both rules)
@functools.cache
def multiple_verb() -> re.Pattern[str]:
    """A multiple in words that is its clause's verb, with its qualifier: "has doubled",
    "more than tripled"."""
    verbs = [w for w in _multiple_words() if w.endswith("ed")]
    return re.compile(
        r"(?i:(?:more\s+than\s+|nearly\s+|almost\s+)?(?:" + _alternation(verbs) + "))"
    )


@functools.cache
def base_multiple() -> re.Pattern[str]:
    """A multiple in words in its base form or gerund: "double", "tripling"."""
    bases = [w for w in _multiple_words() if w.endswith(("le", "ing")) and " " not in w]
    return re.compile(r"(?i:" + _alternation(bases) + ")")


def _multiple_words() -> list[str]:
    from analysis.config import load_lexicon

    return [w.lower() for w in load_lexicon("numbers")["multiples"]]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


# ... and the object it moves, up to its clause's end or a "by" date
_MULTIPLE_OBJECT = re.compile(
    r"\s+(?:the\s+(?:number|count|total)\s+of\s+|the\s+|its\s+|their\s+)?[^,;:.()]{3,80}?(?=\s+(?:by|in|before|within|over)\b|[,;:.()]|$)",
    re.I,
)
_AUXILIARY = re.compile(r"\b(?:has|have|had|was|were|more\s+than|nearly|almost)\s+$", re.I)
# ... the clause's subject begins after its last stop or a fronted "In 2009"
_SUBJECT_STOP = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\b(?:[Ii]n|[Bb]y|[Ss]ince)\s+\d{4}\b")
# a subject that names money: what moved is a sum ("budget", "spending", "the value of")
_MONEY_SUBJECT = re.compile(
    r"\b(?:value|budget|budgets|spending|expenditures?|funding|funds|investments?|money"
    r"|outlays?|grants"
    # (a trade named by its flow: "technology exports to Africa grew by about 35 percent")
    r"|technology\s+(?:imports|exports)(?!\s+contracts)|(?:imports|exports)\s+of\s+technology)\b",
    re.I,
)


def _moved_subject(text, sent, num, earlier, back, low) -> None:
    """A percent or multiple moved by its clause's verb ("... rose by 10.5 percent") is a
    change of what the verb's subject counts: its words read as a count's noun, or as a sum
    when they name money (a sum of bare "contracts": the trade of its paragraph)."""
    f = num.fact
    if f["unit"] not in ("percent", "multiple"):
        return
    verb = _MOVED_BY.search(text, max(sent.start, num.start - 60), num.start)
    if verb is not None:
        v = verb.start()
    elif (obj := _MULTIPLE_OBJECT.match(text, num.end, sent.end)) and base_multiple().fullmatch(
        text, num.start, num.end
    ):
        # "aims to double the number of joint research projects with China by 2023": the
        # multiple is the verb, what it moves its object
        got = _classify(
            text,
            "count",
            (obj.start(), obj.start()),
            (obj.start(), obj.end()),
            (sent.start, sent.end),
            low,
        )[0]
        if got != UNCLASSIFIED:
            f["indicator"] = got
        return
    elif multiple_verb().fullmatch(text, num.start, num.end):
        v = num.start  # "has doubled", "tripled": the multiple is the verb
        while v > sent.start and (aux := _AUXILIARY.search(text, sent.start, v)):
            v = aux.start()
    else:
        return
    lo = earlier[-1].end if earlier else sent.start
    stops = [m.end() for m in _SUBJECT_STOP.finditer(text, lo, v)]
    s0 = stops[-1] if stops else lo
    if v - s0 < 4 or (earlier and earlier[-1].end > s0 and not stops):
        return
    span = (sent.start, sent.end)
    if _MONEY_SUBJECT.search(text, s0, v):
        got = _classify(text, "USD", (s0, v), (v, v), span, low)[0]
        if got == UNCLASSIFIED:
            count = _classify(text, "count", (s0, s0), (s0, v), span, low)[0]
            if count == UNCLASSIFIED and re.search(r"\bcontracts?\b", text[s0:v], re.I):
                count = _trade_topic(text, num, back) or UNCLASSIFIED
            got = indicator_lexicon().worth.get(count, UNCLASSIFIED)
    else:
        got = _classify(text, "count", (s0, s0), (s0, v), span, low)[0]
    if got != UNCLASSIFIED:
        f["indicator"] = got


# between a change and the level it reached ("rose 20 percent in 2007 to RMB 600 million")
_CHANGE_TO = re.compile(
    r"(?:\s+(?:in|on|over|during|from|compared\s+with|against)\s+[^,;.]{1,40}?"
    r"|\s+(?:last|this)\s+year|\s+year[- ]on[- ]year)?,?\s+to\s+"
    r"(?:(?:about|some|around|nearly|over|more\s+than|almost|roughly|approximately)\s+)?"
)


# "..., an average of about 320 a year": the yearly mean of the running total before it
_AVERAGE_BEFORE = re.compile(
    r"[,;(]\s*(?:(?:that\s+is|or)\s+)?(?:an\s+average\s+of|averaging|on\s+average)\s+"
    r"(?:(?:about|some|around|nearly|roughly|almost|over|more\s+than)\s+)?$",
    re.I,
)
_A_YEAR_AFTER = re.compile(r"\s+(?:a|per|each|every)\s+year\b|\s+annually\b", re.I)
_AVERAGE_REACH = 250  # how far before its average the running total may stand


def _average_of(text: str, num: _Num, earlier: list[_Num]) -> None:
    """A yearly average after a running total of its sentence ("Some 3,200 scientists ...
    have been trained in China since 1996, an average of about 320 a year") counts what the
    total counts, and is the same owner's: the last figure before it of the same unit."""
    f = num.fact
    if not _AVERAGE_BEFORE.search(text, max(0, num.start - 40), num.start):
        return
    if not _A_YEAR_AFTER.match(text, num.end):
        return
    same = (n.fact for n in reversed(earlier) if n.fact and n.fact["unit"] == f["unit"])
    total = next(same, None)
    if (
        total is None
        or total["indicator"] == UNCLASSIFIED
        or total.get("derived_from")
        or num.start - total["end"] > _AVERAGE_REACH
    ):
        return
    f["indicator"] = total["indicator"]
    f["scope"], f["actor"] = total["scope"], total["actor"]


def _after_change(text: str, num: _Num, before: _Num) -> None:
    """A figure a change reached ("MOST's own budget for international cooperation rose 20
    percent in 2007 to RMB 600 million", "the number of joint laboratories rose 20 percent
    to 96") counts what the change moved: a sum what those things are worth."""
    g, f = before.fact, num.fact
    if (
        g is None
        or g["unit"] not in ("percent", "multiple")
        or g["measure"] != "change"
        or g["indicator"] == UNCLASSIFIED
        or not _CHANGE_TO.fullmatch(text, before.end, num.start)
    ):
        return
    got = g["indicator"]
    worth = indicator_lexicon().worth
    if is_money(f["unit"]):
        got = worth.get(got, got)
    elif got in worth.values():
        return  # (a count after a change of money: no reading of it)
    f["indicator"] = got


def _money_a_change_reached(text: str, sent, num: _Num, earlier: list[_Num], low) -> None:
    """A sum a change of its clause's subject reached ("Technology exports rose 20 percent
    to $1.9 billion in 1992"), the change unread (its subject no count's noun): the subject
    read as money, for both."""
    before = earlier[-1]
    g, f = before.fact, num.fact
    if g is None or g["measure"] != "change":
        return
    if not _CHANGE_TO.fullmatch(text, before.end, num.start):
        return
    if g["unit"] == "percent":
        verb = _MOVED_BY.search(text, max(sent.start, before.start - 60), before.start)
        if verb is None:
            return
        at = verb.start()
    elif g["unit"] == "multiple" and multiple_verb().fullmatch(text, before.start, before.end):
        # ("technology exports doubled to US$1.6 billion": the multiple is the verb)
        at = before.start
    else:
        return
    lo = earlier[-2].end if len(earlier) > 1 else sent.start
    stops = [m.end() for m in _SUBJECT_STOP.finditer(text, lo, at)]
    s0 = stops[-1] if stops else lo
    if at - s0 < 4:
        return
    got = _classify(text, "USD", (s0, at), (at, at), (sent.start, sent.end), low)[0]
    if got != UNCLASSIFIED:
        f["indicator"] = got
        if g["indicator"] == UNCLASSIFIED:
            g["indicator"] = got


# between a level a change reached and its base ("rose to $1.7 billion in 1992 from $1.1
# billion in 1991", "fell to 290 last year from 340"): the base counts what the level does
_REACHED_FROM = re.compile(
    r"(?:\s+(?:in|during)\s+(?:(?:fiscal|FY)\s*)?(?:19|20)\d\d(?:/\d{2,4})?|\s+(?:last|this)\s+year)?"
    r"\s*,?\s+from\s+(?:(?:about|some|around|nearly|almost|over|more\s+than|roughly|just|only)\s+)*"
)
_REACHED_TO = re.compile(
    r"\bto\s+(?:(?:about|some|around|nearly|almost|over|more\s+than|roughly)\s+)*$"
)


def _base_of_reached(text: str, num: _Num, before: _Num) -> None:
    """The base after a level reached ("rose to $1.5 billion from about $1 billion in
    1991") counts what that level does, in the same kind of unit."""
    g, f = before.fact, num.fact
    if g is None or g.get("derived_from") or g["indicator"] == UNCLASSIFIED:
        return
    if is_money(g["unit"]) != is_money(f["unit"]) or "percent" in (g["unit"], f["unit"]):
        return
    if not _REACHED_TO.search(text, max(0, before.start - 30), before.start):
        return
    if not _REACHED_FROM.fullmatch(text, max(before.end, g["end"]), num.start):
        return
    f["indicator"] = g["indicator"]


_AND_NEXT = re.compile(r"\s*(?:,|and|or)\s*")


# ... or a programme its name calls one of cooperation ("International S&T Cooperation
# Program", "Academic Exchange Programme"): "the programme approved 286 projects"
_COOPERATIVE_NAME = re.compile(r"\b(?:Co-?operation|Collaboration|Exchanges?|Partnership)\b")
_COOPERATION = "Joint cooperation. "  # what a joint body's figure speaks of, said


def _jointly_owned(text: str, sent, nums: list[_Num], i: int) -> None:
    """ "The Center's annual budget is about EUR 10 million", "it approved 22 research
    projects": a figure a joint body owns (its clause's subject, a Sino-/-China/Joint name)
    is of cooperation, though its sentence does not say so: read as if it did."""
    num = nums[i]
    f = num.fact
    lo = nums[i - 1].end if i else sent.start
    stop = _CLAUSE_STOP.search(text, num.end, nums[i + 1].start if i + 1 < len(nums) else sent.end)
    hi = stop.start() if stop else (nums[i + 1].start if i + 1 < len(nums) else sent.end)
    shift = len(_COOPERATION) - sent.start
    t = _COOPERATION + text[sent.start : sent.end]
    got = _classify(
        t, f["unit"], (lo + shift, num.start + shift), (num.end + shift, hi + shift), (0, len(t))
    )[0]
    if got != UNCLASSIFIED:
        f["indicator"] = got


_CONTEXT_BACK = 2  # how many sentences before a sum may say what it is given to
# a body's verb of giving right before its sum ("will contribute up to", "has put", "commits")
# (not a noun of spending, "research spending reached", nor a verb of spending it oneself)
_GIVEN_BY_VERB = re.compile(
    r"\b(?:contribut|invest|provid|put|commit|allocat|grant|donat|pledg|award|earmark|"
    r"disburs|inject|channel|dedicat|set\s+aside|ma[dk]e\s+available|fund)"
    r"(?:e|es|ed|ing|s|ted|ting|ts)?(?:\s+(?:in|up|over))?\s+"
    r"(?:(?:up\s+to|about|some|around|roughly|nearly|almost|over|more\s+than|a\s+further|another|"
    r"a\s+total\s+of|an\s+additional)\s+)?$",
    re.I,
)
# a nation's own spending on research is no sum given to an undertaking
_OWN_RESEARCH = re.compile(
    r"\s+(?:\S+\s+){0,3}?(?:in|on|for)\s+(?:R&D|research\s+and\s+development)\b", re.I
)


def _given_in_context(text: str, sent, nums: list[_Num], i: int, back: int) -> None:
    """ "... opened a joint laboratory ... The Dutch Ministry will contribute EUR 1.2 million
    over four years.": a sum given (its rule's verb before it) whose own sentence names no
    undertaking is given to the one the sentences just before speak of: read with them."""
    num = nums[i]
    f = num.fact
    lo = nums[i - 1].end if i else sent.start
    stop = _CLAUSE_STOP.search(text, num.end, nums[i + 1].start if i + 1 < len(nums) else sent.end)
    hi = stop.start() if stop else (nums[i + 1].start if i + 1 < len(nums) else sent.end)
    if not _GIVEN_BY_VERB.search(text, max(lo, num.start - 60), num.start):
        return
    if _OWN_RESEARCH.match(text, num.end, sent.end):
        return
    got = _classify(text, f["unit"], (lo, num.start), (num.end, hi), (back, sent.end))[0]
    if got != UNCLASSIFIED:
        f["indicator"] = got


def _shared_noun(text: str, nums: list[_Num]) -> None:
    """ "Japan and India have 47 and 83 such agreements", "supplying 33.8, 24.1 and 17.6
    percent of the import value": a count or percent joined to the next one by "and" or a
    comma with no words of its own counts what the next one does."""
    for a, b in zip(reversed(nums[:-1]), reversed(nums[1:]), strict=True):
        f, g = a.fact, b.fact
        if (
            f
            and g
            and f["indicator"] == UNCLASSIFIED
            and g["indicator"] != UNCLASSIFIED
            and f["unit"] == g["unit"] in ("count", "percent")
            and f["end"] <= a.end
            and not g.get("derived_from")
            and _AND_NEXT.fullmatch(text, a.end, b.start)
        ):
            f["indicator"] = g["indicator"]
    # ... and one after a bare count of a list that its verb classified ("took part in 35,
    # about 80, 190 and 383 projects"): the same things
    for a, b in itertools.pairwise(nums):
        f, g = a.fact, b.fact
        if (
            f
            and g
            and g["indicator"] == UNCLASSIFIED
            and f["indicator"] != UNCLASSIFIED
            and f["unit"] == g["unit"] == "count"
            and f["end"] <= a.end
            and not f.get("derived_from")
            and _AND_NEXT.fullmatch(text, a.end, b.start)
        ):
            g["indicator"] = f["indicator"]


def _placed_part(text: str, start: int, end: int) -> bool:
    """True when a part of the group before ("N of them", "Of these, N") is only placed:
    "are (now) in the United States", or sent to a country or region ("Of these, about
    2,800 went to the United States and 420 to Britain": lines of the group by host)."""
    m = _OF_THEM.match(text, start, end) or _SHARE_OF_THEM.match(text, start, end)
    at = m.end() if m else start
    if _IN_PLACE.match(text, at, end) is not None:
        return True
    gone = _GONE_TO.match(text, at, end) or _BARE_PLACE.match(text, at, end)
    if gone is None:
        return False
    # (a country or region, "420 to Britain"; not a field or a body: "120 in Science")
    places = partners_in(text, gone.end() - 1, end)
    return bool(places) and places[0][0] <= len("the ")


_SHARE_OF_THEM = re.compile(r"\s*(?:percent|per\s+cent|%)\s+of\s+(?:them|these|those)\b", re.I)


# the nation named as a clause's subject between two figures of one sentence
_CHINA_SUBJECT = re.compile(r"\bChina\s+(?:has|had|have|is|was|will|sent|signed|now)\b")
# what opens another clause with its own subject between two figures of one sentence
_OTHER_CLAUSE = re.compile(r";|\b(?:while|whereas|but|although|though|and\s+(?:the|its|their))\b")


# the words that make a figure the base a figure before it is compared with
_BASE_BEFORE = re.compile(
    r"\b(?:(?:up|down)\s+from|against|compared\s+(?:with|to)|versus|from)\s+"
    r"(?:(?:some|about|around|roughly|nearly|almost|only|just|fewer\s+than|less\s+than|"
    r"more\s+than|over|under)\s+)?[^\w]{0,4}$"
)
# the host a sentence names only by a word pointing back ("54 percent of all foreign students
# in the country", "some 8,500 were in the country", "of all international students there")
_HOST_POINTER = re.compile(r"\b(?:in\s+the\s+country|there|here)\b")


def _partner_kept(text: str, num: _Num, earlier: list[_Num], recent=(), end=None) -> None:
    """Give a figure read as the nation's (``national``, no actor) the owner a figure before
    it shows it shares:

    * the base of a part's or another country's figure is theirs ("NSF itself supported 45
      ... projects ..., down from 62 projects in FY1989");
    * after a line of the nation's figure limited to one partner in its sentence, a figure of
      the same indicator or what those things are worth takes that partner ("1,326 ...
      contracts with Japanese companies in 2016, worth $4.9 billion", "... grown from around
      22,800 in 2010 to 30,259", "valued at US$2.4 billion, up 18 percent"), unless another
      partner or a clause of another subject stands between;
    * a figure with no figure before it in its sentence whose words point back to the host
      ("54 percent of all foreign students in the country") takes the partner of the last
      classified figure (``recent``), when that is such a line of the same indicator."""
    f = num.fact
    if f is None or f["scope"] != "national" or f["actor"]:
        return
    for g_num in reversed(earlier):
        g = g_num.fact
        if g is None or g.get("derived_from"):
            continue
        if (
            g["scope"] != "national"
            and g["indicator"] == f["indicator"] != UNCLASSIFIED
            and _BASE_BEFORE.search(text, max(g_num.end, num.start - 24), num.start)
        ):
            # "NSF itself supported 45 cooperative research projects ..., down from 62
            # projects in FY1989", "about 1,500 American scientists visited China in 1982,
            # up from roughly 700 in 1979": the base of a part's or another country's
            # figure is theirs too
            f["scope"], f["actor"] = g["scope"], g["actor"]
            return
        if g["scope"] != "national" or not g["actor"]:
            return  # the nearest figure before is the nation's own, or a part's
        worth = indicator_lexicon().worth.get(g["indicator"])
        if f["indicator"] not in (g["indicator"], worth) or f["indicator"] == UNCLASSIFIED:
            return
        if _OTHER_CLAUSE.search(text, g_num.end, num.start) or _CHINA_SUBJECT.search(
            text, g_num.end, num.start
        ):
            return  # ("Since the first group of 52 left for the United States, China has
            # sent about 1,750 students abroad": the nation's own figure after)
        if any(
            k == "foreign" and actor != g["actor"]
            for *_, actor, k in mentions(text, g_num.end, num.start)
        ):
            return
        f["actor"] = g["actor"]
        return
    if earlier or not recent or end is None:
        return
    # "Chinese now make up 54 percent of all foreign students in the country": the host of
    # the line of the sentence before, pointed back to
    stop = _CLAUSE_STOP.search(text, num.end, end)
    if not _HOST_POINTER.search(text, num.end, stop.start() if stop else end):
        return
    g = recent[-1]
    if g["scope"] == "national" and g["actor"] and g["indicator"] == f["indicator"] != UNCLASSIFIED:
        f["actor"] = g["actor"]


# money that goes on a sum of money before it: another part of it from another source, with
# no words of its own but that source ("C$2.5 million from Canadian partners and RMB 8
# million from the university", "US$2.5 million from the Bill & Melinda Gates Foundation")
_MONEY_SOURCE = r"(?:\s+(?:from|on|by)\s+[^,;:.()\d]{1,70}?)?"
_MONEY_AND = re.compile(
    _MONEY_SOURCE + r"\s*,?\s+(?:and|plus|as\s+well\s+as)\s+(?:another\s+|a\s+further\s+)?"
    r"(?:(?:some|about|around|nearly|up\s+to|over|more\s+than)\s+)?"
)
_MONEY_ENDS = re.compile(
    _MONEY_SOURCE + r"\s*(?:[,;:.!?)]|$|\s+(?:over|in|since|by|so\s+far|to\s+date|a\s+year|each)\b)"
)


def _money_continued(text: str, num: _Num, prev: _Num, upto: int) -> None:
    """:data:`_MONEY_AND`: money after a classified sum before it, joined by "and", with no
    words of its own but a source, counts what that sum does, as its verb tells it."""
    g = prev.fact
    if not g or g.get("derived_from") or g["indicator"] == UNCLASSIFIED:
        return
    if not is_money(g["unit"]):
        return
    f = num.fact
    gap_start = max(prev.end, g["end"])
    if gap_start > num.start or not _MONEY_AND.fullmatch(text, gap_start, num.start):
        return
    if not _MONEY_ENDS.match(text, max(num.end, f["end"]), max(upto, num.end, f["end"])):
        return
    # (its verb's: "has received C$2.5 million ... and RMB 8 million ... over three years")
    f["indicator"], f["measure"] = g["indicator"], g["measure"]


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


# a sentence that opens on the whole its first figure is a part of, named by its noun: "Of
# the contracts signed in the year, 141 were for licences", "Among the visitors, 1,310 ..."
_OF_THE_LEAD = re.compile(
    r"\W*(?:Of|Among)\s+the\s+(?P<noun>[a-z][\w-]*)\b[^,;:.\d]{0,60},\s*"
    r"(?:(?:some|about|around|nearly|over|roughly|more\s+than|only|just)\s+)?$"
)


def _partitive_lead_owner(text: str, sent, num: _Num, recent: list[dict]) -> None:
    """ "In 1986 CNTIC signed 312 contracts ... Of the contracts signed in the year, 141 were
    for licences": a part of the whole a recent figure counts (its counted words hold the
    lead's noun) belongs to that figure's owner, unless its own clause named a part."""
    f = num.fact
    if f is None or f["scope"] != "national" or f.get("derived_from"):
        return
    m = _OF_THE_LEAD.match(text, sent.start, num.start)
    if m is None:
        return
    noun = m["noun"].lower()
    for g in reversed(recent):
        if g["unit"] == f["unit"] and noun in (g.get("counted") or "").lower().split():
            if g["scope"] != "national":
                f["scope"], f["actor"] = g["scope"], g["actor"]
            return


# "nine of the ten ASEAN member states", "4 of the country's 14 international innovation
# demonstration zones", "at least five of the 50 joint labs": a part of the whole counted
# right after it
_PARTITIVE_NUMBER = re.compile(
    r"\s+of\s+(?:the|its|their|our|these|those|(?:the\s+)?[\w-]+['’]s)\s+"
    r"(?:(?:some|about|around|nearly|over|roughly)\s+)?",
    re.I,
)


def _change_to_next(text: str, num: _Num, nxt: _Num) -> None:
    """A percent change whose clause goes on to the figure it reached ("China's purchases of
    foreign technology rose 40 percent last year to $1.6 billion"): it changes what that
    figure counts."""
    f, g = num.fact, nxt.fact
    if (
        f["measure"] == "change"
        and g
        and not g.get("derived_from")
        and g["indicator"] != UNCLASSIFIED
        and g["unit"] != "percent"
        and _CHANGE_TO.fullmatch(text, num.end, nxt.start)
    ):
        f["indicator"] = g["indicator"]


def _part_of_next(text: str, sent, num: _Num, nxt: _Num, lo: int, low) -> None:
    """A count whose own words are "of the" and the figure right after it counts what that
    whole counts (its owner stays its own), the whole's words read with those before the
    part ("agreements ... with nine of the ten ASEAN member states")."""
    g = nxt.fact
    if not (
        g
        and not g.get("derived_from")
        and g["unit"] == num.fact["unit"] == "count"
        and _PARTITIVE_NUMBER.fullmatch(text, num.end, nxt.start)
    ):
        return
    got = g["indicator"]
    if got == UNCLASSIFIED:
        # (the whole itself keeps its own reading: "the ten ASEAN member states" are members,
        # not the countries with agreements)
        stop = _CLAUSE_STOP.search(text, nxt.end, sent.end)
        end = stop.start() if stop else sent.end
        got = _classify_span(text, "count", (lo, num.start), (nxt.end, end), sent, low)
    if got:
        num.fact["indicator"] = got


def _take(f: dict, g: dict, definition: bool = False) -> None:
    f["indicator"] = g["indicator"]
    if definition:
        f["scope"], f["actor"] = g["scope"], g["actor"]


# "were 2,050 and 2,700 respectively", "accounted for 310 and 275 of these, respectively":
# a list of figures with no nouns of their own, paired in order with figures named before
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
_LIST_FIGURE = re.compile(r"[^\d,;.]*?\d[\d.,]*\d?(?:\s+(?:million|billion|bn|mln))?", re.I)
_RESPECTIVELY = re.compile(
    r"(?:\s+(?:of\s+(?:these|them|those|the\s+total)|in\s+\d{4}))?\s*,?\s*respectively\b", re.I
)
# ... or the list's figures placed, one name each, before "respectively" ("of whom 96,000,
# 21,000 and 14,000 had gone to the United States, Japan and Germany respectively"): people
# where they went or are, with no noun of their own
_NAMES = r"(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?:of\s+)?(?-i:[A-Z])[\w.'’-]*)*"
_PART_LEAD = re.compile(
    r"\b(?:of|among)\s+(?:whom|which|them|these|those)\s*,?\s*"
    r"(?:(?:some|about|around|over|nearly|almost|more\s+than)\s+)?$",
    re.I,
)
_PLACED_RESPECTIVELY = re.compile(
    r"\s+(?:(?:had|have|has|were|was|are|is)\s+)?(?:(?:now|still|already)\s+)?"
    r"(?:(?:gone|went|been\s+sent|sent|come|came|studying|working|enrolled|based)\s+)?"
    rf"(?:to|in|at|from)\s+{_NAMES}(?:\s*,\s*(?:and\s+)?{_NAMES}|\s+and\s+{_NAMES})+"
    r"\s*,?\s*respectively\b"
)


def _respectively(text, sent, num, earlier, recent, prev_start) -> bool:
    """A figure in a list ending "respectively" with no nouns of its own counts what the
    figure in the same place of the list of figures of its unit before it counts (in its
    sentence, else the sentence before); with fewer figures before, what the last counts
    ("followed with US$9.36 billion and US$8.11 billion respectively"). True when taken."""
    if text.find("respectively", num.end, sent.end) < 0:
        return False
    f = num.fact
    tail, at = 0, num.end
    while True:  # the list's figures after this one
        m = _RESPECTIVELY.match(text, at, sent.end)
        placed = m is None and _PLACED_RESPECTIVELY.match(text, at, sent.end) is not None
        if m is not None or placed:
            break
        j = _LIST_JOIN.match(text, at, sent.end)
        g = _LIST_FIGURE.match(text, j.end(), min(sent.end, j.end() + 24)) if j else None
        if g is None or tail > 4:
            return False
        tail, at = tail + 1, g.end()
    head, first = 0, num  # the list's figures before it
    for n in reversed(earlier):
        if not (n.fact and n.fact["unit"] == f["unit"]):
            break
        if not _LIST_JOIN.fullmatch(text, n.end, first.start):
            break
        head, first = head + 1, n
    if head + tail == 0:
        return False
    if placed and not _PART_LEAD.search(text, max(sent.start, first.start - 30), first.start):
        return False  # (placed figures are lines of a whole only as its part: "of whom")
    size = head + tail + 1
    before = [
        n.fact
        for n in earlier[: len(earlier) - head]
        if n.fact and n.fact["unit"] == f["unit"] and not n.fact.get("derived_from")
    ]
    if not before:
        before = [
            g
            for g in recent
            if prev_start <= g["start"] < sent.start
            and g["unit"] == f["unit"]
            and not g.get("derived_from")
        ]
    if not before:
        return False
    g = before[len(before) - size + head] if len(before) >= size else before[-1]
    if g["indicator"] == UNCLASSIFIED:
        return False
    f["indicator"] = g["indicator"]
    return True


# "17.2 percent of the national total of US$32.7 billion", "4.4 percent of the national
# total of 623,000": the whole a share is of, its figure told after it
_NATIONAL_TOTAL_OF = re.compile(
    r"\b(?:out\s+)?of\s+(?:the|a|an)\s+(?:national|nation['’]s|country['’]s|"
    r"whole\s+country['’]s|China['’]s)\s+total\s+of\s+"
    r"(?:(?:some|about|around|roughly|nearly|almost|over|more\s+than|approximately)\s+)?$",
    re.I,
)


def _whole_of_share(text: str, num: _Num, earlier: list[_Num]) -> bool:
    """A figure right after a share's "of the national total of" is the nation's whole of
    what the share counts: its indicator, and the measure of the part the share is of (the
    province's count or sum before it). True when taken."""
    f = num.fact
    if not earlier or not _NATIONAL_TOTAL_OF.search(text, earlier[-1].end, num.start):
        return False
    share = earlier[-1].fact
    if not share or share["unit"] not in ("percent", "fraction"):
        return False
    if share["indicator"] == UNCLASSIFIED or _CLAUSE_STOP.search(text, earlier[-1].end, num.start):
        return False
    f["indicator"], f["scope"], f["actor"] = share["indicator"], "national", ""
    part = next(
        (
            n.fact
            for n in reversed(earlier[:-1])
            if n.fact
            and n.fact["unit"] == f["unit"]
            and n.fact["indicator"] == share["indicator"]
            and not n.fact.get("derived_from")
        ),
        None,
    )
    if part is not None and part["measure"] in ("level", "annual", "cumulative"):
        f["measure"] = part["measure"]
    else:
        f["measure"] = indicator_lexicon().measures.get(f["indicator"], "level")
    return True


# a part told by who pays for it, in the clause's predicate: "467,600 of them had paid their
# own way", "went abroad at their own expense"
_OWN_WAY = re.compile(
    r"\b(?:paid|pay|pays|paying)\s+(?:their|his|her)\s+own\s+way\b|"
    r"\bat\s+(?:their|his|her)\s+own\s+expense\b",
    re.I,
)
_CLAUSE_OPENING_STOP = re.compile(r"[,;:(]")


def _funded_part(text: str, sent, num: _Num, end: int) -> bool:
    """True when a figure with no noun of its own is a part of a population told by who
    pays for it (indicators.yaml ``subgroups``, or "paid their own way"), in its own clause
    after it ("Of the returnees, 22,700 had been state-sponsored", "467,600 of them had paid
    their own way") or in its clause's subject before it ("self-financed students made up
    90.06 percent of the total"): a subgroup, no line of the whole before it."""
    sub = indicator_lexicon().subgroup
    stops = list(_CLAUSE_OPENING_STOP.finditer(text, sent.start, num.start))
    opening = stops[-1].end() if stops else sent.start
    for a, b in ((num.end, end), (opening, num.start)):
        if (sub is not None and sub.search(text, a, b)) or _OWN_WAY.search(text, a, b):
            return True
    return False


# "spent £4.2 million on ..., of which roughly one third went to ...", "4.6 million yuan, of
# which 1.8 million yuan came from ...", "RMB 63.5 million, including EUR 2.4m from ...": a
# part of the sum just named (its own clause, no figure between)
_PART_OF_SUM_GAP = re.compile(
    r"[^.;:,\d]*,\s*(?:of\s+which|including)\s+"
    r"(?:(?:some|about|around|roughly|nearly|almost|over|only|just|more\s+than|less\s+than)\s+)?",
    re.I,
)


def _part_of_sum(text: str, num: _Num, earlier: list[_Num]) -> bool:
    """A sum or share told after ", of which" or ", including" right after a sum counts what
    that sum counts ("£4.2 million on technical co-operation with China, of which roughly one
    third went to agriculture"). True when taken."""
    if not earlier or earlier[-1].fact is None:
        return False
    g = earlier[-1].fact
    if not is_money(g["unit"]) or g["indicator"] == UNCLASSIFIED or g.get("derived_from"):
        return False
    lo = max(earlier[-1].end, g["end"])
    if lo > num.start or _PART_OF_SUM_GAP.fullmatch(text, lo, num.start) is None:
        return False
    num.fact["indicator"] = g["indicator"]
    return True


def _refer(text, sent, num, earlier, recent, prev_first, prev_start, low, reach) -> None:
    """``reach``: (the start of the sentences an antecedent is looked for in, the start of
    the next figure of the sentence or its end)."""
    f = num.fact
    unit = f["unit"]
    lo = earlier[-1].end if earlier else sent.start
    stop = _CLAUSE_STOP.search(text, num.end, sent.end)
    clause_end = stop.start() if stop else sent.end
    own_end = min(clause_end, reach[1])  # its own clause, before the next figure
    if unit not in ("percent", "fraction", "multiple") and _respectively(
        text, sent, num, earlier, recent, prev_start
    ):
        return
    if unit not in ("percent", "fraction", "multiple") and _whole_of_share(text, num, earlier):
        return
    if _funded_part(text, sent, num, own_end):
        return
    if (is_money(unit) or unit in ("percent", "fraction")) and _part_of_sum(text, num, earlier):
        return
    if unit in ("percent", "fraction"):
        figures = [
            n.fact for n in earlier if n.fact and n.fact["unit"] not in ("percent", "fraction")
        ]
        shares = [n.fact for n in earlier if n.fact and n.fact["unit"] in ("percent", "fraction")]
        moved = f["measure"] == "change" or _CHANGE_OF.search(text, lo, num.start) is not None
        if moved and figures and figures[-1]["indicator"] != UNCLASSIFIED:
            g = figures[-1]  # "US$ 13.86 billion last year, up 3.9 percent on 2003"
            _take(f, g, definition=True)
            # its date is not a comparison base's: "95 in 1989, compared with 140 in 1988, a
            # fall of 32 per cent" is 1989's change
            g = next(
                (
                    h
                    for h in reversed(figures)
                    if not _COMPARED_BASE.search(text, max(sent.start, h["start"] - 40), h["start"])
                ),
                g,
            )
            f["year"], f["year_basis"] = g["year"], g["year_basis"]
            f["period_start"], f["period_end"] = g["period_start"], g["period_end"]
            return
        if _share_of_opening(text, sent, earlier, num):
            # "Of the 9,000 students who went abroad in 2003, 24 percent chose Europe"
            f["indicator"] = earlier[0].fact["indicator"]
            return
        g = figures[-1] if figures else None
        if g and g["indicator"] != UNCLASSIFIED and _apposed_share(text, g, num, own_end):
            # "4,000 have come back, 31 percent of those who went": the figure it is apposed to
            f["indicator"] = g["indicator"]
            return
        if g and g["indicator"] != UNCLASSIFIED and _apposed_part(text, g, num, own_end):
            # "reached 26 million yuan, about 11 percent of its research income": the same
            # figure as a part of a whole
            f["indicator"] = g["indicator"]
            return
        if (
            not earlier
            and prev_first
            and _THAT_IS.fullmatch(text, sent.start, num.start)
            and _OF_A_WHOLE.match(text, num.end, max(own_end, num.end))
        ):
            # "... counted 369,548 Chinese students. That's 33.7 percent of all international
            # students in the country.": the figure of the sentence before, as a share
            g = prev_first[0]
            if g["indicator"] != UNCLASSIFIED and g["unit"] not in ("percent", "fraction"):
                f["indicator"] = g["indicator"]
                return
        if f["measure"] == "share" or _MADE_UP.search(text, lo, num.start):
            # ("make up 30 percent" is no move up: a share, whatever its measure was read as)
            # "Technology imports accounted for 4.6 percent", "such contracts made up 18
            # percent of the total": the subject of the verb of making up is what it is a share of
            acc = _MADE_UP.search(text, lo, num.start)
            if acc is not None and _PRONOUN_SUBJECT.fullmatch(text, lo, acc.start()):
                # "They now account for 23 per cent of all ...": what "they" counted, the
                # first figure of the sentence before
                g = prev_first[0] if prev_first else None
                if g is not None and g["indicator"] != UNCLASSIFIED:
                    f["indicator"] = g["indicator"]
                    return
            if acc is not None and _OF_TOTAL.match(text, num.end, clause_end):
                got = _subject_indicator(text, sent, acc.start(), earlier, recent, reach[0], low)
                if got:
                    f["indicator"] = got
                    return
            # "supplied 38 percent of this", "14.5 percent of this sum came from ...": a share
            # of the figure just named (in its sentence, else the sentence before)
            if _OF_THIS.match(text, num.end, clause_end):
                g = figures[-1] if figures else _antecedent_any(recent, reach[0])
                if g is not None and g["indicator"] != UNCLASSIFIED:
                    f["indicator"] = g["indicator"]
                    return
            of_value = _SHARE_OF_VALUE.match(text, num.end, clause_end)
            if not of_value and shares and shares[-1]["indicator"] != UNCLASSIFIED:
                _take(f, shares[-1], definition=True)  # "..., Japan for 24.5 percent"
                return
            named = of_value and _VALUE_OF_WHOLE.match(text, of_value.end(), clause_end)
            got = _whole_named(text, named.end(), own_end, sent, low) if named else None
            if got:
                # "accounted for 12 percent of the value of China's technology import
                # contracts": the whole its own words name, before any sum told earlier
                f["indicator"] = got
                return
            if of_value:
                # (the sum of its own sentence first: "were worth US$13.1 billion, 41 percent
                # of the total")
                money = [n.fact for n in earlier if n.fact and is_money(n.fact["unit"])]
                money = money or [g for g in recent if is_money(g["unit"])]
                if money:
                    _take(f, money[-1])
                    if f["scope"] == "foreign" and _ACCOUNTED.search(text, lo, num.start):
                        f["scope"], f["actor"] = "national", ""  # a source's share of China's
                    return
            if figures and _share_of_part(text, num, figures[-1], recent, lo, clause_end):
                return
            if figures and _share_turned(text, num, figures[-1], own_end):
                return
            # "sent 1,540 students abroad, 38 percent of them to Germany": a line of the
            # figure before by place, or nothing more, counts what it counts
            g = figures[-1] if figures else None
            if g and g["indicator"] != UNCLASSIFIED and _OF_THEM_LINE.match(text, num.end, own_end):
                f["indicator"] = g["indicator"]
                return
            # "The dispatch of some 2,700 scholars ... . Roughly 40 per cent of them went to
            # the United States": a line by host of the figure the sentence before opens with
            if not figures and prev_first and _placed_part(text, num.end, own_end):
                g = prev_first[0]
                if g["indicator"] != UNCLASSIFIED and g["unit"] not in ("percent", "fraction"):
                    f["indicator"] = g["indicator"]
                    _host_actor(text, f, num.end, own_end)
                    return
            # "About 60 percent of last year's contracts were ...": the noun it is "of", when
            # the share is its clause's subject (the object of "received 40 percent of the
            # students" is the receiver's share)
            opening = max(sent.start, text.rfind(",", sent.start, num.start) + 1)
            line = text.rfind("\n", sent.start, num.start) + 1
            if line > opening and _BULLET_LINE.match(text, line, num.start):
                opening = line  # "- 43% of projects with partners in Europe": an item's subject
            subject = _SUBJECT_LEAD.fullmatch(text, opening, num.start)
            # (its own words: up to the next figure, "Half of CAS institutes are headed by 219
            # returned students")
            whole = _OF_NOUN.match(text, num.end, own_end) if subject else None
            if whole is not None and _AMONG_THEM.search(text, whole.end(), own_end):
                whole = None  # "of the doctoral students among them": a part of a part
            head = _HEAD_NOUN.match(text, whole.end(), own_end) if whole else None
            if head is not None and head.group(1).lower() not in _NOT_HEADS:
                got = _phrase_or_head(
                    text, whole.end(), own_end, earlier, recent, reach[0], prev_start, sent, low
                )
                if got:
                    f["indicator"] = got
                    return
            # "Guangdong accounted for 21 percent of the nation's technology import value": a
            # part's line of a whole its own words name (a count or a sum) counts that whole
            # ("Japan supplied 40 per cent of the technology bought", "the province took 13
            # per cent of the nation's technology imports by value": a part's verb of holding)
            if not subject and (
                _MADE_UP.search(text, lo, num.start) or _HELD_SHARE.search(text, lo, num.start)
            ):
                whole = _OF_NOUN.match(text, num.end, own_end)
                got = _whole_named(text, whole.end(), own_end, sent, low) if whole else None
                if got:
                    f["indicator"] = got
                    return
    if unit in ("percent", "fraction"):
        # "the value of technology import contracts rose 3.7%": a change of what X is worth
        v = max(_VALUE_OF.finditer(text, lo, num.start), key=lambda x: x.start(), default=None)
        if v is not None and not _CLAUSE_STOP.search(text, v.end(), num.start):
            got = _classify_span(
                text, "USD", (v.end(), num.start), (num.start, num.start), sent, low
            )
            if got:
                f["indicator"] = got
                return
    if unit in ("percent", "fraction", "multiple") and _VALUE_MOVED.search(
        text, max(lo, num.start - 60), num.start
    ):
        # "the number of technology import contracts rose 20.7 percent, and their total value
        # rose 3.0 percent": what the things counted just before are worth
        worth = indicator_lexicon().worth
        got = None
        named = max(
            _TRADED.finditer(text, max(prev_start, num.start - 400), num.start),
            key=lambda x: x.start(),
            default=None,
        )
        if named is not None:
            # the things last named, read as a count's words from their clause's start
            # ("Technology export contracts grew strongly. Their value rose 12.5 percent")
            run = _NOUN_RUN.search(text, max(prev_start, named.start() - 60), named.start())
            opening = run.start() if run else named.start()
            counted = _classify_phrase(text, "count", opening, named.end(), lo, sent, low)
            got = worth.get(counted) if counted else None
        if got:
            f["indicator"] = got
            return
    if not is_money(unit):
        # "the number of X rose by 56.2 percent", "the number of such contracts grew from 465"
        m = max(_NUMBER_OF.finditer(text, lo, num.start), key=lambda x: x.start(), default=None)
        if m is None and unit != "count":
            # "...; that of returned students rose 57.5%": "that" for the number named before
            m = max(_THAT_OF.finditer(text, lo, num.start), key=lambda x: x.start(), default=None)
        if m is None and unit == "count":
            t = max(_TOTAL_OF.finditer(text, lo, num.start), key=lambda x: x.start(), default=None)
            got = _classify_phrase(text, unit, t.end(), num.start, lo, sent, low) if t else None
            if got:
                f["indicator"] = got
                return
            # "which brings our international joint labs to 21": the whole its verb raises
            t = max(_RAISED_TO.finditer(text, lo, num.start), key=lambda x: x.start(), default=None)
            if t is not None and _TO_END.search(text, t.end(), num.start):
                got = _classify_phrase(text, unit, t.end(), num.start, lo, sent, low)
                if got:
                    f["indicator"] = got
                    return
        if m is not None:
            got = _classify_phrase(text, unit, m.end(), num.start, lo, sent, low)
            if got is None:
                got = _expand(text, unit, m.end(), num.start, prev_start, sent, low, m.start())
            if got is None and unit != "count":
                # "The number of contracts was up 12 percent": the change of a count of the
                # things it names, as named before
                got = _phrase_or_head(
                    text, m.end(), num.start, earlier, recent, reach[0], prev_start, sent, low
                )
            if got:
                f["indicator"] = got
                return
            if unit == "count" and not _CLAUSE_STOP.search(text, m.end(), num.start):
                # "The number of visitors reached 5,000": it counts what it names ("the
                # number of such contracts jumped from 330": contracts of a trade told before)
                _bare_contract_count(text, num, own_end, earlier, recent, reach[0], lo)
                return
        if unit == "count":
            them = _OF_THEM.match(text, num.end)
            if them and _REDUCED_PASSIVE.match(text, them.end(), own_end):
                return  # "84 projects ..., 23 of them designated as key projects": a subgroup
            if them and not earlier and _NOTHING_MORE.match(text, them.end(), own_end):
                # "680 foreign experts were invited ... Shanghai alone engaged 120 of them.":
                # a part of the figure of the sentence before
                g = _antecedent([], recent, unit, prev_start)
                if g is not None and g["indicator"] != UNCLASSIFIED:
                    f["indicator"] = g["indicator"]
                    return
            if them and earlier:
                g = earlier[-1].fact  # "with 152 countries ..., and with 96 of them"
                if g and g["end"] > g["start"]:
                    got = _classify_span(
                        text, unit, (lo, num.start), (earlier[-1].end, g["end"]), sent, low
                    )
                    if got:
                        f["indicator"] = got
                        return
            if earlier and _gapped(text, num, earlier, lo, own_end, sent, low):
                return
            if earlier and (
                _breakdown(text, num, earlier, own_end) or _gapped_name(text, num, earlier, own_end)
            ):
                return
            if _largest_line(text, sent, num, earlier, recent, reach[0], lo, low):
                return
            got = _expand(text, unit, num.end, clause_end, prev_start, sent, low, num.start)
            if got:
                f["indicator"] = got
                return
            if _bare_contract_count(text, num, clause_end, earlier, recent, reach[0], lo):
                return
            if _ellipsis(text, sent, num, earlier, prev_first, clause_end, recent, prev_start):
                return
            if _compared(text, sent, num, earlier, own_end, recent, reach[0]):
                return
            if _no_noun(text, sent, num, earlier, recent, reach[0], own_end, prev_start, low):
                return
            if _it_does(text, sent, num, lo, own_end, prev_start, low):
                return
            if (
                prev_first
                and not any(n.fact and n.fact["unit"] == unit for n in earlier)
                and _NO_NOUN.match(text, num.end, sent.end)
                and prev_first[0]["unit"] == unit
                and prev_first[0]["indicator"] != UNCLASSIFIED
                and not _counted_subject(text, lo, num.start)
            ):
                # "In 1985 there were fewer than 50.": the first count of the sentence before,
                # when its own sentence holds none ("... had only 12 partner institutes; today
                # it has 48" is no count of the sentence before)
                f["indicator"] = prev_first[0]["indicator"]
        return
    # (its own "imports from" first: "... reached US$3.4 billion, while imports from the bloc
    # stood at US$1.7 billion" is no gapped line of the exports)
    if _bare_trade(text, num, lo, reach[0]):
        return
    if earlier and _gapped_name(text, num, earlier, own_end):
        return
    if _bare_contracts(text, num, lo, earlier, recent, reach[0]):
        return
    if _sum_made_up(text, sent, num, earlier, recent, reach[0], own_end, low):
        return
    # money: "spent RMB 1.5 billion on ..., up from RMB 1.1 billion in 2017": a base
    if earlier and _compared(text, sent, num, earlier, own_end):
        return
    # money: "and the Department of Energy a further $1.1 million": the sum before it
    if _ANOTHER.search(text, max(sent.start, num.start - 40), num.start):
        money = [n.fact for n in earlier if n.fact and is_money(n.fact["unit"])]
        if money and money[-1]["indicator"] != UNCLASSIFIED:
            f["indicator"] = money[-1]["indicator"]
            return
    # "127 of the contracts signed in 1986, worth 690 million dollars": what the things
    # counted just before are worth (indicators.yaml ``worth``)
    # ("accounted for 99 contracts and USD 560 million of these": the sum joined to the count)
    joined = (
        earlier
        and earlier[-1].fact
        and earlier[-1].fact["unit"] == "count"
        and _JOINED_SUM.fullmatch(text, earlier[-1].end, num.start)
    )
    if (
        joined
        or _WORTH.search(text, max(sent.start, num.start - 40), num.start)
        or _THEIR_VALUE.search(text, max(sent.start, num.start - 60), num.start)
    ):
        counts = [n.fact for n in earlier if n.fact and n.fact["unit"] == "count"]
        if counts:
            worth = indicator_lexicon().worth.get(counts[-1]["indicator"])
            if worth:
                f["indicator"] = worth
                return
    # money: "Of that sum, 70 million euros": part of the money figure before
    if _OF_SUM.search(text, max(sent.start, num.start - 40), num.start):
        money = [g for g in recent if g["unit"] == unit]
        if money:
            _take(f, money[-1], definition=True)  # a part of that sum: its owner's
            return
    # "Of the EUR 11.6 million, NSFC contributed EUR 5.9 million": a part of the sum the
    # sentence opens with (as it was read where it was first given)
    if earlier and earlier[0].fact and earlier[0].fact["unit"] == unit:
        whole = earlier[0].fact
        if _OF_NAMED_SUM.fullmatch(text, sent.start, earlier[0].start) and _CLAUSE_STOP.search(
            text, earlier[0].end, num.start
        ):
            same = [
                g
                for g in [whole, *reversed(recent)]
                if g["unit"] == unit
                and g["value"] == whole["value"]
                and g["indicator"] != UNCLASSIFIED
            ]
            if same:
                f["indicator"] = same[0]["indicator"]
                return
    # "Their contract value went from ...": read the sentence before as well
    if _ANAPHOR.search(text, sent.start, num.start):
        got = _classify_span(text, unit, (prev_start, num.start), (num.end, clause_end), sent, low)
        if got:
            f["indicator"] = got
            return
    # "Q: How much does the academy spend on international cooperation? A: We spent 540
    # million yuan on it": what "it" stands for, in the sentence before
    if prev_start < sent.start and _ON_IT.match(text, num.end, clause_end):
        got, _end = _classify(
            text, unit, (prev_start, num.start), (num.end, clause_end), (prev_start, sent.end), low
        )
        if got != UNCLASSIFIED:
            f["indicator"] = got
            return
    _it_does(text, sent, num, lo, own_end, prev_start, low)


def _counted_subject(text: str, lo: int, at: int) -> bool:
    """Whether the clause before a figure opens with a subject of its own and a verb of
    counting ("The attachés who staff them number 112"): the figure is that subject's."""
    return bool(
        _COUNTED_SUBJECT.search(text, lo, at) or _COUNTED_SUBJECT_OPENING.match(text, lo, at)
    )


def _it_does(text, sent, num, lo, end, prev_start, low) -> bool:
    """A clause whose subject is "it" ("The Thousand Talents Plan began in 2008. Officials
    say it has recruited 7,000 people") reads the sentence before as what "it" is, or, after
    a clause of its own sentence ("..., and it has sent 300 since 2000"), that clause."""
    it = _IT_DOES.search(text, max(sent.start, num.start - 60), num.start)
    if it is None:
        return False
    # ("... the centre had only 12 partner institutes; today it has 48": "it" after a clause
    # of its own sentence is that clause's subject, read in it, not the sentence before)
    context = (
        (sent.start, it.start()) if _CLAUSE_BEFORE.search(text, sent.start, it.start()) else None
    )
    if context is None and prev_start < sent.start:
        context = (prev_start, sent.end)
    if context is not None:
        f = num.fact
        got, _end = _classify(text, f["unit"], (lo, num.start), (num.end, end), context, low)
        if got != UNCLASSIFIED:
            f["indicator"] = got
            return True
    return False


# a clause ended before "it" in its sentence ("...; today it has 48", "..., and it now has")
_CLAUSE_BEFORE = re.compile(r"[;:]\s*|,\s+(?:and|but|while|whereas)\s+")
_IT_DOES = re.compile(
    r"\b(?-i:it|It)\s+(?:(?:has|had|have|will|would)\s+)?(?:(?:also|already|now|so\s+far)\s+)?"
    r"[a-z]+\s+(?:(?:in|back|out|up)\s+)?(?:(?:some|about|around|over|nearly|almost|(?:fewer|more|less)\s+than)\s+)?$",
    re.I,
)


# a count whose noun is left out after its own preposition: "agreements with 47 countries
# and relations with 106"
# (its year may end it: "300 joint laboratories by 2015 and 500 by 2020", "with 40
# countries in 1990 and with 96 in 2005")
_GAP_TAIL = re.compile(
    r"\s*(?:(?:in|by|until|before)\s+(?:the\s+end\s+of\s+)?\d{4}|"
    r"(?:a|each|every|this|next|last)\s+year)?\s*[.!?]?\s*$",
    re.I,
)
_GAP_LEAD = re.compile(
    r"\b(?:with|in|to|from|and)\s+(?:(?:some|about|around|over|nearly|almost|"
    r"(?:more|fewer|less)\s+than)\s+)?$",
    re.I,
)


def _gapped(text, num, earlier, lo, end, sent, low) -> bool:
    """ "has agreements with 47 countries and relations with 106": a count with nothing after
    it in its clause but its year ("... by 2015 and 500 by 2020"), after a preposition or
    "and", counts the noun of the count before it in its sentence, read with its own words
    before it. True when the figure took an indicator."""
    f = num.fact
    g = earlier[-1].fact
    if not g or g["unit"] != f["unit"] or g["end"] <= earlier[-1].end:
        return False
    if not _GAP_TAIL.match(text, num.end, end) or not _GAP_LEAD.search(text, lo, num.start):
        return False
    got = _classify_span(text, f["unit"], (lo, num.start), (earlier[-1].end, g["end"]), sent, low)
    if got:
        f["indicator"] = got
    return got is not None


# ------------------------------------------- breakdowns and gapping: a figure by place or name
# "... sent to study in 28 countries, among them about 500 in the United States, 180 in
# Britain and 150 in the Federal Republic of Germany": a count whose own words are only the
# place it is in (after a list lead) is a line of the count it breaks down
_QUALIFIED = r"(?:(?:some|about|around|over|nearly|almost|(?:fewer|more|less)\s+than)\s+)?"
_NAME = r"(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?:of\s+)?(?-i:[A-Z])[\w.'’-]*)*"
# (a question's or a footnote's mark may end it: "and some 6,000 in the Federal Republic of
# Germany?", "... in the Federal Republic of Germany.4")
_BY_PLACE = re.compile(
    rf"\s+(?:in|to|at|for)\s+(?P<place>{_NAME})(?:\s*(?:[,;:.?!)]\s*)?(?:\[?\d{{1,2}}\]?\s*)?"
    r"(?:(?:and|or)\s*)?$|[.?!]\[?\d{1,2}\]?\s+(?-i:[A-Z]))"
)
_BREAKDOWN_LEAD = re.compile(
    # (the place may end in common words: "in EU member states, among them")
    rf"\s*,?(?:\s+[a-z]+)?(?:\s+(?:in|to|at|for)\s+{_NAME}(?:\s+[a-z]+){{0,2}})?"
    r"(?:\s+(?:at\s+present|now|today|currently|so\s+far))?\s*[,;:]?\s*"
    r"(?:(?:and|or|followed\s+by|against)\s+)?"
    r"(?:(?:among|including|of)\s+(?:them|these|those|whom|which)\s*[,:]?\s*|including\s+)?"
    + _QUALIFIED
    + "$",
    re.I,
)
# "Japan hosts about 2,500 and West Germany about 1,800", "followed by West Germany with $640
# million", "..., West Germany (US$190 million)": a name standing for its own clause whose
# figure has no words of its own is read as the figure before it
_GAP_NAME = re.compile(
    r"\s*[,;]?\s*(?:(?:and|while|whereas|but|followed\s+by|then|ahead\s+of|behind)\s+)?"
    + _NAME
    + r"\s*(?:\(|,|with\s+|at\s+|hosts?\s+|has\s+|had\s+)?\s*"
    + _QUALIFIED
    + "$"
)
# ("...; Japan hosts about 2,500": a clause of a name and a verb of having, its noun left out)
_HOSTS_LEAD = re.compile(
    r"[,;:]\s*(?:(?:and|while|whereas|but)\s+)?"
    + _NAME
    + r"\s+(?:alone\s+)?(?:hosts?|hosted|has|had|took|takes|received|receives?)\s+"
    + _QUALIFIED
    + "$"
)
_WIDE_BLANK = re.compile(r"[^\S\n]{3,}")
_EMPTY = re.compile(r"\s*\)?\s*(?:[,;:.]|(?:and|or|while|but|whereas)\b|$)")


def _line_of(earlier: list[_Num], unit: str) -> dict | None:
    """The nearest classified figure of ``unit`` before, in the sentence, that is no count of
    places (the 28 countries students went to hold them, they do not stand in one)."""
    for n in reversed(earlier):
        g = n.fact
        if g and not g.get("derived_from") and g["unit"] == unit:
            if g["indicator"] != UNCLASSIFIED and not _PLACES.search(g.get("counted") or ""):
                return g
    return None


def _breakdown(text, num, earlier, end) -> bool:
    """ "among them about 500 in the United States, 180 in Britain": a count whose own words
    are only a place, after a list lead, counts what the figure it breaks down counts."""
    f = num.fact
    prev = earlier[-1]
    lo = max(prev.end, prev.fact["end"] if prev.fact else prev.end)
    if lo > num.start or not _BREAKDOWN_LEAD.fullmatch(text, lo, num.start):
        return False
    if _WIDE_BLANK.search(text, prev.end, num.end):
        return False  # the cells of a table's rows are no clauses
    place = _BY_PLACE.match(text, num.end, end)
    if place is None:
        return False
    g = _line_of(earlier, f["unit"])
    if g is None:
        return False
    f["indicator"] = g["indicator"]
    _host_actor(text, f, place.start("place"), place.end("place"))
    return True


def _host_actor(text: str, f: dict, start: int, end: int) -> None:
    """A line of the nation's figure by the place its own words name (``text[start:end]``)
    has that place, another country, as its actor (DESIGN.md: a count of Chinese people
    where they are abroad is the host's line; read here as national with the host as actor,
    recorded as foreign at the end of :func:`analysis.extraction.extract_facts`)."""
    if f["scope"] != "national" or f["actor"]:
        return
    for _a, _b, actor, kind in mentions(text, start, end):
        if kind == "foreign":
            f["actor"] = actor
        return


# "the largest group of Chinese students, some 6,000, was in the United States", "THE
# LARGEST NUMBER, SOME 4,500, ARE NOW STUDYING IN THE UNITED STATES": the largest line of a
# group by place, the figure in apposition to its head
_LARGEST = re.compile(
    r"\b(?:the\s+)?(?:single\s+)?(?:largest|biggest|greatest)\s+(?:group|number|contingent)"
    r"(?:\s+of\s+(?P<noun>[^,;:()\d]{1,60}?))?\s*,\s*" + _QUALIFIED + "$",
    re.I,
)
_LARGEST_PLACE = re.compile(
    r"\s*,\s*(?:(?:was|were|is|are)\s+(?:(?:now|still|currently|today)\s+)?"
    r"(?:(?:studying|enrolled|based)\s+)?(?:in|at)|"
    r"(?:went|came|(?:have|has|had)\s+(?:gone|come))\s+to)\s+(?:the\s+)?(?-i:[A-Z])",
    re.I,
)


def _host_placed(text: str, at: int, end: int) -> str | None:
    """The other country the words after a figure only place it in ("are now in Japan", in
    a cable's capitals "ARE NOW IN JAPAN"), or None."""
    m = _IN_PLACE_ANY_CASE.match(text, at, end)
    if m is None:
        return None
    place = m.end() - 1
    if text[place:end].isupper():
        stop = end
        while stop > place and text[stop - 1] in ".!?":
            stop -= 1  # ("JAPAN." would be read as an abbreviation, kept in capitals)
        text = _recased(text, (place, stop))
    found = mentions(text, place, end)
    if found and found[0][3] == "foreign" and found[0][0] < m.end() + 4:
        return found[0][2]
    return None


def _group_abroad(earlier, recent, unit: str) -> dict | None:
    """The group gone abroad a line by host refers to: the nearest figure of ``unit`` before
    (in the sentence, else among the recent ones) of a population that may come back
    (indicators.yaml ``turns``: students abroad), counting no places."""
    abroad = {i for sources, _verb, _to in indicator_lexicon().turns for i in sources}
    for g in [n.fact for n in reversed(earlier) if n.fact] + list(reversed(recent)):
        if g.get("derived_from") or g["unit"] != unit or g["indicator"] not in abroad:
            continue
        if not _PLACES.search(g.get("counted") or ""):
            return g
    return None


def _largest_line(text, sent, num, earlier, recent, back, lo, low) -> bool:
    """A figure in apposition to "the largest group (of X)" whose clause then places it
    abroad counts X, else the group the page counted before (no count of places, nor of
    those come back, who are no longer abroad). True when taken."""
    f = num.fact
    head = _LARGEST.search(text, max(lo, num.start - 100), num.start)
    if head is None or not _LARGEST_PLACE.match(text, num.end, sent.end):
        return False
    got = None
    if head.group("noun"):
        got = _classify_phrase(text, f["unit"], head.start("noun"), head.end("noun"), lo, sent, low)
    else:
        g = _group_abroad(earlier, recent, f["unit"])
        got = g["indicator"] if g is not None else None
    if not got:
        return False
    f["indicator"] = got
    _host_actor(text, f, num.end, sent.end)
    return True


def _gapped_name(text, num, earlier, end) -> bool:
    """ "Japan hosts about 2,500 and West Germany about 1,800": a figure with no words of its
    own after a name (its clause's verb and noun left out) counts what the figure before it
    does."""
    f = num.fact
    prev = earlier[-1]
    g = prev.fact
    if not g or g.get("derived_from") or g["unit"] != f["unit"] or g["indicator"] == UNCLASSIFIED:
        return False
    lo = max(prev.end, g["end"])
    if lo > num.start or not _EMPTY.match(text, num.end, max(num.end, end)):
        return False
    if _WIDE_BLANK.search(text, prev.end, num.end):
        return False  # the cells of a table's rows are no clauses
    if not _GAP_NAME.fullmatch(text, lo, num.start):
        if not _HOSTS_LEAD.search(text, prev.end, num.start):
            return False
        g = _line_of(earlier, f["unit"]) or g
    f["indicator"] = g["indicator"]
    return True


# "Japan remained the biggest supplier, with contracts worth $810 million", "Contracts with
# the United States ... fell to $290 million": a sum of contracts the page named before
_BARE_CONTRACTS = re.compile(
    r"(?<![\w-])(?<!import\s)(?<!export\s)(?<!technology\s)(?:[Cc]ontracts|deals)\b"
    r"(?!\s+(?:to|for)\b(?!\s+(?:technology|know-how)\b))[^.;]{0,120}$"
)


def _bare_contracts(text, num, lo, earlier, recent, back) -> bool:
    """A money figure whose clause names bare "contracts" (no words of what they are for)
    is what the contracts the page counted before are worth (indicators.yaml ``worth``),
    else the contracts of the trade its sentence or paragraph speaks of."""
    f = num.fact
    start = max(lo, text.rfind(".", 0, num.start) + 1)
    if not _BARE_CONTRACTS.search(text, start, num.start):
        return False
    lex = indicator_lexicon()
    # (the nearest first: this sentence's figures stand after the sentences' before it)
    facts = [g for g in recent if g["start"] >= back] + [n.fact for n in earlier if n.fact]
    for g in reversed(facts):
        got = g["indicator"]
        if got in lex.worth:
            f["indicator"] = lex.worth[got]
            return True
        if got in lex.counted_by:
            f["indicator"] = got
            return True
    got = _trade_topic(text, num, back)
    if got:
        f["indicator"] = lex.worth[got]
        return True
    return False


# bare "imports" or "exports" with their partner, no goods named: "Imports from the Republic
# of Korea rose by 41.6% to US$1.12 billion", "while imports from the bloc stood at US$1.7
# billion" (not "imports of grain")
_BARE_TRADE = re.compile(
    r"(?<![\w-])(?P<tech>[Tt]echnolog(?:y|ical)\s+)?(?P<trade>[Ii]mports?|[Ee]xports?)\s+"
    r"(?:from|to)\s+"
)
_TRADE_REST = re.compile(r"(?:[^.;]|\.(?=\d)){0,80}")


def _bare_trade(text, num, lo, back) -> bool:
    """A money figure whose clause names bare "imports from" or "exports to" a partner is
    the value of technology imports or exports when its sentence or paragraph speaks of a
    technology trade (indicators.yaml ``worth`` ``topic``). True when taken."""
    if not is_money(num.fact["unit"]):
        return False
    # (from the sentence's start: "Imports from X rose by 41.6% to US$1.12 billion")
    start = max(back, text.rfind(". ", 0, num.start) + 1, text.rfind("\n\n", 0, num.start) + 1)
    m = None
    for hit in _BARE_TRADE.finditer(text, start, num.start):
        # (the nearest: "exports to X reached ..., while imports from X stood at")
        if _TRADE_REST.fullmatch(text, hit.end(), num.start):
            m = hit
    if m is None:
        return False
    if m["tech"]:
        # ("Technology imports from the Republic of Korea rose by 41 percent to US$1.02
        # billion": the subject names its trade)
        num.fact["indicator"] = (
            "tech_import_value" if m["trade"][0] in "Ii" else "tech_export_value"
        )
        return True
    # (the trade its paragraph speaks of, else the sentences before it: a section's lead,
    # "I. Technology imports / In 2004 China signed 8,605 technology import contracts ...")
    topics = indicator_lexicon().topics
    if _trade_topic(text, num, back) is None and not any(
        pat.search(text, back, num.start) for pat in topics.values()
    ):
        return False
    num.fact["indicator"] = "tech_import_value" if m["trade"][0] in "Ii" else "tech_export_value"
    return True


# bare "contracts" counted: "37 contracts worth ...", "191 of the contracts", "410 of these
# contracts" (not "contracts to import ...", "contracts for ...": words of what they are for)
_CONTRACTS_AFTER = re.compile(
    r"\s+(?:(?:of\s+)?(?:the|these|those|such)\s+)?(?:contracts|deals)\b(?!\s+(?:to|for|on)\b)"
)
# ... or named before a number with no noun of its own ("Contracts signed by units in Shanghai
# numbered 68", "the number of such contracts jumped from 330 in 1984")
_CONTRACTS_BEFORE = re.compile(r"\b(?:[Cc]ontracts|deals)\b[^.;:]{0,80}$")
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,;:.)]|(?:in|by)\s+\d{4}\b|to\s+\d|and\b|$)")


def _bare_contract_count(text, num, end, earlier, recent, back, lo=None) -> bool:
    """ "Shanghai signed 37 contracts worth US$164 million": a count of bare "contracts" (no
    words of what they are for) counts the contracts the page counted before (the count of
    indicators.yaml ``worth``, or the count of a sum's contracts), else the contracts of
    the trade its sentence or paragraph speaks of. True when taken."""
    if not _CONTRACTS_AFTER.match(text, num.end, end) and not (
        lo is not None
        and _CONTRACTS_BEFORE.search(text, lo, num.start)
        and _NO_NOUN_AFTER.match(text, num.end, max(end, num.end))
    ):
        return False
    lex = indicator_lexicon()
    # (the nearest first: this sentence's figures stand after the sentences' before it)
    facts = [g for g in recent if g["start"] >= back] + [n.fact for n in earlier if n.fact]
    for g in reversed(facts):
        got = g["indicator"]
        if got in lex.worth:
            num.fact["indicator"] = got
            return True
        if got in lex.counted_by:
            num.fact["indicator"] = lex.counted_by[got]
            return True
    got = _trade_topic(text, num, back)
    if got:
        num.fact["indicator"] = got
        return True
    return False


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)")


def _trade_topic(text: str, num, back: int) -> str | None:
    """The count indicator of the trade (indicators.yaml ``worth`` ``topic``) whose words
    stand nearest before the number, in its sentence or the sentences of its paragraph
    before it (at most ``back``); else in the rest of its sentence."""
    topics = indicator_lexicon().topics
    if not topics:
        return None
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text, back, num.start)]
    start = breaks[-1] if breaks else back
    dot = _SENTENCE_END.search(text, num.end)
    spans = ((start, num.start), (num.end, dot.start() if dot else len(text)))
    for lo, hi in spans:
        best, at = None, -1
        for ind, pat in topics.items():
            for m in pat.finditer(text, lo, hi):
                if (m.start() > at) if lo < num.start else (at < 0 or m.start() < at):
                    best, at = ind, m.start()
        if best:
            return best
    return None


_CAPTION_LINES = 12  # how many lines above a table row its caption may stand


def _captioned(doc, sent, nums: list[_Num], i: int) -> None:
    """ "Table 4.3  Chinese students in selected host countries, 1988" over "Host country
    Number / United States  27,000": a cell of a row whose label names nothing counts what
    the table's caption names (cleaning removed the caption: it is read from the lines it
    removed), turned by the cell's column header (indicators.yaml ``columns``, ``worth``)."""
    captions = [r for r in doc.removed if r.rule == "table_caption"]
    if not captions:
        return
    text, num = doc.text, nums[i]
    f = num.fact
    before = (nums[i - 1].end if i else sent.start, num.start)
    after = (num.end, nums[i + 1].start if i + 1 < len(nums) else sent.end)
    label = _row_label(text, before, after, (sent.start, sent.end))
    if label is None:
        # a row of one cell: "   Japan              9,600" on a line of its own; a row of a
        # series labelled by its year: "1989          328             2,921"
        start = text.rfind("\n", 0, num.start) + 1
        m = _ONE_CELL_ROW.fullmatch(text, start, num.start)
        if m is None:
            m = _YEAR_ROW.fullmatch(text, start, num.start)
        if m is None or not (_LINE_END.match(text, num.end) or m.re is _YEAR_ROW):
            return
        label = m.span(1)
    elif label[1] <= label[0]:
        # (a row whose label is a year, not a word: a row of a series)
        start = text.rfind("\n", 0, num.start) + 1
        m = _YEAR_ROW.fullmatch(text, start, num.start)
        label = m.span(1) if m is not None else label
    if label[1] <= label[0] or _PART_ROW.search(text, *label):
        return
    line = doc.original.count("\n", 0, doc.to_original(num.start)) + 1
    above = [r for r in captions if line - _CAPTION_LINES <= r.line < line]
    if not above:
        return
    cap = _CAPTION_WORDS.sub("", above[-1].text.strip())
    if not cap:
        return
    n = len(cap)
    as_count = _classify(cap, "count", (0, 0), (0, n), (0, n))[0]
    as_money = _classify(cap, "USD", (0, n), (n, n), (0, n))[0]
    lex = indicator_lexicon()
    header = _column_header(text, num.start, num.end) or ""
    money_column = lex.column_money is not None and lex.column_money.search(header)
    if is_money(f["unit"]) or money_column:
        got = as_money if as_money in lex.counted_by else lex.worth.get(as_count)
    else:
        got = as_count if as_count != UNCLASSIFIED else lex.counted_by.get(as_money)
    if got and got != UNCLASSIFIED:
        f["indicator"] = got


_ONE_CELL_ROW = re.compile(r"[^\S\n]*([A-Za-z][^\d\n:;.!?]*?)[^\S\n]{2,}")
_LINE_END = re.compile(r"[^\S\n]*(?:\n|$)")
_YEAR_ROW = re.compile(r"[^\S\n]*((?:19|20)\d\d)(?:[^\S\n]{2,}[\d.,]+)*[^\S\n]{2,}")
_CAPTION_WORDS = re.compile(r"^(?:table|figure|fig\.|chart|graph)\s+[\w.-]+[.:]?\s*", re.I)
_PART_ROW = re.compile(
    r"\b(?:of\s+which|among\s+them|including|total|subtotal|other|sponsored|funded|financed)\b",
    re.I,
)


def _classify_span(text, unit, before, after, sent, low) -> str | None:
    indicator, _end = _classify(text, unit, before, after, (sent.start, sent.end), low)
    return None if indicator == UNCLASSIFIED else indicator


def _classify_phrase(text, unit, start, end, lo, sent, low) -> str | None:
    """The indicator of the noun phrase ``text[start:end]`` read as what a count counts."""
    return _classify_span(
        text, "count" if unit != "count" else unit, (lo, start), (start, end), sent, low
    )


def _ellipsis(text, sent, num, earlier, prev_first, clause_end, recent=(), back=None) -> bool:
    """ "This year we plan to send another 2,000", "13 ... bases, four more than a year
    earlier": a count with no noun after it, after "another" or before "more (than)", counts
    what the count before it does (in its sentence, else the first of the sentence before);
    "N more than" is then a change. True when the figure took an indicator."""
    f = num.fact
    another = _ANOTHER.search(text, max(sent.start, num.start - 40), num.start) is not None
    verb = another and _VERB_NEXT.match(text, num.end, clause_end) is not None
    if not verb and not _NO_NOUN_BUT_MORE.fullmatch(text, num.end, clause_end):
        return False
    more = _MORE_THAN_AFTER.match(text, num.end, clause_end) is not None
    if not more and not another:
        return False
    before = [n.fact for n in earlier if n.fact and n.fact["unit"] == f["unit"]]
    g = before[-1] if before else None
    if g is None and back is not None:
        # the nearest count of the sentence before ("... has agreements in 48 countries and
        # runs 12 joint laboratories. It signed agreements for three more")
        g = _antecedent([], list(recent), f["unit"], back)
    if g is None and prev_first:
        g = prev_first[0]
    if g is None or g["unit"] != f["unit"] or g["indicator"] == UNCLASSIFIED:
        return False
    f["indicator"] = _turned(g["indicator"], text, num.end, clause_end) if verb else g["indicator"]
    if more and f["measure"] in ("level", "annual", "cumulative"):
        f["measure"] = "change"
    return True


# ------------------------------------------------------------ figures with no noun of their own
# A figure whose own noun phrase is empty counts what its antecedent does. The phrase is
# empty when the number stands before a partitive ("30,000 of them", "402 of the contracts"),
# a pro-form ("22 new ones") or its verb ("63,000 have settled there", "the 860 sent in
# 1978"), or after a pro-form of a whole ("bringing the total to 99", "their number reached
# 127") or "of which" ("of which nine have been completed").
_SENTENCES_BACK = 3  # how many sentences back an antecedent in another sentence may stand
_PARTITIVE_THE = re.compile(r"\s+of\s+(?=(?:the|these|those)\s+(?:[a-z]+['’]s\s+)?[a-z]+s\b)", re.I)
# ("27 provincial-level ones": a tier of the same things)
_ONES = re.compile(
    r"\s+(?:(?:new|such|other|more|similar|provincial|municipal|national|local|[a-z]+-level)\s+)?"
    r"ones\b",
    re.I,
)
# (a place may narrow it: "the number in the province"; "the number of X" names its noun)
# (in the perfect too: "by 2008 the number had risen to 97")
_WHOLE_BEFORE = re.compile(
    r"\b(?:the|their|its)\s+(?:total|number)"
    r"(?:\s+(?:in|across|at)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?"
    r"\s+(?:(?:rose|grew|climbed|increased|went\s+up|(?:has|had|have)\s+(?:risen|grown|climbed|"
    r"increased|gone\s+up))\s+)?(?:to|reached|hit|stood\s+at|was|is)\s+$",
    re.I,
)
_OF_WHICH = re.compile(r"\b(?:of|among)\s+(?:which|whom)\s*,?\s*$", re.I)
_A_FIGURE_OF = re.compile(
    r"\b(?:a|the|its|their)\s+(?:(?:lower|higher|smaller|larger|different|own)\s+)?"
    r"(?:figure|estimate)\s+of\s+(?:(?:some|about|around|over|nearly|only)\s+)?$",
    re.I,
)
_FOR_WHEN = re.compile(r"\s+(?:for|in|by|at)\s+(?:the\s+)?(?:same\s+)?(?:\w+\s+)?(?:year|\d{4})\b")
# "Shanghai has 30,000 of them": a place's or body's share of the people named before
_HAS = re.compile(
    r"(?:^|\s)(?:has|have|had|hosts?|hosted|is\s+home\s+to|employ(?:s|ed)?|hire[sd]?|"
    r"receive[sd]?|welcome[sd]?|attract(?:s|ed)?)\s+$"
)
_THE = re.compile(r"(?:^|\s)the\s+$", re.I)
# a part told by the year it fell in, and nothing more ("640 of them in 2012 alone", "386 of
# them last year alone", "including 180 in 2016 alone")
_WHEN_ALONE = re.compile(
    r"\s+(?:(?:in|during)\s+(?:\d{4}|the\s+same\s+year|that\s+year|(?:the\s+)?(?:last|this|"
    r"past)\s+year)|(?:last|this|that|the\s+same|the\s+past)\s+year)(?:\s+alone)?"
    r"\s*(?:[,;:.!?)]|$)",
    re.I,
)
_INCLUDING = re.compile(r"\bincluding\s+(?:(?:some|about|around|over|nearly)\s+)?$", re.I)
_APPOSED = re.compile(r"[^\w]*(?:and\s+)?")  # "with 91 countries, seven of them ..."
_WHEN_WHERE = re.compile(r"\s+(?:at|in|by)\b")  # "their number reached 127 at the end of 2008"
_ADV = r"(?:(?:now|already|also|all|currently|today|so\s+far)\s+)?"
# what follows the empty phrase when it counts its antecedent's things: a perfect ("have
# settled there", "have been completed") or the place they are in ("are now in the United
# States"); after a partitive or pro-form also nothing more, or a name in apposition ("seven
# of them ASEAN Member Countries"); after "the", a participle ("the 860 sent in 1978")
_IN_PLACE = re.compile(
    rf"\s+{_ADV}(?:(?:are|were|is|was)\s+{_ADV}(?:(?:located|based|situated|stationed|working)\s+)?"
    r"|(?:work|works|worked)\s+)"  # "263 work in Zhongguancun": at work in the place
    r"(?:in|at)\s+(?:the\s+)?(?:[A-Z]|(?:country|nation)\b)"
)
# a part sent or gone to a place ("went to the United States", "have been sent to Japan")
_GONE_TO = re.compile(
    rf"\s+{_ADV}(?:(?:have|has|had)\s+{_ADV}(?:been\s+)?|(?:are|were|was|is)\s+)?"
    r"(?:(?:went|gone|go|goes|came|come|sent|travell?ed|headed|moved)\s+to|left\s+for)\s+"
    r"(?:the\s+)?(?-i:[A-Z])"
)
# ... and a line after it with its verb left out ("... and 420 to Britain")
_BARE_PLACE = re.compile(r"\s+(?:to|in)\s+(?:the\s+)?(?-i:[A-Z])")
# the lead of a subgroup of the group before ("Of these, 1,900 ...", "Among them some 300")
_SUBGROUP_LEAD = re.compile(
    r"\b(?:[Oo]f|[Aa]mong)\s+(?:these|them|those)\s*,?\s*(?:[a-z]+\s+){0,2}$"
)
_IN_PLACE_ANY_CASE = re.compile(_IN_PLACE.pattern.replace("[A-Z]", "(?-i:[A-Z])"), re.I)
_PERFECT_OR_PLACE = re.compile(
    rf"\s+{_ADV}(?:have|has|had)\s+{_ADV}(?:been\s+)?(?!(?:a|an|the|no|not|to)\b)[a-z]+|"
    + _IN_PLACE.pattern
)
# what holds places, never stands in one: "sent 33,000 students to 62 countries; about 10,000
# of them are in the United States" (them: the students)
# ("went to the United States" names a place, it counts none)
_PLACES = re.compile(
    r"\b(?<!united\s)(?:countries|regions|nations|cities|provinces|states|areas)\b", re.I
)
# a figure opening a clause of its own after a semicolon or colon
_NEW_CLAUSE = re.compile(r"[^;:]*[;:]\W*")
# ... or where they are or what they are, by name ("18 of them in Africa", "seven of them
# ASEAN member states"): a line of the whole by place
_THEM_PLACED = re.compile(
    r"\s+(?:(?:in|from)\s+(?:the\s+)?)?(?:[A-Z][\w&'’-]*\s*)+"
    r"(?:(?:member\s+)?(?:countries|states|nations|members|economies)\s*)?(?:[,;:.!?)]|$)"
)
_NOTHING_MORE = re.compile(r"\s*(?:[,;:.!?)]|$)|\s+(?:[A-Z][\w&'’-]*\s*)+(?:[,;:.!?)]|$)")
_PARTICIPLE = re.compile(
    r"\s+(?:[a-z]+ed|sent|gone|come|left|chosen|taken|held|built|brought|set\s+up)\s+"
    r"(?:in|by|to|from|since|during|under|abroad|overseas|last|this)\b"
)
# a share of a part of the figure before: "70 percent of the degree students among them"
_PART_OF = re.compile(r"\s*(?:percent|per\s+cent|%)?\s*of\s+(?:them|these|those|the)\b", re.I)


def _turned(indicator: str, text: str, start: int, end: int) -> str:
    """The indicator a figure whose antecedent counts ``indicator`` counts, given its clause
    ``text[start:end]``: another population when its verb makes one (indicators.yaml
    ``turns``: students abroad who "have come back" are returnees), else the same."""
    for sources, verb, to in indicator_lexicon().turns:
        if indicator in sources and verb.search(text, start, end):
            return to
    return indicator


def _antecedent(earlier: list[_Num], recent: list, unit: str, back: int) -> dict | None:
    """The figure a figure with no noun refers to: the nearest figure in ``unit`` before it
    in its sentence, else the last one of the sentences since ``back`` (known or not: a
    reader looks no further)."""
    for n in reversed(earlier):
        g = n.fact
        if g and not g.get("derived_from") and g["unit"] == unit:
            return g
    for g in reversed(recent):
        if g["start"] < back:
            break
        if g["unit"] == unit and not g.get("derived_from"):
            return g
    return None


def _counted_people(earlier: list[_Num]) -> dict | None:
    """The nearest count before in the sentence of what is not a place."""
    for n in reversed(earlier):
        h = n.fact
        if h and not h.get("derived_from") and h["unit"] == "count":
            if not _PLACES.search(h.get("counted") or ""):
                return h
    return None


def _no_noun(text, sent, num, earlier, recent, back, end, prev_start, low) -> bool:
    """A count whose own noun phrase is empty takes what it counts from its antecedent
    (:func:`_antecedent`; after "of the", the noun it names), turned by its verb
    (:func:`_turned`). ``end``: the end of its clause. A copula of a property ("of which
    1,840 were Chinese", "were still abroad") makes a subgroup: no indicator. A whole
    ("the total", "their number") is a stock, or a running total of a flow. True when the
    figure took an indicator."""
    f = num.fact
    at, whole = num.end, False
    g: dict | None = None
    if m := _OF_THEM.match(text, at, end):
        at = m.end()
        before = earlier[-1].fact["end"] if earlier and earlier[-1].fact else sent.start
        gap = (max(before, earlier[-1].end), num.start) if earlier else None
        alone = _WHEN_ALONE.match(text, at, end)
        if (
            gap
            and not (_APPOSED.fullmatch(text, *gap) or _NEW_CLAUSE.fullmatch(text, *gap))
            and not (alone and text[gap[0] : gap[1]].rstrip().endswith(","))
        ):
            return False  # "and cooperates closely with 96 of them": read by what it does
        if alone:
            g = _counted_people(earlier)  # (not the 110 countries they came from)
        if earlier and _IN_PLACE.match(text, at, end):
            # people in a place: the nearest count of what is not a place
            g = _counted_people(earlier) or g
        if not earlier and not _HAS.search(text, sent.start, num.start):
            if text[sent.start : num.start].strip():
                return False
        if not (
            _NOTHING_MORE.match(text, at, end)
            or _PERFECT_OR_PLACE.match(text, at, end)
            or _WITH_PARTNERS.match(text, at, end)
            or _THEM_PLACED.match(text, at, end)
            or alone
        ):
            return False
    elif earlier and _INCLUDING.search(text, max(sent.start, num.start - 12), num.start):
        # "has trained 2,200 engineers from 110 countries, including 180 in 2016 alone": the
        # part of one year of the count before
        if not _WHEN_ALONE.match(text, at, end):
            return False
        g = _counted_people(earlier)
    elif m := _PARTITIVE_THE.match(text, at, end):
        # "Shenzhen alone signed 402 of the contracts": the noun it names, as written before
        got = _expand(text, "count", m.end(), end, prev_start, sent, low, num.start)
        noun = _BARE.match(text, m.end(), end)
        if not got and noun is not None:
            got = _by_head(noun.group(1), earlier, recent, back)  # as a figure counted it
        if not got:
            return False
        g = {"indicator": got}
        at = noun.end() if noun else m.end()
        if not (
            _NOTHING_MORE.match(text, at, end)
            or _PERFECT_OR_PLACE.match(text, at, end)
            or _PARTICIPLE.match(text, at, end)  # "402 of the contracts signed in 2001"
        ):
            return False
    elif m := _ONES.match(text, at, end):
        at = m.end()  # "approved 22 new ones"
    elif m := _OF_WHICH_AFTER.match(text, at, end):
        # "47 joint laboratories ..., nine of which were set up during the year"
        at = m.end()
        if not (_PERFECT_OR_PLACE.match(text, at, end) or _PASSIVE.match(text, at, end)):
            return False
    elif _STUDYING.match(text, at, end):
        # "Of these, 1.5389 million were still studying or researching abroad", "of whom
        # 1,053,100 were studying", "SOME 4,500 ARE NOW STUDYING IN THE UNITED STATES": learners
        # at their studies, what the antecedent counts, or, where it counts nothing and the
        # sentence speaks of going abroad, students abroad
        g = _antecedent(earlier, recent, f["unit"], back)
        if (g is None or g["indicator"] == UNCLASSIFIED) and _ABROAD.search(text, sent.start, end):
            g = {"indicator": "students_abroad"}
    elif _WHOLE_BEFORE.search(text, max(sent.start, num.start - 80), num.start):
        whole = True  # "bringing the total to 99", "so that their number reached 127"
        if not _NOTHING_MORE.match(text, at, end) and not _WHEN_WHERE.match(text, at, end):
            return False
    elif _A_FIGURE_OF.search(text, max(sent.start, num.start - 30), num.start):
        # "while the ministry gave a figure of 12,000 for the same year": the count compared
        if not (_NOTHING_MORE.match(text, at, end) or _FOR_WHEN.match(text, at, end)):
            return False
    elif _OF_WHICH.search(text, max(sent.start, num.start - 20), num.start):
        # "the 14 joint projects ..., of which nine have been completed"; "1,870 foreign
        # experts, of whom 1,020 came from Japan": a line by origin
        if not (
            _PERFECT_OR_PLACE.match(text, at, end)
            or _FROM_PLACE.match(text, at, end)
            or _WITH_PARTNERS.match(text, at, end)
        ):
            return False
    elif not earlier and _ARRIVED.match(text, at, end):
        # "China sent 480 students to 28 countries. The first group of 52 reached Washington
        # in December": people arriving in a place, the last count of people before
        # (not of the places they went to)
        for h in reversed(recent):
            if h["start"] < back:
                break
            if h["unit"] == "count" and not h.get("derived_from"):
                if not _PLACES.search(h.get("counted") or ""):
                    g = h
                    break
    elif not earlier and (_IN_PLACE.match(text, at, end) or _GONE_TO.match(text, at, end)):
        # "China has sent 4,300 students ... Of these, 1,900 are visiting scholars ... More
        # than 1,000 are now in the United States.": people placed, the last count before of
        # people the page classified (no subgroup, no count of the places they went to)
        for h in reversed(recent):
            if h["start"] < back:
                break
            if h["unit"] == "count" and not h.get("derived_from"):
                if _PLACES.search(h.get("counted") or ""):
                    continue
                if h["indicator"] == UNCLASSIFIED and _SUBGROUP_LEAD.search(
                    text, max(0, h["start"] - 40), h["start"]
                ):
                    continue  # ("Of these, 1,900 are visiting scholars": a part of the group)
                g = h  # (another count of no indicator, "200 interpreters": nothing)
                break
        host = _host_placed(text, at, end)
        if host is not None:
            g = _group_abroad(earlier, recent, f["unit"]) or g  # (never those come back)
        if (
            g is not None
            and g["indicator"] != UNCLASSIFIED
            and g.get("scope") == "national"
            and f["scope"] == "foreign"
        ):
            # the host is no owner: a line of the nation's figure by host country (DESIGN.md)
            f["scope"] = "national"
        if host is not None and g is not None and f["scope"] == "national":
            f["actor"] = f["actor"] or host
    elif _WENT_ABROAD.match(text, at, end):
        # "In 1983 alone 3,100 went abroad", "Some 3,000 were sent this year", "against
        # 523,700 who left": a number gone or sent with no noun of its own is the group gone
        # abroad the page counted before (never those come back)
        g = _group_abroad(earlier, recent, f["unit"])
        if g is None:
            return False
    elif not (
        _PERFECT_OR_PLACE.match(text, at, end)
        or (
            _THE.search(text, max(sent.start, num.start - 8), num.start)
            and _PARTICIPLE.match(text, at, end)
        )
        or (earlier and _WITH_PARTNERS.match(text, at, end))
    ):
        return False
    if g is None:
        g = _antecedent(earlier, recent, f["unit"], back)
        host = _host_placed(text, at, end)
        if host is not None:
            # "About 20,000 of them have come back. ... Roughly 25,000 are in the United
            # States": people now abroad are the group gone abroad, not a part come back
            # nor a subgroup by a property of its own; a line of it by host
            g = _group_abroad(earlier, recent, f["unit"]) or g
            if g is not None and g["indicator"] != UNCLASSIFIED and f["scope"] == "national":
                f["actor"] = f["actor"] or host
    if g is None or g["indicator"] == UNCLASSIFIED:
        return False
    f["indicator"] = _turned(g["indicator"], text, at, end)
    if whole and f["measure"] in ("annual", "level", "cumulative"):
        default = indicator_lexicon().measures.get(f["indicator"], "level")
        f["measure"] = "level" if default == "level" else "cumulative"
    return True


_WENT_ABROAD = re.compile(
    r"\s+(?:who\s+)?(?:(?:were|was)\s+sent\b|went\s+(?:abroad|overseas)\b|left\b(?!\s+(?:the\s+)?"
    r"(?:programme|program|project|committee|board|group|team|posts?|jobs?|office)\b))",
    re.I,
)
_STUDYING = re.compile(
    rf"\s+{_ADV}(?:are|were|is|was)\s+(?:still\s+)?{_ADV}(?:studying|"
    # (enrolled in a degree is a subgroup: "of whom 1,900 were enrolled in research degrees")
    r"enrolled\s+(?:at|in)\s+(?!(?:[\w-]+\s+){0,3}?(?:degrees?|programmes?|programs?|courses?)\b)|"
    r"pursuing\s+(?:their\s+)?(?:studies|degrees))\b",
    re.I,
)
_ABROAD = re.compile(r"\b(?:abroad|overseas)\b", re.I)
_ARRIVED = re.compile(
    rf"\s+{_ADV}(?:(?:have|has|had)\s+)?(?:arrived\s+(?:in|at)|reached|landed\s+in)\s+(?:the\s+)?"
    r"(?-i:[A-Z])",
    re.I,
)
_FROM_PLACE = re.compile(
    r"\s+(?:came|come|comes|were|was|are|is)\s+(?:all\s+)?from\s+(?:the\s+)?(?-i:[A-Z])", re.I
)
_OF_WHICH_AFTER = re.compile(r"\s+of\s+(?:which|whom)\b", re.I)
_PASSIVE = re.compile(
    rf"\s+{_ADV}(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+{_ADV}"
    r"(?:[a-z]+ed|set\s+up|built|held|begun|run|won|made|undertaken)\b"
)
# a part told by the partners it is with: a line of the whole by partner ("of which 19 were
# led together with German partners", "Of the 156 projects, 28 were carried out with French
# partners", "three of them with US partners")
_WITH_PARTNERS = re.compile(
    rf"\s+(?:{_ADV}(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+)?"
    r"(?:(?:[a-z]+ed|run|led|done|undertaken)\s+(?:out\s+|together\s+|jointly\s+)?)?"
    r"with\s+(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)*\s+"
    r"(?:partners?|counterparts)\b"
)


# --------------------------------------------------- shares and bases named by their grammar
_OF_THIS = re.compile(
    r"\s*(?:percent|per\s+cent|%)?\s*of\s+(?:this|that|it)(?:\s+(?:sum|amount|figure|total|money))?"
    r"(?!\s+[a-z]+s\b)(?:\W|$)",
    re.I,
)
_OF_NOUN = re.compile(
    r"\s*(?:percent|per\s+cent|%)?\s*of\s+(?:(?:the|all|these|those|such|its|their|"
    r"(?:last|this|that|the\s+previous)\s+year['’]s|[\w-]+['’]s)\s+)*(?=[a-z])",
    re.I,
)
# a share of the whole ("of the national total") or of nothing more: a subgroup's share of
# another population ("of those leaving", "of all international students") is none of these
_MADE_UP = re.compile(
    r"\b(?:account\w*\s+for|made\s+up|makes?\s+up|(?:take|takes|took|taken|taking)\s+up|"
    r"represent\w*|constitut\w*)\s+"
    r"(?:(?:only|just|almost|nearly|roughly|about|some|over|more\s+than)\s+)?$",
    re.I,
)
# a part's verb that holds or gives a share of a whole ("Japan supplied 40 per cent of ...")
_HELD_SHARE = re.compile(
    r"\b(?:supplied|supplies|supply|took|takes|take|held|holds|hold|provided|provides|won|"
    r"captured|captures)\s+(?:(?:only|just|almost|nearly|roughly|about|some|over|more\s+than)\s+)?$",
    re.I,
)
_OF_TOTAL = re.compile(
    r"\s*(?:percent|per\s+cent|%)?\s*(?:of\s+(?:the|its|their|China['’]s)\s+(?:[\w-]+\s+)?total\b|$)",
    re.I,
)
_AMONG_THEM = re.compile(r"\b(?:among|of)\s+(?:them|these|those)\b", re.I)
_SUBJECT_LEAD = re.compile(r"\W*(?:(?:and|but|while|whereas)\s+)?", re.I)
_HEAD_NOUN = re.compile(r"(?:[\w-]+\s+){0,3}?((?:[a-z]|(?<!\S)[A-Z])[a-z]{2,}s)\b(?!['’])")
_NOT_HEADS = frozenset({"was", "has", "this", "its", "his", "does", "less", "towards", "plus"})
_CLAUSE_OPENING = re.compile(r"[,;:]\s*(?:(?:and|but|while)\s+)?")
# a base or goal it is compared with: "up from 97 in 2001", "against about 90 for Japan and
# 60 for South Korea", "exceeding the goal of 2,000 it had set", "plans to draw 20,000 a year"
_BASE_LEAD = re.compile(
    r"(?:\b(?:up|down|rising|falling|rose|fell|increased|decreased|grew)\s+from|\bagainst|"
    r"\bcompared\s+(?:with|to)|\bversus|\bvs\.|\b(?:goal|target)\s+of|\band|"
    # a goal's clause with its noun left out: "attracted 11,500 returnees ..., and plans to
    # draw 20,000 a year"
    r"\b(?:plans?|aims?|hopes?|intends?|expects?|wants?)\s+to\s+[a-z]+)\s+"
    r"(?:(?:some|about|around|roughly|over|under|nearly|almost|barely|just|only|"
    r"(?:fewer|more|less)\s+than)\s+)?$",
    re.I,
)
_PRONOUN_SUBJECT = re.compile(
    r"\W*(?:they|these|those)\s+(?:(?:now|alone|together|still|already|currently)\s+)?", re.I
)
_GOAL_LEAD = re.compile(
    r"\b(?:plans?|aims?|hopes?|intends?|expects?|wants?)\s+to\s+(?:reach|raise\s+(?:it|that|this)\s+to|"
    r"increase\s+(?:it|that|this)\s+to|double\s+(?:it|that)\s+to)\s+"
    r"(?:(?:some|about|around|over|nearly|almost|(?:fewer|more|less)\s+than)\s+)?$",
    re.I,
)
# a goal for the figure before with its noun left out, said of a pro-form or a plan: "the
# number is to rise to 500", "officials expect the figure to reach 100,000", "hopes to raise
# that number to 500", "the plan is to reach 20"
_PRO_FORM = r"(?:it|them|(?:the|that|this|its|their)\s+(?:figure|number|total))"
_GOAL_OF_PRO_FORM = re.compile(
    r"(?:\b(?:plans?|aims?|hopes?|intends?|expects?|expected|wants?)\s+"
    r"(?:" + _PRO_FORM + r"\s+)?to|"
    r"\b(?:is|are|was|were)\s+(?:(?:expected|set|planned|due|projected)\s+)?to)\s+"
    r"(?:reach|hit|(?:rise|grow|increase|climb|go\s+up)\s+to|"
    r"(?:raise|increase|double|bring|expand)\s+" + _PRO_FORM + r"\s+to)\s+"
    r"(?:(?:some|about|around|over|nearly|almost|(?:fewer|more|less)\s+than)\s+)?$",
    re.I,
)
# a span in years or decades (`n`: how many, "a"/"one" one; `decade`: tens of years) ...
_SPAN = (
    r"(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"\s+(?:years?|(?P<decade>decades?))"
)
# ... back from a year told: "five years earlier", "a decade ago", "two decades before"
_SPAN_BACK = _SPAN + r"\s+(?:earlier|before|ago)"
# ... or on from it: "two years later", "a decade afterwards"
_SPAN_ON = _SPAN + r"\s+(?:later|afterwards)"
_BASE_REST = re.compile(
    # ("against 46,990 in 1989/90", "in the whole of 1978", "in India's case")
    r"(?:\s+(?:for|in|at|by|during)\s+(?:the\s+)?(?:(?:start|end|beginning|whole)\s+of\s+(?:the\s+)?)?"
    r"(?:(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)*(?<=['’]s)\s+case|"
    r"(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)*|\d{4}(?:/\d\d(?:\d\d)?)?|"
    r"(?:(?:early|mid|late)-?\s*)?\d{3}0['’]?s)|\s+a\s+year|"
    # ("up from 31 now", "against 120 a year earlier")
    r"\s+(?:now|today|currently|at\s+present|" + _SPAN_BACK + "|"
    r"last\s+year|the\s+(?:year|month)\s+before|"
    # ("against 790 the previous year", "compared with 40 in the preceding year")
    r"(?:in\s+)?the\s+(?:previous|preceding|prior)\s+(?:year|month)))*"
    r"(?:\s*(?:[,;:.)]|$)|\s+(?:and|or)\s*$|\s+(?:it|they|we|which|that)\s+[a-z]+)",
    re.I,
)


_QUALIFIER = r"(?:(?:some|about|around|over|nearly|almost|(?:fewer|more|less)\s+than)\s+)?"
_TO_END = re.compile(r"\bto\s+" + _QUALIFIER + "$", re.I)
_FROM_END = re.compile(r"\bfrom\s+" + _QUALIFIER + "$", re.I)
_FOR_OWNER = re.compile(r"\s+for\s+(?:the\s+)?(?-i:[A-Z])", re.I)


def _antecedent_any(recent: list, back: int) -> dict | None:
    """The last stated figure (not a share or multiple) since ``back``."""
    for g in reversed(recent):
        if g["start"] < back:
            break
        if g["unit"] not in ("percent", "fraction", "multiple") and not g.get("derived_from"):
            return g
    return None


def _by_head(noun: str, earlier: list[_Num], recent: list, back: int) -> str | None:
    """The indicator of the last classified figure (in the sentence, else since ``back``)
    whose counted phrase has ``noun`` ("such contracts": "744 contracts for the import of
    technology")."""
    word = re.compile(rf"\b{re.escape(noun)}\b", re.I)
    facts = [n.fact for n in earlier if n.fact]
    facts += [g for g in recent if g["start"] >= back]
    for g in reversed(facts):
        if g["indicator"] != UNCLASSIFIED and word.search(g.get("counted") or ""):
            return g["indicator"]
    return None


def _phrase_or_head(text, start, end, earlier, recent, back, prev_start, sent, low) -> str | None:
    """What the noun phrase opening ``text[start:end]`` counts, read up to its head (its
    first plural noun): its own words (from each word before the head), the last figure
    whose counted phrase has that head noun (:func:`_by_head`), else a bare noun as written
    before (:func:`_expand`)."""
    head = _HEAD_NOUN.match(text, start, end)
    if head is None or head.group(1).lower() in _NOT_HEADS:
        return None
    np_end = head.end(1)
    for w in re.finditer(r"(?<![\w'’-])\w", text[start : head.start(1) + 1]):
        got = _headed(
            text, (start + w.start(), start + w.start()), (start + w.start(), np_end), sent, low
        )
        if got:
            return got
    # (a figure that counted the noun before the page's other phrases: the cheaper reading)
    got = _by_head(head.group(1), earlier, recent, back)
    if got:
        return got
    return _expand(text, "count", start, np_end, prev_start, sent, low)


def _subject_indicator(text, sent, verb_at, earlier, recent, back, low) -> str | None:
    """What the subject of a verb at ``verb_at`` counts (its clause's words before the verb):
    a count (:func:`_phrase_or_head`), else a money figure's words ("Technology imports")."""
    starts = [sent.start] + [m.end() for m in _CLAUSE_OPENING.finditer(text, sent.start, verb_at)]
    # (the nearest clause opening first; a comma may only part the nouns of the subject:
    # "Projects in agriculture, forestry and the earth sciences account for 70 per cent")
    for start in reversed(starts):
        if any(n.fact and n.end > start for n in earlier):
            return None  # a figure stands in the subject: it is read by that figure
        if not text[start:verb_at].strip():
            continue
        got = _phrase_or_head(text, start, verb_at, earlier, recent, back, start, sent, low)
        if got:
            return got
        got = _classify_span(text, "USD", (start, verb_at), (verb_at, verb_at), sent, low)
        if got:
            return got
    return None


def _compared(text, sent, num, earlier, end, recent=(), back=None) -> bool:
    """ "158 faculty members ..., up from 97 in 2001", "140 diplomats, against about 90 for
    Japan and 60 for South Korea": a count with no noun of its own after a word of
    comparison is a base of the count before it in its sentence. True when taken."""
    f = num.fact
    if not earlier and back is not None:
        # "MOST aims to reach 150 by 2010.": a goal of the count of the sentence before
        goal = _GOAL_LEAD.search(text, max(sent.start, num.start - 40), num.start)
        if goal is None:
            goal = _GOAL_OF_PRO_FORM.search(text, max(sent.start, num.start - 60), num.start)
        if goal is None or not _BASE_REST.match(text, num.end, max(end, num.end)):
            return False
        g = _antecedent([], list(recent), f["unit"], back)
        if g is None or g["indicator"] == UNCLASSIFIED:
            return False
        f["indicator"] = g["indicator"]
        return True
    lead = _BASE_LEAD.search(text, max(sent.start, num.start - 40), num.start) if earlier else None
    if lead is None and earlier:
        # "..., and the plan is to reach 20 by 2025": a goal of the figure before
        lead = _GOAL_OF_PRO_FORM.search(text, max(sent.start, num.start - 60), num.start)
    to = _TO_END.search(text, max(sent.start, num.start - 40), num.start) if earlier else None
    if lead is None and to is not None:
        # "had risen from fewer than 100 at the start of 1979 to about 2,300": the end of a
        # move from the figure before
        if _FROM_END.search(text, max(sent.start, earlier[-1].start - 30), earlier[-1].start):
            lead = to
    if lead is None or not _BASE_REST.match(text, num.end, max(end, num.end)):
        return False
    if lead.group().lower().startswith("and") and not _FOR_OWNER.match(text, num.end, end):
        return False  # "and 17 in Africa": a part; "and 60 for South Korea": another's figure
    same = [n for n in earlier if n.fact and not n.fact.get("derived_from")]
    same = [n for n in same if n.fact["unit"] == f["unit"]]
    # ("sent 450 of its staff to 38 countries, compared with 395": a figure in a place
    # phrase is no clause's count while one stands before it)
    while len(same) > 1 and _IN_PLACE_PHRASE.search(
        text, max(sent.start, same[-1].start - 8), same[-1].start
    ):
        same.pop()
    if not same or same[-1].fact["indicator"] == UNCLASSIFIED:
        return False
    f["indicator"] = same[-1].fact["indicator"]
    return True


_OF_THE_TOTAL = re.compile(
    r"\s+of\s+(?:the|this|that|its|their)\s+(?:(?:[\w-]+\s+){0,2}?)(?:total|sum|amount)\b", re.I
)


def _sum_made_up(text, sent, num, earlier, recent, back, end, low) -> bool:
    """ "Japan alone accounted for $3.9 billion of the total": a sum a part makes up "of the
    total" is a part of the sum named last (in its sentence, else the sentences before); "of
    China's technology imports", a part of the whole its own words name. True when taken."""
    f = num.fact
    lo = earlier[-1].end if earlier else sent.start
    if not _MADE_UP.search(text, max(lo, num.start - 40), num.start):
        return False
    if _OF_THE_TOTAL.match(text, num.end, max(end, num.end)):
        money = [n.fact for n in earlier if n.fact and is_money(n.fact["unit"])]
        money = money or [g for g in recent if is_money(g["unit"]) and g["start"] >= back]
        if money and money[-1]["indicator"] != UNCLASSIFIED:
            f["indicator"] = money[-1]["indicator"]
            return True
        return False
    whole = _OF_NOUN.match(text, num.end, max(end, num.end))
    got = _whole_named(text, whole.end(), end, sent, low) if whole else None
    if got:
        f["indicator"] = got
        return True
    return False


_IN_PLACE_PHRASE = re.compile(r"\b(?:to|in|across|among)\s+(?:some\s+|about\s+|over\s+)?$", re.I)


_BY_VALUE = re.compile(r"[^,;:.\d]{0,60}?\b(?:by|in)\s+(?:contract\s+)?value\b", re.I)


def _whole_named(text, start, end, sent, low) -> str | None:
    """What the noun phrase opening ``text[start:end]`` (the whole a share is of) counts by
    its own words alone: a count (read from each word up to its head noun), else a sum
    ("the value of China's technology imports")."""
    head = _HEAD_NOUN.match(text, start, end)
    if _BY_VALUE.match(text, start, end):
        head = None  # "of the nation's technology imports by value": a sum, not a count
    if head is not None and head.group(1).lower() not in _NOT_HEADS:
        for w in re.finditer(r"(?<![\w'’-])\w", text[start : head.start(1) + 1]):
            at = start + w.start()
            got = _headed(text, (at, at), (at, head.end(1)), sent, low)
            if got:
                return got
    stop = _CLAUSE_STOP.search(text, start, end)
    np_end = stop.start() if stop else end
    while np_end > start and text[np_end - 1] in ".!? \n":
        np_end -= 1  # ("of ACIAR's current project budget.": the phrase, not the stop)
    return _classify_span(text, "USD", (start, np_end), (end, end), sent, low)


def _share_of_part(text, num, part, recent, lo, end) -> bool:
    """ "3.65 million chose to return, accounting for 84.46 percent": a share of nothing more
    after a verb of making up is the share of the part before it: what that part counts, or,
    a part "of the contract value", that value (the last money figure). True when taken."""
    f = num.fact
    if not _ACCOUNTED.search(text, lo, num.start) or not _NOTHING_MORE.match(text, num.end, end):
        return False
    if part["indicator"] != UNCLASSIFIED:
        f["indicator"] = part["indicator"]
        return True
    if is_money(part["unit"]) and _SHARE_OF_VALUE.match(text, part["end"], num.start):
        money = [g for g in recent if is_money(g["unit"]) and g["indicator"] != UNCLASSIFIED]
        if money:
            f["indicator"] = money[-1]["indicator"]
            return True
    return False


def _share_turned(text, num, whole, end) -> bool:
    """ "41,000 students have gone abroad, and more than 70 percent of the degree students
    among them have come back": a share of the figure before whose verb makes its people
    another population counts that population (:func:`_turned`)."""
    f = num.fact
    if whole["indicator"] == UNCLASSIFIED or not _PART_OF.match(text, num.end, end):
        return False
    turned = _turned(whole["indicator"], text, num.end, end)
    if turned == whole["indicator"]:
        return False
    f["indicator"] = turned
    return True


def _headed(text, before, after, sent, low, skip: list | None = None) -> str | None:
    """The indicator of the phrase ``after`` when what its rule counts is the phrase's last
    noun ("projects with partners in these countries" counts projects, not countries).
    ``skip``: given, its first item is set to the end of a rejected rule's noun (a phrase
    starting before it would be read by the same rule)."""
    indicator, end = _classify(text, "count", before, after, (sent.start, sent.end), low)
    if indicator == UNCLASSIFIED:
        return None
    if 0 <= end < after[1] - 1:
        if skip is not None:
            skip[0] = end
        return None
    return indicator


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
        skip = [phrase_start]
        got = _headed(
            text, (phrase_start, phrase_start), (phrase_start, frm + hit.end()), sent, low, skip
        )
        if got is None:
            # try the phrase starting at each word before the noun (after a rule's noun
            # that was not this one)
            for w in re.finditer(r"\S+", text[skip[0] : a]):
                got = _headed(
                    text,
                    (phrase_start, phrase_start),
                    (skip[0] + w.start(), frm + hit.end()),
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
