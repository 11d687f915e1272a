"""The production set-up, end to end, on real servers: PostgreSQL (trials and Rasa's tracker
store), Redis (Rasa's lock store), the guarded action server, two Rasa instances and nginx.

`make test` first runs scripts/setup-prod.sh, which installs and starts whichever of them is
missing. The faults are real: a Rasa process killed with SIGKILL, the action server stopped,
our databases refusing connections, the whole stack stopped and started again.
"""

from __future__ import annotations

import json
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator, Optional

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.deploy.settings import ProductionSettings
from bot.deploy.stack import ProductionStack
from tests.conftest import POSTGRES_ADMIN_URL, fresh_postgres_database
from tests.servers import free_port, say, texts

HELPLINE = "0808 800 4040"
UNAVAILABLE = "can't look up trials right now"
RATE_LIMIT = 40  # per sender per minute; well above what any test here sends
pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProductionStack]:
    run_dir = tmp_path_factory.mktemp("prod")
    with (
        fresh_postgres_database("net_trials_prod") as trials_url,
        fresh_postgres_database("net_trials_prod_conversations") as tracker_url,
    ):
        settings = ProductionSettings(
            database_url=trials_url,
            tracker_store_url=tracker_url,
            redis_url="redis://127.0.0.1:6379/3",
            public_port=free_port(),
            rasa_ports=(free_port(), free_port()),
            actions_port=free_port(),
            run_dir=run_dir,
            rate_limit_per_minute=RATE_LIMIT,
        )
        production = ProductionStack(settings, trained_model, web_port=None)
        try:
            with production:
                yield production
        finally:
            _keep_logs(run_dir)
            _allow_connections(trials_url, tracker_url)  # a failed test must not leave them closed


def _keep_logs(run_dir: Path) -> None:
    from tests.conftest import ARTIFACTS_DIR

    ARTIFACTS_DIR.mkdir(exist_ok=True)
    for log in run_dir.glob("*.log"):
        (ARTIFACTS_DIR / f"prod-{log.name}").write_bytes(log.read_bytes())


def tracker_events(stack: ProductionStack, sender: str, base: Optional[str] = None) -> list[dict]:
    url = f"{base or stack.public_url}/conversations/{sender}/tracker?token={stack.settings.rasa_auth_token}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())["events"]


def user_texts(events: list[dict]) -> list[str]:
    return [e.get("text") for e in events if e.get("event") == "user"]


def status_of(request: urllib.request.Request | str) -> int:
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_conversation_through_nginx_is_shared_by_both_instances(stack: ProductionStack) -> None:
    sender = "prod-history"
    assert "automated guide" in texts(say(stack.public_url, sender, "hello"))
    search = say(stack.public_url, sender, "trials for lutathera")
    assert "NCT" in json.dumps(search)
    assert "PRRT" in texts(say(stack.public_url, sender, "what is prrt"))
    for i in range(6):
        assert say(stack.public_url, f"prod-spread-{i}", "hello")
    access_log = (stack.run_dir / "nginx-access.log").read_text()
    for port in stack.settings.rasa_ports:
        assert f"upstream=127.0.0.1:{port}" in access_log, f"instance on {port} got no message"
    assert user_texts(tracker_events(stack, sender)) == ["hello", "trials for lutathera", "what is prrt"]


def test_the_api_needs_the_token_and_the_token_is_never_logged(stack: ProductionStack) -> None:
    assert status_of(f"{stack.public_url}/conversations/prod-history/tracker") == 401
    assert status_of(f"{stack.public_url}/conversations/prod-history/tracker?token=wrong") == 401
    assert tracker_events(stack, "prod-history")
    logs = "".join(p.read_text(errors="replace") for p in stack.run_dir.glob("*.log"))
    assert stack.settings.rasa_auth_token not in logs
    assert stack.settings.action_server_token not in logs
    assert stack.settings.action_server_token not in (stack.run_dir / "endpoints.yml").read_text()


def test_no_personal_details_reach_the_logs(stack: ProductionStack) -> None:
    details = ["jane.doe@example.org", "07700 900123", "Jane Doe"]
    say(stack.public_url, "prod-private", f"my name is {details[2]}, email {details[0]}, phone {details[1]}")
    say(stack.public_url, "prod-private", f"find trials near SW1A 1AA for {details[2]}")
    logs = "".join(p.read_text(errors="replace") for p in stack.run_dir.glob("*.log"))
    for detail in details + ["SW1A 1AA"]:
        assert detail not in logs


