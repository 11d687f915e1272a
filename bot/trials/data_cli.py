"""`python -m bot trials merge` and `python -m bot trials report`: the shipped data's upkeep."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.trials.merge_files import merge_folders
from bot.trials.store import TrialStore


def register(trials: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the commands to the `trials` subcommands of bot/cli.py."""
    p = trials.add_parser(
        "merge",
        help="merge folders of compiled records (with x-source) into a folder of them",
        description="Each record new to the target folder is copied; one already there is merged "
        "with it: the newer status, the fuller criteria, places, arms and contacts, and x-source "
        "saying where each part came from. Files are replaced whole (never half-written).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a .json file or a folder of them")
    p.add_argument(
        "--into", required=True, type=Path, metavar="FOLDER", help="the folder to merge into, e.g. data/trials"
    )
    p.set_defaults(handler=cmd_merge)

    p = trials.add_parser("report", help="what the trial database holds: open, dated, with criteria, places...")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(handler=cmd_report)


def cmd_merge(args: argparse.Namespace) -> int:
    report = merge_folders(args.into, args.paths)
    print(f"Merge finished: {report.summary()}.")
    for rejection in report.rejected:
        print(f"  rejected: {rejection}")
    return 0 if not report.rejected else 1


def cmd_report(args: argparse.Namespace) -> int:
    store = TrialStore.from_url()
    store.create_schema()
    report = store.data_report()
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print("\n".join(report.lines()))
    return 0
