"""Writing a built graph out in bounded memory, in parallel, and again only where it changed.

A corpus of ten thousand articles makes millions of triples; rdflib's in-memory graph needs
about a kilobyte per triple and its Turtle serializer minutes per million. Here the graph is
cut into pieces (:func:`kg.graph.graph_pieces`: batches of entities, batches of facts, one
part per article), each made from its own values alone, so a piece is made in a worker
process (a :class:`~kg.graph.GraphBuilder` writing Turtle text into a :class:`TurtleSink`,
byte for byte as Oxigraph's serializer would) or read back from the cache under a hash of
its values. This process
writes the few triples many pieces share (places, program shortcuts), then the pieces'
Turtle in order, and loads the same bytes into the stores asked for (Oxigraph's bulk loader
parses Turtle faster than Python makes quads). Only a few pieces' bytes are held at a time.

Determinism: pieces are cut by content and written in the records' sorted order, so the
same input gives the same bytes, whichever process made a piece or whether it was cached.
The file has one ``@prefix`` block; every piece is serialized with the same prefixes.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import queue
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.errors import KgError
from kg.graph import ArticlePart, GraphBuilder, Piece, graph_pieces
from kg.iri import entity_iri
from kg.ontology import DEFAULT_BASE, KG, vocabulary_prefixes
from kg.parallel import map_bounded
from kg.resolve import Resolved

if TYPE_CHECKING:
    from kg.cache import ExtractionCache
    from kg.pipeline import BuildResult
    from kg.source import GraphSource

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
    in the shared named graph (``named``) or the default graph. Repeats are dropped upstream,
    by the :class:`~kg.graph.GraphBuilder`; vocabulary terms are converted once.
    """

    def __init__(self, base: str, named: bool = True) -> None:
        self.base = base
        self.named = named
        self.graph = ox.NamedNode(shared_graph(base))
        self.buffer: list[ox.Quad] = []
        self._iris: dict[int, tuple[URIRef, ox.NamedNode]] = {}
        self._by_value: dict[URIRef, ox.NamedNode] = {}

    def bind(self, prefix: str, namespace: str) -> None:
        """Prefixes are fixed (see :func:`prefixes`); kept for the rdflib-graph interface."""

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


_ESCAPES = {
    **{c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)},
    **{0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"},
    **{0x22: '\\"', 0x5C: "\\\\"},
}
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')
_BARE = {  # datatypes Turtle writes without quotes, and the lexical forms that may be so
    "http://www.w3.org/2001/XMLSchema#integer": re.compile(r"[+-]?[0-9]+"),
    "http://www.w3.org/2001/XMLSchema#decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    "http://www.w3.org/2001/XMLSchema#double": re.compile(
        r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+"
    ),
    "http://www.w3.org/2001/XMLSchema#boolean": re.compile(r"true|false"),
}


def _quoted(text: str) -> str:
    """A Turtle string in double quotes, escaped as Oxigraph escapes it."""
    return f'"{text.translate(_ESCAPES) if _NEEDS_ESCAPE.search(text) else text}"'


@cache
def _vocabulary_term(iri: str, as_predicate: bool) -> str:
    """A vocabulary IRI (predicate, class, datatype) as Oxigraph's serializer writes it with
    the file's prefixes (``rdfs:label``, ``a``, ``kg:Evidence``): asked of Oxigraph once."""
    x, term = ox.NamedNode(f"{DEFAULT_BASE}x"), ox.NamedNode(iri)
    quad = ox.Quad(x, term, x) if as_predicate else ox.Quad(x, x, term)
    line = turtle_body([quad]).decode("utf-8").rstrip(" .\n")
    _, predicate, obj = line.split(" ", 2)
    return predicate if as_predicate else obj


