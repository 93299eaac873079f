"""Exporting a graph for Gephi against writing its Turtle, on the same graph.

    python benchmarks/gephi.py INPUT [INPUT ...] --cache DIR [--repeat 2]

For the 3,310 articles of ../shared, after a run of them into /tmp/big (which fills its cache):

    python benchmarks/gephi.py ../shared/data/news/*.jsonl ../shared/eval/polnear/*.jsonl --cache /tmp/big/.cache

Builds the graph of INPUT once more without the page (the extractions from the cache at DIR,
the merge done again) into a temporary folder, timing the Turtle it writes (``write_turtle``, as
``kgbuild run`` writes it, then again from the same records) and the merge's spread and drift; then, on that graph.ttl, times
``kgbuild export --format graphml`` and ``--format gexf`` as a whole command in a process of its
own (Python's start and imports included), and the steps of the Python API (``load_graph``,
``to_networkx``, ``write_network``). Wall and CPU seconds, the best of ``--repeat``; a busy machine
inflates the wall seconds. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(results: dict, name: str, work):
    """``work()``, its best wall and CPU seconds (this process's and its children's) in ``results``."""
    start, started = time.perf_counter(), cpu_seconds()
    value = work()
    wall, cpu = round(time.perf_counter() - start, 2), round(cpu_seconds() - started, 2)
    best = results.get(name, {"wall": float("inf"), "cpu": float("inf")})
    results[name] = {"wall": min(best["wall"], wall), "cpu": min(best["cpu"], cpu)}
    return value


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--cache", type=Path, required=True, help="the .cache folder of an earlier run of INPUT")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    from kgbuild import pipeline
    from kgbuild.export import to_networkx, write_network
    from kgbuild.graph import load_graph
    from kgbuild.merge import corpus

    turtle, statements = {}, []
    write_turtle, make_statements, spread, drift = pipeline.write_turtle, pipeline.Statements, corpus.spread, corpus.drift
    pipeline.write_turtle = lambda lines, path: timed(turtle, "turtle", lambda: write_turtle(lines, path))
    pipeline.Statements = lambda *arguments: statements.append(make_statements(*arguments)) or statements[-1]
    corpus.spread = lambda *records: timed(turtle, "spread", lambda: spread(*records))
    corpus.drift = lambda *records: timed(turtle, "drift", lambda: drift(*records))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        report = pipeline.build(args.inputs, out=out, html=False, cache=args.cache, workers=1)
        graph_ttl = out / "graph.ttl"
        for _ in range(args.repeat - 1):  # the run wrote it once; the best of --repeat writings
            timed(turtle, "turtle", lambda: write_turtle(statements[0].lines(), out / "again.ttl"))
        steps = {}
        for _ in range(args.repeat):
            graph = timed(steps, "load_graph", lambda: load_graph(graph_ttl))
            network = timed(steps, "to_networkx", lambda: to_networkx(graph))
            for fmt in ("graphml", "gexf"):
                timed(steps, f"write_{fmt}", lambda: write_network(network, out / f"graph.{fmt}", fmt))
        commands = {}
        for fmt in ("graphml", "gexf"):
            for _ in range(args.repeat):
                command = [str(Path(sys.executable).parent / "kgbuild"), "export", str(graph_ttl), "--format", fmt]
                timed(commands, fmt, lambda: subprocess.run(command, check=True, capture_output=True))
        sizes = {name: round((out / name).stat().st_size / 1e6, 1) for name in ("graph.ttl", "graph.graphml", "graph.gexf")}
    print(json.dumps({
        "articles": report["counts"]["articles"],
        "triples": report["counts"]["triples"],
        "nodes": network.number_of_nodes(),
        "edges": network.number_of_edges(),
        "turtle_seconds": turtle["turtle"],
        "merge_seconds": {"all": report["timings_seconds"]["merge"], "spread": turtle["spread"]["wall"],
                          "drift": turtle["drift"]["wall"]},
        "run_export_seconds": report["timings_seconds"]["export"],
        "steps_seconds": steps,
        "command_seconds": commands,
        "megabytes": sizes,
    }, indent=2))


if __name__ == "__main__":
    main()
