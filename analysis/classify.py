"""Which indicator a figure counts, whose figure it is and what kind of measure it is.

Rules come from ``lexicon/indicators.yaml`` (validated on load); the clause the number
stands in decides (DESIGN.md: ``indicator``, ``scope``, ``actor``, ``measure``, ``counted``).
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from analysis import scan
from analysis.config import InputError, load_lexicon
from analysis.dictionary import spellings
from analysis.numbers import clause_words, list_head, respectively
from analysis.units import MEASURE_UNITS, is_money

UNCLASSIFIED = "unclassified"
_required = scan.required_words  # the pattern's required strings (scan.py)


# --------------------------------------------------------------------------- indicators
@dataclass(frozen=True)
class _Rule:
    indicator: str
    after: re.Pattern[str] | None
    before: re.Pattern[str] | None
    context: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    not_before: re.Pattern[str] | None
    not_context: re.Pattern[str] | None
    units: frozenset[str]
    # for each pattern above: lower-case strings one of which any match contains (None:
    # unknown), so a window without any of them is passed over without running the regex
    needs: dict[str, tuple[str, ...] | None] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class _Indicators:
    ids: tuple[str, ...]
    labels: dict[str, str]
    rules: tuple[_Rule, ...]
    conflict_window_years: int
    measures: dict[str, str] = field(default_factory=dict)  # indicator -> default measure
    # (antecedent indicators, verb, indicator): a figure with no noun of its own whose verb
    # makes its antecedent's people another population ("have come back": returnees)
    turns: tuple[tuple[frozenset[str], re.Pattern[str], str], ...] = ()
    # count indicator -> the indicator of the money those things are worth, and back
    worth: dict[str, str] = field(default_factory=dict)
    counted_by: dict[str, str] = field(default_factory=dict)
    # a table's column header: of counts (-> the count of a pair), of money, of a change
    column_count: re.Pattern[str] | None = None
    column_money: re.Pattern[str] | None = None
    # count indicator of a pair -> the words that tell bare "contracts" are of its trade
    topics: dict[str, re.Pattern[str]] = field(default_factory=dict)
    # a modifier of the counted noun that names a part of its population ("state-sponsored")
    subgroup: re.Pattern[str] | None = None
    # a table's column header words of a change, a share, a part, a total, a level
    # (analysis/tables.py)
    table_columns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    # indicators of the state's own network: an agency's figure of them is the nation's
    national: frozenset[str] = frozenset()
    # (unit, indicator, counted phrase): counts of groups in a unit of their own
    # ("delegations"), never joined to the people their indicator counts
    group_units: tuple[tuple[str, str, re.Pattern[str]], ...] = ()


_CLASS_REF = re.compile(r"\{([a-z_]+)\}")
_UNIT_NAME = re.compile(r"[a-z][a-z_]*|[A-Z]{3}")
MONEY = "money"  # in a rule's units: any currency (a three-letter code: USD, KRW, INR ...)


def _inflections(word: str) -> set[str]:
    """``word`` and its regular forms: plural or third person (-s, -es, -ies), past (-ed),
    -ing; the last word of a phrase is inflected ("graduate student" -> "graduate students")."""
    head, _, last = word.rpartition(" ")
    lead = head + " " if head else ""
    forms = {last, last + "s", last + "ed", last + "ing"}
    if last.endswith(("s", "x", "ch", "sh")):
        forms.add(last + "es")
    if last.endswith("e"):
        forms |= {last + "d", last[:-1] + "ing"}
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        forms |= {last[:-1] + "ies", last[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgkmnprt]$", last):
        forms |= {last + last[-1] + "ed", last + last[-1] + "ing"}  # "committed", "planning"
    return {lead + f for f in forms}


def word_class_pattern(words) -> str:
    """A regex alternation of ``words`` with their inflections and both spellings, longest
    first, between word boundaries (a word class of indicators.yaml). A word joined by a
    hyphen to the next is a modifier of a compound, never its head ("returnee-run firms")."""
    forms: set[str] = set()
    for w in words:
        for f in _inflections(w.strip().lower()):
            forms |= spellings(f)
    alts = sorted(forms, key=lambda f: (-len(f), f))
    return r"\b(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in alts) + r")\b(?!-\w)"


def _class_words(words: dict[str, list[str]], where: str) -> dict[str, list[str]]:
    """Each word class's words, a member ``{name}`` replaced by that class's words (one level:
    "visitors" and "professionals" both take in the people of the sciences); an unknown or
    nested name is an error naming ``where``."""
    out: dict[str, list[str]] = {}
    for name, ws in words.items():
        out[name] = []
        for w in ws:
            m = _CLASS_REF.fullmatch(w.strip())
            if m is None:
                out[name].append(w)
                continue
            inner = words.get(m.group(1))
            if inner is None or any(_CLASS_REF.fullmatch(x.strip()) for x in inner):
                raise InputError(f"{where}: words.{name}: unknown or nested word class {w}")
            out[name].extend(inner)
    return out


def _expand_classes(pattern: str, classes: dict[str, str], where: str) -> str:
    """``pattern`` with every ``{name}`` replaced by its word class (:func:`word_class_pattern`);
    an unknown name is an error naming ``where``."""

    def one(m: re.Match[str]) -> str:
        if m.group(1) not in classes:
            raise InputError(f"{where}: unknown word class {{{m.group(1)}}}")
        return classes[m.group(1)]

    return _CLASS_REF.sub(one, pattern)


def _any_blanks(pattern: str) -> str:
    """``pattern`` with each blank written in it read as any run of blanks (a phrase may wrap
    over a line), except inside a character class or a look-behind (fixed width)."""
    out, depth, behind, in_class, i = [], 0, [], False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
            if pattern.startswith(("(?<=", "(?<!"), i):
                behind.append(depth)
        elif c == ")":
            if behind and behind[-1] == depth:
                behind.pop()
            depth -= 1
        elif c == " " and not behind:
            out.append(r"\s+")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _unit_applies(unit: str, units: frozenset[str]) -> bool:
    """True when a rule with ``units`` applies to a figure in ``unit`` (``money``: any
    currency, a three-letter upper-case code)."""
    return unit in units or (MONEY in units and is_money(unit))


@functools.cache
def indicator_lexicon() -> _Indicators:
    """``lexicon/indicators.yaml``, validated and compiled (once per process).

    Patterns may name a word class of ``words`` as ``{name}``: its words, inflected and in
    both spellings (:func:`word_class_pattern`)."""
    lex = load_lexicon("indicators")
    path = "analysis/lexicon/indicators.yaml"
    default_within = lex["settings"]["after_words"]
    words = _class_words(lex.get("words") or {}, path)
    classes = {name: word_class_pattern(ws) for name, ws in words.items()}
    rules, last_rules, ids, labels = [], [], [], {}
    for ind in lex["indicators"]:
        if ind["id"] in labels or ind["id"] == UNCLASSIFIED:
            raise InputError(f"{path}: indicator {ind['id']!r} is defined twice or reserved")
        ids.append(ind["id"])
        labels[ind["id"]] = ind["label"]
        for i, r in enumerate(ind["rules"]):

            def comp(key: str, r=r, i=i, ind=ind) -> re.Pattern[str] | None:
                pattern = r.get(key)
                if not pattern:
                    return None
                pattern = _expand_classes(pattern, classes, f"{path}: indicator {ind['id']}")
                # a blank of a pattern is any run of blanks: a phrase may wrap over a line
                # ("3 joint\nlaboratories")
                pattern = _any_blanks(pattern)
                if key in ("after", "not_after"):
                    within = r.get("within", default_within)
                    pattern = rf"\W*(?:\S+\s+){{0,{within}}}?(?:{pattern})"
                try:
                    return re.compile(pattern, re.I)
                except re.error as exc:
                    raise InputError(
                        f"{path}: indicator {ind['id']} rule {i + 1} {key}: bad pattern: {exc}"
                    ) from exc

            parts = {
                k: comp(k)
                for k in ("after", "before", "context", "not_after", "not_before", "not_context")
            }
            for u in r.get("units", ()):
                if not _UNIT_NAME.fullmatch(u):
                    raise InputError(f"{path}: indicator {ind['id']} rule {i + 1}: bad unit {u!r}")
            (last_rules if r.get("last") else rules).append(
                _Rule(
                    indicator=ind["id"],
                    **parts,
                    units=frozenset(r.get("units", ["count"])),
                    needs={k: _required(p) for k, p in parts.items() if p is not None},
                )
            )
    rules += last_rules  # the last resorts, in their indicators' order
    measures = {ind["id"]: ind.get("measure", "level") for ind in lex["indicators"]}
    turns = []
    for i, t in enumerate(lex.get("turns") or ()):
        for name in (*t["from"], t["to"]):
            if name not in labels:
                raise InputError(f"{path}: turn {i + 1}: unknown indicator {name!r}")
        verb = _expand_classes(t["verb"], classes, f"{path}: turn {i + 1}")
        try:
            turns.append((frozenset(t["from"]), re.compile(verb, re.I), t["to"]))
        except re.error as exc:
            raise InputError(f"{path}: turn {i + 1} verb: bad pattern: {exc}") from exc
    worth, topics = {}, {}
    for i, w in enumerate(lex.get("worth") or ()):
        for name in (w["count"], w["money"]):
            if name not in labels:
                raise InputError(f"{path}: worth {i + 1}: unknown indicator {name!r}")
        worth[w["count"]] = w["money"]
        if w.get("topic"):
            where = f"{path}: worth {i + 1} topic"
            try:
                topics[w["count"]] = re.compile(_expand_classes(w["topic"], classes, where), re.I)
            except re.error as exc:
                raise InputError(f"{where}: bad pattern: {exc}") from exc
    columns = lex.get("columns") or {}
    subgroup = None
    if lex.get("subgroups"):
        try:
            subgroup = re.compile(_expand_classes(lex["subgroups"], classes, path), re.I)
        except re.error as exc:
            raise InputError(f"{path}: subgroups: bad pattern: {exc}") from exc
    group_units = []
    for i, gu in enumerate(lex.get("group_units") or ()):
        where = f"{path}: group_units {i + 1}"
        if gu["indicator"] not in labels:
            raise InputError(f"{where}: unknown indicator {gu['indicator']!r}")
        if gu["unit"] not in MEASURE_UNITS:
            raise InputError(f"{where}: unit {gu['unit']!r} is none of {', '.join(MEASURE_UNITS)}")
        try:
            counted = re.compile(_expand_classes(gu["counted"], classes, where), re.I)
        except re.error as exc:
            raise InputError(f"{where}: bad pattern: {exc}") from exc
        group_units.append((gu["unit"], gu["indicator"], counted))
    return _Indicators(
        tuple(ids),
        labels,
        tuple(rules),
        lex["settings"]["conflict_window_years"],
        measures,
        tuple(turns),
        worth,
        {v: k for k, v in worth.items()},
        re.compile(columns["count"], re.I) if columns.get("count") else None,
        re.compile(columns["money"], re.I) if columns.get("money") else None,
        subgroup=subgroup,
        topics=topics,
        table_columns=_table_columns(columns, path),
        national=frozenset(ind["id"] for ind in lex["indicators"] if ind.get("national")),
        group_units=tuple(group_units),
    )


_TABLE_COLUMN_KEYS = ("change", "share", "part", "total", "level")


def _table_columns(columns: dict, path) -> dict[str, re.Pattern[str]]:
    """The header words of indicators.yaml ``columns`` a table cell's measure is read by."""
    out = {}
    for key in _TABLE_COLUMN_KEYS:
        if columns.get(key):
            try:
                out[key] = re.compile(columns[key], re.I)
            except re.error as exc:
                raise InputError(f"{path}: columns {key}: bad pattern: {exc}") from exc
    return out


def group_unit(indicator: str, counted: str, text: str, lo: int, start: int) -> str | None:
    """The unit of a count of groups (indicators.yaml ``group_units``: "delegations") of a
    figure of ``indicator`` at ``start`` in ``text``, whose clause opens at ``lo`` and whose
    counted phrase is ``counted``: the group named after it ("1,400 scientific and technical
    delegations") or as the subject of its verb of counting ("the delegations numbered 35",
    "the number of delegations sent abroad reached 88"; the subject as :func:`_classify`
    reads it). None: a count of whatever it counts."""
    for unit, ind, pattern in indicator_lexicon().group_units:
        if ind != indicator:
            continue
        if pattern.match(counted):
            return unit
        needs = _group_needs(pattern)
        if needs is not None and not any(w in text[lo:start].lower() for w in needs):
            continue  # (no word the group's name needs before the figure: no subject to read)
        m = _COUNTED_SUBJECT.search(text, lo, start) or _COUNTED_SUBJECT_OPENING.match(
            text, lo, start
        )
        if m is not None:
            of = _THE_NUMBER_OF.match(m.group(1))
            if pattern.match(m.group(1), of.end() if of else 0):
                return unit
    return None


_THE_NUMBER_OF = re.compile(r"the\s+numbers?\s+of\s+", re.I)
_group_needs = functools.cache(_required)  # (a group's pattern is read once)


def indicator_ids() -> list[str]:
    """Every indicator id of the lexicon, in its order."""
    return list(indicator_lexicon().ids)


def indicator_labels() -> dict[str, str]:
    """Indicator id -> the label a reader sees (from the lexicon)."""
    return dict(indicator_lexicon().labels)


def _classify(
    text: str,
    unit: str,
    before: tuple[int, int],
    after: tuple[int, int],
    sent: tuple[int, int],
    low: str | None = None,
) -> tuple[str, int]:
    """(indicator, end of the counted noun or -1) of the first rule that matches.

    ``low``: :func:`_lower` of ``text``; a pattern whose required words (:func:`_required`)
    are not in its window is not run."""
    if after[1] < sent[1] and _BOUND_AT.match(text, after[1], sent[1]):
        after = _past_bound(text, after, sent)
    listed = _listed_windows(text, before, after, sent, low)
    if listed is not None:
        # an item of a "respectively" list counts what the list does: the words before
        # the list and after its last item ("7,748 and 9,121 students returned")
        got = _classify(text, unit, *listed, sent, low)
        return got[0], -1
    label = _row_label(text, before, after, sent)
    if label is not None:
        # a cell of a table row ("Students sent abroad   3786   3329   2950"): the row's label
        got = _classify(text, unit, (label[0], label[0]), label, sent, low)
        if got[0] == UNCLASSIFIED:
            # a row named by a partner, a year or nothing that counts: the column's header
            # says what its cells count ("Partner   Projects   Trainees" / "Vietnam   21
            # 1,960")
            header = _column_header_span(text, before[1], after[0])
            if header is not None:
                # (the header alone: no other cell of its line is its label)
                by_header = _classify(text, unit, (header[0], header[0]), header, header, low)
                if by_header[0] != UNCLASSIFIED:
                    return by_header[0], -1
        return _column_turn(text, label, before[1], after[0], got[0], sent, low), -1
    bullet = _BULLET.search(text, *after)
    if bullet is not None:
        after = (after[0], bullet.start())  # a list item ends at the next item's bullet
    item = None if is_money(unit) else _item_label(text, before, after, sent)
    if item is not None:
        # "• Joint research projects funded since 2000: 460": the item's label (a sum reads
        # the words before it anyway)
        got = _classify(text, unit, (item[0], item[0]), item, sent, low)[0]
        if got != UNCLASSIFIED:
            return got, -1
    rules = _rules_for(unit, indicator_lexicon())
    if low is None:
        w_after = w_before = w_sent = None
    else:
        w_after, w_before, w_sent = low[slice(*after)], low[slice(*before)], low[slice(*sent)]
        rules = _candidate_rules(unit, w_after)
    for (
        indicator,
        p_after,
        _n_after,
        p_before,
        n_before,
        p_context,
        n_context,
        p_not_after,
        n_not_after,
        p_not_before,
        n_not_before,
        p_not_context,
        n_not_context,
    ) in rules:
        noun_end = -1
        if p_after is not None:
            # (with ``low``, the rules are :func:`_candidate_rules`': each whose after pattern
            # needs words has one of them in ``w_after``; tests/test_read_twins.py)
            m = p_after.match(text, *after)
            if not m:
                continue
            noun_end = m.end()
        if p_before is not None:
            if w_before is not None and n_before is not None:
                for w in n_before:
                    if w in w_before:
                        break
                else:
                    continue
            if not p_before.search(text, *before):
                continue
        if p_context is not None:
            if w_sent is not None and n_context is not None:
                for w in n_context:
                    if w in w_sent:
                        break
                else:
                    continue
            if not p_context.search(text, *sent):
                continue
        if p_not_after is not None and not _missing_words(w_after, n_not_after):
            if p_not_after.match(text, *after):
                continue
        if p_not_before is not None and not _missing_words(w_before, n_not_before):
            if p_not_before.search(text, *before):
                continue
        if p_not_context is not None and not _missing_words(w_sent, n_not_context):
            if p_not_context.search(text, *sent):
                continue
        if noun_end > 0 and _doers(text, indicator, before, noun_end, sent):
            return UNCLASSIFIED, noun_end  # "30 parks ... built incubators": those that did
        if noun_end > 0 and _subgroup_noun(text, after[0], noun_end):
            return UNCLASSIFIED, noun_end  # "3,000 state-sponsored students": a part
        return indicator, noun_end
    if unit == "count" and (w_before is None or any(v in w_before for v in _COUNTING_VERBS)):
        # "technology export contracts numbered 3,512": the subject of a verb of counting
        m = _COUNTED_SUBJECT.search(text, *before) or _COUNTED_SUBJECT_OPENING.match(text, *before)
        if m is not None and m.start(1) < m.end(1):
            # the whole subject, else from each later word ("Chinese and Indian students
            # enrolled abroad": its head may stand past a rule's reach)
            for w in _WORD_START.finditer(text, m.start(1), m.end(1)):
                got, _end = _classify(
                    text, unit, (w.start(), w.start()), (w.start(), m.end(1)), sent, low
                )
                if got != UNCLASSIFIED:
                    return got, -1
    if unit == "count" and (w_before is None or "number" in w_before):
        # "the number of national cooperation bases reached 355": the phrase it names
        m = max(_NUMBERS_OF.finditer(text, *before), key=lambda x: x.start(), default=None)
        if m is not None and not _LIST_GAP.match(text, m.end(), before[1]):
            got, _end = _classify(text, unit, (before[0], m.end()), (m.end(), before[1]), sent, low)
            if got != UNCLASSIFIED:
                return got, -1
    if text.startswith(",", after[1]) and after[1] < sent[1]:
        # "1,400 students, postgraduates and visiting scholars have been sent to study": a
        # comma inside a coordination of nouns does not end the counted phrase; its verb
        # follows the last conjunct, which is read with it
        m = _COORDINATED.match(text, after[1], sent[1])
        if m is not None and _WORD_START.match(text, after[0] + 1) is not None:
            stop = _COORD_STOP.search(text, m.end(), sent[1])
            window = (m.end(), stop.start() if stop else sent[1])
            got, _end = _classify(text, unit, before, window, sent, low)
            if got != UNCLASSIFIED:
                return got, -1
    if w_before is None or " of" in w_before:
        # "sent its first group of 52 scholars", "a total of 3,000": a collective before the
        # number is no word of what it counts; the verb before it is read
        m = _COLLECTIVE.search(text, *before)
        if m is not None and m.start() > before[0]:
            return _classify(text, unit, (before[0], m.start()), after, sent, low)
    return UNCLASSIFIED, -1


# "its first group of", "a total of", "a new batch of": a collective right before a number
_COLLECTIVE = re.compile(
    r"\b(?:(?:a|an|the|its|their|his|her|our|this|that)\s+)?(?:(?:first|second|third|new|"
    r"further|latest|next|last|fresh)\s+)?(?:group|batch|contingent|cohort|wave|total)\s+of\s+$",
    re.I,
)


# "of the two countries", "our two governments": a numeral in words bound by a determiner is
# part of the counted phrase, no figure that ends it
_BOUND_AT = re.compile(
    r"(?:two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z][\w-]*\s+)?[a-z]+s\b", re.I
)
_BOUND_LEAD = re.compile(r"\b(?:the|our|their|its|these|those|both)\s+$", re.I)
_PHRASE_STOP = re.compile(r"[,;:()\[\]]|\d")


def _past_bound(text: str, after: tuple[int, int], sent: tuple[int, int]) -> tuple[int, int]:
    """``after`` run on past a bound numeral at its end ("scientists of the two countries
    have visited"), to the next clause stop or figure."""
    if _BOUND_LEAD.search(text, max(sent[0], after[1] - 8), after[1]) is None:
        return after
    stop = _PHRASE_STOP.search(text, after[1] + 1, sent[1])
    return after[0], stop.start() if stop else sent[1]


# ", postgraduates and " / ", engineers, and ": the further conjuncts of a list of nouns
# (nouns only: no function word, pronoun or verb of saying: "..., park officials said, and
# its companies signed" is no list)
_NOT_CONJUNCT = (
    r"(?!(?:and|or|but|which|who|that|while|whose|where|when|including|most|mostly|mainly|"
    r"some|of|in|with|from|the|a|an|its|their|his|her|our|we|they|it|he|she|this|these|"
    r"those|said|says|say|told|added|noted)\b)"
)
_CONJUNCT = rf"{_NOT_CONJUNCT}(?:[a-z][\w-]*\s+)?{_NOT_CONJUNCT}[a-z][\w-]*"
_COORDINATED = re.compile(
    rf",\s+{_CONJUNCT}(?:\s*,\s+{_CONJUNCT})*\s*,?\s+(?:and|or)\s+{_NOT_CONJUNCT}(?=[a-z])"
)
_COORD_STOP = re.compile(r"[,;:()\[\]]|\d")


def _subgroup_noun(text: str, start: int, end: int) -> bool:
    """True when the counted noun phrase ``text[start:end]`` names a part of its population
    by a modifier (indicators.yaml ``subgroups``: "3,000 state-sponsored students")."""
    sub = indicator_lexicon().subgroup
    return sub is not None and sub.search(text, start, end) is not None


_DOER_VERB = re.compile(
    r"(?:\s+(?:in|at|across|of|from)\s+[^.;:()]{0,100}?)?,?\s+(?:have\s+|has\s+|had\s+)?"
    r"(?:built|set\s+up|established|launched|opened|created|founded|won|signed|joined|"
    r"introduced|adopted)\s+(?!by\b|in\b|on\b|at\b)[a-z]"
)
_CLAUSE_LEAD = re.compile(r"[,;:]\s*(?:(?:and|but|while)\s+)?$")


def _doers(text: str, indicator: str, before: tuple[int, int], noun_end: int, sent) -> bool:
    """True when a stock ("level" indicator: parks, laboratories, countries) is counted as
    the subject of an action with its own object ("30 technology parks in Beijing and other
    cities built venture parks"): the number counts those that did it, a subgroup, never a
    point of the stock's series."""
    if indicator_lexicon().measures.get(indicator, "level") != "level":
        return False
    lead = text[max(sent[0], before[1] - 20) : before[1]]
    if (before[1] - sent[0] > 20 or lead.strip()) and not _CLAUSE_LEAD.search(lead):
        return False  # the number does not open its sentence or clause
    return _DOER_VERB.match(text, noun_end, sent[1]) is not None


_BLANKS = re.compile(r"[^\S\n]+")
# (a cell may carry a sign: "+9.8", "-3.1")
_ROW_LABEL = re.compile(
    r"[^\S\n]*([A-Za-z][^\d\n:;.!?]*?)[^\S\n]+(?:[+\-−]?\d[\d,.]*[^\S\n]+)*[+\-−]?$"
)
_CELL_GAP = re.compile(r"[^\S\n]+[+\-−]?")


def _row_label(text, before, after, sent) -> tuple[int, int] | None:
    """The (start, end) of the label of a table row the number is a cell of, or None.

    A number stands in a row when a blank run on its line alone parts it from the number
    before it ("3786   3329") or from the number after it; the row's label is the words
    that open its line, before its first cell. Prose never runs two bare numbers together."""
    prev_cell = before[0] > sent[0] and _CELL_GAP.fullmatch(text, *before) is not None
    next_cell = (
        after[1] > after[0]
        and _BLANKS.fullmatch(text, *after) is not None
        and text[after[1] : after[1] + 1].isdigit()
    )
    if not (prev_cell or next_cell):
        return None
    line = text.rfind("\n", sent[0], before[1]) + 1 or sent[0]
    m = _ROW_LABEL.match(text, line, before[1])
    if m is None:
        # a cell of a row whose label is not read ("of which: State-sponsored (1)"): no
        # words, never the next row's
        return before[1], before[1]
    return m.start(1), m.end(1)


# the marks that open the items of a list set in one run of text (slides, key-findings boxes)
_BULLET = re.compile(r"[•▪■●◦►]")
_ITEM_START = re.compile(r".*(?:[•▪■●◦►\n]|^)[^\S\n]*", re.S)
_WORDLESS = re.compile(r"\W*$")


def _item_label(text, before, after, sent) -> tuple[int, int] | None:
    """The (start, end) of the label of a list item or line "<label>: <number>" (or "<label>
    - <number>", a dash between blanks) whose number has no words of its own after it, or
    None: the words from the item's bullet (or its line's start) to the colon."""
    above = _label_above(text, before, after, sent)
    if above is not None:
        return above
    colon = before[1]
    while colon > sent[0] and text[colon - 1] in " \t":
        colon -= 1
    if before[1] - colon >= _LEADER_GAP and colon > sent[0] and text[colon - 1] not in ":\n":
        # a fact box's row, its leader blanked ("Joint research centres      11",
        # tables.blank_leaders): the label that opens the line counts the figure, words after
        # it or not ("Intergovernmental or ministerial projects    72 under way")
        start = max(sent[0], text.rfind("\n", sent[0], colon) + 1)
        m = _ITEM_START.match(text, start, colon)
        at = m.end() if m else start
        while at < colon and text[at] in " \t":
            at += 1
        if (
            colon - at <= _LEADER_LABEL
            and _WORD_START.match(text, at, colon)
            and not _STOP_IN.search(text, at, colon)
        ):
            return at, colon
        return None
    colon = max(colon, before[0]) - 1
    if colon >= before[0] and text[colon] in "-–—":
        # a row set apart by a dash between blanks: "Countries and regions - 41", "Joint
        # research centres — 9", "Countries with partners -- 38"
        dash = colon
        while dash > before[0] and text[dash - 1] in "-–—":
            dash -= 1
        if colon - dash > 1 or dash <= before[0] or text[dash - 1] not in " \t":
            return None
        colon = dash - 1
        while colon > before[0] and text[colon - 1] in " \t":
            colon -= 1
    elif colon < before[0] or text[colon] != ":":
        return None
    if not _WORDLESS.match(text, *after):
        return None
    start = max(sent[0], text.rfind("\n", sent[0], colon) + 1)
    wrapped = _wrapped_item(text, sent, start)
    m = _ITEM_START.match(text, start, colon)
    at = m.end() if m else start
    if wrapped is not None:
        at = wrapped
    if not _WORD_START.search(text, at, colon):
        return None
    return at, colon


# a list item's first line: its bullet, then words without a colon or a digit to its end
_ITEM_FIRST_LINE = re.compile(r"[^\S\n]*[-–•▪■●◦►*][^\S\n]+([A-Za-z][^\n:\d]*)\n")
_CONTINUED = re.compile(r"[^\S\n]*[a-z(]")


def _wrapped_item(text, sent, start) -> int | None:
    """Where the label of a list item that a hard wrap broke starts: its first word on the
    line above when the label's line goes on in lower case under a bulleted line of words
    alone ("- Joint research projects funded by the JST (JST)" / "  with Chinese partners
    since 2003: 142"); else None."""
    if start <= sent[0] or not _CONTINUED.match(text, start):
        return None
    above = text.rfind("\n", sent[0], start - 1) + 1 or sent[0]
    m = _ITEM_FIRST_LINE.fullmatch(text, above, start)
    return m.start(1) if m else None


# a flattened fact box's label: a line of words, no digit or stop ("Intergovernmental S&T
# cooperation agreements in force"), over its figure alone on the next line ("114")
_LABEL_LINE = re.compile(r"[ \t]*([A-Z][^\d\n.;:!?]{2,80}?)[ \t]*")
_ALONE_AFTER = re.compile(r"[ \t]*%?[ \t]*(?:\n|$)")


def _label_above(text, before, after, sent) -> tuple[int, int] | None:
    """The (start, end) of the label line right above a figure alone on its line (a fact box
    whose rows a PDF's extraction flattened: "Countries and regions with S&T cooperative
    relations" / "161"), or None."""
    line = text.rfind("\n", sent[0], before[1])
    if line < 0 or text[line + 1 : before[1]].strip() or not _ALONE_AFTER.match(text, after[0]):
        return None
    start = text.rfind("\n", sent[0], line) + 1 or sent[0]
    m = _LABEL_LINE.fullmatch(text, start, line)
    return (m.start(1), m.end(1)) if m else None


# a fact box's row: its label (at most so long, no stop in it) and the blanks of its leader
_LEADER_GAP = 3
_LEADER_LABEL = 80
_STOP_IN = re.compile(r"[.;!?]\s|[.;!?]$")

_CELL = re.compile(r"\S+(?:[^\S\n]\S+)*")
_HEADER_BACK = 8  # how many lines above a row its column headers may stand
_HAS_DIGIT = re.compile(r"\d")


def _column_header(text: str, start: int, end: int) -> str | None:
    """The header of the table column a cell at ``text[start:end]`` stands in
    (:func:`_column_header_span`), or None."""
    span = _column_header_span(text, start, end)
    return None if span is None else text[span[0] : span[1]]


def _column_header_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The (start, end) of the header of the table column a cell at ``text[start:end]``
    stands in: the cell above it (overlapping its columns, else the nearest) in the nearest
    line above made of two or more cells set apart by wide blanks, none of them a bare
    number."""
    line = text.rfind("\n", 0, start) + 1
    col = (start - line, end - line)
    at = line - 1
    for _ in range(_HEADER_BACK):
        if at <= 0:
            return None
        top = text.rfind("\n", 0, at) + 1
        row = text[top:at]
        at = top - 1
        cells = [m for m in _CELL.finditer(row) if m.group().strip()]
        if len(cells) < 2 or any(not _HAS_DIGIT.sub("", c.group()).strip(" ,.+-%") for c in cells):
            continue  # prose, a blank line, or a row of figures
        if not re.search(r"\S[^\S\n]{2,}\S", row):
            continue
        best = min(
            cells,
            key=lambda c: (
                0 if c.start() < col[1] and c.end() > col[0] else 1,
                abs((c.start() + c.end()) / 2 - (col[0] + col[1]) / 2),
            ),
        )
        return top + best.start(), top + best.end()
    return None


def _column_turn(text, label, start, end, got: str, sent, low) -> str:
    """The indicator of a table cell whose row label reads ``got``, turned by its column
    header (indicators.yaml ``columns``, ``worth``): "Contracts" of the row "Technology
    imports" counts the contracts, "Change in value (%)" the change of their value."""
    lex = indicator_lexicon()
    if not lex.worth:
        return got
    header = _column_header(text, start, end)
    if header is None:
        return got
    money = lex.column_money is not None and lex.column_money.search(header)
    count = lex.column_count is not None and lex.column_count.search(header)
    if not (money or count):
        return got
    as_money = _classify(text, "USD", label, (label[1], label[1]), sent, low)[0]
    as_count = _classify(text, "count", (label[0], label[0]), label, sent, low)[0]
    count_of = as_count if as_count in lex.worth else lex.counted_by.get(as_money)
    money_of = as_money if as_money in lex.counted_by else lex.worth.get(as_count)
    turned = money_of if money else count_of
    return turned or got


