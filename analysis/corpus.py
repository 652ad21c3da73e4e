"""Documents: decode, clean boilerplate (with offsets back to the file), structure, date, dedupe."""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.config import LEXICON_DIR, InputError, load_lexicon

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
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
    )
    for m in names
}
MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
YEAR_RE = r"(?:19[4-9]\d|20[0-4]\d)"


# --------------------------------------------------------------------------- data types
@dataclass(frozen=True, slots=True)
class Sentence:
    """A span of a document's cleaned text: a title, a heading or a body sentence."""

    start: int
    end: int
    text: str
    kind: str = "body"  # title | heading | body


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
    original: str
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

    @property
    def words(self) -> int:
        return len(self.text.split())

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


class SkipFile(Exception):
    """Raised inside the reader when a file must be left out; the message is the reason."""


# --------------------------------------------------------------------------- settings
@dataclass(frozen=True)
class _Settings:
    line_rules: list[tuple[str, re.Pattern[str], str | None]]
    link_block: dict[str, Any]
    abbreviations: frozenset[str]
    subtitle_re: re.Pattern[str] | None
    heading: dict[str, int]
    duplicates: dict[str, Any]
    language: dict[str, Any]
    function_words: frozenset[str]
    future_re: re.Pattern[str]
    future_markers: tuple[str, ...] = ()  # lower-case literals of future_re; () = no fast scan


@functools.cache
def settings() -> _Settings:
    """The boilerplate and corpus lexicons, compiled once per process."""
    bp = load_lexicon("boilerplate")
    cs = load_lexicon("corpus")
    rules = []
    for item in bp["lines"]:
        try:
            rules.append((item["rule"], re.compile(item["pattern"], re.I), item.get("date")))
        except re.error as exc:
            raise InputError(
                f"{LEXICON_DIR / 'boilerplate.yaml'}: rule {item['rule']}: bad pattern: {exc}"
            ) from exc
    markers = cs["subtitle_markers"]
    subtitle_re = (
        re.compile(r"\s+(?=(?:" + "|".join(re.escape(m) for m in markers) + r")\b)")
        if markers
        else None
    )
    future = cs["future_markers"] or ["will"]
    return _Settings(
        line_rules=rules,
        link_block=bp["link_block"],
        abbreviations=frozenset(cs["abbreviations"]),
        subtitle_re=subtitle_re,
        heading=cs["heading"],
        duplicates=cs["duplicates"],
        language=cs["language"],
        function_words=frozenset(w.lower() for w in cs["language"]["english_function_words"]),
        future_re=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in future) + r")\b", re.I),
        future_markers=tuple(w.lower() for w in future)
        if all(w.isascii() and w and w[0].isalnum() for w in future)
        else (),
    )


