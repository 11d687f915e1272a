"""`make bench`: the registry-scale benchmark.

Generates synthetic studies (scripts/synthetic.py: marked synthetic, fixed seed, never shipped),
imports them into a fresh SQLite file through the real importer, times ten typical patient
searches, and writes the figures and the machine into their own section of docs/benchmarks.md.
A measurement, not a test: nothing fails when a target is missed, the page just says so.

    .venv/bin/python -m scripts.bench [--studies N] [--seed S] [--repeats R] [--keep]
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import shlex
import shutil
import sqlite3
import time
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import sqlalchemy

from bot.config import DATA_DIR, REPO_ROOT
from bot.geo import Place, find_place
from bot.progress import ProgressBar
from bot.trials.importer import Importer, ImportReport
from bot.trials.nearby import near
from bot.trials.query import Near, TrialQuery
from bot.trials.store import TrialStore, make_engine
from scripts import synthetic

SECTION = "registry-scale"
IMPORT_TARGET = 2000  # studies per second
SEARCH_P95_TARGET = 50.0  # milliseconds, for every query
DEFAULT_STUDIES, DEFAULT_SEED, DEFAULT_REPEATS = 500_000, 20261121, 30


# Eleven typical patient questions, as the chat turns them into queries (limit 5, open trials).
def _place(name: str, country: str) -> Place:
    found = find_place(name, country)
    if found is None:
        raise LookupError(f"the gazetteer has no {name}, {country}")
    return found


QUERIES = [
    TrialQuery(treatment="Lutathera"),
    TrialQuery(treatment="evrolimus"),
    TrialQuery(condition="pancreatic NET"),
    TrialQuery(treatment="lanreotide", country="United Kingdom"),
    TrialQuery(condition="insulinoma", status="all"),
    TrialQuery(text="quality of life"),
    TrialQuery(city="Manchester"),
    TrialQuery(phase=3, condition="GEP-NET"),
    TrialQuery(age=67, sex="female", condition="pancreatic NET"),
    TrialQuery(treatment="the radioactive drip", country="Sweden"),
    TrialQuery(near=near(_place("Manchester", "United Kingdom"), 100)),  # "anything near Manchester?"
]


@dataclass
class QueryTiming:
    query: str
    results: int
    samples_ms: list[float]

    @property
    def p50(self) -> float:
        return percentile(self.samples_ms, 0.50)

    @property
    def p95(self) -> float:
        return percentile(self.samples_ms, 0.95)


@dataclass
class BenchResult:
    studies: int
    seed: int
    repeats: int
    generate_seconds: float
    import_seconds: float
    import_cpu_seconds: float  # this process's CPU time during the import: less affected by other work
    db_bytes: int
    report: ImportReport
    searches: list[QueryTiming]
    load: tuple[float, float]  # 1-minute load average before the import and after the searches

    @property
    def import_rate(self) -> float:
        return self.studies / max(self.import_seconds, 1e-9)

    @property
    def overall(self) -> QueryTiming:
        return QueryTiming("all queries", 0, [s for q in self.searches for s in q.samples_ms])

    @property
    def worst_p95(self) -> float:
        return max(q.p95 for q in self.searches)


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the smallest sample with at least `fraction` of them at or below it."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(round(len(ordered) * fraction, 9)))
    return ordered[rank - 1]


def describe(query: TrialQuery) -> str:
    """The fields a query sets, as they would be written in code: treatment="Lutathera", ..."""
    parts = [
        f"{f.name}={_value(getattr(query, f.name))}".replace("'", '"')
        for f in fields(query)
        if f.name not in ("limit", "offset") and getattr(query, f.name) != f.default
    ]
    return ", ".join(parts)


def _value(value: object) -> str:
    if isinstance(value, Near):
        return f"near({value.name!r}, within {value.within_km:g} km)"
    return repr(value)


def run(studies: int, seed: int, work_dir: Path, repeats: int) -> BenchResult:
    work_dir = work_dir.resolve()
    if work_dir == DATA_DIR or DATA_DIR in work_dir.parents:
        raise SystemExit("Synthetic studies are never written under data/: choose another --work-dir.")
    pages_dir, db_path = work_dir / "pages", work_dir / "bench.db"
    clean(work_dir)

    bar = ProgressBar(studies, "generating")
    started = time.perf_counter()
    pages = synthetic.write_pages(pages_dir, studies, seed, progress=bar.advance)
    generate_seconds = time.perf_counter() - started
    bar.close()

    store = TrialStore(make_engine(f"sqlite:///{db_path}"))
    store.create_schema()
    load_before = _load()
    bar = ProgressBar(studies, "importing")
    started, cpu_started = time.perf_counter(), time.process_time()
    report = Importer(store).import_paths(pages, progress=bar.advance)
    import_seconds, import_cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    bar.close()
    with store.engine.connect() as conn:  # fold the write-ahead log in, so the size is the file's
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db_bytes = sum(p.stat().st_size for p in work_dir.glob("bench.db*"))

    searches = []
    bar = ProgressBar(len(QUERIES) * (repeats + 1), "searching")
    for query in QUERIES:
        page = store.search(query)  # warm-up, and the result count
        bar.advance()
        samples = []
        for _ in range(repeats):
            started = time.perf_counter()
            store.search(query)
            samples.append((time.perf_counter() - started) * 1000)
            bar.advance()
        searches.append(QueryTiming(describe(query), page.total, samples))
    bar.close()
    store.engine.dispose()
    return BenchResult(
        studies,
        seed,
        repeats,
        generate_seconds,
        import_seconds,
        import_cpu_seconds,
        db_bytes,
        report,
        searches,
        (load_before, _load()),
    )


def _load() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def clean(work_dir: Path) -> None:
    """Remove what an earlier run left (only the files this script writes)."""
    shutil.rmtree(work_dir / "pages", ignore_errors=True)
    for path in work_dir.glob("bench.db*"):
        path.unlink()
    work_dir.mkdir(parents=True, exist_ok=True)


# -- the machine -----------------------------------------------------------------------------
def machine(work_dir: Path) -> dict[str, str]:
    cpu = _proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown"
    mem_kb = _proc_field("/proc/meminfo", "MemTotal")
    memory = f"{int(mem_kb.split()[0]) / 1024**2:.1f} GiB" if mem_kb else "unknown"
    return {
        "CPU": f"{cpu}, {os.cpu_count()} logical cores",
        "Memory": memory,
        "Operating system": platform.platform(),
        "Python": platform.python_version(),
        "SQLite": f"{sqlite3.sqlite_version} (SQLAlchemy {sqlalchemy.__version__})",
        "Disk": _disk(work_dir),
    }


def _proc_field(path: str, name: str) -> Optional[str]:
    try:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                key, _, value = line.partition(":")
                if key.strip() == name:
                    return value.strip()
    except OSError:
        pass
    return None


def _disk(path: Path) -> str:
    """Device, file system, size and free space of a folder's disk, and whether it is rotational."""
    path = path.resolve()
    device, fs_type, best = "unknown device", "", ""
    try:
        with open("/proc/mounts", encoding="utf-8") as mounts:
            for line in mounts:
                dev, point, kind = line.split()[:3]
                if (path == Path(point) or Path(point) in path.parents) and len(point) >= len(best):
                    device, fs_type, best = dev, kind, point
    except OSError:
        pass
    usage = shutil.disk_usage(path)
    kind = ""
    name = Path(device).name
    for candidate in (name, name.rstrip("0123456789").removesuffix("p")):
        flag = Path(f"/sys/class/block/{candidate}/queue/rotational")
        if flag.exists():
            rotational = flag.read_text().strip() == "1"
            kind = f", the kernel reports it {'rotational' if rotational else 'non-rotational (SSD)'}"
            break
    return f"{device} ({fs_type or 'unknown fs'}{kind}), {usage.total / 1024**3:.0f} GiB, {usage.free / 1024**3:.0f} GiB free"


