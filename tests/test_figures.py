"""Programs, targets and achievements: gold floors, altered articles, typed numbers, shapes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.draw import graph_to_view
from kg.evaluate import Score, evaluate, report
from kg.pipeline import build
from kg.query import run_query
from kg.records import Quantity, Ref
from kg.validate import validate
from tests.conftest import GOLD, SEEDS


def _facts(result, kind):
    return [f for f in result.resolved.facts if f.kind == kind]


def _scores(result):
    scores, _ = evaluate(
        result.resolved, json.loads((GOLD / "facts.json").read_text(encoding="utf-8"))
    )
    print(report(scores))
    return scores


def _assert_fact_floors(scores) -> None:
    """The issue's floors: each fact kind at >= 0.9 precision and recall, all together >= 0.95."""
    kinds = ("programs", "targets", "achievements")
    for kind in kinds:
        assert scores[kind].precision >= 0.9 and scores[kind].recall >= 0.9, kind
    total = Score(*(sum(getattr(scores[k], a) for k in kinds) for a in ("tp", "fp", "fn")))
    assert total.precision >= 0.95 and total.recall >= 0.95


def test_seed_facts_at_floor(seed_build):
    _assert_fact_floors(_scores(seed_build))


def test_seed_achievement_periods_at_floor(seed_build):
    """The period each achievement is credited to (五年来, 去年, 2024年, 自…以来), against the
    gold: 0.79 precision and 0.81 recall before relative years (去年, 今年以来) were read, 0.93/0.95
    before 每年."""
    s = _scores(seed_build)["periods"]
    assert s.precision >= 0.95 and s.recall >= 0.95, s


def test_three_targets_from_one_sentence(seed_build):
    targets = {
        (
            f.arg("what"),
            f.arg("quantity").value,
            f.arg("quantity").qualifier,
            f.arg("deadline"),
            f.arg("set_by"),
        )
        for f in _facts(seed_build, "target")
    }
    for what, value in (("大国工匠", 50), ("南粤工匠", 500), ("市级工匠", 3000)):
        assert (what, value, "左右", 2029, Ref("org", "广东省总工会")) in targets


def test_achievement_numbers_units_qualifiers(seed_build):
    got = {
        (f.arg("quantity").value, f.arg("quantity").unit, f.arg("quantity").qualifier)
        for f in _facts(seed_build, "achievement")
    }
    assert {
        (119, "家", ""),
        (141, "个", ""),
        (48, "场次", ""),
        (2000, "人次", "近"),
        (6_000_000, "元", "超"),
    } <= got
    assert (51_560_300, "元", "") in got and (210_600, "名", "") in got
    growth = [f for f in _facts(seed_build, "achievement") if isinstance(f.arg("growth"), Quantity)]
    assert {f.arg("growth").value for f in growth} == {108, 66.6}
    assert {f.arg("quantity").value for f in growth} == {26_000, 50_000_000}


def test_program_forms_merge_across_articles(seed_build):
    programs = {e.ref.key: e for e in seed_build.resolved.entities if e.ref.kind == "program"}
    assert "劳模工匠助企行专项行动" in programs["劳模工匠助企行"].aliases
    assert len(programs["劳模工匠助企行"].articles) == 5
    assert "粤工惠平台" in programs["粤工惠"].aliases
    assert dict(programs["粤工惠·河源号"].attrs)["part_of"] == "粤工惠"


def test_typed_numbers_compare_in_sparql(seed_build):
    rows = run_query(
        seed_build.graph,
        "SELECT ?v WHERE { ?a a kg:Achievement ; <https://schema.org/value> ?v . FILTER(?v > 1000000000) }",
    ).rows
    assert sorted(float(r[0]) for r in rows) == [1_090_000_000, 1_880_000_000]


def test_graph_conforms_to_shapes_and_violations_are_found(seed_build):
    assert validate(seed_build.graph) == []
    g = seed_build.graph.__class__()
    for t in seed_build.graph:
        g.add(t)
    from kg.ontology import KG, SDO

    target = next(g.subjects(None, KG.Target))
    g.remove((target, SDO.value, None))
    assert any("quantity" in v.message for v in validate(g))