# --------------------------------------------------------------------------- decoding
_MULTI_BYTE = re.compile(r"^(?:utf|gb|big5|cp93|cp949|cp950|euc|shift_jis|iso2022|hz|johab)")


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else the encoding charset-normalizer finds.

    Raises :class:`SkipFile` for empty, binary, undecodable or non-English files.
    """
    if not data.strip():
        raise SkipFile("empty file")
    head = data[:65536]
    if b"\x00" in head:
        raise SkipFile("binary file (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise SkipFile("cannot be decoded as text (no encoding fits)") from None
        text = str(best)
        if not _MULTI_BYTE.match(best.encoding):
            # On short English texts the detector guesses among Latin code pages almost at
            # random (cp1257 for a Latin-1 page); English web pages that are not UTF-8 are
            # windows-1252 in practice (what browsers read "latin-1" as), so prefer it.
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                pass
    controls = len(_CONTROLS.findall(text, 0, 65536))
    if controls > 0.05 * min(len(text), 65536):
        raise SkipFile("binary file (control characters)")
    _check_english(text)
    return text


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # ord < 32 but \t \n \f \r
_ASCII = bytes(range(128))
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# bytes -> lower-case ASCII letters, everything else a blank (UTF-8: non-ASCII is >= 0x80)
_LETTER_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))


def _check_english(text: str) -> None:
    cfg = settings()
    sample = text[: cfg.language["sample_chars"]]
    # Letters: ASCII ones counted on the UTF-8 bytes in C, the (few) others one by one.
    data = sample.encode("utf-8", "surrogatepass")
    n_letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    # the non-ASCII characters, in order: their UTF-8 bytes are exactly the bytes >= 0x80
    rest = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
    letters = [ch for ch in rest if ch.isalpha()]
    n_letters += len(letters)
    if not n_letters:
        raise SkipFile("no words in it")
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24F)
    if non_latin > 0.3 * n_letters:
        script = "Chinese" if any("\u4e00" <= ch <= "\u9fff" for ch in letters) else "non-Latin"
        raise SkipFile(f"not in English ({script} script)")
    # the [A-Za-z]+ words, lower-cased, as bytes
    words = data.translate(_LETTER_BYTES).split()
    share = sum(map(_function_words_bytes(cfg.function_words).__contains__, words)) / max(
        len(words), 1
    )
    if share < cfg.language["min_english_share"]:
        raise SkipFile(f"not in English (only {share:.0%} common English words)")


@functools.cache
def _function_words_bytes(words: frozenset[str]) -> frozenset[bytes]:
    return frozenset(w.encode() for w in words if w.isascii())


# --------------------------------------------------------------------------- regex prefilters
def _required(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case ASCII strings one of which every match of ``pattern`` contains, or None.

    Read from the parsed regex: a run of literal characters is required; a group, or a
    repeat of at least one, requires what its content requires; an alternation requires
    one of its branches' strings (all branches must require some). Anything else
    (classes, look-arounds, optional parts) requires nothing. With the text lower-cased,
    ``any(s in window)`` is then a necessary condition for a match inside the window.
    """
    try:
        from re import _constants as c
        from re import _parser

        tree = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an internal API: without it, no prefilter
        return None
    repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}

    def better(a, b):
        if a is None:
            return b
        if b is None:
            return a
        return a if min(map(len, a)) >= min(map(len, b)) else b

    def seq(items) -> tuple[str, ...] | None:
        best, run = None, []
        for op, av in items:
            if op is c.LITERAL and av < 128:
                run.append(chr(av))
                continue
            if run:
                best, run = better(best, ("".join(run).lower(),)), []
            if op is c.SUBPATTERN:
                need = seq(av[-1])
            elif op is c.BRANCH:
                alts = [seq(a) for a in av[1]]
                need = None if any(a is None for a in alts) else tuple(sorted(set().union(*alts)))
            elif op in repeats and av[0] >= 1:
                need = seq(av[2])
            elif op is getattr(c, "ATOMIC_GROUP", None):
                need = seq(av)
            else:
                need = None
            best = better(best, need)
        if run:
            best = better(best, ("".join(run).lower(),))
        return best

    return seq(list(tree))


# --------------------------------------------------------------------------- cleaning
_SENT_END = re.compile(r"[.!?:;][\"”’)]*\s*$")


def _is_link_line(line: str, cfg: _Settings) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= cfg.link_block["max_line_chars"] and not _SENT_END.search(s)


def clean(original: str) -> tuple[str, list[tuple[int, int, int]], list[Removed], dict]:
    """Remove boilerplate lines; return cleaned text, offset segments, removed lines, evidence.

    Removal works on whole lines, so every kept character keeps its position relative to
    its line: the segments map cleaned offsets back to the original file.
    """
    cfg = settings()
    lines = original.splitlines(keepends=True)
    removed: dict[int, str] = {}
    evidence: dict[str, Any] = {"dates": [], "publisher": ""}
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or len(s) > 300:
            continue
        for rule, pattern, date_kind in cfg.line_rules:
            m = pattern.fullmatch(s)
            if m:
                removed[i] = rule
                groups = m.groupdict()
                if date_kind and groups.get("date"):
                    evidence["dates"].append((groups["date"], date_kind))
                if groups.get("publisher") and not evidence["publisher"]:
                    evidence["publisher"] = groups["publisher"].strip(" .")
                break
    _mark_link_blocks(lines, removed, cfg)

    text_parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    gone: list[Removed] = []
    clean_pos = orig_pos = 0
    for i, line in enumerate(lines):
        if i in removed:
            gone.append(Removed(i + 1, line.strip(), removed[i]))
        else:
            if segments and segments[-1][1] + segments[-1][2] == orig_pos:
                cs, os_, ln = segments[-1]
                segments[-1] = (cs, os_, ln + len(line))
            else:
                segments.append((clean_pos, orig_pos, len(line)))
            text_parts.append(line)
            clean_pos += len(line)
        orig_pos += len(line)
    if not segments:
        segments.append((0, 0, 0))
    return "".join(text_parts), segments, gone, evidence


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
        if mean <= lb["max_mean_chars"] and capital >= lb["min_capitalised"]:
            for i in candidates:
                removed[i] = "link_block"


# --------------------------------------------------------------------------- structure
_NUMBERED = re.compile(r"^(?:[IVXLC]+\.|\d{1,2}\.|\(\d{1,2}\)|[A-Z]\.)\s+\S")
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_TOKEN_BEFORE = re.compile(r"([A-Za-z][A-Za-z.&]*)\.$")


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
    for m in _BOUNDARY.finditer(text, start, end):
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
    """(start, end, n_lines) of each block of consecutive non-blank lines."""
    out = []
    for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        out.append((s, e, text.count("\n", s, e) + 1))
    return out


