"""Split a normalized document into paragraphs, question/answer turns and sentences.

The genre's structure carries facts: a series line, the interviewee line, a headline, bylines,
photo captions, section heads, and question/answer turns in which what follows ``黄远程：`` is
that official speaking until the next turn. Each :class:`Sentence` records the paragraph kind it
sits in and the speaker of its turn, so extractors can use that context without re-parsing.

jieba (with the domain dictionary in ``kg/data/jieba_user.txt``) is loaded lazily, once per
process, into a private :class:`jieba.Tokenizer` so the global jieba state is left alone.
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from kg.gazetteer import place_forms
from kg.lexicon import data_text, sorted_longest_first, table, word_list, word_set
from kg.normalize import Normalized, line_kind


@contextlib.contextmanager
def _without_pkg_resources() -> Iterator[None]:
    """Let an import inside find no ``pkg_resources`` (unless it is loaded already).

    jieba 0.42 imports setuptools' ``pkg_resources`` only to open its own data files, and
    falls back to ``open`` beside its module without it, as on setuptools releases that no
    longer ship it. Importing it takes about 0.07 s of a 0.09 s ``import jieba`` here, in
    every process that extracts (each worker, and a rebuild of one changed article)."""
    if "pkg_resources" in sys.modules:
        yield
        return
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        yield
    finally:
        del sys.modules["pkg_resources"]


with _without_pkg_resources():
    import jieba

_SENT_END = re.compile(r"[。！？!?；;]+[”’」』）)]*|\n")
_SPEAKER = re.compile(r"^(答|[\u4e00-\u9fff]{2,4})\s*[:：]")
ANSWER_MARK = "答"
"""An answer's turn marked 答： (after 问：): the interviewee speaks, unnamed in the turn."""
_HEAD_PARAS = 8
_JUNK = re.compile(
    r"^(?:登录|注册|首页)|返回顶部|扫一扫|分享到|版权所有|ICP备|当前位置|浏览次数|【字体|【打印|【关闭"
    r"|^字号\s*[:：]|打印本页|关闭窗口|^点击(?:上方)?蓝字|^听全文$"
    r"|^(?:上一篇|下一篇|相关阅读|相关链接|推荐阅读)\s*[:：]"
    r"|^[【\[](?:上一篇|下一篇|上一条|下一条)[】\]]"
)
"""Page furniture of a saved web page (menus, share buttons, links to the previous and next
article, the copyright line): at most ``_JUNK_MOST`` characters long. 注册 inside a sentence
(注册会员达26万人) is no menu."""
_JUNK_MOST = 60
_RELATED = re.compile(
    r"^(?:往期推荐|往期回顾|往期精彩|推荐阅读|相关阅读|延伸阅读|相关推荐|热门推荐|猜你喜欢)\s*[:：]?$"
)
"""The heading of a block of links to other articles (往期推荐 then ▶ 金湾区总工会召开…): its
short lines after it are page furniture, not the article's facts."""
_DATELINE_LEAD = re.compile(
    r"^(?:[^（(，。]{0,20}?(?:讯|电)|(?=[（(][^）)\s]{0,12}(?:记者|通讯员)))[（(][^（()）]{0,40}[）)]"
)
"""A report's dateline with its byline in brackets: 本报讯（记者 钟晓岚 通讯员 龙泽宇）, or the
bracketed byline alone (（通讯员 黄晓彤）6月16日，…)."""
DATELINE = re.compile(
    r"^.{0,20}?(?:讯|电)[（(]"
)  # the interviewee line and headline sit among the first few lines
_BARE_DATELINE = re.compile(r"^[^（(，。\s]{0,20}?(?:讯|电)\s+")
_REPORTED_BY = re.compile(
    r"^[^（(，。\s]{0,20}?(?:讯|电)\s*"
    r"(?:(?:全媒体记者|本报记者|记者|通讯员)\s*[\u4e00-\u9fff]{2,4}[、，\s]*)+报道[:：]"
)
"""A dateline whose byline ends in 报道： (羊城晚报讯　记者胡晓蕾、通讯员沐子涵报道：11月12日…)."""
_TOKEN = re.compile(r"(\S+)\s*")
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
"""A run of Chinese characters: a word or name with no punctuation, digit or letter in it."""
NAME_SHAPE = re.compile(r"[\u4e00-\u9fff]{2,4}")
"""Two to four Chinese characters: the shape of a person's name (in bylines, before titles)."""


