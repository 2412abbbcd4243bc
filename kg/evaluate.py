"""Precision and recall of a build against gold annotations written by reading the articles.

Gold files (``tests/gold/*.json``) are keyed by file name; each entry lists ``posts`` as
(person, title, organization) triples, ``people``, ``orgs``, ``places`` and ``article`` fields.
Both sides are compared per article, as sets, after one naming convention is evened out
(``X市政府`` and ``X市人民政府`` name the same body).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath

from kg.records import Fact, Quantity, Ref, held_before
from kg.resolve import Resolved

KINDS = (
    "posts",
    "people",
    "orgs",
    "places",
    "article",
    "programs",
    "targets",
    "achievements",
    "periods",
)
"""``periods``: an achievement's figure with the period it is credited to (五年来, 去年, 2024年 …),
scored over the gold's achievements."""
FACT_KINDS = ("programs", "targets", "achievements")


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


_REGISTERED = ("公司", "厂", "律师事务所", "合作社")
"""Endings of an enterprise's registered name, which keeps its city (佛山市顺德区…有限公司)."""


def _org(name: str) -> str:
    """An organization's name as the gold writes it: 政府 for 人民政府, and a district's public
    body without the city before the district (深圳市龙华区人民医院 = 龙华区人民医院: the
    conventions of tests/gold/heldout.json); an enterprise keeps its registered name."""
    name = name.replace("人民政府", "政府")
    if not name.endswith(_REGISTERED):
        for city, district in _city_districts():
            if name.startswith(city + district) and len(name) > len(city + district):
                return name[len(city) :]
    return name


@cache
def _city_districts() -> tuple[tuple[str, str], ...]:
    """(city, district) for each district, county and county-level city of the gazetteer."""
    from kg.gazetteer import city_of, place_forms

    places = set(place_forms().values())
    return tuple(
        sorted(
            ((c, p) for p in places if (c := city_of(p)) and c != p),
            key=lambda cd: (-len(cd[0] + cd[1]), cd),
        )
    )


def predicted(resolved: Resolved) -> dict[str, dict[str, set]]:
    """What the build says, per article file name, in the gold's shape."""
    by_sha = {d.sha256: PurePosixPath(d.name).name for d in resolved.documents}
    out: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for e in resolved.entities:
        for sha in e.articles:
            name = by_sha[sha]
            if e.ref.kind == "person":
                out[name]["people"].add(e.ref.key)
            elif e.ref.kind == "org":
                out[name]["orgs"].add(_org(e.ref.key))
            elif e.ref.kind == "place":
                out[name]["places"].add(e.ref.key)
            elif e.ref.kind == "program":
                out[name]["programs"].add((e.ref.key, *e.aliases))
    for f in resolved.facts:
        docs = {by_sha[ev.doc] for ev in f.evidence}
        if f.kind == "holds_post":
            p, r, o = (f.arg(k) for k in ("person", "role", "org"))
            assert isinstance(p, Ref) and isinstance(r, Ref) and isinstance(o, Ref)
            for name in docs:
                # a post held before is written 原+title in the gold (heldout.json conventions)
                title = "原" + r.key if held_before(f) else r.key
                out[name]["posts"].add((p.key, title, _org(o.key)))
        elif f.kind in ("target", "achievement"):
            for name in docs:
                for q in _figures(f):
                    if f.kind == "achievement":
                        dated = (*q, f.arg("period"))
                        out[name]["periods"].add((*dated, _n(out[name]["periods"], dated)))
                    if f.kind == "target":
                        q = (*q, f.arg("deadline"))
                    out[name][f.kind + "s"].add((*q, _n(out[name][f.kind + "s"], q)))
        elif f.kind == "article":
            for name in docs:
                for role, value in f.args:
                    v = value.key if isinstance(value, Ref) else value
                    if role in ("series_no", "headline", "interviewee", "city"):
                        out[name]["article"].add((role, v))
                    elif role in ("reporter", "correspondent"):
                        out[name]["article"].add((role, v))
    return out


