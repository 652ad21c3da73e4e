"""Tests of ``stbrief build``: publishing, skipping, failures, bad parameters, the lock."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from analysis import briefs, cli, inputs

FIXTURES = Path(__file__).resolve().parent / "fixtures_nb"
GOOD_TOML = """\
[fx]
title = "Fixture brief, {start_year}–{end_year}"
start_year = 1978
end_year = 2011
notebook = "good.ipynb"
"""


def run_build(*argv: str) -> tuple[int, str]:
    """Run ``stbrief build ARGV`` in this process; return the exit code and stderr."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = cli.main(["build", *argv])
    return code, err.getvalue()


@dataclass
class Built:
    root: Path
    seeds: Path
    toml: Path
    out: Path
    code: int
    stderr: str

    def args(self, out: Path | None = None, toml: Path | None = None) -> list[str]:
        return [
            "--seeds",
            str(self.seeds),
            "--briefs-file",
            str(toml or self.toml),
            "--out",
            str(out or self.out),
        ]


@pytest.fixture(scope="module", autouse=True)
def frozen_package(tmp_path_factory: pytest.TempPathFactory):
    """Hash a frozen copy of analysis/, so edits to the package do not trigger rebuilds."""
    frozen = tmp_path_factory.mktemp("frozen") / "analysis"
    frozen.mkdir()
    (frozen / "module.py").write_text("VERSION = 1\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(inputs, "HASH_PACKAGE_DIR", frozen)
        yield frozen


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, frozen_package: Path) -> Built:
    """The fixture brief ``fx``, built once for the whole module."""
    root = tmp_path_factory.mktemp("build")
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "doc1.txt").write_text("In 1978 China signed 3 agreements.\n", encoding="utf-8")
    for name in ("good", "failing"):
        shutil.copy(FIXTURES / f"{name}.ipynb", root / f"{name}.ipynb")
    toml = root / "briefs.toml"
    toml.write_text(GOOD_TOML, encoding="utf-8")
    result = Built(root, seeds, toml, root / "reports", 0, "")
    result.code, result.stderr = run_build(*result.args())
    return result


def copy_out(built: Built, dest: Path) -> Path:
    shutil.copytree(built.out, dest)
    return dest


