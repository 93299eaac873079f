"""kgbuild's spaCy components, registered by name, and the ``Doc`` extensions they set. Any spaCy
user can add them to an English pipeline with a parser and NER (``model.load_pipeline`` does):

- ``kgbuild_line_breaks_v1`` (before the parser): a line or paragraph break ends a sentence, so a
  headline is never glued to the next line;
- ``kgbuild_attributions_v1``: ``doc._.attributions``, each with the trained filter's confidence;
- ``kgbuild_voice_v1`` (after it): ``doc._.own_voice``, what the outlet states itself.

A Doc may carry ``doc._.article_id``, ``doc._.published`` (the article's date, for statement
dates), ``doc._.in_title`` (it is a title given apart from the text) and ``doc._.titled``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from .assembly import find_attributions
from .channels import not_the_speaker
from .scoring import shipped_model
from .voice import mark_negated, news_end, own_voice, placements

LINE_BREAKS = "kgbuild_line_breaks_v1"
ATTRIBUTIONS = "kgbuild_attributions_v1"
VOICE = "kgbuild_voice_v1"

for _name in ("article_id", "published", "attributions", "own_voice", "in_title", "titled"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component(LINE_BREAKS)
def mark_line_breaks(doc: Doc) -> Doc:
    """Paragraph and line breaks end sentences, so a headline never runs into the next line."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text and previous.is_space or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@Language.factory(ATTRIBUTIONS, default_config={"keep_all": False})
def make_attributions(nlp: Language, name: str, keep_all: bool):
    return AttributionFinder(keep_all)


@dataclass
class AttributionFinder:
    """Sets ``doc._.attributions`` to the attributions found in the Doc, each with the trained
    model's confidence; those below its threshold are dropped unless ``keep_all`` (to train it)."""

    keep_all: bool = False

    def __call__(self, doc: Doc) -> Doc:
        model = shipped_model()
        scored = [replace(a, confidence=round(model.probability(a), 3)) for a in find_attributions(doc)]
        # the model weighs the channel the rules found, its own speaker's relay too ("Sullivan told
        # the court that he warned Ebbers": nested reports are seldom annotated); kept, it is no channel
        doc._.attributions = [replace(a, via=not_the_speaker(a.via, a.actor)) for a in scored
                              if self.keep_all or a.confidence >= model.threshold]
        return doc


@Language.factory(VOICE)
def make_voice(nlp: Language, name: str):
    return OwnVoiceFinder()


class OwnVoiceFinder:
    """Sets ``doc._.own_voice`` to the outlet's own statements in the Doc, and marks attributed
    contents that negate what they state (``doc._.attributions`` must be set)."""

    def __call__(self, doc: Doc) -> Doc:
        attributions, in_title = doc._.attributions or [], bool(doc._.in_title)
        placed = placements(doc, in_title)
        headline_end = news_end(placed, bool(doc._.titled))
        line = next((sent.text for sent, placement in placed if placement == "headline"), "")
        doc._.attributions = [mark_negated(doc, replace(a, headline=a.evidence.start < headline_end), line)
                              for a in attributions]
        doc._.own_voice = own_voice(doc, attributions, placed, in_title, headline_end)
        return doc
