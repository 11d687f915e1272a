"""The production stack on one machine: the action server, N Rasa instances sharing a
PostgreSQL tracker store and Redis locks, nginx in front of them, and the website page.

    with ProductionStack(settings, model) as stack:   # starts everything, waits until ready
        stack.public_url                              # nginx: what users and platforms reach
        stack.rasa[0].kill()                          # the fault tests stop pieces at will
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Optional

import redis
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from bot.channels.credentials import write_filtered_credentials
from bot.config import SHIPPED_TRIALS_DIR
from bot.deploy.endpoints import secret_environment, write_endpoints
from bot.deploy.entry_points import ACTION_SERVER, RASA_SERVER
from bot.deploy.nginx import write_config
from bot.deploy.processes import ManagedProcess, StartError, wait_until_ready
from bot.deploy.settings import ProductionSettings
from bot.trials.importer import Importer
from bot.trials.store import TrialStore, make_engine

START_TIMEOUT = 300  # seconds; each Rasa instance loads TensorFlow, spaCy and the model


class ServiceMissing(RuntimeError):
    """PostgreSQL, Redis or nginx is not there; the message says how to get it."""


class ProductionStack:
    def __init__(self, settings: ProductionSettings, model: Path, web_port: Optional[int] = 8080) -> None:
        self.settings = settings
        self.model = model
        self.web_port = web_port
        self.run_dir = settings.run_dir.resolve()
        self.actions = self._action_server()
        # One endpoints file and one credentials file, shared by every Rasa instance.
        self.endpoints = write_endpoints(settings)
        self.credentials = self.run_dir / "credentials.yml"
        write_filtered_credentials(self.credentials)
        self.rasa = [self._rasa_instance(i, port) for i, port in enumerate(settings.rasa_ports)]
        self.nginx = self._nginx()
        self.web = self._web_page() if web_port else None

    @property
    def public_url(self) -> str:
        return self.settings.public_url

    @property
    def processes(self) -> list[ManagedProcess]:
        return [self.actions, *self.rasa, self.nginx, *([self.web] if self.web else [])]

    def start(self, timeout: float = START_TIMEOUT) -> None:
        check_services(self.settings)
        prepare_trial_database(self.settings.database_url)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        write_config(self.settings)
        back_ends = [self.actions, *self.rasa]
        # nginx last: probing instances that are still loading would mark them down for a while.
        front = [self.nginx, *([self.web] if self.web else [])]
        try:
            for process in back_ends:
                process.start()
            wait_until_ready(back_ends, timeout)
            for process in front:
                process.start()
            wait_until_ready(front, timeout)
        except BaseException:
            self.stop()
            raise

    def restart(self, process: ManagedProcess, timeout: float = START_TIMEOUT) -> None:
        process.stop()
        process.start()
        wait_until_ready([process], timeout)

    def stop(self) -> None:
        # Front first, so nothing new arrives while the back ends finish their messages.
        for process in reversed(self.processes):
            process.stop()

    def __enter__(self) -> "ProductionStack":
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    # The processes ---------------------------------------------------------------------

    def _action_server(self) -> ManagedProcess:
        s = self.settings
        return ManagedProcess(
            "action server",
            [sys.executable, "-m", ACTION_SERVER, "--host", s.actions_host, "--port", str(s.actions_port)],
            self.run_dir / "actions.log",
            f"http://{s.actions_host}:{s.actions_port}/health",
            env={"DATABASE_URL": s.database_url, "ACTION_SERVER_TOKEN": s.action_server_token},
        )

    def _rasa_instance(self, index: int, port: int) -> ManagedProcess:
        s = self.settings
        env = {
            **secret_environment(s),
            "RASA_AUTH_TOKEN": s.rasa_auth_token,
            "REDIS_URL": s.redis_url,
            "CHAT_SESSION_SECRET": s.chat_session_secret,
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        }
        if s.rate_limit_per_minute is not None:
            env["RATE_LIMIT_PER_MINUTE"] = str(s.rate_limit_per_minute)
        command = [
            sys.executable,
            "-m",
            RASA_SERVER,
            "run",
            "--model",
            str(self.model),
            "--interface",
            "127.0.0.1",
            "--port",
            str(port),
            "--endpoints",
            str(self.endpoints),
            "--credentials",
            str(self.credentials),
            "--enable-api",
            "--cors",
            *s.cors_origins,
        ]
        return ManagedProcess(
            f"Rasa instance {index + 1}",
            command,
            self.run_dir / f"rasa-{index + 1}.log",
            f"http://127.0.0.1:{port}/",
            env=env,
        )

    def _nginx(self) -> ManagedProcess:
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        return ManagedProcess(
            "nginx",
            [
                binary,
                "-c",
                str(self.run_dir / "nginx.conf"),
                "-p",
                str(self.run_dir),
                "-e",
                str(self.run_dir / "nginx-error.log"),
            ],
            self.run_dir / "nginx.log",
            f"{self.public_url}/",
        )

    def _web_page(self) -> ManagedProcess:
        s = self.settings
        return ManagedProcess(
            "web page",
            [sys.executable, "-m", "bot", "serve", "--host", s.public_host, "--port", str(self.web_port)],
            self.run_dir / "web.log",
            f"http://{s.public_host}:{self.web_port}/health",
            env={"RASA_PUBLIC_URL": s.public_url, "DATABASE_URL": s.database_url},
        )


def check_services(settings: ProductionSettings) -> None:
    """Clear errors, before anything starts, when a service the stack needs is missing."""
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        raise ServiceMissing(
            "nginx is not installed: run `bash scripts/setup-prod.sh` (Debian: apt-get install nginx-light)."
        )
    for name, url in (("the trial database", settings.database_url), ("the tracker store", settings.tracker_store_url)):
        server = make_url(url).set(database="postgres")
        engine = create_engine(server, future=True)
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except OperationalError as error:
            raise ServiceMissing(
                f"PostgreSQL for {name} is not reachable at {server.host}:{server.port or 5432} "
                f"({error.orig}). Start it, or run `bash scripts/setup-prod.sh`."
            ) from None
        finally:
            engine.dispose()
    try:
        redis.Redis.from_url(settings.redis_url, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        raise ServiceMissing(
            f"Redis is not reachable at {settings.redis_url.split('@')[-1]} ({error}). "
            "Start it, or run `bash scripts/setup-prod.sh`."
        ) from None


def prepare_trial_database(url: str) -> None:
    """Create the trial database if missing, its tables, and load the shipped trials the first
    time, or again when the importer now reads more of each record."""
    create_database_if_missing(url)
    store = TrialStore(make_engine(url))
    try:
        store.create_schema()
        if store.count() == 0 or store.parser_outdated():
            report = Importer(store).import_paths([SHIPPED_TRIALS_DIR])
            if not report.ok:
                raise StartError(f"loading the shipped trials failed: {report.summary()}")
            store.mark_parser_version()
    finally:
        store.engine.dispose()


def create_database_if_missing(url: str) -> None:
    target = make_url(url)
    if not target.drivername.startswith("postgres"):
        return
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT", future=True)
    try:
        with admin.connect() as connection:
            exists = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": target.database}
            ).first()
            if not exists:
                quoted = str(target.database).replace('"', '""')
                connection.execute(text(f'CREATE DATABASE "{quoted}"'))
    finally:
        admin.dispose()


def drop_database_if_exists(url: str) -> None:
    """For benchmarks that must start from nothing; never used on the production databases."""
    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT", future=True)
    try:
        with admin.connect() as connection:
            quoted = str(target.database).replace('"', '""')
            connection.execute(text(f'DROP DATABASE IF EXISTS "{quoted}" WITH (FORCE)'))
    finally:
        admin.dispose()
