"""Train the Rasa model only when its inputs change.

The model file is named by a hash of config.yml, domain.yml, the training data (data/nlu,
data/rules, data/stories) and our own pipeline components (components/*.py), so an unchanged
project reuses models/<hash>.tar.gz.
Rasa runs as a subprocess: this package never imports rasa.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

from bot.config import REPO_ROOT

MODELS_DIR = REPO_ROOT / "models"
TRAINING_INPUTS = ("config.yml", "domain.yml", "data/nlu", "data/rules", "data/stories", "components")
HASHED_SUFFIXES = {".yml", ".yaml", ".py"}


def training_files(root: Path = REPO_ROOT) -> list[Path]:
    files: list[Path] = []
    for name in TRAINING_INPUTS:
        path = root / name
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in HASHED_SUFFIXES)
        elif path.exists():
            files.append(path)
    return files


def inputs_hash(root: Path = REPO_ROOT) -> str:
    digest = hashlib.sha256()
    for path in training_files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:20]


def model_path(root: Path = REPO_ROOT) -> Path:
    return MODELS_DIR / f"nlu-core-{inputs_hash(root)}.tar.gz"


def rasa_executable() -> str:
    return str(Path(sys.executable).with_name("rasa"))


def ensure_model(root: Path = REPO_ROOT, quiet: bool = False) -> Path:
    """The trained model for the current inputs, training it first if there is none."""
    target = model_path(root)
    if target.exists():
        return target
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    if not quiet:
        print(f"Training the Rasa model (data, domain or config changed): {target.name}", flush=True)
    started = time.monotonic()
    command = [
        rasa_executable(),
        "train",
        "--config",
        "config.yml",
        "--domain",
        "domain.yml",
        "--data",
        "data/nlu",
        "data/rules",
        "data/stories",
        "--out",
        str(MODELS_DIR),
        "--fixed-model-name",
        target.name.removesuffix(".tar.gz"),
    ]
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    result = subprocess.run(command, cwd=root, env=env, capture_output=quiet, text=True)
    if result.returncode != 0 or not target.exists():
        detail = (result.stdout or "")[-3000:] + (result.stderr or "")[-3000:] if quiet else ""
        raise RuntimeError(f"rasa train failed (exit {result.returncode}).\n{detail}")
    if not quiet:
        print(f"Model trained in {time.monotonic() - started:.0f} s: {target}", flush=True)
    return target
