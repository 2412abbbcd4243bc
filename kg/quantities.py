"""The number layer: quantities, periods and deadlines in normalized Chinese text.

The extractors of targets and achievements need three things from a sentence: the figures it
states (``共帮助119家企业`` → 119 家, ``超600万元`` → 6,000,000 元 with qualifier 超), the period
they cover (``五年来``, ``截至目前``, ``自…开展以来``) and, for targets, the deadline
(``力争到2029年``). This module finds all three and nothing else; deciding which figure is a target
and which an achievement is the extractors' job.

Why rules are shaped this way:

- A number is a quantity only with a counting unit or a percent sign. Bare numbers in this genre
  are hotlines (``12351``), program codes (``“1310”``), years and names, so they are never taken.
- Units, qualifiers, set phrases and period words are data (``kg/data/quantity_units.tsv``,
  ``quantity_qualifiers.tsv``, ``quantity_names.txt``, ``period_words.tsv``), compiled once per
  process into one regex per task, so a text is scanned in a single pass (the builder runs this
  over millions of sentences).
- Values are computed with :class:`~decimal.Decimal` so that ``5156.03万元`` is exactly 51560300
  and :func:`format_quantity` can give the canonical text back.
- Chinese numerals are read here, as cn2an's "smart" mode reads them (the tests hold the two
  together; importing cn2an cost every process ~0.1 s); a bare ``一`` (``一个``, ``一支宏大的队伍``) is an
  article far more often than a count and is skipped, as are bare ``百/千/万`` (``千家万户``).

Input is the normalizer's output: half-width digits, full-width Chinese punctuation (，。：；),
``%``, ``.``, ``-``, ``~``, ``—``, ``至``, ``到`` as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from kg.lexicon import first_chars, table, word_list
from kg.records import Quantity

UNITS_FILE = "quantity_units.tsv"
QUALIFIERS_FILE = "quantity_qualifiers.tsv"
NAMES_FILE = "quantity_names.txt"
PERIODS_FILE = "period_words.tsv"

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_POSITIONS = "十百千万亿"
_CN_SET = frozenset(_CN_DIGITS + _CN_POSITIONS)
_MULTIPLIERS: dict[str, Decimal] = {
    "万亿": Decimal(10**12),
    "千万": Decimal(10**7),
    "百万": Decimal(10**6),
    "亿": Decimal(10**8),
    "万": Decimal(10**4),
    "千": Decimal(10**3),
    "百": Decimal(100),
}
# Multipliers format_quantity may use, largest first (万/亿 are how amounts are written).
_FORMAT_MULTIPLIERS = (("亿", Decimal(10**8)), ("万", Decimal(10**4)))
# Unit kinds whose large values are written with 万/亿.
_SCALED_KINDS = frozenset({"count", "money", "measure"})

_ARABIC = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_CN_NUM = rf"[{_CN_DIGITS}{_CN_POSITIONS}]+(?:点[{_CN_DIGITS}]+)?"
_NUM = rf"(?:{_ARABIC}|{_CN_NUM})"
_MULT = "|".join(sorted(_MULTIPLIERS, key=lambda w: (-len(w), w)))
_RANGE_SEP = "-|－|~|～|—|–|至|到"
_ARABIC_RE = re.compile(_ARABIC)
_LEADING_ZERO = re.compile(r"0[0-9]")
_NUMBER_RE = re.compile(rf"(?P<n>{_NUM})(?:(?P<m>{_MULT}))?")
# Characters that, right before an Arabic number, show it is part of a code, a version, a date
# or a longer number rather than a count (A12, 1.5.3, 0762-12351).
_CODE_BEFORE = frozenset("0123456789.,_#/:@+×*ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ORDINAL_BEFORE = "第届"
"""Right before a number, what makes it an ordinal: 第三次, 十届三次全委会议 (the third plenary
session of the tenth committee)."""
_CLAUSE_PUNCT = "，。；：！？、\n"


# ----------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """A quantity found in a text. ``start``/``end`` are offsets in the text given to
    :func:`find_quantities` and cover qualifiers, number, multiplier and unit."""

    start: int
    end: int
    quantity: Quantity


@dataclass(frozen=True, slots=True)
class PeriodMatch:
    """A time frame stated in a text.

    ``kind`` is ``since_years`` (五年来, 过去五年, 近年来), ``future_years`` (未来五年, 今后五年),
    ``until_now`` (截至目前, 目前, 累计 at the start of a clause), ``since_event``
    (自…开展以来, 2024年以来), ``year`` (2024年, 截至2024年底), ``month`` (2024年9月, 2025年1-6月)
    or ``relative`` (今年, 去年, 今年以来, 上半年, 1至10月: a year counted from the article's,
    ``offset``) or
    ``yearly`` (每年, 年均: a figure per year) or ``plan`` (“十四五”期间: a five-year plan's
    years, ``years`` 5).
    ``years`` is N for since_years/future_years when the text gives it; ``year`` is the calendar
    year of year/month (and of since_event when the event is a date)."""

    start: int
    end: int
    text: str
    kind: str
    years: int | None = None
    year: int | None = None
    offset: int | None = None
    """For ``relative`` (今年, 去年以来, 上半年): the year relative to the article's, 0 or -1 …"""


