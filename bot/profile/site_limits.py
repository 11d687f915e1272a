"""Where a trial's NETs must start, as its title or inclusion criteria say it outright, against
where the person's started.

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
from bot.profile.model import Profile
from bot.trials.query import TrialDetail

_GUT_AND_PANCREAS = frozenset({"pancreas", "small bowel", "stomach", "large bowel", "appendix", "bowel"})
# The words of a title's site just before "neuroendocrine" or "NET": each with the sites it takes.
_GEP = r"gastro[\s-]*entero[\s-]*pancreatic|entero[\s-]*pancreatic|duodeno[\s-]*pancreatic|GEP"
_SITE_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    (_GEP, _GUT_AND_PANCREAS),
    (r"pancreatic|islet[\s-]+cell", frozenset({"pancreas"})),
    (r"small[\s-]+(?:intestinal|bowel)|midgut|ileal", frozenset({"small bowel", "bowel"})),
    (r"lung|pulmonary|bronchial", frozenset({"lung"})),
)
_NET_WORDS = r"(?:neuro[\s-]?endocrine|NETs?\b|carcinoids?\b)"
_ANY_SITE = "|".join(p for p, _ in _SITE_WORDS)
# One site or several ("Pancreatic or Midgut Neuroendocrine Tumours") just before the NET words.
_NAMED_SITES = re.compile(rf"(?<![\w-])((?:{_ANY_SITE})(?:\s*(?:,|/|\bor\b|\band\b)\s*(?:{_ANY_SITE}))*)[\s-]+{_NET_WORDS}", re.I)
_SITE = re.compile(rf"(?<![\w-])(?:{_ANY_SITE})", re.I)
_OTHER_NETS = re.compile(r"\bcarcinoid tumou?rs?\b|\bNETs? of any\b|\bany primary\b", re.I)
_NOT_PANCREAS = re.compile(r"\b(?:non|extra)[\s-]?pancreatic\b", re.I)
_NOT_LUNG = re.compile(r"\b(?:non|extra)[\s-]?pulmonary\b", re.I)
_PRIMARY_REMOVED_TRIAL = re.compile(r"\bresection of the primary\b|\bprimary tumou?r resection\b", re.I)
_SITE_WORDING = {"pancreas": "the pancreas", "small bowel": "the small bowel", "lung": "the lung", "stomach": "the stomach",
                 "large bowel": "the large bowel", "appendix": "the appendix", "bowel": "the bowel"}


def site_clash(trial: TrialDetail, profile: Profile) -> Optional[str]:
    """The reason, when the record plainly says its NETs start somewhere else than the person's."""
    site = profile.site
    if site is None or site == "unknown":
        return None
    said = f"{trial.title or ''} ; {inclusion_text(trial.criteria)}"
    if (site == "pancreas" and _NOT_PANCREAS.search(said)) or (site == "lung" and _NOT_LUNG.search(said)):
        return f"It is for NETs that start outside {_SITE_WORDING[site]}."
    allowed = titled_sites(trial.title or "")
    if allowed and site not in allowed:
        return f"It is for NETs that start in {_words(allowed)}. You said {_SITE_WORDING.get(site, site)}."
    return None


def titled_sites(title: str) -> frozenset[str]:
    """The sites a title says its NETs start in; empty when it names none, or NETs of other
    sites too ("Pancreatic Neuroendocrine and Carcinoid Tumors")."""
    if _OTHER_NETS.search(title):
        return frozenset()
    found: set[str] = set()
    for named in _NAMED_SITES.finditer(title):
        for match in _SITE.finditer(named.group(1)):
            found |= next(sites for pattern, sites in _SITE_WORDS if re.fullmatch(pattern, match.group(0), re.I))
    return frozenset(found)


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
