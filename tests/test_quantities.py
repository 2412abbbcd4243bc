"""Tests of the number layer (kg.quantities): quantities, periods, deadlines.

Examples come from the seed articles, and each rule is also checked on altered sentences with
other numbers, so that what passes is the rule and not the seed's strings."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.quantities import (
    find_deadlines,
    find_periods,
    find_quantities,
    format_quantity,
    parse_quantity,
    qualifier_senses,
    to_number,
)
from kg.records import Quantity

# ----------------------------------------------------------------------------- parse_quantity

PARSE_CASES = [
    # text, value, unit, upper, qualifier
    ("119家", 119, "家", None, ""),
    ("141个", 141, "个", None, ""),
    ("48场次", 48, "场次", None, ""),
    ("近2000人次", 2000, "人次", None, "近"),
    ("超600万元", 6_000_000, "元", None, "超"),
    ("5156.03万元", 51_560_300, "元", None, ""),
    ("21.06万名", 210_600, "名", None, ""),
    ("3.2亿元", 320_000_000, "元", None, ""),
    ("3.3万名", 33_000, "名", None, ""),
    ("2.6万人次", 26_000, "人次", None, ""),
    ("5000多万元", 50_000_000, "元", None, "多"),
    ("2000多件", 2000, "件", None, "多"),
    ("300多件", 300, "件", None, "多"),
    ("40多名", 40, "名", None, "多"),
    ("350多批次", 350, "批次", None, "多"),
    ("近300个", 300, "个", None, "近"),
    ("超1500场次", 1500, "场次", None, "超"),
    ("近200项", 200, "项", None, "近"),
    ("5-7家", 5, "家", 7, ""),
    ("50名左右", 50, "名", None, "左右"),
    ("约390名", 390, "名", None, "约"),
    ("108%", 108, "%", None, ""),
    ("66.6%", 66.6, "%", None, ""),
    ("194个", 194, "个", None, ""),
    ("63名", 63, "名", None, ""),
    ("12支", 12, "支", None, ""),
    ("7个", 7, "个", None, ""),
    ("三个", 3, "个", None, ""),
    ("两家", 2, "家", None, ""),
    ("十五名", 15, "名", None, ""),
    ("共300多件", 300, "件", None, "共|多"),
    ("累计超1500场次", 1500, "场次", None, "累计|超"),
    # altered: other numbers, other shapes
    ("约1.5亿元", 150_000_000, "元", None, "约"),
    ("12-15家", 12, "家", 15, ""),
    ("10余万元", 100_000, "元", None, "余"),
    ("1万多名", 10_000, "名", None, "多"),
    ("1-2万元", 10_000, "元", 20_000, ""),
    ("三至五家", 3, "家", 5, ""),
    ("三至五万元", 30_000, "元", 50_000, ""),
    ("三四家", 3, "家", 4, ""),
    ("二十多名", 20, "名", None, "多"),
    ("两千多万元", 20_000_000, "元", None, "多"),
    ("1,500人", 1500, "人", None, ""),
    ("10%-20%", 10, "%", 20, ""),
    ("百分之五十", 50, "%", None, ""),
    ("2.5个百分点", 2.5, "个百分点", None, ""),
    ("100名以上", 100, "名", None, "以上"),
    ("满5年", 5, "年", None, "满"),
    ("3年以上", 3, "年", None, "以上"),
    ("逾8000户", 8000, "户", None, "逾"),
    ("3.2 亿元", 320_000_000, "元", None, ""),
    ("3000元至5000元", 3000, "元", 5000, ""),  # the unit after both numbers
    ("1万元至2万元", 10_000, "元", 20_000, ""),
    ("3000元—5000元", 3000, "元", 5000, ""),
]


@pytest.mark.parametrize(("text", "value", "unit", "upper", "qualifier"), PARSE_CASES)
def test_parse_quantity(text, value, unit, upper, qualifier):
    q = parse_quantity(text)
    assert q is not None, text
    assert q.value == value
    assert q.unit == unit
    assert q.upper == upper
    assert q.qualifier == qualifier
    assert q.text == text


@pytest.mark.parametrize(
    "text",
    [
        "2024年",
        "五年",
        "12351",
        "第十五次",
        "100周年",
        "一个",
        "百家",
        "同比增长108%",
        "119家企业",
        "",
    ],
)
def test_parse_quantity_rejects(text):
    assert parse_quantity(text) is None


def test_percentage_in_sentence():
    (m,) = find_quantities("同比增长108%，带动消费")
    assert (m.quantity.value, m.quantity.unit, m.quantity.text) == (108, "%", "108%")


def test_no_float_error():
    assert parse_quantity("5156.03万元").value == 51560300
    assert parse_quantity("0.07万元").value == 700
    assert parse_quantity("10.9亿元").value == 1_090_000_000


# ----------------------------------------------------------------------------- to_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("五", 5),
        ("十五", 15),
        ("两", 2),
        ("2.6万", 26_000),
        ("3.2亿", 320_000_000),
        ("1,500", 1500),
        ("二〇二九", 2029),
        ("三千万", 30_000_000),
        ("0.5", 0.5),
    ],
)
def test_to_number(text, value):
    assert to_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "百", "万", "5家", "5000多万", "1.2.3"])
def test_to_number_none(text):
    assert to_number(text) is None


# ----------------------------------------------------------------------------- format_quantity


@pytest.mark.parametrize(
    "text",
    [
        "5156.03万元",
        "500名左右",
        "超600万元",
        "5-7家",
        "共300多件",
        "108%",
        "5000多万元",
        "1万多名",
        "3.2亿元",
        "约1.5亿元",
        "近2000人次",
        "2.6万人次",
        "21.06万名",
    ],
)
def test_format_is_canonical_for_canonical_text(text):
    assert format_quantity(parse_quantity(text)) == text


def test_format_from_record():
    assert format_quantity(Quantity(51_560_300, "元", "")) == "5156.03万元"
    assert format_quantity(Quantity(500, "名", "", qualifier="左右")) == "500名左右"
    assert format_quantity(Quantity(6_000_000, "元", "", qualifier="超")) == "超600万元"
    assert format_quantity(Quantity(5, "家", "", upper=7)) == "5-7家"
    assert format_quantity(Quantity(12351, "个", "")) == "12351个"


def test_qualifier_senses():
    assert qualifier_senses("共|多") == ("total", "more")
    assert qualifier_senses("左右") == ("approx",)
    assert qualifier_senses("") == ()


# ----------------------------------------------------------------------------- sentences


def _found(text):
    return [
        (m.quantity.text, m.quantity.value, m.quantity.unit, m.quantity.upper, m.quantity.qualifier)
        for m in find_quantities(text)
    ]


SEED_SENTENCE = (
    "共帮助119家企业解决在研发、技术创新、工艺改进等方面的问题141个，开展技能培训48场次，"
    "帮助近2000人次提升技能水平，产生经济效益超600万元"
)


def test_seed_sentence_gives_exactly_five():
    assert _found(SEED_SENTENCE) == [
        ("119家", 119, "家", None, ""),
        ("141个", 141, "个", None, ""),
        ("48场次", 48, "场次", None, ""),
        ("近2000人次", 2000, "人次", None, "近"),
        ("超600万元", 6_000_000, "元", None, "超"),
    ]


def test_offsets_point_at_text():
    for m in find_quantities(SEED_SENTENCE):
        assert SEED_SENTENCE[m.start : m.end] == m.quantity.text


def test_altered_sentence():
    text = (
        "共帮助87家企业解决在研发、技术创新等方面的问题63个，开展技能培训15场次，"
        "帮助约1.5亿元的项目落地，建设12-15家工匠学院"
    )
    assert _found(text) == [
        ("87家", 87, "家", None, ""),
        ("63个", 63, "个", None, ""),
        ("15场次", 15, "场次", None, ""),
        ("约1.5亿元", 150_000_000, "元", None, "约"),
        ("12-15家", 12, "家", 15, ""),
    ]


def test_seed_sentence_with_more_figures():
    text = (
        "省级职工疗休养等各类工会活动350多批次2.6万人次、同比增长108%，"
        "带动消费5000多万元、同比增长66.6%。"
    )
    assert _found(text) == [
        ("350多批次", 350, "批次", None, "多"),
        ("2.6万人次", 26_000, "人次", None, ""),
        ("108%", 108, "%", None, ""),
        ("5000多万元", 50_000_000, "元", None, "多"),
        ("66.6%", 66.6, "%", None, ""),
    ]


def test_altered_money_and_people():
    text = "维护4.7万名职工合法权益金额1.25亿元；惠及新业态劳动者超250万人次；发放互助金987.5万元"
    assert _found(text) == [
        ("4.7万名", 47_000, "名", None, ""),
        ("1.25亿元", 125_000_000, "元", None, ""),
        ("超250万人次", 2_500_000, "人次", None, "超"),
        ("987.5万元", 9_875_000, "元", None, ""),
    ]


def test_targets_with_qualifiers():
    text = "力争到2029年，培养造就50名左右大国工匠、500名左右南粤工匠、3000名左右市级工匠"
    assert [q[0] for q in _found(text)] == ["50名左右", "500名左右", "3000名左右"]
    text = "力争到2031年，培养造就80名左右大国工匠、约1200名市级工匠"
    assert [q[0] for q in _found(text)] == ["80名左右", "约1200名"]


def test_cumulative_not_adjacent():
    (q,) = _found("累计开展劳动和技能竞赛超1500场次")
    assert q[0] == "超1500场次" and q[4] == "超"


def test_qualifier_tail_of_another_word():
    # 节约 / 下达 / 最近 end in a qualifier character but are not qualifiers.
    assert _found("节约300万元") == [("300万元", 3_000_000, "元", None, "")]
    assert _found("下达3项任务") == [("3项", 3, "项", None, "")]


def test_units_that_start_other_words():
    assert _found("开展3项目") == []
    assert _found("五人制足球赛") == []
    assert _found("建成5所学校") == [("5所", 5, "所", None, "")]


def test_a_range_needs_one_unit_for_both_numbers():
    """3000元至5000元 is one range (it was two figures); two different units are two."""
    assert _found("资助标准为每人3000元至5000元") == [("3000元至5000元", 3000, "元", 5000, "")]
    assert _found("3人至5家") == [("3人", 3, "人", None, ""), ("5家", 5, "家", None, "")]


def test_a_session_number_is_no_count():
    assert _found("汕尾市总工会召开十届三次全委（扩大）会议") == []
    assert _found("召开第三次会议，举办培训3次") == [("3次", 3, "次", None, "")]


def test_bare_one_only_with_a_qualifier():
    assert _found("今后一个时期") == []
    assert _found("满一年") == [("满一年", 1, "年", None, "满")]


def test_codes_and_vague_numbers():
    assert _found("拨打0762-8888888家") == []
    assert _found("几十家企业、数十家单位") == []


def test_cue_licenses_year_unit():
    assert _found("用时9年共评选出110名") == [
        ("9年", 9, "年", None, ""),
        ("110名", 110, "名", None, ""),
    ]


NEGATIVES = [
    ("2024年", "2024年建设智能化工会驿站"),
    ("2029年", "力争到2029年实现目标"),
    ("12351", "通过12351工会服务职工热线"),
    ("第十五次", "广东省工会第十五次代表大会"),
    ("十五次", "广东省工会第十五次代表大会"),
    ("第二个", "是第二个奋进历程的开局之年"),
    ("二个", "是第二个奋进历程的开局之年"),
    ("100周年", "中华全国总工会成立100周年"),
    ("100周", "中华全国总工会成立100周年"),
    ("1310", "紧紧围绕省委“1310”具体部署"),
    ("559", "全总“559”工作部署"),
    ("1135", "围绕揭阳市委“1135”工作思路"),
    ("2", "实现“1+1>2”的效果"),
    ("二十大", "学习贯彻党的二十大精神"),
    ("二十届", "党的二十届二中、三中全会精神"),
    ("三大", "实施三大帮扶行动"),
    ("三心", "用好三心三力"),
    ("一是", "一是要在职工思想政治引领上展示新作为"),
    ("两书", "推行一函两书制度"),
    ("四风", "持续纠治四风"),
    ("八送", "开展“八送”活动"),
    ("五年", "今后五年的主要任务"),
    ("五年", "五年来，我们投入资金"),
    ("30年", "第二个“云浮30年”奋进历程"),
    ("9月", "2024年9月，云浮市某企业"),
    ("两个", "增强两个维护的自觉"),
    ("千家", "走进千家万户"),
    ("一个", "今后一个时期的重点工作"),
    ("一支", "建设一支宏大的高素质产业工人大军"),
    ("二次", "送“工会二次医保”"),
    ("五次", "三番五次"),
]


@pytest.mark.parametrize(("text", "sentence"), NEGATIVES)
def test_not_a_quantity(text, sentence):
    found = find_quantities(sentence)
    assert all(text not in m.quantity.text for m in found), found


# ----------------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "years", "year"),
    [
        ("五年来，我们投入资金近700万元", "五年来", "since_years", 5, None),
        ("2年来，帮助了63名一线产业工人", "2年来", "since_years", 2, None),
        ("报告回顾了过去五年全省工会工作", "过去五年", "since_years", 5, None),
        ("近年来，河源工会积极发挥作用", "近年来", "since_years", None, None),
        ("近三年来，全市新建驿站", "近三年来", "since_years", 3, None),
        ("截至目前，全省已选树“南粤工匠”110名", "截至目前", "until_now", None, None),
        ("累计发放款物10.9亿元", "累计", "until_now", None, None),
        ("2016年起开展选树工作", "2016年", "year", None, 2016),
        ("2024年9月，云浮市某企业", "2024年9月", "month", None, 2024),
        ("截至2024年底，全市建成驿站", "截至2024年底", "year", None, 2024),
        ("未来五年，广东将大力实施", "未来五年", "future_years", 5, None),
        ("今后五年的主要任务", "今后五年", "future_years", 5, None),
        ("而往后5年要增加约390名", "往后5年", "future_years", 5, None),
        ("今后一个时期的重点工作", "今后一个时期", "future_years", None, None),
        (
            "自“劳模工匠助企行”专项行动开展以来，共帮助119家企业",
            "自“劳模工匠助企行”专项行动开展以来",
            "since_event",
            None,
            None,
        ),
        (
            "自“职工暖心行”活动启动以来，共服务",
            "自“职工暖心行”活动启动以来",
            "since_event",
            None,
            None,
        ),
        ("该活动开展以来，共服务职工", "该活动开展以来", "since_event", None, None),
        ("2023年以来，全市新建驿站", "2023年以来", "since_event", None, 2023),
    ],
)
def test_periods(sentence, text, kind, years, year):
    found = [(p.text, p.kind, p.years, p.year) for p in find_periods(sentence)]
    assert (text, kind, years, year) in found, found


def test_period_offsets():
    text = "记者：近年来，河源工会在2024年9月开展活动。"
    for p in find_periods(text):
        assert text[p.start : p.end] == p.text


def test_deadline_year_is_not_a_period():
    assert [p.text for p in find_periods("力争到2029年，培养造就50名左右大国工匠")] == []
    assert [p.text for p in find_periods("来自基层的代表")] == []


# ----------------------------------------------------------------------------- deadlines


@pytest.mark.parametrize(
    ("sentence", "text", "year"),
    [
        ("到2029年培养50名大国工匠", "到2029年", 2029),
        ("力争到2029年，培养造就50名左右大国工匠", "力争到2029年", 2029),
        ("2029年前建成10家工匠学院", "2029年前", 2029),
        ("至2027年底，全市建成驿站200个", "至2027年底", 2027),
        ("到二〇二九年，建成", "到二〇二九年", 2029),
        ("争取到2030年底前完成", "争取到2030年底前", 2030),
        ("2025年底前完成", "2025年底前", 2025),
    ],
)
def test_deadlines(sentence, text, year):
    assert [(d.text, d.year) for d in find_deadlines(sentence)] == [(text, year)]


@pytest.mark.parametrize(
    ("sentence", "text", "offset"),
    [
        ("力争到年底建成村级职工服务点12个", "力争到年底", 0),
        ("力争到今年底全县“暖蜂驿站”达到50个", "力争到今年底", 0),
        ("明年底前培育工匠20名", "明年底前", 1),
        ("计划今年内新增驿站10个", "计划今年内", 0),
        ("年内建成职工书屋5家", "年内", 0),
        ("年末前完成", "年末前", 0),
        ("力争明年服务户外劳动者突破10万人次", "力争明年", 1),
        ("计划在7月底前开展志愿服务活动50场", "计划在7月底前", 0),
        ("到10月底建成驿站20个", "到10月底", 0),
    ],
)
def test_deadlines_relative_to_the_article_s_year(sentence, text, offset):
    """到年底, 明年底前, 今年内: the article's year (or the next), known only with the article."""
    found = find_deadlines(sentence)
    assert [(d.text, d.year, d.offset) for d in found] == [(text, None, offset)]
    assert found[0].year_in(2025) == 2025 + offset
    assert found[0].year_in(None) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "截至2024年底，全市建成驿站",
        "2024年前三季度",
        "始于2016年",
        "五年来",
        "2000年前后",
        "截至年底，全市建成驿站",
        "去年底已建成驿站",
        "五年内建成",
        "半年内完成",
        "截至7月底，全镇建会企业达到86家",
        "服务月将持续至7月中旬",
        "明年，力争注册会员突破40万人",
    ],
)
def test_not_deadlines(sentence):
    assert find_deadlines(sentence) == []