CLAUSE_DELIMITERS = "，。；、：！？"
"""What ends a clause: a list item (、) is a clause of its own to the extractors."""


def clause_start(text: str, pos: int, delimiters: str = CLAUSE_DELIMITERS) -> int:
    """Where the clause holding ``text[pos]`` starts (after the last delimiter before it)."""
    return max(text.rfind(c, 0, pos) for c in delimiters) + 1


def clause_end(text: str, pos: int, delimiters: str = CLAUSE_DELIMITERS) -> int:
    """Where the clause holding ``text[pos]`` ends (at the first delimiter from it, else the
    text's end)."""
    return min((i for c in delimiters if (i := text.find(c, pos)) >= 0), default=len(text))


@cache
def byline_roles() -> tuple[str, ...]:
    """The role words of bylines (记者, 通讯员 …; ``byline_roles.tsv``), longest first."""
    return sorted_longest_first(row[0] for row in table("byline_roles.tsv"))


@cache
def post_titles() -> re.Pattern[str]:
    """Any post title of ``posts.tsv``, longest first (常务副主席 before 副主席 before 主席)."""
    titles = sorted_longest_first(row[0] for row in table("posts.tsv"))
    return re.compile("|".join(map(re.escape, titles)))


def bare_byline_end(text: str) -> int | None:
    """Where the lead starts in a dateline written without brackets: ``本报讯 记者从市总工会获悉，…``
    (the lead at once), ``本报讯 记者 张三 通讯员 李四 近日，…`` (after the names that follow role
    words), ``羊城晚报讯　记者胡晓蕾、通讯员沐子涵报道：…`` (after 报道：). None when the line is no
    such dateline or holds nothing after its names."""
    reported = _REPORTED_BY.match(text)
    if reported is not None:  # 羊城晚报讯　记者胡晓蕾、通讯员沐子涵报道：…
        return reported.end() if text[reported.end() :].strip() else None
    m = _BARE_DATELINE.match(text)
    if m is None:
        return None
    pos, after_role = m.end(), False
    roles = byline_roles()
    while tok := _TOKEN.match(text, pos):
        word = tok.group(1)
        role = next((r for r in roles if word.startswith(r)), None)
        if role is not None and (word == role or NAME_SHAPE.fullmatch(word[len(role) :])):
            after_role = True  # 记者, or 记者张三
        elif not (after_role and NAME_SHAPE.fullmatch(word)):
            break
        pos = tok.end()
    return pos if text[pos:].strip() else None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of normalized text; ``kind`` is a structural kind (``series``, ``byline``,
    ``caption``, ``section``, ``question``, ``answer``, ``interviewee``, ``headline``,
    ``deck`` (a title line under the headline), ``footer``, ``junk``) or ``body``; ``speaker``
    the name speaking in an answer turn."""

    index: int
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (normalized offsets ``[start, end)``) with its paragraph's kind and speaker."""

    start: int
    end: int
    text: str
    para: int
    kind: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class Segmented:
    norm: Normalized
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]

    def paragraph_of(self, sentence: Sentence) -> Paragraph:
        return self.paragraphs[sentence.para]

    def before_in_paragraph(self, sentence: Sentence) -> list[Sentence]:
        """The sentences of ``sentence``'s paragraph before it, in order."""
        return [s for s in self.sentences if s.para == sentence.para and s.end <= sentence.start]


@cache
def tokenizer() -> jieba.Tokenizer:
    """jieba with the domain dictionary; built once per process."""
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    _load_cached_prefix_dict(tok)
    for line in data_text("jieba_user.txt").splitlines():
        parts = line.split()
        if parts and not line.startswith("#"):
            freq = int(parts[1]) if len(parts) > 1 else None
            tok.add_word(parts[0], freq, parts[2] if len(parts) > 2 else None)
    for group in word_list("worker_groups.txt"):  # 快递员, not 快递/员
        tok.add_word(group, 500, "n")
    return tok


