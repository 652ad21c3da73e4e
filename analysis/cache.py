"""The corpus-level tables of a seeds folder, computed once and shared.

Every brief of ``briefs.toml`` reads the same corpus: the documents, all their facts, and
the partner and theme mentions. :func:`corpus_tables` computes them once per content of
the folder and keeps them in ``<cache>/corpus-<key>.pickle``; the key hashes the documents'
names and bytes, the ``analysis`` package (code, lexicons, templates) and the versions of
the libraries that shape the tables, so any change to any of them computes afresh.

``stbrief build`` starts computing them in a process of their own while the kernel starts
and imports pandas and seaborn (the two cores of a small machine, at once); the notebook's
:func:`analysis.brief.load` then reads them. A notebook run from JupyterLab uses the same
cache. The pickle is written by this package into a folder of the reports (never read from
anywhere else); a file that cannot be read is computed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis import config

CACHE_ENV = "STBRIEF_CACHE"  # the folder; set by `stbrief build` to <out>/.cache
KEEP = 8  # newest entries kept: a few seeds folders and lexicon versions
_VERSIONED = ("pandas", "numpy", "datasketch", "pycountry", "charset-normalizer", "pyyaml")


@dataclass
class CorpusTables:
    """What every brief of a seeds folder starts from (before its period is applied)."""

    corpus: Any  # corpus.Corpus
    docs: Any  # documents table
    facts: Any  # every fact, duplicates flagged, schema-checked
    partner_mentions: Any
    theme_mentions: Any


def cache_dir() -> Path:
    """``$STBRIEF_CACHE``, else ``reports/.cache`` of the repository."""
    return Path(os.environ.get(CACHE_ENV) or config.REPORTS_DIR / ".cache")


def corpus_key(seeds_dir: str | Path) -> str:
    """SHA-256 of the documents (names and bytes), the package and the library versions."""
    from analysis.build import add_corpus_inputs, package_versions

    seeds_dir = Path(seeds_dir)
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add("folder", str(seeds_dir.resolve()).encode())  # Corpus.folder is in the tables
    add_corpus_inputs(add, seeds_dir, config.PACKAGE_DIR)
    versions = package_versions(_VERSIONED)
    add("versions", json.dumps([sys.version, versions], sort_keys=True).encode())
    return digest.hexdigest()


def compute(seeds_dir: str | Path) -> CorpusTables:
    """The tables, computed (no cache)."""
    from analysis import corpus, facts, partners, themes

    docs_corpus = corpus.load_corpus(seeds_dir)
    return CorpusTables(
        corpus=docs_corpus,
        docs=corpus.documents_table(docs_corpus),
        facts=facts.facts_table(docs_corpus),
        partner_mentions=partners.partner_mentions(docs_corpus),
        theme_mentions=themes.theme_mentions(docs_corpus),
    )


def corpus_tables(seeds_dir: str | Path) -> CorpusTables:
    """The tables of ``seeds_dir``: read from the cache, or computed and cached.

    A lock per entry makes a second process (the kernel, while ``stbrief build`` computes
    them) wait for the first instead of computing them again. Bad input raises as
    :func:`compute` does, and nothing is cached.
    """
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        raise config.InputError(f"--seeds {seeds_dir}: not a folder")
    path = _entry(seeds_dir)
    if path is None:
        return compute(seeds_dir)  # a read-only place: work without the cache
    return _read_or_compute(seeds_dir, path)


def _entry(seeds_dir: Path) -> Path | None:
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder / f"corpus-{corpus_key(seeds_dir)[:40]}.pickle"


def _read_or_compute(seeds_dir: Path, path: Path) -> CorpusTables:
    from filelock import FileLock

    with FileLock(str(path) + ".lock"):
        tables = _read(path)
        if tables is None:
            tables = compute(seeds_dir)
            _write(path, tables)
            _prune(path.parent)
    return tables


def _read(path: Path) -> CorpusTables | None:
    try:
        with path.open("rb") as fh:
            tables = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a truncated or stale file: compute again
        return None
    return tables if isinstance(tables, CorpusTables) else None


def _write(path: Path, tables: CorpusTables) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)  # a full disk: the tables are still returned


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("corpus-*.pickle"), key=lambda p: p.stat().st_mtime)
    for old in entries[:-KEEP]:
        old.unlink(missing_ok=True)
        Path(str(old) + ".lock").unlink(missing_ok=True)


def warm(seeds_dir: str | Path) -> None:
    """Compute and cache the tables unless they are cached, saying nothing on failure (the
    notebook then computes them itself and reports the error with the brief's)."""
    try:
        seeds_dir = Path(seeds_dir)
        path = _entry(seeds_dir) if seeds_dir.is_dir() else None
        if path is not None and not path.is_file():  # cached already: nothing to load here
            _read_or_compute(seeds_dir, path)
    except Exception:  # noqa: BLE001 - see above
        pass


if __name__ == "__main__":  # `python -m analysis.cache SEEDS_DIR`, started by stbrief build
    warm(sys.argv[1])
