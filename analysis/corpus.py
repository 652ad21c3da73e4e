"""Documents: read, clean page furniture (with offsets back to the file), title, structure.

Decoding is :mod:`analysis.decoding`, dating :mod:`analysis.dating`, near-copies
:mod:`analysis.nearcopies`; their public names are importable from here too.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import os
import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis import dating, scan, tables
from analysis.config import LEXICON_DIR, InputError, load_lexicon
from analysis.dating import MONTH_RE, MONTHS, YEAR_RE, date_document, full_dates  # noqa: F401
from analysis.decoding import SkipFile, decode, read_scan_digits  # noqa: F401 - re-exported
from analysis.nearcopies import (  # noqa: F401 - re-exported
    _MINHASH_SEED,
    _affine32,
    _minhash_kit,
    _minhash_values,
    mark_duplicates,
    mark_duplicates_plain,
    minhash,
    numpy_minhash_ok,
    shingle_hash32,
    signature,
    similarity_matrix,
)
from analysis.numbering import numbering

# the fast-scan helpers under the names facts.py imported them by (analysis.scan)
_FOLD_SPECIAL = scan.FOLD_SPECIAL
_scan_view = scan.view
_letter_runs = scan.letter_runs
_find_all = scan.find_all


# --------------------------------------------------------------------------- data types
class _Span:
    """What a :class:`Sentence` reads its text from, outside its dataclass fields (so never
    stored, compared or copied field by field): its document's text, or its own text."""

    __slots__ = ("_source", "_own")


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class Sentence(_Span):
    """A span of a document's cleaned text: a title, a heading or a body sentence.

    Only the offsets are kept: ``text`` is ``doc.text[start:end]``, sliced when read, so a
    document's sentences hold no second copy of its text (read ``text`` once into a local in
    a loop). ``Sentence(start, end, text, kind)`` with a text keeps that text as its own (a
    sentence that is not a span of a document); without one, the :class:`Document` it is
    given to binds it to its text (as the store rebuilds documents).
    """

    start: int
    end: int
    kind: str = "body"  # title | heading | body

    def __init__(self, start: int, end: int, text: str | None = None, kind: str = "body"):
        setattr_ = object.__setattr__
        setattr_(self, "start", start)
        setattr_(self, "end", end)
        setattr_(self, "kind", kind)
        setattr_(self, "_source", text)
        setattr_(self, "_own", text is not None)

    @classmethod
    def span(cls, source: str, start: int, end: int, kind: str = "body") -> Sentence:
        """The sentence ``source[start:end]``, bound to ``source`` (nothing is copied)."""
        sent = cls(start, end, None, kind)
        object.__setattr__(sent, "_source", source)
        return sent

    def _bind(self, source: str) -> None:
        if not self._own:
            object.__setattr__(self, "_source", source)

    def _text(self) -> str | None:
        source = self._source
        if self._own or source is None:
            return source
        return source[self.start : self.end]

    @property
    def text(self) -> str:
        text = self._text()
        if text is None:
            raise AttributeError("a sentence not bound to its document's text has no text")
        return text

    def __eq__(self, other: object) -> bool:
        if type(other) is not Sentence:
            return NotImplemented
        return (self.start, self.end, self.kind) == (other.start, other.end, other.kind) and (
            self._text() == other._text()
        )

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.kind))

    def __repr__(self) -> str:
        return (
            f"Sentence(start={self.start}, end={self.end}, text={self._text()!r}, "
            f"kind={self.kind!r})"
        )

    def __getstate__(self) -> tuple:  # pickle and copy keep the binding (a shared text once)
        return (self.start, self.end, self.kind, self._source, self._own)

    def __setstate__(self, state: tuple) -> None:
        for name, value in zip(("start", "end", "kind", "_source", "_own"), state, strict=True):
            object.__setattr__(self, name, value)


@dataclass(frozen=True, slots=True)
class Removed:
    """A line that cleaning removed, with the rule that removed it."""

    line: int  # 1-based line number in the original file
    text: str
    rule: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file left out of the corpus, and why."""

    file: str
    reason: str


@dataclass(slots=True)
class Document:
    """One source document: its cleaned text and everything inferred from it."""

    doc_id: str
    file: str
    furniture: str  # the characters cleaning removed, in file order (see ``original``)
    text: str
    segments: list[tuple[int, int, int]]  # (clean_start, original_start, length)
    title: str
    subtitle: str
    sentences: list[Sentence]
    removed: list[Removed]
    published: str = ""
    published_year: int | None = None
    published_basis: str = ""
    publisher: str = ""
    source_url: str = ""
    notes: str = ""
    duplicate_of: str = ""
    similarity: float = 0.0
    minhash: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for sent in self.sentences:  # sentences rebuilt by the store: spans of this text
            sent._bind(self.text)

    @property
    def original(self) -> str:
        """The file's text as decoded: the cleaned text with the furniture put back between
        its segments (made when asked: the document does not hold it twice)."""
        if not self.furniture:
            return self.text
        parts: list[str] = []
        taken = reached = 0  # characters of furniture used; original offset reached
        for clean_start, orig_start, length in self.segments:
            gap = orig_start - reached
            parts.append(self.furniture[taken : taken + gap])
            parts.append(self.text[clean_start : clean_start + length])
            taken += gap
            reached = orig_start + length
        parts.append(self.furniture[taken:])
        return "".join(parts)

    @property
    def words(self) -> int:
        # counted a piece at a time: a list of every word would take ~10 times the text
        text = self.text
        return sum(len(text[a:b].split()) for a, b in scan.pieces(text, 1 << 16, " "))

    @property
    def headings(self) -> list[Sentence]:
        return [s for s in self.sentences if s.kind == "heading"]

    @property
    def body(self) -> list[Sentence]:
        return [s for s in self.sentences if s.kind == "body"]

    def to_original(self, offset: int) -> int:
        """Map an offset into the cleaned text to the same character in the original file."""
        starts = [s[0] for s in self.segments]
        i = max(bisect.bisect_right(starts, offset) - 1, 0)
        clean_start, orig_start, _length = self.segments[i]
        return orig_start + (offset - clean_start)


@dataclass(slots=True)
class Corpus:
    """The documents read from one folder, and the files left out."""

    folder: Path
    documents: list[Document]
    skipped: list[Skipped]

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def get(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.doc_id == doc_id:
                return doc
        raise KeyError(doc_id)


# --------------------------------------------------------------------------- settings
@dataclass(frozen=True)
class _Settings:
    line_rules: list[tuple[str, re.Pattern[str], str | None, bool]]  # rule, regex, date, edge
    edge_lines: int
    blocks: list[tuple[str, re.Pattern[str]]]
    link_block: dict[str, Any]
    abbreviations: frozenset[str]
    number_abbreviations: frozenset[str]  # lower case: before a number, any case
    subtitle_re: re.Pattern[str] | None
    heading: dict[str, int]
    max_bytes: int
    running_header: dict[str, int]
    header_marker: re.Pattern[str]  # a running header's number, issue, paper number or date
    header_page: re.Pattern[str]  # a bare page number
    inline: list[tuple[str, re.Pattern[str]]]  # marks cut out of kept lines: (rule, regex)
    aliases: dict[str, str]  # a publisher's other spelling (lower case) -> its name
    title: dict[str, Any]
    organisation_re: re.Pattern[str]  # a word that makes a line an organisation's name
    root_words: frozenset[str]  # a navigation trail's first step that names no site ("home")
    umbrella_re: re.Pattern[str]  # a government as a whole, over the body that issued a page


@functools.cache
def settings() -> _Settings:
    """The boilerplate and corpus lexicons, compiled once per process."""
    bp = load_lexicon("boilerplate")
    cs = load_lexicon("corpus")

    def compiled(rule: str, pattern: str) -> re.Pattern[str]:
        for name, part in _PLACEHOLDERS.items():
            pattern = pattern.replace("{" + name + "}", part)
        try:
            return re.compile(pattern, re.I)
        except re.error as exc:
            raise InputError(
                f"{LEXICON_DIR / 'boilerplate.yaml'}: rule {rule}: bad pattern: {exc}"
            ) from exc

    rules = [
        (
            item["rule"],
            compiled(item["rule"], item["pattern"]),
            item.get("date"),
            item.get("where", "anywhere") == "edge",
        )
        for item in bp["lines"]
    ]
    blocks = [(b["rule"], compiled(b["rule"], b["heading"])) for b in bp["blocks"]]
    agencies = sorted(bp["agencies"], key=len, reverse=True)
    if agencies:  # an agency's name alone on a line at the edge of a page
        names = "|".join(re.escape(a) for a in agencies)
        rules.append(("agency_mark", re.compile(rf"(?P<publisher>{names})\.?"), None, True))
    markers = cs["subtitle_markers"]
    subtitle_re = (
        re.compile(r"\s+(?=(?:" + "|".join(re.escape(m) for m in markers) + r")\b)")
        if markers
        else None
    )
    rh = bp["running_header"]
    # one search per pattern: each keeps its literal start ("[", "("), which the search skips
    # to at C speed, as an alternation of them would not
    inline = [(item["rule"], compiled(item["rule"], item["pattern"])) for item in bp["inline"]]
    title = dict(cs["title"])
    title["section_set"] = frozenset(w.lower() for w in title["section_words"])
    title["page_kind_set"] = frozenset(w.lower() for w in title.get("page_kinds", []))
    title["kicker_name_set"] = frozenset(
        " ".join(w.lower().split()) for w in title.get("kicker_names", [])
    )
    title["label_re"] = re.compile(
        r"(?:" + "|".join(re.escape(w) for w in title["labels"]) + r")(?:\s+[\w.-]{1,8})?\.?",
        re.I,
    )
    title["office_re"] = re.compile(
        "|".join(f"(?:{p})" for p in title.get("office_lines", [])) or r"(?!)", re.I
    )
    try:  # a meeting's record names the body that met (the publisher)
        title["meeting_re"] = [re.compile(p, re.I) for p in title.get("meeting_records", [])]
    except re.error as exc:
        raise InputError(f"{LEXICON_DIR / 'corpus.yaml'}: title.meeting_records: {exc}") from exc
    # a line that reads as a headline but is a byline, a minister's line or a section label
    title["not_title_re"] = re.compile(
        "|".join(f"(?:{p})" for p in title.get("not_titles", [])) or r"(?!)", re.I
    )
    site = bp["site_names"]
    return _Settings(
        organisation_re=re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in site["organisation_words"]) + r")\b", re.I
        ),
        root_words=frozenset(w.lower() for w in site["root_words"]),
        umbrella_re=compiled(
            "site_names.umbrella_names",
            "|".join(f"(?:{p})" for p in site.get("umbrella_names", [])) or r"(?!)",
        ),
        running_header={k: rh[k] for k in ("max_fields", "max_field_words")},
        header_marker=compiled("running_header", rh["marker"]),
        header_page=compiled("running_header", rh["page"]),
        inline=inline,
        aliases={k.lower(): v for k, v in bp["publisher_aliases"].items()},
        title=title,
        line_rules=rules,
        edge_lines=bp["edge_lines"],
        blocks=blocks,
        link_block=bp["link_block"],
        abbreviations=frozenset(cs["abbreviations"]),
        number_abbreviations=frozenset(w.lower() for w in cs.get("number_abbreviations") or []),
        subtitle_re=subtitle_re,
        heading=cs["heading"],
        max_bytes=int(cs["max_document_mb"] * 1024 * 1024),
    )


# what {date}, {time} and {weekday} stand for in boilerplate.yaml's patterns
_PLACEHOLDERS = {
    # ("21-November-2006", as Indian government pages write it, too)
    "date": (
        rf"(?:{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR_RE}"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RE},?\s+{YEAR_RE}|\d{{1,2}}-{MONTH_RE}-{YEAR_RE}"
        rf"|{YEAR_RE}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-./]\d{{1,2}}[-./]{YEAR_RE}"
        # ("2012. 6. 26.", as Korean pages write it)
        rf"|{YEAR_RE}\.\s\d{{1,2}}\.\s\d{{1,2}}\.?"
        rf"|{YEAR_RE}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)"
    ),
    # a clock time: "14:35", "2:35 pm BJT", "6:42am EST", "16h40" as Latin pages write it,
    # "08.30 GMT" as British ones do (a point only before its zone or am/pm), an ISO time
    # "T08:30:00+08:00"
    "time": r"(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?|(?:\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d{1,2}h\d{2}|\d{1,2}\.\d{2}(?=\s*(?:[ap]\.?m|gmt|utc|bst|bjt|cst|est|edt|pst|cet|ist)))"
    r"\s*(?:[ap]\.?m\.?)?(?:\s*\(?(?:gmt|bst"
    r"|utc|bjt|cst|est|edt|pst|cet|cest|ist|jst|kst|msk)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?"
    # (or a place's time written out: "19:00 Beijing time", "8 pm local time")
    r"(?:\s+[a-z]+\s+time\b)?)",
    # a day's name, written out or cut short as wires do ("Tue Jan 9, 1996")
    "weekday": "(?:"
    + "|".join(dating.WEEKDAYS)
    + r"|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?)",
    "year": YEAR_RE,
    "month": MONTH_RE,
    # the words of a page's stamp before its date: "Last updated", "Posted", "Release date",
    # "Date issued", "Date of publication", "Prepared", "Issued on", a forum's "Answered",
    # "Asked", "Written", a programme's "Broadcast"
    # ("Last update", "Release time", "Publish time", German "Stand", French "Mise à jour")
    "stamp": r"(?:(?:last\s+|first\s+)?(?:updated?|modified|posted|published|released|issued"
    r"|prepared|dated|answered|asked|written|submitted|broadcast)|(?:release|issue|publication|posting|publish(?:ing)?|update|post)\s+"
    r"(?:date|time)|date(?:\s+(?:of\s+)?(?:issued?|released?|publication|published|modified))?"
    r"|stand"
    r"|aktualisiert|mise\s+à\s+jour|date\s+de\s+publication|time|发布时间|发布日期|更新时间"
    r"|发表时间|日期|时间)",
    # a release's, a bulletin's or a document's number: "Press release No. 2016-087",
    # "Drucksache 17/10453", "(Release ID :22317)", "Report No. DIC/2009/47", "Statistical
    # Bulletin No. 3 [2013]", a Chinese document's number "Guo Fa [2005] No. 44"
    "doc_number": r"(?:[\[(]?\s*(?:(?:[a-z]+\s+){0,3}(?:release|report|paper|document|circular"
    r"|notice|bulletin|drucksache|decree|order)\s*(?:no\.?|number|nr\.?|#|id)?|(?:[a-z]+\s+)"
    r"{0,2}(?:no\.|nr\.|id))\s*:?\s*[a-z]{0,6}[-/\s]?\d[\w/.-]*(?:\s*\[" + YEAR_RE + r"\])?"
    r"\s*[\])]?|[a-z]+(?:\s[a-z]+){0,3}\s*[\[〔]\s*" + YEAR_RE + r"\s*[\]〕]\s*(?:no\.?\s*)?"
    r"\d{1,4})",
    "month_date": rf"(?:{MONTH_RE}(?:\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?)?,?\s+{YEAR_RE})",
}


# --------------------------------------------------------------------------- cleaning
_SENT_END = re.compile(r"[.!?:;][\"”’)]*\s*$")


def _is_link_line(line: str, cfg: _Settings) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= cfg.link_block["max_line_chars"] and not _SENT_END.search(s)


def _split_lines(text: str) -> tuple[list[int], list[str]]:
    """The start of every line of ``text`` (``str.splitlines(keepends=True)``) and one past
    the last, and each line stripped (all that the rules read): the lines themselves are
    not kept, so a big file is not held a second time as a list of its lines."""
    starts = [0]
    stripped: list[str] = []
    pos = 0
    # splitlines a piece at a time: a piece ends just after a "\n", a line's end either way
    for a, b in scan.pieces(text, 1 << 16, "\n"):
        for line in text[a:b].splitlines(keepends=True):
            pos += len(line)
            starts.append(pos)
            stripped.append(line.strip())
    return starts, stripped


def _line_rule_plain(s: str, at_edge: bool, cfg: _Settings) -> tuple[str, re.Match, str | None]:
    """The first line rule that matches the stripped line ``s`` whole: (rule, match, date
    kind), or None. The reference :func:`_line_rule` is checked against."""
    for rule, pattern, date_kind, edge_only in cfg.line_rules:
        if edge_only and not at_edge:
            continue
        m = pattern.fullmatch(s)
        if m:
            return rule, m, date_kind
    return None


def _line_rules(
    lines: list[str], short: list[int], edge: set[int], cfg: _Settings
) -> dict[int, tuple[str, re.Match, str | None]]:
    """:func:`_line_rule_plain` of each line ``lines[i]`` for ``i`` in ``short`` (at the
    page's edge when in ``edge``), for the lines some rule matches, in line order.

    Done for speed. Page furniture recurs from page to page of a site ("Home > News", a
    copyright line): which rule a line meets is remembered per line text and place
    (:func:`_rule_kit`, bounded), and only that rule is run again. The other lines are
    read a document at a time: every match of a rule holds one of its required strings
    (:func:`_rule_literals`), so each string is searched for once in those lines joined
    (lower-cased), and a line tries only the rules whose strings it holds. Searching each
    rule's strings line by line was a third of the reading of a document."""
    kit, memo = _rule_kit(cfg)
    if kit is None:
        return _line_rules_plain(lines, short, edge, cfg)
    rules = cfg.line_rules
    if len(memo) > _RULE_MEMO_MAX:
        memo.clear()
    out: dict[int, tuple[str, re.Match, str | None]] = {}
    todo = []
    for i in short:
        r = memo.get((lines[i], i in edge))
        if r is None:
            todo.append(i)
        elif r >= 0:
            rule, pattern, date_kind, _edge_only = rules[r]
            out[i] = (rule, pattern.fullmatch(lines[i]), date_kind)
    if not todo:
        return dict(sorted(out.items()))
    joined = "\n".join([lines[i] for i in todo])
    if scan.has_fold_special(joined):  # lower() is not re.IGNORECASE here
        out.update(_line_rules_plain(lines, todo, edge, cfg))
        return dict(sorted(out.items()))
    literals, masks, free = kit
    low = joined.lower()  # as long as joined: no FOLD_SPECIAL (U+0130) in it
    starts = [0]
    for i in todo:
        starts.append(starts[-1] + len(lines[i]) + 1)
    # per line (index in todo), the rules (bit r) one of whose strings it holds
    holds = dict.fromkeys(range(len(todo)), free)
    find = low.find
    for literal, mask in zip(literals, masks, strict=True):
        p = find(literal)
        while p >= 0:
            k = bisect.bisect_right(starts, p) - 1
            holds[k] |= mask
            p = find(literal, starts[k + 1])  # the next line: once per line is enough
    for k, mask in holds.items():
        i = todo[k]
        at_edge = i in edge
        s = lines[i]
        found = -1
        while mask:
            bit = mask & -mask
            mask ^= bit
            r = bit.bit_length() - 1
            rule, pattern, date_kind, edge_only = rules[r]
            if edge_only and not at_edge:
                continue
            m = pattern.fullmatch(s)
            if m:
                out[i] = (rule, m, date_kind)
                found = r
                break
        memo[s, at_edge] = found
    return dict(sorted(out.items()))


_RULE_MEMO_MAX = 20_000  # entries (lines of at most 300 characters): a few MB at most
_RULE_KIT: list = [None, None, None]  # the settings, their _rule_literals, the memo


def _rule_kit(cfg: _Settings) -> tuple[Any, dict[tuple[str, bool], int]]:
    """(:func:`_rule_literals` of ``cfg``, the memo of its lines: (stripped line, at a
    page's edge) -> index of the first line rule it matches, -1 for none), made once per
    settings object (other settings, other rules: a new memo)."""
    if _RULE_KIT[0] is not cfg:
        _RULE_KIT[:] = [cfg, _rule_literals(cfg), {}]
    return _RULE_KIT[1], _RULE_KIT[2]


def _line_rules_plain(
    lines: list[str], short: list[int], edge: set[int], cfg: _Settings
) -> dict[int, tuple[str, re.Match, str | None]]:
    out = {}
    for i in short:
        found = _line_rule_plain(lines[i], i in edge, cfg)
        if found:
            out[i] = found
    return out


def _rule_literals(cfg: _Settings) -> tuple[tuple[str, ...], tuple[int, ...], int] | None:
    """(strings, for each the rules (bit ``r`` for ``cfg.line_rules[r]``) of which every
    match holds it or another of its strings in the lower-cased line, the rules that have
    no such strings), or None when a string holds a line break. The strings are lower-case
    ASCII strings (:func:`scan.required_words`, read with each non-ASCII character of the
    pattern, none of which has another case, as one mark) or those non-ASCII characters."""
    masks: dict[str, int] = {}
    free = 0
    for r, (_rule, pattern, _date, _edge) in enumerate(cfg.line_rules):
        text = pattern.pattern
        odd = "".join(sorted({c for c in text if not c.isascii()}))
        needs = None
        if "\x01" not in text and all(c.lower() == c == c.upper() for c in odd):
            needs = scan.required_words("".join(c if c.isascii() else "\x01" for c in text))
        if needs is None or any("\x01" in w and w != "\x01" for w in needs):
            free |= 1 << r
            continue
        strings = {w for w in needs if w != "\x01"} | set(odd if "\x01" in needs else "")
        if any("\n" in w or not w for w in strings):
            return None
        # a string holding another of the same rule's adds nothing ("kyodo news", "kyodo")
        for w in strings:
            if not any(v != w and v in w for v in strings):
                masks[w] = masks.get(w, 0) | 1 << r
    return tuple(masks), tuple(masks.values()), free


_HEAD_LINES = 20  # a page's head (masthead, trail, headline, stamp): within its first lines
_PROSE_WORDS = 9  # a line of prose has at least this many words
# a line run on to the next is prose when this long or when the next runs on in lower case (a
# headline over its deck is shorter: "China lures its scientists home as labs go global")
_PROSE_CHARS = 60


def _head(lines: list[str], filled: list[int], taken: Container[int] = ()) -> set[int]:
    """The lines of a page's head: its first lines above its first line of prose (words
    enough, no fields set apart by wide spaces or bars, and a sentence's end or a next line of
    the same paragraph), at most ``_HEAD_LINES``; the line rules for a page's edge read them
    all (a stamp under a masthead, a trail, a headline and a deck stands below the edge's
    first six lines). A line a rule already took (``taken``: a cookie banner over the site's
    name) is furniture, no prose."""
    out = set()
    for i in filled[:_HEAD_LINES]:
        s = lines[i]
        if (
            i not in taken
            and len(s) >= 40
            and len(s.split(None, _PROSE_WORDS)) >= _PROSE_WORDS
            and "   " not in s
            and "|" not in s
            and not _FIELDS_LINE.search(s)
            and (
                _SENT_END.search(s)
                or (
                    i + 1 < len(lines)
                    and (len(s) >= _PROSE_CHARS or lines[i + 1][:1].islower())
                    and len(lines[i + 1].split()) >= 6
                    and not _FIELDS_LINE.search(lines[i + 1])
                    and "|" not in lines[i + 1]
                )
            )
        ):
            break
        out.add(i)
    return out


# a line of a navigation bar's fields: in brackets ("[ Home ] [ Embassy News ]") or in capitals
# two spaces apart ("HOME  WORLD  UK  COMPANIES"); a masthead over it is no prose
_FIELDS_LINE = re.compile(r"\]\s*\[|】\s*【|^(?=[^a-z]*$)(?:[^\s]+ {2,}){2}")


def _deep_stamp(
    lines: list[str],
    filled: list[int],
    short: list[int],
    edge: set[int],
    matched: dict[int, tuple[str, re.Match, str | None]],
    cfg: _Settings,
) -> set[int]:
    """A page with no stamp in its head reads one below its edge there
    (:func:`_head`: "Release Date: 2002-11-08   Source: ...   Visits: 1432" under a site's
    name, two bars of links, a trail and the headline): the edge's rules on those lines, a
    dated stamp only (its date, not the source it names). Adds to ``matched``; returns the
    lines it read so."""
    head = _head(lines, filled, matched)
    end = max(head, default=-1)
    if any(kind == "strong" and i <= end for i, (_rule, _m, kind) in matched.items()):
        return set()
    head -= edge
    todo = [i for i in short if i in head and i not in matched]
    if not todo:
        return set()
    out = set()
    for i, found in _line_rules(lines, todo, head, cfg).items():
        if found[2] == "strong" and found[1].groupdict().get("date"):
            matched[i] = found
            out.add(i)
    return out


def clean(original: str) -> tuple[str, list[tuple[int, int, int]], list[Removed], dict]:
    """Remove page furniture; return cleaned text, offset segments, removed lines, evidence.

    Removal works on whole lines, and on a few marks inside a kept line (``inline`` of
    boilerplate.yaml: a reference mark "[16]", "(Table 3-12)"); every kept character keeps its
    place in the file through the segments, which map cleaned offsets back to it. ``evidence``
    has the dates removed lines carried (``dates``: (text, strength)) and the ``publisher`` one
    named (a copyright line, a "Source:" line, a byline, an agency mark, a running header).
    """
    cfg = settings()
    starts, lines = _split_lines(original)  # the lines stripped
    removed: dict[int, str] = {}
    # "headers": the names running headers carry, with whether the header is dated
    # "revised": the dates of stamps that say the page was changed ("Updated", "Last modified")
    # "signed": the dates of signing lines ("Done at Tokyo on 28 May 1980"), the text's own
    evidence: dict[str, Any] = {
        "dates": [],
        "publisher": "",
        "headers": [],
        "revised": [],
        "signed": [],
    }
    section = False  # the publisher so far is a navigation trail's first step
    dated: list[tuple[int, str, str]] = []  # (line, date, strength)
    filled = [i for i, line in enumerate(lines) if line]
    edge = set(filled[: cfg.edge_lines] + filled[-cfg.edge_lines :])
    first = filled[0] if filled else -1
    top = set(filled[:_TOP_LINES])
    short = [i for i in filled if len(lines[i]) <= 300]
    matched = _line_rules(lines, short, edge, cfg)
    deep = _deep_stamp(lines, filled, short, edge, matched, cfg)
    for i in short:
        s = lines[i]
        found = matched.get(i)
        if found:
            rule, m, date_kind = found
            removed[i] = rule
            groups = m.groupdict()
            date = groups.get("date") or groups.get("date2")
            if groups.get("monthday"):
                # a wire slug's month and day without a year ("BC-CHINA-SCIENCE 11-14 0531"):
                # the year comes from the page (dating.date_document)
                evidence.setdefault("monthdays", []).append(groups["monthday"])
            if date_kind and date:
                # a copyright line under the title dates the publication ("© OECD 2008"); one
                # at the foot is the site's
                if date_kind == "copyright" and i in top:
                    date_kind = "copyright_head"
                if date_kind == "strong" and _REVISED.search(s):
                    evidence["revised"].append(date)  # "Updated 23.4.2019": not the first
                if rule == "signing":
                    evidence["signed"].append(date)
                dated.append((i, date, date_kind))
            elif i in top:
                # a masthead a dateless rule took (a bar of fields: "South China Morning Post |
                # Saturday, March 17, 2007 | China | Page A6"): its date field dates the page
                header = _running_header(s, True, cfg)
                if header:
                    dated.append((i, header, "strong"))
            if rule == "sign_off" and _running_header(s, i in edge, cfg) is not None:
                # a periodical's header on a print page ("48   CHINA EXCHANGE NEWS, JUNE 1980")
                header_name, month = _header_name(s, cfg)
                if header_name:
                    evidence["headers"].append((header_name, month))
            name = groups.get("publisher") or groups.get("publisher2")
            if not name and rule == "breadcrumb" and i == first:
                name = _site_root(s, cfg)
            field = False
            if name and rule == "footer":
                # a footer's first field is the owner only when it names an organisation
                name = name if _organisation_name(name.strip(), cfg) else ""
                field = True
            if not name and date_kind == "strong" and date:
                name = _field_publisher(s)
                field = bool(name)
            if i in deep:
                name = ""  # (a source field beside a stamp below the edge: a department's)
            if name and _TIME_ZONE.fullmatch(name.strip(" ()")):
                name = ""  # "UPDATED: 16:05, December 12, 2002 (Beijing Time)": a clock's zone
            if name and not evidence["publisher"]:
                evidence["publisher"] = _publisher_name(name)
                # a trail's first step below the page's first line may be a section ("Science
                # & Innovation > International Cooperation"), a stamp's source a department of
                # the site ("Source: Department of X    Date: ..."): a site's name above
                # outranks them
                section = (rule == "breadcrumb" and i != first) or rule == "stamp" or field
                # ... and a copyright line at the foot is the site's owner's ("© Ministry for
                # Foreign Affairs of Finland" under the "Embassy of Finland, Beijing" page)
                section = section or (rule == "copyright" and i not in top)
                # ... and so is a "Source:" line at the foot (the paper a site's page came from)
                section = section or (rule == "source" and i not in top)
        if i == first and not evidence["publisher"]:
            # the first line's first field names the publication: "Deutscher Bundestag
            # Drucksache 17/10453", "Institute for X  |  Report No. 27  |  June 2013"
            evidence["publisher"] = _masthead_name(s, cfg)
        if not found:
            header = (
                None
                if _chapter_heading(lines, filled, i) or _table_row_beside(lines, i)
                else _running_header(s, i in edge, cfg)
            )
            if header is not None:
                removed[i] = "running_header"
                if header:
                    dated.append((i, header, "strong"))
                name, month = _header_name(s, cfg)
                if name:
                    evidence["headers"].append((name, month))
    listed = _mark_blocks(lines, removed, cfg)
    _mark_teasers(lines, removed)
    _continue_captions(lines, removed)
    _wrapped_captions(lines, removed)
    _keep_gallery_captions(lines, removed)
    _mark_footnotes(lines, filled, removed)
    _mark_cable(lines, filled, removed, dated, evidence)
    _mark_byline_date(lines, filled, removed, dated)
    _title_page_year(lines, filled, removed, dated)
    _mark_signatures(lines, filled, removed)
    _serial_title(lines, filled, removed, evidence)
    _mark_title_slide(lines, filled, removed, evidence, cfg)
    heads = {i for i, ln in enumerate(lines[:40]) if dating.is_date_line(ln)}
    _mark_site_name(lines, removed, evidence, cfg, section, {i for i, _d, _k in dated} | heads)
    _record_title(lines, filled, evidence, original, starts)
    _journal_head(lines, filled, removed, dated, evidence, cfg)
    _mark_issuer_line(lines, filled, edge, removed, dated, evidence, cfg)
    _mark_masthead_body(lines, filled, removed, evidence, cfg)
    _mark_page_number(lines, filled, removed, original, starts)
    _mark_repeated_footers(lines, removed)
    _mark_link_blocks(lines, removed, cfg, {i for i, _d, _k in dated})
    # a date on a line of a list of other stories is that story's, not the page's; one under
    # a comment's author ("D. Kowalski says:") is the comment's
    listed |= {i for i, _d, _k in dated if _COMMENTER.search(_line_before(lines, i))}
    listed |= _later_posts(lines, dated)  # a thread's replies: the page is its first post's
    # a note's date is its source's; beside a stamp labelled as the page's publication, the
    # other stamps are other items' (related links, a calendar)
    listed |= {i for i, _d, _k in dated if removed.get(i) == "footnote"}
    listed |= _beside_publication_stamp(lines, [d for d in dated if d[0] not in listed])
    listed |= _occasion_days(dated)
    evidence["dates"] = [
        (
            date,
            "weak" if kind == "strong" and (i in listed or removed.get(i) in _LIST_RULES) else kind,
        )
        for i, date, kind in dated
    ]
    cuts = _inline_cuts(original, starts, removed, cfg) if cfg.inline else {}
    joins = _broken_words(original, starts, lines, removed)
    for i, cut in joins.items():
        cuts[i] = sorted([*cuts.get(i, ()), cut])

    segments: list[tuple[int, int, int]] = []
    gone: list[Removed] = []
    clean_pos = 0

    def keep(orig_pos: int, length: int) -> None:
        nonlocal clean_pos
        if length <= 0:
            return
        if segments and segments[-1][1] + segments[-1][2] == orig_pos:
            cs, os_, ln = segments[-1]
            segments[-1] = (cs, os_, ln + length)
        else:
            segments.append((clean_pos, orig_pos, length))
        clean_pos += length

    for i in range(len(lines)):
        orig_pos, end = starts[i], starts[i + 1]
        if i in removed:
            gone.append(Removed(i + 1, lines[i], removed[i]))
        elif i in cuts:
            for a, b, rule in cuts[i]:
                keep(orig_pos, a - orig_pos)
                if rule:  # (a broken word's hyphen and line break are no furniture)
                    gone.append(Removed(i + 1, original[a:b], rule))
                orig_pos = b
            keep(orig_pos, end - orig_pos)
        else:
            keep(orig_pos, end - orig_pos)
    del lines
    if not segments:
        segments.append((0, 0, 0))
    # nothing removed: the text is the original (one string, not two equal ones)
    if not removed and not cuts:
        text = original
    else:
        text = "".join([original[o : o + n] for _c, o, n in segments])
    text = tables.blank_leaders(text)  # a fact box's row read by its label
    text = tables.bar_csv(text)  # a spreadsheet's rows read as a table's
    return text, segments, gone, evidence


# a line ending in a word broken at a hyphen, and the next line's first word
_BROKEN_HEAD = re.compile(r"(?<![\w-])([A-Za-z]+)-$")
_BROKEN_TAIL = re.compile(r"[a-z]+")
_LINE_END_HYPHEN = re.compile(r"(?<=[A-Za-z])-[ \t]*\n")
# its matches without the look-behind (a literal first: searched at C speed, ~30x faster)
_LINE_END_DASH = re.compile(r"-[ \t]*\n")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _line_end_hyphens(original: str) -> list[re.Match[str]]:
    """``list(_LINE_END_HYPHEN.finditer(original))``, faster: the matches of the pattern
    without its look-behind whose "-" follows a letter (a match holds one "-", its first
    character, so the two patterns' matches never overlap differently; plain twin in
    tests/test_read_twins.py)."""
    return [
        m
        for m in _LINE_END_DASH.finditer(original)
        if m.start() and original[m.start() - 1] in _ASCII_LETTERS
    ]


def _broken_words(
    original: str, starts: list[int], lines: list[str], removed: dict[int, str]
) -> dict[int, tuple[int, int, str]]:
    """Words a print page broke over two lines, joined: per line index, the cut (start, end,
    "") of the hyphen and the line break ("univer-" / "sities": "universities"), or of the
    line break alone when the hyphen is a compound's ("government-" / "sponsored"). The join
    is a word (:func:`analysis.dictionary.is_word`), else the second part is not a word; the
    next line must follow at once, start with a lower-case letter and not be furniture."""
    out: dict[int, tuple[int, int, str]] = {}
    for m in _line_end_hyphens(original):
        i = bisect.bisect_right(starts, m.start()) - 1
        line = lines[i] if i + 1 < len(lines) else ""
        if not line.endswith("-") or i in removed or i + 1 in removed:
            continue
        head = _BROKEN_HEAD.search(line)
        nxt = starts[i + 1]
        tail = _BROKEN_TAIL.match(original, nxt)
        if head is None or tail is None:
            continue
        from analysis.dictionary import is_word  # (its word list loads only when needed)

        first, second = head.group(1), tail.group(0)
        hyphen = original.rindex("-", starts[i], nxt)
        if is_word(first + second) or not is_word(second):
            out[i] = (hyphen, nxt, "")
        else:
            out[i] = (hyphen + 1, nxt, "")
    return out


# a comment's or a reply's author: "D. Kowalski says:", "Mei L. wrote:"
# a comment's author over its date ("D. Kowalski says:", "> quantfish wrote:"): a name, no
# headline's attribution after a comma ("Tech exports overtake imports, ministry says")
_COMMENTER = re.compile(
    r"^[^,]{0,60}?\b(?:says|said|wrote|writes|replied|comments?)\s*:?\s*$", re.I
)


def _line_before(lines: list[str], i: int) -> str:
    """The nearest line above ``lines[i]`` that is not blank ("" when none)."""
    for j in range(i - 1, max(-1, i - 3), -1):
        if lines[j].strip():
            return lines[j]
    return ""


# a stamp of a page's revision, not its publication
_REVISED = re.compile(r"\b(?:updated?|modified|revised|last\s+edited|edited\s+on)\b", re.I)


# a source among a stamp's fields: "Published: 2010-03-03 · Source: Science and Technology Daily"
_SOURCE_FIELD = re.compile(
    r"(?:^|\s{2,}|\s*[|·]\s*)(?:source|from|来源)\s*[:：]\s*(?P<name>[^|·:：\d]{2,60}?)"
    r"(?=\s{2,}|\s*[|·]|\s*$)",
    re.I,
)


@functools.cache
def _agency_field() -> re.Pattern[str]:
    """A news agency's or a paper's name (boilerplate.yaml ``agencies``) as a whole field."""
    names = sorted(load_lexicon("boilerplate")["agencies"], key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(a) for a in names) + r")\.?", re.I)


