"""The shipped queries through ``kgbuild.load_graph()`` (Oxigraph) against plain rdflib, side by side.

    python benchmarks/queries.py GRAPH.ttl [--repeat N]

Build a large graph first, e.g. from 3,444 articles of ../shared (the news corpora and PolNeAR):

    kgbuild run ../shared/data/news/*.jsonl ../shared/eval/polnear/*.jsonl --out /tmp/big --no-html
    python benchmarks/queries.py /tmp/big/graph.ttl

Loads the same Turtle file into both stores, checks that every query gives the same rows in
both, then times each query (the best of N runs, every row read as strings) and reports the
ratio. A third column times Oxigraph's own engine on the same store without oxrdflib's
conversion of each result term into an rdflib term, to show where the time goes.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rdflib import plugin
from rdflib.parser import Parser
from rdflib.store import Store

from kgbuild import load_graph

QUERIES = Path(__file__).resolve().parent.parent / "queries"


def timed(run) -> tuple[float, object]:
    start = time.perf_counter()
    value = run()
    return time.perf_counter() - start, value


def rows(graph, text: str) -> list[tuple]:
    """Every row, as strings; GROUP_CONCAT parts sorted, since their order is up to the engine."""
    return sorted(
        tuple("" if v is None else " | ".join(sorted(str(v).split(" | "))) for v in row) for row in graph.query(text)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    plugin.get("Oxigraph", Store)  # the plugin lookup scans entry points once: not a load cost
    plugin.get("ox-turtle", Parser)
    load_ox, oxigraph = timed(lambda: load_graph(args.graph))
    load_mem, memory = timed(lambda: load_graph(args.graph, store="memory"))
    print(f"{args.graph}: {len(memory):,} triples; load: oxigraph {load_ox:.1f} s, rdflib {load_mem:.1f} s")
    print(f"{'query':<18}{'rows':>8}{'oxigraph s':>12}{'rdflib s':>12}{'ratio':>8}{'engine only s':>15}")
    totals = [0.0, 0.0, 0.0]
    for path in sorted(QUERIES.glob("*.rq")):
        text = path.read_text()
        times = {}
        answers = {}
        for name, graph in (("oxigraph", oxigraph), ("rdflib", memory)):
            runs = [timed(lambda g=graph, t=text: rows(g, t)) for _ in range(args.repeat)]
            times[name] = min(t for t, _ in runs)
            answers[name] = runs[0][1]
        native = oxigraph.store._inner  # the pyoxigraph.Store under oxrdflib
        times["engine"] = min(
            timed(lambda t=text: [tuple(map(str, row)) for row in native.query(t, use_default_graph_as_union=True)])[0]
            for _ in range(args.repeat)
        )
        if answers["oxigraph"] != answers["rdflib"]:
            raise SystemExit(f"{path.name}: the two engines disagree")
        totals[0] += times["oxigraph"]
        totals[1] += times["rdflib"]
        totals[2] += times["engine"]
        ratio = times["rdflib"] / times["oxigraph"]
        print(f"{path.stem:<18}{len(answers['rdflib']):>8,}{times['oxigraph']:>12.3f}{times['rdflib']:>12.3f}{ratio:>7.1f}×"
              f"{times['engine']:>15.3f}")
    print(f"{'all queries':<26}{totals[0]:>12.3f}{totals[1]:>12.3f}{totals[1] / totals[0]:>7.1f}×{totals[2]:>15.3f}")


if __name__ == "__main__":
    main()
