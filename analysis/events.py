"""Dated events: every date a sentence speaks of, with a short label and the partners named.

A sentence gives one event per date phrase in it:

- day dates ("on 23 November 1979", "held on August 28, 2011") -> ``1979-11-23``, day;
- month dates ("In April 2011", "Jan. 1992") -> ``2011-04``, month;
- years ("in 1994", "2011, the first year …") -> ``1994``, year;
- ranges and plan periods ("during 1994-1997", "Tenth Five-year Plan (2001 - 2005)",
  "during the 11th Five-Year Plan", "the 1990s") -> start year, precision period,
  ``period_end`` the last year. A plan named without years gets its years from the
  plan's number, and only when the sentence has no other date;
- a bare month ("In May, during the third round …") takes its year from the nearest
  preceding dated sentence of the same paragraph, else of the document, else the
  publication year (``year_basis`` says which);
- "before 1978" is kept as context: date ``1978``, ``context`` ``before_1978``;
- "since 1990" marks the start of a trend: kept (the brief can show when a trend began)
  as a year event with ``context`` ``since``; "by 1995" (a cumulative count) gets
  ``by``; a sentence about the future ("will", "plan to", …) gets ``target``. Landmark
  events are those with an empty context.

Years that are only a baseline of a comparison ("20.6 times that of 1978") are not events.
``has_figures`` says whether the sentence also states a number that is not a date, so the
brief can tell landmark events from statistics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.corpus import MONTH_RE, MONTHS, YEAR_RE
from analysis.partners import partner_names

COLUMNS = ["date", "year", "doc_id", "event", "partners", "sentence"]
EXTRA_COLUMNS = [
    "start",
    "end",
    "precision",
    "period_end",
    "context",
    "has_figures",
    "year_basis",
    "kind",
    "duplicate",
]
PRECISIONS = ("day", "month", "year", "period")
MAX_LABEL_WORDS = 14

# Five-year plans: the first ran 1953-1957, the second 1958-1962; after the 1963-1965
# readjustment the third began in 1966 and every later one five years after the last.
_ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth".split()
    )
}


def plan_years(number: int) -> tuple[int, int]:
    """First and last year of China's ``number``-th Five-Year Plan (10 -> 2001, 2005)."""
    start = {1: 1953, 2: 1958}.get(number, 1966 + 5 * (number - 3))
    return start, start + 4


_Y = rf"(?P<year>{YEAR_RE})"
_DASH = r"\s*(?:-|–|—|~|to)\s*"
_ORD = r"(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|\d{1,2}(?:st|nd|rd|th))"  # noqa: E501
_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)"
)
# (name, pattern, flags) in priority order: a later pattern never overlaps an earlier hit.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "day",
        re.compile(
            rf"\b(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_Y}\b"
            rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTH_RE}),?\s+"
            rf"(?P<year2>{YEAR_RE})\b"
            rf"|\b(?P<year3>{YEAR_RE})-(?P<mnum>\d{{2}})-(?P<day3>\d{{2}})\b"
        ),
    ),
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
    ("month", re.compile(rf"\b(?P<month>{MONTH_RE})\s*,?\s+{_Y}\b(?![\d%])")),
    (
        "year",
        re.compile(
            rf"(?<![\d,.\-/$#£€¥])\b{_Y}\b(?![\d%]|,\d|\.\d|\s*(?:-|–)\s*\d)"
            r"(?!\s+(?:people|persons|projects|scientists|students|enterprises|companies|"
            r"experts|contracts|yuan|dollars|tons|tonnes|units|items|institutions|members|"
            r"researchers|meters|metres|km|kilometers|hectares|times)\b)"
        ),
    ),
    (
        "bare_month",
        re.compile(
            rf"\b(?:[Ii]n|[Oo]n|[Dd]uring|[Bb]y|[Ss]ince|[Uu]ntil|[Ee]arly|[Ll]ate|[Mm]id-)\s+"
            rf"(?:(?:early|late|mid-)\s*)?(?P<month>{_FULL_MONTH})(?:\s+(?P<day>\d{{1,2}})\b)?"
            rf"(?!\s*,?\s*\d{{3}})"
        ),
    ),
]
# words before a date that belong to the date phrase (removed from the label)
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
_DISCOURSE = re.compile(
    r"^(?:For example|For instance|In addition|Meanwhile|Moreover|Furthermore|Besides|"
    r"As for \w+|Thus far|So far|In particular|However|Also|Then|Later|Subsequently|At present|"
    r"Now|Since then|In this regard|To this end|On this basis|Likewise|Similarly|"
    r"With this recognition|In this context|Against this background),?\s+"
)
_SUBORDINATE = re.compile(
    r"\s*(?:;|,\s+(?=(?:\w+ing|which|who|whom|whose|where|while|when|valued|totaling|totalling|"
    r"respectively|thus|so as|in order|according|accounting|as well as)\b))"
)
_NUMBER = re.compile(
    r"(?<![\w.])\d[\d,.]*(?![\d]|st\b|nd\b|rd\b|th\b|[A-Za-z])|\b(?:thousand|million|billion"
    r"|percent|per cent|dozens?|hundreds)\b|%"
)
# a sentence about the future: its dates are targets, not events ("plan to" is not enough:
# "launched an action plan to promote" is past)
_FUTURE = re.compile(r"\b(?:will|shall|is to be|are to be)\b", re.I)
_LIST_MARKER = re.compile(r"^\s*(?:\(\d{1,2}\)|\d{1,2}\.(?!\d)|[IVXLC]+\.)\s*")


