"""``stbrief build``: briefs.toml -> input hash, lock, render in a temporary folder, publish."""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import math
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from analysis import config
from analysis.briefs import Brief, check_seeds, load_briefs, parse_formats, select_briefs
from analysis.config import InputError
from analysis.inputs import input_hash, package_versions
from analysis.publish import (
    EDITIONS,
    LOCK,
    OWNER,
    _acquire_lock,
    _iso,
    _now,
    _remove_dead_temps,
    _shown,
    check_out,
    make_temp,
    publish_edition,
    read_manifest,
    rewrite_manifest,
)

_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS}


def _up_to_date(entry: Mapping[str, Any] | None, digest: str, out: Path) -> bool:
    if not entry or entry.get("input_hash") != digest:
        return False
    outputs = entry.get("outputs")
    if not isinstance(outputs, dict) or not outputs:
        return False
    for rel, size in outputs.items():
        try:
            if (out / rel).stat().st_size != size:
                return False
        except OSError:
            return False
    return True


# --------------------------------------------------------------------------- building


class _Reporter:
    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet

    def progress(self, name: str, message: str) -> None:
        if not self.quiet:
            print(f"{_iso(_now())} stbrief build: brief {name}: {message}", file=sys.stderr)

    def note(self, message: str) -> None:
        if not self.quiet:
            print(f"{_iso(_now())} stbrief build: {message}", file=sys.stderr, flush=True)

    @staticmethod
    def error(message: str) -> None:
        print(f"stbrief: {message}", file=sys.stderr)


def _keep_failed(executed: Path, out: Path, name: str) -> tuple[Path | None, str]:
    """Copy the executed notebook of a failed brief to ``failed/``: (its path, what to say).
    An empty notebook is not kept; a copy that cannot be completed leaves nothing behind."""
    try:
        size = executed.stat().st_size
    except OSError:
        return None, "no executed notebook was written"
    if size == 0:
        return None, "the executed notebook was empty (not kept)"
    failed_dir = out / "failed"
    made = not failed_dir.exists()
    stamp = _now().strftime("%Y%m%dT%H%M%SZ")
    target = failed_dir / f"{name}-{stamp}.ipynb"
    n = 2
    while target.exists():
        target = failed_dir / f"{name}-{stamp}-{n}.ipynb"
        n += 1
    part = failed_dir / f".{target.name}.part"
    try:
        failed_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(executed, part)
        os.replace(part, target)
    except OSError as exc:
        part.unlink(missing_ok=True)
        if made:
            with contextlib.suppress(OSError):
                failed_dir.rmdir()
        return None, f"the executed notebook could not be kept ({_write_failure(exc, part)})"
    return target, f"executed notebook kept at {_shown(target)}"


def _os_error(exc: BaseException) -> OSError | None:
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, OSError):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


def _write_failure(exc: OSError, writing: Path | None) -> str:
    """``could not write FILE: No space left on device``: the file from the error, else
    the one being written when it happened."""
    where = exc.filename or writing
    return f"could not write {where}: {exc.strerror or exc}"


def failure_reason(exc: BaseException, writing: Path | None = None) -> str:
    """One line saying why a brief failed; a full disk (or quota, or read-only) names the
    file that could not be written."""
    oserror = _os_error(exc)
    if oserror is not None and oserror.errno in _WRITE_ERRNOS:
        return _write_failure(oserror, writing)
    reason = getattr(exc, "reason", None) or f"{type(exc).__name__}: {exc}"
    return " ".join(str(reason).split())


def _left_out(path: Path) -> list[tuple[str, str]]:
    """(file, reason) rows of the ``skipped.csv`` a brief notebook writes, if any."""
    import csv

    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [(row["file"], row["reason"]) for row in csv.DictReader(fh)]


