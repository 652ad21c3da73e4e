"""``stbrief build``: briefs.toml -> input hash, lock, render in a temporary folder, publish."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import hashlib
import json
import math
import os
import re
import shutil
import socket
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
    "typst",
    "pandas",
    "seaborn",
    "matplotlib",
    "pandera",
)
# The package folder whose code, lexicons and templates enter the input hash (tests point
# it at a frozen copy so that edits elsewhere do not change their hashes).
HASH_PACKAGE_DIR: Path = config.PACKAGE_DIR
MANIFEST = "manifest.json"
MANIFEST_LOCK = ".manifest.lock"
LOCK = ".build.lock"
OWNER = ".build.lock.owner"  # who holds LOCK: pid, host, since (a waiting build names it)
TMP_PREFIX = ".tmp-"
TMP_MARKER = ".stbrief-tmp.json"  # in every temporary folder a build makes: whose it is
EDITIONS = "editions"
CURRENT = "current"
EDITION_JSON = "edition.json"
DEFAULT_KEEP = 10
_EDITION_RE = re.compile(r"^\d{8}T\d{6}\.\d{6}Z-[0-9a-f]{8}(?:-\d+)?$")
# Names a build itself writes into its output folder: a folder holding only these is ours.
# what stbrief writes into reports/ besides a build's own files: `stbrief docs --out
# reports/data/...` (make brief), the exploratory notebooks' default output (notebook-run)
_OUR_NAMES = {
    MANIFEST,
    MANIFEST_LOCK,
    LOCK,
    OWNER,
    EDITIONS,
    "figures",
    "data",
    "failed",
    ".cache",
    "notebook-run",
    "bench.json",
}
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS}
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
    "keep_editions": int,
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
        Seconds any one notebook cell may run; it also bounds every wait of the build.
    keep_editions : int
        Published editions kept under ``editions/<name>/`` (the current one always).
    """

    name: str
    title: str
    start_year: int
    end_year: int
    notebook: Path
    formats: tuple[str, ...]
    timeout: int = DEFAULT_TIMEOUT
    keep_editions: int = DEFAULT_KEEP

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
    """Fill ``{start_year}`` and ``{end_year}`` in; any other field (an attribute, an index,
    a conversion or a format spec) is refused, so a title cannot reach into Python objects."""
    import string

    rule = "only {start_year} and {end_year} may appear in braces ({{ and }} for a brace)"
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise InputError(f"{where}: title {template!r}: {exc}; {rule}") from None
    for _text, field, spec, conversion in parts:
        if field is None:
            continue
        if field not in ("start_year", "end_year") or spec or conversion:
            shown = "{" + field + (f"!{conversion}" if conversion else "")
            shown += (f":{spec}" if spec else "") + "}"
            raise InputError(f"{where}: title {template!r}: {shown} is not allowed; {rule}")
    return template.format(start_year=start_year, end_year=end_year)


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
        keep = table.get("keep_editions", DEFAULT_KEEP)
        if keep < 1:
            raise InputError(f"{where}: keep_editions = {keep}: must be 1 or more")
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
            "keep_editions": keep,
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
    checked: set[Path] = set()
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
        if notebook not in checked:
            check_notebook(notebook, f"{briefs_file}: [{key}]")
            checked.add(notebook)
        title = _format_title(spec["title"], start, end, f"{briefs_file}: [{key}]")
        selected.append(
            Brief(
                key,
                title,
                start,
                end,
                notebook,
                chosen,
                int(spec.get("timeout", DEFAULT_TIMEOUT)),
                int(spec.get("keep_editions", DEFAULT_KEEP)),
            )
        )
    return selected