_LIST_GAP = re.compile(r"\W*(?:and\W*)?$")
_COUNTING_VERBS = (
    "number", "total", "came to", "amounted to", "reach", "stood at", "stands at", "rose",
    "risen", "grew", "grown", "increased", "climbed",
)  # fmt: skip
# the noun phrase of a clause and a verb that gives its count or moves it ("contracts
# numbered 3,512", "the centres it funds rose from 12", "zones ... have grown from 2",
# "bases, which it accredits, numbered 150", "the attachés who staff them number 112"); an
# aside set off by commas may stand between the subject and its verb
_COUNTED_SUBJECT_BODY = (
    r"\s*((?:the\s+)?[A-Za-z][\w&'’-]*(?:\s+[\w&'’-]+){0,12}?)(?:\s*,[^,;:.\d]{1,80}?,)?\s+"
    r"(?:(?:has|have|had)\s+)?(?:(?:now|still|together|altogether)\s+)?"
    r"(?:numbers?|numbered|totall?ed|totals?|came\s+to|amounted\s+to|reached|stood\s+at|stands?\s+at"
    r"|(?:rose|risen|grew|grown|increased|climbed)\s+from)"
    r"\s+(?:(?:some|about|over|nearly|just\s+over|more\s+than)\s+)?$"
)
# (a dash sets a clause off as a comma does: a dateline's "SHENZHEN — The city's contracts
# numbered 820")
_COUNTED_SUBJECT = re.compile(r"(?:^|[,;:]\s*|\s(?:[—–]|--)\s*)" + _COUNTED_SUBJECT_BODY, re.I)
# ... or the subject opens the window: its sentence, or a list item ("9. Overseas students
# returning to work in Zhejiang numbered 3,870"; ``^`` never matches at a window's start)
_COUNTED_SUBJECT_OPENING = re.compile(r"[^\w,;:]*(?:\d{1,2}[.)]\s+)?" + _COUNTED_SUBJECT_BODY, re.I)
_NUMBERS_OF = re.compile(r"\b(?:the\s+)?numbers?\s+of\s+", re.I)
_WORD_START = re.compile(r"(?<![\w&'’-])[A-Za-z]")
_LIST_VERB = re.compile(r"\s+(?:were|was|are|is|stood\s+at|reached|totall?ed)\s*$", re.I)


def _listed_windows(text, before, after, sent, low):
    """(before, after) windows of a figure in a "respectively" list whose own windows hold
    no words (only the list's separators); None otherwise. Only the list is read."""
    if (low if low is not None else text).find("respectively", after[0], sent[1]) < 0:
        return None
    if not (_LIST_GAP.match(text, *before) or _LIST_GAP.match(text, *after)):
        return None
    got = respectively(text, before[1], after[0])
    if got is None:
        return None
    list_start, list_end, _k, _n = got
    stop = re.compile(r"[,;:()\[\]]").search(text, list_end, sent[1])
    new_after = (list_end, stop.start() if stop else sent[1])
    if _LIST_GAP.match(text, *new_after):
        # "the numbers of students who went abroad in 1998 ... were A, B and C": the noun
        # the list's clause names before it
        m = max(
            _NUMBERS_OF.finditer(text, sent[0], list_start), key=lambda x: x.start(), default=None
        )
        if m is not None:
            verb = _LIST_VERB.search(text, m.end(), list_start)
            return (sent[0], m.end()), (m.end(), verb.start() if verb else list_start)
    return (sent[0], list_start), new_after


@functools.cache
def _rules_for(unit: str, lexicon: _Indicators) -> tuple[tuple, ...]:
    """The rules that apply to a unit, in order, flattened for :func:`_classify`."""
    out = []
    for r in lexicon.rules:
        if not _unit_applies(unit, r.units):
            continue
        row: list[Any] = [r.indicator]
        for k in ("after", "before", "context", "not_after", "not_before", "not_context"):
            row += [getattr(r, k), r.needs.get(k)]
        out.append(tuple(row))
    return tuple(out)


def _candidate_rules(unit: str, w_after: str) -> tuple[tuple, ...] | list[tuple]:
    """The rules of :func:`_rules_for` that may match a number whose lower-cased after
    window is ``w_after``: those whose after pattern needs a string the window holds, and
    those without a prefilter of the after window, in order. (Almost every rule has one:
    a number visits a few rules instead of ~36; the others would be passed over by the
    same test of their required words in :func:`_classify`.)"""
    rules = _rules_for(unit, indicator_lexicon())
    by_need, always = _after_needs(unit, indicator_lexicon())
    picked = set(always)
    for _need, which in _needs_held(unit, w_after):
        picked.update(which)
    if len(picked) == len(rules):
        return rules
    return [rules[i] for i in sorted(picked)]


_LETTER_RUN = re.compile(r"[a-z]+")


def _needs_held(unit: str, w_after: str) -> list[tuple[str, tuple[int, ...]]]:
    """The items of :func:`_after_needs` whose string ``w_after`` holds, in order (plain:
    ``[x for x in by_need if x[0] in w_after]``, twin in tests/test_read_twins.py). A string's
    longest run of letters lies inside one of the window's letter runs, so each run of the
    window looks up (once per process) the strings whose run it holds: a figure tries a few
    strings, not all ~170."""
    lexicon = indicator_lexicon()
    by_need = _after_needs(unit, lexicon)[0]
    keyed, memo, unkeyed = _needs_by_run(unit, lexicon)
    got = set(unkeyed)
    for run in set(_LETTER_RUN.findall(w_after)):
        held = memo.get(run)
        if held is None:
            if len(memo) > 100_000:
                memo.clear()  # bounded, whatever the corpus
            held = memo[run] = tuple(i for i, key in enumerate(keyed) if key and key in run)
        got.update(held)
    return [by_need[i] for i in sorted(got) if by_need[i][0] in w_after]


@functools.cache
def _needs_by_run(unit: str, lexicon: _Indicators) -> tuple[tuple[str, ...], dict, tuple]:
    """(the longest run of letters of each string of :func:`_after_needs` ("" for none), a
    memo: a window's run of letters -> the indices of the strings whose run it holds, the
    indices of the strings without letters)."""
    keyed = tuple(
        max(_LETTER_RUN.findall(need), key=len, default="")
        for need, _which in _after_needs(unit, lexicon)[0]
    )
    return keyed, {}, tuple(i for i, key in enumerate(keyed) if not key)


@functools.cache
def _after_needs(unit: str, lexicon: _Indicators) -> tuple[tuple, tuple[int, ...]]:
    """((required string, indices of the rules of :func:`_rules_for` whose after pattern
    needs it), ...), and the indices of the rules without such a prefilter."""
    by_need: dict[str, list[int]] = {}
    always = []
    for i, row in enumerate(_rules_for(unit, lexicon)):
        p_after, n_after = row[1], row[2]
        if p_after is None or n_after is None:
            always.append(i)
            continue
        # (a need holding another need of the same rule adds nothing: "experts" holds
        # "expert"; the rule is picked when any of them occurs)
        for need in n_after:
            if any(m != need and m in need for m in n_after):
                continue
            by_need.setdefault(need, []).append(i)
    return tuple((k, tuple(v)) for k, v in by_need.items()), tuple(always)


def _first_end(low: str | None, needs: tuple[str, ...] | None, start: int, end: int) -> int:
    """The smallest end of an occurrence of one of ``needs`` in ``low[start:end]``: a
    pattern requiring them matches nowhere in ``[start, p)`` for a smaller ``p``. (-1:
    unknown, no bound; end + 1: none occurs.)"""
    if low is None or needs is None:
        return -1
    first = end + 1
    for s in needs:
        i = low.find(s, start, end)
        if i >= 0 and i + len(s) < first:
            first = i + len(s)
    return first


def _missing_words(window: str | None, needs: tuple[str, ...] | None) -> bool:
    """True when ``window`` (lower-cased) holds none of ``needs``: the regex cannot match."""
    if window is None or needs is None:
        return False
    for s in needs:
        if s in window:
            return False
    return True


# --------------------------------------------------------------------------- scope
@dataclass(frozen=True)
class _Actors:
    mention: re.Pattern[str]  # every actor name of a text, kind decided by _kind_of
    kinds: dict[str, str]  # name, head word or reference -> kind
    heads: re.Pattern[str]
    not_subject: re.Pattern[str]  # matches the end of the text before a non-subject name
    attribution: re.Pattern[str]  # matches the start of the text after an attribution
    part_of: re.Pattern[str]  # matches the end of the text before a name of a part
    references: frozenset[str] = frozenset()  # actors that only refer to a name before them
    # head words that make a name another body owns its programme (``owned_programmes``)
    owned_programme: re.Pattern[str] = re.compile(r"(?!)")
    named_head: re.Pattern[str] | None = None  # a name + a lower-case head ("Hefei institute")
    # what every match of ``named_head`` holds: a blank and a lower-case head word
    named_head_word: re.Pattern[str] | None = None
    # the blank before each lower-case head word (where every ``named_head`` match ends)
    # and the length of the longest head word (:func:`_named_heads`)
    head_blank: re.Pattern[str] | None = None
    head_len: int = 0
    # name -> :func:`_kind_of` (names repeat: each is worked out once per process)
    kind_memo: dict[str, tuple[str, str] | None] = field(
        default_factory=dict, compare=False, repr=False
    )
    # title -> :func:`document_subject` (titles repeat: near-copies, series of reports)
    subject_memo: dict[str, tuple[str, str] | None] = field(
        default_factory=dict, compare=False, repr=False
    )


# a capitalised word (dots inside, "U.S", and after an initial, "U.S.", never a sentence's
# stop: "... located in Yunnan."), words joined by a dash ("UK–China"); never a currency's
# prefix ("... of China and US$2.5 million": no "China and US")
_CAP_WORD = r"[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*(?:(?<=\b[A-Z])\.)?(?!\$)"
_CAP = rf"(?:{_CAP_WORD}(?:–{_CAP_WORD})*|S&T|\d{{3,4}}(?=\s+Pro))"
# capitalised words opening a sentence that open no name ("Under the X Plan" names X Plan)
_LEAD = r"(?:Under|During|In|With|By|For|From|At|On|Of|As|After|Since|Across|Among|Between|Through)"
# blanks, never across an empty line, nor a table's gap between cells (three blanks or a tab
# on one line: "Projects    Funding" is two column headers, no name)
_SP = r"(?:[^\S\n\t]{1,2}(?![^\S\n\t])|[^\S\n]*\n(?![^\S\n]*\n)[^\S\n]*)"
# (a name's "Science, Technology and Innovation": the comma of that fixed phrase joins, never
# a list's, "China, Japan and South Korea")
_NAME = (
    # ("the" joins only after another joiner, "Ministry of the Interior": "... China Scheme
    # the British Council" is two names)
    rf"{_CAP}(?:(?:{_SP}(?:(?:of|for|and|on|in){_SP}(?:the{_SP})?)*"
    rf"|(?:(?<=Science)|(?<=Scientific)),{_SP}(?=Techn)){_CAP})*"
)


@functools.cache
def actor_lexicon() -> _Actors:
    """``lexicon/actors.yaml``, validated and compiled (once per process)."""
    lex = load_lexicon("actors")
    kinds: dict[str, str] = dict.fromkeys(lex["national"], "national")
    kinds.update(lex["names"])
    heads: dict[str, str] = {}
    for kind, words in lex["heads"].items():
        heads.update(dict.fromkeys(words, kind))
    refs: dict[str, str] = {}
    for kind, words in lex["references"].items():
        refs.update(dict.fromkeys(words, kind))
        # "The ministry" opening a sentence
        refs.update({w[0].upper() + w[1:]: kind for w in words if w[:1].islower()})
    kinds.update(refs)
    kinds.update({f"head:{h}": k for h, k in heads.items()})
    fixed = sorted({*lex["national"], *lex["names"], *refs}, key=len, reverse=True)
    mention = re.compile(
        rf"(?<![\w&-])(?:(?!(?:The|Our)\s+[a-z]|{_LEAD}\s){_NAME}"
        rf"|{_literal_alternation(fixed)})(?![\w&])"
    )
    words = sorted(heads, key=len, reverse=True)
    capitalised = set(lex.get("capitalised_heads", []))
    lower_heads = "|".join(
        re.escape(w.lower()) for w in words if w[:1].isupper() and w not in capitalised
    )
    return _Actors(
        mention=mention,
        kinds=kinds,
        heads=re.compile(rf"\b({'|'.join(map(re.escape, words))})s?\b"),
        not_subject=re.compile(
            rf"\b(?:{_alt_words(lex['not_subject_after'])})\s+(?:the\s+|its\s+|their\s+)?"
            # (an occasion's recurrence before its name: "host of the annual China-ASEAN Expo";
            # not a year: "in 2008 China")
            rf"(?:{_OCCASION_ORDINAL}\s+)?$",
            re.I,
        ),
        # (through a bracketed short name: "The Ministry of Foreign Trade (MOFTEC) said")
        attribution=re.compile(
            rf"(?:\s*\([^()]{{1,30}}\))?(?:\s+(?:{_alt_words(lex['attribution_roles'])}))?"
            rf"\W*(?:{_alt_words(lex['attribution_after'])})\b",
            re.I,
        ),
        part_of=re.compile(rf"\b(?:{_alt_words(lex['part_of_after'])})\s+(?:the\s+|its\s+)?$"),
        references=frozenset(_clean_actor(w) for w in refs),
        owned_programme=re.compile(rf"\b(?:{_alt_words(lex['owned_programmes'])})\b"),
        named_head=re.compile(
            rf"(?<![\w&-])((?!{_LEAD}\s){_CAP}(?:{_SP}{_CAP})*)\s+({lower_heads})\b"
        ),
        named_head_word=re.compile(rf"\s(?:{lower_heads})\b"),
        head_blank=re.compile(rf"\s(?=(?:{lower_heads})\b)"),
        head_len=max((len(w.lower()) for w in words if w[:1].isupper()), default=0),
    )


def _literal_alternation(words: list[str]) -> str:
    """``"|".join(map(re.escape, words))``, the same matches in the same order of
    preference, in a form re tries faster: the words grouped by their first character, and
    so on within a group (a position tries the words of its character, not all ~180 of
    them; two words of different characters never both match at a position, and an empty
    rest keeps its place among its group's). For a pattern without re.IGNORECASE only (there
    "A" and "a" both match). Plain twin: tests/test_read_twins.py."""
    out: list[str] = []
    groups: dict[str, list[str]] = {}
    for w in [*words, None]:
        if w is None or not w:
            # (an empty word matches wherever the others do: the words after it are
            # grouped apart, so that it keeps its place)
            for c, rests in groups.items():
                if len(rests) == 1:
                    out.append(re.escape(c + rests[0]))
                else:
                    out.append(f"{re.escape(c)}(?:{_literal_alternation(rests)})")
            groups = {}
            if w is not None:
                out.append("")
            continue
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(out)


def _alt_words(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len)[::-1])


def _kind_of(name: str, lex: _Actors) -> tuple[str, str] | None:
    """(kind, actor) of an actor name, or None when the name names no actor.

    The whole name ("State Council"), else its first head word ("Chinese Academy of
    Sciences": agency), else a known name inside it ("Now China": China)."""
    try:
        return lex.kind_memo[name]
    except KeyError:
        if len(lex.kind_memo) > 100_000:
            lex.kind_memo.clear()  # bounded, whatever the corpus
        got = lex.kind_memo[name] = _kind_of_plain(name, lex)
        return got


def _kind_of_plain(name: str, lex: _Actors) -> tuple[str, str] | None:
    """:func:`_kind_of` worked out (the reference; ``_kind_of`` remembers its answers)."""
    bare = _clean_actor(name)
    kind = lex.kinds.get(name) or lex.kinds.get(bare)
    if kind:
        return kind, bare
    if bare[-1:] == "s" and lex.kinds.get(f"head:{bare[:-1]}") == "programme":
        # a programme's head word in the plural alone ("Projects", "Centres" heading a
        # table's column) names no one programme
        return None
    if _FIVE_YEAR_PLAN.fullmatch(bare):
        # "the Ninth Five-Year Plan", "China's Eighth Five-Year Plan (1991-1995)": the
        # nation's plan, no programme of its own (a province's, "Jiangsu's Eleventh
        # Five-Year Plan", keeps its possessor: the name is no bare plan's)
        return "national", "China"
    plan = _FIVE_YEAR_PLAN.search(bare)
    if (
        plan is not None
        and plan.end() == len(bare)
        and _PLAN_DOCUMENT.search(bare, 0, plan.start())
    ):
        # "Review of the Eleventh Five-Year Plan", "Outline of the 12th Five-Year Plan": a
        # text about the nation's plan names the plan, no programme of its own
        return "national", "China"
    if _GENERIC_PLAN.fullmatch(bare):
        # "Summary of Work in 2015 and Work Plan for 2016": a body's plan for its year, named
        # by its kind only, is no programme of its own
        return None
    if " " in bare and _AWARD_FOR.search(bare):
        # "Chinese Government Award for Outstanding Self-financed Students Abroad", "CAS
        # Fellowship for Young International Scientists": awards named for whom they are
        # for, a programme (whoever's name opens them)
        return "programme", bare
    owned = _OWNED.search(bare)
    if owned is not None and _FIVE_YEAR_PLAN.fullmatch(owned.group(1)):
        # "Review of Jiangsu's Eleventh Five-Year Plan": a place's plan is the place's
        owner = _kind_of_plain(_PLAN_DOCUMENT_LEAD.sub("", bare[: owned.start()]), lex)
        if owner is not None and owner[0] == "local":
            return owner
    elif owned is not None:
        # "National Natural Science Foundation of China's Research Fund for ...": the name
        # after the possessive is the body's own; a fund a body owns is its programme
        got = _kind_of_plain(owned.group(1), lex)
        if got is not None and got[0] == "agency" and lex.owned_programme.search(got[1]):
            return "programme", got[1]  # ("Britain's Newton Fund": a fund, a programme)
        if got is not None and got[0] == "agency" and _place_word(bare[: owned.start()]):
            # "Malaysia's Ministry of Science, Technology and Innovation", "Pakistan's
            # Agricultural Research Council": another country's body
            return "foreign", bare
        if got is not None and got[0] == "agency":
            owner = _kind_of_plain(bare[: owned.start()], lex)
            if owner is not None and owner[0] == "local":
                # "Jiangsu's Department of Science and Technology": the province's body
                return owner
        if got is not None:
            if got[0] == "agency" and lex.owned_programme.search(got[1]):
                return "programme", got[1]
            return got
    if " " in bare and _PROGRAMME_END.search(bare):
        # a name ending in a programme's word is a programme, whatever head word stands
        # inside it ("National Construction High-Level University Graduate Programme",
        # "Chinese Academy of Sciences' Hundred Talents Program")
        return "programme", bare
    head = lex.heads.search(bare)
    if head and _PLACE_RANK.search(bare):
        # "Provincial Science and Technology Department", "Qingdao Municipal Science and
        # Technology Bureau": a province's or city's own government body, the place's
        return "local", bare
    if head:
        return lex.kinds[f"head:{head.group(1)}"], bare
    for word in bare.split():
        kind = lex.kinds.get(word) or lex.kinds.get(_POSSESSIVE_S.sub("", word))
        if kind:
            return kind, _POSSESSIVE_S.sub("", word)
    if bare != name and _CHINA_POSSESSIVE.match(name):
        # "China's R&D expenditure", "China's Internet": the nation's (whatever page)
        return "national", "China"
    if " " in bare and _AWARDS.search(bare):
        # "Marie Skłodowska-Curie Actions", "Fulbright Scholarship": a programme of awards
        return "programme", bare
    return None


_CHINA_POSSESSIVE = re.compile(r"China['’]s\s")
# the rank of a place's own government in a body's name
_PLACE_RANK = re.compile(r"\b(?:Provincial|Municipal|Prefectural|County)\b")
_PROGRAMME_END = re.compile(r"\s(?:Programme|Program|Project|Initiative|Scheme|Plan)$")
# the nation's five-year plans, by their number ("Ninth", "10th") or none
_FIVE_YEAR_PLAN = re.compile(
    r"(?:(?:[A-Z][a-z]+(?:-[a-z]+)?|\d{1,2}(?:st|nd|rd|th))\s+)?Five[-\s]Year\s+(?:Plan|Programme)"
    # the nation's plan for one field ("Five-Year Plan for International Science and
    # Technology Cooperation")
    r"(?:\s+(?:for|on)\s+[A-Z][\w\s&,-]*)?"
)
# the words between a text's name and the nation's plan it is about ("Outline of the ")
_PLAN_DOCUMENT = re.compile(r"\S\s+(?:of|for|on)\s+the\s+$")
# a text's name before a place's plan ("Review of " Jiangsu's ...)
_PLAN_DOCUMENT_LEAD = re.compile(r"^.*?\s(?:of|for|on)\s+(?:the\s+)?(?=[A-Z])")
_GENERIC_PLAN = re.compile(r"(?:(?:Annual|Work|Working|Implementation)\s+)+Plan")
_AWARDS = re.compile(r"\b(?:Scholarships?|Fellowships?|Actions)$")  # a name's last word
_AWARD_FOR = re.compile(
    r"\S\s+(?:Scholarships?|Fellowships?|Awards?|Prizes?)\s+for\s+[A-Z][^,;()]*$"
)


_OWNED = re.compile(r"['’]s\s+([A-Z].*)$")  # "<Owner>'s <Name>": the owned name
_LEADING_ARTICLE = re.compile(r"^(?:The|the|Our|our|China['’]s)\s+")
_POSSESSIVE_S = re.compile(r"['’]s$")


def _clean_actor(name: str) -> str:
    return _POSSESSIVE_S.sub("", _LEADING_ARTICLE.sub("", name)).strip()