@dataclass(frozen=True, slots=True)
class DeadlineMatch:
    """A deadline of a target: 到2029年, 力争到2029年, 至2027年底, 2029年前, 到二〇二九年; or one
    relative to the article's year (到年底, 力争到今年底, 明年底前, 今年内: ``year`` None, ``offset``
    0 or 1)."""

    start: int
    end: int
    text: str
    year: int | None
    offset: int | None = None

    def year_in(self, article_year: int | None) -> int | None:
        """The calendar year of the deadline, in an article of ``article_year``."""
        if self.year is not None:
            return self.year
        return None if article_year is None or self.offset is None else article_year + self.offset


@dataclass(frozen=True, slots=True)
class _Unit:
    kind: str
    needs_cue: bool
    not_before: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Qualifier:
    position: str
    sense: str
    licenses: bool
    not_after: frozenset[str]


# ----------------------------------------------------------------------------- data


def _cell(row: tuple[str, ...], i: int) -> str:
    """Column ``i`` of a table row, with ``-`` (the files' placeholder) read as empty."""
    value = row[i] if i < len(row) else ""
    return "" if value == "-" else value


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so the longest word wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def _units() -> dict[str, _Unit]:
    return {
        row[0]: _Unit(_cell(row, 1), _cell(row, 2) == "cue", frozenset(_cell(row, 3)))
        for row in table(UNITS_FILE)
    }


@cache
def _qualifiers() -> dict[str, _Qualifier]:
    return {
        row[0]: _Qualifier(
            _cell(row, 1), _cell(row, 2), _cell(row, 3) == "y", frozenset(_cell(row, 4))
        )
        for row in table(QUALIFIERS_FILE)
    }


def _words_at(position: str) -> tuple[str, ...]:
    return tuple(w for w, q in _qualifiers().items() if q.position == position)


@cache
def _cues() -> tuple[str, ...]:
    return _words_at("cue")


@cache
def _pre_token_re() -> re.Pattern[str]:
    return re.compile(_alternation(_words_at("pre")))


@cache
def _quantity_re() -> re.Pattern[str]:
    pre = _alternation(_words_at("pre"))
    mid = _alternation(_words_at("mid"))
    post = _alternation(_words_at("post"))
    units = _alternation(_units())
    first = first_chars("0123456789百", _CN_DIGITS, _CN_POSITIONS, _words_at("pre"))
    return re.compile(
        rf"(?={first})"
        rf"(?P<pre>(?:(?:{pre}) ?)*)"
        rf"(?:百分之(?P<pn>{_NUM})"
        # 3000元至5000元: the unit written after both numbers (the same one) is one range
        rf"|(?P<n1>{_NUM})(?: ?(?P<m1>{_MULT}))?(?P<p1>%)?"
        rf"(?:(?P<u1>{units})(?= ?(?:{_RANGE_SEP}) ?{_NUM}(?: ?(?:{_MULT}))?(?P=u1)))?"
        rf"(?: ?(?P<sep>{_RANGE_SEP}) ?(?P<n2>{_NUM})(?: ?(?P<m2>{_MULT}))?)?"
        rf"(?P<mid1>{mid})?(?P<m3>{_MULT})?(?P<mid2>{mid})?"
        rf" ?(?P<unit>{units}))"
        rf"(?P<post>{post})?"
    )


@cache
def _names_re() -> re.Pattern[str]:
    return re.compile(_alternation(word_list(NAMES_FILE)))


@cache
def _period_words() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in table(PERIODS_FILE):
        out.setdefault(row[0], []).append(_cell(row, 1))
    return {role: tuple(words) for role, words in out.items()}


def time_frame_at(text: str, pos: int) -> bool:
    """Whether ``text`` at ``pos`` opens with a time frame of its own (全年, 今年, 年内 …;
    ``period_words.tsv``, role ``frame``; or a year, 2026年), after which an earlier deadline
    no longer holds."""
    return bool(_frame_re().match(text, pos))


@cache
def _frame_re() -> re.Pattern[str]:
    return re.compile(f"(?:{_pw('frame')}|{_YEAR}年)")


@cache
def _future_re() -> re.Pattern[str]:
    later = [w for w, offset in _relative_offsets().items() if offset > 0]
    return re.compile(_alternation((*later, *_period_words()["future_prefix"])))


