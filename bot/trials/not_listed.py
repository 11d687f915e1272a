"""The one reply for trials we do not hold: "NCT... is not in our list of NET trials", with where
to look each one up. The chat (`actions/which_trial.py`), the CLIs and the staff site say it; a trial
named without its NCT number is said the same way (`not_listed_name`)."""

from __future__ import annotations

from typing import Sequence

REGISTRY_PAGE = "https://clinicaltrials.gov/study/{nct_id}"


def not_listed(nct_ids: Sequence[str]) -> str:
    one = len(nct_ids) == 1
    pages = " and ".join(REGISTRY_PAGE.format(nct_id=nct_id) for nct_id in nct_ids)
    return (
        f"{' and '.join(nct_ids)} {'is' if one else 'are'} not in our list of NET trials. "
        f"You can look {'it' if one else 'them'} up on ClinicalTrials.gov: {pages}"
    )


def not_listed_name(name: str) -> str:
    """A trial named without its NCT number ("PROMID") that we do not hold."""
    return f"{name} is not in our list of trials."
