"""The pre-screen chat in plain words: questions, re-asks, thanks for a change, and results.

PRESCREEN_QUESTIONS is the wording of the domain's `utter_ask_ps_<slot>` responses. The
results say which trials to ask the specialist team about; they never say who can join.
"""

from __future__ import annotations

from typing import Iterable, Optional

from bot.geo.country_words import country_name, country_words
from bot.lexicon import Lexicon, default_lexicon
from bot.prescreen.answers import ANYWHERE, NONE, SLOTS, UNKNOWN, Grade
from bot.prescreen.checklist import Check, TrialChecklist
from bot.prescreen.words import grade_words, where_words
from bot.trials.present import PHASE_WORDS, TITLE_LIMIT, Card, shown_title
from bot.trials.query import TrialDetail
from bot.tumour_terms import FUNCTIONING, NON_FUNCTIONING, SITE_WORDS
from bot.words_list import words_list

SKIP_HINT = 'You can say "skip" or "I don\'t know".'
PRESCREEN_QUESTIONS = {
    "ps_age": f"How old are you? Please type a number, like 58. {SKIP_HINT}",
    "ps_sex": f"Are you a man or a woman? Some trials are for one only. {SKIP_HINT}",
    "ps_site": f"Where in the body did your NET start? For example the pancreas, lung, stomach or small bowel. {SKIP_HINT}",
    "ps_grade": f'What grade is your NET: 1, 2 or 3? A Ki-67 number helps too, like "Ki-67 5%". {SKIP_HINT}',
    "ps_spread": f"Has your NET spread to other parts of the body, such as the liver? Please say yes or no. {SKIP_HINT}",
    "ps_functioning": f"Does your NET make hormones that cause symptoms, like flushing or low blood sugar? Please say yes or no. {SKIP_HINT}",
    "ps_treatments": f'Which treatments have you had for your NET? For example surgery, lanreotide, PRRT or chemo. Say "none" if you have not had any. {SKIP_HINT}',
    "ps_place": f'Which country do you live in? Or say "anywhere" if you could travel far for a trial. {SKIP_HINT}',
}
# The same questions about someone else ("check which trials might suit my mum"): the domain's
# variation for slot asking_for = "someone else" (set from the profile, actions/profile.py).
QUESTIONS_ABOUT_SOMEONE_ELSE = {
    "ps_age": f"How old are they? Please type a number, like 58. {SKIP_HINT}",
    "ps_sex": f"Are they a man or a woman? Some trials are for one only. {SKIP_HINT}",
    "ps_site": f"Where in the body did their NET start? For example the pancreas, lung, stomach or small bowel. {SKIP_HINT}",
    "ps_grade": f'What grade is their NET: 1, 2 or 3? A Ki-67 number helps too, like "Ki-67 5%". {SKIP_HINT}',
    "ps_spread": f"Has their NET spread to other parts of the body, such as the liver? Please say yes or no. {SKIP_HINT}",
    "ps_functioning": f"Does their NET make hormones that cause symptoms, like flushing or low blood sugar? Please say yes or no. {SKIP_HINT}",
    "ps_treatments": f'Which treatments have they had for their NET? For example surgery, lanreotide, PRRT or chemo. Say "none" if they have not had any. {SKIP_HINT}',
    "ps_place": f'Which country do they live in? Or say "anywhere" if they could travel far for a trial. {SKIP_HINT}',
}
REASK = {  # a hint before the form asks again; it says what kind of answer fits
    "ps_age": 'Sorry, I did not get an age from that. Please type a number from 0 to 120, like 58, or say "skip".',
    "ps_sex": 'Sorry, I did not get that. Please say "man" or "woman", or "skip".',
    "ps_site": 'Sorry, I did not know that place. You could say "pancreas" or "lung", or "I don\'t know".',
    "ps_grade": 'Sorry, I did not get a grade. You could say "grade 2" or "Ki-67 5%", or "I don\'t know".',
    "ps_spread": 'Sorry, I did not get that. Please say "yes", "no" or "I don\'t know".',
    "ps_functioning": 'Sorry, I did not get that. Please say "yes", "no" or "I don\'t know".',
    "ps_treatments": 'Sorry, I did not know those words. You could say "surgery and lanreotide", "none" or "skip".',
    "ps_place": 'Sorry, I did not know that place. You could say "UK", "France" or "anywhere", or "skip".',
}
LABELS = {  # for "Thanks, I have changed your age to 67."
    "ps_age": "your age",
    "ps_sex": "your sex",
    "ps_site": "where your NET started",
    "ps_grade": "the grade",
    "ps_spread": "if it has spread",
    "ps_functioning": "if it makes hormones",
    "ps_treatments": "your past treatments",
    "ps_place": "where you live",
}
TOPICS = {  # for "Not sure or skipped: grade, spread."
    "ps_age": "age",
    "ps_sex": "sex",
    "ps_site": "where it started",
    "ps_grade": "grade",
    "ps_spread": "spread",
    "ps_functioning": "hormones",
    "ps_treatments": "past treatments",
    "ps_place": "place",
}
WHO_DECIDES = (
    "Only the trial team can say who can take part. Take this list to your specialist team. "
    "They can help you choose which trials to ask about."
)
MAX_TRIALS_SHOWN = 5
_NO_CRITERIA = "The record does not list who can join. The registry page and the trial team have the details."
_TREATMENT_GROUP_WORDS = {
    "prrt": "PRRT (a radioactive treatment)",
    "chemotherapy": "chemotherapy",
    "scan_tracer": "a scan",
    "surgery": "surgery",
    "radiotherapy": "radiotherapy",
}
_KIND_WORDS = {
    "PROCEDURE": "an operation",
    "RADIATION": "a radiation treatment",
    "DIAGNOSTIC_TEST": "a test or scan",
    "BEHAVIORAL": "a change in daily life",
    "DEVICE": "a device",
    "DRUG": "a medicine",
    "BIOLOGICAL": "a medicine",
}
MAX_TREATMENTS_NAMED = 3


