"""Outputs stay whole: a file is either the old version or the new one, never half written.

A build that is interrupted (Ctrl-C, SIGKILL, a full disk, a crash in a serializer) must not
leave a truncated ``graph.ttl`` that a SPARQL server or a browser then loads without complaint.
Every output is therefore written to a temporary file in the target's own directory (so the
final rename stays on one file system and is atomic), flushed to disk, and renamed over the
target with :func:`os.replace`. On failure the temporary file is removed and the old target is
left as it was.

A process killed outright (SIGKILL, power loss) cannot remove its temporary file. Temporary
files are hidden (``.graph.ttl.<random>.tmp``) and locked (``flock``) by the process writing
them; the next write of the same target removes those no live process holds, so leftovers of
a killed build disappear with the next build. :func:`write_atomic_many` writes several outputs
(``graph.ttl`` and ``graph.html``) so that all of them are complete on disk before the first is
renamed, which keeps the moment where one is new and the other old as short as two renames.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # Windows: no flock; stale temporary files are removed by age only
    fcntl = None  # type: ignore[assignment]

__all__ = ["atomic_path", "remove_stale_temps", "write_atomic", "write_atomic_many"]

STALE_AFTER = 0.2
"""Seconds since its last change before an unlocked temporary file counts as abandoned (covers
the instant, microseconds, between a writer creating its file and locking it; short, because a
small build rewrites its outputs well within a second of the killed one)."""
STALE_AFTER_UNLOCKABLE = 24 * 3600.0
"""Same, where files cannot be locked (no ``fcntl``): only clearly abandoned files go."""


def write_atomic(path: Path | str, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` atomically, creating parent directories.

    Text is encoded with ``encoding`` and written in binary, so line endings are exactly as
    given (``\\n`` on every platform: output bytes must not depend on where a build ran).
    """
    write_atomic_many({path: data}, encoding)


Writer = Callable[[IO[bytes]], object]
"""Streams a payload into an open binary file (for outputs too big to hold as one string)."""


def write_atomic_many(
    files: Mapping[Path | str, str | bytes | Writer], encoding: str = "utf-8"
) -> None:
    """Write several files atomically: every temporary file is written and flushed to disk
    first, then they are renamed into place one after the other. If anything fails before the
    renames (encoding, a full disk, a writer's exception), no target changes. A payload is a
    string, bytes, or a :data:`Writer` called with the temporary file, in the given order."""
    payloads = [
        (
            _target(path),
            data
            if callable(data)
            else (data.encode(encoding) if isinstance(data, str) else bytes(data)),
        )
        for path, data in files.items()
    ]
    staged: list[tuple[Path, Path, IO[bytes]]] = []
    try:
        for target, payload in payloads:
            target.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_temps(target)
            handle = tempfile.NamedTemporaryFile(  # closed below; kept on success
                dir=target.parent, delete=False, prefix=_prefix(target), suffix=".tmp"
            )
            staged.append((Path(handle.name), target, handle))
            _lock(handle.fileno())
            if callable(payload):
                payload(handle)
            else:
                handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        for tmp, target, handle in staged:
            if fcntl is None:
                handle.close()  # Windows cannot rename an open file
            _commit(tmp, target)
    except BaseException:
        for tmp, _, _ in staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    finally:
        for _, _, handle in staged:  # closing releases the lock, after the rename
            with contextlib.suppress(OSError):
                handle.close()


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path next to ``path`` for a tool that writes files itself (networkx
    ``write_graphml``, a serializer that wants a file name); on normal exit it replaces
    ``path``, on an exception it is removed and ``path`` is untouched.

    The temporary file exists (empty) when yielded, which reserves its name; tools overwrite it.
    """
    target = _target(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(target)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=_prefix(target), suffix=".tmp")
    tmp = Path(name)
    try:
        _lock(fd)
        yield tmp
        fsync_path(tmp)
        if fcntl is None:
            os.close(fd)
            fd = -1
        _commit(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)


def _prefix(target: Path) -> str:
    return f".{target.name}."


def _lock(fd: int) -> None:
    """Mark a temporary file as in use: the lock lives as long as this process holds the file
    open, and the kernel drops it when the process dies, however it dies."""
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def remove_stale_temps(path: Path | str) -> list[Path]:
    """Remove temporary files that an interrupted write of ``path`` left behind; return them.

    A temporary file is stale when no process holds its lock (its writer died) and it has not
    changed for :data:`STALE_AFTER` seconds. Other files are never touched."""
    target = _target(path)
    removed: list[Path] = []
    try:
        candidates = sorted(target.parent.glob(f"{_glob_escape(_prefix(target))}*.tmp"))
    except OSError:
        return removed
    now = time.time()
    for tmp in candidates:
        with contextlib.suppress(OSError):
            if not tmp.is_file() or tmp.is_symlink():
                continue  # only regular files are ever ours
            if fcntl is None:
                if now - tmp.stat().st_mtime > STALE_AFTER_UNLOCKABLE:
                    tmp.unlink()
                    removed.append(tmp)
                continue
            flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
            fd = os.open(tmp, flags)
            try:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    continue  # a live writer holds it
                if now - os.fstat(fd).st_mtime > STALE_AFTER:
                    tmp.unlink()
                    removed.append(tmp)
            finally:
                os.close(fd)
    return removed


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def _target(path: Path | str) -> Path:
    """The file to replace: a symlink is followed, so the link stays a link to the new file."""
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    return target


def _commit(tmp: Path, target: Path) -> None:
    """Give the temporary file the mode a normal write would have, then rename it into place.

    ``tempfile`` creates files readable by the owner only (0600); an output replaced that way
    would suddenly be unreadable to a web server or a colleague."""
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_umask()
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)
    os.replace(tmp, target)
    fsync_path(target.parent)


def fsync_path(path: Path) -> None:
    """Flush a file's bytes (a tool may have closed it without fsync) or a directory's entries
    (makes a rename in it durable) to disk. Best effort: Windows cannot open directories."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@functools.cache
def _umask() -> int:
    """The process umask, read without changing it where Linux allows (/proc), else by the
    set-and-restore dance (briefly process-wide, hence done once)."""
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
