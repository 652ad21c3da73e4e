"""Shared fixtures: briefs built once per test session and inspected by many tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from analysis.cli import main as cli_main
from analysis.config import ROOT, InputError

HOSTILE_TITLE = 'Cooperation <b>Review</b> & "Notes"'
HOSTILE_DOC = f"""{HOSTILE_TITLE}

Lisbon, 4 June 2009. In 2008, China and Portugal ran 64 joint research projects <script>alert('x')</script> on ocean science.
By 2009, the two countries had signed 12 intergovernmental S&T cooperation agreements <img src=x onerror=alert(1)> with each other.
Over 3,000 students from China have studied in Portugal since 1995, and some 1,200 of them came back.
"""

FRESH_DOC = """Partners in Innovation: A Decade of Joint Laboratories

Madrid, 21 October 2010. China has established S&T cooperative relations with 158 countries and regions, the ministry said.
In 2009, the country signed 7,200 technical import contracts worth US$ 21.5 billion, 1.4 times and 1.6 times those of 2005 respectively.
Since 2001, Chinese and European partners have opened 48 joint research centers, and the ministry sent 115 S&T diplomats abroad.
On 12 March 2010, China and Spain opened a joint laboratory for renewable energy in Barcelona.
"""


@pytest.fixture
def bad_lexicon(monkeypatch):
    """``check(module, name, change, load, *caches)``: ``load()`` with ``module``'s lexicon
    ``name`` edited by ``change(lexicon)`` (a deep copy: the loaded lexicon is shared)
    raises the InputError it returns; the caches are emptied before and after."""

    def check(module, name, change, load, *caches):
        import copy

        real = module.load_lexicon

        def fake(which, directory=None):
            lex = copy.deepcopy(real(which, directory))
            if which == name:
                change(lex)
            return lex

        for cache in (load, *caches):
            cache.cache_clear()
        monkeypatch.setattr(module, "load_lexicon", fake)
        try:
            with pytest.raises(InputError) as raised:
                load()
            return raised.value
        finally:
            monkeypatch.undo()
            for cache in (load, *caches):
                cache.cache_clear()

    return check


@pytest.fixture
def run_notebook(tmp_path):
    """Execute ``notebooks/<name>`` under papermill (a cell error raises); return its outputs."""

    def run(name: str, **parameters) -> list[dict]:
        import nbformat
        import papermill

        out = tmp_path / name
        papermill.execute_notebook(
            str(ROOT / "notebooks" / name),
            str(out),
            parameters=parameters,
            kernel_name="python3",
            cwd=str(ROOT / "notebooks"),
            progress_bar=False,
        )
        nb = nbformat.read(out, as_version=4)
        return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]

    return run


def images(outputs: list[dict]) -> int:
    """How many PNG figures the outputs hold: drawn as images, or embedded in a section's HTML."""
    count = 0
    for o in outputs:
        data = o.get("data", {})
        count += "image/png" in data
        count += str(data.get("text/html", "")).count('src="data:image/png;base64,')
    return count


@dataclass
class Built:
    out: Path
    name: str
    seeds: Path

    @property
    def html(self) -> str:
        return (self.out / f"{self.name}.html").read_text(encoding="utf-8")

    @property
    def pdf(self) -> Path:
        return self.out / f"{self.name}.pdf"

    @property
    def data(self) -> Path:
        return self.out / "data" / self.name


def build(out: Path, seeds: Path, *extra: str) -> int:
    return cli_main(["build", "--seeds", str(seeds), "--out", str(out), "--quiet", *extra])


@pytest.fixture(scope="session")
def seed_brief(tmp_path_factory) -> Built:
    """The default brief (1978–2011) built from the seeds, HTML and PDF."""
    out = tmp_path_factory.mktemp("reports")
    assert build(out, ROOT / "seeds", "--brief", "brief") == 0
    return Built(out, "brief", ROOT / "seeds")


@pytest.fixture(scope="session")
def written_brief(tmp_path_factory) -> Built:
    """A brief from a small corpus the tests write: new wording, new years, a hostile page."""
    seeds = tmp_path_factory.mktemp("written-seeds")
    (seeds / "hostile.txt").write_text(HOSTILE_DOC, encoding="utf-8")
    (seeds / "fresh.txt").write_text(FRESH_DOC, encoding="utf-8")
    (seeds / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path_factory.mktemp("written-reports")
    assert build(out, seeds, "--brief", "brief", "--format", "html") == 0
    return Built(out, "brief", seeds)