def structure(text: str) -> tuple[str, str, list[Sentence]]:
    """Title, subtitle and the sentences (title, headings, body) of a cleaned text."""
    cfg = settings()
    sentences: list[Sentence] = []
    title = subtitle = ""
    # words are only compared with these limits: count up to one more than the largest
    cap = max(40, cfg.heading["max_words"], cfg.heading["numbered_max_words"]) + 1
    for n, (s, e, n_lines) in enumerate(_paragraphs(text)):
        para = text[s:e]
        words = len(para.split(None, cap)) if n_lines == 1 else 0
        if n == 0 and n_lines == 1 and words <= 40 and not para.endswith((".", "!", "?")):
            title = para.strip()
            if cfg.subtitle_re:
                parts = cfg.subtitle_re.split(title, maxsplit=1)
                if len(parts) == 2:
                    title, subtitle = parts[0].strip(), parts[1].strip()
            sentences.append(Sentence(s, e, para, "title"))
            continue
        if n_lines == 1 and not para.startswith(("-", "•", "*")):
            numbered = bool(_NUMBERED.match(para))
            plain = words <= cfg.heading["max_words"] and not _SENT_END.search(para)
            if plain or (numbered and words <= cfg.heading["numbered_max_words"]):
                sentences.append(Sentence(s, e, para, "heading"))
                continue
        for a, b in split_sentences(text, s, e):
            sentences.append(Sentence(a, b, text[a:b], "body"))
    return title, subtitle, sentences


# --------------------------------------------------------------------------- dates
_FULL_DATES = [
    # August 28, 2011 / Aug. 28 2011
    re.compile(rf"\b(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>{YEAR_RE})\b"),
    # 23 November 1979
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{MONTH_RE})\s*,?\s+(?P<year>{YEAR_RE})\b"),
    # 2005-03-14
    re.compile(rf"\b(?P<year>{YEAR_RE})-(?P<mnum>\d{{2}})-(?P<day>\d{{2}})\b"),
]
_MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH_RE})\s*,?\s+(?P<year>{YEAR_RE})\b")
_DATELINES = [
    # Shanghai, 12 March 2004.  /  Geneva, May 1999.
    re.compile(
        rf"^(?:[A-Z][A-Za-z.' -]{{1,40}}),\s+(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{MONTH_RE})"
        rf"\s+(?:(?P<day2>\d{{1,2}}),?\s+)?(?P<year>{YEAR_RE})\b"
    ),
    # BEIJING, Oct. 8 (Xinhua) --  (year found elsewhere)
    re.compile(
        rf"^(?:[A-Z][A-Za-z.' -]{{1,40}}),\s+(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})"
        r"\s*(?:\((?P<agency>[A-Za-z ]+)\))?\s*(?:--|—|–|-)"
    ),
]
_YEAR = re.compile(rf"(?<![\d,.\-/])({YEAR_RE})(?![\d%]|,\d)")
_YEAR_RANGE = re.compile(rf"\(?\b({YEAR_RE})\s*[-–—]\s*({YEAR_RE})\b\)?")
_OCCASION_WORDS = (
    "held", "opened", "convened", "signed", "issued", "released", "published", "took place",
    "launched",
)  # fmt: skip
_OCCASION = re.compile(r"\b(?:" + "|".join(map(re.escape, _OCCASION_WORDS)) + r")\b", re.I)


# Non-ASCII characters that re.IGNORECASE matches to ASCII letters ("ſince", Kelvin sign);
# U+0130 is also the only character whose lower() is two characters long.
_FOLD_SPECIAL = "\u0130\u0131\u017f\u212a"


def _has_fold_special(text: str) -> bool:
    """One of _FOLD_SPECIAL in ``text`` (four ``in`` tests: 30 times a regex search)."""
    return any(ch in text for ch in _FOLD_SPECIAL)


_YEAR_CANDIDATE = re.compile(r"(?:19|20)\d\d")  # a superset of _YEAR's matches


# bytes -> itself for a-z, else a blank: the [a-z] runs of a lower-cased text
_LETTER_RUNS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


@functools.lru_cache(maxsize=2)
def _scan_view(text: str) -> tuple[str, frozenset[bytes], list[int]] | None:
    """(text.lower(), its [a-z] runs, starts of "19dd"/"20dd"), or None when ``text`` has
    one of the _FOLD_SPECIAL characters (then lower() does not stand for re.IGNORECASE).

    The scans of dating and of facts.extract_facts share it (the same document's text).
    A word, or phrase, matched case-insensitively as whole words is found by ``low.find``,
    and only when all its letter runs are among the runs of the text.
    """
    if _has_fold_special(text):
        return None
    low = text.lower()
    runs = frozenset(low.encode("ascii", "replace").translate(_LETTER_RUNS).split())
    return low, runs, [m.start() for m in _YEAR_CANDIDATE.finditer(text)]


