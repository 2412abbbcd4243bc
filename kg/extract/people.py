"""People and the posts they hold, read from chains of posts before a name.

``茂名市人大常委会副主任、市总工会主席黄奕奕`` is one chain: titles separated by ``、``, each
optionally preceded by the organization it belongs to; a title without its own organization
belongs to the nearest one on its left (``河源市总工会党组书记、常务副主席黄远程`` gives both posts
to 河源市总工会). The same grammar covers interviewee lines, photo captions, bylines of reports
and inline mentions (``省委书记黄坤明强调``); the rule name says which. Speakers of answer turns
and names followed by a title (``黄坤明书记``) are person mentions without a post, unless the
organization is written right before the name (``市总工会陈海滨主席``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from kg.extract import tables
from kg.extract.context import Context
from kg.extract.names import name_at, plausible_name, surname_len
from kg.gazetteer import (
    BARE_WORKPLACE,
    PARTY_COMMITTEES,
    WORKPLACES,
    OrgMatch,
    body_of_committee,
    committee_of,
    find_orgs,
    find_places,
    place_forms,
    union_unit_names,
    union_units,
)
from kg.lexicon import alternation, longest_first, table, word_list, word_set
from kg.records import FORMER, Fact, Mention, Ref
from kg.segment import CJK_RUN, NAME_SHAPE, Sentence, clause_end, clause_start, post_titles

_RULE_BY_KIND = {"interviewee": "interviewee_line", "caption": "photo_caption", "byline": "byline"}


@dataclass(frozen=True, slots=True)
class Post:
    person: str
    title: str
    org: OrgMatch | None
    start: int  # normalized span of the whole chain item through the name
    end: int
    former: bool = False  # 原主席: the person is named, the post is no longer held
    name_start: int = -1  # where the name starts, when it is not at the end (当选为…)


@cache
def _titles() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = table("posts.tsv")
    implied = {row[0]: row[1] for row in rows if len(row) > 1 and row[1]}
    return post_titles(), implied


def find_posts(text: str, ctx: Context, known: frozenset[str]) -> list[Post]:
    """Every (person, title, organization) a chain in ``text`` states."""
    title_re, implied = _titles()
    titles = list(title_re.finditer(text))
    by_end = {m.end(): m for m in titles}
    orgs = with_article_orgs(text, find_orgs(text, ctx.city, ctx.province, ctx.county), ctx)
    org_by_end = {o.end: o for o in orgs}
    out: list[Post] = []
    held_before: dict[int, OrgMatch] = {}  # where an official's name ends -> the chain's org
    for m in titles:
        if any(o.end == m.start() + 1 and o.start < m.start() for o in orgs):
            continue  # 人力资源和社会保障局长安分局: 局长 across the end of a name is no title
        name_from = _after_honour(text, m.end())
        name = name_at(text, name_from, known, vouched=True) or _word_name(text, name_from)
        if not name or (name.startswith(_BY) and _held_by_after(text, m.end())):
            continue  # 工会主席由唐德明担任: 由 says by whom (:func:`_held_by`), it is no surname
        # (title, organization, where the item starts, former, the bare union or part of it
        # written for the organization: 工会, 女职工委员会, or "")
        items: list[tuple[str, OrgMatch | None, int, bool, str]] = []
        cur = m
        crossed = -1  # how many items the chain had where it went back across a comma
        while True:
            # 市总工会原主席: a former post (原, 前) is not held; the chain goes on past it
            former = cur.start() > 0 and text[cur.start() - 1] in _FORMER
            at = cur.start() - former
            org = org_by_end.get(at) or _termed(text, orgs, at)
            title = cur.group()
            # 浛洸镇党委副书记, 公司党委书记: the committee's 副书记, not the town's or the
            # enterprise's 党委副书记
            inner = next((o for o in orgs if at < o.end < cur.end() and o.end - at <= 2), None)
            if (
                inner is not None
                and (org is None or inner.kind == "party")
                and title_re.fullmatch(text, inner.end, cur.end())
            ):
                org, title = inner, text[inner.end : cur.end()]
            elif org is None:
                # 经审会委员黎建新: a bare committee of a union (:func:`_bare_committee`)
                org = _department_of(text, orgs, at) or _bare_committee(
                    text, at, at, orgs, ctx, before=True
                )
            if (
                org is None
                and ctx.workplace is not None
                and (
                    _UNIT.fullmatch(text, clause_start(text, at), at)
                    # 压铸车间主任梁浩, 精整班组长龙芷晴: the title names the kind of unit
                    or (
                        _UNIT_TITLE.match(title)
                        and _UNIT_NAME.fullmatch(text, clause_start(text, at), at)
                    )
                )
            ):  # 模具车间班长谭伟明 in a report on an enterprise: a post in its workshop
                at0 = clause_start(text, at)
                org = _chain_enterprise(text, orgs, at0) or _company_at(ctx, at0)
            # 公司党委副书记、工会主席张立群, 桂城街道党工委委员、总工会主席潘慧玲: the union of
            # the enterprise or the town the chain is about
            # 台山市总工会副主席、女职工委员会主任邝美玲: a part of the union named before
            bare = next(
                (u for u in ("总工会", "工会", *union_units()) if text.endswith("、" + u, 0, at)),
                "",
            )
            own_union = bare if org is None else ""
            left = org.start if org else at - len(bare) if own_union else at
            # 原郁南县农机修造厂厂长: 原 before the organization makes the post a former one too
            former = former or (org is not None and left > 0 and text[left - 1] in _FORMER)
            # 上届校工会主席、校党委委员佟晓红: the term before's post (the next item's is held)
            former = former or text.endswith(_LAST_TERM, 0, left)
            items.append((title, org, left, former, own_union))
            prev = by_end.get(left - 1) if left > 0 and text[left - 1] == "、" else None
            if prev is None and crossed < 0 and left > 0 and text[left - 1] == "，":
                # 市总工会党组成员、副主席，市总工会女职工委员会主任杭秀玲: titles with no name
                # after them before a comma are the same official's
                prev, crossed = by_end.get(left - 1), len(items)
            if prev is None:
                break
            cur = prev
        if crossed >= 0 and items[-1][2] > 0 and text[items[-1][2] - 1] not in _CHAIN_OPENS:
            del items[crossed:]  # (…当选为工会主席，副主席李四: not where a chain opens)
        items.reverse()
        # 区总工会主席吴少坤、副主席冯小曼: a chain right after another official's name, with
        # no organization of its own, is in the organization that official's chain ended in
        first = items[0][2]
        current = held_before.get(first - 1) if text[first - 1 : first] == "、" else None
        end = name_from + len(name)
        # 经审会委员黎建新、巢振宇、官秀兰: the names listed after the first hold the same posts
        listed = _listed_names(text, end, known, orgs)
        for title, org, start, former, own_union in items:
            if own_union in ("总工会", "工会"):
                org = _union_of(current, start)
            elif own_union and current is not None and current.kind == "union":
                org = _part_of(current, own_union, start, start + len(own_union), own_union)
            org = _in_chain_place(org, current)
            current = org or current
            owner = current
            if org is None and title in implied:
                # 市委副书记、市长王海峰: a mayor's post is the government's, whatever came
                # before it in the chain; 阳春市委副书记、市长: the government of the chain's
                # place (a county-level city's), when the chain named one
                owner = _implied_org(ctx, title, implied[title], start, current)
                if (
                    current is None
                    and implied[title] == "企业"
                    and _NAME_END.search(text, 0, start)
                ):  # 英德红旗茶叶有限公司总经理: an enterprise not found, not the article's
                    owner = None
            elif org is None and current is not None and title not in _PARTY_TITLES:
                owner = body_of_committee(current) or current  # 国资委党委委员、副主任
            out.append(Post(name, title, owner, start, end, former))
            for at, other in listed:
                out.append(Post(other, title, owner, start, at + len(other), former, at))
        if listed:
            end = listed[-1][0] + len(listed[-1][1])
        if current is not None:
            held_before[end] = current
    return out


def _word_name(text: str, at: int) -> str | None:
    """A two-character name that is also a word (县总工会主席解放，…; 市总工会组织部部长富强、…),
    read only where it stands alone between a title and a stop: a surname, one more character,
    then punctuation or the line's end. Not a word that follows a title as its verb or noun
    (书记强调，: the name followers; 会长单位，: ``title_nouns.txt``), nor a title."""
    run = CJK_RUN.match(text, at)
    if (
        run is None
        or len(run.group()) != 2
        or not (run.end() == len(text) or text.startswith(_WORD_NAME_STOPS, run.end()))
    ):
        return None  # (解放出席 is not read: 主席关注…, 常务副主席和副主席… would be names)
    word = run.group()
    if (
        surname_len(word) != 1
        or word in word_set("name_followers.txt")
        or word in word_set("title_nouns.txt")
        or post_titles().fullmatch(word)
    ):
        return None
    return word


_WORD_NAME_STOPS = ("，", "、", "。", "；", "（", "\n")


def _after_honour(text: str, at: int) -> int:
    """Where the name after a title at ``at`` starts: there, or after an honour listed with the
    titles (设备部经理、广东省劳动模范荆志强, 副主任、“深圳工匠”颛孙立新: the honour is no post, the
    name is the chain's)."""
    if not text.startswith("、", at):
        return at
    if text.startswith("“", at + 1):  # 车辆检修中心副主任、“深圳工匠”颛孙立新: a city's honour
        close = text.find("”", at + 2, at + 14)
        quoted = text[at + 2 : close] if close > 0 else ""
        whole = _honours_re().search(quoted)
        return close + 1 if whole and whole.end() == len(quoted) else at
    honour = _honours_re().match(text, at + 1)
    return honour.end() if honour else at


_CHAIN_OPENS = "，。；：“（"
"""What may stand before the first title of a chain the comma after it does not end."""


def _in_chain_place(org: OrgMatch | None, before: OrgMatch | None) -> OrgMatch | None:
    """A bare 市 written after another city's organization in the same chain is that city
    (陆丰市政协副主席、市总工会主席: 陆丰市总工会, not the article's 汕尾市总工会; 江门市总工会
    副主席、市总工会女职工委员会主任 in 台山's news: 江门's), as 市长 is (:func:`_implied_org`)."""
    if (
        org is None
        or before is None
        or not org.text.startswith("市")
        or not before.place
        or before.place == org.place
        or not before.place.endswith("市")
    ):
        return org
    name = before.place + org.name.removeprefix(org.place)
    return OrgMatch(org.start, org.end, org.text, name, org.kind, before.place)


def _termed(text: str, orgs: list[OrgMatch], at: int) -> OrgMatch | None:
    """The union named before a term that ends at ``at`` (县总工会第十届委员会主席), or its
    committee of that term (see :func:`_of_term`)."""
    for o in orgs:
        if o.kind == "union" and o.end < at and _TERM.fullmatch(text, o.end, at):
            return _of_term(text, o, at)
    return None


def _of_term(text: str, org: OrgMatch, at: int) -> OrgMatch:
    """``org``, or, when the term written between it and ``at`` is one of its committee's
    (镇总工会第一届经费审查委员会主任), that committee."""
    term = _TERM.fullmatch(text, org.end, at) if org.kind == "union" else None
    if term is None or not term.group("unit"):
        return org
    return _part_of(org, term.group("unit"), org.start, at, text[org.start : at])


def _part_of(union: OrgMatch, part: str, start: int, end: int, written: str) -> OrgMatch:
    """A part of ``union`` (its 女职工委员会, 经费审查委员会; 经审会 written), written at
    ``start:end``."""
    return OrgMatch(start, end, written, union.name + union_unit_names()[part], "unit", union.place)


def _union_of(org: OrgMatch | None, at: int) -> OrgMatch | None:
    """The union of an enterprise or a town (or of the one whose party committee ``org`` is),
    the bare 工会 or 总工会 at ``at`` in a chain about it; None for any other organization."""
    if org is None or org.kind not in (*WORKPLACES, "party"):
        return None
    name = committee_of(org.name) if org.kind == "party" else org.name
    if _INSTITUTION_END.search(name):
        return OrgMatch(at, at + 2, "工会", name + "工会", "union", org.place)
    if name.endswith(word_list("town_types.txt")):
        return OrgMatch(at, at + 3, "总工会", name + "总工会", "union", org.place)
    return None


def _chain_enterprise(text: str, orgs: list[OrgMatch], at: int) -> OrgMatch | None:
    """The enterprise (or school, hospital) a chain named before ``at``, itself or by its union,
    with only titles between (…塑料制品有限公司工会委员、注塑车间主任: the workshop is the
    company's, not the article's enterprise)."""
    before = next((o for o in reversed(orgs) if o.end <= at), None)
    if before is None or re.search("[，。；：]", text[before.end : at]):
        return None
    if before.kind in WORKPLACES:
        return OrgMatch(at, at, "", before.name, before.kind, before.place)
    return _body_of_union(before, at)


def _body_of_union(org: OrgMatch, at: int) -> OrgMatch | None:
    """The enterprise, school or hospital whose union ``org`` is (…有限公司工会), as an
    organization written at ``at``; None for any other organization."""
    body = org.name.removesuffix("工会")
    if org.kind == "union" and body != org.name and _NAME_END.search(body):
        return OrgMatch(at, at, "", body, _kind_of(body, "company"), org.place)
    return None


def _company_at(ctx: Context, at: int) -> OrgMatch | None:
    """The article's enterprise or hospital, for a post written at ``at`` without it."""
    place = ctx.workplace
    return None if place is None else OrgMatch(at, at, "", place.name, place.kind, place.place)


_INSTITUTION_END = re.compile(
    "(?:" + "|".join(re.escape(row[0]) for row in table("institution_types.tsv")) + ")$"
)
"""An enterprise's or a school's name ends so (有限公司, 集团, 学院: institution_types.tsv)."""
_NAME_END = re.compile(
    "(?:"
    + "|".join(re.escape(row[0]) for row in table("institution_types.tsv") if len(row[0]) > 1)
    + ")$"
)
"""The end of a name no bare word is (有限公司, 学院; not 厂, as in 总厂厂长): a title right after it
is in that body, found or not."""

_DEPARTMENT_MOST = 4
_UNIT_MOST = 8
_UNIT = re.compile(r"[\u4e00-\u9fff]*(?:班组|班|组|车间|分厂|厂|工段|部|室|科|处|中心)")
"""An enterprise's unit down to a team (轧钢厂精轧班, 炼钢厂连铸车间): a post held in it is held
in the enterprise."""
_UNIT_TITLE = re.compile("车间|班组|工段|分厂")
"""A title that starts with the kind of unit (车间副主任): the unit's name is written before it."""
_UNIT_NAME = re.compile(r"[\u4e00-\u9fff]{0,6}")
"""The name of a unit written before a title that names its kind (压铸 in 压铸车间主任)."""


_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,6}(?:部|处|科|股|室|中心)")
"""A department of a union or a government body (法律工作部, 办公室, 职工服务中心, 劳动关系股)."""


