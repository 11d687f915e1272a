"""A trial named on the command line (`trials show`, `criteria show|questions`): the NCT
number read as people type it and the stored trial loaded, or the message and exit status
(2: not an NCT number; 1: a trial we do not hold)."""

from __future__ import annotations

import sys
from typing import Optional

from bot.trials.nct import NCT_FORMAT_HELP, find_nct_candidate, is_valid_nct_id
from bot.trials.not_listed import not_listed
from bot.trials.query import TrialDetail


def trial_named(raw_id: str) -> tuple[Optional[TrialDetail], int]:
    """The trial and 0, or None and the exit status after saying why on standard error."""
    from bot.trials.store import TrialStore  # here: the criteria CLI's text commands need no database

    candidate = find_nct_candidate(raw_id) or raw_id.strip().upper()
    if not is_valid_nct_id(candidate):
        print(f"{raw_id!r} is not an NCT number. {NCT_FORMAT_HELP}", file=sys.stderr)
        return None, 2
    store = TrialStore.from_url()
    store.create_schema()
    trial = store.get(candidate)
    if trial is None:
        print(not_listed([candidate]), file=sys.stderr)
        return None, 1
    return trial, 0
