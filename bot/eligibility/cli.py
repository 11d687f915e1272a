"""`python -m bot criteria ...`: plain-English criteria, facts and questions from the shell.

    python -m bot criteria plain < criteria.txt      JSON: {"inclusion": [...], "exclusion": [...]}
    python -m bot criteria facts < criteria.txt      JSON: the structured facts
    python -m bot criteria show NCT07273409 [--original]
    python -m bot criteria questions NCT07273409 [--json]

Exit status: 0 success, 1 trial not found, 2 bad input (no text on standard input, not an
NCT number).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Optional

from bot.trials.cli_trial import trial_named


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the `criteria` command group to the top-level subparsers of bot/cli.py."""
    group = subparsers.add_parser("criteria", help="eligibility criteria in plain English").add_subparsers(
        title="criteria commands"
    )
    p = group.add_parser("plain", help="rewrite one criteria text (standard input) in plain English, as JSON")
    p.add_argument("--indent", type=int, default=2, help="JSON indent (0 for one line)")
    p.set_defaults(handler=cmd_plain)

    p = group.add_parser("facts", help="structured facts from one criteria text (standard input), as JSON")
    p.set_defaults(handler=cmd_facts)

    p = group.add_parser("show", help="a stored trial's eligibility in plain English")
    p.add_argument("nct_id", metavar="NCT_ID")
    p.add_argument("--original", action="store_true", help="also show the registry's own words")
    p.set_defaults(handler=cmd_show)

    p = group.add_parser("questions", help="questions for your doctor and the trial team about a stored trial")
    p.add_argument("nct_id", metavar="NCT_ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_questions)


def _stdin_text() -> Optional[str]:
    text = sys.stdin.read()
    if not text.strip():
        print(
            "Give the criteria text on standard input, e.g. python -m bot criteria plain < criteria.txt",
            file=sys.stderr,
        )
        return None
    return text


def cmd_plain(args: argparse.Namespace) -> int:
    from bot.eligibility.plain import plain_criteria

    text = _stdin_text()
    if text is None:
        return 2
    print(json.dumps(plain_criteria(text).as_dict(), indent=args.indent or None, ensure_ascii=False))
    return 0


def cmd_facts(args: argparse.Namespace) -> int:
    from bot.eligibility.facts import extract_facts

    text = _stdin_text()
    if text is None:
        return 2
    print(json.dumps(extract_facts(text).as_dict(), indent=2, ensure_ascii=False))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from bot.eligibility.render import eligibility_text

    trial, status = trial_named(args.nct_id)
    if trial is None:
        return status
    print(eligibility_text(trial, show_original=args.original))
    return 0


def cmd_questions(args: argparse.Namespace) -> int:
    from bot.eligibility.questions import questions_for

    trial, status = trial_named(args.nct_id)
    if trial is None:
        return status
    questions = questions_for(trial)
    if args.json:
        print(json.dumps({"doctor": list(questions.doctor), "coordinator": list(questions.coordinator)}, indent=2))
        return 0
    print("Questions for your doctor:")
    print("\n".join(f"{i}. {q}" for i, q in enumerate(questions.doctor, 1)))
    print("\nQuestions for the trial team:")
    print("\n".join(f"{i}. {q}" for i, q in enumerate(questions.coordinator, 1)))
    return 0
