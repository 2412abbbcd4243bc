"""Talking to a SPARQL 1.1 server over HTTP: where its services are, and the protocol details.

A server is named in one of two ways (``--endpoint`` on the command line, :meth:`Endpoint.parse`
in Python):

* ``http://HOST:PORT`` (any URL whose last path segment is not a service name): an
  Oxigraph-style server root, with the SPARQL query service at ``ROOT/query`` and the Graph
  Store Protocol at ``ROOT/store``; queries ask for the union of the named graphs as the default
  graph with Oxigraph's ``union-default-graph`` parameter, so ``oxigraph serve`` needs no flag.
* ``query=URL,store=URL``: the services' full URLs, for any SPARQL 1.1 server (Fuseki:
  ``…/ds/sparql`` and ``…/ds/data``; GraphDB: ``…/repositories/R`` and
  ``…/repositories/R/rdf-graphs/service``; Virtuoso: ``…/sparql`` and ``…/sparql-graph-crud``).
  ``store=`` is needed only to load. Nothing server-specific is sent, so the server itself must
  treat the union of its named graphs as the default graph (GraphDB and Virtuoso do; Fuseki
  with ``tdb2:unionDefaultGraph``; Oxigraph with ``--union-default-graph``).

Only the standard library is used (urllib): one request per query or per graph, with a timeout,
and every failure is an :class:`EndpointError` naming the method, the URL and the HTTP status.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import KgError
from kg.query import PREFIXES, QueryResult

DEFAULT_TIMEOUT = 60.0
"""Seconds to wait for a server's answer (connecting, then each read) before giving up."""

SERVICE_NAMES = ("query", "sparql", "store", "update", "data")

RESULTS_JSON = "application/sparql-results+json"
ACCEPT_ANY_RESULT = (
    f"{RESULTS_JSON}, application/n-triples;q=0.9, text/turtle;q=0.8, application/rdf+xml;q=0.5"
)
_RDF_TYPES = {
    "application/n-triples": "nt",
    "text/plain": "nt",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}


class EndpointError(KgError):
    """A SPARQL server that cannot be reached or that refused a request."""


@dataclass(frozen=True)
class Endpoint:
    """Where a SPARQL 1.1 server's services are (see the module's docstring for the forms)."""

    query: str
    store: str | None = None
    union_parameter: bool = False

    @classmethod
    def parse(cls, text: str) -> Endpoint:
        """``http://HOST:PORT`` (Oxigraph-style root) or ``query=URL[,store=URL]``."""
        text = text.strip()
        if re.match(r"(query|store)=", text):
            parts = dict(
                (m.group(1), m.group(2).strip())
                for m in re.finditer(r"(query|store)=(.*?)(?=,(?:query|store)=|$)", text)
            )
            if "query" not in parts:
                raise EndpointError(
                    f"--endpoint {text!r}: give the query service too, "
                    "e.g. query=http://host:3030/ds/sparql,store=http://host:3030/ds/data"
                )
            for url in parts.values():
                _check_url(url, text)
            return cls(parts["query"], parts.get("store"))
        _check_url(text, text)
        root = text.rstrip("/")
        last = urllib.parse.urlsplit(root).path.rsplit("/", 1)[-1]
        if last in SERVICE_NAMES:
            raise EndpointError(
                f"--endpoint {text!r} looks like a service URL: give the server root "
                f"(e.g. {root[: -len(last) - 1] or root}) for an Oxigraph-style server, or "
                f"query=URL,store=URL for any SPARQL 1.1 server"
            )
        return cls(f"{root}/query", f"{root}/store", union_parameter=True)

    def store_url(self, graph: str) -> str:
        """The Graph Store Protocol URL of one named graph (indirect identification)."""
        if not self.store:
            raise EndpointError(
                f"no Graph Store Protocol URL for {self.query}: give the endpoint as "
                "query=URL,store=URL (or an Oxigraph-style server root)"
            )
        sep = "&" if "?" in self.store else "?"
        return f"{self.store}{sep}{urllib.parse.urlencode({'graph': graph})}"

    def query_url(self) -> str:
        if not self.union_parameter:
            return self.query
        sep = "&" if "?" in self.query else "?"
        return f"{self.query}{sep}union-default-graph"


