"""The staff page's "copy to send" text: it names what a trial tests even when the record lists
no treatments (from the title), and each part is in sentence case."""

from __future__ import annotations

import dataclasses
import re

from bot.trials.query import Intervention, TrialQuery
from bot.trials.store import TrialStore
from bot.web.copytext import copy_text, what_it_is

NO_INTERVENTIONS = "NCT07279532"  # "Clinical Study of Adjuvant Surufatinib Therapy for ..."


def line(text: str, label: str) -> str:
    return next(part for part in text.splitlines() if part.startswith(label))


def test_a_record_without_an_interventions_list_names_the_drugs_its_title_names(store: TrialStore) -> None:
    trial = store.get(NO_INTERVENTIONS)
    assert trial.interventions == ()
    assert what_it_is(trial).startswith("A phase 2 trial testing surufatinib, for people with")
    chemo = dataclasses.replace(
        trial, title="Testing the Use of Chemotherapy After Surgery for High-Risk Pancreatic NETs"
    )
    assert "testing chemotherapy." in what_it_is(
        dataclasses.replace(chemo, conditions=())
    )  # not "surgery": the setting
    in_order = dataclasses.replace(trial, title="Everolimus With or Without Lanreotide", conditions=())
    assert what_it_is(in_order) == "A phase 2 trial testing everolimus and lanreotide."
    nothing = dataclasses.replace(trial, title="Patient Reported Outcomes in NET", conditions=())
    assert what_it_is(nothing) == "A phase 2 trial."


def test_listed_treatments_come_first_and_in_sentence_case_with_brands_and_symbols_kept(store: TrialStore) -> None:
    trial = dataclasses.replace(
        store.get(NO_INTERVENTIONS),
        conditions=(),
        interventions=(
            Intervention("DRUG", "Pembrolizumab Injection"),
            Intervention("DRUG", "Sandostatin LAR"),
            Intervention("RADIATION", "Lutetium Lu 177 Dotatate"),
        ),
    )
    assert (
        what_it_is(trial, treatments=3)
        == "A phase 2 trial testing pembrolizumab injection and Sandostatin LAR and lutetium Lu 177 dotatate."
    )


def test_every_part_of_every_shipped_trials_text_starts_with_a_capital(store: TrialStore) -> None:
    page = store.search(TrialQuery(status="all", limit=200))
    for summary in page.trials:
        text = copy_text(store.get(summary.nct_id))
        for label in ("What it is: ", "Status: ", "Where: ", "Contact: "):
            value = line(text, label)[len(label) :]
            assert value[:1].isupper() or value[:1].isdigit(), (summary.nct_id, label, value)
        assert not re.search(
            r"\b(?:Everolimus|Pembrolizumab|Cabozantinib|Surufatinib|Capecitabine)\b", line(text, "What it is: ")
        ), summary.nct_id  # generic names are not capitalised
