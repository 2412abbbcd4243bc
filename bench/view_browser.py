"""How many nodes the HTML view draws smoothly: open views of growing size in headless Chromium.

    python bench/view_browser.py GRAPH.ttl|PAGE.html [...] [--out DIR] [--json FILE]

For each graph file (a real ``kg build`` output), draw the full view exactly as ``kg view``
draws a small graph (``kg.draw.graph_to_view`` then ``kg.view.render_html``; an ``.html`` file,
e.g. a summary written by ``kg view``, is measured as it is), open it from
``file://`` in Debian's Chromium (headless, network blocked, 1280x800) and measure:

* ``stab s``: seconds from navigation start to vis-network's ``stabilizationIterationsDone``
  (the layout computed before anything is shown) and ``draw s`` to the first ``afterDrawing``
  after it: when the user first sees the graph;
* ``settle s``: to the ``stabilized`` event (physics at rest; graphs over
  ``kg.view.LARGE_GRAPH_NODES`` nodes freeze physics at stabilization instead);
* ``longest task ms``: the longest main-thread task (PerformanceObserver ``longtask``) during
  loading, i.e. how long the page ignores the user at worst;
* frame rate while panning (a mouse drag across the canvas, 60 steps) and while zooming (30
  wheel steps): redraws (``afterDrawing``) per second and the 95th percentile of the
  ``requestAnimationFrame`` interval during the gesture;
* ``redraw ms``: the median time of one synchronous ``network.redraw()`` (one frame's drawing
  work; 16.7 ms is 60 frames a second);
* ``heap MB``: the JS heap in use after loading (CDP ``Performance.getMetrics``).

The figures in README.md ("How big a view stays smooth") come from this script.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

# Installed before the page's scripts: catches `var network = ...` through a setter on window and
# timestamps vis-network's events; records rAF intervals and long tasks.
INIT = """
window.__kg = {draws: [], raf: [], long: [], stab: null, settled: null};
new PerformanceObserver(l => l.getEntries().forEach(e => __kg.long.push(e.duration)))
  .observe({type: "longtask", buffered: true});
