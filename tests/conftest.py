"""Shared fixtures. The spaCy pipeline and the seeds build are made once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.builders import SEEDS


@pytest.fixture(scope="session")
def nlp():
    from kgbuild.extract import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def attributions_of(nlp):
    """Text -> the attributions to a source kgbuild's rules find in it, before the trained filter
    drops the unlikely ones (tests/extract/test_scoring.py covers the filter; the outlet's own
    statements are in ``own_voice_of``)."""
    from kgbuild.extract import extract
    from tests.builders import article

    finder = nlp.get_pipe("kgbuild_attributions_v1")

    def run(text: str, date: str | None = None):
        finder.keep_all = True
        try:
            return [a for a in next(extract([article("t", text, date=date)], nlp)).attributions if a.voice is None]
        finally:
            finder.keep_all = False

    return run


@pytest.fixture(scope="session")
def own_voice_of(nlp):
    """Text (and an optional title) -> what the article states in its own voice."""
    from kgbuild.extract import extract
    from tests.builders import article

    def run(text: str, title: str | None = None):
        return [a for a in next(extract([article("t", text, title=title)], nlp)).attributions if a.voice]

    return run


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory) -> Path:
    """The outputs of the whole pipeline on seeds/."""
    from kgbuild.pipeline import build

    out = tmp_path_factory.mktemp("seeds-out")
    build([SEEDS], out=out)
    return out


@pytest.fixture(scope="session")
def seeds_graph(seeds_out):
    from kgbuild import load_graph

    return load_graph(seeds_out / "graph.ttl")


@pytest.fixture(scope="session")
def seeds_report(seeds_out) -> dict:
    return json.loads((seeds_out / "report.json").read_text())


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of two articles, so that a few articles (the five seeds) are spread over several workers."""
    from kgbuild.runtime import chunks

    monkeypatch.setattr(chunks, "CHUNK", 2)
