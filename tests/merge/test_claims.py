from __future__ import annotations

from dataclasses import replace

import pytest

from kgbuild.merge import merge
from kgbuild.merge.claims import average_link, canonical_text, content_words
from kgbuild.records import Article, Attribution, Extraction, Mention, Span


def attribution(article, text, stance="asserts", actor="Yury Dashkin", kind="person", at=0, **extra):
    body = Span(text, at + 10, at + 10 + len(text))
    return Attribution(
        article=article,
        cue=Span("said", at, at + 4),
        content=body,
        source=Span(actor, at, at + len(actor)),
        actor=Mention(actor, kind, variants=(actor,)),
        stance=stance,
        direct=False,
        quote=None,
        via=None,
        date=None,
        evidence=Span(text, at, at + 10 + len(text)),
        **extra,
    )


def extraction(article_id, *attributions, outlet=None):
    article = Article(id=article_id, text="x" * 1000, content_hash=article_id, source=article_id, outlet=outlet)
    return Extraction(article, list(attributions))


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


def test_denying_the_allegations_points_at_the_claim_just_before():
    accusation = attribution("a", "Ukraine of a terrorist assassination attempt", actor="Russia", kind="organization")
    denial = attribution("a", "We didn't attack Putin.", "denies", "Volodymyr Zelensky", at=60, anaphoric=True)
    merged = merge([extraction("a", accusation, denial)])
    assert merged.claim_of[0] == merged.claim_of[1]
    assert merged.claims[merged.claim_of[0]].contested
    assert merged.claim_links[1].rule == "rejects the claim it refers back to"


def test_denying_the_charges_points_at_what_was_said_about_the_denier():
    accusation = attribution("a", "Mr Ailes carried on an abusive relationship with her", actor="Gretchen Carlson")
    remark = attribution("a", "the network had no further comment on the settlement", actor="Fox News",
                         kind="organization", at=100)
    denial = attribution("a", "the charges", "denies", "Roger Ailes", at=220, anaphoric=True)
    merged = merge([extraction("a", accusation, remark, denial)])
    assert merged.claim_of[2] == merged.claim_of[0] != merged.claim_of[1]


def test_a_denial_below_the_headline_rejects_only_what_its_own_article_reports():
    crash = attribution("a", "Kostas Kenteris was involved in a road crash before the Olympics", actor="police", kind="collective")
    denial = attribution("b", "that Kostas Kenteris was involved in a road crash before the Olympics", "denies", "his lawyer",
                         at=300)
    merged = merge([extraction("a", crash, outlet="A"), extraction("b", denial, outlet="B")])
    assert not merged.rejects
    merged = merge([extraction("a", crash, outlet="A"), extraction("b", replace(denial, headline=True), outlet="B")])
    assert merged.rejects  # the same denial as the article's headline


def test_denying_the_reports_points_far_back_only_at_a_statement_about_the_denier():
    deal = attribution("a", "the deal brings together the professional cloud and the professional network",
                       actor="Satya Nadella")
    denial = attribution("a", "the reports", "denies", "News Corporation", "organization", at=400, anaphoric=True)
    assert not merge([extraction("a", deal, denial)]).rejects
    about = attribution("a", "News Corporation made a bid for the professional network", actor="analysts", kind="collective")
    assert merge([extraction("a", about, denial)]).rejects


def test_unrelated_claims_stay_apart():
    merged = merge(
        [extraction("a", attribution("a", "The bridge will reopen on Monday"), attribution("a", "Taxes rose by two percent", at=100))]
    )
    assert len(merged.claims) == 2


def test_average_link_needs_the_whole_cluster_to_be_close():
    pairs = {(0, 1): 0.9, (1, 2): 0.9}  # 0 and 2 are unrelated: chaining is refused
    assert average_link([0, 1, 2], pairs, 0.6) in ([[0, 1], [2]], [[0], [1, 2]])


def test_content_words_fold_british_spellings():
    assert content_words("The epicentre of the defence") == content_words("the epicenter of the defense")


def test_canonical_text_drops_that_and_quote_marks():
    assert canonical_text(attribution("a", '"that the helicopter was hit"')) == "The helicopter was hit"