def _foreign(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """Partners (other countries, bodies) named in ``text[start:end]`` with their kind."""
    from analysis.partners import partners_in  # find_partners(text[start:end]), faster

    out = []
    for a, b, name, kind in partners_in(text, start, end):
        out.append((start + a, start + b, name, "programme" if kind == "programme" else "foreign"))
    return out


# a count in words, capitalised as a sentence's first word, before a name's words ("Thirty-five
# Academy scientists", "TWELVE MINISTRY OFFICIALS"); "One" may open a name ("One Belt One Road")
_COUNT_LEAD = re.compile(
    r"(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|"
    r"Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|"
    r"Ninety|Several|Many|Both|Some|Most|Dozens|Hundreds|Thousands)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\s+(?=[A-Z])",
    re.I,
)
# an office before the body it is held in ("Vice-Minister of the ...", "Director of the ...")
_OFFICE_LEAD = re.compile(
    r"(?:[Tt]he\s+)?(?:(?:Vice|Deputy|Assistant|Executive)[- ])?(?:Minister|Director|Chairman|"
    r"Chairwoman|Chair|President|Secretary|Commissioner|Head|Governor|Mayor)(?:-General)?\s+of\s+"
    r"(?:the\s+)?"
    r"(?=[A-Z])"
)
_OFFICE_INITIALS = frozenset("VDAEMCPSHGTt")
# (the words' first letters, so that most names skip the regex: a speed-up only; the plain
# twin in tests/test_facts.py tries the regex on every name)
_COUNT_INITIALS = frozenset("TFSENBMDHtfsenbmdh")


def mentions(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """Actors named in ``text[start:end]``: (start, end, actor, kind), in order.

    Linear in the span (it is run on whole documents): the containment tests look up sorted
    starts by bisection (plain twin: tests/test_facts.py ``_mentions_plain``)."""
    lex = actor_lexicon()
    out = []
    memo = lex.kind_memo
    for m in lex.mention.finditer(text, start, end):
        name = m.group(0)
        a, b = m.span()
        if name[0] in _COUNT_INITIALS and (lead := _COUNT_LEAD.match(name)):
            # "Thirty-five Academy scientists": a count opening its sentence is no name's word
            name, a = name[lead.end() :], a + lead.end()
        if name[0] in _OFFICE_INITIALS and (lead := _OFFICE_LEAD.match(name)):
            # "Vice-Minister of the State Science and Technology Commission": the office's
            # holder speaks for the body named after it
            name, a = name[lead.end() :], a + lead.end()
        got = memo.get(name, _NO_MEMO)  # :func:`_kind_of`, its remembered answer inlined
        if got is _NO_MEMO:
            got = _kind_of(name, lex)
        if got is None and name[-1].isupper():
            # ("the DAAD": an acronym after an article)
            bare = name[4:] if name[:4] in ("The ", "the ") else name
            if _ACRONYM.fullmatch(bare):
                got = _defined_acronym(text, bare, lex)
        if got:
            out.append((a, b, got[1], got[0]))
    # ``out`` holds finditer's matches: in order and not overlapping, so the only one that
    # can hold a position is the last one starting at or before it
    starts = [o[0] for o in out]
    alive = [True] * len(out)
    named: list[tuple[int, int, str, str]] = []
    for m in _named_heads(lex, text, start, end):
        # "The Hefei institute", "the Zhangjiang park": a place's own body named by a
        # lower-case head word (earlier ones of these end before this match starts)
        name = _clean_actor(m.group(1))
        if name in _NATIONAL_ADJECTIVES or _country_word(name):
            # "at Chinese institutes", "Irish universities": many, none named (another
            # country's name stays a mention of that country)
            continue
        known = _kind_of(name, lex)
        if known is not None and known[0] != "local":
            continue  # (a place's name keeps its own body: "The Hefei institute")
        j = bisect.bisect_right(starts, m.start(2)) - 1
        if j >= 0 and alive[j] and m.start(2) < out[j][1]:
            continue
        kind = lex.kinds[f"head:{m.group(2)[0].upper()}{m.group(2)[1:]}"]
        for k in range(bisect.bisect_left(starts, m.start()), bisect.bisect_left(starts, m.end())):
            alive[k] = False
        named.append((m.start(1), m.end(), f"{name} {m.group(2)}", kind))
    if named:  # (finditer's matches alone are in order already)
        out = [o for o, keep in zip(out, alive, strict=True) if keep] + named
        out.sort()
    # the spans taken so far (sorted by start; the running maximum of their ends tells
    # whether any span starting at or before a position reaches past it)
    foreign = _foreign(text, start, end)
    foreign_starts = [f[0] for f in foreign]
    for i, (a, b, name, kind) in enumerate(out):
        if (text.find(" on ", a, b) >= 0 or text.find(" in ", a, b) >= 0) and (
            cut := _joined_partner(text, a, b, name, foreign_starts)
        ):
            # "students from China on American campuses", "Officials in Beijing in
            # Japanese ...": two names the run of capitals joined by "on" or "in"; the
            # first ends there, the partner after it is a name of its own
            out[i] = (a, cut, name, kind)
    taken_starts = [a for a, *_ in out]
    reach = list(itertools.accumulate((b for _a, b, *_ in out), max))
    for i, (a, b, name, kind) in enumerate(out):
        if kind in ("agency", "programme") and _joint(name):
            # "Australia-China Science and Research Fund", "Sino-German Center": a joint
            # body of two countries is a programme, neither side's own
            out[i] = (a, b, name, "programme")
        elif (
            kind in ("agency", "programme")
            and bisect.bisect_left(foreign_starts, a) < bisect.bisect_left(foreign_starts, b)
            and (kind == "agency" or _BODY_HEAD.search(name))
        ):
            # "Russian Academy of Sciences", "French National Centre for Scientific
            # Research": theirs (a programme of theirs stays a programme)
            out[i] = (a, b, name, "foreign")
        elif kind == "agency" and _foreign_word_body(name):
            # "Federal Ministry of Education and Research", "Royal Society": a word only
            # another country's bodies carry (actors.yaml publishers.foreign)
            out[i] = (a, b, name, "foreign")
    added = False
    for f in foreign:
        j = bisect.bisect_right(taken_starts, f[0]) - 1
        if j < 0 or reach[j] <= f[0]:
            out.append(f)
            added = True
    if added:  # (``out`` is sorted already otherwise; its kinds changed in place only)
        out.sort()
    return out


# "on" or "in" joining two runs of capitals ("China on American campuses")
_NAME_JOINER = re.compile(r" (?:on|in) ")


def _joined_partner(text: str, a: int, b: int, actor: str, foreign_starts: list[int]) -> int:
    """The end of the first name when a run of capitals ``text[a:b]`` named ``actor`` by
    its words before an "on" or "in" and a partner is named right after that word (a
    country, a demonym: "China on American"); 0 otherwise."""
    for m in _NAME_JOINER.finditer(text, a, b):
        k = bisect.bisect_left(foreign_starts, m.end())
        if k < len(foreign_starts) and foreign_starts[k] == m.end():
            return m.start() if text.find(actor, a, m.start()) >= 0 else 0
    return 0


# head words of a programme's name that name an institution with a staff of its own: one of
# another country's is that country's body ("French National Centre for Scientific Research")
_BODY_HEAD = re.compile(r"\b(?:Cent(?:er|re)|Observatory|Station)\b")
# the last word of a name the lexicon does not know that names awards given, a programme
_AWARD_NAME = re.compile(
    r"\b(?:Scholarships?|Fellowships?|Grants?|Aid|Awards?|Actions|Exchanges?)$"
)
_NATIONAL_ADJECTIVES = frozenset({"Chinese", "China's", "China’s", "PRC"})
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")
_ACRONYMS: list = [None, {}]  # [the text, {acronym: (kind, actor) or None}] (the last text)


def _defined_acronym(text: str, acronym: str, lex: _Actors) -> tuple[str, str] | None:
    """(kind, actor) of an acronym the text defines after the name of a place, a programme
    or an agency ("Suzhou Industrial Park (SIP)": SIP is local; a joint body's a programme;
    another country's body, "Federal Ministry of Education and Research (BMBF)", foreign), or
    of one made of the initials of a body named before it and never defined
    (:func:`_initials_of_name`); None else. Remembered for the last text only."""
    if _ACRONYMS[0] is not text:
        _ACRONYMS[0], _ACRONYMS[1] = text, {}
    known = _ACRONYMS[1]
    if acronym in known:
        return known[acronym]
    got = None
    at = text.find(f"({acronym})")
    if at > 0:
        lead = text[max(0, at - 120) : at].rstrip()
        last = None
        for m in lex.mention.finditer(lead):
            last = m
        if last is not None and last.end() == len(lead):
            name = last.group(0)
            kind = _kind_of(name, lex)
            if kind is None and _AWARD_NAME.search(name):
                # "Japanese Grant Aid for ... Scholarship (JDS)": a programme of awards
                got = ("programme", acronym)
            elif _foreign_body(name, kind):
                # "Japan Science and Technology Agency (JST)", "German Academic Exchange
                # Service (DAAD)", "Germany's Federal Ministry ... (BMBF)": another country's
                got = ("foreign", acronym)
            elif kind is not None and kind[0] in ("local", "programme", "agency"):
                got = ("programme" if _joint(name) else kind[0], acronym)
    else:
        got = _initials_of_name(text, acronym, lex)
    known[acronym] = got
    return got


_INITIALS_MEMO: list = [None, {}]  # [the text, {initials: [(start, name)]}] (the last text)


# where a body's name may open inside a mention ("Zhou Li of the China Meteorological
# Administration": a person's name and office before the body's)
_TAIL_OPENS = re.compile(r"\b(?:of|at|for|with|from)\s+(?:the\s+)?(?=[A-Z])")


def _name_tails(name: str) -> list[str]:
    """A mention's name and the names that open inside it after "of", "at", "for" ..."""
    return [name, *(name[m.end() :] for m in _TAIL_OPENS.finditer(name))]


def _names_by_initials(text: str, lex: _Actors) -> dict[str, list[tuple[int, str]]]:
    """The names :data:`_Actors.mention` finds in ``text``, by the initials of their capitals,
    in order: one pass per text, remembered for the last one (done for speed: each unknown
    acronym of a text asked a pass of its own; plain twin in tests/test_facts.py)."""
    if _INITIALS_MEMO[0] is not text:
        found: dict[str, list[tuple[int, str]]] = {}
        for m in lex.mention.finditer(text):
            for name in _name_tails(_clean_actor(m.group(0))):
                initials = "".join(w[0] for w in name.split() if w[0].isupper())
                if len(initials) >= 3:
                    found.setdefault(initials, []).append((m.start(), name))
        _INITIALS_MEMO[0], _INITIALS_MEMO[1] = text, found
    return _INITIALS_MEMO[1]


def _initials_of_name(text: str, acronym: str, lex: _Actors) -> tuple[str, str] | None:
    """(kind, name) of an acronym made of the initials of a body named before it and
    never defined in brackets ("the China Meteorological Administration ... The CMA itself",
    "the Finnish Meteorological Institute ... FMI runs 14 projects"); None when no name
    before its first use has those initials."""
    if len(acronym) < 3:
        return None  # ("US", "HK": a country's or place's, the partners' lexicon knows them)
    first = re.search(rf"\b{re.escape(acronym)}\b", text)
    if first is None:
        return None
    for start, name in _names_by_initials(text, lex).get(acronym, ()):
        if start >= first.start():
            break
        kind = _kind_of(name, lex)
        if _foreign_body(name, kind):
            return "foreign", name
        if kind is not None and kind[0] in ("local", "programme", "agency"):
            return ("programme" if _joint(name) else kind[0]), name
    return None


def _country_word(name: str) -> bool:
    """True when ``name`` is, whole, another country's name or demonym ("Irish")."""
    hits = _foreign(name, 0, len(name))
    return bool(hits) and hits[0][:2] == (0, len(name))


def _place_word(name: str) -> bool:
    """True when ``name`` is, whole, a country's or region's name or demonym ("Soviet",
    "African"), no body's ("UN")."""
    from analysis.partners import partners_in

    hits = partners_in(name, 0, len(name))
    return bool(hits) and hits[0][:2] == (0, len(name)) and hits[0][3] in ("country", "region")


def _foreign_body(name: str, kind: tuple[str, str] | None) -> bool:
    """True when a name is another country's body: an agency's, an institution's or an
    unknown kind's name holding that country's name or demonym, not a joint body's."""
    if kind is not None and (
        kind[0] not in ("agency", "programme", "foreign")
        or (kind[0] == "programme" and not _BODY_HEAD.search(name))
    ):
        return False
    if _joint(name):
        return False
    return any(k == "foreign" for *_, k in _foreign(name, 0, len(name)))


@functools.lru_cache(maxsize=4096)
def _foreign_word_body(name: str) -> bool:
    """True when an agency's name holds a word only another country's bodies carry
    ("Federal", "Royal", "Embassy") and nothing of China."""
    pub = _publisher_lexicon()
    return (
        pub.foreign.search(name) is not None
        and pub.chinese.search(name) is None
        and _CHINA_WORD.search(name) is None
    )


def _named_heads(lex: _Actors, text: str, start: int, end: int):
    """``lex.named_head.finditer(text, start, end)``, searching only before a head word:
    a match is capitalised words, blanks and its head, so it starts after the last word
    before the head that holds no capital or digit (or after a character no name holds),
    and a head word inside a match is impossible (plain twin: tests/test_speed.py)."""
    if lex.named_head_word.search(text, start, end) is None:
        return
    search = lex.named_head.search
    pos = start
    reach = lex.head_len + 2
    for h in lex.head_blank.finditer(text, start, end):
        at = h.start()
        if at < pos:
            continue
        w = _name_run_start(text, at, pos)
        m = search(text, w, min(end, at + reach))
        if m is None or m.start() >= at:
            continue  # (a match past ``at`` belongs to a later head, read in full there)
        yield m
        pos = m.end()


_RUN_WORD = re.compile(r"[\w&'’.–-]+")  # (a dash joins a name's words: "China–Brazil")
_CAP_OR_DIGIT = re.compile(r"[A-Z\d]")


def _name_run_start(text: str, at: int, lo: int) -> int:
    """The first position from which capitalised words and blanks run up to ``text[at]``
    (a superset: a name of ``named_head`` ending there starts at or after it)."""
    q = at
    while q > lo and text[q - 1].isspace():
        q -= 1
    while q > lo:
        t = q
        while t > lo and not text[t - 1].isspace():
            t -= 1
        if _CAP_OR_DIGIT.search(text, t, q) is None:
            return q  # a word with no capital or digit: the name starts after it
        word = _RUN_WORD.match(text, t, q)
        if word is None or word.end() != q:
            # a character no name holds: the name starts after the last of them
            k = q
            while k > t and _RUN_WORD.match(text, k - 1, k):
                k -= 1
            return k
        if t == lo:
            return lo
        q = t
        while q > lo and text[q - 1].isspace():
            q -= 1
    return lo


_NO_MEMO = object()
# a joint body of two countries: "Sino-German Center", "Australia-China Fund", "China-EU
# ...", and a body its name calls joint ("the 14th Joint Committee", "Joint Laboratory")
_JOINT = re.compile(r"\bSino-\w|\w[-–]China\b|\bChina[-–]\w|\bJoint\b")


@functools.lru_cache(maxsize=4096)
def _joint(name: str) -> bool:
    """``_JOINT.search(name)``, remembered (names repeat)."""
    return _JOINT.search(name) is not None


def document_subject(title: str) -> tuple[str, str] | None:
    """(scope, actor) of the programme, place or agency a document's title names first
    ("China signs ITER agreement": ITER; "Thousand Talents Plan lures scientists home"):
    whose figures those are that name no owner of their own. None: the title names none.
    (Remembered per title; the reference: :func:`_document_subject_plain`.)"""
    memo = actor_lexicon().subject_memo
    try:
        return memo[title]
    except KeyError:
        if len(memo) > 10_000:
            memo.clear()  # bounded, whatever the corpus
        got = memo[title] = _document_subject_plain(title)
        return got


_NATIONS_OWN = re.compile(r"^\W*(?:China|PRC)(?:\s*:\s*|['’]s\s+)(?:[Tt]he\s+)?$")


def _document_subject_plain(title: str) -> tuple[str, str] | None:
    """:func:`document_subject` worked out. (A Chinese central body that reports national
    totals, ``actors.yaml`` ``publishers`` ``national``, is no subject: "How many students
    went abroad? (MOE numbers)" gives the nation's figures.)"""
    central = _publisher_lexicon().national
    capitals = title.isupper()
    if capitals:
        # a title in capitals ("FINAL REPORT OF THE SINO-JAPANESE COOPERATION PROJECT ON
        # RADAR METEOROLOGY ..."): read in title case, the names the lexicon knows
        # capitalised as it writes them; every word is capitalised then, so only a specific
        # name counts (not "Expo", "State Commission"); in any title, a head word in the
        # plural names no one programme or body ("Results of the 2017 ... Call: 126 Projects
        # Funded", "Talent Programmes and ...")
        title = _title_cased(title)
    for a, b, actor, kind in mentions(title, 0, len(title)):
        if kind == "agency":
            actor = _title_body(actor)
        if not _specific_name(actor, generic=capitals):
            continue
        if kind == "agency" and central.fullmatch(actor):
            continue
        if _HEAD_AS_VERB.match(title, b) and actor.endswith("s"):
            # a headline in title case runs its subject on into its verb: "China Plans to
            # Send ...", "Universities Plans to ..." name no plan
            continue
        if kind == "programme" and _NATIONS_OWN.search(title, 0, a):
            # "China: The Students Abroad Program", "China's Study Abroad Programme": the
            # nation's own programme, whose figures are the nation's (as ``_nations_plan``)
            return None
        if kind == "local" and _TIME_ZONE.match(title, b):
            continue  # "Broadcast: October 16, 2012, 21:30 Beijing time": a clock, no owner
        if kind == "local" and actor == "Beijing" and not _CITY_AFTER.match(title, b):
            # the capital in a headline is the state ("Shut out by Washington, Beijing turns to
            # Europe", "Bonn and Beijing Extend Their Research Partnership") or a venue
            # ("Conference ... Opens in Beijing"), not the city's own page ("Beijing
            # Municipality Hosts ...")
            continue
        if kind in ("programme", "local", "agency") and actor not in actor_lexicon().references:
            return kind, actor
    return None


# words that name no body of their own beside a head word ("State Commission", "Joint
# Programme", "National Centre")
_GENERIC_WORDS = frozenset(
    "state national joint international central bilateral the of and for new general".split()
)


def _specific_name(name: str, generic: bool = True) -> bool:
    """Whether a name read from a title names one body, place or programme: no head word in
    the plural ("126 Projects Funded", "Talent Programmes and ...", "WHO Centres"), and, for
    a title in capitals (``generic``), a word of its own beside its head word and the
    generic ones ("State Commission" names none)."""
    kinds = actor_lexicon().kinds
    own = False
    for w in name.split():
        if f"head:{w}" in kinds:
            continue
        if w.endswith("s") and (f"head:{w[:-1]}" in kinds or f"head:{w[:-2]}" in kinds):
            return False
        if w.lower() not in _GENERIC_WORDS:
            own = True
    return own or not generic


# the words a title in title case leaves in lower case
_SMALL_WORDS = frozenset("a an and at by for from in of on the to with".split())
_WORD_OR_GAP = re.compile(r"(\s+)")


def _title_cased(title: str) -> str:
    """A title in capitals in title case, of the same length: each word (and each part of a
    hyphenated one) capitalised, the small words after the first in lower case, acronyms
    the lexicon knows kept ("CAS", "ITER")."""
    kinds = actor_lexicon().kinds
    out = []
    for part in _WORD_OR_GAP.split(title):
        bare = part.strip("()[],.:;\"'“”‘’")
        if not part.strip() or bare in kinds:
            out.append(part)
        elif out and part.lower() in _SMALL_WORDS:
            out.append(part.lower())
        else:
            out.append("-".join(w[:1].upper() + w[1:].lower() for w in part.split("-")))
    return "".join(out)


_TIME_ZONE = re.compile(r"\s+time\b", re.I)
_CITY_AFTER = re.compile(r"['’]?s?\s+(?:Municipal(?:ity)?|City|city|municipal(?:ity)?)\b")


_HEAD_AS_VERB = re.compile(r"\s+to\s+[A-Za-z]")


@functools.cache
def _title_cut() -> re.Pattern[str]:
    """Where a body's name in a title-case headline ends: before a role word ("Foreign
    Ministry Spokesperson Geng Shuang's ...": the ministry speaks) or a verb in the third
    person right after its head word ("State Council Reviews a Decade ...", "..., Ministry
    Says"): ``actors.yaml`` ``attribution_roles`` and agency ``heads``."""
    lex = load_lexicon("actors")
    heads = _alt_words(lex["heads"]["agency"])
    roles = _alt_words(lex["attribution_roles"])
    return re.compile(
        rf"(\s+)(?i:{roles})\b|\b(?:{heads})(\s+)(?!(?:Affairs|Sciences|Studies)\b)"
        rf"[A-Z][a-z]{{1,12}}s\b"
    )


def _title_body(actor: str) -> str:
    """A title's agency name without the words a headline runs on with after it
    (:func:`_title_cut`): the body's own name, or the name as found."""
    m = _title_cut().search(actor)
    if m is None:
        return actor
    cut = m.start(1) if m.group(1) is not None else m.start(2)
    return actor[:cut] if cut > 0 else actor


def page_voice(doc) -> tuple[str, str] | None:
    """(scope, actor) of whoever owns the figures of a page that no clause assigns: the
    subject its title names first (:func:`document_subject`), else the body publishing it
    when that body is a part of China or another country's (:func:`publisher_voice`): the
    publisher found for the page, else the first body named by a masthead line above its
    title ("Government of India", "Sichuan Provincial Government"). None: the nation's."""
    title = getattr(doc, "title", "") or ""
    got = document_subject(title)
    publisher = " ".join((getattr(doc, "publisher", "") or "").split())
    if got is not None:
        if got[0] == "agency" and _OFFICE.match(got[1]) and publisher:
            # an office of the body publishing ("Office of International Cooperation and
            # Exchange: Annual Report" on Sichuan University's site) speaks for that body
            whole = publisher_voice(publisher, title)
            if whole is not None and whole[0] == "local":
                return whole
        if got[0] == "agency" and _central_in_title(got[1], doc):
            return None
        return got
    text = getattr(doc, "text", "") or ""
    if not title.isupper():
        lex = actor_lexicon()
        for m in _TITLE_ACRONYM.finditer(title):
            acronym = m.group()
            if acronym in lex.kinds or f"({acronym})" not in text:
                continue
            # "Ten Years, 8,300 Graduates: XJTLU Looks Back": the body the text names in full
            # before the acronym in brackets
            got = _defined_acronym(text, acronym, lex)
            if got is not None:
                return got
    if publisher and _joint(publisher) and _kind_of(publisher, actor_lexicon()) is not None:
        # "China–Italy Joint Commission for ... Cooperation" publishing its minutes: the
        # joint body's (a programme, neither side's)
        return "programme", publisher
    media = _publisher_lexicon().media
    for name in _masthead_names(doc, title, text):
        # (a news outlet or press office speaks for none: a line after it may name the
        # government it belongs to, "Press Information Bureau / Government of India")
        # ("Xi'an Jiaotong University | News Center": the body before its site's section)
        if _is_body(name) and not media.search(name.split(" | ", 1)[0]):
            return publisher_voice(name, title, text)
    return _place_publication(getattr(doc, "publisher", "") or "")


_TITLE_ACRONYM = re.compile(r"(?<![\w&-])[A-Z][A-Z0-9&]{1,7}(?![\w&-])")


# a document's name around its body's: "Report of the State Science and Technology
# Commission on International Scientific Exchanges"
_DOCUMENT_OF = re.compile(
    r"(?:(?:Annual\s+|Work\s+|Special\s+)?(?:Report|Review|Bulletin|Communiqu[eé]|Statement|"
    r"Survey)\s+(?:of|by|from)\s+(?:the\s+)?)"
)


def _central_in_title(actor: str, doc) -> bool:
    """True when a title's agency is a Chinese central body that reports the nation's
    statistics (``actors.yaml`` ``publishers`` ``national``), named within a document's name
    ("Report of the State Science and Technology Commission on ...") or by a short form of
    its head word that the page's opening gives in full ("Science commission charts a
    decade ...", "... the State Science and Technology Commission (SSTC) said"): no voice,
    its page's figures stay the nation's."""
    central = _publisher_lexicon().national
    if _DOCUMENT_OF.match(actor):
        m = central.search(actor)
        return m is not None and m.start() == _DOCUMENT_OF.match(actor).end()
    words = actor.split()
    if len(words) > 3 or not words[-1].islower():
        return False
    head = words[-1]
    text = (getattr(doc, "text", "") or "")[:3000]
    return any(m.group(0).split()[-1].lower() == head for m in central.finditer(text))


_PUBLICATION_NAME = re.compile(r"[A-Z][\w'’&-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’&-]*)+")


def _place_publication(publisher: str) -> tuple[str, str] | None:
    """("local", place) of a publication named after a province or city that is no news
    outlet ("Guangdong Yearbook", "Shanghai Science and Technology Bulletin"): it speaks
    for that place. None for any other name."""
    name = " ".join(publisher.split())
    if not _PUBLICATION_NAME.fullmatch(name) or _publisher_lexicon().media.search(name):
        return None
    for a, _b, actor, kind in mentions(name, 0, len(name)):
        if a == 0 and kind == "local" and actor != name:
            return "local", actor
        break
    return None


_HEAD_LINES = 3  # how many lines above a page's title may name its publisher
# an office of a body (a university's international office), no body of its own
_OFFICE = re.compile(r"(?:International\s+)?Office\b")
_OFFICE_AT = re.compile(
    r"\bOffice\b[^|\n]*?\b(?:at|of)\s+(?:the\s+)?[A-Z][^|\n]*?\b(?:University|College)\b"
)
_FIELD_SEP = re.compile(r"\s+(?:[|·—–]|-{1,2})\s+|\s{3,}")


def _masthead_names(doc, title: str, text: str):
    """The publisher's name, then the fields of the first lines of the page above its title
    (those cleaning removed, then those it kept), apart at bars, dashes and wide spaces."""
    publisher = getattr(doc, "publisher", "") or ""
    if publisher:
        yield publisher
    lines = [r.text for r in getattr(doc, "removed", ()) if r.line <= _HEAD_LINES]
    head = text[: text.find(title)] if title and title in text[:2000] else ""
    head_lines = head.splitlines()
    lines += head_lines[:_HEAD_LINES]
    # then a line right over the title naming a university's office (a post's author
    # line, "Director, Office of International Cooperation at Shanghai Jiao Tong
    # University"): the office speaks for its university, as in :func:`page_voice`
    over = [x for x in head_lines[_HEAD_LINES:] if x.strip()][-_HEAD_LINES:]
    lines += [x for x in over if _OFFICE_AT.search(x)]
    for line in lines:
        for part in _FIELD_SEP.split(line.strip()):
            if part:
                yield part


def _is_body(name: str) -> bool:
    """True when a name is a body's (any word of ``actors.yaml`` ``publishers``): its
    answer, owner or not, is the page's."""
    lex = _publisher_lexicon()
    name = " ".join(name.split())
    return any(
        p.search(name)
        for p in (lex.media, lex.national, lex.foreign, lex.local, lex.agency, lex.government)
    )


@dataclass(frozen=True)
class _Publishers:
    """``actors.yaml`` ``publishers``: each list as one whole-word pattern."""

    media: re.Pattern[str]
    national: re.Pattern[str]
    foreign: re.Pattern[str]
    local: re.Pattern[str]
    agency: re.Pattern[str]
    government: re.Pattern[str]
    chinese: re.Pattern[str]


def spent_abroad(actor: str, unit: str) -> bool:
    """True when a sum in ``unit`` is another country's money: a currency none of China's own
    bodies spends (``actors.yaml`` ``home_currencies``), its owner ``actor`` a body whose name
    says nothing of China ("The ministry will spend 4.5 billion won"; a central body's name
    other countries' ministries share, "Ministry of Science and Technology", decides nothing)."""
    return _foreign_money(unit) and not _publisher_lexicon().chinese.search(actor)


def money_country(unit: str) -> str | None:
    """The country whose money a sum in ``unit`` is, when none of China's own bodies spends
    that currency (``actors.yaml`` ``home_currencies``): "C$62 million", "50 billion yen"
    are Canada's and Japan's (:func:`analysis.partners.currency_country`); None otherwise."""
    from analysis.partners import currency_country

    return currency_country(unit) if _foreign_money(unit) else None


def _foreign_money(unit: str) -> bool:
    """True when ``unit`` is a currency none of China's own bodies spends (``actors.yaml``
    ``home_currencies``)."""
    from analysis.units import is_money

    return is_money(unit) and unit not in (load_lexicon("actors").get("home_currencies") or ())


def central_count(indicator: str, actor: str) -> bool:
    """True when ``actor`` is a Chinese central body (``actors.yaml`` ``publishers``
    ``national``) and ``indicator`` counts what only the nation has (``national_indicators``):
    the body's figure of it is the nation's."""
    lex = load_lexicon("actors")
    return indicator in (lex.get("national_indicators") or ()) and bool(
        _central_body().fullmatch(" ".join(actor.split()))
    )


@functools.cache
def _central_body() -> re.Pattern[str]:
    """A Chinese central body's whole name (``publishers`` ``national``), perhaps with "of
    China" or its abbreviation in brackets: "Ministry of Education" is one, "Ministry of
    Education, Culture, Sports, Science and Technology" (Japan's MEXT) is not."""
    national = _alt_words(load_lexicon("actors")["publishers"]["national"])
    body = (
        rf"(?:(?:the|China['’]s)\s+)?(?:{national})"
        rf"(?:\s+of\s+(?:the\s+)?(?:People['’]s\s+Republic\s+of\s+)?China)?(?:\s*\([A-Z]+\))?"
    )
    # (its officials, or two central bodies together: "Officials of the State Scientific and
    # Technological Commission", "Ministry of Commerce and the State Council")
    return re.compile(rf"(?:officials?\s+of\s+)?{body}(?:\s+and\s+{body})?", re.I)


@functools.cache
def _publisher_lexicon() -> _Publishers:
    lex = load_lexicon("actors")["publishers"]
    return _Publishers(
        **{
            key: re.compile(
                rf"(?<![\w-])(?:{_alt_words(lex[key])})(?![\w-]){_HEAD_OF.get(key, '')}"
            )
            for key in ("media", "national", "foreign", "local", "agency", "government", "chinese")
        }
    )


# a body's head word heads its name: it ends the name or a phrase of the name follows it
# ("Royal Society", "Academy of Sciences"; not "Education and Society in China", a journal),
# or the one name of the city it stands in ("DAAD Office Beijing | Außenstelle Peking")
_HEAD_OF = {
    key: r"(?=\s+(?i:of|for|on)\b|\s*(?:$|[,(|])|\s+[A-Z][a-z]+\s*(?:$|[,(|]))"
    for key in ("agency", "government")
}


_PAGE_READ = 20_000  # how much of a page :func:`_page_country` counts names in


def publisher_voice(publisher: str, title: str = "", text: str = "") -> tuple[str, str] | None:
    """(scope, actor) of the body publishing a page, when it speaks for a part of China or
    for another country: the owner of the page's figures that no clause and no title
    assigns. The general form read: a publisher's name is a body's when it holds a head
    word of a body (``actors.yaml`` ``publishers``); then

    * a news outlet (``media``: "Xinhua News Agency", "China Daily") owns none: None;
    * a name that names another country before China ("Embassy of Japan in China",
      "U.S. Department of State") is that country's: foreign;
    * a name with a word only another country's body carries (``foreign``: "Deutscher
      Bundestag", "Federal", a ministry in its own language "Ministério ...") is foreign,
      its actor the country the page speaks for (:func:`_page_country`) or the name;
    * a Chinese central body that reports national totals (``national``: MOFCOM, "State
      Education Commission") owns none: None;
    * a province's, city's or university's body (``local``: "Guangdong Provincial People's
      Government", "Sichuan Provincial Government", "Zhejiang University"): local, the
      place (or the university);
    * an academy, foundation or society (``agency``), or a government's organ whose name
      says nothing of its country (``government``: "Ministry of Science and ICT"): the
      country the page speaks for decides; another's makes it foreign, China's leaves an
      academy an agency and a government organ national (None).
    """
    name = " ".join(publisher.split())
    if not name:
        return None
    got = _publisher_voice(name, title, text)
    if got is None and " | " in name:
        # a site's section beside its body's name ("Xi'an Jiaotong University | News
        # Center"): the first part that is a body's speaks
        for part in name.split(" | "):
            got = _publisher_voice(part.strip(), title, text)
            if got is not None:
                break
    return got


def _publisher_voice(name: str, title: str, text: str) -> tuple[str, str] | None:
    """:func:`publisher_voice` of one name, spaces normalised."""
    if not name:
        return None
    lex = _publisher_lexicon()
    if lex.media.search(name):
        return None
    agency = lex.agency.search(name)
    government = lex.government.search(name)
    local = lex.local.search(name)
    foreign = lex.foreign.search(name)
    if agency is None and government is None and local is None and foreign is None:
        return None  # no body's name ("Science in Africa", "OECD", "Institute for ...")
    chinese = lex.chinese.search(name)
    for a, _b, country, kind in _foreign(name, 0, len(name)):
        if kind == "foreign" and (chinese is None or a < chinese.start()):
            return "foreign", country  # "Embassy of Japan in China"
        break
    if chinese is None and foreign is not None:
        return "foreign", _page_country(title, text) or name
    if lex.national.search(name):
        return None
    if local is not None:
        for _a, _b, actor, kind in mentions(name, 0, len(name)):
            if kind == "local":
                return "local", actor
        # "Sichuan Provincial Government": the place the word follows; "Fudan University"
        place = name[: local.start()].split()
        if local.group(0) in ("University", "College") or not place:
            return "local", name
        return "local", place[-1]
    if agency is None and government is None:
        return None
    if chinese is None:
        country = _page_country(title, text)
        if country is not None:
            return "foreign", country
    if agency is not None:
        return "agency", name
    return None


_CHINA_WORD = re.compile(r"\b(?:China|Chinese|PRC|Sino)\b")


def _page_country(title: str, text: str) -> str | None:
    from analysis.partners import partners_in

    """The other country a page speaks for, when it is not China's: the country its title
    names before China ("Korea and China renew ...", "Brazil-China cooperation": a nation
    names itself first), else the country its text names more often than China (in its
    first :data:`_PAGE_READ` characters). None: China's page, or none is told."""
    china = _CHINA_WORD.search(title)
    for a, _b, country, kind in _foreign(title, 0, len(title)):
        if kind == "foreign" and china is not None and a < china.start():
            return country
        break
    if not text:
        return None
    end = min(len(text), _PAGE_READ)
    counts: dict[str, int] = {}
    for _a, _b, country, kind in partners_in(text, 0, end):
        if kind == "country":
            counts[country] = counts.get(country, 0) + 1
    if not counts:
        return None
    top = max(counts, key=counts.__getitem__)
    if counts[top] >= _PAGE_NAMED and counts[top] > len(_CHINA_WORD.findall(text, 0, end)):
        return top
    return None


_PAGE_NAMED = 3  # how often a page names the country it speaks for, at least


def mentions_part(sentence: str) -> bool:
    """True when ``sentence`` names an actor other than China (a part or another country)."""
    return any(kind != "national" for *_, kind in mentions(sentence, 0, len(sentence)))


# (not an ordinal: "under the 11th Five-Year Plan" is the plan the clause stands under)
_OCCASION_ORDINAL = r"(?:annual|biennial|yearly)"
_CLAUSE_OPEN = re.compile(r"(?:^|[,;:]|\band|\bwhile|\bwhereas|\bbut)\s*$")


def scope_of(
    text: str,
    num_start: int,
    num_end: int,
    noun_end: int,
    clause: tuple[int, int],
    found: list[tuple[int, int, str, str]] | None = None,
    default: tuple[str, str] | None = None,
) -> tuple[str, str]:
    """(scope, actor) of a figure at ``text[num_start:num_end]`` (DESIGN.md,
    :func:`_scope_of`). An owner that is a definite description ("The fund, established in
    2011, will support 18 missions") is the last name before the clause that its head word
    heads ("Australia-China Science and Research Fund": a programme, though "the fund" is
    an agency's word); without one, the caller resolves it by kind (:func:`resolve_reference`)."""
    if _LOWER.search(text, clause[0], clause[1]) is None and clause[1] > clause[0]:
        # a clause in capitals (a cable, a telex): read as written in lower case, the names
        # the lexicon knows capitalised ("SHANGHAI MUNICIPALITY ALONE SENT 2,300 PEOPLE")
        text = _recased(text, clause)
        found = mentions(text, clause[0], clause[1])
    if text.find("\n", clause[0], clause[1]) >= 0:
        # an item of a list set out line by line ("- 2015: 523,700 went abroad", "• X
        # Program (since 2013): 370 hosted"): its own clause, whatever the sentence
        item = _item_bounds(text, num_start, num_end, clause)
        if item != clause:
            # (the list's heading line, when it opens with a part's name, speaks for its
            # items as a title does for a page: "Talented Young Scientist Program" over
            # "• 500+ young scientists hosted")
            heading = _list_heading(text, clause)
            if heading is not None:
                default = heading
            clause = item
            if found is not None:
                found = [x for x in found if clause[0] <= x[0] and x[1] <= clause[1]]
    kind, actor = _scope_of(text, num_start, num_end, noun_end, clause, found, default)
    if kind == "national" and not actor and text.find("respectively", num_end, clause[1]) >= 0:
        # a later item of a list with one owner ("The X Program supported 412, 486 and 530
        # projects in 2006, 2007 and 2008 respectively"): the owner's, as the first item is
        # (the clause's comma after the first item is no new subject's)
        head = list_head(text, num_start, num_end)
        if head is not None and head[0] >= clause[0]:
            first = _scope_of(text, head[0], head[1], noun_end, clause, found, default)
            if first[0] in ("agency", "programme", "local"):
                kind, actor = first
    if kind in ("national", "foreign", "agency"):
        body = _joint_body_subject(text, num_start, clause)
        if body is not None:
            # a joint body of two sides choosing or funding what the figure counts ("The
            # China-Spain Joint Commission ... approved 24 joint research projects"): the
            # programme's (actors.yaml ``joint_bodies``)
            return "programme", body
    if kind in ("foreign", "agency") and " and " in actor and _two_sides(actor):
        _subject, to_figure = _joint_body_patterns()
        for a, b, name, _k in found or mentions(text, clause[0], clause[1]):
            if name == actor and clause[0] <= a and to_figure.fullmatch(text, b, num_start):
                # two bodies, one of each side, choosing or funding together what the figure
                # counts ("The Academy of Finland and the National Natural Science Foundation
                # of China have funded 33 projects through joint calls"): their joint
                # programme's, as a joint body's
                return "programme", actor
    lex = actor_lexicon()
    if default is not None and default[0] == "foreign" and (kind, actor) == default:
        phrase_end = max(noun_end, num_end)
        if _CHINESE.match(text, num_end, max(phrase_end + 1, num_end + 40)) or _FROM_CHINA.match(
            text, num_end, max(phrase_end + 1, num_end + 60)
        ):
            # "Some 4,000 students and scholars from the People's Republic of China are now
            # studying ... in this country", "the Government allowed some 42,000 PRC
            # nationals ... to remain" on another country's page: Chinese people that
            # country hosts, a line of the nation's figure, unless a body of the page's is
            # the clause's named subject ("the DAAD funded 3,150 Chinese and German students")
            named = any(
                k != "national"
                and clause[0] <= a < num_start
                and not _ACCORDING.search(text, max(clause[0], a - 20), a)
                for a, _b, _n, k in (found or mentions(text, clause[0], clause[1]))
            )
            subject = _clause_subject(text, clause, lex, default)
            if not named and (
                subject.what is None
                or subject.start >= num_start
                or _OWN_GOVERNMENT.fullmatch(text, subject.start, subject.end)
            ):
                return "national", default[1]
    if kind == "national" and not actor and _COST_SHARE.match(text, num_end):
        # "China bears 9.09 percent of the construction cost of ITER", "ITER, for example -
        # China pays about 9 percent of the construction cost": a party's share of a
        # programme's cost is a figure of the programme the sentence names
        programme = _cost_programme(text, num_end, clause)
        if programme:
            return "programme", programme
    if kind == "national" and not actor:
        line = _national_line(text, num_start, num_end, noun_end, clause, found)
        if line:
            return "national", line
    if kind in ("local", "agency") and (
        _NATION_BEFORE.search(text, max(clause[0], num_start - 24), num_start)
        or _NATION_AFTER.match(text, max(num_end, noun_end))
    ):
        # the whole a part is counted against, the nation's: "Guangdong hosts 4 of the
        # country's 14 zones", "firms in the country's 146 zones", "9 zones, out of 54 in
        # the country as a whole"
        return "national", ""
    if (
        kind == "local"
        and actor == "Beijing"
        and not (default is not None and default[0] == "local" and actor in default[1])
    ):
        # the capital for its government, the subject of a state's act ("Beijing plans to
        # spend", "Beijing also signed contracts", "Beijing belongs to 51 organisations"):
        # the nation's, unless the page speaks for the city
        for a, b, name, _k in found or mentions(text, clause[0], clause[1]):
            if name == actor and clause[0] <= a and b <= num_start:
                if _CAPITAL_ACTS.match(text, b) and not _UNDER_LEAD.search(text, clause[0], a):
                    # (not under a programme: "Under its Belt and Road science initiative,
                    # Beijing set up 53 joint laboratories" is the initiative's; a line of
                    # the nation's by its one partner: "Beijing plans to send 500 students
                    # to American universities")
                    return "national", _national_line(
                        text, num_start, num_end, noun_end, clause, found
                    )
                break
    central = kind == "agency" and _publisher_lexicon().national.search(actor) is not None
    if central or (kind == "agency" and _description(actor, lex)):
        # a Chinese central body that reports the nation's statistics, the verb its report
        # ("The Ministry of Education said 399,600 of its citizens went abroad", "MOE puts
        # the number ... at some two thousand", "MOE gave a figure of 12,000"): the
        # nation's figure, the body only its source; so is its description, but for a plan
        # ("Officials say the ministry hopes to see 20,000 returnees", after the ministry's
        # name; not "The ministry plans to send another 3,000": its own work)
        for a, b, name, _k in found or mentions(text, clause[0], clause[1]):
            if name == actor and clause[0] <= a and b <= num_start:
                if (
                    (_REPORTS if central else _DESCRIBED_REPORTS).match(text, b, num_start)
                    and not _OWN_REPORT.match(text, b)
                    and (central or _described_central(text, a, actor, lex))
                ):
                    # (not its report of its own work: "The Academy reported that it had
                    # itself received 12", "MOST said that it organized 1,287 projects")
                    return "national", _national_line(
                        text, num_start, num_end, noun_end, clause, found
                    )
                break
    if (central or (kind == "agency" and _description(actor, lex))) and _designates_national(
        text, num_start, clause, actor, central, found, lex
    ):
        # "The ministry accredited 84 new national international S&T cooperation bases,
        # bringing the number of such bases to 356": what a central ministry designates at
        # national level, the nation's count (the ministry only the office that keeps it)
        return "national", ""
    if central:
        if _DIPLOMATIC.search(text, clause[0], clause[1]):
            # "The Ministry of Science and Technology maintains 111 science and technology
            # officials in 64 diplomatic missions abroad": the nation's network abroad, its
            # embassies' staff (the ministry only the office that keeps it)
            return "national", ""
    if kind == "agency" and text.find("On the ", clause[0], clause[0] + 16) >= 0:
        side = _SIDE_LEAD.match(text, clause[0], num_start)
        if side is not None and _country_word(side.group(1)):
            # "On the German side, the DFG alone is funding about 190 projects": a body of
            # the side named, that country's
            return "foreign", actor
    if (
        actor
        and kind != "national"
        # (or a head word standing alone: "At the latest Committee meeting", "The
        # Commission approved"; the body named in full before)
        and (actor in lex.references or (" " not in actor and f"head:{actor}" in lex.kinds))
    ):
        head = actor.split()[-1]
        head = head[0].upper() + head[1:]
        # the subject of the sentence before, when its head word is the description's
        # ("The UK–China ... Fund, part of the Newton Fund, has selected ... The fund will")
        got = _previous_subject(text, clause[0], actor_lexicon())
        if got is not None and got[1] != head and got[1].split()[-1:] == [head]:
            return ("programme", got[1]) if _joint(got[1]) else got
        # (the description's own place when the clause names the body before it: "the
        # Royal Society and the academy ...: the Society exchanged 95 scientists")
        at = clause[0]
        for a, _b, name, _k in found or ():
            if name == actor and clause[0] <= a < num_start:
                at = a
                break
        got = _head_name(text, head, at, actor_lexicon())
        if (
            got is not None
            and got[0] == "foreign"
            and default is not None
            and re.search(rf"\b{re.escape(head)}\b", default[1], re.I)
        ):
            # "The Academy" on the Chinese Academy of Engineering's own page, after its
            # partner "the Royal Academy of Engineering": the page's body
            return default
        if got is not None and (actor in lex.references or _joint(got[1]) or got[0] == "foreign"):
            # (a head word alone: a joint body's, "the Committee" of minutes, or another
            # country's body named before, "the Society" after "the Max Planck Society")
            return got
    if kind == "programme" and actor.lower() in _BARE_PROGRAMME:
        # a programme told only by its kind's word, as a time ("since the program started,
        # China has sent ...") or described by what it is for ("approved 1,600 projects
        # under the programme for the renovation of existing enterprises"): no owner; the
        # clause's subject is
        for a, b, name, _k in found or mentions(text, clause[0], clause[1]):
            if name == actor and (
                _SINCE_THE.search(text, max(clause[0], a - 12), a) or _DESCRIBED.match(text, b)
            ):
                rest = [x for x in found or mentions(text, *clause) if x[2] != actor]
                return _scope_of(text, num_start, num_end, noun_end, clause, rest, default)
    return kind, actor


@functools.cache
def _joint_body_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The subject of a joint body and the stretch from it to its figure through a verb of
    choosing or funding (actors.yaml ``joint_bodies``)."""
    lex = load_lexicon("actors")["joint_bodies"]
    words, heads = _alt_words(lex["words"]), _alt_words(lex["heads"])
    # (a body named for the pair of countries is joint too: "A Sino-Finnish working group",
    # "the China-Brazil committee")
    words = rf"{words}|(?:Sino|China)-(?-i:[A-Z])[\w]*|(?-i:[A-Z])[\w]*-(?:Chinese|China)"
    subject = re.compile(
        rf"\b(?:(?:the|a|an|our|their|its|this|these)\s+(?:[\w'’.&-]+\s+){{0,6}}?(?:{words})"
        rf"\s+(?:[\w&-]+\s+){{0,4}}?(?:{heads})|the\s+(?:{_alt_words(lex['bare_heads'])}))\b",
        re.I,
    )
    to_figure = re.compile(
        rf"[^.;:]{{0,120}}?\b(?:{_alt_words(lex['verbs'])})\s+(?:(?:a\s+total\s+of|more\s+than|"
        rf"some|about|over|nearly|around|up\s+to|another|a\s+further)\s+)*",
        re.I,
    )
    return subject, to_figure


def _joint_body_subject(text: str, num_start: int, clause) -> str | None:
    """The joint body ("the China-Spain Joint Commission on ...", "a joint committee on
    research", "the joint calls") that is the subject of the verb whose object the figure at
    ``num_start`` is, or None."""
    subject, to_figure = _joint_body_patterns()
    not_subject = actor_lexicon().not_subject
    for m in subject.finditer(text, clause[0], num_start):
        if not_subject.search(text, max(clause[0], m.start() - 30), m.start()):
            continue  # (an object or a lead: "Under its Bilateral Exchange Program, CAS has")
        if to_figure.fullmatch(text, m.end(), num_start):
            name = m.group()
            # (the body, not its meeting: "The 7th session of the China-Spain Joint Commission")
            of = list(_OF_WORD.finditer(name))
            name = name[of[-1].end() :] if of else name
            return " ".join(_DETERMINER.sub("", name).split())
    return None


_OF_WORD = re.compile(r"\bof\s+")
_DETERMINER = re.compile(r"^(?:the|a|an|our|their|its|this|these)\s+", re.I)


_AND_THE = re.compile(r"\s+and\s+(?:the\s+)?")


def _two_sides(name: str) -> bool:
    """True when ``name`` joins two bodies with "and", one Chinese (a central body, or one
    named for China) and one of another country ("Academy of Finland and the National
    Natural Science Foundation of China"; not "Ministry of Science and Technology"): each
    part is tried at each "and" of the name."""
    national = _publisher_lexicon().national
    for m in _AND_THE.finditer(name):
        parts = name[: m.start()], name[m.end() :]
        chinese = [bool(national.fullmatch(p) or _CHINESE_BODY.search(p)) for p in parts]
        other = [any(k == "foreign" for *_, k in _foreign(p, 0, len(p))) for p in parts]
        if (chinese[0] and other[1] and not chinese[1]) or (
            chinese[1] and other[0] and not chinese[0]
        ):
            return True
    return False


_CHINESE_BODY = re.compile(r"\b(?:China|Chinese)\b")


# a state's act, after the capital's name as its government's: "Beijing plans to", "Beijing
# has kept", "Beijing also signed", "Beijing now has ... agreements with" (not "Beijing has 30
# universities": a place's count)
_CAPITAL_ACTS = re.compile(
    r"\s+(?:(?:also|has|have|had|will|would|now|still|already|itself|alone|then|last\s+year|"
    r"this\s+year)\s+)*(?:plans?|planned|intends?|intended|keeps?|kept|belongs?|belonged|"
    r"signs?|signed|sets?\s+up|set\s+up|sends?|sent|pledges?|pledged|agreed|agrees|"
    r"spends?|spent|invests?|invested|earmarks?|earmarked|allocates?|allocated|maintains?|"
    r"maintained|joined|joins|concluded|concludes|established|establishes|approved|approves|"
    r"wants|hopes|aims|expects|expected|promised|promises|offered|offers|provided|provides|"
    r"imported|imports|exported|exports|bought|buys|recruited|recruits|dispatched|"
    r"dispatches|stations|stationed|posted|posts"
    # (a state's ties: "Beijing now has formal science and technology cooperation agreements
    # with 58 countries", "Peking had diplomatic relations with 120 countries")
    r"|(?:has|have|had)\s+(?:[\w&-]+\s+){0,6}?(?:agreements|accords|relations|ties)\s+with)\b"
)
_UNDER_LEAD = re.compile(r"\b[Uu]nder\b")
# a government named without its country ("the Government"): the page's own when the page
# is another country's
_OWN_GOVERNMENT = re.compile(r"[Tt]he\s+[Gg]overnment")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+(?:the\s+)?$")
# the nation named as the owner right before a figure, or as its whole right after it
_NATION_BEFORE = re.compile(r"\b(?:the\s+(?:country|nation)|China)['’]s\s+$")
_NATION_AFTER = re.compile(
    # (past the counted noun and a participle: "of the 392 bases approved nationwide")
    r"\s*(?:[a-z][\w-]*\s+){0,2}?(?:[a-z]+(?:ed|en)\s+)?(?:in\s+the\s+(?:country|nation)\s+as\s+a\s+whole|nationwide|in\s+(?:all\s+of\s+)?"
    r"China\s+as\s+a\s+whole|across\s+the\s+(?:whole\s+)?(?:country|nation))\b"
)
# the nation's diplomatic network abroad, the words a clause counting it holds
_DIPLOMATIC = re.compile(r"\b(?:diplomats?|diplomatic|embass(?:y|ies)|consulates?)\b", re.I)
_BARE_PROGRAMME = frozenset({"programme", "program", "project"})
_CENTRAL_BACK = 2000  # how far back the body a description ("the ministry") names is looked for


def _designates_national(text, num_start, clause, actor, central, found, lex) -> bool:
    """True when the central body ``actor``, named as the clause's subject before the figure
    (by name, or by a description of one: "the ministry"), designates things at national
    level in the clause ("accredited 84 new national ... bases")."""
    if _subject_lexicon().national_level.search(text, clause[0], clause[1]) is None:
        return False
    for a, b, name, _k in found or mentions(text, clause[0], clause[1]):
        if name == actor and clause[0] <= a and b <= num_start:
            # (a description names the page's own body when no name before it holds its
            # head word: "The ministry accredited ..." on the ministry's own review)
            return central or _described_central(text, a, actor, lex, unnamed=True)
    return False


def _description(actor: str, lex: _Actors) -> bool:
    """True when ``actor`` is a definite description of a body ("the ministry", "The
    Commission", "Bureau"), no name."""
    return actor in lex.references or (" " not in actor and f"head:{actor}" in lex.kinds)


def _described_central(text: str, at: int, actor: str, lex: _Actors, unnamed=False) -> bool:
    """True when the last name before ``text[at:]`` that the description ``actor``'s head
    word heads ("the bureau": "State Bureau of Foreign Experts Affairs") is a Chinese central
    body that reports the nation's statistics (``unnamed``: or no such name stands before)."""
    head = actor.split()[-1].lower()
    last = None
    for _a, _b, name, _k in mentions(text, max(0, at - _CENTRAL_BACK), at):
        low = name.lower()
        if head in low.split() and low != head and name not in lex.references:
            last = name
    if last is None:
        return unnamed
    return _publisher_lexicon().national.search(last) is not None


# the words between a figure's counted noun and the one partner its dealings are limited to:
# a preposition, perhaps after the noun's words or a verb ("contracts with Japanese companies",
# "contracts to import German technology", "teams to Africa", "were enrolled at German
# universities"), or past a count of its countries ("sent 3,800 agricultural experts to 41
# African countries", "agreements with more than 20 Latin American countries")
_PARTNER_AFTER = re.compile(
    r"\s*(?:(?:[a-z][\w-]*|Chinese|China|PRC)\s+){0,6}?"
    r"(?:with|from|to|in|at|on|for|visited|visiting|attended|attending)\s+(?:the\s+)?"
    r"(?:(?:import|buy|purchase)\s+)?"
    r"(?P<count>(?:(?:more\s+than|over|some|about|nearly|around|all)\s+)?\d[\d,]*\s+)?$"
)
# (the partner past a count is a region's countries: "41 African countries")
_ITS_COUNTRIES = re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?:countries|nations|states)\b")
# a trade's partner named before the contracts it went under ("imported technology from
# Japan under 1,683 contracts")
# (a sum may stand between: "imported technology worth US$1.37 billion from Italy under 412
# contracts")
_PARTNER_TRADE_BEFORE = re.compile(
    r"\b(?:import\w*|export\w*|bought|buy\w*|sold|sell\w*|purchas\w*)\s+"
    r"(?:[^\s,;:()]+\s+){0,6}?(?:from|to)\s+(?:the\s+)?$",
    re.I,
)
_UNDER_CONTRACTS = re.compile(
    r"\s+(?:under|through|in|with|worth)\s+(?:(?:some|about|over|nearly)\s+)?$"
)
# a trade's partner by its demonym before the goods ("signed contracts to import German
# technology worth US$6.7 billion")
_TRADE_VERB_BEFORE = re.compile(
    r"\b(?:import\w*|export\w*|bought|buy\w*|sold|sell\w*|purchas\w*)\s+(?:the\s+)?$", re.I
)
_GOODS_WORTH = re.compile(
    r"\s+(?:technolog\w*|know-how|equipment|licen[cs]es)\s+worth\s+(?:(?:some|about|over|nearly)\s+)?$"
)
# a subject limited to one partner before the figure's verb ("Chinese technology exports to
# Africa were worth", "Technology from the European Union accounted for", "the number of
# Chinese students in Germany has grown from")
# (people placed or sent there: "the number of Chinese S&T counsellors in Africa", "Chinese
# physicists working on CERN experiments", "Chinese sent to Hungary for study"; or a
# demonym of the people that "the number of" counts: "The number of European researchers
# working in China rose")
_PARTNER_SUBJECT = re.compile(
    r"\b(?:exports?|imports?|contracts?|students|scholars|researchers|trade|technology|"
    r"transfers?|purchases|sales|projects|laboratories|labs|centres|centers|scientists|"
    r"engineers|experts|specialists|physicists|counsell?ors|diplomats|technicians|trainees|"
    r"Chinese)"
    r"(?:\s+(?:enrolled|studying|registered|working|based|signed|sent|posted|stationed))?"
    r"\s+(?:to|from|with|in|at|on)\s+(?:the\s+)?$"
    r"|\b[Nn]umbers?\s+of\s+(?:the\s+)?$",
    re.I,
)
# the verb between such a subject and its figure, no clause between
# ("rose by 41.6% to US$1.12 billion": the change first; "were reported at")
_PARTNER_VERB = re.compile(
    r"[^,;:()\d]{1,40}?\b(?:worth|valued|reached|numbered|number|totall?ed|amounted|"
    r"accounted|grew|grown|rose|risen|fell|came|stood|made\s+up|reported\s+at|estimated\s+at|"
    r"went|gone|reach|reaches|were|was)\b"
    r"(?:\s+by\s+\d[\d.,]*\s*(?:%|per\s*cent|percent))?[^,;:()\d]{0,30}$"
)
# a partner's demonym between a figure and its counted noun, a few adjectives before it
# ("10,000 Soviet specialists", "1,500 young African scientists"), no other people's after it
# ("300 European and Chinese scientists": both sides', read by :func:`_people_pair`)
# ("300-odd British researchers": about 300)
_DEMONYM_GAP = re.compile(
    r"(?:[-–]odd)?\s+(?:(?:more|young|senior|visiting|leading|other|further)\s+){0,2}"
)
_DEMONYM_NOUN = re.compile(r"\s+(?!and\b|or\b)[a-z][\w-]*")
# another partner joined to the one named ("with Japan and Germany", "to Japan, Korea")
_ANOTHER_PARTNER = re.compile(r"\s*(?:,|and\b|or\b|&)\s*(?:the\s+)?(?-i:[A-Z])")


# a share of a cost after its number: "9.09 percent of the construction cost", "10 per cent of
# its costs"
_COST_SHARE = re.compile(
    r"\s*(?:per\s*cent|percent|%)?\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?costs?\b",
    re.I,
)
_COST_REACH = 300  # how far before its sentence a cost's programme may be named


def _cost_programme(text: str, num_end: int, clause) -> str:
    """The programme whose cost a share after ``num_end`` is of: the first named after the
    cost in its clause ("of the construction cost of ITER"), else the last named before the
    figure in its clause or in the ``_COST_REACH`` characters before it; "" when none."""
    end = _COST_SHARE.match(text, num_end).end()
    if _OF_AFTER.match(text, end, clause[1]):
        # the cost of a thing it names: a programme's, else no programme's ("of its new plant")
        after = [x for x in mentions(text, end, clause[1]) if x[3] == "programme"]
        if after and _OF_THE.match(text, end, after[0][0]):
            return after[0][2]
        return ""
    before = [
        x for x in mentions(text, max(0, clause[0] - _COST_REACH), num_end) if x[3] == "programme"
    ]
    return before[-1][2] if before else ""


_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?$")
_OF_AFTER = re.compile(r"\s+of\s+\S")


def _partner_named(text: str, num_start: int, num_end: int, noun_end: int, clause, found):
    """The one other country or region a figure of the nation's is limited to, named after
    its counted noun by a preposition or in its subject before the verb, or "" (DESIGN.md:
    a line of the nation's figure by partner)."""
    if found is None:
        found = mentions(text, clause[0], clause[1])
    foreign = [x for x in found if x[3] == "foreign" and clause[0] <= x[0] and x[1] <= clause[1]]
    if not foreign:
        return ""
    # (from the counted noun's end, or the figure's when the counted phrase ran on over the
    # preposition: "52 visiting scholars left for the United States")
    after = (max(num_end, noun_end), num_end)
    listed: set[int] = set()  # partners named in a list of several
    for i, (a, b, actor, _kind) in enumerate(foreign):
        if a > 0 and text[a - 1] in "-‐–":
            continue  # "China-Africa trade": bilateral, both sides'
        if i in listed:
            continue
        if _ANOTHER_PARTNER.match(text, b) and any(x[0] < b + 12 for x in foreign[i + 1 :]):
            # "to Japan and Germany": more than one partner, none of them the figure's one
            # (a list elsewhere in the clause leaves a later partner alone: "Contracts with
            # Singapore and Israel ... doubled, and 312 contracts were signed with Swedish firms")
            listed.update(j for j in range(i + 1, len(foreign)) if foreign[j][0] < b + 12)
            if num_start <= a:
                return ""
            continue
        if _DEMONYM_GAP.fullmatch(text, num_end, a) and _DEMONYM_NOUN.match(text, b):
            # "10,000 Soviet specialists", "1,500 young African scientists": the people or
            # things of one partner the nation's figure counts
            if _place_word(text[a:b]):
                return actor
        # (within 70 characters of the counted phrase's end: "100 joint demonstration
        # projects on scientific and technological research with African countries")
        if a >= after[1] and a - after[0] <= 70:
            m = next(
                (m for at in after if at <= a and (m := _PARTNER_AFTER.fullmatch(text, at, a))),
                None,
            )
            if (
                m
                and _country_word(text[a:b])
                and (not m.group("count") or _ITS_COUNTRIES.match(text, b))
            ):
                return actor
        elif b <= num_start and num_start - b <= 45 + (aside := _aside_length(text, b, num_start)):
            # (past a relative aside: "Contracts with the United States, which suspended
            # high-technology sales in June, fell to $290 million")
            verb_at = b + aside
            if (
                _PARTNER_SUBJECT.search(text, max(clause[0], a - 30), a)
                and _PARTNER_VERB.fullmatch(text, verb_at, num_start)
                or _PARTNER_TRADE_BEFORE.search(text, max(clause[0], a - 80), a)
                and _UNDER_CONTRACTS.fullmatch(text, b, num_start)
            ) and _country_word(text[a:b]):
                return actor
            if (
                _TRADE_VERB_BEFORE.search(text, max(clause[0], a - 30), a)
                and _GOODS_WORTH.fullmatch(text, b, num_start)
                and _place_word(text[a:b])
            ):
                return actor
    return ""


_RELATIVE_ASIDE = re.compile(r"\s*,\s*(?:which|who|whose)\s[^;:()\d]{1,100}?,")
# an aside of what the trade was mostly for, its own list inside ("Exports to Africa, mainly
# for power, telecommunications and railway projects, reached"): to its last comma
_MAINLY_ASIDE = re.compile(
    r"\s*,\s*(?:mainly|mostly|chiefly|largely|primarily|principally)\s[^;:()\d]{1,100},"
)


def _aside_length(text: str, b: int, num_start: int) -> int:
    """The length of a relative aside set off by commas right after ``text[:b]`` ("...,
    which suspended sales in June,", "..., mainly for power and railway projects,"), 0
    when none."""
    m = _RELATIVE_ASIDE.match(text, b, num_start) or _MAINLY_ASIDE.match(text, b, num_start)
    return m.end() - b if m else 0


def _national_line(text: str, num_start: int, num_end: int, noun_end: int, clause, found) -> str:
    """The one partner a figure of the nation's is a line of, or "" (DESIGN.md: a line of
    the nation's figure by partner)."""
    partner = _partner_named(text, num_start, num_end, noun_end, clause, found)
    if partner:
        # "1,326 technology import contracts with Japanese companies", "Chinese technology
        # exports to Africa were worth US$470 million": the nation's dealings with one
        # partner, a line of the nation's figure by partner (recorded as the partner's)
        return partner
    partner = _bilateral_partner(text, num_start, clause) or _colon_partner(text, num_start, clause)
    if partner:
        # "The two countries now have five joint laboratories", "China and the Soviet
        # Union signed three agreements": both sides' dealings, a line of the nation's
        # figure by its one partner
        return partner
    partner = _people_pair(text, clause, num_end, noun_end)
    if partner:
        # "some 130 Chinese and Italian specialists exchanged visits", "Chinese and New
        # Zealand researchers published about 1,100 joint papers": the people or bodies of
        # both sides, a line by the one partner (as "The two countries now have ...")
        return partner
    partner = _with_lead(text, clause, num_start, found)
    if partner:
        # "With Hungary we have built 5 joint laboratories", "and with the UK alone we now run
        # 12 joint projects": the nation's dealings with the one partner the lead names
        return partner
    partner = _paired_partner(text, num_end, noun_end)
    if partner:
        # "14 Finnish-Chinese joint research centres", "four Sino-Russian technology
        # parks": things of both sides, named by the pair, a line by the one partner (as
        # "The two countries now have five joint laboratories")
        return partner
    # a region's countries the nation's figure counts ("agreements with 21 African
    # countries", "serve in five African states"): the nation's line of that region, the
    # region its actor (as a partner's line has the partner)
    return _region_after(text, num_end) or _the_region(text, num_start, noun_end, clause)


# money named as that of a programme after it: "funding for the Program", "the budget of the
# Dragon Programme"
_MONEY_OF = re.compile(
    r"\b(?:funding|funds|budget|budgets|spending|expenditure|allocations?|appropriations?)\s+"
    r"(?:for|of)\s+(?:the\s+)?$",
    re.I,
)


# a number's subject naming the body its things are at: "The number of foreign scientists
# working at the institute", "the number of foreign experts employed by the academy"
_NUMBER_AT = re.compile(r"\b[Tt]he\s+number\s+of\s+[^,;:()\d]{1,60}?\s(?:at|in|by)\s+(?:the\s+)?$")


# "the region" as the one partner of a clause ("agreements with 16 countries in the region",
# "with 15 of the 16 countries of the region",
# "received 1,050 scientists from the region", "Trade between China and the region", "imports
# from the bloc", "technicians from the continent"; not "the region's own": a place's)
_THE_REGION = re.compile(
    r"\b(?:with|in|from|to|and|(?:countries|states|nations)\s+of)\s+the\s+"
    r"(?:region|continent|bloc)\b(?!['’])"
)
_REGION_REACH = 3000  # how far back the region "the region" names may have been named


def _the_region(text: str, num_start: int, noun_end: int, clause) -> str:
    """The region a clause's "the region" refers back to: the last region named before the
    figure (indicators.yaml ``words.regions``, by its demonym or its name: "China–Latin
    America and the Caribbean Science ... Forum", "African countries"), or ""."""
    end = min(clause[1], max(noun_end, num_start) + 80)
    if not _THE_REGION.search(text, clause[0], end):
        return ""
    pattern, named = _region_names()
    found = pattern.findall(text, max(0, clause[0] - _REGION_REACH), clause[0])
    return named.get(found[-1], "") if found else ""


@functools.cache
def _region_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """A region's demonym or name as a whole word, and the region each names."""
    _pattern, by_demonym = _region_words()
    named = {**by_demonym, **{n: n for n in by_demonym.values()}}
    named = {w: n for w, n in named.items() if not w.endswith(" countries")}
    alt = "|".join(re.escape(w) for w in sorted(named, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt or '(?!)'})\b"), named


# a clause's lead naming the one partner its dealings are with ("With Hungary we have built",
# "and with the UK alone we now run", "With Iran, a protocol signed in May provides for")
_WITH_LEAD = re.compile(r"\s*(?:(?:and|but)\s+)?[Ww]ith\s+(?:the\s+)?(?=[A-Z])")
_WITH_LEAD_END = re.compile(r"(?:\s+alone)?\s*,?\s+(?=[a-zA-Z])")


def _with_lead(text: str, clause, num_start: int, found) -> str:
    """The one country or region a clause's "With <partner>" lead names, opening the clause
    or after its comma's "and", when no other party is named before the figure; ""
    otherwise."""
    if found is None:
        found = mentions(text, clause[0], clause[1])
    before = [x for x in found if clause[0] <= x[0] and x[1] <= num_start]
    named = [x for x in before if x[3] == "foreign"]
    if len(named) != 1 or len(before) != 1:
        return ""
    a, b, actor, _kind = named[0]
    lead = _WITH_LEAD.match(text, max(clause[0], text.rfind(",", clause[0], a) + 1), a + 1)
    if lead is None or lead.end() != a or text[clause[0] : a].count(" ") > 8:
        return ""
    if not _place_word(text[a:b]) or _WITH_LEAD_END.match(text, b, num_start) is None:
        return ""
    return actor


# China and one partner joined by a hyphen or dash ("Sino-Russian", "India-China",
# "Chinese-Australian", "New Zealand-China")
_PAIR = re.compile(
    r"(?<![\w-])(?:(?:Sino|China|Chinese|PRC)[-–](?P<after>[A-Z][\w.]*)(?![\w-])"
    r"|(?P<before>(?:[A-Z][\w.]*\s)?[A-Z][\w.]*)[-–](?:China|Chinese|Sino)(?![\w-]))"
)


def _paired_partner(text: str, num_end: int, noun_end: int) -> str:
    """The one country or region paired with China by a hyphen in a figure's counted
    phrase ("14 Finnish-Chinese joint research centres": Finland), or ""."""
    from analysis.partners import partners_in

    named = set()
    for m in _PAIR.finditer(text, num_end, max(num_end, noun_end)):
        a, b = m.span("after") if m.group("after") else m.span("before")
        hits = partners_in(text, a, b)
        if not (hits and hits[-1][1] == b - a and hits[-1][3] in ("country", "region")):
            return ""  # ("Sino-Foreign"; a pair with a body: not one partner's)
        named.add(hits[-1][2])
    # (one partner only: "12 Sino-US and Sino-French joint centres" is no line)
    return named.pop() if len(named) == 1 else ""


# a label's dash right before its figure, on the figure's line ("... in Norway — 1,024"; a
# table's empty cell, a dash between wide blanks, is none)
_LABEL_DASH = re.compile(
    r"(?<=\S)[ \t](?:--?|[–—])[ \t]{1,2}(?:(?:about|some|around|nearly|over|more\s+than)[ \t]+)?"
    r"(?=[^\n]{0,3}$)"
)


def _colon_partner(text: str, num_start: int, clause) -> str:
    """The one country or region the clause before a colon names, when the figure stands
    in the clause after it and that clause names no party of its own ("The United States
    took the largest share: roughly 14,000 Chinese students and scholars were there"); ""
    otherwise."""
    colon = text.rfind(": ", clause[0], num_start)
    if colon < 0:
        # (or a label's dash: "Chinese students in Norway — 1,024")
        dash = _LABEL_DASH.search(text, clause[0], num_start)
        colon = dash.start() if dash is not None else -1
    if colon < 0 or _foreign(text, colon, num_start):
        return ""
    named = [x for x in _foreign(text, clause[0], colon) if x[3] == "foreign"]
    if len({x[2] for x in named}) != 1 or not _place_word(text[named[0][0] : named[0][1]]):
        return ""
    if mentions(text, colon, num_start):
        return ""  # ("... : the ministry funded 40 projects": the ministry's)
    return named[0][2]


# the two sides of a bilateral clause as its subject: "the two countries", "both governments",
# "the two sides' universities"; or China and one partner: "China and the Soviet Union"
_BOTH_SIDES = re.compile(
    r"\b(?:[Tt]he\s+two|[Bb]oth(?:\s+the)?)\s+(?:countries|governments|nations|sides)\b"
    r"|\b(?P<china>China|Beijing)\s+and\s+(?:the\s+)?(?=[A-Z])"
)
_BETWEEN = re.compile(r"\bbetween\s+$")
# the people or bodies of China and one partner: "Chinese and Italian specialists", "Chinese
# and New Zealand researchers", "Yugoslav and Chinese institutes" (a country's or region's
# name or demonym; not a bloc's, "Chinese and EU-based researchers")
_CHINESE_AND = re.compile(r"\bChinese\s+and\s+(?:the\s+)?(?=[A-Z])")
_AND_CHINESE = re.compile(r"\s+and\s+Chinese\b")
_PAIR_NOUN = re.compile(r"(?:-based)?\s+(?:[a-z-]+\s+){0,2}?[a-z]+")
_PAIR_REACH = 100  # how far after its figure the people a figure counts may be named


def _people_pair(text: str, clause, num_end: int, noun_end: int) -> str:
    """The one partner whose people or bodies are named with China's ("Chinese and Italian
    specialists", "Yugoslav and Chinese institutes") as the clause's subject before the
    figure or in what it counts after it, or ""."""
    if text.find("Chinese", clause[0], clause[1]) < 0:
        return ""  # (a fast test: most clauses name no Chinese people)
    if "respectively" in text[clause[0] : clause[1]]:
        return ""  # ("Chinese and Indian students numbered 694,000 and 189,000 respectively")
    end = min(clause[1], max(num_end, noun_end) + _PAIR_REACH)
    found = _foreign(text, clause[0], end)
    for i, (a, b, name, kind) in enumerate(found):
        if kind != "foreign" or not _place_word(text[a:b]):
            continue
        if _BETWEEN.search(text, max(0, a - 40), a):
            continue
        pair = _CHINESE_AND.search(text, max(clause[0], a - 20), a + 1)
        if pair is not None and pair.end() == a:
            if _ANOTHER_PARTNER.match(text, b) and any(x[0] < b + 12 for x in found[i + 1 :]):
                return ""  # ("Chinese and French and German experts": several partners)
            if _PAIR_NOUN.match(text, b):
                return name
        elif (m := _AND_CHINESE.match(text, b)) and _PAIR_NOUN.match(text, m.end()):
            if i > 0 and _ANOTHER_PARTNER.match(text, found[i - 1][1]):
                return ""
            return name
    return ""


_BILATERAL_BACK = 1500  # how far back the partner of "the two countries" is looked for


def _bilateral_partner(text: str, num_start: int, clause) -> str:
    """The partner of a figure whose clause has both sides as its subject before it ("The
    two countries now have five joint laboratories"): the one named with China ("China and
    the Soviet Union signed three agreements") or the country or region the text before
    names most (within ``_BILATERAL_BACK`` characters, the last of those named as often); ""
    when none."""
    m = _BOTH_SIDES.search(text, clause[0], num_start)
    if m is None or _BETWEEN.search(text, max(0, m.start() - 9), m.start()):
        return ""  # ("trade between the two countries": both sides' sum)
    if "respectively" in text[clause[0] : clause[1]]:
        return ""  # ("China and Brazil bore 70 and 30 percent, respectively": each side's)
    if m.group("china"):
        named = [x for x in _foreign(text, m.end(), num_start) if x[0] == m.end()]
        # (a country, a region or a bloc: "China and ASEAN will set up 10 joint laboratories";
        # not a programme)
        if named and named[0][3] == "foreign":
            if not _ANOTHER_PARTNER.match(text, named[0][1]):
                return named[0][2]
        return ""
    # the partner the text before names most (the last of those named as often)
    named = [
        name
        for a, b, name, _k in _foreign(text, max(0, m.start() - _BILATERAL_BACK), m.start())
        if _place_word(text[a:b])
    ]
    if not named:
        return ""
    counts = collections.Counter(named)
    return max(reversed(named), key=lambda name: counts[name])


@functools.cache
def _region_words() -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern of a region's countries ("21 African countries", "five more Arab
    states": indicators.yaml ``words.regions``) and each demonym's region."""
    words = load_lexicon("indicators").get("words", {}).get("regions", [])
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    pattern = re.compile(
        rf"\s+(?:more\s+|other\s+)?(?:of\s+the\s+(?:\w+\s+)?)?({alt})\s+"
        r"(?:[Mm]ember\s+)?(?:countries|states|nations|economies|Countries|States|Nations)\b"
    )
    return pattern, {w: _REGION_NAMES.get(w, f"{w} countries") for w in words}


# a region's name for its demonym (others: "<demonym> countries", "developing countries")
_REGION_NAMES = {
    "African": "Africa", "Asian": "Asia", "European": "Europe", "Arab": "Arab states",
    "Latin American": "Latin America", "Nordic": "Nordic countries", "Pacific": "Pacific",
    "Caribbean": "Caribbean", "Central Asian": "Central Asia",
    "Southeast Asian": "Southeast Asia", "South Asian": "South Asia", "Balkan": "Balkans",
    "Mediterranean": "Mediterranean",
    "ASEAN": "ASEAN", "EU": "European Union", "Belt and Road": "Belt and Road countries",
}  # fmt: skip


def _region_after(text: str, at: int) -> str:
    """The region whose countries the figure ending at ``text[at]`` counts, or ""."""
    low = text[at : at + 60].lower()
    if all(w not in low for w in ("countries", "states", "nations", "economies")):
        return ""
    pattern, names = _region_words()
    m = pattern.match(text, at)
    return names.get(m.group(1), "") if m else ""


_SINCE_THE = re.compile(r"\b[Ss]ince\s+(?:the\s+)?$")
_DESCRIBED = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?[a-z]")


# a line opening an item of a list: a bullet or an item's number
_ITEM_BREAK = re.compile(r"\n[ \t]*(?:[-•▪■●◦►*–]|\d{1,2}[.)])[ \t]+")


def _list_heading(text: str, clause) -> tuple[str, str] | None:
    """(kind, actor) of the part whose name opens the line above a list's first item in
    ``clause`` (a slide's or a box's heading), or None."""
    first = _ITEM_BREAK.search(text, clause[0], clause[1])
    if first is None:
        return None
    line = max(clause[0], text.rfind("\n", clause[0], first.start()) + 1)
    for a, _b, actor, kind in mentions(text, line, first.start()):
        if kind in ("agency", "programme", "local") and not text[line:a].strip(" \t*#"):
            return kind, actor
        return None
    return None


def _item_bounds(text: str, num_start: int, num_end: int, clause) -> tuple[int, int]:
    """``clause`` narrowed to the list item holding the figure (a line opened by a bullet,
    up to the next such line); ``clause`` itself when no item line is inside it."""
    a, b = clause
    for m in _ITEM_BREAK.finditer(text, clause[0], clause[1]):
        if m.end() <= num_start:
            a = m.end()
        elif m.start() >= num_end:
            b = m.start()
            break
    return a, b


# a time leading the clause reported ("reports that between 1978 and 1996 some 270,000")
_WHEN_LEAD = (
    r"(?:(?:in|by|between|since|during|from|at\s+the\s+end\s+of|last|this)\s+[\w ]{1,30}?"
    r"(?:,\s*|\s+))?"
)
# a central body's verb of report, up to its figure: "said", "puts the number of ... at",
# "gave a figure of"
_REPORT_VERB = (
    # (through an aside: "the State Education Commission, set up in 1985, reports that")
    r"(?:\s*\([^()]{1,30}\)|,[^,;:()]{1,40},)?\s+(?:said|says|reported|reports|estimated|estimates|"
    r"puts|put|gave|gives|recorded|records)\b(?:\s+(?:that\s+)?(?:the\s+|a\s+)?(?:number|figure|"
    r"total)\b[^;:]{0,120}?\b(?:at|of)\s+|\s+that\s+"
    + _WHEN_LEAD
    + r"|\s+)(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$"
)
# or the nation's relations it keeps ("maintains intergovernmental S&T agreements with
# more than 50 countries", "administered cooperation with 68 countries")
_RELATIONS_KEPT = (
    r"(?:\s+(?:now|still))?\s+(?:maintains|maintained|administers|administered)\s+"
    r"[^;:.\d]{0,80}?\bwith\s+(?:about\s+|some\s+|over\s+|nearly\s+|more\s+than\s+)?$"
)
# or its forecast or hope ("expects the value of technology imports to pass US$15 billion",
# "hopes to see 20,000 returnees a year", "set the goal of raising ... to US$500 million")
_FORECAST = r"expects|expected|hopes|hoped|set\s+(?:the|a|its)\s+(?:goal|target)"
_REPORTS = re.compile(
    rf"{_REPORT_VERB}|{_RELATIONS_KEPT}"
    # or its plan ("plans to select a further 2,500"): the nation's plan
    rf"|\s+(?:plans|planned|intends|intended|aims|{_FORECAST})\s+[^;:.\d]{{0,80}}$"
)
# the same said by a description of the body ("the ministry"), its plans excepted: "The
# ministry plans to send another 3,000" is told of its own work
_DESCRIBED_REPORTS = re.compile(
    rf"{_REPORT_VERB}|{_RELATIONS_KEPT}|\s+(?:{_FORECAST})\s+[^;:.\d]{{0,80}}$"
)
# a body's report of its own work, a past act: "... said that it organized", "reported that
# it had itself received" (not "says it now has cooperation with 158 countries": the nation's)
_SAID_IT = (
    r"(?:\s*\([^()]{1,30}\)|,[^,;:()]{1,40},)?\s+(?:said|says|reported|reports|announced|"
    r"stated)\s+(?:that\s+)?it\s+"
)
_OWN_REPORT = re.compile(
    _SAID_IT + r"(?:(?:has|had|have)\s+)?(?:(?:itself|also|already)\s+)?"
    r"(?:[a-z]+ed|sent|spent|set\s+(?:up|aside)|brought|built|won|led|funded|paid|gave|"
    r"given|made|put|taken|took|begun|began|grown)\b"
)
# what a source reports it holds: "said it now has science and technology agreements with 28
# countries", "says it currently runs 14 joint laboratories" (a body's own, but a Chinese
# central body's holdings are the nation's: "MOST says it now has cooperation with 158
# countries")
_OWN_HOLDING = re.compile(
    _SAID_IT + r"(?:(?:now|currently|still|already|also)\s+)?"
    r"(?:has|had|holds|held|runs|ran|hosts|hosted|employs|maintains)\s+(?!been\b)"
)
_LOWER = re.compile(r"[a-z]")
_CAPS_WORD = re.compile(r"[A-Z][A-Z'’&-]*(?:\.[A-Z]+)*\.?")


def _recased(text: str, clause: tuple[int, int]) -> str:
    """``text`` with ``text[clause[0]:clause[1]]``, written in capitals, in lower case but
    for the names the lexicon knows ("Shanghai", "Municipality", "PRC"; another country:
    "Japan"; an acronym that is no English word: "CAS", not "MOST"), of the same length.
    Remembered for the last text (a clause's figures ask the same)."""
    memo = _text_memo(text)
    key = ("recased", clause)
    if key in memo:
        return memo[key]
    from analysis.dictionary import is_word

    lex = actor_lexicon()

    def one(m: re.Match[str]) -> str:
        w = m.group()
        if "." in w or len(w) == 1:
            return w  # "U.S.", an initial
        cap = w[0] + w[1:].lower()
        if cap in lex.kinds or f"head:{cap}" in lex.kinds or _country_word(cap):
            return cap
        if w in lex.kinds and not is_word(w):
            return w
        return w.lower()

    def names(m: re.Match[str]) -> str:
        # a name of two or three words the lexicon or the country list knows whole ("UNITED
        # STATES", "SOVIET UNION", "NEW ZEALAND", over a line's break too), its words
        # capitalised; the rest word by word (the blanks between them kept)
        parts = re.split(r"(\s+)", m.group())
        words, gaps = parts[::2], parts[1::2] + [""]
        out: list[str] = []
        i = 0
        while i < len(words):
            for n in (3, 2):
                if i + n <= len(words):
                    run = words[i : i + n]
                    stop = "." if run[-1].endswith(".") and "." not in "".join(run)[:-1] else ""
                    caps = [w[0] + w[1:].lower() for w in run]
                    if stop:
                        caps[-1] = caps[-1][:-1]
                    cap = " ".join(caps)
                    if cap in lex.kinds or _country_word(cap):
                        caps[-1] += stop  # (a sentence's stop after it stays)
                        out.extend(c + g for c, g in zip(caps, gaps[i : i + n], strict=True))
                        i += n
                        break
            else:
                out.append(_CAPS_WORD.sub(one, words[i]) + gaps[i])
                i += 1
        return "".join(out)

    a, b = clause
    got = memo[key] = text[:a] + _CAPS_RUN.sub(names, text[a:b]) + text[b:]
    return got


# capital words apart by blanks or a line's break (a name may span them)
_CAPS_RUN = re.compile(
    r"[A-Z][A-Z'’&-]*(?:\.[A-Z]+)*\.?(?:[ \t]*\n?[ \t]*[A-Z][A-Z'’&-]*(?:\.[A-Z]+)*\.?)*"
)


# the words between a name and an appositive that describes it ("The Chinese Academy of
# Sciences, the country's leading research body, ...")
_APPOSITIVE_OPEN = re.compile(r"\s*,\s*(?:[Tt]he\s+|[Ii]ts\s+)?")
_APPOSITIVE_CLOSE = re.compile(r"[^,;:()\d]{1,60}?,")


def _in_appositive(text: str, a: int, b: int, found, num_start: int) -> bool:
    """Whether the mention at ``text[a:b]`` stands in an appositive set off by commas right
    after another name ("The Chinese Academy of Sciences, the country's leading research
    body, received ..."): it describes that name, no subject of its own."""
    if not _APPOSITIVE_CLOSE.match(text, b, num_start):
        return False
    return any(b2 <= a and _APPOSITIVE_OPEN.fullmatch(text, b2, a) for _a2, b2, _n, _k in found)


def _scope_of(
    text: str,
    num_start: int,
    num_end: int,
    noun_end: int,
    clause: tuple[int, int],
    found: list[tuple[int, int, str, str]] | None = None,
    default: tuple[str, str] | None = None,
) -> tuple[str, str]:
    """(scope, actor) of a figure at ``text[num_start:num_end]`` (DESIGN.md).

    ``clause``: the bounds of the number's clause in ``text`` (sentence start or the last
    ";" before it, the next clause stop after it); ``noun_end``: the end of the noun the
    number counts (or ``num_end``); ``found``: :func:`mentions` of the sentence, if known.

    1. A part named in the counted phrase ("253 scientists from the Chinese Academy of
       Sciences") owns the figure.
    2. A programme the clause stands under ("Under the X Plan", "During the program").
    3. A number that opens its clause ("..., 293 Chinese scientists have taken") is its own
       subject: national unless rule 1 applies.
    4. Else the subject of the verb: the nearest actor named before the number in its
       clause that neither follows a preposition ("with Japan") nor is the source of an
       attribution ("the ministry said"), nor is the object of an earlier subject's verb
       ("the Soviet Union helped China build": :func:`_verb_subject`), nor stands in the
       fronted phrases before a pronoun subject. A pronoun subject stands for the subject
       of a fronted clause or of the sentence before (:func:`_antecedent`); a name the
       lexicon does not know, for the full name it shortens or an acronym's body
       (:func:`_name_at`). None: ``default`` (the document's subject,
       :func:`document_subject`) unless the clause is national by wording ("nationwide",
       "Chinese scientists"), else national.

    Grammar around these: a nationwide lead ("Across China, ..."), another country ranked
    in the nation's table ("remained the largest source of ..., with"), a share of another
    country's whole ("accounts for 9 per cent of ... Indian scientists"), a coordinate
    clause with its own subject (", and ITP will invest ..."). ``actors.yaml`` ``subjects``
    holds their word lists.
    """
    lex = actor_lexicon()
    if found is None:
        found = mentions(text, clause[0], clause[1])
    if _FIRST_PERSON.search(text, clause[0], max(num_end, noun_end)) and not any(
        clause[0] <= a < num_start
        and not _OUR_BEFORE.search(text, max(0, a - 4), a)
        and not text.startswith(("Our ", "our "), a)
        for a, _b, _n, _k in found
    ):
        # "KELLER: ... our institutes hosted about 650 Chinese guest scientists": in a
        # transcript, the first person of the turn's speaker, when the page introduced them
        # with another country's body (no name of the clause before the figure)
        voice = _turn_speaker(text, clause[0])
        if voice is not None:
            return voice
    # "China, Japan and South Korea spent US$191 billion, US$160 billion and US$68 billion
    # respectively"; "140 diplomats, against about 90 for Japan and 60 for South Korea"
    listed = _listed_owner(text, num_start, num_end, clause, found)
    if listed is not None:
        return listed
    # a table's row by partner under a head that makes it one ("Source", "Host country";
    # "China's technology imports by source"): a line of the nation's figure
    row = _partner_row(text, num_start, found)
    if row is not None:
        if default is not None and default[0] in ("local", "agency", "programme"):
            # (a university's, a province's, an academy's table by partner: its own lines)
            return default
        return "national", row
    if default is not None:
        # "Under the Fund", "the Plan": the head word of the document's subject names it
        last = default[1].split()[-1] if default[1] else ""
        found = [
            (a, b, default[1], default[0]) if actor == last else (a, b, actor, kind)
            for a, b, actor, kind in found
        ]
        if default[0] == "foreign":
            # "The Government intends to raise this support", "the Government have agreed"
            # on another country's page (a parliament's answer, an embassy's release): the
            # government it names without a country is that country's, not China's
            found = [
                (a, b, default[1], "foreign")
                if kind == "national" and _OWN_GOVERNMENT.fullmatch(text, a, b)
                else (a, b, actor, kind)
                for a, b, actor, kind in found
            ]
    # a relative clause ("the ITER Organization, which employs 600 staff"; "the reactor,
    # whose cost is ..."): its subject is what it refers to, the actor just before it
    # a parenthetical closed before the number ("The CSC, the government agency that
    # administers scholarships, sent 21,300"; "Contracts with the United States, which
    # suspended sales in June, fell to $290 million"): its names are no subject of the
    # number's verb, and the number stands in the main clause, not in the relative
    closed = _closed_parenthetical(text, clause[0], num_start)
    if closed is not None:
        found = [x for x in found if not closed[0] <= x[0] < closed[1]]
    rel = None
    if closed is None and text.find("wh", clause[0], num_start) >= 0:  # (most clauses none)
        rel = max(
            _RELATIVE.finditer(text, clause[0], num_start), key=lambda m: m.start(), default=None
        )
    if rel is not None and not _COUNTED_BEFORE.search(text, clause[0], rel.start()):
        # (not "12,937 enterprises, which earned 94.2 billion": a figure's own noun)
        clause = (rel.end(), clause[1])
        for _a, b, actor, kind in found:
            if b <= rel.start() and not text[b : rel.start()].strip(" )"):
                if rel.group("under") and kind != "programme":
                    continue  # (", under which": a programme's frame only)
                return kind, ("" if kind == "national" else actor)
    # 0. "Under the scheme, overseas teams can receive up to 80 million yuan", "came to work
    # at CAS institutes under the fellowship": the programme last named, by its kind's word
    if text.find("nder", clause[0], clause[1]) >= 0:
        named = _under_the_programme(text, clause, lex)
        if named is not None:
            return named
    # 1. the counted phrase, and the words tying it to a part
    phrase_end = max(noun_end, num_end)
    national_subject = _national_subject(text, num_start, clause, found, lex)
    # "30 parks in Beijing, Shanghai and other cities": places listed as examples of many,
    # none of them the owner
    others = None
    if text.find("other", num_end, clause[1]) >= 0:  # (each match holds "other")
        others = _OTHER_PLACES.search(text, num_end, clause[1])
    for a, _b, actor, kind in found:
        if num_end > a or a >= clause[1] or kind == "national":
            continue
        if others is not None and kind == "local" and a < others.start():
            continue
        # "53 laboratories with ... under the Belt and Road Science, Technology ... Plan"
        under = _UNDER_NAMED.search(text, max(num_end, a - 80), a) if kind == "programme" else None
        if under is not None and _CLAUSE_STOP_BEFORE.search(text, num_end, under.start()):
            under = None
        if under is None and a > phrase_end and _CLAUSE_STOP_BEFORE.search(text, phrase_end, a):
            continue  # "38 countries, its president said at a meeting in Beijing": another clause
        if kind == "programme" and under is None and a <= phrase_end + 40:
            # "The Commission approved 92 projects for the Executive Programme 2007–2009"
            under = _FOR_THE.search(text, max(num_end, a - 12), a)
            if under is not None and _CLAUSE_STOP_BEFORE.search(text, num_end, a):
                under = None
        if a <= phrase_end + 40 or (under is not None and a <= phrase_end + 120):
            tie = lex.part_of.search(text, max(num_end, a - 30), a) if under is None else None
            detour = _DETOUR.search(text, phrase_end, tie.start()) if tie is not None else None
            if detour is not None and (detour.group() == "with" or kind == "programme"):
                # "11 joint laboratories with institutes of the CAS", "200 million yuan to
                # fund Chinese partners in Horizon 2020 projects": the name is a partner's
                # or a recipient's, tied to another noun
                tie = None
            if under is not None or tie is not None:
                if (
                    kind == "programme"
                    and under is not None
                    and _UNDER_THE.match(text, under.start())
                    and (default is None or default[1] != actor)
                    and _body_subject(text, clause, num_start, actor, lex, default) is not None
                ):
                    # "The China Scholarship Council selected 13,000 persons ... under the
                    # State-Sponsored Study Abroad Programme", "JICA aims to train 1,000 ...
                    # under the ... Program": the body named as subject acts, its figure
                    continue
                if kind in ("programme", "local") and national_subject and under is None:
                    # "China had 52 zones, set up under the Torch Program": China's (a
                    # description after a comma); "China has launched 53 laboratories ...
                    # under the X Plan": the plan's
                    continue
                if kind != "foreign":
                    return kind, actor
    # 1s. a share of another country's whole ("Chinese students account for 14% of all
    # international students in the OECD area", "China accounts for nine per cent of the
    # co-authored papers of Indian scientists"): that country's figure
    share = _share_of_foreign(text, num_start, num_end, clause, found)
    if share is not None:
        return share
    # 1a. a part's name right after the number, before the counted noun ("A total of 231
    # CAS scientists held posts", "12 Zhejiang firms"): that part's people or things
    for a, b, actor, kind in found:
        if (
            num_end < a <= num_end + 1
            and kind in ("agency", "local", "programme")
            and _NOUN_AFTER.match(text, b)
        ):
            return kind, actor
    # 1b. Chinese people counted where they are abroad ("86,000 Chinese students were
    # studying in Japan"): a line of the nation's figure by the host country, national
    # with the host as actor (as a partner's line of the nation's table is)
    # (not when a body of its own is the clause's subject: "JSPS has invited 3,800 Chinese
    # researchers to Japan" is JSPS's)
    # (also "7,400 students from the People's Republic of China were studying in Norway";
    # a source's name before, "Records of the Department ... show that", is no body acting)
    chinese_people = _CHINESE.match(
        text, num_end, max(phrase_end + 1, num_end + 40)
    ) or _FROM_CHINA.match(text, num_end, max(phrase_end + 1, num_end + 60))
    if chinese_people:
        # (the host in a lead: "In Japan, 1,410 of the students from China held ...", "In
        # the United States alone there were about 110,000 students ... from mainland China")
        host = _host_lead(text, clause, num_start, found)
        if host is not None:
            return "national", host
    if chinese_people and not any(
        kind != "national"
        and clause[0] <= a < num_start
        and not lex.attribution.match(text, b, min(clause[1], b + 20))
        for a, b, _actor, kind in found
    ):
        for a, b, actor, kind in found:
            if kind == "foreign" and num_end < a < clause[1] and a - num_end < 90:
                if _IN_TO.search(text, max(num_end, a - 12), a):
                    if _ANOTHER_PARTNER.match(text, b) and any(
                        k == "foreign" and b < x < b + 12 for x, _y, _z, k in found
                    ):
                        break  # "studying in Japan and Germany": several hosts, the nation's
                    return "national", actor
    # 1b'. Chinese people a host country counts or holds ("Germany is home to some 37,000
    # Chinese students", "UK universities counted 87,895 Chinese students"): as 1b (a body of
    # its own, "JSPS invited 1,326 Chinese researchers", is no country: its own figure)
    if _CHINESE_PEOPLE.match(text, num_end, max(phrase_end + 1, num_end + 40)) and (
        _HOST_COUNTS.search(text, max(clause[0], num_start - 40), num_start)
    ):
        host = _host_subject(text, clause, num_start, found, lex)
        if host is not None:
            return "national", host
    # 1c. the size of a fund or programme ("launched a joint fund worth 300 million")
    worth = worth_before(text, max(clause[0], num_start - 80), num_start)
    if worth is not None:
        return "programme", " ".join(worth.group(1).split())
    # 1d. a clause set in the whole nation ("Across China, 523,700 students went abroad";
    # "Across the country, the Ministry ... had recognized 355 bases")
    lead = _subject_lexicon().nationwide.match(text, clause[0], num_start)
    if lead is not None and _nationwide_subject(lead.end(), num_start, found):
        return "national", ""
    # 2'. a programme named right before ", under which", the figure's clause its relative
    # clause ("announced a China-Africa ... Partnership Plan, under which China will carry out
    # 100 ... projects"; not a body, place or other country named as its subject)
    which = max(
        _UNDER_WHICH.finditer(text, max(0, num_start - 240), num_start),
        key=lambda m: m.start(),
        default=None,
    )
    if which is not None and not _STOP_BETWEEN.search(text, which.end(), num_start):
        # (the last programme named before it in its sentence: "... Partnership Plan at the
        # ministerial conference of the Forum ..., under which")
        own = [
            actor
            for a, b, actor, kind in found
            if kind == "programme"
            and b <= which.start()
            and not _STOP_BETWEEN.search(text, b, which.start())
        ]
        others = any(
            which.end() <= a < num_start and kind not in ("national", "programme")
            for a, _b, _actor, kind in found
        )
        if own and not others:
            return "programme", own[-1]
    # 2. a programme the clause is under ("Under the X Plan, China will invite 100 ...")
    for a, b, actor, kind in found:
        if kind == "programme" and clause[0] <= a < num_start:
            under = _UNDER.search(text, max(clause[0], a - 12), a)
            if (
                under is not None
                and under.group().startswith("in")
                and _FIGURE_BEFORE.search(text, b, num_start)
            ):
                # "partners in Horizon 2020 projects ... received only EUR 3.2 million of ...:
                # ... BMBF spent EUR 42 million": a programme inside a clause governs the
                # figures up to the next one only
                under = None
            if under is not None or (
                # "Through the Japanese Grant Aid for ... Scholarship (JDS), 268 ...": its name
                # in full, unknown, before the short one
                text[a - 1 : a] == "(" and _UNDER_FULL_NAME.search(text, max(clause[0], a - 160), a)
            ):
                # (a part the clause's pronoun stands for acts under the programme and
                # owns its figure: "Under the national 111 Project, it also runs 11 bases")
                part = _pronoun_part(text, clause, num_start, lex, default)
                if (
                    part is None
                    and under is not None
                    and _UNDER_THE.match(text, under.start())
                    and (default is None or default[1] != actor)
                ):
                    # "Under the Fifth and Sixth Framework Programmes, the European Commission
                    # has so far funded 212 projects": a body named as subject owns it
                    part = _body_subject(text, clause, num_start, actor, lex, default)
                if part is None and text[max(clause[0], a - 6) : a].rstrip().endswith(
                    ("its", "their")
                ):
                    # "Under its Strategic ... Program, JST has supported 42 projects": the
                    # body whose programme it is, the clause's subject
                    comma = text.find(",", a, num_start)
                    if comma >= 0:
                        q = comma + 1
                        while q < num_start and text[q].isspace():
                            q += 1
                        got = _name_at(text, q, num_start, lex, default)
                        if got is not None and got[0] in ("agency", "local", "foreign"):
                            part = got[:2]
                return part or (kind, actor)
    # 2'. an agreement the clause stands under, named by a pronoun or its kind ("Under it
    # the two countries signed 17 protocols", "27 protocols now operate under it"): the
    # agreement's, a programme (unless a body of its own is the subject)
    framework = _under_framework(text, num_start, num_end, clause, found)
    if framework is None and text.find("nder", clause[0], num_start) >= 0:
        framework = _under_named_kind(text, num_start, clause, found)
    if framework is not None:
        return "programme", framework
    # 2a. an item of a list that a meeting or a plan agreed ("The Meeting agreed on the
    # following outcomes: (a) ... China will train 120 scientists"): the programme's
    agreed = _agreed_list_owner(text, num_start)
    if agreed is not None:
        return agreed
    # 2b. "..., 87% of whom had worked abroad", "..., of whom about 1,900 were enrolled":
    # a part of the figure before it in its sentence, whose owner it shares
    whose = _of_whom_figure(text, num_start, num_end, clause)
    if whose is not None:
        # (the whole's owner as the page reads it: "the Ministry of Education reports
        # that 300,000 ..., of whom 110,000 have returned" is the nation's)
        return scope_of(text, whose[0], whose[1], whose[1], clause, found, default)
    # 2b'. what stands inside the things the figure before it counted ("CAST's member societies
    # belong to 246 international organisations, and 338 Chinese scientists hold posts in
    # them"): that figure's owner
    inside = _INSIDE_THEM.match(text, num_end, clause[1])
    if inside is not None:
        whole = _whole_before(text, num_start, clause)
        if whole is not None and whole[1] == clause:
            (a, b), _ = whole
            return _scope_of(text, a, b, b, clause, found, default)
    # 2c'. a share of a whole its pronoun owns ("spent about 100 million yuan ..., roughly 6
    # percent of its budget", "the Chinese Academy of Sciences says 85 percent of its
    # institute directors are returnees"): the owner "its" stands for, the name nearest
    # before the share in its clause that follows no preposition (an attribution's source
    # too: what a body says of its own)
    if _SHARE_OF_ITS.match(text, num_end, clause[1]) and _PERCENT_IN.search(
        text, num_start, min(clause[1], num_end + 10)
    ):
        for a, b, actor, kind in reversed(found):
            if clause[0] <= a and b <= num_start and text[a - 1 : a] != "(":
                if lex.not_subject.search(text, max(clause[0], a - 20), a):
                    continue
                return (kind, "") if kind == "national" else (kind, actor)
    # 2c. a share of the whole just named ("..., 3.6 percent of its total funding",
    # "Biotechnology projects make up about 30% of the total"): the owner of the figure
    # before it, in its clause or the sentence before
    if _SHARE_OF_WHOLE.match(text, num_end, clause[1]) and _PERCENT_IN.search(
        text, num_start, min(clause[1], num_end + 10)
    ):
        whole = _whole_before(text, num_start, clause)
        if whole is not None:
            (a, b), whole_clause = whole
            return _scope_of(text, a, b, b, whole_clause, None, default)
    # 3. the number opens its clause ("11 of them": its antecedent's, rule 4)
    before = text[max(clause[0], num_start - 12) : num_start]
    them = _OF_THEM.match(text, num_end, clause[1])
    if not them and (
        num_start == clause[0]
        # (not a number in apposition, which describes what the clause's subject did:
        # "the province approved 1,126 contracts, 21.3 per cent more than ...", "The
        # United States has received the largest number, nearly 5,000, followed by ...")
        or (
            _CLAUSE_OPEN.search(before)
            and not _APPOSITIVE.match(text, num_end, clause[1])
            # (nor the last object of a list, no verb after it: "Sichuan now has 13 national
            # bases, four more than a year earlier, and 31 provincial bases.")
            and not (_AND_BEFORE.search(before) and _CLAUSE_REST.match(text, num_end, clause[1]))
        )
    ):
        for a, _b, actor, kind in found:
            # "About 300 Israeli companies now operate in China": another country's own
            if (
                kind == "foreign"
                and num_end < a <= num_end + 2
                and not _CHINESE.match(text, num_end)
                # (not a count of partner countries: "Seventeen EU member states have S&T
                # agreements with China" counts China's partners)
                and not (
                    _COUNTRIES_AFTER.match(text, _b)
                    and _CHINA_WORD.search(text, _b, clause[1]) is not None
                )
            ):
                if _AND_CHINESE.match(text, _b):
                    # "some 300 Soviet and Chinese scientists were exchanged": both sides'
                    # people of an exchange, a line of the nation's figure by partner
                    return "national", actor
                if _PEOPLE_OF.match(text, num_end, min(clause[1], num_end + 60)):
                    stop = _CLAUSE_STOP_BEFORE.search(text, _b, clause[1])
                    if _IN_CHINA.search(text, _b, stop.start() if stop else clause[1]):
                        # "..., while 4,000 American scientists came to China", "About 1,000
                        # Japanese technicians are now in China": people of another country
                        # where they work in China, a line of the nation's own figure
                        return "national", actor
                return kind, actor
            # "About 1,000 are now in the United States": people the clause places in
            # another country, its own count of them; "Of the country's 634 bases, 23 are
            # now located in Yunnan": the place's
            if (
                kind in ("foreign", "local")
                and num_end < a
                and _PLACED_IN.fullmatch(text, num_end, a)
            ):
                return kind, actor
        if _CHINESE.match(text, num_end):
            return "national", ""  # "Around 30 Chinese engineers work at the site"
        k = len(text[clause[0] : num_start].rstrip()) + clause[0]
        if text[k - 1 : k] == ":":
            # a label that names a part ("Talented Young Scientist Program (since 2013): 370
            # scientists hosted", "CAS: 1,200 projects"): the labelled part's figure
            for a, b, actor, kind in found:
                if (
                    kind in ("agency", "programme", "local", "national")
                    and clause[0] <= a
                    and _LABEL_END.fullmatch(text, b, k)
                    and not _LABEL_HEAD.search(text, clause[0], a)
                ):
                    return kind, "" if kind == "national" else actor
        return _unowned(text, clause, default, phrase_end, num_start, found)
    # 4. the subject before it (not a name inside the fronted phrases before a pronoun
    # subject: "Since the DAAD opened its Beijing office in 1994, it has awarded ...")
    subject = None  # (read only where a pronoun may stand, or no name is found)
    if _PRONOUN_WORD.search(text, clause[0], num_start):
        subject = _clause_subject(text, clause, lex, default)
    pronoun = (
        subject is not None and subject.what in ("singular", "plural") and subject.start < num_start
    )
    for a, b, actor, kind in reversed(found):
        if b > num_start or a < clause[0] or (pronoun and a < subject.start):
            continue
        if kind == "national" and _in_appositive(text, a, b, found, num_start):
            continue  # "The Chinese Academy of Sciences, the country's leading research body, ..."
        if (
            kind == "foreign"
            and _FOLLOWED_BY.search(text, max(clause[0], a - 30), a)
            and _RANKED_FIGURE.match(text, b, num_end)
        ):
            # "..., followed by West Germany with $640 million" / "(US$190 million)": the
            # next line of the nation's table by partner, as the ranked rule below
            return "national", actor
        if (
            kind == "foreign"
            and _SHARE_GAP.fullmatch(text, b, num_start)
            and _bare_partner_share(text, b, num_start, num_end, clause)
        ):
            return "national", actor  # "..., and the United States for about 15 percent"
        if (
            lex.not_subject.search(text, max(clause[0], a - 20), a)
            # ("Central government funding for the Program reached RMB 420 million": the
            # money of the name it is for, the clause's subject)
            and not (kind == "programme" and _MONEY_OF.search(text, max(clause[0], a - 40), a))
            # ("The number of foreign scientists working at the institute rose from a dozen":
            # the number of people at a body, the body's)
            and not (
                kind in ("agency", "local", "programme")
                and _NUMBER_AT.search(text, max(clause[0], a - 80), a)
            )
            and not _AND_CLAUSE.search(text, max(clause[0], a - 12), a)
            and not _AND_OPENS.fullmatch(text, clause[0], a)
            and not (
                _AND_AFTER_WORD.search(text, max(clause[0], a - 40), a)
                and _FINITE_AFTER.match(text, b, num_start)
            )
        ):
            continue
        if a > 0 and text[a - 1] in "-‐–" and kind == "foreign":
            continue  # "Sino-Russian trade", "China-Africa schools": bilateral, not theirs
        if (
            kind == "foreign"
            and _AFTER_FIGURE.search(text, max(clause[0], a - 16), a)
            and " " not in text[a:b]
            and _NOUN_AFTER.match(text, b)
        ):
            continue  # "will train 1,000 African researchers and fund 100": a noun's modifier
        if (
            kind == "foreign"
            and " " not in text[a:b]
            and _OBJECT_WORD.search(text, max(clause[0], a - 20), a)
        ):
            continue  # "China had imported Italian technology ..., worth": an object's modifier
        if a > 0 and text[a - 1] == "(" and text[b : b + 1] == ")":
            continue  # "financed by the National ... Foundation (NSFC)": the name before it
        if lex.attribution.match(text, b, min(clause[1], b + 20)):
            if kind in ("foreign", "agency", "local", "programme") and (
                _OWN_REPORT.match(text, b)
                or _OWN_HOLDING.match(text, b)
                and _publisher_lexicon().national.search(actor) is None
            ):
                # "The department said it had set aside 1.2 billion pesos", "Indonesia's
                # State Ministry ... said it now has agreements with 28 countries": the
                # source reports its own work or holdings (not a central body of China's,
                # whose report is the nation's figure)
                return _voiced(kind, actor, default, lex)
            continue
        if kind == "national" and _possessive_object(text, clause[0], a, b):
            continue  # "To upgrade ... China's overall level and set up 5 laboratories"
        if kind == "national":
            part = _possessive_part(text, b, num_start, text[num_end:phrase_end])
            if part is not None:
                return part  # "China's technology parks earned ...": the parks' figure
        if kind == "programme" and _nations_plan(text, clause[0], a, actor, lex):
            return "national", ""  # "The country's Medium- and Long-term Plan set a target"
        if kind in ("foreign", "local") and _host_ellipsis(text, a, b, clause, num_start, num_end):
            # "..., while Britain had about 50,000", "and the University of Toronto alone has
            # 5,200": a host's count of the Chinese people the sentence counts
            return "national", actor
        if kind == "foreign" and _partner_firms(text, a, b, clause, num_end):
            # "U.S. firms signed 176 technology transfer contracts with Chinese end-users",
            # "German companies were the source of 12 percent of ...": a partner's firms
            # dealing with China, a line of the nation's figure by partner
            return "national", actor
        if kind == "foreign" and (
            _partner_share(text, b, num_start, num_end, clause)
            or _bare_partner_share(text, b, num_start, num_end, clause)
        ):
            # "France accounted for 4 percent of China's co-authored papers", "U.S.
            # suppliers accounted for 99 contracts ... of these": a line of the nation's
            # figure by partner (the partner stays its actor)
            return "national", actor
        if kind == "foreign":
            whole = _partners_whole(text, b, num_start, num_end, clause, default)
            if whole is not None:
                # "Germany, the United States and Japan together accounted for 61 per cent
                # of that value": a share of the whole just told, the whole's owner's (the
                # nation's: a line of it by partner, the partner its actor)
                # (a whole that is itself a partner's line, the last of a list by partner:
                # still the nation's whole, this partner's line of it)
                return ("national", actor) if whole[0] in ("national", "foreign") else whole
        coordinate = _coordinate_subject(text, b, num_start, lex, default)
        if coordinate is not None:
            return coordinate  # "the German side will provide ..., and ITP will invest 10 ..."
        verb_subject = _verb_subject(text, clause[0], a, num_start, found, lex)
        if verb_subject is not None:
            return verb_subject  # "the Soviet Union helped China build 156 projects": its own
        if kind == "foreign" and (ranked := _subject_lexicon().ranked.match(text, b, num_start)):
            # "The European Union remained the largest source of imported technology, with
            # contracts worth US$16.1 billion": a line of the page's table by partner. The
            # partner stays its actor: a part of the nation's figure, never a point of the
            # nation's series (the total is another row) nor in conflict with it
            scope, owner = _unowned(text, clause, default, phrase_end, num_start)
            if scope != "national":
                return scope, owner
            # "Korea and Germany followed with US$2.1 billion and US$1.9 billion": the k-th
            # figure after the verb is the k-th partner's
            partners = [
                x[2] for x in found if x[3] == "foreign" and a <= x[0] and x[1] <= ranked.end()
            ]
            k = len(_FIGURE_BEFORE.findall(text, ranked.end(), num_start))
            return scope, partners[k] if k < len(partners) else actor
        if kind == "national":
            return kind, ""
        return _voiced(kind, actor, default, lex)
    # a pronoun subject ("Since 2011 it has funded ...", "Its spending came to ..."): what
    # it stands for; a name the lexicon does not know ("Zhangjiang alone hosts 320 firms",
    # "In 2008 the DAAD funded ..."): the full name it shortens, or the page's country's
    if subject is None:
        subject = _clause_subject(text, clause, lex, default)
    if pronoun and (
        text[clause[0] : subject.start].strip(" \t\n-–—*")
        or _ANAPHOR_SUBJECT.match(text, clause[0], num_start)
    ):
        # (a pronoun opening its sentence, "It also plans to open ...", only when it
        # does something: :data:`_ANAPHOR_SUBJECT`)
        got = _antecedent(text, clause[0], subject, lex, default)
        if got is not None:
            return got
    elif not pronoun and subject.what is not None and subject.start < num_start:
        said = lex.attribution.match(text, subject.end, min(clause[1], subject.end + 20))
        if said is None and not any(a < subject.end and subject.start < b for a, b, *_ in found):
            return (subject.what, "") if subject.what == "national" else subject[:2]
        if said is not None and subject.what != "national":
            # "Shanghai says 63,000 have settled there", "The Chinese Academy of Sciences
            # says returnees accounted for 81 percent of its members": what it reports of
            # itself, a word in the report standing for it ("The Academy reported that it
            # had itself received 12": its own work)
            if (
                _BACK_REFERENCE.search(text, said.end(), clause[1])
                or _OWN_REPORT.match(text, subject.end)
                or _OWN_HOLDING.match(text, subject.end)
                and (
                    subject.what != "agency"
                    or _publisher_lexicon().national.search(subject.actor) is None
                )
            ):
                return subject[:2]
    # "Their exports reached ...", "Together they ...": the subject of the sentence before
    if _ANAPHOR_SUBJECT.match(text, clause[0], num_start):
        got = _previous_subject(text, clause[0], lex)
        if got is not None:
            return got
    return _unowned(text, clause, default, num_end if them else phrase_end, num_start, found)


# a table's first column header naming partners, or a caption of the nation's figure by
# partner ("China's technology imports by source", "Chinese students in host countries")
_PARTNER_HEAD = re.compile(
    r"^[\s|]*(?:Host\s+countr(?:y|ies)|Sources?(?!\s*:)|Partners?|Suppliers?|Destinations?|"
    r"Origin|Country\s+of\s+origin)\b"
    r"|\b(?:China['’]s|Chinese)\b[^\n]{0,80}?\b(?:by\s+(?:source|partner|supplier|destination|"
    r"host\s+country)|in\s+(?:selected\s+|major\s+)?host\s+countries)\b",
    re.M | re.I,
)
_ROW_GAP = re.compile(r"[\s|.:]*(?:[\d.,]+[\s|]+)*")  # between a row's label and a figure of it
_HEAD_REACH = 900  # how far above a row its table's head may stand


def _partner_row(text: str, num_start: int, found) -> str | None:
    """The partner labelling the table row a figure stands on, when the table is the
    nation's by partner (:data:`_PARTNER_HEAD` above the row); None for any other figure."""
    line = text.rfind("\n", 0, num_start) + 1
    if line == 0:
        return None
    for a, b, actor, kind in found:
        if a < line or a >= num_start:
            continue
        if (
            kind != "foreign"
            or text[line:a].strip(" \t|")
            or not _ROW_GAP.fullmatch(text, b, num_start)
        ):
            return None
        lo = max(0, line - _HEAD_REACH)
        if _PARTNER_HEAD.search(text, lo, line) is None:
            return None
        return actor
    return None


_RESPECTIVELY_REACH = 250  # how far after a figure "respectively" may end its list
# between two figures of one list ("US$191 billion, US$160 billion and US$68 billion")
_FIGURE_GAP = re.compile(r"[^\d;.()]{0,20}?(?:,\s*(?:and\s+)?|\s+and\s+)(?:US|about\s+)?\W{0,2}")
# between two actors of one list ("China, Japan and South Korea", "Chinese and Indian")
_ACTOR_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
_CHINA_ITEM = re.compile(r"\b(?:China|Chinese)\b(?:['’]s)?")
# a comparison's figure of another country: "against about 90 for Japan and 60 for Korea"
_COMPARED = re.compile(r"\b(?:against|compared\s+(?:with|to)|versus|vs\.?|while)\b", re.I)
_FOR_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,3}?\s+for\s+(?:the\s+)?")
_COMPARED_REACH = 120  # how far before a figure its comparison may open


def _listed_owner(text: str, num_start: int, num_end: int, clause, found):
    """(scope, actor) of a figure paired with an actor by a list: the k-th figure of a
    list closed by "respectively" is the k-th actor's of a list as long ("China, Japan and
    South Korea spent US$191 billion, US$160 billion and US$68 billion respectively";
    "Chinese and Indian students numbered 694,000 and 189,000 respectively"), and a figure
    "for" another country after a comparison ("against about 90 for Japan and 60 for
    South Korea") is that country's. None: no such list."""
    at = text.find("respectively", num_end, min(clause[1], num_end + _RESPECTIVELY_REACH))
    if at >= 0:
        return _respective_owner(text, num_start, num_end, at, clause, found)
    m = _FOR_AFTER.match(text, num_end, clause[1])
    lo = max(clause[0], num_start - _COMPARED_REACH)
    if m is None or not _COMPARED.search(text, lo, num_start):
        return None
    for a, _b, actor, kind in found:
        if a == m.end() and kind == "foreign":
            return kind, actor
    return None


def _respective_owner(text: str, num_start: int, num_end: int, resp: int, clause, found):
    """:func:`_listed_owner` of a list closed by "respectively" at ``text[resp:]``."""
    figures = [
        (m.start(), m.end() - (m.group().endswith(",")))  # ("900, 1,200": not its comma)
        for m in _FIGURE_BEFORE.finditer(text, clause[0], resp)
    ]
    k = next((i for i, (a, b) in enumerate(figures) if a < num_end and num_start < b), None)
    if k is None:
        return None
    first = k
    while first > 0 and _FIGURE_GAP.fullmatch(text, figures[first - 1][1], figures[first][0]):
        first -= 1
    last = k
    while last + 1 < len(figures) and _FIGURE_GAP.fullmatch(
        text, figures[last][1], figures[last + 1][0]
    ):
        last += 1
    n = last - first + 1
    if n < 2:
        return None
    # the countries one by one ("India and China" is one name to :func:`mentions`), China
    # ("Chinese and Indian students"), then places
    actors = [x for x in _foreign(text, clause[0], resp) if x[3] == "foreign"]
    actors += [
        (m.start(), m.end(), "China", "national")
        for m in _CHINA_ITEM.finditer(text, clause[0], resp)
    ]
    for x in found:
        overlaps = any(a < x[1] and x[0] < b for a, b, *_ in actors)
        if x[3] == "local" and x[0] < resp and not overlaps:
            actors.append(x)
    actors.sort()
    # runs of actors joined by commas and "and", each as long as the figures' list
    i = 0
    while i < len(actors):
        j = i
        while j + 1 < len(actors) and _ACTOR_GAP.fullmatch(text, actors[j][1], actors[j + 1][0]):
            j += 1
        if j - i + 1 == n:
            if _subject_lexicon().ranked.match(text, actors[i][1], num_start):
                return None  # "Japan and the United States followed with ... respectively"
            _a, _b, actor, kind = actors[i + k - first]
            return (kind, "") if kind == "national" else (kind, actor)
        i = j + 1
    return None


_LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]|\(?[a-z]\)|[-•*])\s")
_AGREED_LEAD = re.compile(
    r"\b(?:outcomes?|agreed|decided|adopted|commitments?|measures)\b[^\n]*:[ \t]*$", re.I
)
_LIST_BACK = 12  # how many lines (items, blanks) above a figure its list's lead may stand
_PROGRAMME_BACK = 3000  # how far before a list's lead its programme is looked for


_UNDER_FRAMEWORK = re.compile(
    r"\b[Uu]nder\s+(?:it|this|(?:the|this|that)\s+(?:agreement|accord|protocol|framework))"
    r"(?=[\s,.;]|$)"
)
_AGREEMENT_NAME = re.compile(
    r"\b[A-Z][\w.&’'-]*(?:[\s-]+(?:[A-Z][\w.&’'-]*|of|on|in|for|and))*"
    r"\s+Agreement\b"
)
_AGREEMENT_REACH = 1500  # how far back an agreement's name may stand for "it"


# a fronted phrase naming a programme or agreement by a name and its kind's word ("Under the
# Royal Society–Chinese Academy of Sciences exchange programme, 118 scientists ...", "Under
# the Dragon 3 programme of the European Space Agency and ..., 51 joint projects ...",
# "Under the 1979 U.S.-China Science and Technology Cooperation Agreement, more than 30 ...")
_NAME_WORD = r"(?:[A-Z][\w.&’'/–-]*|\d+)"
_UNDER_NAMED_KIND = re.compile(
    rf"[Uu]nder\s+the\s+(?:\d{{4}}\s+)?({_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|and|for|on))*"
    r"\s+(?:[a-z]+\s+)?(?:programme|program|scheme|initiative|[Aa]greement|accord))"
    r"(?:\s+of\s+[^,;.]{0,80}?)?\s*,\s*"
)
_UNDER_NAMED_KIND_BARE = re.compile(_UNDER_NAMED_KIND.pattern.removesuffix(r"\s*,\s*") + r"\s+")
# (without its comma, the figure right after the phrase: "under the X agreement thirty-six
# joint projects are now under way")
_QUALIFIER = re.compile(
    r"(?:(?:some|about|around|over|nearly|almost|more\s+than|a\s+total\s+of)\s+)?"
)


# a coordinate clause opening on the phrase ("..., and under the X agreement 36 projects")
_AND_LEAD = re.compile(r"(?:(?<=[,;]\s)|(?<=[,;]\n))(?:and|but|while)\s+(?=[Uu]nder\s)")


def _under_named_kind(text: str, num_start: int, clause, found) -> str | None:
    """The programme or agreement a clause's fronted phrase names (:data:`_UNDER_NAMED_KIND`
    opening the clause, before the figure), when no body, place or country of its own is
    named between it and the figure (the nation may be: "Under the X exchange programme,
    China sent 50 scientists" is the programme's); None otherwise."""
    q = clause[0]
    while q < num_start and not text[q].isalnum():
        q += 1
    joined = max(_AND_LEAD.finditer(text, q, num_start), key=lambda m: m.start(), default=None)
    if joined is not None:
        q = joined.end()
    m = _UNDER_NAMED_KIND.match(text, q, num_start)
    if m is None:
        m = _UNDER_NAMED_KIND_BARE.match(text, q, num_start)
        if m is None or not _QUALIFIER.fullmatch(text, m.end(), num_start):
            return None
    if any(m.end() <= a < num_start and kind != "national" for a, _b, _actor, kind in found):
        return None
    return " ".join(m.group(1).split())


def _under_framework(text: str, num_start: int, num_end: int, clause, found) -> str | None:
    """The agreement a figure's clause stands under, when it is named by a pronoun or by
    its kind (:data:`_UNDER_FRAMEWORK` before the figure in its clause, or right after its
    phrase) and no body, place or country of its own is the clause's subject; None
    otherwise. The actor: the last agreement named by name before, else "agreement"."""
    if text.find("nder", clause[0], clause[1]) < 0:
        return None  # (a fast test: most clauses stand under nothing)
    m = _UNDER_FRAMEWORK.search(text, clause[0], num_start)
    if m is None:
        after = _UNDER_FRAMEWORK.search(text, num_end, min(clause[1], num_end + 60))
        if after is None or _CLAUSE_STOP_BEFORE.search(text, num_end, after.start()):
            return None
        m = after
    if any(
        clause[0] <= a < num_start
        and kind not in ("national", "programme")
        and not (m.start() <= a < m.end())
        for a, _b, _actor, kind in found
    ):
        return None
    lo = max(0, m.start() - _AGREEMENT_REACH)
    last = None
    for found_name in _AGREEMENT_NAME.finditer(text, lo, m.start()):
        last = found_name
    return " ".join(last.group().split()) if last is not None else "agreement"


def _agreed_list_owner(text: str, at: int) -> tuple[str, str] | None:
    """("programme", name) of a figure on an item of a list whose lead line gives what a
    meeting or plan agreed ("Outcomes relating to science and technology:", "The Meeting
    agreed on the following outcomes:"): the programme last named before that lead; None
    off such a list."""
    start = text.rfind("\n", 0, at) + 1
    if text.find(":", max(0, start - 1500), at) < 0 or not _LIST_ITEM.match(text, start):
        return None
    loose = False
    for _ in range(_LIST_BACK):
        if start == 0:
            return None
        end = start - 1
        start = text.rfind("\n", 0, end) + 1
        if not text[start:end].strip():
            continue  # a blank line between items, or after the lead
        if _AGREED_LEAD.search(text, start, end):
            lead = start
            break
        if not _LIST_ITEM.match(text, start):
            if loose:
                return None
            loose = True  # the first item, its number lost ("Joint research. The two ...")
    else:
        return None
    refs = actor_lexicon().references
    for _a, _b, actor, kind in reversed(mentions(text, max(0, lead - _PROGRAMME_BACK), lead)):
        if kind == "programme" and actor not in refs:
            return kind, actor
    return None


_COUNTRIES_AFTER = re.compile(r"\s+(?:member\s+)?(?:states|countries|nations|economies)\b")
# (not a year, nor a figure a comma or stop closes: "In 2012, Japanese researchers ...")
_AFTER_FIGURE = re.compile(r"(?:^|[^\d,.])(?!(?:19|20)\d\d\s)\d[\d,.]*(?<![,.])\s+$")
# (after a cable's paragraph marking, "(SBU) On the U.S. side,")
_SIDE_LEAD = re.compile(r"\W*(?:\([A-Z/]{1,5}\)\s*)?On\s+the\s+([A-Z][\w.-]*)\s+side\s*,")
# the nation as a plan's possessor ("China's", "the country's", "Its 13th Five-Year Plan")
_NATIONS_POSSESSOR = re.compile(
    r"(?:\bChina['’]s|\b[Tt]he\s+(?:country|nation)['’]s|\b(?P<its>[Ii]ts))\s+(?:\d+(?:st|nd|rd|th)\s+)?$"
)


def _nations_plan(text: str, clause_start: int, a: int, actor: str, lex: _Actors) -> bool:
    """True when a plan's name at ``text[a:]`` has the nation for its possessor ("The
    country's Medium- and Long-term Plan", "Its 13th Five-Year Plan" after a sentence whose
    subject is China): the nation's own policy, its goals the nation's."""
    if "Plan" not in actor.split():
        return False
    m = _NATIONS_POSSESSOR.search(text, max(clause_start, a - 24), a)
    if m is None:
        return False
    return m.group("its") is None or _previous_subject(text, clause_start, lex) is None


# a past verb right before a one-word name (a demonym): the name modifies its object
_OBJECT_WORD = re.compile(
    r"\b(?!(?:and|but|while|whereas|that|when|where|as|if|so|the|a|an)\b)[a-z]+ed\s+$"
    r"|\bto\s+(?!(?:be|the|a|an)\b)[a-z]{3,}\s+$"  # ("signed 78 contracts to import Russian ...")
)
_DETOUR = re.compile(r"\b(?:with|to)\b")
_FOR_THE = re.compile(r"\s+for\s+(?:the\s+|its\s+)?$")  # before a programme's name
# the verb of a host country's count of Chinese people ("is home to", "counted", "hosts")
_HOST_COUNTS = re.compile(
    r"\b(?:(?:is|was|are|were)\s+(?:now\s+)?home\s+to|hosts|hosted|count(?:s|ed)|number(?:s|ed)|"
    r"recorded|registered|enrolled|had|has|have)\s+(?:about\s+|some\s+|around\s+|over\s+|"
    r"more\s+than\s+|nearly\s+|almost\s+)?$"
)
_CHINESE_PEOPLE = re.compile(
    r"\s+(?:[a-z]+\s+)?Chinese\s+(?:[a-z]+\s+)?(?:students|scholars|researchers|scientists|"
    r"nationals|engineers|experts|people|citizens|officials|technicians|workers|graduates|"
    r"visitors|academics|professionals|trainees)\b"
)


# a clause's lead placing it in a country: "In Japan, ...", "In the United States alone there
# were ..." (the name between the two)
_IN_LEAD = re.compile(r"[^\w(]*(?:In|Across|Throughout)\s+(?:the\s+)?(?=[A-Z])")
_LEAD_END = re.compile(
    r"(?:\s+alone)?(?:\s*,|\s+there\s+(?:were|are|was|is|had\s+been|have\s+been)\b)"
)


def _host_lead(text: str, clause, num_start: int, found) -> str | None:
    """The country a clause's lead places Chinese people in ("In Japan, 1,410 of the students
    from China held ..."), when that country is the only actor named before the figure;
    else None."""
    lead = _IN_LEAD.match(text, clause[0], num_start)
    if lead is None:
        return None
    before = [x for x in found if clause[0] <= x[0] < num_start]
    if len(before) != 1:
        return None
    a, b, actor, kind = before[0]
    if kind != "foreign" or a != lead.end() or not _country_word(text[a:b]):
        return None
    end = _LEAD_END.match(text, b, num_start)
    return actor if end is not None else None


def _host_subject(text: str, clause, num_start: int, found, lex: _Actors) -> str | None:
    """The country that is the subject before a figure (not after a preposition, not an
    attribution's source), when that subject is a country itself, not a body; else None."""
    from analysis.partners import partners_in

    def country(actor: str) -> bool:
        hits = partners_in(actor, 0, len(actor))
        return bool(hits) and hits[0][:2] == (0, len(actor)) and hits[0][3] == "country"

    if any(
        clause[0] <= a < num_start and kind != "national" and not country(actor)
        for a, _b, actor, kind in found
    ):
        return None  # "Through JICA, Japan had trained 4,200 Chinese technicians": JICA's
    for a, b, actor, kind in reversed(found):
        if b > num_start or a < clause[0]:
            continue
        if lex.not_subject.search(text, max(clause[0], a - 20), a):
            continue
        if lex.attribution.match(text, b, min(clause[1], b + 20)):
            continue
        return actor if kind == "foreign" and country(actor) else None
    return None


def _possessive_object(text: str, clause_start: int, a: int, b: int) -> bool:
    """True when the name at ``text[a:b]`` is a possessive ("China's") inside its clause,
    after its verb: it qualifies an object ("upgrade China's level"), it is no subject."""
    if text[b - 2 : b] not in ("'s", "’s"):
        return False
    line = text.rfind("\n", clause_start, a)  # a list item opens a line of its own
    lead = text[max(clause_start, line + 1) : a]
    if not lead.strip(" -–—*\n\t"):
        return False  # "China's technology parks earned ...": the clause's subject
    if _OBJECTIVE.match(lead):
        return True  # "To upgrade, through ..., China's level": a plan's objective
    lead_in = max(clause_start, a - 16)
    if _CLAUSE_OPEN.search(text, lead_in, a):
        return False
    # (a reported clause's subject: "the minister said (that) China's exports reached"; the
    # reporting verbs are numbers.yaml's ``clause.reporting_verbs``, in every form)
    word = _LAST_WORD.search(text, lead_in, a)
    return not (word and (word[1] == "that" or _reporting_verb(word[1].lower())))


_LAST_WORD = re.compile(r"\b([A-Za-z]+)\s*$")


def _reporting_verb(word: str) -> bool:
    return any(kind == "reporting" for kind, _f, _p in clause_words().verbs.get(word, ()))


_CLAUSE_STOP_BEFORE = re.compile(r"[,;:()]")
# a partner named after "followed by" and its figure after "with" or in brackets
_FOLLOWED_BY = re.compile(r"\bfollowed\s+by\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+)?$")
_RANKED_FIGURE = re.compile(r"\s*(?:with\s+(?:[a-z]+\s+){0,3}?|\(\s*)(?:US|C|A|HK)?\W{0,2}\d")


@functools.cache
def _part_heads() -> re.Pattern[str]:
    """After a possessive ("China's"): up to three lower-case words and the plural of a
    head word of a place or a body (``actors.yaml`` heads: local, agency)."""
    plurals = set()
    for kind in ("local", "agency"):
        for w in load_lexicon("actors")["heads"].get(kind, []):
            w = w.lower()
            plurals.add(w[:-1] + "ies" if w.endswith("y") and w[-2:-1] not in "aeiou" else w)
            plurals.add(w if w.endswith("s") else w + "s")
    alt = "|".join(sorted(map(re.escape, plurals), key=len, reverse=True))
    return re.compile(rf"\s+((?:[a-z][\w-]*\s+){{0,3}}?(?:{alt}))\b")


def _possessive_part(text: str, b: int, num_start: int, counted: str) -> tuple[str, str] | None:
    """(scope, actor) of the parts a possessive subject names ("China's technology parks
    earned 11.9 billion": the parks'), unless the figure counts those parts themselves
    ("China's high-tech zones numbered 53 zones"). None: no such part."""
    if text[b - 2 : b] not in ("'s", "’s"):
        return None
    m = _part_heads().match(text, b, num_start)
    if m is None:
        return None
    head = m.group(1).split()[-1]
    if head in counted.lower().split():
        return None
    if not counted and _COUNTING_VERB.match(text, m.end(), num_start):
        return None  # "China's high-tech zones numbered 53": the number of the parts
    kind = _kind_of_head(head)
    return kind, m.group(1)


_COUNTING_VERB = re.compile(
    r"\s+(?:now\s+)?(?:numbered|number|totall?ed|totals?|came\s+to|stood\s+at|were|are|was|is)"
    r"\s+(?:about\s+|some\s+|around\s+|over\s+|more\s+than\s+|nearly\s+)?$",
    re.I,
)


def _kind_of_head(plural: str) -> str:
    heads = load_lexicon("actors")["heads"]
    for kind in ("local", "agency"):
        for w in heads.get(kind, []):
            w = w.lower()
            if plural in (w, w + "s", w[:-1] + "ies"):
                return kind
    return "local"


# "a joint innovation fund worth 300 million": the money is the size of the fund
_WORTH = re.compile(
    r"\b((?:(?!(?:a|an|the|its|their)\s)[a-z][\w-]*\s+){0,3}(?:fund|programme|program|project|plan|initiative|scheme|"
    r"facility))\s+worth\s+$"
)


def worth_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_WORTH.search(text, start, end)``, run only where "worth" stands (most figures:
    no fund is worth them)."""
    if text.find("worth", start, end) < 0:
        return None
    return _WORTH.search(text, start, end)


_OTHER_PLACES = re.compile(
    r"\band\s+(?:many\s+|several\s+)?other\s+(?:cities|provinces|regions|places|areas|"
    r"municipalities|counties|parts\s+of\s+(?:China|the\s+country))\b"
)
_UNDER_NAMED = re.compile(r"\bunder\s+(?:the\s+|its\s+)?(?:(?:[A-Z][\w&-]*|and|of),?\s+)*$")
_OBJECTIVE = re.compile(r"[\W]*To\s+[a-z]+\b")


_OF_THEM = re.compile(r"\s*of\s+(?:them|these|those)\b", re.I)
# after a figure, its verb and object: a place inside the things a figure before it counted
# ("338 Chinese scientists hold posts in them", "212 serve on their boards")
_INSIDE_THEM = re.compile(
    r"(?:\s+[A-Za-z][\w-]*){1,5}?\s+(?:in|on|within|of)\s+(?:them|these\s+bodies|"
    r"these\s+organi[sz]ations|their\s+(?:boards|committees|executive\s+boards|"
    r"governing\s+bodies|secretariats))\b"
)
# (and a part of things, "47 joint laboratories ..., nine of which were set up during the
# year"; not "of which 340 were arranged by the SSTC": a part whose owner may follow)
_OF_WHOM_AFTER = re.compile(r"\s*(?:%|per\s*cent|percent)?\s+of\s+wh(?:om|ich)\b")
_OF_WHOM_BEFORE = re.compile(r",\s*of\s+whom\s+(?:[a-z]+\s+){0,2}$")
# a figure of a sentence (not a year): its digits
_FIGURE_DIGITS = re.compile(
    r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d])|(?<![\w.,])\d+(?:\.\d+)?(?![\d,])"
)


def _of_whom_figure(text: str, num_start: int, num_end: int, clause):
    """The bounds of the figure a "N of whom" / "of whom N" / "N of which" figure is a part
    of: the last figure before it in its clause that is not a year; None for any other
    figure."""
    if text.find(" of wh", max(clause[0], num_start - 30), min(clause[1], num_end + 30)) < 0:
        return None  # (a fast test)
    if not (
        _OF_WHOM_AFTER.match(text, num_end)
        or _OF_WHOM_BEFORE.search(text, max(clause[0], num_start - 40), num_start)
    ):
        return None
    last = None
    for m in _FIGURE_DIGITS.finditer(text, clause[0], num_start):
        if not re.fullmatch(r"(?:19|20)\d\d", m.group()):
            last = m
    return (last.start(), last.end()) if last is not None else None


_SHARE_OF_ITS = re.compile(r"\s*(?:(?:%|per\s*cent|percent)\s+)?of\s+(?:its|their)\s+\w")
_SHARE_OF_WHOLE = re.compile(
    r"\s*(?:(?:%|per\s*cent|percent)\s+)?of\s+(?:the|its|their)\s+(?:[a-z]+\s+)?"
    r"(?:total|whole|sum)\b"
)


def _whole_before(text: str, num_start: int, clause):
    """((start, end), clause) of the figure a share "of the total" is of: the last figure
    before it in its clause that is not a year, else the last of the sentence before."""
    last = None
    for m in _FIGURE_DIGITS.finditer(text, clause[0], num_start):
        if not re.fullmatch(r"(?:19|20)\d\d", m.group()):
            last = m
    if last is not None:
        return last.span(), clause
    lo = max(0, clause[0] - _SENTENCE_BACK)
    end = clause[0]
    while end > lo and not text[end - 1].isalnum():
        end -= 1
    start = _sentence_start_before(text, lo, end)
    for m in _FIGURE_DIGITS.finditer(text, start, end):
        if not re.fullmatch(r"(?:19|20)\d\d", m.group()):
            last = m
    return (last.span(), (start, end + 1)) if last is not None else None


# a name's end up to its label's colon ("CAS (2015):", "China overall:")
_LABEL_END = re.compile(r"\s*(?:overall|alone|total)?\s*(?:\([^()\n]{0,30}\)\s*)?:")
_LABEL_HEAD = re.compile(r"[a-z]{3}")  # (a label is the name: no lower-case words before it)
# what follows a number standing in apposition after a comma (no verb of its own): a stop,
# or a comparison with another figure ("21.3 per cent more than", "up from")
_APPOSITIVE = re.compile(
    r"\s*(?:[,.;)]|$)|\s+(?:more|less|fewer|higher|lower)\s+than\b|\s+(?:up|down)\s+(?:from|on)\b"
)
_NOUN_AFTER = re.compile(r"\s+[a-z][\w-]*")
_AND_BEFORE = re.compile(r"\band\s*$")
# after a number: what places the people it counts in another country (no noun of their own,
# or one of up to three words)
_PLACED_IN = re.compile(
    r"(?:\s+[a-z][\w-]*){0,3}?\s+(?:are|were)\s+(?:now\s+|currently\s+|still\s+)?"
    r"(?:(?:studying|working|living|enrolled|employed|based|located|situated)\s+)?(?:in|at)\s+"
    r"(?:the\s+)?"
)
# a noun phrase and stops to the clause's end: no verb ("... and 31 provincial bases.",
# "... and 3 national international S&T cooperation bases recognized by the Ministry of
# Science and Technology, in fields from remote sensing to virology", "... and 30
# Sino-German symposia", "... and 3,200 visits to China by foreign scientists in 1985"): its
# words lower-case or built like a term ("S&T", "PhD", "Sino-German"), a name only after a
# preposition, a participle only before "by" (a reduced relative: "recognized by")
#
# The pattern stays linear: a preposition is never a word of the phrase before it (it opens
# the next one) and a name is never a word built like a term, so each word can be read one
# way only; with both readings open, a long clause that fails at a verb made the engine try
# every split of its words (86 words took minutes).
_REST_PREPOSITION = (
    r"in|of|for|with|from|to|at|by|over|during|under|since|between|until|through|across|"
    r"within|per"
)
_REST_WORD = (
    r"\s+(?!(?:is|are|was|were|be|been|have|has|had|will|would|can|could|did|do|does|"
    rf"shall|should|may|might|must|{_REST_PREPOSITION})\b)"
    r"(?:[a-z]|[A-Z][a-z]*[A-Z&-])[\w&'’-]*(?<!ed)"
)
_REST_NAME = r"\s+(?:[A-Z](?![a-z]*[A-Z&-])[\w&'’.-]*|\d{4})"
# a term in capitals its acronym defines ("4 International Joint Units (UMI)")
_REST_TERM = r"(?:\s+[A-Z][\w&'’-]*){1,5}\s+\([A-Z][\w&-]*\)"
_CLAUSE_REST = re.compile(
    rf"(?:{_REST_TERM}|(?:{_REST_WORD}){{0,5}}(?:\s+\([A-Z][\w&-]*\))?)"
    rf"(?:,?\s+(?:[a-z]+ed\s+by|{_REST_PREPOSITION})"
    rf"(?:{_REST_WORD}|{_REST_NAME}){{1,4}})*"
    # (and a time clause of the subject's own: "... and 150 PhD fellows since it opened")
    rf"(?:\s+(?:since|after|when|before)\s+(?:it|they|the\s+[a-z]+)\s+[a-z]+ed"
    rf"(?:\s+(?:in|on)\s+\d{{4}})?)?"
    # (or a list that goes on with "as well as": "..., as well as 11 International Research
    # Networks (GDRI)")
    rf"(?:,?\s+as\s+well\s+as\b|[\s.;,)]*$)"
)
_ANAPHOR_SUBJECT = re.compile(
    r"\W*(?:(?:Together|Between\s+them|In\s+all|Altogether),?\s+)?"
    r"(?:[Tt]heir|[Tt]hey|[Tt]hese|[Tt]hose|[Ii]ts)\b"
    # "Last year it received 1,320 scholars": "it" doing something (never "it is estimated")
    r"|\W*(?:(?:[Ll]ast|[Tt]his|[Tt]hat|[Ii]n\s+the\s+same)\s+year,?\s+|[Ii]n\s+\d{4},?\s+)?"
    r"(?:[Ii]t)\s+(?:also\s+|has\s+|had\s+)?(?!is\b|was\b|will\b|would\b|may\b|seems\b)"
    r"(?:[a-z]+ed|sent|ran|won|made|took|held|built|set\s+up|signed|spent|brought)\b"
)
_SENTENCE_BACK = 600  # how far back the sentence before a clause is looked for


# a figure written before another in the same clause (for pairing figures with partners)
_FIGURE_BEFORE = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\d,]*\.?\d)")


@dataclass(frozen=True)
class _Subjects:
    """``actors.yaml`` ``subjects``, compiled: how a clause's subject is read."""

    nationwide: re.Pattern[str]
    # a figure counting what is designated at national level ("84 new national ... bases")
    national_level: re.Pattern[str]  # a lead that sets a clause in the nation, at its start
    # the words between a subject and a later name: a verb phrase ("helped", "has joined
    # the"), one to four lower-case words, none a connective or a preposition
    verb_gap: re.Pattern[str]
    complement: re.Pattern[str]  # the end of the text before a name opening a clause
    # after another country: its predicate makes it a line of the nation's table ("remained
    # the largest source of ...", "followed"), up to the "with" that gives the figure
    ranked: re.Pattern[str]
    fronted: re.Pattern[str]  # one fronted adverbial or clause, up to its subject
    subordinate: re.Pattern[str]  # a fronted clause's opening word
    pronoun: re.Pattern[str]  # a pronoun subject (group 1: the pronoun)
    singular: frozenset[str]
    object_heads: tuple[tuple[str, re.Pattern[str]], ...]  # kind, its object noun phrase


# words opening a fronted phrase ("Under the national 111 Project, it also runs ...")
_FRONT_LEAD = (
    r"(?:In|Since|By|Over|During|Under|Through|Throughout|After|Before|From|At|On|For|"
    r"Within|Between|Until|Among|With|Across|Following|Thanks\s+to|According\s+to|As\s+of|As\s+at|Up\s+to|Up\s+until)"
)


@functools.cache
def _subject_lexicon() -> _Subjects:
    lex = load_lexicon("actors")
    words = lex["subjects"]
    stop = _alt_words([*words["connectives"], *lex["not_subject_after"]])
    said = _alt_words([*words["complement_verbs"], *lex["attribution_after"]])
    subordinators = _alt_words(words["subordinators"])
    pronouns = [*words["pronouns"]["singular"], *words["pronouns"]["plural"]]
    return _Subjects(
        fronted=re.compile(
            r"[\s,]*(?:"
            r"(?:In|Since|By|During|Over|Until|Through)\s+(?:the\s+)?(?:end\s+of\s+)?"
            # (an academic or fiscal year: "In the 1998/99 academic year it hosted ...")
            r"(?:(?:fiscal|financial|academic|school)\s+(?:year\s+)?)?"
            r"(?:(?:19|20)\d\d(?:s\b|(?:/\d\d(?:\d\d)?)?(?:\s+(?:academic|fiscal|financial|school)"
            r"\s+year)?)|(?:past|last|next|first)\s+(?:\w+\s+)?(?:years?|decades?))\b"
            r"|(?:Last|This|That|Each|Next)\s+(?:year|month|week)\b|In\s+the\s+same\s+year\b"
            # (a span of years, a semicolon's clause too: "...; from 1985 to 1989 it approved")
            r"|[FfBb](?:rom|etween)\s+(?:19|20)\d\d\s*(?:to|and|-|–|until)\s*(?:(?:19|20)?\d\d)\b"
            r"|(?:Meanwhile|Now|Today|So\s+far|Together|Altogether|In\s+all|Since\s+then|"
            r"However|Moreover|In\s+addition|Besides|Also|Then)\b"
            rf"|(?:{_FRONT_LEAD}|{subordinators})\b[^,;:\n]{{1,160}}?,"
            r")[\s,]*"
        ),
        subordinate=re.compile(rf"[\s,]*(?:{subordinators})\b"),
        pronoun=re.compile(
            rf"({_alt_words(pronouns)})\b(?!\s+(?:is|was|seems|appears|will\s+be|would\s+be|"
            r"has\s+been|had\s+been|must|should|may|might)\b)"
        ),
        singular=frozenset(words["pronouns"]["singular"]),
        object_heads=tuple(
            (
                kind,
                re.compile(
                    rf"\b(?:a|an|the|its|their)\s+((?:[\w&-]+\s+){{0,4}}?(?i:{_alt_words(heads)}))\b"
                ),
            )
            for kind, heads in words["object_heads"].items()
        ),
        nationwide=re.compile(rf"[\W]*(?:{_alt_words(words['nationwide_leads'])})\b\s*,?\s*"),
        national_level=re.compile(
            r"\d[\d,.]*\s+(?:(?:new|more|additional|further)\s+)?"
            rf"(?:{_alt_words(words.get('national_level', []))})\b(?![\s-]+(?:total|average|level))"
        ),
        verb_gap=re.compile(rf"(?:\s+(?!(?:{stop})\b)[a-z][\w-]*){{1,4}}\s+(?:the\s+)?$"),
        complement=re.compile(rf"\b(?:{said})\s+(?:the\s+)?$"),
        ranked=re.compile(
            r"(?:\s+and\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)?\s+(?:"
            r"(?:remained|remains|was|is|were|are|became|has\s+been)"
            r"\s+(?:(?:again|still|also|once\s+more|once\s+again)\s+)?(?:the|its|China['’]s)"
            rf"\s+(?:[\w-]+\s+){{0,3}}?(?:{_alt_words(words['ranked_roles'])})\b[^;:.]*?"
            rf"|(?:{_alt_words(words['ranking_verbs'])})\s+)"
            r"with\s+"
        ),
    )


_ACCOUNTS_FOR = re.compile(
    r"\b(?:account(?:s|ed|ing)?\s+for|made\s+up|makes?\s+up|making\s+up)\s+(?:[a-z]+\s+){0,2}$"
)
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s*cent|percent)")
_PERCENT_IN = re.compile(r"%|per\s*cent|percent")
_SHARE_REACH = 100  # how far after a share the whole it is of may name its country


