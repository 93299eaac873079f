"""Headline conventions: how a headline's few words attribute, hedge and deny.

Journalists compress "X said Y" in a headline: the speaker before a colon ("Senator: Detainees
swapped for Bergdahl have contacted militants"), the source after the statement ("Wife, child of
al-Baghdadi held in Lebanon, officials say", "Fence-jumper ran through main floor: report"); a
bare "Rumor:" or "Report:" hedges what follows; so do "likely", "believed to", "complaints of",
"after claims" and words in quotation marks ("Labour pig poster 'anti-Semitic'"). ``headline_source`` finds the speaker
and the statement; ``headline_hedged`` the hedges; the caller (``voice.own_voice``) makes the
attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Span

from .lexicon import AGENT_NOUNS, cues

MAX_SPEAKER_WORDS = 5  # "Team 5 source", "Dr. Ben Carson"; a longer phrase before a colon is a topic
# a label before a colon, not a speaker: "Breaking: ...", "The Latest: ...", "Q&A: ..."
LABELS = frozenset({
    "breaking", "exclusive", "update", "updated", "watch", "video", "photos", "look", "wow", "boom", "analysis",
    "opinion", "latest", "q&a", "live", "review", "explainer", "editorial", "comment", "interview", "poll",
})
# a bare "Rumor:" or "...: report" names no one: the outlet relays it, hedged
REPORTS = frozenset({"report", "reports", "rumor", "rumors", "rumour", "rumours", "leak", "speculation"})
SPEAKER_NOUNS = AGENT_NOUNS | frozenset({
    "dad", "father", "family", "insiders", "mother", "mum", "parent", "parents", "poll", "study", "survey",
    "sources", "officials", "experts", "analysts", "scientists", "researchers", "police", "witnesses",
})
SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})  # not GPE: "India: ..." is a dateline
LABEL_OPENING = re.compile(r"^\s*(?:breaking|exclusive|update|watch|video|analysis)\s*[:\u2013\u2014-]\s*", re.IGNORECASE)
SPEAKER_COLON = re.compile(r"^(?P<speaker>[^:?!]{1,60}?)\s*:\s+(?P<said>\S.*)$", re.DOTALL)
TRAILING_SOURCE = re.compile(
    r"^(?P<said>.+?)\s*(?:,|:|;|\s[-\u2013\u2014])\s*(?P<speaker>(?:[\w.'\u2019&-]+\s+){0,4}?)"
    r"(?P<cue>says?|said|reports?|report\s+says|claims?|tells?|suggests?|warns?|insists?|confirms?)\s*[.!]?\s*$",
    re.IGNORECASE | re.DOTALL,
)
# British headline style, the speaker after the verb and no comma: "House prices rebound says Halifax"
INVERTED_SOURCE = re.compile(
    r"^(?P<said>.+?)\s+(?P<cue>says|said|warns|insists|claims)\s+(?P<speaker>[\w.'\u2019&-]+(?:\s+[\w.'\u2019&-]+){0,3})\s*$",
    re.IGNORECASE | re.DOTALL,
)
# "could" and "in talks" are not here: Emergent's journalists read them as often as fact as not
HEADLINE_HEDGES = frozenset({
    "likely", "believed", "appears", "appear", "seem", "seems", "seemed", "suspected", "suspect",
    "rumor", "rumors", "rumored", "rumour", "rumours", "rumoured", "expected", "reports", "report", "reportedly",
    "allegedly", "possibly",
})
# "Mob castrates alleged rapist", "Police arrest suspected gunman": before a noun that is not what
# the sentence is about, these words are the law's caution about a person or a deed, not a doubt
# the outlet casts on the news its verb reports ("Alleged plot to kill Pope foiled" stays hedged)
DESCRIPTIVE_HEDGES = frozenset({"alleged", "suspected"})
# "appeared" alone is often a showing up ("Cases also appeared in Thailand", "later appeared in Robocop")
HEDGING_PHRASES = re.compile(r"\b(?:said to be|said to have|tipped to|may be|appeared (?:to|as if|like))\b", re.IGNORECASE)
# what the headline reports as someone's claim: "Court orders probe into complaints of forced castration",
# "... case against Dera chief after claims 400 followers were castrated" (a bare "loan claim",
# "sexism claim" is a lawsuit, and "Henson stakes early Lions claim" no claim at all)
CLAIMED_CONTENT = re.compile(
    r"\b(?:claims?|allegations?|accusations?|complaints?)\s+(?:that|of)\b"
    r"|\b(?:after|amid|over|following)\s+(?:\w+\s+)?(?:claims|allegations|accusations|complaints)\b",
    re.IGNORECASE,
)
# the outlet says what it reports is unsettled: "Confusion surrounds capture of ISIS leader's wife",
# "Mystery surrounds new Yukos owner", "Questions remain over ...", "Speculation mounts", or that it
# passes on hearsay: "There's a weird story going around about how ...", "Rumours circulating that ..."
UNCERTAINTY = re.compile(
    r"\b(?:mystery|confusion|questions|doubts?|uncertainty|speculation)\s+(?:surround|swirl|grow|mount|persist|remain)\w*"
    r"|\b(?:rumou?rs?|stor(?:y|ies)|reports?)\s+(?:going around|circulating|making the rounds|doing the rounds)\b",
    re.IGNORECASE,
)
# a verb of saying in title case before a subject pronoun: "ISIS Claims It Kidnapped ...", "Meet The College
# Student Who Claims She Was ...", where the parse takes the capitalised verb for a name and finds no cue
TITLE_CASE_VERB = re.compile(r"[A-Z][a-z]+s")
TITLE_CASE_PRONOUNS = frozenset({"He", "She", "It", "They", "We", "I"})
SPEAKER_WORDS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PRON"})
RELATIVES = frozenset({"who", "that"})
CLAIMING = frozenset({"claiming", "alleging", "accusing", "purporting"})
SCARE_QUOTES = re.compile(r"(?<![\w'\u2019])['\u2018\"\u201c](?=\w)([^'\u2019\"\u201d]{2,80}?)(?<=[\w.!?])['\u2019\"\u201d](?!\w)")


@dataclass(frozen=True)
class HeadlineSource:
    """A headline's speaker and statement, as character offsets into the Doc; ``speaker`` is
    None where the headline names only a report or rumour ("Rumor: ...", "...: report")."""

    speaker: tuple[int, int] | None
    cue: tuple[int, int]
    said: tuple[int, int]


def headline_source(headline: Span, named: Callable[[str], bool] = lambda _: False) -> HeadlineSource | None:
    """The speaker and statement of a headline that attributes by convention, or None.
    ``named(word)``: the article names a person by this surname ("Trump: ..." where the body
    names Donald Trump; spaCy's NER rarely tags a lone word before a colon)."""
    return speaker_before_colon(headline, named) or source_after(headline) or speaker_before_title_case_cue(headline)


def speaker_before_colon(headline: Span, named: Callable[[str], bool]) -> HeadlineSource | None:
    """ "Senator: Detainees swapped for Bergdahl have contacted militants": a short name or role
    before the colon, with no verb of its own, and a statement after it (a verb, or a quotation);
    "The Latest: ...", "Bill is back: ..." are labels and topics. A lone capitalised word that
    is no name the article gives ("Crabzilla: ...", "Hairgate: ...") may name a speaker or a
    topic: the statement is then the outlet's, hedged."""
    text, base = headline.text, headline.start_char
    opening = LABEL_OPENING.match(text)
    skip = opening.end() if opening else 0
    match = SPEAKER_COLON.match(text, skip)
    if match is None:
        return None
    doc = headline.doc
    speaker = doc.char_span(base + match.start("speaker"), base + match.end("speaker"), alignment_mode="expand")
    said = doc.char_span(base + match.start("said"), base + match.end("said"), alignment_mode="expand")
    if speaker is None or said is None or not states_something(said):
        return None
    colon = base + text.index(":", match.end("speaker"))
    words = [t for t in speaker if not t.is_punct]
    if words and all(t.lower_ in REPORTS for t in words):
        return HeadlineSource(None, (colon, colon + 1), (said.start_char, said.end_char))
    if is_speaker(speaker) or len(words) == 1 and named(words[0].text):
        return HeadlineSource((speaker.start_char, speaker.end_char), (colon, colon + 1), (said.start_char, said.end_char))
    if (len(words) == 1 and words[0].text[:1].isupper() and words[0].pos_ in {"PROPN", "NOUN"} and not words[0].ent_type_
            and words[0].lower_ not in LABELS):
        return HeadlineSource(None, (colon, colon + 1), (said.start_char, said.end_char))
    return None


def source_after(headline: Span) -> HeadlineSource | None:
    """ "..., officials say", "...: report", "..., dad says", "... - video report", "... says Halifax"."""
    text, base = headline.text, headline.start_char
    match = TRAILING_SOURCE.match(text)
    inverted = match is None
    if inverted:
        match = INVERTED_SOURCE.match(text)
    if match is None:
        return None
    doc = headline.doc
    said = doc.char_span(base + match.start("said"), base + match.end("said"), alignment_mode="expand")
    cue = (base + match.start("cue"), base + match.end("cue"))
    if said is None or not states_something(said):
        return None
    if not match.group("speaker").strip():
        if match.group("cue").lower().startswith("report"):
            return HeadlineSource(None, cue, (said.start_char, said.end_char))
        return None
    speaker = doc.char_span(base + match.start("speaker"), base + match.end("speaker"), alignment_mode="expand")
    if speaker is None:
        return None
    if is_speaker(speaker) or inverted and names_someone(speaker):
        return HeadlineSource((speaker.start_char, speaker.end_char), cue, (said.start_char, said.end_char))
    if match.group("cue").lower().startswith("report"):  # "- video report", "..., media reports"
        return HeadlineSource(None, cue, (said.start_char, said.end_char))
    return None


def speaker_before_title_case_cue(headline: Span) -> HeadlineSource | None:
    """ "ISIS Claims It Kidnapped Gill Rosenberg", "This College Student Claims She Was The Teletubbies
    Sun Baby": a verb of saying that asserts (``cues``), capitalised, then a subject pronoun, which
    opens what was said; the speaker is the words before it that name or describe someone (without
    "Who": "Meet The College Student Who Claims ..."), no verb among them. The first such verb
    decides, so a line of a thousand of them costs no more than its length."""
    doc = headline.doc
    for verb in headline[1:-2]:
        said = verb.i + 1 + (verb.nbor(1).lower_ == "that")
        if not TITLE_CASE_VERB.fullmatch(verb.text) or said + 1 >= headline.end or doc[said].text not in TITLE_CASE_PRONOUNS:
            continue
        cue = cues().get(third_person_lemma(verb.text))
        if cue is None or cue.stance != "asserts" or not cue.speech:
            continue
        end = verb.i - (doc[verb.i - 1].lower_ in RELATIVES)
        start = end
        while start > headline.start and start > end - MAX_SPEAKER_WORDS - 1 and names_or_describes(doc[start - 1]):
            start -= 1
        statement = doc[said : headline.end]
        if not 0 < end - start <= MAX_SPEAKER_WORDS or not doc[start].text[:1].isupper() or not states_something(statement):
            return None
        return HeadlineSource((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])), (verb.idx, verb.idx + len(verb)),
                              (statement.start_char, statement.end_char))
    return None


