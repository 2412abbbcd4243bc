"""Entities and facts become RDF.

Shapes (see ``kg/data/ontology.ttl``):

* an article is a ``kg:Article`` (⊑ ``schema:NewsArticle``) named by its content hash;
* people are ``schema:Person``, organizations ``org:Organization`` (with ``kg:TradeUnion`` etc.),
  places ``schema:City`` / ``schema:AdministrativeArea`` linked by ``schema:containedInPlace``;
* a post held is an n-ary ``kg:PostHolding`` (⊑ ``org:Membership``): ``org:member``,
  ``org:role``, ``org:organization``, and one ``kg:evidence`` node per sentence that states it.

Nothing here depends on iteration order of sets or dicts: IRIs are minted from keys and hashes,
and rdflib's Turtle serializer sorts subjects and predicates, so the same input gives the same
bytes.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, TypeVar

from rdflib import RDF as _RDF
from rdflib import RDFS as _RDFS
from rdflib import SKOS as _SKOS
from rdflib import XSD as _XSD
from rdflib import Graph, Literal, URIRef

from kg.gazetteer import places
from kg.iri import entity_iri, hashed_iri
from kg.ontology import DEFAULT_BASE, vocabulary_prefixes
from kg.ontology import KG as _KG
from kg.ontology import ORG as _ORG
from kg.ontology import PROV as _PROV
from kg.ontology import SDO as _SDO
from kg.quantities import format_quantity
from kg.records import Evidence, Fact, Quantity, Ref, held_before
from kg.resolve import Entity, Resolved

T = TypeVar("T")


class _Terms:
    """A namespace whose terms are made once: rdflib makes and validates a new ``URIRef`` on
    every ``NS.name``, which a build of half a million triples did over 700,000 times."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        self.__dict__[name] = term
        return term


RDF, RDFS, SKOS, XSD = _Terms(_RDF), _Terms(_RDFS), _Terms(_SKOS), _Terms(_XSD)
KG, ORG, PROV, SDO = _Terms(_KG), _Terms(_ORG), _Terms(_PROV), _Terms(_SDO)

_ORG_CLASS = {
    "union": KG.TradeUnion,
    "party": KG.PartyCommittee,
    "congress": KG.PeoplesCongress,
    "government": KG.GovernmentBody,
    "department": KG.GovernmentBody,
    "unit": ORG.OrganizationalUnit,  # a union's department or committee
    "hospital": SDO.Hospital,
    "association": ORG.FormalOrganization,  # an employers' association or chamber
    "care": ORG.FormalOrganization,  # a home for the old or for children (养老院, 福利院)
    "company": SDO.Corporation,
    "school": SDO.EducationalOrganization,
}
_ARTICLE_LINKS = {
    "interviewee": KG.interviewee,
    "reporter": KG.reporter,
    "correspondent": KG.correspondent,
    "photographer": KG.photographer,
    "editor": KG.editor,
    "city": KG.city,
    "province": KG.province,
}