@functools.cache
def _letter_runs(phrase: str) -> tuple[bytes, ...]:
    return tuple(phrase.lower().encode("ascii", "replace").translate(_LETTER_RUNS).split())


def _find_all(low: str, literals, runs: frozenset[bytes] | None = None) -> list[int]:
    """Every start of every literal in ``low``; with ``runs`` (:func:`_scan_view`), a
    literal some letter run of which is not in the text is not searched for."""
    out = []
    find = low.find
    for lit in literals:
        if runs is not None and not runs.issuperset(_letter_runs(lit)):
            continue
        i = find(lit)
        while i >= 0:
            out.append(i)
            i = find(lit, i + 1)
    return out


def _sentence_hits(text: str, sentences: list[Sentence], cfg: _Settings, checked: bool = False):
    """What :func:`date_document` asks of each sentence, from a few scans of the whole text.

    Returns (indices of sentences with a future marker, {index: years of _YEAR in it},
    indices of sentences with an occasion word), or None when the text needs the plain
    sentence-by-sentence loop. Candidates come from substring search on ``text.lower()``
    (same length, and re.I = lower() for ASCII words, without the four characters
    _FOLD_SPECIAL lists) and each is confirmed by the sentence's own regex at that position,
    with the sentence's end as ``endpos``: the same answer as searching ``sentence.text``,
    since sentences are separated by blanks (which ``\b`` and _YEAR's look-arounds treat as
    the end of the string).
    """
    markers = cfg.future_markers
    view = _scan_view(text) if sentences and markers else None
    if view is None:
        return None
    low, runs, year_starts = view
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

    future = set(confirmed(_find_all(low, markers, runs), cfg.future_re))
    occasion = set(confirmed(_find_all(low, _OCCASION_WORDS, runs), _OCCASION))
    years = {
        k: [int(text[p : p + 4]) for p in ps] for k, ps in confirmed(year_starts, _YEAR).items()
    }
    return future, years, occasion


