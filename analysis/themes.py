"""Themes: fields of S&T and modes of cooperation, per document and per era.

The eras (``analysis/lexicon/eras.yaml``) and the theme phrases
(``analysis/lexicon/themes.yaml``) are data an analyst may edit. Every sentence is
assigned a year: the year it speaks of (its first dated event, see
:func:`analysis.sentencedates.sentence_years`), else its document's publication year; that
year gives the era. A sentence that speaks only of the time "before 1978" belongs to no
era, nor does a year outside every era.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from analysis import scan
from analysis.config import LEXICON_DIR, InputError, load_lexicon
from analysis.sentences import SENTENCE_COLUMNS, mention_frame, sentence_row
from analysis.sentences import sentence_eras as _sentence_eras

GROUPS = ("field", "mode")
MENTION_COLUMNS = [
    *SENTENCE_COLUMNS,
    "group",
    "theme",
    "label",
    "phrase",
    "duplicate",
]


# --------------------------------------------------------------------------- eras
def load_eras(directory: str | Path | None = None) -> list[dict]:
    """The eras of ``eras.yaml`` (a list of {id, start, end, label}), checked.

    Beyond the schema: each era must start no later than it ends, the eras must be
    contiguous (each starts the year after the previous one ends) and ids unique.
    Raises :class:`InputError` naming the file.
    """
    directory = str(directory) if directory is not None else None
    data = load_lexicon("eras", directory)
    path = Path(directory or LEXICON_DIR) / "eras.yaml"
    eras = data["eras"]
    seen: set[str] = set()
    for i, era in enumerate(eras):
        if era["start"] > era["end"]:
            raise InputError(
                f"{path}: era {era['id']}: start {era['start']} after end {era['end']}"
            )
        if era["id"] in seen:
            raise InputError(f"{path}: era id {era['id']} is used twice")
        seen.add(era["id"])
        if i and era["start"] != eras[i - 1]["end"] + 1:
            raise InputError(
                f"{path}: era {era['id']} starts in {era['start']}, but the era before it "
                f"ends in {eras[i - 1]['end']} (eras must be contiguous and in order)"
            )
    return [dict(e) for e in eras]


def era_of(year: int | None, eras: list[dict] | None = None) -> str | None:
    """The id of the era that contains ``year``, or None (no year, or outside every era)."""
    if year is None or year != year:  # None or NaN
        return None
    for era in eras if eras is not None else load_eras():
        if era["start"] <= int(year) <= era["end"]:
            return era["id"]
    return None


# --------------------------------------------------------------------------- lexicon
@dataclass(frozen=True)
class Theme:
    group: str  # field | mode
    id: str
    label: str
    regex: re.Pattern[str]


@functools.cache
def themes() -> tuple[Theme, ...]:
    """The themes of ``themes.yaml``, each with its phrases compiled into one regex."""
    lex = load_lexicon("themes")
    path = LEXICON_DIR / "themes.yaml"
    out: list[Theme] = []
    seen: set[str] = set()
    for group, key in (("field", "fields"), ("mode", "modes")):
        for item in lex[key]:
            if item["id"] in seen:
                raise InputError(f"{path}: theme id {item['id']} is used twice")
            seen.add(item["id"])
            try:
                regex = re.compile("|".join(f"(?:{p})" for p in item["phrases"]), re.I)
            except re.error as exc:
                raise InputError(f"{path}: {key}: {item['id']}: bad phrase: {exc}") from exc
            out.append(Theme(group, item["id"], item["label"], regex))
    return tuple(out)


def find_themes(
    text: str, among: tuple[Theme, ...] | None = None
) -> list[tuple[int, int, str, str]]:
    """Every theme phrase in ``text`` as ``(start, end, group, theme id)``, in order.

    ``among``: only these themes (the others are known to have no phrase in ``text``)."""
    hits = [
        (m.start(), m.end(), t.group, t.id)
        for t in (themes() if among is None else among)
        for m in t.regex.finditer(text)
        if m.end() > m.start()
    ]
    return sorted(hits)


@functools.cache
def _theme_needs() -> tuple[tuple[str, ...] | None, ...]:
    """For each theme of :func:`themes`: lower-case strings one of which every match of its
    regex contains (:func:`analysis.scan.required_words`; None: unknown), each string that
    holds another of them left out (where it occurs, the other does)."""
    out = []
    for t in themes():
        needs = scan.required_words(t.regex)
        if needs is not None:
            needs = tuple(n for n in needs if not any(o != n and o in n for o in needs))
        out.append(needs)
    return tuple(out)


def _sentence_themes(doc) -> list[tuple[Theme, ...]]:
    """For each sentence of ``doc``: the themes that may have a phrase in it, those one of
    whose required strings (:func:`_theme_needs`) it holds; every theme for a sentence whose
    text is not its span of ``doc.text`` or where the document's text has no lower-cased view
    (:func:`analysis.scan.view`). One search per required string over the whole document,
    not a regex per theme and sentence (plain twin: every theme, tests/test_speed.py)."""
    every = themes()
    sentences = doc.sentences
    text = doc.text
    view = scan.view(text)
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    if (
        view is None
        or any(b < a for a, b in zip(starts, ends, strict=True))
        or any(b > a for b, a in zip(ends, starts[1:], strict=False))
    ):
        return [every] * len(sentences)  # (sentences overlapping or out of order)
    low = view[0]
    find = low.find
    marked: list[list[int]] = [[] for _ in sentences]
    for i, needs in enumerate(_theme_needs()):
        if needs is None:
            for m in marked:
                m.append(i)
            continue
        seen: set[int] = set()
        for n in needs:
            j = find(n)
            while j >= 0:
                k = bisect.bisect_right(starts, j) - 1
                if k >= 0 and j + len(n) <= ends[k]:
                    seen.add(k)
                    j = find(n, max(j + 1, ends[k]))  # the sentence holds it: go to the next
                else:
                    j = find(n, j + 1)
        for k in seen:
            marked[k].append(i)
    out = []
    for s, m in zip(sentences, marked, strict=True):
        if len(s.text) != s.end - s.start or not text.startswith(s.text, s.start):
            out.append(every)
        else:
            out.append(tuple(every[i] for i in sorted(m)))
    return out


# --------------------------------------------------------------------------- tables
# (the document, what sentence_years reads of it, its years): the last document's, so that
# partner_rows and theme_rows of one document find its dates once (one tuple, replaced
# whole: threads calling for different documents each see a whole entry or none)
_LAST_YEARS: tuple | None = None


def forget() -> None:
    """Let go of the last document and its sentence years."""
    global _LAST_YEARS
    _LAST_YEARS = None


def sentence_years_of(doc) -> dict[int, tuple[int | None, str]]:
    """:func:`analysis.sentencedates.sentence_years` of ``doc``, remembered for the last
    document asked about (while it and what the years are read from stay the same)."""
    from analysis.sentencedates import sentence_years

    global _LAST_YEARS
    key = (
        doc.text,
        doc.sentences,
        len(doc.sentences),
        doc.published,
        doc.published_basis,
        doc.published_year,
    )
    last = _LAST_YEARS
    if (
        last is not None
        and last[0] is doc
        and last[1][0] is key[0]
        and last[1][1] is key[1]
        and last[1][2:] == key[2:]
    ):
        return last[2]
    years = sentence_years(doc)
    _LAST_YEARS = (doc, key, years)
    return years


def theme_mentions(corpus):
    """One row per theme phrase found: the columns of ``MENTION_COLUMNS``, checked.

    ``start``/``end`` are the sentence's offsets in ``doc.text``; ``phrase`` the words
    matched; ``year`` the year the sentence speaks of, else the publication year
    (``year_basis``); ``era`` from that year.
    """

    eras = load_eras()
    rows = []
    for doc in corpus:
        rows.extend(theme_rows(doc, eras))
    return mention_frame(rows, MENTION_COLUMNS, mentions_schema())


def theme_rows(doc, eras: list[dict] | None = None) -> list[dict]:
    """The rows of :func:`theme_mentions` for one document (cached per document)."""
    eras = load_eras() if eras is None else eras
    labels = {t.id: t.label for t in themes()}
    rows = []
    years = sentence_years_of(doc)
    for s, among in zip(doc.sentences, _sentence_themes(doc), strict=True):
        if not among:
            continue
        found = find_themes(s.text, among)
        if not found:
            continue
        year, basis = years[s.start]
        era = None if basis == "before" else era_of(year, eras)
        for a, b, group, theme in found:
            rows.append(
                sentence_row(
                    doc,
                    s,
                    year,
                    basis,
                    era,
                    group=group,
                    theme=theme,
                    label=labels[theme],
                    phrase=s.text[a:b],
                )
            )
    return rows


def words_by_era(corpus, start_year: int | None = None, end_year: int | None = None):
    """Words of text attributed to each era (documents marked duplicate_of left out).

    Each sentence's words go to the era of the sentence's year, the same attribution as
    :func:`theme_mentions`; titles and headings count as sentences. With ``start_year``
    / ``end_year``, only sentences whose year is in that range count (filter the
    mentions the same way).
    """
    lo = start_year if start_year is not None else -(10**6)
    hi = end_year if end_year is not None else 10**6
    eras = load_eras()
    out = {e["id"]: 0 for e in eras}
    for doc in corpus:
        if doc.duplicate_of:
            continue
        for s, year, _basis, era in _sentence_eras(doc, eras):
            if era is not None and lo <= year <= hi:
                out[era] += len(s.text.split())
    return out


def themes_by_document(corpus, mentions=None):
    """Mentions per document and theme, with the rate per 1,000 words of the document.

    Columns: doc_id, group, theme, label, mentions, words, rate (mentions per 1,000
    words of the document). Every theme
    appears for every document (zero when absent), so rates can be compared.
    """
    import pandas as pd

    mentions = theme_mentions(corpus) if mentions is None else mentions
    counts = mentions.groupby(["doc_id", "theme"]).size()
    rows = []
    for doc in corpus:
        for t in themes():
            n = int(counts.get((doc.doc_id, t.id), 0))
            rows.append(
                {
                    "doc_id": doc.doc_id,
                    "group": t.group,
                    "theme": t.id,
                    "label": t.label,
                    "mentions": n,
                    "words": doc.words,
                    "rate": round(1000 * n / doc.words, 3) if doc.words else 0.0,
                }
            )
    cols = ["doc_id", "group", "theme", "label", "mentions", "words", "rate"]
    return pd.DataFrame(rows, columns=cols)


def themes_by_era(
    mentions,
    corpus,
    wide: bool = False,
    start_year: int | None = None,
    end_year: int | None = None,
):
    """Mentions per era and theme, normalised by the amount of text about that era.

    ``rate`` = mentions per 1,000 words = mentions in the era / words attributed to the
    era × 1,000 (NaN for an era with no text).
    Words are attributed sentence by sentence: each sentence's words go to the era of
    the year it speaks of (its first explicit date, else its document's publication
    year), exactly as its mentions do, so a 1999 document's sentence "In 1994, …" counts
    for the era of 1994 in both numerator and denominator. Documents marked as
    near-duplicates are left out of both; sentences with no era ("before 1978", years
    outside every era) are left out. Long format (era, group, theme, label, mentions,
    words, rate), eras in file order; ``wide=True`` gives a theme × era matrix
    of ``rate`` for a heatmap. When ``mentions`` were filtered to a range of years, pass
    the same ``start_year``/``end_year`` so the words are counted over the same range.
    """
    import pandas as pd

    eras = load_eras()
    words = words_by_era(corpus, start_year, end_year)
    kept = mentions[~mentions["duplicate"] & mentions["era"].notna()]
    counts = kept.groupby(["era", "theme"]).size()
    rows = []
    for era in eras:
        for t in themes():
            n = int(counts.get((era["id"], t.id), 0))
            w = words[era["id"]]
            rows.append(
                {
                    "era": era["id"],
                    "group": t.group,
                    "theme": t.id,
                    "label": t.label,
                    "mentions": n,
                    "words": w,
                    "rate": round(1000 * n / w, 3) if w else float("nan"),
                }
            )
    cols = ["era", "group", "theme", "label", "mentions", "words", "rate"]
    table = pd.DataFrame(rows, columns=cols)
    if wide:
        matrix = table.pivot(index="label", columns="era", values="rate")
        order = [t.label for t in themes()]
        return matrix.reindex(index=order, columns=[e["id"] for e in eras])
    return table


def sentence_columns() -> dict:
    """Pandera columns every per-sentence mention table starts with (themes, partners)."""
    import pandera.pandas as pa

    return {
        "doc_id": pa.Column(str),
        "start": pa.Column(int, pa.Check.ge(0)),
        "end": pa.Column(int, pa.Check.ge(0)),
        "year": pa.Column("Int64", pa.Check.in_range(1900, 2100), nullable=True),
        "year_basis": pa.Column(str),
        "era": pa.Column(str, nullable=True),
    }


def mentions_schema():
    """The pandera schema of :func:`theme_mentions`."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            **sentence_columns(),
            "group": pa.Column(str, pa.Check.isin(GROUPS)),
            "theme": pa.Column(str),
            "label": pa.Column(str),
            "phrase": pa.Column(str, pa.Check.str_length(min_value=1)),
            "duplicate": pa.Column(bool),
        },
        strict=True,
        ordered=True,
    )


def by_era_schema():
    """The pandera schema of :func:`themes_by_era` (long format)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "era": pa.Column(str),
            "group": pa.Column(str, pa.Check.isin(GROUPS)),
            "theme": pa.Column(str),
            "label": pa.Column(str),
            "mentions": pa.Column(int, pa.Check.ge(0)),
            "words": pa.Column(int, pa.Check.ge(0)),
            "rate": pa.Column(float, pa.Check.ge(0), nullable=True),
        },
        strict=True,
    )