def _field_publisher(s: str) -> str:
    """The publisher a dated stamp line names in one of its fields when no rule's group did: a
    labelled source after the date, or a field that is an agency's name ("Mar 03, 2010 |
    Xinhua"); else ""."""
    m = _SOURCE_FIELD.search(s)
    if m:
        return m["name"]
    agency = _agency_field()
    return next((f for f in _FIELD_SPLIT.split(s) if f and agency.fullmatch(f.strip())), "")


# rules that mark a list of other stories (their dates are not the page's)
_LIST_RULES = frozenset({"headline_list", "link_block", "teaser"})

# a teaser's last line: its snippet and the link to the story ("... Read more »"; a word that
# ends in "more", "Baltimore", is none)
_TEASER_END = re.compile(
    r"(?:\.{3}|…)?\s*\b(?:read\s+more|continue\s+reading|full\s+story|more)\s*[»›>]*\s*$", re.I
)
_TEASER_LINES = 4  # a teaser's headline, stamp and snippet: at most this many lines
# how a teaser's last line can end (a fast test before :data:`_TEASER_END`)
_TEASER_LAST = ("more", "More", "MORE", "reading", "Reading", "story", "Story", "»", "›", ">")


_CAPTION_LINES = 4  # a bracketed caption runs on over at most this many lines


# a caption's mark in brackets at its line's start ("[Photo caption] Workers at the Three
# Gorges ...", "[PHOTO] ..."; the mark the caption rules of boilerplate.yaml open with, read
# here over a block of lines, which a line rule cannot see)
_CAPTION_MARK = re.compile(
    r"[\[(]\s*(?:photo(?:graph)?|picture|image)(?:\s+caption)?\s*[\])]", re.I
)
# how a caption of another page's story ends: the page it sends the reader to, or the
# photographer's credit ("(see story on p. 18). Photo by Xue Chao", "See Business, page 61.")
_CAPTION_END = re.compile(
    r"(?:\b(?i:page|p\.)\s*\d{1,3}\s*\.?\s*\)?\.?"
    r"|\b(?i:photo(?:graph)?\s+by)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})\s*$"
)


def _wrapped_captions(lines: list[str], removed: dict[int, str]) -> None:
    """A caption under its mark in brackets wrapped over lines, whose block ends with the page
    of the story it belongs to or its photographer's credit ("[Photo caption] Workers at the
    Three Gorges dam site pour concrete for the" / "left-bank powerhouse, where 26 generating
    units will be installed (see" / "story on p. 18). Photo by Xue Chao"): every line of the
    block is the caption's (a block that ends otherwise may be the story's own text)."""
    for i, line in enumerate(lines):
        if i in removed or not line.startswith(("[", "(")) or not _CAPTION_MARK.match(line):
            continue
        j = i
        while j + 1 < len(lines) and lines[j + 1].strip() and j + 1 <= i + _CAPTION_LINES:
            j += 1
        if (
            j > i
            and _CAPTION_END.search(lines[j])
            and not any(k in removed for k in range(i, j + 1))
        ):
            for k in range(i, j + 1):
                removed[k] = "caption"


def _continue_captions(lines: list[str], removed: dict[int, str]) -> None:
    """A caption in brackets wrapped over lines ("(Photo caption: Vice-Minister Zhou (right)
    meets a delegation from the" / "European Commission in Beijing, January 1995. Photo by
    Wang Jun)"): the lines after its first, to the one that closes its bracket, are the
    caption's too."""
    for i in [i for i, rule in removed.items() if rule == "caption"]:
        line = lines[i].strip()
        if line[:1] not in "([" or not line:
            continue
        depth = line.count("(") + line.count("[") - line.count(")") - line.count("]")
        j = i + 1
        while depth > 0 and j < len(lines) and j <= i + _CAPTION_LINES and lines[j].strip():
            if j in removed:
                break
            removed[j] = "caption"
            depth += lines[j].count("(") + lines[j].count("[")
            depth -= lines[j].count(")") + lines[j].count("]")
            j += 1


def _keep_gallery_captions(lines: list[str], removed: dict[int, str]) -> None:
    """A gallery's captions are its text: when the photo captions hold more words than the
    rest of the page, they are kept (elsewhere a caption is another story's furniture)."""
    captions = [i for i, rule in removed.items() if rule == "caption"]
    if not captions:
        return
    words = sum(len(lines[i].split()) for i in captions)
    rest = sum(len(line.split()) for i, line in enumerate(lines) if i not in removed)
    if words > rest:
        for i in captions:
            del removed[i]


def _mark_teasers(lines: list[str], removed: dict[int, str]) -> None:
    """A listing's teasers: a block of a few lines (headline, stamp, snippet) ending in a link
    to the story ("... Read more »") is another story's, not the page's text."""
    for i, line in enumerate(lines):
        tail = line[-40:].rstrip()  # (the link ends the line: its last words, not the line)
        if not tail.endswith(_TEASER_LAST) or len(line) > 400 or not _TEASER_END.search(tail):
            continue
        if i + 1 < len(lines) and lines[i + 1][:1].islower():
            continue  # "... have carried out more" / "than 150 joint projects": wrapped text
        block = [i]
        j = i - 1
        while j >= 0 and lines[j].strip() and len(block) < _TEASER_LINES:
            block.append(j)
            j -= 1
        if j >= 0 and lines[j].strip():
            continue  # a paragraph of text that ends on "more", not a teaser
        for k in block:
            removed[k] = "teaser"


def _inline_cuts(
    original: str, starts: list[int], removed: dict[int, str], cfg: _Settings
) -> dict[int, list[tuple[int, int, str]]]:
    """The marks inside kept lines that are furniture (boilerplate.yaml ``inline``): per line
    index, (start, end, rule) in the file, in order. One search of the whole text; a match
    that spans a line break is not a mark. A pattern with groups named ``cut``, ``cut2`` ... cuts
    those groups only (the rest places them: a paragraph's number after a blank line, an
    editor's note around a title)."""
    found: list[tuple[int, int, str]] = []
    needs = _inline_needs(cfg)
    # (every match of a pattern holds one of its required strings, in some case: a text
    # with none of them is not searched; a text with FOLD_SPECIAL is searched whole)
    fold = scan.has_fold_special(original)
    for (rule, pattern), need in zip(cfg.inline, needs, strict=True):
        if need is not None and not fold and not any(w in original for w in need):
            continue
        found.extend(_pattern_cuts(rule, pattern, original))
    return _cuts_by_line(found, starts, removed)


def _pattern_cuts(rule: str, pattern: re.Pattern[str], original: str) -> list[tuple[int, int, str]]:
    """The spans one inline rule cuts: its ``cut*`` groups (else the whole match), each
    within one line."""
    parts = [g for g in pattern.groupindex if g.startswith("cut")] or [0]
    out = []
    for m in pattern.finditer(original):
        for part in parts:
            a, b = m.span(part)
            if a < b and "\n" not in original[a:b]:
                out.append((a, b, rule))
    return out


def _cuts_by_line(
    found: list[tuple[int, int, str]], starts: list[int], removed: dict[int, str]
) -> dict[int, list[tuple[int, int, str]]]:
    """The cuts found, by the line they stand in, in order, none overlapping another."""
    out: dict[int, list[tuple[int, int, str]]] = {}
    reached = 0
    for a, b, rule in sorted(found):
        i = bisect.bisect_right(starts, a) - 1
        if a < reached or i in removed or i >= len(starts) - 1:
            continue  # overlaps a mark already cut, or its line is gone
        out.setdefault(i, []).append((a, b, rule))
        reached = b
    return out


_INLINE_KIT: list = [None, None]  # the settings, the required strings of their inline rules


def _inline_needs(cfg: _Settings) -> list[tuple[str, ...] | None]:
    """Per ``cfg.inline`` pattern, strings one of which each of its matches holds as
    written (every case form of its required strings, :func:`scan.required_words`, in a
    text without :data:`scan.FOLD_SPECIAL`), or None (no prefilter), made once per
    settings object. Done for speed: the "imprint" pattern, with no literal to start from,
    tried at every digit of a text was nearly a quarter of reading a page."""
    if _INLINE_KIT[0] is not cfg:
        _INLINE_KIT[:] = [cfg, [_case_forms(p) for _r, p in cfg.inline]]
    return _INLINE_KIT[1]


_CASE_FORMS_MAX = 16  # case forms of a pattern's required strings searched for, at most


