"""action_compare_trials: two trials side by side ("compare the first two")."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.replies import send_unavailable
from actions.show_trial import result_ids
from actions.store import trial_store
from bot.trials.side_by_side import side_by_side, trials_named

WHICH_TWO = 'Which two trials would you like side by side? Say "the first two", "1 and 3", or give two NCT numbers.'


class ActionCompareTrials(Action):
    def name(self) -> str:
        return "action_compare_trials"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        named = trials_named(tracker.latest_message.get("text") or "", result_ids(tracker))
        focus = tracker.get_slot("focus_nct_id")
        if len(named) == 1 and focus and focus != named[0]:
            named.append(str(focus))  # "how does it compare with NCT01578239?"
        if len(named) < 2:
            dispatcher.utter_message(text=WHICH_TWO)
            return []
        try:
            trials = [trial_store().get(nct_id) for nct_id in named]
        except SQLAlchemyError:
            send_unavailable(dispatcher)
            return []
        missing = [nct_id for nct_id, trial in zip(named, trials) if trial is None]
        if missing:
            dispatcher.utter_message(text=f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not in our "
                                     "list of NET trials, so I cannot put them side by side.")
            return []
        dispatcher.utter_message(text=side_by_side(trials[0], trials[1]))
        return []
