"""Where one message's processor time goes, by stage, inside one Rasa process.

    .venv/bin/python -m scripts.profile_message                 # the current model, 200 messages
    .venv/bin/python -m scripts.profile_message --model models/x.tar.gz --json /tmp/profile.json

Loads the trained model into this process (as the Rasa server does, with the action fallbacks
installed), starts the guarded action server on a free port, and sends a fixed list of
realistic messages: the user turns of the test stories (tests/stories), each story one
conversation under a new sender id, taken in turn until --messages have been sent (after
--warmup messages that are not counted). Then one long conversation of --long-turns turns
shows whether a late turn costs more than an early one.

Processor time (`time.process_time`, every thread of this process) is charged to the stage
running at the time (scripts/stage_clock.py); the action server's own processor time is read
from /proc. Processor time moves far less than reply times when others use the machine, but
it still moves (the encoder waits on memory): compare runs made at the same time.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

from bot.config import REPO_ROOT
from scripts.stage_clock import StageClock

STORIES = REPO_ROOT / "tests" / "stories"
# Entity marks in story text: "[lutathera](treatment)" or '[uk]{"entity": "country"}'.
ENTITY_MARK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")
# One long conversation of ordinary turns (no form), cycled; its length shows replay cost.
LONG_CYCLE = ["what is PRRT", "thank you", "what is a placebo", "can I talk to a nurse", "what is a biopsy"]
# Starting the action server takes tens of seconds when the machine is busy.
STARTUP_SECONDS = 300
TOTAL = "whole message (Agent.handle_message)"
ACTION_SERVER_CPU = "action server's own processor time"
STATES_STAGE = "policies: building states (replaying the tracker)"


def story_conversations(folder: Path = STORIES) -> list[list[str]]:
    """Each test story's user messages, in order, entity marks removed."""
    conversations = []
    for path in sorted(folder.glob("*.yml")):
        for story in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("stories", []):
            texts = [
                ENTITY_MARK.sub(r"\1", step["user"]).strip()
                for step in story.get("steps", [])
                if isinstance(step, dict) and "user" in step
            ]
            if texts:
                conversations.append(texts)
    return conversations


def message_plan(conversations: list[list[str]], count: int) -> Iterator[tuple[int, str]]:
    """(conversation number, text) pairs: whole conversations in turn, `count` messages in all."""
    sent, number = 0, 0
    while sent < count:
        for text in conversations[number % len(conversations)]:
            if sent == count:
                return
            yield number, text
            sent += 1
        number += 1


def stages(clock: StageClock) -> None:
    """The stages timed, from the outside in (an inner stage's time is not its parent's)."""
    from rasa.core.agent import Agent
    from rasa.core.policies.ensemble import DefaultPolicyPredictionEnsemble
    from rasa.core.policies.memoization import MemoizationPolicy
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.core.policies.ted_policy import TEDPolicy
    from rasa.core.processor import MessageProcessor
    from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
    from rasa.nlu.extractors.spacy_entity_extractor import SpacyEntityExtractor
    from rasa.nlu.tokenizers.spacy_tokenizer import SpacyTokenizer
    from rasa.nlu.utils.spacy_utils import SpacyNLP
    from rasa.shared.core.domain import Domain
    from rasa.utils.tensorflow.models import RasaModel

    from components import (
        compare_router,
        feeling_router,
        followup_router,
        intent_classifier,
        meaning_featurizer,
        place_router,
        safety_net,
        sentence_encoder,
        topic_selector,
        trial_names,
    )
    from components.action_fallbacks import ActionWithFallback
    from components.policy_states import ConversationStates

    clock.wrap(Agent, "handle_message", TOTAL)
    clock.wrap(MessageProcessor, "_parse_message_with_graph", "NLU: Rasa's graph and message handling")
    clock.wrap(MessageProcessor, "_predict_next_with_tracker", "policies: Rasa's graph and tracker copies")
    clock.wrap(MessageProcessor, "get_tracker", "tracker store: read")
    clock.wrap(MessageProcessor, "save_tracker", "tracker store: write")
    for owner in (SpacyNLP, SpacyTokenizer, SpacyEntityExtractor):
        clock.wrap(owner, "process", "NLU: spaCy (tokens, entity ruler)")
    clock.wrap(meaning_featurizer.MeaningFeaturizer, "process", "NLU: meaning featuriser (around the encoder)")
    clock.wrap(sentence_encoder.SentenceEncoder, "run", "NLU: sentence encoder (forward pass)")
    clock.wrap(intent_classifier.WordsAndMeaningClassifier, "process", "NLU: intent model")
    clock.wrap(topic_selector.TopicSelector, "process", "NLU: knowledge-topic model")
    for owner in (
        FallbackClassifier,
        trial_names.TrialNameRouter,
        place_router.PlaceRouter,
        followup_router.FollowUpRouter,
        compare_router.CompareRouter,
        feeling_router.FeelingRouter,
        safety_net.SafetyNet,
    ):
        clock.wrap(owner, "process", "NLU: fallback, routers, safety net")
    clock.wrap(RulePolicy, "predict_action_probabilities", "policies: rules")
    clock.wrap(MemoizationPolicy, "predict_action_probabilities", "policies: memoization")
    clock.wrap(TEDPolicy, "predict_action_probabilities", "policies: TED (featurising)")
    clock.wrap(RasaModel, "run_inference", "policies: TED (TensorFlow)")
    clock.wrap(Domain, "states_for_tracker_history", STATES_STAGE)
    clock.wrap(ConversationStates, "states", STATES_STAGE)
    clock.wrap(DefaultPolicyPredictionEnsemble, "combine_predictions_from_kwargs", "policies: ensemble")
    clock.wrap(ActionWithFallback, "run", "action server round trip (Rasa's side)")


