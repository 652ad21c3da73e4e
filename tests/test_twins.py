"""Each section's HTML template and its Typst twin say the same words from the same data.

The section data come from the brief's own functions (``report.load`` + ``report.data``) for
three periods of the seeds (the whole span, one era, a period no document speaks of) and for a
small corpus written here (a hostile page among them), plus variants of that data that flip the
templates' conditions, plus hand-made data for "what changed" (it needs an earlier edition).
Both templates are rendered from the same dict and reduced to their visible words: HTML by
stripping tags and unescaping; Typst by a small reader of the markup the twins use (below).
No brief is built and no figure is drawn: this takes seconds.
"""

from __future__ import annotations

import copy
import difflib
import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from analysis.config import ROOT
from analysis.report import display

# ------------------------------------------------------------------ visible words
#: A word: letters and digits, with the joiners that stay inside one ("S&T", "China's",
#: "1,000", "15.92"). Punctuation between words is not compared (HTML's <q> against Typst's
#: quotation marks, a table cell's edge against a comma).
WORD = re.compile(r"\w[\w&'’]*(?:[.,]\w[\w&'’]*)*")
#: Markup-only words: none today. A word one form prints only because of its markup (none
#: yet) would be listed here, with the reason.
MARKUP_ONLY: frozenset[str] = frozenset()


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if w not in MARKUP_ONLY]


def html_words(source: str) -> list[str]:
    """The words a browser shows: tags (and so attributes: alt text, hrefs) dropped, then
    entities unescaped."""
    return words(html.unescape(re.sub(r"<[^>]*>", " ", source)))


class TypstReader:
    """What a reader sees of the Typst the twins write, as plain text.

    Markup: ``\\x`` is the character x; ``*`` and ``_`` (emphasis), labels ``<name>`` and the
    line-start markers of headings (``=``), lists (``-``) and enumerations (``+``) are
    dropped. Code after ``#``: a call ``name(args)[body]...`` shows the content blocks among its
    arguments and bodies, in order (``#link(label("a"))[x]`` shows x, ``#table(columns: (..),
    table.header[A][B], [c], ...)`` shows A B c); strings and other values are not shown, with
    the exceptions that brief.typ prints: ``brief-cite(anchor, n)`` shows ``[n]``,
    ``brief-figure(path, number:, caption:, source:)`` shows ``Figure n. caption Source:
    source``; ``label`` and ``metadata`` show nothing. A ``;`` ending a call is dropped.
    """

    IDENT = re.compile(r"[A-Za-z_][\w.-]*")
    NAMED = re.compile(r"([A-Za-z_][\w-]*)\s*:")
    LABEL = re.compile(r"<[\w:.-]+>")
    LINE_MARKER = re.compile(r"[ \t]*(?:=+|-|\+)[ \t]+")
    TOKEN = re.compile(r"[^,()\[\]\"\s]+")

    def __init__(self, source: str) -> None:
        self.s, self.i = source, 0

    def text(self) -> str:
        return self.markup(closing=False)

    def _line_start(self) -> None:
        m = self.LINE_MARKER.match(self.s, self.i)
        if m:
            self.i = m.end()

    def markup(self, closing: bool) -> str:
        s, out, depth = self.s, [], 0
        if not closing:
            self._line_start()
        while self.i < len(s):
            c = s[self.i]
            if c == "\\" and self.i + 1 < len(s):
                out.append(s[self.i + 1])
                self.i += 2
            elif c == "]" and closing and depth == 0:
                self.i += 1
                return "".join(out)
            elif c == "#":
                self.i += 1
                out.append(self.call())
                if s.startswith(";", self.i):
                    self.i += 1
            elif c in "*_":
                self.i += 1
            elif c == "<" and self.LABEL.match(s, self.i):
                self.i = self.LABEL.match(s, self.i).end()
            elif c == "\n":
                out.append(c)
                self.i += 1
                self._line_start()
            else:
                depth += {"[": 1, "]": -1}.get(c, 0)
                out.append(c)
                self.i += 1
        if closing:
            raise ValueError(f"unclosed [ in Typst: {s[:200]!r}")
        return "".join(out)

    def call(self) -> str:
        """An expression at the cursor: a name, then any (args) and [body] right after it."""
        m = self.IDENT.match(self.s, self.i)
        name = m.group() if m else ""
        if m:
            self.i = m.end()
        args: list[tuple[str | None, str, str]] = []  # (name, kind, text)
        while self.i < len(self.s) and self.s[self.i] in "([":
            if self.s[self.i] == "(":
                self.args(args)
            else:
                self.i += 1
                args.append((None, "content", self.markup(closing=True)))
        return self.show(name, args)

    def args(self, args: list) -> None:
        s = self.s
        self.i += 1  # (
        while True:
            self.skip_space()
            if s[self.i] == ")":
                self.i += 1
                return
            key = None
            m = self.NAMED.match(s, self.i)
            if m:
                key, self.i = m.group(1), m.end()
                self.skip_space()
            kind, text = self.value()
            args.append((key, kind, text))
            self.skip_space()
            if s[self.i] == ",":
                self.i += 1

    def value(self) -> tuple[str, str]:
        s, c = self.s, self.s[self.i]
        if c == "[":
            self.i += 1
            return "content", self.markup(closing=True)
        if c == '"':
            m = re.compile(r'"((?:[^"\\]|\\.)*)"', re.DOTALL).match(s, self.i)
            self.i = m.end()
            return "str", re.sub(r"\\(.)", r"\1", m.group(1))
        if c == "(":
            depth = 0
            while True:
                if s[self.i] == '"':
                    self.value()
                    continue
                depth += {"(": 1, ")": -1}.get(s[self.i], 0)
                self.i += 1
                if depth == 0:
                    return "other", ""
        m = self.IDENT.match(s, self.i)
        if m and m.end() < len(s) and s[m.end()] in "([":
            return "content", self.call()
        self.i = self.TOKEN.match(s, self.i).end()
        return "other", ""

    def skip_space(self) -> None:
        while self.s[self.i].isspace():
            self.i += 1

    @staticmethod
    def show(name: str, args: list[tuple[str | None, str, str]]) -> str:
        named = {k: t for k, _kind, t in args if k}
        strings = [t for k, kind, t in args if k is None and kind == "str"]
        if name in ("label", "metadata"):
            return ""
        if name == "brief-cite":
            return f"[{strings[1]}]"
        if name == "brief-figure":
            number = f"Figure {named['number']}. " if named.get("number") else ""
            source = f" Source: {named['source']}" if named.get("source") else ""
            return f"{number}{named.get('caption', '')}{source}"
        return " ".join(t for _k, kind, t in args if kind == "content")


