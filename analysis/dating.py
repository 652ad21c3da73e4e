"""Dates: when a document was published, with its evidence; the month and year patterns.

The dates a sentence speaks of are :mod:`analysis.sentencedates` (which uses the same
patterns); its public names are importable from here too.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass

from analysis import scan
from analysis.config import load_lexicon

_MONTH_NAMES = [
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
]
MONTHS = {m: i + 1 for i, names in enumerate(_MONTH_NAMES) for m in names}
# any month name or abbreviation ("Mar", "Mar.", "March")
MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# a month written out, or abbreviated with its period: without a year beside it, "Mar" or
# "May" alone are too often words
FULL_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)"
)
YEAR_RE = r"(?:19[4-9]\d|20[0-4]\d)"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# a full date: "August 28, 2011", "23 November 1979", "2005-03-14", "21-November-2006"
DAY_DATE = re.compile(
    rf"\b(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>{YEAR_RE})\b"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-)(?P<month2>{MONTH_RE})(?:,?\s+|-)"
    rf"(?P<year2>{YEAR_RE})\b"
    rf"|\b(?P<year3>{YEAR_RE})-(?P<mnum>\d{{2}})-(?P<day3>\d{{2}})\b"
)
# a year standing alone: not part of a number, an amount or a range; "mid-2009" is 2009
YEAR = re.compile(
    rf"(?:(?<=\b[Mm]id-)|(?<![\d,.\-/$#£€¥]))\b(?P<year>{YEAR_RE})\b(?![\d%]|,\d|\.\d"
    r"|\s*(?:-|–)\s*\d)"
)
# the word before a year that makes it a name ("Vision 2030"): a capitalised word
_NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z][A-Za-z]*)\s$")


@dataclass(frozen=True)
class _Settings:
    future_re: re.Pattern[str]
    future_markers: tuple[str, ...]  # lower-case literals of future_re; () = no fast scan
    date_words: frozenset[str]  # capitalised words a year may follow and stay a date
    relative: tuple[tuple[re.Pattern[str], str, int, str], ...]  # (regex, unit, offset, anchor)


@functools.cache
def settings() -> _Settings:
    """The dating settings of the corpus lexicon, compiled once per process."""
    cs = load_lexicon("corpus")
    future = cs["future_markers"] or ["will"]
    dating = cs["dating"]
    relative = tuple(
        (
            re.compile(r"\b" + re.escape(r["phrase"]).replace(r"\ ", r"\s+") + r"\b", re.I),
            r["unit"],
            r["offset"],
            r.get("anchor", "publication"),
        )
        for r in dating["relative"]
    )
    words = {w.lower() for w in dating["year_follows"]} | set(MONTHS)
    return _Settings(
        future_re=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in future) + r")\b", re.I),
        future_markers=scan.literal_words(future),
        date_words=frozenset(words),
        relative=relative,
    )


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation ("Sept.", "march")."""
    return MONTHS[name.rstrip(".").lower()]


def iso(year: int, month: int | None = None, day: int | None = None) -> str:
    """``1991``, ``1991-04`` or ``1991-04-05``."""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def is_name_year(text: str, pos: int, lo: int = 0) -> bool:
    """The year at ``text[pos:]`` ends a name ("Vision 2030", "Made in China 2025"): the word
    right before it is capitalised and not one a date follows ("In", "mid", a month)."""
    m = _NAME_BEFORE.search(text, max(lo, pos - 30), pos)
    return bool(m) and m.group(1).lower() not in settings().date_words


def years_in(text: str) -> list[int]:
    """The years a text speaks of (:data:`YEAR`, names left out), in order."""
    return [int(m["year"]) for m in YEAR.finditer(text) if not is_name_year(text, m.start())]


