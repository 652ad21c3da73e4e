"""Paths, lexicon loading and validation, and the input error every module raises."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
LEXICON_DIR = PACKAGE_DIR / "lexicon"
TEMPLATE_DIR = PACKAGE_DIR / "templates"
SEEDS_DIR = ROOT / "seeds"
NOTEBOOKS_DIR = ROOT / "notebooks"
REPORTS_DIR = ROOT / "reports"
BRIEFS_TOML = ROOT / "briefs.toml"


class InputError(Exception):
    """Bad input from a user: a file, a lexicon or a parameter. The CLI exits 2 on it.

    The message always names the file or parameter and what is wrong with it.
    """


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

    schema = _schema(str(schema_path))
    try:
        fastjsonschema.compile(schema)(data)
    except fastjsonschema.JsonSchemaValueException as exc:
        where = exc.name.replace("data", "", 1).strip(".") or "(top level)"
        raise InputError(f"{data_path}: {where}: {exc.message}") from None


@functools.cache
def _schema(path: str) -> dict:

    schema = read_yaml(Path(path).read_text(encoding="utf-8"))
    schema.pop("$schema", None)
    return schema


def read_yaml(text: str) -> Any:
    """``yaml.safe_load`` with libyaml's C loader when PyYAML has it (about 10x faster:
    the lexicons are read at the start of every notebook run)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def lexicon_files() -> list[Path]:
    """Every lexicon and schema file, for the build's input hash."""
    return sorted(LEXICON_DIR.glob("*.yaml"))
