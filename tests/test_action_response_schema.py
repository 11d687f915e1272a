"""The per-kind event check gives exactly the old all-kinds check's outcome and error, on valid
and invalid events of every kind Rasa's schema names (the old check is kept here as the reference)."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    AllSlotsReset,
    BotUttered,
    EntitiesAdded,
    FollowupAction,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)

from components.action_response_schema import _split_validators, validate_action_response

SCHEMA = RemoteAction.action_response_format_spec()
ITEM = SCHEMA["properties"]["events"]["items"]
BRANCHES = {branch["properties"]["event"]["const"]: branch for branch in ITEM["oneOf"]}
_OLD = validator_for(SCHEMA)(SCHEMA)


def old_check(result: Any) -> None:
    """The check as it was before the per-kind split: every event against every kind."""
    error = best_match(_OLD.iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your "
            f"response from the Action endpoint is valid. See {DOCS_BASE_URL}/custom-actions"
        )
        raise error


SAMPLE_OF_TYPE: dict[str, Any] = {"string": "s", "number": 1.5, "integer": 2, "boolean": True, "null": None}
WRONG_FOR_TYPE: dict[str, Any] = {
    "string": 5,
    "number": "x",
    "integer": 1.5,
    "boolean": "x",
    "object": "x",
    "array": "x",
}


def _types(schema: dict) -> list[str]:
    kind = schema.get("type", [])
    return [kind] if isinstance(kind, str) else list(kind)


def sample(schema: dict) -> Any:
    """A value the schema accepts (every property filled in)."""
    if "const" in schema:
        return schema["const"]
    types = _types(schema)
    if "object" in types or "properties" in schema:
        return {name: sample(sub) for name, sub in schema.get("properties", {}).items()}
    if "array" in types:
        return [sample(schema["items"])] if "items" in schema else []
    return SAMPLE_OF_TYPE[types[0]] if types else "anything"


def wrong(schema: dict) -> list[Any]:
    """Values of a type the schema refuses."""
    return [WRONG_FOR_TYPE[t] for t in _types(schema) if t in WRONG_FOR_TYPE][:1]


def broken(schema: dict, value: Any) -> list[Any]:
    """Copies of `value` with one field (at any depth) of the wrong type or one required field gone."""
    out = wrong(schema)
    if isinstance(value, dict):
        for name in schema.get("required", []):
            out.append({k: v for k, v in value.items() if k != name})
        for name, sub in schema.get("properties", {}).items():
            if name == "event" or name not in value:
                continue
            out += [{**value, name: bad} for bad in broken(sub, value[name])]
    if isinstance(value, list) and value and "items" in schema:
        out += [[bad] for bad in broken(schema["items"], value[0])]
    return out


def full_event(kind: str) -> dict:
    """An event of `kind` with every field its branch and the shared item schema name."""
    shared = {k: v for k, v in ITEM.items() if k != "oneOf"}
    return {**sample(shared), **sample(BRANCHES[kind]), "event": kind}


def event_schema(kind: str) -> dict:
    shared = {k: v for k, v in ITEM.items() if k != "oneOf"}
    branch = BRANCHES[kind]
    return {
        "properties": {**shared["properties"], **branch["properties"]},
        "required": shared["required"] + branch.get("required", []),
    }


RASA_EVENTS = [
    SlotSet("treatment", "everolimus").as_dict(),
    SlotSet("trials", [{"nct": "NCT0", "n": 3}]).as_dict(),
    UserUttered(
        "hi", {"name": "greet", "confidence": 0.9}, [{"entity": "e", "value": "v", "start": 0, "end": 2}]
    ).as_dict(),
    BotUttered("hello", {"buttons": []}).as_dict(),
    ActionExecuted("action_search_trials", policy="RulePolicy", confidence=1.0).as_dict(),
    ActiveLoop("prescreen_form").as_dict(),
    ActiveLoop(None).as_dict(),
    FollowupAction("action_listen").as_dict(),
    AllSlotsReset().as_dict(),
    Restarted().as_dict(),
    SessionStarted().as_dict(),
    EntitiesAdded([{"entity": "e", "value": "v"}]).as_dict(),
]

EVENTS: list[Any] = [*RASA_EVENTS]
for _kind in BRANCHES:
    EVENTS += [{"event": _kind}, full_event(_kind), {"event": _kind, "timestamp": None, "metadata": None}]
    EVENTS += broken(event_schema(_kind), full_event(_kind))
    EVENTS += [{"event": _kind, "timestamp": "noon"}, {"event": _kind, "metadata": []}]
EVENTS += [{"event": "no_such_kind"}, {"event": "SLOT"}, {"event": 5}, {"event": None}, {"event": ["slot"]}]
EVENTS += [{"no": "event key"}, {}, "slot", 3, None, ["slot"]]

SLOT = SlotSet("treatment", "everolimus").as_dict()
# A trial search's answer: its slots and one reply (the microbenchmark in docs/benchmarks.md).
SEARCH = {
    "events": [SlotSet(f"slot_{i}", [{"nct_id": "NCT0", "title": "t"}] if i == 0 else "v").as_dict() for i in range(7)],
    "responses": [{"text": "Here is what I found.", "buttons": [{"title": "More", "payload": "/show_more_trials"}]}],
}
RESPONSES: list[Any] = [{"events": [event]} for event in EVENTS]
RESPONSES += [{"events": [SLOT] * 7 + [event]} for event in EVENTS]
RESPONSES += [{"events": [event, event, SLOT]} for event in EVENTS]
RESPONSES += [
    SEARCH,
    {},
    {"events": []},
    {"responses": [{"text": "hi"}]},
    {"responses": ["hi"]},
    {"responses": "hi"},
    {"events": "not a list"},
    {"events": {"event": "slot"}},
    {"events": [SLOT], "responses": [{"text": "x"}], "extra": 1},
    {"events": [{"event": "slot", "name": 1}, {"event": "bot", "timestamp": "noon"}]},
    "not an object",
    [],
    None,
]


def outcome(check: Any, result: Any) -> tuple | None:
    try:
        check(result)
    except ValidationError as error:
        return (error.message, list(error.path), list(error.schema_path), error.validator, error.validator_value)
    return None


def test_the_table_covers_both_outcomes_for_every_kind() -> None:
    assert len(BRANCHES) == len(ITEM["oneOf"]) >= 20
    for kind in BRANCHES:
        results = [
            outcome(old_check, {"events": [e]}) for e in EVENTS if isinstance(e, dict) and e.get("event") == kind
        ]
        assert any(r is None for r in results), kind
        assert any(r is not None for r in results), kind


@pytest.mark.parametrize("result", RESPONSES, ids=lambda r: repr(r)[:60])
def test_same_outcome_and_error_as_the_old_check(result: Any) -> None:
    assert outcome(validate_action_response, result) == outcome(old_check, result)


def test_every_kind_has_its_own_checker() -> None:
    _, kinds = _split_validators()
    assert set(kinds) == set(BRANCHES)
