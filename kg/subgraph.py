"""Which part of a graph the HTML view draws, chosen by SPARQL on a :class:`~kg.source.GraphSource`.

A browser draws a few hundred nodes smoothly (README, "How big a view stays smooth"); a corpus
of a thousand articles gives twenty thousand. :func:`select_view` therefore draws

* the **whole** graph when its view has at most ``max_nodes`` nodes: exactly
  :func:`kg.draw.graph_to_view`, as before;
* above that, a **summary**: entities (people, organizations, places, programs) joined by their
  strongest links, a link's strength being the number of evidence sentences behind it (posts
  held, programs run, targets set, achievements; plain structural links such as 位于 count one),
  the strongest kept first while the node count stays within ``max_nodes``; facts are folded
  into the entities' tooltips (a program's counts of targets and achievements, a person's posts);
* ``focus``: the entities within N hops of a named entity (a hop is a direct link, or one fact
  joining two entities: a post joins a person and an organization), drawn in full with their
  facts and evidence when that fits, folded like the summary when it does not;
* ``query``: the triples a user's CONSTRUCT returns.

Every selection is SPARQL on the source (aggregates, ``VALUES`` lists of at most ``max_nodes``
IRIs), so an Oxigraph store of millions of triples does the work and only a few hundred rows or a
small rdflib graph reach Python; that graph goes to the existing drawing code
(:func:`kg.draw.graph_to_view`, :func:`kg.view.render_html`), which escapes all article text.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache

from rdflib import RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.draw import ENTITY_CLASSES, LINK_LABELS, graph_to_view
from kg.errors import KgError, QueryError
from kg.ontology import KG, ORG, SDO, ontology_graph
from kg.source import GraphSource, OxigraphSource, RdflibSource
from kg.view import ViewEdge, ViewNode, render_html

MAX_VIEW_NODES = 500
"""Default node limit of a drawn view, measured in headless Chromium (README, "How big a view
stays smooth"): up to about 500 nodes a frame takes under 16.7 ms (60 frames a second while
dragging or zooming), the first picture comes within ~8 s and no task blocks the page for more
than ~0.8 s; from ~700 nodes a frame misses 60 Hz and loading blocks the page for over a second,
at 2,000 a frame takes ~65 ms and the page freezes for 3 s."""

EDGES_PER_NODE = 2  # a summary keeps at most this many links per node allowed (~ a real view's)
LINK_ROWS_PER_NODE = 20  # strongest links fetched per node allowed, for the greedy selection
FOCUS_FACT_ROLES = (ORG.member, ORG.organization, KG.setBy, KG.achievedBy, KG.program)
FOCUS_FACT_CLASSES = (KG.PostHolding, KG.Target, KG.Achievement)
SUMMARY_GROUPS = frozenset({"person", "org", "place", "program"})
MAX_POSTS_SHOWN = 8  # a person's posts listed in a summary tooltip

_PREFIXES = (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    f"PREFIX kg: <{KG._NS}>\nPREFIX org: <{ORG}>\nPREFIX schema: <{SDO}>\n"
)

# Links of the summary: (kind, SPARQL pattern binding ?s ?t and ?ev, the edge's label). A fact's
# evidence nodes are its weight; a structural link binds ?ev to ?s, i.e. counts one. Kinds come
# in classes (person-organization, organization-program, ...), ranked apart and taken in turn,
# so that the heavy organization-program links do not crowd out the people and the places.
_LINK_CLASSES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "posts": (
        (
            "post",
            "?f a kg:PostHolding ; org:member ?s ; org:organization ?t ; kg:evidence ?ev . "
            "OPTIONAL { ?f org:role ?r . ?r rdfs:label ?rl } OPTIONAL { ?f kg:former ?fm } "
            'BIND(CONCAT(IF(BOUND(?fm), "原", ""), COALESCE(?rl, "")) AS ?role)',
            "任职于",
        ),
    ),
    "programs": (
        ("run", "?f a kg:ProgramRun ; kg:runBy ?s ; kg:program ?t ; kg:evidence ?ev .", "实施"),
        ("target", "?f a kg:Target ; kg:setBy ?s ; kg:program ?t ; kg:evidence ?ev .", "目标"),
        (
            "achievement",
            "?f a kg:Achievement ; kg:achievedBy ?s ; kg:program ?t ; kg:evidence ?ev .",
            "成绩",
        ),
        ("edition", "?s kg:editionOf ?t . BIND(?s AS ?ev)", "版本"),
    ),
    "cities": (
        ("city", "?f a kg:ProgramRun ; kg:program ?s ; kg:city ?t ; kg:evidence ?ev .", "城市"),
    ),
    "places": (
        ("located", "?s kg:locatedIn ?t . BIND(?s AS ?ev)", "位于"),
        ("contained", "?s schema:containedInPlace ?t . BIND(?s AS ?ev)", "属于"),
    ),
}
# Article links, only when a focus drew articles into reach.
_ARTICLE_LINKS = tuple(
    (f"a_{pred.fragment}", f"?s kg:{pred.fragment} ?t . ?s a kg:Article . BIND(?s AS ?ev)", label)
    for pred, label in LINK_LABELS.items()
    if pred in (KG.interviewee, KG.reporter, KG.correspondent, KG.photographer, KG.editor, KG.city)
)
_KIND_LABELS = {
    kind: label for kinds in (*_LINK_CLASSES.values(), _ARTICLE_LINKS) for kind, _, label in kinds
}

# Facts folded into an entity's tooltip: (predicate pointing at the entity, class of the node
# pointing, tooltip field).
_FOLDS = (
    (ORG.member, KG.PostHolding, "担任职务 posts held"),
    (ORG.organization, KG.PostHolding, "本组织职务 posts in it"),
    (KG.runBy, KG.ProgramRun, "实施项目 program runs"),
    (KG.program, KG.ProgramRun, "实施 runs"),
    (KG.setBy, KG.Target, "制定目标 targets set"),
    (KG.program, KG.Target, "目标 targets"),
    (KG.achievedBy, KG.Achievement, "取得成绩 achievements"),
    (KG.program, KG.Achievement, "成绩 achievements"),
    (KG.city, KG.ProgramRun, "在此实施 program runs here"),
    (KG.locatedIn, ORG.Organization, "所在组织 organizations here"),
    (KG.interviewee, KG.Article, "受访 interviews"),
    (SDO.mentions, KG.Article, "提及文章 articles"),
)
_FOLD_CLASSES = tuple(dict.fromkeys(cls for _, cls, _ in _FOLDS))

SUMMARY_PREDICATES = frozenset(
    {
        *(RDF.type, RDFS.label, SKOS.altLabel, ORG.member, ORG.organization, ORG.role, KG.former),
        *(KG.evidence, KG.runBy, KG.program, KG.setBy, KG.achievedBy, KG.editionOf, KG.city),
        *(KG.locatedIn, SDO.containedInPlace, KG.interviewee, SDO.mentions),
    }
)
"""Every predicate the whole graph's summary reads (:func:`count_view_nodes`,
:func:`summary_view`: the links, the folds, the tooltips): a build that fills a store only to
draw its summary fills it with these triples alone (about 57% of the links of a large graph;
values, measures, periods and provenance are never drawn). Tested against the queries' text."""

