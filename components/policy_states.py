"""Policy states kept per conversation and extended by the new events only.

Rasa builds a policy's states (`Domain.states_for_tracker_history`) by replaying every event of
the conversation, for each policy at each prediction (the rules twice), so a late turn of a long
conversation costs more than an early one. Here each conversation keeps its replay where it
stopped and the turns seen so far: a prediction replays only the events that came since, once,
and every policy reads the same turns. Anything that rewrites the past (a restart, a new session,
an undo, a form's own turn, which Rasa may fold into the one before) replays from the start, as
Rasa does. The states are Rasa's own, item for item (tests/test_policy_states.py).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.shared.core.constants import ACTION_UNLIKELY_INTENT_NAME, PREVIOUS_ACTION
from rasa.shared.core.domain import Domain, State, SubState
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    UserUtteranceReverted,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import ACTION_NAME

# Events after which the events applied so far are no longer a prefix of the new ones.
REWRITES_THE_PAST = (Restarted, SessionStarted, ActionReverted, UserUtteranceReverted)
CONVERSATIONS_KEPT = 1000


@dataclass(frozen=True)
class Turn:
    """The conversation as it stood before one action: what every kind of states is made of."""

    state: State
    previous_action: Optional[SubState]
    hide_rule_turn: bool
    # A follow-up action or the active loop's own turn leaves hiding as it was.
    keeps_hiding: bool

    @classmethod
    def of(cls, tracker: DialogueStateTracker, domain: Domain, hide_rule_turn: bool) -> "Turn":
        return cls(
            domain.get_active_state(tracker),
            tracker.latest_action,
            hide_rule_turn,
            bool(tracker.followup_action) or tracker.latest_action_name == tracker.active_loop_name,
        )


@dataclass
class _Hiding:
    """What Rasa's loop carries from turn to turn when rule-only turns are left out."""

    last_ml_action: Optional[SubState] = None
    turn_was_hidden: bool = False


@dataclass
class _View:
    """One kind of states (rule-only turns kept or left out) built from a conversation's turns."""

    ignore_rule_only_turns: bool
    rule_only_data: Optional[Dict[Text, Any]]
    states: List[State] = field(default_factory=list)
    turns_read: int = 0
    hiding: _Hiding = field(default_factory=_Hiding)

    def read(self, turns: List[Turn]) -> None:
        for turn in turns[self.turns_read :]:
            state = self._state(turn, self.hiding)
            if state is not None:
                self.states.append(state)
        self.turns_read = len(turns)

    def with_current(self, current: Turn) -> List[State]:
        """The states so far and the current one (computed on a copy of what is carried)."""
        state = self._state(current, _Hiding(self.hiding.last_ml_action, self.hiding.turn_was_hidden))
        return self.states + ([state] if state is not None else [])

    def _state(self, turn: Turn, hiding: _Hiding) -> Optional[State]:
        """Rasa's loop body in `Domain.states_for_tracker_history`, for one turn."""
        if not self.ignore_rule_only_turns:
            return turn.state
        if not hiding.turn_was_hidden:
            hiding.last_ml_action = turn.previous_action
        if not turn.keeps_hiding:
            hiding.turn_was_hidden = turn.hide_rule_turn
        if hiding.turn_was_hidden:
            return None
        state = _copy(turn.state)
        Domain._remove_rule_only_features(state, self.rule_only_data)
        if self.states:
            Domain._substitute_rule_only_user_input(state, self.states[-1])
        if hiding.last_ml_action:
            state[PREVIOUS_ACTION] = hiding.last_ml_action
        return Domain._clean_state(state)