def names_or_describes(token) -> bool:
    return token.pos_ in SPEAKER_WORDS and token.lower_ not in RELATIVES


def third_person_lemma(verb: str) -> str:
    """ "Claims" -> "claim", "Says" -> "say", "Denies" -> "deny"."""
    word = verb.lower()
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


def is_speaker(phrase: Span) -> bool:
    """A name or a role that can speak: a person, organization or nation NER found, or a
    speaking role's noun ("Senator", "Team 5 source", "Parent", "IG report"); no verb, few words."""
    words = [t for t in phrase if not t.is_punct]
    if not words or len(words) > MAX_SPEAKER_WORDS or any(t.pos_ in {"VERB", "AUX"} for t in words):
        return False
    if " ".join(t.lower_ for t in words) in LABELS or words[-1].lower_ in LABELS - {"poll"}:
        return False
    head = phrase.root
    if head.lemma_.lower() in SPEAKER_NOUNS or head.lower_ in SPEAKER_NOUNS or head.lower_ in REPORTS:
        return True
    return head.ent_type_ in SPEAKER_ENTITIES and all(t.ent_type_ or t.pos_ in {"PROPN", "DET"} for t in words)


def names_someone(phrase: Span) -> bool:
    """Ending a headline after its verb ("... says Halifax", "... says ex-aide"), a name of any
    kind or a speaking role is the speaker (where a place before a colon is a dateline)."""
    words = [t for t in phrase if not t.is_punct]
    return bool(words) and (all(t.pos_ == "PROPN" or t.ent_type_ for t in words) or words[-1].lower_ in SPEAKER_NOUNS)


