"""The brief as a reader gets it: content traced to the facts table, offline HTML, the PDF."""

from __future__ import annotations

import csv
import json
import math
import re

import pytest

from analysis.cli import main as cli_main
from analysis.config import ROOT

pytestmark = pytest.mark.slow


def facts_rows(built) -> dict[str, dict]:
    with (built.data / "facts.csv").open(encoding="utf-8") as fh:
        return {r["fact_id"]: r for r in csv.DictReader(fh)}


def citations(html: str) -> list[tuple[str, str, str]]:
    """(anchor, fact_id, value) of every citation link, whatever the order of its attributes."""
    out = []
    for tag in re.findall(r'<a [^>]*class="cite"[^>]*>', html):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        out.append((attrs["href"].lstrip("#"), attrs["data-fact"], attrs["data-value"]))
    return out


# ------------------------------------------------------------------ HTML
def test_html_is_offline_and_shows_no_code(seed_brief) -> None:
    html = seed_brief.html
    assert "http://" not in html and "https://" not in html
    assert "brief.load(" not in html and "from analysis import" not in html
    assert "In [" not in html and "Out[" not in html


def test_sections_in_order(seed_brief) -> None:
    html = seed_brief.html
    ids = re.findall(r'<h2 id="([^"]+)"', html)
    expected = [
        "summary",
        "key-findings",
        "phases",
        "scale",
        "technology-trade",
        "talent",
        "institutions",
        "partners",
        "themes",
        "disagreements",
        "methodology",
        "annex-sources",
        "annex-facts",
    ]
    assert [i for i in ids if i in expected] == expected


def test_every_citation_matches_a_fact_and_its_annex_entry(seed_brief) -> None:
    html = seed_brief.html
    facts = facts_rows(seed_brief)
    cites = citations(html)
    assert len(cites) >= 15
    for anchor, fact_id, value in cites:
        assert fact_id in facts, fact_id
        assert math.isclose(float(value), float(facts[fact_id]["value"]), rel_tol=1e-9)
        assert f'id="{anchor}"' in html  # the link lands on its annex entry


def test_annex_shows_each_fact_in_its_sentence(seed_brief) -> None:
    html = seed_brief.html
    # the repaired scan error keeps its original words in the sentence
    assert "<mark>I 07,000</mark>" in html or "<mark>I 07,000 " in html
    assert "<mark>5,984" in html


def test_annex_a_says_in_words_how_each_document_was_dated(seed_brief) -> None:
    from analysis.brief import DATE_BASIS_TEXT

    html = seed_brief.html
    annex = html[html.index('id="annex-sources"') : html.index('id="annex-facts"')]
    with (seed_brief.data / "documents.csv").open(encoding="utf-8") as fh:
        bases = {r["published_basis"] for r in csv.DictReader(fh)}
    for basis in bases:
        assert DATE_BASIS_TEXT[basis] in annex  # every code the seeds give has its words
        assert f">{basis}<" not in annex  # and the code itself is not what the reader sees


def test_key_figures_of_the_seeds_are_in_the_brief(seed_brief) -> None:
    html = seed_brief.html
    findings = html[html.index('id="key-findings"') : html.index('id="phases"')]
    assert "20.6 times" in findings  # the largest stated growth multiple
    assert "152" in findings  # the latest count of partner countries (2011)
    assert "320,000" in findings or "320 thousand" in findings
    disagreements = html[html.index('id="disagreements"') : html.index('id="methodology"')]
    assert "150" in disagreements and "152" in disagreements


def test_figures_are_numbered_captioned_with_alt_text_and_saved_with_data(seed_brief) -> None:
    html = seed_brief.html
    figures = re.findall(r'<figure [^>]*id="figure-(\d+)"', html)
    assert figures == [str(i) for i in range(1, len(figures) + 1)] and len(figures) >= 6
    imgs = re.findall(r"<img [^>]*>", html)
    assert len(imgs) == len(figures)
    for tag in imgs:
        assert 'src="data:image/png;base64,' in tag
        alt = re.search(r'alt="([^"]*)"', tag)
        assert alt and len(alt.group(1)) > 20, tag[:80]
    assert html.count("Source: documents") >= 6
    folder = seed_brief.out / "figures" / "brief"
    pngs = sorted(p.stem for p in folder.glob("*.png"))
    assert pngs and pngs == sorted(p.stem for p in folder.glob("*.csv"))


# ------------------------------------------------------------------ a corpus the test writes
def test_written_corpus_text_is_escaped(written_brief) -> None:
    html = written_brief.html
    assert "<script>alert" not in html
    assert "<img src=x onerror" not in html
    assert "&lt;script&gt;alert" in html
    assert "onerror=alert(1)" in html  # shown as text, inside an escaped tag
    assert "<b>Review</b>" not in html


def test_written_corpus_facts_reach_the_brief(written_brief) -> None:
    html = written_brief.html
    facts = facts_rows(written_brief)
    values = {(r["indicator"], float(r["value"])) for r in facts.values()}
    assert ("partner_countries", 158.0) in values
    assert ("tech_import_contracts", 7200.0) in values
    assert ("joint_research_centers", 48.0) in values
    for _anchor, fact_id, _value in citations(html):
        assert fact_id in facts
    assert "empty.txt (empty file)" in html  # the skipped file is named in the methodology
    manifest = json.loads((written_brief.out / "manifest.json").read_text())
    assert manifest["briefs"]["brief"]["left_out"] == [
        {"file": "empty.txt", "reason": "empty file"}
    ]


# ------------------------------------------------------------------ the period filter
def test_period_brief_keeps_only_its_years(tmp_path) -> None:
    out = tmp_path / "reports"
    code = cli_main(
        [
            "build",
            "--brief",
            "brief",
            "--from",
            "1990",
            "--to",
            "2000",
            "--format",
            "html",
            "--out",
            str(out),
            "--quiet",
        ]
    )
    assert code == 0
    with (out / "data" / "brief" / "facts.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for r in rows:
        year = int(float(r["year"]))
        start = int(float(r["period_start"])) if r["period_start"] else year
        end = int(float(r["period_end"])) if r["period_end"] else year
        assert 1990 <= year <= 2000 or (start <= 2000 and end >= 1990), r
    assert not any(r["doc_id"].startswith("003") and r["year"].startswith("2011") for r in rows)
    html = (out / "brief.html").read_text(encoding="utf-8")
    assert "1990–2000" in html
    facts = {r["fact_id"] for r in rows}
    for _a, fact_id, _v in citations(html):
        assert fact_id in facts


# ------------------------------------------------------------------ the PDF
def test_pdf_has_cover_numbered_pages_and_the_figures(seed_brief) -> None:
    from pypdf import PdfReader

    reader = PdfReader(seed_brief.pdf)
    assert len(reader.pages) >= 6
    cover = reader.pages[0].extract_text()
    assert "China" in cover and "1978–2011" in cover
    assert "Page" not in cover
    second = reader.pages[1].extract_text()
    assert re.search(r"Page 2\b", second)
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Key findings" in text
    assert "22,000" in text and "5,984" in text


def test_brief_notebook_is_stored_without_outputs() -> None:
    import nbformat

    nb = nbformat.read(ROOT / "notebooks" / "brief.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert not any("def " in c.source for c in code)
