"""Where things live, and the settings read from the environment."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
VAR_DIR = Path(os.environ.get("NET_VAR_DIR", REPO_ROOT / "var"))
SHIPPED_TRIALS_DIR = DATA_DIR / "trials"
LEXICON_DIR = DATA_DIR / "lexicon"
SPACY_PIPELINE_DIR = VAR_DIR / "spacy" / "en_net_trials"


def database_url() -> str:
    """`DATABASE_URL` if set, else an SQLite file in the git-ignored var/ folder."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{VAR_DIR / 'trials.db'}"
