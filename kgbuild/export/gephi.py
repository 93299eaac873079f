"""A network from ``kgbuild.export.network`` (a networkx graph, or its rows) -> a GraphML or GEXF
file that Gephi opens with its labels and colours as they are, and that networkx reads back with
the same nodes and edges.

Gephi reads a GEXF node's and edge's colour and size from their ``viz`` elements, and a GraphML
node's and edge's from the attributes ``r``, ``g``, ``b`` and ``size``; both read ``label``. A value
that is None is left out and a list is written as its items joined by "; ". The files are written
here, a line an element, rather than by networkx's writers, which take several times as long as
the graph's Turtle (docs/performance.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from ..runtime.collector import collector_paused
from .atomic import write_atomically
from .colours import CONTESTED, ENTITY, KIND_STYLE, LAUNDERED, STANCE_COLORS
from .network import Edge, Node

if TYPE_CHECKING:
    import networkx as nx

FORMATS = ("graphml", "gexf")
ABOUT = "#999999"  # the colour of an edge from a claim to what it is about
SIZE, SIZE_PER_OUTLET = 10.0, 5.0  # a claim grows with the outlets that carry it
LIST_SEPARATOR = "; "
NODE_COLOURS = {CONTESTED, LAUNDERED, ENTITY, *(colour for colour, _ in KIND_STYLE.values())}
EDGE_COLOURS = {ABOUT, *STANCE_COLORS.values()}
GRAPHML_TYPES = {bool: "boolean", int: "int", float: "double", str: "string"}
GEXF_TYPES = {bool: "boolean", int: "integer", float: "double", str: "string"}
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # no XML 1.0 document may hold these
SPECIAL = re.compile('[\x00-\x1f"&<>\ud800-\udfff\ufffe\uffff]')  # NOT_XML, tabs and line breaks, and markup
ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;"))


def xml(value: object) -> str:
    """A value as XML text or attribute value: escaped (line breaks and tabs as references, so
    that they come back as written) and without the characters XML 1.0 cannot hold; a list (or
    tuple) as its items joined by "; "."""
    if type(value) is bool:
        return "true" if value else "false"
    if type(value) in (list, tuple):
        value = LIST_SEPARATOR.join(value)
    return escaped(str(value))


def escaped(text: str) -> str:
    """A string as ``xml`` writes it."""
    if not SPECIAL.search(text):  # most strings: nothing to escape
        return text
    text = NOT_XML.sub("\ufffd", text)
    for character, reference in ESCAPES:
        text = text.replace(character, reference)
    return text


class Cells(dict):
    """One attribute's values as written, ``before`` + the value escaped + ``after``, each made
    once: stances, names, dates and flags recur on every edge (with neither, each string escaped
    once: node ids). A string is its own key; any other value is keyed with its type (True == 1),
    a list as a tuple."""

    def __init__(self, before: str = "", after: str = "") -> None:
        super().__init__()
        self.before, self.after = before, after

    def __missing__(self, key) -> str:
        cell = self[key] = f"{self.before}{escaped(key) if type(key) is str else xml(key[1])}{self.after}"
        return cell

    def other(self, value: object) -> str:
        """A value that is not a string."""
        return self[type(value), tuple(value) if type(value) is list else value]


def cells(data: dict, of: dict[str, Cells], leave_out: str = "") -> str:
    """An element's attributes as written, in their order; a value that is None and the
    attribute ``leave_out`` are left out."""
    return "".join([of[name][value] if type(value) is str else of[name].other(value)
                    for name, value in data.items() if value is not None and name != leave_out])


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


def node_size(data: dict) -> float:
    return SIZE + SIZE_PER_OUTLET * data.get("outlets", 0)


def edge_label(data: dict) -> str:
    """An edge's label: its stance, or its relation ("about")."""
    return data.get("stance", data["relation"])


def declared(items: Iterator[dict], types: dict[type, str], extra: dict[str, type],
             leave_out: str = "") -> dict[str, tuple[str, str]]:
    """Each attribute name -> (its number in the file, its type), in the order first met, then
    the ``extra`` ones the writer adds; a value that is None and the attribute ``leave_out`` are
    left out, a list is a string."""
    found: dict[str, tuple[str, str]] = {}
    met = {leave_out}
    for attributes in items:
        if attributes.keys() <= met:  # most rows: every name met already
            continue
        for name, value in attributes.items():
            if name not in met and value is not None:
                met.add(name)
                found[name] = (str(len(found)), types[str if type(value) is list else type(value)])
    for name, kind in extra.items():
        found.setdefault(name, (str(len(found)), types[kind]))
    return found


