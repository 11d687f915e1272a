"""Understanding report: profile field accuracy and fitting-search quality on the development set.

    python -m scripts.understanding_report            # writes docs/understanding-report.md
    python -m scripts.understanding_report --misses   # also prints every miss of the tuned-on part

The held-aside part's misses are never printed: it is for measuring, not tuning.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from bot.config import database_url
from bot.profile.evaluate import FIELDS, PartScore, evaluate, kinds
from bot.trials.store import TrialStore

REPORT = Path(__file__).resolve().parents[1] / "docs" / "understanding-report.md"
FIELD_TARGET = 0.95
SEARCH_TARGET = 0.90


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def render(scores: dict[str, PartScore], seconds: float) -> str:
    parts = list(scores)
    lines = [
        "# Understanding report",
        "",
        f"Written by `make understanding-report` on {date.today().isoformat()} ({seconds:.0f} s). "
        "Development set: tests/data/understanding/ (README there). Profile fields are read by "
        "`bot/profile/`; searches by `bot/profile/fit.py` on the shipped trial records.",
        "",
        "A field counts on an item when the expected profile or the one read has it; it is right "
        "when both agree exactly. Targets: each field >= 95% on the held-aside part; search >= 90%.",
        "",
        "| | " + " | ".join(parts) + " |",
        "|---|" + "---:|" * len(parts),
        "| items | " + " | ".join(str(scores[p].items) for p in parts) + " |",
        "| kinds | " + " | ".join(", ".join(f"{k} {n}" for k, n in sorted(kinds()[p].items())) for p in parts) + " |",
    ]
    for name in FIELDS:
        cells = [
            f"{_percent(scores[p].fields[name].accuracy)} ({scores[p].fields[name].right}/{scores[p].fields[name].counted})"
            for p in parts
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    searches = [
        f"{_percent(s.searches_right / s.searches if s.searches else None)} ({s.searches_right}/{s.searches})"
        for s in (scores[p] for p in parts)
    ]
    lines.append("| every right trial in the top 5, no clear mismatch shown | " + " | ".join(searches) + " |")
    below = [name for name in FIELDS if (a := scores[parts[-1]].fields[name].accuracy) is not None and a < FIELD_TARGET]
    lines += ["", f"Fields below target on the {parts[-1]} part: {', '.join(below) if below else 'none'}.", ""]
    return "\n".join(lines)


def unseen_summary(score: PartScore) -> str:
    """Aggregate figures only, so that scoring a new batch once does not leak its items."""
    lines = [f"unseen items: {score.items}"]
    lines += [
        f"{name}: {_percent(score.fields[name].accuracy)} ({score.fields[name].right}/{score.fields[name].counted})"
        for name in FIELDS
    ]
    searched = score.searches_right / score.searches if score.searches else None
    lines.append(f"search: {_percent(searched)} ({score.searches_right}/{score.searches})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print the tuned-on part's misses")
    parser.add_argument("--no-write", action="store_true", help="print the report instead of writing it")
    parser.add_argument(
        "--unseen",
        metavar="FILE",
        help="score only this new batch in tests/data/understanding/ before anyone tunes on it "
        "(aggregate figures only, nothing written)",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    store = TrialStore.from_url(database_url())
    if args.unseen:
        print(unseen_summary(evaluate(store, {"unseen": args.unseen})["unseen"]))
        return 0
    scores = evaluate(store)
    report = render(scores, time.monotonic() - started)
    if args.misses:
        tuned = scores["tuned on"]
        print("\n".join(tuned.misses + tuned.search_misses))
    if args.no_write:
        print(report)
    else:
        REPORT.write_text(report, encoding="utf-8")
        print(f"Wrote {REPORT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
