"""The Turtle output parses in independent parsers and is byte-identical across builds."""

from __future__ import annotations

import shutil
import subprocess

import pyoxigraph
import pytest
from rdflib import Graph

from kg.iri import encode_segment, entity_iri
from kg.ontology import KG, ontology_graph
from kg.pipeline import build
from tests.conftest import SEEDS


def test_turtle_parses_in_rdflib_and_pyoxigraph(seed_graph_file, seed_build):
    data = seed_graph_file.read_bytes()
    g = Graph().parse(data=data, format="turtle")
    assert len(g) == len(seed_build.graph)
    store = pyoxigraph.Store()
    store.load(data, format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(g)


def test_turtle_parses_in_rapper(seed_graph_file):
    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.fail("rapper not found: apt-get install -y raptor2-utils")
    out = subprocess.run(
        [rapper, "-q", "-i", "turtle", "-c", str(seed_graph_file)], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr


def test_building_twice_and_in_any_order_is_byte_identical(tmp_path):
    files = sorted(SEEDS.glob("*.txt"))
    a = build([str(f) for f in files]).graph.serialize(format="turtle")
    b = build([str(f) for f in reversed(files)]).graph.serialize(format="turtle")
    assert a == b


def test_odd_names_make_valid_iris():
    for key in ["a b", '"q"', "<x>", "#frag", "emoji😀", "ctl\x01\x7f", "河源市", ""]:
        iri = entity_iri("http://example.org/id/", "person", key)
        assert not any(c in iri for c in ' "<>{}|\\^`#') and all(ord(c) > 0x20 for c in iri)
        Graph().parse(data=f"<{iri}> <http://example.org/p> 1 .", format="turtle")
    assert encode_segment("河源市") == "河源市"


def test_namespace_matches_the_ontology_file():
    g = ontology_graph()
    ns = str(KG)
    defined = {str(s)[len(ns) :] for s in g.subjects() if str(s).startswith(ns)}
    declared = set(KG.__annotations__)
    assert defined == declared
    for term in defined:
        langs = {lbl.language for lbl in g.objects(KG[term], __import__("rdflib").RDFS.label)}
        assert {"zh", "en"} <= langs, term
