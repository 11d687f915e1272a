"""Single facts in our own words (data/knowledge/facts.yml), and the one that answers a question.

A topic answer is short (120 words at most), so a question about one exact point ("can I have
PRRT with only one kidney?", "do I fast before the gallium scan?") often gets the topic without
that point. Each fact here comes from one section of ../shared/reference/knowledge-facts.md,
with the everyday words people use for it. `answering_fact` scores every fact by the question's
rarer words it shares (an idf weight, like a search engine's), counting the people's words and
phrases (a few other words may come between a phrase's words; "5-HIAA" and "5hiaa" are one
word), and the words of the sentence that asks above those of the story around it (the story
adds at most as much as the question itself; a short question pointing back, "is that the
jab?", asks about the whole story). Treatments and tests are also found by name
(bot/knowledge/names.py), so a brand or a typo ("Afinitor", "everolimis") reaches the fact the
generic name is in, and a drug's kind ("lanreotide" is an SSA) a fact about the kind. Only
facts that give the kind of answer asked for compete ("how long" wants a time:
bot/knowledge/aspects.py). The best one is returned only when it clearly answers: two or more
shared words (a code such as "T2" counts as two, the kind of a drug named as none), one of them
specific to a few facts (not the topic alone), well ahead of any fact of another topic (a fact of
the topic answer sent with it, asked in its own words, settles a near tie; a fact about the
treatment named has no rival in one about nothing named), asked in its own people's words when
it is of another topic than that answer, and not mostly said by that answer already. A question
about a trial ("would this one rule me out?") gets no general fact.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import yaml

from bot.knowledge.aspects import asked_aspects, given_aspects
from bot.knowledge.names import find_treatments, treatment_ids
from bot.text import is_question, normalize, tokens

FACTS_FILE = Path(__file__).resolve().parents[2] / "data" / "knowledge" / "facts.yml"
# A fact answers when it shares LEAST_SHARED words with the question, one of them specific (in
# few facts: RARE_SHARE of them, or 2), and beats the runner-up by AHEAD (a question every PRRT
# fact half-fits is not answered by any one of them).
LEAST_SHARED = 2
RARE_SHARE = 0.03
AHEAD = 1.25
# A fact of the topic answer sent with it is chosen over a better-scored one of another topic
# when it scores within TOPIC_AHEAD of it: the topic selector read the whole message.
TOPIC_AHEAD = 1.5
# A word of the story around the question counts less than one of the question itself; a
# people's phrase (found with PHRASE_GAP words inserted at most) counts PHRASE.
BACKGROUND = 0.5
PHRASE = 2.0
PHRASE_GAP = 3
# The story's words count at most as much as the question's own (or STORY_ALONE when the
# question shares none): four words of the story do not outweigh the one word asked.
STORY_ALONE = 3.0
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# A question of at most REFERS_AT_MOST words of its own that points back ("is that normal?")
REFERS_AT_MOST = 1
_REFERRING = re.compile(r"\b(?:that|this|it|these|those|them)\b", re.I)
# A fact whose words the topic answer mostly holds already, with no number of its own, is left out
SAID_SHARE = 0.6
# ... unless it adds NEW_WORDS words of its own or more (where on the body, what to change each time)
NEW_WORDS = 4
# A word the question puts beside the one point word a fact shares, in at most MISSED_AT_MOST facts
# and in none of the chosen fact's words (its first PREFIX_KEPT letters: "removal", "removed"),
# says the fact answers a nearby question ("drink alcohol" is not "drink water").
MISSED_AT_MOST = 2
PREFIX_KEPT = 5
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_A_CODE = re.compile(r"[a-z]{1,4}\d{1,3}|\d{1,3}[a-z]{1,4}")

# Words that say nothing about which fact is meant.
_STOP = frozenset(
    """
