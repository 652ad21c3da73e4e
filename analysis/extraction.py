"""One document's numeric claims, sentence by sentence (:func:`extract_facts`).

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
import dataclasses
import functools
import math
import re
from typing import Any

from analysis.classify import (
    UNCLASSIFIED,
    ReferenceIndex,
    _classify,
    _first_end,
    actor_lexicon,
    central_count,
    group_unit,
    indicator_lexicon,
    mentions,
    money_country,
    page_voice,
    resolve_reference,
    scope_of,
    spent_abroad,
    worth_before,
)
from analysis.dating import MONTH_RE
from analysis.numbers import (
    _BASE_BEFORE,
    _CLAUSE_STOP,
    _COMPARED_TO,
    _PREPOSITIONS,
    _Y,
    _absent,
    _Grammar,
    _lower,
    _Num,
    _number_matches,
    _parse,
    _scaled,
    _when,
    _year_anchors,
    _year_exprs,
    _YearExpr,
    after_name_aside,
    clause_words,
    grammar,
    in_name_aside,
    noun_class,
    noun_forms,
    read_clause,
)
from analysis.numbers import _YEAR_BEFORE as _YEAR_BEFORE_WORDS
from analysis.references import (
    _BASE_REST,
    _OF_THESE,
    _SPAN_BACK,
    _SPAN_ON,
    _inherit,
    base_multiple,
    multiple_verb,
)
from analysis.scan import required_words
from analysis.tables import labelled_line, read_tables
from analysis.units import is_money

# a body's plan of its own work before a figure: "plans to send another", "intends to invite"
_OWN_PLAN = re.compile(
    r"\b(?:plans?|planned|intends?|intended)\s+to\s+(?:send|invite|sign|register|recruit)\b[^.;]{0,30}$"
)


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
    # the rows of the sentence before (:func:`_told_before`)
    said = context[8].get("rows") if context is not None and len(context) > 8 else None
    said = said[1] if said is not None and said[0] == index - 1 else None
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
    _list_units(text, nums)
    _money_parts(text, nums)
    pub = doc.published_year
    own_text = sent.text  # (a property: a new string each time)
    sent_text = " ".join(own_text.split())
    target_start = bool(g.target_start.match(own_text))
    # a marker search up to a number can only match if a required word ends before it
    marker_from = _first_end(lowered, g.target_needs, s_start, s_end)
    not_target_from = _first_end(lowered, g.not_target_needs, s_start, s_end) if target_start else 0
    rows: list[dict] = []
    totals: dict = {}  # running totals dated by the year's figures before them (_last_annual)
    found = None  # the actors the sentence names (analysis.classify.mentions), once needed
    for i, num in enumerate(nums):
        before = (nums[i - 1].end if i else s_start, num.start)
        after_end = nums[i + 1].start if i + 1 < len(nums) else s_end
        stop = _CLAUSE_STOP.search(text, num.end, after_end)
        if (
            stop is not None
            and text[stop.start()] == ","
            and _NOUNS_BEFORE_LIST.fullmatch(text, num.end, stop.start())
        ):
            # a list of the nouns a figure counts runs past its commas ("2,700 African
            # scientists, engineers and managers have attended courses")
            listed = _NOUN_LIST.match(text, stop.start(), after_end)
            if listed is not None:
                stop = _CLAUSE_STOP.search(text, listed.end(), after_end)
        after = (num.end, stop.start() if stop else after_end)
        if text.find("\n", num.end, after[1]) >= 0:
            # a list's next item ends the words after a figure ("in 46 countries and regions
            # / - Joint research centres ...: 9")
            # (read on past the window: a row's lookahead sees its figure)
            item = _NEXT_ITEM.search(text, num.end, after[1] + 100)
            if item is not None and item.start() < after[1]:
                after = (num.end, item.start())
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
        year, p_start, p_end, basis = _when(num, _item_exprs(text, s_start, num, exprs), text, pub)
        framed = False  # the year is an "as of" frame's over the page's counts (_frame_year)
        told = None
        if (
            basis == "period"
            and p_start is not None
            and pub is not None
            and p_end == pub
            and indicator != UNCLASSIFIED
        ):
            told = _told_before(text, s_start, indicator, rows, said, p_start, pub)
        own_year = basis != "publication"
        # "By 2020, R&D shall reach 2.5 per cent": a figure its own words date after its page
        # is a goal (a dimension excepted: "due by 2008, ... orbiting 23,600 kilometres")
        future = (
            own_year
            and pub is not None
            and year is not None
            and year > pub
            # a period: one that starts at the page's date or later ("first phase (2016-2020)")
            and (basis != "period" or (p_start is not None and p_start >= pub))
            and num.unit not in ("m", "km")
        )
        # a goal whose year the narrative named ("targets have been set for 2015: (1) ...
        # will reach about 400"): that year, whatever the page reviews or counts stand at
        goal = (
            basis == "publication"
            and borrowed is not None
            and pub is not None
            and borrowed > pub
            # in the figure's own words ("China already takes part in more than 30 ..., and
            # we will support ...": the goal is another clause's)
            and (
                g.target_markers.search(text, s_start, num.start) is not None
                or g.target_markers.search(text, num.end, after[1]) is not None
            )
        )
        if (
            basis == "publication"
            or (basis == "period" and p_end == pub)
            # "gained a base this year" under "... achieves new results in 2011" (of 2012)
            or (basis == "relative" and year == pub and p_start is None)
        ) and pub is not None:
            # "Review of Work in 2015" over a page of 2016: its "now" is the end of 2015 (not
            # a goal's)
            reviewed = None if goal else _review_year(doc, index, pub, context)
            if (
                reviewed is None
                and basis == "publication"
                and not g.target_markers.search(text, s_start, s_end)
            ):
                reviewed = _report_year(doc, pub)
            if reviewed is None and basis == "publication":
                # "(figures as of December 2018)" over a box of counts naming no year
                reviewed = _frame_year(doc, num.start, pub, context)
                framed = reviewed is not None
            if reviewed is not None and (p_start is None or p_start <= reviewed):
                year = reviewed
                p_end = reviewed if basis == "period" else p_end
        if basis == "publication":
            # a chronicle's entry: "1978 - The conference opens in March. In December the
            # first group of 52 visiting scholars leaves for the United States."
            block = text.rfind("\n\n", 0, s_start)
            entry = _ENTRY_YEAR.match(text, block + 2 if block >= 0 else 0, s_start)
            if entry is not None and (pub is None or int(entry.group(1)) <= pub):
                year, basis = int(entry.group(1)), "explicit"
        # "up from 31 now", "up from 31 in 2015": a base the goal is measured from, no goal
        base_now = None
        lead = text[max(s_start, num.start - 24) : num.start]
        if any(w in lead for w in _BASE_LITERALS) and _BASE_WORD.search(lead):
            base_now = _NOW_AFTER.match(text, num.end, s_end) is not None
            if base_now:
                year, p_start, p_end, basis = pub, None, None, "relative"
                own_year, future = True, False
            elif not (own_year and pub is not None and year is not None and year <= pub):
                base_now = None
        if (
            basis == "publication"
            and borrowed is not None
            # a narrative's goal year is no year of a sentence that sets no goal
            and not (
                pub is not None
                and borrowed > pub
                and not g.target_markers.search(text, s_start, s_end)
            )
            and (
                indicator_lexicon().measures.get(indicator, "annual") != "level"
                or goal
                or _THE_YEAR.search(text, s_start, s_end)
                # "There were 122 S&T staff ...": a standing count told in the past is the
                # narrative year's
                or _told_in_past(doc, sent)
            )
            # "A further 58 group missions have brought ...": a running total to the page's date
            and not _own_perfect(text, before[0], after[1])
            # "China has established relations with 152 countries and signed agreements with
            # 97 of them": a verb joined to a perfect before it shares its "has"
            and not _SHARED_PERFECT.search(text, max(s_start, num.start - 250), num.start)
            # "The university says 95 of its 310 faculty members are foreign": a report in
            # the present tells the page's date
            and not _SAYS_NOW.search(text, s_start, num.start)
            # "Zhangjiang alone hosts 320 firms", "The new lab brings to 41 the number ...": a
            # figure whose verb is in the present is of the page's date
            and (
                not _in_present(text, num, s_start, s_end, lowered)
                # "In the same year Jiangsu set up 15 centres": a verb read as present
                # ("set", "put") in a sentence told of a year gone by
                or _SAME_YEAR.search(text, s_start, s_end)
            )
        ):
            year, basis = borrowed, (context[7] if len(context) > 7 else None) or "explicit"
        if not own_year or basis == "relative":
            year, basis = _year_before(
                text, s_start, num, rows, year, basis, lowered, borrowed, pub
            )
        elif basis == "explicit" and (
            "year" in text[num.end : num.end + 48] or "decade" in text[num.end : num.end + 48]
        ):
            # "420 enrolled in 2007/08, against 90 five years earlier": the base's own
            back, how = _year_before(text, s_start, num, rows, None, basis, lowered, pub=pub)
            if back is not None:
                year, basis = back, how
        if basis == "publication" and pub is not None and _previous_year_only(text, sent, exprs):
            # "The academy spent 320 million yuan in the previous year, and made 12 percent
            # more trips than in 2007": its only year a base, "the previous year" is the one
            # before the page's
            year, basis = pub - 1, "relative"
        if (
            basis in ("explicit", "relative", "cumulative", "period")
            and pub is not None
            and year != pub
            and _now_clause(text, s_start, num, after[1])
        ):
            # "received 1,120 experts last year and now has 9 bases": "now" and a present
            # verb in the figure's own clause, no year in it: the page's date
            year, p_start, p_end, basis = pub, None, None, "relative"
        elif (
            # (or a goal's by-date before it: "plans to raise ... to 3,500 a year by 2005, and
            # the ministry has opened service centres in 21 cities")
            (basis == "explicit" or (basis == "cumulative" and future))
            and pub is not None
            and year != pub
            and _perfect_after_and(text, s_start, num, s_end)
        ):
            # "... were working there at the end of 2015, the bureau said, and the number of
            # joint laboratories has doubled in five years to 86": a later clause in the
            # present perfect, no year of its own: the page's date
            year, p_start, p_end, basis = pub, None, None, "publication"
            future = False
        qualifier, low, high = num.qualifier, num.low, num.high
        pledged = False
        if (
            (num.unit != "multiple" or _goal_multiple(text, num))
            and base_now is None
            and (
                future
                or (
                    target_start
                    and not (
                        not_target_from <= num.start
                        and g.not_target.search(text, s_start, num.start)
                    )
                )
                or (
                    marker_from <= num.start
                    and g.target_markers.search(
                        text, _goal_clause_from(text, s_start, num.start), num.start
                    )
                    # (money "will" give is pledged, unless over a span: "will provide 6
                    # billion won over three years" is a goal for that span)
                    and not (
                        pledged := _not_marked_target(num.unit)
                        and _goal_span(text, num.end, s_end, s_start) is None
                    )
                )
                # "expects the programme to select 6,000", "intends to send", "The plan also
                # foresees 50 laboratories", "set a goal of attracting 5,000": a verb of
                # intending before the figure in its own clause sets a goal, in any unit
                or _goal_verb(text, s_start, num.start, lowered)
                # "CSC's selection plan for 2018 is 32,500 places", "The 2020 goal is 50 labs"
                or (
                    text.endswith(("is ", "are ", "be "), s_start, num.start)
                    and _GOAL_BEFORE.search(text, max(s_start, num.start - 120), num.start)
                    is not None
                )
            )
        ):
            qualifier = "target"
            low = num.value if low is None else low
            high = num.value if high is None else high
        if qualifier == "target" and context is not None and len(context) > 6:
            if not own_year and context[6] is not None:
                year, basis = context[6], "explicit"  # "The Program will support 3-5 bases"
            elif not own_year and pub is not None:
                span = _goal_span(text, s_start, s_end)
                if span is not None:
                    # "Korea will provide KRW 2.4 billion over three years": from the page's date
                    year, p_start, p_end, basis = pub + span, pub, pub + span, "period"
            elif (
                year is not None
                and num.unit != "multiple"
                and (
                    # (a multiple's goal, "hope to double that by 2020", is no plan's end)
                    basis == "period"
                    # "will train 5,000 ... by the end of 2021": a goal's by-date after the page
                    or (
                        basis == "cumulative" and p_start is None and pub is not None and year > pub
                    )
                )
            ):
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
            scope, actor = resolve_reference(text, s_start, actor, scope, names)
        if scope == "agency" and spent_abroad(actor, num.unit):
            scope = "foreign"  # "The ministry will spend 4.5 billion won": Korea's ministry
        elif scope == "national" and not actor:
            # "The whole China program, at C$62 million", "loans of 470 billion yen": a sum
            # in another country's currency is that country's, not the nation's
            country = money_country(num.unit)
            if country is not None:
                scope, actor = "foreign", country
        if (
            scope == "agency"
            and central_count(indicator, actor)
            # (not a plan of its own work: "The ministry plans to send another 2,000 students")
            and not _OWN_PLAN.search(text, max(s_start, num.start - 60), num.start)
        ):
            scope, actor = "national", ""  # "The ministry now has 128 S&T diplomats": China's
        if told is not None and (told["scope"], told["actor"]) == (scope, actor):
            # "459,800 Chinese left to study abroad in 2014 ... Since 1978, 3.52 million
            # have gone abroad": a running total told after that year's figure stands at it
            year = p_end = told["year"]
            told_year = True
        else:
            told_year = False
        counted = " ".join(text[num.end : end].split()) if end > num.end else ""
        if not counted:
            counted = _following_words(text, after)
        measure = _measure(
            num,
            qualifier,
            basis,
            indicator,
            text,
            before,
            (max(s_start, semi), after[1]),
            lowered,
            (s_start, s_end),
            own_year,
        )
        if base_now:
            measure = "level"  # "up from 31 now": the standing count of the page's date
        elif framed and measure == "annual":
            # "(figures as of December 2018)" / "Foreign experts ..... 95": what a page counts
            # at a date is a level (a row naming its own year, "Students sent abroad in 2018",
            # is no frame's: that year's flow)
            measure = "level"
        if (
            pledged
            and measure == "annual"
            and not own_year
            # ("will contribute £150,000 a year": a sum pledged for each year)
            and not clause_words().each_year.search(text, num.end, after[1])
        ):
            # "China will invest 200 million euros": the sum committed ("will hand out 30
            # billion yuan this year": that year's spending)
            measure = "level"
        if (
            measure == "annual"
            and basis == "explicit"
            and year is not None
            and _at_a_point(text, s_start, s_end, year, num, lowered)
        ):
            # "held Canadian study permits at the end of 2012", "in autumn 2008 there were
            # 98,235 Chinese students": a standing count at a point of the year
            measure = "level"
        if (
            (
                (measure == "annual" and basis in ("explicit", "relative", "publication"))
                # "As of May 2008 there were 72,766 Chinese students enrolled in ...": a
                # standing count at a date, not a running total
                or (measure == "cumulative" and basis == "cumulative")
            )
            and (
                indicator == "students_abroad"
                or "Chinese" in text[max(s_start, num.start - 160) : after[1]]
                or _chinese_learners_after(text, num)
            )
            and _placed_learners(text, num, s_start, after, lowered)
        ):
            # "German universities hosted 36,915 Chinese students in 2018", "there were 7,180
            # Chinese students in Scotland in 2013": Chinese learners counted where they study
            # abroad, a host's standing count
            measure = "level"
        if measure in ("annual", "cumulative") and _placed_people(
            text, num, s_start, after, basis, lowered
        ):
            # "some 42,000 PRC nationals then in Australia", "Korean students in China
            # numbered 66,672 last year": people counted where they stand, a level
            measure = "level"
        if (
            measure in ("level", "cumulative")
            and basis == "period"
            and p_start is not None
            and p_end is not None
            and p_end > p_start
            and is_money(num.unit)
            and not _EACH_YEAR.search(text, num.end, after[1])
            and not worth_before(text, max(before[0], num.start - 80), num.start)
        ):
            # "In the funding period 2008-2011 the programme has a budget of CHF 10 million":
            # a sum for a span of years, spent over it; a goal while the span runs past the
            # page, unless it is told as spent or received
            if (
                pub is not None
                and p_end > pub
                and not _told_as_event(text, num, s_start, after, lowered)
            ):
                measure, qualifier = "target", "target"
                low = num.value if low is None else low
                high = num.value if high is None else high
            else:
                measure = "cumulative"
        if (
            measure in ("level", "cumulative")
            and basis != "period"
            and _NEWLY_MADE.match(text, num.end, after[1])
            and not _running_total(text, (max(s_start, semi), after[1]), lowered)
        ):
            # "set up 4 new laboratories", "Two further protocols were signed": what was
            # newly made in the period, counted within it
            measure = "annual"
        if (
            measure == "cumulative"
            and not told_year
            and pub is not None
            and year == pub
            and (basis == "publication" or (basis == "period" and p_end == pub))
            and context is not None
            and len(context) > 8
            # ("Chinese scientists now hold more than 450 posts": a standing count now)
            and not _NOW_STANDING.search(text, _clause_from(text, s_start, num.start), after[1])
        ):
            # "A total of 662,100 went abroad in 2018. ...\n\nSince 1978, 5.86 million have
            # gone abroad": a running total without a year of its own told after a year's
            # figures stands at that year
            # ("..., and 1.09 million of them have returned": the sentence's total before it)
            last = totals.get((scope, actor))
            if last is None:
                last = _last_annual(
                    doc,
                    sent,
                    index,
                    context,
                    (indicator, scope, actor, num.unit),
                    anchors,
                    lowered,
                    rows,
                )
            if last is not None and (p_start is None or last > p_start):
                year = p_end = totals[(scope, actor)] = last
                basis = "period" if basis == "period" else "cumulative"
        measure = _measure_of_whole(text, num, rows, year, measure, after, lowered, prev_first)
        if measure == "share" and pub is not None and year == pub and basis != "explicit":
            # "In all, 172,800 have returned, about 24.7 percent of those who went abroad",
            # "... 1.09 million of them have returned. In other words, only about 41 percent
            # ...": a share told right after a running total is of the total's date
            total = rows[-1] if rows else None
            if total is None and said and "\n\n" not in text[said[-1]["end"] : s_start]:
                total = said[-1]
            if (
                total is not None
                and total["measure"] == "cumulative"
                and total["year"] != year
                # ("About 47 percent of those still abroad are in the United States": a state
                # told in the present is the page's)
                and not _in_present(text, num, s_start, s_end, lowered)
            ):
                year, p_start, p_end, basis = (
                    total["year"],
                    total["period_start"],
                    total["period_end"],
                    total["year_basis"],
                )
        if head is not None and num.unit == "count":
            indicator = UNCLASSIFIED  # "Of these, 210 were ...": a subgroup, no series point
        if head is not None and num.unit == head["unit"]:
            own = measure
            scope, actor, measure = head["scope"], head["actor"], head["measure"]
            if own == "level" and _standing_now(text, num, after, lowered):
                measure = own  # "About 14,000 of them are in the United States": a state now
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
    _parallel_clauses(text, nums)
    _conversions(text, nums)
    if context is not None:
        firsts = [r for r in rows if r["unit"] not in ("percent", "fraction", "multiple")]
        context[2] = firsts[:1] if not head else [head]
        if len(context) > 8:
            context[8]["rows"] = (index, rows[:])
            told = context[8].setdefault("told", [])
            told.append((index, rows[:]))
            del told[:-_TOTAL_REACH]
    rows.extend(_multiples(doc, sent_text, nums, exprs))
    return rows


_AS_OF = re.compile(r"\bas\s+(?:of|at)\b", re.I)
# the words between a figure and a comma that may open a list of counted nouns: a plural noun,
# perhaps after a word or two ("African scientists", "young researchers")
_NOUNS_BEFORE_LIST = re.compile(r"[ \t]+(?:[A-Za-z][\w-]*[ \t]+){0,2}[a-z][\w-]*s")
# ... and the list, closed by "and" or "or": plural nouns, the last perhaps after a word
# (", engineers and managers", ", technicians, doctors and nurses", ", engineers and farm
# managers")
_NOUN_LIST = re.compile(
    r",[ \t]+(?:[a-z][\w-]*s,[ \t]+){0,3}[a-z][\w-]*s,?[ \t]+(?:and|or)[ \t]+"
    r"(?:[a-z][\w-]*[ \t]+)?[a-z][\w-]*s\b"
)
# a line opening the next item of a list (a bullet or an item's number)
_NEXT_ITEM = re.compile(
    r"\n[ \t]*(?:[-•▪■●◦►*–]|\d{1,2}[.)])[ \t]+"
    # or a fact box's next row, its label and its leader's blanks before the figure
    # ("Joint research centres and laboratories      11"; tables.blank_leaders)
    r"|\n(?=[ \t]*[A-Z][^\n]{0,80}?\S[ \t]{3,}[+\-−]?\d)"
    # (its label wrapped onto a second line: "National international S&T" / "  cooperation
    # bases      3")
    r"|\n(?=[ \t]*[A-Z][^\n\d]{0,80}\n[ \t]+[a-z][^\n]{0,60}?\S[ \t]{3,}[+\-−]?\d)"
    # or its next line labelled before a colon ("Chinese students in Norway, autumn 2017:
    # 1,024" / "Norwegian students in China, 2016/17: around 250")
    r"|\n(?=[ \t]*[A-Z][^\n:.;]{0,80}:[ \t]+(?:[A-Za-z]+[ \t]+){0,2}?[+\-−]?\d)"
    # ... or before a dash between blanks ("Countries and regions - 41", "Joint research
    # centres — 9")
    r"|\n(?=[ \t]*[A-Z][^\n:.;]{0,80}?[ \t](?:--?|[–—])[ \t]+\d)"
    # ... or a flattened box's next label over its figure alone on the line under it
    r"|\n(?=[ \t]*[A-Z][^\n\d.;:!?]{2,80}\n[ \t]*[+\-−]?\d[\d,.]*[ \t]*%?[ \t]*(?:\n|$))"
)
# a part of the figure before it ("of which 1,350 were enrolled", "seven of them") or the
# base it is compared with ("750 centres by 2004, against fewer than 200 in 2000")
_PART_BEFORE = re.compile(r"\bof\s+(?:which|whom|them|these|those)\s*,?\s*$", re.I)
# a paragraph opening with a year and a dash or colon: a chronicle's entry of that year
_ENTRY_YEAR = re.compile(r"[ \t]*((?:19|20)\d\d)[ \t]*[-–—:][ \t]")
# a goal as the subject of "is" right before its figure: "the plan for 2018 is 32,500"
_GOAL_BEFORE = re.compile(
    r"\b(?:plan|target|goal|quota|objective|aim)s?(?:\s+for\s+[\w-]+|\s*,[^,;.]{1,80},)?"
    r"\s+(?:is|are|will\s+be)\s+$",
    re.I,
)
_BASE_LITERALS = ("rom", "gainst", "ersus", "vs.", "ompared")  # (one of them in any base)
_NOW_AFTER = re.compile(r"\s+(?:now|today|currently|at\s+present)\b", re.I)
_PART_AFTER = re.compile(r"\s+of\s+(?:which|whom|them|these|those)\b", re.I)
_BASE_WORD = re.compile(
    r"\b(?:from|against|versus|vs\.|compared\s+(?:with|to)|up\s+from|down\s+from)\s+$", re.I
)

# the words before a base compared with a figure before it, up or down (a bare "from" opens
# a move "from 400 in 1980 to 6,000 in 1993")
_COMPARED_LEAD = re.compile(
    r"\b(?:against|versus|vs\.|compared\s+(?:with|to)|up\s+from|down\s+from)\s+"
    r"(?:(?:just|only|barely|a\s+mere|some|about|around|roughly|over|under|nearly|almost|"
    r"(?:fewer|more|less)\s+than)\s+)?$",
    re.I,
)

# "up from 1,530 a year earlier", "down from 70,540 the previous year", "against 31 percent a
# decade earlier", "up from fewer than 50 a decade ago": the base after it
_BASE_YEAR_BEFORE = re.compile(
    r"(?:\s+(?!the\b|a\b|in\b)[A-Za-z-]+){0,2}?"  # ("from 41 delegations the previous year")
    r",?\s+(?:in\s+)?(?:the\s+(?:year\s+before|previous\s+year|preceding\s+year)|"
    r"a\s+year\s+(?:earlier|before)|" + _SPAN_BACK + r")\b",
    re.I,
)
# "Ten years earlier the number ... stood at 14 and 40": a span back opening the sentence,
# counted from the year the narrative has told
_SPAN_BACK_OPENS = re.compile(r"\s*" + _SPAN_BACK + r"\b\s*,?", re.I)
# "In 1982 ... Two years later the Joint Commission ... approved 30 projects": a span on
# opening the sentence, counted from the year the narrative has told
_SPAN_ON_OPENS = re.compile(r"\s*" + _SPAN_ON + r"\b\s*,?", re.I)
_AGO = re.compile(r"\bago\b", re.I)  # a span back from the page's date, not a year told
_THAN = re.compile(r"\bthan\b", re.I)  # "17 more than five years ago": a change, of now
# what ends the reach of a span back opening a sentence: a new clause, or "now" ("Five years
# ago the centre had 12 partner institutes; today it has 48")
_AGO_ENDS = re.compile(r"[;:]|\b(?:now|today|currently|at\s+present|since\s+then)\b", re.I)
# "The figures for the year before were 2,050 and 2,700": the year before told as the subject
_SUBJECT_YEAR_BEFORE = re.compile(
    r"\b(?:for|of|in)\s+(?:the\s+(?:year\s+before|previous\s+year|preceding\s+year))\b",
    re.I,
)


# "now" and a verb in the present before a figure, no clause mark or figure between
_NOW_HAS = re.compile(
    r"\bnow\s+(?:has|have|hosts?|holds?|runs?|counts?|numbers?|employs?|operates?|"
    r"maintains?|covers?|includes?|belongs?|handles?)\b[^,;:\d()]{0,90}$"
)


# "there are now 480", "is now home to 40": "now" after a present "be" before the figure
_BE_NOW = re.compile(r"\b(?:are|is)\s+now\b[^,;:\d()]{0,90}$")
# "60% of its new professors now hold": the figure the subject of "now" and a present verb
_NOW_AFTER_SUBJECT = re.compile(
    # ("About 14,000 Chinese students are now enrolled at American universities")
    r"[^,;:\d()]{0,60}?\b(?:(?:are|is)\s+now\b(?!\s+(?:expected|planned|due|set)\b)|"
    r"now\s+(?:has|have|hosts?|holds?|runs?|counts?|numbers?|employs?|"
    r"operates?|maintains?|covers?|includes?|works?|lives?|lies|stands?|studies|study|"
    r"teach(?:es)?|are|is|come|comes)\b)"
)


def _now_clause(text: str, s_start: int, num: _Num, end: int) -> bool:
    """True when the figure's clause says "now has" / "there are now" before it, or the
    figure is the subject of "now" and a present verb ("60% of them now hold"), and the
    clause names no year (up to ``end``, the clause's end after the figure)."""
    lo = max(s_start, num.start - 100)
    if text.find("now", lo, num.start) < 0:
        if text.find("now", num.end, end) < 0:
            return False
        m = _NOW_AFTER_SUBJECT.match(text, num.end, end)
        if m is None:
            return False
        seg = _now_segment(text, num.end, end)
        return "year" not in seg and _YEAR_DIGITS.search(seg) is None
    m = _NOW_HAS.search(text, lo, num.start)
    if m is None:
        m = _BE_NOW.search(text, lo, num.start)
    if m is None:
        return False
    seg = _now_segment(text, m.start(), end)
    return "year" not in seg and _YEAR_DIGITS.search(seg) is None


# where the words of a "now" clause that could date it end: at a comparison's base after it
# (", up from a few dozen in the early 2000s", ", against nine in 1978") or a participle
# dating a name ("27 protocols now operate under the agreement signed ... in January 1979")
_NOW_SEGMENT_STOP = re.compile(
    r",\s*(?:up\s+from|down\s+from|against|compared\s+(?:with|to)|versus)\b"
    r"|\b(?:signed|launched|concluded|founded|established|opened|inaugurated)\s+(?:by|in|on)\b",
    re.I,
)


def _now_segment(text: str, start: int, end: int) -> str:
    """``text[start:end]`` up to :data:`_NOW_SEGMENT_STOP`."""
    stop = _NOW_SEGMENT_STOP.search(text, start, end)
    return text[start : stop.start() if stop else end]


_CLAUSE_END = re.compile(r"[,;:]")
# a later clause opening (", and", ", while") and a present perfect after it, before a figure
_AND_PERFECT = re.compile(
    r",\s+(?:and|while|but)\s+[^,;:\d]{0,120}?\b(?:has|have)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en|wn)\b"
    r"[^,;:\d]{0,60}$"
)


def _goal_clause_from(text: str, s_start: int, start: int) -> int:
    """Where the clause whose goal words may make a figure at ``start`` a target opens: that
    of :func:`_clause_from`, or a later clause opened by ", and" whose verb is in the present
    perfect ("will spend 1.8 billion yuan this year, and has approved 59 new joint research
    centres": the goal's "will" stays in its own clause)."""
    at = _clause_from(text, s_start, start)
    lo = max(at, start - 200)
    if text.find("ha", lo, start) >= 0:
        m = _AND_PERFECT.search(text, lo, start)
        if m is not None:
            at = m.start()
    return at


def _perfect_after_and(text: str, s_start: int, num: _Num, s_end: int) -> bool:
    """True when the figure stands in a later clause (", and the number ... has doubled ...
    to 86") whose verb is in the present perfect and which names no year."""
    lo = max(s_start, num.start - 200)
    if text.find("ha", lo, num.start) < 0:
        return False
    m = _AND_PERFECT.search(text, lo, num.start)
    if m is None:
        return False
    stop = _CLAUSE_END.search(text, num.end, s_end)
    return _YEAR_DIGITS.search(text, m.start(), stop.start() if stop else s_end) is None


def _previous_year_only(text: str, sent, exprs: list[_YearExpr]) -> bool:
    """True when the sentence's only years are comparison bases ("than in 2007") and it
    speaks of "the previous year" / "the year before" not as a base of its own ("up 8
    percent on the previous year")."""
    if not exprs or any(e.kind != "compare" for e in exprs):
        return False
    return any(
        not _COMPARED_TO.search(text, max(sent.start, m.start() - 16), m.start())
        for m in _YEAR_BEFORE_WORDS.finditer(text, sent.start, sent.end)
    )


def _years_back(m: re.Match[str]) -> int:
    """How many years a span back or on (:data:`_SPAN_BACK`, :data:`_SPAN_ON`) counts: "a
    year earlier" 1, "five years earlier" 5, "a decade ago" 10, "two years later" 2."""
    word = (m.group("n") or "a").lower()
    n = 1 if word in ("a", "one") else int(word) if word.isdigit() else grammar().words[word]
    return n * 10 if m.group("decade") else n


def _year_before(text, s_start, num, rows, year, basis, low, borrowed=None, pub=None) -> tuple:
    """(year, basis) of a figure told of "the year before" without a year of its own: a
    base compared with the figure before it ("numbered 66,672 last year, down from 70,540
    the previous year") is of the year before that figure's, and one "a decade ago" or "five
    years earlier" that many years before; a sentence whose subject is of "the year before"
    ("The figures for the year before were 2,050 and 2,700") speaks of the year before the
    one the narrative spoke of, and one opening "Ten years earlier" that many years before
    the narrative's year (``borrowed``); a span "ago" after the figure's noun or opening its
    sentence ("Five years ago the centre had 12 partner institutes") counts back from the
    page's year (``pub``), up to a new clause or "now", never after "than". (``year``,
    ``basis``) otherwise."""
    if (
        low is not None
        and low.find("year", num.end, num.end + 30) < 0
        and low.find("decade", num.end, num.end + 30) < 0
        and low.find("year", s_start, num.start) < 0
        and low.find("decade", s_start, num.start) < 0
    ):
        return year, basis
    back = _BASE_YEAR_BEFORE.match(text, num.end)
    if back is not None:
        lead = text[max(s_start, num.start - 24) : num.start]
        told = [r["year"] for r in rows if r["year"] is not None]
        if told and _BASE_WORD.search(lead):
            # ("against 90 five years earlier": that many years before)
            return told[-1] - _years_back(back), "relative"
        said = back.group(0)
        if pub is not None and _AGO.search(said) and not _THAN.search(said) and "\n" not in said:
            # "had agreements with 30 countries ten years ago": so many years before the
            # page's date, whatever year the narrative told
            return pub - _years_back(back), "relative"
        return year, basis
    on = _SPAN_ON_OPENS.match(text, s_start, num.start) if borrowed is not None else None
    if on is not None:
        # "In 1982 ... Two years later the Joint Commission ... approved 30 projects"
        return borrowed + _years_back(on), "relative"
    opens = _SPAN_BACK_OPENS.match(text, s_start, num.start)
    if (
        opens is not None
        and pub is not None
        and _AGO.search(opens.group(0))
        and not _AGO_ENDS.search(text, opens.end(), num.start)
    ):
        # "Five years ago the centre had only 12 partner institutes" (not "...; today it
        # has 48")
        return pub - _years_back(opens), "relative"
    if basis == "publication":
        if opens is not None and borrowed is not None:
            # "... numbered 112. Ten years earlier the number ... stood at 14 and 40"
            return borrowed - _years_back(opens), "relative"
    if year is not None:
        m = _SUBJECT_YEAR_BEFORE.search(text, s_start, num.start)
        if m is not None and not any(c.isdigit() for c in text[s_start : m.start()]):
            return year - 1, "relative"
    return year, basis


def _figure_clause(text: str, num: _Num, start: int, end: int, low: str | None):
    """:func:`analysis.numbers.read_clause` of the figure's clause, from ``start`` but at most
    160 characters back, to ``end`` (read in lower case when the page is in capitals)."""
    return read_clause(
        text if low is None else low,
        max(start, num.start - 160),
        num.start,
        num.end,
        end,
        low is not None,
    )


_AT_WORK = ("activity", "progressive")  # "were still studying": at their work at a date


def _measure_of_whole(
    text: str,
    num: _Num,
    rows: list[dict],
    year: int | None,
    measure: str,
    after,
    low,
    earlier: list[dict] | None = None,
) -> str:
    """The measure of a figure that is a part of the figure before it in its sentence (or
    the first of the sentence before: "Shenzhen alone employed 48,000 of them"), or the
    base it is compared with: that figure's (a part with a date of its own, "520 of them
    during the year", or a state of its own in the present, "10,000 of them are in the
    United States", keeps its own). ``earlier``: the first figure of the sentence before."""
    if measure not in ("level", "annual", "cumulative"):
        return measure
    lo = max(0, num.start - 24)
    part = _PART_BEFORE.search(text, lo, num.start) or _PART_AFTER.match(text, num.end)
    if not rows and not (part and earlier):
        return measure

    # the whole: the nearest figure before of the same unit that is larger
    def whole(among):
        return next(
            (r for r in reversed(among) if r["unit"] == num.unit and (r["value"] or 0) > num.value),
            None,
        )

    # a base with no noun of its own is of the figure it is compared with, up or down
    # ("numbered 66,672 last year, down from 70,540 the previous year"); a part is smaller
    # than its whole
    base = not part and _COMPARED_LEAD.search(text, lo, num.start) is not None
    base = base and _BASE_REST.match(text, num.end, max(num.end, after[1])) is not None
    prev = _compared_figure(rows, num.unit) if base else whole(rows)
    if prev is None and part and earlier:
        prev = whole(earlier)
    if prev is None or prev["measure"] not in ("level", "annual", "cumulative"):
        return measure
    if part:
        if prev["year"] != year or (
            _may(_IN_THE_YEAR, low, num.end, after[1])
            and _IN_THE_YEAR.search(text, num.end, after[1])
        ):
            if prev["measure"] == "cumulative" and year is not None and measure == "level":
                own = _figure_clause(text, num, num.start, after[1], low)[0]
                if own is None or not own.kind:
                    # a running total's part in a year of its own, with no verb of its own
                    # ("has sent some 3,400 engineers ..., 520 of them in 2008 alone"): that
                    # year's flow
                    return "annual"
            return measure
        r = _figure_clause(text, num, 0, after[1], low)[0]
        if r is not None and r.kind == "state" and r.aspect == "present" and r.subject:
            return measure  # "about 10,000 of them are in the United States": a standing count
        if measure == "level" and r is not None and (r.kind, r.aspect) == _AT_WORK:
            # "Of them, 1.5309 million were still studying or doing research abroad": those
            # at their work at the whole's date, a standing count
            return measure
        return prev["measure"]
    if base or _BASE_WORD.search(text, lo, num.start):
        return prev["measure"]
    return measure


def _compared_figure(rows: list[dict], unit: str) -> dict | None:
    """The figure a base is compared with: the nearest before it in its sentence of its unit."""
    return next((r for r in reversed(rows) if r["unit"] == unit), None)


# a point of a year, not the year counted: "at the end of 2012", "in autumn 2008", "at the
# start of the 2010 academic year"
_POINT_OF_YEAR = re.compile(
    r"\b(?:at\s+the\s+(?:end|start|beginning)\s+of\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?"
    r"|in\s+(?:the\s+)?(?:autumn|fall|spring|summer|winter)(?:\s+(?:semester|term))?\s+(?:of\s+)?)"
    r"((?:19|20)\d\d)\b",
    re.I,
)


def _at_a_point(text: str, s_start: int, s_end: int, year: int, num: _Num, low) -> bool:
    """True when the sentence dates ``year`` at a point of it (:data:`_POINT_OF_YEAR`) and
    the figure's verb is a state, an activity, a copula or "there were" (no event)."""
    if str(year) not in text[s_start:s_end]:
        return False
    if not any(int(m.group(1)) == year for m in _POINT_OF_YEAR.finditer(text, s_start, s_end)):
        return False
    r = read_clause(
        text if low is None else low, s_start, num.start, num.end, s_end, low is not None
    )[0]
    if r is None:
        return _THERE_WERE.search(text, max(s_start, num.start - 30), num.start) is not None
    return r.kind in ("state", "activity", "copula", "be")


# how many sentences back a running total without a year of its own looks for the year's
# figure it follows (:func:`_last_annual`)
_TOTAL_REACH = 2


def _last_annual(
    doc, sent, index: int, context: list, whose: tuple, anchors, low, rows: list[dict]
) -> int | None:
    """The year before the page's when the sentences just before ``sent`` told that year's
    annual figures: a running total without a year of its own told right after them
    ("662,100 went abroad in 2018. ...\n\nSince 1978, 5.86 million have gone abroad", on a
    page of 2019) stands at that year. The last such figure stands up to
    :data:`_TOTAL_REACH` sentences back, across at most one paragraph break; from the
    sentence that dates it (its own, or the one before when its own names no year) to
    ``sent``, each sentence names one date at most, that year (a base "than in 1991" is a
    date too), every figure there is of that year and ``sent`` names no year but its
    running total's start; that figure counts what the total counts (``whose``: indicator,
    scope, actor, unit). None otherwise."""
    text = doc.text
    g = grammar()
    pub = doc.published_year
    year = pub - 1
    told = dict(context[8].get("told", ()))
    told[index] = rows
    k = next(
        (
            j
            for j in range(index, index - _TOTAL_REACH - 1, -1)
            if any(
                r["measure"] == "annual"
                and r["year_basis"] in _TOLD_BASES
                and r["year"] == year
                and (r["scope"], r["actor"]) == whose[1:3]
                # (the same count, or one the rules could not name: "of the 399,600 who left",
                # "the totals are 4.58 million out and 2.65 million back": in the same unit)
                and (
                    r["indicator"] in (whose[0], UNCLASSIFIED)
                    or (whose[0] == UNCLASSIFIED and r["unit"] == whose[3])
                )
                for r in told.get(j, ())
            )
        ),
        None,
    )
    if k is None:
        return None

    def exprs(j):
        s = doc.sentences[j]
        return _year_exprs(g, text, s.start, s.end, anchors, low)

    if k == index:
        # "In 2018, 662,100 went abroad and 519,400 returned; since 1978 the running totals
        # stand at 5.86 million and 3.65 million respectively": in its own sentence, which
        # names that year alone besides the total's start
        found = exprs(index)
        if any(
            e.kind not in _SPOKEN_KINDS + ("since", "since_clause")
            or (e.kind in _SPOKEN_KINDS and _spoken_year(e, pub) != year)
            for e in found
        ):
            return None
        return year

    first = k if exprs(k) or k == 0 else k - 1
    if text.count("\n\n", doc.sentences[first].end, sent.start) > 1:
        return None
    named = set()
    for j in range(first, index):
        found = exprs(j)
        if len(found) > 1 or any(e.kind not in _SPOKEN_KINDS for e in found):
            return None
        named.update(_spoken_year(e, pub) for e in found)
        if any(r["year"] not in (None, year) for r in told.get(j, ())):
            return None
    if named != {year} or any(e.kind in _SPOKEN_KINDS for e in exprs(index)):
        return None
    return year


# the bases of a year of its own: "in 2014", "last year" ("Last year 662,100 left ... Since
# 1978 some 5.86 million have gone abroad")
_TOLD_BASES = ("explicit", "relative")


def _told_before(
    text: str,
    s_start: int,
    indicator: str,
    rows: list[dict],
    earlier: list[dict] | None,
    since: int,
    pub: int,
) -> dict | None:
    """The last figure of the same indicator told before, in the sentence
    (``rows``) or in the sentence before, in the same paragraph (``earlier``),
    with a year of its own between ``since`` and the page's: a running total told after
    it (of the same owner) stands at its year."""
    for r in reversed(rows):
        if r["indicator"] == indicator:
            if r["year_basis"] in _TOLD_BASES and since < (r["year"] or 0) < pub:
                return r
            if (
                r["year_basis"] == "period"
                and r["period_start"] == since
                and since < (r["year"] or 0) < pub
            ):
                return r  # "..., and 3.65 million have returned; ..., 84.5% went home": the
                # running total before it already stood at that year
            return None
    for r in earlier or ():
        if (
            r["indicator"] == indicator
            and r["year_basis"] in _TOLD_BASES
            and since < (r["year"] or 0) < pub
            and "\n\n" not in text[r["end"] : s_start]
        ):
            return r
    return None


# learners where they study: "7,180 Chinese students in Scotland", "4,200 Chinese students
# enrolled in Japanese universities", "students from China were studying at"
# (the first of a list of figures: "hosted about 20,000, 35,000 and 11,000 Chinese students")
_LIST_AFTER = r"(?:,?\s+(?:and\s+)?\d[\d,.]*)*"
_LEARNERS_PLACED = re.compile(
    _LIST_AFTER + r"\s+(?:[\w-]+\s+){0,3}?(?:students|scholars|learners)\b"
    r"(?:\s+(?:from|of)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?"
    r"(?:\s+(?:were|are|was|is))?(?:\s+(?:now|currently|still))?"
    r"\s+(?:enrolled|studying|registered|(?:at|in)\s+(?:the\s+)?(?:[A-Z]|\w+\s+universit|"
    r"universit|colleges?\b|schools?\b))"
)
# (a place told before: "14,000 Chinese students and scholars were there in 1985")
_LEARNERS_THERE = re.compile(
    _LIST_AFTER + r"\s+(?:[\w-]+\s+){0,3}?(?:students|scholars|learners)\b"
    r"\s+(?:were|are|was|is)(?:\s+(?:now|currently|still))?\s+there\b"
)
# "the number of Chinese students in Europe rose to", "Chinese students in Canada numbered":
# the learners placed before the figure
_LEARNERS_NUMBER = re.compile(
    r"\bnumber\s+of\s+(?:[\w-]+\s+){0,2}?(?:students|scholars|learners)\s+(?:enrolled\s+)?"
    r"(?:in|at)\s+(?:the\s+)?[A-Z][^;:]*$"
    # "Chinese students in Canada numbered 41,000", "... enrolled abroad numbered about
    # 694,000 and 189,000 respectively", "Chinese students in Austria (winter term): 1,900"
    r"|\b(?:students|scholars|learners)\s+(?:enrolled\s+|registered\s+)?(?:in|at|abroad)\b"
    r"(?:[^;:.]|\.(?=\S)){0,60}?(?:\bnumbered|\btotall?ed|\bstood\s+at|:)\s+"
    r"(?:[a-z]+\s+(?:than\s+)?)?"
    r"(?:\d[\d,.]*(?:\s+million)?,?\s+(?:and\s+)?)*$"
)
# verbs whose object is learners where they study ("hosted", "enrolled")
_HOSTING = frozenset(
    {"host", "hosts", "hosted", "enrol", "enroll", "enrolled", "enrols", "enrolls"}
)
_LEARNERS = re.compile(_LIST_AFTER + r"\s+(?:[\w-]+\s+){0,3}?(?:students|scholars|learners)\b")


def _chinese_learners_after(text: str, num: _Num) -> bool:
    """True when the learners the figure (or the list it opens) counts are called Chinese:
    "hosted 3,150, 2,100 and 1,800 Chinese students"."""
    m = _LEARNERS.match(text, num.end, min(len(text), num.end + 120))
    return m is not None and "Chinese" in m.group()


def _placed_learners(text: str, num: _Num, s_start: int, after, low) -> bool:
    """True when the figure counts learners where they study (a host's standing count):
    its noun places them ("7,180 Chinese students in Scotland", "... enrolled at"), its verb
    hosts or enrols them, or "the number of Chinese students in X" comes to it; never the
    object or subject of an event ("sent 3,000 students to Japan", "arrived in")."""
    lo = max(s_start, num.start - 160)
    hi = max(after[1], min(len(text), num.end + 120))  # (past a list of figures)
    if low is not None:
        window = low[lo:hi]
        if "stud" not in window and "schol" not in window and "learner" not in window:
            return False
    r, before, _after = _figure_clause(text, num, s_start, after[1], low)
    if r is not None and r.kind == "event":
        return False
    if _LEARNERS_PLACED.match(text, num.end, hi):
        return True
    if _LEARNERS_THERE.match(text, num.end, hi):
        return True
    if (
        _LEARNERS.match(text, num.end, hi)
        and r is not None
        and not r.subject
        and any(t in _HOSTING for t in before[r.first : r.last + 1])
    ):
        return True
    return bool(_LEARNERS_NUMBER.search(text, lo, num.start))


@functools.cache
def _placed_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of people placed where they stand (``numbers.yaml`` ``clause``
    ``placed_people``, ``placed_after``): after the figure ("42,000 PRC nationals then in
    Australia") and before it ("Korean students in China numbered", "the numbers of ASEAN
    students in China ... reached")."""
    from analysis.config import load_lexicon

    lex = load_lexicon("numbers")["clause"]
    people = (
        "|".join(re.escape(f) for n in lex.get("placed_people", []) for f in noun_forms(n)[1:])
        or "(?!)"
    )
    between = "|".join(re.escape(w) for w in lex.get("placed_after", [])) or "(?!)"
    place = (
        r"(?:(?:in|at)\s+(?:the\s+)?(?:[A-Z]|(?:[\w'’-]+\s+){1,3}?universit|universit|"
        r"colleges?\b|campus)|there\b)"
    )
    after = re.compile(
        _LIST_AFTER + rf"\s+(?:[\w-]+\s+){{0,3}}?(?:{people})\b"
        r"(?:\s+(?:from|of)\s+(?:the\s+|mainland\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?"
        rf"(?:\s+(?:were|are|was|is))?(?:\s+(?:{between}))*\s+{place}"
    )
    # (what the number comes to: a state, or a move between two dates; "reached N in
    # 2014" is that year's figure, :func:`_by_aspect`)
    comes = (
        r"(?:\bnumbered|\btotall?ed|\bstood\s+at|\b(?:was|were|is|are)|\b(?:grew|rose|risen|"
        r"increased|climbed|fell|dropped|declined)\s+from)\s+(?:[a-z]+\s+(?:than\s+)?)?"
        r"(?:\d[\d,.]*(?:\s+million)?,?\s+(?:and\s+)?)*$"
    )
    before = re.compile(
        rf"\b(?:number|numbers)\s+of\s+(?:[\w-]+\s+){{0,2}}?(?:{people})\s+"
        rf"(?:(?:{between})\s+)?{place}[^;:]*?{comes}"
        rf"|\b(?:{people})\s+(?:(?:{between})\s+)?{place}"
        rf"(?:[^;:.]|\.(?=\S)){{0,60}}?{comes}"
    )
    return after, before


def _placed_people(text: str, num: _Num, s_start: int, after, basis: str, low) -> bool:
    """True when the figure counts people where they stand at its date (a level): its noun
    places them ("42,000 PRC nationals then in Australia", "3,000 Chinese scholars working
    in Germany"), or the number of people placed comes to it ("Korean students in China
    numbered 66,672"). Never the object or subject of an event ("sent 3,000 students to
    Japan"), a running total ("the cumulative number of ... has reached"), a count "during
    the year" (a flow within it), a host's "had ... last year" (:func:`_by_aspect`); up to
    a date ("by 1994") or over a span only after "there were" ("there were about 110,000
    students ... by 1996")."""
    lo = max(s_start, num.start - 160)
    clause = (_clause_from(text, s_start, num.start), after[1])
    there = _THERE_BE_BEFORE.search(text, max(lo, num.start - 40), num.start) is not None
    if basis in ("cumulative", "period") and not there:
        return False
    if _TOTAL.search(text, *clause) or _IN_THE_YEAR.search(text, *clause):
        return False
    r = _figure_clause(text, num, s_start, after[1], low)[0]
    if r is not None and (r.kind == "event" or (r.kind == "state" and basis == "relative")):
        return False
    placed_after, placed_before = _placed_patterns()
    if placed_after.match(text, num.end, max(after[1], min(len(text), num.end + 120))):
        return True
    return bool(placed_before.search(text, lo, num.start))


# "there were about 110,000 students ...", "that there are now about 40,000"
_THERE_BE_BEFORE = re.compile(
    r"\bthere\s+(?:were|are|was|is)(?:\s+(?:now|still|then))?\s+(?:[a-z]+\s+(?:than\s+)?)?$",
    re.I,
)


def _told_as_event(text: str, num: _Num, s_start: int, after, low) -> bool:
    """True when the figure's verb is an event ("received a total of 35 million euros")."""
    r = _figure_clause(text, num, s_start, after[1], low)[0]
    return r is not None and r.kind == "event"


def _standing_now(text: str, num: _Num, after, low) -> bool:
    """True when the figure's own verb is a state or an activity in the present, or a
    progressive ("are in the United States", "Japan hosts about 2,500", "were still
    studying"): a standing count, whatever the measure of the whole it is a part of."""
    r = _figure_clause(text, num, 0, after[1], low)[0]
    return r is not None and (
        r.aspect == "progressive" or (r.kind in ("state", "activity") and r.aspect == "present")
    )


# "China will invest 200 million euros", "will contribute about 10 percent of the cost",
# "satellites orbiting about 23,600 kilometres": a sum pledged, a share, a dimension; a
# future verb makes a plan's goal of counts (projects, fellows) and capacities only
_NOT_MARKED_TARGETS = frozenset({"percent", "fraction", "m", "km"})


def _not_marked_target(unit: str) -> bool:
    """Money, a share, a length: a figure in these units "will" give is pledged, not a
    target a plan must mark."""
    return unit in _NOT_MARKED_TARGETS or is_money(unit)


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


_THE_YEAR = re.compile(r"\b(?:the|that|this|same)\s+year\b|\b(?:the\s+same|that)\s+date\b", re.I)
# the year just told, by a sentence that names none ("In the same year", "that year")
# a reporting verb in the present before the figure
_SAYS_NOW = re.compile(r"\b(?:says|reports|estimates|shows|counts|lists)\b")
# (not "founded the same year as the scheme": a name's date, compared)
_SAME_YEAR = re.compile(r"\b(?:the\s+same|that(?:\s+same)?)\s+year\b(?!\s+as\b)", re.I)


# a heading (or the title) that names the one year it reviews: "I. Review of Work in 2015",
# "Summary of Sichuan's International S&T Cooperation in 2012"
_REVIEWED = re.compile(r"\bin\s+((?:19|20)\d\d)\b(?!\s*[-–—/]\s*\d)", re.I)  # ("MAIN WORK IN 2015")
# or that tells it in figures or in review: "… cooperation: 2015 in figures", "2018 in review",
# "… at a Glance (2018)"
_REVIEWED_FIGURES = re.compile(
    r"\b((?:19|20)\d\d)\s+in\s+(?:figures|numbers|review|brief)\b|\(((?:19|20)\d\d)\)\s*$", re.I
)
# or that ends with it after a comma: "Statistical Bulletin on ... of Zhejiang Province, 2008"
_REVIEWED_AT_END = re.compile(r",\s+((?:19|20)\d\d)\s*$")
_YEAR_DIGITS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# or a report named by the year it covers: "ZHONGGUANCUN SCIENCE PARK ANNUAL REPORT 2010",
# "Yearbook 1995" (a running header over the page, or the title)
_REVIEWED_REPORT = re.compile(
    r"\b(?:annual\s+report|yearbook|year\s*book|report)\s+((?:19|20)\d\d)\s*(?:$|:)"
    # ... or by the year before its kind: "2017 Annual Summary of International Cooperation"
    r"|^((?:19|20)\d\d)\s+(?:annual\s+)?(?:report|summary|review|yearbook)\b",
    re.I,
)
_YEARBOOK = re.compile(r"year\s*book", re.I)
# a stamp line read as a heading ("Source: Department of Service Trade | 2010-01-26 15:40"):
# a full date or a clock time is no section's name
_STAMP_LINE = re.compile(r"(?:19|20)\d\d[-/.]\d\d?[-/.]\d\d?|\b\d\d?:\d\d\b")
# how far back (in sentences) a figure looks for the heading it stands under
_HEADING_REACH = 60


def _review_year(doc, index: int, pub: int, context: list | None) -> int | None:
    """The year the nearest heading above sentence ``index`` (or the title, when no heading
    stands between) reviews, when it names one year only, with "in", before the page's
    year: the date that section's "now", perfects and running totals stand at (a work
    report of January 2016 reviewing 2015). None otherwise."""
    if getattr(doc, "published_basis", "") == "reviewed_year":
        # a year's review dated the year after it (analysis.dating): its "now" is that year's end
        return pub - 1
    if context is None or len(context) < 9:
        return None
    memo = context[8]
    if -1 - index in memo:  # (a sentence's answer, under a key no heading's index takes)
        return memo[-1 - index]
    sentences = doc.sentences
    # the nearest heading that names a year, or else the title: a section heading naming
    # none ("I. Basic figures") stands under the title's year ("China's International S&T
    # Cooperation in 2008: An Overview")
    k = index
    while True:
        above = k
        for k in range(above - 1, max(-1, index - _HEADING_REACH), -1):
            if sentences[k].kind in ("heading", "title"):
                break
        else:
            # no title line in the text (a running header taken as the title): the title's
            memo[-1 - index] = _reviewed_in(
                getattr(doc, "title", None) or "", pub
            ) or _header_reviews(doc, pub, memo)
            return memo[-1 - index]
        if k not in memo:
            s = sentences[k]
            line = doc.text[s.start : s.end]
            years = _YEAR_DIGITS.findall(line)
            memo[k] = _reviewed_in(line, pub) if len(years) == 1 or not years else None
            if memo[k] is None and (not years or (s.kind != "title" and _STAMP_LINE.search(line))):
                # (the one above governs; above the title, the page's running header: "· 238 ·
                # LIAONING YEARBOOK 1996" over a yearbook's pages)
                memo[k] = _header_reviews(doc, pub, memo) if s.kind == "title" else False
        if memo[k] is not False:
            break
    memo[-1 - index] = memo[k]
    return memo[k]


# the date a page's figures stand at, set over them: "(figures as of December 2018)", "The
# figures below are as of 31 March 2001", "data as at end-2015", a box's heading "... AT A
# GLANCE (as of December 2018)"
_AS_OF_FRAME = re.compile(
    r"(?:\b(?:figures|data|numbers|statistics)\b[^.;\n]{0,24}?|\(\s*)\bas\s+(?:of|at)\s+"
    r"(?:(?:the\s+)?end[\s-]+(?:of\s+)?)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?"
    r"((?:19|20)\d\d)\b",
    re.I,
)
# how far (in characters) such a frame reaches down the page
_FRAME_REACH = 1500


def _frame_year(doc, pos: int, pub: int, context: list | None) -> int | None:
    """The year of the nearest "as of" frame (:data:`_AS_OF_FRAME`) above ``pos`` within
    ``_FRAME_REACH`` characters, no later than the page's year; None when there is none."""
    if context is None or len(context) < 9:
        return None
    memo = context[8]
    if "frames" not in memo:
        memo["frames"] = _frames(doc)
    got = None
    for end, year in memo["frames"]:
        if end > pos:
            break
        if pos - end <= _FRAME_REACH and year <= pub:
            got = year
    return got


def _frames(doc) -> list[tuple[int, int]]:
    """(end in the cleaned text, year) of each "as of" frame, in order: in the text, and in
    a note cleaning removed ("(figures as of December 2018)", corpus rule ``figures_note``),
    placed where the text after it starts."""
    text = doc.text
    got = (
        [(m.end(), int(m.group(1))) for m in _AS_OF_FRAME.finditer(text)]
        if "as of " in text or "as at " in text
        else []
    )
    furniture = getattr(doc, "furniture", "")
    if furniture and ("as of " in furniture or "as at " in furniture):
        original = doc.original
        segments = doc.segments
        for m in _AS_OF_FRAME.finditer(original):
            at = next((c for c, o, _n in segments if o >= m.end()), len(text))
            got.append((at, int(m.group(1))))
    return sorted(set(got))


def _header_reviews(doc, pub: int, memo: dict) -> int | None:
    """The year the page's first running header reviews ("ANNUAL REPORT 1990", "LIAONING
    YEARBOOK 1996"; :func:`_reviewed_in`), once per page; None when it names none."""
    if "header_year" not in memo:
        headers = [r.text for r in getattr(doc, "removed", ()) if r.rule == "running_header"]
        # a running header is the publication's name ("ANNUAL REPORT 1990"): a year only in
        # a phrase ("5  Panda cubs born in 2017 meet the public", a list item taken for a
        # header) names no year the page reviews
        memo["header_year"] = next(
            (
                y
                for y in (
                    _reviewed_in(h.strip(), pub)
                    for h in headers[:3]
                    if _REVIEWED_REPORT.search(h.strip()) or _REVIEWED_FIGURES.search(h)
                )
                if y
            ),
            None,
        )
    return memo["header_year"]


def _report_year(doc, pub: int) -> int | None:
    """The year a government's work report delivered early in the year reviews: the year
    before (a "Report on the Work of the Government" or "Government Work Report" of January
    2016 tells 2015; its figures that name no year of their own stand at the end of 2015).
    None for any other page, or one delivered after ``_REPORT_MONTHS``."""
    published = getattr(doc, "published", "") or ""
    if len(published) < 7 or int(published[5:7]) > _REPORT_MONTHS:
        return None
    if not _WORK_REPORT.search(getattr(doc, "title", "") or ""):
        return None
    return pub - 1


# a government's yearly report to its congress, delivered in its first months
_WORK_REPORT = re.compile(r"\b(?:report\s+on\s+the\s+work\s+of|work\s+report)\b", re.I)
_REPORT_MONTHS = 4


def _reviewed_in(line: str, pub: int) -> int | None:
    """The one year a heading or title line reviews ("… in 2015", "…, 2008", "Annual
    Report 2010"), when it is before the page's year; None otherwise."""
    if len(_YEAR_DIGITS.findall(line)) != 1:
        return None
    m = (
        _REVIEWED.search(line)
        or _REVIEWED_AT_END.search(line)
        or _REVIEWED_FIGURES.search(line)
        or _REVIEWED_REPORT.search(line.strip())
    )
    if m is None:
        return None
    year = int(m.group(1) or m.group(2))
    if year == pub and m.re is _REVIEWED_REPORT and _YEARBOOK.search(m.group(0)):
        # a yearbook is named by the year it comes out and tells the year before ("LIAONING
        # YEARBOOK 1996": its figures are of 1995)
        return year - 1
    return year if year < pub else None


# a relative clause or a semicolon opens a clause of its own: "The laboratory will serve
# the programme, which brings together 300 scientists" (no goal)
_CLAUSE_OPENER = re.compile(r"[,;]\s*(?:which|who|where)\b|;")


def _clause_from(text: str, s_start: int, start: int) -> int:
    """Where the clause of a figure at ``start`` opens (the sentence's start, or the end of
    the last relative clause opener or semicolon before it)."""
    at = s_start
    for m in _CLAUSE_OPENER.finditer(text, s_start, start):
        at = m.end()
    return at


# verbs and nouns of intending, hoping and expecting (the future markers of numbers.yaml
# aside): "expects/wants/intends/hopes/strives", "has pledged to", "is planned to",
# "foresees/envisages/anticipates", "provides for", "a goal of" (not "expected", "hoped":
# "than expected", "had hoped to" tell what did not happen)
_GOAL_VERB = re.compile(
    r"\b(?:expects?|intends?|wants?|hopes?|wish(?:es)?|strives?|pledged?\s+to|pledges\s+to"
    r"|(?:is|are|was|were)\s+planned\s+to|planned\s+to|foresees?|envisages?|envisions?"
    r"|anticipates?|provides?\s+for|goals?\s+of|aims?\s+of)\b",
    re.I,
)


def _goal_verb(text: str, s_start: int, start: int, low: str | None) -> bool:
    """True when a verb of intending or expecting (:data:`_GOAL_VERB`) stands before the
    figure at ``start`` in its own clause (:func:`_clause_from`)."""
    at = _clause_from(text, s_start, start)
    if not _may(_GOAL_VERB, low, at, start):
        return False
    # "planned to award 101,000 scholarships by 2015, but only 37 had gone": a contrast
    # opens a clause that tells what happened
    but = text.rfind(" but ", at, start)
    return _GOAL_VERB.search(text, at if but < 0 else but, start) is not None


_NOW = re.compile(r"\b(?:now|today|currently|at\s+present|so\s+far|to\s+date)\b", re.I)


# "now" and its like before a figure told in the present: a standing count (not "so far",
# "to date": a running total)
_NOW_STANDING = re.compile(r"\b(?:now|currently|at\s+present|today)\b", re.I)

_SPOKEN_KINDS = ("explicit", "range", "by", "lastyear", "by_last", "range_last", "thisyear")


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
    _duration_end(doc, sent, context)
    last, year = context[:2]
    pub = doc.published_year
    if _box_line(doc, index):
        # a box of labelled figures under its lead-in ("(figures as of end-2014):" /
        # "Students sent abroad, 2018: 905" / "Joint research centres: 14"): a line's own
        # year dates its figure only; a line without one has the box's, the year of the
        # sentence over the box
        box_year = _frame_year(doc, sent.start, pub, context) if pub is not None else None
        if box_year is None and last == index - 1:
            box_year = year
        context[:2] = [index, box_year]
        own = any(e.kind in _SPOKEN_KINDS for e in exprs)
        return None if own else box_year
    if last != index - 1:
        # sentences without figures stood between: a sentence told in the past ("There
        # were 122 staff", "Japan followed with ...") goes on with the year they, or the
        # sentence before them, spoke of; any other speaks of the page's date
        year = (
            _between_year(doc, last, index, year, pub, context[9] if len(context) > 9 else None)
            if _told_in_past(doc, sent)
            else None
        )
    # a year dating a name (", jointly developed with Singapore since 1994,") is not one the
    # sentence speaks of
    exprs = [
        e for e in exprs if e.kind not in ("explicit", "since") or not in_name_aside(doc.text, e)
    ]
    # nor is a comparison base's (", compared with 395 in 2011"): it dates its base alone
    exprs = [
        e
        for e in exprs
        if e.kind != "explicit" or not _BASE_BEFORE.search(doc.text, max(0, e.start - 80), e.start)
    ]
    spoken = []
    for e in exprs:
        if e.kind not in _SPOKEN_KINDS:
            continue
        if e.kind in ("lastyear", "by_last", "range_last", "thisyear"):
            if pub is not None:
                spoken.append(_spoken_year(e, pub))
        else:
            spoken.append(e.y2 if e.kind == "range" else e.y1)
    if spoken:
        # a heading that names one year ("II. Main tasks accomplished in 2004") dates the
        # section told in the past under it; other furniture dates nothing
        heading = (
            sent.kind == "heading"
            and len(set(spoken)) == 1
            and all(e.kind == "explicit" for e in exprs)
        )
        context[:2] = [index, max(spoken) if sent.kind == "body" or heading else None]
        if len(context) > 7:
            # "From 1978 to the end of 1989 ...": the sentences after speak of that period
            ranged = any(
                (e.kind == "range" and e.y2 == context[1])
                or (e.kind == "range_last" and pub is not None and pub - 1 == context[1])
                for e in exprs
            )
            # "By the end of last year, 340,000 had gone abroad. 110,000 of them have come
            # back.": the sentences after speak of the total at that date
            by = not ranged and any(
                e.kind in ("by", "by_last") and _spoken_year(e, pub) == context[1] for e in exprs
            )
            context[7] = "period" if ranged else "cumulative" if by else "explicit"
        return None
    if (
        any(e.kind != "compare" for e in exprs)
        or year is None
        or _NOW.search(doc.text, sent.start, sent.end)
    ):
        # (a comparison's base, "a decrease of 31.5 per cent from 1989", dates no figure)
        context[:2] = [index, None]
        return None
    if (len(context) <= 7 or context[7] not in ("period", "cumulative")) and (
        _told_in_present(doc, sent)
        # "China and Italy signed their agreement in 1978. China has since signed such
        # agreements with 97 countries ...": a perfect of its own, no verb in the past, tells
        # the page's date, and a sentence after it told in the past goes on with no year
        or _perfect_only(doc.text, sent.start, sent.end)
    ):
        # "In 1986 the academy sent 2,100 scientists ... The academy belongs to 26 bodies,
        # and its influence is growing.": after a year's events, a sentence told in the
        # present speaks of the page's date, and so do those after it (after a period or a
        # running total, "About 1.71 million are still abroad", of the period's end)
        context[:2] = [index, None]
        return None
    if (
        len(context) > 7
        and context[7] in ("period", "cumulative")
        and index
        and "\n\n" in doc.text[doc.sentences[index - 1].end : sent.start]
    ):
        # "Over the twelve years from 1979 to 1990 China imported ...\n\nBy source, Japan
        # was the largest supplier: ... worth US$380 million": a new paragraph goes on with
        # the period's last year, not with the period
        context[7] = "explicit"
    context[:2] = [index, year]
    return year


def _box_line(doc, index: int) -> bool:
    """True when sentence ``index`` is one line of a box of labelled figures
    (:func:`analysis.tables.labelled_line`), with a line of its paragraph (a sentence of one
    line) right above or below it."""
    text, sentences = doc.text, doc.sentences
    sent = sentences[index]
    if text.find("\n", sent.start, sent.end) >= 0:
        return False
    if not labelled_line(text[sent.start : sent.end].strip()):
        return False
    for k in (index - 1, index + 1):
        if 0 <= k < len(sentences):
            other = sentences[k]
            a, b = (other.end, sent.start) if k < index else (sent.end, other.start)
            gap = text[a:b]
            if gap.count("\n") == 1 and gap.isspace() and "\n" not in text[other.start : other.end]:
                return True
    return False


# how far back (in sentences) a sentence told in the past looks for the year it goes on with
_BORROW_REACH = 4
# a verb in the past (simple or perfect) / in the present
_PAST_VERB = re.compile(r"\b(?:was|were|had|did|[a-z]{2,}ed)\b")
_PRESENT_VERB = re.compile(
    r"\b(?:is|are|has|have|now|today|currently|yesterday|on\s+(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)|this\s+(?:week|month))\b",
    re.I,
)


def _in_present(text: str, num: _Num, s_start: int, s_end: int, low: str | None) -> bool:
    """True when the verb of the figure (:func:`analysis.numbers.read_clause`) is in the
    simple present, active or passive ("hosts", "are now enrolled", "brings to 41")."""
    semi = text.rfind(";", s_start, num.start)
    reading, before, after = read_clause(
        text if low is None else low, max(s_start, semi), num.start, num.end, s_end, low is not None
    )
    if reading is not None and reading.aspect == "progressive":
        # "the DFG alone is funding about 190 projects": a progressive in the present
        words = after if reading.subject else before
        return any(w in ("is", "are", "am") for w in words[reading.first : reading.last + 1])
    return reading is not None and reading.aspect == "present"


# the start of a list's item on a line of its own: a bullet or an item's number
# (a bullet's, a number's or a fact box's row: :data:`_NEXT_ITEM`)
_ITEM_LINE = _NEXT_ITEM
# the rest of a fact box's row after a year in its label: the label's end, its colon or dash,
# its figure ("Students sent abroad in 2016: 962")
_LABELLED_ROW_REST = re.compile(
    r"[^\n:.;]{0,60}?(?::|[ \t](?:--?|[–—]))[ \t]+[+\-−]?\d[\d,.]*[^\n]{0,40}\s*"
)


def _item_exprs(text: str, s_start: int, num: _Num, exprs: list) -> list:
    """The year expressions that may date a figure in a list set out item by item: all but
    those of another item that closes as a sentence or dates a name there ("- 9 joint
    centres, including the park in Almaty, opened in 2017 / - 47 projects under way": 2017
    dates no 47; a slide's "500+ young scientists hosted in 2017 / Visitors from 38
    countries" goes on with its year)."""
    if not exprs:
        return exprs
    bounds = (
        [m.start() for m in _ITEM_LINE.finditer(text, s_start, num.start + 1)]
        if text.find("\n", s_start, num.start) >= 0
        else []
    )
    nxt = _ITEM_LINE.search(text, num.end, num.end + 400)
    if not bounds:
        # the list's first item: the items after it date none of its figures
        if nxt is None:
            return exprs
        return [e for e in exprs if e.start < nxt.start()]
    own = (bounds[-1], nxt.start() if nxt is not None else len(text))
    kept = []
    for e in exprs:
        if e.start < bounds[0] or own[0] <= e.start < own[1]:
            kept.append(e)
            continue
        if e.start >= own[1]:
            continue  # a later item's year dates none before it
        item_end = next((b for b in bounds if b > e.start), own[0])
        closed = text[e.end : item_end].rstrip()[-1:] in (".", "!", "?")
        if closed or after_name_aside(text, e.start):
            continue
        if _LABELLED_ROW_REST.fullmatch(text, e.end, item_end):
            continue  # "Students sent abroad in 2016: 962": the year of its own row's label
        kept.append(e)
    return kept


def _told_in_past(doc, sent) -> bool:
    """True when a sentence has a verb in the past and none in the present."""
    text = doc.text
    return bool(
        _PAST_VERB.search(text, sent.start, sent.end)
        and not _PRESENT_VERB.search(text, sent.start, sent.end)
    )


# a verb in the past, not a participle after "be" or "have" ("are enrolled", "has grown")
_FINITE_PAST = re.compile(
    r"\b(?:was|were|had|did)\b|(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )(?<!\bhas )"
    r"(?<!\bhave )(?<!\bnow )\b[a-z]{2,}ed\b",
    re.I,  # (a page in capitals: "WAS", "SIGNED")
)


_PRESENT_BE = re.compile(r"\b(?:is|are|now|today|currently)\b", re.I)


def _told_in_present(doc, sent) -> bool:
    """True when a sentence has "is", "are" or "now" and no verb in the past ("about 25,000
    are enrolled" is in the present; a perfect, "have come back", is neither)."""
    text = doc.text
    return bool(
        _PRESENT_BE.search(text, sent.start, sent.end)
        and not _FINITE_PAST.search(text, sent.start, sent.end)
    )


def _between_year(
    doc, last: int, index: int, year: int | None, pub: int | None, anchors: list[int] | None = None
) -> int | None:
    """The year the sentences between the last one with figures (``last``, which spoke of
    ``year``) and ``index`` speak of: the latest of them that names one, else ``year``;
    None when that is more than :data:`_BORROW_REACH` sentences back. ``anchors``: the
    document's :func:`analysis.numbers._year_anchors` (the fast scan), if known."""
    lo = max(last + 1, index - _BORROW_REACH, 0)
    g = grammar()
    text = doc.text
    low = None if anchors is None else _lower(text)
    for k in range(index - 1, lo - 1, -1):
        s = doc.sentences[k]
        if s.kind != "body":
            continue
        spoken = [
            _spoken_year(e, pub)
            for e in _year_exprs(g, text, s.start, s.end, anchors, low)
            if e.kind in _SPOKEN_KINDS
        ]
        spoken = [y for y in spoken if y is not None]
        if spoken:
            return max(spoken)
    return year if last >= index - _BORROW_REACH else None


def _spoken_year(e, pub: int | None) -> int | None:
    """The year a year expression of :data:`_SPOKEN_KINDS` speaks of."""
    if e.kind in ("lastyear", "by_last", "range_last"):
        return None if pub is None else pub - 1
    if e.kind == "thisyear":
        return pub
    return e.y2 if e.kind == "range" else e.y1


_WITHIN_YEARS = re.compile(
    r"\b(?:within|over|in)\s+(?:(?:about|some)\s+|the\s+first\s+|the\s+)?"
    r"(?:(?P<a>\w+)\s+(?:to|or|-)\s+)?(?P<n>\w+)\s+years\b",
    re.I,
)
# ... or the span of what a sum goes to ("will put 25 million rupees into the two-year
# survey"; not a plan named by its span, "the Five-Year Plan")
_SPAN_OF_OBJECT = re.compile(
    r"\b(?:into|to|for)\s+(?:the|a|its|their)\s+(?P<n>\w+)-year\s+(?!plan\b)[a-z]", re.I
)
# a span told again ("and NSFC will put in RMB 30 million over the same period"): the one
# named before in the sentence
_SAME_PERIOD = re.compile(r"\b(?:over|in|during)\s+the\s+same\s+(?:period|years)\b", re.I)
_LAUNCHED_IN = re.compile(
    r"\b(?:launched|started|set\s+up|established|introduced|began)\s+in\s+"
    r"(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\.?\s+)?((?:19|20)\d\d)\b"
)


def _goal_span(text: str, start: int, end: int, s_start: int | None = None) -> int | None:
    """The number of years of a goal's span ("over three years", "within five to ten
    years": the longer end), or None; "over the same period" is the span named before
    ``start`` from ``s_start`` (the sentence's start) on."""
    m = _WITHIN_YEARS.search(text, start, end) or _SPAN_OF_OBJECT.search(text, start, end)
    if m is None and s_start is not None and _SAME_PERIOD.search(text, start, end):
        m = next(reversed(list(_WITHIN_YEARS.finditer(text, s_start, start))), None)
    if m is None:
        return None
    n = m.group("n").lower()
    span = int(n) if n.isdigit() else grammar().period_words.get(n)
    return span if span is not None and span <= 30 else None


def _duration_end(doc, sent, context: list) -> None:
    """ "The plan aims to set up 50 laboratories within five years", after "the plan was
    launched in 2017": a goal over a span counted from the launch the document gave, so the
    plan's end (``context[6]``) is that year plus the span (the longer end of "five to ten
    years"). Nothing when the sentence sets no goal or no launch year stands before it."""
    if len(context) < 7:
        return
    text = doc.text
    low = _lower(text)
    if low is not None and low.find("years", sent.start, sent.end) < 0:
        return  # (the pattern's one required word; ``low`` is ``text.lower()``, same length)
    m = _WITHIN_YEARS.search(text, sent.start, sent.end)
    if m is None or not grammar().target_markers.search(text, sent.start, sent.end):
        return
    words = grammar().period_words
    n = m.group("n").lower()
    span = int(n) if n.isdigit() else words.get(n)
    if span is None or span > 30:
        return
    launched = None
    for launch in _LAUNCHED_IN.finditer(text, max(0, sent.start - 3000), sent.start):
        launched = int(launch.group(1))
    if launched is not None:
        context[6] = launched + span


_RANGE_TO = re.compile(r"\s*(?:to|[-–—])\s*$")


_RANGE_BETWEEN = re.compile(r"\s*and\s*$")
_RANGE_OR = re.compile(r"\s+or\s+$")


_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.I)


_BETWEEN_BEFORE = re.compile(r"\bbetween\s*$", re.I)
# a verb of change and "by" before the first number: "rose by", "increased by", "was up by"
_CHANGE_BY_BEFORE = re.compile(
    r"\b(?:rose|risen|rises|rising|increased|increases|increasing|grew|grown|grows|growing|"
    r"climbed|jumped|expanded|fell|fallen|dropped|declined|decreased|up|down)\s+by\s+"
    r"(?:(?:about|some|nearly|almost|over|more\s+than|around|roughly)\s+)?$",
    re.I,
)


def _word_ranges(text: str, nums: list[_Num]) -> list[_Num]:
    """ "200 to 400 scientists", "between 200 and 400", "30 or 40": one figure, a range.
    ("from 200 to 400" is two figures, a change.)"""
    out: list[_Num] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        b = nums[i + 1] if i + 1 < len(nums) else None
        if (
            b is not None
            and a.unit == "count"
            and b.unit not in ("count", "multiple", "fraction")
            and a.low is None
            and b.low is None
            and (
                _RANGE_TO.match(text, a.end, b.start)
                or (
                    _RANGE_BETWEEN.match(text, a.end, b.start)
                    and _BETWEEN_BEFORE.search(text[max(0, a.start - 10) : a.start])
                )
            )
        ):
            # "20 to 30 percent", "roughly 700 to 800 million dollars": the first end, bare,
            # is in the unit and scale of the second
            a = _with_units_of(text, a, b) or a
        if (
            b is not None
            and a.low is None
            and b.low is None
            and a.unit == b.unit
            and a.unit not in ("multiple", "fraction")
            and 0 < a.value < b.value < a.value * 100
        ):
            before = text[max(0, a.start - 10) : a.start]
            to = (
                _RANGE_TO.match(text, a.end, b.start)
                and not _FROM_BEFORE.search(before)
                # ("rose by 71 to 346": a change and the level it reached; "grew by 20 to 30
                # percent", ends close together, is a range of the change)
                and not (
                    b.value > 2 * a.value
                    and _CHANGE_BY_BEFORE.search(text, max(0, a.start - 24), a.start)
                )
            )
            between = _RANGE_BETWEEN.match(text, a.end, b.start) and _BETWEEN_BEFORE.search(before)
            # "two or three fellows", "30 or 40 researchers": an estimate between close figures
            either = b.value <= 2 * a.value and _RANGE_OR.match(text, a.end, b.start)
            if to or between or either:
                q = a.qualifier if a.qualifier != "exact" else "range"
                out.append(_Num(a.start, b.end, a.value, a.unit, q, a.value, b.value))
                i += 2
                continue
        out.append(a)
        i += 1
    return [n for n in out if not _DURATION_AFTER.match(text, n.end)]


# items of a list joined before its last ("27.1 and 31.6 percent", "3.2, 2.1 and 1.5")
_LIST_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_BARE_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALES = (1.0, 1e3, 1e4, 1e6, 1e8, 1e9, 1e12)


def _list_units(text: str, nums: list[_Num]) -> None:
    """ "accounted for 27.1 and 31.6 percent respectively", "3.2, 2.1 and 1.5 billion
    dollars": the items of a list before its last, written bare, take the last item's unit
    and scale (the list is read from its end, so every bare item before it takes them)."""
    for i in range(len(nums) - 2, -1, -1):
        a, b = nums[i], nums[i + 1]
        if a.unit != "count" or b.unit == "count" or a.low is not None:
            continue
        between = text[a.end : b.start]
        if not _LIST_JOIN.fullmatch(between):
            continue
        own = text[a.start : a.end]
        if not _BARE_FIGURE.fullmatch(own.strip()):
            continue  # ("12 projects and 3 percent": a word of its own after the first)
        first = _BARE_FIGURE.search(text, b.start, b.end)
        if first is None or first.start() != b.start:
            # ("numbered 318 and US$ 0.95 billion respectively": the last item's currency
            # written before it is its own; "2,350, some 40 per cent more": a qualifier opens
            # a figure of its own)
            continue
        nums[i] = _with_units_of(text, a, b, first) or a


# a figure written with its scale word and nothing it counts after it ("of which China will
# provide 7 million.", "up from 2.1 billion in 2010")
_SCALE_END = re.compile(r"(?:\d\s*(?:million|billion|trillion|mln|bln|bn|m))$", re.I)
_NOTHING_COUNTED = re.compile(
    r"\s*(?:[,.;:)\]]|$|(?:from|for|in|to|by|of|and|or|last|this|next|a|the|over|on|into|"
    r"toward|towards|was|were|is|are|will|would|has|had|have|each|every|per|between|since|"
    r"respectively)\b)",
    re.I,
)


def _money_parts(text: str, nums: list[_Num]) -> None:
    """ "will cost 12 million euros, of which China will provide 7 million": a figure written
    with a scale word and no noun of its own, in a sentence whose figure before it is money,
    is money of that currency (the sentence speaks of that sum; "1.3 million people" has its
    own noun)."""
    for i in range(1, len(nums)):
        a = nums[i]
        if a.unit != "count" or a.low is not None:
            continue
        if not _SCALE_END.search(text, a.start, a.end):
            continue
        if not _NOTHING_COUNTED.match(text, a.end):
            continue
        money = next((b for b in reversed(nums[:i]) if b.unit != "count"), None)
        if money is None or not is_money(money.unit):
            continue
        nums[i] = dataclasses.replace(a, unit=money.unit)


def _with_units_of(text: str, a: _Num, b: _Num, first: re.Match | None = None) -> _Num | None:
    """``a`` in the unit and scale of ``b`` ("27.1 and 31.6 percent", "700 to 800 million
    dollars": the bare first figure takes the second's), or None when ``a`` is not a bare
    figure or ``b``'s scale is no power of ten of its written digits."""
    if not _BARE_END.search(text, a.start, a.end):
        return None  # ("12 projects and 3 percent": a word of its own after the first)
    if first is None:
        first = _BARE_FIGURE.search(text, b.start, b.end)
        if first is None or first.start() != b.start:
            return None  # (a currency written before the second is its own)
    written = float(first.group().replace(",", ""))
    scale = 1.0
    if b.unit not in ("percent", "multiple") and written:
        # the last item's scale word, as a power of ten ("billion": 1e9)
        scale = next((p for p in _SCALES if math.isclose(b.value / written, p)), 0.0)
        if not scale:
            return None
    return dataclasses.replace(a, value=_scaled(a.value, scale), unit=b.unit)


# a figure's text ends with its digits: no word of its own after them
_BARE_END = re.compile(r"\d$")


# "within five years", "over five to ten years", "for 30 years": a span of time, no figure
_DURATION_AFTER = re.compile(r"\s+(?:years|months|decades)\b(?!\s+old\b)", re.I)


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
        elif (
            fa["measure"] != fb["measure"]
            and fa["measure"] in _PAIRED_MEASURES
            and fb["measure"] in _PAIRED_MEASURES
            and fb["indicator"] == fa["indicator"]
            and fa["unit"] == fb["unit"]
            and _FROM_TO.match(text, max(a.end, min(fa["end"], b.start)), b.start)
        ):
            # "rose from 4 in 2006 to 11 at the end of 2008", "bases: from 202 in 2010 to 646
            # in 2015": the same count at two dates; one read as standing makes both so
            fa["measure"] = fb["measure"] = "level"
        elif (
            fa["measure"] == fb["measure"] == "annual"
            and fb["indicator"] == fa["indicator"] != UNCLASSIFIED
            and indicator_lexicon().measures.get(fa["indicator"], "level") == "level"
            and fa["unit"] == fb["unit"] == "count"
            and _FROM_TO.match(text, max(a.end, min(fa["end"], b.start)), b.start)
        ):
            # "the number of S&T diplomats abroad rose from 52 in 1980 to 112 in 1990": what
            # stands (a stock) counted at two dates, two levels
            fa["measure"] = fb["measure"] = "level"


_PAIRED_MEASURES = ("level", "annual")
_QUALIFIER_WORDS = (
    r"(?:(?:some|about|around|roughly|over|nearly|almost|only|just|an\s+estimated|"
    r"(?:more|fewer|less)\s+than)\s+)?"
)
# "Japan hosts about 2,500 and West Germany about 1,800", "Shenzhen signed 96 contracts,
# while Shanghai signed 210": a later clause of a name and the figure, its verb left out or
# the same as the figure's before
_PARALLEL = re.compile(
    r"[^.;:\d]{0,80}?,?\s+(?:and|while|but|whereas)\s+"
    r"(?P<name>(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2})\s+"
    r"(?:(?P<verb>[a-z]+)\s+)?" + _QUALIFIER_WORDS + r"$"
)
_VERB_BEFORE = re.compile(r"\b(?P<verb>[a-z]+)\s+" + _QUALIFIER_WORDS + r"$")
_CLAUSE_ENDS = re.compile(r"\s*(?:[.;,)]|$)")


def _parallel_clauses(text: str, nums: list[_Num]) -> None:
    """A figure after "and" or "while" and a name, with its verb left out or the same as
    the figure's before ("Japan hosts about 2,500 and West Germany about 1,800"), ending its
    clause, tells the same kind of count of another owner: it takes that figure's measure."""
    for a, b in zip(nums, nums[1:], strict=False):
        fa, fb = a.fact, b.fact
        if not (
            fa
            and fb
            and fa["unit"] == fb["unit"]
            and fa["measure"] != fb["measure"]
            and fa["measure"] in _PAIR_KINDS
            and fb["measure"] in _PAIR_KINDS
            and _CLAUSE_ENDS.match(text, b.end)
        ):
            continue
        m = _PARALLEL.match(text, a.end, b.start)
        if m is None or m.end() != b.start:
            continue
        if m.group("verb") is not None:
            v = _VERB_BEFORE.search(text, max(0, a.start - 40), a.start)
            if v is None or v.group("verb") != m.group("verb"):
                continue
        fb["measure"] = fa["measure"]


_PAIR_KINDS = ("level", "annual", "cumulative")
# a sum restated in another currency in brackets right after it: "2.1 billion yuan (about 329
# million U.S. dollars)", "1 million yuan (US$161,000)"; or after a dash or a comma with a
# hedge or "or" ("RMB 412 million -- about 60 million US dollars at today's rate", "1.9
# billion CFA francs, roughly 3 million euros", "5 million yuan, or US$730,000")
_HEDGE = r"(?:about|some|around|roughly|approximately|approx\.|nearly|almost|equivalent\s+to|ca\.)"
_CONVERTED = re.compile(
    r"\s*(?:\(\s*(?:(?:" + _HEDGE + r"|or|i\.e\.,?)\s+)?|,\s*or\s+(?:" + _HEDGE + r"\s+)?)$",
    re.I,
)
# (a dash's or a comma's restatement holds its hedge before the sum or in its quote)
_CONVERTED_AFTER_MARK = re.compile(r"\s*(?:—|–|--|,)\s*(?:" + _HEDGE + r"\s+)?$", re.I)
_HEDGED = re.compile(_HEDGE + r"\s", re.I)


def _restated(text: str, gap: int, start: int) -> bool:
    """Whether the sum at ``start`` restates the one before it that ends at ``gap``
    (:data:`_CONVERTED`, or a dash's or a comma's restatement with its hedge)."""
    if _CONVERTED.match(text, gap, start):
        return True
    m = _CONVERTED_AFTER_MARK.match(text, gap, start)
    if m is None:
        return False
    # (the hedge after the mark, or opening the second sum's quote: "-- about 60 million")
    return _HEDGED.search(text, gap, start) is not None or _HEDGED.match(text, start) is not None


def _conversions(text: str, nums: list[_Num]) -> None:
    """A sum restated in brackets in another currency right after it (:data:`_CONVERTED`)
    counts what the first does: its indicator, counted phrase, owner, measure and year."""
    for a, b in zip(nums, nums[1:], strict=False):
        fa, fb = a.fact, b.fact
        if (
            fa is not None
            and fb is not None
            and is_money(fa["unit"])
            and is_money(fb["unit"])
            and fa["unit"] != fb["unit"]
            and fb["start"] > fa["start"]
            and _restated(text, max(a.end, min(fa["end"], b.start)), b.start)
        ):
            for key in ("indicator", "counted", "scope", "actor", "measure", "year"):
                fb[key] = fa[key]
            fb["period_start"], fb["period_end"] = fa["period_start"], fa["period_end"]
            fb["year_basis"] = fa["year_basis"]


# a noun of movement right after a percent: "a 55.6 percent jump in returnees"
_CHANGE_AFTER = re.compile(
    r"\s+(?:jump|rise|increase|growth|gain|drop|decline|fall|decrease|surge)\b", re.I
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:gr[eo]w\w*|increas\w*|ris(?:e|en|es|ing)|rose|up|down|fell|fall\w*|declin\w*|"
    r"drop\w*|jump\w*|surg\w*|expand\w*|doubl\w*|growth|decreas\w*)\b[^,;:]{0,20}$",
    re.I,
)


# "rose to 28 percent", "its share rose to 50 per cent": a verb of movement with "to" gives
# the share reached, not the change ("rose 12 percent", "rose by 12 percent", "up 12.6%")
_MOVED_TO = re.compile(
    r"\b(?:rose|risen|rises?|rising|grew|grown|grows?|growing|increased|increases?|climbed|"
    r"jumped|fell|fallen|falls?|dropped|declined|decreased)\s+to\s*$",
    re.I,
)
# "up from 1.23 per cent": the base a share moved from; "21.3 per cent more than": a change
_MOVED_FROM = re.compile(
    r"\b(?:up|down|rising|falling|rose|risen|grew|grown|growing|fell|fallen|increased|"
    r"decreased|climbed|dropped|declined|slipped)\s+from\s*$",
    re.I,
)
_MORE_THAN = re.compile(
    r"\s+(?:(?:more|less|higher|lower|fewer)\s+(?:[a-z]+\s+){0,2}than|(?:more|less|higher|lower|"
    r"fewer|up|down)\s+(?:on|from))\b",
    re.I,
)
# ... unless what moved is itself a rate of change ("growth rose to 9 percent")
_RATE_WORD = re.compile(r"\b(?:growth|inflation|rate)\b", re.I)


# the words between two figures of one list ("6.4% and 9.1%", "3%, 5%")
_PERCENT_LIST = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


_MADE_UP = re.compile(
    r"\b(?:mad[ea]|mak(?:es?|ing)|t(?:akes?|aking|ook|aken))\s+up\s+(?:\w+\s+)?$", re.I
)


# verbs of a state: the figure is a level at a date, whatever the indicator's kind
_STATE = re.compile(
    r"\b(?:cover(?:s|ed)?|hous(?:e|es|ed)|can\s+house|employ(?:s|ed)?|work(?:s|ed|ing)?\s+(?:at|in)|"
    r"operat(?:e|es|ed)|run(?:s|ning)?|ran|host(?:s|ed)?|keeps?|kept|(?:is|are|was|were)\s+"
    r"(?:home\s+to|studying|enrolled)|(?:headed|led|chaired|staffed)\s+by|there\s+(?:is|are|was|were))\b",
    re.I,
)


_THERE_WERE = re.compile(r"there\b", re.I)


# a flow counted within a year, whatever its verb
_IN_THE_YEAR = re.compile(
    r"\b(?:during|in|over|within|throughout)\s+the\s+year\b(?!\s+(?:of\s+)?(?:19|20)\d\d\b)", re.I
)  # (not "in the year 2000": a year by its number)


_SINCE = re.compile(r"\bsince\b", re.I)


_EACH_YEAR = re.compile(r"\b(?:each|every|a|per)\s+year\b", re.I)


_WORD = re.compile(r"[\w&'’.-]+")


def _following_words(text: str, after: tuple[int, int], most: int = 5) -> str:
    """Up to ``most`` words after a number, within its clause: the counted phrase when no
    lexicon noun was found."""
    words = _WORD.findall(text, *after)[:most]
    return " ".join(words).rstrip(".")


_PERFECT = re.compile(
    r"\b(?:ha(?:ve|s|d)|having)\s+(?:(?:\w+ly|since|also|already|just)\s+)?(?:been\s+)?"
    r"\w+(?:ed|en|t|ne|wn)\b",
    re.I,
)
_RELATIVE_LEAD = re.compile(r"\b(?:who|that|which|whose)\s+(?:\w+\s+){0,2}$", re.I)


_SHARED_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en|wn)\b[^.;:]{0,200}?"
    r"\band\s+(?:\w+ly\s+)?[a-z]+(?:ed|en|wn)\b(?:(?!\band\b)[^.;:\d]){0,100}$"
)


