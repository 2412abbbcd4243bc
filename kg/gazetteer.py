"""Places and organizations: the gazetteer of Guangdong, China's provinces, and the matcher that
finds organization names (``河源市总工会``, ``市总工会``, ``省委``, ``中华全国总工会``) in text.

Canonical names: places keep their full written form with suffix (``河源市``, ``黄埔区``,
``广东省``); an organization is its place's canonical name plus the canonical ending from
``org_cores.tsv`` (``河源工会`` → ``河源市总工会``); the bare ``市``/``省`` of an article mean the
article's own city and province, resolved by the caller through ``city``/``province``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.lexicon import alternation, first_chars, table, word_list

_CJK = "\u4e00-\u9fff"
_NOT_NAME = "为在对和与各全本我该其向到从由把被让给将等推动及或每个访了这那是们"
_NOT_IN_NAME = _NOT_NAME.replace("推动", "").replace("从", "").replace("和", "")
"""What no enterprise's name holds between its place and its ending: _NOT_NAME's function words,
but not 推 or 动 (…自动化设备有限公司, …乐动健身有限公司), which _NOT_NAME keeps from the word 推动,
nor 从 (广州从化…有限公司: 从化 is a district), nor 和 inside the name
(广州嘉和精密机械有限公司; not first, nor after a place: 广州市和韶关学院 joins two)."""


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # canonical, with suffix
    level: str  # province | city | district | county | county_city
    parent: str | None


@cache
def places() -> dict[str, Place]:
    """Every known place by canonical name."""
    out: dict[str, Place] = {}
    for name, _short in table("provinces.tsv"):
        out[name] = Place(name, "province", None)
    for name, level, parent in table("places_guangdong.tsv"):
        out[name] = Place(name, level, parent)
    return out


@cache
def place_forms() -> dict[str, str]:
    """Written form -> canonical name: full names, province short names, and city names without
    their 市 (河源 → 河源市). Short forms of county-level places are left out: too ambiguous."""
    forms: dict[str, str] = {}
    for name, short in table("provinces.tsv"):
        forms[name] = name
        forms[short] = name
    for name, place in places().items():
        forms.setdefault(name, name)
        if place.level == "city" and len(name) >= 3:
            forms.setdefault(name[:-1], name)
        if autonomous := _AUTONOMOUS.fullmatch(name):  # 乳源县 is 乳源瑶族自治县
            forms.setdefault(autonomous.group(1) + "县", name)
    return forms


@cache
def county_short_forms() -> dict[str, str]:
    """A county-level place's name without its 市/区/县 (台山 → 台山市, 顺德 → 顺德区, 乳源 → 乳源瑶族
    自治县), for one use only: the start of an enterprise's or a school's name (台山核电合营有限公司,
    廉江中学), which :func:`find_orgs` keeps when the place lies in the article's city. Elsewhere
    such a form is too often a word (光明, 和平, 新兴, 南山) to be read as a place."""
    forms = place_forms()
    out: dict[str, str] = {}
    for name, place in places().items():
        if place.level not in ("county_city", "county", "district"):
            continue
        autonomous = _AUTONOMOUS.fullmatch(name)
        short = autonomous.group(1) if autonomous else name[:-1]
        if len(short) >= 2 and short not in forms:
            out.setdefault(short, name)
    return out


@cache
def city_bound_forms() -> dict[str, str]:
    """A district named by a word, written after its city in the gazetteer (汕尾市城区 -> 城区):
    its bodies are written with the word alone (城区总工会, 城区区委, 城区人大常委会), which names
    the district only in an article on its city."""
    out: dict[str, str] = {}
    for name, place in places().items():
        if place.parent and name.startswith(place.parent) and len(name) > len(place.parent) + 1:
            out.setdefault(name[len(place.parent) :], name)
    return out


_AUTONOMOUS = re.compile(r"([\u4e00-\u9fff]{2})(?:[\u4e00-\u9fff]{1,2}族)+自治县")
"""An autonomous county's name: its place name, then its peoples (乳源瑶族自治县, 连山壮族瑶族自治县)."""


