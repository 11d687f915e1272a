"""Wishes said about a treatment named in an earlier sentence: "they mentioned surgery on the liver.
any trials on that?" wants it; "they want to take most of her pancreas ... anything less
drastic?" and "they offered chemo but she said no" avoid it; "I read about belzutifan. Is there a
trial I could get it on?" wants the one named in passing. A treatment already had never becomes a wish.
"""

from __future__ import annotations

import re
from typing import Iterable

from bot.lexicon import Lexicon
from bot.profile.treatment_names import TESTS_NOT_TREATMENTS, named_ids, treatment_group
from bot.profile.treatment_roles import QUESTION, Mention

TRIAL_REQUEST = re.compile(r"\b(?:trials?|studies|study|research|studie|studier)\b", re.I)

# A trial asked for by pointing back at a treatment named before ("any trials on that?", "a trial she could get it through").
_TRIAL_OF_IT = re.compile(
    r"\b(?:trials?|studies|study|research)\s+(?:of|for|on|with|using|testing|into|about|that uses?)\s+(?:it|that|this|them|those|these)\b"
    r"|\b(?:trials?|study)\b[^.?!]{0,40}\b(?:get|have|try|do|give|getting|having|trying|doing|giving)\s+(?:it|that|this|them)\b"
    r"|\b(?:get|have|try|do)\s+(?:it|that|this|them)\s+(?:on|through|in|inside|within|via|as part of)\s+(?:a\s+)?(?:trial|study)"
    # "is there any trial looking at that?", "a study for this in France": pointing back, then nothing more about it
    r"|\b(?:trials?|studies|study|research)\s+(?:\w+\s+)?(?:looking at|looking into|into|on|about|for|doing|trying|testing|comparing)"
    r"\s+(?:that|this|it)(?=\s*(?:[?.!]|$|(?:in|near|here|anywhere|at|nearby|around)\b))"
    # "anything like that on trial?", "a study doing those scans", "någon studie om det?"
    r"|\b(?:anything|something|one)\s+like\s+(?:that|this|it)\b[^.?!]{0,30}\b(?:trials?|study|studies|research)\b"
    r"|\b(?:trials?|study|studies)\s+(?:doing|giving|offering|trying|using|like)\s+(?:it|that|this|those|these|them)\b"
    r"|\b(?:studie|studier|onderzoek|studien)\s+(?:om|med|kring|naar|met)\s+(?:det|den|dem|dat|het|die)\b|\bstudien?\s+(?:dazu|damit)\b"
)
_AGAIN = re.compile(r"\b(?:again|a second time|second time|another (?:round|course|go)|re ?treat\w*)\b")
_COULD_HAVE_IT = re.compile(
    r"\b(?:could|can|would|might|is|are) (?:he|she|i|we|they|you|my \w+|his \w+|her \w+) (?:be able to |still )?(?:go on|have|get|try|join|do|take part in"
    r"|be in|enter|qualify for|be eligible for|be considered for|apply for) (?:it|that|this|that one|this one|them|those)\b"
)
# A refusal of what was just offered, said in its own clause: "they offered chemo | but she said no".
# Also "but she really doesn't want one at her age", "she doesn't want to be cut", "mais il refuse", "he's not having it".
_REFUSED_IT = re.compile(
    r"^(?:but|and|though|men|aber|maar|mais|pero)?\s*(?:(?:i|he|she|we|they|mum|dad|mam|mom|my \w+|pappa|mamma|papa|mama"
    r"|il|elle|hij|zij|er|sie|han|hon|el|ella)\s+)?(?:(?:has|s|ve|have) )?(?:just |flatly |politely |really |absolutely |definitely |honestly )?"
    r"(?:(?:said|says) no(?=\s*$|\s+(?:to (?:it|that|them)|thanks|thank you|way)\b)|refused|refuses?|(?:is |s |was )?refusing|declined"
    r"|turned (?:it|that|them) down|(?:doesn t|didn t|don t|does not|did not|won t) want (?:it|that|them|one|any of (?:it|that|them)"
    r"|to\s*$|to (?:be (?:cut|operated on|opened up)|have (?:it|one|that|them)))"
    r"|(?:is |s |am |m )?not having (?:it|that|one|them)|(?:vill|will|wil) (?:\w+ )?(?:inte|nicht|niet))\b"
)
# Enough of a treatment named before, had or offered: "she's had 4 lots of prrt. says never again", "I'm not keen".
# "never again" in the languages people write in (normalised text: no accents)
NEVER_AGAIN = (
    r"\b(?:never again|not again|aldrig igen|aldri igjen|nie wieder|nooit meer|plus jamais|jamais plus"
    r"|mai piu|nunca mas|nigdy wiecej)\b"
)
_HAD_ENOUGH_OF_IT = re.compile(
    NEVER_AGAIN + r"|\b(?:done|finished|through) with (?:it|that|them)\b|\bhad enough of (?:it|that|them)\b"
    r"|\b(?:not|never) (?:doing|having|going through) (?:it|that|them) again\b"
    r"|^(?:(?:but|and|though|honestly|frankly|tbh|well|so|to be honest)\s+)?(?:(?:i|he|she|we|they|mum|dad|my \w+)\s+)?"
    r"(?:is |s |am |m |are |re |was )?(?:really |just )?not (?:at all |very |too |so )?keen\b"
)
# Another way preferred to what the doctors propose: "the surgeon wants to operate | but dad prefers to wait".
_PREFERS_OTHER = re.compile(
    r"^(?:but|though|tho|however|men|aber|maar|mais|pero)\s+(?:\w+\s+){0,3}?(?:prefers?|preferred|would prefer|d prefer"
    r"|would rather|d rather|föredrar|foredrar|préfère|prefere|prefiere|bevorzugt)\b(?! not)"
)
# Asking for something other than what the doctors propose ("anything less drastic?", "I'd rather not").
_ALTERNATIVE = re.compile(
    r"\b(?:less (?:drastic|invasive|aggressive|radical|major|extreme|harsh)|gentler|kinder|alternatives? to (?:that|this|it)"
    r"|other than (?:that|this|it)|not (?:that|this) (?:one|route))\b"
)


