"""Extraction speed against bare spaCy, measured side by side in one run.

    python benchmarks/speed.py [CORPUS.jsonl ...] [--limit N]

Times, on the same texts and the same pipeline (en_core_web_md by default):
  baseline   nlp.pipe over the texts with spaCy's own components only;
  extract    the same pipe with kgbuild's components (line breaks, attributions);
  pipeline   kgbuild.build without HTML (ingest + extract + merge + Turtle) on the same pipeline
             object, so no model load and the same warm vocabulary.
Each runs twice, the three interleaved (baseline, extract, pipeline, then again), and the faster
run is kept.
Reports ratios to the baseline.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

import spacy

from kgbuild.extract import extract, load_pipeline
from kgbuild.ingest import ingest
from kgbuild.pipeline import build

NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news"


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="*", type=Path, default=[NEWS / "wikinews.jsonl", NEWS / "bbc.jsonl"])
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    articles, skipped = ingest(args.corpora)
    articles = articles[: args.limit]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline(args.model)
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("kgbuild")]):
        list(nlp.pipe(texts[:20]))  # warm up

    def baseline():
        with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("kgbuild")]):
            for _ in nlp.pipe(texts, batch_size=32):
                pass

    def kgbuild_extract():
        for _ in extract(articles, nlp):
            pass

    runs = {"baseline": [], "extract": []}
    reports = []
    with tempfile.TemporaryDirectory() as out:
        inputs = args.corpora
        if args.limit:
            limited = Path(out) / "limited.jsonl"
            limited.write_text("\n".join(json.dumps({"id": a.id, "text": a.text, "outlet": a.outlet}) for a in articles))
            inputs = [limited]
        for _ in range(2):  # interleaved, so that the machine's drift weighs on all three alike
            runs["baseline"].append(timed(baseline))
            runs["extract"].append(timed(kgbuild_extract))
            reports.append(build(inputs, out=Path(out) / "graph", html=False, nlp=nlp))  # same, warm pipeline
        seconds = [sum(v for k, v in r["timings_seconds"].items() if k not in {"load_model", "encoding_in_merge", "encoding_beside_extraction"}) for r in reports]  # encoding is part of merge or beside extraction
        report = reports[seconds.index(min(seconds))]
        timings, pipeline_seconds = report["timings_seconds"], min(seconds)
    best = {k: min(v) for k, v in runs.items()}
    result = {
        "spacy": spacy.__version__,
        "model": args.model or "en_core_web_md",
        "articles": len(articles),
        "words": words,
        "skipped_inputs": len(skipped),
        "seconds": {**{k: round(v, 2) for k, v in best.items()}, "pipeline": round(pipeline_seconds, 2)},
        "pipeline_stages": timings,
        "pipeline_cpu_seconds": report["cpu_seconds"],  # the encoder runs beside extraction: CPU over wall
        "ratio_to_baseline": {
            "extract": round(best["extract"] / best["baseline"], 3),
            "pipeline": round(pipeline_seconds / best["baseline"], 3),
        },
        "words_per_second": {k: round(words / v) for k, v in best.items()},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "attributions": report["counts"]["attributions_extracted"],
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