def _case_forms(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Every upper/lower-case form of the required strings of ``pattern`` (lower-case ASCII,
    so one of them stands in a text the pattern matches, unless FOLD_SPECIAL is in it), or
    None when it opens with a literal (the search skips to it at C speed already), has no
    required strings or too many forms (``in`` tests would cost more than they save)."""
    if _literal_first(pattern.pattern):
        return None
    needs = scan.required_words(pattern)
    if needs is None:
        return None
    forms: list[str] = []
    for w in needs:
        variants = [""]
        for c in w:
            both = (c, c.upper()) if c != c.upper() else (c,)
            variants = [v + x for v in variants for x in both]
        forms += variants
        if len(forms) > _CASE_FORMS_MAX:
            return None
    return tuple(forms)


_FLAGS_LEAD = re.compile(r"\(\?[aiLmsux]+\)")


def _literal_first(pattern: str) -> bool:
    """True when ``pattern`` (its own text, after leading global flags) opens with a literal
    character, plain or escaped ("\\[", "10\\.", "\\n"): the search skips to it at C speed
    already, and a prefilter's ``in`` tests would cost more than they save."""
    m = _FLAGS_LEAD.match(pattern)
    p = pattern[m.end() :] if m else pattern
    if not p:
        return False
    if p[0] == "\\":
        return len(p) > 1 and (not p[1].isalnum() or p[1] in "nt")
    return p[0] not in "()[].^$|*+?{"


# fields apart by wide spaces, a bar or a middle dot ("NEWS · 14 MARCH 2018")
_FIELD_SPLIT = re.compile(r"\s{2,}(?:[|\-–—·•]\s+)?|\s+[|·•]\s+")
# the first lines of a page, where a masthead, a date line or a copyright under the title stand
_TOP_LINES = 3
_WORDS_ONLY = re.compile(r"[^\W\d_][\w.&'’,-]*(?:\s[^\W\d_][\w.&'’,-]*){1,7}")


def _header_fields(s: str, cfg: _Settings) -> list[str] | None:
    """The fields of a line set out as a print page's header (apart by wide spaces or bars),
    or None when it has one field or too many, or a field reads as a sentence."""
    rh = cfg.running_header
    fields = [f for f in _FIELD_SPLIT.split(s) if f]
    if not 2 <= len(fields) <= rh["max_fields"]:
        return None
    for f in fields:
        if f.endswith(("!", "?")):
            return None
        if len(f.split()) > rh["max_field_words"] and not _COLOPHON_FIELD.search(f):
            return None  # (a book's imprint may run long: "... – ISBN 978-92-... – © OECD 2008")
        if f.endswith(".") and not _TOKEN_BEFORE.search(f[-12:]):
            return None
    return fields


# a table's row: a label, a wide gap and a figure ending the line ("Bangladesh     745")
_ROW_SHAPE = re.compile(r"\S.*?\S(?:\s{2,}|\t)[-+−]?[\d][\d,.]*\s*$")


def _table_row_beside(lines: list[str], i: int) -> bool:
    """True when line ``i`` and a line right above or below it (no blank between) are both
    shaped as a table's rows: a label, a wide gap and a figure ("United Arab Emirates
    968" between "Indonesia   1,412" and "Bangladesh   745"), which a running header,
    standing alone at a page's break, never is."""
    if not _ROW_SHAPE.match(lines[i]):
        return False
    return any(0 <= j < len(lines) and _ROW_SHAPE.match(lines[j]) for j in (i - 1, i + 1))


def _running_header(s: str, at_edge: bool, cfg: _Settings) -> str | None:
    """A print page's running header: two to four short fields apart by wide spaces, one of
    them a page number, an issue or a paper's number, a date or a year ("38      SCIENCE AND
    TECHNOLOGY INDICATORS OF CHINA", "NATIONAL AFFAIRS      L 12", "CHINESE ACADEMY OF
    SCIENCES  ANNUAL REPORT 2005"). Away from a page's edge (a page break inside the text)
    only a header in capitals with its page number at one end. Returns the date field's
    text ("" when none) or None when the line is no header. A table's row has more than one
    number field: never a header."""
    if "  " not in s and "|" not in s and "·" not in s and "•" not in s:
        return None
    fields = _header_fields(s, cfg)
    if fields is None:
        return None
    marker, bare = cfg.header_marker, cfg.header_page
    marks = [f for f in fields if marker.fullmatch(f)]
    words = [f for f in fields if sum(c.isalpha() for c in f) >= 2]
    if at_edge and not marks:
        # a periodical's name with its issue's date marks a page's top without a page number
        # ("BEIJING REVIEW, May 29-June 4, 1995      SCIENCE")
        marks = [f for f in words if (t := _MONTH_YEAR_TAIL.search(f)) and t.start() > 0]
    if not marks or not words or sum(1 for f in fields if _NUMBER_FIELD.fullmatch(f)) > 1:
        return None
    if len(words) == 1 and words[0] in marks and len(marks) == 1:
        return None  # a name and nothing else that marks a page
    if not at_edge:
        # (an issue's mark in it is no lower-case word: "22      BEIJING REVIEW, No. 34")
        letters = [c for c in _ISSUE_MARK.sub("", s) if c.isalpha()]
        if not (bare.fullmatch(fields[0]) or bare.fullmatch(fields[-1])):
            return None
        if not letters:
            return None
        if any(c.islower() for c in letters) and not _dated_header(fields, s, cfg):
            return None
    for f in marks:
        if dating.YEAR.search(f):
            return _SPAN_FIRST_DAY.sub(r"\1 \2, \3", f)
    for f in words:
        # a periodical's name with its issue's date beside the page number: "BEIJING SCENE,
        # April 10-16, 1995    17"
        tail = _MONTH_YEAR_TAIL.search(f)
        if tail is not None and tail.start() > 0:
            # (a weekly's days across two months date it by the first: "May 29-June 4, 1995")
            return _SPAN_FIRST_DAY.sub(r"\1 \2, \3", tail.group(0).lstrip(", "))
    # a long publication's name with its year beside the page number: "CHINA STATISTICAL
    # YEARBOOK ON SCIENCE AND TECHNOLOGY 1999      · 236 ·"
    return next((f for f in words if _NAME_YEAR.fullmatch(f)), "")


_NUMBER_FIELD = re.compile(r"[\d.,%$()\s-]+")
_COLOPHON_FIELD = re.compile(r"\bISBN\b|©")
# a journal's volume and issue closing its name: "Asian Journal of Technology Policy 11(3)"
_VOLUME_ISSUE = re.compile(r"\b\d{1,3}\(\d{1,2}\)$")
_PAGE_GAP = re.compile(r"\s{10}")  # a page number set apart from its header's name
_MONTH_WORD = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s")
_ANY_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def _dated_header(fields: list[str], s: str, cfg: _Settings) -> bool:
    """Whether a header in lower case away from a page's edge is a print page's all the same
    (a page break inside the text): a page number set far apart at one end of two fields, the
    other a date or a name with a year or a volume and issue ("April 7, 1986      19", "CSCPRC
    Annual Report 1980-81      14", "236      Asian Journal of Technology Policy 11(3)")."""
    if len(fields) != 2 or not _PAGE_GAP.search(s):
        return False
    name = fields[1] if cfg.header_page.fullmatch(fields[0]) else fields[0]
    if cfg.header_marker.fullmatch(name) and _MONTH_WORD.match(name):
        return True  # a date: "April 7, 1986"
    # a name in title case (a table's row label is in lower case: "Joint projects 2010")
    titled = all(w[:1].isupper() for w in name.split() if len(w) > 3 and w[:1].isalpha())
    return titled and bool(_ANY_YEAR.search(name) or _VOLUME_ISSUE.search(name))


_ISSUE_MARK = re.compile(r"\b(?:No|Nos|Vol|Nr|pp?)\.(?=\s*\d)")
# a volume's or an issue's number in roman or arabic figures: "Vol. XXXIII No. 6"
_VOLUME = re.compile(r"\b(?:Vol|Volume)\.?\s+(?:[IVXLC]+|\d+)\b", re.I)


_CHAPTER_NUMBERED = re.compile(r"(\d{1,2})[ \t]{2,}[A-Z][^\d]*")


def _chapter_heading(lines: list[str], filled: list[int], i: int) -> bool:
    """Whether line ``i`` is a chapter's number and name over its first numbered section
    ("9  International Science and Technology Cooperation" / "9.1  Overview"), no running
    header's page number and name."""
    m = _CHAPTER_NUMBERED.fullmatch(lines[i])
    if m is None:
        return False
    k = bisect.bisect_right(filled, i)
    if k >= len(filled) or filled[k] - i > 3:
        return False
    return re.match(rf"{m.group(1)}\.\d{{1,2}}\.?\s+[A-Z]", lines[filled[k]]) is not None


def _header_name(s: str, cfg: _Settings) -> tuple[str, bool]:
    """The name a running header carries and whether the header is dated by a month: its one
    field of words that is no page number, date, label or section, without a date after a
    comma ("CHINA EXCHANGE NEWS, JUNE 1980": "CHINA EXCHANGE NEWS", dated; "SCIENCE
    EXCHANGES WITH CHINA, 1979" keeps its year, part of the name); "" when it has none or
    several ("NEWS · 14 MARCH 2018": a section)."""
    fields = _header_fields(s, cfg) or []
    dated = bool(_MONTH_YEAR.search(s))
    names = [
        f
        for f in fields
        if sum(c.isalpha() for c in _ISSUE_MARK.sub("", f)) >= 4  # ("Vol. XXXIII No. 6")
        and not _VOLUME.search(f)
        and not _PAGE_FIELD.fullmatch(f)
        and not _MONTH_YEAR.fullmatch(f)
        and not cfg.title["label_re"].fullmatch(f)
        and not cfg.title["section_set"].issuperset(f.lower().split())
    ]
    if len(names) != 1:
        return "", dated
    name = _MONTH_YEAR_TAIL.sub("", names[0])
    return (name if len(name.split()) >= 2 else ""), dated


_PAGE_FIELD = re.compile(r"(?:page|p\.|pp\.)\s*[a-z]?\d{1,4}", re.I)
# (a weekly's issue by its days: "April 10-16, 1995")
# (and across two months: "May 29-June 4, 1995")
_MONTH_YEAR = re.compile(
    rf"(?:\d{{1,2}}\s+)?(?:{MONTH_RE})(?:\s+\d{{1,2}}(?:\s*[-–]\s*(?:(?:{MONTH_RE})\s+)?\d{{1,2}})?,?)?"
    rf"\s+{YEAR_RE}",
    re.I,
)
_MONTH_YEAR_TAIL = re.compile(rf",?\s*{_MONTH_YEAR.pattern}$", re.I)
_SPAN_FIRST_DAY = re.compile(
    rf"({MONTH_RE})\s+(\d{{1,2}})\s*[-–]\s*(?:{MONTH_RE})\s+\d{{1,2}},?\s+({YEAR_RE})", re.I
)


def _masthead_name(s: str, cfg: _Settings) -> str:
    """The publication a page's first line names in its first field, when the line is a
    masthead or running header (fields apart by wide spaces or bars, one of them a number,
    an issue, a paper's number or a date) and that field is a name of words: "Deutscher
    Bundestag", "Institute for Global Research Policy"; else ""."""
    fields = _header_fields(s, cfg)
    if not fields:
        return ""
    dated = _NAME_YEAR.fullmatch(fields[0])
    if dated and not set(dated["name"].lower().split()) <= _GENERIC_NAME_WORDS:
        # a publication's name with its year: "GUANGDONG YEARBOOK 1996 · Science and Technology"
        # (the body a field beside it names issued it: "CHINA SCIENCE AND TECHNOLOGY ANNUAL
        # REVIEW 2008      Ministry of Science and Technology")
        body = next((f for f in fields[1:] if _organisation_name(f, cfg)), "")
        return _publisher_name(body or dated["name"])
    if not _WORDS_ONLY.fullmatch(fields[0]) or cfg.header_marker.fullmatch(fields[0]):
        return ""
    if cfg.title["label_re"].fullmatch(fields[0]):
        return ""  # a page's kind ("Press release | 12 March 2015 | Brussels") names no one
    if not any(
        cfg.header_marker.fullmatch(f) or cfg.title["label_re"].fullmatch(f) for f in fields[1:]
    ):
        # (a page's kind in a later field marks a masthead too: "CCTV NEWS | DIALOGUE |
        # Transcript", "SCIENCE DIALOGUE | Transcript")
        return ""
    return _publisher_name(fields[0])


# a publication's name and its year, the first field of a masthead ("GUANGDONG YEARBOOK 1996");
# words that alone name no publisher ("ANNUAL REPORT 2005")
_NAME_YEAR = re.compile(rf"(?P<name>{_WORDS_ONLY.pattern})\s+{YEAR_RE}")
_GENERIC_NAME_WORDS = frozenset(
    "annual report reports yearbook year book review bulletin statistical statistics the of "
    "and work progress development plan edition issue".split()
)


def _furniture(original: str, segments: list[tuple[int, int, int]]) -> str:
    """What :func:`clean` removed from ``original``, in order (``Document.furniture``)."""
    parts, reached = [], 0
    for _clean_start, orig_start, length in segments:
        parts.append(original[reached:orig_start])
        reached = orig_start + length
    parts.append(original[reached:])
    return "".join(parts)


# a Chinese site's licence number: "黑ICP备05003571号", "京ICP证030173号", "ICP No. 05017001"
_ICP_MARK = re.compile(r"\s*[\u4e00-\u9fff]?\s*ICP\s*(?:备|证|No\.?|Bei)?\s*[\d-]{5,}\s*号?")


_NOTE_MARK_AFTER = re.compile(r"(?<=[A-Za-z)])(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*+|†|‡)\s*$")


def _publisher_name(raw: str) -> str:
    """A publisher as a reader writes it: "CHINA DAILY" -> "China Daily"; a sender's address
    left out ("EU-China S&T Newsletter <newsletter@example.eu>")."""
    raw = re.sub(r"<[^<>@\s]+@[^<>\s]+>", "", raw)
    raw = _ICP_MARK.sub("", raw)  # (a Chinese site's licence number after its name)
    # (a note's mark set after the name: "Source: MOST Department of International
    # Cooperation¹", "Xinhua*")
    raw = _NOTE_MARK_AFTER.sub("", raw)
    name = " ".join(raw.split()).strip(" .,;:-—–")
    while name[:1] == "(" and name.count("(") > name.count(")"):
        name = name[1:].strip()
    while name[-1:] == ")" and name.count(")") > name.count("("):
        name = name[:-1].strip()  # (brackets around the name, not its own: "... (NAOC)")
    name = _EDITION_TAG.sub("", name).strip(" .,;:-—–")
    # each field of a masthead in capitals as a reader writes it: "ZHEJIANG UNIVERSITY |
    # Office of Global Engagement" -> "Zhejiang University | Office of Global Engagement"
    if _not_publisher().fullmatch(name):
        return ""  # "News", "Deutsch", "(Continued on page 31)": no one's name
    fields = [_capitals_as_written(f) for f in name.split(" | ")]
    if len(fields) == 2 and _SUB_UNIT.search(fields[1]):
        # a body's office after the bar is one name: "Zhejiang University Office of Global
        # Engagement" (the bar is the site's design, not the name's)
        return " ".join(fields)
    return " | ".join(fields)


@functools.cache
def _not_publisher() -> re.Pattern[str]:
    """``boilerplate.yaml`` ``not_publishers`` as one pattern (a bad one is named)."""
    words = load_lexicon("boilerplate").get("not_publishers") or []
    try:
        return re.compile("|".join(f"(?:{w})" for w in words) or r"(?!)", re.I)
    except re.error as exc:
        raise InputError(f"{LEXICON_DIR / 'boilerplate.yaml'}: not_publishers: {exc}") from exc


# a body's sub-unit: "Office of Global Engagement", "Research and Postgraduate Studies Office"
_SUB_UNIT = re.compile(r"^(?:Office|Department|Division|Bureau)\b|\b(?:Office|Department)$")


def _capitals_as_written(name: str) -> str:
    """A name in capitals in a reader's case: short words stay as written (acronyms:
    "CAS"), a name's links ("AND", "THE") in lower case; any other name as it stands."""
    if not (name.isupper() and len(name) > 5):
        return name
    return " ".join(
        (w.lower() if n else w.capitalize())
        if w.lower() in _NAME_LINKS
        else w
        if len(w) <= 3
        else w.capitalize()
        for n, w in enumerate(name.split())
    )


_TIME_ZONE = re.compile(r"(?i:(?:[a-z]+\s+)?(?:standard\s+)?time)|GMT|UTC|BJT|EST|EDT|CST|PST")
# a site's language edition after its name: "People's Daily Online -- English"
_EDITION_TAG = re.compile(r"\s*(?:--|[-–—|])\s*(?:in\s+)?English(?:\s+(?:edition|version))?$", re.I)
_LEADING_BUTTONS = re.compile(r"^(?:\[[^\[\]\d]{1,20}\]\s*)+")


def _mark_blocks(lines: list[str], removed: dict[int, str], cfg: _Settings) -> set[int]:
    """A "Most read" / "Latest news" heading and the list of headlines under it; returns the
    lines of the lists (a line a rule removed before keeps that rule's name)."""
    listed: set[int] = set()
    n = len(lines)
    for i in range(n):
        s = lines[i].strip()
        # a page's buttons before the heading: "[Top]   Related news:"
        heading = _LEADING_BUTTONS.sub("", s)
        if (i in removed and heading == s) or not s or len(s) > 60:
            continue
        rule = next((r for r, p in cfg.blocks if p.fullmatch(heading)), None)
        if rule is None:
            continue
        removed[i] = rule
        j, items, gap, mine = i + 1, 0, False, []
        while j < n:
            t = lines[j].strip()
            if not t and items:
                break  # the list ends at a blank line
            if not t:
                gap = True
            # (a list of other questions: "Related Questions" / "· Why do 80% of ...?")
            question = t.endswith("?") and len(t) <= cfg.link_block["max_line_chars"]
            # (an item that closes on its story's date may run longer: "· Commerce Ministry:
            # last year service trade import-export exceeded 250 billion dollars (2008-01-17)")
            dated = len(t) <= 2 * cfg.link_block["max_line_chars"] and _DATED_ITEM.search(t)
            if t and not (j in removed or _is_link_line(lines[j], cfg) or question or dated):
                break
            if t:
                if j not in removed:
                    mine.append(j)
                removed.setdefault(j, rule)
                listed.add(j)
                items += 1
            j += 1
        if items == 1 and gap and mine:
            # one line a blank line below the heading is no list: the page's headline under a
            # section's name ("Latest News" / "China, Africa deepen ...")
            del removed[mine[0]]
            listed.discard(mine[0])
    return listed


# a list item's closing date in brackets: "(2008-01-17)", "[17/01/2008]", "(17.01.2008)"
_DATED_ITEM = re.compile(
    r"[(\[]\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\s*[)\]]$"
)

_INNER_END = tables.INNER_END


def _RUNS_ON(line: str, following: str) -> bool:  # noqa: N802 - reads as a predicate
    return (line[-1].isalpha() or line[-1] in ",-") and following[:1].islower()


_RULE_LINE = re.compile(r"[_\-–—*=─]{5,}")
_NOTE = re.compile(r"\s*(\d{1,3}|[*†‡]|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s+\S")  # "14 MOST, ...", "¹ Official ..."
_NOTE_END = re.compile(r"[.!?;][\"'”’)\]]*\s*$")  # a note's last line ends its sentence


def _mark_footnotes(lines: list[str], filled: list[int], removed: dict[int, str]) -> None:
    """Footnotes at the foot of a page: the lines under a rule ("_____") that open with a
    note's number ("14 MOST, China Science and Technology Statistics Data Book 2013, p. 112.")
    and the rule itself; without a rule, the last lines of a page when two or more open
    with numbers that count up by one. A note that opens with a word ("Note: Figures on
    projects include ...") says what a figure counts: it stays."""

    def notes_from(k: int) -> list[int]:
        out: list[int] = []
        for i in filled[k:]:
            if i in removed:
                if _NOTE.match(lines[i]) and removed[i] in _DATED_RULES:
                    out.append(i)  # a note a stamp's rule took for its date: still a note
                continue
            # (a note wrapped over lines: "4 Chinese Academy of Sciences, ... report" /
            # "(1993), table 3.")
            if not _NOTE.match(lines[i]) and not _runs_on(out, i):
                break
            out.append(i)
        return out

    def _runs_on(out: list[int], i: int) -> bool:
        # a note wrapped over lines: the line right under it, when it stopped mid-sentence
        return bool(out) and out[-1] == i - 1 and not _NOTE_END.search(lines[out[-1]])

    for k, i in enumerate(filled):
        if i in removed or not _RULE_LINE.fullmatch(lines[i]):
            continue
        notes = notes_from(k + 1)
        if notes:
            removed[i] = "footnote"
            for j in notes:
                removed[j] = "footnote"
    # without a rule: a run of numbered lines that ends the page, counting up by one
    # (a note a stamp's rule took for its date stays in the run: "6 Institute of International
    # Education, Open Doors 2011 (November 2011")
    kept = [
        i
        for i in filled
        if i not in removed or (removed[i] in _DATED_RULES and _NOTE.match(lines[i]))
    ]
    run: list[tuple[int, int]] = []
    wrapped: list[int] = []  # a note's lines after its first, read from below
    lines_of: list[int] = []
    for i in reversed(kept):
        m = _NOTE.match(lines[i])
        if m and m.group(1).isdecimal():
            run.append((int(m.group(1)), i))
            lines_of.extend([*wrapped, i])
            wrapped = []
        elif (wrapped or lines_of) and i == (wrapped or lines_of)[-1] - 1:
            wrapped.append(i)  # right above a note's line: a wrapped note's first line?
        else:
            break
    run.reverse()
    if len(run) >= 2 and all(b[0] == a[0] + 1 for a, b in zip(run, run[1:], strict=False)):
        for i in lines_of:
            removed[i] = "footnote"


_DATED_RULES = frozenset({"stamp", "sign_off"})  # rules whose lines may be notes with dates
_NAV_RULES = frozenset({"breadcrumb", "link_bar"})
_HEADER_NAMES = 3  # at most this many name lines in an issuer's header


# the head word of a body's sub-unit, opening a site's name
_SUB_UNIT = re.compile(
    r"(?:The\s+)?(?:Office|Department|Bureau|Division|Section|School|Faculty|Secretariat)\b"
)


def _mark_site_name(
    lines: list[str],
    removed: dict[int, str],
    evidence: dict,
    cfg: _Settings,
    section: bool = False,
    stamps: set[int] = frozenset(),
) -> None:
    """The site's or the issuer's name at the top of a page, with only furniture above it.

    A site's name stands on the line above a navigation trail or a bar of links ("Department of
    Industry, Innovation and Science (Australia)", "Guangdong Provincial People's Government"
    over "Home | Government Affairs | ..."). An issuer's header is one to three lines of names,
    the first naming an organisation (``site_names.organisation_words``), above a line of
    furniture (a date line, a document's number, a label) and then the headline: "Press
    Information Bureau / Government of India / Ministry of Science & Technology" over
    "21-November-2006 17:45 IST"; "State Council of the People's Republic of China" over "Guo
    Fa [2005] No. 44". The lines are furniture, and the first names the publisher when no
    other line named one, without a tagline after a dash ("The Sinosphere Lab - notes on
    China"); its sub-unit or its name in another language stay ("Ministério das Relações
    Exteriores | Ministry of Foreign Affairs - Brazil"). In a header of several names the first
    that names an organisation is the publisher ("DAAD - Deutscher Akademischer Austauschdienst"
    over "DAAD Office Beijing | Außenstelle Peking"). The name outranks a publisher taken from a
    navigation trail's first step below it (``section``: a section of the site, not the site)."""
    filled = list(itertools.islice((i for i, line in enumerate(lines) if line.strip()), 12))
    k = next((k for k, i in enumerate(filled) if i not in removed), None)
    if k is None or k + 1 >= len(filled):
        return
    i = filled[k]
    name = lines[i].strip()
    if len(name) > 100 or _SENT_END.search(name):
        return
    if removed.get(filled[k + 1]) in _NAV_RULES:
        run = [i]
    else:
        run = _issuer_header(lines, filled, k, removed, cfg, stamps)
        if not run:
            return
        # the first line naming an organisation, before a government named as a whole
        # ("Australian Government" over "Department of Innovation, ...": the department)
        names = [lines[j].strip() for j in run if cfg.organisation_re.search(lines[j])]
        own = [n for n in names if not cfg.umbrella_re.fullmatch(n)]
        name = (own or names or [name])[0]
        if name.rsplit(None, 1)[-1].lower() in _WRAP_WORDS:  # a name broken over its lines
            name = " ".join(lines[j].strip() for j in run)
    for j in run:
        removed[j] = "site_name"
    if not evidence["publisher"] or section:
        fields = name.split(" | ")
        if len(fields) >= 3:  # the name over its bar of links: "chinadaily.com.cn | 中文 | Asia"
            name = fields[0]
        elif len(fields) == 2 and _SUB_UNIT.match(fields[0]):
            # a body's office over the body ("Office of International Relations | Donghai
            # University of Technology"): the office of that body, as a letterhead names it
            name = f"{fields[0]}, {fields[1]}"
        name = re.sub(r"\s+[-–—|:]\s+[a-z].*$", "", name)
        evidence["publisher"] = _publisher_name(re.sub(r"\s*\([^)]*\)$", "", name))


# the words in lower case an organisation's name holds ("Embassy of the People's Republic of
# China in Kenya", "Ministère de la Recherche"): a line with any other is a headline or a sentence
_NAME_LINKS = frozenset(
    "of the and for in on at to de du des la le les et für und der die das del y e da do".split()
)


def _organisation_name(s: str, cfg: _Settings) -> bool:
    """Whether a line is an organisation's name: it holds an organisation's word
    (``site_names.organisation_words``) and no word in lower case but the links of a name
    ("Ministry of Science and Technology opens lab" is a headline)."""
    if not cfg.organisation_re.search(s):
        return False
    return all(w[0].isupper() or not w[0].isalpha() or w.lower() in _NAME_LINKS for w in s.split())


def _mark_issuer_line(
    lines: list[str],
    filled: list[int],
    edge: set[int],
    removed: dict[int, str],
    dated: list[tuple[int, str, str]],
    evidence: dict,
    cfg: _Settings,
) -> None:
    """An issuer's name on a line of its own beside the page's stamp, at the page's edge: the
    body that issued the page over or under its date ("National Bureau of Statistics of China"
    over "February 28, 2011" under the title; "Department of International Cooperation, Ministry
    of Science and Technology" over "Last updated: 2012-03-15" at the foot). The line names an
    organisation (``site_names.organisation_words``) in a few words, is no sentence, is not the
    page's first kept line (the headline's place), and stands in one block with the stamp only
    (the line on its other side is blank or furniture). It is furniture and names the publisher
    when no other line named one."""
    stamps = {i for i, _date, kind in dated if kind == "strong"}
    if not stamps:
        return
    kept = next((i for i in filled if i not in removed), None)
    n = len(lines)
    for i in sorted(edge):
        if i in removed or i == kept:
            continue
        s = lines[i]
        if len(s) > 120 or _SENT_END.search(s) or not s[0].isupper() or len(s.split()) > 14:
            continue
        if not _organisation_name(s, cfg) or any(c.isdigit() for c in s):
            continue
        if i > 0 and (i - 1) not in removed and _wraps_on(lines[i - 1]):
            # the second line of a headline the line above began ("Speech by ... at the Third
            # China-Latin" / "America and the Caribbean ... Forum" / the dateline): no issuer
            continue
        before = i - 1 if i > 0 else None
        after = i + 1 if i + 1 < n else None
        for near, other in ((before, after), (after, before)):
            # (or the headline's line on its other side: the issuer under the title, over
            # its date)
            if near not in stamps:
                continue
            if other is None or not lines[other] or other in removed or other == kept:
                removed[i] = "issuer"
                if not evidence["publisher"]:
                    evidence["publisher"] = _publisher_name(s)
                return
            # (or a body's line and its unit's, the body's on the far side: "Ministry of
            # Science and Technology" / "Department of International Cooperation" / the stamp)
            beyond = other + (other - i)
            o = lines[other]
            if (
                other not in edge
                or len(o) > 120
                or _SENT_END.search(o)
                or any(c.isdigit() for c in o)
                or not _organisation_name(o, cfg)
            ):
                continue
            if (
                beyond < 0
                or beyond >= n
                or not lines[beyond].strip()
                or beyond in removed
                or beyond == kept
            ):
                removed[i] = removed[other] = "issuer"
                if not evidence["publisher"]:
                    evidence["publisher"] = _publisher_name(o)
                return


def _mark_masthead_body(
    lines: list[str], filled: list[int], removed: dict[int, str], evidence: dict, cfg: _Settings
) -> None:
    """A body's name alone on the page's first line, over its headline ("Embassy of the
    United States of America" / "U.S.-China Science and Technology Cooperation", "Ministry of
    Science and Technology" / "China and Laos sign ..."): the page's masthead, its publisher,
    no title, when the next line reads as a headline and names no body; over its unit's line
    and then the headline, the body publishes and the lines stay."""
    kept = [i for i in filled if i not in removed]
    if len(kept) < 3 or evidence["publisher"]:
        return
    first, second = kept[0], kept[1]
    s, t = lines[first].strip(), lines[second].strip()
    if (
        len(s) > 120
        or len(s.split()) > 14
        or s.isupper()  # (a headline in capitals may name a body: "CHINA AND THE ... AGENCY")
        or _SENT_END.search(s)
        or any(c.isdigit() for c in s)
        or not _organisation_name(s, cfg)
        or _KIND_WORD.search(s)  # ("Government Work Report (excerpt)": a document's name)
    ):
        return
    if _organisation_name(t, cfg) and not _SENT_END.search(t) and not t.isupper():
        # the body over its unit ("Ministry of Commerce of the People's Republic of China" /
        # "Department of Service Trade") over the headline: the body publishes (its lines
        # stay for the title's rules)
        u = lines[kept[2]].strip()
        words = len(u.split(None, cfg.title["max_words"] + 1))
        if words >= 4 and not _organisation_name(u, cfg) and _headline(u, words, cfg):
            evidence["publisher"] = _publisher_name(s)
        return
    # (the headline right under it, no tagline of the body's between)
    words = len(t.split(None, cfg.title["max_words"] + 1))
    if (
        words >= 4
        and not _organisation_name(t, cfg)
        and not _SENT_END.search(t)
        and not t.isupper()
        and _headline(t, words, cfg)
    ):
        removed[first] = "issuer"
        evidence["publisher"] = _publisher_name(s)


_KIND_WORD = re.compile(r"\b(?:Report|Speech|Address|Statement|Communiqu[eé]|Notice|Bulletin)\b")


# a document's kind and what it is on: the title of a report, a notice or a speech, never the
# name of its issuer ("Report on the Work of the Jiangsu Provincial Government")
_DOCUMENT_KIND = re.compile(
    r"(?:(?:government\s+)?work\s+)?(?:reports?|notices?|circulars?|statements?|speech|address|"
    r"remarks|communiqu[eé]|announcements?|opinions?|decisions?|measures|provisions|"
    r"regulations|guidelines|white\s+paper)\s+(?:on|about|concerning|regarding|at|to)\s",
    re.I,
)
_TAGLINE = re.compile(r"[A-Z][^—–|:.!?]{1,60}?\s[—–-]\s+[a-z][^.!?]{2,80}")


def _CASELESS(c: str) -> bool:  # noqa: N802 - reads as a predicate
    """A letter of a script without capitals (Chinese, Japanese, Arabic ...)."""
    return c.isalpha() and not c.isupper() and not c.islower()


def _issuer_header(
    lines: list[str],
    filled: list[int],
    k: int,
    removed: dict[int, str],
    cfg: _Settings,
    stamps: set[int] = frozenset(),
) -> list[int]:
    """The lines of an issuer's header that opens at ``filled[k]`` (see
    :func:`_mark_site_name`), or [] when the page does not open with one. ``stamps``: the
    lines a date was taken from (furniture under the headline, removed or not: "Report No.
    MOFCOM-ST-2009-04   Released: 2009-03-30")."""
    run = []
    for n in range(k, min(k + _HEADER_NAMES, len(filled))):
        i = filled[n]
        s = lines[i].strip()
        if i in removed or (run and i != run[-1] + 1):
            break  # the names are one block of lines
        # (a name in a script without capitals over its English name: "示例市科学技术委员会")
        if len(s) > 100 or _SENT_END.search(s) or not (s[0].isupper() or _CASELESS(s[0])):
            return []
        run.append(i)
    rest = filled[k + len(run) :]
    # the headline's block: kept lines one under another (a headline wrapped over two or
    # three lines)
    block = 0
    while (
        block < min(3, len(rest))
        and rest[block] not in removed
        and (block == 0 or rest[block] not in stamps)
        and (block == 0 or rest[block] == rest[block - 1] + 1)
    ):
        block += 1
    # a name broken over its lines ("Directorate of" / "Intelligence" on a report's cover)
    wrapped = len(run) > 1 and all(
        lines[j].rsplit(None, 1)[-1].lower() in _WRAP_WORDS for j in run[:-1]
    )
    if (
        run
        and 0 < block < len(rest)
        and (rest[block] in removed or rest[block] in stamps or wrapped)
    ):
        # the names stand straight over the headline, the page's furniture under it (a stamp,
        # a byline): "Embassy of the People's Republic of China in Kenya" / "China and Kenya
        # sign ..." / "2012/05/14"; only a name without figures, set apart from the headline
        # ("Zhejiang Provincial Department of Science and Technology" / "Zhejiang Provincial
        # Bureau of Statistics" / "Statistical Bulletin on International Science and
        # Technology Cooperation" / "of Zhejiang Province, 2008" / "20 March 2009")
        if block == 1:
            s = lines[rest[0]].strip()
            reads = _headline(s, len(s.split(None, cfg.title["max_words"] + 1)), cfg)
        else:
            para = "\n".join(lines[j].strip() for j in rest[:block])
            reads = _title_block(para, cfg) in ("wrapped", "labelled")
        if (
            rest[0] > run[-1] + 1
            and not any(c.isdigit() for j in run for c in lines[j])
            and reads
            and (
                _organisation_name(lines[run[0]].strip(), cfg)
                or (wrapped and _organisation_name(" ".join(lines[j].strip() for j in run), cfg))
                # a site's name and its tagline: "LabNotes from Beijing — a blog about ..."
                or (len(run) == 1 and _TAGLINE.fullmatch(lines[run[0]].strip()))
            )
        ):
            return run
    if not run or not rest or rest[0] not in removed:
        return []  # no furniture under the names
    if not any(cfg.organisation_re.search(lines[j]) for j in run):
        return []
    first = lines[run[0]].strip()
    if len(run) == 1 and (
        any(w[0].islower() and w not in _NAME_LINKS for w in first.split())
        or _DOCUMENT_KIND.match(first)
    ):
        return []  # a headline over its date line, no issuer: "Fund supports new joint
        # centres" / "3 August 2016"; "Report on the Work of the Provincial Government"
    if (
        len(run) > 1
        and len(first.split()) >= 6
        and not _organisation_name(first, cfg)
        and _headline(first, len(first.split(None, cfg.title["max_words"] + 1)), cfg)
    ):
        return []  # a headline over its issuer's name: "Belt and Road ...: Progress and
        # Outlook" / "China Science and Technology Exchange Center (CSTEC)"
    # the headline: the first kept line that is no byline or minister's line ("Senator the Hon
    # Kim Carr, Minister for ..." between "MEDIA RELEASE" and the date)
    not_title = cfg.title["not_title_re"]
    headline = next(
        (i for i in rest if i not in removed and not not_title.fullmatch(lines[i].strip())), None
    )
    if headline is None:
        return []
    s = lines[headline].strip()
    words = len(s.split(None, cfg.title["max_words"] + 1))
    if _headline(s, words, cfg) and not _NUMBERED.match(s):
        return run
    if (
        len(run) > 1
        and _organisation_name(lines[run[0]].strip(), cfg)
        and not _organisation_name(lines[run[-1]].strip(), cfg)
    ):
        # no headline under the furniture (prose, or the first numbered section): the last
        # line of the header, which names no body, is the title ("Ministry of Education of
        # the People's Republic of China" / "Statistics Bulletin on Studying Abroad, 2011" /
        # "Release date: ..." / "I. Students going abroad")
        return run[:-1]
    return run if _headline(s, words, cfg) else []


def _site_root(s: str, cfg: _Settings) -> str:
    """The first step of a navigation trail on a page's first line when it names the site
    ("nature > news > article": Nature), not a generic root ("Home", "Accueil"); else ""."""
    root = re.split(r"\s*(?:>|»|›|\s/\s)\s*", s, maxsplit=1)[0].strip()
    if not root or len(root.split()) > 3 or root.lower() in cfg.root_words:
        return ""
    if not re.fullmatch(r"[^\W\d_][\w&'’.-]*(?:\s[^\W\d_][\w&'’.-]*){0,2}", root):
        return ""
    return root[0].upper() + root[1:] if root.islower() else root


# a telegram's routing header (a diplomatic cable): its date-time group "R 140822Z APR 87" (a
# precedence letter or two, day, hour and minute, "Z", the month, the year), the sender's line
# "FM AMEMBASSY BEIJING" and the "SUBJECT:" line under them
_CABLE_DTG = re.compile(
    r"(?:[ROPZ]{1,2}\s+)?(?P<day>[0-3]\d)[0-2]\d[0-5]\dZ\s+(?P<month>[A-Z]{3})\s+(?P<yy>\d{2}|\d{4})"
)
_CABLE_FROM = re.compile(r"FM\s+(?P<name>[A-Z][A-Z0-9 .&/-]{2,60})")
_CABLE_SUBJECT = re.compile(r"(?:SUBJECT|SUBJ)\s*:", re.I)
_CABLE_REF = re.compile(r"REFS?\s*:", re.I)
_CABLE_LINES = 40  # the routing header stands within a cable's first lines


def _mark_cable(
    lines: list[str],
    filled: list[int],
    removed: dict[int, str],
    dated: list[tuple[int, str, str]],
    evidence: dict,
) -> None:
    """A diplomatic cable's routing header: every line above its "SUBJECT:" line (page and
    cable numbers, action and info codes, the date-time group, "FM" and "TO" lines, "E.O."
    and "TAGS:") is furniture, and so are the "REF:" lines under it; the date-time group
    ("R 140822Z APR 87") dates the page and the "FM" line names its sender, the publisher.
    Only a page whose first lines hold both a date-time group and an "FM" line is read so."""
    head = filled[:_CABLE_LINES]
    sender = next((i for i in head if lines[i].startswith("FM ")), None)
    if sender is None:  # (cheap test first: most pages have no "FM " line)
        return
    subject = next((i for i in head if _CABLE_SUBJECT.match(lines[i])), None)
    stamp = next((i for i in head if i < sender and _CABLE_DTG.fullmatch(lines[i])), None)
    sent = _CABLE_FROM.fullmatch(lines[sender])
    if subject is None or stamp is None or not sent or subject < sender:
        return
    m = _CABLE_DTG.fullmatch(lines[stamp])
    month = MONTHS.get(m["month"].lower())
    if month:
        yy = int(m["yy"])
        year = yy if yy > 99 else (1900 + yy if yy >= 40 else 2000 + yy)
        dated.append((stamp, dating.iso(year, month, int(m["day"])), "strong"))
    for i in head:
        if i < subject:
            removed.setdefault(i, "cable_header")
        elif i > subject and _CABLE_REF.match(lines[i]):
            removed.setdefault(i, "cable_header")
    if not evidence["publisher"]:
        evidence["publisher"] = sent["name"].strip()


# a date alone on its line ("8 December 2015", "Dec. 8, 2015", "2015-12-08") and a byline ("By
# Kimani Njoroge")
_DATE_ALONE = re.compile(
    rf"(?:(?:{'|'.join(dating.WEEKDAYS)}),?\s*)?(?:\d{{1,2}}\s+(?:{MONTH_RE})\.?,?\s+{YEAR_RE}"
    rf"|(?:{MONTH_RE})\.?\s+\d{{1,2}},?\s+{YEAR_RE}|{YEAR_RE}[-/.][01]?\d[-/.][0-3]?\d)",
    re.I,
)
_BYLINE = re.compile(r"(?:By|BY)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}")
_BYLINE_LINES = 20  # a byline stands within a page's first lines
_STAMP_LINES = 12  # a page's own date alone on a line stands within its first lines


def _mark_byline_date(
    lines: list[str], filled: list[int], removed: dict[int, str], dated: list[tuple[int, str, str]]
) -> None:
    """A date alone on its line next to a byline ("By Kimani Njoroge" / "8 December 2015") is the
    page's stamp, wherever the byline stands among the page's first lines (under a headline and
    a standfirst: below the edge the line rules read stamps in); so is the one date alone on a
    line set apart by blank lines among a page's first lines ("2019/05/15" under a speech's
    title block; a chronology's dates, several, are its entries')."""
    head = filled[:_BYLINE_LINES]
    alone = [
        k
        for k, i in enumerate(head)
        if i not in removed
        and lines[i][:1].isalnum()
        and len(lines[i]) <= 40
        and _DATE_ALONE.fullmatch(lines[i])
    ]
    for k in alone:
        i = head[k]
        near = [head[k - 1]] if k else []
        near += [head[k + 1]] if k + 1 < len(head) else []
        apart = (
            len(alone) == 1
            and k < _STAMP_LINES
            and 0 < i < len(lines) - 1
            and not lines[i - 1]
            and not lines[i + 1]
        )
        if apart or any(_BYLINE.fullmatch(lines[j]) for j in near):
            removed[i] = "date_line"
            dated.append((i, lines[i], "strong"))
            return


_YEAR_ALONE = re.compile(YEAR_RE)


def _title_page_year(
    lines: list[str], filled: list[int], removed: dict[int, str], dated: list[tuple[int, str, str]]
) -> None:
    """A title page's year alone on its line under the title, the author and the institution
    ("in The University of Michigan" / "1990"), the only one among the kept lines of a page's
    head (:func:`_head`), dates a page that has no stamp: a thesis's or a report's cover."""
    if any(kind == "strong" for _i, _d, kind in dated):
        return
    kept = [i for i in filled if i not in removed]
    years = [
        i for i in _head(lines, kept) if len(lines[i]) == 4 and _YEAR_ALONE.fullmatch(lines[i])
    ]
    if len(years) == 1:
        removed[years[0]] = "date_line"
        dated.append((years[0], lines[years[0]], "strong"))


# the label before a stamp's date ("Posted:", "Reply posted on"): words only
_POST_LABEL = re.compile(r"[^\W\d_][^\d:：|·]{0,30}?[:：]?")


@functools.cache
def _publication_label() -> re.Pattern[str] | None:
    words = load_lexicon("corpus")["dating"].get("publication_labels") or []
    if not words:
        return None
    alternatives = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?:^|[|│]\s*)(?:{alternatives})\s*[:：]?\s*$", re.I)


