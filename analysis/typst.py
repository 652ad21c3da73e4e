"""Typst for the PDF brief: escaping filters, markdown cells to Typst, the nbconvert exporter."""

from __future__ import annotations

import functools
import re
import string
from typing import Any

from analysis.config import TEMPLATE_DIR

#: The MIME type of a section's Typst form in a display bundle, beside ``text/html``.
MIME = "text/vnd.stbrief.typst"
#: The nbconvert template folder (``templates/typst``) of the PDF.
TEMPLATE_NAME = "typst"

# Every ASCII punctuation character is escaped in markup, not only today's syntax: `#`
# starts code, `$` math, `*`/`_` emphasis, `` ` `` raw, `@` a reference, `<>` a label, `[]`
# content, `\` an escape, `//` a comment, `=`/`-`/`+`/`/` at a line's start a heading or
# list, `-- ... ~ "` shorthands and smart quotes, and `(`, `[`, `.`, `;` right after an
# embedded expression would continue it. A backslash before any of them is the literal
# character, so one rule covers all of them and whatever a later Typst adds.
_MARKUP_SPECIAL = re.compile("[" + re.escape(string.punctuation) + "]")
# Control characters (other than tab and newline) are not text; a line break inside a value
# would start a new paragraph or a line-start construct, so whitespace runs become a space.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s*[\n\r\u2028\u2029]\s*")
_STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_STRING_SPECIAL = re.compile(r'[\\"\n\r\t]')


def _text(value: Any) -> str:
    """``value`` as text: None is empty; lone surrogates (undecodable bytes) become U+FFFD."""
    if value is None:
        return ""
    text = str(value)
    return text.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(text) else text


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def escape(value: Any) -> str:
    """Escape ``value`` for Typst markup: it prints literally and runs nothing.

    Parameters
    ----------
    value : Any
        Usually a string from a document; ``None`` gives ``""``.

    Returns
    -------
    str
        The text with every ASCII punctuation character backslash-escaped, control
        characters dropped and line breaks (with the spaces around them) made one space.

    Examples
    --------
    >>> escape("#let x = $1 // [a]")
    '\\\\#let x \\\\= \\\\$1 \\\\/\\\\/ \\\\[a\\\\]'
    """
    text = _SPACES.sub(" ", _CONTROL.sub("", _text(value)))
    return _MARKUP_SPECIAL.sub(lambda m: "\\" + m.group(), text)


def string(value: Any) -> str:
    """Quote ``value`` as a Typst string literal (for code: ``#link({{ url | typst_str }})``).

    Examples
    --------
    >>> string('say "hi" \\\\ bye')
    '"say \\\\"hi\\\\" \\\\\\\\ bye"'
    """
    text = _CONTROL.sub("", _text(value))
    return '"' + _STRING_SPECIAL.sub(lambda m: _STRING_ESCAPES[m.group()], text) + '"'


#: The names the section templates use (``{{ x | typst }}``, ``{{ x | typst_str }}``).
typst = escape
typst_str = string


# ------------------------------------------------------------------ markdown cells
def markdown(source: str, heading_offset: int = 0) -> str:
    """Convert a markdown cell to Typst markup.

    The notebook's markdown is simple (headings, paragraphs, emphasis, lists, links, code),
    so mistune (already installed as nbconvert's markdown parser, and well kept) parses it
    and a small renderer of ours writes Typst: nbconvert's own route to other formats goes
    through pandoc, which is not installed and would be a second program in every build.
    All text is escaped with :func:`escape`; raw HTML is shown as text, never interpreted.

    Parameters
    ----------
    source : str
        The cell's markdown.
    heading_offset : int, optional
        Added to each heading's level (minimum 1). Typst levels are HTML's: a markdown
        ``##`` (``<h2>``, a section of the brief) is ``==``.

    Returns
    -------
    str
        Typst markup, ending in a blank line.
    """
    return _markdown_parser(heading_offset)(source or "").strip() + "\n\n"


@functools.cache
def _markdown_parser(heading_offset: int):
    import mistune

    return mistune.create_markdown(
        renderer=_renderer_class()(heading_offset), plugins=["strikethrough"]
    )


