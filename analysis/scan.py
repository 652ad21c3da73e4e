"""Fast scanning: substring searches on a lower-cased text that find regex candidates.

A fast path here finds the places where a pattern may match by plain ``str.find`` of
explicit literals (written beside each pattern, never read out of the ``re`` module's
internals), then confirms each candidate with the pattern itself. Each fast path is
checked against its plain version (the pattern run over every sentence) in the tests.
"""

from __future__ import annotations

import functools
import re

# Non-ASCII characters that re.IGNORECASE matches to ASCII letters ("ſince", Kelvin sign);
# U+0130 is also the only character whose lower() is two characters long. A text holding
# one of them takes the plain path: its lower() does not stand for re.IGNORECASE.
FOLD_SPECIAL = "\u0130\u0131\u017f\u212a"

# "19dd"/"20dd": a superset of every year pattern's matches (dating.YEAR_RE)
YEAR_CANDIDATE = re.compile(r"(?:19|20)\d\d")

# bytes -> itself for a-z, else a blank: the [a-z] runs of a lower-cased text
_LETTER_RUNS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def has_fold_special(text: str) -> bool:
    """One of :data:`FOLD_SPECIAL` in ``text`` (four ``in`` tests: 30 times a regex search)."""
    return any(ch in text for ch in FOLD_SPECIAL)


def forget() -> None:
    """Let go of the views of the last texts (each holds a lower-cased copy of its text)."""
    view.cache_clear()


@functools.lru_cache(maxsize=2)
def view(text: str) -> tuple[str, frozenset[bytes], list[int]] | None:
    """(text.lower(), its [a-z] runs, starts of "19dd"/"20dd"), or None when ``text`` has
    one of the :data:`FOLD_SPECIAL` characters.

    The scans of dating and of facts share it (the same document's text). A word or phrase
    matched case-insensitively as whole words is found by ``low.find``, and only when all
    its letter runs are among the runs of the text.
    """
    if has_fold_special(text):
        return None
    # lower() a piece at a time: on a non-ASCII text it takes 12 bytes per character at once
    low = "".join([text[a:b].lower() for a, b in pieces(text, _PIECE, " ")])
    runs: set[bytes] = set()
    for a, b in pieces(low, _PIECE, " "):  # a piece at a time: no list of every word
        runs.update(low[a:b].encode("ascii", "replace").translate(_LETTER_RUNS).split())
    return low, frozenset(runs), [m.start() for m in YEAR_CANDIDATE.finditer(text)]


_PIECE = 1 << 16


def pieces(text, size: int, blank):
    """(start, end) of consecutive pieces of ``text`` (a str or bytes) about ``size`` long,
    each but the last ending just after a ``blank`` (so no word is cut in two)."""
    n, a = len(text), 0
    while a < n:
        b = a + size
        if b >= n:
            b = n
        else:
            cut = text.rfind(blank, a, b)
            if cut < 0:
                cut = text.find(blank, b)
            b = n if cut < 0 else cut + 1
        yield a, b
        a = b


@functools.cache
def letter_runs(phrase: str) -> tuple[bytes, ...]:
    """The [a-z] runs of ``phrase`` lower-cased, as bytes (what :func:`view` collects)."""
    return tuple(phrase.lower().encode("ascii", "replace").translate(_LETTER_RUNS).split())


def find_all(low: str, literals, runs: frozenset[bytes] | None = None) -> list[int]:
    """Every start of every literal in ``low``; with ``runs`` (:func:`view`), a literal some
    letter run of which is not in the text is not searched for."""
    out = []
    find = low.find
    for lit in literals:
        if runs is not None and not runs.issuperset(letter_runs(lit)):
            continue
        i = find(lit)
        while i >= 0:
            out.append(i)
            i = find(lit, i + 1)
    return out


def literal_words(words) -> tuple[str, ...]:
    """``words`` lower-cased when every one is a plain ASCII word or phrase (so that ``find``
    of it in a lower-cased text finds every case-insensitive match), else ``()``: no fast
    scan for them."""
    if all(w and w.isascii() and w[0].isalnum() for w in words):
        return tuple(w.lower() for w in words)
    return ()


# --------------------------------------------------------------------------- required words
# Prefilters for the lexicons' patterns (indicator rules, number anchors and markers): a
# window of text without any of a pattern's required strings is passed over without running
# the regex. They are read from the pattern's own text by the small reader below (a subset
# of the syntax; anything else makes it give up), never from the ``re`` module's internals.
_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")
_ESCAPE_CLASSES = set("sSwWdDbBAZntrfv")
# a group with scoped flags of case, lines and dot only ("(?i:", "(?-i:"); "x" (verbose)
# changes what the characters mean and is not read
_SCOPED_FLAGS = re.compile(r"\(\?[ims]*(?:-[ims]+)?:")


