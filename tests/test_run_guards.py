"""What `make run` (scripts/run.sh) starts, checked from outside as an attacker would: the
action server only on 127.0.0.1 and only with the Rasa server's token, CORS for the page's own
exact origin, and no version banner."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

import pytest

from bot.channels.credentials import platform_variables
from tests.server_kinds import Running, ScriptServer
from tests.server_pool import pool_fixture
from tests.servers import free_port, say, texts

pytestmark = pytest.mark.integration


@dataclass
class Run:
    rasa: str
    actions_port: int
    web_origin: str


def run_env(environment: Mapping[str, str], model: Path, folder: Path) -> dict[str, str]:
    quiet = {k: v for k, v in environment.items() if k not in platform_variables() and k != "ACTION_SERVER_TOKEN"}
    return {
        **quiet,
        "MODEL": str(model),
        "RASA_PORT": str(free_port()),
        "ACTIONS_PORT": str(free_port()),
        "WEB_PORT": str(free_port()),
        "RUN_DIR": str(folder),
    }


# `make run` as it starts, ahead while other tests run (tests/server_pool.py).
make_run_script = pool_fixture(ScriptServer("make_run", ("bash", "scripts/run.sh"), run_env, ready_text="is running"))


@pytest.fixture(scope="module")
def make_run(make_run_script: Running) -> Run:
    env = make_run_script.env
    return Run(f"http://127.0.0.1:{env['RASA_PORT']}", int(env["ACTIONS_PORT"]), f"http://127.0.0.1:{env['WEB_PORT']}")


def status_of(url: str, body: Optional[bytes] = None) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body), timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def allowed_origin(url: str, origin: str) -> Optional[str]:
    request = urllib.request.Request(url, headers={"Origin": origin})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers.get("Access-Control-Allow-Origin")


def test_the_action_server_runs_no_action_without_the_token(make_run: Run) -> None:
    call = b'{"next_action": "action_log_gap", "sender_id": "x", "tracker": {}, "domain": {}}'
    assert status_of(f"http://127.0.0.1:{make_run.actions_port}/webhook", call) == 401


def test_the_action_server_is_not_reachable_from_another_address(make_run: Run) -> None:
    with socket.socket() as sock:  # 127.0.0.2 is another address of this machine, as a LAN one would be
        sock.settimeout(5)
        assert sock.connect_ex(("127.0.0.2", make_run.actions_port)) != 0


def test_the_rasa_server_still_runs_actions_with_its_token(make_run: Run) -> None:
    assert "everolimus" in texts(say(make_run.rasa, "run-guards", "find everolimus trials please")).lower()


def test_cors_allows_the_pages_own_origin_and_not_a_look_alike(make_run: Run) -> None:
    assert allowed_origin(f"{make_run.rasa}/", make_run.web_origin) == make_run.web_origin
    for look_alike in ("http://localhost.evil.example", f"{make_run.web_origin}.evil.example"):
        assert allowed_origin(f"{make_run.rasa}/", look_alike) is None, look_alike


def test_rasa_shows_no_version_banner(make_run: Run) -> None:
    with urllib.request.urlopen(f"{make_run.rasa}/", timeout=30) as response:
        assert "Rasa" not in response.read().decode() and "Server" not in response.headers
    assert status_of(f"{make_run.rasa}/version") == 404