@dataclass
class _Conversation:
    domain: Domain
    replay: DialogueStateTracker
    stamps: List[Tuple[type, float]] = field(default_factory=list)
    loop_names: frozenset = frozenset()
    turns: List[Turn] = field(default_factory=list)
    current: Optional[Turn] = None
    views: Dict[Text, _View] = field(default_factory=dict)

    @classmethod
    def replayed(cls, tracker: DialogueStateTracker, domain: Domain) -> "_Conversation":
        """Built from the start, from the events Rasa would apply."""
        conversation = cls(domain, tracker.init_copy(), _stamps(tracker.events), _loop_names(tracker.events))
        conversation._apply(tracker.applied_events())
        return conversation

    def follows(self, tracker: DialogueStateTracker, domain: Domain) -> bool:
        """True when the tracker's events start with the events read so far."""
        seen = len(self.stamps)
        return (
            self.domain is domain
            and len(tracker.events) >= seen
            and _stamps(islice(tracker.events, seen)) == self.stamps
        )

    def catch_up(self, tracker: DialogueStateTracker) -> bool:
        """Reads the new events; False when one of them may change what came before."""
        new = list(islice(tracker.events, len(self.stamps), None))
        if not new:
            return True
        loops = _loop_names(new)
        if (
            any(isinstance(event, REWRITES_THE_PAST) for event in new)
            or not loops <= self.loop_names
            or any(isinstance(event, ActionExecuted) and event.action_name in self.loop_names for event in new)
        ):
            return False
        self._apply(new)
        self.stamps += _stamps(new)
        return True

    def states(self, ignore_rule_only_turns: bool, rule_only_data: Optional[Dict[Text, Any]]) -> List[State]:
        if self.current is None:
            self.current = Turn.of(self.replay, self.domain, False)
        key = json.dumps(
            [ignore_rule_only_turns, rule_only_data if ignore_rule_only_turns else None], sort_keys=True, default=str
        )
        view = self.views.setdefault(key, _View(ignore_rule_only_turns, rule_only_data))
        view.read(self.turns)
        return view.with_current(self.current)

    def _apply(self, events: List[Event]) -> None:
        # As `DialogueStateTracker.generate_all_prior_trackers`: a turn before each action.
        # `apply_to` alone: no state reads the replay's own event list, which is not kept.
        for event in events:
            if isinstance(event, ActionExecuted):
                self.turns.append(Turn.of(self.replay, self.domain, event.hide_rule_turn))
            event.apply_to(self.replay)
        self.current = None


class ConversationStates:
    """The policy states of the latest conversations, each extended by its new events."""

    def __init__(self, kept: int = CONVERSATIONS_KEPT) -> None:
        self.kept = kept
        self._conversations: "OrderedDict[Text, _Conversation]" = OrderedDict()

    def states(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        ignore_rule_only_turns: bool = False,
        rule_only_data: Optional[Dict[Text, Any]] = None,
    ) -> List[State]:
        """What `tracker.past_states(domain, ...)` gives (unset slots kept); do not change them."""
        if tracker.events.maxlen is not None:  # old events dropped: the prefix cannot be checked
            return tracker.past_states(
                domain, ignore_rule_only_turns=ignore_rule_only_turns, rule_only_data=rule_only_data
            )
        conversation = self._conversations.pop(tracker.sender_id, None)
        if conversation is None or not conversation.follows(tracker, domain) or not conversation.catch_up(tracker):
            conversation = _Conversation.replayed(tracker, domain)
        self._conversations[tracker.sender_id] = conversation
        while len(self._conversations) > self.kept:
            self._conversations.popitem(last=False)
        return conversation.states(ignore_rule_only_turns, rule_only_data)

    def clear(self) -> None:
        self._conversations.clear()


def latest(states: List[State], wanted: Optional[int]) -> List[State]:
    """The last states holding `wanted` that are not `action_unlikely_intent` ones (all if None),
    copied: enough for a policy that reads at most `wanted` states, whatever it leaves out."""
    if wanted is None:
        return [_copy(state) for state in states]
    start, counted = len(states), 0
    while start > 0 and counted < wanted:
        start -= 1
        if states[start].get(PREVIOUS_ACTION, {}).get(ACTION_NAME) != ACTION_UNLIKELY_INTENT_NAME:
            counted += 1
    return [_copy(state) for state in states[start:]]


def _copy(state: State) -> State:
    """A state with its sub-states copied: enough, as their values are strings and tuples."""
    return {name: dict(sub_state) for name, sub_state in state.items()}


def _stamps(events: Any) -> List[Tuple[type, float]]:
    return [(type(event), event.timestamp) for event in events]


def _loop_names(events: Any) -> frozenset:
    return frozenset(event.name for event in events if isinstance(event, ActiveLoop) and event.name)
