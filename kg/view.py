"""Draw a knowledge graph as one self-contained, offline HTML page.

Plain data in, an HTML string out::

    html = render_html([ViewNode("ex:a", "王五", "person")], [])

pyvis builds the node and edge records (colour, shape, title, label, arrows) and holds the
vis-network options; the page itself comes from the package's own Jinja2 template
``kg/data/view_template.html``, which embeds vis-network's JS and CSS inline (read from the copy
shipped inside pyvis), so the page loads nothing from the network and works opened from
``file://``.

Escaping: article text never becomes HTML.

* Node and edge data go into a ``<script>`` as JSON in which ``<``, ``>``, ``&``, U+2028 and
  U+2029 are written as ``\\uXXXX`` escapes, so no value can close the script element.
* Tooltips are plain text (``\\n`` between lines); vis-network 9 puts a string title into
  ``innerText``, never ``innerHTML``.  Labels are drawn on the canvas, i.e. as text.
* The page title, header, legend and anything else written into HTML by the template is
  autoescaped by Jinja2.

Output is deterministic: the same nodes and edges, in any order, give byte-identical HTML.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup


class _NotebookIFrame:
    """What pyvis's ``Network.show`` returns in a notebook, made by IPython when it is asked for
    (see :func:`_import_pyvis`)."""

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        from IPython.display import IFrame

        return IFrame(*args, **kwargs)


def _import_pyvis() -> None:
    """Import pyvis without IPython. ``pyvis.network`` imports ``IPython.display.IFrame`` at
    its top, only for ``Network.show`` in a notebook, and importing IPython takes 0.26-0.4 s:
    a quarter of a cached ``kg build`` of the seeds (1.15 s), paid by every build and every
    ``kg view``. Unless IPython is already loaded, pyvis is imported against a stand-in
    ``IPython.display`` that is removed again at once (a later ``import IPython`` gets the real
    one), and pyvis's ``IFrame`` becomes :class:`_NotebookIFrame`, which imports IPython's
    when called."""
    import sys
    import types

    if "pyvis.network" in sys.modules or "IPython" in sys.modules:
        import pyvis.network

        return
    stand_in = types.ModuleType("IPython")
    display = types.ModuleType("IPython.display")
    display.IFrame = _NotebookIFrame  # type: ignore[attr-defined]
    stand_in.display = display  # type: ignore[attr-defined]
    sys.modules["IPython"], sys.modules["IPython.display"] = stand_in, display
    try:
        import pyvis.network
    finally:
        for name, module in (("IPython", stand_in), ("IPython.display", display)):
            if sys.modules.get(name) is module:
                del sys.modules[name]
    pyvis.network.IFrame = _NotebookIFrame  # type: ignore[attr-defined]


_import_pyvis()

import pyvis  # noqa: E402
from pyvis.network import Network  # noqa: E402

__all__ = ["GROUP_STYLES", "ViewEdge", "ViewNode", "render_html", "safe_json"]


@dataclass(frozen=True, slots=True)
class ViewNode:
    id: str  # an IRI
    label: str  # short text drawn on the node (Chinese)
    group: str  # node type: "person", "org", "place", "article", "post", ...
    details: tuple[tuple[str, str], ...] = ()  # tooltip lines (field name, value)


@dataclass(frozen=True, slots=True)
class ViewEdge:
    source: str
    target: str
    label: str  # drawn on the edge (e.g. "担任", "任职于", "出自")
    weight: int = 0  # facts/evidence behind a folded link (summary views); 0 = a plain edge


@dataclass(frozen=True, slots=True)
class GroupStyle:
    color: str
    shape: str
    zh: str
    en: str


# Fixed colours (Tableau 10) and shapes per node type; the legend shows them in this order.
GROUP_STYLES: dict[str, GroupStyle] = {
    "person": GroupStyle("#e15759", "dot", "人物", "person"),
    "org": GroupStyle("#4e79a7", "dot", "组织", "organization"),
    "place": GroupStyle("#59a14f", "triangle", "地点", "place"),
    "article": GroupStyle("#9c755f", "square", "文章", "article"),
    "role": GroupStyle("#f28e2b", "dot", "职位", "role"),
    "post": GroupStyle("#edc948", "diamond", "职务", "post"),
    "program": GroupStyle("#b07aa1", "hexagon", "项目", "program"),
    "target": GroupStyle("#76b7b2", "star", "目标", "target"),
    "achievement": GroupStyle("#ff9da7", "star", "成绩", "achievement"),
}
OTHER_STYLE = GroupStyle("#bab0ac", "dot", "其他", "other")

MAX_LABEL_CHARS = 30  # longer labels are cut on the node; the tooltip keeps the full text
LARGE_GRAPH_NODES = 1000  # above this, physics is switched off once the layout stabilised
FONT_FACE = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def safe_json(value: Any) -> str:
    """JSON that is safe to place inside an HTML ``<script>`` element (and is valid JS).

    Keeps Chinese as is; escapes ``<``, ``>``, ``&``, U+2028 and U+2029 as ``\\uXXXX`` (these
    characters only ever occur inside JSON strings, so the escapes keep the value unchanged).
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in _JSON_ESCAPES.items():
        text = text.replace(char, escape)
    return text


def style_for(group: str) -> GroupStyle:
    return GROUP_STYLES.get(group, OTHER_STYLE)