def future_frame_at(text: str, pos: int) -> bool:
    """Whether ``text`` at ``pos`` opens with a time still to come (明年实现…, 今后…), or comes
    after a clause that is only such a time, in the same part of its sentence (明年，全区培育…):
    what a clause so opened reaches is planned."""
    if _future_re().match(text, pos):
        return True
    # the clauses before it up to the last ；/。/： (明年，全区培育…，对限期整改企业复评10家)
    start = max(text.rfind(c, 0, pos) for c in "。；：！？") + 1
    clauses = re.split("[，、]", text[start:pos])[:-1]
    return any(_future_re().fullmatch(c) for c in clauses)


@cache
def _relative_offsets() -> dict[str, int]:
    """Years relative to the article's (今年 0, 去年 -1), from ``period_words.tsv``."""
    return {_cell(r, 1): int(_cell(r, 2)) for r in table(PERIODS_FILE) if r[0] == "relative_year"}


def _pw(role: str) -> str:
    return _alternation(_period_words()[role])


_YEAR = r"(?:(?<![0-9])(?:1[89][0-9]{2}|20[0-9]{2}|2100)(?![0-9])|[〇零一二三四五六七八九]{4})"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_PERIOD_NUM = r"(?:[0-9]{1,2}|[一二两三四五六七八九十]{1,3})"


@cache
def _deadline_pattern() -> str:
    lead = _pw("deadline_lead")
    yearend = _pw("deadline_yearend")
    before = _pw("deadline_before")
    return (
        rf"(?:(?:{lead})?(?<!截)(?:{_pw('deadline_open')})(?P<dy1>{_YEAR})年(?:{_MONTH}月)?"
        rf"(?:{yearend})?(?:{before})?(?!后)"
        rf"|(?:{lead})?(?P<dy2>{_YEAR})年(?:{_MONTH}月)?(?:{yearend})?(?:{before})"
        rf"(?![0-9一二三四五六七八九十两几半季后]))"
    )


@cache
def _deadline_re() -> re.Pattern[str]:
    words = _period_words()
    first = first_chars("0123456789", _CN_DIGITS, words["deadline_lead"], words["deadline_open"])
    return re.compile(rf"(?={first}){_deadline_pattern()}")


@cache
def _period_re() -> re.Pattern[str]:
    not_clause = "[^，。；：！？\\n]"
    words = _period_words()
    first = first_chars(
        "0123456789党十“",
        _CN_DIGITS,
        *(
            words[role]
            for role in (
                "since_prefix",
                "since_vague",
                "future_prefix",
                "future_vague",
                "until_now",
                "since_open",
                "asof_prefix",
                "deadline_lead",
                "deadline_open",
                "relative_year",
                "yearly",
            )
        ),
    )
    return re.compile(
        rf"(?={first}|(?<!{not_clause}))"
        rf"(?:(?P<k_deadline>{_deadline_pattern()})"
        rf"|(?P<k_year_since>(?P<sy>{_YEAR})年(?:{_MONTH}月)?(?:{_pw('since_close')}))"
        rf"|(?P<k_since_open>(?<![来各独亲擅])(?:{_pw('since_open')})(?![己觉然主我身治动信律豪发愿])"
        rf"{not_clause}{{1,60}}?(?:{_pw('since_close')}))"
        rf"|(?P<k_since_clause>(?<!{not_clause})[^，。；：！？\n自]{{1,40}}?"
        rf"(?:{_pw('since_verb')})(?:{_pw('since_close')}))"
        rf"|(?P<k_since_congress>(?:党的)?[一二三四五六七八九十]+大(?:{_pw('since_close')}))"
        # a five-year plan's years: “十四五”期间, 十三五以来
        rf"|(?P<k_plan>{_FIVE_YEAR_PLAN_NAME}(?:期间|时期|以来))"
        # months of a year: 1至10月, 1-10月, 1月至10月, 今年1至11月, 2025年1-6月
        rf"|(?P<k_months>(?:(?P<ry>{_YEAR})年|(?P<rrel>{_pw('relative_year')}))?"
        rf"{_MONTH}月?(?:至|到|[-－—–~～])(?:{_MONTH})月份?)"
        rf"|(?P<k_asof>(?:{_pw('asof_prefix')})(?:(?P<ay>{_YEAR})年(?:(?P<am>{_MONTH})月)?"
        rf"|(?P<arel>{_pw('relative_year')})(?:{_MONTH}月)?|{_MONTH}月)"
        rf"(?:底|末|初|份|(?:[12][0-9]|3[01]|0?[1-9])日)?)"
        rf"|(?P<k_month>(?P<my>{_YEAR})年(?P<mm>{_MONTH})月)"
        # 5月，镇总工会举办…: a month of the article's year, opening a clause
        rf"|(?P<k_month_bare>(?<![0-9年至到])(?:{_MONTH})月(?=[，,]))"
        rf"|(?P<k_year>(?P<yy>{_YEAR})年度?(?:{_pw('year_part')})?)"
        rf"|(?P<k_yearly>{_pw('yearly')})"
        rf"|(?P<k_relative>(?<![较比与同于])(?P<rel>{_pw('relative_year')})(?!同期)"
        rf"(?:{_pw('year_part')}|底|末)?(?:{_pw('since_close')})?)"
        rf"|(?P<k_future_vague>{_pw('future_vague')})"
        rf"|(?P<k_future>(?:{_pw('future_prefix')})的?(?P<fn>{_PERIOD_NUM})年)"
        rf"|(?P<k_since_vague>{_pw('since_vague')})"
        rf"|(?P<k_since_pre>(?:{_pw('since_prefix')})的?(?P<sn>{_PERIOD_NUM})年"
        rf"(?:{_pw('since_suffix')}|{_pw('since_tail')})?)"
        rf"|(?P<k_since_suf>(?<![0-9.])(?P<sn2>{_PERIOD_NUM})年(?:{_pw('since_suffix')}))"
        # 近一个月来: months back from now
        rf"|(?P<k_since_months>(?:{_pw('since_prefix')})的?{_PERIOD_NUM}个月(?:{_pw('since_suffix')}))"
        # 读书月期间，, 台风过后，, 灾情发生后，: an event's time, opening a clause
        rf"|(?P<k_during>(?:^|(?<=[，,。；;：:\s]))[\u4e00-\u9fff]{{2,6}}?"
        rf"(?:期间|过后|发生后|结束后)(?=[，,]))"
        rf"|(?P<k_until>{_pw('until_now')})"
        rf"|(?P<k_until_start>(?<!{not_clause})(?:{_pw('until_clause_start')})))"
    )


