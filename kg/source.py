"""Where a built graph is read from: a graph file (in memory: rdflib, or Oxigraph when the
file is large) or an Oxigraph store.

Commands that read a graph (``kg query``, ``kg view``) go through a :class:`GraphSource`, so a
user can point them at ``--graph output/graph.ttl`` for a small corpus or at ``--store
oxigraph:DIR`` for one too big to hold in rdflib: both answer the same SPARQL with the same
terms (rdflib terms, so results format the same way). Selecting part of a big graph (a summary,
the neighbourhood of one entity) is a CONSTRUCT on the source that returns a small rdflib graph.

An Oxigraph store holds one named graph per article plus shared graphs (see
:mod:`kg.graph`); queries see their union as the default graph.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import GraphFileError, KgError, QueryError
from kg.query import PREFIXES, QueryResult, load_graph, run_query

if TYPE_CHECKING:
    from kg.endpoint import Endpoint

STORE_SCHEME = "oxigraph:"


def ox_to_rdflib(term: object) -> Node | None:
    """A pyoxigraph term as the rdflib term with the same meaning."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise KgError(f"unexpected RDF term from Oxigraph: {term!r}")


def rdflib_to_ox(term: Node):
    """An rdflib term as a pyoxigraph term (for bindings and for loading triples)."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise KgError(f"cannot store RDF term {term!r}")


class GraphSource:
    """A read-only graph answering SPARQL; see :func:`open_source`."""

    description = "graph"

    def query(self, query: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        raise NotImplementedError

    def construct(self, query: str, bindings: Mapping[str, Node] | None = None) -> Graph:
        """Run a CONSTRUCT (or DESCRIBE) and return its triples as a small rdflib graph."""
        result = self.query(query, bindings)
        if result.graph is None:
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        return result.graph

    def __len__(self) -> int:
        raise NotImplementedError


class RdflibSource(GraphSource):
    """A graph held in memory by rdflib (a graph file, or a fresh build)."""

    def __init__(self, graph: Graph, description: str = "graph") -> None:
        self.graph = graph
        self.description = description

    def query(self, query: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        return run_query(self.graph, query, dict(bindings or {}))

    def __len__(self) -> int:
        return len(self.graph)


class OxigraphSource(GraphSource):
    """A persistent Oxigraph store (``oxigraph:DIR``), opened read-only; the union of its named
    graphs is the default graph."""

    def __init__(self, directory: str | Path) -> None:
        import pyoxigraph as ox

        self.directory: Path | None = Path(directory)
        self.description = f"{STORE_SCHEME}{self.directory}"
        if not self.directory.is_dir():
            raise GraphFileError(
                f"{self.directory}: no Oxigraph store here (build one with "
                f"`kg build --store {STORE_SCHEME}{self.directory}`)"
            )
        from kg.store import resolve_store

        try:  # the version the link points to now: a rebuild swaps the link, not the files
            self.store = ox.Store.read_only(str(resolve_store(self.directory)))
        except OSError as exc:
            raise GraphFileError(
                f"{self.directory}: cannot open the Oxigraph store ({exc})"
            ) from exc
        self.union = self._has_named_graphs()

    @classmethod
    def of_file(cls, path: Path) -> OxigraphSource:
        """A graph file loaded into an in-memory Oxigraph store: for a file too big for rdflib
        (see :data:`LARGE_GRAPH_BYTES`)."""
        import pyoxigraph as ox

        store = ox.Store()
        try:
            store.bulk_load(path=str(path), format=oxigraph_format(path))
        except (SyntaxError, ValueError, OSError) as exc:
            raise GraphFileError(f"{path}: not a readable graph ({exc})") from exc
        return cls.of_store(store, str(path))

    @classmethod
    def of_store(cls, store: object, description: str) -> OxigraphSource:
        """A source over a store that is already open (a build draws its view from the store
        it is writing)."""
        source = cls.__new__(cls)
        source.directory, source.description, source.store = None, description, store
        source.union = source._has_named_graphs()
        return source

    def _has_named_graphs(self) -> bool:
        """Stores that kg build writes hold the graph in the default graph, which Oxigraph
        queries about twice as fast; a store of named graphs (written by write_store, or by
        another tool) is queried as their union."""
        return next(iter(self.store.named_graphs()), None) is not None

    def query(self, query: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        import pyoxigraph as ox

        from kg.endpoint import with_values

        # bindings as a VALUES block: pyoxigraph's substitutions refuse a variable the query
        # does not project (entity.rq binds ?name and returns ?entity)
        text = with_values(query, bindings) if bindings else query
        try:
            result = self.store.query(
                text, prefixes=PREFIXES, use_default_graph_as_union=self.union
            )
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"SPARQL evaluation failed: {exc}") from exc
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            rows = tuple(tuple(ox_to_rdflib(sol[v]) for v in variables) for sol in result)
            return QueryResult(variables=variables, rows=rows)
        g = Graph()
        for t in result:
            g.add((ox_to_rdflib(t.subject), ox_to_rdflib(t.predicate), ox_to_rdflib(t.object)))
        return QueryResult(graph=g)

    def __len__(self) -> int:
        return len(self.store)


class EndpointSource(GraphSource):
    """A SPARQL 1.1 server (``--endpoint``): queries go over HTTP (SPARQL 1.1 Protocol) and come
    back as rdflib terms, so results format exactly as local ones. ``url`` is a server root
    (Oxigraph-style) or ``query=URL[,store=URL]``; see :mod:`kg.endpoint`."""

    def __init__(self, url: str | Endpoint, timeout: float | None = None) -> None:
        from kg.endpoint import DEFAULT_TIMEOUT, Endpoint

        self.endpoint = url if isinstance(url, Endpoint) else Endpoint.parse(url)
        self.timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        self.description = self.endpoint.query

    def query(self, query: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        from kg.endpoint import sparql_query

        return sparql_query(self.endpoint, query, bindings, self.timeout)

    def __len__(self) -> int:
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(result.rows[0][0]) if result.rows else 0


def parse_store_spec(spec: str) -> Path:
    """``oxigraph:DIR`` -> DIR (the only store kind so far); anything else is a clear error."""
    if not spec.startswith(STORE_SCHEME) or not spec[len(STORE_SCHEME) :]:
        raise KgError(
            f"--store {spec!r}: expected {STORE_SCHEME}DIR, e.g. {STORE_SCHEME}output/store"
        )
    return Path(spec[len(STORE_SCHEME) :])


def open_source(
    graph_file: str | Path | None = None, store: str | None = None, endpoint: str | None = None
) -> GraphSource:
    """The graph a read command works on: ``endpoint`` (a SPARQL server) or ``store``
    (``oxigraph:DIR``) when given, else the graph file."""
    if endpoint:
        return EndpointSource(endpoint)
    if store:
        return OxigraphSource(parse_store_spec(store))
    path = Path(graph_file or "output/graph.ttl")
    if is_large_graph_file(path):
        return OxigraphSource.of_file(path)
    return RdflibSource(load_graph(path), str(path))


LARGE_GRAPH_BYTES = 16 << 20
"""A graph file bigger than this (about 250,000 triples of union-kg's Turtle) is read into an
in-memory Oxigraph store, not rdflib: rdflib took 23 s and about 1 KB a triple to parse the
1,000-article graph (32 MB), Oxigraph under 2 s; the 10,000-article one (300 MB) would
take rdflib minutes and gigabytes. Both answer the canned queries with the same rows."""


def is_large_graph_file(path: str | Path) -> bool:
    """Whether ``path`` is a graph file read by Oxigraph rather than rdflib (see above)."""
    p = Path(path)
    try:
        return p.suffix in OX_FORMATS and p.stat().st_size > LARGE_GRAPH_BYTES
    except OSError:
        return False  # load_graph says what is wrong with it


OX_FORMATS = {".ttl": "TURTLE", ".nt": "N_TRIPLES", ".trig": "TRIG"}
"""The graph files Oxigraph reads in place of rdflib, with their ``pyoxigraph.RdfFormat``."""


def oxigraph_format(path: Path):  # -> pyoxigraph.RdfFormat (imported lazily)
    """The ``pyoxigraph.RdfFormat`` a graph file is read with (Turtle unless its suffix says)."""
    import pyoxigraph as ox

    return getattr(ox.RdfFormat, OX_FORMATS.get(path.suffix, "TURTLE"))
