"""Export: the merged corpus -> ``graph.ttl`` (``rdf``: deterministic Turtle, streamed),
``graph.html`` (``html``: the interactive page, offline), ``attributions.jsonl`` (``jsonl``),
each written atomically (``atomic``).

Promises: the same input gives the same bytes; article text is data, escaped in Turtle and
placed as text (never markup) on the page; the page fetches nothing.
"""

from .atomic import remove_stale_temporaries, replacing, write_atomically
from .html import render
from .jsonl import attribution_records
from .rdf import Statements, to_graph, to_turtle, write_turtle

__all__ = [
    "Statements", "attribution_records", "remove_stale_temporaries", "render", "replacing", "to_graph", "to_turtle",
    "write_atomically", "write_turtle",
]
