"""The language guard sees a word doubled across a hyphen, as a word swap leaves it ("CT-scan" -> "CT scan-scan")."""

from __future__ import annotations

import pytest

from bot.eligibility.guards import rewrite_problems
from bot.eligibility.guards.language import language_defects


@pytest.mark.parametrize(
    "text, doubled",
    [
        ("At least 10 mm on CT scan-scan or MRI scan.", True),
        ("At least 10 mm on a CT scan or MRI scan.", False),
        ("A well-known drug, a follow-up visit.", False),
    ],
)
def test_a_word_doubled_across_a_hyphen_is_a_defect(text: str, doubled: bool) -> None:
    assert bool(language_defects(text)["doubled word"]) is doubled


def test_the_rewrite_of_a_hyphenated_scan_is_not_doubled() -> None:
    from bot.eligibility.plain import plain_criteria

    item = plain_criteria("Inclusion Criteria:\n- One lesion of at least 10mm for CT-scan or MRI").inclusion[0]
    assert "scan-scan" not in item.plain
    assert rewrite_problems(item.original, item.sentence, item.plain) == [] or item.how == "original"
