"""Operations and safety (issue 16): what a build may delete, where it may write, how it
publishes, what it says, and where it finds its project. No kernel starts here."""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import build, cli, config, corpus, publish

DOC = "Cooperation Report\n\nIn 1995, China signed 12 science agreements with Brazil.\n"
TOML = """\
[fx]
title = "Fixture brief, {start_year}–{end_year}"
start_year = 1978
end_year = 2011
notebook = "nb.ipynb"
formats = ["html"]
"""
NOTEBOOK = json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def run_cli(*argv: str) -> tuple[int, str, str]:
    """``stbrief ARGV`` in this process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project of its own: briefs.toml, a notebook, seeds/ with one document."""
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "doc.txt").write_text(DOC, encoding="utf-8")
    (root / "briefs.toml").write_text(TOML, encoding="utf-8")
    (root / "nb.ipynb").write_text(NOTEBOOK, encoding="utf-8")
    return root


@pytest.fixture
def no_kernel(monkeypatch: pytest.MonkeyPatch) -> list:
    """Fail the test if a kernel would start; record the calls of build_briefs instead."""
    from analysis import render

    def refuse(*args, **kwargs):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(render, "render_brief", refuse)
    return []


def build_args(project: Path, out: Path, *extra: str) -> list[str]:
    return [
        "build",
        "--seeds",
        str(project / "seeds"),
        "--briefs-file",
        str(project / "briefs.toml"),
        "--out",
        str(out),
        *extra,
    ]


# --------------------------------------------------------------------------- what a build deletes


