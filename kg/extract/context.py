"""What every extractor of one document may read: the document, its segmentation, the article's
city and province, and names the structure already vouches for (speakers, bylines)."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, replace

from kg.gazetteer import (
    WORKPLACES,
    OrgMatch,
    city_of,
    county_short_forms,
    find_orgs,
    find_places,
    institution_of,
    place_forms,
    places,
    province_of,
)
from kg.lexicon import word_list
from kg.records import Document, Evidence
from kg.segment import ANSWER_MARK, Paragraph, Segmented, Sentence

DEFAULT_PROVINCE = "广东省"


@dataclass(frozen=True, slots=True)
class Context:
    doc: Document
    seg: Segmented
    city: str | None
    province: str
    speakers: frozenset[str]
    county: str | None = None
    """The district, county or county-level city the article is about, if it names one of its
    city's (the one named most often): what a bare 区/县 (区总工会, 县委) means, and the place of
    a town's union (陆丰市甲子镇总工会)."""
    publication: tuple[Sentence, int, int, str] | None = None
    """When the article was published (see :func:`publication_date`), if the text says."""
    workplace: OrgMatch | None = None
    """The first enterprise or hospital the article names, itself or by its union (汕头金舟纺织
    有限公司, 高要区人民医院工会): what a bare 公司 or 医院 (公司工会, 医院党委书记) means, and
    whose post a 总经理 or 院长 with no organization written holds."""
    town: OrgMatch | None = None
    """The first town's or street's union the article names (中山市小榄镇总工会): what a bare
    镇总工会 (镇总工会常务副主席吴穗君) means."""
    interviewee_union: OrgMatch | None = None
    """The union the interviewee's line names (江门市新会区总工会主席 李慧玲：): whose work the
    answers report when they name no one (我们…, 新培育区级工匠60名)."""
    item_union: str | None = None
    """In an item of a roundup (■浈江区：…), the union of the place the item is about: whose work
    its statements report when they name no one (今年以来，…走进企业46家)."""

    @property
    def year(self) -> int | None:
        """The year the article was published in, if the text says: what 今年 and 去年 count from."""
        return int(self.publication[3][:4]) if self.publication else None

    @property
    def month(self) -> int | None:
        """The month the article was published in, if the text says: whether a month a plan
        names (8月上旬) is still to come this year."""
        return int(self.publication[3][5:7]) if self.publication else None

    def evidence(self, sentence: Sentence, start: int, end: int, rule: str) -> Evidence:
        """Evidence for normalized span ``[start, end)`` inside ``sentence``."""
        norm = self.seg.norm
        o_start, o_end = norm.to_original(start, end)
        s_start, s_end = norm.to_original(sentence.start, sentence.end)
        return Evidence(
            self.doc.sha256, sentence.text.strip(), o_start, o_end, s_start, s_end, rule
        )


_INTERVIEWED = re.compile("采访了|专访了")
"""A lead that names whom the reporter interviewed, when the answers do not (答：…)."""


_VISITS_US = re.compile("(?:到|来|赴|莅临|走进)我(?:市|县|区)")
"""A guest's visit to the paper's own place (…率深圳市总工会考察团到我市): the bodies named before it
are the guests', not the article's. (到汕尾 is no such mark: a city's union reports its own
delegation's visits elsewhere with the same words.)"""


