"""bot/profile/fit.py and its helpers, against the shipped trial records: limits a record states
outside its criteria (source notes, title), what a trial tests, trials that list no places,
fits further away, names said in passing in a story, and mistyped trial numbers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.lexicon import default_lexicon
from bot.profile import tested
from bot.profile.fit import FitResult, find_fitting, with_lookups
from bot.profile.model import Lookup, Place, Profile, TreatmentHad, Wants
from bot.profile.noted_limits import age_range, excluded_past_treatments, ki67_range, noted_clash, noted_matches
from bot.profile.site_limits import primary_removed_clash, site_clash, titled_sites
from bot.trials.home import sponsor_home
from bot.trials.nct import find_nct_candidate
from bot.trials.query import TrialDetail
from bot.trials.store import TrialStore

NETTER_3 = "NCT06784752"  # notes only: newly diagnosed, G1/G2 with Ki-67 <10%
COMPOSE = "NCT04919226"  # notes only: Ki-67 15-55, no prior PRRT; "X Versus Best Standard of Care"
LUND_PRRT = "NCT05387603"  # no places; sponsor Lund University Hospital
SMALL_INTESTINE_SURGERY = "NCT06787014"  # "Resection of the Primary Tumor ... Small Intestinal NETs"
NON_PANCREATIC = "NCT04197310"  # criteria: "of non-pancreatic (ie, carcinoid) origin"
NETTER_P = "NCT04711135"  # "... in Adolescent Patients ...", no age limits in the record
CLARINET_FORTE = "NCT02651987"  # "Pancreatic or Midgut Neuroendocrine Tumours"

PANCREAS_G2_LIVER = Profile(age=64, site="pancreas", tumour_type="NET", grades=(2,), spread=True, spread_to=("liver",))


def trial(store: TrialStore, nct_id: str) -> TrialDetail:
    found = store.get(nct_id)
    assert found is not None, nct_id
    return found


def shown_ids(result: FitResult, top: int = 5) -> list[str]:
    return [f.trial.nct_id for f in result.fits[:top]]


def set_aside_ids(result: FitResult) -> list[str]:
    return [f.trial.nct_id for f in result.set_aside]


# -- limits only the source notes give ------------------------------------------------------
def test_the_notes_ranges_are_read() -> None:
    assert ki67_range("Key inclusion seen: newly diagnosed G1/G2 (Ki-67 <10%) GEP-NET; age >=12") is not None
    assert ki67_range("... Ki-67 range 15-55 (G2 Ki-67 15-20, G3 Ki-67 >20 to 55) per site pages").overlaps(30, 30)
    assert not ki67_range("eligible if Ki-67 >=3% and <=55%").overlaps(60, 60)
    assert age_range("Ages 18-75 per the registry page").overlaps(75, 75)
    assert not age_range("inclusion items seen: age >=18; consent").overlaps(16, 16)
    assert ki67_range("no numbers here") is None


def test_a_past_treatment_counts_only_when_an_exclusion_item_names_it() -> None:
    lexicon = default_lexicon()
    assert excluded_past_treatments(
        "Exclusion (partial): allergy to the drug; prior PRRT; surgery within 4 weeks", lexicon
    ) == {"prrt"}
    assert excluded_past_treatments("Inclusion seen: prior PRRT allowed if finished a year ago", lexicon) == set()


def test_a_ki67_outside_the_notes_range_sets_the_trial_aside(store: TrialStore) -> None:
    lexicon = default_lexicon()
    high = replace(PANCREAS_G2_LIVER, ki67=14.0)
    assert "Ki-67" in (noted_clash(trial(store, NETTER_3), high, lexicon) or "")
    assert noted_clash(trial(store, NETTER_3), replace(PANCREAS_G2_LIVER, ki67=5.0), lexicon) is None
    assert "Ki-67" in (noted_clash(trial(store, COMPOSE), replace(PANCREAS_G2_LIVER, ki67=6.0), lexicon) or "")
    assert noted_clash(trial(store, COMPOSE), replace(PANCREAS_G2_LIVER, grades=(3,)), lexicon) is None


def test_a_grade_alone_clashes_only_when_no_ki67_of_that_grade_is_in_range(store: TrialStore) -> None:
    lexicon = default_lexicon()
    assert noted_clash(trial(store, COMPOSE), replace(PANCREAS_G2_LIVER, grades=(1,)), lexicon) is not None
    assert noted_clash(trial(store, COMPOSE), replace(PANCREAS_G2_LIVER, grades=(1, 2)), lexicon) is None


def test_newly_diagnosed_trials_do_not_fit_after_a_course_of_treatment(store: TrialStore) -> None:
    lexicon = default_lexicon()
    treated = replace(PANCREAS_G2_LIVER, ki67=5.0, treatments=(TreatmentHad("lanreotide", "stopped working"),))
    assert "newly diagnosed" in (noted_clash(trial(store, NETTER_3), treated, lexicon) or "")
    still_on_it = replace(treated, treatments=(TreatmentHad("lanreotide", "ongoing"),))
    assert noted_clash(trial(store, NETTER_3), still_on_it, lexicon) is None
    operated = replace(treated, treatments=(TreatmentHad("surgery"),))
    assert noted_clash(trial(store, NETTER_3), operated, lexicon) is None


def test_newly_diagnosed_trials_do_not_fit_a_net_found_years_ago(store: TrialStore) -> None:
    lexicon = default_lexicon()
    on_it_for_years = replace(PANCREAS_G2_LIVER, ki67=5.0, treatments=(TreatmentHad("lanreotide", "ongoing"),))
    long_ago = replace(on_it_for_years, known_since="2021-12")
    assert "found longer ago" in (noted_clash(trial(store, NETTER_3), long_ago, lexicon) or "")
    this_month = date.today().strftime("%Y-%m")  # the notes' window is 6 months: not yet past it
    assert noted_clash(trial(store, NETTER_3), replace(on_it_for_years, known_since=this_month), lexicon) is None
    assert noted_clash(trial(store, NETTER_3), on_it_for_years, lexicon) is None  # when is not said


def test_prior_prrt_in_the_notes_exclusions(store: TrialStore) -> None:
    had_prrt = replace(PANCREAS_G2_LIVER, grades=(3,), treatments=(TreatmentHad("prrt", "stopped working"),))
    assert "PRRT" in (noted_clash(trial(store, COMPOSE), had_prrt, default_lexicon()) or "")


def test_the_notes_age_limit_against_an_age_or_an_age_group(store: TrialStore) -> None:
    lexicon = default_lexicon()
    assert noted_clash(trial(store, LUND_PRRT), Profile(age=15, site="pancreas"), lexicon) is not None
    assert noted_clash(trial(store, LUND_PRRT), Profile(age=45, site="pancreas"), lexicon) is None
    assert noted_clash(trial(store, LUND_PRRT), Profile(wants=Wants(age_group="teen")), lexicon) is not None


def test_a_range_met_counts_as_a_point_for_the_trial(store: TrialStore) -> None:
    assert noted_matches(trial(store, COMPOSE), replace(PANCREAS_G2_LIVER, ki67=18.0, age=50)) == 2
    assert noted_matches(trial(store, COMPOSE), replace(PANCREAS_G2_LIVER, ki67=5.0, age=None)) == 0


# -- where the NETs start, from the title or outright words -------------------------------------
def test_sites_a_title_names() -> None:
    assert titled_sites("Lanreotide in Pancreatic or Midgut Neuroendocrine Tumours") >= {"pancreas", "small bowel"}
    assert titled_sites("Surgery for Small Intestinal Neuroendocrine Tumors") == {"small bowel", "bowel"}
    assert "lung" not in titled_sites("Lutetium in Advanced GEP-NETs")
    assert titled_sites("Cabozantinib in Pancreatic Neuroendocrine and Carcinoid Tumors") == set()
    assert titled_sites("Metastatic NEC With Pulmonary or Gastroenteropancreatic Origin") == set()


def test_a_trial_for_nets_of_another_site_is_set_aside(store: TrialStore) -> None:
    pancreas, bowel = Profile(site="pancreas"), Profile(site="small bowel")
    assert site_clash(trial(store, SMALL_INTESTINE_SURGERY), pancreas) is not None
    assert site_clash(trial(store, SMALL_INTESTINE_SURGERY), bowel) is None
    assert "outside the pancreas" in (site_clash(trial(store, NON_PANCREATIC), pancreas) or "")
    assert site_clash(trial(store, NON_PANCREATIC), bowel) is None
    assert site_clash(trial(store, CLARINET_FORTE), pancreas) is None
    assert site_clash(trial(store, CLARINET_FORTE), Profile(site="lung")) is not None
    assert site_clash(trial(store, CLARINET_FORTE), Profile(site="unknown")) is None


def test_a_trial_of_removing_the_first_tumour_after_an_operation(store: TrialStore) -> None:
    operated = Profile(site="small bowel", treatments=(TreatmentHad("surgery"),))
    assert primary_removed_clash(trial(store, SMALL_INTESTINE_SURGERY), operated) is not None
    assert primary_removed_clash(trial(store, SMALL_INTESTINE_SURGERY), Profile(site="small bowel")) is None


# -- what a trial tests ----------------------------------------------------------------------
def test_a_comparators_treatments_are_not_what_the_trial_tests(store: TrialStore) -> None:
    kinds = tested.tested_ids(trial(store, COMPOSE), default_lexicon())
    assert "prrt" in kinds
    assert not {"everolimus", "capecitabine_temozolomide", "chemotherapy"} & kinds


def test_not_wanting_chemo_does_not_set_aside_a_trial_with_chemo_only_as_comparator(store: TrialStore) -> None:
    profile = replace(PANCREAS_G2_LIVER, grades=(3,), ki67=35.0, wants=Wants(avoid=("chemotherapy",)))
    result = find_fitting(store, profile)
    assert COMPOSE not in set_aside_ids(result)
    assert COMPOSE in [f.trial.nct_id for f in result.fits]


# -- places ----------------------------------------------------------------------------------
def test_a_record_without_places_is_placed_at_its_sponsors_town_for_ranking(store: TrialStore) -> None:
    home = sponsor_home(trial(store, LUND_PRRT))
    assert home is not None and home.city == "Lund" and home.country == "Sweden"
    assert sponsor_home(trial(store, COMPOSE)) is None  # "ITM Solucin GmbH" names no place
    assert sponsor_home(trial(store, CLARINET_FORTE)) is None  # lists its places


def test_a_trial_listing_no_places_is_found_near_its_sponsors_town(store: TrialStore) -> None:
    profile = replace(
        PANCREAS_G2_LIVER,
        ki67=8.0,
        treatments=(TreatmentHad("lanreotide", "stopped working"),),
        place=Place(city="Malmö", country="SE"),
    )
    assert LUND_PRRT in shown_ids(find_fitting(store, profile))


def test_few_fits_nearby_are_followed_by_the_nearest_further_away(store: TrialStore) -> None:
    profile = replace(PANCREAS_G2_LIVER, grades=(1,), place=Place(city="Uppsala", country="SE"))
    result = find_fitting(store, profile)
    assert len(result.fits) >= 5
    assert result.nearby_fits is not None and 0 < result.nearby_fits < len(result.fits)
    assert "NCT07273409" in [f.trial.nct_id for f in result.fits]  # PANTODON, further south in Sweden


# -- names said in passing in a story ----------------------------------------------------------
def test_a_hospital_named_in_a_story_ranks_its_trials_without_hiding_the_others(store: TrialStore) -> None:
    profile = replace(PANCREAS_G2_LIVER, grades=(1,), lookup=Lookup(site_name="Uppsala University Hospital"))
    result = find_fitting(store, profile)
    assert result.fits[0].trial.nct_id == "NCT02749331"  # RADNET, run at Uppsala University Hospital
    assert len(result.fits) >= 5


def test_a_trial_named_in_a_story_leads_and_the_fits_follow(store: TrialStore) -> None:
    profile = replace(PANCREAS_G2_LIVER, grades=(3,), lookup=Lookup(acronym="COMPOSE"))
    result = find_fitting(store, profile)
    assert result.fits[0].trial.nct_id == COMPOSE
    assert len(result.fits) > 1


def test_a_staff_look_up_by_acronym_still_filters(store: TrialStore) -> None:
    result = find_fitting(store, Profile(lookup=Lookup(acronym="NETTER")))
    assert result.fits and all((f.trial.acronym or "").upper().startswith("NETTER") for f in result.fits)


# -- young people ----------------------------------------------------------------------------
def test_a_trial_for_teenagers_is_set_aside_for_a_young_child(store: TrialStore) -> None:
    child = Profile(about="child", age=7, site="pancreas", wants=Wants(age_group="child"))
    assert NETTER_P in set_aside_ids(find_fitting(store, child))
    teen = replace(child, age=15, wants=Wants(age_group="teen"))
    assert NETTER_P in shown_ids(find_fitting(store, teen))


# -- trial numbers -----------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["is nct0491226 still open", "NCT049192266?", "nct04919262 status", "NCT04919226"])
def test_a_trial_number_one_slip_away_means_the_stored_trial(store: TrialStore, typed: str) -> None:
    profile = with_lookups(Profile(lookup=Lookup(nct_id=_typed_number(typed))), typed, store)
    assert profile.lookup.nct_id == COMPOSE


def test_a_number_no_stored_trial_is_near_stays_as_typed(store: TrialStore) -> None:
    profile = with_lookups(Profile(lookup=Lookup(nct_id="NCT1234567")), "nct1234567", store)
    assert profile.lookup.nct_id == "NCT1234567"


def _typed_number(text: str) -> str:
    return find_nct_candidate(text) or ""


def test_a_look_up_that_only_names_the_kind_of_net_still_filters_by_sponsor(store: TrialStore) -> None:
    profile = Profile(site="pancreas", tumour_type="NET", wants=Wants(status="all"), lookup=Lookup(sponsor="Ipsen"))
    result = find_fitting(store, profile)
    assert result.fits and all(
        "Ipsen" in (f.trial.sponsor or "") or "Ipsen" in f.trial.collaborators for f in result.fits
    )


def test_a_drug_named_only_after_versus_is_the_comparator(store: TrialStore) -> None:
    lexicon = default_lexicon()
    assert "everolimus" not in tested.tested_ids(
        trial(store, "NCT01628913"), lexicon
    )  # "BEZ235 Compared to Everolimus"
    assert "everolimus" in tested.tested_ids(
        trial(store, "NCT00510068"), lexicon
    )  # "Everolimus ... Compared to Placebo"


def test_a_trial_of_the_kind_wished_for_is_not_ranked_down_for_its_drugs_names(store: TrialStore) -> None:
    """CONTROL NETS names its PRRT "octreotate", a name the lexicon does not know, beside
    capecitabine and temozolomide: it may be the kind wished for."""
    profile = replace(
        PANCREAS_G2_LIVER,
        ki67=9.0,
        treatments=(TreatmentHad("lanreotide", "stopped working"),),
        wants=Wants(treatment=("prrt",)),
        place=Place(city="Perth", country="AU"),
    )
    assert "NCT02358356" in shown_ids(find_fitting(store, profile))


def test_a_trial_testing_another_kind_comes_after_those_of_the_kind_wished_for(store: TrialStore) -> None:
    profile = replace(PANCREAS_G2_LIVER, grades=(3,), ki67=22.0, wants=Wants(treatment=("chemotherapy",)))
    ids = [f.trial.nct_id for f in find_fitting(store, profile).fits]
    chemotherapy_trials = ("NCT07077551", "NCT05040360")  # NALIRIFOX; chemotherapy after surgery
    assert ids.index(COMPOSE) > max(ids.index(i) for i in chemotherapy_trials)  # PRRT; chemotherapy only as comparator


# -- a treatment the doctors put forward ------------------------------------------------------
PANTODON = "NCT07273409"  # surgery for pancreatic NETs that have spread


def test_a_treatment_the_doctors_put_forward_ranks_its_trials_first_without_filtering(store: TrialStore) -> None:
    from bot.profile.read import read_message

    story = read_message("pnet grade 2 with liver mets, my oncologist says PRRT is the next step. any trials?")
    assert story.wants.proposed == ("prrt",) and story.wants.treatment == ()
    ranked = shown_ids(find_fitting(store, story), top=1000)
    without = shown_ids(find_fitting(store, replace(story, wants=Wants())), top=1000)
    assert set(ranked) == set(without)  # ranked, never filtered
    assert PANTODON in ranked and ranked.index(PANTODON) > ranked.index(LUND_PRRT)
    assert without.index(PANTODON) < without.index(LUND_PRRT)  # the test can fail: the order was the other way


def test_a_wish_said_later_settles_what_was_put_forward() -> None:
    from bot.profile.read import update

    profile = update(Profile(), "the surgeon offered another operation")
    assert profile.wants.proposed == ("surgery",)
    assert update(profile, "she doesn't want more surgery").wants.proposed == ()


def test_a_record_listing_no_interventions_tests_what_its_title_names_first(store: TrialStore) -> None:
    lexicon = default_lexicon()
    adjuvant = trial(store, "NCT05040360")  # "Testing the Use of Chemotherapy After Surgery for ..."
    assert not adjuvant.interventions
    assert "chemotherapy" in tested.tested_ids(adjuvant, lexicon)
    assert "surgery" not in tested.tested_ids(adjuvant, lexicon)  # what must come first, not what it tests


def test_a_trial_made_for_teenagers_leads_a_search_for_teenagers(store: TrialStore) -> None:
    wish = Profile(wants=Wants(treatment=("prrt",), age_group="teen", status="all"))
    assert shown_ids(find_fitting(store, wish))[0] == NETTER_P


def test_advanced_disease_trials_rank_after_for_a_tumour_that_has_not_spread(store: TrialStore) -> None:
    small = Profile(age=83, site="pancreas", tumour_type="NET", grades=(1,), spread=False, size_mm=18)
    ranked = shown_ids(find_fitting(store, small), top=1000)
    spread = shown_ids(find_fitting(store, replace(small, spread=None)), top=1000)
    assert ranked.index(NETTER_3) > spread.index(NETTER_3)  # "... Advanced GEP-NET"


def test_a_trial_for_men1_only_ranks_after_for_someone_who_never_said_men1(store: TrialStore) -> None:
    prime = "NCT05037461"  # MEN1 only, at UMC Utrecht
    story = Profile(
        site="pancreas", tumour_type="NET", grades=(1,), spread=False, place=Place(city="Cork", country="IE")
    )
    ranked = shown_ids(find_fitting(store, story), top=1000)
    with_men1 = shown_ids(find_fitting(store, replace(story, inherited=("MEN1",))), top=1000)
    assert with_men1.index(prime) == 0 and ranked.index(prime) > 0


def test_trials_for_after_an_operation_rank_after_for_a_net_that_has_spread_far(store: TrialStore) -> None:
    adjuvant = "NCT05040360"  # "Testing the Use of Chemotherapy After Surgery for High-Risk Pancreatic NETs"
    ranked = shown_ids(find_fitting(store, PANCREAS_G2_LIVER), top=1000)
    nodes_only = shown_ids(find_fitting(store, replace(PANCREAS_G2_LIVER, spread_to=("lymph nodes",))), top=1000)
    assert ranked.index(adjuvant) > nodes_only.index(adjuvant)
