"""A cache of per-document extraction results, keyed by content hash and rule set.

Rebuilding a corpus after one article changed should cost one article's extraction, not the
whole corpus's. An :class:`~kg.records.Extraction` depends only on the document's bytes and on
the rules (the data files under ``kg/data/`` and the code of the per-document stages), so the
cache key is ``(rules fingerprint, document sha256)``: a changed article misses by its hash, a
changed rule set misses everything by its fingerprint, and a stale entry can never be used.

Entries are pickles written atomically into ``DIR/<fingerprint[:16]>/<sha256>.pkl``; a build
removes the folders of other rule sets unused for a week (:meth:`ExtractionCache.prune`), so
upgrades do not fill the disk. A cache that cannot be written never stops a build: the first
error is kept (``write_error``) and caching stops.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import pickle
import re
import shutil
import time
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path

from kg.lexicon import rules_fingerprint
from kg.read import RawFile
from kg.records import Document, Extraction

_STAGE_MODULES = ("kg", "kg.extract")
_serial = itertools.count()
_RULE_SET = re.compile("[0-9a-f]{16}")
UNUSED_FOR = 7 * 24 * 3600
"""Seconds after which a build removes the cached entries of another rule set."""
_SCHEMA = b"extraction-v1"


def default_cache_dir() -> Path:
    """``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/union-kg``, else ``~/.cache/union-kg``: outside
    the output folder, so outputs stay exactly the files a build writes, and shared by builds
    of any folder (entries are keyed by content, so that is safe)."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "union-kg"


@cache
def fingerprint() -> str:
    """Hash of everything an extraction depends on: data files and per-document stage code."""
    h = hashlib.sha256(_SCHEMA)
    h.update(rules_fingerprint().encode())
    for package in _STAGE_MODULES:
        root = resources.files(package)
        for entry in sorted(root.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                h.update(entry.name.encode())
                h.update(entry.read_bytes())
    return h.hexdigest()


def _touch(path: Path) -> None:
    """Mark an entry as used now (see :meth:`ExtractionCache.forget_unused`)."""
    try:
        os.utime(path)
    except OSError:
        pass


class ExtractionCache:
    """Read-through cache of extractions under ``directory``."""

    def __init__(self, directory: str | Path) -> None:
        self.root = Path(directory)
        self.dir = self.root / fingerprint()[:16]
        self.hits = 0
        self.misses = 0
        self.write_error: str | None = None
        try:  # a rule set in use is not pruned by another version's build (see prune)
            os.utime(self.dir)
        except OSError:
            pass

    def _path(self, doc: Document | RawFile) -> Path:
        return self.dir / f"{doc.sha256}.pkl"

    def get(self, doc: Document | RawFile) -> Extraction | None:
        """The cached extraction of ``doc`` (a decoded document, or a file's bytes: a hit
        needs no decoding), under ``doc``'s name; ``None`` on a miss."""
        path = self._path(doc)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            ex = pickle.loads(data)
        except Exception:  # a damaged entry is a miss, never an error
            self.misses += 1
            return None
        if not isinstance(ex, Extraction) or ex.doc.sha256 != doc.sha256:
            self.misses += 1
            return None
        self.hits += 1
        _touch(path)
        # the same bytes may sit under another name: the record keeps the current one
        return ex if ex.doc.name == doc.name else replace(ex, doc=replace(ex.doc, name=doc.name))

    def put(self, ex: Extraction) -> None:
        """Store ``ex``: written to a temporary name, then renamed, so a reader sees a whole
        entry or none. Not :func:`kg.atomic.write_atomic`: an entry needs no fsync (a lost one
        is a miss) and no scan for stale temporary files, which in a folder of 10,000 entries
        doubled the extraction time of a cold build (measured); leftovers of a killed build
        are ``*.tmp`` files that :meth:`prune` removes and :meth:`get` never reads."""
        self._write(self._path(ex.doc), pickle.dumps(ex, protocol=pickle.HIGHEST_PROTOCOL))

    def _write(self, path: Path, data: bytes) -> None:
        """Write ``data`` to ``path`` by rename (see :meth:`put`); the first failure stops
        caching and is kept in ``write_error``."""
        if self.write_error is not None:
            return
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{next(_serial)}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError as exc:
            self.write_error = f"{exc.filename or self.dir}: {exc.strerror or exc}"
            try:
                tmp.unlink()
            except OSError:
                pass

    def _part_path(self, key: str) -> Path:
        return self.dir / "parts" / f"{key}.pkl"

    def has_part(self, key: str) -> bool:
        """Whether a piece of the graph is cached under ``key`` (read later, when it is
        written out: a build does not hold every piece's bytes at once)."""
        return self._part_path(key).is_file()

    def get_part(self, key: str) -> tuple[bytes, bytes, int, bytes] | None:
        """The cached Turtle of a piece of the graph (see :func:`kg.output.part_turtle`) under
        ``key``, a hash of everything it is made from; ``None`` on a miss (a damaged entry is
        a miss)."""
        path = self._part_path(key)
        try:
            value = pickle.loads(path.read_bytes())
        except Exception:
            return None
        if not (isinstance(value, tuple) and len(value) == 4):
            return None
        _touch(path)
        return value

    def put_part(self, key: str, value: tuple[bytes, bytes, int, bytes]) -> None:
        """Store a piece's Turtle under ``key``."""
        self._write(self._part_path(key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def forget_unused(self, unused_for: float, parts: bool = False) -> int:
        """Remove this rule set's extractions (or, with ``parts``, graph pieces) not used for
        ``unused_for`` seconds: an article's old versions, pieces of the graph that changed.
        A corpus rebuilt every day would otherwise keep every version of them. Called once
        the build has used (touched) what it needs. Returns how many were removed."""
        removed = 0
        cutoff = time.time() - unused_for
        folder = self.dir / "parts" if parts else self.dir
        for entry in folder.glob("*.pkl") if folder.is_dir() else ():
            try:
                if entry.stat().st_mtime < cutoff:
                    entry.unlink()
                    removed += 1
            except OSError:
                continue
        return removed

    def prune(self, unused_for: float = 0.0) -> int:
        """Remove the entries of other rule sets (older versions of union-kg, or edited word
        lists) not used for ``unused_for`` seconds; returns how many folders were removed.
        Only folders named like a rule set's are touched, whatever else ``--cache-dir`` holds."""
        removed = 0
        now = time.time()
        if self.root.is_dir():
            for sub in self.root.iterdir():
                if sub == self.dir or not _RULE_SET.fullmatch(sub.name) or not sub.is_dir():
                    continue
                try:
                    idle = now - sub.stat().st_mtime
                except OSError:
                    continue
                if idle >= unused_for:
                    shutil.rmtree(sub, ignore_errors=True)
                    removed += 1
        for folder in (self.dir, self.dir / "parts"):  # leftovers of builds killed while writing
            if folder.is_dir():
                for tmp in folder.glob(".*.tmp"):
                    tmp.unlink(missing_ok=True)
        return removed