def day_dates(sentence: str) -> list[tuple[str, int]]:
    """Every day-precise date in a sentence as (ISO date, year)."""
    out = []
    for m in DAY_DATE.finditer(sentence):
        g = m.groupdict()
        year = int(g["year"] or g["year2"] or g["year3"])
        month = int(g["mnum"]) if g["mnum"] else month_number(g["month"] or g["month2"])
        day = int(g["day"] or g["day2"] or g["day3"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            out.append((iso(year, month, day), year))
    return out


full_dates = day_dates  # the name corpus.py used


# "2009/03/04", "2009.03.04", "2015年3月12日", "17/05/2019", "12.05.2012", "12-05-2012"
_NUMERIC_DATE = re.compile(
    rf"\b(?:(?P<year>{YEAR_RE})\s*(?:[/-]|\.\s?|年\s*)(?P<a>\d{{1,2}})\s*(?:[/-]|\.\s?|月\s*)(?P<b>\d{{1,2}})"
    rf"|(?P<d>\d{{1,2}})(?P<sep>[-/.])(?P<e>\d{{1,2}})[-/.](?P<year2>{YEAR_RE}))(?!\d)"
)


_SLUG_DATE = re.compile(r"^(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])-(?P<yy>\d\d)$")
_MONTH_YEAR = re.compile(rf"(?<![\d/.-])(?P<month>0?[1-9]|1[0-2])[/.](?P<year>{YEAR_RE})\b")
# a periodical's week, month first: "(May 6-12, 1991)" (the issue dates from its first day)
_WEEK_DATE = re.compile(
    rf"\b(?P<month>{MONTH_RE})\.?\s+(?P<day>[0-3]?\d)\s*[-–]\s*[0-3]?\d,?\s+(?P<year>{YEAR_RE})\b",
    re.I,
)
_SHORT_YEAR_DATE = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:\s+|-)(?P<month>{MONTH_RE})(?:\s+|-)(?P<yy>\d\d)\b", re.I
)
# a wire's date-time group: day, clock time and zone, month, the year in two ("030818 GMT MAR
# 93", as AFP ends a story)
_DATE_TIME_GROUP = re.compile(
    rf"\b(?P<day>0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d\s*(?:GMT|UTC|Z)\s+"
    rf"(?P<month>{MONTH_RE})\s+(?P<yy>\d\d)\b",
    re.I,
)


_MONTH_RANGE = re.compile(
    rf"\b(?P<month>{MONTH_RE})\.?\s*[-–/]\s*(?:{MONTH_RE})\.?,?\s+(?P<year>{YEAR_RE})\b", re.I
)


def parse_date(text: str) -> str:
    """An ISO date from a stamp's date ("2009-03-04", "March 4, 2009", "4 Mar 2009", "14 MARCH
    2018" as a date line in capitals writes it), or ""."""
    found = day_dates(text) or day_dates(text.title())
    if found:
        return found[0][0]
    m = _NUMERIC_DATE.search(text)
    if m:
        a, b = int(m["a"] or m["d"]), int(m["b"] or m["e"])
        year = int(m["year"] or m["year2"])
        if m["year"]:  # 2009/03/04
            month, day = a, b
        elif a > 12 or (b <= 12 and m["sep"] in ".-"):  # 17/05/2019, 12.05.2012, 12-05-2012
            day, month = a, b
        else:  # 05/17/2019, and 03/04/2009 read the American way
            month, day = a, b
        if 1 <= month <= 12 and 1 <= day <= 31:
            return iso(year, month, day)
    m = re.search(rf"\b(?P<year>{YEAR_RE})-(?P<month>0[1-9]|1[0-2])\b", text)
    if m:
        return iso(int(m["year"]), int(m["month"]))
    # a month and year in figures, as a stamp writes them: "Stand: 09/2009", "03.2015"
    m = _MONTH_YEAR.search(text)
    if m:
        return iso(int(m["year"]), int(m["month"]))
    # a wire's short date with the year in two figures: "03 Mar 94", "01-FEB-79" (a year 40-99
    # is 19xx)
    m = _SHORT_YEAR_DATE.search(text) or _DATE_TIME_GROUP.search(text)
    if m:
        yy = int(m["yy"])
        return iso(1900 + yy if yy >= 40 else 2000 + yy, month_number(m["month"]), int(m["day"]))
    # a wire slug's date in figures, month first, the year in two ("AP-NY-06-14-84 0412EDT")
    m = _SLUG_DATE.search(text)
    if m:
        yy = int(m["yy"])
        return iso(1900 + yy if yy >= 40 else 2000 + yy, int(m["month"]), int(m["day"]))
    m = _WEEK_DATE.search(text)
    if m and 1 <= int(m["day"]) <= 31:
        return iso(int(m["year"]), month_number(m["month"]), int(m["day"]))
    # a bimonthly's issue, "March-April 1982", "Jan./Feb. 2010": its first month's
    m = _MONTH_RANGE.search(text)
    if m:
        return iso(int(m["year"]), month_number(m["month"]))
    # "March 21-27, 1988", "MARCH 2015" (a date line in capitals)
    m = re.search(rf"\b(?P<month>{MONTH_RE})[\s\d,–-]{{1,12}}?(?P<year>{YEAR_RE})\b", text, re.I)
    if m:
        return iso(int(m["year"]), month_number(m["month"]))
    m = re.search(rf"\b{YEAR_RE}\b", text)
    return m.group(0) if m else ""


def _days_after(first: str, second: str) -> int | None:
    """How many days the ISO day ``second`` comes after the ISO day ``first``; None unless
    both are days."""
    if len(first) != 10 or len(second) != 10:
        return None
    try:
        a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(second)
    except ValueError:
        return None
    return (b - a).days