def province_of(place: str | None) -> str | None:
    """The province a known place lies in (a province is its own)."""
    seen = set()
    while place and place not in seen:
        seen.add(place)
        p = places().get(place)
        if p is None:
            return None
        if p.level == "province":
            return p.name
        place = p.parent
    return None


def city_of(place: str | None) -> str | None:
    """The prefecture-level city of a known place (a city is its own)."""
    p = places().get(place or "")
    if p is None:
        return None
    return p.name if p.level == "city" else (p.parent if p.level != "province" else None)


def place_of_org(name: str) -> str | None:
    """The known place an organization's canonical name starts with (广州市总工会 -> 广州市,
    花都区狮岭镇总工会 -> 花都区, 湛江经济技术开发区总工会 -> 湛江市), the longest, or None."""
    forms = place_forms()
    for n in range(min(len(name), 8), 1, -1):
        if name[:n] in forms:
            return forms[name[:n]]
    return None


@dataclass(frozen=True, slots=True)
class OrgMatch:
    start: int
    end: int
    text: str
    name: str  # canonical organization name
    kind: str
    place: str | None  # canonical place the organization belongs to


def _alt(words) -> str:
    return alternation(words)


@cache
def joint_unions() -> tuple[str, ...]:
    """The endings of a union of one trade's or one place's enterprises (行业工会联合会, 联合工会,
    产业工会: institution_types.tsv's unions)."""
    return tuple(row[0] for row in table("institution_types.tsv") if row[1] == "union")


_JOINT_MID = f"(?:(?!工会)[^{_NOT_IN_NAME}和的\\W\\d_a-zA-Z]){{2,8}}?"
"""The trade between a town (or a bare 市/区/县) and its joint union's ending: two to eight
characters, no function word and no 工会 (市总工会组建…联合工会 names the city's union first)."""

_NOT_BEFORE_BARE = "全城都超社街小园各个每级"
"""What, written before a bare 省/市/区/县, makes it part of a word or a quantifier, not the
article's own place: 全市, 城区, 社区, 各区总工会, 每个区总工会, 县级市总工会."""

_TOWN_BODIES = {row[0]: (row[1], row[2]) for row in table("town_bodies.tsv")}
"""A town's or street's own offices, named like its union (民治街道办事处, 长安镇司法所)."""
_TOWN_UNION = re.compile(
    f"(?:{'|'.join(word_list('town_types.txt'))})(?:总?工会|党委|党工委|{'|'.join(_TOWN_BODIES)}"
    f"|.{{2,8}}?(?:{'|'.join(joint_unions())}))"
)
"""Whether a text may name a town's union: only then is the (slower) pattern with the town
branch run; without one, both patterns find the same."""
_INSTITUTION = re.compile(
    "|".join(
        [*(row[0] for row in table("institution_types.tsv")), *word_list("bare_institutions.txt")]
    )
)
"""Whether a text may name an enterprise or a school (the same for their branch)."""


