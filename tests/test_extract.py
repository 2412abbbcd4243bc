"""Extraction rules on small strings and on articles altered to other names, cities, numbers."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from kg.extract.names import name_at
from kg.pipeline import build
from kg.records import Ref
from tests.conftest import GENRE, GOLD, SEEDS


def _posts(result):
    """The posts held now (a post held before is in :func:`_career`)."""
    out = set()
    for f in result.resolved.facts:
        if f.kind == "holds_post" and f.arg("status") != "former":
            out.add(tuple(f.arg(k).key for k in ("person", "role", "org")))
    return out


def _measures(result) -> dict:
    """Each achievement's value and measure."""
    return {
        f.arg("quantity").value: f.arg("measure")
        for f in result.resolved.facts
        if f.kind == "achievement"
    }


def _achievements(result, *args: str) -> dict:
    """Each achievement's value and the arguments named."""
    return {
        f.arg("quantity").value: tuple(f.arg(a) for a in args)
        for f in result.resolved.facts
        if f.kind == "achievement"
    }


def _targets(result) -> dict:
    """What each target counts and when it is due, by its value."""
    return {
        f.arg("quantity").value: (f.arg("what"), f.arg("deadline"))
        for f in result.resolved.facts
        if f.kind == "target"
    }


def _build_text(tmp_path, text: str):
    """Write ``text`` as one article (a.txt) and build it: what most tests here start with."""
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    return build([tmp_path / "a.txt"])


def _article(result):
    return next(f for f in result.resolved.facts if f.kind == "article")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("黄坤明强调", "黄坤明"),
        ("许莹。", "许莹"),
        ("李某某等出席", "李某某"),
        ("赵静等出席", "赵静"),
        ("欧阳明华说", "欧阳明华"),
        ("弘扬劳模", None),
        ("智慧和力量", None),
    ],
)
def test_name_boundaries(text, name):
    assert name_at(text, 0) == name


ALTERED = """学习贯彻落实广东省工会第十五次代表大会精神·工会主席访谈⑰

韶关市人大常委会副主任、市总工会主席欧阳志强:

让每一名职工都有出彩的机会

■全媒体记者陈立新 通讯员韶工宣

谈体会 守正创新

记者:请谈谈您的学习体会。

欧阳志强:省委书记黄某某强调，希望广大职工当好主力军。韶关市总工会将认真落实省总部署。

■韶关市人大常委会副主任、市总工会主席欧阳志强。单位供图
"""


def test_altered_article_yields_the_altered_facts(tmp_path):
    (tmp_path / "a.txt").write_text(ALTERED, encoding="utf-8")
    r = build([str(tmp_path)])
    assert _posts(r) == {
        ("欧阳志强", "副主任", "韶关市人大常委会"),
        ("欧阳志强", "主席", "韶关市总工会"),
        ("黄某某", "书记", "广东省委"),
    }
    args = dict(_article(r).args)
    assert args["series_no"] == 17
    assert args["interviewee"] == Ref("person", "欧阳志强")
    assert args["reporter"] == Ref("person", "陈立新")
    assert args["correspondent"] == Ref("agent", "韶工宣")
    assert args["city"] == Ref("place", "韶关市")


def test_seed_altered_to_another_city_and_people(tmp_path):
    text = (SEEDS / "000_cba2e6ab6a53fdd1.txt").read_text(encoding="utf-8")
    text = (
        text.replace("河源", "湛江")
        .replace("黄远程", "蔡文博")
        .replace("⑭", "⑲")
        .replace("彭新启", "吴嘉明")
    )
    (tmp_path / "x.txt").write_text(text, encoding="utf-8")
    r = build([str(tmp_path)])
    assert _posts(r) == {
        ("蔡文博", "党组书记", "湛江市总工会"),
        ("蔡文博", "常务副主席", "湛江市总工会"),
    }
    args = dict(_article(r).args)
    assert args["series_no"] == 19
    assert args["reporter"] == Ref("person", "吴嘉明")


def test_ocr_variant_of_a_name_becomes_an_alias(seed_build):
    people = {e.ref.key: e for e in seed_build.resolved.entities if e.ref.kind == "person"}
    assert "汀洪灿" not in people
    assert "汀洪灿" in people["江洪灿"].aliases


def test_pos_tagger_false_names_are_not_people(seed_build):
    people = {e.ref.key for e in seed_build.resolved.entities if e.ref.kind == "person"}
    gold = json.loads((GOLD / "people.json").read_text(encoding="utf-8"))
    real = {p for entry in gold.values() for p in entry["people"]}
    assert people <= real, people - real
    assert not people & {"弘扬", "智慧", "高素质"}


def test_other_province_union_is_not_guangdong():
    r = build([str(GENRE / "d_other_province.txt")])
    orgs = {p[2] for p in _posts(r)}
    assert "湖南省总工会" in orgs
    assert not any(o.startswith("广东") for o in orgs)


DISTRICT_REPORT = """首页 | 新闻中心 | 工会动态 | 登录 注册
当前位置：首页 > 工会动态
{district}总工会召开推进会 聚力工会服务暖万家
发布时间：2026-11-18 09:30 来源：{city}日报
本报讯（记者 钟晓岚 通讯员 龙泽宇）11月18日，{city}{district}总工会召开“工会服务暖万家”推进会。
{city}人大常委会副主任、市总工会主席柯文静，{short}区委常委、区总工会主席严俊峰出席会议并讲话。
{short}区委常委、组织部部长韦志强参加会议。
柯文静表示，今年以来，{short}区总工会累计走访慰问困难职工326户，发放慰问金近48.5万元。
严俊峰介绍，到2027年，全区将建成15家左右“职工之家”示范点，开展技能培训不少于40场次。
到2027年，全区将建成职工书屋20家。
据悉，区总工会开通的“{short}工会服务热线”已接听职工来电1200余人次。区总还为首批12家“职工之家”示范点授牌。
区总还为首批9家“劳模和工匠人才创新工作室”授牌。
据统计，{short}区总工会今年举办职工技能竞赛18场；为职工发放医疗互助金56万元。
扫一扫 分享到 微信 微博
版权所有 {city}日报社 粤ICP备00000000号
"""


@pytest.mark.parametrize(
    ("city", "district"), [("茂名市", "电白区"), ("佛山市", "南海区")], ids=["maoming", "foshan"]
)
def test_district_report_resolves_bare_district_words(tmp_path, city, district):
    """A 本报讯 report on a district union, in web-page junk: the bare 区总工会 and 区委 of a
    post chain, 全区 in a plan, and a quoted hotline after 开通的 all belong to the district."""
    short = district[:-1]
    path = tmp_path / "report.txt"
    path.write_text(DISTRICT_REPORT.format(city=city, district=district, short=short), "utf-8")
    result = build([str(path)])
    union = f"{district}总工会"
    # the title, not the web page's line of metadata under it
    assert _article(result).arg("headline") == f"{district}总工会召开推进会聚力工会服务暖万家"
    assert (_article(result).arg("reporter"), _article(result).arg("correspondent")) == (
        Ref("person", "钟晓岚"),
        Ref("person", "龙泽宇"),
    )
    assert {
        ("严俊峰", "常委", f"{district}委"),
        ("严俊峰", "主席", union),
        ("柯文静", "主席", f"{city}总工会"),
        ("韦志强", "部长", f"{district}委组织部"),  # the district's department, not the city's
    } <= _posts(result)
    orgs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "org"}
    assert f"{city[:-1]}市委组织部" not in orgs, orgs
    targets = [f for f in result.resolved.facts if f.kind == "target"]
    assert {f.arg("set_by") for f in targets} == {Ref("org", union)}
    assert {f.arg("scope") for f in targets} == {Ref("place", district)}  # not the city
    assert {int(f.arg("deadline")) for f in targets} == {2027}
    runs = {
        (f.arg("org").key, f.arg("program").key)
        for f in result.resolved.facts
        if f.kind == "runs_program"
    }
    assert (union, f"{short}工会服务热线") in runs
    assert (union, "工会服务暖万家") in runs  # the campaign a 推进会 was held for
    # what a figure counts: the noun after a quoted name (15家左右“职工之家”示范点); what an
    # achievement measures starts after the program that is its subject (开通的“…热线”已接听…)
    assert {f.arg("what") for f in targets} >= {"职工之家示范点"}
    assert "建成职工书屋" in {f.arg("what") for f in targets}  # not 全区将建成… (as 全市)
    measures = {f.arg("measure") for f in result.resolved.facts if f.kind == "achievement"}
    assert "接听职工来电" in measures, measures
    # …nor the organization that is its subject, and it ends on a whole word
    assert {"走访慰问困难职工", "首批职工之家示范点"} <= measures, measures
    # a quoted name is counted whole, past the measure's usual eight characters
    assert "首批劳模和工匠人才创新工作室" in measures, measures
    # a clause after ；is still the district union's, not the city's
    aid = [f for f in result.resolved.facts if "医疗互助金" in str(f.arg("measure", ""))]
    assert aid and {f.arg("by") for f in aid} == {Ref("org", union)}, aid


COUNTY_FIGURES_REPORT = """{city}总工会推出“工惠{short}”职工服务品牌
本报讯（记者 黄嘉怡 通讯员 陈思远）4月1日，{city}总工会召开“工惠{short}”职工服务品牌推进会。
叶志强指出，今年，市总工会计划新建职工之家25个，力争到2027年底全市户外劳动者服务站点达到300个以上，全年开展职工疗休养活动惠及职工{visits}万人次。
据统计，2025年，全市各级工会共投入帮扶资金{funds}万元，慰问困难职工4300余户。
{county_a}总工会副主席刘伟介绍，该县去年建成“司机之家”18个；{county_b}总工会主席邱丽娟表示，全县将于年内实现新就业形态劳动者入会1万人。
"""


@pytest.mark.parametrize(
    ("city", "county_a", "county_b", "visits", "funds"),
    [("河源市", "龙川县", "紫金县", "1.2", "1860"), ("梅州市", "兴宁市", "五华县", "3.4", "920")],
    ids=["heyuan", "meizhou"],
)
def test_figures_of_a_county_report(tmp_path, city, county_a, county_b, visits, funds):
    """A deadline does not reach past a clause with its own time (全年…); a plan word of intent
    makes a later 实现 part of the plan (全县将于年内实现…); an achievement's measure starts after
    the adverb that follows its subject (全市各级工会共投入…) and leaves out 该县 and 去年."""
    path = tmp_path / "report.txt"
    text = COUNTY_FIGURES_REPORT.format(
        city=city, short=city[:-1], county_a=county_a, county_b=county_b, visits=visits, funds=funds
    )
    path.write_text(text, "utf-8")
    result = build([str(path)])
    facts = result.resolved.facts
    targets = {f.arg("what"): f for f in facts if f.kind == "target"}
    visits_target = next(f for w, f in targets.items() if "疗休养" in w)
    assert visits_target.arg("quantity").value == Decimal(visits) * 10000
    assert visits_target.arg("deadline") is None  # this year's, not 2027's
    assert targets["户外劳动者服务站点"].arg("deadline") == 2027  # the clause the deadline opens
    joining = [f for w, f in targets.items() if "入会" in w]
    assert joining and joining[0].arg("set_by") == Ref("org", f"{county_b}总工会")
    achieved = {f.arg("measure"): f for f in facts if f.kind == "achievement"}
    assert not any("入会" in m for m in achieved)
    assert achieved["投入帮扶资金"].arg("quantity").value == Decimal(funds) * 10000
    assert achieved["建成司机之家"].arg("by") == Ref("org", f"{county_a}总工会")
    assert achieved["慰问困难职工"].arg("period") == "2025年"


CONGRESS_REPORT = """{city}总工会第八次代表大会开幕
{short}讯 12月3日，{city}总工会第八次代表大会隆重开幕。大会选举产生了新一届市总工会委员会，{chair}当选为市总工会主席，{vice_a}、{vice_b}当选为副主席。
市委副书记、市长{mayor}在讲话中充分肯定了过去五年全市工会工作取得的成绩。
市人大常委会副主任、市总工会原主席{former}代表第七届委员会作工作报告。
（{short}日报记者 {reporter}）
"""


@pytest.mark.parametrize(
    ("city", "chair", "vice_a", "vice_b", "mayor", "former", "reporter"),
    [
        ("揭阳市", "林晓东", "郑雅琴", "许建国", "王海峰", "蔡丽华", "吴晓彤"),
        ("清远市", "欧阳志明", "梁静", "何国栋", "陆文斌", "冯秀英", "蒋思雨"),
    ],
    ids=["jieyang", "qingyuan"],
)
def test_a_union_congress_report(tmp_path, city, chair, vice_a, vice_b, mayor, former, reporter):
    """A congress elects: 当选为 gives a post (the organization after it, or the one named
    before in the sentence); 市长 after 市委副书记 is the government's post; 原主席 is a post no
    longer held, and the chain goes on past it; a byline in brackets at the end signs the
    report without being taken for where its headline is."""
    path = tmp_path / "report.txt"
    text = CONGRESS_REPORT.format(
        city=city,
        short=city[:-1],
        chair=chair,
        vice_a=vice_a,
        vice_b=vice_b,
        mayor=mayor,
        former=former,
        reporter=reporter,
    )
    path.write_text(text, "utf-8")
    result = build([str(path)])
    union = f"{city}总工会"
    posts = _posts(result)
    assert {
        (chair, "主席", union),
        (vice_a, "副主席", union),
        (vice_b, "副主席", union),
        (mayor, "副书记", f"{city[:-1]}市委"),
        (mayor, "市长", f"{city}人民政府"),
        (former, "副主任", f"{city}人大常委会"),
    } <= posts, posts
    assert (mayor, "市长", f"{city[:-1]}市委") not in posts
    assert not any(p[0] == former and p[1] == "主席" for p in posts)
    assert (former, "原主席", union) in _career(result)
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert former in people  # named, though the post is a former one
    article = _article(result)
    assert article.arg("headline") == f"{city}总工会第八次代表大会开幕"
    assert article.arg("reporter") == Ref("person", reporter)


ZONE_REPORT = """{short}：“{brand}”服务进园区 {people}余名职工受益
{short}日报讯（记者/李明辉 通讯员/麦晓琳）近日，{city}总工会联合{short}{zone}总工会开展“工会服务进园区”活动。
{city}总工会副主席陈秀玲表示，下一步，将在年底前新建户外劳动者服务站点{stations}个。
"""


@pytest.mark.parametrize(
    ("city", "zone", "brand", "people", "stations"),
    [
        ("湛江市", "经济技术开发区", "粤工惠", "2000", "50"),
        ("佛山市", "高新区", "工会暖心", "800", "12"),
    ],
    ids=["zhanjiang", "foshan"],
)
def test_a_zone_report_with_a_place_in_its_headline(tmp_path, city, zone, brand, people, stations):
    """A headline that opens with its place and a colon (湛江：…) is the headline, not a speaker's
    turn (湛 is also a surname), so its figure is not an achievement; a city's development zone
    has its own union (湛江经济技术开发区总工会); 年底前 says when a target is due, not what."""
    short = city[:-1]
    path = tmp_path / "report.txt"
    text = ZONE_REPORT.format(
        city=city, short=short, zone=zone, brand=brand, people=people, stations=stations
    )
    path.write_text(text, "utf-8")
    result = build([str(path)])
    headline = _article(result).arg("headline")
    assert headline == f"{short}：“{brand}”服务进园区{people}余名职工受益", headline
    assert not [f for f in result.resolved.facts if f.kind == "achievement"]
    orgs = {e.ref.key: e for e in result.resolved.entities if e.ref.kind == "org"}
    assert f"{short}{zone}总工会" in orgs, sorted(orgs)
    targets = [f for f in result.resolved.facts if f.kind == "target"]
    assert [(f.arg("what"), f.arg("quantity").value) for f in targets] == [
        ("新建户外劳动者服务站点", Decimal(stations))
    ]


TOWN_REPORT = """{where}总工会启动“{campaign}”行动
本报讯（记者 谢雨桐 通讯员 潘志坚）9月14日，{city}{district}总工会“{campaign}”行动启动仪式在{town}举行。
据悉，{town}总工会已为企业职工提供免费技能培训{trained}人次。
{town}总工会主席{chair}表示，将继续做好职工服务工作。
"""


@pytest.mark.parametrize(
    ("city", "district", "town", "trained", "chair"),
    [
        ("广州市", "花都区", "狮岭镇", "1200", "何志刚"),
        ("东莞市", "", "虎门镇", "860", "梁美玲"),
        ("深圳市", "南山区", "粤海街道", "3400", "陈立群"),
    ],
    ids=["district-town", "city-town", "street"],
)
def test_a_town_union(tmp_path, city, district, town, trained, chair):
    """A town's or a street's union (狮岭镇总工会, 粤海街道总工会) is an organization of its own,
    in the district (or city) the report is about: its figure is its own, not the city union's,
    and its chairman holds his post in it."""
    path = tmp_path / "report.txt"
    where = district or city
    values = {"city": city, "district": district, "town": town, "trained": trained}
    text = TOWN_REPORT.format(where=where, chair=chair, campaign="技能护航", **values)
    path.write_text(text, "utf-8")
    result = build([str(path)])
    union = f"{where}{town}总工会"
    orgs = {e.ref.key: dict(e.attrs) for e in result.resolved.entities if e.ref.kind == "org"}
    assert union in orgs, sorted(orgs)
    assert orgs[union].get("place") == where
    done = [f for f in result.resolved.facts if f.kind == "achievement"]
    assert [(f.arg("by"), f.arg("quantity").value) for f in done] == [
        (Ref("org", union), Decimal(trained))
    ]
    assert (chair, "主席", union) in _posts(result)
    assert f"{city}总工会" not in orgs or not any(
        f.arg("by") == Ref("org", f"{city}总工会") for f in done
    )


FACILITY_REPORT = """{city}总工会推进“{campaign}”行动
本报讯（记者 谢雨桐）{city}总工会主席{chair}表示，到2028年，全市将建设{level}劳模和工匠人才创新工作室{rooms}家、新建“职工书屋”{rooms}家。
今年以来，市总工会依托{master}劳模创新工作室开展技术攻关。
"""


@pytest.mark.parametrize(
    ("city", "campaign", "chair", "level", "rooms", "master"),
    [
        ("惠州市", "技能强市", "钟文海", "", "12", "林建华"),
        ("汕尾市", "匠心汕尾", "黄丽萍", "市级", "30", "吴国栋"),
    ],
    ids=["huizhou", "shanwei"],
)
def test_kinds_of_facility_are_no_programs(tmp_path, city, campaign, chair, level, rooms, master):
    """What a union builds and counts (劳模和工匠人才创新工作室, a quoted 职工书屋) is a kind of
    facility, not a program, though it ends in 工作室 or is quoted; a named one (X劳模创新工作室)
    is a program. The counts stay targets, and what they count keeps the facility whole with
    its verb, however long (not 市级劳模和工匠人才创新工作室)."""
    path = tmp_path / "report.txt"
    text = FACILITY_REPORT.format(
        city=city, campaign=campaign, chair=chair, level=level, rooms=rooms, master=master
    )
    path.write_text(text, "utf-8")
    result = build([str(path)])
    programs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "program"}
    assert programs == {campaign, f"{master}劳模创新工作室"}, sorted(programs)
    targets = sorted(
        (f.arg("what"), f.arg("quantity").value)
        for f in result.resolved.facts
        if f.kind == "target"
    )
    assert [value for _, value in targets] == [Decimal(rooms)] * 2, targets
    assert targets[0][0] == f"建设{level}劳模和工匠人才创新工作室", targets  # kept whole
    assert targets[1][0] == "新建职工书屋", targets


LISTED_NAME_REPORT = """{city}总工会召开表彰大会
本报讯（记者 周海燕）4月28日，{city}庆祝“五一”国际劳动节大会举行。市委常委、市总工会主席{name}宣读表彰决定。
记者：请谈谈下一步打算。
{name}：我们将继续做好职工服务工作。
"""


@pytest.mark.parametrize(
    ("city", "name"), [("惠州市", "刘志坚"), ("梅州市", "王建国")], ids=["liu", "wang"]
)
def test_a_name_jieba_lists_as_a_word(tmp_path, city, name):
    """jieba's dictionary lists some real names often enough (刘志坚 31, 王建国 12) that they
    count as ordinary words; right after a post title and before a speaker's colon the text
    vouches for a name, and they are taken (the chain and the turn had no person)."""
    path = tmp_path / "report.txt"
    path.write_text(LISTED_NAME_REPORT.format(city=city, name=name), "utf-8")
    result = build([str(path)])
    assert {(name, "常委", f"{city}委"), (name, "主席", f"{city}总工会")} <= _posts(result)
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert name in people
    from kg.pipeline import extract_document
    from kg.records import Document

    doc = Document("report.txt", "0" * 64, path.read_text("utf-8"), "utf-8")
    rules = {m.evidence.rule for m in extract_document(doc).mentions if m.ref.key == name}
    assert "speaker_turn" in rules, rules


BARE_DATELINE = """{short}：“两节”送温暖活动惠及职工{households}万户次
本报讯 {byline}今年元旦春节期间，全市各级工会共筹集帮扶资金{funds}余万元，走访慰问困难职工{households}万户次。
"""


@pytest.mark.parametrize(
    ("city", "byline", "reporters", "funds", "households"),
    [
        ("阳江市", "记者从阳江市总工会获悉，", [], "2860", "3.2"),
        ("韶关市", "记者 陈立新 通讯员 黄晓明 ", ["陈立新"], "1500", "1.8"),
    ],
    ids=["lead-at-once", "names-then-lead"],
)
def test_a_dateline_without_brackets(tmp_path, city, byline, reporters, funds, households):
    """本报讯 written without brackets: the report's lead follows at once (本报讯 记者从…获悉，) or
    after the names of its byline, and its figures are the report's (the whole paragraph was
    taken for a byline and its figures lost)."""
    path = tmp_path / "report.txt"
    text = BARE_DATELINE.format(short=city[:-1], byline=byline, funds=funds, households=households)
    path.write_text(text, "utf-8")
    result = build([str(path)])
    done = sorted(
        (f.arg("quantity").value, f.arg("quantity").unit)
        for f in result.resolved.facts
        if f.kind == "achievement"
    )
    assert done == sorted(
        [(Decimal(funds) * 10000, "元"), (Decimal(households) * 10000, "户次")]
    ), done
    article = _article(result)
    assert [v.key for k, v in article.args if k == "reporter"] == reporters


ENTERPRISE_REPORT = """{city}总工会联合企业开展职工技能比武
本报讯（记者 周海燕）近日，{city}总工会联合{short}{brand}有限公司、{short}技师学院开展职工技能比武活动。
{short}{brand}有限公司工会主席{chair}表示，将继续开展岗位练兵。其中，{short}{brand}有限公司车间主任{worker}获评“{short}工匠”。
市中级人民法院、市总工会共同设立劳动争议诉调对接工作室。
"""


@pytest.mark.parametrize(
    ("city", "brand", "chair", "worker"),
    [("惠州市", "华阳电子", "陈丽娟", "王建军"), ("江门市", "新宝电器", "李慧芳", "梁志强")],
    ids=["huizhou", "jiangmen"],
)
def test_enterprises_schools_and_courts(tmp_path, city, brand, chair, worker):
    """An enterprise, its union and a school are organizations named as written after their
    place (汕头金舟纺织有限公司, 惠州…有限公司工会, 韶关技师学院), with their kinds; a post in an
    enterprise (车间主任) is a post; 市中级人民法院 is the city's court."""
    short = city[:-1]
    path = tmp_path / "report.txt"
    text = ENTERPRISE_REPORT.format(city=city, short=short, brand=brand, chair=chair, worker=worker)
    path.write_text(text, "utf-8")
    result = build([str(path)])
    kinds = {
        e.ref.key: dict(e.attrs).get("kind")
        for e in result.resolved.entities
        if e.ref.kind == "org"
    }
    company = f"{short}{brand}有限公司"
    assert kinds[company] == "company"
    assert kinds[f"{company}工会"] == "union"
    assert kinds[f"{short}技师学院"] == "school"
    assert f"{city}中级人民法院" in kinds
    posts = _posts(result)
    assert {(chair, "主席", f"{company}工会"), (worker, "车间主任", company)} <= posts, posts


EXAMPLES_REPORT = """{city}总工会开展“两节”送温暖活动
本报讯（记者 周海燕）今年元旦春节期间，{city}各级工会走访慰问{first}、农民工、新就业形态劳动者等{visits}万户次。
{city}总工会授予{short}{brand}有限公司高级技师{worker}等{awarded}名职工五一劳动奖章。
"""


@pytest.mark.parametrize(
    ("city", "first", "visits", "brand", "worker", "awarded"),
    [
        ("阳江市", "困难职工", "3.2", "华阳电子", "王建军", "50"),
        ("清远市", "一线职工", "1.6", "新宝电器", "梁志强", "35"),
    ],
    ids=["yangjiang", "qingyuan"],
)
def test_a_list_of_examples_is_not_the_measure(
    tmp_path, city, first, visits, brand, worker, awarded
):
    """Before a figure, a list of examples closed by 等 says whom it includes, not what was
    done: the measure is what was done to the first of them (走访慰问困难职工等), or what was
    done before the first name in the list (授予, not the enterprise's worker's name)."""
    path = tmp_path / "report.txt"
    values = {"first": first, "visits": visits, "brand": brand, "worker": worker}
    text = EXAMPLES_REPORT.format(city=city, short=city[:-1], awarded=awarded, **values)
    path.write_text(text, "utf-8")
    result = build([str(path)])
    measures = _measures(result)
    assert measures[Decimal(visits) * 10000] == f"走访慰问{first}等", measures
    awarding = measures[Decimal(awarded)]
    assert awarding.startswith("授予") and worker not in awarding and brand not in awarding


MEETING_REPORT = """{city}总工会召开全委会议
本报讯（记者 林晓琪）12月5日，{city}总工会召开十届三次全委（扩大）会议。市总工会{chair}主席作工作报告，{vice}副主席主持会议。
市委常委、宣传部部长{other}出席会议。
"""


@pytest.mark.parametrize(
    ("city", "chair", "vice", "other"),
    [("汕尾市", "陈海滨", "郑丽娜", "黄伟强"), ("潮州市", "刘志坚", "许晓燕", "蔡文辉")],
    ids=["shanwei", "chaozhou"],
)
def test_a_title_after_the_name(tmp_path, city, chair, vice, other):
    """市总工会陈海滨主席: a name then its title, the organization right before the name, is a
    post; 郑丽娜副主席 without one is a person only; a session number (十届三次) is no figure;
    a department before its head's title (宣传部部长) is no name."""
    path = tmp_path / "report.txt"
    path.write_text(MEETING_REPORT.format(city=city, chair=chair, vice=vice, other=other), "utf-8")
    result = build([str(path)])
    posts = _posts(result)
    assert (chair, "主席", f"{city}总工会") in posts, posts
    assert not any(p[0] == vice for p in posts)
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert {chair, vice, other} <= people and "宣传部" not in people, people
    assert not [f for f in result.resolved.facts if f.kind == "achievement"]


PLAN_PERIOD_REPORT = """{district}总工会：法律援助为职工撑腰
本报讯（记者 何嘉欣）“十四五”期间，{district}总工会共受理职工法律援助案件{cases}件。
今年，区总工会新发展工会会员{members}人，其中新就业形态劳动者{gig}人。
"""


@pytest.mark.parametrize(
    ("district", "cases", "members", "gig"),
    [("端州区", "326", "12000", "8600"), ("蓬江区", "218", "9500", "4100")],
    ids=["duanzhou", "pengjiang"],
)
def test_five_year_plan_periods_and_new_forms_of_work(tmp_path, district, cases, members, gig):
    """“十四五”期间 is the period of a figure (a five-year plan's five years); 新 in
    新就业形态劳动者 is part of the term, not a lead word 新 (newly); 新发展会员 is how union reports
    name members recruited, kept whole."""
    path = tmp_path / "report.txt"
    values = {"district": district, "cases": cases, "members": members, "gig": gig}
    path.write_text(PLAN_PERIOD_REPORT.format(**values), "utf-8")
    result = build([str(path)])
    done = {
        f.arg("quantity").value: (f.arg("measure"), f.arg("period"), f.arg("period_years"))
        for f in result.resolved.facts
        if f.kind == "achievement"
    }
    assert done[Decimal(cases)] == ("受理职工法律援助案件", "“十四五”期间", 5), done
    assert done[Decimal(members)][0] == "新发展工会会员"
    assert done[Decimal(gig)][0] == "新就业形态劳动者", done


TOTALS_REPORT = """{city}总工会金秋助学和站点建设成效明显
本报讯（记者 吴丽琼）今年以来，{city}总工会新建户外劳动者服务站点{new}个，累计达到{total}个。
市总工会投入金秋助学资金{funds}万元，资助标准为每人3000元至5000元，每户另发放慰问金500元。
"""


@pytest.mark.parametrize(
    ("city", "new", "total", "funds"),
    [("湛江市", "45", "312", "350"), ("汕尾市", "18", "126", "120")],
    ids=["zhanjiang", "shanwei"],
)
def test_running_totals_and_rates_per_head(tmp_path, city, new, total, funds):
    """累计达到312个 right after 新建…45个 is the running total of the same thing (its measure
    was the bare unit 个); a rate per head (每人3000元至5000元, 每户…500元) is no achievement."""
    path = tmp_path / "report.txt"
    path.write_text(TOTALS_REPORT.format(city=city, new=new, total=total, funds=funds), "utf-8")
    result = build([str(path)])
    done = _measures(result)
    assert done == {
        Decimal(new): "新建户外劳动者服务站点",
        Decimal(total): "户外劳动者服务站点",
        Decimal(funds) * 10000: "投入金秋助学资金",
    }, done


BARGAIN_REPORT = """{city}推进工资集体协商
本报讯（记者 林晓文）截至6月底，{city}已签订工资专项集体合同{contracts}份，覆盖企业{firms}家、职工{workers}万人。
市总工会今年开展集体协商培训{trainings}场、培训工会干部{cadres}人。
"""


@pytest.mark.parametrize(
    ("city", "contracts", "firms", "workers", "trainings", "cadres"),
    [("茂名市", "1860", "4300", "21.5", "12", "800"), ("云浮市", "920", "2100", "8.6", "7", "350")],
    ids=["maoming", "yunfu"],
)
def test_a_figure_listed_after_another_takes_its_verb(
    tmp_path, city, contracts, firms, workers, trainings, cadres
):
    """覆盖企业4300家、职工21.5万人: the bare noun after 、 takes the verb of the figure before it
    (覆盖职工, not 职工); a figure with its own verb (培训工会干部) keeps it."""
    path = tmp_path / "report.txt"
    values = {"contracts": contracts, "firms": firms, "workers": workers}
    text = BARGAIN_REPORT.format(city=city, trainings=trainings, cadres=cadres, **values)
    path.write_text(text, "utf-8")
    result = build([str(path)])
    done = _measures(result)
    assert done[Decimal(firms)] == "覆盖企业"
    assert done[Decimal(workers) * 10000] == "覆盖职工", done
    assert done[Decimal(cadres)] == "培训工会干部", done


PROVINCE_REPORT = """全省工会“两节”送温暖资金超5亿元
南方日报讯（记者 陈晓 通讯员 粤工宣）记者从广东省总工会获悉，2026年元旦春节期间，全省各级工会共筹集送温暖资金5.2亿元。其中，{a}总工会投入{fa}万元，{b}总工会投入{fb}万元。
"""


@pytest.mark.parametrize(
    ("a", "fa", "b", "fb"),
    [("深圳市", "9800", "佛山市", "6500"), ("东莞市", "4200", "湛江市", "2100")],
    ids=["shenzhen", "dongguan"],
)
def test_each_figure_in_its_unions_city(tmp_path, a, fa, b, fb):
    """A provincial report's figures: each city union's in its own city (they all went to the
    city the article was taken for), the province's in none."""
    path = tmp_path / "report.txt"
    path.write_text(PROVINCE_REPORT.format(a=a, fa=fa, b=b, fb=fb), "utf-8")
    result = build([str(path)])
    cities = {
        (f.arg("by").key, f.arg("city").key if f.arg("city") else None)
        for f in result.resolved.facts
        if f.kind == "achievement"
    }
    assert cities == {("广东省总工会", None), (f"{a}总工会", a), (f"{b}总工会", b)}, cities


CONTEST_REPORT = """第十届{city}职业技能大赛落幕
本报讯（记者 梁嘉敏）11月20日，第十届{city}职业技能大赛闭幕。大赛共设置{events}个比赛项目，吸引全市{firms}家企业的{workers}余名职工参赛。
"""


@pytest.mark.parametrize(
    ("city", "events", "firms", "workers"),
    [("佛山市", "12", "386", "2100"), ("中山市", "9", "214", "1350")],
    ids=["foshan", "zhongshan"],
)
def test_a_figure_whose_noun_belongs_to_another(tmp_path, city, events, firms, workers):
    """吸引全市386家企业的2100余名职工参赛: the first figure counts 企业 (its noun stops at the
    next number), the second 职工参赛 with the clause's verb (not 吸引全市家企业的职工参赛)."""
    path = tmp_path / "report.txt"
    values = {"events": events, "firms": firms, "workers": workers}
    path.write_text(CONTEST_REPORT.format(city=city, **values), "utf-8")
    done = _measures(build([str(path)]))
    assert done[Decimal(firms)] == "吸引全市企业", done
    assert done[Decimal(workers)] == "吸引职工参赛", done


OTHER_PROVINCE = """{province}总工会召开劳动和技能竞赛推进会
本报{capital}4月28日电（记者彭雅琳）4月27日，{province}总工会召开推进会。省人力资源和社会保障厅副厅长{deputy}出席。会上，{city}{district}总工会作了典型发言。
"""


@pytest.mark.parametrize(
    ("province", "capital", "deputy", "city", "district"),
    [
        ("湖南省", "长沙", "龚卫东", "湘潭市", "雨湖区"),
        ("江西省", "南昌", "熊文斌", "赣州市", "章贡区"),
    ],
    ids=["hunan", "jiangxi"],
)
def test_another_provinces_district_union_and_department(
    tmp_path, province, capital, deputy, city, district
):
    """Another province's city and district (not in the gazetteer) before 总工会 name the
    district's union (湘潭市雨湖区总工会 -> 雨湖区总工会); 省人力资源和社会保障厅 is the province's
    department, and its 副厅长 a post in it."""
    path = tmp_path / "report.txt"
    values = {"capital": capital, "deputy": deputy, "city": city, "district": district}
    path.write_text(OTHER_PROVINCE.format(province=province, **values), "utf-8")
    result = build([str(path)])
    orgs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "org"}
    assert f"{district}总工会" in orgs, orgs
    assert (deputy, "副厅长", f"{province}人力资源和社会保障厅") in _posts(result)


CENTRE_REPORT = """{city}职工服务中心正式启用
本报讯（记者 刘诗琪）3月18日上午，{city}职工服务中心正式启用。市总工会主席{chair}说，中心将为全市{workers}万名职工提供“一站式”服务。
今年我们重点抓了三件事，新建职工驿站{stations}个。
"""