def closest_year(month: int, day: int | None, published: str) -> int:
    """The year that puts ``month``/``day`` nearest to a publication date (ISO, day or month
    precise): "March 3" in a page of 2009-03-04 is 2009, "December 30" in one of
    2010-01-02 is 2009."""
    year, pub_month = int(published[:4]), int(published[5:7])
    pub_day = int(published[8:10]) if len(published) >= 10 else 15
    here = (month, day or 15)

    def distance(y: int) -> int:
        return abs((y - year) * 372 + (here[0] - pub_month) * 31 + here[1] - pub_day)

    return min((year, year - 1, year + 1), key=distance)


def weekday_before(name: str, published: str) -> str:
    """The ISO date of the latest ``name`` day (Monday ...) on or before ``published``."""
    pub = dt.date.fromisoformat(published[:10])
    back = (pub.weekday() - WEEKDAYS.index(name.lower())) % 7
    return (pub - dt.timedelta(days=back)).isoformat()


def shift(published: str, unit: str, offset: int) -> tuple[str, int, str]:
    """(ISO date, year, precision) ``offset`` units from a publication date."""
    year = int(published[:4])
    if unit == "year":
        return iso(year + offset), year + offset, "year"
    if len(published) < 7:
        raise ValueError("needs a month")
    month = int(published[5:7])
    if unit == "month":
        total = year * 12 + month - 1 + offset
        return iso(total // 12, total % 12 + 1), total // 12, "month"
    if len(published) < 10:
        raise ValueError("needs a day")
    days = offset * (7 if unit == "week" else 1)
    day = dt.date.fromisoformat(published[:10]) + dt.timedelta(days=days)
    if unit == "week":  # a week is known to its month only
        return iso(day.year, day.month), day.year, "month"
    return day.isoformat(), day.year, "day"


# --------------------------------------------------------------------------- publication
_BRIEFS_READ = 20_000  # how much of a page is read for the datelines of its briefs


def _brief_datelines(text: str) -> int:
    """How many paragraphs of a page open on a dateline of their own, no agency's, with
    different days (a page of news briefs)."""
    days = set()
    for para in text[:_BRIEFS_READ].split("\n\n"):
        line = para.strip().split("\n", 1)[0]
        for pattern in DATELINES:
            m = pattern.match(line)
            if m and not _CLOCK_AFTER.match(line, m.end()):
                g = m.groupdict()
                if not g.get("agency"):  # (a monitoring report's wire items keep their own)
                    days.add((g.get("month"), g.get("day") or g.get("day2")))
                break
    return len(days)


def _edge_lines(text: str, n: int) -> list[str]:
    """``lines[:n] + lines[-n:]`` of the stripped non-blank lines of ``text``, read from its
    two ends (a long text is not split whole)."""
    size = 4096
    while True:
        if 2 * size >= len(text):
            lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
            return lines[:n] + lines[-n:]
        # the line a piece cuts in two is left out
        head = [ln.strip() for ln in text[:size].splitlines()[:-1] if ln.strip()]
        tail = [ln.strip() for ln in text[-size:].splitlines()[1:] if ln.strip()]
        if len(head) >= n and len(tail) >= n:
            return head[:n] + tail[-n:]
        size *= 4


# a notes' or references' heading on its own line near a page's foot
_NOTES_HEADING = re.compile(
    r"^[ \t]*(?:notes|references|sources|bibliography|footnotes|endnotes)[ \t]*:?[ \t]*$",
    re.I | re.M,
)
_NOTES_REACH = 4096

_PLACE = r"(?:[A-Z][A-Za-z.' -]{1,40})"
# a place in a dateline, perhaps with its country ("Nairobi, Kenya"), then a comma or a dash
_PLACE_SEP = rf"{_PLACE}(?:,\s*{_PLACE})?(?:,|\s+[-–—])"
# an agency in brackets or slashes after the date ("(Xinhua)", "/PRNewswire/")
_AGENCY_MARK = r"[(/](?P<agency>[A-Za-z][A-Za-z -]*)[)/]"
DATELINES = [
    # Shanghai, 12 March 2004.  /  Geneva, May 1999.  /  BEIJING, March 3, 2009 (Xinhua) --  /
    # Nairobi, Kenya, March 3rd 2010 --  /  BEIJING - March 3, 2010 -
    re.compile(
        rf"^{_PLACE_SEP}\s+(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{MONTH_RE})"
        rf"\s+(?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<year>{YEAR_RE})\b"
    ),
    # BEIJING, Oct. 8 (Xinhua) --  (the year found elsewhere); WASHINGTON, March 3 /PRNewswire/ --
    re.compile(
        rf"^{_PLACE_SEP}\s+(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})"
        rf"\s*(?:{_AGENCY_MARK}\s*(?:--|—|–|-|$)|(?:--|—|–|-))"
    ),
    # [Text] Beijing, 3 Mar (XINHUA) --  (the day before the month, as FBIS texts write it;
    # an editor's mark before the place); Fuzhou, 24 July: East China's ...  (a monitoring
    # service's colon)
    re.compile(
        rf"^(?:\[[A-Za-z ]{{1,20}}\]\s*)?{_PLACE_SEP}\s+(?P<day>\d{{1,2}})\s+(?P<month>{MONTH_RE})"
        rf"\s*(?:{_AGENCY_MARK})?\s*(?:--|—|–|-|:(?=\s+[A-Z]))"
    ),
    # Beijing (Xinhua) March 3 --  (the agency before the date)
    re.compile(
        rf"^{_PLACE}\s*\((?P<agency>[A-Za-z ]+)\)\s*(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})"
        r"\s*(?:--|—|–|-)"
    ),
    # 3 March 2010. China ...  /  March 3, 2010 -- China ...  (a date opening the text)
    re.compile(
        rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH_RE})\s+(?P<year>{YEAR_RE})"
        r"\s*(?:--|—|–|-|\.|:)\s+[A-Z]"
    ),
    re.compile(
        rf"^(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>{YEAR_RE})"
        r"\s*(?:--|—|–|-|\.|:)\s+[A-Z]"
    ),
]
_CLOCK_AFTER = re.compile(r",?\s*(?:at\s+)?\d{1,2}[:.]\d\d\b", re.I)
_YEAR_RANGE = re.compile(rf"\(?\b({YEAR_RE})\s*[-–—]\s*({YEAR_RE})\b\)?")
OCCASION_WORDS = (
    "held", "opened", "convened", "signed", "issued", "released", "published", "took place",
    "launched", "delivered",
)  # fmt: skip
_OCCASION = re.compile(r"\b(?:" + "|".join(map(re.escape, OCCASION_WORDS)) + r")\b", re.I)

