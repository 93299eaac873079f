"""Whether two wordings state one proposition: the traits the trained model weighs, and the model."""

from __future__ import annotations

import numpy as np
import pytest

from kgbuild.merge.claims.propositions import (
    TRAITS, Sets, WordingFacts, disjoint, names, numbers, pair_traits, places, shipped_model, speaker,
)
from kgbuild.records import Mention
from tests.builders import attribution, own


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BMO forecasts 19M Apple Watch sales in 2015", {19e6, 2015.0}),
        ("Apple will sell 19 million Apple Watches", {19e6}),
        ("almost four million broadband users in the UK", {4e6}),
        ("more than 32 million broadband connections", {32e6}),
        ("a gold model at 4,999 and a steel one at 499.50", {4999.0, 499.5}),
        ("one of the men said no one was hurt", set()),
    ],
)
def test_numbers_are_read_with_their_scale(text, expected):
    assert numbers(text) == expected


def facts_of(attributions, concepts=None):
    texts = [a.wording for a in attributions]
    concepts = concepts or [frozenset(t.lower().split()) for t in texts]
    return WordingFacts(attributions, texts, Sets([places(a) for a in attributions]), concepts)


def pair(first, second, meaning=0.8, words=0.5):
    row = pair_traits(facts_of([first, second]), np.array([0]), np.array([1]), np.array([meaning]), np.array([words]))[0]
    return dict(zip(TRAITS, row))


def test_different_quantities_and_names_are_traits_of_a_pair():
    fcc = attribution("a", "the FCC counted more than 32 million broadband connections", actor="FCC", kind="organization",
                      about=(Mention("FCC", "organization", ("FCC",)),))
    ofcom = attribution("b", "Ofcom counted almost four million broadband users", actor="Ofcom", kind="organization",
                        about=(Mention("Ofcom", "organization", ("Ofcom",)),))
    traits = pair(fcc, ofcom)
    assert traits["numbers_differ"] and not traits["numbers_agree"]
    assert traits["names_differ"] and not traits["places_differ"] and traits["speakers_differ"] and not traits["same_speaker"]


def test_one_speaker_and_a_negation_are_traits_of_a_pair():
    path = attribution("a", "the path toward victory is virtually impossible", actor="Bernie Sanders")
    denied = attribution("b", "the path toward victory is not impossible", actor="Sanders", negated=True)
    traits = pair(path, denied)
    assert traits["same_speaker"] and traits["polarity_differs"] and not traits["numbers_differ"]
    assert speaker(own("c", "Stocks fell")) is None
    assert names(attribution("d", "x", about=(Mention("Bernie Sanders", "person", ("Bernie Sanders",)),))) == {"sanders"}


def test_a_rare_shared_concept_counts_more_than_a_common_one():
    concepts = [frozenset({"crabzilla", "photo"}), frozenset({"crabzilla", "crab"}), frozenset({"apple", "photo"}),
                frozenset({"apple", "watch"}), frozenset({"apple", "price"})]
    facts = facts_of([own(str(n), " ".join(sorted(c))) for n, c in enumerate(concepts)], concepts)
    rarest = facts.rarest_shared(np.array([0, 3, 1]), np.array([1, 4, 3]))
    assert rarest[0] == pytest.approx(np.log(5 / 2) / np.log(5)) and rarest[1] == pytest.approx(np.log(5 / 3) / np.log(5))
    assert rarest[2] == 0.0  # nothing shared
    wordless = facts_of([own("a", "..."), own("b", "...")], [frozenset(), frozenset()])
    assert wordless.rarest_shared(np.array([0]), np.array([1])).tolist() == [0.0]


def test_sets_of_many_pairs_intersect_as_python_sets_do(monkeypatch):
    from kgbuild.merge.claims import propositions

    monkeypatch.setattr(propositions, "PAIRS_AT_ONCE", 64)  # many chunks
    rng = np.random.default_rng(3)
    sets = [frozenset(rng.choice(12, size=rng.integers(0, 4), replace=False).tolist()) for _ in range(300)]
    first, second = rng.integers(0, 300, 5000), rng.integers(0, 300, 5000)
    together = Sets(sets)
    assert together.shared(first, second).tolist() == [len(sets[i] & sets[j]) for i, j in zip(first, second)]
    assert together.disjoint(first, second).tolist() == [disjoint(sets[i], sets[j]) for i, j in zip(first, second)]
    assert together.agreement(first, second).tolist() == [
        len(sets[i] & sets[j]) / len(sets[i] | sets[j]) if sets[i] and sets[j] else 0.0 for i, j in zip(first, second)]
    assert together.conflicting(first, second).tolist() == [
        bool(sets[i] - sets[j]) and bool(sets[j] - sets[i]) for i, j in zip(first, second)]
    value = rng.random(len(together.counts))
    column = {x: k for k, x in enumerate(dict.fromkeys(x for members in sets for x in members))}
    assert together.largest_shared(first, second, value).tolist() == [
        max((value[column[x]] for x in sets[i] & sets[j]), default=0.0) for i, j in zip(first, second)]
    assert Sets([]).shared(np.zeros(0, int), np.zeros(0, int)).size == 0


def test_the_shipped_model_weighs_every_trait_and_agreeing_wordings_above_the_threshold():
    model = shipped_model()
    assert len(model.weights) == len(TRAITS) and 0.0 < model.threshold < 1.0
    same = np.zeros(len(TRAITS))
    same[:4] = [0.9, 0.8, 0.72, 0.8]
    topic = same.copy()
    topic[TRAITS.index("numbers_differ")] = 1.0
    topic[:3] = [0.5, 0.3, 0.15]
    likely = model.probabilities(np.vstack([same, topic]))
    assert likely[0] >= model.threshold > likely[1]