@pytest.mark.parametrize(
    ("city", "chair", "workers", "stations"),
    [("河源市", "温志明", "28", "35"), ("阳江市", "许文斌", "19", "22")],
    ids=["heyuan", "yangjiang"],
)
def test_will_manner_and_points_of_a_speech(tmp_path, city, chair, workers, stations):
    """中心将为…提供: 将 before 为 means "will" whatever stands before it, so the figure is no
    achievement; “一站式” is a manner of service, not a program; 三件事 are the points of a
    speech, not a figure."""
    path = tmp_path / "report.txt"
    values = {"chair": chair, "workers": workers, "stations": stations}
    path.write_text(CENTRE_REPORT.format(city=city, **values), "utf-8")
    result = build([str(path)])
    assert _measures(result) == {Decimal(stations): "新建职工驿站"}
    programs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "program"}
    assert "一站式" not in programs, programs
    assert [f.arg("quantity").value for f in result.resolved.facts if f.kind == "target"] == [
        Decimal(workers) * 10000
    ]


GROWTH_REPORT = """{city}总工会根治欠薪成效明显
本报讯（记者 黄泽宇）今年以来，{city}总工会帮助农民工追回欠薪{wages}万元，同比下降{fall}%；受理职工投诉{cases}件，同比增长{rise}%。全市职工投诉量比去年减少{other}%。
"""


@pytest.mark.parametrize(
    ("city", "wages", "fall", "cases", "rise", "other"),
    [("清远市", "2300", "5", "860", "12", "8.5"), ("揭阳市", "1700", "3.5", "420", "9", "6")],
    ids=["qingyuan", "jieyang"],
)
def test_growth_rates_and_their_sign(tmp_path, city, wages, fall, cases, rise, other):
    """A clause that only compares (、同比下降5%) is the growth rate of the figure before it,
    negative for a fall; a clause with its own subject (职工投诉量比去年减少8.5%) is a figure of
    its own, not the growth of the one before."""
    path = tmp_path / "report.txt"
    values = {"wages": wages, "fall": fall, "cases": cases, "rise": rise, "other": other}
    path.write_text(GROWTH_REPORT.format(city=city, **values), "utf-8")
    result = build([str(path)])
    growth = {
        f.arg("quantity").value: (g.value if (g := f.arg("growth")) else None)
        for f in result.resolved.facts
        if f.kind == "achievement"
    }
    assert growth == {
        Decimal(wages) * 10000: -Decimal(fall),
        Decimal(cases): Decimal(rise),
        Decimal(other): None,
    }, growth


PLAN_LIST = """{city}总工会部署{year}年重点工作
本报讯（记者 甄丽萍）1月10日，{city}总工会召开全委会议，回顾{last}年主要成效如下：
（一）新建职工驿站{built}个；
（二）培训产业工人{trained}万人次。
会议部署{year}年重点工作：
（一）深化产业工人队伍建设改革，全年培训产业工人{train}万人次；
（二）推进“工会驿站”提质增效，新建驿站{build}个。
"""


@pytest.mark.parametrize(
    ("city", "year", "built", "trained", "train", "build_"),
    [("江门市", 2026, "42", "2.6", "3", "50"), ("潮州市", 2027, "18", "1.1", "1.5", "20")],
    ids=["jiangmen", "chaozhou"],
)
def test_a_list_under_a_plan_is_targets(tmp_path, city, year, built, trained, train, build_):
    """The items of a list introduced by a line of planning (部署2026年重点工作：) are targets
    due in the year it names; the items under a line of results (主要成效如下：) stay done; the
    planning line (short, ending in a colon) is not an interviewee line, so the list's first
    item is not the headline."""
    path = tmp_path / "report.txt"
    values = {"built": built, "trained": trained, "train": train, "build": build_}
    path.write_text(PLAN_LIST.format(city=city, year=year, last=year - 1, **values), "utf-8")
    result = build([str(path)])
    targets = {
        f.arg("quantity").value: f.arg("deadline")
        for f in result.resolved.facts
        if f.kind == "target"
    }
    assert targets == {Decimal(train) * 10000: year, Decimal(build_): year}, targets
    assert _measures(result) == {
        Decimal(built): "新建职工驿站",  # the item's number (（一）) is no word
        Decimal(trained) * 10000: "培训产业工人",
    }
    # a short line ending in a colon is no interviewee line without a post title in it
    assert _article(result).arg("headline") == f"{city}总工会部署{year}年重点工作"


TWO_CITIES = """{a}、{b}两市工会联合开展服务月活动
本报讯（记者 陈晓）{a}总工会副主席王海燕介绍，目前{sa}已建成户外劳动者服务站点{na}个，{sb}已建成{nb}个。
{a}总工会表示，力争“十五五”期间培育省级以上工匠{x}名、市级工匠{y}名。
"""


@pytest.mark.parametrize(
    ("a", "b", "na", "nb", "x", "y"),
    [
        ("广州市", "深圳市", "1860", "1520", "50", "500"),
        ("佛山市", "东莞市", "960", "870", "30", "300"),
    ],
    ids=["guangzhou", "foshan"],
)
def test_parallel_clauses_and_plan_deadlines(tmp_path, a, b, na, nb, x, y):
    """深圳已建成1520个 after 广州已建成户外劳动者服务站点1860个: the second city's figure, counting
    the same thing (its noun left out), credited to that city's union; “十五五”期间 in a target
    makes it due by the plan's last year (2030), and the second item of a list of targets takes
    the first's verb (培育市级工匠)."""
    path = tmp_path / "report.txt"
    values = {"sa": a[:-1], "sb": b[:-1], "na": na, "nb": nb, "x": x, "y": y}
    path.write_text(TWO_CITIES.format(a=a, b=b, **values), "utf-8")
    result = build([str(path)])
    done = {
        f.arg("quantity").value: (f.arg("by").key, f.arg("measure"), f.arg("city").key)
        for f in result.resolved.facts
        if f.kind == "achievement"
    }
    assert done == {
        Decimal(na): (f"{a}总工会", "建成户外劳动者服务站点", a),
        Decimal(nb): (f"{b}总工会", "建成户外劳动者服务站点", b),
    }, done
    targets = _targets(result)
    assert targets == {
        Decimal(x): ("培育省级以上工匠", 2030),
        Decimal(y): ("培育市级工匠", 2030),
    }, targets


HONOURS_REPORT = """{company}召开三届二次职代会
本报讯（记者 陈立新）1月15日，{company}召开三届二次职工代表大会，{delegates}名职工代表参加会议。
全国劳动模范{a}、广东省劳动模范{b}、{c}等出席。劳模和工匠代表作了发言。
"""


@pytest.mark.parametrize(
    ("company", "delegates", "a", "b", "c"),
    [
        ("广东韶关钢铁有限公司", "286", "王志强", "陈美玲", "杨立新"),
        ("广州珠江啤酒有限公司", "150", "刘建华", "何丽萍", "罗志强"),
    ],
    ids=["shaogang", "zhujiang"],
)
def test_names_after_honours_and_a_province_in_a_company(tmp_path, company, delegates, a, b, c):
    """People named after an honour (全国劳动模范王志强), and those listed after them, are people;
    劳模和工匠 names none; 广东 inside an enterprise's name does not make the figure the
    province union's; 三届二次 is a session's number."""
    path = tmp_path / "report.txt"
    text = HONOURS_REPORT.format(company=company, delegates=delegates, a=a, b=b, c=c)
    path.write_text(text, "utf-8")
    result = build([str(path)])
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert {a, b, c} <= people and "和工匠" not in people, people
    done = [
        (f.arg("quantity").value, f.arg("by").key)
        for f in result.resolved.facts
        if f.kind == "achievement"
    ]
    assert done == [(Decimal(delegates), "韶关市总工会" if "韶关" in company else "广州市总工会")]


COMPANY_REPORT = """{company}召开职工代表大会
本报讯（记者 陈立新）1月15日，{company}召开三届二次职工代表大会。公司党委书记、董事长{boss}作工作报告，公司工会主席{chair}主持会议。
"""


@pytest.mark.parametrize(
    ("company", "boss", "chair"),
    [
        ("广东韶关钢铁有限公司", "李世平", "刘晓红"),
        ("佛山佛塑科技集团有限公司", "黄丙娣", "梁国辉"),
    ],
    ids=["shaogang", "fosu"],
)
def test_a_bare_company_is_the_one_the_article_names(tmp_path, company, boss, chair):
    """公司党委书记、董事长李世平, 公司工会主席刘晓红: the bare 公司 is the enterprise the article
    names, its union, or its party committee (whose 书记 he is, as a town's 党委书记 is its
    committee's)."""
    path = tmp_path / "report.txt"
    path.write_text(COMPANY_REPORT.format(company=company, boss=boss, chair=chair), "utf-8")
    posts = _posts(build([str(path)]))
    assert {
        (boss, "书记", f"{company}党委"),
        (boss, "董事长", company),
        (chair, "主席", f"{company}工会"),
    } <= posts, posts


AREA_REPORT = """{city}职工服务中心启用
本报讯（记者 刘诗琪）{city}职工服务中心正式启用。该中心建筑面积约{area}平方米，设有法律援助、心理咨询等{rooms}个功能区。
会议审议通过了《2026年集体合同（草案）》等{motions}项议案。
"""


@pytest.mark.parametrize(
    ("city", "area", "rooms", "motions"),
    [("河源市", "1200", "8", "3"), ("云浮市", "860", "6", "4")],
    ids=["heyuan", "yunfu"],
)
def test_an_area_and_a_titles_year(tmp_path, city, area, rooms, motions):
    """A facility's area (建筑面积约1200平方米) is what it is like, no achievement; a year in a
    document's title (《2026年集体合同（草案）》) is no period of the figure after it."""
    path = tmp_path / "report.txt"
    values = {"area": area, "rooms": rooms, "motions": motions}
    path.write_text(AREA_REPORT.format(city=city, **values), "utf-8")
    result = build([str(path)])
    periods = {
        f.arg("quantity").value: f.arg("period")
        for f in result.resolved.facts
        if f.kind == "achievement"
    }
    assert periods == {Decimal(rooms): None, Decimal(motions): None}, periods


NOTICE = """关于开展2026年“{campaign}”活动的通知
各县（市、区）总工会，市直各产业工会：
为切实做好高温天气下职工劳动保护工作，市总工会决定在全市开展2026年“{campaign}”活动。现将有关事项通知如下：
一、工作目标
全市各级工会计划投入资金不少于{funds}万元，慰问一线职工{visits}万人次以上，新建“爱心驿站”30个。
联系人：肖文静，电话：0759-3333333
{city}总工会
2026年5月20日
"""


@pytest.mark.parametrize(
    ("city", "campaign", "program", "funds", "visits"),
    [("肇庆市", "夏送清凉", "送清凉", "500", "10"), ("江门市", "清凉一夏", "清凉一夏", "260", "4")],
    ids=["zhaoqing", "jiangmen"],
)
def test_a_notice_with_targets(tmp_path, city, campaign, program, funds, visits):
    """A union's notice, signed at its end: its campaign is the city union's (“夏送清凉”: the
    nationwide 送清凉), its goals are targets, and what a goal counts leaves out who plans it
    (各级工会计划投入资金 -> 投入资金)."""
    path = tmp_path / "notice.txt"
    path.write_text(
        NOTICE.format(city=city, campaign=campaign, funds=funds, visits=visits), "utf-8"
    )
    result = build([str(path)])
    union = Ref("org", f"{city}总工会")
    runs = {
        (f.arg("org"), f.arg("program").key)
        for f in result.resolved.facts
        if f.kind == "runs_program"
    }
    assert (union, program) in runs
    targets = {f.arg("what"): f for f in result.resolved.facts if f.kind == "target"}
    assert set(targets) == {"投入资金", "慰问一线职工", "新建爱心驿站"}, set(targets)
    assert targets["投入资金"].arg("quantity").value == Decimal(funds) * 10000
    assert targets["慰问一线职工"].arg("quantity").value == Decimal(visits) * 10000
    assert {f.arg("set_by") for f in targets.values()} == {union}
    assert not [f for f in result.resolved.facts if f.kind in ("achievement", "holds_post")]


CONTEST_NOTICE = """{city}总工会关于举办2026年“{contest}”职工技能竞赛的通知
各区总工会，市直各产业工会：
现将有关事项通知如下：
一、竞赛地点：{city}技师学院（{city}{district}）。
二、参赛对象：全市在职职工，每个区总工会推荐不超过15名选手，各个县总工会另行通知。
三、报名方式：请于2026年6月1日前报送市总工会。
联系人：{contacts}，电话：0750-1234567。
{city}总工会
2026年5月6日
"""


@pytest.mark.parametrize(
    ("city", "district", "contacts"),
    [("江门市", "蓬江区", ("欧阳慧敏",)), ("肇庆市", "端州区", ("黎振华", "司徒玉"))],
    ids=["jiangmen", "zhaoqing"],
)
def test_a_notice_names_its_contacts_and_no_district_union(tmp_path, city, district, contacts):
    """A notice's 联系人 is a person (with no post); 每个区总工会 and 各个县总工会 are every
    district's union, not the one district the notice happens to name (its venue's)."""
    path = tmp_path / "notice.txt"
    text = CONTEST_NOTICE.format(
        city=city, contest="匠心杯", district=district, contacts="、".join(contacts)
    )
    path.write_text(text, "utf-8")
    result = build([str(path)])
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert people == set(contacts)
    orgs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "org"}
    assert f"{city}总工会" in orgs
    assert f"{district}总工会" not in orgs, orgs
    assert not [f for f in result.resolved.facts if f.kind == "holds_post"]


SHORT_FORM_REPORT = """本报讯（记者 钟晓岚）{city}总工会近日召开全委会议。
{short}市总党组书记、常务副主席{name}出席会议。{name}表示，市总将推动各项工作落实，
全市各级工会要把市总的部署落到实处。会议还讨论了城市总体规划中的职工服务阵地，市总体育协会也派员参加。
"""


@pytest.mark.parametrize(
    ("city", "name"), [("汕尾市", "袁立新"), ("韶关市", "邝海燕")], ids=["shanwei", "shaoguan"]
)
def test_short_forms_of_a_union_name(tmp_path, city, name):
    """市总 and 广州市总 are how union news shortens 市总工会: a post held there is a post in the
    city's union; 总体 and 总体育 start other words and name nothing."""
    path = tmp_path / "report.txt"
    path.write_text(
        SHORT_FORM_REPORT.format(city=city, short=city[:-1], name=name), encoding="utf-8"
    )
    result = build([str(path)])
    union = f"{city}总工会"
    assert {(name, "党组书记", union), (name, "常务副主席", union)} <= _posts(result)
    orgs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "org"}
    assert orgs == {union}, orgs


@pytest.mark.parametrize(
    ("city", "program"), [("汕头市", "侨乡工匠"), ("云浮市", "石艺工匠")], ids=["shantou", "yunfu"]
)
def test_a_program_to_be_completed_is_planned(tmp_path, city, program):
    """A word of intent before a done word (力争完成, 将于年内实现) makes a program's run planned,
    as it makes a figure a target; a program already completed is achieved. (“侨乡工匠”培育工程 is
    named whole: the quoted part is an honour; “侨乡先锋”服务行动 by its quoted brand.)"""
    path = tmp_path / "report.txt"
    path.write_text(
        f"本报讯（记者 钟晓岚）{city}总工会召开全委会议。\n"
        f"会议提出，市总工会力争年内完成“{program}”培育工程的全部建设任务。\n"
        f"去年，市总工会已完成“{program[:2]}先锋”服务行动。\n",
        "utf-8",
    )
    result = build([str(path)])
    runs = {
        f.arg("program").key: f.modality for f in result.resolved.facts if f.kind == "runs_program"
    }
    assert runs.get(f"{program}培育工程") == "planned", runs
    assert runs.get(f"{program[:2]}先锋") == "achieved", runs


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["首页 | 新闻", "标题", "发布时间：2026-04-02 09:15　来源：河源日报", "正文。"],
            "2026-04-02",
        ),
        (["标题", "发布日期：2025年7月6日 浏览次数：12", "正文。"], "2025-07-06"),
        (["关于开展活动的通知", "正文。", "江门市总工会", "2026年5月20日"], "2026-05-20"),
        (["标题", "2024年3月1日，市总工会召开会议。", "正文。", "结尾。"], None),  # body
        (["关于开展活动的通知", "正文。", "江门市总工会", "2026年2月30日"], None),  # no such day
    ],
    ids=["web-dashes", "web-chinese", "signature", "date-in-body", "not-a-day"],
)
def test_publication_date(tmp_path, lines, expected):
    """A web page's metadata line or a notice's signature dates the article (schema:datePublished);
    a date in the body, or one that is no calendar day, does not."""
    path = tmp_path / "a.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    assert _article(build([str(path)])).arg("date") == expected


def test_genre_articles_dated_where_the_text_says():
    result = build([str(GENRE)])
    dates = {
        f.arg("source").rsplit("/", 1)[-1]: f.arg("date")
        for f in result.resolved.facts
        if f.kind == "article"
    }
    assert dates["b_web.txt"] == "2025-07-16"  # 发布时间：2025-07-16 09:32
    assert dates["e_notice.txt"] == "2025-08-12"  # signed 佛山市总工会 2025年8月12日
    assert {k for k, v in dates.items() if v} == {"b_web.txt", "e_notice.txt"}


SERVICE_CENTRE_REPORT = """{district}新就业形态劳动者服务中心揭牌
本报讯（记者 区嘉欣）12月1日，{city}{district}新就业形态劳动者服务中心揭牌运营。{city}委常委、常务副市长李国强，{district_short}区委书记黄志明，副区长陈静出席揭牌仪式。
据介绍，该中心由{district}总工会投入{funds}万元建设。
"""


@pytest.mark.parametrize(
    ("city", "district", "funds"),
    [("佛山市", "顺德区", "300"), ("广州市", "番禺区", "180")],
    ids=["shunde", "panyu"],
)
def test_government_posts_and_an_agent_after_you(tmp_path, city, district, funds):
    """常务副市长 and 副区长 are posts in the city's and the district's 人民政府, whatever party
    post comes before them; 由X投入… makes X the one who did it, not part of what was done."""
    path = tmp_path / "report.txt"
    text = SERVICE_CENTRE_REPORT.format(
        city=city, district=district, district_short=district[:-1], funds=funds
    )
    path.write_text(text, "utf-8")
    result = build([str(path)])
    assert {
        ("李国强", "常务副市长", f"{city}人民政府"),
        ("李国强", "常委", f"{city[:-1]}市委"),
        ("黄志明", "书记", f"{district}委"),
        ("陈静", "副区长", f"{district}人民政府"),
    } <= _posts(result)
    spent = [f for f in result.resolved.facts if f.kind == "achievement"]
    assert [(f.arg("measure"), f.arg("by")) for f in spent] == [
        ("投入建设", Ref("org", f"{district}总工会"))
    ]


DATED_REPORT = """{city}总工会通报职工服务工作
发布时间：{year}-03-10 10:00　来源：{short}工会网
据统计，去年，全市各级工会建成职工驿站{stations}个；今年以来，已慰问困难职工{families}户，较去年增长12%。
今后三年，市总工会力争培育市级工匠120名、建成职工疗休养基地8个。
"""


@pytest.mark.parametrize(
    ("city", "year", "stations", "families"),
    [("阳江市", 2026, "36", "520"), ("茂名市", 2025, "48", "615")],
    ids=["yangjiang", "maoming"],
)
def test_relative_years_count_from_the_articles_date(tmp_path, city, year, stations, families):
    """去年 and 今年以来 are periods, in calendar years counted from the page's date (not the
    去年 of a comparison, 较去年增长); a word of intent governs the whole list after it
    (力争培育…、建成…8个: both targets)."""
    path = tmp_path / "report.txt"
    text = DATED_REPORT.format(
        city=city, short=city[:-1], year=year, stations=stations, families=families
    )
    path.write_text(text, "utf-8")
    facts = build([str(path)]).resolved.facts
    achieved = {int(f.arg("quantity").value): f for f in facts if f.kind == "achievement"}
    built = achieved[int(stations)]
    assert (built.arg("period"), built.arg("period_year")) == ("去年", year - 1)
    assert built.arg("measure") == "建成职工驿站"  # not 各级工会建成…
    visited = achieved[int(families)]
    assert (visited.arg("period"), visited.arg("period_year")) == ("今年以来", year)
    targets = {f.arg("what") for f in facts if f.kind == "target"}
    assert {"培育市级工匠", "建成职工疗休养基地"} <= targets, targets


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("学习贯彻落实广东省工会第十五次代表大会精神·工会主席访谈⑰", 17),
        ("学习贯彻落实广东省工会第十五次代表大会精神·工会主席访谈十四", 14),
        ("学习贯彻落实广东省工会第十五次代表大会精神·工会主席访谈二十", 20),
        ("学习贯彻落实广东省工会第十五次代表大会精神·工会主席访谈 12", 12),
    ],
)
def test_series_numbers_in_any_writing(line, number):
    """A series line's number, circled, in digits or in Chinese numerals (read by
    kg.quantities, not cn2an, which is only the tests' oracle now)."""
    from kg.extract.article import series_number

    assert series_number(line) == number


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("■全媒体记者冯 嘉琪 通讯员肇工宣", ["冯嘉琪", "肇工宣"]),
        ("本报讯（记者 欧 阳明 通讯员 李 四）", ["欧阳明", "李四"]),
        ("记者 张三 李四 通讯员 王五", ["张三", "李四", "王五"]),
        ("■全媒体记者陈立新 通讯员韶工宣", ["陈立新", "韶工宣"]),
    ],
)
def test_a_surname_split_from_its_name_by_ocr(line, names):
    """OCR's stray space after a surname (冯 嘉琪) leaves one name, not 嘉琪; names the byline
    separates by spaces stay apart."""
    from kg.extract.article import byline_names

    found = byline_names(line)
    assert [n for _, n, _, _ in found] == names
    assert all(line[s:e].replace(" ", "") == n for _, n, s, e in found)


@pytest.mark.parametrize(
    ("district", "people", "program", "gift"),
    [
        ("江城区", "环卫工人", "工会二次医保", "新就业形态劳动者"),
        ("惠阳区", "快递小哥", "暖心帮扶", "货车司机"),
    ],
    ids=["jiangcheng", "huiyang"],
)
def test_a_program_given_to_the_people_a_figure_counts(tmp_path, district, people, program, gift):
    """为860名环卫工人赠送“工会二次医保”: the figure counts the people (环卫工人, not the eight
    characters 环卫工人赠送工会) and the quoted program given them is its program; a figure of
    the next clause does not take that program, one joined to it by 并 in its clause does, and
    measures what follows 并 (发放互助金, not 二次医保并发放互助金). Money spent for someone
    (投入资金近700万元为职工提供…) measures what comes before it; after 为/向/给 the people
    served are counted (向300户困难职工家庭…), and the figure after them in the clause measures
    what was done (发放慰问金, not 家庭发放慰问金); 向 ending a word (意向) is no preposition."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 林晓东）今年以来，{district}总工会为863名{people}赠送“{program}”，"
        f"为1207名{gift}送上清凉礼包。\n"
        f"去年，区总工会为2145名职工办理“{program}”并发放互助金65.5万元。\n"
        f"五年来，区总工会投入资金近712万元为职工提供健康体检，"
        f"向318户困难职工家庭发放慰问金13万元，王小明一行为51名一线职工代表发放了慰问品，"
        f"达成就业意向627人。\n",
    )
    figures = _achievements(result, "measure", "program")
    ref = Ref("program", program)
    assert figures[Decimal(863)] == (people, ref), figures
    assert figures[Decimal(1207)] == (gift, None), figures
    assert figures[Decimal(2145)] == ("职工", ref), figures
    assert figures[Decimal(655000)] == ("发放互助金", ref), figures
    assert figures[Decimal(7120000)][0] == "投入资金", figures
    assert figures[Decimal(318)][0] == "困难职工家庭", figures
    assert figures[Decimal(130000)][0] == "发放慰问金", figures
    assert figures[Decimal(51)][0] == "一线职工代表", figures
    assert figures[Decimal(627)][0] == "达成就业意向", figures  # 意向 ends in 向: no 向


@pytest.mark.parametrize(
    ("district", "rate", "points", "verb", "signed"),
    [
        ("江城区", "92.5", "2.5", "提高", Decimal("2.5")),
        ("惠阳区", "81", "1.8", "下降", Decimal("-1.8")),
    ],
    ids=["up", "down"],
)
def test_a_rates_change_in_percentage_points(tmp_path, district, rate, points, verb, signed):
    """同比提高2.5个百分点 after a rate is that rate's change (kg:growthPoints, negative for a
    fall), not a figure of its own measuring 同比提高; after a count it stays apart."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 林晓东）记者从{district}总工会获悉，今年以来，全区职工入会率达到{rate}%，"
        f"同比{verb}{points}个百分点；新建工会组织126家。\n",
    )
    figures = [f for f in result.resolved.facts if f.kind == "achievement"]
    assert sorted(f.arg("quantity").unit for f in figures) == ["%", "家"], figures
    rate_fact = next(f for f in figures if f.arg("quantity").unit == "%")
    growth = rate_fact.arg("growth")
    assert (Decimal(repr(growth.value)), growth.unit) == (signed, "个百分点")
    ttl = result.graph.serialize(format="turtle")
    assert f"kg:growthPoints {signed}" in ttl and "kg:growthRate" not in ttl


@pytest.mark.parametrize(
    ("top", "bottom", "date"),
    [
        ("《南粤工运报》2025年12月20日 第3版\n\n", "", "2025-12-20"),
        ("南方日报 2026年3月5日 A05版\n\n", "", "2026-03-05"),
        ("肇庆市总工会  2026-12-29 16:05\n\n", "", "2026-12-29"),
        ("发布：2026年01月27日　来源：乐昌市融媒体中心\n\n", "", "2026-01-27"),
        ("", "\n（英德市总工会供稿 2026-03-13）\n", "2026-03-13"),
        ("", "\n（汕尾市总工会供稿 2025/11/02）\n", "2025-11-02"),
        ("2026年1月16日，市总工会召开全委会议。\n\n", "", None),
    ],
    ids=[
        "masthead",
        "paper-page",
        "source-line",
        "publish-line",
        "credit",
        "credit-slash",
        "prose",
    ],
)
def test_publication_date_from_a_line_of_metadata(tmp_path, top, bottom, date):
    """A masthead, a source line under the headline, a 发布： line or a closing credit dates the
    article; a date in a line of prose (with a clause) is the event's, not the article's."""
    (tmp_path / "a.txt").write_text(
        f"{top}市总工会开展送温暖活动\n\n近日，市总工会走访慰问困难职工120户。\n{bottom}",
        encoding="utf-8",
    )
    assert dict(_article(build([tmp_path / "a.txt"])).args).get("date") == date


@pytest.mark.parametrize(
    ("city", "months", "year", "quarter"),
    [("湛江市", "1至10月", 2025, "第三季度"), ("茂名市", "1-9月", 2026, "一季度")],
    ids=["zhanjiang", "maoming"],
)
def test_months_of_the_year_and_quarters_are_periods(tmp_path, city, months, year, quarter):
    """1至10月 (1-10月, 1月至10月) and a quarter are periods of the article's year; 2024年1-6月
    of the year named; a figure's measure does not end in 已 (送温暖资金已达… -> 送温暖资金)."""
    result = _build_text(
        tmp_path,
        f"{city}总工会  {year}-11-20 09:30\n\n"
        f"{months}，{city}各级工会共举办职工技能竞赛217场，送温暖资金已达2680万元。\n"
        f"{quarter}，全市新建工会组织86家；2024年1-6月，全市新发展会员4100人。\n",
    )
    figures = _achievements(result, "measure", "period", "period_year")
    assert figures[Decimal(217)] == ("举办职工技能竞赛", months, year), figures
    assert figures[Decimal(26800000)] == ("送温暖资金", months, year), figures
    assert figures[Decimal(86)] == ("新建工会组织", quarter, year), figures
    assert figures[Decimal(4100)] == ("新发展会员", "2024年1-6月", 2024), figures


@pytest.mark.parametrize(
    ("city", "craft", "month", "app"),
    [("梅州市", "客都工匠", "春风送岗", "梅工e家"), ("肇庆市", "砚都工匠", "暖企留工", "i肇工")],
    ids=["meizhou", "zhaoqing"],
)
def test_a_quoted_name_before_a_kind_of_program_is_the_program(tmp_path, city, craft, month, app):
    """“春风送岗”招聘月 and “梅工e家”小程序 name the programs 春风送岗 and 梅工e家 (Latin letters
    too); the longer forms are aliases. “客都工匠”培育工程 stays whole: 客都工匠 is the honour the
    project confers (as 南粤工匠 in the seeds' gold), the project is the program."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 林晓东）今年以来，{city}总工会深入实施“{craft}”培育工程，"
        f"开展“{month}”招聘月活动，“{app}”小程序发布岗位信息2.3万条。\n",
    )
    programs = {e.ref.key: e.aliases for e in result.resolved.entities if e.ref.kind == "program"}
    assert set(programs) == {f"{craft}培育工程", month, app}, programs
    assert f"{month}招聘月" in programs[month]


@pytest.mark.parametrize(
    ("city", "station", "home", "cup", "platform"),
    [
        ("揭阳市", "榕江驿站", "揭阳职工之家", "安康杯", "揭工惠"),
        ("茂名市", "荔乡驿站", "好心职工之家", "平安杯", "茂工惠"),
    ],
    ids=["jieyang", "maoming"],
)
def test_quoted_brands_of_stations_competitions_and_platforms(
    tmp_path, city, station, home, cup, platform
):
    """A quoted name of stations or homes (“榕江驿站”, “揭阳职工之家”) is a brand the union runs,
    a quoted name before 竞赛 or 服务平台 names the competition or platform, and 送温暖 and 金秋助学
    are programs in quotes too (通过“送温暖”“金秋助学”等活动: no verb introduces them); a generic
    kind of facility, quoted or not, with its owner in front (“工会爱心驿站”, 职工书屋, 爱心妈妈小屋)
    is not."""
    result = _build_text(
        tmp_path,
        f"本报讯 2024年，{city}总工会累计建成“{station}”512个、“工会爱心驿站”86个，"
        f"新建职工书屋42家、爱心妈妈小屋30间；组织“{cup}”竞赛386场；"
        "通过“送温暖”“金秋助学”等活动筹集帮扶资金3260万元；"
        f"“{platform}”服务平台注册会员达到28.6万人。去年，我们把“{home}”建设作为头号项目。\n",
    )
    programs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "program"}
    assert programs == {station, home, cup, platform, "送温暖", "金秋助学"}, programs


def test_page_furniture_is_no_content_and_a_short_line_about_registration_is(tmp_path):
    """The links to the previous and next article name other articles' unions and programs;
    注册 in a short line of the report (注册会员已达26万人) is no login menu."""
    result = _build_text(
        tmp_path,
        "首页 | 工会动态 | 职工服务\n\n顺德区总工会开展送岗活动\n\n"
        "今年以来，顺德区总工会“顺工e家”平台注册会员已达26万人。\n\n"
        "上一篇：勒流街道总工会举办“巾帼建功”技能比武\n下一篇：新会区总工会举办职工趣味运动会\n"
        "【打印本页】【关闭窗口】\n",
    )
    keys = {e.ref.key for e in result.resolved.entities}
    assert not keys & {"勒流街道总工会", "顺德区勒流街道总工会", "巾帼建功", "新会区总工会"}, keys
    assert _achievements(result, "measure") == {Decimal(260000): ("注册会员",)}


@pytest.mark.parametrize(
    ("company", "chair", "vices"),
    [
        ("广东粤澜精密电子有限公司", "赵慧敏", ("陈嘉豪", "吴淑贞")),
        ("汕头金澳纺织有限公司", "林雪芬", ("郑志鹏", "蔡丽娜")),
    ],
    ids=["yuelan", "jinao"],
)
def test_an_election_names_the_person_before_the_post(tmp_path, company, chair, vices):
    """选举赵慧敏为公司工会主席，陈嘉豪、吴淑贞为公司工会副主席: the chair and both vice-chairs of
    the enterprise's union (the clauses after the first leave the verb out); 选举产生了委员11名
    names no one."""
    (tmp_path / "a.txt").write_text(
        f"{company}召开第三届职工代表大会\n\n"
        f"2026年1月16日，{company}第三届职工代表大会召开。"
        "大会选举产生了公司第三届工会委员会委员11名。随后召开的第三届工会委员会第一次全体会议"
        f"选举{chair}为公司工会主席，{vices[0]}、{vices[1]}为公司工会副主席。\n",
        encoding="utf-8",
    )
    union = f"{company}工会"
    assert _posts(build([tmp_path / "a.txt"])) == {
        (chair, "主席", union),
        (vices[0], "副主席", union),
        (vices[1], "副主席", union),
    }


@pytest.mark.parametrize(
    ("county", "city", "official", "date", "company"),
    [
        ("龙川县", "河源市", "赖东明", "2025-06-09", "河源市某某网络科技有限公司"),
        ("丰顺县", "梅州市", "赖秋萍", "2024-11-20", "梅州市云帆信息技术有限公司"),
    ],
    ids=["longchuan", "fengshun"],
)
def test_a_web_page_s_meta_and_footer_lines(tmp_path, county, city, official, date, company):
    """A reprint's 来源：X　发布时间：… line is page metadata (its date is the article's), not the
    turn of a speaker 来源 joined to the lead below it; 相关链接：A | B lists links, not a speaker's
    turn; 主办：…　技术支持：(a company) is the site's footer. 赖 is a family name."""
    result = _build_text(
        tmp_path,
        f"首页 | 工会要闻 | 基层动态\n\n{county}总工会“暖蜂驿站”揭牌\n\n"
        f"来源：{city}总工会　　发布时间：{date} 10:32　　浏览次数：　　字号：[大 中 小]\n\n"
        f"6月6日，{county}总工会举行“暖蜂驿站”揭牌仪式。{city}总工会党组成员、副主席{official}，"
        "县总工会主席魏秀兰等出席活动。\n\n"
        f"相关链接：中华全国总工会 | 广东省总工会 | {city}人民政府\n"
        f"主办：{city}总工会　　技术支持：{company}\n",
    )
    assert _article(result).arg("date") == date
    assert (official, "副主席", f"{city}总工会") in _posts(result)
    orgs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "org"}
    assert not orgs & {"中华全国总工会", f"{city}人民政府", company}, orgs


@pytest.mark.parametrize(
    ("city", "chair", "standing", "vices", "auditor"),
    [
        ("廉江市", "谢振邦", "钟美玲", ("李国坚", "陈泳诗"), "林秋燕"),
        ("雷州市", "莫志华", "吴少芳", ("陈家豪", "梁晓彤"), "黄丽萍"),
    ],
    ids=["lianjiang", "leizhou"],
)
def test_an_election_of_an_official_described_by_a_post(
    tmp_path, city, chair, standing, vices, auditor
):
    """选举市人大常委会副主任谢振邦为市总工会主席，钟美玲为常务副主席，李国坚、陈泳诗（兼职）为副主席:
    the chair's present post before his name, the later clauses' union taken from the first
    (not the congress named before it), a note after a name; 选举林秋燕为市总工会经费审查委员会主任:
    the union's audit committee; 选举市 is no city."""
    result = _build_text(
        tmp_path,
        f"{chair}当选市总工会主席\n\n"
        f"本报讯 7月17日，{city}总工会第十次代表大会闭幕。大会选举产生了{city}总工会第十届委员会。"
        f"在随后召开的十届一次全委会上，选举市人大常委会副主任{chair}为市总工会主席，"
        f"{standing}为常务副主席，{vices[0]}、{vices[1]}（兼职）为副主席。"
        f"经费审查委员会第一次会议选举{auditor}为市总工会经费审查委员会主任。\n",
    )
    union = f"{city}总工会"
    assert _posts(result) == {
        (chair, "副主任", f"{city}人大常委会"),
        (chair, "主席", union),
        (standing, "常务副主席", union),
        (vices[0], "副主席", union),
        (vices[1], "副主席", union),
        (auditor, "主任", f"{union}经费审查委员会"),
    }
    assert not any(e.ref.key.startswith("选举") for e in result.resolved.entities)


