"""From an RDF graph to the interactive HTML view.

Drawn: people, organizations, places, articles, and each post held as a small node between its
person and organization (so its evidence has a tooltip of its own). Roles are folded into the
post's label; evidence nodes are folded into tooltips (sentence, article, offsets). Reading the
graph through SPARQL means the view works on any graph file, not only a fresh build.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import SKOS, Graph

from kg.ontology import KG, SDO
from kg.view import ViewEdge, ViewNode, render_html

_NODES = """
PREFIX kg: <http://example.org/union-kg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?n ?label ?group WHERE {
  { ?n a schema:Person . BIND("person" AS ?group) }
  UNION { ?n a org:Organization . BIND("org" AS ?group) }
  UNION { ?n a kg:CollectiveByline . BIND("org" AS ?group) }
  UNION { ?n a schema:City . BIND("place" AS ?group) }
  UNION { ?n a schema:AdministrativeArea . BIND("place" AS ?group) }
  UNION { ?n a kg:Article . BIND("article" AS ?group) }
  UNION { ?n a kg:Program . BIND("program" AS ?group) }
  ?n rdfs:label ?label .
}
"""

_POSTS = """
PREFIX kg: <http://example.org/union-kg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?h ?p ?o ?role ?sentence ?file ?start ?end WHERE {
  ?h a kg:PostHolding ; org:member ?p ; org:organization ?o ; org:role/rdfs:label ?role ;
     kg:evidence ?ev .
  ?ev kg:sentence ?sentence ; kg:inArticle/kg:sourceFile ?file ; kg:start ?start ; kg:end ?end .
}
"""

_FIGURES = """
PREFIX kg: <http://example.org/union-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?f ?group ?label ?who ?program ?sentence ?file ?start ?end WHERE {
  { ?f a kg:Target . BIND("target" AS ?group) OPTIONAL { ?f kg:setBy ?who } }
  UNION { ?f a kg:Achievement . BIND("achievement" AS ?group) OPTIONAL { ?f kg:achievedBy ?who } }
  ?f rdfs:label ?label ; kg:evidence ?ev .
  OPTIONAL { ?f kg:program ?program }
  ?ev kg:sentence ?sentence ; kg:inArticle/kg:sourceFile ?file ; kg:start ?start ; kg:end ?end .
}
"""

_LINKS = {
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


def graph_to_view(graph: Graph) -> tuple[list[ViewNode], list[ViewEdge]]:
    """The nodes and edges to draw for ``graph``."""
    nodes: dict[str, ViewNode] = {}
    group_of: dict[str, str] = {}
    for row in graph.query(_NODES):
        n, label, group = (str(x) for x in row)
        if n in group_of:
            continue
        aliases = "、".join(sorted(str(a) for a in graph.objects(row[0], SKOS.altLabel)))
        details = [("类型", group), ("IRI", n)]
        if aliases:
            details.append(("别名", aliases))
        if group == "article":
            file = graph.value(row[0], KG.sourceFile)
            details.append(("文件", str(file)))
        group_of[n] = group
        nodes[n] = ViewNode(n, label, group, tuple(details))
    evidence: dict[str, list[tuple[str, str, int, int]]] = defaultdict(list)
    posts: dict[str, tuple[str, str, str]] = {}
    for h, p, o, role, sentence, file, start, end in graph.query(_POSTS):
        posts[str(h)] = (str(p), str(o), str(role))
        evidence[str(h)].append((str(file), str(sentence), int(start), int(end)))
    edges: set[ViewEdge] = set()
    for h, (p, o, role) in posts.items():
        if p not in nodes or o not in nodes:
            continue
        details = [("人物", nodes[p].label), ("职务", role), ("组织", nodes[o].label)]
        for file, sentence, start, end in sorted(evidence[h])[:5]:
            details += [("句子", sentence), ("文章", f"{file} [{start}:{end}]")]
        nodes[h] = ViewNode(h, role, "post", tuple(details))
        edges.add(ViewEdge(p, h, "担任"))
        edges.add(ViewEdge(h, o, "任职于"))
    figures: dict[str, dict] = {}
    for f, group, label, who, program, sentence, file, start, end in graph.query(_FIGURES):
        item = figures.setdefault(
            str(f),
            {"group": str(group), "label": str(label), "who": who, "program": program, "ev": []},
        )
        item["ev"].append((str(file), str(sentence), int(start), int(end)))
    for f, item in figures.items():
        parts = item["label"].split(" · ")
        details = [
            ("类型", "目标 target" if item["group"] == "target" else "成绩 achievement"),
            ("内容", item["label"]),
        ]
        for file, sentence, start, end in sorted(item["ev"])[:3]:
            details += [("句子", sentence), ("文章", f"{file} [{start}:{end}]")]
        nodes[f] = ViewNode(f, " ".join(parts[:2]), item["group"], tuple(details))
        if item["who"] is not None and str(item["who"]) in nodes:
            edges.add(
                ViewEdge(str(item["who"]), f, "目标" if item["group"] == "target" else "成绩")
            )
        if item["program"] is not None and str(item["program"]) in nodes:
            edges.add(ViewEdge(f, str(item["program"]), "项目"))
    for pred, label in _LINKS.items():
        for s, o in graph.subject_objects(pred):
            if str(s) in nodes and str(o) in nodes:
                edges.add(ViewEdge(str(s), str(o), label))
    for s, o in graph.subject_objects(SDO.containedInPlace):
        if str(s) in nodes and str(o) in nodes:
            edges.add(ViewEdge(str(s), str(o), "属于"))
    return sorted(nodes.values(), key=lambda n: n.id), sorted(
        edges, key=lambda e: (e.source, e.target, e.label)
    )


def render_graph_html(graph: Graph, title: str = "union-kg") -> str:
    """The self-contained HTML page for ``graph``."""
    nodes, edges = graph_to_view(graph)
    return render_html(nodes, edges, title=title)