def _beside_publication_stamp(lines: list[str], dated: list[tuple[int, str, str]]) -> set[int]:
    """The other strong stamps of a page with one labelled as its publication ("Published:
    2013-10-28 16:40" above related links "(2013-11-21)"; corpus lexicon
    ``dating.publication_labels``): theirs are other items' dates."""
    label = _publication_label()
    if label is None:
        return set()
    strong = [(i, date) for i, date, kind in dated if kind == "strong"]
    labelled = set()
    for i, date in strong:
        at = lines[i].find(date)
        if at > 0 and label.search(lines[i], 0, at):
            labelled.add(i)
    if not labelled:
        return set()
    return {i for i, _date in strong if i not in labelled and not _REVISED.search(lines[i])}


def _later_posts(lines: list[str], dated: list[tuple[int, str, str]]) -> set[int]:
    """The stamps of a thread's later posts: when two or more stamps down a page carry the same
    label ("Posted: 02 Apr 2018, 21:14" over each post of a forum's thread), the page is its
    first post's and the later ones date replies. The label's last word is the label: the
    question's "Question posted 2019-03-30" heads the "Posted 2019-04-01" of its answers; a
    post's "Edited" stamp after it dates a change."""
    labels: dict[str, list[int]] = {}
    for i, date, kind in dated:
        if kind != "strong":
            continue
        at = lines[i].find(date)
        label = lines[i][:at].strip().lower() if at > 0 else ""
        if label and _POST_LABEL.fullmatch(label) and not _REVISED.search(label):
            labels.setdefault(label.rstrip(":： ").rsplit(None, 1)[-1], []).append(i)
    later = {i for rows in labels.values() if len(rows) >= 2 for i in sorted(rows)[1:]}
    if later:  # a post's "Edited" stamp below the thread's first post dates a change
        first = min(min(rows) for rows in labels.values() if len(rows) >= 2)
        later.update(i for i in labels.get("edited", ()) if i > first)
    return later


# a serial's name with its issue's number (and perhaps its date) as a whole line: "Research Policy
# Weekly — Issue 318", "EU-China S&T Cooperation Newsletter — Issue No. 14, June 2006"
_DAY_RANGE = re.compile(r"(?<!\d)(\d{1,2})\s*[-–]\s*\d{1,2}(?=\s+[A-Za-z])")


def _occasion_days(dated: list[tuple[int, str, str]]) -> set[int]:
    """The lines of an occasion's days ("China World Hotel, Beijing, 18-20 October 2004") when
    the page carries a day's stamp before them ("FINAL PROGRAMME (version of 8 October
    2004)"): a programme is published before its days (a meeting's minutes, dated by their
    days alone, keep them)."""
    strong = [(i, dating.parse_date(d), d) for i, d, kind in dated if kind == "strong"]
    days = {}
    for i, _iso, d in strong:
        m = _DAY_RANGE.search(d)
        if m:
            days[i] = dating.parse_date(d[: m.start()] + m.group(1) + d[m.end() :])
    singles = [iso for i, iso, _d in strong if i not in days and iso]
    return {i for i, first in days.items() if first and any(iso < first for iso in singles)}


_SERIAL_TITLE = re.compile(
    r"(?P<name>[^\W\d_][^|#:\n]{2,80}?)\s*(?:[-–—|,:]\s*)?(?:issue|no\.?|number|vol\.?|#)\s*"
    rf"(?:no\.?\s*)?\d{{1,4}}(?:\s*(?:[,|–—-]\s*)?(?:\d{{1,2}}\s+)?(?:{MONTH_RE})\.?\s+"
    rf"(?:\d{{1,2}},?\s+)?{YEAR_RE})?",
    re.I,
)
_MAIL_HEAD = ("From:", "FROM:", "Subject:", "SUBJECT:")
_MAIL_LINES = 15  # an e-mail's header and a newsletter's masthead: within its first lines


_RECORD_TITLE = re.compile(
    r"(?:(?:HEADLINE|Headline|TITLE|Title)\s*:|HD(?=\s{2}))\s*(?P<value>\S.*)"
)
# a news database's two-letter field codes (Factiva: "HD  ...", "WC  431 words", "PD  17
# October 1990", "SN  Xinhua News Agency"): "HD" is the headline's field on a record that
# has two more of them
_RECORD_CODE = re.compile(r"(?:BY|WC|PD|ET|SN|SC|LA|CY|LP|TD|NS|RE|AN|SE)\s{2}\S")
_RECORD_LINES = 40  # a database record's fields stand within its first lines


