"""Claim clustering as a whole: one claim per proposition across outlets, its wording, the outlet's own restatements, laundering."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kgbuild.merge import merge
from kgbuild.records import Article, Mention
from tests.builders import attribution, extraction, own

STORY = {
    "a": "Yury Dashkin said that Putin's helicopter was at the epicentre of the drone attack.",
    "b": "Yuriy Dashkin said that the president's aircraft was directly in the epicenter of the repelled strike.",
    "c": "Yury Dashkin said that 46 drones were shot down over the Kursk region during the operation.",
    "d": "Farmers said that the wheat harvest in Kansas will be the largest in a decade.",
}


def test_the_same_claim_from_three_outlets_is_one_claim_and_a_refutation_contests_it():
    merged = merge(
        [
            extraction("a", attribution("a", "Putin's helicopter was at the epicenter of the drone attack"), outlet="A"),
            extraction("b", attribution("b", "The helicopter of Putin was at the epicentre of a drone attack"), outlet="B"),
            extraction("c", attribution("c", "Putin's helicopter was at the epicenter of the drone attack", actor="Yurii Dashkin"), outlet="C"),
            extraction(
                "d",
                attribution("d", "the fake about a drone attack at the epicenter on Putin's helicopter", "refutes", "the Center",
                            "organization", headline=True),
                attribution("d", "Rain will fall in Kyiv on Friday", actor="forecasters", kind="collective", at=200),
                outlet="D",
            ),
        ]
    )
    helicopter = {merged.claim_of[i] for i in range(4)}
    assert len(helicopter) == 1
    claim = merged.claims[helicopter.pop()]
    assert claim.contested and claim.outlets == ("A", "B", "C", "D")
    assert merged.claim_of[4] not in {merged.claim_of[0]}
    assert len(merged.actors) == 3  # Yury = Yurii Dashkin; the Center; forecasters
    assert merged.claim_links[3].rule == "rejects a similar claim"


def test_two_clusters_with_the_same_wording_are_one_claim_with_every_outlet():
    # each outlet's wording is its own cluster (the proposition model keeps a paraphrase it cannot
    # prove apart); their canonical wording, and so their key, is the same: the claim keeps both outlets
    said = "the dam at Nova Kakhovka was blown up by Russian troops on Tuesday"
    merged = merge(
        [
            extraction("a", attribution("a", said, actor="Zelensky"), outlet="A"),
            extraction("b", attribution("b", said, actor="Biden"), outlet="B"),
        ]
    )
    (claim,) = merged.claims.values()
    assert claim.outlets == ("A", "B") and merged.claim_of[0] == merged.claim_of[1]


def test_a_fragment_too_short_to_state_a_proposition_is_a_claim_of_its_own_in_each_article():
    merged = merge(
        [
            extraction("a", attribution("a", "they hoped", actor="Zelensky"), outlet="A"),
            extraction("b", attribution("b", "they hoped", actor="Biden"), outlet="B"),
        ]
    )
    assert len(merged.claims) == 2 and merged.claim_of[0] != merged.claim_of[1]


def test_a_claim_is_worded_by_what_asserts_it_not_by_the_negation_that_denies_it():
    claim = attribution("a", "Donald Trump is a racist and a bigot", actor="Ana Navarro")
    negation = attribution("b", "Donald Trump is not a racist", actor="Sean Hannity", negated=True, headline=True)
    merged = merge([extraction("b", negation, outlet="B"), extraction("a", claim, outlet="A")])  # the negation first
    assert merged.rejects and merged.attributions[0].stance == "denies"
    assert merged.claims[merged.claim_of[1]].text.startswith("Donald Trump is a racist")


def test_a_claim_is_worded_by_a_member_that_names_its_subject():
    merged = merge(
        [
            extraction("a", attribution("a", "He was at the epicenter of the drone attack on the city"), outlet="A"),
            extraction("b", attribution("b", "Putin was at the epicenter of the drone attack on the city"), outlet="B"),
        ]
    )
    assert len(merged.claims) == 1
    assert next(iter(merged.claims.values())).text == "Putin was at the epicenter of the drone attack on the city"


def test_an_own_body_sentence_is_kept_only_where_it_restates_an_attributed_claim():
    claim = attribution("a", "the dam at Nova Kakhovka was blown up by Russian troops", actor="Officials", kind="collective")
    restated = own("b", "The dam at Nova Kakhovka was blown up by Russian troops", voice="body")
    unrelated = own("b", "Residents of the town were evacuated by bus on Tuesday", voice="body", at=100)
    merged = merge([extraction("a", claim, outlet="A"), extraction("b", restated, unrelated, outlet="B")])
    assert [a.content.text for a in merged.attributions] == [claim.content.text, restated.content.text]
    assert merged.claim_of[0] == merged.claim_of[1]
    assert merged.actor_of[1] == "outlet/b" and merged.actors["outlet/b"].kind == "outlet"
    assert merged.claim_links[1].rule == "restates an attributed claim"
    assert merged.claims[merged.claim_of[0]].laundered  # B states as fact what A attributes


def test_an_own_body_sentence_that_cannot_restate_a_claim_is_never_encoded():
    import numpy as np

    encoded = []

    def encoder(texts):
        encoded.extend(texts)
        return np.array([[1.0, len(t) % 7, "dam" in t] for t in texts], dtype=np.float32)

    kakhovka = Mention("Nova Kakhovka", "place", variants=("Nova Kakhovka",))
    claim = attribution("a", "the dam at Nova Kakhovka was blown up by Russian troops", actor="Officials",
                        kind="collective", about=(kakhovka,))
    restated = own("b", "The dam at Nova Kakhovka was blown up by Russian troops", voice="body", about=(kakhovka,))
    elsewhere = own("b", "The dam at Dnipro was blown up by Russian troops", voice="body", at=100,
                    about=(Mention("Dnipro", "place", variants=("Dnipro",)),))  # other places: half as alike at most
    few_words = own("b", "Russian troops crossed the river at dawn near the town", voice="body", at=200)
    merge([extraction("a", claim, outlet="A"), extraction("b", restated, elsewhere, few_words, outlet="B")],
          encoder=encoder)
    assert restated.content.text in encoded
    assert elsewhere.content.text not in encoded and few_words.content.text not in encoded


def test_a_hedged_or_attributed_claim_everywhere_is_not_laundered():
    claim = attribution("a", "the dam at Nova Kakhovka was blown up by Russian troops", actor="Officials", kind="collective")
    hedged = own("b", "The dam at Nova Kakhovka was reportedly blown up by Russian troops", hedged=True)
    merged = merge([extraction("a", claim, outlet="A"), extraction("b", hedged, outlet="B")])
    assert len(set(merged.claim_of)) == 1 and not merged.claims[merged.claim_of[0]].laundered


@pytest.fixture(scope="module")
def story_claims(nlp):
    from kgbuild.extract import extract
    from kgbuild.merge.claims import word_vectors
    from kgbuild.merge.claims.encoder import load_encoder

    articles = [Article(id=k, text=t, content_hash=k, source=k, outlet=k.upper()) for k, t in STORY.items()]
    extractions = [replace(e, attributions=[a for a in e.attributions if a.voice is None]) for e in extract(articles, nlp)]
    merged = merge(extractions, word_vectors(nlp), encoder=load_encoder())
    return {a.article: key for a, key in zip(merged.attributions, merged.claim_of)}


@pytest.mark.slow
def test_paraphrases_are_one_claim_by_meaning(story_claims):
    assert story_claims["a"] == story_claims["b"]  # few words in common, one claim
    assert story_claims["d"] != story_claims["a"]


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="the encoder puts '46 drones were shot down' as close to the helicopter claim as "
                   "its paraphrase (cosine 0.42 against 0.40): docs/limitations.md")
def test_another_claim_of_the_same_story_stays_apart(story_claims):
    assert story_claims["c"] != story_claims["a"]


def test_one_topic_but_another_proposition_stays_apart_and_one_quotation_carried_twice_is_one_claim():
    from kgbuild.merge.claims.encoder import load_encoder

    fcc = attribution("a", "there were more than 32 million broadband connections in the United States last year",
                      actor="FCC", kind="organization")
    ofcom = attribution("b", "there were almost four million broadband users in the United Kingdom last year",
                        actor="Ofcom", kind="organization")
    quoted = "the path toward victory for our campaign is virtually impossible after tonight"
    merged = merge(
        [
            extraction("a", fcc, outlet="A"),
            extraction("b", ofcom, outlet="B"),
            extraction("c", attribution("c", quoted, actor="Bernie Sanders", at=300), outlet="C"),
            extraction("d", attribution("d", quoted, actor="Sanders", at=300), outlet="D"),
        ],
        encoder=load_encoder(),
    )
    assert merged.claim_of[0] != merged.claim_of[1]  # other numbers, other places
    assert merged.claim_of[2] == merged.claim_of[3]


def test_two_headlines_given_alone_are_laundered_when_one_outlet_states_what_another_attributes():
    # the proposition model, trained on sentences below headlines, cannot judge two bare headlines
    # (it puts this pair below its cut-off): being alike in one claim is their proof, as in the clustering
    from kgbuild.merge.claims.encoder import load_encoder

    stated = own("a", "Missing Afghan soldiers found at Canadian border")
    attributed = attribution("b", "Three missing Afghan soldiers located at the Canadian border", actor="Sources",
                             kind="collective", headline=True)
    elsewhere = own("c", "The wheat harvest in Kansas will be the largest in a decade")
    merged = merge([extraction("a", stated, outlet="A"), extraction("b", attributed, outlet="B"),
                    extraction("c", elsewhere, outlet="C")], encoder=load_encoder())
    assert merged.claim_of[0] == merged.claim_of[1] != merged.claim_of[2]
    assert merged.claims[merged.claim_of[0]].laundered
    assert not merged.claims[merged.claim_of[2]].laundered


@pytest.mark.parametrize("stated", [
    "Missing Afghan soldiers could be found at Canadian border",  # a possibility
    "Missing Afghan soldiers probably found at Canadian border",  # a likelihood
    "Sources claim missing Afghan soldiers found at Canadian border",  # someone's claim, reported
    "I found the missing Afghan soldiers at the Canadian border",  # someone's words in the first person
    "Missing Afghan soldiers found at Canadian border?",
])
def test_an_own_wording_that_does_not_state_its_claim_as_fact_launders_nothing(stated):
    from kgbuild.merge.claims.encoder import load_encoder

    attributed = attribution("b", "Three missing Afghan soldiers located at the Canadian border", actor="Sources",
                             kind="collective", headline=True)
    merged = merge([extraction("a", own("a", stated), outlet="A"), extraction("b", attributed, outlet="B")],
                   encoder=load_encoder())
    assert merged.claim_of[0] == merged.claim_of[1] and not merged.claims[merged.claim_of[0]].laundered


@pytest.mark.parametrize("reported, laundered", [
    ("Stainless Steel Apple Watch Will Cost 500, Gold 4,000", False),  # each holds a price the other lacks
    ("Stainless Steel Apple Watch Will Cost 500, Gold 5,000", True),
])
def test_two_headlines_whose_numbers_conflict_launder_nothing(reported, laundered):
    from kgbuild.merge.claims.encoder import load_encoder

    stated = own("a", "Stainless steel Apple Watch will be priced 500, gold at 5,000")
    rumoured = own("b", reported, hedged=True)
    merged = merge([extraction("a", stated, outlet="A"), extraction("b", rumoured, outlet="B")], encoder=load_encoder())
    assert merged.claim_of[0] == merged.claim_of[1]
    assert merged.claims[merged.claim_of[0]].laundered is laundered