_FACT_GROUPS = {
    KG.PostHolding: "post",
    KG.Target: "target",
    KG.Achievement: "achievement",
    ORG.Role: "role",
    KG.Evidence: "evidence",
    KG.ProgramRun: "program run",
}
_OTHER_PREDICATE_LABELS = {
    ORG.member: "成员",
    ORG.organization: "组织",
    ORG.role: "职位",
    SDO.mentions: "提及",
    SDO.containedInPlace: "属于",
}
_LABEL_PREDICATES = (RDFS.label, SKOS.prefLabel, SDO.name, SDO.headline, KG.sentence)


@dataclass(frozen=True)
class ViewSelection:
    """What to draw, and what the page says about it (``notice``: empty for the whole graph)."""

    kind: str  # "full", "summary", "focus", "query"
    nodes: list[ViewNode]
    edges: list[ViewEdge]
    notice: tuple[str, ...] = ()
    total_nodes: int | None = None  # nodes of the whole graph's view, when counted

    def html(self, title: str = "union-kg") -> str:
        return render_html(self.nodes, self.edges, title=title, notice=self.notice)


# --- SPARQL helpers -------------------------------------------------------------------------


def _values(var: str, terms: Iterable[Node]) -> str:
    return f"VALUES ?{var} {{ {' '.join(t.n3() for t in terms)} }}"


