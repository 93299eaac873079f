"""GraphML and GEXF for Gephi: read back by networkx with the same nodes and edges, labels and colours."""

from __future__ import annotations

import networkx as nx
import pytest

from kgbuild.export import to_graph, to_networkx, write_network
from kgbuild.export.gephi import for_gephi
from kgbuild.merge import merge
from tests.builders import edge_ids, helicopter_story


@pytest.fixture(scope="module")
def network():
    return to_networkx(to_graph(merge(helicopter_story())))


def read(path, fmt):
    return nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path, force_multigraph=True)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_the_file_reads_back_with_the_same_nodes_edges_and_labels(network, tmp_path, fmt):
    write_network(network, tmp_path / f"story.{fmt}", fmt)
    back = read(tmp_path / f"story.{fmt}", fmt)
    assert back.is_directed()
    assert set(back.nodes) == set(network.nodes)
    assert edge_ids(back) == set(network.edges(keys=True))
    assert {n: d["label"] for n, d in back.nodes(data=True)} == {n: d["label"] for n, d in network.nodes(data=True)}
    daily = next(d for *_, d in back.edges(data=True) if d.get("own_voice") == "lead")
    assert daily["changes"] == "hedge added; source dropped; words added; words dropped" and daily["spread_rank"] == 2


def test_graphml_colours_are_the_rgb_attributes_gephi_reads(network):
    styled = for_gephi(network, "graphml")
    colours = {d["kind"]: (d["r"], d["g"], d["b"]) for _, d in styled.nodes(data=True)}
    assert colours["outlet"] == (0xE8, 0xE8, 0xE8) and colours["actor"] == (0xC7, 0xE9, 0xC0)
    denial = next(d for *_, d in styled.edges(data=True) if d.get("stance") == "denies")
    assert (denial["r"], denial["g"], denial["b"], denial["label"]) == (0xD6, 0x27, 0x28, "denies")
    assert all(value is not None and not isinstance(value, list)
               for _, d in styled.nodes(data=True) for value in d.values())


def test_gexf_colours_and_sizes_are_viz_elements(network, tmp_path):
    write_network(network, tmp_path / "story.gexf", "gexf")
    back = nx.read_gexf(tmp_path / "story.gexf")
    claim = next(d for _, d in back.nodes(data=True) if d["kind"] == "claim")
    assert claim["viz"]["color"] == {"r": 0xFF, "g": 0xF3, "b": 0xB0, "a": 1.0} and claim["viz"]["size"] == 25.0
    assert 'viz:color r="214" g="39" b="40"' in (tmp_path / "story.gexf").read_text()  # the denial's edge


def test_an_unknown_format_is_refused(network):
    with pytest.raises(ValueError, match="graphml, gexf"):
        for_gephi(network, "dot")