def _share_of_foreign(text: str, num_start: int, num_end: int, clause, found):
    """(scope, actor) of another country whose whole a share after "accounts for" is of,
    named in the "of" phrase after it before any clause stop; None for any other figure."""
    lo = max(clause[0], num_start - 40)
    if text.find("ccount", lo, num_start) < 0 and text.find(" up ", lo, num_start) < 0:
        return None  # (a fast test: most figures follow no "account for", "made up")
    if not _ACCOUNTS_FOR.search(text, max(clause[0], num_start - 40), num_start):
        return None
    if not _PERCENT_IN.search(text, num_start, num_end) and not _PERCENT_AFTER.match(text, num_end):
        return None
    of = text.find(" of ", num_end, min(clause[1], num_end + 30))
    if of < 0:
        return None
    for a, _b, actor, kind in found:
        if a <= of or a > of + _SHARE_REACH or a >= clause[1]:
            continue
        if _CLAUSE_STOP_BEFORE.search(text, of, a) or _partner_before().search(
            text, max(of, a - 16), a
        ):
            return None  # (not "40 percent of the contracts signed with Japan": a partner)
        return (kind, actor) if kind == "foreign" else None
    return None


# between a partner and its figure: the verb of a share of a whole ("accounted for",
# "supplied", "made up"), after up to two words ("U.S. suppliers", "EU member states")
_SHARE_VERB = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2}\s+(?:alone\s+)?(?:accounts?|accounted|supplie[sd]|supply|"
    r"provided|provides?|made\s+up|makes?\s+up|took|takes?|held|holds?|won|wins?)\s+"
    r"(?:for\s+)?"
    r"(?:(?:about|around|roughly|some|nearly|almost|only|just|over|under|less\s+than|"
    r"more\s+than)\s+)*"
    r"(?:(?:US)?[$£€¥\d][^;:]{0,60}?(?:\band|,)\s+)?$",  # (a figure before it in its list)
    re.I,
)
# after the figure: the whole it is a share of, the nation's own ("of China's technology
# imports", "of the value of China's ...", "of these", "of the total")
_NATIONS_WHOLE = re.compile(
    r"\bof\s+(?:[a-z]+\s+){0,3}?(?:China['’]s|the\s+(?:nation|country)['’]s|these|this|"
    r"them|those|the\s+total|all\s+Chinese)\b",
    re.I,
)
_WHOLE_REACH = 80  # how far after a figure its whole may stand


