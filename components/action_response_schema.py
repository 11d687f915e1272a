"""Checks the action server's answers against Rasa's schema, with the checker built once.

Rasa's `RemoteAction._validate_action_result` calls `jsonschema.validate`, which first checks
the schema itself against the JSON Schema meta-schema and builds a new validator: about 40 ms
of processor time on every custom-action turn here (a fifth of all Rasa's time under load,
measured with py-spy; docs/deployment.md). The schema never changes, so it is checked once.
"""

from __future__ import annotations

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
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_response(result: dict[str, Any]) -> None:
    """Raise ValidationError (worded as Rasa words it) when `result` is not a valid answer."""
    error: ValidationError | None = best_match(response_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your "
            f"response from the Action endpoint is valid. See {DOCS_BASE_URL}/custom-actions"
        )
        raise error
