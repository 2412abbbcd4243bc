"""Properties over generated input (hypothesis): IRIs minted from any name are valid everywhere,
and the whole pipeline never raises on text that decodes, giving a graph that parses.

Normalization, number parsing and the reader have their own properties in
test_normalize_segment.py, test_quantities.py and test_read.py.
"""

from __future__ import annotations

import pyoxigraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from kg.graph import to_rdf
from kg.iri import encode_segment, entity_iri, hashed_iri
from kg.pipeline import extract_document
from kg.read import ReadError, read_bytes
from kg.resolve import resolve

BASE = "http://example.org/union-kg/id/"
P = "http://example.org/p"


def _oxigraph_count(data: str, fmt: pyoxigraph.RdfFormat) -> int:
    store = pyoxigraph.Store()
    store.load(data.encode("utf-8"), format=fmt)
    return len(store)


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_any_name_mints_a_valid_iri(key: str) -> None:
    iri = entity_iri(BASE, "person", key)
    assert iri.startswith(BASE + "person/") and len(iri) > len(BASE + "person/")
    assert not any(c in iri for c in ' "<>{}|\\^`#') and all(ord(c) > 0x20 for c in iri)
    pyoxigraph.NamedNode(iri)  # strict RFC 3987 check
    triple = f"<{iri}> <{P}> <{iri}> .\n"
    for fmt, ox in (
        ("nt", pyoxigraph.RdfFormat.N_TRIPLES),
        ("turtle", pyoxigraph.RdfFormat.TURTLE),
    ):
        g = Graph().parse(data=triple, format=fmt)
        assert {str(s) for s, _, _ in g} == {iri}
        assert _oxigraph_count(triple, ox) == 1
    # and as rdflib writes it (prefixed names where it can), read back by oxigraph
    g = Graph()
    g.bind("id", BASE)
    g.add((URIRef(iri), URIRef(P), Literal(key)))
    ttl = g.serialize(format="turtle")
    store = pyoxigraph.Store()
    store.load(ttl.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    assert [q.subject.value for q in store] == [iri]
    assert [q.object.value for q in store] == [key]


@given(st.text(), st.text())
def test_different_names_mint_different_iris(a: str, b: str) -> None:
    if a != b and (a or b):  # the empty name is written "_", as is the name "_"
        assert encode_segment(a) != encode_segment(b) or {a, b} == {"", "_"}
    assert hashed_iri(BASE, "post", a) == hashed_iri(BASE, "post", a)


# Text shaped like the genre: post titles, organizations, surnames and names, numbers, the
# genre's structural marks, and the characters that break naive writers (quotes, <>, &, #,
# backslashes, emoji, control characters, line breaks of every kind).
FRAGMENTS = [
    "韶关市总工会", "市总工会", "省总工会", "中华全国总工会", "韶关市委", "市人大常委会",
    "党组书记", "常务副主席", "主席", "副主任", "、", "：", ":", "，", "。", "；", "！", "？",
    "李明华", "王小红", "黄远程", "欧阳", "张", "记者", "通讯员", "全媒体记者", "本报讯（记者",
    "）", "■", "单位供图", "谈体会", "工会主席访谈", "⑭", "21", "近年来", "共帮助", "80家",
    "5156.03万元", "3.2亿元", "力争到2029年", "50名左右", "“劳模工匠助企行”", "专项行动",
    "\n", "\n\n", "\r\n", "\r", " ", "\u3000", "\t", '"', "'", "“", "”", "<", ">", "&", "#",
    "\\", "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "😀", "\x01", "\x7f",
    "\u2028", "\ufeff", "%41", "{x}", "|", "^", "`",
]  # fmt: skip
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
TOKEN = st.one_of(st.sampled_from(FRAGMENTS), CJK, st.characters(codec="utf-8"))
NOISE = st.lists(TOKEN, max_size=12).map("".join)
ORGS = st.sampled_from(["韶关市总工会", "市总工会", "省总工会", "韶关市委", "市人大常委会", ""])
TITLES = st.sampled_from(["党组书记", "常务副主席", "主席", "副主任", "书记", "副书记"])
NAMES = st.one_of(
    st.sampled_from(["李明华", "王小红", "黄远程", "欧阳小明", "张三"]),
    st.tuples(st.sampled_from("李王黄张陈刘"), st.text(CJK, min_size=1, max_size=2)).map("".join),
)
CHAIN = st.tuples(
    NOISE, st.lists(st.tuples(ORGS, TITLES).map("".join), min_size=1, max_size=3), NAMES, NOISE
).map(lambda t: t[0] + "、".join(t[1]) + t[2] + t[3])
LINE = st.one_of(
    CHAIN.map(lambda c: c + "："),  # an interviewee line
    CHAIN.map(lambda c: "■" + c + "。单位供图"),  # a caption
    st.tuples(NAMES, NOISE, CHAIN).map(lambda t: f"{t[0]}：{t[1]}{t[2]}。"),  # an answer turn
    st.tuples(st.sampled_from(["全媒体记者", "本报讯（记者", "通讯员"]), NAMES, NOISE).map("".join),
    st.just("工会主席访谈⑭"),
    NOISE,
)
ARTICLE_TEXT = st.lists(
    st.tuples(LINE, st.sampled_from(["\n", "\n\n", "\r\n", "\r", "", "\u2028"])).map("".join),
    max_size=12,
).map("".join)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(ARTICLE_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_pipeline_never_raises_and_its_graph_parses(text: str, codec: str) -> None:
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    try:
        doc = read_bytes(data, "x.txt")
    except ReadError:
        return
    extraction = extract_document(doc)
    for record in (*extraction.mentions, *(e for f in extraction.facts for e in f.evidence)):
        ev = getattr(record, "evidence", record)
        assert 0 <= ev.start <= ev.end <= len(doc.text)
        assert 0 <= ev.sent_start <= ev.sent_end <= len(doc.text)
    graph = to_rdf(resolve([extraction]))
    ttl = graph.serialize(format="turtle")
    assert len(Graph().parse(data=ttl, format="turtle")) == len(graph)
    assert _oxigraph_count(ttl, pyoxigraph.RdfFormat.TURTLE) == len(graph)


_XSD = "http://www.w3.org/2001/XMLSchema#"
_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
_LITERALS = st.one_of(
    st.tuples(_TEXT, st.sampled_from([None, "zh", "zh-Hans"]), st.none()),
    st.tuples(st.integers(-(10**12), 10**12).map(str), st.none(), st.just(f"{_XSD}integer")),
    st.tuples(
        st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
        st.none(),
        st.just(f"{_XSD}decimal"),
    ),
    st.tuples(st.integers(1, 9999).map(lambda y: f"{y:04d}"), st.none(), st.just(f"{_XSD}gYear")),
    st.tuples(_TEXT, st.none(), st.just(f"{_XSD}string")),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2), _LITERALS), max_size=8))
