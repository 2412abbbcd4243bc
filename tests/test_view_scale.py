"""A view that stays usable: the summary above the node limit, --focus/--hops, --query, and the
same answers from a graph file and from an Oxigraph store (small limits stand in for big
graphs)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.cli import cli
from kg.draw import graph_to_view, render_graph_html
from kg.errors import KgError, QueryError
from kg.ontology import KG, ORG, SDO
from kg.source import OxigraphSource, RdflibSource
from kg.subgraph import MAX_VIEW_NODES, SUMMARY_GROUPS, count_view_nodes, select_view
from kg.view import render_html

EX = "http://example.org/t/"


@pytest.fixture(scope="module")
def seed_file(seed_graph_file: Path) -> Path:
    return seed_graph_file


@pytest.fixture(scope="module")
def seed_source(seed_build) -> RdflibSource:
    return RdflibSource(seed_build.graph, "seed")


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, seed_graph_file: Path) -> str:
    """An Oxigraph store holding the seed graph in a named graph (as a build's store does)."""
    path = tmp_path_factory.mktemp("store") / "ox"
    store = ox.Store(str(path))
    store.bulk_load(
        path=str(seed_graph_file),
        format=ox.RdfFormat.TURTLE,
        to_graph=ox.NamedNode("http://example.org/union-kg/graph/seeds"),
    )
    store.flush()
    del store
    return f"oxigraph:{path}"


def _labels(selection) -> set[str]:
    return {n.label for n in selection.nodes}


def _data(html: str, name: str) -> list[dict]:
    match = re.search(rf"var {name} = new vis\.DataSet\((.*?)\);\n", html)
    assert match, name
    return json.loads(match.group(1))


# --- a graph whose strongest links are known ------------------------------------------------


def _fact(g: Graph, iri: str, cls: URIRef, links: dict, evidence: int, label: str = "") -> None:
    node = URIRef(EX + iri)
    g.add((node, RDF.type, cls))
    if label:
        g.add((node, RDFS.label, Literal(label, lang="zh")))
    for pred, obj in links.items():
        g.add((node, pred, obj))
    for i in range(evidence):
        ev = URIRef(f"{EX}ev/{iri}/{i}")
        g.add((node, KG.evidence, ev))
        g.add((ev, RDF.type, KG.Evidence))
        g.add((ev, KG.sentence, Literal(f"{label or iri} 第{i}句")))


def _entity(g: Graph, iri: str, cls: URIRef, label: str) -> URIRef:
    node = URIRef(EX + iri)
    g.add((node, RDF.type, cls))
    g.add((node, RDFS.label, Literal(label, lang="zh")))
    return node


@pytest.fixture(scope="module")
def known_graph() -> Graph:
    """Posts 张一-甲 (5 evidence) > 李二-甲 (3) > 王三-乙 (2) > 赵四-丙 (1); program links 甲-项目X
    (runs 4 + a target + 2 achievements = 7 evidence) > 乙-项目Y (1). Two people are named 王五,
    and one name is hostile markup."""
    g = Graph()
    people = {k: _entity(g, f"p/{k}", SDO.Person, k) for k in ("张一", "李二", "王三", "赵四")}
    orgs = {k: _entity(g, f"o/{k}", ORG.Organization, f"{k}工会") for k in ("甲", "乙", "丙")}
    progs = {k: _entity(g, f"g/{k}", KG.Program, f"项目{k}") for k in ("X", "Y")}
    chair = _entity(g, "role/chair", ORG.Role, "主席")
    for i, (who, org, n) in enumerate(
        (("张一", "甲", 5), ("李二", "甲", 3), ("王三", "乙", 2), ("赵四", "丙", 1))
    ):
        _fact(
            g,
            f"post/{i}",
            KG.PostHolding,
            {ORG.member: people[who], ORG.organization: orgs[org], ORG.role: chair},
            n,
        )
    _fact(g, "run/x", KG.ProgramRun, {KG.runBy: orgs["甲"], KG.program: progs["X"]}, 4)
    _fact(g, "run/y", KG.ProgramRun, {KG.runBy: orgs["乙"], KG.program: progs["Y"]}, 1)
    _fact(
        g, "target/x", KG.Target, {KG.setBy: orgs["甲"], KG.program: progs["X"]}, 1, "培养 · 50名"
    )
    for i in range(2):
        _fact(
            g,
            f"ach/x{i}",
            KG.Achievement,
            {KG.achievedBy: orgs["甲"], KG.program: progs["X"]},
            1,
            f"帮助 · {i}家",
        )
    for i in range(2):  # two people share a name
        wang = _entity(g, f"p/王五{i}", SDO.Person, "王五")
        _fact(g, f"post/w{i}", KG.PostHolding, {ORG.member: wang, ORG.organization: orgs["丙"]}, 1)
    hostile = _entity(g, "p/hostile", SDO.Person, "<script>alert(1)</script>")
    bad_role = _entity(g, "role/bad", ORG.Role, "<img src=x onerror=alert(2)>")
    _fact(
        g,
        "post/h",
        KG.PostHolding,
        {ORG.member: hostile, ORG.organization: orgs["丙"], ORG.role: bad_role},
        1,
    )
    return g


def test_count_matches_the_full_view(seed_source, known_graph) -> None:
    for graph in (seed_source.graph, known_graph):
        assert count_view_nodes(RdflibSource(graph)) == len(graph_to_view(graph)[0])


def test_below_the_limit_the_full_view_is_unchanged(seed_source) -> None:
    selection = select_view(seed_source)
    nodes, edges = graph_to_view(seed_source.graph)
    assert len(nodes) <= MAX_VIEW_NODES
    assert (selection.kind, selection.nodes, selection.edges) == ("full", nodes, edges)
    page = render_graph_html(seed_source.graph)
    assert page == render_html(nodes, edges)  # byte for byte what the view drew before
    assert "kg-notice" not in page


def test_above_the_limit_a_summary_that_says_so(seed_source) -> None:
    selection = select_view(seed_source, max_nodes=40)
    assert selection.kind == "summary"
    assert selection.total_nodes == len(graph_to_view(seed_source.graph)[0]) > 40
    assert 30 <= len(selection.nodes) <= 40
    assert len(selection.edges) <= 80
    assert {n.group for n in selection.nodes} <= SUMMARY_GROUPS
    ids = {n.id for n in selection.nodes}
    assert all(e.source in ids and e.target in ids and e.weight >= 1 for e in selection.edges)
    page = selection.html()
    notice = re.search(r'<div id="kg-notice".*?</div>', page, re.S).group(0)
    assert "摘要视图" in notice and "summary" in notice
    assert "--focus" in notice and "--hops" in notice and "--query" in notice
    assert len(_data(page, "nodes")) == len(selection.nodes)
    assert render_graph_html(seed_source.graph, max_nodes=40) == page


def test_summary_keeps_the_strongest_links(known_graph) -> None:
    source = RdflibSource(known_graph)
    # posts and programs are taken in turn, each strongest first; a link whose new ends do
    # not fit is skipped (王三-乙, then 乙-项目Y need two more nodes)
    three = select_view(source, max_nodes=3)
    assert _labels(three) == {"张一", "甲工会", "项目X"}
    assert sorted(e.weight for e in three.edges) == [5, 7]
    four = select_view(source, max_nodes=4)
    assert _labels(four) == {"张一", "甲工会", "项目X", "李二"}
    assert sorted(e.weight for e in four.edges) == [3, 5, 7]
    weights = {(e.source.rsplit("/", 1)[1], e.target.rsplit("/", 1)[1]): e for e in four.edges}
    assert weights["甲", "X"].weight == 7 and weights["甲", "X"].label == "实施·目标·成绩"
    assert weights["张一", "甲"].label == "主席"
    # facts folded into the tooltips
    nodes = {n.label: dict(n.details) for n in four.nodes}
    assert nodes["项目X"]["目标 targets"] == "1" and nodes["项目X"]["成绩 achievements"] == "2"
    assert nodes["张一"]["职务"] == "主席 · 甲工会"
    assert nodes["甲工会"]["本组织职务 posts in it"] == "2"


def test_summary_text_stays_escaped(known_graph) -> None:
    page = select_view(RdflibSource(known_graph), max_nodes=12).html()
    assert "<script>alert" not in page and "<img" not in page
    nodes = {n["label"] for n in _data(page, "nodes")}
    edges = {e["label"] for e in _data(page, "edges")}
    assert "<script>alert(1)</script>" in nodes  # kept as text, drawn on the canvas
    assert "<img src=x onerror=alert(2)>" in edges


def test_graph_file_and_store_give_the_same_views(seed_file, seed_store) -> None:
    file_source = RdflibSource(Graph().parse(seed_file), "file")
    store_source = OxigraphSource(seed_store.removeprefix("oxigraph:"))
    assert len(store_source) == len(file_source)
    for kwargs in (
        {},
        {"max_nodes": 40},
        {"focus": "黄远程", "hops": 2},
        {"focus": "河源市总工会", "hops": 2, "max_nodes": 30},
        {"query": "CONSTRUCT { ?p org:member ?o } WHERE { ?p org:member ?o }"},
    ):
        a, b = select_view(file_source, **kwargs), select_view(store_source, **kwargs)
        assert (a.kind, a.nodes, a.edges, a.notice) == (b.kind, b.nodes, b.edges, b.notice)
        assert a.html() == b.html()


def test_focus_picks_the_neighbourhood(seed_source) -> None:
    assert _labels(select_view(seed_source, focus="黄远程", hops=0)) == {"黄远程"}
    one = select_view(seed_source, focus="黄远程", hops=1)
    assert one.kind == "focus"
    groups = {n.label: n.group for n in one.nodes}
    assert groups["黄远程"] == "person" and groups["河源市总工会"] == "org"
    assert sorted(label for label, g in groups.items() if g == "post") == ["党组书记", "常务副主席"]
    assert sorted(groups.values()) == ["article", "org", "person", "post", "post"]
    assert "河源市" not in groups  # two hops away, through the organization
    two = _labels(select_view(seed_source, focus="黄远程", hops=2))
    assert {"河源市", "劳模工匠助企行"} <= two and _labels(one) < two
    # the posts carry their evidence, as in the full view
    post = next(n for n in one.nodes if n.group == "post")
    assert any(name == "句子" and "黄远程" in value for name, value in post.details)


def test_focus_on_an_alias_and_on_a_shared_name(seed_source, known_graph) -> None:
    alias = select_view(seed_source, focus="汀洪灿", hops=0)  # the OCR variant of 江洪灿
    assert _labels(alias) == {"江洪灿"}
    both = select_view(RdflibSource(known_graph), focus="王五", hops=0)
    assert [n.id for n in both.nodes] == [EX + "p/王五0", EX + "p/王五1"]


def test_focus_unknown_name_lists_close_matches(seed_source) -> None:
    with pytest.raises(KgError, match="黄远程"):
        select_view(seed_source, focus="黄远")
    with pytest.raises(KgError, match="no close match"):
        select_view(seed_source, focus="完全没有")


def test_a_big_focus_is_cut_and_folded(seed_source) -> None:
    selection = select_view(seed_source, focus="河源市总工会", hops=3, max_nodes=30)
    assert len(selection.nodes) <= 30
    assert {n.group for n in selection.nodes} <= {"person", "org", "place", "program", "article"}
    notice = " ".join(selection.notice)
    assert "most strongly linked" in notice and "folded" in notice


def test_query_draws_the_construct_result(seed_source) -> None:
    query = """CONSTRUCT { ?h org:member ?p ; org:organization ?o ; kg:evidence ?ev .
                           ?ev kg:sentence ?s }
               WHERE { ?h a kg:PostHolding ; org:member ?p ; org:organization ?o ;
                          kg:evidence ?ev . ?ev kg:sentence ?s . ?p rdfs:label "黄远程"@zh }"""
    result = seed_source.query(query).graph
    selection = select_view(seed_source, query=query)
    assert selection.kind == "query"
    resources = set(result.subjects()) | {o for o in result.objects() if isinstance(o, URIRef)}
    assert {n.id for n in selection.nodes} == {str(r) for r in resources}
    assert len(selection.edges) == sum(1 for t in result if isinstance(t[2], URIRef))
    groups = {n.label: n.group for n in selection.nodes}  # labels and types from the graph
    assert groups["黄远程"] == "person" and groups["河源市总工会"] == "org"
    evidence = [n for n in selection.nodes if n.group == "evidence"]
    assert evidence and all("黄远程" in dict(n.details)["原句"] for n in evidence)


def test_query_refuses_a_select_and_too_many_nodes(seed_source) -> None:
    with pytest.raises(QueryError, match="CONSTRUCT"):
        select_view(seed_source, query="SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    with pytest.raises(KgError, match="more than the 5"):
        select_view(seed_source, query="CONSTRUCT WHERE { ?s org:member ?o }", max_nodes=5)


def test_cli_view_options(seed_file, seed_store, tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    runner = CliRunner()
    res = runner.invoke(cli, ["view", "--store", seed_store, "--max-nodes", "40", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "a summary" in res.output and "kg-notice" in out.read_text(encoding="utf-8")
    rq = tmp_path / "posts.rq"
    rq.write_text("CONSTRUCT { ?p org:member ?o } WHERE { ?p org:member ?o }", encoding="utf-8")
    res = runner.invoke(
        cli, ["view", "--graph", str(seed_file), "--query", str(rq), "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    res = runner.invoke(
        cli, ["view", "--graph", str(seed_file), "--focus", "黄远程", "--hops", "1", "-o", str(out)]
    )
    assert res.exit_code == 0 and "5 nodes" in res.output, res.output
    for args, message in (
        (["--focus", "黄远"], "close matches: 黄远程"),
        (["--query", "SELECT * WHERE { ?s ?p ?o }"], "CONSTRUCT"),
        (["--hops", "2"], "--hops goes with --focus"),
        (["--focus", "黄远程", "--query", str(rq)], "pass one"),
        (["--store", "nowhere:x"], "oxigraph:DIR"),
    ):
        res = runner.invoke(cli, ["view", "--graph", str(seed_file), *args, "-o", str(out)])
        assert res.exit_code != 0 and message in res.output, (args, res.output)
        assert "Traceback" not in res.output
    assert str(MAX_VIEW_NODES) in runner.invoke(cli, ["view", "--help"]).output


@pytest.mark.browser
def test_summary_page_loads_offline(offline_page, tmp_path: Path, seed_source) -> None:
    selection = select_view(seed_source, max_nodes=40)
    page_file = tmp_path / "summary.html"
    page_file.write_text(selection.html(), encoding="utf-8")
    view = offline_page().open(page_file)
    page = view.page
    assert page.evaluate("network.body.data.nodes.length") == len(selection.nodes) <= 40
    assert page.evaluate("network.body.data.edges.length") == len(selection.edges)
    notice = page.locator("#kg-notice")
    assert notice.is_visible()
    assert "摘要视图" in notice.inner_text() and "summary" in notice.inner_text()
    assert not view.errors and not view.blocked


@pytest.mark.parametrize("held", ["in memory", "on disk"])
def test_a_big_build_draws_its_view_from_a_lighter_store(
    tmp_path: Path, monkeypatch, held: str
) -> None:
    """Above the rdflib limit a build without --store fills a temporary store (in memory up
    to a size, else on disk) only to draw the summary, leaving out the evidence nodes' own
    triples; the page is the one the full store (--store) gives, and the Turtle keeps every
    triple."""
    from tests.conftest import SEEDS

    monkeypatch.setattr("kg.output.IN_MEMORY_TRIPLES", 0)
    if held == "on disk":
        monkeypatch.setattr("kg.output.IN_MEMORY_VIEW_TRIPLES", 0)
    monkeypatch.setattr("kg.cli._render_view", lambda src: select_view(src, max_nodes=40).html())
    runner = CliRunner()
    light, full = tmp_path / "light", tmp_path / "full"
    res = runner.invoke(cli, ["build", str(SEEDS), "-o", str(light), "--no-cache"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(
        cli,
        ["build", str(SEEDS), "-o", str(full), "--no-cache", "--store", f"oxigraph:{tmp_path}/s"],
    )
    assert res.exit_code == 0, res.output
    page = (light / "graph.html").read_text(encoding="utf-8")
    assert "摘要视图" in page
    assert page == (full / "graph.html").read_text(encoding="utf-8")
    assert (light / "graph.ttl").read_bytes() == (full / "graph.ttl").read_bytes()
    assert "kg:sentence" in (light / "graph.ttl").read_text(encoding="utf-8")
