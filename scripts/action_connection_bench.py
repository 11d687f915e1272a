"""Paired micro benchmark of the kept action-server session (components/server/action_connection.py).

    nice .venv/bin/python -m scripts.action_connection_bench --messages 300 --blocks 5 --json F

Starts two real set-ups side by side on the same model: each a guarded action server and a
Rasa server through `python -m components.server.rasa_server`, one as shipped (*kept*: one
session, connections kept) and one with the kept session switched off (*new*: Rasa's own new
session and connection for every call). The test stories' user turns (as scripts/profile_message.py
sends them) go to both, one message at a time, alternating which set-up goes first, so others'
work on the machine falls on both alike. For each block: processor time of each Rasa process
and each action server (from /proc, all its processes) per message; for every message the wall
time of the REST call. With --users N, N conversations at once per set-up, both set-ups at the
same time.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import yaml

from bot.config import REPO_ROOT
from bot.deploy.embedded import free_port
from bot.deploy.endpoints import ACTION_TOKEN_ENV, action_endpoint
from bot.deploy.entry_points import ACTION_SERVER
from bot.deploy.processes import ManagedProcess, wait_until_ready
from scripts.profile_message import message_plan, story_conversations

START_SECONDS = 300
TICKS = os.sysconf("SC_CLK_TCK")
# The shipped Rasa server with only the kept session switched off.
WITHOUT_KEPT_SESSION = (
    "import sys; from components.server import action_connection, rasa_server;"
    " action_connection.install = lambda: None; sys.argv[0] = 'rasa_server'; rasa_server.main()"
)


@dataclass
class SetUp:
    name: str
    url: str
    rasa_pid: int
    actions_pid: int
    actions_port: int
    walls: list[float] = field(default_factory=list)
    rasa_ms: list[float] = field(default_factory=list)  # per message, one figure a block
    actions_ms: list[float] = field(default_factory=list)


def processor_seconds(root: int) -> float:
    """User and system time of `root` and every process below it (the action server's workers)."""
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / TICKS
        todo += [int(child) for child in children]
    return total


@contextmanager
def running(name: str, model: Path, folder: Path, kept: bool) -> Iterator[SetUp]:
    actions_port, rasa_port = free_port(), free_port()
    endpoints = folder / f"{name}-endpoints.yml"
    url = f"http://127.0.0.1:{actions_port}/webhook"
    endpoints.write_text(yaml.safe_dump({"action_endpoint": action_endpoint(url)}, sort_keys=False))
    credentials = folder / "credentials.yml"
    credentials.write_text("rest:\n")  # the REST channel only: no messaging platform's variables needed
    env = {ACTION_TOKEN_ENV: secrets.token_urlsafe(24), "TF_CPP_MIN_LOG_LEVEL": "2"}
    rasa_start = ["-m", "components.server.rasa_server"] if kept else ["-c", WITHOUT_KEPT_SESSION]
    rasa_args = ["run", "--model", str(model), "--port", str(rasa_port), "--endpoints", str(endpoints)]
    rasa_args += ["--credentials", str(credentials)]
    processes = [
        ManagedProcess(
            f"{name} action server",
            [sys.executable, "-m", ACTION_SERVER, "--port", str(actions_port)],
            folder / f"{name}-actions.log",
            f"http://127.0.0.1:{actions_port}/health",
            env=env,
        ),
        ManagedProcess(
            f"{name} Rasa",
            [sys.executable, *rasa_start, *rasa_args, "--interface", "127.0.0.1"],
            folder / f"{name}-rasa.log",
            f"http://127.0.0.1:{rasa_port}/",
            env=env,
        ),
    ]
    try:
        for process in processes:
            process.start()
        wait_until_ready(processes, START_SECONDS)
        actions, rasa = (process.pid for process in processes)
        assert actions is not None and rasa is not None
        yield SetUp(name, f"http://127.0.0.1:{rasa_port}", rasa, actions, actions_port)
    finally:
        for process in reversed(processes):
            process.stop()


def connections_to(port: int) -> dict[str, int]:
    """Rasa's TCP connections to the action server's port, by state (`ss`): kept ones are
    ESTAB, each closed one stays in TIME-WAIT for a minute."""
    states: dict[str, int] = {}
    for line in subprocess.run(["ss", "-tanH"], capture_output=True, text=True).stdout.splitlines():
        fields = line.split()
        if len(fields) >= 5 and fields[4].endswith(f":{port}"):
            states[fields[0]] = states.get(fields[0], 0) + 1
    return states


def say(setup: SetUp, sender: str, text: str) -> float:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(
        f"{setup.url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        replies = json.loads(response.read())
    if not replies:
        raise RuntimeError(f"{setup.name}: no reply to {text!r}")
    return time.perf_counter() - started


def in_turn(setups: list[SetUp], plan: list[tuple[int, str]], run: str) -> list[list[float]]:
    """Each message to every set-up, one at a time, who goes first alternating."""
    walls: list[list[float]] = [[] for _ in setups]
    for i, (number, text) in enumerate(plan):
        order = list(range(len(setups)))[:: 1 if i % 2 == 0 else -1]
        for k in order:
            walls[k].append(say(setups[k], f"{run}-{number}", text))
    return walls


def together(setups: list[SetUp], plan: list[tuple[int, str]], run: str, users: int) -> list[list[float]]:
    """`users` conversations at once to each set-up, all set-ups at the same time."""
    conversations: dict[int, list[str]] = {}
    for number, text in plan:
        conversations.setdefault(number, []).append(text)

    def conversation(k: int, number: int) -> list[float]:
        return [say(setups[k], f"{run}-{number}", text) for text in conversations[number]]

    pools = [ThreadPoolExecutor(users) for _ in setups]  # each set-up exactly `users` at a time
    try:
        futures = [[pool.submit(conversation, k, n) for n in conversations] for k, pool in enumerate(pools)]
        walls: list[list[float]] = [[wall for future in own for wall in future.result()] for own in futures]
    finally:
        for pool in pools:
            pool.shutdown()
    return walls


def block(setups: list[SetUp], plan: list[tuple[int, str]], run: str, users: int) -> None:
    before = [(processor_seconds(s.rasa_pid), processor_seconds(s.actions_pid)) for s in setups]
    walls = in_turn(setups, plan, run) if users == 1 else together(setups, plan, run, users)
    for setup, (rasa, actions), wall in zip(setups, before, walls):
        setup.rasa_ms.append((processor_seconds(setup.rasa_pid) - rasa) * 1000 / len(wall))
        setup.actions_ms.append((processor_seconds(setup.actions_pid) - actions) * 1000 / len(wall))
        setup.walls += wall


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summary(setups: list[SetUp], load: tuple[float, float]) -> dict:
    new, kept = setups
    return {
        "load_before_after": load,
        "setups": {
            s.name: {
                "rasa_ms_per_message_by_block": [round(v, 2) for v in s.rasa_ms],
                "actions_ms_per_message_by_block": [round(v, 2) for v in s.actions_ms],
                "rasa_ms_median": round(statistics.median(s.rasa_ms), 2),
                "actions_ms_median": round(statistics.median(s.actions_ms), 2),
                "wall_ms_p50": round(percentile(s.walls, 0.5) * 1000, 1),
                "wall_ms_p95": round(percentile(s.walls, 0.95) * 1000, 1),
                "wall_ms_mean": round(statistics.mean(s.walls) * 1000, 1),
                "messages": len(s.walls),
            }
            for s in setups
        },
        "paired_rasa_ms_kept_minus_new": [round(k - n, 2) for k, n in zip(kept.rasa_ms, new.rasa_ms)],
        "paired_actions_ms_kept_minus_new": [round(k - n, 2) for k, n in zip(kept.actions_ms, new.actions_ms)],
        "paired_wall_ms_median_difference": round(
            statistics.median(k - n for k, n in zip(kept.walls, new.walls)) * 1000, 2
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, help="default: the current model (python -m bot model path)")
    parser.add_argument("--messages", type=int, default=200, help="messages a block, to each set-up")
    parser.add_argument("--blocks", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=30, help="messages to each set-up first, not counted")
    parser.add_argument("--users", type=int, default=1, help="conversations at once (1: one message at a time)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.model is None:
        from bot.modelcache import ensure_model

        args.model = ensure_model()
    conversations = story_conversations()
    with tempfile.TemporaryDirectory(prefix="action-connection-bench-") as tmp, ExitStack() as stack:
        folder = Path(tmp)
        setups = [
            stack.enter_context(running("new", args.model, folder, kept=False)),
            stack.enter_context(running("kept", args.model, folder, kept=True)),
        ]
        in_turn(setups, list(message_plan(conversations, args.warmup)), "warmup")
        for setup in setups:
            setup.walls.clear()
        load_before = os.getloadavg()[0]
        for number in range(args.blocks):
            plan = list(message_plan(conversations[number:] + conversations[:number], args.messages))
            block(setups, plan, f"block{number}", args.users)
        result = summary(setups, (load_before, os.getloadavg()[0]))
        result["connections_at_the_end"] = {s.name: connections_to(s.actions_port) for s in setups}
    result["messages_a_block"], result["users"] = args.messages, args.users
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text)
    return 0


if __name__ == "__main__":
    os.chdir(REPO_ROOT)
    raise SystemExit(main())