def _perfect_only(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` holds a perfect of its own (:func:`_own_perfect`) and no
    verb in the past outside its perfects ("China has since signed such agreements with 97
    countries and has ties with 152": the page's date; not "..., which it signed in 1978")."""
    if not _own_perfect(text, start, end):
        return False
    perfects = [m.span() for m in _PERFECT.finditer(text, start, end)]
    return not any(
        not any(a <= m.start() and m.end() <= b for a, b in perfects)
        for m in _FINITE_PAST.finditer(text, start, end)
    )


def _own_perfect(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` holds a perfect that is not inside a relative clause
    ("Of those who had completed their studies, 3.65 million chose to return": the perfect
    tells who "those" are, not when the figure's verb happened)."""
    for m in _PERFECT.finditer(text, start, end):
        if m.group().lower().startswith("had"):
            continue  # "By the end of the year China had established ...": a past date's
        if not _RELATIVE_LEAD.search(text, max(start, m.start() - 40), m.start()):
            return True
    return False


# the figure as the subject of a perfect: "7,000 young people have gone", "Four
# satellites have been launched" (a few words of its noun phrase between)
_PERFECT_AFTER = re.compile(
    r"(?:\s+(?!ha(?:ve|s|d)\b)[A-Za-z-]+){0,4}\s+ha(?:ve|s|d)\s+(?:\w+ly\s+)?(?:been\s+)?"
    r"[a-z]+(?:ed|en|t|ne|wn)\b"
)


# a goal said after the figure, in its own clause ("12 centres the two sides plan to set up")
_PLANNED_AFTER = re.compile(
    r"(?:(?!\b(?:and|but|have|has|had|were|was)\b)[^,;.])*?\b(?:plans?|planned|aims?|intends?)"
    r"\s+to\s+[a-z]",
    re.I,
)


_TOTAL = re.compile(
    r"\b(?:in\s+total|a\s+total\s+of|total(?:led|ed|ling|ing)?|altogether|so\s+far|to\s+date|"
    r"accumulated|cumulative(?:ly)?|in\s+all)\b",
    re.I,
)


def _may(pattern: re.Pattern[str], low: str | None, start: int, end: int) -> bool:
    """False when ``pattern`` cannot match in ``[start, end)``: none of its required strings
    (:data:`_NEEDS`) stands in ``low`` there (a few ``find`` calls instead of a regex run
    at every position of the window, for every figure)."""
    return not _absent(low, _NEEDS[pattern], start, end)


def _measure_by_verb(
    num: _Num,
    basis: str,
    indicator: str,
    kind: str,
    text: str,
    clause,
    sentence,
    low,
    own: bool = True,
) -> str | None:
    """The measure a figure's clause gives it by grammar (:func:`analysis.numbers.
    read_clause`), or None when its verb says nothing of it.

    "N a year" is annual, and so is a figure after "each year" or "an annual budget of". A
    state ("numbered", "maintain", "are now enrolled", "were working") gives a level at its
    date. An activity ("hosts", "employs") is a state in the
    present and an event in a dated past ("In 2013 ITP hosted 236 visitors"). An event in a
    dated clause ("In 2014 ... signed", "during the year") is annual; in the perfect or up to
    a date ("have been sent", "by 2004") a running total, unless what it counts stands once
    made (centres, agreements: ``numbers.yaml`` ``clause.stock_nouns``), a level. A verb
    that says what its subject comes to ("reached", "bringing the total to") takes the
    class of that subject and the date. A modal after the figure ("a dozen more could
    follow") is a goal."""
    w = clause_words()
    if not _absent(low, _clause_needs("each_year"), num.end, clause[1]) and w.each_year.search(
        text, num.end, clause[1]
    ):
        return "annual"  # "100 scholarships a year"
    if w.each_year_before.search(text, max(clause[0], num.start - 48), num.start):
        return "annual"  # "Each year 200 to 300 researchers come", "an annual budget of N"
    r, before, after = read_clause(
        text if low is None else low, clause[0], num.start, num.end, sentence[1], low is not None
    )
    if kind == "cumulative":
        # an indicator counted as a running total (posts taken "at different periods") stays
        # one, but for a state told at its date: "Chinese scientists now hold 289 posts",
        # "held 267 posts at year's end", "1,080 experts serve in leading positions"
        if (
            r is not None
            and r.kind in ("state", "activity")
            and (
                r.aspect in ("present", "progressive")
                or (r.aspect == "past" and basis != "publication")
            )
        ):
            return "level"
        return None
    if r is None:
        return None
    prep = False
    if r.subject:
        noun = noun_class(_noun_phrase(after[: r.first]))
    else:
        between = before[r.last + 1 :]
        # (the "to" of "rose to", "grew to" is the copula's own, no preposition)
        prep = (
            bool(between)
            and between[-1] in _PREPOSITIONS
            and not (r.kind == "copula" and between == ["to"])
        )
        if r.kind == "copula" and is_money(num.unit):
            # "Funding ... at the institute reached 26 million yuan in 2012", "imports reached
            # US$13.86 bln, and EU member states ...": a sum comes to a flow, whatever other
            # nouns its subject's phrase or the next clause names
            noun = noun_class(_noun_phrase(after)) or "flow"
        elif r.kind == "copula":
            noun = noun_class(after[:6]) or noun_class(before[::-1])
        elif prep:
            # "signed agreements with 21 countries": the class of what the verb counts; with
            # no object ("have been sent to study in 49 countries") none
            noun = noun_class(between, first=True)
            if (
                noun is None
                and any(_object_word(t) for t in between)
                and not any(t in _PREPOSITIONS or t[:1].isdigit() for t in between[:-1])
            ):
                noun = "stock" if indicator != UNCLASSIFIED and kind == "level" else None
            elif noun is None and indicator != UNCLASSIFIED and kind == "level":
                noun = "stock"  # "have posted 131 diplomats to 46 countries": where posts are
        else:
            noun = noun_class(_noun_phrase(after)) or noun_class(between, first=True)
    if noun is None and not prep and indicator != UNCLASSIFIED and kind == "level":
        noun = "stock"
    if noun is None and is_money(num.unit):
        noun = "flow"  # "has invested 1 billion yuan"
    words = after if r.subject else before
    stay = any(t in w.stays for t in words[r.first : r.last + 1])
    if (
        r.aspect == "present"
        and r.kind in ("event", "activity")
        and basis in ("explicit", "relative")
        and words[r.first] in _past_as_base()
    ):
        # "In the same year Jiangsu and Shanghai set up 15 centres": a verb whose past is
        # its base ("set", "put") in a dated clause is told in the past
        r = dataclasses.replace(r, aspect="past")
    got = _by_aspect(r, noun, num, basis, indicator, text, clause, low, own, prep, stay)
    if (
        got != "level"
        and not _absent(low, _clause_needs("standing_after"), num.end, clause[1])
        and w.standing_after.match(text, num.end, clause[1])
    ):
        return "level"  # "60 projects under way", "agreements in force"
    return got


# a day of a month, without a year: an event of the year told ("on Dec. 26", "on 3 May")
_ON_A_DAY = re.compile(rf"\bon\s+(?:{MONTH_RE}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH_RE})(?![\d,])")


def _by_aspect(
    r,
    noun: str | None,
    num: _Num,
    basis: str,
    indicator: str,
    text: str,
    clause,
    low,
    own: bool,
    prep: bool = False,
    stay: bool = False,
) -> str | None:
    """The measure the aspect of a figure's verb (``r``) and the class of what it counts
    (``noun``) give it: :func:`_measure_by_verb`. ``prep``: the figure stands in a
    prepositional phrase after its verb ("have been sent to study in 49 countries");
    ``stay``: the verb is an activity that is a stay (``numbers.yaml`` ``stay_verbs``)."""
    if r.aspect == "modal":
        return "target" if r.subject and num.unit == "count" else None
    if r.kind == "state":
        if basis == "relative" and indicator != UNCLASSIFIED:
            return None  # "had 1,300 scientists working in its universities last year"
        return "level"
    # "during the year", "over the year": a flow within the year
    the_year = bool(_may(_IN_THE_YEAR, low, *clause) and _IN_THE_YEAR.search(text, *clause))
    in_year = the_year or basis in ("explicit", "relative")
    if r.kind in ("activity", "event") and r.aspect == "perfect":
        if the_year:
            return "annual"  # "had taken up posts ..., 520 of them during the year"
        if basis == "period" and prep and noun == "stock":
            # "Since 2013, China has signed agreements with 46 countries": the partners of
            # what stands once made, counted at the page's date
            return "level"
        if basis == "period":
            return "cumulative"  # "Since 1978 China has set up 53 joint laboratories"
        if noun == "stock":
            return "level"  # "has so far set up nine centres"
        if in_year:
            return "annual"  # "has signed 5,984 contracts in 1997"
        if noun == "flow" or indicator != UNCLASSIFIED or basis != "publication" or prep:
            # "have been sent", "has invested 1 billion yuan", "have gone to 49 countries"
            return "cumulative"
        return None
    if r.kind == "activity":
        if r.aspect == "past":
            # "In 2013 ITP hosted 236 visitors"; "operated 120 research centres in 2010"
            # (its own year: one borrowed from the narrative tells no activity's span); a
            # stay is who stood there at that date ("4,800 Germans studied in China in 2010")
            if noun == "stock" or stay:
                return "level" if in_year and own else None
            if in_year and (own or not _running_total(text, clause, low)):
                # "In 1998 the Academy employed 96 experts", "More than 9,000 experts worked
                # in Chinese enterprises" in a year's narrative: one year's activity
                return "annual"
            return None
        if r.aspect in ("present", "progressive"):
            if the_year and noun != "stock" and not stay:
                return "annual"  # "About 60,000 foreign experts work in China during the year"
            return "level"  # "hosts 120 centres", "were working ... by the end of 2004"
        return None
    if (
        r.kind in ("event", "copula")
        and r.aspect in ("present", "progressive")
        and _NOW_STANDING.search(text, clause[0], num.start)
    ):
        # "its institutes are now carrying out around 300 joint projects", "Chinese students
        # in the Union now number about 250,000": what stands at the page's date
        return "level"
    if (
        r.kind in ("event", "copula")
        and r.aspect == "past"
        and r.subject
        and basis == "publication"
        and _ON_A_DAY.search(text, *clause)
    ):
        return "annual"  # "The first group of 52 reached Washington on Dec. 26"
    if r.kind == "event":
        if r.aspect == "past":
            if in_year:
                return "annual"  # "In 2013 ... received", "during the year ... signed"
            if basis == "cumulative":
                return "level" if noun == "stock" else "cumulative"
            if basis == "period":
                return "cumulative"
            if (
                basis == "publication"
                and not prep
                and (noun == "flow" or (noun is None and indicator != UNCLASSIFIED))
            ):
                # "The Committee approved 7 new projects", "On Friday it signed agreements
                # for three more": an event of the page's own date, within its year
                return "annual"
        return None
    if r.kind == "copula":
        if noun == "stock":
            return "level"  # "bringing the total to 99" agreements
        if in_year:
            return "annual"  # "In 2000 alone the number ... reached 220,000 person-times"
        if basis in ("cumulative", "period"):
            return "cumulative"
    return None


@functools.cache
def _past_as_base() -> frozenset[str]:
    """The verbs whose past is their base ("set"), by ``numbers.yaml`` ``irregular_verbs``."""
    from analysis.config import load_lexicon

    irregular = load_lexicon("numbers")["clause"]["irregular_verbs"]
    return frozenset(base for base, (past, _pp) in irregular.items() if past == base)


# "4 new laboratories", "Two further protocols", "3 additional centres": things newly made
_NEWLY_MADE = re.compile(r"\s+(?:new|further|additional)\b(?!\s+(?:one|ones)\b)")


# a running total's cue in a clause: "a total of", "so far", "by 1995", "since 1990"
_RUNNING = re.compile(r"\b(?:by|since)\s+(?:the\s+end\s+of\s+)?(?:\d|[A-Z])")


def _running_total(text: str, clause, low) -> bool:
    """True when the clause tells a running total ("a total of", "so far", "by 2004",
    "since 1990")."""
    return bool(
        _TOTAL.search(text, *clause)
        or _SINCE.search(text, *clause)
        or _RUNNING.search(text, *clause)
    )


@functools.cache
def _clause_needs(key: str) -> tuple[str, ...] | None:
    """The required strings of a pattern of :func:`analysis.numbers.clause_words`."""
    return required_words(getattr(clause_words(), key))


_NOT_OBJECT = frozenset({"to", "and", "or", "the", "a", "an", ","})


# prepositions that end a counted noun phrase ("170 projects under its bilateral agreement")
_PHRASE_ENDS = frozenset({"under", "on", "by", "over", "through", "within", "during", "between"})


def _noun_phrase(tokens: list) -> list:
    """The tokens of the noun phrase right after a figure (none when a preposition, a
    clause mark or a verb follows it: "1 billion yuan in building the centres")."""
    w = clause_words()
    out = []
    for word in tokens[:6]:
        if (
            word in _PREPOSITIONS
            or word in _PHRASE_ENDS
            or not word[:1].isalpha()
            or word in w.verbs
        ):
            break
        out.append(word)
    return out


def _object_word(word: str) -> bool:
    """True when ``word`` may be (part of) a verb's object: not a preposition, a verb, an
    adverb or a function word."""
    w = clause_words()
    return not (
        word in _PREPOSITIONS or word in _NOT_OBJECT or word in w.verbs or word in w.adverbs
    )


def _measure(
    num: _Num, qualifier: str, basis: str, indicator: str, text: str, before, clause, *args
) -> str:
    """:func:`_measure_read`, but for countries a count stands in ties with or has offices
    in ("relations with 135 countries", "posted in some 40 countries", "with partners in 21
    countries"): read as within a year, they are a level (the ties stand; countries a flow
    of people went to or came from, "sent 450 to 38 countries", stay that year's)."""
    got = _measure_read(num, qualifier, basis, indicator, text, before, clause, *args)
    if (
        got == "annual"
        and num.unit == "count"
        and _COUNTRY_COUNT_AFTER.match(text, num.end)
        and _WITH_OR_IN.search(text, max(before[0], num.start - 40), num.start)
        # ("signed agreements with 6 countries during the year": those of the year)
        and not _IN_THE_YEAR.search(text, *clause)
    ):
        return "level"
    return got


# the words before a sum that make it a size, no flow: a cost, a budget, a loan, a subsidy, a
# cap ("at a cost of", "a budget of nearly", "estimated at", "up to")
_SUM_STANDS = re.compile(
    r"\b(?:cost|costs|costing|budget|budgets|estimated|loan|loans|credit|subsidy|subsid\w+|"
    r"up\s+to|each|capital)\b[^.;:\d]*$",
    re.I,
)
# a sum before the thing it is the size of ("the European Union's €77 billion research
# programme", "a US$5 million project")
_SUM_NAMES = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:programmes?|programs?|funds?|budgets?|facility|initiative|"
    r"projects?|plan)\b"
)


def _measure_read(
    num: _Num,
    qualifier: str,
    basis: str,
    indicator: str,
    text: str,
    before,
    clause,
    low=None,
    sentence: tuple[int, int] | None = None,
    own_basis: bool = True,
) -> str:
    """The kind of measure of a figure (DESIGN.md ``measure``).

    A target, a multiple or percent change, a share; else what the grammar of its clause
    says (:func:`_measure_by_verb`: the aspect of its verb and the class of the noun it
    counts; ``sentence``: the sentence's bounds, ``own_basis``: the year is the clause's
    own, not the narrative's); else by the indicator's kind: a stock (``level``) stays a
    level whatever its period; a flow (``annual``) is cumulative over a period ("since
    1978", "by 2009"), with a word of total ("a total of") or in the present perfect ("have
    returned"), else annual. ``low``: :func:`_lower` of ``text``, to pass over the patterns
    none of whose required words stands in their window."""
    if qualifier == "target":
        return "target"
    if num.unit in ("multiple", "points"):
        return "change"  # (a share's change in percentage points is a change too)
    if (
        num.unit not in ("percent", "fraction")
        and _may(_PLANNED_AFTER, low, num.end, num.end + 120)
        and _PLANNED_AFTER.match(text, num.end, num.end + 120)
    ):
        return "target"  # "the first of 12 centres the two countries plan to set up"
    if num.unit in ("m", "km"):
        return "level"  # "4,300 meters", "orbiting 23,600 kilometres": a dimension
    if text[num.start - 1 : num.start] == "+" and not text[num.start - 2 : num.start - 1].isalnum():
        return "change"  # "+19% y-o-y", a "Change (%)" column's "+9.8": a signed figure
    if worth_before(text, max(before[0], num.start - 80), num.start):
        return "level"  # "a joint fund worth 300 million dollars": the size of the fund
    if num.unit not in ("percent", "fraction") and _CHANGE_BY_BEFORE.search(
        text, max(before[0], num.start - 24), num.start
    ):
        return "change"  # "rose by 71 during the year to 355": the count's change
    if num.unit in ("percent", "fraction"):
        upto = num.start
        if _PERCENT_LIST.fullmatch(text, before[0], num.start) and before[0] > 0:
            # "up 6.4% and 9.1% respectively": the second of a list reads the words before
            # the first (whose number starts after the last blank before its end)
            upto = text.rfind(" ", 0, before[0]) + 1
        lo = max(before[0] if upto == num.start else 0, upto - 40)
        if _may(_MADE_UP, low, lo, upto) and _MADE_UP.search(text, lo, upto):
            return "share"
        if _MOVED_FROM.search(text, lo, upto):
            return "share"  # "up from 1.23 per cent in 2004": the level it started from
        if _MORE_THAN.match(text, num.end) or _CHANGE_AFTER.match(text, num.end):
            return "change"  # "21.3 per cent more than the previous year", "a 55.6 percent jump"
        if _MOVED_TO.search(text, lo, upto) and not _RATE_WORD.search(
            text, max(before[0] if upto == num.start else 0, upto - 80), upto
        ):
            return "share"  # "rose to 28 percent of the total value": the level it reached
        return "change" if _CHANGE_BEFORE.search(text, lo, upto) else "share"
    kind = indicator_lexicon().measures.get(indicator, "level")
    one_of = (
        text.find(" of", max(before[0], num.start - 24), num.start) >= 0
        and _ONE_OF.search(text, max(before[0], num.start - 24), num.start) is not None
    )
    if (
        (indicator == UNCLASSIFIED or kind == "level")
        and basis in ("explicit", "relative")
        and _labelled_standing_row(text, num)
    ):
        # a fact box's row whose label is a noun alone, under the box's date ("KEY FIGURES
        # (academic year 2016-2017)" / "International students: 1,450"): what stands at that
        # date, whatever verb the next row holds (a label with a verb, a year's words or a
        # year of its own, "Students sent abroad in 2016: 962", "Foreign experts per year:
        # 210", is a flow; so is a flow indicator's row, "Visiting scholars: 320")
        return "level"
    if sentence is not None and not one_of:
        # ("is one of four zones": the set the subject is one of, no object of a verb)
        by_verb = _measure_by_verb(
            num, basis, indicator, kind, text, clause, sentence, low, own_basis
        )
        if by_verb is not None:
            return by_verb
        if (
            num.unit == "count"
            and not _absent(low, _clause_needs("standing_after"), num.end, clause[1])
            and clause_words().standing_after.match(text, num.end, clause[1])
        ):
            # no verb read: "lists 120 ongoing joint projects", "taking part in 28 of the
            # projects now under way": the things stand, a level
            return "level"
    if basis == "cumulative" and kind == "level" and indicator != UNCLASSIFIED:
        if not (_may(_SINCE, low, *clause) and _SINCE.search(text, *clause)):
            return "level"  # "By 2004, ... with 160 countries": a standing count at a date
    if basis == "cumulative" and _IN_THE_YEAR.search(text, num.end, clause[1]):
        return "annual"  # "By the end of 1995 3,860 had ..., 520 of them during the year"
    if (
        basis == "cumulative"
        and sentence is not None
        and _AS_OF.search(text, *sentence)
        and not (_may(_SINCE, low, *clause) and _SINCE.search(text, *clause))
        and not _TOTAL.search(text, *clause)
    ):
        # "(figures as of March 2019) - Partner institutions: 312", "numbered 28,076 as of
        # May 2000": a count at a date, no running total
        return "level"
    if basis in ("cumulative", "period"):
        return "cumulative"  # "since 1990", "by 2011", "(2007-2013)": over a period
    classified = indicator != UNCLASSIFIED
    if not classified:
        if basis == "publication" and (
            _TOTAL.search(text, *clause) or _PERFECT_AFTER.match(text, num.end, clause[1])
        ):
            # "five centres so far", "63,000 have settled there", "7,000 young people have
            # gone abroad": a running total to the page's date (the subject of a perfect)
            return "cumulative"
        # (a sum is a flow, whatever its date: what an unread sum will be found to count,
        # a trade's worth or a year's funding, runs within a year; but a cost, a budget, a
        # loan or a subsidy is a size, "is estimated to cost 4.6 billion euros")
        kind = (
            "annual"
            if basis in ("explicit", "relative")
            or (
                is_money(num.unit)
                and not _SUM_STANDS.search(text, max(clause[0], num.start - 40), num.start)
                and not _SUM_NAMES.match(text, num.end, clause[1])
            )
            else "level"
        )
        if kind == "annual" and _counts_stock(text, num, clause, low):
            # "belongs to 12 alliances", "zones grew from 2 in 2016 to 3 in 2019": what
            # stands once made, counted at its date
            return "level"
    if (
        kind == "level"
        and basis == "publication"
        and _may(_IN_THE_YEAR, low, *clause)
        and _IN_THE_YEAR.search(text, *clause)
        and not _counts_stock(text, num, clause, low)
    ):
        kind = "annual"  # "During the year the Ministry held 31 meetings": the page's year's
    if kind != "annual":
        return kind
    state = _STATE.search(text, max(clause[0], num.start - 50), min(clause[1], num.end + 60))
    if state and _THERE_WERE.match(state.group()) and basis == "explicit" and classified:
        state = None  # "In 1998, there were 22,000 projects": a flow counted within its year
    if _may(_IN_THE_YEAR, low, *clause) and _IN_THE_YEAR.search(text, *clause):
        return "annual"  # "15,000 experts had worked in China during the year"
    if state and basis == "relative" and classified:
        state = None  # "had 1,300 scientists working in its universities last year"
    if state:
        if not (
            _may(_EACH_YEAR, low, num.end, clause[1])
            and _EACH_YEAR.search(text, num.end, clause[1])
        ):
            return "level"  # "hosts 120 centres", "were studying", "there were 56"
    if basis in ("explicit", "relative"):
        return "annual"  # "a total of 229,000 contracts were signed in the year"
    if _TOTAL.search(text, *clause) or (
        _may(_PERFECT, low, *clause) and _PERFECT.search(text, *clause)
    ):
        return "cumulative"
    return "annual"


# the countries a figure counts ("135 countries and regions", "four African countries") and
# the "with" or "in" before them
_COUNTRY_COUNT_AFTER = re.compile(r"\s+(?:[A-Z][\w-]*\s+){0,3}?countr(?:y|ies)\b")
_WITH_OR_IN = re.compile(
    r"(?<!\bstudy\s)(?<!\bstudying\s)(?<!\bstudied\s)"
    r"\b(?:with|in)\s+(?:(?:some|about|around|nearly|over|more\s+than|only|just)\s+)?$"
)
# "one of four zones", "out of 54": the size of the set a thing is one of
_ONE_OF = re.compile(
    r"\b(?:one|each|any|none|either|neither|out)\s+of\s+(?:the\s+|its\s+|their\s+)?$", re.I
)
# "9 national high-tech zones, out of 54": the whole counts what the part counts
_OUT_OF = re.compile(r"(?P<part>[^,;:.()]{3,80}?)\s*,?\s+out\s+of\s+(?:the\s+)?$", re.I)
# a figure a count moved from or to: "the zones grew from 2 in 2016 to 3 in 2019" (the
# subject before the verb of movement; a figure and its year may stand before "to")
_MOVED_SUBJECT = re.compile(
    r"(?P<subject>[^,;:.()]{3,120}?)\s+(?:ha(?:s|ve|d)\s+)?(?:(?:also|now|steadily)\s+)?"
    r"(?:gr[eo]wn?|increased|rose|risen|climbed|jumped|expanded|fell|fallen|dropped|"
    r"declined|doubled|tripled)\s+from\s+(?:[^,;:()]{0,40}?\bto\s+)?$",
    re.I,
)
_NOUN_TOKEN = re.compile(r"[a-z][a-z-]*")


# a fact box's row up to its figure: a label set at the line's start (after a bullet) and its
# colon or dash ("International students: ", "- Partner institutions -- about ")
_ROW_LABEL = re.compile(
    r"[ \t]*(?:[-•*–·▪>]+[ \t]*)?(?P<label>[A-Z][^\n:;.()]{1,70}?)[ \t]*(?::|[ \t]--?|[ \t][–—])"
    r"[ \t]*(?:(?:about|some|around|nearly|over|more\s+than|c\.|approximately)[ \t]+)?"
)
# a label's words that tell a flow: a year or a span of its own, "since", a rate ("per year")
_FLOW_LABEL = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|since|per|a\s+year|annual|each|every|during)\b", re.I
)


