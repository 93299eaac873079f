"""notebooks/explore.ipynb runs top to bottom on the seeds graph, in a real Jupyter kernel."""

from __future__ import annotations

import pytest

from tests.builders import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.notebook]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


@pytest.fixture(scope="module")
def executed(seeds_out, monkeypatch_module):
    import nbformat
    from nbclient import NotebookClient

    monkeypatch_module.setenv("KGBUILD_GRAPH", str(seeds_out / "graph.ttl"))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # A failing cell raises CellExecutionError, which fails every test below.
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return notebook


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def outputs(notebook, kind: str) -> list[str]:
    return [
        str(output["data"][kind])
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if kind in output.get("data", {})
    ]


def test_the_notebook_reads_the_seeds_graph(executed):
    text = "\n".join(
        output.get("text", "") for cell in executed.cells if cell.cell_type == "code" for output in cell.outputs
    )
    assert "seeds-out" in text and "triples" in text
    assert "64 attributions, 5 outlets" in text


def test_the_notebook_shows_both_sides_of_the_contested_claims(executed):
    tables = "\n".join(outputs(executed, "text/html"))
    assert "against" in tables and "for" in tables
    assert "drone attack targeting Putin" in tables and "Center for Strategic Communications" in tables  # the contested claim, both sides


def test_the_notebook_shows_the_spread_and_the_networkx_rankings(executed):
    tables = "\n".join(outputs(executed, "text/html"))
    assert "attributed" in tables and "earliestOutlet" in tables  # spread.rq and drift.rq (no seeds claim drops its source)
    assert "shared claims carried first" in tables and "outlets reached" in tables
    assert "Yury Dashkin" in tables.split("outlets reached")[1]  # his claims reached every seed outlet


def test_the_notebook_draws_the_outlets_by_claims_plot(executed):
    assert len(outputs(executed, "image/png")) == 1
    assert "(15, 5)" in outputs(executed, "text/plain")