def _build_one(
    brief: Brief,
    out: Path,
    digest: str,
    parameters: dict,
    versions: dict,
    say,
    cwd: Path | None = None,
    keep: int | None = None,
) -> dict[str, Any]:
    """Render one brief in a temporary folder inside ``out`` and publish it as an edition
    (:func:`publish_edition`). ``cwd`` is the kernel's working folder (the project)."""
    from analysis import changelog, editions, render

    started = _now()
    tick = time.perf_counter()
    tmp = make_temp(out, brief.name)
    # the file being written at each step, named if the disk fills up
    files = {
        "execute notebook": tmp / "executed.ipynb",
        "html": tmp / f"{brief.name}.html",
        "pdf": tmp / f"{brief.name}.pdf",
    }
    writing: list[Path] = [tmp]

    def progress(step: str) -> None:
        writing[0] = files.get(step, tmp)
        say(brief.name, step)

    try:
        output_dir = tmp / "output"
        output_dir.mkdir()
        base = editions.base_edition(out, brief.name)
        result = render.render_brief(
            brief.notebook,
            tmp,
            {**parameters, "output_dir": str(output_dir), **_base_parameter(brief.notebook, base)},
            brief.formats,
            title=brief.title,
            subtitle=brief.period,
            timeout=brief.timeout,
            name=brief.name,
            progress=progress,
            cwd=cwd or _kernel_cwd(),
        )

        # Files the notebook left out (empty, binary, not English…): said even with --quiet.
        left_out = _left_out(output_dir / "data" / "skipped.csv")
        for file, reason in left_out:
            print(
                f"stbrief: warning: brief {brief.name}: left out {file}: {reason}", file=sys.stderr
            )

        # The edition, complete in tmp (same filesystem as out): then one switch publishes it.
        writing[0] = staging = tmp / "edition"
        staging.mkdir()
        outputs: dict[str, int] = {}
        for fmt in brief.formats:
            os.replace(result.paths[fmt], staging / f"{brief.name}.{fmt}")
            outputs[f"{brief.name}.{fmt}"] = (staging / f"{brief.name}.{fmt}").stat().st_size
        for kind in ("figures", "data", editions.EDITION_DIR):
            if (output_dir / kind).is_dir():
                os.replace(output_dir / kind, staging / kind)
            elif kind != editions.EDITION_DIR:
                (staging / kind).mkdir()
        for kind in ("figures", "data"):
            for path in sorted((staging / kind).rglob("*")):
                if path.is_file():
                    rel = path.relative_to(staging / kind).as_posix()
                    outputs[f"{kind}/{brief.name}/{rel}"] = path.stat().st_size
        changes = editions.read_changes(staging)
        entry = {
            "input_hash": digest,
            "title": brief.title,
            "notebook": str(brief.notebook),
            "parameters": parameters,
            "formats": list(brief.formats),
            "versions": versions,
            "started": _iso(started),
            "finished": _iso(_now()),
            # the date its cover carries: "what changed since the edition of ..." names it
            "edition_date": result.edition,
            "duration_s": round(time.perf_counter() - tick, 3),
            "timings": result.timings,
            "outputs": outputs,
            "left_out": [{"file": f, "reason": r} for f, r in left_out],
            "changes": changelog.manifest_record(changes),
        }
        keep = brief.keep_editions if keep is None else keep
        publish_edition(out, brief.name, staging, entry, keep=keep, tmp=tmp)
        for fmt in brief.formats:
            dest = out / f"{brief.name}.{fmt}"
            say(brief.name, f"published {_shown(dest)} ({outputs[dest.name] / 1000:.0f} kB)")
        for line in changelog.summary_lines(changes, brief.name):  # the cron mail says it
            print(line, flush=True)
        return entry
    except BaseException as exc:
        exc.stbrief_writing = writing[0]
        try:
            exc.stbrief_failed_notebook, exc.stbrief_kept = _keep_failed(
                tmp / "executed.ipynb", out, brief.name
            )
        except Exception:  # noqa: BLE001 - the brief's own failure is the one to report
            exc.stbrief_failed_notebook, exc.stbrief_kept = None, "no executed notebook was kept"
        raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _base_parameter(notebook: Path, base: Path | None) -> dict[str, str]:
    """``base_edition`` (the published edition's folder) for a notebook that declares it in its
    parameters cell. It is not in the input hash: an unchanged rerun is still skipped."""
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    for cell in cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell.get("source", ""))
            if re.search(r"^base_edition\s*[:=]", source, re.MULTILINE):
                return {"base_edition": str(base or "")}
    return {}


def _kernel_cwd() -> Path:
    """The kernel's working folder: the project, else the current folder."""
    try:
        return config.project_dir()
    except InputError:
        return Path.cwd()


