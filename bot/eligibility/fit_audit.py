"""The wrong-exclusion audit: the judge's verdicts on trials nobody labelled, one line per criterion,
for a person to read against the criterion text.

    python -m bot.eligibility.fit_audit                       # every "does not match", fit profiles x unlabelled trials
    python -m bot.eligibility.fit_audit --ask 40 --seed 19    # and a sample of 40 "ask your team" criteria

Trials are the shipped records (data/trials/) outside the labelled set (tests/data/fit/trials.json,
both parts), so reading them tunes nothing that is measured. Each line groups the people who got
the verdict by what they said about the field, so one reading covers them all.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional

from bot.config import SHIPPED_TRIALS_DIR
from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, Record, judge
from bot.eligibility.person import person_from_json
from bot.eligibility.records import shipped_record

ROOT = Path(__file__).resolve().parents[2]
FIT = ROOT / "tests" / "data" / "fit"
# what a person said that bears on each field, shown next to the verdict
SAID_FOR = {"site": ("site",), "grade": ("grade", "ki67", "differentiation"), "ki67": ("ki67", "grade"),
            "differentiation": ("differentiation", "grade", "ki67"), "spread": ("spread", "spread_sites", "resectable"),
            "resectable": ("resectable", "spread", "treatments"), "functioning": ("functioning", "syndrome"),
            "syndrome": ("syndrome", "functioning"), "treatments": ("treatments",), "age": ("age",), "sex": ("sex",),
            "men1": ("men1",), "vhl": ("vhl",)}


@dataclass(frozen=True)
class Finding:
    nct_id: str
    field: str
    criterion: str
    verdict: str
    profile_ids: tuple[str, ...]


def unlabelled_trials(folder: Path = SHIPPED_TRIALS_DIR, labelled: Path = FIT / "trials.json") -> list[str]:
    parts = json.loads(labelled.read_text(encoding="utf-8")) if labelled.is_file() else {}
    skip = {nct for ids in parts.values() for nct in ids}
    return sorted(p.stem for p in folder.glob("NCT*.json") if p.stem not in skip)


def audit(profiles: list[dict[str, Any]], trials: Iterable[Record], verdicts: tuple[str, ...] = (DOES_NOT_MATCH,)) -> list[Finding]:
    """Every check with one of `verdicts`, one finding per (trial, field, criterion)."""
    people = [(str(p["id"]), person_from_json(p)) for p in profiles]
    found: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    for trial in trials:
        for profile_id, person in people:
            for check in judge(trial, person).checks:
                if check.verdict in verdicts:
                    found[(getattr(trial, "nct_id", "?"), check.field, check.criterion, check.verdict)].append(profile_id)
    return [Finding(*key, tuple(ids)) for key, ids in sorted(found.items())]


def render(finding: Finding, profiles: dict[str, dict[str, Any]]) -> str:
    said: dict[str, list[str]] = defaultdict(list)
    for profile_id in finding.profile_ids:
        words = " / ".join(str(profiles[profile_id].get(k)) for k in SAID_FOR.get(finding.field, ()))
        said[words].append(profile_id)
    lines = [f"{finding.nct_id} {finding.field} {finding.verdict}: {' '.join(finding.criterion.split())}"]
    lines += [f"    {words} <- {', '.join(ids)}" for words, ids in said.items()]
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=Path, default=FIT / "profiles.json")
    parser.add_argument("--ask", type=int, default=0, metavar="N", help="also a sample of N 'ask your team' criteria")
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args(argv)
    profiles = json.loads(args.profiles.read_text(encoding="utf-8"))
    by_id = {str(p["id"]): p for p in profiles}
    records = [r for r in (shipped_record(n) for n in unlabelled_trials()) if r is not None]
    findings = audit(profiles, records, (DOES_NOT_MATCH, ASK_TEAM) if args.ask else (DOES_NOT_MATCH,))
    ruled_out = [f for f in findings if f.verdict == DOES_NOT_MATCH]
    asked = [f for f in findings if f.verdict == ASK_TEAM]
    sample = random.Random(args.seed).sample(asked, min(args.ask, len(asked)))
    print(f"{len(records)} unlabelled trials x {len(profiles)} profiles: {len(ruled_out)} criteria said 'does not match' "
          f"({sum(len(f.profile_ids) for f in ruled_out)} verdicts)")
    for finding in [*ruled_out, *sorted(sample, key=lambda f: (f.nct_id, f.field, f.criterion))]:
        print(render(finding, by_id))
    return 0


if __name__ == "__main__":
    sys.exit(main())