class TurtleSink:
    """A duck-typed stand-in for an rdflib graph (``add``, ``bind``, and the term factories
    ``uri``, ``lit``) that keeps each triple as the text of its three Turtle terms, written as
    Oxigraph's serializer writes them (same bytes: tested), for :func:`turtle_text`.

    Making an Oxigraph ``Quad`` costs ~2 µs (its terms are copied and checked), three quarters
    of making a piece: a piece's triples were 4.4 µs each through :class:`QuadSink` and
    ``pyoxigraph.serialize``. Each IRI is still checked by Oxigraph, once per piece
    (:meth:`uri`): the stores' bulk loader parses leniently and would take an invalid one
    without a word (tried: a space in a person's IRI gave a build that succeeded and a file no
    strict parser reads; now the build stops naming the IRI)."""

    def __init__(self) -> None:
        self.triples: list[tuple[str, str, str]] = []
        self._vocabulary: dict[int, tuple[URIRef, str]] = {}
        self._checked: dict[str, str] = {}  # IRI -> its Turtle term, once checked

    def bind(self, prefix: str, namespace: str) -> None:
        """Prefixes are fixed (see :func:`prefixes`); kept for the rdflib-graph interface."""

    def uri(self, iri: str) -> str:
        """``<iri>``, checked by Oxigraph as when pieces were its quads (once per IRI and
        piece: ~0.4 µs each). The builder's IRIs are minted percent-encoded (:mod:`kg.iri`,
        property-tested), but one that is not an IRI would make the whole file unreadable, so
        it is refused, by name."""
        text = self._checked.get(iri)
        if text is None:
            try:
                ox.NamedNode(iri)
            except ValueError as exc:
                raise KgError(f"cannot write the IRI <{iri}>: {exc}") from exc
            text = self._checked[iri] = f"<{iri}>"
        return text

    @staticmethod
    def lit(value: object, lang: str | None = None, datatype: URIRef | None = None) -> str:
        """A literal's text, with the lexical form rdflib would give ``Literal(value, …)`` for
        the values the builder passes (strings, integers)."""
        if lang:
            return f"{_quoted(str(value))}@{lang.lower()}"
        if datatype is not None:
            return _typed(str(value), str(datatype))
        return _quoted(str(value))

    def _predicate(self, term: URIRef) -> str:
        """Looked up by the term object's id, as :meth:`QuadSink._iri` does (hashing an rdflib
        term builds a tuple each time), the term kept so that an id is never reused."""
        hit = self._vocabulary.get(id(term))
        if hit is not None and hit[0] is term:
            return hit[1]
        text = _vocabulary_term(str(term), True)
        self._vocabulary[id(term)] = (term, text)
        return text

    def add(self, triple: tuple[object, Node, object]) -> None:
        s, p, o = triple
        if type(o) is not str:  # an rdflib term: a vocabulary class, or a decimal
            if isinstance(o, URIRef):
                o = _vocabulary_term(str(o), False)
            elif isinstance(o, Literal):
                o = self.lit(str(o), o.language, o.datatype)
        self.triples.append((s, self._predicate(p), o))  # type: ignore[arg-type]


def _typed(lexical: str, datatype: str) -> str:
    if datatype == _XSD_STRING:  # a plain literal is an xsd:string: written without a type
        return _quoted(lexical)
    bare = _BARE.get(datatype)
    if bare is not None and bare.fullmatch(lexical):
        return lexical
    return f"{_quoted(lexical)}^^{_vocabulary_term(datatype, False)}"


def turtle_text(triples: Iterable[tuple[str, str, str]]) -> bytes:
    """Triples of Turtle terms as statements, a subject's consecutive triples joined by ``;``
    and a predicate's by ``,``: the layout of Oxigraph's serializer (:func:`turtle_body`)."""
    out: list[str] = []
    last_s = last_p = None
    for s, p, o in triples:
        if s != last_s:
            if last_s is not None:
                out.append(" .\n")
            out.append(f"{s} {p} {o}")
        elif p != last_p:
            out.append(f" ;\n\t{p} {o}")
        else:
            out.append(f" , {o}")
        last_s, last_p = s, p
    if last_s is not None:
        out.append(" .\n")
    return "".join(out).encode("utf-8")