def test_two_clusters_with_the_same_wording_are_one_claim_with_every_outlet():
    # "The attack" is too short to cluster by similarity, so each is its own cluster; their
    # canonical wording, and so their key, is the same: the claim must keep both outlets.
    merged = merge(
        [
            extraction("a", attribution("a", "the attack", actor="Zelensky"), outlet="A"),
            extraction("b", attribution("b", "the attack", actor="Biden"), outlet="B"),
        ]
    )
    (claim,) = merged.claims.values()
    assert claim.outlets == ("A", "B") and merged.claim_of[0] == merged.claim_of[1]


def test_concepts_are_stems_and_a_shared_vector_is_a_match_not_a_concept():
    import numpy as np

    from kgbuild.merge.claims import Wordings

    shared = np.ones(4)
    vectors = {"aircraft": shared, "helicopter": shared, "crashed": np.array([1.0, 0, 0, 0])}
    wordings = Wordings(["the aircraft crashed", "the helicopter crashed", "helicopters crash"], vectors.get)
    assert wordings.concepts[1] == wordings.concepts[2]  # helicopter(s) and crash(ed) share stems
    assert wordings.concepts[0] != wordings.concepts[1]  # a shared vector does not make one concept
    assert wordings.covered(np.array([0]), np.array([1]))[0] == 1.0  # but it matches with cosine 1


def test_a_rejection_must_share_a_word_with_the_claim_it_rejects():
    import numpy as np

    def everything_alike(word):  # every word has the same vector
        return np.ones(4)

    claim = attribution("a", "I am sure we will want him to stay on", actor="Danny Fiszman")
    denial = attribution("b", "that Fields was telling the truth", "denies", "Corey Lewandowski", headline=True)
    merged = merge([extraction("a", claim, outlet="A"), extraction("b", denial, outlet="B")], everything_alike)
    assert merged.claim_of[0] != merged.claim_of[1] and not merged.rejects
    assert not any(c.contested for c in merged.claims.values())


def test_a_rejection_rejects_at_most_a_few_claims(monkeypatch):
    from kgbuild.merge import claims
    from kgbuild.merge.claims import MAX_REJECTED

    # a list of four claims matches each a little: let that count, to see the cap
    monkeypatch.setattr(claims, "REJECT_THRESHOLD", 0.2)
    wordings = ["a drone struck Kursk airport", "Moscow refinery burned overnight", "Bryansk bridge closed today",
                "Belgorod trains stopped running"]
    claims = [attribution(str(n), text, actor=f"Officer {n}") for n, text in enumerate(wordings)]
    denial = attribution("z", "reports that a drone struck Kursk airport, a Moscow refinery burned overnight, the Bryansk "
                         "bridge closed today and Belgorod trains stopped running", "refutes", "the Center", "organization", headline=True)
    merged = merge([extraction(a.article, a, outlet=a.article) for a in claims] + [extraction("z", denial, outlet="Z")])
    assert len({merged.claim_of[i] for i in range(len(claims))}) == len(claims) > MAX_REJECTED
    assert len(merged.rejects[len(claims)]) == MAX_REJECTED


def test_a_rejection_that_resembles_many_claims_about_as_much_rejects_none(monkeypatch):
    from kgbuild.merge import claims as claims_module

    # six claims about one subject, kept apart: a denial that resembles them all alike answers none
    monkeypatch.setattr(claims_module, "ASSERT_THRESHOLD", 0.99)
    plans = ["Dubai", "the tour", "his coach", "Nike", "Basel", "the Swiss team"]
    claims = [attribution(str(n), f"Federer will leave {plan} next year", actor=f"Reporter {n}") for n, plan in enumerate(plans)]
    denial = attribution("z", "reports that Federer will leave next year", "denies", "Roger Federer", headline=True)
    merged = merge([extraction(a.article, a, outlet=a.article) for a in claims] + [extraction("z", denial, outlet="Z")])
    assert not merged.rejects


def test_a_rejected_claim_must_stand_out_from_its_rivals():
    from kgbuild.merge.claims import REJECT_STANDING, stands_out

    assert stands_out([0.6, 0.55, 0.2, 0.2, 0.1, 0.1], REJECT_STANDING)  # the second may be the same claim
    assert not stands_out([0.6, 0.55, 0.5, 0.5, 0.45, 0.45], REJECT_STANDING)
    assert stands_out([0.4], REJECT_STANDING)  # nothing else is alike at all


