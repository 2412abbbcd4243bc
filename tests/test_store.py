"""Stores and servers: the Oxigraph store written by ``write_store`` and read by ``kg query
--store``, loading a real ``oxigraph serve`` through the Graph Store Protocol and querying it with
``kg query --endpoint``, and ``kg serve``.

Until the pipeline hands over per-article graphs, the tests make that input from the seed
graph: the triples about an article or one of its evidence nodes go to the article's graph,
everything else to one shared graph (each triple in exactly one graph)."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from kg.cli import cli
from kg.endpoint import Endpoint, EndpointError, term_from_json, with_values
from kg.errors import KgError
from kg.ontology import DEFAULT_BASE, KG
from kg.serve import oxigraph_command, stop_process
from kg.source import EndpointSource, OxigraphSource
from kg.store import (
    graphs_on_server,
    pin_store,
    push_endpoint,
    resolve_store,
    write_store,
)
from tests.conftest import ROOT, SEEDS

QUERIES = ROOT / "queries"
CANNED = sorted(QUERIES.glob("*.rq"))
SHARED = f"{DEFAULT_BASE}graph/shared"


def seed_graphs(graph) -> list[tuple[str, list]]:
    """The seed graph as the pipeline's ``graphs``: one named graph per article, one shared."""
    article_of = dict(graph.subject_objects(KG.inArticle))
    articles = set(graph.subjects(None, KG.Article))
    parts: dict[str, list] = defaultdict(list)
    for triple in sorted(graph):
        article = article_of.get(triple[0]) or (triple[0] if triple[0] in articles else None)
        name = (
            f"{DEFAULT_BASE}graph/article/{str(article).rsplit('/', 1)[1]}" if article else SHARED
        )
        parts[name].append(triple)
    return sorted(parts.items())


def _binds(query: Path) -> list[str]:
    """The ``--bind`` values of the query's own ``# Example:`` line."""
    text = query.read_text(encoding="utf-8")
    return [a for b in re.findall(r"--bind (\S+)", text.split("\n\n")[0]) for a in ("--bind", b)]


def _rows(output: str, query: Path) -> list[tuple]:
    """JSON results as comparable rows, where engines may rightly differ in form: numbers by
    value (Oxigraph writes the canonical ``500`` where rdflib kept ``500.0``), GROUP_CONCAT
    values as sorted parts without a language (their order is unspecified, and Oxigraph keeps
    the ``@zh`` of a single part where rdflib drops it), rows sorted."""
    text = query.read_text(encoding="utf-8")
    lists = {
        var: sep
        for sep, var in re.findall(r'GROUP_CONCAT\(.*?separator="([^"]*)"\)\s+AS\s+\?(\w+)', text)
    }

    def cell(var, binding):
        if binding is None:
            return None
        term = term_from_json(binding)
        if var in lists:
            return ("list", tuple(sorted(str(term).split(lists[var]))))
        if isinstance(term, Literal) and isinstance(term.toPython(), (int, float, Decimal)):
            return ("number", Decimal(str(term.toPython())).normalize())
        return (type(term).__name__, str(term), getattr(term, "language", None))

    data = json.loads(output)
    names = data["head"]["vars"]
    rows = (tuple(cell(v, b.get(v)) for v in names) for b in data["results"]["bindings"])
    return sorted(rows, key=repr)


@functools.cache
def _local_rows(query: Path, graph_file: Path) -> list[tuple]:
    """The rows rdflib gives from the graph file (computed once: entity.rq takes ~4 s)."""
    return _rows(_query(str(query), "--graph", str(graph_file), *_binds(query)), query)


def _query(*args: str) -> str:
    res = CliRunner().invoke(cli, ["query", *args, "--format", "json"])
    assert res.exit_code == 0, res.output
    return res.output


# --- the Oxigraph store ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, seed_build) -> Path:
    directory = tmp_path_factory.mktemp("stores") / "seed"
    written = write_store(directory, seed_graphs(seed_build.graph))
    assert written.triples == len(seed_build.graph)
    return directory


def test_store_table_and_timeout_work_like_the_file(seed_store):
    q = str(ROOT / "queries" / "officials.rq")
    res = CliRunner().invoke(
        cli, ["query", q, "--store", f"oxigraph:{seed_store}", "--format", "table"]
    )
    assert res.exit_code == 0 and "黄远程" in res.output and "row(s)" in res.output
    timed = _query(q, "--store", f"oxigraph:{seed_store}", "--timeout", "30")
    assert timed == _query(q, "--store", f"oxigraph:{seed_store}")


