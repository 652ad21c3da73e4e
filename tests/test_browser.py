"""The brief's HTML in a real browser (Debian's chromium): offline, no errors, fits a phone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis import render

CHROMIUM = Path("/usr/bin/chromium")
FIXTURES = Path(__file__).resolve().parent / "fixtures_nb"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists() and os.environ.get("CI") != "true":
    pytest.skip(
        "/usr/bin/chromium is missing (apt-get install chromium); required when CI=true",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    html = render.notebook_to_html(
        FIXTURES / "executed.ipynb", "Browser brief", "1978–2011", "2026-01-02"
    )
    path = tmp_path_factory.mktemp("browser") / "brief.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def open_page(browser, path: Path, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    errors: list[str] = []
    remote: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "request",
        lambda req: None if req.url.startswith(("file:", "data:")) else remote.append(req.url),
    )
    page.goto(path.as_uri(), wait_until="load")
    return context, page, errors, remote


def test_page_loads_offline_without_errors(browser, page_file: Path) -> None:
    context, page, errors, remote = open_page(browser, page_file, 1280, 900)
    try:
        headings = page.locator("main h2")
        assert headings.count() == 3
        for i in range(headings.count()):
            assert headings.nth(i).is_visible()
        assert page.locator("nav.toc a").count() == 3
        assert page.locator("h1.cover-title").inner_text() == "Browser brief"
        # Images decode from their data: URIs.
        widths = page.eval_on_selector_all("main img", "els => els.map(e => e.naturalWidth)")
        assert widths and all(w > 0 for w in widths)
        page.locator('nav.toc a[href="#scale"]').click()
        assert page.evaluate("location.hash") == "#scale"
    finally:
        context.close()
    assert errors == []
    assert remote == []


def test_page_fits_a_phone(browser, page_file: Path) -> None:
    context, page, errors, remote = open_page(browser, page_file, 375, 740)
    try:
        # The 30-column table scrolls inside its output; the page itself does not.
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 375
        assert page.locator("main h2").first.is_visible()
    finally:
        context.close()
    assert errors == [] and remote == []


@pytest.mark.slow
def test_seed_brief_in_the_browser(browser, seed_brief) -> None:
    """The real brief: no console error, no request off the machine, figures decode,
    a citation jumps to its annex entry, and a phone-width page does not scroll sideways."""
    context, page, errors, remote = open_page(browser, seed_brief.out / "brief.html", 1280, 900)
    try:
        assert page.locator("main h2").count() >= 13
        widths = page.eval_on_selector_all("main img", "els => els.map(e => e.naturalWidth)")
        assert len(widths) >= 5 and all(w > 0 for w in widths)
        cite = page.locator("a.cite").first
        target = cite.get_attribute("href")
        cite.click()
        assert page.evaluate("location.hash") == target
        assert page.locator(target).is_visible()
        assert errors == [] and remote == []
    finally:
        context.close()
    context, page, errors, remote = open_page(browser, seed_brief.out / "brief.html", 375, 740)
    try:
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1
        assert errors == [] and remote == []
    finally:
        context.close()