# ----------------------------------------------------------------------------- numbers


_CN_DIGIT_VALUES = {
    c: v
    for v, cs in enumerate(("零〇", "一", "二两", "三", "四", "五", "六", "七", "八", "九"))
    for c in cs
}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG_UNITS = {"万": 10**4, "亿": 10**8}


@lru_cache(maxsize=65536)
def chinese_numeral(s: str) -> Decimal | None:
    """A Chinese numeral's value, or None when it is malformed (``百``, ``万一``, ``点五``).

    Positional numerals (``一百零五``, ``两万三千``, ``一亿二千万``, ``十五``) add up their digits
    times the units after them, a bare ``十`` standing for ``一十``; a digit right after its
    last unit is one unit lower (``一万二`` 12,000, ``三千五`` 3,500, ``二百五`` 250, as said);
    numerals without units read digit by digit (``二〇二九`` 2029, as years are written); ``点``
    starts the decimals. The values are cn2an's "smart" mode's (the tests hold them to it), done
    here because importing cn2an cost every process (each worker, each build) ~0.1 s."""
    whole, _, decimals = s.partition("点")
    if not whole or any(c not in _CN_DIGIT_VALUES for c in decimals):
        return None
    if not any(c in _CN_SMALL_UNITS or c in _CN_BIG_UNITS for c in whole):
        if any(c not in _CN_DIGIT_VALUES for c in whole):
            return None
        value = int("".join(str(_CN_DIGIT_VALUES[c]) for c in whole))
    else:
        value = _cn_positional(whole)
        if value is None:
            return None
    if decimals:
        return Decimal(f"{value}.{''.join(str(_CN_DIGIT_VALUES[c]) for c in decimals)}")
    return Decimal(value)