def build_context(doc: Document, seg: Segmented, within: str | None = None) -> Context:
    """Infer the article's city (from the interviewee line or the first line naming a city's
    organization, else the city named most often) and province; ``within``: of one item of a
    roundup only (see :func:`section_contexts`), whose ``seg`` shows that item's paragraphs
    alone, and which is about this place (an item's line names it: ■浈江区：…)."""
    city = elsewhere = None
    for para in seg.paragraphs:
        if para.kind in ("interviewee", "headline", "deck", "byline", "caption", "body", "answer"):
            visit = _VISITS_US.search(para.text)
            for org in find_orgs(para.text, None, None):
                # the article's 市 is the first city named with an organization: a county-level
                # city (台山市) counts, so 市总工会 in a 台山 report is 台山市总工会
                c = org.place if org.place and org.place.endswith("市") else city_of(org.place)
                if c and (c not in places() or (visit and org.end <= visit.start())):
                    # 毕节市总工会 visiting 天河区, 深圳市总工会…考察团到我市: a guest's city,
                    elsewhere = elsewhere or c  # the article's only if it names no other
                elif c:
                    city = c
                    break
        if city or para.kind == "interviewee":
            break
    text = "\n".join(p.text for p in seg.paragraphs) if within is not None else seg.norm.text
    counts = Counter(name for _, _, name in find_places(text))
    if city is None:
        cities = [(n, c) for c, n in counts.items() if city_of(c) == c]
        if not cities:  # a report naming only its district (禅城区…): the district's city
            cities = [(n, city_of(c)) for c, n in counts.items() if city_of(c)]
        if cities:
            city = max(cities)[1]
    city = city or elsewhere  # a report from another province's city (长沙市总工会…)
    province = province_of(city)
    if province is None:
        provinces = [(n, p) for p, n in counts.items() if province_of(p) == p]
        province = max(provinces)[1] if provinces else DEFAULT_PROVINCE
    # the names speaking in answer turns (答：marks a turn, it names no one)
    speakers = frozenset(
        p.speaker
        for p in seg.paragraphs
        if p.kind == "answer" and p.speaker and p.speaker != ANSWER_MARK
    )
    if within is not None and city is None:
        # an item on a county-level city (兴宁：…) is that city's: its 市总工会 is 兴宁市总工会
        level = places()[within].level if within in places() else None
        city = within if level == "county_city" else city_of(within)
        province = province_of(city) or province
    counties = [  # a district, a county or a county-level city (陆丰市 in 汕尾市)
        (n, c) for c, n in counts.items() if city and c != city and city_of(c) == city
    ]
    county = max(counties)[1] if counties else None
    if within is not None and within != city and city_of(within) == city:
        county = within  # ■浈江区：… is about 浈江区, whatever else it names
    _ = place_forms  # loaded here once so worker processes warm the gazetteer with the context
    workplace = next(  # the enterprise or hospital a report is about: the first one named,
        (  # itself or by its union (高要区人民医院工会主席、医院党委委员邓志坚)
            found
            for para in seg.paragraphs
            if any(word in para.text for word in WORKPLACES.values())
            for org in find_orgs(para.text, city, province, county)
            if (found := org if org.kind in WORKPLACES else institution_of(org))
            and found.kind in WORKPLACES
        ),
        None,
    )
    kinds = word_list("town_types.txt")  # 镇, 街道
    town = next(
        (
            org
            for para in seg.paragraphs
            if any(kind in para.text for kind in kinds)
            for org in find_orgs(para.text, city, province, county)
            if org.kind == "union" and org.name.endswith(tuple(k + "总工会" for k in kinds))
        ),
        None,
    )
    # the interviewee's union: from the interviewee's line, else (answers marked 答：) from the
    # sentence that says whom the reporter interviewed (记者…采访了…县总工会主席黄少峰)
    answers = any(p.kind == "answer" for p in seg.paragraphs)
    interviewee_union = next(
        (
            unions[-1]
            for para in seg.paragraphs
            if (
                para.kind == "interviewee"
                or (answers and para.kind in ("body", "byline") and _INTERVIEWED.search(para.text))
            )
            and (
                unions := [
                    o for o in find_orgs(para.text, city, province, county) if o.kind == "union"
                ]
            )
        ),
        None,
    )
    return Context(
        doc,
        seg,
        city,
        province,
        speakers,
        county,
        publication_date(seg.sentences),
        workplace,
        town,
        interviewee_union,
    )


_ITEM = re.compile(r"[■●◆【]")
"""What starts the line of an item of a roundup (■浈江区：“送健康”活动走进产业园, 【南山】…)."""
_ITEM_LINE_MOST = 40


def _item_place(text: str) -> str | None:
    """The place an item's line starts with, after its mark (■饶平县三饶镇：… -> 饶平县, 【南山】 ->
    南山区), or a paragraph that starts with a place and a colon (梅江区：区人大常委会副主任…;
    兴宁：… -> 兴宁市); None for any other line."""
    if _ITEM.match(text):
        if len(text) > _ITEM_LINE_MOST or text.endswith("。"):
            return None
        at = 1
    elif _COLON_ITEM.match(text):
        at = 0
    else:
        return None
    # (a paragraph's place must be all that stands before its colon)
    named = [(end, place) for start, end, place in find_places(text) if start == at]
    shorts = county_short_forms()
    named += [(at + len(w), shorts[w]) for w in shorts if text.startswith(w, at)]
    return next((place for end, place in named if at or text.startswith(("：", ":"), end)), None)


_COLON_ITEM = re.compile(r"[\u4e00-\u9fff]{2,9}[：:]")
"""A paragraph opening with a name and a colon: a roundup's item when the name is a place."""


