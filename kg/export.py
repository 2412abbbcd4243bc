"""Serializations for other tools: Turtle, N-Triples, TriG, JSON-LD (RDF stores, Protégé,
GraphDB) and GraphML (Gephi, Neo4j's importers, networkx).

Output is deterministic: N-Triples lines are sorted; GraphML nodes and edges are added in sorted
order; rdflib's Turtle/TriG serializers sort subjects and predicates themselves.
"""

from __future__ import annotations

import io

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.errors import KgError

FORMATS = {"ttl": "turtle", "nt": "nt", "trig": "trig", "jsonld": "json-ld", "graphml": "graphml"}
SUFFIX = {"ttl": ".ttl", "nt": ".nt", "trig": ".trig", "jsonld": ".jsonld", "graphml": ".graphml"}


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
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


def serialize(graph: Graph, fmt: str) -> str:
    """The graph in ``fmt`` (one of :data:`FORMATS`' keys)."""
    if fmt not in FORMATS:
        raise KgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "graphml":
        buf = io.BytesIO()
        nx.write_graphml(to_networkx(graph), buf, encoding="utf-8")
        return buf.getvalue().decode("utf-8")
    if fmt == "nt":
        lines = graph.serialize(format="nt").splitlines()
        return "\n".join(sorted(line for line in lines if line.strip())) + "\n"
    if fmt == "jsonld":
        return graph.serialize(format="json-ld", sort_keys=True, indent=1, ensure_ascii=False)
    return graph.serialize(format=FORMATS[fmt])
