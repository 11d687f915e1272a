"""Listed trials picked by a name rather than by place in the list: "what about the NALIRIFOX one, could he
do that?", "the lutathera ones, would they take her at 84?", "that everolimus trial", "the NEC one", or two
of them for a comparison ("compare the lutetium ones"). The name is a treatment or test the listed trials give (lexicon tags, with the kinds they belong to), a
trial's acronym, or NEC (bot/followups/listed.py); and what the question then asks of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from bot.followups.listed import asks_for_the_nec_one, nec_ones
from bot.knowledge.sides import two_sides
from bot.lexicon import Lexicon, default_lexicon
from bot.trials.asked_about import Aspect, age_asked, aspects_asked
from bot.trials.lookup import name_key
from bot.trials.query import TrialDetail

# "the NALIRIFOX one", "those lutathera ones", "that everolimus trial", "the 177Lu studies"
_NAME_THEN_ONE = re.compile(
    r"\b(?:the|that|those|these|this|any\s+of\s+the)\s+((?:[\w+/.-]+\s+){0,2}?[\w+/.-]+)\s+(ones?|trials?|stud(?:y|ies))\b",
    re.I,
)
# "the one with lutathera", "the ones testing chemo", "the trial of cabozantinib"
_ONE_THEN_NAME = re.compile(
    r"\bthe\s+(ones?|trials?|stud(?:y|ies))\s+(?:with|of|for|testing|using|giving|on)\s+((?:[\w+/.-]+\s*){1,3})",
    re.I,
)
# Words before "one" that pick by something else: place in the list, place on the map, size, newness
_NOT_NAMES = frozenset(
    """
