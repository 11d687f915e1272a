"""`python -m bot trials fit PROFILES.json [--trials NCT...] [--json]`: each profile against each
trial, criterion by criterion, with the judge of bot/eligibility/judge.py."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Iterable, Optional

from bot.eligibility.judge import Judgement, judge
from bot.eligibility.person import FIELDS, Person, ProfileError, person_from_json
from bot.trials.nct import is_valid_nct_id
from bot.trials.not_listed import not_listed
from bot.trials.query import TrialDetail
from bot.trials.store import TrialStore

PROFILE_HELP = (
    'a JSON file holding a list of profiles; each has an "id" and any of '
    + ", ".join(f for f in FIELDS if f not in ("grade", "treatments"))
    + ", grade, spread_sites, treatments "
    "(names as people write them)"
)


class InputError(ValueError):
    """Bad input, said plainly on stderr."""


def register(trials: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add `fit` to the `trials` subcommands of bot/cli.py."""
    p = trials.add_parser(
        "fit",
        help="judge profiles against trials, criterion by criterion",
        description="Each profile against each trial: matches, does_not_match or ask_team per "
        "criterion; a trial is excluded only on a clear does_not_match.",
    )
    p.add_argument("profiles", type=Path, metavar="PROFILES.json", help=PROFILE_HELP)
    p.add_argument("--trials", nargs="+", metavar="NCT", help="NCT ids (default: every stored trial)")
    p.add_argument("--json", action="store_true", help="one JSON object a line")
    p.set_defaults(handler=cmd_fit)


def cmd_fit(args: argparse.Namespace) -> int:
    try:
        profiles = read_profiles(args.profiles)
        store = TrialStore.from_url()
        store.create_schema()
        trials = load_trials(store, args.trials)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for profile_id, person in profiles:
        for trial in trials:
            result = pair_json(profile_id, trial.nct_id, judge(trial, person))
            print(json.dumps(result, ensure_ascii=False) if args.json else pair_text(result))
    return 0


def read_profiles(path: Path) -> list[tuple[str, Person]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot be read ({error})") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: not valid JSON ({error.msg}, line {error.lineno})") from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not data:
        raise InputError(f"{path}: expected a list of profiles")
    profiles = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict) or item.get("id") in (None, ""):
            raise InputError(f'{path}: profile {number} has no "id"')
        try:
            profiles.append((str(item["id"]), person_from_json(item)))
        except ProfileError as error:
            raise InputError(f"{path}: profile {item['id']!r}: {error}") from None
    return profiles


def load_trials(store: TrialStore, ids: Optional[Iterable[str]]) -> list[TrialDetail]:
    wanted = [i.strip().upper() for i in ids] if ids else sorted(store.iter_ids())
    bad = [i for i in wanted if not is_valid_nct_id(i)]
    if bad:
        raise InputError(f"not an NCT id: {', '.join(bad)}")
    trials = {i: store.get(i) for i in wanted}
    unknown = [i for i, t in trials.items() if t is None]
    if unknown:
        raise InputError(not_listed(unknown))
    if not trials:
        raise InputError("no trials stored: run `python -m bot trials init` first")
    return [t for t in trials.values() if t is not None]


def pair_json(profile_id: str, nct_id: str, judgement: Judgement) -> dict[str, Any]:
    return {
        "profile_id": profile_id,
        "nct_id": nct_id,
        "excluded": judgement.excluded,
        "checks": [{"field": c.field, "criterion": c.criterion, "verdict": c.verdict} for c in judgement.checks],
    }


def pair_text(result: dict[str, Any]) -> str:
    head = f"{result['profile_id']} x {result['nct_id']}: {'excluded' if result['excluded'] else 'not excluded'}"
    lines = [
        f"  {c['verdict']:<15} {c['field']:<16} {' '.join(c['criterion'].split())[:100]}" for c in result["checks"]
    ]
    return "\n".join([head, *lines])
