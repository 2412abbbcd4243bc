"""Benchmark ``kg build`` and the canned queries on synthetic corpora of growing size.

    python bench/run.py [--sizes 100,1000,10000] [--jobs N] [--out bench/out]

For each size N: generate (or reuse) ``OUT/corpus/N`` with ``bench/generate.py``, run
``kg build`` on it as a subprocess (wall time, peak RSS), count the triples of the Turtle it
wrote, run the jieba baseline over the same files as a subprocess, and time every
``queries/*.rq`` on rdflib and on pyoxigraph in a worker subprocess. Prints a table and writes
``OUT/results.json``. Every subprocess has a timeout, so the script always ends. See
``bench/README.md`` for what each figure means.

Needs only the project installed (``pip install -e .``): rdflib, pyoxigraph and jieba come with it.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QUERIES = ROOT / "queries"
DEFAULT_SIZES = (100, 1000, 10000)

# Prefixes the kg CLI predeclares for queries, and the standard ones the queries use; a query
# run on pyoxigraph gets a PREFIX line for each one it uses without declaring it.
PREFIXES = {
    "kg": "http://example.org/union-kg/ontology#",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}
CLI_PREFIXES = ("kg", "schema", "org", "prov")

# The baseline: the same files through jieba.lcut, in a fresh interpreter like `kg build`.
# Prints its own split: import, dictionary initialisation, and the read + lcut loop.
JIEBA_SCRIPT = r"""
import json, logging, os, sys, time
t0 = time.perf_counter()
import jieba
jieba.setLogLevel(logging.WARNING)
t1 = time.perf_counter()
jieba.initialize()
t2 = time.perf_counter()
folder = sys.argv[1]
files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".txt"))
tokens = 0
for f in files:
    with open(f, encoding="utf-8") as fh:
        tokens += len(jieba.lcut(fh.read()))
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "init_s": t2 - t1, "loop_s": t3 - t2,
                  "files": len(files), "tokens": tokens}))
"""


# --------------------------------------------------------------------------- subprocesses


def _tree_rss_kb(root: int) -> int:
    """Resident memory (KiB) of ``root`` and all its descendants, from /proc (Linux only)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(stat[1])
        rss[pid] = int(stat[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, stack = 0, [root]
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, ()))
    return total


def run_measured(cmd: list[str], timeout: float, log: Path) -> dict:
    """Run ``cmd`` with stdout+stderr to ``log``; return its wall time, peak RSS (the child's
    own ``ru_maxrss`` from ``os.wait4``: the largest single process among it and the children
    it waited for), the sampled peak of the whole process tree's RSS, and its exit status. The
    process group is killed at ``timeout`` seconds."""
    log.parent.mkdir(parents=True, exist_ok=True)
    timed_out = threading.Event()
    tree_peak = [0]
    with open(log, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)

        def kill() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.25):
                with contextlib.suppress(Exception):
                    tree_peak[0] = max(tree_peak[0], _tree_rss_kb(proc.pid))

        timer = threading.Timer(timeout, kill)
        timer.start()
        sampler = threading.Thread(target=sample, daemon=True)
        if sys.platform.startswith("linux"):
            sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
            done.set()
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is KiB on Linux, bytes on macOS
    maxrss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return {
        "cmd": cmd,
        "wall_s": wall,
        "peak_rss_mb": maxrss,
        "tree_rss_peak_mb": tree_peak[0] / 1024 or None,
        "returncode": proc.returncode,
        "timed_out": timed_out.is_set(),
        "log": str(log),
    }


def kg_command() -> list[str]:
    exe = shutil.which("kg")
    if exe:
        return [exe]
    return [sys.executable, "-c", "from kg.cli import main; main()"]


