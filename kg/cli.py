"""The ``kg`` command: a thin layer over the library (``kg.pipeline``, ``kg.query``, ``kg.draw``,
``kg.export``). Commands parse options, call the library, and print; library errors
(:class:`kg.errors.KgError`) become one-line messages and a non-zero exit."""

from __future__ import annotations

import contextlib
import sys
import time
from collections import Counter
from concurrent.futures import BrokenExecutor
from pathlib import Path

import click

from kg.errors import KgError
from kg.read import ReadError

EXIT_SKIPPED = 3
"""``kg build`` exit status when the graph was built but some input files were skipped with an
error (files skipped with only a warning, empty or duplicate ones, do not change the status)."""
EXIT_TIMEOUT = 124
"""``kg query --timeout`` exit status when the query was stopped at its deadline (as timeout(1))."""


_WORKER_DIED = (
    "a worker process stopped abruptly (killed by the system, most often for lack of memory); "
    "nothing was written, outputs left as they were; try fewer --jobs"
)


def _fail(exc: KgError) -> click.ClickException:
    return click.ClickException(str(exc))


@click.group()
@click.version_option(package_name="union-kg")
def cli() -> None:
    """Build and query a knowledge graph of Chinese trade-union news.

    \b
    Quick start:
      kg build                       # seeds/ -> output/graph.ttl, output/graph.html
      kg query queries/officials.rq  # who holds which post where
      kg view -o output/graph.html   # redraw the HTML view
    """