@cache
def _org_regex(
    towns: bool = False, institutions: bool = False, bound: bool = False
) -> re.Pattern[str]:
    """The organization pattern; ``towns``: with the branch for a town's or street's union,
    which starts with lookbehinds and so is tried at every position of the text (it made the
    pattern 1.7 times as slow); ``institutions``: with the branches for enterprises and
    schools (the same); ``bound``: with the branch for a district named by a word (城区)."""
    cores = _alt(row[0] for row in table("org_cores.tsv"))
    national = _alt(row[0] for row in table("national_orgs.tsv"))
    forms = _alt(place_forms())
    provinces = _alt(name for row in table("provinces.tsv") for name in row)
    # a place the gazetteer lacks (another province's city): two characters and a suffix, at a
    # word boundary, not starting with a function word (so 推动市总工会 is not a place)
    # ... nor a verb that puts a person in a post (选举市人大常委会副主任谢振邦为…)
    # ... nor a verb that takes a body as its object (支持县总工会, 报送市总工会…; object_verbs.txt)
    verbs = _alt(
        v
        for name in ("election_verbs.txt", "appointment_verbs.txt", "object_verbs.txt")
        for v in word_list(name)
        if len(v) == 2
    )
    # ... nor 年 or 月 (2025年全市工会, 今年县总工会: a date, then the city's or county's unions)
    head = f"[^{_NOT_NAME}年月\\W\\d_a-zA-Z]"
    # ... nor a time word ending in 后 (节后区总工会将…: after the holiday, the district's union),
    # nor a verb ending in 有 (还有区政协委员…, 共有市级…: and the district's)
    generic = f"(?!{verbs}){head}[^{_NOT_NAME}年月后有\\W\\d_a-zA-Z](?:市|区|县)"
    generic_city = f"(?!{verbs}){head}[{_CJK}]市"  # 湘潭市雨湖区总工会: the district's
    # (after 和/与/及, a city the gazetteer lacks is a place only with a district after it:
    # …和湘潭市雨湖区总工会 is one, 推动和协调市总工会 is none)
    short = "|".join(
        f"{re.escape(written)}(?!{not_after})"
        for written, _, _, not_after in table("org_short_forms.tsv")
    )
    # a district named by a word (城区总工会, 城区区委: 汕尾市城区's, in a report on 汕尾市)
    bound_branch = (
        f"|(?:(?<![{_CJK}])|(?<=[{_NOT_NAME}]))(?P<cbound>{_alt(city_bound_forms())})"
        f"(?P<cbrepeat>区(?=委))?(?P<cbcore>{cores})"
    )
    # the branches in their order of priority, each group behind the characters it can start with
    named = f"(?={first_chars((row[0] for row in table('national_orgs.tsv')), place_forms())})"
    bare = f"(?={first_chars(place_forms(), '省市区县')})"
    zones = _alt(word_list("zone_types.txt"))
    # a town's or street's union (狮岭镇总工会): a name of two or three characters (no 是, 的 or
    # 年 in it: 驿站是镇总工会去年建起来的, 明年镇总工会将…) that starts where a word can (after a
    # place, a function word or no Chinese character: in 组织虎门镇 nothing tells where the name
    # starts); a generic 乡镇总工会 has no name before its 镇
    town_start = (
        f"(?:(?={first_chars(place_forms())})(?P<tparent>{forms})|(?<![{_CJK}])|(?<=[{_NOT_NAME}]))"
    )
    town = (
        f"(?P<town>[^{_NOT_NAME}\\W\\d_a-zA-Z](?:(?![是的年各每全该])[{_CJK}]){{1,2}}?)"
        f"(?P<tsuffix>{_alt(word_list('town_types.txt'))})"
        f"(?:(?P<tcore>总工会|工会|党委|党工委|{_alt(_TOWN_BODIES)})"
        f"(?:(?<=工会)(?P<tunit>{_alt(union_units())}))?"
        # …or a joint union of the town's enterprises of one trade (汤塘镇温泉酒店行业联合工会)
        f"|(?P<tmid>{_JOINT_MID})(?P<tjoint>{_alt(joint_unions())}))"
    )
    # the town's union named by its kind alone, after a post in the town (浛洸镇党委副书记、
    # 镇总工会主席): at a clause's or a chain item's start
    town_own = (
        f"(?<=[、，；])(?P<townown>{_alt(word_list('town_types.txt'))})"
        f"(?:总?工会|(?P<ownparty>党委|党工委)|(?P<ownbody>{_alt(_TOWN_BODIES)}))"
    )
    # an enterprise or a school, named as written: a place and up to ten characters before
    # its ending (汕头金舟纺织有限公司, 韶关学院), none of them a function word or 的 (韶关市各高校
    # 和职业学院 names none), nor 首家 or 一家 (金湾首家商务楼宇联合工会: the place's first such
    # body; 南山区一家电子厂: some factory); a name without a place (载体的工匠学院, 职业教育学院)
    # is too often a kind of school, not one
    endings = _alt(row[0] for row in table("institution_types.tsv"))
    institution = (
        f"|(?={first_chars(place_forms(), county_short_forms())})"
        f"(?:(?P<iplace>{forms})(?P<iplace2>{forms})?|(?P<ishort>{_alt(county_short_forms())}))"
        f"(?P<imid>(?!和)(?:(?!首[家个批]|一[家个所])(?:[^{_NOT_IN_NAME}和的\\W\\d_a-zA-Z]|(?<![市区县省镇乡])和)){{0,10}}?)(?P<iend>{endings})(?P<iunion>工会|{_alt(PARTY_COMMITTEES)})?"
        # the article's own city's or county's hospital or joint union of one trade, after a
        # bare 市/区/县 (县人民医院, 市网约车行业工会联合会)
        f"|(?<![{_NOT_BEFORE_BARE}])(?P<ibare>市|区|县)"
        f"(?:(?P<ibend>{_alt(word_list('bare_institutions.txt'))})(?P<ibunion>工会)?"
        # (not a word the level starts: 市场, 市民, 县城, 区域, 市级, 县直 …)
        f"|(?![场民区城级域直属内外])(?P<ibmid>{_JOINT_MID})(?P<ibjoint>{_alt(joint_unions())}))"
    )
    # a place's 工会 before 联合(总)会 starts another body's name (香港工会联合会 is not 香港's
    # 总工会; 某区工会联合会 is read whole, by its ending, below)
    # a bare 省/市/区/县 is the article's own unless a word or a quantifier ends before it
    # (全市, 城区, 社区; 各区总工会, 每个区总工会: every district's, in a city's notice; 县级市总工会)
    return re.compile(
        f"{named}(?:(?P<national>{national})|(?P<place>{forms})(?P<zone>{zones})?(?P<core>{cores})(?!(?<=工会)联合))"
        f"{f'|{town_start}{town}|{town_own}' if towns else ''}"
        f"{bound_branch if bound else ''}"
        f"|(?:(?<![{_CJK}])(?:{provinces})?(?:{generic_city})?|(?<=[和与及])(?:{generic_city}))"
        f"(?P<generic>{generic})(?P<gcore>{cores})"
        f"|{bare}(?:(?<![{_NOT_BEFORE_BARE}])(?P<bare>省|市|区|县)(?P<bcore>{cores})"
        f"|(?<![{_NOT_BEFORE_BARE}])(?P<splace>{forms}|省|市|区|县)(?P<short>{short}))"
        f"{institution if institutions else ''}"  # last: 市总工会联合韶关学院 is two
    )


