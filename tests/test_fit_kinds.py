"""Ranking by the kind of tumour (NEC or NET) and of treatment, and look-ups that need the
real name (bot/profile/limits.kind_order, bot/profile/tested.py, bot/profile/fit.py,
bot/trials/lookup.py)."""

from __future__ import annotations

import pytest

from bot.lexicon import default_lexicon
from bot.profile import tested
from bot.profile.evaluate import read_turns
from bot.profile.fit import FitResult, find_fitting, with_lookups
from bot.profile.limits import kind_order
from bot.profile.model import Place, Profile, Wants
from bot.profile.read import for_search
from bot.trials.lookup import find_lookups
from bot.trials.store import TrialStore

LUND_PRRT = "NCT05387603"  # no interventions; "Systemic Targeted Adaptive RadioTherapy of NeuroEndocrine Tumors"
AVELUMAB_NEC = "NCT03352934"  # "... Neuroendocrine Carcinomas (NEC G3) ..."
PANTODON = "NCT07273409"  # debulking surgery, sites in Sweden
PRRT_NAMING_CARCINOMA_ONLY_AS_HEADING = {"NCT02754297", "NCT01876771"}
NEC_TRIALS = {"NCT02687958", "NCT03387592", AVELUMAB_NEC, "NCT07077551", "NCT04400474", "NCT02749331"}


def profile_of(store: TrialStore, *turns: str) -> Profile:
    return with_lookups(for_search(read_turns(turns), turns[-1]), turns[-1], store)


def searched(store: TrialStore, *turns: str) -> FitResult:
    return find_fitting(store, profile_of(store, *turns))


def top(result: FitResult, n: int = 5) -> list[str]:
    return [f.trial.nct_id for f in result.fits[:n]]


@pytest.mark.parametrize(
    "story",
    [
        "my husband is 67, poorly differentiated neuroendocrine carcinoma, started in the pancreas. he's had 4 "
        "cycles of carboplatin and etoposide, it's growing again. any trials? we're in Dublin",
        "Mum (70) has a NEC of the pancreas, small cell type, ki67 70%. Carboplatin and etoposide stopped "
        "working. We live in Leeds. Is there anything she could try?",
        "62M, large cell neuroendocrine carcinoma of the stomach, liver mets, progressed after cisplatin/etoposide. "
        "Based in Toronto. What trials are there?",
    ],
)
def test_a_nec_story_gets_trials_made_for_necs_first(store: TrialStore, story: str) -> None:
    profile = profile_of(store, story)
    result = find_fitting(store, profile)
    assert profile.tumour_type == "NEC"
    orders = [kind_order(f.trial, profile) for f in result.fits[:5]]
    assert orders[0] == 0 and orders == sorted(orders), top(result)  # records that name NECs first
    assert set(top(result)) & NEC_TRIALS, top(result)
    assert top(result)[1] not in PRRT_NAMING_CARCINOMA_ONLY_AS_HEADING, top(result)


def test_the_registry_heading_carcinoma_neuroendocrine_alone_is_not_a_nec_trial(store: TrialStore) -> None:
    personalised_prrt = store.get("NCT02754297")  # conditions: "Carcinoma, Neuroendocrine" among NET ones
    assert personalised_prrt is not None
    assert kind_order(personalised_prrt, Profile(tumour_type="NEC")) == 2  # names no NEC at all
    assert kind_order(personalised_prrt, Profile(tumour_type="NET")) == 0


def test_the_order_by_kind_of_tumour_only_ranks(store: TrialStore) -> None:
    avelumab = store.get(AVELUMAB_NEC)
    assert avelumab is not None
    assert kind_order(avelumab, Profile(tumour_type="NEC")) == 0
    assert kind_order(avelumab, Profile(tumour_type="NET")) == 1  # a NEC-only trial after, for a NET
    assert kind_order(avelumab, Profile()) == 0
    net = searched(store, "my dad is 70, pancreatic NET grade 2 with liver mets, any trials in Germany?")
    assert AVELUMAB_NEC not in top(net, 3)


def test_a_systemic_radiotherapy_title_is_prrt(store: TrialStore) -> None:
    lund = store.get(LUND_PRRT)
    assert lund is not None and "prrt" in tested.tested_ids(lund, default_lexicon())


