"""Writing a built graph where other tools read it: a persistent Oxigraph store (``oxigraph:DIR``)
or any SPARQL 1.1 server (the Graph Store Protocol).

The pipeline hands over ``graphs``: an iterable of ``(graph IRI, triples)``, one named graph per
article plus a few shared graphs, produced one at a time. Both writers stream them: no second copy
of the whole graph is held, only the names of the graphs seen. A graph name given twice is an
error (the store would merge the two, a server keep the second: neither is what was meant).

**The Oxigraph store and its swap.** ``DIR`` is a symbolic link to a complete store beside it,
``.DIR.<stamp>.store``. A write bulk loads a new store into a new sibling directory (so it holds
exactly the graphs of this build: a changed graph is replaced, a graph the build no longer
produces is gone), syncs it to disk, and then points the link at it with one ``rename`` of a new
link over the old one. A reader opening ``DIR`` finds the old store or the new one, never a mix,
and a build killed at any moment (SIGKILL included) leaves the link on the previous complete
store; the half-written directory it leaves is unreferenced, and the next write removes it.
Writes to one ``DIR`` take turns (an ``flock`` on ``.DIR.lock``); a second one fails at once.
Loading a fresh store each time costs about what an incremental update would: every triple of a
build passes through Python either way, and turning rdflib terms into Oxigraph's is about half
of the time (1.1 million triples: ~8 s of ~15-28 s on a 2-core machine).

Readers open the directory the link points to (:func:`resolve_store`), not the link: RocksDB
opens its files lazily by path, and after a swap the link leads to another store whose files
have the same names. A long-lived reader (``kg serve``) pins its version (:func:`pin_store`: a
shared ``flock`` on ``.DIR.<stamp>.store.pin``); a write never deletes a pinned version, and
removes it at a later write once it is free.

**A SPARQL server** (:func:`push_endpoint`): each named graph is sent with an HTTP PUT of
N-Triples to the Graph Store Protocol service (``?graph=IRI``), which replaces that graph, unless
it is unchanged since the last push (SHA-256 recorded in a manifest graph); the graphs under the
build's base IRI that this build did not produce are found with a SPARQL query and deleted.
Graphs outside the base IRI are never touched. The protocol has no transactions across graphs:
a push that is interrupted leaves some graphs new and some old, and running it again completes
it.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.atomic import fsync_path
from kg.endpoint import (
    DEFAULT_TIMEOUT,
    Endpoint,
    EndpointError,
    http,
    sparql_query,
    sparql_term,
)
from kg.errors import GraphFileError, KgError
from kg.ontology import DEFAULT_BASE, SDO
from kg.source import rdflib_to_ox

try:
    import fcntl
except ImportError:  # Windows: no flock; versions are never pinned, writes never locked
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "Graphs",
    "PushReport",
    "StoreWrite",
    "pin_store",
    "push_endpoint",
    "resolve_store",
    "write_store",
]

_STAMP = r"\d{8}T\d{6}-\d+-[0-9a-f]{6}"
"""A version's stamp: when and by which process it was written, and a random part."""

Triple = tuple[Node, Node, Node]
Graphs = Iterable[tuple[str, Iterable[Triple]]]
"""What the pipeline hands over: ``(named graph IRI, its triples)``, one pair per graph."""


@dataclass(frozen=True)
class StoreWrite:
    """What :func:`write_store` did: the store now behind ``directory`` and what it holds."""

    directory: Path
    version: Path
    graphs: int
    triples: int
    removed: tuple[Path, ...]
    """Earlier versions (and leftovers of killed writes) deleted by this write."""


@dataclass(frozen=True)
class PushReport:
    """What :func:`push_endpoint` did on the server."""

    graphs: int
    triples: int
    sent: int
    """Graphs sent; the others were unchanged since the last push."""
    deleted: tuple[str, ...]
    """Graphs under the base IRI that an earlier build had loaded and this one did not produce."""


class _Counts:
    def __init__(self) -> None:
        self.names: set[str] = set()
        self.triples = 0

    def graph(self, name: str) -> None:
        if name in self.names:
            raise KgError(f"graph <{name}> given twice: each named graph must come once")
        self.names.add(name)


def _graph_node(name: str):
    import pyoxigraph as ox

    try:
        return ox.NamedNode(name)
    except ValueError as exc:
        raise KgError(f"graph name {name!r} is not an IRI ({exc})") from None


