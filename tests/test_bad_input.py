"""Bad input: every kind of file users' folders hold gets its stated behaviour.

The corpus is ``tests/fuzz/`` (one small file per kind, listed with the expected outcome in
``tests/fuzz/expected.tsv``); inputs that cannot live in git (50 MB, a 5 MB line, a symlink
loop, an unreadable folder, odd file names) are made here in ``tmp_path``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal

import kg.read
from kg.cli import EXIT_SKIPPED, cli
from kg.ontology import KG
from kg.pipeline import extract_document
from kg.read import read_file
from tests.conftest import ROOT, SEEDS

FUZZ = ROOT / "tests" / "fuzz"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
KG_MAIN = [sys.executable, "-c", "from kg.cli import main; main()"]


def _manifest() -> dict[str, tuple[str, str]]:
    rows = {}
    for line in (FUZZ / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, outcome, *reason = line.split("\t")
            rows[name] = (outcome, reason[0] if reason else "")
    return rows


MANIFEST = _manifest()
READ = sorted(n for n, (o, _) in MANIFEST.items() if o == "read")
SKIPPED = {n: r for n, r in MANIFEST.items() if r[0] != "read"}


# --------------------------------------------------------------------------------------------
# parsers


def parse_everywhere(path: Path) -> int:
    """Parse a Turtle file with rdflib, pyoxigraph, rapper and serdi; return the triple count
    (the same in all four, or the test fails)."""
    data = path.read_bytes()
    n = len(Graph().parse(data=data, format="turtle"))
    store = pyoxigraph.Store()
    store.load(data, format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == n
    for tool, package, args in (
        ("rapper", "raptor2-utils", ["-i", "turtle", "-o", "ntriples"]),
        ("serdi", "serdi", ["-i", "turtle", "-o", "ntriples"]),
    ):
        exe = shutil.which(tool)
        if exe is None:
            pytest.fail(
                f"{tool} not found: install Debian's {package} (apt-get install -y {package}, "
                "or run bash scripts/test.sh)",
                pytrace=False,
            )
        out = subprocess.run([exe, *args, str(path)], capture_output=True)
        assert out.returncode == 0, f"{tool}: {out.stderr.decode(errors='replace')}"
        lines = [ln for ln in out.stdout.splitlines() if ln.strip()]
        assert len(lines) == n, f"{tool} read {len(lines)} triples, rdflib {n}"
    return n


# --------------------------------------------------------------------------------------------
# the corpus itself


def test_manifest_covers_the_corpus_and_the_generator_made_it() -> None:
    sys.path.insert(0, str(FUZZ))
    try:
        import make_corpus
    finally:
        sys.path.remove(str(FUZZ))
    made = make_corpus.files()
    on_disk = {p.name for p in FUZZ.iterdir() if p.suffix == ".txt"}
    assert on_disk == set(MANIFEST) == set(made)
    for name, data in made.items():
        assert (FUZZ / name).read_bytes() == data, f"{name}: rerun tests/fuzz/make_corpus.py"


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_each_bad_file_is_skipped_with_its_reason(name: str) -> None:
    severity, reason = SKIPPED[name]
    with pytest.raises(kg.read.ReadError) as caught:
        read_file(FUZZ / name, name)
    problem = caught.value.problem
    assert (problem.path, problem.severity) == (name, severity)
    assert problem.reason.startswith(reason)
    if reason.startswith("not text in any encoding"):
        assert "utf-8" in problem.reason and "gb18030" in problem.reason  # the encodings tried


def _facts(name: str) -> list[tuple]:
    """What an article states, independent of its file: fact identities (without the source
    file name) and where in the text each was read."""
    ex = extract_document(read_file(FUZZ / name, name))
    out = []
    for f in ex.facts:
        args = tuple((k, v) for k, v in f.identity()[1] if k != "source")
        spans = tuple((e.start, e.end, e.sentence, e.rule) for e in f.evidence)
        out.append((f.kind, args, f.modality, spans))
    return sorted(out, key=repr)


@pytest.mark.parametrize("name", [n for n in READ if n not in ("utf8.txt", "hostile.txt")])
def test_every_encoding_gives_the_same_facts_as_utf8(name: str) -> None:
    expected = _facts("utf8.txt")
    assert any(f[0] == "holds_post" for f in expected)  # the premise: there are facts to compare
    assert _facts(name) == expected


# --------------------------------------------------------------------------------------------
# a build over everything


def _deny(path: Path, monkeypatch) -> None:
    """Make ``path`` unreadable: chmod for a normal user; root ignores modes, so for root the
    OS error is simulated where kg.read opens files and lists folders."""
    if not IS_ROOT:
        path.chmod(0)
        return
    real_open, real_scandir = open, os.scandir

    def fake_open(p, *args, **kwargs):
        if os.path.abspath(p) == str(path):
            raise PermissionError(13, "Permission denied", str(p))
        return real_open(p, *args, **kwargs)

    def fake_scandir(p="."):
        if os.path.abspath(p) == str(path):
            raise PermissionError(13, "Permission denied", str(p))
        return real_scandir(p)

    monkeypatch.setattr(kg.read, "open", fake_open, raising=False)
    monkeypatch.setattr(os, "scandir", fake_scandir)


ODD_NAMES = [
    'a b "q" <x> #1 & 😀.txt',
    "line\nbreak\x1b[31m.txt",
    "\u202etxt.exe.txt",
]


@pytest.fixture
def fuzz_folder(tmp_path: Path, monkeypatch) -> tuple[Path, dict[str, str]]:
    """The fuzz corpus plus what git cannot hold; returns the folder and, per extra bad path
    (relative, as printed), the start of its reason."""
    root = tmp_path / "in"
    shutil.copytree(FUZZ, root, ignore=shutil.ignore_patterns("*.py", "*.tsv", "__pycache__"))
    seed = (SEEDS / "001_6ae12ce34c73e871.txt").read_bytes()
    for i, name in enumerate(ODD_NAMES):
        (root / name).write_bytes(seed + f"\n附{i}\n".encode())
    (root / os.fsdecode(b"gbk-\xb9\xa4\xbb\xe1.txt")).write_bytes(seed + b"\n4\n")
    (root / "images").mkdir()  # a subfolder without articles is passed over silently
    (root / "images" / "scan.png").write_bytes((FUZZ / "image.txt").read_bytes())
    (root / "loop").symlink_to(root)
    (root / "self.txt").symlink_to(root / "self.txt")
    locked = root / "locked.txt"
    locked.write_bytes(seed + b"\n5\n")
    _deny(locked, monkeypatch)
    extra = {
        "loop": "symlink loop",
        "self.txt": "symlink loop",
        "locked.txt": "permission denied",
    }
    yield root, extra
    if not IS_ROOT:
        locked.chmod(0o644)


def test_build_over_the_fuzz_folder(fuzz_folder, tmp_path: Path, monkeypatch) -> None:
    root, extra = fuzz_folder
    monkeypatch.chdir(root.parent)
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["build", "in", "missing.txt", "-o", str(out)])
    assert res.exit_code == EXIT_SKIPPED, res.output

    # every good file became an article, under its (printable) name
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    sources = {str(o) for o in graph.objects(None, KG.sourceFile)}
    expected_read = {f"in/{n}" for n in READ} | {
        'in/a b "q" <x> #1 & 😀.txt',
        "in/line\\x0abreak\\x1b[31m.txt",
        "in/\\u202etxt.exe.txt",
        "in/gbk-\\xb9\\xa4\\xbb\\xe1.txt",
    }
    assert sources == expected_read
    assert len(set(graph.subjects(RDF.type, KG.Article))) == len(expected_read)

    # every bad one is listed, once, with its reason, after the summary
    bad = {f"in/{n}": reason for n, (_, reason) in SKIPPED.items()}
    bad |= {f"in/{n}": reason for n, reason in extra.items()}
    bad["missing.txt"] = "no such file or directory"
    listed = re.findall(r"^skipped \((error|warning)\) (.*?): (.*)$", res.stderr, re.M)
    assert sorted(path for _, path, _ in listed) == sorted(bad)
    for severity, path, reason in listed:
        assert reason.startswith(bad[path]), (path, reason)
        assert severity == (SKIPPED.get(path.removeprefix("in/"), ("error",))[0])
    assert res.stderr.rstrip().splitlines()[-1] == (
        f"{len(bad)} input(s) skipped ({len(bad) - 2} errors, 2 warnings); exit status 3"
    )
    assert res.output.index("wrote ") < res.output.index("skipped (")
    assert "\x1b" not in res.output and "\u202e" not in res.output  # names shown escaped

    assert parse_everywhere(out / "graph.ttl") == len(graph)
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "\\u003cscript\\u003ealert(1)" in html


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: None, "no such file or directory"),
        (lambda p: (p.mkdir(), (p / "x.pdf").write_bytes(b"%PDF-1.4")), "no readable files"),
        (lambda p: p.symlink_to(p), "symlink loop"),
        (lambda p: (p.mkdir(), (p / "up").symlink_to(p)), "symlink loop"),
    ],
    ids=["missing", "no-readable-files", "self-link", "dir-loop"],
)
def test_a_path_that_gives_nothing_fails_clearly(tmp_path: Path, make, reason: str) -> None:
    target = tmp_path / "articles"
    make(target)
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["build", str(target), "-o", str(out)])
    assert res.exit_code == 1
    assert re.search(rf"skipped \(error\) {re.escape(target.as_posix())}\S*: {reason}", res.stderr)
    assert "nothing to build" in res.stderr
    assert not out.exists()


def test_permission_denied_alone_fails_clearly(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "article.txt"
    target.write_bytes((SEEDS / "000_cba2e6ab6a53fdd1.txt").read_bytes())
    _deny(target, monkeypatch)
    try:
        res = CliRunner().invoke(cli, ["build", str(target), "-o", str(tmp_path / "out")])
    finally:
        target.chmod(0o644)
    assert res.exit_code == 1
    assert f"{target.as_posix()}: permission denied" in res.stderr


def test_strict_stops_at_the_first_bad_file_and_keeps_the_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    ok = CliRunner().invoke(cli, ["build", str(SEEDS / "000_cba2e6ab6a53fdd1.txt"), "-o", str(out)])
    assert ok.exit_code == 0, ok.output
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    src = tmp_path / "in"
    shutil.copytree(FUZZ, src, ignore=shutil.ignore_patterns("*.py", "*.tsv"))
    res = CliRunner().invoke(cli, ["build", str(src), "-o", str(out), "--strict"])
    assert res.exit_code == 1
    first_bad = sorted(SKIPPED)[0]  # files are read in order of their names
    assert f"{src.as_posix()}/{first_bad}: {SKIPPED[first_bad][1]}" in res.stderr
    assert "--strict" in res.stderr
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()} == before
    # and without --strict the same folder builds, listing the bad files
    res = CliRunner().invoke(cli, ["build", str(src), "-o", str(out)])
    assert res.exit_code == EXIT_SKIPPED


def test_an_extractor_failing_on_one_article_does_not_stop_the_build(
    tmp_path: Path, monkeypatch
) -> None:
    import kg.pipeline

    real = kg.pipeline.extract_document

    def flaky(doc):
        if doc.name.endswith("gbk.txt"):
            raise IndexError("string index out of range")
        return real(doc)

    monkeypatch.setattr(kg.pipeline, "extract_document", flaky)
    files = [str(FUZZ / n) for n in ("utf8_bom.txt", "gbk.txt", "utf8.txt")]
    res = CliRunner().invoke(cli, ["build", *files, "-o", str(tmp_path / "out")])
    assert res.exit_code == EXIT_SKIPPED, res.output
    assert "documents read: 2" in res.stdout
    assert re.search(
        r"skipped \(error\) \S*gbk\.txt: extraction failed \(IndexError: string index", res.stderr
    )
    res = CliRunner().invoke(cli, ["build", *files, "-o", str(tmp_path / "o2"), "--strict"])
    assert res.exit_code == 1 and "gbk.txt: extraction failed" in res.stderr
    assert not (tmp_path / "o2").exists()


def test_warnings_only_exit_zero_and_are_listed(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes((FUZZ / "utf8.txt").read_bytes())
    (src / "b.txt").write_bytes((FUZZ / "utf8.txt").read_bytes())  # same content
    (src / "empty.txt").write_bytes(b"")
    res = CliRunner().invoke(cli, ["build", str(src), "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert f"skipped (warning) {src.as_posix()}/b.txt: same content as" in res.stderr
    assert f"skipped (warning) {src.as_posix()}/empty.txt: empty file" in res.stderr
    assert "2 input(s) skipped (0 errors, 2 warnings)" in res.stderr


def test_bad_base_iri_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    for base in ["not an iri", "http://example.org/a b/", "http://example.org/{x}/", "urn"]:
        res = CliRunner().invoke(
            cli, ["build", str(FUZZ / "utf8.txt"), "-o", str(tmp_path / "o"), "--base", base]
        )
        assert res.exit_code == 1, base
        assert "--base" in res.output and "not a usable absolute IRI" in res.output
    assert not (tmp_path / "o").exists()


def test_unwritable_output_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    res = CliRunner().invoke(cli, ["build", str(FUZZ / "utf8.txt"), "-o", str(blocker / "x")])
    assert res.exit_code == 1
    assert "cannot write" in res.output and "previous outputs left as they were" in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)


@pytest.mark.parametrize("command", [["view"], ["export", "--format", "nt"]])
def test_view_and_export_to_unwritable_path_fail_clearly(
    command: list[str], tmp_path: Path, seed_graph_file: Path
) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    target = blocker / "x"
    res = CliRunner().invoke(cli, [*command, "--graph", str(seed_graph_file), "-o", str(target)])
    assert res.exit_code == 1
    assert f"cannot write {blocker}" in res.output  # the path in the way, with the reason
    assert res.exception is None or isinstance(res.exception, SystemExit)


def test_hostile_article_gives_valid_output(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["build", str(FUZZ / "hostile.txt"), "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    n = parse_everywhere(tmp_path / "graph.ttl")
    graph = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    assert len(graph) == n
    assert Literal("<script>alert(1)</script>职工&“家”<b>#1</b>", lang="zh") in set(
        graph.objects(None, KG.sentence)
    )
    sentences = " ".join(str(s) for s in graph.objects(None, KG.sentence))
    assert "<img src=x onerror=alert(4)>" in sentences and "\x01" in sentences


# --------------------------------------------------------------------------------------------
# big inputs: processed; time and memory measured and printed, never asserted

FILLER = (
    "各级工会组织要坚持以职工为中心，不断增强职工群众的获得感、幸福感、安全感，"
    "把党的关怀送到职工心坎上。\n"
    "我们将继续深入基层、深入一线，倾听职工呼声，回应职工关切，办好职工身边的实事。\n"
)


def _build_measured(paths: list[Path], out: Path) -> tuple[int, float, float, str]:
    """Run ``kg build`` in a child process; return (exit status, seconds, max RSS in MB,
    output). RSS is the child's own (``wait4``), not the test process's."""
    log = out.parent / f"{out.name}.log"
    with open(log, "wb") as sink:
        start = time.monotonic()
        proc = subprocess.Popen(
            [*KG_MAIN, "build", *map(str, paths), "-o", str(out)], stdout=sink, stderr=sink
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, seconds, usage.ru_maxrss / 1024, log.read_text(errors="replace")


def _report(record_property, what: str, seconds: float, rss: float) -> None:
    record_property(f"{what}_seconds", round(seconds, 1))
    record_property(f"{what}_max_rss_mb", round(rss))
    print(f"\n{what}: kg build took {seconds:.1f} s, max RSS {rss:.0f} MB")


@pytest.mark.big
def test_a_50_mb_article_is_processed(tmp_path: Path, record_property) -> None:
    head = (FUZZ / "utf8.txt").read_text(encoding="utf-8")
    unit = FILLER.encode()
    repeats = (50 * 1024 * 1024 - len(head.encode())) // len(unit) + 1
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.write(head.encode())
        fh.write(unit * repeats)
    assert big.stat().st_size >= 50 * 1024 * 1024
    status, seconds, rss, log = _build_measured([big], tmp_path / "out")
    _report(record_property, "50mb_article", seconds, rss)
    assert status == 0, log
    graph = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert (None, KG.interviewee, None) in graph  # the article's head was read


def test_a_5_mb_line_and_cr_line_ends_are_processed(tmp_path: Path, record_property) -> None:
    line = FILLER.replace("\n", "")
    text = (line * (5 * 1024 * 1024 // len(line.encode()) + 1)).encode()[: 5 * 1024 * 1024]
    one_line = tmp_path / "line.txt"
    one_line.write_bytes(text.decode("utf-8", "ignore").encode("gb18030"))  # and in GBK
    cr = tmp_path / "cr.txt"
    cr.write_bytes((FUZZ / "cr.txt").read_bytes() + (FILLER * 2000).replace("\n", "\r").encode())
    status, seconds, rss, log = _build_measured([one_line, cr], tmp_path / "out")
    _report(record_property, "5mb_line", seconds, rss)
    assert status == 0, log
    assert "documents read: 2; skipped: 0" in log
    parse_everywhere(tmp_path / "out" / "graph.ttl")


# --------------------------------------------------------------------------------------------
# hostile text in the HTML view, in a real browser

PWN_HEADLINE = "<script>window.__pwned=1</script>&“职工”"
PWN_IMG = "<img src=x onerror=window.__pwned=2>"
PWN_SCRIPT = "<script>window.__pwned=3</script>"
PWN_QUOTED = "<img src=x onerror=“window.__pwned=4”>&“家”"  # straight quotes become curly
HOSTILE_ARTICLE = """工会主席访谈23