@pytest.mark.parametrize(
    "wish",
    [
        "I'm 60, pancreatic NET G2, liver mets, in Malmö. Any immunotherapy trials?",
        "my wife has a small bowel NET, we live in Copenhagen, are there any surgery studies?",
        "pnet g1, 55, Gothenburg, looking for a chemo trial",
    ],
)
def test_the_lund_prrt_record_is_not_shown_for_other_wishes(store: TrialStore, wish: str) -> None:
    assert LUND_PRRT not in top(searched(store, wish))


def test_a_wished_kind_further_away_comes_before_another_kind_nearby(store: TrialStore) -> None:
    story = (
        "45 year old woman, Sweden (Lund). I have a pancreatic NET grade 2 with liver metastases. Tumour board "
        "says PRRT is the next step. Can I join a study?"
    )
    shown = top(searched(store, story))
    assert LUND_PRRT in shown and PANTODON not in shown
    prrt = Profile(site="pancreas", place=Place(city="Lund", country="SE"), wants=Wants(treatment=("prrt",)))
    assert PANTODON not in top(find_fitting(store, prrt))


@pytest.mark.parametrize(
    "text",
    [
        "trials per MD Anderson",
        "well differentiated per md anderson, any trials?",
        "Ci sono studi clinici per lei?",
        "scrivo per mio zio, ha un tumore al pancreas",
        "Hej, min mamma har NET med spridning till levern",  # "med", "per": words, not names
    ],
)
def test_a_shared_fragment_is_not_a_sponsors_or_sites_name(store: TrialStore, text: str) -> None:
    found = find_lookups(text, store)
    assert not found.sponsor or "Romagnolo" not in found.sponsor, found
    assert not found.site_name or "Romagnolo" not in found.site_name and "Vanderbilt" not in found.site_name, found


@pytest.mark.parametrize(
    "text, sponsor, site",
    [
        ("trials per MD Anderson", None, "MD Anderson"),
        ("kings app study", "King's College", None),
        ("ieo trials", "Istituto Europeo di Oncologia", None),
        ("IEO trials", "Istituto Europeo di Oncologia", None),
        ("anything at ucl", None, "UCL"),
        ("anything at the christie", None, "Christie"),
    ],
)
def test_real_names_and_short_names_written_as_names_are_found(
    store: TrialStore, text: str, sponsor: str | None, site: str | None
) -> None:
    found = find_lookups(text, store)
    assert (sponsor in (found.sponsor or "")) if sponsor else found.sponsor is None, found
    assert (site in (found.site_name or "")) if site else True, found


def test_kings_app_study_finds_the_app_study(store: TrialStore) -> None:
    assert "NCT04324502" in top(searched(store, "kings app study"))


def test_a_sponsors_word_shared_by_several_companies_finds_them_all(store: TrialStore) -> None:
    assert find_lookups("merck belzutifan study, pnet cohort - min age?", store).sponsor == "Merck"
    assert "NCT04924075" in top(
        searched(store, "merck belzutifan study, pnet cohort - min age?")
    )  # Merck Sharp & Dohme
    assert find_lookups("trials by Merck KGaA", store).sponsor == "Merck KGaA, Darmstadt, Germany"  # the whole name


@pytest.mark.parametrize(
    "story",
    [
        "I'm 58, pancreatic NET G1, 2cm, it has not spread. We live in Stockholm. Any trials?",
        "my mum (66) has a pnet grade 2, no mets, localised. we're in Gothenburg, is there a study for her",
        "Pancreatic NET G2 found by chance, the scans show it has not spread. I am 49 and live in Lund. Any research I could join?",
    ],
)
def test_a_stage_4_only_trial_is_set_aside_when_it_has_not_spread(store: TrialStore, story: str) -> None:
    profile = profile_of(store, story)
    assert profile.spread is False
    result = find_fitting(store, profile)
    assert PANTODON not in top(result)
    aside = next(f for f in result.set_aside if f.trial.nct_id == PANTODON)
    assert "stage 4" in aside.why


AFTER_SURGERY = "NCT05040360"  # "Testing the Use of Chemotherapy After Surgery for High-Risk Pancreatic NETs"


@pytest.mark.parametrize(
    "story",
    [
        "my wife is 55, pNET G1 of 1,6 cm, without metastasis. The surgeon wants to operate. Is there a study "
        "for not doing the surgery?",
        "My friend is 39, a 1.5 cm NET in her pancreas, no symptoms. They say watch and wait. Is there any study for her?",
        "I'm 61, pNET G2, Ki67 9%, in the liver and lymph nodes. Was on Somatuline, then everolimus, it didn't work. "
        "Any chemo trials?",
    ],
)
def test_a_trial_for_after_surgery_is_set_aside_for_someone_not_on_that_road(store: TrialStore, story: str) -> None:
    result = searched(store, story)
    assert AFTER_SURGERY not in top(result)
    aside = [f for f in result.set_aside if f.trial.nct_id == AFTER_SURGERY]
    assert not aside or "operation" in aside[0].why