# How a publication date was found (``published_basis``), in a reader's words.
BASIS_TEXT = {
    "catalog": "given in the catalog",
    "record": "the news database record's date field",
    "dateline": "dateline",
    "stamp": "the page's “Updated” stamp",
    "dateline+stamp_year": "dateline, year from the page's stamp",
    "dateline+copyright_year": "dateline, year from the copyright line",
    "dateline+text_year": "dateline, year from the text",
    "slug+copyright_year": "the wire slug's month and day, year from the copyright line",
    "slug+text_year": "the wire slug's month and day, year from the text",
    "head_date": "date line in the page's head",
    "copyright": "copyright line under the title",
    "copyright_foot": "copyright line at the foot, of the year the text reaches",
    "text": "date of the occasion in the text",
    "reviewed_year": "the year after the year the text reviews",
    "latest_year": "latest year the text reports",
    "edition": "the reference work's edition year at the page's head",
    "title_period": "start of the period in the title",
    "as_of": "the month the page's figures stand at, in its head",
    "boilerplate (weak)": "page date only (weak)",
    "unknown": "not found",
}


def sentence_hits(text: str, sentences: list, checked: bool = False):
    """What :func:`date_document` asks of each sentence, from a few scans of the whole text.

    Returns (indices of sentences with a future marker, {index: years in it}, indices of
    sentences with an occasion word), or None when the text needs the plain sentence-by-
    sentence loop. Candidates come from substring search on ``text.lower()`` (see
    :mod:`analysis.scan`: the literals are the lexicon's future markers and
    :data:`OCCASION_WORDS`, and "19"/"20" for years) and each is confirmed by the sentence's
    own regex at that position, with the sentence's end as ``endpos``: the same answer as
    searching the sentence's text, since sentences are separated by blanks.
    """
    cfg = settings()
    markers = cfg.future_markers
    if not sentences or not markers or any("?" in w for w in markers):
        return None
    if scan.has_fold_special(text):
        return None
    # the lower-cased text, not scan.view's (its set of words costs more than these few
    # searches save, and it is kept for the facts: a document read for its date only
    # would hold a second copy of its text); as ASCII bytes, every other character a "?"
    # (no literal holds one): the same positions, and ``bytes.find`` is several times
    # ``str.find`` on a text with a character beyond Latin-1 (a typographic quote)
    low = b"".join(
        [text[a:b].encode("ascii", "replace").lower() for a, b in scan.pieces(text, 1 << 16, " ")]
    )
    year_starts = _year_starts(text)
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    if not checked:
        for a, b in zip(ends, starts[1:], strict=False):
            if a > b or text[a:b].strip():
                return None  # sentences overlap or leave out text: not what structure() makes
        if any(text[s.start : s.end] != s.text for s in sentences):
            return None

    def confirmed(positions, pattern) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for p in sorted(positions):
            k = bisect.bisect_right(starts, p) - 1
            if k >= 0 and p < ends[k] and pattern.match(text, p, ends[k]):
                out.setdefault(k, []).append(p)
        return out

    future = set(confirmed(_find_all_bytes(low, markers), cfg.future_re))
    occasion = set(confirmed(_find_all_bytes(low, OCCASION_WORDS), _OCCASION))
    del low
    years = {}
    for k, ps in confirmed(year_starts, YEAR).items():
        ys = [int(text[p : p + 4]) for p in ps if not is_name_year(text, p, starts[k])]
        if ys:
            years[k] = ys
    return future, years, occasion


