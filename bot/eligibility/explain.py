"""Explanations of the terms in a criterion, for when it is shown in the registry's own words.

When the guards refuse a rewrite, the person reads the original criterion; beneath it, each
glossary term it uses is put in everyday words ("Histologically confirmed: lab-confirmed.")
with the glossary's explanation, if it has one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.eligibility.replacer import Entry, Replacer, explained_as, explanation, plain_for


@lru_cache(maxsize=1)
def _word_rule_keys() -> frozenset[str]:
    from bot.eligibility.phrasing import WORD_RULES

    return frozenset(rule.key for rule in WORD_RULES)


def term_explanations(original: str, replacer: Replacer) -> list[str]:
    """One line per glossary term of `original`: its everyday words, then its explanation."""
    lines: list[str] = []
    given: set[str] = set()  # "ULN" after "upper limit of normal" needs no second gloss
    for entry, match in replacer.matches(original):
        about = explained_as(entry, match.group())
        if entry.key in _word_rule_keys() or about in given:
            continue  # "patients" -> "people" needs no explaining
        given.add(about)
        for line in (_gloss(entry, match.group()), explanation(entry, match.group()) if entry.explain else None):
            if line and line not in lines:
                lines.append(line)
    return lines


def _gloss(entry: Entry, matched: str) -> str | None:
    """ "Histologically confirmed: lab-confirmed." when the everyday words say something new."""
    if "{" in entry.plain.replace("{0}", ""):
        return None  # a pattern rewriting its parts: its words only make sense in the rewrite
    plain = plain_for(entry, matched).replace("{0}", matched)
    if _within(_spelling(matched), _spelling(plain)) or _within(_spelling(plain), _spelling(matched)):
        return None  # "CT" -> "CT scan", "hemoglobin" -> "haemoglobin" add nothing
    return f"{matched[:1].upper() + matched[1:]}: {plain}."


def _within(words: str, text: str) -> bool:
    """`words` in `text` as whole words: "steroids" is not in "corticosteroids", which it explains."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def _spelling(words: str) -> str:
    """Words with British and American spellings made one ("haemoglobin", "tumour")."""
    return words.lower().replace("ae", "e").replace("oe", "e").replace("our", "or")