def _department_of(text: str, orgs: list[OrgMatch], at: int) -> OrgMatch | None:
    """The organization whose department (or an enterprise's trade) stands between it and a
    title (江门鸿锐机电有限公司数控车间主任, …陶瓷有限公司窑炉班班长, …装备有限公司焊接技师,
    区总工会法律工作部部长): the post is held in that organization."""
    for o in orgs:
        gap = text[o.end : at]
        if not gap or not re.fullmatch(r"[\u4e00-\u9fff]+", gap):
            continue
        unit = _UNIT.fullmatch(gap) or _UNIT_TITLE.match(text, at)  # …连铸车间副主任
        if o.kind in WORKPLACES and (
            len(gap) <= _DEPARTMENT_MOST or (len(gap) <= _UNIT_MOST and unit)
        ):
            return o
        if _DEPARTMENT.fullmatch(gap):
            return o
    return None


_BARE_AFTER = "(?:(?<=[为任是由和与及该的选])|(?<![\u4e00-\u9fff]))"
"""Where a bare 公司 or 镇总工会 may start: after a word that puts a post or an agent before it
(选举赵慧敏为公司工会主席), or not inside a word."""
_COMPANY_REF = re.compile(
    f"{_BARE_AFTER}({'|'.join(BARE_WORKPLACE)})(工会|{'|'.join(PARTY_COMMITTEES)})?"
)
"""A bare 公司, 医院 or 集团 (not the end of a name, …有限公司): at a clause's start or after a
word that puts a post or an agent before it (选举赵慧敏为公司工会主席, 医院党委书记莫振华)."""
_COMPANY_SUFFIX = {"工会": ("工会", "union"), **{c: (c, "party") for c in PARTY_COMMITTEES}}


def with_article_orgs(text: str, orgs: list[OrgMatch], ctx: Context) -> list[OrgMatch]:
    """``orgs``, the bare 镇总工会 of ``text`` as the town's union the article names first
    (镇总工会常务副主席吴穗君), and its bare 公司 (公司工会主席刘晓红, 公司党委书记、董事长李世平) as
    the enterprise the article names first, its union or its party committee, in text order."""
    orgs = _with_town(text, orgs, ctx)
    company = ctx.workplace
    if company is None:
        return orgs
    company = _paragraph_workplace(text, ctx) or company
    base = company.name.removesuffix("工会")
    words = [w for w, kind in BARE_WORKPLACE.items() if kind == company.kind and w in base]
    if not any(w in text for w in words):
        return orgs
    refs = _short_company_names(text, orgs, company, base)
    for m in _COMPANY_REF.finditer(text):
        if any(o.start <= m.start() < o.end for o in orgs) or m.group(1) not in words:
            continue  # part of a name (…有限公司工会), or not the article's kind of workplace
        # 公司 alone too: in 公司党委书记 the title is 党委书记, after 公司
        refs += _workplace_refs(text, m.start(), m.end(1), m.group(2), company, base)
    return sorted([*orgs, *refs], key=lambda o: o.start) if refs else orgs


def _paragraph_workplace(text: str, ctx: Context) -> OrgMatch | None:
    """The enterprise (or hospital) of the article's workplace kind named last before ``text``
    in its paragraph: a bare 公司 there is that one (…冶炼有限公司…。公司工会主席终立伟介绍: not
    the first enterprise the article named)."""
    kind = ctx.workplace.kind if ctx.workplace is not None else None
    word = WORKPLACES.get(kind or "")
    if word is None or word not in text:
        return None
    head = _paragraph_before(text, ctx)
    named = [
        o
        for o in find_orgs(head, ctx.city, ctx.province, ctx.county)
        if o.kind == kind and o.name.endswith(word)
    ]
    return named[-1] if named else None


def _paragraph_before(text: str, ctx: Context) -> str:
    """What the paragraph holding the sentence ``text`` says before it ("" if none): the finders
    get a sentence's text only."""
    para = next((p.text for p in ctx.seg.paragraphs if text in p.text), "")
    return para[: para.find(text)] if para else ""


def _workplace_refs(
    text: str, start: int, end: int, suffix: str | None, company: OrgMatch, base: str
) -> list[OrgMatch]:
    """The article's workplace written at ``start:end`` (公司, 鼎泰精密电子公司), and its union or
    party committee when ``suffix`` (工会, 党委) follows there."""
    refs = [OrgMatch(start, end, text[start:end], base, company.kind, company.place)]
    if suffix:
        name_suffix, kind = _COMPANY_SUFFIX[suffix]
        whole = end + len(suffix)
        refs.append(
            OrgMatch(start, whole, text[start:whole], base + name_suffix, kind, company.place)
        )
    return refs


_SHORT_COMPANY = re.compile(f"公司(工会|{'|'.join(PARTY_COMMITTEES)})?")
_SHORT_BEFORE = "在为由和与及的、，。；：“"


def _short_company_names(
    text: str, orgs: list[OrgMatch], company: OrgMatch, base: str
) -> list[OrgMatch]:
    """The article's company by a short name (鼎泰精密电子公司工会主席巢志文, 在骏驰公司总装车间,
    after 惠州市鼎泰精密电子有限公司, 广东骏驰汽车零部件有限公司): two to six characters of its
    full name, at a word's start, then 公司 (and its union or party committee)."""
    if company.kind != "company":
        return []
    out = []
    for m in _SHORT_COMPANY.finditer(text):
        if any(o.start <= m.start() < o.end for o in orgs):
            continue
        for n in range(6, 1, -1):
            start = m.start() - n
            if start < 0 or (start > 0 and text[start - 1] not in _SHORT_BEFORE):
                continue
            short = text[start : m.start()]
            if short in base and not base.startswith(short + "公司"):
                out += _workplace_refs(text, start, m.start() + 2, m.group(1), company, base)
                break
    return out


@cache
def _bare_town_union() -> re.Pattern[str]:
    """镇总工会, 街道总工会 (a kind of ``town_types.txt`` and 总工会) at a word's start or after
    a word that puts a post before it (当选为镇总工会主席), as a bare 公司 is."""
    kinds = "|".join(map(re.escape, word_list("town_types.txt")))
    return re.compile(f"{_BARE_AFTER}(?:{kinds})总工会")


def _with_town(text: str, orgs: list[OrgMatch], ctx: Context) -> list[OrgMatch]:
    """``orgs`` and each 镇总工会 (街道总工会) that starts a clause and no organization found
    covers, as the town's union the article is about."""
    town = ctx.town
    if town is None or "总工会" not in text:
        return orgs
    refs = [
        OrgMatch(m.start(), m.end(), m.group(), town.name, "union", town.place)
        for m in _bare_town_union().finditer(text)
        if town.name.endswith(m.group()) and not any(o.start <= m.start() < o.end for o in orgs)
    ]
    return sorted([*orgs, *refs], key=lambda o: o.start) if refs else orgs


_PARTY_TITLES = ("书记", "副书记", "常务副书记", "委员", "常委")
"""Titles in a party committee: after one, a chain's other titles (副主任) are the body's."""

_LAST_TERM = "上届"
_FORMER = "原前"
"""Written right before a title, a post no longer held (市总工会原主席蔡丽华)."""


