"""Tests that read the typeset PDF: page numbers, running title, blank space, headings that end a
page, escaped document text, a byte-identical rebuild. A synthetic brief (an executed notebook
written here, no kernel) checks the page template; the brief built from the seeds plus a hostile
document checks the real thing."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import struct
import subprocess
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from analysis import render
from analysis import typst as brief_typst
from analysis.config import ROOT, TEMPLATE_DIR
from analysis.report import display

MIME = brief_typst.MIME
TITLE = "China's S&T Diplomacy #1 $x$ <b>, 1978–2011"
PERIOD = "1978–2011"
EDITION = dt.date(2026, 1, 2)
# Every character that means something in Typst markup or code, as a document may hold them.
HOSTILE = (
    r"Hostile #set text(red) $x^2$ *bold* _em_ `raw` @ref <lbl> [a] \ // c /* d */ ~ -- ... = + 1."
)


# ------------------------------------------------------------------ reading a PDF
def _margins_cm() -> tuple[float, float]:
    """Top and bottom page margins of the template (the body is between them)."""
    source = (TEMPLATE_DIR / "typst" / "brief.typ").read_text(encoding="utf-8")
    top = re.search(r"top: ([\d.]+)cm", source)
    bottom = re.search(r"bottom: ([\d.]+)cm", source)
    return float(top.group(1)), float(bottom.group(1))


def blank_fractions(pdf: Path, tmp: Path, dpi: int = 50) -> list[float]:
    """Per page, the share of the body (between the margins) that is blank.

    Pages are rendered to grey images (``pdftoppm -gray``); a row is white when no pixel is
    darker than 245. Blank are the white rows in runs taller than 1 cm: the gaps between
    lines, paragraphs and a heading's space above it are shorter, an empty half page or a
    hole left by a figure is not.
    """
    import numpy as np

    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is needed to look at the pages: apt-get install poppler-utils")
    prefix = tmp / "page"
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(pdf), str(prefix)], check=True)
    top_cm, bottom_cm = _margins_cm()
    fractions = []
    for path in sorted(tmp.glob("page-*.pgm"), key=lambda p: int(p.stem.split("-")[-1])):
        raw = path.read_bytes()
        magic, width, height, _maxval, pixels = re.match(
            rb"(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", raw, re.DOTALL
        ).groups()
        image = np.frombuffer(pixels, dtype=np.uint8).reshape(int(height), int(width))
        top = round(top_cm / 2.54 * dpi)
        bottom = int(height) - round(bottom_cm / 2.54 * dpi)
        white = (image[top:bottom] > 245).all(axis=1)
        threshold = round(1.0 / 2.54 * dpi)
        blank, run = 0, 0
        for is_white in list(white) + [False]:
            if is_white:
                run += 1
                continue
            if run >= threshold:
                blank += run
            run = 0
        fractions.append(blank / len(white))
    return fractions


@dataclass
class Line:
    y: float
    text: str


@dataclass
class Reading:
    """What the tests read from a PDF: text per page, lines with their height, headings."""

    pages: list[str]
    lines: list[list[Line]]
    headings: list[tuple[str, int]]  # (title, page index)
    metadata: dict = field(default_factory=dict)


def read_pdf(pdf: Path) -> Reading:
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    pages, lines = [], []
    for page in reader.pages:
        found: list[Line] = []

        def visit(text, cm, tm, _font, _size, found=found):
            if text.strip():
                found.append(Line(round(cm[5] + tm[5] * cm[3], 1), text.strip()))

        pages.append(page.extract_text(visitor_text=visit))
        lines.append(found)
    headings = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                headings.append((item.title, reader.get_destination_page_number(item)))

    walk(reader.outline)
    return Reading(pages, lines, headings, dict(reader.metadata or {}))


def headings_ending_a_page(reading: Reading) -> list[str]:
    """Headings with no body text below them on their page (above the footer)."""
    _top, bottom_cm = _margins_cm()
    footer = bottom_cm / 2.54 * 72
    alone = []
    for title, index in reading.headings:
        lines = reading.lines[index]
        at = [ln.y for ln in lines if ln.text and title.startswith(ln.text[:20])]
        if not at:
            continue
        below = [ln for ln in lines if footer < ln.y < min(at) - 1]
        if not below:
            alone.append(f"{title!r} on page {index + 1}")
    return alone


# ------------------------------------------------------------------ a synthetic brief
def _png(width: int, height: int) -> bytes:
    """A grey-framed chart-like PNG (no matplotlib: the tests stay quick)."""
    rows = []
    for y in range(height):
        row = bytearray(b"\xff" * width)
        if y in (0, height - 1) or y % 40 == 0:
            row[:] = b"\x60" * width
        row[0] = row[-1] = 0x60
        rows.append(b"\x00" + bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )


SECTION = """{% import "_macros.typ.j2" as m %}
{{ d.intro | typst }} {{ m.fact(d.fact) }}; and more{{ m.cite(d.fact.cite) }}(sic).
{% call m.figure(d.figure, d.alt) %}Caption of {{ d.name | typst }}: {{ d.hostile | typst }}{% endcall %}