def _cn_positional(s: str) -> int | None:
    """The value of a numeral with units (see :func:`chinese_numeral`), or None."""
    total = 0  # the 亿 and 万 groups closed so far
    section = 0  # below the next 万 or 亿
    digit: int | None = None  # a digit not yet given its unit
    unit = 1  # the last unit given, for 一万二 (the digit after it is one unit lower)
    zero = False  # a 零 since that unit: 一万零二 is 10,002
    for c in s:
        if c in _CN_DIGIT_VALUES:
            if digit not in (None, 0):
                return None  # two digits in a row: 三四十 is a range, not a numeral
            digit = _CN_DIGIT_VALUES[c]
            zero = zero or digit == 0
        elif c in _CN_SMALL_UNITS:
            if digit is None:
                if c != "十" or section:
                    return None  # only a leading 十 stands for 一十
                digit = 1
            section += digit * _CN_SMALL_UNITS[c]
            digit, unit, zero = None, _CN_SMALL_UNITS[c], False
        elif c in _CN_BIG_UNITS:
            if digit is None and not section and not (c == "亿" and total):
                return None  # 万一, 亿万: a big unit needs a number before it (一万亿 has one)
            group = section + (digit or 0)
            big = _CN_BIG_UNITS[c]
            total = (total + group) * big if c == "亿" else total + group * big
            section, digit, unit, zero = 0, None, big, False
        else:
            return None
    if digit:
        section += digit * (unit // 10 if unit >= 10 and not zero else 1)
    return total + section


def _is_cn(s: str) -> bool:
    return bool(s) and s[0] in _CN_SET


def _decimal(s: str) -> Decimal | None:
    """Value of one number token (Arabic with optional thousands commas, or Chinese)."""
    if _is_cn(s):
        return chinese_numeral(s)
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def _to_float(d: Decimal) -> float:
    return round(float(d), 6)


def to_number(s: str) -> float | None:
    """The value of a bare number: ``五`` → 5, ``十五`` → 15, ``两`` → 2, ``2.6万`` → 26000,
    ``3.2亿`` → 320000000, ``1,500`` → 1500. None for anything else (no units, no qualifiers), so
    callers can tell a number from text that merely contains one."""
    m = _NUMBER_RE.fullmatch(s.strip())
    if m is None:
        return None
    value = _decimal(m.group("n"))
    if value is None:
        return None
    if m.group("m"):
        value *= _MULTIPLIERS[m.group("m")]
    return _to_float(value)


def _cn_count(s: str, qualified: bool = False) -> tuple[Decimal, Decimal | None] | None:
    """A Chinese numeral as a count: (value, upper) or None when it is not one.

    Skipped: bare 一 (an article: 一个重要的) unless a qualifier stands with it (满一年), bare 二 (counting uses 两; 二次医保, 二期 are
    ordinal or part of a name), numerals without a digit other than 十 (百家, 万家
    are idioms), and runs of digits without positions (三四 is a range 3-4; 一二三 is not a count).
    """
    if (s == "一" and not qualified) or s == "二":
        return None
    if not any(c in _CN_DIGITS for c in s) and not s.startswith("十"):
        return None
    if "点" not in s and not any(c in _CN_POSITIONS for c in s) and len(s) > 1:
        if len(s) == 2:
            a, b = chinese_numeral(s[0]), chinese_numeral(s[1])
            if a is not None and b is not None and b == a + 1:
                return a, b
        return None
    value = chinese_numeral(s)
    return None if value is None else (value, None)


# ----------------------------------------------------------------------------- quantities


def _name_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _names_re().finditer(text)]


