"""Rejections: what a denial, a refutation or a negated statement rejects, and what it never does."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kgbuild.merge import merge
from kgbuild.records import Mention, Span
from tests.builders import attribution, extraction, own


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
    from kgbuild.merge.claims import rejection
    from kgbuild.merge.claims.rejection import MAX_REJECTED

    # a list of four claims matches each a little: let that count, to see the cap
    monkeypatch.setattr(rejection, "REJECT_THRESHOLD", 0.2)
    wordings = ["a drone struck Kursk airport", "Moscow refinery burned overnight", "Bryansk bridge closed today",
                "Belgorod trains stopped running"]
    claims = [attribution(str(n), text, actor=f"Officer {n}") for n, text in enumerate(wordings)]
    denial = attribution("z", "reports that a drone struck Kursk airport, a Moscow refinery burned overnight, the Bryansk "
                         "bridge closed today and Belgorod trains stopped running", "refutes", "the Center", "organization", headline=True)
    merged = merge([extraction(a.article, a, outlet=a.article) for a in claims] + [extraction("z", denial, outlet="Z")])
    assert len({merged.claim_of[i] for i in range(len(claims))}) == len(claims) > MAX_REJECTED
    assert len(merged.rejects[len(claims)]) == MAX_REJECTED


def test_a_rejection_that_resembles_many_claims_about_as_much_rejects_none(monkeypatch):
    from kgbuild.merge.claims import clustering

    # six claims about one subject, kept apart: a denial that resembles them all alike answers none
    monkeypatch.setattr(clustering, "ASSERT_THRESHOLD", 0.99)
    plans = ["Dubai", "the tour", "his coach", "Nike", "Basel", "the Swiss team"]
    claims = [attribution(str(n), f"Federer will leave {plan} next year", actor=f"Reporter {n}") for n, plan in enumerate(plans)]
    denial = attribution("z", "reports that Federer will leave next year", "denies", "Roger Federer", headline=True)
    merged = merge([extraction(a.article, a, outlet=a.article) for a in claims] + [extraction("z", denial, outlet="Z")])
    assert not merged.rejects


def test_a_rejection_that_names_what_only_one_claim_holds_stands_out_by_it():
    from kgbuild.merge.claims.pairs import named_only_by
    from kgbuild.merge.claims.words import Wordings

    # "Internet report of Ebola outbreak in Purdon not true": the corpus's other debunked rumours
    # share its framing and score about as high, but only the Purdon rumour names Purdon
    texts = ["Internet report of Ebola outbreak in Purdon not true", "Purdon, Texas was quarantined over Ebola",
             "Ebola patient flown to Dallas", "an internet report said the outbreak was over"]
    assert {"purdon", "ebola", "dallas", "texas"} <= Wordings(texts).names and "internet" not in Wordings(texts).names
    shared = {0: {"ebola", "purdon"}, 1: {"ebola"}, 2: set()}  # the names the denial shares with each claim
    assert named_only_by(shared, [(0, 0.5), (1, 0.45), (2, 0.4)], 0.35)
    assert not named_only_by(shared, [(1, 0.5), (0, 0.45), (2, 0.4)], 0.35)  # all it names, another claim names too
    assert not named_only_by({0: {"federer"}, 1: {"federer"}}, [(0, 0.5), (1, 0.45)], 0.35)
    assert named_only_by({0: {"purdon"}}, [(0, 0.5)], 0.35)  # nothing else compared at all


def test_a_claim_too_far_to_be_answered_is_no_rival_for_a_name():
    from kgbuild.merge.claims.pairs import named_only_by

    # "Judd Nelson rebuffs internet rumours that he died of a drug overdose", in a corpus where
    # a story about Nelson Mandela scores far below what a denial may answer
    shared = {0: {"nelson"}, 1: set(), 2: {"nelson"}}
    assert named_only_by(shared, [(0, 0.52), (1, 0.38), (2, 0.15)], 0.35)
    assert not named_only_by(shared, [(0, 0.52), (2, 0.4), (1, 0.38)], 0.35)  # another Nelson it may answer


def test_a_rejected_claim_must_stand_out_from_its_rivals():
    from kgbuild.merge.claims.pairs import stands_out
    from kgbuild.merge.claims.rejection import REJECT_STANDING

    assert stands_out([0.6, 0.55, 0.2, 0.2, 0.1, 0.1], REJECT_STANDING)  # the second may be the same claim
    assert not stands_out([0.6, 0.55, 0.5, 0.5, 0.45, 0.45], REJECT_STANDING)
    assert stands_out([0.4], REJECT_STANDING)  # nothing else is alike at all


def test_a_quotation_is_not_denied_by_its_own_speaker():
    said = replace(attribution("a", "You make deals over jobs like this with the unions first", actor="Tony Blair"), direct=True)
    again = replace(attribution("b", "I said then you make deals over jobs like this with the unions first", "denies", "Mr Blair",
                                headline=True), direct=True)
    merged = merge([extraction("a", said, outlet="A"), extraction("b", again, outlet="B")])
    assert not merged.rejects


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


def test_a_rejection_rejects_the_claim_it_answers_not_another_in_the_same_words():
    from kgbuild.merge.claims.encoder import load_encoder

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


def test_a_negated_statement_denies_the_claim_it_contradicts():
    claim = own("a", "Wife and child of ISIS leader al-Baghdadi detained in Lebanon")
    negation = own("b", "Woman detained in Lebanon is not the wife of ISIS leader al-Baghdadi", negated=True)
    lone = own("c", "The price of gold did not change in Zurich this week", negated=True)
    merged = merge([extraction("a", claim, outlet="A"), extraction("b", negation, outlet="B"), extraction("c", lone, outlet="C")])
    assert merged.attributions[1].stance == "denies" and merged.extracted[1].stance == "asserts"
    assert merged.rejects[1][0][0] == merged.claim_of[0] and merged.claims[merged.claim_of[0]].contested
    assert merged.attributions[2].stance == "asserts" and 2 not in merged.rejects  # contradicts nothing here


def test_a_negated_confirmation_denies_the_claim_it_contradicts_as_a_negated_statement_does():
    claim = own("a", "Canadian-Israeli woman Gill Rosenberg captured by ISIS in Kobani")
    confirmed = attribution("b", "Gill Rosenberg not captured by ISIS in Kobani", stance="confirms", actor="YPG",
                            kind="organization", negated=True, headline=True)
    merged = merge([extraction("a", claim, outlet="A"), extraction("b", confirmed, outlet="B")])
    assert merged.rejects[1][0][0] == merged.claim_of[0]
    assert merged.attributions[1].stance == "denies" and merged.extracted[1].stance == "confirms"


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


def test_a_refutation_over_a_body_that_shares_one_topic_word_with_a_claim_rejects_nothing():
    from kgbuild.merge.claims.encoder import load_encoder

    claim = attribution("a", "there was overcapacity, such as steel and cement", actor="the government", kind="collective")
    body = own("b", "The Chinese delegation spoke in Beijing on Monday about trade with the United States", voice="body",
               at=200)

    def rejections(refutation: str):
        merged = merge([extraction("a", claim, outlet="A"), extraction("b", own("b", refutation, stance="refutes"), body,
                                                                         outlet="B")], encoder=load_encoder())
        return [merged.attributions[n].stance for n in merged.rejects]

    assert rejections("American criticism on overcapacity") == []  # alike by meaning, but one topic word: no claim named
    assert rejections("claims of overcapacity in steel and cement") == ["refutes"]


def test_a_negation_rejects_a_claim_of_another_article_only_and_never_one_that_is_negated_too():
    from kgbuild.merge.claims.encoder import load_encoder

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
    from kgbuild.merge.claims.rejection import NEGATED_WORDING

    assert bool(NEGATED_WORDING.search(wording)) == negated


def test_confirming_the_claim_with_a_negated_reason_rejects_nothing():
    report = attribution("a", "Trump downplayed the virus in February to avoid public panic", actor="Bob Woodward")
    confirmation = attribution("a", "it was not in the national interest to stir up panic about the virus", "confirms",
                               "Donald Trump", at=80, anaphoric=True, negated=True)
    merged = merge([extraction("a", report, confirmation)])
    assert not merged.rejects and not any(c.contested for c in merged.claims.values())
    assert merge([extraction("a", report, replace(confirmation, stance="denies"))]).rejects


def test_a_denial_that_reports_the_claim_contests_it():
    """"Ebbers denied claims that he knew ...": the claim was made, whoever made it; it is contested
    and shows what was claimed, its speaker named. "The idea that ..." reports no claim."""
    lead = own("a", "Bernie Ebbers takes the stand at his fraud trial", voice="lead")
    denial = attribution("a", "claims that he knew accountants were doctoring the books at the firm", "denies",
                         "Bernie Ebbers", at=200, form="object")
    merged = merge([extraction("a", lead, denial)])
    claim = merged.claims[merged.claim_of[1]]
    assert claim.contested and merged.rejects[1] == [(merged.claim_of[1], 1.0)]
    assert claim.text == "Bernie Ebbers knew accountants were doctoring the books at the firm"
    assert merged.claim_links[1].rule == "rejects the claim it reports"
    idea = replace(denial, content=replace(denial.content, text="the idea that the Tories and the BNP appeal to the same voters"))
    merged = merge([extraction("a", lead, idea)])
    assert not merged.rejects and not any(c.contested for c in merged.claims.values())


def test_a_headline_given_alone_that_reports_a_claim_is_left_to_likeness():
    alone = attribution("a", "reports that he is dead", "denies", "Judd Nelson", headline=True)
    assert not merge([extraction("a", alone)]).rejects


def test_a_denial_too_short_to_state_a_claim_reports_none():
    lead = own("a", "Tony Blair faces questions over his chancellor", voice="lead")
    short = replace(attribution("a", "that quote", "denies", "Tony Blair", at=200), cue=Span("denied", 190, 196))
    assert not merge([extraction("a", lead, short)]).rejects
