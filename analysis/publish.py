"""Publishing into reports/: the build lock, temporary folders with their markers, edition
folders, the atomic ``current`` switch, stable links, manifest.json, pruning, ``--out``."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import socket
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.briefs import DEFAULT_KEEP, FORMATS
from analysis.config import InputError

MANIFEST = "manifest.json"
MANIFEST_LOCK = ".manifest.lock"
LOCK = ".build.lock"
OWNER = ".build.lock.owner"  # who holds LOCK: pid, host, since (a waiting build names it)
TMP_PREFIX = ".tmp-"
TMP_MARKER = ".stbrief-tmp.json"  # in every temporary folder a build makes: whose it is
EDITIONS = "editions"
CURRENT = "current"
EDITION_JSON = "edition.json"
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


def _host() -> str:
    try:
        return socket.gethostname()
    except OSError:
        return "?"


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


def _step(name: str) -> None:
    """Called after each step of :func:`publish_edition` (tests inject a failure or a kill)."""


# --------------------------------------------------------------------------- the lock


def _acquire_lock(out: Path, timeout: float, reporter: Any):
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


# --------------------------------------------------------------------------- temporary folders


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


# --------------------------------------------------------------------------- editions


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


# --------------------------------------------------------------------------- --out


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
