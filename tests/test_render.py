"""Tests of analysis.render and analysis.typst: the HTML template, Typst escaping, markdown cells,
the cells a brief shows, the Typst exporter, and notebook failures (the PDF itself: test_pdf)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis import render
from analysis import typst as brief_typst

FIXTURES = Path(__file__).resolve().parent / "fixtures_nb"
TITLE = 'Brief "A" <b>&</b> \\ test'


@pytest.fixture(scope="module")
def page() -> str:
    return render.notebook_to_html(FIXTURES / "executed.ipynb", TITLE, "1978–2011", "2026-01-02")


def test_page_is_a_standalone_document(page: str) -> None:
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert '<html lang="en">' in page
    assert 'charset="utf-8"' in page
    assert "width=device-width" in page
    assert "<style>" in page and "<link" not in page
    assert "http://" not in page and "https://" not in page
    assert "<script" not in page.lower()


def test_only_outputs_are_rendered(page: str) -> None:
    for absent in (
        "SOURCE_MARKER",
        "STDOUT_MARKER",
        "STDERR_MARKER",
        "ERROR_MARKER",
        "<Figure",
        "&lt;Figure",
        "In [",
        "Out[",
        "jp-InputArea",
        "cell-input",
        "input_prompt",
    ):
        assert absent not in page, absent
    assert "<p>MARKDOWN_MARKER</p>" in page  # the brief's prose: a code cell with output follows
    assert "BODY_MARKER &lt;script&gt;alert(1)&lt;/script&gt;" in page
    # Plain text shown only when nothing richer exists, escaped.
    assert '<pre class="output output-text">PLAIN_MARKER &lt;b&gt;</pre>' in page


def test_cover_is_escaped(page: str) -> None:
    # nbconvert re-serializes the page with BeautifulSoup: quotes need no escaping in text.
    assert '<h1 class="cover-title">Brief "A" &lt;b&gt;&amp;&lt;/b&gt; \\ test</h1>' in page
    assert "<b>&</b>" not in page
    assert '<p class="cover-period">1978–2011</p>' in page
    # the edition's date as the PDF's cover words it, with the ISO date for machines
    assert 'Edition of <time datetime="2026-01-02">2 January 2026</time>' in page


def test_images_inline_with_alt_text(page: str) -> None:
    images = re.findall(r"<img [^>]*>", page)
    assert len(images) == 2
    assert all('src="data:image/png;base64,' in img for img in images)
    assert 'alt="Bars of a and b"' in images[0]
    assert 'alt="Cell-level alt"' in images[1]  # falls back to the cell's metadata


def test_contents_list_every_h2_with_unique_ids(page: str) -> None:
    toc = page.split('<nav aria-label="Contents" class="toc">')[1].split("</nav>")[0]
    assert '<a href="#scale">Scale of cooperation</a>' in toc
    assert '<a href="#talent-brain-circulation">Talent &amp; brain circulation</a>' in toc
    assert '<a href="#talent-brain-circulation-2">' in toc
    body = page.split('<main class="brief">')[1]
    for anchor in ("scale", "talent-brain-circulation", "talent-brain-circulation-2"):
        assert f'<h2 id="{anchor}">' in body


def test_outline_keeps_existing_ids_and_avoids_collisions() -> None:
    result = render.outline(
        '<p id="intro"></p><h2 class="x">Intro</h2><h2 id="k">K <em>it</em></h2>'
    )
    assert [e["id"] for e in result["toc"]] == ["intro-2", "k"]
    assert [e["label"] for e in result["toc"]] == ["Intro", "K it"]
    assert '<h2 id="intro-2" class="x">Intro</h2>' in result["body"]


@pytest.mark.slow
def test_failing_notebook_raises_render_error_naming_it(tmp_path: Path) -> None:
    executed = tmp_path / "executed.ipynb"
    with pytest.raises(render.RenderError) as info:
        render.execute_notebook(
            FIXTURES / "failing.ipynb",
            executed,
            {"output_dir": str(tmp_path)},
            cwd=tmp_path,
            timeout=60,
        )
    message = str(info.value)
    assert str(executed) in message
    assert "RuntimeError" in message and "FIXTURE_FAILURE_42" in message
    assert executed.is_file()  # papermill writes it even on failure


# ------------------------------------------------------------------ Typst
HOSTILE = (
    r"#set text(red) $x$ *b* _e_ `r` @ref <l> [a] \\ // c /* d */ ~ -- ... = + - 1. ; ( ) \" '"
)


# Typst syntax that is not markdown syntax (markdown's own * _ ` are emphasis and code there)
MD_HOSTILE = "#set text(red) $x$ @ref <l> [a] // c /* d ~ -- ... = + ; ( ) ' \""


def _typst_text(source: str) -> str:
    """Compile a Typst snippet and return its text (one line)."""
    import typst
    from pypdf import PdfReader

    pdf = typst.compile(source.encode(), format="pdf", ignore_system_fonts=True)
    import io

    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_escaped_text_prints_literally_in_markup_and_strings() -> None:
    # every ASCII punctuation character comes with a backslash before it
    assert not re.search(r"[^\w\s]", re.sub(r"\\.", "", brief_typst.escape(HOSTILE)))
    source = (
        f"= Heading {brief_typst.escape(HOSTILE)}\n\n"
        f"{brief_typst.escape(HOSTILE)}\n\n"
        f"#text({brief_typst.string(HOSTILE)})\n\n"
        f"{brief_typst.escape('- 1. = start of a line')}\n"
    )
    text = _typst_text(source)
    assert text.count(HOSTILE) == 3, text
    assert "- 1. = start of a line" in text


def test_escape_folds_line_breaks_and_drops_control_characters() -> None:
    assert brief_typst.escape("a\n\n  b\x00c") == "a bc"
    assert brief_typst.escape(None) == ""
    assert brief_typst.escape(1998) == "1998"
    assert brief_typst.string('a\nb\t"c" \\') == '"a\\nb\\t\\"c\\" \\\\"'
    assert brief_typst.typst is brief_typst.escape and brief_typst.typst_str is brief_typst.string


def test_markdown_cells_become_typst() -> None:
    md = (
        "## Scale *of* cooperation\n\nText with **bold**, _em_, `code` and "
        "[a link](https://example.org/a?b=1).\n\n- one\n- two, and\n  more\n\n"
        "1. first\n2. second\n\n> quoted\n\n" + MD_HOSTILE + "\n"
    )
    out = brief_typst.markdown(md)
    assert out.startswith("== Scale #emph[of] cooperation\n\n")
    assert "#strong[bold]" in out and '#raw("code")' in out
    assert '#link("https://example.org/a?b=1")[a link]' in out
    assert "- one\n- two\\, and more" in out and "+ first\n+ second" in out
    text = _typst_text(out)
    assert "Scale of cooperation" in text and "quoted" in text
    assert MD_HOSTILE in text


def test_markdown_shows_raw_html_as_text() -> None:
    text = _typst_text(brief_typst.markdown("Before <b>bold</b> <script>x</script> after"))
    assert "Before <b>bold</b> <script>x</script> after" in text


def _notebook(*cells):
    from nbformat.v4 import new_notebook

    return new_notebook(cells=list(cells))


def test_shown_cells_gate_markdown_on_the_next_output() -> None:
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_output

    shown = new_code_cell("a")
    shown.outputs = [new_output("display_data", data={"text/plain": "x"})]
    printed = new_code_cell("b")
    printed.outputs = [new_output("stream", name="stdout", text="only a print")]
    nb = _notebook(
        new_markdown_cell("notes", metadata={"tags": ["notes"]}),
        new_markdown_cell("## A"),
        new_markdown_cell("intro of A"),
        shown,
        new_markdown_cell("## B, left out"),
        printed,
        new_markdown_cell("## C, left out"),
        new_code_cell("c"),
        new_markdown_cell("closing words"),
    )
    kept = [c.source for c in render.shown_cells(nb).cells if c.cell_type == "markdown"]
    assert kept == ["## A", "intro of A", "closing words"]


def test_exporter_places_sections_images_and_plain_text() -> None:
    import nbformat

    nb = render.shown_cells(nbformat.read(FIXTURES / "executed.ipynb", as_version=4))
    source, images = brief_typst.notebook_to_typst(nb, image_dir="scratch/images")
    assert "#brief-cover()" in source and "#set page(" in source
    assert sorted(images) == ["scratch/images/2-0.png", "scratch/images/2-1.png"]
    assert all(data.startswith(b"\x89PNG") for data in images.values())
    assert '#brief-image("scratch/images/2-0.png", alt: "Bars of a and b")' in source
    assert '#brief-image("scratch/images/2-1.png", alt: "Cell-level alt")' in source
    assert '#raw(block: true, "PLAIN_MARKER <b>")' in source
    for absent in ("SOURCE_MARKER", "STDOUT_MARKER", "STDERR_MARKER", "ERROR_MARKER", "<HTML>"):
        assert absent not in source, absent
