"""Criteria read with their logic (bot/eligibility/logic.py, fields.py), one logic form at a time,
on criteria sentences as the shipped records (data/trials/) write them."""

from __future__ import annotations

from typing import Optional

from bot.eligibility.items import read_criteria
from bot.eligibility.logic import ALLOWS, EXCLUDES, REQUIRES, Fact


def facts(text: str, section: str = "inclusion", field: Optional[str] = None) -> list[Fact]:
    heading = "Inclusion Criteria:" if section == "inclusion" else "Exclusion Criteria:"
    found = [f for r in read_criteria(f"{heading}\n\n* {text}") for f in r.facts]
    return [f for f in found if field is None or f.field == field]


def one(text: str, field: str, section: str = "inclusion") -> Fact:
    found = facts(text, section, field)
    assert len(found) == 1, found
    return found[0]


# -- requirement, exclusion, allowance ------------------------------------------------------------
def test_a_requirement_and_an_exclusion_of_the_same_thing() -> None:
    assert one("Verified MEN1 syndrome by molecular genetics (known mutation)", "men1").mode == REQUIRES  # NCT02705651
    excluded = one("Patients with multiple endocrine neoplasia type 1 (MEN1)", "men1", "exclusion")  # NCT03022188
    assert (excluded.mode, excluded.flag) == (EXCLUDES, True)


def test_a_no_among_the_inclusions_rules_out() -> None:
    fact = one("No prior chemotherapy treatment for advanced disease.", "treatments")  # NCT02248012
    assert (fact.mode, fact.treatments) == (EXCLUDES, {"chemotherapy"})
    fact = one("Patients may not have received prior therapy with RAD001 or sorafenib.", "treatments")  # NCT00942682
    assert fact.mode == EXCLUDES and fact.treatments == {"everolimus", "targeted therapy"}


def test_allowances_are_never_requirements() -> None:
    for text in (
        "Previous treatment with somatostatin (SS) analogues is allowed.",  # NCT02246127
        "Previous treatment with lanreotide or another somatostatin analogue is not required for study entry.",  # NCT02859064
        "Patients who are currently receiving or have previously received lanreotide or another somatostatin analogue are eligible.",
    ):
        assert {f.mode for f in facts(text, field="treatments")} == {ALLOWS}, text
    assert {
        f.mode
        for f in facts(
            "Prior treatment with non-VEGF-targeted angiogenic inhibitors is permitted", "exclusion", "treatments"
        )
    } == {ALLOWS}  # NCT00428597


def test_an_allowance_beside_a_rule_keeps_the_rule() -> None:
    # NCT00942682: one item, an allowance and an exclusion
    found = facts(
        "Prior treatment with chemotherapy is allowed. Patients may not have received prior therapy with RAD001 or sorafenib.",
        field="treatments",
    )
    assert {(f.mode, frozenset(f.treatments)) for f in found} == {
        (ALLOWS, frozenset({"chemotherapy"})),
        (EXCLUDES, frozenset({"everolimus", "targeted therapy"})),
    }


def test_either_functioning_or_not_allows_every_kind() -> None:
    # NCT02705651's description (no criterion in a non-held record says it): either kind, so an allowance of
    # every value, which rules no one out
    found = facts("development of new [functioning and non-functioning] neuroendocrine tumors", field="functioning")
    assert [(f.mode, f.every) for f in found] == [(ALLOWS, True)]
    either = facts("Non-functional tumour or gastrinoma controlled by PPIs", field="functioning")  # NCT02288377
    assert {(f.mode, f.values, f.needs_more, f.group) for f in either} == {
        (REQUIRES, frozenset({"none"}), False, "functioning or"),
        (REQUIRES, frozenset({"gastrinoma"}), True, "functioning or"),
    }


# -- alternatives -----------------------------------------------------------------------------------
def test_unresectable_or_metastatic_is_either_one() -> None:
    found = facts("Patients must have unresectable or metastatic disease")  # NCT00454363
    assert {(f.field, f.flag, f.group) for f in found} == {("spread", True, "stage"), ("resectable", False, "stage")}


