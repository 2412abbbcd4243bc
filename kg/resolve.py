"""Merge what the extractors found into entities and deduplicated facts.

Within one article: a name that occurs only in the head lines (interviewee line, caption) and is
one character away from a speaker's name is an OCR variant of that speaker (汀洪灿 → 江洪灿): its
references are rewritten to the canonical name, and the written form stays on the mention, so
it becomes an alias of the person rather than a second person.

Across articles: the same key is the same entity (a city union, a program, a person named the
same); facts with the same identity merge their evidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from kg.extract.names import one_char_apart
from kg.records import Document, Evidence, Extraction, Fact, Mention, Ref


@dataclass(frozen=True, slots=True)
class Entity:
    ref: Ref
    label: str
    aliases: tuple[str, ...]
    attrs: tuple[tuple[str, str], ...]
    articles: tuple[str, ...]  # sha256 of every document that mentions it

    def sort_key(self) -> tuple[str, str]:
        return self.ref.sort_key()


@dataclass(frozen=True, slots=True)
class Resolved:
    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]


_HEAD_RULES = {"interviewee_line", "photo_caption"}


def ocr_aliases(ex: Extraction) -> dict[str, str]:
    """Person names of the head lines that are OCR variants of a speaker's name."""
    speakers = {
        m.ref.key
        for m in ex.mentions
        if m.ref.kind == "person" and m.evidence.rule == "speaker_turn"
    }
    rules: dict[str, set[str]] = defaultdict(set)
    for m in ex.mentions:
        if m.ref.kind == "person":
            rules[m.ref.key].add(m.evidence.rule)
    out = {}
    for name, used in rules.items():
        if name in speakers or not used <= _HEAD_RULES | {"name_title"}:
            continue
        close = sorted(s for s in speakers if one_char_apart(name, s))
        if len(close) == 1:
            out[name] = close[0]
    return out


_DECLARED = re.compile(r"[（(]以下简称[“\"]([^”\"]{2,12})[”\"][）)]")
"""An organization's short name declared after its full one: …有限公司（以下简称“广州局集团公司”）."""
_DECLARED_LEAD_MOST = 6
_OWN_BODIES = ("工会", "党委", "党总支", "党支部", "")


def declared_names(text: str, city: str | None, province: str | None) -> dict[str, str]:
    """The short names ``text`` declares with 以下简称 (short -> full), the full name being the
    organization written right before the bracket, with the words before it back to a stop when
    they are few and no function word (中国铁路 + 广州局集团有限公司)."""
    from kg.gazetteer import _NOT_NAME, find_orgs

    out: dict[str, str] = {}
    for m in _DECLARED.finditer(text):
        head = text[max(0, m.start() - 60) : m.start()]
        found = [o for o in find_orgs(head, city, province) if o.end == len(head)]
        if not found:
            continue
        org = found[-1]
        lead = re.search(f"[\u4e00-\u9fff]{{1,{_DECLARED_LEAD_MOST}}}$", head[: org.start])
        full = org.name
        if lead and not re.search(f"[{_NOT_NAME}]", lead.group()) and org.name == org.text:
            full = lead.group() + org.name
        out[m.group(1)] = full
    return out


def rename_declared(ex: Extraction, declared: dict[str, str]) -> Extraction:
    """``ex`` with the organizations named by a declared short name (广州局集团公司工会) or by a
    tail of the full name (广州局集团有限公司, read without its 中国铁路) named by the full one."""

    def full_of(key: str) -> str | None:
        for short, full in declared.items():
            if key.startswith(short):
                return full + key[len(short) :]
            for own in _OWN_BODIES:  # 广州局集团有限公司工会: the full name's union
                tail = key[: len(key) - len(own)]
                if key.endswith(own) and len(tail) >= 4 and full.endswith(tail) and tail != full:
                    return full + own
        return None

    def rewrite(value: object) -> object:
        if isinstance(value, Ref) and value.kind == "org" and (full := full_of(value.key)):
            return Ref("org", full)
        return value

    return _rewritten(ex, rewrite)


def _rewritten(ex: Extraction, rewrite: Callable[[object], object]) -> Extraction:
    """``ex`` with every entity it names (in mentions and in facts' arguments) passed through
    ``rewrite``."""
    mentions = tuple(
        Mention(rewrite(m.ref), m.text, m.evidence, m.attrs)  # type: ignore[arg-type]
        for m in ex.mentions
    )
    facts = tuple(
        Fact(
            f.kind,
            tuple(sorted(((k, rewrite(v)) for k, v in f.args), key=_arg_order)),
            f.evidence,
            f.modality,
        )
        for f in ex.facts
    )
    return Extraction(ex.doc, mentions, facts, ex.notes)


def _rewrite(value: object, aliases: dict[str, str]) -> object:
    if isinstance(value, Ref) and value.kind == "person" and value.key in aliases:
        return Ref("person", aliases[value.key])
    return value


def resolve_document(ex: Extraction) -> Extraction:
    """Apply in-article resolution (OCR variants of names) to one extraction."""
    aliases = ocr_aliases(ex)
    if not aliases:
        return ex
    return _rewritten(ex, lambda v: _rewrite(v, aliases))


def _arg_order(arg: tuple[str, object]) -> tuple[str, str]:
    k, v = arg
    return (k, v.key if isinstance(v, Ref) else str(v))


def _relative(text: str) -> bool:
    """Written forms like 市总工会 that name a different union in every article."""
    return text[:1] in "省市区县" or text in ("全总",)


