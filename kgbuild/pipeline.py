"""The pipeline, top to bottom: ingest -> extract -> merge -> export.

``build`` runs the stages in order on the engine chosen for the run (``kgbuild.runtime``): ingest
reads the inputs; extraction runs per article, from the cache where it can; the merge and the
export run here; the report says what was done, skipped and how long it took.
"""

from __future__ import annotations

import hashlib
import json
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from . import __version__
from .export import Statements, attribution_records, remove_stale_temporaries, render, replacing, write_atomically, write_turtle
from .extract import DEFAULT_MODEL, extract_isolated, load_pipeline, loader, pipeline_meta, pipeline_name
from .graph.vocab import DEFAULT_BASE
from .ingest import DEFAULT_MAX_BYTES, ingest, shown_path
from .merge import NO_ALIASES, load_aliases, merge
from .merge.claims import word_vectors, wordings_encoded_first
from .merge.claims.encoder import load_encoder, process_encoder
from .records import Article, Extraction, InputWarning, Merged, Outcome, Problem, Skipped
from .runtime import ExtractionCache, code_fingerprint, collector_paused, run_each, runs_here

Progress = Callable[[Iterable], Iterator]
CACHE_BATCH = 64  # extractions written to the cache together, as they arrive


def problem_json(problem: Problem) -> dict:
    return {"source": problem.source, "code": problem.code, "reason": problem.reason}


def collect(outcomes: Iterable[Outcome], stored: ExtractionCache | None, every: int = CACHE_BATCH,
            each: Callable[[Extraction], None] | None = None) -> tuple[dict, list[Skipped]]:
    """Extractions by article id, and the failures; each extraction is cached as it arrives (in
    batches of ``every``), so that an interrupted run keeps the work done, and given to ``each``."""
    fresh, failed, unsaved = {}, [], []
    try:
        for outcome in outcomes:
            if isinstance(outcome, Skipped):
                failed.append(outcome)
                continue
            fresh[outcome.article.id] = outcome
            if each:
                each(outcome)
            unsaved.append(outcome)
            if stored and len(unsaved) >= every:
                stored.put_many(unsaved)
                unsaved.clear()
    finally:
        if stored:
            stored.put_many(unsaved)
    return fresh, failed


def run_key(inputs: list[str], articles: list[Article], skipped: list[Skipped], pipeline_id: str, base: str,
            html: bool, aliases: str | Path | None) -> str:
    """A digest of everything the outputs depend on: the articles (metadata and text hash), what
    ingest skipped, the spaCy pipeline, the options, the alias file and kgbuild's own code."""
    digest = hashlib.sha256(json.dumps([inputs, pipeline_id, base, html, code_fingerprint()]).encode())
    for article in articles:
        digest.update(json.dumps([article.id, article.content_hash, article.source, article.outlet, article.date,
                                  article.url, article.title]).encode())
    for item in skipped:
        digest.update(json.dumps([item.source, item.code, item.reason]).encode())
    if aliases:
        digest.update(Path(aliases).read_bytes())
    return digest.hexdigest()


def output_names(html: bool) -> list[str]:
    return ["graph.ttl", "attributions.jsonl"] + (["graph.html"] if html else [])


def output_hashes(out: Path, html: bool) -> dict[str, str] | None:
    """The SHA-256 of each output in ``out``; None when one is missing."""
    hashes = {}
    for name in output_names(html):
        digest = hashlib.sha256()
        try:
            with open(out / name, "rb") as stream:
                while block := stream.read(1 << 20):
                    digest.update(block)
        except OSError:
            return None
        hashes[name] = digest.hexdigest()
    return hashes