def _implied_org(
    ctx: Context, title: str, suffix: str, at: int, chain: OrgMatch | None = None
) -> OrgMatch | None:
    """The organization a title names by itself (市长: the city's 人民政府, 省长: the
    province's, 县长/区长: the county's or district's): of the place of the chain it ends
    (``chain``, when that place is of the title's level: 阳春市委副书记、市长 -> 阳春市人民政府),
    else of the article's."""
    if suffix == "企业":  # 总经理冯嘉俊 in a report about an enterprise: its general manager
        if chain is not None and chain.kind not in ("party", "union", "unit"):
            return chain  # 英德市人民法院党组成员、副院长: the body the chain is in
        # …塑料制品有限公司工会委员、注塑车间主任: the enterprise whose union the chain named
        if chain is not None and (body_org := _body_of_union(chain, at)) is not None:
            return body_org
        if chain is not None and chain.kind == "party":
            # 江门侨都技师学院党委书记、院长: the institution whose committee the chain named
            body = committee_of(chain.name)
            if _INSTITUTION_END.search(body):
                return OrgMatch(at, at, "", body, _kind_of(body, chain.kind), chain.place)
        return _company_at(ctx, at)
    level = title.removeprefix("常务").removeprefix("副")[:1]
    if chain is not None and chain.place and chain.place.endswith(level) and level in "省市县区":
        return OrgMatch(at, at, "", chain.place + suffix, "government", chain.place)
    place = {"省": ctx.province, "市": ctx.city, "县": ctx.county, "区": ctx.county}.get(level)
    if not place or (level in "县区" and not place.endswith(level)):
        return None
    return OrgMatch(at, at, "", place + suffix, "government", place)


def _kind_of(name: str, default: str) -> str:
    """The kind of organization a name's ending makes it (…技师学院: a school)."""
    whole = [o for o in find_orgs(name, None, None) if o.start == 0 and o.end == len(name)]
    return whole[0].kind if whole else default


_NAME_BEFORE = "，。；：、和与及 "
"""What may stand before a name that a verb of appointment follows, and between two names."""
_TERM = re.compile(
    r"第[一二三四五六七八九十\d]{1,3}届(?:委员会|(?P<unit>经费审查委员会|女职工委员会))?"
)
"""A union's term (第八届委员会), or the term of one of its committees (第一届经费审查委员会:
whose 主任 holds the post in that committee, not in the union)."""


@cache
def _verbs_re(name: str) -> re.Pattern[str]:
    """The verbs of a word list (``appointment_verbs.txt``, ``election_verbs.txt``), longest
    first."""
    return re.compile("|".join(map(re.escape, longest_first(name))))


def find_appointments(text: str, ctx: Context) -> list[Post]:
    """Posts given by election or appointment: a name (or names joined by 、/和) right before a
    verb of ``appointment_verbs.txt`` and a title right after it, with its organization
    (林晓东当选为市总工会主席) or, without one, the nearest organization named before in the
    sentence (郑雅琴、许建国当选为副主席, after …当选为市总工会主席)."""
    out: list[Post] = []
    orgs: list[OrgMatch] | None = None
    for verb in _verbs_re("appointment_verbs.txt").finditer(text):
        names = _names_before(text, verb.start())
        adverb = next((a for a in _ADVERBS if text.endswith(a, 0, verb.start())), None)
        if not names and adverb:  # 敖志诚还担任…: an adverb between the name and the verb
            names = _names_before(text, verb.start() - len(adverb))
        if not names:
            continue
        if orgs is None:  # with the bare 镇总工会 and 公司 (当选为镇总工会主席)
            orgs = with_article_orgs(text, find_orgs(text, ctx.city, ctx.province, ctx.county), ctx)
        # 女职工委员会由宁晓瑜担任主任, 工会主席由唐德明担任: by whom a post is held
        by = _by_before(text, names[0][0])
        if by < 0 and (several := _names_held_by(text, verb.start(), ctx)) is not None:
            by, names = several
        post = _post_at(text, verb.end(), orgs, ctx, names[0][0]) or _after_bare_union(
            text, verb.end()
        )
        if post is None and by >= 0:
            out.extend(_held_by(text, by, names, verb.end(), orgs, ctx, out[-1] if out else None))
        if post is None:
            continue
        title, owner = post
        committee = None
        if by >= 0 and title.start() == verb.end():
            committee = _bare_committee(text, by, by, orgs, ctx, before=True)
        if committee is not None:
            owner = committee
        elif owner is None:
            owner = _bare_union(text, verb.end(), title.start(), ctx)
        elif title.start() == verb.end() and out and out[-1].org is not None:
            # …当选为产业工会主席，…当选为副主席: the body the sentence elected to before, not
            # the nearest named (a deputy's own employer)
            owner = out[-1].org
        for start, name in names:
            out.append(Post(name, title.group(), owner, names[0][0], title.end(), False, start))
        # 担任鹤山市总工会兼职副主席、鹤山市政协委员: more posts listed after the first, each in
        # its own organization or, with none written, in the one before
        while text.startswith("、", title.end()) and (
            more := _post_at(text, title.end() + 1, orgs, ctx, names[0][0])
        ):
            if more[0].start() == title.end() + 1:
                more = (more[0], owner)
            title, owner = more
            for start, name in names:
                out.append(Post(name, title.group(), owner, names[0][0], title.end(), False, start))
    return out


_ADVERBS = ("同时", "还", "也", "现", "并")
"""Adverbs that may stand between a name and a verb of appointment (敖志诚还担任…); not 曾:
曾任 is a post held before (:func:`find_careers`)."""


_CAREER = re.compile(
    r"(?P<former>(?:曾|历|先后|此前|之前|生前|原)(?:担任|任|系)|不再担任)|(?P<current>现(?:担任|任))"
)
"""Words a career's posts follow, the person written before them (司徒艳芬曾任…、…，现任…;
她…先后担任…): held before, or (现任) now. 免去 is :data:`_REMOVED`'s."""
_REMOVED = re.compile(
    r"免去(?:其|(?P<name>[^，。；、的]{2,4}?)(?:同志的|同志|的))(?=[^，。；]{2,60}职务)"
)
"""A removal from posts (免去其…职务, 免去廉建国同志的…职务): the posts between it and 职务 are
held before; 其 is the person the sentence named before it (任命X同志为…，免去其…职务)."""
_POSTED_TO = re.compile("到([^，。；到]{2,30}?)挂职")
"""A secondment (选派谢文韬到龙川县总工会挂职副主席): the post after 挂职, in the body after 到."""
_SUBJECT_PRONOUNS = ("她", "他")
_TIME_BEFORE_VERB = re.compile(r"\d{4}年(?:\d{1,2}月)?(?:起|后|以来)?")
_CAREER_CLAUSE = "，。；："
"""What ends a career's clause: not 、, which parts the posts of one list (曾任A、B)."""


def find_careers(text: str, ctx: Context, known: frozenset[str], lead: str) -> list[Post]:
    """Posts a career or a removal lists after a person: 司徒艳芬曾任公司抛光车间班长、质量管理部
    副部长，现任公司副总工程师、工会副主席，开平市总工会兼职副主席 (former ones marked so: held
    before and kept as such); the person written right before the verb, else the one opening the
    sentence (the clauses after the first leave it out), and 她/他 opening it is ``lead``, the
    person the text is about (向前，1975年出生…。她1997年参加工作，先后担任…). Each clause's chain
    is read as :func:`find_posts` reads one written before the person's name."""
    out: list[Post] = []
    subject = ""
    for m in _CAREER.finditer(text):
        at = m.start() - 2 * text.endswith("同志", 0, m.start())  # 廖美凤同志不再担任…
        time = _TIME_BEFORE_VERB.search(text, max(0, at - 10), at)
        if time is not None and time.end() == at:
            at = time.start()
        name = _name_ending(text, at, known)
        if name:
            subject = name
        elif not subject:
            subject = _sentence_subject(text, known, lead)
        if not subject:
            continue
        former = m.group("former") is not None
        written = text.rfind(subject, 0, m.start())
        end = m.end()
        while True:  # …，现任A、B，C: a clause that is a chain alone goes on with the list
            stop = clause_end(text, end, _CAREER_CLAUSE)
            if text.endswith("职务", 0, stop):  # 不再担任市总工会机关工会主席职务
                stop -= 2
            posts = _posts_before_name(text[end:stop], subject, ctx, known)
            if not posts or (end != m.end() and posts[0].start > 0):
                break
            out.extend(_career_post(p, end, stop, former, written) for p in posts)
            if posts[-1].end - len(subject) != stop - end or not text.startswith("，", stop):
                break
            end = stop + 1
    for m in _POSTED_TO.finditer(text):  # 选派谢文韬到龙川县总工会挂职副主席
        name = _name_ending(text, m.start(), known, vouched=True)
        stop = clause_end(text, m.end(), _CAREER_CLAUSE)
        chain = m.group(1) + text[m.end() : stop]
        for p in _posts_before_name(chain, name, ctx, known) if name else ():
            out.append(_career_post(p, m.start(1), stop, False, m.start() - len(name)))
    for m in _REMOVED.finditer(text):
        name = m.group("name")
        if name and not (name in known or plausible_name(name, vouched=True)):
            continue
        person = name or _named_before(text, m.start(), known)
        stop = text.find("职务", m.end())
        if not person or stop < 0:
            continue
        for p in _posts_before_name(text[m.end() : stop], person, ctx, known):
            out.append(_career_post(p, m.end(), stop, True, text.rfind(person, 0, stop)))
    return out


def _career_post(post: Post, shift: int, stop: int, former: bool, name_start: int) -> Post:
    """A post read from a career's clause (offsets in the clause + name), placed in the
    sentence: its span ends where the clause does, its name where the sentence writes it (-1:
    not in the sentence, 她…)."""
    return Post(
        post.person,
        post.title,
        post.org,
        post.start + shift,
        min(post.end - len(post.person) + shift, stop),
        former or post.former,
        name_start,
    )


def _name_ending(text: str, end: int, known: frozenset[str], vouched: bool = False) -> str:
    """The person's name that ends at ``end`` (现年42岁的詹淑华|此前任): a known one, else a
    plausible one after a delimiter or 的, or (``vouched``: 同志 follows, 提名时光同志) after
    anything."""
    for n in (4, 3, 2):
        if end - n >= 0 and text[end - n : end] in known:
            return text[end - n : end]
    for n in (3, 2, 4):
        start = end - n
        if start < 0:
            continue
        name = text[start:end]
        if (vouched or start == 0 or text[start - 1] in _NAME_BEFORE + "的") and plausible_name(
            name, vouched=True
        ):
            return name
    return ""


def _sentence_subject(text: str, known: frozenset[str], lead: str) -> str:
    """Whom a sentence opening with a name (司徒艳芬曾任…) or 她/他 (``lead``) is about."""
    time = _TIME_BEFORE_VERB.match(text)  # 2021年，她到区总工会任职，现任…
    if text.startswith(
        _SUBJECT_PRONOUNS, time.end() + 1 if time and text.startswith("，", time.end()) else 0
    ):
        return lead
    return next((k for k in sorted(known, key=len, reverse=True) if text.startswith(k)), "")


def _named_before(text: str, at: int, known: frozenset[str]) -> str:
    """The last person the text names before ``at`` (任命伯赏丽娜同志为…，免去其…: 其), a known
    one or one written with 同志 (提名时光同志为…候选人，免去其…)."""
    best, where = "", -1
    for k in sorted(known, key=len, reverse=True):  # 欧阳明珠 over 欧阳明 at the same place
        i = text.rfind(k, 0, at)
        if i > where:
            best, where = k, i
    for m in _COMRADE.finditer(text, 0, at):
        name = _name_ending(text, m.start(), known, vouched=True)
        if name and m.start() - len(name) > where:
            best, where = name, m.start() - len(name)
    for m in _NAMED_FOR.finditer(text, 0, at):  # 任命钟志坚为…，免去其…
        name = name_at(text, m.end(), known, vouched=True)
        if name and text.startswith("为", m.end() + len(name)) and m.end() > where:
            best, where = name, m.end()
    return best


