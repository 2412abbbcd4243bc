"""Targets and achievements: the numbers officials give, with what they count, when, and whose.

Every quantity the number layer finds (:mod:`kg.quantities`) in a sentence becomes one of:

* a **target** when a deadline stands before it in the sentence (``力争到2029年，培养…500名左右
  南粤工匠``), when a plan word does (``将``, ``力争``, ``计划``; ``kg/data/program_types.tsv``) with no
  achievement word after it, or when its paragraph opens with a plan (``下一步``, ``接下来``);
* otherwise an **achievement**, with the period the sentence (or an earlier sentence of the
  paragraph) gives (``五年来``, ``2024年``, ``截至目前``, ``自…开展以来``).

A percentage after 增长/同比/提高 is a growth rate: it qualifies the figure before it instead of
standing alone. What a figure counts is read around it: the verb before and the noun after
(``共帮助119家企业`` → 帮助企业; ``建设5-7家以企业为载体的工匠学院`` → 工匠学院).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from kg.extract import tables
from kg.extract.context import Context
from kg.extract.names import plausible_name
from kg.extract.programs import facility_ending, find_programs
from kg.extract.subjects import (
    blanked,
    city_of_subject,
    intent_before,
    plan_at,
    province_union,
    subject_org,
    words,
)
from kg.gazetteer import find_orgs, find_places, places
from kg.lexicon import longest_first, table, word_set
from kg.quantities import (
    FIVE_YEAR_PLAN,
    DeadlineMatch,
    PeriodMatch,
    QuantityMatch,
    find_deadlines,
    find_periods,
    find_quantities,
    future_frame_at,
    plan_end_year,
    time_frame_at,
)
from kg.records import Fact, Quantity, Ref
from kg.segment import CJK_RUN, CLAUSE_DELIMITERS, Sentence, clause_start, post_titles, tokenizer

_DURATION_UNITS = frozenset(
    {"年", "个月", "月", "天", "日", "小时", "分钟", "周", "星期", "个工作日", "工作日"}
)
_GROWTH_ONLY = re.compile(
    r"\s*(?:同比|环比|比去年|较去年|比上年|较上年|比上届|较上届)?(?:同期)?(增长|增加|提高|提升|上升|下降|减少)了?\s*"
)
"""A clause that only compares the figure before it (、同比增长108%); a clause with its own
subject (职工投诉量比去年减少8.5%) is a figure of its own."""
_DECREASE = ("下降", "减少")


def _unit_of(fact: Fact) -> str | None:
    q = fact.arg("quantity")
    return q.unit if isinstance(q, Quantity) else None


def _signed(qty: Quantity, verb: str) -> Quantity:
    """A growth rate with its sign: 同比下降5% is -5."""
    if verb not in _DECREASE:
        return qty
    upper = -qty.upper if qty.upper is not None else None
    return replace(qty, value=-qty.value, upper=upper)


_PLAN_PARAGRAPH = re.compile(r"^(?:下一步|接下来|今后|未来|往后)")
_CHANGE_VERBS = "提升|提高|增加|增长|上升|下降|降低|减少|扩大|下调|上调|调整|压缩|缩短|延长"
"""Verbs of a change from one figure to another (由92.3%提升至99.1%)."""

_TRAIL = re.compile(
    r"(?:已经|已|均|都|共计|总计|合计|突破|保持在|稳定在|控制在|提高到|提高至|提升到|提升至|增加到|增加至|增至"
    r"|减少到|减少至|降至|降低到|降低至|下降到|下降至|将会|将)$"
    # 建制率由92.3%提升至99.1%: the start of the change (no figure, :func:`_countable`) with it
    rf"|(?:已经|已)?[由从][\u4e00-\u9fff]{{0,8}}?的?(?:{_CHANGE_VERBS})?[至到]$"
)
"""Adverbs and verbs of reaching between what a figure measures and its number (送温暖资金已达
2680万元, 注册会员突破40万人, 签订率保持在95%以上, 覆盖率稳定在95%以上, 在档困难职工减少至612户,
参赛职工将超过5000人次)."""
_LEAD = re.compile(
    r"^(?:而|且|要|共|累计|已经|已|先后|分别|共计|总共|合计|再|新(?![增建就兴发])|还|并|又|均|全部|为|对|向|给|把(?!握|关)|其中|我们"
    r"|全市|全省|全区|全县|该市|该区|该县|该镇|该省|去年|前年|今年|全年|当年|上半年|下半年|大会|会议|会上"
    r"|(?:[\u4e00-\u9fff]{1,4}[省市区县])?(?:各级工会(?:组织)?|工会系统))+"
)


_NEWLY = re.compile("^新(?:建|增|发展)?")
"""What makes a measure count new things only (新建户外劳动者服务站点)."""

_QUOTE_MARKS = "“”‘’「」《》\"'"
_NO_QUOTES = str.maketrans("", "", _QUOTE_MARKS)


def _clause_end(text: str, pos: int, also: str = "") -> int:
    """Where the clause at ``pos`` ends (its delimiter, or one of ``also``; else the text's end)."""
    return min(
        (i for i in (text.find(c, pos) for c in CLAUSE_DELIMITERS + also) if i >= 0),
        default=len(text),
    )


def _what_after(text: str, end: int) -> str:
    """The noun a figure counts, after its unit: up to the next delimiter, after the last 的."""
    stop = _clause_end(text, end, "（(")
    phrase = text[end:stop]
    digit = re.search(r"\d", phrase)  # 386家企业的2100余名职工: 企业, not 2100…
    phrase = phrase[: digit.start()].removesuffix("的") if digit else phrase
    if phrase.startswith(_FOR_WHOM):  # 投入资金近700万元为职工提供…: counted before, not after
        return ""
    phrase = phrase.rsplit("的", 1)[-1].translate(_NO_QUOTES)  # 15家“职工之家”示范点
    if phrase.startswith(_CONJUNCTIONS):  # 新建职工书屋12家和工会驿站30个: counted before
        return ""
    m = CJK_RUN.match(phrase)
    noun = m.group()[:16] if m else ""
    support = _SUPPORT_VERB.search(noun, 1)  # 6个先进班组进行了表彰: 先进班组
    return noun[: support.start()] if support else noun


def _written_end(text: str, at: int, noun: str) -> int | None:
    """Where ``noun`` ends when it is written from ``at`` (quote marks in the text skipped:
    10名“铖锋工匠”和…), or None."""
    i = at
    for ch in noun:
        while i < len(text) and text[i] in _QUOTE_MARKS and text[i] != ch:
            i += 1
        if i >= len(text) or text[i] != ch:
            return None
        i += 1
    while i < len(text) and text[i] in "”’」》":
        i += 1
    return i


def _joined_at(text: str, at: int, figure: int) -> int | None:
    """Where the item after a conjunction at ``at`` starts, when only Chinese words stand
    between it and ``figure`` (和6个, 和工会驿站30个); else None."""
    if at < 0:
        return None
    sep = next((c for c in _CONJUNCTIONS if text.startswith(c, at)), None)
    if sep is None or not re.fullmatch(r"[\u4e00-\u9fff]*", text[at + len(sep) : figure]):
        return None
    return at + len(sep)


_CONJUNCTIONS = ("以及", "和", "与", "及")
"""Join two figures of one list (10名侨乡工匠和6个先进班组, 职工书屋12家和工会驿站30个); longest
first, so 以及 is read whole."""
_SUPPORT_VERB = re.compile("进行|予以|给予|受到")
"""Verbs that carry an action onto what a figure counts (…进行了表彰, …受到表彰): what is
counted ends before them."""


_SERVED_AFTER = ("为", "向", "给")
"""Before a figure, they make it count the people served (为1207名货车司机送上…)."""
_FOR_WHOM = (*_SERVED_AFTER, "对", "用于")
"""After a figure, they open what it is for or whom it served (…万元为职工提供…), not what it
counts."""


MEASURE_NOUN_MOST = 8
"""Characters of the counted noun an achievement's measure keeps (帮助企业119家 -> 帮助企业…)."""


def _first_words(phrase: str, most: int) -> str:
    """The whole words (jieba's) that start ``phrase`` and fit in ``most`` characters, so a
    measure never ends in half a word (职工之家示范点授牌 -> 职工之家示范点, not 职工之家示范)."""
    if len(phrase) <= most:
        return phrase
    kept = ""
    for word in tokenizer().lcut(phrase[: most + 4], HMM=False):
        if len(kept) + len(word) > most:
            break
        kept += word
    return kept or phrase[:most]


_QUOTED_NAME = re.compile(r"“([\u4e00-\u9fff]{2,20})”")


def _given_quoted(text: str, end: int) -> int | None:
    """Where the verb before a quoted object starts when what a figure counts is followed by
    one (为860名环卫工人赠送“工会二次医保”: the 860 are 环卫工人, who were given the program);
    None when no verb of ``figure_verbs.txt`` stands right before the first quote of the
    figure's clause."""
    quote = text.find("“", end, _clause_end(text, end))
    if quote <= end:
        return None
    verb = next((v for v in longest_first("figure_verbs.txt") if text.endswith(v, end, quote)), "")
    return quote - len(verb) if verb and quote - len(verb) > end else None


def _for_whom_before(text: str, start: int) -> bool:
    """Whether the figure at ``start`` follows 为/向/给 as a word of its own (区总工会为…,
    甄丽萍一行为…), not the end of a longer word (达成就业意向624人, 被评为)."""
    tail = text[clause_start(text, start) : start][-8:].removesuffix("全体")  # 为全体1860名职工
    if tail.endswith(("一行为", "一行向")):  # a delegation (一行), for whom: jieba reads 行为
        return True
    words = tokenizer().lcut(tail, HMM=False) if tail else []
    return bool(words) and words[-1] in _SERVED_AFTER


def _served(noun: str) -> str:
    """The people a figure counts after 为/向/给 (为1207名货车司机送上清凉礼包): the noun up to the
    first verb of ``figure_verbs.txt`` after it (whole words: what they were given is not
    counted)."""
    verbs = longest_first("figure_verbs.txt")
    kept = ""
    for word in tokenizer().lcut(noun, HMM=False):
        if kept and noun.startswith(verbs, len(kept)):  # jieba cuts 送上 in two
            return kept
        kept += word
    return noun


_HONOURED = re.compile(r"(?:同志|个人|职工|单位|集体|班组|企业)“([^“”，。]{2,20})”(荣誉称号|称号)?")
"""Who is given a quoted honour, counted (80名同志“…”称号, 12个单位“…”): the honour is what the
figure measures."""


def _whole_names(noun: str, kept: str, text: str, end: int) -> str:
    """``kept``, the start of ``noun``, not ending inside a quoted name or an honour of
    ``honour_titles.txt`` written after the figure (10人获评第三届“侨乡工匠”: 获评第三届侨乡工匠,
    not 获评第三届侨乡; 11名职工获全国五一劳动奖章, not 职工获)."""
    honours = longest_first("honour_titles.txt")
    names = [m.group(1) for m in _QUOTED_NAME.finditer(text, end, _clause_end(text, end))]
    names += [h for h in honours if h in noun]
    for name in names:
        at = noun.find(name)
        # an honour right after the words kept is what they lead to (职工获 + 全国五一劳动奖章)
        if 0 <= at < len(kept) < at + len(name) or (at == len(kept) > 0 and name in honours):
            kept = noun[: at + len(name)]
    return kept


def _counted_noun(text: str, end: int, start: int) -> str:
    """:func:`_counted_words` without a conjunction at its end (10名铖锋工匠和6个先进班组:
    铖锋工匠, not 铖锋工匠和)."""
    return _END_CONJUNCTION.sub("", _counted_words(text, end, start))


_END_CONJUNCTION = re.compile(f"(?:{'|'.join(_CONJUNCTIONS)})$")


def _counted_words(text: str, end: int, start: int) -> str:
    """The noun an achievement counts (after its unit), whole words of at most
    ``MEASURE_NOUN_MOST`` characters; a quoted name there is kept whole, however long
    (9家“劳模和工匠人才创新工作室”授牌 -> 劳模和工匠人才创新工作室, not 劳模和工匠人才), with
    the words after it that still fit (15家“职工之家”示范点 -> 职工之家示范点); a verb and
    its quoted object after the noun are not (860名环卫工人赠送“工会二次医保” -> 环卫工人); a
    quoted honour given to those counted is (80名同志“江门市劳动模范”称号 -> 江门市劳动模范称号)."""
    honour = _HONOURED.match(text, end)
    if honour is not None:  # 授予80名同志“江门市劳动模范”称号: the honour, not 同志江门市
        return honour.group(1) + (honour.group(2) or "")
    given = _given_quoted(text, end)
    noun = _what_after(text[:given] if given is not None else text, end)
    if _for_whom_before(text, start):
        noun = _served(noun)
    quoted = _QUOTED_NAME.match(text, end)
    if quoted is None or not noun.startswith(quoted.group(1)):
        return _whole_names(noun, _first_words(noun, MEASURE_NOUN_MOST), text, end)
    name = quoted.group(1)
    room = MEASURE_NOUN_MOST - len(name)
    return name + (_first_words(noun[len(name) :], room) if room > 0 else "")


def _scope(ctx: Context, by: Ref) -> str:
    """The place a target covers: the place of the union that set it (博罗县总工会 -> 博罗县,
    a county's plan, not its city's), else the article's city or province."""
    place = by.key.removesuffix("总工会")
    if place != by.key and place in places():
        return place
    return ctx.province if by == province_union(ctx) else (ctx.city or ctx.province)


def _opens_clause(text: str, start: int, figure: int) -> bool:
    """Whether a name starting at ``start`` is the subject of the figure's clause: only lead
    words (其中, 全市 …) before it in the clause, or a phrase that qualifies it (区总工会开通的
    “…热线”已接听…: what ends in 的 describes the name that follows), or 由 making it the agent
    (该中心由区总工会投入300万元建设: the union did the investing)."""
    clause = clause_start(text, figure)
    if start < clause:
        return False
    words = re.sub(r"[^\u4e00-\u9fff]+", "", text[clause:start])
    return not _LEAD.sub("", words) or words.endswith(("的", "由"))


def _verb_before(
    text: str, start: int, quantity_text_start: int, after: int = 0, most: int = 10
) -> str:
    """The words of the clause before a figure (``帮助``, ``开展技能培训``, ``产生经济效益``);
    ``after``: where a program named in the clause ends (its name is the subject, not part of
    what was done: “12351”职工服务热线已接听职工来电 measures 接听职工来电); at most ``most``
    characters of whole words."""
    head = text[max(clause_start(text, quantity_text_start), after) : quantity_text_start]
    if deadlines := find_deadlines(head):  # 力争到2028年建成… -> 建成…
        # what comes before the last deadline is who sets it (镇总工会计划今年内新增…), not
        # what is counted
        head = head[deadlines[-1].end :]
    # （一）新建职工驿站, 二是新建驿站: the item's number is no word
    head = _ITEM.sub("", _LIST_ITEM.sub("", head), count=1)
    head = FIVE_YEAR_PLAN.sub("", head)  # 力争“十五五”期间培育… -> 培育…
    head = _TIME_WORDS.sub("", head)  # before the digits go: 往后5年要增加 -> 要增加
    head = re.sub(r"[^\u4e00-\u9fff]+", "", head)
    head = _after_official(head)  # 副主席廖雪芬带队走访了… -> 走访了…
    # 赠送“工会二次医保”并发放互助金… -> 发放互助金…; 会上还对评选出的10名…进行了表彰 -> 评选出
    head = _after_word(head, ("并", "并且", "对"))
    head = _TRAIL.sub("", head) or head  # 送温暖资金已达… -> 送温暖资金
    head = head.removesuffix("的") or head  # 评选出的10名铖锋工匠: 评选出, then 铖锋工匠
    return _last_words(_LEAD.sub("", _after_adverb(_TIME_WORDS.sub("", head))), most)


_LEADING = re.compile("带队|带领|一行|率队")
"""What follows an official who leads a visit (副主席廖雪芬带队走访了42家重点企业)."""


def _after_official(head: str) -> str:
    """``head`` after an official it opens with, a title and a name (副主席廖雪芬带队走访了 ->
    走访了): who did it, not what was done."""
    title = post_titles().match(head)
    if title is None:
        return head
    for n in (3, 2, 4):
        name = head[title.end() : title.end() + n]
        if len(name) == n and plausible_name(name, vouched=True):
            rest = head[title.end() + n :]
            lead = _LEADING.match(rest)
            return rest[lead.end() :] if lead else rest
    return head


_KIND_AFTER_LIST = re.compile(r"、[^，。；、]{1,12}等([\u4e00-\u9fff]{2,8})$")
"""The end of a list of examples, 等 and the kind they are of, right before a figure."""


def _head_before(text: str, figure: int, after: int, orgs: list) -> str:
    """What was done, before a figure (:func:`_verb_before`); before a list of examples that
    ends in 等, what was done to the first of them, or before the first name in it: the
    examples are not what is counted (走访慰问困难职工、农民工、新就业形态劳动者等3.2万户次 ->
    走访慰问困难职工等, not 就业形态劳动者等; 授予惠州…有限公司高级技师王建军等50名职工 -> 授予);
    a list closed by 等 and the kind it exemplifies (服务环卫工人、快递员等户外劳动者12.6万人次):
    the same, with the kind (服务环卫工人等户外劳动者, not 快递员等户外劳动者)."""
    start = max(text.rfind(c, 0, figure) for c in CLAUSE_DELIMITERS if c != "、") + 1
    kind = _KIND_AFTER_LIST.search(text, start, figure)
    if kind is not None and kind.start() >= after and not re.search(r"\d", text[start:figure]):
        # (not after another figure in the clause: its verb is not this one's)
        listed_end = kind.end() - len(kind.group(1))  # right after 等
        return _head_before(text, listed_end, after, orgs) + kind.group(1)
    if not text[:figure].endswith("等"):
        return _verb_before(text, figure, figure, after)
    opening, end, longest = _list_opening(text, start, figure - 1)
    listed = end >= 0
    end = end if listed else figure - 1
    if opening > start:  # the list opens inside a longer item: its verb and first item
        return _opened_list(text[opening:end], longest)
    names = [o.start for o in orgs] + [p[0] for p in find_places(text)]
    person = next(
        (figure - 1 - n for n in (3, 2) if plausible_name(text[figure - 1 - n : figure - 1])), None
    )
    if person is not None and post_titles().fullmatch(text, max(start, after), person):
        return ""  # …有限公司质检员谢晓燕等10人获评…: the worker is an example of those counted
    first_name = min((n for n in names if max(start, after) < n < end), default=None)
    if first_name is not None:
        end, listed = first_name, False
    head = _verb_before(text, end, end, after)
    return head + "等" if head and listed else head


def _list_opening(text: str, start: int, listed_end: int) -> tuple[int, int, int]:
    """Where a list of examples that ends at ``listed_end`` (its 等) opens: the start of the
    clause and its first 、 (走访慰问困难职工、农民工、新就业形态劳动者等), or, when an item far
    longer than those after it holds the end of something else and the list's start, that item's
    start and end (为外卖员、快递员、网约车司机提供休息、饮水、充电等服务: the examples are
    休息、饮水、充电, opened in 网约车司机提供休息, not the workers served); third, the length of
    the longest item after it. (start, -1, 0) with no 、."""
    cuts = [i for i in range(start, listed_end) if text[i] == "、"]
    if not cuts:
        return start, -1, 0
    starts, ends = [start, *(c + 1 for c in cuts)], [*cuts, listed_end]
    longest = 0
    for k in range(len(cuts), 1, -1):  # the items after the first, the last first
        longest = max(longest, ends[k] - starts[k])
        if ends[k - 1] - starts[k - 1] > 2 * longest + 2:
            return starts[k - 1], ends[k - 1], longest
    return start, cuts[0], longest


def _opened_list(item: str, longest: int) -> str:
    """What was done to a list that opens at the end of ``item`` (网约车司机提供休息 -> 提供休息):
    the list's first example is as short as those after it (the words that end ``item`` within
    ``longest``, the longest item after it), the verb the word before it; then 等, as
    :func:`_head_before` gives it."""
    tokens = tokenizer().lcut(item, HMM=False)
    first = ""
    while len(tokens) > 1 and len(first) + len(tokens[-1]) <= longest:
        first = tokens.pop() + first
    return (tokens[-1] + first if first else item) + "等"


def _owned_by_figure(text: str, last_end: int, figure: int, head: str) -> str:
    """The head of a figure whose noun belongs to the figure before it in the clause
    (吸引全市386家企业的2100余名职工参赛): the clause's verb alone (吸引, then 职工参赛 after the
    unit), not 吸引全市家企业的."""
    between = text[last_end:figure]
    if not between.endswith("的") or last_end <= clause_start(text, figure) or not head:
        return head
    return tokenizer().lcut(head, HMM=False)[0]


def _listed_after(text: str, last_end: int, figure: int, head: str, last: Fact) -> str:
    """The head of a figure listed right after another (覆盖企业4300家、职工21.5万人; 和, 及 too:
    新建职工书屋12家和工会驿站30个): one that opens with no verb of ``figure_verbs.txt`` takes the verb the figure before it opens with
    (覆盖职工, not 职工; 培育省级以上工匠50名、市级工匠500名: 培育市级工匠); one with its own verb
    (开展活动12场、培训职工3000人) is left as it is."""
    sep = next((c for c in ("、", *_CONJUNCTIONS) if text.startswith(c, last_end)), None)
    if last_end < 0 or sep is None or not head:
        return head
    if not text[last_end + len(sep) : figure].lstrip("、").endswith(head):
        return head
    verbs = longest_first("figure_verbs.txt")
    previous = str(last.arg("measure") or last.arg("what") or "")
    verb = next((v for v in verbs if previous.startswith(v)), None)
    if verb is None or head.startswith(verbs):
        return head
    return verb + head


def _counted_before(head: str, last: Fact, qty: Quantity) -> str | None:
    """The measure of a figure that names nothing it counts, when it counts what the
    achievement before it did (the same unit): the running total of it with no words of its
    own (新建站点45个，累计达到312个: 站点, not the new ones), or the same again with the same
    verb (广州已建成户外劳动者服务站点1860个，深圳已建成1520个); else None."""
    counted, before = last.arg("quantity"), str(last.arg("measure"))
    if not isinstance(counted, Quantity) or counted.unit != qty.unit:
        return None
    if not head:
        return _NEWLY.sub("", before)
    return before if before.startswith(head) else None


def _after_adverb(head: str) -> str:
    """What follows the last adverb (共, 累计, 已 …; ``program_types.tsv``) that stands between
    a subject and its verb: 全市各级工会共投入帮扶资金 -> 投入帮扶资金."""
    return _after_word(head, words("adverb"))


def _after_word(head: str, marks: tuple[str, ...]) -> str:
    """What follows the last of ``marks`` after the start of ``head``. Whole words only
    (jieba's: 公共服务 holds no 共), and never nothing (建成职工之家共 stays as it is)."""
    if not any(a in head for a in marks):
        return head
    tokens = tokenizer().lcut(head, HMM=False)
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i] in marks:
            return "".join(tokens[i + 1 :]) or head
    return head


