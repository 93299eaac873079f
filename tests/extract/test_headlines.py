"""Headline conventions: the speaker before a colon, the source after the statement, and what hedges."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from tests.builders import article

pytestmark = pytest.mark.slow


@pytest.fixture
def headline_of(nlp):
    """A headline given as a one-line article -> its one statement: the outlet's or a source's."""

    def run(text: str):
        (found,) = [a for a in next(extract([article("h", text)], nlp)).attributions if a.headline]
        return found

    return run


@pytest.mark.parametrize(
    ("headline", "source", "said"),
    [
        ("Senator: Detainees swapped for Bergdahl have contacted militants", "Senator",
         "Detainees swapped for Bergdahl have contacted militants"),
        ("Graham: Trump's rhetoric is destroying the party's chance\n\nLindsey Graham said on Sunday that Donald Trump "
         "had hurt the party.", "Graham", "Trump's rhetoric is destroying the party's chance"),
        ("Team 5 source: Missing Afghan soldiers found at Canadian border", "Team 5 source",
         "Missing Afghan soldiers found at Canadian border"),
        ("Wife, child of Islamic State head Abu Bakr al-Baghdadi held in Lebanon, officials say", "officials",
         "Wife, child of Islamic State head Abu Bakr al-Baghdadi held in Lebanon"),
        ("Texas boy, 9, suspended for threatening to use Hobbit magic, dad says", "dad",
         "Texas boy, 9, suspended for threatening to use Hobbit magic"),
        ("House prices rebound says Halifax", "Halifax", "House prices rebound"),  # British style: no comma, verb first
        ("More reforms ahead says Milburn", "Milburn", "More reforms ahead"),
        # in title case a verb of saying before a subject pronoun, which the parse takes for a name
        ("ISIS Claims It Kidnapped Gill Rosenberg", "ISIS", "It Kidnapped Gill Rosenberg"),
        ("This College Student Claims She Was The Teletubbies Sun Baby", "This College Student",
         "She Was The Teletubbies Sun Baby"),
        ("Meet The College Student Who Claims She Was The Teletubbies Sun Baby", "The College Student",
         "She Was The Teletubbies Sun Baby"),
    ],
)
def test_a_headline_names_its_speaker_by_convention(headline_of, headline, source, said):
    found = headline_of(headline)
    assert found.voice is None and found.source.text == source and found.content.text == said
    assert found.actor is not None and found.evidence.text == headline.split("\n")[0]


@pytest.mark.parametrize(
    ("headline", "said"),
    [
        ("Rumor: Stainless Steel Apple Watch Will Cost 500, Gold 4,000", "Stainless Steel Apple Watch Will Cost 500, Gold 4,000"),
        ("Fence-jumper ran through much of main floor of White House: report",
         "Fence-jumper ran through much of main floor of White House"),
        ("Trump: Clinton should have congratulated me", "Clinton should have congratulated me"),  # no Trump named
        ("Tropical spider burrowed under man's skin through scar - video report", "Tropical spider burrowed under man's skin through scar"),
    ],
)
def test_a_headline_that_relays_a_report_or_rumour_is_the_outlets_hedged_statement(headline_of, headline, said):
    found = headline_of(headline)
    assert found.voice == "headline" and found.hedged and found.content.text == said
    assert found.evidence.text == headline  # what hedges it is in the evidence a reader sees


@pytest.mark.parametrize(
    "headline",
    [
        "Labour pig poster 'anti-Semitic'",
        "Rapper believed to be Foley's killer",
        "Abdel-Majed Abdel Bary suspected in James Foley killing",
        "Argentina's president said to have adopted a godson",
        "Weatherman appeared to relieve himself on live TV",
        "Messages seem to show overlapping interests with State Department",
        "Iraqi social-media rumors claim IS leader slain",
        "Court orders probe into complaints of forced castration in religious sect",  # someone's claim, reported
        "Police open case against sect chief after claims 400 followers were castrated",
        "Boston.com pulls story accusing professor of sending racist emails",  # the story's claim
        "Conservative groups hold rally claiming the election was stolen",
        "Confusion Surrounds Capture Of ISIS Leader's Wife",  # the outlet says it is unsettled
        "Questions remain over the sale of iron ore stockpiles",
        "There's A Weird Story Going Around About How Argentina's President Saved A Jewish Man",  # hearsay passed on
    ],
)
def test_hedging_words_and_quotation_marks_hedge_a_headline(headline_of, headline):
    found = headline_of(headline)
    assert found.voice == "headline" and found.hedged


@pytest.mark.parametrize(
    "headline",
    [
        "Plastic cards first appeared in the UK in 1966",  # a showing up
        "Banker loses sexism claim",  # a lawsuit, no content claimed
        "Henson stakes early Lions claim",
        "Kasich wins Ohio primary claiming the nomination at last",  # a thing claimed, not a content
        "Priest dies for 48 minutes, wakes up claiming God is a woman",  # the speaker himself, no report
    ],
)
def test_words_near_a_hedge_that_do_not_hedge(headline_of, headline):
    found = headline_of(headline)
    assert found.voice == "headline" and not found.hedged


@pytest.mark.parametrize(
    ("headline", "hedged"),
    [
        ("Vigilantes cut off alleged rapist's penis", False),  # the law's caution about the man, not about the deed
        ("Police arrest suspected gunman after shooting", False),
        ("Lynch Mob Castrates Alleged Rapist In Rajasthan", False),  # title case: "Castrates" parsed as a name
        ("Alleged plot to kill Pope foiled", True),  # what the headline is about is alleged
        ("Abdel-Majed Abdel Bary suspected in James Foley killing", True),
        # "suspect" naming whom the news is about, or saying what someone is suspected of
        ("Suspect arrested in death of elephant in Kerala", False),
        ("Soldier Killed, Suspect Dead In Shooting Near Parliament", False),
        ("British rapper a suspect in ISIS beheading", True),
        ("Abdel Majed Abdel Bary emerges as suspect in Foley beheading", True),
    ],
)
def test_alleged_or_suspect_naming_whom_the_news_is_about_does_not_hedge(headline_of, headline, hedged):
    found = headline_of(headline)
    assert found.voice == "headline" and found.hedged == hedged


@pytest.mark.parametrize(
    "headline",
    [
        "The Latest: Sanders wins Minnesota Democratic caucuses",  # a label, not a speaker
        "India: 400 men cut off their testicles to get closer to God",  # a dateline
        "Bill is back: Hillary's husband campaigns in New Hampshire",  # a clause before the colon
        "Apple Watch pricing: the steel model starts at 500",  # a topic
        "Another iOS 8 bug could delete your iCloud Drive files",  # "could": as often fact as not
    ],
)
def test_a_label_topic_or_dateline_before_a_colon_leaves_the_headline_the_outlets_own(headline_of, headline):
    found = headline_of(headline)
    assert found.voice == "headline" and found.source is None and not found.hedged


@pytest.mark.parametrize(
    "headline",
    [
        "Ben Carson Defends Himself Against Claims He Exaggerated His Life Story",  # "Claims" a noun after "Against"
        "What Happens When It Rains In Texas",  # no verb of saying
    ],
)
def test_a_capitalised_word_before_a_pronoun_is_no_cue_unless_a_speaker_says_it(headline_of, headline):
    assert headline_of(headline).voice == "headline"


def test_a_forecast_is_the_forecasters_not_the_outlets(nlp):
    found = next(extract([article("h", "BMO forecasts 19M Apple Watch sales in 2015, with more than half selling in "
                                       "holiday season")], nlp)).attributions
    forecast = [a for a in found if a.voice is None]
    assert [(a.cue.text, a.actor.name, a.content.text) for a in forecast] == [
        ("forecasts", "BMO", "19M Apple Watch sales in 2015")]