class GraphBuilder:
    """Writes resolved records into a sink under one base IRI: an rdflib graph (the default,
    for a notebook and small corpora), a :class:`kg.output.QuadSink` that makes Oxigraph quads
    (for a store), or a :class:`kg.output.TurtleSink` that makes Turtle text.

    The graph is written in pieces (see :func:`emit_steps`): what many records repeat, once
    (:meth:`add_places_and_runs`); entities' and facts' own triples (:meth:`add_entity`,
    :meth:`add_fact`, in batches); and one part per article (what that article alone states:
    its metadata, the entities it mentions, the evidence of each fact read in it), written by
    :meth:`add_article_part` from an :class:`ArticlePart`. A piece depends only on its own
    values, so it can be made in another process, cached, and kept in a named graph."""

    def __init__(self, base: str = DEFAULT_BASE, sink: Any = None) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.g = Graph() if sink is None else sink
        # Term factories: rdflib terms for an rdflib graph; a streaming sink makes its own
        # (Oxigraph terms, without rdflib's per-literal parsing and normalization).
        self.uri: Callable[[str], Any] = getattr(sink, "uri", URIRef)
        self.lit: Callable[..., Any] = getattr(sink, "lit", Literal)
        # Keys of triples already written that records can state again (a place reached from
        # many organizations, a program run by one union in many facts): a streaming sink has
        # no set semantics, so repeats are dropped here. (An article part's repeats are
        # dropped in add_article_part, within the part.)
        self._done: set[tuple[str, ...]] = set()
        for prefix, ns in {**vocabulary_prefixes(), "id": self.base}.items():
            self.g.bind(prefix, ns)

    def _once(self, *key: str) -> bool:
        """True if ``key`` was seen before; remembers it otherwise."""
        if key in self._done:
            return True
        self._done.add(key)
        return False

    def iri(self, ref: Ref) -> URIRef:
        return self.uri(ref_iri(self.base, ref))

    def add_entity(self, e: Entity) -> None:
        node = self.iri(e.ref)
        g = self.g
        if e.ref.kind != "place" or e.label != e.ref.key:  # add_place labels places
            g.add((node, RDFS.label, self.lit(e.label, lang="zh")))
            g.add((node, SDO.name, self.lit(e.label, lang="zh")))
        for alias in e.aliases:
            g.add((node, SKOS.altLabel, self.lit(alias, lang="zh")))
        attrs = dict(e.attrs)
        kind = e.ref.kind
        if kind == "person":
            g.add((node, RDF.type, SDO.Person))
        elif kind == "agent":
            g.add((node, RDF.type, KG.CollectiveByline))
        elif kind == "role":
            g.add((node, RDF.type, ORG.Role))
        elif kind == "org":
            g.add((node, RDF.type, ORG.Organization))
            if attrs.get("kind") in _ORG_CLASS:
                g.add((node, RDF.type, _ORG_CLASS[attrs["kind"]]))
            if attrs.get("place"):  # the place's own triples: add_places
                g.add((node, KG.locatedIn, self.iri(Ref("place", attrs["place"]))))
        elif kind == "program":
            g.add((node, RDF.type, KG.Program))
            if attrs.get("part_of"):
                g.add((node, KG.editionOf, self.iri(Ref("program", attrs["part_of"]))))

    def add_places_and_runs(self, resolved: Resolved) -> None:
        """What many records state again, written once: every place (those of organizations,
        and the places containing them) and the ``kg:runsProgram`` shortcut from a union to a
        program (one per pair, however many facts say so). Made in one process, since the
        repeats cross entities, facts and articles."""
        for e in resolved.entities:
            if e.ref.kind == "place":
                self.add_place(e.ref.key)
            elif e.ref.kind == "org" and (place := dict(e.attrs).get("place")):
                self.add_place(place)
        for f in resolved.facts:
            if f.kind == "runs_program":
                org, program = f.arg("org"), f.arg("program")
                assert isinstance(org, Ref) and isinstance(program, Ref)
                if not self._once("runs", org.key, program.key):
                    self.g.add((self.iri(org), KG.runsProgram, self.iri(program)))

    def add_place(self, name: str) -> None:
        """A place, typed by level, with the chain of places containing it (from the gazetteer)."""
        if self._once("place", name):
            return
        node = self.iri(Ref("place", name))
        g = self.g
        g.add((node, RDFS.label, self.lit(name, lang="zh")))
        g.add((node, SDO.name, self.lit(name, lang="zh")))
        known = places().get(name)
        level = known.level if known else ("city" if name.endswith("市") else "area")
        g.add((node, RDF.type, SDO.City if level == "city" else SDO.AdministrativeArea))
        if known and known.parent:
            g.add((node, SDO.containedInPlace, self.iri(Ref("place", known.parent))))
            self.add_place(known.parent)

    def add_article_part(self, part: ArticlePart) -> None:
        """One article's own triples: the document, the article fact's fields, the links from
        each fact read in it to its evidence there (and to the article), the evidence nodes,
        the entities it mentions. Repeats within the part (two facts on one evidence node, one
        fact read twice in the article) are dropped here: no other part can repeat them."""
        g, lit, uri = self.g, self.lit, self.uri
        node = self.iri(Ref("article", part.sha))
        g.add((node, RDF.type, KG.Article))
        g.add((node, KG.sha256, lit(part.sha)))
        g.add((node, KG.sourceFile, lit(part.name)))
        headlined = False
        for args in part.fields:
            headlined = self._add_article_fields(g, node, args) or headlined
        derived: set[str] = set()
        nodes: set[str] = set()
        for owner_iri, ev in part.evidence:
            owner = uri(owner_iri)
            ev_iri = hashed_iri(
                self.base, "evidence", ev.doc, ev.start, ev.end, ev.rule, ev.sent_start
            )
            ev_node = uri(ev_iri)
            g.add((owner, KG.evidence, ev_node))
            if owner_iri not in derived:
                derived.add(owner_iri)
                g.add((owner, PROV.wasDerivedFrom, node))
            if ev_iri in nodes:
                continue
            nodes.add(ev_iri)
            g.add((ev_node, RDF.type, KG.Evidence))
            g.add((ev_node, KG.inArticle, node))
            g.add((ev_node, KG.sentence, lit(ev.sentence, lang="zh")))
            g.add((ev_node, KG.start, lit(ev.start, datatype=XSD.integer)))
            g.add((ev_node, KG.end, lit(ev.end, datatype=XSD.integer)))
            g.add((ev_node, KG.sentenceStart, lit(ev.sent_start, datatype=XSD.integer)))
            g.add((ev_node, KG.sentenceEnd, lit(ev.sent_end, datatype=XSD.integer)))
            g.add((ev_node, KG.rule, lit(ev.rule)))
        for entity in part.mentions:
            g.add((node, SDO.mentions, uri(entity)))
        if not headlined:  # an article without a headline is labelled by its file
            g.add((node, RDFS.label, lit(part.name)))

    def _add_article_fields(
        self, g: Any, node: URIRef, args: tuple[tuple[str, object], ...]
    ) -> bool:
        """The article fact's fields (its ``source``, the file name, is the document's); true
        if one of them is the headline."""
        headlined = False
        for role, value in args:
            if role == "headline":
                g.add((node, SDO.headline, self.lit(str(value), lang="zh")))
                g.add((node, RDFS.label, self.lit(str(value), lang="zh")))
                headlined = True
            elif role == "deck":
                g.add((node, SDO.alternativeHeadline, self.lit(str(value), lang="zh")))
            elif role == "series_no":
                g.add((node, KG.seriesNumber, self.lit(int(value), datatype=XSD.integer)))  # type: ignore[arg-type]
            elif role == "series":
                g.add((node, KG.seriesTitle, self.lit(str(value), lang="zh")))
            elif role == "date":
                g.add((node, SDO.datePublished, self.lit(str(value), datatype=XSD.date)))
            elif role in _ARTICLE_LINKS and isinstance(value, Ref):
                g.add((node, _ARTICLE_LINKS[role], self.iri(value)))
        return headlined

    def add_fact(self, f: Fact, iri: str | None = None) -> None:
        """A fact's own triples, on its node ``iri`` (see :func:`fact_iri`; made here if not
        given). Its evidence is in the parts of the articles it was read in; an article fact
        is all in its article's part."""
        if f.kind == "article":
            return
        node = self.uri(iri or fact_iri(self.base, f))
        if f.kind == "holds_post":
            self.add_post(f, node)
        elif f.kind == "runs_program":
            self.add_program_run(f, node)
        elif f.kind in ("target", "achievement"):
            self.add_figure(f, node)

    def add_post(self, f: Fact, node: Any) -> None:
        g = self.g
        person, org, role = f.arg("person"), f.arg("org"), f.arg("role")
        assert isinstance(person, Ref) and isinstance(org, Ref) and isinstance(role, Ref)
        g.add((node, RDF.type, KG.PostHolding))
        g.add((node, RDF.type, ORG.Membership))
        g.add((node, ORG.member, self.iri(person)))
        g.add((node, ORG.organization, self.iri(org)))
        g.add((node, ORG.role, self.iri(role)))
        g.add((node, KG.modality, self.lit(f.modality)))
        # a post held before: kg:former, and 原 before it in the label, as the press writes it
        former = held_before(f)
        if former:
            g.add((node, KG.former, self.lit("true", datatype=XSD.boolean)))
        label = f"{person.key} · {'原' if former else ''}{org.key}{role.key}"
        g.add((node, RDFS.label, self.lit(label, lang="zh")))

    def add_program_run(self, f: Fact, node: Any) -> None:
        g = self.g
        org, program = f.arg("org"), f.arg("program")
        assert isinstance(org, Ref) and isinstance(program, Ref)
        g.add((node, RDF.type, KG.ProgramRun))
        g.add((node, KG.program, self.iri(program)))
        g.add((node, KG.runBy, self.iri(org)))
        city = f.arg("city")
        if isinstance(city, Ref):
            g.add((node, KG.city, self.iri(city)))
        g.add((node, KG.modality, self.lit(f.modality)))
        g.add(
            (
                node,
                RDFS.label,
                self.lit(f"{org.key} · {program.key} · {_MODALITY_ZH[f.modality]}", lang="zh"),
            )
        )

    def add_figure(self, f: Fact, node: Any) -> None:
        """A target or an achievement: the quantity as typed literals a SPARQL filter can compare
        (``schema:value`` xsd:decimal, ``kg:deadline`` xsd:gYear), its words kept apart."""
        g = self.g
        q = f.arg("quantity")
        assert isinstance(q, Quantity)
        target = f.kind == "target"
        g.add((node, RDF.type, KG.Target if target else KG.Achievement))
        g.add((node, SDO.value, _decimal(q.value)))
        if q.upper is not None:
            g.add((node, SDO.minValue, _decimal(q.value)))
            g.add((node, SDO.maxValue, _decimal(q.upper)))
        g.add((node, SDO.unitText, self.lit(q.unit)))
        g.add((node, KG.quantityText, self.lit(q.text, lang="zh")))
        if q.qualifier:
            g.add((node, KG.qualifier, self.lit(q.qualifier, lang="zh")))
        g.add((node, KG.modality, self.lit(f.modality)))
        links = {
            "set_by": KG.setBy,
            "scope": KG.scope,
            "by": KG.achievedBy,
            "city": KG.city,
            "program": KG.program,
        }
        for role, value in f.args:
            if role in links and isinstance(value, Ref):
                g.add((node, links[role], self.iri(value)))
        what = str(f.arg("what") or f.arg("measure") or "")
        g.add((node, KG.what if target else KG.measure, self.lit(what, lang="zh")))
        deadline = f.arg("deadline")
        if deadline is not None:
            g.add((node, KG.deadline, self.lit(f"{int(deadline):04d}", datatype=XSD.gYear)))  # type: ignore[call-overload]
        period = f.arg("period")
        if period:
            g.add((node, KG.period, self.lit(str(period), lang="zh")))
        if f.arg("period_years") is not None:
            g.add(
                (node, KG.periodYears, self.lit(int(f.arg("period_years")), datatype=XSD.integer))
            )  # type: ignore[call-overload]
        if f.arg("period_year") is not None:
            g.add(
                (
                    node,
                    KG.periodYear,
                    self.lit(f"{int(f.arg('period_year')):04d}", datatype=XSD.gYear),
                )
            )  # type: ignore[call-overload]
        growth = f.arg("growth")
        if isinstance(growth, Quantity):  # a rate's change in percentage points, or a rate
            rate = KG.growthPoints if growth.in_points else KG.growthRate
            g.add((node, rate, _decimal(growth.value)))
        g.add((node, RDFS.label, self.lit(figure_label(f), lang="zh")))


