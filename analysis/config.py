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
    import jsonschema
    import yaml

    folder = Path(directory) if directory else LEXICON_DIR
    path = folder / f"{name}.yaml"
    schema_path = LEXICON_DIR / f"{name}.schema.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: lexicon file is missing") from exc
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML: {exc}") from exc
    if schema_path.exists():
        schema = yaml.safe_load(schema_path.read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema)
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
        if errors:
            first = errors[0]
            where = "/".join(str(p) for p in first.absolute_path) or "(top level)"
            raise InputError(f"{path}: {where}: {first.message}")
    return data


def lexicon_files() -> list[Path]:
    """Every lexicon and schema file, for the build's input hash."""
    return sorted(LEXICON_DIR.glob("*.yaml"))
