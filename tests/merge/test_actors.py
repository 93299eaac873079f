"""Actors across articles: people, organizations, and what claims are about, one node each."""

from __future__ import annotations

from dataclasses import replace

from kgbuild.merge import merge
from kgbuild.records import Mention
from tests.builders import attribution, extraction, own


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


def test_people_with_close_names_are_one_actor_only_with_a_shared_role_in_different_articles():
    def person(article, name, roles=(), at=0):
        item = attribution(article, "The budget will be balanced by next spring", actor=name, at=at)
        return replace(item, actor=replace(item.actor, roles=roles))

    separate = merge([extraction("a", person("a", "Rick Perry", ("governor",))), extraction("b", person("b", "Rick Parry", ("chief executive",)))])
    assert len(separate.actors) == 2
    same_role = merge([extraction("a", person("a", "Rick Perry", ("Texas governor",))), extraction("b", person("b", "Rick Parry", ("governor",)))])
    assert len(same_role.actors) == 1
    same_article = merge([extraction("a", person("a", "Tracy Martin", ("father",)), person("a", "Trayvon Martin", ("father",), at=300))])
    assert len(same_article.actors) == 2  # one article names two people


def test_organizations_spelled_with_and_without_a_space_or_as_an_acronym_are_one_actor():
    def org(article, name):
        return attribution(article, "Fourth quarter sales rose two percent to a new high", actor=name, kind="organization")

    merged = merge([extraction("a", org("a", "Time Warner")), extraction("b", org("b", "TimeWarner")),
                    extraction("c", org("c", "Center for Strategic Communications")),
                    extraction("d", org("d", "CSC"), text="The CSC, the Center for Strategic Communications, said ...")])
    assert sorted(merged.actors) == ["organization/center-for-strategic-communications", "organization/time-warner"]
    reasons = {r[2] for actor in merged.actors.values() for r in actor.reasons}
    assert reasons == {"same normalized name", "acronym"}


def test_an_acronym_joins_a_name_it_spells_only_where_an_article_writes_both():
    def org(article, name):
        return attribution(article, "Fourth quarter sales rose two percent to a new high", actor=name, kind="organization")

    apart = merge([extraction("a", org("a", "General Motors"), text="General Motors said ..."),
                   extraction("b", org("b", "Gulf of Mexico"), text="The Gulf of Mexico ..."),
                   extraction("c", org("c", "GM"), text="GM said sales rose")])
    assert len(apart.actors) == 3  # "GM" spells both, and no article writes either beside it
    told = merge([extraction("a", org("a", "General Motors"), text="General Motors (GM) said ..."),
                  extraction("b", org("b", "Gulf of Mexico"), text="The Gulf of Mexico ..."),
                  extraction("c", org("c", "GM"), text="GM said sales rose")])
    assert told.actor_of[2] == told.actor_of[0] == "organization/general-motors"
    ampersand = merge([extraction("a", org("a", "Securities & Exchange Commission")),
                       extraction("b", org("b", "Securities and Exchange Commission")),
                       extraction("c", org("c", "SEC"), text="the Securities and Exchange Commission (SEC) said")])
    assert len(ampersand.actors) == 1  # "&" is "and": one name, so "SEC" spells one organization
    not_acronyms = merge([extraction("a", org("a", "Football Licensing Authority"), text="Fla. and the Football Licensing Authority"),
                          extraction("b", org("b", "Fla."))])
    assert len(not_acronyms.actors) == 2  # "Fla." abbreviates Florida: no acronym is in lower case


def test_a_surname_alone_joins_the_one_full_name_only_with_something_in_common():
    def said(article, name, roles=()):
        item = attribution(article, "The show will go on without a host next season", actor=name)
        return replace(item, actor=replace(item.actor, roles=roles))

    elsewhere = merge([extraction("a", said("a", "Johnny Carson"), outlet="A"), extraction("b", said("b", "Carson"), outlet="B")])
    assert len(elsewhere.actors) == 2  # another outlet's "Carson" may be Ben Carson
    same_outlet = merge([extraction("a", said("a", "Johnny Carson"), outlet="A"), extraction("b", said("b", "Carson"), outlet="A")])
    assert len(same_outlet.actors) == 1
    same_role = merge([extraction("a", said("a", "Johnny Carson", ("talk show host",)), outlet="A"),
                       extraction("b", said("b", "Carson", ("host",)), outlet="B")])
    assert len(same_role.actors) == 1


