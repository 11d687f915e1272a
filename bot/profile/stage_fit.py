"""How a trial's stage of disease and point in treatment fit the person, from its title and what
they told us: trials for advanced NETs for a NET not spread or only watched, trials for after an
operation for far spread, maintenance after a first treatment for someone whose treatment stopped
working, trials for after growth on chemotherapy for someone whose chemotherapy has not stopped working,
trials for after an operation for someone whose treatment so far had none. These rank a trial after the others (`stage_against`), never set it aside, except a trial
for after an operation when the person is clearly not on that road (`after_surgery_not_had`) and a
maintenance trial for someone whose chemotherapy stopped working (`maintenance_after_growth`).
"""

from __future__ import annotations

import re
from typing import Optional

from bot.lexicon import Lexicon
from bot.profile.limits import early_stage_only
from bot.profile.model import Profile
from bot.profile.site_limits import inclusion_text
from bot.profile.tested import MEDICINE_KINDS, tested_ids, treatment_kind
from bot.profile.treatment_names import treatment_group
from bot.trials.query import TrialDetail

# Treatments given for NETs that have spread or cannot be removed.
_FOR_ADVANCED_NETS = {"prrt", "targeted_drug", "liver_treatment", "immunotherapy"}

# Debulking (cytoreduction) takes out tumour that has spread: the trial is for advanced NETs.
_ADVANCED_TITLE = re.compile(r"\b(?:advanced|metasta\w*|unresectable|inoperable|debulking|cytoreducti\w*)\b", re.I)
_AFTER_SURGERY_TITLE = re.compile(
    r"\b(?:(?<!neo-)(?<!neo)adjuvant|after (?:surgery|resection|an operation)|post-?operative|resected)\b", re.I
)
_DEBULKING_TITLE = re.compile(r"\b(?:debulking|cytoreducti\w*)\b", re.I)
_MAINTENANCE_TITLE = re.compile(r"\bmaintenance\b", re.I)
_NEXT_LINE_TITLE = re.compile(r"\bsecond[\s-]line\b|\bafter (?:first[\s-]line|progression)\b|\brefractory\b", re.I)
_FAR_PLACES = ("liver", "bones", "lungs", "peritoneum", "brain")


# A wish to keep a NET from coming back after it was taken out ("is there anything to stop it coming
# back?", "so it never returns", "adjuvant"): a point in treatment that after-surgery trials are for.
_STOP_RETURN = re.compile(
    r"(?:\b(?:stop|prevent|reduc|lower|cut|avoid|help)\w*|\bkeep\w*\W+(?:\w+\W+){0,3}?from)(?:\W+\w+){0,6}?\W+"
    r"(?:com\w*\s+back|return\w*|recur\w*|relaps\w*|grow\w*\s+back|reappear\w*)\b"
    r"|\b(?:doesn'?t|does not|won'?t|will not|wouldn'?t|would not|(?<!has )(?<!have )never)\s+(?:\w+\s+)?"
    r"(?:come|comes|grow|grows)\s+back\b"
    r"|(?<!neo-)\badjuvant\b",
    re.I,
)


def asks_to_stop_return(text: str) -> bool:
    """Whether a message asks for something to keep the NET from coming back after an operation."""
    return bool(_STOP_RETURN.search(text or ""))


def for_after_surgery(trial: TrialDetail) -> bool:
    """A trial whose title says it is for after the tumour was taken out ("Adjuvant ...", "Postoperative")."""
    return bool(_AFTER_SURGERY_TITLE.search(trial.title or ""))


def stage_against(trial: TrialDetail, profile: Profile, lexicon: Lexicon) -> bool:
    """The trial is for another stage of the disease or point in treatment than the person's:
    ranked after, never set aside."""
    return (
        _advanced_only(trial, profile)
        or _debulking_for_nodes_only(trial, profile)
        or _after_surgery_only(trial, profile)
        or _early_stage_after_advanced_treatment(trial, profile, lexicon)
        or _after_surgery_no_operation_said(trial, profile, lexicon)
        or _next_line_while_chemotherapy_works(trial, profile, lexicon)
        or _treats_a_net_they_no_longer_have(trial, profile, lexicon)
        or after_surgery_site_unsaid(trial, profile) is not None
    )