def _short_label(label: str) -> str:
    label = " ".join(label.split())  # no newlines or runs of spaces on the canvas
    if len(label) > MAX_LABEL_CHARS:
        return label[: MAX_LABEL_CHARS - 1] + "…"
    return label


def _tooltip(node: ViewNode) -> str:
    """Plain-text tooltip: vis-network shows a string title with innerText, never as HTML."""
    lines = [node.label or node.id, f"类型 type: {_group_name(node.group)}"]
    lines += [f"{name}: {value}" for name, value in node.details]
    lines.append(f"IRI: {node.id}")
    return "\n".join(lines)


def _group_name(group: str) -> str:
    style = GROUP_STYLES.get(group)
    return f"{style.zh} {style.en}" if style else f"{OTHER_STYLE.zh} {group}"


def _options(n_nodes: int) -> dict[str, Any]:
    large = n_nodes > LARGE_GRAPH_NODES
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": not large},
        "nodes": {
            "size": 14,
            "borderWidth": 1,
            "font": {"face": FONT_FACE, "size": 14, "color": "#222222"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "color": {"color": "#9aa0a6", "highlight": "#333333", "hover": "#333333"},
            "font": {
                "face": FONT_FACE,
                "size": 12,
                "color": "#555555",
                "align": "horizontal",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.3},
            "width": 1,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "navigationButtons": False,
            "keyboard": False,
            "hideEdgesOnDrag": large,
        },
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "centralGravity": 0.25,
                "springLength": 120,
                "springConstant": 0.04,
                "damping": 0.12,
                "avoidOverlap": 0.2,
            },
            "maxVelocity": 40,
            "minVelocity": 0.75,
            "stabilization": {
                "enabled": True,
                "iterations": 300 if large else 600,
                "updateInterval": 50,
                "fit": True,
            },
        },
    }


def _unique_nodes(nodes: Sequence[ViewNode]) -> list[ViewNode]:
    """One node per id, sorted by id; for a repeated id the smallest record wins (any order)."""
    chosen: dict[str, ViewNode] = {}
    for node in nodes:
        key = (node.label, node.group, node.details)
        old = chosen.get(node.id)
        if old is None or key < (old.label, old.group, old.details):
            chosen[node.id] = node
    return [chosen[node_id] for node_id in sorted(chosen)]


def _build_network(nodes: list[ViewNode], edges: list[ViewEdge]) -> Network:
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    for node in nodes:
        style = style_for(node.group)
        net.add_node(
            node.id,
            label=_short_label(node.label) or node.id,
            shape=style.shape,
            color=style.color,
            title=_tooltip(node),
        )
    names = {node.id: node.label or node.id for node in nodes}
    for i, edge in enumerate(edges):
        # directed=True: pyvis adds arrows="to" and skips its quadratic duplicate check
        title = f"{names[edge.source]} → {edge.label} → {names[edge.target]}"
        extra: dict[str, Any] = {}
        if edge.weight:  # a folded link: thicker the more evidence stands behind it
            title += f"\n证据 evidence: {edge.weight}"
            extra["width"] = round(1 + min(5.0, math.log2(edge.weight)), 2)
        net.add_edge(edge.source, edge.target, id=f"e{i}", label=edge.label, title=title, **extra)
    net.options = _options(len(nodes))
    return net


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # the source map is not shipped; drop the comment so nothing ever asks for it
    js = re.sub(r"^//# sourceMappingURL=\S*$", "", js, flags=re.M)
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError("vis-network assets cannot be inlined safely")
    return js, css


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    source = resources.files("kg.data").joinpath("view_template.html").read_text("utf-8")
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    return env.from_string(source)


def render_html(
    nodes: Sequence[ViewNode],
    edges: Sequence[ViewEdge],
    title: str = "union-kg",
    notice: Sequence[str] = (),
) -> str:
    """Return a self-contained HTML page drawing ``nodes`` and ``edges`` (no network needed).

    ``notice``: lines shown in a banner under the header (``#kg-notice``), e.g. that the page
    is a summary and how to draw more; plain text, escaped like everything else.

    Raises ``ValueError`` if an edge names a node id that is not among ``nodes``.
    """
    node_list = _unique_nodes(nodes)
    known = {node.id for node in node_list}
    edge_list = sorted(set(edges), key=lambda e: (e.source, e.target, e.label, e.weight))
    for edge in edge_list:
        for end in (edge.source, edge.target):
            if end not in known:
                raise ValueError(f"edge {edge.source!r} -> {edge.target!r}: unknown node {end!r}")

    net = _build_network(node_list, edge_list)
    vis_nodes, vis_edges, _heading, _height, _width, _options_json = net.get_network_data()

    counts = Counter(node.group for node in node_list)
    groups = [g for g in GROUP_STYLES if g in counts] + sorted(counts.keys() - GROUP_STYLES.keys())
    legend = [
        {"color": style_for(g).color, "name": _group_name(g), "count": counts[g]} for g in groups
    ]
    js, css = _vis_assets()
    return _template().render(
        title=title,
        n_nodes=len(vis_nodes),
        n_edges=len(vis_edges),
        legend=legend,
        vis_js=Markup(js),
        vis_css=Markup(css),
        nodes_json=Markup(safe_json(vis_nodes)),
        edges_json=Markup(safe_json(vis_edges)),
        options_json=Markup(safe_json(net.options)),
        freeze_after_stabilization=len(vis_nodes) > LARGE_GRAPH_NODES,
        notice=list(notice),
    )