def test_a_quotation_is_not_denied_by_its_own_speaker():
    said = replace(attribution("a", "You make deals over jobs like this with the unions first", actor="Tony Blair"), direct=True)
    again = replace(attribution("b", "I said then you make deals over jobs like this with the unions first", "denies", "Mr Blair",
                                headline=True), direct=True)
    merged = merge([extraction("a", said, outlet="A"), extraction("b", again, outlet="B")])
    assert not merged.rejects


def test_a_claim_is_worded_by_what_asserts_it_not_by_the_negation_that_denies_it():
    claim = attribution("a", "Donald Trump is a racist and a bigot", actor="Ana Navarro")
    negation = attribution("b", "Donald Trump is not a racist", actor="Sean Hannity", negated=True, headline=True)
    merged = merge([extraction("b", negation, outlet="B"), extraction("a", claim, outlet="A")])  # the negation first
    assert merged.rejects and merged.attributions[0].stance == "denies"
    assert merged.claims[merged.claim_of[1]].text.startswith("Donald Trump is a racist")


def test_a_denial_about_its_speaker_is_compared_with_the_speaker_named():
    from kgbuild.merge.claims import compared_wording

    denial = attribution("b", "that he's dead after a fake story went viral", "denies", "Judd Nelson", headline=True)
    assert compared_wording(denial).startswith("Judd Nelson's dead")
    rumour = attribution("a", "Judd Nelson is dead", actor="TMZ", kind="organization")
    other = attribution("c", "ISIS leader dead after an airstrike, a fake story went viral", actor="Iraqi TV", kind="organization")
    merged = merge([extraction("a", rumour, outlet="A"), extraction("b", denial, outlet="B"), extraction("c", other, outlet="C")])
    assert [claim for claim, _ in merged.rejects[1]] == [merged.claim_of[0]]


def test_a_denial_that_meets_a_denial_agrees_with_it():
    reported = attribution("a", "the pair strenuously denied the charges of fraud and tax evasion", actor="Reuters",
                           kind="organization")
    denial = attribution("b", "the charges of fraud and tax evasion", "denies", "Platon Lebedev", headline=True)
    merged = merge([extraction("a", reported, outlet="A"), extraction("b", denial, outlet="B")])
    assert not merged.rejects


def test_a_claim_is_worded_by_a_member_that_names_its_subject():
    merged = merge(
        [
            extraction("a", attribution("a", "He was at the epicenter of the drone attack on the city"), outlet="A"),
            extraction("b", attribution("b", "Putin was at the epicenter of the drone attack on the city"), outlet="B"),
        ]
    )
    assert len(merged.claims) == 1
    assert next(iter(merged.claims.values())).text == "Putin was at the epicenter of the drone attack on the city"


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
                    extraction("c", org("c", "Center for Strategic Communications")), extraction("d", org("d", "CSC"))])
    assert sorted(merged.actors) == ["organization/center-for-strategic-communications", "organization/time-warner"]
    reasons = {r[2] for actor in merged.actors.values() for r in actor.reasons}
    assert reasons == {"same normalized name", "acronym"}


def test_a_rejection_rejects_the_claim_it_answers_not_another_in_the_same_words():
    from kgbuild.merge.encoder import load_encoder

    kursk, moscow = Mention("Kursk", "place", variants=("Kursk",)), Mention("Moscow", "place", variants=("Moscow",))

    merged = merge(
        [
            extraction("a", attribution("a", "a drone struck the airport in Kursk on Monday", about=(kursk,)), outlet="A"),
            extraction("b", attribution("b", "a drone struck the ministry building in Moscow during the victory parade",
                                        actor="Moscow residents", kind="collective", about=(moscow,)), outlet="B"),
            extraction("c", attribution("c", "reports that a drone struck the ministry building in Moscow during the "
                                             "parade", "denies", "the Kremlin", "organization", about=(moscow,), headline=True), outlet="C"),
        ],
        encoder=load_encoder(),
    )
    assert [key for key, _ in merged.rejects[2]] == [merged.claim_of[1]]
    assert merged.claims[merged.claim_of[1]].contested and not merged.claims[merged.claim_of[0]].contested


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


