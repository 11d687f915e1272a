"""`python -m bot conversations prune`: the retention command for staff and cron."""

from __future__ import annotations

import argparse
import os
import sys

from sqlalchemy import create_engine
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from bot.conversations.prune import DEFAULT_DAYS, prune_conversations

URL_VARIABLE = "TRACKER_STORE_URL"


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the `conversations` command group to the top-level subparsers of bot/cli.py."""
    group = subparsers.add_parser("conversations", help="stored conversations (Rasa's SQL tracker store)")
    commands = group.add_subparsers(title="conversations commands")
    p = commands.add_parser("prune", help="delete conversations last active more than N days ago")
    p.add_argument(
        "--older-than-days",
        type=_days,
        default=DEFAULT_DAYS,
        metavar="N",
        help=f"keep conversations active in the last N days (default {DEFAULT_DAYS})",
    )
    p.add_argument(
        "--tracker-url",
        default=os.environ.get(URL_VARIABLE),
        help=f"SQLAlchemy URL of the tracker store (default: ${URL_VARIABLE})",
    )
    p.add_argument("--dry-run", action="store_true", help="count what would be deleted; delete nothing")
    p.set_defaults(handler=cmd_prune)


def cmd_prune(args: argparse.Namespace) -> int:
    if not args.tracker_url:
        print(
            f"No tracker store given: set {URL_VARIABLE} or use --tracker-url. "
            "(The default in-memory store keeps nothing to prune.)",
            file=sys.stderr,
        )
        return 2
    try:
        engine = create_engine(args.tracker_url, future=True)
        report = prune_conversations(engine, args.older_than_days, dry_run=args.dry_run)
    except ArgumentError:
        print(f"That tracker store URL is not valid: {args.tracker_url!r}", file=sys.stderr)
        return 2
    except SQLAlchemyError as error:
        print(f"Could not reach the tracker store: {error.__class__.__name__}. Nothing was deleted.", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if value < 0:
        raise argparse.ArgumentTypeError("the number of days cannot be negative")
    return value
