"""Where the per-document work runs: every engine gives the table the local one gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_cache import document  # the same small documents

from analysis import cache, engine
from analysis.config import InputError


@pytest.fixture
def seeds(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(cache.SCHEDULER_ENV, raising=False)
    folder = tmp_path / "seeds"
    folder.mkdir()
    for i in range(8):
        (folder / f"doc{i}.txt").write_text(document(i), encoding="utf-8")
    (folder / "doc9_repost.txt").write_text(document(3) + "Reposted.\n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return folder


def cold(seeds: Path, tmp: Path, **kw):
    """The table computed afresh (a new, empty store) with the engine options ``kw``."""
    import os

    os.environ[cache.CACHE_ENV] = str(tmp)
    return cache.facts_for_folder(seeds, **kw)


def test_the_pool_gives_the_table_of_one_process(seeds, tmp_path, monkeypatch):
    one, skipped_one = cold(seeds, tmp_path / "one", workers=1)
    monkeypatch.setattr(engine, "POOL_MIN_ITEMS", 0)
    monkeypatch.setattr(engine, "POOL_MIN_BYTES", 0)
    pooled, skipped = cold(seeds, tmp_path / "pool", workers=2)
    assert pooled.equals(one) and skipped == skipped_one
    assert [s.file for s in skipped] == ["binary.txt"]
    assert pooled["duplicate"].any()


def test_a_local_dask_cluster_gives_the_local_table(seeds, tmp_path):
    distributed = pytest.importorskip("distributed")
    local, local_skipped = cold(seeds, tmp_path / "local", workers=1)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_cluster, skipped = cold(seeds, tmp_path / "dask", engine="dask", scheduler=client)
        # by address too, as `stbrief facts --engine dask --scheduler ADDRESS` connects
        by_address, _ = cold(
            seeds, tmp_path / "dask-address", engine="dask", scheduler=cluster.scheduler_address
        )
    assert on_cluster.equals(local) and by_address.equals(local) and skipped == local_skipped


def test_dask_without_a_scheduler_is_bad_input(seeds, tmp_path):
    pytest.importorskip("distributed")
    with pytest.raises(InputError, match="--scheduler"):
        cold(seeds, tmp_path / "x", engine="dask")


def test_an_unknown_engine_is_bad_input():
    with pytest.raises(InputError, match="--engine spark"):
        list(engine.run(len, [("a", 1)], engine="spark"))


@given(st.lists(st.integers(0, 300_000), max_size=60), st.integers(1, 8))
def test_batches_keep_every_item_once_in_order(sizes, workers):
    groups = engine.batches([(None, s) for s in sizes], workers)
    assert [i for g in groups for i in g] == list(range(len(sizes)))
    assert all(groups)


@given(st.lists(st.integers(0, 50_000), min_size=1, max_size=40))
def test_run_yields_each_result_with_its_index(sizes):
    items = [(i, s) for i, s in enumerate(sizes)]
    got = dict(engine.run(_squares, items))
    assert got == {i: i * i for i in range(len(sizes))}


def _squares(batch: list[int]) -> list[int]:
    return [i * i for i in batch]


@given(st.lists(st.integers(0, 50_000), min_size=1, max_size=10))
def test_a_job_started_in_the_background_gives_the_results_of_this_process(sizes):
    items = [(i, s) for i, s in enumerate(sizes)]
    started = engine.run(_squares, items, background=True)  # running before it is asked
    assert dict(started) == dict(engine.run(_squares, items))


def test_a_refresh_computes_the_new_document_beside_the_store_read(seeds, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "_OVERLAP_MIN_STORED", 2)  # the background path, small corpus
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "warm"))
    cache.facts_for_folder(seeds)
    (seeds / "doc_added.txt").write_text(document(11), encoding="utf-8")
    calls = []
    real = engine.run
    monkeypatch.setattr(engine, "run", lambda *a, **kw: calls.append(kw) or real(*a, **kw))
    warm, warm_skipped = cache.facts_for_folder(seeds)
    assert [kw["background"] for kw in calls] == [True]
    table, skipped = cold(seeds, tmp_path)
    assert warm.equals(table) and warm_skipped == skipped


# --------------------------------------------------------------------------- --jobs
def _fake_build(brief, out, *_rest) -> None:
    """Stands for build._build_one: records which process built the brief; one fails."""
    import os
    import time

    (Path(out) / f"{brief.name}.pid").write_text(str(os.getpid()))
    deadline = time.monotonic() + 30
    # wait until the other brief has started too: both run at once, or this one gives up
    while len(list(Path(out).glob("*.pid"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    if brief.name == "bad":
        raise RuntimeError("cell failed")


def test_jobs_build_briefs_side_by_side_in_processes_of_their_own(tmp_path):
    import os

    from analysis import build
    from analysis.briefs import Brief

    notebook = tmp_path / "nb.ipynb"
    briefs = [
        Brief(
            name=name,
            title=name,
            start_year=1978,
            end_year=2011,
            notebook=notebook,
            formats=("html",),
        )
        for name in ("good", "bad")
    ]
    todo = [(b, tmp_path, "digest", {}, {}, print) for b in briefs]
    results = {b.name: failure for b, failure in build._run_builds(todo, jobs=2, build=_fake_build)}
    assert results["good"] is None
    reason, kept = results["bad"]
    assert "cell failed" in reason and "no executed notebook" in kept
    pids = {(tmp_path / f"{n}.pid").read_text() for n in ("good", "bad")}
    assert len(pids) == 2 and str(os.getpid()) not in pids


def test_a_warm_worker_ends_with_the_process_that_forked_it(tmp_path):
    # a process forks its warm worker, prints the worker's pid and is killed unannounced (as
    # `stbrief build` ends a store fill): the worker must not be left waiting for work forever
    import os
    import signal
    import subprocess
    import sys
    import time

    script = (
        "import os, sys, time\n"
        "from analysis import engine\n"
        "w = engine.Warm(lambda: None, lambda: (lambda items: items))\n"
        "print(w._proc.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    child = int(proc.stdout.readline())
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for _ in range(200):  # the worker sees the pipe's end and returns (bounded: 20 s)
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        if Path(f"/proc/{child}/stat").read_text().split()[2] == "Z":
            break  # ended, not yet reaped by init
        time.sleep(0.1)
    else:
        os.kill(child, signal.SIGKILL)
        raise AssertionError("the warm worker outlived the process that forked it")