def _edge_lines(text: str, n: int) -> list[str]:
    """``lines[:n] + lines[-n:]`` of the stripped non-blank lines of ``text``."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[:n] + lines[-n:]


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def full_dates(sentence: str) -> list[tuple[str, int]]:
    """Every day-precise date in a sentence as (ISO date, year)."""
    out = []
    for pattern in _FULL_DATES:
        for m in pattern.finditer(sentence):
            g = m.groupdict()
            month = int(g["mnum"]) if g.get("mnum") else _month(g["month"])
            day, year = int(g["day"]), int(g["year"])
            if 1 <= month <= 12 and 1 <= day <= 31:
                out.append((_iso(year, month, day), year))
    return out


def date_document(doc: Document, evidence: dict, catalog_date: str = "") -> None:
    """Set ``published``, ``published_year`` and ``published_basis`` from the best evidence.

    Order: the catalog; a dateline or a page's own "Updated:" stamp; a dated sentence
    about the occasion ("held on August 28, 2011") unless the text speaks of a later
    year; the latest year the text speaks of in the past; a year range in the title (a
    plan for 2001-2005 is written at its start); last, a date beside a sidebar link that
    cleaning removed (weak evidence, said so in the basis).
    """
    _date_document(doc, evidence, catalog_date)


def _date_document(
    doc: Document, evidence: dict, catalog_date: str = "", sentences_from_text: bool = False
) -> None:
    """:func:`date_document`; ``sentences_from_text``: the caller knows ``doc.sentences``
    are spans of ``doc.text`` as :func:`structure` makes them (no need to check)."""
    if catalog_date:
        doc.published, doc.published_basis = catalog_date, "catalog"
        doc.published_year = int(catalog_date[:4])
        return
    cfg = settings()
    latest_past = None
    occasion: list[tuple[str, int]] = []
    hits = _sentence_hits(doc.text, doc.sentences, cfg, sentences_from_text)
    if hits is None:  # the plain loop, sentence by sentence
        for s in doc.sentences:
            if s.kind == "title":
                continue
            if s.kind == "body" and cfg.future_re.search(s.text):
                continue
            years = [int(y) for y in _YEAR.findall(s.text)]
            if years:
                latest_past = max(years + ([latest_past] if latest_past else []))
            if _OCCASION.search(s.text):
                occasion.extend(full_dates(s.text))
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
                occasion.extend(full_dates(s.text))
    # datelines: the first and last few body lines
    lines = _edge_lines(doc.text, 4)
    for line in lines:
        for pattern in _DATELINES:
            m = pattern.match(line)
            if not m:
                continue
            g = m.groupdict()
            year = int(g["year"]) if g.get("year") else latest_past
            if year is None:
                continue
            day = g.get("day") or g.get("day2")
            iso = _iso(year, _month(g["month"]), int(day) if day else None)
            doc.published, doc.published_year = iso, year
            doc.published_basis = "dateline" if g.get("year") else "dateline+text_year"
            if g.get("agency") and not doc.publisher:
                doc.publisher = g["agency"].strip()
            return
    strong = [d for d, kind in evidence.get("dates", []) if kind == "strong"]
    if strong:
        doc.published, doc.published_year, doc.published_basis = (
            max(strong),
            int(max(strong)[:4]),
            "dateline",
        )
        return
    if occasion:
        iso, year = max(occasion)
        if latest_past is None or year >= latest_past:
            doc.published, doc.published_year, doc.published_basis = iso, year, "text"
            return
    if latest_past is not None:
        doc.published, doc.published_year = _iso(latest_past), latest_past
        doc.published_basis = "latest_year"
        return
    rng = _YEAR_RANGE.search(doc.title + " " + doc.subtitle)
    if rng:
        year = int(rng.group(1))
        doc.published, doc.published_year, doc.published_basis = _iso(year), year, "title_period"
        return
    weak = [d for d, kind in evidence.get("dates", []) if kind == "weak"]
    if weak:
        doc.published, doc.published_year = max(weak), int(max(weak)[:4])
        doc.published_basis = "boilerplate (weak)"
        return
    doc.published, doc.published_year, doc.published_basis = "", None, "unknown"


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
    validate(data, LEXICON_DIR / "catalog.schema.yaml", path)
    return {Path(k).stem: v for k, v in data.items()}


def read_document(path: Path, meta: dict | None = None) -> Document:
    """Read one file into a :class:`Document` (not yet compared with the others).

    Raises :class:`SkipFile` with the reason when the file must be left out.
    """
    doc, title = _read(path, meta)
    doc.minhash = minhash(doc.text, title)
    return doc


def _read(path: Path, meta: dict | None = None) -> tuple[Document, str]:
    """:func:`read_document` but the MinHash (``minhash`` is None), and the title found in
    the text (the one the MinHash leaves out)."""
    meta = meta or {}
    data = path.read_bytes()
    if meta.get("sha256") and hashlib.sha256(data).hexdigest() != meta["sha256"]:
        raise SkipFile("sha256 does not match its entry in catalog.yaml (file changed?)")
    original = decode(data, path.name)
    text, segments, removed, evidence = clean(original)
    if not text.strip():
        raise SkipFile("nothing left after removing boilerplate")
    title, subtitle, sentences = structure(text)
    doc = Document(
        doc_id=path.stem,
        file=path.name,
        original=original,
        text=text,
        segments=segments,
        title=meta.get("title") or title or path.stem,
        subtitle=subtitle if not meta.get("title") else "",
        sentences=sentences,
        removed=removed,
        publisher=meta.get("publisher") or evidence["publisher"],
        source_url=meta.get("source_url", ""),
        notes=meta.get("notes", ""),
    )
    _date_document(doc, evidence, meta.get("published", ""), sentences_from_text=True)
    return doc, title


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
    for path in document_files(folder):
        try:
            docs.append(read_document(path, catalog.get(path.stem)))
        except SkipFile as exc:
            skipped.append(Skipped(path.name, str(exc)))
        except OSError as exc:
            skipped.append(Skipped(path.name, f"cannot be read: {exc.strerror or exc}"))
    mark_duplicates(docs)
    return Corpus(folder, docs, skipped)


# --------------------------------------------------------------------------- duplicates
def _shingles(text: str, k: int) -> list[bytes]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    if len(words) < k:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)]


# bytes -> itself for [0-9a-z], else a blank: the words of _shingles are the runs left
_WORD_BYTES = bytes(c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256))
_MINHASH_CHUNK = 1024  # shingles per (chunk x num_perm) array: bounds memory, fits in cache


_MINHASH_SEED = 1  # MinHash(num_perm)'s default seed, the one minhash() uses

# The shingle hash. SHA-1 per shingle (datasketch's default) cost a Python call per shingle:
# a quarter of all extraction time. This hash is computed for a whole document at once in
# numpy: a word is the polynomial sum(byte_i * P**i) mod 2**64, a shingle the sum of its k
# word hashes times Q**j, and its high 32 bits go to datasketch (which mixes them with
# murmur3's fmix32 before its permutations). :func:`shingle_hash32` is the same function
# one shingle at a time, given to datasketch as ``hashfunc``; the two are checked equal.
_P = 0x100000001B3  # odd (the FNV-1 prime), so invertible mod 2**64
_Q = 0x9E3779B97F4A7C15  # odd (the 64-bit golden ratio)
_M64 = (1 << 64) - 1


def shingle_hash32(shingle: bytes) -> int:
    """datasketch ``hashfunc`` of one shingle (its words joined by single blanks)."""
    x, q = 0, 1
    for word in shingle.split(b" "):
        h, p = 0, 1
        for byte in word:
            h = (h + byte * p) & _M64
            p = (p * _P) & _M64
        x = (x + h * q) & _M64
        q = (q * _Q) & _M64
    return x >> 32


@functools.cache
def _powers(n: int):
    """P**i mod 2**64 for i < n (n a power of two: a few sizes are cached), uint64."""
    import numpy as np

    up = np.full(n, _P, dtype=np.uint64)
    up[0] = 1
    return np.cumprod(up, dtype=np.uint64)


@functools.cache
def _powers_q(k: int):
    import numpy as np

    return np.array([pow(_Q, j, 1 << 64) for j in range(k)], dtype=np.uint64)


def _shingle_hashes(text: str, title: str = ""):
    """``shingle_hash32`` of every shingle of the body (what _shingles makes), in numpy."""
    import numpy as np

    body = text.replace(title, " ", 1) if title else text
    k = settings().duplicates["shingle_words"]
    # the [a-z0-9]+ runs of body.lower(): in UTF-8 every other character is bytes >= 0x80
    data = np.frombuffer(body.lower().encode().translate(_WORD_BYTES), dtype=np.uint8)
    is_word = data != 32
    edges = np.flatnonzero(np.diff(is_word, prepend=False, append=False))
    starts, ends = edges[::2], edges[1::2]
    if not len(starts):
        return np.empty(0, dtype=np.uint32)
    # each byte times P to the power of its place in its word; a word's hash is the sum
    index = np.arange(len(data))
    marks = np.zeros(len(data), dtype=np.int64)
    marks[starts] = starts
    place = index - np.maximum.accumulate(marks)
    up = _powers(1 << int((ends - starts).max()).bit_length())
    terms = np.where(is_word, data * up[np.minimum(place, len(up) - 1)], np.uint64(0))
    words = np.add.reduceat(terms, starts)
    shift = np.uint64(32)
    if len(words) < k:
        total = (words * _powers_q(len(words))).sum(dtype=np.uint64)
        return np.array([total >> shift], dtype=np.uint32)
    q = _powers_q(k)
    count = len(words) - k + 1
    x = words[:count] * q[0]
    for j in range(1, k):
        x += words[j : j + count] * q[j]
    return (x >> shift).astype(np.uint32)


@functools.cache
def _affine32(num_perm: int, seed: int = _MINHASH_SEED):
    """datasketch's "affine32" MinHash arithmetic in numpy alone: (permutations, empty hash
    values, update). ``update(hashes)`` takes the 32-bit hashes of the shingles and gives
    the hash values ``update_batch`` gives (murmur3 fmix32, then a * h + b mod 2**32, the
    minimum over shingles), a chunk of shingles at a time.

    It copies datasketch's code, so :func:`_minhash_kit` checks it against datasketch before
    minhash() uses it, and facts_for_folder checks it before trusting workers' values.
    """
    import numpy as np

    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    empty = np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    buf = np.empty((_MINHASH_CHUNK, num_perm), dtype=np.uint32)
    m1, m2 = np.uint32(0x85EBCA6B), np.uint32(0xC2B2AE35)

    def update(hashes):
        hv = np.unique(hashes)  # the same minimum; repeated shingles cost nothing
        hv ^= hv >> np.uint32(16)  # fmix32
        hv *= m1
        hv ^= hv >> np.uint32(13)
        hv *= m2
        hv ^= hv >> np.uint32(16)
        out = empty
        for i in range(0, len(hv), _MINHASH_CHUNK):
            chunk = hv[i : i + _MINHASH_CHUNK, None]
            x = buf[: len(chunk)]
            np.multiply(chunk, a, out=x)
            np.add(x, b, out=x)
            out = np.minimum(out, x.min(axis=0))
        return out

    return np.array([a, b]), empty, update


@functools.cache
def _minhash_kit(num_perm: int):
    """(an empty MinHash to copy, the fast exact update or None), once per process.

    ``MinHash(num_perm)`` draws its permutations from a seeded RandomState every time (0.2
    ms); copies share them. The update of :func:`_affine32` is used only if its permutations
    are the template's and, on a probe, numpy's shingle hashes are :func:`shingle_hash32`'s
    and its hash values are those of ``update_batch``.
    """
    import numpy as np
    from datasketch import MinHash

    template = MinHash(num_perm=num_perm, hashfunc=shingle_hash32)
    try:
        if getattr(template, "scheme", None) != "affine32" or template.seed != _MINHASH_SEED:
            return template, None
        perms, empty, update = _affine32(num_perm, template.seed)
        same = (
            isinstance(template.permutations, np.ndarray)
            and template.permutations.dtype == perms.dtype
            and np.array_equal(template.permutations, perms)
            and template.hashvalues.dtype == empty.dtype
            and np.array_equal(template.hashvalues, empty)
        )
        probe = "Since reform and opening up, 2,000 İstanbul x y of 1990 ... " * 40
        shingles = _shingles(probe, settings().duplicates["shingle_words"])
        hashes = _shingle_hashes(probe)
        ref = template.copy()
        ref.update_batch(shingles)
        got = update(hashes)
        if (
            not same
            or hashes.tolist() != [shingle_hash32(s) for s in shingles]
            or got.dtype != ref.hashvalues.dtype
            or not np.array_equal(got, ref.hashvalues)
        ):
            return template, None
        return template, update
    except Exception:  # noqa: BLE001 - any surprise in datasketch: its public API
        return template, None


def minhash(text: str, title: str = ""):
    """A datasketch MinHash of the body's word shingles (the title left out: reposts retitle)."""
    cfg = settings().duplicates
    template, update = _minhash_kit(cfg["num_perm"])
    m = template.copy()
    if update is None:
        body = text.replace(title, " ", 1) if title else text
        shingles = _shingles(body, cfg["shingle_words"])
        if shingles:
            m.update_batch(shingles)
        return m
    m.hashvalues = update(_shingle_hashes(text, title))
    return m