def own(article, text, voice="headline", stance="asserts", **extra):
    """What an outlet states itself: no cue, no source, no actor."""
    return replace(attribution(article, text, stance, **extra), cue=None, source=None, actor=None, voice=voice,
                   headline=voice == "headline")


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


def test_a_negated_statement_denies_the_claim_it_contradicts():
    claim = own("a", "Wife and child of ISIS leader al-Baghdadi detained in Lebanon")
    negation = own("b", "Woman detained in Lebanon is not the wife of ISIS leader al-Baghdadi", negated=True)
    lone = own("c", "The price of gold did not change in Zurich this week", negated=True)
    merged = merge([extraction("a", claim, outlet="A"), extraction("b", negation, outlet="B"), extraction("c", lone, outlet="C")])
    assert merged.attributions[1].stance == "denies" and merged.extracted[1].stance == "asserts"
    assert merged.rejects[1][0][0] == merged.claim_of[0] and merged.claims[merged.claim_of[0]].contested
    assert merged.attributions[2].stance == "asserts" and 2 not in merged.rejects  # contradicts nothing here


def test_a_headline_denial_over_a_body_rejects_by_likeness_only_as_a_refutation():
    claim = attribution("a", "Michael Howard's party is split over identity cards", actor="Reporters", kind="collective")
    denial = own("b", "Howard denies his party is split over identity cards", stance="denies")
    refutation = own("b", "Fact check: Howard's party split over identity cards is fake", stance="refutes")
    body = own("b", "The Conservative leader spoke in Leeds on Monday about his plans for schools", voice="body", at=200)

    def rejections(*statements):
        merged = merge([extraction("a", claim, outlet="A"), extraction("b", *statements, outlet="B")])
        return [merged.attributions[n].stance for n in merged.rejects]

    assert rejections(denial) == ["denies"]  # a headline given alone names what it denies
    assert rejections(denial, body) == []  # over a body, the body's account of the denial points at it
    assert rejections(refutation, body) == ["refutes"]  # a refutation names the claim that went round


def test_one_speakers_rare_word_quoted_in_part_joins_two_claims():
    from kgbuild.merge.claims import ClaimSimilarity, joined_by_partial_quotes

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
    joined = joined_by_partial_quotes([[i] for i in range(len(said))], ClaimSimilarity(said))
    assert [0, 1] in joined and [2] in joined and [3] in joined and [4] in joined and [5] in joined


STORY = {
    "a": "Yury Dashkin said that Putin's helicopter was at the epicentre of the drone attack.",
    "b": "Yuriy Dashkin said that the president's aircraft was directly in the epicenter of the repelled strike.",
    "c": "Yury Dashkin said that 46 drones were shot down over the Kursk region during the operation.",
    "d": "Farmers said that the wheat harvest in Kansas will be the largest in a decade.",
}


@pytest.fixture(scope="module")
def story_claims(nlp):
    from kgbuild.extract import extract
    from kgbuild.merge.encoder import load_encoder
    from kgbuild.pipeline import word_vectors

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
                   "its paraphrase (cosine 0.42 against 0.40): README, 'Not done yet'")
def test_another_claim_of_the_same_story_stays_apart(story_claims):
    assert story_claims["c"] != story_claims["a"]


