"""What tests build by hand, in one place: paths, files, articles, attributions and extractions.

Tests import from here, never from one another; fixtures that need the spaCy pipeline or a run of
the whole pipeline are in ``conftest.py``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import spacy
from spacy.language import Language

from kgbuild.ingest import content_hash
from kgbuild.records import Article, Attribution, Extraction, Mention, Span

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
PAGES = ROOT / "tests" / "data" / "pages"  # saved web pages, written for the tests

# An article written to break out of Turtle literals and HTML.
EVIL_TEXT = (
    "Hacker Weekly\n\n"
    'The minister said that <script>window.pwned = 1</script> and <img src=x onerror="window.pwned = 2"> '
    'were """harmless""" with a back\\slash and a > sign.\n\n'
    '"</script><script>window.pwned = 3</script>" the spokesman told reporters.\n'
)

# A claim one outlet attributes, another hedges, a third states as fact and a fourth denies.
LAUNDERED_ARTICLES = [
    {"id": "wire", "outlet": "Wire", "date": "2025-03-01",
     "text": "Local officials said that the Kakhovka dam was blown up by Russian troops on Monday night.\n\n"
             "Rescue teams were sent to the area."},
    {"id": "daily", "outlet": "Daily", "date": "2025-03-02", "title": "Russian troops blew up the Kakhovka dam on Monday night",
     "text": "Floods reached the town of Nova Kakhovka by Tuesday morning.\n\nResidents were evacuated by bus."},
    {"id": "herald", "outlet": "Herald", "date": "2025-03-02",
     "text": "The Kakhovka dam was reportedly blown up by Russian troops on Monday night.\n\nThe river rose fast."},
    {"id": "times", "outlet": "Times", "date": "2025-03-03",
     "text": "No, Russian troops did not blow up the Kakhovka dam, the ministry insisted.\n\nIt blamed shelling."},
]


def write(path: Path, data: bytes | str) -> Path:
    """A file with these bytes (or this text, UTF-8), its folders made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def article(identifier: str, text: str, **metadata) -> Article:
    """An article as ingest makes it, its text hashed."""
    return Article(id=identifier, text=text, content_hash=content_hash(text), source=f"{identifier}.txt", **metadata)


def attribution(article, text, stance="asserts", actor="Yury Dashkin", kind="person", at=0, **extra) -> Attribution:
    """``actor`` said ``text`` at character ``at`` of ``article``: a reported clause, with "said"."""
    body = Span(text, at + 10, at + 10 + len(text))
    return Attribution(
        article=article,
        cue=Span("said", at, at + 4),
        content=body,
        source=Span(actor, at, at + len(actor)),
        actor=Mention(actor, kind, variants=(actor,)),
        stance=stance,
        direct=False,
        quote=None,
        via=None,
        date=None,
        evidence=Span(text, at, at + 10 + len(text)),
        **extra,
    )


def own(article, text, voice="headline", stance="asserts", **extra) -> Attribution:
    """What an outlet states itself: no cue, no source, no actor."""
    return replace(attribution(article, text, stance, **extra), cue=None, source=None, actor=None, voice=voice,
                   headline=voice == "headline")


def extraction(article_id, *attributions, outlet=None, text="x" * 1000) -> Extraction:
    """An article (by default 1,000 characters of "x") with these attributions, from ``outlet``."""
    made = Article(id=article_id, text=text, content_hash=article_id, source=article_id, outlet=outlet)
    return Extraction(made, list(attributions))


def helicopter_story() -> list[Extraction]:
    """Three outlets on three days carry one claim: Wire attributes it to Dashkin (via Rossiya-24),
    Daily states it in its own voice, hedged, and Herald reports a denial; the claim is about Putin."""
    putin = Mention("Vladimir Putin", "person", variants=("Vladimir Putin",))
    claim = "the helicopter of Vladimir Putin was at the epicenter of the drone attack"
    said = replace(attribution("wire", f"that {claim}", about=(putin,)), via="Rossiya-24", date="2025-05-20")
    stated = own("daily", "the helicopter of Vladimir Putin was reportedly at the epicenter of the attack", voice="lead",
                 hedged=True, about=(putin,))
    denied = attribution("herald", f"that {claim}", stance="denies", actor="Volodymyr Zelensky", about=(putin,))
    return [
        Extraction(dated("wire", "Wire", "2025-05-20"), [said]),
        Extraction(dated("daily", "Daily", "2025-05-21"), [stated]),
        Extraction(dated("herald", "Herald", "2025-05-22"), [denied]),
    ]


def dated(article_id, outlet, date) -> Article:
    """An article of 1,000 characters from ``outlet``, published on ``date``."""
    return article(article_id, "x" * 1000, outlet=outlet, date=date)


def edge_ids(network) -> set[tuple[str, str, str]]:
    """(source, target, id) of each edge of a network read back from GraphML or GEXF (networkx reads
    a GEXF file without parallel edges as a DiGraph, each edge's id then in its data)."""
    if network.is_multigraph():
        return {(u, v, d.get("id", k)) for u, v, k, d in network.edges(keys=True, data=True)}
    return {(u, v, d["id"]) for u, v, d in network.edges(data=True)}


def only(attributions, cue):
    """The one attribution with this cue (the test fails, listing them all, if there is not one)."""
    found = [a for a in attributions if a.cue.text == cue]
    assert len(found) == 1, [(a.cue.text, a.content and a.content.text) for a in attributions]
    return found[0]


@Language.component("kgbuild_test_fails_on_boom")
def fails_on_boom(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("the test component fails on BOOM")
    doc._.attributions = []
    return doc


def pipeline_failing_on_boom() -> Language:
    """A pipeline that raises on any text holding "BOOM": a loader for worker processes
    (importable by name, as spawned workers need)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("kgbuild_test_fails_on_boom")
    return nlp
