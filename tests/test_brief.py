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


def headings(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]


def section(html: str, heading: str) -> str:
    """The HTML from the ``h2`` whose text starts with ``heading`` to the next ``h2``."""
    parts = re.split(r"(?=<h2[ >])", html)
    for part in parts:
        m = re.match(r"<h2[^>]*>(.*?)</h2>", part, re.S)
        if m and re.sub(r"<[^>]+>", "", m.group(1)).strip().startswith(heading):
            return part
    raise AssertionError(f"no section {heading!r} in {headings(html)}")


def test_sections_in_order(seed_brief) -> None:
    expected = [
        "Summary",
        "Key findings",
        "Phases of the period",
        "Growth, compared per year",
        "Scale of cooperation",
        "Technology trade",
        "Talent and brain circulation",
        "Institutions and mega-science",
        "Partners",
        "Themes over time",
        "Where the sources disagree",
        "Methodology and limitations",
        "Annex A: sources",
        "Annex B: figures in their sentences",
    ]
    shown = [h for h in headings(seed_brief.html) if h in expected]
    assert shown == expected


def test_every_citation_matches_a_fact_and_its_annex_entry(seed_brief) -> None:
    html = seed_brief.html
    facts = facts_rows(seed_brief)
    cites = citations(html)
    assert len(cites) >= 15
    for anchor, fact_id, value in cites:
        assert fact_id in facts, fact_id
        assert math.isclose(float(value), float(facts[fact_id]["value"]), rel_tol=1e-9)
        assert f'id="{anchor}"' in html  # the link lands on its annex entry


def test_annex_b_has_one_entry_per_sentence_with_its_figures_marked(seed_brief) -> None:
    annex = section(seed_brief.html, "Annex B")
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", annex, re.S)
    assert quotes and len(quotes) == len(set(quotes))  # never the same sentence twice
    # the sentence of 1998 holds four figures, all marked in its one entry
    entry = next(q for q in quotes if "22,000" in q)
    assert entry.count("<mark") >= 4
    assert ">I 07,000" in entry  # the repaired scan error keeps its original words
    assert any("<mark" in q and "5,984" in q for q in quotes)


def test_annex_a_says_in_words_how_each_document_was_dated(seed_brief) -> None:
    from analysis.report.annex import DATE_BASIS_TEXT

    annex = section(seed_brief.html, "Annex A")
    with (seed_brief.data / "documents.csv").open(encoding="utf-8") as fh:
        bases = {r["published_basis"] for r in csv.DictReader(fh)}
    for basis in bases:
        assert DATE_BASIS_TEXT[basis] in annex  # every code the seeds give has its words
        assert f">{basis}<" not in annex  # and the code itself is not what the reader sees


def test_findings_compare_growth_per_year_not_raw_multiples(seed_brief) -> None:
    html = seed_brief.html
    findings = section(html, "Key findings")
    first = re.search(r"<li>(.*?)</li>", findings, re.S).group(1)
    # 16.7 times over six years (1991-1997) is faster than 20.6 times over twenty
    assert "16.7" in first and "a year" in first and "20.6" not in first
    growth = section(html, "Growth, compared per year")
    assert "20.6 times" in growth and "16%" in growth  # 20.6 ** (1 / 20) - 1 = 16.3 %
    assert "60%" in growth  # 16.7 ** (1 / 6) - 1 = 59.9 %
    # 96 agreements in 1995 and 96 in 1999: the same figure is "unchanged", not "1 times"
    assert "unchanged, computed" in growth and not re.search(r">\s*1 times", growth)
    assert "152" in section(html, "Summary")  # the latest count of partner countries (2011)
    talent = section(html, "Talent")
    assert "320,000" in talent and "34%" in talent  # 110,000 of 320,000 came back, same span
    assert "150" in section(html, "Where the sources") and "152" in section(html, "Where")


def test_no_code_words_in_the_readers_text(seed_brief) -> None:
    html = seed_brief.html
    body = html[: re.search(r"<h2[^>]*>Annex A", html).start()]
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<(style|script)[^>]*>.*?</\1>", "", body, flags=re.S))
    for word in ("MinHash", ".yaml", "analysis/", "lexicon", ".txt", "stbrief", "doc_id"):
        assert word not in text, word
    assert not re.search(r"(?<![\d,.])00[0-4](?![\d,])", text)  # document codes: annex only
    assert not re.search(r"\b[0-9]{3}_[0-9a-f]{16}\b", text)


def test_figures_are_numbered_captioned_with_alt_text_and_saved_with_data(seed_brief) -> None:
    html = seed_brief.html
    figures = re.findall(r'<figure [^>]*id="figure-(\d+)"', html)
    assert figures == [str(i) for i in range(1, len(figures) + 1)] and len(figures) >= 4
    imgs = re.findall(r"<img [^>]*>", html)
    assert len(imgs) == len(figures)
    for tag in imgs:
        assert 'src="data:image/png;base64,' in tag
        alt = re.search(r'alt="([^"]*)"', tag)
        assert alt and len(alt.group(1)) > 20, tag[:80]
    assert html.count('<span class="source">Source: ') == len(figures)
    folder = seed_brief.out / "figures" / "brief"
    pngs = sorted(p.stem for p in folder.glob("*.png"))
    assert len(pngs) == len(figures) and pngs == sorted(p.stem for p in folder.glob("*.csv"))


# ------------------------------------------------------------------ a corpus the test writes
def test_written_corpus_text_is_escaped(written_brief) -> None:
    html = written_brief.html
    assert "<script>alert" not in html
    assert "<img src=x onerror" not in html
    assert "&lt;script&gt;alert" in html
    # where the sentence is shown, its tag is shown as text
    assert "onerror=alert(1)" not in html or "&lt;img src=x onerror=alert(1)&gt;" in html
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


@pytest.mark.parametrize(
    "name", ["brief", "01-corpus", "02-indicators", "03-timeline", "04-partners-themes"]
)
def test_notebooks_are_stored_without_outputs_on_the_stbrief_kernel(name) -> None:
    import nbformat

    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert not any(re.search(r"^\s*def ", c.source, re.M) for c in code)
    assert nb.metadata["kernelspec"]["name"] == "stbrief"
