"""`make bench`: build time against the toolchain floor, no-change rebuild, CLI start,
extraction throughput and memory against a bare regex scan. Prints a table and writes
reports/bench.json. A measuring script, not a test: it asserts nothing, it reports targets.
"""

from __future__ import annotations

import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
STBRIEF = str(BIN / "stbrief")
REPORTS = ROOT / "reports"
NUMBER_SCAN = re.compile(rb"\d[\d,.]*")


def run(cmd: list[str], **kw) -> tuple[float, int, subprocess.CompletedProcess]:
    """Wall time, peak RSS of the whole process tree (bytes), and the completed process."""
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    peak = 0
    done = threading.Event()
    ps = psutil.Process(proc.pid)

    def poll() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                procs = [ps, *ps.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
            except psutil.Error:
                pass
            done.wait(0.02)

    t = threading.Thread(target=poll, daemon=True)
    t.start()
    out, err = proc.communicate()
    done.set()
    t.join()
    wall = time.perf_counter() - start
    return wall, peak, subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def median_of(n: int, fn) -> tuple[float, list[float]]:
    values = [fn() for _ in range(n)]
    return statistics.median(values), values


# ------------------------------------------------------------------ 1. cold build vs floor
def cold_build(out: Path) -> dict:
    def once() -> float:
        shutil.rmtree(out / ".cache", ignore_errors=True)  # cold: no corpus tables cached
        wall, _peak, proc = run(
            [STBRIEF, "build", "--brief", "brief", "--force", "--quiet", "--out", str(out)],
            cwd=ROOT,
        )
        if proc.returncode:
            raise SystemExit(f"build failed: {proc.stderr.decode()[-2000:]}")
        return wall

    med, walls = median_of(3, once)
    manifest = json.loads((out / "manifest.json").read_text())
    steps = manifest["briefs"]["brief"].get("timings", {}) if "briefs" in manifest else {}
    if not steps:
        steps = manifest.get("brief", {}).get("timings", {})
    return {"median_s": med, "runs_s": walls, "steps_s": steps}


FLOOR_NOTEBOOK = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "params",
            "metadata": {"tags": ["parameters"]},
            "outputs": [],
            "source": "start_year = 1978\nend_year = 2011\nseeds_dir = ''\ntitle = ''\n"
            "output_dir = ''",
        },
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "fig",
            "metadata": {},
            "outputs": [],
            "source": "import pandas as pd\nimport seaborn as sns\n"
            "df = pd.DataFrame({'x': range(10), 'y': range(10)})\n"
            "sns.lineplot(data=df, x='x', y='y');",
        },
    ],
    "metadata": {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}


def floor(tmp: Path) -> dict:
    """The same papermill -> nbconvert -> WeasyPrint path on a one-figure notebook."""
    nb = tmp / "floor.ipynb"
    nb.write_text(json.dumps(FLOOR_NOTEBOOK))
    (tmp / "briefs.toml").write_text(
        f'[floor]\ntitle = "Floor"\nstart_year = 1978\nend_year = 2011\nnotebook = "{nb}"\n'
    )
    out = tmp / "floor-out"

    def once() -> float:
        shutil.rmtree(out / ".cache", ignore_errors=True)
        wall, _peak, proc = run(
            [
                STBRIEF,
                "build",
                "--briefs-file",
                str(tmp / "briefs.toml"),
                "--force",
                "--quiet",
                "--out",
                str(out),
            ],
            cwd=ROOT,
        )
        if proc.returncode:
            raise SystemExit(f"floor build failed: {proc.stderr.decode()[-2000:]}")
        return wall

    med, walls = median_of(3, once)
    return {"median_s": med, "runs_s": walls}


# ------------------------------------------------------------------ 2-3. rebuild, CLI start
def no_change(out: Path) -> dict:
    def once() -> float:
        wall, _p, proc = run([STBRIEF, "build", "--brief", "brief", "--out", str(out)], cwd=ROOT)
        assert b"unchanged" in proc.stderr, proc.stderr
        return wall

    med, walls = median_of(5, once)
    return {"median_s": med, "runs_s": walls}


def cli_start() -> dict:
    med, walls = median_of(5, lambda: run([STBRIEF, "--help"], cwd=ROOT)[0])
    return {"median_s": med, "runs_s": walls}


# ------------------------------------------------------------------ 4-5. extraction
SWAPS = [
    ("signed", "concluded"),
    ("established", "set up"),
    ("countries and regions", "countries and areas"),
    ("more than", "over"),
    ("In ", "During "),
]