@cache
def _short_forms() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in table("org_short_forms.tsv")}


@cache
def _cores() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in table("org_cores.tsv")}


@cache
def _nationals() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in table("national_orgs.tsv")}


def find_orgs(
    text: str, city: str | None, province: str | None, county: str | None = None
) -> list[OrgMatch]:
    """Organization names in ``text``, left to right; ``city``/``province``/``county`` resolve
    a bare 市/省 and 区/县 (``区总工会`` in a report on 电白区 is 电白区总工会)."""
    return list(_find_orgs(text, city, province, county))


@lru_cache(maxsize=2048)
def _find_orgs(
    text: str, city: str | None, province: str | None, county: str | None
) -> tuple[OrgMatch, ...]:
    """Several extractors look for organizations in the same sentence: each sentence is
    scanned once (the matches are immutable)."""
    out: list[OrgMatch] = []
    towns_seen: dict[str, tuple[str, str | None]] = {}  # town as written -> its name, place
    towns = _TOWN_UNION.search(text) is not None
    institutions = _INSTITUTION.search(text) is not None
    bound = any(form in text for form in city_bound_forms())
    for m in _org_regex(towns, institutions, bound).finditer(text):
        if m.group("national"):
            canon, kind = _nationals()[m.group("national")]
            place = None
            if "{province}" in canon or "{city}" in canon:
                place = province if "{province}" in canon else city
                if place:
                    canon = canon.replace("{province}", place).replace("{city}", place)
            found = _in_committee(
                text, OrgMatch(m.start(), m.end(), m.group(), canon, kind, place), out
            )
            if found is not None and "{" not in found.name:  # else no place to name it by
                unit = next((u for u in union_units() if text.startswith(u, m.end())), None)
                if unit is not None and found.kind == "union":  # 省总工会法律工作部: its part
                    end = m.end() + len(unit)
                    name = found.name + union_unit_names()[unit]
                    found = OrgMatch(found.start, end, text[found.start : end], name, "unit", place)
                out.append(found)
            continue
        if m.group("zone"):  # 湛江经济技术开发区总工会: a zone's union, in its city
            if m.group("core") not in ("工会", "总工会"):
                continue
            place = place_forms()[m.group("place")]
            name = place.removesuffix("市") + m.group("zone") + "总工会"
            out.append(OrgMatch(m.start(), m.end(), m.group(), name, "union", place))
            continue
        if institutions and m.group("ibare"):
            place = _bare_place(m.group("ibare"), city, province, county)
            if place is not None:
                ending = m.group("ibend") or m.group("ibmid") + m.group("ibjoint")
                own = m.group("ibunion")
                joint = own or m.group("ibjoint") or ending.endswith("工会")
                kind = "union" if joint else _institution_kinds()[ending]
                name = place + ending + (own or "")
                out.append(OrgMatch(m.start(), m.end(), m.group(), name, kind, place))
            continue
        if institutions and m.group("iend"):
            short = m.group("ishort")
            if short and not _in_article_place(county_short_forms()[short], city, county):
                continue  # 紫金矿业… in a report from elsewhere: no place known to start it
            # a one-character ending needs a name before it, and 厂务 (a factory's affairs) is a
            # word: 区厂务公开领导小组 names no factory 区厂
            iend = m.group("iend")
            if len(iend) > 1 or (m.group("imid") and not text.startswith("务", m.end("iend"))):
                out.append(_institution(m))
            continue
        if towns and m.group("town"):  # 狮岭镇总工会: in the place before it, or the article's
            parent = m.group("tparent")
            place = place_forms()[parent] if parent else county or city
            town = (place or "") + m.group("town") + m.group("tsuffix")
            if m.group("tjoint"):  # 马滘街道物流行业联合工会: the trade's joint union in the town
                name, kind = town + m.group("tmid") + m.group("tjoint"), "union"
            elif m.group("tcore").startswith("党"):  # 浛洸镇党委: the town's party committee
                name, kind = town + m.group("tcore"), "party"
            elif m.group("tcore") in _TOWN_BODIES:  # 民治街道办事处, 长安镇人民政府
                ending, kind = _TOWN_BODIES[m.group("tcore")]
                name = town + ending
            elif m.group("tunit"):  # 长安镇总工会权益保障部: a part of the town's union
                name, kind = town + "总工会" + union_unit_names()[m.group("tunit")], "unit"
            else:
                name, kind = town + "总工会", "union"
            end, name, kind = _with_own_union(text, m.end(), name, kind)  # 连滩镇人民政府工会
            out.append(OrgMatch(m.start(), end, text[m.start() : end], name, kind, place))
            towns_seen[m.group("town") + m.group("tsuffix")] = (town, place)
            continue
        if towns and m.group("townown"):  # 镇总工会: the union of the town named before
            party = next(
                (
                    o
                    for o in reversed(out)
                    if o.kind == "party"
                    and o.name.endswith(
                        (m.group("townown") + "党委", m.group("townown") + "党工委")
                    )
                ),
                None,
            )
            if party is not None and m.group("ownparty"):  # 镇党委委员: the same committee
                out.append(
                    OrgMatch(m.start(), m.end(), m.group(), party.name, "party", party.place)
                )
            elif party is not None:
                ending, kind = _TOWN_BODIES.get(m.group("ownbody"), ("总工会", "union"))
                name = committee_of(party.name) + ending
                out.append(OrgMatch(m.start(), m.end(), m.group(), name, kind, party.place))
            elif (seen := _last_town(towns_seen, m.group("townown"))) is not None:
                # 石扇镇团委书记、镇党委副书记: the town another body of it was named in
                town, place = seen
                if m.group("ownparty"):
                    name, kind = town + m.group("ownparty"), "party"
                else:
                    name, kind = _TOWN_BODIES.get(m.group("ownbody"), ("总工会", "union"))
                    name = town + name
                out.append(OrgMatch(m.start(), m.end(), m.group(), name, kind, place))
            continue
        if bound and m.group("cbound"):
            place = city_bound_forms()[m.group("cbound")]
            if city_of(place) != city:
                continue
            ending, kind = _cores()[m.group("cbcore")]
            name = place + (m.group("cbrepeat") or "") + ending
            out.append(OrgMatch(m.start(), m.end(), m.group(), name, kind, place))
            continue
        if m.group("place"):
            place, core = place_forms()[m.group("place")], m.group("core")
            if core in ("工会", "总工会") or m.group("place") == place:
                pass
            elif core not in ("工会",):
                # a short city name (河源) only names a union (河源工会), not 河源委
                continue
        elif m.group("generic"):
            place, core = m.group("generic"), m.group("gcore")
        else:
            bare = m.group("bare") or m.group("splace")
            if bare in ("省", "市", "区", "县"):
                place = _bare_place(bare, city, province, county)
                if place is None and bare in "区县":
                    place = _chain_district(text, m.start(), bare, out)
            else:  # a place name before a short form: 广州市总
                place = place_forms()[bare]
            if place is None:
                continue
            if m.group("short"):
                ending, kind = _short_forms()[m.group("short")]
                out.append(OrgMatch(m.start(), m.end(), m.group(), place + ending, kind, place))
                continue
            core = m.group("bcore")
        ending, kind = _cores()[core]
        if ending == "委" and place.endswith("省"):
            name = place + "委"
        else:
            name = place + ending
        start = m.start()
        league = next((w for w in _YOUTH_LEAGUE if text.endswith(w, 0, start)), None)
        if ending == "委" and league:  # 共青团增城区委, 团区委: the Youth League's committee
            start, name, kind = start - len(league), "共青团" + name, "other"
        end, name, kind = _with_own_union(text, m.end(), name, kind)  # 郁南县交通运输局工会
        out.append(OrgMatch(start, end, text[start:end], name, kind, place))
    if towns_seen:  # a town named before starts anywhere: …组建官圩镇贡柑种植行业联合工会
        joint = [
            OrgMatch(m.start(), m.end(), m.group(), town + m.group(1) + m.group(2), "union", place)
            for written, (town, place) in towns_seen.items()
            for m in re.finditer(
                f"{re.escape(written)}({_JOINT_MID})({_alt(joint_unions())})", text
            )
        ]
        joint = [j for j in joint if not any(o.start < j.end and j.start < o.end for o in out)]
        if joint:
            out = sorted([*out, *joint], key=lambda o: o.start)
    if _GROUP_END.search(text):
        for group in _groups(text, city, province, county):
            if not any(o.start < group.end and group.start < o.end for o in out):
                out.append(group)
        out.sort(key=lambda o: o.start)
    return tuple(out)