def _record_title(
    lines: list[str], filled: list[int], evidence: dict, original: str, starts: list[int]
) -> None:
    """A news or a parliament database's record names its title in a field: "HEADLINE:
    china's ... broadens" (among "SECTION:", "LENGTH:", "DATELINE:"), "Title: QUESTIONS ON
    NOTICE" with its value run on on the indented lines under it; a value's line in capitals
    over a line that is not is the record's category, and the line under it the title
    ("QUESTIONS ON NOTICE" / "China: Science and Technology Cooperation"). Sets
    ``evidence["record_title"]``."""
    for i in filled[:_RECORD_LINES]:
        s = lines[i]
        if s[:1] not in "HT" or (":" not in s and not s.startswith("HD")):
            continue
        m = _RECORD_TITLE.match(s)
        if not m:
            continue
        if s.startswith("HD"):
            codes = [lines[k] for k in filled[:_RECORD_LINES] if _RECORD_CODE.match(lines[k])]
            if len(codes) < 2:
                continue  # "HD" alone is no record's field
            for code in codes:
                # the record's own date and source: the database's name over the page and its
                # search stamp ("Timestamp: 3 March 2021 14:22") are the retrieval's
                if code.startswith("PD"):
                    evidence["record_published"] = code[2:].strip()
                elif code.startswith("SN"):
                    evidence["publisher"] = _publisher_name(code[2:].strip())
        value = [m["value"].strip()]
        j = i + 1
        while (
            j < len(lines)
            and lines[j]
            and original[starts[j]] in " \t"  # an indented line runs the value on
        ):
            value.append(lines[j])
            j += 1
        if len(value) > 1 and value[0].isupper() and not value[1].isupper():
            value = value[1:]
        evidence["record_title"] = " ".join(value)
        return


# a journal's issue line under its name: "Vol. 11, No. 3 (Autumn 2004), pp. 37-58"
_VOLUME_LINE = re.compile(
    r"(?:vol\.?|volume)\s*\d{1,4}\s*,?\s*(?:(?:no\.?|issue|number)\s*\d{1,4})?\s*"
    r"\((?P<date>[^()]{4,30})\)(?:\s*,?\s*pp?\.\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?)?\.?",
    re.I,
)
# the work an excerpt is taken from, its title in quotes: 'Excerpt from: "After the ..."'
_CITED_TITLE = re.compile(
    r"(?:excerpts?|extracts?|reprinted|adapted)\s+from\s*:?\s*[\"“](?P<title>[^\"”]{3,200})[\"”]",
    re.I,
)
_JOURNAL_LINES = 6  # a journal's name and issue line stand within a page's first lines
# a journal's name (words, no number) and its issue's field ("Vol. 42, No. 17", "1997, No. 4")
_PERIODICAL_NAME = re.compile(r"[^\W\d_][^\d|·•:]{2,60}")
_ISSUE_FIELD = re.compile(
    rf"(?:(?:vol\.?|volume)\s*\d{{1,4}}|(?:{YEAR_RE},\s*)?no\.\s*\d{{1,4}})\b", re.I
)


def _journal_head(
    lines: list[str],
    filled: list[int],
    removed: dict[int, str],
    dated: list[tuple[int, str, str]],
    evidence: dict,
    cfg: _Settings,
) -> None:
    """A journal article's head: the journal's name over its issue line ("Asia-Pacific
    Technology Review" / "Vol. 11, No. 3 (Autumn 2004), pp. 37-58"): the name is the publisher,
    the issue's date dates the page, and an excerpt's source line under them ('Excerpt from:
    "After the Accession: ..."') names its title (``evidence["record_title"]``)."""
    head = filled[:_JOURNAL_LINES]
    for k, i in enumerate(head):
        s = lines[i]
        if s[:1] not in "Vv" or "(" not in s:
            continue
        m = _VOLUME_LINE.fullmatch(s)
        if not m or not k:
            continue
        year = dating.YEAR.search(m["date"])
        if not year:
            return
        name = lines[head[k - 1]]
        if len(name) > 80 or _SENT_END.search(name) or not _WORDS_ONLY.fullmatch(name):
            return
        dated.append((i, dating.parse_date(m["date"]) or year.group(0), "strong"))
        removed[i] = "serial"
        removed[head[k - 1]] = "masthead"
        evidence["publisher"] = name
        for j in head[k + 1 : k + 3]:
            cited = _CITED_TITLE.fullmatch(lines[j])
            if cited:
                evidence["record_title"] = cited["title"].strip()
                removed[j] = "cited_title"
        return
    # ... or the journal's name beside its issue on one line, fields apart by wide spaces or
    # dots ("Studies of International Politics   1997, No. 4 (Total No. 66)   pp. 23–31",
    # "SCIENCE & SOCIETY WEEKLY      Vol. 42, No. 17 · 23 April 1988"): the name is the
    # publisher, over a site's name that hosts the journal's page
    for i in head:
        if "o." not in lines[i] and "ol" not in lines[i]:
            continue  # (a fast test: "No." or "Vol"/"vol")
        fields = [f for f in _FIELD_SPLIT.split(lines[i]) if f]
        if len(fields) < 2 or not _PERIODICAL_NAME.fullmatch(fields[0]):
            continue
        if cfg.title["label_re"].fullmatch(fields[0]):
            continue  # a page's kind with its number ("PRESS RELEASE   No. 2008-23") is no serial
        if any(_ISSUE_FIELD.match(f) for f in fields[1:]):
            evidence["publisher"] = _publisher_name(fields[0])
            return


def _serial_title(
    lines: list[str], filled: list[int], removed: dict[int, str], evidence: dict
) -> None:
    """An e-mail newsletter's title: the first of its subject and its masthead's lines that is
    the serial's name with its issue ("Subject: EU-China S&T Cooperation Newsletter — Issue No.
    14, June 2006"; under a subject that lists the issue's items, "RPW #318: Spending round,
    Philae lands, ...", the masthead "Research Policy Weekly — Issue 318"). The masthead line is
    furniture (its issue number counts nothing). Only a page that opens with a mail header."""
    if not filled or not lines[filled[0]].startswith(_MAIL_HEAD):
        return
    for i in filled[:_MAIL_LINES]:
        line = lines[i]
        subject = line[:8].lower() == "subject:"
        text = line[8:].strip() if subject else line
        if len(text) <= 120 and _SERIAL_TITLE.fullmatch(text):
            evidence["title"] = " ".join(text.split())
            if not subject:
                removed[i] = "serial"
            return


_SIGNATURE_LINES = 3  # a signature: at most this many lines under its "--"


def _mark_signatures(lines: list[str], filled: list[int], removed: dict[int, str]) -> None:
    """A post's or an e-mail's signature: the lines under a line of two dashes alone ("--", the
    mail and news convention) that end the post, up to the rule under it or the page's end, when
    there are at most three, none long ("MSc Stats '19 | 3rd winter in Toronto", "Shanghai · 2
    kids · 1 cat"); a "--" over a paragraph that text follows is no signature's."""
    for k, i in enumerate(filled):
        if lines[i] != "--":
            continue
        run = []
        after = filled[k + 1 : k + 2 + _SIGNATURE_LINES]
        for j in after:
            if j != (run[-1] if run else i) + 1 or _RULE_LINE.fullmatch(lines[j]):
                break
            run.append(j)
        ends = len(run) == len(after) or _RULE_LINE.fullmatch(lines[after[len(run)]])
        if run and ends and len(run) <= _SIGNATURE_LINES and all(len(lines[j]) <= 100 for j in run):
            removed[i] = "signature"
            for j in run:
                removed[j] = "signature"


_SLIDE_ONE = re.compile(r"[\[(\-–— ]*(?:slide|folie|diapositive)\s+1\b", re.I)


def _mark_title_slide(
    lines: list[str], filled: list[int], removed: dict[int, str], evidence: dict, cfg: _Settings
) -> None:
    """A slide deck exported to text: on its title slide (the lines under "Slide 1"), a first line
    that names an organisation over the deck's title ("Sino-German Center for Research
    Promotion" / "15 Years of Joint Research Funding" / presenter / occasion) is the issuer's
    name, the publisher, not the title."""
    k = next((k for k, i in enumerate(filled[:6]) if _SLIDE_ONE.match(lines[i])), None)
    if k is None or filled[k] not in removed:
        return
    block = []
    for i in filled[k + 1 : k + 6]:
        if block and i != block[-1] + 1:
            break
        block.append(i)
    if len(block) < 3 or block[0] in removed:
        return
    _title_slide_title(lines, block, removed, evidence, cfg)
    name = lines[block[0]]
    if len(name.split()) > 12 or _SENT_END.search(name) or not cfg.organisation_re.search(name):
        return
    removed[block[0]] = "site_name"
    if not evidence["publisher"]:
        evidence["publisher"] = _publisher_name(name)


def _title_slide_title(
    lines: list[str], block: list[int], removed: dict[int, str], evidence: dict, cfg: _Settings
) -> None:
    """A title slide's title: its first line, when it names no body, and the line under it,
    joined by a colon, when the second is no person's, no body's and no occasion's line
    ("China's International S&T Cooperation" / "Progress in the 12th Five-Year Period ..." /
    "Department of ..., Ministry of ..." / "Workshop ..., Vienna, 7 June 2016"); a body's line
    under them (the presenter's office) names the publisher, over a name the slides' footer
    gives."""
    first, second = (lines[i].strip() for i in block[:2])
    if block[1] in removed or not first or not second or first.endswith(":"):
        return
    if cfg.organisation_re.search(first):
        return  # an issuer's name over the deck's title (the publisher: see the caller)
    words = len(second.split())
    if (
        not _headline(second, words, cfg)
        or cfg.title["not_title_re"].fullmatch(second)
        or cfg.title["office_re"].fullmatch(second)
        or _organisation_name(second, cfg)
        or "," in second
        or _MONTH_YEAR.search(second)
    ):
        return
    evidence["title"] = f"{first}: {second}"
    for i in block[2:]:
        s = lines[i].strip()
        if i in removed or not _organisation_name(s.rsplit(",", 1)[-1].strip(), cfg):
            continue
        if not any(c.isdigit() for c in s):  # the deck's own issuer, over a footer's
            evidence["publisher"] = _publisher_name(s)
        break


_BARE_NUMBER = re.compile(r"\d{1,4}")
_FOOTER_NUMBER = re.compile(r"\s*\d{1,4}$")
_FOOTER_REPEATS = 3  # a running footer stands on at least this many pages
_PAGE_NUMBER_INDENT = 30  # blanks before a page's number set far to the right


def _mark_repeated_footers(lines: list[str], removed: dict[int, str]) -> None:
    """A page's running footer or header repeated on every page with only its page number
    changed ("MOST | DIC | 2016          9" under each slide): a line of fields (apart by wide
    spaces or bars) ending in a number, the same but for that number on at least
    ``_FOOTER_REPEATS`` lines."""
    seen: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if len(line) > 120 or not line[-1:].isdigit() or i in removed:
            continue
        if "  " not in line and "|" not in line and "·" not in line:
            continue
        m = _FOOTER_NUMBER.search(line)
        key = line[: m.start()].strip() if m else ""
        if key and any(c.isalpha() for c in key):
            seen.setdefault(key, []).append(i)
    for at in seen.values():
        if len(at) >= _FOOTER_REPEATS:
            for i in at:
                removed[i] = "running_header"


def _mark_page_number(
    lines: list[str], filled: list[int], removed: dict[int, str], original: str, starts: list[int]
) -> None:
    """A page's number alone on the page's first or last line ("312" at the foot of a
    yearbook's page, often set far to the right), or on any line when it is set far to the
    right (a page break inside the text: "                    112" over the next page's
    head): furniture. Not when the line next to it holds a bare number too (a table's column
    set one cell a line)."""
    kept = [i for i in filled if i not in removed]
    if len(kept) < 3:
        return
    for i, neighbour in ((kept[0], kept[1]), (kept[-1], kept[-2])):
        if _BARE_NUMBER.fullmatch(lines[i]) and not _BARE_NUMBER.fullmatch(lines[neighbour]):
            removed[i] = "page_number"
    for k in range(1, len(kept) - 1):
        i = kept[k]
        if i in removed or not _BARE_NUMBER.fullmatch(lines[i]):
            continue
        indent = original.find(lines[i], starts[i], starts[i + 1]) - starts[i]
        if indent < _PAGE_NUMBER_INDENT:
            continue
        if not any(_BARE_NUMBER.fullmatch(lines[j]) for j in (kept[k - 1], kept[k + 1])):
            removed[i] = "page_number"


# a word a headline's line does not open on unless it runs on from the line above ("AGREED
# MINUTES" / "OF THE THIRD MEETING OF THE ... JOINT COMMITTEE" / "ON SCIENTIFIC AND ...")
_RUN_ON_OPENERS = frozenset(
    "of on and for in to with between among at by from into under over or nor".split()
)


def _wrapped_head(lines: list[str], candidates: list[int], gone: list[int], cfg: _Settings) -> bool:
    """Whether a page's leading block is one headline wrapped over its lines: two or three
    lines, nothing removed among them, each after the first opening on a word that runs on
    (:data:`_RUN_ON_OPENERS`), the whole a headline."""
    if (
        gone
        or not 2 <= len(candidates) <= 3
        or candidates[-1] - candidates[0] != len(candidates) - 1
    ):
        return False
    texts = [lines[i].strip() for i in candidates]
    if not all(t.split(None, 1)[0].lower() in _RUN_ON_OPENERS for t in texts[1:]):
        return False
    joined = " ".join(texts)
    return _headline(joined, len(joined.split()), cfg)


# a LaTeX tabular row's marks, cut from the text later (boilerplate.yaml `inline` latex):
# "Returnees & 25,100 & 34,987 \\" is a row of figures, apart by blanks
_LATEX_ROW = re.compile(r"[ \t]+&[ \t]+|[ \t]*\\\\[ \t]*$")


def _mark_link_blocks(
    lines: list[str], removed: dict[int, str], cfg: _Settings, dated: set[int] = frozenset()
) -> None:
    """Mark a leading and a trailing block of short unpunctuated lines as links. A leading
    block that holds the page's date line (``dated``: lines a rule took a date from) under a
    headline is the page's header, not links ("China and Chile: Ten Years ..." / "National
    Astronomical Observatories of China" / "Talk at the Santiago Forum, 2 June 2016")."""
    lb = cfg.link_block

    def block_at(indices: Iterable[int]) -> list[int]:
        run: list[int] = []
        for i in indices:
            s = lines[i].strip()
            if not s:
                if run:
                    break
                continue
            if i in removed or _is_link_line(lines[i], cfg):
                run.append(i)
            else:
                break
        return run

    for top, run in (
        (True, block_at(range(len(lines)))),
        (False, block_at(range(len(lines) - 1, -1, -1))),
    ):
        candidates = [i for i in run if i not in removed]
        if len(run) < lb["min_lines"] or not candidates:
            continue
        gone = [i for i in run if i in removed]
        if top and len(candidates) < lb["min_lines"] and gone and max(candidates) < min(gone):
            continue  # a headline over its furniture (its issuer, its stamp) is no link
        if top and _wrapped_head(lines, candidates, gone, cfg):
            continue  # one headline wrapped over the block's lines
        if top and gone:
            # a headline over its furniture, links after it ("China–Russia scientific
            # cooperation" / "From Wikipedia, the free encyclopedia" / "Jump to navigation")
            head = [i for i in candidates if i < min(gone)]
            first = lines[head[0]].strip() if head else ""
            if len(head) == 1 and _headline(first, len(first.split()), cfg):
                candidates = candidates[1:]
                if not candidates:
                    continue
        if (
            top
            and (
                any(i in dated and i > candidates[0] for i in gone)
                # (or a line of the block's own that holds a day's date: a programme's slot
                # "Programme 2019/147, broadcast 9 May 2019, 19:30–20:00")
                or any(i > candidates[0] and dating.day_dates(lines[i]) for i in candidates[:3])
            )
            and not any(removed[i] in _NAV_RULES for i in gone)
        ):
            # (a headline in quotes, as a programme's episode names its talk: '"Cooperation now
            # runs in both directions"')
            # (or under the page's name in its masthead: "SCIENCE DIALOGUE | Transcript")
            heads = [lines[i].strip().strip("\"“”'‘’") for i in candidates[:3]]
            if any(
                _headline(h, len(h.split(None, cfg.title["max_words"] + 1)), cfg) for h in heads
            ):
                continue
        texts = [lines[i].strip() for i in candidates]
        rows = tables.figure_rows([_LATEX_ROW.sub("   ", lines[i]) for i in sorted(candidates)])
        # (or a box of labelled figures: "Joint laboratories: 23", "Joint funding: RMB 300
        # million")
        rows += sum(1 for i in candidates if tables.LABELLED_FIGURE.fullmatch(lines[i].strip()))
        if rows >= 2 and rows * 2 >= len(candidates):
            continue  # a table's rows of figures at the page's head or foot, no links
        mean = sum(map(len, texts)) / len(texts)
        capital = sum(1 for t in texts if t[0].isupper() or t[0].isdigit()) / len(texts)
        # hard-wrapped prose runs on: a line ends mid-phrase and the next starts lower-case
        # (or holds a sentence's end inside a line: "regions. Some")
        joins = sum(1 for a, b in zip(texts, texts[1:], strict=False) if _RUNS_ON(a, b))
        joins += sum(1 for t in texts if _INNER_END.search(t))
        if (
            mean <= lb["max_mean_chars"]
            and capital >= lb["min_capitalised"]
            and joins * 3 < len(texts)
        ):
            for i in candidates:
                removed[i] = "link_block"


