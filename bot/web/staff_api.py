"""What the staff API and the staff page share: the search parameters (checked the same way
for both), and trials as plain data (JSON for the API, the same values for the HTML page).

No aiohttp here: parameters in, TrialQuery out; TrialStore results in, dicts out. The search
itself is TrialStore.search, exactly as the chat and the CLI use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional, Sequence

from bot.eligibility.plain import PlainItem, plain_criteria
from bot.eligibility.questions import questions_for
from bot.eligibility.render import WHO_DECIDES, record_limits
from bot.geo import DEFAULT_RADIUS_KM, find_place
from bot.trials.freshness import is_recent
from bot.trials.nct import NCT_FORMAT_HELP, find_nct_candidate, is_valid_nct_id
from bot.trials.nearby import near, unknown_place_words
from bot.trials.present import dated_status_words, phase_words, places_words, status_words, unplaced_words
from bot.trials.query import (
    AGE_GROUPS,
    Near,
    NearestSite,
    SearchPage,
    TrialDetail,
    TrialQuery,
    TrialSummary,
    default_status,
)
from bot.web.copytext import copy_text

MAX_TEXT_LENGTH = 200
MAX_LIMIT = 50
MAX_OFFSET = 10_000
DEFAULT_LIMIT = 20
MAX_WITHIN_KM = 2000


@dataclass(frozen=True)
class Param:
    """One search parameter: how it is checked, and how the OpenAPI document describes it."""

    name: str
    kind: str  # "string" or "integer"
    description: str
    enum: tuple[str, ...] = ()
    minimum: Optional[int] = None
    maximum: Optional[int] = None
    default: Any = None
    label: str = ""  # the staff page's form label
    example: Any = None


SEARCH_PARAMS: tuple[Param, ...] = (
    Param("text", "string", "Free words searched anywhere in the record, e.g. 'quality of life'.", label="Any words"),
    Param(
        "treatment",
        "string",
        "A drug or treatment by any name: brand, generic, lay word or a "
        "common misspelling (Lutathera, lutetium, PRRT).",
        label="Treatment",
    ),
    Param("condition", "string", "A condition, e.g. 'pancreatic NET', insulinoma.", label="Condition"),
    Param(
        "acronym",
        "string",
        "The trial's acronym or another id in its record (the sponsor's study "
        "id, a EudraCT number), in any case, with or without spaces and hyphens: NETTER-2, "
        "'netter 2', GETNE1206. Four or more letters and digits also find the ids they start: "
        "NETTER finds NETTER-1, NETTER-2 and so on. With an acronym, status is all unless given.",
        label="Acronym or study id",
    ),
    Param(
        "sponsor",
        "string",
        "Who runs the trial or helps to (lead sponsor or a collaborator), by the "
        "words of the name: Novartis, NCI, 'Grupo Espanol'. Words like 'university' or 'cancer' count "
        "only when the name has no other words.",
        label="Sponsor",
    ),
    Param(
        "site",
        "string",
        "A hospital or clinic taking part, by the words of its name: Christie, "
        "'Royal Free', Sahlgrenska. Generic words ('hospital', 'university') and numbers are left out, "
        "so a name of only such words finds nothing.",
        label="Hospital or clinic",
    ),
    Param("country", "string", "A country where the trial has a site, e.g. 'United Kingdom', UK.", label="Country"),
    Param("city", "string", "A city or town where the trial has a site.", label="City or town"),
    Param(
        "near",
        "string",
        "A town, city or region (e.g. Bristol, 'Denver, CO', 'the Midlands'): trials "
        "with a site within within_km of it, nearest first; each trial gains nearest_site. An unknown "
        "place is refused with 400.",
        label="Near (town or region)",
        example="Bristol",
    ),
    Param(
        "within_km",
        "integer",
        "With near: how far from it, in km (default 100).",
        minimum=1,
        maximum=MAX_WITHIN_KM,
        label="Within (km)",
        example=50,
    ),
    Param(
        "status",
        "string",
        "open: recruiting or not yet recruiting; closed: every other status; "
        "all: both. When not given: open, or all when an acronym is given.",
        enum=("open", "closed", "all"),
        default="open",
        label="Status",
    ),
    Param("phase", "integer", "Trial phase 1 to 4; 0 means early phase 1.", minimum=0, maximum=4, label="Phase"),
    Param(
        "age",
        "integer",
        "The person's age in years: trials whose age limits include it.",
        minimum=0,
        maximum=120,
        label="Age in years",
    ),
    Param(
        "age_group",
        "string",
        "Trials that take people of this age group: child (under 18), teen "
        "(13 to 17), adult (18 to 64) or older_adult (65 and over). From the record's age limits, and "
        "its standard age groups where a limit is not given; a trial with no limits takes every group.",
        enum=AGE_GROUPS,
        label="Age group",
    ),
    Param(
        "sex", "string", "Trials open to this sex (trials for all are included).", enum=("female", "male"), label="Sex"
    ),
    Param("limit", "integer", "How many trials to return.", minimum=1, maximum=MAX_LIMIT, default=DEFAULT_LIMIT),
    Param(
        "offset", "integer", "How many trials to skip (for the next page).", minimum=0, maximum=MAX_OFFSET, default=0
    ),
)
PARAMS_BY_NAME = {p.name: p for p in SEARCH_PARAMS}


class BadParameter(ValueError):
    """A request the API refuses with 400; the message says what to send instead."""

    def __init__(self, message: str, parameter: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.parameter = parameter


def parse_search(params: Mapping[str, str], keys: Sequence[str], default_limit: int = DEFAULT_LIMIT) -> TrialQuery:
    """A TrialQuery from query-string parameters. `keys` is every key sent (with repeats).
    Empty values count as not given. Raises BadParameter for unknown, repeated or bad values."""
    seen: set[str] = set()
    for key in keys:
        if key not in PARAMS_BY_NAME:
            allowed = ", ".join(PARAMS_BY_NAME)
            raise BadParameter(f"Unknown parameter {key!r}. The parameters are: {allowed}.", key)
        if key in seen:
            raise BadParameter(f"The parameter {key!r} was given more than once.", key)
        seen.add(key)
    values: dict[str, Any] = {}
    for param in SEARCH_PARAMS:
        raw = (params.get(param.name) or "").strip()
        if not raw:
            continue
        values[param.name] = _check(param, raw)
    values.setdefault("limit", default_limit)
    values.setdefault("status", default_status(values.get("acronym")))
    values["near"] = _near(values.pop("near", None), values.pop("within_km", None))
    return TrialQuery(**values)


def _near(name: Optional[str], within_km: Optional[int]) -> Optional[Near]:
    if name is None:
        if within_km is not None:
            raise BadParameter("within_km needs near: the place to measure from.", "within_km")
        return None
    place = find_place(name)
    if place is None:
        raise BadParameter(unknown_place_words(name[:40]), "near")
    return near(place, float(within_km) if within_km is not None else DEFAULT_RADIUS_KM)


def _check(param: Param, raw: str) -> Any:
    if param.kind == "integer":
        try:
            number = int(raw)
        except ValueError:
            raise BadParameter(f"{param.name} must be a whole number, not {_quote(raw)}.", param.name) from None
        if (param.minimum is not None and number < param.minimum) or (
            param.maximum is not None and number > param.maximum
        ):
            raise BadParameter(
                f"{param.name} must be from {param.minimum} to {param.maximum}, not {number}.", param.name
            )
        return number
    if param.enum:
        value = raw.lower()
        if value not in param.enum:
            raise BadParameter(f"{param.name} must be one of {', '.join(param.enum)}, not {_quote(raw)}.", param.name)
        return value
    if len(raw) > MAX_TEXT_LENGTH:
        raise BadParameter(f"{param.name} is too long: at most {MAX_TEXT_LENGTH} characters.", param.name)
    if any(ord(ch) < 32 for ch in raw):
        raise BadParameter(f"{param.name} contains control characters.", param.name)
    return raw


def _quote(raw: str) -> str:
    return repr(raw if len(raw) <= 40 else raw[:40] + "...")


def parse_nct_id(raw: str) -> str:
    """The canonical id ("NCT07273409") from what was sent ("nct07273409"); BadParameter
    explaining the format otherwise."""
    candidate = find_nct_candidate(raw) or raw.strip().upper()
    if not is_valid_nct_id(candidate):
        raise BadParameter(f"{_quote(raw)} is not a ClinicalTrials.gov number. {NCT_FORMAT_HELP}", "nct_id")
    return candidate


# -- trials as data -------------------------------------------------------------------------
def summary_json(summary: TrialSummary) -> dict[str, Any]:
    return {
        "nct_id": summary.nct_id,
        "title": summary.title,
        "status": summary.status,
        "status_words": dated_status_words(summary.status, summary.status_as_of),
        "status_as_of": summary.status_as_of,
        "nearest_site": _nearest_json(summary.nearest_site),
        "status_recent": is_recent(summary.status_as_of),
        "is_open": summary.is_open,
        "phases": list(summary.phases),
        "phase_words": phase_words(summary.phases),
        "countries": list(summary.countries),
        "cities": list(summary.cities),
        "places_words": places_words(summary.countries, summary.cities),
        "last_updated": summary.last_updated,
    }


def _nearest_json(site: Optional[NearestSite]) -> Optional[dict[str, Any]]:
    if site is None:
        return None
    return {
        "facility": site.facility,
        "city": site.city,
        "country": site.country,
        "distance_km": round(site.distance_km, 1),
    }


def page_json(page: SearchPage, query: TrialQuery) -> dict[str, Any]:
    return {
        "total": page.total,
        "offset": page.offset,
        "limit": query.limit,
        "has_more": page.has_more,
        "unknown_terms": list(page.unknown_terms),
        "suggestions": list(page.suggestions),
        "specific_total": page.specific_total,
        "broader_ids": list(page.broader_ids),
        "broader_name": page.broader_name,
        "unplaced_total": page.unplaced_total,
        "unplaced_words": unplaced_words(page),
        "trials": [summary_json(t) for t in page.trials],
    }


def detail_json(trial: TrialDetail) -> dict[str, Any]:
    """Everything the trial page shows: the record, eligibility in the record's words and in
    plain English, questions to ask, contacts, sites and the copy-to-send text."""
    questions = questions_for(trial)
    return {
        "nct_id": trial.nct_id,
        "title": trial.title,
        "official_title": trial.official_title,
        "acronym": trial.acronym,
        "status": trial.status,
        "status_words": dated_status_words(trial.status, trial.status_as_of),
        "status_as_of": trial.status_as_of,
        "status_recent": is_recent(trial.status_as_of),
        "is_open": trial.is_open,
        "phases": list(trial.phases),
        "phase_words": phase_words(trial.phases),
        "study_type": trial.study_type,
        "start_date": trial.start_date,
        "completion_date": trial.completion_date,
        "last_updated": trial.last_updated,
        "enrollment": trial.enrollment,
        "sponsor": trial.sponsor,
        "collaborators": list(trial.collaborators),
        "other_ids": list(trial.other_ids),
        "summary": trial.summary,
        "description": trial.description,
        "conditions": list(trial.conditions),
        "keywords": list(trial.keywords),
        "interventions": [
            {"kind": i.kind, "name": i.name, "other_names": list(i.other_names), "description": i.description}
            for i in trial.interventions
        ],
        "min_age_years": trial.min_age_years,
        "max_age_years": trial.max_age_years,
        "sex": trial.sex,
        "healthy_volunteers": trial.healthy_volunteers,
        "record_limits": record_limits(trial),
        "eligibility": eligibility_json(trial),
        "questions": {"doctor": list(questions.doctor), "coordinator": list(questions.coordinator)},
        "contacts": [
            {"name": c.name, "role": c.role, "phone": c.phone, "email": c.email, "site": c.site} for c in trial.contacts
        ],
        "sites": [
            {
                "facility": s.facility,
                "city": s.city,
                "state": s.state,
                "country": s.country,
                "status": s.status,
                "status_words": status_words(s.status) if s.status else None,
            }
            for s in trial.sites
        ],
        "countries": list(trial.countries),
        "registry_url": trial.registry_url,
        "copy_text": copy_text(trial),
    }


def eligibility_json(trial: TrialDetail) -> dict[str, Any]:
    text = trial.criteria if trial.criteria and trial.criteria.strip() else None
    plain = plain_criteria(text) if text else None
    return {
        "has_criteria": bool(plain and not plain.is_empty),
        "original_text": text,
        "who_decides": WHO_DECIDES,
        "inclusion": [_item(i) for i in plain.inclusion] if plain else [],
        "exclusion": [_item(i) for i in plain.exclusion] if plain else [],
    }


def _item(item: PlainItem) -> dict[str, object]:
    return item.as_dict()
