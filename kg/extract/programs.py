"""Programs: named campaigns, projects, brands, platforms, hotlines and systems.

Three shapes, all from the genre's naming conventions (``kg/data/program_types.tsv``):

* a quoted name, made a program by a type word after it (``“劳模工匠助企行”专项行动``), a
  program ending inside it (``“珠海工匠日”``), a few words ending in a program suffix after it
  (``“南粤工匠”人才培育工程``), a verb that introduces programs before it (``擦亮“工会二次医保”``), or
  ``等`` + a type word after a list of quoted names (``“书香揭阳”“书香企业”文化品牌``);
* an unquoted name ending in a program suffix after an introducing verb (``开展集体协商邀约行动``,
  ``依托粤工惠平台``), and the items of a list that continues it (``、劳模工匠本科班``);
* a hotline named by its number (``12351职工服务热线`` → ``12351热线``).

Each mention yields a ``runs_program`` fact: the organization behind it (see
:mod:`kg.extract.subjects`), the program, and the modality of the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg.extract.context import Context
from kg.extract.subjects import city_of_subject, modality, subject_org, words
from kg.gazetteer import find_orgs
from kg.lexicon import alternation, longest_first, table
from kg.quantities import FIVE_YEAR_PLAN
from kg.records import Fact, Mention, Ref
from kg.segment import Sentence, clause_start

_CJK = "\u4e00-\u9fff"
_PLACE_AFTER_NAME = ("中", "里", "上", "下", "时")
_WEAK_TYPES = ("服务", "建设", "试点")  # type words only when the phrase ends there (“四送”服务，)
_QUOTE = re.compile(r"“([^“”，。；：！？]{1,20})”")
_HOTLINE = re.compile(r"(?<!\d)(\d{5,6})[\u4e00-\u9fff]{0,8}?热线")
_PLAN_PARAGRAPH = re.compile(r"^(?:下一步|接下来|今后|未来|往后|我们将|.{0,8}将)")


def _described(after: str) -> str | None:
    """The words right after a quoted brand that say what kind of program it names, up to that
    kind (“建功南沙·匠心筑城”重点项目劳动竞赛半年推进会: 重点项目劳动竞赛) or to the event held
    for it (“惠工童乐”职工子女暑期托管班开班仪式: 职工子女暑期托管班); none of them a cue verb
    (“娘家人”帮助职工开展活动: a new clause) nor 有/是/在/让/的. None when no kind or event ends
    them."""
    run = re.match(f"(?:(?![有是在让的与和及])[{_CJK}]){{1,14}}", after)
    if (
        run is None
        or run.group().startswith("等")  # “五小”等群众性创新活动: examples of a kind
        or re.match("[一二两三四五六七八九十几每][个批项场次家所]", run.group())  # “装进”一个小程序
    ):
        return None
    found = run.group()
    event = min((found.find(e) for e in words("event") if e in found), default=-1)
    head = found if event < 0 else found[:event]
    if any(c in head for c in words("cue")):  # (启动仪式, 推进会: the event's own words)
        return None
    kinds = [t for t in words("type") if t not in _WEAK_TYPES]  # not “真心”刻进服务
    ends = [head.rfind(t) + len(t) for t in kinds if t in head]
    if ends:
        return head[: max(ends)]
    return head if event > 0 else None


def _with_words(name: str, words_after: str, honours: tuple[str, ...]) -> str:
    """A quoted name with the words written after it: the quoted brand alone (“侨乡玫瑰”女职工
    关爱行动: 侨乡玫瑰, the long form its alias), but the whole for an honour, which names no
    program (“南粤工匠”人才培育工程)."""
    return name + words_after if name.endswith(honours) else name


def _treated_as(before: str, after: str) -> bool:
    """作为“一把手”工程来抓: the frame "treat it as X" (``before`` ends with 作为 and a few
    characters, ``after`` the type word starts with 来抓) says how a task is handled; its X is
    a figure of speech, no program."""
    return bool(
        re.search(f"(?:{_alt('treat_as')})[^，。；：、]{{0,6}}$", before)
        and after.startswith(words("treat_verb"))
    )


@cache
def _alt(role: str) -> str:
    """The words of one role as a regex alternation (built once: find_programs runs per
    sentence)."""
    return alternation(words(role))


@cache
def _unquoted_re() -> re.Pattern[str]:
    """A cue, then a name ending in a program's suffix; no 在/是/有/让 in it (推进会在明珠湾跨江
    通道工程施工现场召开: a meeting held at a project, not a program)."""
    return re.compile(
        f"(?:{_alt('cue')})((?:(?![在是有让])[{_CJK}·]){{2,20}}?(?:{_alt('suffix')}))"
        f"(?![{_CJK}]*?(?:{_alt('suffix')}))"
    )


@cache
def _list_re() -> re.Pattern[str]:
    """A 、-list the article itself calls programs: ``…、…等“工”字号服务品牌`` / ``…等活动``."""
    item = f"[{_CJK}□]{{2,14}}"
    return re.compile(
        f"(?:{_alt('cue')})({item}(?:、{item})+)等([{_CJK}“”□]{{0,10}}?(?:{_alt('list_type')}|活动))(?![{_CJK}])"
    )


@cache
def _item_re() -> re.Pattern[str]:
    return re.compile(f"[{_CJK}·]{{2,14}}?(?:{_alt('suffix')})(?=、|等|，|。|$)")


@cache
def _section_re() -> re.Pattern[str]:
    return re.compile(f"(?:^|[，；。：])([{_CJK}]{{2,12}}?(?:行动|工程|计划))方面")


@cache
def _facility_re() -> re.Pattern[str]:
    """A generic facility (kg/data/facility_types.tsv), maybe with its level in front."""
    kinds = alternation(row[1] for row in table("facility_types.tsv") if row[0] == "type")
    levels = alternation(row[1] for row in table("facility_types.tsv") if row[0] == "level")
    return re.compile(f"(?:{levels})?(?:{kinds})")


def facility_ending(text: str) -> str | None:
    """The longest kind of facility, with its level, that ``text`` ends with
    (新建市级劳模和工匠人才创新工作室 -> 市级劳模和工匠人才创新工作室), or None."""
    longest = max(len(row[1]) for row in table("facility_types.tsv"))
    for i in range(max(0, len(text) - 2 * longest), len(text)):
        if _facility_re().fullmatch(text, i):
            return text[i:]
    return None


def _bad_name(name: str) -> bool:
    """Descriptions, not names: a 的-phrase, a bare type word, a determiner or quantity in front
    (一批…, 各级…), a period (云浮30年), a dangling symbol (工会+), a kind of facility
    (劳模和工匠人才创新工作室, 职工书屋: counted in figures, not run as programs), a manner
    of service (“一站式”服务, “一键式”: how, not what), or a five-year plan's years (“十四五”
    时期, “十五五”开局之年)."""
    return (
        "的" in name
        or FIVE_YEAR_PLAN.fullmatch(name) is not None
        or name in words("type")
        or name in words("suffix")
        or _facility_re().fullmatch(name) is not None
        or name.endswith("式")
        or re.fullmatch("[一二两三四五六七八九十〇]+", name) is not None  # “三八”妇女节, “五一”
        or bool(re.match(r"^(?:一[批系个支项些种套条]|各|该|这|那|本)", name))
        or bool(re.search(r"\d+年", name))
        or not re.search(f"[{_CJK}]$", name)
    )


_HOTLINE_WORDS = ("工会服务职工热线", "职工服务热线", "服务热线", "热线")  # longest first


@cache
def _known_re() -> re.Pattern[str]:
    return re.compile(_alt("known"))


@cache
def _own_endings() -> tuple[str, ...]:
    """The quoted suffixes that are a program's own ending (直通车, 服务站), not 课 or 日."""
    return tuple(s for s in words("quoted_suffix") if len(s) > 1)


