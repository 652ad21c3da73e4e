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


def _memory(p) -> int:
    """A process's proportional set size where the system tells it (Linux), else its RSS.
    A forked worker shares its parent's pages: summing RSS would count them once per
    process, PSS divides each shared page among the processes that map it."""
    try:
        return p.memory_full_info().pss
    except (AttributeError, NotImplementedError):
        return p.memory_info().rss


def run(cmd: list[str], **kw) -> tuple[float, int, subprocess.CompletedProcess]:
    """Wall time, peak memory of the whole process tree (bytes: the sum of the processes'
    PSS, see :func:`_memory`), and the completed process."""
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    peak = 0
    done = threading.Event()
    ps = psutil.Process(proc.pid)

    def poll() -> None:
        # RSS every 20 ms (cheap); PSS (reading every mapping) only when the tree's RSS
        # has grown 2 % past the last time it was read: a PSS poll every 20 ms would take
        # a core's worth of time from the command it measures
        nonlocal peak
        sampled = 0
        while not done.is_set():
            try:
                procs = [p for p in (ps, *ps.children(recursive=True)) if p.is_running()]
                rss = sum(p.memory_info().rss for p in procs)
                if rss > sampled * 1.02:
                    sampled = rss
                    peak = max(peak, sum(_memory(p) for p in procs))
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
        read = out / ".cache" / "last-read.json"  # written by the kernel's corpus_tables
        reads.append(json.loads(read.read_text()) if read.is_file() else {})
        return wall

    reads: list[dict] = []
    med, walls = median_of(3, once)
    manifest = json.loads((out / "manifest.json").read_text())
    steps = manifest["briefs"]["brief"].get("timings", {}) if "briefs" in manifest else {}
    if not steps:
        steps = manifest.get("brief", {}).get("timings", {})
    # the store fill started by the build: did the kernel read every document from it?
    return {"median_s": med, "runs_s": walls, "steps_s": steps, "kernel_reads": reads}


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
    """The same papermill -> nbconvert -> Typst path on a one-figure notebook."""
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


def synth_corpus(folder: Path, megabytes: float, seed: int = 7) -> int:
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
        wall, peak, proc = facts_run(folder, out, tmp / f"store-{mb}")
        scan = bare_scan(folder)
        row = {
            "corpus_mb": size / 1e6,
            "files": len(list(folder.glob("*.txt"))),
            "facts_s": wall,
            "facts_mb_s": size / 1e6 / wall,
            "bare_scan_mb_s": scan,
            "ratio_to_scan": (size / 1e6 / wall) / scan,
            "peak_mb": peak / 1e6,
            "rows": sum(1 for _ in out.open()) - 1,
        }
        if mb == sizes[min(1, len(sizes) - 1)]:
            one, two = tmp / f"facts-{mb}-w1.csv", tmp / f"facts-{mb}-w2.csv"
            facts_run(folder, one, tmp / f"store-{mb}-w1", "--workers", "1")
            facts_run(folder, two, tmp / f"store-{mb}-w2", "--workers", "2")
            row["one_vs_two_processes_identical"] = one.read_bytes() == two.read_bytes()
        rows.append(row)
        shutil.rmtree(folder)
    return rows


def facts_run(folder: Path, out: Path, store: Path | None, *args: str, cold: bool = True):
    """``stbrief facts`` with its per-document store in ``store`` (emptied first if
    ``cold``); wall time, peak memory (PSS) and the process."""
    if cold and store is not None:
        shutil.rmtree(store, ignore_errors=True)
    env = {**os.environ, "STBRIEF_CACHE": str(store or folder.parent / "no-store")}
    env.pop("STBRIEF_SCHEDULER", None)
    cmd = [STBRIEF, "facts", "--seeds", str(folder), "--out", str(out), *args]
    wall, peak, proc = run(cmd, env=env)
    if proc.returncode:
        raise SystemExit(f"facts failed: {proc.stderr.decode()[-2000:]}")
    return wall, peak, proc


