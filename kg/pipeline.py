"""The pipeline, top to bottom: read -> normalize -> segment -> extract -> resolve -> graph.

:func:`extract_document` is the per-document part (pure: a document in, records out, no shared
state) so it can run in worker processes; :func:`build` is what the CLI and a notebook call.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from rdflib import Graph

from kg.cache import UNUSED_FOR, ExtractionCache
from kg.extract import EXTRACTORS
from kg.extract.context import build_context, section_contexts
from kg.graph import to_rdf
from kg.iri import check_base
from kg.normalize import normalize
from kg.ontology import DEFAULT_BASE
from kg.parallel import gc_paused, run_dask, run_processes, start_pool
from kg.read import RawFile, ReadError, expand_paths, read_pairs, read_raw_pairs
from kg.records import Document, Extraction, Fact, Mention, Problem
from kg.resolve import Resolved, compact, declared_names, rename_declared, resolve
from kg.segment import segment


def extract_document(doc: Document) -> Extraction:
    """Run every registered extractor over one document."""
    seg = segment(normalize(doc.text))
    ctx = build_context(doc, seg)
    parts = section_contexts(ctx)  # a roundup's items, each read in its own place
    mentions: list[Mention] = []
    facts: list[Fact] = []
    for name, extractor in EXTRACTORS.items():
        for part in [ctx] if name == "article" else parts:
            for record in extractor(part):
                (facts if isinstance(record, Fact) else mentions).append(record)
    ex = Extraction(doc, tuple(mentions), tuple(facts))
    if declared := declared_names(doc.text, ctx.city, ctx.province):  # （以下简称“…”）
        ex = rename_declared(ex, declared)
    return Extraction(
        doc,
        tuple(sorted(ex.mentions, key=Mention.sort_key)),
        tuple(sorted(ex.facts, key=Fact.sort_key)),
    )


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A worker's answer for bytes that are not text (kept apart from an extraction that
    failed: a copy of an unreadable file is unreadable too, a copy of a readable one is a
    duplicate)."""

    problem: Problem


def extract_safely(item: Document | RawFile) -> Extraction | Problem | Unreadable:
    """:func:`extract_document` for a worker, decoding first if given bytes: a failing rule
    set becomes a :class:`Problem` naming the file (an exception must not cross a process
    boundary and stop a whole build), and the result is :func:`~kg.resolve.compact` and drops
    the document's text, which nothing after extraction reads: it would otherwise be pickled
    back from every worker and held for the whole corpus."""
    if isinstance(item, RawFile):
        try:
            doc = item.document()
        except ReadError as err:
            return Unreadable(err.problem)
    else:
        doc = item
    try:
        ex = extract_document(doc)
    except Exception as exc:  # a bug in a rule set: report the file, keep the others
        return Problem(
            doc.name, f"extraction failed ({type(exc).__name__}: {exc}); please report this"
        )
    return compact(Extraction(replace(doc, text=""), ex.mentions, ex.facts, ex.notes))


@dataclass
class BuildResult:
    """What a build produced: the resolved records, the inputs that could not be used (with
    reasons), and the graph of the records. ``graph`` (rdflib, in memory) is made on first use:
    a large build writes its outputs from the records by streaming (:mod:`kg.output`) and
    never needs it."""

    resolved: Resolved
    problems: tuple[Problem, ...]
    base: str = DEFAULT_BASE
    cache_hits: int = 0
    cache: ExtractionCache | None = field(default=None, repr=False, compare=False)
    """The cache the build read and wrote (writing the graph reuses it for the graph's pieces)."""
    timings: dict[str, float] = field(default_factory=dict)
    """Wall seconds per stage: read (the files' bytes), extract (decode, normalize, segment,
    extract; workers included; none of it for a cache hit), resolve."""

    @property
    def cache_error(self) -> str | None:
        """Why the cache could not be written (the build went on without caching), if so."""
        return self.cache.write_error if self.cache is not None else None

    @cached_property
    def graph(self) -> Graph:
        return to_rdf(self.resolved, self.base)

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.resolved.documents