_COMRADE = re.compile("同志")
_NAMED_FOR = re.compile("任命|提名|推荐")


_INDUSTRY_UNIONS = tuple(
    sorted(
        [
            *(row[0] for row in table("institution_types.tsv") if row[1] == "union"),
            "行业工会",
            "联合会",
        ],
        key=len,
        reverse=True,
    )
)
"""An industry's union or federation written bare after a verb of appointment: the union endings
of ``institution_types.tsv`` (产业工会, 行业工会联合会), and the short forms a report writes for
them (行业工会, 联合会); longest first."""


def _after_bare_union(text: str, at: int) -> tuple[re.Match[str], None] | None:
    """The title after a bare 联合会 at ``at`` (当选为联合会主席, 任楼宇联合工会主席: up to four
    characters of its name before the ending), which no ending of an organization matches;
    :func:`_bare_union` says whose it is."""
    bare = _bare_union_re().match(text, at)
    title = post_titles().match(text, bare.end()) if bare else None
    return (title, None) if title is not None else None


@cache
def _bare_union_re() -> re.Pattern[str]:
    return re.compile(f"[\u4e00-\u9fff]{{0,4}}?(?:{'|'.join(_INDUSTRY_UNIONS)})")


def _bare_union(text: str, at: int, end: int, ctx: Context) -> OrgMatch | None:
    """The union a bare name after a verb of appointment means, up to ``end`` (where the title
    starts): 产业工会 (钭文杰当选为产业工会主席) is the industry union the article names
    (新兴县预制菜产业工会), as is 联合会 (…当选为联合会主席, in a report on 佛冈县物流行业工会联合会);
    工会 (詹淑华当选工会主席) is the union of the enterprise the
    article is about. None for anything else, or when the article names no such union or
    enterprise."""
    bare = text[at:end]
    if _bare_union_re().fullmatch(bare):
        for org in _article_orgs(ctx):
            if org.kind == "union" and org.name.endswith(bare) and org.name != bare:
                return OrgMatch(at, end, bare, org.name, "union", org.place)
        return None
    company = ctx.workplace
    if bare != "工会" or company is None or company.kind != "company":
        return None
    return _union_of_workplace(company, at, end, bare)


def _article_orgs(ctx: Context) -> Iterator[OrgMatch]:
    """The organizations the article names, sentence by sentence from its start (for a bare
    name that means one of them: 产业工会, 经审会)."""
    for sent in ctx.seg.sentences:
        yield from find_orgs(sent.text, ctx.city, ctx.province, ctx.county)


def _union_of_workplace(company: OrgMatch, start: int, end: int, written: str) -> OrgMatch:
    """The union of the enterprise or hospital ``company``, written (bare) at ``start:end``."""
    return OrgMatch(
        start, end, written, company.name.removesuffix("工会") + "工会", "union", company.place
    )


_BY = "由"
"""What may stand before the names of a verb of appointment that a post's organization or title
comes before (女职工委员会由宁晓瑜担任主任, 工会主席由唐德明担任)."""


def _listed_names(
    text: str, end: int, known: frozenset[str], orgs: list[OrgMatch]
) -> list[tuple[int, str]]:
    """(start, name) of the names listed with 、 after a title's name that ends at ``end``
    (委员黎建新、巢振宇、官秀兰), up to a post title (主席张三、副主席李四: the next item of a
    chain), an organization or a place (主任谭丽芬、翁源县…公司工会主席饶建伟) or no name."""
    out: list[tuple[int, str]] = []
    while (
        text.startswith("、", end)
        and not post_titles().match(text, end + 1)
        and not any(o.start == end + 1 for o in orgs)
        and not any(start == 0 for start, _, _ in find_places(text[end + 1 : end + 9]))
    ):
        name = name_at(text, end + 1, known, vouched=True)
        if not name or post_titles().match(text, end + 1 + len(name)):
            break  # (主席张三、王五副主席: a name before its own title)
        out.append((end + 1, name))
        end += 1 + len(name)
    return out


_CLAUSE_STOP = re.compile("[，。；]")


def _held_by_after(text: str, at: int) -> bool:
    """Whether a verb of appointment ends the clause that a 由 at ``at`` opens (主席由唐德明担任，)."""
    stop = _CLAUSE_STOP.search(text, at)
    end = stop.start() if stop else len(text)
    return any(v.end() == end for v in _verbs_re("appointment_verbs.txt").finditer(text, at, end))


def _names_held_by(text: str, verb: int, ctx: Context) -> tuple[int, list[tuple[int, str]]] | None:
    """The 由 before the verb at ``verb`` and the names between them, each after its own chain
    (副主任由市总工会女职工部部长许丽芳、霞山区总工会党组书记、常务副主席洪晓雯和…工会主席宋美华
    担任): two or more, each ending at a 、, a 和 or the verb; None otherwise."""
    by = text.rfind(_BY, clause_start(text, verb, "，。；"), verb)
    if by < 0:
        return None
    span = text[by + 1 : verb]
    names = sorted(
        {
            (by + 1 + p.end - len(p.person), p.person)
            for p in find_posts(span, ctx, frozenset())
            if p.name_start < 0 and (p.end == len(span) or span[p.end] in "、和")
        }
    )
    return (by, names) if len(names) >= 2 else None


def _by_before(text: str, name: int) -> int:
    """Where the 由 stands before the names that start at ``name`` (由宁晓瑜担任, or 由公司副总经理
    唐德明担任 with the first one's own post between), or -1."""
    if text.startswith(_BY, name - 1):
        return name - 1
    by = text.rfind(_BY, max(0, name - 30), name)
    if by >= 0 and CJK_RUN.fullmatch(text, by + 1, name) and _title_ends_at(text, name):
        return by
    return -1


def _held_by(
    text: str,
    by: int,
    names: list[tuple[int, str]],
    verb_end: int,
    orgs: list[OrgMatch],
    ctx: Context,
    previous: Post | None,
) -> list[Post]:
    """The post written before 由 at ``by`` that the names hold, when the verb of appointment
    ends the clause (新一届工会委员会主席由唐德明担任，副主席由戚小燕担任): its organization is
    the one written before the title, else a committee of a union (女职工委员会主任由…), else, for a
    bare 工会, the union of the article's enterprise; with none written, the organization of the
    ``previous`` post the sentence gave (…主席由唐德明担任，副主席由戚小燕担任)."""
    if verb_end < len(text) and text[verb_end] not in "，。；":
        return []
    title = _title_at_end().search(text, max(0, by - 8), by)
    if title is None:
        return []
    start = title.start()
    owner = next((o for o in orgs if o.end == start), None) or _bare_committee(
        text, start, start, orgs, ctx, before=True
    )
    if owner is None:
        bare = re.search(r"工会(?:委员会)?$", text[max(0, start - 5) : start])
        company = _company_at(ctx, start) if bare is not None else None
        if company is not None and company.kind in WORKPLACES:
            owner = _union_of_workplace(company, start - len(bare.group()), start, bare.group())
    if owner is None and previous is not None and start == by - len(title.group()):
        if text[:start].endswith(("，", "；")):
            owner = previous.org
    if owner is not None:
        start = min(start, owner.start)
    return [Post(n, title.group(), owner, start, verb_end, False, s) for s, n in names]


@cache
def _union_committees() -> tuple[str, ...]:
    """The parts of a union that are committees (女职工委员会, 经审会), as written, longest first."""
    return tuple(u for u in union_units() if union_unit_names()[u].endswith("委员会"))


def _bare_committee(
    text: str, start: int, end: int, orgs: list[OrgMatch], ctx: Context, before: bool = False
) -> OrgMatch | None:
    """A committee of a union written bare at ``start`` (or, ``before``, ending at ``end``):
    女职工委员会, 经审会 with no union's name (经审会由柏玉成任副主任, 选举吕佩珊为经审会主任). It is
    the committee of the union named last before it in the sentence, else of the enterprise (or
    hospital) the article is about, else of the first union the article names; None when there
    is no bare committee there (an organization the gazetteer read ends there) or no union to
    own it."""
    if before and any(o.end == end for o in orgs):
        return None
    if before:
        part = next((u for u in _union_committees() if text.endswith(u, 0, end)), None)
        start = end - len(part) if part else start
    else:
        part = next((u for u in _union_committees() if text.startswith(u, start)), None)
    if part is None:
        return None
    if start > 0 and text[start - 1] in "工会":
        # 市总工会女职工委员会: a part the gazetteer read with its union; 该公司工会女职工委员会:
        # a part of the union of the article's enterprise, written bare
        owner = next((o for o in orgs if o.end == start and o.kind == "union"), None)
        if owner is None or owner.text == owner.name:
            return None
        return _part_of(owner, part, start, start + len(part), part)
    union = next((o for o in reversed(orgs) if o.kind == "union" and o.end <= start), None)
    if union is None:
        union = _elected_before(text, ctx)
    company = ctx.workplace
    if union is None and company is not None and company.kind in WORKPLACES:
        union = _union_of_workplace(company, start, start, "")
    if union is None:
        union = next((o for o in _article_orgs(ctx) if o.kind == "union"), None)
    if union is None:
        return None
    return _part_of(union, part, start, start + len(part), part)


def _elected_before(text: str, ctx: Context) -> OrgMatch | None:
    """The union whose post the last election written before ``text`` in its paragraph filled
    (…宰父丽琴当选镇总工会主席…；经费审查委员会第一次会议选举巢慧芬为经审会主任: the town's
    union, just elected, owns the bare 经审会), if any."""
    head = _paragraph_before(text, ctx)
    verbs = ("当选", *word_list("election_verbs.txt"))
    if not any(w in head for w in verbs):
        return None
    orgs = with_article_orgs(head, find_orgs(head, ctx.city, ctx.province, ctx.county), ctx)
    elected = None
    for m in re.finditer(f"(?:{'|'.join(map(re.escape, verbs))})为?", head):
        after = next((o for o in orgs if o.start == m.end()), None)
        if after is not None and after.kind == "union":
            elected = after
    return elected


def _post_at(
    text: str, at: int, orgs: list[OrgMatch], ctx: Context, before: int
) -> tuple[re.Match[str], OrgMatch | None] | None:
    """The title written at ``at`` (after an organization there, the longest one a title
    follows, and a term: 市总工会第八届委员会主席, 公司工会主席) and the organization it belongs
    to: that one, else the one the title implies (市长), else the nearest one named before
    ``before``; None when no title is there."""
    _, implied = _titles()
    title = None
    for org in [*sorted((o for o in orgs if o.start == at), key=lambda o: -o.end), None]:
        title = _title_at(text, org.end if org else at)
        if title is None and org is not None and text.startswith("办公室", org.end):
            # 兼任市总工会女职工委员会办公室主任: the office's 主任
            title = _title_at(text, org.end + 3)
            if title is not None:
                end = org.end + 3
                org = OrgMatch(
                    org.start, end, text[org.start : end], org.name + "办公室", "unit", org.place
                )
        if title is not None:
            break
    if title is None and (unit := _bare_committee(text, at, at, orgs, ctx)) is not None:
        # 选举吕佩珊为经审会主任, 当选为女职工委员会主任: the committee of the union the
        # article is about
        title = _title_at(text, unit.end)
        return (title, unit) if title is not None else None
    if title is None:
        # an organization the gazetteer cannot place (区总工会 in a report that names no
        # district): the title is still there, and whoever it was given to is still a person;
        # it belongs to no organization we could name, not to one named earlier
        unplaced = _unplaced_org().match(text, at)
        title = _title_at(text, unplaced.end()) if unplaced else None
        return (title, None) if title is not None else None
    owner = _of_term(text, org, title.start()) if org is not None else None
    if owner is None and title.group() in implied:
        owner = _implied_org(ctx, title.group(), implied[title.group()], at)
    if owner is None:
        owner = next((o for o in reversed(orgs) if o.end <= before), None)
    return title, owner