def head_quads(resolved: Resolved, base: str = DEFAULT_BASE, named: bool = True) -> list[ox.Quad]:
    """The part of the graph of ``resolved`` made in this process, before the pieces: the
    places and the ``runsProgram`` shortcuts (see
    :meth:`kg.graph.GraphBuilder.add_places_and_runs`), in a deterministic order. ``named``
    puts them in the shared named graph; without it in the default graph, which the Turtle
    writer and a local store take as they are."""
    sink = QuadSink(base, named)
    GraphBuilder(base, sink).add_places_and_runs(resolved)
    return sink.buffer


@cache
def turtle_header() -> bytes:
    """The ``@prefix`` lines Oxigraph's serializer starts a document with: written once at
    the top of graph.ttl; every piece after it is written without them."""
    node = ox.NamedNode(f"{DEFAULT_BASE}x")
    out = ox.serialize([ox.Quad(node, node, node)], None, ox.RdfFormat.TURTLE, prefixes=prefixes())
    lines = out.splitlines(keepends=True)
    return b"".join(itertools.takewhile(lambda line: line.startswith(b"@prefix "), lines))


def turtle_body(quads: list[ox.Quad]) -> bytes:
    """``quads`` as Turtle statements with the prefixes of :func:`turtle_header` (not repeated);
    graph names are dropped."""
    if not quads:
        return b""
    if not isinstance(quads[0].graph_name, ox.DefaultGraph):
        quads = [q.triple for q in quads]  # type: ignore[misc]
    out = ox.serialize(quads, None, ox.RdfFormat.TURTLE, prefixes=prefixes())
    header = turtle_header()
    if not out.startswith(header):  # every piece is cut this way: fail loudly, not subtly
        raise RuntimeError("pyoxigraph no longer starts Turtle with the same prefix block")
    return out[len(header) :]


def write_turtle(chunks: Iterable[list[ox.Quad]], out: IO[bytes]) -> int:
    """Serialize chunks of quads to ``out`` as Turtle (graph names dropped: the union graph),
    after the prefix lines; returns the number of triples."""
    n = 0
    out.write(turtle_header())
    for chunk in chunks:
        out.write(turtle_body(chunk))
        n += len(chunk)
    return n


class PartTurtle(NamedTuple):
    """A piece of the graph as Turtle statements (see :func:`turtle_body`): ``links`` (all
    but evidence nodes' own triples), what a view draws from; ``detail`` (the evidence nodes'
    own triples: sentence, offsets, rule; only articles have them), what it does not; how
    many triples both hold; and ``summary``, the triples of ``links`` a summary view reads
    (:data:`kg.subgraph.SUMMARY_PREDICATES`), written again on their own for the store a
    large build fills only to draw its view (empty when the build draws none)."""

    links: bytes
    detail: bytes
    triples: int
    summary: bytes


def part_turtle(base: str, piece: Piece, summary: bool = False) -> PartTurtle:
    """The Turtle of one piece of the graph: made anywhere (a worker process, a cache) from
    the piece alone; ``summary``: with the triples a summary view reads written apart (a tenth
    of the piece's making: a build that draws no view, ``--no-view``, is spared it)."""
    sink = TurtleSink()
    piece.emit(GraphBuilder(base, sink))
    links, detail = [], []
    detail_predicates, evidence = _detail_terms()
    for t in sink.triples:
        (detail if t[1] in detail_predicates or t[2] == evidence else links).append(t)
    drawn = _summary_terms() if summary else frozenset()
    return PartTurtle(
        turtle_text(links),
        turtle_text(detail),
        len(sink.triples),
        turtle_text(t for t in links if t[1] in drawn),
    )


def _parts_turtle(job: tuple[str, list[Piece], bool]) -> list[PartTurtle]:
    """A worker's task: the Turtle of a few pieces."""
    base, pieces, summary = job
    return [part_turtle(base, piece, summary) for piece in pieces]


_PART_SCHEMA = "piece-v2"
PART_BATCH = 16
"""Pieces per worker task: enough to make pickling and scheduling small beside the work (a
few milliseconds a piece), few enough to keep both workers busy to the end."""


