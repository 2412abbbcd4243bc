"""The article itself: series and number, headline, interviewee, reporters and correspondents,
and the date it was published when the text gives one.

Bylines of the genre: ``全媒体记者彭新启 通讯员黄翠`` (interview series), ``本报讯（记者… 通讯员…）``
(reports), ``…网讯（图/… 文/… 编辑/…）`` (web reprints). Role words are data
(``byline_roles.tsv``); the names after a role run until the next role word. A name ending like a
publicity office (``珠工宣``; ``collective_bylines.txt``) is a collective byline, not a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg.extract.context import Context
from kg.extract.names import surname_len
from kg.extract.people import find_posts
from kg.lexicon import table, word_list
from kg.normalize import line_patterns
from kg.quantities import chinese_numeral
from kg.records import Evidence, Fact, Mention, Ref
from kg.segment import CJK_RUN, NAME_SHAPE, Sentence, byline_roles
from kg.segment import DATELINE as DATELINE_RE


@cache
def _roles() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = table("byline_roles.tsv")
    return re.compile("|".join(map(re.escape, byline_roles()))), {r[0]: r[1] for r in rows}


def series_number(text: str) -> int | None:
    """The number closing a series line: ⑭, 2, 十四."""
    m = line_patterns()["series"].search(text)
    if not m:
        return None
    token = re.sub(r"^(?:访谈|专访|系列报道|系列)\s*", "", m.group()).strip()
    circled = {g: int(v) for g, v in table("series_numbers.tsv")}
    if token in circled:
        return circled[token]
    if token.isdigit():
        return int(token)
    value = chinese_numeral(token)
    return int(value) if value is not None and value == int(value) else None


def is_collective(name: str) -> bool:
    """A byline signed by an office (珠工宣), not a person. Decided by the ending only: a
    reporter whose surname is rare (or OCR-damaged) is still a person."""
    return any(name.endswith(s) for s in word_list("collective_bylines.txt"))


def _names_in(segment: str) -> list[tuple[str, int, int]]:
    """The names (name, start, end) in a byline's list after a role word: runs of two to four
    Chinese characters; a surname standing alone before one or two characters, a space between
    (OCR's 冯 嘉琪), is one name with them, and so is a name of one given character before one
    more that is no surname (欧阳雪 婷)."""
    runs = list(CJK_RUN.finditer(segment))
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(runs):
        run = runs[i]
        nxt = runs[i + 1] if i + 1 < len(runs) else None
        if (
            len(run.group()) == 1
            and surname_len(run.group()) > 0
            and nxt is not None
            and len(nxt.group()) <= 2
            and not segment[run.end() : nxt.start()].strip()
        ):
            out.append((run.group() + nxt.group(), run.start(), nxt.end()))
            i += 2
            continue
        if (  # 欧阳雪 婷, 黄振 宏: a name of one given character and one more after a space
            nxt is not None
            and len(nxt.group()) == 1
            and not surname_len(nxt.group())
            and 0 < surname_len(run.group()) == len(run.group()) - 1
            and not segment[run.end() : nxt.start()].strip()
        ):
            out.append((run.group() + nxt.group(), run.start(), nxt.end()))
            i += 2
            continue
        for nm in NAME_SHAPE.finditer(run.group()):  # a longer run: as many names as fit
            out.append((nm.group(), run.start() + nm.start(), run.start() + nm.end()))
        i += 1
    return out


def byline_names(text: str) -> list[tuple[str, str, int, int]]:
    """(role, name, start, end) for each name in a byline (offsets into ``text``)."""
    role_re, roles = _roles()
    scope = text
    m = re.search(r"(?:讯|电|^)[（(]([^）)]*)[）)]", text)
    base = 0
    if m:
        scope, base = m.group(1), m.start(1)
    else:  # …通讯员沐子涵报道：: the names end before 报道
        scope = re.sub(r"报道[:：]\s*$", "", scope)
    out = []
    hits = list(role_re.finditer(scope))
    for i, hit in enumerate(hits):
        end = hits[i + 1].start() if i + 1 < len(hits) else len(scope)
        for name, s, e in _names_in(scope[hit.end() : end]):
            s, e = base + hit.end() + s, base + hit.end() + e
            out.append((roles[hit.group()], name, s, e))
        if not m and end == len(scope):
            break
    return out


_AUTHOR = re.compile(
    r"作者\s*[:：]\s*[\u4e00-\u9fff]{2,4}?"
    r"(?![\u4e00-\u9fff])|作者\s*[:：]\s*[\u4e00-\u9fff]{2,4}?(?=浏览|点击|阅读|来源|发布|编辑|责编|审核|字号)"
)
"""The author in a web page's line of metadata, up to the space or bracket after the name, or
the next label (作者：乌日娜浏览次数：…, its space gone in normalization)."""


def extract_article(ctx: Context) -> Iterator[Mention | Fact]:
    """One ``article`` fact per document, and the people of its bylines."""
    seg = ctx.seg
    args: list[tuple[str, object]] = []
    evidence: list[Evidence] = []
    first: dict[str, Sentence] = {}
    for sent in seg.sentences:
        first.setdefault(sent.kind, sent)
    if "series" in first:
        sent = first["series"]
        number = series_number(sent.text)
        if number is not None:
            args.append(("series_no", number))
            title = line_patterns()["series"].split(sent.text)[0]
            args.append(
                (
                    "series",
                    re.sub(r"(?:访谈|专访)?\s*$", "", title).rstrip("·，, ") + "访谈"
                    if "访谈" in sent.text
                    else title.strip(),
                )
            )
            evidence.append(ctx.evidence(sent, sent.start, sent.end, "series_line"))
    for para in seg.paragraphs:  # the whole line: 金湾首家…成立！33家企业…有了“娘家” is one title
        if para.kind in ("headline", "deck"):
            sent = Sentence(para.start, para.end, para.text, para.index, para.kind, None)
            args.append((para.kind, sent.text.strip()))
            evidence.append(ctx.evidence(sent, sent.start, sent.end, para.kind))
    if "interviewee" in first:
        sent = first["interviewee"]
        posts = find_posts(sent.text, ctx, ctx.speakers)
        if posts:
            args.append(("interviewee", Ref("person", posts[-1].person)))
            evidence.append(ctx.evidence(sent, sent.start, sent.end, "interviewee_line"))
    for sent in seg.sentences:
        if sent.kind == "junk":  # 发布时间：…　来源：…　作者：贺雨桐　【字号…】: the author only
            names = [
                (role, name, s + m.start(), e + m.start())
                for m in _AUTHOR.finditer(sent.text)
                for role, name, s, e in byline_names(m.group())
            ]
        elif sent.kind == "byline" or DATELINE_RE.match(sent.text):
            names = byline_names(sent.text)
        else:
            continue
        for role, name, s, e in names:
            kind = "agent" if is_collective(name) else "person"
            ev = ctx.evidence(sent, sent.start + s, sent.start + e, "byline")
            yield Mention(Ref(kind, name), name, ev, (("byline_role", role),))
            if (role, Ref(kind, name)) not in args:  # 编辑/黄志诚 above, 编辑：黄志诚 below
                args.append((role, Ref(kind, name)))
            evidence.append(ev)
    if ctx.publication is not None:
        sent, s, e, date = ctx.publication
        args.append(("date", date))
        evidence.append(ctx.evidence(sent, sent.start + s, sent.start + e, "publication_date"))
    if ctx.city:
        args.append(("city", Ref("place", ctx.city)))
    args.append(("province", Ref("place", ctx.province)))
    args.append(("source", ctx.doc.name))
    yield Fact(
        "article",
        tuple(sorted(args, key=_arg_key)),
        tuple(sorted(set(evidence), key=Evidence.sort_key)),
        "stated",
    )


def _arg_key(arg: tuple[str, object]) -> tuple[str, str]:
    role, value = arg
    return (role, value.key if isinstance(value, Ref) else str(value))