def up_to_date(out: Path, key: str, html: bool) -> dict | None:
    """The previous run's report when it was made from the same ``run_key`` and its outputs are
    the ones it wrote (their hashes in the report): a rerun with nothing changed then writes
    nothing again; an output replaced or edited since is built again."""
    try:
        report = json.loads((out / "report.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if report.get("run_key") == key and report.get("outputs") and report["outputs"] == output_hashes(out, html):
        return report
    return None


@contextmanager
def timed(timings: dict, stage: str, cpu: dict | None = None):
    """Wall seconds of a stage in ``timings[stage]``, and this process's CPU seconds (its own
    threads, not worker processes) in ``cpu[stage]``."""
    start, started = time.perf_counter(), time.process_time()
    yield
    timings[stage] = round(time.perf_counter() - start, 3)
    if cpu is not None:
        cpu[stage] = round(time.process_time() - started, 3)


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
    workers: int = 1,
    scheduler: str | None = None,
) -> dict:
    """Run the whole pipeline; write graph.ttl, graph.html, attributions.jsonl and report.json
    under ``out``; return the report. ``nlp`` reuses a pipeline from ``load_pipeline``; ``cache``
    is a folder where extraction results are kept by content hash for the next run; ``aliases``
    is the user's alias file (see ``kgbuild.merge.aliases``). Extraction runs in this process, on
    ``workers`` processes, or on the Dask cluster at ``scheduler`` (``kgbuild.runtime``), with the
    same outputs; forked workers share this process's pipeline, spawned ones and a cluster's load
    ``model`` themselves. An article whose extraction fails is skipped with its code (E018, E019,
    E024). A rerun whose outputs are up to date (``run_key``) returns the previous report without
    loading the pipeline."""
    out, timings, cpu = Path(out), {}, {}
    overrides = load_aliases(aliases) if aliases else NO_ALIASES  # a bad file fails before any work
    inputs = [str(p) for p in inputs]
    remove_stale_temporaries(out)
    with timed(timings, "ingest", cpu):
        articles, problems = ingest(inputs, max_bytes=max_bytes, leave_out=[out])
        skipped = [p for p in problems if isinstance(p, Skipped)]
        warnings = [p for p in problems if isinstance(p, InputWarning)]
    pipeline_id = pipeline_name(nlp.meta if nlp else pipeline_meta(model))  # the pipeline actually used
    key = run_key(inputs, articles, skipped, pipeline_id, base, html, aliases)
    if cache and (previous := up_to_date(out, key, html)):
        report = {**previous, "timings_seconds": timings, "cpu_seconds": cpu, "unchanged": True}
        write_atomically(out / "report.json", json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        return report
    with timed(timings, "load_model", cpu):
        nlp = nlp or load_pipeline(model)
    with timed(timings, "extract", cpu):
        extractions, failed, from_cache, encoder = extract_all(
            articles, nlp, model, cache, pipeline_id, workers, scheduler, progress)
    # The merge and the export make millions of objects and no reference cycles; Python's cycle
    # collector, left on, would traverse them again and again.
    with collector_paused():
        try:
            with timed(timings, "merge", cpu):
                merged = merge(extractions, word_vectors(nlp), overrides, encoder)
        finally:
            encoder.close()
        timings["encoding_in_merge"] = round(encoder.seconds, 3)  # in this process, after the extraction
        timings["encoding_beside_extraction"] = round(encoder.ahead_seconds, 3)  # in this process, on a thread
        with timed(timings, "export", cpu):
            triples = export_all(merged, extractions, out, base, html)
    counts = {"articles": len(extractions), "skipped": len(skipped) + len(failed), "warnings": len(warnings),
              **extraction_counts(extractions, merged), "articles_from_cache": from_cache,
              "texts_encoded": encoder.encoded + encoder.received, "vectors_from_cache": encoder.read, **graph_counts(merged),
              "triples": triples}
    report = {
        "kgbuild": __version__,
        "model": model or DEFAULT_MODEL,
        "inputs": [shown_path(Path(p)) for p in inputs],
        "counts": counts,
        "attributions_per_article": {e.article.id: len(e.attributions) for e in extractions},
        "skipped": [problem_json(s) for s in skipped + failed],
        "warnings": [problem_json(w) for w in warnings],
        "timings_seconds": timings,
        "cpu_seconds": cpu,  # this process's, beside the wall seconds: a busy machine inflates those
        "texts_encoded_by_workers": encoder.received,  # of counts' texts_encoded: the rest were encoded here
        "run_key": key if not failed else None,  # an article that failed is tried again next time
        "outputs": output_hashes(out, html),  # what this run wrote, for the next run's ``up_to_date``
    }
    write_atomically(out / "report.json", json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return report


def extract_all(articles: list[Article], nlp: Language, model: str | None, cache: str | Path | None,
                pipeline_id: str, workers: int, scheduler: str | None, progress: Progress | None):
    """Every article's extraction, in input order, from the cache where it is there: (extractions,
    the articles that failed, how many came from the cache, the sentence encoder holding the
    vectors made so far). Each article's wordings are encoded where it is extracted: a worker
    process or a cluster's worker encodes them after extracting its chunk
    (``extracted_and_encoded``) and they travel back with it; in this process, the encoder runs
    beside the parser on a thread of its own (worker processes are forked only from a process
    without it). With a cache, the vectors are kept there for the next run."""
    stored = ExtractionCache(cache, pipeline_id) if cache else None
    encoder = None
    try:
        cached = stored.get_many(articles) if stored else {}
        missing = [a for a in articles if a.id not in cached]
        if runs_here(missing, workers, scheduler):
            encoder = load_encoder(cache, ahead=True)
            encoder.ahead(text for e in cached.values() for text in wordings_encoded_first(e))
            work, each = extract_isolated, lambda e: encoder.ahead(wordings_encoded_first(e.attributions))
        else:
            work, each = extracted_and_encoded, None
        outcomes = run_each(missing, work, loader(model), lambda: nlp, workers, scheduler)
        fresh, failed = collect(progress(outcomes) if progress else outcomes, stored, each=each)
    except BaseException:
        if encoder:
            encoder.close()
        raise
    finally:
        if stored:
            stored.close()
    if encoder is None:  # made after the workers are done: they fork from a process without its threads
        encoder = load_encoder(cache)
        for extraction in fresh.values():
            encoder.given(extraction.vectors)
        fresh = {key: replace(e, vectors={}) for key, e in fresh.items()}  # the encoder holds them, once a text
    extractions = [fresh.get(a.id) or Extraction(a, cached[a.id]) for a in articles if a.id in fresh or a.id in cached]
    return extractions, failed, len(cached), encoder


def extracted_and_encoded(articles: list[Article], nlp: Language) -> list[Outcome]:
    """The work of a worker process or a cluster's worker: each article's extraction
    (``extract_isolated``) with the sentence vectors of the wordings the claim merge compares
    first, encoded there, a chunk together (they pad less), so that the merge does not. The
    vectors are bit for bit those the merge would compute (``encoder``). Should encoding fail, the
    extractions travel without vectors and the merge encodes them."""
    outcomes = extract_isolated(articles, nlp)
    wordings = {o.article.id: wordings_encoded_first(o.attributions) for o in outcomes if isinstance(o, Extraction)}
    texts = list(dict.fromkeys(t for found in wordings.values() for t in found))
    try:
        vector_of = dict(zip(texts, process_encoder()(texts))) if texts else {}
    except Exception:  # noqa: BLE001 - the merge encodes what is missing, where any failure is reported
        return outcomes
    return [replace(o, vectors={t: vector_of[t] for t in wordings[o.article.id]}) if isinstance(o, Extraction) else o
            for o in outcomes]


def export_all(merged: Merged, extractions: list[Extraction], out: Path, base: str, html: bool) -> int:
    """graph.ttl, attributions.jsonl and (with ``html``) graph.html, each written atomically; the
    number of triples."""
    with replacing(out / "graph.ttl") as temporary:
        triples = write_turtle(Statements(merged, base).lines(), temporary)
    write_atomically(out / "attributions.jsonl", attribution_records(extractions, merged, base))
    if html:
        write_atomically(out / "graph.html", render(merged))
    return triples


def extraction_counts(extractions: list[Extraction], merged: Merged) -> dict:
    """How many attributions and own statements were extracted, and how many reached the graph."""
    found = [a for e in extractions for a in e.attributions]
    return {
        "attributions_extracted": sum(a.voice is None for a in found),
        "own_statements_extracted": sum(a.voice is not None for a in found),
        "own_statements_in_graph": sum(a.voice is not None for a in merged.attributions),
        "attributions_in_graph": len(merged.attributions),
        "attributions_without_actor": merged.unattributed,
    }


def graph_counts(merged: Merged) -> dict:
    return {
        "actors": len(merged.actors),
        "claims": len(merged.claims),
        "contested_claims": sum(c.contested for c in merged.claims.values()),
    }
