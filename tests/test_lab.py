"""JupyterLab as an analyst meets it: every notebook opens on the kernel `make lab` installs
(it runs .venv's Python, where the package is), and runs there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.config import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
DOCS = {
    "a.txt": "Partners in Science\n\nBeijing, 3 May 1995. In 1995, China signed 12 intergovernmental S&T cooperation agreements with Brazil, and 300 students went abroad.\n",
    "b.txt": "Joint Laboratories\n\nMadrid, 21 October 2008. Since 2001, China and Spain have opened 48 joint research centers, the ministry said.\n",
}


@pytest.fixture(scope="module")
def lab_prefix(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The kernelspec installed as `make lab` installs it, into a prefix of the test's own."""
    prefix = tmp_path_factory.mktemp("lab")
    proc = subprocess.run(
        ["make", "-s", "lab-kernel", f"LAB={prefix}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return prefix


def test_make_lab_installs_a_kernel_that_runs_the_venv(lab_prefix: Path) -> None:
    spec = json.loads(
        (lab_prefix / "share/jupyter/kernels/stbrief/kernel.json").read_text(encoding="utf-8")
    )
    assert spec["display_name"] == "stbrief (.venv)"
    assert Path(spec["argv"][0]).parent.parent == Path(sys.prefix)  # .venv's Python


def test_make_lab_makes_it_the_default_and_starts_as_root(lab_prefix: Path) -> None:
    proc = subprocess.run(
        ["make", "-n", "lab", f"LAB={lab_prefix}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    command = " ".join(proc.stdout.split())
    assert "jupyter lab --notebook-dir=notebooks" in command
    assert "--MappingKernelManager.default_kernel_name=stbrief" in command
    if os.geteuid() == 0:
        assert "--allow-root" in command and "running as root" in command
    else:
        assert "--allow-root" not in command


@pytest.mark.parametrize("name", [p.name for p in NOTEBOOKS])
def test_notebook_names_the_lab_kernel(name: str) -> None:
    meta = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))["metadata"]
    assert meta["kernelspec"]["name"] == "stbrief"
    assert meta["kernelspec"]["display_name"] == "stbrief (.venv)"


@pytest.mark.slow
@pytest.mark.parametrize("name", [p.name for p in NOTEBOOKS])
def test_notebook_runs_on_the_lab_kernel(
    name: str, lab_prefix: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import papermill
    from jupyter_client.kernelspec import KernelSpecManager

    monkeypatch.setenv("JUPYTER_PATH", str(lab_prefix / "share" / "jupyter"))
    spec = KernelSpecManager().get_kernel_spec("stbrief")
    assert Path(spec.resource_dir).is_relative_to(lab_prefix)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for file, text in DOCS.items():
        (seeds / file).write_text(text, encoding="utf-8")
    monkeypatch.setenv("STBRIEF_CACHE", str(tmp_path / "cache"))
    executed = tmp_path / name
    papermill.execute_notebook(  # no kernel_name: the one the notebook names, as the lab does
        str(ROOT / "notebooks" / name),
        str(executed),
        parameters={
            "seeds_dir": str(seeds),
            "start_year": 1978,
            "end_year": 2011,
            "output_dir": str(tmp_path / "output"),
        },
        cwd=str(ROOT / "notebooks"),
        progress_bar=False,
        execution_timeout=300,
    )
    ran = json.loads(executed.read_text(encoding="utf-8"))
    assert ran["metadata"]["kernelspec"]["name"] == "stbrief"
    errors = [
        o
        for c in ran["cells"]
        for o in c.get("outputs", [])
        if c["cell_type"] == "code" and o.get("output_type") == "error"
    ]
    assert not errors