def _find_all_bytes(low: bytes, literals) -> list[int]:
    """:func:`scan.find_all` on bytes: every start of every (ASCII) literal in ``low``."""
    out = []
    find = low.find
    for word in _ascii_bytes(tuple(literals)):
        i = find(word)
        while i >= 0:
            out.append(i)
            i = find(word, i + 1)
    return out


@functools.cache
def _ascii_bytes(literals: tuple[str, ...]) -> tuple[bytes, ...]:
    return tuple(w.encode("ascii") for w in literals)


# "19dd" and "20dd" searched for apart: a pattern that opens with a literal is searched for
# by it, where ``(?:19|20)\d\d`` is tried at every position (a fifth of the cost)
_YEAR_19 = re.compile(r"19\d\d")
_YEAR_20 = re.compile(r"20\d\d")


def _year_starts(text: str) -> list[int]:
    """``[m.start() for m in scan.YEAR_CANDIDATE.finditer(text)]``.

    The union of the two searches' starts is that when no two of them overlap (each
    search's chain then starts at the leftmost candidate left, as the joint one does);
    when two do ("201919"), the joint search decides."""
    if scan.YEAR_CANDIDATE.pattern != r"(?:19|20)\d\d":
        return [m.start() for m in scan.YEAR_CANDIDATE.finditer(text)]
    starts = [m.start() for m in _YEAR_19.finditer(text)]
    starts += [m.start() for m in _YEAR_20.finditer(text)]
    starts.sort()
    for a, b in zip(starts, starts[1:], strict=False):
        if b - a < 4:
            return [m.start() for m in scan.YEAR_CANDIDATE.finditer(text)]
    return starts


