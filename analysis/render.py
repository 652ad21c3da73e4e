"""Render a brief: execute the notebook (papermill), export HTML (own template), typeset PDF."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.config import ROOT, TEMPLATE_DIR

TEMPLATE_NAME = "brief"
FORMATS = ("html", "pdf")

_H2_RE = re.compile(r"<h2(?P<attrs>(?:\s[^>]*)?)>(?P<inner>.*?)</h2\s*>", re.IGNORECASE | re.DOTALL)
_ID_ATTR_RE = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]*>")


class RenderError(RuntimeError):
    """A notebook failed to execute or a brief failed to render.

    Attributes
    ----------
    notebook : Path or None
        The executed notebook (written even on failure), if there is one.
    reason : str
        One line saying what went wrong (the cell's error for a failed notebook).
    """

    def __init__(self, message: str, notebook: Path | None = None, reason: str = "") -> None:
        super().__init__(message)
        self.notebook = notebook
        self.reason = reason or message


@dataclass
class RenderResult:
    """What :func:`render_brief` wrote and how long each step took.

    Attributes
    ----------
    paths : dict of str to Path
        ``executed`` (the executed notebook), and ``html`` / ``pdf`` for the formats built.
    timings : dict of str to float
        Seconds per step: ``execute``, ``html``, ``pdf`` (only the steps that ran).
    edition : str
        The ISO date the cover carries (:func:`edition_date`), when a format was built.
    """

    paths: dict[str, Path] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    edition: str = ""


def _one_line(text: str, limit: int = 300) -> str:
    """Collapse whitespace and ANSI colour codes so a message fits on one line."""
    text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", str(text))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def execute_notebook(
    notebook: Path, output: Path, parameters: dict, cwd: Path, timeout: int = 600
) -> None:
    """Execute a notebook with papermill in the current interpreter's kernel.

    Parameters
    ----------
    notebook : Path
        The notebook to run (it should have a cell tagged ``parameters``).
    output : Path
        Where the executed notebook is written (papermill writes it even on failure).
    parameters : dict
        Injected after the ``parameters`` cell.
    cwd : Path
        Working directory of the kernel.
    timeout : int, optional
        Seconds any one cell may run.

    Raises
    ------
    RenderError
        If a cell raises, times out or the kernel dies; the message names ``output``
        and the cell's error.
    """
    import papermill
    from traitlets.config import Config

    # Curve-encrypted kernel sockets where the kernel supports them (else plain TCP on
    # localhost); this also keeps ipykernel's "running over TCP" warning off cron output.
    config = Config({"KernelManager": {"transport_encryption": "auto"}})
    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=parameters,
            kernel_name="python3",
            language="python",
            execution_timeout=timeout,
            log_output=False,
            progress_bar=False,
            cwd=str(cwd),
            config=config,
            # papermill otherwise writes (and validates) the whole notebook, images included,
            # at the start and end of every cell: 0.3 s of a brief. It still writes it at the
            # end, and on a cell error with the error marked.
            request_save_on_cell_execute=False,
            # jupyter_client interrupts a kernel before it asks it to shut down; an idle
            # ipykernel then logs "ERROR | KeyboardInterrupt caught in kernel" to the build's
            # stderr. Its own log is kept to what is critical; a cell's error still comes back
            # as a message and fails the build.
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except Exception as exc:  # noqa: BLE001 - every failure becomes one RenderError
        if not output.exists():
            # a timeout or a dead kernel: keep the parameterized notebook for debugging
            _write_prepared(papermill, notebook, output, parameters)
        ename = getattr(exc, "ename", None)
        if ename is not None:
            count = getattr(exc, "exec_count", None)
            where = f"cell [{count}]" if count is not None else "a cell"
            reason = f"{where} raised {ename}: {_one_line(getattr(exc, 'evalue', ''))}"
        else:
            reason = f"{type(exc).__name__}: {_one_line(str(exc))}"
        raise RenderError(
            f"notebook {output} failed: {reason}", notebook=output, reason=reason
        ) from exc


def _write_prepared(papermill, notebook: Path, output: Path, parameters: dict) -> None:
    try:
        papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=parameters,
            prepare_only=True,
            kernel_name="python3",
            language="python",
            progress_bar=False,
        )
    except Exception:  # noqa: BLE001 - the original failure is the one to report
        pass


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60].strip("-") or "section"


def outline(content: str) -> dict[str, Any]:
    """Give every ``<h2>`` of ``content`` an id and list them for a table of contents.

    Parameters
    ----------
    content : str
        HTML of the brief's body.

    Returns
    -------
    dict
        ``body``: the HTML with an ``id`` on every ``h2``; ``toc``: a list of dicts with
        ``id`` and ``label`` (plain text, unescaped: the template escapes it).
    """
    taken = {next(g for g in m.groups() if g is not None) for m in _ID_ATTR_RE.finditer(content)}
    toc: list[dict[str, str]] = []

    def replace(match: re.Match[str]) -> str:
        attrs, inner = match.group("attrs") or "", match.group("inner")
        label = " ".join(html_lib.unescape(_TAG_RE.sub("", inner)).split())
        found = _ID_ATTR_RE.search(attrs)
        if found:
            anchor = next(g for g in found.groups() if g is not None)
        else:
            base = _slug(label)
            anchor, n = base, 2
            while anchor in taken:
                anchor, n = f"{base}-{n}", n + 1
            taken.add(anchor)
            attrs = f' id="{anchor}"{attrs}'
        toc.append({"id": anchor, "label": label})
        return f"<h2{attrs}>{inner}</h2>"

    body = _H2_RE.sub(replace, content)
    return {"body": body, "toc": toc}


NOTES_TAG = "notes"
_SHOWN = ("display_data", "execute_result")  # streams and errors are never shown


def shown_cells(nb: Any) -> Any:
    """The cells a brief shows, in HTML and PDF alike (``nb`` is changed and returned).

    A markdown cell tagged ``notes`` is for the analyst and never shown. Any other markdown
    cell (a section's heading and introduction) is shown only when the next code cell has
    an output (a display or a result), so that a section left out for want of data loses
    its heading too; one after the last code cell is shown.
    """
    keep, gate = [], None  # gate: does the next code cell (after these markdown cells) show?
    for cell in reversed(nb.cells):
        if cell.cell_type == "code":
            gate = any(o.get("output_type") in _SHOWN for o in cell.get("outputs", []))
            keep.append(cell)
        elif cell.cell_type == "markdown":
            if NOTES_TAG not in cell.get("metadata", {}).get("tags", []) and gate is not False:
                keep.append(cell)
        else:
            keep.append(cell)
    nb.cells = keep[::-1]
    return nb


def notebook_to_html(executed: Path, title: str, subtitle: str, build_date: str) -> str:
    """Export an executed notebook to one self-contained HTML page (outputs only).

    Parameters
    ----------
    executed : Path
        The executed notebook.
    title, subtitle, build_date : str
        Shown on the cover (escaped); the subtitle is the period, e.g. ``1978–2011``;
        ``build_date`` is the edition's ISO date, shown as the PDF shows it
        ("Edition of 1 December 2026").

    Returns
    -------
    str
        The page: cover, contents from the body's ``h2`` headings, then the outputs.
    """
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        extra_template_basedirs=[str(TEMPLATE_DIR)],
        template_name=TEMPLATE_NAME,
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.register_filter("brief_outline", outline)
    nb = shown_cells(nbformat.read(str(executed), as_version=4))
    day = dt.date.fromisoformat(build_date) if build_date else None
    shown = f"{day.day} {day:%B %Y}" if day else ""  # the PDF's "[day padding:none] [month] [year]"
    brief = {"title": title, "subtitle": subtitle, "build_date": build_date, "edition": shown}
    resources = {"brief": brief}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def edition_date(parameters: dict, cwd: Path = ROOT) -> dt.date:
    """The date a brief's edition carries, from its inputs, never from the clock.

    ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) when set; otherwise the day
    the newest file of the seeds folder was last changed, so that the same inputs print
    the same cover and the same PDF bytes.

    Parameters
    ----------
    parameters : dict
        The notebook's parameters; ``seeds_dir`` (relative to ``cwd``) names the corpus.
    cwd : Path, optional
        The folder ``seeds_dir`` is relative to.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    seeds = Path(cwd) / str(parameters.get("seeds_dir", "seeds"))
    times = [p.stat().st_mtime for p in seeds.glob("*") if p.is_file()] if seeds.is_dir() else []
    if not times:
        return dt.date(1970, 1, 1)
    return dt.datetime.fromtimestamp(max(times), dt.UTC).date()


def notebook_to_pdf(
    executed: Path,
    pdf_path: Path,
    title: str,
    subtitle: str,
    edition: dt.date,
    root: Path | None = None,
) -> None:
    """Typeset an executed notebook as an A4 PDF with Typst (offline, embedded fonts only).

    The notebook's outputs are exported by :func:`analysis.typst.notebook_to_typst` (each
    section's Typst form, images, markdown cells), then compiled in this process.

    Parameters
    ----------
    executed : Path
        The executed notebook.
    pdf_path : Path
        The PDF to write.
    title, subtitle : str
        Cover, running title and PDF title (the subtitle is the period, shown when the
        title does not already name it). Passed as Typst inputs: never read as markup.
    edition : datetime.date
        The edition's date: on the cover, and the PDF's creation date.
    root : Path, optional
        The folder the sections' figure paths are relative to (the notebook's
        ``output_dir``); a temporary folder when not given.

    Raises
    ------
    RenderError
        If Typst fails; the source is kept beside the PDF (``<name>.typ``) and named.
    """
    import tempfile

    import nbformat
    import typst

    from analysis import typst as brief_typst

    nb = shown_cells(nbformat.read(str(executed), as_version=4))
    with tempfile.TemporaryDirectory(prefix=".typst-", dir=root) as scratch:
        base = Path(root) if root is not None else Path(scratch)
        # images of the notebook's own outputs go to a folder of this run, under the root
        image_dir = (Path(scratch) / "images").relative_to(base).as_posix()
        source, images = brief_typst.notebook_to_typst(nb, image_dir=image_dir)
        for name, data in images.items():
            target = base / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data if isinstance(data, bytes) else str(data).encode())
        moment = dt.datetime.combine(edition, dt.time(), tzinfo=dt.UTC)
        pdf_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            typst.compile(
                source.encode("utf-8"),
                output=str(pdf_path),
                format="pdf",
                root=str(base),
                font_paths=[],
                ignore_system_fonts=True,
                sys_inputs={"title": title, "period": subtitle, "date": edition.isoformat()},
                timestamp=moment,
            )
        except Exception as exc:  # noqa: BLE001 - Typst's error becomes one RenderError
            kept = pdf_path.with_suffix(".typ")
            kept.write_text(source, encoding="utf-8")
            reason = f"Typst: {_one_line(getattr(exc, 'diagnostic', '') or exc)}"
            raise RenderError(f"PDF of {executed} failed (source {kept}): {reason}") from exc


