"""The extraction cache and the runners of per-document stages give the same records."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest

from kg.cache import ExtractionCache, fingerprint
from kg.parallel import run_processes, run_serial
from kg.pipeline import extract_document
from kg.read import read_paths
from tests.conftest import GENRE, ROOT, SEEDS


def _docs():
    docs, problems = read_paths([str(SEEDS)])
    assert not problems
    return docs


def test_cache_round_trip_and_invalidation(tmp_path, monkeypatch):
    docs = _docs()
    cache = ExtractionCache(tmp_path)
    assert cache.get(docs[0]) is None
    ex = extract_document(docs[0])
    cache.put(ex)
    assert cache.get(docs[0]) == ex
    assert (cache.hits, cache.misses) == (1, 1)
    # a damaged entry is a miss, not an error
    next(cache.dir.glob("*.pkl")).write_bytes(b"not a pickle")
    assert cache.get(docs[0]) is None
    # another rule set reads none of this rule set's entries
    cache.put(ex)
    monkeypatch.setattr("kg.cache.fingerprint", lambda: "0" * 64)
    other = ExtractionCache(tmp_path)
    assert other.dir != cache.dir and other.get(docs[0]) is None
    assert other.prune() == 1 and not cache.dir.exists()


def test_fingerprint_is_stable_and_hex():
    assert fingerprint() == fingerprint() and len(fingerprint()) == 64


def test_process_pool_gives_the_serial_records():
    docs = _docs()
    serial = list(run_serial(extract_document, docs))
    pooled = list(run_processes(extract_document, docs, jobs=2))
    assert serial == pooled


def test_one_item_goes_to_a_started_pool_and_none_starts_one():
    """A rebuild after one changed article extracts it in the warm workers it was given (they
    loaded jieba while this process read the cache); without a pool, one item runs here."""
    from kg.parallel import start_pool

    with start_pool(2) as pool:
        assert list(run_processes(_pid, ["one"], jobs=2, pool=pool)) != [os.getpid()]
    assert list(run_processes(_pid, ["one"], jobs=2)) == [os.getpid()]
    assert list(run_processes(_pid, [], jobs=2)) == []


def _pid(_item: object) -> int:
    """Which process ran a task (module level: a pool pickles it by name)."""
    return os.getpid()


def test_cache_entries_leave_no_temporary_files_and_prune_removes_stale_ones(tmp_path):
    docs = _docs()
    cache = ExtractionCache(tmp_path)
    for doc in docs:
        cache.put(extract_document(doc))
    assert sorted(p.name for p in cache.dir.iterdir()) == sorted(f"{d.sha256}.pkl" for d in docs)
    stale = cache.dir / f".{docs[0].sha256}.pkl.999.0.tmp"  # a build killed while writing
    stale.write_bytes(b"half an entry")
    assert ExtractionCache(tmp_path).get(docs[0]) is not None
    cache.prune()
    assert not stale.exists() and len(list(cache.dir.glob("*.pkl"))) == len(docs)


def test_a_cache_that_cannot_be_written_does_not_stop_the_build(tmp_path):
    """A --cache-dir under a regular file: the build completes, says why nothing was cached."""
    from click.testing import CliRunner

    from kg.cli import cli

    (tmp_path / "file").write_text("not a folder")
    out = tmp_path / "out"
    res = CliRunner().invoke(
        cli, ["build", str(SEEDS), "-o", str(out), "--cache-dir", str(tmp_path / "file" / "c")]
    )
    assert res.exit_code == 0, res.output
    assert (out / "graph.ttl").stat().st_size > 0 and (out / "graph.html").exists()
    assert (
        "extractions and graph pieces not cached" in res.output and "Not a directory" in res.output
    )
    assert "Traceback" not in res.output


def test_decoding_in_workers_reports_what_reading_in_one_process_reports(tmp_path):
    """A build decodes in its workers (or not at all on a cache hit); its problems are still
    the ones read_paths gives: a copy of a readable file is a duplicate, a copy of bytes that
    are not text (or of an empty file) has the same problem as the original."""
    from kg.pipeline import build

    src = tmp_path / "in"
    src.mkdir()
    good = next(SEEDS.glob("*.txt")).read_bytes()
    for name, data in {
        "a.txt": good,
        "b.txt": good,
        "c.txt": b"\x81\x00\xff\xfe\x00\x01" * 50,
        "d.txt": b"\x81\x00\xff\xfe\x00\x01" * 50,
        "e.txt": b"",
        "f.txt": b"",
        "g.txt": b"   \n ",
        "h.txt": b"%PDF-1.4 binary",
    }.items():
        (src / name).write_bytes(data)
    docs, expected = read_paths([str(src)])
    assert [d.name.rsplit("/", 1)[-1] for d in docs] == ["a.txt"]
    assert len(expected) == 7
    for jobs, cache in ((1, None), (2, tmp_path / "cache"), (1, tmp_path / "cache")):
        result = build([str(src)], jobs=jobs, cache_dir=cache)
        assert list(result.problems) == expected
        assert [d.name for d in result.documents] == [d.name for d in docs]
        assert result.documents[0].encoding == docs[0].encoding


def test_a_build_prunes_rule_sets_unused_for_a_week_and_nothing_else(tmp_path):
    import os
    import time

    from kg.pipeline import build

    cache = tmp_path / "cache"
    old, recent, other = cache / "0123456789abcdef", cache / "fedcba9876543210", cache / "notes"
    for folder in (old, recent, other):
        folder.mkdir(parents=True)
        (folder / "x.pkl").write_bytes(b"entry")
    week_ago = time.time() - 8 * 24 * 3600
    os.utime(old, (week_ago, week_ago))
    os.utime(other, (week_ago, week_ago))
    result = build([str(SEEDS)], cache_dir=cache)
    assert result.cache_hits == 0 and len(result.documents) > 0
    assert not old.exists() and recent.exists() and other.exists()
    assert ExtractionCache(cache).dir.is_dir()


def test_a_build_forgets_its_own_entries_unused_for_a_week(tmp_path):
    """Old versions of changed articles and pieces of the graph that changed leave the cache
    after a week unused; what builds still use is touched and stays."""
    import os
    import time

    from click.testing import CliRunner

    from kg.cli import cli

    cache = tmp_path / "cache"
    args = ["build", str(SEEDS), "-o", str(tmp_path / "out"), "--cache-dir", str(cache)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    folder = ExtractionCache(cache).dir
    week_ago = time.time() - 8 * 24 * 3600
    used = sorted(folder.glob("*.pkl")) + sorted((folder / "parts").glob("*.pkl"))
    stale = [folder / f"{'0' * 64}.pkl", folder / "parts" / f"{'1' * 64}.pkl"]
    for path in stale:
        path.write_bytes(b"an old version")
    for path in used + stale:
        os.utime(path, (week_ago, week_ago))
    inodes = [path.stat().st_ino for path in used]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    assert not any(path.exists() for path in stale)
    assert [path.stat().st_ino for path in used] == inodes  # used again: kept, not remade
    assert all(path.stat().st_mtime > week_ago + 3600 for path in used)  # and touched


def test_a_worker_that_dies_is_a_message_and_the_outputs_stay(tmp_path, monkeypatch):
    """A worker killed by the system (out of memory) breaks the pool: the build says so in a
    sentence, without a traceback, and the previous outputs are left as they were."""
    import os

    from click.testing import CliRunner

    from kg.cli import cli

    out = tmp_path / "out"
    args = ["build", str(SEEDS), "-o", str(out), "--no-cache", "--jobs", "2"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    before = (out / "graph.ttl").read_bytes()

    def killed(doc):  # runs in a forked worker: the process ends as if the OOM killer struck
        os._exit(137)

    monkeypatch.setattr("kg.pipeline.extract_document", killed)
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 1
    assert "worker process stopped abruptly" in res.output and "Traceback" not in res.output
    assert (out / "graph.ttl").read_bytes() == before


@pytest.fixture(scope="module")
def built_graph_file(tmp_path_factory) -> Path:
    """graph.ttl as kg build writes it (Oxigraph's serializer, canonical literals)."""
    from click.testing import CliRunner

    from kg.cli import cli

    out = tmp_path_factory.mktemp("built")
    args = ["build", str(SEEDS), str(GENRE), "-o", str(out), "--no-cache"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    return out / "graph.ttl"


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "queries").glob("*.rq")))
def test_a_large_graph_file_is_queried_by_oxigraph_with_the_same_answer(
    built_graph_file, monkeypatch, name
):
    """Above LARGE_GRAPH_BYTES, kg query reads the graph file into an in-memory Oxigraph store
    (rdflib needed 23 s to parse a 1,000-article graph): the same rows. Rows that tie on the
    ORDER BY keys, and the values inside a GROUP_CONCAT, come in each engine's own order, so
    rows are compared as a multiset and those cells as sets."""
    from click.testing import CliRunner

    from kg.cli import cli

    args = ["query", str(ROOT / "queries" / name), "--graph", str(built_graph_file)]
    args += ["--format", "csv"]
    binds = {"entity.rq": "name=黄远程", "fact_evidence.rq": "text=南粤工匠"}
    if name in binds:
        args += ["--bind", binds[name]]
    rdflib_out = CliRunner().invoke(cli, args)
    monkeypatch.setattr("kg.source.LARGE_GRAPH_BYTES", 0)
    monkeypatch.setattr("kg.query.load_graph", None)  # the rdflib path would fail loudly
    oxigraph_out = CliRunner().invoke(cli, args)
    assert rdflib_out.exit_code == oxigraph_out.exit_code == 0, oxigraph_out.output

    def rows(text: str) -> list[tuple[frozenset[str], ...]]:
        table = list(csv.reader(io.StringIO(text)))
        return sorted(
            (tuple(frozenset(re.split("[ 、]", cell)) for cell in row) for row in table),
            key=repr,
        )

    assert len(rdflib_out.output.splitlines()) > 1
    assert rows(oxigraph_out.output) == rows(rdflib_out.output)