def _minhash_values(text: str, title: str = ""):
    """``minhash(text, title).hashvalues`` without datasketch (numpy alone: a worker does not
    import it); valid only when :func:`_minhash_kit` has a fast update (checked by the
    caller)."""
    return _affine32(settings().duplicates["num_perm"])[2](_shingle_hashes(text, title))


def _order_key(doc: Document) -> tuple[str, str]:
    return (doc.published or "9999", doc.file)


def _lsh(docs: list, threshold: float):
    from datasketch import MinHashLSH

    return MinHashLSH(threshold=min(threshold, 0.9) * 0.8, num_perm=docs[0].minhash.hashvalues.size)


def mark_duplicates_plain(docs: list) -> None:
    """:func:`mark_duplicates` with datasketch alone: one LSH query and ``jaccard`` per
    candidate. The reference the fast path is tested against, and its fallback."""
    if len(docs) < 2:
        return
    threshold = settings().duplicates["threshold"]
    lsh = _lsh(docs, threshold)
    by_id = {d.doc_id: d for d in docs}
    order = sorted(docs, key=_order_key)
    rank = {d.doc_id: i for i, d in enumerate(order)}
    for d in order:
        best, best_sim = None, 0.0
        # candidates in document order: of equally similar ones, the earliest wins
        for other_id in sorted(lsh.query(d.minhash), key=rank.__getitem__):
            sim = d.minhash.jaccard(by_id[other_id].minhash)
            if sim > best_sim:
                best, best_sim = by_id[other_id], sim
        d.similarity = round(best_sim, 3)
        if best is not None and best_sim >= threshold:
            d.duplicate_of = best.duplicate_of or best.doc_id
        lsh.insert(d.doc_id, d.minhash)


