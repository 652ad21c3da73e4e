"""Tests of editions: figure identity, the comparison of two editions, storage, the log, and
(end to end) a build, a failed build, an edited and extended corpus, and an unchanged rerun."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from analysis import changelog, editiondiff, editions
from analysis.editions import Edition


def fig(doc: str, start: int, quote: str, value: float, **kw) -> dict:
    """A figure as an edition stores it (only what the comparison reads, plus display)."""
    row = {
        "fact_id": f"{doc}:{start}",
        "doc_id": doc,
        "start": start,
        "quote": quote,
        "sentence": kw.pop("sentence", f"It had {quote} then."),
        "value": value,
        "unit": "count",
        "qualifier": "exact",
        "low": None,
        "high": None,
        "indicator": "st_diplomats",
        "year": 2011,
        "derived_from": "",
        "scope": "national",
        "actor": "",
        "measure": "level",
        "value_text": f"{value:,.0f}",
        "when": "2011",
    }
    row.update(kw)
    return row


def doc(doc_id: str, sha: str, title: str = "") -> dict:
    return {
        "doc_id": doc_id,
        "file": f"{doc_id}.txt",
        "title": title or doc_id.upper(),
        "published": "2011",
        "sha256": sha,
    }


# --------------------------------------------------------------------------- identity


def test_quote_shape_masks_the_number_and_normalises():
    assert editiondiff.quote_shape("141 technological  diplomats") == "# technological diplomats"
    assert editiondiff.quote_shape("143 Technological diplomats") == "# technological diplomats"
    assert editiondiff.quote_shape("2–3 large projects") == "# large projects"
    assert editiondiff.quote_shape("US$ 6.69 billion") == "us$ #"
    assert editiondiff.quote_shape("nearly two hundred countries") == "nearly # countries"
    assert editiondiff.quote_shape("152 countries") != editiondiff.quote_shape("152 regions")


def test_figure_moving_within_its_sentence_keeps_its_identity():
    before = fig("a", 120, "141 technological diplomats", 141)
    after = fig("a", 377, "141 technological diplomats", 141, sentence="Now: 141 ...")
    assert editiondiff.figure_key(before) == editiondiff.figure_key(after)
    result = editiondiff.compare_figures([before], [after])
    assert result["unchanged"] == 1
    assert not (result["new"] or result["gone"] or result["changed"] or result["redefined"])


def test_identity_reads_missing_definition_columns_as_empty():
    bare = {"doc_id": "a", "indicator": "st_diplomats", "year": 2011, "quote": "9 diplomats"}
    assert editiondiff.figure_key(bare) == ("a", "st_diplomats", "", "", 2011, False, "# diplomats")


# --------------------------------------------------------------------------- comparison


def test_edited_number_is_one_changed_figure_with_both_values():
    old = [fig("a", 10, "141 technological diplomats", 141), fig("a", 80, "46 countries", 46)]
    new = [fig("a", 10, "143 technological diplomats", 143), fig("a", 80, "46 countries", 46)]
    result = editiondiff.compare_figures(old, new)
    assert [(p["old"]["value"], p["new"]["value"]) for p in result["changed"]] == [(141, 143)]
    assert result["unchanged"] == 1
    assert result["new"] == result["gone"] == result["redefined"] == []


def test_same_identity_twice_pairs_equal_values_first():
    old = [fig("a", 10, "46 countries", 46), fig("a", 90, "152 countries", 152)]
    new = [fig("a", 10, "152 countries", 152), fig("a", 95, "48 countries", 48)]
    result = editiondiff.compare_figures(old, new)
    assert result["unchanged"] == 1
    assert [(p["old"]["value"], p["new"]["value"]) for p in result["changed"]] == [(46, 48)]


def test_other_indicator_or_year_with_same_quote_is_redefined_not_new():
    old = [fig("a", 10, "46 countries", 46, indicator="st_offices", year=2010)]
    new = [fig("a", 10, "46 countries", 46, indicator="partner_countries", year=2011)]
    result = editiondiff.compare_figures(old, new)
    assert [p["fields"] for p in result["redefined"]] == [["indicator", "year"]]
    assert result["new"] == result["gone"] == result["changed"] == []


def test_new_and_gone_figures():
    old = [fig("a", 10, "46 countries", 46)]
    new = [fig("b", 10, "12 agreements", 12, indicator="intergov_agreements")]
    result = editiondiff.compare_figures(old, new)
    assert [f["doc_id"] for f in result["new"]] == ["b"]
    assert [f["doc_id"] for f in result["gone"]] == ["a"]


def test_documents_added_removed_edited_by_content_hash():
    old = [doc("a", "1"), doc("b", "2"), doc("c", "3", "Old title")]
    new = [doc("a", "1"), doc("c", "9", "New title"), doc("d", "4", "Fresh")]
    result = editiondiff.compare_documents(old, new)
    assert [d["doc_id"] for d in result["added"]] == ["d"]
    assert result["added"][0]["title"] == "Fresh"
    assert [d["doc_id"] for d in result["removed"]] == ["b"]
    assert [(d["doc_id"], d["title"], d["old_title"]) for d in result["edited"]] == [
        ("c", "New title", "Old title")
    ]


def _conflict(fa: dict, fb: dict) -> dict:
    return {
        "indicator": fa["indicator"],
        "unit": "count",
        "fact_a": fa["fact_id"],
        "fact_b": fb["fact_id"],
    }


def test_conflicts_opened_and_resolved_by_the_identity_of_their_figures():
    a1, b1 = fig("a", 10, "152 countries", 152), fig("b", 50, "158 countries", 158)
    old = Edition(figures=[a1, b1], conflicts=[_conflict(a1, b1)])
    # the same conflict after b's sentence moved: not opened, not resolved
    b_moved = fig("b", 400, "158 countries", 158)
    same = Edition(figures=[a1, b_moved], conflicts=[_conflict(b_moved, a1)])
    assert editiondiff.compare_conflicts(old, same) == {"opened": [], "resolved": []}
    # b now agrees (152): resolved; c disagrees: opened
    b_agrees = fig("b", 50, "152 countries", 152)
    c = fig("c", 5, "160 countries", 160)
    new = Edition(figures=[a1, b_agrees, c], conflicts=[_conflict(a1, c)])
    result = editiondiff.compare_conflicts(old, new)
    assert [(x["a"]["value"], x["b"]["value"]) for x in result["resolved"]] == [(152, 158)]
    assert [(x["a"]["value"], x["b"]["value"]) for x in result["opened"]] == [(152, 160)]


def test_first_edition_and_nothing_changed():
    tables = Edition(documents=[doc("a", "1")], figures=[fig("a", 1, "5 offices", 5)])
    first = editiondiff.compare(None, tables)
    assert first["first"] and first["changed"]
    assert changelog.headline(first).startswith("first edition (1 document, 1 figure")
    same = editiondiff.compare(tables, tables, {"edition": "e1", "date": "2026-11-24"})
    assert not same["first"] and not same["changed"]
    assert changelog.headline(same) == "nothing changed since the edition of 2026-11-24"
    assert changelog.change_lines(same) == []


def test_changed_correction_is_named():
    old = Edition(inputs={"corrections.yaml": "aa", "catalog.yaml": ""})
    new = Edition(inputs={"corrections.yaml": "bb", "catalog.yaml": ""})
    changes = editiondiff.compare(old, new, {"date": "2026-11-24"})
    assert changes["changed"] and changes["inputs"] == ["corrections.yaml"]
    assert "edited: corrections.yaml" in changelog.headline(changes)


def test_phases_and_findings_whose_figures_changed():
    old, new = _edited_pair()
    old.uses = [
        {"section": "findings", "item": "growth", "fact_id": "a:10"},  # 141, then 143
        {"section": "phases", "item": "Opening (1978–1990)", "fact_id": "a:10"},
        {"section": "phases", "item": "Reform (1991–2000)", "fact_id": "b:3"},  # gone
    ]
    new.uses = [
        {"section": "findings", "item": "growth", "fact_id": "a:30"},
        {"section": "phases", "item": "Opening (1978–1990)", "fact_id": "a:30"},
        {"section": "findings", "item": "reach", "fact_id": "n:8"},  # new
    ]
    result = editiondiff.compare_uses(old, new)
    assert [(x["section"], x["item"], x["changed"]) for x in result] == [
        ("findings", "growth", 1),
        ("findings", "reach", 1),
        ("phases", "Opening (1978–1990)", 1),
        ("phases", "Reform (1991–2000)", 1),
    ]
    # a figure that only moved in its sentence changes no phase
    moved = Edition(
        figures=[dict(f, fact_id="x:" + f["fact_id"]) for f in old.figures],
        uses=[dict(u, fact_id="x:" + u["fact_id"]) for u in old.uses],
    )
    assert editiondiff.compare_uses(old, moved) == []
    assert editions.fact_ids(
        {"a": [{"fact_id": "d:1", "cite": {"fact": "d:1"}}, {"fact_id": "d:2"}]}
    ) == ["d:1", "d:2"]


# --------------------------------------------------------------------------- storage, log


def _edited_pair() -> tuple[Edition, Edition]:
    old = Edition(
        documents=[doc("a", "1", "Diplomats abroad"), doc("b", "2", "Gone paper")],
        figures=[
            fig("a", 10, "141 technological diplomats", 141),
            fig("b", 3, "7 offices", 7, indicator="st_offices"),
        ],
        built="2026-11-24T02:15:00Z",
        labels={"st_diplomats": "S&T diplomats", "st_offices": "S&T offices"},
    )
    new = Edition(
        documents=[doc("a", "9", "Diplomats abroad"), doc("n", "3", "A never-seen report")],
        figures=[
            fig("a", 30, "143 technological diplomats", 143),
            fig("n", 8, "12 agreements", 12, indicator="intergov_agreements"),
        ],
        built="2026-11-25T02:15:00Z",
        labels={"st_diplomats": "S&T diplomats", "intergov_agreements": "Agreements"},
    )
    return old, new


def test_edition_round_trips_through_its_files(tmp_path: Path):
    old, _new = _edited_pair()
    changes = editiondiff.compare(None, old)
    editions.write_edition(tmp_path / "e1" / editions.EDITION_DIR, old, changes)
    back = editions.read_edition(tmp_path / "e1")
    assert back is not None
    assert back.documents == old.documents
    assert [editiondiff.figure_key(f) for f in back.figures] == [
        editiondiff.figure_key(f) for f in old.figures
    ]
    assert [f["value"] for f in back.figures] == [141.0, 7.0]
    assert back.built == old.built and back.labels == old.labels
    assert editions.read_edition(tmp_path / "missing") is None


def test_tables_neutralise_spreadsheet_formulas_and_read_back_exactly(tmp_path: Path):
    rows = [{"title": t, "value": -3.5} for t in ("=SUM(A1)", "'quoted", "+1", "plain")]
    editions.write_csv(tmp_path / "t.csv", rows, ["title", "value"])
    text = (tmp_path / "t.csv").read_text(encoding="utf-8")
    assert "'=SUM(A1)" in text and "''quoted" in text and ",-3.5" in text
    assert editions.read_csv(tmp_path / "t.csv") == rows
    assert editions.read_edition("") is None


def test_log_and_manifest_name_the_added_document_and_the_changed_figure():
    old, new = _edited_pair()
    changes = json.loads(json.dumps(editiondiff.compare(old, new, {"date": "2026-11-24"})))
    lines = changelog.summary_lines(changes, "brief")
    assert lines[0] == (
        "brief brief: since the edition of 2026-11-24: documents: 1 added, 1 removed, 1 edited; "
        "figures: 1 new, 1 gone, 1 changed"
    )
    assert '  + document added n: "A never-seen report"' in lines
    assert "  ~ figure changed S&T diplomats (2011): 141 -> 143 [a]" in lines
    record = changelog.manifest_record(changes)
    assert record["documents"] == {"added": ["n"], "removed": ["b"], "edited": ["a"]}
    assert [(f["old"], f["new"]) for f in record["figures"]["changed"]] == [(141, 143)]


def test_log_caps_each_kind_but_stbrief_changes_lists_all():
    old = Edition()
    new = Edition(figures=[fig("a", i, f"{i} offices", i) for i in range(1, 13)])
    changes = editiondiff.compare(old, new, {"date": "2026-11-24"})
    lines = changelog.summary_lines(changes, "x")
    assert sum(line.startswith("  + figure new") for line in lines) == changelog.LOG_ITEMS
    assert lines[-1] == "    ... and 4 more (figure new)"
    assert changelog.format_changes(changes, "x").count("+ figure new") == 12


def test_section_data_names_documents_as_the_brief_does_and_cites_only_this_edition():
    old, new = _edited_pair()
    changes = editiondiff.compare(old, new, {"date": "2026-11-24"})
    data = changelog.section_from(
        changes,
        cite=lambda fact_id: {"n": 1, "anchor": "b-1", "fact": fact_id},
        source=lambda doc_id: {"name": f"Source {doc_id}", "anchor": f"doc-{doc_id}"},
    )
    assert data["date"] == "24 November 2026"
    (pair,) = data["changed_figures"]
    assert (pair["old"]["text"], pair["new"]["text"]) == ("141", "143")
    assert pair["old"]["cite"] is None and pair["new"]["cite"]["fact"] == "a:30"
    assert pair["old"]["source"]["name"] == "Source a"
    assert [d["source"]["name"] for d in data["documents"]["added"]] == ["Source n"]
    # a removed document is no longer in the brief: named by its old title, no link
    assert data["documents"]["removed"][0]["source"] == {"name": "Gone paper", "anchor": None}
    assert data["gone_figures"][0]["source"]["name"] == "Gone paper"
    assert changelog.section_from(None) is None
    assert changelog.section_from(editiondiff.compare(None, new))["first"] is True


def test_section_templates_say_it_and_escape_document_text():
    from analysis.report import display

    old, new = _edited_pair()
    new.figures[0]["sentence"] = "Now <b>143</b> #diplomats [sic] $5"
    changes = editiondiff.compare(old, new, {"date": "2026-11-24"})
    data = changelog.section_from(
        changes,
        cite=lambda fact_id: {"n": 7, "anchor": "b-7", "fact": fact_id, "value": 143.0},
        source=lambda doc_id: {"name": f"Report <{doc_id}>", "anchor": f"doc-{doc_id}"},
    )
    html = display.render("changes", data, "html")
    assert "What changed since the edition of 24 November 2026" in html
    assert "141 → 143" in html and 'href="#b-7"' in html
    assert "Now &lt;b&gt;143&lt;/b&gt;" in html and "<b>143" not in html
    assert "Report &lt;n&gt;" in html  # the added document, by the name the brief gives it
    typ = display.render("changes", data, "typ")
    assert "== What changed since the edition of 24 November 2026" in typ
    assert "141 → 143" in typ
    assert "\\#diplomats \\[sic\\] \\$5" in typ
    first = display.render(
        "changes", changelog.section_from(editiondiff.compare(None, new)), "html"
    )
    assert "This is the first edition of this brief" in first


def test_base_edition_and_stbrief_changes(tmp_path: Path):
    from analysis import cli

    assert editions.base_edition(tmp_path, "brief") is None
    old, new = _edited_pair()
    folder = tmp_path / "editions" / "brief" / "20261125T021500Z"
    editions.write_edition(
        folder / editions.EDITION_DIR, new, editiondiff.compare(old, new, {"date": "2026-11-24"})
    )
    (tmp_path / "editions" / "brief" / "current").symlink_to(folder.name)
    assert editions.base_edition(tmp_path, "brief") == folder.resolve()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["changes", "--out", str(tmp_path)]) == 0
    text = out.getvalue()
    assert text.startswith("brief brief: since the edition of 2026-11-24")
    assert "~ figure changed S&T diplomats (2011): 141 -> 143 [a]" in text
    with contextlib.redirect_stderr(io.StringIO()):
        assert cli.main(["changes", "--out", str(tmp_path), "--brief", "nope"]) == 2


@pytest.mark.parametrize("iso, words", [("2026-11-04", "4 November 2026"), ("", "")])
def test_date_words(iso: str, words: str):
    assert changelog._date_words(iso) == words


# --------------------------------------------------------------------------- end to end

DIPLOMATS = """Science and Technology Diplomacy at Thirty