def _title_at(text: str, at: int) -> re.Match[str] | None:
    """The title written at ``at``, after a term if one is there (第八届委员会主席)."""
    term = _TERM.match(text, at)
    return post_titles().match(text, term.end() if term else at)


@cache
def _unplaced_org() -> re.Pattern[str]:
    """An organization's name that the gazetteer may not resolve: up to eight characters and
    one of ``org_cores.tsv``'s endings (区总工会, 城区总工会, 某某街道工会)."""
    cores = alternation(row[0] for row in table("org_cores.tsv"))
    return re.compile(f"[\u4e00-\u9fff]{{0,8}}?(?:{cores})")


_NAMES_MOST = 40
"""Characters an election's list of names may take before its 为."""


_NOTE_AFTER_NAME = re.compile(r"[（(][\u4e00-\u9fff]{1,6}[）)]|同志")
"""A note after an elected name (陈泳诗（兼职）, 王某（女）), or 同志 (任命郎慧敏同志为…): not part
of it."""


def _names_then_for(text: str, at: int) -> tuple[list[tuple[int, str]], int] | None:
    """Names (joined by 、 or 和, each maybe with a note: 陈泳诗（兼职）) from ``at`` up to the 为
    after them, and where 为 ends; the posts the first one holds may come before it
    (选举市人大常委会副主任谢振邦为市总工会主席: the chain rule reads that post). None unless
    everything between is names (选举产生了委员11名 names no one)."""
    wei = text.find("为", at, at + _NAMES_MOST)
    if wei <= at:
        return None
    names = _names_between(text, at, wei)
    if names is None:
        title_re, _ = _titles()
        for title in title_re.finditer(text, at, wei):
            if re.search("[，。；：]", text[at : title.end()]):
                break
            if (names := _names_between(text, title.end(), wei)) is not None:
                break
    return (names, wei + 1) if names is not None else None


def _names_between(text: str, start: int, end: int) -> list[tuple[int, str]] | None:
    """``text[start:end]`` as names joined by 、 or 和 (see :func:`_names_then_for`), or None."""
    names: list[tuple[int, str]] = []
    pos = start
    for part in re.split(
        r"([、和])", _NOTE_AFTER_NAME.sub(lambda m: " " * len(m.group()), text[start:end])
    ):
        if part in ("、", "和"):
            pos += 1
            continue
        name = part.rstrip(" ")
        if not (NAME_SHAPE.fullmatch(name) and plausible_name(name, vouched=True)):
            return None
        names.append((pos, name))
        pos += len(part)
    return names or None


_LINEUP = re.compile(r"(?:新一届)?领导班子[:：]")
"""领导班子：主席彭少鸿，常务副主席上官雅琴，副主席刘展鹏、蔡美玲（兼职）: a lineup of titles and
the names after them, the posts of the organization named right before."""


def find_lineups(text: str, ctx: Context) -> list[Post]:
    """The posts of a lineup (大会选举产生了县总工会新一届领导班子：主席彭少鸿，常务副主席上官雅琴，
    副主席刘展鹏、蔡美玲（兼职）): each clause after the colon a title and the names it was given,
    in the organization named right before 领导班子, up to the sentence's end or a ；."""
    out: list[Post] = []
    lineups = list(_LINEUP.finditer(text))
    if not lineups:
        return out
    orgs = with_article_orgs(text, find_orgs(text, ctx.city, ctx.province, ctx.county), ctx)
    for m in lineups:
        org = next((o for o in orgs if o.end == m.start()), None)
        if org is None:
            continue
        end = min(i for i in (text.find("；", m.end()), len(text)) if i >= 0)
        at = m.end()
        while at < end:
            clause_end = min(i for i in (text.find("，", at, end), end) if i >= 0)
            title = post_titles().match(text, at)
            names = _names_between(text, title.end(), clause_end) if title else None
            if title is None or names is None:
                break
            for start, name in names:
                out.append(Post(name, title.group(), org, at, clause_end, False, start))
            at = clause_end + 1
    return out


def find_elections(text: str, ctx: Context) -> list[Post]:
    """Posts given by a verb that names the person first (会议选举赵慧敏为公司工会主席), and by
    the clauses after it that leave the verb out (，陈嘉豪、吴淑贞为公司工会副主席): the
    organization written after 为 (a bare 公司 is the article's enterprise), else implied by
    the title, else (in a clause after the first: ，钟美玲为常务副主席) the one the clause before
    gave its post to, else the nearest one named before in the sentence."""
    if not _verbs_re("election_verbs.txt").search(text):
        return []
    orgs = with_article_orgs(text, find_orgs(text, ctx.city, ctx.province, ctx.county), ctx)
    out: list[Post] = []
    for verb in _verbs_re("election_verbs.txt").finditer(text):
        at = verb.end()
        previous: OrgMatch | None = None
        while (found := _names_then_for(text, at)) is not None:
            names, after = found
            post = _post_at(text, after, orgs, ctx, verb.start() if previous is None else -1)
            if post is None:
                break
            title, owner = post
            if owner is None and title.start() == after:  # no organization written: as before
                owner = previous
            for start, name in names:
                out.append(Post(name, title.group(), owner, names[0][0], title.end(), False, start))
            end = _concurrent_posts(text, title.end(), names, orgs, ctx, out)
            if not text.startswith("，", end):
                break
            at, previous = end + 1, owner
    return out


_TITLE_NOTE = re.compile(r"[（(][^（）()]{1,12}[）)]")
"""A note after a title given (部长（试用期一年）, 主任（正科级）): no part of the post."""
_KEPT = "职务不变"
_CONCURRENT = re.compile(f"，(?:并|同时)?兼任|，其(?=[^，。；]{{2,40}}?{_KEPT})")
"""A post given with another (任命郎慧敏同志为…部长，兼任…办公室主任) or kept beside it (，其江城区
总工会经费审查委员会主任职务不变)."""


def _concurrent_posts(
    text: str,
    at: int,
    names: list[tuple[int, str]],
    orgs: list[OrgMatch],
    ctx: Context,
    out: list[Post],
) -> int:
    """The posts given or kept beside the one whose title ends at ``at`` (see
    :data:`_CONCURRENT`), added to ``out`` for ``names``; where the text read ends."""
    note = _TITLE_NOTE.match(text, at)
    end = note.end() if note else at
    while (m := _CONCURRENT.match(text, end)) is not None:
        post = _post_at(text, m.end(), orgs, ctx, -1)
        if post is None or post[1] is None:
            break
        title, owner = post
        kept = m.group().endswith("其")
        if kept and not text.startswith(_KEPT, title.end()):
            break
        for start, name in names:
            out.append(Post(name, title.group(), owner, m.start() + 1, title.end(), False, start))
        end = title.end() + (len(_KEPT) if kept else 0)
        note = _TITLE_NOTE.match(text, end)
        end = note.end() if note else end
    return end


def _name_after_role(text: str, end: int) -> list[tuple[int, str]]:
    """The name ending at ``end`` right after who the person is (企业代表骆志成（…）):
    speaker_roles.txt."""
    roles = longest_first("speaker_roles.txt")
    for n in (3, 2, 4):
        start = end - n
        if start > 0 and text.endswith(roles, 0, start) and plausible_name(text[start:end], True):
            return [(start, text[start:end])]
    return []


_NOTED_POST = re.compile(r"（(?:[男女][，,])?([^（）]{2,40})）")
"""A note in brackets after a name, maybe opening with the person's sex (冼丽珍（女，…项目经理）)."""


def find_noted_posts(text: str, ctx: Context, known: frozenset[str]) -> list[Post]:
    """The posts noted in brackets after a name (乔美霞（广东鹤嘉精密机械股份有限公司工会主席）介绍,
    钟离海涛（…股份有限公司焊接车间主任、高级技师）): the note read as a chain of posts before the
    name; the name starts after a delimiter or the text's start."""
    out: list[Post] = []
    for note in _NOTED_POST.finditer(text):
        names = _names_before(text, note.start()) or _name_after_role(text, note.start())
        if not names or _title_at_end().search(text, note.start(1), note.end(1)) is None:
            continue
        start, name = names[-1]
        at = note.start(1)
        chain = text[at : note.end(1)] + name
        for post in find_posts(chain, ctx, known | {name}):
            if post.person != name or post.end != len(chain):
                continue
            org = post.org
            if org is not None:  # where it is written in ``text``
                org = replace(org, start=org.start + at, end=org.end + at)
            out.append(Post(name, post.title, org, start, note.end(), post.former, start))
    return out


def find_titles_after_names(text: str, ctx: Context) -> list[Post]:
    """A name followed by its title, the way reports name officials at a meeting
    (市总工会陈海滨主席作工作报告，郑丽娜副主席主持会议): a post when the organization is written
    right before the name, else the person only (黄坤明书记: the title names no organization).
    The name starts after an organization, a delimiter or the text's start (a title vouches
    for it, so a name jieba lists as a word is taken)."""
    title_re, _ = _titles()
    titles = list(title_re.finditer(text))
    if not titles:
        return []
    orgs = with_article_orgs(text, find_orgs(text, ctx.city, ctx.province, ctx.county), ctx)
    org_by_end = {o.end: o for o in orgs}
    out: list[Post] = []
    for m in titles:
        for n in (3, 2, 4):
            start = m.start() - n
            if start < 0:
                continue
            org = org_by_end.get(start)
            if start and org is None and text[start - 1] not in _NAME_BEFORE:
                continue
            name = text[start : m.start()]
            if any(o.start < m.start() and start < o.end for o in orgs):
                continue  # 市委常委、宣传部部长: an organization, not a name
            if name in place_forms():
                continue  # 白云区副区长: the district's deputy head, no 白云区 the person
            if NAME_SHAPE.fullmatch(name) and plausible_name(name, vouched=True):
                left = org.start if org else start
                out.append(Post(name, m.group(), org, left, m.end(), False, start))
                break
    return out


_NOT_A_NAME_AFTER = frozenset("和与及、等的们代")
"""Right after an honour, what shows it is no name's honour (劳模和工匠, 劳模代表)."""


@cache
def _honours_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, longest_first("honour_titles.txt"))))


