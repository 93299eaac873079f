"""The shipped queries/ run on the seeds graph and answer what their comments say."""

from __future__ import annotations

import pytest

from tests.builders import ROOT

pytestmark = pytest.mark.slow
QUERIES = ROOT / "queries"


def run(graph, name: str) -> list[dict[str, str]]:
    result = graph.query((QUERIES / name).read_text())
    return [{str(v): str(row[v]) if row[v] is not None else "" for v in result.vars} for row in result]


def test_every_query_has_a_comment_and_answers(seeds_graph):
    for path in sorted(QUERIES.glob("*.rq")):
        assert path.read_text().startswith("# "), path.name
        # no outlet states a seeds claim as fact (tests/integration/test_laundering.py), nor drops its
        # source or hedge (tests/integration/test_spread_and_drift.py)
        if path.name not in {"laundering.rq", "restated-as-fact.rq", "drift.rq"}:
            assert run(seeds_graph, path.name), path.name


def test_contested_shows_both_sides(seeds_graph):
    rows = run(seeds_graph, "contested.rq")
    against = {(r["actor"], r["stance"]) for r in rows if r["side"] == "against"}
    assert ("Center for Strategic Communications and Information Security", "Refutes") in against
    assert ("Volodymyr Zelensky", "Denies") in against
    assert {r["side"] for r in rows} == {"for", "against"}


def test_actor_aliases_roles_and_merge_reasons(seeds_graph):
    dashkin = next(r for r in run(seeds_graph, "actor.rq") if r["actor"] == "Yury Dashkin")
    assert {"Yuriy Dashkin", "Yurii Dashkin", "Dashkin"} <= set(dashkin["aliases"].split(" | "))
    assert "commander" in dashkin["roles"] and "person name" in dashkin["merges"]


def test_channels_most_carried_and_single_outlet(seeds_graph):
    channels = run(seeds_graph, "channels.rq")
    assert any(r["actor"] == "Donald Trump" and r["channel"] == "Truth Social" for r in channels)
    top = run(seeds_graph, "most-carried.rq")[0]
    assert int(top["outlets"]) >= 3
    only_one = run(seeds_graph, "single-outlet.rq")  # Dashkin is quoted by four outlets, this by one
    assert any(r["actor"] == "Yury Dashkin" and "All Ukrainian drones were destroyed" in r["claim"] for r in only_one)
    assert not any("simultaneously" in r["claim"] for r in only_one)  # the air defence's battle: carried by three
    assert not {"Russian officials", "Donald Trump"} & {r["actor"] for r in only_one}  # unnamed; or quoted by one outlet
    assert {"Russian officials"} <= {r["source"] for r in run(seeds_graph, "anonymous.rq")}


def as_set(rows: list[dict[str, str]]) -> set[tuple]:
    """Rows as a set; GROUP_CONCAT's order is up to the engine, so its parts are sorted."""
    return {tuple((k, tuple(sorted(v.split(" | ")))) for k, v in sorted(row.items())) for row in rows}


def test_oxigraph_and_rdflib_give_the_same_answers(seeds_out):
    from rdflib.plugins.stores.memory import Memory

    from kgbuild import load_graph

    oxigraph = load_graph(seeds_out / "graph.ttl")
    memory = load_graph(seeds_out / "graph.ttl", store="memory")
    assert type(oxigraph.store).__name__ == "OxigraphStore" and isinstance(memory.store, Memory)
    assert len(oxigraph) == len(memory) > 1000
    for path in sorted(QUERIES.glob("*.rq")):
        assert as_set(run(oxigraph, path.name)) == as_set(run(memory, path.name)), path.name


def test_load_graph_rejects_an_unknown_store(seeds_out):
    from kgbuild import load_graph

    with pytest.raises(ValueError, match="oxigraph"):
        load_graph(seeds_out / "graph.ttl", store="sqlite")


def test_both_stores_give_the_same_rdflib_terms(seeds_out):
    """Not just the same strings: plain strings, typed dates, URIs and counts are equal terms."""
    from kgbuild import load_graph

    question = """
        PREFIX kg: <https://w3id.org/kgbuild/ns#>
        SELECT ?a ?cue ?date ?n WHERE {
          ?a a kg:Attribution ; kg:cue ?cue . OPTIONAL { ?a kg:date ?date }
          { SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?p ?o } GROUP BY ?a }
        }"""
    oxigraph = load_graph(seeds_out / "graph.ttl")
    memory = load_graph(seeds_out / "graph.ttl", store="memory")
    rows = {tuple(row) for row in oxigraph.query(question)}
    assert rows == {tuple(row) for row in memory.query(question)}
    assert len(rows) > 50 and sum(row[2] is not None for row in rows) >= 5
    assert all(row[1].datatype is None and row[1].language is None for row in rows)


def test_ask_and_construct_work_through_load_graph(seeds_out):
    from kgbuild import load_graph
    from kgbuild.graph.vocab import KG

    graph = load_graph(seeds_out / "graph.ttl")
    assert graph.query("ASK { ?a a <https://w3id.org/kgbuild/ns#Claim> }").askAnswer
    built = graph.query("CONSTRUCT { ?c a ?t } WHERE { ?c a ?t . FILTER(?t = kg:Claim) }", initNs={"kg": KG}).graph
    assert len(built) == len(set(graph.subjects(predicate=None, object=KG.Claim))) > 10


@pytest.mark.parametrize("text", ["Russian officials", "", "  spaced  ", "ünïcødé — “quoted”", "42", "2024-05-01"])
def test_a_plain_literal_is_the_literal_rdflib_would_make(text):
    from rdflib import Literal

    from kgbuild.graph.store import plain_literal

    made, expected = plain_literal(text), Literal(text, normalize=False)
    assert made == expected and hash(made) == hash(expected) and made.eq(expected)
    assert (made.value, made.datatype, made.language, made.ill_typed, made.n3()) == (
        expected.value, expected.datatype, expected.language, expected.ill_typed, expected.n3())


def test_about_lists_who_made_each_claim_about_an_entity(seeds_graph):
    rows = run(seeds_graph, "about.rq")
    putin = [r for r in rows if r["entity"] == "Vladimir Putin"]
    assert any("Russian officials (Asserts)" in r["actors"] and "(Refutes)" in r["actors"] and r["contested"] == "true"
               for r in putin)  # the drone attack on his helicopter, which the Center refutes
    assert {r["speaks"] for r in putin} == {"false"}
    assert {r["speaks"] for r in rows if r["entity"] == "Ukraine"} == {"true"}
    denied = [r for r in rows if r["entity"] == "Ukraine" and "Volodymyr Zelensky (Denies)" in r["actors"].split(" | ")]
    assert denied and all(r["contested"] == "true" for r in denied)  # "We didn't attack Putin"
