"""The library's own exceptions. The CLI turns them into one-line messages at the edge; a
traceback means a bug, never bad input."""

from __future__ import annotations


class KgError(Exception):
    """Bad input or a request that cannot be carried out; the message is for the user."""


class GraphFileError(KgError):
    """A graph file that is missing or does not parse."""


class QueryError(KgError):
    """A query that does not parse, or one that is refused (updates)."""