@cli.command()
@click.argument("paths", nargs=-1, type=str)
@click.option(
    "-o",
    "--output",
    "out_dir",
    default="output",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for graph.ttl and graph.html.",
)
@click.option(
    "--base",
    default=None,
    help="Base IRI for the graph's entities (default http://example.org/union-kg/id/).",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Stop at the first file that would be skipped (exit 1, outputs left as they were).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes for the per-document stages and for making the graph's pieces "
    "(0: one per core).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="tcp://HOST:PORT",
    help="Run the per-document stages on this Dask distributed scheduler instead.",
)
@click.option(
    "--cache-dir",
    default=None,
    type=click.Path(file_okay=False),
    help="Where extractions and graph pieces are kept for the next build, keyed by content "
    "hash and rule set [default: $KG_CACHE_DIR, else $XDG_CACHE_HOME/union-kg, else ~/.cache/union-kg].",
)
@click.option(
    "--store",
    default=None,
    metavar="oxigraph:DIR",
    help="Also write a persistent Oxigraph store (the whole graph, in its default graph) that "
    "kg query, kg view and kg serve read directly; replaced atomically on rebuild.",
)
@click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help="Also load the graph into a SPARQL 1.1 server by the Graph Store Protocol (one named "
    "graph per article, replaced on rebuild; see README).",
)
@click.option(
    "--timings",
    is_flag=True,
    help="Print the wall time of each stage (read, extract, resolve, write, and the parts of "
    "write) and cache hits.",
)
@click.option(
    "--cache/--no-cache",
    default=True,
    show_default=True,
    help="Reuse the extractions and graph pieces of unchanged articles (a rebuild extracts "
    "only what changed and remakes only the pieces that show it).",
)
@click.option(
    "--view/--no-view",
    default=True,
    show_default=True,
    help="Draw OUT/graph.html. --no-view writes the Turtle (and any store) only, and removes "
    "a graph.html left there by an earlier build, which would show another graph; kg view "
    "draws it later.",
)
@click.option(
    "--validate/--no-validate",
    default=True,
    show_default=True,
    help="Check a small graph (up to about 300,000 triples) against the SHACL shapes after "
    "writing it; kg validate checks any graph.",
)
def build(
    paths: tuple[str, ...],
    out_dir: str,
    base: str | None,
    strict: bool,
    jobs: int,
    scheduler: str | None,
    cache_dir: str | None,
    store: str | None,
    endpoint: str | None,
    timings: bool,
    cache: bool,
    view: bool,
    validate: bool,
) -> None:
    """Build the graph from articles (files, folders or globs; default seeds/).

    Writes OUT/graph.ttl (Turtle) and OUT/graph.html (the offline view; not with --no-view), then prints a
    summary: documents read, entities per type, facts per kind, and every skipped file with its
    reason. Both files are replaced atomically: an interrupted build leaves the previous ones.

    \b
    Exit status:
      0  every input was used (empty or duplicate files, skipped with a warning, allowed)
      1  nothing was built: no readable article, a bad --base, outputs not writable,
         or with --strict the first file that would be skipped
      3  the graph was built, but some files were skipped with an error (listed at the end)

    \b
    Examples:
      kg build
      kg build articles/ more/*.txt -o out --base https://example.org/kg/
      kg build articles/ --strict      # all or nothing
      kg build archive/ --no-view --no-validate --store oxigraph:archive.store   # data only
    """
    from kg.cache import default_cache_dir
    from kg.iri import check_base
    from kg.ontology import DEFAULT_BASE
    from kg.output import write_build
    from kg.parallel import default_jobs, gc_paused, start_pool
    from kg.pipeline import build as run_build
    from kg.source import parse_store_spec

    progress = _progress()
    out = Path(out_dir)
    jobs = jobs or default_jobs()
    # One pool of workers extracts and then makes the articles' parts of the graph; started
    # before reading, while this process is small (a Dask build makes the parts here).
    with contextlib.ExitStack() as workers:
        workers.enter_context(gc_paused())  # before the pool: forked workers inherit it
        pool = None if scheduler else start_pool(jobs)
        if pool is not None:
            workers.enter_context(pool)
        try:
            store_dir = parse_store_spec(store) if store else None
            base = check_base(base or DEFAULT_BASE)
            with progress as p:
                task = p.add_task("extracting", total=None) if p else None
                cb = (lambda i, n: p.update(task, completed=i, total=n)) if p else None
                result = run_build(
                    list(paths) or ["seeds"],
                    base=base,
                    on_progress=cb,
                    strict=strict,
                    jobs=jobs,
                    pool=pool,
                    scheduler=scheduler,
                    cache_dir=(cache_dir or default_cache_dir()) if cache else None,
                )
        except BrokenExecutor as exc:
            raise click.ClickException(_WORKER_DIED) from exc
        except KgError as exc:
            if strict and isinstance(exc, ReadError):
                raise click.ClickException(
                    f"{exc}\n--strict: stopped at the first file that cannot be used; "
                    "no output was written"
                ) from exc
            raise _fail(exc) from exc
        if not result.documents:
            _list_problems(result.problems, 1)
            raise click.ClickException(
                "no readable articles: nothing to build; outputs left as they were"
            )
        ttl = out / "graph.ttl"
        html = out / "graph.html"
        clock = time.perf_counter()
        try:
            written = write_build(
                result,
                ttl,
                html,
                _write_outputs,
                _render_view if view else None,
                store=store_dir,
                endpoint=endpoint,
                pool=pool,
            )
        except BrokenExecutor as exc:
            raise click.ClickException(_WORKER_DIED) from exc
        except KgError as exc:
            raise _fail(exc) from exc
        result.timings["write"] = time.perf_counter() - clock
        stale = not view and _remove_stale(html)
    _summary(result)
    if view:
        click.echo(f"wrote {ttl} ({written.triples} triples) and {html}")
    else:
        removed = f"; removed the earlier build's {html}" if stale else ""
        click.echo(f"wrote {ttl} ({written.triples} triples); no view (--no-view){removed}")
    if written.store:
        click.echo(f"wrote the Oxigraph store {written.store} (kg query --store {store})")
    if written.pushed:
        r = written.pushed
        click.echo(
            f"loaded {endpoint}: {r.graphs} graphs, {r.triples} triples ({r.sent} sent, the "
            f"rest unchanged); {len(r.deleted)} gone graph(s) deleted"
        )
    if not validate:
        click.echo("SHACL: not checked (--no-validate); run `kg validate` to check")
    elif written.small:
        _report_shapes(result.graph)
    else:
        click.echo(
            f"SHACL: not checked during a build of {written.triples} triples "
            "(pyshacl holds the graph in memory); run `kg validate` to check"
        )
    if result.cache_error:
        click.echo(
            f"warning: extractions and graph pieces not cached ({result.cache_error}); the "
            "build is complete, the next one does the work again (--cache-dir elsewhere, or "
            "--no-cache)",
            err=True,
        )
    if timings:
        stages = ", ".join(f"{k} {v:.2f} s" for k, v in result.timings.items())
        parts = ", ".join(f"{k} {v:.2f} s" for k, v in written.timings.items())
        stages += f" ({parts})" if parts else ""
        click.echo(f"timings: {stages}; cache hits {result.cache_hits}/{len(result.documents)}")
    status = EXIT_SKIPPED if any(p.severity == "error" for p in result.problems) else 0
    _list_problems(result.problems, status)
    _EXIT.skip_teardown = True  # everything is written, closed and joined
    if status:
        sys.exit(status)