def _last_words(head: str, most: int) -> str:
    """The whole words (jieba's) that end ``head`` and fit in ``most`` characters, without a
    conjunction left at the front; a kind of facility at the end is kept whole with the word
    before it, though longer (建成劳模和工匠人才创新工作室, not 工匠人才创新工作室); so is a group
    of workers (``worker_groups.txt``) that the words kept start after (新就业形态劳动者入会人数,
    not 劳动者入会人数)."""
    if len(head) <= most:
        return head
    facility = facility_ending(head)
    if facility is not None and len(facility) + 2 > most:
        most = len(facility) + 2
    kept = ""
    groups = word_set("worker_groups.txt")
    # room for a group of workers past ``most``, and for the word the slice cuts at its start
    room = most + 4 + max(map(len, groups))
    for word in reversed(tokenizer().lcut(head[-room:], HMM=False)):
        if len(kept) + len(word) > most and (word not in groups or not kept):
            break
        kept = word + kept
        if len(kept) > most:  # a group of workers, whole
            break
    return _CONJUNCTION.sub("", kept) or head[-most:]


_CONJUNCTION = re.compile("^(?:和|与|及|并|以及|、)+")


_TIME_WORDS = re.compile(
    r"(?:往后|今后|未来|过去)?(?:五|\d+|[一二三四六七八九十]+)年(?:来|度)?|近年来|截至目前|目前"
    r"|[于在]?(?:今|本)?年(?:底|末)?(?:前|内)|[于在]?年底|[于在]?年末"
)