def _load_cached_prefix_dict(tok: jieba.Tokenizer) -> None:
    """Load jieba's main dictionary from the cache jieba itself keeps, faster than jieba does.

    ``Tokenizer.initialize`` reads its cache (``jieba.cache`` in the temporary folder, a
    ``marshal`` dump of the prefix dictionary) with ``marshal.load`` on the open file, which
    reads in small pieces: 0.7 s; the same bytes read at once and given to ``marshal.loads``
    take 0.24 s. Every worker of a build and every rebuild pays it. The same data, the same
    format, the same file jieba would read; when there is no cache yet, or it cannot be read,
    jieba's own ``initialize`` builds and writes it as usual."""
    if tok.initialized or tok.dictionary != jieba.DEFAULT_DICT:
        return
    path = tok.cache_file or os.path.join(tok.tmp_dir or tempfile.gettempdir(), "jieba.cache")
    try:
        with open(path, "rb") as fh:
            freq, total = marshal.loads(fh.read())
    except (OSError, EOFError, ValueError, TypeError):
        return  # initialize() below (on first use) rebuilds it
    if isinstance(freq, dict) and isinstance(total, int) and freq:
        tok.FREQ, tok.total, tok.initialized = freq, total, True


def is_speaker_name(name: str) -> bool:
    """A plausible person name before a colon: 2–4 Chinese characters starting with a surname,
    and neither the reporter nor a place (a headline's 湛江：…)."""
    if name in ("记者", "主持人") or not 2 <= len(name) <= 4:
        return False
    forms = place_forms()
    if name in forms or any(name + level in forms for level in "市县区"):
        return False  # 湛江：“粤工惠”服务进园区…, 陆丰：…: a headline's place, not a speaker
    surnames = word_set("surnames.txt")
    return name[0] in surnames or name[:2] in surnames


_PAGE_META = re.compile(
    r"(?:发布时间|发布日期|发稿时间|更新时间|浏览次数|浏览量|点击数|点击量|阅读数|阅读量)\s*[:：]"
)


_MENU_BAR = re.compile("[|｜]")
"""Bars between the items of a menu or a list of links (首页 | 工会要闻, 相关链接：A | B)."""


def _junk(text: str) -> bool:
    """Navigation menus and page furniture saved with web articles (and a web page's line of
    metadata, 发布时间：… 来源：…, which is not the headline)."""
    if _MENU_BAR.search(text) or _PAGE_META.match(text):
        return True
    return bool(_JUNK.search(text)) and len(text) < _JUNK_MOST


def _classify(index: int, text: str, seen_question: bool) -> str:
    kind = line_kind(text)
    if kind == "credit":  # 编辑：李雯雯　审核：何志坚: the editors are named as in a byline
        return "byline"
    if kind == "answer":
        m = _SPEAKER.match(text)
        speaker = m.group(1) if m else ""
        if not (speaker == ANSWER_MARK or is_speaker_name(speaker)) or _MENU_BAR.search(text):
            kind = None  # 相关链接：A | B: a list of links, though 相 is a family name
    if kind:
        return kind
    if _junk(text):
        return "junk"
    if (
        not seen_question
        and index < _HEAD_PARAS
        and len(text) <= 60
        and re.search(r"[\u4e00-\u9fff][:：.]$", text)
        and not re.search(r"[，。；！？]", text[:-1])
        and post_titles().search(text)  # 会议部署2026年重点工作： introduces a list
    ):
        return "interviewee"
    return "body"


def segment(norm: Normalized) -> Segmented:
    """Paragraphs (one per normalized line), their kinds and speakers, and sentences."""
    paragraphs: list[Paragraph] = []
    speaker: str | None = None
    seen_question = False
    pos = 0
    lines = norm.text.split("\n")
    related = False  # in a block of links to other articles
    for index, text in enumerate(lines):
        start, end = pos, pos + len(text)
        pos = end + 1
        related = bool(_RELATED.match(text.strip())) or (related and len(text) < _JUNK_MOST)
        kind = "junk" if related else _classify(index, text, seen_question)
        if kind == "question":
            seen_question, speaker = True, "记者"
        elif kind == "answer":
            m = _SPEAKER.match(text)
            speaker = m.group(1) if m else None
        elif kind in ("section", "series", "byline", "interviewee", "junk", "footer"):
            speaker = None
        paragraphs.append(
            Paragraph(
                index,
                start,
                end,
                text,
                kind,
                speaker if kind in ("question", "answer", "body") else None,
            )
        )
    paragraphs = _mark_headline(paragraphs)
    sentences: list[Sentence] = []
    for para in paragraphs:
        s, kind = 0, para.kind
        lead = _DATELINE_LEAD.match(para.text) if kind == "byline" else None
        if lead and para.text[lead.end() :].strip():
            # 本报讯（记者… 通讯员…）11月18日，…总工会召开…: the dateline is the byline, what
            # follows is the report's lead, its main facts
            _add_sentence(sentences, para, 0, lead.end(), kind)
            s, kind = lead.end(), "body"
        elif kind == "byline" and (bare := bare_byline_end(para.text)) is not None:
            # 本报讯 记者从市总工会获悉，…: the same without brackets
            _add_sentence(sentences, para, 0, bare, kind)
            s, kind = bare, "body"
        for m in _SENT_END.finditer(para.text, s):
            _add_sentence(sentences, para, s, m.end(), kind)
            s = m.end()
        _add_sentence(sentences, para, s, len(para.text), kind)
    return Segmented(norm, tuple(paragraphs), tuple(sentences))


