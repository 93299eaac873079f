"""A claim one outlet attributes, another hedges and a third states as fact: laundered, end to end."""

from __future__ import annotations

import json

import pytest

from kgbuild import load_graph
from tests.builders import LAUNDERED_ARTICLES, ROOT

pytestmark = pytest.mark.slow

@pytest.fixture(scope="module")
def laundering_graph(tmp_path_factory, nlp):
    from kgbuild.pipeline import build

    folder = tmp_path_factory.mktemp("laundering")
    (folder / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in LAUNDERED_ARTICLES), "utf-8")
    build([folder / "articles.jsonl"], out=folder / "out", nlp=nlp)
    return load_graph(folder / "out" / "graph.ttl")


def test_the_claim_is_laundered_and_the_query_shows_how_each_outlet_carries_it(laundering_graph):
    rows = laundering_graph.query((ROOT / "queries" / "laundering.rq").read_text())
    how = {(str(r["outlet"]), str(r["how"]), str(r["actor"]), str(r["where"]), str(r["date"])) for r in rows}
    assert ("Daily", "states it as fact", "", "headline", "2025-03-02") in how
    assert ("Herald", "states it, hedged", "", "lead", "2025-03-02") in how
    assert any(outlet == "Wire" and way == "attributes it" and actor for outlet, way, actor, _, _ in how)
    assert len({str(r["claim"]) for r in rows}) == 1


def test_the_evidence_pairs_say_which_outlet_states_as_fact_what_another_attributes_or_hedges(laundering_graph):
    rows = laundering_graph.query((ROOT / "queries" / "restated-as-fact.rq").read_text())
    pairs = {(str(r["outlet"]), str(r["where"]), str(r["otherOutlet"]), str(r["how"])) for r in rows}
    assert ("Daily", "headline", "Herald", "states it, hedged") in pairs
    assert {outlet for outlet, *_ in pairs} == {"Daily"}  # only the unhedged own statement restates as fact


def test_the_denial_in_another_outlet_contests_it(laundering_graph):
    rows = list(laundering_graph.query("""
        PREFIX kg: <https://w3id.org/kgbuild/ns#>
        SELECT ?contested ?stance WHERE { ?c kg:laundered true ; kg:contested ?contested .
                                          ?a kg:rejects ?c ; kg:stance ?stance . }"""))
    assert rows and all(str(r[0]) == "true" for r in rows)


def test_the_page_offers_a_laundered_filter(laundering_graph, tmp_path_factory):
    page = next(tmp_path_factory.getbasetemp().glob("laundering*/out/graph.html")).read_text("utf-8")
    assert 'id="launderedOnly"' in page and '"laundered": true' in page
