"""The OpenAPI 3.1 document of the staff JSON API, built from the same parameter table the
API checks requests with (bot.web.staff_api.SEARCH_PARAMS), so the two cannot drift apart.

Served at GET /api/openapi.json (behind the same login as the API). Schemas are JSON Schema
2020-12, as OpenAPI 3.1 uses; tests/test_staff_api.py checks real responses against them.
"""

from __future__ import annotations

from typing import Any

from bot.trials.nct import NCT_FORMAT_HELP
from bot.web.auth import SESSION_COOKIE
from bot.web.staff_api import SEARCH_PARAMS, Param

API_VERSION = "1.0.0"


def _nullable(kind: str) -> dict[str, Any]:
    return {"type": [kind, "null"]}


def _strings() -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string"}}


_HOW = {"type": "string", "enum": ["template", "glossary", "original"]}


def _object(properties: dict[str, Any], description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def _parameter(param: Param) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": param.kind}
    if param.enum:
        schema["enum"] = list(param.enum)
    if param.minimum is not None:
        schema["minimum"] = param.minimum
    if param.maximum is not None:
        schema["maximum"] = param.maximum
    if param.kind == "string" and not param.enum:
        schema["maxLength"] = 200
    if param.default is not None:
        schema["default"] = param.default
    if param.example is not None:
        schema["example"] = param.example
    return {"name": param.name, "in": "query", "required": False, "description": param.description, "schema": schema}


def _error_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _json_response(description: str, ref: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
    }


UNAUTHORISED = _error_response("No login or token, or a wrong one. Send `Authorization: Bearer <STAFF_TOKEN>`.")
NOT_SET_UP = _error_response(
    "Staff access is not set up on this server (neither STAFF_TOKEN nor STAFF_USERS), "
    "or the trial database is not available."
)
TOO_MANY = _error_response("Too many failed logins or bad tokens from this address; try again later.")

SCHEMAS: dict[str, Any] = {
    "Error": _object(
        {
            "error": {
                "type": "string",
                "description": "A short code: bad_parameter, not_found, unauthorised, "
                "not_set_up, too_many_attempts, unavailable, internal.",
            },
            "message": {"type": "string", "description": "What went wrong, in words."},
            "parameter": {**_nullable("string"), "description": "The parameter at fault, if any."},
        }
    ),
    "TrialSummary": _object(
        {
            "nct_id": {"type": "string", "pattern": "^NCT[0-9]{8}$"},
            "title": {"type": "string"},
            "status": {"type": "string", "description": "ClinicalTrials.gov overallStatus; UNKNOWN if none."},
            "status_words": {
                "type": "string",
                "description": "The status in plain words, with the date it was "
                "confirmed; an open status over a year old says it may have changed.",
            },
            "status_as_of": {
                **_nullable("string"),
                "description": "When the status was last confirmed (yyyy-mm "
                "or yyyy-mm-dd); null if the record does not say.",
            },
            "status_recent": {"type": "boolean", "description": "The status was confirmed in the last 12 months."},
            "is_open": {"type": "boolean", "description": "Recruiting or not yet recruiting."},
            "phases": {**_strings(), "description": "EARLY_PHASE1, PHASE1 .. PHASE4."},
            "phase_words": {"type": "string"},
            "countries": _strings(),
            "cities": _strings(),
            "places_words": {"type": "string"},
            "last_updated": {**_nullable("string"), "description": "yyyy, yyyy-mm or yyyy-mm-dd as in the record."},
            "nearest_site": {
                "oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/NearestSite"}],
                "description": "With near: the trial's site nearest to that place; null otherwise "
                "or when none of its sites is on the map.",
            },
        }
    ),
    "NearestSite": _object(
        {
            "facility": _nullable("string"),
            "city": _nullable("string"),
            "country": _nullable("string"),
            "distance_km": {"type": "number", "minimum": 0, "description": "As the crow flies, to 0.1 km."},
        }
    ),
    "SearchResults": _object(
        {
            "total": {"type": "integer", "minimum": 0, "description": "How many trials match in all."},
            "offset": {"type": "integer", "minimum": 0},
            "limit": {"type": "integer", "minimum": 1},
            "has_more": {"type": "boolean"},
            "unknown_terms": {
                **_strings(),
                "description": "Treatment or condition names not in our word list. "
                "They are searched as words of the records; when no record has them, no trial "
                "is listed (never every trial).",
            },
            "suggestions": {
                **_strings(),
                "description": "Names in our word list close to the unknown ones, "
                "for 'Did you mean ...?'. Empty when none is close.",
            },
            "specific_total": {
                **_nullable("integer"),
                "minimum": 0,
                "description": "When the condition asked for has broader ones that were "
                "searched too (insulinoma: pancreatic NET, NET): how many of `total` are about "
                "the condition itself. Null otherwise.",
            },
            "broader_ids": {
                **_strings(),
                "description": "The listed trials found only through a broader condition, not the one asked for.",
            },
            "broader_name": {
                **_nullable("string"),
                "description": "The narrowest broader condition all of "
                "`broader_ids` are about, e.g. 'pancreatic NET'; null if none or they share none.",
            },
            "unplaced_total": {
                "type": "integer",
                "minimum": 0,
                "description": "With a place asked for: how many "
                "more trials match everything else but list no places (not in `total`).",
            },
            "unplaced_words": {**_nullable("string"), "description": "The same in words; null when there are none."},
            "trials": {"type": "array", "items": {"$ref": "#/components/schemas/TrialSummary"}},
        },
        "A page of results, ranked open first (those whose status was confirmed in the last year "
        "before older ones), then by relevance, then most recently updated.",
    ),
    "Criterion": {
        **_object(
            {
                "original": {"type": "string", "description": "The registry's words (with sub-items)."},
                "plain": {"type": "string", "description": "The same in plain English (with sub-items)."},
                "how": {
                    **_HOW,
                    "description": "How the item was put in plain English: a whole-criterion template, "
                    "the glossary, or the original words with terms explained (the guards refused a rewrite).",
                },
                "sub_items_how": {
                    "type": "array",
                    "items": _HOW,
                    "description": "The same for each sub-item, in order; only when there are sub-items.",
                },
                "sentence": {
                    "type": "string",
                    "description": "The rewritten sentence alone, without the explanation "
                    "lines; only when the item has explanations.",
                },
                "words_used": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "One short line per hard "
                    "term the item uses, shown beneath it; only when there are any.",
                },
            }
        ),
        "required": ["original", "plain", "how"],
    },
    "Eligibility": _object(
        {
            "has_criteria": {"type": "boolean"},
            "original_text": {**_nullable("string"), "description": "The record's criteria text as written."},
            "who_decides": {"type": "string"},
            "inclusion": {"type": "array", "items": {"$ref": "#/components/schemas/Criterion"}},
            "exclusion": {"type": "array", "items": {"$ref": "#/components/schemas/Criterion"}},
        }
    ),
    "Intervention": _object(
        {
            "kind": _nullable("string"),
            "name": {"type": "string"},
            "other_names": _strings(),
            "description": _nullable("string"),
        }
    ),
    "Contact": _object(
        {
            "name": _nullable("string"),
            "role": _nullable("string"),
            "phone": _nullable("string"),
            "email": _nullable("string"),
            "site": {**_nullable("string"), "description": "The site's facility; null for a central contact."},
        }
    ),
    "Site": _object(
        {
            "facility": _nullable("string"),
            "city": _nullable("string"),
            "state": _nullable("string"),
            "country": _nullable("string"),
            "status": _nullable("string"),
            "status_words": _nullable("string"),
        }
    ),
    "TrialDetail": _object(
        {
            "nct_id": {"type": "string", "pattern": "^NCT[0-9]{8}$"},
            "title": {"type": "string"},
            "official_title": _nullable("string"),
            "acronym": _nullable("string"),
            "status": {"type": "string"},
            "status_words": {
                "type": "string",
                "description": "The status in plain words, with the date it was "
                "confirmed; an open status over a year old says it may have changed.",
            },
            "status_as_of": {
                **_nullable("string"),
                "description": "When the status was last confirmed (yyyy-mm "
                "or yyyy-mm-dd); null if the record does not say.",
            },
            "status_recent": {"type": "boolean", "description": "The status was confirmed in the last 12 months."},
            "is_open": {"type": "boolean"},
            "phases": _strings(),
            "phase_words": {"type": "string"},
            "study_type": _nullable("string"),
            "start_date": _nullable("string"),
            "completion_date": _nullable("string"),
            "last_updated": _nullable("string"),
            "enrollment": _nullable("integer"),
            "sponsor": _nullable("string"),
            "collaborators": {**_strings(), "description": "Others who help run the trial, as the record names them."},
            "other_ids": {**_strings(), "description": "The sponsor's own study id and other registries' ids."},
            "summary": _nullable("string"),
            "description": _nullable("string"),
            "conditions": _strings(),
            "keywords": _strings(),
            "interventions": {"type": "array", "items": {"$ref": "#/components/schemas/Intervention"}},
            "min_age_years": _nullable("number"),
            "max_age_years": _nullable("number"),
            "sex": _nullable("string"),
            "healthy_volunteers": _nullable("boolean"),
            "record_limits": {**_strings(), "description": "Age, sex and volunteers, as the record's fields say."},
            "eligibility": {"$ref": "#/components/schemas/Eligibility"},
            "questions": _object(
                {
                    "doctor": {**_strings(), "description": "Questions for the person's own doctor."},
                    "coordinator": {**_strings(), "description": "Questions for the trial team."},
                }
            ),
            "contacts": {"type": "array", "items": {"$ref": "#/components/schemas/Contact"}},
            "sites": {"type": "array", "items": {"$ref": "#/components/schemas/Site"}},
            "countries": _strings(),
            "registry_url": {"type": "string", "format": "uri"},
            "copy_text": {
                "type": "string",
                "description": "A short plain text to paste into an email or a text "
                "message to a patient (at most about 120 words, no HTML).",
            },
        },
        "One trial as stored, with eligibility in the record's words and in plain English.",
    ),
}


