"""Simulated patients talking to the assistant over the REST channel (Locust, `.venv-load`).

Each simulated user holds one conversation after another, each under a new sender id: a
greeting, a trial search, a trial's details through the "See NCT..." button of the search
results (its payload, as a chat widget would send it), who can join, a knowledge question,
the nurse helpline, thanks and goodbye, in a few realistic orders, with a person's pause
(1-3 s) before every message. Every message must be answered: a reply counts as an error when
the status is not 200, the body is not a JSON list, or the list is empty.

Every message is written down before it is posted, with what came back, and the whole record
is saved to --sent-log when Locust quits (with the final statistics: see _save_records), so
that scripts/load_bench.py can compare it with the trackers the server kept (no message lost
or duplicated). This file runs in .venv-load and imports nothing from the project.

    .venv-load/bin/locust -f scripts/load/locustfile.py --headless -u 10 -r 2 -t 30s \
        --host http://127.0.0.1:5005 --csv var/bench/load/run --sent-log var/bench/load/sent.json
"""

from __future__ import annotations

import csv
import itertools
import json
import random
from pathlib import Path
from typing import Any, Optional

import gevent
from locust import HttpUser, events, task
from locust.stats import PERCENTILES_TO_REPORT, StatsCSV

WEBHOOK = "/webhooks/rest/webhook"
DETAILS = object()  # a step that opens the first trial of the last search, through its button
FALLBACK_TRIAL = "tell me about NCT07273409"  # when the search showed no trial (typed, as a person would)

# (kind of message, text): the kind names the request in Locust's statistics.
CONVERSATIONS: list[list[tuple[str, Any]]] = [
    [
        ("greet", "hello"),
        ("search", "trials for lanreotide in the UK"),
        ("details", DETAILS),
        ("who can join", "who can join"),
        ("knowledge", "what is PRRT"),
        ("helpline", "can I talk to a nurse"),
        ("thanks", "thank you"),
        ("goodbye", "bye"),
    ],
    [
        ("greet", "hi there"),
        ("search", "any open trials for pancreatic net"),
        ("details", DETAILS),
        ("who can join", "who can take part in this one"),
        ("knowledge", "what is a placebo"),
        ("thanks", "thanks, that helps"),
        ("goodbye", "goodbye"),
    ],
    [
        ("search", "are there any lutathera trials"),
        ("details", DETAILS),
        ("knowledge", "what is PRRT"),
        ("helpline", "can I talk to a nurse"),
        ("goodbye", "bye for now"),
    ],
    [
        ("greet", "hello"),
        ("knowledge", "what is a placebo"),
        ("helpline", "can I talk to a nurse"),
        ("thanks", "thank you"),
    ],
]

# sender id -> the messages posted, in order: {"kind", "text", "status", "replies", "error"}.
# status None: no answer came (the request was cut off); 0: no HTTP answer (timeout, refused).
SENT: dict[str, list[dict[str, Any]]] = {}
_user_numbers = itertools.count(1)


@events.init_command_line_parser.add_listener
def _options(parser: Any) -> None:
    parser.add_argument("--sent-log", default="", help="write every sender's messages here (JSON) on quitting")
    parser.add_argument("--run-id", default="load", help="prefix of every sender id (unique per run)")
    parser.add_argument("--min-wait", type=float, default=1.0, help="shortest pause before a message (s)")
    parser.add_argument("--max-wait", type=float, default=3.0, help="longest pause before a message (s)")
    parser.add_argument(
        "--reply-timeout", type=float, default=30.0, help="seconds to wait for a reply before counting an error"
    )


@events.quitting.add_listener
def _save_records(environment: Any, **_: Any) -> None:
    """When Locust quits (after every user stopped): the sent log, and the final statistics.
    Locust rewrites its --csv files only once a second and not after the last requests, so the
    complete figures go to <csv prefix>_final_stats.csv and _final_failures.csv, in its format."""
    options = environment.parsed_options
    if options is None:
        return
    if options.sent_log:
        Path(options.sent_log).parent.mkdir(parents=True, exist_ok=True)
        Path(options.sent_log).write_text(
            json.dumps({"run_id": options.run_id, "senders": SENT}, indent=1), encoding="utf-8"
        )
    if options.csv_prefix:
        writer = StatsCSV(environment, PERCENTILES_TO_REPORT)
        for name, write in (("final_stats", writer.requests_csv), ("final_failures", writer.failures_csv)):
            with open(f"{options.csv_prefix}_{name}.csv", "w", newline="", encoding="utf-8") as handle:
                write(csv.writer(handle))


def reply_problem(status: int, body: str) -> Optional[str]:
    """Why a webhook answer is an error (None when it is a proper, non-empty reply)."""
    if status != 200:
        return f"status {status}"
    try:
        replies = json.loads(body)
    except ValueError:
        return "the body is not JSON"
    if not isinstance(replies, list):
        return "the body is not a JSON list"
    if not replies:
        return "no reply"
    return None


def details_payload(replies: list[Any]) -> Optional[str]:
    """The payload of the first "See NCT..." button (a /show_trial payload) in a turn's replies."""
    for reply in replies:
        for button in (reply.get("buttons") or []) if isinstance(reply, dict) else []:
            payload = str(button.get("payload", ""))
            if payload.startswith("/show_trial"):
                return payload
    return None


class Patient(HttpUser):
    """A patient or carer: one conversation after another, each under a new sender id."""

    def wait_time(self) -> float:
        options = self.environment.parsed_options
        return random.uniform(options.min_wait, options.max_wait)

    def on_start(self) -> None:
        self.number = next(_user_numbers)
        self.conversations = 0
        self.steps: list[tuple[str, Any]] = []
        self.last_replies: list[Any] = []
        gevent.sleep(random.uniform(0, self.environment.parsed_options.max_wait))  # not all at once

    def _new_conversation(self) -> None:
        self.conversations += 1
        self.sender = f"{self.environment.parsed_options.run_id}-u{self.number}-c{self.conversations}"
        self.steps = list(random.choice(CONVERSATIONS))
        self.last_replies = []

    @task
    def next_message(self) -> None:
        if not self.steps:
            self._new_conversation()
        kind, text = self.steps.pop(0)
        if text is DETAILS:
            text = details_payload(self.last_replies) or FALLBACK_TRIAL
        record: dict[str, Any] = {"kind": kind, "text": text, "status": None, "replies": 0, "error": None}
        SENT.setdefault(self.sender, []).append(record)  # before posting: a cut-off request still counts as sent
        with self.client.post(
            WEBHOOK,
            json={"sender": self.sender, "message": text},
            name=kind,
            catch_response=True,
            timeout=self.environment.parsed_options.reply_timeout,
        ) as response:
            record["status"] = response.status_code or 0
            problem = reply_problem(response.status_code or 0, response.text or "")
            if problem is None:
                self.last_replies = response.json()
                record["replies"] = len(self.last_replies)
                response.success()
            else:
                record["error"] = problem if response.status_code else f"{problem} ({response.error})"
                self.last_replies = []
                response.failure(record["error"])