a about after again all also am an and any anything are as at be been before being but by can
could did do does doing don for from get gets getting go going got had has have having he her
him his how i if im in is it its just like me mum dad my no not now of on or our out she
should so some than that the their them then there they this to too up us was we were what when
where which who why will with would you your yes ok okay please thanks hi hello really still
wife husband son daughter mother father partner mom brother sister grandad nan gran
explain tell meant mean means take part show feel know need want happen thing things actually
exactly confused long lot much many way use used make give gives question net nets tumour tumours
tumor tumors cancer study studies trial trials research pnet pnets day days week weeks month months
year years yr yrs normal re ve ll rather said say says told people only
surgeon surgeons consultant consultants onc oncologist doctor doctors doc gp right taking took taken
wrong paranoid overreacting lazy silly stupid mad crazy
myself yourself himself herself themselves ourselves itself something anything everything someone
anyone shes hes ive youre theyre dont didnt cant wont isnt tbh lol kinda honestly basically maybe
next monday tuesday wednesday thursday friday saturday sunday tonight today tomorrow morning
come comes coming through one between difference english while whilst once twice
""".split()
)
# "what is a pnet?", "can you explain PRRT to me", "tell me about lanreotide": the topic answer is
# the answer; no single fact is its exact point.
_DEFINITION = re.compile(
    r"^\W*(?:\w+\W+){0,4}?what\s+(?:is|are)\s+(?:an?\s+|the\s+)?[\w-]+\W*$|\bexplain\b|\btell\s+me\s+(?:about|what)\b"
    r"|\bwhat\s+(?:an?|the)\s+(?:[\w-]+\s+){1,4}(?:actually\s+|exactly\s+)?(?:is|are)\W*$"
    r"|\bwhat\s+(?:does|do)\s+(?!(?:that|this|it|they)\b)[\w-]+\s+(?:actually\s+)?mean\b|\bwhat\s+is\s+meant\b",
    re.I,
)
_SUFFIXES = ("ing", "ies", "es", "ed", "ly", "s")


@dataclass(frozen=True)
class Fact:
    id: str
    topic: str  # the nearest knowledge topic (data/nlu/knowledge_responses.yml)
    source: str  # the knowledge-facts.md section
    text: str
    words: tuple[str, ...] = ()  # the everyday words and phrases people use for it


def stem(word: str) -> str:
    """A crude stem, enough to match "kidneys" with "kidney" and "fasting" with "fast"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# Everyday ways of saying a symptom, read as the word the facts use ("wiped out all the time": tired)
_LAY_SYMPTOMS = (
    (
        re.compile(
            r"\b(?:wiped\s+out|worn\s+out|shattered|knackered|exhausted|exhaustion|no\s+energy|drained|zonked"
            r"|dead\s+on\s+(?:my|his|her|their)\s+feet)\b",
            re.I,
        ),
        "tired tiredness",
    ),
)


def lay_symptoms(text: str) -> str:
    """The text with everyday words for a symptom put as the facts' word."""
    for pattern, word in _LAY_SYMPTOMS:
        text = pattern.sub(word, text)
    return text


def content_stems(text: str) -> list[str]:
    return [s for s in (stem(w) for w in tokens(text) if w not in _STOP and len(w) > 1) if s not in _STOP]


def _stems_of(words: Iterable[str]) -> list[str]:
    return [s for s in (stem(w) for w in words if w not in _STOP and len(w) > 1) if s not in _STOP]


def named_terms(text: str) -> list[str]:
    """The treatments and tests a text names (bot/knowledge/names.py: brands, lay names), each as
    one term of its own: "#everolimus" for "Afinitor" and "everolimus" alike."""
    return [f"#{m.treatment.id}" for m in find_treatments(text) if not m.guessed]