def test_a_claim_s_wording_is_a_whole_clause_without_the_reporter_s_remark():
    accused = replace(
        attribution("a", "Ukraine of a \u201cterrorist\u201d assassination attempt", actor="Russia", kind="organization"),
        form="object", source=Span("Russia", 0, 6), cue=Span("accused", 7, 14), content=Span("Ukraine of a \u201cterrorist\u201d assassination attempt", 15, 61),
        evidence=Span("Russia accused Ukraine of a \u201cterrorist\u201d assassination attempt.", 0, 62),
    )
    assert canonical_text(accused) == "Russia accused Ukraine of a \u201cterrorist\u201d assassination attempt"
    remark = attribution("b", "there were \"multiple attempts of drone attacks\" in the region \u2014 a description used to create an impression")
    assert canonical_text(remark) == 'There were "multiple attempts of drone attacks" in the region'
    evidence = attribution("c", "the Biden administration had attempted to assassinate Putin, although he provided no evidence")
    assert canonical_text(evidence) == "The Biden administration had attempted to assassinate Putin"
    assert canonical_text(attribution("f", "But the Common Core was rolled out badly")) == "The Common Core was rolled out badly"
    pledge = "Labour vowed to boost the state pension."
    vowed = replace(attribution("g", "to boost the state pension", actor="Labour", kind="organization"),
                    source=Span("Labour", 0, 6), cue=Span("vowed", 7, 12), content=Span("to boost the state pension", 13, 39),
                    evidence=Span(pledge, 0, len(pledge)))
    assert canonical_text(vowed) == "Labour vowed to boost the state pension"
    honest = 'Mr Brown said: "To be honest, I do not trust his judgement."'
    quoted = replace(attribution("h", "To be honest, I do not trust his judgement.", actor="Mr Brown"), direct=True,
                     quote="To be honest, I do not trust his judgement.", source=Span("Mr Brown", 0, 8),
                     cue=Span("said", 9, 13), content=Span('"To be honest, I do not trust his judgement."', 15, len(honest)),
                     evidence=Span(honest, 0, len(honest)))
    assert canonical_text(quoted) == "To be honest, I do not trust his judgement."
    aside = attribution("e", "BuzzFeed -- which is best known for hits like the watermelon video, though its news team "
                             "wins awards -- missed its financial targets last year")
    assert canonical_text(aside).endswith("-- missed its financial targets last year")
    assert canonical_text(attribution("d", "the attack as \u201cunprecedented")) == "The attack as \u201cunprecedented\u201d"


def test_a_negation_rejects_a_claim_of_another_article_only_and_never_one_that_is_negated_too():
    from kgbuild.merge.encoder import load_encoder

    claim = own("a", "Apple will sell nineteen million watches in its first year")
    same_article = own("b", "Apple will not sell nineteen million watches in its first year", negated=True, headline=True)
    also_negated = own("c", "Analysts do not expect Apple to sell nineteen million watches in its first year")
    agreeing = own("d", "Apple will not sell nineteen million watches in its first year, analysts say", negated=True, headline=True)
    merged = merge([extraction("a", claim, outlet="A"), extraction("c", also_negated, outlet="C"),
                    extraction("d", agreeing, outlet="D")], encoder=load_encoder())
    rejected = {key for targets in merged.rejects.values() for key, _ in targets}
    assert rejected == {merged.claim_of[0]}  # not C's claim, which is negated as well
    alone = merge([extraction("b", replace(claim, article="b"), same_article, outlet="B")], encoder=load_encoder())
    assert not alone.rejects  # within one article a negation is no denial of its headline


def test_an_outlet_s_denial_of_the_charges_compares_with_no_claim():
    charges = attribution("a", "Platon Lebedev is charged with fraud and tax evasion by the prosecutors", actor="prosecutors",
                          kind="collective")
    headline = own("b", "Khodorkovsky ally Platon Lebedev denies fraud and tax evasion charges", "headline", "denies")
    merged = merge([extraction("a", charges, outlet="A"), extraction("b", headline, outlet="B")])
    assert merged.rejects  # it names what it denies
    merged = merge([extraction("a", charges, outlet="A"), extraction("b", replace(headline, anaphoric=True), outlet="B")])
    assert not merged.rejects


@pytest.mark.parametrize(("wording", "negated"), [("voters have a fundamental lack of trust in the prime minister", True),
                                                  ("the plan lacks support", True), ("voters trust the prime minister", False)])
def test_a_wording_that_lacks_something_says_no_as_a_negation_does(wording, negated):
    from kgbuild.merge.claims import NEGATED_WORDING

    assert bool(NEGATED_WORDING.search(wording)) == negated


def test_confirming_the_claim_with_a_negated_reason_rejects_nothing():
    report = attribution("a", "Trump downplayed the virus in February to avoid public panic", actor="Bob Woodward")
    confirmation = attribution("a", "it was not in the national interest to stir up panic about the virus", "confirms",
                               "Donald Trump", at=80, anaphoric=True, negated=True)
    merged = merge([extraction("a", report, confirmation)])
    assert not merged.rejects and not any(c.contested for c in merged.claims.values())
    assert merge([extraction("a", report, replace(confirmation, stance="denies"))]).rejects


def test_a_lone_headline_joins_the_one_claim_of_the_other_headlines_sharing_its_rare_term():
    from kgbuild.merge.claims import Wordings, headlines_joined_by_rare_term

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
