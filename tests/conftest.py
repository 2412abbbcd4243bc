"""Shared fixtures: the seed corpus built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"
GENRE = ROOT / "tests" / "fixtures" / "genre"


@pytest.fixture(scope="session")
def seed_build():
    from kg.pipeline import build

    return build([str(SEEDS)])


@pytest.fixture(scope="session")
def seed_graph_file(tmp_path_factory, seed_build) -> Path:
    out = tmp_path_factory.mktemp("graph") / "graph.ttl"
    out.write_text(seed_build.graph.serialize(format="turtle"), encoding="utf-8")
    return out