def test_locally_advanced_or_metastatic_never_needs_spread() -> None:
    found = facts(
        "Endocrine tumour in the intestine or pancreas and with locally advanced or metastatic disease"
    )  # NCT00353496
    assert {(f.field, f.flag, f.group) for f in found if f.group} == {
        ("spread", True, "stage"),
        ("resectable", False, "stage"),
    }


def test_at_least_one_of_the_following_makes_alternatives() -> None:
    text = (
        "Inclusion Criteria:\n\n* Sporadic resectable nonfunctioning PanNETs and at least one of the following high-risk features:\n"
        "  * Well differentiated G2 NF-PanNETs with Ki67 >10% or well differentiated NF-PanNETs G3\n"
        "  * Presence of a single resectable liver metastasis"
    )  # NCT04385992 (tuned), shortened
    lead, *options = read_criteria(text)
    assert all(f.firm for f in lead.facts)  # what the lead-in itself asks stays asked
    children = [f for r in options for f in r.facts]
    assert children and all(not f.firm for f in children)


def test_men1_or_vhl_is_either_one() -> None:
    found = facts(
        "familial predisposition to NET in patients with multiple endocrine neoplasia type 1 (MEN1) and Von Hippel-Lindau "
        "(VHL) (symptomatic and/or asymptomatic cases; with biochemical or anatomic imaging evidence of disease)."
    )  # NCT01967537
    assert {(f.field, f.group) for f in found if f.field in ("men1", "vhl")} == {
        ("men1", "inherited"),
        ("vhl", "inherited"),
    }


# -- time windows -----------------------------------------------------------------------------------
def test_at_any_time_or_no_window_is_ever() -> None:
    fact = one(
        "Peptide receptor radionuclide therapy (PRRT) at any time prior to randomization in the study.",
        "treatments",
        "exclusion",
    )
    assert (fact.mode, fact.treatments, fact.needs_more) == (EXCLUDES, {"PRRT"}, False)  # NCT01578239
    fact = one(
        "Prior therapy with the same kind of medication (mTOR inhibitors: sirolimus, temsirolimus, everolimus).",
        "treatments",
        "exclusion",
    )  # NCT00510068
    assert (fact.treatments, fact.needs_more) == ({"everolimus"}, False)


def test_a_window_needs_the_team() -> None:
    fact = one(
        "Other chemotherapy, immunotherapy or radiotherapy within 4 weeks prior to starting this trial",
        "treatments",
        "exclusion",
    )
    assert fact.needs_more and fact.treatments == {"chemotherapy", "immunotherapy", "radiotherapy"}  # NCT00510068
    fact = one(
        "Patients who have undergone major surgery within 4 weeks prior to study enrollment.", "treatments", "exclusion"
    )
    assert fact.treatments == {"surgery"} and fact.needs_more  # NCT00942682


def test_a_wash_out_among_the_inclusions_is_not_a_requirement() -> None:
    fact = one("At least 4 weeks since prior chemotherapy or radiotherapy", "treatments")  # NCT00337077
    assert (fact.mode, fact.needs_more) == (EXCLUDES, True)


# -- ranges -----------------------------------------------------------------------------------------
def test_ki67_ranges_and_limits() -> None:
    fact = one("Histologically proven neuroendocrine carcinoma with a Ki67 of 20-55%.", "ki67")  # NCT02248012
    assert (fact.low, fact.high) == (20, 55)
    at_most = one("Ki67 index ≤ 20% (to be centrally confirmed).", "ki67")  # NCT01578239
    assert (at_most.high, at_most.high_strict) == (20, False)
    below = one("Low and Intermediate Grade (Ki-67 index <20%) neuroendocrine tumors (NET)", "ki67")  # NCT04440956
    assert (below.high, below.high_strict) == (20, True)


def test_age_ranges() -> None:
    fact = one("Age between 18 to 60 years", "age")  # NCT01201096
    assert (fact.low, fact.high, fact.firm) == (18, 60, True)
    said_in_passing = one(
        "Poor surgical candidate (involving the head of the pancreas or multifocal NET, advanced comorbidity, "
        "age >75 years of age)",
        "age",
    )  # NCT01902238: one reason among several
    assert not said_in_passing.firm