def build_supports_jobs() -> bool:
    try:
        text = subprocess.run(
            [*kg_command(), "build", "--help"], capture_output=True, text=True, timeout=120
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "--jobs" in text


def kg_version() -> str:
    try:
        from importlib.metadata import version

        return version("union-kg")
    except Exception:
        return "?"


TIMED_COLD = ["--timings", "--no-cache"]
"""Every timed build runs without the extraction cache (a warm cache would time nothing)."""


def stage_timings(log: Path) -> dict[str, float]:
    """The ``timings: read 0.1 s, extract …`` line that ``kg build --timings`` prints."""
    m = re.search(r"^timings: (.*?);", log.read_text(errors="replace"), re.M)
    if not m:
        return {}
    return {k: float(v) for k, v in re.findall(r"(\w+) ([\d.]+) s", m.group(1))}


def bench_incremental(folder: Path, args) -> dict:
    """A cold build of ``folder`` with an empty extraction cache, then one article changed (a
    sentence appended) and the same build again: the rebuild's share of the cold build."""
    work = args.out / "incremental"
    if work.exists():
        shutil.rmtree(work)
    src = work / "corpus"
    shutil.copytree(folder, src, ignore=shutil.ignore_patterns(".stamp"))
    cache = work / "cache"
    base = [*kg_command(), "build", str(src), "-o", str(work / "build"), "--timings"]
    base += ["--cache-dir", str(cache)]
    cold = run_measured(base, args.timeout, args.out / "logs" / "incremental-cold.log")
    victim = sorted(src.glob("*.txt"))[len(list(src.glob("*.txt"))) // 2]
    with victim.open("a", encoding="utf-8") as fh:
        fh.write("\n记者：请谈谈下一步打算。\n")
    warm = run_measured(base, args.timeout, args.out / "logs" / "incremental-warm.log")
    ok = cold["returncode"] in (0, 3) and warm["returncode"] in (0, 3)
    return {
        "articles": len(list(src.glob("*.txt"))),
        "cold_s": cold["wall_s"],
        "warm_s": warm["wall_s"],
        "share": warm["wall_s"] / cold["wall_s"] if ok else None,
        "cold_stages_s": stage_timings(Path(cold["log"])),
        "warm_stages_s": stage_timings(Path(warm["log"])),
        "changed": victim.name,
    }


def bench_jobs(folder: Path, jobs: int, args) -> dict:
    """The extraction stages' wall time with 1 and with ``jobs`` worker processes (from
    ``--timings``, cold cache), and the speed-up. The workers load jieba while the parent
    reads the files, so the extract stage alone flatters the pool; ``speedup_read_extract``
    (read + extract) is the fair figure, and the whole builds' wall times are kept too."""
    out: dict = {"jobs": jobs}
    for j in (1, jobs):
        cmd = build_command(folder, args.out / "jobs" / str(j), j)
        r = run_measured(cmd, args.timeout, args.out / "logs" / f"jobs-{j}.log")
        stages = stage_timings(Path(r["log"]))
        out[f"extract_s_{j}"] = stages.get("extract")
        if stages.get("extract") is not None and stages.get("read") is not None:
            out[f"read_extract_s_{j}"] = stages["read"] + stages["extract"]
        out[f"build_s_{j}"] = r["wall_s"]
    for key, name in (("extract_s", "speedup"), ("read_extract_s", "speedup_read_extract")):
        if out.get(f"{key}_1") and out.get(f"{key}_{jobs}"):
            out[name] = out[f"{key}_1"] / out[f"{key}_{jobs}"]
            out[f"{name}_per_core"] = out[name] / jobs
    if out.get("build_s_1") and out.get(f"build_s_{jobs}"):
        out["speedup_build"] = out["build_s_1"] / out[f"build_s_{jobs}"]
    return out


# --------------------------------------------------------------------------- corpus


def _digest() -> str:
    h = hashlib.sha256()
    for p in [
        HERE / "generate.py",
        *sorted((HERE / "wordlists").glob("*.txt")),
        *sorted((ROOT / "seeds").glob("*.txt")),
    ]:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def corpus(out: Path, n: int, seed: int) -> Path:
    """``out/corpus/N``, generated unless a previous run left the same one (same N, seed,
    generator, word lists and seeds)."""
    folder = out / "corpus" / str(n)
    stamp = folder / ".stamp"
    want = json.dumps({"n": n, "seed": seed, "digest": _digest()})
    if stamp.is_file() and stamp.read_text() == want:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    sys.path.insert(0, str(HERE))
    try:
        import generate
    finally:
        sys.path.remove(str(HERE))
    t = time.perf_counter()
    generate.generate(n, folder, seed)
    print(f"  generated {n} articles in {time.perf_counter() - t:.1f} s -> {folder}")
    stamp.write_text(want)
    return folder


def corpus_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*.txt"))


def count_triples(ttl: Path) -> int:
    import pyoxigraph

    return sum(1 for _ in pyoxigraph.parse(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE))


# --------------------------------------------------------------------------- queries


def query_bindings(text: str) -> dict[str, str]:
    """The ``--bind NAME=VALUE`` examples in a query file's comments."""
    binds: dict[str, str] = {}
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            for name, value in re.findall(r"--bind\s+\??(\w+)=(\S+)", line):
                binds[name] = value
    return binds


# The person holding the most posts: what a bound name means when the query's example name
# (from the seeds) is not in a synthetic corpus, where it would time an empty answer.
BUSIEST_PERSON = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name WHERE { ?h org:member ?p . ?p rdfs:label ?name }
GROUP BY ?name ORDER BY DESC(COUNT(?h)) ?name LIMIT 1"""


def present_bindings(binds: dict[str, str], names: Callable[[str], list[str]]) -> dict[str, str]:
    """``binds`` with a ``name`` the graph holds: the example's if a label has it, else the
    busiest person's (``names(query)`` answers a SELECT with the first column's values)."""
    if "name" not in binds:
        return binds
    value = binds["name"]
    held = names(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        f'SELECT ?e WHERE {{ ?e rdfs:label "{value}"@zh }} LIMIT 1'
    )
    if held:
        return binds
    busiest = names(BUSIEST_PERSON)
    return {**binds, "name": busiest[0]} if busiest else binds


def _rdflib_term(value: str):
    """The term ``kg query --bind NAME=VALUE`` makes of ``value`` (kg.query.parse_binding)."""
    from kg.query import parse_binding

    return parse_binding(f"x={value}")[1]


def for_oxigraph(text: str, binds: dict[str, str]) -> str:
    """The query with a PREFIX line for each known prefix it uses but does not declare, and its
    bindings as VALUES blocks, placed as ``kg query --store`` places them
    (:func:`kg.endpoint.with_values`: Oxigraph's substitutions only accept projected
    variables, and a subquery's pattern needs its own block)."""
    from kg.endpoint import with_values

    declared = {m.lower() for m in re.findall(r"(?im)^\s*PREFIX\s+(\w*):", text)}
    body = re.sub(r"(?m)^\s*#.*$", "", text)
    used = set(re.findall(r"(?<![\w<])(\w+):(?=[\w(])", body))
    missing = [p for p in PREFIXES if p in used and p not in declared]
    head = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in missing)
    return head + with_values(text, {k: _rdflib_term(v) for k, v in binds.items()})


class QueryTimeout(Exception):
    pass


def _timed(run, timeout: float, repeat: int) -> dict:
    """Run ``run()`` (which returns a row count) up to ``repeat`` times (once if the first run
    took over 5 s), each under a SIGALRM deadline; the median and first of the run times."""

    def alarm(*_):
        raise QueryTimeout

    old = signal.signal(signal.SIGALRM, alarm)
    times: list[float] = []
    rows = None
    try:
        for i in range(repeat):
            signal.setitimer(signal.ITIMER_REAL, timeout)
            t = time.perf_counter()
            try:
                rows = run()
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times.append(time.perf_counter() - t)
            if i == 0 and times[0] > 5:
                break
    except QueryTimeout:
        return {"error": f"timeout after {timeout:g} s", "rows": None}
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {exc}"[:300], "rows": None}
    finally:
        signal.signal(signal.SIGALRM, old)
    return {
        "median_s": statistics.median(times),
        "first_s": times[0],
        "runs": len(times),
        "rows": rows,
    }


def query_worker(
    ttl: Path,
    engines: list[str],
    repeat: int,
    timeout: float,
    rdflib_max: int = 0,
    store_dir: Path | None = None,
) -> dict:
    """Load the Turtle into each engine and time each canned query (only the query: parsing the
    graph, and for rdflib preparing the query, happen before the clock starts)."""
    files = sorted(QUERIES.glob("*.rq"))
    out: dict = {"queries": {f.name: {"bind": query_bindings(f.read_text("utf-8"))} for f in files}}
    if "oxigraph" in engines:
        import pyoxigraph

        t = time.perf_counter()
        if store_dir is not None and store_dir.exists():
            # the persistent store `kg build --store` wrote, as `kg query --store` opens it
            store = pyoxigraph.Store.read_only(str(store_dir.resolve()))
            out["oxigraph_store"] = f"persistent ({store_dir})"
        else:
            store = pyoxigraph.Store()
            store.bulk_load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
            out["oxigraph_store"] = "in memory, loaded from the Turtle"
        out["oxigraph_load_s"] = time.perf_counter() - t

        def names(query: str) -> list[str]:
            return [row[0].value for row in store.query(query)]

        for q in out["queries"].values():
            q["bind"] = present_bindings(q["bind"], names)
        for f in files:
            q = out["queries"][f.name]
            text = for_oxigraph(f.read_text("utf-8"), q["bind"])
            q["oxigraph"] = _timed(
                lambda text=text: sum(1 for _ in store.query(text)), timeout, repeat
            )
        del store
        gc.collect()
    if "rdflib" in engines and rdflib_max and count_triples(ttl) > rdflib_max:
        out["rdflib_skipped"] = (
            f"over {rdflib_max} triples: rdflib would need minutes and gigabytes to parse"
            " the graph (raise --rdflib-max-triples to force it)"
        )
    elif "rdflib" in engines:
        from rdflib import Graph
        from rdflib.plugins.sparql import prepareQuery

        t = time.perf_counter()
        g = Graph()
        g.parse(str(ttl), format="turtle")
        out["rdflib_parse_s"] = time.perf_counter() - t
        if "oxigraph" not in engines:  # else chosen above, on the same graph

            def rdflib_names(query: str) -> list[str]:
                return [str(row[0]) for row in g.query(query)]

            for q in out["queries"].values():
                q["bind"] = present_bindings(q["bind"], rdflib_names)
        ns = {p: PREFIXES[p] for p in CLI_PREFIXES}
        for f in files:
            q = out["queries"][f.name]
            try:
                prepared = prepareQuery(f.read_text("utf-8"), initNs=ns)
            except Exception as exc:
                q["rdflib"] = {"error": f"{type(exc).__name__}: {exc}"[:300], "rows": None}
                continue
            binds = {k: _rdflib_term(v) for k, v in q["bind"].items()}
            q["rdflib"] = _timed(
                lambda prepared=prepared, binds=binds: sum(
                    1 for _ in g.query(prepared, initBindings=binds)
                ),
                timeout,
                repeat,
            )
    return out


# --------------------------------------------------------------------------- one size


def build_command(
    folder: Path,
    build_dir: Path,
    jobs: int | None,
    store_dir: Path | None = None,
    extra: Sequence[str] = (),
) -> list[str]:
    """``kg build`` of ``folder``, cold and timed, with ``--jobs`` and ``--store`` if given,
    and ``extra`` options."""
    cmd = [*kg_command(), "build", str(folder), "-o", str(build_dir), *TIMED_COLD, *extra]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    if store_dir is not None:
        cmd += ["--store", f"oxigraph:{store_dir}"]
    return cmd


READ_TO_TURTLE = ("--no-view", "--no-validate")
"""What the issue's ratio measures, "end-to-end build (read to Turtle)": a build that writes
the Turtle and neither draws the view nor checks the shapes."""


def timed_build(
    label: str, folder: Path, build_dir: Path, log: Path, args, jobs: int | None, **kw
) -> dict:
    """Run one cold ``kg build`` into a fresh ``build_dir`` (``label`` says which, in the
    progress line); its measurement (run_measured)."""
    if build_dir.exists():
        shutil.rmtree(build_dir)
    cmd = build_command(folder, build_dir, jobs, **kw)
    print(f"  kg build{', ' + label if label else ''} ({' '.join(cmd[1:])}) …", flush=True)
    return run_measured(cmd, args.timeout, log)


def bench_size(n: int, args, jobs_ok: bool) -> dict:
    out: Path = args.out
    res: dict = {"n": n}
    folder = corpus(out, n, args.seed)
    size = corpus_bytes(folder)
    res["corpus_mb"] = size / 1e6
    res["articles"] = len(list(folder.glob("*.txt")))
    build_dir = out / "build" / str(n)
    jobs = args.jobs if args.jobs and jobs_ok else None
    store_dir = out / "store" / str(n)
    # with a store, a new version replaces the previous one (kg build writes it fresh)
    log = out / "logs" / f"build-{n}.log"
    b = timed_build(
        "", folder, build_dir, log, args, jobs, store_dir=store_dir if args.store else None
    )
    res["build"] = b
    ttl = build_dir / "graph.ttl"
    built = not b["timed_out"] and b["returncode"] in (0, 3) and ttl.is_file()
    if built:
        res["build_s"] = b["wall_s"]
        res["mb_per_s"] = res["corpus_mb"] / b["wall_s"]
        res["articles_per_s"] = res["articles"] / b["wall_s"]
        res["peak_rss_mb"] = b["peak_rss_mb"]
        res["ttl_mb"] = ttl.stat().st_size / 1e6
        res["triples"] = count_triples(ttl)
        res["stages_s"] = stage_timings(Path(b["log"]))
    else:
        why = "timed out" if b["timed_out"] else f"exit status {b['returncode']}"
        res["build_error"] = f"kg build {why} after {b['wall_s']:.0f} s (log: {b['log']})"
        print(f"  {res['build_error']}")

    plain_ttl = None
    if built and args.store:
        # the default build (kg build with no --store: Turtle and the HTML view, the view
        # drawn from a scratch store); timed too
        plain_dir = out / "build-plain" / str(n)
        log = out / "logs" / f"build-plain-{n}.log"
        pb = timed_build("no store", folder, plain_dir, log, args, jobs)
        res["build_plain"] = pb
        if not pb["timed_out"] and pb["returncode"] in (0, 3):
            res["build_plain_s"] = pb["wall_s"]
            res["stages_plain_s"] = stage_timings(Path(pb["log"]))
            plain_ttl = plain_dir / "graph.ttl"
    if built:
        # read to Turtle: no view, no SHACL check, no store (the issue's "end-to-end build")
        turtle_dir = out / "build-turtle" / str(n)
        log = out / "logs" / f"build-turtle-{n}.log"
        tb = timed_build(
            "read to Turtle", folder, turtle_dir, log, args, jobs, extra=READ_TO_TURTLE
        )
        res["build_turtle"] = tb
        if not tb["timed_out"] and tb["returncode"] in (0, 3):
            res["build_turtle_s"] = tb["wall_s"]
            res["stages_turtle_s"] = stage_timings(Path(tb["log"]))
            # the same graph as the full build's, byte for byte
            same = (turtle_dir / "graph.ttl").read_bytes() == ttl.read_bytes()
            res["turtle_identical"] = same
            if plain_ttl is not None:
                shutil.rmtree(turtle_dir)  # its Turtle is the others'; the space is not needed

    print("  jieba baseline …", flush=True)
    j = run_measured(
        [sys.executable, "-c", JIEBA_SCRIPT, str(folder)],
        args.timeout,
        out / "logs" / f"jieba-{n}.log",
    )
    res["jieba"] = j
    if j["returncode"] == 0 and not j["timed_out"]:
        split = json.loads(Path(j["log"]).read_text().strip().splitlines()[-1])
        j.update(split)
        res["jieba_s"] = j["wall_s"]
        res["jieba_loop_s"] = split["loop_s"]
        if built:
            res["ratio"] = res["build_s"] / res["jieba_s"]
            res["ratio_loop"] = res["build_s"] / res["jieba_loop_s"]
        if "build_plain_s" in res:
            res["ratio_plain"] = res["build_plain_s"] / res["jieba_s"]
        if "build_turtle_s" in res:
            res["ratio_turtle"] = res["build_turtle_s"] / res["jieba_s"]
    if built and args.engines:
        print("  queries …", flush=True)
        qlog = out / "logs" / f"queries-{n}.json"
        qcmd = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--query-worker",
            str(ttl),
            "--engines",
            ",".join(args.engines),
            "--repeat",
            str(args.repeat),
            "--query-timeout",
            str(args.query_timeout),
            "--worker-out",
            str(qlog),
            "--rdflib-max-triples",
            str(args.rdflib_max),
        ]
        if args.store:
            qcmd += ["--worker-store", str(store_dir)]
        qr = run_measured(qcmd, args.timeout, out / "logs" / f"queries-{n}.log")
        res["query_worker"] = qr
        if qr["returncode"] == 0 and qlog.is_file():
            res.update(json.loads(qlog.read_text()))
        else:
            why = "timed out" if qr["timed_out"] else f"exit status {qr['returncode']}"
            res["query_error"] = f"query worker {why} (log: {qr['log']})"
            print(f"  {res['query_error']}")
    return res


