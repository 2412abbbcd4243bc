"""Outputs stay whole: a file is either the old version or the new one, never half written.

A build that is interrupted (Ctrl-C, a full disk, a crash in a serializer) must not leave a
truncated ``graph.ttl`` that a SPARQL server or a browser then loads without complaint. Every
output is therefore written to a temporary file in the target's own directory (so the final
rename stays on one file system and is atomic), flushed to disk, and renamed over the target
with :func:`os.replace`. On failure the temporary file is removed and the old target is left as
it was.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_path", "write_atomic"]


def write_atomic(path: Path | str, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` atomically, creating parent directories.

    Text is encoded with ``encoding`` and written in binary, so line endings are exactly as
    given (``\\n`` on every platform: output bytes must not depend on where a build ran).
    """
    payload = data.encode(encoding) if isinstance(data, str) else bytes(data)
    target = _target(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(  # closed below; kept on success
        dir=target.parent, delete=False, prefix=f".{target.name}.", suffix=".tmp"
    )
    tmp = Path(handle.name)
    try:
        with handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        _commit(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path next to ``path`` for a tool that writes files itself (networkx
    ``write_graphml``, a serializer that wants a file name); on normal exit it replaces
    ``path``, on an exception it is removed and ``path`` is untouched.

    The temporary file exists (empty) when yielded, which reserves its name; tools overwrite it.
    """
    target = _target(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        _fsync_file(tmp)
        _commit(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


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
    _fsync_dir(target.parent)


def _fsync_file(path: Path) -> None:
    # A tool may have closed the file without fsync; make its bytes durable before the rename.
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable. Not possible on Windows (directories cannot be opened).
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
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
