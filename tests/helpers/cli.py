"""`python -m bot ...` run as staff run it: a real subprocess against the given database."""

from __future__ import annotations

import subprocess
import sys

from bot.config import REPO_ROOT


def cli(*args: str, url: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=REPO_ROOT,
        env={"DATABASE_URL": url, "PATH": "/usr/bin:/bin", "TF_CPP_MIN_LOG_LEVEL": "3"},
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin,
    )