def _partner_share(text: str, b: int, num_start: int, num_end: int, clause) -> bool:
    """True when a partner named at ``text[:b]`` has for its verb a share of the nation's
    whole ("France accounted for 4 percent of China's ...", "EU member states supplied 38
    percent of this", "U.S. suppliers accounted for 99 contracts ... of these")."""
    if not _SHARE_VERB.fullmatch(text, b, num_start):
        return False
    end = min(clause[1], num_end + _WHOLE_REACH)
    stop = _CLAUSE_STOP_BEFORE.search(text, num_end, end)  # (not past ";" or ":")
    if stop is not None and stop.group() in ";:(":
        end = stop.start()
    return _NATIONS_WHOLE.search(text, num_end, end) is not None


# after a partner's name: its firms ("U.S. firms", "German companies", "Japanese suppliers")
_FIRMS_AFTER = re.compile(
    r"\s+(?:[a-z][\w-]*\s+)?(?:firms|companies|suppliers|enterprises|exporters|manufacturers|"
    r"corporations)\b"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_FIRMS_REACH = 200  # how far after a figure its sentence may name China
# a deal of the nation's trade in technology the partner's firms are the other side of
_DEAL_WORD = re.compile(r"\b(?:contracts?|imports?|imported|transfers?|source)\b")


def _partner_firms(text: str, a: int, b: int, clause, num_end: int) -> bool:
    """True when a partner named at ``text[a:b]`` (a country's name or demonym, whole)
    stands for its firms ("U.S. firms signed 176 ... contracts with Chinese end-users",
    "Canadian firms signed 11 contracts for the transfer of technology to China") and the
    sentence names China: the partner's line of the nation's figure."""
    if not _FIRMS_AFTER.match(text, b) or not _country_word(text[a:b]):
        return False
    end = min(len(text), num_end + _FIRMS_REACH)
    stop = _SENTENCE_END.search(text, num_end, end)
    end = stop.start() if stop is not None else end
    if not _DEAL_WORD.search(text, clause[0], end):
        return False  # ("Japanese companies operated 120 research centres in China": their own)
    return bool(_CHINA_WORD.search(text, clause[0], a) or _CHINA_WORD.search(text, b, end))


_HOST_AFTER = re.compile(r"(?:\s+alone)?\s+" + _HOST_COUNTS.pattern)
# after a figure: no noun of its own ("had about 50,000.", "hosts about 2,500 and ...")
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,;:.)]|and\b|$)")
# Chinese people a sentence counts ("Chinese students", "students from China")
_CHINESE_COUNTED = re.compile(
    r"\bChinese\s+(?:[a-z]+\s+)?(?:students|scholars|researchers|scientists|nationals)\b"
    r"|\b(?:students|scholars|researchers)\s+from\s+(?:mainland\s+)?China\b"
)
_HOST_BACK = 300  # how far back before a clause opened by ";" its sentence is read


