"""Serializations for other tools: Turtle, N-Triples, TriG, JSON-LD (RDF stores, Protégé,
GraphDB) and GraphML (Gephi, Neo4j's importers, networkx).

Output is deterministic: N-Triples lines are sorted; GraphML nodes and edges are added in sorted
order; rdflib's Turtle/TriG serializers sort subjects and predicates themselves, and Oxigraph
writes the triples in the file's order (a build's graph.ttl is itself deterministic).

A graph file over :data:`kg.source.LARGE_GRAPH_BYTES` is read and written by Oxigraph
(:func:`export_file`): rdflib needs about a kilobyte and fifty microseconds a triple to parse
(the 10,000-article graph: minutes and gigabytes). The triples are the same either way; the
layout of Turtle, TriG and JSON-LD differs between the two writers.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import GraphFileError, KgError

FORMATS = {"ttl": "turtle", "nt": "nt", "trig": "trig", "jsonld": "json-ld", "graphml": "graphml"}
SUFFIX = {"ttl": ".ttl", "nt": ".nt", "trig": ".trig", "jsonld": ".jsonld", "graphml": ".graphml"}


def to_networkx(graph: Iterable[tuple[Node, Node, Node]]) -> nx.MultiDiGraph:
    """Resources become nodes (with ``label`` and ``type`` attributes, literals as attributes);
    triples between resources become edges with a ``predicate`` and a ``label``."""
    g = nx.MultiDiGraph()
    literals: dict[str, dict[str, str]] = {}
    edges = []
    for s, p, o in sorted(graph, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        if isinstance(o, Literal):
            key = _local(p)
            attrs = literals.setdefault(str(s), {})
            attrs[key] = (
                f"{attrs[key]} | {o}" if key in attrs and str(o) not in attrs[key] else str(o)
            )
        elif p == RDF.type:
            attrs = literals.setdefault(str(s), {})
            attrs["type"] = f"{attrs['type']} {_local(o)}" if "type" in attrs else _local(o)
        elif isinstance(o, URIRef):
            edges.append((str(s), str(o), str(p)))
    for node in sorted(set(literals) | {e[0] for e in edges} | {e[1] for e in edges}):
        attrs = literals.get(node, {})
        g.add_node(node, **{k: v for k, v in sorted(attrs.items())})
        g.nodes[node].setdefault("label", attrs.get("label", node.rsplit("/", 1)[-1]))
    for s, o, p in edges:
        g.add_edge(s, o, predicate=p, label=_local(URIRef(p)))
    return g


def _local(term: object) -> str:
    text = str(term)
    if text == str(RDFS.label):
        return "label"
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[-1]
    return text


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise KgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _graphml(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    buf = io.BytesIO()
    nx.write_graphml(to_networkx(triples), buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def _sorted_lines(text: str) -> str:
    return "\n".join(sorted(line for line in text.splitlines() if line.strip())) + "\n"


def serialize(graph: Graph, fmt: str) -> str:
    """The graph in ``fmt`` (one of :data:`FORMATS`' keys)."""
    _check_format(fmt)
    if fmt == "graphml":
        return _graphml(graph)
    if fmt == "nt":
        return _sorted_lines(graph.serialize(format="nt"))
    if fmt == "jsonld":
        return graph.serialize(format="json-ld", sort_keys=True, indent=1, ensure_ascii=False)
    return graph.serialize(format=FORMATS[fmt])


_OX_WRITERS = {"ttl": "TURTLE", "nt": "N_TRIPLES", "trig": "TRIG", "jsonld": "JSON_LD"}


def export_file(path: str | Path, fmt: str) -> str:
    """The graph file at ``path`` in ``fmt``: by rdflib (:func:`serialize`), or by Oxigraph
    for a file over :data:`~kg.source.LARGE_GRAPH_BYTES` (see the module's docstring)."""
    from kg.query import load_graph
    from kg.source import is_large_graph_file, ox_to_rdflib

    _check_format(fmt)
    if not is_large_graph_file(path):
        return serialize(load_graph(path), fmt)
    import pyoxigraph as ox

    from kg.output import prefixes

    # streamed from the parser to the writer, in the file's order: nothing holds them all
    quads = _parsed(Path(path))
    if fmt == "graphml":
        return _graphml(
            (ox_to_rdflib(q.subject), ox_to_rdflib(q.predicate), ox_to_rdflib(q.object))  # type: ignore[misc]
            for q in quads
        )
    writer = getattr(ox.RdfFormat, _OX_WRITERS[fmt])
    triples = quads if fmt == "trig" else (q.triple for q in quads)
    text = ox.serialize(triples, None, writer, prefixes=prefixes()).decode("utf-8")  # type: ignore[union-attr]
    return _sorted_lines(text) if fmt == "nt" else text


def _parsed(path: Path) -> Iterator:
    """The quads of a graph file, parsed by Oxigraph as they come; a file that does not parse
    is a :class:`~kg.errors.GraphFileError` naming it."""
    import pyoxigraph as ox

    from kg.source import oxigraph_format

    try:
        yield from ox.parse(path=str(path), format=oxigraph_format(path))
    except (SyntaxError, ValueError, OSError) as exc:
        raise GraphFileError(f"{path}: not a readable graph ({exc})") from exc