def typst_words(source: str) -> list[str]:
    return words(TypstReader(source).text())


def drift(name: str, data: dict, typst_source: str | None = None) -> str:
    """ "" when section ``name`` says the same words in both forms, else a diff of the words."""
    left = html_words(display.render(name, data, "html"))
    typ = typst_source if typst_source is not None else display.render(name, data, "typ")
    right = typst_words(typ)
    if left == right:
        return ""
    diff = difflib.unified_diff(left, right, "html", "typst", n=6, lineterm="")
    return "\n".join(diff)


# ------------------------------------------------------------------ the data
WRITTEN_DOC = """Partners <b>in</b> Innovation: A Decade of Joint Laboratories #1 [x]

Madrid, 21 October 2010. China has established S&T cooperative relations with 158 countries and regions, the ministry said.
In 2009, the country signed 7,200 technical import contracts worth US$ 21.5 billion, 1.4 times and 1.6 times those of 2005 respectively.
Since 2001, Chinese and European partners have opened 48 joint research centers *not bold*, and the ministry sent 115 S&T diplomats abroad.
Over 3,000 students from China have studied in Portugal since 1995 <script>x</script>, and some 1,200 of them came back.
On 12 March 2010, China and Spain opened a joint laboratory for renewable energy in Barcelona $x$ @ref.
"""


@pytest.fixture(scope="module")
def section_data(tmp_path_factory) -> dict[str, list[tuple[str, dict]]]:
    """Section name -> (where from, data) for each brief loaded here (figures not drawn)."""
    from analysis import figures, report

    written = tmp_path_factory.mktemp("twin-seeds")
    (written / "written.txt").write_text(WRITTEN_DOC, encoding="utf-8")
    periods = [
        (ROOT / "seeds", 1978, 2011),
        (ROOT / "seeds", 1978, 1990),
        (ROOT / "seeds", 1950, 1960),  # no document speaks of it
        (written, 1990, 2011),
    ]
    found: dict[str, list[tuple[str, dict]]] = {name: [] for name in report.SECTIONS}

    def save(fig, data, folder: Path, stem: str):  # no PNG: only the figure's data is needed
        import matplotlib.pyplot as plt

        plt.close(fig)
        return folder / f"{stem}.png", b""

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(figures, "save", save)
        for seeds, start, end in periods:
            b = report.load(seeds, start, end, "T", tmp_path_factory.mktemp("twin-out"))
            for name in report.SECTIONS:
                d = report.data(b, name)
                if d:
                    found[name].append((f"{seeds.name} {start}-{end}", d))
    return found


def _set(d: dict, path: str, value) -> dict:
    """A deep copy of ``d`` with ``path`` ("a.b.0.c") set to ``value`` (unchanged if absent)."""
    d = copy.deepcopy(d)
    *parents, last = path.split(".")
    here = d
    for key in parents:
        here = here[int(key)] if isinstance(here, list) else here.get(key)
        if not here:
            return d
    if isinstance(here, list):
        here[int(last)] = value
    else:
        here[last] = value
    return d


