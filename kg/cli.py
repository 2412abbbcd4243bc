"""The ``kg`` command: a thin layer over the library (``kg.pipeline``, ``kg.query``, ``kg.draw``,
``kg.export``). Commands parse options, call the library, and print; library errors
(:class:`kg.errors.KgError`) become one-line messages and a non-zero exit."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from kg.errors import KgError

EXIT_SKIPPED = 3
"""``kg build`` exit status when the graph was built but some input files were skipped."""


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
def build(paths: tuple[str, ...], out_dir: str, base: str | None) -> None:
    """Build the graph from articles (files, folders or globs; default seeds/).

    Writes OUT/graph.ttl (Turtle) and OUT/graph.html (the offline view), then prints a
    summary: documents read, entities per type, facts per kind, and every skipped file with its
    reason. Exits with status 3 when the graph was built but some inputs were skipped.

    \b
    Examples:
      kg build
      kg build articles/ more/*.txt -o out --base https://example.org/kg/
    """
    from kg.atomic import write_atomic
    from kg.draw import render_graph_html
    from kg.ontology import DEFAULT_BASE
    from kg.pipeline import build as run_build

    progress = _progress()
    try:
        with progress as p:
            task = p.add_task("extracting", total=None) if p else None
            cb = (lambda i, n: p.update(task, completed=i, total=n)) if p else None
            result = run_build(list(paths) or ["seeds"], base=base or DEFAULT_BASE, on_progress=cb)
    except KgError as exc:
        raise _fail(exc) from exc
    if not result.documents:
        for problem in result.problems:
            click.echo(f"skipped {problem}", err=True)
        raise click.ClickException("no readable articles: nothing to build")
    out = Path(out_dir)
    ttl = out / "graph.ttl"
    html = out / "graph.html"
    write_atomic(ttl, result.graph.serialize(format="turtle"))
    write_atomic(html, render_graph_html(result.graph))
    _summary(result)
    click.echo(f"wrote {ttl} ({len(result.graph)} triples) and {html}")
    errors = [p for p in result.problems if p.severity == "error"]
    for problem in result.problems:
        click.echo(f"skipped ({problem.severity}) {problem}", err=True)
    if errors:
        sys.exit(EXIT_SKIPPED)


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
def query(query: str, graph_file: str, fmt: str | None, binds: tuple[str, ...]) -> None:
    """Run a SPARQL query (a .rq file or a query string) on a built graph.

    csv, tsv and json follow the W3C SPARQL 1.1 results formats. Update operations are refused.

    \b
    Examples:
      kg query queries/officials.rq
      kg query queries/entity.rq --bind name=黄远程
      kg query 'SELECT ?s WHERE { ?s a kg:Article }' --format json
    """
    from kg.query import format_result, load_graph, parse_binding, read_query, run_query

    try:
        text = read_query(query)
        bindings = dict(parse_binding(b) for b in binds)
        graph = load_graph(graph_file)
        result = run_query(graph, text, bindings)
    except KgError as exc:
        raise _fail(exc) from exc
    fmt = fmt or ("table" if sys.stdout.isatty() else "csv")
    click.echo(format_result(result, fmt), nl=False)


@cli.command()
@click.option("--graph", "graph_file", default="output/graph.ttl", show_default=True)
@click.option(
    "-o", "--output", default="output/graph.html", show_default=True, help="HTML file to write."
)
def view(graph_file: str, output: str) -> None:
    """Draw the interactive HTML view of a built graph (works offline, from file://).

    \b
    Example:
      kg view --graph output/graph.ttl -o output/graph.html
    """
    from kg.atomic import write_atomic
    from kg.draw import render_graph_html
    from kg.query import load_graph

    try:
        graph = load_graph(graph_file)
    except KgError as exc:
        raise _fail(exc) from exc
    write_atomic(output, render_graph_html(graph))
    click.echo(f"wrote {output}; open it in a browser (no network needed)")


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
    from kg.atomic import write_atomic
    from kg.export import serialize
    from kg.query import load_graph

    try:
        text = serialize(load_graph(graph_file), fmt)
    except KgError as exc:
        raise _fail(exc) from exc
    if output:
        write_atomic(output, text)
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
    from rdflib import RDF

    from kg.query import load_graph

    try:
        graph = load_graph(graph_file)
    except KgError as exc:
        raise _fail(exc) from exc
    classes = Counter(graph.qname(o) for o in graph.objects(None, RDF.type))
    props = Counter(graph.qname(p) for p in graph.predicates())
    click.echo(f"triples: {len(graph)}")
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


def main() -> None:
    cli()
