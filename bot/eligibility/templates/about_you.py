"""A criterion about "the patient", said to "you", the rest in the registry's words: "Patients with active
hepatitis" -> "You have active hepatitis", "Subject has received a live vaccine within 30 days" -> "You have
received a live vaccine within 30 days", "Patients who are receiving warfarin" -> "You are receiving warfarin",
"Must not have had surgery" -> "You do not have had ..." is never written: see `_LEADS`.

The registry's item is often a fragment with no verb ("Patients with ..."): said to "you" it is a whole sentence.
Tried after every other template, for items no family of its own fits. Only the lead changes; the rest is the
registry's words with the safe swaps (`registry_slot`) and its terms explained beneath. Refused when the rest
could not follow "you": a third person in it ("their", "the patient"), a relative clause that may attach to the
person ("who"), a verb of the registry's subject after a "patients with ..." ("... are excluded"), a singular verb
after a singular subject ("Subject has X and is Y"), or an item that goes on in the next one (ending "or").
"""

from __future__ import annotations

import re
from typing import Callable

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import compile_full, registry_slot, with_notes

_ONE = r"(?:patient|subject|participant|individual|person|volunteer)"
_MANY = r"(?:patients|subjects|participants|individuals|people|persons|volunteers)"
# who the registry's subject is: "The patient", "Subjects", "All patients"
_SINGULAR = rf"(?:(?:the|a|any|each)\s+)?{_ONE}"
_PLURAL = rf"(?:(?:the|all|any)\s+)?{_MANY}"

# never in the rest: a third person, a relative clause that may attach to the person, the item going on
_THIRD = (
    r"\b(?:he|she|his|her|hers|him|himself|herself|they|their|theirs|them|themselves|who|whom|whose|whoever|those|anyone|someone"
    r"|patients?|subjects?(?!\s+to\b)|participants?|individuals?|persons?|people|volunteers?|s/he|he/she|his/her)\b"
)
_GOES_ON = (
    r"(?:\b(?:and|or|and/or|nor|with|of|to|the|a|an|for|by|as|e\.g|i\.e|when|if|where|while|because|that|which|whether"
    r"|including|include|includes|such\s+as|as\s+follows|below|defined\s+as|either)|[,(/&-])$"
)
# after "patients with ...": the registry's own verb for its subject ("... are excluded", "... may enter")
_SUBJECT_VERB = (
    r"\b(?:are|is|was|were|will|would|may|might|must|should|shall|can|cannot|could|excluded|eligible|ineligible"
    r"|allowed|permitted|included|enrolled|considered|accepted|qualify|qualifies)\b"
)
# after a singular subject: a verb that could not follow "you"
_SINGULAR_VERB = (
    r"\b(?:is|has|was|does|isn't|hasn't|wasn't|doesn't|agrees|requires|needs|meets|understands|receives|takes|uses"
    r"|lives|plans|wishes|wants|refuses|undergoes|shows|presents|demonstrates|develops|experiences|reports|provides"
    r"|signs|gives|becomes|remains|continues|fulfils|fulfills|satisfies)\b"
)
_REST = r"(?P<rest>[A-Za-z0-9≥≤<>\"'(\[][^;:]{2,200}?)"


_MORE_THAN_ONE_SENTENCE = re.compile(r"[.!?]\s+\S|\betc\b", re.I)
_SEX = re.compile(r"\b(?:male|males|female|females|man|men|woman|women|boys?|girls?)\b", re.I)
_COORDINATED_SINGULAR = re.compile(r"\b(?:or|and|but)\s+(?:is|has|was|does)\b", re.I)
# "Patients who are past recipients of ...": a plural noun after "are" reads wrong after "You are"
_PLURAL_NOUN = re.compile(
    r"^(?:(?:a|an|the|past|current|known|former|active|regular|heavy|previous|prior|potential)\s+)*[a-z\-]+(?<![su'])s\b",
    re.I,
)


def _rest_ok(rest: str, *, relative: bool, singular: bool, are: bool = False) -> bool:
    rest = " ".join(rest.split())
    if _MORE_THAN_ONE_SENTENCE.search(rest) or _SEX.search(rest):
        return False  # a second sentence would be shown beneath as a note; "You have been male" reads wrong
    if _COORDINATED_SINGULAR.search(rest):
        return False  # "Subjects who are taking X, or has been taking X"
    if are and _PLURAL_NOUN.match(rest):
        return False
    if re.search(_THIRD, rest, re.I) or re.search(_GOES_ON, rest, re.I):
        return False
    if relative and re.search(_SUBJECT_VERB, rest, re.I):
        return False
    return not (singular and re.search(_SINGULAR_VERB, rest, re.I))