_MODALITY_ZH = {
    "achieved": "已实施",
    "ongoing": "实施中",
    "planned": "计划",
    "target": "目标",
    "stated": "陈述",
}


def _decimal(value: float) -> Literal:
    d = Decimal(repr(value)).normalize()
    if d == d.to_integral():
        d = d.quantize(Decimal(1))
    return Literal(d, datatype=XSD.decimal)


def figure_label(f: Fact) -> str:
    """A target or achievement read like the sentence: ``南粤工匠 · 500名左右 · 2029年前``."""
    q = f.arg("quantity")
    assert isinstance(q, Quantity)
    parts = [str(f.arg("what") or f.arg("measure") or ""), format_quantity(q)]
    if f.arg("deadline") is not None:
        parts.append(f"{f.arg('deadline')}年前")
    elif f.arg("period"):
        parts.append(str(f.arg("period")))
    growth = f.arg("growth")
    if isinstance(growth, Quantity):  # a fall is a negative rate (同比下降5%: -5)
        if growth.value < 0:
            parts.append(f"同比下降{format_quantity(replace(growth, value=-growth.value))}")
        else:
            parts.append(f"同比{'提高' if growth.in_points else '增长'}{format_quantity(growth)}")
    return " · ".join(p for p in parts if p)


_FACT_NODE = {"holds_post": "post", "runs_program": "run"}


