"""Trial search over the shipped trials: names, misspellings, lay words, filters, ranking."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bot.trials.freshness import is_recent
from bot.trials.present import nothing_found, results_heading
from bot.trials.query import OPEN_STATUSES, SearchPage, TrialQuery
from bot.trials.store import TrialStore
from tests.conftest import SHIPPED_COUNT


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
    assert ids(any_store, city="Gothenburg", status="all") == ["NCT07273409", "NCT00353496"]  # CLARINET: "Goteborg"
    assert "NCT02651987" in ids(any_store, city="Copenhagen", status="all")  # stored as København
    assert set(ids(any_store, country="UK", status="all")) == set(
        ids(any_store, country="United Kingdom", status="all")
    )


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
        page = any_store.search(TrialQuery(acronym=text, sponsor=text, site=text, status="all"))
        assert page.total == 0
    assert any_store.count() == SHIPPED_COUNT


# -- look-ups by name ---------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["NETTER-2", "netter 2", "netter2", "Netter 2", " netter-2 "])
def test_acronym_tolerates_case_spaces_and_hyphens(any_store: TrialStore, typed: str) -> None:
    assert ids(any_store, acronym=typed, status="all") == ["NCT03972488"]


@pytest.mark.parametrize("typed", ["clarinet forte", "CLARINET-FORTE", "clarinetforte"])
def test_two_word_acronym(any_store: TrialStore, typed: str) -> None:
    assert ids(any_store, acronym=typed, status="all") == ["NCT02651987"]


def test_acronym_start_finds_the_family_and_short_ones_do_not(any_store: TrialStore) -> None:
    netter = ids(any_store, acronym="NETTER", status="all")
    assert set(netter) == {"NCT01578239", "NCT03972488", "NCT04711135", "NCT06784752"}  # NETTER-1, -2, -P, -3
    assert ids(any_store, acronym="net", status="all") == []  # NET02, NET-PRO: too short to be a start
    assert ids(any_store, acronym="net02", status="all") == ["NCT03837977"]
    assert ids(any_store, acronym="--", status="all") == []


def test_other_ids_of_the_record(any_store: TrialStore) -> None:
    assert ids(any_store, acronym="getne1206", status="all") == ["NCT02246127"]  # orgStudyIdInfo
    assert ids(any_store, acronym="2013-000726-66", status="all") == ["NCT02246127"]  # EudraCT
    assert ids(any_store, acronym="MK-6482-015", status="all") == ["NCT04924075"]  # secondaryIdInfos
    assert set(ids(any_store, acronym="GETNE", status="all")) == {"NCT02246127", "NCT02678780", "NCT04400474"}


def test_sponsor_or_collaborator(any_store: TrialStore) -> None:
    novartis = ids(any_store, sponsor="novartis", status="all")
    assert {"NCT06784752", "NCT00510068", "NCT02955069"} <= set(novartis)  # Novartis, Novartis Pharmaceuticals
    assert "NCT07273409" not in novartis
    pfizer = ids(any_store, sponsor="Pfizer", status="all")
    assert set(pfizer) == {"NCT00428597", "NCT01744249", "NCT01731925", "NCT02264665"}  # lead sponsor, or collaborator
    assert ids(any_store, sponsor="Kantar Health", status="all") == ["NCT02246127"]
    assert ids(any_store, sponsor="Novartis Pharmaceuticals", status="all") == novartis  # generic words dropped
    nci = ids(any_store, sponsor="National Cancer Institute", status="all")  # generic words only: all count
    assert len(nci) == 7 and ids(any_store, sponsor="NCI", status="all") == nci


def test_site_words_must_be_in_one_site(any_store: TrialStore) -> None:
    assert ids(any_store, site="Sahlgrenska", status="all") == ["NCT07273409", "NCT00353496"]
    assert ids(any_store, site="skåne university hospital", status="all") == ["NCT07273409"]
    assert set(ids(any_store, site="Erasme", status="all")) == {"NCT02651987", "NCT01731925"}
    leuven = ids(any_store, site="UZ Leuven", status="all")
    assert "NCT02651987" in leuven and len(leuven) == 5  # CLARINET FORTE, NETTER-1 and three more
    assert ids(any_store, site="Erasme Leuven", status="all") == []  # two sites of that trial, not one
    assert ids(any_store, site="Lund", status="all") == []  # a city, not in a site's name
    assert ids(any_store, site="the", status="all") == []


def test_age_groups(any_store: TrialStore) -> None:
    teens = ids(any_store, age_group="teen", status="all")
    assert "NCT06784752" in teens  # NETTER-3: from 12 years
    assert "NCT07273409" not in teens  # adults only
    assert set(teens) == set(ids(any_store, age_group="child", status="all"))
    assert "NCT03883776" in ids(any_store, age_group="older_adult", status="all")  # 18 to 75
    assert len(ids(any_store, age_group="adult", status="all")) == SHIPPED_COUNT  # none is for children only


def test_several_look_ups_at_once(any_store: TrialStore) -> None:
    assert ids(any_store, acronym="NETTER", sponsor="Novartis", status="all") == ["NCT06784752"]
    assert ids(any_store, site="Sahlgrenska", sponsor="Uppsala", country="Sweden", age_group="adult") == ["NCT07273409"]
    assert ids(any_store, site="Sahlgrenska", sponsor="Pfizer", status="all") == []
    assert ids(any_store, acronym="netter 2", status="open") == []  # NETTER-2 is not recruiting


# -- names we do not know ----------------------------------------------------------------------
@pytest.mark.parametrize("status", ["open", "all"])
def test_an_unknown_name_that_matches_nothing_lists_nothing(any_store: TrialStore, status: str) -> None:
    for treatment in ("zolbetuximab", "zolbetuximab therapy", "it"):
        page = any_store.search(TrialQuery(treatment=treatment, status=status))  # type: ignore[arg-type]
        assert (page.trials, page.total) == ([], 0), treatment
        assert page.unknown_terms == (treatment,) and page.suggestions == ()
    page = any_store.search(TrialQuery(condition="zollinger", text="quality of life", status="all"))
    assert page.total == 0 and page.unknown_terms == ("zollinger",)


def test_an_unknown_name_found_in_the_records_words_with_suggestions(any_store: TrialStore) -> None:
    page = any_store.search(TrialQuery(treatment="evero", status="all", limit=50))
    assert page.unknown_terms == ("evero",) and page.suggestions == ("everolimus",)
    assert "NCT00510068" in [t.nct_id for t in page.trials]


# -- what the heading says --------------------------------------------------------------------
def insulinoma_ids(any_store: TrialStore) -> set[str]:
    from sqlalchemy import select

    from bot.trials.models import TrialTag

    with any_store.engine.connect() as conn:
        return set(conn.execute(select(TrialTag.nct_id).where(TrialTag.tag == "condition:insulinoma")).scalars())


def test_trials_of_a_broader_condition_are_marked_as_such(any_store: TrialStore) -> None:
    specific = insulinoma_ids(any_store)
    assert specific
    page = any_store.search(TrialQuery(condition="insulinoma", status="all", limit=200))
    listed = [t.nct_id for t in page.trials]
    assert page.specific_total == len(specific)
    assert set(page.broader_ids) == set(listed) - specific
    assert page.broader_name == "neuroendocrine tumour"
    for kind in {(t.is_open, is_recent(t.status_as_of)) for t in page.trials}:
        # within open trials confirmed recently, older open ones and closed ones, insulinoma first
        group = [i for i, t in zip(listed, page.trials) if (t.is_open, is_recent(t.status_as_of)) == kind]
        flags = [i in specific for i in group]
        assert flags == sorted(flags, reverse=True)
    plain = any_store.search(TrialQuery(treatment="lanreotide", status="all"))
    assert (plain.specific_total, plain.broader_ids, plain.broader_name) == (None, (), None)


def test_heading_never_names_a_condition_no_listed_trial_is_about(any_store: TrialStore) -> None:
    query = TrialQuery(condition="insulinoma")  # no open trial is only for insulinoma
    page = any_store.search(query)
    assert page.specific_total == 0 and set(page.broader_ids) == {t.nct_id for t in page.trials}
    heading = results_heading(page, query)
    assert heading.startswith(f"I found {page.total} of our open trials. None is only for insulinoma; ")
    assert "take neuroendocrine tumours in general" in heading
    query = TrialQuery(condition="gastrinoma", country="Sweden")
    page = any_store.search(query)
    assert results_heading(page, query) == (
        "I found 2 of our open trials in Sweden. None is only for gastrinoma; these 2 take neuroendocrine tumours "
        "in general. Here are 1 to 2."
    )


def test_heading_counts_the_trials_about_the_condition_itself(any_store: TrialStore) -> None:
    query = TrialQuery(condition="insulinoma", status="closed", limit=20)
    page = any_store.search(query)
    specific = len(page.trials) - len(page.broader_ids)
    assert specific == 5
    assert results_heading(page, query) == (
        f"I found {page.total} of our closed trials for insulinoma. Here are 1 to 20: 5 are for insulinoma "
        f"itself, {len(page.broader_ids)} for neuroendocrine tumours in general."
    )
    query = TrialQuery(condition="insulinoma", status="all", limit=5)  # open broader ones come first
    page = any_store.search(query)
    assert results_heading(page, query) == (
        f"I found {page.total} of our trials. 5 are for insulinoma itself. Here are 1 to 5: "
        "these take neuroendocrine tumours in general."
    )


def test_unknown_names_are_said_kindly(any_store: TrialStore) -> None:
    query = TrialQuery(treatment="zolbetuximab")
    text = nothing_found(query, any_store.search(query))
    assert text.startswith("I don't know the name 'zolbetuximab'. It may be new, or a name I have not learned yet.")
    assert not re.search(r"not (a real|exist)|no such|doesn.t exist", text, re.I)
    query = TrialQuery(treatment="evero", country="Iceland")
    assert nothing_found(query, any_store.search(query)).startswith(
        "I don't know the name 'evero'. Did you mean everolimus?"
    )
    assert nothing_found(query).startswith("I'm sorry, I could not find any open trials for evero, in Iceland.")


def test_headings_name_the_look_ups() -> None:
    page = SearchPage(trials=[], total=3, offset=0)
    query = TrialQuery(acronym="NETTER", sponsor="Novartis", site="Christie", age_group="teen", status="all")
    assert results_heading(page, query).startswith(
        "I found 3 of our trials for NETTER, with Novartis, at Christie, that take teenagers."
    )


def test_a_phase_asked_for_is_kept_before_the_open_default(store: TrialStore) -> None:
    from bot.trials.query import TrialQuery
    from bot.trials.relax import relaxed_heading, search_relaxed

    asked = TrialQuery(treatment="surufatinib", phase=3, status="open")
    relaxed = search_relaxed(store.search, asked)
    assert relaxed.dropped == ("counting closed trials too",)
    assert {t.nct_id for t in relaxed.page.trials} == {"NCT02589821", "NCT02588170"}
    several = relaxed_heading(
        asked, replace(relaxed, dropped=("looking further away", "leaving out the place", "counting closed trials too"))
    )
    assert (
        several is not None and "So I looked further away, left out the place and counted closed trials too." in several
    )


def test_a_country_with_no_trials_gets_the_nearest_ones_abroad_first(store: TrialStore) -> None:
    from bot.trials.query import TrialQuery
    from bot.trials.relax import relaxed_heading, search_relaxed

    asked = TrialQuery(country="Norway", status="open")
    relaxed = search_relaxed(store.search, asked)
    assert relaxed.dropped == ("looking in the nearest countries",)
    assert relaxed.query.near is not None and relaxed.query.near.within_km is None
    first_countries = {site.country for t in relaxed.page.trials[:2] for site in (store.get(t.nct_id).sites or ())}
    assert first_countries & {"Sweden", "Denmark", "Germany", "Finland"}  # not the other side of the world
    heading = relaxed_heading(asked, relaxed)
    assert heading is not None and "Looking in the nearest countries" in heading and "Norway" in heading
