"""What claims are about (issue 14): matched with the actors, so one entity is one node."""

from __future__ import annotations

from kgbuild.merge import merge
from kgbuild.records import Mention

from .test_claims import attribution, extraction


def named(name, kind="person"):
    return Mention(name, kind, variants=(name,))


def test_an_entity_spoken_about_and_speaking_elsewhere_is_one_node():
    merged = merge([
        extraction("a", attribution("a", "Putin was in danger during the visit", actor="Yury Dashkin",
                                    about=(named("Putin"), named("Ukraine", "organization")))),
        extraction("a", attribution("a", "the visit went well", actor="Vladimir Putin", at=100)),
        extraction("b", attribution("b", "drones were shot down over Kursk", actor="Ukraine", kind="organization",
                                    about=(named("Kursk", "place"),))),
    ])
    putin = merged.actor_of[1]
    assert merged.about_of[0] == (putin, merged.actor_of[2])  # "Putin" joined "Vladimir Putin"; Ukraine the speaker
    assert "Putin" in merged.actors[putin].variants
    assert list(merged.entities) == ["place/kursk"] and merged.entities["place/kursk"].kind == "place"
    assert merged.about_of[1] == ()


def test_an_entity_only_spoken_about_is_no_actor():
    merged = merge([extraction("a", attribution("a", "Putin was in danger", about=(named("Vladimir Putin"),)))])
    assert set(merged.actors) == {"person/yury-dashkin"}
    assert set(merged.entities) == {"person/vladimir-putin"}
