"""What every extractor of one document may read: the document, its segmentation, the article's
city and province, and names the structure already vouches for (speakers, bylines)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kg.gazetteer import city_of, find_orgs, find_places, place_forms, province_of
from kg.records import Document, Evidence
from kg.segment import Segmented, Sentence

DEFAULT_PROVINCE = "广东省"


@dataclass(frozen=True, slots=True)
class Context:
    doc: Document
    seg: Segmented
    city: str | None
    province: str
    speakers: frozenset[str]
    county: str | None = None
    """The district or county the article is about, if it names one of its city's (the one
    named most often): what a bare 区/县 (区总工会, 县委) means."""

    def evidence(self, sentence: Sentence, start: int, end: int, rule: str) -> Evidence:
        """Evidence for normalized span ``[start, end)`` inside ``sentence``."""
        norm = self.seg.norm
        o_start, o_end = norm.to_original(start, end)
        s_start, s_end = norm.to_original(sentence.start, sentence.end)
        return Evidence(
            self.doc.sha256, sentence.text.strip(), o_start, o_end, s_start, s_end, rule
        )


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
        if cities:
            city = max(cities)[1]
    province = province_of(city)
    if province is None:
        provinces = [(n, p) for p, n in counts.items() if province_of(p) == p]
        province = max(provinces)[1] if provinces else DEFAULT_PROVINCE
    speakers = frozenset(p.speaker for p in seg.paragraphs if p.kind == "answer" and p.speaker)
    counties = [
        (n, c)
        for c, n in counts.items()
        if city and c != city and city_of(c) == city and c.endswith(("区", "县"))
    ]
    county = max(counties)[1] if counties else None
    _ = place_forms  # loaded here once so worker processes warm the gazetteer with the context
    return Context(doc, seg, city, province, speakers, county)