{% for p in d.paragraphs %}{{ p | typst }}

{% endfor %}
{% if d.table %}{{ m.facts_table(d.table) }}{% endif %}
"""
ANNEX = """{% for i in range(6) %}Source {{ i }} is a document. #label({{ ("a-" ~ i) | typst_str }})

{% endfor %}
{% for e in d.entries %}
#brief-entry[*\\[{{ e.n }}\\]* {{ e.name | typst }}

#brief-quote[{{ e.sentence | typst }}]
] #label({{ e.anchor | typst_str }})
{% endfor %}
"""
WORDS = (
    "China's cooperation in science and technology widened over the period as agreements "
    "multiplied and exchanges of personnel grew in number and in kind. "
)


def _fact(i: int) -> dict:
    return {
        "text": f"{i * 7:,}",
        "when": str(1978 + i % 30),
        "computed": i % 5 == 0,
        "label": "Joint projects",
        "actor": "Ministry <of> Science #" if i % 3 == 0 else "",
        "counted": "projects_[x]" if i % 4 == 0 else "",
        "cite": {"n": i % 40 + 1, "anchor": f"b-{i % 40 + 1}", "fact": f"f{i}", "value": 7.0 * i},
        "source": {"name": f"Source {i % 6} *x*", "anchor": f"a-{i % 6}"},
    }


def synthetic_notebook(root: Path):
    """An executed notebook shaped like the brief: markdown headings before sections whose
    outputs carry a Typst form, floated figures, a long table, an annex of many entries."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    (root / "figures").mkdir(parents=True, exist_ok=True)
    env = display.env()
    section, annex = env.from_string(SECTION), env.from_string(ANNEX)
    cells = [
        new_markdown_cell("# Notes for the analyst\n\nNOTES_MARKER", metadata={"tags": ["notes"]}),
        new_code_cell("parameters", metadata={"tags": ["parameters"]}),
    ]
    for i in range(9):
        name = f"{i + 1:02d}-chart"
        (root / "figures" / f"{name}.png").write_bytes(_png(640, 300 + 40 * (i % 4)))
        data = {
            "intro": f"Section {i} opens: {HOSTILE}",
            "fact": _fact(i),
            "name": name,
            "hostile": HOSTILE,
            "alt": f"Chart {i}",
            "figure": {"number": i + 1, "stem": name, "sources": [f"Source {i} [x]"]},
            "paragraphs": [WORDS * (3 + (i * 5) % 9)] * (1 + i % 3),
            "table": {"rows": [_fact(i * 10 + j) for j in range(60 if i == 4 else 4)], "more": i},
        }
        code = new_code_cell("section", execution_count=i + 2)
        code.outputs = [
            new_output(
                "display_data",
                data={"text/html": "<p>html</p>", MIME: section.render(d=data)},
            )
        ]
        cells += [new_markdown_cell(f"## Section {i} *{i}*\n\nIntro of section {i}."), code]
    empty = new_code_cell("nothing", execution_count=20)
    cells += [new_markdown_cell("## LEFT_OUT_MARKER\n\nNot shown: no output follows."), empty]
    entries = [
        {"n": n, "anchor": f"b-{n}", "name": f"Document {n}", "sentence": f"{HOSTILE} {WORDS * 2}"}
        for n in range(1, 41)
    ]
    code = new_code_cell("annex", execution_count=21)
    code.outputs = [
        new_output(
            "display_data", data={"text/html": "x", MIME: annex.render(d={"entries": entries})}
        )
    ]
    cells += [new_markdown_cell("## Annex B: sentences"), code]
    return new_notebook(cells=cells, metadata={})


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> tuple[Path, Path, Reading]:
    import nbformat

    folder = tmp_path_factory.mktemp("synthetic")
    root = folder / "output"
    executed = folder / "executed.ipynb"
    nbformat.write(synthetic_notebook(root), executed)
    pdf = folder / "brief.pdf"
    render.notebook_to_pdf(executed, pdf, TITLE, PERIOD, EDITION, root=root)
    return executed, pdf, read_pdf(pdf)


