from __future__ import annotations

import json

import pytest

from kgbuild.pipeline import build
from tests.conftest import SEEDS, write

pytestmark = pytest.mark.slow


def test_a_second_run_reads_the_cache_and_writes_the_same_graph(tmp_path, nlp):
    first = build([SEEDS], out=tmp_path / "a", cache=tmp_path / "cache", html=False, nlp=nlp)
    second = build([SEEDS], out=tmp_path / "b", cache=tmp_path / "cache", html=False, nlp=nlp)
    assert first["counts"]["articles_from_cache"] == 0 and second["counts"]["articles_from_cache"] == 5
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == (tmp_path / "b" / "graph.ttl").read_bytes()
    assert (tmp_path / "a" / "attributions.jsonl").read_text() == (tmp_path / "b" / "attributions.jsonl").read_text()


def test_a_changed_article_is_extracted_again(tmp_path, nlp):
    write(tmp_path / "in" / "a.txt", "The mayor said that the bridge would reopen.\n")
    build([tmp_path / "in"], out=tmp_path / "out", cache=tmp_path / "cache", html=False, nlp=nlp)
    write(tmp_path / "in" / "a.txt", "The mayor said that the tunnel would close.\n")
    report = build([tmp_path / "in"], out=tmp_path / "out", cache=tmp_path / "cache", html=False, nlp=nlp)
    assert report["counts"]["articles_from_cache"] == 0
    (line,) = (tmp_path / "out" / "attributions.jsonl").read_text().splitlines()
    assert "tunnel" in json.loads(line)["content"]["text"]
