"""The graph as a networkx MultiDiGraph: outlets, claims, actors and entities, attributions as edges."""

from __future__ import annotations

import pytest

from kgbuild.export import to_graph, to_networkx, to_turtle
from kgbuild.export.network import read_network
from kgbuild.merge import merge
from tests.builders import helicopter_story


@pytest.fixture(scope="module")
def network():
    return to_networkx(to_graph(merge(helicopter_story())))


def nodes_of(network, kind):
    return {data["label"] for _, data in network.nodes(data=True) if data["kind"] == kind}


def test_nodes_are_outlets_claims_actors_and_what_claims_are_about(network):
    assert nodes_of(network, "outlet") == {"Wire", "Daily", "Herald"}
    assert nodes_of(network, "actor") == {"Yury Dashkin", "Volodymyr Zelensky"}  # Daily speaks as an outlet
    assert nodes_of(network, "entity") == {"Vladimir Putin"}
    (claim, data), = [(n, d) for n, d in network.nodes(data=True) if d["kind"] == "claim"]
    assert data["outlets"] == 3 and data["first_seen"] == "2025-05-20" and data["contested"] is False
    assert network.nodes["https://w3id.org/kgbuild/id/person/vladimir-putin"]["type"] == "person"


def test_edges_carry_each_attribution_with_its_stance_hedge_voice_channel_and_rank(network):
    edges = {(network.nodes[u]["label"], d["relation"]): d for u, _, d in network.edges(data=True)}
    wire = edges[("Wire", "carries")]
    assert (wire["stance"], wire["via"], wire["date"], wire["spread_rank"], wire["hedged"]) == \
        ("asserts", "Rossiya-24", "2025-05-20", 1, False)
    daily = edges[("Daily", "carries")]
    assert daily["own_voice"] == "lead" and daily["hedged"] and daily["spread_rank"] == 2
    assert set(daily["changes"]) == {"source dropped", "hedge added", "words added", "words dropped"}
    assert ("Daily", "says") not in edges  # its own voice: the outlet carries it, no one else says it
    assert edges[("Volodymyr Zelensky", "says")]["stance"] == "denies"
    assert edges[("Yury Dashkin", "says")]["evidence"].startswith("that the helicopter")
    assert {d["relation"] for d in edges.values()} == {"carries", "says", "about"}


def test_the_same_graph_gives_the_same_network(network):
    again = to_networkx(to_graph(merge(helicopter_story())))
    assert list(again.nodes(data=True)) == list(network.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(network.edges(keys=True, data=True))


def test_a_turtle_file_streamed_or_loaded_in_oxigraph_gives_the_same_network(network, tmp_path):
    from kgbuild import load_graph

    (tmp_path / "graph.ttl").write_text(to_turtle(to_graph(merge(helicopter_story()))), "utf-8")
    for other in (read_network(tmp_path / "graph.ttl"), to_networkx(load_graph(tmp_path / "graph.ttl"))):
        assert list(other.nodes(data=True)) == list(network.nodes(data=True))
        assert list(other.edges(keys=True, data=True)) == list(network.edges(keys=True, data=True))
