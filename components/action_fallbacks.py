"""Answers the Rasa server gives by itself when the action server cannot be reached.

Rasa's own behaviour is to log the failure and say nothing, so a person asking for a nurse
or saying they collapsed would get silence. `install()` (called by `python -m
components.server.rasa_server` before Rasa starts) makes Rasa build `ActionWithFallback` instead
of `RemoteAction`: the custom action runs as usual, and only if the action server is down,
unreachable, failing or answering something malformed does the listed static response go out
instead (for a knowledge question, first the topic answer Rasa can pick by itself). Unlisted
actions (form validation, slot extraction) keep Rasa's behaviour. It also checks the action
server's answers with a validator built once
(components/action_response_schema.py), which makes every custom-action turn about 40 ms
cheaper.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import rasa.core.actions.action as rasa_actions
from jsonschema import ValidationError
from rasa.shared.exceptions import RasaException

from components.action_response_schema import validate_action_response

if TYPE_CHECKING:
    from rasa.core.channels import OutputChannel
    from rasa.core.nlg import NaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import Event
    from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

TRIALS_UNAVAILABLE = ("utter_trials_unavailable", "utter_helpline")

# Custom action -> the domain responses sent when it cannot run. Every one of them is
# written from data/contacts.yml (checked by tests/test_action_fallbacks.py).
FALLBACK_RESPONSES: dict[str, tuple[str, ...]] = {
    "action_emergency": ("utter_emergency_offline",),
    "action_distress": ("utter_distress_offline",),
    "action_show_helplines": ("utter_helpline",),
    "action_find_centres": ("utter_centres_offline", "utter_helpline"),
    "action_search_trials": TRIALS_UNAVAILABLE,
    "action_show_more_trials": TRIALS_UNAVAILABLE,
    "action_show_trial": TRIALS_UNAVAILABLE,
    "action_show_eligibility": TRIALS_UNAVAILABLE,
    "action_show_trial_places": TRIALS_UNAVAILABLE,
    "action_show_trial_questions": TRIALS_UNAVAILABLE,
    "action_answer_trial_detail": TRIALS_UNAVAILABLE,
    "action_answer_personal_question": ("utter_cannot_advise", "utter_helpline"),
    "action_answer_knowledge": ("utter_knowledge_unavailable", "utter_helpline"),
    "action_compare_trials": TRIALS_UNAVAILABLE,
    "action_show_trial_contacts": TRIALS_UNAVAILABLE,
    "action_prescreen_results": TRIALS_UNAVAILABLE,
    "action_log_gap": (),  # nothing to say; the feedback answer follows it anyway
    "action_understand_message": ("utter_default",),
    "action_answer_out_of_scope": ("utter_out_of_scope",),
    "action_validate_slot_mappings": (),  # the profile waits for the next message
}

# Custom action -> Rasa's own retrieval action tried first when it cannot run: a knowledge
# question still gets the topic answer the topic selector chose (only the added fact is lost);
# the static responses above go out only if that gives nothing.
RETRIEVED_INSTEAD: dict[str, str] = {"action_answer_knowledge": "utter_knowledge"}


class ActionWithFallback(rasa_actions.RemoteAction):
    def _validate_action_result(self, result: dict[str, Any]) -> bool:
        validate_action_response(result)
        return True

    async def run(
        self,
        output_channel: "OutputChannel",
        nlg: "NaturalLanguageGenerator",
        tracker: "DialogueStateTracker",
        domain: "Domain",
    ) -> list["Event"]:
        try:
            return await super().run(output_channel, nlg, tracker, domain)
        except rasa_actions.ActionExecutionRejection:
            raise  # a form's "not this slot": Rasa handles it
        except (RasaException, asyncio.TimeoutError, ValidationError):  # down, slow or talking nonsense
            responses = FALLBACK_RESPONSES.get(self.name())
            if responses is None:
                raise
            logger.warning("The action server could not run %s; sent the static answer instead.", self.name())
            retrieved = await _retrieved(self.name(), output_channel, nlg, tracker, domain)
            if retrieved:
                return retrieved
            replies: list[dict[str, Any]] = [{"response": name} for name in responses]
            return await self._utter_responses(replies, output_channel, nlg, tracker)


async def _retrieved(
    name: str,
    output_channel: "OutputChannel",
    nlg: "NaturalLanguageGenerator",
    tracker: "DialogueStateTracker",
    domain: "Domain",
) -> list["Event"]:
    """What Rasa's retrieval action says in place of `name` ([] when it has none to try, or the
    message carries no topic)."""
    retrieval = RETRIEVED_INSTEAD.get(name)
    latest = tracker.latest_message
    if retrieval is None or latest is None or not latest.parse_data.get("response_selector"):
        return []
    action = rasa_actions.ActionRetrieveResponse(retrieval, silent_fail=True)
    return await action.run(output_channel, nlg, tracker, domain)


def install() -> None:
    """Make Rasa create `ActionWithFallback` for every custom action (call before Rasa starts)."""
    rasa_actions.RemoteAction = ActionWithFallback
