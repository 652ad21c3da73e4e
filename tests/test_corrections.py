"""Corrections: seeds/corrections.yaml validated, applied at the table level, reported by name."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from analysis import corpus, corrections, facts
from analysis.config import InputError

DOC = """Partners of the Institute

In 2009, the country signed 120 intergovernmental S&T cooperation agreements with others.
The ministry said that 40 joint laboratories were opened in 2009.
"""


def folder_with(tmp_path: Path, yaml_text: str | None) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "doc.txt").write_text(DOC, encoding="utf-8")
    if yaml_text is not None:
        (folder / "corrections.yaml").write_text(yaml_text, encoding="utf-8")
    return folder


def table(folder: Path):
    return facts.facts_table(corpus.load_corpus(folder))


def test_no_file_changes_nothing(tmp_path):
    folder = folder_with(tmp_path, None)
    df = table(folder)
    assert corrections.load_corrections(folder) == []
    assert set(df["quote"]) >= {"40 joint laboratories"}


def test_set_scope_actor_year_and_drop(tmp_path):
    folder = folder_with(
        tmp_path,
        """corrections:
  - {doc_id: doc, quote: "40 joint laboratories", scope: agency, actor: Ministry of X, year: 2008}
  - {doc_id: doc, quote: "120 intergovernmental S&T cooperation agreements", drop: true}
""",
    )
    df = table(folder)
    row = df[df["quote"] == "40 joint laboratories"].iloc[0]
    assert (row["scope"], row["actor"], int(row["year"])) == ("agency", "Ministry of X", 2008)
    assert row["year_basis"] == "explicit"
    assert not df["quote"].str.startswith("120").any()
    facts.validate_facts(df)


def test_stale_correction_warns_naming_doc_and_quote(tmp_path):
    folder = folder_with(
        tmp_path,
        'corrections:\n  - {doc_id: doc, quote: "77 parks that are gone", scope: local}\n'
        '  - {doc_id: nodoc, quote: "1 thing", drop: true}\n',
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table(folder)
    messages = [str(w.message) for w in caught if w.category is corrections.CorrectionWarning]
    assert any("doc" in m and "77 parks that are gone" in m for m in messages)
    assert any("nodoc" in m and "no such document" in m for m in messages)


@pytest.mark.parametrize(
    "text, words",
    [
        ("corrections: [{doc_id: doc, quote: x, scope: galaxy}]", "scope"),
        ("corrections: [{doc_id: doc, quote: x}]", "corrections[0]"),
        ("corrections: [{doc_id: doc, quote: x, indicator: no_such_thing}]", "no_such_thing"),
        ("corrections: [{doc_id: doc, quote: x, drop: true, scope: local}]", "drop"),
        ("corrections: [unclosed", "not valid YAML"),
    ],
)
def test_bad_file_is_an_input_error_naming_it(tmp_path, text, words):
    folder = folder_with(tmp_path, text)
    with pytest.raises(InputError) as exc:
        table(folder)
    assert "corrections.yaml" in str(exc.value) and words in str(exc.value)


def test_review_lists_unclassified_with_pasteable_lines(tmp_path):
    import yaml

    folder = folder_with(tmp_path, None)
    (folder / "doc.txt").write_text(
        DOC + "The Ministry of Agriculture keeps 58 partner countries in cooperation.\n"
        "Last year 17 widgets were counted.\n",
        encoding="utf-8",
    )
    df = table(folder)
    rev = corrections.review(df)
    assert list(rev.columns) == corrections.REVIEW_COLUMNS
    widgets = rev[rev["quote"] == "17"].iloc[0]
    assert widgets["reason"] == "unclassified"
    entry = yaml.safe_load(widgets["correction"])[0]
    assert entry["doc_id"] == "doc" and entry["quote"] == "17"
    # a pasted line (with its blank filled in) is a valid corrections file that applies
    entry["indicator"] = "coop_projects"
    (folder / "corrections.yaml").write_text(yaml.safe_dump({"corrections": [entry]}))
    fixed = table(folder)
    assert fixed.loc[fixed["quote"] == "17", "indicator"].iloc[0] == "coop_projects"