# --------------------------------------------------------------------------- report


def _f(value, fmt: str) -> str:
    return "-" if value is None else format(value, fmt)


def print_tables(results: list[dict], skipped: list[dict]) -> None:
    head = (
        f"{'N':>6} {'MB':>6} {'build s':>8} {'MB/s':>6} {'art/s':>6} {'RSS MB':>7} "
        f"{'triples':>9} {'jieba s':>8} {'loop s':>7} {'ratio':>6} {'no-store s':>10} {'ratio':>6}"
        f" {'→ttl s':>7} {'ratio':>6}"
    )
    print()
    print(head)
    print("-" * len(head))
    for r in results:
        print(
            f"{r['n']:>6} {_f(r.get('corpus_mb'), '6.1f')} {_f(r.get('build_s'), '8.1f')} "
            f"{_f(r.get('mb_per_s'), '6.3f')} {_f(r.get('articles_per_s'), '6.2f')} "
            f"{_f(r.get('peak_rss_mb'), '7.0f')} {_f(r.get('triples'), '9d')} "
            f"{_f(r.get('jieba_s'), '8.2f')} {_f(r.get('jieba_loop_s'), '7.2f')} "
            f"{_f(r.get('ratio'), '6.2f')} {_f(r.get('build_plain_s'), '10.1f')} "
            f"{_f(r.get('ratio_plain'), '6.2f')} {_f(r.get('build_turtle_s'), '7.1f')} "
            f"{_f(r.get('ratio_turtle'), '6.2f')}"
        )
        if r.get("turtle_identical") is False:
            print("       the read-to-Turtle build's graph.ttl differs from the full build's!")
        if r.get("build_error"):
            print(f"       {r['build_error']}")
    for s in skipped:
        print(f"{s['n']:>6}  not run: {s['reason']}")
    print(
        "ratio = build s / jieba s (both whole-subprocess wall times); "
        "loop s = jieba's read+lcut loop alone, without interpreter start and dictionary load;\n"
        "no-store s = the same build without --store (Turtle and HTML view only, the default "
        "`kg build`), and its ratio to jieba s;\n→ttl s = read to Turtle (kg build "
        f"{' '.join(READ_TO_TURTLE)}: no view, no SHACL check, no store; the same graph.ttl), "
        "and its ratio"
    )
    for r in results:
        if "queries" not in r:
            continue
        print()
        print(
            f"queries on N={r['n']} ({_f(r.get('triples'), 'd')} triples; rdflib parse "
            f"{_f(r.get('rdflib_parse_s'), '.1f')} s, oxigraph load {_f(r.get('oxigraph_load_s'), '.1f')} s)"
        )
        qh = f"{'query':<26} {'rows':>7} {'rdflib ms':>10} {'oxigraph ms':>12}  bind"
        print(qh)
        print("-" * len(qh))
        for name, q in r["queries"].items():
            cells, rows = [], None
            for engine in ("rdflib", "oxigraph"):
                e = q.get(engine)
                if e is None:
                    cells.append("-")
                elif "error" in e:
                    cells.append(e["error"][:24])
                else:
                    cells.append(f"{e['median_s'] * 1000:.1f}")
                    rows = e["rows"] if rows is None else rows
            rdf_rows = (q.get("rdflib") or {}).get("rows")
            oxi_rows = (q.get("oxigraph") or {}).get("rows")
            mismatch = (
                f" (rdflib {rdf_rows} != oxigraph {oxi_rows} rows)"
                if None not in (rdf_rows, oxi_rows) and rdf_rows != oxi_rows
                else ""
            )
            binds = " ".join(f"{k}={v}" for k, v in q["bind"].items())
            print(f"{name:<26} {_f(rows, '7d')} {cells[0]:>10} {cells[1]:>12}  {binds}{mismatch}")