def name_fallbacks(text: str) -> dict[str, frozenset[str]]:
    """The name terms of a question, each with the words that make it redundant. A name counts
    only where a fact lacks the words typed: "everolimis" or "Afinitor" still reach an everolimus
    fact, and "lanreotide" a fact about SSAs, the kind it belongs to; "everolimus" typed is not
    counted twice in an everolimus fact."""
    fallbacks: dict[str, frozenset[str]] = {}
    for mention in find_treatments(text):
        typed = frozenset(_stems_of(mention.typed.split()))
        own = f"#{mention.treatment.id}"
        fallbacks.setdefault(own, typed)
        for kind in mention.treatment.part_of:
            fallbacks.setdefault(f"#{kind}", typed | {own})
    return fallbacks


# "5-HIAA", "5 hiaa" and "5hiaa"; "Ga-68" and "ga68"; "B12" and "b 12": a short code of letters and
# a number, written apart or together, is one word.
_CODE = re.compile(r"(?=\b([a-z]{1,4}) (\d{1,3})\b)|(?=\b(\d{1,3}) ([a-z]{1,4})\b)")
_NOT_A_CODE = frozenset(
    """a age aged an and are at by cm day days for from g h had has her his hour hr hrs in into is
its kg last less mg ml mm more next of old on only or over per than the to up was week with x year""".split()
)


def joined_codes(text: str) -> list[str]:
    """The codes written apart in the text, joined ("5 hiaa" -> "5hiaa")."""
    joined = []
    for match in _CODE.finditer(normalize(text)):
        letters_first, number, number_first, letters = match.groups()
        word = letters_first or letters
        if word not in _NOT_A_CODE and word not in _STOP:
            joined.append(f"{letters_first}{number}" if letters_first else f"{number_first}{letters}")
    return joined


@dataclass(frozen=True)
class _Indexed:
    fact: Fact
    stems: frozenset[str]
    phrases: tuple[re.Pattern[str], ...]  # people's words of two or more words, a few words apart at most
    phrase_stems: tuple[frozenset[str], ...]  # each phrase's content stems ("how long" has none)
    own_words: frozenset[str]  # the stems of the people's words alone
    gives: frozenset[str]  # the kinds of answer its text gives (bot/knowledge/aspects.py)


@dataclass(frozen=True)
class Match:
    score: float
    shared: int  # words and phrases shared with the question
    specific: bool  # one of them is in few facts
    by_its_words: bool  # the sentence that asks has one of the fact's own people's words
    gives: frozenset[str]  # the kinds of answer the fact gives
    fact: Fact
    about_named: bool = False  # it is about a treatment or test the question names
    about_exact: bool = False  # it names the very treatment or test named, not only the kind it belongs to
    about_another: bool = False  # it names treatments or tests, none of them (or their kind) the one asked about


def _loose(phrase: str) -> re.Pattern[str]:
    """ "how long in hospital" found in "how long will dad be in hospital": each word in order, up
    to PHRASE_GAP other words between two of them."""
    gap = rf"(?: \S+){{0,{PHRASE_GAP}}} "
    return re.compile(r"\b" + gap.join(re.escape(w) for w in phrase.split()) + r"\b")