def find_honoured(text: str, known: frozenset[str]) -> list[tuple[int, str]]:
    """(start, name) of the people named right after an honour (全国劳动模范王志强), and of
    those listed after them (、陈美玲、杨立新等): a name vouched for by the honour, then names
    joined by 、/和, each after its own honour or none."""
    out: list[tuple[int, str]] = []
    honours = _honours_re()
    consumed = 0
    for m in honours.finditer(text):
        if m.start() < consumed:
            continue  # an honour inside a list already read
        at = consumed = m.end()
        if text[at : at + 1] in _NOT_A_NAME_AFTER:
            continue  # 劳模和工匠人才, 劳模工匠的: the honour is a word of a phrase
        if text.count("“", 0, m.start()) > text.count("”", 0, m.start()):
            continue  # “清风劳模康养行”: a word of a quoted name
        while (name := name_at(text, at, known, vouched=True)) is not None:
            out.append((at, name))
            at += len(name)
            if at >= len(text) or text[at] not in "、和":
                break
            nxt = honours.match(text, at + 1)
            at = nxt.end() if nxt else at + 1
        consumed = max(consumed, at)
    return out


@cache
def _contact_re() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(word_list('contact_labels.txt'))})\\s*[:：]\\s*")


_OFFICE_ENDS = ("办公室", "部", "中心", "科", "处", "站", "所", "工会", "协会")
_OFFICE_MOST = 16
"""The office a notice may name before its contact's name (区总工会办公室何敏仪, 区总工会办公室
何敏仪): up to this many characters, ending as an office's name does."""


def _office_ends(text: str, at: int) -> Iterator[int]:
    """Where a name may start after an office named at ``at`` (after the office's ending and
    any spaces), nearest first."""
    for end in range(at + 2, min(at + _OFFICE_MOST, len(text))):
        if text[at:end].endswith(_OFFICE_ENDS):
            yield end + len(text[end:]) - len(text[end:].lstrip())


def find_contacts(text: str, known: frozenset[str]) -> list[tuple[int, str]]:
    """(start, name) of the contact people of a notice (联系人：何倩仪、陈立新，电话…): the
    label vouches that a name follows its colon; no post comes with it, and a surname with a
    title (联系人：陈科长) names no one."""
    out: list[tuple[int, str]] = []
    titles = post_titles()
    for m in _contact_re().finditer(text):
        at = m.end()
        if name_at(text, at, known, vouched=True) is None:  # 联系人：区总工会办公室何敏仪
            at = next((e for e in _office_ends(text, at) if name_at(text, e, known, True)), at)
        while (name := name_at(text, at, known, vouched=True)) is not None:
            if titles.search(name, 1):
                break
            out.append((at, name))
            at += len(name)
            if text[at : at + 1] not in ("、", "和"):
                break
            at += 1
    # the next contact after ；: 市劳动模范协会　卜凤霞，电话：…
    if not out and ("电话" in text or "手机" in text) and _PHONE_NEXT.search(text):
        for at in (0, *_office_ends(text, 0)):
            name = name_at(text, at, known, vouched=True)
            if name and _PHONE_NEXT.match(text, at + len(name)) and not titles.search(name, 1):
                out.append((at, name))
                break
    return out


_PHONE_NEXT = re.compile(r"[，,\s]*(?:联系电话|电话|手机)\s*[:：]\s*[\d（(]")
"""A phone number right after a name: the name is a contact's."""


_QUOTED_SPEECH = re.compile("(?:说|表示|介绍|告诉记者|感慨道|笑着说)[:：]“")
"""A verb of speech, a colon and an opening quote: what a quoted person's name stands before."""
_REPORTED_SPEECH = re.compile("(?:说|表示|介绍|告诉记者)[，,。]")
"""A verb of speech before a comma (来自军埠镇的货车司机戴振荣说，入会后…: the words reported;
the name before it is a person's when who the person is stands right before it) or ending the
sentence after a quotation (“…雪中送炭。”罗秀英说。)."""


def find_quoted_speakers(text: str, known: frozenset[str]) -> list[tuple[int, str]]:
    """(start, name) of the people quoted with who they are before their names (徒弟何颖琳说：
    “…”, 职工代表吴锐彬说：“…”: ``speaker_roles.txt``) or at a clause's start: the quotation
    vouches for the name."""
    out: list[tuple[int, str]] = []
    roles = longest_first("speaker_roles.txt")
    speech = [(m, True) for m in _QUOTED_SPEECH.finditer(text)]
    speech += [(m, False) for m in _REPORTED_SPEECH.finditer(text)]
    for m, quoted in sorted(speech, key=lambda s: s[0].start()):
        # 开了十多年货车的田志勇则说: an adverb between the name and the verb
        end = m.start() - (m.start() > 0 and text[m.start() - 1] in _SPEECH_ADVERBS)
        for n in (3, 2, 4):
            start = end - n
            if start < 0:
                continue
            name = text[start:end]
            written = text[clause_start(text, start) : start]
            before = written.lstrip('”"')
            if (name in known or plausible_name(name, vouched=True)) and (
                # “…真是雪中送炭。”罗秀英说。: the quotation before the name (in the sentence,
                # or the one before when the speaker is a sentence of its own)
                ((quoted or written.endswith(("”", '"')) or m.end() == len(text)) and not before)
                or before.endswith(roles)
                # …冲压车间冲压工谭锦鹏说, …包装车间女工阮秀玲说: a trade's worker (…工, …员)
                or (len(before) > 2 and before.endswith(_WORKER_ENDINGS))
                # 在…公司从事打版工作的骆嘉怡说: who they are, described before 的
                or (before.endswith("的") and len(before) > 2)
            ):
                out.append((start, name))
                break
        else:
            # “……”湛国良在领奖后说。: the speaker opens the clause right after the quotation, or
            # after who they are, words of manner between the name and 说
            at = clause_start(text, m.start())
            role = next((r for r in roles if text.startswith(r, at)), "")
            if role:  # 外卖配送员柴宇航现场试用后说：“…”: who the speaker is, before the name
                at += len(role)
            elif text.startswith(("”", '"'), at):
                at += 1
            elif at > 0 or m.end() != len(text):  # (or a sentence of its own after the quotation)
                continue
            name = name_at(text, at, known, vouched=True)
            if name and m.start() - (at + len(name)) <= _MANNER_MOST:
                out.append((at, name))
    return out


_SPEECH_ADVERBS = "则也还又便就"
_WORKER_ENDINGS = ("工", "员")


def find_named_by_role(text: str, known: frozenset[str]) -> list[tuple[int, str]]:
    """(start, name) of the people a role names right before them, the sentence going on about
    them (女骑手方晓雯是站点工会委员, 网约车司机马国庆在车友群里…: ``speaker_roles.txt``): who they
    are vouches for the name."""
    out = []
    for m in _roles_re().finditer(text):
        # not vouched, and a full name (职工来评判, 职工李某在, 师傅常说 name no one)
        if m.group() in _GROUP_ROLES:
            continue  # 职工龙舟赛在…, 由职工来评判: a group, not one person's role
        name = name_at(text, m.end(), known)
        if (
            name
            and (name in known or (len(name) - surname_len(name) == 2 and plausible_name(name)))
            and text.startswith(_ABOUT_THEM, m.end() + len(name))
        ):
            out.append((m.end(), name))
    return out


_GROUP_ROLES = frozenset({"职工", "员工", "工人", "会员", "群众", "代表", "市民", "居民"})
_ABOUT_THEM = ("是", "在", "则", "也", "还", "已", "曾", "正", "将", "说", "，")


@cache
def _roles_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, longest_first("speaker_roles.txt"))))


_MANNER_MOST = 12
"""Characters of manner (在领奖后, 一边把行李放上车一边) a speaker's name may stand before 说."""


_FROM = re.compile("来自[^，。；：、“”（）]{2,20}?的")
"""来自饶平县人民医院的, 来自军埠镇的: where a person in a report comes from, before who they
are or their name."""


def find_people_from(text: str, known: frozenset[str]) -> list[tuple[int, str]]:
    """(start, name) of the people introduced by where they come from (来自饶平县人民医院的桂晓敏
    以5.32米的成绩夺得…, 来自军埠镇的货车司机戴振荣), with who they are between (speaker_roles.txt)
    or not: the phrase says a person follows."""
    roles = longest_first("speaker_roles.txt")
    out = []
    for m in _FROM.finditer(text):
        at = m.end()
        at += len(next((r for r in roles if text.startswith(r, at)), ""))
        name = name_at(text, at, known, vouched=True)
        if name:
            out.append((at, name))
    return out


_LISTED = re.compile(
    r"(?:^|(?<=[：:、；;，,奖]))([\u4e00-\u9fff]{2,4})（([^（）]{4,30})）(?=[、；;，,。]|$)"
)
"""一等奖：宗晓丽（深圳市华晟精密模具有限公司）、冉志鹏（…）: a name in a list, with the unit it
works in after it in brackets (right after the prize too: 一等奖 凌嘉豪（…）, its space gone)."""


_SEX = re.compile("^[男女][，,]")


def find_listed_with_units(text: str, ctx: Context, known: frozenset[str]) -> list[tuple[int, str]]:
    """(start, name) of the people a list of winners or delegates names with their units in
    brackets (一等奖：宗晓丽（深圳市华晟精密模具有限公司）、冉志鹏（深圳市龙华区人民医院）): the
    bracket holds an organization (one the gazetteer finds, or a name with an institution's
    ending), which vouches for the name before it."""
    out = []
    for m in _LISTED.finditer(text):
        name, unit = m.group(1), m.group(2)
        if not (name in known or plausible_name(name, vouched=True)):
            continue
        unit = _SEX.sub("", unit)  # 冼丽珍（女，…）
        if _INSTITUTION_END.search(unit) or any(
            o.start == 0 and (o.end == len(unit) or _title_at_end().search(unit, o.end))
            for o in find_orgs(unit, ctx.city, ctx.province, ctx.county)
        ):  # (…公司钳工、技师, …医院急诊科护士长: the unit and the post held in it)
            out.append((m.start(1), name))
    return out


_COUNTED = re.compile(r"等(?:[\d,，]+|[一二两三四五六七八九十百千]+)(?:名|位|人)|等?同志")
"""谭振邦、梅丽娟等30名“台山工匠”: names listed before 等 and a count of people, or before
同志 (免去廉建国同志的…职务, 关于西门振华等同志职务任免的通知)."""
_LIST_OPENS = (
    *("对", "向", "为", "给", "授予", "表彰", "表彰了", "包括", "其中", "有", "如", "推荐"),
    *("任命", "免去", "提名", "关于", "同意"),
)
"""Words a list of names follows (大会对谭振邦、梅丽娟等30名…, 授予李明、王芳等5名同志…, 免去
廉建国同志的…)."""


_RANK = re.compile(
    r"(?:第[一二三四五六七八九十\d]{1,3}名|[一二三]等奖|冠军|亚军|季军|金奖|银奖|铜奖)[:：\s]*"
)
"""A place in a contest's results, before the winners it names (定点投篮：第一名　黎明（…有限公司）)."""


def find_ranked(text: str, known: frozenset[str]) -> list[tuple[int, str]]:
    """(start, name) of the winners a line of results names after a place (第一名　黎明（鹤山市联达
    电器有限公司）; 一等奖：A（…）、B（…）): each name must be followed by its unit in brackets, so
    a team (第一名　…有限公司代表队) or a prose mention names no one."""
    out: list[tuple[int, str]] = []
    if "（" not in text and "(" not in text:  # (most sentences: no unit in brackets)
        return out
    for m in _RANK.finditer(text):
        at = m.end()
        while (name := name_at(text, at, known, vouched=True)) is not None:
            if not text.startswith(("（", "("), at + len(name)):
                break
            out.append((at, name))
            close = text.find("）" if text[at + len(name)] == "（" else ")", at + len(name))
            if close < 0 or text[close + 1 : close + 2] not in ("、", "，"):
                break
            at = close + 2
    return out