def _quads(graphs: Graphs, counts: _Counts) -> Iterator[object]:
    """The pyoxigraph quads of ``graphs``, made one at a time as the loader pulls them."""
    import pyoxigraph as ox

    for name, triples in graphs:
        counts.graph(name)
        graph = _graph_node(name)
        for s, p, o in triples:
            counts.triples += 1
            yield ox.Quad(rdflib_to_ox(s), rdflib_to_ox(p), rdflib_to_ox(o), graph)


# --- the Oxigraph store ------------------------------------------------------------------------


def write_store(directory: str | Path, graphs: Graphs) -> StoreWrite:
    """Write ``graphs`` as the new content of the Oxigraph store at ``directory``.

    The store afterwards holds exactly these named graphs; the previous one stays readable until
    the new one is complete, and replaces it atomically (see the module's docstring). A
    ``directory`` that exists and was not written here (a non-empty directory, a file, a link
    elsewhere) is refused, never overwritten."""
    counts = _Counts()
    with store_writer(directory) as w:
        _load(w.store, w.version, _quads(graphs, counts))
    return StoreWrite(w.link, w.version, len(counts.names), counts.triples, tuple(w.removed))


@dataclass
class Writing:
    """A store version being written (see :func:`store_writer`)."""

    link: Path
    version: Path
    store: object = None
    removed: list[Path] = field(default_factory=list)
    """Earlier versions and leftovers deleted, filled in when the version is published."""


@contextlib.contextmanager
def store_writer(directory: str | Path) -> Iterator[Writing]:
    """A fresh store version beside ``directory``, open for loading (and for queries: a build
    draws its view from it), published in place of the previous version when the block ends
    without an exception; removed otherwise. The same swap as :func:`write_store`."""
    import pyoxigraph as ox

    link = Path(os.path.abspath(directory))
    parent = link.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GraphFileError(
            f"{parent}: cannot create the store's folder ({exc.strerror})"
        ) from exc
    stamp = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{secrets.token_hex(3)}"
    assert re.fullmatch(_STAMP, stamp)
    with _writer_lock(link):
        current = _current_version(link)
        w = Writing(link, parent / f".{link.name}.{stamp}.store")
        w.removed += _remove_unused(link, keep=current)
        version = w.version
        try:
            w.store = ox.Store(str(version))
            try:
                yield w
                w.store.flush()  # type: ignore[attr-defined]
            finally:
                w.store = None  # closes RocksDB's files before the directory is synced
            _sync_tree(version)
            _swap(link, version)
        except BaseException:
            if resolve_store(link) != version:  # not yet published: nobody can be reading it
                shutil.rmtree(version, ignore_errors=True)
            raise
        w.removed += _remove_unused(link, keep=version)


LOAD_CHUNK = 500_000
"""Quads per bulk-loader call. One call over a whole build peaked at 1.1-1.6 GB (the loader's
batches of a million quads per thread; 1.1 to 3 million quads, 2 cores); calls of 500,000 quads
peaked near 600 MB for 1.1 million quads at the same speed, calls of 250,000 near 370 MB but
slower."""


def _load(store: object, version: Path, quads: Iterator[object]) -> None:
    """Bulk load ``quads``, ``LOAD_CHUNK`` per call: the loader writes sorted files directly,
    and the quads are made as it pulls them, so memory stays bounded."""
    try:
        while (first := next(quads, None)) is not None:
            store.bulk_extend(itertools.chain((first,), itertools.islice(quads, LOAD_CHUNK - 1)))  # type: ignore[attr-defined]
    except OSError as exc:
        raise GraphFileError(f"{version}: cannot write the store ({exc})") from exc


def resolve_store(directory: str | Path) -> Path:
    """The directory a reader should open for the store at ``directory``: the version its link
    points to (or ``directory`` itself for a plain Oxigraph directory)."""
    path = Path(directory)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


