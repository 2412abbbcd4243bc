"""Normalization repairs OCR damage and keeps offsets; segmentation finds the genre's structure."""

from __future__ import annotations

import marshal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.normalize import normalize
from kg.segment import segment
from tests.conftest import SEEDS


def test_joins_words_broken_across_lines_and_drops_stray_spaces():
    text = "黄远程：要大力弘扬劳模精神、劳动精神、工匠精神，讲好劳模故事和劳\n\n动故事，同比增 长108%。\n"
    n = normalize(text)
    assert "劳动故事" in n.text
    assert "同比增长108%" in n.text
    assert "\n" not in n.text


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("慰问困难职工1 ８３６人次，", "慰问困难职工1836人次，"),
        ("潮州日报　２０２5年10月2 1日　星期二", "潮州日报2025年10月21日星期二"),
        ("同比增长1 2.5%", "同比增长12.5%"),
        (
            "提出合理化建议1 2 6 0条，创造经济效益5 1 6 8.3万元",
            "提出合理化建议1260条，创造经济效益5168.3万元",
        ),
        ("发布时间：2025-06-09 10:32　浏览次数：", "发布时间：2025-06-09 10:32浏览次数："),
        ("服务热线0762 3388123。", "服务热线0762 3388123。"),
        ("Windows 11 系统", "Windows 11系统"),
    ],
)
def test_a_number_split_by_ocr_is_one_number(text, repaired):
    """A space inside a number in Chinese text is OCR's (1 836人次, 10月2 1日); a date and a time,
    a telephone number, a version number keep theirs."""
    n = normalize(text)
    assert n.text == repaired
    assert all(
        text[n.origin[i]] == ch or ord(text[n.origin[i]]) >= 0xFF00 for i, ch in enumerate(n.text)
    )


@pytest.mark.parametrize(
    ("line", "repaired"),
    [
        (
            "本报讯（记者 欧阳雪 婷 通讯员 赖国华）今年以来，区总工会深人开展“曲 江智造”劳动竞赛。",
            "本报讯（记者 欧阳雪 婷 通讯员 赖国华）今年以来，区总工会深人开展“曲江智造”劳动竞赛。",
        ),
        (
            "本报讯 记者 冼丽 娟 近日，县总工会举办“阳 春工匠”技能竞赛。",
            "本报讯 记者 冼丽 娟 近日，县总工会举办“阳春工匠”技能竞赛。",
        ),
    ],
)
def test_a_byline_keeps_its_spaces_between_names_only(line, repaired):
    """The spaces of a byline separate names; in the report's lead after it they are OCR's."""
    assert normalize(f"标题\n\n{line}\n").text == f"标题\n{repaired}"


def test_keeps_spaces_between_names_in_bylines():
    n = normalize("标题\n\n全媒体记者彭新启 通讯员黄翠\n")
    assert "彭新启 通讯员黄翠" in n.text


def test_punctuation_widths_unified():
    n = normalize('记者:请谈谈"报告"(简称)的体会,好吗?')
    assert n.text == "记者：请谈谈“报告”（简称）的体会，好吗？"


def test_offsets_point_back_to_the_original_characters():
    for path in sorted(SEEDS.glob("*.txt")):
        original = path.read_text(encoding="utf-8")
        n = normalize(original)
        for i, ch in enumerate(n.text):
            if ch in "\n“”":
                continue
            src = original[n.origin[i]]
            assert src == ch or src in ',:;!?()"・%.' or ord(src) >= 0xFF00, (path.name, i, ch, src)


@given(st.text())
def test_normalize_never_raises_and_map_stays_inside(text):
    n = normalize(text)
    assert len(n.origin) == len(n.text) + 1
    assert all(0 <= o <= len(text) for o in n.origin)
    assert list(n.origin[:-1]) == sorted(n.origin[:-1])


def test_segment_finds_turns_and_speakers():
    seg = segment(normalize((SEEDS / "000_cba2e6ab6a53fdd1.txt").read_text(encoding="utf-8")))
    kinds = {p.kind for p in seg.paragraphs}
    assert {
        "series",
        "interviewee",
        "headline",
        "byline",
        "section",
        "question",
        "answer",
        "caption",
    } <= kinds
    speakers = {s.speaker for s in seg.sentences if s.kind == "answer"}
    assert speakers == {"黄远程"}
    # body paragraphs after an answer belong to the same speaker
    assert any(s.kind == "body" and s.speaker == "黄远程" for s in seg.sentences)


def test_jieba_dictionary_is_read_from_jiebas_cache_as_jieba_reads_it(tmp_path):
    """kg.segment reads jieba's marshal cache at once (jieba's own read takes three times as
    long); the prefix dictionary is the one jieba makes, and a missing or damaged cache is
    left to jieba, which rebuilds it."""
    import logging

    import jieba

    from kg.segment import _load_cached_prefix_dict

    jieba.setLogLevel(logging.WARNING)
    theirs = jieba.Tokenizer()
    theirs.initialize()  # writes the cache if there is none yet
    ours = jieba.Tokenizer()
    _load_cached_prefix_dict(ours)
    assert ours.initialized and (ours.FREQ, ours.total) == (theirs.FREQ, theirs.total)
    assert ours.lcut("南粤工匠培育工程") == theirs.lcut("南粤工匠培育工程")
    for content in (None, b"not marshal data"):
        elsewhere = jieba.Tokenizer()
        elsewhere.tmp_dir = str(tmp_path / ("none" if content is None else "bad"))
        (tmp_path / elsewhere.tmp_dir).mkdir()
        if content is not None:
            (tmp_path / elsewhere.tmp_dir / "jieba.cache").write_bytes(content)
        _load_cached_prefix_dict(elsewhere)
        assert not elsewhere.initialized  # jieba's initialize() does it on first use