def _build(
    text: str, m: re.Match[str], names: list[tuple[int, int]] | None
) -> tuple[QuantityMatch | None, list[tuple[int, int]] | None]:
    """Check one regex match against the rules and make the QuantityMatch (or None).

    Returns the (lazily computed) spans of set phrases too, so they are found at most once per
    text and only when a Chinese numeral needs them."""
    units = _units()
    quals = _qualifiers()
    unit_word = m.group("unit") or "%"
    unit = units.get(unit_word)
    if unit is not None and unit.kind == "skip":
        return None, names

    # Prefix qualifiers; drop those that are the tail of another word (节约, 下达, 最近).
    pre_start = m.start("pre")
    tokens = [(t.group(), pre_start + t.start()) for t in _pre_token_re().finditer(m.group("pre"))]
    while tokens and tokens[0][1] > 0 and text[tokens[0][1] - 1] in quals[tokens[0][0]].not_after:
        tokens.pop(0)
    number_group = "pn" if m.group("pn") is not None else "n1"
    number_start = m.start(number_group) - (3 if number_group == "pn" else 0)
    start = tokens[0][1] if tokens else number_start

    n1 = m.group(number_group)
    n2 = m.group("n2")
    if not tokens and start > 0:
        before = text[start - 1]
        if before in _ORDINAL_BEFORE or (before == " " and text[max(0, start - 2)] == "第"):
            return None, names
        if number_group == "n1" and (
            before in _CODE_BEFORE if not _is_cn(n1) else before in _CN_SET or before in "几数"
        ):
            return None, names

    post = m.group("post")
    end = m.end()
    if not post and end < len(text) and unit is not None and text[end] in unit.not_before:
        return None, names

    mids = [x for x in (m.group("mid1"), m.group("mid2")) if x]
    if len(mids) > 1 or (m.group("p1") and (unit_word != "%" or n2 is None)):
        return None, names
    if any(t and _LEADING_ZERO.match(t) for t in (n1, n2)):
        return None, names  # 0762-8888888: a telephone number or a code, not a count
    qualified = bool(tokens or mids or post)

    # Values.
    upper: Decimal | None = None
    if number_group == "pn":
        lo = _cn_count(n1, qualified) if _is_cn(n1) else (_decimal(n1), None)
        if lo is None or lo[0] is None or lo[1] is not None:
            return None, names
        value = lo[0]
    else:
        if _is_cn(n1):
            got = _cn_count(n1, qualified)
            if got is None:
                return None, names
            value, upper = got
            if upper is not None and n2 is not None:
                return None, names
        else:
            value = _decimal(n1)
            if value is None:
                return None, names
        hi = None
        if n2 is not None:
            if _is_cn(n2):
                got2 = _cn_count(n2)
                if got2 is None or got2[1] is not None:
                    return None, names
                hi = got2[0]
            else:
                hi = _decimal(n2)
                if hi is None:
                    return None, names
        m1, m2, m3 = (m.group(g) for g in ("m1", "m2", "m3"))
        if hi is None:
            if m1 and m3:
                return None, names
            mult = _MULTIPLIERS[m1 or m3] if (m1 or m3) else Decimal(1)
            value *= mult
            if upper is not None:
                upper *= mult
        else:
            if m2 and m3:
                return None, names
            hmult = _MULTIPLIERS[m2 or m3] if (m2 or m3) else Decimal(1)
            lmult = Decimal(1)
            if m1:
                lmult = _MULTIPLIERS[m1]
            elif m2 or m3:
                lmult = hmult if value <= hi else Decimal(1)  # 1-2万元; not 500-1万元
            elif _is_cn(n2) and n2[-1] in "万亿" and n2[-1] not in n1:
                # 三至五万元: the 万 inside the upper numeral applies to the lower one too.
                if value < hi / _MULTIPLIERS[n2[-1]]:
                    lmult = _MULTIPLIERS[n2[-1]]
            value *= lmult
            upper = hi * hmult
            if upper <= value:
                return None, names

    # Years and unlicensed cue units (五年 is a period, 二十届 part of a name).
    if unit is not None and unit_word == "年":
        for token in (n1, n2):
            if token and not _is_cn(token) and _ARABIC_RE.fullmatch(token) and len(token) == 4:
                return None, names
    if unit is not None and unit.needs_cue:
        licensed = (
            any(quals[t].licenses for t, _ in tokens)
            or any(quals[x].licenses for x in mids)
            or (post is not None and quals[post].licenses)
            or any(text.endswith(cue, 0, start) for cue in _cues())
        )
        if not licensed:
            return None, names

    # Set phrases and idioms (两个维护, 千家万户, 三番五次).
    if _is_cn(n1) or (n2 is not None and _is_cn(n2)):
        if names is None:
            names = _name_spans(text)
        if any(s < end and start < e for s, e in names):
            return None, names

    qualifier = "|".join([t for t, _ in tokens] + mids + ([post] if post else []))
    quantity = Quantity(
        value=_to_float(value),
        unit=unit_word,
        text=text[start:end],
        upper=None if upper is None else _to_float(upper),
        qualifier=qualifier,
    )
    return QuantityMatch(start, end, quantity), names


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every quantity in ``text``, left to right, non-overlapping.

    A quantity is a number with a counting unit (``119家``, ``48场次``, ``2.6万人次``), money
    (``5156.03万元`` → 51560300 元), or a percentage (``108%``), with the qualifiers written right
    against it (``近``, ``超``, ``约``, ``多``, ``左右`` …). Years, dates, ordinals (第十五次), anniversaries
    (100周年), bare numbers (hotlines, codes) and set phrases (两个维护) are not quantities."""
    out: list[QuantityMatch] = []
    names: list[tuple[int, int]] | None = None
    for m in _quantity_re().finditer(text):
        found, names = _build(text, m, names)
        if found is not None:
            out.append(found)
    return out


def parse_quantity(s: str) -> Quantity | None:
    """One quantity expression (``5156.03万元``, ``约390名``, ``5-7家``), or None when ``s`` is not
    exactly one (surrounding words, two quantities, no unit). Whitespace around is ignored."""
    s = s.strip()
    found = find_quantities(s)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(s):
        return found[0].quantity
    return None


def _plain(d: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 5156.03, 5000, 0.5."""
    return format(d.normalize(), "f")


def _decimals(d: Decimal) -> int:
    exponent = d.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_quantity(q: Quantity) -> str:
    """The canonical text of a quantity: ``5156.03万元``, ``500名左右``, ``超600万元``, ``5-7家``,
    ``共300多件``, ``108%``.

    Values of counts and money of 10,000 or more are written with 万/亿 when that takes at most
    two decimals, as the genre writes them. :func:`parse_quantity` reads the result back to an
    equal quantity (value, upper, unit, qualifier), so this is also the key for comparing figures
    across articles."""
    quals = _qualifiers()
    words = [w for w in q.qualifier.split("|") if w] if q.qualifier else []
    pre = [w for w in words if quals.get(w) is None or quals[w].position in ("pre", "cue")]
    mid = [w for w in words if w in quals and quals[w].position == "mid"]
    post = [w for w in words if w in quals and quals[w].position == "post"]

    value = Decimal(repr(float(q.value)))
    upper = None if q.upper is None else Decimal(repr(float(q.upper)))
    unit = _units().get(q.unit)
    mult_word, mult = "", Decimal(1)
    if unit is not None and unit.kind in _SCALED_KINDS:
        for word, size in _FORMAT_MULTIPLIERS:
            values = [value] if upper is None else [value, upper]
            if value >= size and all(_decimals(v / size) <= 2 for v in values):
                mult_word, mult = word, size
                break
    number = _plain(value / mult)
    if upper is not None:
        number += "-" + _plain(upper / mult)
    mid_text = "".join(mid)
    if mult_word and mid_text and value / mult < 10:
        body = number + mult_word + mid_text  # 1万多名
    else:
        body = number + mid_text + mult_word  # 5000多万元, 2000多件
    return "".join(pre) + body + q.unit + "".join(post)