def synth_corpus(folder: Path, megabytes: int, seed: int = 7) -> int:
    """Documents made from the seeds with other numbers, years and wording."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    target, total, i = megabytes * 1_000_000, 0, 0

    offset = 0

    def number(m: re.Match) -> str:
        s = m.group(0)
        if re.fullmatch(r"(19|20)\d\d", s):
            # one shift per document keeps its chronology ("that of 1978" stays before 1998)
            return str(int(s) + offset)
        digits = re.sub(r"\D", "", s)
        n = max(1, int(int(digits) * rng.uniform(0.5, 1.5))) if digits else 1
        return f"{n:,}" if "," in s else str(n)

    while total < target:
        offset = rng.randint(-12, 8)
        text = re.sub(r"\d[\d,]*\d|\d", number, texts[i % len(texts)])
        for a, b in rng.sample(SWAPS, 2):
            text = text.replace(a, b)
        data = text.encode("utf-8")
        (folder / f"doc_{i:06d}.txt").write_bytes(data)
        total += len(data)
        i += 1
    return total


def bare_scan(folder: Path) -> float:
    """MB/s of the floor for any extractor: read every file and find its digit runs."""
    start = time.perf_counter()
    size = count = 0
    for p in sorted(folder.glob("*.txt")):
        data = p.read_bytes()
        size += len(data)
        count += len(NUMBER_SCAN.findall(data))
    return size / 1e6 / (time.perf_counter() - start)


def extraction(tmp: Path, sizes: list[int]) -> list[dict]:
    rows = []
    for mb in sizes:
        folder = tmp / f"corpus-{mb}mb"
        size = synth_corpus(folder, mb)
        out = tmp / f"facts-{mb}.csv"
        wall, peak, proc = run([STBRIEF, "facts", "--seeds", str(folder), "--out", str(out)])
        if proc.returncode:
            raise SystemExit(f"facts failed: {proc.stderr.decode()[-2000:]}")
        scan = bare_scan(folder)
        row = {
            "corpus_mb": size / 1e6,
            "files": len(list(folder.glob("*.txt"))),
            "facts_s": wall,
            "facts_mb_s": size / 1e6 / wall,
            "bare_scan_mb_s": scan,
            "ratio_to_scan": (size / 1e6 / wall) / scan,
            "peak_rss_mb": peak / 1e6,
            "rows": sum(1 for _ in out.open()) - 1,
        }
        if mb == sizes[min(1, len(sizes) - 1)]:
            one = tmp / f"facts-{mb}-w1.csv"
            _w, _p, p1 = run(
                [STBRIEF, "facts", "--seeds", str(folder), "--out", str(one), "--workers", "1"]
            )
            two = tmp / f"facts-{mb}-w2.csv"
            _w, _p, p2 = run(
                [STBRIEF, "facts", "--seeds", str(folder), "--out", str(two), "--workers", "2"]
            )
            row["one_vs_two_processes_identical"] = one.read_bytes() == two.read_bytes()
        rows.append(row)
        shutil.rmtree(folder)
    return rows


def main() -> None:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES_MB", "1,10,100").split(",")]
    REPORTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="stbrief-bench-") as t:
        tmp = Path(t)
        out = tmp / "reports"
        print("cold build (median of 3) …", file=sys.stderr)
        build = cold_build(out)
        print("floor …", file=sys.stderr)
        fl = floor(tmp)
        print("no-change rebuild (median of 5) …", file=sys.stderr)
        rebuild = no_change(out)
        start = cli_start()
        print(f"extraction on {sizes} MB …", file=sys.stderr)
        ext = extraction(tmp, sizes)
    result = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "cold_build": build,
        "floor": fl,
        "build_over_floor": build["median_s"] / fl["median_s"],
        "no_change_rebuild": rebuild,
        "cli_start": start,
        "extraction": ext,
    }
    (REPORTS / "bench.json").write_text(json.dumps(result, indent=2))
    ok = lambda good: "ok" if good else "MISSED"  # noqa: E731
    print(f"\nstbrief bench — {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'measure':44} {'value':>12}  target")
    steps = ", ".join(f"{k} {v:.2f}" for k, v in build["steps_s"].items())
    print(f"{'cold build, brief html+pdf (s)':44} {build['median_s']:12.2f}  [{steps}]")
    print(f"{'floor, one-figure notebook (s)':44} {fl['median_s']:12.2f}")
    r = result["build_over_floor"]
    print(f"{'build / floor':44} {r:12.2f}  ≤ 2.0 {ok(r <= 2.0)}")
    v = rebuild["median_s"]
    print(f"{'no-change rebuild (s)':44} {v:12.3f}  ≤ 0.3 {ok(v <= 0.3)}")
    v = start["median_s"]
    print(f"{'stbrief --help (s)':44} {v:12.3f}  ≤ 0.2 {ok(v <= 0.2)}")
    for e in ext:
        label = f"facts {e['corpus_mb']:.0f} MB ({e['files']} files)"
        print(
            f"{label:44} {e['facts_mb_s']:9.1f} MB/s  scan {e['bare_scan_mb_s']:.0f} MB/s, "
            f"ratio {e['ratio_to_scan']:.2f} (≥ 0.5 {ok(e['ratio_to_scan'] >= 0.5)}), "
            f"peak {e['peak_rss_mb']:.0f} MB, {e['rows']} rows"
        )
        if "one_vs_two_processes_identical" in e:
            print(
                f"{'  1 vs 2 processes give the same table':44} "
                f"{e['one_vs_two_processes_identical']!s:>12}"
            )
    print(f"\nwritten: {REPORTS / 'bench.json'}")


if __name__ == "__main__":
    main()
