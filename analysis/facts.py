"""Numeric claims -> a tidy facts table, one row per claim, with provenance (DESIGN.md).

The table level: :func:`facts_table` (a loaded corpus), :func:`facts_for_folder` (a folder,
streamed file by file over a process pool) and :func:`finish_table` (duplicates flagged, the
analyst's corrections applied, the schema checked). One document's claims are read by
:mod:`analysis.extraction` (:func:`extract_facts`, importable from here too); figures whose
words name nothing, by :mod:`analysis.references`. Columns and schema:
:mod:`analysis.facttable`; the number grammar: :mod:`analysis.numbers`; indicator, scope,
actor and measure: :mod:`analysis.classify`.
"""

import math
import os
from pathlib import Path
from typing import Any

from analysis import corpus, nearcopies
from analysis.classify import (  # noqa: F401 - public names of analysis.facts
    UNCLASSIFIED,
    ReferenceIndex,
    _classify,
    _first_end,
    actor_lexicon,
    document_subject,
    indicator_ids,
    indicator_labels,
    indicator_lexicon,
    mentions,
    resolve_reference,
    scope_of,
)
from analysis.config import InputError
from analysis.extraction import extract_facts  # noqa: F401 - public name of analysis.facts
from analysis.facttable import (  # noqa: F401 - public names of analysis.facts
    _FLOAT_COLUMNS,
    _INT_COLUMNS,
    _PACKED,
    _PACKED_NULLABLE,
    COLUMNS,
    MEASURES,
    QUALIFIERS,
    SCOPES,
    UNITS,
    YEAR_BASES,
    _Columns,
    _flag_duplicates,
    _frame,
    _missing,
    facts_schema,
    filter_period,
    validate_facts,
)
from analysis.nearcopies import Signature as _Signature
from analysis.numbers import (  # noqa: F401 - used by tests and the fast-path checks
    _CLAUSE_STOP,
    _Y,
    _Grammar,
    _lower,
    _Num,
    _number_matches,
    _parse,
    _when,
    _year_anchors,
    _year_exprs,
    _year_matches,
    _YearExpr,
    grammar,
)

# --------------------------------------------------------------------------- the table


def facts_table(corpus_, start_year: int | None = None, end_year: int | None = None):
    """The facts table of a loaded corpus: all documents, duplicates flagged, schema-checked."""
    if start_year is not None and end_year is not None and start_year > end_year:
        raise InputError(f"start_year {start_year} is after end_year {end_year}")
    rows: list[dict] = []
    for doc in corpus_:
        rows.extend(extract_facts(doc))
    dup = {d.doc_id: d.duplicate_of for d in corpus_}
    df = finish_table(_frame(rows), dup, getattr(corpus_, "folder", None))
    df = filter_period(df, start_year, end_year)
    return validate_facts(df)


def finish_table(df, duplicate_of: dict[str, str], folder=None):
    """The corpus-wide steps on the rows of every document (a table :func:`_frame` made):
    duplicates flagged, the analyst's corrections of ``folder`` applied
    (:mod:`analysis.corrections`), the schema checked. Returns the finished table."""
    from analysis.corrections import apply_corrections

    df = _flag_duplicates(df, duplicate_of)
    if folder is not None:
        df = apply_corrections(df, folder)
    return validate_facts(df)


# --------------------------------------------------------------------------- streaming
def _facts_of_file(task: tuple[str, dict | None]):
    """Worker: read ONE file, extract its facts; return rows and the MinHash signature.

    The signature is computed with numpy alone (:func:`corpus._minhash_values`: a worker
    never imports datasketch); the parent checks that arithmetic against datasketch."""
    path, meta = task
    try:
        doc, title = corpus._read(Path(path), meta)
    except corpus.SkipFile as exc:
        return ("skip", Path(path).name, str(exc))
    except OSError as exc:
        return ("skip", Path(path).name, f"cannot be read: {exc.strerror or exc}")
    signature = (corpus._minhash_values(doc.text, title), corpus._MINHASH_SEED, "affine32")
    return ("ok", extract_facts(doc), doc.doc_id, doc.file, doc.published, signature)


def _signature(doc) -> tuple:
    mh = doc.minhash
    return (mh.hashvalues, mh.seed, getattr(mh, "scheme", None))


def _facts_of_files(tasks: list[tuple[str, dict | None]]):
    """Worker: :func:`_facts_of_file` for a batch of files, the rows packed by column.

    Returns (one entry per file: ("skip", file, reason) or ("ok", doc_id, file, published,
    signature, number of rows), {column: values of all the batch's rows}).
    """
    from array import array

    docs, rows = [], []
    for task in tasks:
        res = _facts_of_file(task)
        if res[0] == "skip":
            docs.append(res)
            continue
        _, doc_rows, doc_id, file, published, signature = res
        docs.append(("ok", doc_id, file, published, signature, len(doc_rows)))
        rows.extend(doc_rows)
    nan = math.nan
    cols: dict[str, Any] = {}
    for col in COLUMNS:
        values = [r[col] for r in rows]
        if col in _PACKED:
            if _PACKED[col] == "d":
                values = [nan if v is None else v for v in values]
            cols[col] = array(_PACKED[col], values).tobytes()
        elif col in _PACKED_NULLABLE:
            mask = bytes(v is None for v in values)
            cols[col] = (array("q", [0 if v is None else v for v in values]).tobytes(), mask)
        else:
            cols[col] = values
    return docs, cols