def action_server_module() -> str:
    try:
        from bot.deploy.entry_points import ACTION_SERVER
    except ImportError:  # before the servers moved to components/server/
        return "bot.deploy.action_server"
    return ACTION_SERVER


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class ActionServer:
    process: subprocess.Popen
    url: str
    token: str

    @classmethod
    def start(cls, profile_to: Path | None = None) -> "ActionServer":
        """With profile_to, the server runs under cProfile, which writes there when it stops."""
        port, token = free_port(), secrets.token_urlsafe(16)
        # One worker: its processor time is read from /proc and cProfile sees only its own process.
        env = {
            **os.environ,
            "ACTION_SERVER_TOKEN": token,
            "ACTIONS_WORKERS": "1",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        }
        log = tempfile.TemporaryFile()
        profiler = ["-m", "cProfile", "-o", str(profile_to)] if profile_to else []
        process = subprocess.Popen(
            [sys.executable, *profiler, "-m", action_server_module(), "--host", "127.0.0.1", "--port", str(port)],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        server = cls(process, f"http://127.0.0.1:{port}", token)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and process.poll() is None:
            try:
                urllib.request.urlopen(f"{server.url}/health", timeout=1)
                return server
            except OSError:
                time.sleep(0.5)
        server.stop()
        log.seek(0)
        raise RuntimeError(f"the action server did not start:\n{log.read().decode(errors='replace')[-2000:]}")

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


async def converse(agent: Any, plan: list[tuple[str, str]], per_turn: list[float] | None = None) -> None:
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    for sender, text in plan:
        started = time.process_time()
        await agent.handle_message(UserMessage(text, CollectingOutputChannel(), sender))
        if per_turn is not None:
            per_turn.append(time.process_time() - started)


def log_as_the_server_does() -> None:
    """INFO, as `rasa run` logs by default (left unset, Rasa's debug lines cost a lot)."""
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.INFO)
    configure_structlog(logging.INFO)


def run(
    model: Path,
    messages: int,
    warmup: int,
    long_turns: int,
    action_server_profile: Path | None = None,
    gc_freeze: bool = False,
) -> dict[str, Any]:
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig

    from bot.deploy.endpoints import ACTION_ENDPOINT_OPTIONS
    from components.action_fallbacks import install

    log_as_the_server_does()
    install()
    clock = StageClock()
    stages(clock)
    clock.watch_garbage_collection()
    server = ActionServer.start(action_server_profile)
    try:
        endpoint = EndpointConfig(f"{server.url}/webhook", token=server.token, **ACTION_ENDPOINT_OPTIONS)
        agent = Agent.load(str(model), action_endpoint=endpoint)
        if gc_freeze:
            gc.collect()
            gc.freeze()  # what is loaded at start-up is never collected again
        conversations = story_conversations()
        run_id = secrets.token_hex(3)
        plan = [(f"profile-{run_id}-{number}", text) for number, text in message_plan(conversations, warmup + messages)]
        loop = asyncio.new_event_loop()
        loop.run_until_complete(converse(agent, plan[:warmup]))
        clock.reset()
        server_cpu = server.cpu_seconds()
        per_message: list[float] = []
        loop.run_until_complete(converse(agent, plan[warmup:], per_message))
        server_cpu = server.cpu_seconds() - server_cpu
        result = {
            "model": str(model),
            "messages": messages,
            "conversations": len(conversations),
            "cpu_ms": {stage: 1000 * seconds / messages for stage, seconds in clock.cpu.items()},
            "wall_ms": {stage: 1000 * seconds / messages for stage, seconds in clock.wall.items()},
            "calls_per_message": {stage: calls / messages for stage, calls in clock.calls.items()},
            "message_cpu_ms_median": 1000 * statistics.median(per_message),
            ACTION_SERVER_CPU: 1000 * server_cpu / messages,
        }
        if long_turns:
            result["long_conversation"] = long_conversation(agent, loop, clock, long_turns, run_id, server)
        loop.close()
        return result
    finally:
        server.stop()
        clock.unwrap_all()