Beijing, 14 May 2011. By the end of 2010, China had sent 141 technological diplomats to its embassies and consulates abroad.
China has established S&T cooperative relations with 152 countries and regions, the ministry said.
In 2010, China signed 104 intergovernmental S&T cooperation agreements with other countries.
"""
TRADE = """Technology Trade in the Reform Years

Beijing, 3 March 1999. In 1998, China signed 6,254 technical import contracts worth US$ 16.4 billion, many of them with Japan and Germany for agriculture and energy research.
"""
TALENT = """Students Abroad and Their Return

Shanghai, 9 July 2001. Since 1978, more than 320,000 students have gone abroad to study, and about 110,000 of them have returned to China.
"""
LABS = """Partners in Innovation: A Decade of Joint Laboratories

Madrid, 21 October 2010. Since 2001, Chinese and European partners have opened 48 joint research centers, and the ministry sent 115 S&T diplomats abroad.
"""


class Project:
    """A project of its own in tmp_path: seeds, briefs.toml, a copy of the brief notebook."""

    def __init__(self, root: Path) -> None:
        from analysis.config import ROOT

        self.root, self.seeds, self.out = root, root / "seeds", root / "reports"
        self.seeds.mkdir(parents=True)
        self.notebook = root / "brief.ipynb"
        self.good = (ROOT / "notebooks" / "brief.ipynb").read_text(encoding="utf-8")
        self.notebook.write_text(self.good, encoding="utf-8")
        (root / "briefs.toml").write_text(
            '[t]\ntitle = "Test brief"\nstart_year = 1978\nend_year = 2011\n'
            'notebook = "brief.ipynb"\nformats = ["html"]\n',
            encoding="utf-8",
        )

    def build(self) -> tuple[int, str]:
        """``stbrief build`` in this process; the exit code and what it printed on stdout."""
        from analysis import cli

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(
                [
                    "build",
                    "--seeds",
                    str(self.seeds),
                    "--out",
                    str(self.out),
                    "--quiet",
                    "--briefs-file",
                    str(self.root / "briefs.toml"),
                ]
            )
        return code, out.getvalue() + err.getvalue()

    def editions(self) -> list[str]:
        folder = self.out / "editions" / "t"
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if p.name != "current" and p.is_dir())

    def break_notebook(self) -> None:
        nb = json.loads(self.good)
        at = next(
            i for i, c in enumerate(nb["cells"]) if "parameters" in c["metadata"].get("tags", [])
        )
        nb["cells"].insert(
            at + 1,
            {
                "cell_type": "code",
                "execution_count": None,
                "id": "broken",
                "metadata": {},
                "outputs": [],
                "source": ["raise RuntimeError('broken on purpose')"],
            },
        )
        self.notebook.write_text(json.dumps(nb), encoding="utf-8")

    def manifest_changes(self) -> dict:
        manifest = json.loads((self.out / "manifest.json").read_text(encoding="utf-8"))
        return manifest["briefs"]["t"]["changes"]

    @property
    def html(self) -> Path:
        return self.out / "t.html"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory):
    """Build, rerun unchanged, fail, then build an edited corpus: the states each step left."""
    from analysis import inputs

    frozen = tmp_path_factory.mktemp("frozen") / "analysis"
    frozen.mkdir()
    (frozen / "module.py").write_text("VERSION = 1\n", encoding="utf-8")
    p = Project(tmp_path_factory.mktemp("project"))
    (p.seeds / "diplomats.txt").write_text(DIPLOMATS, encoding="utf-8")
    (p.seeds / "trade.txt").write_text(TRADE, encoding="utf-8")
    (p.seeds / "talent.txt").write_text(TALENT, encoding="utf-8")
    steps: dict[str, object] = {}
    with pytest.MonkeyPatch.context() as patch:
        # hash a frozen copy of the package: edits elsewhere in analysis/ do not rebuild
        patch.setattr(inputs, "HASH_PACKAGE_DIR", frozen)
        patch.setenv("STBRIEF_CACHE", str(p.root / "cache"))
        steps["first"] = p.build()
        assert steps["first"][0] == 0, steps["first"][1]  # nothing below makes sense without it
        steps["first_editions"] = p.editions()
        steps["first_manifest"] = p.manifest_changes()
        steps["first_html"] = p.html.read_bytes()
        steps["first_mtime"] = p.html.stat().st_mtime_ns

        steps["rerun"] = p.build()
        steps["rerun_editions"] = p.editions()
        steps["rerun_html"] = p.html.read_bytes()
        steps["rerun_mtime"] = p.html.stat().st_mtime_ns

        # the corpus changes: a figure edited, another moved within its sentence, a document
        # removed, a never-seen one added
        (p.seeds / "diplomats.txt").write_text(
            DIPLOMATS.replace("141", "143").replace(
                "China has established S&T cooperative relations with 152 countries and regions, "
                "the ministry said.",
                "The ministry said that China has established S&T cooperative relations with "
                "152 countries and regions.",
            ),
            encoding="utf-8",
        )
        (p.seeds / "talent.txt").unlink()
        (p.seeds / "labs.txt").write_text(LABS, encoding="utf-8")
        p.break_notebook()
        steps["failed"] = p.build()
        steps["failed_editions"] = p.editions()
        steps["failed_changes"] = editions.read_changes(editions.base_edition(p.out, "t"))

        p.notebook.write_text(p.good, encoding="utf-8")
        steps["second"] = p.build()
        steps["second_editions"] = p.editions()
        steps["second_manifest"] = p.manifest_changes()
        out = io.StringIO()
        from analysis import cli

        with contextlib.redirect_stdout(out):
            steps["changes_code"] = cli.main(["changes", "--out", str(p.out), "--brief", "t"])
        steps["changes_text"] = out.getvalue()
    steps["project"] = p
    return steps


def test_first_edition_is_recorded_and_says_so(project):
    code, printed = project["first"]
    assert code == 0, printed
    assert "brief t: first edition (3 documents" in printed
    assert len(project["first_editions"]) == 1
    assert project["first_manifest"]["first"] is True
    assert "This is the first edition of this brief" in project["first_html"].decode()


def test_unchanged_rerun_records_no_edition_and_touches_no_file(project):
    code, printed = project["rerun"]
    assert code == 0 and "first edition" not in printed and "since the edition" not in printed
    assert project["rerun_editions"] == project["first_editions"]
    assert project["rerun_html"] == project["first_html"]
    assert project["rerun_mtime"] == project["first_mtime"]


def test_failed_build_records_no_edition_and_keeps_the_base(project):
    code, printed = project["failed"]
    assert code == 1 and "broken on purpose" in printed
    assert project["failed_editions"] == project["first_editions"]
    assert project["failed_changes"]["first"] is True


def test_next_edition_names_the_changes_in_log_manifest_section_and_command(project):
    code, printed = project["second"]
    assert code == 0, printed
    assert len(project["second_editions"]) == 2
    # the log (what a cron mail says)
    assert (
        '+ document added labs: "Partners in Innovation: A Decade of Joint Laboratories"' in printed
    )
    assert '- document removed talent: "Students Abroad and Their Return"' in printed
    assert "~ document edited diplomats" in printed
    assert "141 -> 143 [diplomats]" in printed
    assert "152" not in printed  # moved within its sentence: the same figure, unchanged
    # the manifest
    record = project["second_manifest"]
    assert record["documents"] == {
        "added": ["labs"],
        "removed": ["talent"],
        "edited": ["diplomats"],
    }
    assert [(f["old"], f["new"]) for f in record["figures"]["changed"]] == [(141, 143)]
    # the brief's section
    html = project["project"].html.read_text(encoding="utf-8")
    section = html[html.index('id="changes"') :]
    section = section[: section.index("</section>")]
    assert "What changed since the edition of " in section
    assert "Partners in Innovation" in section
    assert "141 → 143" in section
    assert "Students Abroad and Their Return" in section
    # stbrief changes
    assert project["changes_code"] == 0
    assert "141 -> 143" in project["changes_text"]
    assert "document added labs" in project["changes_text"]


def test_the_base_edition_is_named_by_the_date_its_cover_carried(tmp_path):
    """A rebuild on 2 December of seeds last changed on 1 December prints "Edition of 1
    December"; the next brief's "what changed since the edition of ..." names that day, not
    the day it was built."""
    import json
    from types import SimpleNamespace

    from analysis.editions import base_of

    old = SimpleNamespace(built="2026-12-02T04:14:26Z")
    folder = tmp_path / "20261202T041438Z-4af8"
    folder.mkdir()
    meta = {"finished": "2026-12-02T04:14:38Z", "edition_date": "2026-12-01"}
    (folder / "edition.json").write_text(json.dumps(meta), encoding="utf-8")
    assert base_of(folder, old) == {
        "edition": folder.name, "built": "2026-12-02T04:14:38Z", "date": "2026-12-01"
    }  # fmt: skip
    # an edition published before the date was recorded is named by the day it was built
    (folder / "edition.json").write_text(json.dumps({"finished": "2026-12-02T04:14:38Z"}))
    assert base_of(folder, old)["date"] == "2026-12-02"
