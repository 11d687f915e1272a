"""Fit report: the per-criterion judge (bot/eligibility/judge.py) against hand-labelled pairs.

    python -m scripts.fit_report            # writes docs/fit-report.md
    python -m scripts.fit_report --misses   # also prints every disagreement of the tuning part

The held-aside part is for measuring, never tuning: only its totals are written, never its misses.
Its fifth batch (`held_fresh` in trials.json) gets a section of its own: the earlier held trials
were seen while tuning, so from session 18 on that section is the trustworthy held figure.
A last section measures the stage set (tests/data/fit/stage/: its own profiles against tuned trials,
labelled on spread and removal only), judged on those fields alone.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

from bot.eligibility.fit_measure import (
    LabelledPair,
    PartFigures,
    Tally,
    measure,
    only_fields,
    read_checks_only,
    read_labels,
)
from bot.eligibility.judge import Judgement, judge
from bot.eligibility.person import FIELDS, person_from_json
from bot.eligibility.records import shipped_record

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "fit"
REPORT = ROOT / "docs" / "fit-report.md"
PARTS = ("tune", "held")
HEADINGS = {
    "tune": "tune (tuned on)",
    "held": "held (held aside: never tuned on)",
    "held_fresh": "held_fresh (fifth batch only)",
    "stage": "stage (extra tuned pairs: spread and removal criteria only, tests/data/fit/stage/)",
}
STAGE = "stage"  # the folder of the stage set, inside the labelled set's folder
TARGETS = "wrong exclusions <= 1% of pairs not excluded; missed exclusions <= 10%; agreement >= 90%; coverage >= 90%"


def _percent(part: int, whole: int) -> str:
    return "-" if not whole else f"{100 * part / whole:.1f}%"


def judge_pairs(folder: Path, pairs: list[LabelledPair]) -> dict[tuple[str, str], Judgement]:
    profiles = {
        p["id"]: person_from_json(p) for p in json.loads((folder / "profiles.json").read_text(encoding="utf-8"))
    }
    records = {n: shipped_record(n) for n in {p.nct_id for p in pairs}}
    missing = sorted(n for n, r in records.items() if r is None)
    if missing:
        raise SystemExit(f"Trials not in data/trials: {', '.join(missing)}")
    return {(p.profile_id, p.nct_id): judge(records[p.nct_id], profiles[p.profile_id]) for p in pairs}  # type: ignore[arg-type]


def _row(name: str, pairs_kept: int, pairs_excluded: int, wrong: int, missed_of: tuple[int, int], tally: Tally) -> str:
    return (
        f"| {name} | {_percent(wrong, pairs_kept)} | {_percent(missed_of[0], missed_of[1])} | "
        f"{_percent(tally.agree, tally.checks)} ({tally.checks}) | {_percent(tally.firm_given, tally.firm_needed)} |"
    )


def render(figures: dict[str, PartFigures], seconds: float) -> str:
    lines = [
        "# Fit report",
        "",
        f"Written by `make fit-report` on {date.today().isoformat()} ({seconds:.0f} s). Labelled pairs: "
        "tests/data/fit/ (profiles written as patients' situations against real trials, each criterion "
        "the fields speak to read by hand as met / not met / unknown). Judge: `bot/eligibility/judge.py`.",
        "",
        f'Targets: {TARGETS}. Agreement counts the judge\'s silence as "ask your team" (unknown); '
        "coverage is the share of criteria labelled met or not met that get a firm verdict.",
        "",
    ]
    for part, f in figures.items():
        lines += [
            f"## {HEADINGS[part]}",
            "",
            f"{f.pairs} pairs: {f.kept_pairs} labelled not excluded, {f.excluded_pairs} excluded. "
            f"Wrong exclusions: {f.wrong_exclusions} of {f.kept_pairs} ({_percent(f.wrong_exclusions, f.kept_pairs)}). "
            f"Missed exclusions: {f.missed_exclusions} of {f.excluded_pairs} ({_percent(f.missed_exclusions, f.excluded_pairs)}). "
            f"Agreement: {_percent(f.total.agree, f.total.checks)} of {f.total.checks} criteria. "
            f"Coverage: {_percent(f.total.firm_given, f.total.firm_needed)}.",
            "",
            'Per field: wrong exclusions are the pairs not excluded where the field gave a "does not match"; '
            'missed exclusions are the criteria labelled not met that were not judged "does not match".',
            "",
            "| field | wrong exclusions | missed exclusions | agreement (criteria) | coverage |",
            "| --- | --- | --- | --- | --- |",
            _row(
                "all",
                f.kept_pairs,
                f.excluded_pairs,
                f.wrong_exclusions,
                (f.missed_exclusions, f.excluded_pairs),
                f.total,
            ),
        ]
        for name in FIELDS:
            t = f.by_field.get(name, Tally())
            lines.append(
                _row(name, f.kept_pairs, f.excluded_pairs, t.wrong_pairs, (t.not_met - t.not_met_found, t.not_met), t)
            )
        lines.append("")
    return "\n".join(lines)


def _stage_figures(path: Path, keep_misses: bool) -> PartFigures:
    """The stage set: its own profiles against tuned trials, judged on the fields it labels only."""
    pairs = read_checks_only(path)
    fields = {c["field"] for p in pairs for c in p.checks}
    judged = {key: only_fields(j, fields) for key, j in judge_pairs(path.parent, pairs).items()}
    return measure(pairs, judged, keep_misses=keep_misses)


def fresh_trials(folder: Path) -> set[str]:
    """The held trials labelled after the held part leaked (trials.json `held_fresh`, session 18)."""
    path = folder / "trials.json"
    if not path.is_file():
        return set()
    return set(json.loads(path.read_text(encoding="utf-8")).get("held_fresh", []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print the tuning part's disagreements")
    parser.add_argument("--labels", type=Path, default=LABELS, help="the labelled set's folder")
    parser.add_argument("--out", type=Path, default=REPORT)
    args = parser.parse_args(argv)
    if not (args.labels / "profiles.json").is_file():
        print(f"No labelled set in {args.labels}", file=sys.stderr)
        return 1
    started = time.monotonic()
    figures = {}
    for part in PARTS:
        path = args.labels / f"labels_{part}.jsonl"
        if not path.is_file():
            continue
        pairs = read_labels(path)
        judged = judge_pairs(args.labels, pairs)
        figures[part] = measure(pairs, judged, keep_misses=args.misses and part == "tune")
        fresh = fresh_trials(args.labels) if part == "held" else set()
        if fresh:
            # the only trustworthy held figure: the earlier held trials were seen while tuning
            figures["held_fresh"] = measure(
                [p for p in pairs if p.nct_id in fresh],
                {key: j for key, j in judged.items() if key[1] in fresh},
                keep_misses=False,
            )
    stage = args.labels / STAGE / "readings.yml"
    if stage.is_file():
        figures[STAGE] = _stage_figures(stage, keep_misses=args.misses)
    args.out.write_text(render(figures, time.monotonic() - started) + "\n", encoding="utf-8")
    print(f"Wrote {args.out}")
    for part in ("tune", STAGE):
        for line in figures.get(part, PartFigures()).misses:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
