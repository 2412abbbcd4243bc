"""Unit tests for kg.view: offline, escaped, deterministic HTML."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from kg.view import GROUP_STYLES, ViewEdge, ViewNode, _vis_assets, render_html, safe_json

EX = "http://example.org/kg/"

HOSTILE = (
    ("句子", "<script>alert(1)</script>王五任广东省总工会主席"),
    ("引用", 'he said "quoted" & left'),
    ("文章", "a & b <img src=x onerror=alert(1)>"),
    ("分隔", "line\u2028sep\u2029para"),
)

NODES = [
    ViewNode(EX + "person/王五", "王五", "person", HOSTILE),
    ViewNode(EX + "org/gd", "广东省总工会", "org", (("文章", "《工会新闻》"),)),
    ViewNode(EX + "place/gd", "广东省", "place"),
    ViewNode(EX + "article/1", "<script>alert(1)</script>", "article", (("标题", "x</script>y"),)),
    ViewNode(EX + "post/1", "王五-主席", "post"),
    ViewNode(EX + "prog/1", "职工之家", "program"),
    ViewNode(EX + "x/1", "某物", "gadget<b>"),  # an unknown group, hostile name
]
EDGES = [
    ViewEdge(EX + "person/王五", EX + "post/1", "担任"),
    ViewEdge(EX + "post/1", EX + "org/gd", "任职于"),
    ViewEdge(EX + "org/gd", EX + "place/gd", "位于"),
    ViewEdge(EX + "person/王五", EX + "article/1", "出自"),
    ViewEdge(EX + "prog/1", EX + "org/gd", "<主办>"),
]


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(NODES, EDGES, title="工会 <图谱> & KG")


def _own(html: str) -> str:
    """The page without the embedded vis-network library (which is third-party code)."""
    js, css = _vis_assets()
    assert js in html and css in html
    return html.replace(js, "").replace(css, "")


def _data(html: str, name: str) -> list[dict]:
    match = re.search(rf"var {name} = new vis\.DataSet\((.*?)\);\n", html)
    assert match, name
    return json.loads(match.group(1))


def _legend(html: str) -> str:
    match = re.search(r'<ul id="kg-legend".*?</ul>', html, re.S)
    assert match
    return match.group(0)


def test_hostile_text_never_raw(html: str) -> None:
    assert "<script>alert" not in html
    html = _own(html)
    assert "<script>alert" not in html
    assert "</script>y" not in html
    assert "<img" not in html
    assert "<b>" not in html
    assert "<主办>" not in html
    assert "\u2028" not in html and "\u2029" not in html
    # the only <script> elements are the page's own two (vis-network, and the graph code)
    assert html.count("<script>") == 2
    assert html.count("</script>") == 2


def test_hostile_text_survives_as_text(html: str) -> None:
    nodes = {n["id"]: n for n in _data(html, "nodes")}
    title = nodes[EX + "person/王五"]["title"]
    # plain text, shown by vis-network through innerText: the markup is kept literally
    assert "<script>alert(1)</script>王五任广东省总工会主席" in title
    assert 'he said "quoted" & left' in title
    assert "<img src=x onerror=alert(1)>" in title
    assert "line\u2028sep\u2029para" in title
    assert title.splitlines()[0] == "王五"
    assert nodes[EX + "article/1"]["label"] == "<script>alert(1)</script>"
    edges = _data(html, "edges")
    assert {e["label"] for e in edges} == {"担任", "任职于", "位于", "出自", "<主办>"}
    assert all(e["arrows"] == "to" for e in edges)


def test_page_text_is_escaped(html: str) -> None:
    assert "<title>工会 &lt;图谱&gt; &amp; KG</title>" in html
    assert "<h1>工会 &lt;图谱&gt; &amp; KG</h1>" in html
    assert "其他 gadget&lt;b&gt;" in _legend(html)


def test_no_external_references(html: str) -> None:
    assert not re.search(r"<script[^>]*\ssrc\s*=", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", html, re.I)
    own = _own(html)
    assert not re.search(r"https?://(?!example\.org/kg/)", own)  # node IRIs are data
    assert "cdn" not in own.lower()
    assert "bootstrap" not in own.lower()
    assert "sourceMappingURL" not in html
    # vis-network is embedded inline
    assert "vis-network" in html and "new vis.Network(" in html
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", html, re.I)


def test_every_node_and_count_present(html: str) -> None:
    for node in NODES:
        assert safe_json(node.id) in html
    assert len(_data(html, "nodes")) == len(NODES)
    assert len(_data(html, "edges")) == len(EDGES)
    assert f"{len(NODES)} 个节点 nodes · {len(EDGES)} 条边 edges" in html


def test_legend_lists_every_group_present(html: str) -> None:
    legend = _legend(html)
    for group in {n.group for n in NODES} & GROUP_STYLES.keys():
        style = GROUP_STYLES[group]
        assert f"{style.zh} {style.en}" in legend
        assert style.color in legend
    assert "人物 person" in legend and "组织 organization" in legend and "职务 post" in legend
    assert "目标 target" not in legend  # only groups that are present
    assert legend.count("<li>") == len({n.group for n in NODES})


def test_colours_fixed_per_group(html: str) -> None:
    for node in _data(html, "nodes"):
        if "/person/" in node["id"]:
            assert node["color"] == GROUP_STYLES["person"].color
        if "/org/" in node["id"]:
            assert node["color"] == GROUP_STYLES["org"].color


def test_deterministic_whatever_the_input_order(html: str) -> None:
    again = render_html(NODES[::-1], EDGES[::-1] + EDGES[:2], title="工会 <图谱> & KG")
    assert again == html
    assert render_html(NODES, EDGES, title="工会 <图谱> & KG") == html


def test_unknown_edge_end_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown node"):
        render_html(NODES, [ViewEdge(EX + "org/gd", EX + "missing", "x")])


def test_safe_json_round_trips() -> None:
    value = {"s": "<\u2028>&\u2029</script>中文"}
    text = safe_json(value)
    assert json.loads(text) == value
    assert "中文" in text
    assert not set("<>&\u2028\u2029") & set(text)


def test_large_graph_freezes_physics_after_stabilization() -> None:
    small = render_html(NODES, EDGES)
    assert "physics: {enabled: false}" not in small
    many = [ViewNode(f"n{i:04d}", f"节点{i}", "person") for i in range(1001)]
    big = render_html(many, [ViewEdge("n0000", "n0001", "r")])
    assert 'network.once("stabilizationIterationsDone"' in big
    assert "physics: {enabled: false}" in big


def test_long_labels_are_cut_but_kept_in_tooltip() -> None:
    long = "中华全国总工会" * 10
    page = render_html([ViewNode("a", long, "org")], [])
    (node,) = _data(page, "nodes")
    assert node["label"].endswith("…") and len(node["label"]) <= 30
    assert node["title"].startswith(long)


def test_drawing_does_not_load_ipython() -> None:
    """pyvis imports IPython (0.26-0.4 s) only for notebooks: kg.view loads pyvis without it,
    and IPython imported afterwards is the real one, as is the IFrame pyvis's notebook
    ``show`` makes."""
    script = (
        "import sys, kg.view\n"
        "assert not any(m == 'IPython' or m.startswith('IPython.') for m in sys.modules)\n"
        "kg.view.render_html([kg.view.ViewNode('ex:a', '王五', 'person')], [])\n"
        "assert 'IPython' not in sys.modules\n"
        "import IPython.display, pyvis.network\n"
        "assert hasattr(IPython, 'get_ipython')\n"
        "frame = pyvis.network.IFrame('a.html', width=1, height=2)\n"
        "assert isinstance(frame, IPython.display.IFrame)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