def find_counted_list(text: str, known: frozenset[str]) -> list[tuple[int, str]]:
    """(start, name) of the people listed before 等 and a count of people (对谭振邦、梅丽娟等30名
    “台山工匠”进行命名表彰) or before 同志: the count says people are named; each name is joined
    to the next by 、/和 and the first follows a stop or a word that opens a list. One name alone
    must be no common word (a word before 等30名 is more often a group: 骨干等30人). 杨某等17名
    工人 names no one: 杨某 is a person kept anonymous, and one entity for every 杨某 would join
    strangers."""
    out: list[tuple[int, str]] = []
    for m in _COUNTED.finditer(text):
        names: list[tuple[int, str]] = []
        end = m.start()
        while True:
            found = None
            for n in (3, 2, 4):
                start = end - n
                if start < 0:
                    continue
                before = text[:start]
                joined = before.endswith(("、", "和", "与", "及"))
                opens = start == 0 or before.endswith(("，", "。", "；", "：", *_LIST_OPENS))
                name = text[start:end]
                if (
                    (joined or opens)
                    and "某" not in name
                    and (name in known or plausible_name(name, vouched=True))
                ):
                    found = (start, name, joined)
                    break
            if found is None:
                break
            names.append(found[:2])
            if not found[2]:
                break
            end = found[0] - 1
        if names and (names[-1][0] == 0 or not text[: names[-1][0]].endswith(("、", "和"))):
            if len(names) > 1 or names[0][1] in known or plausible_name(names[0][1]):
                out += names[::-1]
    return out


@cache
def _title_at_end() -> re.Pattern[str]:
    return re.compile(f"(?:{post_titles().pattern})$")


def _title_ends_at(text: str, at: int) -> bool:
    """Whether a post title ends right at ``at`` (县总工会副主席|钭文杰当选为…)."""
    return _title_at_end().search(text, max(0, at - 8), at) is not None


def _names_before(text: str, end: int) -> list[tuple[int, str]]:
    """The names (start, name) that end at ``end``, first to last: 郑雅琴、许建国 before
    当选为; each starts after a delimiter, the text's start or a post title (副主席钭文杰当选为),
    and is a plausible name."""
    names: list[tuple[int, str]] = []
    while True:
        found = None
        for n in (3, 2, 4):
            start = end - n
            if start >= 0 and (
                start == 0 or text[start - 1] in _NAME_BEFORE + _BY or _title_ends_at(text, start)
            ):
                if plausible_name(text[start:end], vouched=True):  # before 当选为 …
                    found = (start, text[start:end])
                    break
        if found is None:
            return names[::-1]
        names.append(found)
        if found[0] > 0 and text[found[0] - 1] in "、和与及":
            end = found[0] - 1
            continue
        # 甘美玲、新兴县天露食品科技有限公司人力资源总监司徒振邦当选为: each with a title, listed
        listed = text.rfind("、", max(0, found[0] - 30), found[0])
        if (
            listed < 0
            or not _title_ends_at(text, found[0])
            or re.search(r"[，。；]", text[listed : found[0]])
        ):
            return names[::-1]
        end = listed


_LIST_LINE_MOST = 60
_PROSE_MARK = re.compile("[，。；：！？“]")
_TRAILING_NOTE = re.compile(r"[（(][^（()）]{1,20}[）)]$")


def find_list_line(ctx: Context, sent: Sentence, known: frozenset[str]) -> tuple[str, list[Post]]:
    """A line of a list of people that puts each name first, a space, then where the person works
    and the posts held (屠胜利　揭东区新亨镇党委委员、镇总工会主席; 麦丽珍　郁南县人民医院护士): the
    name, and its posts as the chain would read them with the name after it (else the trade
    written after the unit, :func:`_trade_after_unit`), in the line's offsets; ("", []) for any other line. The space is the original text's (normalizing joins
    the characters around it); an organization must follow it."""
    # a note in brackets at the end (（全国劳动模范）, （“茂名工匠”）) is the person's honour
    text = _TRAILING_NOTE.sub("", sent.text.rstrip())
    if len(text) > _LIST_LINE_MOST or _PROSE_MARK.search(text, 0, len(text.rstrip("；;"))):
        return "", []  # (most sentences: prose, not a list's line, which may end in ；)
    name = name_at(text, 0, known, vouched=True)
    if name and not _space_after(ctx, sent.start + len(name)):
        # 冯月娥　郁南县…: the space says where the name ends (jieba's word is 冯月)
        end = _spaced_name_end(ctx, sent, text, 0)
        name = text[:end] if end and plausible_name(text[:end], vouched=True) else None
    if not name or len(name) >= len(text) or not _space_after(ctx, sent.start + len(name)):
        return "", []
    rest = text[len(name) :]
    if not rest.startswith(tuple(place_forms())) and not any(
        o.start == 0 for o in find_orgs(rest, ctx.city, ctx.province, ctx.county)
    ):
        return "", []
    shift = len(name)
    posts = []
    for post in _posts_before_name(rest, name, ctx, known):
        org = post.org
        if org is not None:
            org = replace(org, start=org.start + shift, end=org.end + shift)
        posts.append(Post(name, post.title, org, post.start + shift, len(text), post.former, 0))
    if not posts and (trade := _trade_after_unit(rest, ctx)) is not None:
        # 翟美华　茂南区环境卫生管理所环卫工人: a winners' list's trade is the post it names
        unit, title = trade
        unit = replace(unit, start=unit.start + shift, end=unit.end + shift)
        posts.append(Post(name, title, unit, shift, len(text), False, 0))
    return name, posts


_SKILL_GRADES = frozenset({"高级技师", "技师", "高级工", "中级工", "初级工"})
"""Grades of skill, which a list line may give after a unit: no post (hw26's conventions)."""
_TRADE_ENDINGS = ("工", "员", "师", "士", "司机", "工人", "手")


def _trade_after_unit(rest: str, ctx: Context) -> tuple[OrgMatch, str] | None:
    """The unit a list line's rest opens with and the trade written right after it, to the
    line's end (…有限公司抄表员, …中心小学教师, …有限公司桥吊司机): a worker's word of
    speaker_roles.txt or one ending in 工/员/师/士/手/司机, not a grade of skill (高级技师)."""
    unit = max(
        (o for o in find_orgs(rest, ctx.city, ctx.province, ctx.county) if o.start == 0),
        key=lambda o: o.end,
        default=None,
    )
    if unit is None:
        return None
    trade = rest[unit.end :]
    if not (2 <= len(trade) <= 5 and CJK_RUN.fullmatch(trade)) or trade in _SKILL_GRADES:
        return None
    if trade in word_set("speaker_roles.txt") or trade.endswith(_TRADE_ENDINGS):
        return unit, trade
    return None


def _posts_before_name(chain: str, name: str, ctx: Context, known: frozenset[str]) -> list[Post]:
    """The posts a chain written before a name gives it, where a list puts the name first and
    its unit and posts after it (a list line, a table's row): read as :func:`find_posts` reads
    ``chain`` with the name right after it, offsets in ``chain + name``."""
    end = len(chain) + len(name)
    return [
        p
        for p in find_posts(chain + name, ctx, known | {name})
        if p.person == name and p.end == end
    ]


_NAME_COLUMN = ("姓名", "名字")
_UNIT_COLUMN = ("工作单位", "单位名称", "所在单位", "单位")
_POST_COLUMN = ("职务", "职位", "现任职务", "职务职称")


def _column(heading: tuple[str, ...], names: tuple[str, ...]) -> int | None:
    return next((c for c, cell in enumerate(heading) if cell in names), None)


def find_table_people(
    ctx: Context, known: frozenset[str]
) -> Iterator[tuple[Sentence, str, int, list[Post]]]:
    """The people of a table copied as lines (:mod:`kg.extract.tables`) whose heading names a
    name column, a unit column and a post column (序号　姓名　工作单位　职务): each row's name
    with the posts its unit and post read as a chain (禤志恒　惠州市华瑞精密模具有限公司　模具车间
    主任 -> 车间主任 of the company); a post the chain does not know (门机司机) is the post
    column's as written, in the unit. Yields each row's sentence, name, the name's offset in
    the sentence, and its posts (none for a grade of skill, 高级技师: the name is a person's)."""
    if "姓名" not in ctx.doc.text and "名字" not in ctx.doc.text:
        return
    for row in tables.rows(
        ctx.doc.text,
        lambda h: None not in (_column(h, _NAME_COLUMN), _column(h, _POST_COLUMN)),
    ):
        name = row.cells[_column(row.heading, _NAME_COLUMN) or 0]
        if name_at(name, 0, known, vouched=True) != name:
            continue
        unit_col = _column(row.heading, _UNIT_COLUMN)
        unit = row.cells[unit_col] if unit_col is not None else ""
        post = row.cells[_column(row.heading, _POST_COLUMN) or 0]
        found = tables.row_sentence(ctx, row)
        if found is None:
            continue
        sent, start, end = found
        at = sent.text.find(name, start - sent.start)
        if at < 0:
            continue
        span = (start - sent.start, end - sent.start)
        chain = _posts_before_name(unit + post, name, ctx, known)
        if not chain and post and len(post) <= _TABLE_POST_MOST and "、" not in post:
            org = next((o for o in find_orgs(unit, ctx.city, ctx.province, ctx.county)), None)
            chain = [Post(name, post, org if org and org.start == 0 else None, 0, 0)]
        posts = [
            Post(name, p.title, p.org, span[0], span[1], p.former, at)
            for p in chain
            if not p.title.endswith(_SKILL_GRADES)  # 高级技师: a grade of skill, not a post
        ]
        yield sent, name, at, posts


_TABLE_POST_MOST = 8
_SKILL_GRADES = ("技师", "高级工", "中级工")


def _space_after(ctx: Context, at: int) -> bool:
    """Whether the original text has a space (or a full-width one) where normalized ``at`` is."""
    end = ctx.seg.norm.to_original(at - 1, at)[1]
    start = ctx.seg.norm.to_original(at, at + 1)[0]
    return start > end and not ctx.doc.text[end:start].strip()


_ELECTION = re.compile("选举|当选")
_ELECTED_COMMITTEES = "经费审查委员会|经审会|女职工委员会"
"""A union's committees an election fills besides its own (委员会)."""
_MEMBERS_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、)?(?:(?:第[一二三四五六七八九十\d]+届)?委员会|"
    f"(?P<unit>{_ELECTED_COMMITTEES}))"
    r"委员[（(][\d一二三四五六七八九十]+名"
)
"""The heading of a list of an election's committee members (一、第三届委员会委员（15名，按姓氏笔画
为序）), the names on the lines after it."""


@cache
def _title_line() -> re.Pattern[str]:
    """主　　席：姜海波 (its spaces gone in normalizing), 经费审查委员会主任：岳志强: a title, a
    colon and the names given it."""
    return re.compile(
        f"^(?P<unit>{_ELECTED_COMMITTEES})?(?P<title>{post_titles().pattern})[:：]"
        "(?P<names>.+?)[。；]?$"
    )


