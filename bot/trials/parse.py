"""Parse and validate one ClinicalTrials.gov API v2 study into plain rows.

Field paths are those of ../shared/ctgov/README.md. Any module or field may be missing; a field
that is present but of the wrong kind, or an unreadable date or age, rejects the record with
the field's path and the reason, so nothing half-understood is stored.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional

from bot.geo import geocode_site
from bot.geo.sites import town_in_facility
from bot.text import normalize
from bot.trials.freshness import status_as_of
from bot.trials.lookup import name_key
from bot.trials.query import AGE_GROUP_YEARS, OPEN_STATUSES

NCT_ID = re.compile(r"^NCT\d{8}$")
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?\s*$", re.I)
UNITS_PER_YEAR = {"year": 1, "month": 12, "week": 52.1775, "day": 365.25, "hour": 8766, "minute": 525960}
KNOWN_SEX = {"ALL", "FEMALE", "MALE"}
# The registry's own age groups (eligibilityModule.stdAges) as ranges in years: first age in,
# first age out.
STD_AGES = {"CHILD": (0.0, 18.0), "ADULT": (18.0, 65.0), "OLDER_ADULT": (65.0, math.inf)}
# Part of the record hash: records read by an older parser count as changed, so the next
# import or sync stores what this one reads (collaborators, other ids, age groups since 2;
# the date the status was confirmed since 3; sites placed from their town since 4;
# design, arms, outcome time frames and results since 5).
PARSER_VERSION = "6"
MAX_KEY_LENGTH = 200  # trial_identifiers.key


class RecordError(ValueError):
    """A record that cannot be stored: which field, and why."""

    def __init__(self, field_path: str, reason: str, nct_id: Optional[str] = None) -> None:
        super().__init__(f"{field_path}: {reason}")
        self.field = field_path
        self.reason = reason
        self.nct_id = nct_id


@dataclass
class ParsedTrial:
    nct_id: str
    trial: dict[str, Any]
    phases: list[str] = field(default_factory=list)
    conditions: list[tuple[str, bool]] = field(default_factory=list)
    interventions: list[dict[str, Any]] = field(default_factory=list)
    sites: list[dict[str, Any]] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    identifiers: list[dict[str, str]] = field(default_factory=list)  # kind, value, key
    collaborators: list[str] = field(default_factory=list)
    arm_groups: list[dict[str, Any]] = field(default_factory=list)  # label, kind, description, interventions
    outcomes: list[dict[str, Any]] = field(default_factory=list)  # kind, measure, time_frame
    age_groups: list[str] = field(default_factory=list)  # child, teen, adult, older_adult
    compiled_json: Optional[str] = None  # the whole record, kept when it is compiled (is_compiled)

    def text_for(self, part: str) -> str:
        """Record text used for full-text search and concept tagging."""
        t = self.trial
        if part == "title":
            return " ".join(filter(None, [t["title"], t.get("acronym"), t.get("official_title")]))
        if part == "interventions":
            names = []
            for item in self.interventions:
                names.append(item["name"])
                names.extend(item["other_names"])
            return " ; ".join(names)
        if part == "conditions":
            return " ; ".join(name for name, _ in self.conditions)
        if part == "summary":
            return t.get("summary") or ""
        if part == "untreated_arms":  # "No treatment: ... the observational control"
            untreated = (a for a in self.arm_groups if a.get("kind") == "NO_INTERVENTION")
            return " ; ".join(": ".join(filter(None, [a.get("label"), a.get("description")])) for a in untreated)
        raise ValueError(part)


class _Reader:
    """Typed access to nested JSON, raising RecordError with the field's path."""

    def __init__(self, data: Any, path: str = "") -> None:
        self.data = data
        self.path = path

    def child(self, key: str) -> "_Reader":
        value = self.data.get(key) if isinstance(self.data, dict) else None
        if value is not None and not isinstance(value, dict):
            raise RecordError(self._at(key), f"expected an object, found {type(value).__name__}")
        return _Reader(value or {}, self._at(key))

    def text(self, key: str) -> Optional[str]:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            raise RecordError(self._at(key), f"expected text, found {type(value).__name__}")
        return value.strip() or None

    def integer(self, key: str) -> Optional[int]:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise RecordError(self._at(key), f"expected a whole number, found {value!r}")
        try:
            number = int(value)
        except ValueError:
            raise RecordError(self._at(key), f"expected a whole number, found {value!r}") from None
        if number < 0:
            raise RecordError(self._at(key), f"must not be negative, found {number}")
        return number

    def boolean(self, key: str) -> Optional[bool]:
        value = self.data.get(key)
        if value is None or isinstance(value, bool):
            return value
        raise RecordError(self._at(key), f"expected true or false, found {value!r}")

    def items(self, key: str) -> list["_Reader"]:
        path = self._at(key)
        return [_Reader(v, f"{path}[{i}]") for i, v in enumerate(self._list(key, dict))]

    def texts(self, key: str) -> list[str]:
        return [v.strip() for v in self._list(key, str) if v.strip()]

    def _list(self, key: str, kind: type) -> list:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise RecordError(self._at(key), f"expected a list, found {type(value).__name__}")
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise RecordError(f"{self._at(key)}[{i}]", f"expected {kind.__name__}, found {type(item).__name__}")
        return value

    def _at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key