def _host_ellipsis(text: str, a: int, b: int, clause, num_start: int, num_end: int) -> bool:
    """True when a place named at ``text[a:b]`` is the subject of a host's verb before a
    figure with no noun of its own ("while Britain had about 50,000", "the University of
    Toronto alone has 5,200") and its sentence counts Chinese people before it."""
    if not _HOST_AFTER.fullmatch(text, b, num_start) or not _NO_NOUN_AFTER.match(text, num_end):
        return False
    lo = clause[0]
    if text[max(0, lo - 3) : lo].strip().endswith(";"):
        back = max(0, lo - _HOST_BACK)
        stops = list(_SENTENCE_END.finditer(text, back, lo))
        lo = stops[-1].end() if stops else back
    return _CHINESE_COUNTED.search(text, lo, a) is not None


# after a share: no whole of its own in its clause ("Germany alone accounted for 18.3%.")
_NO_WHOLE_AFTER = re.compile(r"(?:\s*(?:%|per\s*cent\.?|percent))?\s*(?:[,;:.)]|\s+and\b|$)")
_SHARE_GAP = re.compile(r"\s+for\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+)?$")


def _bare_partner_share(text: str, b: int, num_start: int, num_end: int, clause) -> bool:
    """True when a partner named at ``text[:b]`` has a share's verb (or a gapped "and the
    United States for about 15 percent") and the share names no whole after it: a share
    of the whole the text speaks of ("..., and Germany alone accounted for 18.3%"; "of
    which Japan accounted for about 30 percent"), a line of the nation's figure."""
    if not (_SHARE_VERB.fullmatch(text, b, num_start) or _SHARE_GAP.fullmatch(text, b, num_start)):
        return False
    if not _PERCENT_IN.search(text, num_start, min(clause[1], num_end + 10)):
        return False
    if _SHARE_GAP.fullmatch(text, b, num_start) and "ccount" not in text[clause[0] : b]:
        return False  # ("for" with no share's verb before it to stand for)
    return _NO_WHOLE_AFTER.match(text, num_end) is not None