(function loop(t) { __kg.raf.push(t); requestAnimationFrame(loop); })(performance.now());
let __net;
Object.defineProperty(window, "network", {configurable: true, get() { return __net; }, set(n) {
  __net = n;
  n.on("afterDrawing", () => __kg.draws.push(performance.now()));
  n.once("stabilizationIterationsDone", () => { __kg.stab = performance.now(); });
  n.once("stabilized", () => { __kg.settled = performance.now(); });
}});
"""


def _gesture(page, do) -> dict[str, float]:
    """Run a mouse gesture; redraws per second and the p95 rAF interval while it lasted."""
    start = page.evaluate("performance.now()")
    t0 = time.perf_counter()
    do()
    page.wait_for_timeout(50)
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    wall = time.perf_counter() - t0
    end = page.evaluate("performance.now()")
    draws = page.evaluate(f"__kg.draws.filter(t => t >= {start} && t <= {end}).length")
    raf = page.evaluate(f"__kg.raf.filter(t => t >= {start} && t <= {end})")
    gaps = sorted(b - a for a, b in itertools.pairwise(raf)) or [0.0]
    return {
        "fps": round(draws / ((end - start) / 1000), 1),
        "p95_frame_ms": round(gaps[int(0.95 * (len(gaps) - 1))], 1),
        "wall_s": round(wall, 2),
    }


def measure(browser, html_file: Path, timeout_s: float) -> dict[str, object]:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.add_init_script(INIT)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    page.goto(html_file.as_uri(), timeout=timeout_s * 1000)
    page.wait_for_function(
        "__kg.stab !== null && __kg.draws.some(t => t >= __kg.stab)", timeout=timeout_s * 1000
    )
    stab = page.evaluate("__kg.stab")
    first = page.evaluate("__kg.draws.find(t => t >= __kg.stab)")
    try:  # physics keeps moving small graphs after stabilization; wait for rest (bounded)
        page.wait_for_function(
            "__kg.settled !== null || !network.physics.options.enabled", timeout=60_000
        )
    except Exception:
        pass
    settled = page.evaluate("__kg.settled")
    page.evaluate("network.stopSimulation()")
    page.wait_for_timeout(500)
    redraw_ms = page.evaluate(
        "(() => { const t = []; for (let i = 0; i < 11; i++) { const s = performance.now();"
        " network.redraw(); t.push(performance.now() - s); }"
        " t.sort((a, b) => a - b); return t[5]; })()"
    )
    heap = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    box = page.locator("#mynetwork canvas").bounding_box()
    # pan from an empty spot: dragging a node would move it and restart the physics
    spot = page.evaluate(
        "(() => { for (let y = 300; y < 700; y += 20) for (let x = 300; x < 900; x += 20)"
        " if (network.getNodeAt({x, y}) === undefined && network.getEdgeAt({x, y}) === undefined)"
        " return {x, y}; return {x: 640, y: 400}; })()"
    )
    cx, cy = box["x"] + spot["x"], box["y"] + spot["y"]

    def drag() -> None:
        page.mouse.move(cx, cy)
        page.mouse.down()
        for i in range(60):
            page.mouse.move(cx + 3 * i, cy + 2 * i)
        page.mouse.up()

    def zoom() -> None:
        page.mouse.move(cx, cy)
        for _ in range(30):
            page.mouse.wheel(0, -60)
            page.wait_for_timeout(16)

    result = {
        "nodes": page.evaluate("network.body.data.nodes.length"),
        "edges": page.evaluate("network.body.data.edges.length"),
        "html_mb": round(html_file.stat().st_size / 1e6, 2),
        "stab_s": round(stab / 1000, 2),
        "draw_s": round(first / 1000, 2),
        "settle_s": round(settled / 1000, 2) if settled else None,
        "longest_task_ms": round(max(page.evaluate("__kg.long") or [0])),
        "redraw_ms": round(redraw_ms, 1),
        "heap_mb": round(heap.get("JSHeapUsedSize", 0) / 2**20, 1),
        "pan": _gesture(page, drag),
        "zoom": _gesture(page, zoom),
    }
    page.close()
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("graphs", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "view")
    ap.add_argument("--json", type=Path, default=None, help="write the figures here too")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per page")
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    from kg.draw import graph_to_view
    from kg.query import load_graph
    from kg.view import render_html

    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for graph in args.graphs:
            if graph.suffix == ".html":  # a page made otherwise (a summary, a focus): as is
                html = graph
            else:
                nodes, edges = graph_to_view(load_graph(graph))
                html = args.out / f"view-{len(nodes)}.html"
                html.write_text(render_html(nodes, edges), encoding="utf-8")
            row = {"graph": str(graph), **measure(browser, html, args.timeout)}
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
        browser.close()
    print()
    print(
        f"{'nodes':>6} {'edges':>6} {'MB':>5} {'stab s':>7} {'draw s':>7} {'settle s':>8} "
        f"{'long ms':>8} {'redraw':>7} {'heap MB':>8} {'pan fps':>8} {'pan p95':>8} {'zoom fps':>8} "
        f"{'zoom p95':>8}"
    )
    for r in rows:
        print(
            f"{r['nodes']:>6} {r['edges']:>6} {r['html_mb']:>5} {r['stab_s']:>7} "
            f"{r['draw_s']:>7} {r['settle_s'] if r['settle_s'] is not None else '-':>8} "
            f"{r['longest_task_ms']:>8} {r['redraw_ms']:>7} {r['heap_mb']:>8} {r['pan']['fps']:>8} "
            f"{r['pan']['p95_frame_ms']:>8} {r['zoom']['fps']:>8} {r['zoom']['p95_frame_ms']:>8}"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