def states_something(said: Span) -> bool:
    """A statement rather than a label's object: a verb, an adjective said of something, or a quotation."""
    words = [t for t in said if not t.is_punct]
    if len(words) < 2:
        return False
    return any(t.pos_ in {"VERB", "AUX", "ADJ"} for t in words) or bool(SCARE_QUOTES.search(said.text))


def hedging_words(sentence: Span) -> set[str]:
    """The sentence's words, lower-cased, that may hedge it: all but "alleged" and "suspected"
    before a noun that is neither the sentence's head nor its subject ("Vigilantes cut off
    alleged rapist's penis" states the deed as fact), and "suspect" naming whom the news is about
    ("Suspect arrested in death of elephant", "Soldier killed, suspect dead") rather than saying
    what someone is suspected of ("British rapper a suspect in ISIS beheading", "... emerges as
    suspect")."""
    return {t.lower_ for t in sentence if not describes_only(t) and not names_a_suspect(t)}


def describes_only(token) -> bool:
    if token.lower_ not in DESCRIPTIVE_HEDGES or token.dep_ != "amod":
        return False
    return token.head.dep_ not in {"ROOT", "nsubj", "nsubjpass"}


def names_a_suspect(token) -> bool:
    if token.lower_ != "suspect" or token.pos_ not in {"NOUN", "PROPN"}:
        return False
    said_of_someone = (token.dep_ in {"attr", "appos"} or token.dep_ == "pobj" and token.head.lower_ == "as"
                       or token.dep_ == "ROOT" and not any(c.dep_ == "acl" for c in token.children))
    return not said_of_someone  # "Suspect arrested in ...": a headline's parse makes the participle an acl