def piece_key(base: str, piece: Piece, summary: bool = False) -> str:
    """The cache key of a piece's Turtle: a hash of everything it is made from (and whether
    its summary triples are written apart: a build with a view and one without keep their own
    entries)."""
    text = repr((_PART_SCHEMA, base, piece, summary)).encode("utf-8", "surrogatepass")
    return hashlib.sha256(text).hexdigest()


def piece_turtles(
    resolved: Resolved,
    base: str,
    pool: ProcessPoolExecutor | None = None,
    cache: ExtractionCache | None = None,
    summary: bool = False,
) -> Iterator[tuple[Piece, PartTurtle]]:
    """Every piece of the graph (:func:`kg.graph.graph_pieces`) with its Turtle, in order:
    from ``cache`` when the piece is unchanged (its key hashes the piece's ``repr``: the
    records it shows and the IRIs it names, so it changes when anything it shows changes),
    else made by ``pool``'s workers (or here). Hits are read as they are written out, not
    held."""
    keyed: list[tuple[Piece, str, bool]] = []
    todo: list[Piece] = []
    for part in graph_pieces(resolved, base):
        # hashing every piece's values costs ~0.3 s per 1,000 articles: not without a cache
        key = piece_key(base, part, summary) if cache is not None else ""
        cached = cache is not None and cache.has_part(key)
        keyed.append((part, key, cached))
        if not cached:
            todo.append(part)
    batches = [(base, todo[i : i + PART_BATCH], summary) for i in range(0, len(todo), PART_BATCH)]
    if pool is None or len(batches) <= 1:
        made: Iterator[PartTurtle] = (out for job in batches for out in _parts_turtle(job))
    else:
        made = (out for outs in map_bounded(pool, _parts_turtle, batches) for out in outs)
    for part, key, cached in keyed:
        hit = cache.get_part(key) if cached and cache is not None else None
        if hit is not None:
            yield part, PartTurtle(*hit)
            continue
        # a damaged entry: made here
        out = next(made) if not cached else part_turtle(base, part, summary)
        if cache is not None:
            cache.put_part(key, tuple(out))  # type: ignore[arg-type]
        yield part, out


@dataclass
class StoreFill:
    """A store filled while the graph is written: all of it in the default graph, or (for a
    Graph Store Protocol push, ``named``) the shared part in the shared graph and each
    article's part in its own; ``summary_only`` keeps only what a summary view reads (see
    :func:`_summary_only`)."""

    store: ox.Store
    named: bool = False
    summary_only: bool = False
    """Only what the summary view reads (:data:`kg.subgraph.SUMMARY_PREDICATES`)."""
    _batch: list[bytes] = field(default_factory=list)
    _size: int = 0
    _loader: _Loader | None = None

    def add_part(self, base: str, piece: Piece, turtle: PartTurtle) -> None:
        """Load a piece: into its named graph (its article's, or the shared graph) now, or
        with the next batch."""
        body = turtle.summary if self.summary_only else turtle.links + turtle.detail
        if self.named:
            if isinstance(piece, ArticlePart):
                graph = ox.NamedNode(article_graph(base, piece.sha))
            else:
                graph = ox.NamedNode(shared_graph(base))
            self.store.load(turtle_header() + body, ox.RdfFormat.TURTLE, to_graph=graph)
            return
        self._batch.append(body)
        self._size += len(body)
        if self._size >= PART_LOAD_BYTES:
            self.flush()

    def flush(self) -> None:
        """Hand the parts batched so far to the loading thread."""
        if self._batch:
            if self._loader is None:
                self._loader = _Loader(self.store)
            self._loader.put(turtle_header() + b"".join(self._batch))
            self._batch, self._size = [], 0

    def close(self, complete: bool = True) -> None:
        """Load what is left (``complete``) and wait for the loading thread; its error, if
        any, is raised here."""
        if complete:
            self.flush()
        if self._loader is not None:
            loader, self._loader = self._loader, None
            loader.close(raise_error=complete)