_STRIP_TYPES = ("服务品牌", "平台", "品牌")


def program_renames(keys: set[str]) -> dict[str, str]:
    """Short and long forms of one program across the corpus: ``粤工惠平台`` becomes ``粤工惠``
    when ``粤工惠`` is named elsewhere (or an edition ``粤工惠·河源号`` is)."""
    prefixes = {k.split("·", 1)[0] for k in keys if "·" in k}
    out = {}
    for k in keys:
        for suffix in _STRIP_TYPES:
            stem = k[: -len(suffix)]
            if k.endswith(suffix) and len(stem) >= 2 and (stem in keys or stem in prefixes):
                out[k] = stem
                break
    return out


def _rename_programs(ex: Extraction, renames: dict[str, str]) -> Extraction:
    if not renames:
        return ex
    table = {Ref("program", a): Ref("program", b) for a, b in renames.items()}

    def sub(v: object) -> object:
        return table.get(v, v) if isinstance(v, Ref) else v

    # records that name no renamed program are kept as they are: rebuilding every record of
    # every article for a rename that touches a few was a tenth of resolving 10,000 articles
    mentions = tuple(
        Mention(sub(m.ref), m.text, m.evidence, m.attrs) if m.ref in table else m  # type: ignore[arg-type]
        for m in ex.mentions
    )
    facts = tuple(
        Fact(
            f.kind,
            tuple(sorted(((k, sub(v)) for k, v in f.args), key=_arg_order)),
            f.evidence,
            f.modality,
        )
        if any(v in table for _, v in f.args)
        else f
        for f in ex.facts
    )
    return Extraction(ex.doc, mentions, facts, ex.notes)


def compact(ex: Extraction) -> Extraction:
    """One document's extraction, resolved within the document and reduced to what the corpus
    merge reads, so that ten thousand of them fit in memory: one mention per distinct (entity,
    text, attributes), in first-seen order (the first one's attributes win, as before), and one
    string object per sentence shared by every evidence from it. Runs where extraction runs
    (a worker), so only the compact form is pickled back and cached."""
    ex = resolve_document(ex)
    sentences: dict[str, str] = {}

    def shared(ev: Evidence) -> Evidence:
        text = sentences.setdefault(ev.sentence, ev.sentence)
        return ev if ev.sentence is text else replace(ev, sentence=text)

    mentions: dict[tuple, Mention] = {}
    for m in ex.mentions:
        key = (m.ref, m.text, m.attrs)
        if key not in mentions:
            mentions[key] = Mention(m.ref, m.text, shared(m.evidence), m.attrs)
    facts = tuple(
        Fact(f.kind, f.args, tuple(shared(ev) for ev in f.evidence), f.modality) for f in ex.facts
    )
    return Extraction(ex.doc, tuple(mentions.values()), facts, ex.notes)


def resolve(extractions: list[Extraction], compacted: bool = False) -> Resolved:
    """Merge per-document extractions into one deduplicated, sorted whole (``compacted``: they
    went through :func:`compact` already)."""
    per_doc = extractions if compacted else (resolve_document(e) for e in extractions)
    extractions = sorted(per_doc, key=lambda e: e.doc.sort_key())
    keys = {m.ref.key for e in extractions for m in e.mentions if m.ref.kind == "program"}
    renames = program_renames(keys)
    extractions = [_rename_programs(e, renames) for e in extractions]
    keys = {renames.get(k, k) for k in keys}
    labels: dict[Ref, set[str]] = defaultdict(set)
    attrs: dict[Ref, dict[str, str]] = defaultdict(dict)
    articles: dict[Ref, set[str]] = defaultdict(set)
    facts: dict[tuple, tuple[Fact, set[Evidence]]] = {}
    for ex in extractions:
        for m in ex.mentions:
            labels[m.ref].add(m.text)
            articles[m.ref].add(ex.doc.sha256)
            for k, v in m.attrs:
                attrs[m.ref].setdefault(k, v)
        for f in ex.facts:
            ident = f.identity()
            if ident in facts:
                facts[ident][1].update(f.evidence)
            else:
                facts[ident] = (f, set(f.evidence))
            for _, v in f.args:
                if isinstance(v, Ref):
                    labels.setdefault(v, set())
                    articles[v].add(ex.doc.sha256)
    entities = []
    for ref in sorted(labels, key=Ref.sort_key):
        if ref.kind == "article":
            continue
        aliases = sorted(t for t in labels[ref] if t != ref.key and not _relative(t))
        if ref.kind == "program":
            parent = attrs[ref].pop("edition_of", None)
            if parent and parent in keys and parent != ref.key:
                attrs[ref]["part_of"] = parent
        entities.append(
            Entity(
                ref,
                ref.key,
                tuple(aliases),
                tuple(sorted(attrs[ref].items())),
                tuple(sorted(articles[ref])),
            )
        )
    merged = [
        (ident, Fact(f.kind, f.args, tuple(sorted(ev, key=Evidence.sort_key)), f.modality))
        for ident, (f, ev) in facts.items()
    ]
    # Fact.sort_key's order: its identity first, and merged facts' identities are all
    # different (they were the keys of `facts`), so the evidence never decides and is left out
    # of the key (computing it and comparing it was a third of sorting 10,000 articles' facts)
    merged.sort(key=lambda pair: pair[0])
    return Resolved(tuple(e.doc for e in extractions), tuple(entities), tuple(f for _, f in merged))
