"""Rasa's own checks: the training data validates, and the test stories pass."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import pytest

from tests.server_kinds import EarlyCommand, Running
from tests.server_pool import pool_fixture

RASA = str(Path(sys.executable).with_name("rasa"))


def e2e_test(model: Optional[Path], folder: Path) -> list[str]:
    return [
        RASA,
        "test",
        "core",
        "--e2e",
        "--model",
        str(model),
        "--stories",
        "tests/stories",
        "--out",
        str(folder / "results"),
    ]


# Both run ahead, while other tests run (tests/server_pool.py): loading Rasa and the model
# takes most of their time.
validation_run = pool_fixture(
    EarlyCommand(
        "validation", lambda _model, _folder: [RASA, "data", "validate", "--fail-on-warnings"], trained_model=None
    )
)
stories_run = pool_fixture(EarlyCommand("stories", e2e_test, trained_model=True))


def test_data_validates_without_warnings(validation_run: Running) -> None:
    assert validation_run.returncode == 0, validation_run.output[-8000:]


@pytest.mark.integration
def test_stories_pass(stories_run: Running) -> None:
    """End to end (--e2e): each test story's messages go through the NLU, so the intent and
    the knowledge topic predicted for every message are checked, then the actions."""
    assert stories_run.returncode == 0, stories_run.output[-6000:]
    failed = (stories_run.folder / "results" / "failed_test_stories.yml").read_text()
    wrong = [line.strip() for line in failed.splitlines() if "# predicted:" in line or "story:" in line]
    assert "None of the test stories failed" in failed, "\n".join(wrong)
