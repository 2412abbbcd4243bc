"""Outputs stay whole: a build killed at any moment leaves the previous outputs intact and
parseable, leftovers are hidden and cleaned by the next build, and the same inputs in any order
give byte-identical graph.ttl and graph.html."""

from __future__ import annotations

import fcntl
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph

from kg.atomic import STALE_AFTER, remove_stale_temps, write_atomic, write_atomic_many
from tests.conftest import SEEDS
from tests.test_bad_input import FUZZ, READ, parse_everywhere

KG_MAIN = "from kg.cli import main; main()"
OUTPUTS = ["graph.html", "graph.ttl"]
TEMP = re.compile(r"^\.graph\.(ttl|html)\..+\.tmp$")

# Runs `kg build`, but SIGKILLs itself on the Nth rename of an output file into place: the worst
# moments, when both new files are complete on disk and none or one has replaced the old one.
KILL_AT_COMMIT = """
import os, signal
import kg.atomic
real, calls = kg.atomic._commit, []
def commit(tmp, target):
    if target.name.startswith("graph."):  # outputs only, not extraction-cache entries
        calls.append(target)
    if calls and calls[-1] == target and len(calls) == int(os.environ["KILL_AT_COMMIT"]):
        os.kill(os.getpid(), signal.SIGKILL)
    real(tmp, target)
kg.atomic._commit = commit
from kg.cli import main; main()
"""


def _kg(*args: str, code: str = KG_MAIN, env: dict | None = None, **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, "build", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
        **kw,
    )


def _run(*args: str, **kw) -> tuple[int, str]:
    proc = _kg(*args, **kw)
    out, _ = proc.communicate(timeout=600)
    return proc.returncode, out.decode(errors="replace")


def _state(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _leftovers(out: Path) -> list[str]:
    names = sorted(p.name for p in out.iterdir() if p.name not in OUTPUTS)
    assert all(TEMP.match(n) for n in names), f"stray files that are not hidden temps: {names}"
    return names


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds copied many times with small edits (distinct files, distinct hashes): a build
    that takes a few seconds."""
    root = tmp_path_factory.mktemp("corpus")
    for i in range(6):
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            (root / f"{i:02d}_{seed.name}").write_text(f"{text}\n（第{i}稿）\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path_factory.mktemp("prev") / "out"
    status, log = _run(str(SEEDS / "000_cba2e6ab6a53fdd1.txt"), "-o", str(out))
    assert status == 0, log
    return out, _state(out)


def test_killed_build_leaves_previous_outputs(corpus: Path, previous, tmp_path: Path) -> None:
    _, prev = previous
    out = tmp_path / "out"
    out.mkdir()
    for name, data in prev.items():
        (out / name).write_bytes(data)
    observed = []
    for delay in (0.2, 0.5, 1.0, 2.0, 3.0):
        proc = _kg(str(corpus), "-o", str(out))
        time.sleep(delay)
        running = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        state = _state(out)
        if delay == 0.2:
            assert running, "the first kill came too late to mean anything"
            assert state == prev  # still importing: nothing may have changed
        Graph().parse(out / "graph.ttl", format="turtle")
        _leftovers(out)
        observed.append(state)

    # a full build replaces everything and removes every leftover
    status, log = _run(str(corpus), "-o", str(out))
    assert status == 0, log
    full = _state(out)
    assert full != prev
    assert _leftovers(out) == []
    parse_everywhere(out / "graph.ttl")
    for state in observed:  # after every kill, each file was the old one or the whole new one
        for name in OUTPUTS:
            assert state[name] in (prev[name], full[name]), name


@pytest.mark.parametrize("kill_at", [1, 2], ids=["before-first-rename", "between-renames"])
def test_kill_at_the_worst_moment(previous, tmp_path: Path, kill_at: int) -> None:
    _, prev = previous
    out = tmp_path / "out"
    out.mkdir()
    for name, data in prev.items():
        (out / name).write_bytes(data)
    args = [str(SEEDS / "001_6ae12ce34c73e871.txt"), str(FUZZ / "hostile.txt")]
    status, log = _run(
        *args, "-o", str(out), code=KILL_AT_COMMIT, env={"KILL_AT_COMMIT": str(kill_at)}
    )
    assert status == -signal.SIGKILL, log
    state = _state(out)
    changed = sorted(name for name in OUTPUTS if state[name] != prev[name])
    # graph.ttl is renamed first, graph.html second: never a half-written file
    assert changed == ([] if kill_at == 1 else ["graph.ttl"])
    parse_everywhere(out / "graph.ttl")
    leftovers = _leftovers(out)
    assert len(leftovers) == 3 - kill_at  # the complete temps not yet renamed, hidden
    status, log = _run(*args, "-o", str(out))
    assert status == 0, log
    assert _leftovers(out) == []  # cleaned by the next build
    assert _state(out)["graph.ttl"] != prev["graph.ttl"]


def test_a_live_writers_temp_is_left_alone_a_dead_ones_is_removed(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    live = tmp_path / ".graph.ttl.live.tmp"
    dead = tmp_path / ".graph.ttl.dead.tmp"
    fresh = tmp_path / ".graph.ttl.fresh.tmp"
    other = tmp_path / ".graph.html.dead.tmp"
    for p in (live, dead, fresh, other):
        p.write_text("partial", encoding="utf-8")
    old = time.time() - 10 * STALE_AFTER
    for p in (live, dead, other):
        os.utime(p, (old, old))
    holder = os.open(live, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)  # as a writer in another process would hold it
    try:
        write_atomic(target, "new\n")
    finally:
        os.close(holder)
    names = sorted(p.name for p in tmp_path.iterdir())
    # the dead one went; the locked one and the one just created (a writer may be about to
    # lock it) stay; graph.html's leftovers wait for the next write of graph.html
    assert names == sorted(["graph.ttl", live.name, fresh.name, other.name])
    assert remove_stale_temps(tmp_path / "graph.html") == [other]


def test_write_many_changes_nothing_if_one_payload_fails(tmp_path: Path) -> None:
    (tmp_path / "a.ttl").write_text("old a", encoding="utf-8")
    (tmp_path / "b.html").write_text("old b", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomic_many({tmp_path / "a.ttl": "new a", tmp_path / "b.html": "新"}, "ascii")
    assert (tmp_path / "a.ttl").read_text(encoding="utf-8") == "old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl", "b.html"]
    write_atomic_many({tmp_path / "a.ttl": "new a", tmp_path / "b.html": "新 b"})
    assert (tmp_path / "b.html").read_text(encoding="utf-8") == "新 b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl", "b.html"]


def test_same_inputs_in_any_order_give_identical_bytes(tmp_path: Path) -> None:
    """Two processes with different hash seeds and the arguments in opposite orders:
    graph.ttl and graph.html are byte-identical."""
    files = [str(p) for p in sorted(SEEDS.glob("*.txt"))] + [str(FUZZ / n) for n in READ]
    states = []
    for seed, args in (("1", files), ("2", files[::-1])):
        out = tmp_path / f"out{seed}"
        status, log = _run(*args, "-o", str(out), env={"PYTHONHASHSEED": seed})
        assert status == 0, log
        states.append(_state(out))
    assert states[0] == states[1]
    assert len(states[0]["graph.html"]) > 10_000
