"""How a fact's value, its date and its source read in the brief (plain text, no markup)."""

from __future__ import annotations

import math
import re
import textwrap
from typing import Any

QUAL_PREFIX = {"nearly": "nearly ", "over": "over ", "at_least": "at least ", "approx": "about "}


def missing(x: Any) -> bool:
    """True for None, NaN and pandas' NA (and NaT)."""
    if x is None:
        return True
    import pandas as pd

    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):  # a list or an array is not a missing scalar
        return False


def num(value: float, digits: int = 3) -> str:
    """A number for prose: thousands separators, "billion"/"million", ``digits`` significant
    digits for scaled values (stated figures pass 6 so none is lost)."""
    if missing(value):
        return "?"
    value = float(value)
    if abs(value) >= 1e9:
        return f"{value / 1e9:,.{digits}g} billion"
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.{digits}g} million"
    if value == int(value):
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}g}"


def percent(x: float) -> str:
    """0.163 -> "16%", 0.0008 -> "0.1%" (never "0%" for a rise)."""
    if missing(x):
        return "?"
    p = 100 * float(x)
    if p != 0 and abs(p) < 1:
        return f"{p:.1f}%"
    return f"{p:.0f}%"


def _unit(unit: str, text: str, value: float) -> str:
    if unit == "USD":
        return "US$" + text
    if unit == "EUR":
        return "€" + text
    if unit == "CNY":
        return text + " yuan"
    if unit == "percent":
        return text + "%"
    if unit == "multiple":
        return text + " times"
    if unit == "points":
        return text + " percentage points"
    if unit == "fraction":
        return f"{value:.0%}"
    if unit == "m":
        return text + " m"
    if unit == "delegations":
        return text + " delegations"
    return text


def value_text(row: Any) -> str:
    """A fact's value as a reader expects it: "nearly 200,000", "US$6.69 billion", "2–3"."""
    computed = not missing(row.get("derived_from")) and bool(row.get("derived_from"))
    digits = 3 if computed else 6  # a stated figure keeps every digit the document gives
    low, high = row.get("low"), row.get("high")
    if row["qualifier"] in ("range", "target") and not missing(low):
        text = (
            num(low, digits)
            if missing(high) or low == high
            else (f"{num(low, digits)}–{num(high, digits)}")
        )
        prefix = ""
    else:
        text, prefix = num(row["value"], digits), QUAL_PREFIX.get(row["qualifier"], "")
    return prefix + _unit(row["unit"], text, float(row["value"]))


def year_text(row: Any) -> str:
    """When a fact applies: "1998", "by 1995", "1994–1998", "as of 1998"."""
    basis, year = row["year_basis"], row["year"]
    y = "" if missing(year) else str(int(year))
    ps, pe = row.get("period_start"), row.get("period_end")
    if basis == "cumulative":
        return f"{int(ps)}–{y}" if not missing(ps) else f"by {y}"
    if basis == "period" and not missing(ps):
        end = int(pe) if not missing(pe) else y
        return f"{int(ps)}–{end}"
    if basis == "publication":
        return f"as of {y}" if y else "undated"
    return y


def short_title(title: str, limit: int = 60) -> str:
    """A title a reader can carry: up to its first colon, then at most ``limit`` characters."""
    title = " ".join(str(title or "").split())
    head = title.split(":", 1)[0].strip()
    if len(head) >= 12:
        title = head
    return textwrap.shorten(title, limit, placeholder="…") if title else ""


def source_names(docs: Any) -> dict[str, str]:
    """A reader's name per document: publisher or short title, and year ("Riding the Tides,
    1999"). Two documents that would read alike get "(a)", "(b)"."""
    names: dict[str, str] = {}
    for r in docs.to_dict("records"):
        publisher = str(r.get("publisher") or "").strip()
        base = publisher or short_title(r.get("title")) or "an untitled document"
        year = str(r.get("published") or "")[:4]
        names[r["doc_id"]] = f"{base}, {year}" if year.isdigit() else f"{base}, undated"
    seen: dict[str, list[str]] = {}
    for doc, name in names.items():
        seen.setdefault(name, []).append(doc)
    for name, docs_ in seen.items():
        if len(docs_) > 1:
            for i, doc in enumerate(sorted(docs_)):
                names[doc] = f"{name} ({chr(ord('a') + i % 26)})"
    return names


def short_ids(doc_ids: list[str]) -> dict[str, str]:
    """The annex's reference per document: the part before the first "_" if unique."""
    heads = [d.split("_", 1)[0] for d in doc_ids]
    unique = len(set(heads)) == len(heads)
    return {d: (h if unique else d) for d, h in zip(doc_ids, heads, strict=True)}


def anchor(prefix: str, key: str) -> str:
    """An HTML/Typst-safe anchor: letters, digits and dashes."""
    return prefix + "-" + re.sub(r"[^A-Za-z0-9]+", "-", str(key)).strip("-")


def per_year(multiple: float, years: int) -> float:
    """Compound growth per year of a ``multiple`` reached over ``years``: 20.6 over 20 -> 0.163."""
    if years <= 0 or missing(multiple) or multiple <= 0 or not math.isfinite(multiple):
        return float("nan")
    return float(multiple) ** (1.0 / years) - 1.0