@dataclass
class _Date:
    start: int  # of the whole phrase, its lead words included
    end: int
    core_start: int
    date: str
    year: int
    precision: str
    period_end: int | None = None
    context: str = ""
    implicit: bool = False  # a plan named without years
    bare_month: int | None = None  # a month whose year must come from elsewhere
    bare_day: int | None = None
    comparison: bool = False  # a baseline year: "that of 1978"
    basis: str = "explicit"  # explicit | inherited | publication


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _second_year(first: int, text: str) -> int:
    if len(text) == 2:  # 1994-97
        return first // 100 * 100 + int(text)
    return int(text)


def find_dates(text: str) -> list[_Date]:
    """Every date phrase of a sentence, in order (baselines of comparisons flagged)."""
    taken: list[tuple[int, int]] = []
    found: list[_Date] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            a, b = m.span()
            if not free(a, b):
                continue
            g = m.groupdict()
            d: _Date | None = None
            if kind == "day":
                year = int(g["year"] or g["year2"] or g["year3"])
                month = int(g["mnum"]) if g["mnum"] else _month(g["month"] or g["month2"])
                day = int(g["day"] or g["day2"] or g["day3"])
                if 1 <= month <= 12 and 1 <= day <= 31:
                    d = _Date(a, b, a, _iso(year, month, day), year, "day")
            elif kind == "plan":
                word = g["ord"].lower()
                number = _ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0)
                if g["y1"]:
                    y1, y2 = int(g["y1"]), int(g["y2"])
                    d = _Date(a, b, a, _iso(y1), y1, "period", y2)
                elif 1 <= number <= 30:
                    y1, y2 = plan_years(number)
                    d = _Date(a, b, a, _iso(y1), y1, "period", y2, implicit=True)
            elif kind == "range":
                first = g["y1"] or g["b1"]
                y1, y2 = int(first), _second_year(int(first), g["y2"] or g["b2"])
                if y1 < y2 <= y1 + 30:
                    d = _Date(a, b, a, _iso(y1), y1, "period", y2)
            elif kind == "decade":
                y1 = int(g["year"])
                part = (g["part"] or "").strip("- ").lower()
                lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(part, (0, 9))
                d = _Date(a, b, a, _iso(y1 + lo), y1 + lo, "period", y1 + hi)
            elif kind == "month":
                year = int(g["year"])
                d = _Date(a, b, a, _iso(year, _month(g["month"])), year, "month")
            elif kind == "year":
                year = int(g["year"])
                d = _Date(a, b, a, _iso(year), year, "year")
            elif kind == "bare_month":
                core = m.start("month")
                day = int(g["day"]) if g["day"] and 1 <= int(g["day"]) <= 31 else None
                d = _Date(core, b, core, "", 0, "day" if day else "month")
                d.bare_month, d.bare_day = _month(g["month"]), day
            if d is None:
                continue
            taken.append((a, b))
            before = text[: d.core_start]
            if _COMPARISON.search(before) and kind in ("year", "month"):
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


