"""The CT.gov API v2 parser: every shared record, missing modules, partial dates, bad fields."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from bot.config import SHIPPED_TRIALS_DIR
from bot.trials import parse as parse_module
from bot.trials.parse import RecordError, age_groups, parse_study
from tests.conftest import SAMPLES_DIR

ALL_FILES = sorted(SHIPPED_TRIALS_DIR.glob("*.json")) + sorted(SAMPLES_DIR.glob("*.json"))


def load(name: str) -> dict:
    for path in ALL_FILES:
        if path.stem == name:
            return json.loads(path.read_text())
    raise KeyError(name)


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.stem)
def test_every_shared_record_parses(path: Path) -> None:
    study = json.loads(path.read_text())
    parsed = parse_study(study)
    assert parsed.nct_id == path.stem
    assert parsed.trial["title"]
    assert len(parsed.trial["record_hash"]) == 64


def test_fields_are_read_from_their_paths() -> None:
    parsed = parse_study(load("NCT07273409"))
    t = parsed.trial
    assert (t["status"], t["is_open"], t["acronym"]) == ("RECRUITING", True, "PANTODON")
    assert (t["min_age_years"], t["max_age_years"], t["sex"]) == (18.0, None, "ALL")
    assert t["sponsor"] == "Uppsala University"
    assert t["enrollment"] == 200 and t["last_update"] == "2026-01-22"
    assert parsed.phases == ["NA"]
    assert [s["city"] for s in parsed.sites] == ["Gothenburg", "Lund"]
    assert parsed.sites[1]["status"] == "NOT_YET_RECRUITING"
    assert parsed.interventions[0]["name"] == "Debulking surgery"
    assert json.loads(t["source_json"])["urls"][0].startswith("https://")


def test_other_names_and_registry_samples_with_results() -> None:
    everolimus = parse_study(load("NCT00510068"))
    assert any("RAD001" in i["name"] or "RAD001" in i["other_names"] for i in everolimus.interventions)
    full = parse_study(load("NCT00763412"))  # has resultsSection and derivedSection
    assert full.nct_id == "NCT00763412"


def test_missing_modules_are_allowed() -> None:
    study = {"protocolSection": {"identificationModule": {"nctId": "NCT01234567"}}}
    parsed = parse_study(study)
    assert parsed.trial["status"] == "UNKNOWN" and not parsed.trial["is_open"]
    assert parsed.trial["title"] == "Study NCT01234567"
    assert parsed.sites == [] and parsed.phases == [] and parsed.trial["min_age_years"] is None


@pytest.mark.parametrize("date", ["2024", "2024-03", "2024-03-09"])
def test_partial_dates_are_kept_as_given(date: str) -> None:
    study = copy.deepcopy(load("NCT07273409"))
    study["protocolSection"]["statusModule"]["startDateStruct"] = {"date": date, "type": "ACTUAL"}
    assert parse_study(study).trial["start_date"] == date


@pytest.mark.parametrize("age, years", [("18 Years", 18.0), ("6 Months", 0.5), ("N/A", None), ("2 Weeks", 0.038)])
def test_ages_become_years(age: str, years: float) -> None:
    study = copy.deepcopy(load("NCT07273409"))
    study["protocolSection"]["eligibilityModule"]["minimumAge"] = age
    assert parse_study(study).trial["min_age_years"] == years


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda s: s["protocolSection"]["identificationModule"].update(nctId="NCT123"), "identificationModule.nctId"),
        (
            lambda s: s["protocolSection"]["statusModule"]["startDateStruct"].update(date="9 Jan 2026"),
            "startDateStruct.date",
        ),
        (lambda s: s["protocolSection"]["eligibilityModule"].update(minimumAge="eighteen"), "minimumAge"),
        (lambda s: s["protocolSection"]["designModule"].update(phases="PHASE2"), "designModule.phases"),
        (lambda s: s["protocolSection"]["designModule"]["enrollmentInfo"].update(count="lots"), "enrollmentInfo.count"),
        (lambda s: s["protocolSection"].update(contactsLocationsModule=[]), "contactsLocationsModule"),
        (lambda s: s.pop("protocolSection"), "protocolSection"),
        (lambda s: s["protocolSection"]["eligibilityModule"].update(stdAges="ADULT"), "eligibilityModule.stdAges"),
        (
            lambda s: s["protocolSection"]["identificationModule"].update(secondaryIdInfos={"id": "x"}),
            "identificationModule.secondaryIdInfos",
        ),
        (
            lambda s: s["protocolSection"].update(sponsorCollaboratorsModule={"collaborators": [{"name": 5.5}, 7]}),
            "sponsorCollaboratorsModule.collaborators[1]",
        ),
    ],
)
def test_malformed_fields_are_rejected_with_their_path(change, field: str) -> None:  # type: ignore[no-untyped-def]
    study = copy.deepcopy(load("NCT07273409"))
    change(study)
    with pytest.raises(RecordError) as caught:
        parse_study(study)
    assert field in caught.value.field
    assert caught.value.reason


def test_not_a_study_at_all() -> None:
    with pytest.raises(RecordError):
        parse_study(["not", "a", "study"])


def test_acronym_and_other_ids_are_keyed() -> None:
    parsed = parse_study(load("NCT02246127"))  # SEQTOR: acronym, the sponsor's id, a EudraCT number
    assert parsed.identifiers == [
        {"kind": "acronym", "value": "SEQTOR", "key": "seqtor"},
        {"kind": "org", "value": "GETNE1206", "key": "getne1206"},
        {"kind": "secondary", "value": "2013-000726-66", "key": "201300072666"},
    ]
    assert parsed.collaborators == [
        "European Neuroendocrine Tumor Society",
        "Kantar Health",
        "Novartis Pharmaceuticals",
    ]
    netter = parse_study(load("NCT03972488"))
    assert netter.identifiers == [  # the sponsor's id and the EudraCT number came with trials-extra
        {"kind": "acronym", "value": "NETTER-2", "key": "netter2"},
        {"kind": "org", "value": "CAAA601A22301", "key": "caaa601a22301"},
        {"kind": "secondary", "value": "2019-001562-15", "key": "201900156215"},
    ]


def test_an_id_repeating_the_nct_id_or_another_id_is_kept_once() -> None:
    study = copy.deepcopy(load("NCT07273409"))
    study["protocolSection"]["identificationModule"]["secondaryIdInfos"] = [
        {"id": "NCT07273409"},
        {"id": "pantodon"},
        {"id": "EU-CT 2025-1"},
    ]
    keys = [i["key"] for i in parse_study(study).identifiers]
    assert keys == ["pantodon", "euct20251"]


@pytest.mark.parametrize(
    "low, high, std, groups",
    [
        (18.0, None, [], ["adult", "older_adult"]),
        (12.0, 100.0, [], ["child", "teen", "adult", "older_adult"]),
        (None, None, [], ["child", "teen", "adult", "older_adult"]),  # no limits: every group
        (0.5, 12.0, [], ["child"]),  # children, not teenagers
        (13.0, 17.0, [], ["child", "teen"]),
        (18.0, 64.0, [], ["adult"]),
        (18.0, 65.0, [], ["adult", "older_adult"]),
        (65.0, None, [], ["older_adult"]),
        (None, None, ["ADULT"], ["adult"]),  # the record's stdAges where it gives no limits
        (None, None, ["CHILD"], ["child", "teen"]),
        (None, None, ["ADULT", "OLDER_ADULT"], ["adult", "older_adult"]),
        (None, 30.0, ["ADULT"], ["adult"]),
        (16.0, None, ["CHILD", "ADULT"], ["child", "teen", "adult"]),
        (None, None, ["SOMETHING_NEW"], ["child", "teen", "adult", "older_adult"]),
    ],
)
def test_age_groups(low, high, std, groups) -> None:  # type: ignore[no-untyped-def]
    assert age_groups(low, high, std) == groups


def test_age_groups_are_read_from_the_record() -> None:
    study = copy.deepcopy(load("NCT07273409"))
    eligibility = study["protocolSection"]["eligibilityModule"]
    eligibility.pop("minimumAge", None)
    eligibility["stdAges"] = ["child"]
    assert parse_study(study).age_groups == ["child", "teen"]


def test_the_parser_version_is_part_of_the_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    study = load("NCT07273409")
    before = parse_study(study).trial["record_hash"]
    monkeypatch.setattr(parse_module, "PARSER_VERSION", "next")
    assert parse_study(study).trial["record_hash"] != before


def test_a_site_with_only_a_facility_is_placed_at_the_town_it_names() -> None:
    from bot.geo.sites import town_in_facility

    utrecht = town_in_facility("UMC Utrecht")
    assert utrecht is not None and (utrecht.name, utrecht.country) == ("Utrecht", "Netherlands")
    assert town_in_facility("Royal Marsden") is None  # a small town's name in a hospital's is not its place
    assert town_in_facility("Karolinska University Hospital") is None
    assert town_in_facility(None) is None