def _without_plan_words(head: str) -> str:
    """A target's words without the plan words that made it a target, nor when and how again
    (力争培育县级技能人才 -> 培育县级技能人才; 今年将再培育 -> 培育; 计划新建 -> 新建): they say
    it is planned, not what is planned. A subject before the word of intent goes with it
    (各级工会计划投入资金 -> 投入资金). A word of intent that ends the words, the verb after it
    taken off before (驿站总数力争达到60个 -> 驿站总数力争), is left off: what comes before it is
    what is counted (驿站总数)."""
    lead, rest = (*words("plan"), *_PLAN_LEAD), _after_word(head, words("intent"))
    while rest and (word := next((w for w in lead if rest.startswith(w)), None)):
        rest = rest[len(word) :]
    if rest == head and (intent := next((w for w in words("intent") if head.endswith(w)), None)):
        tokens = tokenizer().lcut(head, HMM=False)
        if len(tokens) > 1 and tokens[-1] == intent:
            return "".join(tokens[:-1])
    return rest or head


_PLAN_LEAD = (
    "今年",
    "明年",
    "全年",
    "年内",
    "年底前",
    "年底",
    "年末",
    "当年",
    "再",
    "还",
    "又",
    "也",
)
"""Words before what a target counts that say when or that it is more of the same."""