def ref_iri(base: str, ref: Ref) -> str:
    """The IRI of an entity (an article is named by the first 16 digits of its hash)."""
    key = ref.key[:16] if ref.kind == "article" else ref.key
    return entity_iri(base, ref.kind, key)


def fact_iri(base: str, f: Fact) -> str:
    """The IRI of a fact's node: hashed from its identity (an article fact is its article)."""
    if f.kind == "article":
        return ref_iri(base, Ref("article", f.evidence[0].doc))
    return hashed_iri(base, _FACT_NODE.get(f.kind, f.kind), *f.identity())


@dataclass(frozen=True, slots=True)
class ArticlePart:
    """Everything one article's own triples are made from (see
    :meth:`GraphBuilder.add_article_part`), as plain values: the same values make the same
    triples, so a part's output can be cached under a hash of its ``repr``."""

    sha: str
    name: str
    fields: tuple[tuple[tuple[str, object], ...], ...]
    """The arguments of the article's article fact (headline, series, reporter …)."""
    evidence: tuple[tuple[str, Evidence], ...]
    """``(fact IRI, evidence)`` for every fact read in this article, in the facts' order."""
    mentions: tuple[str, ...]
    """The IRIs of the entities the article mentions, in the entities' order."""

    def emit(self, b: GraphBuilder) -> None:
        b.add_article_part(self)