def _check_url(url: str, spec: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EndpointError(
            f"--endpoint {spec!r}: {url!r} is not an http(s) URL "
            "(expected e.g. http://127.0.0.1:7878 or query=URL,store=URL)"
        )


def http(
    method: str,
    url: str,
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    ok_missing: bool = False,
) -> tuple[str, bytes]:
    """Send one request; return the answer's media type and body.

    A status other than 2xx (and 404 when ``ok_missing``) is an :class:`EndpointError` with the
    method, URL, status and the start of the server's message; so is a refused connection or
    no answer within ``timeout`` seconds."""
    request = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            media = response.headers.get_content_type()
            return media, response.read()
    except urllib.error.HTTPError as exc:
        if ok_missing and exc.code == 404:
            return "", b""
        detail = exc.read()[:500].decode("utf-8", "replace").strip()
        raise EndpointError(
            f"{method} {url}: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
        ) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise EndpointError(f"{method} {url}: no answer within {timeout:g} s") from None
        raise EndpointError(
            f"{method} {url}: cannot reach the server ({getattr(reason, 'strerror', None) or reason})"
        ) from None
    except TimeoutError:
        raise EndpointError(f"{method} {url}: no answer within {timeout:g} s") from None
    except OSError as exc:  # a connection reset halfway through the answer
        raise EndpointError(f"{method} {url}: {exc.strerror or exc}") from None


def sparql_term(term: Node) -> str:
    """An rdflib term in SPARQL syntax (for VALUES): strings escaped, never spanning lines."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = str(term)
        for raw, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r")):
            text = text.replace(raw, escaped)
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    raise EndpointError(f"cannot send {term!r} to a SPARQL server as a value")


_TOKEN = re.compile(
    r"""(?P<skip>\#[^\n]*|'''(?:[^\\]|\\.)*?'''|\"\"\"(?:[^\\]|\\.)*?\"\"\"|'(?:[^'\\\n]|\\.)*'"""
    r"""|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>)|(?P<open>\{)|(?P<close>\})"""
    r"""|(?<![?$:\w])(?P<word>(?:WHERE|CONSTRUCT)\b)""",
    re.I | re.S,
)


def with_values(query: str, bindings: Mapping[str, Node]) -> str:
    """``query`` with ``bindings`` as a VALUES block opening its WHERE pattern, and the WHERE
    pattern of every subquery that mentions them.

    SPARQL 1.1 Protocol has no way to send bindings beside a query, so they go into its text,
    where they act as rdflib's ``initBindings`` do: FILTERs and ``BOUND()`` of the pattern see
    them (a VALUES clause after the query would join only after grouping), and so does a
    subquery's own pattern, whose variables are otherwise its own (``fact_evidence.rq`` filters
    labels in a subquery so that the filter runs before the joins). Variables the query never
    mentions are left out."""
    used = {
        name: term
        for name, term in bindings.items()
        if re.search(rf"[?$]{re.escape(name)}\b", query)
    }
    if not used:
        return query
    opens: list[int] = []
    wheres: list[int] = []
    construct = False
    depth = 0
    for m in _TOKEN.finditer(query):
        if m.group("open"):
            opens.append(m.start())
            depth += 1
        elif m.group("close"):
            depth -= 1
        elif m.group("word"):
            if m.group("word").upper() == "WHERE":
                wheres.append(m.start())
            elif m.group("word").upper() == "CONSTRUCT" and depth == 0:
                construct = True
    # the brace opening each WHERE pattern; a CONSTRUCT without WHERE: the one after its template
    starts = [next((o for o in opens if o > w), None) for w in wheres]
    if not wheres and construct and len(opens) > 1:
        starts = [_after_template(query, opens)]
    starts = [at for at in starts if at is not None]
    if not starts:
        raise EndpointError("cannot find the query's WHERE pattern to bind variables in")
    names = " ".join(f"?{n}" for n in used)
    row = " ".join(sparql_term(t) for t in used.values())
    block = f" VALUES ({names}) {{ ({row}) }}"
    for at in sorted(starts, reverse=True):
        query = f"{query[: at + 1]}{block}{query[at + 1 :]}"
    return query


def _after_template(query: str, opens: list[int]) -> int | None:
    """In ``CONSTRUCT { template } { pattern }``: the brace that opens the pattern (the first
    one after the template's closing brace)."""
    depth = 0
    for m in _TOKEN.finditer(query, opens[0]):
        if m.group("open"):
            depth += 1
        elif m.group("close"):
            depth -= 1
            if depth == 0:
                return next((o for o in opens if o > m.start()), None)
    return None


def term_from_json(value: Mapping[str, str]) -> Node:
    """One binding of the SPARQL 1.1 Query Results JSON Format as an rdflib term."""
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):  # typed-literal: Virtuoso's older spelling
        if "xml:lang" in value:
            return Literal(value["value"], lang=value["xml:lang"])
        datatype = value.get("datatype")
        if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
            return Literal(value["value"], datatype=URIRef(datatype))
        return Literal(value["value"])
    raise EndpointError(f"unsupported term in the server's results: {value!r}")


def parse_results(url: str, media: str, body: bytes) -> QueryResult:
    """A server's answer (SPARQL JSON results, or RDF for CONSTRUCT and DESCRIBE) as a
    :class:`~kg.query.QueryResult` of rdflib terms, like a local query's."""
    if media in (RESULTS_JSON, "application/json"):
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise EndpointError(f"{url}: the results are not valid JSON ({exc})") from None
        if "boolean" in data:
            return QueryResult(boolean=bool(data["boolean"]))
        variables = tuple(data.get("head", {}).get("vars", ()))
        rows = tuple(
            tuple(term_from_json(b[v]) if v in b else None for v in variables)
            for b in data.get("results", {}).get("bindings", ())
        )
        return QueryResult(variables=variables, rows=rows)
    if media in _RDF_TYPES:
        graph = Graph()
        try:
            graph.parse(data=body, format=_RDF_TYPES[media])
        except Exception as exc:  # rdflib raises many types for bad data
            raise EndpointError(
                f"{url}: the server's {media} answer does not parse ({exc})"
            ) from None
        return QueryResult(graph=graph)
    raise EndpointError(f"{url}: unexpected answer of type {media or 'unknown'}")


def sparql_query(
    endpoint: Endpoint,
    query: str,
    bindings: Mapping[str, Node] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> QueryResult:
    """Run a query on the server (SPARQL 1.1 Protocol, query sent in a POST body).

    The prefixes ``kg:``, ``schema:``, ``org:`` and ``prov:`` are declared ahead of the query,
    as they are for a local one (a query's own declarations come later and win); ``bindings``
    go into the text as a VALUES block (see :func:`with_values`)."""
    prologue = "".join(f"PREFIX {name}: <{ns}>\n" for name, ns in PREFIXES.items())
    text = prologue + with_values(query, bindings or {})
    url = endpoint.query_url()
    media, body = http(
        "POST",
        url,
        text.encode("utf-8"),
        {"Content-Type": "application/sparql-query", "Accept": ACCEPT_ANY_RESULT},
        timeout,
    )
    return parse_results(url, media, body)