def _is_target(
    ctx: Context,
    sent: Sentence,
    q: QuantityMatch,
    deadline_before: bool,
    programs: list[tuple[int, int, str, str]],
    orgs: list,
) -> bool:
    if deadline_before:
        return True
    # the words of a program's name are its name: 计划 in 实施“曲江匠才”培育计划 is no plan
    head = blanked(sent.text[: q.start], [(s, e) for s, e, _, _ in programs])
    plan = max((plan_at(head, w) for w in words("plan")), default=-1)
    done = max((head.rfind(w) for w in words("done")), default=-1)
    if plan >= 0 and plan > done and not _new_subject(sent.text, plan, q.start, orgs):
        return True
    if future_frame_at(head, clause_start(head, q.start)):
        return True  # 明年实现全区规上工业企业建会率100%: a plan, though 实现 is done
    if _plan_intro(ctx, sent) is not None:
        return True  # 二〇二五年工作目标 then 2.建成“工会驿站”10个以上: planned, though 建成
    if _inline_plan_intro(ctx, sent, q.start) is not None:
        return True  # 明年将重点抓好四项工作：一是…；二是新建“北江暖心驿站”30个: planned
    if q.quantity.qualifier in _FLOORS and done < clause_start(head, q.start):
        return True  # 每年组织职工技能竞赛不少于30项, 增幅不低于5%: a floor set, no count
    if (
        done >= 0
        and head.startswith(_REACHED, done)
        and any(plan_at(head[:done], w) >= 0 for w in words("intent"))
    ):
        return True  # 力争新建驿站10个，实现24个镇（街）职工服务中心全覆盖: what the plan reaches
    if (
        ctx.year
        and (end := plan_end_year(head[clause_start(head, q.start) :])) is not None
        and end > ctx.year
        and (plan >= 0 or _plan_continued(ctx, sent))
    ):
        return True  # 市总工会将…：…；“十五五”期间累计评选…150名: over a plan's years to come
    # a five-year plan's years named since the sentence's last ；
    span = head[_after_last_stop(head, len(head)) :]
    if (end := plan_end_year(span)) is not None and "以来" not in span:
        if ctx.year and end - 4 > ctx.year:
            return True  # “十五五”期间，培育…50名以上, in 2025: the plan's years are all to come
        if not ctx.year and done < 0 and _plan_continued(ctx, sent):
            # 根据规划，到2027年…；“十五五”期间，培育…50名以上: in a report with no year
            return True
    if done >= 0:
        return intent_before(head, done)
    return _plan_paragraph(ctx, sent)


