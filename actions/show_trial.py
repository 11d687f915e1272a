"""action_show_trial: one trial by its NCT id."""
from __future__ import annotations

from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.replies import send_unavailable
from actions.store import trial_store
from bot.trials.nct import NCT_FORMAT_HELP, find_nct_candidate, is_valid_nct_id
from bot.trials.present import detail_lines


def requested_nct_id(tracker: Tracker) -> Optional[str]:
    """The id in the message (from the button, the entity or the text), tidied."""
    texts = list(tracker.get_latest_entity_values("nct_id")) + [tracker.latest_message.get("text") or ""]
    candidates = [c for c in (find_nct_candidate(str(t)) for t in texts) if c]
    valid = [c for c in candidates if is_valid_nct_id(c)]
    return (valid or candidates or [None])[0]


class ActionShowTrial(Action):
    def name(self) -> str:
        return "action_show_trial"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        nct_id = requested_nct_id(tracker)
        if not is_valid_nct_id(nct_id):
            shown = f'"{nct_id}" does not look like a trial number. ' if nct_id else ""
            dispatcher.utter_message(text=f"{shown}{NCT_FORMAT_HELP} Which trial would you like?")
            return []
        try:
            trial = trial_store().get(nct_id)
        except SQLAlchemyError:
            send_unavailable(dispatcher)
            return []
        if trial is None:
            dispatcher.utter_message(
                text=f"{nct_id} is not in our list of NET trials. You can look it up on "
                f"ClinicalTrials.gov: https://clinicaltrials.gov/study/{nct_id}"
            )
            return [SlotSet("nct_id", nct_id)]
        dispatcher.utter_message(text="\n".join(detail_lines(trial)))
        return [SlotSet("nct_id", nct_id), SlotSet("focus_nct_id", nct_id)]