def _remove_stale(html: Path) -> bool:
    """Remove the view an earlier build left beside a graph built without one (it would show
    that earlier graph); whether there was one."""
    try:
        html.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise click.ClickException(
            f"cannot remove {html} (drawn from an earlier build): {exc.strerror or exc}; "
            f"the new graph is written"
        ) from exc
    return True


def _render_view(source) -> str:
    """The build's HTML view: the whole graph when a browser draws it smoothly, else a
    summary (see kg view)."""
    from kg.subgraph import select_view

    return select_view(source).html()


def _list_problems(problems, status: int) -> None:
    """Every skipped input with its reason, then a count and the exit status, on stderr (after
    the summary, so the list is the last thing a user sees)."""
    if not problems:
        return
    for problem in problems:
        click.echo(f"skipped ({problem.severity}) {problem}", err=True)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    click.echo(f"{len(problems)} input(s) skipped ({counts}); exit status {status}", err=True)


def _write_outputs(files: dict) -> None:
    """Write output files atomically; an OS error (read-only folder, full disk) becomes a
    one-line message naming the file, and the previous outputs stay as they were."""
    from kg.atomic import write_atomic_many

    try:
        write_atomic_many(files)
    except OSError as exc:
        name = exc.filename or ", ".join(str(f) for f in files)
        raise click.ClickException(
            f"cannot write {name}: {exc.strerror or exc}; previous outputs left as they were"
        ) from exc


class _NoProgress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _progress():
    """A progress bar on a terminal; nothing when output is piped or captured."""
    if not sys.stderr.isatty():
        return _NoProgress()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    return Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
    )


def _report_shapes(graph) -> None:
    """Check the graph against the SHACL shapes and say how it went (details: kg validate)."""
    from kg.validate import validate as run_validate

    violations = run_validate(graph)
    if violations:
        click.echo(
            f"SHACL: {len(violations)} violation(s); run `kg validate` for the list", err=True
        )
    else:
        click.echo("SHACL: the graph conforms to kg/data/shapes.ttl")


def _summary(result) -> None:
    entities = Counter(e.ref.kind for e in result.resolved.entities)
    facts = Counter(f.kind for f in result.resolved.facts)
    click.echo(f"documents read: {len(result.documents)}; skipped: {len(result.problems)}")
    click.echo("entities: " + ", ".join(f"{k} {v}" for k, v in sorted(entities.items())))
    click.echo("facts: " + ", ".join(f"{k} {v}" for k, v in sorted(facts.items())))


