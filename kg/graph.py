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

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from decimal import Decimal
from typing import Any

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
from kg.records import Evidence, Fact, Quantity, Ref
from kg.resolve import Entity, Resolved


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


_NO_SCOPE = nullcontext()


class GraphBuilder:
    """Writes resolved records into a sink under one base IRI: an rdflib graph (the default,
    for a notebook and small corpora) or a :class:`kg.output.QuadSink` that streams quads, each
    in its article's named graph (see :meth:`article_scope`), to Turtle and a store."""

    def __init__(self, base: str = DEFAULT_BASE, sink: Any = None) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.g = Graph() if sink is None else sink
        # Term factories: rdflib terms for an rdflib graph; a streaming sink makes its own
        # (Oxigraph terms, without rdflib's per-literal parsing and normalization).
        self.uri: Callable[[str], Any] = getattr(sink, "uri", URIRef)
        self.lit: Callable[..., Any] = getattr(sink, "lit", Literal)
        # Keys of triples already written that records can state again (a place reached from
        # many organizations, an evidence sentence shared by two facts): a streaming sink has
        # no set semantics, so repeats are dropped here.
        self._done: set[tuple[str, ...]] = set()
        # a sink with named graphs scopes article triples; one without (rdflib, or a quad sink
        # writing the default graph) skips the context manager altogether
        self._scope = getattr(sink, "scope", None) if getattr(sink, "named", False) else None
        for prefix, ns in {**vocabulary_prefixes(), "id": self.base}.items():
            self.g.bind(prefix, ns)

    def _once(self, *key: str) -> bool:
        """True if ``key`` was seen before; remembers it otherwise."""
        if key in self._done:
            return True
        self._done.add(key)
        return False

    def article_scope(self, sha: str) -> AbstractContextManager[None]:
        """Triples added inside belong to article ``sha``'s named graph (what the article
        alone states: its metadata, its evidence, the links from facts to that evidence); the
        rest (entities, places, the facts themselves) to the shared graph. A sink without named
        graphs ignores this."""
        return _NO_SCOPE if self._scope is None else self._scope(sha)

    def iri(self, ref: Ref) -> URIRef:
        key = ref.key[:16] if ref.kind == "article" else ref.key
        return self.uri(entity_iri(self.base, ref.kind, key))

    def add_entity(self, e: Entity) -> None:
        node = self.iri(e.ref)
        g = self.g
        if e.ref.kind != "place" or e.label != e.ref.key:  # add_place labels places
            g.add((node, RDFS.label, self.lit(e.label, lang="zh")))
            g.add((node, SDO.name, self.lit(e.label, lang="zh")))
        for alias in e.aliases:
            g.add((node, SKOS.altLabel, self.lit(alias, lang="zh")))
        for sha in e.articles:
            with self.article_scope(sha):
                g.add((self.iri(Ref("article", sha)), SDO.mentions, node))
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
            if attrs.get("place"):
                place = Ref("place", attrs["place"])
                g.add((node, KG.locatedIn, self.iri(place)))
                self.add_place(place.key)
        elif kind == "place":
            self.add_place(e.ref.key)
        elif kind == "program":
            g.add((node, RDF.type, KG.Program))
            if attrs.get("part_of"):
                g.add((node, KG.editionOf, self.iri(Ref("program", attrs["part_of"]))))

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

    def add_evidence(self, owner: URIRef, ev: Evidence) -> None:
        g = self.g
        node = self.uri(
            hashed_iri(self.base, "evidence", ev.doc, ev.start, ev.end, ev.rule, ev.sent_start)
        )
        article = self.iri(Ref("article", ev.doc))
        with self.article_scope(ev.doc):
            self._add_evidence_node(g, owner, node, article, ev)

    def _add_evidence_node(
        self, g: Any, owner: URIRef, node: URIRef, article: URIRef, ev: Evidence
    ) -> None:
        g.add((owner, KG.evidence, node))
        if not self._once("derived", owner, article):
            g.add((owner, PROV.wasDerivedFrom, article))
        if self._once("evidence", node):
            return
        g.add((node, RDF.type, KG.Evidence))
        g.add((node, KG.inArticle, article))
        g.add((node, KG.sentence, self.lit(ev.sentence, lang="zh")))
        g.add((node, KG.start, self.lit(ev.start, datatype=XSD.integer)))
        g.add((node, KG.end, self.lit(ev.end, datatype=XSD.integer)))
        g.add((node, KG.sentenceStart, self.lit(ev.sent_start, datatype=XSD.integer)))
        g.add((node, KG.sentenceEnd, self.lit(ev.sent_end, datatype=XSD.integer)))
        g.add((node, KG.rule, self.lit(ev.rule)))

    def add_fact(self, f: Fact) -> None:
        if f.kind == "article":
            self.add_article(f)
        elif f.kind == "holds_post":
            self.add_post(f)
        elif f.kind == "runs_program":
            self.add_program_run(f)
        elif f.kind in ("target", "achievement"):
            self.add_figure(f)

    def add_article(self, f: Fact) -> None:
        g = self.g
        sha = next(ev.doc for ev in f.evidence) if f.evidence else None
        if sha is None:
            return
        with self.article_scope(sha):
            self._add_article_fields(g, self.iri(Ref("article", sha)), f)

    def _add_article_fields(self, g: Any, node: URIRef, f: Fact) -> None:
        """The article fact's fields (its ``source``, the file name, is add_document's)."""
        for role, value in f.args:
            if role == "headline":
                g.add((node, SDO.headline, self.lit(str(value), lang="zh")))
                g.add((node, RDFS.label, self.lit(str(value), lang="zh")))
            elif role == "series_no":
                g.add((node, KG.seriesNumber, self.lit(int(value), datatype=XSD.integer)))  # type: ignore[arg-type]
            elif role == "series":
                g.add((node, KG.seriesTitle, self.lit(str(value), lang="zh")))
            elif role in _ARTICLE_LINKS and isinstance(value, Ref):
                g.add((node, _ARTICLE_LINKS[role], self.iri(value)))
        for ev in f.evidence:
            self.add_evidence(node, ev)

    def add_document(self, sha: str, name: str) -> None:
        node = self.iri(Ref("article", sha))
        with self.article_scope(sha):
            self.g.add((node, RDF.type, KG.Article))
            self.g.add((node, KG.sha256, self.lit(sha)))
            self.g.add((node, KG.sourceFile, self.lit(name)))

    def add_post(self, f: Fact) -> None:
        g = self.g
        person, org, role = f.arg("person"), f.arg("org"), f.arg("role")
        assert isinstance(person, Ref) and isinstance(org, Ref) and isinstance(role, Ref)
        node = self.uri(hashed_iri(self.base, "post", *f.identity()))
        g.add((node, RDF.type, KG.PostHolding))
        g.add((node, RDF.type, ORG.Membership))
        g.add((node, ORG.member, self.iri(person)))
        g.add((node, ORG.organization, self.iri(org)))
        g.add((node, ORG.role, self.iri(role)))
        g.add((node, KG.modality, self.lit(f.modality)))
        g.add((node, RDFS.label, self.lit(f"{person.key} · {org.key}{role.key}", lang="zh")))
        for ev in f.evidence:
            self.add_evidence(node, ev)

    def add_program_run(self, f: Fact) -> None:
        g = self.g
        org, program = f.arg("org"), f.arg("program")
        assert isinstance(org, Ref) and isinstance(program, Ref)
        node = self.uri(hashed_iri(self.base, "run", *f.identity()))
        g.add((node, RDF.type, KG.ProgramRun))
        g.add((node, KG.program, self.iri(program)))
        g.add((node, KG.runBy, self.iri(org)))
        if not self._once("runs", org.key, program.key):
            g.add((self.iri(org), KG.runsProgram, self.iri(program)))
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
        for ev in f.evidence:
            self.add_evidence(node, ev)

    def add_figure(self, f: Fact) -> None:
        """A target or an achievement: the quantity as typed literals a SPARQL filter can compare
        (``schema:value`` xsd:decimal, ``kg:deadline`` xsd:gYear), its words kept apart."""
        g = self.g
        q = f.arg("quantity")
        assert isinstance(q, Quantity)
        target = f.kind == "target"
        node = self.uri(hashed_iri(self.base, f.kind, *f.identity()))
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
        if isinstance(growth, Quantity):
            g.add((node, KG.growthRate, _decimal(growth.value)))
        g.add((node, RDFS.label, self.lit(figure_label(f), lang="zh")))
        for ev in f.evidence:
            self.add_evidence(node, ev)


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
    if isinstance(growth, Quantity):
        parts.append(f"同比增长{format_quantity(growth)}")
    return " · ".join(p for p in parts if p)


def emit_steps(b: GraphBuilder, resolved: Resolved) -> Iterator[None]:
    """Write every document, entity and fact of ``resolved`` into ``b``, in the records' own
    (sorted) order, so the triples come out in the same order for the same input. Yields after
    each record, so that a streaming sink can pass on what it holds."""
    for doc in resolved.documents:
        b.add_document(doc.sha256, doc.name)
    yield
    for e in resolved.entities:
        b.add_entity(e)
        yield
    headlined = set()
    for f in resolved.facts:
        b.add_fact(f)
        if f.kind == "article" and f.arg("headline") and f.evidence:
            headlined.add(f.evidence[0].doc)
        yield
    for doc in resolved.documents:  # an article without a headline is labelled by its file
        if doc.sha256 not in headlined:
            with b.article_scope(doc.sha256):
                b.g.add((b.iri(Ref("article", doc.sha256)), RDFS.label, b.lit(doc.name)))
    yield


def to_rdf(resolved: Resolved, base: str = DEFAULT_BASE) -> Graph:
    """The RDF graph of a resolved corpus, in memory (rdflib)."""
    b = GraphBuilder(base)
    for _ in emit_steps(b, resolved):
        pass
    return b.g
