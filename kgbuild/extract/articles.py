"""Extraction of whole articles: each article (and its title, when given apart from the text) ->
its attributions and own statements, one article at a time in isolation (``extract_each``)."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import batched
from typing import Iterable, Iterator

from spacy.language import Language

from ..errors import Code, skipped
from ..records import Article, Extraction, Outcome, Skipped
from ..runtime.budget import OverBudget, budget, time_limit

MAX_TITLE_CHARACTERS = 1_000  # a "title" longer than this is no headline, and is not parsed
TITLE_SLACK = 20  # characters beyond the title's length read to see whether the text opens with it
BATCH_SIZE = 32  # articles parsed together by ``nlp.pipe``


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
    opening = article.text.lstrip()[: len(title) + TITLE_SLACK]
    return None if folded(opening).startswith(folded(title)) else title


def found_in(doc) -> list:
    """What the pipeline found in one Doc: attributions, then the outlet's own statements."""
    found = list(doc._.attributions or []) + list(doc._.own_voice or [])
    return [replace(a, in_title=True) for a in found] if doc._.in_title else found


def extract(articles: Iterable[Article], nlp: Language, batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
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


def extract_each(articles: Iterable[Article], nlp: Language, batch_size: int = BATCH_SIZE) -> Iterator[Extraction | Skipped]:
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


def extract_isolated(articles: list[Article], nlp: Language) -> list[Outcome]:
    """Each article -> its Extraction, or Skipped with the code of what went wrong: the work each
    worker does on a chunk of articles (``kgbuild.runtime``)."""
    return list(extract_each(articles, nlp))