# -- grade, NET or NEC ------------------------------------------------------------------------------
def test_well_or_moderately_differentiated_and_low_grade_are_grades_1_and_2() -> None:
    assert one("Well or moderately differentiated tumour confirmed by histology", "grade").values == {
        "1",
        "2",
    }  # NCT00353496
    assert one("Confirmed low-grade or intermediate-grade neuroendocrine carcinoma", "grade").values == {
        "1",
        "2",
    }  # NCT00363051
    assert one(
        "Metastatic well-to-moderately differentiated (or low-grade) neuroendocrine carcinoma, including typical carcinoid "
        "or pancreatic islet cell carcinoma.",
        "grade",
    ).values == {"1", "2"}  # NCT02859064


def test_net_or_nec() -> None:
    assert one("Well or moderately differentiated tumour confirmed by histology", "differentiation").values == {"NET"}
    fact = one(
        "poorly differentiated or small cell neuroendocrine tumors", "differentiation", "exclusion"
    )  # NCT00171873
    assert (fact.mode, fact.values) == (EXCLUDES, {"NEC"})
    # a well-differentiated "neuroendocrine carcinoma" is the older name of a NET
    assert one(
        "Metastatic well-to-moderately differentiated (or low-grade) neuroendocrine carcinoma, including typical carcinoid "
        "or pancreatic islet cell carcinoma.",
        "differentiation",
    ).values == {"NET"}


def test_a_complication_of_a_carcinoid_rules_out_no_net() -> None:
    assert (
        facts("patients with intestinal obstruction due to a carcinoid tumour", "exclusion", "differentiation") == []
    )  # NCT00326469


# -- where it started --------------------------------------------------------------------------------
def test_mixed_sites_are_all_kept() -> None:
    fact = one("Endocrine tumour in the intestine or pancreas and with locally advanced or metastatic disease", "site")
    assert {"pancreas", "small bowel", "large bowel"} <= fact.values  # NCT00353496
    assert {"pancreas", "small bowel", "stomach"} <= one(
        "Patients must have histologically or cytologically confirmation of GEP -NETand Ki 67 index <= 20%.", "site"
    ).values  # NCT02489604


def test_sites_ruled_out_and_sites_asked_for_in_one_sentence() -> None:
    found = facts(
        "Patients with pancreatic NET or NET of origins other than GI or Lung", "exclusion", "site"
    )  # NCT01524783
    assert {(f.mode, "pancreas" in f.values, "lung" in f.values) for f in found} == {
        (EXCLUDES, True, False),
        (REQUIRES, False, True),
    }


def test_a_pancreas_that_is_not_a_tumour_site() -> None:
    assert (
        facts(
            "biochemical evidence of neuroendocrine tumor (serum/urinary) based on elevated levels of chromogranin A, "
            "pancreatic polypeptide",
            field="site",
        )
        == []
    )  # NCT01967537


# -- hormones ------------------------------------------------------------------------------------------
def test_hormone_criteria_the_right_way_round() -> None:
    found = facts("No history of and no active symptoms related to carcinoid syndrome")  # NCT01524783, an inclusion
    # only that syndrome: someone with an insulinoma is not ruled out by "no carcinoid syndrome"
    assert {(f.field, f.mode) for f in found} == {("syndrome", EXCLUDES)}
    needing = one(
        "Functional NETs which need to be treated with long acting SSAs to control disease related syndromes, such as "
        "insulinoma, gastrinoma",
        "functioning",
        "exclusion",
    )  # NCT02588170
    assert (needing.mode, needing.flag, needing.needs_more) == (EXCLUDES, True, True)


def test_a_condition_on_some_patients_is_not_a_requirement() -> None:
    found = facts("Patients with functioning NET should have cover by somatostatin analog")  # NCT02749331
    # no requirement: for a functioning NET it is for the team, for the rest it says nothing
    assert [(f.field, f.mode, f.needs_more) for f in found] == [("functioning", EXCLUDES, True)]


# -- every fact keeps its criterion ------------------------------------------------------------------------
def test_each_fact_keeps_the_criterion_text() -> None:
    text = "Advanced (unresectable or metastatic) biopsy-proven pancreatic Neuroendocrine tumor (NET)"  # NCT00363051
    assert {f.text for f in facts(text)} == {text}


