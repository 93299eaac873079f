from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import Graph, Literal

from kgbuild.pipeline import build
from kgbuild.vocab import KG, SHAPES
from tests.conftest import write
from tests.malicious import EVIL_TEXT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def evil_out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("evil")
    write(folder / "in" / "evil.txt", EVIL_TEXT)
    write(folder / "in" / "plain.txt", "The mayor said that the bridge would reopen on Monday.\n")
    build([folder / "in"], out=folder / "out")
    return folder / "out"


def test_turtle_metacharacters_round_trip_and_the_graph_stays_valid(evil_out):
    graph = Graph().parse(evil_out / "graph.ttl", format="turtle")
    contents = {str(o) for o in graph.objects(None, KG.content)}
    assert any('"""harmless"""' in c and "back\\slash" in c and "<script>" in c for c in contents)
    conforms, _, report = validate(graph, shacl_graph=str(SHAPES))
    assert conforms, report


def test_html_never_contains_article_markup_raw(evil_out):
    page = (evil_out / "graph.html").read_text()
    assert "window.pwned" in page.replace("\\u003c", "<")  # the text is there, as JSON data
    assert "<script>window.pwned" not in page and "<img src=x" not in page
    assert "</script><script>window" not in page


def test_same_input_gives_byte_identical_turtle(tmp_path, evil_out):
    build([evil_out.parent / "in"], out=tmp_path, html=False)
    assert (tmp_path / "graph.ttl").read_bytes() == (evil_out / "graph.ttl").read_bytes()


def test_typed_literals():
    from kgbuild.export.rdf import typed_date

    assert typed_date("2023-11") == Literal("2023-11", datatype="http://www.w3.org/2001/XMLSchema#gYearMonth")
    assert typed_date("--05-21").datatype.endswith("gMonthDay")


def test_line_separators_in_literals_keep_each_triple_whole():
    from rdflib import URIRef

    from kgbuild.export.rdf import to_turtle

    text = "a\x0cb\x0bc\x1cd\x85e\u2028f\u2029g\r\nh"
    graph = Graph()
    graph.add((URIRef("https://example.org/x"), KG.evidence, Literal(text)))
    assert str(next(Graph().parse(data=to_turtle(graph), format="turtle").objects())) == text


def test_an_article_url_that_is_no_iri_is_left_out_of_the_graph():
    from kgbuild.export.rdf import add_article
    from kgbuild.records import Article
    from kgbuild.vocab import SCHEMA

    graph = Graph()
    add_article(graph, "https://example.org/", Article("a", "t", "h", "a.txt", url="http://[::1"))
    add_article(graph, "https://example.org/", Article("b", "t", "h", "b.txt", url="https://example.org/b c"))
    assert [str(o) for o in graph.objects(None, SCHEMA.url)] == ["https://example.org/b%20c"]


def test_outlets_whose_names_spell_no_slug_stay_apart():
    from kgbuild.export.rdf import name_slug

    assert name_slug("\U0001F525") != name_slug("\U0001F4A7") and name_slug("\U0001F525").startswith("u-")
    assert name_slug("X") == "x" and name_slug("Le Monde") == name_slug("LE MONDE") == "le-monde"