def _label(text: str, dates: list[_Date]) -> str:
    """A short label from the sentence with its date phrases removed (no new words)."""
    parts, pos = [], 0
    for d in sorted(dates, key=lambda x: x.start):
        if d.comparison or d.start < pos:
            continue
        parts.append(text[pos : d.start])
        parts.append("\x00")
        pos = d.end
    parts.append(text[pos:])
    s = "".join(parts)
    s = _LIST_MARKER.sub("", s)
    s = re.sub(r"\x00(?:\s*(?:,|and|or|to|-)\s*\x00)+", "\x00", s)
    s = re.sub(r"^[\s,]*\x00[\s,]*", "", s)
    s = re.sub(r"\b(that|and|but|as|so)\s*\x00\s*,\s*", r"\1 ", s)
    s = re.sub(r"\s*,\s*\x00\s*,\s*", " ", s)
    s = re.sub(r"\s*,?\s*\x00\s*(?=[,.;:!?]|$)", "", s)
    s = re.sub(r"\s*\x00\s*", " ", s)
    s = s.strip().rstrip(".!?;:").strip()
    s = _DISCOURSE.sub("", s)
    cut = _SUBORDINATE.search(s)
    while cut and len(s[: cut.start()].split()) < 4:
        cut = _SUBORDINATE.search(s, cut.end())
    if cut:
        s = s[: cut.start()]
    words = s.split()
    if len(words) > MAX_LABEL_WORDS + 2:
        s = " ".join(words[:MAX_LABEL_WORDS]).rstrip(",;:") + "…"
    s = s.strip(" ,;:")
    return s[:1].upper() + s[1:]


def _has_figures(text: str, dates: list[_Date]) -> bool:
    chars = list(text)
    for d in dates:
        chars[d.core_start : d.end] = " " * (d.end - d.core_start)
    rest = _LIST_MARKER.sub(" ", "".join(chars))
    rest = re.sub(rf"(?<![\d,.])\b{YEAR_RE}\b(?![\d,.%])", " ", rest)  # other years
    return bool(_NUMBER.search(rest))


def _paragraph_ids(doc) -> list[int]:
    breaks = [m.start() for m in re.finditer(r"\n[ \t]*\n", doc.text)]
    out, i = [], 0
    for s in doc.sentences:
        while i < len(breaks) and breaks[i] < s.start:
            i += 1
        out.append(i)
    return out


def _sentence_dates(doc) -> list[tuple[object, list[_Date], str]]:
    """(sentence, dates kept as events, year_basis of the bare months) for every sentence."""
    paragraphs = _paragraph_ids(doc)
    last_doc: int | None = None
    last_para: dict[int, int] = {}
    out = []
    for s, para in zip(doc.sentences, paragraphs, strict=True):
        dates = [d for d in find_dates(s.text) if not d.comparison]
        explicit = [d for d in dates if not d.implicit and d.bare_month is None]
        if explicit:
            dates = [d for d in dates if not d.implicit]
        # a year already given more precisely in the same sentence is not a second event
        precise = {d.year for d in dates if d.precision in ("day", "month") and d.year}
        kept: list[_Date] = []
        seen: set[tuple] = set()
        for d in dates:
            if d.precision == "year" and not d.context and d.year in precise:
                continue
            basis = "explicit"
            if d.bare_month is not None:
                # nearest preceding date: earlier in this sentence, this paragraph, the doc
                earlier = [k.year for k in kept if k.year and not k.context]
                year = earlier[-1] if earlier else last_para.get(para, last_doc)
                basis = "inherited"
                if year is None:
                    year, basis = doc.published_year, "publication"
                if year is None:
                    continue
                d.year = year
                d.date = _iso(year, d.bare_month, d.bare_day)
            d.basis = basis
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
        out.append((s, kept, "explicit"))
    return out