@contextlib.contextmanager
def pin_store(directory: str | Path) -> Iterator[Path]:
    """Yield the store version behind ``directory``, kept from deletion by later writes until
    the context ends (a shared ``flock`` that dies with the process, however it dies)."""
    link = Path(directory)
    if not link.is_symlink() or fcntl is None:
        yield resolve_store(link)
        return
    for _ in range(20):
        version = resolve_store(link)
        pin = version.with_name(version.name + ".pin")
        try:
            fd = os.open(pin, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise GraphFileError(f"{link}: cannot open the store ({exc.strerror})") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_SH)  # waits only while a write deletes this version
            if version.is_dir() and _same_file(pin, fd):
                yield version
                return
        finally:
            os.close(fd)
    raise GraphFileError(f"{link}: the store kept changing while it was being opened")


def _same_file(path: Path, fd: int) -> bool:
    try:
        return os.stat(path).st_ino == os.fstat(fd).st_ino
    except OSError:
        return False


@contextlib.contextmanager
def _writer_lock(link: Path) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    lock = link.with_name(f".{link.name}.lock")
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise GraphFileError(f"{link}: cannot write the store here ({exc.strerror})") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise KgError(
                f"{link}: another build is writing this store; wait for it or use another path"
            ) from None
        yield
    finally:
        os.close(fd)


def _siblings(link: Path) -> list[tuple[Path, str]]:
    """The versions, pins and temporary links of the store at ``link``, with their kind
    (``store``, ``store.pin``, ``link``); names of other stores in the folder never match."""
    pattern = re.compile(rf"\.{re.escape(link.name)}\.{_STAMP}\.(store|store\.pin|link)")
    found = []
    for path in sorted(link.parent.iterdir()):
        m = pattern.fullmatch(path.name)
        if m:
            found.append((path, m.group(1)))
    return found


def _current_version(link: Path) -> Path | None:
    """The version ``link`` points to, or None when there is nothing yet (or an empty folder);
    anything that kg did not write is refused."""
    hint = "move it away or choose another --store path"
    if link.is_symlink():
        target = os.readlink(link)
        version = link.parent / target
        if (version, "store") in _siblings(link) and version.is_dir():
            return version
        raise KgError(f"{link} is a link to {target}, not a store written by kg; {hint}")
    if link.is_dir():
        if any(link.iterdir()):
            raise KgError(
                f"{link} is a folder that kg did not write (kg keeps {link.name} as a link to a "
                f"versioned store beside it); {hint}"
            )
        return None
    if link.exists():
        raise KgError(f"{link} is a file, not an Oxigraph store; {hint}")
    return None


def _remove_unused(link: Path, keep: Path | None) -> list[Path]:
    """Delete every version beside ``link`` except ``keep`` and pinned ones, and the temporary
    links of killed writes. Called under the writer lock, so nothing here is being written."""
    removed: list[Path] = []
    for path, kind in _siblings(link):
        if path == keep:
            continue
        if kind == "link" and path.is_symlink():
            path.unlink(missing_ok=True)
        elif kind == "store" and path.is_dir() and not path.is_symlink():
            if _remove_version(path):
                removed.append(path)
        elif kind == "store.pin" and not path.with_suffix("").exists():
            _remove_version(path.with_suffix(""))
    return removed