# -- answers ----------------------------------------------------------------------------------------
def answer_words(slot: str, value: str) -> str:
    """A stored value in words: "G1 or G2" -> "grade 1 or 2", "GB" -> "United Kingdom"."""
    if value == UNKNOWN:
        return "not sure"
    if slot == "ps_grade":
        grade = Grade.from_value(value)
        if grade is None:
            return value
        return grade_words(grade.grades) + (f", Ki-67 {grade.ki67:g}%" if grade.ki67 is not None else "")
    if slot == "ps_site":
        return SITE_WORDS.get(value, value)
    if slot in ("ps_spread", "ps_functioning"):
        return {"yes": "yes", "no": "no", FUNCTIONING: "yes", NON_FUNCTIONING: "no"}.get(value, value)
    if slot == "ps_treatments":
        return "none" if value == NONE else words_list(value.split(", "))
    if slot == "ps_place":
        return "anywhere" if value == ANYWHERE else country_words(country_name(value))
    return value


def summary_words(slot: str, value: str) -> str:
    """A known answer as a short phrase: "age 67", "has spread", "had surgery and PRRT"."""
    words = answer_words(slot, value)
    phrases = {
        "ps_age": f"age {words}",
        "ps_sex": {"female": "woman", "male": "man"}.get(value, words),
        "ps_site": f"started in {words}",
        "ps_grade": words,
        "ps_spread": "has spread" if value == "yes" else "has not spread",
        "ps_functioning": "makes hormones" if value == FUNCTIONING else "does not make hormones",
        "ps_treatments": "no past treatment" if value == NONE else f"had {words}",
        "ps_place": "could travel anywhere" if value == ANYWHERE else f"lives in {words}",
    }
    return phrases[slot]


def acknowledgement(slot: str, value: str, before: Optional[str]) -> str:
    """Thanks for an answer given or changed outside its own question."""
    words = answer_words(slot, value)
    if before:
        return f"Thanks, I have changed {LABELS[slot]} to {words}."
    return f"Thanks, I have noted {LABELS[slot]}: {words}."


