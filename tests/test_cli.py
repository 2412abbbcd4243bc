"""The ``kg`` commands driven as a user would, through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Dataset, Graph, Literal

from kg.cli import EXIT_SKIPPED, cli
from kg.ontology import KG
from tests.conftest import GOLD, ROOT, SEEDS


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    res = CliRunner().invoke(cli, ["build", str(SEEDS), "-o", str(out)])
    assert res.exit_code == 0, res.output
    return out, res.output


def test_build_writes_graph_and_view_and_summary(built):
    out, output = built
    assert (out / "graph.ttl").stat().st_size > 1000
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "黄远程" in html
    assert "documents read: 5" in output
    assert re.search(r"holds_post \d+", output)
    Graph().parse(out / "graph.ttl", format="turtle")


def test_build_without_view_or_validation(built, tmp_path):
    """--no-view writes the same Turtle and no HTML, removing a view an earlier build left
    (it showed that build's graph); --no-validate says the shapes were not checked."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.html").write_text("<html>an earlier graph</html>", encoding="utf-8")
    res = CliRunner().invoke(
        cli, ["build", str(SEEDS), "-o", str(out), "--no-view", "--no-validate", "--no-cache"]
    )
    assert res.exit_code == 0, res.output
    assert not (out / "graph.html").exists()
    assert (out / "graph.ttl").read_bytes() == (built[0] / "graph.ttl").read_bytes()
    assert "no view (--no-view); removed the earlier build's" in res.output
    assert "SHACL: not checked (--no-validate)" in res.output
    res = CliRunner().invoke(cli, ["build", str(SEEDS), "-o", str(out), "--no-view"])
    assert res.exit_code == 0, res.output
    assert "removed" not in res.output and "SHACL: the graph conforms" in res.output
    assert sorted(f.name for f in out.iterdir()) == ["graph.ttl"]


def test_build_needs_no_test_only_package(built, tmp_path):
    """A build runs on the runtime dependencies alone: cn2an, the oracle of the numeral tests,
    is made unimportable (a fresh install without the test extra does not have it), and the
    seeds and the genre articles (series numbers and figures in Chinese numerals) build the
    same graph."""
    import subprocess
    import sys

    from tests.conftest import GENRE

    script = (
        "import sys; sys.modules['cn2an'] = None; from kg.cli import main; sys.argv[0] = 'kg'; "
        "main()"
    )
    from tests.test_extract import ALTERED

    series = tmp_path / "series"
    series.mkdir()
    (series / "a.txt").write_text(ALTERED.replace("访谈⑰", "访谈十四"), "utf-8")
    for name, corpus in (("seeds", SEEDS), ("genre", GENRE), ("series", series)):
        out = tmp_path / name
        args = [sys.executable, "-c", script, "build", str(corpus), "-o", str(out), "--no-cache"]
        run = subprocess.run([*args, "--no-view"], capture_output=True, text=True, cwd=ROOT)
        assert run.returncode == 0, run.stderr
    seeds = (tmp_path / "seeds" / "graph.ttl").read_bytes()
    assert seeds == (built[0] / "graph.ttl").read_bytes()
    assert "kg:seriesNumber 14" in (tmp_path / "series" / "graph.ttl").read_text("utf-8")


def test_build_custom_base(tmp_path):
    res = CliRunner().invoke(
        cli,
        [
            "build",
            str(SEEDS / "000_cba2e6ab6a53fdd1.txt"),
            "-o",
            str(tmp_path),
            "--base",
            "https://kg.example.net/x/",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "https://kg.example.net/x/person/黄远程" in (tmp_path / "graph.ttl").read_text(
        encoding="utf-8"
    )


def test_build_reports_bad_files_and_still_writes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_bytes((SEEDS / "000_cba2e6ab6a53fdd1.txt").read_bytes())
    (src / "bad.txt").write_bytes(b"%PDF-1.7\n\x00\x01binary")
    res = CliRunner().invoke(cli, ["build", str(src), "-o", str(tmp_path / "out")])
    assert res.exit_code == EXIT_SKIPPED
    assert "bad.txt" in res.output and "not text" in res.output
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_build_missing_path_fails_clearly(tmp_path):
    res = CliRunner().invoke(cli, ["build", str(tmp_path / "nope"), "-o", str(tmp_path)])
    assert res.exit_code != 0
    assert "nope" in res.output


@pytest.mark.parametrize("query", sorted((ROOT / "queries").glob("*.rq")), ids=lambda p: p.name)
def test_every_canned_query_returns_rows(built, query):
    out, _ = built
    text = query.read_text(encoding="utf-8")
    assert text.startswith("#"), "each query opens with a comment stating its question"
    args = ["query", str(query), "--graph", str(out / "graph.ttl"), "--format", "csv"]
    # bind what the query's own example line binds (# Example: kg query … --bind name=黄远程)
    args += [a for b in re.findall(r"--bind (\S+)", text.split("\n\n")[0]) for a in ("--bind", b)]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    rows = list(csv.reader(io.StringIO(res.output)))
    assert len(rows) > 1, res.output


def test_query_formats(built):
    out, _ = built
    g = str(out / "graph.ttl")
    q = str(ROOT / "queries" / "officials.rq")
    js = json.loads(CliRunner().invoke(cli, ["query", q, "--graph", g, "--format", "json"]).output)
    assert js["head"]["vars"][0] == "person" and js["results"]["bindings"]
    tsv = CliRunner().invoke(cli, ["query", q, "--graph", g, "--format", "tsv"]).output
    assert tsv.splitlines()[0].startswith("?person\t")
    table = CliRunner().invoke(cli, ["query", q, "--graph", g, "--format", "table"]).output
    assert "黄远程" in table and "row(s)" in table


def test_malformed_query_names_line_and_column(built):
    out, _ = built
    res = CliRunner().invoke(
        cli, ["query", "SELECT ?s WHERE {\n ?s ?p }", "--graph", str(out / "graph.ttl")]
    )
    assert res.exit_code != 0
    assert re.search(r"line \d+, column \d+", res.output)


def test_update_is_refused(built):
    out, _ = built
    res = CliRunner().invoke(
        cli, ["query", "DELETE WHERE { ?s ?p ?o }", "--graph", str(out / "graph.ttl")]
    )
    assert res.exit_code != 0 and "refused" in res.output
    assert len(Graph().parse(out / "graph.ttl")) > 100


def test_missing_graph_file(tmp_path):
    for cmd in (
        ["query", "SELECT * WHERE { ?s ?p ?o }"],
        ["view"],
        ["export", "--format", "nt"],
        ["stats"],
    ):
        res = CliRunner().invoke(cli, [*cmd, "--graph", str(tmp_path / "missing.ttl")])
        assert res.exit_code != 0, cmd
        assert "missing.ttl" in res.output and "not found" in res.output


def test_view_command(built, tmp_path):
    out, _ = built
    res = CliRunner().invoke(
        cli, ["view", "--graph", str(out / "graph.ttl"), "-o", str(tmp_path / "v.html")]
    )
    assert res.exit_code == 0, res.output
    assert "江洪灿" in (tmp_path / "v.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "jsonld", "graphml"])
def test_export_formats(built, tmp_path, fmt):
    out, _ = built
    target = tmp_path / f"g.{fmt}"
    res = CliRunner().invoke(
        cli, ["export", "--format", fmt, "--graph", str(out / "graph.ttl"), "-o", str(target)]
    )
    assert res.exit_code == 0, res.output
    if fmt == "graphml":
        g = nx.read_graphml(target)
        assert any(d.get("label") == "黄远程" for _, d in g.nodes(data=True))
    else:
        fmt_name = {"ttl": "turtle", "nt": "nt", "trig": "trig", "jsonld": "json-ld"}[fmt]
        ds = Dataset()
        ds.parse(target, format=fmt_name)
        assert len(list(ds.quads((None, None, None, None)))) > 100


def test_stats(built):
    out, _ = built
    res = CliRunner().invoke(cli, ["stats", "--graph", str(out / "graph.ttl")])
    assert res.exit_code == 0
    assert re.search(r"\d+\s+kg:PostHolding", res.output)
    assert re.search(r"\d+\s+org:member", res.output)


def test_eval_prints_scores():
    res = CliRunner().invoke(cli, ["eval", str(GOLD / "people.json"), str(SEEDS)])
    assert res.exit_code == 0, res.output
    assert re.search(r"posts\s+1\.000\s+1\.000", res.output)


def test_every_command_and_option_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, cmd in cli.commands.items():
        assert f"kg {name}" in readme, name
        for param in cmd.params:
            for opt in param.opts:
                if opt.startswith("--") and opt not in ("--help",):
                    assert opt in readme, f"kg {name} {opt}"


def test_the_console_command_leaves_a_build_with_its_status_and_all_its_output(tmp_path):
    """`kg` (kg.cli.main) ends a finished build with os._exit, skipping the interpreter's
    teardown: the exit status, everything printed and the output files are as click's own
    exit leaves them."""
    import subprocess
    import sys

    from tests.conftest import SEEDS

    src = tmp_path / "in"
    src.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    (src / seed.name).write_bytes(seed.read_bytes())
    (src / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)
    args = ["build", str(src), "-o", str(tmp_path / "out"), "--no-cache"]
    run = subprocess.run(
        [sys.executable, "-c", "from kg.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == EXIT_SKIPPED, run.stderr
    assert "wrote" in run.stdout and run.stdout.rstrip().endswith("shapes.ttl")
    assert run.stderr.rstrip().endswith(f"exit status {EXIT_SKIPPED}")
    expected = CliRunner().invoke(cli, [*args[:3], str(tmp_path / "expected"), *args[4:]])
    assert expected.exit_code == EXIT_SKIPPED
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "expected" / name).read_bytes()


@pytest.mark.parametrize(
    ("city", "former", "chair"),
    [("揭阳市", "蔡丽华", "林晓东"), ("潮州市", "欧阳素珍", "温志刚")],
    ids=["jieyang", "chaozhou"],
)
def test_a_former_post_is_marked_in_the_graph_the_query_and_the_view(tmp_path, city, former, chair):
    """市总工会原主席蔡丽华: the holding carries kg:former true and 原 in its label; officials.rq
    lists it as 原主席 beside the current 主席; the view's post node reads 原主席; the graph
    conforms to the shapes."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        f"本报讯 {city}总工会召开座谈会。{city}总工会主席{chair}主持，{city}总工会原主席{former}"
        "出席并讲话。\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(out)])
    assert res.exit_code == 0, res.output
    g = Graph().parse(out / "graph.ttl")
    marked = {
        str(g.value(h, RDFS.label))
        for h in g.subjects(KG.former, Literal(True))
        if (h, RDF.type, KG.PostHolding) in g
    }
    assert marked == {f"{former} · 原{city}总工会主席"}, marked
    q = str(ROOT / "queries" / "officials.rq")
    rows = list(
        csv.reader(
            io.StringIO(
                CliRunner()
                .invoke(cli, ["query", q, "--graph", str(out / "graph.ttl"), "--format", "csv"])
                .output
            )
        )
    )
    posts = {(r[0], r[1]) for r in rows[1:]}
    assert {(former, "原主席"), (chair, "主席")} <= posts and (former, "主席") not in posts, rows
    assert "原主席" in (out / "graph.html").read_text(encoding="utf-8")
    res = CliRunner().invoke(cli, ["validate", "--graph", str(out / "graph.ttl")])
    assert res.exit_code == 0, res.output
