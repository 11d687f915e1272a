"""Rasa's own checks: the training data validates, and the test stories pass."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import REPO_ROOT

RASA = str(Path(sys.executable).with_name("rasa"))


def rasa(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([RASA, *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=timeout)


def test_data_validates_without_warnings() -> None:
    result = rasa("data", "validate", "--fail-on-warnings")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


@pytest.mark.integration
def test_stories_pass(trained_model: Path, tmp_path: Path) -> None:
    """End to end (--e2e): each test story's messages go through the NLU, so the intent and
    the knowledge topic predicted for every message are checked, then the actions."""
    result = rasa(
        "test", "core", "--e2e", "--model", str(trained_model), "--stories", "tests/stories",
        "--out", str(tmp_path / "results"),
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    failed = (tmp_path / "results" / "failed_test_stories.yml").read_text()
    wrong = [line.strip() for line in failed.splitlines() if "# predicted:" in line or "story:" in line]
    assert "None of the test stories failed" in failed, "\n".join(wrong)
