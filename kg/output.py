"""Writing a built graph out in bounded memory: quads streamed to Turtle and to stores.

A corpus of ten thousand articles makes millions of triples; rdflib's in-memory graph needs
about a kilobyte per triple and its Turtle serializer minutes per million. Here the
:class:`~kg.graph.GraphBuilder` writes into a :class:`QuadSink` instead, which turns each
triple into an Oxigraph quad (in its article's named graph, or the shared graph), drops
duplicates, and hands chunks of quads to consumers: the Turtle writer (Oxigraph's serializer,
in Rust) and, when asked, a persistent store. Only a chunk and the duplicate filters are held.

Determinism: records are emitted in their sorted order and chunks are cut at fixed counts, so
the same input gives the same bytes. Every chunk is serialized with the same prefixes, so the
Turtle file repeats its ``@prefix`` lines at chunk boundaries (legal Turtle: a directive may
appear anywhere; rdflib, Oxigraph, rapper and serdi read it).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import IO

import pyoxigraph as ox
from rdflib import SKOS, Literal, URIRef
from rdflib.term import Node

from kg.graph import GraphBuilder, emit_steps
from kg.iri import entity_iri
from kg.ontology import DEFAULT_BASE, KG, ORG, PROV, SDO
from kg.resolve import Resolved

CHUNK = 50_000
"""Quads per chunk: big enough that Oxigraph's per-call overhead vanishes, small enough that a
chunk is a few tens of megabytes."""

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def shared_graph(base: str) -> str:
    """The named graph of what no single article owns: entities, places, facts."""
    return f"{base}graph/shared"


def article_graph(base: str, sha: str) -> str:
    """The named graph of one article (same key as the article's own IRI)."""
    return entity_iri(base, "graph", sha[:16])


def prefixes(base: str) -> dict[str, str]:
    """The prefixes of the Turtle output (the same ones the rdflib graph binds)."""
    return {
        "kg": str(KG),
        "schema": str(SDO),
        "org": str(ORG),
        "prov": str(PROV),
        "skos": str(SKOS),
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    }


class QuadSink:
    """A duck-typed stand-in for an rdflib graph (``add``, ``bind``) that buffers Oxigraph quads,
    each in the current scope's named graph. Repeats are dropped upstream, by the
    :class:`~kg.graph.GraphBuilder`; terms that recur (vocabulary, entities) are converted once.
    """

    def __init__(self, base: str) -> None:
        self.base = base
        self.shared = ox.NamedNode(shared_graph(base))
        self.graph = self.shared
        self.buffer: list[ox.Quad] = []
        self._graphs: dict[str, ox.NamedNode] = {}
        self._iris: dict[str, ox.NamedNode] = {}

    def bind(self, prefix: str, namespace: str) -> None:
        """Prefixes are fixed (see :func:`prefixes`); kept for the rdflib-graph interface."""

    @contextlib.contextmanager
    def scope(self, sha: str) -> Iterator[None]:
        outer = self.graph
        graph = self._graphs.get(sha)
        if graph is None:
            graph = self._graphs[sha] = ox.NamedNode(article_graph(self.base, sha))
        self.graph = graph
        try:
            yield
        finally:
            self.graph = outer

    def _iri(self, term: URIRef) -> ox.NamedNode:
        """A vocabulary term (predicate, class) as an Oxigraph term, converted once."""
        node = self._iris.get(term)
        if node is None:
            node = self._iris[term] = ox.NamedNode(term)
        return node

    @staticmethod
    def uri(iri: str) -> ox.NamedNode:
        return ox.NamedNode(iri)

    def lit(self, value: object, lang: str | None = None, datatype: URIRef | None = None):
        """An Oxigraph literal with the lexical form rdflib would give ``Literal(value, …)`` for
        the values the builder passes (strings, integers)."""
        if lang:
            return ox.Literal(str(value), language=lang)
        if datatype is not None:
            return ox.Literal(str(value), datatype=self._iri(datatype))
        return ox.Literal(str(value))

    def add(self, triple: tuple[object, Node, object]) -> None:
        s, p, o = triple
        if isinstance(o, URIRef):
            o = self._iri(o)
        elif isinstance(o, Literal):  # made by rdflib (decimals): same lexical form
            if o.datatype is not None and o.datatype != _XSD_STRING:
                o = ox.Literal(o, datatype=self._iri(o.datatype))
            else:
                o = ox.Literal(o, language=o.language) if o.language else ox.Literal(o)
        self.buffer.append(ox.Quad(s, self._iri(p), o, self.graph))


def stream_quads(
    resolved: Resolved, base: str = DEFAULT_BASE, chunk: int = CHUNK
) -> Iterator[list[ox.Quad]]:
    """The graph of ``resolved`` as chunks of quads, in a deterministic order; at most about
    one chunk is held at a time."""
    sink = QuadSink(base)
    for _ in emit_steps(GraphBuilder(base, sink), resolved):
        if len(sink.buffer) >= chunk:
            yield sink.buffer
            sink.buffer = []
    if sink.buffer:
        yield sink.buffer


def write_turtle(chunks: Iterable[list[ox.Quad]], out: IO[bytes], base: str) -> int:
    """Serialize chunks of quads to ``out`` as Turtle (graph names dropped: the union graph);
    returns the number of triples written."""
    n = 0
    pre = prefixes(base)
    for chunk in chunks:
        ox.serialize([q.triple for q in chunk], out, ox.RdfFormat.TURTLE, prefixes=pre)
        n += len(chunk)
    return n