def _union(scope: str, branches: Iterable[str]) -> str:
    """``{ scope A } UNION { scope B } …``: a VALUES block repeated inside every branch.
    Oxigraph evaluates a UNION before joining it with a VALUES block outside it (8 s instead
    of 0.06 s for the links of 100 entities in a 1,000-article store)."""
    return " UNION ".join(f"{{ {scope} {branch} }}" for branch in branches)


def _select(source: GraphSource, query: str) -> list[tuple]:
    result = source.query(_PREFIXES + query)
    return list(result.rows)


def _select_many(source: GraphSource, queries: Sequence[str]) -> list[list[tuple]]:
    """The rows of several independent queries, in order; on an Oxigraph store evaluated at
    once, in threads: pyoxigraph releases the GIL while it evaluates (two 2.2 s counts on the
    10,000-article store took 1.7 s together). rdflib is not, and is left sequential."""
    if len(queries) <= 1 or not isinstance(source, OxigraphSource):
        return [_select(source, q) for q in queries]
    with ThreadPoolExecutor(max_workers=len(queries), thread_name_prefix="kg-view") as pool:
        return list(pool.map(lambda q: _select(source, q), queries))


def _int(term: object) -> int:
    return int(term.toPython()) if isinstance(term, Literal) else 0


_ENTITY_CLASS_IRIS = tuple(dict.fromkeys(cls for cls, _ in ENTITY_CLASSES))


def _entity_values(var: str = "cls") -> str:
    return _values(var, _ENTITY_CLASS_IRIS)


# --- the whole graph ------------------------------------------------------------------------


def count_view_nodes(source: GraphSource) -> int:
    """How many nodes :func:`kg.draw.graph_to_view` would draw for the whole graph, counted in
    the store: entities, posts between two drawn entities, targets and achievements. The three
    kinds have disjoint classes, so they are counted apart and added: one ``COUNT(DISTINCT)``
    over their ``UNION`` took twice as long on the 10,000-article store (3.3 s). Posts are
    joined from subqueries, which Oxigraph joins by hashing (2.1 s with ``FILTER EXISTS`` on
    each post's two ends, 0.5 s so)."""
    entities = f"{_entity_values()} ?e a ?cls FILTER(isIRI(?e))"
    parts = (
        f"{_entity_values()} ?n a ?cls FILTER(isIRI(?n))",
        f"""{{ SELECT ?n WHERE {{ ?n a kg:PostHolding }} }}
            {{ SELECT ?n ?p WHERE {{ ?n org:member ?p }} }}
            {{ SELECT ?n ?o WHERE {{ ?n org:organization ?o }} }}
            {{ SELECT DISTINCT (?e AS ?p) WHERE {{ {entities} }} }}
            {{ SELECT DISTINCT (?e AS ?o) WHERE {{ {entities} }} }}""",
        "VALUES ?fc { kg:Target kg:Achievement } ?n a ?fc",
    )
    queries = [f"SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE {{ {where} }}" for where in parts]
    return sum(_int(rows[0][0]) for rows in _select_many(source, queries))


