"""union-kg: a knowledge graph of Chinese trade-union news.

The pipeline runs ``read -> normalize -> segment -> extract -> resolve -> graph``; see
``docs/design.md``. The functions a notebook user needs are re-exported here lazily (so that
``import kg`` stays cheap for worker processes)::

    from kg import build
    result = build(["seeds/"])
    result.graph.serialize(format="turtle")
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["build", "query", "render_view"]


def __getattr__(name: str):  # PEP 562 lazy re-exports
    if name == "build":
        from kg.pipeline import build

        return build
    if name == "query":
        from kg.query import run_query

        return run_query
    if name == "render_view":
        from kg.draw import render_graph_html

        return render_graph_html
    raise AttributeError(name)