def test_cors_allows_only_the_configured_origins(stack: ProductionStack) -> None:
    def allowed_origin(origin: str) -> Optional[str]:
        request = urllib.request.Request(
            f"{stack.public_url}/webhooks/rest/webhook",
            method="OPTIONS",
            headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.headers.get("Access-Control-Allow-Origin")
        except urllib.error.HTTPError as error:
            return error.headers.get("Access-Control-Allow-Origin")

    assert allowed_origin(stack.settings.cors_origins[0]) == stack.settings.cors_origins[0]
    assert allowed_origin("https://evil.example") in (None, "")


def test_the_rate_limit_is_shared_by_the_instances(stack: ProductionStack) -> None:
    """Over-long messages count but never reach the model, so this is quick. Spread over two
    instances, a per-process count would let 2 x RATE_LIMIT through; the shared one stops at it."""
    long_message = "x" * 3000
    statuses = []
    for _ in range(RATE_LIMIT + 1):
        request = urllib.request.Request(
            f"{stack.public_url}/webhooks/rest/webhook",
            headers={"Content-Type": "application/json"},
            data=json.dumps({"sender": "prod-flood", "message": long_message}).encode(),
        )
        statuses.append(status_of(request))
    assert statuses == [200] * RATE_LIMIT + [429]


def test_the_action_server_answers_only_with_the_token_and_only_on_loopback(stack: ProductionStack) -> None:
    s = stack.settings
    base = f"http://127.0.0.1:{s.actions_port}"
    body = json.dumps({"next_action": "action_show_helplines", "tracker": {}, "domain": {}}).encode()
    request = urllib.request.Request(f"{base}/webhook", data=body, headers={"Content-Type": "application/json"})
    assert status_of(request) == 401
    assert status_of(f"{base}/actions") == 401
    assert status_of(f"{base}/health") == 200
    listening = subprocess.run(["ss", "-ltnH", f"sport = :{s.actions_port}"], capture_output=True, text=True).stdout
    local_addresses = [line.split()[3] for line in listening.splitlines() if line.strip()]
    assert local_addresses == [f"127.0.0.1:{s.actions_port}"]


def test_with_the_action_server_down_knowledge_contacts_and_emergencies_still_answer(stack: ProductionStack) -> None:
    sender = "prod-no-actions"
    stack.actions.stop()
    try:
        assert "radio" in texts(say(stack.public_url, sender, "what is prrt")).lower()
        assert HELPLINE in texts(say(stack.public_url, sender, "can i talk to a nurse"))
        search = texts(say(stack.public_url, sender, "trials for everolimus"))
        assert UNAVAILABLE in search and HELPLINE in search
        assert "Call 999" in texts(say(stack.public_url, sender, "my dad has collapsed and is not breathing"))
        assert "116 123" in texts(say(stack.public_url, sender, "i want to end my life"))
    finally:
        stack.restart(stack.actions)
    assert "NCT" in json.dumps(say(stack.public_url, sender, "trials for everolimus"))


def _set_connections(allowed: bool, *urls: str) -> None:
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", future=True)
    try:
        with admin.connect() as connection:
            for url in urls:
                name = make_url(url).database
                connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {str(allowed).lower()}'))
                if not allowed:
                    connection.execute(
                        text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                        {"name": name},
                    )
    finally:
        admin.dispose()


def _allow_connections(*urls: str) -> None:
    _set_connections(True, *urls)


def test_with_the_databases_down_it_still_answers_and_recovers_by_itself(stack: ProductionStack) -> None:
    s = stack.settings
    sender = "prod-no-database"
    assert "NCT" in json.dumps(say(stack.public_url, sender, "trials for sunitinib"))
    _set_connections(False, s.database_url, s.tracker_store_url)
    try:
        assert "radio" in texts(say(stack.public_url, sender, "what is prrt")).lower()
        assert HELPLINE in texts(say(stack.public_url, sender, "can i talk to a nurse"))
        search = texts(say(stack.public_url, sender, "trials for everolimus"))
        assert UNAVAILABLE in search and HELPLINE in search
    finally:
        _allow_connections(s.database_url, s.tracker_store_url)
    recovered = False
    for _ in range(10):  # the first call after the outage may meet a dropped pooled connection
        if "NCT" in json.dumps(say(stack.public_url, f"{sender}-after", "trials for everolimus")):
            recovered = True
            break
        time.sleep(1)
    assert recovered, "trial search did not come back after the databases returned"
    assert user_texts(tracker_events(stack, "prod-history"))[:1] == ["hello"]


def test_one_instance_killed_mid_conversation_the_other_carries_on(stack: ProductionStack) -> None:
    sender = "prod-killed"
    said = ["hello", "trials for lutathera", "tell me more about the first one"]
    for message in said:
        assert say(stack.public_url, sender, message)
    stack.rasa[0].kill()
    more = ["who can join", "what is a placebo", "can i talk to a nurse", "thanks"]
    for message in more:
        replies = say(stack.public_url, sender, message)
        assert replies, f"no answer to {message!r} after the instance died"
    assert "placebo" in json.dumps(say(stack.public_url, sender, "what is a placebo again")).lower()
    assert user_texts(tracker_events(stack, sender)) == said + more + ["what is a placebo again"]


def test_everything_restarted_keeps_the_conversation_history(stack: ProductionStack) -> None:
    before = tracker_events(stack, "prod-history")
    stack.stop()
    stack.start()
    after = tracker_events(stack, "prod-history")
    assert user_texts(after) == user_texts(before) and len(user_texts(after)) >= 3
    assert "automated guide" in texts(say(stack.public_url, "prod-history", "hello"))
    assert user_texts(tracker_events(stack, "prod-history"))[-1] == "hello"