# ----------------------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raise_and_offsets_sane(text):
    for finder in (find_quantities, find_periods, find_deadlines):
        found = finder(text)
        last = 0
        for m in found:
            assert 0 <= last <= m.start < m.end <= len(text)
            last = m.end
    parse_quantity(text)
    to_number(text)


_CHARS = "0123456789.,-~%万亿多余约近超共累计以上左右第年家名个次元两三五十百千一二〇 ，。"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CHARS, max_size=40))
def test_never_raise_on_number_like_text(text):
    for m in find_quantities(text):
        assert text[m.start : m.end] == m.quantity.text
        assert m.quantity.upper is None or m.quantity.upper > m.quantity.value
    for p in find_periods(text):
        assert text[p.start : p.end] == p.text
    parse_quantity(text)


_UNITS = [
    "名",
    "家",
    "个",
    "支",
    "件",
    "项",
    "场",
    "场次",
    "人次",
    "人",
    "批次",
    "次",
    "元",
    "所",
    "座",
    "间",
    "户",
    "台",
    "条",
    "篇",
    "期",
    "天",
    "小时",
    "%",
]
_PRE = ["", "共", "累计", "约", "近", "超", "逾", "达", "累计|超", "共|近"]
_MID = ["", "多", "余"]
_POST = ["", "以上", "左右"]