def _bare_place(
    bare: str, city: str | None, province: str | None, county: str | None
) -> str | None:
    """The place a bare 省/市/区/县 means: the article's province or city, or its county when
    of that level (区 in a report on a 区)."""
    if bare in "区县":
        return county if county and county.endswith(bare) else None
    return {"省": province, "市": city}.get(bare)


_GROUP_END = re.compile("领导小组|协调小组|工作小组")


@cache
def _group_regex() -> re.Pattern[str]:
    """A place's standing group on one task (禅城区厂务公开领导小组, 区厂务公开领导小组办公室): the
    place (or a bare 省/市/区/县 not inside a word, the article's), the task in two to ten
    characters with no function word, then the group's kind and, if written, its office."""
    forms = _alt(place_forms())
    return re.compile(
        f"(?:(?P<place>{forms})|(?<![{_CJK}])(?P<bare>省|市|区|县))"
        f"(?P<task>[^{_NOT_IN_NAME}的\\W\\d_a-zA-Z]{{2,10}}?)"
        "(?P<end>工作领导小组|领导小组|协调小组|工作小组)(?P<office>办公室)?"
    )


def _groups(text: str, city: str | None, province: str | None, county: str | None):
    """The standing groups named in ``text`` (see :func:`_group_regex`), kind ``other``."""
    for m in _group_regex().finditer(text):
        bare = m.group("bare")
        if bare:
            place = _bare_place(bare, city, province, county)
        else:
            place = place_forms()[m.group("place")]
        if not place or "工会" in m.group("task") or "委" in m.group("task"):
            continue
        name = place + m.group("task") + m.group("end") + (m.group("office") or "")
        yield OrgMatch(m.start(), m.end(), m.group(), name, "other", place)