def build_briefs(
    briefs: list[Brief],
    seeds: Path,
    out: Path,
    force: bool = False,
    quiet: bool = False,
    lock_timeout: float = 600.0,
    jobs: int = 1,
    cwd: Path | None = None,
    keep: int | None = None,
) -> int:
    """Build briefs into ``out``, skipping those whose input hash is unchanged.

    Parameters
    ----------
    briefs : list of Brief
        From :func:`select_briefs` (already validated).
    seeds : Path
        The corpus folder.
    out : Path
        Where ``<name>.html``, ``<name>.pdf``, ``figures/<name>/``, ``data/<name>/`` and
        ``manifest.json`` go; failed executed notebooks go to ``failed/``.
    force : bool, optional
        Rebuild even if the hash is unchanged.
    quiet : bool, optional
        No progress lines (errors are always printed).
    lock_timeout : float, optional
        Seconds to wait for another build holding ``<out>/.build.lock``.
    jobs : int, optional
        Briefs built side by side, each in a process of its own (1: one after another).
    cwd : Path, optional
        The kernels' working folder (default: the project, else the current folder).
    keep : int, optional
        Editions kept per brief (default: each brief's ``keep_editions``).

    Returns
    -------
    int
        0 if every brief was built or skipped, 1 if any failed or the lock was not had.

    Raises
    ------
    InputError
        The seeds folder holds no document or a bad ``catalog.yaml`` (checked before any
        kernel starts), or ``out`` cannot be written.
    """
    reporter = _Reporter(quiet)
    warming = None
    seeds = seeds.resolve()
    cwd = cwd or _kernel_cwd()
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / LOCK).touch()
    except OSError as exc:
        raise InputError(f"--out {out}: cannot be written: {exc.strerror or exc}") from exc
    lock = _acquire_lock(out, lock_timeout, reporter)
    if lock is None:
        return 1
    try:
        # Leftovers of builds that were killed (their markers name this lock, which we hold).
        _remove_dead_temps(out)
        versions = package_versions()
        manifest = rewrite_manifest(out) if (out / EDITIONS).is_dir() else read_manifest(out)
        failures = 0
        todo: list[tuple] = []
        for brief in briefs:
            parameters = {
                "start_year": brief.start_year,
                "end_year": brief.end_year,
                "seeds_dir": str(seeds),
                "title": brief.title,
            }
            digest = input_hash(seeds, brief.notebook, parameters, brief.formats, versions)
            if not force and _up_to_date(manifest["briefs"].get(brief.name), digest, out):
                reporter.progress(brief.name, f"unchanged (hash {digest[:8]}…), skipped")
                continue
            todo.append((brief, out, digest, parameters, versions, reporter.progress, cwd, keep))
        if todo:
            # before any kernel: the documents and catalog.yaml (bad input exits 2)
            for warning in check_seeds(seeds):
                print(f"stbrief: warning: {warning}", file=sys.stderr)
            warming = _warm_corpus_cache(seeds, out, max(b[0].timeout for b in todo))
        for brief, failure in _run_builds(todo, jobs):
            if failure is None:
                continue
            failures += 1
            reason, where = failure
            reporter.error(
                f"brief {brief.name} failed: {reason}; {where}; previous outputs untouched"
            )
        return 1 if failures else 0
    finally:
        if warming is not None:
            _stop_warming(*warming)
        (out / OWNER).unlink(missing_ok=True)
        lock.release()


def _build_one_reported(*args, build: Callable | None = None) -> tuple[str, tuple[str, str] | None]:
    """``build`` (default :func:`_build_one`), its failure as (one-line reason, what became of
    the executed notebook) instead of raised (an exception need not survive the way back from
    a worker process)."""
    brief = args[0]
    try:
        (build or _build_one)(*args)
    except Exception as exc:  # noqa: BLE001 - report, keep the old brief, go on
        reason = failure_reason(exc, getattr(exc, "stbrief_writing", None))
        kept = getattr(exc, "stbrief_kept", None) or "no executed notebook was written"
        return brief.name, (reason, kept)
    return brief.name, None