def _oxigraph_copy(graph: Graph, description: str) -> OxigraphSource:
    """An rdflib graph copied into an in-memory Oxigraph store, queried like a store.

    rdflib evaluates a join with a ``VALUES`` list by scanning the graph (an aggregate over 500
    chosen entities takes minutes on a 100-article graph); Oxigraph answers the same query in a
    fraction of a second, and copying costs about a second per 60,000 triples."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return OxigraphSource.of_store(store, description)


def _fast(source: GraphSource) -> GraphSource:
    """The source to run the selection queries on: an rdflib graph goes to Oxigraph."""
    if isinstance(source, RdflibSource):
        return _oxigraph_copy(source.graph, source.description)
    return source


def _whole_graph(source: GraphSource) -> Graph:
    if isinstance(source, RdflibSource):
        return source.graph
    return source.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")


# --- summary --------------------------------------------------------------------------------


Link = tuple[URIRef, URIRef, int, str]  # source, target, evidence count, edge label


def _links(source: GraphSource, within: Sequence[URIRef] | None, limit: int) -> list[list[Link]]:
    """The strongest links between entities, one list per class of link, strongest first
    (ties by IRI, so that the choice is deterministic), at most ``limit`` each; ``within``: all
    the links among these entities, articles' links too."""
    classes = list(_LINK_CLASSES.values()) + ([_ARTICLE_LINKS] if within else [])
    scope = _values("s", within) if within else ""
    inside = set(within or ())
    queries = []
    for kinds in classes:
        branches = _union(
            scope,
            (
                f'{pattern} BIND("{kind}" AS ?kind) {"" if kind == "post" else _NO_ROLE}'
                for kind, pattern, _ in kinds
            ),
        )
        queries.append(
            f"""SELECT ?s ?t (COUNT(DISTINCT ?ev) AS ?w)
                     (GROUP_CONCAT(DISTINCT ?kind; separator="|") AS ?kinds)
                     (GROUP_CONCAT(DISTINCT ?role; separator="|") AS ?roles)
            WHERE {{ {{ {branches} }} FILTER(isIRI(?s) && isIRI(?t) && ?s != ?t) }}
            GROUP BY ?s ?t ORDER BY DESC(?w) ?s ?t {"" if within else f"LIMIT {limit}"}"""
        )
    found = []
    for rows in _select_many(source, queries):
        found.append(
            [
                (s, t, _int(w), _link_label(str(kinds), roles))
                for s, t, w, kinds, roles in rows
                if not within or t in inside
            ]
        )
    return found


def _in_turn(lists: Sequence[Sequence[Link]]) -> list[Link]:
    """The first of each list, then the second of each, …: each class's strongest first."""
    out = []
    for rank in range(max((len(x) for x in lists), default=0)):
        out += [x[rank] for x in lists if rank < len(x)]
    return out


# rdflib's GROUP_CONCAT fails on an unbound value: every branch binds ?role (empty if none).
_NO_ROLE = 'BIND("" AS ?role)'


def _link_label(kinds: str, roles: object) -> str:
    """An edge's label: the posts' roles for a post link (党组书记、常务副主席), else the kinds."""
    parts = []
    for kind in sorted(set(kinds.split("|")) - {""}, key=list(_KIND_LABELS).index):
        if kind == "post" and str(roles).strip("|"):
            names = sorted(set(str(roles).split("|")) - {""})
            parts.append("、".join(names[:2]) + ("等" if len(names) > 2 else ""))
        else:
            parts.append(_KIND_LABELS[kind])
    return "·".join(parts)


