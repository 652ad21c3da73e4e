"""The input hash of a brief: documents, corrections, lexicons, notebook, code, parameters,
versions (an unchanged hash: the brief is not rebuilt)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from analysis import config

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
# Files under analysis/ that count for the input hash: code, lexicons, the template.
_HASHED_SUFFIXES = {".py", ".yaml", ".yml"}
_HASHED_FOLDERS = {"templates", "lexicon"}


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