def required_words(pattern: re.Pattern[str] | str) -> tuple[str, ...] | None:
    """Lower-case ASCII strings one of which every match of ``pattern`` contains, or None.

    A run of literal characters is required; a group, or a repeat of at least one, requires
    what its content requires; an alternation requires one of its branches' strings (all
    branches must require some); classes, look-arounds and optional parts require nothing.
    The longest requirement of a sequence is kept. With the text lower-cased (and no
    :data:`FOLD_SPECIAL` in it), ``any(s in window for s in needs)`` is then a necessary
    condition for a match inside the window. Verbose patterns, inline flags, back
    references and unknown escapes give None (no prefilter).
    """
    text = pattern if isinstance(pattern, str) else pattern.pattern
    if not isinstance(pattern, str) and pattern.flags & re.VERBOSE:
        return None
    try:
        needs, end = _alternation(text, 0)
    except _Unknown:
        return None
    return needs if end == len(text) else None


class _Unknown(Exception):
    """A construct the reader does not know: no prefilter for this pattern."""


def _better(a: tuple[str, ...] | None, b: tuple[str, ...] | None) -> tuple[str, ...] | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if min(map(len, a)) >= min(map(len, b)) else b


def _alternation(p: str, i: int) -> tuple[tuple[str, ...] | None, int]:
    """The branches from ``p[i]`` up to an unmatched ")" or the end: (needs, index)."""
    branches = []
    while True:
        need, i = _sequence(p, i)
        branches.append(need)
        if i < len(p) and p[i] == "|":
            i += 1
            continue
        break
    if any(b is None for b in branches):
        return None, i
    return tuple(sorted(set().union(*branches))), i


def _quantified(p: str, i: int) -> tuple[bool | None, int]:
    """(None: no quantifier at ``p[i]``; else whether it allows zero repeats), index after."""
    m = _QUANTIFIER.match(p, i)
    if not m:
        return None, i
    q = m.group(0)
    if q[0] in "?*+":
        return q[0] != "+", m.end()
    low = q[1:].split("}")[0].split(",")[0]
    return not low or int(low) == 0, m.end()


def _sequence(p: str, i: int) -> tuple[tuple[str, ...] | None, int]:
    best: tuple[str, ...] | None = None
    run: list[str] = []

    def flush() -> None:
        nonlocal best, run
        if run:
            best = _better(best, ("".join(run).lower(),))
            run = []

    while i < len(p) and p[i] not in "|)":
        ch = p[i]
        literal = None
        need: tuple[str, ...] | None = None
        if ch == "\\":
            if i + 1 >= len(p):
                raise _Unknown("\\")
            nxt = p[i + 1]
            if nxt in _ESCAPE_CLASSES:
                literal = None
            elif nxt.isalnum():
                raise _Unknown("\\" + nxt)  # \x.., \u...., back references
            else:
                literal = nxt
            i += 2
        elif ch == "[":
            j = i + 1
            if j < len(p) and p[j] == "^":
                j += 1
            if j < len(p) and p[j] == "]":
                j += 1
            while j < len(p) and p[j] != "]":
                j += 2 if p[j] == "\\" else 1
            if j >= len(p):
                raise _Unknown("[")
            i = j + 1
        elif ch == "(":
            if p.startswith("(?:", i) or p.startswith("(?>", i):
                i += 3
            elif p.startswith("(?P<", i):
                i = p.index(">", i) + 1
            elif p.startswith(("(?=", "(?!"), i) or p.startswith(("(?<=", "(?<!"), i):
                i += 3 if p[i + 2] in "=!" else 4
                _inner, i = _alternation(p, i)
                if i >= len(p) or p[i] != ")":
                    raise _Unknown("(")
                i += 1
                flush()
                continue  # a look-around requires nothing of the match
            elif _SCOPED_FLAGS.match(p, i):
                # "(?-i:WHO)": what it requires, lower-cased, is in a lower-cased text too
                # (no flag here changes what a literal matches but the case)
                i = _SCOPED_FLAGS.match(p, i).end()
            elif p.startswith("(?", i):
                raise _Unknown("(?")  # global flags, conditionals, comments
            else:
                i += 1
            need, i = _alternation(p, i)
            if i >= len(p) or p[i] != ")":
                raise _Unknown("(")
            i += 1
        elif ch in ".^$":
            i += 1
        elif ch in "*+?{":
            raise _Unknown(ch)  # a quantifier with nothing before it
        else:
            literal = ch
            i += 1
        optional, i = _quantified(p, i)
        if literal is not None and ord(literal) < 128 and not optional:
            if optional is None:
                run.append(literal)
            else:
                flush()  # "a+", "a{2}": its own requirement, not part of a run
                best = _better(best, (literal.lower(),))
            continue
        flush()
        if need is not None and not optional:
            best = _better(best, need)
    flush()
    return best, i
