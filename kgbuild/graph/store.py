"""The store behind ``kgbuild.load_graph()``: Oxigraph under rdflib's API, with cheap result terms.

oxrdflib builds a new rdflib term for every value of every result row. A who-said-what answer of
25,000 rows repeats the same outlets, actors and stances thousands of times, and building rdflib
Literals (which parse their lexical form) then costs more than Oxigraph's whole evaluation. This
store converts each distinct term once per query, and gives plain strings as plain Literals, the
way rdflib's own Turtle parser reads them, so the same user code sees the same terms in both stores.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore as _OxrdflibStore
from oxrdflib._converter import to_ox
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.query import Result, ResultRow
from rdflib.term import Node

_XSD_STRING = str(XSD.string)


def plain_literal(text: str) -> Literal:
    """``Literal(text, normalize=False)`` without its constructor's checks, which are for
    datatypes and language tags a plain string does not have (about a sixth of the anonymous
    query's time went to them). tests/graph/test_store.py checks that both give the same term."""
    literal = str.__new__(Literal, text)
    literal._language, literal._datatype, literal._value, literal._ill_typed = None, None, text, None
    return literal


def rdflib_term(term):
    """The rdflib term for an Oxigraph term (None, for an unbound value, stays None)."""
    if isinstance(term, ox.Literal):
        if term.language:  # a string's lexical form is its value: nothing to normalize
            return Literal(term.value, lang=term.language, normalize=False)
        if term.datatype.value == _XSD_STRING:
            return plain_literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term is None:
        return None
    raise ValueError(f"unexpected Oxigraph term: {term!r}")


class _Terms(dict):
    """Oxigraph term → rdflib term, each converted on first sight."""

    def __missing__(self, term):
        converted = self[term] = rdflib_term(term)
        return converted


class Solutions(Result):
    """A SELECT result made row by row from Oxigraph's solutions, its rows sharing one label map
    (rdflib's Result builds a binding dict, then a label map, for every row)."""

    def __init__(self, variables: list[Variable], rows: Iterator[tuple]):
        super().__init__("SELECT")
        self.vars = variables
        self._labels = {str(variable): index for index, variable in enumerate(variables)}
        self._pending, self._rows = rows, []

    def __iter__(self) -> Iterator[ResultRow]:
        yield from self._rows
        for values in self._pending:
            if any(value is not None for value in values):  # rdflib skips rows with nothing bound
                row = tuple.__new__(ResultRow, values)
                row.labels = self._labels
                self._rows.append(row)
                yield row

    @property
    def bindings(self) -> list[dict]:
        return [{variable: value for variable, value in zip(self.vars, row) if value is not None} for row in self]


class OxigraphStore(_OxrdflibStore):
    """oxrdflib's store, whose query results convert each distinct term once."""

    def query(self, query, initNs, initBindings, queryGraph, **kwargs) -> Result:
        if not isinstance(query, str) or kwargs:
            return super().query(query, initNs, initBindings, queryGraph, **kwargs)
        answer = self._inner.query(
            query,
            use_default_graph_as_union=queryGraph == "__UNION__",
            default_graph=to_ox(queryGraph) if isinstance(queryGraph, Node) else None,
            prefixes={prefix: str(namespace) for prefix, namespace in {**self._namespace_for_prefix, **initNs}.items()},
            substitutions={ox.Variable(name): to_ox(value) for name, value in initBindings.items()},
        )
        terms = _Terms()
        if isinstance(answer, ox.QueryBoolean):
            result = Result("ASK")
            result.askAnswer = bool(answer)
        elif isinstance(answer, ox.QuerySolutions):
            rows = (tuple(map(terms.__getitem__, solution)) for solution in answer)
            result = Solutions([Variable(variable.value) for variable in answer.variables], rows)
        else:
            result = Result("CONSTRUCT")
            result.graph = Graph()
            result.graph += ((terms[t.subject], terms[t.predicate], terms[t.object]) for t in answer)
        return result

    def oxigraph_quads(self, graph: Graph) -> Iterator[ox.Quad]:
        """The triples ``graph`` holds in this store as Oxigraph's quads, without making rdflib
        terms: for ``kgbuild.to_networkx``."""
        return self._inner.quads_for_pattern(None, None, None, to_ox(graph.identifier))


def load_graph(path: str | Path = "out/graph.ttl", *, store: str = "oxigraph") -> Graph:
    """A built graph as an ``rdflib.Graph``, ready for SPARQL.

    By default the graph lives in an Oxigraph store (``OxigraphStore``): the usual rdflib calls
    (``graph.query``, ``graph.triples``, iteration) work unchanged, and SPARQL runs in Oxigraph's
    engine, which is many times faster than rdflib's on large graphs (``benchmarks/queries.py``).
    ``store="memory"`` gives rdflib's own store and engine.
    """
    from .vocab import bind

    if store not in ("oxigraph", "memory"):
        raise ValueError(f"store must be 'oxigraph' or 'memory', not {store!r}")
    if store == "oxigraph":
        return bind(Graph(store=OxigraphStore())).parse(str(path), format="ox-turtle")
    return bind(Graph()).parse(str(path), format="turtle")
