"""Partners: the countries, regions, organisations and programmes a document names.

Names come from pycountry (every country's ``name``, ``official_name`` and
``common_name``) and from the alias lexicon ``analysis/lexicon/partners.yaml`` (short
forms, demonyms, acronyms, regions, organisations, programmes). All of them go into one
alternation regex, compiled once, longest names first, matched case-sensitively between
non-word characters: "who" is not WHO, "US$" is a currency (a stop phrase), and
"China-Pakistan" gives Pakistan. China itself (China, Chinese, PRC, …) is the subject of
the documents and never a partner.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from analysis.config import LEXICON_DIR, InputError, load_lexicon
from analysis.sentences import SENTENCE_COLUMNS

KINDS = ("country", "region", "organisation", "programme")
SUBJECT = "__subject__"
STOP = "__stop__"

MENTION_COLUMNS = [
    *SENTENCE_COLUMNS,
    "partner",
    "kind",
    "quote",
    "duplicate",
]


@dataclass(frozen=True)
class _Matcher:
    regex: re.Pattern[str]
    names: dict[str, tuple[str, str]]  # surface form -> (canonical, kind)
    stop: re.Pattern[str] | None
    # the fast path of ``regex`` (:func:`find_partners`): where a name may start (a first
    # character of some name, not inside a word), and the names of each first character,
    # in ``regex``'s order, matched there
    starts: re.Pattern[str] | None = None
    by_first: dict[str, re.Pattern[str]] | None = None


@functools.cache
def matcher() -> _Matcher:
    """The compiled partner regex and its name table (built once per process)."""
    import pycountry

    lex = load_lexicon("partners")
    names: dict[str, tuple[str, str]] = {}
    skip = set(lex["skip_names"])
    canonical_of: dict[str, str] = {}
    for country in pycountry.countries:
        canonical = _canonical(country, lex)
        canonical_of[country.alpha_3] = canonical
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and value not in skip and ", " not in value:
                names.setdefault(value, (canonical, "country"))
        if canonical not in skip:
            names.setdefault(canonical, (canonical, "country"))
    for key in ("demonyms", "capitals"):
        for code, surfaces in (lex.get(key) or {}).items():
            if code not in canonical_of:
                raise InputError(f"{LEXICON_DIR / 'partners.yaml'}: {key}: no country {code}")
            for surface in surfaces:
                names.setdefault(surface, (canonical_of[code], "country"))
    # the lexicon wins over pycountry
    for entry in lex["entries"]:
        for surface in [entry["name"], *entry["aliases"]]:
            names[surface] = (entry["name"], entry["kind"])
    for surface in lex["subject"]:
        names[surface] = (SUBJECT, SUBJECT)
    for surface in skip:
        names.pop(surface, None)
    ordered = sorted(names, key=lambda n: (-len(n), n))
    alternation = "|".join(map(_name_pattern, ordered))
    regex = re.compile(rf"(?<![\w.'’])(?:{alternation})(?!\w)")
    groups: dict[str, list[str]] = {}
    for n in ordered:
        groups.setdefault(n[0], []).append(n)
    by_first = {
        c: re.compile(rf"(?:{'|'.join(map(_name_pattern, group))})(?!\w)")
        for c, group in groups.items()
    }
    # a name opening with a lower-case word ("the Netherlands", "eastern Europe") can only
    # start where its words up to its first capital stand
    caps = "".join(re.escape(c) for c in groups if c.isupper())
    lower = sorted({_up_to_capital(n) for n in ordered if not n[0].isupper()}, key=len)[::-1]
    firsts = [f"[{caps}]"] if caps else []
    # (a look-ahead: "the P" must not hide the "P" of "the People's Republic of China")
    starts = re.compile(rf"(?<![\w.'’])(?={'|'.join(firsts + [re.escape(w) for w in lower])})")
    stop = None
    if lex["stop_phrases"]:
        try:
            stop = re.compile("|".join(f"(?:{p})" for p in lex["stop_phrases"]))
        except re.error as exc:
            raise InputError(f"{LEXICON_DIR / 'partners.yaml'}: stop_phrases: {exc}") from exc
    return _Matcher(regex, names, stop, starts, by_first)


# the blank between a name's words: spaces, or a line's break in hard-wrapped text ("to the
# United\nStates")
_NAME_BLANK = r"(?:[ \t]+|[ \t]*\n[ \t]*)"


def _name_pattern(name: str) -> str:
    """``name`` as a pattern whose words may stand apart by :data:`_NAME_BLANK`."""
    return _NAME_BLANK.join(re.escape(w) for w in name.split(" "))


def _up_to_capital(name: str) -> str:
    """``name`` up to its first capital letter, inclusive (all of it if it has none)."""
    for i, ch in enumerate(name):
        if ch.isupper():
            return name[: i + 1]
    return name


_POSSESSIVE = re.compile(r"['’]s$")


def find_partners(text: str) -> list[tuple[int, int, str, str]]:
    """Every partner named in ``text`` as ``(start, end, canonical, kind)``, in order.

    ``kind`` is country, region, organisation or programme. Mentions of China itself and
    names inside a stop phrase ("US$ 6.69 billion", "Indian Ocean") are left out.
    """
    m = matcher()
    return _partners(m, text, _name_hits(m, text))


def partners_in(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """``find_partners(text[start:end])``, its offsets those of the slice, each name tried
    only where one may start (:func:`_likely_name_starts`; plain twin: find_partners of
    the slice, tests/test_speed.py)."""
    m = matcher()
    piece = text[start:end]
    hits = [
        (hit.start() - start, hit.end() - start, hit.group(0))
        for hit in _name_hits_in(m, text, start, end)
    ]
    return _partners(m, piece, hits, spans=True)


def _partners(m: _Matcher, text: str, hits, spans: bool = False) -> list[tuple[int, int, str, str]]:
    """The partners of ``text`` from its name hits (matches, or (start, end, surface) with
    ``spans``): stop phrases, China and repeats in brackets left out."""
    # stop phrases in order, not overlapping: only the last one starting at or before a
    # name can hold it (linear in the text; plain twin in tests/test_facts.py)
    blocked_starts: list[int] = []
    blocked_ends: list[int] = []
    stops_found = m.stop is None
    out = []
    for hit in hits:
        if spans:
            start, end, surface = hit
        else:
            start, end = hit.span()
            surface = hit.group(0)
        # (both tests drop the hit: China and unknown forms first, so a text naming only
        # China needs no stop phrases)
        if "\n" in surface or "  " in surface or "\t" in surface:
            surface = " ".join(surface.split())  # (a name wrapped over a line's break)
        entry = m.names.get(surface) or m.names.get(_POSSESSIVE.sub("", surface))
        if entry is None or entry[0] == SUBJECT:
            continue
        if not stops_found:  # (a text without names needs no stop phrases)
            stops_found = True
            for s in m.stop.finditer(text):
                blocked_starts.append(s.start())
                blocked_ends.append(s.end())
        j = bisect.bisect_right(blocked_starts, start) - 1
        if j >= 0 and start < blocked_ends[j]:
            continue
        if out and out[-1][2] == entry[0] and text[out[-1][1] : start].strip() == "(":
            continue  # "International Thermonuclear Experimental Reactor (ITER)": one mention
        out.append((start, end, entry[0], entry[1]))
    return out


def _name_hits(m: _Matcher, text: str):
    """``m.regex.finditer(text)``, faster: each of the names of one first character is
    tried only where such a name may start (the one big alternation tries all ~660 names
    at every character)."""
    last = 0
    for c in m.starts.finditer(text):
        at = c.start()
        if at < last:
            continue  # inside the name found before
        hit = m.by_first[text[at]].match(text, at)
        if hit is not None:
            last = hit.end()
            yield hit


# a character a name may not follow (the look-behind of ``_Matcher.starts``)
_NAME_AFTER = re.compile(r"[\w.'’]")


def _likely_name_starts(text: str, start: int, end: int) -> list[int]:
    """The positions of ``text[start:end]`` (read as that slice) where a name may start:
    a capital that opens a run of letters some name's first word has (the capital and the
    [A-Za-z] run after it, :func:`_first_words`: a name matches only where the text has its
    own, so ~20 names are not tried at every capital; a capital inside a run is refused by
    the look-behind), or the words up to the first capital of a name that opens otherwise.
    Only the slice is read: the sentences with figures are a third of a document."""
    runs, firsts = _first_words()
    out = [m.start() for m in runs.finditer(text, start, end) if m.group() in firsts]
    words = _start_literals()[1]
    if words:
        find = text.find
        more = False
        for w in words:
            i = find(w, start, end)
            while i >= 0:
                out.append(i)
                more = True
                i = find(w, i + 1, end)
        if more:
            out.sort()
    return out


@functools.cache
def _first_words() -> tuple[re.Pattern[str], frozenset[str]]:
    """(a pattern of a capital a name opens with and the [A-Za-z] run after it, those
    strings of the names themselves)."""
    m = matcher()
    caps = "".join(sorted(re.escape(c) for c in m.by_first if c.isupper()))
    run = re.compile(r"[A-Za-z]*")
    firsts = frozenset(n[0] + run.match(n, 1).group() for n in m.names if n[0].isupper())
    return re.compile(rf"[{caps}][A-Za-z]*" if caps else r"(?!)"), firsts


@functools.cache
def _start_literals() -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """(a class of the capitals names open with, the opening words up to the first capital
    of the names that open otherwise) (see :func:`matcher`)."""
    m = matcher()
    caps = sorted(c for c in m.by_first if c.isupper())
    words = sorted({_up_to_capital(n) for n in m.names if not n[0].isupper()})
    firsts = re.compile(f"[{''.join(map(re.escape, caps))}]") if caps else None
    return firsts, tuple(w for w in words if not any(o != w and w.startswith(o) for o in words))


def _name_hits_in(m: _Matcher, text: str, start: int, end: int):
    """The matches of ``m.regex.finditer(text[start:end])`` (their offsets those of
    ``text``): each name tried only where one may start (:func:`_likely_name_starts`),
    the look-behind read at the slice's edge as the slice has it (nothing before its
    start)."""
    after = _NAME_AFTER.match
    last = start
    by_first = m.by_first
    for at in _likely_name_starts(text, start, end):
        if at < last or (at > start and after(text, at - 1)):
            continue
        pattern = by_first.get(text[at])
        if pattern is None:
            continue
        hit = pattern.match(text, at, end)
        if hit is not None:
            last = hit.end()
            yield hit


@functools.cache
def currency_country(code: str) -> str | None:
    """The partner whose currency ``code`` is (ISO 4217: its first two letters are the
    country's ISO 3166 code, "KRW" Korea's won, "DEM" Germany's mark), named as the partner
    lexicon names it; None for a code of no one country ("XDR", "EUR")."""
    import pycountry

    if len(code) != 3 or code.startswith("X"):
        return None
    country = pycountry.countries.get(alpha_2=code[:2])
    return None if country is None else _canonical(country, load_lexicon("partners"))


def _canonical(country, lex: dict) -> str:
    """A pycountry country's name as the partner lexicon names it (``canonical``), else its
    common name, else its name ("Virgin Islands, British": the official name reads better)."""
    default = getattr(country, "common_name", None) or country.name
    if ", " in default:
        default = getattr(country, "official_name", None) or default
    return lex["canonical"].get(country.alpha_3, default)


def partner_names(text: str) -> list[str]:
    """The canonical partner names of ``text``, each once, in order of first mention."""
    return list(dict.fromkeys(p[2] for p in find_partners(text)))


def partner_mentions(corpus):
    """One row per partner mention: the columns of ``MENTION_COLUMNS``.

    ``start``/``end`` are the sentence's offsets in ``doc.text``; ``quote`` the words as
    written ("German", "U.S."). ``year`` is the year the sentence speaks of (its first
    dated event, see :func:`analysis.sentencedates.sentence_years`), else the document's
    publication year (``year_basis`` says which); ``era`` comes from that year (none for
    "before 1978" context). ``duplicate`` marks documents that are near-copies of another.
    """

    from analysis.sentences import mention_frame
    from analysis.themes import load_eras

    eras = load_eras()
    rows = []
    for doc in corpus:
        rows.extend(partner_rows(doc, eras))
    return mention_frame(rows, MENTION_COLUMNS, mentions_schema())


def partner_rows(doc, eras: list[dict] | None = None) -> list[dict]:
    """The rows of :func:`partner_mentions` for one document (cached per document)."""
    from analysis.sentences import sentence_row
    from analysis.themes import era_of, load_eras, sentence_years_of

    eras = load_eras() if eras is None else eras
    rows = []
    years = None
    text = doc.text
    for s in doc.sentences:
        if len(s.text) == s.end - s.start and text.startswith(s.text, s.start):
            found = partners_in(text, s.start, s.end)  # (the document's name starts, once)
        else:
            found = find_partners(s.text)
        if not found:
            continue
        if years is None:
            years = sentence_years_of(doc)
        year, basis = years[s.start]
        era = era_of(year, eras) if basis != "before" else None
        for a, b, canonical, kind in found:
            rows.append(
                sentence_row(
                    doc, s, year, basis, era, partner=canonical, kind=kind, quote=s.text[a:b]
                )
            )
    return rows


def partners_by_document(corpus, mentions=None):
    """Mentions per document and partner: doc_id, partner, kind, mentions, sentences."""
    import pandas as pd

    mentions = partner_mentions(corpus) if mentions is None else mentions
    cols = ["doc_id", "partner", "kind", "mentions", "sentences"]
    if mentions.empty:
        return pd.DataFrame(columns=cols)
    out = (
        mentions.groupby(["doc_id", "partner", "kind"], as_index=False)
        .agg(mentions=("quote", "size"), sentences=("start", "nunique"))
        .sort_values(["doc_id", "mentions", "partner"], ascending=[True, False, True])
    )
    return out.reset_index(drop=True)[cols]


def partners_by_era(mentions):
    """Mentions per era and partner, duplicates left out: era, partner, kind, mentions, documents.

    Eras in the order of ``eras.yaml``; mentions with no era (before the first era, after
    the last, or "before 1978" context) are left out.
    """
    import pandas as pd

    from analysis.themes import load_eras

    cols = ["era", "partner", "kind", "mentions", "documents"]
    kept = mentions[~mentions["duplicate"] & mentions["era"].notna()]
    if kept.empty:
        return pd.DataFrame(columns=cols)
    order = [e["id"] for e in load_eras()]
    out = kept.groupby(["era", "partner", "kind"], as_index=False).agg(
        mentions=("quote", "size"), documents=("doc_id", "nunique")
    )
    out["era"] = pd.Categorical(out["era"], categories=order, ordered=True)
    out = out.sort_values(["era", "mentions", "partner"], ascending=[True, False, True])
    return out.reset_index(drop=True)[cols]


def mentions_schema():
    """The pandera schema of :func:`partner_mentions`."""
    import pandera.pandas as pa

    from analysis.themes import sentence_columns

    return pa.DataFrameSchema(
        {
            **sentence_columns(),
            "partner": pa.Column(str, pa.Check.str_length(min_value=1)),
            "kind": pa.Column(str, pa.Check.isin(KINDS)),
            "quote": pa.Column(str, pa.Check.str_length(min_value=1)),
            "duplicate": pa.Column(bool),
        },
        checks=pa.Check(lambda df: (df["end"] >= df["start"]).all(), error="end before start"),
        strict=True,
        ordered=True,
    )
