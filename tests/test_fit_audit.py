"""The wrong-exclusion audit (bot/eligibility/fit_audit.py): every "does not match" on trials
nobody labelled, one finding per criterion with the people it ruled out."""

from __future__ import annotations

import json

from bot.eligibility.fit_audit import FIT, audit, render, unlabelled_trials
from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH
from bot.eligibility.records import TrialRecord

PROFILES = [
    {"id": "young", "age": 12, "treatments": []},
    {"id": "older", "age": 70, "treatments": ["Lutathera"]},
    {"id": "quiet"},
]
TRIAL = TrialRecord(
    "NCT00000000",
    "Inclusion Criteria:\n\n* Age 18 years or older\n\nExclusion Criteria:\n\n"
    "* Peptide receptor radionuclide therapy (PRRT) at any time prior to randomization in the study.",
    None,
    None,
    None,
)


def test_the_labelled_trials_are_left_out() -> None:
    parts = json.loads((FIT / "trials.json").read_text(encoding="utf-8"))
    found = unlabelled_trials()
    assert found and not set(found) & {n for ids in parts.values() for n in ids}


def test_one_finding_per_criterion_with_the_people_it_rules_out() -> None:
    findings = audit(PROFILES, [TRIAL])
    assert {(f.field, f.profile_ids) for f in findings} == {("age", ("young",)), ("treatments", ("older",))}
    asked = audit(PROFILES, [TRIAL], (ASK_TEAM,))
    assert all(f.verdict == ASK_TEAM and "quiet" in f.profile_ids for f in asked)
    line = render(next(f for f in findings if f.field == "treatments"), {p["id"]: p for p in PROFILES})
    assert (
        line.startswith(f"NCT00000000 treatments {DOES_NOT_MATCH}: Peptide receptor")
        and "['Lutathera'] <- older" in line
    )


def test_silence_audit_finds_criteria_the_judge_does_not_read() -> None:
    from bot.eligibility.fit_audit import READ, SILENT, audit_texts, render_silences, silences
    from bot.eligibility.sources import CriteriaText

    text = CriteriaText(
        "NCT00000000",
        "Inclusion Criteria:\n\n* Measurable disease according to RECIST 1.1 criteria\n"
        "* Patients must have unresectable or metastatic disease\n\nExclusion Criteria:\n\n* Pregnancy",
    )
    found = {(u.group, u.how) for u in silences([text])}
    assert ("spread", SILENT) in found and ("spread", READ) in found and ("resectable", READ) in found
    shown = render_silences(silences([text]), 5)
    assert (
        "== spread: 2 criteria speak to it; read 1, unsure 0, silent 1" in shown
        and "measurable disease according to" in shown
    )
    parts = json.loads((FIT / "trials.json").read_text(encoding="utf-8"))
    labelled = {n for ids in parts.values() for n in ids}
    assert not labelled & {t.nct_id for t in audit_texts()}  # the held part is never read


def test_the_coverage_audit_may_read_the_tuned_trials_but_never_the_held() -> None:
    from bot.eligibility.fit_audit import READ, audit_texts, render_readings, silences
    from bot.eligibility.sources import CriteriaText

    parts = json.loads((FIT / "trials.json").read_text(encoding="utf-8"))
    read = {t.nct_id for t in audit_texts(tuned=True)}
    assert set(parts["tune"]) & read and not (set(parts["held"]) | set(parts["held_fresh"])) & read
    text = CriteriaText(
        "NCT00000000", "Inclusion Criteria:\n\n* Unresectable disease\n\nExclusion Criteria:\n\n* Pregnancy"
    )
    found = silences([text])
    assert [u.how for u in found if u.group == "resectable"] == [READ]
    shown = render_readings(found, "resectable", 5, 19)
    assert "Unresectable disease" in shown and "resectable requires flag=False" in shown