def after_surgery_not_had(trial: TrialDetail, profile: Profile, lexicon: Lexicon) -> Optional[str]:
    """A trial for after the tumour was taken out, for someone who has had no operation and is
    not on that road: being watched, not wanting one, or with far spread treated by medicines
    ("a dozen liver tumors, never had surgery, on lanreotide"). The reason, to set it aside."""
    if not _AFTER_SURGERY_TITLE.search(trial.title or ""):
        return None
    kinds = {t.id: lexicon.concepts.get(f"treatment:{t.id}") for t in profile.treatments}
    if any(c is not None and treatment_kind(c) == "surgery" for c in kinds.values()):
        return None
    watched = "surveillance" in kinds and profile.spread is not True
    on_medicines = bool(set(profile.spread_to) & set(_FAR_PLACES)) and bool(kinds)
    if watched or "surgery" in profile.wants.avoid or on_medicines:
        return "It is for people who have had an operation to take the NET out."
    return None


def _debulking_for_nodes_only(trial: TrialDetail, profile: Profile) -> bool:
    """A trial of taking out tumour that has spread (debulking) for someone whose NET has spread only to
    lymph nodes ("some lymph nodes but nothing in the liver"): those trials are for far spread."""
    return set(profile.spread_to) == {"lymph nodes"} and bool(_DEBULKING_TITLE.search(trial.title or ""))


def _advanced_only(trial: TrialDetail, profile: Profile) -> bool:
    """A trial whose title is for advanced or spread NETs, for someone who said theirs has not
    spread, is only being watched, or was all taken out ("all clear since"); a tumour that has not
    spread can still be unresectable."""
    watched = profile.spread is None and any(
        t.id == "surveillance" and t.outcome in (None, "ongoing") for t in profile.treatments
    )  # "a 9mm thing ... the surgeon says just watch it"
    return (profile.spread is False or watched or profile.all_clear is True) and bool(
        _ADVANCED_TITLE.search(trial.title or "")
    )


def _after_surgery_only(trial: TrialDetail, profile: Profile) -> bool:
    """A trial for after the tumour was taken out ("Adjuvant ...", "Chemotherapy After Surgery"),
    for someone whose NET has spread far (spread that was taken out too may still be allowed)."""
    return bool(set(profile.spread_to) & set(_FAR_PLACES)) and bool(_AFTER_SURGERY_TITLE.search(trial.title or ""))


def _early_stage_after_advanced_treatment(trial: TrialDetail, profile: Profile, lexicon: Lexicon) -> bool:
    """A trial only for early-stage NETs (stage I or II) for someone who has had a treatment given
    for advanced NETs (PRRT, a targeted drug, liver treatment), or one that stopped working, but has not
    said whether it spread: "dad has had lutathera", "chemo stopped working" is not a small tumour found
    by chance."""
    if profile.spread is not None:
        return False  # said: `spread_clash` sets a clash aside, and an early-stage trial fits "not spread"
    grew = any(t.outcome == "stopped working" for t in profile.treatments)  # "chemo stopped working"
    return (grew or _treated_for_advanced_nets(profile, lexicon)) and early_stage_only(trial)


def _after_surgery_no_operation_said(trial: TrialDetail, profile: Profile, lexicon: Lexicon) -> bool:
    """A trial for after the tumour was taken out ("Adjuvant Surufatinib ... Postoperative"), for someone
    no operation is known of: "two small tumours, the doctors say watch and wait", treated for advanced
    NETs, a story that names no treatment, or nothing told at all. Trials that fit where they are now (or
    anyone) come first; an operation booked ("pancreatectomy booked for the 14th") is on that road ("stop it
    coming back?" puts these first: `asks_to_stop_return`)."""
    groups = {treatment_group(lexicon, t.id) for t in profile.treatments}
    groups |= {treatment_group(lexicon, t) for t in profile.wants.proposed}  # "pancreatectomy booked for the 14th"
    return "surgery" not in groups and profile.all_clear is not True and for_after_surgery(trial)