# "under the scheme": a programme named before by its kind's word alone (not "under the plan
# of ...", "under the programme's ...", "under the Programme X")
_UNDER_HEAD = re.compile(
    r"\b[Uu]nder\s+(?:the|this|that)\s+(scheme|programme|program|initiative|plan|fellowship|"
    r"fund|commission|committee)\b(?!['’]|\s+(?:of|for)\b|\s+[A-Z\d])"
)
_ANY_PROGRAMME = frozenset({"scheme", "programme", "program", "initiative"})
_UNDER_BACK = 1500  # how far back the programme "the scheme" stands for is looked for


def _under_the_programme(text: str, clause, lex: _Actors) -> tuple[str, str] | None:
    """("programme", name) of the programme a clause stands under by its kind's word alone
    ("Under the scheme, ...", "... under the fellowship"): the last programme named before
    the clause (for "plan", "fellowship", "fund" one whose name holds that word); None
    when the clause names none so, or a programme of its own is named in the clause."""
    m = _UNDER_HEAD.search(text, clause[0], clause[1])
    if m is None:
        return None
    word = m.group(1)
    for _a, _b, _actor, kind in mentions(text, clause[0], clause[1]):
        if kind == "programme":
            return None  # (the clause's own programme: rule 2 reads it)
    for _a, _b, actor, kind in reversed(mentions(text, max(0, clause[0] - _UNDER_BACK), clause[0])):
        if kind == "programme" and (word in _ANY_PROGRAMME or word in actor.lower()):
            return "programme", actor
    return None


# after a share: a whole named by a determiner, told before ("of that value", "of the value
# imported that year")
_WHOLE_TOLD = re.compile(r"\s*(?:%|per\s*cent|percent)?\s+of\s+(?:that|the|this)\s+[a-z]")
_MORE_PARTNERS = re.compile(
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*"
)


def _partners_whole(text: str, b: int, num_start: int, num_end: int, clause, default):
    """(scope, actor) of the whole a partner's share is of, when the partner (named at
    ``text[:b]``) has a share's verb and the share is "of that/the <noun>" (a whole told in
    the clause or the sentence before: its figure's owner); None for any other figure."""
    if not _WHOLE_TOLD.match(text, num_end):
        return None
    while (more := _MORE_PARTNERS.match(text, b, num_start)) is not None:
        b = more.end()  # ("Germany, the United States and Japan together accounted for")
    if not _SHARE_VERB.fullmatch(text, b, num_start):
        return None
    if not _PERCENT_IN.search(text, num_start, min(clause[1], num_end + 10)):
        return None
    whole = _whole_before(text, num_start, clause)
    if whole is None:
        # ("The Federal Republic of Germany and Japan together supplied 45 percent of the
        # value imported that year", no figure told: the nation's, as a partner's line)
        return "national", ""
    (a, e), whole_clause = whole
    if whole_clause == clause:
        return None  # (a figure in the partner's own clause: its list, not the whole)
    return _scope_of(text, a, e, e, whole_clause, None, default)


_COORDINATE = re.compile(r",\s*(?:and|but|while|whereas)\s+(?=(?:[Tt]he\s+)?[A-Z])")


def _coordinate_subject(text: str, b: int, num_start: int, lex: _Actors, default=None):
    """(scope, actor) of the subject of a coordinate clause that opens between a name
    (ending at ``b``) and the figure ("the German side will provide 1.5 million euros, and
    ITP will invest 10 million yuan"): the figure is that clause's; None when no such
    clause opens, or its subject names no actor."""
    if text.find(",", b, num_start) < 0:
        return None
    last = None
    for m in _COORDINATE.finditer(text, b, num_start):
        last = m
    if last is None:
        return None
    got = _name_at(text, last.end(), num_start, lex, default)
    if got is None:
        return None
    return (got[0], "") if got[0] == "national" else got[:2]


def _nationwide_subject(start: int, num_start: int, found) -> bool:
    """True when the subject after a nationwide lead ("Across China, ...") leaves the clause
    the nation's: it names no part and no other country, or only a Chinese central body
    that reports national totals (``actors.yaml`` ``publishers`` ``national``)."""
    central = _publisher_lexicon().national
    for a, b, actor, kind in found:
        if a < start or b > num_start or kind == "national":
            continue
        if kind != "agency" or not central.search(actor):
            return False
    return True


# after a comma: a participle whose subject is the clause's ("has supported China since 1981,
# disbursing some C$1.1 billion"); not the prepositions and attributions spelt as one
_PARTICIPLE_AFTER = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?!(?:during|including|excluding|according|following|regarding|"
    r"concerning|notwithstanding|pending|barring|saying|adding|noting)\b)[a-z]{2,}ing\b"
)


def _verb_subject(text: str, clause_start: int, a: int, num_start: int, found, lex: _Actors):
    """(scope, actor) of the subject whose verb has the name at ``text[a:]`` for its object
    ("the Soviet Union helped China build 156 projects", "China has joined the IASC and
    organized two expeditions"): the name just before it in its clause, when only a verb
    phrase stands between them and that name is a subject itself, and the figure stands in
    that verb's phrase (no comma between: "Beijing hosts the Zhongguancun park, home to
    20,000 firms" is the park's). None: the name at ``a`` is no object of an earlier
    subject's verb (or opens a clause: "experts believe China")."""
    stop = _CLAUSE_STOP_BEFORE.search(text, a, num_start)
    if stop is not None and not (
        stop.group() == ","
        and _PARTICIPLE_AFTER.match(text, stop.end())
        and not _CLAUSE_STOP_BEFORE.search(text, stop.end(), num_start)
    ):
        return None
    sub = _subject_lexicon()
    for a0, b0, actor, kind in reversed(found):
        if b0 > a:
            continue
        if text.startswith(")", b0):
            b0 += 1  # "The Canadian ... Agency (CIDA) has supported China": the short name's
        if a0 < clause_start or not sub.verb_gap.match(text, b0, a):
            return None
        if sub.complement.search(text, max(b0, a - 30), a):
            return None
        if lex.not_subject.search(text, max(clause_start, a0 - 20), a0):
            return None
        return kind, ("" if kind == "national" else actor)
    return None


class _Subject(NamedTuple):
    """What opens a clause after its fronted phrases (:func:`_subject_at`)."""

    what: str | None  # "singular" / "plural" (a pronoun), a scope (a name), None
    actor: str  # the pronoun, or the name's actor
    start: int  # where the subject stands
    end: int  # where it ends
    fronted: tuple[tuple[int, int], ...]  # fronted clauses ("Since the DAAD opened ...,")


_LONG_BACK = 6000  # how far back the full name of a short one is looked for


def _subject_at(text: str, start: int, end: int, lex: _Actors, default=None) -> _Subject:
    """The subject of the clause at ``text[start:end]``, read after its fronted phrases and
    clauses ("In 2008", "Under the national 111 Project,", "Since the DAAD opened its
    office in 1994,"): a pronoun, or a name (:func:`_name_at`)."""
    sub = _subject_lexicon()
    p = start
    fronted = []
    while True:
        m = sub.fronted.match(text, p, end)
        if m is None or m.end() == p:
            break
        if sub.subordinate.match(text, m.start(), m.end()):
            fronted.append((m.start(), m.end()))
        p = m.end()
    m = sub.pronoun.match(text, p, end)
    if m is not None:
        what = "singular" if m.group(1) in sub.singular else "plural"
        return _Subject(what, m.group(1), p, m.end(), tuple(fronted))
    got = _name_at(text, p, end, lex, default)
    if got is None:
        return _Subject(None, "", p, p, tuple(fronted))
    return _Subject(got[0], got[1], p, got[2], tuple(fronted))


_THE_AT = re.compile(r"[Tt]he\s+")


def _clause_subject(text: str, clause: tuple[int, int], lex: _Actors, default=None) -> _Subject:
    """:func:`_subject_at` of a whole clause, remembered (its figures ask the same)."""
    memo = _text_memo(text)
    key = ("subject", clause, default)
    got = memo.get(key)
    if got is None:
        got = memo[key] = _subject_at(text, clause[0], clause[1], lex, default)
    return got


def _acronym_body(text: str, acronym: str, lex: _Actors) -> tuple[str, str] | None:
    """(scope, acronym) of an acronym the text defines after a body's name of any kind
    ("the Institute of Tibetan Plateau Research (ITP)": agency); None when it defines none."""
    at = text.find(f"({acronym})")
    if at <= 0:
        return None
    lead = text[max(0, at - 120) : at].rstrip()
    last = None
    for m in lex.mention.finditer(lead):
        last = m
    if last is None or last.end() != len(lead):
        return None
    got = _kind_of(last.group(0), lex)
    if got is None and _joint(last.group(0)):
        # "The Sino-Swiss Science and Technology Cooperation (SSSTC)" then "the SSSTC had
        # funded 42 projects": a joint body of two countries the lexicon does not know,
        # the subject of its clause, is a programme (as a known one is)
        return "programme", acronym
    if got is None or got[0] == "national":
        return None
    return ("programme" if _joint(got[1]) else got[0]), acronym