def _after_last_stop(text: str, at: int) -> int:
    """Where the text after the last ； or ： before ``at`` starts: the part of a sentence a
    figure's plan words and time frame belong to (the segmenter cuts long sentences at ；)."""
    return max(text.rfind(c, 0, at) for c in "；：") + 1


def _new_subject(text: str, plan: int, figure: int, orgs: list) -> bool:
    """Whether a clause between a plan word at ``plan`` and a figure opens with an organization,
    a subject of its own that the plan word does not govern (…行动将持续至9月30日，县总工会统筹
    安排专项资金38.6万元: the union's funds are arranged, not planned)."""
    return any(
        plan < o.start
        and o.end <= figure
        and clause_start(text, o.start) == o.start
        and o.start > 0
        and text[o.start - 1] in "，；"
        for o in orgs
    )


def _continued_from(ctx: Context, sent: Sentence) -> Iterator[Sentence]:
    """The sentences of its paragraph that ``sent`` goes on from, nearest first: each one before
    it as long as it ends with a ； (a long sentence the segmenter cut there)."""
    for other in reversed(ctx.seg.before_in_paragraph(sent)):
        if not other.text.endswith("；"):
            return
        yield other


def _plan_continued(ctx: Context, sent: Sentence) -> bool:
    """Whether ``sent`` goes on, after a ；, from a sentence that states plans (市总工会将重点抓好
    …：全年新发展会员8万人…； then “十五五”期间累计评选…)."""
    return any(
        plan_at(other.text, w) >= 0 for other in _continued_from(ctx, sent) for w in words("plan")
    )


def _year_continued(ctx: Context, sent: Sentence) -> int | None:
    """The year stated for the plans of the sentence that ``sent`` goes on from after a ；
    (阙志明表示，2026年是…，市总工会将…：…； then 职工互助保障参保力争突破42万人次)."""
    for other in _continued_from(ctx, sent):
        periods = find_periods(other.text)
        if (year := _year_stated_before(ctx, other.text, periods, len(other.text))) is not None:
            return year
    return None


def _plan_paragraph(ctx: Context, sent: Sentence) -> bool:
    """Whether the paragraph of ``sent`` opens as one of plans (after a speaker's name: 阙志明表示，
    2026年…将…)."""
    body = re.sub(r"^[\u4e00-\u9fff]{2,4}：", "", ctx.seg.paragraph_of(sent).text)
    return bool(_PLAN_PARAGRAPH.match(body))


_LIST_ITEM = re.compile(
    r"^\s*(?:（[一二三四五六七八九十\d]{1,3}）|[一二三四五六七八九十]{1,3}[、是]|\d{1,2}[.、．])"
)
_PLAN_INTRO = re.compile("部署|计划|目标|打算|要点|安排|重点工作")
_HEADING_MOST = 30
"""Characters of a section heading (二〇二五年工作目标)."""


def _intro_year(intro: str) -> int | None:
    """The year a line introducing plans names (部署2026年重点工作：, 二〇二五年工作目标)."""
    return next((p.year for p in find_periods(intro) if p.kind == "year"), None)


def _year_named(ctx: Context, text: str) -> int | None:
    """The first year ``text`` names, or the article's year it counts from (今年, 明年), if
    not one before the article's."""
    for p in find_periods(text):
        if p.kind == "year" or (p.kind == "relative" and ctx.year and (p.offset or 0) >= 0):
            return _year_to_come(ctx, p)
    return None


def _plan_intro(ctx: Context, sent: Sentence) -> str | None:
    """The line that introduces a list of plans, when ``sent`` is in an item of one:
    部署2026年重点工作： then （一）…全年培训产业工人3万人次； (a colon at its end and a word of
    planning in it), or a section heading of planning (二〇二五年工作目标, a short line with no
    punctuation) then 1.新建基层工会不少于40个. The items' figures are targets, due in the year it
    names."""
    para = ctx.seg.paragraph_of(sent)
    if not _LIST_ITEM.match(para.text):
        return None
    for i in range(para.index - 1, -1, -1):
        text = ctx.seg.paragraphs[i].text.strip()
        if not text or _LIST_ITEM.match(text):
            continue
        planned = _PLAN_INTRO.search(text) or plan_at(text, "将") >= 0  # not 现将…通知如下
        heading = len(text) <= _HEADING_MOST and not re.search(r"[，。；！？、]", text)
        if planned and (text.endswith(("：", ":")) or (heading and _intro_year(text))):
            return text
        return None
    return None


_REACHED = ("实现",)
"""A word of work done that, after a word of intent earlier in its sentence, says what the plan
reaches (力争…，实现…), not what was done."""

_FLOORS = ("不少于", "不低于")
"""Qualifiers that set a floor for what is to be done (a requirement), unless a word of work
done stands before them in the clause (全年共举办…不少于…: reported)."""

_ITEM = re.compile(r"(?:^|(?<=[：:；;。，,]))\s*([一二三四五六七八九十])是")
"""一是…；二是…: the items of a list written inline, each opening a clause."""
_ITEMS_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}[：:]\s*(?:一是|（一）|一、|1[.、．])")
"""抓好四项工作：一是…: the count of the items that follow, no figure of work."""


def _inline_plan_intro(ctx: Context, sent: Sentence, at: int) -> str | None:
    """What introduces the inline list (一是…；二是…) that ``text[at]`` is an item of, when it
    is one of plans: the words before 一是 in the sentence (明年全市工会将重点抓好四项工作：),
    else the paragraph's sentence before (主要有三个方面。), else, in an answer, the question
    (今年全市工会的主要目标是什么？). Planned when a word of planning (将, 计划, 目标, 打算 …)
    or a time to come (明年) stands in one of them after any word of work done; all of them
    are returned, for the year they name."""
    if not any(_ITEM.finditer(sent.text, 0, at)):
        return None
    texts = [s.text for s in ctx.seg.before_in_paragraph(sent)]
    texts.append(sent.text[:at])
    intros = []
    for i in range(len(texts) - 1, -1, -1):
        first = next((m for m in _ITEM.finditer(texts[i]) if m.group(1) == "一"), None)
        if first is None:
            continue
        if texts[i][: first.start()].strip():
            intros.append(texts[i][: first.start()])
        elif i > 0:
            intros.append(texts[i - 1])
        para = ctx.seg.paragraph_of(sent)
        if para.kind == "answer" and para.index > 0:
            intros.append(ctx.seg.paragraphs[para.index - 1].text)
        break
    for intro in intros:
        clauses = [0, *(i + 1 for i, c in enumerate(intro) if c in CLAUSE_DELIMITERS)]
        plan = max(
            [m.start() for m in _PLAN_INTRO.finditer(intro)]
            + [plan_at(intro, w) for w in words("plan")]
            + [i for i in clauses if future_frame_at(intro, i)],
            default=-1,
        )
        done = max((intro.rfind(w) for w in words("done")), default=-1)
        if plan >= 0 and plan > done:
            return "\n".join(intros)  # the year may be the question's (今年…的主要目标)
    return None