<img src=x onerror=window.__pwned=2>韶关市总工会党组书记、常务副主席李明华：

<script>window.__pwned=1</script>&"职工"

全媒体记者王小红 通讯员陈晓

记者：请谈谈体会？

李明华：近年来，韶关工会深入开展专项行动。

■<script>window.__pwned=3</script>韶关市总工会主席李明华在企业走访，<img src=x onerror="window.__pwned=4">&"家"。单位供图
"""

HOVER = """([id, x]) => {
  network.stopSimulation();
  network.setOptions({physics: false});
  network.moveNode(id, x, 5000);  // away from every other node
  network.focus(id, {scale: 1.0, animation: false});
  return network.canvasToDOM(network.getPositions([id])[id]);
}"""


@pytest.mark.browser
def test_hostile_article_is_text_in_the_browser(offline_page, tmp_path: Path) -> None:
    from kg.draw import graph_to_view

    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    out = tmp_path / "output"
    res = CliRunner().invoke(cli, ["build", str(article), "-o", str(out)])
    assert res.exit_code == 0, res.output
    nodes, _ = graph_to_view(Graph().parse(out / "graph.ttl", format="turtle"))
    by_text = {
        "article": next(n for n in nodes if n.group == "article"),
        "post": next(n for n in nodes if n.group == "post" and PWN_SCRIPT in repr(n.details)),
        "post2": next(n for n in nodes if n.group == "post" and PWN_IMG in repr(n.details)),
    }
    assert by_text["article"].label == PWN_HEADLINE

    view = offline_page(viewport={"width": 1200, "height": 800}).open(out / "graph.html")
    page = view.page
    tooltips = {}
    for i, (kind, node) in enumerate(by_text.items(), start=1):
        page.mouse.move(1, 1)
        page.wait_for_timeout(200)
        pos = page.evaluate(HOVER, [node.id, 5000 * i])
        box = page.locator("#mynetwork canvas").bounding_box()
        assert box
        x, y = box["x"] + pos["x"], box["y"] + pos["y"]
        page.mouse.move(x - 4, y - 4)
        page.mouse.move(x, y)
        tooltip = page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5000)
        tooltips[kind] = tooltip.inner_text()
        tags = page.evaluate(
            "[...document.querySelector('div.vis-tooltip').children].map(c => c.tagName)"
        )
        assert set(tags) <= {"BR"}, tags
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 2  # vis-network and the page's own
    assert view.errors == [] and view.blocked == []

    assert tooltips["article"].splitlines()[0] == PWN_HEADLINE
    for text in (PWN_SCRIPT, PWN_QUOTED, "李明华"):
        assert text in tooltips["post"]
    assert f"句子: {PWN_IMG}韶关市总工会" in tooltips["post2"]


def test_an_iri_that_is_not_an_iri_stops_the_build_naming_it(tmp_path, monkeypatch):
    """The graph is written as text, not through Oxigraph's terms, and the stores' bulk loader
    parses leniently: an IRI that is not one (here forced: a space in people's IRIs) must stop
    the build with its name, not land in a file no strict parser reads."""
    from click.testing import CliRunner

    import kg.graph
    from kg.cli import cli
    from tests.conftest import SEEDS

    real = kg.graph.ref_iri
    monkeypatch.setattr(
        "kg.graph.ref_iri",
        lambda base, ref: real(base, ref) + (" x" if ref.kind == "person" else ""),
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(SEEDS), "-o", str(out), "--no-cache"])
    assert result.exit_code == 1
    assert "cannot write the IRI <http://example.org/union-kg/id/person/" in result.output
    assert " x>" in result.output
    assert not (out / "graph.ttl").exists()