def test_turtle_text_is_what_oxigraph_writes(rows) -> None:
    """The graph's pieces are written as Turtle text by kg.output.TurtleSink, not by Oxigraph's
    serializer (making Oxigraph terms cost three quarters of a piece): any literal, in any run
    of subjects and predicates, gives the bytes Oxigraph gives, and parses to the same terms."""
    from rdflib import RDFS

    from kg.ontology import KG
    from kg.output import TurtleSink, turtle_body, turtle_text

    predicates = [RDFS.label, KG.sentence, KG.start]
    sink, quads = TurtleSink(), []
    for s, p, (value, lang, datatype) in rows:
        iri = f"http://example.org/union-kg/id/x/{s}"
        if datatype == f"{_XSD}decimal":
            o_rdflib: object = Literal(value, datatype=URIRef(datatype))
        else:
            o_rdflib = sink.lit(value, lang=lang, datatype=URIRef(datatype) if datatype else None)
        sink.add((sink.uri(iri), predicates[p], o_rdflib))
        literal = (
            pyoxigraph.Literal(value, language=lang)
            if lang
            else pyoxigraph.Literal(
                value, datatype=pyoxigraph.NamedNode(datatype or _XSD + "string")
            )
        )
        quads.append(
            pyoxigraph.Quad(pyoxigraph.NamedNode(iri), pyoxigraph.NamedNode(predicates[p]), literal)
        )
    assert turtle_text(sink.triples) == turtle_body(quads)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12))
def test_turtle_sink_writes_only_iris_oxigraph_accepts(tail: str) -> None:
    """Oxigraph checked every IRI a piece named; TurtleSink writes text instead, so it refuses
    what Oxigraph refuses, with a message naming it, rather than write an unreadable file; what
    it writes, Oxigraph reads back as that IRI."""
    from kg.errors import KgError
    from kg.output import TurtleSink

    iri = f"http://example.org/union-kg/id/x/{tail}"
    try:
        pyoxigraph.NamedNode(iri)
        valid = True
    except ValueError:
        valid = False
    try:
        text = TurtleSink().uri(iri)
    except KgError as exc:
        assert not valid and iri in str(exc)
        return
    assert valid
    parsed = pyoxigraph.parse(f"{text} {text} {text} .".encode(), pyoxigraph.RdfFormat.N_TRIPLES)
    assert next(iter(parsed)).subject.value == iri