# -- the page --------------------------------------------------------------------------------
def render_section(result: BenchResult, machine_info: dict[str, str], command: str, when: datetime) -> str:
    s = result
    size_mib = s.db_bytes / 1024**2
    import_ok = s.import_rate >= IMPORT_TARGET
    search_ok = s.worst_p95 <= SEARCH_P95_TARGET
    lines = [
        f"<!-- bench:{SECTION} -->",
        f"## Registry scale: {s.studies:,} synthetic studies",
        "",
        f"Written by `make bench` (scripts/bench.py) on {when:%Y-%m-%d %H:%M} UTC. "
        "Everything between the `bench:registry-scale` markers is replaced on the next run.",
        "",
        "### Data",
        "",
        f"{s.studies:,} synthetic studies in the ClinicalTrials.gov API v2 shape, made by "
        f"`scripts/synthetic.py` with seed {s.seed} (same seed, same studies), written as pages of "
        f"{synthetic.PAGE_SIZE:,} into the git-ignored work folder and deleted afterwards unless `--keep`. "
        f"About {synthetic.NET_SHARE:.0%} are about neuroendocrine tumours, {synthetic.ONCOLOGY_SHARE:.0%} "
        "about other cancers and the rest about other medicine, so that searches are as selective as "
        "on the real registry. Every record is marked synthetic (title, `x-source`) and has an NCT id "
        f"from NCT{synthetic.FIRST_ID} on; none is ever shipped.",
        "",
        *machine_and_command(
            machine_info,
            f"{s.load[0]:.1f} before the import, {s.load[1]:.1f} after the searches",
            "make bench   # runs the line below with the defaults",
            command,
        ),
        "### Import",
        "",
        "A fresh SQLite file, through the real code path: `Importer.import_paths` "
        "(read, parse, validate, upsert in batches of one transaction each, with concept tags and full-text index).",
        "",
        "| Studies | Generation (s) | Import (s) | Studies/s | Import CPU (s) | Studies per CPU-second | Database size |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {s.studies:,} | {s.generate_seconds:,.1f} | {s.import_seconds:,.1f} | {s.import_rate:,.0f} "
        f"| {s.import_cpu_seconds:,.1f} | {s.studies / max(s.import_cpu_seconds, 1e-9):,.0f} | {size_mib:,.0f} MiB |",
        "",
        f"Import report: {s.report.summary()}. *Studies/s* is by the clock, as the target means it; "
        "*studies per CPU-second* counts only the time the import had a processor, roughly what it would "
        "reach on an otherwise idle machine (it leaves out waiting for the disk).",
        "",
        "### Search",
        "",
        f"Each query through `TrialStore.search` (limit 5, as the chat asks), once to warm up, then "
        f"{s.repeats} times; p50 and p95 by nearest rank. *Results* is the total the search reports.",
        "",
        "| Query | Results | p50 (ms) | p95 (ms) |",
        "|---|---:|---:|---:|",
        *[f"| `{q.query}` | {q.results:,} | {q.p50:.1f} | {q.p95:.1f} |" for q in s.searches],
        f"| **all queries** | | **{s.overall.p50:.1f}** | **{s.overall.p95:.1f}** |",
        "",
        "### Targets",
        "",
        "| Target | Measured | Met |",
        "|---|---|---|",
        f"| Import ≥ {IMPORT_TARGET:,} studies/s | {s.import_rate:,.0f} studies/s | {'yes' if import_ok else '**no**'} |",
        f"| Search p95 ≤ {SEARCH_P95_TARGET:.0f} ms (every query) | slowest query p95 {s.worst_p95:.1f} ms, "
        f"all queries p95 {s.overall.p95:.1f} ms | {'yes' if search_ok else '**no**'} |",
        f"<!-- /bench:{SECTION} -->",
    ]
    return "\n".join(lines) + "\n"


