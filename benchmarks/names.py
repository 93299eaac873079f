"""Name matching: accuracy on ../shared/eval/names/dev.jsonl and scaling of the merge.

    python benchmarks/names.py [--sizes 100000,200000,400000,800000] [--repeat 1]

Accuracy: cluster all variants of all 3,000 clusters together (kgbuild.cluster_names) and score
with B-cubed precision, recall and F1 over name mentions.
Scaling: cluster N synthetic name mentions of N/5 distinct people (see ``synthetic``) for
N = 100,000 to 800,000; report seconds and each doubling ratio. Each size runs in a fresh
process, after the one-time loads (given names, nicknames) and on nothing else's caches: in one
process, a larger size found the words of the smaller ones (the same first mentions) still
cached. ``--repeat`` runs the sizes that many rounds, interleaved, every other round largest
first (an even number balances a drift in the machine's speed); the doublings are taken
between each size's median (one unusually fast or slow run moves a best-of ratio by 0.1 here),
and each round's doublings are printed too.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from kgbuild import cluster_names

NAMES = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "names" / "dev.jsonl"


def bcubed(gold: list[str], predicted: list[int]) -> tuple[float, float, float]:
    by_gold, by_pred = defaultdict(set), defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, predicted)):
        by_gold[g].add(i)
        by_pred[p].add(i)
    n = len(gold)
    precision = sum(len(by_gold[gold[i]] & by_pred[predicted[i]]) / len(by_pred[predicted[i]]) for i in range(n)) / n
    recall = sum(len(by_gold[gold[i]] & by_pred[predicted[i]]) / len(by_gold[gold[i]]) for i in range(n)) / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def label_mentions(names: list[str]) -> list[int]:
    """Cluster number per mention (cluster_names returns names; map them back by position)."""
    positions = defaultdict(list)
    for i, name in enumerate(names):
        positions[name].append(i)
    labels = [0] * len(names)
    for number, cluster in enumerate(cluster_names(names)):
        for name in cluster:
            labels[positions[name].pop(0)] = number
    return labels


def synthetic(clusters: list[dict], n: int, seed: int = 0) -> list[str]:
    """N mentions of about N/5 distinct people: a real name's variants, with the surname given a
    random two-letter ending so that distinct people (and surname blocks) grow with N; each
    person is mentioned in full, by initial, by surname alone and in other spellings."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    names = []
    while len(names) < n:
        variants = [v.split() for v in rng.choice(clusters)["variants"] if len(v.split()) > 1]
        if not variants:
            continue
        ending = rng.choice(letters) + rng.choice(letters)
        for _ in range(5):
            words = rng.choice(variants)
            given, surname = words[:-1], words[-1] + ending
            form = rng.random()
            if form < 0.15:
                names.append(surname)
            elif form < 0.3:
                names.append(f"{given[0][0]}. {surname}")
            else:
                names.append(" ".join([*given, surname]))
    return names[:n]


def seconds_in_fresh_process(n: int) -> dict:
    """Wall and CPU seconds of clustering ``synthetic(n)`` in a new Python process (``--one``)."""
    out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def one(n: int) -> dict:
    clusters = dev_clusters()
    cluster_names([v for c in clusters for v in c["variants"]])  # the one-time loads
    mentions = synthetic(clusters, n)
    start, start_cpu = time.perf_counter(), time.process_time()
    cluster_names(mentions)
    return {"wall": round(time.perf_counter() - start, 2), "cpu": round(time.process_time() - start_cpu, 2)}


def dev_clusters() -> list[dict]:
    return [json.loads(line) for line in NAMES.read_text("utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,200000,400000,800000")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one size, in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    clusters = dev_clusters()
    names = [v for c in clusters for v in c["variants"]]
    gold = [c["id"] for c in clusters for _ in c["variants"]]
    start = time.perf_counter()
    precision, recall, f1 = bcubed(gold, label_mentions(names))
    accuracy_seconds = time.perf_counter() - start
    sizes = [int(n) for n in args.sizes.split(",")]
    # every other round runs the sizes largest first, so that the machine drifting faster or slower
    # during a round does not favour the small sizes or the large ones
    rounds = [{n: seconds_in_fresh_process(n) for n in (sizes if r % 2 == 0 else sizes[::-1])} for r in range(args.repeat)]
    scaling = {n: {t: round(statistics.median(r[n][t] for r in rounds), 2) for t in ("wall", "cpu")} for n in sizes}
    print(
        json.dumps(
            {
                "names": len(names),
                "clusters": len(clusters),
                "bcubed": {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)},
                "seconds": round(accuracy_seconds, 2),
                "scaling_seconds": scaling,
                "rounds_cpu": [{n: r[n]["cpu"] for n in sizes} for r in rounds],
                "doubling_ratio_in_each_round": [
                    [round(r[b]["cpu"] / r[a]["cpu"], 2) for a, b in zip(sizes, sizes[1:])] for r in rounds
                ],
                "doubling_ratio": {
                    f"{b}/{a}": {t: round(scaling[b][t] / scaling[a][t], 2) for t in ("wall", "cpu")}
                    for a, b in zip(sizes, sizes[1:])
                },
                "load_average": os.getloadavg()[0],
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
