"""Regenerate this folder's fixture notebooks (then ``ruff format tests/fixtures_nb``).

- ``good.ipynb``: a parameterized notebook that displays HTML (headings, escaped text),
  writes ``figures/01-x.png``/``.csv`` and ``data/points.csv`` into ``output_dir``.
- ``failing.ipynb``: raises in its second cell.
- ``executed.ipynb``: an already "executed" notebook with every kind of output, to test
  the HTML template without starting a kernel.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import nbformat
from nbformat.v4 import (
    new_code_cell,
    new_markdown_cell,
    new_notebook,
    new_output,
)

HERE = Path(__file__).resolve().parent
KERNELSPEC = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
}
PARAMETERS = (
    "start_year = 1978\n"
    "end_year = 2011\n"
    'seeds_dir = "seeds"\n'
    'title = "Fixture"\n'
    'output_dir = "/tmp/stbrief-fixture-output"'
)


def parameters_cell():
    return new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]})


def good() -> nbformat.NotebookNode:
    nb = new_notebook(metadata=KERNELSPEC)
    nb.cells = [
        new_markdown_cell("# MARKDOWN_MARKER: notes for the analyst, not for the brief"),
        parameters_cell(),
        new_code_cell(
            "import html\n"
            "from pathlib import Path\n"
            "\n"
            "from IPython.display import display\n"
            "\n"
            "from analysis import typst\n"
            "\n"
            "SOURCE_MARKER = 'this code must not appear in the brief'\n"
            "docs = sorted(p.name for p in Path(seeds_dir).glob('*.txt'))\n"
            'print("STDOUT_MARKER")\n'
            "said = 'He said <script>alert(1)</script> & left'\n"
            "body = f'BODY_MARKER period {start_year}\\u2013{end_year}, {len(docs)} documents. '\n"
            "# a section's bundle, as the brief's sections show it: HTML and its Typst twin\n"
            "display({\n"
            "    'text/html': f'<h2 id=\"findings\">Key findings</h2>'\n"
            "    f'<p class=\"fact\">{body}{html.escape(said)}</p>'\n"
            "    '<h2>Methodology</h2><p>Counted by hand.</p>',\n"
            "    typst.MIME: f'== Key findings\\n\\n{typst.escape(body + said)}\\n\\n'\n"
            "    '== Methodology\\n\\nCounted by hand.\\n',\n"
            "}, raw=True)"
        ),
        new_code_cell(
            "import matplotlib\n"
            'matplotlib.use("Agg")\n'
            "import matplotlib.pyplot as plt\n"
            "from IPython.display import Image\n"
            'figures = Path(output_dir) / "figures"\n'
            'data = Path(output_dir) / "data"\n'
            "figures.mkdir(parents=True, exist_ok=True)\n"
            "data.mkdir(parents=True, exist_ok=True)\n"
            "fig, ax = plt.subplots(figsize=(4, 2.5))\n"
            "ax.plot([start_year, end_year], [1, 2])\n"
            'fig.savefig(figures / "01-x.png", dpi=60)\n'
            "plt.close(fig)\n"
            '(figures / "01-x.csv").write_text("year,value\\n1978,1\\n2011,2\\n")\n'
            '(data / "points.csv").write_text("year,value\\n1978,1\\n")\n'
            'display(Image(filename=str(figures / "01-x.png")), metadata={"alt": "A rising line"})'
        ),
    ]
    return nb


def failing() -> nbformat.NotebookNode:
    nb = new_notebook(metadata=KERNELSPEC)
    nb.cells = [
        parameters_cell(),
        new_code_cell(
            "from IPython.display import HTML, display\ndisplay(HTML('<h2>Partial</h2>'))"
        ),
        new_code_cell('raise RuntimeError("FIXTURE_FAILURE_42")'),
    ]
    return nb


def _png() -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(2, 1.2))
    ax.bar(["a", "b"], [1, 2])
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=40, metadata={"Software": None})
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode()


def executed() -> nbformat.NotebookNode:
    wide = "".join(f"<th>column number {i}</th>" for i in range(30))
    html_out = (
        '<h2 id="scale">Scale of cooperation</h2>'
        "<p>BODY_MARKER &lt;script&gt;alert(1)&lt;/script&gt;</p>"
        "<h2>Talent &amp; brain circulation</h2>"
        "<p>Second section.</p>"
        f"<table><thead><tr>{wide}</tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
        "<h2>Talent &amp; brain circulation</h2><p>Same heading twice.</p>"
    )
    nb = new_notebook(metadata=KERNELSPEC)
    code = new_code_cell(
        "from IPython.display import HTML, display\n\nSOURCE_MARKER = 1\ndisplay(HTML(''))",
        execution_count=1,
    )
    code.outputs = [
        new_output("stream", name="stdout", text="STDOUT_MARKER\n"),
        new_output("stream", name="stderr", text="STDERR_MARKER\n"),
        new_output("display_data", data={"text/html": html_out, "text/plain": "<HTML>"}),
    ]
    figure = new_code_cell("print()", execution_count=2, metadata={"alt": "Cell-level alt"})
    figure.outputs = [
        new_output(
            "display_data",
            data={"image/png": _png(), "text/plain": "<Figure size 200x120>"},
            metadata={"alt": "Bars of a and b"},
        ),
        new_output("display_data", data={"image/png": _png(), "text/plain": "<Figure>"}),
    ]
    plain = new_code_cell("1 + 1", execution_count=3)
    plain.outputs = [
        new_output("execute_result", data={"text/plain": "PLAIN_MARKER <b>"}, execution_count=3),
        new_output("error", ename="ValueError", evalue="ERROR_MARKER", traceback=["ERROR_MARKER"]),
    ]
    nb.cells = [new_markdown_cell("MARKDOWN_MARKER"), code, figure, plain]
    return nb


def main() -> None:
    for name, make in (("good", good), ("failing", failing), ("executed", executed)):
        nbformat.write(make(), HERE / f"{name}.ipynb")


if __name__ == "__main__":
    main()