_LOWER_WORD = re.compile(r"[a-z]+")


def _labelled_standing_row(text: str, num: _Num) -> bool:
    """True when a figure stands right after its line's label, and the label is a noun
    phrase alone: no verb form (``numbers.yaml`` ``clause``, or a participle in -ed/-en),
    no year or rate of its own (:data:`_FLOW_LABEL`)."""
    start = text.rfind("\n", 0, num.start) + 1
    m = _ROW_LABEL.fullmatch(text, start, num.start)
    if m is None:
        return False
    label = m.group("label")
    if _FLOW_LABEL.search(label):
        return False
    verbs = clause_words().verbish
    return not any(
        w in verbs or (len(w) > 4 and w.endswith(("ed", "en")))
        for w in _LOWER_WORD.findall(label.lower())
    )


def _counts_stock(text: str, num: _Num, clause, low) -> bool:
    """True when what a figure counts stands once made (``numbers.yaml`` ``clause.
    stock_nouns``): the noun phrase right after it ("12 international alliances"), or the
    subject of the verb of movement it moved from or to ("Our joint laboratories increased
    from 8 in 2002 to 15 this year")."""
    after = _NOUN_TOKEN.findall(text[num.end : min(clause[1], num.end + 80)].lower())
    if noun_class(_noun_phrase(after)) == "stock":
        return True
    if text.find("out of", max(0, num.start - 12), num.start) >= 0:
        m = _OUT_OF.search(text, max(0, num.start - 100), num.start)
        if m is not None and noun_class(_NOUN_TOKEN.findall(m.group("part").lower())) == "stock":
            return True
    lo = max(clause[0], num.start - 200)
    if (low if low is not None else text).find("from", lo, num.start) < 0:
        return False
    m = _MOVED_SUBJECT.search(text, lo, num.start)
    return m is not None and noun_class(_NOUN_TOKEN.findall(m.group("subject").lower())) == "stock"


