"""Organizations and places named anywhere in the text (beyond those in post chains), so the graph
knows which unions, party committees and cities an article talks about."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.context import Context
from kg.gazetteer import find_orgs, find_places, places
from kg.records import Mention, Ref


def extract_orgs_places(ctx: Context) -> Iterator[Mention]:
    for sent in ctx.seg.sentences:
        if sent.kind in ("junk", "footer"):
            continue
        for org in find_orgs(sent.text, ctx.city, ctx.province, ctx.county):
            attrs = (("kind", org.kind),) + ((("place", org.place),) if org.place else ())
            ev = ctx.evidence(sent, sent.start + org.start, sent.start + org.end, "org_name")
            yield Mention(Ref("org", org.name), org.text, ev, attrs)
            if org.place and org.place not in places() and org.text.startswith(org.place):
                # 株洲市总工会 in a report from Hunan: a city the gazetteer lacks, named by the
                # article as much as its union is
                end = sent.start + org.start + len(org.place)
                ev = ctx.evidence(sent, sent.start + org.start, end, "place_name")
                yield Mention(Ref("place", org.place), org.place, ev)
        for start, end, name in find_places(sent.text):
            ev = ctx.evidence(sent, sent.start + start, sent.start + end, "place_name")
            yield Mention(Ref("place", name), sent.text[start:end], ev)
