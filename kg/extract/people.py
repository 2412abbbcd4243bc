"""People and the posts they hold, read from chains of posts before a name.

``茂名市人大常委会副主任、市总工会主席黄奕奕`` is one chain: titles separated by ``、``, each
optionally preceded by the organization it belongs to; a title without its own organization
belongs to the nearest one on its left (``河源市总工会党组书记、常务副主席黄远程`` gives both posts
to 河源市总工会). The same grammar covers interviewee lines, photo captions, bylines of reports
and inline mentions (``省委书记黄坤明强调``); the rule name says which. Speakers of answer turns
and names followed by a title (``黄坤明书记``) are person mentions without a post.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from kg.extract.context import Context
from kg.extract.names import name_at, plausible_name
from kg.gazetteer import OrgMatch, find_orgs
from kg.lexicon import table
from kg.records import Fact, Mention, Ref
from kg.segment import Sentence

_RULE_BY_KIND = {"interviewee": "interviewee_line", "caption": "photo_caption", "byline": "byline"}


@dataclass(frozen=True, slots=True)
class Post:
    person: str
    title: str
    org: OrgMatch | None
    start: int  # normalized span of the whole chain item through the name
    end: int


@cache
def _titles() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = table("posts.tsv")
    implied = {row[0]: row[1] for row in rows if len(row) > 1 and row[1]}
    alt = "|".join(re.escape(t) for t in sorted({r[0] for r in rows}, key=lambda t: (-len(t), t)))
    return re.compile(alt), implied


def find_posts(text: str, ctx: Context, known: frozenset[str]) -> list[Post]:
    """Every (person, title, organization) a chain in ``text`` states."""
    title_re, implied = _titles()
    titles = list(title_re.finditer(text))
    by_end = {m.end(): m for m in titles}
    orgs = find_orgs(text, ctx.city, ctx.province, ctx.county)
    org_by_end = {o.end: o for o in orgs}
    out: list[Post] = []
    for m in titles:
        name = name_at(text, m.end(), known)
        if not name:
            continue
        items: list[tuple[str, OrgMatch | None, int]] = []
        cur = m
        while True:
            org = org_by_end.get(cur.start())
            items.append((cur.group(), org, org.start if org else cur.start()))
            left = org.start if org else cur.start()
            prev = by_end.get(left - 1) if left > 0 and text[left - 1] == "、" else None
            if prev is None:
                break
            cur = prev
        items.reverse()
        current: OrgMatch | None = None
        end = m.end() + len(name)
        for title, org, start in items:
            current = org or current
            owner = current
            if owner is None and title in implied and ctx.city:
                owner = OrgMatch(
                    start, start, "", ctx.city + implied[title], "government", ctx.city
                )
            out.append(Post(name, title, owner, start, end))
    return out


def extract_people(ctx: Context) -> Iterator[Mention | Fact]:
    """Posts held (n-ary facts) and person mentions from every sentence."""
    known = set(ctx.speakers)
    for sent in ctx.seg.sentences:
        if sent.kind in ("junk", "footer"):
            continue
        rule = _RULE_BY_KIND.get(sent.kind, "inline_post_chain")
        for post in find_posts(sent.text, ctx, frozenset(known)):
            known.add(post.person)
            yield from _post_records(ctx, sent, post, rule)
    yield from _speakers(ctx)
    yield from _name_then_title(ctx, frozenset(known))


def _post_records(ctx: Context, sent: Sentence, post: Post, rule: str) -> Iterator[Mention | Fact]:
    ev = ctx.evidence(sent, sent.start + post.start, sent.start + post.end, rule)
    name_start = sent.start + post.end - len(post.person)
    yield Mention(
        Ref("person", post.person),
        post.person,
        ctx.evidence(sent, name_start, sent.start + post.end, rule),
    )
    if post.org is None:
        return
    org = post.org
    attrs = (("kind", org.kind),) + ((("place", org.place),) if org.place else ())
    if org.text:
        yield Mention(
            Ref("org", org.name),
            org.text,
            ctx.evidence(sent, sent.start + org.start, sent.start + org.end, rule),
            attrs,
        )
    else:
        yield Mention(Ref("org", org.name), org.name, ev, attrs)
    args = (
        ("org", Ref("org", org.name)),
        ("person", Ref("person", post.person)),
        ("role", Ref("role", post.title)),
    )
    yield Fact("holds_post", args, (ev,), "stated")


def _speakers(ctx: Context) -> Iterator[Mention]:
    """The name opening each answer turn is a person speaking."""
    for sent in ctx.seg.sentences:
        para = ctx.seg.paragraph_of(sent)
        if (
            sent.kind == "answer"
            and sent.start == para.start
            and para.speaker
            and plausible_name(para.speaker)
        ):
            n = len(para.speaker)
            yield Mention(
                Ref("person", para.speaker),
                para.speaker,
                ctx.evidence(sent, sent.start, sent.start + n, "speaker_turn"),
            )


def _name_then_title(ctx: Context, known: frozenset[str]) -> Iterator[Mention]:
    """``黄坤明书记``: a name already known in the article, followed by a title."""
    if not known:
        return
    title_re, _ = _titles()
    ordered = sorted(known, key=lambda n: (-len(n), n))
    # The title that must follow is tried with the compiled title regex at each place a known
    # name starts (found by str.find, no per-article regex: compiling even the alternation of
    # an article's names cost ~1.6 ms, a tenth of extraction, for the charset of its first
    # characters; a lookahead of every title, before that, ~4 ms). Same matches as
    # ``(?<!hanzi)(names)(?=titles)``: at each place a name starts, names longest first; the
    # first followed by a title is taken and the scan goes on after it, else at the next place.
    for sent in ctx.seg.sentences:
        text, pos = sent.text, 0
        places: set[int] = set()
        for name in ordered:
            at = text.find(name)
            while at >= 0:
                places.add(at)
                at = text.find(name, at + 1)
        for at in sorted(places):
            if at < pos or (at and "\u4e00" <= text[at - 1] <= "\u9fff"):
                continue
            for name in ordered:
                end = at + len(name)
                if text.startswith(name, at) and title_re.match(text, end):
                    yield Mention(
                        Ref("person", name),
                        name,
                        ctx.evidence(sent, sent.start + at, sent.start + end, "name_title"),
                    )
                    pos = end
                    break
