"""The plain "about this trial" lines of the trial view (bot/trials/about.py): built from each
record's own facts, in short sentences a patient can read."""

from __future__ import annotations

import re
from datetime import date

import textstat

from bot.trials.about import about_lines, start_line
from bot.trials.asked_about import aspects_asked
from bot.trials.present import SUMMARY_HINT, contact_text, detail_lines, registry_summary, shown_title
from bot.trials.query import Contact, Design
from bot.trials.store import TrialStore
from tests.conftest import SHIPPED_COUNT
from tests.helpers.trial_detail import trial


def test_every_shipped_trial_gets_plain_about_lines(store: TrialStore) -> None:
    ids = list(store.iter_ids())
    assert len(ids) == SHIPPED_COUNT
    for nct_id in ids:
        trial = store.get(nct_id)
        assert trial is not None
        lines = about_lines(trial)
        assert lines[0].startswith(
            (
                "What it tests:",
                "What it is: a study that follows people",
                "What it compares, in the record's words:",
                "What it is: an expanded access",
            )
        ), nct_id
        for line in lines:
            # Treatment and group names are the record's own (often long drug codes); the rest is ours.
            ours = line
            for name in sorted(
                {i.name.rstrip(".") for i in trial.interventions}
                | {a.label or "" for a in trial.arms}
                | {n.strip() for a in trial.arms for n in re.split(r"[;:]", a.interventions or "")}
                | set(trial.conditions)
                | {(a.description or "").split(". ")[0].rstrip(".") for a in trial.arms},
                key=len,
                reverse=True,
            ):
                ours = ours.replace(name, "it") if name else ours
            assert textstat.flesch_kincaid_grade(ours) <= 8, (nct_id, line)


def test_a_randomised_surgery_trial(store: TrialStore) -> None:
    trial = store.get("NCT07273409")
    assert trial is not None and trial.enrollment
    lines = about_lines(trial)
    assert "What it tests: Debulking surgery (surgery or another procedure)." in lines
    assert any("groups by chance" in line for line in lines)
    assert not any("placebo" in line for line in lines)
    assert f"How many people: about {trial.enrollment:,}." in lines
    started = [line for line in lines if line.startswith("It started ")]
    assert len(started) == 1 and re.fullmatch(r"It started (on \d{1,2}|in) [A-Z][a-z]+ \d{4}\.", started[0]), started


def test_a_radioligand_filed_as_biological_is_not_called_a_medicine_made_from_cells(store: TrialStore) -> None:
    trial = store.get("NCT03457948")
    assert trial is not None
    tests = next(line for line in about_lines(trial) if line.startswith("What it tests"))
    assert "PRRT" in tests and "living cells" not in tests


def test_a_placebo_controlled_phase_3_says_what_phase_3_means(store: TrialStore) -> None:
    trial = store.get("NCT00510068")
    assert trial is not None
    lines = about_lines(trial)
    assert any(line.startswith("What phase 3 means:") and "usual one" in line for line in lines)
    assert any("placebo" in line for line in lines)


def test_the_trial_view_is_ours_and_the_registry_summary_is_whole_on_request(store: TrialStore) -> None:
    trial = store.get("NCT07273409")
    assert trial is not None and trial.summary
    lines = detail_lines(trial)
    assert any(line.startswith("What it tests:") for line in lines)
    assert not any(trial.summary[:60] in line for line in lines)  # not cut into the view
    assert lines[-1] == SUMMARY_HINT and aspects_asked("show the summary") == ["summary"]
    whole = registry_summary(trial)
    assert trial.summary.strip() in whole and whole.startswith("The registry's own summary of NCT07273409")


def test_an_observational_study_says_it_gives_no_treatment_and_procedures_are_not_tested(store: TrialStore) -> None:
    observational = next(t for t in (store.get(i) for i in store.iter_ids()) if (t.study_type or "") == "OBSERVATIONAL")
    assert about_lines(observational)[0] == (
        "What it is: a study that follows people and collects information. It gives no treatment."
    )
    netter2 = store.get("NCT03972488")
    assert about_lines(netter2)[0] == (
        "What it tests: Lutathera and long-acting octreotide, compared with high dose long-acting octreotide."
    )


def test_a_group_given_nothing_extra_is_what_the_treatment_is_compared_with(store: TrialStore) -> None:
    # NCT02687958: everolimus, or a group that is only watched ("Observational", no intervention)
    assert about_lines(store.get("NCT02687958"))[0] == (
        "What it tests: Everolimus, compared with a group given no extra treatment."
    )


def test_an_expanded_access_programme_is_not_called_a_trial(store: TrialStore) -> None:
    line = about_lines(store.get("NCT02705313"))[0]
    assert line.startswith("What it is: an expanded access programme, not a trial.")


def test_a_contact_listed_for_the_trial_and_at_a_site_is_given_once() -> None:
    same = Contact("Lin Shen", None, "+86 10 1", "a@b.cn")
    text = contact_text(
        trial(contacts=(same, Contact("Lin Shen", None, "+86 10 1", "a@b.cn", "Beijing Cancer Hospital")))
    )
    assert text == "Lin Shen at Beijing Cancer Hospital: +86 10 1, a@b.cn."
    assert contact_text(trial(contacts=(same,))) == "Lin Shen: +86 10 1, a@b.cn."


def test_the_trial_views_first_line_has_no_stray_full_stop(store: TrialStore) -> None:
    trial = store.get("NCT05387603")  # "Systemic Targeted Adaptive RadioTherapy of NeuroEndocrine Tumors."
    assert trial is not None and trial.title.endswith(".")
    assert detail_lines(trial)[0].startswith(
        "Systemic Targeted Adaptive RadioTherapy of NeuroEndocrine Tumors (NCT05387603)"
    )


def test_a_trial_the_record_calls_non_randomised_or_without_placebo_gets_no_groups_or_placebo_line() -> None:
    single_arm = trial(summary="A non-randomized, single-arm study with no placebo.")
    coded = trial(summary="Patients are randomised to two doses.", design=Design(allocation="NON_RANDOMIZED"))
    criteria_only = trial(criteria="Participation in a randomised trial in the last 4 weeks.")
    for record in (single_arm, coded, criteria_only):
        lines = " ".join(about_lines(record))
        assert "by chance" not in lines and "placebo" not in lines, lines
    randomised = " ".join(about_lines(trial(summary="Patients are randomly assigned to lanreotide or placebo.")))
    assert "by chance" in randomised and "placebo" in randomised


def test_a_title_in_a_list_has_no_stray_full_stop() -> None:
    assert shown_title("Systemic Targeted Adaptive RadioTherapy of NeuroEndocrine Tumors.", 90).endswith("Tumors")
    assert shown_title("A trial of 177Lu-DOTATATE in grade 1 to 2 NETs (the first of two studies)", 40).endswith("…")


def test_the_start_date_in_words() -> None:
    today = date(2026, 12, 7)
    assert start_line("2020-01-08", today) == "It started on 8 January 2020."
    assert start_line("2001-09", today) == "It started in September 2001."
    assert start_line("2001", today) == "It started in 2001."
    assert start_line("2027-03", today) == "It is due to start in March 2027."
    assert start_line("2027-03-15", today) == "It is due to start on 15 March 2027."
