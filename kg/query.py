"""SPARQL over a built graph, with results in the W3C SPARQL 1.1 formats.

``--format csv`` follows *SPARQL 1.1 Query Results CSV and TSV Formats* (CSV: plain values,
CRLF line ends; TSV: values in Turtle syntax, ``?var`` headers), ``json`` the *SPARQL 1.1 Query
Results JSON Format*. Update operations are refused: a query must not change the graph a user
is reading.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pyparsing import ParseException
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate

from kg.errors import GraphFileError, QueryError
from kg.ontology import KG, ORG, PROV, SDO

PREFIXES = {"kg": str(KG), "schema": str(SDO), "org": str(ORG), "prov": str(PROV)}


def load_graph(path: str | Path) -> Graph:
    """Parse a graph file (format from its suffix; Turtle by default)."""
    p = Path(path)
    if not p.is_file():
        raise GraphFileError(f"{p}: graph file not found (run `kg build` first, or pass --graph)")
    fmt = {".nt": "nt", ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld"}.get(
        p.suffix, "turtle"
    )
    g = Graph()
    try:
        g.parse(p, format=fmt)
    except Exception as exc:  # rdflib raises many types for bad files
        raise GraphFileError(f"{p}: not a readable {fmt} graph ({exc})") from exc
    return g


def read_query(text_or_path: str) -> str:
    """A query string, or the text of a ``.rq`` file."""
    p = Path(text_or_path)
    if text_or_path.endswith((".rq", ".sparql")) or (len(text_or_path) < 4096 and p.is_file()):
        if not p.is_file():
            raise QueryError(f"{p}: query file not found")
        try:
            return p.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise QueryError(
                f"{p}: query file is not UTF-8 text ({exc.reason} at byte {exc.start})"
            ) from exc
    return text_or_path


def parse_binding(text: str) -> tuple[str, object]:
    """``NAME=VALUE``: integers become xsd:integer, ``<iri>`` or http(s) IRIs become IRIs, the rest
    plain strings (compare with ``STR(?x) = ?name`` in a query)."""
    if "=" not in text:
        raise QueryError(f"--bind {text!r}: expected NAME=VALUE")
    name, value = text.split("=", 1)
    name = name.strip().lstrip("?$")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise QueryError(f"--bind {text!r}: {name!r} is not a SPARQL variable name")
    if re.fullmatch(r"-?\d+", value):
        return name, Literal(int(value))
    if value.startswith("<") and value.endswith(">"):
        return name, URIRef(value[1:-1])
    if re.match(r"https?://", value):
        return name, URIRef(value)
    return name, Literal(value)


@dataclass(frozen=True)
class QueryResult:
    """A SELECT (``variables`` and ``rows``), ASK (``boolean``) or CONSTRUCT/DESCRIBE (``graph``)."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None


def _check(query: str) -> object:
    try:
        return prepareQuery(query, initNs=PREFIXES)
    except ParseException as exc:
        try:
            parseUpdate(query)
        except ParseException:
            pass
        else:
            raise QueryError(
                "update operations (INSERT, DELETE, LOAD, CLEAR, DROP …) are refused: queries only read the graph"
            ) from exc
        raise QueryError(
            f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg}"
        ) from exc
    except Exception as exc:
        raise QueryError(f"SPARQL error: {exc}") from exc


def run_query(graph: Graph, query: str, bindings: dict[str, object] | None = None) -> QueryResult:
    """Run a read-only SPARQL query; common prefixes (kg, schema, org, prov) are predeclared."""
    prepared = _check(query)
    try:
        result = graph.query(prepared, initBindings=bindings or {})
    except Exception as exc:
        raise QueryError(f"SPARQL evaluation failed: {exc}") from exc
    if result.type == "ASK":
        return QueryResult(boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(graph=result.graph)
    variables = tuple(str(v) for v in result.vars or ())
    rows = tuple(
        tuple(
            row[Variable(v)] if isinstance(row, dict) else row[i] for i, v in enumerate(variables)
        )
        for row in result
    )
    return QueryResult(variables=variables, rows=rows)


def _plain(term: object) -> str:
    return "" if term is None else str(term)


def _turtle(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, (URIRef, Literal, BNode)):
        return term.n3()
    return str(term)


def _json_term(term: object) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def format_result(result: QueryResult, fmt: str) -> str:
    """Render as ``table``, ``csv``, ``tsv`` or ``json``."""
    if result.graph is not None:
        return result.graph.serialize(format="turtle")
    if result.boolean is not None:
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(result.variables)
        for row in result.rows:
            w.writerow([_plain(t) for t in row])
        return buf.getvalue()
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in result.variables)]
        lines += ["\t".join(_turtle(t) for t in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    if fmt == "json":
        bindings = [
            {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
            for row in result.rows
        ]
        return (
            json.dumps(
                {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
                ensure_ascii=False,
                indent=1,
            )
            + "\n"
        )
    return _table(result)


def _short(term: object) -> str:
    if term is None:
        return ""
    text = str(term)
    for prefix, ns in PREFIXES.items():
        if isinstance(term, URIRef) and text.startswith(ns):
            return f"{prefix}:{text[len(ns) :]}"
    if isinstance(term, URIRef) and "/id/" in text:
        return text.split("/id/", 1)[1]
    return text


def _table(result: QueryResult) -> str:
    """A plain text table for terminals (rich renders it when stdout is a terminal)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for v in result.variables:
        table.add_column(v, overflow="fold")
    for row in result.rows:
        table.add_row(*(_short(t) for t in row))
    console = Console(width=160, record=True, file=io.StringIO())
    console.print(table)
    console.print(f"{len(result.rows)} row(s)")
    return console.export_text()
