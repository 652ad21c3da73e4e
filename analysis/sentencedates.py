"""The dates a sentence speaks of, each with its year resolved (the timeline's events, the
eras of partners and themes). Its date phrases:

- day dates ("on 23 November 1979", "held on August 28, 2011") -> ``1979-11-23``, day;
- month dates ("In April 2011", "Jan. 1992") -> ``2011-04``, month;
- years ("in 1994", "mid-2009") -> ``1994``, year; a year that ends a name ("Vision 2030",
  "Made in China 2025") is a name, not a date;
- ranges and plan periods ("during 1994-1997", "Tenth Five-year Plan (2001 - 2005)",
  "the 11th Five-Year Plan") and decades ("the early 1990s") -> start year, precision
  period, ``period_end`` the last year;
- a day or month without a year ("In May", "on March 3", "last week (3 March)") takes its
  year from the sentence or paragraph, else from the publication date when that is known to
  the day or month (the nearest such date, but one more than a month after the page is
  last year's unless the sentence speaks of the future), else from the document;
- relative dates ("last year", "the previous year", "on Monday", "last October", "next
  month", "this spring", "five years ago", "a decade ago") resolve against the publication
  date (the previous year against a year just named, when there is one).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from analysis import scan
from analysis.dating import (
    DAY_DATE,
    FULL_MONTH_RE,
    MONTH_RE,
    WEEKDAYS,
    YEAR,
    YEAR_RE,
    closest_year,
    day_dates,
    is_name_year,
    iso,
    month_number,
    settings,
    shift,
    weekday_before,
)

# Five-year plans: the first ran 1953-1957, the second 1958-1962; after the 1963-1965
# readjustment the third began in 1966 and every later one five years after the last.
_ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth".split()
    )
}


_LAST_PLAN = 19  # the last plan that starts within YEAR_RE (2046-2050): "37th" is no plan


# an ordinal naming a plan, for the figures' year patterns (analysis.numbers)
PLAN_ORDINAL = "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th)"


def plan_span(ordinal: str) -> tuple[int, int] | None:
    """First and last year of the plan an ordinal names ("Seventh", "11th"), or None."""
    word = ordinal.lower()
    number = _ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0)
    return plan_years(number) if 1 <= number <= _LAST_PLAN else None


def plan_years(number: int) -> tuple[int, int]:
    """First and last year of China's ``number``-th Five-Year Plan (10 -> 2001, 2005)."""
    start = {1: 1953, 2: 1958}.get(number, 1966 + 5 * (number - 3))
    return start, start + 4


