"""Past-treatment wording read by class (issue 19, session 20): a closing rule-out about plans or side effects,
an allowance written "can be also included", a treatment word with a bracket before "with", investigational
agents, chemoembolisation, "fifth line or subsequent", numbered exclusions run together, "anticancer therapy
within 3 weeks", and drugs named beside a family. Criteria are real (data/trials/ and the ctgov corpus)."""

from __future__ import annotations

from typing import Optional

import pytest

from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES
from tests.helpers.judge import trial, verdict

PLANNED_TOO = (  # NCT00326469
    "patients who have received treatment with radiotherapy, chemotherapy or interferon 4 weeks before being included "
    "in the study, or planned to receive these during the study"
)
TOXICITY_TOO = (  # NCT01731925
    "Patients previously treated with chemotherapy, loco-regional therapy (e.g., chemoembolization) or interferon with "
    "last administration less than 6 weeks prior to randomization or with toxicity not resolved to less or equal grade 1 "
    "at randomization."
)


@pytest.mark.parametrize("criterion", [PLANNED_TOO, TOXICITY_TOO])
@pytest.mark.parametrize(
    "had, expected", [(["lanreotide"], MATCHES), ([], MATCHES), (["cisplatin and etoposide"], ASK_TEAM)]
)
def test_a_closing_rule_out_about_plans_or_side_effects_keeps_the_history(
    criterion: str, had: list[str], expected: str
) -> None:
    assert verdict(trial(exclusion=(criterion,)), "treatments", treatments=had) == expected


NAIVE_ALSO = (  # NCT02246127
    "Before study inclusion, patients must show progressive disease documented by radiology 12 months prior to study "
    "inclusion. Treatment naive patients can be also included if the patient needs active treatment with either "
    "chemotherapy or everolimus."
)


@pytest.mark.parametrize("had", [[], ["everolimus"], ["capecitabine and temozolomide"], None])
def test_can_be_also_included_is_an_allowance(had: Optional[list[str]]) -> None:
    person = {} if had is None else {"treatments": had}
    assert verdict(trial((NAIVE_ALSO,)), "treatments", **person) == MATCHES


INVESTIGATIONAL = (  # NCT01731925
    "Current treatment with any chemotherapy, chemoembolization therapy, immunotherapy, or investigational anticancer agent"
)


@pytest.mark.parametrize(
    "had, expected",
    [
        (["lanreotide"], MATCHES),  # an SSA is none of these; an investigational agent is not any anticancer treatment
        (["capecitabine and temozolomide"], ASK_TEAM),  # current? the team knows
        (["liver embolisation"], ASK_TEAM),  # chemoembolisation is a liver treatment; bland or chemo, unsaid
        (["SIRT"], MATCHES),  # radioembolisation, not chemoembolisation
    ],
)
def test_investigational_agents_and_chemoembolisation(had: list[str], expected: str) -> None:
    assert verdict(trial(exclusion=(INVESTIGATIONAL,)), "treatments", treatments=had) == expected


def test_standard_or_investigational_anticancer_therapy_is_still_any_treatment() -> None:
    record = trial(exclusion=("Prior standard or investigational anti-cancer therapy as specified in protocol",))
    assert verdict(record, "treatments", treatments=["lanreotide"]) != MATCHES  # NCT02631577


COMPONENTS = (  # NCT03837977
    "Previous treatment (for neuroendocrine carcinoma) with any of the components of combination chemotherapy regimens "
    "detailed in this study (nal-IRI or 5-FU or irinotecan or topoisomerase inhibitors or taxane-based therapy)."
)


@pytest.mark.parametrize(
    "had, expected",
    [
        (["lanreotide", "everolimus", "PRRT"], MATCHES),  # none of the drugs listed in the brackets
        (["cisplatin and etoposide"], MATCHES),
        (["capecitabine and temozolomide"], ASK_TEAM),  # capecitabine is close kin of 5-FU
    ],
)
def test_a_treatment_word_with_a_bracket_before_with_names_only_what_follows(had: list[str], expected: str) -> None:
    record = trial(exclusion=(COMPONENTS,))
    assert verdict(record, "treatments", treatments=had, differentiation="NEC") == expected


FIFTH_LINE = "Patients receiving a fifth line or subsequent line of systemic treatment."  # NCT02264665


@pytest.mark.parametrize(
    "had, expected",
    [
        (["lanreotide"], MATCHES),
        (["lanreotide", "everolimus", "PRRT"], MATCHES),
        (["octreotide", "everolimus", "sunitinib", "capecitabine and temozolomide"], ASK_TEAM),  # is the SSA a line?
    ],
)
def test_an_ordinal_line_counts_the_lines_before(had: list[str], expected: str) -> None:
    assert verdict(trial(exclusion=(FIFTH_LINE,)), "treatments", treatments=had) == expected


def test_first_line_or_later_lines_need_no_line_before() -> None:
    criterion = (  # NCT02253277
        "Patients of the first stratum must have chronic myeloid leukemia receiving nilotinib first-line therapy or "
        "receiving second-line or subsequent-line treatment with nilotinib."
    )
    assert verdict(trial((criterion,)), "treatments", treatments=[]) != DOES_NOT_MATCH


