"""The two guards every rewritten criterion passes, whatever wrote it (a template or the
glossary): it must read as English (`language`) and mean what the registry's words mean
(`meaning`). A rewrite with any problem is not shown.
"""

from __future__ import annotations

from collections import Counter

from bot.eligibility.guards.language import NO_VERB, language_defects, verbless
from bot.eligibility.guards.meaning import meaning_problems


def rewrite_problems(original: str, sentence: str, shown: str) -> list[str]:
    """Problems of one rewrite: `sentence` is the rewritten criterion, `shown` that sentence
    with the explanations added after it. Empty when the rewrite may be shown.

    Meaning is checked on the sentence alone: an explanation's "not" must not hide a lost one.
    A language defect the registry's text has too is not counted against the rewrite; a
    sentence without a verb is looked for in the rewritten sentences, not in the explanations.
    """
    problems = meaning_problems(original, sentence)
    ours = language_defects(shown, verbs=False) + Counter({NO_VERB: verbless(sentence)})
    introduced = ours - language_defects(original)
    return problems + [f"language: {kind}" for kind in sorted(introduced)]
