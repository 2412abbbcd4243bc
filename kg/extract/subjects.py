"""Who a statement is about: the organization that runs a program, set a target or achieved a
figure.

In order: the nearest organization named before the position in the same sentence (市总工会,
省总, 河源工会); a word for the provincial level (全省, 广东, 报告 — the article quotes the
provincial union's report); a district's word for itself in a report on it (全区); the union
named in the clause a sentence continues (clauses joined by ；are separate sentences but share
their subject); otherwise the speaker's own union (我们, 市总 …), i.e. the union of the
article's city (of the place a roundup's item is about, in the item). Modality follows the
words before the position in the sentence and the paragraph's plan/achievement cues
(``kg/data/program_types.tsv``).
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.context import Context
from kg.gazetteer import (
    NAMED_AS_WRITTEN,
    OrgMatch,
    city_of,
    find_orgs,
    find_places,
    place_of_org,
    places,
)
from kg.lexicon import table
from kg.records import Modality, Ref
from kg.segment import Sentence

_PROVINCE_WORDS = re.compile(r"全省|广东(?!省总工会)|报告|省总工会|省总")


@cache
def _words(role: str) -> tuple[str, ...]:
    return tuple(
        sorted((w for r, w in table("program_types.tsv") if r == role), key=lambda w: (-len(w), w))
    )


def city_union(ctx: Context) -> Ref | None:
    return Ref("org", ctx.city + "总工会") if ctx.city else None


def province_union(ctx: Context) -> Ref:
    return Ref("org", ctx.province + "总工会")


def subject_org(
    ctx: Context,
    text: str,
    pos: int,
    orgs: list[OrgMatch] | None = None,
    sent: Sentence | None = None,
) -> Ref | None:
    """The organization behind the statement at ``text[pos]`` (a sentence's text; ``sent``,
    the sentence, lets a clause after ；take the subject of the clause before)."""
    orgs = orgs if orgs is not None else find_orgs(text, ctx.city, ctx.province, ctx.county)
    before = [o for o in orgs if o.end <= pos and o.kind == "union"]
    clause = max(text.rfind(c, 0, pos) for c in "，；。") + 1
    if not any(o.start >= clause for o in before) and (place := _place_opening(text, clause)):
        # 广州已建成…1860个，深圳已建成1520个: the clause's own city, not the union named before
        return Ref("org", place + "总工会")
    if before:
        return Ref("org", before[-1].name)
    clause_start = max(text.rfind(c, 0, pos) for c in "。；")
    # the words inside a named organization are its name (广东韶关钢铁有限公司 says nothing of
    # the province's union)
    names = [(o.start, o.end) for o in orgs if o.kind in NAMED_AS_WRITTEN]
    head = blanked(text[:pos], names)
    if _PROVINCE_WORDS.search(head):  # (anywhere before, so also in the clause)
        if not re.search(r"我们|我市|全市|市总", head):
            return province_union(ctx)
    if county := _county_said(ctx, text[clause_start + 1 : pos]):
        return county
    continued = _continued_union(ctx, sent) if sent is not None else None
    item = Ref("org", ctx.item_union) if ctx.item_union else None
    return continued or _interviewee_union(ctx, sent) or item or city_union(ctx)


def _county_said(ctx: Context, text: str) -> Ref | None:
    """全区将建成… in a report on a district: the district's union (not 全市 for a county-level
    city the report names: 全市 is the article's city)."""
    if ctx.county and ctx.county[-1] in "区县":
        level = ctx.county[-1]
        if re.search(f"全{level}|我{level}|{level}总", text):
            return Ref("org", ctx.county + "总工会")
    return None


def _interviewee_union(ctx: Context, sent: Sentence | None) -> Ref | None:
    """The interviewee's union, for a statement in an answer that names no organization: the
    interviewee speaks for it (a district chairman's 我们 is the district's union)."""
    union = ctx.interviewee_union
    if union is None or sent is None:
        return None
    para = ctx.seg.paragraph_of(sent)
    return Ref("org", union.name) if para.speaker and para.speaker != "记者" else None


def blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the ``spans`` (names in it) blanked out, its length kept: the words of a
    name are its name (计划 in “端砚工匠”培育计划 is no plan word, 广东 in 广东韶关钢铁有限公司
    no province)."""
    for start, end in spans:
        if start < len(text):
            text = text[:start] + "〇" * (min(end, len(text)) - start) + text[end:]
    return text


def _continued_union(ctx: Context, sent: Sentence) -> Ref | None:
    """The union last named in the sentences ``sent`` continues: those before it in its
    paragraph that end in ；(区总工会累计开展…；为困难职工发放帮扶金… : the district union gave
    the money, not the city's), nearest first."""
    sentences = ctx.seg.sentences
    i = sentences.index(sent)
    while i > 0:
        prev = sentences[i - 1]
        if prev.para != sent.para or not prev.text.rstrip("”’」』）)").endswith(("；", ";")):
            return None
        orgs = find_orgs(prev.text, ctx.city, ctx.province, ctx.county)
        unions = [o for o in orgs if o.kind == "union"]
        if unions:
            return Ref("org", unions[-1].name)
        if county := _county_said(ctx, prev.text):  # 今年全区工会将…：一是…；二是…
            return county
        i -= 1
    return None


def plan_at(head: str, word: str) -> int:
    """Last position of a plan word; 将 counts only after a subject (工会将, 我们将, 今年将) or
    before what only a future takes (中心将为…, 将于…, 将继续), since it is also the preposition
    把 (将劳模工匠的资源清单与…对接)."""
    at = head.rfind(word)
    while at > 0 and word == "目标" and head.endswith(_REACHED_GOAL, 0, at):
        at = head.rfind(word, 0, at)  # 完成目标任务的80.5%: the goal reached, no plan
    if word == "要":  # 重要, 主要, 需要: 要 inside a word says nothing of a plan
        while at > 0 and head[at - 1] in _IN_A_WORD_BEFORE_YAO:
            at = head.rfind(word, 0, at)
    if word == "将":
        while at > 0 and not (
            head[at - 1] in "会们市年我也还并区县省" or head.startswith(_WILL_BEFORE, at + 1)
        ):
            at = head.rfind(word, 0, at)
        if at == 0:
            return -1
    return at


_IN_A_WORD_BEFORE_YAO = frozenset("重主需只必紧首纪摘简概提")
"""Characters that make a following 要 part of a word (重要, 主要, 需要, 只要, 必要, 提要), not
"will"/"must" (工会要…)."""

_REACHED_GOAL = ("完成", "实现", "达成", "达到")
"""Verbs before 目标 that make it the goal a figure reached, not a plan."""

_WILL_BEFORE = ("为", "于", "在", "继续", "进一步", "持续", "全力", "着力", "大力", "重点")
"""What follows 将 only when it means "will" (中心将为全市职工提供…)."""

_CLAUSE_END = re.compile("[，。；：！？]")
"""Ends of the clause a word of intent governs: not 、, which lists what it intends
(力争培育市级工匠120名、建成职工疗休养基地8个: both planned)."""


def intent_before(head: str, done: int) -> bool:
    """Whether a plan word of intent (将, 力争, 计划 …) stands before the achievement word at
    ``done`` in its clause: 全县将于年内实现…入会1万人 is a plan, not something done."""
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(head, 0, done)), default=0)
    clause = head[clause_start:done]
    return any(plan_at(clause, w) >= 0 for w in _words("intent"))


def modality(text: str, pos: int, default: Modality = "ongoing") -> Modality:
    """``planned`` when a plan word stands before ``pos`` in the clause (or a word of intent
    before a done word of its clause: 力争完成…), ``achieved`` when a done word does, else
    ``default``."""
    head = text[:pos]
    plan = max((head.rfind(w) for w in _words("plan")), default=-1)
    done = max((head.rfind(w) for w in _words("done")), default=-1)
    if plan < 0 and done < 0:
        return default
    if plan > done or intent_before(head, done):
        return "planned"
    return "achieved"


def words(role: str) -> tuple[str, ...]:
    """Words of a role in ``program_types.tsv``, longest first."""
    return _words(role)


_OPENING = re.compile("(?:目前|截至目前|其中|同时|另外|此外|而)?")


def _place_opening(text: str, clause: int) -> str | None:
    """The city or county a clause opens with (深圳已建成…), or None."""
    at = _OPENING.match(text, clause).end()
    for start, _end, name in find_places(text[at : at + 8]):
        if start == 0 and places()[name].level != "province":
            return name
        break
    return None


def city_of_subject(ctx: Context, org: Ref | None) -> str | None:
    """The city a fact of ``org`` belongs to: the city of the place its name starts with
    (深圳市总工会投入… in a report from 广州 is 深圳's; 花都区狮岭镇总工会 is 广州's), none for a
    province's (广东省总工会), else the article's city."""
    place = place_of_org(org.key) if org is not None else None
    if place is None:
        return None if org is not None and org == province_union(ctx) else ctx.city
    city = city_of(place)
    if ctx.city and city is not None and city == city_of(ctx.city):
        return ctx.city  # the article's own city, as it names it (台山市, a county-level city)
    return city
