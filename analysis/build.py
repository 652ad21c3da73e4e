"""``stbrief build``: briefs.toml -> input hash, lock, render in a temporary folder, publish."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis import config
from analysis.config import InputError

YEAR_MIN, YEAR_MAX = 1949, 2030
FORMATS = ("html", "pdf")
DEFAULT_NOTEBOOK = "notebooks/brief.ipynb"
DEFAULT_TIMEOUT = 600
KEY_PACKAGES = (
    "papermill",
    "nbconvert",
    "weasyprint",
    "pandas",
    "seaborn",
    "matplotlib",
    "pandera",
)
# The package folder whose code, lexicons and templates enter the input hash (tests point
# it at a frozen copy so that edits elsewhere do not change their hashes).
HASH_PACKAGE_DIR: Path = config.PACKAGE_DIR
MANIFEST = "manifest.json"
LOCK = ".build.lock"
TMP_PREFIX = ".tmp-"
# Files under analysis/ that count for the input hash: code, lexicons, the template.
_HASHED_SUFFIXES = {".py", ".yaml", ".yml"}
_HASHED_FOLDERS = {"templates", "lexicon"}
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_BRIEF_KEYS: dict[str, type | tuple[type, ...]] = {
    "title": str,
    "start_year": int,
    "end_year": int,
    "notebook": str,
    "formats": list,
    "timeout": int,
}
_REQUIRED_KEYS = ("title", "start_year", "end_year")


@dataclass(frozen=True)
class Brief:
    """One brief to build, with its period and formats resolved.

    Attributes
    ----------
    name : str
        Key in briefs.toml; stem of the files published (``<name>.html``).
    title : str
        Cover and running title (``{start_year}``/``{end_year}`` already filled in).
    start_year, end_year : int
        The period, inclusive.
    notebook : Path
        The notebook to execute (absolute).
    formats : tuple of str
        ``html`` and/or ``pdf``.
    timeout : int
        Seconds any one notebook cell may run.
    """

    name: str
    title: str
    start_year: int
    end_year: int
    notebook: Path
    formats: tuple[str, ...]
    timeout: int = DEFAULT_TIMEOUT

    @property
    def period(self) -> str:
        """The period as shown on the cover, e.g. ``1978–2011``."""
        return f"{self.start_year}–{self.end_year}"


# --------------------------------------------------------------------------- validation


def parse_formats(text: str) -> tuple[str, ...]:
    """Parse ``--format`` (``"html,pdf"``) into a sorted tuple; InputError if unknown."""
    items = [item.strip().lower() for item in str(text).split(",") if item.strip()]
    if not items:
        raise InputError(f"--format {text!r}: give at least one of {', '.join(FORMATS)}")
    unknown = [item for item in items if item not in FORMATS]
    if unknown:
        raise InputError(
            f"--format {text!r}: unknown format {unknown[0]!r} (choose from {', '.join(FORMATS)})"
        )
    return tuple(sorted(set(items)))


def _check_year(value: int, what: str) -> None:
    if not YEAR_MIN <= value <= YEAR_MAX:
        raise InputError(f"{what} {value}: the year must be between {YEAR_MIN} and {YEAR_MAX}")


def _format_title(template: str, start_year: int, end_year: int, where: str) -> str:
    try:
        return template.format(start_year=start_year, end_year=end_year)
    except (KeyError, IndexError, ValueError) as exc:
        raise InputError(
            f"{where}: title {template!r}: only {{start_year}} and {{end_year}} may appear "
            f"in braces ({type(exc).__name__}: {exc})"
        ) from exc


def load_briefs(path: Path) -> dict[str, dict[str, Any]]:
    """Read and validate briefs.toml.

    Parameters
    ----------
    path : Path
        The file. Each top-level table is one brief, named by its key, with ``title``,
        ``start_year``, ``end_year`` and optionally ``notebook`` (relative to the file's
        folder), ``formats`` and ``timeout``.

    Returns
    -------
    dict
        Brief name -> its settings, ``notebook`` resolved to an absolute Path and defaults
        filled in.

    Raises
    ------
    InputError
        Naming the file and the key for a missing file, bad TOML, an unknown key, a wrong
        type, a year out of range or a missing notebook.
    """
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: briefs file not found") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid TOML: {exc}") from exc
    if not raw:
        raise InputError(f"{path}: no briefs defined")
    briefs: dict[str, dict[str, Any]] = {}
    for name, table in raw.items():
        where = f"{path}: [{name}]"
        if not isinstance(table, dict):
            raise InputError(f"{path}: {name}: expected a table [{name}] describing a brief")
        if not _NAME_RE.match(name):
            raise InputError(f"{where}: a brief name may hold only letters, digits, '.', '_', '-'")
        for key, value in table.items():
            if key not in _BRIEF_KEYS:
                known = ", ".join(_BRIEF_KEYS)
                raise InputError(f"{where}: unknown key {key!r} (known keys: {known})")
            expected = _BRIEF_KEYS[key]
            if not isinstance(value, expected) or isinstance(value, bool):
                wanted = getattr(expected, "__name__", str(expected))
                raise InputError(f"{where}: {key} = {value!r}: expected {wanted}")
        for key in _REQUIRED_KEYS:
            if key not in table:
                raise InputError(f"{where}: missing key {key!r}")
        for key in ("start_year", "end_year"):
            _check_year(table[key], f"{where}: {key}")
        if table["start_year"] > table["end_year"]:
            raise InputError(
                f"{where}: start_year {table['start_year']} is after end_year {table['end_year']}"
            )
        _format_title(table["title"], 2000, 2001, where)
        formats = table.get("formats", list(FORMATS))
        if not formats or any(f not in FORMATS for f in formats):
            raise InputError(
                f"{where}: formats = {formats!r}: a non-empty list of {', '.join(FORMATS)}"
            )
        timeout = table.get("timeout", DEFAULT_TIMEOUT)
        if timeout <= 0:
            raise InputError(f"{where}: timeout = {timeout}: must be a positive number of seconds")
        notebook = Path(table.get("notebook", DEFAULT_NOTEBOOK))
        if not notebook.is_absolute():
            notebook = path.resolve().parent / notebook
        briefs[name] = {
            "title": table["title"],
            "start_year": table["start_year"],
            "end_year": table["end_year"],
            "notebook": notebook,
            "formats": tuple(sorted(set(formats))),
            "timeout": timeout,
        }
    return briefs


def select_briefs(
    briefs: Mapping[str, Mapping[str, Any]],
    name: str | None,
    start_year: int | None,
    end_year: int | None,
    formats: Iterable[str],
    briefs_file: Path | str = "briefs.toml",
) -> list[Brief]:
    """Pick the briefs to build and apply ``--from``/``--to``/``--format`` to them.

    Parameters
    ----------
    briefs : mapping
        From :func:`load_briefs`.
    name : str or None
        ``--brief``; None for every brief.
    start_year, end_year : int or None
        ``--from`` and ``--to``: override the period of the selected briefs.
    formats : iterable of str
        ``--format``, already parsed; intersected with each brief's own ``formats``.
    briefs_file : Path or str, optional
        Named in error messages.

    Returns
    -------
    list of Brief

    Raises
    ------
    InputError
        Unknown brief (the known ones are listed), a year out of range, ``--from`` after
        ``--to``, no format left for a brief, or a missing notebook.
    """
    if start_year is not None:
        _check_year(start_year, "--from")
    if end_year is not None:
        _check_year(end_year, "--to")
    if start_year is not None and end_year is not None and start_year > end_year:
        raise InputError(f"--from {start_year} is after --to {end_year}")
    if name is not None and name not in briefs:
        raise InputError(
            f"--brief {name!r}: no such brief in {briefs_file} (known: {', '.join(briefs)})"
        )
    wanted = set(formats)
    selected = []
    for key in [name] if name is not None else list(briefs):
        spec = briefs[key]
        start = spec["start_year"] if start_year is None else start_year
        end = spec["end_year"] if end_year is None else end_year
        if start > end:
            flag = "--from" if start_year is not None else "--to"
            value = start if start_year is not None else end
            raise InputError(
                f"{flag} {value}: brief {key!r} would run from {start} to {end} (start after end)"
            )
        chosen = tuple(f for f in spec["formats"] if f in wanted)
        if not chosen:
            raise InputError(
                f"--format {','.join(sorted(wanted))}: brief {key!r} is built only as "
                f"{','.join(spec['formats'])} ({briefs_file})"
            )
        notebook: Path = spec["notebook"]
        if not notebook.is_file():
            raise InputError(f"{briefs_file}: [{key}] notebook {notebook}: file not found")
        title = _format_title(spec["title"], start, end, f"{briefs_file}: [{key}]")
        selected.append(
            Brief(key, title, start, end, notebook, chosen, int(spec.get("timeout", 600)))
        )
    return selected


# --------------------------------------------------------------------------- input hash


def package_versions(packages: Iterable[str] = KEY_PACKAGES) -> dict[str, str]:
    """Installed versions of the packages that shape a brief (``"missing"`` if absent)."""
    from importlib import metadata

    versions = {}
    for package in packages:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "missing"
    return versions


def hashed_package_files(package_dir: Path) -> list[Path]:
    files = []
    for path in package_dir.rglob("*"):
        rel = path.relative_to(package_dir)
        if "__pycache__" in rel.parts or not path.is_file():
            continue
        if path.suffix in _HASHED_SUFFIXES or rel.parts[0] in _HASHED_FOLDERS:
            files.append(path)
    return sorted(files)


def add_corpus_inputs(add: Callable[[str, bytes], None], seeds_dir: Path, package_dir: Path):
    """Give ``add(label, data)`` what the corpus tables depend on: the documents and
    ``catalog.yaml`` (name and bytes), and the package's code, lexicons and templates."""
    seeds = sorted(seeds_dir.glob("*.txt"))
    catalog = seeds_dir / "catalog.yaml"
    if catalog.is_file():
        seeds.append(catalog)
    for path in seeds:
        if path.is_file():
            add(f"seeds/{path.name}", path.read_bytes())
    for path in hashed_package_files(package_dir):
        add(f"analysis/{path.relative_to(package_dir).as_posix()}", path.read_bytes())


