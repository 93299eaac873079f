from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import Graph, Literal

from kgbuild.graph.vocab import KG, SHAPES
from kgbuild.pipeline import build
from tests.builders import EVIL_TEXT, write

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
    from kgbuild.export.rdf import article_lines
    from kgbuild.graph.vocab import SCHEMA
    from kgbuild.records import Article

    lines = article_lines("<https://example.org/a>", "https://example.org/", Article("a", "t", "h", "a.txt", url="http://[::1"))
    lines += article_lines("<https://example.org/b>", "https://example.org/", Article("b", "t", "h", "b.txt", url="https://example.org/b c"))
    graph = Graph().parse(data="\n".join(lines), format="nt")
    assert [str(o) for o in graph.objects(None, SCHEMA.url)] == ["https://example.org/b%20c"]


def test_the_streamed_turtle_is_its_graphs_sorted_turtle(tmp_path, evil_out):
    """The pipeline writes the graph subject by subject, never holding it; the bytes are those
    of the whole graph's sorted N-Triples pretty-printed (what rdflib's Graph gave before)."""
    from kgbuild.export.rdf import to_turtle

    written = (evil_out / "graph.ttl").read_text("utf-8")
    assert to_turtle(Graph().parse(data=written, format="turtle")) == written


def test_outlets_whose_names_spell_no_slug_stay_apart():
    from kgbuild.merge.keys import name_slug

    assert name_slug("\U0001F525") != name_slug("\U0001F4A7") and name_slug("\U0001F525").startswith("u-")
    assert name_slug("X") == "x" and name_slug("Le Monde") == name_slug("LE MONDE") == "le-monde"


HOSTILE = ['"', "'", "\\", "\n", "\r", "\t", "\x0c", "\x0b", "\x1c", "\x85", "\u2028", "\u2029", "<", ">", "{", "}",
           "^", "`", "|", "é", "\U0001F525", '"""', "\\u0041", "\\n", "@", "#", ".", ";", ",", "_:b", "%", "\x7f",
           "\x01", "\ufeff", "\u200b", "a", " "]


def hostile_extractions(count: int = 60):
    """Hand-made articles whose every text field holds what Turtle must escape."""
    import random

    from kgbuild.records import Article, Attribution, Extraction, Mention, Span

    rng = random.Random(7)

    def hostile() -> str:
        return "".join(rng.choice(HOSTILE) for _ in range(rng.randrange(1, 25)))

    extractions = []
    for n in range(count):
        article = Article(f"a{n}{hostile() if n % 3 == 0 else ''}", f"text {n}", f"hash{n}", "in.jsonl",
                          outlet=rng.choice([None, hostile(), "Outlet 1", "\U0001F525"]),
                          date=rng.choice([None, "2025-01-02", "2025-01-02T10:00:00+01:00"]),
                          url=rng.choice([None, "https://example.org/a b", "http://[::1"]), title=rng.choice([None, hostile()]))
        attributions = [Attribution(
            article=article.id, cue=Span(hostile(), 3 * k, 3 * k + 1), content=Span(hostile(), 3 * k + 1, 3 * k + 2),
            source=Span(hostile(), 3 * k, 3 * k + 1),
            actor=Mention(rng.choice(["Anna Smith", "Ana Smith", hostile()]), rng.choice(["person", "organization", "collective"]),
                          (hostile(),)),
            stance=rng.choice(["asserts", "denies"]), direct=rng.random() < 0.5, quote=rng.choice([None, hostile()]),
            via=rng.choice([None, hostile(), "Telegram"]), date=rng.choice([None, "2025", "2025-05", "--05-21", "2025-05-20"]),
            evidence=Span(hostile(), 0, 9), confidence=rng.random()) for k in range(3)]
        extractions.append(Extraction(article, attributions))
    return extractions


def test_hostile_text_in_every_field_streams_to_the_graphs_sorted_turtle(tmp_path):
    """Whatever the strings, the streamed lines are rdflib's sorted N-Triples of the same graph
    (so the bytes are those the rdflib Graph gave), and the Turtle reads back to that graph."""
    from rdflib.compare import isomorphic

    from kgbuild.export.rdf import Statements, to_turtle, write_turtle
    from kgbuild.merge import merge

    merged = merge(hostile_extractions())
    lines = list(Statements(merged, "https://example.org/").lines())
    graph = Graph().parse(data="\n".join(lines), format="nt")
    assert lines == sorted(set(graph.serialize(format="nt").split("\n")) - {""})
    assert write_turtle(lines, tmp_path / "g.ttl") == len(graph) == len(lines)
    written = (tmp_path / "g.ttl").read_text("utf-8")
    assert written == to_turtle(graph)
    assert isomorphic(Graph().parse(data=written, format="turtle"), graph)


def test_spread_and_drift_are_in_the_graph_and_the_shapes_hold_them():
    from kgbuild.export.rdf import to_graph
    from kgbuild.merge import merge
    from tests.builders import helicopter_story

    graph = to_graph(merge(helicopter_story()))
    assert sorted(int(rank) for rank in graph.objects(None, KG.spreadRank)) == [1, 2, 3]
    (drifted,) = set(graph.subjects(KG.driftFrom, None))
    assert set(graph.objects(drifted, KG.change)) == {KG.SourceDropped, KG.HedgeAdded, KG.WordsAdded, KG.WordsDropped}
    assert {str(w) for w in graph.objects(drifted, KG.added)} == {"reportedly"}
    conforms, _, report = validate(graph, shacl_graph=str(SHAPES))
    assert conforms, report
    graph.remove((drifted, KG.change, None))  # a drift that says from which wording but not how
    assert not validate(graph, shacl_graph=str(SHAPES))[0]
