"""Limits a trial's title or conditions (and, for the kind of tumour, its inclusion criteria)
state that the criteria checks do not cover: tumour size ("... of the Pancreatic Body and
Tail <= 3cm"), well-differentiated NETs only, and an
inherited condition it is for ("in MEN1 Patients"). Used only to rank and to set aside, with the reason, never to hide a trial."""

from __future__ import annotations

import re
from typing import Optional

from bot.eligibility.split import split_criteria
from bot.profile.model import INHERITED, Profile
from bot.profile.nec_trials import LISTED, MADE_FOR, NEC_WORDS, SILENT, TAKES, inclusion_text, nec_level
from bot.trials.query import TrialDetail

_MAX_SIZE = re.compile(
    r"(?:≤|<=|=<|<|\bunder|\bup to|\bsmaller than|\bless than|\bnot (?:more|larger) than)\s*(\d+(?:[.,]\d+)?)\s*(cm|mm)\b",
    re.I,
)
_INHERITED_NAMES = {
    "MEN1": r"\bMEN[\s-]?1\b|multiple endocrine neoplasia(?: type)? ?(?:1|I)\b",
    "VHL": r"\bVHL\b|von hippel",
    "NF1": r"\bNF[\s-]?1\b|neurofibromatosis",
    "TSC": r"\bTSC\b|tuberous sclerosis",
}
_INHERITED_PATTERNS = {name: re.compile(p, re.I) for name, p in _INHERITED_NAMES.items() if name in INHERITED}


def _described(trial: TrialDetail) -> str:
    return " ; ".join([trial.title or "", *trial.conditions])


def size_clash(trial: TrialDetail, profile: Profile) -> Optional[str]:
    """ "It is for tumours up to 3 cm. You said 4 cm." when the record's words set a size limit
    the person's tumour is over."""
    limit_mm = _size_limit_mm(trial)
    if profile.size_mm is None or limit_mm is None or profile.size_mm <= limit_mm:
        return None
    return f"It is for tumours up to {_cm(limit_mm)}. You said {_cm(profile.size_mm)}."


def made_for_their_size(trial: TrialDetail, profile: Profile) -> bool:
    """A trial made for small tumours ("Small (<= 2 cm) ... Incidentaloma") and a tumour within its limit."""
    limit_mm = _size_limit_mm(trial)
    return profile.size_mm is not None and limit_mm is not None and profile.size_mm <= limit_mm


def _size_limit_mm(trial: TrialDetail) -> Optional[float]:
    found = _MAX_SIZE.search(_described(trial))
    if not found:
        return None
    return float(found.group(1).replace(",", ".")) * (10 if found.group(2).lower() == "cm" else 1)


# "Carcinoid" is the old name for a well-differentiated NET.
_WELL_DIFFERENTIATED = re.compile(
    r"\bwell[\s-]+(?:and\s+moderately[\s-]+)?differentiated\b|\bcarcinoids?\b(?!\s+syndrome)", re.I
)


def kind_clash(trial: TrialDetail, profile: Profile) -> Optional[str]:
    """A trial whose title, conditions or inclusion criteria say well-differentiated NETs and
    nowhere a NEC, for a person with a NEC (poorly differentiated by definition); and a trial whose
    title and conditions name only NECs, for a person with a NET that is not high grade."""
    if profile.tumour_type == "NET" and not _may_be_high_grade(profile) and _only_for_nec(trial):
        return "It is for NECs (neuroendocrine carcinomas), a faster-growing kind. You said NET."
    if profile.tumour_type != "NEC":
        return None
    described = f"{_described(trial)} ; {inclusion_text(trial.criteria)}"
    if not _WELL_DIFFERENTIATED.search(described) or nec_level(trial) != SILENT:
        return None  # a mention that leaves NECs out ("excluding small cell") does not take them in
    return "It is for well-differentiated NETs. You said NEC, a faster-growing kind."


def high_grade_clash(trial: TrialDetail, profile: Profile) -> Optional[str]:
    """A trial whose title is for high-grade NETs and NECs ("... in Extrapulmonary High-grade
    Neuroendocrine Neoplasms"), for someone who said a grade 1 or 2 NET (and no Ki-67 over 20%)."""
    grades = profile.grades
    if not grades or max(grades) > 2 or (profile.ki67 or 0) > 20 or profile.tumour_type == "NEC":
        return None
    if not _HIGH_GRADE.search(trial.title or ""):
        return None
    said = " or ".join(str(g) for g in sorted(grades))
    return f"It is for high-grade (grade 3) NETs and NECs. You said grade {said}."