def snapshot(folder: Path) -> dict[str, bytes]:
    """What a reader or a later build sees of ``folder``: not the lock, not the per-document
    store (it may learn file hashes on any run; it is checked, never trusted)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".build.lock" and ".cache" not in p.relative_to(folder).parts
    }


@pytest.mark.slow
def test_build_publishes_html_pdf_figures_and_manifest(built: Built) -> None:
    assert built.code == 0, built.stderr
    out = built.out
    for rel in ("fx.html", "fx.pdf", "figures/fx/01-x.png", "figures/fx/01-x.csv"):
        assert (out / rel).is_file(), rel
    assert (out / "data/fx/points.csv").is_file()
    assert not list(out.glob(".tmp-*"))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["briefs"]["fx"]
    assert len(entry["input_hash"]) == 64
    assert entry["parameters"]["start_year"] == 1978
    assert entry["parameters"]["title"] == "Fixture brief, 1978–2011"
    assert entry["formats"] == ["html", "pdf"]
    assert set(entry["timings"]) == {"execute", "html", "pdf"}
    assert entry["versions"]["papermill"]
    for rel, size in entry["outputs"].items():
        assert (out / rel).stat().st_size == size
    assert {"fx.html", "fx.pdf", "figures/fx/01-x.png"} <= set(entry["outputs"])
    # published as an edition: the stable paths are symlinks through editions/fx/current
    current = out / "editions" / "fx" / "current"
    assert entry["edition"] == f"editions/fx/{os.readlink(current)}"
    assert os.readlink(out / "fx.html") == "editions/fx/current/fx.html"
    assert (current / "edition.json").is_file() and (current / "fx.pdf").is_file()
    lines = built.stderr.splitlines()
    assert any(line.endswith("stbrief build: brief fx: execute notebook") for line in lines)
    assert any("published" in line and "fx.pdf" in line and "kB)" in line for line in lines)


@pytest.mark.slow
def test_html_has_no_code_prompts_or_remote_references(built: Built) -> None:
    page = (built.out / "fx.html").read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page
    for absent in (
        "cell-input",
        "jp-InputArea",
        "SOURCE_MARKER",
        "MARKDOWN_MARKER",
        "STDOUT_MARKER",
        "In [",
        "Out[",
    ):
        assert absent not in page, absent
    assert "<script" not in page.lower()
    assert "He said &lt;script&gt;alert(1)&lt;/script&gt; &amp; left" in page
    assert "BODY_MARKER period 1978–2011, 1 documents." in page
    toc = page.split('aria-label="Contents"')[1].split("</nav>")[0]
    assert '<a href="#findings">Key findings</a>' in toc
    assert '<a href="#methodology">Methodology</a>' in toc
    assert 'alt="A rising line"' in page


@pytest.mark.slow
def test_pdf_has_cover_running_title_and_page_numbers(built: Built) -> None:
    from pypdf import PdfReader

    pages = [p.extract_text() for p in PdfReader(built.out / "fx.pdf").pages]
    assert len(pages) >= 2
    assert "Fixture brief, 1978–2011" in pages[0]
    assert "Page " not in pages[0]
    assert "Page 2 of" in pages[1]
    assert "Fixture brief, 1978–2011" in pages[1]
    body = " ".join(" ".join(pages[1:]).split())
    assert "BODY_MARKER" in body and "He said <script>alert(1)</script> & left" in body


@pytest.mark.slow
def test_unchanged_inputs_are_skipped_without_touching_outputs(built: Built) -> None:
    files = [built.out / n for n in ("fx.html", "fx.pdf", "manifest.json", "figures/fx/01-x.png")]
    before = [p.stat().st_mtime_ns for p in files]
    code, stderr = run_build(*built.args())
    assert code == 0
    assert "brief fx: unchanged (hash " in stderr and "skipped" in stderr
    assert [p.stat().st_mtime_ns for p in files] == before
    # --quiet silences progress
    code, stderr = run_build(*built.args(), "--quiet")
    assert code == 0 and stderr == ""


def test_console_script_rejects_bad_period(built: Built, tmp_path: Path) -> None:
    stbrief = Path(sys.executable).parent / "stbrief"
    out = tmp_path / "never"
    argv = [str(stbrief), "build", *built.args(out=out), "--from", "2011", "--to", "1978"]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("stbrief: --from 2011 is after --to 1978")
    assert not out.exists()


@pytest.mark.slow
def test_force_rebuilds(built: Built, tmp_path: Path) -> None:
    out = copy_out(built, tmp_path / "reports")
    old = json.loads((out / "manifest.json").read_text())["briefs"]["fx"]
    html_mtime = (out / "fx.html").stat().st_mtime_ns
    code, stderr = run_build(*built.args(out=out), "--force")
    assert code == 0, stderr
    assert "execute notebook" in stderr and "unchanged" not in stderr
    new = json.loads((out / "manifest.json").read_text())["briefs"]["fx"]
    assert new["input_hash"] == old["input_hash"]
    assert new["finished"] >= old["finished"]
    assert (out / "fx.html").stat().st_mtime_ns != html_mtime


@pytest.mark.slow
def test_failure_keeps_previous_outputs_and_builds_the_others(built: Built, tmp_path: Path) -> None:
    out = copy_out(built, tmp_path / "reports")
    before = snapshot(out)
    toml = built.root / "failing.toml"
    toml.write_text(
        GOOD_TOML.replace("good.ipynb", "failing.ipynb")
        + '\n[fy]\ntitle = "Other"\nstart_year = 1991\nend_year = 2000\nnotebook = "good.ipynb"\n',
        encoding="utf-8",
    )
    code, stderr = run_build(*built.args(out=out, toml=toml))
    assert code == 1
    after = snapshot(out)
    for rel, data in before.items():
        if rel != "manifest.json":
            assert after[rel] == data, f"{rel} changed"
    manifest = json.loads((out / "manifest.json").read_text())
    old_manifest = json.loads(before["manifest.json"])
    assert manifest["briefs"]["fx"] == old_manifest["briefs"]["fx"]
    assert manifest["briefs"]["fy"]["parameters"]["start_year"] == 1991
    assert (out / "fy.html").is_file() and (out / "fy.pdf").is_file()
    failed = list((out / "failed").glob("fx-*.ipynb"))
    assert len(failed) == 1
    errors = [line for line in stderr.splitlines() if line.startswith("stbrief: ")]
    assert len(errors) == 1
    assert "brief fx failed" in errors[0] and "FIXTURE_FAILURE_42" in errors[0]
    assert failed[0].name in errors[0]
    assert not list(out.glob(".tmp-*"))


@pytest.mark.slow
def test_cell_timeout_fails_the_brief(built: Built, tmp_path: Path) -> None:
    import nbformat
    from nbformat.v4 import new_code_cell

    nb = nbformat.read(FIXTURES / "failing.ipynb", as_version=4)
    nb.cells[-1] = new_code_cell("import time\ntime.sleep(60)")
    nbformat.write(nb, tmp_path / "slow.ipynb")
    toml = tmp_path / "slow.toml"
    toml.write_text(
        '[slow]\ntitle = "Slow"\nstart_year = 1978\nend_year = 1990\n'
        'notebook = "slow.ipynb"\ntimeout = 2\nformats = ["html"]\n',
        encoding="utf-8",
    )
    out = tmp_path / "reports"
    code, stderr = run_build(*built.args(out=out, toml=toml))
    assert code == 1
    assert "brief slow failed" in stderr and "timed out" in stderr.lower()
    assert not (out / "slow.html").exists()
    assert list((out / "failed").glob("slow-*.ipynb"))


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["--from", "2011", "--to", "1978"], "--from 2011"),
        (["--from", "1800"], "--from 1800"),
        (["--to", "2099"], "--to 2099"),
        (["--from", "2012"], "--from 2012"),  # after the brief's own end year
        (["--format", "docx"], "--format"),
        (["--format", ""], "--format"),
        (["--brief", "nope"], "--brief 'nope'"),
    ],
)
def test_bad_parameters_exit_2_before_any_work(
    built: Built, tmp_path: Path, argv: list[str], named: str
) -> None:
    out = tmp_path / "never"
    code, stderr = run_build(*built.args(out=out), *argv)
    assert code == 2
    assert named in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert not out.exists()  # no temp folder, no failed notebook, no manifest
    if "--brief" in argv:
        assert "known: fx" in stderr


@pytest.mark.parametrize(
    ("toml", "named"),
    [
        ('[fx]\ntitle = "T"\nstart_year = 1978\nend_year = 2011\ncolour = "red"\n', "'colour'"),
        ('[fx]\ntitle = "T"\nstart_year = "1978"\nend_year = 2011\n', "start_year"),
        ('[fx]\ntitle = "T"\nstart_year = 1978\n', "'end_year'"),
        ('[fx]\ntitle = "T"\nstart_year = 1978\nend_year = 2011\nformats = ["doc"]\n', "formats"),
        ('[fx]\ntitle = "T {x}"\nstart_year = 1978\nend_year = 2011\n', "title"),
        ('[fx]\ntitle = "{start_year.nope}"\nstart_year = 1978\nend_year = 2011\n', "nope"),
        (
            '[fx]\ntitle = "{start_year.__class__.__mro__}"\nstart_year = 1978\nend_year = 2011\n',
            "{start_year.__class__.__mro__} is not allowed",
        ),
        ('[fx]\ntitle = "{end_year!r}"\nstart_year = 1978\nend_year = 2011\n', "{end_year!r}"),
        ('[fx]\ntitle = "{0}"\nstart_year = 1978\nend_year = 2011\n', "{0}"),
        ('[fx]\ntitle = "T"\nstart_year = 1978\nend_year = 2011\nkeep_editions = 0\n', "keep"),
        ('[fx]\ntitle = "T"\nstart_year = 1978\nend_year = 2011\nnotebook = "no.ipynb"\n', "no"),
        ("fx = 1\n", "fx"),
        ("[fx\n", "not valid TOML"),
    ],
)
def test_bad_briefs_file_exit_2(built: Built, tmp_path: Path, toml: str, named: str) -> None:
    path = tmp_path / "briefs.toml"
    path.write_text(toml, encoding="utf-8")
    out = tmp_path / "never"
    code, stderr = run_build(*built.args(out=out, toml=path))
    assert code == 2, stderr
    assert str(path) in stderr and named in stderr
    assert not out.exists()


def test_held_lock_makes_build_exit_1(built: Built, tmp_path: Path) -> None:
    from filelock import FileLock

    out = tmp_path / "reports"
    out.mkdir()
    lock = FileLock(str(out / ".build.lock"))
    with lock.acquire(timeout=1):
        code, stderr = run_build(*built.args(out=out), "--force", "--lock-timeout", "0.5")
    assert code == 1
    assert f"another stbrief build holds {out / '.build.lock'}; waited 0.5 s" in stderr
    assert not (out / "manifest.json").exists()
    assert not list(out.glob(".tmp-*"))


def test_input_hash_tracks_inputs(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("one", encoding="utf-8")
    package = tmp_path / "pkg"
    (package / "templates" / "brief").mkdir(parents=True)
    (package / "mod.py").write_text("x = 1\n", encoding="utf-8")
    (package / "templates" / "brief" / "brief.css").write_text("p {}", encoding="utf-8")
    notebook = tmp_path / "nb.ipynb"
    notebook.write_text("{}", encoding="utf-8")
    params = {"start_year": 1978, "end_year": 2011}
    versions = {"papermill": "1"}

    def digest(**changes) -> str:
        kwargs = {
            "seeds_dir": seeds,
            "notebook": notebook,
            "parameters": params,
            "formats": ["pdf", "html"],
            "versions": versions,
            "package_dir": package,
        }
        kwargs.update(changes)
        return inputs.input_hash(**kwargs)

    first = digest()
    assert first == digest() == digest(formats=["html", "pdf"])
    (seeds / "notes.md").write_text("ignored", encoding="utf-8")
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "mod.cpython-311.pyc").write_bytes(b"\0")
    assert digest() == first
    assert digest(parameters={**params, "end_year": 2000}) != first
    assert digest(formats=["html"]) != first
    assert digest(versions={"papermill": "2"}) != first
    changes = [
        (seeds / "a.txt", "two"),
        (seeds / "catalog.yaml", "a: {}"),
        (package / "mod.py", "x = 2\n"),
        (package / "templates" / "brief" / "brief.css", "p {color: red}"),
        (notebook, '{"cells": []}'),
    ]
    seen = {first}
    for path, text in changes:
        path.write_text(text, encoding="utf-8")
        now = digest()
        assert now not in seen, path
        seen.add(now)


def test_repo_briefs_file_is_valid() -> None:
    from analysis.config import ROOT

    specs = briefs.load_briefs(ROOT / "briefs.toml")
    assert specs["brief"]["start_year"] == 1978 and specs["brief"]["end_year"] == 2011
    assert "era-1978-1990" in specs and "era-2006-2011" in specs
    periods = [(b["start_year"], b["end_year"]) for n, b in specs.items() if n.startswith("era")]
    assert periods == [(1978, 1990), (1991, 2000), (2001, 2005), (2006, 2011)]
    title = briefs._format_title(specs["brief"]["title"], 1978, 2011, "briefs.toml")
    assert title == "China's Science and Technology Diplomacy, 1978–2011"
