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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis import dating, scan
from analysis.config import LEXICON_DIR, InputError, load_lexicon
from analysis.dating import MONTH_RE, MONTHS, YEAR_RE, date_document, full_dates  # noqa: F401
from analysis.decoding import SkipFile, decode  # noqa: F401 - re-exported
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
    subtitle_re: re.Pattern[str] | None
    heading: dict[str, int]
    max_bytes: int


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
    return _Settings(
        line_rules=rules,
        edge_lines=bp["edge_lines"],
        blocks=blocks,
        link_block=bp["link_block"],
        abbreviations=frozenset(cs["abbreviations"]),
        subtitle_re=subtitle_re,
        heading=cs["heading"],
        max_bytes=int(cs["max_document_mb"] * 1024 * 1024),
    )


# what {date}, {time} and {weekday} stand for in boilerplate.yaml's patterns
_PLACEHOLDERS = {
    "date": (
        rf"(?:{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR_RE}"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RE},?\s+{YEAR_RE}"
        rf"|{YEAR_RE}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[./]\d{{1,2}}[./]{YEAR_RE})"
    ),
    "time": r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?(?:gmt|utc|bjt|cst|est|edt"
    r"|pst|cet)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?)",
    "weekday": "(?:" + "|".join(dating.WEEKDAYS) + ")",
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


def clean(original: str) -> tuple[str, list[tuple[int, int, int]], list[Removed], dict]:
    """Remove page furniture; return cleaned text, offset segments, removed lines, evidence.

    Removal works on whole lines, so every kept character keeps its position relative to
    its line: the segments map cleaned offsets back to the original file. ``evidence`` has
    the dates removed lines carried (``dates``: (text, strength)) and the ``publisher`` one
    named (a copyright line, a "Source:" line, a byline, an agency mark).
    """
    cfg = settings()
    starts, lines = _split_lines(original)  # the lines stripped
    removed: dict[int, str] = {}
    evidence: dict[str, Any] = {"dates": [], "publisher": ""}
    filled = [i for i, line in enumerate(lines) if line]
    edge = set(filled[: cfg.edge_lines] + filled[-cfg.edge_lines :])
    short = [i for i in filled if len(lines[i]) <= 300]
    for i, (rule, m, date_kind) in _line_rules(lines, short, edge, cfg).items():
        removed[i] = rule
        groups = m.groupdict()
        date = groups.get("date") or groups.get("date2")
        if date_kind and date:
            evidence["dates"].append((date, date_kind))
        name = groups.get("publisher") or groups.get("publisher2")
        if name and not evidence["publisher"]:
            evidence["publisher"] = _publisher_name(name)
    _mark_blocks(lines, removed, cfg)
    _mark_site_name(lines, removed, evidence)
    _mark_link_blocks(lines, removed, cfg)

    segments: list[tuple[int, int, int]] = []
    gone: list[Removed] = []
    clean_pos = 0
    for i in range(len(lines)):
        orig_pos, length = starts[i], starts[i + 1] - starts[i]
        if i in removed:
            gone.append(Removed(i + 1, lines[i], removed[i]))
        else:
            if segments and segments[-1][1] + segments[-1][2] == orig_pos:
                cs, os_, ln = segments[-1]
                segments[-1] = (cs, os_, ln + length)
            else:
                segments.append((clean_pos, orig_pos, length))
            clean_pos += length
    del lines
    if not segments:
        segments.append((0, 0, 0))
    # nothing removed: the text is the original (one string, not two equal ones)
    if not removed:
        text = original
    else:
        text = "".join([original[o : o + n] for _c, o, n in segments])
    return text, segments, gone, evidence


def _furniture(original: str, segments: list[tuple[int, int, int]]) -> str:
    """What :func:`clean` removed from ``original``, in order (``Document.furniture``)."""
    parts, reached = [], 0
    for _clean_start, orig_start, length in segments:
        parts.append(original[reached:orig_start])
        reached = orig_start + length
    parts.append(original[reached:])
    return "".join(parts)


def _publisher_name(raw: str) -> str:
    """A publisher as a reader writes it: "CHINA DAILY" -> "China Daily"."""
    name = " ".join(raw.split()).strip(" .,;:-—–()")
    if name.isupper() and len(name) > 5:
        name = " ".join(w if len(w) <= 3 else w.capitalize() for w in name.split())
    return name


def _mark_blocks(lines: list[str], removed: dict[int, str], cfg: _Settings) -> None:
    """A "Most read" / "Latest news" heading and the list of headlines under it."""
    n = len(lines)
    for i in range(n):
        s = lines[i].strip()
        if i in removed or not s or len(s) > 60:
            continue
        rule = next((r for r, p in cfg.blocks if p.fullmatch(s)), None)
        if rule is None:
            continue
        removed[i] = rule
        j, items = i + 1, 0
        while j < n:
            t = lines[j].strip()
            if not t and items:
                break  # the list ends at a blank line
            if t and not (j in removed or _is_link_line(lines[j], cfg)):
                break
            if t:
                removed.setdefault(j, rule)
                items += 1
            j += 1


_INNER_END = re.compile(r"[a-z][.!?]\s+[A-Z]")


def _RUNS_ON(line: str, following: str) -> bool:  # noqa: N802 - reads as a predicate
    return (line[-1].isalpha() or line[-1] in ",-") and following[:1].islower()


def _mark_site_name(lines: list[str], removed: dict[int, str], evidence: dict) -> None:
    """The site's name on the line above a navigation trail at the top of a page
    ("Department of Industry, Innovation and Science (Australia)"): furniture, and the
    publisher when no other line named one."""
    filled = list(itertools.islice((i for i, line in enumerate(lines) if line.strip()), 3))
    if len(filled) < 3 or filled[0] in removed or removed.get(filled[1]) != "breadcrumb":
        return
    name = lines[filled[0]].strip()
    if len(name) > 80 or _SENT_END.search(name) or filled[2] in removed:
        return
    removed[filled[0]] = "site_name"
    if not evidence["publisher"]:
        evidence["publisher"] = _publisher_name(re.sub(r"\s*\([^)]*\)$", "", name))


def _mark_link_blocks(lines: list[str], removed: dict[int, str], cfg: _Settings) -> None:
    """Mark a leading and a trailing block of short unpunctuated lines as links."""
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

    for run in (block_at(range(len(lines))), block_at(range(len(lines) - 1, -1, -1))):
        candidates = [i for i in run if i not in removed]
        if len(run) < lb["min_lines"] or not candidates:
            continue
        texts = [lines[i].strip() for i in candidates]
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
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_TOKEN_BEFORE = re.compile(r"([A-Za-z][A-Za-z.&]*)\.$")
# _BOUNDARY at a full stop only: a text without "!" and "?" has no other boundary, and a
# pattern that opens with one literal character is searched for by that character (a
# fifth of the cost of the class [.!?], which is tried at every position)
assert _BOUNDARY.pattern.startswith("[.!?]")
_BOUNDARY_STOP = re.compile(r"\." + _BOUNDARY.pattern[len("[.!?]") :])


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph).

    A compact rule-based splitter, chosen over pysbd (right on these cases, but ~0.1 MB/s
    here) and NLTK Punkt (needs a trained model or a hand-fed abbreviation list anyway):
    the regex finds candidate boundaries in C, and Python only checks the word before
    each one against the abbreviation lexicon. It does not break on "US$ 6.69",
    "Dec. 8", "Jan. 1992", "P. R. China", "Ph.D. candidates" or "U.S. officials".
    """
    abbreviations = settings().abbreviations
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


# an entry word in capitals that opens a paragraph, as reference books set them
_ENTRY = re.compile(r"([A-Z][A-Z0-9,&'’() ]*[A-Z](?:-\n[A-Z][A-Z0-9,&'’() ]*[A-Z])?)\.\s+(?=[A-Z])")


def _headline_end(para: str, words: int) -> bool:
    """A line may be a headline by its end: no full stop or exclamation; a question only
    when short ("Brain drain or brain gain?")."""
    if para.endswith("?"):
        return words <= 12
    return not para.endswith((".", "!"))


def structure(text: str) -> tuple[str, str, list[Sentence]]:
    """Title, subtitle and the sentences (title, headings, body) of a cleaned text."""
    cfg = settings()
    spans: list[tuple[int, int, str]] = []  # made Sentences at the end (_sentences)
    title = subtitle = ""
    # words are only compared with these limits: count up to one more than the largest
    cap = max(40, cfg.heading["max_words"], cfg.heading["numbered_max_words"]) + 1
    for n, (s, e, n_lines) in enumerate(_paragraphs(text)):
        para = text[s:e]
        words = len(para.split(None, cap)) if n_lines == 1 else 0
        entry = _ENTRY.match(para) if n == 0 else None
        if entry:  # a reference book's entry: "STUDENTS ABROAD. From 1978 ..."
            title = re.sub(r"\s+", " ", entry.group(1).replace("-\n", "")).strip()
            spans.append((s, s + entry.end(1) + 1, "title"))
            s += entry.end()
        elif n == 0 and n_lines == 1 and words <= 40 and _headline_end(para, words):
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
                spans.append((s, e, "heading"))
                continue
        spans.extend([(a, b, "body") for a, b in split_sentences(text, s, e)])
    return title, subtitle, _sentences(text, spans)


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
    original = decode(data, path.name)
    del data  # the bytes are not needed again: a big file is not held twice
    text, segments, removed, evidence = clean(original)
    furniture = _furniture(original, segments) if text is not original else ""
    del original  # the document gives it back from its text and furniture (Document.original)
    if not text.strip():
        raise SkipFile("nothing left after removing boilerplate")
    title, subtitle, sentences = structure(text)
    doc = Document(
        doc_id=path.stem,
        file=path.name,
        furniture=furniture,
        text=text,
        segments=segments,
        title=meta.get("title") or title or path.stem,
        subtitle=subtitle if not meta.get("title") else "",
        sentences=[],  # given below: bound to this text already (no __post_init__ pass)
        removed=removed,
        publisher=meta.get("publisher") or evidence["publisher"] or _agency(text),
        source_url=meta.get("source_url", ""),
        notes=meta.get("notes", ""),
    )
    doc.sentences = sentences
    dating.date_document(doc, evidence, meta.get("published", ""), checked=True)
    return doc, title


# an agency mark in a dateline or a lead: "BEIJING, Nov. 8 (Xinhua) --", "(Xinhua) --"
_AGENCY = re.compile(r"\((?P<agency>[A-Z][A-Za-z .&'-]{1,40})\)\s*(?:--|—|–|-)\s")


def _agency(text: str) -> str:
    """The agency an early dateline or lead names, or ""."""
    m = _AGENCY.search(text, 0, 2000)
    return m["agency"].strip() if m else ""


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
    """The ``*.txt`` files of a folder, sorted by name."""
    return sorted(p for p in Path(folder).glob("*.txt") if p.is_file())


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
