"""Where a trial's criteria mention something the person has had or has.

"I've had a stent put in, would that stop me joining this one?", "I had everolimus last year,
does that rule me out?": the answer is not a verdict but the criteria that speak to it, in the
record's own words (a rewrite could change the meaning), or that the record does not mention
it. Treatments are found by their lexicon concept and its broader class (lanreotide also finds
"somatostatin analogue"); other things by their words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, Optional

from bot.eligibility.split import Item, split_criteria
from bot.lexicon import Lexicon, default_lexicon
from bot.profile.treatments import named_ids
from bot.text import normalize
from bot.trials.query import TrialDetail

Section = Literal["inclusion", "exclusion"]
QUOTE_LIMIT = 320  # longer criteria are quoted by the sentence that names the thing

# Words of the question itself, never the thing asked about.
_QUESTION_WORDS = set(
    """
a about after afraid again ago all also am an and any anything are as at back be been before being but by can cant
come could did do does doing dont down each else ever for from get gets getting go going got had has have having he
her him his how i if im in into is it its ive join joining joined just last let like made make me mean mine months
more my need next no not now of off on once one only or other our out over part past put rule ruled s say she since
so some still stop stopped take taking than that the their them then there these they thing this those to too trial
study studies up us was we weeks went were what when where which while who whom why will with would year years yet
you your youre
mum mom dad husband wife son daughter partner nan gran brother sister friend he's she's i've i'm wasn't weren't
think thought worried worry scared please thanks thank know maybe really definitely
cancer tumour tumor tumours tumors disease treatment treatments treated patient patients people person drug drugs
medicine medicines medication hospital doctor doctors onc oncologist team nurse consultant surgeon
count against problem issue okay fine matter time times day days week month yrs lot bit ages since currently
blood part parts
already previously prior earlier recently takes accept accepts accepting allow allows lets include includes
anyone someone somebody anybody
""".split()
)
_WORD = re.compile(r"[a-z][a-z0-9-]{2,}")
# Lay words and the words criteria use for the same thing.
CLINICAL_WORDS = {
    "heart": ("cardiac", "myocardial", "heart"),
    "attack": ("infarction",),
    "stroke": ("cerebrovascular", "stroke"),
    "diabetic": ("diabetes", "diabetic"),
    "diabetes": ("diabetes", "diabetic"),
    "sugar": ("diabetes", "glucose"),
    "kidney": ("renal", "kidney", "creatinine"),
    "kidneys": ("renal", "kidney", "creatinine"),
    "liver": ("hepatic", "liver"),
    "pregnant": ("pregnant", "pregnancy", "childbearing", "child-bearing"),
    "breastfeeding": ("breastfeeding", "breast-feeding", "lactating", "nursing"),
    "pacemaker": ("pacemaker", "device"),
    "hepatitis": ("hepatitis", "hbv", "hcv"),
    "hiv": ("hiv", "immunodeficiency"),
    "thinners": ("anticoagula", "warfarin"),
    "warfarin": ("warfarin", "anticoagula"),
    "yellow": ("jaundice", "bilirubin"),
    "jaundice": ("jaundice", "bilirubin"),
    "fits": ("seizure", "epilep"),
    "epilepsy": ("seizure", "epilep"),
}


@dataclass(frozen=True)
class Mention:
    section: Section
    text: str  # the criterion as written, or its sentence that names the thing


def things_asked_about(text: str, lexicon: Optional[Lexicon] = None) -> tuple[set[str], set[str]]:
    """Treatment tags (with their broader classes) and other content words of a question."""
    lexicon = lexicon or default_lexicon()
    tags: set[str] = set()
    for concept in named_ids(text, lexicon):
        tag = f"treatment:{concept}"
        tags.add(tag)
        tags.update(lexicon.broader(tag))
        group = lexicon.concepts[tag].group if tag in lexicon.concepts else None
        if group:  # lanreotide is a somatostatin analogue: criteria often name only the class
            tags.add(f"treatment:{group}")
    words = {
        w
        for w in _WORD.findall(normalize(text))
        if w not in _QUESTION_WORDS and (len(w) >= 4 or any(c.isdigit() for c in w))
    }
    return tags, words


def _stem(word: str) -> str:
    """Enough of a word to find its family: "diabetic" and "diabetes", "pregnant" and "pregnancy"."""
    return word[:6] if len(word) >= 6 else word[:-1] if word.endswith("s") and len(word) > 4 else word


def _searched(words: set[str]) -> set[str]:
    """The question's words with the criteria's words for the same things."""
    return {_stem(form) for word in words for form in (word, *CLINICAL_WORDS.get(word, ()))}


def _names_it(text: str, tags: set[str], searched: set[str], lexicon: Lexicon) -> bool:
    """`searched`: the question's word stems with the criteria's words for them (`_searched`)."""
    if tags & lexicon.tag_text("treatment", text):
        return True
    own = {_stem(w) for w in _WORD.findall(normalize(text))}
    return bool(searched & own)


def _quote(item: Item, tags: set[str], searched: set[str], lexicon: Lexicon) -> str:
    whole = " ".join(item.original.split())
    if len(whole) <= QUOTE_LIMIT:
        return whole
    sentences = re.split(r"(?<=[.;])\s+", whole)
    naming = [s for s in sentences if _names_it(s, tags, searched, lexicon)]
    return " ".join(naming) if naming and len(" ".join(naming)) <= QUOTE_LIMIT * 2 else whole


def criteria_mentioning(criteria: Optional[str], question: str, lexicon: Optional[Lexicon] = None) -> list[Mention]:
    """The criteria items (inclusion first) that name what the question is about."""
    lexicon = lexicon or default_lexicon()
    tags, words = things_asked_about(question, lexicon)
    if not (tags or words) or not (criteria or "").strip():
        return []
    split = split_criteria(criteria)
    searched = _searched(words)  # once, not per criterion
    found: list[Mention] = []
    for section in ("inclusion", "exclusion"):
        for item in split.section(section):
            if _names_it(item.original, tags, searched, lexicon):
                found.append(Mention(section, _quote(item, tags, searched, lexicon)))
    return found


def asked_thing_words(question: str, lexicon: Optional[Lexicon] = None) -> str:
    """What was asked about, for "The criteria do not mention ...": the treatment's name, else
    the question's own words in quotes ('"stent" or "yellow"')."""
    lexicon = lexicon or default_lexicon()
    named = named_ids(question, lexicon)
    if named:
        return lexicon.plain_name(f"treatment:{named[0]}")
    _, words = things_asked_about(question, lexicon)
    ordered = list(dict.fromkeys(w for w in _WORD.findall(normalize(question)) if w in words))[:3]
    if not ordered:
        return "it"
    return _quoted(ordered)


