"""What the person's NET comes with that a trial may be made for (a syndrome, an inherited
condition, where it started, a young age), and which of these no trial found is made for: the
opening then says so plainly, so the trials shown are never taken for trials of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from bot.eligibility.title_site import title_sites
from bot.lexicon import Lexicon, default_lexicon
from bot.profile.model import Profile
from bot.trials.query import TrialDetail
from bot.tumour_terms import SITE_WORDS, UNKNOWN_SITE
from bot.words_list import words_list

# The profile's syndromes and inherited conditions, as lexicon conditions and in words.
_SYNDROMES = {
    "insulinoma": ("insulinoma", "insulinomas"),
    "gastrinoma": ("gastrinoma", "gastrinomas"),
    "vipoma": ("vipoma", "VIPomas"),
    "glucagonoma": ("glucagonoma", "glucagonomas"),
    "somatostatinoma": ("somatostatinoma", "somatostatinomas"),
    "carcinoid syndrome": ("carcinoid_syndrome", "people with carcinoid syndrome"),
}
_INHERITED = {"MEN1": ("men1", "people with MEN1"), "VHL": ("vhl", "people with VHL")}
# A title made for the NETs of one place names few places ("Lung Neuroendocrine Tumors"), not the
# whole gut and pancreas ("GEP-NETs").
_FEW_SITES = 3
_YOUNG_GROUPS = ("child", "teen")


@dataclass(frozen=True)
class Condition:
    words: str  # "insulinomas", "NETs that start in the lung"
    made_for: Callable[[TrialDetail], bool]


def their_conditions(
    profile: Profile, young_trial: Callable[[TrialDetail], bool], lexicon: Optional[Lexicon] = None
) -> list[Condition]:
    """The conditions the person's NET comes with that a trial can be made for. `young_trial`:
    whether a trial is made for young people (`bot/profile/fit.py`)."""
    lexicon = lexicon or default_lexicon()
    named = [_SYNDROMES[profile.syndrome]] if profile.syndrome in _SYNDROMES else []
    named += [_INHERITED[i] for i in profile.inherited if i in _INHERITED]
    conditions = [Condition(words, _names_condition(concept, lexicon)) for concept, words in named]
    if profile.site and profile.site != UNKNOWN_SITE:
        conditions.append(Condition(f"NETs that start in {SITE_WORDS[profile.site]}", _made_for_site(profile.site)))
    young = profile.age < 18 if profile.age is not None else profile.wants.age_group in _YOUNG_GROUPS
    if young:
        conditions.append(Condition("young people under 18", young_trial))
    return conditions


def made_for_their_condition(trial: TrialDetail, profile: Profile, lexicon: Optional[Lexicon] = None) -> bool:
    """The title names their syndrome or inherited condition ("... Pancreatic NETs in MEN1 Patients")."""
    lexicon = lexicon or default_lexicon()
    said = [_SYNDROMES.get(profile.syndrome or "")] + [_INHERITED.get(i) for i in profile.inherited]
    tags = lexicon.tag_text("condition", trial.title or "")
    return any(f"condition:{named[0]}" in tags for named in said if named)


def none_made_for(conditions: list[Condition], trials: Iterable[TrialDetail]) -> list[str]:
    """The words of each condition no trial found is made for."""
    found = list(trials)
    return [c.words for c in conditions if found and not any(c.made_for(t) for t in found)]


def none_made_for_words(missing: list[str], count: int, fitting: bool = True) -> str:
    """ " None of them is made just for insulinomas: the ones below are for NETs more generally."
    `fitting`: some of them fit what the person told us (else each is shown with what may not fit)."""
    if not missing:
        return ""
    which = "It is not" if count == 1 else "None of them is"
    text = f" {which} made just for {words_list(missing, 'or')}"
    if not fitting:
        return text + "."
    return text + (": it is" if count == 1 else ": the ones below are") + " for NETs more generally."


def _names_condition(concept: str, lexicon: Lexicon) -> Callable[[TrialDetail], bool]:
    """The title or the conditions list name it ("EUS-guided Ethanol Ablation of an Insulinoma")."""
    tag = f"condition:{concept}"

    def made_for(trial: TrialDetail) -> bool:
        return tag in lexicon.tag_text("condition", " ; ".join([trial.title or "", *trial.conditions]))

    return made_for


def _made_for_site(site: str) -> Callable[[TrialDetail], bool]:
    def made_for(trial: TrialDetail) -> bool:
        named, maybe = title_sites(trial.title)
        return 0 < len(named) <= _FEW_SITES and site in named | maybe  # "Carcinoid Tumors" names no start

    return made_for