RUN_TOGETHER = (  # NCT02589821: two numbered exclusions in one line
    "Surgery (except biopsy) within 28 days prior to the initiation of investigational treatment or unhealed surgical "
    "incision; 18 Brain metastases and/or spinal cord compression not treated by surgery and/or radiotherapy, and with "
    "no clinical imaging evidence of disease stability;"
)


@pytest.mark.parametrize("had", [["Whipple"], ["small bowel resection", "octreotide"]])
def test_numbered_exclusions_run_together_are_judged_one_by_one(had: list[str]) -> None:
    assert verdict(trial(exclusion=(RUN_TOGETHER,)), "treatments", treatments=had, spread=False) == ASK_TEAM


@pytest.mark.parametrize(
    "criterion",
    [
        "Anticancer therapy within 3 weeks of enrollment.",  # NCT00363051
        "Anti-cancer therapy with the exception of lanreotide or another somatostatin analogue within 21 days or 5 "
        "half-lives (whichever is shorter) of starting study treatment.",  # NCT02859064
    ],
)
@pytest.mark.parametrize("had, expected", [(["SIRT"], ASK_TEAM), (["removed by endoscopy"], ASK_TEAM), ([], MATCHES)])
def test_timed_anticancer_therapy_takes_operations_and_liver_treatments(
    criterion: str, had: list[str], expected: str
) -> None:
    assert verdict(trial(exclusion=(criterion,)), "treatments", treatments=had) == expected


def test_systemic_anticancer_therapy_within_weeks_is_not_an_operation() -> None:
    criterion = "Any chemotherapy or other systemic anti-cancer therapy within four weeks prior to randomization."
    assert verdict(trial(exclusion=(criterion,)), "treatments", treatments=["Whipple"]) == MATCHES  # NCT00862836


def test_a_platinum_requirement_with_capecitabine_in_its_examples_is_not_met_by_captem() -> None:
    criterion = (  # NCT03387592
        "Patients who already received a first line treatment for metastatic disease with platinum compound-based "
        "regimen chemotherapy (Cisplatin/Carboplatin and Etoposide, folfox4 or Capecitabine-Oxaliplatin)."
    )
    assert verdict(trial((criterion,)), "treatments", treatments=["capecitabine and temozolomide"]) == DOES_NOT_MATCH


OTHER_SYSTEMIC = (  # NCT01578239
    "Interferons, Everolimus (mTOR-inhibitors) or other systemic therapies within 4 weeks prior to randomization in the "
    "study."
)


@pytest.mark.parametrize(
    "had, expected",
    [
        (["capecitabine and temozolomide"], ASK_TEAM),  # another systemic therapy: lately? the team knows
        (["Whipple", "sunitinib", "lanreotide"], ASK_TEAM),
        (["lanreotide"], MATCHES),  # an SSA, often for symptoms, is not counted among them
        (["lanreotide", "Lutathera"], MATCHES),
    ],
)
def test_or_other_systemic_therapies_within_weeks_takes_every_anticancer_drug(had: list[str], expected: str) -> None:
    assert verdict(trial(exclusion=(OTHER_SYSTEMIC,)), "treatments", treatments=had) == expected


@pytest.mark.parametrize(
    "criterion",
    [
        "Wide field radiotherapy (including therapeutic radioisotopes such as strontium 89) administered ≤28 days or "
        "limited field radiation for palliation ≤7 days prior to Cycle 1 Day 1 or has not recovered from side effects of "
        "such therapy.",  # NCT02859064
    ],
)
def test_therapeutic_radioisotopes_take_prrt(criterion: str) -> None:
    assert verdict(trial(exclusion=(criterion,)), "treatments", treatments=["lanreotide", "Lutathera"]) == ASK_TEAM
    assert (
        verdict(
            trial(exclusion=("Radiation therapy within the last 4 weeks before the start of study therapy.",)),
            "treatments",
            treatments=["Lutathera"],
        )
        == MATCHES
    )  # NCT02067988: PRRT is not "radiation therapy"


def test_targeted_small_molecule_therapy_is_targeted_therapy() -> None:
    criterion = (  # NCT02939651
        "Prior chemotherapy, targeted small molecule therapy, or radiation therapy within 2 weeks (12 weeks for "
        "measurable sites of CNS disease) prior to study Day 1"
    )
    assert verdict(trial(exclusion=(criterion,)), "treatments", treatments=["Whipple", "sunitinib"]) == ASK_TEAM


TREATED_FOR = (  # NCT02264665: the conditions follow on the next lines
    "Patients treated with a targeted therapy (sunitinib, everolimus) or with other treatments (interferon, or metabolic "
    "radiotherapy, or chemotherapy or somatostatin analog)* for:"
)


@pytest.mark.parametrize("had", [["lanreotide"], ["everolimus"], ["cisplatin and etoposide"]])
def test_a_treatment_lead_in_ending_for_is_for_the_team(had: list[str]) -> None:
    assert verdict(trial((TREATED_FOR,)), "treatments", treatments=had) == ASK_TEAM
