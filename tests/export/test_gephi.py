"""GraphML and GEXF for Gephi: read back by networkx with the same nodes and edges, labels and colours."""

from __future__ import annotations

import networkx as nx
import pytest

from kgbuild.export import to_graph, to_networkx, write_network
from kgbuild.export.gephi import write_rows
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
    assert daily["hedged"] is True and daily["label"] == "asserts" and "via" not in daily  # None is left out


def test_graphml_colours_and_sizes_are_the_attributes_gephi_reads(network, tmp_path):
    write_network(network, tmp_path / "story.graphml", "graphml")
    back = nx.read_graphml(tmp_path / "story.graphml", force_multigraph=True)
    colours = {d["kind"]: (d["r"], d["g"], d["b"]) for _, d in back.nodes(data=True)}
    assert colours["outlet"] == (0xE8, 0xE8, 0xE8) and colours["actor"] == (0xC7, 0xE9, 0xC0)
    assert colours["entity"] == (0xC6, 0xDB, 0xEF)
    denial = next(d for *_, d in back.edges(data=True) if d.get("stance") == "denies")
    assert (denial["r"], denial["g"], denial["b"]) == (0xD6, 0x27, 0x28)
    claim = next(d for _, d in back.nodes(data=True) if d["kind"] == "claim")
    assert claim["size"] == 25.0 and claim["outlets"] == 3 and claim["contested"] is False


def test_another_graphml_reader_finds_the_same_graph(network, tmp_path):
    # igraph reads GraphML with libxml2 and its own rules, not networkx's: no Gephi installs here
    import igraph

    write_network(network, tmp_path / "story.graphml", "graphml")
    back = igraph.Graph.Read_GraphML(str(tmp_path / "story.graphml"))
    assert back.is_directed() and (back.vcount(), back.ecount()) == (network.number_of_nodes(), network.number_of_edges())
    assert sorted(back.vs["id"]) == sorted(network.nodes)
    assert sorted(back.vs["label"]) == sorted(d["label"] for _, d in network.nodes(data=True))
    claim = next(v for v in back.vs if v["kind"] == "claim")
    assert (claim["r"], claim["g"], claim["b"], claim["size"]) == (0xFF, 0xF3, 0xB0, 25.0)
    # a value left out comes back as igraph's empty default
    assert sorted(back.es["stance"]) == sorted(d.get("stance") or "" for *_, d in network.edges(data=True))


def test_gexf_colours_and_sizes_are_viz_elements(network, tmp_path):
    write_network(network, tmp_path / "story.gexf", "gexf")
    back = nx.read_gexf(tmp_path / "story.gexf")
    claim = next(d for _, d in back.nodes(data=True) if d["kind"] == "claim")
    assert claim["viz"]["color"] == {"r": 0xFF, "g": 0xF3, "b": 0xB0, "a": 1.0} and claim["viz"]["size"] == 25.0
    assert 'label="denies" weight="1.0"><attvalues>' in (tmp_path / "story.gexf").read_text()
    assert '<viz:color r="214" g="39" b="40" a="1.0" /></edge>' in (tmp_path / "story.gexf").read_text()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_article_text_is_escaped_and_comes_back_as_written(tmp_path, fmt):
    hostile = 'a <script>alert("x")</script> & b\nline\ttab\r\x0cform feed'
    nodes = [("n1", {"kind": "outlet", "label": hostile}), ("n2", {"kind": "claim", "label": "c", "outlets": 1})]
    edges = [("n1", "n2", "e<1>", {"relation": "carries", "stance": "asserts", "content": hostile})]
    write_rows(nodes, edges, tmp_path / f"hostile.{fmt}", fmt)
    back = read(tmp_path / f"hostile.{fmt}", fmt)
    expected = hostile.replace("\x0c", "\ufffd")  # XML 1.0 cannot hold a form feed
    assert back.nodes["n1"]["label"] == expected
    assert next(iter(back.edges(data=True)))[2]["content"] == expected


def test_the_same_network_gives_the_same_bytes(network, tmp_path):
    for name in ("a", "b"):
        write_network(network, tmp_path / f"{name}.gexf", "gexf")
    assert (tmp_path / "a.gexf").read_bytes() == (tmp_path / "b.gexf").read_bytes()


def test_an_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="graphml, gexf"):
        write_rows([], [], tmp_path / "x.dot", "dot")