# --------------------------------------------------------------------------- structure
_NUMBERED = re.compile(r"^(?:[IVXLC]+\.|\d{1,2}\.|\(\d{1,2}\)|[A-Z]\.)\s+\S")
# (a wire archive's TeX-style quotes open a sentence too: "``The door we opened ...''")
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=(?:``|[\"'“‘(\[])?[A-Z0-9])")
_TOKEN_BEFORE = re.compile(r"([A-Za-z][A-Za-z.&]*)\.$")
# _BOUNDARY at a full stop only: a text without "!" and "?" has no other boundary, and a
# pattern that opens with one literal character is searched for by that character (a
# fifth of the cost of the class [.!?], which is tried at every position)
assert _BOUNDARY.pattern.startswith("[.!?]")
_BOUNDARY_STOP = re.compile(r"\." + _BOUNDARY.pattern[len("[.!?]") :])
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")  # "D.C", "N.Y" (the last point cut off)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph).

    A compact rule-based splitter, chosen over pysbd (right on these cases, but ~0.1 MB/s
    here) and NLTK Punkt (needs a trained model or a hand-fed abbreviation list anyway):
    the regex finds candidate boundaries in C, and Python only checks the word before
    each one against the abbreviation lexicon. It does not break on "US$ 6.69",
    "Dec. 8", "Jan. 1992", "P. R. China", "Ph.D. candidates" or "U.S. officials".
    """
    abbreviations = settings().abbreviations
    numbered = settings().number_abbreviations
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur = start
    plain = text.find("!", start, end) >= 0 or text.find("?", start, end) >= 0
    for m in (_BOUNDARY if plain else _BOUNDARY_STOP).finditer(text, start, end):
        stop = m.start() + 1
        tok = _TOKEN_BEFORE.search(text, max(cur, stop - 12), stop)
        if tok:
            word = tok.group(1).rsplit("-", 1)[-1].rstrip(".")
            if len(word) == 1 and word.isupper():
                continue  # an initial: "P. R. China"
            if word in abbreviations:
                continue
            if text[m.end() : m.end() + 1].isdigit() and word.lower() in numbered:
                continue  # a label's short form before its number: "Ep. 88", "NO. 8173"
            if text[m.end() : m.end() + 1].isdigit() and _INITIALS.fullmatch(word):
                continue  # a place in initials before its postcode: "Washington, D.C. 20418"
        sent_end = m.end()
        while sent_end > cur and text[sent_end - 1].isspace():
            sent_end -= 1
        spans.append((cur, sent_end))
        cur = m.end()
    tail = end
    while tail > cur and text[tail - 1].isspace():
        tail -= 1
    if tail > cur:
        spans.append((cur, tail))
    return spans


def _paragraphs(text: str) -> list[tuple[int, int, int]]:
    """(start, end, n_lines) of each block of consecutive non-blank lines (lines end at
    "\n"; a blank one holds nothing but whitespace), its whitespace trimmed.

    A line at a time with ``find`` and ``isspace``: the regex that says the same (a block
    of lines each holding a non-blank, tests/test_read_twins.py) tried every position of
    the text and cost as much as the rest of the paragraph logic."""
    out = []
    find = text.find
    n = len(text)
    a = 0  # start of the line
    first = -1  # start of the block's first line; -1: not in a block
    last = 0  # end of the block's last line (before its "\n")
    while True:
        b = find("\n", a)
        end = n if b < 0 else b
        if a < end and not text[a:end].isspace():
            if first < 0:
                first = a
            last = end
        elif first >= 0:
            out.append(_trimmed(text, first, last))
            first = -1
        if b < 0:
            break
        a = b + 1
    if first >= 0:
        out.append(_trimmed(text, first, last))
    return out


def _trimmed(text: str, s: int, e: int) -> tuple[int, int, int]:
    while e > s and text[e - 1].isspace():
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e, text.count("\n", s, e) + 1


# an entry word in capitals that opens a paragraph, as reference books set them, perhaps
# wrapped over two or three lines ("SCIENTIFIC AND TECHNOLOGICAL EXCHANGES WITH\nFOREIGN
# COUNTRIES. Since 1978 ...", "STATE SCIENCE AND TECHNOLOGY COM-\nMISSION. ...")
_ENTRY = re.compile(
    r"([A-Z][A-Z0-9,&'’()\- ]*[A-Z]"
    r"(?:(?:-\r?\n|[ \t]*\r?\n[ \t]*)[A-Z][A-Z0-9,&'’()\- ]*[A-Z]){0,2})"
    # (a gloss in brackets after the headword: "SCIENCE AND TECHNOLOGY DIPLOMACY (keji
    # waijiao 科技外交). The conduct of ..."; a capitalised bracket is the headword's when the
    # headword ends on a preposition: "POLAR RESEARCH, INTERNATIONAL COOPERATION IN (China)")
    r"(?P<qualifier>[ \t]*\([A-Z][A-Za-z .'’-]{0,40}\))?"
    r"(?:[ \t]*\([^()\n]{1,60}\))?"
    r"\.\s+(?=[A-Z])"
)


# a reference book's entry: its headword alone on the first line, its gloss in brackets opening
# the next ("Sino-German scientific and technological cooperation" / "    (Zhong De keji
# hezuo). Cooperation between ...")
_GLOSS_ENTRY = re.compile(r"([A-Z][^\n.!?()]{2,100}?)[ \t]*\r?\n[ \t]*(?=\([^()\n]{2,60}\)\.\s)")


# a book review's head: the book's title, its author in capitals, its imprint in brackets
# ("Science and Diplomacy in Post-Mao China. By MARGARET E. HOLLOWAY. [Boulder, CO: ...]")
_REVIEW_HEAD = re.compile(r"([A-Z][^\n]{3,200}?)\.\s+By\s+[A-Z][A-Z.'’ -]{2,60}\.\s*\[")


def _headline_end(para: str, words: int, first: bool = False) -> bool:
    """A line may be a headline by its end: no full stop or exclamation; a question only
    when short ("Brain drain or brain gain?"), or as a page's first block (a forum's question
    over its answers: "Is it still worth doing a PhD in Germany, or should I go back to
    Shanghai after my master's?")."""
    if para.endswith("?"):
        return words <= (_FIRST_QUESTION_WORDS if first else 12)
    # (a speech's salutation ends on a comma: "Fellow Deputies,", "Dear colleagues,")
    return not para.endswith((".", "!", ","))


_FIRST_QUESTION_WORDS = 25  # a question heading a page (a forum's thread): at most these words


# a section's number before a heading or a title: "VI. ", "3.4 ", "21-27  ", "1. " (a number
# with a point or a dash, or a roman one: "10 Chinese labs" keeps its 10)
_SECTION_NUMBER = re.compile(
    r"(?:[IVXLC]+\.|\d{1,2}(?:[.-]\d{1,3})+\.?|\d{1,2}\.)\s+(?=[A-Z“\"‘'])"
)
# an inverted headword ends on a preposition and runs on into its bracket ("POLAR RESEARCH,
# INTERNATIONAL COOPERATION IN (China)")
_ENDS_ON_PREPOSITION = re.compile(r"\b(?:IN|OF|WITH|ON|FOR|AND|in|of|with|on|for|and)$")
# a chapter's bare number set apart by a wide blank ("9  International Science and Technology
# Cooperation" over "9.1  Overview": :func:`_chapter_heading`)
_BARE_CHAPTER_NUMBER = re.compile(r"\d{1,2}[ \t]{2,}(?=[A-Z])")
_LOWER_RUN = re.compile(r"[a-z]{3}")
# a speech's head naming its speaker a minister of a field ("Speech by Vice Minister of Science
# and Technology Huang Weiping at the Opening ...", "Speech by Xu Guanhua, Minister of Science
# and Technology, at ..."): the field, up to the speaker's name, a comma or "at"
_SPEAKERS_MINISTRY = re.compile(
    r"^\s*(?:Speech|Remarks|Address|Keynote\s+(?:speech|address)|Statement)\s+by\b"
    r"(?:[^\n]|\n(?!\s*\n)){0,100}?"
    r"\b(?:Vice[- ]|Deputy\s+|Assistant\s+)?Minister\s+of\s+"
    r"(?P<field>[A-Z][\w&'’]*(?:\s+(?:(?:and|of|for|the)\s+)*[A-Z][\w&'’]*)*?)"
    r"(?=\s+[A-Z][a-z]+\s+[A-Z][a-z]+\b(?!\s+of\b)|\s*,|\s+(?:at|on|to)\b|\s*\n)"
)
# a programme's episode as a title: its series' name, then the episode's number
# a programme's transcript by its masthead: "ASIA SCIENCE RADIO -- TRANSCRIPT", "SCIENCE
# DIALOGUE | Transcript"
# (a part between: "BELT AND ROAD SCIENCE TALK -- Episode 47 -- Transcript", "Radio Free
# Asia | Science Hour | Transcript")
_TRANSCRIPT_MASTHEAD = re.compile(
    r"(?P<series>[^\W\d][^:|–—-]{2,60}?)\s*(?:--|[-–—|])\s*"
    r"(?:[^\n|–—-]{2,60}?\s*(?:--|[-–—|])\s*)?(?:TRANSCRIPT|Transcript)\s*"
)
# a head line that is a quotation alone, or opens with one before a field bar: an episode's
# or a talk's name ('"Forecasting Together" | Episode 214 | Broadcast 9 November 2016')
_QUOTED_LINE = re.compile(r"[ \t]*[\"“](?P<words>[^\"“”\n]{3,140})[\"”][ \t]*(?:$|[|·])", re.M)
_QUOTED_HEAD_LINES = 5  # non-blank lines of a page's head read for it


# a line no title is: a date or clock line, a speaker's turn, a bracketed stamp, a line of
# figures, a running header set out in columns
_NOT_TITLE_LINE = re.compile(
    r"(?:.*\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|.*\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}\b"
    r"|.*\d{1,2}:\d{2}|[A-Z][A-Za-z .'’-]{0,30}:\s|[\[(]|[^A-Za-z]*$|.*\S(?:[ \t]{3,}|\t)\S)"
)
# the generic parts of a masthead's bar-separated line ("| Transcript", "Home |")
_GENERIC_PART = re.compile(r"(?i:transcript|home|news|english|print|share|menu|search)")
_FIRST_TITLE_LINES = 6  # non-blank lines a page's head is read for a title, at most


# a title's last words that are no headline's: the date frame of a box of counts in brackets
# ("INTERNATIONAL COOPERATION AT A GLANCE (as of December 2018)", "(end of 1994)"; the frame
# still dates the box's counts from the text) or a post's emoji after a blank ("Big week for
# our team! 🎉")
_TITLE_FRAME = re.compile(
    r"\s+\((?:(?:figures|data|numbers)\s+)?(?:as\s+(?:of|at)|at\s+(?:the\s+)?end(?:\s+of)?"
    r"|(?:at\s+)?end(?:\s+of|-)?|up\s+to)\s*[^()\n]{3,30}\)$",
    re.I,
)


def _title_frame_cut(title: str) -> str:
    """``title`` without a closing date frame or a run of emoji after it (:data:`_TITLE_FRAME`)."""
    import unicodedata

    end = len(title)
    while end and (
        title[end - 1] in " \ufe0f\u200d" or unicodedata.category(title[end - 1]) == "So"
    ):
        end -= 1
    if end < len(title) and title[end:].strip() and title[end : end + 1] == " ":
        title = title[:end]
    frame = _TITLE_FRAME.search(title)
    return title[: frame.start()] if frame and frame.start() > 8 else title


# the marks a markup keeps around a headline: a tag pair around all of it ("<title>...
# </title>"), a wiki's heading marks on both sides ("=China switches on ...=", "== ... ==");
# marks inside a headline, or one side's only, are its own ("=HYPERLINK(...)", "Review <b>")
_AROUND = re.compile(
    r"<([A-Za-z][\w:-]*)(?:\s[^<>]*)?>\s*(.*?)\s*</\1\s*>|(=+)\s*(.*?)\s*\3"
    r"|#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?"  # a Markdown heading: "# Chinese medical teams abroad"
    r"|\^[ \t]*(.*?)[ \t]*[@<]"  # a wire's marked headline: "^China sends first ... mail@"
    r"|(\*\*|__)[ \t]*(.*?)[ \t]*\7",  # Markdown's strong emphasis around all of it
    re.S,
)
# a transcript's label before the title it gives ("Transcript: Press conference on ...",
# "TRANSCRIPT: \"Bridges for brains\" - returnees ..."): the form, not the title
_TRANSCRIPT_LABEL = re.compile(r"(?:TRANSCRIPT|Transcript)[ \t]*[:：][ \t]*")


def _title_marks_cut(title: str) -> str:
    """``title`` without a transcript's label, a markup's tag pair, wiki heading marks or
    Markdown's strong emphasis around all of it, a Markdown heading's marks before it or a
    wire's marks at its ends;
    ``title`` itself when nothing of two words would be left."""
    label = _TRANSCRIPT_LABEL.match(title.strip())
    if label is not None and len(title.strip()[label.end() :].split()) >= 2:
        title = title.strip()[label.end() :]
    m = _AROUND.fullmatch(title.strip())
    if m is None:
        return title
    cut = next(g for g in m.group(2, 4, 5, 6, 8) if g is not None)
    return cut if len(cut.split()) >= 2 else title


_BODY_LINES = 3  # how many lines over a page's title, or right under it, may name its issuer
# a heading's number before its words: "9  ", "Chapter 9  ", "4.1 "
_SECTION_LEAD = re.compile(r"(?:(?:Chapter|CHAPTER|Part|PART)\s+)?\d{1,3}(?:\.\d{1,2})*\.?\s+")


def _body_by_title(head: str, title: str, cfg: _Settings) -> str:
    """The body a page names on a line of its own over its title, or in the first field of
    a line right under it ("MINISTRY OF COMMERCE OF THE PEOPLE'S REPUBLIC OF CHINA" over
    "Department of ..." over the communiqué's title; "Ministry of Commerce ...     Communiqué
    [2013] No. 4" under it): the page's issuer; "" when none."""
    if not title:
        return ""
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
    at = next(
        (
            i
            for i, ln in enumerate(lines[:12])
            # (its section's number before it: "9  INTERNATIONAL SCIENCE AND ...")
            if ln.startswith(title[:40]) or _SECTION_LEAD.sub("", ln, 1).startswith(title[:40])
        ),
        None,
    )
    if at is None:
        return ""
    near = lines[max(0, at - _BODY_LINES) : at] + lines[at + 1 : at + 1 + _BODY_LINES]
    for line in near:
        field = _FIELD_SPLIT.split(line)[0].strip()
        if (
            field[:1].isupper()
            and not any(c.isdigit() for c in field)
            and not cfg.title["label_re"].fullmatch(field)  # ("PRESS RELEASE": a page's kind)
            # a body's name opens on its kind ("Ministry of ...", "National Bureau of ..."),
            # no clause's words ("Given at the Third Session of the Municipal Congress")
            and cfg.organisation_re.search(" ".join(field.split()[:3]))
            and _organisation_name(field, cfg)
        ):
            return _publisher_name(field)
    return ""


def _masthead_line(head: str, title: str, cfg: _Settings) -> str:
    """The body a page's first line names, over a title that stands lower on the page: its
    masthead ("THE NATURAL HISTORY MUSEUM, LONDON" over an exhibition's name and its panel's
    headline; "ROYAL TYRRELL MUSEUM OF PALAEONTOLOGY" over the bulletin's line and the
    story's headline); "" when the first line is the title or names no body."""
    first = next((ln.strip() for ln in head.splitlines() if ln.strip()), "")
    field = _FIELD_SPLIT.split(first)[0].strip()
    if (
        not title
        or not field
        or normalise_name(title).startswith(normalise_name(field))
        or any(c.isdigit() for c in field)
        or len(field.split()) > _MASTHEAD_WORDS
        or cfg.title["label_re"].fullmatch(field)
        or not _organisation_name(field, cfg)
    ):
        return ""
    return _publisher_name(field)


_MASTHEAD_WORDS = 8


def _first_line_title(text: str, publisher: str) -> str:
    """A page's title when nothing else names one: its first line that reads as one (2 to 16
    words, no date, clock, speaker's turn, column gap or sentence's stop), a masthead's bar-
    separated line without its publisher's and generic parts ("Radio Free Asia | Science
    Hour | Transcript": "Science Hour"); "" when none (a reader never sees a file's name
    where the page's head holds words for one)."""
    lines = [ln.strip() for ln in text[:2000].splitlines() if ln.strip()]
    for line in lines[:_FIRST_TITLE_LINES]:
        if _NOT_TITLE_LINE.match(line):
            continue
        tex = _TEX_COMMAND.fullmatch(line)
        if tex:
            # a LaTeX source's line: "\title{Statistical Summary of ... S\&T ...}" is its
            # words, unescaped; "\documentclass{article}" names no title
            if tex["command"] != "title":
                continue
            line = _TEX_ESCAPE.sub("", tex["words"])
        if "|" in line:
            parts = [p.strip() for p in line.split("|")]
            parts = [p for p in parts if p and p != publisher and not _GENERIC_PART.fullmatch(p)]
            line = " — ".join(parts)
        words = line.split()
        if len([w for w in words if _LETTER_WORD.fullmatch(w)]) < 2:
            # a wire's codes ("AFP-0417 4 AFR /AFP-ZX33/"), its slug ("China-Africa-locusts")
            continue
        if 2 <= len(words) <= 16 and not line.endswith((".", ",", ";")):
            return line
    return ""


_TEX_COMMAND = re.compile(r"\\(?P<command>[a-z]+)\*?(?:\[[^\]]*\])?\{(?P<words>.*)\}")
_TEX_ESCAPE = re.compile(r"\\(?=[%$&#_])")
_LETTER_WORD = re.compile(r"[^\W\d_][^\W\d_'’&.-]*(?:['’&.-][^\W\d_]+)*[.,:;'’]?")


def _transcript_head(original: str) -> tuple[str, str]:
    """(the episode's words in quotes, the programme's name) of a transcript whose first
    line is its masthead (:data:`_TRANSCRIPT_MASTHEAD`), the quotation the first among its
    next non-blank lines (:data:`_QUOTED_LINE`); ("", "") for any other page, and no
    episode's words when none is quoted."""
    lines = [ln for ln in original[:2000].splitlines() if ln.strip()][:_QUOTED_HEAD_LINES]
    masthead = _TRANSCRIPT_MASTHEAD.fullmatch(lines[0].strip()) if lines else None
    if masthead is None:
        return "", ""
    for line in lines[1:]:
        m = _QUOTED_LINE.match(line)
        if m and len(m["words"].split()) >= 2:
            return m["words"].strip(), masthead["series"].strip()
    return "", masthead["series"].strip()


_EPISODE_TITLE = re.compile(
    r"(?P<series>[^\W\d][^:|–—-]{2,60}?)\s*(?:[-–—:|,]\s*)(?:Episode|EPISODE|Ep\.)\s*\d{1,4}\b.*"
)
# a book's division label set apart before its heading by a wide blank: "Chapter 12
# International ... Cooperation" (a "Chapter 3. The People's Republic of China" heading
# written as one keeps it)
_CHAPTER_LABEL = re.compile(
    r"(?:Chapter|CHAPTER)\s+(?:\d{1,3}|[IVXLC]+)(?:[ \t]{2,}|\t)(?=[A-Z“\"‘'])"
)
# a table's number set apart before its caption: "21-28  Foreign Experts" (it reads as a range)
_TABLE_NUMBER = re.compile(r"\d{1,2}-\d{1,3}\s{2,}(?=[A-Z])")
# a sentence's end inside a line ("... experience. By continuing ..."): prose, not a headline
_INNER_SENTENCE = re.compile(r"([A-Za-z][A-Za-z.]*)[.!]\s+[A-Z]")


def _two_sentences(line: str, abbreviations: frozenset[str]) -> bool:
    for m in _INNER_SENTENCE.finditer(line):
        word = m.group(1).rsplit(".", 1)[-1]
        if len(word) > 1 and word not in abbreviations:
            return True
    return False


def _headline(para: str, words: int, cfg: _Settings, first: bool = False) -> bool:
    """A single line that reads as a headline: enough words and not too many, not ending as
    a sentence, not a page's fields set apart by wide spaces, not two sentences, not only a
    label ("Chapter 2", "TRANSCRIPT"); ``first``: the page's first block (:func:`_headline_end`)."""
    t = cfg.title
    number = _SECTION_NUMBER.match(para)
    if number:
        para = para[number.end() :]
        words = len(para.split(None, t["max_words"] + 1))
    if not t["min_words"] <= words <= t["max_words"] or not _headline_end(para, words, first):
        return False
    if re.search(r"\S\s{3,}\S", para) or re.search(r"[a-z]\s{2,}[A-Z]|[A-Z]{2}\s{2,}[A-Z]", para):
        return False
    if t["label_re"].fullmatch(para) or t["not_title_re"].fullmatch(para):
        return False
    if ":" in para and numbering().field_line.search(para):
        return False  # a blog's or a forum's bar: "Blog of ...  |  Posts: 214  |  Visits: 86,402"
    if _CLOCK_OPENING.match(para) or _DAY_ALONE.fullmatch(para) or _STAMPED.search(para):
        # a programme's slot or its day: "08:30-09:15  Registration (Foyer, Level 2)",
        # "MONDAY, 18 OCTOBER"
        return False
    # (a headline in title case may hold two: "Analysis: China Is Buying Less Know-How. Can It
    # Make Its Own?")
    return not _two_sentences(para, cfg.abbreviations) or _title_case(para)


def _title_case(line: str) -> bool:
    """Whether a line is set in title case: four words of four letters or more, each
    capitalised (and not all in capitals)."""
    long = _LONG_WORD.findall(line)
    return len(long) >= 4 and all(w[0].isupper() for w in long) and not line.isupper()


_LONG_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]{4,}")
# a line whose every word of four letters or more is capitalised, a headline's run-on ("Cooperation
# of Fujian Province, 2015")
_TITLE_CASE_RUN = re.compile(r"[A-Z][\w'’-]*(?:[ ,]+(?:[A-Z][\w'’-]*|[a-z]{1,3}|\d{4}|&))*")


_DAY_ALONE = re.compile(
    rf"(?:day\s+\d{{1,2}}\s*[-–—:,]?\s*)?(?:{'|'.join(dating.WEEKDAYS)}),?\s*(?:\d{{1,2}}\s+(?:{MONTH_RE})"
    rf"|(?:{MONTH_RE})\s+\d{{1,2}})(?:,?\s+{YEAR_RE})?",
    re.I,
)
# a year and a clock time in one line: a stamp ("Broadcast: October 16, 2012, 21:30 Beijing
# time (repeat 03:30)"), never a headline
_STAMPED = re.compile(r"\b(?:19|20)\d\d\b.{0,40}?\b\d{1,2}:[0-5]\d\b")
_CLOCK_OPENING = re.compile(r"\d{1,2}[:.][0-5]\d(?:\s*[ap]\.?m\.?)?\s*(?:[-–—]|to\b|\s{2,})")


def _title_paragraph(
    paras: list[tuple[int, int, int]], text: str, cfg: _Settings, nav: tuple[str, ...] = ()
) -> int | None:
    """Which block of lines holds the title: the first single line that reads as a headline
    (:func:`_headline`) among the first ``look_ahead`` blocks, before the first block of
    prose, or a headline wrapped over two or three lines (:func:`_title_block` "wrapped");
    when there is neither, the first block of a headline over its deck (a headline line and a
    line or two more, none a sentence); None when there is none (the title is then the file's
    name)."""
    t = cfg.title
    cap = t["max_words"] + 1
    deck = section = kicked = None
    for n, (s, e, n_lines) in enumerate(paras[: t["look_ahead"]]):
        para = text[s:e]
        if n_lines == 1:
            words = len(para.split(None, cap))
            if _headline(para, words, cfg, n == 0):
                if _VOLUME_OR_SLOT.match(para):
                    # a proceedings volume's name or a session's slot over a paper's title
                    # ("Proceedings of the Fourth Symposium on ...", "Session 3B (Room 302)"):
                    # the title if no headline follows
                    section = n if section is None else section
                    continue
                if words <= 4 and (
                    set(para.lower().split()) <= t["section_set"] or _nav_field(para, text, s, nav)
                ):
                    # a section's name ("Press Releases"): the title if no headline follows
                    section = n if section is None else section
                    continue
                if _DIVISION.match(para) or _kicker(para, words, paras, n, text, cfg):
                    # a book's division with its name over a table's or an article's own
                    # headline ("Chapter 9  International Exchanges ..." over "Table 9-6
                    # Students Studying Abroad ..."): the title if no headline follows
                    section = n if section is None else section
                    continue
                if _over_headline(words, paras, n, text, cfg):
                    # a section's or a column's name over the headline ("Insight & Opinion",
                    # "China politics & policy"): the title if no headline follows
                    section = n if section is None else section
                    kicked = n + 1
                    continue
                if deck is not None and _SECTION_NUMBER.match(para):
                    # the first numbered section ("I. MAIN WORK IN 2015") under a headline over
                    # its deck ("Summary of Work in 2015 and Work Plan for 2016" / "(International
                    # Science and Technology Cooperation)"): the headline above is the title
                    return deck
                return n
            if words >= t["prose_words"] or (words > 12 and _SENT_END.search(para)):
                return deck if deck is not None else section  # prose: the title stood above it
        else:
            if _caption_line(para, cfg) or _heading_run_in(para, cfg):
                return n
            if _RULE_LINE.fullmatch(para[: para.find("\n")].strip()):
                continue  # a block opening on a rule ("-----" over a book's division line)
            kind = _title_block(para, cfg)
            if kind in ("wrapped", "labelled", "named", "stamped") or (
                kind == "deck" and n == kicked
            ):
                return n  # (a headline over its deck under a section's name: the title)
            if kind == "deck" and deck is None:
                deck = n
            if len(para.split(None, t["prose_words"])) >= t["prose_words"] and not _link_block(
                para
            ):
                return deck if deck is not None else section
    return deck if deck is not None else section


def _caption_line(para: str, cfg: _Settings) -> bool:
    """Whether a block of lines opens with a table's numbered caption ("10-3  Technology Import
    Contracts, 2006-2011" over its unit line and rows): a print page of tables is titled by
    its first table's caption when no headline stands above it."""
    first = para.split("\n", 1)[0].strip()
    number = _TABLE_NUMBER.match(first)
    if not number or number.end() >= len(first):
        return False
    rest = first[number.end() :]
    return _headline(rest, len(rest.split(None, cfg.title["max_words"] + 1)), cfg)


def _heading_run_in(para: str, cfg: _Settings) -> bool:
    """Whether a block opens with a heading in capitals set right over its text, no blank line
    between (an encyclopedia's entry "OCEAN DRILLING, CHINA'S PARTICIPATION IN" over its
    article's lines, a print page's headline over its columns): the heading's line reads as a
    headline, names no body, and two or more lines in lower case follow it."""
    lines = para.split("\n")
    if len(lines) < 3:
        return False
    first = lines[0].strip()
    if not first.isupper() or cfg.organisation_re.search(first):
        return False
    # (lines of prose, not a list of links under a section's name: "EXCHANGES WORK" / "  ·
    # Policies and Regulations")
    if not all(_LOWER_RUN.search(ln) and len(ln.split()) >= 6 for ln in lines[1:3]):
        return False
    if _link_block(para):
        return False
    return _headline(first, len(first.split(None, cfg.title["max_words"] + 1)), cfg)


def _byline_head(original: str, cfg: _Settings) -> str:
    """The headline a page sets over its byline ("China Plans to Send Thousands of Scholars
    Abroad" / "By FOX BUTTERFIELD"; a wire's "^China Says ... Abroad<" / "^By ROBERT
    KELLEHER="), past a deck (a sentence) between them, read from the page as written (cleaning
    may have cut the byline): the line must read as a headline in title case or capitals; the
    byline stands within the page's first ``_BYLINE_REACH`` lines. "" when there is none."""
    lines = original.split("\n", _BYLINE_REACH)[:_BYLINE_REACH]
    for i, raw in enumerate(lines):
        if not _HEAD_BYLINE.fullmatch(raw.strip(_WIRE_MARKS + " \t\r")):
            continue
        for above in reversed(lines[:i]):
            line = above.strip(_WIRE_MARKS + " \t\r")
            if not line:
                continue
            words = len(line.split(None, cfg.title["max_words"] + 1))
            if _SENT_END.search(line) or words > cfg.title["max_words"]:
                continue  # the deck between headline and byline
            if _headline(line, words, cfg) and (
                _title_case(line)
                or (line.isupper() and words > 3)
                # (a wire's marked line is its headline in any case: "^China, India sign
                # first science pact since border war@")
                or above.lstrip().startswith("^")
            ):
                return line
            return ""
        return ""
    return _marked_head(lines[:_MARKED_REACH], cfg)


_BYLINE_REACH = 60
_MARKED_REACH = 8  # how many lines of a page's head a wire's marked headline may stand in


def _marked_head(lines: list[str], cfg: _Settings) -> str:
    """A wire's headline marked as such at its line's ends ("^China says 54 nations now have
    science pacts, Pakistan deal signed<") among ``lines`` with no byline under it; not its
    slug ("^AM-China-Students, Bjt,610<", "^PM-China-Soviets,0486^"); "" when there is none."""
    for raw in lines:
        stripped = raw.strip(" \t\r")
        if not (stripped.startswith("^") and stripped[-1:] in "<@"):
            continue
        line = stripped.strip(_WIRE_MARKS + " ")
        words = len(line.split(None, cfg.title["max_words"] + 1))
        if (
            4 <= words <= cfg.title["max_words"]
            and not _WIRE_SLUG_WORD.search(line)
            and not _HEAD_BYLINE.fullmatch(line)
            and _headline(line, words, cfg)
        ):
            return line
    return ""