def mark_duplicates(docs: list[Document]) -> None:
    """Set ``duplicate_of`` (the earlier document, by date then file name) and ``similarity``.

    A document is a near-copy of its most similar earlier candidate (of equally similar
    ones, the earliest), or of that one's original. Candidate pairs come from MinHash LSH,
    so large corpora are not compared all-to-all;
    ``similarity`` is a document's highest estimated Jaccard similarity to an earlier
    document that LSH offers as a candidate: 0.0 when no earlier document comes near the
    threshold (:func:`similarity_matrix` has every pair, however low).
    The candidates' similarities are counted with numpy, all at once per document; the
    result is :func:`mark_duplicates_plain`'s.
    """
    if len(docs) < 2:
        return
    threshold = settings().duplicates["threshold"]
    lsh = _lsh(docs, threshold)
    order = sorted(docs, key=_order_key)
    best_of = _best_candidates(order, lsh)
    if best_of is None:  # signatures the fast path does not cover
        mark_duplicates_plain(docs)
        return
    size = float(len(docs[0].minhash))
    for i, d in enumerate(order):
        equal, tied = best_of[i]
        best, best_sim = None, 0.0
        if equal:
            best_sim = float(equal) / size  # MinHash.jaccard
            best = order[int(tied[0])]  # of equally similar ones, the earliest
        d.similarity = round(best_sim, 3)
        if best is not None and best_sim >= threshold:
            d.duplicate_of = best.duplicate_of or best.doc_id