# -- stage said other ways ------------------------------------------------------------------------------
def test_advanced_alone_is_spread_or_cannot_be_removed() -> None:
    found = facts(
        "Advanced histologically confirmed well differentiated pancreatic neuroendocrine tumor"
    )  # NCT01628913
    assert {(f.field, f.flag, f.group) for f in found if f.group} == {
        ("spread", True, "stage"),
        ("resectable", False, "stage"),
    }


def test_limited_to_the_pancreas_means_not_spread() -> None:
    fact = one("Tumor(s) limited to the pancreas (N0, M0)", "spread")  # NCT02705651
    assert (fact.mode, fact.flag) == (REQUIRES, False)


def test_any_site_and_an_unknown_primary() -> None:
    fact = one("Patient suffering from a progressive and/or symptomatic NET (any site);", "site")  # NCT02754297
    assert fact.mode == ALLOWS and "unknown" in fact.values
    fact = one(
        "Primary gastroenteropancreatic tumor or cancer of unknown primary where metastases are mainly abdominal",
        "site",
    )
    assert {"pancreas", "unknown"} <= fact.values  # NCT02248012


def test_an_age_said_bare_and_a_symbol_touching_a_word() -> None:
    assert one(">18 years;", "age").low == 18  # NCT05907824's form
    assert one("Age> 18;", "age").low == 18


# -- issue 19: site and spread forms across the shipped records ----------------------------------------
def test_one_reading_per_word() -> None:
    """ "small bowel" is the small bowel, not also the generic "bowel" (which would take the colon too)."""
    fact = one("Primary NETs other than small bowel (midgut) or pancreatic NETs;", "site", "exclusion")  # NCT02358356
    assert fact.mode == REQUIRES and fact.values == {"small bowel", "appendix", "pancreas"}
    assert (
        "stomach"
        not in one(
            "Endocrine tumour in the intestine or pancreas and with locally advanced or metastatic disease", "site"
        ).values
    )  # NCT00353496: the stomach is not the intestine


def test_foregut_midgut_hindgut_and_arising_from() -> None:
    assert {"stomach", "pancreas", "lung"} <= one(
        "Well differentiated neuroendocrine tumour of foregut origin", "site"
    ).values
    fact = one(
        "Well differentiated, low or intermediate grade, gastrointestinal mid-gut (arising from the lower jejunum, ileum, "
        "appendix, cecum, and proximal colon) NET with documented disease progression",
        "site",
    )  # NCT02936323
    assert {"small bowel", "appendix", "large bowel"} <= fact.values and fact.mode == REQUIRES


def test_a_site_after_excluding_or_other_than() -> None:
    found = facts(
        "Patients must have histologically or cytologically confirmed metastatic, high grade NET (Ki67 >20%), excluding any "
        "high grade NETs of large or small cell type of lung/thymus origin and merkel cell carcinoma",
        field="site",
    )  # NCT02939651
    assert [(f.mode, f.firm) for f in found] == [(EXCLUDES, False)] and "lung" in found[0].values
    found = facts(
        "The NETs must meet the following criteria: (a) be GEP-NETs or NETs with the primary lesion located in tissue other "
        "than the lung or thymus (including unknown primary lesion location), with a mitotic count of ≤ 20/10 High Power Field",
        field="site",
    )  # NCT02267967
    asked = [f for f in found if f.mode == REQUIRES]
    assert asked and "unknown" in asked[0].values and "lung" not in asked[0].values
    assert all("unknown" not in f.values for f in found if f.mode == EXCLUDES)


def test_not_limited_to_is_no_negation() -> None:
    found = facts(
        "advanced (unresectable or distant metastatic) extrapancreatic NETs with origins including, but not limited to, the "
        "lung, thymus, the gastrointestinal tract (stomach, duodenum, liver, jejunum, ileum, colon, cecum, appendix, rectum) and "
        "unknown origin etc.",
        field="site",
    )  # NCT02588170
    asked = [f for f in found if f.mode == REQUIRES]
    assert asked and all("pancreas" not in f.values for f in asked) and "lung" in asked[0].values
    assert all(f.values == {"pancreas"} for f in found if f.mode == EXCLUDES)  # "extrapancreatic": not the pancreas