def _deadline_for(text: str, deadlines: list[DeadlineMatch], at: int) -> DeadlineMatch | None:
    """The deadline that governs a figure at ``at``: the last one before it, unless a clause
    between them opens with a time frame of its own (力争到2027年底…达到300个以上，全年开展…
    惠及职工1.2万人次: the 1.2万 is this year's, not 2027's)."""
    deadline = next((d for d in reversed(deadlines) if d.start < at), None)
    if deadline is None:
        return None
    for i in range(deadline.end, at):
        if text[i] in CLAUSE_DELIMITERS and time_frame_at(text, i + 1):
            return None
    return deadline


def _year_stated_before(ctx: Context, text: str, periods: list, at: int) -> int | None:
    """The year a target is set for when its sentence says which, opening a clause before it
    (2026年，区总工会将…力争全年举办招聘活动50场; 今年夏季，…将投入…; 明年力争…) or before a word
    of intent (…委员会今年将为职工办好10件实事); none for a
    stretch of years, a year inside a clause (…被确定为2022年试点单位) or one before the
    article's."""
    period = next(
        (
            p
            for p in reversed(periods)
            if p.end <= at
            # …委员会今年将为职工办好10件实事: a year right before a word of intent, or after
            # one (力争今年全市工会系统荔枝采购量突破1500吨)
            and (
                clause_start(text, p.start) == p.start
                or text.startswith(words("intent"), p.end)
                # (not 力争全年: the whole of the year named before, 2026年，…力争全年新建…)
                or (text[: p.start].endswith(words("intent")) and p.text != _WHOLE_YEAR)
            )
        ),
        None,
    )
    if period is None:  # 将推动明年一线职工工资增长不低于6%: a year to come in the figure's clause
        clause = clause_start(text, at)
        period = next(
            (
                p
                for p in reversed(periods)
                if clause <= p.start and p.end <= at and p.text in _YEAR_WORDS
            ),
            None,
        )
    if period is None and not any(
        p.kind in ("year", "month", "relative")
        and p.text != _WHOLE_YEAR
        and p.end <= at
        and clause_start(text, p.start) == p.start
        for p in periods
    ):  # 力争全年为职工追回欠薪不少于3000万元, no year opening a clause before: the article's
        period = next(
            (
                p
                for p in periods
                if p.text == _WHOLE_YEAR
                and p.end <= at
                and text[: p.start].endswith(words("intent"))
            ),
            None,
        )
    return _year_to_come(ctx, period) if period is not None else None


_YEAR_WORDS = ("今年", "明年", "后年")
"""The years counted from the article's that a plan's clause may name anywhere before its figure."""

_RECURRING = re.compile("每(?:一)?(?:年|季度|个季度|月|个月|周|半年)|年年")
"""Words of a target set again and again (每年举办…不少于5个, 每季度举办1场以上): it has no
deadline."""


_MONTH_ALONE = re.compile(
    r"(?<![0-9年至到])(1[0-2]|0?[1-9])月(?:上旬|中旬|下旬|初|中|底)?(?![0-9日])"
)
"""A month written without its year (在8月上旬, 9月底前), not a day's date (8月5日) nor the end of
a span (1至7月)."""


def _month_stated_before(ctx: Context, text: str, at: int) -> int | None:
    """The year of a plan that names only a month before its figure (区总工会将…在8月上旬再开设
    第二批托管班4个): the article's year, or the next one for a month already past when it was
    written."""
    found = list(_MONTH_ALONE.finditer(text, 0, at))
    if not found or ctx.year is None or ctx.month is None:
        return None
    return ctx.year + (1 if int(found[-1].group(1)) < ctx.month else 0)


def _year_to_come(ctx: Context, period: PeriodMatch) -> int | None:
    """The calendar year of a year, a month or a year counted from the article's (今年, 明年),
    unless it is before the article's: a plan is for a year to come."""
    year = None
    if period.kind in ("year", "month"):
        year = period.year
    elif period.kind == "relative" and ctx.year and (period.offset or 0) >= 0:
        year = ctx.year + (period.offset or 0)
    return year if year is not None and (not ctx.year or year >= ctx.year) else None


def _earlier_deadline(ctx: Context, sent: Sentence):
    for other in reversed(ctx.seg.before_in_paragraph(sent)):
        found = find_deadlines(other.text)
        if found:
            return found[-1]
    return None


def _countable(text: str, q: QuantityMatch) -> bool:
    """Durations (用时9年, 四小时), 个方面 and 件事 (重点抓了三件事: the points of a speech),
    a facility's area (建筑面积约1200平方米), and rates per head (资助标准为每人3000元至5000元,
    每户发放500元) are not figures of work done or planned."""
    if q.quantity.unit in _DURATION_UNITS:
        return False
    clause = text[clause_start(text, q.start) : q.start]
    if _PER_HEAD.search(clause) or _PER_HEAD_START.match(clause):
        return False
    if "面积" in clause:
        return False  # 建筑面积约1200平方米: what a facility is like, not work done
    if _ITEMS_AFTER.match(text, q.end):
        return False  # 重点抓好四项工作：一是…
    if q.quantity.unit == "岁" and (_AGE_BEFORE.search(clause) or text.startswith("的", q.end)):
        return False  # 今年46岁的敖志诚, 现年38岁: a person's age
    if q.quantity.unit in ("岁", "周岁") and q.quantity.qualifier in ("以下", "以上"):
        return False  # 机关35岁以下干部, 年满18周岁以上: whom a figure counts, no figure
    if _FROM_BEFORE.search(clause) and _CHANGED_TO.match(text, q.end):
        # 建制率由92.3%提升至99.1%, 由行动启动前的61.2%提升至78.6%: where the change started
        return False
    return not text.startswith(("方面", "事"), q.end)


def _scope_of_next(text: str, q: QuantityMatch, after: list[QuantityMatch]) -> bool:
    """Whether a count of places is where the figure next in its clause holds: before a rate
    (全区10个镇（街道）工会服务事项线上可办率达100%: the rate's scope, no target of ten towns)
    or before a word that sums over them (全市11个区共组织选拔赛企业2,860家: the places did it)."""
    places = _PLACES_COUNTED.match(text, q.end)
    if not places or not after:
        return False
    if after[0].quantity.unit != "%" and not text.startswith(_SUMMED, places.end()):
        return False
    return not re.search("[，。；：]", text[q.end : after[0].start])


_SUMMED = ("共", "均", "都", "累计", "合计", "全部")
"""Words right after a count of places that sum what follows over them."""


_PLACES_COUNTED = re.compile("(?:乡镇|镇|街道|镇街|县|区|县区|县（市、区）|村|社区)")
"""What a count of places counts, right after the unit (10个镇（街道）)."""


_AGE_BEFORE = re.compile("(?:现年|今年|年仅|时年|年满|已经|已)$")
_FROM_BEFORE = re.compile("[由从][^，。；：\\d]{0,8}?的?$")
_CHANGED_TO = re.compile(f"(?:{_CHANGE_VERBS})?(?:至|到)")


