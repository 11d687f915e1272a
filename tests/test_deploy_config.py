"""The production configuration: settings from the environment, Rasa's endpoints file (no
secret in it), nginx's configuration (checked by the real `nginx -t`), and the static answers
Rasa gives when the action server is down (their numbers are checked against data/contacts.yml
with every other response in tests/test_responses.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from bot.config import REPO_ROOT
from bot.deploy.endpoints import (
    ACTION_ENDPOINT_OPTIONS,
    action_endpoint,
    endpoints,
    secret_environment,
    write_endpoints,
)
from bot.deploy.nginx import write_config
from bot.deploy.settings import ProductionSettings
from components.action_fallbacks import FALLBACK_RESPONSES

DOMAIN = yaml.safe_load((REPO_ROOT / "domain.yml").read_text())


def test_settings_come_from_the_environment() -> None:
    settings = ProductionSettings.from_env(
        {
            "TRACKER_STORE_URL": "postgresql://rasa:pw@db.internal:5433/chats",
            "REDIS_URL": "redis://:s3@cache:6380/2",
            "RASA_INSTANCES": "3",
            "FIRST_RASA_PORT": "7000",
            "CORS_ORIGINS": "https://charity.example https://x.example",
            "RASA_AUTH_TOKEN": "tok",
        }
    )
    assert settings.rasa_ports == (7000, 7001, 7002)
    assert settings.cors_origins == ("https://charity.example", "https://x.example")
    assert settings.rasa_auth_token == "tok"


def test_missing_tokens_are_made_fresh_for_each_run() -> None:
    first, second = ProductionSettings.from_env({}), ProductionSettings.from_env({})
    assert len(first.rasa_auth_token) >= 24 and first.rasa_auth_token != second.rasa_auth_token
    assert first.action_server_token != first.rasa_auth_token
    assert len(first.chat_session_secret) >= 32 and first.chat_session_secret != second.chat_session_secret
    assert ProductionSettings.from_env({"CHAT_SESSION_SECRET": "s" * 40}).chat_session_secret == "s" * 40


@pytest.mark.parametrize(
    "env, message",
    [
        ({"RASA_INSTANCES": "two"}, "RASA_INSTANCES must be a whole number"),
        ({"RASA_INSTANCES": "0"}, "RASA_INSTANCES must be 1 or more"),
    ],
)
def test_bad_settings_are_explained(env: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ProductionSettings.from_env(env)


def test_the_endpoints_file_names_the_stores_and_holds_no_secret(tmp_path: Path) -> None:
    settings = ProductionSettings(
        tracker_store_url="postgresql://rasa:hunter2@db:5433/chats",
        redis_url="redis://:r3dis@cache:6380/2",
        run_dir=tmp_path,
    )
    written = write_endpoints(settings).read_text()
    config = yaml.safe_load(written)
    assert config["tracker_store"] | {"password": None} == {
        "type": "SQL",
        "dialect": "postgresql",
        "url": "db",
        "port": 5433,
        "db": "chats",
        "username": "rasa",
        "login_db": "postgres",
        "password": None,
    }
    assert config["lock_store"]["type"] == "redis" and config["lock_store"]["db"] == 2
    for secret in ("hunter2", "r3dis", settings.action_server_token):
        assert secret not in written
    env = secret_environment(settings)
    assert env["TRACKER_STORE_PASSWORD"] == "hunter2" and env["REDIS_PASSWORD"] == "r3dis"
    assert config["action_endpoint"]["token"] == "${ACTION_SERVER_TOKEN}"


def test_every_endpoints_file_sends_the_domain_only_to_the_actions_marked_for_it() -> None:
    """`make run`'s file, production's and the embedded set-up's (both `action_endpoint`), as Rasa reads them."""
    from rasa.core.actions.action import RemoteAction
    from rasa.utils.endpoints import EndpointConfig

    make_run = yaml.safe_load((REPO_ROOT / "endpoints.yml").read_text())["action_endpoint"]
    production = endpoints(ProductionSettings(tracker_store_url="postgresql://rasa@db/chats"))["action_endpoint"]
    for config in (make_run, production, action_endpoint("http://127.0.0.1:5055/webhook")):
        assert config.items() >= ACTION_ENDPOINT_OPTIONS.items()
        assert RemoteAction("action_show_helplines", EndpointConfig.from_dict(config))._is_selective_domain_enabled()


def test_a_tracker_store_that_is_not_postgresql_is_refused() -> None:
    with pytest.raises(ValueError, match="postgresql"):
        endpoints(ProductionSettings(tracker_store_url="sqlite:///x.db"))


@pytest.mark.skipif(
    not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists(),
    reason="nginx is installed by `make test` (scripts/setup-prod.sh)",
)
def test_nginx_accepts_the_configuration(tmp_path: Path) -> None:
    settings = ProductionSettings(run_dir=tmp_path, rasa_ports=(18124, 18125, 18126), public_port=18123)
    config = write_config(settings)
    text = config.read_text()
    assert text.count("server 127.0.0.1:") == 6  # three instances in each of the two upstreams
    assert "$request " not in text and "$args" not in text  # never log query strings (the API token)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    result = subprocess.run(
        [nginx, "-t", "-c", str(config), "-p", str(tmp_path), "-e", str(tmp_path / "e.log")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_every_fallback_answer_is_in_the_domain() -> None:
    responses = DOMAIN["responses"]
    custom_actions = {next(iter(a)) if isinstance(a, dict) else a for a in DOMAIN["actions"]}  # `name: {send_domain}`
    assert set(FALLBACK_RESPONSES) <= custom_actions
    for names in FALLBACK_RESPONSES.values():
        assert all(name in responses for name in names)
    # Every custom action that talks to people has a fallback (form validation is Rasa's).
    assert custom_actions - set(FALLBACK_RESPONSES) == {"validate_prescreen_form"}


@pytest.mark.parametrize("token", ["-starts-with-a-dash", "plain_token_123", "--looks-like-an-option"])
def test_the_auth_token_reaches_rasas_parser_whatever_it_starts_with(token: str) -> None:
    from rasa.__main__ import create_argument_parser

    from components.server.rasa_server import with_auth_token

    argv = with_auth_token(["rasa", "run", "--port", "5005"], token)
    assert create_argument_parser().parse_args(argv[1:]).auth_token == token
    assert with_auth_token(["rasa", "run", "--auth-token=given"], token) == ["rasa", "run", "--auth-token=given"]
    assert with_auth_token(["rasa", "train"], token) == ["rasa", "train"]
    assert with_auth_token(["rasa", "run"], "") == ["rasa", "run"]


def test_cors_takes_exact_origins_and_refuses_patterns() -> None:
    from components.server.rasa_server import with_exact_origins

    argv = ["rasa", "run", "--cors", "http://127.0.0.1:8080/", "HTTP://localhost:8080", "--port", "5005"]
    assert with_exact_origins(argv) == (
        ["rasa", "run", "--cors", "http://127.0.0.1:8080", "http://localhost:8080", "--port", "5005"],
        ["http://127.0.0.1:8080", "http://localhost:8080"],
    )
    assert with_exact_origins(["rasa", "run", "--cors=https://charity.example"])[1] == ["https://charity.example"]
    for pattern in ("http://localhost:*", "*", "https://.*\\.charity\\.example"):
        with pytest.raises(ValueError, match="pattern"):
            with_exact_origins(["rasa", "run", "--cors", pattern])


def test_rasa_refuses_to_start_with_a_cors_pattern() -> None:
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "components.server.rasa_server", "run", "--cors", "http://localhost:*"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0 and "pattern" in result.stderr