def parse_date(reader: _Reader, key: str) -> Optional[str]:
    struct = reader.child(key)
    value = struct.text("date")
    if value is not None and not DATE.match(value):
        raise RecordError(f"{struct.path}.date", f"not a date (yyyy, yyyy-MM or yyyy-MM-dd): {value!r}")
    return value


def age_in_years(reader: _Reader, key: str) -> Optional[float]:
    value = reader.text(key)
    if value is None or value.upper() in {"N/A", "NA", "NONE"}:
        return None
    match = AGE.match(value)
    if not match:
        raise RecordError(reader._at(key), f"not an age like '18 Years': {value!r}")
    return round(float(match.group(1)) / UNITS_PER_YEAR[match.group(2).lower()], 3)


def age_groups(min_age: Optional[float], max_age: Optional[float], std_ages: list[str]) -> list[str]:
    """The age groups (query.AGE_GROUP_YEARS) a trial's age range overlaps. A limit the record
    does not give comes from its stdAges when it lists them; otherwise there is none."""
    known = [STD_AGES[a] for a in std_ages if a in STD_AGES]  # a value added later is ignored
    low = min_age if min_age is not None else min((r[0] for r in known), default=0.0)
    # max_age is the oldest age taken; a stdAges range ends just before its first age out.
    high = max_age if max_age is not None else max((r[1] for r in known), default=math.inf) - 1e-3
    return [group for group, (first, out) in AGE_GROUP_YEARS.items() if low < out and high >= first]


