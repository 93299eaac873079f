"""Channels: what a statement went through on its way into print (``Attribution.via``): a
relaying outlet ("According to outlet Astra, X claimed"; "Reuters reported that X said"), a
medium told ("X told the Rossiya-24 TV channel"), a platform ("wrote on Telegram", "in a post on
Truth Social")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..records import Mention
from .lexicon import CHANNEL_PREPOSITIONS, CHANNEL_WORDS, STATEMENT_PREPOSITIONS, is_statement_form
from .sources import clean, is_honorific, noun_phrase, person_name, strip_possessive

if TYPE_CHECKING:
    from .constructions import Found

CHANNEL_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART"})
NOT_CHANNELS = frozenset({"PERSON", "DATE", "TIME", "GPE", "NORP", "CARDINAL", "ORDINAL", "EVENT", "LAW", "LOC"})


def channel_of(item: Found, content: set[int], relay: Token | None) -> str | None:
    """The channel a statement went through: a relaying outlet, a recipient medium, a platform."""
    if relay is not None:
        return channel_label(relay)
    source = {t.i for t in item.source.subtree} if item.source is not None else set()
    frame = [t for t in item.anchor.subtree if t.i not in content and t.i not in source]
    if item.source is not None:  # "Trump, in a recent post on Truth Social, said"
        frame += [t for c in item.source.rights if c.dep_ == "prep" and c.lower_ in {"in", "on"} for t in c.subtree]
    if item.cue.object == "recipient":
        for child in item.anchor.children:
            if child.dep_ in {"dobj", "dative"} and is_channel(child, named_ok=True):
                return channel_label(child)
    for token in sorted(frame, key=lambda t: -t.i):  # the deepest, rightmost medium first
        if token.dep_ == "pobj" and is_channel(token, named_ok=channel_preposition(token.head)):
            return channel_label(token)
    return statement_form(item, frame)


def not_the_speaker(via: str | None, actor: Mention | None) -> str | None:
    """A channel, unless it is the speaker: in "Sullivan told the court that he warned Ebbers",
    Sullivan's warning did not come through Sullivan."""
    if via is None or actor is None or actor.kind != "person":
        return via
    return None if via.lower().split()[-1:] == actor.name.lower().split()[-1:] else via


def statement_form(item: Found, frame: list[Token]) -> str | None:
    """The form a statement took when no medium carries it: "said in a statement", "in her
    statement", "a news release from the ministry said" (the ministry is the actor, the release its
    channel)."""
    if item.source is not None and is_statement_form(item.source):
        return form_label(item.source)
    for token in sorted(frame, key=lambda t: t.i):
        if token.dep_ == "pobj" and token.head.lower_ in STATEMENT_PREPOSITIONS and is_statement_form(token):
            return form_label(token)
    return None


def form_label(head: Token) -> str:
    """A statement form's words, without its owner or article: "news release", "Facebook post",
    "press release" (of "an AEW press release")."""
    words = [c for c in head.lefts if c.dep_ == "compound" and c.ent_type_ not in {"ORG", "PERSON", "GPE", "NORP"}]
    return " ".join([*(w.text for w in words), head.lower_])


def channel_preposition(prep: Token) -> bool:
    """"on Truth Social", "in an interview with CNN": a preposition that introduces a channel."""
    return prep.lower_ in CHANNEL_PREPOSITIONS or is_statement_form(prep.head)


def is_channel(token: Token, named_ok: bool) -> bool:
    """A medium by its words ("state-run media"), or a named organization where one is expected."""
    if token.ent_type_ in NOT_CHANNELS or token.pos_ == "PRON" or token.lower_.rstrip(".") in {"mr", "mrs", "ms", "dr"}:
        return False  # "said on Friday", "told Mr Smith", "told reporters in Washington"
    phrase = noun_phrase(token)
    if any(t.lower_ in CHANNEL_WORDS for t in phrase):
        return True
    return named_ok and (token.pos_ == "PROPN" or any(t.ent_type_ in CHANNEL_LABELS for t in phrase))


def channel_label(token: Token) -> str:
    phrase = noun_phrase(token)
    named = [e for e in phrase.ents if e.label_ in CHANNEL_LABELS]
    if named:  # a name keeps its capitalized article: "The Sun"
        name = named[-1]
        before = name.doc[name.start - 1] if name.start else None
        start = name.start - 1 if before is not None and before.text == "The" and before.dep_ == "det" else name.start
        return strip_possessive(name.doc[start : name.end].text.removeprefix("the "))
    people = [e for e in phrase.ents if e.label_ == "PERSON"]
    if people and not any(t.lower_ in CHANNEL_WORDS for t in phrase):  # someone relaying what another said
        words = person_name(people[-1]).split()
        return " ".join(words[1:] if len(words) > 1 and is_honorific(words[0]) else words)  # "Sullivan", not "Mr"
    words = [t for t in phrase if t.dep_ != "det"]
    while len(words) > 1 and words[-1].lower_ not in CHANNEL_WORDS:  # "local media report" -> "local media"
        words.pop()
    return clean(phrase.doc[words[0].i : words[-1].i + 1].text)