_WIRE_SLUG_WORD = re.compile(r"\b\w+-\w+-\w+\b")


def _over_byline(
    paras: list[tuple[int, int, int]], text: str, cfg: _Settings, head: str
) -> tuple[int, int, int] | None:
    """(block, start, end) of the line ``head`` (:func:`_byline_head`) among the page's first
    ``title.look_ahead`` blocks, or None."""
    if not head:
        return None
    for n, (s, e, _) in enumerate(paras[: cfg.title["look_ahead"]]):
        at = text.find(head, s, e)
        if at >= 0:
            return n, at, at + len(head)
    return None


# a byline on a line of its own: "By FOX BUTTERFIELD", "by Our Correspondent Wang Xin", "By Li
# Jianing", "By ROBERT KELLEHER" (names begin in capitals; "By December, eight ..." is prose)
_HEAD_BYLINE = re.compile(
    r"[Bb][Yy]\s+(?:[Oo]ur\s+)?(?:[A-Z][\w.'’-]*\s*){1,4}(?:,\s*[A-Z][\w ]{1,40})?"
)
# a wire's line marks (AP DataStream: "^China Says ...<", "^By ROBERT KELLEHER="; a UPI
# database's "^China, India sign ...@")
_WIRE_MARKS = "^<=@"


_VOLUME_OR_SLOT = re.compile(r"(?:proceedings\s+of|session\s+[\w.-]{1,5}\b\s*[:(])", re.I)


def _over_headline(
    words: int, paras: list[tuple[int, int, int]], n: int, text: str, cfg: _Settings
) -> bool:
    """Whether a short line (at most ``title.kicker_words`` words) stands over a headline at
    least twice its length and at most ``title.kicker_headline_words`` words, next to it (on a
    line of its own, or over its deck): a section's or a column's name, not the headline."""
    if words > cfg.title.get("kicker_words", 0) or n + 1 >= len(paras):
        return False
    s, e, n_lines = paras[n + 1]
    nxt = text[s:e]
    if n_lines == 2 and _title_block(nxt, cfg) == "deck":
        nxt = nxt.split("\n", 1)[0].strip()  # a headline over its deck
    elif n_lines != 1:
        return False
    nxt_words = len(nxt.split(None, cfg.title["max_words"] + 1))
    if nxt_words > cfg.title.get("kicker_headline_words", 0):
        return False  # a deck's long line under a short headline: "... writes our correspondent"
    return nxt_words >= 2 * words and _headline(nxt, nxt_words, cfg)


def _nav_field(para: str, text: str, at: int, nav: tuple[str, ...] = ()) -> bool:
    """Whether a short line repeats a field of a navigation bar above it (fields apart by wide
    spaces or bars, four or more; ``nav``: the bars cleaning removed from the page's head):
    the name of the page's section ("Tech & Sci" under "LIVE   China   World   Business   Tech
    & Sci   Culture ...")."""
    for line in (*nav, *text[:at].splitlines()[-8:]):
        if para in line:
            fields = [f.strip() for f in _FIELD_SPLIT.split(line.strip()) if f.strip()]
            if len(fields) >= 4 and para.strip() in fields:
                return True
    return False


def _kicker(
    para: str, words: int, paras: list[tuple[int, int, int]], n: int, text: str, cfg: _Settings
) -> bool:
    """A section's name in capitals over a print page's or a magazine's headline ("CULTURE AND
    SCIENCE" over "Scientific Exchanges With / Other Countries Widen"): at most four words in
    capitals, the next block a headline not in capitals (one line, or two or three wrapped); a
    section's code and name in capitals, of any length, over a headline in any case ("A3.
    CHINA: FOREIGN RELATIONS - GENERAL" over "WIDENING SCIENTIFIC ... EXCHANGES"), but not a
    chapter's number of digits alone ("6. CHINA'S INTEGRATION ..."): the chapter is the title."""
    if not para.isupper() or n + 1 >= len(paras):
        return False
    coded = _SECTION_CODE.match(para)
    if words > 4 and not coded:
        return False
    s, e, n_lines = paras[n + 1]
    nxt = text[s:e]
    if nxt.isupper() and not coded:
        return False
    if coded and para[0].isdigit():
        # a chapter's number (digits alone) and name over one of its sections ("6. CHINA'S
        # INTEGRATION INTO THE GLOBAL INNOVATION SYSTEM" over "6.3. Technology imports and
        # ..."): the chapter's name is the page's title
        return False
    if n_lines == 1:
        return _headline(nxt, len(nxt.split(None, cfg.title["max_words"] + 1)), cfg)
    # (a headline wrapped, or over its deck: "BUSINESS: TECHNOLOGY" over "Torch Bearers" /
    # "Beijing's high-tech zones are wooing foreign partners, and some are biting")
    return _title_block(nxt, cfg) in ("wrapped", "deck")


# a section's code before its name: "A3. ", "4. ", "IV. "
_SECTION_CODE = re.compile(r"(?:[A-Z]\d{1,2}|\d{1,2}|[IVXLC]{1,6})\.\s+[A-Z]")


# a book's division, its number and its name: "Chapter 9  International Exchanges and ...",
# "SECTION 11 International Scientific ...", "Part II: Partners"
_DIVISION = re.compile(r"(?:chapter|section|part)\s+(?:\d{1,3}|[IVXLC]{1,6})\b[.:]?\s+\S", re.I)


# a word a headline does not end on: a line that ends with one wraps on to the next line
_WRAP_WORDS = frozenset(
    "a an and the of in on for with to at by from as or nor into over under between among "
    "its their his her our new".split()
    # ... nor on a modifier that needs its noun ("... of Hubei Provincial International" /
    # "Science and Technology Cooperation Bases", "... at the Third China-Latin" / "America
    # and the Caribbean ...": the last part of a compound read)
    + "international national provincial municipal scientific technological technical joint "
    "bilateral multilateral intergovernmental latin".split()
)


def _wraps_on(line: str) -> bool:
    """Whether a headline's line stops on a word a headline does not end on (the last part of
    a compound read: "China-Latin"), so that it runs on into the next line."""
    words = line.split()
    return bool(words) and words[-1].lower().rsplit("-", 1)[-1] in _WRAP_WORDS


_TITLE_BROKEN_TAIL = re.compile(r"[A-Za-z]+")


def _title_word_broken(head: str, line: str) -> bool | None:
    """How a headline line ending on a hyphen after a word runs on into the next: True when
    the two parts join into a word ("COLLAB-" / "ORATION IN SIGHT": the hyphen goes), False
    when they do not (a compound's hyphen stays, no blank after it: "SINO-" / "JAPANESE
    TALKS"), as a body's broken words are read (:func:`_broken_words`); None when the line
    ends on no such hyphen."""
    first = _BROKEN_HEAD.search(head)
    second = _TITLE_BROKEN_TAIL.match(line)
    if first is None or second is None:
        return None
    from analysis.dictionary import is_word  # (its word list loads only when needed)

    a, b = first.group(1).lower(), second.group(0).lower()
    return is_word(a + b) or not is_word(b)


def _headline_cut(para: str, cfg: _Settings) -> int:
    """Where a headline over its deck ends in its block: after its first line, or after the
    second when the first stops on a word a headline does not end on and the two read as
    one headline ("Notice on the Approval of the Fourth Batch of Hubei Provincial
    International" / "Science and Technology Cooperation Bases" / "E Ke Ji Fa [2016] No. 37")."""
    cut = para.index("\n")
    first = para[:cut].strip()
    nxt = para.find("\n", cut + 1)
    nxt = len(para) if nxt < 0 else nxt
    second = para[cut + 1 : nxt].strip()
    if (
        first
        and nxt < len(para)
        and second[:1].isupper()
        and _wraps_on(first)
        and not _SENT_END.search(second)
    ):
        joined = f"{first} {second}"
        if _headline(joined, len(joined.split(None, cfg.title["max_words"] + 1)), cfg):
            return nxt
    return cut


def _title_lines(para: str, cfg: _Settings) -> list[str]:
    """The lines of a block at a page's top, without a speaker's office set between the
    headline's parts: "Speech by H.E. Mr. Liu Yanhua" / "Vice Minister of Science and
    Technology" / "at the Opening Ceremony of ..." reads "Speech by ... at the Opening
    Ceremony of ..." (an office line, ``corpus.yaml`` ``title.office_lines``, followed by a
    line that runs on in lower case)."""
    lines = [ln.strip() for ln in para.splitlines()]
    office = cfg.title["office_re"]
    if len(lines) == 3 and lines[2][:1].islower() and office.fullmatch(lines[1]):
        return [lines[0], lines[2]]
    return lines


def _title_block(para: str, cfg: _Settings) -> str:
    """How a block of two or three lines at a page's top reads as its title: "wrapped" (one
    headline broken over lines: every break comes after a word or a mark a headline does not
    end on, "China and Africa Deepen Science / and Technology Partnership", or before a word
    in lower case), "deck" (a headline line over one or two lines of its deck, none a sentence
    and each short), "stamped" (a headline line over its stamp's or tools' field lines, kept
    as body) or "" (a block of names, of fields or of prose)."""
    lines = _title_lines(para, cfg)
    if not 2 <= len(lines) <= 3 or not all(lines):
        return ""
    t = cfg.title
    if (
        all(_field_line(ln) and not _ISSUE_MARK.search(ln) for ln in lines[1:])
        and _headline(lines[0], len(lines[0].split()), cfg)
        and not cfg.organisation_re.search(lines[0])
    ):
        # a headline over its stamp or tool lines ("Date: 2014-11-06    Views: 3,417"); not a
        # body's name over its address, nor a serial's over its issue ("No. 5 | pp. 41-48")
        return "stamped"
    if (
        len(lines) == 2
        and _HEAD_BYLINE.fullmatch(lines[1])
        and _headline(lines[0], len(lines[0].split()), cfg)
    ):
        # a headline over its byline ("... as Exchanges Widen" / "By JOHN M. HARLAN")
        return "stamped"
    if (
        len(lines) == 2
        and lines[1].lower() in t["page_kind_set"]
        and not _SENT_END.search(lines[0])
    ):
        return "named"  # a body's or an event's name over its page's kind
    if len(lines) == 2 and _kicked_line(lines, cfg):
        return "labelled"  # a section's name in capitals right over the headline
    if _kind_label(lines[0], cfg) and not lines[1].startswith(_DECK_DASHES):
        rest = " ".join(lines[1:])
        if not any(ln.isupper() for ln in lines[1:]) and _headline(rest, len(rest.split()), cfg):
            return "labelled"
    joined = " ".join(lines)
    words = len(joined.split())
    if any(
        a.isupper() and not b.isupper() and b[0].islower() for a, b in itertools.pairwise(lines)
    ):
        # a name in capitals over its tagline in lower case ("SEA TURTLES & SEAWEED" / "notes
        # from a returnee in Hangzhou"): a blog's or a column's name, no headline run on
        return ""
    if joined.endswith(":"):
        # an address to the notice's recipients ("To the science and technology bureaus of
        # all cities, ... concerned:"), a lead-in to what follows: no headline
        return ""
    wrapped = (
        all(
            _wraps_on(a)
            or a.endswith((",", ":", "-", "–", "—"))
            or b[0].islower()
            or b.split(None, 1)[0].lower() in _RUN_ON_OPENERS
            for a, b in zip(lines, lines[1:], strict=False)
        )
        or (
            # a headline in title case hard-wrapped at a page's width, its second line still in
            # title case ("Statistical Communique on International and Cross-Strait Science and
            # Technology" / "Cooperation of Fujian Province, 2015")
            len(lines) == 2
            and len(lines[0]) >= 60
            and _title_case(lines[0])
            and _TITLE_CASE_RUN.fullmatch(lines[1]) is not None
            and not _organisation_name(lines[1], cfg)  # (a department's line under its headline)
        )
        or (
            # a headline in capitals set the width of its column ("OPENING THE LABORATORY DOOR: THE
            # POLITICS OF CHINA'S INTERNATIONAL" / "SCIENTIFIC AND TECHNOLOGICAL COOPERATION, ...")
            joined.isupper()
            and len(lines[0].split()) >= 6
            and not cfg.organisation_re.search(joined)
        )
    )
    if wrapped:
        # a label run on into its words ("Answer / of the Federal Government") is no headline
        if t["label_re"].fullmatch(lines[0]):
            return ""
        return "wrapped" if _headline(joined, words, cfg) else ""
    first = lines[0]
    if not _headline(first, len(first.split()), cfg):
        return ""
    rest = lines[1:]
    # a deck line set after a dash ("— Delivered at the Fourth Session of ...") is a deck's
    # even under a headline that names a body ("Report on the Work of the Government")
    # (or framed by hyphens, as Korean releases set it: "- The two sides pick 15 projects -")
    dashed = rest[0].startswith(_DECK_DASHES) or (
        rest[0].startswith("- ") and rest[0].endswith(" -")
    )
    if (
        all(
            len(ln.split()) <= t["max_words"]
            and not _SENT_END.search(ln)
            # (a deck in brackets: "(International Science and Technology Cooperation)")
            and ln.lstrip("—–- \"“‘'(")[:1].isupper()
            for ln in rest
        )
        and (dashed or not cfg.organisation_re.search(first))
    ):
        return "deck"
    return ""


def _kicked_line(lines: list[str], cfg: _Settings) -> bool:
    """Whether the first of two lines is a section's name in capitals (at most
    ``title.kicker_words`` words) set right over a headline not in capitals, at least twice its
    length and at most ``title.kicker_headline_words`` words ("COVER STORY" / "Ten Years, 8,300
    Graduates: XJTLU Looks Back"): the kicker rule of :func:`_kicker`, no blank line between."""
    head, nxt = lines
    words, nxt_words = len(head.split()), len(nxt.split())
    t = cfg.title
    return (
        head.isupper()
        and " ".join(head.lower().split()) in t.get("kicker_name_set", ())
        and words <= t.get("kicker_words", 0)
        and not nxt.isupper()
        and 2 * words <= nxt_words <= t.get("kicker_headline_words", 0)
        and not _SENT_END.search(nxt)
        and _headline(nxt, nxt_words, cfg)
    )


_DECK_DASHES = ("—", "–", "--")  # "— Delivered at ...", "-- Remarks by ..."
_FIELD_MARK = re.compile(r"\w:\s|\[[^\]]*\]|\d{4}")


def _field_line(line: str) -> bool:
    """A line of a page's fields, not of words: two or more fields set apart by wide spaces or
    bars, one a label's ("Date: ...") or a link's ("[Print]") or holding a year ("Source:
    Department of ...    Date: 2014-11-06    Views: 3,417", "www.chinaview.cn   2009-03-26
    10:18:47   [Print] [Close]"), and no sentence."""
    if _SENT_END.search(line):
        return False
    fields = [f for f in _FIELD_SPLIT.split(line.strip()) if f]
    return len(fields) >= 2 and _FIELD_MARK.search(line) is not None


def _link_block(para: str) -> bool:
    """A block of links or fields, no prose however many words it has: no line ends a
    sentence and half its lines or more are short items ("  · Policies and Regulations"),
    bars of links ("[ Home ] [ Embassy News ] ...", "Home | About | News") or fields."""
    lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
    if any(_SENT_END.search(ln) for ln in lines):
        return False
    items = sum(
        len(ln.split()) <= 5 or _field_line(ln) or ln.count("|") >= 2 or ln.count("[") >= 3
        for ln in lines
    )
    return 2 * items >= len(lines)  # (a site's name over its bar of links: "Embassy of ...")


def _kind_label(line: str, cfg: _Settings) -> bool:
    """A page kind's label in capitals on a line of its own over the headline: a label word
    (``corpus.yaml`` ``title.labels``) alone or with "of" and a few words ("TRANSCRIPT OF
    PRESS CONFERENCE", "PRESS RELEASE")."""
    if not line.isupper():
        return False
    label = re.split(r"\s+OF\s+", line, maxsplit=1)
    if len(label) == 2 and len(label[1].split()) > 3:
        return False
    return bool(cfg.title["label_re"].fullmatch(label[0]))


def structure(
    text: str, nav: tuple[str, ...] = (), byline_head: str = ""
) -> tuple[str, str, list[Sentence]]:
    """Title, subtitle and the sentences (title, headings, body) of a cleaned text (``nav``:
    the navigation bars cleaning removed from the page's head, :func:`_nav_field`;
    ``byline_head``: the line over the page's byline, :func:`_byline_head`)."""
    cfg = settings()
    spans: list[tuple[int, int, str]] = []  # made Sentences at the end (_sentences)
    title = subtitle = ""
    # words are only compared with these limits: count up to one more than the largest
    cap = max(40, cfg.heading["max_words"], cfg.heading["numbered_max_words"]) + 1
    paras = _paragraphs(text)
    first = paras[0] if paras else None
    entry = _ENTRY.match(text, first[0], first[1]) if first else None
    entry_at = 0  # the block the entry opens
    if first and not entry:
        # an entry under a book's name or running header ("ENCYCLOPEDIA OF ..., 2nd ed.
        # (2011)   vol. 2, p. 415" over "SINO-GERMAN ... COOPERATION. Bilateral ..."): the
        # first block of prose, when the blocks above it are short lines
        for k, para in enumerate(paras[1:3], 1):
            if len(text[para[0] : para[1]].split()) >= 20:
                head = _ENTRY.match(text, para[0], para[1])
                # (its gloss in lower case: a cable's paragraph in capitals is no entry)
                if (
                    head
                    and len(head.group(1).split()) >= 2
                    and _LOWER_RUN.search(text, head.end(), para[1])
                ):
                    first, entry = para, head
                    entry_at = k
                break
            if para[2] > 2 or len(text[para[0] : para[1]].split()) > 16:
                break
    if first and not entry:
        entry = _GLOSS_ENTRY.match(text, first[0], first[1])
        if entry and len(entry.group(1).split()) > 12:
            entry = None
    if first and not entry:  # a reviewed book's head: "Title. By AUTHOR. [Place: Press, ...]"
        entry = _REVIEW_HEAD.match(text, first[0], first[1])
    if entry and re.fullmatch(r"[IVXLC]+", entry.group(1)):
        entry = None  # a section's roman number ("VI. International Cooperation")
    if entry:
        title_at = None
    else:
        title_at = _title_paragraph(paras, text, cfg, nav)
        if title_at is None and first and first[2] == 1:  # the first line, as a headline ends
            words = len(text[first[0] : first[1]].split(None, cap))
            line = text[first[0] : first[1]]
            if (
                words <= 40
                # a short headline set with a full stop ("China, Africa deepen science
                # partnership.") over the text is a headline still
                and (
                    _headline_end(line, words)
                    or (words <= 10 and line.endswith(".") and not any(c.isdigit() for c in line))
                )
                and (not _two_sentences(line, cfg.abbreviations))
                and len(paras) > 1
                and any(c.isalpha() for c in line)  # a rule line ("_____") is no headline
            ):
                title_at = 0
    over_byline = None
    if title_at is None and not entry:
        over_byline = _over_byline(paras, text, cfg, byline_head)
    for n, (s, e, n_lines) in enumerate(paras):
        para = text[s:e]
        words = len(para.split(None, cap)) if n_lines == 1 else 0
        if over_byline is not None and over_byline[0] == n:
            # the headline's line over the byline: the lines above it stay the body's
            _, a, b = over_byline
            spans.extend([(x, y, "body") for x, y in split_sentences(text, s, a)])
            title = text[a:b].strip(_WIRE_MARKS + " ")
            spans.append((a, b, "title"))
            spans.extend([(x, y, "body") for x, y in split_sentences(text, b, e)])
            continue
        if n == entry_at and entry:  # a reference book's entry: "STUDENTS ABROAD. From 1978 ..."
            title = re.sub(r"\s+", " ", re.sub(r"-\r?\n", "", entry.group(1))).strip()
            if (
                "qualifier" in entry.re.groupindex
                and entry.group("qualifier")
                and _ENDS_ON_PREPOSITION.search(title)
            ):
                # an inverted headword runs on into its bracket ("... COOPERATION IN (China)");
                # any other bracket is a gloss ("(keji waijiao)", "(Lao-Yoeraman)")
                title += " " + entry.group("qualifier").strip()
            spans.append((s, s + entry.end(1) + 1, "title"))
            s += entry.end()
        elif n == title_at:
            caption = n_lines > 1 and (_caption_line(para, cfg) or _heading_run_in(para, cfg))
            number = (
                _SECTION_NUMBER.match(para)
                or _CHAPTER_LABEL.match(para)
                or _BARE_CHAPTER_NUMBER.match(para)
            )
            if number:  # "VI. International Cooperation": the section's number is not its title
                s += number.end()
                para = text[s:e]
            if n_lines > 1:
                if caption:  # a table's numbered caption over its table (number cut above)
                    cut = para.index("\n")
                    title = para[:cut].strip()
                    spans.append((s, s + cut, "title"))
                    spans.extend([(a, b, "body") for a, b in split_sentences(text, s + cut + 1, e)])
                    continue
                kind = _title_block(para, cfg)
                if kind == "named":  # "Sino-German Center ..." / "Frequently Asked Questions"
                    title = ": ".join(ln.strip() for ln in para.splitlines())
                    spans.append((s, e, "title"))
                    continue
                if kind == "labelled":  # the page's kind over its headline: the headline
                    cut = para.index("\n")
                    title = " ".join(para[cut:].split())
                    spans.append((s, s + cut, "heading"))
                    spans.append((s + cut + 1, e, "title"))
                    continue
                if kind == "stamped":  # the headline's line; its stamp is no deck
                    cut = para.index("\n")
                    title = para[:cut].strip()
                    spans.append((s, s + cut, "title"))
                    spans.extend([(a, b, "body") for a, b in split_sentences(text, s + cut + 1, e)])
                    continue
                if kind == "deck":  # the headline's line is the title, the lines under it its deck
                    cut = _headline_cut(para, cfg)
                    title = " ".join(para[:cut].split())
                    subtitle = " ".join(para[cut:].split())
                    spans.append((s, s + cut, "title"))
                    spans.append((s + cut + 1, e, "heading"))
                    continue
                # (a line that ends on a dash runs on without a space: "Program--" / "Payoffs";
                # a word a scan broke over the lines is joined: "COLLAB-" / "ORATION")
                title = ""
                for line in _title_lines(para, cfg):
                    broken = _title_word_broken(title, line) if title else None
                    if broken is not None:
                        title = (title[:-1] if broken else title) + line
                        continue
                    title += ("" if not title or title.endswith(("--", "—")) else " ") + line
                title = " ".join(title.split())
            else:
                title = para.strip()
            if cfg.subtitle_re:
                parts = cfg.subtitle_re.split(title, maxsplit=1)
                if len(parts) == 2:
                    title, subtitle = parts[0].strip(), parts[1].strip()
            spans.append((s, e, "title"))
            continue
        if n_lines == 1 and not para.startswith(("-", "•", "*")):
            numbered = bool(_NUMBERED.match(para))
            plain = words <= cfg.heading["max_words"] and not _SENT_END.search(para)
            if plain or (numbered and words <= cfg.heading["numbered_max_words"]):
                number = _TABLE_NUMBER.match(para)
                if number and number.end() < len(para):  # "21-28  Foreign Experts": its text
                    s += number.end()
                spans.append((s, e, "heading"))
                continue
        if n_lines > 1:
            lines = _labelled_lines(text, s, e, cfg)
            if lines is not None:
                spans.extend(lines)
                continue
        got = split_sentences(text, s, e)
        if (
            got
            and spans
            and spans[-1][2] == "body"
            and text[spans[-1][1] - 1] == ":"
            and para.startswith(("-", "•", "*"))
        ):
            # a list set apart under the sentence that announces it ("In the next three
            # years, China will:" / "- launch 100 joint research ... projects;"): one
            # sentence with it, as when no blank line stands between
            a = spans.pop()[0]
            got[0] = (a, got[0][1])
        spans.extend([(a, b, "body") for a, b in got])
    return title, subtitle, _sentences(text, spans)


