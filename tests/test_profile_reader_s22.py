"""Session 22 (issue 15): treatment classes read by their wording, not by the items they came from.

- An operation named as the way a tumour was taken out ("had a lung carcinoid taken out last year with a
  lobectomy, any trials?") is had, whatever request follows in the clause (bot/profile/treatment_roles.py).
- A medicine the person is taking now, told by their own dose ("skip my lanreotide this month") or by how
  it feels ("temozolamide making me sick") is had and under way (bot/profile/treatments.py).
"""

from __future__ import annotations

import pytest

from bot.profile.read import read_message


def had(text: str) -> dict[str, object]:
    return {t.id: t.outcome for t in read_message(text).treatments}


@pytest.mark.parametrize(
    "text",
    [
        "my dad is 66 and had a lung carcinoid taken out last year with a lobectomy, any trials for him?",
        "he had his tumour removed with a whipple, any trials?",
        "she had it removed by surgery, any trials?",
    ],
)
def test_an_operation_named_as_the_way_it_was_taken_out_is_had(text: str) -> None:
    profile = read_message(text)
    assert "surgery" in had(text)
    assert "surgery" not in profile.wants.treatment


@pytest.mark.parametrize(
    "text",
    [
        "could it be removed with surgery? any trials?",
        "surgeon is planning to have it removed with a distal pancreatectomy, any trials?",
    ],
)
def test_an_operation_still_ahead_is_not_had(text: str) -> None:
    assert "surgery" not in had(text)


@pytest.mark.parametrize(
    ("text", "medicine"),
    [
        ("gallium scan tomorrow, do i need to skip my lanreotide this month?", "lanreotide"),
        ("mom's sandostatin shot got moved from the 3rd to the 17th, is 6 weeks between shots ok??", "octreotide"),
        ("temozolamide making me sick as a dog, any tips that actually work", "temozolomide"),
        ("my lanreotide injection hurts, is that normal?", "lanreotide"),
        ("is my octreotide making me tired?", "octreotide"),
    ],
)
def test_a_medicine_taken_now_told_by_the_dose_or_how_it_feels(text: str, medicine: str) -> None:
    assert had(text).get(medicine) == "ongoing"
    assert medicine not in read_message(text).wants.treatment


@pytest.mark.parametrize(
    "text",
    [
        "lanreotide side effects?",
        "does everolimus give you mouth ulcers?",
        "does the jab hurt less if u warm it up first",
        "does the somatuline jab hurt less if you warm it up first?",
    ],
)
def test_a_medicine_asked_about_in_general_is_not_had(text: str) -> None:
    assert not had(text)