def variants(name: str, d: dict) -> Iterator[tuple[str, dict]]:
    """``d`` and copies of it that take the templates' other branches."""
    yield "as loaded", d
    flips = {
        "summary": [
            ("reach.first", None),
            ("reach.last.value", 1.0),
            ("reach.last.value", ((d.get("reach") or {}).get("first") or {}).get("value")),
            ("fastest", None),
            ("depth", None),
            ("n_figures", 0),
            ("n_figures", 1),
            ("n_classified", 0),
            ("n_docs", 1),
            ("n_docs", 0),
            ("doc_years", ""),
            ("n_events", 1),
            ("n_conflicts", 1),
            ("n_definitions", 1),
        ],
        "findings": [
            ("reach.first", None),
            ("agreements", None),
            ("trade.same_year", False),
            ("shift.down", None),
            ("conflicts", []),
            ("definitions", []),
        ],
        "methodology": [
            (key, value)
            for key in ("n_figures", "n_unclassified", "n_computed", "n_targets", "n_duplicates")
            for value in (0, 1)
        ]
        + [("skipped", [])],
        "trade": [("ratios.0.same_year", False)],
        "partners": [("more", 1), ("more", 0)],
        "annex_sources": [("n", 1)],
        "annex_facts": [("n_unclassified_marked", 0), ("n_sentences", 1)],
    }
    for path, value in flips.get(name, []):
        yield f"{path}={value!r}", _set(d, path, value)
    if name in ("summary", "findings", "institutions") and d.get("depth"):
        for i, x in enumerate(d["depth"]["depth"]):  # each kind first, share above and below 1/2
            for share in (0.2, 0.8):
                rest = [y for j, y in enumerate(d["depth"]["depth"]) if j != i]
                first = {**x, "share": share}
                yield f"depth {i} first, share {share}", _set(d, "depth.depth", [first, *rest])
    if name == "findings" and d.get("growth"):
        yield "growth reversed", _set(d, "growth", list(reversed(d["growth"])))
        yield "growth one", _set(d, "growth", d["growth"][:1])
        for basis in ("multiple", "change"):
            if any(g["basis"] != basis for g in d["growth"]):
                other = [g for g in d["growth"] if g["basis"] != basis]
                yield f"growth not {basis}", _set(d, "growth", other * 2)
    if name == "themes" and d.get("figure"):
        f = d["figure"]
        yield "themes all shown", _set(d, "figure.total", len(f["rows"]))
        yield "themes more", _set(d, "figure.total", len(f["rows"]) + 3)
        yield "one blank era", _set(d, "figure.blank", ["X"])
        yield "two blank eras", _set(d, "figure.blank", ["X", "Y"])
        yield "no shift", _set(d, "shift", None)
    if name == "phases":
        for i, e in enumerate(d["eras"]):
            yield (
                f"era {i} bare",
                _set(d, f"eras.{i}", {**e, "events": [], "themes": [], "words": 0, "riser": None}),
            )
            if e.get("riser"):
                riser = {**e["riser"], "before": None}
                yield f"era {i} riser first", _set(d, f"eras.{i}.riser", riser)
        if d.get("timeline"):
            yield "one event", _set(d, "timeline.total", 1)
    if name == "disagreements" and d.get("definitions"):
        x = d["definitions"][0]
        for g in x["groups"]:
            since = {**g, "since": "1990", "scope": "provincial", "actor": ""}
            yield "group since", _set(d, "definitions.0.groups", [since, g])


def _fig(label: str, text: str, cite: bool, anchor: str | None = "doc-a") -> dict:
    return {
        "label": label,
        "text": text,
        "when": "2009",
        "quote": text,
        "sentence": f"In 2009 <b>there</b> were {text} & more #x.",
        "source": {"name": 'Doc "A" [1]', "anchor": anchor},
        "cite": {"n": 3, "anchor": "b-3", "fact": "f", "value": 1.0} if cite else None,
    }