@pytest.mark.parametrize(
    ("chair", "vices", "dept"),
    [("郑海燕", ("黄立新", "蔡晓玲"), "统战部"), ("许志明", ("林佩珊", "庄伟雄"), "组织部")],
    ids=["zheng", "xu"],
)
def test_shanwei_chengqu_is_a_district(tmp_path, chair, vices, dept):
    """汕尾市城区 (the one district named 城区, listed by its full name) places the 区总工会 and
    the 区委 of a report that names it: the election's posts and the chain's are its."""
    (tmp_path / "a.txt").write_text(
        "城区总工会召开全委会议\n\n"
        "本报讯 12月2日，汕尾市城区总工会召开第三届委员会第五次全体会议。"
        f"会议选举{chair}为区总工会主席，{vices[0]}、{vices[1]}为区总工会副主席。"
        f"区委常委、{dept}部长、区总工会主席{chair}作工作报告。\n",
        encoding="utf-8",
    )
    union = "汕尾市城区总工会"
    assert _posts(build([tmp_path / "a.txt"])) == {
        (chair, "主席", union),
        (vices[0], "副主席", union),
        (vices[1], "副主席", union),
        (chair, "常委", "汕尾市城区委"),
        (chair, "部长", f"汕尾市城区委{dept}"),
    }


@pytest.mark.parametrize(
    ("chair", "vices", "dept"),
    [("郑海燕", ("黄立新", "蔡晓玲"), "统战部"), ("许志明", ("林佩珊", "庄伟雄"), "组织部")],
    ids=["zheng", "xu"],
)
def test_an_election_to_an_unplaced_union_keeps_the_people(tmp_path, chair, vices, dept):
    """选举郑海燕为区总工会主席 in a report that names no district: the union cannot be placed,
    so there is no post, but the three elected are people, and no post goes to the city union
    named earlier in the paragraph; 区委常委、统战部部长 is that district's department, not the
    city's."""
    result = _build_text(
        tmp_path,
        "区总工会召开全委会议\n\n"
        "本报讯 12月2日，区总工会召开第三届委员会第五次全体会议，市总工会副主席陈文华出席。"
        f"会议选举{chair}为区总工会主席，{vices[0]}、{vices[1]}为区总工会副主席。"
        f"区委常委、{dept}部长、区总工会主席{chair}作工作报告。\n"
        "（来源：汕尾日报）\n",
    )
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert {chair, *vices} <= people, people
    assert {p for p in _posts(result) if p[0] in {chair, *vices}} == set()
    orgs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "org"}
    assert f"汕尾市委{dept}" not in orgs, orgs


@pytest.mark.parametrize(
    ("city", "year", "fairs"),
    [("佛山市", 2026, 50), ("江门市", 2027, 36)],
    ids=["foshan", "jiangmen"],
)
def test_a_year_opening_the_clause_dates_a_target(tmp_path, city, year, fairs):
    """2026年，区总工会将…力争全年举办招聘活动50场: a target for that year (and 今年夏季，…将… one
    for the article's year); a year inside a clause (被确定为2022年试点单位) or before the
    article's dates none."""
    result = _build_text(
        tmp_path,
        f"{city}总工会  {year}-01-20 10:00\n\n"
        f"主席表示，{year}年，{city}总工会将以“春风送岗”为抓手，力争全年举办招聘活动{fairs}场。"
        f"今年夏季，{city}总工会将新建户外劳动者驿站15个。"
        f"{year - 3}年，市总工会计划新建职工书屋8家。明年，力争平台注册会员突破40万人。\n",
    )
    targets = _targets(result)
    assert targets == {
        Decimal(fairs): ("举办招聘活动", year),  # 全年 says when, as 今年 does
        Decimal(15): ("新建户外劳动者驿站", year),
        Decimal(8): ("新建职工书屋", None),
        Decimal(400000): ("平台注册会员", year + 1),  # 突破 is how far, not what
    }, targets


@pytest.mark.parametrize(
    ("county", "year", "stations"),
    [("龙川县", 2025, 50), ("紫金县", 2026, 36)],
    ids=["longchuan", "zijin"],
)
def test_a_deadline_at_the_end_of_the_article_s_year(tmp_path, county, year, stations):
    """力争到今年底…达到50个, 计划今年内新增…, 年底前建成…, 明年底前培育…, 将于年内实现…: targets
    due at the end of the article's year (or the next); the deadline and whoever sets it before
    it are no part of what is counted."""
    result = _build_text(
        tmp_path,
        f"{county}总工会  {year}-06-09 10:32\n\n"
        f"县总工会主席魏秀兰表示，县总工会力争到今年底全县“暖蜂驿站”达到{stations}个；"
        "镇总工会计划今年内新增职工服务站10个，年底前建成职工书屋5家，明年底前培育工匠20名。"
        "全县将于年内实现新就业形态劳动者入会1万人。\n",
    )
    targets = _targets(result)
    assert targets == {
        Decimal(stations): ("暖蜂驿站", year),
        Decimal(10): ("新增职工服务站", year),
        Decimal(5): ("建成职工书屋", year),
        Decimal(20): ("培育工匠", year + 1),
        Decimal(10000): ("实现新就业形态劳动者入会", year),
    }, targets


@pytest.mark.parametrize(
    ("district", "plan", "month", "rate"),
    [("曲江区", "曲江匠才", 7, 95), ("武江区", "武江英才", 10, 90)],
    ids=["qujiang", "wujiang"],
)
def test_what_makes_a_figure_planned_and_by_when(tmp_path, district, plan, month, rate):
    """今年一季度，…实施“曲江匠才”培育计划，开展技能培训32期: done (计划 is the program's name,
    no plan); 力争明年…突破10万人次: next year's; 计划在7月底前开展…50场: this year's; 到年底前…覆盖率
    稳定在95%, 把持证率提升到90%, 建成市级以上劳模和工匠人才创新工作室60家: what is counted."""
    result = _build_text(
        tmp_path,
        f"{district}总工会  2025-04-27 10:00\n\n"
        f"今年一季度，{district}总工会实施“{plan}”培育计划，开展技能培训32期，培训职工2150人次。"
        f"下一步，区总工会计划在{month}月底前开展各类志愿服务活动50场以上，"
        "力争明年服务户外劳动者突破10万人次，到年底前全区集体合同覆盖率稳定在"
        f"{rate}%以上，把持证率提升到88%，到2027年建成市级以上劳模和工匠人才创新工作室60家。\n",
    )
    targets = _targets(result)
    assert targets == {
        Decimal(50): ("开展各类志愿服务活动", 2025),
        Decimal(100000): ("服务户外劳动者", 2026),
        Decimal(rate): ("集体合同覆盖率", 2025),
        Decimal(88): ("持证率", 2025),
        Decimal(60): ("建成市级以上劳模和工匠人才创新工作室", 2027),
    }, targets
    assert set(_achievements(result, "measure")) == {Decimal(32), Decimal(2150)}


@pytest.mark.parametrize(
    ("city", "families", "funds", "rate"),
    [("陆河县", 5600, 286.5, 100), ("化州市", 4300, 252.6, 95)],
    ids=["luhe", "huazhou"],
)
def test_a_part_of_a_named_year_and_a_clause_opening_with_next_year(
    tmp_path, city, families, funds, rate
):
    """今年元旦春节期间, 2024年上半年, 今年一季度: the part of the year with the year it is in (the
    period was 今年, 2024年 or 一季度); 明年实现全县规上企业建会率100%: a plan, though 实现 is a
    word of things done."""
    result = _build_text(
        tmp_path,
        f"{city}总工会  2025-03-12 10:00\n\n"
        f"今年元旦春节期间，{city}总工会走访慰问困难职工{families}人次，发放慰问金{funds}万元。"
        "2024年上半年，全县新建职工书屋8家。今年一季度，全县开展技能培训32期。"
        f"下一步，县总工会将力争今年内再新建创新工作室5家，明年实现全县规上企业建会率{rate}%。\n",
    )
    periods = _achievements(result, "period", "period_year")
    assert periods == {
        Decimal(families): ("今年元旦春节期间", 2025),
        Decimal(str(funds)) * 10000: ("今年元旦春节期间", 2025),
        Decimal(8): ("2024年上半年", 2024),
        Decimal(32): ("今年一季度", 2025),
    }, periods
    assert _targets(result) == {
        Decimal(5): ("新建创新工作室", 2025),
        Decimal(rate): ("实现全县规上企业建会率", 2026),
    }, _targets(result)


@pytest.mark.parametrize(
    ("heading", "year", "stations"),
    [("二〇二五年工作目标", 2025, 10), ("2026年工作计划", 2026, 15)],
    ids=["cn_numerals", "digits"],
)
def test_a_numbered_list_under_a_heading_of_plans(tmp_path, heading, year, stations):
    """二〇二五年工作目标 (a heading: no colon, no punctuation) then 1.新建基层工会不少于40个 and
    2.建成“工会驿站”10个以上，全市驿站总数达到60个: targets due in the year it names, though 建成
    and 达到 are words of things done."""
    result = _build_text(
        tmp_path,
        "兴宁市总工会工作总结和工作计划\n\n（2024年12月26日）\n\n"
        "一、组织建设。全年新建基层工会42个。\n\n"
        f"{heading}\n\n1.新建基层工会不少于40个，新发展会员6000人以上；\n\n"
        f"2.建成“工会驿站”{stations}个以上，全市驿站总数达到60个；\n\n"
        "3.全市集体合同签订率稳定在90%以上。\n",
    )
    assert _targets(result) == {
        Decimal(40): ("新建基层工会", year),
        Decimal(6000): ("新发展会员", year),
        Decimal(stations): ("建成工会驿站", year),
        Decimal(60): ("驿站总数", year),
        Decimal(90): ("集体合同签订率", year),
    }, _targets(result)
    assert set(_achievements(result, "measure")) == {Decimal(42)}


@pytest.mark.parametrize(
    ("city", "station", "members", "stations", "insured"),
    [("清远市", "北江暖心驿站", 7, 30, 14), ("茂名市", "好心驿站", 5, 18, 9)],
    ids=["qingyuan", "maoming"],
)
def test_an_inline_list_of_plans(tmp_path, city, station, members, stations, insured):
    """明年全市工会将重点抓好四项工作：一是…；二是新建“X驿站”30个；三是…突破14万人: each item's
    figure is a target due next year, though 新建 is a word of work done; 四项工作 counts the
    items, not work; 一是 is no part of what is counted. A list of what was done (主要做了三方面
    工作：一是新建驿站…) stays achievements."""
    result = _build_text(
        tmp_path,
        f"{city[:2]}日报　2025年12月30日\n\n本报讯 今年以来，{city}总工会主要做了三方面工作：一是新建"
        f"驿站26个，服务职工2.1万人次；二是培训职工5200人次。\n\n主席冯宇宁表示，明年全市工会将重点"
        f"抓好四项工作：一是新发展会员{members}万人以上；二是新建“{station}”{stations}个，推动驿站"
        f"向村（社区）延伸；三是职工医疗互助保障参保职工突破{insured}万人；四是深化产业工人队伍建设改革。\n",
    )
    assert _targets(result) == {
        Decimal(members * 10000): ("新发展会员", 2026),
        Decimal(stations): (f"新建{station}", 2026),
        Decimal(insured * 10000): ("职工医疗互助保障参保职工", 2026),
    }, _targets(result)
    assert set(_achievements(result, "measure").values()) == {
        ("新建驿站",),
        ("服务职工",),
        ("培训职工",),
    }


@pytest.mark.parametrize(
    ("opening", "unions", "members"),
    [("记者从会上获悉，1至11月，", 968, 7.4), ("记者在现场看到，今年以来，", 215, 2.6)],
    ids=["heard", "saw"],
)
def test_a_paragraph_opened_by_the_reporter_is_no_byline(tmp_path, opening, unions, members):
    """记者从会上获悉，…全市新建基层工会组织968个，同比增长9.3%: the unnamed reporter heard it;
    the paragraph is the report's (its figures are read), not a byline naming 从会上获 and
    全市新建 as reporters."""
    result = _build_text(
        tmp_path,
        "清远日报　2025年12月30日\n\n本报讯（记者 司徒嘉琪）12月29日，清远市总工会召开"
        f"工作总结会议。\n\n{opening}全市新建基层工会组织{unions}个，同比增长9.3%；新发展会员"
        f"{members}万人。\n",
    )
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert people == {"司徒嘉琪"}, people
    assert set(_achievements(result)) == {Decimal(unions), Decimal(str(members)) * 10000}


@pytest.mark.parametrize(
    ("company", "chair", "head", "leader"),
    [
        ("四会市鸿泰精密铸造有限公司", "禤国梁", "梁浩", "龙芷晴"),
        ("江门市恒达五金制品有限公司", "庾志坚", "陈立", "黄嘉怡"),
    ],
    ids=["sihui", "jiangmen"],
)
def test_a_workshop_head_and_a_team_leader_of_an_enterprise(tmp_path, company, chair, head, leader):
    """压铸车间主任梁浩是…受益者 and 精整班组长龙芷晴带领的班组: the title names the kind of unit
    (车间, 班组) and the unit's name stands before it: posts in the enterprise the report is
    about; 是 ends a name (梁浩, not 梁浩是); 禤 and 庾 are Guangdong family names."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 麦嘉欣）在{company}，1260名职工中有1238人加入了工会。\n\n"
        f"公司党支部书记、工会主席{chair}介绍，公司工会开展技能竞赛。\n\n"
        f"压铸车间主任{head}是技能竞赛的受益者，也是推动者。精整班组长{leader}带领的班组，"
        "去年获评“广东省工人先锋号”。\n",
    )
    posts = _posts(result)
    assert {
        (chair, "主席", f"{company}工会"),
        (head, "车间主任", company),
        (leader, "班组长", company),
    } <= posts, posts
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert people == {"麦嘉欣", chair, head, leader}, people


@pytest.mark.parametrize(
    ("contests", "rate", "built"),
    [(30, 5, 12), (20, 6, 8)],
    ids=["thirty", "twenty"],
)
def test_a_floor_set_is_a_target(tmp_path, contests, rate, built):
    """每年组织职工技能竞赛不少于30项, 工资平均增幅不低于5%: a floor set for what is to be done
    is a target, with no word of plan before it; after a word of work done (已建成…不少于12个)
    it is reported."""
    result = _build_text(
        tmp_path,
        "本报讯 龙岗区总工会近日出台职工技能提升方案。劳动竞赛方面，每年组织职工技能竞赛不少于"
        f"{contests}项。集体合同约定行业职工工资平均增幅不低于{rate}%。截至目前，全区已建成"
        f"职工驿站不少于{built}个。\n",
    )
    assert set(_targets(result)) == {Decimal(contests), Decimal(rate)}, _targets(result)
    assert set(_achievements(result)) == {Decimal(built)}


@pytest.mark.parametrize(
    ("city", "district", "department", "head"),
    [("深圳市", "宝安区", "法律工作部", "林婉清"), ("潮州市", "湘桥区", "权益保障部", "黄晓东")],
    ids=["baoan", "xiangqiao"],
)
def test_a_union_s_department(tmp_path, city, district, department, head):
    """宝安区总工会法律工作部部长林婉清, 报送市总工会职工服务中心: a union's department is an
    organization of its own (its 部长 holds her post there, not in the union)."""
    result = _build_text(
        tmp_path,
        f"本报讯 {district}总工会{department}部长{head}介绍，今年已为职工挽回损失73.6万元。"
        f"报名表请于6月1日前报送市总工会职工服务中心。\n",
    )
    assert (head, "部长", f"{district}总工会{department}") in _posts(result), _posts(result)
    orgs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "org"}
    assert f"{city}总工会职工服务中心" in orgs, orgs
    # a part of the union (org:OrganizationalUnit), no government body
    kinds = {e.ref.key: dict(e.attrs).get("kind") for e in result.resolved.entities}
    assert kinds[f"{district}总工会{department}"] == "unit"


@pytest.mark.parametrize(
    ("hospital", "chair", "vice", "head", "secretary"),
    [
        ("信宜市人民医院", "宁振宇", "冯丽君", "骆建勋", "莫振华"),
        ("英德市中医院", "黄志远", "邓晓琳", "陈国栋", "李卫平"),
    ],
    ids=["xinyi", "yingde"],
)
def test_a_hospital_s_workers_congress(tmp_path, hospital, chair, vice, head, secretary):
    """A hospital's 职代会: its bare 医院 (医院党委书记, 选举…为医院工会主席, 新当选的医院工会主席)
    is the hospital the report names, 院长 with no organization written is the hospital's, as
    总经理 is an enterprise's; a hospital is an organization (schema:Hospital)."""
    result = _build_text(
        tmp_path,
        f"本报讯 1月21日，{hospital}第五届职工代表大会第一次会议召开。医院党委书记{secretary}"
        f"主持开幕式。院长{head}作医院工作报告。工会委员会第一次会议选举{chair}为医院工会主席，"
        f"{vice}为医院工会副主席。新当选的医院工会主席、医院党委委员、副院长{chair}表示，"
        "今年将为职工办好10件实事。\n",
    )
    union, committee = f"{hospital}工会", f"{hospital}党委"
    assert _posts(result) == {
        (secretary, "书记", committee),
        (head, "院长", hospital),
        (chair, "主席", union),
        (vice, "副主席", union),
        (chair, "委员", committee),
        (chair, "副院长", hospital),
    }, _posts(result)
    kinds = {e.ref.key: dict(e.attrs).get("kind") for e in result.resolved.entities}
    assert kinds[hospital] == "hospital"


@pytest.mark.parametrize(
    ("stations", "towns", "rooms"),
    [(10, 24, 16), (12, 18, 9)],
    ids=["yingde", "other"],
)
def test_what_a_plan_reaches(tmp_path, stations, towns, rooms):
    """2026年，全市工会要力争新建驿站10个，实现24个镇（街）职工服务中心全覆盖: 实现 after a word
    of intent earlier in the sentence says what the plan reaches (a target), not what was done;
    去年…实现 with none stays reported."""
    result = _build_text(
        tmp_path,
        "英德日报　2026年3月13日\n\n本报讯 去年，全市新建职工书屋"
        f"{rooms}家，实现规上企业职工书屋全覆盖。2026年，全市工会要力争新建户外劳动者暖心驿站"
        f"{stations}个，实现{towns}个镇（街）职工服务中心全覆盖。\n",
    )
    assert {v: d for v, (_, d) in _targets(result).items()} == {
        Decimal(stations): 2026,
        Decimal(towns): 2026,
    }, _targets(result)
    assert set(_achievements(result)) == {Decimal(rooms)}


@pytest.mark.parametrize(
    ("season", "brand", "school", "bus", "home"),
    [
        ("夏送清凉", "送清凉", "纺城夜校", "宝安工会法律服务直通车", "纺城职工之家"),
        ("冬送温暖", "送温暖", "侨乡职工夜校", "台山工会维权直通车", "侨乡职工之家"),
    ],
    ids=["summer", "winter"],
)
def test_quoted_brands_of_schools_buses_and_seasons(tmp_path, season, brand, school, bus, home):
    """“夏送清凉” is the nationwide 送清凉 named with its season (one program with the seeds'
    送清凉); a quoted 夜校 or 直通车 is a brand the union runs; “纺城职工之家”服务阵地 names the
    brand 纺城职工之家, the kind of place after it is no part of the name."""
    result = _build_text(
        tmp_path,
        f"本报讯 今年以来，镇总工会开展“{season}”等活动，开设“{school}”，开通“{bus}”，"
        f"打造“{home}”服务阵地12个。\n",
    )
    programs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "program"}
    assert programs == {brand, school, bus, home}, programs


@pytest.mark.parametrize(
    ("holiday", "visits", "season", "classes"),
    [("元旦春节期间", 3260, "暑期", 18), ("春节期间", 4100, "寒假期间", 9)],
    ids=["new_year", "spring_festival"],
)
def test_holidays_and_seasons_alone_are_periods(tmp_path, holiday, visits, season, classes):
    """元旦春节期间开展“送温暖”活动，走访慰问…3260人次 and 暑期，我们开办托管班18个: a holiday or
    a season said alone is the period of what follows (the article's year), not the months of
    the sentence before."""
    result = _build_text(
        tmp_path,
        "兴宁日报　2025年9月10日\n\n本报讯 1至8月，全市各级工会共开展服务活动230场。"
        f"{holiday}开展“送温暖”活动，走访慰问困难职工{visits}人次。{season}，我们开办"
        f"“工会爱心托管班”{classes}个。\n",
    )
    periods = _achievements(result, "period", "period_year")
    assert periods == {
        Decimal(230): ("1至8月", 2025),
        Decimal(visits): (holiday, 2025),
        Decimal(classes): (season, 2025),
    }, periods


@pytest.mark.parametrize(
    ("city", "bureau", "canonical", "head", "deputy"),
    [
        ("信宜市", "卫生健康局", "卫生健康局", "覃国良", "庞志明"),
        ("阳江市", "住建局", "住房和城乡建设局", "冯建华", "关丽萍"),
    ],
    ids=["health", "housing"],
)
def test_a_government_bureau_and_its_head(tmp_path, city, bureau, canonical, head, deputy):
    """信宜市卫生健康局党组书记、局长覃国良, 市住建局副局长…: a bureau of the government is an
    organization (written short or in full), its 局长 and 党组书记 posts in it."""
    (tmp_path / "a.txt").write_text(
        f"本报讯 {city}{bureau}党组书记、局长{head}，市{bureau}副局长{deputy}出席会议。\n",
        encoding="utf-8",
    )
    org = f"{city}{canonical}"
    assert {
        (head, "党组书记", org),
        (head, "局长", org),
        (deputy, "副局长", org),
    } <= _posts(build([tmp_path / "a.txt"]))


@pytest.mark.parametrize(
    ("city", "county", "town", "chair", "elected", "vice", "auditor"),
    [
        ("汕尾市", "陆丰市", "甲子镇", "蔡丽娟", "颜若彤", "吴海滨", "陈少芬"),
        ("江门市", "台山市", "广海镇", "伍志坚", "李慧敏", "黄国华", "甄美玲"),
    ],
    ids=["lufeng", "taishan"],
)
def test_a_town_of_a_county_level_city_elects_its_union(
    tmp_path, city, county, town, chair, elected, vice, auditor
):
    """In a city's paper, a report on a town of a county-level city: the town's union carries
    that city (陆丰市甲子镇总工会, as a town carries its district); 陆丰市政协副主席、市总工会主席
    is that city's union (the chain's place), not the paper's city's; 当选为镇总工会主席 is the
    town's union; …镇总工会第一届经费审查委员会主任 is the committee's."""
    (tmp_path / "a.txt").write_text(
        f"{city[:2]}日报　2025年11月14日\n\n本报讯 11月10日，{town}总工会第一次会员代表大会召开。"
        f"{city}总工会副主席卓嘉伟，{county}政协副主席、市总工会主席{chair}出席会议。"
        f"在随后召开的一届一次全委会议上，{elected}当选为镇总工会主席，{vice}当选为镇总工会副主席；"
        f"{auditor}当选为镇总工会第一届经费审查委员会主任。\n",
        encoding="utf-8",
    )
    union = f"{county}{town}总工会"
    assert _posts(build([tmp_path / "a.txt"])) == {
        ("卓嘉伟", "副主席", f"{city}总工会"),
        (chair, "副主席", f"{county}政协"),
        (chair, "主席", f"{county}总工会"),
        (elected, "主席", union),
        (vice, "副主席", union),
        (auditor, "主任", f"{union}经费审查委员会"),
    }


@pytest.mark.parametrize(
    ("city", "county", "town", "head", "chair", "vice"),
    [
        ("东莞市", "台山市", "长安镇", "皇甫文浩", "邝美玲", "谭慧芬"),
        ("东莞市", "开平市", "虎门镇", "欧阳志明", "司徒丽华", "关慧敏"),
    ],
    ids=["changan", "humen"],
)
def test_parts_of_a_union_in_chains_and_subtitles(tmp_path, city, county, town, head, chair, vice):
    """——访长安镇总工会权益保障部部长皇甫文浩 and 专访了长安镇总工会…: 访 and 了 start no town's
    name, and a town union's department is an organization; 台山市总工会副主席、女职工委员会主任
    邝美玲: the committee of the union named before in the chain; 江门市总工会副主席、市总工会
    女职工委员会主任 in another city's news: the bare 市 is the chain's city; 东莞市人力资源和社会
    保障局长安分局: no 局长 named 安分局."""
    result = _build_text(
        tmp_path,
        f"依法维权护“薪”安\n——访{town}总工会权益保障部部长{head}\n\n本报讯 记者近日专访了"
        f"{town}总工会权益保障部部长{head}。去年，镇总工会联合{city}人力资源和社会保障局长安分局"
        f"成立了调解中心。{county}总工会副主席、女职工委员会主任{chair}，江门市总工会副主席、"
        f"市总工会女职工委员会主任{vice}出席活动。\n",
    )
    assert _posts(result) == {
        (head, "部长", f"{city}{town}总工会权益保障部"),
        (chair, "副主席", f"{county}总工会"),
        (chair, "主任", f"{county}总工会女职工委员会"),
        (vice, "副主席", "江门市总工会"),
        (vice, "主任", "江门市总工会女职工委员会"),
    }, _posts(result)
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert people == {head, chair, vice}, people


@pytest.mark.parametrize(
    ("district", "industry", "chair", "president", "worker", "apprentice"),
    [
        ("澄海区", "玩具", "林少鹏", "蔡泽鸿", "吴锐彬", "何颖琳"),
        ("新会区", "餐饮", "钟志强", "司徒丽萍", "欧阳俊", "梁晓彤"),
    ],
    ids=["toys", "catering"],
)
def test_an_industry_s_union_federation_and_association(
    tmp_path, district, industry, chair, president, worker, apprentice
):
    """澄海区玩具行业工会联合会主席林少鹏与澄海区玩具创意产业协会会长蔡泽鸿签订合同: an industry's
    union federation (a union) and an employers' association are organizations, their 主席 and
    会长 posts there; 职工代表吴锐彬说：“…” and 徒弟何颖琳说：“…”: the quoted are people."""
    result = _build_text(
        tmp_path,
        f"本报讯 4月24日，{district}{industry}行业工资集体协商签约仪式举行。{district}{industry}"
        f"行业工会联合会主席{chair}与{district}{industry}创意产业协会会长{president}签订合同。"
        f"职工代表{worker}说：“合同把涨薪写进了白纸黑字。”徒弟{apprentice}说：“师傅从不藏私。”\n",
    )
    assert _posts(result) == {
        (chair, "主席", f"{district}{industry}行业工会联合会"),
        (president, "会长", f"{district}{industry}创意产业协会"),
    }, _posts(result)
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert people == {chair, president, worker, apprentice}, people


@pytest.mark.parametrize(
    ("month", "trainees", "jobs"),
    [(6, 500, 10), (9, 320, 8)],
    ids=["june", "september"],
)
def test_deadlines_of_a_month_and_a_year_before_a_plan(tmp_path, month, trainees, jobs):
    """力争明年6月前培训企业兼职调解员500名: due next year (明年 with a month and 前); 新一届工会
    委员会今年将为职工办好10件实事: this year, the year right before 将; 去年7月底前 is no
    deadline of anything to come."""
    result = _build_text(
        tmp_path,
        "东莞日报　2025年7月15日\n\n本报讯 去年7月底前，全镇建成调解组织40个。下一步，镇总工会"
        f"力争明年{month}月前培训企业兼职调解员{trainees}名。新一届工会委员会今年将为职工办好"
        f"{jobs}件实事。\n",
    )
    assert {v: d for v, (_, d) in _targets(result).items()} == {
        Decimal(trainees): 2026,
        Decimal(jobs): 2025,
    }, _targets(result)
    assert set(_achievements(result)) == {Decimal(40)}


@pytest.mark.parametrize(
    ("city", "cup", "contest"),
    [("陆丰市", "碣石湾杯", "职工技能大赛"), ("信宜市", "杏林杯", "岗位技能竞赛")],
    ids=["lufeng", "xinyi"],
)
def test_a_quoted_contest_is_a_program(tmp_path, city, cup, contest):
    """陆丰市第三届“碣石湾杯”职工技能大赛在市体育馆闭幕: a quoted name before a kind of contest
    (技能大赛, 岗位技能竞赛 …) is a program, named by the quoted part, its long form an alias."""
    (tmp_path / "a.txt").write_text(
        f"本报讯 11月12日，{city}第三届“{cup}”{contest}在市体育馆闭幕。\n", encoding="utf-8"
    )
    result = build([tmp_path / "a.txt"])
    programs = {e.ref.key: e.aliases for e in result.resolved.entities if e.ref.kind == "program"}
    assert programs == {cup: (f"{cup}{contest}",)}, programs


@pytest.mark.parametrize(
    ("district", "office", "contact", "stations"),
    [("高要区", "区总工会办公室", "何敏仪", 8), ("潮安区", "区总工会权益保障部　", "郑丽君", 12)],
    ids=["gaoyao", "chaoan"],
)
def test_a_district_s_plan_items_and_its_contact(tmp_path, district, office, contact, stations):
    """今年全区工会将重点抓好三项工作：一是…；二是新建“X驿站”8个…: every item is the district
    union's target (全区 in the introduction, not only in the first item's sentence); 联系人：
    区总工会办公室何敏仪: the contact is named after the office."""
    city = "肇庆市" if district == "高要区" else "潮州市"
    result = _build_text(
        tmp_path,
        f"{city[:2]}日报　2026年3月18日\n\n本报讯 3月16日，{district}总工会召开全委会议。"
        f"{city}总工会副主席黎伟民、区总工会主席冼国强出席会议。\n\n冼国强表示，今年全区工会将重点抓好三项"
        f"工作：一是新发展会员5000人以上；二是新建“暖蜂驿站”{stations}个，到年底驿站总数达到40个。"
        f"\n\n联系人：{office}{contact}，电话：0758-8388888\n",
    )
    set_by = {
        f.arg("quantity").value: f.arg("set_by")
        for f in result.resolved.facts
        if f.kind == "target"
    }
    union = Ref("org", f"{district}总工会")
    assert set_by == {Decimal(5000): union, Decimal(stations): union, Decimal(40): union}, set_by
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert contact in people, people


@pytest.mark.parametrize(
    ("workplace", "bare", "speaker"),
    [("高要区人民医院", "医院", "邓志坚"), ("肇庆星湖生物科技有限公司", "公司", "陈慧玲")],
    ids=["hospital", "company"],
)
def test_a_workplace_named_by_its_union(tmp_path, workplace, bare, speaker):
    """高要区人民医院工会主席、医院党委委员邓志坚作交流发言: a workplace first named by its union
    is the one the bare 医院 (公司) after it means."""
    (tmp_path / "a.txt").write_text(
        f"本报讯 3月16日，高要区总工会召开全委会议。会上，{workplace}工会主席、{bare}党委委员"
        f"{speaker}作了交流发言。\n",
        encoding="utf-8",
    )
    assert _posts(build([tmp_path / "a.txt"])) == {
        (speaker, "主席", f"{workplace}工会"),
        (speaker, "委员", f"{workplace}党委"),
    }


@pytest.mark.parametrize(
    ("county", "chair", "executive", "vices", "auditor"),
    [
        ("揭西县", "彭少鸿", "上官雅琴", ("刘展鹏", "蔡美玲"), "袁志坚"),
        ("五华县", "洪志强", "丘慧敏", ("钟国华",), "旷晓东"),
    ],
    ids=["jiexi", "wuhua"],
)
def test_a_congress_lineup(tmp_path, county, chair, executive, vices, auditor):
    """大会选举产生了县总工会新一届领导班子：主席彭少鸿，常务副主席上官雅琴，副主席刘展鹏、蔡美玲
    （兼职）；县总工会第十届经费审查委员会主任袁志坚: each title's names hold it in the union
    named before 领导班子; the committee of a term is the committee's; 丘, 洪 and 旷 are family
    names (县委书记丘明远)."""
    (tmp_path / "a.txt").write_text(
        f"本报讯 3月25日，{county}总工会第十次代表大会召开。{county}委书记丘明远出席开幕式。"
        f"大会选举产生了县总工会新一届领导班子：主席{chair}，常务副主席{executive}，副主席"
        f"{'、'.join(vices)}（兼职）；县总工会第十届经费审查委员会主任{auditor}。\n",
        encoding="utf-8",
    )
    union = f"{county}总工会"
    assert _posts(build([tmp_path / "a.txt"])) == {
        ("丘明远", "书记", f"{county}委"),
        (chair, "主席", union),
        (executive, "常务副主席", union),
        *((v, "副主席", union) for v in vices),
        (auditor, "主任", f"{union}经费审查委员会"),
    }


@pytest.mark.parametrize(
    ("city", "county", "chair", "vice", "helper"),
    [
        ("湛江市", "廉江市", "植振邦", "黎秋萍", "邬振东"),
        ("河源市", "龙川县", "洪国梁", "丘美华", "旷志明"),
    ],
    ids=["lianjiang", "longchuan"],
)
def test_industry_unions_and_a_help_centre(tmp_path, city, county, chair, vice, helper):
    """湛江市教育工会副主席黎秋萍, 廉江市教育工会主席、市教育局党组成员植振邦: a city's industry
    union is a union, and the bare 市 after it in the chain is its city; 县总工会副主席、县困难职工
    帮扶中心主任邬振东: the help centre is an organization; 劳模 inside a quoted name (“清风劳模
    康养行”) names no one after it."""
    level = county[-1]  # 廉江市: 市教育局, 市困难职工帮扶中心; 龙川县: 县…
    result = _build_text(
        tmp_path,
        f"本报讯 {city}教育工会副主席{vice}，{county}教育工会主席、{level}教育局党组成员{chair}"
        f"出席“清风劳模康养行”活动。{county}总工会副主席、{level}困难职工帮扶中心主任{helper}"
        "介绍了情况。\n",
    )
    assert _posts(result) == {
        (vice, "副主席", f"{city}教育工会"),
        (chair, "主席", f"{county}教育工会"),
        (chair, "党组成员", f"{county}教育局"),
        (helper, "副主席", f"{county}总工会"),
        (helper, "主任", f"{county}困难职工帮扶中心"),
    }, _posts(result)
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert people == {vice, chair, helper}, people


@pytest.mark.parametrize(
    ("fairs", "pupils", "welders", "funds"),
    [(9, 164, 136, 1260), (12, 210, 98, 880)],
    ids=["wuhua", "other"],
)
def test_periods_of_festivals_seasons_months_and_running_totals(
    tmp_path, fairs, pupils, welders, funds
):
    """春节后，…举办招聘会9场 (after the Spring Festival), 去年秋季，…资助…164名 (last autumn), 5月，
    镇总工会举办…比武，参赛职工136名 (a month said alone) are periods of the article's year or the
    one named; 过去五年，…；累计投入帮扶资金1260万元: the running total over the five years named in
    the sentence it continues after ；."""
    (tmp_path / "a.txt").write_text(
        "梅州日报　2026年3月5日\n\n本报讯 春节后，县总工会已在各镇举办招聘会"
        f"{fairs}场。去年秋季，县总工会资助困难职工子女{pupils}名。5月，镇总工会举办焊接技能比武，"
        f"参赛职工{welders}名。\n\n过去五年，全县新建基层工会组织386个；累计投入帮扶资金{funds}万元。\n",
        encoding="utf-8",
    )
    periods = _achievements(build([tmp_path / "a.txt"]), "period", "period_year")
    assert periods == {
        Decimal(fairs): ("春节后", 2026),
        Decimal(pupils): ("去年秋季", 2025),
        Decimal(welders): ("5月", 2026),
        Decimal(386): ("过去五年", None),
        Decimal(funds * 10000): ("过去五年", None),
    }, periods