@cli.command()
@click.argument("query")
@click.option(
    "--graph",
    "graph_file",
    default="output/graph.ttl",
    show_default=True,
    help="Graph file to query.",
)
@click.option(
    "--store",
    default=None,
    metavar="oxigraph:DIR",
    help="Query a persistent Oxigraph store (written by kg build --store) instead of a file.",
)
@click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help="Query a SPARQL 1.1 server: its root (Oxigraph-style, e.g. http://127.0.0.1:7878) "
    "or query=URL for any server.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default=None,
    help="Result format (default: table on a terminal, csv otherwise).",
)
@click.option(
    "--bind",
    "binds",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a query variable (repeatable).",
)
@click.option(
    "--allow-update",
    is_flag=True,
    help="Run an update (INSERT, DELETE, LOAD, CLEAR, DROP …) and write the graph file back.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Stop the query after SECONDS (exit 124); default: no limit.",
)
def query(
    query: str,
    graph_file: str,
    store: str | None,
    endpoint: str | None,
    fmt: str | None,
    binds: tuple[str, ...],
    allow_update: bool,
    timeout: float | None,
) -> None:
    """Run a SPARQL query (a .rq file or a query string) on a built graph.

    csv, tsv and json follow the W3C SPARQL 1.1 results formats. Update operations are refused
    unless --allow-update is given; then the update runs on the graph in memory, the graph file
    is replaced atomically, and the number of triples added and removed is printed.

    --store and --endpoint read an Oxigraph store or a SPARQL server instead of the graph file,
    with the union of their named graphs as the default graph; they take no updates.

    \b
    Exit status: 0 done; 1 a syntax error (with line and column), a refused update, a missing
    or unreadable graph, store or query file, an unreachable server; 124 stopped by --timeout.

    \b
    Examples:
      kg query queries/officials.rq
      kg query queries/entity.rq --bind name=黄远程
      kg query 'SELECT ?s WHERE { ?s a kg:Article }' --format json --timeout 30
      kg query 'DELETE WHERE { ?s kg:rule ?r }' --allow-update
      kg query queries/officials.rq --store oxigraph:output/store
      kg query queries/targets.rq --endpoint http://127.0.0.1:7878 --bind year=2029
    """
    from functools import partial

    from kg.query import (
        QueryTimeout,
        call_with_timeout,
        load_graph,
        parse_binding,
        parse_sparql,
        read_query,
    )
    from kg.source import is_large_graph_file

    fmt = fmt or ("table" if sys.stdout.isatty() else "csv")
    try:
        text = read_query(query)
        bindings = dict(parse_binding(b) for b in binds)
        kind, prepared = parse_sparql(text, allow_update=allow_update)
        if _other_source(store, endpoint, allow_update):
            work = partial(_source_query_and_format, store, endpoint, text, bindings, fmt)
        elif kind != "update" and is_large_graph_file(graph_file):  # Oxigraph, in memory
            work = partial(_source_query_and_format, None, None, text, bindings, fmt, graph_file)
        else:
            graph = load_graph(graph_file)
            if kind == "update":
                work = partial(_update_and_serialize, graph, prepared, bindings, graph_file)
            else:
                work = partial(_query_and_format, graph, prepared, bindings, fmt)
        output = call_with_timeout(work, timeout, kind) if timeout else work()
    except QueryTimeout as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_TIMEOUT)
    except KgError as exc:
        raise _fail(exc) from exc
    if kind == "update":
        payload, added, removed, total = output
        _write_outputs({Path(graph_file): payload})
        click.echo(
            f"updated {graph_file}: {added} triple(s) added, {removed} removed "
            f"({total} now); run `kg view` to redraw the HTML view"
        )
        return
    click.echo(output, nl=False)


