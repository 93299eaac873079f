"""Rejections: what a denial, a refutation or a negated statement rejects. A headline that denies
points at the claim of another article it is closest to, where that claim stands out from the
rest; "denied the allegations" points back at the assertion shortly before it in its article
(``anaphora_target``); what rejects nothing is a claim of its own."""

from __future__ import annotations

import re

from ...records import Attribution
from .wording import REJECTING, last_word, same_speaker
from .words import ascii_text, content_words

REJECT_THRESHOLD = 0.35  # a denial or refutation rejects a claim this close...
NEGATION_THRESHOLD = 0.45  # ...and a negated statement one this close (a weaker sign of a denial)
REJECT_STANDING = 0.2  # how far above its rivals (RIVALS) the claim a rejection rejects must stand
NAMED_BY_CONCEPTS = 2  # a refutation over a body shares a claim's subject and predicate with it, not one topic word
MAX_REJECTED = 3  # a denial answers one claim; a few more allow for its wordings left unmerged...
REJECT_MARGIN = 0.05  # ...when they are as close to it as the closest
ANAPHORA_WINDOW = 600  # characters: how far back "the allegations" may point...
ANAPHORA_NEAR = 150  # ...and, to a statement that does not name the denier, at most this far
# "rejected a takeover offer", "dismissed calls for an inquiry": a rejected object that is no claim
NOT_CLAIMS = frozenset({"offer", "proposal", "plea", "call", "request", "bid", "deal", "invitation", "demand", "motion",
                        "post", "job", "lawsuit", "meeting", "question", "plan", "appeal", "application", "suggestion",
                        "attempt", "approach", "case", "effort", "move", "challenge", "ruling", "decision", "takeover",
                        "resignation", "nomination", "list", "shortlist"})
DENYING_WORDING = re.compile(r"\b(?:den(?:y|ies|ied|ying|ial)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut\w*)\b",
                             re.IGNORECASE)
NEGATED_WORDING = re.compile(r"\b(?:not|never|no|none|nothing|without|lacks?|lacking)\b|n[\u2019']t\b", re.IGNORECASE)


def own_words(a: Attribution, b: Attribution) -> bool:
    """Both quote one speaker's own words: a quotation is not denied by its own speaker (a
    rumour may put words in someone's mouth that they deny, so reported speech may be)."""
    return a.direct and b.direct and same_speaker(a, b)


def names_speaker(said: Attribution, of: Attribution) -> bool:
    """Whether what ``said`` says names the actor of ``of`` (by surname, or an organization's last word)."""
    name = last_word(of.actor.name) if of.actor is not None else None
    if name is None:
        return False
    return name in content_words(said.wording) or any(name in ascii_text(m.name).lower().split() for m in said.about)


def anaphora_target(item: Attribution, earlier: list[tuple[int, Attribution]]) -> int | None:
    """For "denied the allegations": the latest assertion of someone else in the same article
    shortly before that names the denier ("Mr Ailes denied the charges" answers what was said
    about Mr Ailes, not the remark in between), else one said just before. Further back, an
    assertion about someone else is rarely what was denied ("News Corporation denied the
    reports" five sentences after a quotation of Microsoft's chief)."""
    candidates = [
        (i, other)
        for i, other in earlier
        if other.article == item.article
        and other.stance not in REJECTING
        and not same_speaker(item, other)
        and 0 <= item.cue.start - other.evidence.end <= ANAPHORA_WINDOW
    ]
    about_denier = [i for i, other in candidates if names_speaker(other, item)]
    just_before = [i for i, other in candidates if item.cue.start - other.evidence.end <= ANAPHORA_NEAR]
    return (about_denier or just_before or [None])[-1]


def names_nothing(rejection: Attribution) -> bool:
    """An outlet's "Khodorkovsky ally denies charges" names no claim to compare (its framing is all
    its wording), nor does "rejected a takeover offer" deny a claim."""
    return bool(rejection.anaphoric and rejection.voice) or (
        rejection.form == "object" and bool(NOT_CLAIMS.intersection(rejection.core)))


def rejection_threshold(attribution: Attribution, with_body: bool = False) -> float | None:
    """How close a rejection must come to a claim to reject it, or None where likeness alone is no
    sign that it answers a claim. A headline given alone (``with_body`` False: nothing of its
    article is read below it) that denies is the article's news, and names what it denies
    (``Attribution.headline``: an untitled article's opening sentence too). A denial further
    down, a titled article's opening sentence included, answers what its own article reports
    ("denied the allegations", ``anaphora_target``): likeness to a claim elsewhere is seldom what
    it answers ("Greek sprinter Kostas Kenteris has denied claims that he faked a motorbike crash"
    is not a denial of "Kenteris and Thanou have appeared before a tribunal"). So does a headline's
    denial or negation over a body, which its body's own account of the denial points at ("Mr
    Howard denied the reports"; "Howard denies split over ID cards" does not reject "ID cards are
    a means to a more secure society"). How often such links were right on a large corpus is in
    docs/evaluation.md. A refutation still is compared: it names a claim that went round as the
    claim ("refuted the widely circulated fake ... regarding an alleged attack ... on a helicopter")."""
    if not attribution.headline or with_body and attribution.stance != "refutes":
        return None
    return REJECT_THRESHOLD if attribution.stance in REJECTING else NEGATION_THRESHOLD
