"""Trials made for another kind of tumour than a NET whose grade was not said to be high: trials
only for fast-growing tumours (NECs, grade 3 NETs) are set aside with the reason, and trials led by
other tumours (phaeochromocytoma, paraganglioma...) with a group for NETs rank after those made
for NETs, unless the title names where the person's NET started (belzutifan's pNET group)."""

from __future__ import annotations

import re
from typing import Optional

from bot.lexicon import Lexicon
from bot.profile.model import Profile
from bot.profile.nec_trials import only_for_high_grade
from bot.trials.query import TrialDetail
from bot.tumour_terms import UNKNOWN_SITE

HIGH_KI67 = 20  # a Ki-67 over this is grade 3


def may_be_high_grade(profile: Profile) -> bool:
    return profile.tumour_type == "NEC" or 3 in profile.grades or (profile.ki67 or 0) > HIGH_KI67


def fast_growing_only_clash(trial: TrialDetail, profile: Profile) -> Optional[str]:
    """The reason, for a NET not said to be high grade, when the title is only for fast-growing
    tumours ("NALIRIFOX ... in High-grade Neuroendocrine Neoplasms", "Surufatinib in G3 NETs")."""
    if profile.tumour_type != "NET" or may_be_high_grade(profile) or not only_for_high_grade(trial):
        return None
    if profile.grades:
        said = " or ".join(str(g) for g in sorted(profile.grades))
        return f"It is only for high-grade (fast-growing) tumours: grade 3 NETs and NECs. You said grade {said}."
    return "It is only for high-grade (fast-growing) tumours: grade 3 NETs and NECs. You did not say the grade: the team can tell you."


def fast_growing_only_unsaid(trial: TrialDetail, profile: Profile) -> bool:
    """Only for fast-growing tumours, for someone who said neither NET nor NEC nor a grade: ranked after."""
    return profile.tumour_type is None and not may_be_high_grade(profile) and only_for_high_grade(trial)


_OTHER_TUMOURS = re.compile(
    r"ph?a?eochromocytomas?|paragangliomas?|\bPPGLs?\b|\bGISTs?\b|stromal tumou?rs?|thyroid cancers?"
    r"|adenocarcinomas?|small[\s-]+cell lung cancers?|solid tumou?rs?|lymphomas?|melanomas?|sarcomas?"
    r"|neuroblastomas?|renal cell",
    re.I,
)
_NET_WORDS = re.compile(r"neuro[\s-]?endocrine|\bp?NETs?\b|\bGEP\b|carcinoids?|\bNENs?\b", re.I)
# The lexicon's conditions that take NETs of each start.
_GUT = {"gi_net", "gep_net"}
_SITE_CONDITIONS = {
    "pancreas": {"pancreatic_net", "non_functioning_pnet", "functioning_pnet", "gep_net", "insulinoma", "gastrinoma"},
    "lung": {"lung_net"},
    "small bowel": {"small_intestine_net", *_GUT},
    "stomach": _GUT,
    "appendix": _GUT,
    "large bowel": _GUT,
    "bowel": {"small_intestine_net", *_GUT},
}


def led_by_other_tumours(trial: TrialDetail) -> bool:
    """The title names another kind of tumour before any NET ("Belzutifan ... for Advanced
    Pheochromocytoma/Paraganglioma (PPGL), Pancreatic Neuroendocrine Tumor (pNET), ...")."""
    title = trial.title or ""
    other = _OTHER_TUMOURS.search(title)
    net = _NET_WORDS.search(title)
    return other is not None and (net is None or other.start() < net.start())


def for_other_tumours(trial: TrialDetail, profile: Profile, lexicon: Lexicon) -> bool:
    """Led by other tumours, for someone with a NET (or who did not say) whose start its title
    does not name: ranked after trials made for NETs, with a line that says so."""
    if profile.tumour_type == "NEC" or not led_by_other_tumours(trial):
        return False
    wanted = _SITE_CONDITIONS.get(profile.site or UNKNOWN_SITE, set())
    named = {tag.split(":", 1)[1] for tag in lexicon.tag_text("condition", trial.title or "")}
    return not wanted & named


OTHER_TUMOURS_WHY = (
    "It is mainly for other kinds of tumour, with a group for some NETs. Ask the team if it takes yours."
)