def sentences(text: str) -> list[str]:
    """The text's sentences (split at end marks and line breaks)."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def asking_sentences(question: str) -> list[str]:
    """The sentences that ask (a question mark, or a question word: bot.text.is_question), or all
    of them when none does, or when they only point back at the story ("is that the jab?", "what
    does that mean?": REFERS_AT_MOST words of their own at most)."""
    told = sentences(question)
    asking = [s for s in told if is_question(s)]
    joined = " ".join(asking)
    if not asking or (_REFERRING.search(joined) and len(set(content_stems(joined))) <= REFERS_AT_MOST):
        return told
    return asking


def weighted_stems(question: str) -> dict[str, float]:
    """Each content stem of the question (and the kind of answer it asks for), weighed 1 in a
    sentence that asks and BACKGROUND in one that tells the story around it."""
    asking = asking_sentences(question)
    weights: dict[str, float] = {}
    for sentence in sentences(question):
        weight = 1.0 if sentence in asking else BACKGROUND
        for s in (
            *content_stems(lay_symptoms(sentence)),
            *name_fallbacks(sentence),
            *joined_codes(sentence),
            *wanted_aspects(sentence),
        ):
            weights[s] = max(weights.get(s, 0.0), weight)
    return weights


@dataclass(frozen=True)
class _Asked:
    """A question, read once: its weighted words, the treatments and tests it names (each with the
    words typed for it, bot/knowledge/names.py), and whether it asks anything beside those names."""

    weights: dict[str, float]
    names: dict[str, frozenset[str]]
    kinds: frozenset[str]  # the names that stand for the kind of a drug named ("#somatostatin_analogue")
    name_words: frozenset[str]
    beside_names: bool  # "can i fly after my gallium scan": "fly"; not "could he have a liver transplant?"
    plain: str
    asking: str

    @classmethod
    def of(cls, question: str) -> _Asked:
        weights = weighted_stems(question)
        names = name_fallbacks(question)
        name_words = frozenset(t for typed in names.values() for t in typed)
        return cls(
            weights,
            names,
            frozenset(name for name, typed in names.items() if any(t.startswith("#") for t in typed)),
            name_words,
            any(w == 1.0 and s[0] not in "#@" and s not in name_words for s, w in weights.items()),
            normalize(question),
            normalize(" ".join(asking_sentences(question))),
        )


def _words(asked: _Asked, entry: _Indexed, shared: set[str], found: list[int]) -> int:
    """How many words and phrases the fact shares with the question. A kind of answer asked is no
    word, nor the kind of a drug named ("lanreotide" is an SSA: that says what it is about, not what
    is asked); a name is one word ("liver embolisation" says which thing, not what is asked about
    it), and a phrase that only names it ("the whipple") none, unless the question asks nothing but
    the name; a code ("T2", "B12") is as telling as two words."""
    groups = [shared & (typed | {name}) for name, typed in asked.names.items() if name not in asked.kinds]
    groups = [g for g in groups if g and (asked.beside_names or len(g) == 1)]
    in_names = set().union(*groups) if groups else set()
    words = len(groups) + sum(
        2 if _A_CODE.fullmatch(s) else 1 for s in shared - asked.kinds - in_names if not s.startswith("@")
    )
    phrases = sum(
        1
        for i in found
        if not asked.beside_names or not entry.phrase_stems[i] or entry.phrase_stems[i] - asked.name_words
    )
    return words + phrases


class FactIndex:
    def __init__(self, facts: Iterable[Fact]) -> None:
        self.entries = [_indexed(f) for f in facts]
        self.counts = Counter(s for e in self.entries for s in e.stems)
        total = max(len(self.entries), 1)
        self.idf = {s: math.log(1 + total / n) for s, n in self.counts.items()}
        self.rare = max(2, int(RARE_SHARE * total))
        self.by_id = {e.fact.id: e for e in self.entries}
        self.asked_for = frozenset(s for e in self.entries for s in e.own_words)

    def scored(self, question: str) -> list[Match]:
        """Every fact sharing a word with the question, best first."""
        asked = _Asked.of(question)
        results = []
        for entry in self.entries:
            shared = asked.weights.keys() & entry.stems
            shared -= {name for name in shared & asked.names.keys() if asked.names[name] & shared}
            found = [i for i, p in enumerate(entry.phrases) if p.search(asked.plain)]
            if not shared and not found:
                continue
            phrases = [entry.phrases[i] for i in found]
            results.append(
                Match(
                    self._score(asked, shared, phrases),
                    _words(asked, entry, shared, found),
                    bool(phrases) or any(self.counts[s] <= self.rare for s in shared),
                    any(p.search(asked.asking) for p in phrases)
                    or any(asked.weights[s] == 1.0 for s in shared & entry.own_words),
                    entry.gives,
                    entry.fact,
                    any(s.startswith("#") for s in shared)
                    or any(
                        s in entry.stems for name, typed in asked.names.items() if name in entry.stems for s in typed
                    ),
                    _about_exact(entry, asked),
                    _about_another(entry, asked),
                )
            )
        return sorted(results, key=lambda m: (-m.score, not m.by_its_words))  # a tie: the one named in its own words

    def _score(self, asked: _Asked, shared: set[str], phrases: list[re.Pattern[str]]) -> float:
        """The idf of the words shared (and PHRASE a phrase), those of the story at BACKGROUND; the
        story adds at most what the question itself shares (or STORY_ALONE when it shares none)."""
        own = sum(self.idf[s] for s in shared if asked.weights[s] == 1.0)
        own += PHRASE * sum(1 for p in phrases if p.search(asked.asking))
        story = sum(self.idf[s] * asked.weights[s] for s in shared if asked.weights[s] < 1.0)
        story += PHRASE * BACKGROUND * sum(1 for p in phrases if not p.search(asked.asking))
        return own + min(story, max(own, STORY_ALONE))

    def answering(self, question: str, already_said: str = "", topic: Optional[str] = None) -> Optional[Fact]:
        return self._chosen(question, already_said, topic)[0]

    def missed_point(self, question: str) -> Optional[str]:
        """The specific word a question asks that its best fact lacks ("alcohol" in "can he drink
        alcohol after PRRT?", where the fact is about drinking water), if that is why no fact answers."""
        return self._chosen(question, "", None)[1]

    def _chosen(self, question: str, already_said: str, topic: Optional[str]) -> tuple[Optional[Fact], Optional[str]]:
        """The fact that answers, or None and the word it would have missed."""
        # "what is X?" is the topic's; "would this one rule me out?" the trial record's: no fact
        if _DEFINITION.search(question) or _ABOUT_A_TRIAL.search(_questions_only(question)):
            return None, None
        # "how long...?" wants a time: only facts that give one (or one of the kinds asked) can answer it
        wanted = wanted_aspects(" ".join(asking_sentences(question)))
        # "will I lose my hair on CAPTEM?" is not answered by a fact about PRRT
        ranked = [m for m in self.scored(question) if (not wanted or wanted & m.gives) and not m.about_another]
        if not ranked:
            return None, None
        # The topic answer sent with it settles a near tie between topics: its own fact, if close
        chosen = next(
            (
                m
                for m in ranked
                if topic and m.fact.topic == topic and m.by_its_words and m.score * TOPIC_AHEAD > ranked[0].score
            ),
            ranked[0],
        )
        fact = chosen.fact
        # a fact about the treatment they name has no rival in one about nothing they named, nor one
        # about its kind only ("is capecitabine a tablet?": CAPTEM's tablets, not how chemo is given)
        rivals = [
            m
            for m in ranked
            if m.fact.topic != fact.topic
            and not _same_subject(m.fact, fact)
            and m.score * AHEAD > chosen.score
            and (m.about_named or not chosen.about_named)
            and (m.about_exact or not chosen.about_exact)
        ]
        if chosen.shared < LEAST_SHARED or not chosen.specific or (rivals and fact.topic != topic):
            return None, None
        # A fact beside the topic answer must be about a thing the person asked in its own words
        if topic and fact.topic != topic and not chosen.by_its_words:
            return None, None
        missed = self._misses_the_point(_Asked.of(question), self.by_id[fact.id])
        if missed:
            return None, missed
        return (None if _said_already(fact, already_said) else fact), None

    def _misses_the_point(self, asked: _Asked, entry: _Indexed) -> Optional[str]:
        """The specific word the question puts beside the one word of its point the fact shares, when
        the fact lacks it: "can he drink alcohol after PRRT?" asks about alcohol, and a fact about
        drinking water answers a nearby question. Specific: a word people use to ask for some fact,
        in MISSED_AT_MOST facts, rarer than the word shared."""
        asked_words = {
            s
            for s, w in asked.weights.items()
            if w == 1.0 and s[0] not in "#@" and s not in asked.name_words and s in self.counts
        }
        matched = asked_words & entry.stems
        if len(matched) != 1:
            return None
        (shared,) = matched
        beside = _beside(asked.asking, shared)
        return next(
            (
                s
                for s in sorted(asked_words - entry.stems)
                if s in beside
                and s in self.asked_for
                and self.counts[s] <= MISSED_AT_MOST
                and self.idf[s] > self.idf[shared]
                and not any(t.startswith(s[:PREFIX_KEPT]) for t in entry.stems)
            ),
            None,
        )


# "how often do people get bad side effects", "how many times did it shrink the tumour": how many people, not
# a schedule
_HOW_OFTEN_PEOPLE = re.compile(
    r"\bhow\s+often\s+(?:do|does|did|will|would|can)\s+(?:people|patients|someone|anyone|they|it)\s+(?:\w+\s+)?"
    r"(?:get|gets|have|has|had|end\s+up|develop|shrink|work|works|help|helps)\b"
    r"|\bhow\s+many\s+times\s+(?:did|does|has|had|it|they)\b",
    re.I,
)


def wanted_aspects(asking: str) -> set[str]:
    """The kinds of answer the question asks for (bot/knowledge/aspects.py); how often people get something is
    how likely it is."""
    wanted = asked_aspects(asking)
    if "@how_often" in wanted and _HOW_OFTEN_PEOPLE.search(asking):
        wanted = (wanted - {"@how_often"}) | {"@how_likely"}
    return wanted


def _beside(text: str, word: str, reach: int = 2) -> set[str]:
    """The stems at most `reach` words either side of where a stem stands in the text."""
    stems = [stem(w) for w in text.split()]
    return {s for i, here in enumerate(stems) if here == word for s in stems[max(0, i - reach) : i + reach + 1]}


def _about_exact(entry: _Indexed, asked: _Asked) -> bool:
    """The fact names a treatment or test the question names itself, not only a kind it belongs to
    (capecitabine asked: a CAPTEM fact naming capecitabine, not a chemotherapy one)."""
    return any(name in entry.stems for name in asked.names.keys() - asked.kinds)


def _about_another(entry: _Indexed, asked: _Asked) -> bool:
    """The fact names treatments or tests and none is the one asked about, nor its kind ("CAPTEM"
    asked, PRRT's fact)."""
    its_names = {s for s in entry.stems if s.startswith("#")}
    return bool(asked.names) and bool(its_names) and not its_names & asked.names.keys()


# A trial named in a fact tells which treatments the fact is about, when its text does not name them
# ("In NETTER-2, ..." is about PRRT): each trial of knowledge-facts.md and the treatments it tested.
_TRIAL_TREATMENTS = (
    (re.compile(r"\bNETTER\b", re.I), ("prrt",)),
    (re.compile(r"\bCOMPETE\b"), ("prrt", "everolimus")),
    (re.compile(r"\bCLARINET\b", re.I), ("lanreotide",)),
    (re.compile(r"\bPROMID\b", re.I), ("octreotide",)),
    (re.compile(r"\bE2211\b", re.I), ("captem",)),
    (re.compile(r"\bSEQTOR\b", re.I), ("streptozocin", "everolimus")),
    (re.compile(r"\bTALENT\b"), ("lenvatinib",)),
    (re.compile(r"\bCABINET\b", re.I), ("cabozantinib",)),
    (re.compile(r"\b(?:DART|NIPINEC)\b"), ("nivolumab", "ipilimumab")),
)


def trial_terms(text: str) -> list[str]:
    """The treatments of the trials a fact names, as name terms ("#prrt" for NETTER-2)."""
    return [f"#{tid}" for pattern, ids in _TRIAL_TREATMENTS if pattern.search(text) for tid in ids]


def _indexed(fact: Fact) -> _Indexed:
    words = " . ".join(fact.words)
    own_words = frozenset((*content_stems(words), *named_terms(words), *joined_codes(words)))
    gives = frozenset(given_aspects(fact.text))
    phrases = [p for p in (normalize(w) for w in fact.words) if " " in p]
    named = (*named_terms(fact.text), *trial_terms(fact.text))
    return _Indexed(
        fact,
        frozenset((*content_stems(fact.text), *named, *joined_codes(fact.text), *own_words, *gives)),
        tuple(_loose(p) for p in phrases),
        tuple(frozenset(content_stems(p)) for p in phrases),
        own_words,
        gives,
    )


# A question about a trial (the one in focus, or joining it), not about a treatment or test. "the
# one loo", "if i join a trial and hate it", "join any trial" are not.
_IF_SOMEONE = "".join(f"(?<!if {who} )" for who in ("i", "we", "he", "she", "you", "they"))
_ABOUT_A_TRIAL = re.compile(
    r"\b(?:this|that)\s+(?:one|trial|study)\b|\bthe\s+one\s*(?:[?.!,]|$)"
    rf"|{_IF_SOMEONE}\bjoin(?:ing)?\b(?!\s+(?:an?|any|trials?|studies)\b)"
    r"|\brules?\s+(?:me|him|her|them|us)\s+out\b",
    re.I,
)


def _questions_only(text: str) -> str:
    """The sentences that ask, without the story ("...when she mentioned this trial. what does that
    mean for captem?" asks about CAPTEM, not the trial); all of it when none asks."""
    return " ".join(s for s in sentences(text) if is_question(s)) or text


def _said_already(fact: Fact, said: str) -> bool:
    """The topic answer sent with it already holds most of the fact's words (SAID_SHARE), every number
    in it, and all but NEW_WORDS of its words: the fact would only say it again."""
    if not said:
        return False
    stems = set(content_stems(fact.text))
    new_numbers = set(_NUMBER.findall(fact.text)) - set(_NUMBER.findall(said))
    new_words = stems - set(content_stems(said))  # "tummy, arm, rotate": the point the answer leaves out
    return (
        bool(stems)
        and not new_numbers
        and len(new_words) < NEW_WORDS
        and len(stems & set(content_stems(said))) >= SAID_SHARE * len(stems)
    )


def read_facts(path: Path = FACTS_FILE) -> list[Fact]:
    """The facts file; an empty list when it is missing or malformed (the topic answers still work)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return []
    facts = []
    for item in data.get("facts") or [] if isinstance(data, dict) else []:
        if isinstance(item, dict) and all(isinstance(item.get(k), str) for k in ("id", "topic", "text")):
            words = tuple(str(w) for w in item.get("words") or [] if isinstance(w, (str, int)))
            facts.append(Fact(item["id"], item["topic"], str(item.get("source") or ""), item["text"].strip(), words))
    return facts


@lru_cache(maxsize=1)
def default_index() -> FactIndex:
    return FactIndex(read_facts())


def answering_fact(question: str, already_said: str = "", topic: Optional[str] = None) -> Optional[Fact]:
    """The one fact that answers the question, if one clearly does and is not already in
    `already_said` (the topic answer sent with it, of knowledge topic `topic`)."""
    return default_index().answering(question or "", already_said, topic)


def missed_point(question: str) -> Optional[str]:
    """The specific word no fact answers though one answers the words around it ("alcohol")."""
    return default_index().missed_point(question or "")


def _same_subject(one: Fact, other: Fact) -> bool:
    """Two facts about the same treatment or test under two topics ("avoid pregnancy during PRRT" among its
    side effects, "a condom after PRRT" under home safety) are no rivals: either speaks to the question."""
    shared = treatments_of(one) & treatments_of(other)
    return bool(shared) and treatments_of(one) == treatments_of(other)


def treatments_of(fact: Fact) -> set[str]:
    """The treatments and tests a fact is about, by its text and topic."""
    return treatment_ids(f"{fact.text} {fact.topic.replace('_', ' ')}")
