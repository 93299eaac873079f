"""Approximate nearest neighbours by meaning against the exact product: recall@10, build and query
seconds, and whether two runs give byte-identical neighbours, for each library that imports.

    python benchmarks/neighbours.py real --vectors /tmp/big/.cache/vectors.sqlite [--size 30000]
    python benchmarks/neighbours.py synthetic --size 125000 [--libraries hnswlib,usearch] [--sample 2000]

``real``: the sentence vectors of a corpus's cache (``vector`` table, float32 rows), made unit.
``synthetic``: the vectors the merge benchmark's encoder gives the claims of
``scale.synthetic_attributions`` (``scale.SyntheticEncoder``). Each library inserts on one
thread (the order, and so the graph, is then fixed) and queries on two, with kgbuild's settings
(``kgbuild.merge.claims.vectors``). Recall is over every probe, or over ``--sample`` probes
against every target.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import sys
import time
from pathlib import Path

import numpy as np

from kgbuild.merge.claims.vectors import INDEX_BUILD_BREADTH as BUILD_BREADTH
from kgbuild.merge.claims.vectors import INDEX_LINKS as CONNECTIONS
from kgbuild.merge.claims.vectors import INDEX_SEARCH_BREADTH as SEARCH_BREADTH
from kgbuild.merge.claims.vectors import NEIGHBOURS

ROOT = Path(__file__).resolve().parent.parent


def real_vectors(path: str, size: int) -> np.ndarray:
    rows = sqlite3.connect(f"file:{path}?mode=ro", uri=True).execute(
        "SELECT vector FROM vector ORDER BY key LIMIT ?", (size,)).fetchall()
    vectors = np.stack([np.frombuffer(blob, dtype=np.float32) for (blob,) in rows])
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def synthetic_vectors(size: int) -> np.ndarray:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from scale import SyntheticEncoder, synthetic_attributions

    from kgbuild.merge.claims import compared_wording

    texts = [compared_wording(a) for e in synthetic_attributions(size) for a in e.attributions]
    return SyntheticEncoder()(texts)


def exact(vectors: np.ndarray, probes: np.ndarray) -> np.ndarray:
    """Each probe's NEIGHBOURS nearest other rows, by the dense product, some 30 million products
    at a time."""
    found, at_once = [], max(1, (1 << 25) // len(vectors))
    for start in range(0, len(probes), at_once):
        chunk = probes[start : start + at_once]
        scores = vectors[chunk] @ vectors.T
        scores[np.arange(len(chunk)), chunk] = -np.inf
        np.negative(scores, out=scores)
        found.append(np.argpartition(scores, NEIGHBOURS - 1, axis=1)[:, :NEIGHBOURS])
    return np.concatenate(found)


def without_self(found: np.ndarray, probes: np.ndarray) -> np.ndarray:
    """The first NEIGHBOURS of each row of NEIGHBOURS + 1 found that are not the probe itself."""
    return np.array([[j for j in row if j != p][:NEIGHBOURS] for row, p in zip(found.tolist(), probes.tolist())])


def with_hnswlib(vectors: np.ndarray, probes: np.ndarray):
    import hnswlib

    index = hnswlib.Index(space="ip", dim=vectors.shape[1])
    index.init_index(max_elements=len(vectors), ef_construction=BUILD_BREADTH, M=CONNECTIONS, random_seed=0)
    index.add_items(vectors, np.arange(len(vectors)), num_threads=1)
    built = time.perf_counter()
    index.set_ef(SEARCH_BREADTH)
    labels, _ = index.knn_query(vectors[probes], k=NEIGHBOURS + 1, num_threads=2)
    return built, labels


def with_usearch(vectors: np.ndarray, probes: np.ndarray):
    from usearch.index import Index

    index = Index(ndim=vectors.shape[1], metric="ip", dtype="f32", connectivity=CONNECTIONS,
                  expansion_add=BUILD_BREADTH, expansion_search=SEARCH_BREADTH)
    index.add(np.arange(len(vectors)), vectors, threads=1)
    built = time.perf_counter()
    matches = index.search(vectors[probes], NEIGHBOURS + 1, threads=2)
    return built, matches.keys


def with_faiss(vectors: np.ndarray, probes: np.ndarray):
    import faiss

    index = faiss.IndexHNSWFlat(vectors.shape[1], CONNECTIONS, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction, index.hnsw.efSearch = BUILD_BREADTH, SEARCH_BREADTH
    faiss.omp_set_num_threads(1)
    index.add(vectors)
    built = time.perf_counter()
    faiss.omp_set_num_threads(2)
    _, labels = index.search(vectors[probes], NEIGHBOURS + 1)
    return built, labels


def with_faiss_quantized(kind: str):
    """faiss's HNSW graph over the vectors scalar-quantized ("fp16": half floats; "8bit": a byte a
    dimension): the same graph search, a half or a quarter of the memory read per distance."""

    def run(vectors: np.ndarray, probes: np.ndarray):
        import faiss

        quantizer = {"fp16": faiss.ScalarQuantizer.QT_fp16, "8bit": faiss.ScalarQuantizer.QT_8bit}[kind]
        index = faiss.IndexHNSWSQ(vectors.shape[1], quantizer, CONNECTIONS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction, index.hnsw.efSearch = BUILD_BREADTH, SEARCH_BREADTH
        faiss.omp_set_num_threads(1)
        index.train(vectors)
        index.add(vectors)
        built = time.perf_counter()
        faiss.omp_set_num_threads(2)
        _, labels = index.search(vectors[probes], NEIGHBOURS + 1)
        return built, labels

    return run


def with_faiss_in_buckets(bits: int):
    """faiss's HNSW graph with the vectors inserted bucket by bucket (the signs of ``bits`` fixed
    random projections), so that each insertion walks near the ones before it."""

    def run(vectors: np.ndarray, probes: np.ndarray):
        import faiss

        planes = np.random.default_rng(0).standard_normal((vectors.shape[1], bits)).astype(np.float32)
        bucket = (vectors @ planes > 0) @ (1 << np.arange(bits))
        order = np.argsort(bucket, kind="stable")
        index = faiss.IndexHNSWFlat(vectors.shape[1], CONNECTIONS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction, index.hnsw.efSearch = BUILD_BREADTH, SEARCH_BREADTH
        faiss.omp_set_num_threads(1)
        index.add(np.ascontiguousarray(vectors[order]))
        built = time.perf_counter()
        faiss.omp_set_num_threads(2)
        _, rows = index.search(vectors[probes], NEIGHBOURS + 1)
        return built, np.where(rows >= 0, order[np.maximum(rows, 0)], -1)

    return run


def with_pynndescent(vectors: np.ndarray, probes: np.ndarray):
    from pynndescent import NNDescent

    index = NNDescent(vectors, metric="dot", n_neighbors=30, random_state=0, n_jobs=1)
    index.prepare()
    built = time.perf_counter()
    labels, _ = index.query(vectors[probes], k=NEIGHBOURS + 1, epsilon=0.1)
    return built, labels


LIBRARIES = {"hnswlib": with_hnswlib, "usearch": with_usearch, "faiss": with_faiss, "pynndescent": with_pynndescent,
             "faiss-fp16": with_faiss_quantized("fp16"), "faiss-8bit": with_faiss_quantized("8bit"),
             "faiss-buckets": with_faiss_in_buckets(10)}


def measure(vectors: np.ndarray, probes: np.ndarray, libraries: list[str], repeats: int = 2) -> dict:
    start = time.perf_counter()
    truth = exact(vectors, probes)
    results = {"rows": len(vectors), "probes": len(probes), "exact_seconds": round(time.perf_counter() - start, 2),
               "load_average": round(os.getloadavg()[0], 1)}
    for name in libraries:
        runs = []
        for _ in range(repeats):
            start = time.perf_counter()
            try:
                built, labels = LIBRARIES[name](vectors, probes)
            except ImportError as error:
                runs = [{"error": str(error)}]
                break
            done = time.perf_counter()
            found = without_self(np.asarray(labels, dtype=np.int64), probes)
            hits = sum(len(set(a) & set(b)) for a, b in zip(found.tolist(), truth.tolist()))
            runs.append({"build": round(built - start, 2), "query": round(done - built, 2),
                         "recall_at_10": round(hits / truth.size, 4),
                         "digest": hashlib.sha256(np.ascontiguousarray(labels, dtype=np.int64).tobytes()).hexdigest()[:16]})
        if len(runs) > 1 and "error" not in runs[0]:
            runs.append({"identical": len({run["digest"] for run in runs}) == 1})
        results[name] = runs
        print(name, json.dumps(runs), file=sys.stderr, flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", choices=["real", "synthetic"])
    parser.add_argument("--vectors", help="real: a vectors.sqlite cache")
    parser.add_argument("--size", type=int, default=30_000)
    parser.add_argument("--sample", type=int, help="recall over this many probes (all rows by default)")
    parser.add_argument("--libraries", default=",".join(LIBRARIES))
    parser.add_argument("--runs", type=int, default=2, help="runs of each library, compared for identical neighbours")
    args = parser.parse_args()
    vectors = real_vectors(args.vectors, args.size) if args.source == "real" else synthetic_vectors(args.size)
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    rows = np.arange(len(vectors))
    probes = np.sort(np.random.default_rng(0).choice(rows, args.sample, replace=False)) if args.sample else rows
    print(json.dumps(measure(vectors, probes, args.libraries.split(","), args.runs), indent=2))


if __name__ == "__main__":
    main()