def test_a_trial_for_after_surgery_still_fits_after_an_operation(store: TrialStore) -> None:
    story = "I'm 52, had a Whipple for a pancreatic NET grade 2 last month, high risk they said. Any trials for after surgery?"
    result = searched(store, story)
    assert AFTER_SURGERY in [f.trial.nct_id for f in result.fits]


INCIDENTALOMA = "NCT03022188"  # "small size ≤ 2 cm (stage I) ... incidentaloma"


@pytest.mark.parametrize(
    "story",
    [
        "Ma mère a 71 ans, tumeur neuroendocrine du pancréas avec métastases au foie. Y a-t-il une étude près de Lyon ?",
        "my dad has a pnet that has spread to his liver, we live in Amiens, any trials near us?",
    ],
)
def test_an_early_stage_only_trial_is_set_aside_for_a_net_that_has_spread(store: TrialStore, story: str) -> None:
    result = searched(store, story)
    assert INCIDENTALOMA not in top(result, 10)
    assert any(f.trial.nct_id == INCIDENTALOMA for f in result.set_aside)


def test_an_early_stage_only_trial_still_shows_for_a_small_net_that_has_not_spread(store: TrialStore) -> None:
    result = searched(
        store, "a 1.5 cm pnet found by chance, not spread, not making hormones. we live in Amiens, any trials?"
    )
    assert INCIDENTALOMA in top(result)


@pytest.mark.parametrize(
    "story",
    [
        "hi my dad is 74 and has had lutathera for his pancreatic net, the doctor says it worked for a while. "
        "we live near leeds, is there anything else he could try in a trial?",
        "my wife has a pnet, she's been on everolimus for a year. any trials for her?",
    ],
)
def test_an_early_stage_only_trial_ranks_after_for_someone_treated_for_advanced_nets(
    store: TrialStore, story: str
) -> None:
    result = searched(store, story)
    shown = top(result, 40)
    assert INCIDENTALOMA in shown, shown  # ranked after, never set aside: spread was not said
    assert shown.index(INCIDENTALOMA) >= 3, shown


def test_a_trial_for_after_surgery_ranks_after_for_someone_treated_for_advanced_nets(store: TrialStore) -> None:
    result = searched(store, "my dad is 74 and has had lutathera for his pancreatic net. any trials for him?")
    shown = top(result, 40)
    for after_surgery in ("NCT07279532", "NCT05040360"):  # adjuvant surufatinib; chemotherapy after surgery
        assert after_surgery not in shown[:5], shown


def test_a_trial_for_high_grade_nens_is_set_aside_for_a_grade_2_net(store: TrialStore) -> None:
    nalirifox = "NCT07077551"  # "... in Extrapulmonary High-grade Neuroendocrine Neoplasms"
    result = searched(store, "66 yo male, pNET grade 2, liver mets, progressing on octreotide. any chemo trials?")
    assert nalirifox not in top(result, 40)
    assert any(f.trial.nct_id == nalirifox and "high-grade" in f.why for f in result.set_aside)
    grade_3 = searched(store, "66 yo male, pNET grade 3, ki67 40%, liver mets, progressing. any chemo trials?")
    assert nalirifox in top(grade_3, 40)


EVEROLIMUS_MAINTENANCE_NEC = "NCT02687958"  # "Study of Everolimus as Maintenance Therapy for Metastatic NEC ..."


@pytest.mark.parametrize(
    "story",
    [
        "my dad is 67, he has a neuroendocrine carcinoma in the pancreas, grade 3, it spread to the liver. he had "
        "carboplatin and etoposide which worked for a bit but now its growing again. any trials? we're in london",
        "wife (59) NEC of the bowel, liver mets. cisplatin + etoposide x6 then it progressed. what's out there?",
    ],
)
def test_a_maintenance_trial_is_set_aside_for_a_nec_that_grew_on_chemotherapy(store: TrialStore, story: str) -> None:
    result = searched(store, story)
    assert EVEROLIMUS_MAINTENANCE_NEC not in top(result, 40)
    aside = {f.trial.nct_id: f.why for f in result.set_aside}
    assert "after chemotherapy worked" in aside[EVEROLIMUS_MAINTENANCE_NEC]  # put last with the reason