def _named_graphs(directory: Path) -> dict[str, set]:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(resolve_store(directory)))
    graphs: dict[str, set] = defaultdict(set)
    for quad in store:
        graphs[quad.graph_name.value].add(str(quad.object))
    return graphs


def test_rebuild_replaces_changed_graphs_and_removes_gone_ones(tmp_path, seed_build):
    graphs = seed_graphs(seed_build.graph)
    extra = f"{DEFAULT_BASE}graph/article/deleted-article"
    p = URIRef(f"{DEFAULT_BASE}p")
    first = [*graphs, (extra, [(URIRef(extra), p, Literal("old"))])]
    changed_name, changed_triples = graphs[0]
    second = [
        (changed_name, [*changed_triples[1:], (URIRef(changed_name), p, Literal("new"))]),
        *graphs[1:],
    ]
    directory = tmp_path / "store"
    v1 = write_store(directory, first)
    assert extra in _named_graphs(directory)
    v2 = write_store(directory, second)
    after = _named_graphs(directory)
    assert set(after) == {name for name, _ in second}
    assert '"new"' in after[changed_name]
    assert len(OxigraphSource(directory)) == v2.triples == len(seed_build.graph)
    assert v2.removed == (v1.version,) and not v1.version.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["store", v2.version.name, ".store.lock"]
    )


def test_a_write_that_fails_leaves_the_previous_store(tmp_path, seed_build):
    graphs = seed_graphs(seed_build.graph)
    directory = tmp_path / "store"
    write_store(directory, graphs)
    before = _query(str(ROOT / "queries" / "articles.rq"), "--store", f"oxigraph:{directory}")
    with pytest.raises(KgError, match="given twice"):
        write_store(directory, [*graphs, graphs[0]])
    with pytest.raises(KgError, match="not an IRI"):
        write_store(directory, [("not an iri", graphs[0][1])])
    after = _query(str(ROOT / "queries" / "articles.rq"), "--store", f"oxigraph:{directory}")
    assert after == before
    assert len(list(tmp_path.glob(".store.*.store"))) == 1


def test_write_store_refuses_what_it_did_not_write(tmp_path, seed_build):
    graphs = seed_graphs(seed_build.graph)[:1]
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "data.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "file").write_text("mine", encoding="utf-8")
    (tmp_path / "elsewhere").symlink_to(tmp_path / "full")
    for name in ("full", "file", "elsewhere"):
        with pytest.raises(KgError, match="choose another --store path"):
            write_store(tmp_path / name, graphs)
    assert (tmp_path / "full" / "data.txt").read_text(encoding="utf-8") == "mine"
    (tmp_path / "empty").mkdir()
    write_store(tmp_path / "empty", graphs)
    assert (tmp_path / "empty").is_symlink()


