"""Word lists and patterns kept as data files under ``kg/data/``.

A list file holds one entry a line; lines starting with ``#`` are comments (each file opens with
one saying where the list comes from) and blank lines are ignored. A table file (``.tsv``) holds
tab-separated columns. Files are read once per process and cached: worker processes each load
their own copy, and nothing here is mutable.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

DATA_PACKAGE = "kg.data"


def data_text(name: str) -> str:
    """The text of the data file ``name`` (e.g. ``"posts.txt"``)."""
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    out = []
    for raw in data_text(name).splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Entries of a one-entry-a-line list, in file order, without duplicates."""
    return tuple(dict.fromkeys(_lines(name)))


@cache
def word_set(name: str) -> frozenset[str]:
    """Entries of a list as a set, for membership tests."""
    return frozenset(word_list(name))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated table (comment and blank lines skipped)."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(name))


@cache
def longest_first(name: str) -> tuple[str, ...]:
    """Entries sorted longest first (then by text), for greedy longest-match scanning."""
    return sorted_longest_first(word_list(name))


def sorted_longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` without repeats, longest first (then by text)."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def rules_fingerprint() -> str:
    """A hash of every data file: changes whenever a word list or pattern changes, so caches of
    extraction results keyed on it are invalidated by a changed rule set."""
    h = hashlib.sha256()
    root = resources.files(DATA_PACKAGE)
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_file() and not entry.name.startswith((".", "__")):
            h.update(entry.name.encode())
            h.update(entry.read_bytes())
    return h.hexdigest()


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, longest first, written as a trie (``河(?:源|北)…``).

    Python's ``re`` tries the branches of ``a|b|c…`` one by one at every position, so a plain
    alternation of a gazetteer's few hundred names costs a few hundred tries per character; a
    trie shares prefixes, so most positions fail at the first character. Same matches as the
    longest-first plain alternation: at each node, longer continuations are tried before the
    word ending there."""
    trie: dict = {}
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) if trie else "(?!)"


def first_chars(*groups: Iterable[str]) -> str:
    """A regex class of the characters a match of any of the words in ``groups`` starts with,
    for a lookahead (``(?=[广深…])``) before a pattern that starts with a large alternation, a
    lookbehind or a choice of branches. ``re`` skips the positions that cannot start a match
    only when it can tell the pattern's first characters, and these hide them: every position
    of every sentence was then tried in full (the organization pattern took 3.5 times as long,
    the place pattern 4.6). A necessary condition, so the matches stay the same."""
    chars = sorted({w[0] for group in groups for w in group if w})
    return f"[{''.join(re.escape(c) for c in chars)}]" if chars else "(?!)"


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body
