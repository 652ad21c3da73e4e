"""Where the per-document work runs: this process, a local process pool, or a Dask cluster.

:func:`run` applies a batch function to items grouped in batches of about 256 kB and yields
``(index, result)`` per item as batches finish, in any order. At most a few batches per
worker are in flight at once, so memory stays bounded however large the corpus: results are
handed to the caller (which stores them) and let go. The caller puts them in order, so the
table is the same whatever ran it.

The Dask engine (``pip install 'stbrief[dask]'``) connects to a running scheduler; its
workers import this package, so they need the same ``analysis`` code and lexicons
(checked: :func:`analysis.cache.analyse_file` says which code it ran) and must see the
documents at the same paths (one machine, or a shared filesystem).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from analysis.config import InputError

ENGINES = ("local", "dask")
# Smaller jobs run in this process: starting workers would cost more than it saves.
POOL_MIN_ITEMS, POOL_MIN_BYTES = 20, 500_000
IN_FLIGHT_PER_WORKER = 2


def batches(items: Sequence[tuple[Any, int]], workers: int) -> list[list[int]]:
    """Consecutive item indices in batches of about 256 kB (by the items' sizes), at least
    16 batches per worker so that the last ones finish together."""
    total = sum(size for _item, size in items)
    target = max(16_384, min(262_144, total // (max(workers, 1) * 16)))
    out, batch, size = [], [], 0
    for i, (_item, n) in enumerate(items):
        batch.append(i)
        size += n
        if size >= target:
            out.append(batch)
            batch, size = [], 0
    if batch:
        out.append(batch)
    return out


def run(
    fn: Callable[[list], list],
    items: Sequence[tuple[Any, int]],
    engine: str = "local",
    scheduler: Any = None,
    workers: int = 0,
    background: bool = False,
    warm: Warm | None = None,
) -> Iterator[tuple[int, Any]]:
    """``(index, fn(batch)[k])`` for every item, batch by batch as they finish.

    Parameters
    ----------
    fn : callable
        A module-level function (workers import it by name) from a list of items to the
        list of their results.
    items : sequence of (item, size in bytes)
        What to work on; sizes only group the batches.
    engine : {"local", "dask"}
        ``local``: ``workers`` processes (0: one per core; small jobs in this process).
        ``dask``: the cluster at ``scheduler``.
    scheduler : str or distributed.Client, optional
        For ``dask``: a scheduler address (``tcp://host:8786``) or a connected client.
    workers : int
        For ``local``: processes (0: one per core).
    background : bool
        For ``local``: a job small enough for this process starts at once in a process of
        its own instead, so that the caller can do other work (reading the store) meanwhile
        and take the results after.
    warm : Warm, optional
        For ``background``: a process forked earlier and warmed up, to run the job in.
    """
    if engine not in ENGINES:
        raise InputError(f"--engine {engine}: must be one of {', '.join(ENGINES)}")
    if not items:
        return iter(())
    if engine == "dask":
        return _dask(fn, items, scheduler)
    if background and os.name == "posix" and _in_process(items, workers):
        if warm is not None:
            return warm.run(items)
        return _background(fn, items)
    return _local(fn, items, workers)


def _in_process(items, workers: int) -> bool:
    small = len(items) < POOL_MIN_ITEMS or sum(s for _i, s in items) < POOL_MIN_BYTES
    return workers == 1 or small


class Warm:
    """A process forked at once that warms up (``prepare()``: imports, compiled lexicons)
    while the caller finds out what there is to do; then it runs ``job()`` (a batch
    function, looked up in the child, so as the caller sees it) on the items of :meth:`run`,
    or is ended unused by :meth:`close`. Results come back through a pipe (pickled between
    these two processes of this package; nothing is stored)."""

    def __init__(self, prepare: Callable[[], None], job: Callable[[], Callable]) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._conn, theirs = context.Pipe()
        self._proc = context.Process(
            target=_warm_main, args=(theirs, self._conn, prepare, job), daemon=True
        )
        self._proc.start()
        theirs.close()

    def run(self, items) -> Iterator[tuple[int, Any]]:
        self._conn.send([item for item, _size in items])

        def results() -> Iterator[tuple[int, Any]]:
            try:
                ok, value = self._conn.recv()
            except EOFError:
                raise RuntimeError("the worker process ended without its results") from None
            finally:
                self.close()
            if not ok:
                raise value
            yield from enumerate(value)

        return results()

    def close(self) -> None:
        if self._proc.is_alive():
            self._proc.terminate()
        self._proc.join()
        self._conn.close()


def _warm_main(conn, parents, prepare, job) -> None:
    # the fork copied the parent's end of the pipe too: closed here, so that when the parent
    # dies unannounced (terminated, killed) the wait below sees the pipe's end and returns,
    # instead of waiting forever on an end this process itself holds open
    parents.close()
    try:
        prepare()
    except Exception:  # noqa: BLE001 - only a head start: the job runs all the same
        pass
    try:
        items = conn.recv()
    except (EOFError, OSError):
        return
    try:
        conn.send((True, job()(items)))
    except Exception as exc:  # noqa: BLE001 - raised in the caller
        conn.send((False, exc))


def _background(fn, items) -> Iterator[tuple[int, Any]]:
    """Every item in one forked process, started now (not when the results are asked for)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    future = pool.submit(fn, [item for item, _size in items])

    def results() -> Iterator[tuple[int, Any]]:
        try:
            yield from enumerate(future.result())
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    return results()


def _local(fn, items, workers: int) -> Iterator[tuple[int, Any]]:
    from analysis import cache

    n = workers or os.cpu_count() or 1
    if len(items) < POOL_MIN_ITEMS or sum(s for _i, s in items) < POOL_MIN_BYTES:
        n = 1
    groups = batches(items, n)
    if n == 1:
        for group in groups:
            yield from zip(group, fn([items[i][0] for i in group]), strict=True)
        return
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    cache.warm_up()  # forked workers inherit the compiled lexicons
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(max_workers=n, mp_context=context) as pool:
        todo = iter(groups)
        running: dict[Any, list[int]] = {}

        def submit() -> None:
            for group in todo:
                running[pool.submit(fn, [items[i][0] for i in group])] = group
                if len(running) >= n * IN_FLIGHT_PER_WORKER:
                    return

        submit()
        while running:
            done, _pending = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                group = running.pop(future)
                yield from zip(group, future.result(), strict=True)
            submit()


def _dask(fn, items, scheduler) -> Iterator[tuple[int, Any]]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise InputError(
            "--engine dask needs dask.distributed: pip install 'stbrief[dask]'"
        ) from None
    if scheduler is None or scheduler == "":
        raise InputError("--engine dask needs --scheduler ADDRESS (or $STBRIEF_SCHEDULER)")
    own = not isinstance(scheduler, Client)
    if own:
        try:
            client = Client(scheduler, timeout="30s")
        except OSError as exc:
            raise InputError(f"--scheduler {scheduler}: cannot connect: {exc}") from None
    else:
        client = scheduler
    try:
        n = max(1, sum(client.nthreads().values()))
        todo = iter(batches(items, n))
        groups: dict[str, list[int]] = {}

        def submit():
            group = next(todo, None)
            if group is None:
                return None
            future = client.submit(fn, [items[i][0] for i in group], pure=False)
            groups[future.key] = group
            return future

        first = [f for f in (submit() for _ in range(n * IN_FLIGHT_PER_WORKER)) if f is not None]
        running = as_completed(first)
        for future in running:
            group = groups.pop(future.key)
            results = future.result()
            future.release()  # the cluster lets the batch's results go
            yield from zip(group, results, strict=True)
            following = submit()
            if following is not None:
                running.add(following)
    finally:
        if own:
            client.close()
