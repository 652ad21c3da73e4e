"""The annexes: the sources (A), and every sentence a figure comes from, its figures marked (B)."""

from __future__ import annotations

import bisect
import re
from typing import Any

from analysis.dating import BASIS_TEXT
from analysis.report import values

# How a document's date was found, in a reader's words: the corpus's basis codes have their
# words beside the code that sets them (dating.BASIS_TEXT); the codes stay in documents.csv, an
# unknown code (a cache of older code) reads "other evidence".
DATE_BASIS_TEXT = BASIS_TEXT


def date_basis_text(code: str) -> str:
    return DATE_BASIS_TEXT.get(code, "other evidence in the text")


def _sentence_of(doc: Any, starts: list[int], start: int, end: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0:
        s = doc.sentences[i]
        if s.start <= start and end <= s.end:
            return s.start, s.end
    return start, end  # no sentence holds it: the figure's own words


def sentence_entries(b: Any) -> tuple[list[dict], dict[str, dict]]:
    """Annex B, one entry per sentence that holds a classified figure of the period, every
    figure of the sentence marked; and each classified fact's citation (its entry)."""
    f = b.facts
    by_sentence: dict[tuple[str, int, int], list[dict]] = {}
    starts_of: dict[str, list[int]] = {}
    for doc_id, rows in f.sort_values(["doc_id", "start"]).groupby("doc_id", sort=True):
        doc = b.corpus.get(doc_id)
        starts = starts_of.setdefault(doc_id, [s.start for s in doc.sentences])
        for r in rows.to_dict("records"):
            span = _sentence_of(doc, starts, int(r["start"]), int(r["end"]))
            by_sentence.setdefault((doc_id, *span), []).append(r)
    wanted = {
        key
        for key, rows in by_sentence.items()
        if any(r["indicator"] != "unclassified" for r in rows)
    }
    entries, cites = [], {}
    for key in sorted(wanted):
        doc_id, s_start, s_end = key
        doc = b.corpus.get(doc_id)
        n = len(entries) + 1
        anchor = f"b-{n}"
        segments, pos = [], s_start
        for r in sorted(by_sentence[key], key=lambda r: (int(r["start"]), -int(r["end"]))):
            start, end = int(r["start"]), int(r["end"])
            if r["indicator"] != "unclassified":
                cites[r["fact_id"]] = {
                    "n": n,
                    "anchor": anchor,
                    "fact": r["fact_id"],
                    "value": float(r["value"]),
                }
            if start < pos or r["derived_from"]:
                continue  # overlaps a figure already marked (a computed baseline shares its words)
            segments.append({"text": doc.text[pos:start], "mark": False})
            classified_ = r["indicator"] != "unclassified"
            segments.append(
                {
                    "text": doc.text[start:end],
                    "mark": True,
                    "classified": classified_,
                    "label": b.label(r["indicator"]) if classified_ else "",
                    "when": values.year_text(r) if classified_ else "",
                    "target": r["measure_of"] == "target",
                    "duplicate": bool(r["duplicate"]),
                }
            )
            pos = end
        segments.append({"text": doc.text[pos:s_end], "mark": False})
        for s in segments:
            if not s["mark"]:
                s["text"] = re.sub(r"\s+", " ", s["text"])
        segments[0]["text"] = segments[0]["text"].lstrip()
        segments[-1]["text"] = segments[-1]["text"].rstrip()
        rows = by_sentence[key]
        entries.append(
            {
                "n": n,
                "anchor": anchor,
                "source": b.source(doc_id),
                "ref": b.refs.get(doc_id, doc_id),
                "segments": [s for s in segments if s["text"]],
                "duplicate": all(
                    bool(r["duplicate"]) for r in rows if r["indicator"] != "unclassified"
                ),
                "figures": sum(1 for s in segments if s["mark"]),
            }
        )
    return entries, cites


def facts_annex(b: Any) -> dict | None:
    """Annex B's data: the entries, how many figures they mark, how many are unclassified."""
    if not b.annex:
        return None
    marks = [s for e in b.annex for s in e["segments"] if s["mark"]]
    return {
        "entries": b.annex,
        "n_sentences": len(b.annex),
        "n_classified": sum(1 for s in marks if s["classified"]),
        "n_unclassified_marked": sum(1 for s in marks if not s["classified"]),
    }


def sources_annex(b: Any) -> dict | None:
    """Annex A's data: the documents the brief draws on, with how each was dated."""
    used = b.docs[b.docs["doc_id"].isin(b.used_docs)]
    if used.empty:
        return None
    rows = []
    for r in used.to_dict("records"):
        copy_of = str(r.get("duplicate_of") or "")
        rows.append(
            {
                "anchor": b.source(r["doc_id"])["anchor"],
                "ref": b.refs.get(r["doc_id"], r["doc_id"]),
                "name": b.names.get(r["doc_id"], ""),
                "title": str(r["title"] or ""),
                "publisher": str(r["publisher"] or ""),
                "published": str(r["published"] or ""),
                "dated_by": date_basis_text(str(r["published_basis"])),
                "words": int(r["words"]),
                "copy_of": b.refs.get(copy_of, copy_of) if copy_of else "",
            }
        )
    return {"documents": rows, "n": len(rows), "period": b.period}