_RULES_OUT = re.compile(
    r"\b(?:stop|stops|rule|rules|ruled|keep|keeps|prevent|prevents|bar|bars|exclude|excludes|disqualif\w*|count against"
    r"|affect|affects|matter|problem|mean i can'?t|mean he can'?t|mean she can'?t)\b"
    r"|\b(?:come|go|get) off\b[^.?!]{0,40}\b(?:to|for) (?:do|join|get on|be in|go on|take part)\b"
    r"|\bstill (?:join|get on|be in|take part|do)\b|\ballowed (?:on|in|to join)\b"
    # "does the first one take people who had prrt already?", "do they accept anyone on lanreotide"
    r"|\b(?:take|takes|taking|accept|accepts|accepting|allow|allows|let|lets|include|includes|open to|for)\s+(?:in\s+)?"
    r"(?:people|patients|someone|somebody|anyone|anybody|those|men|women|him|her|me|us|them)\s+(?:in\s+)?(?:who|that|with|on|after|if)\b",
    re.I,
)


# Only the words that say "would it keep them out of the trial": "it keeps growing" or "does it
# matter" alone say nothing about joining.
_WOULD_EXCLUDE = re.compile(
    r"\brul(?:e|es|ed|ing)\s+(?:me|him|her|us|them|my\s+\w+)\s+out\b|\bruled\s+out\s+(?:of|from)\b"
    r"|\b(?:stop|stops|prevent|prevents|bar|bars|keep|keeps)\s+(?:me|him|her|us|them|my\s+\w+)\s+(?:from|out|joining|getting|being|taking)\b"
    r"|\bexclud\w*|\bdisqualif\w*|\bcounts?\s+against\b|\bmean\s+(?:i|he|she|we|they)\s+can'?t\b"
    r"|\bstill\s+(?:join|get on|be in|be part|take part|qualify|be eligible)\b|\ballowed\s+(?:on|in|to join)\b",
    re.I,
)


def asks_if_it_would_exclude(text: str) -> bool:
    """The narrow form of asks_if_it_rules_out, for messages not yet known to be questions about
    a trial: "she had PRRT 2 years ago, does that rule her out"."""
    return bool(_WOULD_EXCLUDE.search(text.replace("’", "'")))


def asks_if_it_rules_out(text: str) -> bool:
    """ "Would that stop me joining?", "does that rule me out?", "would I have to come off it
    to do this trial?": a question about the trial's criteria and something the person has."""
    return bool(_RULES_OUT.search(text.replace("’", "'")))


def mentions_text(
    nct_id: str, question: str, mentions: list[Mention], lexicon: Optional[Lexicon] = None, has_criteria: bool = True
) -> str:
    """The criteria that speak to it in the record's words, or that none does; then who can say."""
    if not has_criteria:
        return (
            f"{nct_id}: the record does not include its full list of who can join, so I cannot look up "
            f"{asked_thing_words(question, lexicon)} in it. The trial team can tell you if it affects joining."
        )
    if not mentions:
        return (
            f"{nct_id}: the criteria in the record do not mention {asked_thing_words(question, lexicon)}. "
            "That does not settle it either way: only the trial team can say if it affects joining."
        )
    lines = [f"{nct_id}: here is what the record's criteria say about this, in their own words:"]
    for mention in mentions[:4]:
        label = "Needed to join" if mention.section == "inclusion" else "Not able to join if"
        lines.append(f'- {label}: "{mention.text}"')
    lines.append("Only the trial team can say what this means for you. Your own team can help you ask.")
    return "\n".join(lines)


def criteria_look_up(trial: TrialDetail, question: str) -> str:
    """What the trial's criteria say about the thing the question names, or that they do not;
    when they speak to some of the things asked but not others ("a stent ... when i went
    yellow"), the ones they do not mention are said first."""
    mentions = criteria_mentioning(trial.criteria, question)
    said = mentions_text(trial.nct_id, question, mentions, has_criteria=bool((trial.criteria or "").strip()))
    unmentioned = _unmentioned_words(trial.criteria, question) if mentions else []
    if not unmentioned:
        return said
    head, _, rest = said.partition("\n")
    return (
        f"{trial.nct_id}: the criteria in the record do not mention {_quoted(unmentioned)}. "
        f"What they say about the rest, in their own words:\n{rest}"
    )


def _unmentioned_words(criteria: Optional[str], question: str) -> list[str]:
    """The asked-about words (not treatment names) that no criterion names."""
    _, words = things_asked_about(question)
    ordered = list(dict.fromkeys(w for w in _WORD.findall(normalize(question)) if w in words))
    return [w for w in ordered if not criteria_mentioning(criteria, w)]


def _quoted(words: list[str]) -> str:
    quoted = [f'"{w}"' for w in words[:3]]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