def graphml_lines(nodes: list[Node], edges: list[Edge]) -> Iterator[str]:
    node_keys = declared(map(itemgetter(1), nodes), GRAPHML_TYPES, {"r": int, "g": int, "b": int, "size": float})
    edge_keys = declared(map(itemgetter(3), edges), GRAPHML_TYPES, {"label": str, "r": int, "g": int, "b": int})
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    yield ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    for owner, keys in (("node", node_keys), ("edge", edge_keys)):
        for name, (number, kind) in keys.items():
            yield f'  <key id="{owner[0]}{number}" for="{owner}" attr.name="{xml(name)}" attr.type="{kind}" />\n'
    yield '  <graph edgedefault="directed">\n'
    texts = Cells()
    node_cells = {name: Cells(f'<data key="n{number}">', "</data>") for name, (number, _) in node_keys.items()}
    edge_cells = {name: Cells(f'<data key="e{number}">', "</data>") for name, (number, _) in edge_keys.items()}
    node_colours = {colour: "".join(node_cells[name].other(value) for name, value in zip("rgb", rgb(colour)))
                    for colour in NODE_COLOURS}
    edge_colours = {colour: "".join(edge_cells[name].other(value) for name, value in zip("rgb", rgb(colour)))
                    for colour in EDGE_COLOURS}
    size, label = node_cells["size"], edge_cells["label"]
    for node, data in nodes:
        yield (f'    <node id="{texts[node]}">{cells(data, node_cells)}{node_colours[node_colour(data)]}'
               f'{size.other(node_size(data))}</node>\n')
    for source, target, key, data in edges:
        yield (f'    <edge id="{xml(key)}" source="{texts[source]}" target="{texts[target]}">{cells(data, edge_cells)}'
               f'{label[edge_label(data)]}{edge_colours[edge_colour(data)]}</edge>\n')
    yield "  </graph>\n</graphml>\n"


def gexf_lines(nodes: list[Node], edges: list[Edge]) -> Iterator[str]:
    node_keys = declared(map(itemgetter(1), nodes), GEXF_TYPES, {}, leave_out="label")
    edge_keys = declared(map(itemgetter(3), edges), GEXF_TYPES, {})
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    yield ('<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n')
    yield '  <graph defaultedgetype="directed" mode="static">\n'
    for owner, keys in (("node", node_keys), ("edge", edge_keys)):
        yield f'    <attributes class="{owner}" mode="static">\n'
        for name, (number, kind) in keys.items():
            yield f'      <attribute id="{number}" title="{xml(name)}" type="{kind}" />\n'
        yield "    </attributes>\n"
    texts = Cells()
    node_cells = {name: Cells(f'<attvalue for="{number}" value="', '" />') for name, (number, _) in node_keys.items()}
    edge_cells = {name: Cells(f'<attvalue for="{number}" value="', '" />') for name, (number, _) in edge_keys.items()}
    viz_colour = {colour: '<viz:color r="{}" g="{}" b="{}" a="1.0" />'.format(*rgb(colour))
                  for colour in {*NODE_COLOURS, *EDGE_COLOURS}}

    yield "    <nodes>\n"
    for node, data in nodes:
        yield (f'      <node id="{texts[node]}" label="{texts[data["label"]]}"><attvalues>'
               f'{cells(data, node_cells, leave_out="label")}</attvalues>'
               f'{viz_colour[node_colour(data)]}<viz:size value="{node_size(data)}" /></node>\n')
    yield "    </nodes>\n    <edges>\n"
    for source, target, key, data in edges:
        yield (f'      <edge id="{xml(key)}" source="{texts[source]}" target="{texts[target]}" '
               f'label="{texts[edge_label(data)]}" weight="1.0"><attvalues>{cells(data, edge_cells)}</attvalues>'
               f'{viz_colour[edge_colour(data)]}</edge>\n')
    yield "    </edges>\n  </graph>\n</gexf>\n"


@collector_paused()  # the cells' keys are many tuples, and no cycles
def write_rows(nodes: list[Node], edges: list[Edge], path: str | Path, fmt: str) -> None:
    """Write a network's rows (``network.read_rows``) as GraphML or GEXF (``fmt``) to ``path``, atomically."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    write_atomically(Path(path), graphml_lines(nodes, edges) if fmt == "graphml" else gexf_lines(nodes, edges))


@collector_paused()  # its rows: two lists of hundreds of thousands of tuples
def write_network(network: nx.MultiDiGraph, path: str | Path, fmt: str) -> None:
    """Write a networkx network (``kgbuild.to_networkx``) as GraphML or GEXF (``fmt``) to ``path``, atomically."""
    write_rows(list(network.nodes(data=True)), list(network.edges(keys=True, data=True)), path, fmt)
