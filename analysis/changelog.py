"""What changed since the last edition, said: the build log, the manifest's record, the data
of the brief's section "What changed since the edition of DATE", and ``stbrief changes``."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from analysis.editiondiff import _field_value, _text
from analysis.editions import base_edition, published_briefs, read_changes

LOG_ITEMS = 8  # per kind in the build log; `stbrief changes` lists everything


# --------------------------------------------------------------------------- the section


def section_data(b: Any) -> dict | None:
    """The section's data for brief ``b`` (an :class:`analysis.report.Brief` whose
    ``changes`` :func:`analysis.editions.record` set): :func:`section_from` with the brief's
    citations and names of documents."""
    return section_from(getattr(b, "changes", None), cite=b.cite, source=b.source)


def section_from(
    changes: Mapping[str, Any] | None,
    cite: Callable[[str], Any] | None = None,
    source: Callable[[str], Any] | None = None,
    limit: int = 15,
) -> dict | None:
    """The data of the brief's section "What changed since the edition of DATE".

    Parameters
    ----------
    changes : mapping or None
        From :func:`analysis.editions.record`; None (no comparison made) gives None: no section.
    cite : callable, optional
        fact_id -> the citation of a figure of this edition (None when not in the annex).
    source : callable, optional
        doc_id -> ``{"name", "anchor"}``, how the brief names a document of this edition.
        A document no longer in the corpus is named by its title in the old edition.
    limit : int, optional
        New and gone figures listed at most; the rest are counted.

    Returns
    -------
    dict or None
        ``first``, ``date``, ``changed``, ``counts`` and, after a first edition,
        ``documents`` (added/removed/edited: ``title``, ``old_title``, ``source``), ``inputs``,
        ``changed_figures``, ``redefined`` (each ``old``, ``new``; ``fields`` of a
        redefinition: ``field``, ``old``, ``new``), ``new_figures``, ``gone_figures``,
        ``more_new``, ``more_gone``, ``unchanged``, ``opened``, ``resolved`` (each ``label``,
        ``a``, ``b``), ``phases`` (labels) and ``findings`` (keys) whose figures changed.
        A figure is ``label``, ``text``, ``when``, ``quote``, ``sentence``, ``source`` and
        ``cite`` (None for a figure of the old edition).
    """
    if not changes:
        return None
    labels = changes.get("labels") or {}
    titles = changes.get("titles") or {}
    base = changes.get("base") or {}
    data: dict[str, Any] = {
        "first": bool(changes.get("first")),
        "date": _date_words(base.get("date", "")),
        "changed": bool(changes.get("changed")),
        "counts": changes.get("counts") or {},
    }
    if data["first"]:
        return data

    removed = {_text(d.get("doc_id")) for d in (changes.get("documents") or {}).get("removed", [])}

    def named(doc_id: str, title: str) -> dict:
        """How the brief names a document: as the brief does while it is in the corpus."""
        if source is not None and doc_id not in removed:
            return dict(source(doc_id))
        return {"name": title or titles.get(doc_id, "an unnamed source"), "anchor": None}

    def fig(f: Mapping[str, Any] | None, current: bool) -> dict | None:
        if f is None:
            return None
        doc_id, fact_id = _text(f.get("doc_id")), _text(f.get("fact_id"))
        return {
            "label": labels.get(_text(f.get("indicator")), _text(f.get("indicator"))),
            "text": _text(f.get("value_text")) or _text(f.get("value")),
            "when": _text(f.get("when")),
            "quote": _text(f.get("quote")),
            "sentence": _text(f.get("sentence")),
            "source": named(doc_id, titles.get(doc_id, "")),
            "cite": cite(fact_id) if (current and cite is not None) else None,
        }

    def doc(d: Mapping[str, Any]) -> dict:
        return {
            "title": _text(d.get("title")),
            "old_title": _text(d.get("old_title")),
            "published": _text(d.get("published")),
            "source": named(_text(d.get("doc_id")), _text(d.get("title"))),
        }

    figures = changes.get("figures") or {}
    docs = changes.get("documents") or {}
    conflicts = changes.get("conflicts") or {}
    new = figures.get("new") or []
    gone = figures.get("gone") or []

    def conflict(c: Mapping[str, Any], current: bool) -> dict:
        a, b = fig(c.get("a"), current), fig(c.get("b"), current)
        label = labels.get(_text(c.get("indicator")), _text(c.get("indicator")))
        return {"label": label, "a": a, "b": b}

    data.update(
        documents={
            kind: [doc(d) for d in docs.get(kind) or []] for kind in ("added", "removed", "edited")
        },
        inputs=list(changes.get("inputs") or []),
        changed_figures=[
            {"old": fig(p["old"], False), "new": fig(p["new"], True)}
            for p in figures.get("changed") or []
        ],
        redefined=[
            {
                "old": fig(p["old"], False),
                "new": fig(p["new"], True),
                "fields": [
                    {
                        "field": name,
                        "old": _shown_field(p["old"], name, labels),
                        "new": _shown_field(p["new"], name, labels),
                    }
                    for name in p.get("fields", [])
                ],
            }
            for p in figures.get("redefined") or []
        ],
        new_figures=[fig(f, True) for f in new[:limit]],
        more_new=max(len(new) - limit, 0),
        gone_figures=[fig(f, False) for f in gone[:limit]],
        more_gone=max(len(gone) - limit, 0),
        unchanged=int(figures.get("unchanged") or 0),
        opened=[conflict(c, True) for c in conflicts.get("opened") or [] if c["a"] and c["b"]],
        resolved=[conflict(c, False) for c in conflicts.get("resolved") or [] if c["a"] and c["b"]],
        phases=[x["item"] for x in changes.get("sections") or [] if x["section"] == "phases"],
        findings=[x["item"] for x in changes.get("sections") or [] if x["section"] == "findings"],
    )
    return data


def _shown_field(f: Mapping[str, Any], name: str, labels: Mapping[str, str]) -> str:
    value = _field_value(f, name)
    if name == "indicator":
        return labels.get(value, value)
    return "" if value is None else str(value)


def _date_words(iso: str) -> str:
    """``2026-11-24`` -> ``24 November 2026`` (as given if it is not a date)."""
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {day.strftime('%B')} {day.year}"


# --------------------------------------------------------------------------- log and manifest


def _fig_line(f: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    label = labels.get(_text(f.get("indicator")), _text(f.get("indicator")))
    value = _text(f.get("value_text")) or _text(f.get("value"))
    when = _text(f.get("when"))
    return f"{label}: {value}" + (f" ({when})" if when else "") + f" [{f.get('doc_id')}]"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def headline(changes: Mapping[str, Any] | None) -> str:
    """One line: what changed since the last edition, in counts."""
    if not changes:
        return "no comparison recorded"
    counts = changes.get("counts") or {}
    if changes.get("first"):
        return (
            f"first edition ({_plural(counts.get('documents', 0), 'document')}, "
            f"{_plural(counts.get('figures', 0), 'figure')}, "
            f"{_plural(counts.get('conflicts', 0), 'conflict')})"
        )
    base = changes.get("base") or {}
    since = f"since the edition of {base.get('date') or '?'}"
    if not changes.get("changed"):
        return f"nothing changed {since}"
    parts = []
    docs = changes.get("documents") or {}
    doc_parts = [f"{len(docs[k])} {k}" for k in ("added", "removed", "edited") if docs.get(k)]
    if doc_parts:
        parts.append("documents: " + ", ".join(doc_parts))
    if changes.get("inputs"):
        parts.append("edited: " + ", ".join(changes["inputs"]))
    figs = changes.get("figures") or {}
    fig_parts = [
        f"{len(figs[k])} {k}" for k in ("new", "gone", "changed", "redefined") if figs.get(k)
    ]
    if fig_parts:
        parts.append("figures: " + ", ".join(fig_parts))
    conf = changes.get("conflicts") or {}
    conf_parts = [f"{len(conf[k])} {k}" for k in ("opened", "resolved") if conf.get(k)]
    if conf_parts:
        parts.append("conflicts: " + ", ".join(conf_parts))
    return f"{since}: " + "; ".join(parts)


def change_lines(changes: Mapping[str, Any] | None, limit: int | None = None) -> list[str]:
    """One line per change (``+`` added/new/opened, ``-`` removed/gone/resolved, ``~``
    edited/changed), at most ``limit`` per kind (then "... and N more")."""
    if not changes or changes.get("first") or not changes.get("changed"):
        return []
    labels = changes.get("labels") or {}
    lines: list[str] = []

    def some(items: list, render, mark: str, what: str) -> None:
        shown = items if limit is None else items[:limit]
        lines.extend(f"{mark} {what} {render(item)}" for item in shown)
        if len(items) > len(shown):
            lines.append(f"  ... and {len(items) - len(shown)} more ({what})")

    def doc(d: Mapping[str, Any]) -> str:
        title = f'"{d.get("title")}"'
        if d.get("old_title"):
            title = f'"{d.get("old_title")}" -> {title}'
        return f"{d.get('doc_id')}: {title}"

    docs = changes.get("documents") or {}
    some(docs.get("added") or [], doc, "+", "document added")
    some(docs.get("removed") or [], doc, "-", "document removed")
    some(docs.get("edited") or [], doc, "~", "document edited")
    lines.extend(f"~ edited {name}" for name in changes.get("inputs") or [])
    figs = changes.get("figures") or {}

    def pair(p: Mapping[str, Any]) -> str:
        old, new = p["old"], p["new"]
        label = labels.get(_text(new.get("indicator")), _text(new.get("indicator")))
        when = _text(new.get("when"))
        was = _text(old.get("value_text")) or _text(old.get("value"))
        now = _text(new.get("value_text")) or _text(new.get("value"))
        return f"{label}" + (f" ({when})" if when else "") + f": {was} -> {now} [{new['doc_id']}]"

    def redefined(p: Mapping[str, Any]) -> str:
        fields = ", ".join(
            f"{name} {_shown_field(p['old'], name, labels) or '-'} -> "
            f"{_shown_field(p['new'], name, labels) or '-'}"
            for name in p.get("fields", [])
        )
        return f"{_fig_line(p['new'], labels)}: {fields}"

    some(figs.get("changed") or [], pair, "~", "figure changed")
    some(figs.get("redefined") or [], redefined, "~", "figure redefined")
    some(figs.get("new") or [], lambda f: _fig_line(f, labels), "+", "figure new")
    some(figs.get("gone") or [], lambda f: _fig_line(f, labels), "-", "figure gone")

    def conflict(c: Mapping[str, Any]) -> str:
        sides = [_fig_line(c[s], labels) for s in ("a", "b") if c.get(s)]
        return " vs ".join(sides) or _text(c.get("indicator"))

    conf = changes.get("conflicts") or {}
    some(conf.get("opened") or [], conflict, "+", "conflict opened")
    some(conf.get("resolved") or [], conflict, "-", "conflict resolved")
    for use in changes.get("sections") or []:
        what = "phase" if use["section"] == "phases" else "finding"
        changed = _plural(use["changed"], "changed figure")
        lines.append(f"~ {what} {use['item']}: rests on {changed}")
    return lines


def summary_lines(changes: Mapping[str, Any] | None, name: str) -> list[str]:
    """What the build log says of one published brief: a headline and up to
    :data:`LOG_ITEMS` changes of each kind (empty when no comparison was recorded)."""
    if not changes:
        return []
    return [f"brief {name}: {headline(changes)}"] + [
        f"  {line}" for line in change_lines(changes, LOG_ITEMS)
    ]


def manifest_record(changes: Mapping[str, Any] | None) -> dict | None:
    """The comparison as ``manifest.json`` keeps it: the headline, the base edition, counts
    and the documents and changed figures by name (the full comparison stays in the edition
    folder's ``edition/changes.json``)."""
    if not changes:
        return None
    figs = changes.get("figures") or {}
    record: dict[str, Any] = {
        "summary": headline(changes),
        "first": bool(changes.get("first")),
        "base": changes.get("base"),
        "changed": bool(changes.get("changed")),
    }
    if changes.get("first"):
        return record
    record["documents"] = {
        kind: [d["doc_id"] for d in (changes.get("documents") or {}).get(kind, [])]
        for kind in ("added", "removed", "edited")
    }
    record["inputs"] = list(changes.get("inputs") or [])
    record["figures"] = {
        "changed": [
            {
                "doc_id": p["new"].get("doc_id"),
                "indicator": p["new"].get("indicator"),
                "year": p["new"].get("year"),
                "old": p["old"].get("value"),
                "new": p["new"].get("value"),
                "quote_old": p["old"].get("quote"),
                "quote_new": p["new"].get("quote"),
            }
            for p in figs.get("changed") or []
        ],
        **{k: len(figs.get(k) or []) for k in ("new", "gone", "redefined")},
        "unchanged": figs.get("unchanged", 0),
    }
    conf = changes.get("conflicts") or {}
    record["conflicts"] = {k: len(conf.get(k) or []) for k in ("opened", "resolved")}
    return record


def format_changes(changes: Mapping[str, Any] | None, name: str) -> str:
    """``stbrief changes``: the headline and every change of one brief's last comparison."""
    if not changes:
        return f"brief {name}: no comparison recorded (not built since editions were kept)"
    lines = [f"brief {name}: {headline(changes)}"]
    if changes.get("built"):
        lines[0] += f" (this edition built {changes['built']})"
    lines += [f"  {line}" for line in change_lines(changes)]
    return "\n".join(lines)


def run_changes(out: Path | str, brief: str | None) -> tuple[str, bool]:
    """The text ``stbrief changes`` prints, and whether any comparison was found."""
    names = [brief] if brief else published_briefs(out)
    if not names:
        return f"no published brief in {os.fspath(out)}", False
    texts, found = [], False
    for name in names:
        current = base_edition(out, name)
        changes = read_changes(current) if current else None
        found = found or changes is not None
        texts.append(format_changes(changes, name))
    return "\n".join(texts), found
