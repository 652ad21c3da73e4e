"""Show a section: render its HTML template (and its Typst twin) from one plain data dict."""

from __future__ import annotations

import functools
from typing import Any

from analysis.config import TEMPLATE_DIR

SECTIONS_DIR = TEMPLATE_DIR / "sections"
TYPST_MIME = "text/vnd.stbrief.typst"


@functools.cache
def env():
    """The one Jinja environment of the sections: autoescape for HTML templates only (the
    Typst twins escape with the ``typst`` filters); compiled templates are cached and
    reloaded when their file changes, so edits show up in JupyterLab."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(SECTIONS_DIR)),
        autoescape=lambda name: bool(name) and name.endswith(".html.j2"),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["lowerfirst"] = lowerfirst
    try:  # the Typst escaping filters, where the print path is installed
        from analysis import typst
    except ImportError:
        typst = None
    for name in ("typst", "typst_str"):
        if typst is not None and hasattr(typst, name):
            environment.filters[name] = getattr(typst, name)
    return environment


def render(name: str, data: dict, kind: str = "html") -> str | None:
    """``sections/<name>.<kind>.j2`` rendered with ``d`` = ``data``; None if no such template."""
    path = SECTIONS_DIR / f"{name}.{kind}.j2"
    if not path.exists():
        return None
    return env().get_template(path.name).render(d=data)


def lowerfirst(text: str) -> str:
    """A label inside a sentence: "Partner countries" -> "partner countries", but "S&T
    diplomats" and "ITER" keep their capitals."""
    text = str(text)
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


class Section:
    """A rendered section; Jupyter displays it as HTML (and Typst for the PDF)."""

    def __init__(self, name: str, html: str, typst: str | None) -> None:
        self.name, self.html, self.typst = name, html, typst

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict:
        bundle = {"text/html": self.html}
        if self.typst is not None:
            bundle[TYPST_MIME] = self.typst
        return bundle


def show(name: str, data: dict | None) -> Section | None:
    """The section ``name`` for ``data``; None (nothing shown) when there is nothing to say."""
    if not data:
        return None
    html = render(name, data, "html")
    if html is None:
        raise FileNotFoundError(f"no template {SECTIONS_DIR / (name + '.html.j2')}")
    return Section(name, html, render(name, data, "typ"))
