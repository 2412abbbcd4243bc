"""Deterministic, valid IRIs for entities and facts.

An entity's IRI is ``<base><kind>/<key>``: readable (Chinese characters stay as they are) and
stable across runs and machines. Every character that is not an ASCII letter, digit or ``-._~``
and not a CJK ideograph is percent-encoded as UTF-8, so names with spaces, quotes, ``<>``,
``#``, emoji or control characters still give IRIs every Turtle parser accepts; a key made only
of dots is encoded too, since ``.`` and ``..`` path segments would be removed when a parser
resolves the IRI. Fact nodes (posts held, evidence) are named by a hash of what identifies them.

The base IRI comes from the user (``kg build --base``), so :func:`check_base` refuses one that
would make invalid IRIs before anything is built.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import quote

from kg.errors import KgError

_SAFE_ASCII = "-._~"


def _cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x20000 <= o <= 0x2FA1F
        or 0xF900 <= o <= 0xFAFF
    )


@lru_cache(maxsize=65536)
def encode_segment(key: str) -> str:
    """Percent-encode ``key`` for use as one IRI path segment (never empty). Cached: an
    entity's key is encoded for every fact that names it."""
    out = []
    for ch in key:
        if (ch.isascii() and (ch.isalnum() or ch in _SAFE_ASCII)) or _cjk(ch):
            out.append(ch)
        else:
            out.append(quote(ch, safe="", encoding="utf-8", errors="surrogatepass"))
    if key and not key.strip("."):  # "." and ".." are dot segments: write them as %2E
        return "%2E" * len(key)
    return "".join(out) or "_"


def check_base(base: str) -> str:
    """Return ``base`` if entity IRIs minted under it are valid absolute IRIs; raise
    :class:`~kg.errors.KgError` naming the problem otherwise (a space, ``<>``, ``{}``, a second
    ``#``, a bad ``%`` escape, no scheme …)."""
    from pyoxigraph import NamedNode  # oxiri: a strict RFC 3987 checker

    sample = (base if base.endswith(("/", "#")) else base + "/") + "person/x"
    try:
        NamedNode(sample)
    except ValueError as exc:
        raise KgError(
            f"--base {base!r} is not a usable absolute IRI ({exc}); "
            "give one like https://example.org/kg/id/"
        ) from None
    return base


def entity_iri(base: str, kind: str, key: str) -> str:
    return f"{base}{kind}/{encode_segment(key)}"


def hashed_iri(base: str, kind: str, *parts: object) -> str:
    """IRI for a node identified by ``parts`` (a fact's identity, an evidence's location)."""
    digest = hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return f"{base}{kind}/{digest}"
