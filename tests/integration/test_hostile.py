"""One bad article never costs the others.

A folder of good articles and hostile ones (broken bytes, odd metadata, links, pipes, pages) is
built once; each case then checks what landed and what was reported, with its code."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from kgbuild.graph.vocab import SHAPES
from tests.builders import PAGES, write


def said(tag: str) -> str:
    """A short article whose text is its own (so no two are duplicates)."""
    return f"Officials in {tag} said the bridge would reopen on Monday, the minister told reporters.\n"


def jsonl(path: Path, *records: dict | str) -> None:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    write(path, "\n".join(lines) + "\n")


@dataclass
class Case:
    """One hostile input: how to write it, and what must come of it."""

    name: str
    make: Callable[[Path], None]
    skipped: str | None = None  # the code it is skipped with
    warned: tuple[str, ...] = ()  # the codes of the values left out of an article that lands
    lands: str | None = None  # the id of the article that lands
    meta: dict = field(default_factory=dict)  # graph values the landed article has (None: absent)
    source: str | None = None  # the text its report's source contains (default: the name)


CASES = [
    # text that cannot be used: the article is skipped
    Case("surrogate-text", lambda d: jsonl(d / "surrogate-text.jsonl", '{"id": "st", "text": "Bad \\ud800 text said."}'),
         skipped="E012"),
    Case("nul-escape", lambda d: jsonl(d / "nul-escape.jsonl", '{"id": "ne", "text": "A NUL \\u0000 said."}'), skipped="E002"),
    Case("text-not-string", lambda d: jsonl(d / "text-not-string.jsonl", {"id": "tn", "text": 42}), skipped="E008"),
    Case("id-a-list", lambda d: jsonl(d / "id-a-list.jsonl", {"id": ["a"], "text": said("id-a-list")}), skipped="E008"),
    Case("id-empty", lambda d: jsonl(d / "id-empty.jsonl", {"id": " ", "text": said("id-empty")}), skipped="E008"),
    Case("id-boolean", lambda d: jsonl(d / "id-boolean.jsonl", {"id": True, "text": said("id-boolean")}), skipped="E008"),
    Case("id-surrogate", lambda d: jsonl(d / "id-surrogate.jsonl", '{"id": "x\\udfff", "text": "Fine text, he said."}'),
         skipped="E008"),
    Case("deep-json", lambda d: write(d / "deep-json.jsonl", "[" * 50_000 + "]" * 50_000 + "\n"), skipped="E007"),
    Case("truncated-json", lambda d: write(d / "truncated-json.jsonl", '{"id": "tj", "text": "Cut sh'), skipped="E007"),
    Case("huge-line", lambda d: jsonl(d / "huge-line.jsonl", {"id": "hl", "text": "word " * 60_000}), skipped="E004"),
    Case("latin1", lambda d: write(d / "latin1.txt", "Le ministre a déclaré que ça ira.".encode("latin-1")), skipped="E003"),
    Case("png-as-text", lambda d: write(d / "png-as-text.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), skipped="E002"),
    Case("empty-file", lambda d: write(d / "empty-file.txt", b""), skipped="E001"),
    Case("bom-only", lambda d: write(d / "bom-only.txt", "\ufeff\n"), skipped="E001"),
    Case("unclosed-front", lambda d: write(d / "unclosed-front.md", "---\noutlet: X\nno fence\n"), skipped="E005"),
    Case("deep-yaml", lambda d: write(d / "deep-yaml.md", "---\noutlet: " + "[" * 5000 + "\n---\nBody.\n"),
         skipped="E005"),
    # read after good-1.txt and good-2.txt (files are read in sorted order), so these are the copies
    Case("zz-duplicate-id", lambda d: jsonl(d / "zz-duplicate-id.jsonl", {"id": "good-1", "text": said("dup")}),
         skipped="E006"),
    Case("zz-duplicate-text", lambda d: write(d / "zz-duplicate-text.txt", said("good-2")), skipped="E006"),
    Case("pdf", lambda d: write(d / "paper.pdf", b"%PDF-1.4"), skipped="E011", source="paper.pdf"),
    Case("self-link-loop", lambda d: os.symlink("self-link-loop", d / "self-link-loop"), skipped="E016"),
    Case("dangling-link", lambda d: os.symlink(d / "nowhere.txt", d / "dangling-link.txt"), skipped="E016"),
    Case("named-pipe", lambda d: os.mkfifo(d / "named-pipe.txt"), skipped="E016"),
    Case("folder-link-loop", lambda d: os.symlink("..", d / "sub" / "folder-link-loop"), skipped="E016"),
    Case("bad-manifest-line", lambda d: None, skipped="E009", source="manifest.jsonl:3"),
    Case("page-without-article", lambda d: write(d / "page-without-article.html",
         "<html><body><nav><a href='/'>Home</a></nav><script>alert(1)</script></body></html>"), skipped="E020"),
    Case("page-nested-deep", lambda d: write(d / "page-nested-deep.html",
         "<html><body>" + "<div>" * 15_000 + "<p>Officials said it was deep.</p>" + "</div>" * 15_000), skipped="E020"),
    Case("yaml-python-tag", lambda d: write(d / "yaml-python-tag.md",
         f"---\noutlet: !!python/object/apply:os.system ['echo pwned']\n---\n{said('yaml-tag')}"), skipped="E005"),
    Case("image-as-page", lambda d: write(d / "image-as-page.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20),
         skipped="E020"),
    Case("jsonl-blank", lambda d: write(d / "jsonl-blank.jsonl", "\n  \n\t\n"), skipped="E001"),
    Case("jsonl-null-line", lambda d: jsonl(d / "jsonl-null-line.jsonl", "null"), skipped="E007"),
    # a metadata value that cannot be used is left out; the article lands
    Case("date-month-13", lambda d: write(d / "date-month-13.md", f"---\ndate: 2025-13-45\n---\n{said('date-month-13')}"),
         warned=("E013",), lands="date-month-13", meta={"date": None}),
    Case("date-yesterday", lambda d: jsonl(d / "dates.jsonl", {"id": "date-yesterday", "text": said("yesterday"),
         "date": "yesterday"}), warned=("E013",), lands="date-yesterday", meta={"date": None}, source="dates.jsonl:1"),
    Case("date-compact", lambda d: write(d / "date-compact.txt", said("date-compact")), warned=("E013",),
         lands="date-compact", meta={"date": None}, source="manifest.jsonl:1"),
    Case("date-number", lambda d: jsonl(d / "date-number.jsonl", {"id": "date-number", "text": said("date-number"),
         "date": 20250101}), warned=("E013",), lands="date-number", meta={"date": None}),
    Case("url-bracket", lambda d: jsonl(d / "url-bracket.jsonl", {"id": "url-bracket", "text": said("url-bracket"),
         "url": "http://[::1"}), warned=("E014",), lands="url-bracket", meta={"url": None}),
    Case("url-login", lambda d: jsonl(d / "url-login.jsonl", {"id": "url-login", "text": said("url-login"),
         "url": "https://user@host:pw@example.com/story"}), warned=("E014",), lands="url-login", meta={"url": None}),
    Case("url-javascript", lambda d: jsonl(d / "url-javascript.jsonl", {"id": "url-javascript",
         "text": said("url-javascript"), "url": "javascript:alert(1)"}), warned=("E014",), lands="url-javascript",
         meta={"url": None}),
    Case("url-port-word", lambda d: jsonl(d / "url-port-word.jsonl", {"id": "url-port-word",
         "text": said("url-port-word"), "url": "https://example.com:http/x"}), warned=("E014",), lands="url-port-word",
         meta={"url": None}),
    Case("outlet-surrogate", lambda d: jsonl(d / "outlet-surrogate.jsonl",
         '{"id": "outlet-surrogate", "text": "Officials said it was fine.", "outlet": "Wire \\ud83d"}'),
         warned=("E015",), lands="outlet-surrogate", meta={"outlet": "unknown outlet (outlet-surrogate)"}),
    Case("outlet-a-mapping", lambda d: jsonl(d / "outlet-a-mapping.jsonl", {"id": "outlet-a-mapping",
         "text": said("outlet-a-mapping"), "outlet": {"name": "Wire"}, "title": ["a", "b"]}), warned=("E015", "E015"),
         lands="outlet-a-mapping", meta={"outlet": "unknown outlet (outlet-a-mapping)", "title": None}),
    Case("yaml-alias-bomb", lambda d: write(d / "yaml-alias-bomb.md", "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
         + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
         + f"outlet: *i\n---\n{said('yaml-alias-bomb')}"), warned=("E015",), lands="yaml-alias-bomb",
         meta={"outlet": "unknown outlet (yaml-alias-bomb)"}),
    Case("front-matter-id-list", lambda d: write(d / "front-matter-id-list.md", f"---\nid: [1, 2]\n---\n{said('fmil')}"),
         warned=("E015",), lands="front-matter-id-list"),
    Case("file-name-not-utf8", lambda d: write(Path(os.fsdecode(bytes(d) + b"/caf\xe9-name.txt")), said("not-utf8")),
         warned=("E021",), lands="caf\ufffd-name", source="caf\ufffd-name.txt"),
    # odd but usable: the article lands with nothing reported
    Case("line-separators", lambda d: write(d / "line-separators.txt", "Headline\u2028with a break\n\nThe mayor said"
         " the\x0cbudget\x0bwas\x85balanced\u2029and the road would reopen, officials told reporters.\n"),
         lands="line-separators"),
    Case("title-markup", lambda d: write(d / "title-markup.md", '---\ntitle: "A \\"quoted\\" <b>title</b>\\nover '
         f'two lines\\x0c"\noutlet: "<script>alert(1)</script>"\n---\n{said("title-markup")}'), lands="title-markup",
         meta={"title": 'A "quoted" <b>title</b> over two lines', "outlet": "<script>alert(1)</script>"}),
    Case("crlf-front-matter", lambda d: write(d / "crlf-front-matter.md",
         f"---\r\noutlet: CRLF Times\r\ndate: 2025-05-21\r\n---\r\n{said('crlf')}".replace("\n", "\r\n")),
         lands="crlf-front-matter", meta={"outlet": "CRLF Times", "date": "2025-05-21"}),
    Case("bom-front-matter", lambda d: write(d / "bom-front-matter.md",
         f"\ufeff---\noutlet: BOM Post\n---\n{said('bom')}"), lands="bom-front-matter", meta={"outlet": "BOM Post"}),
    Case("datetime-with-zone", lambda d: jsonl(d / "datetime-with-zone.jsonl", {"id": "datetime-with-zone",
         "text": said("dtz"), "date": "2025-05-20T23:30:00-05:00", "outlet": 2024}), lands="datetime-with-zone",
         meta={"date": "2025-05-20", "outlet": "2024"}),
    Case("url-unicode-spaces", lambda d: jsonl(d / "url-unicode-spaces.jsonl", {"id": "url-unicode-spaces",
         "text": said("url-unicode"), "url": "https://example.com/news/café story?q=<x>"}), lands="url-unicode-spaces",
         meta={"url": "https://example.com/news/caf%C3%A9%20story?q=%3Cx%3E"}),
    Case("jsonl-crlf-bom", lambda d: write(d / "jsonl-crlf-bom.jsonl", "\ufeff" + json.dumps({"id": "jsonl-crlf-bom",
         "text": said("crlf-bom"), "outlet": "  Wire\r\n "}) + "\r\n\r\n"), lands="jsonl-crlf-bom", meta={"outlet": "Wire"}),
    Case("page-windows-1252", lambda d: write(d / "page-windows-1252.htm", (
         "<html><head><meta charset='windows-1252'><meta property='og:site_name' content='Le Café Quotidien'></head>"
         "<body><article><h1>Réforme</h1><p>Le ministre a déclaré que la réforme entrerait en vigueur en été, selon un "
         "communiqué publié à Paris.</p></article></body></html>").encode("cp1252")), lands="page-windows-1252",
         meta={"outlet": "Le Café Quotidien", "title": "Réforme"}),
    Case("outlet-emoji", lambda d: jsonl(d / "outlet-emoji.jsonl", {"id": "outlet-emoji", "text": said("emoji"),
         "outlet": "\U0001F525"}), lands="outlet-emoji", meta={"outlet": "\U0001F525"}),
    Case("outlet-other-emoji", lambda d: jsonl(d / "outlet-other-emoji.jsonl", {"id": "outlet-other-emoji",
         "text": said("other-emoji"), "outlet": "\U0001F4A7"}), lands="outlet-other-emoji", meta={"outlet": "\U0001F4A7"}),
    Case("link-to-file", lambda d: (write(d.parent / "outside" / "linked.txt", said("linked")),
         os.symlink(d.parent / "outside" / "linked.txt", d / "link-to-file.txt")), lands="link-to-file"),
    Case("long-token", lambda d: write(d / "long-token.txt", "x" * 30_000 + "\n\n" + said("long-token")),
         lands="long-token"),
    Case("odd-file-name", lambda d: write(d / "sub" / 'odd "name" <&>#%.txt', said("odd-name")),
         lands='odd "name" <&>#%'),
    Case("hostile-page", lambda d: write(d / "hostile-markup.html", (PAGES / "hostile-markup.html").read_bytes()),
         lands="hostile-markup", meta={"outlet": 'Tabloid "Daily" <Blaze>', "date": None, "url": None,
                                       "title": "Mayor quits after audit"}),
]
MANIFEST = [
    {"id": "date-compact", "date": "20250101"},
    {"id": "good-1", "outlet": "Good Wire", "date": "2025-05-21"},
    "{not json",
]
GOOD = ["good-1", "good-2", "good-3"]


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory, nlp) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "in"
    (folder / "sub").mkdir(parents=True)
    for name in GOOD:
        write(folder / f"{name}.txt", said(name))
    jsonl(folder / "manifest.jsonl", *MANIFEST)
    for case in CASES:
        case.make(folder)
    from kgbuild.pipeline import build

    out = folder.parent / "out"
    build([folder], out=out, nlp=nlp, max_bytes=200_000)
    return out


@pytest.fixture(scope="module")
def report(hostile_out) -> dict:
    return json.loads((hostile_out / "report.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def landed(hostile_out) -> dict[str, dict]:
    """Article id -> its values in the graph."""
    from kgbuild import load_graph

    rows = load_graph(hostile_out / "graph.ttl").query("""
        PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?id ?outlet ?date ?url ?title WHERE {
          ?a a kg:Article ; dcterms:identifier ?id ; schema:publisher/rdfs:label ?outlet .
          OPTIONAL { ?a schema:datePublished ?date } OPTIONAL { ?a schema:url ?url }
          OPTIONAL { ?a schema:headline ?title } }""")
    return {str(r.id): {k: None if r[k] is None else str(r[k]) for k in ("outlet", "date", "url", "title")} for r in rows}


def reported(report: dict, kind: str, case: Case) -> list[str]:
    return [p["code"] for p in report[kind] if (case.source or case.name) in p["source"]]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_hostile_input_lands_or_is_reported_alone(case, report, landed):
    assert reported(report, "skipped", case) == ([case.skipped] if case.skipped else [])
    assert sorted(reported(report, "warnings", case)) == sorted(case.warned)
    if case.lands:
        assert case.lands in landed
        for key, value in case.meta.items():
            assert landed[case.lands][key] == value, key


@pytest.mark.slow
def test_every_good_article_lands_and_nothing_else_is_reported(report, landed):
    assert {"good-1", "good-2", "good-3"} <= set(landed)
    assert landed["good-1"]["outlet"] == "Good Wire" and landed["good-1"]["date"] == "2025-05-21"
    expected = {c.lands for c in CASES if c.lands} | set(GOOD)
    assert set(landed) == expected
    accounted = [p for p in report["skipped"] + report["warnings"] if any((c.source or c.name) in p["source"] for c in CASES)]
    assert len(accounted) == len(report["skipped"]) + len(report["warnings"])
    assert all(p["reason"] for p in report["skipped"] + report["warnings"])


@pytest.mark.slow
def test_kgbuild_validates_its_own_graph_of_hostile_inputs(hostile_out):
    from pyshacl import validate

    conforms, _, text = validate(str(hostile_out / "graph.ttl"), shacl_graph=str(SHAPES), data_graph_format="turtle")
    assert conforms, text


@pytest.mark.slow
def test_line_separators_in_evidence_survive_the_turtle_export(hostile_out):
    from kgbuild import load_graph

    evidence = [str(e) for (e,) in load_graph(hostile_out / "graph.ttl").query(
        "SELECT ?e WHERE { ?a kg:article/<http://purl.org/dc/terms/identifier> 'line-separators' ; kg:evidence ?e }")]
    assert any("\x0cbudget\x0bwas\x85balanced\u2029and" in e for e in evidence)