def _other_source(store: str | None, endpoint: str | None, allow_update: bool) -> bool:
    """True when ``kg query`` reads a store or a server rather than the graph file; refuses
    giving two sources, or updates on a store or server."""
    given = [
        name
        for name, value in (
            ("--graph", _given("graph_file")),
            ("--store", store),
            ("--endpoint", endpoint),
        )
        if value
    ]
    if len(given) > 1:
        raise click.UsageError(
            f"give one of --graph, --store, --endpoint (not {' and '.join(given)})"
        )
    if given and given[0] != "--graph" and allow_update:
        raise KgError(
            f"--allow-update changes a graph file (--graph) only: a store is rewritten by "
            f"`kg build`, and a server takes updates at its own update service ({given[0]})"
        )
    return bool(store or endpoint)


def _given(param: str) -> bool:
    """Whether the user gave option ``param`` (rather than leaving its default)."""
    from click.core import ParameterSource

    ctx = click.get_current_context()
    return ctx.get_parameter_source(param) not in (None, ParameterSource.DEFAULT)


def _source_query_and_format(
    store, endpoint, text: str, bindings: dict, fmt: str, graph_file: str | None = None
) -> str:
    """Open the store, the server or (a large graph file) an in-memory Oxigraph store, and
    run the query there (inside the --timeout child).

    Bindings go into the query text as a VALUES block for both: pyoxigraph's substitutions
    refuse a variable that the SELECT does not project (``--bind name=…`` in entity.rq)."""
    from kg.endpoint import with_values
    from kg.query import format_result
    from kg.source import open_source

    source = open_source(graph_file=graph_file, store=store, endpoint=endpoint)
    return format_result(source.query(with_values(text, bindings)), fmt)


def _query_and_format(graph, prepared, bindings: dict, fmt: str) -> str:
    from kg.query import format_result, run_query

    return format_result(run_query(graph, prepared, bindings), fmt)


def _update_and_serialize(graph, prepared, bindings: dict, graph_file: str):
    """Run the update on the in-memory graph and serialize it in the graph file's own format
    (by suffix, as it was read); the caller writes it. Returns (payload, added, removed, total)."""
    from kg.export import serialize
    from kg.query import run_update

    added, removed = run_update(graph, prepared, bindings)
    fmt = {".nt": "nt", ".trig": "trig", ".jsonld": "jsonld", ".json": "jsonld"}.get(
        Path(graph_file).suffix, "ttl"
    )
    return serialize(graph, fmt), added, removed, len(graph)