_CLAUSE_BREAK = re.compile(r"[,;:]")


def _goal_multiple(text: str, num: _Num) -> bool:
    """A multiple in words that a goal may set: a verb, not a comparison ("aims to double
    the number of joint projects", "strive towards doubling", "that the number ... be
    doubled")."""
    return bool(
        base_multiple().fullmatch(text, num.start, num.end)
        or multiple_verb().fullmatch(text, num.start, num.end)
    )


# the words between a figure and the base it is compared with ("..., compared with only ",
# ", up from just ", " against ")
_BASE_BETWEEN = re.compile(
    r"[^;:]{0,80}?(?:,\s*|\s+)(?:(?:up|down|rising|falling)\s+)?(?:from|compared\s+(?:with|to)|"
    r"against|versus)\s+(?:(?:only|just|some|about|around|nearly|a\s+mere)\s+)?"
)
# ... and the base's own year right after it ("86 in 1987", "just 23 in 1985"; not "from 40
# countries": where from, no base)
_BASE_YEAR_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,3}?(?:in|at\s+the\s+(?:end|start)\s+of)\s+(?:fiscal\s+)?(?:19|20)\d\d\b"
)


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
        stated_base = None
        if (
            len(run) == 1
            and len(figures) >= 2
            and _BASE_BETWEEN.fullmatch(doc.text, figures[-2].end, figures[-1].start)
            and _BASE_YEAR_AFTER.match(doc.text, figures[-1].end, run[0].start)
        ):
            # "funded 612 projects in 1996, compared with only 86 in 1987 -- a seven-fold
            # increase": the multiple moves the figure the base is compared with, from the
            # base's year (stated, so none derived)
            stated_base = figures[-1]
            pairs = [(figures[-2], run[0])]
        for fig, mult in pairs:
            if multiple_verb().fullmatch(doc.text, mult.start, mult.end) and _CLAUSE_BREAK.search(
                doc.text, fig.end, mult.start
            ):
                # "140,000 experts were working there, and the number of joint laboratories
                # has doubled": a verb of its own clause moves that clause's subject
                continue
            f, mrow = fig.fact, mult.fact
            if base is not None and (f["year"] is None or base >= f["year"]):
                # "in 1995 ... twice that of 1998": a base year after the figure's is no
                # growth period (a typo or a forecast); the multiple keeps no base, none derived
                base = None
            if stated_base is not None and stated_base.fact is not None:
                base = stated_base.fact["year"]
                if base is None or f["year"] is None or base >= f["year"]:
                    base = None
            mrow["indicator"] = f["indicator"]
            mrow["measure"] = "change"
            mrow["scope"], mrow["actor"] = f["scope"], f["actor"]
            mrow["counted"] = f["counted"]
            mrow["year"] = f["year"]
            mrow["period_end"] = f["year"]
            mrow["period_start"] = base
            mrow["year_basis"] = "period" if base is not None else f["year_basis"]
            if base is None or not mult.value or stated_base is not None:
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