def test_validate_command(seed_graph_file, tmp_path):
    res = CliRunner().invoke(cli, ["validate", "--graph", str(seed_graph_file)])
    assert res.exit_code == 0 and "conforms" in res.output
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix kg: <http://example.org/union-kg/ontology#> .\n<http://x/t> a kg:Target .\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(cli, ["validate", "--graph", str(bad)])
    assert res.exit_code != 0 and "violation" in res.output


def test_target_tooltip_reads_like_the_sentence(seed_build):
    nodes, _ = graph_to_view(seed_build.graph)
    targets = [n for n in nodes if n.group == "target"]
    assert any(("内容", "南粤工匠 · 500名左右 · 2029年前") in n.details for n in targets)
    assert {"program", "achievement"} <= {n.group for n in nodes}


ALTERED = (SEEDS / "002_a6394f21a2409050.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def altered(tmp_path_factory):
    text = (
        ALTERED.replace("揭阳", "汕尾")
        .replace("2029年", "2031年")
        .replace("500名左右南粤工匠", "800名左右南粤工匠")
        .replace("劳模工匠助企行", "技能强企行")
        .replace("建设5-7家", "建设8-12家")
        .replace("打造10家", "打造25家")
        .replace("632家", "415家")
        .replace("许莹", "吴思敏")
    )
    d = tmp_path_factory.mktemp("altered")
    (d / "x.txt").write_text(text, encoding="utf-8")
    return build([str(d)])


def test_altered_article_other_deadline_numbers_city(altered):
    targets = {
        (f.arg("what"), f.arg("quantity").value, f.arg("deadline"))
        for f in _facts(altered, "target")
    }
    assert ("南粤工匠", 800, 2031) in targets and ("市级工匠", 3000, 2031) in targets
    plans = {
        (f.arg("quantity").value, f.arg("quantity").upper, f.arg("set_by"))
        for f in _facts(altered, "target")
    }
    assert (8, 12, Ref("org", "汕尾市总工会")) in plans and (
        25,
        None,
        Ref("org", "汕尾市总工会"),
    ) in plans
    assert 415 in {f.arg("quantity").value for f in _facts(altered, "achievement")}


def test_altered_article_new_program_name(altered):
    runs = {(f.arg("org"), f.arg("program")) for f in _facts(altered, "runs_program")}
    assert (Ref("org", "汕尾市总工会"), Ref("program", "技能强企行")) in runs


REPORT = """湛江市总工会启动“蓝海匠心”职工技能提升工程

本报讯（记者李文华 通讯员陈小梅）5月6日，湛江市总工会“蓝海匠心”职工技能提升工程启动。市人大常委会副主任、市总工会主席周振华出席。

据介绍，2024年，全市各级工会共开展职工技能培训312场次，培训职工2.4万人次，帮助企业解决技术难题87个。市总工会力争到2027年，建成市级劳模和工匠人才创新工作室30家，培养湛江工匠100名左右。
"""


def test_an_ordinary_report_with_a_program_no_seed_contains(tmp_path):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    r = build([str(tmp_path)])
    # a quoted brand followed by words ending in a program suffix names the program, the whole
    # an alias (only an honour, “南粤工匠”人才培育工程, makes the whole the name)
    assert Ref("program", "蓝海匠心") in {f.arg("program") for f in _facts(r, "runs_program")}
    aliases = {e.ref.key: e.aliases for e in r.resolved.entities if e.ref.kind == "program"}
    assert "蓝海匠心职工技能提升工程" in aliases["蓝海匠心"], aliases
    ach = {
        (f.arg("quantity").value, f.arg("quantity").unit, f.arg("period_year"))
        for f in _facts(r, "achievement")
    }
    assert {(312, "场次", 2024), (24_000, "人次", 2024), (87, "个", 2024)} <= ach
    tgt = {
        (f.arg("quantity").value, f.arg("quantity").unit, f.arg("deadline"), f.arg("set_by"))
        for f in _facts(r, "target")
    }
    assert (30, "家", 2027, Ref("org", "湛江市总工会")) in tgt
    assert (100, "名", 2027, Ref("org", "湛江市总工会")) in tgt


# Seeds altered consistently in text and gold: other cities, other numbers, a program name no
# seed contains, another deadline year. The extractors must score as well as on the seeds.
ALTERATIONS = {
    "000_cba2e6ab6a53fdd1.txt": {
        "text": [
            ("河源", "梅州"),
            ("劳模工匠助企行", "匠心护航行"),
            ("119家", "87家"),
            ("141个", "63个"),
            ("48场次", "35场次"),
            ("近2000人次", "近1600人次"),
            ("超600万元", "超450万元"),
            ("12支", "9支"),
            ("63名", "41名"),
        ],
        "values": {119: 87, 141: 63, 48: 35, 2000: 1600, 6_000_000: 4_500_000, 12: 9, 63: 41},
        "names": {"劳模工匠助企行": "匠心护航行", "粤工惠·河源号": "粤工惠·梅州号"},
        "deadline": {},
    },
    "002_a6394f21a2409050.txt": {
        "text": [
            ("揭阳", "汕尾"),
            ("2029年", "2031年"),
            ("500名左右南粤工匠", "800名左右南粤工匠"),
            ("劳模工匠助企行", "技能强企行"),
            ("5-7家", "8-12家"),
            ("打造10家", "打造25家"),
            ("632家", "415家"),
            ("137家", "96家"),
        ],
        "values": {500: 800, 5: 8, 10: 25, 632: 415, 137: 96},
        "names": {"劳模工匠助企行": "技能强企行", "书香揭阳": "书香汕尾"},
        "deadline": {2029: 2031},
    },
}


def _alter_gold(entry: dict, spec: dict) -> dict:
    """The gold entry with the same alterations as the text."""
    out = json.loads(json.dumps(entry))

    def rename(s: str) -> str:
        for a, b in spec["names"].items():
            s = s.replace(a, b)
        return s

    for p in out["programs"]:
        p["name"], p["variants"] = rename(p["name"]), [rename(v) for v in p["variants"]]
    for kind in ("targets", "achievements"):
        for item in out[kind]:
            if item["value"] in spec["values"]:
                item["value"] = spec["values"][item["value"]]
                if item.get("upper") == 7:
                    item["upper"] = 12
            item["deadline"] = spec["deadline"].get(item.get("deadline"), item.get("deadline"))
    return out


def test_altered_seeds_score_like_the_seeds(tmp_path):
    gold = json.loads((GOLD / "facts.json").read_text(encoding="utf-8"))
    altered_gold = {}
    for name, spec in ALTERATIONS.items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        for a, b in spec["text"]:
            text = text.replace(a, b)
        (tmp_path / name).write_text(text, encoding="utf-8")
        altered_gold[name] = _alter_gold(gold[name], spec)
    scores, errors = evaluate(build([str(tmp_path)]).resolved, altered_gold)
    print(report(scores), errors)
    _assert_fact_floors(scores)


def test_a_target_is_what_is_planned_without_the_plan_word(tmp_path):
    """力争/计划 make a figure a target; what the target counts leaves them out, and the
    organization that plans it, and when."""
    (tmp_path / "plan.txt").write_text(
        "茂名市总工会部署下一步工作\n\n"
        "下一步，茂名市总工会将力争培育市级技能人才200名，计划新建职工书屋15家。\n"
        "今年，茂名市总工会还将再培育区级工匠50名，新建市级劳模和工匠人才创新工作室12家。\n"
        "茂名市总工会将力争到2028年建成区级职工技能实训基地6个。\n",
        encoding="utf-8",
    )
    whats = {
        (f.arg("quantity").value, f.arg("what")) for f in _facts(build([str(tmp_path)]), "target")
    }
    assert whats == {
        (200, "培育市级技能人才"),
        (15, "新建职工书屋"),
        (50, "培育区级工匠"),  # not 今年… nor the union that plans it
        (12, "新建市级劳模和工匠人才创新工作室"),  # a facility kept whole, with its verb
        (6, "建成区级职工技能实训基地"),  # the deadline is not what is counted (到 stayed)
    }