@pytest.mark.parametrize(
    ("brand", "honour"),
    [("侨乡玫瑰", "侨乡工匠"), ("凤城巾帼", "凤城工匠")],
    ids=["taishan", "shunde"],
)
def test_a_brand_named_with_more_words_is_one_program(tmp_path, brand, honour):
    """“侨乡玫瑰”女职工关爱行动, “侨乡玫瑰”关爱行动 and “侨乡玫瑰”品牌 are one program, named by the
    quoted brand (the long forms its aliases); “侨乡工匠”人才培育工程 is named whole, the quoted
    part being an honour (as 南粤工匠人才培育工程)."""
    result = _build_text(
        tmp_path,
        f"“{brand}”关爱行动持续升温\n\n本报讯 市总工会女职工委员会通报了“{brand}”女职工关爱行动"
        f"开展情况，要求持续擦亮“{brand}”品牌，并启动“{honour}”人才培育工程。\n",
    )
    programs = {
        e.ref.key: set(e.aliases) for e in result.resolved.entities if e.ref.kind == "program"
    }
    assert programs == {
        brand: {f"{brand}关爱行动", f"{brand}女职工关爱行动", f"{brand}品牌"},
        f"{honour}人才培育工程": set(),
    }, programs


@pytest.mark.parametrize(
    ("county", "chair", "bases"),
    [("郁南县", "黄少峰", 2), ("新兴县", "梁志文", 3)],
    ids=["yunan", "xinxing"],
)
def test_answers_marked_da_speak_for_the_union_interviewed(tmp_path, county, chair, bases):
    """问：… then 答：…: 答 marks the interviewee's turns, whom the lead names (记者采访了…县总工会
    主席黄少峰): the answers' figures and plans are that union's (they were the city's), and the
    items answering 今年有什么打算？ are due this year."""
    result = _build_text(
        tmp_path,
        "云浮日报　2026年5月20日\n\n本报讯（记者 梁晓雯）近日，记者采访了"
        f"{county}人大常委会副主任、县总工会主席{chair}。\n\n问：去年做了哪些工作？\n\n"
        "答：去年，我们举办职业技能竞赛，参赛职工1380人次。\n\n问：今年有什么打算？\n\n"
        f"答：主要抓好两件事：一是年内评选工匠20名；二是力争新建职工技能实训基地{bases}个。\n",
    )
    union = Ref("org", f"{county}总工会")
    figures = {
        (f.kind, f.arg("quantity").value): (f.arg("by") or f.arg("set_by"), f.arg("deadline"))
        for f in result.resolved.facts
        if f.kind in ("target", "achievement")
    }
    assert figures == {
        ("achievement", Decimal(1380)): (union, None),
        ("target", Decimal(20)): (union, 2026),
        ("target", Decimal(bases)): (union, 2026),
    }, figures


@pytest.mark.parametrize(
    ("honour", "project"),
    [("南江工匠", "人才培育工程"), ("侨乡工匠", "培育计划")],
    ids=["nanjiang", "qiaoxiang"],
)
def test_a_headline_saying_something_of_an_honour_names_no_program(tmp_path, honour, project):
    """让“南江工匠”成长有平台: the words after a quoted honour that end in 平台 say something of it
    (有), no program's name; “南江工匠”人才培育工程 still is one."""
    result = _build_text(
        tmp_path,
        f"郁南县总工会：让“{honour}”成长有平台\n\n本报讯 县总工会启动“{honour}”{project}。\n",
    )
    programs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "program"}
    assert programs == {f"{honour}{project}"}, programs


@pytest.mark.parametrize(
    ("entrants", "rise"), [(412, "18.5"), (1260, "23.5")], ids=["xinhui", "lufeng"]
)
def test_a_rise_over_the_last_edition_is_the_figure_s_growth(tmp_path, entrants, rise):
    """吸引…412名职工报名参赛，比上届增长18.5%: a contest's rise over its last edition is the
    growth of the figure before it, as 同比增长 is, not a figure of its own."""
    (tmp_path / "a.txt").write_text(
        f"本报讯 本届比武吸引全区职工{entrants}名报名参赛，比上届增长{rise}%。\n", encoding="utf-8"
    )
    growth = _achievements(build([tmp_path / "a.txt"]), "growth")
    assert {v: g.value if g else None for v, (g,) in growth.items()} == {
        Decimal(entrants): Decimal(rise)
    }, growth


@pytest.mark.parametrize(
    ("question", "year", "members"),
    [("今年全市工会的主要目标是什么？", 2025, 6), ("明年有哪些打算？", 2026, 4)],
    ids=["this_year", "next_year"],
)
def test_an_answer_listing_plans(tmp_path, question, year, members):
    """记者：今年…的主要目标是什么？ then 主要有三个方面。一是全年新发展会员6万人以上；…: the
    items answering a question about plans are targets, due in the year the question names."""
    result = _build_text(
        tmp_path,
        "梅州日报　2025年4月22日\n\n记者：去年工会工作有哪些亮点？\n\n罗振华：去年全市新建基层工会"
        f"842个。\n\n记者：{question}\n\n罗振华：主要有三个方面。一是全年新发展会员{members}万人"
        "以上；二是新建“客家暖心驿站”40个；三是深入实施“嘉应工匠”培育行动。\n",
    )
    assert _targets(result) == {
        Decimal(members * 10000): ("新发展会员", year),
        Decimal(40): ("新建客家暖心驿站", year),
    }, _targets(result)
    assert set(_achievements(result, "measure")) == {Decimal(842)}


@pytest.mark.parametrize(
    ("company", "inspector", "technician"),
    [
        ("开平市侨丰水暖卫浴有限公司", "谢晓燕", "伍嘉玲"),
        ("湛江海辰食品有限公司", "陈海燕", "李国梁"),
    ],
    ids=["kaiping", "zhanjiang"],
)
def test_workers_named_with_their_job_in_an_enterprise(tmp_path, company, inspector, technician):
    """An awards report names workers by enterprise and job (质检员, 高级技术员, 技师, 班长,
    人力资源总监): posts in the enterprise; 卓越工程师 is a kind of engineer, not a name."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 冯子谦）{company}质检员{inspector}、{company}高级技术员{technician}"
        "被评为广东省劳动模范。全市将培养更多以大国工匠、卓越工程师等为代表的技能人才。\n",
    )
    assert _posts(result) == {
        (inspector, "质检员", company),
        (technician, "高级技术员", company),
    }
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert people == {"冯子谦", inspector, technician}


@pytest.mark.parametrize(
    ("county", "town", "chair", "street", "vice"),
    [
        ("英德市", "浛洸镇", "朱丽娟", "东城街道", "李国强"),
        ("博罗县", "园洲镇", "钟美玲", "罗阳街道", "黄志明"),
    ],
    ids=["yingde", "boluo"],
)
def test_a_towns_party_committee_and_its_union_named_by_kind(
    tmp_path, county, town, chair, street, vice
):
    """浛洸镇党委副书记、镇总工会主席朱丽娟: the town's party committee (its 副书记) and the town's
    union, named by its kind alone after the committee (镇总工会); a street's 党工委 too."""
    (tmp_path / "a.txt").write_text(
        f"{county}总工会召开镇（街）工会工作推进会\n\n3月12日，{county}总工会召开会议。"
        f"{town}党委副书记、镇总工会主席{chair}介绍了经验。"
        f"{street}党工委副书记、街道总工会主席{vice}出席。\n",
        encoding="utf-8",
    )
    assert _posts(build([tmp_path / "a.txt"])) == {
        (chair, "副书记", f"{county}{town}党委"),
        (chair, "主席", f"{county}{town}总工会"),
        (vice, "副书记", f"{county}{street}党工委"),
        (vice, "主席", f"{county}{street}总工会"),
    }


@pytest.mark.parametrize(
    ("city", "kinds", "kind", "count"),
    [
        ("清远市", "环卫工人、快递员、货车司机", "户外劳动者", "12.6万"),
        ("阳江市", "建筑工人、家政服务员、网约车司机", "新就业形态劳动者", "8.3万"),
    ],
    ids=["qingyuan", "yangjiang"],
)
def test_a_figure_after_examples_and_their_kind(tmp_path, city, kinds, kind, count):
    """服务环卫工人、快递员、货车司机等户外劳动者12.6万人次 measures 服务环卫工人等户外劳动者 (what
    was done to the first example, and the kind), not 货车司机等户外劳动者."""
    (tmp_path / "a.txt").write_text(
        f"{city}总工会  2026-03-13 10:00\n\n2025年，{city}驿站共服务{kinds}等{kind}{count}人次。\n",
        encoding="utf-8",
    )
    first = kinds.split("、")[0]
    measures = [m for (m,) in _achievements(build([tmp_path / "a.txt"]), "measure").values()]
    assert measures == [f"服务{first}等{kind}"]


@pytest.mark.parametrize(
    ("city", "company", "worker", "craft"),
    [
        ("江门市", "开平市侨丰水暖卫浴有限公司", "谢晓燕", "侨乡工匠"),
        ("潮州市", "潮州市瓷都陶瓷有限公司", "林少华", "潮州工匠"),
    ],
    ids=["jiangmen", "chaozhou"],
)
def test_honours_given_to_those_counted(tmp_path, city, company, worker, craft):
    """An awards report: 授予80名同志“江门市劳动模范”称号 measures the honour (授予江门市劳动模范称号,
    not 授予同志江门市), a quoted name or an honour after the words kept is not cut
    (获评第三届侨乡工匠, 职工获全国五一劳动奖章), and a worker named before 等10人 is an example
    of those counted, not what they did."""
    (tmp_path / "a.txt").write_text(
        f"本报讯（记者 冯子谦）大会授予80名同志“{city}劳动模范”称号，授予12个单位“{city}五一劳动奖状”；"
        f"{company}质检员{worker}等10人获评第三届“{craft}”。"
        "过去五年，全市有11名职工获全国五一劳动奖章。\n",
        encoding="utf-8",
    )
    measures = {v: m for v, (m,) in _achievements(build([tmp_path / "a.txt"]), "measure").items()}
    assert measures[Decimal(80)].endswith(f"授予{city}劳动模范称号"), measures
    assert measures[Decimal(12)] == f"授予{city}五一劳动奖状", measures
    assert measures[Decimal(10)] == f"获评第三届{craft}", measures
    assert measures[Decimal(11)].endswith("职工获全国五一劳动奖章"), measures


@pytest.mark.parametrize(
    ("city", "funds", "pupils"),
    [("乐昌市", "386.5", "87"), ("兴宁市", "212", "64")],
    ids=["lechang", "xingning"],
)
def test_nationwide_brands_are_programs_without_quotes(tmp_path, city, funds, pupils):
    """送温暖 and 金秋助学 are the nationwide campaigns' names, quoted or not: 开展送温暖活动 runs
    送温暖, and the figure of 金秋助学活动资助… is that program's."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 林晓东）{city}总工会开展2026年送温暖活动，共筹集帮扶资金{funds}万元；"
        f"今年以来，{city}总工会金秋助学活动资助困难职工子女{pupils}名。\n",
    )
    programs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "program"}
    assert programs == {"送温暖", "金秋助学"}, programs
    assert _achievements(result, "program")[Decimal(pupils)] == (Ref("program", "金秋助学"),)


@pytest.mark.parametrize(
    ("company", "foreman", "welder"),
    [
        ("恩平市金涌陶瓷有限公司", "梁国柱", "李志刚"),
        ("韶关市韶钢特钢有限公司", "邓文辉", "罗建新"),
    ],
    ids=["enping", "shaoguan"],
)
def test_a_department_or_trade_between_an_enterprise_and_a_title(
    tmp_path, company, foreman, welder
):
    """…陶瓷有限公司窑炉班班长梁国柱被评为…, …有限公司焊接技师李志刚获评…, …有限公司数控车间主任:
    posts in the enterprise (the department or trade between them names no organization), and
    the name ends before 被 and 获评."""
    (tmp_path / "a.txt").write_text(
        f"本报讯（记者 冯子谦）{company}窑炉班班长{foreman}被评为广东省劳动模范；"
        f"{company}焊接技师{welder}获评“南粤工匠”。\n",
        encoding="utf-8",
    )
    assert _posts(build([tmp_path / "a.txt"])) == {
        (foreman, "班长", company),
        (welder, "技师", company),
    }


@pytest.mark.parametrize(
    ("company", "chair", "foreman", "deputy"),
    [
        ("广东华粤特钢有限公司", "张立群", "罗建新", "黄文彬"),
        ("惠州市鹏达电子有限公司", "陈美华", "何志勇", "刘晓峰"),
    ],
    ids=["huayue", "pengda"],
)
def test_posts_in_an_enterprise_s_union_and_units(tmp_path, company, chair, foreman, deputy):
    """In a report on an enterprise, 公司党委副书记、工会主席张立群 chairs its union (the bare 工会
    of a chain about it); 公司轧钢厂精轧班班长 and 公司炼钢厂连铸车间副主任 hold posts in the
    enterprise (units down to a team between it and the title)."""
    (tmp_path / "a.txt").write_text(
        f"{company}：技能人才“成长链”越拉越长\n\n"
        f"本报讯 4月27日，记者走进{company}。公司党委副书记、工会主席{chair}介绍，公司一线职工多。"
        f"公司轧钢厂精轧班班长{foreman}是广东省劳动模范。“师傅教我的不只是技术。”{foreman}的徒弟、"
        f"公司炼钢厂连铸车间副主任{deputy}说。\n",
        encoding="utf-8",
    )
    assert _posts(build([tmp_path / "a.txt"])) == {
        (chair, "副书记", f"{company}党委"),
        (chair, "主席", f"{company}工会"),
        (foreman, "班长", company),
        (deputy, "车间副主任", company),
    }


@pytest.mark.parametrize(
    ("district", "chair", "vice", "secretary"),
    [("阳东区", "吴少坤", "冯小曼", "许志远"), ("电白区", "李振华", "陈丽娟", "黄国强")],
    ids=["yangdong", "dianbai"],
)
def test_a_title_after_another_official_s_name_is_in_the_same_organization(
    tmp_path, district, chair, vice, secretary
):
    """区总工会主席吴少坤、副主席冯小曼: the vice-chair's post is in the union named for the chair;
    a chain with its own organization after them (合山镇党委书记许志远) keeps it."""
    (tmp_path / "a.txt").write_text(
        f"本报讯 6月18日上午，{district}总工会“法护职工服务月”活动启动。"
        f"区总工会主席{chair}、副主席{vice}，合山镇党委书记{secretary}出席启动仪式。\n",
        encoding="utf-8",
    )
    posts = _posts(build([tmp_path / "a.txt"]))
    union = f"{district}总工会"
    assert {(chair, "主席", union), (vice, "副主席", union)} <= posts, posts
    assert {p for p in posts if p[0] == secretary} == {
        (secretary, "书记", f"{district}合山镇党委")
    }, posts


@pytest.mark.parametrize(
    ("city", "town", "visits"),
    [("揭阳市", "连江口镇", 2370), ("肇庆市", "大旺镇", 1860)],
    ids=["jieyang", "zhaoqing"],
)
def test_no_organization_from_a_date_or_a_clause(tmp_path, city, town, visits):
    """2025年全市工会将…: no city 年全市 and its union; “驿站是镇总工会去年建起来的”: no town 驿站是;
    受理职工来访来电2370件次 counts in 件次."""
    result = _build_text(
        tmp_path,
        f"{city}总工会  2025-01-20 10:00\n\n"
        f"会议提出，2025年全市工会将新建基层工会组织300个以上。2024年，全市工会法律援助机构受理"
        f"职工来访来电{visits}件次。“驿站是镇总工会去年建起来的。”{town}党委副书记、镇总工会主席"
        "罗丽娟告诉记者。\n",
    )
    keys = {e.ref.key for e in result.resolved.entities}
    assert not {k for k in keys if k.startswith(("年全市", "驿站是")) or "驿站是" in k}, keys
    units = {
        f.arg("quantity").value: f.arg("quantity").unit
        for f in result.resolved.facts
        if f.kind == "achievement"
    }
    assert units == {Decimal(visits): "件次"}, units
    assert ("罗丽娟", "主席", f"{city}{town}总工会") in _posts(result)


@pytest.mark.parametrize(
    ("series", "number", "chair"),
    [("工会主席谈发展", 6, "曾凡超"), ("基层工会主席说", 3, "冼伟明")],
    ids=["tan", "shuo"],
)
def test_a_series_line_numbered_in_a_circle(tmp_path, series, number, chair):
    """工会主席谈发展⑥: a series line without 访谈 (its number is the article's place in the
    series), and no person 谈发展 after the title 主席."""
    circled = "①②③④⑤⑥⑦⑧⑨⑩"[number - 1]
    result = _build_text(
        tmp_path,
        f"广东工运导报　2025年3月12日　星期三　第4版\n\n{series}{circled}\n\n"
        f"梅州市总工会党组书记、常务副主席{chair}：\n让职工在“客都职工之家”里暖心安心\n\n"
        "记者：请谈谈去年的工作。\n\n"
        f"{chair}：去年，全市新建职工之家186个。\n",
    )
    article = _article(result)
    assert (article.arg("series"), article.arg("series_no")) == (series, number)
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert people == {chair}, people


@pytest.mark.parametrize(
    ("city", "vice", "firms"),
    [("梅州市", "廖雪芬", 42), ("云浮市", "邝志坚", 36)],
    ids=["meizhou", "yunfu"],
)
def test_the_official_who_led_a_visit_is_not_what_it_counts(tmp_path, city, vice, firms):
    """市总工会副主席廖雪芬带队走访了42家重点企业: the official led the visits; the figure counts
    the enterprises visited."""
    (tmp_path / "a.txt").write_text(
        f"{city}总工会  2025-03-12 10:00\n\n"
        f"今年以来，市总工会副主席{vice}带队走访了{firms}家重点企业，协调解决用工问题65个。\n",
        encoding="utf-8",
    )
    measures = _achievements(build([tmp_path / "a.txt"]), "measure")
    assert measures[Decimal(firms)] == ("走访了重点企业",), measures


@pytest.mark.parametrize(
    ("city", "craft", "crafts", "teams"),
    [("江门市", "侨乡工匠", 10, 6), ("汕头市", "潮汕工匠", 15, 4)],
    ids=["jiangmen", "shantou"],
)
def test_figures_of_a_list_joined_by_a_conjunction(tmp_path, city, craft, crafts, teams):
    """会上还对评选出的10名“侨乡工匠”和6个先进班组进行了表彰: both were chosen (评选出先进班组, not
    和先进班组进行了); 为860名环卫工人和320名快递员赠送…: both counted served; 新建职工书屋12家和
    工会驿站30个: 新建 both, and the first is not 新建职工书屋和工会驿站."""
    (tmp_path / "a.txt").write_text(
        f"{city}总工会  2025-05-08 10:00\n\n"
        f"会上还对评选出的{crafts}名“{craft}”和{teams}个先进班组进行了表彰。"
        "今年以来，市总工会为860名环卫工人和320名快递员赠送“工会二次医保”。"
        "全市新建职工书屋12家和工会驿站30个。\n",
        encoding="utf-8",
    )
    measures = _achievements(build([tmp_path / "a.txt"]), "measure")
    assert measures == {
        Decimal(crafts): (f"评选出{craft}",),
        Decimal(teams): ("评选出先进班组",),
        Decimal(860): ("环卫工人",),
        Decimal(320): ("快递员",),
        Decimal(12): ("新建职工书屋",),
        Decimal(30): ("新建工会驿站",),
    }, measures


@pytest.mark.parametrize(
    ("reporter", "written"),
    [("欧阳雪婷", "欧阳雪 婷"), ("黄振宏", "黄振 宏")],
    ids=["ouyang", "huang"],
)
def test_a_reporter_s_name_split_by_ocr_after_its_given_character(tmp_path, reporter, written):
    """记者 欧阳雪 婷: a name of one given character and one more character that is no family
    name, a space between, is one name (as a lone family name before the rest was)."""
    result = _build_text(
        tmp_path,
        f"曲江区总工会开展劳动竞赛\n\n本报讯（记者 {written} 通讯员 赖国华）今年以来，"
        "曲江区总工会深人开展“曲 江智造”劳动竞赛。\n",
    )
    assert _article(result).arg("reporter") == Ref("person", reporter)
    programs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "program"}
    assert programs == {"曲江智造"}, programs


@pytest.mark.parametrize(
    ("correspondent", "chair"),
    [("黄晓彤", "蔡洁仪"), ("司徒敏", "邝家明")],
    ids=["huang", "situ"],
)
def test_a_bracketed_byline_before_the_lead(tmp_path, correspondent, chair):
    """（通讯员 黄晓彤）6月16日，…: a byline in brackets opening the lead, without 本报讯, names the
    correspondent; the lead after it is the report's."""
    result = _build_text(
        tmp_path,
        "湘桥区总工会启动服务月\n\n"
        f"（通讯员 {correspondent}）6月16日，湘桥区总工会“潮工暖心”服务月启动仪式在西湖街道举行。"
        f"湘桥区总工会主席{chair}出席启动仪式。\n",
    )
    assert _article(result).arg("correspondent") == Ref("person", correspondent)
    assert (chair, "主席", "湘桥区总工会") in _posts(result)


@pytest.mark.parametrize(
    ("street", "chair", "company", "foreman"),
    [
        ("桂城街道", "潘慧玲", "珠海格越精密模具有限公司", "谭伟明"),
        ("大良街道", "何秀英", "佛山顺达五金制品有限公司", "梁志强"),
    ],
    ids=["guicheng", "daliang"],
)
def test_a_town_s_union_in_its_chain_and_a_workshop_s_post(
    tmp_path, street, chair, company, foreman
):
    """桂城街道党工委委员、总工会主席潘慧玲: the bare 总工会 of a chain about a town is its union;
    模具车间班长谭伟明 opening a clause, in a report on an enterprise, is a post in it;
    今年县总工会 names no county 今年县."""
    result = _build_text(
        tmp_path,
        f"{company}工会：技能传承有新招\n\n"
        f"本报讯 10月15日，{street}召开职工服务工作推进会。{street}党工委委员、总工会主席{chair}"
        f"介绍了今年的工作。记者：今年县总工会有哪些打算？当天，记者走进{company}。"
        f"模具车间班长{foreman}就是从学徒干起的。\n",
    )
    posts = {(p, t, o.split(street)[-1] if street in o else o) for p, t, o in _posts(result)}
    assert posts == {
        (chair, "委员", "党工委"),
        (chair, "主席", "总工会"),
        (foreman, "班长", company),
    }, posts
    assert not any("今年" in e.ref.key for e in result.resolved.entities)


@pytest.mark.parametrize(
    ("province", "capital", "city", "other", "district", "far"),
    [
        ("湖南省", "长沙", "株洲市", "湘潭市", "雨湖区", "岳塘区"),
        ("广西壮族自治区", "南宁", "河池市", "柳州市", "鱼峰区", "柳南区"),
    ],
    ids=["hunan", "guangxi"],
)
def test_a_city_the_gazetteer_lacks_is_a_place_its_union_names(
    tmp_path, province, capital, city, other, district, far
):
    """长沙市总工会、株洲市总工会作了典型发言, in a report from Hunan: the article names 株洲市 as
    much as its union (the union was there, located in a place the article did not mention; the
    article's own city, 长沙市, was a place already). So with a district's union after 和 (…和
    湘潭市雨湖区总工会: a city and a district) or after its province (湖南省湘潭市岳塘区总工会)."""
    result = _build_text(
        tmp_path,
        f"{province}总工会召开推进会\n\n本报{capital}4月28日电 4月27日，{province}总工会召开劳动竞赛"
        f"推进会。会上，{capital}市总工会、{city}总工会和{other}{district}总工会作了典型发言，"
        f"{province}{other}{far}总工会作书面交流。\n",
    )
    article = next(d.sha256 for d in result.resolved.documents)
    mentioned = {
        e.ref.key
        for e in result.resolved.entities
        if e.ref.kind == "place" and article in e.articles
    }
    assert {city, other, district, far} <= mentioned, mentioned
    assert not any(province in p and p != province for p in mentioned), mentioned
    orgs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "org"}
    assert {f"{city}总工会", f"{district}总工会", f"{far}总工会"} <= orgs, orgs


@pytest.mark.parametrize(
    ("city", "county_city", "mayor", "chair"),
    [("阳江市", "阳春市", "莫少雄", "黎国栋"), ("清远市", "英德市", "朱志平", "黎伟强")],
    ids=["yangchun", "yingde"],
)
def test_a_county_level_mayor_and_a_name_before_a_verb_of_meetings(
    tmp_path, city, county_city, mayor, chair
):
    """阳春市委副书记、市长莫少雄 in a report of 阳江's paper: the mayor of 阳春市 (the chain's place),
    not of 阳江市; 阳春市总工会主席黎国栋宣读表彰决定: the name ends before 宣读 (黎国 is a word)."""
    (tmp_path / "a.txt").write_text(
        f"{county_city}表彰一批劳动模范\n\n本报讯 4月29日，{county_city}劳动模范表彰大会召开。"
        f"{city}总工会常务副主席欧阳振华，{county_city}委副书记、市长{mayor}出席大会。"
        f"{county_city}总工会主席{chair}宣读表彰决定。\n",
        encoding="utf-8",
    )
    posts = _posts(build([tmp_path / "a.txt"]))
    assert {
        (mayor, "市长", f"{county_city}人民政府"),
        (mayor, "副书记", f"{county_city}委"),
        (chair, "主席", f"{county_city}总工会"),
    } <= posts, posts


@pytest.mark.parametrize(
    ("city", "models", "collectives"),
    [("阳春市", 30, 10), ("英德市", 25, 8)],
    ids=["yangchun", "yingde"],
)
def test_the_meeting_that_gives_honours_is_not_what_it_counts(tmp_path, city, models, collectives):
    """大会授予30名同志“阳春市劳动模范”称号: the meeting (大会, 会议, 会上) is who gave them, no part
    of what the figure counts."""
    (tmp_path / "a.txt").write_text(
        f"{city}表彰一批劳动模范\n\n本报讯 4月29日，{city}劳动模范表彰大会召开。"
        f"大会授予{models}名同志“{city}劳动模范”称号，授予{collectives}个集体“{city}模范集体”称号。\n",
        encoding="utf-8",
    )
    measures = _achievements(build([tmp_path / "a.txt"]), "measure")
    assert measures == {
        Decimal(models): (f"授予{city}劳动模范称号",),
        Decimal(collectives): (f"授予{city}模范集体称号",),
    }, measures


@pytest.mark.parametrize(
    ("city", "district", "chair"),
    [("江门市", "新会区", "李慧玲"), ("深圳市", "龙岗区", "陈志华")],
    ids=["xinhui", "longgang"],
)
def test_a_district_chairman_s_answers_report_the_district_union(tmp_path, city, district, chair):
    """江门市新会区总工会主席 李慧玲： then her answers: what they report without naming anyone
    (新培育区级工匠60名, 今年，我们将力争新发展会员8000人) is the district union's, not the city's."""
    result = _build_text(
        tmp_path,
        f"工会主席谈发展⑨\n\n{city}{district}总工会主席 {chair}：\n让工匠在{district}扎根成长\n\n"
        "记者：去年做了哪些工作？\n\n"
        f"{chair}：去年，我们实施“匠心”培育工程，全区举办职业技能竞赛36场。新培育区级工匠60名，"
        "建成劳模和工匠人才创新工作室12家。\n\n记者：今年有什么打算？\n\n"
        f"{chair}：今年，我们将力争新发展会员8000人。\n",
    )
    union = Ref("org", f"{district}总工会")
    by = {
        f.arg("quantity").value: f.arg("by") or f.arg("set_by")
        for f in result.resolved.facts
        if f.kind in ("achievement", "target")
    }
    assert by == {
        Decimal(36): union,
        Decimal(60): union,
        Decimal(12): union,
        Decimal(8000): union,
    }, by


@pytest.mark.parametrize(
    ("editor", "reviewer", "added"),
    [("李雯雯", "何志坚", "温晓东"), ("陈佩珊", "罗文斌", "黄伟明")],
    ids=["huizhou", "meizhou"],
)
def test_editors_credit_line_and_a_co_opted_official(tmp_path, editor, reviewer, added):
    """编辑：李雯雯　审核：何志坚 at a report's end names its editors (a credit line, not a speaker's
    turn nor a footer to skip); 增补温晓东为市总工会副主席 gives a post as 选举 does."""
    result = _build_text(
        tmp_path,
        "兴宁市总工会召开全委会议\n\n7月，兴宁市总工会召开第九届委员会第三次全体会议，"
        f"增补{added}为市总工会副主席。\n\n编辑：{editor}　　审核：{reviewer}\n",
    )
    assert _posts(result) == {(added, "副主席", "兴宁市总工会")}
    editors = {v.key for k, v in _article(result).args if k == "editor"}
    assert editors == {editor, reviewer}


@pytest.mark.parametrize(
    ("company", "craft", "year"),
    [
        ("广东铖锋刀剪实业有限公司", "铖锋工匠", 2025),
        ("阳江十八子厨具有限公司", "十八子工匠", 2026),
    ],
    ids=["chengfeng", "shibazi"],
)
def test_the_whole_year_and_those_chosen(tmp_path, company, craft, year):
    """全年 is a period: the year named before it (去年，…全年…: 去年, last year), else 全年 of
    the article's year; no part of a measure; 2024年度评选出的10名铖锋工匠和6个先进班组 measures
    评选出铖锋工匠 (not …度评选出的…工匠和); 为全体1860名职工办理了… counts 职工."""
    (tmp_path / "a.txt").write_text(
        f"{company}  {year}-01-20 10:00\n\n"
        f"去年，公司工会全年收到职工合理化建议386条。全年新建职工书屋15家。"
        f"会上还对{year - 1}年度评选出的10名{craft}和6个先进班组进行了表彰。"
        "工会还为全体1860名职工办理了职工互助保障。\n",
        encoding="utf-8",
    )
    figures = _achievements(build([tmp_path / "a.txt"]), "measure", "period", "period_year")
    assert figures[Decimal(386)] == ("收到职工合理化建议", "去年", year - 1), figures
    assert figures[Decimal(15)] == ("新建职工书屋", "全年", year), figures
    assert figures[Decimal(10)][0].endswith(f"评选出{craft}"), figures
    assert figures[Decimal(1860)][0] == "职工", figures


@pytest.mark.parametrize(
    ("company", "chair", "manager"),
    [
        ("广东铖锋刀剪实业有限公司", "梁国栋", "冯嘉俊"),
        ("中山华益电器有限公司", "何国强", "李伟明"),
    ],
    ids=["chengfeng", "huayi"],
)
def test_an_enterprise_title_alone_is_the_articles_enterprise(tmp_path, company, chair, manager):
    """公司党委书记、董事长梁国栋，总经理冯嘉俊，…参加会议: the general manager, named without his
    enterprise in a report about one, is its general manager; with no enterprise in the article
    the title names no organization."""
    (tmp_path / "a.txt").write_text(
        f"本报讯（通讯员 戴晓琳）1月16日，{company}第四届职工代表大会召开。"
        f"公司党委书记、董事长{chair}，总经理{manager}参加会议。\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        f"本报讯（通讯员 戴晓琳）1月16日，市总工会召开座谈会，总经理{manager}参加会议。\n",
        encoding="utf-8",
    )
    assert (manager, "总经理", company) in _posts(build([tmp_path / "a.txt"]))
    assert not {p for p in _posts(build([tmp_path / "b.txt"])) if p[0] == manager}


@pytest.mark.parametrize(
    ("town", "vice", "company", "chair", "head", "editor"),
    [
        ("小榄镇", "吴穗君", "中山市榄兴五金制品有限公司", "岑国威", "林婉清", "陈思颖"),
        ("长安镇", "黄美娟", "东莞市长兴模具有限公司", "叶志华", "邓秀兰", "李佳琪"),
    ],
    ids=["xiaolan", "changan"],
)
def test_bare_names_of_the_articles_town_union_and_company(
    tmp_path, town, vice, company, chair, head, editor
):
    """In a town's report, 镇总工会常务副主席吴穗君 holds her post in the town's union the article
    names; 该公司工会主席 is the enterprise's union's chair; 镇总工会法律工作部部长 holds 部长 in the
    union (the department between them); 【编辑：陈思颖】 names the editor."""
    result = _build_text(
        tmp_path,
        f"{town}总工会开展职工服务月活动\n\n近日，{town}总工会在{company}开展服务活动。"
        f"该公司工会主席{chair}表示，将组织更多职工参赛。\n镇总工会常务副主席{vice}表示，"
        f"将持续开展技能竞赛。镇总工会法律工作部部长{head}出席活动。\n\n【编辑：{editor}】\n",
    )
    posts = _posts(result)
    union = next(p[2] for p in posts if p[0] == vice)
    assert union.endswith(f"{town}总工会")
    assert posts == {
        (vice, "常务副主席", union),
        (head, "部长", union),
        (chair, "主席", f"{company}工会"),
    }
    assert {v.key for k, v in _article(result).args if k == "editor"} == {editor}


@pytest.mark.parametrize(
    ("town", "stations", "rate"),
    [("小榄镇", "10", "90"), ("石龙镇", "12", "85")],
    ids=["xiaolan", "shilong"],
)
def test_when_words_are_no_part_of_what_a_target_counts(tmp_path, town, stations, rate):
    """今年内, 年底前, 年内 say when, not what (计划今年内新增“X”10个: 新增X, not 内新增X;
    力争年底前全区…覆盖率: not 前全区…; 将于年内实现…: 实现…), nor does 将 before the number
    (预计参赛职工将超过5000人次: 参赛职工)."""
    (tmp_path / "a.txt").write_text(
        f"本报讯（记者 林晓东）{town}总工会计划今年内新增“{town[:2]}工会驿站”{stations}个，"
        f"力争年底前全镇行业性集体合同覆盖率达到{rate}%以上；全镇将于年内实现新就业形态劳动者入会1万人。"
        "预计参赛职工将超过5000人次。\n",
        encoding="utf-8",
    )
    whats = {
        f.arg("quantity").value: f.arg("what")
        for f in build([tmp_path / "a.txt"]).resolved.facts
        if f.kind == "target"
    }
    assert whats[Decimal(stations)] == f"新增{town[:2]}工会驿站", whats
    assert whats[Decimal(rate)].endswith("行业性集体合同覆盖率"), whats
    assert not whats[Decimal(rate)].startswith("前"), whats
    assert whats[Decimal(10000)] == "实现新就业形态劳动者入会", whats
    assert whats[Decimal(5000)] == "参赛职工", whats


@pytest.mark.parametrize(
    ("night", "fair"),
    [("职工夜学堂", "匠心市集"), ("工友课堂", "暖心集市")],
    ids=["night", "workmates"],
)
def test_a_cue_before_a_count_of_times_names_a_program(tmp_path, night, fair):
    """开展一次“职工夜学堂”, 举办多场“匠心市集”: the cue (开展, 举办) stands before a count of times,
    and the quoted name is the program it introduces."""
    (tmp_path / "a.txt").write_text(
        f"本报讯（记者 林晓东）永宁社区工会每月都会联合辖区企业开展一次“{night}”，"
        f"今年还举办多场“{fair}”。\n",
        encoding="utf-8",
    )
    programs = {
        e.ref.key for e in build([tmp_path / "a.txt"]).resolved.entities if e.ref.kind == "program"
    }
    assert programs == {night, fair}, programs


