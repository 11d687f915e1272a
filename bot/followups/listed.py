"""Questions about the list of trials just shown, when no one trial is meant: "which hospital is
nearest to leeds?" (each trial's nearest place, nearest first) and "what about the NEC one?" (the
listed trials made for what the question names)."""

from __future__ import annotations

import re
from typing import Optional, Sequence

from bot.profile.nec_trials import MADE_FOR, nec_level
from bot.trials.nearby import nearest_site
from bot.trials.present import nearest_words
from bot.trials.query import Near, NearestSite, TrialDetail


def trial_name(trial: TrialDetail) -> str:
    return f"{trial.nct_id}{f' ({trial.acronym})' if trial.acronym else ''}"


def nearest_of_listed(trials: Sequence[TrialDetail], around: Near) -> str:
    """Each listed trial's place nearest to the town asked about, nearest first; those with no place on
    the map counted at the end."""
    placed: list[tuple[NearestSite, TrialDetail]] = []
    unplaced = 0
    for trial in trials:
        site = nearest_site(trial.sites, around)
        if site is None:
            unplaced += 1
        else:
            placed.append((site, trial))
    town = around.name.split(",")[0]
    if not placed:
        return (
            f"None of the {len(trials)} trials I listed gives a place I can measure from {town}. "
            "Their trial teams can say where they run."
        )
    placed.sort(key=lambda pair: pair[0].distance_km)
    lines = [f"Of the {len(trials)} trials I listed, the nearest places to {town}, nearest first:"]
    lines += [
        f"- {trial_name(trial)}: {nearest_words(site, around.country).split(': ', 1)[1]}" for site, trial in placed
    ]
    if unplaced:
        lines.append(f"{unplaced} of them {'lists' if unplaced == 1 else 'list'} no places yet.")
    lines.append('To see all the places of one, say "the first one" or its NCT number.')
    return "\n".join(lines)


# "the NEC one", "the one for NECs", "the neuroendocrine carcinoma trial": a listed trial picked by being for NECs
_NEC_ONE = re.compile(
    r"\bthe\s+(?:NECs?|neuroendocrine\s+carcinoma|high[\s-]grade|carcinoma)\s+(?:one|trial|study)\b"
    r"|\bthe\s+(?:one|trial|study)\s+for\s+(?:NECs?|neuroendocrine\s+carcinomas?|high[\s-]grade)\b",
    re.I,
)


def asks_for_the_nec_one(text: Optional[str]) -> bool:
    return bool(_NEC_ONE.search(text or ""))


def nec_ones(trials: Sequence[TrialDetail]) -> list[TrialDetail]:
    """The listed trials made for NECs (their title names them)."""
    return [trial for trial in trials if nec_level(trial) == MADE_FOR]
