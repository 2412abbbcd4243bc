"""Where a person's name starts and ends.

Chinese has no spaces, so after a post title (``省委书记黄坤明强调``) the name's end must be
inferred. In order: the run of Chinese characters ends at punctuation; a name the article's
structure vouches for (a speaker, a byline name) wins; a word that usually follows names
(``强调``, ``表示``, ``等`` …; ``kg/data/name_followers.txt``) marks the end; otherwise jieba's
segmentation decides. A candidate must start with a surname and must not be an ordinary word of
jieba's dictionary (jieba's ``nr`` tag alone is not trusted: it marks 弘扬 and 智慧 as names).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import re
import tempfile
from functools import cache
from pathlib import Path

from kg.atomic import write_atomic
from kg.lexicon import longest_first, table, word_set
from kg.segment import CJK_RUN, jieba, post_titles, tokenizer

_FUNCTION_CHARS = frozenset("等的在说为向对到也还就将是")


_WORDS_RULE = "words-v2"
"""Names the rule below; a cache made under another rule is not read."""


@cache
def _dictionary() -> tuple[frozenset[str], frozenset[str]]:
    """Ordinary words of jieba's main dictionary, and the names among them. jieba tags thousands
    of real names ``nr`` with a tiny frequency (温海涛 3) but also common words (弘扬 430, 智慧
    1581, 高素质 10): an ``nr`` entry counts as an ordinary word only from frequency 10 up, and
    those are also kept apart: a real name can be that frequent (刘志坚 31), and where the text
    vouches for a name (right after a post title, before a speaker's colon) it is taken.

    Reading them from the dictionary takes 0.6 s, paid by every worker of a build and every
    rebuild; the sets are kept as a ``marshal`` file beside jieba's own cache (0.05 s to read),
    named by the dictionary's path, size and modification time and by this rule's version."""
    path = _words_cache_path()
    if path is not None:
        try:
            cached = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            cached = None
        if (
            isinstance(cached, tuple)
            and len(cached) == 2
            and all(isinstance(part, frozenset) for part in cached)
            and cached[0]
        ):
            return cached
    read = _read_dictionary()
    if path is not None:
        # whole or not at all (a concurrent reader sees the old file or the new one); a
        # folder that cannot be written only means the next process reads the dictionary again
        with contextlib.suppress(OSError):
            write_atomic(path, marshal.dumps(read))
    return read


def _dictionary_words() -> frozenset[str]:
    """What a name must not be (see :func:`_dictionary`)."""
    return _dictionary()[0]


def _read_dictionary() -> tuple[frozenset[str], frozenset[str]]:
    """The rule of :func:`_dictionary`, applied to jieba's dictionary file."""
    words, names = set(), set()
    with jieba.get_dict_file() as fh:
        text = fh.read().decode("utf-8")  # at once: line by line took twice as long
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3 and 2 <= len(parts[0]) <= 4:
            if parts[2] != "nr":
                words.add(parts[0])
            elif int(parts[1]) >= 10:
                words.add(parts[0])
                names.add(parts[0])
    return frozenset(words), frozenset(names)


def _words_cache_path() -> Path | None:
    """Where the word set of this dictionary and rule is kept (jieba's temporary folder), or
    ``None`` when the dictionary is not a plain file."""
    # the file jieba.get_dict_file() opens: its own dict.txt unless another was set
    dictionary = Path(
        jieba.dt.dictionary or Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
    )
    try:
        st = dictionary.stat()
    except OSError:
        return None
    stamp = f"{_WORDS_RULE}|{dictionary.resolve()}|{st.st_size}|{st.st_mtime_ns}"
    digest = hashlib.sha256(stamp.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    folder = Path(jieba.dt.tmp_dir or tempfile.gettempdir())
    return folder / f"union-kg-words.{digest}.marshal"


_CONJUNCTIONS = ("和", "与", "及", "同")
"""Family names that are also conjunctions: one that jieba writes apart from a word after it
(和 志愿) joins that word to what came before."""


def surname_len(text: str) -> int:
    """Length of the surname ``text`` starts with (2 for 欧阳), or 0."""
    s = word_set("surnames.txt")
    if text[:2] in s:
        return 2
    return 1 if text[:1] in s else 0


_BODIES = (
    frozenset(row[0] for row in table("org_cores.tsv") if len(row[0]) > 1)
    | {"总工"}
    | word_set("speaker_roles.txt")
    | {"阿姨", "师傅", "大姐", "大哥", "大叔", "阿婆", "阿伯", "老师"}
)
"""What follows a place in an organization's name (工会, 政协, 妇联; 总工 of 市总工会), who a
person is (职工, 代表: 政协委员和职工代表 names no 和职工), and how one is addressed (赵阿姨,
李师傅: a surname and a term of address, no name): never a given name."""


_ADVERB_SURNAMES = "都还才"
"""Surnames that are adverbs too (都, 还), before a modal verb reading as no name."""
_MODALS = "会能要可将在是有把被"


def plausible_name(name: str, vouched: bool = False) -> bool:
    """Starts with a surname, has one or two given-name characters, and is not a common word;
    ``vouched``: the text says a name stands here (after a post title, before a speaker's
    colon), so one that jieba lists as a name is taken though it is frequent (刘志坚)."""
    sl = surname_len(name)
    if not (sl > 0 and 1 <= len(name) - sl <= 2) or name[sl:] in _BODIES:
        return False  # 原工会主席柯振声: 原 (former) is a surname too, 工会 no given name
    if len(name) == 2 and name[0] in _ADVERB_SURNAMES and name[1] in _MODALS:
        return False  # 工会委员都会帮忙: 都 is an adverb there, 会 a verb
    words, names = _dictionary()
    return name not in words or (vouched and name in names)


def name_at(
    text: str, i: int, known: frozenset[str] = frozenset(), vouched: bool = False
) -> str | None:
    """The person name starting at ``text[i]``, or ``None`` (``vouched``: see
    :func:`plausible_name`). A "name" a town's or village's kind follows is the place's
    (谷饶镇茂广村党总支书记: no person 谷饶), unless that kind starts a title (镇长, 村主任); one
    ending in 副 or 正 before a title is no name (和副主席)."""
    name = _name_at(text, i, known, vouched)
    if name is not None and _PLACE_AFTER.match(text, i + len(name)):
        return None
    if name is not None and name[-1] in "副正" and name not in known:
        if post_titles().match(text, i + len(name)):  # 常务副主席和副主席: 和副 is no one
            return None
    return name


_PLACE_AFTER = re.compile("(?:镇|乡|村|街道)(?!长|主任|委|民|干部|书记|支书|党)|总?工会")
"""What follows a place's name, not a person's (a union too: 企业工会主席和镇总工会负责人 names no
和镇)."""


def _name_at(text: str, i: int, known: frozenset[str], vouched: bool) -> str | None:
    m = CJK_RUN.match(text, i)
    if not m:
        return None
    run = m.group()
    sl = surname_len(run)
    if not sl:
        return _ocr_variant(run, known)
    lengths = [n for n in (sl + 2, sl + 1) if n <= len(run)]
    if not lengths:
        return None
    if len(run) <= sl + 2 and plausible_name(run, vouched):
        return run
    for n in lengths:
        if run[:n] in known:
            return run[:n]
    followers = longest_first("name_followers.txt")
    short = sl + 1
    if (
        short in lengths
        and run[short : short + 1] in _FUNCTION_CHARS
        and plausible_name(run[:short], vouched)
    ):
        return run[:short]  # 赵静等出席: a particle right after two characters ends the name
    for n in lengths:
        rest = run[n:]
        if any(rest.startswith(f) for f in followers) and plausible_name(run[:n], vouched):
            return run[:n]
    tokens = tokenizer().lcut(run[: sl + 6], HMM=True)
    if tokens:
        first = tokens[0]
        if len(first) == sl and len(tokens) > 1 and len(first + tokens[1]) <= sl + 2:
            if first in _CONJUNCTIONS and tokens[1] in _dictionary()[0]:
                return None  # 法律顾问和志愿律师: 和 joins two posts, no 和志愿
            first += tokens[1]
        if len(first) in lengths and plausible_name(first, vouched):
            return first
    return None


def _ocr_variant(run: str, known: frozenset[str]) -> str | None:
    """A name whose surname OCR misread (汀洪灿 for 江洪灿): the run starts with a known name of
    the article but for one character. Returned as written; resolution makes it an alias."""
    for name in sorted(known, key=lambda n: (-len(n), n)):
        if len(name) < 2:  # every character is one apart from a one-character "name"
            continue
        cand = run[: len(name)]
        if len(cand) == len(name) and sum(a != b for a, b in zip(cand, name, strict=False)) == 1:
            return cand
    return None


def one_char_apart(a: str, b: str) -> bool:
    """Same length, exactly one character different: the signature of an OCR misread."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=False)) == 1
