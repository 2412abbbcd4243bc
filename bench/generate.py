"""A synthetic corpus of union news for benchmarks, recombined from the seeds.

    python bench/generate.py N OUTDIR [--seed S]

writes ``OUTDIR/00000.txt`` … ``OUTDIR/{N-1:05d}.txt``: interviews in the shape of the seed
series (series line ``…工会主席访谈⑭``, interviewee line, headline, byline, section heads
``谈体会`` ``谈思路`` ``谈未来``, ``记者:`` / ``NAME:`` turns, captions) and, now and then, a
``本报讯`` report. Body paragraphs are runs of sentences taken from the seeds (OCR damage and
all) with the seed's cities, people, quoted program names and Arabic numbers replaced: cities,
name characters, invented programs and post titles come from ``bench/wordlists/``; numbers are
drawn at random with the same number of digits (years move by a few years, ranges stay ordered).

Deterministic: article ``i`` depends only on ``(seed, i)``, so the same N and seed give
byte-identical files, and a corpus of 100 is the first 100 files of a corpus of 1,000.
The seeds are parsed once into templates, so 10,000 articles take seconds.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORDLISTS = HERE / "wordlists"
SEEDS = HERE.parent / "seeds"

SERIES = "学习贯彻落实广东省工会第十五次代表大会精神"
SECTIONS = ("谈体会", "谈思路", "谈未来")
REPORT_P = 0.08  # share of 本报讯-style reports
# Officials the seeds quote by name in their bodies (beside the interviewees, found by parsing).
SEED_OFFICIALS = ("黄坤明", "徐留平")
# Circled series numbers the genre uses: ①–⑳ and ㉑–㉟.
CIRCLED = [chr(0x2460 + i) for i in range(20)] + [chr(0x3251 + i) for i in range(15)]

_FINAL = "。！？；!?;"
_SENTENCE = re.compile(r"[^。！？；!?;]*[。！？；!?;]+[”’\"」』）)]*|[^。！？；!?;]+$")
_SPEAKER = re.compile(r"^([\u4e00-\u9fff]{2,4})\s*[:：]")
_PROGRAM_SUFFIX = "专项行动|工程|行动|制度|计划|品牌|平台|项目"
_CORE = r"[^”\"“\n，,。：:；;、（）()！？!?]{2,25}"


def _lines(name: str) -> list[str]:
    text = (WORDLISTS / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass
class Words:
    cities: list[tuple[str, str]]
    surnames: list[str]
    given: list[str]
    programs: list[str]
    posts: list[str]
    post_weights: list[int]
    headlines: list[str]
    leaders: list[str]

    @classmethod
    def load(cls) -> Words:
        cities = [tuple(ln.split("\t")[:2]) for ln in _lines("cities.txt")]
        posts = [ln.split("\t") for ln in _lines("posts.txt")]
        return cls(
            cities=cities,  # type: ignore[arg-type]
            surnames=_lines("surnames.txt"),
            given=_lines("given.txt"),
            programs=_lines("programs.txt"),
            posts=[p[0] for p in posts],
            post_weights=[int(p[1]) if len(p) > 1 else 1 for p in posts],
            headlines=_lines("headlines.txt"),
            leaders=_lines("leaders.txt"),
        )


# A template is a tuple of parts: a literal str, or a tuple naming what to draw:
# ("city",) ("abbr",) ("person", key) ("program", key) ("num", digits, decimals)
# ("year", year) ("range", (digits, decimals), (digits, decimals))
Part = str | tuple
Template = tuple[Part, ...]


@dataclass
class Seeds:
    paragraphs: list[list[Template]] = field(default_factory=list)  # body sentences by paragraph
    numeric: list[Template] = field(default_factory=list)  # sentences with a number in them
    questions: list[Template] = field(default_factory=list)
    headlines: list[Template] = field(default_factory=list)


def _number_part(text: str) -> tuple[int, int]:
    whole, _, frac = text.partition(".")
    return len(whole), len(frac)


class Templater:
    """Turns seed text into templates: cities, people, quoted programs and numbers become holes."""

    def __init__(self, words: Words, people: set[str], interviewees: set[str]) -> None:
        stems = sorted((c for c, _ in words.cities), key=len, reverse=True)
        names = sorted(people | interviewees, key=len, reverse=True)
        self.interviewees = interviewees
        self.pattern = re.compile(
            rf"(?P<prog>[“\"]{_CORE}[”\"][\u4e00-\u9fff]{{0,4}}?(?:{_PROGRAM_SUFFIX}))"
            rf"|(?P<person>{'|'.join(map(re.escape, names))})"
            rf"|(?P<city>{'|'.join(stems)})"
            r"|(?P<keep>12351|\d+(?=\s*周年))"
            r"|(?P<range>\d+(?:\.\d+)?-\d+(?:\.\d+)?)"
            r"|(?P<year>(?:19|20)\d\d(?=\s*年))"
            r"|(?P<num>\d+(?:\.\d+)?)"
        )

    def __call__(self, text: str) -> Template:
        parts: list[Part] = []
        pos = 0
        for m in self.pattern.finditer(text):
            if m.start() > pos:
                parts.append(text[pos : m.start()])
            pos = m.end()
            kind, value = m.lastgroup, m.group()
            if kind == "prog":
                parts.append(("program", value))
            elif kind == "person":
                parts.append(("person", "" if value in self.interviewees else value))
            elif kind == "city":
                parts.append(("city",))
            elif kind == "keep":
                parts.append(value)
            elif kind == "range":
                lo, hi = value.split("-")
                parts.append(("range", _number_part(lo), _number_part(hi)))
            elif kind == "year":
                parts.append(("year", int(value)))
            else:
                parts.append(("num", *_number_part(value)))
        if pos < len(text):
            parts.append(text[pos:])
        return tuple(parts)


def _blocks(text: str) -> list[str]:
    return [b.strip(" \t") for b in re.split(r"\n[ \t\u3000]*\n", text) if b.strip()]


def _ends_sentence(block: str) -> bool:
    return block.rstrip()[-1:] in _FINAL + ':：”"」'


def load_seeds(words: Words, seed_dir: Path = SEEDS) -> Seeds:
    """Parse the seed articles into templates: body paragraphs (as sentences), questions,
    headlines and section subtitles."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(seed_dir.glob("*.txt"))]
    if not texts:
        sys.exit(f"no seed articles in {seed_dir}")
    # First pass: the names to replace (interviewees, from the answer turns and their line).
    interviewees: set[str] = set()
    for text in texts:
        for block in _blocks(text):
            m = _SPEAKER.match(block)
            if m and m.group(1) not in ("记者", "主持人") and not block.startswith(SECTIONS):
                interviewees.add(m.group(1))
            m = re.search(r"主席\s*([\u4e00-\u9fff]{2,3})\s*[:：.]$", block)
            if m:
                interviewees.add(m.group(1))
    templater = Templater(words, set(SEED_OFFICIALS), interviewees)
    seeds = Seeds()
    for text in texts:
        raw_blocks = _blocks(text)
        kinds: list[tuple[str, str]] = []
        after_interviewee = False
        for block in raw_blocks:
            first = block.split("\n")[0]
            m = _SPEAKER.match(block)
            if ("访谈" in block and "代表大会精神" in block) or block == "重点":
                kind = "skip"
            elif re.search(r"主席\s*[\u4e00-\u9fff]{2,3}\s*[:：.]$", block):
                kind, after_interviewee = "skip", True
            elif "记者" in first and "通讯员" in first:
                kind = "skip"
            elif block.startswith("■") or "单位供图" in block:
                kind = "skip"
            elif block.startswith(("谈", "淡")) and block[1:3] in ("体会", "思路", "未来"):
                kind, block = "subtitle", block[3:].strip(' "“”')
            elif re.match(r"^记者\s*[:：]", block):
                kind, block = "question", re.sub(r"^记者\s*[:：]\s*", "", block)
            elif m and m.group(1) in interviewees:
                kind, block = "body", block[m.end() :].strip()
            elif len(block) <= 40 and not re.search(r"[。；]", block):
                kind = "headline" if after_interviewee else "subtitle"
                after_interviewee = False
            else:
                kind = "body"
            if (
                kind == "body"
                and kinds
                and kinds[-1][0] == "body"
                and not _ends_sentence(kinds[-1][1])
            ):  # a paragraph the OCR broke in two: keep the break inside one paragraph
                kinds[-1] = ("body", kinds[-1][1] + "\n\n" + block)
            elif block:
                kinds.append((kind, block))
        for kind, block in kinds:
            if kind == "body":
                sentences = [templater(s) for s in _SENTENCE.findall(block) if s.strip()]
                if sentences:
                    seeds.paragraphs.append(sentences)
                    seeds.numeric += [
                        s
                        for s in sentences
                        if any(isinstance(p, tuple) and p[0] in ("num", "range") for p in s)
                    ]
            elif kind == "question":
                seeds.questions.append(templater(block))
            elif kind in ("headline", "subtitle"):
                seeds.headlines.append(templater(block))
    for line in words.headlines:
        seeds.headlines.append(templater(line.replace("{city}", "广州")))
    return seeds