def render_brief(
    notebook: Path,
    workdir: Path,
    parameters: dict,
    formats: Iterable[str],
    title: str,
    subtitle: str,
    timeout: int = 600,
    name: str = "brief",
    progress: Callable[[str], None] | None = None,
    cwd: Path = ROOT,
    edition: dt.date | None = None,
) -> RenderResult:
    """Execute a notebook and write its HTML and/or PDF into ``workdir``.

    Parameters
    ----------
    notebook : Path
        The parameterized notebook.
    workdir : Path
        Gets ``executed.ipynb``, ``<name>.html`` and ``<name>.pdf``.
    parameters : dict
        Passed to papermill.
    formats : iterable of str
        Any of ``html`` and ``pdf``.
    title, subtitle : str
        Cover title and period; the title is also the PDF's running title and title.
    timeout : int, optional
        Seconds any one cell may run.
    name : str, optional
        Stem of the files written.
    progress : callable, optional
        Called with ``"execute notebook"``, ``"html"``, ``"pdf"`` before each step.
    cwd : Path, optional
        Working directory of the kernel (the repository root).
    edition : datetime.date, optional
        The edition's date (cover, PDF creation date); by default
        :func:`edition_date` of the inputs, so a rebuild of the same inputs is identical.

    Returns
    -------
    RenderResult
        The paths written and the seconds each step took.

    Raises
    ------
    RenderError
        If the notebook fails (see :func:`execute_notebook`).
    """
    formats = set(formats)
    unknown = formats - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown formats {sorted(unknown)}; choose from {', '.join(FORMATS)}")
    say = progress or (lambda _step: None)
    result = RenderResult()
    workdir.mkdir(parents=True, exist_ok=True)
    executed = workdir / "executed.ipynb"
    result.paths["executed"] = executed

    say("execute notebook")
    start = time.perf_counter()
    execute_notebook(notebook, executed, parameters, cwd=cwd, timeout=timeout)
    result.timings["execute"] = round(time.perf_counter() - start, 3)
    if not formats:
        return result

    edition = edition_date(parameters, cwd) if edition is None else edition
    result.edition = edition.isoformat()
    if "html" in formats:
        say("html")
        start = time.perf_counter()
        page = notebook_to_html(executed, title, subtitle, edition.isoformat())
        html_path = workdir / f"{name}.html"
        html_path.write_text(page, encoding="utf-8")
        result.paths["html"] = html_path
        result.timings["html"] = round(time.perf_counter() - start, 3)

    if "pdf" in formats:
        say("pdf")
        start = time.perf_counter()
        pdf_path = workdir / f"{name}.pdf"
        output_dir = parameters.get("output_dir")
        root = Path(cwd) / output_dir if output_dir else None
        notebook_to_pdf(executed, pdf_path, title, subtitle, edition, root=root)
        result.paths["pdf"] = pdf_path
        result.timings["pdf"] = round(time.perf_counter() - start, 3)
    return result