def qualifier_senses(qualifier: str) -> tuple[str, ...]:
    """The senses (approx, above, atleast, total …) of a ``Quantity.qualifier`` such as "共|多",
    from the qualifier table, so target and achievement rules can reason on meaning ("at least")
    rather than on the many words that say it."""
    quals = _qualifiers()
    return tuple(quals[w].sense for w in qualifier.split("|") if w in quals and quals[w].sense)


# ----------------------------------------------------------------------------- periods


def _year(s: str) -> int | None:
    """A calendar year from 2024 or 二〇二四, within 1900-2100."""
    value = _decimal(s) if not _is_cn(s) else chinese_numeral(s)
    if value is None or value != value.to_integral_value():
        return None
    year = int(value)
    return year if 1900 <= year <= 2100 else None


def _small_int(s: str) -> int | None:
    value = _decimal(s)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


def _year_in(s: str) -> int | None:
    m = re.search(_YEAR, s)
    return None if m is None else _year(m.group())


def find_periods(text: str) -> list[PeriodMatch]:
    """Every stated period in ``text``, left to right, non-overlapping.

    Deadlines (到2029年, 2029年前) are not periods: they are left to :func:`find_deadlines`, and a
    year inside one is not reported here, so a target's year is never read as the time an
    achievement covers."""
    out: list[PeriodMatch] = []
    titles = _titles(text)
    for m in _period_re().finditer(text):
        g = m.group
        start, end, span = m.start(), m.end(), m.group()
        found: PeriodMatch | None = None
        if g("k_deadline") is not None or _inside(titles, start):
            continue
        if g("k_year_since") is not None:
            found = PeriodMatch(start, end, span, "since_event", year=_year(g("sy")))
        elif g("k_since_open") is not None or g("k_since_clause") is not None:
            found = PeriodMatch(start, end, span, "since_event", year=_year_in(span))
        elif g("k_since_congress") is not None:
            found = PeriodMatch(start, end, span, "since_event")
        elif g("k_plan") is not None:
            found = PeriodMatch(start, end, span, "plan", years=5)
        elif g("k_months") is not None and g("ry") is not None:
            year = _year(g("ry"))
            if year is not None:
                found = PeriodMatch(start, end, span, "month", year=year)
        elif g("k_months") is not None:  # of the article's year, or of the one named
            offset = _relative_offsets()[g("rrel")] if g("rrel") else 0
            found = PeriodMatch(start, end, span, "relative", offset=offset)
        elif g("k_asof") is not None and g("ay") is None:
            # 截至11月底, 截至今年10月: as of a month of the article's year (or the one named)
            offset = _relative_offsets()[g("arel")] if g("arel") else 0
            found = PeriodMatch(start, end, span, "relative", offset=offset)
        elif g("k_asof") is not None:
            year = _year(g("ay"))
            if year is not None:
                kind = "month" if g("am") else "year"
                found = PeriodMatch(start, end, span, kind, year=year)
        elif g("k_month_bare") is not None:
            found = PeriodMatch(start, end, span, "relative", offset=0)
        elif g("k_month") is not None:
            year = _year(g("my"))
            if year is not None:
                found = PeriodMatch(start, end, span, "month", year=year)
        elif g("k_year") is not None:
            year = _year(g("yy"))
            if year is not None:
                found = PeriodMatch(start, end, span, "year", year=year)
        elif g("k_yearly") is not None:
            found = PeriodMatch(start, end, span, "yearly")
        elif g("k_relative") is not None:
            offset = _relative_offsets()[g("rel")]
            found = PeriodMatch(start, end, span, "relative", offset=offset)
        elif g("k_future_vague") is not None:
            found = PeriodMatch(start, end, span, "future_years")
        elif g("k_future") is not None:
            found = PeriodMatch(start, end, span, "future_years", years=_small_int(g("fn")))
        elif g("k_since_vague") is not None:
            found = PeriodMatch(start, end, span, "since_years")
        elif g("k_since_months") is not None:
            found = PeriodMatch(start, end, span, "since_years")
        elif g("k_during") is not None:
            found = PeriodMatch(start, end, span, "since_event")
        elif g("k_since_pre") is not None:
            found = PeriodMatch(start, end, span, "since_years", years=_small_int(g("sn")))
        elif g("k_since_suf") is not None:
            found = PeriodMatch(start, end, span, "since_years", years=_small_int(g("sn2")))
        else:  # k_until, k_until_start
            found = PeriodMatch(start, end, span, "until_now")
        if found is not None:
            out.append(found)
    return out