first second third fourth fifth sixth last other same next previous above below top bottom new newer newest
old older latest earlier later big bigger biggest small smaller large larger uk us usa american british english
local nearest closest nearer closer further furthest near far open closed recruiting 1st 2nd 3rd 4th 5th one two
three four five phase 1 2 3 4 i ii iii iv a an this that which each every either any both only main real actual
right best good only better worse other's whole
""".split()
)


# Where a title turns to what people had before ("Progressive After First Line Chemotherapy")
_BEFORE_HAD = re.compile(
    r"\b(?:after|following|post|pretreated|pre-treated|refractory|failure|failing|previously)\b", re.I
)


@dataclass(frozen=True)
class Picked:
    """The name as written and the listed trials it picks (none when no listed trial fits it)."""

    name: str
    trials: tuple[TrialDetail, ...]
    several: bool  # "the ... ones", "those ... trials": more than one was meant


def _gives(trial: TrialDetail, lexicon: Lexicon) -> set[str]:
    """The treatment tags of what the trial gives, with the kinds each belongs to (NALIRIFOX: chemotherapy)."""
    given = [*(i.name for i in trial.interventions), *(n for i in trial.interventions for n in i.other_names)]
    names = [*given, _BEFORE_HAD.split(trial.title)[0]]  # "...Lutetium-177...", not "progressive after chemotherapy"
    tags = {tag for name in names for tag in lexicon.tag_text("treatment", name)}  # each apart: "Capecitabine"
    groups = {f"treatment:{c.group}" for c in map(lexicon.concepts.get, tags) if c is not None and c.group}
    return set(lexicon.expand(tags | groups))


def _named(name: str, lexicon: Lexicon) -> tuple[set[str], str]:
    """The treatment tags a name gives (its words after any not-a-name words) and its acronym key."""
    words = [w for w in name.split() if w.lower() not in _NOT_NAMES]
    if not words:
        return set(), ""
    said = " ".join(words)
    return set(lexicon.resolve("treatment", said)), name_key(said)


def _fits(trial: TrialDetail, tags: set[str], key: str, lexicon: Lexicon) -> bool:
    acronym = name_key(trial.acronym or "")
    if key and acronym and len(key) >= 3 and (acronym == key or acronym.startswith(key)):
        return True  # "the netter one": NETTER-2
    return bool(tags & _gives(trial, lexicon))


def _candidates(text: str) -> list[tuple[str, bool]]:
    """Each name the message picks trials by, with whether it meant more than one."""
    found = [(m.group(1), m.group(2).lower().endswith(("s", "ies"))) for m in _NAME_THEN_ONE.finditer(text)]
    found += [(m.group(2).strip(), m.group(1).lower().endswith(("s", "ies"))) for m in _ONE_THEN_NAME.finditer(text)]
    return found


def picked_from_list(text: Optional[str], listed: Sequence[TrialDetail]) -> Optional[Picked]:
    """The listed trials the message picks by a name; None when it picks none of them ("is the lutathera
    trial randomised?" after a list without one is about our trials of it). "The NEC one" is a Picked even
    when none of the list is made for NECs: the kind was asked for."""
    text = text or ""
    if len(listed) < 2:
        return None
    if asks_for_the_nec_one(text):
        return Picked("NEC", tuple(nec_ones(listed)), several=False)
    lexicon = default_lexicon()
    named_but_not_listed: Optional[Picked] = None
    for name, several in _candidates(text):
        tags, key = _named(name, lexicon)
        if not tags and not key:
            continue
        trials = tuple(t for t in listed if _fits(t, tags, key, lexicon))
        if trials:
            return Picked(name.strip(), trials, several)
        if several and tags and named_but_not_listed is None:
            named_but_not_listed = Picked(name.strip(), (), several)
    # "the lutathera ones, would they take her at 84?" when none of the list gives it: said plainly, not
    # taken for a general question about the treatment
    if named_but_not_listed and (asks_who_can_join(text) or aspects_asked(text)):
        return named_but_not_listed
    return None


# "could he do that?", "would they take her?", "can she join it", "is he able to go on them", "any good for mum?"
_WHO_CAN_JOIN = re.compile(
    r"\b(?:could|can|would|will|might)\s+(?:i|he|she|they|we|my\s+\w+|mum|mom|dad)\s+(?:do|join|get\s+on|go\s+on|"
    r"take\s+part|be\s+(?:able|allowed|accepted|considered|suitable)|qualify|apply|try|sign\s+up)\b"
    r"|\b(?:would|will|could|do|does|might)\s+(?:they|it|that|either|any\s+of\s+them)\s+(?:take|accept|have|want|consider|let)\b"
    r"|\b(?:suitable|right)\s+for\s+(?:him|her|me|us|them|my)\b|\bcould\s+(?:that|it)\s+be\s+(?:for|an\s+option)\b",
    re.I,
)


def asks_who_can_join(text: Optional[str]) -> bool:
    """ "could he do that?", "would they take her at 84?": whether the person could take part."""
    return bool(_WHO_CAN_JOIN.search(text or ""))


def asked_of_picked(text: Optional[str]) -> list[Aspect]:
    """What the question asks of the trials picked: the parts of a trial it names, else their ages when it
    asks if the person could take part at an age ("would they take her at 84?"); [] for none."""
    asked = aspects_asked(text or "")
    if not asked and asks_who_can_join(text) and age_asked(text or "") is not None:
        return ["age"]
    return asked


def picked_heading(picked: Picked, listed: int) -> str:
    """Which of the listed trials were picked by the name, before the answer about each."""
    kind = "made for NECs (neuroendocrine carcinomas)" if picked.name == "NEC" else f"of {picked.name}"
    count = len(picked.trials)
    if count == 0 and picked.name == "NEC":
        return f"None of the {listed} trials I listed is a trial {kind}."
    if count == 0:
        return (
            f"None of the {listed} trials I listed is a trial {kind}. "
            f'To look for trials of it, ask me for "{picked.name} trials".'
        )
    if count == 1:
        return f"Of the {listed} trials I listed, one is a trial {kind}."
    return f"Of the {listed} trials I listed, {count} are trials {kind}:"


_TRIAL_WORDS = re.compile(r"\b(?:trials?|stud(?:y|ies)|ones?)\b", re.I)


def two_picked(
    text: Optional[str], in_view: Sequence[TrialDetail], described: Callable[[str], Optional[str]]
) -> list[str]:
    """Two trials a comparison picks by what they give rather than by number: "compare the lutetium ones"
    (the first two of the trials in view that give it), "the sorafenib one and the SNX-5422 one" or
    "carfilzomib trial vs the ramucirumab one" (a trial for each side: the one in view that gives it, else
    the one stored trial `described` finds for the side's words). [] when it does not pick two."""
    text = text or ""
    sides = two_sides(text)
    if sides is None:
        several = picked_from_list(text, in_view) if len(in_view) > 1 else None
        if several is not None and several.several and len(several.trials) >= 2:
            return [t.nct_id for t in several.trials[:2]]
        return []
    picked: list[str] = []
    for words in (sides.first, sides.second):
        if not _TRIAL_WORDS.search(words):
            return []  # "lanreotide or octreotide": two treatments, not two trials
        one = picked_from_list(f"the {_TRIAL_WORDS.sub(' ', words).strip()} one", in_view) if len(in_view) > 1 else None
        nct_id = one.trials[0].nct_id if one is not None and len(one.trials) == 1 else described(words)
        if nct_id is None:
            return []
        picked.append(nct_id)
    return picked if picked[0] != picked[1] else []
