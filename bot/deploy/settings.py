"""Production settings, all from environment variables (secrets never live in files)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Optional

from bot.config import VAR_DIR

DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/net_trials"
DEFAULT_TRACKER_STORE_URL = "postgresql://postgres@127.0.0.1:5432/net_trials_conversations"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
DEFAULT_CORS_ORIGINS = "http://localhost:8080 http://127.0.0.1:8080"


@dataclass
class ProductionSettings:
    """Everything the production stack needs. `from_env` reads it; tests build their own."""

    database_url: str = DEFAULT_DATABASE_URL
    tracker_store_url: str = DEFAULT_TRACKER_STORE_URL
    redis_url: str = DEFAULT_REDIS_URL
    # Tokens: Rasa's HTTP API refuses calls without RASA_AUTH_TOKEN; the action server refuses
    # calls without ACTION_SERVER_TOKEN. When unset, a random one is made for this run only.
    rasa_auth_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    action_server_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    # Signs the website chat's session tokens (bot/channels/session_tokens.py): one secret for
    # every Rasa instance, so a chat moves between them; set it to keep chats across restarts.
    chat_session_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    cors_origins: tuple[str, ...] = tuple(DEFAULT_CORS_ORIGINS.split())
    public_host: str = "127.0.0.1"
    public_port: int = 8000
    rasa_ports: tuple[int, ...] = (5006, 5007)  # one Rasa instance on each
    actions_host: str = "127.0.0.1"
    actions_port: int = 5055
    rate_limit_per_minute: Optional[int] = None  # None: the channel's own default
    run_dir: Path = VAR_DIR / "prod"

    @property
    def rasa_instances(self) -> int:
        return len(self.rasa_ports)

    @property
    def public_url(self) -> str:
        return f"http://{self.public_host}:{self.public_port}"

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "ProductionSettings":
        settings = cls()
        text = {
            "DATABASE_URL": "database_url",
            "TRACKER_STORE_URL": "tracker_store_url",
            "REDIS_URL": "redis_url",
            "RASA_AUTH_TOKEN": "rasa_auth_token",
            "ACTION_SERVER_TOKEN": "action_server_token",
            "CHAT_SESSION_SECRET": "chat_session_secret",
            "PUBLIC_HOST": "public_host",
            "ACTIONS_HOST": "actions_host",
        }
        numbers = {
            "PUBLIC_PORT": "public_port",
            "ACTIONS_PORT": "actions_port",
            "RATE_LIMIT_PER_MINUTE": "rate_limit_per_minute",
        }
        for variable, name in text.items():
            if env.get(variable, "").strip():
                setattr(settings, name, env[variable].strip())
        for variable, name in numbers.items():
            if env.get(variable, "").strip():
                setattr(settings, name, _whole_number(variable, env[variable]))
        if env.get("CORS_ORIGINS", "").strip():
            settings.cors_origins = tuple(env["CORS_ORIGINS"].split())
        if env.get("PROD_RUN_DIR", "").strip():
            settings.run_dir = Path(env["PROD_RUN_DIR"])
        instances = _whole_number("RASA_INSTANCES", env.get("RASA_INSTANCES", "").strip() or "2")
        first_port = _whole_number("FIRST_RASA_PORT", env.get("FIRST_RASA_PORT", "").strip() or "5006")
        if instances < 1:
            raise ValueError("RASA_INSTANCES must be 1 or more")
        settings.rasa_ports = tuple(first_port + i for i in range(instances))
        return settings


def _whole_number(variable: str, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{variable} must be a whole number, not {value!r}") from None
