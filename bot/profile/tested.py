"""What a trial tests, as lexicon treatment ids with their broader kinds.

A trial that compares a new treatment with the usual ones lists both among its interventions,
but it tests only the new one: COMPOSE ("177Lu-Edotreotide Versus Best Standard of Care") lists
CAPTEM, everolimus and FOLFOX as the comparator's choices. So a comparator's treatment neither
counts as the kind wished for nor sets the trial aside for someone who does not want it. The
comparator is read from the arms when the record has them (an active or placebo comparator
arm), else from the title: the interventions named before "versus" are the ones tested.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from bot.lexicon import Concept, Lexicon
from bot.trials.query import Intervention, TrialDetail

# Intervention kinds that give a medicine (or radiation), not a procedure, a scan or a behaviour.
MEDICINE_KINDS = ("DRUG", "BIOLOGICAL", "RADIATION", "COMBINATION_PRODUCT", "GENETIC")
_COMPARATOR_ARMS = ("ACTIVE_COMPARATOR", "PLACEBO_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION")
_VERSUS = re.compile(r"\b(?:versus|vs\.?|compared (?:to|with))\s", re.I)
_NOTHING_WE_KNOW = ""  # what a trial tests is no treatment the lexicon knows
# A lexicon group's own concept, where its id is not the group's name.
_KIND_OF_GROUP = {"targeted_drug": "targeted_therapy", "liver_treatment": "liver_directed_therapy"}


def treatment_kind(concept: Concept) -> Optional[str]:
    """The kind of treatment a drug belongs to ("atezolizumab" -> "immunotherapy")."""
    return _KIND_OF_GROUP.get(concept.group or "", concept.group)


def kind_members(concept_id: str, lexicon: Lexicon) -> list[str]:
    """The treatments of a kind ("immunotherapy" -> pembrolizumab, nivolumab...)."""
    return [
        c.id
        for c in lexicon.concepts.values()
        if c.kind == "treatment" and c.id != concept_id and (concept_id in c.also or treatment_kind(c) == concept_id)
    ]


def tested_ids(trial: TrialDetail, lexicon: Lexicon) -> set[str]:
    """Lexicon ids of what the trial tests (its comparators left out), with their broader kinds."""
    if not trial.interventions:
        return _with_kinds(_named_first_in_title(trial.title or "", lexicon), lexicon)
    every = [_ids(lexicon, (i.name, *i.other_names)) for i in trial.interventions]
    tested = _tested_by_arms(trial, lexicon) or _tested_by_title(trial, every, lexicon)
    ids = tested if tested else {i for found in every for i in found}
    return _with_kinds(ids - {_NOTHING_WE_KNOW}, lexicon)


def _ids(lexicon: Lexicon, names: Iterable[str]) -> set[str]:
    return {tag.split(":", 1)[1] for tag in lexicon.tag_text("treatment", " ; ".join(names))}


def names_known(intervention: Intervention, lexicon: Lexicon) -> bool:
    """The lexicon knows what the intervention is, by one of its names."""
    return bool(_ids(lexicon, (intervention.name, *intervention.other_names)))


def kinds_of(ids: set[str], lexicon: Lexicon) -> set[str]:
    """The ids with their broader concepts and kinds ("capecitabine" -> chemotherapy)."""
    return _with_kinds(ids, lexicon)


def _with_kinds(ids: set[str], lexicon: Lexicon) -> set[str]:
    concepts = [c for c in (lexicon.concepts.get(f"treatment:{i}") for i in ids) if c]
    return ids | {broader for c in concepts for broader in c.also} | {k for c in concepts if (k := treatment_kind(c))}


# What a title says comes before the treatment ("Chemotherapy After Surgery", "for Postoperative ...").
_BEFORE_IT = re.compile(r"\b(?:after|following|post-?operative|post-?surgery)\b.*", re.I)


# "Systemic Targeted Adaptive RadioTherapy", "targeted radiotherapy": radiation given through the
# blood, which for NETs is radionuclide therapy (PRRT), not external-beam radiotherapy.
_SYSTEMIC_RADIOTHERAPY = re.compile(r"\b(?:systemic|targeted)\b(?:\W+\w+){0,2}?\W+radio-?therapy\b", re.I)


def _named_first_in_title(title: str, lexicon: Lexicon) -> set[str]:
    """A record that lists no interventions: the treatments its title names, before "versus" and
    before what must come first ("Testing the Use of Chemotherapy After Surgery": chemotherapy)."""
    versus = _VERSUS.search(title)
    named = _BEFORE_IT.sub("", title[: versus.start()] if versus else title)
    return _ids(lexicon, [named]) | ({"prrt"} if _SYSTEMIC_RADIOTHERAPY.search(named) else set())


def _tested_by_arms(trial: TrialDetail, lexicon: Lexicon) -> set[str]:
    """What the arms other than comparators get; empty when the record has no comparator arm."""
    if not any(a.kind in _COMPARATOR_ARMS for a in trial.arms):
        return set()
    return _ids(lexicon, [a.interventions or a.label or "" for a in trial.arms if a.kind not in _COMPARATOR_ARMS])


def _tested_by_title(trial: TrialDetail, every: list[set[str]], lexicon: Lexicon) -> set[str]:
    """ "A Versus B": the interventions whose treatments the part before "versus" names; when
    it names none we know ("BEZ235 Compared to Everolimus"), all but those named after it."""
    found = _VERSUS.search(trial.title or "")
    if found is None:
        return set()
    before = _ids(lexicon, [trial.title[: found.start()]])
    if before:
        return {i for ids in every if ids & before for i in ids}
    after = _ids(lexicon, [trial.title[found.end() :]])
    return {i for ids in every if not ids & after for i in ids} or {_NOTHING_WE_KNOW}
