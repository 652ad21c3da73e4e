"""Paths, the project, lexicon loading and validation, safe CSV, and the input error.

Two kinds of paths. The package's own files (:data:`PACKAGE_DIR`, its lexicons and
templates) are where the package is installed. A *project* (``briefs.toml``, ``seeds/``,
``notebooks/``, ``reports/``) is found as git finds a repository: the nearest folder upward
from the current one that holds ``briefs.toml``, unless one is named (``stbrief --project
DIR``, :func:`use_project`). :data:`SEEDS_DIR`, :data:`NOTEBOOKS_DIR`, :data:`REPORTS_DIR`,
:data:`BRIEFS_TOML` and :data:`PROJECT_DIR` are looked up on each access from that project.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
# The source checkout the package was installed from: the tests and the bench use it for
# the repository's own files. Never a default of the command line (see the project below).
ROOT = PACKAGE_DIR.parent
LEXICON_DIR = PACKAGE_DIR / "lexicon"
TEMPLATE_DIR = PACKAGE_DIR / "templates"
PROJECT_FILE = "briefs.toml"
_PROJECT_PATHS = {
    "PROJECT_DIR": "",
    "SEEDS_DIR": "seeds",
    "NOTEBOOKS_DIR": "notebooks",
    "REPORTS_DIR": "reports",
    "BRIEFS_TOML": PROJECT_FILE,
}
_chosen_project: Path | None = None
# Cells a spreadsheet would read as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class InputError(Exception):
    """Bad input from a user: a file, a lexicon or a parameter. The CLI exits 2 on it.

    The message always names the file or parameter and what is wrong with it.
    """


# --------------------------------------------------------------------------- the project


def find_project(start: str | Path | None = None) -> Path | None:
    """The nearest folder from ``start`` (default: the current folder) upward that holds
    ``briefs.toml``, or None."""
    here = Path(start if start is not None else Path.cwd()).absolute()
    for folder in (here, *here.parents):
        if (folder / PROJECT_FILE).is_file():
            return folder
    return None


def use_project(folder: str | Path | None) -> None:
    """Make ``folder`` the project of this process (``--project DIR``); None: find it again
    from the current folder.

    Raises
    ------
    InputError
        If ``folder`` is not a folder.
    """
    global _chosen_project
    if folder is None:
        _chosen_project = None
        return
    path = Path(folder)
    if not path.is_dir():
        raise InputError(f"--project {folder}: not a folder")
    _chosen_project = path.absolute()


def project_dir() -> Path:
    """The project: the one named by :func:`use_project`, else :func:`find_project`.

    Raises
    ------
    InputError
        When there is none, saying where it looked and how to name one.
    """
    if _chosen_project is not None:
        return _chosen_project
    found = find_project()
    if found is None:
        raise InputError(
            f"no {PROJECT_FILE} in {Path.cwd()} or any folder above it: run stbrief inside a "
            "project, or name one with --project DIR"
        )
    return found


def __getattr__(name: str) -> Path:
    """``SEEDS_DIR``, ``REPORTS_DIR``… of the current project (PEP 562: looked up on access)."""
    if name in _PROJECT_PATHS:
        root = project_dir()
        return root / _PROJECT_PATHS[name] if _PROJECT_PATHS[name] else root
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------- safe CSV


def safe_cell(value: Any) -> Any:
    """``value``, with a leading apostrophe when it is text a spreadsheet would run as a
    formula (it begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_safe(frame):
    """A copy of a DataFrame whose text cells (and column names) pass through
    :func:`safe_cell`; numbers are left as they are. Use it for every CSV a reader opens."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if values.dtype.kind in "biufcmM":  # numbers, flags, dates: never a formula
            continue
        import numpy as np  # one pass in C over the cells (a lambda per cell took 1/3 s)

        cells = values.to_numpy(dtype=object)
        starts = np.fromiter(
            (isinstance(v, str) and v.startswith(_FORMULA_STARTS) for v in cells),
            dtype=bool,
            count=len(cells),
        )
        if starts.any():
            out.loc[starts, column] = "'" + values[starts].astype(str)
    out.columns = [safe_cell(c) if isinstance(c, str) else c for c in out.columns]
    return out


def write_csv(frame, path: str | Path, **kwargs: Any) -> None:
    """``frame`` to CSV at ``path`` (no index unless asked), formula cells neutralised."""
    kwargs.setdefault("index", False)
    csv_safe(frame).to_csv(os.fspath(path), **kwargs)


@functools.cache
def load_lexicon(name: str, directory: str | None = None) -> dict[str, Any]:
    """Load ``analysis/lexicon/<name>.yaml`` and validate it against its JSON schema.

    The schema lives in the same folder as ``<name>.schema.yaml`` so an analyst who
    edits a lexicon can read what is allowed. Raises :class:`InputError` naming the
    file and the offending entry.
    """
    import yaml

    folder = Path(directory) if directory else LEXICON_DIR
    path = folder / f"{name}.yaml"
    schema_path = LEXICON_DIR / f"{name}.schema.yaml"
    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: lexicon file is missing") from exc
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML: {exc}") from exc
    if schema_path.exists():
        validate(data, schema_path, path)
    return data


def validate(data: Any, schema_path: Path, data_path: Path) -> None:
    """Validate ``data`` against the JSON schema in ``schema_path`` (YAML).

    fastjsonschema rather than jsonschema: the latter takes over a second to import here
    (it builds a URI grammar at import), which the CLI would pay on every start.
    """
    import fastjsonschema

    try:
        _validator(str(schema_path))(data)
    except fastjsonschema.JsonSchemaValueException as exc:
        where = exc.name.replace("data", "", 1).strip(".") or "(top level)"
        raise InputError(f"{data_path}: {where}: {exc.message}") from None


@functools.cache
def _validator(path: str) -> Callable[[Any], Any]:
    """The schema at ``path``, compiled once (compiling costs about 10 ms a schema: the
    evaluation validates some 800 gold files against one)."""
    import fastjsonschema

    schema = read_yaml(Path(path).read_text(encoding="utf-8"))
    schema.pop("$schema", None)
    return fastjsonschema.compile(schema)


def read_yaml(text: str) -> Any:
    """``yaml.safe_load`` with libyaml's C loader when PyYAML has it (about 10x faster:
    the lexicons are read at the start of every notebook run)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def lexicon_files() -> list[Path]:
    """Every lexicon and schema file, for the build's input hash."""
    return sorted(LEXICON_DIR.glob("*.yaml"))
