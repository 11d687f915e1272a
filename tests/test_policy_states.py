"""The policy states kept per conversation (components/policy_states.py) are Rasa's own, and a
late prediction in a long conversation replays no more than an early one."""

from __future__ import annotations

import random
from typing import Any, Iterator, List

import pytest
from rasa.shared.core.constants import ACTION_LISTEN_NAME, RULE_ONLY_LOOPS, RULE_ONLY_SLOTS
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    FollowupAction,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.slots import BooleanSlot, CategoricalSlot, FloatSlot, Slot, TextSlot
from rasa.shared.core.trackers import DialogueStateTracker

from bot.config import REPO_ROOT
from components.policy_states import ConversationStates, latest


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(REPO_ROOT / "domain.yml"))


def _value(slot: Slot, draw: random.Random) -> Any:
    if isinstance(slot, BooleanSlot):
        return draw.choice([True, False, None])
    if isinstance(slot, CategoricalSlot):
        return draw.choice([*slot.values, None])
    if isinstance(slot, FloatSlot):
        return draw.choice([0.0, 1.0, None])
    if isinstance(slot, TextSlot):
        return draw.choice(["a value", None])
    return draw.choice([["one"], None])


def conversation(domain: Domain, seed: int, turns: int = 40, rewrites: bool = True) -> List[Event]:
    """A made-up conversation with what changes states: slots, a form, follow-ups, hidden rule
    turns and (with rewrites) undos, restarts and new sessions."""
    draw = random.Random(seed)
    clock = iter(range(10**6))
    intents = sorted(domain.intents)
    actions = [name for name in domain.action_names_or_texts if name.startswith(("utter_", "action_"))]
    slots = [slot for slot in domain.slots if slot.influence_conversation][:8]
    forms = list(domain.form_names) or ["a_form"]
    events: List[Event] = [
        ActionExecuted("action_session_start", timestamp=next(clock)),
        SessionStarted(timestamp=next(clock)),
        ActionExecuted(ACTION_LISTEN_NAME, timestamp=next(clock)),
    ]
    in_form = None
    for _ in range(turns):
        events.append(UserUttered(f"text {draw.random()}", {"name": draw.choice(intents)}, timestamp=next(clock)))
        for _ in range(draw.randint(1, 3)):
            roll = draw.random()
            if roll < 0.15 and not in_form:
                in_form = draw.choice(forms)
                events += [ActionExecuted(in_form, timestamp=next(clock)), ActiveLoop(in_form, timestamp=next(clock))]
            elif roll < 0.3 and in_form:
                events.append(ActionExecuted(in_form, timestamp=next(clock)))
                if draw.random() < 0.4:
                    events.append(ActiveLoop(None, timestamp=next(clock)))
                    in_form = None
            else:
                events.append(
                    ActionExecuted(draw.choice(actions), hide_rule_turn=draw.random() < 0.3, timestamp=next(clock))
                )
            if slots and draw.random() < 0.4:
                slot = draw.choice(slots)
                events.append(SlotSet(slot.name, _value(slot, draw), timestamp=next(clock)))
            if draw.random() < 0.1:
                events.append(FollowupAction(draw.choice(actions), timestamp=next(clock)))
        if rewrites and draw.random() < 0.08:
            events.append(draw.choice([UserUtteranceReverted, ActionReverted, Restarted])(timestamp=next(clock)))
        if rewrites and draw.random() < 0.03:
            events += [
                ActionExecuted("action_session_start", timestamp=next(clock)),
                SessionStarted(timestamp=next(clock)),
            ]
        events.append(ActionExecuted(ACTION_LISTEN_NAME, timestamp=next(clock)))
    return events


def as_stored(domain: Domain, sender: str, events: List[Event]) -> DialogueStateTracker:
    """The tracker as a tracker store gives it: new event objects each time."""
    return DialogueStateTracker.from_dict(sender, [event.as_dict() for event in events], domain.slots)


def prefixes(events: List[Event], draw: random.Random) -> Iterator[int]:
    """Lengths at which a prediction is made: after one or a few new events."""
    length = 1
    while length < len(events):
        yield length
        length += draw.randint(1, 4)
    yield len(events)


def rule_only_data(domain: Domain) -> dict:
    return {
        RULE_ONLY_SLOTS: [slot.name for slot in domain.slots if slot.influence_conversation][:3],
        RULE_ONLY_LOOPS: list(domain.form_names)[:1],
    }


@pytest.mark.parametrize("seed", range(12))
def test_states_equal_rasas_at_every_prediction(domain: Domain, seed: int) -> None:
    store = ConversationStates()
    events = conversation(domain, seed)
    only_rules = rule_only_data(domain)
    for length in prefixes(events, random.Random(seed)):
        tracker = as_stored(domain, "someone", events[:length])
        for ignore, data in ((False, None), (True, only_rules), (True, None)):
            assert store.states(tracker, domain, ignore, data) == tracker.past_states(
                domain, ignore_rule_only_turns=ignore, rule_only_data=data
            ), (seed, length, ignore)


def test_conversations_do_not_mix(domain: Domain) -> None:
    store = ConversationStates(kept=1)
    first, second = conversation(domain, 101, 10), conversation(domain, 102, 10)
    for length in range(4, 60, 5):
        for sender, events in (("one", first), ("two", second), ("one", second)):
            tracker = as_stored(domain, sender, events[:length])
            assert store.states(tracker, domain) == tracker.past_states(domain)


def test_given_states_can_be_changed_without_changing_the_kept_ones(domain: Domain) -> None:
    store = ConversationStates()
    tracker = as_stored(domain, "someone", conversation(domain, 7, 10, rewrites=False))
    given = latest(store.states(tracker, domain), 3)
    for state in given:
        for sub_state in state.values():
            sub_state.clear()
    assert store.states(tracker, domain) == tracker.past_states(domain)


def test_latest_keeps_enough_states_for_a_policy_that_leaves_some_out() -> None:
    states = [{"prev_action": {"action_name": name}} for name in ("a", "b", "action_unlikely_intent", "c")]
    assert latest(states, 2) == states[1:]
    assert latest(states, None) == states
    assert latest(states, 9) == states


def test_a_late_prediction_replays_no_more_than_an_early_one(domain: Domain, monkeypatch: pytest.MonkeyPatch) -> None:
    built = []
    original = Domain.get_active_state
    monkeypatch.setattr(Domain, "get_active_state", lambda self, *a, **k: built.append(1) or original(self, *a, **k))
    events = conversation(domain, 5, turns=60, rewrites=False)
    events = [
        event
        for event in events
        if not isinstance(event, (ActiveLoop, FollowupAction))
        and not (isinstance(event, ActionExecuted) and event.action_name in domain.form_names)
    ]
    store = ConversationStates()
    listens = [
        index
        for index, event in enumerate(events)
        if isinstance(event, ActionExecuted) and event.action_name == ACTION_LISTEN_NAME
    ]
    store.states(as_stored(domain, "long", events[: listens[1] + 2]), domain)  # the first: all of it
    for previous, end in zip(listens[1:], listens[2:]):
        tracker = as_stored(domain, "long", events[: end + 2])  # up to the next user message
        built.clear()
        store.states(tracker, domain)
        store.states(tracker, domain, True, rule_only_data(domain))
        new_actions = sum(isinstance(event, ActionExecuted) for event in events[previous + 2 : end + 2])
        # Only the turns since the previous prediction and the current one, once for both kinds
        # (Rasa builds every turn of the conversation, for each).
        assert len(built) == new_actions + 1
    assert len(listens) > 50