def test_a_build_pauses_the_cyclic_gc_and_restores_it(monkeypatch):
    """Collections walk every record a build holds (a tenth of a 10,000-article build): the
    build runs without them and leaves the collector as it found it."""
    import gc

    from kg import pipeline

    seen = []
    real = pipeline.extract_document

    def spy(doc):
        seen.append(gc.isenabled())
        return real(doc)

    monkeypatch.setattr("kg.pipeline.extract_document", spy)
    assert gc.isenabled()
    result = pipeline.build([str(SEEDS)])
    assert seen and not any(seen) and len(result.documents) == 5
    assert gc.isenabled()
    gc.disable()
    try:
        pipeline.build([str(SEEDS)])
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_stats_of_a_large_graph_file_counts_in_oxigraph_the_same(built_graph_file, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import cli

    args = ["stats", "--graph", str(built_graph_file)]
    rdflib_out = CliRunner().invoke(cli, args)
    monkeypatch.setattr("kg.source.LARGE_GRAPH_BYTES", 0)
    monkeypatch.setattr("kg.source.load_graph", None)  # the rdflib path would fail loudly
    oxigraph_out = CliRunner().invoke(cli, args)
    assert rdflib_out.exit_code == oxigraph_out.exit_code == 0, oxigraph_out.output
    assert "kg:Evidence" in rdflib_out.output
    assert oxigraph_out.output == rdflib_out.output


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "jsonld", "graphml"])
def test_export_of_a_large_graph_file_by_oxigraph_has_the_same_triples(
    built_graph_file, monkeypatch, tmp_path, fmt
):
    """Above LARGE_GRAPH_BYTES, kg export streams the file from Oxigraph's parser to its writer
    (rdflib would take minutes and gigabytes on 10,000 articles): every format holds exactly
    the file's triples (rdflib's Turtle writer, for one, rewrites "26000"^^xsd:decimal as
    26000.0), GraphML the bytes rdflib's path gives; each way is deterministic."""
    from click.testing import CliRunner
    from rdflib import Dataset, Graph

    from kg.cli import cli

    def export(name: str) -> bytes:
        out = tmp_path / f"{name}.{fmt}"
        args = ["export", "--format", fmt, "--graph", str(built_graph_file), "-o", str(out)]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        return out.read_bytes()

    by_rdflib = export("rdflib")
    monkeypatch.setattr("kg.source.LARGE_GRAPH_BYTES", 0)
    monkeypatch.setattr("kg.query.load_graph", None)  # the rdflib path would fail loudly
    by_oxigraph = export("oxigraph")
    assert export("again") == by_oxigraph
    if fmt == "graphml":
        assert by_oxigraph == by_rdflib
        return

    def triples(data: bytes, parser: str) -> set:
        graph = Dataset(default_union=True) if parser == "trig" else Graph()
        graph.parse(data=data, format=parser)
        return set(graph.triples((None, None, None)))

    expected = triples(built_graph_file.read_bytes(), "turtle")
    assert len(expected) > 3000
    parser = {"ttl": "turtle", "nt": "nt", "trig": "trig", "jsonld": "json-ld"}[fmt]
    assert triples(by_oxigraph, parser) == expected
