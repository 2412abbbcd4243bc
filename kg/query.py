"""SPARQL over a built graph, with results in the W3C SPARQL 1.1 formats.

``--format csv`` follows *SPARQL 1.1 Query Results CSV and TSV Formats* (CSV: plain values,
CRLF line ends; TSV: values in Turtle syntax, ``?var`` headers), ``json`` the *SPARQL 1.1 Query
Results JSON Format*.

Update operations (INSERT, DELETE, LOAD, CLEAR, DROP …) are refused unless asked for: a query
must not change the graph a user is reading. :func:`run_update` runs one on an in-memory graph
and reports how many triples it added and removed; the CLI writes the graph back atomically.

rdflib evaluates SPARQL in pure Python and cannot be interrupted from inside, so a deadline is
enforced from outside: :func:`call_with_timeout` runs the work in a forked child process and
kills it when the time is up. Without a deadline everything runs in-process, unchanged.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef, Variable

from kg.errors import GraphFileError, KgError, QueryError
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
    """``NAME=VALUE``: integers become xsd:integer, ``<iri>`` or http(s) IRIs become IRIs, text
    with Chinese characters a literal tagged ``zh`` (as the graph's names and labels are, so a
    query can look it up directly: ``?e rdfs:label ?name`` uses a store's index, where
    ``FILTER(STR(?l) = STR(?name))`` tests every label), the rest plain strings."""
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
    if re.search(r"[\u3400-\u9fff\uf900-\ufaff]", value):
        return name, Literal(value, lang="zh")
    return name, Literal(value)


@dataclass(frozen=True)
class QueryResult:
    """A SELECT (``variables`` and ``rows``), ASK (``boolean``) or CONSTRUCT/DESCRIBE (``graph``)."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None


class QueryTimeout(QueryError):
    """A query (or update) that did not finish before its deadline; it was stopped."""


_UPDATE_WORDS = re.compile(
    r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.I,
)


def _strip_comments(text: str) -> str:
    """The query without ``#`` comments that start a line or follow whitespace (a ``#`` inside
    an IRI such as ``<…/ontology#>`` follows other characters and stays): near enough to find
    the first keyword."""
    return re.sub(r"(?m)(^|\s)#.*$", r"\1", text)


def _syntax_error(exc: Exception) -> QueryError:  # a pyparsing ParseException
    return QueryError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg}")


UPDATE_REFUSED = (
    "update operations (INSERT, DELETE, LOAD, CLEAR, DROP …) are refused: queries only read the "
    "graph (pass --allow-update to change the graph file)"
)


def parse_sparql(text: str, allow_update: bool = False) -> tuple[str, object]:
    """``("query", prepared)`` or, with ``allow_update``, ``("update", prepared)``; an update
    without it is refused. A syntax error names its line and column (of the query parser, or of
    the update parser when the text starts like an update). rdflib's SPARQL parser is imported
    here, on first use: a build writes no query but imports this module (through the stores),
    and the parser's import was a tenth of a second of every build."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.processor import prepareUpdate

    try:
        return "query", prepareQuery(text, initNs=PREFIXES)
    except ParseException as exc:
        query_error = exc
    except Exception as exc:
        raise QueryError(f"SPARQL error: {exc}") from exc
    bare = _strip_comments(text)
    if not bare.strip():
        raise QueryError("empty query: nothing but whitespace and comments")
    looks_like_update = bool(_UPDATE_WORDS.match(bare))
    try:
        prepared = prepareUpdate(text, initNs=PREFIXES)
    except ParseException as exc:
        raise _syntax_error(exc if looks_like_update else query_error) from None
    except Exception as exc:
        if looks_like_update:
            raise QueryError(f"SPARQL error: {exc}") from exc
        raise _syntax_error(query_error) from None
    if not allow_update:
        raise QueryError(UPDATE_REFUSED)
    return "update", prepared


def _check(query: str) -> object:
    return parse_sparql(query)[1]


def run_update(
    graph: Graph, update: str | object, bindings: dict[str, object] | None = None
) -> tuple[int, int]:
    """Run a SPARQL update on ``graph`` in place; return ``(added, removed)`` triple counts."""
    prepared = update
    if isinstance(update, str):
        kind, prepared = parse_sparql(update, allow_update=True)
        if kind != "update":
            raise QueryError("not an update: use run_query for SELECT, ASK, CONSTRUCT, DESCRIBE")
    before = set(graph)
    try:
        graph.update(prepared, initBindings=bindings or {})
    except Exception as exc:
        raise QueryError(f"SPARQL update failed: {exc}") from exc
    after = set(graph)
    return len(after - before), len(before - after)


def _child(send, work: Callable[[], object]) -> None:
    try:
        result = ("ok", work())
    except KgError as exc:
        result = ("error", str(exc))
    except BaseException:
        result = ("crash", traceback.format_exc())
    try:
        send.send(result)
    finally:
        send.close()


def call_with_timeout(work: Callable[[], object], seconds: float, what: str = "query") -> object:
    """Return ``work()``, computed in a forked child process that is killed after ``seconds``.

    ``work`` is not pickled (the child is a fork and inherits it, with the graph already
    loaded); its result is, so it should be plain data (a string, counts). A
    :class:`~kg.errors.KgError` in the child is raised again here as a :class:`QueryError`;
    at the deadline the child is killed and :class:`QueryTimeout` raised."""
    if "fork" not in multiprocessing.get_all_start_methods():
        raise QueryError("--timeout needs the 'fork' start method, which this platform lacks")
    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, work), daemon=True)
    proc.start()
    send.close()
    try:
        if not recv.poll(seconds):
            raise QueryTimeout(
                f"{what} stopped after {seconds:g} s (--timeout {seconds:g}): it did not finish "
                "in time; add a LIMIT, make its patterns more specific, or allow more time"
            )
        try:
            status, payload = recv.recv()
        except EOFError:
            proc.join(5)
            raise QueryError(
                f"{what} process ended without a result (exit status {proc.exitcode}; "
                "out of memory?)"
            ) from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        recv.close()
        proc.close()
    if status == "error":
        raise QueryError(str(payload))
    if status == "crash":
        raise RuntimeError(f"{what} failed in its worker process:\n{payload}")
    return payload


def run_query(
    graph: Graph, query: str | object, bindings: dict[str, object] | None = None
) -> QueryResult:
    """Run a read-only SPARQL query (text, or prepared by :func:`parse_sparql`); common prefixes
    (kg, schema, org, prov) are predeclared. Updates are refused."""
    prepared = _check(query) if isinstance(query, str) else query
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