def date_document(doc, evidence: dict, catalog_date: str = "", checked: bool = False) -> None:
    """Set ``published``, ``published_year`` and ``published_basis`` from the best evidence.

    Order: the catalog; a news database record's "PD" field; a dateline (without a year: the
    year of the page's own "Updated" stamp, else the latest year the text speaks of, or the
    year after when the text closes it: "the end of 1986"); the page's
    stamp; a wire slug's month and day (the year of the copyright line, else of the text);
    the year of a copyright line under the title, unless the text speaks of a later year;
    a dated sentence about the occasion ("held on August 28, 2011") unless the text speaks of a
    later year; the latest year the text speaks of in the past; a year range in the title (a
    plan for 2001-2005 is written at its start); last, a date beside a sidebar link that
    cleaning removed (weak evidence, said so in the basis). ``checked``: the caller knows
    ``doc.sentences`` are spans of ``doc.text`` as ``corpus.structure`` makes them.
    """
    if catalog_date:
        doc.published, doc.published_basis = catalog_date, "catalog"
        doc.published_year = int(catalog_date[:4])
        return
    record = parse_date(evidence.get("record_published", ""))
    if record:  # a news database's record: its "PD" field (corpus._record_title)
        doc.published, doc.published_basis = record, "record"
        doc.published_year = int(record[:4])
        return
    found: list[tuple[int | None, list[tuple[str, int]]]] = []

    def sentences_say() -> tuple[int | None, list[tuple[str, int]]]:
        """(the latest past year the sentences speak of, the dates of occasions): read
        only when the evidence asks for them, once."""
        if not found:
            found.append(_sentence_evidence(doc, checked))
        return found[0]

    stamps = sorted(d for d, kind in _evidence_dates(evidence) if kind == "strong")
    # a page published on one day and updated on a later one dates from the first; a signing
    # line dates the agreement a page reproduces, not a page stamped in a later year ("Last
    # updated: 28 May 2018" over an extract "Done at Tokyo on 28 May 1980")
    revised = {parse_date(raw) for raw in evidence.get("revised", [])}
    signed = {parse_date(raw) for raw in evidence.get("signed", [])}
    later = max((d[:4] for d in stamps if d not in signed), default="")
    stamps = [d for d in stamps if d not in signed or d[:4] >= later]
    stamps = [d for d in stamps if d not in revised] or stamps
    copyright_years = sorted(
        d for d, kind in _evidence_dates(evidence) if kind in ("copyright", "copyright_head")
    )
    # a copyright line under the title ("© OECD 2008") dates a report; one at a page's foot
    # is the site's, often of a later year
    head_copyright = sorted(d for d, kind in _evidence_dates(evidence) if kind == "copyright_head")
    if stamps and _brief_datelines(doc.text) >= 2:
        # a page of news briefs, each under a dateline of its own ("KUNMING, May 3 -- ...",
        # "DHAKA, May 11 -- ..."): the page dates from its stamp, no item's dateline
        doc.published, doc.published_year = stamps[-1], int(stamps[-1][:4])
        doc.published_basis = "stamp"
        return
    notes = _NOTES_HEADING.search(doc.text, max(0, len(doc.text) - _NOTES_REACH))
    for line in _edge_lines(doc.text, 4):
        if notes is not None and doc.text.rfind(line) > notes.start():
            # a source's date in the notes at a page's foot ("Notes" / "[3] Yomiuri Shimbun,
            # 7 February 1981."): the source's, no dateline
            continue
        for pattern in DATELINES:
            m = pattern.match(line)
            if not m or _CLOCK_AFTER.match(line, m.end()):
                # (a date with its clock time is a stamp, a comment's "Anonymous - 13 March
                # 2017 at 22:47", never a dateline)
                continue
            g = m.groupdict()
            month = month_number(g["month"])
            day = g.get("day") or g.get("day2")
            if g.get("year"):
                year, basis = int(g["year"]), "dateline"
            elif stamps:
                year, basis = closest_year(month, int(day), stamps[-1]), "dateline+stamp_year"
                if (
                    day
                    and (not g.get("agency") or stamps[-1] in revised)
                    and _days_after(iso(year, month, int(day)), stamps[-1]) in range(1, 8)
                ):
                    # the page's own day stamp a few days after its dateline ("NANNING, Nov.
                    # 19 --" under "Updated: 2008-11-20 09:47"): the page dates from its stamp,
                    # the dateline from when the story was filed (not a wire's, "WASHINGTON,
                    # Jan 31 (Reuter) -", whose transmission stamp may pass midnight, unless the
                    # stamp is the page's "Updated:" line: "MANILA, Sept. 17 (chinaview) --"
                    # under "Updated: 2006-09-18 16:42")
                    doc.published, doc.published_year = stamps[-1], int(stamps[-1][:4])
                    doc.published_basis = "stamp"
                    return
            elif copyright_years:
                year, basis = int(copyright_years[-1][:4]), "dateline+copyright_year"
            elif sentences_say()[0] is not None:
                year, basis = sentences_say()[0], "dateline+text_year"
                if _closed_year(doc, year):
                    # "Between 1979 ... and the end of 1986, China signed ...": the dateline's
                    # day comes after that year
                    year += 1
            else:
                continue
            doc.published = iso(year, month, int(day) if day else None)
            doc.published_year, doc.published_basis = year, basis
            if g.get("agency") and not doc.publisher:
                doc.publisher = g["agency"].strip()
            return
    if stamps:
        doc.published, doc.published_year = stamps[-1], int(stamps[-1][:4])
        doc.published_basis = "stamp"
        return
    slug = evidence.get("monthdays")
    if slug and (copyright_years or sentences_say()[0] is not None):
        # a wire slug's month and day ("a0412 BC-CHINA-SCIENCE 11-14 0531"): the year of the
        # copyright line, else of the text, as for a dateline without its year
        month, day = (int(x) for x in slug[0].split("-"))
        if copyright_years:
            year, basis = int(copyright_years[-1][:4]), "slug+copyright_year"
        else:
            year, basis = sentences_say()[0], "slug+text_year"
        doc.published, doc.published_year, doc.published_basis = iso(year, month, day), year, basis
        return
    head = _head_date(doc.text)
    if head:
        doc.published, doc.published_year, doc.published_basis = head, int(head[:4]), "head_date"
        return
    latest_past, occasion = sentences_say()
    if head_copyright and (latest_past is None or int(head_copyright[-1][:4]) >= latest_past):
        doc.published, doc.published_basis = head_copyright[-1][:4], "copyright"
        doc.published_year = int(head_copyright[-1][:4])
        return
    if occasion:
        date, year = max(occasion)
        if latest_past is None or year >= latest_past:
            doc.published, doc.published_year, doc.published_basis = date, year, "text"
            return
    foot = [int(d[:4]) for d in copyright_years if d not in head_copyright]
    if foot and latest_past is not None and latest_past <= foot[-1] <= latest_past + 1:
        # a copyright line at the foot ("Copyright 1984 by United Press International") of
        # the year the text reaches, or the one after: the page's own (a site's is of a
        # later year than its old pages speak of)
        doc.published, doc.published_year = str(foot[-1]), foot[-1]
        doc.published_basis = "copyright_foot"
        return
    if evidence.get("edition"):
        # a reference work's edition year at the page's head ("..., 2nd ed. (2011)")
        year = int(evidence["edition"])
        doc.published, doc.published_year, doc.published_basis = str(year), year, "edition"
        return
    as_of = _head_as_of(doc.original)
    if as_of is not None and (latest_past is None or as_of[0] >= latest_past):
        # "DUT at a glance (as of May 2019)": a page that states the date its figures stand at
        # dates no earlier (a month's precision; an earlier one is its figures' date only)
        doc.published, doc.published_year = iso(*as_of), as_of[0]
        doc.published_basis = "as_of"
        return
    reviewed = _reviewed_year(doc)
    if reviewed is not None:
        # "In 2008 China's international ... cooperation ... By the end of the year China had
        # ...": a review of 2008, published in 2009 (a later year its text names is a plan's)
        doc.published, doc.published_year = iso(reviewed + 1), reviewed + 1
        doc.published_basis = "reviewed_year"
        return
    if latest_past is not None:
        doc.published, doc.published_year = iso(latest_past), latest_past
        doc.published_basis = "latest_year"
        return
    rng = _YEAR_RANGE.search(doc.title + " " + doc.subtitle)
    if rng:
        year = int(rng.group(1))
        doc.published, doc.published_year, doc.published_basis = iso(year), year, "title_period"
        return
    weak = sorted(d for d, kind in _evidence_dates(evidence) if kind == "weak")
    if weak:
        doc.published, doc.published_year = weak[-1], int(weak[-1][:4])
        doc.published_basis = "boilerplate (weak)"
        return
    doc.published, doc.published_year, doc.published_basis = "", None, "unknown"


