"""action_show_trial: one trial by its NCT id, its place in the last results, or the one in focus."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.fitting import run_fitting_search, searched_profile
from actions.replies import send_unavailable
from actions.store import trial_store
from actions.trial_loading import load_trial
from bot.trials.codes import drug_code
from bot.trials.nct import NCT_FORMAT_HELP, find_nct_candidate, is_valid_nct_id
from bot.trials.lookup import acronyms_in, find_lookups, name_key
from bot.trials.ordinal import ordinal_position, pick
from bot.trials.query import TrialDetail, TrialQuery
from bot.trials.store import TrialStore
from bot.trials.present import detail_lines

WHICH_TRIAL = (
    "Which trial do you mean? Tell me its NCT number, like NCT07273409. "
    'After a search you can also say "the first one".'
)


@dataclass(frozen=True)
class Referral:
    """The trial a message means without naming it, or what to ask when that is unclear."""

    nct_id: Optional[str] = None
    ask: Optional[str] = None  # a question about the reference; None when nothing was referred to


def requested_nct_id(tracker: Tracker) -> Optional[str]:
    """The id in the message (from the button, the entity or the text), tidied."""
    texts = list(tracker.get_latest_entity_values("nct_id")) + [tracker.latest_message.get("text") or ""]
    candidates = [c for c in (find_nct_candidate(str(t)) for t in texts) if c]
    valid = [c for c in candidates if is_valid_nct_id(c)]
    return (valid or candidates or [None])[0]


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


def result_ids(tracker: Tracker) -> list[str]:
    """The NCT ids of the results shown last, in order (the `result_ids` slot)."""
    value = tracker.get_slot("result_ids")
    return [str(v) for v in value if v] if isinstance(value, (list, tuple)) else []


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
    focus = tracker.get_slot("focus_nct_id")
    if focus:
        return Referral(str(focus))
    if single_result and len(shown) == 1:
        return Referral(shown[0])
    return Referral()


def _trials(count: int) -> str:
    return "1 trial" if count == 1 else f"{count} trials"


class ActionShowTrial(Action):
    def name(self) -> str:
        return "action_show_trial"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        try:
            nct_id = requested_nct_id(tracker) or named_trial_id(tracker.latest_message.get("text"))
        except SQLAlchemyError:
            send_unavailable(dispatcher)
            return []
        if nct_id is None:
            referral = referred_trial(tracker)
            if referral.ask:
                dispatcher.utter_message(text=referral.ask)
                return []
            nct_id = referral.nct_id
        if nct_id is None:
            searched = searched_profile(tracker)
            if searched.wants.treatment or searched.lookup.names_trials or searched.place.city:
                return run_fitting_search(dispatcher, tracker, searched)  # "ONC201 trial cleveland": a search
            code = drug_code(tracker.latest_message.get("text") or "")
            if code:  # "TLC388": the trials that test it, not a mistyped NCT number
                from actions.search_trials import search_for_code  # imports this module
                return search_for_code(dispatcher, tracker, code)
        if not is_valid_nct_id(nct_id):
            shown = f'"{nct_id}" does not look like a trial number. ' if nct_id else ""
            dispatcher.utter_message(text=f"{shown}{NCT_FORMAT_HELP} Which trial would you like?")
            return []
        return await self.show(dispatcher, nct_id)

    @staticmethod
    async def show(dispatcher: CollectingDispatcher, nct_id: str) -> list[EventType]:
        """The trial's view, and the trial in focus for the questions that follow."""
        trial = load_trial(dispatcher, nct_id)
        if trial is None:
            return [SlotSet("nct_id", nct_id)]
        dispatcher.utter_message(text="\n".join(detail_lines(trial)))
        return [SlotSet("nct_id", nct_id), SlotSet("focus_nct_id", nct_id)]

