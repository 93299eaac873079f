"""The shipped queries through ``kgbuild.load_graph()`` (Oxigraph) against plain rdflib, side by side.

    python benchmarks/queries.py GRAPH.ttl [--repeat N]

Build a large graph first, e.g. from 3,444 articles of ../shared (the news corpora and PolNeAR):

    kgbuild run ../shared/data/news/*.jsonl ../shared/eval/polnear/*.jsonl --out /tmp/big --no-html
    python benchmarks/queries.py /tmp/big/graph.ttl

Loads the same Turtle file into both stores, checks that every query gives the same rows in
both, then times each query (the best of N runs of the query with every row read as strings)
and reports the ratio. A third column times Oxigraph's own engine on the same store without
the conversion of each result term into an rdflib term, to show where the time goes.
"""

from __future__ import annotations

import argparse
import signal
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


class TooSlow(Exception):
    pass


def within(seconds: int, run):
    """run(), or TooSlow after ``seconds`` (rdflib's engine takes hours on some queries)."""
    def stop(signum, frame):
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        return run()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def rows(graph, text: str) -> list[tuple]:
    """What a user does with an answer: run the query and read every row, as strings."""
    return [tuple("" if value is None else str(value) for value in row) for row in graph.query(text)]


def comparable(answer: list[tuple]) -> list[tuple]:
    """Rows sorted, GROUP_CONCAT parts too: their order is up to the engine."""
    return sorted(tuple(" | ".join(sorted(value.split(" | "))) for value in row) for row in answer)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=300, help="give up on a query after this many seconds")
    args = parser.parse_args()

    plugin.get("Oxigraph", Store)  # the plugin lookup scans entry points once: not a load cost
    plugin.get("ox-turtle", Parser)
    load_ox, oxigraph = timed(lambda: load_graph(args.graph))
    load_mem, memory = timed(lambda: load_graph(args.graph, store="memory"))
    print(f"{args.graph}: {len(memory):,} triples; load: oxigraph {load_ox:.1f} s, rdflib {load_mem:.1f} s")
    print(f"{'query':<18}{'rows':>8}{'oxigraph s':>12}{'rdflib s':>12}{'ratio':>8}{'engine only s':>15}")
    native = oxigraph.store._inner  # the pyoxigraph.Store under oxrdflib
    totals = [0.0, 0.0, 0.0, 0]  # oxigraph, rdflib, engine only, queries rdflib gave up on
    for path in sorted(QUERIES.glob("*.rq")):
        text = path.read_text()
        times, answers = {}, {}
        for name, graph in (("oxigraph", oxigraph), ("rdflib", memory)):
            try:
                runs = [within(args.limit, lambda g=graph, t=text: timed(lambda: rows(g, t))) for _ in range(args.repeat)]
            except TooSlow:
                times[name], answers[name] = float("inf"), None
                continue
            times[name] = min(t for t, _ in runs)
            answers[name] = comparable(runs[0][1])
        times["engine"] = min(
            timed(lambda t=text: [tuple(map(str, row)) for row in native.query(t, use_default_graph_as_union=True)])[0]
            for _ in range(args.repeat)
        )
        if answers["rdflib"] is not None and answers["oxigraph"] != answers["rdflib"]:
            raise SystemExit(f"{path.name}: the two engines disagree")
        gave_up = times["rdflib"] == float("inf")
        totals[0] += times["oxigraph"]
        totals[1] += args.limit if gave_up else times["rdflib"]
        totals[3] += gave_up
        totals[2] += times["engine"]
        slow = f">{args.limit}" if gave_up else f"{times['rdflib']:.3f}"
        ratio = (args.limit if gave_up else times["rdflib"]) / times["oxigraph"]
        ratio_text = (">" if gave_up else "") + f"{ratio:.1f}×"
        print(f"{path.stem:<18}{len(answers['oxigraph']):>8,}{times['oxigraph']:>12.3f}{slow:>12}{ratio_text:>8}"
              f"{times['engine']:>15.3f}")
    more = ">" if totals[3] else ""
    print(f"{'all queries':<26}{totals[0]:>12.3f}{more + f'{totals[1]:.3f}':>12}{more + f'{totals[1] / totals[0]:.1f}×':>8}"
          f"{totals[2]:>15.3f}")


if __name__ == "__main__":
    main()