def extract_events(doc) -> list[dict]:
    """The dated events of one document, one dict per (sentence, date), in text order.

    Keys: the columns of ``stbrief timeline`` (``COLUMNS``) then ``EXTRA_COLUMNS``.
    """
    rows = []
    duplicate = bool(doc.duplicate_of)
    for s, dates, _ in _sentence_dates(doc):
        if not dates:
            continue
        all_dates = find_dates(s.text)
        label = _label(s.text, dates + [d for d in all_dates if d.comparison])
        partners = "; ".join(partner_names(s.text))
        figures = _has_figures(s.text, all_dates)
        for d in dates:
            rows.append(
                {
                    "date": d.date,
                    "year": d.year,
                    "doc_id": doc.doc_id,
                    "event": label,
                    "partners": partners,
                    "sentence": " ".join(s.text.split()),
                    "start": s.start,
                    "end": s.end,
                    "precision": d.precision,
                    "period_end": d.period_end,
                    "context": d.context,
                    "has_figures": figures,
                    "year_basis": d.basis,
                    "kind": s.kind,
                    "duplicate": duplicate,
                }
            )
    return rows


def sentence_years(doc) -> dict[int, tuple[int | None, str]]:
    """The year each sentence speaks of, keyed by sentence start, with its basis.

    The first dated event of the sentence that is not "since" or "before" context gives
    ``(year, "explicit")`` (``"inherited"`` for a bare month, the start year for a
    period); else a "before 1978" phrase gives ``(1978, "before")`` (no era: it is
    context from before the period); else "since 1990" gives the publication year with
    basis ``"since"`` (the sentence describes the state reached when it was written);
    else the document's publication year, ``"publication"``. Partners and themes use
    this to assign a sentence (and its words) to an era.
    """
    out: dict[int, tuple[int | None, str]] = {}
    for s, dates, _ in _sentence_dates(doc):
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


def timeline_table(corpus, start_year: int | None = None, end_year: int | None = None):
    """All events of a corpus: ``stbrief timeline`` columns, then the extras, checked.

    Sorted by date, then doc_id, then position. ``start_year``/``end_year`` keep events
    whose year (or period) overlaps the range; events from near-duplicate documents are
    kept with ``duplicate`` true.
    """
    import pandas as pd

    rows = [row for doc in corpus for row in extract_events(doc)]
    frame = pd.DataFrame(rows, columns=COLUMNS + EXTRA_COLUMNS)
    if start_year is not None or end_year is not None:
        lo = start_year if start_year is not None else -(10**6)
        hi = end_year if end_year is not None else 10**6
        last = frame["period_end"].fillna(frame["year"])
        frame = frame[(frame["year"] <= hi) & (last >= lo)]
    frame = frame.sort_values(["date", "doc_id", "start"], kind="stable").reset_index(drop=True)
    frame["year"] = frame["year"].astype("int64")
    frame["period_end"] = frame["period_end"].astype("Int64")
    frame["has_figures"] = frame["has_figures"].astype(bool)
    frame["duplicate"] = frame["duplicate"].astype(bool)
    return timeline_schema().validate(frame)


def timeline_schema():
    """The pandera schema of :func:`timeline_table`."""
    import pandera.pandas as pa

    iso = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
    return pa.DataFrameSchema(
        {
            "date": pa.Column(str, pa.Check.str_matches(iso)),
            "year": pa.Column("int64", pa.Check.in_range(1900, 2100)),
            "doc_id": pa.Column(str),
            "event": pa.Column(str),
            "partners": pa.Column(str),
            "sentence": pa.Column(str, pa.Check.str_length(min_value=1)),
            "start": pa.Column(int, pa.Check.ge(0)),
            "end": pa.Column(int, pa.Check.ge(0)),
            "precision": pa.Column(str, pa.Check.isin(PRECISIONS)),
            "period_end": pa.Column("Int64", nullable=True),
            "context": pa.Column(str, pa.Check.str_matches(r"^(?:|since|by|target|before_\d{4})$")),
            "has_figures": pa.Column(bool),
            "year_basis": pa.Column(str, pa.Check.isin(["explicit", "inherited", "publication"])),
            "kind": pa.Column(str, pa.Check.isin(["title", "heading", "body"])),
            "duplicate": pa.Column(bool),
        },
        checks=[
            pa.Check(
                lambda df: (df["date"].str[:4].astype(int) == df["year"]).all(),
                error="date and year disagree",
            ),
            pa.Check(
                lambda df: ((df["period_end"].isna()) | (df["precision"] == "period")).all(),
                error="period_end set on a non-period event",
            ),
        ],
        strict=True,
        ordered=True,
    )
