"""Scaling: extraction throughput on 1 and 2 processes and a two-worker Dask LocalCluster; the
merge and export of up to 1,000,000 synthetic attributions; incremental reruns.

    python benchmarks/scale.py throughput [--rounds 2]     # ../shared/data/news/wikinews.jsonl
    python benchmarks/scale.py merge [--sizes 125000,250000,500000,1000000] [--claims-up-to N] [--export-up-to N]
    python benchmarks/scale.py incremental [--articles 1000] [--keep DIR]   # 3434: the whole corpus but its last 10 lines
    python benchmarks/scale.py runs [--corpus wikinews|all] [--rounds 2]   # whole cold runs: 1 worker (also held to one core), 2, a cluster

Each part prints one JSON object. Throughput runs the lines interleaved (1 process, 2 processes,
cluster; then again), each the faster of its runs, every line loading its pipelines inside the
timing (a worker's load is part of what a user waits for). Merge runs each size in a fresh
process, so that its peak memory (``ru_maxrss``) is its own.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
WIKINEWS = SHARED / "data" / "news" / "wikinews.jsonl"
CORPUS = [SHARED / "data" / "news" / name for name in ("bbc.jsonl", "wikinews.jsonl")] + [
    SHARED / "eval" / "polnear" / name for name in ("train.jsonl", "dev.jsonl")
]


def timed_run(engine, workers_cpu=lambda: 0.0) -> dict:
    """Wall seconds, and CPU seconds of this process, of its finished children (the local
    workers) and ``workers_cpu()`` (a cluster's workers), with the load average at the start and
    at the end."""
    load_before = os.getloadavg()[0]
    start, cpu, workers = time.perf_counter(), cpu_seconds(), workers_cpu()
    count = sum(1 for _ in engine())  # the engine's pipeline load counts too
    return {"wall": round(time.perf_counter() - start, 2), "cpu": round(cpu_seconds() - cpu + workers_cpu() - workers, 2),
            "articles": count, "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)]}


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def own_cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


CLUSTER_FIRST, CLUSTER_LATER = "LocalCluster, 2 workers, first run", "LocalCluster, 2 workers, later run"
LINES = ("1 process", "2 processes", CLUSTER_FIRST, CLUSTER_LATER)


def throughput_line(line: str) -> dict:
    """One line (the two cluster lines together), in this fresh process, as ``kgbuild run`` does
    it, from the ingested articles to the last outcome: this process loads the pipeline, then
    extracts itself, or forks two workers that share it. The cluster is started before the clock,
    as a user's ``dask worker --preload kgbuild.runtime.cluster`` is (its workers have imported kgbuild
    and spaCy); on the first run its workers load the pipeline inside the clock, on a later run
    they hold it already."""
    from kgbuild.extract import extract_isolated, loader
    from kgbuild.ingest import ingest
    from kgbuild.runtime import run_each

    articles, _ = ingest([WIKINEWS])
    load = loader()
    if line in (CLUSTER_FIRST, CLUSTER_LATER):
        from distributed import Client, LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                          preload=["kgbuild.runtime.cluster"]) as cluster, Client(cluster) as client:
            def workers_cpu() -> float:
                return sum(client.run(own_cpu_seconds).values())

            def run() -> dict:
                return timed_run(lambda: run_each(articles, extract_isolated, load, load, scheduler=cluster.scheduler_address),
                                 workers_cpu)

            return {CLUSTER_FIRST: run(), CLUSTER_LATER: run()}

    def engine():
        nlp = load()
        return run_each(articles, extract_isolated, load, lambda: nlp, workers=1 if line == "1 process" else 2)

    return {line: timed_run(engine)}


def throughput(rounds: int) -> dict:
    """The lines interleaved, each in its own process (the two cluster lines in one), ``rounds``
    times; ratios of the best runs, and within each round."""
    runs: dict[str, list[dict]] = {line: [] for line in LINES}
    for _ in range(rounds):
        for line in LINES[:3]:
            done = subprocess.run([sys.executable, __file__, "throughput-one", "--line", line], capture_output=True, text=True)
            results = json.loads(done.stdout) if not done.returncode else {line: {"error": done.stderr[-400:]}}
            for name, result in results.items():
                runs[name].append(result)
                print(name, result, file=sys.stderr, flush=True)
    articles = runs["1 process"][0]["articles"]
    best = {line: min(r["wall"] for r in rs) for line, rs in runs.items()}
    return {
        "articles": articles,
        "runs": runs,
        "articles_per_second": {line: round(articles / seconds, 2) for line, seconds in best.items()},
        "ratio_to_1_process": {line: round(best["1 process"] / seconds, 2) for line, seconds in best.items()},
        "ratio_to_1_process_in_each_round": {
            line: [round(one["wall"] / r["wall"], 2) for one, r in zip(runs["1 process"], rs)] for line, rs in runs.items()},
        "cpu_seconds_per_article_1_process": round(min(r["cpu"] for r in runs["1 process"]) / articles, 3),
    }


# --- merge -------------------------------------------------------------------------------------

OUTLETS = [f"Outlet {n}" for n in range(40)]
VERBS = ["attacked", "visited", "denied", "approved", "blocked", "funded", "criticised", "praised", "sanctioned", "met"]
OBJECTS = ["the bridge", "the pipeline", "the border", "the treaty", "the election", "the budget", "the port", "the army",
           "the reform", "the vaccine", "the tariff", "the refinery", "the airport", "the ceasefire", "the summit"]
PLACES = ["Kursk", "Kyiv", "Gaza", "Paris", "Lagos", "Lima", "Hanoi", "Oslo", "Quito", "Accra", "Dhaka", "Perth"]


def synthetic_attributions(n: int, seed: int = 0):
    """N attributions in N/5 articles: person actors named as in benchmarks/names.py's synthetic
    mentions (N/5 distinct people, spelled several ways), organizations and collectives; claims
    from a combinatorial grammar, each about five times, worded alike across articles."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from names import NAMES, synthetic

    from kgbuild.ingest import content_hash
    from kgbuild.records import Article, Attribution, Extraction, Mention, Span

    rng = random.Random(seed)
    clusters = [json.loads(line) for line in NAMES.read_text("utf-8").splitlines() if line.strip()]
    people = synthetic(clusters, n, seed)
    per_article = 5
    extractions = []
    for number in range(0, n, per_article):
        text_parts, attributions = [], []
        article_id = f"s{number // per_article}"
        for k in range(per_article):
            roll = rng.random()
            if roll < 0.75:
                actor = Mention(people[number + k], "person", (rng.choice(["minister", "governor", "spokesman", ""]),))
            elif roll < 0.92:
                actor = Mention(f"{rng.choice(PLACES)} {rng.choice(['Ministry', 'Council', 'Bank', 'Agency'])} {rng.randrange(n // 50 + 1)}",
                                "organization")
            else:
                actor = Mention(f"{rng.choice(['Russian', 'Ukrainian', 'French', 'local'])} officials", "collective")
            claim = f"{rng.choice(PLACES)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in {rng.randrange(max(1, n // 25))}"
            sentence = f"{actor.name} said that {claim}. "
            start = sum(len(p) for p in text_parts)
            text_parts.append(sentence)
            content_start = start + sentence.index(claim)
            attributions.append(Attribution(
                article=article_id, cue=Span("said", start + len(actor.name) + 1, start + len(actor.name) + 5),
                content=Span(claim, content_start, content_start + len(claim)), source=Span(actor.name, start, start + len(actor.name)),
                actor=actor, stance=rng.choice(["asserts"] * 9 + ["denies"]), direct=False, quote=None, via=None,
                date=None, evidence=Span(sentence.strip(), start, start + len(sentence) - 1),
                core=tuple(claim.lower().split()[:3]),
            ))
        text = "".join(text_parts)
        article = Article(article_id, text, content_hash(text), "synthetic", rng.choice(OUTLETS), f"2025-0{rng.randrange(1, 10)}-1{rng.randrange(10)}")
        extractions.append(Extraction(article, attributions))
    return extractions


