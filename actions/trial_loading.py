"""One stored trial for an action, or the reply that says why there is none."""
from __future__ import annotations

from typing import Optional

from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.replies import send_unavailable
from actions.store import trial_store
from bot.trials.query import TrialDetail

NOT_LISTED = ("{nct_id} is not in our list of NET trials. You can look it up on ClinicalTrials.gov: "
              "https://clinicaltrials.gov/study/{nct_id}")


def load_trial(dispatcher: CollectingDispatcher, nct_id: str) -> Optional[TrialDetail]:
    """The stored trial; None after saying the search is unavailable or the trial is not ours."""
    try:
        trial = trial_store().get(nct_id)
    except SQLAlchemyError:
        send_unavailable(dispatcher)
        return None
    if trial is None:
        dispatcher.utter_message(text=NOT_LISTED.format(nct_id=nct_id))
    return trial