def headline_hedged(headline: Span) -> bool:
    """ "Apple Watch Edition likely to cost 5,000", "Rapper believed to be Foley's killer": a
    headline that does not state its news as fact."""
    words = hedging_words(headline)
    return (bool(words & HEADLINE_HEDGES) or bool(HEDGING_PHRASES.search(headline.text))
            or bool(CLAIMED_CONTENT.search(headline.text) or UNCERTAINTY.search(headline.text)) or names_a_claimant(headline)
            or quotes_words(headline))


def names_a_claimant(headline: Span) -> bool:
    """ "Boston.com pulls story accusing prof of sending racist emails", "Adult video claiming to show
    ...": a noun followed by "claiming", "alleging" or "accusing" reports what that story, video or
    rally claims (a person who "wakes up claiming" is the speaker, not a report)."""
    return any(t.lower_ in CLAIMING and t.i > headline.start and t.nbor(-1).pos_ in {"NOUN", "PROPN"} and says_what(t)
               for t in headline)


def says_what(verb) -> bool:
    """ "claiming (that) X did Y", "claiming to show": a content, not a thing claimed ("claiming
    asylum", "claiming the nomination"); accusing and alleging always say something."""
    if verb.lower_ != "claiming":
        return True
    following = verb.nbor(1).lower_ if verb.i + 1 < len(verb.doc) else ""
    return following in {"that", "to"} or any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)


def quotes_words(sentence: Span) -> bool:
    """ "Labour pig poster 'anti-Semitic'", "Trump Wants To Do Things 'A Hell Of A Lot Worse Than
    Waterboarding'": words in quotation marks are someone's, so the outlet's sentence does not
    state them as its own fact."""
    return bool(SCARE_QUOTES.search(sentence.text))
