"""Rasa's endpoints file for production: action server, PostgreSQL tracker store, Redis locks.

Passwords and tokens are written as `${VARIABLE}`, which Rasa fills in from the environment
when it reads the file, so the file itself holds no secret.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from sqlalchemy.engine import make_url

from bot.deploy.settings import ProductionSettings

TRACKER_PASSWORD_ENV = "TRACKER_STORE_PASSWORD"
REDIS_PASSWORD_ENV = "REDIS_PASSWORD"
ACTION_TOKEN_ENV = "ACTION_SERVER_TOKEN"
LOCK_KEY_PREFIX = "nettrials"  # Rasa accepts letters and digits only
# Every action endpoint's options (endpoints.yml has them too): Rasa sends the domain only to the
# actions marked `send_domain` in domain.yml, the others get none (docs/deployment.md).
ACTION_ENDPOINT_OPTIONS: dict[str, Any] = {"enable_selective_domain": True}


def action_endpoint(url: str) -> dict[str, Any]:
    """Rasa's `action_endpoint` entry for the action server at `url` (its token from the environment)."""
    return {"url": url, "token": f"${{{ACTION_TOKEN_ENV}}}", **ACTION_ENDPOINT_OPTIONS}


def endpoints(settings: ProductionSettings) -> dict[str, Any]:
    return {
        "action_endpoint": action_endpoint(f"http://{settings.actions_host}:{settings.actions_port}/webhook"),
        "tracker_store": tracker_store(settings.tracker_store_url),
        "lock_store": lock_store(settings.redis_url),
    }


def tracker_store(url: str) -> dict[str, Any]:
    parsed = make_url(url)
    if not parsed.drivername.startswith("postgres"):
        raise ValueError("TRACKER_STORE_URL must be a postgresql:// URL")
    if not parsed.database:
        raise ValueError("TRACKER_STORE_URL must name a database, e.g. .../net_trials_conversations")
    store: dict[str, Any] = {
        "type": "SQL",
        "dialect": "postgresql",
        "url": parsed.host or "127.0.0.1",
        "port": parsed.port or 5432,
        "db": parsed.database,
        "username": parsed.username or "postgres",
        # Rasa logs in to this database first and creates `db` when it is missing.
        "login_db": "postgres",
    }
    if parsed.password:
        store["password"] = f"${{{TRACKER_PASSWORD_ENV}}}"
    return store


def lock_store(url: str) -> dict[str, Any]:
    parsed = urlsplit(url)
    if parsed.scheme not in ("redis", "rediss"):
        raise ValueError("REDIS_URL must be a redis:// URL")
    store: dict[str, Any] = {
        "type": "redis",
        "url": parsed.hostname or "127.0.0.1",
        "port": parsed.port or 6379,
        "db": int(parsed.path.strip("/") or 0),
        "key_prefix": LOCK_KEY_PREFIX,
        "use_ssl": parsed.scheme == "rediss",
    }
    if parsed.password:
        store["password"] = f"${{{REDIS_PASSWORD_ENV}}}"
    return store


def secret_environment(settings: ProductionSettings) -> dict[str, str]:
    """The variables the endpoints file refers to, for the Rasa processes' environment only."""
    env = {ACTION_TOKEN_ENV: settings.action_server_token}
    tracker_password = make_url(settings.tracker_store_url).password
    if tracker_password:
        env[TRACKER_PASSWORD_ENV] = str(tracker_password)
    redis_password = urlsplit(settings.redis_url).password
    if redis_password:
        env[REDIS_PASSWORD_ENV] = redis_password
    return env


def write_endpoints(settings: ProductionSettings) -> Path:
    settings.run_dir.mkdir(parents=True, exist_ok=True)
    path = settings.run_dir / "endpoints.yml"
    header = "# Written by `python -m bot prod up` for this run; see bot/deploy/endpoints.py.\n"
    path.write_text(header + yaml.safe_dump(endpoints(settings), sort_keys=False))
    return path
