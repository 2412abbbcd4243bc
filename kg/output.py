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
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.errors import KgError
from kg.graph import GraphBuilder, emit_steps
from kg.iri import entity_iri
from kg.ontology import DEFAULT_BASE, KG, vocabulary_prefixes
from kg.resolve import Resolved

if TYPE_CHECKING:
    from kg.pipeline import BuildResult
    from kg.source import GraphSource

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


def prefixes() -> dict[str, str]:
    """The prefixes of the Turtle output: those the rdflib graph binds, and rdf, rdfs and xsd
    (rdflib binds those by default). No prefix for the base: a local name like
    ``article/00995e0d`` would need its slash escaped (``id:article\\/…``)."""
    return {
        **vocabulary_prefixes(),
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    }


class QuadSink:
    """A duck-typed stand-in for an rdflib graph (``add``, ``bind``) that buffers Oxigraph quads,
    each in the current scope's named graph. Repeats are dropped upstream, by the
    :class:`~kg.graph.GraphBuilder`; terms that recur (vocabulary, entities) are converted once.
    """

    def __init__(self, base: str, named: bool = True) -> None:
        self.base = base
        self.named = named
        self.shared = ox.NamedNode(shared_graph(base))
        self.graph = self.shared
        self.buffer: list[ox.Quad] = []
        self._graphs: dict[str, ox.NamedNode] = {}
        self._iris: dict[int, tuple[URIRef, ox.NamedNode]] = {}
        self._by_value: dict[URIRef, ox.NamedNode] = {}

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
        """A vocabulary term (predicate, class) as an Oxigraph term, converted once. Looked up
        by the term object's id (the builder passes the same objects again and again), with
        the term kept beside its node so that an id is never reused while cached: hashing an
        rdflib term builds a tuple each time (6.7 million lookups for 10,000 articles)."""
        hit = self._iris.get(id(term))
        if hit is not None and hit[0] is term:
            return hit[1]
        node = self._by_value.get(term)
        if node is None:
            node = self._by_value[term] = ox.NamedNode(term)
        if len(self._iris) < 10_000:  # rdflib copies a literal's datatype: don't keep every copy
            self._iris[id(term)] = (term, node)
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
        kind = type(o)
        if kind is ox.NamedNode or kind is ox.Literal:  # made by uri()/lit(): most triples
            pass
        elif isinstance(o, URIRef):
            o = self._iri(o)
        elif isinstance(o, Literal):  # made by rdflib (decimals): same lexical form
            if o.datatype is not None and o.datatype != _XSD_STRING:
                o = ox.Literal(o, datatype=self._iri(o.datatype))
            else:
                o = ox.Literal(o, language=o.language) if o.language else ox.Literal(o)
        if self.named:
            self.buffer.append(ox.Quad(s, self._iri(p), o, self.graph))
        else:  # about twice as fast as passing the default graph explicitly (measured)
            self.buffer.append(ox.Quad(s, self._iri(p), o))


def stream_quads(
    resolved: Resolved, base: str = DEFAULT_BASE, chunk: int = CHUNK, named: bool = True
) -> Iterator[list[ox.Quad]]:
    """The graph of ``resolved`` as chunks of quads, in a deterministic order; at most about
    one chunk is held at a time. ``named`` puts each quad in its article's named graph or the
    shared one; without it all are in the default graph, which the Turtle writer and a local
    store take as they are (no copy of every quad without its graph)."""
    sink = QuadSink(base, named)
    for _ in emit_steps(GraphBuilder(base, sink), resolved):
        if len(sink.buffer) >= chunk:
            yield sink.buffer
            sink.buffer = []
    if sink.buffer:
        yield sink.buffer