@cli.command()
@click.option(
    "--graph",
    "graph_file",
    default="output/graph.ttl",
    show_default=True,
    help="Graph file to draw.",
)
@click.option(
    "--store",
    default=None,
    metavar="oxigraph:DIR",
    help="Draw from a persistent Oxigraph store instead of a graph file.",
)
@click.option(
    "-o", "--output", default="output/graph.html", show_default=True, help="HTML file to write."
)
@click.option(
    "--focus",
    default=None,
    metavar="NAME",
    help="Draw what lies within --hops of the entity with this name or alias (all, if several).",
)
@click.option(
    "--hops", type=click.IntRange(min=0), default=None, help="With --focus: how far (default 1)."
)
@click.option(
    "--query",
    "query_text",
    default=None,
    metavar="CONSTRUCT.rq",
    help="Draw the triples of a CONSTRUCT query (a .rq file or the query text).",
)
@click.option(
    "--max-nodes",
    type=click.IntRange(min=1),
    default=None,
    help="Above this many nodes, draw a summary (default 500: what a browser draws smoothly).",
)
def view(
    graph_file: str,
    store: str | None,
    output: str,
    focus: str | None,
    hops: int | None,
    query_text: str | None,
    max_nodes: int | None,
) -> None:
    """Draw the interactive HTML view of a built graph (works offline, from file://).

    A graph too big to draw smoothly (more than --max-nodes nodes) is drawn as a summary:
    entities and their strongest links, facts folded into the tooltips; the page says so.
    --focus and --query draw the part you ask for.

    \b
    Examples:
      kg view --graph output/graph.ttl -o output/graph.html
      kg view --store oxigraph:output/store -o big.html     # summary of a big graph
      kg view --focus 黄远程 --hops 2 -o huang.html
      kg view --query my_construct.rq -o mine.html
    """
    from kg.query import read_query
    from kg.source import open_source
    from kg.subgraph import MAX_VIEW_NODES, select_view

    if hops is not None and focus is None:
        raise click.UsageError("--hops goes with --focus NAME")
    if focus is not None and query_text is not None:
        raise click.UsageError("--focus and --query draw different parts: pass one of them")
    try:
        source = open_source(graph_file=graph_file, store=store)
        selection = select_view(
            source,
            focus=focus,
            hops=1 if hops is None else hops,
            query=read_query(query_text) if query_text is not None else None,
            max_nodes=max_nodes or MAX_VIEW_NODES,
        )
    except KgError as exc:
        raise _fail(exc) from exc
    _write_outputs({Path(output): selection.html()})
    what = f"{len(selection.nodes)} nodes, {len(selection.edges)} edges"
    if selection.kind == "summary":
        what = (
            f"a summary: {what} of a graph of {selection.total_nodes} nodes; draw more with "
            "--focus NAME --hops N or --query CONSTRUCT.rq"
        )
    click.echo(f"wrote {output} ({what}); open it in a browser (no network needed)")


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(["ttl", "nt", "trig", "jsonld", "graphml"]), required=True
)
@click.option("--graph", "graph_file", default="output/graph.ttl", show_default=True)
@click.option("-o", "--output", default=None, help="File to write (default: stdout).")
def export(fmt: str, graph_file: str, output: str | None) -> None:
    """Export a built graph for other tools: Turtle, N-Triples, TriG, JSON-LD, or GraphML (Gephi).

    \b
    Examples:
      kg export --format graphml -o output/graph.graphml
      kg export --format jsonld > graph.jsonld
    """
    from kg.export import export_file

    try:
        text = export_file(graph_file, fmt)
    except KgError as exc:
        raise _fail(exc) from exc
    if output:
        _write_outputs({Path(output): text})
        click.echo(f"wrote {output}")
    else:
        click.echo(text, nl=False)


