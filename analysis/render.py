"""Render a brief: execute the notebook (papermill), export HTML (own template), print PDF."""

from __future__ import annotations

import datetime as dt
import html as html_lib
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
    """

    paths: dict[str, Path] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)


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


def notebook_to_html(executed: Path, title: str, subtitle: str, build_date: str) -> str:
    """Export an executed notebook to one self-contained HTML page (outputs only).

    Parameters
    ----------
    executed : Path
        The executed notebook.
    title, subtitle, build_date : str
        Shown on the cover (escaped); the subtitle is the period, e.g. ``1978–2011``.

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
    nb = nbformat.read(str(executed), as_version=4)
    resources = {"brief": {"title": title, "subtitle": subtitle, "build_date": build_date}}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def css_string(text: str) -> str:
    """Quote ``text`` as a CSS string literal (backslashes, quotes, newlines escaped)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = re.sub(r"[\n\r\f]", " ", escaped)
    return f'"{escaped}"'


def _offline_fetcher():
    """A WeasyPrint URL fetcher that serves ``data:`` URLs and refuses everything else."""
    from weasyprint.urls import URLFetcher, URLFetchingError

    class OfflineFetcher(URLFetcher):
        def fetch(self, url, headers=None):  # noqa: D102 - WeasyPrint's API
            if not url.startswith("data:"):
                raise URLFetchingError(f"stbrief renders offline; refused {url[:80]}")
            return super().fetch(url, headers)

    return OfflineFetcher(allowed_protocols={"data"})


def html_to_pdf(html: str, pdf_path: Path, running_title: str) -> None:
    """Print the HTML to an A4 PDF with WeasyPrint, never fetching a remote resource.

    Parameters
    ----------
    html : str
        The page from :func:`notebook_to_html` (its stylesheet is inline).
    pdf_path : Path
        The PDF to write.
    running_title : str
        Shown at the top of every page except the cover.
    """
    from weasyprint import CSS, HTML

    fetcher = _offline_fetcher()
    page_css = (
        f"@page {{ @top-center {{ content: {css_string(running_title)}; "
        'font-family: "DejaVu Sans", sans-serif; font-size: 8.5pt; color: #58626d; } }\n'
        "@page cover { @top-center { content: none; } @bottom-right { content: none; } }\n"
    )
    document = HTML(string=html, base_url=None, url_fetcher=fetcher)
    stylesheet = CSS(string=page_css, url_fetcher=fetcher)
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(str(pdf_path), stylesheets=[stylesheet])


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
        Cover title and period; the title is also the PDF's running title.
    timeout : int, optional
        Seconds any one cell may run.
    name : str, optional
        Stem of the files written.
    progress : callable, optional
        Called with ``"execute notebook"``, ``"html"``, ``"pdf"`` before each step.
    cwd : Path, optional
        Working directory of the kernel (the repository root).

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

    say("html")
    start = time.perf_counter()
    build_date = dt.datetime.now(dt.UTC).date().isoformat()
    page = notebook_to_html(executed, title, subtitle, build_date)
    if "html" in formats:
        html_path = workdir / f"{name}.html"
        html_path.write_text(page, encoding="utf-8")
        result.paths["html"] = html_path
    result.timings["html"] = round(time.perf_counter() - start, 3)

    if "pdf" in formats:
        say("pdf")
        start = time.perf_counter()
        pdf_path = workdir / f"{name}.pdf"
        html_to_pdf(page, pdf_path, running_title=title)
        result.paths["pdf"] = pdf_path
        result.timings["pdf"] = round(time.perf_counter() - start, 3)
    return result
