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

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from kg.gazetteer import places
from kg.iri import entity_iri, hashed_iri
from kg.ontology import DEFAULT_BASE, KG, ORG, PROV, SDO
from kg.records import Evidence, Fact, Ref
from kg.resolve import Entity, Resolved

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


class GraphBuilder:
    """Writes resolved records into an rdflib graph under one base IRI."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.g = Graph()
        for prefix, ns in (
            ("kg", str(KG)),
            ("schema", str(SDO)),
            ("org", str(ORG)),
            ("prov", str(PROV)),
            ("skos", str(SKOS)),
            ("id", self.base),
        ):
            self.g.bind(prefix, ns)

    def iri(self, ref: Ref) -> URIRef:
        key = ref.key[:16] if ref.kind == "article" else ref.key
        return URIRef(entity_iri(self.base, ref.kind, key))

    def add_entity(self, e: Entity) -> None:
        node = self.iri(e.ref)
        g = self.g
        g.add((node, RDFS.label, Literal(e.label, lang="zh")))
        g.add((node, SDO.name, Literal(e.label, lang="zh")))
        for alias in e.aliases:
            g.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
        for sha in e.articles:
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

    def add_place(self, name: str) -> None:
        """A place, typed by level, with the chain of places containing it (from the gazetteer)."""
        node = self.iri(Ref("place", name))
        g = self.g
        g.add((node, RDFS.label, Literal(name, lang="zh")))
        g.add((node, SDO.name, Literal(name, lang="zh")))
        known = places().get(name)
        level = known.level if known else ("city" if name.endswith("市") else "area")
        g.add((node, RDF.type, SDO.City if level == "city" else SDO.AdministrativeArea))
        if known and known.parent:
            g.add((node, SDO.containedInPlace, self.iri(Ref("place", known.parent))))
            self.add_place(known.parent)

    def add_evidence(self, owner: URIRef, ev: Evidence) -> None:
        g = self.g
        node = URIRef(
            hashed_iri(self.base, "evidence", ev.doc, ev.start, ev.end, ev.rule, ev.sent_start)
        )
        article = self.iri(Ref("article", ev.doc))
        g.add((owner, KG.evidence, node))
        g.add((owner, PROV.wasDerivedFrom, article))
        g.add((node, RDF.type, KG.Evidence))
        g.add((node, KG.inArticle, article))
        g.add((node, KG.sentence, Literal(ev.sentence, lang="zh")))
        g.add((node, KG.start, Literal(ev.start, datatype=XSD.integer)))
        g.add((node, KG.end, Literal(ev.end, datatype=XSD.integer)))
        g.add((node, KG.sentenceStart, Literal(ev.sent_start, datatype=XSD.integer)))
        g.add((node, KG.sentenceEnd, Literal(ev.sent_end, datatype=XSD.integer)))
        g.add((node, KG.rule, Literal(ev.rule)))

    def add_fact(self, f: Fact) -> None:
        if f.kind == "article":
            self.add_article(f)
        elif f.kind == "holds_post":
            self.add_post(f)

    def add_article(self, f: Fact) -> None:
        g = self.g
        sha = next(ev.doc for ev in f.evidence) if f.evidence else None
        if sha is None:
            return
        node = self.iri(Ref("article", sha))
        for role, value in f.args:
            if role == "headline":
                g.add((node, SDO.headline, Literal(str(value), lang="zh")))
                g.add((node, RDFS.label, Literal(str(value), lang="zh")))
            elif role == "series_no":
                g.add((node, KG.seriesNumber, Literal(int(value), datatype=XSD.integer)))  # type: ignore[arg-type]
            elif role == "series":
                g.add((node, KG.seriesTitle, Literal(str(value), lang="zh")))
            elif role == "source":
                g.add((node, KG.sourceFile, Literal(str(value))))
            elif role in _ARTICLE_LINKS and isinstance(value, Ref):
                g.add((node, _ARTICLE_LINKS[role], self.iri(value)))
        for ev in f.evidence:
            self.add_evidence(node, ev)

    def add_document(self, sha: str, name: str) -> None:
        node = self.iri(Ref("article", sha))
        self.g.add((node, RDF.type, KG.Article))
        self.g.add((node, KG.sha256, Literal(sha)))
        self.g.add((node, KG.sourceFile, Literal(name)))

    def add_post(self, f: Fact) -> None:
        g = self.g
        person, org, role = f.arg("person"), f.arg("org"), f.arg("role")
        assert isinstance(person, Ref) and isinstance(org, Ref) and isinstance(role, Ref)
        node = URIRef(hashed_iri(self.base, "post", *f.identity()))
        g.add((node, RDF.type, KG.PostHolding))
        g.add((node, RDF.type, ORG.Membership))
        g.add((node, ORG.member, self.iri(person)))
        g.add((node, ORG.organization, self.iri(org)))
        g.add((node, ORG.role, self.iri(role)))
        g.add((node, KG.modality, Literal(f.modality)))
        g.add((node, RDFS.label, Literal(f"{person.key} · {org.key}{role.key}", lang="zh")))
        for ev in f.evidence:
            self.add_evidence(node, ev)


def to_rdf(resolved: Resolved, base: str = DEFAULT_BASE) -> Graph:
    """The RDF graph of a resolved corpus."""
    b = GraphBuilder(base)
    for doc in resolved.documents:
        b.add_document(doc.sha256, doc.name)
    for e in resolved.entities:
        b.add_entity(e)
    for f in resolved.facts:
        b.add_fact(f)
    for doc in resolved.documents:  # an article without a headline is labelled by its file
        node = b.iri(Ref("article", doc.sha256))
        if (node, RDFS.label, None) not in b.g:
            b.g.add((node, RDFS.label, Literal(doc.name)))
    return b.g
