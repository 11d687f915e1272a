"""Everything a patient can read in the domain: plain English, verified numbers, no promises."""

from __future__ import annotations

import re
import statistics

import pytest
import textstat
import yaml

from bot.config import DATA_DIR, REPO_ROOT

DOMAIN = yaml.safe_load((REPO_ROOT / "domain.yml").read_text())
RESPONSES = [
    (name, variant["text"])
    for name, variants in DOMAIN["responses"].items()
    for variant in variants
    if variant.get("text")
]
FORBIDDEN = re.compile(r"\byou(?:'re| are)? (?:are )?(?:eligible|qualify)\b|\byou will qualify\b", re.I)


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


@pytest.mark.parametrize("name, text", RESPONSES, ids=[n for n, _ in RESPONSES])
def test_each_response_is_plain_english(name: str, text: str) -> None:
    assert grade(text) <= 8, f"{name}: grade {grade(text)}"
    assert len(text.split()) <= 120


def test_median_grade_is_at_most_six() -> None:
    assert statistics.median(grade(t) for _, t in RESPONSES) <= 6


def test_no_response_tells_anyone_they_are_eligible() -> None:
    assert FORBIDDEN.search("Good news: you are eligible")  # the check itself works
    assert [n for n, t in RESPONSES if FORBIDDEN.search(t)] == []


def test_every_phone_number_shown_is_a_verified_one() -> None:
    verified = (DATA_DIR / "contacts.yml").read_text()
    numbers = {m.strip() for _, t in RESPONSES for m in re.findall(r"(?<![\w-])\d[\d ]{1,14}\d\b(?!%)|\b\d{3}\b", t)}
    phone_like = {n for n in numbers if len(n.replace(" ", "")) >= 3}
    assert phone_like, "expected the helpline number in the responses"
    for number in phone_like:
        assert f'"{number}"' in verified, f"{number} is not a verified number in data/contacts.yml"
