"""Shared fixtures: throwaway trial databases and, once per session, the trained model."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import pytest

from bot.config import REPO_ROOT, SHIPPED_TRIALS_DIR
from bot.trials.importer import Importer
from bot.trials.store import TrialStore, make_engine
from tests.newest_model import newest_model
from tests.server_kinds import EmbeddedServer, Running
from tests.server_pool import KINDS, ServerPool, pool_fixture

TESTS_DIR = Path(__file__).parent
SAMPLES_DIR = TESTS_DIR / "data" / "ctgov_samples"
ARTIFACTS_DIR = TESTS_DIR / "artifacts"
SHIPPED_COUNT = len(list(SHIPPED_TRIALS_DIR.glob("NCT*.json")))  # 110: shared/trials and trials-extra, merged

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
POOL = pytest.StashKey["ServerPool"]()


def new_store(path: Path) -> TrialStore:
    store = TrialStore(make_engine(f"sqlite:///{path}"))
    store.create_schema()
    return store


@pytest.fixture
def empty_store(tmp_path: Path) -> TrialStore:
    return new_store(tmp_path / "trials.db")


@pytest.fixture(scope="session")
def shipped_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file holding the shipped trials, built once; copy it to write to it."""
    path = tmp_path_factory.mktemp("shipped") / "trials.db"
    report = Importer(new_store(path)).import_paths([SHIPPED_TRIALS_DIR])
    assert report.ok and report.added == SHIPPED_COUNT, report.summary()
    return path


@pytest.fixture
def store(shipped_db: Path, tmp_path: Path) -> TrialStore:
    """A private copy of the shipped-trials database."""
    path = tmp_path / "trials.db"
    shutil.copy(shipped_db, path)
    return TrialStore(make_engine(f"sqlite:///{path}"))


@pytest.fixture
def database_url_env(store: TrialStore, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point DATABASE_URL (as read by the actions and the CLI) at the private copy."""
    url = str(store.engine.url)
    monkeypatch.setenv("DATABASE_URL", url)
    yield url


@pytest.fixture(scope="session")
def trained_model(shipped_db: Path) -> Path:
    """The Rasa model for the current data, domain and config: trained at most once (and
    not at all when `make` already trained it). Builds the spaCy pipeline it needs if absent."""
    from bot.config import SPACY_PIPELINE_DIR
    from bot.modelcache import ensure_model
    from bot.nlp import build_pipeline_if_changed

    if not SPACY_PIPELINE_DIR.exists():
        build_pipeline_if_changed(TrialStore(make_engine(f"sqlite:///{shipped_db}")))
    return ensure_model(REPO_ROOT, quiet=True)


@pytest.fixture(scope="session")
def nlp(shipped_db: Path):  # type: ignore[no-untyped-def]
    """The project's spaCy pipeline (trial names from the shipped data), built if absent."""
    import spacy

    from bot.config import SPACY_PIPELINE_DIR
    from bot.nlp import build_pipeline_if_changed

    build_pipeline_if_changed(TrialStore(make_engine(f"sqlite:///{shipped_db}")))
    return spacy.load(SPACY_PIPELINE_DIR)


POSTGRES_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


@contextmanager
def fresh_postgres_database(prefix: str) -> Iterator[str]:
    """A new, empty PostgreSQL database for one test or session, dropped afterwards.
    `make test` starts PostgreSQL first (scripts/setup-prod.sh) if it is not running."""
    from sqlalchemy.exc import OperationalError

    from bot.deploy.stack import create_database_if_missing, drop_database_if_exists

    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{prefix}_{os.getpid()}"
    try:
        drop_database_if_exists(url)
        create_database_if_missing(url)
    except OperationalError as error:
        pytest.fail(
            f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL} ({error.orig}): "
            "run `make services` (scripts/setup-prod.sh), which installs and starts it"
        )
    try:
        yield url
    finally:
        drop_database_if_exists(url)


@pytest.fixture(scope="session")
def postgres_shipped_url() -> Iterator[str]:
    """A fresh PostgreSQL database holding the shipped trials, dropped afterwards."""
    with fresh_postgres_database("net_trials_test") as url:
        store = TrialStore(make_engine(url))
        store.create_schema()
        report = Importer(store).import_paths([SHIPPED_TRIALS_DIR])
        assert report.ok and report.added == SHIPPED_COUNT, report.summary()
        store.engine.dispose()
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest) -> TrialStore:
    """The shipped trials on each database engine (read-only use)."""
    if request.param == "sqlite":
        return request.getfixturevalue("store")
    return TrialStore(make_engine(request.getfixturevalue("postgres_shipped_url")))


def _model(request: pytest.FixtureRequest) -> Callable[[bool], Path]:
    def model(trained: bool) -> Path:
        return (None if trained else newest_model()) or request.getfixturevalue("trained_model")

    return model


@pytest.fixture(scope="session", autouse=True)
def server_pool(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerPool]:
    """The session's embedded servers (tests/server_pool.py), started ahead in the background."""
    plan = [[name for name in item.fixturenames if name in KINDS] for item in request.session.items]
    shipped = request.getfixturevalue("shipped_db") if any(plan) else Path()
    pool = ServerPool(plan, tmp_path_factory.mktemp, shipped, _model(request), ARTIFACTS_DIR, os.environ)
    request.config.stash[POOL] = pool
    yield pool
    pool.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    yield
    pool = item.config.stash.get(POOL, None)
    if pool is not None:
        pool.finished(name for name in item.fixturenames if name in KINDS)


assistant_servers = pool_fixture(EmbeddedServer("assistant", trained_model=True))


@pytest.fixture(scope="session")
def assistant(assistant_servers: Running) -> str:
    """The real action server and Rasa server with the trained model, for the tests that only
    talk to it: the Rasa server's base URL. Logs are kept in tests/artifacts/."""
    return assistant_servers.url


# The website's guarded channels as a deployment has them: Rasa's HTTP API behind a token,
# signed conversation tokens, the default rate limits. Shared by the socket.io fuzz, the
# session-token tests and the chat widget's browser tests.
WEBSITE_API_TOKEN = "website-test-api-token"
WEBSITE_SESSION_SECRET = "a-test-secret-of-forty-characters-0123456"
WEBSITE_HISTORY_DAYS = 3
WEBSITE_RATE_PER_CONNECTION, WEBSITE_RATE_PER_ADDRESS = 20, 120
website_servers = pool_fixture(
    EmbeddedServer(
        "website",
        enable_api=True,
        extra_env={
            "RASA_AUTH_TOKEN": WEBSITE_API_TOKEN,
            "CHAT_SESSION_SECRET": WEBSITE_SESSION_SECRET,
            "CHAT_HISTORY_DAYS": str(WEBSITE_HISTORY_DAYS),
            "RATE_LIMIT_PER_MINUTE": str(WEBSITE_RATE_PER_CONNECTION),
            "RATE_LIMIT_PER_ADDRESS_PER_MINUTE": str(WEBSITE_RATE_PER_ADDRESS),
        },
    )
)


CHROMIUM = "/usr/bin/chromium"  # Debian's; never a browser downloaded by a test tool
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Headless Chromium driven by Playwright, shared by the browser tests."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make browser` (scripts/setup-browser.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
