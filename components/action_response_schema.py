"""Checks the action server's answers against Rasa's schema, with the checkers built once.

Rasa's `RemoteAction._validate_action_result` calls `jsonschema.validate`, which first checks
the schema itself against the JSON Schema meta-schema and builds a new validator: about 40 ms
of processor time on every custom-action turn here (a fifth of all Rasa's time under load,
measured with py-spy; docs/deployment.md). The schema never changes, so it is checked once.

The schema's event item is a `oneOf` over 25 event kinds, each keyed by a `const` on the
"event" field, so the full check tries every kind on every event (about 0.2 ms a slot event).
An event whose "event" names a kind can only match that kind's branch, so the fast path
checks each event against its own kind alone. Anything the fast path does not accept goes
through the full check, so the accept/reject outcome and the error raised are Rasa's own.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def response_validator() -> Validator:
    """The full check, exactly as Rasa's schema states it."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


@lru_cache(maxsize=1)
def _split_validators() -> tuple[Validator, dict[str, Validator]]:
    """The answer without its events' item check, and one event check per event kind."""
    schema = response_validator().schema
    validator_class = type(response_validator())
    shell = copy.deepcopy(schema)
    item = shell["properties"]["events"].pop("items")
    kinds: dict[str, Validator] = {}
    for branch in item["oneOf"]:
        # Only the one branch stays: an event naming this kind fails every other branch's const.
        kind_schema = {**item, "oneOf": [branch]}
        validator_class.check_schema(kind_schema)
        kinds[branch["properties"]["event"]["const"]] = validator_class(kind_schema)
    validator_class.check_schema(shell)
    return validator_class(shell), kinds


def _passes_fast_check(result: Any) -> bool:
    """True only when the full check would also pass; False means "ask the full check"."""
    shell, kinds = _split_validators()
    if not shell.is_valid(result):
        return False
    events = result.get("events", []) if isinstance(result, dict) else []
    for event in events:
        kind = event.get("event") if isinstance(event, dict) else None
        if not isinstance(kind, str) or kind not in kinds or not kinds[kind].is_valid(event):
            return False
    return True


def validate_action_response(result: dict[str, Any]) -> None:
    """Raise ValidationError (worded as Rasa words it) when `result` is not a valid answer."""
    if _passes_fast_check(result):
        return
    error: ValidationError | None = best_match(response_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your "
            f"response from the Action endpoint is valid. See {DOCS_BASE_URL}/custom-actions"
        )
        raise error
