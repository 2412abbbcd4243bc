"""The pipeline, top to bottom: read -> normalize -> segment -> extract -> resolve -> graph.

:func:`extract_document` is the per-document part (pure: a document in, records out, no shared
state) so it can run in worker processes; :func:`build` is what the CLI and a notebook call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.extract import EXTRACTORS
from kg.extract.context import build_context
from kg.graph import to_rdf
from kg.iri import check_base
from kg.normalize import normalize
from kg.ontology import DEFAULT_BASE
from kg.read import ReadError, read_paths
from kg.records import Document, Extraction, Fact, Mention, Problem
from kg.resolve import Resolved, resolve
from kg.segment import segment


def extract_document(doc: Document) -> Extraction:
    """Run every registered extractor over one document."""
    seg = segment(normalize(doc.text))
    ctx = build_context(doc, seg)
    mentions: list[Mention] = []
    facts: list[Fact] = []
    for extractor in EXTRACTORS.values():
        for record in extractor(ctx):
            (facts if isinstance(record, Fact) else mentions).append(record)
    mentions.sort(key=Mention.sort_key)
    facts.sort(key=Fact.sort_key)
    return Extraction(doc, tuple(mentions), tuple(facts))


@dataclass(frozen=True)
class BuildResult:
    """What a build produced: the graph, the resolved records it came from, and the inputs that
    could not be used (with reasons)."""

    graph: Graph
    resolved: Resolved
    problems: tuple[Problem, ...]

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.resolved.documents


def build(
    paths: Sequence[str | Path],
    base: str = DEFAULT_BASE,
    on_progress: Callable[[int, int], None] | None = None,
    strict: bool = False,
) -> BuildResult:
    """Build the knowledge graph of the articles under ``paths`` (files, folders, globs).

    Files that cannot be read are left out and reported in ``problems``; so is a document on
    which an extractor fails (a bug, reported with the exception), so that one article never
    stops a build of a thousand. With ``strict``, the first such file raises
    :class:`~kg.read.ReadError` (a :class:`~kg.errors.KgError`) naming it instead.
    Raises :class:`~kg.errors.KgError` for a ``base`` that would make invalid IRIs.
    """
    check_base(base)
    docs, problems = read_paths(paths, strict=strict)
    extractions = []
    for i, doc in enumerate(docs, 1):
        try:
            extractions.append(extract_document(doc))
        except Exception as exc:  # a bug in a rule set: report the file, keep the others
            problem = Problem(
                doc.name, f"extraction failed ({type(exc).__name__}: {exc}); please report this"
            )
            if strict:
                raise ReadError(problem) from exc
            problems.append(problem)
        if on_progress:
            on_progress(i, len(docs))
    problems.sort(key=Problem.sort_key)
    resolved = resolve(extractions)
    return BuildResult(to_rdf(resolved, base), resolved, tuple(problems))