# the required strings of the patterns :func:`_measure` prefilters (scan.required_words)
_NEEDS = {
    p: required_words(p)
    for p in (_PLANNED_AFTER, _MADE_UP, _SINCE, _IN_THE_YEAR, _EACH_YEAR, _PERFECT, _GOAL_VERB)
}


def extract_facts(doc) -> list[dict]:
    """Every numeric claim of one document as rows of the facts table (``duplicate`` False).

    Pure: reads ``doc.text``, ``doc.sentences``, ``doc.doc_id``, ``doc.published``,
    ``doc.published_year``, ``doc.title`` and ``doc.publisher`` (whose figures those are
    that no clause assigns: :func:`analysis.classify.page_voice`) only.
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
    # and the page's voice: its title's subject or its publisher (:func:`page_voice`)
    # and the end year of the plan the document sets targets for (:func:`_plan_end`)
    # and the basis of the year the last sentence spoke of (a period's end or a year)
    # and the year reviewed by the heading each sentence stands under (:func:`_review_year`)
    # and the document's year anchors (:func:`_between_year`'s fast scan)
    title = getattr(doc, "title", "") or ""
    context: list = [-2, None, None, None, [], page_voice(doc), _plan_end(title), None, {}, anchors]
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
    # a table's cells: read by their row label, column header, caption and unit line
    rows = read_tables(doc, rows, _row, voice=context[5])
    national = indicator_lexicon().national
    for r in rows:
        if r["scope"] == "national" and not r["actor"]:
            # a table's cell in another country's currency ("(SEK million)"), as a clause's
            country = money_country(r["unit"])
            if country is not None:
                r["scope"], r["actor"] = "foreign", country
        if r["scope"] == "agency" and r["indicator"] in national:
            # "The Ministry's network abroad now comprises 65 S&T sections": the state's
            # network a ministry runs, the nation's figure (indicators.yaml ``national``)
            r["scope"], r["actor"] = "national", ""
        if r["scope"] == "national" and r["actor"]:
            # a line of the nation's figure by partner ("86,000 Chinese students were
            # studying in Japan", "imports from the EU", "agreements with 21 African
            # countries"): the rules read it as the nation's with the partner as actor; it
            # is recorded as the partner's line, foreign with that actor, so it is never a
            # point of the national series (DESIGN.md, "a line of the nation's figure")
            r["scope"] = "foreign"
    for r in rows:
        if r["unit"] == "count" and r["indicator"] != UNCLASSIFIED:
            # "sent 1,400 scientific and technical delegations", "the delegations numbered
            # 35": groups, counted in a unit of their own, never a point of the people
            # exchanged (DESIGN.md)
            k = max(0, bisect.bisect_right(starts, r["start"]) - 1)
            lo = min(sentences[k].start, r["start"])
            r["unit"] = group_unit(r["indicator"], r["counted"], text, lo, r["start"]) or "count"
    return rows
