"""Which trial the person means, and that trial loaded, for every action about trials.

A trial is meant by its NCT number, by its acronym ("who runs NETTER-2?"), by its place in the
last results ("the second one"), as the trial in focus, or as the one trial the message before described
("ramucirumab trial" ... "is it just for men?"). Loading says "search unavailable" when
the database fails and gives the one "not in our list" reply for trials we do not hold.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.general_answer import send_topic_and_fact
from actions.replies import send_unavailable
from actions.store import trial_store
from actions.topics import general_topic
from bot.followups.picked import picked_from_list
from bot.trials.lookup import acronyms_in, find_lookups, name_key
from bot.trials.nct import NCT_FORMAT_HELP, find_nct_candidate, is_valid_nct_id
from bot.trials.not_listed import not_listed
from bot.trials.ordinal import ordinal_position, pick
from bot.trials.query import TrialDetail, TrialQuery
from bot.trials.side_by_side import described_trial
from bot.trials.store import TrialStore

WHICH_TRIAL = (
    "Which trial do you mean? Tell me its NCT number, like NCT07273409. "
    'After a search you can also say "the first one".'
)


@dataclass(frozen=True)
class Referral:
    """The trial a message means, or what to ask when that is unclear."""

    nct_id: Optional[str] = None
    ask: Optional[str] = None  # a question about the reference; None when nothing was referred to


# -- finding the trial meant ----------------------------------------------------------------------------
def result_ids(tracker: Tracker) -> list[str]:
    """The NCT ids of the results shown last, in order (the `result_ids` slot)."""
    value = tracker.get_slot("result_ids")
    return [str(v) for v in value if v] if isinstance(value, (list, tuple)) else []


def requested_nct_id(tracker: Tracker) -> Optional[str]:
    """The id in the message (from the button, the entity or the text), tidied; perhaps malformed."""
    texts = list(tracker.get_latest_entity_values("nct_id")) + [tracker.latest_message.get("text") or ""]
    candidates = [c for c in (find_nct_candidate(str(t)) for t in texts) if c]
    valid = [c for c in candidates if is_valid_nct_id(c)]
    return next(iter(valid or candidates), None)


def named_in_message(tracker: Tracker) -> Optional[str]:
    """The id the message gives (perhaps malformed), else the stored trial it names by acronym.
    Raises SQLAlchemyError when the acronym cannot be looked up."""
    return requested_nct_id(tracker) or named_trial_id(tracker.latest_message.get("text"))


def named_trial_id(text: Optional[str]) -> Optional[str]:
    """The NCT id of the stored trial a message names by acronym or other id ("the clarinet
    trial", "NETTER-2"); None when it names none, or a name several trials share."""
    store = trial_store()
    acronym = find_lookups(text or "", store).acronym
    return trial_id_for(acronym, store) if acronym else None


def named_trial_ids(text: Optional[str]) -> list[str]:
    """Every stored trial the message names by acronym, in order ("netter 1 vs netter 2")."""
    store = trial_store()
    found = (trial_id_for(acronym, store) for acronym in acronyms_in(text or "", store))
    return list(dict.fromkeys(nct_id for nct_id in found if nct_id))


def trial_id_for(acronym: str, store: TrialStore) -> Optional[str]:
    page = store.search(TrialQuery(acronym=acronym, status="all", limit=5))
    if len(page.trials) == 1:
        return page.trials[0].nct_id
    exact = [t.nct_id for t in page.trials if _has_acronym(store.get(t.nct_id), acronym)]
    return exact[0] if len(exact) == 1 else None  # "CLARINET", not also "CLARINET FORTE"


def _has_acronym(trial: Optional[TrialDetail], acronym: str) -> bool:
    return trial is not None and name_key(trial.acronym or "") == name_key(acronym)


def referred_trial(tracker: Tracker, single_result: bool = False) -> Referral:
    """The trial a message points at ("the second one") among the last results; else the
    trial in focus; else, with `single_result`, the only result shown."""
    shown = result_ids(tracker)
    position = ordinal_position(tracker.latest_message.get("text"))
    if position is not None:
        chosen = pick(shown, position)
        if chosen:
            return Referral(chosen)
        if shown:
            return Referral(ask=f"I showed {_trials(len(shown))} last time. {WHICH_TRIAL}")
        return Referral(ask=WHICH_TRIAL)
    described = _the_one_named(tracker, shown)
    if described:
        return Referral(described)  # "could he join the NEC one?", "who runs the NALIRIFOX one?"
    focus = tracker.get_slot("focus_nct_id")
    if focus:
        return Referral(str(focus))
    if single_result and len(shown) == 1:
        return Referral(shown[0])
    return Referral()


def _the_one_named(tracker: Tracker, shown: list[str]) -> Optional[str]:
    """The one trial of the list shown that the message picks by a name (bot/followups/picked.py)."""
    if len(shown) < 2:
        return None
    try:
        picked = picked_from_list(tracker.latest_message.get("text"), shown_trials(tracker))
    except SQLAlchemyError:
        return None
    return picked.trials[0].nct_id if picked is not None and len(picked.trials) == 1 else None


def _trials(count: int) -> str:
    return "1 trial" if count == 1 else f"{count} trials"


def chosen_trial(tracker: Tracker) -> Referral:
    """The trial a question is about: named, pointed at, in focus, or the only result."""
    try:
        named = named_in_message(tracker)  # "who runs NETTER-2?"
    except SQLAlchemyError:
        named = None  # loading the trial fails next, and says so
    if named is None:
        referral = referred_trial(tracker, single_result=True)
        if referral.nct_id is None and not referral.ask:
            described = described_just_before(tracker)  # "ramucirumab trial" ... "is it just for men?"
            return Referral(described) if described else referral
        return referral
    return Referral(named) if is_valid_nct_id(named) else Referral(ask=not_a_trial_number(named))


def described_just_before(tracker: Tracker) -> Optional[str]:
    """The one stored trial the person's message before this one described by what it gives, who runs it
    or where ("ramucirumab trial", "TLC388 trial in taiwan") when nothing put a trial in focus since; None
    when it described none, or several."""
    said = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"]
    if len(said) < 2 or not said[-2].strip() or said[-2].startswith("/"):
        return None
    try:
        return described_trial(said[-2], trial_store())
    except SQLAlchemyError:
        return None


def not_a_trial_number(candidate: str) -> str:
    return f'"{candidate}" does not look like a trial number. {NCT_FORMAT_HELP}'


# -- loading it ---------------------------------------------------------------------------------------------
def load_trials(dispatcher: CollectingDispatcher, nct_ids: list[str]) -> Optional[list[TrialDetail]]:
    """The stored trials, in order; None after saying the search is unavailable or which are not ours."""
    try:
        store = trial_store()
        found = [store.get(nct_id) for nct_id in nct_ids]
    except SQLAlchemyError:
        send_unavailable(dispatcher)
        return None
    missing = [nct_id for nct_id, trial in zip(nct_ids, found) if trial is None]
    if missing:
        dispatcher.utter_message(text=not_listed(missing))
        return None
    return [trial for trial in found if trial is not None]


def stored_trials(nct_ids: Iterable[str]) -> list[TrialDetail]:
    """The stored trials of `nct_ids`, in that order, those we do not hold left out; says nothing.
    The silent counterpart of `load_trials`. Raises SQLAlchemyError."""
    return trial_store().get_many(nct_ids)


def shown_trials(tracker: Tracker) -> list[TrialDetail]:
    """The trials of the results shown last, loaded, in order. Raises SQLAlchemyError."""
    return stored_trials(result_ids(tracker))


def stored_trial(nct_id: str) -> Optional[TrialDetail]:
    """The stored trial, or None when it is not ours or the store cannot be read; says nothing."""
    try:
        return trial_store().get(nct_id)
    except SQLAlchemyError:
        return None


def load_trial(dispatcher: CollectingDispatcher, nct_id: str) -> Optional[TrialDetail]:
    """The stored trial; None after saying the search is unavailable or the trial is not ours."""
    trials = load_trials(dispatcher, [nct_id])
    return trials[0] if trials else None


# -- an action about the one trial meant ----------------------------------------------------------------------
# With no trial named all conversation long, "the research nurse wants an answer about the trial
# by friday" is about trials in general: the topic selector's answer beats "which trial?"
NO_TRIAL_TOPIC = 0.25


class TrialFollowUp(Action, ABC):
    """Finds the trial meant, loads it and hands it to `answer`; puts it in focus. With no trial
    meant, a question about trials in general gets its topic, else "which trial?"."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        referral = chosen_trial(tracker)
        if referral.nct_id is None and not referral.ask and self.answer_without_trial(dispatcher, tracker):
            return []
        if referral.nct_id is None:
            never_named = not tracker.get_slot("focus_nct_id") and not result_ids(tracker)
            general = None if referral.ask else general_topic(tracker, domain, NO_TRIAL_TOPIC if never_named else 0.0)
            if general:  # "would we have to pay for a trial abroad?": about trials in general
                send_topic_and_fact(dispatcher, tracker, domain, general)
                return []
            dispatcher.utter_message(text=referral.ask or WHICH_TRIAL)
            return []
        trial = load_trial(dispatcher, referral.nct_id)
        if trial is None:
            return []
        self.answer(dispatcher, tracker, trial)
        return [SlotSet("focus_nct_id", trial.nct_id)]

    @abstractmethod
    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, trial: TrialDetail) -> None:
        """Send the reply about `trial`."""

    def answer_without_trial(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
        """A reply when no trial is meant and none needs to be (True when sent); by default none."""
        return False