class Article:
    """The draws of one article: its city, people and programs, and the text built so far."""

    def __init__(self, gen: Generator, rng: random.Random) -> None:
        self.gen, self.rng = gen, rng
        w = gen.words
        self.city, self.abbr = rng.choice(w.cities)
        self.name = self.person()
        self.people: dict[str, str] = {"": self.name}
        self.programs: dict[str, str] = {}
        self.blocks: list[str] = []
        self.size = 0

    def person(self) -> str:
        rng, w = self.rng, self.gen.words
        given = rng.choice(w.given) + (rng.choice(w.given) if rng.random() < 0.75 else "")
        return rng.choice(w.surnames) + given

    def program(self) -> str:
        text = self.rng.choice(self.gen.words.programs)
        return text.replace("{city}", self.city).replace("{abbr}", self.abbr)

    def number(self, digits: int, decimals: int) -> str:
        rng = self.rng
        low = 10 ** (digits - 1) if digits > 1 else 1
        text = str(rng.randint(low, 10**digits - 1))
        if decimals:
            text += "." + "".join(rng.choice("0123456789") for _ in range(decimals - 1))
            text += rng.choice("123456789")
        return text

    def render(self, template: Template) -> str:
        out = []
        rng = self.rng
        for part in template:
            if isinstance(part, str):
                out.append(part)
                continue
            kind = part[0]
            if kind == "city":
                out.append(self.city)
            elif kind == "person":
                if part[1] not in self.people:
                    self.people[part[1]] = self.person()
                out.append(self.people[part[1]])
            elif kind == "program":
                if part[1] not in self.programs:
                    self.programs[part[1]] = self.program()
                out.append(self.programs[part[1]])
            elif kind == "num":
                out.append(self.number(part[1], part[2]))
            elif kind == "year":
                out.append(str(min(2035, max(2010, part[1] + rng.randint(-2, 2)))))
            elif kind == "range":
                (d1, f1), (d2, f2) = part[1], part[2]
                a, b = self.number(d1, f1), self.number(d2, f2)
                if float(a) > float(b):
                    a, b = b, a
                if a == b:
                    b = self.number(d2 + 1, f2)
                out.append(f"{a}-{b}")
        return "".join(out)

    def add(self, text: str) -> None:
        self.blocks.append(text)
        self.size += len(text.encode("utf-8")) + 2

    def paragraph(self, lo: int = 2, hi: int = 6) -> str:
        """A run of consecutive seed sentences, continued from another paragraph if short."""
        rng, paragraphs = self.rng, self.gen.seeds.paragraphs
        want = rng.randint(lo, hi)
        out: list[str] = []
        para = rng.choice(paragraphs)
        i = rng.randrange(len(para))
        while len(out) < want:
            if i >= len(para):
                para, i = rng.choice(paragraphs), 0
            out.append(self.render(para[i]))
            i += 1
        return "".join(out)

    def byline(self, dateline: bool = False) -> str:
        rng = self.rng
        reporter = self.person()
        if rng.random() < 0.2:
            correspondents = f"{self.abbr}工宣"
        else:
            correspondents = " ".join(self.person() for _ in range(rng.choice((1, 1, 1, 2))))
        if dateline:
            return f"本报讯（记者{reporter} 通讯员{correspondents}）"
        return f"{'■' if rng.random() < 0.4 else ''}全媒体记者{reporter} 通讯员{correspondents}"