def _best_candidates(order: list, lsh):
    """For each document (in ``order``): (hash values equal to the most similar earlier LSH
    candidate's, indices of all earlier candidates with that many), or None when the
    signatures are not all alike (then :func:`mark_duplicates` queries the LSH itself).

    The candidates are exactly ``lsh.query``'s: the earlier documents whose hash values in
    some band all equal this one's. Buckets come from sorting; similarities are counted
    with numpy over each document's candidates at once, not one ``jaccard`` call each.
    """
    import numpy as np

    first = order[0].minhash
    n, size = len(order), len(first)
    if len({d.doc_id for d in order}) != n or lsh.h != size or not lsh.hashranges:
        return None
    for d in order:
        m = d.minhash
        if (
            getattr(m, "scheme", None) != getattr(first, "scheme", None)
            or m.seed != first.seed
            or len(m) != size
            or not isinstance(m.hashvalues, np.ndarray)
            or m.hashvalues.dtype != first.hashvalues.dtype
            or m.hashvalues.dtype.kind not in "ui"
        ):
            return None
    hv = np.stack([d.minhash.hashvalues for d in order])
    # equality-preserving small ids per hash position (less memory to gather)
    ids = np.empty((n, size), dtype=np.uint16 if n < 2**16 else np.uint32)
    for k in range(size):
        ids[:, k] = np.unique(hv[:, k], return_inverse=True)[1].ravel()
    members, slot, bucket_start = [], [], []
    for start, end in lsh.hashranges:
        band = np.ascontiguousarray(hv[:, start:end])
        keys = band.view(np.dtype((np.void, band.dtype.itemsize * (end - start)))).ravel()
        bucket = np.unique(keys, return_inverse=True)[1].ravel()
        sorted_ = np.lexsort((np.arange(n), bucket))  # by bucket, then document order
        b_sorted = bucket[sorted_]
        starts = np.flatnonzero(np.r_[True, b_sorted[1:] != b_sorted[:-1]])
        first_slot = np.repeat(starts, np.diff(np.r_[starts, n]))
        where = np.empty(n, dtype=np.int64)
        where[sorted_] = np.arange(n)
        begin = np.empty(n, dtype=np.int64)
        begin[sorted_] = first_slot
        members.append(sorted_)
        slot.append(where)
        bucket_start.append(begin)
    # rows become Python lists one document at a time (fast to zip; whole-matrix lists would
    # leave tens of MB of small ints behind in a large corpus)
    slot_m = np.stack(slot, axis=1)
    begin_m = np.stack(bucket_start, axis=1)
    lanes = np.uint64(0x0101010101010101)
    out: list[tuple[int, Any]] = [(0, ())] * n

    def best_for(indices) -> None:
        mask = np.zeros(n, dtype=bool)
        for i in indices:
            parts = [
                members[j][b:e]
                for j, (b, e) in enumerate(
                    zip(begin_m[i].tolist(), slot_m[i].tolist(), strict=True)
                )
                if e > b
            ]
            if not parts:
                continue
            cand = np.concatenate(parts)
            mask[cand] = True
            cand = np.flatnonzero(mask[:i])  # the union, in document order
            mask[cand] = False
            same = ids[cand] == ids[i]
            if size % 8 == 0 and size < 256:  # count the equal positions 8 bytes at a time
                equal = (same.view(np.uint64).sum(axis=1) * lanes) >> np.uint64(56)
            else:
                equal = np.count_nonzero(same, axis=1)
            top = int(equal.max())
            out[i] = (top, cand[equal == top] if top else ())

    # documents are independent here, and numpy lets go of the GIL on large arrays: two
    # threads share the work (interleaved, so both get early and late documents)
    threads = 2 if n >= 2000 else 1
    if threads == 1:
        best_for(range(n))
    else:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(best_for, [range(t, n, threads) for t in range(threads)]))
    return out


def similarity_matrix(corpus: Corpus):
    """Estimated Jaccard similarity of every pair of documents (a square DataFrame)."""
    import pandas as pd

    ids = [d.doc_id for d in corpus]
    rows = [[a.minhash.jaccard(b.minhash) for b in corpus] for a in corpus]
    return pd.DataFrame(rows, index=ids, columns=ids)


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