def test_jieba_is_imported_without_pkg_resources_and_reads_its_data_files(tmp_path):
    """A fresh process importing the extractors does not import setuptools' pkg_resources
    (0.07 s of jieba's import), and jieba still finds its dictionary and HMM tables: with no
    cache it builds its dictionary from dict.txt, and it cuts an unknown name by its HMM."""
    import subprocess
    import sys

    code = (
        "import sys, kg.pipeline; from kg.segment import jieba;"
        "assert 'pkg_resources' not in sys.modules, 'pkg_resources imported';"
        "t = jieba.Tokenizer(); t.tmp_dir = sys.argv[1]; t.initialize();"
        "print('/'.join(t.lcut('总工会主席钟晓岚出席')))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert (tmp_path / "jieba.cache").exists()  # built from dict.txt, not read from a cache
    assert run.stdout.split() == ["总工会/主席/钟晓岚/出席"]


def test_dictionary_words_are_kept_beside_jiebas_cache(tmp_path, monkeypatch):
    """The ordinary words of jieba's dictionary (what a name must not be) are read from a cache
    file when one is there: the same set as read from the dictionary; a damaged cache file is
    read past and replaced, and a folder that cannot be written only costs the reading."""
    import jieba

    from kg.extract import names

    monkeypatch.setattr(jieba.dt, "tmp_dir", str(tmp_path))
    read = names._read_dictionary()
    words, listed = read
    assert "智慧" in words and "温海涛" not in words  # an ordinary word; an nr entry of frequency 3
    assert listed <= words and "刘志坚" in listed  # a real name jieba lists with frequency 31
    path = names._words_cache_path()
    assert path is not None and path.parent == tmp_path
    for before in (None, b"not marshal data", b"", marshal.dumps(frozenset({"旧格式"}))):
        if before is not None:
            path.write_bytes(before)
        names._dictionary.cache_clear()
        assert names._dictionary() == read
        assert marshal.loads(path.read_bytes()) == read  # written (or mended) for the next one
    path.write_bytes(marshal.dumps((frozenset({"缓存里的词"}), frozenset())))
    names._dictionary.cache_clear()
    assert names._dictionary_words() == {"缓存里的词"}  # the cache is what is read when present
    (tmp_path / "a file").write_bytes(b"")
    monkeypatch.setattr(jieba.dt, "tmp_dir", str(tmp_path / "a file" / "not a folder"))
    names._dictionary.cache_clear()
    try:
        assert names._dictionary() == read
    finally:
        names._dictionary.cache_clear()


@pytest.mark.parametrize(
    ("line", "lead"),
    [
        ("本报讯 记者从阳江市总工会获悉，今年元旦", "记者从阳江市总工会获悉，今年元旦"),
        ("本报讯 记者 张三 通讯员 李四 近日，市总工会", "近日，市总工会"),
        ("本报讯 记者张三 通讯员 李四 近日，市总", "近日，市总"),
        ("本报讯 近日，市总工会", "近日，市总工会"),
        ("新华社广州12月3日电 记者 王五 12月3日，", "12月3日，"),
        ("本报讯 记者 张三 通讯员 李四", None),  # names only: a byline
        ("本报讯（记者 张三）近日", None),  # brackets: the other rule
        ("■全媒体记者陈立新 通讯员韶工宣", None),  # no dateline
    ],
)
def test_where_the_lead_starts_after_a_bare_dateline(line, lead):
    from kg.segment import bare_byline_end

    end = bare_byline_end(line)
    assert (line[end:] if end is not None else None) == lead


def test_a_scanned_pages_furniture_is_left_out_and_offsets_kept():
    """The page number (—７—) and the running header (佛山日报　区域新闻) printed inside a
    sentence where the scanned page ended are left out; the sentence's halves join, and every
    character still maps to its place in the file. A masthead's own first line stays."""
    text = (
        "佛山日报　２０２５年１２月１９日　第Ａ０７版　区域新闻\n\n"
        "　　蒙慧兰表示，今后每年开展农民工工资支付专项检查不少于４次；到２\n"
        "　　　　　　　　—７—\n"
        "佛山日报　区域新闻\n"
        "０２７年，入会人数达到３万名。\n"
    )
    norm = normalize(text)
    assert "—7—" not in norm.text and "佛山日报区域新闻" not in norm.text
    assert norm.text.startswith("佛山日报2025年")
    at = norm.text.index("到2027年")
    start, end = norm.to_original(at, at + len("到2027年"))
    assert text[start] == "到" and text[end - 1] == "年"
    assert text.index("０２７年") < end
