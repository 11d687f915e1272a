"""What does TED decide that the rules, memoization and forms would not?

    .venv/bin/python -m scripts.ted_audit                      # talk through the test stories' messages
    .venv/bin/python -m scripts.ted_audit --without-ted test core --e2e --stories tests/stories ...

Without arguments: loads the trained model, starts the action server, sends every test
story's user messages (each story one conversation, through the real NLU), and at every
action prediction compares the ensemble's choice with the choice it would make without TED's
prediction (which is what a model trained without TED would do: the rules and memoization
learn the same from the same data). Prints how often each policy won and every turn where
leaving TED out would change the action.

With --without-ted, the rest of the command line is run as Rasa's own command (`rasa ...`) in
this process with TED's predictions left out of every decision, so `rasa test core` shows what
the test stories would do without TED, without training another model.

config.yml has had no TED since this audit (issue 21); it still reads a model trained with one
(`--model`, or `rasa ... --model` after --without-ted), to check before TED is brought back.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, List

from bot.config import REPO_ROOT
from scripts.profile_message import story_conversations

TED = "TEDPolicy"


@dataclass
class Decisions:
    winners: Counter = field(default_factory=Counter)
    changed: list[dict[str, Any]] = field(default_factory=list)
    total: int = 0


def _action(prediction: Any, domain: Any) -> str:
    return domain.action_names_or_texts[prediction.max_confidence_index]


def watch_ensemble(decisions: Decisions, leave_out_ted: bool) -> None:
    """Every decision also made without TED; the one used is with TED unless leave_out_ted."""
    from rasa.core.policies.ensemble import DefaultPolicyPredictionEnsemble

    original = DefaultPolicyPredictionEnsemble.combine_predictions

    def combine(self: Any, predictions: List[Any], tracker: Any, domain: Any) -> Any:
        others = [p for p in predictions if p.policy_name != TED]
        without = original(self, others, tracker, domain)
        chosen = without if leave_out_ted else original(self, predictions, tracker, domain)
        decisions.total += 1
        decisions.winners[chosen.policy_name] += 1
        if _action(chosen, domain) != _action(without, domain):
            decisions.changed.append(
                {
                    "conversation": tracker.sender_id,
                    "intent": tracker.latest_message.intent.get("name"),
                    "text": tracker.latest_message.text,
                    "previous action": tracker.latest_action_name,
                    "with TED": f"{_action(chosen, domain)} ({chosen.max_confidence:.2f})",
                    "without TED": f"{_action(without, domain)} ({without.policy_name}, {without.max_confidence:.2f})",
                }
            )
        return chosen

    DefaultPolicyPredictionEnsemble.combine_predictions = combine


def dev_tune_conversations() -> list[list[str]]:
    """The tuning parts of the development sets (never the held parts): each item's turns."""
    conversations = []
    for path in sorted(REPO_ROOT.glob("tests/data/*/dev_tune.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                conversations.append(list(json.loads(line)["turns"]))
    return conversations


def audit_conversations(model: Path, conversations: list[list[str]]) -> Decisions:
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig

    from components.action_fallbacks import install
    from scripts.profile_message import ActionServer, converse, log_as_the_server_does

    log_as_the_server_does()
    install()
    decisions = Decisions()
    watch_ensemble(decisions, leave_out_ted=False)
    server = ActionServer.start()
    try:
        agent = Agent.load(str(model), action_endpoint=EndpointConfig(f"{server.url}/webhook", token=server.token))
        run_id = secrets.token_hex(3)
        plan = [(f"ted-audit-{run_id}-{number}", text) for number, texts in enumerate(conversations) for text in texts]
        asyncio.run(converse(agent, plan))
    finally:
        server.stop()
    return decisions


def main() -> None:
    if sys.argv[1:2] == ["--without-ted"]:
        from rasa.__main__ import main as rasa_main

        decisions = Decisions()
        watch_ensemble(decisions, leave_out_ted=True)
        sys.argv = ["rasa", *sys.argv[2:]]
        try:
            rasa_main()
        finally:
            print(
                f"Decisions made without TED: {decisions.total}; TED would have chosen differently "
                f"in {len(decisions.changed)}."
            )
        return
    from bot.modelcache import model_path

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument(
        "--conversations",
        choices=("stories", "dev-tune"),
        default="stories",
        help="the test stories' user messages, or the development sets' tuning parts",
    )
    args = parser.parse_args()
    conversations = story_conversations() if args.conversations == "stories" else dev_tune_conversations()
    decisions = audit_conversations(args.model or model_path(), conversations)
    print(
        f"{decisions.total} action decisions; won by: "
        + ", ".join(f"{name} {count}" for name, count in decisions.winners.most_common())
    )
    print(f"Decisions that would change without TED: {len(decisions.changed)}")
    for change in decisions.changed:
        print("  " + "; ".join(f"{key}: {value}" for key, value in change.items()))


if __name__ == "__main__":
    main()