@functools.cache
def _renderer_class():
    from mistune.core import BaseRenderer

    class TypstRenderer(BaseRenderer):
        """mistune 3 tokens to Typst markup (block tokens end in a blank line)."""

        NAME = "typst"

        def __init__(self, heading_offset: int) -> None:
            super().__init__()
            self.heading_offset = heading_offset

        def children(self, token: dict, state) -> str:
            return self.render_tokens(token.get("children", []), state)

        # inline
        def text(self, token: dict, state) -> str:
            return escape(token["raw"])

        def emphasis(self, token: dict, state) -> str:
            return f"#emph[{self.children(token, state)}]"

        def strong(self, token: dict, state) -> str:
            return f"#strong[{self.children(token, state)}]"

        def strikethrough(self, token: dict, state) -> str:
            return f"#strike[{self.children(token, state)}]"

        def codespan(self, token: dict, state) -> str:
            return f"#raw({string(token['raw'])})"

        def link(self, token: dict, state) -> str:
            url = token["attrs"]["url"]
            return f"#link({string(url)})[{self.children(token, state)}]"

        def image(self, token: dict, state) -> str:
            # nothing is fetched: an image in prose is shown as its alt text
            return f"#emph[{self.children(token, state)}]"

        def linebreak(self, token: dict, state) -> str:
            return "#linebreak()"

        def softbreak(self, token: dict, state) -> str:
            return " "

        def inline_html(self, token: dict, state) -> str:
            return escape(token["raw"])

        # blocks
        def paragraph(self, token: dict, state) -> str:
            return self.children(token, state) + "\n\n"

        def block_text(self, token: dict, state) -> str:
            return self.children(token, state) + "\n"

        def heading(self, token: dict, state) -> str:
            level = max(1, token["attrs"]["level"] + self.heading_offset)
            return "=" * level + " " + self.children(token, state) + "\n\n"

        def blank_line(self, token: dict, state) -> str:
            return ""

        def thematic_break(self, token: dict, state) -> str:
            return "#line(length: 100%)\n\n"

        def block_code(self, token: dict, state) -> str:
            return f"#raw(block: true, {string(token['raw'].rstrip(chr(10)))})\n\n"

        def block_html(self, token: dict, state) -> str:
            return escape(token["raw"]) + "\n\n"

        def block_quote(self, token: dict, state) -> str:
            return f"#quote(block: true)[\n{self.children(token, state).strip()}\n]\n\n"

        def block_error(self, token: dict, state) -> str:
            return escape(token.get("raw", "")) + "\n\n"

        def list(self, token: dict, state) -> str:
            marker = "+ " if token["attrs"].get("ordered") else "- "
            items = []
            for item in token["children"]:
                body = self.children(item, state).strip("\n")
                # continuation lines (and nested lists) are indented under the marker
                items.append(marker + body.replace("\n", "\n  "))
            return "\n".join(items) + "\n\n"

        def list_item(self, token: dict, state) -> str:
            return self.children(token, state)

    return TypstRenderer


# ------------------------------------------------------------------ the exporter
@functools.cache
def exporter_class():
    """The nbconvert exporter of the PDF (a class made on first use: nbconvert is heavy).

    It exports outputs, not code: a section's ``text/vnd.stbrief.typst`` form as it is,
    images as figures (extracted into ``resources["outputs"]``), plain text when nothing
    richer exists; markdown cells through :func:`markdown`. The page (cover, contents,
    running title) is the template ``templates/typst``.
    """
    from nbconvert.exporters import TemplateExporter
    from nbconvert.preprocessors import ExtractOutputPreprocessor
    from traitlets import default

    class TypstExporter(TemplateExporter):
        """Executed notebook -> one Typst source (``.typ``) plus the images it names."""

        export_from_notebook = "Typst"
        output_mimetype = MIME

        @default("file_extension")
        def _file_extension_default(self) -> str:
            return ".typ"

        @default("template_name")
        def _template_name_default(self) -> str:
            return TEMPLATE_NAME

        @default("extra_template_basedirs")
        def _extra_template_basedirs_default(self) -> list[str]:
            return [str(TEMPLATE_DIR)]

        @default("raw_mimetypes")
        def _raw_mimetypes_default(self) -> list[str]:
            return [MIME]

        def __init__(self, **kw: Any) -> None:
            kw.setdefault("exclude_input", True)
            kw.setdefault("exclude_input_prompt", True)
            kw.setdefault("exclude_output_prompt", True)
            super().__init__(**kw)
            # images go to the folder named by resources["unique_key"] (one per export)
            extract = ExtractOutputPreprocessor(
                output_filename_template="{unique_key}/{cell_index}-{index}{extension}"
            )
            self.register_preprocessor(extract, enabled=True)

        def default_filters(self):
            yield from super().default_filters()
            yield ("typst", escape)
            yield ("typst_str", string)
            yield ("typst_markdown", markdown)

    return TypstExporter


def notebook_to_typst(nb: Any, image_dir: str = "images") -> tuple[str, dict[str, bytes]]:
    """Export an executed notebook (a ``NotebookNode``) to Typst.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The executed notebook.
    image_dir : str, optional
        Where the source expects the images of the notebook's outputs, relative to the
        Typst root.

    Returns
    -------
    source : str
        The whole document: page template, cover, contents, then the outputs.
    images : dict of str to bytes
        The files the source names (``<image_dir>/<cell>-<n>.png``), relative to the root.
    """
    source, resources = _exporter().from_notebook_node(nb, resources={"unique_key": image_dir})
    return source, dict(resources.get("outputs", {}))


@functools.cache
def _exporter():
    """One exporter per process: its templates compile once (0.2 s), not once per brief."""
    return exporter_class()()
