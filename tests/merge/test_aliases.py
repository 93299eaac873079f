"""The user's alias file overrides the name matcher, and every override is recorded."""

from __future__ import annotations

import pytest

from kgbuild.merge import merge
from kgbuild.merge.aliases import AliasError, Aliases, load_aliases
from kgbuild.merge.names import link_names
from tests.builders import attribution, extraction, write


def test_an_alias_file_is_read_and_checked(tmp_path):
    good = write(tmp_path / "aliases.yaml", "same:\n  - [Moscow, Kremlin]\ndifferent:\n  - [Yury Dashkin, Yurii Dashkin]\n")
    assert load_aliases(good) == Aliases(same=(("Moscow", "Kremlin"),), different=(("Yury Dashkin", "Yurii Dashkin"),))
    for text, reason in [
        ("same: [Moscow, Kremlin]\n", "entry 1 is not a pair"),
        ("same:\n  - [Moscow]\n", "entry 1 is not a pair"),
        ("alias:\n  - [a, b]\n", "only the keys"),
        ("same: [\n", "cannot read"),
        ("same:\n  - [a, b]\ndifferent:\n  - [b, a]\n", "both same and different"),
    ]:
        with pytest.raises(AliasError, match=reason):
            load_aliases(write(tmp_path / "bad.yaml", text))


def test_different_keeps_apart_what_the_matcher_would_join():
    names = ["Yury Dashkin", "Yurii Dashkin", "Dashkin"]
    assert len(link_names(names)[0]) == 1
    clusters, _ = link_names(names, apart=[("yury dashkin", "YURII DASHKIN")])
    assert len(clusters) == 3  # and "Dashkin", which could be either, stays alone


def test_same_joins_actors_across_kinds_and_says_why():
    kremlin = attribution("a", "the visit went well and the drones were destroyed", actor="Kremlin", kind="organization")
    moscow = attribution("b", "Ukraine attacked the president's helicopter near Kursk", actor="Moscow", kind="organization")
    putin = attribution("c", "our troops will win the war in the end", actor="Vladimir Putin")
    extractions = [extraction("a", kremlin), extraction("b", moscow), extraction("c", putin)]
    assert len(merge(extractions).actors) == 3
    merged = merge(extractions, aliases=Aliases(same=(("Kremlin", "moscow"),)))
    assert len(merged.actors) == 2 and merged.actor_of[0] == merged.actor_of[1]
    actor = merged.actors[merged.actor_of[0]]
    assert actor.label == "Kremlin" and "Moscow" in actor.variants
    assert ("Moscow", "Kremlin", "alias file: same", 1.0) in actor.reasons


def test_different_keeps_an_acronym_apart_from_the_name_it_spells():
    def org(article, name):
        return attribution(article, "the regional grid will need new investment soon", actor=name, kind="organization")

    extractions = [extraction("a", org("a", "National Grid"), text="National Grid (NG) said ..."), extraction("b", org("b", "NG"))]
    assert len(merge(extractions).actors) == 1  # the acronym joins the name it spells
    assert len(merge(extractions, aliases=Aliases(different=(("ng", "National Grid"),))).actors) == 2