class _Loader:
    """Bulk loads of Turtle into a store, one after the other, in a thread of their own:
    pyoxigraph releases the GIL while it parses and loads, so the pieces are read, written
    to graph.ttl and handed on meanwhile (loading is most of a build's writing with --store:
    ~5 µs a triple on disk, parsing included). At most two batches wait, so memory stays
    bounded."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.error: BaseException | None = None
        self.queue: queue.Queue[bytes | None] = queue.Queue(maxsize=2)
        self.thread = threading.Thread(target=self._run, name="kg-store-load", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (data := self.queue.get()) is not None:
            if self.error is None:  # after an error, drain without loading
                try:
                    # Oxigraph parses Turtle in Rust: faster than making quads in Python, and
                    # the pieces were made as Turtle anyway
                    self.store.bulk_load(data, ox.RdfFormat.TURTLE, lenient=True)
                except BaseException as exc:  # raised in the writing thread, by close()
                    self.error = exc

    def put(self, data: bytes) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(data)

    def close(self, raise_error: bool = True) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None and raise_error:
            raise self.error


PART_LOAD_BYTES = 8 << 20
"""Turtle bytes of pieces per bulk load into a store (about 130,000 triples): the bulk
loader's memory grows with its input (see :data:`STORE_CHUNK`); 32 MB batches made a
1,000-article build with --store peak at 645 MB instead of 379 MB (measured)."""


def write_graph(
    resolved: Resolved,
    out: IO[bytes],
    base: str = DEFAULT_BASE,
    fills: Sequence[StoreFill] = (),
    pool: ProcessPoolExecutor | None = None,
    cache: ExtractionCache | None = None,
) -> int:
    """Write the graph of ``resolved`` to ``out`` as Turtle, filling ``fills`` on the way;
    returns the number of triples. The places and program shortcuts come first, made here;
    then every piece (entities, facts, articles; see :func:`piece_turtles`), made by
    ``pool``'s workers or read from ``cache``. Same input, same bytes."""
    named = any(f.named for f in fills)
    summary = any(f.summary_only for f in fills)
    chunks: Iterable[list[ox.Quad]] = [head_quads(resolved, base, named)]
    for f in fills:
        chunks = _into_store(f.store, chunks, f.named, _summary_only if f.summary_only else None)
    n = write_turtle(chunks, out)
    complete = False
    try:
        for piece, turtle in piece_turtles(resolved, base, pool, cache, summary):
            out.write(turtle.links)
            out.write(turtle.detail)
            n += turtle.triples
            for f in fills:
                f.add_part(base, piece, turtle)
        complete = True
    finally:
        for f in fills:  # on failure, stop the loading threads and let the error through
            f.close(complete)
    return n


IN_MEMORY_TRIPLES = 300_000
"""Up to about this many triples (estimated from the records), a build also makes the rdflib
graph, for SHACL to check, and fills an in-memory Oxigraph store with the whole graph for the
view (copying the rdflib graph into a store for the view's queries took a second per 60,000
triples: 1.9 s of a 100-article build's view became 0.6 s; same page). Beyond, the view is
drawn from the user's ``--store``, or from a temporary store of only what the summary reads,
filled from the same stream."""

IN_MEMORY_VIEW_TRIPLES = 1_500_000
"""Up to about this many triples, the store a build fills only to draw its summary view is held
in memory (about 400 bytes per quad kept, 28% of the triples: ~170 MB at the limit), which loads
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


def _summary_only(chunk: list[ox.Quad]) -> list[ox.Quad]:
    """``chunk`` with only what the summary view reads (:data:`kg.subgraph.SUMMARY_PREDICATES`;
    not the evidence nodes' own triples, half of a large graph, nor values, periods or
    provenance). For the temporary store a build fills only to draw its summary view; a user's
    store keeps everything."""
    drawn = _summary_nodes()
    return [q for q in chunk if q.predicate in drawn and not _is_detail(q)]


def _is_detail(q: ox.Quad) -> bool:
    """Whether ``q`` is one of an evidence node's own triples (what no view draws)."""
    return q.predicate in _EVIDENCE_DETAIL or q.object == _EVIDENCE_CLASS


