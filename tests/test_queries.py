"""The shipped queries/ run on the seeds graph and answer what their comments say."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
QUERIES = Path(__file__).resolve().parent.parent / "queries"


def run(graph, name: str) -> list[dict[str, str]]:
    result = graph.query((QUERIES / name).read_text())
    return [{str(v): str(row[v]) if row[v] is not None else "" for v in result.vars} for row in result]


def test_every_query_has_a_comment_and_answers(seeds_graph):
    for path in sorted(QUERIES.glob("*.rq")):
        assert path.read_text().startswith("# "), path.name
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
    assert int(top["outlets"]) >= 3 and "epicenter" in top["claim"]
    assert all("unknown outlet" in r["outlet"] for r in run(seeds_graph, "single-outlet.rq"))
    assert {"Russian officials"} <= {r["source"] for r in run(seeds_graph, "anonymous.rq")}
