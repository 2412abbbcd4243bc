"""Repair OCR damage and unify punctuation, keeping a map back to the original offsets.

Newspaper OCR breaks words across lines (``劳\\n\\n动精神``), scatters stray spaces (``同比增 长``)
and mixes half- and full-width punctuation. Extractors want clean text; users want to find each
fact in the file they hold. :func:`normalize` gives both: the repaired text and, for every
character of it, the offset of the character it came from.

What it does, in one pass over the lines:

* joins a body line that ends without sentence-final punctuation to the next line when that one
  is not a structural line (byline, caption, Q&A turn, section head …; see
  ``kg/data/line_patterns.tsv``), dropping the line break and blank lines between;
* removes whitespace inside Chinese text (keeping it between two Latin letters or digits, and
  collapsing it to one space on byline lines, where spaces separate names), and inside a number
  in Chinese text (``1 836人次``, ``10月2 1日``: OCR's, not thousands separators);
* makes full-width letters and digits half-width, ASCII ``,:;!?()`` next to Chinese full-width,
  straight double quotes curly (alternating within a paragraph), and middle dots ``·``; a
  full-width comma between digits with three after it a thousands separator (５，２００ -> 5,200).

Paragraphs are separated by a single ``\\n`` in the output.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kg.lexicon import table, word_set

_SENTENCE_END = set("。！？；：…”’」』）)!?;:")
_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_DOTS = {"・": "·", "•": "·", "‧": "·", "･": "·"}
_MIN_BODY_LINE = 30  # a line this long that stops mid-sentence was broken by the page layout


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized ``text`` and ``origin``: ``origin[i]`` is the offset in the original text of
    normalized character ``i``; ``origin[len(text)]`` is the length of the original text."""

    text: str
    origin: Sequence[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span ``[start, end)`` to the original text's offsets."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if end == start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


@cache
def line_patterns() -> dict[str, re.Pattern[str]]:
    """Structural-line patterns by name, compiled once."""
    return {row[0]: re.compile(row[1]) for row in table("line_patterns.tsv")}


def line_kind(line: str) -> str | None:
    """The structural kind of a (stripped) line, or ``None`` for body text."""
    for name, pattern in line_patterns().items():
        if pattern.search(line):
            return name
    return None


def is_cjk(ch: str) -> bool:
    """A Chinese character or Chinese/full-width punctuation."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3000 <= o <= 0x303F
        or 0xFF00 <= o <= 0xFFEF
        or 0x2000 <= o <= 0x206F
        or 0x20000 <= o <= 0x2FFFF
        or 0xF900 <= o <= 0xFAFF
    )


def _lines(text: str) -> list[tuple[int, str]]:
    """Stripped non-empty lines with the original offset of their first character."""
    out = []
    for m in re.finditer(r"[^\r\n]+", text):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            out.append((m.start() + (len(raw) - len(raw.lstrip())), stripped))
    return out


def _joins(prev: str, nxt: str) -> bool:
    """Does ``nxt`` continue the sentence that ``prev`` broke off?"""
    if prev[-1] in _SENTENCE_END or (not is_cjk(nxt[0]) and not nxt[0].isalnum()):
        return False
    kind = line_kind(prev)
    if (
        kind == "answer"
        and prev[:1] not in word_set("surnames.txt")
        and prev[:2] not in word_set("surnames.txt")
    ):
        kind = None  # 当前位置： is page furniture, not a speaker's turn
    if any(c in prev for c in "|｜>＞"):
        return False  # menus and breadcrumbs
    body = len(prev) >= _MIN_BODY_LINE or kind in ("answer", "question")
    if not body or kind in ("series", "byline", "caption", "section", "footer", "junk"):
        return False
    return line_kind(nxt) is None


_PAGE_NUMBER = re.compile(r"[—－–-]+\s*[0-9０-９]{1,3}\s*[—－–-]+")
"""A scanned page's number line (—７—), printed wherever the page ended."""


def _running_header(first: str) -> re.Pattern[str] | None:
    """A scanned page's running header, repeated where the page ended (佛山日报　区域新闻): the
    name its masthead, the file's first line, starts with (佛山日报　２０２５年…第Ａ０７版), then
    at most a short section name; None when the first line is no masthead."""
    m = re.match(r"([\u4e00-\u9fff]{2,8}报)\s", first)
    if not m or "版" not in first:
        return None
    return re.compile(re.escape(m.group(1)) + r"\s*[\u4e00-\u9fff]{0,8}")


def _paragraphs(text: str) -> list[list[tuple[int, str]]]:
    paras: list[list[tuple[int, str]]] = []
    header: re.Pattern[str] | None = None
    for start, line in _lines(text):
        if not paras:
            header = _running_header(line)
        elif _PAGE_NUMBER.fullmatch(line) or (header is not None and header.fullmatch(line)):
            continue  # page furniture inside the text (a sentence may run on across it)
        # the first line of a file is its title (or page furniture), not a broken sentence,
        # unless it opens a question/answer turn
        joinable = len(paras) > 1 or (
            bool(paras)
            and (len(paras[0]) > 1 or line_kind(paras[0][0][1]) in ("answer", "question"))
        )
        if paras and joinable and _joins(paras[-1][-1][1], line):
            paras[-1].append((start, line))
        else:
            paras.append([(start, line)])
    return paras


def _width_table() -> dict[int, str]:
    """Full-width letters, digits, ％ and ． to ASCII; middle dots to ·; katakana OCR read for
    Chinese characters (エ for 工) to those. One-to-one, so a
    ``str.translate`` keeps offsets."""
    table = {
        o: chr(o - 0xFEE0)
        for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
        for o in range(r[0], r[1] + 1)
    }
    table.update({ord("％"): "%", ord("．"): "."})
    table.update({ord(k): v for k, v in _DOTS.items()})
    table.update({ord(k): v for k, v in _KANA_LOOKALIKES.items()})
    table.update({ord(k): v for k, v in _VARIANT_MISREADS.items()})
    return table


_VARIANT_MISREADS = {"徳": "德"}
"""Forms OCR reads for a Chinese character that Chinese news never prints (徳, Japanese, in
英徳市 for 英德市)."""


_KANA_LOOKALIKES = {"エ": "工", "ロ": "口", "カ": "力", "タ": "夕"}
"""Katakana that OCR reads for the Chinese characters they look like (湛江市总エ会): no Chinese
union news prints katakana."""


_WIDTH = _width_table()
_SPACES = re.compile(r"\s+")
_NONSPACE = re.compile(r"\S")
_PUNCT = re.compile('["。！？,:;!?()]')
_OPENERS = ("", "，", "。", "；", "：", "、", "（", "“", "”")


def _array_for(n: int) -> array:
    return array("I" if n < 2**32 else "Q")


def normalize(text: str) -> Normalized:
    """Normalize ``text`` (see the module docstring); never raises on any string.

    Linear in the length of the text, and about five bytes of map per character: paragraphs are
    transformed with ``str.translate``, regular expressions and slices, never character lists.
    """
    pieces: list[str] = []
    origin = _array_for(len(text) + 1)
    for para in _paragraphs(text):
        if pieces:
            pieces.append("\n")
            origin.append(para[0][0] - 1 if para[0][0] > 0 else 0)
        ptext = "".join(line for _, line in para).translate(_WIDTH)
        porigin = _array_for(len(text) + 1)
        for start, line in para:
            porigin.extend(range(start, start + len(line)))
        kind = line_kind(para[0][1])
        keep_until = (
            _byline_end(ptext) if kind == "byline" else len(ptext) if kind == "section" else 0
        )
        ptext, porigin = _drop_spaces(ptext, porigin, keep_until)
        if _split_chars()[0].search(ptext):
            ptext, porigin = _join_split(ptext, porigin)
        ptext = _MONEY_MISREAD.sub("元", _THOUSANDS.sub(",", ptext))
        pieces.append(_punctuate(ptext))
        origin.extend(porigin)
    origin.append(len(text))
    return Normalized("".join(pieces), origin)


@cache
def _split_chars() -> tuple[re.Pattern[str], dict[str, str]]:
    pairs = {row[0]: row[1] for row in table("ocr_split_chars.tsv")}
    return re.compile("|".join(map(re.escape, pairs))), pairs


def _join_split(text: str, origin: array) -> tuple[str, array]:
    """A character OCR printed as its two halves (纟且 for 组, ``ocr_split_chars.tsv``) made
    whole, mapped to where its first half was."""
    pattern, pairs = _split_chars()
    out: list[str] = []
    kept = _array_for(len(origin))
    at = 0
    for m in pattern.finditer(text):
        out.append(text[at : m.start()])
        kept.extend(origin[at : m.start()])
        out.append(pairs[m.group()])
        kept.append(origin[m.start()])
        at = m.end()
    out.append(text[at:])
    kept.extend(origin[at : len(text)])
    return "".join(out), kept


_MONEY_MISREAD = re.compile("(?<=[0-9万千亿])兀")
"""兀 read for 元 after an amount (38.4万兀); one to one."""
_THOUSANDS = re.compile("(?<=[0-9])，(?=[0-9]{3}(?![0-9]))")
"""A full-width comma between digits with three after it separates thousands (OCR's or a
typesetter's 职工５，２００余名 = 5,200); one to one, so offsets are unchanged."""

_BYLINE_END = re.compile(r"^[^（(，。；]{0,12}[（(][^）)]*[）)]|^[^，。；：]*")


def _byline_end(text: str) -> int:
    """Where the names of a byline line end: after its bracketed list (本报讯（记者 欧阳雪 婷
    通讯员 赖国华）), else at the first comma or full stop (本报讯 记者 X 近日，…): the report's
    lead after it is body text, its stray spaces dropped (“曲 江智造”)."""
    m = _BYLINE_END.match(text)
    return m.end() if m else len(text)


def _drop_spaces(text: str, origin: array, keep_until: int) -> tuple[str, array]:
    """Remove whitespace runs inside Chinese text; a run between two ASCII letters or digits (or
    any run before ``keep_until``: a byline's names, which spaces separate) becomes one space,
    unless it splits a number (:func:`_split_numbers`)."""
    out_text: list[str] = []
    out_origin = _array_for(len(origin) + 1)
    last = 0
    numbers = _split_numbers(text) if _SPACES.search(text) else set()
    for m in _SPACES.finditer(text):
        out_text.append(text[last : m.start()])
        out_origin.extend(origin[last : m.start()])
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        latin = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
        keep_spaces = m.start() < keep_until
        if m.start() in numbers:
            latin = keep_spaces = False  # 慰问困难职工1 836人次, 10月2 1日: one number
        if before and after and (latin or keep_spaces):
            out_text.append(" ")
            out_origin.append(origin[m.start()])
        last = m.end()
    if last == 0:
        return text, origin
    out_text.append(text[last:])
    out_origin.extend(origin[last:])
    return "".join(out_text), out_origin


_SPLIT_NUMBER = re.compile(
    r"(?<=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef])\d+(?:\.\d+)?(?:[ \t]\d+)+(?=[.%\u4e00-\u9fff])"
)
_INNER_SPACE = re.compile(r"[ \t]")
"""One space or tab: OCR's gap inside a number. A wider gap, or an ideographic space (　), parts
the cells of a table's row (乳城镇总工会　15　5.7 is 15 and 5.7, not 155.7)."""


def _split_numbers(text: str) -> set[int]:
    """Where whitespace splits a number written in Chinese text (OCR's, not thousands
    separators): digit groups with spaces between, a Chinese character or mark before the first
    (after OCR has made full-width digits half-width) and a Chinese character, a decimal point or
    % after the last (慰问困难职工1 836人次, 10月2 1日, 合理化建议1 2 6 0条, 5 1 6 8.3万元, 4.2 6万人次).
    ``发布时间：2025-06-09 10:32`` keeps its space: a date and a time."""
    return {
        m.start() + s.start()
        for m in _SPLIT_NUMBER.finditer(text)
        for s in _INNER_SPACE.finditer(m.group())
    }


def _punctuate(text: str) -> str:
    """Curly quotes (alternating within a sentence, overruled by context) and full-width
    ``,:;!?()`` next to Chinese. One-to-one replacements, so offsets are unchanged."""
    pieces: list[str] = []
    last = 0
    quote_open = False
    prev_end, prev_char = -1, ""
    for m in _PUNCT.finditer(text):
        i = m.start()
        ch = m.group()
        prev = prev_char if prev_end == i else (text[i - 1] if i > 0 else "")
        if ch == '"':
            # alternate, but let the context overrule: after an opening punctuation mark or at
            # the start a quote opens, so one stray quote does not invert every pair after it
            closing = quote_open and prev not in _OPENERS
            ch = "”" if closing else "“"
            quote_open = not closing
        elif ch in _TO_FULL:
            nm = _NONSPACE.search(text, i + 1)
            nxt = nm.group() if nm else ""
            if (prev and is_cjk(prev)) or (nxt and is_cjk(nxt) and ch in ",:;!?("):
                ch = _TO_FULL[ch]
        if ch in "。！？":
            quote_open = False  # quoted names do not run across sentences: re-pair from here
        if ch != m.group():
            pieces.append(text[last:i])
            pieces.append(ch)
            last = i + 1
        prev_end, prev_char = i + 1, ch
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)