def test_a_name_ner_gives_several_kinds_is_one_actor_of_the_kind_its_speaker_mentions_vote_for():
    def says(article, name, kind, about=()):
        return extraction(article, attribution(article, "Quarterly profits rose to a record high", actor=name, kind=kind,
                                               about=about))

    company = merge([says("a", "Yukos", "person"), says("b", "Yukos", "person"), says("c", "Yukos", "organization")])
    assert sorted(company.actors) == ["organization/yukos"]  # one word, no one's surname, and once an organization
    merged = merge([says("a", "Donald Trump", "person"), says("b", "Trump", "person"), says("c", "Trump", "person"),
                    says("d", "Trump", "organization", about=(named("Trump", "collective"),)),
                    says("e", "Labour", "collective"), says("f", "Labour", "organization")])
    trump = merged.actor_of[1]
    assert trump.startswith("person/") and merged.actor_of[3] == trump and merged.about_of[3] == (trump,)
    assert merged.actor_of[4] == merged.actor_of[5] == "organization/labour"
    person = merge([says("a", "Scott", "person"), says("b", "Scott", "person", about=(named("Scott", "organization"),))])
    assert sorted(person.actors) == ["person/scott"]  # no speaker's vote says organization: "the Scott report" is no vote


def test_a_name_that_only_one_kind_speaks_as_keeps_its_kind():
    merged = merge([extraction("a", attribution("a", "Quarterly profits rose to a record high", actor="Ford",
                                                kind="organization", about=(named("Gerald Ford"),)))])
    assert merged.actor_of == ["organization/ford"] and merged.about_of == [("person/gerald-ford",)]


def test_a_source_named_as_an_outlet_of_the_corpus_is_that_outlet():
    merged = merge([
        extraction("a", own("a", "Quarterly profits rose to a record high", voice="lead"), outlet="New York Times"),
        extraction("b", attribution("b", "Quarterly profits rose to a record high", actor="The New York Times",
                                    kind="organization", about=(named("Politico", "person"),)), outlet="Politico"),
    ])
    assert merged.actor_of == ["outlet/new-york-times", "outlet/new-york-times"]
    assert merged.about_of[1] == ("outlet/politico",) and merged.entities["outlet/politico"].kind == "outlet"
    unnamed = merge([extraction("a", own("a", "Quarterly profits rose to a record high", voice="lead"), outlet="Government"),
                     extraction("b", attribution("b", "Quarterly profits rose to a record high", actor="government",
                                                 kind="collective"), outlet="Politico")])
    assert unnamed.actor_of == ["outlet/government", "collective/government"]  # an outlet's name is a name
    fire = merge([extraction("a", own("a", "Quarterly profits rose to a record high", voice="lead"), outlet="\U0001f525"),
                  extraction("b", attribution("b", "Quarterly profits rose to a record high", actor="X", kind="organization"),
                             outlet="Politico")])
    assert fire.actor_of[1] == "organization/x"  # an outlet named "🔥" is no source named "X"
    starred = merge([extraction("a", attribution("a", "Quarterly profits rose to a record high", actor="\u2605", kind="organization")),
                     extraction("b", attribution("b", "Quarterly profits rose to a record high", actor="X", kind="organization"))])
    assert len(starred.actors) == 2 and "organization/x" in starred.actors  # "★" spells nothing: keyed by its hash