def find_announced(ctx: Context) -> Iterator[tuple[Sentence, Post]]:
    """The posts an announcement of an election's results lists (选举结果公告: 主席：姜海波,
    副主席：包振宇、倪志坚（兼职）, 经费审查委员会主任：岳志强, and a committee's members, named
    on the lines under 一、第三届委员会委员（15名）), in the first union the sentences read name
    (the article's, or a roundup's item's); only where they speak of an election. A list's names
    are split where the original text has spaces (normalizing joins them)."""
    seg = ctx.seg
    if not any(_ELECTION.search(s.text) for s in seg.sentences):
        return
    union = next(  # (of the sentences read: an item of a roundup names its own)
        (
            o
            for sent in seg.sentences
            if sent.kind != "junk"
            for o in find_orgs(sent.text, ctx.city, ctx.province, ctx.county)
            if o.kind == "union"
        ),
        None,
    )
    if union is None:
        return
    line = _title_line()
    members_of: OrgMatch | None = None
    for sent in seg.sentences:
        text = sent.text.strip()
        if heading := _MEMBERS_HEADING.match(text):
            members_of = _elected_body(union, heading.group("unit"))
            continue
        m = line.match(text)
        if m is not None:
            members_of = None
            names = _names_between(text, m.start("names"), m.end("names"))
            org = _elected_body(union, m.group("unit"))
            for start, name in names or ():
                yield sent, Post(name, m.group("title"), org, m.start(), len(text), False, start)
            continue
        if members_of is None:
            continue
        names = _spaced_names(ctx, sent)
        if names is None:
            members_of = None
            continue
        for start, name in names:
            yield sent, Post(name, "委员", members_of, start, start + len(name), False, start)


_ROSTER_HEADING = re.compile(r"^[【\[]?(?:领导成员|领导班子成员|领导名录)[】\]]?[:：]?$")
"""The heading of a yearbook entry's roster (【领导成员】), lines of titles and names under it."""
_ROSTER_TITLES = re.compile(
    f"(?P<unit>{_ELECTED_COMMITTEES})?(?P<titles>(?:{post_titles().pattern})"
    f"(?:、(?:{post_titles().pattern}))*)(?:[（(](?:兼职|专职|挂职)[）)])?"
)
_FORMER_NOTE = re.compile(r"^至\d{4}年")
"""A roster's note on a name that held the post until a date (何志诚（至2024年5月）): held before."""


def find_roster(ctx: Context) -> Iterator[tuple[Sentence, Post]]:
    """The posts a yearbook entry's roster lists under 【领导成员】: each line titles, then the
    names that held them (党组成员、副主席　邓建安　黄丽萍（2024年6月任）; names split where the
    original text has spaces), in the body the entry is about (the last line before the roster
    that is an organization's name alone: the entry's title, 英德市总工会); a note 至2024年5月
    makes the post a former one, a note that ends in 兼 (市人大常委会副主任兼) gives the post
    it names too."""
    seg = ctx.seg
    for i, head in enumerate(seg.sentences):
        if not _ROSTER_HEADING.match(head.text.strip()):
            continue
        body = next(
            (
                o
                for s in reversed(seg.sentences[:i])
                for o in find_orgs(s.text.strip(), ctx.city, ctx.province, ctx.county)[:1]
                if o.start == 0 and o.end == len(s.text.strip())
            ),
            None,
        )
        if body is None:
            continue
        for sent in seg.sentences[i + 1 :]:
            posts = _roster_line(ctx, sent, body)
            if not posts:
                break
            yield from ((sent, p) for p in posts)


def _roster_line(ctx: Context, sent: Sentence, body: OrgMatch) -> list[Post]:
    text = sent.text.rstrip()
    m = _ROSTER_TITLES.match(text)
    if m is None or not _space_after(ctx, sent.start + m.end()):
        return []
    org = _elected_body(body, m.group("unit"))
    titles = m.group("titles").split("、")
    out: list[Post] = []
    at = m.end()
    while at < len(text):
        end = _spaced_name_end(ctx, sent, text, at, "（(")
        name = text[at:end] if end is not None else ""
        if not (NAME_SHAPE.fullmatch(name) and plausible_name(name, vouched=True)):
            return out
        note = ""
        if end < len(text) and text[end] in "（(":
            close = text.find("）", end)
            if close < 0:
                return out
            note, end = text[end + 1 : close], close + 1
        former = bool(_FORMER_NOTE.match(note))
        out.extend(Post(name, t, org, 0, end, former, at) for t in titles)
        if note.endswith("兼"):  # 罗子健（市人大常委会副主任兼）: a post held besides
            out.extend(
                replace(p, start=p.start + at, end=end, name_start=at)
                for p in _posts_before_name(note[:-1], name, ctx, frozenset())
            )
        at = end
    return out


def _elected_body(union: OrgMatch, unit: str | None) -> OrgMatch:
    """The union, or the committee of it an election's list names (经费审查委员会, 女职工委员会)."""
    return _part_of(union, unit, 0, 0, unit) if unit else union


def _spaced_name_end(
    ctx: Context, sent: Sentence, text: str, at: int, stops: str = ""
) -> int | None:
    """Where a name of two to four characters starting at ``at`` ends in a line of names the
    original text spaces apart: at a space, the line's end, or one of ``stops`` (a note's
    bracket); None if no such place."""
    return next(
        (
            e
            for e in range(at + 2, min(at + 5, len(text)) + 1)
            if e == len(text) or text[e] in stops or _space_after(ctx, sent.start + e)
        ),
        None,
    )


def _spaced_names(ctx: Context, sent: Sentence) -> list[tuple[int, str]] | None:
    """The names of a line that lists only names, split where the original text has spaces
    (云晓峰　毛丽娜　左晓敏, joined in normalizing), with their offsets in the sentence; None for
    any other line."""
    text = sent.text.rstrip()
    out: list[tuple[int, str]] = []
    at = 0
    while at < len(text):
        end = _spaced_name_end(ctx, sent, text, at)
        if end is None:
            return None
        name = text[at:end]  # the heading says names follow: a surname we lack is one (代, 税)
        if not NAME_SHAPE.fullmatch(name):
            return None
        out.append((at, name))
        at = end
    return out or None


def extract_people(ctx: Context) -> Iterator[Mention | Fact]:
    """Posts held (n-ary facts) and person mentions from every sentence."""
    known = set(ctx.speakers)
    lead = ""
    roster = list(find_roster(ctx))
    on_roster = {sent.start for sent, _ in roster}  # (read as a roster's lines only)
    for sent in ctx.seg.sentences:
        if sent.kind in ("junk", "footer", "series"):  # 工会主席谈发展⑥ names a series, no one
            continue
        if sent.start in on_roster:
            continue
        rule = _RULE_BY_KIND.get(sent.kind, "inline_post_chain")
        for post in find_posts(sent.text, ctx, frozenset(known)):
            known.add(post.person)
            yield from _post_records(ctx, sent, post, rule)
        for post in [
            *find_appointments(sent.text, ctx),
            *find_elections(sent.text, ctx),
            *find_lineups(sent.text, ctx),
            *find_noted_posts(sent.text, ctx, frozenset(known)),
        ]:
            known.add(post.person)
            yield from _post_records(ctx, sent, post, "appointment")
        for post in find_careers(sent.text, ctx, frozenset(known), lead):
            yield from _post_records(ctx, sent, post, "career")
        for post in find_titles_after_names(sent.text, ctx):
            known.add(post.person)
            yield from _post_records(ctx, sent, post, "name_title")
        name, posts = find_list_line(ctx, sent, frozenset(known))
        if name:
            known.add(name)
            yield from _named_with_posts(ctx, sent, name, 0, posts, "list_line")
        for rule, found in (
            ("honour", find_honoured(sent.text, frozenset(known))),
            ("contact", find_contacts(sent.text, frozenset(known))),
            ("quoted", find_quoted_speakers(sent.text, frozenset(known))),
            ("role", find_named_by_role(sent.text, frozenset(known))),
            ("from", find_people_from(sent.text, frozenset(known))),
            ("listed", find_listed_with_units(sent.text, ctx, frozenset(known))),
            ("counted", find_counted_list(sent.text, frozenset(known))),
            ("ranked", find_ranked(sent.text, frozenset(known))),
        ):
            for start, name in found:
                known.add(name)
                ev = ctx.evidence(sent, sent.start + start, sent.start + start + len(name), rule)
                yield Mention(Ref("person", name), name, ev)
        # 向前，1975年出生…: whom a 她 or 他 opening a later sentence means (find_careers)
        lead = next((k for k in known if sent.text.startswith(k + "，")), lead)
    for sent, post in find_announced(ctx):
        known.add(post.person)
        yield from _post_records(ctx, sent, post, "appointment")
    for sent, post in roster:
        known.add(post.person)
        yield from _post_records(ctx, sent, post, "roster")
    for sent, name, at, posts in find_table_people(ctx, frozenset(known)):
        known.add(name)
        yield from _named_with_posts(ctx, sent, name, at, posts, "table_row")
    yield from _speakers(ctx)
    yield from _name_then_title(ctx, frozenset(known))


def _named_with_posts(
    ctx: Context, sent: Sentence, name: str, at: int, posts: list[Post], rule: str
) -> Iterator[Mention | Fact]:
    """The records of a name a list gives at ``at`` in ``sent`` (a list line, a table's row):
    its posts, or, with none (a unit no rule names, a grade of skill), the person alone."""
    for post in posts:
        yield from _post_records(ctx, sent, post, rule)
    if not posts:
        ev = ctx.evidence(sent, sent.start + at, sent.start + at + len(name), rule)
        yield Mention(Ref("person", name), name, ev)


def _post_records(ctx: Context, sent: Sentence, post: Post, rule: str) -> Iterator[Mention | Fact]:
    ev = ctx.evidence(sent, sent.start + post.start, sent.start + post.end, rule)
    at = post.name_start if post.name_start >= 0 else post.end - len(post.person)
    if sent.text.startswith(post.person, at):  # (她…先后担任…: the name is not in the sentence)
        yield Mention(
            Ref("person", post.person),
            post.person,
            ctx.evidence(sent, sent.start + at, sent.start + at + len(post.person), rule),
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
        ("role", Ref("role", _base_title(post.title))),
    )
    # 原工会主席黄志明, 曾任…, 免去其…职务: a post held before is kept, marked as such (a
    # career is part of who a person is), and never read as one held now
    yield Fact("holds_post", args + ((FORMER,) if post.former else ()), (ev,), "stated")


_TITLE_TERMS = ("兼职", "专职", "挂职")
"""How a post is held, written before its title (兼职副主席): the post is the title's."""


def _base_title(title: str) -> str:
    """The post a title names, without how it is held (兼职副主席, 专职副主席 -> 副主席)."""
    for term in _TITLE_TERMS:
        if title.startswith(term) and post_titles().fullmatch(title, len(term)):
            return title[len(term) :]
    return title


def _speakers(ctx: Context) -> Iterator[Mention]:
    """The name opening each answer turn is a person speaking."""
    for sent in ctx.seg.sentences:
        para = ctx.seg.paragraph_of(sent)
        if (
            sent.kind == "answer"
            and sent.start == para.start
            and para.speaker
            and plausible_name(para.speaker, vouched=True)
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