def _entity_nodes(source: GraphSource, iris: Sequence[URIRef]) -> dict[URIRef, ViewNode]:
    """ViewNodes for entities with their facts folded into the tooltip (counts per kind, a
    person's posts, a program's cities); four aggregate queries over the chosen IRIs."""
    if not iris:
        return {}
    values = _values("e", iris)
    info: dict[URIRef, dict] = defaultdict(lambda: {"types": set(), "labels": set(), "alts": ""})
    names, posts, cities, incoming = _select_many(
        source,
        [
            f"""SELECT ?e ?cls (SAMPLE(?l) AS ?label)
                  (GROUP_CONCAT(DISTINCT ?alt; separator="、") AS ?alts)
            WHERE {{ {values} {_entity_values()} ?e a ?cls .
                 OPTIONAL {{ ?e rdfs:label ?l0 }} OPTIONAL {{ ?e skos:altLabel ?alt0 }}
                 BIND(COALESCE(?l0, "") AS ?l) BIND(COALESCE(?alt0, "") AS ?alt) }}
            GROUP BY ?e ?cls""",
            f"""SELECT DISTINCT ?e ?role ?org WHERE {{ {values}
              ?h org:member ?e ; org:organization ?o .
              OPTIONAL {{ ?h org:role ?r . ?r rdfs:label ?title }}
              OPTIONAL {{ ?o rdfs:label ?org }} OPTIONAL {{ ?h kg:former ?former }}
              BIND(IF(BOUND(?former), CONCAT("原", ?title), ?title) AS ?role) }}""",
            f"""SELECT ?e (COUNT(DISTINCT ?c) AS ?n)
                  (GROUP_CONCAT(DISTINCT ?cl; separator="、") AS ?cs)
            WHERE {{ {values} ?f a kg:ProgramRun ; kg:program ?e ; kg:city ?c .
                 OPTIONAL {{ ?c rdfs:label ?cl0 }} BIND(COALESCE(?cl0, "") AS ?cl) }}
            GROUP BY ?e""",
            # counts of every (predicate, class of _FOLDS) pointing at the entities; the wanted
            # pairs are picked below (a VALUES list of pairs, or a UNION per pair, is far
            # slower). Two subqueries, so that Oxigraph joins them by hashing: joined triple by
            # triple, it looked up the class of every node pointing at a hub (an article for
            # each mention of 广东省) and took 4.5 s on the 10,000-article store, 0.7 s so.
            f"""SELECT ?e ?p ?fc (COUNT(?f) AS ?n) WHERE {{
              {{ SELECT ?e ?p ?f WHERE {{ {values} ?f ?p ?e }} }}
              {{ SELECT ?f ?fc WHERE {{ {_values("fc", _FOLD_CLASSES)} ?f a ?fc }} }} }}
            GROUP BY ?e ?p ?fc""",
        ],
    )
    for e, cls, label, alts in names:
        info[e]["types"].add(cls)
        if label:
            info[e]["labels"].add(str(label))
        if str(alts or "").strip("、"):
            info[e]["alts"] = "、".join(sorted(set(str(alts).split("、")) - {""}))
    details: dict[URIRef, list[tuple[str, str]]] = defaultdict(list)
    for e, role, org in sorted(posts, key=lambda row: tuple(str(x) for x in row)):
        details[e].append(("职务", f"{role or ''} · {org or ''}"))
    for e, lines in details.items():
        if len(lines) > MAX_POSTS_SHOWN:
            details[e] = [
                *lines[:MAX_POSTS_SHOWN],
                ("职务", f"… 另有 {len(lines) - MAX_POSTS_SHOWN} 项 more"),
            ]
    for e, n, labels in cities:
        listed = "、".join(sorted(set(str(labels or "").split("、")) - {""}))
        details[e].append(("城市 cities", f"{_int(n)}: {listed}"))
    counts = {(e, p, fc): _int(n) for e, p, fc, n in incoming}
    nodes = {}
    for e in iris:
        group = next((g for cls, g in ENTITY_CLASSES if cls in info[e]["types"]), None)
        if group is None:
            continue
        lines = [("别名", info[e]["alts"])] if info[e]["alts"] else []
        lines += details[e]
        lines += [(name, str(counts[e, p, c])) for p, c, name in _FOLDS if counts.get((e, p, c))]
        label = min(info[e]["labels"], default=str(e))
        nodes[e] = ViewNode(str(e), label, group, tuple(lines))
    return nodes


def summary_view(
    source: GraphSource,
    max_nodes: int = MAX_VIEW_NODES,
    within: Sequence[URIRef] | None = None,
) -> tuple[list[ViewNode], list[ViewEdge]]:
    """Entities and their strongest links, at most ``max_nodes`` nodes and
    ``EDGES_PER_NODE * max_nodes`` edges. Links are taken strongest first; one whose new
    endpoints would not fit is skipped, so a weaker link is never kept in place of a stronger
    one that fits. Classes of links (posts, programs, program cities, places) are taken in
    turn, each strongest first. ``within``: only these entities (a focus), all of them drawn,
    articles too."""
    rows = _in_turn(_links(source, within, LINK_ROWS_PER_NODE * max_nodes))
    chosen: dict[URIRef, None] = dict.fromkeys(within or ())
    kept: list[Link] = []
    for s, t, weight, label in rows:
        if len(kept) >= EDGES_PER_NODE * max_nodes:
            break
        new = [x for x in (s, t) if x not in chosen]
        if len(chosen) + len(new) > max_nodes:
            continue
        chosen.update(dict.fromkeys(new))
        kept.append((s, t, weight, label))
    nodes = _entity_nodes(source, list(chosen))
    if within is None:  # the summary draws entities only; a focus keeps what it reached
        nodes = {k: v for k, v in nodes.items() if v.group in SUMMARY_GROUPS}
    edges = [
        ViewEdge(str(s), str(t), label, weight)
        for s, t, weight, label in kept
        if s in nodes and t in nodes
    ]
    return sorted(nodes.values(), key=lambda n: n.id), edges


# --- focus ----------------------------------------------------------------------------------