def write_turtle(chunks: Iterable[list[ox.Quad]], out: IO[bytes]) -> int:
    """Serialize chunks of quads to ``out`` as Turtle (graph names dropped: the union graph);
    returns the number of triples written."""
    n = 0
    pre = prefixes()
    for chunk in chunks:
        if chunk and not isinstance(chunk[0].graph_name, ox.DefaultGraph):
            chunk = [q.triple for q in chunk]  # type: ignore[misc]
        ox.serialize(chunk, out, ox.RdfFormat.TURTLE, prefixes=pre)
        n += len(chunk)
    return n


IN_MEMORY_TRIPLES = 300_000
"""Up to about this many triples (estimated from the records), a build also makes the rdflib
graph: the view draws all of it and SHACL checks it. Beyond, the view is drawn from an
Oxigraph store filled from the same stream (the user's ``--store``, or a temporary one)."""

IN_MEMORY_VIEW_TRIPLES = 1_500_000
"""Up to about this many triples, the store a build fills only to draw its summary view is held
in memory (about 400 bytes per quad kept, half the triples: ~300 MB at the limit), which loads
twice as fast and answers the view's queries twice as fast as one on disk (measured on 1,000
articles: 0.7 + 1.1 s instead of 1.3 + 2.1 s); beyond, it is a temporary store on disk."""


@dataclass
class _InMemory:
    """A store held in memory, in the place of a :class:`kg.store.Writing`."""

    store: ox.Store


@dataclass
class Written:
    """What :func:`write_build` wrote."""

    triples: int = 0
    small: bool = True
    store: Path | None = None
    pushed: object = None  # kg.store.PushReport when --endpoint was given
    timings: dict[str, float] = field(default_factory=dict)
    """Wall seconds of the parts of writing: ``graph`` (triples made and written to Turtle and
    the stores, all in one stream), ``view`` (graph.html), ``push`` (--endpoint)."""


def estimated_triples(resolved: Resolved) -> int:
    """About how many triples the records make (measured on the bench corpora: ~12 per
    entity, fact and evidence), known before any triple is made."""
    return 12 * (len(resolved.entities) + sum(1 + len(f.evidence) for f in resolved.facts))


def _view_only(chunk: list[ox.Quad]) -> list[ox.Quad]:
    """``chunk`` without what no view draws: the evidence nodes' own triples (sentence, offsets,
    rule, article, type), half of a large graph. For the temporary store a build fills only to
    draw its summary view; a user's store keeps everything."""
    drop = _EVIDENCE_DETAIL
    evidence = _EVIDENCE_CLASS
    return [q for q in chunk if q.predicate not in drop and q.object != evidence]


_EVIDENCE_DETAIL = frozenset(
    ox.NamedNode(f"{KG._NS}{name}")
    for name in ("sentence", "start", "end", "sentenceStart", "sentenceEnd", "rule", "inArticle")
)
_EVIDENCE_CLASS = ox.NamedNode(f"{KG._NS}Evidence")


def _into_store(
    store: ox.Store,
    chunks: Iterable[list[ox.Quad]],
    named: bool,
    keep: Callable[[list[ox.Quad]], list[ox.Quad]] | None = None,
) -> Iterator[list[ox.Quad]]:
    """Pass ``chunks`` on unchanged, loading them into ``store`` on the way (bulk loads of
    ``STORE_CHUNK`` quads: fewer calls are faster, bigger ones cost memory). ``named`` keeps
    each article's named graph (for a Graph Store Protocol push); otherwise all go to the
    default graph, which Oxigraph queries about twice as fast as the union of a thousand
    named graphs."""
    pending: list[ox.Quad] = []
    for chunk in chunks:
        part = keep(chunk) if keep is not None else chunk
        if named or not part or isinstance(part[0].graph_name, ox.DefaultGraph):
            pending.extend(part)
        else:
            pending.extend(ox.Quad(q.subject, q.predicate, q.object) for q in part)
        if len(pending) >= STORE_CHUNK:
            store.bulk_extend(pending)
            pending = []
        yield chunk
    if pending:
        store.bulk_extend(pending)


