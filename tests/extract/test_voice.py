"""The outlet's own voice: headlines, leads and body sentences no attribution covers."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def by_placement(found):
    return {a.voice: a for a in found}


def test_a_headline_and_its_lead_are_the_outlets_own_statements(own_voice_of):
    text = ("Vladimir Putin was reportedly the target of an assassination attempt\n\n"
            "A drone targeted his helicopter during a flight over Kursk. Officials said the drone was destroyed.")
    found = by_placement(own_voice_of(text))
    headline, lead = found["headline"], found["lead"]
    assert headline.content.text == "Vladimir Putin was reportedly the target of an assassination attempt"
    assert headline.stance == "asserts" and headline.hedged and headline.cue is None and headline.actor is None
    assert [m.name for m in headline.about] == ["Vladimir Putin"]  # what the outlet's statement is about
    assert lead.content.text == "A drone targeted his helicopter during a flight over Kursk."
    assert not lead.hedged and text[lead.content.start : lead.content.end] == lead.content.text
    assert "body" not in found  # "Officials said ..." is attributed to the officials


def test_a_question_headline_questions(own_voice_of):
    found = by_placement(own_voice_of("Ukraine vs. Russia: Did Kyiv Target Putin?\n\nThe story is unclear so far."))
    assert found["headline"].content.text == "Ukraine vs. Russia: Did Kyiv Target Putin?"
    assert found["headline"].stance == "questions" and not found["headline"].negated


@pytest.mark.parametrize(
    ("headline", "stance", "negated"),
    [
        ("No, the world's oldest tree has not been cut down by loggers", "denies", False),
        ("Viral video of a homeless man's good deeds was a hoax", "refutes", False),
        ("The story of the spider in a man's stomach, debunked", "refutes", False),
        ("Sorry: Argentina's president did not adopt a werewolf", "denies", False),
        ("Islamic State leader al-Baghdadi is not dead", "asserts", True),
        # a question whose answer would make the news a fabrication refutes it; one that only names a hoax asks
        ("Was the viral video of the homeless man all a hoax?", "refutes", False),
        ("Was The Video Of That Homeless Man All An Elaborate Hoax?", "refutes", False),
        ("Did Josh Paler Lin Stage His Viral Video About Helping the Homeless?", "refutes", False),
        ("Update: Did Boston.com Make Up This Story About the Professor?", "refutes", False),
        ("Has this Argentine woman fallen victim to a cruel online hoax?", "questions", True),
        ("Is the senator a fraud?", "questions", False),  # about a person, not the news item
        ("Did the police fake evidence in the case?", "questions", True),
        ("Is Crabzilla real or not? Marine biologist rules the picture must be a hoax", "refutes", False),  # answered
        # a question put to the reader, or by the writer, asks about them, not whether the news is true
        ("Apple Watch pricing: Will you spend 5000 for the gold edition?", "asserts", False),
        ("Meet the Teletubbies sun baby - can you still recognise her after 19 years?", "asserts", False),
        ("Taibbi leaves First Look. Can I publish our emails now, Matt?", "asserts", False),
        ("Have hackers recruited your PC?", "questions", False),
        # a question with a verb before the rest of the headline asks what the rest reports; a topic with a
        # question mark does not
        ("The rapper and the hacker. Is one of them Jihadi John? Three suspects emerge as MI5 zeroes in",
         "questions", False),
        ("Comfort eating? Chinese woman spends a week in KFC after being dumped", "asserts", False),
        ("Apple will sell 19 million watches in 2015", "asserts", False),
        ("Don't reset all settings in iOS 8 unless you want to lose your files", "asserts", False),  # an order
        ("You'll never guess how a homeless man spent 100 dollars", "asserts", False),  # clickbait
        ("Absent from duty for 25 years, official dismissed", "asserts", False),  # fired, not a denial
        ("Argentina's president adopts a boy so he won't turn into a werewolf", "asserts", False),  # subordinate
        ("Kurds deny Gill Rosenberg was in Kobane", "denies", False),
        ("Judd Nelson rebuffs rumors that he died of an overdose", "denies", False),
        # a rejecting verb whose object is a thing, not a claim: nothing said is denied
        ("Rovers reject third Ferguson bid", "asserts", False),
        ("Rapper Eminem has denied Elvis his fourth number one of the year", "asserts", False),
        ("A call for all-black shortlists has been rejected by a senior minister", "asserts", False),
        # negations that state no fact another outlet could have stated: what will happen, an intention, "no X"
        ("Tsunami will not divert aid from Africa", "asserts", False),
        ("FA decides not to punish Mourinho", "asserts", False),
        ("Faultless Federer has no equal", "asserts", False),
        ("No half measures with Half-Life 2", "asserts", False),
        ("Markets are never ready for the Fed", "asserts", False),
        ("Apple isn't happy with the battery life of its new smartwatch", "asserts", False),  # a judgement
        ("Catcalling is never funny", "asserts", False),
        # a coordinated second event is not the first one denied; "but not to" corrects the first
        ("Michael Phelps girlfriend was born male but did not tell swimmer about her past", "asserts", False),
        ("Argentine President Takes On Godson But Not To Keep Werewolf At Bay", "asserts", True),
        ("Weather Channel's Mike Seidel was not caught with his pants down", "asserts", True),
    ],
)
def test_a_headline_s_stance(own_voice_of, headline, stance, negated):
    found = by_placement(own_voice_of(headline))["headline"]
    assert (found.stance, found.negated) == (stance, negated)


def test_a_title_given_apart_from_the_text_is_read_with_offsets_into_the_title(own_voice_of):
    title = "Russian troops blew up the Kakhovka dam"
    found = own_voice_of("Floods reached the town by Tuesday morning, the mayor said.", title=title)
    headline = by_placement(found)["headline"]
    assert headline.in_title and headline.content.text == title == title[headline.content.start : headline.content.end]


def test_a_body_question_or_a_fragment_is_no_statement(own_voice_of):
    text = ("Floods reached the town of Nova Kakhovka by Tuesday.\n\nWhat happens next? Nobody knows.\n\n"
            "Residents were evacuated by bus to the regional centre.")
    bodies = [a.content.text for a in own_voice_of(text) if a.voice == "body"]
    assert bodies == ["Residents were evacuated by bus to the regional centre."]


def test_an_attributed_content_that_negates_its_claim_is_marked(attributions_of):
    (found,) = attributions_of("Iraq says the woman detained in Lebanon is not the wife of al-Baghdadi.")
    assert found.negated and found.stance == "asserts"
    (plain,) = attributions_of("Iraq says the woman detained in Lebanon is the wife of al-Baghdadi.")
    assert not plain.negated


def test_below_the_headline_what_will_not_happen_is_negated_too(attributions_of):
    text = "Trump visit ends in row\n\nPena Nieto said Mexico would not pay for a wall."
    (below,) = [a for a in attributions_of(text) if not a.headline and a.source is not None]
    assert below.negated  # not "Mexico will pay for the wall", which would join it in one claim
    (headline,) = [a for a in attributions_of("Mexico would not pay for a wall, Pena Nieto says") if a.headline]
    assert not headline.negated  # a headline's is no denial of another outlet's claim


@pytest.mark.parametrize(
    "headline",
    [
        "Nasa Confirms Six Days of Darkness in December: No, they don't - it's a hoax",
        "Nasa Confirms Six Days of Darkness in December: Fake news story goes viral",
    ],
)
def test_a_headline_s_framing_anywhere_on_its_line_negates_what_it_attributes(attributions_of, headline):
    (found,) = [a for a in attributions_of(headline) if a.headline]
    assert found.source.text == "Nasa" and found.stance == "confirms" and found.negated
    (plain,) = [a for a in attributions_of("Nasa Confirms Six Days of Darkness in December") if a.headline]
    assert not plain.negated


def test_a_dateline_is_no_headline(own_voice_of):
    found = by_placement(own_voice_of("Thursday, September 5, 2019\n\nFloods reached the town of Nova Kakhovka by Tuesday."))
    assert "headline" not in found and found["lead"].content.text == "Floods reached the town of Nova Kakhovka by Tuesday."


def test_a_title_longer_than_any_headline_is_not_parsed_and_the_article_lands(own_voice_of, attributions_of, nlp):
    from kgbuild.extract import extract_each
    from kgbuild.records import Article, Extraction

    text = "The mayor said the bridge would reopen on Monday."
    article = Article(id="t", text=text, content_hash="t", source="test", title="x " * 600_000)
    (outcome,) = extract_each([article], nlp)
    assert isinstance(outcome, Extraction) and not any(a.in_title for a in outcome.attributions)
    assert [a.cue.text for a in outcome.attributions if a.cue] == ["said"]


def test_only_what_the_headline_says_is_marked_as_said_in_the_headline(nlp):
    from kgbuild.extract import extract
    from kgbuild.records import Article

    def attributed(text, title=None):
        article = Article(id="t", text=text, content_hash=text, source="test", title=title)
        return {a.evidence.text: a.headline for a in next(extract([article], nlp)).attributions if a.voice is None}

    headline = "Iraq says the woman detained in Lebanon is not al-Baghdadi's wife"
    assert attributed(f"{headline}\n\nThe militia said she was safe in Syria on Monday.") == {
        headline: True, "The militia said she was safe in Syria on Monday.": False}
    standfirst = "Iraq says the woman detained in Lebanon is not al-Baghdadi's wife."
    text = f"{standfirst}\n\nThe militia said she was safe in Syria on Monday."
    assert attributed(text, title="Wife not held")[standfirst] is False  # the text opens with its lead
    assert attributed(text)[standfirst] is True  # without a title, the opening sentence says the news


@pytest.mark.parametrize(("headline", "names_only"), [("Khodorkovsky ally denies charges", True),
                                                      ("Goldsmith denies war advice claim", False),
                                                      ("Kurds deny Gill Rosenberg was in Kobane", False)])
def test_a_headline_denying_the_charges_only_names_them(own_voice_of, headline, names_only):
    found = by_placement(own_voice_of(headline))["headline"]
    assert found.stance == "denies" and found.anaphoric == names_only


@pytest.mark.parametrize(
    "sentence",
    [
        "Zucker said CNN's business 'is so much broader' than ratings.",
        "Social scientists say personality is relatively consistent across a lifetime.",
        "The poll showed a majority of registered Ohio voters want the Senate to act.",
        "CNN quoted an American witness as saying the building had collapsed.",
        "Trump has said Britain's anti-EU movement had parallels with his own campaign.",
        "According to the ministry, the strike hit an empty warehouse.",
    ],
)
def test_a_body_sentence_that_reports_a_source_is_never_the_outlets_own(own_voice_of, sentence):
    text = f"Markets rallied on Tuesday\n\nShares rose sharply in early trading across Europe. {sentence}"
    assert [a.voice for a in own_voice_of(text)] == ["headline", "lead"]


def test_an_own_sentence_with_words_in_quotation_marks_is_hedged(own_voice_of):
    text = ("Markets rallied on Tuesday\n\nShares rose sharply in early trading across Europe.\n\n"
            "Trump Wants To Do Things 'A Hell Of A Lot Worse Than Waterboarding'\n\nThe debate went on.")
    quoted = [a for a in own_voice_of(text) if "Waterboarding" in a.content.text]
    assert quoted and all(a.hedged for a in quoted)


def test_a_quoted_paragraph_no_attribution_claims_is_not_the_outlets_own_voice(own_voice_of):
    text = ("Zimmerman auctions the gun\n\n"
            "George Zimmerman is now selling the handgun used in the shooting.\n\n"
            "\"It has recently been returned to me by the Department of Justice. The pistol currently has the case "
            "number written on it. This is a piece of American History.\"\n\n"
            "The auction site later removed the listing after complaints from users.")
    stated = [a.content.text for a in own_voice_of(text) if a.voice == "body" or a.voice == "lead"]
    assert "George Zimmerman is now selling the handgun used in the shooting." in stated
    assert "The auction site later removed the listing after complaints from users." in stated
    assert not any("American History" in s or "case number" in s or "Department of Justice" in s for s in stated)