def section_contexts(ctx: Context) -> list[Context]:
    """The article's parts, each with its own context: a roundup (工会动态: ■海珠区：…, ■浈江区：…,
    items of several places, each with its own byline and officials) is read item by item, so
    that a bare 区总工会 or a town's 镇党委 in an item is that item's place's, not the place the
    whole article names most; what comes before the first item (masthead, column title) keeps
    the article's context. One part, the article itself, for any other article (fewer than two
    items, or all of one place)."""
    seg = ctx.seg
    items = [(p.index, place) for p in seg.paragraphs if (place := _item_place(p.text))]
    if len(items) < 2 or len({place for _, place in items}) < 2:
        return [ctx]
    bounds = [i for i, _ in items] + [len(seg.paragraphs)]
    parts = [_part(ctx, 0, bounds[0], None)]
    for (start, place), end in zip(items, bounds[1:], strict=True):
        parts.append(_part(ctx, start, end, place))
    return parts


def _part(ctx: Context, start: int, end: int, place: str | None) -> Context:
    """The context of paragraphs ``[start, end)``: their sentences alone (the other paragraphs
    blank, so that indices hold), the article's context for its head (``place`` None), else
    inferred from the item's own text; the publication date is the article's."""
    seg = ctx.seg
    sentences = tuple(s for s in seg.sentences if start <= s.para < end)
    if place is None:
        return replace(ctx, seg=Segmented(seg.norm, seg.paragraphs, sentences))
    paragraphs = tuple(
        p if start <= p.index < end else Paragraph(p.index, p.start, p.start, "", "junk", None)
        for p in seg.paragraphs
    )
    part = build_context(ctx.doc, Segmented(seg.norm, paragraphs, sentences), within=place)
    return replace(
        part,
        seg=Segmented(seg.norm, seg.paragraphs, sentences),
        publication=ctx.publication,
        item_union=place + "总工会",
    )


_DATE = re.compile(r"(20\d{2}|19\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})(?!\d)日?")
_PAGE_DATE = re.compile(r"(?:发布时间|发布日期|发稿时间|发布|日期|时间)\s*[:：]\s*")
_SIGNATURE_LINES = 3
"""A notice is signed at its end, the issuer's name and then the date alone on a line, within
its last few lines."""
_HEAD_LINES = 6
"""Lines at the top where a masthead or a source line carries the date."""
_META_LINE_MOST = 40
_PROSE = re.compile(r"[，。；！？,;!?]")


def publication_date(sentences: tuple[Sentence, ...]) -> tuple[Sentence, int, int, str] | None:
    """When the article was published, as ``YYYY-MM-DD`` with the sentence and span stating it:
    a web page's line of metadata (发布时间：2026-04-02 09:15, 发布日期：2026年4月2日), else the
    date a notice is signed with, alone on one of its last lines (2026年5月20日). A date that is
    no calendar day is no date."""
    for sent in sentences:
        m = _PAGE_DATE.search(sent.text)
        if m and sent.kind == "junk":
            d = _DATE.match(sent.text, m.end())
            if d and (date := _iso(d)):
                return sent, d.start(), d.end(), date
    paras = sorted({s.para for s in sentences})
    last = paras[-_SIGNATURE_LINES:]
    for sent in reversed([s for s in sentences if s.para in last]):
        d = _DATE.fullmatch(sent.text.strip())
        if d and (date := _iso(d)):
            at = sent.text.index(d.group())
            return sent, at, at + len(d.group()), date
    first = paras[:_HEAD_LINES]
    for sent in [s for s in sentences if s.para in first] + [
        s for s in sentences if s.para in last
    ]:
        if found := _meta_line_date(sent):
            return found
    return None


def _meta_line_date(sent: Sentence) -> tuple[Sentence, int, int, str] | None:
    """The one date of a line of metadata, not prose: short, with no sentence punctuation, as a
    newspaper's masthead (《南粤工运报》2025年12月20日 第3版), a source line under the
    headline (肇庆市总工会  2026-12-29 16:05) or a closing credit (（英德市总工会供稿
    2026-03-13）) are; a line with a clause in it (2026年1月16日，…召开) is the report's."""
    text = sent.text
    if len(text.strip()) > _META_LINE_MOST or _PROSE.search(text):
        return None
    dates = list(_DATE.finditer(text))
    if len(dates) != 1 or not (date := _iso(dates[0])):
        return None
    return sent, dates[0].start(), dates[0].end(), date


def _iso(m: re.Match[str]) -> str | None:
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None
