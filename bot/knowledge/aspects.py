"""What kind of answer a question asks for (how long, how often, how likely, how it is given, how
it works) and whether a fact gives that kind: "how long does an EUS take?" asks for a time, which "an EUS takes about 30
minutes" gives and "an EUS looks at the pancreas" does not. The question's own words ("long",
"often", "days") say little else, so the fact picker (bot/knowledge/facts.py) scores this
instead, as one more shared word."""

from __future__ import annotations

import re

# Pseudo-words, never typed by anyone, shared by a question and a fact of that kind.
ASPECTS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "@how_long": (
        re.compile(r"\bhow\s+(?:long|soon|quickly)\b|\bhow\s+many\s+(?:minutes|hours|days|weeks|months|years)\b", re.I),
        re.compile(
            r"\b(?:\d+|a|an|one|two|three|four|few|several)\s+(?:to\s+\d+\s+)?"
            r"(?:minutes?|hours?|days?|weeks?|months?|years?)\b|\bhalf an hour\b",
            re.I,
        ),
    ),
    "@how_often": (
        re.compile(r"\bhow\s+often\b|\bhow\s+many\s+times\b|\b(?:which|what)\s+days\b|\bbreaks?\b", re.I),
        re.compile(
            r"\bevery\s+(?:\d+|day|week|month|other)\b|\b(?:once|twice)\b|\bdaily\b|\bdays?\s+\d+\s+to\s+\d+\b"
            r"|\b\d+\s+times\b|\bno\s+breaks?\b|\bcycles?\b",
            re.I,
        ),
    ),
    "@how_likely": (
        re.compile(r"\bhow\s+(?:likely|common|rare|many\s+people)\b|\bchances?\b|\bodds\b|\brisks?\b|\bpercent", re.I),
        re.compile(
            r"\b\d+\s+(?:in|out\s+of)\s+(?:every\s+)?\d+\b|\b(?:of|in)\s+every\s+\d+\b|\d+\s*%|\bmost\s+people\b", re.I
        ),
    ),
    "@how_given": (
        re.compile(r"\bhow\s+(?:is|are)\s+(?:\S+\s+){0,5}?(?:given|taken|injected)\b", re.I),
        re.compile(
            r"\b(?:drip|vein|tablets?|capsules?|by mouth|injections?|injected|under the skin|muscle|swallow\w*"
            r"|infusion|jab)\b",
            re.I,
        ),
    ),
    "@how_it_works": (
        re.compile(r"\bhow\s+(?:does|do)\s+(?:\S+\s+){1,4}?work\b", re.I),
        re.compile(
            r"\b(?:blocks|stops|slows|kills|attaches|sticks\s+to|binds|acts\s+like|copies|brakes"
            r"|signals?|receptors?|cuts\s+off|holds?\s+back)\b",
            re.I,
        ),
    ),
}


def asked_aspects(question: str) -> set[str]:
    return {name for name, (asked, _) in ASPECTS.items() if asked.search(question)}


def given_aspects(fact_text: str) -> set[str]:
    return {name for name, (_, given) in ASPECTS.items() if given.search(fact_text)}