@pytest.mark.parametrize(
    ("district", "months", "stations"),
    [("湘桥区", "今年1至10月", "23"), ("端州区", "截至9月底", "31")],
    ids=["xiangqiao", "duanzhou"],
)
def test_a_running_total_after_a_period_is_of_that_period(tmp_path, district, months, stations):
    """累计 after a period named earlier in the sentence is the total over that period (今年1至10月，
    …新建站点23个，累计服务…4.6万人次: 今年1至10月, as are the figures after it), and at the
    start of a sentence with none before it, a period of its own (to date)."""
    (tmp_path / "a.txt").write_text(
        f"本报讯（记者 许晓薇）{months}，{district}总工会新建户外劳动者服务站点{stations}个，"
        "累计服务新就业形态劳动者4.6万人次，为520名环卫工人赠送“工会二次医保”。\n"
        "累计建成职工之家300个。\n",
        encoding="utf-8",
    )
    periods = _achievements(build([tmp_path / "a.txt"]), "period")
    assert periods == {
        Decimal(stations): (months,),
        Decimal(46000): (months,),
        Decimal(520): (months,),
        Decimal(300): ("累计",),
    }, periods


@pytest.mark.parametrize(
    ("county", "level", "service", "figure", "verb"),
    [
        ("开平", "市", "工友就业直通车", "一把手", "来抓"),
        ("五华", "县", "职工e家服务站", "民心", "来推进"),
    ],
    ids=["kaiping", "wuhua"],
)
def test_a_program_opened_and_a_task_treated_as_one(tmp_path, county, level, service, figure, verb):
    """市总工会开通的“开平工友就业直通车”: after a cue and 的, a quoted name with a program's own
    ending names the program; 作为“一把手”工程来抓 ("treat it as X") names none, nor does
    作为…的“必修课”."""
    result = _build_text(
        tmp_path,
        f"本报讯 {county}{level}总工会开通的“{county}{service}”已服务职工300人次。"
        f"{level}总工会把这项工作作为“{figure}”工程{verb}，"
        "把安全生产作为职工的“必修课”。\n",
    )
    programs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "program"}
    assert programs == {f"{county}{service}"}, programs


@pytest.mark.parametrize(
    ("county", "date", "year", "members", "rooms", "done"),
    [
        ("海丰县", "2026年2月27日", 2026, 16000, 5, 168),
        ("紫金县", "2025年1月10日", 2025, 9000, 3, 88),
    ],
    ids=["haifeng", "zijin"],
)
def test_paragraphs_of_plans_opened_with_yi_shi(tmp_path, county, date, year, members, rooms, done):
    """A work report's plans, one paragraph each opened with 一是, 二是, after 今年…将重点做好以下
    工作：: their figures are targets due in the year the introduction names (今年), though 新建
    is a word of work done; the same paragraphs after 过去一年…做了以下工作： are achievements."""
    text = (
        f"汕尾日报　{date}\n\n本报讯 {county}总工会召开全委会议。\n\n"
        "过去一年，县总工会主要做了以下工作：\n\n"
        f"一是扩大组织覆盖。全年新建基层工会组织{done}个。\n\n"
        "今年是“十五五”开局之年。县总工会将重点做好以下工作：\n\n"
        f"一是扩大组织覆盖。力争全年新发展会员{members}人。\n\n"
        f"二是深化建功立业。新建劳模和工匠人才创新工作室{rooms}家。\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = build([tmp_path / "a.txt"])
    targets = _targets(result)
    assert {v: d for v, (_, d) in targets.items()} == {members: year, rooms: year}, targets
    assert set(_achievements(result)) == {done}


@pytest.mark.parametrize(
    ("plan", "next_plan", "members"),
    [("十四五", "十五五", 418000), ("十三五", "十四五", 91000)],
    ids=["14th", "13th"],
)
def test_a_five_year_plan_in_quotes_names_no_program(tmp_path, plan, next_plan, members):
    """“十四五”期间，…新发展会员41.8万人 and 2026年是“十五五”开局之年: a plan's years in quotes
    are a period, not a program the figure is of."""
    result = _build_text(
        tmp_path,
        f"本报讯 市总工会通报“{plan}”时期全市工会工作成效。“{plan}”期间，全市工会累计新发展会员"
        f"{members}人。明年是“{next_plan}”开局之年。\n",
    )
    programs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "program"}
    assert programs == set(), programs
    assert _achievements(result, "program", "period") == {members: (None, f"“{plan}”期间")}


@pytest.mark.parametrize(
    ("city", "group", "commission", "chair", "director", "press", "social"),
    [
        ("珠海市", "珠海高澜港务集团有限公司", "卞志远", "闵国梁", "荆慧敏", "蒲永辉", "罗锦涛"),
        ("湛江市", "湛江临港物流集团有限公司", "欧阳明", "邝伟雄", "禤丽华", "钟德海", "庞志刚"),
    ],
    ids=["zhuhai", "zhanjiang"],
)
def test_a_group_s_congress_and_the_state_s_offices(
    tmp_path, city, group, commission, chair, director, press, social
):
    """A state-owned group's workers' congress: 集团党委书记、董事长 (a bare 集团 is the group the
    report is about), 市国资委党委委员、副主任 (the commission's party committee, then the
    commission), 市人民政府新闻办公室主任 and 市委社会工作部部长 (offices of the government and the
    party committee)."""
    (tmp_path / "a.txt").write_text(
        f"本报讯 2月4日，{group}第三届职工代表大会第四次会议召开。{city}国资委党委委员、副主任"
        f"{commission}出席会议。集团党委书记、董事长{chair}讲话，集团党委副书记、工会主席{director}"
        f"作工会工作报告。市人民政府新闻办公室主任{press}、市委社会工作部部长{social}出席。\n",
        encoding="utf-8",
    )
    committee = f"{group}党委"
    assert _posts(build([tmp_path / "a.txt"])) == {
        (commission, "委员", f"{city}国资委党委"),
        (commission, "副主任", f"{city}国资委"),
        (chair, "书记", committee),
        (chair, "董事长", group),
        (director, "副书记", committee),
        (director, "主席", f"{group}工会"),
        (press, "主任", f"{city}人民政府新闻办公室"),
        (social, "部长", f"{city}委社会工作部"),
    }


@pytest.mark.parametrize(
    ("district", "mediator", "counsel", "firm", "inspector"),
    [
        ("高要区", "麦惠兰", "钭志明", "广东端溪律师事务所", "鄢文斌"),
        ("端州区", "卢秀珍", "区伟强", "广东星湖律师事务所", "万志坚"),
    ],
    ids=["gaoyao", "duanzhou"],
)
def test_a_union_s_mediators_and_lawyers(tmp_path, district, mediator, counsel, firm, inspector):
    """区总工会劳动争议调解委员会调解员, 区总工会法律顾问、…律师事务所律师, 市总工会一级调研员: the
    posts of a union's legal services and a civil-service rank; 法律顾问和志愿律师 names no 和志愿."""
    result = _build_text(
        tmp_path,
        f"本报讯 {district}总工会劳动争议调解委员会调解员{mediator}和区总工会法律顾问、{firm}律师"
        f"{counsel}组成工作专班。肇庆市总工会一级调研员{inspector}到会指导。"
        "区总工会将组织工会法律顾问和志愿律师深入企业。\n",
    )
    assert _posts(result) == {
        (mediator, "调解员", f"{district}总工会劳动争议调解委员会"),
        (counsel, "法律顾问", f"{district}总工会"),
        (counsel, "律师", firm),
        (inspector, "一级调研员", "肇庆市总工会"),
    }
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert people == {mediator, counsel, inspector}, people


@pytest.mark.parametrize(
    ("driver", "town", "athlete", "hospital"),
    [
        ("戴振荣", "军埠镇", "桂晓敏", "饶平县人民医院"),
        ("甘德明", "里湖镇", "练慧琳", "潮安区人民医院"),
    ],
    ids=["puning", "chaoan"],
)
def test_people_named_by_where_they_come_from(tmp_path, driver, town, athlete, hospital):
    """来自…的桂晓敏以5.32米的成绩夺得…, “…。”来自军埠镇的货车司机戴振荣说，入会后…: a person
    introduced by where they come from, or by who they are before a verb of speech and a comma
    (indirect speech); not 负责人说， with no name, nor 来自全市的200名职工."""
    result = _build_text(
        tmp_path,
        f"本报讯 “这是我第一次知道货车司机也能入工会。”来自{town}的货车司机{driver}说，入会后能享受"
        f"免费体检。来自{hospital}的{athlete}以5.32米的成绩夺得女子跳远冠军。来自全市的200名职工"
        "参加比赛。活动负责人说，将继续开展服务。\n",
    )
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert people == {driver, athlete}, people


@pytest.mark.parametrize(
    ("holiday", "visits", "pupils", "members"),
    [("元旦春节期间", 3650, 138, 31800), ("高温期间", 2160, 95, 12400)],
    ids=["spring_festival", "summer_heat"],
)
def test_a_holiday_is_the_period_of_its_clauses_only(tmp_path, holiday, visits, pupils, members):
    """元旦春节期间走访慰问…；“金秋助学”资助…。职工医疗互助保障参保…: a campaign's season is the
    period of the clauses it opens, not of what the report lists after a ； or in its next
    sentence; 其中 going on with its details keeps it."""
    (tmp_path / "a.txt").write_text(
        f"本报讯 服务职工更加暖心。{holiday}走访慰问困难职工{visits}人次；“金秋助学”资助困难职工子女"
        f"{pupils}名。职工医疗互助保障参保{members}人次。\n\n"
        f"{holiday}，县总工会慰问一线职工500人次。其中，慰问环卫工人120人次。\n",
        encoding="utf-8",
    )
    periods = _achievements(build([tmp_path / "a.txt"]), "period")
    assert periods == {
        visits: (holiday,),
        pupils: (None,),
        members: (None,),
        500: (holiday,),
        120: (holiday,),
    }, periods


@pytest.mark.parametrize(
    ("date", "year", "plan", "end", "members", "insured", "craftsmen"),
    [
        ("2026年1月15日", 2026, "十五五", 2030, 8, 42, 150),
        ("2021年1月20日", 2021, "十四五", 2025, 5, 30, 90),
    ],
    ids=["15th", "14th"],
)
def test_a_plan_s_opening_year_and_its_years_to_come(
    tmp_path, date, year, plan, end, members, insured, craftsmen
):
    """2026年是“十五五”开局之年，市总工会将…：全年新发展会员8万人；职工互助保障参保力争突破42万
    人次；“十五五”期间累计评选“中山工匠”150名。: the opening year names the plans' year, not the
    plan's span (8万, 42万 are due that year, also after a ；), and a figure over the plan's
    years to come is a target due at its end, though 累计 is a word of work done."""
    (tmp_path / "a.txt").write_text(
        f"中山日报　{date}\n\n本报讯 阙志明表示，{year}年是“{plan}”开局之年，市总工会将重点抓好为职工"
        f"办的十件实事：全年新发展会员{members}万人；职工互助保障参保力争突破{insured}万人次；"
        f"“{plan}”期间累计评选“中山工匠”{craftsmen}名。\n",
        encoding="utf-8",
    )
    targets = _targets(build([tmp_path / "a.txt"]))
    assert {v: d for v, (_, d) in targets.items()} == {
        10: year,
        members * 10000: year,
        insured * 10000: year,
        craftsmen: end,
    }, targets


@pytest.mark.parametrize(
    ("teu", "growth", "planned", "rate"),
    [("215万", "9.1", "240万", "38.5"), ("86万", "4.7", "100万", "31")],
    ids=["gaolan", "xuwen"],
)
def test_a_port_s_throughput_in_containers(tmp_path, teu, growth, planned, rate):
    """集装箱吞吐量215万标箱，同比增长9.1%; 力争…集装箱吞吐量达到240万标箱; 每小时38.5自然箱: a
    port's units (标箱, TEU, and 自然箱) make figures like any other unit."""
    result = _build_text(
        tmp_path,
        f"本报讯 2025年，集团集装箱吞吐量{teu}标箱，同比增长{growth}%。2026年集团力争货物吞吐量"
        f"突破1.5亿吨，集装箱吞吐量达到{planned}标箱。去年，桥吊单机作业效率提升到每小时{rate}自然箱。\n",
    )
    value = lambda text: float(text.removesuffix("万")) * (10000 if "万" in text else 1)  # noqa: E731
    assert {v: u.unit for v, (u,) in _achievements(result, "quantity").items()} == {
        value(teu): "标箱",
        float(rate): "自然箱",
    }
    assert set(_targets(result)) == {150000000, value(planned)}
    growth_of = _achievements(result, "growth")[value(teu)][0]
    assert growth_of is not None and growth_of.value == float(growth)


@pytest.mark.parametrize(
    ("split", "value", "worker"),
    [("４.２ ６万", 42600, "罗秀英"), ("1.3 5万", 13500, "骆翠萍")],
    ids=["zijin", "heping"],
)
def test_an_ocr_space_in_a_decimal_and_a_speaker_after_the_quotation(
    tmp_path, split, value, worker
):
    """参加互助保障４.２ ６万人次 (OCR split a decimal number) is 4.26万; “…雪中送炭。”罗秀英说。 (the
    speaker a sentence of her own after the quotation) names a person."""
    result = _build_text(
        tmp_path,
        f"本报讯 2025年，全县各级工会组织职工参加互助保障{split}人次，同比增长15.8%。"
        f"“工会的钱来得及时，真是雪中送炭。”{worker}说。\n",
    )
    assert set(_achievements(result)) == {value}
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert people == {worker}, people


@pytest.mark.parametrize(
    ("cup", "sport", "school", "insurance"),
    [
        ("韩江杯", "职工气排球赛", "珠宝工匠学堂", "骑手安心保"),
        ("鉴江杯", "职工篮球赛", "陶瓷工匠学堂", "小哥暖心保"),
    ],
    ids=["chaozhou", "maoming"],
)
def test_programs_named_by_a_cup_a_school_and_a_kind_before(
    tmp_path, cup, sport, school, insurance
):
    """“韩江杯”职工气排球赛 (a contest named by its cup), 建成“珠宝工匠学堂”, 推出…专享保障项目“骑手
    安心保” (the kind of program before its quoted name, after a cue) are programs; 作为服务职工的
    “民心工程”来抓 (treat it as X) and 设立工会劳动争议调解工作室 (a kind of facility) are not."""
    result = _build_text(
        tmp_path,
        f"本报讯 “{cup}”{sport}吸引了64支基层队伍报名。县总工会在可塘镇建成“{school}”，每年培训职工"
        f"1000人次。去年，县总工会首次推出新就业形态劳动者专享保障项目“{insurance}”。各级工会要把"
        "互助保障作为服务职工的“民心工程”来抓，在全区17个镇全部设立工会劳动争议调解工作室。\n",
    )
    programs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "program"}
    assert programs == {cup, school, insurance}, programs


@pytest.mark.parametrize(
    ("company", "short", "chair", "first", "second", "school"),
    [
        (
            "惠州市鼎泰精密电子有限公司",
            "鼎泰精密电子",
            "巢志文",
            "宗晓丽",
            "仲秋菊",
            "深圳市龙华区澜湖实验学校",
        ),
        (
            "广东骏驰汽车零部件有限公司",
            "骏驰",
            "伦海峰",
            "冉志鹏",
            "昝丽芳",
            "佛山市南海区桂城中学",
        ),
    ],
    ids=["dingtai", "junchi"],
)
def test_a_company_by_its_short_name_and_a_list_of_winners(
    tmp_path, company, short, chair, first, second, school
):
    """鼎泰精密电子公司工会主席巢志文 after 惠州市鼎泰精密电子有限公司: the company by a short name
    (part of its full one); 一等奖：宗晓丽（…有限公司）、仲秋菊（…学校）: winners listed with their
    units in brackets are people."""
    result = _build_text(
        tmp_path,
        f"本报讯 开班仪式在{company}职工之家举行。{short}公司工会主席{chair}介绍，今年报名的职工子女有"
        f"63名。\n\n一等奖：{first}（{company}）、{second}（{school}）\n",
    )
    assert _posts(result) == {(chair, "主席", f"{company}工会")}
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert people == {chair, first, second}, people


@pytest.mark.parametrize(
    ("district", "deputy", "project"),
    [("南沙区", "晁明远", "明珠湾跨江通道工程"), ("黄埔区", "柳志坚", "知识城快速路工程")],
    ids=["nansha", "huangpu"],
)
def test_a_meeting_at_a_project_and_a_standing_vice_head(tmp_path, district, deputy, project):
    """…推进会在明珠湾跨江通道工程施工现场召开, 图为建设者在…工程盾构井内作业: a meeting held at a
    project, no program (no 在 in an unquoted name); 区委常委、区政府常务副区长晁明远: the
    district government's 常务副区长."""
    result = _build_text(
        tmp_path,
        f"本报讯 {district}重点项目劳动竞赛半年推进会在{project}施工现场召开。{district}委常委、"
        f"区政府常务副区长{deputy}出席。图为建设者在{project}盾构井内作业。\n",
    )
    programs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "program"}
    assert programs == set(), programs
    assert _posts(result) == {
        (deputy, "常委", f"{district}委"),
        (deputy, "常务副区长", f"{district}人民政府"),
    }


@pytest.mark.parametrize(
    ("brand", "kind", "event", "contest"),
    [
        ("惠工童乐", "职工子女暑期托管班", "开班仪式", "建功南沙·匠心筑城"),
        ("鹤乡童趣", "职工子女爱心托管班", "开营仪式", "奋进鹤山·匠心建城"),
    ],
    ids=["huiyang", "heshan"],
)
def test_a_quoted_brand_described_before_its_event(tmp_path, brand, kind, event, contest):
    """“惠工童乐”职工子女暑期托管班开班仪式, “建功南沙·匠心筑城”重点项目劳动竞赛半年推进会: the words
    after a quoted brand say what kind of program it names, up to that kind or the event held for
    it; not “五小”等群众性创新活动 (examples), “装进”一个小程序, “三八”国际妇女节…活动, nor the
    words after 与."""
    result = _build_text(
        tmp_path,
        f"本报讯 区总工会2025年“{brand}”{kind}{event}在淡水街道举行。区“{contest}”重点项目劳动竞赛"
        "半年推进会召开。全区“五小”等群众性创新活动成果丰硕，工会把服务“装进”一个小程序，"
        "“三八”国际妇女节女职工风采展示活动顺利举行，“同心”与职工服务阵地同步建成。\n",
    )
    programs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "program"}
    assert programs == {brand, contest}, programs


@pytest.mark.parametrize(
    ("jin", "kinds", "lamps", "loans", "company"),
    [
        (12, 216, 120, 5.3, "广东骏驰汽车零部件有限公司"),
        (8, 95, 64, 2.7, "江门鸿锐汽车零部件有限公司"),
    ],
    ids=["gaozhou", "luoding"],
)
def test_units_of_farm_produce_goods_lamps_and_loans(tmp_path, jin, kinds, lamps, loans, company):
    """订了合作社12万斤荔枝, 上架农产品216款, 安装太阳能路灯120盏, 借阅图书5.3万册次 are figures;
    …汽车零部件有限公司 holds no figure (零部: not 0 部)."""
    (tmp_path / "a.txt").write_text(
        f"本报讯 今年，工会订了合作社{jin}万斤荔枝，上架农产品{kinds}款。村里安装太阳能路灯{lamps}盏。"
        f"职工借阅图书{loans}万册次。{company}工会积极参与。\n",
        encoding="utf-8",
    )
    units = {
        v: u.unit for v, (u,) in _achievements(build([tmp_path / "a.txt"]), "quantity").items()
    }
    assert units == {
        jin * 10000: "斤",
        kinds: "款",
        lamps: "盏",
        round(loans * 10000): "册次",
    }, units


@pytest.mark.parametrize(
    ("date", "year", "month", "rooms", "tons"),
    [("2025年7月9日", 2025, 8, 4, 1500), ("2025年11月20日", 2026, 3, 6, 900)],
    ids=["august", "march_next_year"],
)
def test_a_plan_that_names_a_month_or_this_year_after_intent(
    tmp_path, date, year, month, rooms, tons
):
    """区总工会将…，在8月上旬再开设第二批托管班4个: a month without its year is this year's (the
    next one's when it has passed: 3月 in November); 力争今年…突破1500吨: the year right after a word
    of intent; 2026年，…力争全年新建…50个 stays 2026 (全年 is the year named before)."""
    (tmp_path / "a.txt").write_text(
        f"惠州日报　{date}\n\n本报讯 区总工会将根据报名情况，在{month}月上旬再开设第二批托管班{rooms}个。"
        f"市总工会将开展“荔枝采购周”活动，力争今年全市工会系统荔枝采购量突破{tons}吨。"
        "2030年，市总工会将持续深化改革，力争全年新建户外劳动者服务站点50个。\n",
        encoding="utf-8",
    )
    targets = _targets(build([tmp_path / "a.txt"]))
    published = int(date[:4])
    assert {v: d for v, (_, d) in targets.items()} == {
        rooms: year,
        tons: published,
        50: 2030,
    }, targets


@pytest.mark.parametrize(
    ("event", "books", "since", "workshop", "villagers"),
    [
        ("读书月期间", 2.4, "近一个月来", "竹溪匠心工坊", 85),
        ("台风过后", 3.2, "近三个月来", "石岗陶艺工坊", 42),
    ],
    ids=["reading_month", "typhoon"],
)
def test_periods_of_an_event_months_back_and_since_production(
    tmp_path, event, books, since, workshop, villagers
):
    """读书月期间，…配送新书2.4万册, 台风过后，…; 近一个月来，…开展活动236场; …投产以来，已带动85名
    村民就业: an event's time opening a clause, months back from now, and the time since a
    workshop went into production are the figures' periods."""
    (tmp_path / "a.txt").write_text(
        f"本报讯 {event}，区总工会为基层职工书屋配送新书{books}万册。\n\n"
        f"{since}，全区各级工会开展活动236场。\n\n"
        f"{workshop}投产以来，已带动{villagers}名村民在家门口就业。\n",
        encoding="utf-8",
    )
    periods = _achievements(build([tmp_path / "a.txt"]), "period")
    assert periods == {
        round(books * 10000): (event,),
        236: (since,),
        villagers: (f"{workshop}投产以来",),
    }, periods


def test_program_word_alternations_are_built_once() -> None:
    """programs._alt builds a trie regex of a role's words: cached, it is built once per
    process; uncached (0b76ab7 moved its @cache to a function inserted above it) it was rebuilt
    per quote and sentence, and extraction took 1.4-1.7x as long (bench/run.py, 1,000 articles).
    _described takes arbitrary text and must not be cached (memory would grow with a corpus)."""
    from kg.extract import programs

    assert hasattr(programs._alt, "cache_info")
    assert not hasattr(programs._described, "cache_info")
    assert not hasattr(programs._treated_as, "cache_info")


@pytest.mark.parametrize(
    ("city", "county", "district", "chair"),
    [("阳江市", "阳春市", "阳东区", "翟秀珍"), ("茂名市", "信宜市", "电白区", "冼丽华")],
    ids=["yangdong", "dianbai"],
)
def test_a_bare_district_after_a_district_in_a_chain(tmp_path, city, county, district, chair):
    """阳东区人大常委会副主任、区总工会主席翟秀珍 in a report on 阳春市 (a county-level city, the
    article's county): the bare 区 is the district the chain named before, 阳东区."""
    (tmp_path / "a.txt").write_text(
        f"本报讯 {city}总工会深入{district}、{county}走访慰问。{district}人大常委会副主任、区总工会主席"
        f"{chair}，{county}总工会党组书记、主席曹永坚分别陪同。{county}总工会慰问职工120人次。"
        f"{county}总工会还走访了{county}各镇。\n",
        encoding="utf-8",
    )
    posts = _posts(build([tmp_path / "a.txt"]))
    assert {p for p in posts if p[0] == chair} == {
        (chair, "副主任", f"{district}人大常委会"),
        (chair, "主席", f"{district}总工会"),
    }, posts


@pytest.mark.parametrize(
    ("company", "short"),
    [("惠州市鼎泰精密电子有限公司", "鼎泰精密电子"), ("广东骏驰汽车零部件有限公司", "骏驰")],
    ids=["dingtai", "junchi"],
)
def test_a_company_s_union_by_its_short_name_is_written_whole(tmp_path, company, short):
    """鼎泰精密电子公司工会主席巢志文: the union's mention is written 鼎泰精密电子公司工会, as its
    span is (it was written 公司工会, the suffix's match alone, which made an alias of that)."""
    (tmp_path / "a.txt").write_text(
        f"本报讯 开班仪式在{company}职工之家举行。{short}公司工会主席巢志文介绍了情况。\n",
        encoding="utf-8",
    )
    union = next(
        e
        for e in build([tmp_path / "a.txt"]).resolved.entities
        if e.ref == Ref("org", f"{company}工会")
    )
    assert f"{short}公司工会" in union.aliases and "公司工会" not in union.aliases, union.aliases


@pytest.mark.parametrize(
    ("city", "program", "groups", "members"),
    [
        ("惠州市", "工会二次医保", ("环卫工人", "快递员"), "1.5"),
        ("江门市", "职工互助保障", ("保安员", "外卖员"), "2.3"),
    ],
    ids=["huizhou", "jiangmen"],
)
def test_a_group_of_workers_is_kept_whole_in_a_measure(tmp_path, city, program, groups, members):
    """为环卫工人、快递员赠送“工会二次医保”2600份 measured 员赠送工会二次医保 (jieba cuts 快递/员);
    新就业形态劳动者入会人数 was cut to 形态劳动者入会人数 by the measure's ten characters: a group
    of workers (worker_groups.txt) is one word, kept whole at the front."""
    result = _build_text(
        tmp_path,
        f"本报讯 今年以来，{city}总工会为{groups[0]}、{groups[1]}赠送“{program}”2600份。"
        f"截至10月底，全市新就业形态劳动者入会人数达{members}万人。\n",
    )
    done = _measures(result)
    assert done[Decimal(2600)] == f"{groups[1]}赠送{program}", done
    assert done[Decimal(members) * 10000] == "新就业形态劳动者入会人数", done


@pytest.mark.parametrize(
    ("city", "district", "street", "town", "chief", "head"),
    [
        ("深圳市", "龙华区", "民治", "长安", "钟立伟", "麦秀兰"),
        ("江门市", "蓬江区", "环市", "棠下", "樊志坚", "凌佩珊"),
    ],
    ids=["longhua", "pengjiang"],
)
def test_a_street_s_offices_and_a_city_s_public_bodies(
    tmp_path, city, district, street, town, chief, head
):
    """民治街道办事处, 长安镇司法所 (a town's or street's offices, named like its union), and the
    public bodies union news names beside the union (龙华区工人文化宫, 乐昌市慈善会) are
    organizations, and posts in them are posts."""
    result = _build_text(
        tmp_path,
        f"本报讯 {district}{street}街道办事处副主任{chief}、{town}镇司法所所长{head}出席活动。"
        f"活动由{district}工人文化宫、{city}慈善会、{city}融媒体中心协办。\n",
    )
    orgs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "org"}
    assert {
        f"{district}{street}街道办事处",
        f"{district}工人文化宫",
        f"{city}慈善会",
        f"{city}融媒体中心",
    } <= orgs, orgs
    assert (chief, "副主任", f"{district}{street}街道办事处") in _posts(result)


INDUSTRY_UNION_REPORT = """{county}{industry}产业工会成立
本报讯（记者 鲍静雯）9月12日，{county}{industry}产业工会成立大会召开。{town}镇党委委员、镇人大主席{deputy}出席会议。
在随后召开的一届一次全委会上，县总工会副主席{chair}当选为产业工会主席，{company}工会主席{vice1}、{other}人力资源总监{vice2}当选为副主席。
同日，{company}工会完成换届，{new}当选工会主席。原工会主席{old}在作报告时说，工会要当好“娘家人”。
"""


@pytest.mark.parametrize(
    ("county", "industry", "town", "deputy", "chair", "company", "vice1", "other", "vice2"),
    [
        (
            "新兴县",
            "预制菜",
            "新城",
            "戚慕贞",
            "钭文杰",
            "广东翠岭预制食品有限公司",
            "甘美玲",
            "新兴县天露食品科技有限公司",
            "司徒振邦",
        ),
        (
            "饶平县",
            "水产",
            "钱东",
            "鄢秀英",
            "逄建国",
            "广东海联水产食品股份有限公司",
            "隗志成",
            "饶平县鑫海冷链物流有限公司",
            "欧阳帆",
        ),
    ],
    ids=["xinxing", "raoping"],
)
def test_an_industry_union_elects_its_committee(
    tmp_path, county, industry, town, deputy, chair, company, vice1, other, vice2
):
    """新兴县预制菜产业工会 is a union; 县总工会副主席钭文杰当选为产业工会主席 elects him to it (a
    name after a title, before the verb; a bare 产业工会 is the one the article names); the
    deputies listed each with a title (甘美玲、…人力资源总监司徒振邦当选为副主席) join the same
    union, not the last employer named; 当选工会主席 in a report on a company is its union's;
    钱东镇党委委员、镇人大主席 is the town's congress; 原工会主席 (former) names no person 原工会."""
    text = INDUSTRY_UNION_REPORT.format(
        county=county,
        industry=industry,
        town=town,
        deputy=deputy,
        chair=chair,
        company=company,
        vice1=vice1,
        other=other,
        vice2=vice2,
        new="詹淑华",
        old="柯振声",
    )
    result = _build_text(tmp_path, text)
    union = f"{county}{industry}产业工会"
    posts = _posts(result)
    assert {
        (chair, "主席", union),
        (vice1, "副主席", union),
        (vice2, "副主席", union),
        (deputy, "委员", f"{county}{town}镇党委"),
        (deputy, "主席", f"{county}{town}镇人大"),
    } <= posts, posts
    assert (vice2, "副主席", other) not in posts
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert "原工会" not in people and "柯振声" in people, people


@pytest.mark.parametrize(
    ("county", "short", "place", "first", "second"),
    [
        ("乳源瑶族自治县", "乳源县", "陆丰", "凌嘉豪", "鄂婷婷"),
        ("连南瑶族自治县", "连南县", "陆河", "蒯国梁", "逄晓东"),
    ],
    ids=["ruyuan", "liannan"],
)
def test_winners_after_the_prize_and_an_autonomous_county_s_short_name(
    tmp_path, county, short, place, first, second
):
    """一等奖 凌嘉豪（…有限公司）: a winner right after the prize (its space gone), with a rare
    surname (鄂, 逄); 乳源县总工会 is 乳源瑶族自治县总工会; a headline's 陆丰：… names a place, not
    a speaker."""
    text = (
        f"{place}：{short}总工会举办职工技能大赛\n"
        f"本报讯 {short}总工会举办技能大赛。{county}总工会主席冼慧敏出席。\n"
        f"电工：一等奖 {first}（{county}东水电力安装有限公司），"
        f"二等奖 {second}（广东和联电气有限公司）。\n"
    )
    result = _build_text(tmp_path, text)
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert {first, second} <= people and place not in people, people
    orgs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "org"}
    assert f"{county}总工会" in orgs and f"{short}总工会" not in orgs, orgs


@pytest.mark.parametrize(
    ("county", "trade", "chair", "vice"),
    [("佛冈县", "物流", "邝国辉", "谢美娟"), ("新丰县", "建筑", "蒯志远", "钟永明")],
    ids=["fogang", "xinfeng"],
)
def test_a_federation_elects_its_chair(tmp_path, county, trade, chair, vice):
    """县总工会副主席邝国辉当选为联合会主席 in a report on 佛冈县物流行业工会联合会: the bare
    联合会 is that federation, and the deputy elected after him joins it too."""
    result = _build_text(
        tmp_path,
        f"本报讯 {county}{trade}行业工会联合会召开会员代表大会。县总工会副主席{chair}当选为联合会"
        f"主席，广东顺捷物流有限公司工会主席{vice}当选为副主席。\n",
    )
    union = f"{county}{trade}行业工会联合会"
    assert {(chair, "主席", union), (vice, "副主席", union)} <= _posts(result), _posts(result)


@pytest.mark.parametrize(
    ("city", "served", "examples", "kind", "total"),
    [
        ("汕尾市", ("外卖员", "快递员", "网约车司机"), ("休息", "饮水", "充电"), "服务", "4.7万"),
        ("河源市", ("环卫工人", "货车司机"), ("理发", "义诊", "修鞋"), "活动", "3200"),
    ],
    ids=["shanwei", "heyuan"],
)
def test_a_list_of_examples_after_a_list_of_those_served(
    tmp_path, city, served, examples, kind, total
):
    """为外卖员、快递员、网约车司机提供休息、饮水、充电等服务4.7万人次 measured 外卖员等服务: the
    list closed by 等 was taken to open at the clause's first 、, in the list of those served. Its
    first example is the end of the item far longer than the examples after it."""
    result = _build_text(
        tmp_path,
        f"本报讯 今年以来，{city}总工会为{'、'.join(served)}提供{'、'.join(examples)}等{kind}"
        f"{total}人次。\n",
    )
    value = Decimal(total.removesuffix("万")) * (10000 if total.endswith("万") else 1)
    assert _measures(result)[value] == f"提供{examples[0]}等{kind}", _measures(result)


@pytest.mark.parametrize(
    ("city", "subject", "value", "year"),
    [("汕尾市", "驿站总数", 60, 2027), ("阳江市", "会员总数", 12, 2028)],
    ids=["shanwei", "yangjiang"],
)
def test_a_word_of_intent_after_what_a_target_counts(tmp_path, city, subject, value, year):
    """驿站总数力争达到60个 counted 驿站总数力争: a word of intent that ends what is left before
    the figure (the verb after it taken off) is no part of what is counted."""
    result = _build_text(
        tmp_path, f"本报讯 {city}总工会表示，到{year}年，全市{subject}力争达到{value}个。\n"
    )
    assert _targets(result)[Decimal(value)] == (subject, year), _targets(result)


@pytest.mark.parametrize(
    ("city", "company", "people"),
    [
        ("肇庆市", "广东恒泰纸业有限公司", ("宁晓瑜", "柏玉成", "唐德明", "戚小燕", "龚志远")),
        (
            "云浮市",
            "云浮华石建材股份有限公司",
            ("庞秀兰", "欧阳志斌", "樊志强", "谷雨晴", "邵国梁"),
        ),
    ],
    ids=["zhaoqing", "yunfu"],
)
def test_posts_held_by_whom_with_by(tmp_path, city, company, people):
    """女职工委员会由宁晓瑜担任主任 and 工会主席由公司副总经理唐德明担任 gave no post (由 before
    the names stopped the verb of appointment; 主席由戚 was read as a name with the surname 由);
    a bare committee of a union (女职工委员会, 经审会) is the union's the article is about."""
    a, b, c, d, e = people
    result = _build_text(
        tmp_path,
        f"{company}召开职工代表大会\n本报讯 近日，{company}召开第二届职工代表大会。"
        f"大会选举产生新一届工会委员会，工会主席由公司副总经理{c}担任，副主席由{d}担任。"
        f"女职工委员会由{a}担任主任，经审会由{b}任主任。会议决定由{e}担任{city}总工会经审会副主任。\n",
    )
    union = f"{company}工会"
    assert {
        (c, "主席", union),
        (d, "副主席", union),
        (c, "副总经理", company),
        (a, "主任", f"{union}女职工委员会"),
        (b, "主任", f"{union}经费审查委员会"),
        (e, "副主任", f"{city}总工会经费审查委员会"),
    } <= _posts(result), _posts(result)
    assert not any(p.startswith("由") for p, _, _ in _posts(result)), _posts(result)