# Smaller folders are read in this process: starting workers would cost more than it saves.
_POOL_MIN_FILES, _POOL_MIN_BYTES = 20, 500_000


def _warm_up() -> None:
    """Compile the lexicons and draw the MinHash permutations once, before the pool forks
    (forked workers inherit them instead of each doing it again)."""
    grammar()
    indicator_lexicon()
    corpus._affine32(nearcopies._settings()["num_perm"])


def _import_table_modules() -> None:
    """What the parent needs after the workers: pandas, and datasketch (with the check of
    the workers' MinHash arithmetic). Run in a thread while they work."""
    import pandas  # noqa: F401

    corpus._minhash_kit(nearcopies._settings()["num_perm"])


def facts_for_folder(folder, workers: int = 0):
    """Facts of every ``*.txt`` in ``folder``, streamed file by file over a process pool.

    Returns ``(table, skipped)``. Each task reads a batch of files and sends back only their
    rows and MinHash signatures; near-duplicates are then marked here with
    :func:`corpus.mark_duplicates`. The table is the same whatever ``workers`` is
    (0: one per CPU; small folders run in this process).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"--seeds {folder}: not a folder")
    if workers < 0:
        raise InputError(f"--workers {workers}: must be 0 (automatic) or more")
    catalog = corpus.read_catalog(folder)
    files = corpus.document_files(folder)
    tasks = [(str(p), catalog.get(p.stem)) for p in files]
    n = workers or os.cpu_count() or 1
    sizes = [p.stat().st_size for p in files]
    if len(files) < _POOL_MIN_FILES or sum(sizes) < _POOL_MIN_BYTES:
        n = 1
    _warm_up()
    batches = _batches(tasks, sizes, n)
    if n == 1:
        gathered = _gather(map(_facts_of_files, batches))
    else:
        import threading
        from concurrent.futures import ProcessPoolExecutor

        # the pool is gone before the table is built: its workers' memory is given back
        with ProcessPoolExecutor(max_workers=n) as pool:
            results = pool.map(_facts_of_files, batches)  # the workers are forked here
            # while they work, this process imports what it needs to build the table
            imports = threading.Thread(target=_import_table_modules, daemon=True)
            imports.start()
            gathered = _gather(results)
        imports.join()
    return _assemble(*gathered, tasks=tasks, folder=folder)


def _batches(tasks: list, sizes: list[int], workers: int) -> list[list]:
    """Consecutive tasks in batches of about 256 kB (at least 16 batches per worker, so the
    last ones finish together)."""
    target = max(16_384, min(262_144, sum(sizes) // (workers * 16)))
    batches, batch, size = [], [], 0
    for task, n in zip(tasks, sizes, strict=True):
        batch.append(task)
        size += n
        if size >= target:
            batches.append(batch)
            batch, size = [], 0
    if batch:
        batches.append(batch)
    return batches


def _gather(results) -> tuple[_Columns, list, list]:
    """Batch results -> (columns of all rows, signatures (doc_id, file, published,
    signature), skipped files), in file order."""
    columns = _Columns()
    sigs: list[tuple] = []
    skipped: list[corpus.Skipped] = []
    for docs, cols in results:
        for res in docs:
            if res[0] == "skip":
                skipped.append(corpus.Skipped(res[1], res[2]))
            else:
                sigs.append(res[1:5])
        columns.add(cols)
    return columns, sigs, skipped


def _assemble(
    columns: _Columns, signatures: list[tuple], skipped: list, tasks: list = (), folder=None
):
    from datasketch import MinHash

    if signatures and corpus._minhash_kit(len(signatures[0][3][0]))[1] is None:
        # datasketch computes MinHash otherwise than the workers' copy of its arithmetic:
        # compute the signatures again with it (slow, never expected with the pinned version)
        meta = {Path(path).name: (path, m) for path, m in tasks}
        signatures = [
            (
                doc_id,
                file,
                published,
                _signature(corpus.read_document(Path(meta[file][0]), meta[file][1])),
            )
            for doc_id, file, published, _sig in signatures
        ]
    sigs: list[_Signature] = []
    templates: dict[tuple, Any] = {}
    for doc_id, file, published, (hashvalues, seed, scheme) in signatures:
        kw = {"scheme": scheme} if scheme else {}
        # one MinHash per signature shape draws the permutations; the others share them
        shape = (len(hashvalues), seed, scheme)
        if shape not in templates:
            templates[shape] = MinHash(num_perm=len(hashvalues), seed=seed, **kw)
        mh = MinHash(
            seed=seed, hashvalues=hashvalues, permutations=templates[shape].permutations, **kw
        )
        sigs.append(_Signature(doc_id, file, published, mh))
    corpus.mark_duplicates(sigs)  # type: ignore[arg-type] - duck-typed signatures
    df = finish_table(_frame(columns), {s.doc_id: s.duplicate_of for s in sigs}, folder)
    return df, skipped


def __getattr__(name: str):
    if name == "FACTS_SCHEMA":
        return facts_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
