"""Rasa's RulePolicy and MemoizationPolicy, reading shared policy states that cost the same late
in a long conversation as early.

When predicting, both read their states from one `ConversationStates` (components/policy_states.py):
each conversation's replay carries on from the previous prediction, once for both policies, and
each policy gets only as many of the latest states as can change what it predicts (the rules:
their longest rule, since a rule looks no further back; memoization: its `max_history`, or with
none, as Rasa 3 has by default, one more than its longest memory, since a memory is matched
whole and a longer history matches none). What they predict is Rasa's:
the classes keep Rasa's names, so predictions, logs and `rasa test` name them as before.
Training is Rasa's own, unchanged.
"""

from __future__ import annotations

import base64
import functools
import json
import zlib
from contextlib import contextmanager
from typing import Any, Dict, Iterator, List, Optional, Text

from rasa.core.policies import memoization, rule_policy
from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.trackers import DialogueStateTracker

from components.policy_states import ConversationStates, latest

# One store for every policy in the process: the replay is done once per prediction.
STATES = ConversationStates()


class _LatestStates:
    """Stands for the tracker where Rasa's featuriser asks for its past states."""

    def __init__(self, tracker: DialogueStateTracker, wanted: Optional[int]) -> None:
        self._tracker = tracker
        self._wanted = wanted

    def past_states(
        self,
        domain: Domain,
        omit_unset_slots: bool = False,
        ignore_rule_only_turns: bool = False,
        rule_only_data: Optional[Dict[Text, Any]] = None,
    ) -> List[State]:
        if omit_unset_slots:
            return self._tracker.past_states(domain, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        return latest(STATES.states(self._tracker, domain, ignore_rule_only_turns, rule_only_data), self._wanted)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tracker, name)


class _SharedStates:
    """The part both policies share: shared states when predicting, Rasa's own otherwise."""

    _predicting = False

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        with self._from_shared_states():
            return super().predict_action_probabilities(  # type: ignore[misc]
                tracker, domain, rule_only_data=rule_only_data, **kwargs
            )

    def _prediction_states(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        use_text_for_last_user_input: bool = False,
        rule_only_data: Optional[Dict[Text, Any]] = None,
    ) -> List[State]:
        if self._predicting:
            tracker = _LatestStates(tracker, self._states_read())
        return super()._prediction_states(  # type: ignore[misc]
            tracker, domain, use_text_for_last_user_input, rule_only_data
        )

    def _states_read(self) -> Optional[int]:
        """How many of the latest states the policy reads (None: all)."""
        return self.featurizer.max_history  # type: ignore[attr-defined]

    @contextmanager
    def _from_shared_states(self) -> Iterator[None]:
        # Only predictions: RulePolicy's training also predicts, on made-up trackers.
        self._predicting = True
        try:
            yield
        finally:
            self._predicting = False


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class MemoizationPolicy(_SharedStates, memoization.MemoizationPolicy):
    def _states_read(self) -> Optional[int]:
        # Without max_history a memory is a whole conversation so far, matched whole: one more
        # state than the longest memory can match none, however many states come before.
        longest = self._longest_memory
        return super()._states_read() or (longest + 1 if longest else None)

    @functools.cached_property
    def _longest_memory(self) -> Optional[int]:
        return max(
            (_states_in_key(key, self.config["enable_feature_string_compression"]) for key in self.lookup), default=None
        )


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class RulePolicy(_SharedStates, rule_policy.RulePolicy):
    def _states_read(self) -> Optional[int]:
        # A rule is checked against as many of the latest states as it has, never more.
        return super()._states_read() or self._longest_rule

    @functools.cached_property
    def _longest_rule(self) -> Optional[int]:
        keys = [
            key
            for lookup in (rule_policy.RULES, rule_policy.RULES_FOR_LOOP_UNHAPPY_PATH)
            for key in self.lookup.get(lookup, {})
        ]
        return max((len(json.loads(key)) for key in keys), default=None)


def _states_in_key(key: Text, compressed: bool) -> int:
    """How many states a memoization key holds: the dicts at the top level of its quote-less
    JSON list (`MemoizationPolicy._create_feature_key`; names hold no braces)."""
    text = zlib.decompress(base64.b64decode(key)).decode("utf-8") if compressed else key
    states, depth = 0, 0
    for character in text:
        if character in "[{":
            states += character == "{" and depth == 1
            depth += 1
        elif character in "]}":
            depth -= 1
    return states
