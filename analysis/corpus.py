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
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.05 * min(len(text), 65536):
        raise SkipFile("binary file (control characters)")
    _check_english(text)
    return text


def _check_english(text: str) -> None:
    cfg = settings()
    sample = text[: cfg.language["sample_chars"]]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        raise SkipFile("no words in it")
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24F)
    if non_latin > 0.3 * len(letters):
        script = "Chinese" if any("\u4e00" <= ch <= "\u9fff" for ch in letters) else "non-Latin"
        raise SkipFile(f"not in English ({script} script)")
    words = re.findall(r"[A-Za-z]+", sample)
    share = sum(1 for w in words if w.lower() in cfg.function_words) / max(len(words), 1)
    if share < cfg.language["min_english_share"]:
        raise SkipFile(f"not in English (only {share:.0%} common English words)")


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
    for n, (s, e, n_lines) in enumerate(_paragraphs(text)):
        para = text[s:e]
        words = len(para.split())
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
_OCCASION = re.compile(
    r"\b(?:held|opened|convened|signed|issued|released|published|took place|launched)\b", re.I
)


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
    if catalog_date:
        doc.published, doc.published_basis = catalog_date, "catalog"
        doc.published_year = int(catalog_date[:4])
        return
    cfg = settings()
    latest_past = None
    occasion: list[tuple[str, int]] = []
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
    # datelines: the first and last few body lines
    lines = [ln.strip() for ln in doc.text.splitlines() if ln.strip()]
    for line in lines[:4] + lines[-4:]:
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

    from analysis.config import validate

    path = folder / "catalog.yaml"
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML: {exc}") from exc
    validate(data, LEXICON_DIR / "catalog.schema.yaml", path)
    return {Path(k).stem: v for k, v in data.items()}


def read_document(path: Path, meta: dict | None = None) -> Document:
    """Read one file into a :class:`Document` (not yet compared with the others).

    Raises :class:`SkipFile` with the reason when the file must be left out.
    """
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
    date_document(doc, evidence, meta.get("published", ""))
    doc.minhash = minhash(text, title)
    return doc


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


def minhash(text: str, title: str = ""):
    """A datasketch MinHash of the body's word shingles (the title left out: reposts retitle)."""
    from datasketch import MinHash

    cfg = settings().duplicates
    body = text.replace(title, " ", 1) if title else text
    m = MinHash(num_perm=cfg["num_perm"])
    shingles = _shingles(body, cfg["shingle_words"])
    if shingles:
        m.update_batch(shingles)
    return m


def _order_key(doc: Document) -> tuple[str, str]:
    return (doc.published or "9999", doc.file)


def mark_duplicates(docs: list[Document]) -> None:
    """Set ``duplicate_of`` (the earlier document, by date then file name) and ``similarity``.

    Candidate pairs come from MinHash LSH, so large corpora are not compared all-to-all;
    ``similarity`` is each document's highest estimated Jaccard similarity to any other.
    """
    if len(docs) < 2:
        return
    from datasketch import MinHashLSH

    threshold = settings().duplicates["threshold"]
    lsh = MinHashLSH(threshold=min(threshold, 0.9) * 0.8, num_perm=docs[0].minhash.hashvalues.size)
    by_id = {d.doc_id: d for d in docs}
    for d in sorted(docs, key=_order_key):
        best, best_sim = None, 0.0
        for other_id in lsh.query(d.minhash):
            sim = d.minhash.jaccard(by_id[other_id].minhash)
            if sim > best_sim:
                best, best_sim = by_id[other_id], sim
        d.similarity = round(best_sim, 3)
        if best is not None and best_sim >= threshold:
            d.duplicate_of = best.duplicate_of or best.doc_id
        lsh.insert(d.doc_id, d.minhash)


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
    """One row per document, the columns of ``stbrief docs`` (DESIGN.md)."""
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