def test_cover_says_title_period_and_date_once(synthetic) -> None:
    _executed, _pdf, reading = synthetic
    cover = reading.pages[0]
    assert cover.count("1978–2011") == 1  # the title names the period: not repeated
    assert "China's S&T Diplomacy #1 $x$ <b>" in cover
    assert "Edition of 2 January 2026" in cover
    assert "Contents" in cover and "Section 0 0" in cover
    assert "Page " not in cover
    assert reading.metadata["/Title"] == TITLE


def test_pages_carry_running_title_and_page_n_of_n(synthetic) -> None:
    _executed, _pdf, reading = synthetic
    n = len(reading.pages)
    assert n >= 6
    for number, text in enumerate(reading.pages[1:], start=2):
        assert f"Page {number} of {n}" in text
        assert TITLE in text


def test_document_text_prints_literally(synthetic) -> None:
    _executed, _pdf, reading = synthetic
    text = " ".join(" ".join(page.split()) for page in reading.pages)
    assert text.count(HOSTILE) >= 9 + 9 + 40  # each intro, each caption, each annex entry
    assert "Ministry <of> Science #" in text and "projects_[x]" in text
    assert "; and more[1](sic)." in text  # text after a citation is not eaten by it


def test_markdown_cells_follow_the_sections(synthetic) -> None:
    _executed, _pdf, reading = synthetic
    text = "\n".join(reading.pages)
    assert "NOTES_MARKER" not in text and "LEFT_OUT_MARKER" not in text
    assert "Intro of section 3." in text
    titles = [t for t, _ in reading.headings]
    assert titles[:2] == ["Section 0 0", "Section 1 1"] and "Annex B: sentences" in titles


def test_long_table_repeats_its_header(synthetic) -> None:
    _executed, _pdf, reading = synthetic
    pages = [
        p
        for p in reading.pages
        if "Joint projects" in p and "FigureValueWhenSource" in p.replace(" ", "").replace("\n", "")
    ]
    assert len(pages) >= 2


def test_annex_entries_are_not_split(synthetic) -> None:
    _executed, _pdf, reading = synthetic
    for n in range(1, 41):
        head = [i for i, p in enumerate(reading.pages) if f"[{n}] Document {n}" in p]
        assert len(head) == 1, n
        # the entry's quotation ends on the page its head is on
        page = " ".join(reading.pages[head[0]].split())
        start = page.index(f"[{n}] Document {n}")
        assert f"{HOSTILE} {(WORDS * 2).strip()}" in page[start:], n


def _where(reading: Reading, prefix: str, whole: bool = False) -> tuple[int, float]:
    """(page, distance from the page's top) of the first line starting with `prefix` (or, with
    `whole`, reading just that), after the cover and its contents."""
    for page, lines in enumerate(reading.lines[1:], start=1):
        for ln in lines:
            if ln.text == prefix if whole else ln.text.startswith(prefix):
                return page, -ln.y
    raise AssertionError(f"{prefix!r} not in the PDF")


def test_each_figure_stays_within_reach_of_its_section(synthetic) -> None:
    """A figure is set before the next section's heading and after the one before its own: a
    figure that did not fit where it stands never lands amid a later section's text."""
    _executed, _pdf, reading = synthetic
    for i in range(9):
        figure = _where(reading, f"Figure {i + 1}.")
        if i + 1 < 9:
            assert figure < _where(reading, f"Section {i + 1}", whole=True), i
        if i > 0:
            assert figure > _where(reading, f"Section {i - 1}", whole=True), i


def test_no_page_mostly_blank_and_no_heading_ends_a_page(synthetic, tmp_path) -> None:
    _executed, pdf, reading = synthetic
    fractions = blank_fractions(pdf, tmp_path)
    inner = {i + 1: round(f, 2) for i, f in enumerate(fractions) if 0 < i < len(fractions) - 1}
    assert all(f <= 0.30 for f in inner.values()), inner
    assert headings_ending_a_page(reading) == []


def test_rebuild_is_byte_identical_and_fast(synthetic, tmp_path) -> None:
    executed, pdf, _reading = synthetic
    start = time.perf_counter()
    again = tmp_path / "again.pdf"
    render.notebook_to_pdf(executed, again, TITLE, PERIOD, EDITION, root=executed.parent / "output")
    seconds = time.perf_counter() - start
    assert again.read_bytes() == pdf.read_bytes()
    assert seconds < 2.0  # Typst: about 10 ms a page; nbconvert's import is most of this
    other = tmp_path / "other.pdf"
    later = EDITION + dt.timedelta(days=1)
    render.notebook_to_pdf(executed, other, TITLE, PERIOD, later, root=executed.parent / "output")
    assert other.read_bytes() != pdf.read_bytes()  # the date is the edition's, not the clock's


