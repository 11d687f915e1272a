"""The "copy to send" text: a short plain message a nurse can paste into an email or a text
to a patient about one trial.

Plain text, no HTML, at most MAX_WORDS words: what the trial is, its status on the registry
(and that the trial team can say if it is still open), where it runs, who to contact, the
registry link, and that only the trial team can say who can take part. It never tells anyone
they can join. Each part is in sentence case: its first word capitalised, and the names of
what is tested in lower case except brands and abbreviations ("testing octreotide LAR").
When the record lists no treatments, the ones its title names are used.
"""

from __future__ import annotations

import re
from typing import Optional

from bot.eligibility.forbidden_words import neutral
from bot.lexicon import Lexicon, default_lexicon
from bot.text import normalize
from bot.trials.freshness import may_have_changed
from bot.trials.present import PHASE_WORDS, dated_status_words, shorten, shown_title
from bot.trials.query import Contact, TrialDetail

MAX_WORDS = 120
CONDITION_LIMIT = 80
TREATMENT_LIMIT = 40
WHO_DECIDES = (
    "Only the trial team can say who can take part. "
    "Your specialist team can help you decide if it is worth asking about."
)


def copy_text(trial: TrialDetail) -> str:
    """The message, shortened step by step until it fits in MAX_WORDS words."""
    for title_limit, treatments, places in ((110, 2, 3), (80, 1, 2), (60, 1, 1), (40, 0, 1)):
        text = _compose(trial, title_limit, treatments, places)
        if word_count(text) <= MAX_WORDS:
            return text
    return text


def word_count(text: str) -> int:
    return len(text.split())


def _compose(trial: TrialDetail, title_limit: int, treatments: int, places: int) -> str:
    lines = [
        f"{shown_title(trial.title, title_limit)} ({trial.nct_id})",
        f"What it is: {what_it_is(trial, treatments)}",
        f"Status: {capitalised(status_line(trial))}",
        f"Where: {capitalised(where_line(trial, places))}",
        f"Contact: {capitalised(contact_line(trial))}",
        f"Full record: {trial.registry_url}",
        WHO_DECIDES,
    ]
    return neutral("\n".join(lines))


def what_it_is(trial: TrialDetail, treatments: int = 2) -> str:
    """ "A phase 3 trial testing Lutathera, for people with neuroendocrine tumours." """
    phases = [PHASE_WORDS[p] for p in trial.phases if p in PHASE_WORDS]
    kind = (trial.study_type or "").upper()
    condition = _condition(trial)
    people = f"people with {condition}" if condition else "people"
    if kind == "OBSERVATIONAL":
        text = f"A study that follows {people} and records what happens. It does not test a new treatment"
    elif kind == "EXPANDED_ACCESS":
        text = f"A programme giving a treatment outside a trial, for {people}"
    else:
        kind_words = (" and ".join(phases) + " " if phases else "") + "trial"
        text = ("An " if kind_words[0] in "aeiou" else "A ") + kind_words
        names = _treatment_names(trial)[:treatments]
        if names:
            text += " testing " + " and ".join(names)
        if condition:
            text += f", for {people}"
    return text if text.endswith("…") else text + "."


def status_line(trial: TrialDetail) -> str:
    words = dated_status_words(trial.status, trial.status_as_of)
    if may_have_changed(trial.status, trial.status_as_of):
        return words + "."  # already says it may have changed and who can confirm
    words = words.replace(": ", ", ")
    updated = f" (registry last updated {trial.last_updated})" if trial.last_updated else ""
    if trial.is_open:
        return f"{words}{updated}. The trial team can tell you if it is still open."
    return f"{words}{updated}. The trial team can tell you if this has changed."


def where_line(trial: TrialDetail, places: int = 3) -> str:
    named = list(dict.fromkeys(", ".join(p for p in (site.city, site.country) if p) for site in trial.sites))
    named = [n for n in named if n]
    if not named:
        return "the record lists no places. The trial team can tell you."
    shown = named[:places]
    more = len(named) - len(shown)
    return "; ".join(shown) + (f"; and {more} more {'place' if more == 1 else 'places'}." if more > 0 else ".")


