"""A wording as it is compared (``compared_wording``: a rejection without its framing and
negation) and as it is shown (``canonical_text``: a whole clause, without the reporter's remark);
the part it plays (``roles``: an assertion, a rejection, or an outlet's body sentence that may
restate a claim); and who says it (``same_speaker``)."""

from __future__ import annotations

import re
from typing import Iterable

from ...records import ASSERTING, REJECTING, Attribution
from .words import ascii_text

FRAMING = re.compile(
    r"^(?:[\w'\u2019-]+\s+){0,4}?(?:claims?|idea|notion|suggestions?|allegations?|accusations?|reports?|rumou?rs?"
    r"|contention|view|assertion|charges?|speculation|fake|story|stories)\s+(?:(?:[a-z]+ed\s+)?by\s+[^,]+?\s+)?"
    r"(?:that|about|of|regarding|concerning|over)\s+",
    re.IGNORECASE,
)
# "claims that he knew", "reports it was withdrawing": framing that says the claim was made (not
# "the idea that", "the story about": a notion or a topic, which no one need have claimed)
REPORTED_CLAIM = re.compile(
    r"^(?:[\w'\u2019-]+\s+){0,4}?(?i:claims?|allegations?|accusations?|reports?|suggestions?|rumou?rs?|speculation"
    r"|assertions?|charges?)\s+(?:(?i:that)\s+|(?=(?:he|she|it|they|[A-Z][\w'\u2019-]*)\s+[a-z]))",
)
DENY = re.compile(r"\bden(?:y|ies|ied|ying)\b", re.IGNORECASE)
PRONOUN_OPENING = re.compile(r"(?:that\s+)?(?:he|she|they|it|we|i|you|his|her|their|its|this|these|those)\b", re.IGNORECASE)
SPEAKER_PRONOUN = re.compile(r"^(?:that\s+)?(?:he|she)\b", re.IGNORECASE)
DENIAL_MARKERS = re.compile(
    r"^\s*(?:no|sorry|debunk(?:ed)?|hoax|fake|false|update)\s*[,:!.\u2014-]+\s*|\b(?:not|never|n't|no longer)\b|n't\b",
    re.IGNORECASE,
)


# an outlet's own sentence that still does not state its claim as fact: a possibility or likelihood
# ("could cost 5,000", "you'll probably be trekking to an Apple Store"), someone's claim it reports
# ("priest claims God is a female"), words in the first person singular, which are someone's ("I
# aborted my baby because it was a boy"), or a question
NOT_AS_FACT = re.compile(
    r"\b(?:(?i:could|might|probably|perhaps|maybe|claims?|claimed|alleges?|alleged|says|said)|may|I|I'm|I've|I'd|my|me)\b|\?",
)


def worded_as_fact(text: str) -> bool:
    """No possibility, reported claim, first-person words or question in the wording."""
    return not NOT_AS_FACT.search(ascii_text(text))


# a cue that presents what it reports as true: "girlfriend reveals she was born a man" is the
# outlet's fact too (Emergent's journalists label 12 of 14 such headlines "for")
FACTIVE_CUE = re.compile(r"^(?:reveal|disclos|admit|acknowledg)", re.IGNORECASE)


def keeps_distance(attribution: Attribution) -> bool:
    """The outlet reports the claim without making it its own: attributed by a cue that does not
    present it as true, or hedged (the laundered flag's other side)."""
    if attribution.stance not in ASSERTING:
        return False
    factive = attribution.cue is not None and FACTIVE_CUE.match(attribution.cue.text)
    return attribution.hedged or not (attribution.voice or factive)


def states_as_fact(attribution: Attribution) -> bool:
    """The outlet states the claim as fact in its own voice: unhedged and ``worded_as_fact`` (the
    laundered flag's test)."""
    return bool(attribution.voice) and attribution.stance in ASSERTING and not attribution.hedged and (
        worded_as_fact(attribution.wording))