def test_build_removes_only_temporary_folders_of_dead_builds(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    user = out / ".tmp-notes"
    user.mkdir()
    (user / "n.txt").write_text("mine", encoding="utf-8")
    dead = publish.make_temp(out, "fx")  # a build killed after making it: marker names our lock
    foreign = out / ".tmp-other"
    foreign.mkdir()
    (foreign / publish.TMP_MARKER).write_text(json.dumps({"lock": "/elsewhere/.build.lock"}))
    assert build.build_briefs([], tmp_path, out, quiet=True) == 0
    assert (user / "n.txt").read_text(encoding="utf-8") == "mine"
    assert foreign.is_dir()
    assert not dead.exists()


# --------------------------------------------------------------------------- where a build writes


def test_out_at_the_filesystem_root_is_refused(project: Path, monkeypatch) -> None:
    reached = []
    monkeypatch.setattr(build, "build_briefs", lambda *a, **k: reached.append(a) or 0)
    code, _, err = run_cli(*build_args(project, Path("/")))
    assert code == 2 and not reached
    assert err.startswith("stbrief: --out /: a filesystem root")


def test_out_at_the_home_folder_is_refused(project: Path, tmp_path: Path, monkeypatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".bashrc").write_text("# mine\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    reached = []
    monkeypatch.setattr(build, "build_briefs", lambda *a, **k: reached.append(a) or 0)
    code, _, err = run_cli(*build_args(project, home))
    assert code == 2 and not reached
    assert f"--out {home}: the home folder" in err


def test_a_foreign_non_empty_out_folder_needs_force_out(
    project: Path, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "papers"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"mine")
    reached = []
    monkeypatch.setattr(build, "build_briefs", lambda *a, **k: reached.append(a) or 0)
    code, _, err = run_cli(*build_args(project, out))
    assert code == 2 and not reached
    assert f"--out {out}: a non-empty folder with no stbrief manifest.json" in err
    assert "--force-out" in err
    assert run_cli(*build_args(project, out), "--force-out")[0] == 0 and reached
    # a folder of stbrief's own (its manifest) and an empty one are fine
    (out / "manifest.json").write_text('{"version": 1, "briefs": {}}', encoding="utf-8")
    assert run_cli(*build_args(project, out))[0] == 0
    assert run_cli(*build_args(project, tmp_path / "new"))[0] == 0


def test_a_fresh_checkouts_reports_folder_is_ours(
    project: Path, tmp_path: Path, monkeypatch
) -> None:
    """`make brief` on a fresh clone: reports/ holds git's .gitkeep, the documents table
    `stbrief docs` just wrote, the store and a notebook's run folder, and no manifest yet."""
    out = tmp_path / "reports"
    for folder in ("data", ".cache", "notebook-run/02"):
        (out / folder).mkdir(parents=True)
    (out / ".gitkeep").write_bytes(b"")
    (out / "data" / "documents.csv").write_text("doc_id\n", encoding="utf-8")
    reached = []
    monkeypatch.setattr(build, "build_briefs", lambda *a, **k: reached.append(a) or 0)
    assert run_cli(*build_args(project, out))[0] == 0 and reached


def test_out_below_a_file_exits_2_naming_the_option(project: Path, tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    code, _, err = run_cli(*build_args(project, afile / "sub"))
    assert code == 2
    assert err.strip() == f"stbrief: --out {afile / 'sub'}: {afile} is a file, not a folder"


@contextlib.contextmanager
def read_only_folder(path: Path):
    """A folder this process cannot write: chmod for a user, a read-only tmpfs for root."""
    path.mkdir()
    if os.geteuid() != 0:
        path.chmod(0o555)
        try:
            yield path
        finally:
            path.chmod(0o755)
        return
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(path)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("root without the right to mount a read-only tmpfs")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=True)


def test_out_in_a_read_only_folder_exits_2(project: Path, tmp_path: Path, no_kernel) -> None:
    with read_only_folder(tmp_path / "ro") as ro:
        code, _, err = run_cli(*build_args(project, ro / "reports"))
    assert code == 2
    assert f"--out {ro / 'reports'}: {ro} cannot be written (read-only)" in err


@pytest.mark.parametrize("value", ["nan", "inf", "-1"])
def test_bad_lock_timeout_exits_2(project: Path, tmp_path: Path, value: str) -> None:
    code, _, err = run_cli(*build_args(project, tmp_path / "r"), "--lock-timeout", value)
    assert code == 2
    assert err.startswith(f"stbrief: --lock-timeout {float(value)}: must be a number of seconds")
    assert not (tmp_path / "r").exists()


# --------------------------------------------------------------------------- bad input before kernels


def test_undecodable_catalog_exits_2_naming_it(project: Path) -> None:
    catalog = project / "seeds" / "catalog.yaml"
    catalog.write_bytes('doc.txt:\n  title: "Café"\n'.encode("latin-1"))
    code, _, err = run_cli("docs", "--seeds", str(project / "seeds"))
    assert code == 2
    assert err.startswith(f"stbrief: {catalog}: not UTF-8 text")


def test_bad_catalog_under_build_exits_2_before_any_kernel(
    project: Path, tmp_path: Path, no_kernel
) -> None:
    catalog = project / "seeds" / "catalog.yaml"
    catalog.write_text("doc.txt:\n  colour: red\n", encoding="utf-8")
    out = tmp_path / "reports"
    code, _, err = run_cli(*build_args(project, out), "--quiet")
    assert code == 2, err
    assert err.startswith(f"stbrief: {catalog}:") and "colour" in err
    assert not (out / "failed").exists()


def test_empty_seeds_folder_says_there_are_no_documents(
    project: Path, tmp_path: Path, no_kernel
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for argv in (["facts", "--seeds", str(empty)], ["docs", "--seeds", str(empty)]):
        code, _, err = run_cli(*argv)
        assert code == 2
        assert err.strip() == f"stbrief: --seeds {empty}: no documents in {empty} (no *.txt file)"
    args = build_args(project, tmp_path / "reports")
    args[args.index("--seeds") + 1] = str(empty)
    code, _, err = run_cli(*args, "--quiet")
    assert code == 2 and f"no documents in {empty}" in err


def test_a_folder_whose_every_document_is_left_out_says_so_by_name(tmp_path: Path) -> None:
    """Every file left out (here: empty or binary) must not end in a schema error or an
    internal failure: exit 2, naming each file and why."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "binary.txt").write_bytes(bytes(range(256)) * 8)
    for command in ("docs", "facts", "timeline"):
        code, _, err = run_cli(command, "--seeds", str(seeds), "--out", str(tmp_path / "t.csv"))
        assert code == 2, (command, err)
        assert "no readable documents, all 2 left out" in err
        assert "empty.txt:" in err and "binary.txt:" in err


def test_catalog_entry_for_a_missing_file_is_warned_by_name(project: Path) -> None:
    (project / "seeds" / "catalog.yaml").write_text(
        "doc.txt:\n  title: Here\ngone.txt:\n  title: Gone\n", encoding="utf-8"
    )
    code, _, err = run_cli("docs", "--seeds", str(project / "seeds"))
    assert code == 0
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert warnings == [
        f"stbrief: warning: {project / 'seeds' / 'catalog.yaml'}: entry gone.txt: "
        f"no such file in {project / 'seeds'} (entry ignored)"
    ]


def test_a_notebook_that_is_not_json_is_named_never_shown(
    project: Path, tmp_path: Path, no_kernel
) -> None:
    (project / "nb.ipynb").write_text("SECRET-LINE-1\nSECRET-LINE-2\n", encoding="utf-8")
    code, _, err = run_cli(*build_args(project, tmp_path / "reports"))
    assert code == 2
    assert "SECRET" not in err
    assert f"notebook {project / 'nb.ipynb'}: not a Jupyter notebook (not JSON)" in err


def test_disk_full_names_the_file_and_keeps_nothing_empty(
    project: Path, tmp_path: Path, monkeypatch
) -> None:
    from analysis import render

    def full(notebook, workdir, parameters, formats, **kwargs):
        (workdir / "executed.ipynb").write_bytes(b"")  # what a full disk leaves
        kwargs["progress"]("execute notebook")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(render, "render_brief", full)
    out = tmp_path / "reports"
    code, _, err = run_cli(*build_args(project, out), "--quiet")
    assert code == 1
    (line,) = err.splitlines()
    assert "brief fx failed: could not write " in line
    assert "executed.ipynb: No space left on device" in line
    assert "the executed notebook was empty (not kept)" in line
    assert not (out / "failed").exists()
    assert not list(out.glob(".tmp-*"))


# --------------------------------------------------------------------------- documents and CSV


def test_a_link_leading_outside_the_seeds_folder_is_left_out_by_name(tmp_path: Path) -> None:
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text(DOC.replace("Brazil", "Narnia"), encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "doc.txt").write_text(DOC, encoding="utf-8")
    (seeds / "link.txt").symlink_to(outside / "secret.txt")
    (seeds / "alias.txt").symlink_to(seeds / "doc.txt")  # inside the folder: read
    loaded = corpus.load_corpus(seeds)
    assert sorted(d.doc_id for d in loaded) == ["alias", "doc"]
    assert [(s.file, s.reason) for s in loaded.skipped] == [
        ("link.txt", "a link to a file outside the seeds folder (not followed)")
    ]
    code, out, err = run_cli("docs", "--seeds", str(seeds))
    assert code == 0 and "Narnia" not in out
    assert "stbrief: skipped link.txt: a link to a file outside the seeds folder" in err


def test_csv_exports_neutralise_formula_cells(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    # a headline that is a formula (its link text reads as a headline)
    formula = '=HYPERLINK("http://x","China signs science agreements")'
    (seeds / "doc.txt").write_text(formula + "\n\n" + DOC, encoding="utf-8")
    target = tmp_path / "docs.csv"
    assert run_cli("docs", "--seeds", str(seeds), "--out", str(target))[0] == 0
    import csv

    with target.open(encoding="utf-8", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["title"] == "'" + formula


def test_csv_safe_touches_only_text_that_starts_a_formula() -> None:
    import pandas as pd

    frame = pd.DataFrame(
        {
            "text": ["=1+2", "+cmd", "-x", "@SUM(A1)", "\tTab", "plain", "a=b", None],
            "value": [-1.5, 2, 3, 4, 5, 6, 7, 8],
        }
    )
    safe = config.csv_safe(frame)
    assert safe["text"].tolist()[:7] == [
        "'=1+2",
        "'+cmd",
        "'-x",
        "'@SUM(A1)",
        "'\tTab",
        "plain",
        "a=b",
    ]
    assert pd.isna(safe["text"].tolist()[7])
    assert safe["value"].tolist() == frame["value"].tolist()
    assert frame["text"][0] == "=1+2"  # the caller's frame is left alone


# --------------------------------------------------------------------------- the lock


HOLD = """
import sys, time
from pathlib import Path
from analysis import build, publish
lock = publish._acquire_lock(Path(sys.argv[1]), 5, build._Reporter(True))
print("held", flush=True)
sys.stdin.readline()
"""


def test_a_waiting_build_says_once_whom_it_waits_for(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(out)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        code, _, err = run_cli(*build_args(project, out), "--lock-timeout", "0.3")
    finally:
        holder.communicate("\n", timeout=30)
    assert code == 1
    waits = [line for line in err.splitlines() if "stbrief build: waiting" in line]
    assert len(waits) == 1
    assert f"for the build of pid {holder.pid} on " in waits[0]
    assert "running since 20" in waits[0] and ".build.lock" in waits[0]
    assert f"waited 0.3 s (the build of pid {holder.pid}" in err.splitlines()[-1]


# --------------------------------------------------------------------------- the project


def test_the_project_is_found_upward_from_the_current_folder(
    project: Path, tmp_path: Path, monkeypatch
) -> None:
    sub = project / "notebooks" / "deep"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert config.find_project() == project
    assert config.SEEDS_DIR == project / "seeds" and config.REPORTS_DIR == project / "reports"
    code, out, _ = run_cli("docs")
    assert code == 0 and "Cooperation Report" in out
    seen = {}
    monkeypatch.setattr(build, "build_briefs", lambda *a, **k: seen.update(a=a, k=k) or 0)
    assert run_cli("build")[0] == 0
    assert seen["a"][1] == project / "seeds" and seen["a"][2] == project / "reports"
    assert seen["k"]["cwd"] == project
    assert [b.notebook for b in seen["a"][0]] == [project / "nb.ipynb"]


def test_outside_a_project_the_command_says_so_or_takes_project(
    project: Path, tmp_path: Path, monkeypatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, _, err = run_cli("docs")
    assert code == 2
    assert f"no briefs.toml in {elsewhere} or any folder above it" in err and "--project" in err
    code, out, _ = run_cli("docs", "--project", str(project))
    assert code == 0 and "Cooperation Report" in out
    assert run_cli("docs", "--project", str(tmp_path / "nope"))[0] == 2


def test_help_says_how_the_project_is_found() -> None:
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "stbrief"), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0
    text = " ".join(proc.stdout.split())
    assert "nearest folder upward from the current one that holds briefs.toml" in text
    assert "--project DIR" in text


# --------------------------------------------------------------------------- publishing


def stage(out: Path, version: str) -> Path:
    """A complete edition of brief ``fx`` whose every file says ``version``."""
    staging = publish.make_temp(out, "test") / "edition"
    (staging / "figures").mkdir(parents=True)
    (staging / "data").mkdir()
    for rel in ("fx.html", "fx.pdf", "figures/01-x.csv", "data/facts.csv"):
        (staging / rel).write_text(version, encoding="utf-8")
    return staging


def entry(version: str) -> dict:
    return {"input_hash": (version * 64)[:64], "title": version, "outputs": {}}


def visible(out: Path) -> list[str | None]:
    """What a reader opens: the HTML, the PDF, a figure's data, a table."""
    found = []
    for rel in ("fx.html", "fx.pdf", "figures/fx/01-x.csv", "data/fx/facts.csv"):
        try:
            found.append((out / rel).read_text(encoding="utf-8"))
        except FileNotFoundError:
            found.append(None)
    return found


def test_publish_switches_one_symlink_and_keeps_the_last_editions(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    staged = []
    for n, version in enumerate(["a", "b", "c", "d"]):
        hook = staged.append if n == 3 else None
        publish.publish_edition(
            out, "fx", stage(out, version), entry(version), keep=2, on_stage=hook
        )
        assert visible(out) == [version] * 4
    assert os.readlink(out / "fx.html") == "editions/fx/current/fx.html"
    assert os.readlink(out / "figures" / "fx") == "../editions/fx/current/figures"
    root = out / "editions" / "fx"
    editions = sorted(p.name for p in root.iterdir() if p.name != "current")
    assert len(editions) == 2 and os.readlink(root / "current") == editions[-1]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    current = json.loads((root / "current" / "edition.json").read_text(encoding="utf-8"))
    assert manifest["briefs"]["fx"] == current and current["title"] == "d"
    assert current["edition"] == f"editions/fx/{editions[-1]}"
    (hook_arg,) = staged
    assert hook_arg.previous == (root / editions[0]).resolve() and hook_arg.entry is not None


KILL = """
import json, os, sys
from pathlib import Path
from analysis import publish
out, staging, at = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
publish._step = lambda name: os._exit(9) if name == at else None
publish.publish_edition(out, "fx", staging, json.loads(sys.argv[4]), keep=10)
"""
STEPS = ["staged", "edition", "links", "current", "manifest", "pruned"]


def publish_killed(out: Path, version: str, at: str) -> int:
    staging = stage(out, version)
    argv = [sys.executable, "-c", KILL, str(out), str(staging), at, json.dumps(entry(version))]
    return subprocess.run(argv, timeout=60).returncode


@pytest.mark.parametrize("at", STEPS)
def test_a_kill_between_publish_steps_never_tears_a_pair(tmp_path: Path, at: str) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    publish.publish_edition(out, "fx", stage(out, "old"), entry("old"))
    assert publish_killed(out, "new", at) == 9
    seen = visible(out)
    assert seen in (["old"] * 4, ["new"] * 4), seen
    # the next build finds its way: dead temporaries gone, manifest = the current edition
    assert build.build_briefs([], tmp_path, out, quiet=True) == 0
    assert not list(out.glob(".tmp-*"))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["briefs"]["fx"]["title"] == seen[0]


@pytest.mark.parametrize("at", STEPS)
def test_a_kill_while_leaving_the_old_layout_never_mixes_old_and_new(
    tmp_path: Path, at: str
) -> None:
    out = tmp_path / "reports"
    for rel in ("fx.html", "fx.pdf", "figures/fx/01-x.csv", "data/fx/facts.csv"):
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text("old", encoding="utf-8")  # published before editions existed
    assert publish_killed(out, "new", at) == 9
    seen = {v for v in visible(out) if v is not None}
    assert len(seen) <= 1, visible(out)
    if at in ("current", "manifest", "pruned"):
        assert visible(out) == ["new"] * 4