def input_hash(
    seeds_dir: Path,
    notebook: Path,
    parameters: Mapping[str, Any],
    formats: Iterable[str],
    versions: Mapping[str, str] | None = None,
    package_dir: Path | None = None,
) -> str:
    """SHA-256 of everything a brief depends on.

    Parameters
    ----------
    seeds_dir : Path
        Its ``*.txt`` files and ``catalog.yaml`` (name and bytes) are hashed.
    notebook : Path
        The notebook executed.
    parameters : mapping
        The notebook parameters (JSON with sorted keys); leave out the temporary
        ``output_dir``.
    formats : iterable of str
        The formats built.
    versions : mapping, optional
        Package versions; default :func:`package_versions`.
    package_dir : Path, optional
        The ``analysis`` folder (default :data:`HASH_PACKAGE_DIR`): its ``*.py``,
        ``*.yaml``, ``templates/**`` and ``lexicon/**`` files.

    Returns
    -------
    str
        Hex digest.
    """
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add_corpus_inputs(add, seeds_dir, HASH_PACKAGE_DIR if package_dir is None else package_dir)
    add("notebook", notebook.read_bytes())
    add("parameters", json.dumps(dict(parameters), sort_keys=True, default=str).encode())
    add("formats", json.dumps(sorted(set(formats))).encode())
    versions = package_versions() if versions is None else versions
    add("versions", json.dumps(dict(versions), sort_keys=True).encode())
    return digest.hexdigest()


