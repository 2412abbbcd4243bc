"""Organizations and places named anywhere in the text (beyond those in post chains), so the graph
knows which unions, party committees and cities an article talks about."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.context import Context
from kg.gazetteer import find_orgs, find_places, places
from kg.lexicon import table
from kg.records import Mention, Ref


def extract_orgs_places(ctx: Context) -> Iterator[Mention]:
    for sent in ctx.seg.sentences:
        if sent.kind in ("junk", "footer"):
            continue
        for org in find_orgs(sent.text, ctx.city, ctx.province, ctx.county):
            attrs = (("kind", org.kind),) + ((("place", org.place),) if org.place else ())
            ev = ctx.evidence(sent, sent.start + org.start, sent.start + org.end, "org_name")
            yield Mention(Ref("org", org.name), org.text, ev, attrs)
            if org.place and org.place not in places() and org.place in org.text:
                # 株洲市总工会 in a report from Hunan: a city the gazetteer lacks, named by the
                # article as much as its union is; so is the city written before a district
                # (湘潭市雨湖区总工会: 湘潭市 and 雨湖区)
                at = org.text.index(org.place)
                city = _after_province(org.text[:at])
                for name, start in ((city, at - len(city)), (org.place, at)):
                    if name.endswith(("市", "区", "县")) and name not in places():
                        begin = sent.start + org.start + start
                        ev = ctx.evidence(sent, begin, begin + len(name), "place_name")
                        yield Mention(Ref("place", name), name, ev)
        for start, end, name in find_places(sent.text):
            ev = ctx.evidence(sent, sent.start + start, sent.start + end, "place_name")
            yield Mention(Ref("place", name), sent.text[start:end], ev)


def _after_province(written: str) -> str:
    """``written`` without the province it starts with (湖南省湘潭市 -> 湘潭市)."""
    for name, short in table("provinces.tsv"):
        for form in (name, short):
            if written.startswith(form):
                return written[len(form) :]
    return written