def print_extra(extra: dict, cores: int | None) -> None:
    """The incremental-rebuild share and the --jobs speed-up, against their targets."""
    inc = extra.get("incremental")
    if inc:
        share = inc.get("share")
        print(
            f"\nrebuild after 1 of {inc['articles']} articles changed: {inc['warm_s']:.1f} s vs "
            f"cold {inc['cold_s']:.1f} s = {_f(share and 100 * share, '.1f')}% (target <= 10%)"
        )
    j = extra.get("jobs")
    if j:
        n = j["jobs"]
        for label, key, name in (
            ("extraction stages", "extract_s", "speedup"),
            ("read + extraction", "read_extract_s", "speedup_read_extract"),
        ):
            print(
                f"{label}, N=1000: --jobs 1 {_f(j.get(f'{key}_1'), '.1f')} s, --jobs {n} "
                f"{_f(j.get(f'{key}_{n}'), '.1f')} s: speed-up {_f(j.get(name), '.2f')} = "
                f"{_f(j.get(f'{name}_per_core'), '.2f')} x {n} (target >= 0.8 x {n}; "
                f"{cores} cores)"
            )
        print(
            f"whole build, N=1000: --jobs 1 {_f(j.get('build_s_1'), '.1f')} s, --jobs {n} "
            f"{_f(j.get(f'build_s_{n}'), '.1f')} s: {_f(j.get('speedup_build'), '.2f')}x"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--sizes",
        default=None,
        help="comma-separated corpus sizes (default 100,1000,10000; sizes asked for here "
        "always run, default sizes are skipped when the measured rate says they would "
        "exceed --budget)",
    )
    ap.add_argument("--jobs", type=int, default=None, help="pass --jobs N to kg build")
    ap.add_argument("--out", type=Path, default=HERE / "out", help="work folder (bench/out)")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    ap.add_argument(
        "--timeout", type=float, default=3600, help="seconds allowed to each subprocess"
    )
    ap.add_argument(
        "--budget",
        type=float,
        default=900,
        help="a default size whose build would take longer than this many seconds at the "
        "rate measured on the previous size is not run (default 900)",
    )
    ap.add_argument("--repeat", type=int, default=3, help="runs per query (median reported)")
    ap.add_argument("--query-timeout", type=float, default=120, help="seconds per query run")
    ap.add_argument(
        "--engines",
        default="rdflib,oxigraph",
        help="query engines to time: rdflib,oxigraph (empty: no queries)",
    )
    ap.add_argument(
        "--rdflib-max-triples",
        dest="rdflib_max",
        type=int,
        default=2_000_000,
        help="time rdflib queries only on graphs up to this size (default 2,000,000)",
    )
    ap.add_argument(
        "--no-store",
        dest="store",
        action="store_false",
        help="build without --store (default: a persistent Oxigraph store, OUT/store/N)",
    )
    ap.add_argument(
        "--incremental",
        type=int,
        default=1000,
        help="corpus size for the one-changed-article rebuild (0: skip; default 1000)",
    )
    ap.add_argument(
        "--speedup-jobs",
        type=int,
        default=None,
        help="worker processes for the --jobs speed-up of extraction on N=1000 "
        "(default: the core count; 0: skip)",
    )
    ap.add_argument("--query-worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--worker-store", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.engines = [e for e in args.engines.split(",") if e]
    if bad := set(args.engines) - {"rdflib", "oxigraph"}:
        ap.error(f"unknown engine(s): {', '.join(sorted(bad))}")

    if args.query_worker:  # internal: the query-timing subprocess
        res = query_worker(
            args.query_worker,
            args.engines,
            args.repeat,
            args.query_timeout,
            args.rdflib_max,
            args.worker_store,
        )
        args.worker_out.write_text(json.dumps(res, ensure_ascii=False, indent=1))
        return 0

    explicit = args.sizes is not None
    try:
        sizes = (
            sorted({int(s) for s in args.sizes.split(",") if s.strip()})
            if explicit
            else list(DEFAULT_SIZES)
        )
    except ValueError:
        ap.error("--sizes takes comma-separated integers")
    if not sizes or min(sizes) < 1:
        ap.error("--sizes needs positive integers")
    args.out.mkdir(parents=True, exist_ok=True)

    jobs_ok = build_supports_jobs()
    if args.jobs and not jobs_ok:
        print(
            f"note: this kg build has no --jobs option; --jobs {args.jobs} ignored (serial build)"
        )
    # Let jieba write its dictionary cache before anything is timed (both kg and the baseline
    # read the same cache, so neither pays for building it).
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import jieba, logging; jieba.setLogLevel(logging.WARNING); jieba.initialize()",
        ],
        timeout=600,
        check=False,
    )

    results: list[dict] = []
    skipped: list[dict] = []
    for n in sizes:
        measured = [r for r in results if r.get("articles_per_s")]
        if not explicit and measured:
            rate = measured[-1]["articles_per_s"]
            estimate = n / rate
            if estimate > args.budget:
                reason = (
                    f"at the {rate:.2f} articles/s measured on N={measured[-1]['n']}, "
                    f"a build of {n} would need at least {estimate / 60:.0f} min, over the "
                    f"{args.budget / 60:.0f} min budget; ask for it with --sizes {n}"
                )
                skipped.append({"n": n, "reason": reason})
                print(f"N={n}: not run: {reason}")
                continue
        if not explicit and results and not measured:
            reason = "the previous size did not build"
            skipped.append({"n": n, "reason": reason})
            print(f"N={n}: not run: {reason}")
            continue
        print(f"N={n}:", flush=True)
        results.append(bench_size(n, args, jobs_ok))
        print_tables(results[-1:], [])

    extra: dict = {}
    if args.incremental:
        print(f"incremental rebuild, N={args.incremental}:", flush=True)
        extra["incremental"] = bench_incremental(
            corpus(args.out, args.incremental, args.seed), args
        )
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    jobs = cores if args.speedup_jobs is None else args.speedup_jobs
    if jobs and jobs > 1:
        print(f"--jobs speed-up, N=1000, jobs 1 vs {jobs}:", flush=True)
        extra["jobs"] = bench_jobs(corpus(args.out, 1000, args.seed), jobs, args)

    report = {
        **extra,
        "cores": cores,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "kg_version": kg_version(),
        "jobs": args.jobs if jobs_ok else None,
        "jobs_requested": args.jobs,
        "seed": args.seed,
        "results": results,
        "skipped": skipped,
    }
    path = args.out / "results.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1))
    print("\n==== summary")
    print_tables(results, skipped)
    print_extra(extra, cores)
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