@settings(max_examples=500, deadline=None)
@given(
    cents=st.integers(min_value=1, max_value=10**9),
    decimal=st.booleans(),
    wan=st.booleans(),
    unit=st.sampled_from(_UNITS),
    pre=st.sampled_from(_PRE),
    mid=st.sampled_from(_MID),
    post=st.sampled_from(_POST),
    span=st.one_of(st.none(), st.integers(min_value=1, max_value=1000)),
)
def test_round_trip(cents, decimal, wan, unit, pre, mid, post, span):
    mantissa = Decimal(cents) / 100 if decimal else Decimal(cents)
    scale = Decimal(10_000) if wan else Decimal(1)
    value = mantissa * scale
    upper = None if span is None or mid else value + Decimal(span) * scale
    qualifier = "|".join(w for w in (pre, mid, post) if w)
    q = Quantity(float(value), unit, "", None if upper is None else float(upper), qualifier)
    text = format_quantity(q)
    back = parse_quantity(text)
    assert back is not None, text
    assert (back.value, back.upper, back.unit, back.qualifier) == (
        q.value,
        q.upper,
        q.unit,
        q.qualifier,
    ), text
    assert back.text == text


@pytest.mark.parametrize(
    "name",
    ["quantity_units.tsv", "quantity_qualifiers.tsv", "quantity_names.txt", "period_words.tsv"],
)
def test_data_files_say_where_they_come_from(name):
    from kg.lexicon import data_text

    assert data_text(name).startswith("#")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("每年依托工会驿站开展活动近500场", [("每年", "yearly", None)]),
        ("年均培训职工3万人次", [("年均", "yearly", None)]),
        ("去年，全市建成站点18个", [("去年", "relative", -1)]),
        ("今年以来，已开展活动32场", [("今年以来", "relative", 0)]),
        ("截至去年底，全市", [("截至去年底", "relative", -1)]),
        ("截至11月底，已帮扶职工1200人", [("截至11月底", "relative", 0)]),
        ("截至今年10月，全市", [("截至今年10月", "relative", 0)]),
        ("截止到9月，累计", [("截止到9月", "relative", 0), ("累计", "until_now", None)]),
        ("截至12月3日，已", [("截至12月3日", "relative", 0)]),
        ("截至2025年11月30日，已", [("截至2025年11月30日", "month", None)]),
        ("“十四五”期间，共受理案件326件", [("“十四五”期间", "plan", None)]),
        ("十三五以来，全市", [("十三五以来", "plan", None)]),
        ("较去年增长15%", []),
        ("比去年同期增加", []),
    ],
)
def test_yearly_and_relative_periods(text, expected):
    """每年 makes a figure a yearly one; 去年/今年以来 are years counted from the article's date,
    and so is an as-of date with no year (截至11月底: of the article's year; 截至今年10月 was
    read as 至今); 去年 in a comparison (较去年, 去年同期) is no period of the figure."""
    assert [(p.text, p.kind, p.offset) for p in find_periods(text)] == expected