_FIVE_YEAR_PLAN_NAME = "“?十[一二三四五六七八九]五”?(?:规划)?"
FIVE_YEAR_PLAN = re.compile(f"{_FIVE_YEAR_PLAN_NAME}(?:期间|时期|末)?")
"""A five-year plan (“十五五”期间, 十四五末): the Nth plan's years end in 1955 + 5N."""


_PLAN_OPENING = re.compile("的?(?:开局|开篇|起步|谋篇)")
"""“十五五”开局之年: the plan's first year, not its span."""


def plan_end_year(text: str) -> int | None:
    """The last year of the five-year plan named last in ``text`` (十四五: 2025), or None; not
    one named for its first year (2026年是“十五五”开局之年)."""
    found = [m for m in FIVE_YEAR_PLAN.finditer(text) if not _PLAN_OPENING.match(text, m.end())]
    if not found:
        return None
    return 1955 + 5 * (10 + "一二三四五六七八九".index(found[-1].group().lstrip("“")[1]) + 1)


_TITLE = re.compile("《[^《》]*》")


def _titles(text: str) -> list[tuple[int, int]]:
    """The spans of the titles of documents in ``text`` (《2026年集体合同（草案）》): a year in a
    title names the document, it neither dates a figure nor makes a deadline."""
    return [m.span() for m in _TITLE.finditer(text)] if "《" in text else []


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    return any(s <= at < e for s, e in spans)


@cache
def _relative_deadline_re() -> re.Pattern[str]:
    """A deadline at the end of this year or the next (到年底, 力争到今年底, 明年底前, 年末前) or
    within it (今年内, 年内): not 去年底 (a cut-off of what was done), not 截至年底, not 五年内."""
    lead, open_ = _pw("deadline_lead"), _pw("deadline_open")
    yearend, before = _pw("deadline_yearend"), _pw("deadline_before")
    return re.compile(
        rf"(?:{lead})?(?:(?<!截)(?:{open_}))?于?(?<![去上前截止至0-9〇零一二三四五六七八九十])"
        rf"(?:(?P<rel>今|明|本)?年(?:{yearend})(?:{before})?"
        rf"|(?P<rel_in>今|明|本)?(?<![0-9一二三四五六七八九十两几多半])年内)"
        rf"(?![0-9一二三四五六七八九十])"
        # 力争明年…: next year, when a word of intent says so (明年，… alone is a period)
        rf"|(?:{lead})(?P<rel_lead>明)年(?![底末内0-9])"
        # 计划在7月底前, 到10月底: this year's month (not 截至7月底, a cut-off); 明年6月前: the
        # next year's
        rf"|(?:(?:{lead})?(?:到|在)(?:{_MONTH})月(?:{yearend})(?:{before})?"
        rf"|(?:{lead})?(?:(?P<rel_m>今|明|本)年|(?<![至到0-9年]))(?:{_MONTH})月"
        rf"(?:(?:{yearend})(?:{before})|(?:{before})(?!后))"
        # ，到10月10日行动结束时，…要新建…: a day of this year, at a clause's start (not the end
        # of a stretch of days, 从9月1日到10月10日)
        rf"|(?:(?<=[，。；：])|^)(?:{lead})?到(?:{_MONTH})月(?:[12][0-9]|3[01]|0?[1-9])日)"
    )


def find_deadlines(text: str) -> list[DeadlineMatch]:
    """Every deadline in ``text`` (到2029年, 力争到2029年, 至2027年底, 2029年前, 到二〇二九年; and
    relative ones, 到年底, 明年底前, 今年内), left to right, with its calendar year or its offset from
    the article's. ``截至2024年`` is a cut-off of what was done, not a deadline, and is a period
    instead."""
    out: list[DeadlineMatch] = []
    titles = _titles(text)
    for m in _deadline_re().finditer(text):
        year = _year(m.group("dy1") or m.group("dy2"))
        if year is not None and not _inside(titles, m.start()):
            out.append(DeadlineMatch(m.start(), m.end(), m.group(), year))
    if "年" in text or "月" in text:
        for m in _relative_deadline_re().finditer(text):
            if _inside(titles, m.start()) or any(
                d.start < m.end() and m.start() < d.end for d in out
            ):
                continue
            # 今/明 + 年 as period_words.tsv counts them (本年 is this year, as 今年)
            prefix = (
                m.group("rel")
                or m.group("rel_in")
                or m.group("rel_lead")
                or m.group("rel_m")
                or "今"
            )
            offset = _relative_offsets().get(prefix + "年", 0)
            out.append(DeadlineMatch(m.start(), m.end(), m.group(), None, offset))
        out.sort(key=lambda d: d.start)
    return out
