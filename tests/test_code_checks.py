"""The code checks of pyproject.toml pass: lint (ruff check), layout (ruff format --check) and types (mypy).

Each runs the pinned tool of requirements-dev.txt from this venv on the whole tree, as a developer would.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize(
    "command", [("ruff", "check", "."), ("ruff", "format", "--check", ".")], ids=["lint", "format"]
)
def test_ruff_passes(command: tuple[str, ...]) -> None:
    done = _run(str(BIN / command[0]), *command[1:])
    assert done.returncode == 0, f"`{' '.join(command)}` found problems:\n{done.stdout[-4000:]}{done.stderr[-2000:]}"


def test_mypy_passes() -> None:
    done = _run(str(BIN / "mypy"))
    assert done.returncode == 0, f"`mypy` found problems:\n{done.stdout[-4000:]}{done.stderr[-2000:]}"


def test_the_checks_can_fail(tmp_path: Path) -> None:
    """A file with an unused import, bad layout and a type error is refused by each tool."""
    bad = tmp_path / "bad.py"
    bad.write_text("import os\ndef f(x: int) -> str:\n    return x\n", encoding="utf-8")
    assert (
        subprocess.run(
            [str(BIN / "ruff"), "check", "--isolated", "--select", "F", str(bad)], capture_output=True
        ).returncode
        != 0
    )
    assert (
        subprocess.run([str(BIN / "ruff"), "format", "--isolated", "--check", str(bad)], capture_output=True).returncode
        != 0
    )
    assert (
        subprocess.run([str(BIN / "mypy"), "--no-incremental", str(bad)], capture_output=True, cwd=tmp_path).returncode
        != 0
    )