class SyntheticEncoder:
    """A deterministic stand-in for the sentence encoder (texts -> unit float32 rows, DIMENSIONS
    wide): each distinct word a random direction seeded by its hash, a text the sum of its words'
    directions plus a little noise seeded by the text's hash. Wordings that share most words are
    near ("Kyiv blocked the port in 7" / "Kyiv blocked the bridge in 7"), others far; one text
    always gets one vector, whatever it is encoded with."""

    DIMENSIONS, NOISE, NOISE_ROWS = 384, 0.3, 4096

    def __init__(self):
        unit = np.sqrt(2 * self.DIMENSIONS)  # two rows summed: a noise of length about 1
        self.noise = (np.random.default_rng(0).standard_normal((self.NOISE_ROWS, self.DIMENSIONS)) / unit).astype(np.float32)
        self.column_of: dict[str, int] = {}
        self.directions = np.zeros((0, self.DIMENSIONS), dtype=np.float32)

    def __call__(self, texts: list[str]) -> np.ndarray:
        words = [text.lower().split() for text in texts]
        self.learn({word for text in words for word in text})
        rows = np.repeat(np.arange(len(texts)), [len(text) for text in words])
        columns = np.fromiter((self.column_of[word] for text in words for word in text), dtype=np.int64, count=len(rows))
        counts = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, columns)),
                                   shape=(len(texts), len(self.directions)))
        hashes = np.array([int.from_bytes(hashlib.blake2b(t.encode(), digest_size=4).digest()) for t in texts], dtype=np.int64)
        noise = self.noise[hashes % self.NOISE_ROWS] + self.noise[(hashes >> 16) % self.NOISE_ROWS]
        vectors = np.asarray(counts @ self.directions) + self.NOISE * noise
        return (vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9, None)).astype(np.float32)

    def learn(self, words: set[str]) -> None:
        new = sorted(words - self.column_of.keys())
        if not new:
            return
        seeds = [int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest()) for w in new]
        directions = [np.random.default_rng(seed).standard_normal(self.DIMENSIONS) / np.sqrt(self.DIMENSIONS) for seed in seeds]
        self.column_of.update({w: len(self.column_of) + k for k, w in enumerate(new)})
        self.directions = np.concatenate([self.directions, np.array(directions, dtype=np.float32)])


