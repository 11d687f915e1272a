"""bot/trials/lookup.py: trial names (acronyms, ids, sponsors, sites) found in free text, against
the real store (the shipped trials plus a few marked test records with UK sites)."""

from __future__ import annotations

from typing import Any, Optional

import pytest

from bot.trials.importer import Importer
from bot.trials.lookup import (
    Lookups,
    filter_words,
    find_lookups,
    name_key,
    name_words,
    stored_nct_meant,
    vocabulary_for,
)
from bot.trials.query import TrialQuery
from bot.trials.store import TrialStore


def study(
    nct_id: str, sites: list[str], sponsor: Optional[str] = None, acronym: Optional[str] = None
) -> dict[str, Any]:
    """A test record (NCT9999...) with sites in the United Kingdom."""
    ident: dict[str, Any] = {"nctId": nct_id, "briefTitle": f"Test record {nct_id} for look-ups"}
    if acronym:
        ident["acronym"] = acronym
    protocol: dict[str, Any] = {
        "identificationModule": ident,
        "statusModule": {"overallStatus": "RECRUITING"},
        "contactsLocationsModule": {
            "locations": [{"facility": name, "city": "London", "country": "United Kingdom"} for name in sites]
        },
    }
    if sponsor:
        protocol["sponsorCollaboratorsModule"] = {"leadSponsor": {"name": sponsor}}
    return {"protocolSection": protocol}


UK_STUDIES = [
    study("NCT99990101", ["The Christie NHS Foundation Trust", "Royal Free Hospital"]),
    study(
        "NCT99990102",
        ["Royal Marsden Hospital", "University College London Hospitals"],
        sponsor="The Christie NHS Foundation Trust",
    ),
    study("NCT99990103", ["St Thomas' Hospital", "Clinical Research Site 12"]),
]


@pytest.fixture
def uk_store(store: TrialStore) -> TrialStore:
    report = Importer(store).import_studies(UK_STUDIES, "look-up tests")
    assert report.ok and report.added == len(UK_STUDIES), report.summary()
    return store


@pytest.mark.parametrize(
    "text, expected",
    [
        ("netter 2 still recruiting uk? sites pls", Lookups(acronym="NETTER-2")),
        ("NETTER-2", Lookups(acronym="NETTER-2")),
        ("is netter2 open", Lookups(acronym="NETTER-2")),
        ("tell me about clarinet forte", Lookups(acronym="CLARINET FORTE")),
        ("CLARINET-FORTE results", Lookups(acronym="CLARINET FORTE")),
        ("the GETNE1206 study", Lookups(acronym="GETNE1206")),  # the sponsor's own study id
        ("eudract 2013-000726-66", Lookups(acronym="2013-000726-66")),
        ("the novartis one", Lookups(sponsor="Novartis")),
        (
            "anything at the christie",
            Lookups(site_name="Christie Hospital"),
        ),  # one of its names; the filter reads "christie"
        ("royal free trials", Lookups(site_name="Royal Free Hospital")),
        ("trials at st thomas hospital", Lookups(site_name="St Thomas' Hospital")),
        ("is there anything at sahlgrenska", Lookups(site_name="Sahlgrenska Hospital")),
        ("trials run by the christie", Lookups(sponsor="The Christie NHS Foundation Trust")),
        ("pfizer and the royal marsden", Lookups(sponsor="Pfizer", site_name="The Royal Marsden")),
        ("lund university hospital trials", Lookups(sponsor="Lund University Hospital")),  # the whole name
        ("what about nct 0397 2488 and NCT07273409?", Lookups(nct_ids=("NCT03972488", "NCT07273409"))),
    ],
)
def test_names_in_free_text(uk_store: TrialStore, text: str, expected: Lookups) -> None:
    assert find_lookups(text, uk_store) == expected


@pytest.mark.parametrize(
    "text",
    [
        "trials at a university hospital",  # generic words only
        "any cancer centre near me",
        "hospital",
        "trials in london",  # a place: the city filter's job, not a site's name
        "anything in lund",
        "my husband thomas has a pancreatic net",  # a first name, not St Thomas'
        "i hope there are free trials",  # everyday words
        "site 12",  # a number
        "national cancer institute",  # a name of generic words only counts in a filter, not in chat
        "",
    ],
)
def test_common_words_alone_name_nothing(uk_store: TrialStore, text: str) -> None:
    assert find_lookups(text, uk_store) == Lookups()
    assert not find_lookups(text, uk_store).found


