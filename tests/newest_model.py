"""The newest trained model in models/, for tests of the servers' guards (channels, CORS, the
action server's token): those do not depend on what the model learnt, and training again
after every data edit costs minutes of shared processor time."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import pytest

from bot.config import REPO_ROOT

MODELS_DIR = REPO_ROOT / "models"


def newest_model() -> Optional[Path]:
    trained = sorted(MODELS_DIR.glob("*.tar.gz"), key=lambda path: path.stat().st_mtime)
    return trained[-1] if trained else None


@pytest.fixture(scope="module")
def any_model(request: pytest.FixtureRequest) -> Path:
    return newest_model() or request.getfixturevalue("trained_model")