_PER = "每(?:人|户|名|位|家|个|次|场|月|天|日|周)(?:每(?:月|年|天|日|周))?"
_PER_HEAD = re.compile(f"{_PER}$")
_PER_HEAD_START = re.compile(_PER)


def _period(
    ctx: Context, sent: Sentence, q: QuantityMatch, periods: list[PeriodMatch]
) -> PeriodMatch | None:
    """The period a figure is of: the last one stated before it in its sentence, else in its
    paragraph. 全年 stands for the year named before it, which is the period then (2025年，…
    全年发布岗位信息2.3万条: 2025年; 去年，…全年化解劳动争议310宗: 去年): a table of figures shows
    the period's words, and 全年 alone says no year; else 全年, the article's year. So does 累计
    after a period named earlier in its sentence, or in the one it continues after ；(过去五年，
    …；累计投入帮扶资金1260万元: over the five years)."""
    before = [
        p
        for p in periods
        if p.end <= q.start
        and p.kind != "future_years"
        # 元旦春节期间走访慰问…；“金秋助学”资助…: a holiday's, up to the ；
        and not (p.text in _holidays() and "；" in sent.text[p.end : q.start])
    ]
    for other in reversed(ctx.seg.before_in_paragraph(sent)):
        continued = before and before[-1].text == _RUNNING_TOTAL and other.text.endswith("；")
        if before and before[-1].text != _WHOLE_YEAR and not continued:
            break
        before = [
            p
            for p in find_periods(other.text)
            if p.kind != "future_years"
            # nor in the next sentence, unless it goes on with its details (其中，…)
            and (p.text not in _holidays() or sent.text.startswith("其中"))
        ] + before
    if not before:
        return None
    found = before[-1]
    if found.text == _WHOLE_YEAR:  # the year said before it, 2025年 or 去年, is the period
        named = next((p for p in reversed(before[:-1]) if p.kind in ("year", "relative")), None)
        if named is not None:
            return named
    elif found.text == _RUNNING_TOTAL and len(before) > 1:
        return before[-2]  # 截至11月底，…，累计服务…60万人次: the running total to that date
    return found


@cache
def _holidays() -> frozenset[str]:
    """The holidays and seasons of union campaigns (``holiday`` in period_words.tsv)."""
    return frozenset(row[1] for row in table("period_words.tsv") if row[0] == "holiday")


_WHOLE_YEAR = "全年"
_RUNNING_TOTAL = "累计"
"""At a clause's start a period of its own (累计建成…: to date), but after a period named earlier
in the sentence, the total over that one."""


def _program_of(
    text: str, q: QuantityMatch, programs: list, orgs: list, given: set[tuple[int, int]]
) -> tuple[Ref | None, int]:
    """The program a figure is of, and where it ends when it is the clause's subject (what the
    figure measures starts after it; else 0). The one given to those counted in the figure's
    clause (为860名环卫工人赠送“工会二次医保”: added to ``given``, which keeps it from later
    clauses' figures), else the last one named before the figure."""
    named = next(
        (
            (s, e, n)
            for s, e, n, _ in reversed(programs)
            if e <= q.start and ((s, e) not in given or clause_start(text, q.start) <= s)
        ),
        None,
    )
    object_at = _given_quoted(text, q.end)
    given_one = next(
        ((s, e, n) for s, e, n, _ in programs if object_at is not None and s > object_at), None
    )
    if given_one is not None and clause_start(text, given_one[0]) <= q.end:
        given.add(given_one[:2])
        named = given_one
    if named is None:
        return None, 0
    subject = (
        # an unquoted brand is part of a noun (送温暖资金已达…: 送温暖资金)
        text.startswith(("“", '"', "「"), named[0])
        and (
            _opens_clause(text, named[0], q.start)
            # the subject's own program: 区总工会“顺工e家”平台注册会员已达26万人
            or any(o.end == named[0] and _opens_clause(text, o.start, q.start) for o in orgs)
        )
    )
    return Ref("program", named[2]), named[1] if subject else 0


_COLUMN_UNIT = re.compile(r"[（(]([^（()）]{1,4})[）)]$")
"""A column's unit in brackets at the end of its heading: 受助人数（名）, 金额（万元）."""
_HEADING_HINT = re.compile(r"[（(][^（()）\n]{1,4}[）)](?:\u3000|[ \t]{2,}|\t|[ \t]*\n)")
"""A bracketed unit ending a cell (受助人数（名）　…): a text without one has no table to read."""
_INDEX_HEADINGS = ("序号", "编号", "排名", "名次")
_TOTAL_ROWS = ("合计", "总计", "小计")


@cache
def _columns(heading: tuple[str, ...]) -> tuple[dict[int, str], int | None]:
    """The columns of a table's heading that give their unit (with it), and the column that
    names a row: the first that gives no unit and is no index."""
    units = {
        col: m.group(1)
        for col, cell in enumerate(heading)
        if (m := _COLUMN_UNIT.search(cell)) and find_quantities("1" + m.group(1))
    }
    label = next(
        (c for c, cell in enumerate(heading) if c not in units and cell not in _INDEX_HEADINGS),
        None,
    )
    return units, label


def table_figures(ctx: Context) -> Iterator[Fact]:
    """The figures of a table copied as lines (:mod:`kg.extract.tables`) whose heading has a
    column with its unit in brackets (序号　单位　受助人数（名）　金额（万元））: each number under
    a unit is an achievement measured by the row's label (1　乳城镇总工会　15　5.7: 15名 and
    57,000元 of 乳城镇总工会), with no period (the table's title names an edition, not when). A
    total row (合计) repeats the text's own figures: left out."""
    if not _HEADING_HINT.search(ctx.doc.text):  # most articles: no column with its unit
        return
    for row in tables.rows(
        ctx.doc.text, lambda h: bool(_columns(h)[0]) and _columns(h)[1] is not None
    ):
        units, label = _columns(row.heading)
        assert label is not None
        name = row.cells[label]
        if name in _TOTAL_ROWS or not all(
            tables.NUMBER_CELL.fullmatch(row.cells[c]) for c in units
        ):
            continue
        found = tables.row_sentence(ctx, row)
        if found is None:
            continue
        sent, start, end = found
        ev = ctx.evidence(sent, start, end, "table_row")
        for col, unit in units.items():
            quantities = find_quantities(row.cells[col].replace(",", "") + unit)
            if quantities:
                args = {"measure": name, "quantity": quantities[0].quantity}
                yield Fact("achievement", tuple(sorted(args.items())), (ev,), "achieved")