def test_extra_and_non_sites() -> None:
    assert (
        one("Extra-pulmonary neuroendocrine carcinoma.", "site", "exclusion").mode == REQUIRES
    )  # NCT03837977: must be the lung
    fact = one(
        "Diagnosed with poorly differentiated (as defined by the World Health Organisation in 2010, Ki 67 ≥20%) extra-pulmonary "
        "neuroendocrine carcinoma (NEC grade 3, confirmed by histology).",
        "site",
    )  # NCT03837977
    assert (fact.mode, fact.values, fact.firm) == (EXCLUDES, {"lung"}, True)


def test_with_or_without_allows_only_what_follows() -> None:
    found = facts("Unresectable locally advanced and/or metastatic GEP-NET, with or without liver metastases")
    site = [f for f in found if f.field == "site"]
    assert site and site[0].mode == REQUIRES
    assert {f.mode for f in found if f.field == "spread" and f.values} == {ALLOWS}


def test_stage_iii_or_iv_is_spread_or_grown_locally() -> None:
    found = facts("Stage III or IV pancreatic neuroendocrine tumour")
    assert {(f.field, f.flag, f.group, f.firm) for f in found if f.group} == {
        ("spread", True, "stage", True),
        ("resectable", False, "stage", False),
    }


def test_locally_advanced_keeps_removable_open_advanced_alone_does_not() -> None:
    found = facts("Patients with advanced and/ or metastatic disease")  # NCT02215447
    assert {(f.field, f.firm) for f in found if f.field == "resectable"} == {("resectable", True)}
    found = facts("Endocrine tumour in the intestine or pancreas and with locally advanced or metastatic disease")
    assert {(f.field, f.firm) for f in found if f.field == "resectable"} == {("resectable", False)}  # CLARINET
    found = facts(
        "A histologically confirmed unresectable or metastatic pancreatic neuroendocrine tumor;"
    )  # NCT02264665
    assert {(f.field, f.firm) for f in found if f.field == "resectable"} == {("resectable", True)}


def test_recurrent_or_metastatic_is_not_a_clear_need_for_spread() -> None:
    found = facts(
        "Non-resectable, recurrent, or metastatic well- or moderately-differentiated gastroenteropancreatic neuroendocrine "
        "tumor (GEP-NETs) with disease progression within the last 12 months."
    )  # NCT03043664
    assert all(not f.firm or f.mode != REQUIRES for f in found if f.field == "spread" and f.flag)


def test_extrahepatic_spread_is_not_the_liver() -> None:
    fact = one("Presence of extrahepatic metastases", "spread", "exclusion")
    assert "liver" not in fact.values and "bones" in fact.values
    found = facts("Liver metastases with or without extrahepatic disease", field="spread")
    assert {(f.mode, "liver" in f.values) for f in found} == {(REQUIRES, True), (ALLOWS, False)}


def test_how_much_of_the_liver_is_for_the_team() -> None:
    assert one("Liver metastases with more than 50% involvement of the liver", "spread", "exclusion").needs_more
    assert one("Presence of multiple liver metastases", "spread", "exclusion").needs_more  # NCT04385992


def test_liver_dominant_and_measurable_disease_say_nothing_of_spread() -> None:
    assert facts("Liver dominant disease with involvement of <60% of liver parenchyma", field="spread") == [] or all(
        f.needs_more or not f.firm
        for f in facts("Liver dominant disease with involvement of <60% of liver parenchyma", field="spread")
    )  # NCT02749331
    assert facts("Measurable disease according to RECIST 1.1", field="spread") == []


def test_a_rule_out_in_brackets_rules_out_only_what_they_name() -> None:
    sentence = "Locally advanced or metastatic NET (lung NETs are excluded)"
    assert one(sentence, "spread").mode == REQUIRES
    assert one(sentence, "site").mode == EXCLUDES
    plain = "Patients with lung NETs are excluded"
    assert one(plain, "site").mode == EXCLUDES  # outside brackets it reaches the whole sentence
    assert one("Metastatic NET (any site) is not allowed", "spread").mode == EXCLUDES