@cli.command()
@click.option("--graph", "graph_file", default="output/graph.ttl", show_default=True)
def stats(graph_file: str) -> None:
    """Count resources per class and triples per property.

    \b
    Example:
      kg stats --graph output/graph.ttl
    """
    from rdflib import RDF, Graph

    from kg.output import prefixes
    from kg.source import RdflibSource, open_source

    try:
        source = open_source(graph_file=graph_file)
    except KgError as exc:
        raise _fail(exc) from exc
    if isinstance(source, RdflibSource):
        graph = source.graph
        classes = Counter(graph.qname(o) for o in graph.objects(None, RDF.type))
        props = Counter(graph.qname(p) for p in graph.predicates())
        total = len(graph)
    else:  # a large file, read by Oxigraph: counted in the store, named as rdflib would
        names = Graph()
        for prefix, namespace in prefixes().items():
            names.bind(prefix, namespace)

        def counted(pattern: str) -> Counter[str]:
            query = f"SELECT ?x (COUNT(*) AS ?n) WHERE {{ {pattern} }} GROUP BY ?x"
            return Counter({names.qname(x): int(n) for x, n in source.query(query).rows})

        classes, props = counted("?s a ?x"), counted("?s ?x ?o")
        total = len(source)
    click.echo(f"triples: {total}")
    click.echo("classes:")
    for name, n in sorted(classes.items(), key=lambda kv: (-kv[1], kv[0])):
        click.echo(f"  {n:6d}  {name}")
    click.echo("properties:")
    for name, n in sorted(props.items(), key=lambda kv: (-kv[1], kv[0])):
        click.echo(f"  {n:6d}  {name}")


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1, type=str)
def eval_cmd(gold: str, paths: tuple[str, ...]) -> None:
    """Print precision, recall and F1 per fact kind against a gold file (default corpus seeds/).

    \b
    Example:
      kg eval tests/gold/people.json seeds/
    """
    import json

    from kg.evaluate import evaluate, report
    from kg.pipeline import build as run_build

    try:
        data = json.loads(Path(gold).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise click.ClickException(f"{gold}: not a JSON gold file ({exc})") from exc
    result = run_build(list(paths) or ["seeds"])
    scores, _ = evaluate(result.resolved, data)
    click.echo(report(scores))


@cli.command()
@click.option("--graph", "graph_file", default="output/graph.ttl", show_default=True)
def validate(graph_file: str) -> None:
    """Check a graph against the SHACL shapes (kg/data/shapes.ttl): every fact has an article and
    evidence, a target a quantity, an achievement a number and a unit. Exits 1 on violations.

    \b
    Example:
      kg validate --graph output/graph.ttl
    """
    from kg.query import load_graph
    from kg.validate import validate as run_validate

    try:
        graph = load_graph(graph_file)
    except KgError as exc:
        raise _fail(exc) from exc
    violations = run_validate(graph)
    for v in violations:
        click.echo(str(v))
    if violations:
        raise click.ClickException(f"{graph_file}: {len(violations)} SHACL violation(s)")
    click.echo(f"{graph_file}: conforms to the shapes ({len(graph)} triples)")


@cli.command()
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (0.0.0.0 opens the server to the network).",
)
@click.option("--store", default=None, metavar="oxigraph:DIR", help="Serve this Oxigraph store.")
@click.option(
    "--graph",
    "graph_file",
    default=None,
    help="Serve this graph file (loaded into a temporary store) [default: output/graph.ttl].",
)
@click.option(
    "--allow-update",
    is_flag=True,
    help="Accept SPARQL updates and Graph Store writes (default: read-only).",
)
def serve(
    port: int, host: str, store: str | None, graph_file: str | None, allow_update: bool
) -> None:
    """Serve the graph as a SPARQL 1.1 endpoint for other tools (Oxigraph's server).

    Queries go to http://HOST:PORT/query (SPARQL 1.1 Protocol) and see the union of the named
    graphs as the default graph; the server is read-only unless --allow-update is given. With
    --graph, changes are kept in a temporary store and discarded when the server stops. Stop it
    with Ctrl-C. A rebuild of the store while it runs does not disturb it: restart it to serve
    the new build.

    \b
    Examples:
      kg serve --store oxigraph:output/store
      kg serve --graph output/graph.ttl --port 8000
      kg query queries/officials.rq --endpoint http://127.0.0.1:7878
    """
    from kg.serve import serve as run_server

    if store and graph_file:
        raise click.UsageError("give one of --store and --graph")

    def started(url: str, args: list[str]) -> None:
        mode = "read-write" if allow_update else "read-only"
        click.echo(f"SPARQL endpoint {url}/query ({mode}); Ctrl-C stops it")
        click.echo(f"kg query QUERY --endpoint {url}")

    try:
        status = run_server(host, port, store, graph_file, allow_update, on_start=started)
    except KgError as exc:
        raise _fail(exc) from exc
    if status:
        raise click.ClickException(f"the Oxigraph server stopped with exit status {status}")


class _Exit:
    """Whether the command that ran may leave without Python's teardown (see :func:`main`)."""

    skip_teardown = False


_EXIT = _Exit()


def main() -> None:
    """The ``kg`` command. A finished ``kg build`` leaves without the interpreter's teardown
    (``os._exit`` once its output is flushed): the teardown frees the build's records one by
    one, 0.3-0.5 s after a 1,000-article build (measured cold and warm), and has nothing else
    to do by then: outputs are written and renamed, stores closed, workers and threads joined.
    Only here, in the console command: a build run through click's test runner or from Python
    returns normally."""
    import os

    try:
        cli()
    except SystemExit as exc:
        if not _EXIT.skip_teardown:
            raise
        code = exc.code
        if code is not None and not isinstance(code, int):
            print(code, file=sys.stderr)
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code or 0)
