"""Analyst corrections of figures: ``seeds/corrections.yaml`` (DESIGN.md).

A correction names a document (``doc_id``) and a figure by its words as written
(``quote``), and sets its ``indicator``, ``scope``, ``actor``, ``measure`` or ``year``, or
drops it (``drop: true``). They are applied to the assembled facts table, after
extraction, so the per-document cache keeps raw facts. A correction that no longer finds
its figure (the document was edited or removed) is reported by name with a
:class:`CorrectionWarning`; a file that is not valid raises :class:`InputError` naming it.

:func:`review` lists the figures an analyst should look at (unclassified, or whose
definition the rules were unsure of), each with a correction line ready to paste.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.config import LEXICON_DIR, InputError, read_yaml, validate
from analysis.decoding import read_scan_digits

FILE_NAME = "corrections.yaml"
SETTABLE = ("indicator", "scope", "actor", "measure", "year")
_SCHEMA = LEXICON_DIR / "corrections.schema.yaml"


class CorrectionWarning(UserWarning):
    """A correction that finds no figure to apply to (its document or quote has changed)."""


@dataclass(frozen=True)
class Correction:
    doc_id: str
    quote: str
    changes: dict[str, Any]  # column -> value (SETTABLE keys)
    drop: bool = False

    @property
    def key(self) -> str:
        # as the document's text reads it: a scan's misread digits as digits ("l0O" 100)
        return " ".join(read_scan_digits(self.quote).split())


def corrections_path(folder) -> Path:
    """Where the corrections of a seeds folder live."""
    return Path(folder) / FILE_NAME


def load_corrections(folder) -> list[Correction]:
    """The corrections of ``folder`` (none when it has no ``corrections.yaml``).

    Raises :class:`InputError` naming the file when it is not valid YAML, fails its schema
    (``analysis/lexicon/corrections.schema.yaml``) or names an unknown indicator.
    """
    import yaml

    path = corrections_path(folder)
    if not path.is_file():
        return []
    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid YAML: {exc}") from None
    if data is None:
        return []
    validate(data, _SCHEMA, path)
    from analysis.classify import UNCLASSIFIED, indicator_ids

    known = {*indicator_ids(), UNCLASSIFIED}
    out = []
    for i, entry in enumerate(data["corrections"]):
        where = f"{path}: corrections[{i}] ({entry['doc_id']}, {entry['quote']!r})"
        if "indicator" in entry and entry["indicator"] not in known:
            raise InputError(f"{where}: unknown indicator {entry['indicator']!r}")
        changes = {k: entry[k] for k in SETTABLE if k in entry}
        drop = bool(entry.get("drop"))
        if not changes and not drop:
            raise InputError(f"{where}: sets nothing (give {', '.join(SETTABLE)} or drop)")
        if drop and changes:
            raise InputError(f"{where}: drop together with {', '.join(changes)}")
        out.append(Correction(entry["doc_id"], entry["quote"], changes, drop))
    return out


def _matches(df, c: Correction):
    """Rows of ``df`` the correction applies to: its document's rows whose quote is the
    correction's quote, or else whose quote stands inside it (whitespace normalized)."""
    rows = df[df["doc_id"] == c.doc_id]
    if rows.empty:
        return rows.index
    quotes = rows["quote"].map(lambda q: " ".join(q.split()))
    exact = rows.index[quotes == c.key]
    if len(exact):
        return exact
    inside = quotes.map(lambda q: q in c.key) & (rows["derived_from"] == "")
    return rows.index[inside.to_numpy(dtype=bool)]


