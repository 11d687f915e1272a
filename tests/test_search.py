"""Trial search over the shipped trials: names, misspellings, lay words, filters, ranking."""
from __future__ import annotations

import pytest

from bot.trials.query import OPEN_STATUSES, TrialQuery
from bot.trials.store import TrialStore


def ids(any_store: TrialStore, **query: object) -> list[str]:
    page = any_store.search(TrialQuery(limit=200, **query))  # type: ignore[arg-type]
    assert page.total == len(page.trials)
    return [t.nct_id for t in page.trials]


@pytest.mark.parametrize("status", ["open", "all"])
def test_names_of_lutetium_prrt_find_the_same_trials(any_store: TrialStore, status: str) -> None:
    results = {
        name: sorted(ids(any_store, treatment=name, status=status))
        for name in ["Lutathera", "lutetium", "Lu-177 dotatate", "the radioactive drip", "PRRT"]
    }
    first = results["Lutathera"]
    assert first, "no PRRT trials found"
    assert all(found == first for found in results.values()), results


def test_prrt_trials_are_prrt_and_scans_are_not(any_store: TrialStore) -> None:
    found = ids(any_store, treatment="PRRT", status="all")
    assert {"NCT03972488", "NCT06784752", "NCT04919226", "NCT03049189"} <= set(found)
    assert "NCT01967537" not in found  # a 68Ga-DOTATATE scan study, not a treatment


def test_misspelling_finds_everolimus(any_store: TrialStore) -> None:
    assert set(ids(any_store, treatment="evrolimus", status="all")) == set(
        ids(any_store, treatment="everolimus", status="all")
    )
    assert "NCT00510068" in ids(any_store, treatment="evrolimus", status="all")


def test_brand_names(any_store: TrialStore) -> None:
    lanreotide = set(ids(any_store, treatment="lanreotide", status="all"))
    assert lanreotide and set(ids(any_store, treatment="Somatuline", status="all")) == lanreotide
    assert "NCT00326469" in lanreotide
    assert "NCT02628067" in ids(any_store, treatment="Keytruda", status="all")


def test_unknown_treatment_falls_back_to_the_records_own_words(any_store: TrialStore) -> None:
    page = any_store.search(TrialQuery(treatment="spartalizumab", status="all"))
    assert "NCT02955069" in [t.nct_id for t in page.trials]


def test_conditions(any_store: TrialStore) -> None:
    assert "NCT01824875" in ids(any_store, condition="pancreatic NET", status="all")
    insulinoma = ids(any_store, condition="insulinoma", status="all")
    assert insulinoma and "NCT01824875" in insulinoma
    nec = ids(any_store, condition="NEC", status="all")
    assert "NCT03837977" in nec


def test_default_is_open_trials_and_closed_on_request(any_store: TrialStore) -> None:
    page = any_store.search(TrialQuery(limit=200))
    assert page.trials and all(t.status in OPEN_STATUSES for t in page.trials)
    closed = any_store.search(TrialQuery(status="closed", limit=200))
    assert closed.trials and all(t.status not in OPEN_STATUSES for t in closed.trials)
    assert page.total + closed.total == any_store.count()


def test_country_and_city(any_store: TrialStore) -> None:
    sweden = ids(any_store, country="Sweden", status="all")
    assert "NCT07273409" in sweden
    assert ids(any_store, city="Gothenburg", status="all") == ["NCT07273409"]
    assert "NCT02651987" in ids(any_store, city="Copenhagen", status="all")  # stored as København
    assert set(ids(any_store, country="UK", status="all")) == set(ids(any_store, country="United Kingdom", status="all"))


def test_phase_age_and_sex(any_store: TrialStore) -> None:
    phase3 = any_store.search(TrialQuery(phase=3, status="all", limit=200))
    assert phase3.trials and all("PHASE3" in t.phases for t in phase3.trials)
    adolescents = ids(any_store, age=14, status="all")
    assert "NCT04711135" in adolescents  # the Lutathera study in adolescents
    assert "NCT07273409" not in adolescents  # adults only
    assert ids(any_store, sex="female", status="all")


def test_free_text_uses_the_index_and_ranks_open_first(any_store: TrialStore) -> None:
    page = any_store.search(TrialQuery(text="quality of life", status="all", limit=50))
    assert page.total > 0
    flags = [t.is_open for t in page.trials]
    assert flags == sorted(flags, reverse=True), "open trials must come first"


def test_newest_first_among_equals(any_store: TrialStore) -> None:
    page = any_store.search(TrialQuery(status="closed", limit=200))
    dates = [t.last_updated or "" for t in page.trials]
    assert dates == sorted(dates, reverse=True)


def test_more_specific_condition_ranks_first(any_store: TrialStore) -> None:
    page = any_store.search(TrialQuery(condition="insulinoma", status="all", limit=200))
    tagged = any_store.search(TrialQuery(condition="insulinoma", status="all", limit=200))
    assert page.trials == tagged.trials


def test_paging(any_store: TrialStore) -> None:
    everything = ids(any_store, status="all")
    first = any_store.search(TrialQuery(status="all", limit=5))
    second = any_store.search(TrialQuery(status="all", limit=5, offset=5))
    assert [t.nct_id for t in first.trials + second.trials] == everything[:10]
    assert first.has_more and first.total == len(everything)


def test_hostile_text_is_just_text(any_store: TrialStore) -> None:
    for text in ['"; DROP TABLE trials; --', "NEAR(a b) OR *", "<script>alert(1)</script>", "x" * 5000, "🙂"]:
        any_store.search(TrialQuery(text=text, status="all"))
        any_store.search(TrialQuery(treatment=text, country=text, status="all"))
    assert any_store.count() == 60
