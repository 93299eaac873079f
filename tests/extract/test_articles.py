"""extract_each: one article that the pipeline cannot read costs no other article."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract_each
from kgbuild.ingest import content_hash
from kgbuild.records import Article, Extraction

pytestmark = pytest.mark.slow


def article(name: str, text: str) -> Article:
    return Article(id=name, text=text, content_hash=content_hash(text), source=f"{name}.txt")


ARTICLES = [article(f"a{n}", f"Officials in town {n} said the bridge would reopen on Monday.") for n in range(5)]


def outcome(results):
    return [(r.article.id, "ok") if isinstance(r, Extraction) else (r.source, r.code) for r in results]


def test_an_article_longer_than_max_length_is_skipped_and_the_rest_extracted(nlp, monkeypatch):
    long = article("long", "The mayor said it was long. " * 40)
    monkeypatch.setattr(nlp, "max_length", 500)
    results = list(extract_each([*ARTICLES[:2], long, *ARTICLES[2:]], nlp, batch_size=3))
    assert outcome(results) == [("a0", "ok"), ("a1", "ok"), ("long.txt", "E018"), ("a2", "ok"), ("a3", "ok"), ("a4", "ok")]
    assert "1,120 characters > 500" in results[2].reason


def test_an_article_on_which_extraction_raises_is_skipped_and_the_rest_extracted(nlp, monkeypatch):
    finder = nlp.get_pipe("kgbuild_attributions_v1")
    original = type(finder).__call__

    def fragile(self, doc):
        if "explode" in doc.text:
            raise IndexError("a rule went out of range")
        return original(self, doc)

    monkeypatch.setattr(type(finder), "__call__", fragile)
    bad = article("bad", "The minister said the budget would explode.")
    results = list(extract_each([ARTICLES[0], bad, ARTICLES[1]], nlp))
    assert outcome(results) == [("a0", "ok"), ("bad.txt", "E019"), ("a1", "ok")]
    assert results[1].reason.startswith("IndexError: a rule went out of range")
    assert [len(r.attributions) for r in (results[0], results[2])] == [1, 1]


def test_batches_give_what_one_stream_gives(nlp):
    from kgbuild.extract import extract

    alone = [e.attributions for e in extract(ARTICLES, nlp)]
    batched = [e.attributions for e in extract_each(ARTICLES, nlp, batch_size=2)]
    assert batched == alone and all(alone)


def test_an_article_past_its_time_budget_is_skipped_and_the_rest_extracted(nlp, monkeypatch):
    import kgbuild.extract.articles as extraction

    finder = nlp.get_pipe("kgbuild_attributions_v1")
    original = type(finder).__call__

    def endless(self, doc):
        while "stall" in doc.text:  # as a rule lost in a long search would
            pass
        return original(self, doc)

    monkeypatch.setattr(type(finder), "__call__", endless)
    monkeypatch.setattr(extraction, "budget", lambda characters: 0.5)
    slow = article("slow", "The spokesman said the talks would stall.")
    results = list(extract_each([ARTICLES[0], slow, ARTICLES[1]], nlp))
    assert outcome(results) == [("a0", "ok"), ("slow.txt", "E024"), ("a1", "ok")]
    assert "took longer than" in results[1].reason

