"""One named drug against its kind (bot/eligibility/judge_drugs.py): a criterion naming one drug
asks, never rules out, a person who named only the kind or a close relative, rules out one who
named that drug, and spares one who named only other drugs of the kind. A criterion naming the
kind takes every drug of it. Criteria are real sentences (data/trials/ and the ctgov corpus)."""

from __future__ import annotations

from typing import Any, Optional

import pytest

from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES, judge
from bot.eligibility.judge_drugs import drugs_in, named_in_criterion, unnamed_kinds
from bot.eligibility.person import Person, person_from_json, with_treatment_words
from bot.eligibility.records import TrialRecord
from tests.helpers.judge import trial


def treatments_verdict(record: TrialRecord, had: list[str]) -> Optional[str]:
    return judge(record, person_from_json({"treatments": had})).verdict("treatments")


@pytest.mark.parametrize(
    "criterion, had, expected",
    [
        # one drug named: the kind alone may be it, another drug of the kind is not
        ("Patients previously treated with sunitinib or crizotinib", ["a TKI"], ASK_TEAM),  # ctgov corpus
        ("Patients previously treated with sunitinib or crizotinib", ["cabozantinib"], MATCHES),
        ("Patients previously treated with sunitinib or crizotinib", ["Sutent"], DOES_NOT_MATCH),
        ("Participants who have received a prior cabozantinib.", ["cabozantinib"], DOES_NOT_MATCH),  # NCT04197310
        ("Participants who have received a prior cabozantinib.", ["sunitinib"], MATCHES),
        ("prior temozolomide or dacarbazine", ["CAPTEM"], DOES_NOT_MATCH),  # ctgov corpus: CAPTEM holds temozolomide
        ("prior temozolomide or dacarbazine", ["chemo"], ASK_TEAM),
        ("prior temozolomide or dacarbazine", ["cisplatin and etoposide"], MATCHES),
        (
            "Prior therapy with vinorelbine or an mTor inhibitor",
            ["capecitabine and temozolomide"],
            MATCHES,
        ),  # ctgov corpus
        ("Prior therapy with vinorelbine or an mTor inhibitor", ["everolimus"], DOES_NOT_MATCH),
        ("Prior treatment with RAD001 or sorafenib", ["an mTOR inhibitor"], ASK_TEAM),  # NCT00942682
        ("Prior treatment with RAD001 or sorafenib", ["Afinitor"], DOES_NOT_MATCH),
        # the kind named: every drug of it, however the person named it
        (
            "Prior treatment with any tyrosine kinase inhibitors or anti-VEGF angiogenic inhibitors.",
            ["sunitinib"],
            DOES_NOT_MATCH,
        ),  # NCT01731925
        (
            "Prior therapy with everolimus or other rapamycins (sirolimus, temsirolimus)",
            ["temsirolimus"],
            DOES_NOT_MATCH,
        ),  # NCT00363051
        ("Prior therapy with everolimus or other rapamycins (sirolimus, temsirolimus)", ["the monthly jabs"], MATCHES),
    ],
)
def test_an_exclusion_naming_a_drug_or_its_kind(criterion: str, had: list[str], expected: str) -> None:
    assert treatments_verdict(trial(exclusion=(criterion,)), had) == expected


def test_a_required_drug_by_name() -> None:
    on_octreotide = trial(
        (
            "Patients on Octreotide LAR at a fixed dose of 20 mg or 30 mg at 3-4 weeks intervals for at least 12 "
            "weeks prior to randomization in the study.",
        )
    )  # NCT01578239
    assert treatments_verdict(on_octreotide, ["lanreotide"]) == DOES_NOT_MATCH  # another analogue
    assert treatments_verdict(on_octreotide, ["the monthly jabs"]) == ASK_TEAM  # may be octreotide
    assert treatments_verdict(on_octreotide, ["octreotide"]) == ASK_TEAM  # plain octreotide may be short-acting
    assert treatments_verdict(on_octreotide, []) == DOES_NOT_MATCH
    either = trial(
        ("All patients must have either received prior sunitinib or sorafenib (discontinued for disease progression)",)
    )
    assert treatments_verdict(either, ["a TKI"]) != DOES_NOT_MATCH  # ctgov corpus: the TKI may be one of them


def test_a_relative_drug_is_for_the_team() -> None:
    record = trial(exclusion=("Prior history of 5-FU based or EGFR receptor inhibitor therapy",))  # ctgov corpus
    assert (
        treatments_verdict(record, ["capecitabine and temozolomide"]) == ASK_TEAM
    )  # capecitabine becomes 5-FU in the body
    assert treatments_verdict(record, ["FOLFIRI"]) == DOES_NOT_MATCH
    assert treatments_verdict(record, ["cisplatin and etoposide"]) == MATCHES


def test_what_words_name() -> None:
    assert drugs_in("CAPTEM") == {"capecitabine", "temozolomide"}
    assert drugs_in("carboplatin and etoposide") == {"carboplatin", "etoposide"}
    assert drugs_in("an octreotide scan") == frozenset()  # imaging, not the drug
    assert named_in_criterion("chemotherapy", "Prior chemotherapy with temozolomide") == {
        "temozolomide"
    }  # tied to the drug
    assert named_in_criterion("chemotherapy", "Prior temozolomide-based chemotherapy") == {"temozolomide"}
    assert (
        named_in_criterion("chemotherapy", "Prior cytotoxic chemotherapy (e.g. temozolomide)") == frozenset()
    )  # the kind
    assert named_in_criterion("somatostatin analogue", "somatostatin analogues (octreotide, lanreotide)") == frozenset()
    assert unnamed_kinds(
        [("the monthly jabs", ("somatostatin analogue",)), ("octreotide", ("somatostatin analogue",))]
    ) == {"somatostatin analogue"}


def test_a_person_made_from_kinds_alone_is_asked() -> None:
    """The pre-screen's person knows kinds, not drugs: one drug named is for the team."""
    record = trial(exclusion=("Patients may not have had prior treatment with Temozolomide",))  # ctgov corpus
    kinds_only = Person(treatments=("chemotherapy",))
    assert judge(record, kinds_only).verdict("treatments") == ASK_TEAM
    assert judge(record, Person(treatments=())).verdict("treatments") == MATCHES
    named = with_treatment_words(kinds_only, ["capecitabine_temozolomide"])  # the story search's lexicon ids
    assert judge(record, named).verdict("treatments") == DOES_NOT_MATCH


@pytest.mark.parametrize("said, kind", [("temsirolimus", "everolimus"), ("pasireotide", "somatostatin analogue")])
def test_drugs_the_lexicon_misses_are_read_by_kind(said: str, kind: str) -> None:
    person: Any = person_from_json({"treatments": [said]})
    assert kind in person.treatments and person.kinds_unnamed == frozenset()


def test_a_kind_from_the_story_searchs_lexicon_is_unnamed() -> None:
    """ "somatostatin_analogue" names no drug: which one it was is for the team."""
    on_octreotide = trial(
        (
            "Patients on Octreotide LAR at a fixed dose of 20 mg or 30 mg at 3-4 weeks intervals for at least 12 "
            "weeks prior to randomization in the study.",
        )
    )  # NCT01578239
    ssa = with_treatment_words(Person(treatments=("somatostatin analogue",)), ["somatostatin_analogue"])
    assert judge(on_octreotide, ssa).verdict("treatments") == ASK_TEAM
    lanreotide = with_treatment_words(Person(treatments=("somatostatin analogue",)), ["lanreotide"])
    assert judge(on_octreotide, lanreotide).verdict("treatments") == DOES_NOT_MATCH
