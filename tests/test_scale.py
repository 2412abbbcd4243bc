"""Scale features keep the output exact: streamed Turtle, named graphs per article, the
extraction cache, worker processes and a Dask cluster all give the bytes of a plain build."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli
from kg.graph import ArticlePart, graph_pieces
from kg.ontology import DEFAULT_BASE, KG
from kg.output import (
    StoreFill,
    article_graph,
    head_quads,
    piece_key,
    shared_graph,
    write_graph,
)
from kg.pipeline import build
from tests.conftest import GENRE, SEEDS
from tests.test_bad_input import parse_everywhere


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.html")}


def _kg_build(*args: str) -> None:
    res = CliRunner().invoke(cli, ["build", *args])
    assert res.exit_code == 0, res.output


@pytest.fixture(scope="module")
def corpus_result():
    return build([str(SEEDS), str(GENRE)])


def test_streamed_turtle_is_the_rdflib_graph(corpus_result, tmp_path: Path) -> None:
    """Pieces (batches of entities and facts, a part per article) each serialized apart: the
    file has one prefix block, parses everywhere and holds exactly the triples of the
    in-memory graph, none twice."""
    path = tmp_path / "graph.ttl"
    with path.open("wb") as fh:
        written = write_graph(corpus_result.resolved, fh)
    assert path.read_text(encoding="utf-8").count("@prefix kg:") == 1
    n = parse_everywhere(path)
    assert n == written == len(corpus_result.graph)  # no triple written twice
    assert set(Graph().parse(path, format="turtle")) == set(corpus_result.graph)


def test_articles_parts_made_by_workers_are_the_serial_bytes(corpus_result) -> None:
    from kg.parallel import start_pool

    serial = io.BytesIO()
    write_graph(corpus_result.resolved, serial)
    pooled = io.BytesIO()
    with start_pool(2) as pool:
        write_graph(corpus_result.resolved, pooled, pool=pool)
    assert pooled.getvalue() == serial.getvalue()


def test_stores_filled_while_writing_hold_the_graph(corpus_result) -> None:
    """A store filled from the stream holds the file's triples; a view's store holds what a
    summary reads: no evidence nodes' own triples, but every fact's link to its evidence."""
    whole, view = ox.Store(), ox.Store()
    n = write_graph(
        corpus_result.resolved,
        io.BytesIO(),
        fills=[StoreFill(whole), StoreFill(view, summary_only=True)],
    )
    assert len(whole) == n == len(corpus_result.graph)
    sentence = ox.NamedNode(str(KG.sentence))
    evidence = ox.NamedNode(str(KG.evidence))
    assert any(whole.quads_for_pattern(None, sentence, None))
    assert not any(view.quads_for_pattern(None, sentence, None))
    assert (
        len(list(view.quads_for_pattern(None, evidence, None)))
        == len(list(whole.quads_for_pattern(None, evidence, None)))
        > 0
    )


def test_a_summary_drawn_from_the_views_store_is_the_one_drawn_from_the_whole(
    corpus_result,
) -> None:
    """The store a large build fills only for its view holds what a summary reads and no more
    (about a quarter of the triples): the summary it draws is the one the whole graph gives,
    byte for byte; a focus folded into a summary too."""
    from kg.source import OxigraphSource
    from kg.subgraph import select_view

    whole, view = ox.Store(), ox.Store()
    write_graph(
        corpus_result.resolved,
        io.BytesIO(),
        fills=[StoreFill(whole), StoreFill(view, summary_only=True)],
    )
    assert 0 < len(view) < len(whole) / 2
    for store in (whole, view):
        store.optimize()
    pages = [
        select_view(OxigraphSource.of_store(store, "g"), max_nodes=40).html()
        for store in (whole, view)
    ]
    assert "摘要视图" in pages[0]
    assert pages[0] == pages[1]


def test_the_summary_reads_only_the_predicates_a_views_store_keeps() -> None:
    """Every predicate the summary's queries name is in SUMMARY_PREDICATES, which decides
    what the view's store of a large build keeps: a query that read another would draw from
    a store without it, silently."""
    import inspect

    import kg.subgraph as sg
    from kg.ontology import ORG, SDO

    prefixes = {"kg": str(KG), "org": str(ORG), "schema": str(SDO)}
    text = " ".join(pattern for kinds in sg._LINK_CLASSES.values() for _, pattern, _ in kinds)
    text += inspect.getsource(sg.count_view_nodes) + inspect.getsource(sg._entity_nodes)
    named = {
        prefixes[m.group(1)] + m.group(2)
        for m in re.finditer(r"\b(kg|org|schema):([a-z][A-Za-z]+)\b", text)  # no classes
    }
    named |= {str(p) for p, _, _ in sg._FOLDS}
    kept = {str(p) for p in sg.SUMMARY_PREDICATES}
    assert len(named) > 10 and named <= kept, sorted(named - kept)
    assert {str(sg.RDFS.label), str(sg.SKOS.altLabel), str(sg.RDF.type)} <= kept


def test_every_triple_is_in_one_named_graph(corpus_result) -> None:
    """What an article states (its metadata, its evidence) lives in its own named graph, so a
    store can replace one article; entities and facts live in the shared graph."""
    store = ox.Store()
    n = write_graph(corpus_result.resolved, io.BytesIO(), fills=[StoreFill(store, named=True)])
    quads = list(store)
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(quads) == n
    shared = ox.NamedNode(shared_graph(DEFAULT_BASE))
    by_sha = {
        ox.NamedNode(article_graph(DEFAULT_BASE, d.sha256)): d for d in corpus_result.documents
    }
    assert {q.graph_name for q in quads} == {shared, *by_sha}
    evidence_type = ox.NamedNode(str(KG.Evidence))
    in_article = ox.NamedNode(str(KG.inArticle))
    for q in quads:
        if q.predicate == in_article:  # an evidence node sits in the graph of its article
            assert q.graph_name in by_sha
            sha = by_sha[q.graph_name].sha256
            assert q.object.value.endswith(sha[:16])
        if q.object == evidence_type:
            assert q.graph_name != shared


def test_named_graphs_change_neither_the_turtle_nor_the_triples(corpus_result) -> None:
    """A build without --endpoint writes quads in the default graph (no copy of each quad
    for Turtle and the store); with it, the same triples in named graphs, and the same file."""
    head = head_quads(corpus_result.resolved, named=False)
    assert head and all(isinstance(q.graph_name, ox.DefaultGraph) for q in head)
    assert [q.triple for q in head_quads(corpus_result.resolved)] == [q.triple for q in head]
    plain, named = ox.Store(), ox.Store()
    a, b = io.BytesIO(), io.BytesIO()
    write_graph(corpus_result.resolved, a, fills=[StoreFill(plain)])
    write_graph(corpus_result.resolved, b, fills=[StoreFill(named, named=True)])
    assert a.getvalue() == b.getvalue()
    assert {q.triple for q in plain} == {q.triple for q in named}
    assert not list(named.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_output_does_not_depend_on_jobs_or_cache(tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    cache = tmp_path / "cache"
    _kg_build(str(src), "-o", str(tmp_path / "plain"), "--no-cache")
    _kg_build(str(src), "-o", str(tmp_path / "pool"), "--jobs", "2", "--cache-dir", str(cache))
    _kg_build(str(src), "-o", str(tmp_path / "cached"), "--cache-dir", str(cache))
    plain = _outputs(tmp_path / "plain")
    assert _outputs(tmp_path / "pool") == plain
    assert _outputs(tmp_path / "cached") == plain


def test_rebuild_extracts_only_the_changed_article(tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    cache = tmp_path / "cache"
    first = build([str(src)], cache_dir=cache)
    assert first.cache_hits == 0
    changed = sorted(src.glob("*.txt"))[2]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text + "\n汕尾市总工会开展“职工暖心行动”。\n", encoding="utf-8")
    again = build([str(src)], cache_dir=cache)
    assert again.cache_hits == len(first.documents) - 1
    fresh = build([str(src)])
    assert again.resolved == fresh.resolved  # the cache changes the time, never the result
    assert "汕尾市" in {e.ref.key for e in again.resolved.entities}


def test_rebuild_reuses_unchanged_pieces_and_gives_the_fresh_bytes(tmp_path: Path) -> None:
    """Pieces of the graph come from the cache unless what they show changed; the output
    equals a build without cache, after an article changed and with a damaged entry."""
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    cache = tmp_path / "cache"
    _kg_build(str(src), "-o", str(tmp_path / "first"), "--cache-dir", str(cache))
    parts = next(cache.glob("*/parts"))
    first = {p.name: p.stat().st_ino for p in parts.iterdir()}  # a rewrite is a new inode
    changed = sorted(src.glob("*.txt"))[2]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n汕尾市总工会开展“职工暖心行动”。\n",
        encoding="utf-8",
    )
    pieces = graph_pieces(build([str(src)]).resolved, DEFAULT_BASE)
    articles = [p for p in pieces if isinstance(p, ArticlePart)]
    assert len(articles) == 5 and len(pieces) > 5  # and batches of entities and facts
    keys = {f"{piece_key(DEFAULT_BASE, p)}.pkl": p for p in pieces}
    unchanged = {key for key, p in keys.items() if key in first}
    reused_articles = [keys[k] for k in unchanged if isinstance(keys[k], ArticlePart)]
    names = {Path(p.name).name for p in reused_articles}
    assert names == {Path(p.name).name for p in articles} - {changed.name}
    damaged = sorted(unchanged)[0]
    (parts / damaged).write_bytes(b"damaged")

    _kg_build(str(src), "-o", str(tmp_path / "again"), "--cache-dir", str(cache))
    _kg_build(str(src), "-o", str(tmp_path / "fresh"), "--no-cache")
    assert _outputs(tmp_path / "again") == _outputs(tmp_path / "fresh")
    again = {p.name: p.stat().st_ino for p in parts.iterdir()}
    assert {k for k in unchanged if again[k] == first[k]} == unchanged - {damaged}  # not rewritten
    assert (parts / damaged).read_bytes() != b"damaged"  # made again
    assert set(again) == set(first) | set(keys)  # the changed pieces are new entries


def test_a_changed_rule_set_misses_the_whole_cache(tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    build([str(SEEDS)], cache_dir=cache)
    assert build([str(SEEDS)], cache_dir=cache).cache_hits == 5
    monkeypatch.setattr("kg.cache.fingerprint", lambda: "f" * 64)  # as if a word list changed
    assert build([str(SEEDS)], cache_dir=cache).cache_hits == 0


def test_dask_cluster_gives_the_single_process_bytes(tmp_path: Path) -> None:
    """Two worker processes of a LocalCluster run the per-document stages."""
    import distributed

    _kg_build(str(SEEDS), "-o", str(tmp_path / "plain"), "--no-cache")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        _kg_build(
            str(SEEDS),
            "-o",
            str(tmp_path / "dask"),
            "--no-cache",
            "--scheduler",
            cluster.scheduler_address,
        )
        workers = client.run(lambda: "kg.pipeline" in __import__("sys").modules)
    assert len(workers) == 2 and any(workers.values())  # the work ran in the workers
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "plain")


def test_bad_scheduler_address_is_a_clear_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(
        cli,
        [
            "build",
            str(SEEDS),
            "-o",
            str(tmp_path),
            "--no-cache",
            "--scheduler",
            "tcp://127.0.0.1:9",
        ],
    )
    assert res.exit_code == 1
    assert "tcp://127.0.0.1:9" in res.output and "Traceback" not in res.output
    assert not (tmp_path / "graph.ttl").exists()


def test_timings_name_every_stage_and_the_parts_of_writing(tmp_path: Path) -> None:
    res = CliRunner().invoke(
        cli, ["build", str(SEEDS), "-o", str(tmp_path / "o"), "--timings", "--no-cache"]
    )
    assert res.exit_code == 0, res.output
    line = next(x for x in res.output.splitlines() if x.startswith("timings: "))
    seconds = {k: float(v) for k, v in re.findall(r"(\w+) ([\d.]+) s", line)}
    assert list(seconds) == ["read", "extract", "resolve", "write", "graph", "view"], line
    assert seconds["graph"] + seconds["view"] <= seconds["write"] + 0.01
    assert line.endswith("cache hits 0/5")


def test_a_store_that_fails_to_load_fails_the_write_and_stops_its_thread(corpus_result) -> None:
    """Stores are loaded in a thread while the pieces are written: its error reaches the
    caller (the build then fails with a message and keeps the previous outputs)."""
    import threading

    class FullDisk:
        def bulk_extend(self, quads) -> None:
            pass

        def bulk_load(self, *args, **kwargs) -> None:
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        write_graph(corpus_result.resolved, io.BytesIO(), fills=[StoreFill(FullDisk())])
    assert not [t for t in threading.enumerate() if t.name == "kg-store-load"]
