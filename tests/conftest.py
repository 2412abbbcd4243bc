"""Shared fixtures: the seed corpus built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"
GENRE = ROOT / "tests" / "fixtures" / "genre"
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"


@pytest.fixture(autouse=True)
def _fresh_extraction_cache(tmp_path_factory, monkeypatch) -> None:
    """Every test builds with an empty extraction cache of its own: results never depend on
    what an earlier test (or the user's own builds) left in ~/.cache."""
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path_factory.mktemp("kg-cache")))


@pytest.fixture(scope="session")
def seed_build():
    from kg.pipeline import build

    return build([str(SEEDS)])


@pytest.fixture(scope="session")
def seed_graph_file(tmp_path_factory, seed_build) -> Path:
    out = tmp_path_factory.mktemp("graph") / "graph.ttl"
    out.write_text(seed_build.graph.serialize(format="turtle"), encoding="utf-8")
    return out


CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the session (a missing binary fails, never skips: the
    view's offline guarantee is only proven in a real browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
            "(run: apt-get install -y chromium)",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


class OfflinePage:
    """A page whose every non-file request is aborted and recorded (``blocked``), with console
    errors and uncaught exceptions collected (``errors``): both must stay empty for a view that
    works from file:// with no network."""

    def __init__(self, page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.blocked: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.route("**/*", self._route)

    def _route(self, route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def open(self, path: Path) -> OfflinePage:
        """Load ``path`` and wait until vis-network has its data."""
        self.page.goto(path.as_uri())
        self.page.wait_for_function("() => window.network && network.body && network.body.data")
        return self


@pytest.fixture
def offline_page(browser):
    """Factory of offline pages on the session browser; pages are closed after the test."""
    pages: list[OfflinePage] = []

    def make(**kwargs) -> OfflinePage:
        pages.append(OfflinePage(browser.new_page(**kwargs)))
        return pages[-1]

    yield make
    for p in pages:
        p.page.close()