def find_entities(source: GraphSource, name: str) -> list[URIRef]:
    """The entities whose label or alias is ``name`` (all of them when several share it).
    None is a :class:`KgError` naming the close matches."""
    lits = " ".join(term.n3() for term in (Literal(name), Literal(name, lang="zh")))
    rows = _select(
        source,
        f"""SELECT DISTINCT ?e WHERE {{
          VALUES ?l {{ {lits} }} VALUES ?p {{ rdfs:label skos:altLabel schema:name }}
          ?e ?p ?l . FILTER EXISTS {{ {_entity_values()} ?e a ?cls }} FILTER(isIRI(?e)) }}
        ORDER BY ?e""",
    )
    if rows:
        return [row[0] for row in rows]
    labels = sorted(
        {
            str(row[0])
            for row in _select(
                source,
                f"""SELECT DISTINCT ?l WHERE {{ {_entity_values()} ?e a ?cls .
                  VALUES ?p {{ rdfs:label skos:altLabel }} ?e ?p ?l }}""",
            )
        }
    )
    close = difflib.get_close_matches(name, labels, n=8, cutoff=0.5)
    close += [x for x in labels if name in x and x not in close][: 10 - len(close)]
    hint = f"; close matches: {', '.join(close)}" if close else "; no close match either"
    raise KgError(
        f"--focus {name!r}: no person, organization, place, program or article has "
        f"this name or alias{hint}"
    )


def neighbourhood(
    source: GraphSource, seeds: Sequence[URIRef], hops: int, budget: int
) -> tuple[list[URIRef], bool]:
    """Entities within ``hops`` of ``seeds``, nearest first, at most ``budget`` of them.

    A hop is a direct link the view draws (位于, 受访者, 实施 …, either direction) or one fact
    joining two entities (a post: person and organization; a target or an achievement: who and
    the program). When a hop reaches more than fit, the most strongly linked (most paths to the
    entities already in reach) are kept and the second value is True."""
    reach = list(dict.fromkeys(seeds))[:budget]
    truncated = len(reach) < len(set(seeds))
    frontier = list(reach)
    direct = _values("p", [*LINK_LABELS, SDO.containedInPlace])
    for _ in range(hops):
        if not frontier or truncated:
            break
        room = budget - len(reach)
        branches = _union(
            _values("e", frontier),
            (
                f"{direct} ?e ?p ?n",
                f"{direct} ?n ?p ?e",
                f"{_values('r1', FOCUS_FACT_ROLES)} ?f ?r1 ?e . {_values('r2', FOCUS_FACT_ROLES)}"
                f" ?f ?r2 ?n . {_values('fc', FOCUS_FACT_CLASSES)} ?f a ?fc",
            ),
        )
        rows = _select(
            source,
            f"""SELECT ?n (COUNT(*) AS ?w) WHERE {{ {{ {branches} }}
              FILTER(isIRI(?n) && ?n != ?e)
              FILTER EXISTS {{ {_entity_values()} ?n a ?cls }} }}
            GROUP BY ?n ORDER BY DESC(?w) ?n LIMIT {room + len(reach) + 1}""",
        )
        known = set(reach)
        new = [row[0] for row in rows if row[0] not in known]
        if len(new) > room:
            new, truncated = new[:room], True
        reach += new
        frontier = new
    return reach, truncated


def focus_facts(source: GraphSource, entities: Sequence[URIRef]) -> list[URIRef]:
    """The posts, targets and achievements among ``entities``: every participant (member and
    organization; who and program) is one of them."""
    inside = set(entities)
    participants: dict[Node, set[Node]] = defaultdict(set)
    for f, x in _select(
        source,
        f"""SELECT DISTINCT ?f ?x WHERE {{ {_values("e", entities)}
          {_values("r", FOCUS_FACT_ROLES)} ?f ?r ?e . {_values("fc", FOCUS_FACT_CLASSES)} ?f a ?fc .
          {_values("r2", FOCUS_FACT_ROLES)} ?f ?r2 ?x }}""",
    ):
        participants[f].add(x)
    return sorted(f for f, xs in participants.items() if xs <= inside and isinstance(f, URIRef))


