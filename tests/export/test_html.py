from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.slow


def test_the_page_fetches_nothing(seeds_out):
    page = (seeds_out / "graph.html").read_text()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert not re.search(r"@import|url\(\s*['\"]?https?:", page)
    assert "default-src 'none'" in page  # the CSP forbids any fetch, too
    assert "vis.Network" in page  # vis-network is inlined


def test_the_page_carries_the_three_node_kinds_and_the_stance_legend(seeds_out):
    page = (seeds_out / "graph.html").read_text()
    details = json.loads(re.search(r"const DETAILS = (.*);\n", page).group(1))
    kinds = {n["kind"] for n in details["nodes"].values()}
    assert kinds == {"outlet", "claim", "actor", "entity"}  # entities: what claims are about, listed, never drawn
    drawn = {e[end] for e in details["edges"] for end in ("from", "to")}
    assert not any(details["nodes"][key]["kind"] == "entity" for key in drawn)
    assert any(row["about"] for row in details["rows"])
    for stance in ("asserts", "denies", "refutes", "confirms", "questions"):
        assert stance in page
    assert any(n.get("contested") for n in details["nodes"].values())


def test_rows_carry_each_outlets_place_in_the_spread_and_the_word_diff():
    from kgbuild.export.html import graph_data
    from kgbuild.merge import merge
    from tests.builders import helicopter_story

    rows = {r["article"]: r for r in graph_data(merge(helicopter_story()))["rows"]}
    assert [rows[a]["rank"] for a in ("wire", "daily", "herald")] == [1, 2, 3]
    assert [rows[a]["how"] for a in ("wire", "daily", "herald")] == ["attributed", "hedged", "denied"]
    drift = rows["daily"]["drift"]
    assert drift["from"] == rows["wire"]["id"] and ["+", "reportedly"] in drift["diff"] and ["-", "drone"] in drift["diff"]
    assert rows["wire"]["drift"] is None and rows["herald"]["drift"] is None  # the earliest; a denial


def test_actors_that_share_a_label_are_told_apart_by_their_article():
    from dataclasses import replace

    from kgbuild.export.html import graph_data
    from kgbuild.merge import merge
    from tests.builders import attribution, extraction

    def officials(article):
        item = attribution(article, f"The bridge in town {article} will reopen in May", actor="officials", kind="collective")
        return replace(item, actor=replace(item.actor, generic=True))

    nodes = graph_data(merge([extraction(k, officials(k)) for k in ("a", "b")]))["nodes"]
    assert sorted(n["label"] for n in nodes.values() if n["kind"] == "actor") == ["officials (a)", "officials (b)"]