def extract_figures(ctx: Context) -> Iterator[Fact]:
    """Targets and achievements of every sentence, and of the rows of a table (see
    :func:`table_figures`)."""
    yield from table_figures(ctx)
    for sent in ctx.seg.sentences:
        if sent.kind in (
            "junk",
            "footer",
            "byline",
            "series",
            "headline",
            "deck",
            "question",
            "caption",
        ):
            continue
        found = find_quantities(sent.text)
        if not found:
            continue
        deadlines = find_deadlines(sent.text)
        periods = find_periods(sent.text)
        programs = find_programs(sent.text)
        orgs = find_orgs(sent.text, ctx.city, ctx.province, ctx.county)
        last_figure: Fact | None = None
        last_end = -1
        pending: list[Fact] = []
        # programs given to the people a figure counts: no topic of a later clause's figures
        given: set[tuple[int, int]] = set()
        noun_end = -1  # where the noun counted by the figure before ends, if written whole
        last_head = ""  # what the achievement before did, without the noun it counted
        for i, q in enumerate(found):
            if not _countable(sent.text, q) or _scope_of_next(sent.text, q, found[i + 1 :]):
                continue
            qty = q.quantity
            growth = _GROWTH_ONLY.fullmatch(sent.text[clause_start(sent.text, q.start) : q.start])
            if growth and (qty.unit == "%" or qty.in_points):
                if (
                    last_figure is not None
                    and last_figure.kind == "achievement"
                    # a change in percentage points is a rate's (入会率92.5%，同比提高2.5个百分点)
                    and (qty.unit == "%" or _unit_of(last_figure) == "%")
                ):
                    idx = pending.index(last_figure)
                    args = dict(last_figure.args)
                    args["growth"] = _signed(qty, growth.group(1))
                    pending[idx] = last_figure = Fact(
                        "achievement", tuple(sorted(args.items())), last_figure.evidence, "achieved"
                    )
                    continue
            ev = ctx.evidence(sent, sent.start + q.start, sent.start + q.end, "figure")
            program, program_end = _program_of(sent.text, q, programs, orgs, given)
            by = subject_org(ctx, sent.text, q.start, orgs, sent)
            # the clause's subject (a program, an organization) is not what is counted or
            # was done: 县总还为首批12家…授牌 measures 首批…, not 县总还为首批…
            subject_end = max(
                [program_end]
                + [
                    o.end
                    for o in orgs
                    if o.end <= q.start and _opens_clause(sent.text, o.start, q.start)
                ]
            )
            between = sent.text[max(noun_end, 0) : q.start]
            if (
                noun_end <= q.start
                and clause_start(sent.text, q.start) <= last_end
                and CJK_RUN.match(between)
                and not between.startswith("的")
            ):
                # 向300户困难职工家庭发放慰问金12万元: what the figure before counted is no
                # part of what this one measures (发放慰问金, not 家庭发放慰问金)
                subject_end = max(subject_end, noun_end)
            # 10名侨乡工匠和6个先进班组, 职工书屋12家和工会驿站30个: the next item of a list
            # joined by a conjunction starts after it
            joined = _joined_at(sent.text, max(noun_end, last_end), q.start)
            if joined is not None and last_figure is not None:
                subject_end = max(subject_end, joined)
            deadline = _deadline_for(sent.text, deadlines, q.start)
            if deadline is None and any(
                p.kind == "future_years" and p.end <= q.start for p in periods
            ):
                deadline = _earlier_deadline(
                    ctx, sent
                )  # 往后5年要增加约390名: the paragraph's horizon
            if _is_target(ctx, sent, q, deadline is not None, programs, orgs):
                what = _what_after(sent.text, q.end) or _without_plan_words(
                    _verb_before(sent.text, q.start, q.start, subject_end, most=14)
                )
                if last_figure is not None and last_figure.kind == "target":
                    what = _listed_after(sent.text, last_end, q.start, what, last_figure)
                args: dict[str, object] = {"what": what, "quantity": qty}
                if deadline is not None and deadline.year_in(ctx.year) is not None:
                    args["deadline"] = deadline.year_in(ctx.year)
                elif plan_end := plan_end_year(sent.text[: q.start]):
                    args["deadline"] = plan_end  # 力争“十五五”期间培育…: by 2030
                elif (intro := _plan_intro(ctx, sent)) and (
                    year := _intro_year(intro) or _year_named(ctx, intro)
                ):
                    args["deadline"] = year  # 部署2026年重点工作：, 今年…将重点做好以下工作：
                elif (year := _year_stated_before(ctx, sent.text, periods, q.start)) is not None:
                    args["deadline"] = year  # 2026年，…力争全年新建…50个: that year's
                elif (year := _year_continued(ctx, sent)) is not None:
                    args["deadline"] = year  # 2026年…将…：…； then 参保力争突破42万人次
                elif (year := _month_stated_before(ctx, sent.text, q.start)) is not None:
                    args["deadline"] = year  # 将…在8月上旬再开设第二批托管班4个
                elif (intro := _inline_plan_intro(ctx, sent, q.start)) and (
                    year := _year_named(ctx, intro)
                ) is not None:
                    args["deadline"] = year  # 今年的主要目标是什么？ then 一是…
                if (
                    deadline is None
                    and "deadline" in args
                    and _RECURRING.search(sent.text, _after_last_stop(sent.text, q.start), q.start)
                ):
                    del args["deadline"]  # 明年起每季度举办1场以上: recurring, due at no date
                if by is not None:
                    args["set_by"] = by
                    args["scope"] = Ref("place", _scope(ctx, by))
                if program is not None:
                    args["program"] = program
                fact = Fact("target", tuple(sorted(args.items())), (ev,), "target")
            else:
                head = _head_before(sent.text, q.start, subject_end, orgs)
                if _for_whom_before(sent.text, q.start):
                    head = ""  # 甄丽萍一行为50名一线职工代表发放…: the people served are counted
                if last_figure is not None and last_figure.kind == "achievement":
                    head = _listed_after(sent.text, last_end, q.start, head, last_figure)
                    head = _owned_by_figure(sent.text, last_end, q.start, head)
                noun = _counted_noun(sent.text, q.end, q.start)
                if noun and (written_end := _written_end(sent.text, q.end, noun)) is not None:
                    noun_end = written_end
                if joined is not None and not head and last_figure is not None:
                    head = last_head  # 评选出10名侨乡工匠和6个先进班组: 评选出先进班组
                measure = head + noun
                if not noun and last_figure is not None and last_figure.kind == "achievement":
                    measure = _counted_before(head, last_figure, qty) or measure
                measure = measure or qty.unit
                args = {"measure": measure, "quantity": qty}
                period = _period(ctx, sent, q, periods)
                if period is not None:
                    args["period"] = period.text
                    if period.years:
                        args["period_years"] = period.years
                    if period.year:
                        args["period_year"] = period.year
                    elif period.offset is not None and ctx.year:  # 去年, in an article of 2026
                        args["period_year"] = ctx.year + period.offset
                    since = re.search(r"“([^”]+)”", period.text)
                    # (“粤工惠”上线以来: the program's; “十四五”期间: a plan's years)
                    if since and program is None and not FIVE_YEAR_PLAN.fullmatch(since.group(1)):
                        program = Ref("program", since.group(1))
                if by is not None:
                    args["by"] = by
                if city := city_of_subject(ctx, by):
                    args["city"] = Ref("place", city)
                if program is not None:
                    args["program"] = program
                fact = Fact("achievement", tuple(sorted(args.items())), (ev,), "achieved")
                last_head = head
            pending.append(fact)
            last_figure, last_end = fact, q.end
        yield from pending