def _labelled_lines(text: str, s: int, e: int, cfg: _Settings) -> list[tuple[int, int, str]] | None:
    """The spans of a box of labelled figures, one line each ("Partner institutions: 186" /
    "Joint research centres — 14" / "Students sent abroad in 2016: 962"), or None when the
    block is no such box (fewer than two such lines, or fewer than half its lines). Its lines
    carry no sentence's end, so the splitter would run them into one sentence, and a line's
    bracketed year or its label would pass to the next line's figure. A short line without
    figures over the box is its heading ("HUMS AT A GLANCE"); other lines are prose."""
    marks = text.count(":", s, e) + text.count(" —", s, e) + text.count(" –", s, e)
    if marks + text.count(" -", s, e) < 2:
        return None  # (two labels at least: most paragraphs are passed over here)
    lines = []
    a = s
    while a < e:
        b = text.find("\n", a, e)
        b = e if b < 0 else b
        if text[a:b].strip():
            lines.append((a, b))
        a = b + 1
    labelled = [tables.labelled_line(text[a:b].strip()) for a, b in lines]
    if sum(labelled) < 2 or sum(labelled) * 2 < len(lines):
        return None
    out: list[tuple[int, int, str]] = []
    run: tuple[int, int] | None = None  # prose lines between labelled ones
    for (a, b), is_label in zip(lines, labelled, strict=True):
        if not is_label:
            run = (run[0] if run else a, b)
            continue
        if run:
            out.extend(_prose_or_heading(text, *run, cfg, first=not out))
            run = None
        out.append(_trimmed(text, a, b)[:2] + ("body",))
    if run:
        out.extend(_prose_or_heading(text, *run, cfg, first=False))
    return out


def _prose_or_heading(
    text: str, a: int, b: int, cfg: _Settings, first: bool
) -> list[tuple[int, int, str]]:
    """The spans of the lines ``text[a:b]`` of a box that label no figure: a short line
    without figures (but in brackets) over the box's first labelled line is its heading
    ("HUMS AT A GLANCE (2016/17)"); other lines are sentences."""
    a, b, n_lines = _trimmed(text, a, b)
    line = text[a:b]
    if (
        first
        and n_lines == 1
        and len(line.split()) <= cfg.heading["max_words"]
        and not _SENT_END.search(line)
        and not any(c.isdigit() for c in _BRACKETED.sub("", line))
    ):
        return [(a, b, "heading")]
    return [(x, y, "body") for x, y in split_sentences(text, a, b)]


_BRACKETED = re.compile(r"\([^)]*\)")


def _sentences(source: str, spans: list[tuple[int, int, str]]) -> list[Sentence]:
    """``[Sentence.span(source, a, b, kind) for a, b, kind in spans]``, each sentence made
    by setting its slots through their descriptors: ``Sentence.span`` (its ``__init__``
    and six ``object.__setattr__``) cost twice as much, for every sentence of a corpus."""
    new = object.__new__
    set_start, set_end, set_kind = (
        Sentence.start.__set__,
        Sentence.end.__set__,
        Sentence.kind.__set__,
    )
    set_source, set_own = _Span._source.__set__, _Span._own.__set__
    out = []
    append = out.append
    for a, b, kind in spans:
        sent = new(Sentence)
        set_start(sent, a)
        set_end(sent, b)
        set_kind(sent, kind)
        set_source(sent, source)
        set_own(sent, False)
        append(sent)
    return out


# --------------------------------------------------------------------------- reading
def read_catalog(folder: Path) -> dict[str, dict]:
    """``folder/catalog.yaml`` validated against its schema; {} when there is none."""
    import yaml

    from analysis.config import read_yaml, validate

    path = folder / "catalog.yaml"
    if not path.exists():
        return {}
    try:
        data = read_yaml(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    validate(data, LEXICON_DIR / "catalog.schema.yaml", path)
    return {Path(k).stem: v for k, v in data.items()}


def read_document(path: Path, meta: dict | None = None) -> Document:
    """Read one file into a :class:`Document` (not yet compared with the others).

    Raises :class:`SkipFile` with the reason when the file must be left out.
    """
    doc, title = _read(path, meta)
    doc.minhash = signature(doc.text, title)
    return doc


def _read(path: Path, meta: dict | None = None) -> tuple[Document, str]:
    """:func:`read_document` but the MinHash (``minhash`` is None), and the title found in
    the text (the one the MinHash leaves out)."""
    meta = meta or {}
    if outside_folder(path):
        raise SkipFile("a link to a file outside the seeds folder (not followed)")
    cfg = settings()
    size = path.stat().st_size
    if size > cfg.max_bytes:  # left out unread: its size alone says so
        raise SkipFile(
            f"larger than {cfg.max_bytes / 2**20:g} MB ({size / 2**20:.1f} MB; "
            "max_document_mb in analysis/lexicon/corpus.yaml)"
        )
    data = path.read_bytes()
    if meta.get("sha256") and hashlib.sha256(data).hexdigest() != meta["sha256"]:
        raise SkipFile("sha256 does not match its entry in catalog.yaml (file changed?)")
    # (a scan's misread digits read as digits here: dates, headers and figures all see them)
    original = read_scan_digits(decode(data, path.name))
    del data  # the bytes are not needed again: a big file is not held twice
    text, segments, removed, evidence = clean(original)
    colophon = _colophon(original)
    furniture = _furniture(original, segments) if text is not original else ""
    byline_head = _byline_head(original, cfg)  # (cleaning may cut the byline itself)
    work = _reference_work(original)
    if work is not None:
        evidence["edition"] = work[1]
    office = _SPEAKERS_MINISTRY.search(original, 0, 400)
    quoted, masthead = _transcript_head(original)
    head = original[:2000]  # (a last resort for the title: _first_line_title)
    del original  # the document gives it back from its text and furniture (Document.original)
    if not text.strip():
        raise SkipFile("nothing left after removing boilerplate")
    nav = tuple(r.text for r in removed if r.rule in _NAV_RULES and r.line <= _HEAD_LINES)
    title, subtitle, sentences = structure(text, nav, byline_head)
    title = _title_marks_cut(_title_frame_cut(title))
    post = _POST_TITLE.fullmatch(title)
    if post:  # a post's page: "<Account> on Twitter: "<the post's words>""
        title = post["words"]
        if not evidence["publisher"]:
            evidence["publisher"] = post["account"]
    if quoted:
        # a programme's transcript under its masthead ("SCIENCE FRONTIERS RADIO — TRANSCRIPT")
        # names its episode in quotes ('"From Havana to Yongzhou: ..."', '"Forecasting
        # Together" | Episode 214 | Broadcast ...'): the episode's words are the title
        title = quoted
    if masthead:
        # (the programme, not its host's name a "Host:" line gave)
        evidence["publisher"] = masthead.title() if masthead.isupper() else masthead
    episode = _EPISODE_TITLE.fullmatch(title)
    if episode and not evidence["publisher"]:
        # a programme's episode ("SCIENCE WITHOUT BORDERS - Episode 47"): the programme's
        series = episode["series"]
        evidence["publisher"] = series.title() if series.isupper() else series
    if office and not evidence["publisher"]:
        # a minister's speech ("Speech by Vice Minister of Science and Technology Huang
        # Weiping at ..."): the ministry's text
        evidence["publisher"] = "Ministry of " + " ".join(office["field"].split())
    doc = Document(
        doc_id=path.stem,
        file=path.name,
        furniture=furniture,
        text=text,
        segments=segments,
        title=meta.get("title")
        or evidence.get("title")  # a newsletter's name and issue (_serial_title)
        or evidence.get("record_title")  # a database record's title field (_record_title)
        or title
        or _header_title(evidence)
        or _title_marks_cut(_first_line_title(head, evidence.get("publisher") or ""))
        or path.stem,
        subtitle=subtitle if not meta.get("title") else "",
        sentences=[],  # given below: bound to this text already (no __post_init__ pass)
        removed=removed,
        publisher=meta.get("publisher")
        or (work[0] if work is not None else "")
        or _issuer(
            _alias(
                colophon
                or _header_publisher(evidence, title)
                or _agency(text)
                or _meeting_body(title, cfg)
                or _book_header(evidence, title)
                or _body_by_title(head, title, cfg)
                or _masthead_line(head, title, cfg),
                cfg,
            ),
            text,
        ),
        source_url=meta.get("source_url", ""),
        notes=meta.get("notes", ""),
    )
    doc.sentences = sentences
    dating.date_document(doc, evidence, meta.get("published", ""), checked=True)
    return doc, title


# a social network's page title for one post: the account, the network, the post's words in
# quotes ("Chinese Embassy in NZ on Twitter: "Joint Commission ... meets in Wellington"")
_POST_TITLE = re.compile(
    r"(?P<account>[^\W\d_][^:\"“]{1,60}?)\s+on\s+(?:Twitter|X|Weibo|Facebook|LinkedIn|Mastodon)"
    r"\s*:\s*[\"“](?P<words>[^\"“”]{3,280})[\"”]"
)


# a serial's colophon: "CHINA EXCHANGE NEWS is published quarterly by the Committee on ...",
# "Published by the Science and Technology Section, Delegation of the European Commission to
# China" (a line's start or a serial's name in capitals before it; the name may wrap once)
_COLOPHON = re.compile(
    r"(?:^|[A-Z]{2,}[ \t]+(?:is|are)[ \t]+)[Pp]ublished[ \t]+(?:(?:weekly|monthly|quarterly|"
    r"annually|twice[ \t]+a[ \t]+year|bimonthly|biannually)[ \t]+)?by[ \t]+(?:the[ \t]+)?"
    r"(?P<name>[A-Z][^.;:()\n]{4,100}(?:\n[^.;:()\n]{3,100})?)",
    re.M,
)
_COLOPHON_CHARS = 4000  # a colophon stands at a page's head or foot


def _colophon(original: str) -> str:
    """The publisher a serial's colophon names at the page's head or foot, else ""."""
    ends = (original[:_COLOPHON_CHARS], original[-_COLOPHON_CHARS:])
    for part in ends if len(original) > 2 * _COLOPHON_CHARS else (original,):
        if "ublished" not in part:
            continue
        m = _COLOPHON.search(part)
        if m and not _sold_copy(m.group("name")):
            name = " ".join(m.group("name").split())
            # the first body it names, before its parent's ("Committee on ..., National Academy
            # of Sciences"); a unit that names no body keeps it ("Science and Technology
            # Section, Delegation of the European Commission to China")
            head = name.split(", ", 1)[0]
            return head if settings().organisation_re.search(head) else name
    return ""


def _sold_copy(name: str) -> bool:
    """A dissertation service's front matter names the copy's seller, not the publisher."""
    return name.startswith(("ProQuest", "UMI"))


# an agency mark in a dateline or a lead: "BEIJING, Nov. 8 (Xinhua) --", "(Xinhua) --" (on one
# line: "(Co-Chair)" at a list item's end over the next item's dash is none)
_AGENCY = re.compile(r"\((?P<agency>[A-Z][A-Za-z .&'-]{1,40})\)[ \t]*(?:--|—|–|-)\s")


def _alias(name: str, cfg: _Settings) -> str:
    """A publisher's name as the tables write it (boilerplate.yaml ``publisher_aliases``:
    "Hsinhua" -> "Xinhua")."""
    return cfg.aliases.get(name.lower(), name) if name else name


def _agency(text: str) -> str:
    """The agency an early dateline or lead names, or ""."""
    m = _AGENCY.search(text, 0, 2000)
    return m["agency"].strip() if m else ""


def _meeting_body(title: str, cfg: _Settings) -> str:
    """The body a meeting's record is titled by ("Minutes of the Eleventh Session of the
    China-Italy Joint Commission ...": the Joint Commission; ``corpus.yaml``
    ``title.meeting_records``), or ""."""
    for pattern in cfg.title["meeting_re"]:
        m = pattern.fullmatch(title.strip())
        if m:
            body = m["body"].strip()
            if body.isupper():  # "CHINA–ITALY JOINT COMMISSION FOR ...": as a name is written
                words = body.title().split()
                body = " ".join(
                    [words[0]] + [w.lower() if w.lower() in _NAME_LINKS else w for w in words[1:]]
                )
            return body
    return ""


def _header_title(evidence: dict) -> str:
    """A print page without a headline takes its title from its running headers: the name
    a header without a date carries (a book's or an article's: "SCIENCE EXCHANGES WITH
    CHINA, 1979      47"), the page's number and the other page's dated header (the
    periodical's: "48      CHINA EXCHANGE NEWS, JUNE 1980") left out; "" when none does."""
    return next((name for name, dated in evidence["headers"] if not dated), "")


# a reference work's name and edition at a page's head, its year in brackets: "ENCYCLOPEDIA
# OF SCIENCE IN MODERN CHINA, 2nd ed. (2011)     vol. 2, p. 415", "Encyclopedia of Science
# and Technology in Contemporary China,\n2nd edition (2015), vol. 1, p. 212"
_REFERENCE_WORK = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]*)"
    r"(?:\s+(?:[A-Z][\w'’-]*|of|and|the|in|for|on|&|OF|AND|THE|IN|FOR|ON)){1,10}),"
    r"\s*\d{1,2}(?:st|nd|rd|th)\s+(?:ed(?:ition|n)?\.?|EDITION|ED\.)"
    r"\s*(?:\((?:[^()\d]{0,40},\s*)?(?P<year>(?:19|20)\d\d)\))?"
)
_WORK_HEAD = re.compile(
    r"(?i)^(?:(?:encyclop|dictionary|reference|handbook|companion)\w*\b"
    r"|.*\b(?:encyclop\w+|dictionary|handbook|companion)\b)"
)


def _reference_work(original: str) -> tuple[str, str] | None:
    """(name, year or "") of the reference work a page's first lines name with its edition
    ("ENCYCLOPEDIA OF SCIENCE IN MODERN CHINA, 2nd ed. (2011)"): the page's publisher and,
    where nothing else dates it, its date; None when they name none."""
    head = " ".join(original.lstrip().split("\n", 3)[:3])
    m = _REFERENCE_WORK.match(" ".join(head.split()))
    if m is None or not _WORK_HEAD.match(m["name"]):
        return None
    name = m["name"]
    if name.isupper():
        name = " ".join(
            w.lower() if w in ("OF", "AND", "THE", "IN", "FOR", "ON") else w.capitalize()
            for w in name.split()
        )
    return name, m["year"] or ""


def _book_header(evidence: dict, title: str) -> str:
    """The work a page is taken from, when nothing else names a publisher: the name its
    undated running header carries over a page with a title of its own (a reference book's
    "146      CHINA AND THE WORLD: A REFERENCE GUIDE" over its entry's headword)."""
    own = _header_title(evidence)
    if not title or not own or normalise_name(own) == normalise_name(title):
        return ""
    if dating.YEAR.search(own):
        return ""  # a report's or a yearbook's name with its year ("ANNUAL REPORT 2005")
    return _publisher_name(own)


_HEADER_ISSUE = re.compile(r"([^\W\d_][^,]{2,60}?),?\s+(?:no|vol|issue)\.?\s*\d{1,4}$", re.I)


# a body's publication named by the body's acronym: "NSFC Annual Report", "CAS Bulletin"
_ACRONYM_PUBLICATION = re.compile(
    r"(?P<acronym>[A-Z][A-Z&]{1,6})\s+(?:[A-Z][a-z]+\s+){0,3}?"
    r"(?:Annual\s+Report|Annual\s+Review|Bulletin|Newsletter|Yearbook|Review)"
)
_DEFINITION_REACH = 5000  # how far into the text an acronym's definition is looked for
# the words a body's name may open with that its acronym leaves out ("National Natural
# Science Foundation of China (NSFC)")
_NAME_OPENERS = frozenset({"National", "State", "Federal", "Royal", "Chinese", "China"})


def _issuer(publisher: str, text: str) -> str:
    """The body whose publication ``publisher`` names by the body's acronym ("NSFC Annual
    Report"), when the text defines that acronym after the body's full name ("the National
    Natural Science Foundation of China (NSFC)"); else ``publisher``."""
    m = _ACRONYM_PUBLICATION.fullmatch(publisher)
    if m is None:
        return publisher
    acronym = m["acronym"]
    defined = re.search(
        r"((?:[A-Z][\w'’&.-]*\s+)(?:(?:of|and|for|on|the|[A-Z][\w'’&.-]*)\s+){0,8}?"
        rf"[A-Z][\w'’&.-]*)\s*\({re.escape(acronym)}\)",
        text[:_DEFINITION_REACH],
    )
    if defined is None:
        return publisher
    # (the name is the shortest run of words before the bracket whose capitals spell the
    # acronym: "the Bureau of International Cooperation of the National Natural Science
    # Foundation of China (NSFC)" gives "Natural Science Foundation of China")
    words = defined.group(1).split()
    for k in range(len(words) - 1, -1, -1):
        if words[k][:1].isupper():
            initials = "".join(w[0] for w in words[k:] if w[:1].isupper())
            if initials == acronym.replace("&", ""):
                # (one word more that the acronym leaves out: "National Natural Science
                # Foundation of China (NSFC)")
                if k > 0 and words[k - 1] in _NAME_OPENERS:
                    k -= 1
                return " ".join(words[k:])
    return publisher


def _header_publisher(evidence: dict, title: str) -> str:
    """The publisher: the evidence's, unless the page has no headline and the name it took
    is the one its undated running header gives the title; then the dated header's name
    (the periodical's), else none."""
    name = evidence["publisher"]
    if not name:  # a periodical's running header with its issue: "22    BEIJING REVIEW, No. 34"
        issues = (_HEADER_ISSUE.match(n) for n, _d in evidence["headers"])
        name = next((_publisher_name(m[1]) for m in issues if m), "")
    if not name and title:
        # ... or with its issue's month: "14    CHINA SCI-TECH BULLETIN  No. 7  July 1986",
        # "BEIJING REVIEW, May 29-June 4, 1995      SCIENCE" over a headline
        name = next((_publisher_name(n) for n, dated in evidence["headers"] if dated), "")
    own = _header_title(evidence)
    if title or not own or (name and not normalise_name(own).startswith(normalise_name(name))):
        return name  # (the masthead's name may leave out the header's year)
    return next((_publisher_name(n) for n, dated in evidence["headers"] if dated), "")


def normalise_name(name: str) -> str:
    return " ".join(name.lower().replace(",", " ").split())


def outside_folder(path: Path) -> bool:
    """Whether ``path`` (a file of a seeds folder) is a link leading out of that folder.

    A file that is not a link is where its folder is: only a link is resolved (one lstat
    per file, not one per component of the path, twice); :func:`outside_folder_plain`
    resolves every path (the reference)."""
    try:
        if not os.path.islink(path):
            return False
    except (TypeError, ValueError):
        pass
    return outside_folder_plain(path)


def outside_folder_plain(path: Path) -> bool:
    """:func:`outside_folder`, every path resolved."""
    try:
        path.resolve().relative_to(path.parent.resolve())
    except (ValueError, OSError, RuntimeError):
        return True
    return False


def document_files(folder: Path) -> list[Path]:
    """The ``*.txt`` files of a folder, sorted by name.

    By :func:`os.scandir`, whose entries know their type from the listing itself:
    ``Path.glob`` followed by ``is_file`` costs a ``stat`` per file, which at thousands of
    documents is most of a no-change run's listing."""
    import os

    folder = Path(folder)
    with os.scandir(folder) as entries:
        names = [e.name for e in entries if e.name.endswith(".txt") and e.is_file()]
    return [folder / name for name in sorted(names)]


def load_corpus(folder: str | Path) -> Corpus:
    """Read every ``*.txt`` in ``folder`` (one document each), then mark near-duplicates.

    A file that cannot be used is left out and listed in ``Corpus.skipped`` with the reason;
    the others are read all the same.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"--seeds {folder}: not a folder")
    catalog = read_catalog(folder)
    docs: list[Document] = []
    skipped: list[Skipped] = []
    numpy_ok = numpy_minhash_ok()  # once, not per document
    for path in document_files(folder):
        try:
            doc, title = _read(path, catalog.get(path.stem))
            doc.minhash = signature(doc.text, title, numpy_ok)
            docs.append(doc)
        except SkipFile as exc:
            skipped.append(Skipped(path.name, str(exc)))
        except OSError as exc:
            skipped.append(Skipped(path.name, f"cannot be read: {exc.strerror or exc}"))
    if not docs and skipped:
        raise no_readable_documents(folder, skipped)
    mark_duplicates(docs)
    return Corpus(folder, docs, skipped)


def no_readable_documents(folder: Path, skipped: list[Skipped]) -> InputError:
    """The error for a folder whose every document was left out, each named with its reason
    (an empty table would only fail its schema, naming no file)."""
    reasons = "; ".join(f"{s.file}: {s.reason}" for s in skipped[:5])
    more = f"; and {len(skipped) - 5} more" if len(skipped) > 5 else ""
    return InputError(
        f"--seeds {folder}: no readable documents, all {len(skipped)} left out ({reasons}{more})"
    )


# --------------------------------------------------------------------------- tables
DOC_COLUMNS = [
    "doc_id",
    "file",
    "title",
    "publisher",
    "published",
    "published_basis",
    "words",
    "duplicate_of",
    "similarity",
]


def documents_table(corpus: Corpus):
    """One row per document, the columns of ``stbrief docs`` (DESIGN.md).

    ``similarity`` is to the closest earlier near-duplicate candidate, 0.0 when there is none
    (see :func:`mark_duplicates`); low similarities of every pair are in similarity_matrix.
    """
    import pandas as pd

    rows = [
        {
            "doc_id": d.doc_id,
            "file": d.file,
            "title": d.title + (f": {d.subtitle}" if d.subtitle else ""),
            "publisher": d.publisher,
            "published": d.published,
            "published_basis": d.published_basis,
            "words": d.words,
            "duplicate_of": d.duplicate_of,
            "similarity": d.similarity,
        }
        for d in corpus
    ]
    return pd.DataFrame(rows, columns=DOC_COLUMNS)


def removed_table(corpus: Corpus):
    """Every line cleaning removed: doc_id, line number, rule, text."""
    import pandas as pd

    rows = [
        {"doc_id": d.doc_id, "line": r.line, "rule": r.rule, "text": r.text}
        for d in corpus
        for r in d.removed
    ]
    return pd.DataFrame(rows, columns=["doc_id", "line", "rule", "text"])


def headings_table(corpus: Corpus):
    """Titles and headings found, in document order."""
    import pandas as pd

    rows = [
        {"doc_id": d.doc_id, "kind": s.kind, "text": s.text.strip()}
        for d in corpus
        for s in d.sentences
        if s.kind != "body"
    ]
    return pd.DataFrame(rows, columns=["doc_id", "kind", "text"])
