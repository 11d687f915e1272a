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


_SPREAD_RULES = frozenset({"spread or grown", "spread or inoperable", "come back or spread", "spread"})


def term_explanations(original: str, replacer: Replacer, glosses: bool = True) -> list[str]:
    """One line per glossary term of `original`: its everyday words (with `glosses`), then its explanation."""
    lines: list[str] = []
    given: set[str] = set()  # "ULN" after "upper limit of normal" needs no second gloss
    for entry, match in replacer.matches(original):
        about = explained_as(entry, match.group())
        if (entry.key in _word_rule_keys() and entry.key not in _SPREAD_RULES) or about in given:
            continue  # "patients" -> "people" needs no explaining
        if " ".join(match.group().lower().split()) in _EVERYDAY_TERMS:
            continue  # "study drug" is a form of "investigational product", and needs no line
        given.add(about)
        explained = explanation(entry, match.group()) if entry.explain else None
        gloss = _gloss(entry, match.group(), replacer) if glosses else None
        if gloss and explained and _within(spelling(_words(match.group())), spelling(_words(explained))):
            gloss = None  # "Glucose is the sugar in the blood." says all "Glucose: blood sugar." would
        for line in (gloss, explained):
            if line and line not in lines:
                lines.append(line)
    return lines


def _gloss(entry: Entry, matched: str, replacer: Replacer) -> str | None:
    """ "Histologically confirmed: lab-confirmed." when the everyday words say something new
    about a word a reader may not know (not "Including: like" or "Prior: past")."""
    if " ".join(matched.lower().split()) in _EVERYDAY_TERMS:
        return None
    if "{" in entry.plain.replace("{0}", ""):  # a pattern rewriting its parts: all the words matched, rewritten
        plain = replacer.rewrite(matched)
    else:
        plain = plain_for(entry, matched).replace("{0}", matched)
    if _within(spelling(matched), spelling(plain)) or _within(spelling(plain), spelling(matched)):
        return None  # "CT" -> "CT scan", "hemoglobin" -> "haemoglobin" add nothing
    if _same_stems(plain, matched):
        return None  # "Platelet: platelets.", "Hormonal: hormone.", "Written informed consent: written consent."
    named = matched.rstrip(",;: ")  # "Ie: that is.", not "Ie,: that is."
    return f"{named[:1].upper() + named[1:]}: {plain}."


# Registry words most readers know, that the glossary swaps only to make a sentence simpler:
# beneath the registry's own words, a line for them would be clutter.
_EVERYDAY = frozenset(
    """including|prior|previous|previously|evidence of
    |received|receive|receiving|requiring|require|requires|required|e.g.|eg,|i.e.|etc.
    |in the opinion of the study doctor|other than|medication|medications|such as|interfere with|currently
    |presence of|within the past|within the last|for example|considered|due to|based on|according to
    |study treatment|study medication|acceptable|suspected|comply with|permitted|additional|duration
    |eligible|provide|for the duration of|opinion|appropriate|preceding|associated with|judged|obtained
    |affect|require|excluding|equivalent|be enrolled|controlled|judgment
    |judgement|specific|clinical study|potentially|potential|similar|study start|study entry|moderate
    |inability to|undergone|consecutive|administration of|administration|assessment|assessments
    |evaluation|diagnosis of|male or female|abnormality|abnormalities|disorder|disorders|demonstrate|demonstrated
    |study drug|study drugs|study treatments|study medications|study medicine|study medicines|study agent|study agents
    |study product|study products|trial drug|trial drugs|trial medication|trial medications|clinical studies
    |bleeding|birth control|fever|heart attack|high blood pressure|shortness of breath|swelling|blood sugar
    |blood clot|supplements|small bowel|consent form|written consent
    |related to|the following|is required|are required|be included|will be included|enter the study
    |entering the study""".split("|")
)

_EVERYDAY_TERMS = frozenset(" ".join(term.split()) for term in _EVERYDAY)


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _same_stems(plain: str, matched: str) -> bool:
    """Every word of the everyday words is a form of a word already there ("platelets" of "platelet")."""
    stems = {w[:5] for w in _words(matched).split()}
    return all(w[:5] in stems for w in _words(plain).split())


def _within(words: str, text: str) -> bool:
    """`words` in `text` as whole words: "steroids" is not in "corticosteroids", which it explains."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def spelling(words: str) -> str:
    """Words with British and American spellings made one ("haemoglobin", "tumour")."""
    return words.lower().replace("ae", "e").replace("oe", "e").replace("our", "or")