def test_a_maintenance_trial_keeps_its_place_when_chemotherapy_worked(store: TrialStore) -> None:
    result = searched(
        store, "dad has a NEC of the pancreas with liver mets, 6 cycles of carbo/etoposide shrank it. trials?"
    )
    assert EVEROLIMUS_MAINTENANCE_NEC in top(result, 4), top(result, 10)


def test_a_small_watched_net_gets_the_trial_for_small_tumours_first_and_debulking_after(store: TrialStore) -> None:
    result = searched(
        store,
        "wife has a 1.2cm pancreatic NET found by chance on a scan, grade 1, they are just watching it with scans "
        "every 6 months. are there any trials she could look at?",
    )
    shown = top(result, 40)
    assert shown[0] == INCIDENTALOMA, shown
    assert not {PANTODON, "NCT06016855"} & set(shown[:5]), shown  # debulking trials are for spread NETs


def test_second_line_trials_rank_after_the_maintenance_one_when_first_chemotherapy_worked(store: TrialStore) -> None:
    result = searched(
        store,
        "My husband is 48, large cell neuroendocrine carcinoma of the colon, spread to the liver. He's had 6 cycles "
        "of cisplatin and etoposide and the scan showed good shrinkage, stable now. Is there a study for him?",
    )
    shown = top(result, 40)
    second_line = ["NCT03387592", "NCT07077551"]  # "... SEcond-line Therapy in NEuroendocrine CArcinomas"; NALIRIFOX
    assert all(shown.index(EVEROLIMUS_MAINTENANCE_NEC) < shown.index(t) for t in second_line if t in shown), shown
    grew = searched(
        store, "husband 48, large cell NEC of the colon, liver mets. cisplatin and etoposide stopped working."
    )
    assert top(grew, 1)[0] in second_line + ["NCT03352934"], top(grew, 5)  # made for growth after first-line


def test_trials_of_treatments_for_a_net_rank_after_for_someone_told_all_clear(store: TrialStore) -> None:
    story = (
        "hi, 29 year old guy here. had a 2cm NET in my appendix found after appendicitis last summer, they did a "
        "second op to take part of the bowel, all clear. i get scans yearly. is there any study for me?"
    )
    profile = profile_of(store, story)
    assert profile.all_clear is True
    shown = top(searched(store, story), 3)
    assert not [t for t in shown if t in {"NCT06784752", "NCT04919226", "NCT06395402", "NCT04917484"}], shown
    hoped = profile_of(store, "had my appendix NET out last month, hoping the next scan is all clear. any trials?")
    assert hoped.all_clear is None


def test_all_clear_is_forgotten_when_a_later_message_says_it_came_back(store: TrialStore) -> None:
    profile = profile_of(
        store, "mum had her pNET removed in 2021, all clear since", "now the scan shows spots in her liver"
    )
    assert profile.all_clear is None and profile.spread is True


def test_a_trial_naming_necs_only_among_its_conditions_ranks_between_for_a_nec(store: TrialStore) -> None:
    lu_registry = store.get("NCT02236910")  # conditions: "Neuroendocrine Carcinoma"; for SSTR-positive tumours
    nalirifox = store.get("NCT07077551")  # "... High-grade Neuroendocrine Neoplasms" in its title
    assert lu_registry is not None and nalirifox is not None
    nec = Profile(tumour_type="NEC")
    assert (kind_order(nalirifox, nec), kind_order(lu_registry, nec)) == (0, 1)
    result = searched(
        store,
        "my brother (66) has a NEC in his pancreas, ki67 80%, had carboplatin etoposide and it worked for "
        "4 months then grew. hes in toronto. any trials?",
    )
    shown = top(result)
    # NEC trials from abroad (NALIRIFOX, avelumab after chemotherapy) lead; the Toronto-area PRRT registry comes after
    assert "NCT07077551" in shown[:3] and "NCT03352934" in shown[:3], shown
    assert "NCT02236910" not in shown[:3], shown


def test_trials_for_after_the_operation_lead_for_someone_all_clear_who_asks_to_stop_it_coming_back(
    store: TrialStore,
) -> None:
    shown = top(
        searched(
            store,
            "my wife had her pNET removed 2 years ago, all clear since, 61, Bristol. is there any study to stop it "
            "coming back?",
        ),
        40,
    )
    assert {"NCT07279532", "NCT05040360"} <= set(shown[:3]), shown  # adjuvant surufatinib; chemotherapy after surgery
    assert shown.index(INCIDENTALOMA) >= 4, shown  # small tumours left in place: not hers