def compared_wording(attribution: Attribution) -> str:
    """The wording that is compared with others: for a rejection, without the framing that
    names the claim ("the claim made by some groups that ...", "reports that ...") and without
    its negation ("No, the tree has not been cut down" is compared as "the tree has been cut
    down"). An outlet's own statement keeps its framing, which names whom it is about ("Judd
    Nelson rebuffs rumors that he died")."""
    if attribution.stance not in REJECTING and not attribution.negated:
        return attribution.wording
    text = attribution.wording if attribution.voice else FRAMING.sub("", attribution.wording, count=1)
    return " ".join(DENIAL_MARKERS.sub(" ", speaker_named(text, attribution)).split())


def reports_claim(attribution: Attribution) -> bool:
    """A source's rejection whose wording says what was claimed: "denied claims that he knew the
    books were doctored", "dismissed reports it was withdrawing from Iraq"; or that denies a
    clause ("Gazprom denied that it is behind the purchase"), which "deny" presupposes someone
    claimed (unlike "rejected", "dismissed": a plan, an idea). Whoever made the claim, it was
    made, and the rejection contests it."""
    a = attribution
    if a.stance not in REJECTING or a.voice is not None or a.anaphoric:  # "denied the charges, saying he ...": his answer
        return False
    denies_a_clause = a.form == "clause" and not a.direct and a.cue is not None and DENY.search(a.cue.text) is not None
    return denies_a_clause or REPORTED_CLAIM.match(a.wording) is not None


def speaker_named(text: str, attribution: Attribution) -> str:
    """ "Judd Nelson denies that he's dead" is compared as "Judd Nelson's dead": a denial about
    its own speaker opens with a pronoun that says whom the denied claim is about."""
    if attribution.actor is None or attribution.voice is not None:
        return text
    return SPEAKER_PRONOUN.sub(lambda _: attribution.actor.name, text, count=1)


def encoded_first(attribution: Attribution) -> bool:
    """Whether the claim similarity encodes the wording before any other (``Meanings``): all but
    an outlet's body sentences, which are encoded only where they may restate a claim."""
    return attribution.voice != "body"


def in_claims(attribution: Attribution) -> bool:
    """Whether an attribution takes part in the claims: it has a content, and someone says it (a
    source's actor, or the outlet itself)."""
    return attribution.content is not None and (attribution.actor is not None or attribution.voice is not None)


def wordings_encoded_first(attributions: Iterable[Attribution]) -> list[str]:
    """The wordings the claims encode first (``in_claims`` and ``encoded_first``), known as soon
    as their article is extracted."""
    return [compared_wording(a) for a in attributions if in_claims(a) and encoded_first(a)]


def last_word(name: str) -> str | None:
    """A name's last word in lower-case ASCII: a person's surname ("Mr Blair", "Tony Blair")."""
    words = ascii_text(name).lower().split()
    return words[-1] if words else None


def same_speaker(a: Attribution, b: Attribution) -> bool:
    """Both said by one actor, as far as the names tell ("Mr Blair" / "Tony Blair"): nobody
    denies what they say themselves; a denial that resembles its own speaker's words elsewhere is
    the same statement reported twice."""
    if a.actor is None or b.actor is None:
        return False
    name = last_word(a.actor.name)
    return name is not None and name == last_word(b.actor.name)


def opens_with_pronoun(text: str) -> bool:
    """ "He considered Trump the nominee": the wording names no one; another is a better title."""
    return bool(PRONOUN_OPENING.match(text.strip("\"\u201c\u201d ")))


# the reporter's remark after a claim, or the report going on: "... attacks — a description used to
# create an impression", "..., although he provided no evidence", "... - but refused to rule out tax rises"
COMMENTARY = re.compile(r"(?:\s+(?:-|[\u2014\u2013])\s+(?:a|an|the|which|who|this|that|but|saying|adding)\b"
                        r"|,\s+(?:although|though|even though)\b).*$", re.IGNORECASE | re.DOTALL)