def apply_corrections(df, folder, corrections: list[Correction] | None = None):
    """``df`` with the corrections of ``folder`` applied (a new table; ``df`` is unchanged).

    A derived row follows the figure it was computed from (dropped with it, or given its
    indicator, scope and actor). Warns (:class:`CorrectionWarning`) once per correction
    that applies to no row, naming the file, the document and the quote.
    """
    if corrections is None:
        corrections = load_corrections(folder)
    if not corrections:
        return df
    import pandas as pd

    out = df.copy()
    path = corrections_path(folder)
    dropped: set = set()
    for c in corrections:
        idx = _matches(out, c)
        if not len(idx):
            in_corpus = (out["doc_id"] == c.doc_id).any()
            why = (
                "no figure of that document has these words"
                if in_corpus
                else ("no such document has figures")
            )
            warnings.warn(
                f"{path}: correction of {c.doc_id} {c.quote!r} applies to nothing ({why}); "
                "edit or remove it",
                CorrectionWarning,
                stacklevel=2,
            )
            continue
        fact_ids = set(out.loc[idx, "fact_id"])
        derived = out.index[out["derived_from"].isin(fact_ids)]
        if c.drop:
            dropped.update(idx)
            dropped.update(derived)
            continue
        for col, value in c.changes.items():
            out.loc[idx, col] = value
            if col in ("indicator", "scope", "actor"):
                out.loc[derived, col] = value
        if "scope" in c.changes and c.changes["scope"] == "national" and "actor" not in c.changes:
            out.loc[idx, "actor"] = ""
        if "year" in c.changes:
            year = c.changes["year"]
            out.loc[idx, "year_basis"] = "explicit"
            ps = out.loc[idx, "period_start"]
            out.loc[idx, "period_start"] = ps.where(ps.isna() | (ps <= year), pd.NA)
            pe = out.loc[idx, "period_end"]
            out.loc[idx, "period_end"] = pe.where(pe.isna(), year)
    if dropped:
        out = out.drop(index=sorted(dropped))
    for col in ("year", "period_start", "period_end"):
        out[col] = out[col].astype("Int64")
    return out.reset_index(drop=True)


def correction_line(row, **changes) -> str:
    """A ``corrections.yaml`` entry (one line, flow style) for a row of the facts table."""
    entry = {"doc_id": row["doc_id"], "quote": row["quote"]}
    entry.update(changes)
    parts = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in entry.items()]
    return "- {" + ", ".join(parts) + "}"


REVIEW_COLUMNS = ["fact_id", "doc_id", "quote", "sentence", "indicator", "scope", "actor",
                  "measure", "year", "reason", "correction"]  # fmt: skip


def review(df):
    """Figures an analyst should check, each with a correction line ready to paste into
    ``seeds/corrections.yaml`` (columns :data:`REVIEW_COLUMNS`).

    Listed: stated figures left ``unclassified``, and those whose definition the rules were
    unsure of: a national figure in a sentence that also names a part (a ministry, a
    programme, a province, another country), and a figure with no counted noun.
    """
    import pandas as pd

    from analysis.classify import mentions_part

    rows = []
    stated = df[(df["derived_from"] == "") & (~df["duplicate"].astype(bool))]
    for r in stated.to_dict("records"):
        reason = ""
        if r["indicator"] == "unclassified":
            if r["unit"] in ("percent", "fraction", "multiple", "m", "km", "points"):
                continue  # shares and lengths: not counts an indicator takes
            reason = "unclassified"
            line = correction_line(r, indicator="FILL_IN")
        elif r["scope"] == "national" and mentions_part(r["sentence"]):
            reason = "national figure in a sentence naming a part"
            line = correction_line(r, scope="agency", actor="FILL_IN")
        elif not r["counted"]:
            reason = "no counted noun found"
            line = correction_line(r, indicator=r["indicator"])
        else:
            continue
        year = r["year"]
        rows.append(
            {
                **{k: r[k] for k in ("fact_id", "doc_id", "quote", "sentence", "indicator")},
                "scope": r["scope"],
                "actor": r["actor"],
                "measure": r["measure"],
                "year": None if pd.isna(year) else int(year),
                "reason": reason,
                "correction": line,
            }
        )
    out = pd.DataFrame(rows, columns=REVIEW_COLUMNS)
    out["year"] = out["year"].astype("Int64")
    return out
