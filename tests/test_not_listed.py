"""The one "not in our list" reply: the chat, the CLIs and the staff site say the same words."""

from __future__ import annotations

import pytest

from actions import which_trial
from bot.config import REPO_ROOT
from bot.trials.not_listed import not_listed


@pytest.mark.parametrize("nct_ids", [["NCT99999999"], ["NCT99999999", "NCT99999998"]])
def test_the_chat_says_the_same_words(nct_ids: list[str]) -> None:
    assert which_trial.not_listed(nct_ids) == not_listed(nct_ids)


@pytest.mark.parametrize(
    "path", ["bot/cli.py", "bot/eligibility/cli.py", "bot/trials/cli_trial.py", "bot/web/staff.py"]
)
def test_no_other_wording_outside_the_chat(path: str) -> None:
    """The CLIs (through `cli_trial.py`) and the staff site say it through `not_listed`."""
    assert "not in our list" not in (REPO_ROOT / path).read_text()