@pytest.mark.parametrize(
    ("city", "name", "other"),
    [("梅州市", "杭秀玲", "龚志远"), ("清远市", "司马慧", "詹国强")],
    ids=["meizhou", "qingyuan"],
)
def test_a_chain_broken_by_a_comma(tmp_path, city, name, other):
    """市总工会党组成员、副主席，市总工会女职工委员会主任杭秀玲: the titles before the comma, with
    no name after them, are the same official's; 经审会主任 is the union's 经费审查委员会's 主任.
    A chain after a verb of appointment is not carried across the comma."""
    result = _build_text(
        tmp_path,
        f"本报讯 11月3日，{city}总工会召开会议。{city}总工会党组成员、副主席，市总工会女职工委员会"
        f"主任{name}出席会议。市总工会经审会主任{other}通报了审计情况。会上，刘海当选为工会主席，"
        "副主席欧建平主持会议。\n",
    )
    union = f"{city}总工会"
    posts = _posts(result)
    assert {
        (name, "党组成员", union),
        (name, "副主席", union),
        (name, "主任", f"{union}女职工委员会"),
        (other, "主任", f"{union}经费审查委员会"),
    } <= posts, posts
    assert not any(p == "欧建平" and r == "主席" for p, r, _ in posts), posts


@pytest.mark.parametrize(
    ("county", "funds", "growth", "visits"),
    [("乳源瑶族自治县", "38.6", "12.5", 8000), ("新丰县", "21.4", "9.8", 5000)],
    ids=["ruyuan", "xinfeng"],
)
def test_a_plan_word_does_not_reach_a_clause_with_its_own_subject(
    tmp_path, county, funds, growth, visits
):
    """…行动将持续至9月30日，县总工会统筹安排专项资金38.6万元，同比增长12.5%，计划走访…: the
    funds were a target (将 in the clause before); a clause that opens with an organization has a
    subject of its own that the plan word does not govern."""
    result = _build_text(
        tmp_path,
        f"本报讯 2025年7月18日，{county}总工会“夏送清凉”行动启动。据介绍，今年“夏送清凉”行动将"
        f"持续至9月30日，县总工会统筹安排专项资金{funds}万元，同比增长{growth}%，计划走访慰问"
        f"一线职工{visits}人次以上。\n",
    )
    value = Decimal(funds) * 10000
    assert _measures(result).get(value) == "统筹安排专项资金", _measures(result)
    assert value not in _targets(result), _targets(result)
    assert _targets(result)[Decimal(visits)][0] == "走访慰问一线职工", _targets(result)


@pytest.mark.parametrize(
    ("city", "year", "people", "trains"),
    [("清远市", 2026, 5000, 4), ("梅州市", 2027, 3200, 6)],
    ids=["qingyuan", "meizhou"],
)
def test_what_a_plan_document_sets_out(tmp_path, city, year, people, trains):
    """《方案》明确，2026年全市各级工会组织职工疗休养5000人次以上…全年开行…专列4趟: what a plan
    document sets out is planned (it was an achievement of 2026 in a report with no year of its
    own), and 趟 (trips) counts."""
    result = _build_text(
        tmp_path,
        f"本报讯 11月25日，{city}总工会发布职工疗休养实施方案。《方案》明确，{year}年全市各级工会"
        f"组织职工疗休养{people}人次以上，全年开行“劳模工匠疗休养专列”{trains}趟。\n",
    )
    targets = _targets(result)
    assert targets[Decimal(people)] == ("职工疗休养", year), targets
    assert targets[Decimal(trains)][0] == "开行劳模工匠疗休养专列", targets


@pytest.mark.parametrize(
    ("county", "title", "crafts", "year"),
    [("新兴县", "预制菜工匠", 50, ""), ("翁源县", "兰花工匠", 30, "2025年")],
    ids=["no_year", "year"],
)
def test_figures_over_a_five_year_plan_to_come(tmp_path, county, title, crafts, year):
    """根据规划，到2027年…；“十五五”期间，培育“预制菜工匠”50名以上 was an achievement of
    “十五五”期间: the plan's years are to come, in an article of 2025 and, after a plan (the
    sentence before the ；), in one that prints no year."""
    result = _build_text(
        tmp_path,
        f"{county}总工会召开产业工会工作会议\n{year}9月12日，{county}总工会召开会议。根据规划，"
        f"到2027年，产业工会力争覆盖企业100家以上；“十五五”期间，培育“{title}”{crafts}名以上，"
        "推动改革落地见效。\n",
    )
    assert _targets(result)[Decimal(crafts)] == (f"培育{title}", 2030), _targets(result)
    assert Decimal(crafts) not in _measures(result), _measures(result)


def _entities(result, kind: str) -> set[str]:
    return {e.ref.key for e in result.resolved.entities if e.ref.kind == kind}


@pytest.mark.parametrize(
    ("county", "people"),
    [
        ("翁源县", ("宗政丽华", "眭志坚", "谯永明", "覃大勇", "骆嘉怡", "梁慧珊")),
        ("新丰县", ("钟离志远", "庹丽娟", "毋晓燕", "冼国栋", "骆文静", "邹慧敏")),
    ],
    ids=["wengyuan", "xinfeng"],
)
def test_rare_surnames_and_people_who_speak(tmp_path, county, people):
    """hw18, read blind: rare and compound surnames of the 百家姓 (宗政, 钟离, 眭, 谯, 庹, 毋) were
    no names; people quoted after their trade (木工覃大勇说), their job (工作人员梁慧珊说：) or a
    description ending in 的 (…从事打版工作的骆嘉怡说) were not read."""
    a, b, c, d, e, f = people
    result = _build_text(
        tmp_path,
        f"本报讯 2025年11月20日，{county}总工会召开会议。县总工会党组成员、副主席{a}，{county}"
        f"人民法院副院长{c}出席。县总工会主席{b}主持会议。“钱终于拿到手了。”木工{d}说。"
        f"“今天认识了朋友。”在县城一家服饰公司从事打版工作的{e}说。镇总工会工作人员{f}说：“方便多了。”\n",
    )
    assert set(people) <= _entities(result, "person"), _entities(result, "person")
    assert (c, "副院长", f"{county}人民法院") in _posts(result), _posts(result)


@pytest.mark.parametrize(
    ("author", "writer", "photographer"),
    [("贺雨桐", "邝嘉颖", "阮俊豪"), ("司马兰", "骆晓燕", "庞志伟")],
    ids=["one", "two"],
)
def test_authors_in_a_page_s_metadata_and_credits(tmp_path, author, writer, photographer):
    """作者：贺雨桐 in a web page's line of metadata and 文字：邝嘉颖　图片：阮俊豪 at its end
    were no bylines."""
    result = _build_text(
        tmp_path,
        "顺德区智慧工会平台上线\n"
        f"发布时间：2025-12-03 10:15　来源：顺德区总工会　作者：{author}　【字号：大 中 小】\n"
        "12月2日，顺德区总工会举行平台上线仪式。\n"
        f"文字：{writer}　图片：{photographer}\n",
    )
    article = _article(result)
    assert {v.key for k, v in article.args if k == "reporter"} == {author, writer}, article.args
    assert photographer in _entities(result, "person")


@pytest.mark.parametrize(
    ("county", "chief", "members", "noted", "company"),
    [
        (
            "翁源县",
            "宗政丽华",
            ("黎建新", "巢振宇", "官秀兰"),
            "乔美霞",
            "广东鹤嘉精密机械股份有限公司",
        ),
        ("连平县", "欧阳敏", ("陈志强", "罗海燕"), "温小红", "连平县恒达纺织有限公司"),
    ],
    ids=["wengyuan", "lianping"],
)
def test_members_listed_after_a_title_and_a_post_noted_in_brackets(
    tmp_path, county, chief, members, noted, company
):
    """经审会委员黎建新、巢振宇、官秀兰: only the first was a 委员, and of no organization (a bare
    committee of the union opening the clause); 乔美霞（…公司工会主席）介绍 gave no post."""
    result = _build_text(
        tmp_path,
        f"本报讯 2025年10月20日，{county}总工会召开经审工作会议。县总工会党组成员、经审会主任"
        f"{chief}作工作报告，经审会委员{'、'.join(members)}参加会议。{noted}（{company}工会主席）"
        "介绍了经验。\n",
    )
    committee = f"{county}总工会经费审查委员会"
    posts = _posts(result)
    assert {(m, "委员", committee) for m in members} <= posts, posts
    assert (chief, "主任", committee) in posts, posts
    assert (noted, "主席", f"{company}工会") in posts, posts


@pytest.mark.parametrize(
    ("city", "name", "company"),
    [
        ("鹤山市", "敖志诚", "广东鹤嘉精密机械股份有限公司"),
        ("开平市", "谭建文", "开平市华鑫五金制品有限公司"),
    ],
    ids=["heshan", "kaiping"],
)
def test_posts_listed_after_a_verb_of_appointment(tmp_path, city, name, company):
    """敖志诚还担任鹤山市总工会副主席、鹤山市政协委员: an adverb stood between the name and the
    verb, and only the first of the posts after it was read; 技术部经理 is a post in the
    enterprise (经理 a title)."""
    result = _build_text(
        tmp_path,
        f"本报讯 2025年10月9日，{company}技术部经理{name}获评全国五一劳动奖章。除了本职工作，"
        f"{name}还担任{city}总工会副主席、{city}政协委员。\n",
    )
    posts = _posts(result)
    assert {
        (name, "副主席", f"{city}总工会"),
        (name, "委员", f"{city}政协"),
        (name, "经理", company),
    } <= posts, posts


@pytest.mark.parametrize(
    ("district", "city", "leader", "chair", "bureau"),
    [
        ("金湾区", "珠海市", "上官俊杰", "令狐晓彤", "政务服务数据管理局"),
        ("增城区", "广州市", "陈晓东", "司徒丽", "审计局"),
    ],
    ids=["jinwan", "zengcheng"],
)
def test_the_youth_league_a_joint_union_and_bureaus(
    tmp_path, district, city, leader, chair, bureau
):
    """团区委书记上官俊杰 was the party's 区委 书记; a building's joint union (…商务楼宇联合工会),
    and bare after the verb (任楼宇联合工会主席), was no organization; nor 政务服务数据管理局 or
    审计局; a company named after its city and district (佛山市顺德区…) was cut to the district;
    这是区总工会 was a union called 这是区."""
    result = _build_text(
        tmp_path,
        f"本报讯 2025年12月2日，{district}航空新城商务楼宇联合工会成立。{district}委常委"
        f"张明、团区委书记{leader}同志、区{bureau}副局长戴浩然出席。会上，由{city}{district}"
        f"航城智链科技有限公司人力资源部经理{chair}任楼宇联合工会主席。{leader}介绍，"
        "这是区总工会今年组建的第三家楼宇工会。\n",
    )
    union = f"{district}航空新城商务楼宇联合工会"
    posts = _posts(result)
    assert {
        (leader, "书记", f"共青团{district}委"),
        (chair, "主席", union),
        (chair, "经理", f"{city}{district}航城智链科技有限公司"),
        ("戴浩然", "副局长", f"{district}{bureau}"),
    } <= posts, posts
    assert not any(o.startswith("这是") for o in _entities(result, "org"))


@pytest.mark.parametrize(
    ("age", "start", "rate", "quarterly", "arrears", "raise_"),
    [(46, "92.3", "99.1", 1, 3000, 6), (52, "80.5", "95.2", 2, 1500, 5)],
    ids=["one", "two"],
)
def test_ages_starting_points_and_recurring_targets(
    tmp_path, age, start, rate, quarterly, arrears, raise_
):
    """今年46岁的敖志诚 and 由92.3%提升至99.1%'s 92.3% were achievements; 明年起每季度举办1场以上
    was due in 2026 (a recurring target is due at no date); 力争全年…不少于3000万元 (no year
    opening a clause before it) and 将推动明年…增长不低于6% (明年 inside the clause) had no
    deadline."""
    result = _build_text(
        tmp_path,
        "清远日报　2025年11月20日　星期四　第03版\n"
        f"本报讯 11月19日，英德市总工会召开会议。今年{age}岁的敖志诚是技师。全市企业厂务公开"
        f"建制率由{start}%提升至{rate}%。团区委表示，明年起每季度举办联谊活动{quarterly}场以上。"
        f"冬季攻坚行动将持续至明年春节前，市总工会力争全年为职工追回欠薪不少于{arrears}万元。"
        f"新一届工会委员会将推动明年一线职工工资增长不低于{raise_}%。\n",
    )
    measures, targets = _measures(result), _targets(result)
    assert not {float(v) for v in measures} & {age, float(start)}, measures
    assert {float(v): m for v, m in measures.items()}[float(rate)] == "企业厂务公开建制率"
    assert targets[Decimal(quarterly)][1] is None, targets
    assert targets[Decimal(arrears) * 10000][1] == 2025, targets
    assert targets[Decimal(raise_)][1] == 2026, targets


@pytest.mark.parametrize(
    ("heading", "program", "other"),
    [
        ("往期推荐", "送清凉", "金湾区总工会召开2025年上半年工作推进会"),
        ("推荐阅读", "金秋助学", "区总工会召开全委会"),
    ],
    ids=["wanqi", "tuijian"],
)
def test_links_to_other_articles_are_page_furniture(tmp_path, heading, program, other):
    """往期推荐 then ▶ 夏日“送清凉”，金湾工会在行动！: the links to other articles at a WeChat
    page's end gave the article a program it does not run."""
    result = _build_text(
        tmp_path,
        "金湾区首家楼宇联合工会成立\n本报讯 12月2日，金湾区航空新城商务楼宇联合工会成立，"
        "首批33家企业加入。\n来源：金湾区总工会\n"
        f"{heading}\n▶ {other}\n▶ 夏日“{program}”，工会在行动！\n阅读原文\n",
    )
    assert program not in _entities(result, "program"), _entities(result, "program")
    assert Decimal(33) in _measures(result)


@pytest.mark.parametrize(
    ("district", "towns", "rate", "counties"),
    [("顺德区", 10, 100, 8), ("南海区", 7, 95, 5)],
    ids=["shunde", "nanhai"],
)
def test_a_count_of_places_is_the_scope_of_a_rate(tmp_path, district, towns, rate, counties):
    """明年上半年全区10个镇（街道）工会服务事项线上可办率达100% gave a target of ten 镇: a count
    of places right before a rate in its clause is where the rate holds. A count of places
    with no rate after it (实现8个县（市、区）…全覆盖) is still one."""
    result = _build_text(
        tmp_path,
        "顺德日报　2025年12月3日\n"
        f"本报讯 {district}总工会表示，明年上半年全区{towns}个镇（街道）工会服务事项线上可办率达"
        f"{rate}%。到2027年，实现{counties}个县（市、区）县级疗休养基地全覆盖。\n",
    )
    targets = _targets(result)
    assert Decimal(towns) not in targets and targets[Decimal(rate)][1] == 2026, targets
    assert targets[Decimal(counties)][1] == 2027, targets


@pytest.mark.parametrize(
    ("district", "people", "company", "hospital"),
    [
        (
            "茂南区",
            ("冼丽珍", "钟离海涛", "揭秀梅", "邵嘉欣"),
            "广东茂南建工集团有限公司",
            "茂名市茂南区人民医院",
        ),
        (
            "蓬江区",
            ("林小燕", "欧阳志明", "区丽华", "莫海珊"),
            "江门恒通机械有限公司",
            "江门市蓬江区人民医院",
        ),
    ],
    ids=["maonan", "pengjiang"],
)
def test_posts_noted_in_a_winners_list(tmp_path, district, people, company, hospital):
    """hw19, read blind: 冼丽珍（女，…项目经理）； and 钟离海涛（…焊接车间主任、高级技师）； were
    no people (the bracket opened with 女， or held a post after the unit), and their posts
    were not read: the note is a chain of posts before the name; 专职副主席 is a 副主席."""
    a, b, c, d = people
    result = _build_text(
        tmp_path,
        f"{district}总工会表彰决定\n二、{district}五一劳动奖章（4名）\n"
        f"{a}（女，{company}第二项目部项目经理）；\n{b}（{company}焊接车间主任、高级技师）；\n"
        f"{c}（女，{hospital}急诊科护士长）；\n{d}（女，{district}公馆镇总工会专职副主席）\n",
    )
    posts = _posts(result)
    assert set(people) <= _entities(result, "person"), _entities(result, "person")
    assert {
        (a, "项目经理", company),
        (b, "车间主任", company),
        (c, "护士长", hospital),
        (d, "副主席", f"{district}公馆镇总工会"),
    } <= posts, posts


@pytest.mark.parametrize(
    ("district", "school", "dean", "speaker", "company", "lawyer"),
    [
        (
            "蓬江区",
            "江门侨都技师学院",
            "黎国栋",
            "骆志成",
            "江门华锐智能装备股份有限公司",
            "覃丽娟",
        ),
        ("鼎湖区", "肇庆鼎湖技工学校", "司徒建华", "方志恒", "肇庆星湖生物科技有限公司", "韦小红"),
    ],
    ids=["pengjiang", "dinghu"],
)
def test_a_school_s_head_a_delegate_s_note_and_a_provincial_department(
    tmp_path, district, school, dean, speaker, company, lawyer
):
    """江门侨都技师学院党委书记、院长黎国栋共同为学院揭牌: 院长 was the article's enterprise's
    (the chain's body is the school whose committee it named) and 共同 ended no name; 企业代表
    骆志成（…工会主席）: a name after who the person is; 省总工会法律工作部副部长: the union's
    department (省总工会 is a national form, its part was not read)."""
    result = _build_text(
        tmp_path,
        f"本报讯 6月17日，{district}总工会与{school}共建的工匠学院揭牌。{company}是首批合作企业。"
        f"{school}党委书记、院长{dean}共同为学院揭牌。企业代表{speaker}（{company}工会主席）"
        f"在发言中表示支持。省总工会法律工作部副部长{lawyer}作专题授课。\n",
    )
    posts = _posts(result)
    assert {
        (dean, "书记", f"{school}党委"),
        (dean, "院长", school),
        (speaker, "主席", f"{company}工会"),
        (lawyer, "副部长", "广东省总工会法律工作部"),
    } <= posts, posts


@pytest.mark.parametrize(
    ("district", "done", "share", "start", "now", "goal", "cap_from", "cap_to"),
    [
        ("濠江区", 2415, "80.5", "61.2", "78.6", 3000, 25, 20),
        ("龙湖区", 1830, "73.2", "55.4", "70.1", 2500, 30, 22),
    ],
    ids=["haojiang", "longhu"],
)
def test_goals_reached_changes_from_a_point_and_agreed_terms(
    tmp_path, district, done, share, start, now, goal, cap_from, cap_to
):
    """hw19, read blind: 完成目标任务的80.5% was a plan (目标 after a verb of reaching is the goal
    reached); 入会率已由行动启动前的61.2%提升至78.6% counted 61.2% and measured 入会率已由行动启动前
    提升至; ，到10月10日行动结束时，…要发展会员3,000名 had no deadline (a day of this year at a
    clause's start); the terms a contract sets (合同约定，…上限由不超过25%下调至不超过20%) are
    planned, and 25% is where the change started."""
    result = _build_text(
        tmp_path,
        "汕头日报　2025年9月16日　星期二　第06版\n"
        f"本报讯 截至9月12日，{district}已发展会员{done}名，完成目标任务的{share}%。截至9月12日，"
        f"全区新就业形态劳动者入会率已由行动启动前的{start}%提升至{now}%。按照行动方案，到10月10日"
        f"行动结束时，全区要发展会员{goal}名。合同约定，平台抽成比例上限由不超过{cap_from}%下调至"
        f"不超过{cap_to}%。\n",
    )
    measures, targets = _measures(result), _targets(result)
    floats = {float(v): m for v, m in measures.items()}
    assert float(share) in floats and Decimal(done) in measures, (measures, targets)
    assert float(start) not in floats and floats[float(now)] == "新就业形态劳动者入会率", floats
    assert targets[Decimal(goal)] == ("发展会员", 2025), targets
    assert {float(v) for v in targets} >= {float(cap_to)}, targets
    assert float(cap_from) not in {float(v) for v in targets} | set(floats), (targets, floats)


@pytest.mark.parametrize(
    ("city", "district", "company", "long_company", "reporter", "manager"),
    [
        (
            "珠海市",
            "香洲区",
            "珠海市南屏乐动健身有限公司",
            "广州黄埔新港集装箱码头有限公司",
            "嵇文轩",
            "乜俊峰",
        ),
        (
            "佛山市",
            "顺德区",
            "佛山市顺德区智动自动化设备有限公司",
            "佛山南海狮山精密模具制造有限公司",
            "龚雅琪",
            "岑志华",
        ),
    ],
    ids=["zhuhai", "foshan"],
)
def test_company_names_with_motion_and_ten_characters(
    tmp_path, city, district, company, long_company, reporter, manager
):
    """hw20, read blind: 珠海市南屏乐动健身有限公司 (动 was kept out of names, for the word 推动) and
    广州黄埔新港集装箱码头有限公司 (nine characters between the place and the ending) were no
    organizations; a byline after □ was no byline; 们 starts no town (我们在镇党委…: 们在镇党委);
    区人力资源局 and 县总工会劳动法律监督委员会 are bodies."""
    result = _build_text(
        tmp_path,
        f"{district}总工会举办会员日活动\n□本报记者 {reporter}　通讯员 洪佩珊\n"
        f"本报讯 10月26日，{district}总工会举办会员日活动。{company}总经理{manager}介绍了优惠。"
        f"{long_company}也参加了活动。区人力资源局副局长宁振宇、区总工会劳动法律监督委员会主任"
        "邵家明出席。我们在镇党委书记皮建伟的推动下成立了联合工会。\n",
    )
    orgs = _entities(result, "org")
    assert {company, long_company, f"{district}人力资源局"} <= orgs, orgs
    assert not any("们" in o for o in orgs), orgs
    posts = _posts(result)
    assert (manager, "总经理", company) in posts, posts
    assert ("邵家明", "主任", f"{district}总工会劳动法律监督委员会") in posts, posts
    article = _article(result)
    assert reporter in {v.key for k, v in article.args if k == "reporter"}, article.args


@pytest.mark.parametrize(
    ("winner", "student"), [("湛国良", "巩梓涵"), ("薛志航", "岑晓彤")], ids=["one", "two"]
)
def test_speakers_with_words_of_manner_and_students(tmp_path, winner, student):
    """“……”湛国良在领奖后说。 (words of manner between the name and 说) and 高二学生巩梓涵说 (a
    student) were no people."""
    result = _build_text(
        tmp_path,
        "本报讯 7月15日，黄埔区总工会举行表彰会。“这个奖是对整个班组的肯定。”"
        f"{winner}在领奖后说。“劳模的故事让我很受触动。”高二学生{student}说。\n",
    )
    assert {winner, student} <= _entities(result, "person"), _entities(result, "person")


@pytest.mark.parametrize(
    ("city", "district", "company", "chair", "author", "rider"),
    [
        ("湛江市", "霞山区", "广州从化顺昌汽车配件有限公司", "呼延振邦", "乌日娜", "柴宇航"),
        ("广州市", "从化区", "广州从化华隆食品有限公司", "汝振海", "司马婷", "韦志鹏"),
    ],
    ids=["zhanjiang", "conghua"],
)
def test_katakana_for_chinese_a_district_in_a_company_and_authors_before_labels(
    tmp_path, city, district, company, chair, author, rider
):
    """hw21, read blind: OCR's 湛江市总エ会 (katakana エ for 工) named no union; 广州从化顺昌汽车配件
    有限公司 (从 kept out of names) no company; 作者：乌日娜浏览次数 (the space gone) no author;
    外卖配送员柴宇航现场试用后说：“ (who, the name, words of manner) no speaker; 政协委员和职工代表
    gave a person 和职工."""
    result = _build_text(
        tmp_path,
        f"{district}工会驿站地图上线\n发布时间：2025-11-10 16:20　来源：区总工会　作者：{author}　"
        f"浏览次数：1386\n11月8日，{city}总エ会党组书记、常务副主席{chair}出席上线仪式。{company}"
        f"工会主席谯文斌介绍了经验。外卖配送员{rider}现场试用后说：“方便多了。”评议组由政协委员和"
        "职工代表组成。\n",
    )
    posts = _posts(result)
    assert (chair, "常务副主席", f"{city}总工会") in posts, posts
    assert ("谯文斌", "主席", f"{company}工会") in posts, posts
    people = _entities(result, "person")
    assert {author, rider} <= people and "和职工" not in people, people


@pytest.mark.parametrize(
    ("county", "factory", "mill", "name"),
    [
        ("郁南县", "农机修造厂", "连滩糖厂", "葛长林"),
        ("新丰县", "拖拉机修配厂", "马头水泥厂", "欧阳建华"),
    ],
    ids=["yunan", "xinfeng"],
)
def test_factories_and_a_former_post_in_one(tmp_path, county, factory, mill, name):
    """hw21: a factory named after its place (郁南县农机修造厂, 郁南县连滩糖厂) was no organization;
    原 before the organization (原郁南县农机修造厂厂长葛长林) makes the post a former one, which is
    recorded as held before, not now."""
    result = _build_text(
        tmp_path,
        f"本报讯 9月24日，{county}总工会慰问困难劳模。慰问组来到原{county}{factory}厂长{name}家中。"
        f"随后看望了原{county}{mill}工人盘秀珍。\n",
    )
    assert {f"{county}{factory}", f"{county}{mill}"} <= _entities(result, "org")
    posts = _career(result)
    assert {r for _, r, _ in posts} == {"原厂长"}, posts


@pytest.mark.parametrize(
    ("district", "season", "town"),
    [("南沙区", "南沙暖新", "黄阁镇"), ("斗门区", "斗门暖蜂", "白蕉镇")],
    ids=["nansha", "doumen"],
)
def test_a_quoted_name_before_a_season_of_services_is_a_program(tmp_path, district, season, town):
    """“南沙暖新”服务季 (a season of services, as 服务月 is a month of them) names the program
    南沙暖新; the longer form is an alias."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 邝婉婷）11月25日，{district}总工会在{town}举办新就业形态劳动者集中入会"
        f"暨“{season}”服务季启动活动。\n",
    )
    programs = {e.ref.key: e.aliases for e in result.resolved.entities if e.ref.kind == "program"}
    assert set(programs) == {season}, programs
    assert f"{season}服务季" in programs[season]


@pytest.mark.parametrize(
    ("city", "district", "factory", "head", "leader"),
    [
        ("佛山市", "禅城区", "佛山市禅城区南庄陶瓷厂", "伊建军", "冯海燕"),
        ("江门市", "蓬江区", "江门市蓬江区杜阮农机厂", "谭国华", "甘丽珍"),
    ],
    ids=["chancheng", "pengjiang"],
)
def test_factory_affairs_name_no_factory(tmp_path, city, district, factory, head, leader):
    """禅城区厂务公开 (a district's factory affairs made public) names no factory 禅城区厂: a
    one-character ending needs a name before it, and 厂务 is a word. A factory with a name
    (…农机厂) is still one, and its head's post is read."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 邸欣妍）12月11日，{district}2025年度厂务公开民主管理工作评估推进会召开。"
        f"区总工会主席{head}出席会议。区厂务公开领导小组办公室通报评估情况。"
        f"{factory}厂长{leader}作交流发言。会议为{factory}等企业授予“2025年度{district}厂务公开"
        "民主管理示范单位”称号。\n",
    )
    orgs = _entities(result, "org")
    assert f"{district}厂" not in orgs, orgs
    assert factory in orgs, orgs
    assert (leader, "厂长", factory) in _posts(result)
    assert (head, "主席", f"{district}总工会") in _posts(result)


@pytest.mark.parametrize(
    ("company", "deputy", "chair"),
    [
        ("深圳盐田港联集团有限公司", "桑晓玲", "岑国栋"),
        ("珠海高栏港务集团有限公司", "冼美华", "黎振邦"),
    ],
    ids=["yantian", "gaolan"],
)
def test_an_answer_mark_names_no_speaker(tmp_path, company, deputy, chair):
    """In a Q&A written 问：/答：, 答 marks a turn and names no one: it is no known name of the
    article, so 委员会 is not read as 委员 + a name one character from 答 (会)."""
    result = _build_text(
        tmp_path,
        f"{company}工会主席{chair}谈职工关爱\n\n"
        "问：集团工会今年在女职工关爱方面做了哪些工作？\n\n"
        f"答：集团工会副主席、女职工委员会主任{deputy}牵头建成爱心妈咪小屋5个，女职工反映很好。\n",
    )
    people = _entities(result, "person")
    assert people == {chair, deputy}, people
    assert (deputy, "主任", f"{company}工会女职工委员会") in _posts(result)


@pytest.mark.parametrize(
    ("city", "district", "deputy"),
    [("广州市", "白云区", "卓立群"), ("韶关市", "曲江区", "金晓东")],
    ids=["baiyun", "qujiang"],
)
def test_a_place_before_a_title_is_no_name(tmp_path, city, district, deputy):
    """白云区副区长卓立群: 白 is a surname and 白云区 is a place, so the district's deputy head
    is 卓立群 and 白云区 is no person written before his title (郑丽娜副主席)."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 栾思彤）11月19日，{city}职工技能大赛总决赛在{district}落下帷幕。"
        f"{city}总工会副主席雍建华，{district}副区长{deputy}出席闭幕式。\n",
    )
    people = _entities(result, "person")
    assert district not in people, people
    assert deputy in people, people
    assert (deputy, "副区长", f"{district}人民政府") in _posts(result)


@pytest.mark.parametrize(
    ("first", "second", "witness"),
    [("公良俊杰", "东郭雅文", "凌志伟"), ("乐正思远", "公羊正德", "夏利明")],
    ids=["gongliang", "yuezheng"],
)
def test_rare_compound_surnames_and_a_witness(tmp_path, first, second, witness):
    """Compound surnames of the 百家姓 (公良, 东郭, 乐正, 公羊 …) start names after a title; a
    name right before 见证 (witnessed) ends there, though jieba reads 凌志 as a word (a car)."""
    result = _build_text(
        tmp_path,
        "本报讯（记者 栾思彤）各工种一等奖获得者分别是：电工，广州穗能配电设备有限公司维修班班长"
        f"{first}；工业机器人系统运维员，广州智擎自动化科技有限公司技术部副经理{second}。"
        f"惠来县人力资源和社会保障局副局长{witness}见证签约。\n",
    )
    people = _entities(result, "person")
    assert {first, second, witness} <= people, people
    assert (witness, "副局长", "惠来县人力资源和社会保障局") in _posts(result)
    assert (first, "班长", "广州穗能配电设备有限公司") in _posts(result)


@pytest.mark.parametrize(
    ("city", "station", "head", "minister"),
    [("东莞市", "大朗站", "练家辉", "雍建华"), ("佛山市", "乐从站", "欧阳志明", "冯子健")],
    ids=["dalang", "lecong"],
)
def test_a_stations_head_and_a_unions_economic_department(tmp_path, city, station, head, minister):
    """站长 (a station's head, as 班长 is a team's) is a title, its post in the company the
    station belongs to; 劳动和经济工作部 is a department of a union."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 栾思彤）{city}朗速即时配送有限公司{station}站长{head}表示，站点将动员更多骑手"
        f"加入工会。市总工会劳动和经济工作部部长{minister}介绍了赛事安排。\n",
    )
    posts = _posts(result)
    assert (head, "站长", f"{city}朗速即时配送有限公司") in posts, posts
    assert (minister, "部长", f"{city}总工会劳动和经济工作部") in posts, posts


@pytest.mark.parametrize(
    ("county", "program"),
    [("平远县", "金秋助学"), ("蕉岭县", "春风送岗")],
    ids=["pingyuan", "jiaoling"],
)
def test_since_a_program_began_is_no_part_of_its_name(tmp_path, county, program):
    """自2008年开展“金秋助学”以来: 以来 closes a span of time, no part of the program's name."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 魏思琪）自2008年开展“{program}”以来，{county}总工会累计资助困难职工子女"
        "2,846名。\n",
    )
    assert _entities(result, "program") == {program}


@pytest.mark.parametrize(
    ("company", "home", "head", "nurse"),
    [
        ("广州嘉和精密机械有限公司", "广州市白云区颐康养老院", "缑海波", "危丽萍"),
        ("佛山永和五金制品有限公司", "佛山市南海区福寿敬老院", "梁志强", "何秀英"),
    ],
    ids=["guangzhou", "foshan"],
)
def test_a_company_with_he_in_its_name_and_a_care_home(tmp_path, company, home, head, nurse):
    """和 inside a company's name (嘉和, 永和) is part of it, though 和 joins two names after a
    place (广州市和韶关学院); a care home (养老院, 敬老院) is an organization, and a department
    head's post (护理部主任) is in it."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 栾思彤）一等奖获得者分别是：数控车工，{company}数控车间主任{head}；"
        f"养老护理员，{home}护理部主任{nurse}。广州市和韶关学院联合举办技能培训。\n",
    )
    orgs = _entities(result, "org")
    assert {company, home} <= orgs, orgs
    assert not any("和韶关" in o for o in orgs), orgs
    posts = _posts(result)
    assert (head, "车间主任", company) in posts, posts
    assert (nurse, "主任", home) in posts, posts