CHANGES = {
    "first": False,
    "date": "2 January 2026",
    "changed": True,
    "counts": {},
    "documents": {
        "added": [{"source": {"name": "New <doc>", "anchor": "doc-n"}, "published": "2010"}],
        "removed": [{"title": "Old *doc*"}, {"title": "Older doc"}],
        "edited": [{"source": {"name": "Ed doc", "anchor": None}, "old_title": "Was $this$"}],
    },
    "inputs": ["corrections.yaml", "catalog.yaml"],
    "changed_figures": [
        {"old": _fig("Joint centres", "31", False, None), "new": _fig("Joint centres", "48", True)}
    ],
    "redefined": [
        {
            "old": _fig("S&T offices", "46", False),
            "new": _fig("S&T offices", "46", True),
            "fields": [
                {"field": "measure", "old": "level", "new": "annual"},
                {"field": "actor", "old": "", "new": "MOST"},
                {"field": "year", "old": "2008", "new": "2009"},
            ],
        }
    ],
    "new_figures": [_fig("Partner countries", "158", True)],
    "gone_figures": [_fig("Experts", "1,200", False, None)],
    "more_new": 2,
    "more_gone": 1,
    "unchanged": 40,
    "opened": [{"label": "Returnees", "a": _fig("R", "1", True), "b": _fig("R", "2", True)}],
    "resolved": [{"label": "Agreements", "a": _fig("A", "3", False), "b": _fig("A", "4", False)}],
    "phases": ["Opening, 1978–1990"],
    "findings": ["growth", "reach", "depth"],
}


def changes_variants() -> Iterator[tuple[str, dict]]:
    yield "first edition", {"first": True, "date": "", "changed": False, "counts": {}}
    yield "nothing changed", {**CHANGES, "changed": False}
    yield "everything changed", CHANGES
    yield (
        "one of each",
        {
            **CHANGES,
            "documents": {k: v[:1] for k, v in CHANGES["documents"].items()},
            "more_new": 1,
            "more_gone": 0,
            "unchanged": 1,
            "findings": ["trade"],
        },
    )
    empty = {k: [] for k in ("changed_figures", "redefined", "new_figures", "gone_figures")}
    yield (
        "only notes",
        {
            **CHANGES,
            **empty,
            "documents": {"added": [], "removed": [], "edited": []},
            "inputs": [],
            "opened": [],
            "resolved": [],
            "phases": [],
            "findings": [],
            "unchanged": 0,
        },
    )


# ------------------------------------------------------------------ the tests
def test_reader_shows_what_typst_prints() -> None:
    source = (
        '=== Plan \\#1\n\n- A *b* _c_ \\(d\\) #link(label("x"))[Doc \\[2\\]]; '
        '#brief-cite("b-3", "3");. <lab>\n+ #[*Item.* e]\n#table(columns: (1fr, auto), '
        "table.header[H1][H2], [v1], [#brief-mark([m], classified: true, what: [w, 2009]);])\n"
        '#brief-figure("f.png", number: "2", alt: "not shown", caption: [Cap], source: [S.],)\n'
        '#metadata(none)#label("r")R1 #brief-note[Note]'
    )
    assert (
        TypstReader(source).text().split()
        == (
            "Plan #1 A b c (d) Doc [2] [3]. Item. e H1 H2 v1 m w, 2009 "
            "Figure 2. Cap Source: S. R1 Note"
        ).split()
    )
    assert html_words('<p>S&amp;T <a href="#x" title="no">[3]</a> 1,000</p>') == [
        "S&T",
        "3",
        "1,000",
    ]


def test_every_section_has_data(section_data) -> None:
    missing = [n for n, found in section_data.items() if not found and n != "changes"]
    assert missing == []


@pytest.mark.parametrize("name", list(display.SECTIONS_DIR.glob("*.html.j2")), ids=lambda p: p.name)
def test_every_template_has_a_twin(name: Path) -> None:
    assert name.with_name(name.name.replace(".html.j2", ".typ.j2")).exists()


def test_twins_say_the_same_words(section_data) -> None:
    failures = []
    count = 0
    for name, found in section_data.items():
        cases = list(changes_variants()) if name == "changes" else []
        for where, d in found:
            cases += [(f"{where}, {label}", v) for label, v in variants(name, d)]
        for label, d in cases:
            count += 1
            diff = drift(name, d)
            if diff:
                failures.append(f"--- {name} ({label}):\n{diff}")
    assert count > 100
    assert not failures, "\n\n".join(failures[:6]) + f"\n\n{len(failures)} cases drift"


def test_drift_is_detected(section_data) -> None:
    """The check fails on a Typst twin that says other words than its HTML template."""
    where, d = section_data["summary"][0]
    env = display.env()
    source = (display.SECTIONS_DIR / "summary.typ.j2").read_text(encoding="utf-8")
    assert drift("summary", d, env.from_string(source).render(d=d)) == ""
    for old, new in [
        ("the count of", "the count of at"),  # a word too many
        ("lowerfirst | typst }} went", "lower | typst }} went"),  # "s&t" for "S&T"
        ("kept widening.", "kept widening"),  # punctuation only: not a word, not a drift
    ]:
        assert old in source, old
        data = _set(d, "reach.first.label", "S&T partner countries")
        found = drift("summary", data, env.from_string(source.replace(old, new)).render(d=data))
        if new.endswith("widening"):
            assert found == "", (where, found)
        else:
            assert found, (where, old, new)
