"""Export: the merged corpus -> ``graph.ttl`` (``rdf``: deterministic Turtle, streamed),
``graph.html`` (``html``: the interactive page, offline), ``attributions.jsonl`` (``jsonl``),
each written atomically (``atomic``); a built graph -> a networkx ``MultiDiGraph`` (``network``)
-> GraphML or GEXF for Gephi (``gephi``).

Promises: the same input gives the same bytes; article text is data, escaped in Turtle and
placed as text (never markup) on the page; the page fetches nothing.
"""

from .atomic import remove_stale_temporaries, replacing, write_atomically
from .gephi import FORMATS, write_network
from .html import render
from .jsonl import attribution_records
from .network import to_networkx
from .rdf import Statements, to_graph, to_turtle, write_turtle

__all__ = [
    "FORMATS", "Statements", "attribution_records", "remove_stale_temporaries", "render", "replacing", "to_graph",
    "to_networkx", "to_turtle", "write_atomically", "write_network", "write_turtle",
]