def canonical_json(study: dict) -> str:
    return json.dumps(study, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def record_hash(study: dict, canonical: Optional[str] = None) -> str:
    canonical = canonical if canonical is not None else canonical_json(study)
    return hashlib.sha256(f"{PARSER_VERSION}\n{canonical}".encode("utf-8")).hexdigest()


def is_compiled(study: dict) -> bool:
    """A record compiled by hand from public pages (not the registry's, not synthetic)."""
    source = study.get("x-source")
    return isinstance(source, dict) and not source.get("synthetic")


def nct_id_of(study: Any) -> Optional[str]:
    """The NCT id if it can be read at all (for error reports), else None."""
    try:
        value = study["protocolSection"]["identificationModule"]["nctId"]
    except (KeyError, TypeError):
        return None
    return value if isinstance(value, str) else None


def parse_study(study: Any) -> ParsedTrial:
    if not isinstance(study, dict):
        raise RecordError("(record)", f"expected a study object, found {type(study).__name__}")
    if not isinstance(study.get("protocolSection"), dict):
        raise RecordError("protocolSection", "missing: every study needs one")
    nct_id = nct_id_of(study)
    try:
        return _parse(study, nct_id)
    except RecordError as error:
        error.nct_id = nct_id
        raise


def _parse(study: dict, nct_id: Optional[str]) -> ParsedTrial:
    protocol = _Reader(study["protocolSection"], "protocolSection")
    ident = protocol.child("identificationModule")
    if not nct_id or not NCT_ID.match(nct_id.strip()):
        raise RecordError(f"{ident.path}.nctId", f"missing or not like NCT01234567: {nct_id!r}")
    nct_id = nct_id.strip()
    status_module = protocol.child("statusModule")
    design = protocol.child("designModule")
    eligibility = protocol.child("eligibilityModule")
    description = protocol.child("descriptionModule")
    sponsors = protocol.child("sponsorCollaboratorsModule")
    status = (status_module.text("overallStatus") or "UNKNOWN").upper()
    sex = (eligibility.text("sex") or "").upper() or None
    if sex is not None and sex not in KNOWN_SEX:
        raise RecordError(f"{eligibility.path}.sex", f"expected ALL, FEMALE or MALE, found {sex!r}")
    enrollment = design.child("enrollmentInfo")
    title = ident.text("briefTitle") or ident.text("officialTitle") or ident.text("acronym")
    source = study.get("x-source")
    if source is not None and not isinstance(source, dict):
        raise RecordError("x-source", f"expected an object, found {type(source).__name__}")
    canonical = canonical_json(study)

    parsed = ParsedTrial(
        nct_id=nct_id,
        trial={
            "nct_id": nct_id,
            "title": title or f"Study {nct_id}",
            "official_title": ident.text("officialTitle"),
            "acronym": ident.text("acronym"),
            "status": status,
            "is_open": status in OPEN_STATUSES,
            "study_type": design.text("studyType"),
            "start_date": parse_date(status_module, "startDateStruct"),
            "primary_completion_date": parse_date(status_module, "primaryCompletionDateStruct"),
            "completion_date": parse_date(status_module, "completionDateStruct"),
            "last_update": parse_date(status_module, "lastUpdatePostDateStruct"),
            "status_as_of": _status_as_of(study),
            "enrollment": enrollment.integer("count"),
            "enrollment_type": enrollment.text("type"),
            "sponsor": sponsors.child("leadSponsor").text("name"),
            "summary": description.text("briefSummary"),
            "description": description.text("detailedDescription"),
            "criteria": eligibility.text("eligibilityCriteria"),
            "min_age_years": age_in_years(eligibility, "minimumAge"),
            "max_age_years": age_in_years(eligibility, "maximumAge"),
            "sex": sex,
            "healthy_volunteers": eligibility.boolean("healthyVolunteers"),
            "source_json": json.dumps(source, ensure_ascii=False) if source else None,
            **_design(design),
            "has_results": _has_results(study),
            "results_first_posted": parse_date(status_module, "resultsFirstPostDateStruct"),
            "why_stopped": status_module.text("whyStopped"),
            "record_hash": record_hash(study, canonical),
        },
        compiled_json=canonical if is_compiled(study) else None,
        phases=list(dict.fromkeys(p.upper() for p in design.texts("phases"))),
    )
    parsed.identifiers = _identifiers(ident, nct_id)
    parsed.collaborators = [name for item in sponsors.items("collaborators") if (name := item.text("name"))]
    t = parsed.trial
    parsed.age_groups = age_groups(
        t["min_age_years"], t["max_age_years"], [a.upper() for a in eligibility.texts("stdAges")]
    )
    conditions = protocol.child("conditionsModule")
    parsed.conditions = [(c, False) for c in conditions.texts("conditions")]
    parsed.conditions += [(k, True) for k in conditions.texts("keywords")]
    for item in protocol.child("armsInterventionsModule").items("interventions"):
        name = item.text("name")
        if name:
            parsed.interventions.append(
                {
                    "kind": item.text("type"),
                    "name": name,
                    "description": item.text("description"),
                    "other_names": list(dict.fromkeys(item.texts("otherNames"))),
                }
            )
    _parse_places(protocol.child("contactsLocationsModule"), parsed)
    parsed.trial["site_count"] = len(parsed.sites)
    parsed.arm_groups = [
        {
            "position": i,
            "label": arm.text("label"),
            "kind": (arm.text("type") or "").upper() or None,
            "description": arm.text("description"),
            "interventions": "; ".join(arm.texts("interventionNames")) or None,
        }
        for i, arm in enumerate(protocol.child("armsInterventionsModule").items("armGroups"))
    ]
    outcomes = protocol.child("outcomesModule")
    parsed.outcomes = [
        {"position": i, "kind": kind, "measure": item.text("measure"), "time_frame": item.text("timeFrame")}
        for i, (kind, item) in enumerate(
            (kind, item) for kind in ("primary", "secondary", "other") for item in outcomes.items(f"{kind}Outcomes")
        )
    ]
    return parsed


def _design(design: _Reader) -> dict[str, Optional[str]]:
    """How the trial is run, as the registry codes it (bot/trials/about.py says it in words)."""
    info = design.child("designInfo")
    masking = info.child("maskingInfo")
    upper = lambda value: value.upper() if value else None  # noqa: E731
    return {
        "allocation": upper(info.text("allocation")),
        "intervention_model": upper(info.text("interventionModel")),
        "masking": upper(masking.text("masking")),
        "masked_who": ", ".join(w.upper() for w in masking.texts("whoMasked")) or None,
        "primary_purpose": upper(info.text("primaryPurpose")),
    }


def _has_results(study: dict) -> Optional[bool]:
    if isinstance(study.get("resultsSection"), dict):
        return True
    flag = study.get("hasResults")
    return flag if isinstance(flag, bool) else None


def _status_as_of(study: dict) -> Optional[str]:
    found = status_as_of(study)
    if found is not None and not (isinstance(found, str) and DATE.match(found)):
        raise RecordError("x-source.status_as_of", f"expected a date like 2020-07-28, found {found!r}")
    return found


def _identifiers(ident: _Reader, nct_id: str) -> list[dict[str, str]]:
    """The acronym, the sponsor's study id and other registries' ids, each key once."""
    found = [("acronym", ident.text("acronym")), ("org", ident.child("orgStudyIdInfo").text("id"))]
    found += [("secondary", item.text("id")) for item in ident.items("secondaryIdInfos")]
    rows: dict[str, dict[str, str]] = {}
    for kind, value in found:
        key = name_key(value or "")
        if key and len(key) <= MAX_KEY_LENGTH and key != nct_id.lower() and key not in rows:
            rows[key] = {"kind": kind, "value": value or "", "key": key}
    return list(rows.values())


def _parse_places(module: _Reader, parsed: ParsedTrial) -> None:
    for person in module.items("centralContacts"):
        parsed.contacts.append(_contact(person, "central", None))
    for person in module.items("overallOfficials"):
        parsed.contacts.append(_contact(person, "official", None))
    for position, location in enumerate(module.items("locations")):
        geo = location.child("geoPoint")
        city, country, state = location.text("city"), location.text("country"), location.text("state")
        if not city and (town := town_in_facility(location.text("facility"))) and country in (None, town.country):
            city, country = town.name, town.country  # "UMC Utrecht" with no city given
        latitude, longitude = _coordinate(geo, "lat"), _coordinate(geo, "lon")
        if latitude is None or longitude is None:  # no geoPoint: the town's, when we know it
            latitude, longitude = _town_coordinates(city, state, country)
        parsed.sites.append(
            {
                "position": position,
                "facility": location.text("facility"),
                "city": city,
                "state": state,
                "zip": location.text("zip"),
                "country": country,
                "status": (location.text("status") or "").upper() or None,
                "latitude": latitude,
                "longitude": longitude,
                "country_key": normalize(country) if country else None,
                "city_key": normalize(city) if city else None,
            }
        )
        for person in location.items("contacts"):
            parsed.contacts.append(_contact(person, "site", position))


@lru_cache(maxsize=65536)
def _town_coordinates(
    city: Optional[str], state: Optional[str], country: Optional[str]
) -> tuple[Optional[float], Optional[float]]:
    place = geocode_site(city, state, country) if city else None
    return (place.lat, place.lon) if place else (None, None)


def _contact(person: _Reader, kind: str, site_position: Optional[int]) -> dict[str, Any]:
    return {
        "kind": kind,
        "site_position": site_position,
        "name": person.text("name"),
        "role": person.text("role"),
        "phone": person.text("phone"),
        "phone_ext": person.text("phoneExt"),
        "email": person.text("email"),
        "affiliation": person.text("affiliation"),
    }


def _coordinate(reader: _Reader, key: str) -> Optional[float]:
    value = reader.data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RecordError(f"{reader.path}.{key}", f"expected a number, found {value!r}")
    return float(value)