_YOUTH_LEAGUE = ("共青团", "团")
"""What written right before a place's 委 makes it the Communist Youth League's committee of
the place (共青团增城区委, 团区委, 团市委), not the party's."""


def _chain_district(text: str, at: int, level: str, before: list[OrgMatch]) -> str | None:
    """The district (county) of a bare 区 (县) written in a chain of posts right after another
    organization of a district (county), when the article's own county is of another level
    (阳东区人大常委会副主任、区总工会主席翟秀珍 in a report on 阳春市: 阳东区总工会)."""
    last = before[-1] if before else None
    if last is None or not last.place or not last.place.endswith(level):
        return None
    between = text[last.end : at]
    return last.place if between.endswith("、") and not re.search("[，。；：]", between) else None


def _institution(m: re.Match[str]) -> OrgMatch:
    """An enterprise or a school as written, in the place it is named after (the last of two:
    佛山市顺德区…), or its union when
    工会 follows (惠州比亚迪电子有限公司工会), or its party committee (…有限公司党委: its 书记 is
    the committee's, as a town's 党委 is the town's)."""
    own = m.group("iunion")
    kind = ("union" if own == "工会" else "party") if own else _institution_kinds()[m.group("iend")]
    # 佛山市顺德区嘉禾五金制品有限公司: in the district written after its city
    if m.group("ishort"):  # 台山核电合营有限公司: in 台山市
        place = county_short_forms()[m.group("ishort")]
    else:
        place = place_forms()[m.group("iplace2") or m.group("iplace")]
    return OrgMatch(m.start(), m.end(), m.group(), m.group(), kind, place)