INFINITIVE = re.compile(r"to\s+[a-z]", re.IGNORECASE)  # "to boost the state pension": what was promised, not a clause
DASH = re.compile(r"\s(?:--|[\u2014\u2013])\s")  # "BuzzFeed -- which is best known for ..., though ... -- missed": an aside


def without_commentary(text: str) -> str:
    """The text without the reporter's remark after it; a remark a dash closes is an aside inside
    the claim, which goes on after it."""
    remark = COMMENTARY.search(text)
    return text if remark is None or DASH.search(text, remark.start() + 1) else text[: remark.start()]


def balanced(text: str) -> str:
    """Close a quotation left open ("The attack as \u201cunprecedented"), drop a stray closing mark."""
    opened, closed = text.count("\u201c"), text.count("\u201d")
    if opened > closed:
        text += "\u201d" * (opened - closed)
    elif closed > opened and text.endswith("\u201d"):
        text = text[:-1]
    if text.count('"') % 2:
        text = text[1:] if text.startswith('"') else text + '"'
    return text


def as_clause(attribution: Attribution) -> str:
    """The wording, as a whole clause: "accused Ukraine of an attack" names its object only, and
    "vowed to boost the state pension" says what was vowed, so the source and cue come with them
    ("Russia accused Ukraine of a \u201cterrorist\u201d assassination attempt", "Labour vowed to boost
    the state pension")."""
    a = attribution
    # a quotation that opens with "To" is a sentence of its own ("To be honest, I don't think ..."); a
    # headline's capitals are not ("Hillary Vowed To Never Utter These 2 Words")
    infinitive = INFINITIVE.match(a.wording) is not None and not (a.direct and a.wording.startswith("T"))
    fragment = a.form == "object" or infinitive
    if fragment and a.source and a.cue and a.source.end <= a.cue.start and a.cue.end <= a.content.start:
        start, end = a.source.start - a.evidence.start, a.content.end - a.evidence.start
        if 0 <= start < end <= len(a.evidence.text):
            return a.evidence.text[start:end]
    return a.wording


def canonical_text(attribution: Attribution) -> str:
    """An attribution's content as a claim's wording: a whole clause, without a leading "that" (or
    "and", "but": "But the Common Core was rolled out badly"), the reporter's remark after it or
    unbalanced quote marks."""
    if reports_claim(attribution):  # "denied claims that he knew ..." shows what was claimed: "Ebbers knew ..."
        text = REPORTED_CLAIM.sub("", attribution.wording, count=1)
        if attribution.actor.kind == "person":  # "Fiorina's team denied that she ...": she is someone else
            text = speaker_named(text, attribution)
    else:
        text = as_clause(attribution).strip()
    text = re.sub(r"^(?:that|and|but)\s+", "", text.strip("\"\u201c\u201d "), flags=re.I)
    text = balanced(without_commentary(text).rstrip(",;: "))
    return text[:1].upper() + text[1:]


def roles(attributions: list[Attribution]) -> tuple[list[int], list[int], list[int]]:
    """(asserting, rejecting, restating): claims that stand on their own; denials, refutations and
    negated statements, which point at the claim they contradict when there is one; and the
    outlet's own body sentences, kept only where they restate a claim attributed to someone. A
    negated or debunking sentence of an outlet's body is left out: "the company did not say how
    much", "a false alarm" are reporting, not the outlet's denial."""
    asserting, rejecting, restating = [], [], []
    for i, a in enumerate(attributions):
        if a.voice == "body":
            if not contradicts(a):
                restating.append(i)
        elif contradicts(a):
            rejecting.append(i)
        else:
            asserting.append(i)
    return asserting, rejecting, restating


def contradicts(attribution: Attribution) -> bool:
    """A denial or refutation, or a negated statement; not "Trump confirmed the claim, arguing it
    was not in the national interest to stir up panic", which confirms the claim it refers to."""
    if attribution.stance == "confirms" and attribution.anaphoric:
        return False
    return attribution.stance in REJECTING or attribution.negated