@pytest.mark.parametrize(
    "numeral",
    [
        "十",
        "十五",
        "二十",
        "一十五",
        "二百五",
        "一百零五",
        "两千",
        "两百",
        "两万三千",
        "一万二",
        "三千五",
        "一万零五",
        "五十五万零五",
        "十一万",
        "三十五万",
        "三百万",
        "一千万",
        "一亿二千万",
        "一亿零五百万",
        "九十九亿",
        "十亿",
        "一万亿",
        "一千零一十",
        "一点五",
        "零点五",
        "三点",
        "二〇二九",
        "一二三",
        "三四",
        "两",
        "零",
        "〇",
    ],
)
def test_chinese_numerals_read_as_cn2an_reads_them(numeral):
    """The numerals of the genre (positional, shortened 一万二, digit by digit 二〇二九, decimals)
    have cn2an's "smart" value: kg.quantities reads them itself only to spare every process
    cn2an's import."""
    cn2an = pytest.importorskip("cn2an")
    from kg.quantities import chinese_numeral

    assert chinese_numeral(numeral) == Decimal(str(cn2an.cn2an(numeral, "smart")))


@pytest.mark.parametrize(
    "numeral", ["百", "万", "万一", "亿万", "点五", "十十", "三四十", "九万万"]
)
def test_malformed_chinese_numerals_have_no_value(numeral):
    from kg.quantities import chinese_numeral

    assert chinese_numeral(numeral) is None


@given(st.integers(min_value=0, max_value=10**13 - 1), st.booleans())
def test_any_number_written_in_chinese_reads_back(n, liang):
    """Every number as cn2an writes it (with 两 for a 二 before 百/千/万/亿, as also written, or
    not) reads back as itself, including the ones cn2an's own reader refuses (一亿三千二百九十五,
    where it wants a 零)."""
    cn2an = pytest.importorskip("cn2an")
    from kg.quantities import chinese_numeral

    written = cn2an.an2cn(n)
    if liang:
        written = re.sub("二(?=[百千万亿])", "两", written)
    assert chinese_numeral(written) == n


def test_a_year_in_a_documents_title_is_no_period_nor_deadline():
    """《2026年集体合同（草案）》 names a document: its year neither dates the figure after it nor
    makes a deadline; the same year outside a title does."""
    assert find_periods("会议审议通过了《2026年集体合同（草案）》等3项议案") == []
    assert [p.year for p in find_periods("2026年，全市新建驿站50个")] == [2026]
    assert find_deadlines("印发《关于到2027年建成职工驿站的方案》") == []
    assert [d.year for d in find_deadlines("力争到2027年建成职工驿站")] == [2027]