# a date line in a page's head is short and holds few words of prose: a byline's date
# ("Jane Qiu / 17 November 2016"), a source bar ("Source: Department of X | 2010-01-26 15:40"),
# a programme's slot ("From Morning Report, 7:41 am on 23 August 2016"), a citation line
# ("The Washington Post; Washington, D.C. 17 Nov 1985: A18.")
_HEAD_DATE_LINES = 12  # non-blank lines of the cleaned text read
_HEAD_DATE_PROSE = 4  # lower-case words a date line may hold besides its date
_LOWER_WORD = re.compile(r"(?<![\w.])[a-z][a-z'’-]*\b")


def is_date_line(line: str) -> bool:
    """True when a line holds a full date (:data:`DAY_DATE`) and at most
    ``_HEAD_DATE_PROSE`` lower-case words: a page's date line, no sentence of its body ("The
    meeting was held on 3 May 2015 in Beijing")."""
    if len(line) > 240 or not any(c.isdigit() for c in line):
        return False
    if _RECORDED.match(line):
        # a programme's or a talk's line of when and where it was made, words of place and
        # all ("Recorded in Madrid on the sidelines of COP25, 10 December 2019.")
        return bool(day_dates(line))
    return bool(day_dates(line)) and len(_LOWER_WORD.findall(line)) <= _HEAD_DATE_PROSE


_RECORDED = re.compile(r"\s*(?:Recorded|Broadcast|Aired|Taped|Filmed|Delivered)\b")


# the date a page's figures stand at, in its head: "(as of May 2019)", "(data as of 31 December
# 2018)", "Figures as of December 2019"
_AS_OF_HEAD = re.compile(
    rf"\bas\s+(?:of|at)\s+(?:(?:the\s+)?end(?:\s+of|-)\s*)?(?:\d{{1,2}}\s+)?(?P<month>{MONTH_RE})\s+"
    rf"(?P<year>{YEAR_RE})\b",
    re.I,
)


def _head_as_of(original: str) -> tuple[int, int] | None:
    """(year, month) of the date a page's first lines say its figures stand at (in the file's
    text: a note cleaning cut still dates the page), else None."""
    seen = 0
    for line in original[:4000].splitlines():
        if not line.strip():
            continue
        seen += 1
        if seen > _HEAD_DATE_LINES:
            break
        m = _AS_OF_HEAD.search(line)
        if m is not None:
            return int(m.group("year")), month_number(m.group("month").rstrip(".").lower())
    return None