@pytest.mark.parametrize(
    ("city", "district", "task", "deputy", "director"),
    [
        ("佛山市", "禅城区", "厂务公开", "归丽娟", "井志成"),
        ("江门市", "新会区", "根治欠薪", "温晓燕", "梁国栋"),
    ],
    ids=["chancheng", "xinhui"],
)
def test_a_districts_standing_group_and_its_office(
    tmp_path, city, district, task, deputy, director
):
    """区厂务公开领导小组 (a district's standing group on one task) and its 办公室 are
    organizations of the district; its 组长 and its office's 主任 are posts in them, and the
    chain before them is read through (禅城区副区长、区…领导小组组长归丽娟: 归 is a surname)."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 邸欣妍）12月11日，{district}{task}工作推进会召开。{district}副区长、"
        f"区{task}领导小组组长{deputy}，区总工会主席伊建军出席会议。区{task}领导小组办公室主任、"
        f"区总工会副主席{director}通报情况。\n",
    )
    posts = _posts(result)
    assert (deputy, "副区长", f"{district}人民政府") in posts, posts
    assert (deputy, "组长", f"{district}{task}领导小组") in posts, posts
    assert (director, "主任", f"{district}{task}领导小组办公室") in posts, posts
    assert (director, "副主席", f"{district}总工会") in posts, posts


@pytest.mark.parametrize(
    ("district", "speaker", "models", "rechecks"),
    [("禅城区", "伊建军", 20, 10), ("蓬江区", "冯伟雄", 35, 12)],
    ids=["chancheng", "pengjiang"],
)
def test_a_clause_of_next_year_alone_frames_the_plans_after_it(
    tmp_path, district, speaker, models, rechecks
):
    """伊建军表示，明年，全区培育…示范单位20家以上，对限期整改企业复评10家: 明年 alone in its
    clause frames the clauses after it (up to the sentence's ；), so both figures are targets due
    next year, not achievements of a period 明年."""
    result = _build_text(
        tmp_path,
        "佛山日报　2025年12月12日　第A05版\n\n"
        f"本报讯（记者 邸欣妍）12月11日，{district}厂务公开民主管理工作评估推进会召开。\n"
        f"{speaker}表示，明年，全区培育区级厂务公开民主管理示范单位{models}家以上，"
        f"对限期整改企业复评{rechecks}家；到2027年，全区规上企业职代会建制率稳定在98%以上。\n",
    )
    targets = _targets(result)
    assert targets[Decimal(models)][1] == 2026, targets
    assert targets[Decimal(rechecks)][1] == 2026, targets
    assert targets[Decimal(98)][1] == 2027, targets
    assert not _measures(result), _measures(result)


@pytest.mark.parametrize(
    ("company", "staff", "members", "ships"),
    [
        ("深圳盐田港联集团有限公司", "6,800", "6,730", 142),
        ("珠海高栏港务集团有限公司", "4,200", "3,980", 96),
    ],
    ids=["yantian", "gaolan"],
)
def test_an_important_company_has_no_plan(tmp_path, company, staff, members, ships):
    """是…重要的港口物流企业，现有职工6,800余名: 要 inside 重要 (主要, 需要) is no "will"; the
    staff and members are counts of now, not targets. 艘 counts ships."""
    result = _build_text(
        tmp_path,
        "码头职工的新气象\n\n"
        f"{company}是当地重要的港口物流企业，现有职工{staff}余名，工会会员{members}名。"
        f"今年以来，工会组织检查渔船{ships}艘。\n",
    )
    values = set(_measures(result))
    assert {
        Decimal(staff.replace(",", "")),
        Decimal(members.replace(",", "")),
        Decimal(ships),
    } <= values
    assert not _targets(result), _targets(result)


@pytest.mark.parametrize(
    ("written", "value"),
    [("５，２００", 5200), ("1，350", 1350)],
    ids=["full-width", "half-width"],
)
def test_a_full_width_comma_between_digits_separates_thousands(tmp_path, written, value):
    """职工５，２００余名 (an OCR'd or typeset thousands separator) is 5,200 workers, not 200: a
    full-width comma between digits with exactly three after it; 分别为3，5家 stays a list."""
    result = _build_text(
        tmp_path,
        f"本报讯（通讯员 林泽斌）今年以来，惠来县总工会推动签订工资集体合同，覆盖职工{written}余名。\n",
    )
    assert Decimal(value) in _measures(result), _measures(result)


@pytest.mark.parametrize(
    ("city", "places", "firms", "workers"),
    [("广州市", "11个区", "2,860", "1.86万"), ("佛山市", "5个区", "1,340", "9,600")],
    ids=["guangzhou", "foshan"],
)
def test_a_count_of_places_summed_over_is_no_figure(tmp_path, city, places, firms, workers):
    """全市11个区共组织选拔赛企业2,860家: the districts are where the count was made (共 sums over
    them), no achievement of eleven districts; the enterprises and the workers are."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 栾思彤）大赛自今年6月启动以来，{city[:-1]}全市{places}共组织选拔赛企业{firms}家、"
        f"参赛职工{workers}名。\n",
    )
    values = set(_measures(result))
    count = Decimal(places.split("个")[0])
    assert count not in values, values
    assert Decimal(firms.replace(",", "")) in values, values


@pytest.mark.parametrize(
    ("district", "town", "chair", "auditor", "women", "village"),
    [
        ("潮阳区", "谷饶镇", "宰父丽琴", "巢慧芬", "游晓芳", "茂广村"),
        ("潮南区", "陇田镇", "沃振华", "融志刚", "滑丽萍", "东华村"),
    ],
    ids=["gurao", "longtian"],
)
def test_a_town_unions_founding_election(tmp_path, district, town, chair, auditor, women, village):
    """At a town union's founding the elected posts are the town union's (当选镇总工会主席: 镇总工会
    after 当选 is the town's), and so are the bare committees of the sentences after the
    election in its paragraph (…选举巢慧芬为经审会主任；女职工委员会主任由游晓芳兼任), not the
    union of the enterprise a member works for; a name followed by 镇/村 is a place (谷饶镇茂广村
    党总支书记: no person 谷饶). Rare surnames of the 百家姓 (宰父, 沃, 融, 滑) start names."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 冷思琪）8月14日，汕头市{district}{town}总工会成立大会召开。\n"
        f"在随后召开的一届一次委员会会议上，镇党委委员{chair}当选镇总工会主席，都振东当选常务副主席，"
        f"汕头市雅丝针织内衣有限公司工会主席{women}、{town}{village}党总支书记南门国栋当选兼职副主席；"
        f"经费审查委员会第一次会议选举{auditor}为经审会主任；女职工委员会主任由{women}兼任。\n",
    )
    union = f"{district}{town}总工会"
    posts = _posts(result)
    assert (chair, "主席", union) in posts, posts
    assert (auditor, "主任", f"{union}经费审查委员会") in posts, posts
    assert (women, "主任", f"{union}女职工委员会") in posts, posts
    assert town[:2] not in _entities(result, "person")


@pytest.mark.parametrize(
    ("first", "second", "head", "chair", "women"),
    [
        ("韶关丹霞旅游集团有限公司", "广东仁丰铅锌冶炼有限公司", "荆志强", "终立伟", "习晓红"),
        ("清远北江物流有限公司", "英德市华粤水泥有限公司", "黄志明", "沃建国", "苍丽华"),
    ],
    ids=["renhua", "yingde"],
)
def test_a_bare_company_is_the_one_its_paragraph_named(tmp_path, first, second, head, chair, women):
    """公司工会主席终立伟 in a paragraph about the second enterprise the article names is that
    enterprise's union's chairman, not the first's; 该公司工会女职工委员会主任 is a part of that
    union; an honour listed with the titles (设备部经理、广东省劳动模范荆志强) is no post and
    leaves the chain's name to it."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 林）{first}工会获评“模范职工之家”。{first}设备部经理、广东省劳动模范{head}"
        "领衔的创新工作室完成攻关项目12项。\n"
        f"{second}建起职工书屋和爱心妈咪小屋。公司工会主席{chair}介绍，今年以来，公司工会开展技能"
        f"培训20场。该公司工会女职工委员会主任{women}表示，将继续做好服务。\n",
    )
    posts = _posts(result)
    assert (head, "经理", first) in posts, posts
    assert (chair, "主席", f"{second}工会") in posts, posts
    assert (women, "主任", f"{second}工会女职工委员会") in posts, posts


@pytest.mark.parametrize(
    ("district", "head", "deputy"),
    [("花都区", "弘建业", "苍海明"), ("高明区", "慕国平", "莘立军")],
    ids=["huadu", "gaoming"],
)
def test_the_employers_federation_and_a_building_bureau(tmp_path, district, head, deputy):
    """区企业联合会 (the employers' side of a collective contract) is an organization, its 会长
    a post; 住房城乡建设和水利局 is a district's bureau."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 林）{district}总工会与{district}企业联合会签订女职工权益保护专项集体合同。"
        f"区企业联合会会长{head}，区住房城乡建设和水利局副局长{deputy}出席签约仪式。\n",
    )
    posts = _posts(result)
    assert (head, "会长", f"{district}企业联合会") in posts, posts
    assert (deputy, "副局长", f"{district}住房城乡建设和水利局") in posts, posts


@pytest.mark.parametrize(
    ("leader", "card"),
    [("荆志强", "端工e卡通"), ("覃永发", "鹤工e卡")],
    ids=["jing", "qin"],
)
def test_a_named_studio_and_a_members_card_are_programs(tmp_path, leader, card):
    """“荆志强劳模创新工作室” (a studio named after its leader, even after 领衔的, which is no
    figure of speech) and “端工e卡通”会员服务卡 (a members' card launched under its own name)
    are programs."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 林）广东省劳动模范{leader}领衔的“{leader}劳模创新工作室”近三年完成攻关项目"
        f"12项。区总工会发布“{card}”会员服务卡，首批发卡3万张。\n",
    )
    programs = _entities(result, "program")
    assert {f"{leader}劳模创新工作室", card} <= programs, programs


@pytest.mark.parametrize(
    ("district", "brand"),
    [("增城区", "荔乡清风"), ("从化区", "流溪清风")],
    ids=["zengcheng", "conghua"],
)
def test_no_program_inside_a_quoted_programs_long_form(tmp_path, district, brand):
    """“荔乡清风”夏季送清凉行动: the long form is the program 荔乡清风's alias; neither 送清凉 nor
    清凉行动 (送 is a cue) is read inside it as another program."""
    result = _build_text(
        tmp_path,
        f"{district}总工会启动“{brand}”夏季送清凉行动\n\n"
        f"本报讯（记者 卢嘉欣）7月2日，{district}总工会举行“{brand}”夏季送清凉行动启动仪式。\n",
    )
    assert _entities(result, "program") == {brand}


@pytest.mark.parametrize(
    ("paper", "district", "page"),
    [("佛山日报", "高明区", "７"), ("揭阳日报", "惠来县", "１２")],
    ids=["foshan", "jieyang"],
)
def test_a_sentence_runs_on_across_a_scanned_pages_furniture(tmp_path, paper, district, page):
    """A scanned page ends inside a sentence: its number (—７—) and running header (佛山日报
    区域新闻) are printed between the halves (到２|—７—|佛山日报　区域新闻|０２７年). They are
    page furniture, left out; the sentence is read whole, with its deadline."""
    result = _build_text(
        tmp_path,
        f"{paper}　２０２５年１２月１９日　星期五　第Ａ０７版　区域新闻\n\n"
        f"{district}推进农民工工资支付保障\n\n"
        "　　本报讯（记者 符晓东）１２月１８日，区总工会开展农民工工资支付专项检查。\n"
        "　　蒙慧兰表示，今后每年开展农民工工资支付专项检查不少于４次；到２\n"
        f"　　　　　　　　　　　　　　　　　　　　—{page}—\n"
        f"{paper}　区域新闻\n"
        "０２７年，在建项目农民工入会人数达到３万名。\n",
    )
    targets = _targets(result)
    assert targets[Decimal(30000)][1] == 2027, targets
    sentences = {ev.sentence for f in result.resolved.facts for ev in f.evidence}
    assert not any(f"—{page}—" in s or paper + "区域新闻" in s for s in sentences), sentences


@pytest.mark.parametrize(
    ("company", "honour", "name"),
    [
        ("深圳龙岗智轨交通运营有限公司", "深圳工匠", "颛孙立新"),
        ("佛山顺德智造装备有限公司", "佛山工匠", "欧阳志明"),
    ],
    ids=["shenzhen", "foshan"],
)
def test_a_quoted_honour_listed_with_the_titles(tmp_path, company, honour, name):
    """车辆检修中心副主任、“深圳工匠”颛孙立新: a city's quoted honour listed after the title is no
    post; the name after it holds the chain's post (副主任 of the company, its centre a part)."""
    result = _build_text(
        tmp_path,
        f"本报讯（记者 林）{company}车辆检修中心副主任、“{honour}”{name}领衔的创新工作室完成攻关"
        "项目12项。\n",
    )
    assert (name, "副主任", company) in _posts(result), _posts(result)


@pytest.mark.parametrize(
    ("county", "company", "place", "elsewhere", "chair", "manager", "guest"),
    [
        (
            "台山市",
            "台山核电合营有限公司",
            "台山市",
            "英德红旗茶叶有限公司",
            "邝伟雄",
            "谭振邦",
            "罗大伟",
        ),
        (
            "顺德区",
            "顺德美联电器有限公司",
            "顺德区",
            "开平南华卫浴有限公司",
            "冼丽娟",
            "何国栋",
            "关志明",
        ),
    ],
    ids=["taishan", "shunde"],
)
def test_an_enterprise_named_after_a_county_level_places_short_name(
    tmp_path, county, company, place, elsewhere, chair, manager, guest
):
    """An enterprise whose name starts with a county-level place's short name (台山核电…,
    顺德美联…) is found when that place lies in the article's city, in that place; one named
    after a place elsewhere (英德…, 开平… in another city's report) is not guessed, and its
    总经理 is no post in the article's enterprise. 首家 is no part of a name (金湾首家…联合工会:
    the place's first such union)."""
    result = _build_text(
        tmp_path,
        f"{county}总工会表彰一批工匠\n\n本报讯（记者 栾思彤）近日，{company}工会主席{chair}介绍，"
        f"公司今年开展培训120场。{company}总经理{manager}出席。{elsewhere}总经理{guest}也到会"
        f"交流。{county.removesuffix(county[-1])}首家商务楼宇联合工会成立。\n",
    )
    posts = _posts(result)
    assert (chair, "主席", f"{company}工会") in posts, posts
    assert (manager, "总经理", company) in posts, posts
    assert not any(p[0] == guest for p in posts), posts
    orgs = {e.ref.key: dict(e.attrs) for e in result.resolved.entities if e.ref.kind == "org"}
    assert orgs[company].get("place") == place, orgs
    assert elsewhere not in orgs and not any("首家" in o for o in orgs), orgs


@pytest.mark.parametrize(
    ("city", "honour", "first", "second", "third"),
    [
        ("台山市", "台山工匠", "谭振邦", "梅丽娟", "欧阳志华"),
        ("英德市", "英德工匠", "冼国栋", "巫慧玲", "司徒晓峰"),
    ],
    ids=["taishan", "yingde"],
)
def test_names_listed_before_a_count_of_people(tmp_path, city, honour, first, second, third):
    """Names joined by 、 before 等 and a count of people (对谭振邦、梅丽娟等30名“台山工匠”…)
    are people; a group (骨干等30人) and a person kept anonymous (杨某等17名工人) are not."""
    result = _build_text(
        tmp_path,
        f"{city}总工会表彰一批“{honour}”\n\n本报讯（记者 栾思彤）大会对{first}、{second}等30名"
        f"“{honour}”进行命名表彰。会议还表彰了{third}等5位优秀工会工作者。技术骨干等30人参加培训。"
        "杨某等17名工人领到了工资。\n",
    )
    people = _entities(result, "person")
    assert {first, second, third} <= people, people
    assert not any("某" in p or "骨干" in p for p in people), people


@pytest.mark.parametrize(
    ("city", "district", "first", "second", "third", "fourth"),
    [
        ("阳江市", "江城区", "伯赏丽娜", "郎慧敏", "蔡志远", "廉建国"),
        ("潮州市", "湘桥区", "归海晓东", "商牟雅琴", "詹永平", "窦国强"),
    ],
    ids=["yangjiang", "chaozhou"],
)
def test_an_appointment_notice(tmp_path, city, district, first, second, third, fourth):
    """A notice of appointments (任命X同志为…): the post given, one given with it (，兼任…办公室
    主任) and one kept (，其…职务不变) are posts; a post taken away (免去) or a nomination (提名…
    候选人) is none, though the person named is a person."""
    result = _build_text(
        tmp_path,
        f"{city}总工会关于{first}等同志职务任免的通知\n\n"
        f"一、任命{first}同志为{city}总工会权益保障部副部长，免去其{city}总工会办公室副主任职务。\n\n"
        f"二、任命{second}同志为{city}总工会女职工部部长，兼任{city}总工会女职工委员会办公室主任。\n\n"
        f"三、任命{third}同志为{city}总工会职工服务中心副主任（挂职，时间两年），其{district}"
        f"总工会经费审查委员会主任职务不变。\n\n"
        f"四、免去{fourth}同志的{city}总工会经费审查委员会办公室主任职务。\n\n"
        f"五、提名{fourth}同志为{district}总工会主席候选人。\n",
    )
    posts = _posts(result)
    assert (first, "副部长", f"{city}总工会权益保障部") in posts, posts
    assert (second, "部长", f"{city}总工会女职工部") in posts, posts
    assert (second, "主任", f"{city}总工会女职工委员会办公室") in posts, posts
    assert (third, "主任", f"{district}总工会经费审查委员会") in posts, posts
    assert not any(p[0] == fourth for p in posts), posts
    assert not any(p[1] == "副主任" and p[2] == f"{city}总工会办公室" for p in posts), posts
    assert fourth in _entities(result, "person")


@pytest.mark.parametrize(
    ("district", "town", "first", "second", "company", "third"),
    [
        ("揭东区", "新亨镇", "屠胜利", "焦国栋", "揭阳市榕东塑料制品有限公司", "怀志刚"),
        ("潮安区", "彩塘镇", "滕建华", "蒲晓军", "潮州市金辉不锈钢制品有限公司", "宓雪芳"),
    ],
    ids=["jiedong", "chaoan"],
)
def test_a_list_of_people_with_their_units_after_a_space(
    tmp_path, district, town, first, second, company, third
):
    """A list that puts each name first, a space, then the unit and posts (屠胜利　揭东区新亨镇党委
    委员、镇总工会主席) gives the posts as a chain would; a workshop's head after a company's union
    (…有限公司工会委员、注塑车间主任) is the company's, not the article's first enterprise's; a line
    with an occupation only names a person."""
    result = _build_text(
        tmp_path,
        f"{district}总工会表彰优秀工会工作者\n\n{district}人民医院工会等10个单位获评先进。\n\n"
        f"优秀工会工作者（3名）\n\n{first}　{district}{town}党委委员、镇总工会主席\n"
        f"{second}　{company}工会委员、注塑车间主任\n{third}　{district}环境卫生服务中心环卫工人\n",
    )
    posts = _posts(result)
    assert (first, "委员", f"{district}{town}党委") in posts, posts
    assert (first, "主席", f"{district}{town}总工会") in posts, posts
    assert (second, "车间主任", company) in posts, posts
    assert not any(p[0] == third for p in posts), posts
    assert third in _entities(result, "person")


@pytest.mark.parametrize(
    ("district", "chair", "section_head", "worker"),
    [
        ("云安区", "凤志伟", "寿明辉", "吉秀英"),
        ("南山区", "昌海涛", "麻丽萍", "印国华"),
    ],
    ids=["yunan", "nanshan"],
)
def test_a_symposium_with_section_heads_and_bare_town_unions(
    tmp_path, district, chair, section_head, worker
):
    """A bureau's section head (…劳动关系股股长) is a post in the bureau; 凤 and 昌 are surnames;
    企业工会主席和镇总工会负责人 names no one (和镇 before 总工会 is the towns' unions); 节后区总工会
    is the district's union after the holiday, no place 节后区; 一家电子厂 names no factory."""
    result = _build_text(
        tmp_path,
        f"{district}总工会召开座谈会\n\n本报讯（记者 栾思彤）来自全区的12名企业工会主席和镇总工会负责人"
        f"参加座谈。公司工会主席{chair}介绍了经验。区人力资源和社会保障局劳动关系股股长{section_head}"
        f"作了解读。节后区总工会将开展“春风送岗”活动。在{district}一家电子厂工作的{worker}说很满意。\n",
    )
    posts = _posts(result)
    assert (section_head, "股长", f"{district}人力资源和社会保障局") in posts, posts
    people = _entities(result, "person")
    assert chair in people and "和镇" not in people, people
    orgs = _entities(result, "org")
    assert not any("节后" in o or "一家" in o for o in orgs), orgs


@pytest.mark.parametrize(
    ("first", "first_city", "second", "second_city", "town", "names"),
    [
        ("海珠区", "广州市", "浈江区", "韶关市", "惠东县稔山镇", ("韩振宇", "费秋萍", "穆晓燕")),
        ("南山区", "深圳市", "端州区", "肇庆市", "饶平县三饶镇", ("庞志远", "饶美华", "鞠晓东")),
    ],
    ids=["haizhu", "nanshan"],
)
def test_a_roundup_reads_each_item_in_its_own_place(
    tmp_path, first, first_city, second, second_city, town, names
):
    """A roundup (工会动态: ■海珠区：…, ■浈江区：…) is read item by item: a bare 区总工会 or a town's
    镇党委 in an item is that item's place's, not the place the article names most, and what an
    item's statements report with no union named is its place's union's."""
    a, b, c = names
    short_town = town[3:]
    result = _build_text(
        tmp_path,
        "南方工报　2025年12月12日　第04版\n\n工会动态\n\n"
        f"■{first}：职工服务站揭牌\n\n本报讯（通讯员 蒋雨桐）12月9日，{first_city}{first}总工会举行"
        f"揭牌仪式。区人大常委会副主任、区总工会主席{a}为服务站揭牌。{first}总工会今年新建工会23家。\n\n"
        f"■{second}：“送健康”活动走进产业园\n\n本报讯（通讯员 俞佳琪）12月10日，{second_city}{second}"
        f"总工会举办活动。区人大常委会副主任、区总工会主席{b}到现场看望职工。今年以来，活动已走进企业46家。\n\n"
        f"■{town}：海上养殖工人入会\n\n本报讯（通讯员 顾海鸥）12月5日，{town}总工会开展入会活动。"
        f"{short_town}党委委员、镇总工会主席{c}为新会员发放会员卡。\n",
    )
    posts = _posts(result)
    assert (a, "主席", f"{first}总工会") in posts, posts
    assert (b, "主席", f"{second}总工会") in posts, posts
    assert (b, "副主任", f"{second}人大常委会") in posts, posts
    assert (c, "委员", f"{town}党委") in posts, posts
    assert not any(p[2].startswith(first) for p in posts if p[0] in (b, c)), posts
    by = {
        f.arg("quantity").value: f.arg("by").key
        for f in result.resolved.facts
        if f.kind == "achievement"
    }
    assert by.get(46) == f"{second}总工会", by


@pytest.mark.parametrize(
    ("guest", "host", "host_city", "reporter", "judge", "worker", "chair"),
    [
        ("贵州省毕节市", "天河区", "广州市", "沐子涵", "郄振东", "昂秀兰", "蹇立民"),
        ("广西壮族自治区百色市", "罗湖区", "深圳市", "鄞晓蕾", "苌志刚", "侍丽华", "冒国庆"),
    ],
    ids=["bijie", "baise"],
)
def test_a_visit_from_another_provinces_union(
    tmp_path, guest, host, host_city, reporter, judge, worker, chair
):
    """A guest city's union named first (贵州省毕节市…总工会主席X率…考察团) leaves the article
    the host's (its bare 区总工会 is the host district's); a dateline ending in 报道： names its
    reporters (羊城晚报讯　记者…、通讯员…报道：); 庭长 is a title; a worker named after an
    occupation before a quotation is a person (分拣员X说); rarer surnames (沐, 郄, 昂, 蹇, 鄞, 苌,
    侍, 冒)."""
    result = _build_text(
        tmp_path,
        f"{guest.removeprefix('贵州省').removeprefix('广西壮族自治区')}总工会考察团来{host}考察劳务协作\n\n"
        f"羊城晚报讯　记者胡晓蕾、通讯员{reporter}报道：11月12日，{guest}人大常委会副主任、市总工会主席"
        f"{chair}率考察团来到{host_city}{host}，区总工会党组书记、常务副主席左文斌陪同。人民法庭"
        f"庭长{judge}介绍了诉调对接工作。来自纳雍县的分拣员{worker}说：“在这里每个月能攒下钱。”\n",
    )
    people = _entities(result, "person")
    assert {reporter, judge, worker, chair} <= people, people
    posts = _posts(result)
    assert ("左文斌", "常务副主席", f"{host}总工会") in posts, posts
    reporters = {
        a.key
        for f in result.resolved.facts
        if f.kind == "article"
        for k, a in f.args
        if k == "reporter"
    }
    assert "胡晓蕾" in reporters, reporters


@pytest.mark.parametrize(
    ("union", "chair", "deputies", "auditor", "members", "women"),
    [
        (
            "东莞市寮步镇总工会",
            "姜海波",
            ("包振宇", "倪志坚"),
            "岳志强",
            ("云晓峰", "代秀英", "税丽娟"),
            ("毛丽娜", "蹇秋月"),
        ),
        (
            "中山市小榄镇总工会",
            "卢志明",
            ("韦丽芳", "莫国强"),
            "古文静",
            ("关晓东", "代建华", "税海燕"),
            ("黎美玲", "苌秋菊"),
        ),
    ],
    ids=["liaobu", "xiaolan"],
)
def test_an_announcement_of_election_results(
    tmp_path, union, chair, deputies, auditor, members, women
):
    """An announcement of an election's results lists its posts as 主　　席：X and its committees'
    members as lines of names under a heading (一、第三届委员会委员（15名…）); the names on such
    a line are split where the original has spaces (a surname the lists lack, 代 or 税, still
    names one); the posts are the union's the article names first; 常务副主席和副主席 names no
    one."""
    result = _build_text(
        tmp_path,
        f"{union}\n关于第三次会员代表大会选举结果的公告\n\n"
        f"{union}第三次会员代表大会于2025年11月20日召开。同日召开的第三届委员会第一次全体会议选举产生了"
        "主席、常务副主席和副主席。现将选举结果公告如下：\n\n"
        f"一、第三届委员会委员（3名，按姓氏笔画为序）\n\n{'　'.join(members)}\n\n"
        f"二、女职工委员会委员（2名）\n\n{'　'.join(women)}\n\n三、领导成员\n\n"
        f"主　　席：{chair}\n副 主 席：{deputies[0]}、{deputies[1]}（兼职）\n"
        f"经费审查委员会主任：{auditor}\n",
    )
    posts = _posts(result)
    assert (chair, "主席", union) in posts, posts
    assert {(d, "副主席", union) for d in deputies} <= posts, posts
    assert (auditor, "主任", f"{union}经费审查委员会") in posts, posts
    assert {(m, "委员", union) for m in members} <= posts, posts
    assert {(w, "委员", f"{union}女职工委员会") for w in women} <= posts, posts
    assert "和副" not in _entities(result, "person")


@pytest.mark.parametrize(
    ("district", "town", "federation", "macau"),
    [
        ("罗湖区", "坦洲镇", "香港工会联合会", "澳门工会联合总会"),
        ("福田区", "三乡镇", "香港工会联合会", "澳门工会联合总会"),
    ],
    ids=["luohu", "futian"],
)
def test_a_places_union_federation_and_a_year_before_a_town_union(
    tmp_path, district, town, federation, macau
):
    """香港工会联合会 is not 香港's 总工会 (its 工会 starts a longer name), and 明年镇总工会将…
    names no town 明年镇 (the union of the town the report is about, next year)."""
    result = _build_text(
        tmp_path,
        f"{district}总工会与港澳工会组织签署合作备忘录\n\n本报讯（记者 栾思彤）会上，{district}总工会分别与"
        f"{federation}（以下简称“香港工联会”）、{macau}签署职工服务合作备忘录。{town}总工会主席"
        f"鞠晓东表示，明年镇总工会将新建驿站3个。\n",
    )
    orgs = _entities(result, "org")
    assert not any("特别行政区" in o or "明年" in o for o in orgs), orgs


@pytest.mark.parametrize(
    ("first", "second", "chair", "deputy"),
    [("龙川县", "惠城区", "蔡文辉", "冼晓霞"), ("紫金县", "榕城区", "卓海平", "温丽娜")],
    ids=["longchuan", "rongcheng"],
)
def test_an_election_list_in_a_roundups_item_is_that_items_union(
    tmp_path, first, second, chair, deputy
):
    """A roundup's item that lists an election's results (主　　席：X) gives the posts in the
    union the item names, not the one the whole article names first (found on an unseen web
    roundup, /tmp/final19)."""
    result = _build_text(
        tmp_path,
        "工会动态丨一周速览\n\n"
        f"■{first}：招聘会暖人心\n{first}总工会举办“春风送岗”专场招聘会，提供岗位1,850个。\n\n"
        f"■{second}：区总工会委员会选举结果\n3月15日，{second}总工会第十一次代表大会闭幕。大会选举产生了"
        f"新一届委员会，选举结果如下：\n主　　席：{chair}\n常务副主席：{deputy}\n",
    )
    posts = _posts(result)
    assert (chair, "主席", f"{second}总工会") in posts, posts
    assert (deputy, "常务副主席", f"{second}总工会") in posts, posts


@pytest.mark.parametrize(
    ("county", "first", "second"),
    [("新丰县", "解放", "富强"), ("翁源县", "向前", "常青")],
    ids=["xinfeng", "wengyuan"],
)
def test_a_two_character_name_that_is_a_word(tmp_path, county, first, second):
    """A name that is also a word (解放, 富强) is read where it stands alone between a title and a
    stop; a title's verb (书记强调，) or noun (会长单位，) is no name."""
    result = _build_text(
        tmp_path,
        f"{county}总工会召开座谈会\n\n本报讯（记者 栾思彤）县人大常委会副主任、县总工会主席{first}，"
        f"市总工会组织部部长{second}，县委常委王志强出席会议。县委书记强调，要关心职工。县企业联合会是会长单位，"
        "负责协调。\n",
    )
    posts = _posts(result)
    assert (first, "主席", f"{county}总工会") in posts, posts
    assert (first, "副主任", f"{county}人大常委会") in posts, posts
    assert any(p[0] == second and p[1] == "部长" for p in posts), posts
    people = _entities(result, "person")
    assert not {"强调", "单位"} & people, people


_DECKED = """{paper}2026年{month}月{day}日　星期三　第03版　县区新闻

{county}总工会召开第{n}次代表大会
{name}当选县总工会主席

本报讯（记者 {reporter} 通讯员 {corr}）{month}月{day}日，{county}总工会第{n}次代表大会召开。大会选举{name}为县总工会主席。
全县已建成工会驿站{stations}个，服务户外劳动者{served}人次。
"""

_WEB_DECKED = """当前位置：首页 > 工会动态 > 基层风采
字号：大 中 小　　打印本页　　关闭窗口
浏览量：{views}

{district}总工会启动“{brand}”技能提升行动
今年培育区级工匠{n}名

发布时间：2026-05-22 15:30　来源：{paper}
本报讯（记者 {reporter}）5月20日，{district}总工会召开“{brand}”技能提升行动启动会。今年全区将培育区级工匠{n}名以上。
"""


@pytest.mark.parametrize(
    ("fields", "headline", "deck"),
    [
        (
            dict(
                paper="梅州日报",
                month=6,
                day=18,
                county="大埔县",
                n="十",
                name="邱振华",
                reporter="钟晓岚",
                corr="罗思敏",
                stations=42,
                served="3.6万",
            ),
            "大埔县总工会召开第十次代表大会",
            "邱振华当选县总工会主席",
        ),
        (
            dict(
                paper="揭阳日报",
                month=9,
                day=3,
                county="惠来县",
                n="九",
                name="方丽琴",
                reporter="林泽宇",
                corr="陈晓彤",
                stations=17,
                served="8,600",
            ),
            "惠来县总工会召开第九次代表大会",
            "方丽琴当选县总工会主席",
        ),
    ],
)
def test_a_page_header_is_no_headline_and_the_line_under_the_headline_is_its_deck(
    tmp_path, fields, headline, deck
):
    """A newspaper page's header (paper, date, page) is the page's line, not the headline;
    of the report's two title lines the first is the headline and the second its deck
    (schema:alternativeHeadline); the deck's own figures are not read twice."""
    result = _build_text(tmp_path, _DECKED.format(**fields))
    args = _article(result).args
    assert ("headline", headline) in args
    assert ("deck", deck) in args
    stations = [
        f
        for f in result.resolved.facts
        if f.kind == "achievement" and f.arg("quantity").value == fields["stations"]
    ]
    assert len(stations) == 1
    ttl = result.graph.serialize(format="turtle")
    assert f'schema:alternativeHeadline "{deck}"@zh' in ttl


@pytest.mark.parametrize(
    ("fields", "headline", "deck"),
    [
        (
            dict(
                views=2856,
                district="蓬江区",
                brand="匠心蓬江",
                n=50,
                paper="江门日报",
                reporter="司马雨桐",
            ),
            "蓬江区总工会启动“匠心蓬江”技能提升行动",
            "今年培育区级工匠50名",
        ),
        (
            dict(
                views=913,
                district="南沙区",
                brand="南沙匠星",
                n=35,
                paper="广州日报",
                reporter="欧阳晓岚",
            ),
            "南沙区总工会启动“南沙匠星”技能提升行动",
            "今年培育区级工匠35名",
        ),
    ],
)
def test_a_web_pages_counter_and_buttons_are_no_headline(tmp_path, fields, headline, deck):
    """A saved web page's breadcrumb, 字号/打印本页/关闭窗口 buttons and 浏览量 counter are page
    furniture (junk), not the headline nor part of its block; the title's deck line is its
    deck, and the target it states is read once, from the body."""
    result = _build_text(tmp_path, _WEB_DECKED.format(**fields))
    args = _article(result).args
    assert ("headline", headline) in args and ("deck", deck) in args
    assert [f.arg("quantity").value for f in result.resolved.facts if f.kind == "target"] == [
        fields["n"]
    ]


def test_a_dash_line_after_the_headline_is_its_deck_without_a_byline(tmp_path):
    """A feature with no byline: the first title line is the headline, a line under it that
    starts with a dash (——访…) is its deck, and the body's first line is neither."""
    text = (
        "让山区职工有个温暖的家\n——访连山县总工会主席莫晓岚\n"
        "近年来，县总工会建成职工之家36个。莫晓岚说，明年将再建10个。\n"
    )
    args = _article(_build_text(tmp_path, text)).args
    assert ("headline", "让山区职工有个温暖的家") in args
    assert ("deck", "——访连山县总工会主席莫晓岚") in args
    assert sum(role == "deck" for role, _ in args) == 1


_SITE_PAGE = """{site}
首页 > 工作动态 > 正文

{title}
{deck}

发布时间：2025-01-09 16:20　来源：{site}

1月8日，{site}召开工作会议。会上通报，全年接听来电{calls}个。
"""


@pytest.mark.parametrize(
    ("site", "title", "deck", "calls"),
    [
        (
            "河源市源城区总工会",
            "源城区职工服务热线年度运行报告发布",
            "全年接听来电8,652个",
            "8,652",
        ),
        (
            "湛江市麻章区总工会",
            "麻章区职工服务热线年度运行报告发布",
            "全年接听来电3,127个",
            "3,127",
        ),
    ],
)
def test_a_sites_name_is_no_headline_and_its_metadata_line_ends_the_title_block(
    tmp_path, site, title, deck, calls
):
    """A web page with no byline: the site's name above its breadcrumb is not the headline;
    the title lines just above the 发布时间： line are the headline and its deck."""
    args = _article(_build_text(tmp_path, _SITE_PAGE.format(**locals()))).args
    assert ("headline", title) in args and ("deck", deck) in args


@pytest.mark.parametrize(
    ("top", "headline"),
    [
        (
            "江门日报　2025年5月6日　星期二　第A05版　人物\n【劳动者之歌】\n"
            "敖志诚：在毫厘之间“磨”出金牌技师\n本报记者 骆慧贞　通讯员 关颖欣\n",
            "敖志诚：在毫厘之间“磨”出金牌技师",
        ),
        (
            "阳江市总工会文件\n\n阳总工〔2025〕47号\n\n"
            "阳江市总工会关于西门振华等同志职务任免的通知\n\n各县（市、区）总工会：\n",
            "阳江市总工会关于西门振华等同志职务任免的通知",
        ),
        (
            "点击上方蓝字　关注我们\n\n金湾首家商务楼宇联合工会成立！33家企业612名职工有了“娘家”\n\n"
            "原创　金湾工会\n2025年8月22日 18:05　广东\n",
            "金湾首家商务楼宇联合工会成立！33家企业612名职工有了“娘家”",
        ),
    ],
    ids=["column", "letterhead", "wechat"],
)
def test_a_column_a_letterhead_and_a_follow_button_are_no_headline(tmp_path, top, headline):
    """A column's name in brackets, a notice's letterhead (…文件) and number (〔2025〕47号),
    and WeChat's 点击上方蓝字 line are the page's, not the headline; a title that quotes a
    person (敖志诚：…) above the byline is the headline, not an answer."""
    text = top + "近日，市总工会召开会议，部署全年工作。\n"
    assert ("headline", headline) in _article(_build_text(tmp_path, text)).args