# ------------------------------------------------------------------ 6. refresh after one add
def refresh(tmp: Path, mb: int) -> dict:
    """Cold ``stbrief facts`` on an ``mb`` corpus, then one document added: the refresh reads
    only that one from the store's misses; its table against a cold run of the new corpus."""
    folder = tmp / f"refresh-{mb}mb"
    size = synth_corpus(folder, mb)
    store = tmp / f"refresh-store-{mb}"
    cold_s, cold_peak, _ = facts_run(folder, tmp / "refresh-before.csv", store)
    synth_corpus(tmp / "one-more", 1e-6, seed=99)  # one document (the loop runs once)
    (extra,) = sorted((tmp / "one-more").glob("*.txt"))
    shutil.move(extra, folder / "zz_added.txt")
    shutil.rmtree(tmp / "one-more")
    warm_s, warm_peak, _ = facts_run(folder, tmp / "refresh-after.csv", store, cold=False)
    again_s, _p, _ = facts_run(folder, tmp / "refresh-cold.csv", tmp / "refresh-store-cold")
    same = (tmp / "refresh-after.csv").read_bytes() == (tmp / "refresh-cold.csv").read_bytes()
    shutil.rmtree(folder)
    shutil.rmtree(store, ignore_errors=True)
    shutil.rmtree(tmp / "refresh-store-cold", ignore_errors=True)
    return {
        "corpus_mb": size / 1e6,
        "cold_s": cold_s,
        "cold_peak_mb": cold_peak / 1e6,
        "cold_with_new_document_s": again_s,
        "refresh_s": warm_s,
        "refresh_peak_mb": warm_peak / 1e6,
        "refresh_over_cold": warm_s / cold_s,
        "refresh_equals_cold_table": same,
    }


# ------------------------------------------------------------------ 7. Dask vs the local pool
def dask_vs_local(tmp: Path, mb: int) -> dict:
    """``stbrief facts --engine dask`` on a scheduler and 2 one-thread workers started with
    ``dask scheduler`` / ``dask worker`` on localhost, against the local pool (both cold)."""
    dask = BIN / "dask"
    if not dask.exists():
        return {"skipped": "dask is not installed (pip install '.[dask]')"}
    folder = tmp / f"dask-{mb}mb"
    size = synth_corpus(folder, mb)
    local_s, local_peak, _ = facts_run(folder, tmp / "local.csv", tmp / "store-local")
    sched_file = tmp / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen(
        [
            str(dask),
            "scheduler",
            "--scheduler-file",
            str(sched_file),
            "--port",
            "0",
            "--dashboard-address",
            ":0",
        ],
        **quiet,
    )
    workers = []
    try:
        for _ in range(200):
            if sched_file.exists() and sched_file.stat().st_size:
                break
            time.sleep(0.1)
        address = json.loads(sched_file.read_text())["address"]
        workers = [
            subprocess.Popen(
                [
                    str(dask),
                    "worker",
                    address,
                    "--nthreads",
                    "1",
                    "--nworkers",
                    "1",
                    "--no-dashboard",
                ],
                cwd=ROOT,
                **quiet,
            )
            for _ in range(2)
        ]
        _wait_for_workers(address, 2)
        dask_s, dask_peak, _ = facts_run(
            folder, tmp / "dask.csv", tmp / "store-dask", "--engine", "dask", "--scheduler", address
        )
    finally:
        for proc in [*workers, scheduler]:
            proc.terminate()
        for proc in [*workers, scheduler]:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
    same = (tmp / "local.csv").read_bytes() == (tmp / "dask.csv").read_bytes()
    shutil.rmtree(folder)
    return {
        "corpus_mb": size / 1e6,
        "local_pool_s": local_s,
        "local_peak_mb": local_peak / 1e6,
        "dask_2_workers_s": dask_s,
        "dask_client_peak_mb": dask_peak / 1e6,
        "dask_over_local": dask_s / local_s,
        "same_table": same,
    }


def _wait_for_workers(address: str, n: int) -> None:
    from distributed import Client

    with Client(address, timeout="30s") as client:
        client.wait_for_workers(n, timeout=60)


