"""Assertions linked into claims: the average link and the joins it misses."""

from __future__ import annotations

from dataclasses import replace

from kgbuild.merge import merge
from kgbuild.merge.claims.linkage import average_link
from kgbuild.merge.claims.pairs import ScoredPairs
from tests.builders import attribution, extraction


def test_unrelated_claims_stay_apart():
    merged = merge(
        [extraction("a", attribution("a", "The bridge will reopen on Monday"), attribution("a", "Taxes rose by two percent", at=100))]
    )
    assert len(merged.claims) == 2


def test_average_link_needs_the_whole_cluster_to_be_close():
    pairs = ScoredPairs.of({(0, 1): 0.9, (1, 2): 0.9})  # 0 and 2 are unrelated: chaining is refused
    assert average_link([0, 1, 2], pairs, 0.6) in ([[0, 1], [2]], [[0], [1, 2]])


def test_the_average_link_made_a_component_at_a_time_is_the_whole_one():
    import random

    from kgbuild.merge.claims.linkage import TopicsByComponent, linked

    rng = random.Random(3)
    items = list(range(0, 400, 2))  # not every index: the topics of others are -1
    scores = {(i, j): round(rng.random(), 3) for i in items for j in items if i < j and rng.random() < 0.03}
    pairs = ScoredPairs.of({**scores, (2, 401): 0.9})  # and a pair of an item not clustered, beyond the others
    at_once = sorted(sorted(group) for group in linked(items, scores, 0.6))  # the whole graph in one heap
    assert average_link(items, pairs, 0.6) == at_once
    whole = {i: group[0] for group in at_once for i in group}
    topics = TopicsByComponent(items, pairs, 0.6)
    assert [topics[i] for i in reversed(items)] == [whole[i] for i in reversed(items)] and topics[1] == -1
    assert len(set(whole.values())) < len(items)  # some clusters were made
    assert len(TopicsByComponent(items, pairs, 0.6).topic) == 0  # nothing is clustered before it is asked for
    some = set(items[:50])  # pairs of items not clustered are left out
    among = {(i, j): score for (i, j), score in scores.items() if i in some and j in some}
    assert average_link(items[:50], pairs, 0.6) == sorted(sorted(g) for g in linked(items[:50], among, 0.6))


def test_one_speakers_rare_word_quoted_in_part_joins_two_claims():
    from kgbuild.merge.claims import ClaimSimilarity
    from kgbuild.merge.claims.clustering import ASSERT_THRESHOLD
    from kgbuild.merge.claims.linkage import joined_by_partial_quotes

    said = [
        attribution("a", 'Putin\'s helicopter was at the "epicenter" of a large drone attack near Kursk', actor="Yury Dashkin"),
        attribution("b", 'Putin\'s aircraft was directly in the "epicenter of the repelled strike" near Kursk', actor="Yuriy Dashkin"),
        attribution("c", 'Putin\'s plane was in the "epicenter" of a strike near Kursk', actor="Anna Dashkin"),  # someone else
        attribution("d", 'Putin\'s helicopter was "unstable" during a large drone attack near Kursk', actor="Yury Dashkin"),
        attribution("e", 'Putin\'s aircraft was "unstable" in the repelled strike near Kursk', actor="Yury Dashkin"),
        attribution("f", 'Oil prices rose to a "zenith" on Monday morning in Asian trading', actor="Yury Dashkin"),
        attribution("g", 'The choir sang at the "zenith" of the summer festival in Paris', actor="Yury Dashkin"),  # unlike
    ]
    said += [attribution(f"x{n}", f"The bridge number {n} was unstable after the storm", actor="Engineers", kind="collective")
             for n in range(10)]  # "unstable" is no rare word here
    joined = joined_by_partial_quotes([[i] for i in range(len(said))], ClaimSimilarity(said), ASSERT_THRESHOLD)
    assert [0, 1] in joined and [2] in joined and [3] in joined and [4] in joined and [5] in joined


def test_once_two_outlets_quote_a_speakers_word_a_third_that_uses_it_unquoted_joins_them():
    from kgbuild.merge.claims import ClaimSimilarity
    from kgbuild.merge.claims.clustering import ASSERT_THRESHOLD
    from kgbuild.merge.claims.linkage import joined_by_partial_quotes

    said = [
        attribution("a", 'Putin\'s helicopter was at the "epicenter" of a large drone attack near Kursk', actor="Yury Dashkin"),
        attribution("b", 'Putin\'s aircraft was directly in the "epicenter of the repelled strike" near Kursk', actor="Yuriy Dashkin"),
        attribution("c", "Putin's helicopter was at the epicentre of the attack, which was thwarted", actor="Yury Dashkin"),
        # "repelled" is quoted by one outlet only, inside a phrase: not known to be his word
        attribution("d", "Putin's convoy was unharmed and the strike was repelled near Kursk", actor="Yury Dashkin"),
        # a direct quotation holds all his words: it may be another of his statements
        replace(attribution("e", "The helicopter was at the epicenter of the response, and we shot down every drone",
                            actor="Yury Dashkin"), direct=True),
    ]
    joined = joined_by_partial_quotes([[i] for i in range(len(said))], ClaimSimilarity(said), ASSERT_THRESHOLD)
    assert joined == [[0, 1, 2], [3], [4]]
    once = [said[0], said[2], said[3]]  # "epicenter" quoted by one outlet only: no unquoted use joins it
    assert joined_by_partial_quotes([[0], [1], [2]], ClaimSimilarity(once), ASSERT_THRESHOLD) == [[0], [1], [2]]


def test_a_lone_headline_joins_the_one_claim_of_the_other_headlines_sharing_its_rare_term():
    from kgbuild.merge.claims.linkage import headlines_joined_by_rare_term
    from kgbuild.merge.claims.words import Wordings

    texts = ["Giant crab photographed off the Kent coast by a family",  # 0-2: one claim
             "A family photographed a giant crab in Whitstable harbour, Crabzilla",
             "Crabzilla: the giant crab seen in Kent waters",
             "Crabzilla or Crapzilla -- you decide",  # 3: alone, shares "crabzilla" with 1 and 2 only
             "Council approves new harbour wall funding"]  # 4: shares only words others use elsewhere
    headlines = [replace(attribution(str(n), text), headline=True) for n, text in enumerate(texts)]
    words = Wordings(texts)
    assert headlines_joined_by_rare_term([[0, 1, 2], [3], [4]], words, headlines) == [[0, 1, 2, 3], [4]]
    # a body sentence among the term's users: the term no longer says which headlines' claim it is
    body = [replace(a, headline=a.article != "1") for a in headlines]
    assert headlines_joined_by_rare_term([[0, 1, 2], [3], [4]], words, body) == [[0, 1, 2], [3], [4]]
    # nor does a term of one other headline only
    texts[1] = "A family photographed a giant crab in Whitstable harbour"
    assert headlines_joined_by_rare_term([[0, 1, 2], [3], [4]], Wordings(texts), headlines) == [[0, 1, 2], [3], [4]]