def _remove_version(version: Path) -> bool:
    """Delete ``version`` unless a reader pins it; True when it is gone."""
    if fcntl is None:
        shutil.rmtree(version, ignore_errors=True)
        return not version.exists()
    pin = version.with_name(version.name + ".pin")
    fd = os.open(pin, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # a live reader (kg serve) still uses it
        shutil.rmtree(version, ignore_errors=True)
        pin.unlink(missing_ok=True)
        return not version.exists()
    finally:
        os.close(fd)


def _sync_tree(version: Path) -> None:
    """Make the new store's files durable before the link points at it (a power cut after the
    rename must not leave the link on a store whose files were still in the page cache)."""
    for path in version.iterdir():
        if path.is_file():
            fsync_path(path)
    fsync_path(version)


def _swap(link: Path, version: Path) -> None:
    tmp = version.with_suffix(".link")
    os.symlink(version.name, tmp)  # relative: the folder can be moved with its versions
    if link.is_dir() and not link.is_symlink():
        link.rmdir()  # an empty folder (checked before): a link cannot be renamed over it
    os.replace(tmp, link)
    fsync_path(link.parent)


# --- a SPARQL 1.1 server -----------------------------------------------------------------------


MANIFEST = "kg-push-manifest"
"""The graph (``<base>kg-push-manifest``) where a push records each graph's SHA-256, so that the
next push sends only the graphs that changed."""


def push_endpoint(
    endpoint: str | Endpoint,
    graphs: Graphs,
    base: str = DEFAULT_BASE,
    timeout: float = DEFAULT_TIMEOUT,
) -> PushReport:
    """Load ``graphs`` into a SPARQL 1.1 server, replacing each, and delete the graphs under
    ``base`` that an earlier build loaded and this one did not produce.

    ``endpoint`` is a server root or ``query=URL,store=URL`` (see :mod:`kg.endpoint`). Every
    graph name must be under ``base``: a build only ever writes, and deletes, its own graphs.
    A graph with no triples is not sent (an earlier version of it is deleted).

    Sending is the slow part (a server indexes every triple in a transaction: 570,000 triples
    took ~35 s into ``oxigraph serve``, replacing them twice that), so a push skips the graphs
    whose content is unchanged since the last push, by SHA-256 recorded in a manifest graph
    ``<base>kg-push-manifest``. The manifest is deleted first and written last: a push that is
    interrupted leaves none, and the next one sends everything again."""
    ep = endpoint if isinstance(endpoint, Endpoint) else Endpoint.parse(endpoint)
    manifest = f"{base}{MANIFEST}"
    on_server = set(graphs_on_server(ep, base, timeout))
    previous = _read_manifest(ep, manifest, timeout) if manifest in on_server else {}
    if manifest in on_server:
        http("DELETE", ep.store_url(manifest), timeout=timeout, ok_missing=True)
    counts = _Counts()
    hashes: dict[str, str] = {}
    sent = 0
    for name, triples in graphs:
        if not name.startswith(base) or name == manifest:
            raise KgError(
                f"graph <{name}> is not under the build's base IRI {base} (or is its manifest): "
                "refusing to write it"
            )
        counts.graph(name)
        body = _ntriples(triples)
        if not body:
            continue
        counts.triples += body.count(b"\n")  # one line a triple: N-Triples escapes newlines
        hashes[name] = hashlib.sha256(body).hexdigest()
        if previous.get(name) == hashes[name] and name in on_server:
            continue
        headers = {"Content-Type": "application/n-triples"}
        http("PUT", ep.store_url(_graph_node(name).value), body, headers, timeout)
        sent += 1
    stale = sorted(on_server - set(hashes) - {manifest})
    for name in stale:
        http("DELETE", ep.store_url(name), timeout=timeout, ok_missing=True)
    record = [(URIRef(name), SDO.sha256, Literal(digest)) for name, digest in hashes.items()]
    if record:
        headers = {"Content-Type": "application/n-triples"}
        http("PUT", ep.store_url(manifest), _ntriples(record), headers, timeout)
    return PushReport(len(hashes), counts.triples, sent, tuple(stale))


def _ntriples(triples: Iterable[Triple]) -> bytes:
    """The triples as N-Triples, lines sorted: the same graph always gives the same bytes."""
    import pyoxigraph as ox

    body = ox.serialize(
        (ox.Triple(rdflib_to_ox(s), rdflib_to_ox(p), rdflib_to_ox(o)) for s, p, o in triples),
        format=ox.RdfFormat.N_TRIPLES,
    )
    return b"".join(sorted(body.splitlines(keepends=True)))


def _read_manifest(ep: Endpoint, manifest: str, timeout: float) -> dict[str, str]:
    query = f"SELECT ?g ?h WHERE {{ GRAPH <{manifest}> {{ ?g <{SDO.sha256}> ?h }} }}"
    rows = sparql_query(ep, query, timeout=timeout).rows
    return {str(g): str(h) for g, h in rows if g is not None and h is not None}


def graphs_on_server(
    endpoint: str | Endpoint, base: str, timeout: float = DEFAULT_TIMEOUT
) -> list[str]:
    """The named graphs on the server whose IRI starts with ``base``."""
    ep = endpoint if isinstance(endpoint, Endpoint) else Endpoint.parse(endpoint)
    query = (
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { } "
        f"FILTER(STRSTARTS(STR(?g), {sparql_term(Literal(base))})) }}"
    )
    result = sparql_query(ep, query, timeout=timeout)
    if result.boolean is not None or result.graph is not None:
        raise EndpointError(f"{ep.query}: expected SELECT results listing the graphs")
    return sorted(str(row[0]) for row in result.rows if row[0] is not None)