# ------------------------------------------------------------------ 8. briefs side by side
def jobs(tmp: Path) -> dict:
    """Every brief of briefs.toml (HTML + PDF, ``--force``) with ``--jobs 1`` and ``--jobs
    2``; the store is filled by the first run, so both read the corpus from it."""
    out = tmp / "jobs-reports"
    walls = {}
    for n in (1, 2, 1, 2):  # interleaved: the machine's drift hits both alike
        wall, _peak, proc = run(
            [STBRIEF, "build", "--force", "--quiet", "--out", str(out), "--jobs", str(n)],
            cwd=ROOT,
        )
        if proc.returncode:
            raise SystemExit(f"build --jobs {n} failed: {proc.stderr.decode()[-2000:]}")
        walls.setdefault(n, []).append(wall)
    one, two = min(walls[1]), min(walls[2])
    return {"jobs1_s": walls[1], "jobs2_s": walls[2], "jobs2_over_jobs1": two / one}


# ------------------------------------------------------------------ 9. one large document
def size_limit_bytes() -> int:
    """The size above which a document is left out by name (``max_document_mb``)."""
    sys.path.insert(0, str(ROOT))
    from analysis import corpus

    return corpus.settings().max_bytes


def baseline_memory() -> int:
    """Peak memory of a process that only starts Python and imports what the commands
    import (pandas, numpy, pandera's table schemas, the package): the part of a command's
    peak that does not grow with the document."""
    code = "import pandas, numpy, pandera.pandas; from analysis import cache, corpus, events, facts"
    _wall, peak, _proc = run([sys.executable, "-c", code], cwd=ROOT)
    return peak


def single_document(tmp: Path, mb: float, base: int) -> dict:
    """One ``mb`` MB document (the seeds, shifted, one after another): ``stbrief facts``,
    ``docs`` and ``timeline``, time and peak memory (÷ the document's size, whole and above
    the ``base`` of starting Python), and whether it was read or left out by name."""
    parts = tmp / "single-parts"
    synth_corpus(parts, mb)
    folder = tmp / "single"
    folder.mkdir()
    target = int(mb * 1_000_000)
    with (folder / "one_large.txt").open("wb") as fh:
        written = 0
        for p in sorted(parts.glob("*.txt")):
            data = p.read_bytes() + b"\n\n"
            if written + len(data) > target:
                break
            fh.write(data)
            written += len(data)
    shutil.rmtree(parts)
    size = (folder / "one_large.txt").stat().st_size
    row: dict = {"document_mb": size / 1e6}
    for command in ("facts", "docs", "timeline"):
        out = tmp / f"single-{command}.csv"
        store = tmp / f"single-store-{command}"
        shutil.rmtree(store, ignore_errors=True)
        env = {**os.environ, "STBRIEF_CACHE": str(store)}
        cmd = [STBRIEF, command, "--seeds", str(folder), "--out", str(out)]
        wall, peak, proc = run(cmd, env=env)
        row[command] = {
            "s": wall,
            "peak_mb": peak / 1e6,
            "peak_over_size": peak / size,
            "peak_above_start_over_size": max(0, peak - base) / size,
            "exit": proc.returncode,
            # named in a warning ("skipped one_large.txt: ..."), or in the error when it was
            # the only document ("all 1 left out (one_large.txt: larger than 5 MB ...)")
            "left_out": b"one_large.txt: larger than" in proc.stderr,
        }
        shutil.rmtree(store, ignore_errors=True)
    shutil.rmtree(folder)
    return row


