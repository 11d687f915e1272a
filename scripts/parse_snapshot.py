"""What the trained model makes of every known text, saved, and two such snapshots compared.

    .venv/bin/python -m scripts.parse_snapshot save /tmp/before.json        # the current code
    .venv/bin/python -m scripts.parse_snapshot compare /tmp/before.json /tmp/after.json

For a change meant to make understanding cheaper without changing it: `save` parses, with the
whole NLU pipeline of the trained model (Agent.parse_message: encoder, both models, routers,
safety net), every training example in data/nlu, every user turn of the test stories and every
turn of the development sets' tuning parts, and keeps the intent, the intent ranking, the chosen
knowledge topic with its ranking, and the entities. `compare` says which texts differ: a
different label or entity anywhere, or a confidence that moved by more than --tolerance (1e-6).
The held parts of the development sets are never read.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any, Iterator

from bot.config import REPO_ROOT

TUNING_SETS = (
    REPO_ROOT / "tests" / "data" / "understanding" / "dev_tune.jsonl",
    REPO_ROOT / "tests" / "data" / "followups" / "dev_tune.jsonl",
)
NLU_DIR = REPO_ROOT / "data" / "nlu"
TOLERANCE = 1e-6


def texts() -> list[str]:
    """Every distinct text, in a fixed order (the encoder's cache makes order matter little)."""
    from rasa.shared.nlu.training_data.loading import load_data

    from scripts.profile_message import story_conversations

    found = [m.get("text") for m in load_data(str(NLU_DIR)).training_examples if m.get("text")]
    found += [text for conversation in story_conversations() for text in conversation]
    for path in TUNING_SETS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                found += [str(turn) for turn in json.loads(line).get("turns", [])]
    return list(dict.fromkeys(found))


def summary(parsed: dict[str, Any]) -> dict[str, Any]:
    """The parts of a parse that carry a decision: labels, confidences, entities."""
    selector = (parsed.get("response_selector") or {}).get("knowledge") or {}
    return {
        "intent": [parsed["intent"].get("name"), parsed["intent"].get("confidence")],
        "ranking": [[item.get("name"), item.get("confidence")] for item in parsed.get("intent_ranking") or []],
        "topic": [[item.get("intent_response_key"), item.get("confidence")] for item in selector.get("ranking") or []],
        "entities": sorted(
            [str(e.get("entity")), str(e.get("value")), e.get("start"), e.get("end")]
            for e in parsed.get("entities") or []
        ),
    }


def save(out: Path, model: Path | None) -> None:
    from rasa.core.agent import Agent

    from bot.modelcache import model_path
    from scripts.profile_message import log_as_the_server_does

    log_as_the_server_does()  # Rasa's debug lines would cost more than the parsing
    agent = Agent.load(str(model or model_path()))
    loop = asyncio.new_event_loop()
    result = {text: summary(loop.run_until_complete(agent.parse_message(text))) for text in texts()}
    out.write_text(json.dumps(result, indent=0), encoding="utf-8")
    print(f"{len(result)} texts parsed into {out}")


def differences(before: Any, after: Any, tolerance: float, where: str = "") -> Iterator[str]:
    if isinstance(before, float) and isinstance(after, float):
        if abs(before - after) > tolerance:
            yield f"{where}: {before!r} -> {after!r}"
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for index, (one, other) in enumerate(zip(before, after)):
            yield from differences(one, other, tolerance, f"{where}[{index}]")
    elif isinstance(before, dict) and isinstance(after, dict) and before.keys() == after.keys():
        for key in before:
            yield from differences(before[key], after[key], tolerance, f"{where}.{key}")
    elif before != after:
        yield f"{where}: {before!r} -> {after!r}"


def largest_change(before: Any, after: Any) -> float:
    if isinstance(before, float) and isinstance(after, float):
        return abs(before - after)
    if isinstance(before, list) and isinstance(after, list):
        return max((largest_change(a, b) for a, b in zip(before, after)), default=0.0)
    if isinstance(before, dict) and isinstance(after, dict):
        return max((largest_change(before[k], after[k]) for k in before if k in after), default=0.0)
    return 0.0


def compare(before_file: Path, after_file: Path, tolerance: float) -> int:
    before = json.loads(before_file.read_text(encoding="utf-8"))
    after = json.loads(after_file.read_text(encoding="utf-8"))
    changed = {text: list(differences(before[text], after.get(text), tolerance)) for text in before}
    changed = {text: found for text, found in changed.items() if found}
    for text, found in list(changed.items())[:20]:
        print(f"{text!r}: " + "; ".join(found[:3]))
    biggest = max((largest_change(before[t], after[t]) for t in before if t in after), default=0.0)
    print(
        f"{len(before)} texts: {len(changed)} differ (labels, entities, or a confidence by more than "
        f"{tolerance:g}); the largest confidence change {biggest:.2e}"
    )
    return 1 if changed or before.keys() != after.keys() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    saving = commands.add_parser("save")
    saving.add_argument("out", type=Path)
    saving.add_argument("--model", type=Path, default=None)
    comparing = commands.add_parser("compare")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    comparing.add_argument("--tolerance", type=float, default=TOLERANCE)
    args = parser.parse_args()
    if args.command == "save":
        save(args.out, args.model)
    else:
        sys.exit(compare(args.before, args.after, args.tolerance))


if __name__ == "__main__":
    main()
