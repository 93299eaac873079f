"""The seeds' helicopter-attack claim, end to end: how it spread from outlet to outlet and how its
wording drifted (SPARQL), its outlets and actors (networkx), and the Gephi files read back."""

from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner

import kgbuild
from kgbuild.cli import main
from tests.builders import ROOT, edge_ids

pytestmark = pytest.mark.slow
HELICOPTER = "helicopter was at the"  # the claim five articles reach (tests/integration/test_end_to_end.py)


def seed(outlet: str) -> str:
    """A seed's number from its outlet's label: "unknown outlet (002_1fbd...)" -> "002"."""
    return outlet.split("(")[1][:3]


def answers(graph, name: str) -> list[dict[str, str]]:
    result = graph.query((ROOT / "queries" / name).read_text())
    return [{str(v): "" if row[v] is None else str(row[v]) for v in result.vars} for row in result]


@pytest.fixture(scope="module")
def network(seeds_graph):
    return kgbuild.to_networkx(seeds_graph)


@pytest.fixture(scope="module")
def claim(network):
    (key,) = [n for n, d in network.nodes(data=True) if d["kind"] == "claim" and HELICOPTER in d["label"]]
    return key


def test_the_claim_spread_to_the_five_outlets_each_carrying_it_its_own_way(seeds_graph):
    steps = [r for r in answers(seeds_graph, "spread.rq") if HELICOPTER in r["claim"]]
    assert [r["rank"] for r in steps] == ["1", "2", "3", "4", "5"]
    # the seeds are undated: the order is the articles' ids
    assert [(r["article"][:3], r["how"], r["actor"]) for r in steps] == [
        ("000", "refuted", "Center for Strategic Communications and Information Security"),
        ("001", "attributed", "Yury Dashkin"),
        ("002", "hedged", ""),  # in its own voice, "reportedly"
        ("003", "attributed, hedged", "Moscow"),
        ("004", "attributed", "Yury Dashkin"),
    ]


def test_a_later_outlet_dropped_dashkin_as_the_source_and_hedged_in_its_own_voice(seeds_graph):
    dropped = [r for r in answers(seeds_graph, "drift.rq") if HELICOPTER in r["claim"]]
    assert [(r["change"], seed(r["earliestOutlet"]), seed(r["laterOutlet"])) for r in dropped] == [
        ("SourceDropped", "001", "002")]
    changes = {str(row[0]).rsplit("#", 1)[-1] for row in seeds_graph.query("""
        PREFIX kg: <https://w3id.org/kgbuild/ns#>
        SELECT ?change WHERE { ?a kg:change ?change ; kg:ownVoice "lead" ; kg:content ?c .
                               FILTER(CONTAINS(?c, "narrowly")) }""")}
    assert {"SourceDropped", "HedgeAdded", "WordsChanged"} <= changes


def test_the_epicentre_wording_of_004_names_the_words_it_changed(seeds_graph):
    rows = seeds_graph.query("""
        PREFIX kg: <https://w3id.org/kgbuild/ns#>
        SELECT ?added ?dropped WHERE { ?a kg:content ?c ; kg:added ?added ; kg:dropped ?dropped .
                                       FILTER(STRSTARTS(?c, "Putin's helicopter was at the epicentre")) }""")
    added, dropped = {str(r[0]) for r in rows}, {str(r[1]) for r in rows}
    assert "epicentre" in added and '"epicenter"' in dropped
    assert any("thwarted" in words for words in added) and any("large-scale" in words for words in dropped)


def test_004_quotes_dashkin_cut_short(seeds_graph):
    rows = seeds_graph.query("""
        PREFIX kg: <https://w3id.org/kgbuild/ns#>
        SELECT ?later ?earlier WHERE { ?a kg:change kg:QuoteShortened ; kg:content ?later ;
                                          kg:driftFrom/kg:content ?earlier . }""")
    pairs = [(str(later), str(earlier)) for later, earlier in rows]
    assert any(later.startswith("The helicopter was effectively at the epicentre of the response")
               and earlier.startswith("We were simultaneously engaged") for later, earlier in pairs), pairs


def test_networkx_gives_the_claims_outlets_actors_and_what_it_is_about(network, claim):
    carried = {seed(network.nodes[u]["label"]): d for u, _, d in network.in_edges(claim, data=True)
               if d["relation"] == "carries" and d["spread_rank"]}
    assert sorted(carried) == ["000", "001", "002", "003", "004"] and carried["000"]["spread_rank"] == 1
    says = {network.nodes[u]["label"] for u, _, d in network.in_edges(claim, data=True) if d["relation"] == "says"}
    assert {"Yury Dashkin", "Russian officials", "Center for Strategic Communications and Information Security"} <= says
    speakers = {network.nodes[u]["kind"] for u, _, d in network.in_edges(claim, data=True) if d["relation"] == "says"}
    assert speakers == {"actor"}
    assert "Vladimir Putin" in {network.nodes[e]["label"] for e in network.successors(claim)}
    assert network.nodes[claim]["contested"] is True and network.nodes[claim]["outlets"] == 5


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_the_exported_file_reads_back_with_the_same_nodes_and_edges(seeds_out, network, claim, tmp_path, fmt):
    path = tmp_path / f"seeds.{fmt}"
    result = CliRunner().invoke(main, ["export", str(seeds_out / "graph.ttl"), "--format", fmt, "--out", str(path)])
    assert result.exit_code == 0, result.output
    back = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path, force_multigraph=True)
    assert set(back.nodes) == set(network.nodes)
    assert edge_ids(back) == set(network.edges(keys=True))
    assert back.nodes[claim]["label"] == network.nodes[claim]["label"]
    outlets = {u for u, _, d in back.in_edges(claim, data=True) if d["relation"] == "carries"}
    assert len(outlets) == 5