def contact_line(trial: TrialDetail) -> str:
    contact = _best_contact(trial.contacts)
    if contact is None:
        return "the record gives no contact details. The registry page has the latest, or ask your specialist team."
    who = contact.name or "the trial team"
    where = f" at {contact.site}" if contact.site else ""
    details = ", ".join(p for p in (contact.phone, contact.email) if p)
    return f"{who}{where}, {details}."


def _best_contact(contacts: tuple[Contact, ...]) -> Optional[Contact]:
    reachable = [c for c in contacts if c.phone or c.email]
    central = [c for c in reachable if not c.site]
    return next(iter(central or reachable), None)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _treatment_names(trial: TrialDetail) -> list[str]:
    """What the trial tests, by the record's names: no placebo, no "other" arms (such as
    questionnaires or usual care), no "Drug:" labels, brackets left out of long names, in
    lower case but for brands and abbreviations. None listed: the ones its title names."""
    lexicon = default_lexicon()
    names = [_sentence_case(name, lexicon) for name in _listed_names(trial)]
    return list(dict.fromkeys(names or _names_in_title(trial.title, lexicon)))


def _listed_names(trial: TrialDetail) -> list[str]:
    names = []
    for intervention in trial.interventions:
        if (intervention.kind or "").upper() == "OTHER" or _PLACEBO.search(intervention.name):
            continue
        name = _KIND_LABEL.sub("", intervention.name).strip()
        if len(name) > TREATMENT_LIMIT:
            name = " ".join(_BRACKETS.sub("", name).split())
        if name:
            names.append(shorten(name, TREATMENT_LIMIT))
    return names


# Treatments a title may name as its setting rather than what is tested ("chemotherapy after
# surgery"), or that are not treatments (scans).
NOT_TESTED_IN_TITLE = {"surgery", "scan_tracer", "other"}


def _names_in_title(title: str, lexicon: Lexicon) -> list[str]:
    """Treatments the title names, in its order, by the lexicon's plain names ("surufatinib",
    "PRRT")."""
    words = f" {normalize(title)} "
    found = []
    for tag in lexicon.tag_text("treatment", title):
        concept = lexicon.concepts[tag]
        if concept.group in NOT_TESTED_IN_TITLE:
            continue
        positions = [words.find(f" {term} ") for term in concept.record_terms if f" {term} " in words]
        found.append((min(positions, default=len(words)), lexicon.plain_name(tag)))
    return [name for _, name in sorted(found)]


def _sentence_case(name: str, lexicon: Lexicon) -> str:
    """ "Pembrolizumab Injection" -> "pembrolizumab injection"; brands ("Sandostatin LAR") and
    abbreviations or symbols ("Lu", "Tyr", "PET/CT", "ONC201") kept as written."""
    brands = {brand.split()[0] for concept in lexicon.concepts.values() for brand in concept.brands if brand}
    return _CAPITALISED_WORD.sub(lambda m: m.group() if m.group().lower() in brands else m.group().lower(), name)


_PLACEBO = re.compile(r"\bplacebo\b|\bdummy\b|\bsham\b", re.I)
_KIND_LABEL = re.compile(
    r"^(?:drug|biological|procedure|device|radiation|diagnostic test|dietary supplement)\s*:\s*", re.I
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")  # not symbols or abbreviations: "Lu", "Tyr"


def _condition(trial: TrialDetail) -> Optional[str]:
    """The first condition the record names that is short enough (brackets left out if that
    makes it fit), in lower case: "neuroendocrine tumors"; acronyms such as NET stay. None
    when every one is too long: a cut-off condition reads badly."""
    for name in trial.conditions[:3]:
        for candidate in (name, " ".join(_BRACKETS.sub("", name).split())):
            if candidate and len(candidate) <= CONDITION_LIMIT:
                return _CAPITALISED.sub(lambda m: m.group().lower(), candidate)
    return None


_BRACKETS = re.compile(r"\([^()]*\)")
