"""Open the rendered graph in a real headless Chromium, offline, from file://."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.view import GROUP_STYLES, ViewEdge, ViewNode, render_html

pytestmark = pytest.mark.browser

EX = "http://example.org/kg/"
HOSTILE_ID = EX + "person/hostile"
IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=2</script>"


def _graph() -> tuple[list[ViewNode], list[ViewEdge]]:
    nodes = [
        ViewNode(
            HOSTILE_ID,
            "<b>王五</b>",
            "person",
            (("句子", f"{SCRIPT} 王五任主席"), ("文章", f'{IMG} "引号" & 符号')),
        ),
        ViewNode(EX + "org/acftu", "中华全国总工会", "org", (("文章", "《工人日报》"),)),
        ViewNode(EX + "org/gd", "广东省总工会", "org"),
        ViewNode(EX + "place/gd", "广东省", "place"),
        ViewNode(EX + "place/sz", "深圳市", "place"),
        ViewNode(EX + "article/1", "工会新闻第一篇", "article"),
        ViewNode(EX + "post/1", "王五-主席", "post"),
        ViewNode(EX + "role/chair", "主席", "role"),
        ViewNode(EX + "program/1", "职工之家建设", "program"),
        ViewNode(EX + "target/1", "覆盖率达到90%", "target"),
        ViewNode(EX + "achievement/1", "新建会员10万人", "achievement"),
        ViewNode(EX + "person/zhao", "赵六", "person"),
    ]
    edges = [
        ViewEdge(HOSTILE_ID, EX + "post/1", "担任"),
        ViewEdge(EX + "post/1", EX + "role/chair", "职务"),
        ViewEdge(EX + "post/1", EX + "org/gd", "任职于"),
        ViewEdge(EX + "org/gd", EX + "place/gd", "位于"),
        ViewEdge(EX + "org/gd", EX + "org/acftu", "隶属"),
        ViewEdge(EX + "place/sz", EX + "place/gd", "属于"),
        ViewEdge(EX + "post/1", EX + "article/1", "出自"),
        ViewEdge(EX + "program/1", EX + "org/gd", "主办"),
        ViewEdge(EX + "target/1", EX + "program/1", "目标"),
        ViewEdge(EX + "achievement/1", EX + "org/gd", "成绩"),
        ViewEdge(EX + "person/zhao", EX + "org/acftu", "任职于"),
    ]
    return nodes, edges


def test_graph_renders_offline_and_safely(offline_page, tmp_path: Path) -> None:
    nodes, edges = _graph()
    page_file = tmp_path / "graph.html"
    page_file.write_text(render_html(nodes, edges, title="工会知识图谱"), encoding="utf-8")

    view = offline_page(viewport={"width": 1280, "height": 800}).open(page_file)
    page, errors, blocked = view.page, view.errors, view.blocked
    assert page.evaluate("network.body.data.nodes.length") == len(nodes)
    assert page.evaluate("network.body.data.edges.length") == len(edges)
    assert page.title() == "工会知识图谱"
    assert page.locator("#kg-counts").inner_text() == "12 个节点 nodes · 11 条边 edges"

    legend = page.locator("#kg-legend")
    assert legend.is_visible()
    for group in {n.group for n in nodes}:
        style = GROUP_STYLES[group]
        assert f"{style.zh} {style.en}" in legend.inner_text()

    # Hover the hostile node: its tooltip must show the markup as text.
    page.evaluate("network.stopSimulation()")
    box = page.locator("#mynetwork canvas").bounding_box()
    assert box
    pos = page.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", HOSTILE_ID)
    x, y = box["x"] + pos["x"], box["y"] + pos["y"]
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    text = tooltip.inner_text()
    assert text.splitlines()[0] == "<b>王五</b>"
    assert SCRIPT in text
    assert IMG in text
    assert '"引号" & 符号' in text
    # innerText turns "\n" into <br>; nothing else may become an element
    tags = page.evaluate(
        "[...document.querySelector('div.vis-tooltip').children].map(c => c.tagName)"
    )
    assert set(tags) <= {"BR"}
    assert page.evaluate("document.querySelectorAll('img, b').length") == 0
    assert page.evaluate("window.__pwned === undefined")

    # The search box focuses and selects a node by its label.
    page.fill("#kg-search", "广东省总")
    page.press("#kg-search", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == [EX + "org/gd"]

    shot = tmp_path / "graph.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000

    assert errors == []
    assert blocked == [], f"the page tried the network: {blocked}"


def test_seed_graph_view_draws_the_built_graph(offline_page, tmp_path: Path, seed_build) -> None:
    """The view of the built seed graph, opened offline, draws every node graph_to_view gives:
    the officials, their posts, unions, cities and articles."""
    from kg.draw import graph_to_view, render_graph_html

    nodes, edges = graph_to_view(seed_build.graph)
    page_file = tmp_path / "graph.html"
    page_file.write_text(render_graph_html(seed_build.graph), encoding="utf-8")
    view = offline_page().open(page_file)
    page = view.page
    assert page.evaluate("network.body.data.nodes.length") == len(nodes)
    assert page.evaluate("network.body.data.edges.length") == len(edges)
    labels = set(page.evaluate("network.body.data.nodes.get().map(n => n.label)"))
    assert {"黄远程", "江洪灿", "河源市总工会", "广东省", "党组书记"} <= labels
    assert not view.errors and not view.blocked