def main() -> None:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES_MB", "1,10,100").split(",")]
    for name in ("STBRIEF_CACHE", "STBRIEF_SCHEDULER"):  # each measure chooses its own store
        os.environ.pop(name, None)
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
        refresh_sizes = [int(s) for s in os.environ.get("BENCH_REFRESH_MB", "20,100").split(",")]
        refresh_sizes = [mb for mb in refresh_sizes if mb <= max(sizes)] or [min(sizes)]
        print(f"refresh after one added document on {refresh_sizes} MB …", file=sys.stderr)
        ref = [refresh(tmp, mb) for mb in refresh_sizes]
        dask_mb = min(int(os.environ.get("BENCH_DASK_MB", "10")), max(sizes))
        print(f"Dask, 2 workers, vs the local pool on {dask_mb} MB …", file=sys.stderr)
        dsk = dask_vs_local(tmp, dask_mb)
        print("all briefs, --jobs 2 vs --jobs 1 …", file=sys.stderr)
        jb = jobs(tmp)
        # 20 MB (left out by name: above the limit) and one just under the limit (read)
        under = size_limit_bytes() * 0.97 / 1e6
        single_sizes = sorted({min(20, max(sizes)), round(min(under, max(sizes)), 2)})
        print(f"one document of {single_sizes} MB …", file=sys.stderr)
        base = baseline_memory()
        single = [single_document(tmp, mb, base) for mb in single_sizes]
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
        "refresh": ref,
        "dask": dsk,
        "jobs": jb,
        "single_document": single,
    }
    (REPORTS / "bench.json").write_text(json.dumps(result, indent=2))
    ok = lambda good: "ok" if good else "MISSED"  # noqa: E731
    print(f"\nstbrief bench — {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'measure':44} {'value':>12}  target")
    steps = ", ".join(f"{k} {v:.2f}" for k, v in build["steps_s"].items())
    print(f"{'cold build, brief html+pdf (s)':44} {build['median_s']:12.2f}  [{steps}]")
    if build["steps_s"].get("execute") and "pdf" in build["steps_s"]:
        v = build["steps_s"]["pdf"] / build["steps_s"]["execute"]
        print(f"{'PDF step (Typst) / notebook execution':44} {v:12.3f}  ≤ 0.12 {ok(v <= 0.12)}")
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
            f"peak {e['peak_mb']:.0f} MB, {e['rows']} rows"
        )
        if "one_vs_two_processes_identical" in e:
            print(
                f"{'  1 vs 2 processes give the same table':44} "
                f"{e['one_vs_two_processes_identical']!s:>12}"
            )
    for r in ref:
        label = f"refresh, +1 document, {r['corpus_mb']:.0f} MB (s)"
        v = r["refresh_over_cold"]
        print(
            f"{label:44} {r['refresh_s']:12.2f}  cold {r['cold_s']:.2f} s, "
            f"ratio {v:.2f} (≤ 0.15 {ok(v <= 0.15)}), "
            f"same table as cold: {r['refresh_equals_cold_table']}"
        )
    if "skipped" in dsk:
        print(f"{'Dask engine':44} {'skipped':>12}  {dsk['skipped']}")
    else:
        print(
            f"{'Dask, 2 workers, ' + format(dsk['corpus_mb'], '.0f') + ' MB (s)':44} "
            f"{dsk['dask_2_workers_s']:12.2f}  local pool {dsk['local_pool_s']:.2f} s, "
            f"same table: {dsk['same_table']}"
        )
    v = jb["jobs2_over_jobs1"]
    print(
        f"{'all briefs --jobs 2 (s, best of 2)':44} {min(jb['jobs2_s']):12.2f}  "
        f"--jobs 1 {min(jb['jobs1_s']):.2f} s, ratio {v:.2f} (≤ 0.75 {ok(v <= 0.75)})"
    )
    for one in single:
        for command in ("facts", "docs", "timeline"):
            c = one[command]
            state = "left out by name" if c["left_out"] else "read"
            label = f"one {one['document_mb']:.1f} MB document, {command} (s)"
            v = c["peak_above_start_over_size"]
            target = "" if c["left_out"] else f" (≤ 10 {ok(v <= 10)})"
            print(
                f"{label:44} {c['s']:12.2f}  peak {c['peak_mb']:.0f} MB "
                f"({c['peak_over_size']:.1f}x its size; above Python's start "
                f"{v:.1f}x{target}), {state}, exit {c['exit']}"
            )
    reads = build.get("kernel_reads") or [{}]
    print(
        f"{'cold build: kernel read from the fill':44} "
        f"{reads[-1].get('stored', '?')!s:>12}  of {reads[-1].get('documents', '?')} documents, "
        f"computed {reads[-1].get('computed', '?')}, waited {reads[-1].get('waited_s', '?')} s"
    )
    print(f"\nwritten: {REPORTS / 'bench.json'}")


if __name__ == "__main__":
    main()
