"""Export: the merged corpus -> ``graph.ttl`` (``rdf``: deterministic Turtle, streamed),
``graph.html`` (``html``: the interactive page, offline), ``attributions.jsonl`` (``jsonl``),
each written atomically (``atomic``); a built graph -> a networkx ``MultiDiGraph`` (``network``)
-> GraphML or GEXF for Gephi (``gephi``).

Promises: the same input gives the same bytes; article text is data, escaped in Turtle and
placed as text (never markup) on the page; the page fetches nothing.
"""

__all__ = [
    "Statements", "attribution_records", "remove_stale_temporaries", "render", "replacing", "to_graph",
    "to_networkx", "to_turtle", "write_atomically", "write_network", "write_turtle",
]
HOMES = {  # each public name's module, imported when the name is first asked for
    "remove_stale_temporaries": "atomic", "replacing": "atomic", "write_atomically": "atomic",
    "write_network": "gephi", "render": "html", "attribution_records": "jsonl",
    "to_networkx": "network", "Statements": "rdf", "to_graph": "rdf", "to_turtle": "rdf", "write_turtle": "rdf",
}


def __getattr__(name: str):
    """A public name, its module imported on first use: ``kgbuild export`` then loads neither
    spaCy (which ``rdf`` reaches through ``extract.dates``) nor pyvis (``html``)."""
    if name in HOMES:
        from importlib import import_module

        return getattr(import_module(f".{HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