_ARTICLE_ROLES = {"reporters": "reporter", "correspondents": "correspondent"}
"""A gold ``article`` entry's list fields, by the role each list's names have."""


def _figures(f: Fact) -> list[tuple[float, str]]:
    """(value, unit) of a figure, and of its growth rate as a figure of its own."""
    q = f.arg("quantity")
    assert isinstance(q, Quantity)
    out = [(round(q.value, 4), q.unit)]
    g = f.arg("growth")
    if isinstance(g, Quantity):
        out.append((round(g.value, 4), g.unit))
    return out


def _n(existing: set, q: tuple) -> int:
    """Occurrence number, so the same figure stated twice counts twice."""
    return sum(1 for e in existing if e[: len(q)] == q)


def gold_sets(entry: dict) -> dict[str, set]:
    """The gold entry of one article in comparable sets."""
    art = entry.get("article", {})
    article = set()
    for key in ("series_no", "headline", "interviewee", "city"):
        if art.get(key) is not None:
            article.add((key, art[key]))
    for key, role in (("reporters", "reporter"), ("correspondents", "correspondent")):
        article.update((role, n) for n in art.get(key) or [])
    figures: dict[str, set] = {"targets": set(), "achievements": set(), "periods": set()}
    for kind in ("targets", "achievements"):
        for item in entry.get(kind, []):
            q = (round(float(item["value"]), 4), item["unit"])
            if kind == "achievements":
                dated = (*q, item.get("period"))
                figures["periods"].add((*dated, _n(figures["periods"], dated)))
            if kind == "targets":  # a target must also have the right deadline
                q = (*q, item.get("deadline"))
            figures[kind].add((*q, _n(figures[kind], q)))
    return {
        **figures,
        "programs": {(p["name"], *p.get("variants", [])) for p in entry.get("programs", [])},
        "posts": {(p, t, _org(o)) for p, t, o in entry.get("posts", [])},
        "people": set(entry.get("people", [])),
        "orgs": {_org(o) for o in entry.get("orgs", [])},
        "places": set(entry.get("places", [])),
        "article": article,
    }


def evaluate(
    resolved: Resolved, gold: dict[str, dict]
) -> tuple[dict[str, Score], dict[str, dict[str, tuple[set, set]]]]:
    """Scores per kind over the articles in ``gold``, and per article the (missed, spurious) sets."""
    pred = predicted(resolved)
    totals = {k: [0, 0, 0] for k in KINDS}
    errors: dict[str, dict[str, tuple[set, set]]] = {}
    for name, entry in sorted(gold.items()):
        if not isinstance(entry, dict) or name.startswith("_") or name == "conventions":
            continue
        g = gold_sets(entry)
        errors[name] = {}
        for k in KINDS:
            annotated = "achievements" if k == "periods" else k
            if annotated not in entry:  # each gold file annotates some kinds only
                continue
            p = pred.get(name, {}).get(k, set())
            if k == "article":  # the fields the entry annotates (a held-out entry: bylines only)
                roles = {_ARTICLE_ROLES.get(r, r) for r in entry["article"]}
                p = {x for x in p if x[0] in roles}
            if k == "programs":
                matched_gold = {x for x in g[k] if any(set(x) & set(y) for y in p)}
                spurious = {y for y in p if not any(set(x) & set(y) for x in g[k])}
                tp, missed = len(matched_gold), g[k] - matched_gold
            else:
                tp, missed, spurious = len(p & g[k]), g[k] - p, p - g[k]
            totals[k][0] += tp
            totals[k][1] += len(spurious)
            totals[k][2] += len(missed)
            errors[name][k] = (missed, spurious)
    used = {k for e in errors.values() for k in e}
    return {k: Score(*v) for k, v in totals.items() if k in used}, errors


def report(scores: dict[str, Score]) -> str:
    """A small table: kind, precision, recall, F1, counts."""
    lines = [f"{'kind':10} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for k, s in scores.items():
        lines.append(
            f"{k:10} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}"
        )
    return "\n".join(lines)