def focus_graph(source: GraphSource, entities: Sequence[URIRef], facts: Sequence[URIRef]) -> Graph:
    """The small graph :func:`kg.draw.graph_to_view` needs to draw ``entities`` and ``facts``
    in full: types, labels, aliases and links of the entities; the facts' triples, evidence
    sentences (with their articles' files) and roles' labels."""
    direct = _values("p", [*LINK_LABELS, SDO.containedInPlace])
    about_entities = _union(
        _values("e", entities),
        (
            "?e a ?t",
            "?e rdfs:label ?l",
            "?e skos:altLabel ?al",
            "?e kg:sourceFile ?sf",
            f"{direct} ?e ?p ?x",
        ),
    )
    g = source.construct(
        _PREFIXES
        + "CONSTRUCT { ?e a ?t . ?e rdfs:label ?l . ?e skos:altLabel ?al ."
        + f" ?e kg:sourceFile ?sf . ?e ?p ?x }} WHERE {{ {about_entities} }}"
    )
    if facts:
        about_facts = _union(
            _values("f", facts),
            (
                "?f ?p ?o",
                "?f kg:evidence ?ev . ?ev ?ep ?eo",
                "?f kg:evidence/kg:inArticle ?a . ?a kg:sourceFile ?file",
                "?f org:role ?r . ?r rdfs:label ?rl",
            ),
        )
        g += source.construct(
            _PREFIXES
            + "CONSTRUCT { ?f ?p ?o . ?ev ?ep ?eo . ?a kg:sourceFile ?file . ?r rdfs:label ?rl }"
            + f" WHERE {{ {about_facts} }}"
        )
    return g


# --- a user's CONSTRUCT ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def _predicate_labels() -> dict[URIRef, str]:
    onto = ontology_graph()
    labels = {
        p: str(label)
        for p, label in onto.subject_objects(RDFS.label)
        if isinstance(label, Literal) and label.language == "zh"
    }
    return {**labels, **_OTHER_PREDICATE_LABELS, **LINK_LABELS}


def _local_name(term: Node) -> str:
    text = str(term)
    return text.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


def triples_view(
    graph: Graph, source: GraphSource, max_nodes: int = MAX_VIEW_NODES
) -> tuple[list[ViewNode], list[ViewEdge]]:
    """Draw any triples: every subject and resource object is a node (coloured by its type,
    named by its label, looked up in ``source`` when the triples lack them), every triple
    between two nodes an edge labelled by its predicate, literal values tooltip lines."""
    ids: dict[Node, None] = {}
    for s, p, o in sorted(graph):
        ids.setdefault(s)
        if p != RDF.type and not isinstance(o, Literal):
            ids.setdefault(o)
    if len(ids) > max_nodes:
        raise KgError(
            f"--query: the CONSTRUCT gives {len(ids)} nodes, more than the {max_nodes} a view "
            "draws smoothly; narrow its WHERE or add a LIMIT (or raise --max-nodes)"
        )
    types: dict[Node, set[Node]] = defaultdict(set)
    labels: dict[Node, str] = {}
    for s, o in graph.subject_objects(RDF.type):
        types[s].add(o)
    for pred in reversed(_LABEL_PREDICATES):
        for s, o in graph.subject_objects(pred):
            labels[s] = str(o)
    missing = [n for n in ids if isinstance(n, URIRef) and (n not in types or n not in labels)]
    if missing:
        for e, t, label in _select(
            source,
            f"""SELECT ?e ?t ?l WHERE {{ {_values("e", missing)}
              {{ ?e a ?t }} UNION {{ ?e rdfs:label ?l }} }}""",
        ):
            if t is not None:
                types[e].add(t)
            if label is not None:
                labels.setdefault(e, str(label))
    class_groups = {**dict(ENTITY_CLASSES), **_FACT_GROUPS}
    plabels = _predicate_labels()
    details: dict[Node, list[tuple[str, str]]] = defaultdict(list)
    edges = []
    for s, p, o in sorted(graph):
        if p == RDF.type:
            continue
        name = plabels.get(p, _local_name(p))
        if isinstance(o, Literal):
            details[s].append((name, str(o)))
        else:
            edges.append(ViewEdge(_node_id(s), _node_id(o), name))
    nodes = []
    for n in ids:
        group = next(
            (g for cls, g in class_groups.items() if cls in types[n]),
            _local_name(min(types[n])) if types[n] else "other",
        )
        label = labels.get(n) or (_local_name(n) if isinstance(n, URIRef) else f"_:{n}")
        nodes.append(ViewNode(_node_id(n), label, group, tuple(details[n][:20])))
    return nodes, edges


