from __future__ import annotations

import json

import pytest

from kgbuild.pipeline import build
from tests.builders import SEEDS, write

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


def test_a_rerun_with_nothing_changed_writes_nothing_and_loads_no_pipeline(tmp_path, monkeypatch):
    write(tmp_path / "in" / "a.txt", "The mayor said that the bridge would reopen.\n")
    first = build([tmp_path / "in"], out=tmp_path / "out", cache=tmp_path / "cache", html=False)
    graph = tmp_path / "out" / "graph.ttl"
    written = graph.stat().st_mtime_ns
    monkeypatch.setattr("kgbuild.pipeline.load_pipeline", lambda model=None: pytest.fail("the pipeline was loaded"))
    again = build([tmp_path / "in"], out=tmp_path / "out", cache=tmp_path / "cache", html=False)
    assert again["unchanged"] and again["counts"] == first["counts"] and graph.stat().st_mtime_ns == written


@pytest.mark.parametrize("change", ["text", "outlet", "html"])
def test_a_rerun_after_a_change_builds_again(tmp_path, nlp, change):
    write(tmp_path / "in" / "a.txt", "The mayor said that the bridge would reopen.\n")
    build([tmp_path / "in"], out=tmp_path / "out", cache=tmp_path / "cache", html=False, nlp=nlp)
    if change == "text":
        write(tmp_path / "in" / "a.txt", "The mayor said that the tunnel would close.\n")
    elif change == "outlet":
        write(tmp_path / "in" / "a.txt", "---\noutlet: Daily Planet\n---\nThe mayor said that the bridge would reopen.\n")
    report = build([tmp_path / "in"], out=tmp_path / "out", cache=tmp_path / "cache", html=change == "html", nlp=nlp)
    assert "unchanged" not in report
    if change == "html":
        assert (tmp_path / "out" / "graph.html").is_file()


def test_a_damaged_cache_file_is_replaced(tmp_path, nlp):
    write(tmp_path / "in" / "a.txt", "The mayor said that the bridge would reopen.\n")
    write(tmp_path / "cache" / "extractions.sqlite", "not a database")
    report = build([tmp_path / "in"], out=tmp_path / "out", cache=tmp_path / "cache", html=False, nlp=nlp)
    again = build([tmp_path / "in"], out=tmp_path / "again", cache=tmp_path / "cache", html=False, nlp=nlp)
    assert report["counts"]["articles_from_cache"] == 0 and again["counts"]["articles_from_cache"] == 1
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["extractions.sqlite", "vectors.sqlite"]



def test_the_collector_is_paused_while_a_cache_is_decoded_and_left_as_it_was(tmp_path, monkeypatch):
    import gc

    from kgbuild.records import Article, Extraction
    from kgbuild.runtime import cache

    article = Article(id="a", text="The mayor said so.", content_hash="h", source="a.txt")
    stored = cache.ExtractionCache(tmp_path, "model")
    stored.put_many([Extraction(article, [])])
    seen = []
    monkeypatch.setattr(cache, "decode", lambda text: seen.append(gc.isenabled()) or [])
    was = gc.isenabled()
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            assert stored.get_many([article]) == {"a": []}
            assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert seen == [False, False]


def test_a_rerun_builds_again_an_output_replaced_since_and_reports_what_it_wrote(tmp_path, nlp):
    write(tmp_path / "in" / "a.txt", "The mayor said that the bridge would reopen.\n")
    first = build([tmp_path / "in"], out=tmp_path / "out", cache=tmp_path / "cache", html=False, nlp=nlp)
    graph = tmp_path / "out" / "graph.ttl"
    written = graph.read_bytes()
    assert set(first["outputs"]) == {"graph.ttl", "attributions.jsonl"}
    graph.write_text("# replaced by hand\n")
    again = build([tmp_path / "in"], out=tmp_path / "out", cache=tmp_path / "cache", html=False, nlp=nlp)
    assert "unchanged" not in again and graph.read_bytes() == written
    assert build([tmp_path / "in"], out=tmp_path / "out", cache=tmp_path / "cache", html=False, nlp=nlp)["unchanged"]