class Generator:
    def __init__(self, seed: int = 0) -> None:
        self.seed = seed
        self.words = Words.load()
        self.seeds = load_seeds(self.words)

    def post(self, rng: random.Random) -> str:
        return rng.choices(self.words.posts, weights=self.words.post_weights)[0]

    def article(self, index: int) -> str:
        rng = random.Random(f"union-kg-bench:{self.seed}:{index}")
        a = Article(self, rng)
        if rng.random() < REPORT_P:
            self.report(a)
        else:
            self.interview(a)
        return "\n\n".join(a.blocks) + "\n"

    def interview(self, a: Article) -> None:
        rng, seeds = a.rng, self.seeds
        target = rng.randint(8000, 10000)
        post = self.post(rng)
        if rng.random() < 0.15:
            a.add("重点")
        dot = "·" if rng.random() < 0.9 else "・"
        a.add(f"{SERIES}{dot}工会主席访谈{rng.choice(CIRCLED)}")
        a.add(f"{a.city}{post}{a.name}:")
        a.add(a.render(rng.choice(seeds.headlines)))
        a.add(a.byline())
        caption = f"■{a.city}{post}{a.name}。单位供图"
        if rng.random() < 0.3:
            a.add(caption)
        for n, head in enumerate(SECTIONS):
            subtitle = a.render(rng.choice(seeds.headlines))
            if rng.random() < 0.75:
                a.add(f"{head} {subtitle}")
            else:
                a.add(head)
                a.add(subtitle)
            budget = target * (n + 1) // len(SECTIONS)
            while True:
                a.add("记者:" + a.render(rng.choice(seeds.questions)))
                a.add(f"{a.name}:" + a.paragraph())
                for _ in range(rng.randint(0, 3)):
                    if a.size >= budget:
                        break
                    a.add(a.paragraph())
                if a.size >= budget - 600:
                    break
            if n == 1 and rng.random() < 0.5:
                a.add(caption)

    def report(self, a: Article) -> None:
        rng, w = a.rng, self.words
        target = rng.randint(2500, 5000)
        program = a.program()
        event = rng.choice(("启动仪式", "推进会", "现场会", "表彰大会"))
        a.add(f"{a.city}市总工会{rng.choice(('启动', '推进', '举办'))}{program}")
        guests = "，".join(
            f"{post}{a.person()}" for post in rng.sample(w.leaders, rng.randint(1, 3))
        )
        a.add(
            f"{a.byline(dateline=True)}{rng.randint(1, 12)}月{rng.randint(1, 28)}日，"
            f"{a.city}市总工会{program}{event}在{a.city}举行。"
            f"{self.post(rng)}{a.name}出席并讲话。{guests}等出席。"
        )
        a.add(f"{a.name}表示，" + a.paragraph(2, 4))
        a.add("据介绍，" + "".join(a.render(rng.choice(self.seeds.numeric)) for _ in range(3)))
        while a.size < target:
            a.add(a.paragraph(2, 5))
        a.add(f"编辑：{a.person()}")


def generate(n: int, out: Path, seed: int = 0) -> list[Path]:
    gen = Generator(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = out / f"{i:05d}.txt"
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(gen.article(i))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("outdir", type=Path, help="folder to write 00000.txt … into")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("N must be >= 0")
    paths = generate(args.n, args.outdir, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} articles ({size / 1e6:.1f} MB) to {args.outdir}")


if __name__ == "__main__":
    main()
