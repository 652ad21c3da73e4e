"""briefs.toml and the parameters of a build: loaded and checked before any kernel starts."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.config import InputError

YEAR_MIN, YEAR_MAX = 1949, 2030
FORMATS = ("html", "pdf")
DEFAULT_NOTEBOOK = "notebooks/brief.ipynb"
DEFAULT_TIMEOUT = 600
DEFAULT_KEEP = 10
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
