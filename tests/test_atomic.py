"""Outputs stay whole: a failed write leaves the previous file exactly as it was and no
temporary file behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kg.atomic import atomic_path, write_atomic

TURTLE = '@prefix kg: <https://example.org/kg/> .\n\nkg:a kg:name "河源市总工会"@zh .\n'


def _names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_write_text_then_read_back(tmp_path: Path) -> None:
    target = tmp_path / "out" / "deeper" / "graph.ttl"  # parents are created
    write_atomic(target, TURTLE)
    assert target.read_bytes() == TURTLE.encode("utf-8")  # "\n" stays "\n" on every platform
    assert _names(target.parent) == ["graph.ttl"]


def test_write_bytes_and_other_encodings(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.bin", b"\x00\xff\r\n")
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\xff\r\n"
    write_atomic(str(tmp_path / "b.txt"), "职工\n", encoding="gb18030")
    assert (tmp_path / "b.txt").read_bytes() == "职工\n".encode("gb18030")


def test_overwrite_replaces_the_content(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    write_atomic(target, "old\n" * 1000)
    write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert _names(tmp_path) == ["graph.ttl"]


def test_failed_replace_keeps_the_old_file_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("previous\n", encoding="utf-8")

    def boom(src, dst):
        assert Path(src).read_bytes() == b"half of the new graph"  # fully written before
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "half of the new graph")
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert _names(tmp_path) == ["graph.ttl"]


def test_failed_encoding_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("previous\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "河源", encoding="ascii")
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert _names(tmp_path) == ["graph.ttl"]


def test_new_file_gets_the_usual_mode_and_old_file_keeps_its_mode(tmp_path: Path) -> None:
    # tempfile creates 0600 files; an output must not silently become private.
    umask = os.umask(0o022)
    os.umask(umask)
    write_atomic(tmp_path / "new.ttl", TURTLE)
    assert stat.S_IMODE((tmp_path / "new.ttl").stat().st_mode) == 0o666 & ~umask
    existing = tmp_path / "shared.ttl"
    existing.write_text("x", encoding="utf-8")
    existing.chmod(0o640)
    write_atomic(existing, TURTLE)
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640


def test_a_symlinked_output_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "store" / "graph.ttl"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "graph.ttl"
    link.symlink_to(real)
    write_atomic(link, TURTLE)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == TURTLE


def test_atomic_path_replaces_on_success(tmp_path: Path) -> None:
    target = tmp_path / "out" / "graph.graphml"
    with atomic_path(target) as tmp:
        assert tmp.parent == target.parent  # same folder: the rename is atomic
        assert tmp.exists()  # reserved, empty
        assert tmp != target
        tmp.write_text("<graphml/>\n", encoding="utf-8")
        assert not target.exists()  # nothing visible until the block ends
    assert target.read_text(encoding="utf-8") == "<graphml/>\n"
    assert not tmp.exists()
    assert _names(target.parent) == ["graph.graphml"]


def test_atomic_path_removes_the_temp_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "graph.graphml"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(RuntimeError, match="serializer crashed"):
        with atomic_path(target) as tmp:
            tmp.write_text("<graphml", encoding="utf-8")
            raise RuntimeError("serializer crashed")
    assert target.read_text(encoding="utf-8") == "previous"
    assert _names(tmp_path) == ["graph.graphml"]
