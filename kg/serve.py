"""``kg serve``: the built graph as a SPARQL endpoint for other tools, through Oxigraph's server.

The server is the ``oxigraph`` command of the PyPI package ``oxigraph`` (a dependency): read-only
(``oxigraph serve-read-only``) unless updates are asked for (``oxigraph serve``), bound to
127.0.0.1 unless another host is given, and always with ``--union-default-graph`` so that a
query without ``GRAPH`` sees the union of the named graphs (one per article), as ``kg query``
does. A store written by ``kg build --store`` is served in place: the version its link points to
is pinned for as long as the server runs, so a rebuild meanwhile does not delete the files under
it (restart the server to serve the new build). A graph file is first loaded into a temporary
store that is deleted when the server stops.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import subprocess
import sysconfig
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.errors import GraphFileError, KgError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878


def oxigraph_command() -> str:
    """The ``oxigraph`` executable: the one installed beside this Python first (a virtual
    environment need not be on PATH), else the first on PATH."""
    scripts = Path(sysconfig.get_path("scripts"))
    for name in ("oxigraph", "oxigraph.exe"):
        if (scripts / name).is_file():
            return str(scripts / name)
    found = shutil.which("oxigraph")
    if not found:
        raise KgError(
            "the `oxigraph` command is missing: install it with `pip install oxigraph` "
            "(it comes with `pip install -e .`)"
        )
    return found


def server_args(location: Path, host: str, port: int, allow_update: bool) -> list[str]:
    """The ``oxigraph`` command line serving the store at ``location``."""
    bind = f"[{host}]:{port}" if ":" in host and not host.startswith("[") else f"{host}:{port}"
    return [
        oxigraph_command(),
        "serve" if allow_update else "serve-read-only",
        "--location",
        str(location),
        "--bind",
        bind,
        "--union-default-graph",
    ]


def endpoint_url(host: str, port: int) -> str:
    """The server's root URL (what ``kg query --endpoint`` takes)."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"


@contextlib.contextmanager
def served_location(store: str | None, graph_file: str | None) -> Iterator[Path]:
    """The directory to serve: the pinned version of ``store`` (``oxigraph:DIR``), or a temporary
    store holding ``graph_file`` (removed afterwards)."""
    if store:
        from kg.source import parse_store_spec
        from kg.store import pin_store

        directory = parse_store_spec(store)
        if not directory.is_dir():
            raise GraphFileError(
                f"{directory}: no Oxigraph store here (build one with "
                f"`kg build --store oxigraph:{directory}`)"
            )
        with pin_store(directory) as version:
            yield version
        return
    path = Path(graph_file or "output/graph.ttl")
    if not path.is_file():
        raise GraphFileError(
            f"{path}: graph file not found (run `kg build` first, or pass --graph)"
        )
    tmp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    try:
        _load_file(path, tmp / "store")
        yield tmp / "store"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _load_file(path: Path, location: Path) -> None:
    import pyoxigraph as ox

    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".") or "ttl") or ox.RdfFormat.TURTLE
    store = ox.Store(str(location))
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError) as exc:
        raise GraphFileError(f"{path}: not a readable {fmt.name} graph ({exc})") from exc
    finally:
        del store  # releases the store's lock before the server opens it


def serve(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    store: str | None = None,
    graph_file: str | None = None,
    allow_update: bool = False,
    on_start: Callable[[str, list[str]], None] | None = None,
) -> int:
    """Run Oxigraph's server until it stops or this process is interrupted (Ctrl-C, SIGTERM);
    return its exit status. ``on_start`` is told the endpoint's URL and the command line."""
    with served_location(store, graph_file) as location:
        args = server_args(location, host, port, allow_update)
        if on_start:
            on_start(endpoint_url(host, port), args)
        proc = subprocess.Popen(args)
        previous = signal.signal(signal.SIGTERM, _raise_interrupt)
        try:
            return proc.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            signal.signal(signal.SIGTERM, previous)
            stop_process(proc)


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def stop_process(proc: subprocess.Popen, grace: float = 5.0) -> None:
    """Stop a server: SIGTERM, then SIGKILL if it has not exited after ``grace`` seconds."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
