"""The real Rasa server and action server, with the trained model, over the REST webhook."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.servers import first_button, say, texts

pytestmark = pytest.mark.integration


def test_greeting_says_what_it_is(assistant: str) -> None:
    reply = texts(say(assistant, "greeter", "hello there"))
    assert "not a doctor" in reply.lower() or "automated" in reply.lower()
    assert "0808 800 4040" in reply


def test_search_then_open_a_card_then_page_on(assistant: str) -> None:
    replies = say(assistant, "searcher", "are there any lutathera trials")
    assert "open trials for lutathera" in texts(replies)
    cards = [r for r in replies if "Status:" in r.get("text", "")]
    assert 1 <= len(cards) <= 5
    button = first_button(cards)
    assert button and button["payload"].startswith("/show_trial")
    detail = texts(say(assistant, "searcher", button["payload"]))
    assert "Last updated on the registry" in detail and "clinicaltrials.gov/study/NCT" in detail
    more = say(assistant, "searcher2", "show me open trials")
    assert any(b.get("payload") == "/show_more_trials" for r in more for b in r.get("buttons", []) or [])
    assert "Here are 6 to" in texts(say(assistant, "searcher2", "show more"))


def test_show_trial_by_typed_id_bad_id_and_unknown_id(assistant: str) -> None:
    assert "PANTODON" in texts(say(assistant, "shower", "tell me about NCT07273409"))
    assert "8 digits" in texts(say(assistant, "shower", "can you show me trial nct123"))
    assert "not in our list" in texts(say(assistant, "shower", "what is NCT09999999"))


def test_nurse_helpline_and_fallback(assistant: str) -> None:
    assert "0808 800 4040" in texts(say(assistant, "helper", "can i speak to a nurse"))
    fallback = texts(say(assistant, "helper", "what's the best banana bread recipe"))
    assert "0808 800 4040" in fallback


def test_make_run_script_starts_both_servers_and_stops_them_cleanly(
    trained_model: Path, shipped_db: Path, tmp_path: Path
) -> None:
    """scripts/run.sh (what `make run` runs) with no terminal: ready message, then SIGINT."""
    import os
    import signal
    import subprocess
    import time

    from bot.config import REPO_ROOT
    from tests.servers import free_port

    rasa_port, actions_port = free_port(), free_port()
    db = tmp_path / "trials.db"
    shutil.copy(shipped_db, db)
    from bot.channels.credentials import platform_variables

    quiet = {k: v for k, v in os.environ.items() if k not in platform_variables()}  # no real platforms
    env = {
        **quiet,
        "DATABASE_URL": f"sqlite:///{db}",
        "RASA_PORT": str(rasa_port),
        "ACTIONS_PORT": str(actions_port),
        "WEB_PORT": str(free_port()),
        "RUN_DIR": str(tmp_path),
    }
    out = open(tmp_path / "run.out", "w+")
    process = subprocess.Popen(
        ["bash", "scripts/run.sh"],
        cwd=REPO_ROOT,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 240
        while "is running" not in (tmp_path / "run.out").read_text():
            assert process.poll() is None, (tmp_path / "run.out").read_text()
            assert time.monotonic() < deadline, "not ready in time"
            time.sleep(1)
        replies = say(f"http://127.0.0.1:{rasa_port}", "run-script", "find everolimus trials please")
        assert "everolimus" in texts(replies)
        os.killpg(process.pid, signal.SIGINT)
        assert process.wait(timeout=60) == 0
        assert "Stopped." in (tmp_path / "run.out").read_text()
        for port in (rasa_port, actions_port):
            with __import__("socket").socket() as sock:
                assert sock.connect_ex(("127.0.0.1", port)) != 0, f"port {port} still open"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        out.close()
