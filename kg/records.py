"""Plain records passed between pipeline stages.

Every stage takes records and returns new ones; none mutates what it was given. All records are
frozen and have a total order (``sort_key``) so that the order of output, and so the bytes
written, never depend on set or dict iteration or on the order files were read in.

Offsets: ``start``/``end`` on a :class:`Mention` or :class:`Evidence` are offsets into the
*original* decoded text of the document (``Document.text``), so that a user can find the source
characters in the file they hold. Extractors work on normalized text and convert through
:meth:`kg.normalize.Normalized.to_original`.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field, fields
from typing import Literal, TypeVar

_R = TypeVar("_R")


def _pickled_by_fields(cls: type[_R]) -> type[_R]:
    """Pickle a frozen, slotted record as ``cls(*fields)``. The default for such dataclasses
    (``__getstate__``/``__setstate__``) looks up the fields on every object: a thousand
    articles' records (200,000 objects) pickled from workers and read from the cache spent
    about twice as long (measured)."""
    values = operator.attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]
    if len(fields(cls)) == 1:  # type: ignore[arg-type]
        raise TypeError("one-field records would pickle a bare value")

    def __reduce__(self: _R) -> tuple[type[_R], tuple]:
        return (cls, values(self))

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls


Modality = Literal["achieved", "ongoing", "planned", "target", "stated"]
"""How a fact is asserted: done (achieved), under way (ongoing), intended (planned), a numeric
goal (target), or a plain statement of the article (stated, e.g. a post held)."""


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Document:
    """One input file, decoded.

    ``name`` is the path as the user gave it (POSIX separators), used in messages and as the
    article's source; ``sha256`` is the hash of the raw bytes and is what article IRIs are minted
    from, so renaming a file does not change its graph.
    """

    name: str
    sha256: str
    text: str
    encoding: str

    def sort_key(self) -> tuple[str, str]:
        return (self.sha256, self.name)


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Problem:
    """A file (or path) that could not be used, and why. ``severity`` is ``warning`` for input
    that is merely empty and ``error`` for input that is unreadable."""

    path: str
    reason: str
    severity: Literal["warning", "error"] = "error"

    def sort_key(self) -> tuple[str, str]:
        return (self.path, self.reason)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to an entity by type and key, before IRIs exist.

    ``kind`` is one of the entity kinds (``person``, ``org``, ``place``, ``program``, ``article``,
    ``role``); ``key`` is the canonical name (``河源市总工会``, ``黄远程``) or, for articles, the
    document hash. Resolution may rewrite keys (an OCR variant to its canonical name)."""

    kind: str
    key: str

    def sort_key(self) -> tuple[str, str]:
        return (self.kind, self.key)


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact or mention was read: the article, the sentence, and offsets.

    ``start``/``end`` delimit the matched text, ``sent_start``/``sent_end`` the sentence, both in
    the original text of ``doc`` (a document sha256). ``rule`` names the extractor rule."""

    doc: str
    sentence: str
    start: int
    end: int
    sent_start: int
    sent_end: int
    rule: str

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.doc, self.start, self.end, self.rule)


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names an entity: ``text`` as written, ``ref`` the entity meant.

    ``label`` is the display name if it differs from the key (rare); ``attrs`` holds extra
    key/value pairs (e.g. ``("city", "河源市")`` for an organization, ``("parent", "粤工惠")`` for an
    edition of a program) as sorted tuples so records stay hashable and ordered."""

    ref: Ref
    text: str
    evidence: Evidence
    attrs: tuple[tuple[str, str], ...] = ()

    def sort_key(self) -> tuple:
        return (self.ref.sort_key(), self.evidence.sort_key(), self.text, self.attrs)


Value = "Ref | str | int | float | Quantity | None"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as the text states it.

    ``value`` is the number in base units (``5156.03万元`` → 51560300, unit ``元``); ``upper`` is
    set for ranges (``5-7家``). ``qualifier`` keeps words like 近/超/多/余/约/左右/以上/累计 apart
    from the number. ``unit`` is the counted unit (名, 家, 人次, 元, %); ``text`` the original."""

    value: float
    unit: str
    text: str
    upper: float | None = None
    qualifier: str = ""

    def sort_key(self) -> tuple:
        return (self.value, self.upper or 0.0, self.unit, self.qualifier, self.text)

    @property
    def in_points(self) -> bool:
        """Whether it counts percentage points (个百分点, 百分点): a rate's change, not a rate."""
        return self.unit.endswith("百分点")


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Fact:
    """An n-ary fact: ``kind`` (``holds_post``, ``article``, ``runs_program``, ``target``,
    ``achievement`` …) with named arguments.

    ``args`` is a sorted tuple of ``(role, value)`` pairs where a value is a :class:`Ref`, a
    :class:`Quantity`, or a plain ``str``/``int``. Facts with the same ``kind`` and ``args`` are
    one fact: resolution merges their evidence."""

    kind: str
    args: tuple[tuple[str, object], ...]
    evidence: tuple[Evidence, ...]
    modality: Modality = "stated"

    def arg(self, role: str, default: object = None) -> object:
        for name, value in self.args:
            if name == role:
                return value
        return default

    def identity(self) -> tuple:
        """What makes two facts the same fact (evidence excluded)."""
        return (self.kind, tuple((k, _key(v)) for k, v in self.args), self.modality)

    def sort_key(self) -> tuple:
        return (self.identity(), tuple(e.sort_key() for e in self.evidence))


def _key(value: object) -> tuple:
    if isinstance(value, (Ref, Quantity)):
        return (type(value).__name__, value.sort_key())
    return (type(value).__name__, str(value))


FORMER = ("status", "former")
"""The argument a ``holds_post`` fact carries when the post is one held before (原主席, 曾任…):
the graph writes it ``kg:former true``, the evaluation 原+title."""


def held_before(f: Fact) -> bool:
    """Whether a ``holds_post`` fact is of a post held before (see :data:`FORMER`)."""
    return FORMER in f.args


def make_args(**kwargs: object) -> tuple[tuple[str, object], ...]:
    """Build a sorted ``args`` tuple, dropping ``None`` values."""
    return tuple(sorted(((k, v) for k, v in kwargs.items() if v is not None), key=lambda kv: kv[0]))


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the per-document stages found in one document: the unit of work that can run in
    a worker process (no shared state), cache by content hash, and merge later."""

    doc: Document
    mentions: tuple[Mention, ...] = ()
    facts: tuple[Fact, ...] = ()
    notes: tuple[str, ...] = field(default=())