def answers_summary(values: dict[str, Optional[str]]) -> str:
    """ "Your answers: age 67, woman, ..." with the ones skipped named after them."""
    known = [s for s in SLOTS if values.get(s) and values[s] != UNKNOWN]
    given = "; ".join(summary_words(s, str(values[s])) for s in known) or "none given"
    lines = [f"Your answers: {given}."]
    skipped = [TOPICS[s] for s in SLOTS if s not in known]
    if skipped:
        lines.append(f"Not sure or skipped: {', '.join(skipped)}.")
    return "\n".join(lines)


# -- results --------------------------------------------------------------------------------------------
def checked_heading(checked: int, place: Optional[str], widened: bool) -> str:
    """What was checked; `place` is the ps_place value (a country code, ANYWHERE or None)."""
    country = place if place != ANYWHERE else None
    kind = "open trial" if checked == 1 else "open trials"
    lines = [f"I checked {checked} {kind} in our list against your answers."]
    if country and widened:
        lines.append(f"I found none in {country_words(country_name(country))}, so I looked in all countries.")
    elif country:
        lines.append(f"These are the ones in {country_words(country_name(country))}.")
    lines.append("Trials with nothing that clashes come first.")
    return " ".join(lines)


def plain_summary(trial: TrialDetail, lexicon: Optional[Lexicon] = None) -> str:
    """ "A phase 2 study of everolimus. It runs in France." in our own words."""
    phases = [PHASE_WORDS[p] for p in trial.phases if p in PHASE_WORDS]
    study = f"A {' and '.join(phases)} study" if phases else "A study"
    tested = _tested(trial, lexicon or default_lexicon())
    first = f"{study} of {words_list(tested)}." if tested else f"{study}."
    where = where_words(trial)
    return first + (f" It runs in {where}." if where else " The record does not say where it runs.")


def _tested(trial: TrialDetail, lexicon: Lexicon) -> list[str]:
    names: list[str] = []
    for intervention in trial.interventions:
        tags = sorted(lexicon.tag_text("treatment", " ; ".join([intervention.name, *intervention.other_names])))
        found = [_treatment_words(lexicon, tag) for tag in tags]
        names += found or [_KIND_WORDS.get((intervention.kind or "").upper(), "")]
    return list(dict.fromkeys(n for n in names if n))[:MAX_TREATMENTS_NAMED]


def _treatment_words(lexicon: Lexicon, tag: str) -> str:
    concept = lexicon.concepts[tag]
    return _TREATMENT_GROUP_WORDS.get(concept.group or "", concept.name.split(" (")[0])


def check_line(check: Check) -> str:
    topic = check.topic[0].upper() + check.topic[1:]
    return f"- {topic}: {check.verdict}. {check.reason}"


def trial_card(position: int, result: TrialChecklist) -> Card:
    """One trial: title, a one-line summary, each point checked, and its "See" button."""
    trial = result.trial
    lines = [plain_summary(trial)]
    if not result.has_criteria:
        lines.append(f"- {_NO_CRITERIA}")
    lines += [check_line(c) for c in result.checks if c.stated]
    unsaid = [c.topic for c in result.checks if not c.stated]
    if unsaid:
        lines.append(f"- Ask your team about {words_list(unsaid)}: the record does not say.")
    return Card(trial.nct_id, f"{position}. {shown_title(trial.title, TITLE_LIMIT)} ({trial.nct_id})", tuple(lines))


def left_out_text(left_out: Iterable[TrialChecklist]) -> Optional[str]:
    left_out = list(left_out)
    if not left_out:
        return None
    clashing = sum(1 for r in left_out if r.clashes)
    more = f"I left out {len(left_out)} more {'trial' if len(left_out) == 1 else 'trials'}"
    if clashing == len(left_out):
        return f"{more}. Each has something that does not match your answers."
    if clashing:
        return f"{more}. {clashing} of them have something that does not match your answers."
    return f"{more} to keep this short. Your specialist team can look at all of them."


def nothing_open_text() -> str:
    return (
        "I could not find any open trials in our list to check. Trials open and close often. "
        "Your specialist team or a NET nurse can tell you about new ones."
    )
