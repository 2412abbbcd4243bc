"""What every extractor of one document may read: the document, its segmentation, the article's
city and province, and names the structure already vouches for (speakers, bylines)."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from kg.gazetteer import (
    WORKPLACES,
    OrgMatch,
    city_of,
    find_orgs,
    find_places,
    institution_of,
    place_forms,
    province_of,
)
from kg.lexicon import word_list
from kg.records import Document, Evidence
from kg.segment import ANSWER_MARK, Segmented, Sentence

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


def build_context(doc: Document, seg: Segmented) -> Context:
    """Infer the article's city (from the interviewee line or the first line naming a city's
    organization, else the city named most often) and province."""
    city = None
    for para in seg.paragraphs:
        if para.kind in ("interviewee", "headline", "byline", "caption", "body", "answer"):
            for org in find_orgs(para.text, None, None):
                # the article's 市 is the first city named with an organization: a county-level
                # city (台山市) counts, so 市总工会 in a 台山 report is 台山市总工会
                c = org.place if org.place and org.place.endswith("市") else city_of(org.place)
                if c:
                    city = c
                    break
        if city or para.kind == "interviewee":
            break
    counts = Counter(name for _, _, name in find_places(seg.norm.text))
    if city is None:
        cities = [(n, c) for c, n in counts.items() if city_of(c) == c]
        if not cities:  # a report naming only its district (禅城区…): the district's city
            cities = [(n, city_of(c)) for c, n in counts.items() if city_of(c)]
        if cities:
            city = max(cities)[1]
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
    counties = [  # a district, a county or a county-level city (陆丰市 in 汕尾市)
        (n, c) for c, n in counts.items() if city and c != city and city_of(c) == city
    ]
    county = max(counties)[1] if counties else None
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
