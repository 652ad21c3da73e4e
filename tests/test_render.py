"""Tests of analysis.render: the HTML template, the PDF, and notebook failures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis import render

FIXTURES = Path(__file__).resolve().parent / "fixtures_nb"
TITLE = 'Brief "A" <b>&</b> \\ test'


@pytest.fixture(scope="module")
def page() -> str:
    return render.notebook_to_html(FIXTURES / "executed.ipynb", TITLE, "1978–2011", "2026-01-02")


@pytest.fixture(scope="module")
def pdf_text(page: str, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    from pypdf import PdfReader

    pdf = tmp_path_factory.mktemp("pdf") / "brief.pdf"
    render.html_to_pdf(page, pdf, running_title=TITLE)
    return [p.extract_text() for p in PdfReader(pdf).pages]


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
        "MARKDOWN_MARKER",
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
    assert "BODY_MARKER &lt;script&gt;alert(1)&lt;/script&gt;" in page
    # Plain text shown only when nothing richer exists, escaped.
    assert '<pre class="output output-text">PLAIN_MARKER &lt;b&gt;</pre>' in page


def test_cover_is_escaped(page: str) -> None:
    # nbconvert re-serializes the page with BeautifulSoup: quotes need no escaping in text.
    assert '<h1 class="cover-title">Brief "A" &lt;b&gt;&amp;&lt;/b&gt; \\ test</h1>' in page
    assert "<b>&</b>" not in page
    assert '<p class="cover-period">1978–2011</p>' in page
    assert "2026-01-02" in page


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


def test_css_string_escapes_quotes_and_backslashes() -> None:
    assert render.css_string('a "b" \\ c\nd') == '"a \\"b\\" \\\\ c d"'


def test_pdf_has_cover_then_numbered_pages(pdf_text: list[str]) -> None:
    assert len(pdf_text) >= 2
    cover, second = pdf_text[0], pdf_text[1]
    assert 'Brief "A" <b>&</b>' in cover
    assert "Page " not in cover  # no footer on the cover
    assert f"Page 2 of {len(pdf_text)}" in second
    assert 'Brief "A" <b>&</b> \\ test' in second  # the running title
    assert "BODY_MARKER <script>alert(1)</script>" in "".join(pdf_text[1:])


def test_pdf_refuses_remote_resources(tmp_path: Path) -> None:
    html = (
        '<!doctype html><html><head><link rel="stylesheet" href="https://example.invalid/a.css">'
        '</head><body><img src="http://example.invalid/x.png" alt="x"><p>offline</p></body></html>'
    )
    pdf = tmp_path / "x.pdf"
    render.html_to_pdf(html, pdf, running_title="t")
    assert pdf.stat().st_size > 0
    from weasyprint.urls import URLFetchingError

    fetcher = render._offline_fetcher()
    for url in ("https://example.invalid/a.css", "http://x.invalid/", "file:///etc/hostname"):
        with pytest.raises(URLFetchingError):
            fetcher.fetch(url)
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"


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