def _add_sentence(out: list[Sentence], para: Paragraph, s: int, e: int, kind: str) -> None:
    text = para.text[s:e]
    if text.strip():
        out.append(Sentence(para.start + s, para.start + e, text, para.index, kind, para.speaker))


def _mark_headline(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The headline is the first short body line after the interviewee line, or, in a report,
    the first of the last block of adjacent short lines before the byline (or a web page's
    发布时间： line), the page's own lines left out (:data:`_PAGE_LINE`); the lines after it in
    that block are its deck (副题: ——访…, 今年再建20家…), which a report with neither has only
    when they start with a dash."""
    head = paragraphs[:_HEAD_PARAS]
    pick: int | None = None
    decks: list[int] = []
    anchor = next((p.index for p in head if p.kind == "interviewee"), None)
    if anchor is not None:
        pick = next((p.index for p in head if p.index > anchor and _title_like(p)), None)
    else:
        end = _opening_byline(head)  # where the title block ends
        if end is None:  # a web page's line of metadata (发布时间：…) under its title lines
            end = next(
                (p.index for p in head if p.kind == "junk" and _PAGE_META.match(p.text)), None
            )
        cands = [
            p.index
            for p in head
            # 敖志诚：在毫厘之间“磨”出金牌技师 above a byline is a headline, not an answer
            if (_title_like(p) or (end is not None and p.kind == "answer" and _title_shape(p)))
            and not _PAGE_LINE.search(p.text)
            and not p.text.endswith("。")  # a sentence of the body
            and (end is None or p.index < end)
        ]
        if cands and end is not None:
            block = [cands[-1]]
            while block[0] - 1 in cands:
                block.insert(0, block[0] - 1)
            pick, decks = block[0], block[1:]
        elif cands:
            pick = cands[0]
            while (i := pick + 1 + len(decks)) in cands and paragraphs[i].text.startswith(_DASHES):
                decks.append(i)
    if pick is None:
        return paragraphs
    out = list(paragraphs)
    for i in (pick, *decks):
        p = out[i]
        out[i] = Paragraph(
            p.index, p.start, p.end, p.text, "headline" if i == pick else "deck", None
        )
    return out


_PAGE_LINE = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2}|当前位置|[>＞»]"
    r"|^【[^】]*】$|文件$|〔\d{4}〕\s*\d+\s*号|^[\u4e00-\u9fff]{2,20}(?:工会|门户网站)$"
    r"|^[\u4e00-\u9fff+＋\s]{2,10}(?:日报|晚报|频道|客户端)$|^[^，。]{0,6}[+＋]"
)
"""A line of the page, not its headline: a masthead or dateline's full date
(梅州日报2025年4月22日星期二第03版, 2025年07月18日09:12湛江工人报), a breadcrumb
(您当前的位置：首页>基层动态>正文), a column's name (【劳动者之歌】), a notice's letterhead and
number (阳江市总工会文件, 阳总工〔2025〕47号), the site's name alone (河源市源城区总工会, 东莞市大朗镇
人民政府门户网站), or a paper's, channel's or app's (湛江日报, 南方+　湛江频道)."""
_DASHES = ("—", "-", "－")


def _opening_byline(head: list[Paragraph]) -> int | None:
    """The index of the byline (or dateline) that opens a report's body; one that signs it off
    after body text (（揭阳日报记者 吴晓彤） at the end of a short report) is not where the
    headline is looked for."""
    for p in head:
        if p.kind == "byline" or DATELINE.match(p.text):
            return p.index
        if p.kind == "body" and not _title_like(p):
            return None
    return None


def _title_like(p: Paragraph) -> bool:
    return p.kind == "body" and _title_shape(p)


def _title_shape(p: Paragraph) -> bool:
    return 4 <= len(p.text) <= 50 and not re.search(r"[。；]", p.text[:-1])