def measure_merge(n: int, with_claims: bool, export: bool) -> dict:
    """One size, in this process: names, actors (and claims) merge, then (with ``export``) the
    Turtle and JSONL export, written to files as ``kgbuild run`` writes them. Wall and CPU
    seconds per stage; peak RSS after the merge and at the end (the export's own peak)."""
    from kgbuild.export import Statements, attribution_records, write_atomically, write_turtle
    from kgbuild.merge import corpus as merging
    from kgbuild.merge import merge

    extractions = synthetic_attributions(n)
    timings, cpu = {}, {}
    if not with_claims:  # the lead rewrites the claims layer: measure actors alone, one claim each
        from kgbuild.merge.claims import Clustering
        from kgbuild.records import ClaimLink

        merging.ClaimSimilarity = lambda kept, vector_of=None, encoder=None: None
        merging.cluster_claims = lambda kept, vector_of=None, encoder=None, similarity=None: Clustering(
            assignment=list(range(len(kept))), representatives=list(range(len(kept))),
            links=[ClaimLink("own wording", 1.0)] * len(kept), rejects={}, stances=[a.stance for a in kept])
    peak = {"input": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6}
    start, started = time.perf_counter(), time.process_time()
    merged = merge(extractions, encoder=SyntheticEncoder() if with_claims else None)
    timings["merge"], cpu["merge"] = time.perf_counter() - start, time.process_time() - started
    peak["merge"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    sizes = {}
    if export:
        with tempfile.TemporaryDirectory() as folder:
            start, started = time.perf_counter(), time.process_time()
            triples = write_turtle(Statements(merged, "https://example.org/").lines(), Path(folder) / "graph.ttl")
            timings["turtle"], cpu["turtle"] = time.perf_counter() - start, time.process_time() - started
            start, started = time.perf_counter(), time.process_time()
            write_atomically(Path(folder) / "attributions.jsonl", attribution_records(extractions, merged, "https://example.org/"))
            timings["jsonl"], cpu["jsonl"] = time.perf_counter() - start, time.process_time() - started
            sizes = {"triples": triples, "turtle_mb": round((Path(folder) / "graph.ttl").stat().st_size / 1e6, 1),
                     "jsonl_mb": round((Path(folder) / "attributions.jsonl").stat().st_size / 1e6, 1)}
        timings["export"], cpu["export"] = timings["turtle"] + timings["jsonl"], cpu["turtle"] + cpu["jsonl"]
        peak["export"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    return {
        "attributions": n,
        "actors": len(merged.actors),
        "claims": len(merged.claims),
        "seconds": {k: round(v, 1) for k, v in timings.items()},
        "cpu_seconds": {k: round(v, 1) for k, v in cpu.items()},
        **sizes,
        "peak_rss_gb": {k: round(v, 2) for k, v in peak.items()},  # ru_maxrss so far, after each stage
        "load_average": round(os.getloadavg()[0], 1),
    }


def merge_scaling(sizes: list[int], claims_up_to: int, export_up_to: int) -> dict:
    results = {"actors_only": [], "with_claims": []}
    for n in sizes:
        for part, with_claims in (("actors_only", False), ("with_claims", True)):
            if with_claims and n > claims_up_to:
                continue
            command = [sys.executable, __file__, "merge-one", str(n)] + (["--claims"] if with_claims else [])
            command += ["--export"] if n <= export_up_to else []
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode:
                results[part].append({"attributions": n, "error": done.stderr[-400:]})
            else:
                results[part].append(json.loads(done.stdout))
            print(json.dumps(results[part][-1]), file=sys.stderr)
    return results


# --- incremental -------------------------------------------------------------------------------


def corpus_lines(limit: int) -> list[str]:
    lines = [line for path in CORPUS for line in path.read_text("utf-8").splitlines() if line.strip()]
    return lines[:limit]


def incremental(articles: int, workers: int, keep: str | None = None) -> dict:
    """A cold run on the first ``articles`` lines of the corpus, then a rerun with no change, then
    a rerun with 10 more lines; every run through ``kgbuild run`` as a user starts it. Wall
    seconds and CPU seconds (the run's processes, workers included) per run, with the stages'
    and what came from the caches (``report.json``). ``keep``: a folder to copy the corpus and
    the outputs (with their caches) to, to compare them with a cold run's."""
    folder = Path(tempfile.mkdtemp(prefix="kgbuild-incremental-"))
    lines = corpus_lines(articles + 10)
    runs = {}
    try:
        (folder / "corpus.jsonl").write_text("\n".join(lines[:articles]) + "\n")
        kgbuild = str(Path(sys.executable).parent / "kgbuild")
        command = [kgbuild, "run", str(folder / "corpus.jsonl"), "--out", str(folder / "out"), "--workers", str(workers),
                   "--no-html"]
        for name in ("cold", "no change", "10 new articles"):
            if name == "10 new articles":
                (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n")
            start, cpu = time.perf_counter(), cpu_seconds()
            subprocess.run(command, check=True, capture_output=True)
            report = json.loads((folder / "out" / "report.json").read_text())
            runs[name] = {
                "seconds": round(time.perf_counter() - start, 2),
                "cpu_seconds": round(cpu_seconds() - cpu, 2),
                "stages": report["timings_seconds"],
                "stages_cpu": report.get("cpu_seconds"),
                "counts": {k: report["counts"].get(k) for k in ("articles", "articles_from_cache", "texts_encoded",
                                                                "vectors_from_cache", "attributions_in_graph")},
                "load_average": round(os.getloadavg()[0], 1),
            }
            print(name, json.dumps(runs[name]), file=sys.stderr, flush=True)
        if keep:
            shutil.copytree(folder, keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(folder)
    cold = runs["cold"]
    return {"lines": articles, "workers": workers, "runs": runs,
            "ratio_to_cold": {name: round(run["seconds"] / cold["seconds"], 3) for name, run in runs.items()},
            "cpu_ratio_to_cold": {name: round(run["cpu_seconds"] / cold["cpu_seconds"], 3) for name, run in runs.items()}}


# --- whole runs --------------------------------------------------------------------------------

RUN_LINES = ("--workers 1", "--workers 1, one core", "--workers 2", "Dask cluster, 2 workers")
ONE_CORE = "--workers 1, one core"  # the process held to one core: what a second core adds to one


def on_one_core() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


@contextmanager
def dask_cluster(folder: Path, workers: int = 2):
    """A scheduler and ``workers`` workers started as a user starts them (``dask scheduler``,
    ``dask worker --preload kgbuild.runtime.cluster``), each a process of its own; its address
    once every worker has joined (and so loaded the pipeline and the encoder)."""
    from distributed import Client

    dask = str(Path(sys.executable).parent / "dask")
    scheduler_file = folder / "scheduler.json"
    started = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                 "--scheduler-file", str(scheduler_file)], stderr=subprocess.DEVNULL)]
    try:
        started.append(subprocess.Popen([dask, "worker", "--scheduler-file", str(scheduler_file), "--nworkers", str(workers),
                                         "--nthreads", "1", "--no-dashboard", "--preload", "kgbuild.runtime.cluster"],
                                        stderr=subprocess.DEVNULL))
        for _ in range(600):
            if scheduler_file.exists():
                break
            time.sleep(0.1)
        with Client(scheduler_file=str(scheduler_file)) as client:
            client.wait_for_workers(workers, timeout=300)
            yield client.scheduler.address
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait()


def whole_runs(corpus: str, rounds: int) -> dict:
    """``kgbuild run INPUTS --no-cache --no-html`` as a user starts it, cold, on one worker, one
    worker held to one core (``--workers 1`` encodes on a second thread, so uses a second core
    when there is one), two, and a two-worker Dask cluster started beforehand (``dask_cluster``),
    interleaved, ``rounds`` times; wall seconds, the stages (``report.json``), the share of the
    wall the encoding in the merge took, whether every output is byte-identical to the first
    run's; ratios of the best runs to ``--workers 1`` and to one core."""
    inputs = [str(WIKINEWS)] if corpus == "wikinews" else [str(p) for p in CORPUS]
    kgbuild = str(Path(sys.executable).parent / "kgbuild")
    folder = Path(tempfile.mkdtemp(prefix="kgbuild-runs-"))
    runs: dict[str, list[dict]] = {line: [] for line in RUN_LINES}
    identical = True
    try:
        for round_ in range(rounds):
            for line in RUN_LINES:
                out = folder / f"{round_}-{RUN_LINES.index(line)}"
                command = [kgbuild, "run", *inputs, "--out", str(out), "--no-cache", "--no-html"]
                with dask_cluster(folder) if line.startswith("Dask") else nullcontext() as address:
                    command += ["--scheduler", address] if address else line.split(",")[0].split()
                    start = time.perf_counter()
                    subprocess.run(command, check=True, capture_output=True,
                                   preexec_fn=on_one_core if line == ONE_CORE else None)
                    wall = time.perf_counter() - start
                report = json.loads((out / "report.json").read_text())
                first = folder / "0-0"
                identical &= all((out / name).read_bytes() == (first / name).read_bytes()
                                 for name in ("graph.ttl", "attributions.jsonl"))
                runs[line].append({
                    "wall": round(wall, 2), "stages": report["timings_seconds"],
                    "encoding_in_driver_share": round(report["timings_seconds"]["encoding_in_merge"] / wall, 3),
                    "texts_encoded_by_workers": report.get("texts_encoded_by_workers"),
                    "load_average": round(os.getloadavg()[0], 1),
                })
                print(line, json.dumps(runs[line][-1]), file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(folder)
    best = {line: min(r["wall"] for r in rs) for line, rs in runs.items()}
    return {"corpus": inputs, "runs": runs, "outputs_identical": identical,
            "ratio_to_workers_1": {line: round(best["--workers 1"] / seconds, 2) for line, seconds in best.items()},
            "ratio_to_one_core": {line: round(best[ONE_CORE] / seconds, 2) for line, seconds in best.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", choices=["throughput", "throughput-one", "merge", "merge-one", "incremental", "runs"])
    parser.add_argument("--line", choices=LINES, help="throughput-one: which line")
    parser.add_argument("size", nargs="?", type=int, help="merge-one: the number of attributions")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--sizes", default="125000,250000,500000,1000000")
    parser.add_argument("--claims-up-to", type=int, default=125_000)
    parser.add_argument("--claims", action="store_true")
    parser.add_argument("--export", action="store_true")
    parser.add_argument("--export-up-to", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", help="incremental: copy the corpus and outputs here")
    parser.add_argument("--corpus", choices=["wikinews", "all"], default="wikinews", help="runs: Wikinews, or all of ../shared")
    args = parser.parse_args()
    if args.part == "throughput":
        result = throughput(args.rounds)
    elif args.part == "throughput-one":
        result = throughput_line(args.line)
    elif args.part == "merge":
        result = merge_scaling([int(s) for s in args.sizes.split(",")], args.claims_up_to, args.export_up_to)
    elif args.part == "merge-one":
        result = measure_merge(args.size, args.claims, args.export)
    elif args.part == "runs":
        result = whole_runs(args.corpus, args.rounds)
    else:
        result = incremental(args.articles, args.workers, args.keep)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
