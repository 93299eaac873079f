"""A network from ``to_networkx`` -> a GraphML or GEXF file that Gephi opens with its labels and
colours as they are.

networkx's writers take strings, numbers and booleans only: a value that is None is left out and
a list is written as its items joined by "; ". Gephi reads a GEXF node's and edge's colour and
size from their ``viz`` elements, and a GraphML node's and edge's from the attributes ``r``, ``g``,
``b`` and ``size``; both read ``label``.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from .atomic import replacing
from .colours import CONTESTED, ENTITY, KIND_STYLE, LAUNDERED, STANCE_COLORS

FORMATS = ("graphml", "gexf")
ABOUT = "#999999"
SIZE, SIZE_PER_OUTLET = 10.0, 5.0  # a claim grows with the outlets that carry it
LIST_SEPARATOR = "; "


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def node_colour(data: dict) -> str:
    if data.get("contested"):
        return CONTESTED
    if data.get("laundered"):
        return LAUNDERED
    return ENTITY if data["kind"] == "entity" else KIND_STYLE[data["kind"]][0]


def edge_colour(data: dict) -> str:
    return STANCE_COLORS[data["stance"]] if "stance" in data else ABOUT


def plain(attributes: dict) -> dict:
    """Attributes as networkx's writers take them: None left out, a list joined."""
    return {name: LIST_SEPARATOR.join(value) if isinstance(value, list) else value
            for name, value in attributes.items() if value is not None}


def styled(attributes: dict, colour: str, size: float | None, fmt: str) -> dict:
    """Attributes with the colour (and size, for a node) Gephi shows, as ``fmt`` spells them."""
    r, g, b = rgb(colour)
    if fmt == "gexf":
        viz = {"color": {"r": r, "g": g, "b": b, "a": 1.0}} | ({"size": size} if size else {})
        return {**attributes, "viz": viz}
    return {**attributes, "r": r, "g": g, "b": b} | ({"size": size} if size else {})


def for_gephi(network: nx.MultiDiGraph, fmt: str) -> nx.MultiDiGraph:
    """A copy of the network that ``fmt``'s writer takes, with labels, colours and sizes."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    styled_network = nx.MultiDiGraph()
    for node, data in network.nodes(data=True):
        size = SIZE + SIZE_PER_OUTLET * data.get("outlets", 0)
        styled_network.add_node(node, **styled(plain(data), node_colour(data), size, fmt))
    for source, target, key, data in network.edges(keys=True, data=True):
        label = data.get("stance", data["relation"])
        attributes = styled({**plain(data), "label": label, "weight": 1.0}, edge_colour(data), None, fmt)
        if fmt == "gexf":
            attributes["id"] = key  # GEXF numbers its edges unless given their ids
        styled_network.add_edge(source, target, key=key, **attributes)
    return styled_network


def write_network(network: nx.MultiDiGraph, path: str | Path, fmt: str) -> None:
    """Write the network as GraphML or GEXF (``fmt``) to ``path``, atomically."""
    styled_network = for_gephi(network, fmt)
    with replacing(Path(path)) as temporary:
        if fmt == "gexf":
            nx.write_gexf(styled_network, temporary)
        else:
            nx.write_graphml(styled_network, temporary)