def _name_at(text: str, p: int, end: int, lex: _Actors, default=None):
    """(scope, actor, end) of the name at ``text[p:]`` (after "the"): a known actor, another
    country, an acronym the text defines, a short name of a full one named before
    ("Zhangjiang" for "Zhangjiang Hi-Tech Park", "Tsinghua" for "Tsinghua University"), or
    an unknown acronym on a page another country speaks for ("the DAAD" on a German page:
    theirs). None: no name stands there, or one that names none of these, or China."""
    m = lex.mention.match(text, p, end)
    if m is None:
        the = _THE_AT.match(text, p, end)
        if the is None:
            return None
        m = lex.mention.match(text, the.end(), end)
        if m is None:
            return None
    name, name_end = m.group(0), m.end()
    # (not a joint body's name: "The UK–China Research and Innovation Partnership Fund")
    for a in () if _joint(name) else _AND_NAME.finditer(name):
        # "The Israel Innovation Authority and China's Ministry of ...": two bodies, the
        # first one's name ends before "and"
        left = name[: a.start()]
        if _kind_of(name[a.end() :], lex) is not None and (
            _kind_of(left, lex) or _foreign(left, 0, len(left))
        ):
            name, name_end = left, m.start() + a.start()
            break
    got = _kind_of(name, lex)
    if got is not None:
        if got[0] in ("agency", "programme") and _joint(got[1]):
            return "programme", got[1], name_end  # "the Meeting of the ASEAN-China ..."
        return (*_voiced(got[0], got[1], default, lex), name_end)
    if _CHINA_WORD.match(name) or _CHINA_WORD.match(_clean_actor(name)):
        return None  # "Chinese universities": no body's name
    if name == _clean_actor(name) and _common_word(text, name):
        return None  # "Some 1,000 ...", "Officials said ...": a common word, no name
    for a, _b, country, kind in _foreign(text, m.start(), name_end):
        if a <= m.start() + 4:
            return kind, country, name_end  # "The Israel Innovation Authority", "German ..."
        break
    bare = _THE_AT.sub("", name, count=1) if name[:4] == "The " else name
    acronym = _ACRONYM.fullmatch(bare) is not None
    if acronym and bare != name:
        # "The SSTC itself arranged ...": an acronym after a capital article, the
        # sentence's first word (as "the SSTC" inside one)
        name = bare
    got = _defined_acronym(text, name, lex) if acronym else None
    if got is None and acronym:
        got = _acronym_body(text, name, lex)  # "the Institute of ... Research (ITP)": an agency
        if got is not None:
            got = _voiced(got[0], got[1], default, lex)
    if got is None and (name != _clean_actor(name) or not _common_word(text, name)):
        got = _long_name(text, _clean_actor(name), m.start(), lex)
    if got is None and name != _clean_actor(name) and " " not in _clean_actor(name):
        got = _head_name(text, _clean_actor(name), m.start(), lex)
    if got is None and acronym and default is not None and default[0] == "foreign":
        got = ("foreign", name)
    if got is None:
        return None
    if got[0] in ("agency", "programme") and _joint(got[1]):
        return "programme", got[1], name_end
    if acronym and got[0] == "agency":
        # "the DAAD" after "DAAD Office Beijing": the body itself, another country's on
        # its page
        got = _voiced("agency", name, default, lex)
    return got[0], got[1], name_end


_INSIDE_NAME = re.compile(
    r"(?:(?<![\w&'’.-])(?!(?:The|A|An|In|At|On|By|Of)\b)[A-Z][\w&'’.-]*|\b(?:of|for|and|on|in))"
    r"[ \t]+$"
)


_HEAD_BACK = 3000  # how far back the name a definite description ("The Meeting") heads


def _head_name(text: str, head: str, at: int, lex: _Actors) -> tuple[str, str] | None:
    """(scope, actor) of the last name before ``at`` that holds the word a definite
    description capitalises ("The Meeting reviewed ...": "The Second Meeting of the
    ASEAN-China Joint ... Committee"), when it names a part or another country."""
    lo = max(0, at - _HEAD_BACK)
    for w in reversed(list(re.finditer(rf"\b{re.escape(head)}\b", text[lo:at]))):
        i = lo + w.start()
        for m in lex.mention.finditer(text, max(0, i - 150), min(at, i + 150)):
            if m.start() <= i < m.end() and m.group(0) != head and _clean_actor(m.group(0)) != head:
                name = m.group(0)
                cut = name.find(" and the ", i - m.start())
                if cut > 0:
                    name = name[:cut]  # "the Royal Society and the Chinese Academy of ..."
                got = _kind_of(name, lex)
                if got is not None and got[0] != "national":
                    if _joint(got[1]):
                        return "programme", got[1]
                    if got[0] == "agency" and (
                        _foreign_word_body(got[1]) or _foreign_body(got[1], got)
                    ):
                        # "the ministry" after "The Federal Ministry of Education and
                        # Research", "the Commission" after "the European Commission"
                        return "foreign", got[1]
                    return got
    return None


def _common_word(text: str, name: str) -> bool:
    """True when a capitalised word opening a sentence is a common word the text writes in
    lower case elsewhere ("Technology imports recovered": "technology"), no name."""
    if " " in name:
        return False
    memo = _text_memo(text)
    key = ("common", name)
    if key not in memo:
        low = name.lower()
        memo[key] = low in text and re.search(rf"\b{re.escape(low)}\b", text) is not None
    return memo[key]


_AND_NAME = re.compile(r"\s+and\s+(?=(?:the\s+|The\s+)?[A-Z])")


# (the text :func:`_text_memo` answers for, its answers): one tuple, replaced whole
_SUBJECT_MEMO: tuple = (None, {})


def _text_memo(text: str) -> dict:
    """A memo of answers about ``text`` (the last text asked about only)."""
    global _SUBJECT_MEMO
    state = _SUBJECT_MEMO
    if state[0] is not text:
        state = _SUBJECT_MEMO = (text, {})
    return state[1]


# the words a full name runs on with after its short name ("Zhangjiang" + " Hi-Tech Park")
_LONG_TAIL = re.compile(rf"(?:{_SP}(?:(?:of|for|and|on|the|in){_SP})*{_CAP})+")


def _long_name(text: str, name: str, at: int, lex: _Actors) -> tuple[str, str] | None:
    """(scope, actor) of a full name before ``at`` that a short name opens ("Zhangjiang" →
    "Zhangjiang Hi-Tech Park"), when that names a part or another country: the shortest
    within _LONG_BACK ("Tsinghua University", not "Tsinghua Alumni Association": a short
    name leaves out the head word only)."""
    if len(name) < 3:
        return None
    memo = _text_memo(text)
    key = ("long", name)
    if key not in memo:
        found = []
        at_name = text.find(name)
        while at_name >= 0:  # (each place the short name stands: few, found by str.find)
            start = at_name
            # (the name's words after the short name, read by one pattern compiled once, not
            # one per name: compiling was a tenth of the extraction's time)
            m = _LONG_TAIL.match(text, at_name + len(name))
            at_name = text.find(name, at_name + 1)
            if m is None:
                continue
            if start and (text[start - 1].isalnum() or text[start - 1] in "&-"):
                continue  # (inside a longer word or name)
            if _INSIDE_NAME.search(text, max(0, start - 30), start):
                continue  # "(State Science and) Technology Commission": inside another name
            got = _kind_of(text[start : m.end()], lex)
            if got is not None and got[0] != "national":
                found.append((start, got))
        memo[key] = found
    best = None
    for start, got in memo[key]:
        if at - _LONG_BACK <= start < at and (best is None or len(got[1]) <= len(best[1])):
            best = got
    return best


def _voiced(kind: str, actor: str, default, lex: _Actors) -> tuple[str, str]:
    """An agency named on a page another country speaks for, with nothing of China in its
    name ("The Council for Higher Education offers 100 scholarships" on Israel's
    embassy's page): that country's. Any other actor as it is."""
    if kind != "agency" or default is None or default[0] != "foreign":
        return kind, actor
    if actor in lex.references or lex.kinds.get(actor) == "agency":
        return kind, actor  # "the ministry" (resolved later), "CAS"
    pub = _publisher_lexicon()
    if pub.chinese.search(actor) or pub.national.search(actor) or _CHINA_WORD.search(actor):
        return kind, actor
    return "foreign", actor


_COMPOUND = re.compile(r"(?:\s*\([^()\n]{1,16}\))?\s+and\s+")  # (through "(CIHR)")
# a line break inside a sentence: a wrapped line, ending in a lower-case word or a comma,
# going on in lower case (or any word after a long line: no heading's)
_WRAPPED = re.compile(r"[a-z,;][ \t]*\n[ \t]*[a-z(]")
_WRAPPED_LONG = re.compile(r"[a-z,;][ \t]*\n[ \t]*[\w(]")
_LONG_LINE = 50  # a line at least this long, hard-wrapped prose


def _sentence_start_before(text: str, lo: int, end: int) -> int:
    """Where the sentence ending at ``text[:end]`` opens (no further back than ``lo``): after
    the last ". " or line break that is no wrap of a line."""
    start = text.rfind(". ", lo, end)
    nl = end
    while True:
        nl = text.rfind("\n", max(lo, start + 1), nl)
        if nl < 0:
            break
        j = nl - 1
        while j > lo and text[j] in " \t":
            j -= 1
        line = text.rfind("\n", 0, j) + 1
        if not (
            _WRAPPED.match(text, j) or (j - line >= _LONG_LINE and _WRAPPED_LONG.match(text, j))
        ):
            start = max(start, nl)
            break
    return lo if start < 0 else start + 1


_PRONOUN_WORD = re.compile(r"\b(?:[Ii]ts?|[Tt]hey|[Tt]heir)\b")  # (a fast test before the reading)
# a word of a reported clause that stands for its source ("... of its members", "settled
# there"; not "there are")
_BACK_REFERENCE = re.compile(
    r"\b(?:its|their|there(?!\s+(?:is|are|was|were|have|has|had|will|would)\b))\b"
)


# "under the <name>" (not "under its <name>": the subject's own programme speaks for it)
_UNDER_THE = re.compile(r"[Uu]nder\s+the\s")
_UNDER_WHICH = re.compile(r",\s*under\s+which\b")
_STOP_BETWEEN = re.compile(r"[.;!?]\s")


def _body_subject(text: str, clause, num_start: int, programme: str, lex: _Actors, default=None):
    """(scope, actor) of a body, place or other country named as the subject of the clause
    before the figure (after its fronted phrases), when it is not the programme
    ``programme`` itself nor the source of an attribution; None for any other subject
    (China, a pronoun, none)."""
    subject = _clause_subject(text, clause, lex, default)
    if subject.what not in ("agency", "local", "foreign") or subject.start >= num_start:
        return None
    if _AND_NAME.match(text, subject.end) or _AND_NAME.search(text, subject.start, subject.end):
        # "the French Ministry of Foreign Affairs and the China Scholarship Council fund ...":
        # two sides acting together, the programme's
        return None
    if programme.lower() in _BARE_PROGRAMME:
        # "the CSC plans to select 5,000 ... under the programme": the programme the page
        # speaks of, told by its kind's word alone
        return None
    if subject.actor == programme or lex.attribution.match(
        text, subject.end, min(clause[1], subject.end + 20)
    ):
        return None
    return subject.what, subject.actor


def _pronoun_part(text: str, clause, num_start: int, lex: _Actors, default=None):
    """(scope, actor) of the part (an agency or a place) a clause's pronoun subject stands
    for ("Under the national 111 Project, it also runs 11 bases": the university named
    before); None for any other subject."""
    subject = _subject_at(text, clause[0], num_start, lex, default)
    if subject.what not in ("singular", "plural"):
        return None
    got = _antecedent(text, clause[0], subject, lex, default)
    if got is not None and got[0] in ("agency", "local"):
        return got
    return None


def _antecedent(text: str, clause_start: int, subject: _Subject, lex: _Actors, default=None):
    """(scope, actor) a pronoun subject stands for: the subject of a fronted clause before it
    ("Since the DAAD opened its office in 1994, it has awarded ..."), else the subject of
    the sentence before (:func:`_previous_subject`); None when it names none."""
    for fs, fe in reversed(subject.fronted):
        q = _subject_lexicon().subordinate.match(text, fs, fe).end()
        got = _name_at(text, q + (len(text[q:fe]) - len(text[q:fe].lstrip())), fe, lex, default)
        if got is not None:
            return (got[0], "") if got[0] == "national" else got[:2]
    return _previous_subject(
        text, clause_start, lex, singular=subject.what == "singular", default=default
    )


def _previous_subject(
    text: str, at: int, lex: _Actors, singular: bool = False, default=None
) -> tuple[str, str] | None:
    """(scope, actor) of the subject of the sentence before ``text[at:]``: the name that
    opens it after its fronted phrases (:func:`_subject_at`), else its first actor that
    follows no preposition and is no source of an attribution; None when it names none or
    is China's. A singular pronoun (``singular``) cannot stand for two bodies ("X and Y run
    a joint R&D program. Since 2011 it has funded ..."): it stands for the noun phrase
    with a programme's head word after their verb. Reads at most _SENTENCE_BACK
    characters back."""
    lo = max(0, at - _SENTENCE_BACK)
    end = at
    while end > lo and not text[end - 1].isalnum():
        end -= 1  # the sentence before ends before the stop and blanks
    start = _sentence_start_before(text, lo, end)
    while start < end and text[start].isspace():
        start += 1
    if not singular:
        places = _THERE_ARE_PLACES.match(text, start, end)
        if places is not None:
            # "Nationwide there are 53 state-level high-tech zones. Together they earned ...":
            # the places the sentence before counted, their own figure
            return "local", " ".join(places.group(1).split())
    subject = _subject_at(text, start, end, lex, default)
    if subject.what in ("singular", "plural"):
        subject = _Subject(None, "", subject.start, subject.end, ())
    if subject.what is not None:
        if singular and _COMPOUND.match(text, subject.end, end):
            for kind, pattern in _subject_lexicon().object_heads:
                m = pattern.search(text, subject.end, end)
                if m is not None:
                    return kind, " ".join(m.group(1).split())
        if subject.what == "national":
            return None
        return subject.what, subject.actor
    for a, b, actor, kind in mentions(text, start, end):
        if lex.not_subject.search(text, max(start, a - 20), a):
            continue
        if lex.attribution.match(text, b, min(end, b + 20)):
            continue
        if kind == "national":
            return None
        return kind, actor
    return None


# a sentence counting places that a plural pronoun after it stands for ("Nationwide there are
# 53 state-level high-tech industrial development zones.")
_THERE_ARE_PLACES = re.compile(
    r"(?:[A-Z][a-z]+,?\s+)?there\s+(?:are|were)\s+(?:(?:some|about|around|over|more\s+than)\s+)?"
    r"[\d,]+\s+((?:[\w-]+\s+){0,5}?(?:zones|parks|cities|provinces|universities))\b",
    re.I,
)


@functools.cache
def _partner_before() -> re.Pattern[str]:
    """The end of the words before "Chinese" that make it a partner or an attribute, not
    the owner ("projects with Chinese partners", "students with Chinese citizenship":
    ``actors.yaml`` ``partner_after``)."""
    words = load_lexicon("actors")["partner_after"]
    return re.compile(rf"\b(?:{_alt_words(words)})\s+(?:the\s+)?$", re.I)


# (not a rank of a place's own bases: "three new national international S&T cooperation
# bases were approved, raising the city's total to 11")
_NATIONWIDE = re.compile(
    r"\b(?:[Nn]ationwide|[Nn]ational(?:ly)?(?![-‐])(?!\s+international\b)|across\s+the\s+(?:country|nation)|"
    r"(?:whole|entire)\s+country|[Cc]hinese|[Tt]he\s+(?:country|nation))\b"
)


def _unowned(
    text: str,
    clause: tuple[int, int],
    default,
    upto: int,
    num_start: int | None = None,
    found=None,
) -> tuple[str, str]:
    """The scope of a figure whose clause names no owner: the document's subject, unless
    the clause up to the figure's noun (``upto``) speaks of the nation ("Nationwide there
    are 53 zones", "12 Chinese contractors"). A sentence that follows a body's survey or
    report ("The academy's survey shows that ... 40 staff. 12 teams ...") goes on with its
    findings: that body's."""
    reported = _reported_by_memo(text, clause[0])
    if reported is not None:
        return reported
    if _OUR.match(text, clause[0], clause[1]):
        # "Our universities run three institutes": the speaker's, whose body an earlier
        # "Our Israel Innovation Authority" named
        voice = _speaker(text, clause[0])
        if voice is not None:
            return voice
    if _FIRST_PERSON.search(text, clause[0], clause[1]):
        voice = _turn_speaker(text, clause[0])  # (a transcript's speaker: :func:`_scope_of`)
        if voice is not None:
            return voice
    for m in _NATIONWIDE.finditer(text, clause[0], min(clause[1], upto)):
        if m.group() == "Chinese" and _partner_before().search(
            text, max(clause[0], m.start() - 16), m.start()
        ):
            continue  # "projects with Chinese partners": China's side, not the owner
        return "national", ""
    if num_start is not None:
        place = _locative_subject(text, clause[0], num_start, found)
        if place is not None:
            return place
    # a clause set in a place it refers back to ("... were set up, bringing the number in
    # the province to 212"): that place's (resolved by kind, :func:`resolve_reference`)
    there = _place_reference().search(text, clause[0], clause[1])
    if there is not None:
        return "local", _clean_actor(there.group(1) or there.group(2))
    # a transcript's turn of a speaker the page introduced with another country's body: what
    # they report unowned is their body's ("KENJI SATO: Shinkai 6500 has made more than 1,400
    # dives since 1990")
    voice = _turn_speaker(text, clause[0] if num_start is None else num_start)
    if voice is not None:
        return voice
    if default is None:
        return "national", ""
    if (
        default[0] == "foreign"
        and num_start is not None
        and _BOTH_NATIONS.search(text, clause[0], num_start)
    ):
        # "Together the two countries have set up 45 joint research centres" on another
        # country's page: what the nation does with that partner, a line of the nation's
        # figure (the partner its actor)
        return "national", default[1]
    return default


# the two nations together as a clause's subject ("the two countries", "both governments")
_BOTH_NATIONS = re.compile(
    r"\b(?:[Tt]he\s+two|[Bb]oth)\s+(?:countries|governments|nations)\b|\b[Tt]he\s+governments\b"
)


@functools.cache
def _place_reference() -> re.Pattern[str]:
    """A locative before a reference to a place (``actors.yaml`` ``references`` ``local``:
    "in the province", "across the city")."""
    refs = load_lexicon("actors")["references"].get("local", [])
    words = _alt_words(r for r in refs if r[:1].islower())
    # (or its possessive: "registered with the city's returnee service centre")
    return re.compile(
        rf"\b(?:(?:in|across|throughout|within)\s+({words})\b|({words})['’]s\s+[a-z])"
    )


# a clause that opens with a place ("Across Zhejiang province, 74 bases ..."), or whose
# subject is placed ("In 2010, enterprises in Guangdong signed 528 contracts"): the lead
# before the place's name, from the clause start
_LOCATIVE_LEAD = re.compile(
    r"\W*(?:(?:In|By|During)\s+(?:[^,;]{1,30},|(?:19|20)\d\d\b)\s*)?"
    # ("in Shanghai," as a clause in capitals reads recased)
    r"(?:(?:[Ii]n|[Aa]cross|[Tt]hroughout)\s+|(?:[Tt]he\s+)?(?:[\w&-]+\s+){0,6}[a-z-]+s\s+"
    r"(?:in|at|across|within|from)\s+)"
    r"(?:the\s+)?"
    # "In the coastal province of Guangdong, 1,300 foreign experts ..."
    r"(?:(?:[a-z-]+\s+){0,3}?(?:province|city|municipality|region|county|district|prefecture)"
    r"\s+of\s+)?$"
)


def _locative_subject(text, start, num_start, found) -> tuple[str, str] | None:
    """(scope, actor) of the place (a part of China or another country) a clause opens
    with or its subject's noun is placed in, before the number; None when there is none."""
    if not found:
        return None
    for a, b, actor, kind in found:
        if a < start or b > num_start:
            continue
        if kind in ("local", "foreign") and _LOCATIVE_LEAD.fullmatch(text, start, a):
            return kind, actor
        break  # only the first name of the clause can be its place
    return None


_REPORT = re.compile(
    r"\b(?:survey|study|census|report|poll|statistics|data)\b[^.;]{0,60}?"
    r"\b(?:shows?|showed|finds?|found|indicates?|indicated|reveals?|revealed)\b",
    re.I,
)


_OUR = re.compile(r"\W*(?:[A-Z]:\s*)?[Oo]ur\s+[a-z]")
_OUR_NAME = re.compile(r"\b[Oo]ur\s+(?=[A-Z])")
_SPEAKER_BACK = 3000  # how far back a speaker's "Our <Name>" is looked for


def _speaker(text: str, at: int) -> tuple[str, str] | None:
    """(scope, actor) of the speaker behind "our" at ``text[at:]``: the body the last
    "our <Name>" before it named, when that is another country's or a part's; None
    when none is named or it is China's."""
    hits = list(_OUR_NAME.finditer(text, max(0, at - _SPEAKER_BACK), at))
    if not hits:
        return None
    p = hits[-1].end()
    for a, _b, actor, kind in mentions(text, p, min(at, p + 120)):
        if a != p or kind == "national":
            return None
        return kind, actor
    return None


_OUR_BEFORE = re.compile(r"\b[Oo]ur\s+$")  # ("our institutes": the speaker's own, no name)
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|I)\b")
# a transcript's turn: its speaker's name in capitals and a colon, at a line's start ("KAISA
# LEHTINEN:", "KELLER:"); the interviewer's labels name no one
_TURN = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3})[ \t]*:")
_NO_SPEAKER = frozenset(
    "Q A HOST MODERATOR INTERVIEWER REPORTER ANCHOR PRESENTER CHAIR CHAIRMAN NOTE".split()
)
_INTRO_END = re.compile(r";|\n[ \t]*\n|\.\s|\s+and\s+(?=[A-Z])")


def _turn_speaker(text: str, at: int) -> tuple[str, str] | None:
    """("foreign", body) of the speaker whose turn holds ``text[at:]``, when the page
    introduced them with another country's body ("Kaisa Lehtinen, research professor at the
    Finnish Meteorological Institute", "ANNE KELLER, Vice President, Max Planck Society");
    None for a turn of no named speaker or of one introduced otherwise."""
    turn = None
    for m in _TURN.finditer(text, max(0, at - _SPEAKER_BACK), at + 60):
        if m.start() > at:
            break
        turn = m
    if turn is None or text.find("\n\n", turn.end(), at) >= 0:
        return None  # (a turn runs to its paragraph's end)
    memo = _text_memo(text)
    key = ("speaker", turn.start())
    if key not in memo:
        memo[key] = _introduced_body(text, turn)
    return memo[key]


def _introduced_body(text: str, turn: re.Match[str]) -> tuple[str, str] | None:
    """("foreign", body) the page introduced the speaker of ``turn`` with, or None."""
    words = turn.group(1).split()
    if words[0] in _NO_SPEAKER:
        return None
    name = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b(?!\s*:)", re.I)
    intro = name.search(text, 0, turn.start())
    if intro is None:
        return None
    stop = _INTRO_END.search(text, intro.end(), intro.end() + 160)
    end = stop.start() if stop else min(len(text), intro.end() + 160)
    for _a, _b, actor, kind in mentions(text, intro.end(), end):
        return ("foreign", actor) if kind == "foreign" else None
    return None


# (the text :func:`_reported_by_memo` answers for, its lexicon, its answers by position):
# one tuple, replaced whole, so that threads reading other texts never share answers
_REPORTED: tuple = (None, None, {})


def forget() -> None:
    """Let go of the last text :func:`_reported_by_memo` answered for."""
    global _REPORTED
    _REPORTED = (None, None, {})


def _reported_by_memo(text: str, at: int) -> tuple[str, str] | None:
    """:func:`_reported_by`, remembered for the last text read (the figures of one clause
    ask about the same sentence before it)."""
    global _REPORTED
    lex = actor_lexicon()
    state = _REPORTED
    if state[0] is not text or state[1] is not lex:
        state = _REPORTED = (text, lex, {})
    memo = state[2]
    try:
        return memo[at]
    except KeyError:
        got = memo[at] = _reported_by(text, at)
        return got


def _reported_by(text: str, at: int) -> tuple[str, str] | None:
    """(scope, actor) of the body whose survey or report the sentence just before
    ``text[at:]`` gives ("CAS survey of 90 institutes shows that ..."); None when that
    sentence reports no body's findings, or China's."""
    lo = max(0, at - _SENTENCE_BACK)
    end = at
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end <= lo or text[end - 1] not in ".!?":
        return None  # a clause inside its sentence, or the first sentence
    end -= 1
    start = max(text.rfind(". ", lo, end), text.rfind("\n", lo, end))
    start = lo if start < 0 else start + 1
    m = _REPORT.search(text, start, end)
    if m is None:
        return None
    for _a, _b, actor, kind in mentions(text, start, m.end()):
        if kind == "national":
            return None
        return kind, actor
    return None


_COUNTED_BEFORE = re.compile(r"\d\s+(?:[\w-]+\s+){0,2}[\w-]+$")
# a relative or appositive set off by commas after a name, up to the main clause's verb (a
# lower-case word that is no connective): ", which meets once a year, has approved";
# ", the government agency that administers ..., sent"
_PARENTHETICAL = re.compile(
    r"[A-Za-z)]\s*(,\s*(?:which|who|whose|the|a|an)\s[^,;:()\d]{3,160}?,"
    # or a participle aside telling who runs or funds it ("the Sino-Danish Center, run by
    # the Danish universities and CAS, has graduated"; ", run by X, the Y, and by Z, has")
    r"|,\s*(?:(?:jointly\s+|co-)?(?:run|led|managed|operated|funded|financed|sponsored|"
    r"backed|administered)|set\s+up|founded|established|created)\s+(?:by|with|in|at|under)\s"
    r"[^;:()]{3,200}?,)\s*"
    r"(?!(?:and|or|but|while|whereas|with|in|on|at|by|for|from|to|of|as|including|such|"
    r"which|who|the|a|an)\b)(?=[a-z]{2,}\b)"
)


def _closed_parenthetical(text: str, start: int, num_start: int) -> tuple[int, int] | None:
    """The bounds of the last parenthetical before ``num_start`` in its clause that closes
    before it (:data:`_PARENTHETICAL`), or None."""
    if text.find(",", start, num_start) < 0:
        return None
    last = None
    for m in _PARENTHETICAL.finditer(text, start, num_start):
        last = m
    if last is None or _STOP_NOT_THOUSANDS.search(text, last.end(), num_start):
        return None
    return last.start(1), last.end(1)


_STOP_NOT_THOUSANDS = re.compile(r"[;:()]|,(?!\d)")  # (not "1,100 students and 150 ...")


_RELATIVE = re.compile(r",\s*(?:(?P<under>under)\s+)?(?:which|whose|where)\b")
_CHINESE = re.compile(r"\s+(?:young\s+)?(?:Chinese|PRC)\s+\w+")
# people of China named by where they come from ("students from the People's Republic of China")
_FROM_CHINA = re.compile(
    r"\s+(?:[a-z]+\s+){1,3}?from\s+(?:the\s+)?(?:(?:mainland\s+)?China|PRC|"
    r"People['’]s\s+Republic\s+of\s+China)\b"
)
_IN_TO = re.compile(r"\b(?:in|to|at)\s+(?:the\s+)?$")
# a figure's people of another country ("some 11,000 Soviet experts"): a demonym, then a noun
# of people
_PEOPLE_OF = re.compile(
    r"\s+(?:[a-z]+\s+)?[A-Z][\w-]+\s+(?:[a-z]+\s+)?(?:experts?|scientists?|researchers?|"
    r"scholars?|specialists?|engineers?|teachers?|technicians?|professors?|academics?|"
    r"advisers?|advisors?)\b"
)
_AND_CHINESE = re.compile(r"\s+and\s+Chinese\b", re.I)
_IN_CHINA = re.compile(r"\b(?:in|to|at|into)\s+(?:the\s+)?(?:China|PRC|People's\s+Republic)\b")
# ", and China now has ...", ", and the Suzhou Industrial Park ... received": a new clause's
# subject
# (an "and" after a comma, or opening the sentence: "And Kenya has about 600 students in
# China", opens a clause whose subject the name is)
_AND_CLAUSE = re.compile(r",\s*and\s+(?:the\s+)?$")
_AND_OPENS = re.compile(r"\W{0,3}And\s+(?:the\s+)?")
# a coordinate clause opened by "and" without a comma, after a common word ("China set up 50
# bases and the Torch Program supported 700 projects"): the name a new subject when a finite
# verb follows it (not "between China and Japan", "with Japan and Korea")
_AND_AFTER_WORD = re.compile(r"\b(?-i:[a-z0-9][\w,.-]*)\s+and\s+(?:the\s+|its\s+)?$")
_FINITE_AFTER = re.compile(
    r"\s+(?:(?:also|alone|itself|now|then|in\s+turn)\s+)?(?:(?:has|have|had|will|would)\s+"
    r"(?:also\s+)?)?(?-i:[a-z]{2,}ed|funds|supports|runs|hosts|sends|sent|spent|set|built|"
    r"gave|took|made|brought|won|signed|spends|invests|will|has|had)\b"
)


def _national_subject(text, num_start, clause, found, lex) -> bool:
    """True when the nearest subject before the number in its clause is China."""
    for a, b, _actor, kind in reversed(found):
        if b > num_start or a < clause[0]:
            continue
        if lex.not_subject.search(text, max(clause[0], a - 20), a):
            continue
        return kind == "national"
    return False


_UNDER_FULL_NAME = re.compile(
    r"\b(?:[Uu]nder|[Tt]hrough|[Dd]uring)\s+(?:the\s+|its\s+)?[A-Z](?:[\w'’&-]+\s+){1,12}\($"
)
_UNDER = re.compile(
    r"\b(?:[Uu]nder|[Dd]uring|[Ii]n|[Ss]ince|[Tt]hrough)\s+(?:the\s+|its\s+|this\s+)?$"
)


class ReferenceIndex:
    """The names of a text (:func:`mentions` of the whole of it) by kind and position, for
    :func:`resolve_reference`: built once per document, each look-up a bisection."""

    def __init__(self, names: list[tuple[int, int, str, str]]):
        refs = actor_lexicon().references
        self.by_kind: dict[str, tuple[list[int], list[str]]] = {}
        for a, _b, name, kind in names:
            if name not in refs:
                starts, found = self.by_kind.setdefault(kind, ([], []))
                starts.append(a)
                found.append(name)

    def last(self, at: int, kind: str, head: str = "") -> tuple[str, str] | None:
        """The last name of ``kind`` starting before ``at``, with its kind, or None; or,
        when a name of another country's that holds ``head`` ("Ministry" for "the
        ministry") stands after it, that name, kind ``foreign`` ("The Philippine
        Department of Agriculture ... The department said")."""
        starts, found = self.by_kind.get(kind, ((), ()))
        j = bisect.bisect_left(starts, at) - 1
        got = (found[j], kind) if j >= 0 else None
        if head and kind != "foreign":
            f_starts, f_found = self.by_kind.get("foreign", ((), ()))
            k = bisect.bisect_left(f_starts, at) - 1
            while k >= 0 and (j < 0 or f_starts[k] > starts[j]):
                if head in f_found[k].split():
                    return f_found[k], "foreign"
                k -= 1
        if head and kind == "agency":
            # ... or a joint body named after it whose name holds that word ("The
            # Sino-Czechoslovak commission ... The commission resumed work"): the programme
            p_starts, p_found = self.by_kind.get("programme", ((), ()))
            k = bisect.bisect_left(p_starts, at) - 1
            low = head.lower()
            while k >= 0 and (j < 0 or p_starts[k] > starts[j]):
                if low in p_found[k].lower().split():
                    return p_found[k], "programme"
                k -= 1
        return got


def resolve_reference(text: str, at: int, actor: str, kind: str, names=None) -> tuple[str, str]:
    """The (kind, actor) a reference ("the ministry", "our institutes") at ``text[at:]``
    stands for: the last name of the same kind before it (``names``: :func:`mentions` of the
    whole text, or their :class:`ReferenceIndex`, if known), or another country's body named
    after that whose name holds the reference's head word (:meth:`ReferenceIndex.last`);
    the reference itself when there is none."""
    lex = actor_lexicon()
    if actor not in lex.references:
        return kind, actor
    if names is None:
        names = mentions(text, 0, at)
    if not isinstance(names, ReferenceIndex):
        names = ReferenceIndex(names)
    words = actor.split()
    # (the reference's head word, also when a sentence's "The" was cut from it: "commission")
    head = words[-1].capitalize() if words[0].lower() == "the" or actor.islower() else ""
    found = names.last(at, kind, head)
    return (kind, actor) if found is None else (found[1], found[0])