def long_conversation(
    agent: Any, loop: asyncio.AbstractEventLoop, clock: StageClock, turns: int, run_id: str, server: ActionServer
) -> dict[str, Any]:
    """Processor time of each turn of one long conversation, by stage, and the action server's."""
    sender = f"profile-{run_id}-long"
    cycle = len(LONG_CYCLE)
    per_turn: list[float] = []
    stages_per_turn: list[dict[str, float]] = []
    for turn in range(turns):
        before, server_before = dict(clock.cpu), server.cpu_seconds()
        loop.run_until_complete(converse(agent, [(sender, LONG_CYCLE[turn % cycle])], per_turn))
        spent = {stage: seconds - before.get(stage, 0.0) for stage, seconds in clock.cpu.items()}
        spent[ACTION_SERVER_CPU] = server.cpu_seconds() - server_before
        stages_per_turn.append(spent)

    def window_ms(values: list[float], first_turn: int) -> float:
        """Mean over one whole cycle of turns starting at first_turn (1-based), in ms."""
        return 1000 * statistics.mean(values[first_turn - 1 : first_turn - 1 + cycle])

    def stage_ms(first_turn: int) -> dict[str, float]:
        names = {stage for spent in stages_per_turn for stage in spent}
        return {
            stage: window_ms([spent.get(stage, 0.0) for spent in stages_per_turn], first_turn)
            for stage in sorted(names)
        }

    early, late = cycle * 2 + 1, turns - cycle + 1
    return {
        "turns": turns,
        "early_turns": f"{early}-{early + cycle - 1}",
        "late_turns": f"{late}-{turns}",
        "early_ms": window_ms(per_turn, early),
        "late_ms": window_ms(per_turn, late),
        "early_states_ms": stage_ms(early).get(STATES_STAGE, 0.0),
        "late_states_ms": stage_ms(late).get(STATES_STAGE, 0.0),
        "early_stages_ms": stage_ms(early),
        "late_stages_ms": stage_ms(late),
    }


def markdown(result: dict[str, Any]) -> str:
    cpu, calls = result["cpu_ms"], result["calls_per_message"]
    total = sum(cpu.values())
    lines = ["| stage | processor ms per message | share | calls per message |", "|---|---:|---:|---:|"]
    for stage, ms in sorted(cpu.items(), key=lambda item: -item[1]):
        name = "rest of handling a message (channel, lock, events, logging)" if stage == TOTAL else stage
        lines.append(f"| {name} | {ms:.1f} | {100 * ms / total:.0f}% | {calls[stage]:.1f} |")
    lines.append(f"| **Rasa process, all stages** | **{total:.1f}** | 100% | |")
    round_trip = result["wall_ms"].get("action server round trip (Rasa's side)", 0.0)
    lines.append(
        f"\nMedian message: {result['message_cpu_ms_median']:.1f} ms of processor time. "
        f"The action server used {result[ACTION_SERVER_CPU]:.1f} ms per message of its own; "
        f"the round trip took {round_trip:.1f} ms per message by the clock."
    )
    long = result.get("long_conversation")
    if long:
        lines.append(
            f"One {long['turns']}-turn conversation: turns {long['early_turns']} "
            f"cost {long['early_ms']:.1f} ms "
            f"each ({long['early_states_ms']:.1f} ms building states), turns {long['late_turns']} "
            f"{long['late_ms']:.1f} ms ({long['late_states_ms']:.1f} ms building states): "
            f"{long['late_ms'] / long['early_ms']:.2f}x."
        )
        early_stages, late_stages = long.get("early_stages_ms", {}), long.get("late_stages_ms", {})
        growth = sorted(late_stages, key=lambda stage: early_stages.get(stage, 0.0) - late_stages[stage])
        lines.append(
            "What grew most (ms per turn, early -> late): "
            + "; ".join(
                f"{'rest of handling' if stage == TOTAL else stage} {early_stages.get(stage, 0.0):.1f} -> "
                f"{late_stages[stage]:.1f}"
                for stage in growth[:5]
            )
            + "."
        )
    return "\n".join(lines)


def main() -> None:
    from bot.modelcache import model_path

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=None, help="model file (default: the current one)")
    parser.add_argument("--messages", type=int, default=200, help="messages measured (default 200)")
    parser.add_argument("--warmup", type=int, default=30, help="messages sent first, not counted (default 30)")
    parser.add_argument("--long-turns", type=int, default=60, help="turns of the long conversation (0: none)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="move what the model loaded out of the garbage collector's way (gc.freeze)",
    )
    parser.add_argument(
        "--action-server-profile",
        type=Path,
        default=None,
        help="run the action server under cProfile, its statistics written here",
    )
    args = parser.parse_args()
    model = args.model or model_path()
    if not model.exists():
        sys.exit(f"{model} does not exist: run `make model` first")
    result = run(model, args.messages, args.warmup, args.long_turns, args.action_server_profile, args.gc_freeze)
    print(markdown(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