def check_notebook(notebook: Path, where: str) -> None:
    """InputError unless ``notebook`` is a Jupyter notebook (JSON with a list of cells).
    The message names the file only: its contents never reach the terminal or a log."""
    try:
        data = json.loads(notebook.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(
            f"{where} notebook {notebook}: not a Jupyter notebook (not UTF-8)"
        ) from None
    except ValueError:
        raise InputError(
            f"{where} notebook {notebook}: not a Jupyter notebook (not JSON)"
        ) from None
    except OSError as exc:
        raise InputError(f"{where} notebook {notebook}: cannot be read: {exc.strerror}") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise InputError(f"{where} notebook {notebook}: not a Jupyter notebook (no cells)")


def check_seeds(seeds: Path) -> list[str]:
    """Check a seeds folder before any document is read or any kernel starts.

    Returns
    -------
    list of str
        Warnings: a ``catalog.yaml`` entry for a file that is not in the folder.

    Raises
    ------
    InputError
        No ``*.txt`` document in the folder, or a ``catalog.yaml`` that cannot be read,
        decoded or validated (the message names the file).
    """
    from analysis import corpus

    seeds = Path(seeds)
    files = corpus.document_files(seeds)
    if not files:
        raise InputError(f"--seeds {seeds}: no documents in {seeds} (no *.txt file)")
    catalog = corpus.read_catalog(seeds)
    present = {path.stem for path in files}
    return [
        f"{seeds / 'catalog.yaml'}: entry {stem}.txt: no such file in {seeds} (entry ignored)"
        for stem in catalog
        if stem not in present
    ]


def check_out(out: Path, force_out: bool = False) -> Path:
    """Refuse an output folder a build must not write into (InputError naming ``--out``).

    Refused: a filesystem root, the home folder, a path below a file, a folder that cannot
    be written, and (unless ``force_out``) a non-empty folder that is not stbrief's: it
    holds no ``manifest.json`` and has files other than those a build writes.
    """
    path = Path(out)
    resolved = path.resolve()
    if resolved.parent == resolved:
        raise InputError(f"--out {out}: a filesystem root; give a folder of its own")
    if resolved == Path.home().resolve():
        raise InputError(f"--out {out}: the home folder; give a folder of its own")
    probe = resolved
    while not os.path.lexists(probe):
        probe = probe.parent
    if not probe.is_dir():
        raise InputError(f"--out {out}: {probe} is a file, not a folder")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise InputError(f"--out {out}: {probe} cannot be written (read-only)")
    if path.is_dir() and not force_out and not _ours(path):
        raise InputError(
            f"--out {out}: a non-empty folder with no stbrief manifest.json; give an empty or "
            "new folder, or --force-out to write into it anyway"
        )
    return path


def _ours(folder: Path) -> bool:
    if (folder / MANIFEST).is_file() and isinstance(read_manifest(folder).get("briefs"), dict):
        return True
    for name in os.listdir(folder):
        if name in _OUR_NAMES or name == ".gitkeep" or name.startswith(TMP_PREFIX):
            continue
        return False
    return True


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
    corrections = seeds_dir / "corrections.yaml"  # analysis/corrections.py
    if corrections.is_file():
        seeds.append(corrections)
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
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # readable as any file the build writes (not mkstemp's 0600)
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
    """``path`` relative to the current folder when inside it (links are not followed)."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


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


def _step(name: str) -> None:
    """Called after each step of :func:`publish_edition` (tests inject a failure or a kill)."""


def _host() -> str:
    try:
        return socket.gethostname()
    except OSError:
        return "?"


def make_temp(out: Path, label: str) -> Path:
    """A new temporary folder ``<out>/.tmp-<label>-XXXX/`` holding a marker that names this
    process and the build lock it works under. A later build removes such a folder only
    when the marker names the lock it holds itself (so the maker is gone)."""
    tmp = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{label}-", dir=out))
    marker = {
        "stbrief": "build temporary folder",
        "pid": os.getpid(),
        "host": _host(),
        "lock": os.path.realpath(out / LOCK),
        "started": _iso(_now()),
    }
    (tmp / TMP_MARKER).write_text(json.dumps(marker) + "\n", encoding="utf-8")
    return tmp


def _remove_dead_temps(out: Path) -> None:
    """Remove the temporary folders of builds that are gone: those whose marker names the
    lock this build holds. Anything else named ``.tmp-*`` (a user's) stays."""
    ours = os.path.realpath(out / LOCK)
    for stale in out.glob(f"{TMP_PREFIX}*"):
        if stale.is_symlink() or not stale.is_dir():
            continue
        try:
            marker = json.loads((stale / TMP_MARKER).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(marker, dict) and marker.get("lock") == ours:
            shutil.rmtree(stale, ignore_errors=True)


@dataclass
class Staged:
    """A new edition, complete in its folder but not yet published (see ``on_stage`` of
    :func:`publish_edition`).

    Attributes
    ----------
    name : str
        The brief.
    edition_id : str
        The new edition's folder name under ``editions/<name>/``.
    folder : Path
        Where the edition is assembled (its final place once published).
    previous : Path or None
        The folder of the edition published now (``current``), None for a first edition.
    entry : dict
        This edition's manifest entry (written as ``edition.json`` after the hook).
    """

    name: str
    edition_id: str
    folder: Path
    previous: Path | None
    entry: dict[str, Any]


def current_edition(out: Path, name: str) -> Path | None:
    """The folder of ``name``'s published edition in ``out`` (resolved now), or None."""
    current = Path(out) / EDITIONS / name / CURRENT
    return current.resolve() if current.is_symlink() and current.exists() else None


def _read_entry(edition: Path | None) -> dict[str, Any] | None:
    if edition is None:
        return None
    try:
        data = json.loads((edition / EDITION_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _new_edition_id(root: Path, digest: str) -> str:
    base = f"{_now().strftime('%Y%m%dT%H%M%S.%fZ')}-{digest[:8]}"  # sorts by time
    edition_id, n = base, 2
    while os.path.lexists(root / edition_id):
        edition_id, n = f"{base}-{n}", n + 1
    return edition_id


def _link(dest: Path, target: str, tmp: Path) -> None:
    """Make ``dest`` a symlink to ``target`` in one rename (made in ``tmp``, on the same
    filesystem, then moved over ``dest``). A real folder at ``dest`` (the layout before
    editions) is moved into ``tmp`` first."""
    if dest.is_symlink() and os.readlink(dest) == target:
        return
    made = Path(tempfile.mktemp(prefix="link-", dir=tmp))
    os.symlink(target, made)
    if dest.is_dir() and not dest.is_symlink():
        os.replace(dest, Path(tempfile.mkdtemp(prefix="old-", dir=tmp)) / dest.name)
    dest.parent.mkdir(parents=True, exist_ok=True)
    os.replace(made, dest)


def _stable_links(out: Path, name: str) -> dict[Path, str]:
    """The paths readers use, each a symlink through ``editions/<name>/current``."""
    through = f"{EDITIONS}/{name}/{CURRENT}"
    links = {out / f"{name}.{fmt}": f"{through}/{name}.{fmt}" for fmt in FORMATS}
    for kind in ("figures", "data"):
        links[out / kind / name] = f"../{through}/{kind}"
    return links


def publish_edition(
    out: Path,
    name: str,
    staging: Path,
    entry: dict[str, Any],
    keep: int = DEFAULT_KEEP,
    tmp: Path | None = None,
    on_stage: Callable[[Staged], None] | None = None,
) -> Path:
    """Publish a brief as one step.

    ``staging`` (a folder inside ``out``: ``<name>.html``/``.pdf``, ``figures/``, ``data/``,
    ``edition/``) becomes ``editions/<name>/<edition_id>/`` with its ``edition.json``; the
    stable paths (``<name>.html``, ``<name>.pdf``, ``figures/<name>``, ``data/<name>``) are
    symlinks through ``editions/<name>/current``; then ``current`` is switched to the new
    edition by one rename. A reader sees the old set or the new one, never a mix. Then
    ``manifest.json`` is rewritten from the current editions and editions beyond ``keep``
    are removed (never the current one).

    Parameters
    ----------
    out : Path
        The reports folder.
    name : str
        The brief.
    staging : Path
        The complete edition, on the same filesystem as ``out``.
    entry : dict
        The manifest entry; ``edition`` is set here, then it is written as ``edition.json``.
    keep : int, optional
        Editions kept.
    tmp : Path, optional
        A temporary folder of this build inside ``out`` (default: a new one).
    on_stage : callable, optional
        Called with a :class:`Staged` before the edition is moved into place (it may add
        files to the folder and keys to the entry).

    Returns
    -------
    Path
        The new edition's folder.
    """
    own_tmp = tmp is None
    tmp = make_temp(out, name) if tmp is None else tmp
    try:
        root = out / EDITIONS / name
        root.mkdir(parents=True, exist_ok=True)
        edition_id = _new_edition_id(root, str(entry.get("input_hash", "0" * 8)))
        entry["edition"] = f"{EDITIONS}/{name}/{edition_id}"
        if on_stage is not None:
            on_stage(Staged(name, edition_id, staging, current_edition(out, name), entry))
        _write_atomic(staging / EDITION_JSON, json.dumps(entry, indent=2, sort_keys=True) + "\n")
        _step("staged")
        edition = root / edition_id
        os.replace(staging, edition)
        _step("edition")
        links = _stable_links(out, name)
        for dest, target in links.items():
            _link(dest, target, tmp)
        _step("links")
        _link(root / CURRENT, edition_id, tmp)  # the switch
        _step("current")
        for dest in links:  # a format this edition does not have: no dangling link
            if dest.is_symlink() and not dest.exists():
                dest.unlink()
        rewrite_manifest(out)
        _step("manifest")
        prune_editions(root, keep)
        _step("pruned")
        return edition
    finally:
        if own_tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def rewrite_manifest(out: Path) -> dict[str, Any]:
    """Rewrite ``manifest.json`` (atomically, under a lock) from the ``edition.json`` of every
    brief's current edition; entries of briefs without editions are kept. Unchanged
    contents are not rewritten. Returns the manifest."""
    from filelock import FileLock

    with FileLock(str(out / MANIFEST_LOCK), timeout=60):
        manifest = read_manifest(out)
        briefs = dict(manifest["briefs"])
        editions = out / EDITIONS
        names = sorted(p.name for p in editions.iterdir()) if editions.is_dir() else []
        for name in names:
            entry = _read_entry(current_edition(out, name))
            if entry is not None:
                briefs[name] = entry
        if briefs == manifest["briefs"] and (out / MANIFEST).is_file():
            return manifest
        manifest.update({"version": 1, "updated": _iso(_now()), "briefs": briefs})
        _write_atomic(out / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def prune_editions(root: Path, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` editions in ``editions/<name>/`` (folders named as
    editions and holding ``edition.json``; the current one always stays). Returns those
    removed."""
    current = os.readlink(root / CURRENT) if (root / CURRENT).is_symlink() else None
    editions = sorted(
        p
        for p in root.iterdir()
        if _EDITION_RE.match(p.name)
        and p.is_dir()
        and not p.is_symlink()
        and (p / EDITION_JSON).is_file()
    )
    removed = []
    for old in editions[: max(len(editions) - keep, 0)]:
        if old.name != current:
            shutil.rmtree(old, ignore_errors=True)
            removed.append(old)
    return removed


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
    from analysis import editions, render

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
            "duration_s": round(time.perf_counter() - tick, 3),
            "timings": result.timings,
            "outputs": outputs,
            "left_out": [{"file": f, "reason": r} for f, r in left_out],
            "changes": editions.manifest_record(changes),
        }
        keep = brief.keep_editions if keep is None else keep
        publish_edition(out, brief.name, staging, entry, keep=keep, tmp=tmp)
        for fmt in brief.formats:
            dest = out / f"{brief.name}.{fmt}"
            say(brief.name, f"published {_shown(dest)} ({outputs[dest.name] / 1000:.0f} kB)")
        for line in editions.summary_lines(changes, brief.name):  # the cron mail says it
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


def _acquire_lock(out: Path, timeout: float, reporter: _Reporter):
    """Take ``<out>/.build.lock`` and record who holds it in ``.build.lock.owner``. If
    another build holds it, say once whom this one waits for, then wait up to ``timeout``
    seconds. Returns the lock, or None (said) when it was not had in time."""
    from filelock import FileLock, Timeout

    lock_path = out / LOCK
    lock = FileLock(str(lock_path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        holder = lock_owner(out)
        reporter.note(f"waiting up to {timeout:g} s for {holder}, which holds {_shown(lock_path)}")
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            reporter.error(
                f"another stbrief build holds {lock_path}; waited {timeout:g} s ({holder})"
            )
            return None
    owner = {"pid": os.getpid(), "host": _host(), "since": _iso(_now()), "argv": sys.argv}
    try:
        _write_atomic(out / OWNER, json.dumps(owner) + "\n")
    except OSError:
        pass  # only a waiting build reads it
    return lock


def lock_owner(out: Path) -> str:
    """Who holds ``<out>/.build.lock``, as a waiting build says it."""
    try:
        owner = json.loads((out / OWNER).read_text(encoding="utf-8"))
        return f"the build of pid {owner['pid']} on {owner['host']}, running since {owner['since']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "another build (it has not said who it is)"


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