def _node_id(term: Node) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


# --- choosing -------------------------------------------------------------------------------


def select_view(
    source: GraphSource,
    *,
    focus: str | None = None,
    hops: int = 1,
    query: str | None = None,
    max_nodes: int = MAX_VIEW_NODES,
) -> ViewSelection:
    """What the view of ``source`` draws: the whole graph when it fits in ``max_nodes``, else
    a summary; or the neighbourhood of ``focus``; or the triples of a CONSTRUCT ``query``."""
    if focus is not None and query is not None:
        raise KgError("--focus and --query choose different parts of the graph: pass one")
    if query is not None:
        result = source.query(query)  # the user's query, on the source as `kg query` runs it
        if result.graph is None:
            kind = "an ASK query returns yes or no" if result.boolean is not None else ""
            kind = kind or "a SELECT query returns rows"
            raise QueryError(
                f"--query needs a CONSTRUCT (or DESCRIBE) query: {kind}, not triples to draw "
                "(e.g. CONSTRUCT { ?p org:member ?o } WHERE { … })"
            )
        nodes, edges = triples_view(result.graph, _fast(source), max_nodes)
        notice = (
            f"查询视图 Query view: CONSTRUCT 的 {len(result.graph)} 条三元组 triples, "
            f"{len(nodes)} 个节点 nodes.",
        )
        return ViewSelection("query", nodes, edges, notice)
    fast = _fast(source)
    if focus is not None:
        return _focus(fast, focus, hops, max_nodes)
    total = count_view_nodes(fast)
    if total <= max_nodes:
        nodes, edges = graph_to_view(_whole_graph(source))
        return ViewSelection("full", nodes, edges, total_nodes=total)
    nodes, edges = summary_view(fast, max_nodes)
    notice = (
        f"摘要视图 Summary: 全图有 {total} 个节点，超过流畅绘制的上限 {max_nodes}。"
        f"这里只画出 {len(nodes)} 个实体（人物、组织、地点、项目）和它们之间证据最多的 "
        f"{len(edges)} 条联系；职务、项目实施、目标、成绩折叠在节点的提示里（悬停查看）。",
        f"The whole graph has {total} nodes, more than the {max_nodes} a browser draws "
        "smoothly: this page is a summary, showing entities and their strongest links "
        "(by evidence), with facts folded into the tooltips.",
        "画出更多 Draw more: kg view --focus 名称 --hops 2（某实体周围 around one entity）"
        " · kg view --query 查询.rq（CONSTRUCT 的结果 a CONSTRUCT's triples）"
        " · kg view --max-nodes N（更大的上限 a higher limit）",
    )
    return ViewSelection("summary", nodes, edges, notice, total)


def _focus(source: GraphSource, name: str, hops: int, max_nodes: int) -> ViewSelection:
    if hops < 0:
        raise KgError(f"--hops {hops}: must be 0 or more")
    seeds = find_entities(source, name)
    reach, truncated = neighbourhood(source, seeds, hops, max_nodes)
    facts = focus_facts(source, reach)
    folded = len(reach) + len(facts) > max_nodes  # the nodes graph_to_view would draw
    if not folded:
        nodes, edges = graph_to_view(focus_graph(source, reach, facts))
    else:
        nodes, edges = summary_view(source, max_nodes, within=reach)
    notice = [
        f"焦点视图 Focus: {name}（{len(seeds)} 个实体 entities）周围 {hops} 跳内 within "
        f"{hops} hops: {len(reach)} 个实体 entities, {len(nodes)} 个节点 nodes."
    ]
    if truncated:
        notice.append(
            f"可及的实体超过上限 {max_nodes}，只保留联系最强的 More entities are in reach than "
            f"the limit of {max_nodes}: the most strongly linked are kept (try fewer --hops)."
        )
    if folded:
        notice.append(
            "事实（职务、目标、成绩）折叠在节点提示里 Facts are folded into the tooltips: "
            "drawn in full they would exceed the limit."
        )
    return ViewSelection("focus", nodes, edges, tuple(notice))