# the words of an academic or a fiscal year around its two years
SCHOOL_YEAR_BEFORE = re.compile(r"\b(?:academic|school|fiscal|financial)\s+year\s*$", re.I)
SCHOOL_YEAR_AFTER = re.compile(r"\s+(?:academic|school)\s+year\b", re.I)
_DASH = r"\s*(?:-|–|—|~|to)\s*"
_ORD = r"(?P<ord>" + "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"
# (a month "That September" too: of the year just told)
_BARE_LEAD = (
    r"(?:\b(?:[Ii]n|[Oo]n|[Dd]uring|[Bb]y|[Ss]ince|[Uu]ntil|[Ee]arly|[Ll]ate|[Tt]hat)\s+"
    r"|\b[Mm]id-|\()"
)
# (kind, pattern) in priority order: a later pattern never overlaps an earlier hit.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("day", DAY_DATE),
    (
        "plan",
        re.compile(
            rf"\b{_ORD}\s+[“\"‘']?Five[- ]Year\s+(?:Plan|Programme|Program)[”\"’']?"
            rf"(?:\s*(?:period\s*)?\(\s*(?P<y1>{YEAR_RE}){_DASH}(?P<y2>{YEAR_RE})\s*\))?",
            re.I,
        ),
    ),
    (
        "range",
        re.compile(
            rf"\(?\b(?:between\s+(?P<b1>{YEAR_RE})\s+and\s+(?P<b2>{YEAR_RE})"
            rf"|(?:from\s+)?(?P<y1>{YEAR_RE}){_DASH}(?P<y2>{YEAR_RE}|\d{{2}}))\b\)?(?![\d%])"
        ),
    ),
    (
        "decade",
        re.compile(
            r"\b(?:the\s+)?(?P<part>(?:early|late|mid)[- ]?)?(?P<year>19[4-9]0|20[0-4]0)['’]?s\b"
        ),
    ),
    ("month", re.compile(rf"\b(?P<month>{MONTH_RE})\s*,?\s+(?P<year>{YEAR_RE})\b(?![\d%])")),
    (
        "year",
        re.compile(
            YEAR.pattern + r"(?!\s+(?:people|persons|projects|scientists|students|enterprises|"
            r"companies|experts|contracts|yuan|dollars|tons|tonnes|units|items|institutions|"
            r"members|researchers|meters|metres|km|kilometers|hectares|times)\b)"
        ),
    ),
    # a body's founding year, however early ("the institute was founded in 1928", "its
    # founding in 1920"): a year before the years of YEAR_RE is a date only after these words
    (
        "founding",
        re.compile(r"(?<![\d,.\-/$#£€¥])\b(?P<year>19[0-3]\d)\b(?![\d%]|,\d|\.\d|\s*[-–]\s*\d)"),
    ),
    (
        "bare_month",
        re.compile(
            rf"{_BARE_LEAD}(?:(?:early|late|mid-)\s*)?(?:(?P<month>{FULL_MONTH_RE})"
            rf"(?:\s+(?P<day>\d{{1,2}})\b)?|(?P<day_b>\d{{1,2}})\s+(?P<month_b>{FULL_MONTH_RE}))"
            rf"(?!\s*,?\s*\d{{3}})"
        ),
    ),
    ("weekday", re.compile(r"\b[Oo]n\s+(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I)),
    # a wire's bare day after its verb's words: "signed an agreement ... Wednesday, the first",
    # "a senior official said Thursday", "signed an agreement Thursday under which" (not
    # "Good Friday", "Monday's meeting")
    (
        "weekday",
        re.compile(
            r"(?<=[a-z,] )(?P<weekday>"
            + "|".join(w.capitalize() for w in WEEKDAYS)
            + r")(?![\w'’])(?=\s*(?:[,.;]|$|\s(?:to|that|as|at|in|on|after|before|when|and|under|"
            r"with|for|by|between|during|morning|afternoon|evening|night)\b))"
        ),
    ),
    # a month named against the publication date: "reached last October", "next March"
    (
        "relative_month",
        re.compile(
            rf"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<month>{FULL_MONTH_RE})(?!\s*,?\s*\d)"
        ),
    ),
]
_FOUNDED_BEFORE = re.compile(
    r"\b(?:founded|founding|established|establishment|set\s+up|created|inaugurated)\s+in\s+$", re.I
)
# words before a date that belong to the date phrase (removed from a label)
_LEAD = re.compile(
    r"(?:\b(?:[Ii]n|[Oo]n|[Dd]uring|[Ss]ince|[Bb]efore|[Bb]y|[Ff]rom|[Uu]ntil|[Tt]ill|[Aa]fter"
    r"|[Ff]or|[Aa]s of|[Tt]hroughout|[Tt]hrough|[Ss]tarting in|[Aa]t the end of|[Tt]he end of"
    r"|[Ee]arly|[Ll]ate|[Ee]arly in|[Ll]ate in|[Ss]ince the beginning of)\s+(?:the\s+)?)+$"
)
_CONTEXT = re.compile(r"\b(before|since|by|as of|until)\s+(?:the\s+)?$", re.I)
_COMPARISON = re.compile(
    r"\b(?:that|those|level|levels|figure|figures)\s+of\s+$|\b(?:compared\s+(?:with|to)|than"
    r"(?:\s+(?:in|that of|those of))?|over|against|relative to)\s+$",
    re.I,
)
# a sentence about the future: its dates are targets, not events ("plan to" is not enough:
# "launched an action plan to promote" is past)
_FUTURE = re.compile(r"\b(?:will|shall|is to be|are to be)\b", re.I)


def _past_of(published: str, month: int, day: int | None) -> bool:
    """Whether a bare month or day put in its nearest year (``published``'s or the next)
    lies more than a month after the page (ISO, month or day precise): then a report
    looking back speaks of last year's ("In May the State Council issued …" on a page of
    28 December 1985); up to a month ahead it may be the page's coming one ("talks open
    on 5 January")."""
    year = closest_year(month, day, published)
    pub_month = int(published[5:7])
    pub_day = int(published[8:10]) if len(published) >= 10 else 31
    ahead = (year - int(published[:4])) * 372 + (month - pub_month) * 31 + (day or 1) - pub_day
    return ahead > 31


@dataclass
class Date:
    """A date phrase of a sentence."""

    start: int  # of the whole phrase, its lead words included
    end: int
    core_start: int
    date: str
    year: int
    precision: str  # day | month | year | period
    period_end: int | None = None
    context: str = ""
    implicit: bool = False  # a plan named without years
    bare_month: int | None = None  # a month whose year must come from elsewhere
    bare_day: int | None = None
    comparison: bool = False  # a baseline year: "that of 1978"
    basis: str = "explicit"  # explicit | inherited | publication | relative
    # (unit, offset, anchor), ("weekday", i, "") or ("named_month", month, "-1" | "0" | "1")
    relative: tuple[str, int, str] | None = None


def _second_year(first: int, text: str) -> int:
    if len(text) == 2:  # 1994-97
        return first // 100 * 100 + int(text)
    return int(text)


# a capitalised word right before a weekday: the day is a name's ("Good Friday")
_NAMED_DAY_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")


def _make(kind: str, m: re.Match, text: str) -> Date | None:
    a, b = m.span()
    g = m.groupdict()
    if kind == "day":
        found = day_dates(m.group(0))
        return Date(a, b, a, found[0][0], found[0][1], "day") if found else None
    if kind == "plan":
        if g["y1"]:
            y1, y2 = int(g["y1"]), int(g["y2"])
            return Date(a, b, a, iso(y1), y1, "period", y2)
        span = plan_span(g["ord"])
        if span is not None:
            return Date(a, b, a, iso(span[0]), span[0], "period", span[1], implicit=True)
        return None
    if kind == "range":
        first = g["y1"] or g["b1"]
        y1, y2 = int(first), _second_year(int(first), g["y2"] or g["b2"])
        if y2 == y1 + 1 and (
            SCHOOL_YEAR_BEFORE.search(text, max(0, a - 25), a) or SCHOOL_YEAR_AFTER.match(text, b)
        ):
            # "(academic year 2016-2017)", "the 2016-17 school year": one year, dated by its
            # end (the year most of it falls in), no period
            return Date(a, b, a, iso(y2), y2, "year")
        return Date(a, b, a, iso(y1), y1, "period", y2) if y1 < y2 <= y1 + 30 else None
    if kind == "decade":
        y1 = int(g["year"])
        part = (g["part"] or "").strip("- ").lower()
        lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(part, (0, 9))
        return Date(a, b, a, iso(y1 + lo), y1 + lo, "period", y1 + hi)
    if kind == "month":
        year = int(g["year"])
        return Date(a, b, a, iso(year, month_number(g["month"])), year, "month")
    if kind == "year":
        if is_name_year(text, m.start("year")):
            return None
        year = int(g["year"])
        return Date(a, b, a, iso(year), year, "year")
    if kind == "founding":
        if not _FOUNDED_BEFORE.search(text, max(0, a - 30), a):
            return None
        year = int(g["year"])
        return Date(a, b, a, iso(year), year, "year")
    if kind == "bare_month":
        month, raw_day = (g["month"], g["day"]) if g["month"] else (g["month_b"], g["day_b"])
        core = m.start("month") if g["month"] else m.start("day_b")
        day = int(raw_day) if raw_day and 1 <= int(raw_day) <= 31 else None
        d = Date(core, b, core, "", 0, "day" if day else "month")
        d.bare_month, d.bare_day = month_number(month), day
        return d
    if kind == "relative_month":
        d = Date(a, b, a, "", 0, "month")
        offset = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        d.relative = ("named_month", month_number(g["month"]), str(offset))
        return d
    if kind == "weekday":
        if a == m.start("weekday") and _NAMED_DAY_BEFORE.search(text, max(0, a - 30), a):
            return None  # a bare day in a holiday's name: "since Good Friday", "Black Monday"
        d = Date(a, b, m.start("weekday"), "", 0, "day")
        d.relative = ("weekday", WEEKDAYS.index(g["weekday"].lower()), "")
        return d
    return None


@dataclass(frozen=True)
class _Ago:
    """A span counted back from the page's date ("five years ago", "a decade ago"), or on or
    back from the year just told ("two years later", "a decade earlier"): its pattern, the
    years of each span word (``corpus.yaml`` ``dating.years_ago``) and the values of the
    count words (``numbers.yaml`` ``words``, ``compound_units``)."""

    pattern: re.Pattern[str]
    spans: dict[str, int]
    counts: dict[str, int]
    units: dict[str, int]

    def years(self, m: re.Match) -> int:
        """How many years back a match of :attr:`pattern` is ("twenty-five years ago": 25)."""
        n = m.group("n").lower()
        if n.isdigit():
            value = int(n)
        elif n in self.counts:
            value = self.counts[n]
        else:  # "twenty-five", "thirty five"
            ten, unit = re.split(r"[- ]", n)
            value = self.counts[ten] + self.units[unit]
        return value * self.spans[m.group("span").lower()]


@functools.cache
def _years_ago() -> _Ago | None:
    """:class:`_Ago` of the lexicons, or None when they name no span."""
    from analysis.config import load_lexicon

    spans = load_lexicon("corpus")["dating"].get("years_ago") or {}
    if not spans:
        return None
    spans = {k.lower(): int(v) for k, v in spans.items()}
    nums = load_lexicon("numbers")
    counts = {"a": 1, "an": 1, "one": 1}
    counts.update({k.lower(): int(v) for k, v in nums["words"].items() if " " not in k})
    units = {k.lower(): int(v) for k, v in nums["compound_units"].items()}
    tens = "|".join(w for w, v in counts.items() if v % 10 == 0 and v >= 20)
    words = "|".join(sorted(counts, key=len, reverse=True))
    # "five years ago" (from the page's date); "two years later", "three years earlier" (from
    # the year just told)
    pattern = re.compile(
        rf"\b(?P<n>\d{{1,3}}|(?:{tens})[- ](?:{'|'.join(units)})|{words})\s+"
        rf"(?P<span>{'|'.join(sorted(spans, key=len, reverse=True))})\s+"
        rf"(?P<way>ago|later|earlier|afterwards)\b",
        re.I,
    )
    return _Ago(pattern, spans, counts, units)


class Eras(NamedTuple):
    """Years counted in another calendar's eras ("Showa 55 (1980)", "Heisei 4", "Minguo 36";
    ``corpus.yaml`` ``dating.calendar_eras``)."""

    pattern: re.Pattern[str]  # an era's name and its year, perhaps the Gregorian in brackets
    first_years: dict[str, int]  # each era's first year
    needs: tuple[str, ...] | None  # strings one of which every match holds (a prefilter)

    def year(self, m: re.Match) -> int | None:
        """The Gregorian year of a match: its bracketed year where the page gives it, else
        the era's first year plus its number less one; None for a year 0."""
        n = int(m.group("n"))
        if n < 1:
            return None
        if m.group("year"):
            return int(m.group("year"))
        return self.first_years[m.group("era")] + n - 1


@functools.cache
def calendar_eras() -> Eras | None:
    """The :class:`Eras` of the lexicon, or None when it names no era."""
    from analysis.config import load_lexicon

    eras = load_lexicon("corpus")["dating"].get("calendar_eras") or {}
    if not eras:
        return None
    names = "|".join(re.escape(n) for n in sorted(eras, key=len, reverse=True))
    pattern = re.compile(
        rf"\b(?P<era>{names})\s+(?P<n>\d{{1,2}})\b(?![.,]\d)"
        rf"(?:\s*\(\s*(?P<year>{YEAR_RE})\s*\))?"
    )
    return Eras(pattern, {k: int(v) for k, v in eras.items()}, scan.required_words(pattern))


@functools.cache
def _date_literals() -> tuple[str, ...] | None:
    """Lower-case strings one of which every match of every date pattern holds (the
    patterns' required strings, :func:`scan.required_words`), each left out when it holds
    another ("april", "apr"); None when a pattern has none."""
    patterns = [p for _k, p in _PATTERNS] + [p for p, *_rest in settings().relative]
    if (ago := _years_ago()) is not None:
        patterns.append(ago.pattern)
    if (eras := calendar_eras()) is not None:
        patterns.append(eras.pattern)
    found: set[str] = set()
    for pattern in patterns:
        needs = scan.required_words(pattern)
        if not needs:
            return None
        found.update(needs)
    return tuple(sorted(w for w in found if not any(v != w and v in w for v in found)))


def find_dates(text: str) -> list[Date]:
    """Every date phrase of a sentence, in order (baselines of comparisons flagged).

    A sentence holding none of the strings every date phrase holds (:func:`_date_literals`:
    "19", "20", month names, "five", weekdays, the relative phrases' words) has none: it
    is passed over without the twenty-odd pattern searches (most sentences of a long
    report, where these searches cost seconds)."""
    literals = _date_literals()
    if literals is not None and not scan.has_fold_special(text):
        low = text.lower()
        if not any(w in low for w in literals):
            return []
    return _find_dates(text)


def _find_dates(text: str) -> list[Date]:
    """:func:`find_dates` without the prefilter: every pattern searched for."""
    taken: list[tuple[int, int]] = []
    found: list[Date] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    relative = [("relative", p, (u, o, an)) for p, u, o, an in settings().relative]
    ago = _years_ago()
    if ago is not None:
        relative.append(("relative", ago.pattern, "ago"))
    # (an era's year first: its bracketed Gregorian year is part of it)
    eras = calendar_eras()
    first = [("era", eras.pattern, "era")] if eras is not None else []
    for kind, pattern, rel in first + [(k, p, None) for k, p in _PATTERNS] + relative:
        for m in pattern.finditer(text):
            a, b = m.span()
            if not free(a, b):
                continue
            if rel == "era":
                year = eras.year(m)
                d = Date(a, b, a, iso(year), year, "year") if year else None
            elif rel == "ago":
                # "five years ago": so many years before the page's date; "two years later",
                # "three years earlier": so many years after or before the year just told
                d = Date(a, b, a, "", 0, "year")
                way = m.group("way").lower()
                if way == "ago":
                    d.relative = ("year", -ago.years(m), "publication")
                else:
                    sign = 1 if way in ("later", "afterwards") else -1
                    d.relative = ("year", sign * ago.years(m), "context")
            elif rel is not None:
                d = Date(a, b, a, "", 0, rel[0] if rel[0] in ("day", "month") else "year")
                d.relative = rel
            else:
                d = _make(kind, m, text)
            if d is None:
                continue
            taken.append((a, b))
            before = text[: d.core_start]
            if _COMPARISON.search(before) and kind in ("year", "month", "relative"):
                d.comparison = True
            ctx = _CONTEXT.search(before)
            if ctx and not d.comparison:
                word = ctx.group(1).lower()
                d.context = {"before": f"before_{d.year}", "since": "since"}.get(word, "by")
                if word == "before" and d.precision == "period":
                    d.context = f"before_{d.date[:4]}"
            lead = _LEAD.search(before)
            if lead:
                d.start = lead.start()
            found.append(d)
    found.sort(key=lambda x: x.core_start)
    return found


def _paragraph_ids(doc) -> list[int]:
    breaks = [m.start() for m in re.finditer(r"\n[ \t]*\n", doc.text)]
    out, i = [], 0
    for s in doc.sentences:
        while i < len(breaks) and breaks[i] < s.start:
            i += 1
        out.append(i)
    return out


# publication dates read from the page itself: relative dates may be resolved against them
_FIRM = (
    "catalog", "dateline", "stamp", "dateline+stamp_year", "dateline+copyright_year",
    "dateline+text_year", "text", "copyright",
)  # fmt: skip


def _resolve(d: Date, doc, context_year: int | None, ahead: bool = False) -> bool:
    """Give a relative date or a bare day/month its year; False when nothing can.
    ``ahead``: the sentence speaks of the future (:data:`_FUTURE`)."""
    published = doc.published or "" if doc.published_basis in _FIRM else ""
    if d.relative is not None:
        unit, offset, anchor = d.relative
        try:
            if unit == "named_month":  # the last, this or next such month seen from the page
                if len(published) < 7:
                    return False
                year, month, step = int(published[:4]), int(published[5:7]), int(anchor)
                if step < 0:
                    year -= offset >= month
                elif step > 0:
                    year += offset <= month
                d.date, d.year = iso(year, offset), year
            elif unit == "weekday":
                if len(published) < 10:
                    return False
                d.date = weekday_before(WEEKDAYS[offset], published)
                d.year = int(d.date[:4])
            elif anchor == "context" and d.basis == "inherited" and unit == "year":
                d.year = context_year + offset
                d.date = iso(d.year)
            elif anchor == "context" and d.basis == "inherited" and unit in ("month", "week"):
                # "The following month", "a week later": of the year just told (its month is
                # not kept: a year's precision)
                d.year, d.precision = context_year, "year"
                d.date = iso(d.year)
            elif anchor == "context":
                # "in the same year", "Two years later" with no year named before it: none
                return False
            elif published:
                d.date, d.year, d.precision = shift(published, unit, offset)
            else:
                return False
        except ValueError:
            return False
        d.basis = "relative"
        if d.context.startswith("before"):
            d.context = f"before_{d.year}"
        return True
    if d.bare_month is not None:
        if context_year is not None and d.basis == "inherited":
            year = context_year
        elif len(published) >= 7:
            year, d.basis = closest_year(d.bare_month, d.bare_day, published), "publication"
            if not ahead and _past_of(published, d.bare_month, d.bare_day):
                year -= 1
        elif context_year is not None:
            year, d.basis = context_year, "inherited"
        elif doc.published_year is not None:
            year, d.basis = doc.published_year, "publication"
        else:
            return False
        d.year, d.date = year, iso(year, d.bare_month, d.bare_day)
    return True


def sentence_dates(doc) -> list[tuple[object, list[Date]]]:
    """(sentence, dates kept as events) for every sentence of a document, years resolved."""
    paragraphs = _paragraph_ids(doc)
    last_doc: int | None = None
    last_para: dict[int, int] = {}
    out = []
    for s, para in zip(doc.sentences, paragraphs, strict=True):
        dates = [d for d in find_dates(s.text) if not d.comparison]
        explicit = [d for d in dates if not d.implicit and d.date]
        if explicit:
            dates = [d for d in dates if not d.implicit]
        # a year already given more precisely in the same sentence is not a second event
        precise = {d.year for d in dates if d.precision in ("day", "month") and d.year}
        kept: list[Date] = []
        seen: set[tuple] = set()
        for d in dates:
            if d.precision == "year" and not d.context and d.year in precise:
                continue
            if not d.date:
                earlier = [k.year for k in kept if k.year and not k.context]
                if earlier or para in last_para:
                    d.basis = "inherited"  # the sentence or its paragraph names the year
                context = earlier[-1] if earlier else last_para.get(para, last_doc)
                if not _resolve(d, doc, context, bool(_FUTURE.search(s.text))):
                    continue
            future = _FUTURE.search(s.text) or (doc.published_year or 9999) < d.year
            if future and s.kind == "body" and not d.context.startswith("before"):
                d.context = "target"
            key = (d.date, d.precision, d.context, d.period_end)
            if key in seen:
                continue
            seen.add(key)
            kept.append(d)
        for d in kept:
            if d.precision in ("day", "month", "year") and d.context in ("", "by"):
                last_doc = d.year
                last_para[para] = d.year
        out.append((s, kept))
    return out


def sentence_years(doc) -> dict[int, tuple[int | None, str]]:
    """The year each sentence speaks of, keyed by sentence start, with its basis.

    The first dated event of the sentence that is not "since" or "before" context gives
    ``(year, basis)`` (the start year for a period); else a "before 1978" phrase gives
    ``(1978, "before")`` (no era: it is context from before the period); else "since 1990"
    gives the publication year with basis ``"since"`` (the sentence describes the state
    reached when it was written); else the document's publication year, ``"publication"``.
    Partners and themes use this to assign a sentence (and its words) to an era.
    """
    out: dict[int, tuple[int | None, str]] = {}
    for s, dates in sentence_dates(doc):
        main = [d for d in dates if d.context in ("", "by", "target")]
        before = [d for d in dates if d.context.startswith("before")]
        if main:
            out[s.start] = (main[0].year, main[0].basis)
        elif before:
            out[s.start] = (before[0].year, "before")
        elif dates:
            out[s.start] = (doc.published_year, "since")
        else:
            out[s.start] = (doc.published_year, "publication")
    return out
