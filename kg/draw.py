"""From an RDF graph to the interactive HTML view.

Drawn: people, organizations, places, articles, and each post held as a small node between its
person and organization (so its evidence has a tooltip of its own). Roles are folded into the
post's label; evidence nodes are folded into tooltips (sentence, article, offsets). Reading the
graph itself (not a build's records) means the view works on any graph file.

This draws a whole (small) graph; which part of a big one to draw is :mod:`kg.subgraph`'s job.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, SKOS, Graph, URIRef

from kg.ontology import KG, ORG, SDO
from kg.view import ViewEdge, ViewNode

# The classes drawn as entity nodes, with their node group; the first class that fits wins.
ENTITY_CLASSES: tuple[tuple[URIRef, str], ...] = (
    (SDO.Person, "person"),
    (ORG.Organization, "org"),
    (KG.CollectiveByline, "org"),
    (SDO.City, "place"),
    (SDO.AdministrativeArea, "place"),
    (KG.Article, "article"),
    (KG.Program, "program"),
)

# Direct links between drawn nodes, with their edge labels.
LINK_LABELS: dict[URIRef, str] = {
    KG.interviewee: "受访者",
    KG.reporter: "记者",
    KG.correspondent: "通讯员",
    KG.photographer: "摄影",
    KG.editor: "编辑",
    KG.city: "城市",
    KG.locatedIn: "位于",
    KG.runsProgram: "实施",
    KG.editionOf: "版本",
}


def _evidence(graph: Graph, fact: URIRef, limit: int) -> list[tuple[str, str]]:
    """Tooltip lines for a fact's first evidence sentences (sorted, so the page is stable)."""
    items = []
    for ev in graph.objects(fact, KG.evidence):
        article = graph.value(ev, KG.inArticle)
        file = graph.value(article, KG.sourceFile) if article is not None else None
        items.append(
            (
                str(file),
                int(graph.value(ev, KG.start) or 0),
                int(graph.value(ev, KG.end) or 0),
                str(graph.value(ev, KG.sentence)),
            )
        )
    lines: list[tuple[str, str]] = []
    for file, start, end, sentence in sorted(items)[:limit]:
        lines += [("句子", sentence), ("文章", f"{file} [{start}:{end}]")]
    return lines


def graph_to_view(graph: Graph) -> tuple[list[ViewNode], list[ViewEdge]]:
    """The nodes and edges to draw for ``graph``. Walks the graph by index lookups (linear in
    its size); a SPARQL join of facts with their evidence grows much faster in rdflib."""
    nodes: dict[str, ViewNode] = {}
    for cls, group in ENTITY_CLASSES:
        for n in graph.subjects(RDF.type, cls):
            key = str(n)
            if key in nodes or not isinstance(n, URIRef):
                continue
            label = graph.value(n, RDFS.label)
            details = [("类型", group), ("IRI", key)]
            aliases = "、".join(sorted(str(a) for a in graph.objects(n, SKOS.altLabel)))
            if aliases:
                details.append(("别名", aliases))
            if group == "article":
                details.append(("文件", str(graph.value(n, KG.sourceFile))))
            nodes[key] = ViewNode(
                key, str(label if label is not None else key), group, tuple(details)
            )
    edges: set[ViewEdge] = set()
    for h in graph.subjects(RDF.type, KG.PostHolding):
        p, o, role = (
            graph.value(h, ORG.member),
            graph.value(h, ORG.organization),
            graph.value(h, ORG.role),
        )
        if p is None or o is None or str(p) not in nodes or str(o) not in nodes:
            continue
        role_label = str(graph.value(role, RDFS.label) or "") if role is not None else ""
        if graph.value(h, KG.former) is not None:  # a post held before: 原主席
            role_label = "原" + role_label
        details = [
            ("人物", nodes[str(p)].label),
            ("职务", role_label),
            ("组织", nodes[str(o)].label),
        ]
        nodes[str(h)] = ViewNode(
            str(h), role_label, "post", tuple(details + _evidence(graph, h, 5))
        )
        edges.add(ViewEdge(str(p), str(h), "担任"))
        edges.add(ViewEdge(str(h), str(o), "任职于"))
    for cls, group, who_pred, edge_label in (
        (KG.Target, "target", KG.setBy, "目标"),
        (KG.Achievement, "achievement", KG.achievedBy, "成绩"),
    ):
        for f in graph.subjects(RDF.type, cls):
            label = str(graph.value(f, RDFS.label) or "")
            details = [
                ("类型", "目标 target" if group == "target" else "成绩 achievement"),
                ("内容", label),
            ]
            nodes[str(f)] = ViewNode(
                str(f),
                " ".join(label.split(" · ")[:2]),
                group,
                tuple(details + _evidence(graph, f, 3)),
            )
            who, program = graph.value(f, who_pred), graph.value(f, KG.program)
            if who is not None and str(who) in nodes:
                edges.add(ViewEdge(str(who), str(f), edge_label))
            if program is not None and str(program) in nodes:
                edges.add(ViewEdge(str(f), str(program), "项目"))
    for pred, label in LINK_LABELS.items():
        for s, o in graph.subject_objects(pred):
            if str(s) in nodes and str(o) in nodes:
                edges.add(ViewEdge(str(s), str(o), label))
    for s, o in graph.subject_objects(SDO.containedInPlace):
        if str(s) in nodes and str(o) in nodes:
            edges.add(ViewEdge(str(s), str(o), "属于"))
    return sorted(nodes.values(), key=lambda n: n.id), sorted(
        edges, key=lambda e: (e.source, e.target, e.label)
    )


def render_graph_html(graph: Graph, title: str = "union-kg", max_nodes: int | None = None) -> str:
    """The self-contained HTML page for ``graph``: all of it while its view has at most
    ``max_nodes`` nodes (default :data:`kg.subgraph.MAX_VIEW_NODES`, what a browser draws
    smoothly), else a summary that says so (see :mod:`kg.subgraph`)."""
    from kg.source import RdflibSource
    from kg.subgraph import MAX_VIEW_NODES, select_view

    selection = select_view(RdflibSource(graph), max_nodes=max_nodes or MAX_VIEW_NODES)
    return selection.html(title)