def openapi_document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "NET Trials Assistant staff API",
            "version": API_VERSION,
            "description": (
                "Look trials up for helpline staff: the same search as the chat and the command line. "
                "Every call needs a login: `Authorization: Bearer <STAFF_TOKEN>`, or the staff page's "
                "login cookie. Errors are JSON objects with `error` and `message`. Only the trial team "
                "can say who can take part in a trial."
            ),
        },
        "security": [{"bearerAuth": []}, {"cookieAuth": []}],
        "paths": {
            "/api/trials": {
                "get": {
                    "operationId": "searchTrials",
                    "summary": "Search trials",
                    "description": "Open trials (recruiting or not yet recruiting) unless `status` says otherwise. "
                    "Empty parameters count as not given; unknown or repeated ones are refused.",
                    "parameters": [_parameter(p) for p in SEARCH_PARAMS],
                    "responses": {
                        "200": _json_response("A page of matching trials.", "SearchResults"),
                        "400": _error_response("A parameter is unknown, repeated or out of range."),
                        "401": UNAUTHORISED,
                        "429": TOO_MANY,
                        "503": NOT_SET_UP,
                    },
                }
            },
            "/api/trials/{nct_id}": {
                "get": {
                    "operationId": "getTrial",
                    "summary": "One trial in full",
                    "parameters": [
                        {
                            "name": "nct_id",
                            "in": "path",
                            "required": True,
                            "description": f"The trial's ClinicalTrials.gov number. {NCT_FORMAT_HELP} "
                            "Lower case is accepted.",
                            "schema": {"type": "string", "examples": ["NCT07273409"]},
                        }
                    ],
                    "responses": {
                        "200": _json_response("The trial.", "TrialDetail"),
                        "400": _error_response("Not an NCT number; the message explains the format."),
                        "401": UNAUTHORISED,
                        "404": _error_response("No trial with this number is stored."),
                        "429": TOO_MANY,
                        "503": NOT_SET_UP,
                    },
                }
            },
            "/api/openapi.json": {
                "get": {
                    "operationId": "getOpenApi",
                    "summary": "This document",
                    "responses": {
                        "200": {
                            "description": "The OpenAPI 3.1 document.",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        "401": UNAUTHORISED,
                        "429": TOO_MANY,
                        "503": NOT_SET_UP,
                    },
                }
            },
        },
        "components": {
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "description": "The STAFF_TOKEN set on the server."},
                "cookieAuth": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": SESSION_COOKIE,
                    "description": "Set by logging in on /staff/login.",
                },
            },
            "schemas": SCHEMAS,
        },
    }
