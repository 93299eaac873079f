"""The pipeline, top to bottom: ingest -> extract -> merge -> export."""

from __future__ import annotations

import json
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from . import __version__
from .cache import ExtractionCache
from .export.html import render
from .export.rdf import attribution_iri, to_graph, to_turtle
from .extract import DEFAULT_MODEL, extract_each, load_pipeline
from .ingest import DEFAULT_MAX_BYTES, ingest, shown_path
from .merge import Merged, merge
from .merge.aliases import NO_ALIASES, load_aliases
from .records import Extraction, InputWarning, Skipped
from .vocab import DEFAULT_BASE

Progress = Callable[[Iterable], Iterator]
OUTPUTS = ("graph.ttl", "graph.html", "attributions.jsonl", "report.json")


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; outputs are for sharing
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_stale_temporaries(out: Path) -> None:
    """Delete what a killed run left of ``write_atomically``'s temporary files in ``out`` and
    its cache (``.graph.ttl.x1y2.tmp``): each is a copy that was never renamed into place."""
    patterns = [f".{name}.*.tmp" for name in OUTPUTS] + [".cache/.*.json.*.tmp"]
    for pattern in patterns:
        for stale in out.glob(pattern):
            stale.unlink(missing_ok=True)


def problem_json(problem: Skipped | InputWarning) -> dict:
    return {"source": problem.source, "code": problem.code, "reason": problem.reason}


def word_vectors(nlp) -> Callable[[str], "object | None"]:
    """A word -> its vector in the pipeline's table, or None."""
    vocab = nlp.vocab
    return lambda word: vocab.get_vector(word) if vocab.has_vector(word) else None


def span_json(span) -> dict | None:
    return {"text": span.text, "start": span.start, "end": span.end} if span else None


def attribution_lines(extractions: list[Extraction], merged: Merged, base: str) -> str:
    """One JSON line per extracted attribution: the evaluation interface (keys are stable)."""
    in_graph = {id(a): n for n, a in enumerate(merged.attributions)}
    lines = []
    for extraction in extractions:
        for a in extraction.attributions:
            n = in_graph.get(id(a))
            actor = merged.actors[merged.actor_of[n]] if n is not None else None
            record = {
                "article": a.article,
                "source": span_json(a.source),
                "cue": span_json(a.cue),
                "content": span_json(a.content),
                "actor": base + actor.key if actor else None,
                "actor_label": actor.label if actor else (a.actor.name if a.actor else None),
                "claim": base + merged.claim_of[n] if n is not None else None,
                "stance": a.stance,
                "direct": a.direct,
                "via": a.via,
                "date": a.date,
                "attribution": str(attribution_iri(base, a)) if n is not None else None,
                "hedged": a.hedged,
                "speech": a.speech,
            }
            lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    return "\n".join(lines) + ("\n" if lines else "")


@contextmanager
def timed(timings: dict, stage: str):
    start = time.perf_counter()
    yield
    timings[stage] = round(time.perf_counter() - start, 3)


def build(
    inputs: Iterable[str | Path] = ("seeds",),
    out: str | Path = "out",
    model: str | None = None,
    base: str = DEFAULT_BASE,
    html: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    nlp: Language | None = None,
    cache: str | Path | None = None,
    aliases: str | Path | None = None,
) -> dict:
    """Run the whole pipeline; write graph.ttl, graph.html, attributions.jsonl and report.json
    under ``out``; return the report. ``nlp`` reuses a pipeline from ``load_pipeline``; ``cache``
    is a folder where extraction results are kept by content hash for the next run; ``aliases``
    is the user's alias file (see ``kgbuild.merge.aliases``)."""
    out, timings = Path(out), {}
    overrides = load_aliases(aliases) if aliases else NO_ALIASES  # a bad file fails before any work
    inputs = [str(p) for p in inputs]
    remove_stale_temporaries(out)
    with timed(timings, "ingest"):
        articles, problems = ingest(inputs, max_bytes=max_bytes, leave_out=[out])
        skipped = [p for p in problems if isinstance(p, Skipped)]
        warnings = [p for p in problems if isinstance(p, InputWarning)]
    with timed(timings, "load_model"):
        nlp = nlp or load_pipeline(model)
    with timed(timings, "extract"):
        pipeline_id = "{lang}_{name}-{version}".format(**nlp.meta)  # the pipeline actually used
        stored = ExtractionCache(cache, pipeline_id) if cache else None
        cached = {a.id: stored.get(a) for a in articles} if stored else {}
        missing = [a for a in articles if cached.get(a.id) is None]
        stream = extract_each(missing, nlp)
        results = list(progress(stream) if progress else stream)
        skipped += [r for r in results if isinstance(r, Skipped)]
        fresh = {r.article.id: r for r in results if isinstance(r, Extraction)}
        if stored:
            for extraction in fresh.values():
                stored.put(extraction.article, extraction.attributions)
        articles = [a for a in articles if a.id in fresh or cached.get(a.id) is not None]  # the rest were skipped
        extractions = [fresh.get(a.id) or Extraction(a, cached[a.id]) for a in articles]
    with timed(timings, "merge"):
        merged = merge(extractions, word_vectors(nlp), overrides)
    with timed(timings, "export"):
        graph = to_graph(merged, base)
        write_atomically(out / "graph.ttl", to_turtle(graph))
        write_atomically(out / "attributions.jsonl", attribution_lines(extractions, merged, base))
        if html:
            write_atomically(out / "graph.html", render(merged))
    report = {
        "kgbuild": __version__,
        "model": model or DEFAULT_MODEL,
        "inputs": [shown_path(Path(p)) for p in inputs],
        "counts": {
            "articles": len(articles),
            "skipped": len(skipped),
            "warnings": len(warnings),
            "attributions_extracted": sum(len(e.attributions) for e in extractions),
            "attributions_in_graph": len(merged.attributions),
            "attributions_without_actor": merged.unattributed,
            "articles_from_cache": len(articles) - len(fresh),
            "actors": len(merged.actors),
            "claims": len(merged.claims),
            "contested_claims": sum(c.contested for c in merged.claims.values()),
            "triples": len(graph),
        },
        "attributions_per_article": {e.article.id: len(e.attributions) for e in extractions},
        "skipped": [problem_json(s) for s in skipped],
        "warnings": [problem_json(w) for w in warnings],
        "timings_seconds": timings,
    }
    write_atomically(out / "report.json", json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return report