def test_a_plain_word_acronym_needs_capitals_or_the_word_trial(uk_store: TrialStore) -> None:
    Importer(uk_store).import_studies([study("NCT99990104", [], acronym="HOPE")], "plain acronym")
    assert find_lookups("I hope so", uk_store).acronym is None
    assert find_lookups("is HOPE still open", uk_store).acronym == "HOPE"
    assert find_lookups("the hope trial", uk_store).acronym == "HOPE"
    assert find_lookups("pantodon", uk_store).acronym == "PANTODON"  # not an everyday word


def test_what_it_finds_can_go_straight_into_a_search(uk_store: TrialStore) -> None:
    found = find_lookups("netter 2 still recruiting uk? sites pls", uk_store)
    page = uk_store.search(TrialQuery(acronym=found.acronym, status="all"))
    assert [t.nct_id for t in page.trials] == ["NCT03972488"]
    found = find_lookups("anything at the christie", uk_store)
    assert [t.nct_id for t in uk_store.search(TrialQuery(site=found.site_name)).trials] == ["NCT99990101"]
    found = find_lookups("the novartis one", uk_store)
    novartis = {t.nct_id for t in uk_store.search(TrialQuery(sponsor=found.sponsor, status="all", limit=100)).trials}
    assert {"NCT06784752", "NCT00510068"} <= novartis  # "Novartis" and "Novartis Pharmaceuticals"


def test_the_vocabulary_is_built_once_and_again_after_a_change(uk_store: TrialStore) -> None:
    first = vocabulary_for(uk_store)
    assert vocabulary_for(uk_store) is first
    assert find_lookups("trials at addenbrookes", uk_store).site_name is None
    Importer(uk_store).import_studies([study("NCT99990105", ["Addenbrooke's Hospital"])], "new site")
    assert vocabulary_for(uk_store) is not first
    assert find_lookups("trials at addenbrookes", uk_store).site_name == "Addenbrooke's Hospital"


def test_keys_and_words() -> None:
    assert name_key("NETTER-2") == name_key("netter 2") == name_key("Netter2") == "netter2"
    assert name_key("CLARINET FORTE") == name_key("clarinet-forte") == "clarinetforte"
    assert name_words("The Christie NHS Foundation Trust") == ["christie", "nhs", "foundation", "trust"]
    assert name_words("King's College Hôpital") == ["kings", "college", "hopital"]
    assert filter_words("site", "Royal Free Hospital") == ["royal", "free"]
    assert filter_words("site", "Hospital Universitario 12 de Octubre") == ["octubre"]  # numbers are not indexed
    assert filter_words("site", "University Hospital") == []  # nothing to look a site up by
    assert filter_words("sponsor", "Novartis Pharmaceuticals") == ["novartis"]
    assert filter_words("sponsor", "National Cancer Institute") == ["national", "cancer", "institute"]


def test_on_each_database_engine(any_store: TrialStore) -> None:
    assert find_lookups("netter 2 still recruiting uk? sites pls", any_store) == Lookups(acronym="NETTER-2")
    assert find_lookups("trials at skane university hospital by uppsala university", any_store) == Lookups(
        sponsor="Uppsala University", site_name="Skåne University Hospital"
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("GETNE trials still recruiting?", "GETNE"),  # starts GETNE1206, GETNE1509, GETNE-T1914
        ("which getne studies are open", "getne"),
        ("are the NETTER trials done", "NETTER"),
    ],
)
def test_a_study_groups_name_that_starts_its_ids_is_a_look_up(store: TrialStore, text: str, expected: str) -> None:
    found = find_lookups(text, store)
    assert found.acronym == expected
    page = store.search(TrialQuery(acronym=found.acronym, status="all", limit=20))
    assert len(page.trials) >= 2


@pytest.mark.parametrize("text", ["getne", "is Getne good", "nett trials"])
def test_a_start_of_an_id_needs_capitals_or_the_word_trials(store: TrialStore, text: str) -> None:
    assert find_lookups(text, store).acronym is None


def test_a_sponsors_short_name_in_capitals_beside_trials(store: TrialStore) -> None:
    assert find_lookups("ITM trials?", store).sponsor == "ITM Solucin GmbH"  # "itm" alone is part of "ITM-11"
    assert find_lookups("itm trials", store).sponsor is None
    for text in ("NET trials in the UK", "PRRT trials", "NEC studies please"):  # names of things, not sponsors
        assert find_lookups(text, store).sponsor is None, text


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("NCT0491226", "NCT04919226"),  # a digit dropped
        ("NCT049192266", "NCT04919226"),  # a digit added
        ("NCT04919262", "NCT04919226"),  # two swapped
        ("NCT04919226", "NCT04919226"),
        ("NCT1234567", None),
        ("", None),
    ],
)
def test_a_mistyped_trial_number(store: TrialStore, typed: str, meant: str) -> None:
    assert stored_nct_meant(typed, store) == meant