_COUNTY_UNITS = """{county}总工会开展消费帮扶活动

本报讯（记者 {reporter}）11月6日，{county}总工会召开消费帮扶对接会。县人民医院、县供电局等12家单位工会与6家合作社签订采购协议。县人民医院工会主席{chair}说，职工们很欢迎。
会上，县{trade}行业工会联合会主席{head}介绍了行业建会情况。{town}镇总工会组建{town}镇{trade2}行业联合工会，由{boss}兼任联合工会主席。
"""


@pytest.mark.parametrize(
    "fields",
    [
        dict(
            county="德庆县",
            reporter="钟晓岚",
            chair="邝美仪",
            trade="交通运输",
            head="麦志坚",
            town="官圩",
            trade2="贡柑种植",
            boss="梁国华",
        ),
        dict(
            county="连平县",
            reporter="罗思敏",
            chair="曾丽君",
            trade="快递物流",
            head="赖振华",
            town="忠信",
            trade2="花灯制作",
            boss="谢永明",
        ),
    ],
)
def test_a_bare_county_names_its_hospital_power_bureau_and_trade_unions(tmp_path, fields):
    """After a bare 县 (the article's county), 人民医院 and 供电局 are the county's; so is a
    trade's union federation (县交通运输行业工会联合会), and a town's joint union of a trade
    (官圩镇贡柑种植行业联合工会) is the town's in the county; their chairmen's posts are there."""
    county, town = fields["county"], fields["town"]
    result = _build_text(tmp_path, _COUNTY_UNITS.format(**fields))
    orgs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "org"}
    federation = f"{county}{fields['trade']}行业工会联合会"
    joint = f"{county}{town}镇{fields['trade2']}行业联合工会"
    assert {f"{county}人民医院", f"{county}供电局", federation, joint} <= orgs
    posts = _posts(result)
    assert (fields["chair"], "主席", f"{county}人民医院工会") in posts
    assert (fields["head"], "主席", federation) in posts


@pytest.mark.parametrize("word", ["市场监管", "市民服务", "县城物流"])
def test_a_word_the_level_starts_is_no_bare_place(tmp_path, word):
    """市场, 市民, 县城 are words, not the article's city or county: 市场监管联合工会 is no
    union of the city's."""
    text = f"湛江市总工会召开会议\n\n近日，{word}联合工会成立，湛江市总工会主席黄振华出席。\n"
    orgs = {e.ref.key for e in _build_text(tmp_path, text).resolved.entities if e.ref.kind == "org"}
    assert not any(word[1:] in o for o in orgs)


_VISIT = """深汕工会对口帮扶协作交流签约

本报讯（记者 {reporter}）12月17日，{guest}市总工会党组书记、常务副主席{leader}率{guest}市总工会考察团到我市开展工会对口帮扶协作交流。汕尾市委常委、统战部部长{host}，市总工会党组书记、常务副主席{chair}，城区区委副书记{deputy}，城区人大常委会副主任、区总工会主席{district}陪同考察。
“深圳师傅讲得实在，回去就能用。”包装工{worker}说。
签约仪式上，{guest}市总工会与城区总工会签署结对帮扶协议。
"""


@pytest.mark.parametrize(
    "fields",
    [
        dict(
            guest="深圳",
            reporter="孙悦",
            leader="甘立强",
            host="彭少雄",
            chair="吕惠珍",
            deputy="蔡俊辉",
            district="余丽萍",
            worker="许秀娥",
        ),
        dict(
            guest="广州",
            reporter="林晓彤",
            leader="黎志明",
            host="陈国栋",
            chair="钟美华",
            deputy="刘振宇",
            district="黄丽娟",
            worker="罗翠英",
        ),
    ],
)
def test_a_guest_city_visiting_our_city_and_the_district_named_城区(tmp_path, fields):
    """The bodies named before 到我市 are the guests': the article's city is the next one
    (汕尾), so 市总工会 is 汕尾市总工会; in 汕尾 the district called 城区 names its bodies with the
    word alone (城区区委, 城区人大常委会, 区总工会 after it, 城区总工会); a 包装工 before 说 is a
    person."""
    result = _build_text(tmp_path, _VISIT.format(**fields))
    posts = _posts(result)
    assert (fields["chair"], "常务副主席", "汕尾市总工会") in posts
    assert (fields["deputy"], "副书记", "汕尾市城区区委") in posts
    assert (fields["district"], "副主任", "汕尾市城区人大常委会") in posts
    assert (fields["district"], "主席", "汕尾市城区总工会") in posts
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert fields["worker"] in people


def test_城区_is_a_word_in_another_city(tmp_path):
    """Outside 汕尾, 城区 is the urban area: 城区总工会 names no district's union."""
    text = "湛江市总工会召开会议\n\n近日，城区总工会主席黄振华介绍了工作。\n"
    orgs = {e.ref.key for e in _build_text(tmp_path, text).resolved.entities if e.ref.kind == "org"}
    assert not any("城区" in o for o in orgs)


_NOTICE_AND_RESULTS = """{app}+记者 {reporter}　通讯员 {corr}

{town}镇第三届职工运动会落幕

开幕式上，{city}市总工会副主席{vice}，{town}镇党委副书记{party}，镇党委委员、镇总工会主席{chair}出席，还有区政协委员{member}到场。
定点投篮：第一名　{winner}（{city}市联达电器有限公司）
趣味跳绳：第一名　{second}（{city}市{town}镇中心小学）、{third}（{city}市华顺五金制品有限公司）
拔河：第一名　{city}市华顺五金制品有限公司代表队
附件：入选人员名单
{listed}　{city}市滨海石化有限公司副主任（全国劳动模范）
联系人：市总工会办公室　{contact}，电话：0750-8888123；市劳动模范协会　{contact2}，电话：0750-8888124。
"""


@pytest.mark.parametrize(
    "fields",
    [
        dict(
            app="南方",
            reporter="韦晓宁",
            corr="符诗琪",
            town="共和",
            city="鹤山",
            vice="容志华",
            party="宋晓红",
            chair="谭文静",
            member="植慧玲",
            winner="黎振邦",
            second="吴桂英",
            third="何丽珍",
            listed="丁国华",
            contact="车志坚",
            contact2="卜凤霞",
        ),
        dict(
            app="羊城",
            reporter="欧阳敏",
            corr="麦嘉欣",
            town="沙坪",
            city="开平",
            vice="关志远",
            party="司徒颖",
            chair="梁晓红",
            member="邝文杰",
            winner="周志强",
            second="谢丽萍",
            third="冯秀兰",
            listed="胡建华",
            contact="张国良",
            contact2="伍美玲",
        ),
    ],
)
def test_an_apps_byline_a_towns_bare_party_committee_winners_lists_and_contacts(tmp_path, fields):
    """南方+记者 X is a byline; 镇党委委员 after the town's 党委 is that committee; 还有区政协委员
    is the district's 政协 (还有 names no place); a result's winners before their units in
    brackets are people (a team is not); a list line's trailing honour in brackets leaves its
    posts; the contact after ； with a phone number is a person."""
    result = _build_text(tmp_path, _NOTICE_AND_RESULTS.format(**fields))
    args = _article(result).args
    assert ("reporter", Ref("person", fields["reporter"])) in args
    assert ("correspondent", Ref("person", fields["corr"])) in args
    posts = _posts(result)
    city, town = fields["city"], fields["town"]
    assert (fields["chair"], "委员", f"{city}市{town}镇党委") in posts
    assert (fields["listed"], "副主任", f"{city}市滨海石化有限公司") in posts
    assert not any(org.startswith("还有") for _, _, org in posts)
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert {fields[k] for k in ("winner", "second", "third", "contact", "contact2")} <= people


_TABLE = """{county}总工会发放“金秋助学”助学金

本报讯（记者 {reporter}）8月26日，{county}总工会举行“金秋助学”助学金发放仪式，今年共资助困难职工子女{total}名。

附表

{county}“金秋助学”助学金发放情况表

序号　单位　受助人数（名）　金额（万元）
1　{town1}镇总工会　{n1}　{m1}
2　{town2}镇总工会　{n2}　{m2}

{paper}　　　　　　　　2025年第9期
3　县直机关工会　{n3}　{m3}
4　县工业园区工会联
合会　{n4}　{m4}
合计　　{total}　{msum}

报：{city}市总工会。
"""


@pytest.mark.parametrize(
    ("fields", "rows"),
    [
        (
            dict(
                county="乳源瑶族自治县",
                reporter="侯晓峰",
                total=40,
                town1="乳城",
                n1=15,
                m1="5.7",
                town2="桂头",
                n2=11,
                m2="4.1",
                paper="乳源工会简报",
                n3=7,
                m3="2.9",
                n4=7,
                m4="2.4",
                msum="15.1",
                city="韶关",
            ),
            {
                "乳城镇总工会": (15, 57000),
                "桂头镇总工会": (11, 41000),
                "县直机关工会": (7, 29000),
                "县工业园区工会联合会": (7, 24000),
            },
        ),
        (
            dict(
                county="连平县",
                reporter="赖思敏",
                total=31,
                town1="忠信",
                n1=9,
                m1="3.6",
                town2="隆街",
                n2=6,
                m2="2.2",
                paper="连平工会简报",
                n3=12,
                m3="4.8",
                n4=4,
                m4="1.5",
                msum="12.1",
                city="河源",
            ),
            {
                "忠信镇总工会": (9, 36000),
                "隆街镇总工会": (6, 22000),
                "县直机关工会": (12, 48000),
                "县工业园区工会联合会": (4, 15000),
            },
        ),
    ],
)
def test_a_flattened_tables_rows_are_figures_of_their_units(tmp_path, fields, rows):
    """A table copied as lines (heading with units in brackets, cells parted by ideographic
    spaces): each row's numbers are figures measured by its unit, in the heading's units
    (万元 -> 元), across a page's running header and a label broken over two lines; the 合计 row
    repeats the lead's figure and is not read again; 15　5.7 stays two numbers (not 155.7)."""
    result = _build_text(tmp_path, _TABLE.format(**fields))
    got: dict[str, list] = {}
    for f in result.resolved.facts:
        if f.kind == "achievement" and any(ev.rule == "table_row" for ev in f.evidence):
            q = f.arg("quantity")
            got.setdefault(f.arg("measure"), []).append((q.unit, q.value))
    expected = {k: sorted([("名", n), ("元", m)]) for k, (n, m) in rows.items()}
    assert {k: sorted(v) for k, v in got.items()} == expected
    totals = [
        f
        for f in result.resolved.facts
        if f.kind == "achievement" and f.arg("quantity").value == fields["total"]
    ]
    assert len(totals) == 1  # the lead's, not the 合计 row's


def test_a_line_of_cells_in_prose_is_no_table(tmp_path):
    """Three cells and a unit in brackets on a line of prose (a colon, a stop) make no table."""
    text = "市总工会召开会议\n\n会议通报：全市　新建工会（个）　36。\n1　乳城镇总工会　15　5.7\n"
    facts = _build_text(tmp_path, text).resolved.facts
    assert not any(ev.rule == "table_row" for f in facts for ev in f.evidence)


_WECHAT_NOTICE = """点击上方蓝字　关注我们

燃爆了！{town}镇第三届职工运动会圆满落幕，看看有没有你认识的TA→

{account}　2025年11月24日 18:05　广东

11月22日，{town}镇职工运动会开幕。{town}镇中心卫生院代表队获得拔河第三名。县直机关工会主席{chair}介绍，明年镇总工会将建成职工文体活动室6个。
企业今后每年将捐资不少于5万元，支持县总工会“金秋助学”。各区、县级市总工会要组建服务队。
"""


@pytest.mark.parametrize(
    ("town", "account", "chair", "county"),
    [("太平", "太平工会", "谭文静", "新兴县"), ("忠信", "忠信工会", "梁晓红", "连平县")],
)
def test_a_wechat_source_line_dates_the_post_and_bare_levels_after_verbs(
    tmp_path, town, account, chair, county
):
    """WeChat's source line (account, date, time, province) is not joined to the headline above
    it and dates the post (明年 -> 2026); a town's 中心卫生院 is an organization; 县直机关工会 is the
    county's; 支持县总工会 names no place 支持县 and 县级市总工会 no union of the city's."""
    text = _WECHAT_NOTICE.format(town=town, account=account, chair=chair)
    text = text.replace("11月22日，", f"11月22日，{county}")
    result = _build_text(tmp_path, text)
    args = dict(_article(result).args)
    assert args["date"] == "2025-11-24"
    assert args["headline"].startswith("燃爆了！")
    assert any(d == 2026 for _, d in _targets(result).values())
    orgs = {e.ref.key for e in result.resolved.entities if e.ref.kind == "org"}
    assert f"{county}{town}镇中心卫生院" in orgs
    assert not any(o.startswith(("支持", "县级")) for o in orgs)
    assert (chair, "主席", f"{county}直机关工会") in _posts(result)


_COLON_ROUNDUP = """我市各级工会开展“送温暖”活动

本报讯（记者 {reporter}）“送温暖”活动开展以来，全市各级工会走访慰问困难职工。
{d1}：区人大常委会副主任、区总工会主席{c1}带队走访慰问困难职工。全区共慰问困难职工412户。
{d2}：市人大常委会副主任、市总工会主席{c2}带队到镇里走访慰问。全市共慰问困难职工468户。
{d3}：县人大常委会副主任、县总工会主席{c3}带队走访慰问困难职工。县总工会共慰问困难职工238户。
"""


@pytest.mark.parametrize(
    ("fields", "unions"),
    [
        (
            dict(
                reporter="丘丽华",
                d1="梅江区",
                c1="池雪梅",
                d2="兴宁",
                c2="凌海清",
                d3="蕉岭",
                c3="赖冬梅",
            ),
            ("梅江区总工会", "兴宁市总工会", "蕉岭县总工会"),
        ),
        (
            dict(
                reporter="黄晓岚",
                d1="清城区",
                c1="邓美玲",
                d2="英德",
                c2="黎振华",
                d3="佛冈",
                c3="朱丽萍",
            ),
            ("清城区总工会", "英德市总工会", "佛冈县总工会"),
        ),
    ],
)
def test_a_roundup_of_paragraphs_opening_with_a_place_and_a_colon(tmp_path, fields, unions):
    """Paragraphs that open with a place and a colon (梅江区：…, 兴宁：…, 蕉岭：…, short forms
    included) are a roundup's items: each item's bare 区/市/县 bodies are its place's, and a
    county-level city's item (兴宁) has its own 市总工会."""
    posts = _posts(_build_text(tmp_path, _COLON_ROUNDUP.format(**fields)))
    for chair, union in zip((fields["c1"], fields["c2"], fields["c3"]), unions, strict=True):
        assert (chair, "主席", union) in posts


_NAME_TABLE = """{city}市总工会
关于{year}年{city}市五一劳动奖章拟表彰对象的公示

根据评选办法，经基层推荐、审核，拟表彰以下对象，现予公示。

序号　姓名　工作单位　职务
1　{n1}　{city}市华瑞精密模具有限公司　模具车间主任
2　{n2}　{city}市第三人民医院　重症医学科护士长
3　{n3}　{city}市迅达城市配送有限公司　快递员
4　{n4}　{city}市恒晟电子有限公司　高级技师

联系人：巫丽霞　　联系电话：0752-2389561
"""


@pytest.mark.parametrize(
    ("city", "year", "names"),
    [
        ("惠州", 2026, ("禤志恒", "曾丽珊", "韦国强", "缪建英")),
        ("江门", 2025, ("司徒健", "梁慧敏", "邝志远", "甄秀琴")),
    ],
)
def test_a_table_of_names_units_and_posts(tmp_path, city, year, names):
    """A table copied as lines with 姓名, 工作单位 and 职务 columns: each row's name holds its
    post in its unit (a workshop's post is its company's; a post the chain does not know, 快递员,
    is the column's as written); a grade of skill (高级技师) is no post."""
    text = _NAME_TABLE.format(
        city=city, year=year, n1=names[0], n2=names[1], n3=names[2], n4=names[3]
    )
    result = _build_text(tmp_path, text)
    posts = _posts(result)
    assert (names[0], "车间主任", f"{city}市华瑞精密模具有限公司") in posts
    assert (names[2], "快递员", f"{city}市迅达城市配送有限公司") in posts
    assert not any(p == names[3] for p, _, _ in posts)
    people = {e.ref.key for e in result.resolved.entities if e.ref.kind == "person"}
    assert set(names) <= people


@pytest.mark.parametrize(
    ("full", "short", "chair"),
    [
        ("中国铁路广州局集团有限公司", "广州局集团公司", "仝立军"),
        ("中国南方电网广东电网有限责任公司", "广东电网公司", "司马俊峰"),
    ],
)
def test_a_declared_short_name_is_the_full_ones(tmp_path, full, short, chair):
    """An organization's short name declared with 以下简称 (…有限公司（以下简称“广州局集团公司”）)
    names the full one wherever it is written, with its union and party committee after it;
    the words before a name found without them (中国铁路) are part of it."""
    text = (
        f"{short}召开表彰大会\n\n本报讯（记者 湛蓝）3月18日，{full}（以下简称“{short}”）召开"
        f"表彰大会。{short}党委常委、工会主席{chair}出席会议。{short}工会共表彰先进集体12个。\n"
    )
    posts = _posts(_build_text(tmp_path, text))
    assert (chair, "主席", f"{full}工会") in posts
    assert (chair, "常委", f"{full}党委") in posts


def _career(result) -> set[tuple[str, str, str]]:
    """Posts as the gold writes them: a post held before as 原+title."""
    return {
        (
            f.arg("person").key,
            ("原" if f.arg("status") == "former" else "") + f.arg("role").key,
            f.arg("org").key,
        )
        for f in result.resolved.facts
        if f.kind == "holds_post"
    }


@pytest.mark.parametrize(
    ("city", "county", "town", "other", "name"),
    [
        ("梅州市", "梅江区", "西阳镇", "梅县区", "向晓红"),
        ("韶关市", "武江区", "龙归镇", "曲江区", "尉迟敏"),
    ],
    ids=["meijiang", "wujiang"],
)
def test_a_profile_s_career_gives_former_posts_and_current_ones(
    tmp_path, city, county, town, other, name
):
    """向前，1975年出生…。她1997年参加工作，先后担任…镇团委书记、镇党委副书记，曾任…局长: posts
    held before (原+title), read after the verb with the person the sentence (她: the one the
    text is about) or the clause before names; 现任 gives the posts held now; 镇党委 after the
    town's 团委 is that town's."""
    result = _build_text(
        tmp_path,
        f"本报讯 {city}{county}总工会主席{name}深入企业走访。\n\n"
        f"{name}，1975年出生，{other}人，大学学历。她1997年参加工作，先后担任{other}{town}团委书记、"
        f"镇党委副书记，曾任{county}人力资源和社会保障局局长。2021年，她到区总工会任职，现任{county}"
        "人大常委会副主任、区总工会主席。\n",
    )
    assert _career(result) == {
        (name, "主席", f"{county}总工会"),
        (name, "原书记", f"{other}{town}团委"),
        (name, "原副书记", f"{other}{town}党委"),
        (name, "原局长", f"{county}人力资源和社会保障局"),
        (name, "副主任", f"{county}人大常委会"),
    }, _career(result)


@pytest.mark.parametrize(
    ("city", "company", "name", "workshop"),
    [
        ("开平市", "开平市恒泉水暖卫浴有限公司", "司徒艳芬", "抛光车间"),
        ("鹤山市", "鹤山市联达电器有限公司", "欧阳晓雯", "装配车间"),
    ],
    ids=["kaiping", "heshan"],
)
def test_once_held_posts_are_former_and_now_held_ones_current(
    tmp_path, city, company, name, workshop
):
    """…曾任公司抛光车间班长、质量管理部副部长，现任公司副总工程师、工会副主席，开平市总工会兼职
    副主席: 曾任's posts are held before (they were read as held now), 现任's and the chain after
    its clause held now."""
    result = _build_text(
        tmp_path,
        f"本报讯 {company}工会开展技能比武。{name}是{company}的技术骨干。\n\n"
        f"{name}曾任公司{workshop}班长、质量管理部副部长，现任公司副总工程师、工会副主席，"
        f"{city}总工会兼职副主席。\n",
    )
    assert _career(result) == {
        (name, "原班长", company),
        (name, "原副部长", company),
        (name, "副总工程师", company),
        (name, "副主席", f"{company}工会"),
        (name, "副主席", f"{city}总工会"),
    }, _career(result)


@pytest.mark.parametrize(
    ("city", "first", "second", "third"),
    [("阳江市", "伯赏丽娜", "窦国强", "郎振宇"), ("云浮市", "欧阳明珠", "巫马建军", "冼志坤")],
    ids=["yangjiang", "yunfu"],
)
def test_a_removal_and_the_former_chairman_are_posts_held_before(
    tmp_path, city, first, second, third
):
    """任命X同志为…，免去其…职务; 免去Y同志的…职务; 提名Z同志为…候选人，免去其…职务; 原工会主席…:
    the posts removed, and one written with 原, are held before; the appointment is held now."""
    result = _build_text(
        tmp_path,
        f"{city}总工会关于{first}等同志职务任免的通知\n\n"
        f"一、任命{first}同志为{city}总工会权益保障部副部长，免去其{city}总工会办公室副主任职务。"
        f"\n二、免去{second}同志的{city}工人文化宫主任职务，按规定办理退休手续。\n"
        f"三、提名{third}同志为{city}总工会主席候选人，免去其{city}总工会组织部部长职务。\n"
        f"{city}总工会原主席蔡丽华出席会议。\n",
    )
    assert _career(result) == {
        (first, "副部长", f"{city}总工会权益保障部"),
        (first, "原副主任", f"{city}总工会办公室"),
        (second, "原主任", f"{city}工人文化宫"),
        (third, "原部长", f"{city}总工会组织部"),
        ("蔡丽华", "原主席", f"{city}总工会"),
    }, _career(result)


@pytest.mark.parametrize(
    ("city", "county", "a", "b", "c", "d"),
    [
        ("河源市", "龙川县", "钟志坚", "廖美凤", "陶秋云", "谢文韬"),
        ("汕尾市", "海丰县", "庄志远", "蔡美玲", "卓秋菊", "詹文博"),
    ],
    ids=["heyuan", "shanwei"],
)
def test_an_appointment_meeting_s_removals_ranks_and_secondments(
    tmp_path, city, county, a, b, c, d
):
    """hw28: 任命钟志坚为…部长，免去其…职务 (其: the one 任命 names, not yet known); 廖美凤同志
    不再担任…机关工会主席职务 (同志 before the verb, 职务 after the chain); 陶秋云晋升为…四级调研员;
    选派谢文韬到龙川县总工会挂职副主席; 宣布市总工会… names no body 宣布市总工会; 组织和宣传教育部
    and 机关工会 are a city union's."""
    result = _build_text(
        tmp_path,
        f"本报讯 3月17日，{city}总工会召开机关干部大会，宣布市总工会党组干部任免决定。\n\n"
        f"任命{a}为市总工会组织和宣传教育部部长，免去其市总工会办公室副主任职务；\n"
        f"{b}同志不再担任市总工会机关工会主席职务。\n\n"
        f"会议还宣布：{c}晋升为市总工会四级调研员；选派{d}到{county}总工会挂职副主席，挂职期一年。\n",
    )
    assert _career(result) == {
        (a, "部长", f"{city}总工会组织和宣传教育部"),
        (a, "原副主任", f"{city}总工会办公室"),
        (b, "原主席", f"{city}总工会机关工会"),
        (c, "四级调研员", f"{city}总工会"),
        (d, "副主席", f"{county}总工会"),
    }, _career(result)
    assert not [o for o in _entities(result, "org") if o.startswith("宣布")]


@pytest.mark.parametrize(
    ("county", "town", "other", "name", "fruit"),
    [
        ("郁南县", "千官镇", "连滩镇", "冯月娥", "无核黄皮"),
        ("新兴县", "六祖镇", "簕竹镇", "谢玉娥", "凉果加工"),
    ],
    ids=["yunan", "xinxing"],
)
def test_a_commendation_list_s_units_and_their_unions(tmp_path, county, town, other, name, fruit):
    """hw28: 冯月娥　…专职副主席 (jieba's word is 冯月: the space ends the name); a bureau's and a
    town government's own union (…交通运输局工会, …镇人民政府工会); a town's industry union
    federation (…产业工会联合会); 经各镇总工会推荐 names no town 各镇."""
    result = _build_text(
        tmp_path,
        f"{county}总工会关于表彰2025年度全县工会工作先进集体和先进个人的决定\n\n"
        f"经各镇总工会和县直各基层工会推荐、县总工会审核，县总工会决定予以表彰。\n\n"
        f"{name}　{county}{town}总工会专职副主席\n"
        f"容秀莲　{county}交通运输局工会主席\n"
        f"邱志强　{county}{other}人民政府工会委员\n"
        f"江丽清　{county}{town}{fruit}产业工会联合会主席\n",
    )
    assert _posts(result) == {
        (name, "副主席", f"{county}{town}总工会"),
        ("容秀莲", "主席", f"{county}交通运输局工会"),
        ("邱志强", "委员", f"{county}{other}人民政府工会"),
        ("江丽清", "主席", f"{county}{town}{fruit}产业工会联合会"),
    }, _posts(result)
    assert not [o for o in _entities(result, "org") if "各镇" in o]


@pytest.mark.parametrize(
    ("city", "county", "program", "split", "whole"),
    [
        ("清远市", "英德市", "金秋助学", "金禾火助学", "职工"),
        ("韶关市", "乐昌市", "秋日助学", "禾火日助学", "职工"),
    ],
    ids=["yingde", "lechang"],
)
def test_ocr_s_split_characters_variants_and_misread_yuan(
    tmp_path, city, county, program, split, whole
):
    """hw28: a scanned yearbook's 纟且织建设, 慰问困难耳只工, “金禾火助学”: characters OCR printed
    as their halves (kg/data/ocr_split_chars.tsv) are made whole; 英徳市 is 英德市 (徳 is never
    printed in Chinese news); 38.4万兀 is 38.4万元."""
    county_ocr = county.replace("德", "徳")
    result = _build_text(
        tmp_path,
        f"{county}总工会\n\n【纟且织建设】全年新建基层工会42个。\n\n【维权服务】元旦春节期间，"
        f"{county_ocr}总工会慰问困难耳只工586户，发送慰问金38.4万兀。开展“{split}”活动，资助困难"
        "职工子女112名。\n",
    )
    assert program in _entities(result, "program"), _entities(result, "program")
    assert f"{county}总工会" in _entities(result, "org")
    assert not [o for o in _entities(result, "org") if "徳" in o]
    money = {f.arg("quantity").unit for f in result.resolved.facts if f.kind == "achievement"}
    assert "元" in money and "兀" not in money, money
    measures = _measures(result)
    assert measures[Decimal("586")] and "耳只" not in measures[Decimal("586")], measures


@pytest.mark.parametrize(
    ("city", "age", "days"),
    [("河源市", "35", "5"), ("梅州市", "40", "7")],
    ids=["heyuan", "meizhou"],
)
def test_page_links_age_bounds_and_working_days_give_no_figures(tmp_path, city, age, days):
    """hw28: 【下一篇】我市举办…“春风行动”… is a link to another page, no program; 年内实现机关
    35岁以下干部…全覆盖 counts whom, no target of 35 岁; 为期5个工作日的公示 is a duration."""
    result = _build_text(
        tmp_path,
        f"{city}总工会召开机关干部大会\n\n本报讯 3月17日，{city}总工会召开机关干部大会。会前，"
        f"市总工会党组已对拟任人选进行了为期{days}个工作日的任前公示。今年，市总工会计划选派年轻"
        f"干部不少于10名，年内实现机关{age}岁以下干部基层历练全覆盖。\n\n"
        "【下一篇】我市举办2026年“春风行动”工会专场招聘会\n",
    )
    assert "春风行动" not in _entities(result, "program")
    targets = _targets(result)
    assert Decimal("10") in targets and Decimal(age) not in targets, targets
    assert Decimal(days) not in targets and Decimal(days) not in _measures(result)


@pytest.mark.parametrize(
    ("county", "chair", "party", "vices", "old", "new"),
    [
        ("英德市", "罗子健", "朱敏华", ("邓建安", "黄丽萍"), "何志诚", "莫少芬"),
        ("连州市", "韦振国", "卢婉清", ("邝志明", "温秀梅"), "钟伟强", "黎嘉欣"),
    ],
    ids=["yingde", "lianzhou"],
)
def test_a_yearbook_entry_s_roster(tmp_path, county, chair, party, vices, old, new):
    """hw28: 【领导成员】 under a yearbook entry (英德市总工会): each line titles then names split by
    spaces, in the body the entry's title line names; （至2024年5月） a post held before, （市人大
    常委会副主任兼） a post held besides; the lines are read as the roster only."""
    a, b = vices
    result = _build_text(
        tmp_path,
        f"{county}总工会\n\n【概况】2024年，{county}总工会坚持以职工为中心。截至年底，全市有基层工会组织"
        "1,286个。\n\n【领导成员】\n"
        f"主　　席　{chair}（市人大常委会副主任兼）\n"
        f"党组书记、常务副主席　{party}\n"
        f"党组成员、副主席　{a}　{b}（2024年6月任）\n"
        f"经费审查委员会主任　{old}（至2024年5月）　{new}（2024年5月任）\n",
    )
    union = f"{county}总工会"
    assert _career(result) == {
        (chair, "主席", union),
        (chair, "副主任", f"{county}人大常委会"),
        (party, "党组书记", union),
        (party, "常务副主席", union),
        (a, "党组成员", union),
        (a, "副主席", union),
        (b, "党组成员", union),
        (b, "副主席", union),
        (old, "原主任", f"{union}经费审查委员会"),
        (new, "主任", f"{union}经费审查委员会"),
    }, _career(result)


@pytest.mark.parametrize(
    ("city", "district", "company", "head", "a", "b", "c"),
    [
        ("湛江市", "霞山区", "湛江蓝港水产集团有限公司", "庄雅琴", "许丽芳", "洪晓雯", "宋美华"),
        ("茂名市", "茂南区", "茂名南海石化机械有限公司", "柯婉仪", "梁碧霞", "冼慧敏", "邓秋萍"),
    ],
    ids=["zhanjiang", "maoming"],
)
def test_a_committee_s_deputies_each_named_after_their_own_posts(
    tmp_path, city, district, company, head, a, b, c
):
    """hw28: 市总女职委 is the city union's 女职工委员会 (市总 then its committee, one name);
    副主任由A、B和C担任 with each name after its own chain: each is a 副主任 of the committee, and
    keeps the posts its chain gives."""
    result = _build_text(
        tmp_path,
        f"本报讯 {city}总工会女职工委员会（以下简称“市总女职委”）现有委员25名。市总工会党组成员、"
        f"副主席，市总女职委主任{head}介绍，市总女职委副主任由市总工会女职工部部长{a}、{district}"
        f"总工会党组书记、常务副主席{b}和{company}工会主席{c}担任。\n",
    )
    committee = f"{city}总工会女职工委员会"
    assert _posts(result) == {
        (head, "党组成员", f"{city}总工会"),
        (head, "副主席", f"{city}总工会"),
        (head, "主任", committee),
        (a, "部长", f"{city}总工会女职工部"),
        (a, "副主任", committee),
        (b, "党组书记", f"{district}总工会"),
        (b, "常务副主席", f"{district}总工会"),
        (b, "副主任", committee),
        (c, "主席", f"{company}工会"),
        (c, "副主任", committee),
    }, _posts(result)


@pytest.mark.parametrize(
    ("district", "rider", "driver", "trucker", "worker", "company"),
    [
        ("白云区", "方晓雯", "马国庆", "田志勇", "谭锦鹏", "佛山市顺德区金岸五金制品有限公司"),
        ("番禺区", "姚丽君", "韦建华", "蒙志伟", "黎振东", "佛山市南海区恒力机械制造有限公司"),
    ],
    ids=["baiyun", "panyu"],
)
def test_people_named_after_who_they_are(
    tmp_path, district, rider, driver, trucker, worker, company
):
    """hw28: 女骑手方晓雯是…, 网约车司机马国庆在… (a role right before a full name, the sentence
    going on about them), 开了十多年货车的田志勇则说 (an adverb before 说), …冲压车间冲压工谭锦鹏说
    (a trade's worker, …工); not 职工龙舟赛在… or 由职工来评判 (a group), 环卫工赵阿姨 (a term of
    address), 工会委员都会帮忙 (都 an adverb)."""
    result = _build_text(
        tmp_path,
        f"本报讯 {district}总工会开展新就业形态劳动者集中入会活动。\n\n“95后”女骑手{rider}是站点工会"
        f"委员，负责收集骑手们的意见。网约车司机{driver}在车友群里的昵称叫“白云老炮”。开了十多年货车的"
        f"{trucker}则说，他最关心的是工会的法律援助。职工代表、{company}冲压车间冲压工{worker}说：“明年"
        "每个月能多拿一百多块。”\n\n“有事就在群里喊一声，站长和工会委员都会帮忙。”环卫工赵阿姨说。"
        "职工龙舟赛在河边举行，好不好要由职工来评判。\n",
    )
    people = _entities(result, "person")
    assert {rider, driver, trucker, worker} <= people, people
    assert not people & {"赵阿姨", "都会", "龙舟赛", "来评判"}, people


@pytest.mark.parametrize(
    ("city", "name", "program"),
    [
        ("英德市", "李振华", "百县千镇万村高质量发展工程"),
        ("化州市", "陈伟雄", "乡村振兴示范带建设工程"),
    ],
    ids=["yingde", "huazhou"],
)
def test_the_last_term_s_chairman_and_a_quoted_name_before_zhong(tmp_path, city, name, program):
    """上届市总工会主席、市政协委员李振华: the term before's 主席 is a post held before, the 委员 held
    now; 在推进“百县千镇万村高质量发展工程”中建功立业: a quoted name ending in its kind is whole (中…
    says where, it was read into the name)."""
    result = _build_text(
        tmp_path,
        f"本报讯 {city}总工会团结动员全市广大职工在推进“{program}”中建功立业。大会由上届市总工会主席、"
        f"市政协委员{name}主持。\n",
    )
    assert _career(result) == {(name, "原主席", f"{city}总工会"), (name, "委员", f"{city}政协")}
    assert _entities(result, "program") == {program}, _entities(result, "program")


@pytest.mark.parametrize(
    ("county", "school", "hospital", "company"),
    [
        ("郁南县", "郁南县都城镇第一小学", "郁南县人民医院", "郁南县城乡供水有限公司"),
        ("封开县", "封开县江口镇中心小学", "封开县人民医院", "封开县自来水有限公司"),
    ],
    ids=["yunan", "fengkai"],
)
def test_a_winners_list_line_s_trade_is_a_post(tmp_path, county, school, hospital, company):
    """hw28: 麦丽珍　郁南县人民医院护士, 欧启明　…有限公司抄表员, 吴静　…第一小学教师: a winners'
    list line's trade after its unit is the post it names (the conventions since hw19); a unit
    with nothing a trade after it gives the person alone."""
    result = _build_text(
        tmp_path,
        f"{county}总工会关于表彰2025年度优秀工会积极分子的决定\n\n授予麦丽珍等4名同志“优秀工会积极分子”"
        f"称号。\n\n麦丽珍　{hospital}护士\n欧启明　{company}抄表员\n吴　静　{school}教师\n"
        f"黎振华　{company}\n",
    )
    assert _posts(result) == {
        ("麦丽珍", "护士", hospital),
        ("欧启明", "抄表员", company),
        ("吴静", "教师", school),
    }, _posts(result)
    assert "黎振华" in _entities(result, "person")
