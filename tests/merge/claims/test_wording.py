"""A claim's wording as shown: a whole clause, without framing or the reporter's remark."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kgbuild.merge.claims.wording import canonical_text, reports_claim
from kgbuild.records import Span
from tests.builders import attribution


def test_canonical_text_drops_that_and_quote_marks():
    assert canonical_text(attribution("a", '"that the helicopter was hit"')) == "The helicopter was hit"


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


@pytest.mark.parametrize(
    ("wording", "reports"),
    [
        ("claims that he knew accountants were doctoring the books", True),
        ("allegations he pressured the finance chief", True),
        ("reports it was withdrawing completely from Iraq", True),
        ("newspaper speculation that his own father entered Britain illegally", True),
        ("Conservative claims that he had fiddled the figures", True),
        ("the idea that the Tories and the BNP appeal to the same voters", False),  # a notion, not a claim made
        ("charges of fraud and conspiracy", False),  # what is charged, not a proposition
        ("reports of a split", False),
        ("the allegations", False),  # refers back: ``anaphora_target``
    ],
)
def test_a_denial_reports_the_claim_it_rejects_only_when_its_framing_says_it_was_made(wording, reports):
    denial = attribution("a", wording, "denies", "Bernie Ebbers")
    assert reports_claim(denial) is reports
    assert not reports_claim(replace(denial, stance="asserts"))


def test_a_denial_of_a_clause_reports_its_claim_as_deny_presupposes_one_made():
    denied = replace(attribution("a", "that it is behind the purchase", "denies", "Gazprom", kind="organization"),
                     cue=Span("denied", 0, 6), form="clause")
    assert reports_claim(denied)
    assert not reports_claim(replace(denied, cue=Span("rejected", 0, 8)))  # a plan, an idea: nothing claimed
    assert not reports_claim(replace(denied, form="object"))  # "denied wrongdoing"
    assert not reports_claim(replace(denied, direct=True))  # its own words, not what it denies


def test_a_claim_s_wording_stops_where_the_report_goes_on():
    denied = replace(attribution("a", "his economic forecasts were too optimistic - but refused to rule out tax rises",
                                 "denies", "Gordon Brown"), cue=Span("denied", 0, 6))
    assert canonical_text(denied) == "His economic forecasts were too optimistic"


def test_only_a_person_speaker_is_the_he_or_she_of_the_claim_it_denies():
    team = replace(attribution("a", "that she would be accepting new speeches", "denies", "Fiorina's team", kind="collective"),
                   cue=Span("denied", 0, 6))
    assert canonical_text(team) == "She would be accepting new speeches"
    assert canonical_text(replace(team, actor=replace(team.actor, name="Carly Fiorina", kind="person"))) == (
        "Carly Fiorina would be accepting new speeches")
    assert not reports_claim(replace(team, anaphoric=True))  # "denied the charges, saying she ...": her answer