# Where NETs start that trials for after an operation are made for when their records name no start:
# the gut and pancreas (the NET staging such trials use). A lung NET is not taken in on their word.
_GUT_AND_PANCREAS = frozenset({"pancreas", "small bowel", "stomach", "appendix", "large bowel", "bowel"})
_SITE_NAMED = {
    "lung": re.compile(r"\b(?:lungs?|pulmonary|bronch\w*|thoracic|thymic|thymus)\b", re.I),
}
_SITE_NAMES = {"lung": "the lung"}


def after_surgery_site_unsaid(trial: TrialDetail, profile: Profile) -> Optional[str]:
    """A trial for after an operation whose record does not name where the person's NET started, for a
    NET that started outside the gut and pancreas (a lung carcinoid after a lobectomy): ranked after,
    with this line instead of "nothing clashes"."""
    site = profile.site
    if not site or site == "unknown" or site in _GUT_AND_PANCREAS or not for_after_surgery(trial):
        return None
    named = _SITE_NAMED.get(site)
    said = " ; ".join(
        [trial.title or "", trial.official_title or "", *trial.conditions, inclusion_text(trial.criteria)]
    )
    if named is None or named.search(said):
        return None
    return (
        f"It is for people just after an operation, and its record does not say it takes NETs that start in "
        f"{_SITE_NAMES[site]}. Ask the team."
    )


def maintenance_after_growth(trial: TrialDetail, profile: Profile, lexicon: Lexicon) -> Optional[str]:
    """A maintenance trial (a medicine to keep a NET or NEC in check after chemotherapy worked) for
    someone whose chemotherapy stopped working: "carboplatin and etoposide worked for a bit, now it's
    growing" is past the point those trials start from. The reason, to set it aside."""
    grew = any(
        t.outcome == "stopped working" and treatment_group(lexicon, t.id) == "chemotherapy" for t in profile.treatments
    )
    if not grew or not _MAINTENANCE_TITLE.search(trial.title or ""):
        return None
    return "It is for keeping the tumour in check after chemotherapy worked. You said it grew on chemotherapy."


def _next_line_while_chemotherapy_works(trial: TrialDetail, profile: Profile, lexicon: Lexicon) -> bool:
    """A trial for after the first chemotherapy stopped working ("Second-line Therapy in NEC") for
    someone whose chemotherapy is going on or was finished with no word of growth ("6 cycles, stable
    now"): those trials start from a growth the person has not had."""
    chemotherapy = [t for t in profile.treatments if treatment_group(lexicon, t.id) == "chemotherapy"]
    return (
        bool(_NEXT_LINE_TITLE.search(trial.title or ""))
        and bool(chemotherapy)
        and all(t.outcome in ("ongoing", "stopped") for t in chemotherapy)
    )


def _treats_a_net_they_no_longer_have(trial: TrialDetail, profile: Profile, lexicon: Lexicon) -> bool:
    """A trial of a medicine or PRRT for a NET that is there, or of small tumours left in place, for
    someone told "all clear" after an operation (a trial for after the operation still fits them)."""
    if profile.all_clear is not True or _AFTER_SURGERY_TITLE.search(trial.title or ""):
        return False
    kinds = {treatment_group(lexicon, i) for i in tested_ids(trial, lexicon)}
    medicine = any((i.kind or "").upper() in MEDICINE_KINDS for i in trial.interventions)
    # a trial of tumours left in place ("Small ... Incidentaloma", stage I only) is not theirs either
    return (
        bool(kinds & (_FOR_ADVANCED_NETS | {"chemotherapy", "somatostatin_analogue"}))
        or medicine
        or early_stage_only(trial)
    )


def _treated_for_advanced_nets(profile: Profile, lexicon: Lexicon) -> bool:
    return bool({treatment_group(lexicon, t.id) for t in profile.treatments} & _FOR_ADVANCED_NETS)
