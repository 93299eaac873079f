"""The command line: a thin shell over the Python API."""

from __future__ import annotations

import csv
import io
import json
import signal
import sys
import threading
from pathlib import Path

import click

from .errors import HINTS, Code
from .graph.namespaces import DEFAULT_BASE, SHAPES
from .ingest import DEFAULT_MAX_BYTES

COLUMN_WIDTH = 60  # characters a column of a query's table shows at most
RESEND_AFTER = 0.1  # seconds before an interrupt a finalizer swallowed is sent again: the finalizer is long done


def progress_bar(items):
    """A progress bar on a terminal; nothing when output goes to a file."""
    if not sys.stderr.isatty():
        yield from items
        return
    with click.progressbar(items, label="extracting", file=sys.stderr, show_pos=True) as bar:
        yield from bar


@click.group()
@click.version_option(package_name="kgbuild")
def main() -> None:
    """Claim-provenance knowledge graphs from news: who said what, reported by whom, when."""


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--out", default="out", show_default=True, type=click.Path(path_type=Path), help="Output folder.")
@click.option("--model", default=None, help="spaCy pipeline name or path [default: en_core_web_md].")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI for minted nodes.")
@click.option("--no-html", is_flag=True, help="Skip graph.html.")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, help="Skip articles larger than this.")
@click.option("--strict", is_flag=True, help="Exit with 1 if any input was skipped.")
@click.option("--no-cache", is_flag=True, help="Extract every article again (the cache is OUT/.cache).")
@click.option("--aliases", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="YAML file of 'same' and 'different' name pairs that override the name matcher.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes that extract articles [default: every core of this machine].")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Extract on the Dask distributed cluster at ADDRESS (e.g. tcp://host:8786) instead.")
def run(inputs, out, model, base, no_html, max_bytes, strict, no_cache, aliases, workers, scheduler) -> None:
    """Build the graph from INPUTS (files or folders; default: seeds/)."""
    from .pipeline import build
    from .runtime import available_cores

    signal.signal(signal.SIGTERM, stop_on_term)  # "kill" stops the workers too, as Ctrl-C does
    sys.unraisablehook = interrupt_after_finalizer
    try:
        report = build(
            inputs or ["seeds"], out=out, model=model, base=base, html=not no_html, max_bytes=max_bytes,
            progress=progress_bar, cache=None if no_cache else out / ".cache", aliases=aliases,
            workers=workers or available_cores(), scheduler=scheduler,
        )
    except (OSError, ValueError) as err:
        raise click.UsageError(str(err)) from err
    for kind in ("skipped", "warnings"):
        for item in report[kind]:
            click.echo(f"{kind.rstrip('s')} {item['code']}: {item['source']}: {item['reason']}", err=True)
    counts = report["counts"]
    click.echo(
        f"{counts['articles']} articles, {counts['attributions_in_graph']} attributions, {counts['actors']} actors, "
        f"{counts['claims']} claims ({counts['contested_claims']} contested), {counts['skipped']} skipped, "
        f"{counts['warnings']} warnings -> {out}/",
        err=True,
    )
    if strict and report["skipped"]:
        sys.exit(1)


def stop_on_term(signum, frame) -> None:
    raise KeyboardInterrupt


def interrupt_after_finalizer(unraisable) -> None:
    """A Ctrl-C or "kill" that lands while the garbage collector runs a finalizer (a ``__del__``
    of the regex module's, say) is swallowed there, with a traceback: send it again, as a SIGTERM
    from another thread RESEND_AFTER seconds later, once the finalizer is done (``stop_on_term``).
    Anything else is reported as Python does."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        again = threading.Timer(RESEND_AFTER, signal.pthread_kill, (threading.main_thread().ident, signal.SIGTERM))
        again.daemon = True
        again.start()
    else:
        sys.__unraisablehook__(unraisable)


def format_rows(result, fmt: str) -> str:
    names = [str(v) for v in result.vars]
    rows = [["" if row[v] is None else str(row[v]) for v in result.vars] for row in result]
    if fmt == "json":
        return json.dumps([dict(zip(names, row)) for row in rows], indent=2, ensure_ascii=False)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    widths = [min(COLUMN_WIDTH, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]
    clip = lambda text, width: text if len(text) <= width else text[: width - 1] + "\u2026"  # noqa: E731
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(clip(c, w).ljust(w) for c, w in zip(row, widths)) for row in rows]
    return "\n".join(lines + [f"({len(rows)} rows)"])


def query_text(query: str) -> str:
    """The SPARQL of QUERY: the file it names, or QUERY itself when it is inline text."""
    path = Path(query)
    try:
        is_file = path.is_file()
    except (OSError, ValueError):  # inline SPARQL longer than a file name may be, or with a NUL
        is_file = False
    if is_file:
        try:
            return path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise click.UsageError(f"{Code.UNREADABLE.value}: {query}: {err}") from None
    names_a_file = path.suffix.lower() in {".rq", ".sparql"} or not any(c.isspace() or c == "{" for c in query)
    if names_a_file:
        raise click.UsageError(f"{Code.NO_QUERY_FILE.value}: {query}: {HINTS[Code.NO_QUERY_FILE]}")
    return query


def parsed_graph(graph_path: Path, load):
    """``load()``, with a graph file that does not parse (truncated, not Turtle) as one line."""
    try:
        return load()
    except Exception as err:  # noqa: BLE001  (rdflib, Oxigraph and pySHACL raise many kinds)
        first_line = str(err).strip().splitlines()[0][:200] if str(err).strip() else type(err).__name__
        raise click.UsageError(f"{Code.BAD_GRAPH.value}: {graph_path}: {first_line}; {HINTS[Code.BAD_GRAPH]}") from None


@main.command()
@click.argument("query")
@click.option("--graph", "graph_path", default="out/graph.ttl", show_default=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(query, graph_path, fmt) -> None:
    """Run a SPARQL QUERY (a .rq file or inline text) on a built graph."""
    from .graph import KG, SCHEMA, load_graph

    text = query_text(query)
    if not graph_path.is_file():
        raise click.UsageError(f"no graph at {graph_path}; run 'kgbuild run' first or give --graph")
    graph = parsed_graph(graph_path, lambda: load_graph(graph_path))
    try:
        result = graph.query(text, initNs={"kg": KG._NS, "schema": SCHEMA})
    except Exception as err:  # rdflib raises pyparsing errors for bad SPARQL
        raise click.UsageError(f"the query does not parse: {err}") from err
    click.echo(format_rows(result, fmt))


@main.command()
@click.argument("graph_path", default="out/graph.ttl", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--shapes", default=str(SHAPES), show_default=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def validate(graph_path, shapes) -> None:
    """Check a graph against the SHACL shapes; exit 1 if it does not conform."""
    from pyshacl import validate as shacl
    from rdflib import Graph

    graph = parsed_graph(graph_path, lambda: Graph().parse(str(graph_path), format="turtle"))
    conforms, _, text = shacl(graph, shacl_graph=str(shapes))
    click.echo(text.strip())
    if not conforms:
        sys.exit(1)


@main.command(name="export")
@click.argument("graph_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf"]), default="graphml", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write [default: GRAPH_PATH with the format's suffix].")
def export_command(graph_path, fmt, out) -> None:
    """Write a built graph for Gephi: outlets, claims, actors and entities, attributions as edges."""
    from .export.gephi import write_rows
    from .export.network import read_rows
    from .runtime.collector import collector_paused

    out = out or graph_path.with_suffix(f".{fmt}")
    with collector_paused():  # paused from reading to writing, the rows freed before it walks them once more
        nodes, edges = parsed_graph(graph_path, lambda: read_rows(graph_path))
        write_rows(nodes, edges, out, fmt)
        counts = f"{len(nodes)} nodes, {len(edges)} edges"
        del nodes, edges
    click.echo(f"{counts} -> {out}", err=True)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="attributions.jsonl to score [default: run the pipeline on GOLD first].")
@click.option("--model", default=None, help="spaCy pipeline for the run [default: en_core_web_md].")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def evaluate_command(gold, pred, model, fmt) -> None:
    """Score attributions against annotated articles (PolNeAR JSONL) on character spans."""
    import tempfile

    from .evaluation import evaluate
    from .pipeline import build

    with tempfile.TemporaryDirectory() as scratch:
        if pred is None:
            build([gold], out=scratch, model=model, html=False, progress=progress_bar)
            pred = Path(scratch) / "attributions.jsonl"
        try:
            scores = evaluate(gold, pred)
        except (ValueError, KeyError, TypeError, AttributeError) as err:  # a line of the wrong shape
            raise click.UsageError(f"{gold} or {pred} is not annotated JSONL as PolNeAR's: {type(err).__name__}: {err}") from None
    if fmt == "json":
        click.echo(json.dumps(scores, indent=2))
        return
    columns = ["strict_f1", "precision", "speech_recall", "all_cue_recall", "source_accuracy", "content_f1", "gold"]
    lines = ["outlet".ljust(22) + "".join(c.rjust(16) for c in columns)]
    for name, row in [("ALL", scores["overall"]), *scores["per_outlet"].items()]:
        lines.append(name[:21].ljust(22) + "".join(str(row[c]).rjust(16) for c in columns))
    click.echo("\n".join(lines))


@main.command(name="eval-claims")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", default=None, type=click.Path(path_type=Path),
              help="Keep the run here (graph, attributions, claims-predictions.jsonl) [default: a temporary folder].")
@click.option("--model", default=None, help="spaCy pipeline for the run [default: en_core_web_md].")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--mix", "mixed_with", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Run the headlines together with this many-story corpus (repeatable) and score how far their claims stay apart from it.")
@click.option("--cache", default=None, type=click.Path(path_type=Path), help="Extraction cache folder [default: none].")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1), help="Local processes for the extraction.")
def evaluate_claims_command(gold, out, model, fmt, mixed_with, cache, workers) -> None:
    """Score claim nodes against Emergent-style headlines (clustering B-cubed, rejection F1)."""
    import tempfile

    from .evaluation import evaluate_claims

    with tempfile.TemporaryDirectory() as scratch:
        scores, _ = evaluate_claims(gold, out or scratch, list(mixed_with), model=model, progress=progress_bar,
                                    cache=cache, workers=workers)
    if fmt == "json":
        click.echo(json.dumps(scores, indent=2))
        return
    click.echo("\n".join(f"{name:22} {value}" for name, value in scores.items()))
