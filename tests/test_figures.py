"""Figures stay bounded whatever the data, never draw a lone point or join two definitions."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis import figures  # noqa: E402

MAX_HEIGHT_IN = 12  # a tall A4 page


def texts(fig) -> str:
    return " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_timeline_of_thousands_of_events_is_bounded_and_says_how_many_more() -> None:
    n = 5000
    events = pd.DataFrame(
        {
            "date": [f"{1978 + i % 34}-01" for i in range(n)],
            "event": ["A very long event label that keeps going " * 6] * n,
            "doc_id": [f"d{i}" for i in range(n)],
        }
    )
    fig = figures.timeline(events)
    assert fig.get_figheight() <= MAX_HEIGHT_IN
    assert f"and {n - figures.TIMELINE_ROWS:,} more" in texts(fig)


def test_partners_themes_growth_and_words_are_bounded() -> None:
    counts = pd.DataFrame(
        {"partner": [f"P{i}" for i in range(3000)], "era": "1991-2000", "mentions": 1}
    )
    fig = figures.partners_by_era(counts)
    assert fig.get_figheight() <= MAX_HEIGHT_IN and "and 2,988 more" in texts(fig)
    rates = pd.DataFrame(np.random.default_rng(0).random((400, 4)), columns=list("abcd"))
    fig = figures.themes_heatmap(rates)
    assert fig.get_figheight() <= MAX_HEIGHT_IN and "more themes" in texts(fig)
    growth = pd.DataFrame(
        {
            "label": [f"I{i}" for i in range(500)],
            "from_year": 1990,
            "to_year": 2000,
            "multiple": 2.0,
            "per_year": np.linspace(0.01, 0.5, 500),
        }
    )
    fig = figures.growth_per_year(growth)
    assert fig.get_figheight() <= MAX_HEIGHT_IN and "and 490 more" in texts(fig)
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(20000)], "words": 100})
    assert figures.words_per_document(docs).get_figheight() <= MAX_HEIGHT_IN
    ids = [f"d{i}" for i in range(300)]
    matrix = pd.DataFrame(np.eye(300), index=ids, columns=ids)
    fig = figures.similarity_heatmap(matrix)
    assert fig.get_figheight() <= MAX_HEIGHT_IN and "and 260 more" in texts(fig)


def series(key: str, years: list[int], values: list[float], doc: str = "a") -> pd.DataFrame:
    return pd.DataFrame(
        {"key": key, "year": years, "value": values, "kind": "stated", "doc_id": doc}
    )


def test_series_panels_one_definition_each_from_zero_no_lone_points() -> None:
    groups = [
        series("partners", [1995, 2011], [150, 152]),
        series("lone", [1998], [244]),  # one point: no panel
    ] + [series(f"s{i}", [1990, 2000], [10, 20], doc=f"d{i}") for i in range(40)]
    fig = figures.series_panels(groups, [f"title {i}" for i in range(len(groups))], {})
    panels = [ax for ax in fig.axes if ax.axison]
    assert len(panels) == figures.SERIES_PANELS
    assert fig.get_figheight() <= MAX_HEIGHT_IN
    for ax in panels:
        assert ax.get_ylim()[0] == 0  # count axes from zero
        for line in ax.get_lines():  # a line joins the points of its own series only
            assert len(line.get_xdata()) == 2
    assert figures.series_panels([series("lone", [1998], [244])], ["lone"], {}) is None


def test_no_data_no_figure() -> None:
    empty = pd.DataFrame(columns=["date", "event", "doc_id"])
    assert figures.timeline(empty) is None
    assert figures.partners_by_era(pd.DataFrame(columns=["partner", "era", "mentions"])) is None
    assert figures.growth_per_year(pd.DataFrame(columns=["per_year"])) is None