def follows_you(rest: str) -> bool:
    """Whether the registry's words `rest` read right after a lead said to "you" ("You have a history of ..."),
    by the rules above; for the templates that keep the registry's words after a lead of their own."""
    return _rest_ok(rest, relative=True, singular=True)


def _lower_first(text: str) -> str:
    """ "Known X" mid-sentence is "known X"; "HIV", "Type 2 diabetes" and "American Society of ..." keep theirs."""
    first, *others = text.split(" ", 2)
    proper = bool(others) and others[0][:1].isupper()
    if proper or first[1:2].isupper() or any(ch.isdigit() for ch in first) or "'" in first:
        return text
    return text[:1].lower() + text[1:]


def _writer(lead: str, *, relative: bool, had_when_prior: bool = False) -> Callable[[re.Match, Words], str]:
    def write(found: re.Match, words: Words) -> str:
        singular = found.groupdict().get("many") is None
        are = lead.startswith("You are")
        if not _rest_ok(found.group("rest"), relative=relative, singular=singular, are=are):
            return ""  # refused: no sentence, so this template does not fit
        rest, notes = registry_slot(found.group("rest"))
        said = lead
        if had_when_prior and _PRIOR.match(rest):
            said = "You have had"
        if (
            said in ("You have", "You do not have")
            and _TIME_WINDOW.search(rest)
            and not re.match(_PARTICIPLE, rest, re.I)
        ):
            return ""  # "Have radiation therapy within 14 days before ...": had it, or will have it?
        said, rest = _read_right(said, _lower_first(rest))
        return with_notes(f"{said} {rest}", notes)

    return write


def _read_right(said: str, rest: str) -> tuple[str, str]:
    """ "You have history of asthma" lacks its article; "You have known brain metastases" reads as "have
    known" (a verb): "You have a history of asthma", "You are known to have brain metastases"."""
    if said in ("You have", "You do not have") and re.match(r"history\s+of\b", rest):
        return said, f"a {rest}"
    known = re.match(r"known\s+(?!to\b)", rest)
    if known and said == "You have":
        return "You are known to have", rest[known.end() :]
    if known and said in ("You do not have", "You have not"):
        return "You have no known", rest[known.end() :]
    return said, rest


_TIME_WINDOW = re.compile(r"\b(?:within|prior\s+to|before|in\s+the\s+(?:last|past|previous))\b", re.I)
_PRIOR = re.compile(r"(?:prior|previous|past|recent)\b|\S*(?:ectomy|otomy|ostomy)\b", re.I)


def _subject(kind: str) -> str:
    """A subject of either number; the plural one captured as "many" (its verbs agree with "you")."""
    return rf"(?:(?P<many>{_PLURAL})|{_SINGULAR})" if kind == "any" else _PLURAL if kind == "many" else _SINGULAR


_WHO = _subject("any")
# "must not have used X" is "You have not used X", not "You do not have used X"
_PARTICIPLE = (
    r"(?:(?:ever|previously|already|recently|yet)\s+)?(?:[a-z]+ed|been|had|taken|given|undergone|done|shown|known|seen|gone|begun"
    r"|drunk|eaten|got|gotten|made|won|worn|withdrawn|written|chosen|broken|spent|lost|met|kept|held|left|sought|felt)\b"
)
_LEADS: list[tuple[str, str, bool, bool]] = [
    # (pattern before the rest, what is written, the registry's subject may have a verb after the rest, "had")
    (rf"{_WHO}\s+with\s+", "You have", True, True),
    (rf"{_WHO}\s+without\s+", "You do not have", True, False),
    (rf"{_WHO}\s+who\s+(?:have|has)\s+", "You have", True, False),
    (rf"{_WHO}\s+who\s+(?:are|is)\s+", "You are", True, False),
    (rf"(?:{_WHO}\s+)?(?:must|should|shall)\s+not\s+have\s+(?={_PARTICIPLE})", "You have not", False, False),
    (rf"(?:{_WHO}\s+)?(?:must|should|shall)\s+not\s+have\s+(?!{_PARTICIPLE})", "You do not have", False, False),
    (rf"(?:{_WHO}\s+)?(?:must|should|shall)\s+have\s+", "You have", False, False),
    (rf"(?:{_WHO}\s+)?(?:must|should|shall)\s+not\s+be\s+", "You are not", False, False),
    (rf"(?:{_WHO}\s+)?(?:must|should|shall)\s+be\s+", "You are", False, False),
    (rf"(?:{_WHO}\s+)?(?:has|have)\s+", "You have", False, False),
    (rf"(?:{_WHO}\s+)?(?:is|are)\s+", "You are", False, False),
]

TEMPLATES = [
    Template(
        "about you (the registry's words)",
        compile_full(lead + _REST),
        _writer(written, relative=relative, had_when_prior=had),
    )
    for lead, written, relative, had in _LEADS
]