STORE_CHUNK = 200_000
"""Quads per bulk load while building: the bulk loader's memory grows with its input (about
600 MB for half a million quads, measured), and a build holds its records at the same time."""


def _graphs_of(store: ox.Store) -> Iterator[tuple[str, list[tuple[Node, Node, Node]]]]:
    """The store's named graphs in IRI order, each with its triples (rdflib terms), for a
    Graph Store Protocol push."""
    from kg.source import ox_to_rdflib

    for graph in sorted(store.named_graphs(), key=lambda g: g.value):
        triples = [
            (ox_to_rdflib(q.subject), ox_to_rdflib(q.predicate), ox_to_rdflib(q.object))
            for q in store.quads_for_pattern(None, None, None, graph)
        ]
        yield graph.value, triples


def write_build(
    result: BuildResult,
    ttl: Path,
    html: Path,
    write_files: Callable[[dict], None],
    render: Callable[[GraphSource], str],
    store: Path | None = None,
    endpoint: str | None = None,
) -> Written:
    """Write a build's outputs: ``ttl`` streamed from the records; the store (if asked: the
    union graph, in its default graph) filled from the same stream; ``html`` drawn by
    ``render`` from the rdflib graph when the graph is small, else from a store; then the named
    graphs (one per article, and the shared one) pushed to ``endpoint``. ``write_files`` replaces the files
    atomically, together (:func:`kg.atomic.write_atomic_many`); the store version is published
    after them, so a build that fails or is killed before leaves the previous store."""
    from kg.source import OxigraphSource, RdflibSource
    from kg.store import Writing, push_endpoint, store_writer

    estimated = estimated_triples(result.resolved)
    written = Written(small=estimated <= IN_MEMORY_TRIPLES)
    with contextlib.ExitStack() as stack:

        def scratch_store() -> Writing:
            """A store in a hidden temporary folder beside the outputs, deleted afterwards."""
            folder = stack.enter_context(
                tempfile.TemporaryDirectory(prefix=".kg-store-", dir=ttl.parent)
            )
            return stack.enter_context(store_writer(Path(folder) / "store"))

        # Writings, not their stores, are kept here: a store closes when its writing ends.
        try:
            ttl.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KgError(
                f"cannot write {exc.filename or ttl.parent}: {exc.strerror or exc}; "
                "previous outputs left as they were"
            ) from exc
        user = stack.enter_context(store_writer(store)) if store is not None else None
        named = scratch_store() if endpoint else None
        if user is not None or written.small:
            viewed = user
        elif estimated <= IN_MEMORY_VIEW_TRIPLES:
            viewed = _InMemory(ox.Store())
        else:
            viewed = scratch_store()
        written.store = store

        def turtle(fh: IO[bytes]) -> None:
            chunks: Iterable[list[ox.Quad]] = stream_quads(
                result.resolved, result.base, named=named is not None
            )
            if viewed is not None:
                scratch = viewed is not user
                chunks = _into_store(viewed.store, chunks, False, _view_only if scratch else None)
            if named is not None:
                chunks = _into_store(named.store, chunks, True)
            clock = time.perf_counter()
            written.triples = write_turtle(chunks, fh)
            written.timings["graph"] = time.perf_counter() - clock

        def view(fh: IO[bytes]) -> None:
            clock = time.perf_counter()
            if written.small:
                source: GraphSource = RdflibSource(result.graph, "graph")
            else:
                source = OxigraphSource.of_store(viewed.store, str(store or "graph"))
            fh.write(render(source).encode("utf-8"))
            written.timings["view"] = time.perf_counter() - clock

        write_files({ttl: turtle, html: view})
        if named is not None:
            clock = time.perf_counter()
            written.pushed = push_endpoint(endpoint, _graphs_of(named.store), base=result.base)
            written.timings["push"] = time.perf_counter() - clock
    return written
