"""Questions to take to your doctor and to the trial team, tailored to one trial (or, before one is
chosen, the ones that fit any trial).

Built from what the record says: its phase (how much is known), whether people are put into
groups by chance or may get a placebo, whether it involves an operation or a radioactive
treatment, where it runs (visits and travel), and whether it is open. Every question is
written in plain words, and none tells the reader they can join.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.trials.query import TrialDetail
from bot.trials.randomised_or_placebo import has_placebo, is_randomised, record_text

MAX_PLACES_NAMED = 3


@dataclass(frozen=True)
class Questions:
    doctor: tuple[str, ...]
    coordinator: tuple[str, ...]  # the trial team: the person who runs the study day to day


_RADIOACTIVE = re.compile(
    r"\bPRRT\b|radionuclide|radioligand|Lutathera|177\s?Lu|Lu-?177|lutetium|radiolabel\w*|\bI-?131\b|\bMIBG\b", re.I
)
_SCANS = re.compile(r"\bPET\b|\bCT\b|\bMRI\b|\bscans?\b|imaging|DOTATATE|octreoscan", re.I)
_USUAL_CARE = re.compile(
    r"standard\s+of\s+care|usual\s+care|standard\s+(?:treatment|therapy)|best\s+supportive\s+care|oncologic\s+treatment\s+alone|control\s+(?:arm|group)",
    re.I,
)

_PHASE_QUESTION = {
    "EARLY_PHASE1": "This is a very early trial. What do we know so far about how safe this treatment is?",
    "PHASE1": "This is a phase 1 trial, one of the first tests in people. What do we know so far about how safe it is?",
    "PHASE2": "This is a phase 2 trial. It checks if the treatment works and how safe it is. What has been learned so far?",
    "PHASE3": "This is a phase 3 trial. It compares a new treatment with the usual one. How does the usual one work for people like me?",
    "PHASE4": "The treatment in this phase 4 trial is already in use. What would taking part add to my usual care?",
}
_NO_PHASE = "This study has no drug phase. What is it trying to find out, and what could it mean for my care?"
# Questions that fit any trial: in every trial's lists, and the whole list when no trial is chosen.
_SIDE_EFFECTS = "What side effects could I have, and how would they be checked?"
_VISITS = "What does taking part involve each week? How many visits are there, and how long does each one take?"
_COSTS = "What costs does the study pay for? Would I have to pay for travel, parking or time off work?"
_EXTRA_TESTS = "Would I need any extra tests, and who pays for them?"
_USUAL_CARE_CHANGE = "How would taking part change my usual care? Would my own doctor be kept up to date?"
_LEAVING = "Can I leave the trial at any time? What care would I get if I do?"


def questions_for(trial: TrialDetail) -> Questions:
    """The two lists of questions for `trial`."""
    text = record_text(trial)
    return Questions(doctor=tuple(_doctor(trial, text)), coordinator=tuple(_coordinator(trial, text)))


def general_questions() -> Questions:
    """Questions worth asking about any trial, before one is chosen."""
    return Questions(
        doctor=(
            "Is a trial worth a look for me now? Or is there a usual treatment I should try first?",
            "Which trials might suit me, and can you help me ask about them?",
            _SIDE_EFFECTS,
            "If a trial is not right for me, what other treatments could I look at?",
        ),
        coordinator=(
            _VISITS,
            "Where would I need to go for visits, and is there help with travel?",
            _COSTS,
            _EXTRA_TESTS,
            _USUAL_CARE_CHANGE,
            _LEAVING,
        ),
    )


def _doctor(trial: TrialDetail, text: str) -> list[str]:
    questions = ["Is this trial worth a look for me? Or is there a usual treatment I should try first?"]
    phases = [p for p in ("PHASE3", "PHASE2", "PHASE1", "EARLY_PHASE1", "PHASE4") if p in trial.phases]
    questions.append(_PHASE_QUESTION[phases[0]] if phases else _NO_PHASE)
    if is_randomised(trial):
        questions.append(
            "People in this trial are put into groups by chance. How would I feel if I did not get the new treatment?"
        )
    if has_placebo(trial):
        questions.append(
            "Some people may get a dummy treatment (placebo). Is it safe for me to go without an active treatment for a while?"
        )
    if any((i.kind or "").upper() == "PROCEDURE" for i in trial.interventions) or re.search(
        r"\bsurgery\b|\bsurgical\b|debulking|resection", trial.title + " " + (trial.official_title or ""), re.I
    ):
        questions.append(
            "This trial involves an operation. What are the risks, and how long would it take me to get over it?"
        )
    if _RADIOACTIVE.search(text):
        questions.append(
            "This trial uses a radioactive treatment. Are there any extra safety steps for me or the people I live with?"
        )
    questions.append(_SIDE_EFFECTS)
    questions.append("If this trial is not right for me, what other trials or treatments could I look at?")
    return questions


def _coordinator(trial: TrialDetail, text: str) -> list[str]:
    questions = [_VISITS, _travel_question(trial), _COSTS]
    if _SCANS.search(text):
        questions.append("What extra scans, blood tests or other tests would I need, and who pays for them?")
    else:
        questions.append(_EXTRA_TESTS)
    questions.append("What happens at the first checks, and what happens if they show the trial is not right for me?")
    if is_randomised(trial):
        questions.append("When would I find out which group I am in?")
    if has_placebo(trial):
        questions.append("Would I or my doctor know if I am getting the placebo?")
    if _USUAL_CARE.search(text):
        questions.append("If I am in the usual care group, what care would I get, and from whom?")
    questions.append(_USUAL_CARE_CHANGE)
    questions.append(_LEAVING)
    if not trial.is_open:
        questions.append(
            "The registry says this trial is not taking new people now. Could that change, or is there a similar trial?"
        )
    return questions


def _travel_question(trial: TrialDetail) -> str:
    countries = trial.countries
    if not trial.sites:
        return "The record lists no places. Where would I need to go for visits, and is there help with travel?"
    places = len(trial.sites)
    where = _list_words(countries[:MAX_PLACES_NAMED])
    more = len(countries) - MAX_PLACES_NAMED
    if more > 0:
        where += f" and {more} more {'country' if more == 1 else 'countries'}"
    hospitals = "one hospital" if places == 1 else f"{places} places"
    in_where = f" in {where}" if where else ""
    nearest = "Where is it" if places == 1 else "Which is nearest to me"
    return f"The trial runs at {hospitals}{in_where}. {nearest}, and is there help with travel?"


def _list_words(items: tuple[str, ...]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