def test_concurrent_writes_take_turns_and_pinned_versions_stay(tmp_path, seed_build):
    import fcntl

    graphs = seed_graphs(seed_build.graph)
    directory = tmp_path / "store"
    first = write_store(directory, graphs)
    with open(tmp_path / ".store.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with pytest.raises(KgError, match="another build is writing"):
            write_store(directory, graphs)
    with pin_store(directory) as pinned:
        assert pinned == first.version
        second = write_store(directory, graphs)
        assert first.version.is_dir(), "a pinned version is kept"
        assert resolve_store(directory) == second.version
    third = write_store(directory, graphs)
    assert not first.version.exists() and first.version in third.removed


_KILLED_WRITER = textwrap.dedent(
    """
    import sys, itertools
    from rdflib import Literal, URIRef
    from kg.store import write_store
    base = sys.argv[2]
    print("ready", flush=True)
    for i in itertools.count():
        n = 2000 + 1000 * (i % 2)
        graphs = (
            (f"{base}graph/article/{g}", [(URIRef(f"{base}s{g}-{j}"), URIRef(f"{base}p"),
              Literal(j)) for j in range(n // 10)])
            for g in range(10)
        )
        write_store(sys.argv[1], graphs)
    """
)


def test_a_build_killed_at_any_moment_leaves_a_whole_store(tmp_path):
    """A writer rewrites the store in a loop (2,000 and 3,000 triples in turn) and is killed
    with SIGKILL at random moments: every time, the store holds one whole build."""
    directory = tmp_path / "store"
    rng = random.Random(5)
    interrupted = 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(4):
        proc = subprocess.Popen(
            [sys.executable, "-c", _KILLED_WRITER, str(directory), DEFAULT_BASE],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert proc.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.2, 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        current = resolve_store(directory) if directory.is_symlink() else None
        interrupted += any(p != current for p in tmp_path.glob(".store.*.store"))
        if current is None:
            continue  # killed before its first build finished: nothing to check yet
        source = OxigraphSource(resolve_store(directory))
        assert len(source) in (2000, 3000)
        graphs = source.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").rows
        assert len(graphs) == 10
        del source
    assert directory.is_symlink(), "at least one build finished in 4 runs"
    assert interrupted, "some kill fell in the middle of a write"
    done = write_store(directory, [(SHARED, [(URIRef(SHARED), URIRef(SHARED), Literal(1))])])
    leftovers = [p for p in tmp_path.iterdir() if p.name not in ("store", ".store.lock")]
    assert leftovers == [done.version], "the next write removes what killed writes left"


def test_store_errors_are_one_line_messages(tmp_path, seed_store):
    q = "SELECT * WHERE { ?s ?p ?o } LIMIT 1"
    cases = [
        (["--store", str(seed_store)], "expected oxigraph:DIR"),
        (["--store", f"oxigraph:{tmp_path / 'nope'}"], "no Oxigraph store here"),
        (["--store", f"oxigraph:{seed_store}", "--allow-update"], "--allow-update changes"),
        (["--store", f"oxigraph:{seed_store}", "--endpoint", "http://x"], "give one of"),
        (["--store", f"oxigraph:{seed_store}", "--graph", "g.ttl"], "give one of"),
    ]
    for args, message in cases:
        res = CliRunner().invoke(cli, ["query", q, *args])
        assert res.exit_code != 0, args
        assert message in res.output, res.output
        assert "Traceback" not in res.output
    res = CliRunner().invoke(
        cli, ["query", "DELETE WHERE { ?s ?p ?o }", "--store", f"oxigraph:{seed_store}"]
    )
    assert res.exit_code != 0 and "refused" in res.output


# --- a SPARQL server ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the server exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@contextlib.contextmanager
def _running(args: list[str], url: str, **kwargs):
    proc = subprocess.Popen(args, **kwargs)
    try:
        _wait_until_up(url, proc)
        yield proc
    finally:
        stop_process(proc, grace=10)


@contextlib.contextmanager
def _fresh_server(tmp_path_factory):
    """``oxigraph serve`` on an empty folder and a free loopback port, stopped afterwards."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    location = tmp_path_factory.mktemp("server")
    args = [oxigraph_command(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    with _running(args, url, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
        yield url


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """A real ``oxigraph serve`` (read-write, in a temporary folder, no union flag: the root
    form of --endpoint asks for the union itself) on a free loopback port."""
    with _fresh_server(tmp_path_factory) as url:
        yield url


@pytest.fixture(scope="module")
def pushed(oxigraph_server, seed_build):
    report = push_endpoint(oxigraph_server, seed_graphs(seed_build.graph))
    assert report.triples == len(seed_build.graph)
    return oxigraph_server


@pytest.mark.parametrize("query", CANNED, ids=lambda p: p.name)
@pytest.mark.parametrize("where", ["store", "endpoint"])
def test_canned_queries_answer_like_the_graph_file(request, where, seed_graph_file, query):
    """Every canned query, with its example's --bind, gives the graph file's rows from the
    Oxigraph store and from a server loaded by push_endpoint."""
    if where == "store":
        source = ["--store", f"oxigraph:{request.getfixturevalue('seed_store')}"]
    else:
        source = ["--endpoint", request.getfixturevalue("pushed")]
    local = _local_rows(query, seed_graph_file)
    assert local, "the canned query finds rows in the seed graph"
    assert _rows(_query(str(query), *source, *_binds(query)), query) == local


def test_push_replaces_graphs_and_deletes_only_its_own_gone_ones(pushed, seed_build):
    graphs = seed_graphs(seed_build.graph)
    names = [name for name, _ in graphs]
    manifest = f"{DEFAULT_BASE}kg-push-manifest"
    ep = Endpoint.parse(pushed)
    foreign = "http://other.example/data"
    body = b'<http://other.example/s> <http://other.example/p> "1" .'
    req = urllib.request.Request(
        ep.store_url(foreign), body, {"Content-Type": "application/n-triples"}, method="PUT"
    )
    urllib.request.urlopen(req, timeout=10).close()
    gone = f"{DEFAULT_BASE}graph/article/deleted-article"
    p = URIRef(f"{DEFAULT_BASE}p")
    first = push_endpoint(ep, [*graphs, (gone, [(URIRef(gone), p, Literal("old"))])])
    assert (first.sent, first.deleted) == (1, ()), "the seed graphs were unchanged"
    assert graphs_on_server(ep, DEFAULT_BASE) == sorted([*names, gone, manifest])
    changed_name, changed_triples = graphs[0]
    report = push_endpoint(
        ep,
        [
            (changed_name, [*changed_triples, (URIRef(changed_name), p, Literal("new"))]),
            *graphs[1:],
        ],
    )
    assert (report.graphs, report.sent, report.deleted) == (len(graphs), 1, (gone,))
    assert graphs_on_server(ep, DEFAULT_BASE) == sorted([*names, manifest])
    source = EndpointSource(ep)
    ask = f'ASK {{ GRAPH <{changed_name}> {{ <{changed_name}> <{p}> "new" }} }}'
    assert source.query(ask).boolean is True
    assert source.query(f"ASK {{ GRAPH <{foreign}> {{ ?s ?p ?o }} }}").boolean is True

    # an interrupted push leaves no manifest: the next one sends everything again
    def interrupted():
        yield graphs[0]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        push_endpoint(ep, interrupted())
    assert manifest not in graphs_on_server(ep, DEFAULT_BASE)
    again = push_endpoint(ep, graphs)  # back to the seed build for the other tests
    assert again.sent == len(graphs) and again.triples == len(seed_build.graph)
    assert source.query(ask).boolean is False


def test_push_refuses_graphs_outside_its_base(oxigraph_server):
    with pytest.raises(KgError, match="not under the build's base IRI"):
        push_endpoint(oxigraph_server, [("http://other.example/g", [])])


def test_explicit_service_urls(pushed):
    ep = Endpoint.parse(f"query={pushed}/query,store={pushed}/store")
    assert (ep.query, ep.store, ep.union_parameter) == (f"{pushed}/query", f"{pushed}/store", False)
    source = EndpointSource(ep)
    count = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ?base)) }"
    rows = source.query(count, {"base": Literal(f"{DEFAULT_BASE}graph/")}).rows
    assert rows[0][0] == Literal(6)
    construct = source.construct(
        "CONSTRUCT { ?a kg:sha256 ?h } WHERE { GRAPH ?g { ?a kg:sha256 ?h } }"
    )
    assert len(construct) == 5


def test_values_go_where_filters_see_them():
    q = "SELECT ?x WHERE { ?x ?p ?o FILTER(!BOUND(?y) || ?o < ?y) } VALUES ?z { 1 }"
    out = with_values(q, {"y": Literal(3), "unused": Literal(1)})
    assert out.startswith("SELECT ?x WHERE { VALUES (?y) { (")
    assert "unused" not in out
    construct = 'CONSTRUCT { ?s <http://p#x> "{" } { ?s ?p ?name } # WHERE {'
    assert with_values(construct, {"name": Literal('a"\nb')}).startswith(
        'CONSTRUCT { ?s <http://p#x> "{" } { VALUES (?name) { ("a\\"\\nb") } ?s'
    )


def test_endpoint_errors_name_the_url_and_status(tmp_path, pushed):
    port = _free_port()
    q = "SELECT * WHERE { ?s ?p ?o } LIMIT 1"
    res = CliRunner().invoke(cli, ["query", q, "--endpoint", f"http://127.0.0.1:{port}"])
    assert res.exit_code == 1 and f"127.0.0.1:{port}/query" in res.output
    assert "cannot reach the server" in res.output and "Traceback" not in res.output
    res = CliRunner().invoke(cli, ["query", q, "--endpoint", f"{pushed}/nowhere"])
    assert (
        res.exit_code == 1 and "HTTP 404" in res.output and f"{pushed}/nowhere/query" in res.output
    )
    for bad, message in (
        ("ftp://host/x", "not an http(s) URL"),
        (f"{pushed}/query", "looks like a service URL"),
        (f"store={pushed}/store", "give the query service too"),
    ):
        with pytest.raises(EndpointError, match=re.escape(message)):
            Endpoint.parse(bad)
    with pytest.raises(EndpointError, match="no Graph Store Protocol URL"):
        push_endpoint(f"query={pushed}/query", [(SHARED, [(URIRef(SHARED),) * 3])])


# --- kg serve ----------------------------------------------------------------------------------


def _listening_addresses(port: int) -> set[str]:
    """Local addresses of sockets listening on ``port`` (Linux /proc/net/tcp, tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if int(hex_port, 16) == port and state == "0A":
                found.add(address)
    return found


def _kg(*args: str) -> list[str]:
    return [sys.executable, "-c", "from kg.cli import main; main()", *args]


def test_serve_store_read_only_on_localhost(seed_store, seed_build):
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    args = _kg("serve", "--store", f"oxigraph:{seed_store}", "--port", str(port))
    with _running(args, url, stdout=subprocess.PIPE, cwd=ROOT) as proc:
        assert _listening_addresses(port) == {"0100007F"}, "bound to 127.0.0.1 only"
        assert len(EndpointSource(url)) == len(seed_build.graph)
        update = urllib.request.Request(
            f"{url}/update",
            b"INSERT DATA { <http://x/s> <http://x/p> 1 }",
            {"Content-Type": "application/sparql-update"},
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(update, timeout=10)
        assert 400 <= refused.value.code < 500
        assert len(EndpointSource(url)) == len(seed_build.graph)
    assert proc.returncode == 0
    assert b"read-only" in proc.stdout.read()
    assert _listening_addresses(port) == set(), "stopping kg serve stops the server"


def test_serve_graph_file_with_updates(tmp_path, seed_graph_file, seed_build):
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    args = _kg("serve", "--graph", str(seed_graph_file), "--port", str(port), "--allow-update")
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    with _running(args, url, stdout=subprocess.DEVNULL, cwd=ROOT, env=env):
        source = EndpointSource(url)
        assert len(source) == len(seed_build.graph)
        update = urllib.request.Request(
            f"{url}/update",
            b"INSERT DATA { <http://x/s> <http://x/p> 1 }",
            {"Content-Type": "application/sparql-update"},
        )
        urllib.request.urlopen(update, timeout=10).close()
        assert len(source) == len(seed_build.graph) + 1
    assert list(tmp_path.iterdir()) == [], "the temporary store is removed"


def test_serve_errors_are_one_line_messages(tmp_path):
    for args, message in (
        (["--store", f"oxigraph:{tmp_path / 'nope'}"], "no Oxigraph store here"),
        (["--store", "nope"], "expected oxigraph:DIR"),
        (["--graph", str(tmp_path / "nope.ttl")], "graph file not found"),
        (["--store", "oxigraph:x", "--graph", "y"], "give one of"),
    ):
        res = CliRunner().invoke(cli, ["serve", *args])
        assert res.exit_code != 0 and message in res.output, res.output
        assert "Traceback" not in res.output


def test_server_command_line_is_local_read_only_and_union_by_default(tmp_path):
    from kg.serve import endpoint_url, server_args

    args = server_args(tmp_path, "127.0.0.1", 7878, allow_update=False)
    assert args[1:] == [
        "serve-read-only",
        "--location",
        str(tmp_path),
        "--bind",
        "127.0.0.1:7878",
        "--union-default-graph",
    ]
    assert server_args(tmp_path, "::1", 80, allow_update=True)[1:6:4] == ["serve", "[::1]:80"]
    assert endpoint_url("::1", 80) == "http://[::1]:80"


# --- kg build --store / --endpoint ------------------------------------------------------------


@pytest.fixture
def empty_server(tmp_path_factory):
    """An ``oxigraph serve`` of its own (the module's server holds other tests' graphs, which
    the union default graph would mix into the answers)."""
    with _fresh_server(tmp_path_factory) as url:
        yield url


def test_build_writes_a_store_and_loads_a_server(tmp_path, empty_server):
    """`kg build --store --endpoint`: the store and the server answer the canned queries as the
    Turtle the same build wrote; the server gets one named graph per article plus the shared
    one, and a rebuild without one article removes that article's graph."""
    import pyoxigraph as ox

    oxigraph_server = empty_server

    base = "http://example.org/build-test/"
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    store = tmp_path / "out" / "store"
    args = ["build", str(src), "-o", str(tmp_path / "out"), "--base", base]
    args += ["--store", f"oxigraph:{store}", "--endpoint", oxigraph_server]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    assert f"loaded {oxigraph_server}: 6 graphs" in res.output
    ttl = tmp_path / "out" / "graph.ttl"
    for query in (QUERIES / "officials.rq", QUERIES / "programs_ranked.rq"):
        local = _rows(_query(str(query), "--graph", str(ttl)), query)
        assert local
        assert _rows(_query(str(query), "--store", f"oxigraph:{store}"), query) == local
        assert _rows(_query(str(query), "--endpoint", oxigraph_server), query) == local
    # the local store keeps the union in its default graph (faster to query)
    with pin_store(store) as version:
        assert list(ox.Store.read_only(str(version)).named_graphs()) == []

    def server_graphs() -> set[str]:
        return {g for g in graphs_on_server(Endpoint.parse(oxigraph_server), base, 30)}

    before = server_graphs()
    assert len(before) == 7  # 5 articles, the shared graph and the push manifest
    gone = sorted(src.glob("*.txt"))[0]
    gone.unlink()
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    after = server_graphs()
    assert len(after) == 6 and after < before
