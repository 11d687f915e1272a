"""A question about one exact point of a named treatment that none of our facts covers: "can I
drive after PRRT?", "does lanreotide make you put on weight?". The topic answer about the
treatment would answer a nearby question instead, so the reply says plainly that what we hold
does not say, gives the treatment's side effects we do hold when the point is a side effect, and
names who can tell. Also "is there anything to stop it coming back?": what we hold (surgery is
the only cure) and that we hold nothing on preventing a return.

A point is held when a word of it (its first letters, so "drive" finds "driving") is in any fact
about the treatment, its kind, or the topics of those facts (data/knowledge/facts.yml): then the
usual fact matching answers it, and nothing here is said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from bot.knowledge.facts import Fact, answering_fact, asking_sentences, content_stems, missed_point, read_facts
from bot.knowledge.names import Mention, find_treatments
from bot.knowledge.treatments import Treatment
from bot.lexicon import default_lexicon
from bot.profile.message import KNOWLEDGE_TOPICS
from bot.text import is_question, normalize

# Words of the question's frame, never its point: "does X make you...", "is it safe to...".
_FRAME = frozenset(
    """join joining joined enrol enroll sign part trial study make made cause caus side effect effects common give ok okay safe alright fine allow allowed possibl still put
    after dur while since whilst gett home back away again straight sooner later soon first
    treatment treat dose doses jab jabs injection injections drip session sessions cycle""".split()
)
PREFIX = 4  # letters that must match for a point word to be held ("driv" in "drive", "driving")
# the prefix alone does not hold "weightgain" (see _PUT_TOGETHER)
# "does lanreotide make you put on weight?", "can octreotide cause weight gain?", "side effect"
_SIDE_EFFECT = re.compile(
    r"\b(?:make|makes|made|making)\s+(?:you|me|him|her|them|us|people|one|u)\b|\bcaus(?:e|es|ed|ing)\b"
    r"|\bside[\s-]?effects?\b|\bgive\s+(?:you|me|him|her|them|u)\b",
    re.I,
)
# "can I drive after PRRT?", "is it ok to fly after my lutathera?", "can I drink tea on lanreotide?": something
# done around a treatment
_ACTIVITY = re.compile(
    r"\b(?:can|could|should|may|might|will|would)\s+(?:i|he|she|we|they|you|u|my\s+\w+)\s+(?:still\s+)?\w+"
    r"[^.?!]{0,40}\b(?:after|during|while|whilst|since|before|on)\b"
    r"|\b(?:is|would|will)\s+it\s+(?:be\s+)?(?:ok|okay|safe|alright|fine|allowed)\s+(?:for\s+\w+(?:\s+\w+)?\s+)?to\b",
    re.I,
)
# "stop it coming back", "prevent the tumour coming back", "the risk of it coming back": not "ulcers
# that keep coming back"
_IT = r"(?:it|them|this|that|(?:the|my|his|her|their)\s+(?:tumou?rs?|cancer|nets?|growths?|disease|spots?))"
# "can she drive tomorrow?", asked after a story that names the treatment
_MAY_THEY = re.compile(
    r"\b(?:can|could|should|may|might)\s+(?:i|he|she|we|they|you|u|my\s+\w+)\s+(?:still\s+)?\w+", re.I
)
_COMES_BACK = re.compile(
    rf"\b(?:stop|stops|prevent|prevents|avoid|reduce|lower|keep|keeps)\s+(?:\w+\s+){{0,3}}?{_IT}\s+(?:from\s+)?"
    r"(?:coming\s+back|come\s+back|returning|recurring|growing\s+back|grow\s+back)\b"
    rf"|\b(?:chances?|risk|odds|likely)\s+(?:\w+\s+){{0,2}}?{_IT}\s+(?:is\s+to\s+|will\s+|to\s+)?(?:coming\s+back|come\s+back|returning|return|recurring|recur)\b"
    r"|\b(?:stop|prevent|reduce)\w*\s+(?:a\s+)?recurrence\b",
    re.I,
)
_WORRIED = re.compile(r"\b(?:be|get|getting|feel)\s+(?:worried|concerned|anxious)\b|\bworry\b", re.I)
WHO_CAN_TELL = "The treatment team or a NET nurse can tell you."
COMES_BACK = (
    "Surgery is the only treatment that can cure a NET. The information I hold does not say how likely a NET "
    "is to come back after treatment, or what can stop it. Your specialist team can tell you what they plan "
    "after treatment, and a NET nurse can help you ask."
)


def asks_what_it_causes(text: str) -> bool:
    """ "does everolimus cause weight gain?", "can lanreotide make you tired": whether a treatment causes something."""
    return bool(_SIDE_EFFECT.search(text or ""))


@dataclass(frozen=True)
class NotHeld:
    """The reply, and the treatment it is about (None for a question of it coming back)."""

    text: str
    treatment: Optional[Treatment]


def not_held(question: str) -> Optional[NotHeld]:
    """The reply for a question whose exact point no fact holds, or None when one may."""
    asking = " ".join(asking_sentences(question or ""))
    if not is_question(asking) or _WORRIED.search(asking):  # "should i be worried" has no point of its own
        return None
    named = [m for m in find_treatments(asking) if not m.guessed]
    if _COMES_BACK.search(asking):  # "...after a liver transplant": a fact of that one holds it
        return None if any(_held({"recurr"}, m.treatment) for m in named) else NotHeld(COMES_BACK, None)
    # "my wife had her 2nd lutathera today, can she drive tomorrow?": the treatment told in the story
    told = named or [m for m in find_treatments(question) if not m.guessed]
    if not told or answering_fact(question) is not None:  # a fact answers it: the usual answer gives it
        return None
    side_effect = bool(_SIDE_EFFECT.search(asking))
    if not side_effect and not _ACTIVITY.search(asking) and not _told_then_asked(asking, told):
        return None
    mention = told[0]
    point = _point(asking, told)
    # "can he drink alcohol after PRRT?": what we hold on drinking is about water, not alcohol
    if not point or (_held(point, mention.treatment) and missed_point(question) is None):
        return None
    # only a yes-or-no question we can put back in its own words ("whether you can drive after PRRT");
    # "what side effects should I look out for?" asks for what the topic answer gives
    whether = whether_clause(asking, mention)
    return NotHeld(_reply(asking, mention, side_effect, whether), mention.treatment) if whether else None


def _told_then_asked(asking: str, told: list[Mention]) -> bool:
    """ "had her 2nd lutathera today, can she drive tomorrow?": the treatment is named before a
    "can she...?" (or in the story before the question)."""
    found = _MAY_THEY.search(asking)
    if found is None:
        return False
    before = len(normalize(asking[: found.start()]).split())
    return all(m.end <= before for m in told) or told[0].typed not in normalize(asking)


def _point(asking: str, named: list[Mention]) -> set[str]:
    """The question's own words, without the treatments' names and the frame around them."""
    names = {w for m in named for w in m.typed.split()}
    kept = " ".join(w for w in _put_together(asking).split() if w not in names)
    return {s for s in content_stems(kept) if s not in _FRAME and len(s) > 2}


def _held(point: set[str], treatment: Treatment) -> bool:
    words = _words_about(treatment.id, treatment.part_of)
    return any(
        s in words or (s not in _JOINED and (s[:PREFIX] in words or (len(s) < PREFIX and _starts_a_word(s, words))))
        for s in point
    )


# What may follow a short point word in a word that holds it: "fly" in "flying", not "tea" in "team"
_ENDINGS = frozenset({"", "s", "es", "ed", "er", "ers", "ing", "ings", "y", "ies"})


def _starts_a_word(short: str, words: frozenset[str]) -> bool:
    """ "fly" held by "flying", "tea" not by "team" nor "teach"."""
    return any(word.startswith(short) and word[len(short) :] in _ENDINGS for word in words)


# "put on weight" is not "weight loss": a change asked in one direction is one word
_PUT_TOGETHER = (
    (
        re.compile(
            r"\b(?:put(?:ting)?\s+on|gain(?:ing|ed)?|pil(?:e|ing)\s+on)\s+(?:\w+\s+)?weight\b|\bweight\s+gain\b"
        ),
        "weightgain",
    ),
    (re.compile(r"\b(?:los(?:e|ing)|lost)\s+(?:\w+\s+)?weight\b|\bweight\s+loss\b"), "weightloss"),
)


_JOINED = frozenset(word for _, word in _PUT_TOGETHER)


def _put_together(text: str) -> str:
    plain = normalize(text)
    for pattern, word in _PUT_TOGETHER:
        plain = pattern.sub(word, plain)
    return plain


@lru_cache(maxsize=64)
def _words_about(treatment_id: str, kinds: tuple[str, ...]) -> frozenset[str]:
    """The first letters of every word of the facts that name a treatment or its kind, or are of
    their knowledge topics."""
    terms = {treatment_id, *kinds}
    topics = {KNOWLEDGE_TOPICS.get(term) for term in terms} - {None}
    pool: list[Fact] = [f for f in read_facts() if f.topic in topics or _names(f) & terms]
    stems = {s for f in pool for s in content_stems(_put_together(f.text + " " + " ".join(f.words)))}
    return frozenset(stems | {s[:PREFIX] for s in stems if s not in _JOINED})


def _names(fact: Fact) -> set[str]:
    return {m.treatment.id for m in find_treatments(fact.text + ". " + ". ".join(fact.words))}


def _reply(asking: str, mention: Mention, side_effect: bool, whether: str) -> str:
    short = mention.treatment.name.split(" (")[0]
    short = short if short.isupper() else short[:1].lower() + short[1:]
    about = "" if whether and mention.typed in normalize(whether) else f" on {short}"
    said = f"The information I hold{about} does not say {whether}."
    if side_effect and mention.treatment.side_effects:
        listed = mention.treatment.side_effects.rstrip(".")
        joined = " " if listed.lower().startswith("usually") else ": "
        said += f" The side effects I hold for {short} are{joined}{listed[:1].lower()}{listed[1:]}."
    return f"{said} {WHO_CAN_TELL}"


_PRONOUNS = {"i": "you", "me": "you", "my": "your", "myself": "yourself", "am": "are", "im": "you're", "u": "you"}
_WHO = r"(?:i|he|she|we|they|you|u|my\s+\w+)"
_MODAL_WHO = re.compile(rf"\b(can|could|should|may|might|will|would)\s+({_WHO})\s+(.+)$", re.I)
_IS_IT = re.compile(
    r"\b(?:is|would|will)\s+it\s+(?:be\s+)?(ok|okay|safe|alright|fine|allowed)\s+((?:for\s+\w+(?:\s+\w+)?\s+)?to\s+.+)$",
    re.I,
)
_DOES_IT = re.compile(r"^(does|do|did|can|could|will|would|might|may)\s+(.+)$", re.I)


def plainly_unheld(question: str) -> Optional[str]:
    """ "Can my wife drink alcohol while on it?" when nothing we hold answers it at all: said plainly,
    with who can tell; None when the question is not a simple yes-or-no one."""
    asking = " ".join(asking_sentences(question or ""))
    if not is_question(asking) or _WORRIED.search(asking) or not _point(asking, []):  # "can I join?"
        return None
    whether = whether_clause(asking, None)
    return f"The information I hold does not say {whether}. {WHO_CAN_TELL}" if whether else None


@lru_cache(maxsize=1)
def _proper_forms() -> dict[str, str]:
    """Treatment names as they are written in a sentence: brands with a capital ("Lutathera"),
    short names in capitals ("PRRT"), from the lexicon."""
    forms: dict[str, str] = {}
    for concept in default_lexicon().concepts.values():
        if concept.kind != "treatment":
            continue
        for brand in concept.brands:
            forms.setdefault(brand, brand[:1].upper() + brand[1:])
        short = concept.name.split(" (")[0]
        if short.isupper() and len(short) > 1:
            forms.setdefault(short.lower(), short)
    return forms


def whether_clause(asking: str, mention: Optional[Mention]) -> Optional[str]:
    """The question asked, put as "whether ...": "can I drive after PRRT" -> "whether you can
    drive after PRRT"; None when its form is not a simple one. Treatment names are written as
    in a sentence ("after his lutathera" -> "after his Lutathera")."""
    clause = _whether(asking, mention)
    return re.sub(r"[a-z][\w-]*", lambda m: _proper_forms().get(m.group(0), m.group(0)), clause) if clause else None


def _whether(asking: str, mention: Optional[Mention]) -> Optional[str]:
    sentence = _last_question(asking)
    found = _MODAL_WHO.search(sentence)
    if found and _starts_a_clause(sentence, found.start()):
        modal, who, rest = found.groups()
        return f"whether {_swap(who)} {modal.lower()} {_swap(rest)}"
    found = _IS_IT.search(sentence)
    if found and _starts_a_clause(sentence, found.start()):
        return f"whether it is {found.group(1).lower()} {_swap(found.group(2))}"
    if mention is None:  # "does it make you tired?" names nothing to put back
        return None
    found = _DOES_IT.match(re.sub(r"^(\w+\s+)it\b", rf"\g<1>{mention.typed}", sentence))  # "could it..."
    if found and normalize(found.group(2)).startswith(mention.typed):
        modal = found.group(1).lower()
        words = found.group(2).split()
        size = len(mention.typed.split())  # "does lanreotide make..." -> "whether lanreotide can make..."
        modal = "can" if modal in ("does", "do", "did") else modal
        return "whether " + _swap(" ".join([*words[:size], modal, *words[size:]]))
    return None


_CLAUSE_OPENING = re.compile(r"(?:^|[,;:\-–]|\b(?:and|but|so|then|now))\s*$", re.I)


def _starts_a_clause(sentence: str, at: int) -> bool:
    """ "..., is it safe to hold my baby tonight", not "what side effects should I look out for"."""
    return bool(_CLAUSE_OPENING.search(sentence[:at]))


def _last_question(text: str) -> str:
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    asked = [s for s in sentences if is_question(s)] or sentences or [""]
    sentence = re.sub(r"^\W*(?:so|and|but|ok|okay|hi|hello|also|just\s+wondering)\b[\s,]*", "", asked[-1], flags=re.I)
    return sentence.rstrip(" ?!.")


def _swap(words: str) -> str:
    return " ".join(_PRONOUNS.get(w.lower(), w) for w in words.split())