_FOR_NET = re.compile(r"\btumou?rs?\b|\bNETs?\b|\bpNETs?\b|carcinoids?|neoplasms?|well[\s-]+differentiated", re.I)
_HIGH_GRADE = re.compile(r"high[\s-]+grade", re.I)


_NEC_ORDER = {MADE_FOR: 0, TAKES: 0, LISTED: 1, SILENT: 2}


def kind_order(trial: TrialDetail, profile: Profile) -> int:
    """0 for a trial made for the person's kind of tumour or open to it, more for one less so: for
    a NEC, trials whose title or inclusion criteria take NECs in come first, then those that name
    them only among their conditions (a PRRT registry listing "Neuroendocrine Carcinoma"), then the
    rest (`bot/profile/nec_trials.py`; a mention that leaves NECs out does not count); for a NET,
    trials whose title and conditions name only NECs come after. Only ranks, never sets aside
    (`kind_clash` does that for clear cases)."""
    if profile.tumour_type == "NEC":
        return _NEC_ORDER[nec_level(trial)]
    if profile.tumour_type == "NET":
        return 1 if _only_for_nec(trial) else 0
    return 0


def _only_for_nec(trial: TrialDetail) -> bool:
    """Title and conditions name NECs and nothing that is a NET ("Everolimus as Maintenance Therapy for
    Metastatic NEC"; "high-grade" alone also takes grade 3 NETs)."""
    described = _described(trial)
    return bool(NEC_WORDS.search(_HIGH_GRADE.sub("", described))) and not _FOR_NET.search(described)


def _may_be_high_grade(profile: Profile) -> bool:
    return 3 in profile.grades or (profile.ki67 or 0) > 20


_STAGE_FOUR = re.compile(r"\bstage\s*(?:4|IV)\b", re.I)
_OTHER_STAGE = re.compile(r"\bstage\s*(?:I{1,3}|[1-3])(?:[abc])?\b", re.I)


_EARLY_STAGE = re.compile(r"\bstage\s*(?:I{1,2}|[12])(?:[abc])?\b(?!\s*(?:-|–|to|or)\s*(?:III|IV|[34])\b)", re.I)
_LATER_STAGE = re.compile(r"\bstage\s*(?:III|IV|[34])\b", re.I)


def spread_clash(trial: TrialDetail, profile: Profile) -> Optional[str]:
    """A trial whose inclusion criteria ask for stage 4 (spread) NETs and no other stage, for
    someone who said theirs has not spread ("Pan-NET, ENETS/AJCC stage 4"); or only for early stages
    (1 or 2: not spread), for someone who said theirs has spread ("a small ≤ 2 cm (stage I) incidentaloma")."""
    if profile.spread is None or not trial.criteria:
        return None
    items = [item.original for item in split_criteria(trial.criteria).inclusion]
    if profile.spread is False:
        if any(_STAGE_FOUR.search(i) and not _OTHER_STAGE.search(i) for i in items):
            return "It is for NETs that have spread (stage 4). You said it has not spread."
        return None
    if _only_early_stages(items):
        return "It is for NETs at an early stage, that have not spread. You said it has spread."
    return None


def early_stage_only(trial: TrialDetail) -> bool:
    """A trial whose inclusion criteria ask for an early stage (1 or 2: not spread) and no later one."""
    return bool(trial.criteria) and _only_early_stages([i.original for i in split_criteria(trial.criteria).inclusion])


def _only_early_stages(items: list[str]) -> bool:
    return any(_EARLY_STAGE.search(i) and not _LATER_STAGE.search(i) for i in items)


def unmet_condition(trial: TrialDetail, profile: Profile) -> Optional[str]:
    """The inherited condition a trial is for ("MEN1") that the person has not said they have."""
    described = _described(trial)
    wanted = [name for name, pattern in _INHERITED_PATTERNS.items() if pattern.search(described)]
    unmet = next((name for name in wanted if name not in profile.inherited), None)
    if unmet is None or _tied_in_title(trial, _INHERITED_PATTERNS[unmet]):
        return unmet  # "... Tumours in MEN1 Patients": made for the condition, whatever the conditions list says
    if any(_FOR_NET.search(c) and not _INHERITED_PATTERNS[unmet].search(c) for c in trial.conditions):
        return None  # "Pancreatic Neuroendocrine Tumor" listed on its own beside "Von Hippel-Lindau Disease"
    return unmet


def _tied_in_title(trial: TrialDetail, condition: re.Pattern) -> bool:
    return bool(re.search(rf"\b(?:in|with|for)\s+(?:\w+\s+){{0,2}}?(?:{condition.pattern})", trial.title or "", re.I))


def _cm(millimetres: float) -> str:
    return f"{millimetres / 10:g} cm"
