"""The project's namespace, defined once. ``KG`` is a :class:`DefinedNamespace` with
``_fail = True``: a misspelt term raises instead of minting a silent new IRI. A test checks that
these terms and the ontology file (``kg/data/ontology.ttl``) list the same names."""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.lexicon import data_text

ONTOLOGY_IRI = "http://example.org/union-kg/ontology"
DEFAULT_BASE = "http://example.org/union-kg/id/"

SDO = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")


class KG(DefinedNamespace):
    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    Article: URIRef
    PostHolding: URIRef
    Evidence: URIRef
    TradeUnion: URIRef
    PartyCommittee: URIRef
    PeoplesCongress: URIRef
    GovernmentBody: URIRef
    CollectiveByline: URIRef
    seriesTitle: URIRef
    seriesNumber: URIRef
    interviewee: URIRef
    reporter: URIRef
    correspondent: URIRef
    photographer: URIRef
    editor: URIRef
    sourceFile: URIRef
    sha256: URIRef
    city: URIRef
    province: URIRef
    locatedIn: URIRef
    evidence: URIRef
    inArticle: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    sentenceStart: URIRef
    sentenceEnd: URIRef
    rule: URIRef
    modality: URIRef
    former: URIRef
    Program: URIRef
    ProgramRun: URIRef
    Target: URIRef
    Achievement: URIRef
    program: URIRef
    runBy: URIRef
    runsProgram: URIRef
    editionOf: URIRef
    mentionedIn: URIRef
    what: URIRef
    measure: URIRef
    qualifier: URIRef
    quantityText: URIRef
    deadline: URIRef
    scope: URIRef
    setBy: URIRef
    achievedBy: URIRef
    period: URIRef
    periodYears: URIRef
    periodYear: URIRef
    growthRate: URIRef
    growthPoints: URIRef


def ontology_graph() -> Graph:
    """The ontology as an rdflib graph."""
    g = Graph()
    g.parse(data=data_text("ontology.ttl"), format="turtle")
    return g


def vocabulary_prefixes() -> dict[str, str]:
    """The prefixes every graph written by union-kg declares (besides rdf, rdfs, xsd)."""
    from rdflib import SKOS

    return {
        "kg": str(KG),
        "schema": str(SDO),
        "org": str(ORG),
        "prov": str(PROV),
        "skos": str(SKOS),
    }