# --------------------------------------------------------------------------- manifest


def read_manifest(out: Path) -> dict[str, Any]:
    """``<out>/manifest.json`` as a dict (``{"briefs": {}}`` if missing or unreadable)."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError, UnicodeDecodeError):
        return {"version": 1, "briefs": {}}
    if not isinstance(data, dict) or not isinstance(data.get("briefs"), dict):
        return {"version": 1, "briefs": {}}
    return data


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class _Reporter:
    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet

    def progress(self, name: str, message: str) -> None:
        if not self.quiet:
            print(f"{_iso(_now())} stbrief build: brief {name}: {message}", file=sys.stderr)

    @staticmethod
    def error(message: str) -> None:
        print(f"stbrief: {message}", file=sys.stderr)


def _swap_folder(new: Path, dest: Path, trash: Path) -> None:
    """Put ``new`` (may be missing) at ``dest``; the old ``dest`` goes to ``trash``."""
    if dest.exists():
        os.replace(dest, trash)
    if new.is_dir():
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(new, dest)


def _keep_failed(executed: Path, out: Path, name: str) -> Path | None:
    if not executed.is_file():
        return None
    failed_dir = out / "failed"
    failed_dir.mkdir(parents=True, exist_ok=True)
    stamp = _now().strftime("%Y%m%dT%H%M%SZ")
    target = failed_dir / f"{name}-{stamp}.ipynb"
    n = 2
    while target.exists():
        target = failed_dir / f"{name}-{stamp}-{n}.ipynb"
        n += 1
    shutil.copy2(executed, target)
    return target


def _left_out(path: Path) -> list[tuple[str, str]]:
    """(file, reason) rows of the ``skipped.csv`` a brief notebook writes, if any."""
    import csv

    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [(row["file"], row["reason"]) for row in csv.DictReader(fh)]


def _build_one(
    brief: Brief, out: Path, digest: str, parameters: dict, versions: dict, say
) -> dict[str, Any]:
    """Render one brief in a temporary folder inside ``out`` and publish it."""
    from analysis import render

    started = _now()
    tick = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{brief.name}-", dir=out))
    try:
        output_dir = tmp / "output"
        output_dir.mkdir()
        result = render.render_brief(
            brief.notebook,
            tmp,
            {**parameters, "output_dir": str(output_dir)},
            brief.formats,
            title=brief.title,
            subtitle=brief.period,
            timeout=brief.timeout,
            name=brief.name,
            progress=lambda step: say(brief.name, step),
            cwd=config.ROOT,
        )

        # Files the notebook left out (empty, binary, not English…): said even with --quiet.
        left_out = _left_out(output_dir / "data" / "skipped.csv")
        for file, reason in left_out:
            print(
                f"stbrief: warning: brief {brief.name}: left out {file}: {reason}", file=sys.stderr
            )

        # Publish: every file is complete in tmp (same filesystem), so os.replace is atomic.
        outputs: dict[str, int] = {}
        for fmt in brief.formats:
            dest = out / f"{brief.name}.{fmt}"
            os.replace(result.paths[fmt], dest)
            outputs[dest.relative_to(out).as_posix()] = dest.stat().st_size
        for kind in ("figures", "data"):
            dest = out / kind / brief.name
            _swap_folder(output_dir / kind, dest, tmp / f"old-{kind}")
            if dest.is_dir():
                for path in sorted(dest.rglob("*")):
                    if path.is_file():
                        outputs[path.relative_to(out).as_posix()] = path.stat().st_size
        finished = _now()
        entry = {
            "input_hash": digest,
            "title": brief.title,
            "notebook": str(brief.notebook),
            "parameters": parameters,
            "formats": list(brief.formats),
            "versions": versions,
            "started": _iso(started),
            "finished": _iso(finished),
            "duration_s": round(time.perf_counter() - tick, 3),
            "timings": result.timings,
            "outputs": outputs,
            "left_out": [{"file": f, "reason": r} for f, r in left_out],
        }
        manifest = read_manifest(out)
        manifest["version"] = 1
        manifest["updated"] = _iso(finished)
        manifest["briefs"][brief.name] = entry
        _write_atomic(out / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        for fmt in brief.formats:
            dest = out / f"{brief.name}.{fmt}"
            say(
                brief.name,
                f"published {_shown(dest)} ({outputs[f'{brief.name}.{fmt}'] / 1000:.0f} kB)",
            )
        return entry
    except BaseException as exc:
        try:
            exc.stbrief_failed_notebook = _keep_failed(tmp / "executed.ipynb", out, brief.name)
        except OSError:
            exc.stbrief_failed_notebook = None
        raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def build_briefs(
    briefs: list[Brief],
    seeds: Path,
    out: Path,
    force: bool = False,
    quiet: bool = False,
    lock_timeout: float = 600.0,
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

    Returns
    -------
    int
        0 if every brief was built or skipped, 1 if any failed or the lock was not had.
    """
    from filelock import FileLock, Timeout

    reporter = _Reporter(quiet)
    warming = None
    seeds = seeds.resolve()
    out.mkdir(parents=True, exist_ok=True)
    lock_path = out / LOCK
    lock = FileLock(str(lock_path), timeout=lock_timeout)
    try:
        lock.acquire()
    except Timeout:
        reporter.error(f"another stbrief build holds {lock_path}; waited {lock_timeout:g} s")
        return 1
    try:
        # Leftovers of a build that was killed: nobody else can be using them (we hold the lock).
        for stale in out.glob(f"{TMP_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)
        versions = package_versions()
        manifest = read_manifest(out)
        failures = 0
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
            if warming is None:
                warming = _warm_corpus_cache(seeds, out)
            try:
                _build_one(brief, out, digest, parameters, versions, reporter.progress)
            except Exception as exc:  # noqa: BLE001 - report, keep the old brief, go on
                failures += 1
                reason = getattr(exc, "reason", None) or f"{type(exc).__name__}: {exc}"
                kept = getattr(exc, "stbrief_failed_notebook", None)
                where = (
                    f"executed notebook kept at {_shown(kept)}"
                    if kept
                    else "no executed notebook was written"
                )
                reason = " ".join(str(reason).split())
                reporter.error(
                    f"brief {brief.name} failed: {reason}; {where}; previous outputs untouched"
                )
        return 1 if failures else 0
    finally:
        if warming is not None:
            proc, ours = warming
            proc.wait()  # never leave a half-written cache file behind
            if ours:
                os.environ.pop("STBRIEF_CACHE", None)
        lock.release()


def _warm_corpus_cache(seeds: Path, out: Path):
    """Compute the corpus tables (:mod:`analysis.cache`) in a process of their own while the
    first kernel starts and imports its libraries: the two run on two cores. The kernel
    finds them in ``<out>/.cache`` (it inherits ``$STBRIEF_CACHE``), or waits for them.
    (A thread of this process would hold the GIL that papermill's message loop needs.)"""
    import subprocess

    from analysis import cache

    ours = cache.CACHE_ENV not in os.environ  # a folder the user chose is kept
    if ours:
        os.environ[cache.CACHE_ENV] = str(out / ".cache")
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis.cache", str(seeds)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=config.ROOT,
    )
    return proc, ours


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
    briefs_file = Path(args.briefs_file) if args.briefs_file else config.BRIEFS_TOML
    if args.lock_timeout is not None and args.lock_timeout < 0:
        raise InputError(f"--lock-timeout {args.lock_timeout}: must be 0 or more seconds")
    briefs = load_briefs(briefs_file)
    selected = select_briefs(
        briefs, args.brief, args.start_year, args.end_year, formats, briefs_file
    )
    out = Path(args.out) if args.out else config.REPORTS_DIR
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out}: not a folder")
    return build_briefs(
        selected,
        Path(args.seeds),
        out,
        force=bool(args.force),
        quiet=bool(args.quiet),
        lock_timeout=float(args.lock_timeout),
    )