def _run_builds(todo: list[tuple], jobs: int, build: Callable | None = None):
    """(brief, failure or None) for each brief to build, ``jobs`` at a time, each in a
    process of its own when more than one (the corpus comes from the shared store).
    ``build`` stands for :func:`_build_one` (tests pass a module-level function: a spawned
    worker imports it by name)."""
    briefs = {args[0].name: args[0] for args in todo}
    if jobs <= 1 or len(todo) <= 1:
        for args in todo:
            yield args[0], _build_one_reported(*args, build=build)[1]
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # spawn, not fork: a forked worker inherits locks held by the parent's threads (papermill's
    # zmq and tornado threads of an earlier in-process build) and can wait on them forever.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), mp_context=context) as pool:
        running = [pool.submit(_build_one_reported, *args, build=build) for args in todo]
        for future in as_completed(running):
            name, failure = future.result()
            yield briefs[name], failure


def _warm_corpus_cache(seeds: Path, out: Path, timeout: float):
    """Fill the per-document store (:mod:`analysis.cache`) in a process of its own while the
    first kernel starts and imports its libraries: the two run on two cores. A kernel that
    finds the fill running waits for it, at most ``timeout`` (the cell timeout), then reads
    every document from the store. (A thread of this process would hold the GIL that
    papermill's message loop needs.) Returns (process, variables of ours to unset)."""
    import select
    import subprocess

    from analysis import cache

    ours = [v for v in (cache.CACHE_ENV, cache.WAIT_ENV) if v not in os.environ]
    os.environ.setdefault(cache.CACHE_ENV, str(out / ".cache"))  # a folder the user chose stays
    os.environ.setdefault(cache.WAIT_ENV, f"{timeout:g}")
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis.cache", "fill", str(seeds)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=config.ROOT,
    )
    # start kernels once the fill holds its lock (so they wait for it), or after 30 s anyway
    if proc.stdout is not None and select.select([proc.stdout], [], [], min(timeout, 30.0))[0]:
        proc.stdout.readline()
    return proc, ours


def _stop_warming(proc, ours: list[str]) -> None:
    """End the fill if it still runs (its writes are transactions: nothing is left half
    written), waiting a few seconds at most."""
    import subprocess

    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()
    for name in ours:
        os.environ.pop(name, None)


def run_from_cli(args: argparse.Namespace) -> int:
    """Run ``stbrief build`` from the parsed command line.

    Parameters
    ----------
    args : argparse.Namespace
        ``seeds``, ``brief``, ``start_year``, ``end_year``, ``format``, ``out``,
        ``force``, ``quiet``, ``lock_timeout``, ``briefs_file``.

    Returns
    -------
    int
        0 on success, 1 if a brief failed or the lock was held too long.

    Raises
    ------
    InputError
        Bad parameters or briefs file; raised before any kernel starts or output is written.
    """
    formats = parse_formats(args.format)
    lock_timeout = float(args.lock_timeout)
    if not math.isfinite(lock_timeout) or lock_timeout < 0:
        raise InputError(
            f"--lock-timeout {args.lock_timeout}: must be a number of seconds, 0 or more"
        )
    keep = getattr(args, "keep_editions", None)
    if keep is not None and keep < 1:
        raise InputError(f"--keep-editions {keep}: must be 1 or more")
    jobs = _jobs(getattr(args, "jobs", None))
    briefs_file = Path(args.briefs_file) if args.briefs_file else config.BRIEFS_TOML
    briefs = load_briefs(briefs_file)
    selected = select_briefs(
        briefs, args.brief, args.start_year, args.end_year, formats, briefs_file
    )
    out = Path(args.out) if args.out else config.REPORTS_DIR
    check_out(out, force_out=bool(getattr(args, "force_out", False)))
    seeds = Path(args.seeds) if args.seeds else config.SEEDS_DIR
    return build_briefs(
        selected,
        seeds,
        out,
        force=bool(args.force),
        quiet=bool(args.quiet),
        lock_timeout=lock_timeout,
        jobs=jobs,
        cwd=_kernel_cwd(),
        keep=keep,
    )


def _jobs(value: int | None) -> int:
    """``--jobs``: briefs side by side (default: the number of cores)."""
    if value is None:
        return os.cpu_count() or 1
    if value < 1:
        raise InputError(f"--jobs {value}: must be 1 or more")
    return value
