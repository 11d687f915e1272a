"""Where a trial's NETs must start, as its title or inclusion criteria say it outright, against
where the person's started. The title is read by the judge's reader (`bot/eligibility/title_site.py`).

The criteria checks read the primary site from the criteria and, less surely, from the
conditions list (a clash there is only a question for the team). A title that names the NETs it
is for ("... for Patients With Small Intestinal Neuroendocrine Tumors", "Pancreatic NETs") or
criteria that say "non-pancreatic" are plain enough to set a trial aside, with the reason. So is
a trial about removing the first tumour, for someone whose tumour was already operated on.
Used only to rank and set aside, never to hide a trial.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from bot.eligibility.split import split_criteria
from bot.eligibility.title_site import title_sites, titled_sites
from bot.profile.model import Profile
from bot.trials.query import TrialDetail

_GUT_AND_PANCREAS = frozenset({"pancreas", "small bowel", "stomach", "large bowel", "appendix", "bowel"})
_NOT_PANCREAS = re.compile(r"\b(?:non|extra)[\s-]?pancreatic\b", re.I)
_NOT_LUNG = re.compile(r"\b(?:non|extra)[\s-]?pulmonary\b", re.I)
_PRIMARY_REMOVED_TRIAL = re.compile(r"\bresection of the primary\b|\bprimary tumou?r resection\b", re.I)
_SITE_WORDING = {
    "pancreas": "the pancreas",
    "small bowel": "the small bowel",
    "lung": "the lung",
    "stomach": "the stomach",
    "large bowel": "the large bowel",
    "appendix": "the appendix",
    "bowel": "the bowel",
}


def site_clash(trial: TrialDetail, profile: Profile) -> Optional[str]:
    """The reason, when the record plainly says its NETs start somewhere else than the person's."""
    site = profile.site
    if site is None or site == "unknown":
        return None
    said = f"{trial.title or ''} ; {inclusion_text(trial.criteria)}"
    if (site == "pancreas" and _NOT_PANCREAS.search(said)) or (site == "lung" and _NOT_LUNG.search(said)):
        return f"It is for NETs that start outside {_SITE_WORDING[site]}."
    allowed = titled_sites(trial.title)
    if allowed and site not in allowed:
        return f"It is for NETs that start in {_words(title_sites(trial.title)[0])}. You said {_SITE_WORDING.get(site, site)}."
    return None


def primary_removed_clash(trial: TrialDetail, profile: Profile) -> Optional[str]:
    """A trial of removing the first tumour, for someone who has had it operated on."""
    if not _PRIMARY_REMOVED_TRIAL.search(trial.title or "") or not any(t.id == "surgery" for t in profile.treatments):
        return None
    return "It is about removing the first tumour, and you said there has been an operation already."


@lru_cache(maxsize=512)
def inclusion_text(criteria: Optional[str]) -> str:
    return " ; ".join(item.original for item in split_criteria(criteria).inclusion) if criteria else ""


def _words(sites: frozenset[str]) -> str:
    if sites >= _GUT_AND_PANCREAS:
        return "the gut or pancreas"
    names = sorted(_SITE_WORDING.get(s, s) for s in sites if s != "bowel")
    return " or ".join(names)