def test_typst_error_names_the_kept_source(tmp_path) -> None:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    code = new_code_cell("x", execution_count=1)
    code.outputs = [new_output("display_data", data={MIME: '#brief-figure("missing.png")'})]
    executed = tmp_path / "executed.ipynb"
    nbformat.write(new_notebook(cells=[code]), executed)
    with pytest.raises(render.RenderError) as info:
        render.notebook_to_pdf(executed, tmp_path / "b.pdf", "T", "", EDITION, root=tmp_path)
    assert "missing.png" in str(info.value)
    assert str(tmp_path / "b.typ") in str(info.value)
    assert "#brief-figure" in (tmp_path / "b.typ").read_text(encoding="utf-8")


# ------------------------------------------------------------------ the brief itself
HOSTILE_DOCUMENT = """Joint #Labs $1$ *Review* of [S&T] `cooperation` @home <b>

Beijing, 12 May 2005. By 2004, China had set up 31 joint research centers with partners abroad #set text(red) $x$ *bold* _em_ `code` @ref <lbl> [a] \\ // not a comment /* nor this */ ~ -- ...
In 2004, 1,200 foreign experts came to work in China under the programme [see: item #3] // end.
"""


@dataclass
class Built:
    pdf: Path
    html: str
    timings: dict
    reading: Reading


@pytest.fixture(scope="session")
def hostile_brief(tmp_path_factory) -> Built:
    """The brief from the seeds plus a document full of Typst syntax, built by `stbrief build`."""
    import json

    from analysis.cli import main as cli_main

    seeds = tmp_path_factory.mktemp("hostile-seeds")
    for path in (ROOT / "seeds").iterdir():
        if path.is_file():
            shutil.copy2(path, seeds / path.name)
    (seeds / "hostile_typst.txt").write_text(HOSTILE_DOCUMENT, encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile-reports")
    code = cli_main(
        ["build", "--seeds", str(seeds), "--out", str(out), "--quiet", "--brief", "brief"]
    )
    assert code == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    pdf = out / "brief.pdf"
    return Built(
        pdf,
        (out / "brief.html").read_text(encoding="utf-8"),
        manifest["briefs"]["brief"]["timings"],
        read_pdf(pdf),
    )


@pytest.mark.slow
def test_brief_hostile_document_prints_literally(hostile_brief: Built) -> None:
    text = " ".join(" ".join(p.split()) for p in hostile_brief.reading.pages)
    assert "Joint #Labs $1$ *Review* of [S&T] `cooperation` @home <b>" in text
    assert "#set text(red) $x$ *bold* _em_ `code` @ref <lbl> [a] \\ // not a comment" in text
    assert "[see: item #3] // end." in text


@pytest.mark.slow
def test_brief_pages_numbered_and_laid_out(hostile_brief: Built, tmp_path) -> None:
    reading = hostile_brief.reading
    n = len(reading.pages)
    assert all(f"Page {i} of {n}" in p for i, p in enumerate(reading.pages[1:], start=2))
    assert reading.metadata["/Title"].count("1978–2011") == 1
    fractions = blank_fractions(hostile_brief.pdf, tmp_path)
    inner = {i + 1: round(f, 2) for i, f in enumerate(fractions) if 0 < i < n - 1}
    assert all(f <= 0.30 for f in inner.values()), inner
    assert headings_ending_a_page(reading) == []


@pytest.mark.slow
def test_brief_pdf_has_every_section_of_the_html(hostile_brief: Built) -> None:
    html_sections = re.findall(r"<h2[^>]*>(.*?)</h2>", hostile_brief.html, re.DOTALL)
    titles = [t for t, _ in hostile_brief.reading.headings]
    plain = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", h)).split()) for h in html_sections]
    assert plain and [t for t in titles if t in plain] == plain


@pytest.mark.slow
def test_the_manifest_records_each_build_steps_time_for_the_bench(hostile_brief: Built) -> None:
    # (how small the PDF step is beside the notebook's execution is measured by `make bench`,
    # "PDF step (Typst) / notebook execution", never asserted here: a timed assertion fails
    # on a loaded machine, as it did when two test runs shared two cores)
    timings = hostile_brief.timings
    assert set(timings) >= {"execute", "html", "pdf"}, timings
    assert all(isinstance(v, float) and v > 0 for v in timings.values()), timings
