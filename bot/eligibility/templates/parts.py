"""Regular-expression parts the criterion templates share, and the words they write with."""

from __future__ import annotations

import re
from typing import Callable, Optional

from bot.eligibility import phrasing
from bot.eligibility.explain import term_explanations
from bot.eligibility.glossary import default_replacer
from bot.eligibility.limits import ANY_LIMIT, kind_of
from bot.eligibility.registry_words import swap

NUMBER = r"[0-9]+(?:[.,][0-9]+)*"
LIMIT_WORDS = ANY_LIMIT
# "Patients must have", "Subject has", "Participants with": who the criterion is about
WHO = r"(?:(?:the\s+)?(?:patients?|subjects?|participants?)\s+)"
LEAD = rf"(?:{WHO}?(?:must\s+|should\s+)?(?:have|has|with)\s+)?(?:(?:a|an)\s+)?"
# "(in the opinion of the investigator)": the doctor's view
OPINION = (
    r"(?:,?\s*\(?\s*(?:(?:in\s+the\s+)?(?:opinion|judge?ment)\s+of\s+the\s+(?:treating\s+)?(?:investigator|physician|doctor)"
    r"|(?:per|according\s+to)\s+(?:the\s+)?investigator(?:'s)?(?:\s+(?:opinion|judge?ment|assessment))?"
    r"|as\s+(?:judged|assessed|determined|estimated)\s+by\s+the\s+(?:treating\s+)?(?:investigator|physician))\s*\)?)"
)
OPINION_WORDS = ", in the study doctor's view"
TIME_UNIT = r"(?:years?|months?|weeks?|days?)"
# "within 4 weeks before the first dose", "in the last 6 months": a time limit on what comes before it
WHEN = (
    rf"(?P<within>within|in\s+the\s+(?:last|past|previous)|during\s+the\s+(?:last|past|previous)|within\s+the\s+(?:last|past|previous))\s+(?P<n>{NUMBER})\s*(?P<unit>{TIME_UNIT})"
    r"(?P<before>\s+(?:before|prior\s+to|of|from)\s+[a-z][^;,()]{2,80})?"
)


def when_words(found: re.Match, words: Callable[[str], str]) -> str:
    """A `WHEN` match in plain words, with one space before it: " within 4 weeks before the first dose"."""
    within = " ".join(found.group("within").lower().split())
    return f" {within} {found.group('n')} {found.group('unit')}{words_after(words, found.group('before'))}"


def limit(spelling: str) -> str:
    """Plain words for a registry limit ("≥" -> "at least")."""
    return kind_of(spelling)


def compile_full(pattern: str) -> re.Pattern:
    """A template pattern, matched against the whole criterion (case ignored)."""
    return re.compile(pattern, re.I)


def is_plural(noun_phrase: str) -> bool:
    """ "seizures" is plural, "diabetes", "hypertension" and "illness" are not."""
    last = noun_phrase.strip().split()[-1].lower() if noun_phrase.strip() else ""
    return last.endswith("s") and not last.endswith(("ss", "sis", "us", "ease", "tes", "ies"))


def words_after(words: Callable[[str], str], slot: Optional[str]) -> str:
    """A slot that follows other words ("... test" + " within 7 days"), in everyday words with
    one space before it, or "" for an empty slot."""
    return " " + words(slot.strip()) if slot and slot.strip() else ""


def registry_slot(slot: str) -> tuple[str, str]:
    """A slot in the registry's own words, as the chat shows an item no template fits (symbols in words,
    only the safe swaps of `registry_words`), and the lines explaining its terms, to go after the sentence:
    what a template uses where the glossary's word-for-word swaps could break the sentence ("comply with A
    or with B" -> "follow A or with B")."""
    text = " ".join(swap(phrasing.SYMBOLS(phrasing.literals(" ".join(slot.split())))).split())
    text = _SPACE_BEFORE_CLOSE.sub(r"\1", text)  # "(at least )" from "(>/=)"
    notes = term_explanations(text, default_replacer())
    return text, " ".join(notes)


_SPACE_BEFORE_CLOSE = re.compile(r"\s+([)\]])")


def article(phrase: str) -> str:
    """ "a" or "an" before `phrase`, by its sound: "an infection", "an HIV infection", "a HER2 test", "a uterus"."""
    first = phrase.split(" ", 1)[0] if phrase else ""
    letters = first.rstrip(".,;:()")
    capitals = re.match(r"[A-Z]+", letters)
    if capitals and capitals.group() in _SAID_AS_WORDS:  # "a RECIST", "a NICE", "a SIRT"
        return "an" if capitals.group()[0] in "AEIOU" else "a"
    if len(letters) >= 2 and letters[:2].isupper():  # said letter by letter: "an HIV", "an MRI", "a CT"
        return "an" if letters[0] in "AEFHILMNORSX" else "a"
    if re.match(r"(?:uni|use|usu|uri|ure|uter|uve|eu|one\b|once\b)", first, re.I):
        return "a"
    return "an" if first[:1].lower() in "aeiou" or re.match(r"(?:hour|honest|honou?r|heir)", first, re.I) else "a"


# capitals said as a word, not letter by letter: "a RECIST", "a NICE", "a SIRT", "a CAPTEM"
_SAID_AS_WORDS = frozenset({"RECIST", "NICE", "SIRT", "CAPTEM", "FOLFOX", "FOLFIRI", "FOLFIRINOX", "XELOX", "CAPOX"})


NOTES_AFTER = "\n"  # between a template's sentence and its notes: "hepatitis B or C." must not read as an initial


def with_notes(sentence: str, notes: str) -> str:
    """A template's sentence, ended, with the explanations of its terms after it, on a line of their own (the
    sentence may end in what `split_sentences` reads as an abbreviation: "... hepatitis B or C.")."""
    return f"{sentence}.{NOTES_AFTER}{notes}" if notes else f"{sentence}."