_EVIDENCE_DETAIL = frozenset(
    ox.NamedNode(f"{KG._NS}{name}")
    for name in ("sentence", "start", "end", "sentenceStart", "sentenceEnd", "rule", "inArticle")
)
_EVIDENCE_CLASS = ox.NamedNode(f"{KG._NS}Evidence")


@cache
def _detail_terms() -> tuple[frozenset[str], str]:
    """:func:`_is_detail`'s predicates and class as :class:`TurtleSink` writes them."""
    predicates = frozenset(_vocabulary_term(p.value, True) for p in _EVIDENCE_DETAIL)
    return predicates, _vocabulary_term(_EVIDENCE_CLASS.value, False)


@cache
def _summary_nodes() -> frozenset[ox.NamedNode]:
    """:data:`kg.subgraph.SUMMARY_PREDICATES` as Oxigraph terms."""
    from kg.subgraph import SUMMARY_PREDICATES

    return frozenset(ox.NamedNode(str(p)) for p in SUMMARY_PREDICATES)


@cache
def _summary_terms() -> frozenset[str]:
    """:data:`kg.subgraph.SUMMARY_PREDICATES` as :class:`TurtleSink` writes them."""
    from kg.subgraph import SUMMARY_PREDICATES

    return frozenset(_vocabulary_term(str(p), True) for p in SUMMARY_PREDICATES)


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
    render: Callable[[GraphSource], str] | None,
    store: Path | None = None,
    endpoint: str | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> Written:
    """Write a build's outputs: ``ttl`` streamed from the records (articles' parts made by
    ``pool``'s workers, or reused from the build's cache; see :func:`write_graph`); the store
    (if asked: the union graph, in its default graph) filled from the same stream; ``html``
    drawn by ``render`` from a store filled from the same stream (the user's, or a scratch one:
    in memory and whole for a small graph, only what the summary reads for a large one); then
    the named graphs (one per article, and the shared one) pushed to ``endpoint``.
    ``write_files`` replaces the files atomically, together
    (:func:`kg.atomic.write_atomic_many`); the store version is published after them, so a
    build that fails or is killed before leaves the previous store. With no ``render``
    (``kg build --no-view``) there is no ``html`` and no store is filled for one."""
    from kg.source import OxigraphSource
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
        # the store the view is drawn from, and whether it takes only what a summary reads
        # (a user's store keeps everything; a small view draws evidence nodes in full)
        summary_only = user is None and not written.small
        viewed: Writing | _InMemory | None
        if user is not None:
            viewed = user
        elif render is None:
            viewed = None
        elif written.small or estimated <= IN_MEMORY_VIEW_TRIPLES:
            viewed = _InMemory(ox.Store())
        else:
            viewed = scratch_store()
        written.store = store

        def turtle(fh: IO[bytes]) -> None:
            fills = []
            if viewed is not None:
                fills.append(StoreFill(viewed.store, summary_only=summary_only))
            if named is not None:
                fills.append(StoreFill(named.store, named=True))
            clock = time.perf_counter()
            written.triples = write_graph(
                result.resolved, fh, result.base, fills, pool, result.cache
            )
            written.timings["graph"] = time.perf_counter() - clock

        def view(fh: IO[bytes]) -> None:
            assert viewed is not None and render is not None
            clock = time.perf_counter()
            source: GraphSource = OxigraphSource.of_store(viewed.store, str(store or "graph"))
            fh.write(render(source).encode("utf-8"))
            written.timings["view"] = time.perf_counter() - clock

        write_files({ttl: turtle, html: view} if render is not None else {ttl: turtle})
        if result.cache is not None:  # every piece this build used was touched by now
            from kg.cache import UNUSED_FOR

            result.cache.forget_unused(UNUSED_FOR, parts=True)
        if named is not None:
            clock = time.perf_counter()
            written.pushed = push_endpoint(endpoint, _graphs_of(named.store), base=result.base)
            written.timings["push"] = time.perf_counter() - clock
    return written