def _head_date(text: str) -> str:
    """The day date of the first date line (:func:`is_date_line`) among a page's first lines
    (cleaned text), else ""."""
    seen = 0
    lines = text[:6000].splitlines()
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > _HEAD_DATE_LINES or _NOTES_HEADING.match(line):
            break  # (a short page's notes: their sources' dates)
        if is_date_line(line) and not _runs_on(line, lines[i + 1] if i + 1 < len(lines) else ""):
            return day_dates(line)[0][0]
    return ""


_RUN_ON_NEXT = re.compile(r"\s*[a-z]")


def _runs_on(line: str, following: str) -> bool:
    """True when ``line`` is a wrapped line of a sentence that goes on in ``following`` (it ends
    without a stop and the next line opens in lower case): "... Cooperation in Kyiv on 31
    October 1992," / "and a Subcommission ..." is prose, no date line."""
    return not line.rstrip().endswith((".", ":", "!", "?")) and bool(_RUN_ON_NEXT.match(following))


# a page's first sentence opening on the year it tells of: "In 2008 China's international ..."
# (not a span's first year: "In 2006-2010 ...")
_REVIEW_OPENING = re.compile(r"\s*In\s+((?:19|20)\d\d)\b(?!\s*[-–/])")
_REVIEW_SENTENCES = 4  # the first body sentences that must close "the year"
_REVIEW_REACH = 6  # how many body sentences under the title the year's opening may stand


def _reviewed_year(doc) -> int | None:
    """The year a page reviews: one of its first ``_REVIEW_REACH`` body sentences opens on "In
    <year>" (a box of key figures may come first) and it or one of the next sentences (four
    in all) closes "the year" (corpus lexicon ``dating.year_reviewed_by``: "By the end of the
    year China had ..."); None otherwise."""
    head = doc.sentences[:40]
    # (after the title: a publication's name over it is no sentence of the page's)
    top = next((k for k, s in enumerate(head) if s.kind == "title"), -1)
    body = [s for s in head[top + 1 :] if s.kind == "body"][:_REVIEW_REACH]
    # (the first to open on a year: a box of key figures may stand before the prose)
    for k, s in enumerate(body):
        m = _REVIEW_OPENING.match(s.text)
        if m is not None:
            closed = _year_reviewed_by()
            told = body[k : k + _REVIEW_SENTENCES]
            return int(m.group(1)) if any(closed.search(t.text) for t in told) else None
    return None


@functools.cache
def _year_reviewed_by() -> re.Pattern[str]:
    """The corpus lexicon's ``dating.year_reviewed_by`` as one pattern (none: never)."""
    words = load_lexicon("corpus")["dating"].get("year_reviewed_by") or []
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"\b(?:{alt})\b" if alt else r"(?!)", re.I)


def _closed_year(doc, year: int) -> bool:
    """True when a body sentence told in the past (no future marker) names ``year`` closed
    ("the end of 1986", corpus lexicon ``dating.year_closed_by``)."""
    words = load_lexicon("corpus")["dating"].get("year_closed_by") or []
    if not words:
        return False
    closed = re.compile(
        r"(?:"
        + "|".join(r"\b" + re.escape(w).replace(r"\ ", r"\s+") for w in words)
        + rf")\s*{year}\b",
        re.I,
    )
    future = settings().future_re
    return any(
        s.kind == "body" and closed.search(s.text) and not future.search(s.text)
        for s in doc.sentences
    )


def _sentence_evidence(doc, checked: bool) -> tuple[int | None, list[tuple[str, int]]]:
    """The latest year the sentences speak of in the past, and the day dates of sentences
    about an occasion (:func:`date_document`)."""
    cfg = settings()
    latest_past = None
    occasion: list[tuple[str, int]] = []
    hits = sentence_hits(doc.text, doc.sentences, checked)
    if hits is None:  # the plain loop, sentence by sentence
        for s in doc.sentences:
            if s.kind == "title":
                continue
            text = s.text
            if s.kind == "body" and cfg.future_re.search(text):
                continue
            years = years_in(text)
            if years:
                latest_past = max(years + ([latest_past] if latest_past else []))
            if _OCCASION.search(text):
                occasion.extend(day_dates(text))
    else:
        future, year_hits, occasion_hits = hits
        for k in sorted(set(year_hits) | occasion_hits):
            s = doc.sentences[k]
            if s.kind == "title" or (s.kind == "body" and k in future):
                continue
            years = year_hits.get(k)
            if years:
                latest_past = max(years + ([latest_past] if latest_past else []))
            if k in occasion_hits:
                occasion.extend(day_dates(s.text))
    return latest_past, occasion


def _evidence_dates(evidence: dict) -> list[tuple[str, str]]:
    """The dates cleaning found on removed lines, as ISO strings, with their strength."""
    out = []
    for raw, kind in evidence.get("dates", []):
        date = parse_date(raw)
        if date:
            out.append((date, kind))
    return out