@dataclass(frozen=True, slots=True)
class EntityBatch:
    """Entities whose own triples are made together (their mentions are the articles')."""

    entities: tuple[Entity, ...]

    def emit(self, b: GraphBuilder) -> None:
        for e in self.entities:
            b.add_entity(e)


@dataclass(frozen=True, slots=True)
class FactBatch:
    """Facts (with their IRIs) whose own triples are made together (their evidence is the
    articles')."""

    facts: tuple[tuple[str, Fact], ...]

    def emit(self, b: GraphBuilder) -> None:
        for iri, f in self.facts:
            b.add_fact(f, iri)


Piece = ArticlePart | EntityBatch | FactBatch
"""A piece of the graph made from its own values alone (anywhere: here, in a worker process,
or read back from the cache under a hash of its ``repr``)."""

BATCH_EVERY = 64
"""A batch of entities or facts ends after an item whose key hashes to 0 modulo this (so about
this many items): cut by content, not by position, so that adding one fact changes one batch,
not every batch after it, and a rebuild reuses the rest from the cache."""
BATCH_MOST = 4 * BATCH_EVERY


def _content_batches(items: Iterator[tuple[str, T]]) -> Iterator[tuple[T, ...]]:
    batch: list[T] = []
    for key, item in items:
        batch.append(item)
        if (
            zlib.crc32(key.encode("utf-8", "surrogatepass")) % BATCH_EVERY == 0
            or len(batch) >= BATCH_MOST
        ):
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)


