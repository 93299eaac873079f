"""Saved web pages: the article's text and the page's metadata, never its furniture."""

from __future__ import annotations

import json

import pytest

from kgbuild.ingest.pages import read_page
from tests.builders import PAGES, write


def page(name: str) -> tuple[str, dict]:
    found = read_page((PAGES / name).read_bytes())
    assert not isinstance(found, str), found
    return found


@pytest.mark.parametrize(
    "name, kept, left_out, meta",
    [
        (
            "harbour-gazette-bridge.html",
            ["Varga told reporters at the ministry", "He claimed the final bill", "ferry traffic doubled",
             "inspection of the city's other bridges"],
            ["Accept all cookies", "Subscribe today", "Ferry operator adds extra sailings", "Residents said the ministry lied",
             "bridge will close again by Christmas", "Harbour FC win the cup", "Sign up for our free newsletter",
             "Share on Facebook", "All rights reserved", "dataLayer", "harbourfan77"],
            {"outlet": "The Harbour Gazette", "date": "2025-05-21", "title": "Bridge to reopen Monday, minister says",
             "url": "https://www.harbourgazette.example/news/2025/05/21/bridge-reopen"},
        ),
        (
            "northern-wire-port-strike.html",
            ["Union secretary Priya Nair said", "denied that the company had refused talks",
             "The operator said it would ask a court"],
            ["Log in", "Advertisement", "Read more", "Port operator reports record profits", "Car maker to cut 300 jobs",
             "Management claimed there was no money", "union said the same thing last year", "independent news since 1998",
             "Tags:"],
            {"outlet": "Northern Wire", "date": "2025-03-04", "title": "Dockers vote to strike as talks collapse",
             "url": "https://northernwire.example/business/dockers-vote-to-strike-4471"},
        ),
        (
            "hostile-markup.html",
            ["a council spokesman said", '"I have done nothing wrong," the mayor told local radio',
             "Opposition councillors claimed"],
            ["alert", "script", "Injected paragraph", "document.cookie", "onerror", "steal", "the mayor said he was sorry"],
            {"outlet": 'Tabloid "Daily" <Blaze>', "date": None, "url": None, "title": "Mayor quits after audit"},
        ),
    ],
)
def test_a_page_gives_its_article_text_and_metadata_without_its_furniture(name, kept, left_out, meta):
    text, found = page(name)
    for words in kept:
        assert words in text
    for words in left_out:
        assert words not in text
    assert found == meta


@pytest.mark.parametrize(
    "raw",
    [b"", b"\x00\xff\xfe\x00 not a page", b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
     b"<html><body>" + b"<div>" * 20_000 + b"<p>Deep text said here.</p>"],
)
def test_a_page_without_an_article_says_so(raw):
    assert isinstance(read_page(raw), str)


@pytest.mark.slow
def test_pages_build_into_the_graph_with_outlets_dates_and_offsets_into_their_text(tmp_path, nlp):
    from kgbuild import load_graph
    from kgbuild.ingest import ingest
    from kgbuild.pipeline import build

    for source in PAGES.glob("*.html"):
        write(tmp_path / "in" / source.name, source.read_bytes())
    # a manifest overrides what the page says
    write(tmp_path / "in" / "manifest.jsonl", json.dumps({"id": "northern-wire-port-strike", "outlet": "NW Syndication"}))
    report = build([tmp_path / "in"], out=tmp_path / "out", nlp=nlp, html=False)
    assert report["skipped"] == [] and report["warnings"] == []
    graph = load_graph(tmp_path / "out" / "graph.ttl")
    rows = {(str(o), str(d)) for o, d in graph.query(
        "SELECT ?o ?d WHERE { ?a a kg:Article ; schema:publisher/rdfs:label ?o ; schema:datePublished ?d }",
        initNs={"rdfs": "http://www.w3.org/2000/01/rdf-schema#"})}
    assert rows == {("The Harbour Gazette", "2025-05-21"), ("NW Syndication", "2025-03-04")}
    texts = {a.id: a.text for a in ingest([tmp_path / "in"])[0]}
    lines = [json.loads(line) for line in (tmp_path / "out" / "attributions.jsonl").read_text().splitlines()]
    assert {line["article"] for line in lines} == set(texts)
    for line in lines:
        if line["in_title"]:
            continue  # offsets into the page's headline
        for span in (line["cue"], line["content"]):  # an outlet's own statement has no cue
            assert span is None or texts[line["article"]][span["start"] : span["end"]] == span["text"]
    cues = {line["cue"]["text"] for line in lines if line["article"] == "harbour-gazette-bridge" and line["cue"]}
    assert {"told", "claimed"} <= cues


def test_a_page_that_takes_too_long_to_read_is_given_up(monkeypatch):
    import kgbuild.ingest.pages as pages

    def endless(*args, **kwargs):
        while True:
            pass

    monkeypatch.setattr(pages.trafilatura, "bare_extraction", endless)
    monkeypatch.setattr(pages, "budget", lambda characters: 0.2)
    assert read_page(b"<html><body><p>Anything.</p></body></html>").startswith("reading the page took longer than")