def _in_article_place(place: str, city: str | None, county: str | None) -> bool:
    """Whether a county-level ``place`` is the article's county or lies in the article's city
    (which may itself be county-level: 台山市)."""
    return place == county or (city is not None and city_of(place) == city_of(city))


@cache
def _institution_kinds() -> dict[str, str]:
    return {row[0]: row[1] for row in table("institution_types.tsv")}


@cache
def _bare_party_departments() -> frozenset[str]:
    """Departments written without their committee (组织部), which national_orgs.tsv gives to
    the article city's party committee."""
    return frozenset(
        row[0] for row in table("national_orgs.tsv") if row[1] == f"{{city}}委{row[0]}"
    )


NAMED_AS_WRITTEN = ("company", "hospital", "school", "care")
"""The kinds of organization named as written (an enterprise, a hospital, a school, a care home:
:func:`_institution`), whose name's words say nothing of other bodies."""

WORKPLACES = {"company": "公司", "hospital": "医院"}
"""The kinds of organization a report may be about as a workplace (the staff's posts, union and
party committee are its), with the bare word that means it in such a report (公司, 医院)."""
BARE_WORKPLACE = {**{word: kind for kind, word in WORKPLACES.items()}, "集团": "company"}
"""The bare words that mean the workplace in a report about it, with its kind: 公司, 医院, and 集团
for a group's company (珠海…港务集团有限公司, then 集团党委书记、董事长闵国梁)."""

PARTY_COMMITTEES = ("党工委", "党委", "党总支", "党支部")
"""A party committee of a town, street, enterprise, hospital or school, after its name (浛洸镇
党委, 桂城街道党工委, …有限公司党支部)."""
_PARTY_COMMITTEE = re.compile(f"(?:{'|'.join(PARTY_COMMITTEES)})$")


def institution_of(org: OrgMatch) -> OrgMatch | None:
    """The enterprise, hospital or school whose union or party committee ``org`` is (高要区人民
    医院工会 -> 高要区人民医院), as written before the suffix; None for any other."""
    if org.kind not in ("union", "party"):
        return None
    name = committee_of(org.name.removesuffix("工会"))
    if name == org.name or not name.endswith(tuple(_institution_kinds())):
        return None
    kind = next(k for e, k in _institution_kinds().items() if name.endswith(e))
    if kind not in NAMED_AS_WRITTEN:
        return None
    return OrgMatch(org.start, org.start + len(name), name, name, kind, org.place)


