"""The command line: a thin shell over the Python API."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import click

from .vocab import DEFAULT_BASE, SHAPES


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
@click.option("--max-bytes", default=2_000_000, show_default=True, help="Skip articles larger than this.")
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
    from .parallel import available_cores
    from .pipeline import build

    try:
        report = build(
            inputs or ["seeds"], out=out, model=model, base=base, html=not no_html, max_bytes=max_bytes,
            progress=progress_bar, cache=None if no_cache else out / ".cache", aliases=aliases,
            workers=workers or available_cores(), scheduler=scheduler,
        )
    except (OSError, ValueError) as err:
        raise click.UsageError(str(err)) from err
    for item in report["skipped"]:
        click.echo(f"skipped {item['code']}: {item['source']}: {item['reason']}", err=True)
    counts = report["counts"]
    click.echo(
        f"{counts['articles']} articles, {counts['attributions_in_graph']} attributions, {counts['actors']} actors, "
        f"{counts['claims']} claims ({counts['contested_claims']} contested), {counts['skipped']} skipped -> {out}/",
        err=True,
    )
    if strict and report["skipped"]:
        sys.exit(1)


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
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]
    clip = lambda text, width: text if len(text) <= width else text[: width - 1] + "\u2026"  # noqa: E731
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(clip(c, w).ljust(w) for c, w in zip(row, widths)) for row in rows]
    return "\n".join(lines + [f"({len(rows)} rows)"])


@main.command()
@click.argument("query")
@click.option("--graph", "graph_path", default="out/graph.ttl", show_default=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(query, graph_path, fmt) -> None:
    """Run a SPARQL QUERY (a .rq file or inline text) on a built graph."""
    from . import load_graph
    from .vocab import KG, SCHEMA

    if not graph_path.exists():
        raise click.UsageError(f"no graph at {graph_path}; run 'kgbuild run' first or give --graph")
    text = Path(query).read_text("utf-8") if Path(query).is_file() else query
    graph = load_graph(graph_path)
    try:
        result = graph.query(text, initNs={"kg": KG._NS, "schema": SCHEMA})
    except Exception as err:  # rdflib raises pyparsing errors for bad SPARQL
        raise click.UsageError(f"the query does not parse: {err}") from err
    click.echo(format_rows(result, fmt))


@main.command()
@click.argument("graph_path", default="out/graph.ttl", type=click.Path(exists=True, path_type=Path))
@click.option("--shapes", default=str(SHAPES), show_default=True, type=click.Path(exists=True, path_type=Path))
def validate(graph_path, shapes) -> None:
    """Check a graph against the SHACL shapes; exit 1 if it does not conform."""
    from pyshacl import validate as shacl

    conforms, _, text = shacl(str(graph_path), shacl_graph=str(shapes), data_graph_format="turtle")
    click.echo(text.strip())
    if not conforms:
        sys.exit(1)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="attributions.jsonl to score [default: run the pipeline on GOLD first].")
@click.option("--model", default=None, help="spaCy pipeline for the run [default: en_core_web_md].")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def evaluate_command(gold, pred, model, fmt) -> None:
    """Score attributions against annotated articles (PolNeAR JSONL) on character spans."""
    import tempfile

    from .evaluate import evaluate
    from .pipeline import build

    with tempfile.TemporaryDirectory() as scratch:
        if pred is None:
            build([gold], out=scratch, model=model, html=False, progress=progress_bar)
            pred = Path(scratch) / "attributions.jsonl"
        scores = evaluate(gold, pred)
    if fmt == "json":
        click.echo(json.dumps(scores, indent=2))
        return
    columns = ["strict_f1", "precision", "speech_recall", "all_cue_recall", "source_accuracy", "content_f1", "gold"]
    lines = ["outlet".ljust(22) + "".join(c.rjust(16) for c in columns)]
    for name, row in [("ALL", scores["overall"]), *scores["per_outlet"].items()]:
        lines.append(name[:21].ljust(22) + "".join(str(row[c]).rjust(16) for c in columns))
    click.echo("\n".join(lines))