def machine_and_command(machine_info: dict[str, str], load: str, make_line: str, command: str) -> list[str]:
    """The "Machine" and "Commands" parts every benchmark section starts with."""
    return [
        "### Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {key} | {value} |" for key, value in machine_info.items()],
        f"| Load (1-minute average) | {load} |",
        "",
        "Other work on the machine at the same time slows every figure down; see the load.",
        "",
        "### Commands",
        "",
        "```sh",
        make_line,
        command,
        "```",
        "",
    ]


def replace_section(document: str, section: str, name: str = SECTION) -> str:
    """The document with the named benchmark's section replaced (or added at the end); the rest
    untouched, so each benchmark rewrites only its own part of docs/benchmarks.md."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    head, found, rest = document.partition(start)
    if found and end in rest:
        tail = rest.split(end, 1)[1].removeprefix("\n")
        return head + section + tail
    if not document.strip():
        document = (
            "# Benchmarks\n\nMeasurements on one machine: the trial database at registry scale, and "
            "conversations under load. Each benchmark writes its own section between "
            "`<!-- bench:NAME -->` and `<!-- /bench:NAME -->` and leaves the rest of this file alone.\n"
        )
    return document.rstrip("\n") + "\n\n" + section


def write_section(path: Path, section: str, name: str = SECTION) -> None:
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(replace_section(existing, section, name), encoding="utf-8")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--studies", type=int, default=DEFAULT_STUDIES, help="how many synthetic studies")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    parser.add_argument(
        "--work-dir",
        type=Path,
        default=REPO_ROOT / "var" / "bench",
        help="where the pages and the database go (git-ignored)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the pages and the database afterwards")
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--repeats", type=int, default=DEFAULT_REPEATS, help="timed runs per query")
    args = parser.parse_args(argv)
    if args.studies < 1 or args.repeats < 1:
        parser.error("--studies and --repeats must be at least 1")

    result = run(args.studies, args.seed, args.work_dir, args.repeats)
    command = shlex.join(
        [
            ".venv/bin/python",
            "-m",
            "scripts.bench",
            "--studies",
            str(args.studies),
            "--seed",
            str(args.seed),
            "--repeats",
            str(args.repeats),
        ]
    )
    section = render_section(result, machine(args.work_dir), command, datetime.now(timezone.utc))
    write_section(args.output, section)
    if not args.keep:
        clean(args.work_dir)
    print(
        f"import: {result.studies:,} studies in {result.import_seconds:.1f} s "
        f"({result.import_rate:,.0f}/s); {result.report.summary()}"
    )
    for q in result.searches:
        print(f"search: p50 {q.p50:6.1f} ms  p95 {q.p95:6.1f} ms  {q.results:>7,}  {q.query}")
    print(f"written: {args.output}")
    return 0 if result.report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
