"""Queries cannot change a graph by accident, cannot run forever, and say clearly what is wrong."""

from __future__ import annotations

import multiprocessing
import re
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import EXIT_TIMEOUT, cli
from kg.errors import QueryError
from kg.ontology import KG
from kg.query import QueryTimeout, call_with_timeout, parse_sparql
from tests.conftest import ROOT

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture
def graph_file(seed_graph_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "graph.ttl"
    shutil.copy(seed_graph_file, copy)
    return copy


def _kg(*args: str):
    return CliRunner().invoke(cli, ["query", *args])


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://e.org/a> <http://e.org/b> <http://e.org/c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "PREFIX x: <http://e.org/#>\n# a comment\nDELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/elsewhere.ttl>",
        "CLEAR DEFAULT",
        "DROP ALL",
    ],
)
def test_updates_are_refused_and_the_graph_is_untouched(graph_file: Path, update: str) -> None:
    before = graph_file.read_bytes()
    res = _kg(update, "--graph", str(graph_file))
    assert res.exit_code == 1
    assert "refused" in res.output and "--allow-update" in res.output
    assert graph_file.read_bytes() == before


def test_allowed_update_writes_the_graph_back_and_counts(graph_file: Path) -> None:
    n = len(Graph().parse(graph_file))
    res = _kg("DELETE WHERE { ?e kg:rule ?r }", "--graph", str(graph_file), "--allow-update")
    assert res.exit_code == 0, res.output
    removed = int(re.search(r"0 triple\(s\) added, (\d+) removed", res.output).group(1))
    assert removed > 0 and f"({n - removed} now)" in res.output
    after = Graph().parse(graph_file)
    assert len(after) == n - removed
    assert (None, KG.rule, None) not in after
    assert sorted(p.name for p in graph_file.parent.iterdir()) == ["graph.ttl"]  # no temp left
    res = _kg("INSERT DATA { kg:x kg:y 'z' }", "--graph", str(graph_file), "--allow-update")
    assert "1 triple(s) added, 0 removed" in res.output
    assert len(Graph().parse(graph_file)) == n - removed + 1


def test_allowed_load_reads_a_local_file(graph_file: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.ttl"
    extra.write_text("<http://e.org/a> <http://e.org/b> '工会' .\n", encoding="utf-8")
    n = len(Graph().parse(graph_file))
    res = _kg(f"LOAD <{extra.as_uri()}>", "--graph", str(graph_file), "--allow-update")
    assert res.exit_code == 0, res.output
    assert "1 triple(s) added" in res.output
    assert len(Graph().parse(graph_file)) == n + 1


def test_updates_keep_the_graph_files_format(tmp_path: Path, graph_file: Path) -> None:
    nt = tmp_path / "graph.nt"
    nt.write_text(Graph().parse(graph_file).serialize(format="nt"), encoding="utf-8")
    res = _kg("DELETE WHERE { ?e kg:rule ?r }", "--graph", str(nt), "--allow-update")
    assert res.exit_code == 0, res.output
    text = nt.read_text(encoding="utf-8")
    assert not text.startswith("@prefix") and text.splitlines() == sorted(text.splitlines())
    Graph().parse(nt, format="nt")


def test_runaway_query_is_stopped(graph_file: Path) -> None:
    start = time.monotonic()
    res = _kg(RUNAWAY, "--graph", str(graph_file), "--timeout", "1")
    elapsed = time.monotonic() - start
    assert res.exit_code == EXIT_TIMEOUT
    assert "stopped after 1 s (--timeout 1)" in res.output
    assert elapsed < 60  # the query itself would run for hours
    assert multiprocessing.active_children() == []  # the worker was killed and reaped


def test_runaway_update_is_stopped_and_the_graph_untouched(graph_file: Path) -> None:
    before = graph_file.read_bytes()
    update = "DELETE { ?a ?b ?c } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    res = _kg(update, "--graph", str(graph_file), "--allow-update", "--timeout", "0.5")
    assert res.exit_code == EXIT_TIMEOUT
    assert "update stopped after 0.5 s" in res.output
    assert graph_file.read_bytes() == before
    assert sorted(p.name for p in graph_file.parent.iterdir()) == ["graph.ttl"]


def test_a_deadline_does_not_change_results(graph_file: Path) -> None:
    runs = [(q, "csv") for q in sorted((ROOT / "queries").glob("*.rq"))]
    runs += [(ROOT / "queries" / "officials.rq", fmt) for fmt in ("tsv", "json", "table")]
    rows = 0
    for query, fmt in runs:
        args = [str(query), "--graph", str(graph_file), "--format", fmt]
        if "--bind" in query.read_text(encoding="utf-8"):
            args += ["--bind", "name=黄远程"]
        plain = _kg(*args)
        timed = _kg(*args, "--timeout", "120")
        assert plain.exit_code == timed.exit_code == 0, (plain.output, timed.output)
        assert timed.output == plain.output
        rows += plain.output.count("\n") - 1
    assert rows > 10


def test_errors_in_the_worker_come_back_as_messages(graph_file: Path) -> None:
    res = _kg("SELECT ?s WHERE {\n ?s ?p }", "--graph", str(graph_file), "--timeout", "5")
    assert res.exit_code == 1 and re.search(r"line 2, column \d+", res.output)
    with pytest.raises(QueryError, match="boom"):
        call_with_timeout(lambda: (_ for _ in ()).throw(QueryError("boom")), 5)
    with pytest.raises(QueryTimeout):
        call_with_timeout(lambda: time.sleep(30), 0.2)
    assert call_with_timeout(lambda: "工会" * 100_000, 30) == "工会" * 100_000  # > a pipe buffer


def test_query_file_that_is_not_utf8(tmp_path: Path, graph_file: Path) -> None:
    q = tmp_path / "q.rq"
    q.write_bytes("# 查询\nSELECT * WHERE { ?s ?p ?o }".encode("gbk"))
    res = _kg(str(q), "--graph", str(graph_file))
    assert res.exit_code == 1
    assert f"{q}: query file is not UTF-8 text" in res.output
    assert "Traceback" not in res.output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty query"),
        ("# only a comment\n", "empty query"),
        ("SELECT ?s WHERE {\n ?s ?p }", "line 2, column 2"),
        ("DELETE WHERE { ?s ?p }", "SPARQL syntax error at line 1"),
        ("SELECT * WHERE { ?s nope:x ?o }", "SPARQL error"),
    ],
)
def test_bad_queries_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=re.escape(message)):
        parse_sparql(text, allow_update=True)


def test_timeout_must_be_positive(graph_file: Path) -> None:
    res = _kg("ASK { ?s ?p ?o }", "--graph", str(graph_file), "--timeout", "0")
    assert res.exit_code == 2 and "--timeout" in res.output