_TIMES = re.compile(r"(?:一|两|二|三|几|多|数|\d+)(?:次|场|期|轮|批|系列)$")


_NAMED_PLACES = ("工作室",)
"""Endings of a quoted name that no figure of speech has: a studio named after its leader."""

_SINCE = ("以来", "以后", "之后", "期间", "之际", "以前", "之前")
"""Words that end a span of time after an event (自…开展“X”以来), not a program's name."""


def find_programs(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, written form) of each program named in a sentence."""
    out: list[tuple[int, int, str, str]] = []
    types = words("type")
    qsuffixes = words("quoted_suffix")
    cues = words("cue")
    honours = longest_first("honour_titles.txt")
    quotes = list(_QUOTE.finditer(text))
    for i, m in enumerate(quotes):
        name = m.group(1).strip()
        if len(name) < 2:
            continue
        after = text[m.end() : m.end() + 24]
        # the end of a run of adjacent quotes (“A”“B”、“C”) carries the run's type word
        j = i
        while j + 1 < len(quotes) and text[quotes[j].end() : quotes[j + 1].start()] in ("", "、"):
            j += 1
        run_after = text[quotes[j].end() : quotes[j].end() + 24]
        k = i
        while k > 0 and text[quotes[k - 1].end() : quotes[k].start()] in ("", "、"):
            k -= 1
        run_before = text[max(0, quotes[k].start() - 9) : quotes[k].start()]
        # 开展一次“职工夜学堂”, 举办多场“…”: the cue stands before a count of times
        run_before = _TIMES.sub("", run_before)
        if re.fullmatch(r"[\d+]+", name):
            hotline = next((w for w in _HOTLINE_WORDS if after.startswith(w)), None)
            if hotline:  # “12351”职工服务热线: the span and the written form take the words
                out.append((m.start(), m.end() + len(hotline), f"{name}热线", m.group() + hotline))
            continue
        if not re.search(f"[{_CJK}]", name):
            continue
        written = m.group()
        typ = next((t for t in types if run_after.startswith(t)), None)
        if typ in _WEAK_TYPES and re.match(f"[{_CJK}]", run_after[len(typ) : len(typ) + 1]):
            typ = None
        # 作为…的“必修课”: a figure of speech; but 开通的“…服务热线” names a program by its suffix,
        # and so does a cue's 开通的“开平工友就业直通车” (a program's own ending, not 课 or 日)
        metaphor = (
            run_before.endswith("的")
            and not name.endswith(types)
            and not (run_before[:-1].endswith(cues) and name.endswith(_own_endings()))
            and not name.endswith(_NAMED_PLACES)  # 荆志强领衔的“荆志强劳模创新工作室”
        )
        if _treated_as(run_before, run_after[len(typ) if typ else 0 :]):
            continue  # 作为“一把手”工程来抓, 作为服务职工的“民心工程”来抓
        # (no 有/是/在/让/的 among the words: 让“南江工匠”成长有平台 says something of it)
        ext = re.match(f"((?:(?![有是在让的])[{_CJK}]){{1,6}}?(?:{_alt('suffix')}))", after)
        listed = re.match(f"等[{_CJK}“”]{{0,8}}?(?:{_alt('list_type')})", run_after)
        # “工会服务暖万家”推进会: a meeting held for a campaign names the campaign (not the meeting)
        event = j == i and not metaphor and run_after.startswith(words("event"))
        seasonal = next((k for k in words("known") if name[1:] == k), None)
        if seasonal is not None:  # “夏送清凉”, “冬送温暖”: the nationwide brand with its season
            name = seasonal
        if typ and j == i:
            written = m.group() + typ
        elif ext and j == i and not typ:
            # “侨乡玫瑰”女职工关爱行动: the quoted brand, its long form an alias
            name, written = _with_words(name, ext.group(1), honours), m.group() + ext.group(1)
        elif (
            typ
            or listed
            or event
            or name in words("known")  # 通过“送温暖”“金秋助学”等活动: nationwide brands
            or (not metaphor and (name.endswith(qsuffixes) or run_before.endswith(cues)))
            # 首次推出…专享保障项目“骑手安心保”: a kind of program, then its quoted name, after a cue
            or (
                run_before.endswith(types)
                and any(
                    w in text[clause_start(text, quotes[k].start()) : quotes[k].start()]
                    for w in cues
                )
            )
        ):
            tail = re.match(f"([{_CJK}]{{2,6}})(?=[（(，。；、]|建设)", after) if j == i else None
            if (
                tail
                and not typ
                and not listed
                and not event
                and run_before.endswith(cues)
                and not tail.group(1).endswith("模式")
                and not tail.group(1).startswith("等")  # 开展“夏送清凉”等活动: examples
                and not tail.group(1).endswith(_SINCE)  # 自2008年开展“金秋助学”以来: a time
                # 推进“百县千镇万村高质量发展工程”中建功立业: a name that ends in its kind is
                # whole, and 中/里/上 after it says where something happens
                and not name.endswith(types)
                and not tail.group(1).startswith(_PLACE_AFTER_NAME)
            ):
                name, written = (
                    name + tail.group(1),
                    m.group() + tail.group(1),
                )  # 推进“家门口”就业第一站（…）
        elif j == i and not metaphor and (described := _described(after)) is not None:
            # “惠工童乐”职工子女暑期托管班开班仪式: the brand; its long form an alias
            name, written = _with_words(name, described, honours), m.group() + described
        else:
            continue
        if not _bad_name(name):
            out.append((m.start(), m.end() + (len(written) - len(m.group())), name, written))
    masked = _QUOTE.sub(lambda q: "□" * len(q.group()), text)
    for m in _HOTLINE.finditer(masked):
        out.append((m.start(), m.end(), f"{m.group(1)}热线", m.group()))
    for m in _known_re().finditer(masked):  # 送温暖活动, 金秋助学: nationwide brands, unquoted
        out.append((m.start(), m.end(), m.group(), m.group()))
    for m in _unquoted_re().finditer(masked):
        name = m.group(1)
        if "的" in name and len(name.rsplit("的", 1)[1]) >= 6:
            name = name.rsplit("的", 1)[1]  # 打造具有地域特色的最美系列劳动竞赛品牌
        if _bad_name(name) or name.startswith(("“", "□")):
            continue
        out.append((m.end(1) - len(name), m.end(1), name, name))
    prefixes = words("name_prefix")
    for m in _list_re().finditer(masked):  # 送温暖、送清凉、金秋助学等服务品牌
        brands = not m.group(2).endswith("活动") or m.group(2) in words("list_type")
        pos = m.start(1)
        items = m.group(1).split("、")
        for n, item in enumerate(items):
            start = 0
            if n == 0:  # the list starts after the last introducing verb: 依托…平台开展送温暖
                for c in (c for c in words("cue") if len(c) >= 2):
                    at = item.rfind(c)
                    if at >= 0 and at + len(c) > start and len(item) - at - len(c) >= 2:
                        start = at + len(c)
            name = item[start:]
            ok = brands or name.startswith(prefixes)
            if ok and 2 <= len(name) <= 12 and not _bad_name(name) and "□" not in name:
                out.append((pos + start, pos + len(item), name, name))
            pos += len(item) + 1
    for _, end, _, _ in list(out):  # a list continues a program: 、劳模工匠本科班、产业工人大培训
        pos = end
        while pos < len(masked) and masked[pos] == "、":
            item = _item_re().match(masked, pos + 1)
            if not item:
                break
            if not _bad_name(item.group()):
                out.append((item.start(), item.end(), item.group(), item.group()))
            pos = item.end()
    for m in _section_re().finditer(masked):
        if not _bad_name(m.group(1)):
            out.append((m.start(1), m.end(1), m.group(1), m.group(1)))
    seen: set[tuple[int, str]] = set()
    result = []
    # the long form written with a quoted name (“荔乡清风”夏季送清凉行动) is that program's alias:
    # no other program is read inside it (送清凉, 清凉行动)
    quoted = [(s, e) for s, e, _, w in out if w.startswith("“") and not w.endswith("”")]
    for start, end, name, written in sorted(out):
        if (start, name) in seen or any(
            s <= start and end <= e and (s, e) != (start, end) and n == name for s, e, n, _ in out
        ):
            continue
        if not written.startswith("“") and any(s < start and end <= e for s, e in quoted):
            continue
        seen.add((start, name))
        result.append((start, end, name, written))
    return result


def extract_programs(ctx: Context) -> Iterator[Mention | Fact]:
    """Program mentions and who runs or plans each one."""
    for sent in ctx.seg.sentences:
        if sent.kind in ("junk", "footer", "byline", "series"):
            continue
        found = find_programs(sent.text)
        if not found:
            continue
        orgs = find_orgs(sent.text, ctx.city, ctx.province, ctx.county)
        para = ctx.seg.paragraph_of(sent)
        default = (
            "planned"
            if _PLAN_PARAGRAPH.match(re.sub(r"^[\u4e00-\u9fff]{2,4}：", "", para.text))
            else "ongoing"
        )
        for start, end, name, written in found:
            yield from _records(ctx, sent, start, end, name, written, orgs, default)


def _records(
    ctx: Context, sent: Sentence, start: int, end: int, name: str, written: str, orgs, default
) -> Iterator[Mention | Fact]:
    ev = ctx.evidence(sent, sent.start + start, sent.start + end, "program_name")
    attrs: tuple[tuple[str, str], ...] = ()
    if "·" in name:
        attrs = (("edition_of", name.split("·", 1)[0]),)
    ref = Ref("program", name)
    yield Mention(ref, re.sub(r"[“”]", "", written), ev, attrs)
    org = subject_org(ctx, sent.text, start, orgs, sent)
    if org is None:
        return
    args = [("org", org), ("program", ref)]
    if city := city_of_subject(ctx, org):
        args.append(("city", Ref("place", city)))
    yield Fact(
        "runs_program",
        tuple(sorted(args, key=lambda a: a[0])),
        (ev,),
        modality(sent.text, start, default),
    )
