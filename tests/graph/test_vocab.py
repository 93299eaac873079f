from rdflib import RDF, Graph, URIRef

from kgbuild.graph.vocab import KG, ONTOLOGY


def test_vocabulary_module_mirrors_the_ontology_term_for_term():
    ontology = Graph().parse(ONTOLOGY)
    defined = {str(s) for s in ontology.subjects(RDF.type, None) if str(s).startswith(str(KG._NS))}
    defined.discard(str(KG._NS))
    in_module = {str(KG._NS) + name for name in KG.__annotations__}
    assert defined == in_module
    for name in KG.__annotations__:
        assert isinstance(KG[name], URIRef)


def test_the_plain_namespaces_are_rdflibs():
    from rdflib import RDFS, XSD
    from rdflib.namespace import DCTERMS, PROV, SKOS

    from kgbuild.graph.namespaces import PREFIXES

    rdflibs = {"dcterms": DCTERMS, "prov": PROV, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "xsd": XSD}
    assert {prefix: PREFIXES[prefix] for prefix in rdflibs} == {prefix: str(ns) for prefix, ns in rdflibs.items()}