def test_two_spellings_with_one_key_are_one_node_that_keeps_both():
    def said(article, name, roles):
        item = attribution(article, "The show will go on without a host next season", actor=name)
        return replace(item, actor=replace(item.actor, roles=roles))

    merged = merge([extraction("a", said("a", "bush", ("tweeter",)), outlet="A"),
                    extraction("b", said("b", "bush", ("tweeter",)), outlet="A"),
                    extraction("c", said("c", "Bush", ("governor",)), outlet="B")])
    actor = merged.actors["person/bush"]
    assert len(merged.actors) == 1 and actor.label == "Bush"  # a proper name's capitals, though fewer
    assert set(actor.variants) == {"Bush", "bush"} and set(actor.roles) == {"governor", "tweeter"}


def test_two_organizations_whose_labels_spell_one_key_are_one_node_that_keeps_both():
    def org(article, name):
        return attribution(article, "Fourth quarter sales rose two percent to a new high", actor=name, kind="organization")

    merged = merge([extraction("a", org("a", "Marks & Spencer")), extraction("b", org("b", "Marks Spencer"))])
    assert list(merged.actors) == ["organization/marks-spencer"]
    assert set(merged.actors["organization/marks-spencer"].variants) == {"Marks & Spencer", "Marks Spencer"}


def test_a_generic_source_is_one_actor_per_article_and_a_named_group_one_across_articles():
    def group(article, name, generic, at=0):
        item = attribution(article, "The bridge will reopen in May after the repairs", actor=name, kind="collective", at=at)
        return replace(item, actor=replace(item.actor, generic=generic))

    merged = merge([
        extraction("a", group("a", "officials", True), group("a", "Officials", True, at=200),
                   group("a", "Russian officials", False, at=400)),
        extraction("b", group("b", "officials", True), group("b", "Russian officials", False)),
    ])
    in_a, again_in_a, russian_a, in_b, russian_b = merged.actor_of
    assert in_a == again_in_a != in_b  # "officials" of two stories are not one group
    assert set(merged.actors[in_a].variants) == {"officials", "Officials"} and merged.actors[in_a].kind == "collective"
    assert russian_a == russian_b == "collective/russian-officials"


def test_a_generic_organization_keeps_its_kind_and_stays_in_its_article():
    def government(article):
        item = attribution(article, "Taxes will rise next year for most families", actor="government", kind="organization")
        return replace(item, actor=replace(item.actor, generic=True))

    merged = merge([extraction("a", government("a")), extraction("b", government("b"))])
    assert merged.actor_of == ["organization/government-in-a", "organization/government-in-b"]
    assert {actor.kind for actor in merged.actors.values()} == {"organization"}


def test_a_generic_wording_that_names_an_actor_elsewhere_is_that_actor():
    tagged_a_noun = attribution("a", "The wall will be built by next spring", actor="Trump", kind="collective")
    merged = merge([
        extraction("a", replace(tagged_a_noun, actor=replace(tagged_a_noun.actor, generic=True))),
        extraction("b", attribution("b", "The wall will be paid for by Mexico", actor="Trump")),
        extraction("c", attribution("c", "The wall will be higher than planned", actor="Trump")),
    ])
    assert merged.actor_of[0] == merged.actor_of[1] == merged.actor_of[2] == "person/trump"


def test_a_group_named_alike_elsewhere_does_not_join_generic_sources():
    def officials(article, generic):
        item = attribution(article, "The bridge will reopen in May after the repairs", actor="Officials", kind="collective")
        return replace(item, actor=replace(item.actor, generic=generic))

    # a title-case "Officials" the parse took for a name is no one's name
    merged = merge([extraction(k, officials(k, generic=k != "c")) for k in "abc"])
    assert len(set(merged.actor_of)) == 3


def test_a_generic_source_in_an_article_with_a_hostile_id_gets_one_safe_key():
    item = attribution('a/b c?<>"x', "The bridge will reopen in May after the repairs", actor="officials", kind="collective")
    merged = merge([extraction(item.article, replace(item, actor=replace(item.actor, generic=True)))])
    (key,) = merged.actor_of
    assert key == "collective/officials-in-a%2Fb%20c%3F%3C%3E%22x"