def fact_iris(resolved: Resolved, base: str) -> list[str]:
    """:func:`fact_iri` of every fact of ``resolved``, in order (made once: both parts of the
    graph name the facts, and hashing a fact's identity is most of the cost of its triples)."""
    return [fact_iri(base, f) if f.evidence or f.kind != "article" else "" for f in resolved.facts]


def shared_pieces(
    resolved: Resolved, base: str, iris: list[str] | None = None
) -> list[EntityBatch | FactBatch]:
    """The entities' and the facts' own triples, in batches cut by content (see
    :data:`BATCH_EVERY`); what they do not show (an entity's articles, a fact's evidence) is
    left out, so that a batch's value changes only when its triples do."""
    if iris is None:
        iris = fact_iris(resolved, base)
    entities = ((f"{e.ref.kind}/{e.ref.key}", replace(e, articles=())) for e in resolved.entities)
    facts = (
        (iri, (iri, replace(f, evidence=())))
        for f, iri in zip(resolved.facts, iris, strict=True)
        if f.kind != "article"
    )
    return [
        *(EntityBatch(batch) for batch in _content_batches(entities)),
        *(FactBatch(batch) for batch in _content_batches(facts)),
    ]


def article_parts(
    resolved: Resolved, base: str, iris: list[str] | None = None
) -> list[ArticlePart]:
    """The part of each document of ``resolved``, in the documents' order (``iris``: the
    facts', from :func:`fact_iris`)."""
    fields: dict[str, list[tuple[tuple[str, object], ...]]] = defaultdict(list)
    evidence: dict[str, list[tuple[str, Evidence]]] = defaultdict(list)
    mentions: dict[str, list[str]] = defaultdict(list)
    if iris is None:
        iris = fact_iris(resolved, base)
    for f, owner in zip(resolved.facts, iris, strict=True):
        if not f.evidence:
            continue
        if f.kind == "article":
            fields[f.evidence[0].doc].append(f.args)
        for ev in f.evidence:
            evidence[ev.doc].append((owner, ev))
    for e in resolved.entities:
        iri = ref_iri(base, e.ref)
        for sha in e.articles:
            mentions[sha].append(iri)
    return [
        ArticlePart(
            doc.sha256,
            doc.name,
            tuple(fields.get(doc.sha256, ())),
            tuple(evidence.get(doc.sha256, ())),
            tuple(mentions.get(doc.sha256, ())),
        )
        for doc in resolved.documents
    ]


def graph_pieces(resolved: Resolved, base: str) -> list[Piece]:
    """Every piece of the graph of ``resolved`` but the places and ``runsProgram`` shortcuts
    (:meth:`GraphBuilder.add_places_and_runs`): entities, facts, then articles, in that
    order."""
    iris = fact_iris(resolved, base)
    return [*shared_pieces(resolved, base, iris), *article_parts(resolved, base, iris)]


def emit_steps(b: GraphBuilder, resolved: Resolved) -> Iterator[None]:
    """Write the whole graph of ``resolved`` into ``b``, piece after piece (the same pieces,
    in the same order, as a build writes them to Turtle)."""
    b.add_places_and_runs(resolved)
    yield
    for piece in graph_pieces(resolved, b.base):
        piece.emit(b)
        yield


def to_rdf(resolved: Resolved, base: str = DEFAULT_BASE) -> Graph:
    """The RDF graph of a resolved corpus, in memory (rdflib)."""
    b = GraphBuilder(base)
    for _ in emit_steps(b, resolved):
        pass
    return b.g