@cache
def union_units() -> tuple[str, ...]:
    """The parts of a union written after its name (法律工作部, 女职工委员会, 经审会: the ``unit``
    rows of ``org_cores.tsv``), longest first."""
    return tuple(sorted(union_unit_names(), key=lambda u: (-len(u), u)))


@cache
def union_unit_names() -> dict[str, str]:
    """Each part of a union as written -> its full name (经审会 -> 经费审查委员会)."""
    return {
        row[0].removeprefix("总工会"): row[1].removeprefix("总工会")
        for row in table("org_cores.tsv")
        if row[2] == "unit"
    }


_OWN_UNION_KINDS = ("department", "government")
"""Bodies whose own union is written as their name and 工会 (郁南县交通运输局工会, 连滩镇人民政府
工会); an enterprise's is read with its name (the institutions' ``iunion``)."""


def _with_own_union(text: str, end: int, name: str, kind: str) -> tuple[int, str, str]:
    """The body found up to ``end``, or its own union when 工会 follows a department's or a
    government's name: (end, name, kind)."""
    if kind in _OWN_UNION_KINDS and text.startswith("工会", end):
        return end + 2, name + "工会", "union"
    return end, name, kind


def _last_town(seen: dict[str, tuple[str, str | None]], kind: str) -> tuple[str, str | None] | None:
    """The town of kind ``kind`` (镇, 街道) the text named last, by its name and place."""
    return next((v for k, v in reversed(seen.items()) if k.endswith(kind)), None)


def committee_of(name: str) -> str:
    """What a party committee is the committee of (浛洸镇党委 -> 浛洸镇, 桂城街道党工委 -> 桂城街道,
    …有限公司党委 -> …有限公司): the body whose union a bare 总工会/工会 after it means."""
    return _PARTY_COMMITTEE.sub("", name)


def body_of_committee(org: OrgMatch) -> OrgMatch | None:
    """The government department whose party committee ``org`` is (珠海市国资委党委 -> 珠海市
    国资委), for the posts after it in a chain (党委委员、副主任卞志远: the commission's 副主任);
    None for any other organization."""
    body = committee_of(org.name)
    if org.kind != "party" or body == org.name:
        return None
    ends = tuple(canon for canon, kind in _cores().values() if kind == "department")
    if not body.endswith(ends):
        return None
    return OrgMatch(
        org.start, org.end - (len(org.name) - len(body)), body, body, "department", org.place
    )


_UNPLACED_COMMITTEE = re.compile("(?:区|县|镇|街道)(?:党工|党)?委")
"""A committee below the city written bare (区委常委、统战部部长): whose, when the article names
no district or county, the gazetteer cannot say."""


def _in_committee(text: str, department: OrgMatch, before: list[OrgMatch]) -> OrgMatch | None:
    """A bare party department (组织部) as the department of the party committee named just
    before it in the same clause: 清城区委常委、组织部部长 is 清城区委组织部, 广东省委常委、宣传部部长
    广东省委宣传部, not the article city's; None when that committee is one the gazetteer could
    not place (区委常委、统战部部长 in a report naming no district: not the city's department).
    Otherwise ``department`` as it is."""
    committee = before[-1] if before else None
    clause = re.split(r"[，。；：！？]", text[committee.end if committee else 0 : department.start])
    if department.text in _bare_party_departments() and _UNPLACED_COMMITTEE.search(clause[-1]):
        return None
    if (
        committee is None
        or committee.kind != "party"
        or department.text not in _bare_party_departments()
        or re.search(r"[，。；：！？]", text[committee.end : department.start])
    ):
        return department
    name = committee.name + department.text
    return OrgMatch(
        department.start, department.end, department.text, name, department.kind, committee.place
    )


@cache
def _place_regex() -> re.Pattern[str]:
    forms = [f for f in place_forms() if f not in ("中山",)]
    return re.compile(f"(?={first_chars(forms)})(?<!全)(?:{_alt(forms)})")


def find_places(text: str) -> list[tuple[int, int, str]]:
    """Known places named in ``text``: (start, end, canonical name)."""
    return [(m.start(), m.end(), place_forms()[m.group()]) for m in _place_regex().finditer(text)]
