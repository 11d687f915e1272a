"""Follow-up report: does the assistant answer the question that was asked (issue 16)?

    python -m scripts.followups_report            # writes docs/followups-report.md
    python -m scripts.followups_report --no-write --misses

Each item of tests/data/followups/ (README there) is played through the real Rasa server and
action server over REST, one conversation per item; the last turn's replies must contain
every `must` (alternatives split by "|", case-insensitive) and none of `must_not`. Figures for
the tuned-on and the held-aside parts, by kind. Needs the trained model (`make model`).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from bot.config import REPO_ROOT, SHIPPED_TRIALS_DIR
from bot.deploy.embedded import running_embedded
from bot.modelcache import ensure_model
from bot.trials.importer import Importer
from bot.trials.store import TrialStore, make_engine
from tests.servers import say, texts

DATA = REPO_ROOT / "tests" / "data" / "followups"
REPORT = REPO_ROOT / "docs" / "followups-report.md"
PARTS = (("tuned on", "dev_tune.jsonl"), ("held aside", "dev_held.jsonl"))
TARGET = 0.90


@dataclass
class Score:
    right: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def share(self, kind: str | None = None) -> str:
        right = sum(self.right.values()) if kind is None else self.right[kind]
        total = sum(self.total.values()) if kind is None else self.total[kind]
        return f"{100 * right / total:.1f}% ({right}/{total})" if total else "-"


def items(name: str) -> Iterator[dict]:
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def judged(item: dict, reply: str) -> list[str]:
    """What is wrong with the reply: each `must` missing, each `must_not` present."""
    lowered = reply.lower()
    wrong = [
        f"missing {m!r}"
        for m in item.get("must", [])
        if not any(option.strip().lower() in lowered for option in m.split("|"))
    ]
    wrong += [f"says {m!r}" for m in item.get("must_not", []) if m.lower() in lowered]
    return wrong


def score_part(base: str, name: str, kind: str | None = None, show_replies: bool = False) -> Score:
    score = Score()
    for item in items(name):
        if kind and item["kind"] != kind:
            continue
        sender = f"followups-{item['id']}-{time.time_ns()}"
        replies: list[dict] = []
        for turn in item["turns"]:
            replies = say(base, sender, turn)
        wrong = judged(item, texts(replies))
        score.total[item["kind"]] += 1
        if wrong:
            shown = f"\n    REPLY: {' / '.join(texts(replies).split(chr(10)))[:600]}" if show_replies else ""
            score.misses.append(f"{item['id']} ({item['kind']}): {'; '.join(wrong)} <- {item['turns'][-1]!r}{shown}")
        else:
            score.right[item["kind"]] += 1
    return score


def report(scores: dict[str, Score], seconds: float) -> str:
    kinds = sorted({k for s in scores.values() for k in s.total})
    lines = [
        "# Follow-up report",
        "",
        f"Written by `python -m scripts.followups_report` on {time.strftime('%Y-%m-%d')} ({seconds:.0f} s), through "
        "the real Rasa server and action server. Development set: tests/data/followups/ (README there). An item is "
        f"right when the last reply has every `must` and no `must_not`. Target: >= {TARGET:.0%} on the held-aside part.",
        "",
        "| | " + " | ".join(part for part, _ in PARTS) + " |",
        "|---|" + "---:|" * len(PARTS),
        "| all | " + " | ".join(scores[part].share() for part, _ in PARTS) + " |",
        *[f"| {kind} | " + " | ".join(scores[part].share(kind) for part, _ in PARTS) + " |" for kind in kinds],
    ]
    return "\n".join(lines) + "\n"


def unseen_summary(score: Score) -> str:
    """Aggregate figures only, so that scoring a new batch once does not leak its items."""
    kinds = sorted(score.total)
    return "\n".join([f"unseen, all: {score.share()}", *[f"unseen, {kind}: {score.share(kind)}" for kind in kinds]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print the tuned-on part's misses")
    parser.add_argument("--no-write", action="store_true", help="print the report instead of writing it")
    parser.add_argument("--replies", action="store_true", help="with --misses: print each missed reply too")
    parser.add_argument("--kind", help="score only this kind of item (a quicker loop; implies --no-write)")
    parser.add_argument("--tuned-only", action="store_true", help="skip the held-aside part (implies --no-write)")
    parser.add_argument(
        "--unseen",
        metavar="FILE",
        help="score only this new batch in tests/data/followups/ before anyone tunes on it "
        "(aggregate figures only; implies --no-write)",
    )
    args = parser.parse_args(argv)
    partial = bool(args.kind or args.tuned_only or args.unseen)
    parts = (("unseen", args.unseen),) if args.unseen else PARTS[:1] if args.tuned_only else PARTS
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "trials.db"
        store = TrialStore(make_engine(f"sqlite:///{db}"))
        store.create_schema()
        Importer(store).import_paths([SHIPPED_TRIALS_DIR])
        with running_embedded(ensure_model(quiet=True), f"sqlite:///{db}", Path(folder) / "run") as base:
            scores = {
                part: score_part(base, name, args.kind, args.replies and part == "tuned on") for part, name in parts
            }
    if args.unseen:
        print(unseen_summary(scores["unseen"]))
        return 0
    scores.setdefault("held aside", Score())
    text = report(scores, time.perf_counter() - started)
    if args.misses:
        print("\n".join(scores["tuned on"].misses))
    if args.no_write or partial:
        print(text)
    else:
        REPORT.write_text(text, encoding="utf-8")
        print(f"Wrote {REPORT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