def pointed_back(
    plain: str, found: list[Mention], mentions: list[Mention], last_named: list[Mention], narrative: bool
) -> list[Mention]:
    """Wishes said about a treatment the doctors proposed earlier: "they mentioned surgery on the liver. any
    trials on that?" wants it; "they want to take most of her pancreas ... is there anything less drastic?"
    avoids it. A treatment already had never becomes a wish."""
    had = {m.id for m in mentions if m.role == "had"}
    if _REFUSED_IT.search(plain) and not found:
        offered = [m.id for m in last_named if m.role == "planned" and m.id not in had]
        return [Mention(i, "avoid") for i in dict.fromkeys(offered)]
    if not found and _HAD_ENOUGH_OF_IT.search(plain):
        told = [m.id for m in last_named if m.role in ("planned", "had")]
        return [Mention(i, "avoid") for i in dict.fromkeys(told)]
    if _PREFERS_OTHER.search(plain):
        offered = [m.id for m in last_named if m.role == "planned" and m.id not in had]
        return [Mention(i, "avoid") for i in dict.fromkeys(offered) if not any(f.id == i for f in found)]
    if _ALTERNATIVE.search(plain) and QUESTION.search(plain):
        planned = [m.id for m in mentions if m.role == "planned" and m.id not in had]
        return [Mention(i, "avoid") for i in dict.fromkeys(planned) if not any(f.id == i for f in found)]
    if _TRIAL_OF_IT.search(plain) and not any(m.role in ("want", "avoid") for m in found):
        # put forward by the doctors, or read about ("I've read about lutathera being used first. A trial doing that?")
        again = _AGAIN.search(plain)  # "a trial of giving it a second time": what they had, once more
        planned = [m.id for m in last_named if m.role in ("planned", "mentioned") and (m.id not in had or again)]
        return [Mention(i, "want") for i in dict.fromkeys(planned)]
    if _COULD_HAVE_IT.search(plain) and not found:  # "I've read about radiotherapy in Utrecht. Could he go on it?"
        named = [m.id for m in last_named if m.role in ("planned", "mentioned") and m.id not in had]
        return [Mention(i, "want") for i in dict.fromkeys(named)]
    return []


_SENTENCE_END = re.compile(r"(?<=[.!?\n])\s+")
# "... a trial I could get it on?", "en studie med det": a trial asked for with a word pointing back
_GET_IT_IN_A_TRIAL = re.compile(
    r"\b(?:get|have|try|take|start|on|of|with|using|testing|med|om|avec|mit|con)\s+(?:it|that|this|them|det|den|ca|lo|la|es|het)\b"
    r"|\b(?:is|are)\s+(?:that|this|the\s+same)\s+(?:trial|study)\b",  # "belzutifan being tested ... is that trial open?"
    re.I,
)
# "trials for teenagers with this", "anyone with it": people with the illness, not a treatment pointed back at
_PEOPLE_WITH_IT = re.compile(
    r"\b(?:teenagers?|teens?|kids?|children|child|adults?|people|patients|someone|anyone|those|ones|women|men|young \w+)"
    r"\s+with\s+(?:this|it|that)\b",
    re.I,
)
_THE_TWO = re.compile(r"\b(?:comparing|compare|compares|between|of|with)\s+(?:the two|both|them both|the pair)\b", re.I)


def named_then_asked_for(plain: str, had: set[str], avoided: Iterable[str], lexicon: Lexicon) -> tuple[str, ...]:
    """ "I read about belzutifan. Is there a trial I could get it on?": the treatment named in passing
    before (not one had or ruled out) is the one the trial is wanted for; "trials comparing the two?"
    wants the last two named."""
    sentences = _SENTENCE_END.split(plain)
    avoided = set(avoided)
    for number, sentence in enumerate(sentences[1:], 1):
        if not TRIAL_REQUEST.search(sentence):
            continue
        before = named_ids(" ".join(sentences[:number]), lexicon)
        if _THE_TWO.search(sentence):
            named = [i for i in before if i not in avoided]
            if len(named) >= 2:
                return tuple(named[-2:])
        if not _GET_IT_IN_A_TRIAL.search(_PEOPLE_WITH_IT.sub(" ", sentence)):
            continue
        earlier = [
            i for i in before if i not in had | avoided and treatment_group(lexicon, i) not in TESTS_NOT_TREATMENTS
        ]
        if earlier and not named_ids(sentence, lexicon):
            return (earlier[-1],)
    return ()