@gc_paused()  # a fresh pause per call (a @contextmanager is a ContextDecorator)
def build(
    paths: Sequence[str | Path],
    base: str = DEFAULT_BASE,
    on_progress: Callable[[int, int], None] | None = None,
    strict: bool = False,
    jobs: int = 1,
    scheduler: str | None = None,
    cache_dir: str | Path | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> BuildResult:
    """Build the knowledge graph of the articles under ``paths`` (files, folders, globs).

    Files that cannot be read are left out and reported in ``problems``; so is a document on
    which an extractor fails (a bug, reported with the exception), so that one article never
    stops a build of a thousand. With ``strict``, the first such file raises
    :class:`~kg.read.ReadError` (a :class:`~kg.errors.KgError`) naming it instead.
    Raises :class:`~kg.errors.KgError` for a ``base`` that would make invalid IRIs.

    The per-document stages run in this process, in ``jobs`` worker processes, or on the Dask
    cluster at ``scheduler``; with ``cache_dir``, extractions are cached by content hash and
    rule set, so a rebuild extracts only new or changed articles. The result is the same
    whichever way it ran. A caller that goes on to write the graph with the same workers
    passes its own ``pool`` (of ``jobs`` workers; left running); otherwise the build starts
    one and lets it go before resolving. Python's cyclic garbage collector is paused
    meanwhile (see :func:`kg.parallel.gc_paused`).
    """
    check_base(base)
    clock = time.perf_counter()
    pairs, arg_problems = expand_paths(paths)
    # workers warm up while the files are read; no more of them than there are files
    own = None if scheduler or pool is not None else start_pool(min(jobs, len(pairs)))
    pool = None if scheduler else (pool or own)
    with own or contextlib.nullcontext():
        items: list[Document] | list[RawFile]
        if strict:  # decoded here, so the first file that fails is the first by name
            items, problems = read_pairs(pairs, arg_problems, strict=True)
            duplicates: list[tuple[str, str, str]] = []
        else:  # decoded where extracted (in the workers), or not at all on a cache hit
            items, duplicates, problems = read_raw_pairs(pairs, arg_problems)
        timings = {"read": time.perf_counter() - clock}
        clock = time.perf_counter()
        extractions, problems, cache = _extract_all(
            items, duplicates, problems, on_progress, strict, jobs, scheduler, cache_dir, pool
        )
        timings["extract"] = time.perf_counter() - clock
    del items  # the files' bytes (and the build's own workers, above) are not needed to resolve
    clock = time.perf_counter()
    resolved = resolve(extractions, compacted=True)
    timings["resolve"] = time.perf_counter() - clock
    return BuildResult(
        resolved,
        tuple(problems),
        base,
        cache.hits if cache else 0,
        cache,
        timings,
    )


def _extract_all(
    docs: Sequence[Document | RawFile],
    duplicates: list[tuple[str, str, str]],
    problems: list[Problem],
    on_progress: Callable[[int, int], None] | None,
    strict: bool,
    jobs: int,
    scheduler: str | None,
    cache_dir: str | Path | None,
    pool: ProcessPoolExecutor | None,
) -> tuple[list[Extraction], list[Problem], ExtractionCache | None]:
    """The per-document stages of :func:`build` over what was read, from the cache or by the
    runner (the worker pool, if started); the problems completed and sorted."""
    cache = ExtractionCache(cache_dir) if cache_dir else None
    extractions: list[Extraction] = []
    todo: list[Document | RawFile] = []
    unreadable: dict[str, Problem] = {}  # sha256 -> why the bytes are not text
    for doc in docs:
        hit = cache.get(doc) if cache else None
        if hit is not None:
            extractions.append(replace(hit, doc=replace(hit.doc, text="")))
        else:
            todo.append(doc)
    done = len(extractions)
    if on_progress and done:
        on_progress(done, len(docs))
    if scheduler:
        results = run_dask(extract_safely, todo, scheduler)
    else:
        results = run_processes(extract_safely, todo, jobs, pool)
    for item, out in zip(todo, results, strict=True):
        if isinstance(out, Unreadable):
            unreadable[item.sha256] = out = out.problem
        if isinstance(out, Problem):
            if strict:
                raise ReadError(out)
            problems.append(out)
        else:
            extractions.append(out)
            if cache:
                cache.put(out)
        done += 1
        if on_progress:
            on_progress(done, len(docs))
    for name, original, sha in duplicates:  # as read_paths says it, once the original is read
        bad = unreadable.get(sha)
        problems.append(
            Problem(name, bad.reason, bad.severity)
            if bad is not None
            else Problem(name, f"same content as {original} (skipped)", "warning")
        )
    problems.sort(key=Problem.sort_key)
    if cache is not None:
        cache.prune(UNUSED_FOR)
        cache.forget_unused(UNUSED_FOR)
    return extractions, problems, cache
