"""A medicine felt in the person's own body now: taken, and still under way.

"skip my lanreotide this month", "octreatide shot hurts like hell", "afinitor mouth ulcers. anyone else?",
"everolimous making my mouth raw", "does afinitor make ur mouth sore or is that just me": each tells of a dose
the person is having, so the medicine is had and ongoing. "does the jab hurt less if you warm it up?" asks in
general and tells nothing had, as does "everolimus mouth ulcers - how common are they?"; "any trials of lanreotide?" asks for trials of it.

And harm told while still on it ("on everolimus for 8 months now, mouth ulcers and a cough", "rash and mouth
ulcers but I'm hanging in there") is `ongoing`: the outcome `side effects` is for a treatment stopped, or cut
short, because of its harm, or whose harm is told as more than can be borne ("he feels awful on it")
(tests/data/understanding/README.md).
"""

from __future__ import annotations

import re

# The kinds of treatment taken as doses (not an operation, a scan or watching).
TAKEN_GROUPS = frozenset({"chemotherapy", "somatostatin_analogue", "targeted_drug", "immunotherapy"})

_OWN_DOSE_BEFORE = re.compile(
    r"(?:\b(?:my|his|her|their)|\b(?:mum|mom|mam|mother|dad|father|husband|hubby|wife|son|daughter|partner) s)$"
)
_FORM = r"(?:(?:shots?|injections?|jabs?|tablets?|tabs|pills?|capsules?|infusions?)\s+)?"
_SYMPTOMS = (
    r"(?:mouth\s+|skin\s+)?(?:ulcers?|sores?|rash\w*|bruis\w*|lumps?|itch\w*|blisters?|nausea|diarrh\w*|cramps?"
    r"|headaches?|hair loss|swelling)"
)
# How a dose feels, told right after the name by a verb of harm.
_FELT_AFTER = re.compile(
    rf"^{_FORM}(?:(?:is|are|s|keeps?)\s+)?"
    r"(?:making|makes|giving|gives|hurts?|hurting|causing|causes|got moved|is due|wiping|knocking|killing|wrecking)\b"
    # "xermelo not touching the diarrhoea", "diazoxide isn't doing much for the hypos": a dose taken that does little
    r"|^(?:(?:is|s|just|still)\s+)?(?:not|isn t|is not|hardly|barely) (?:touching|helping|doing (?:much|anything|a thing)|shifting|denting)\b"
)
# A symptom named right after the name: felt only when told of someone ("everolimus mouth ulcers on my tongue"),
# of now ("octreotide lumps are huge this month") or with a plea for help ("afinitor mouth ulcers!!! any tips");
# "everolimus mouth ulcers - how common are they?" asks in general.
_SYMPTOM_AFTER = re.compile(rf"^{_FORM}{_SYMPTOMS}\b")
_PERSON = re.compile(r"\b(?:i|i m|im|me|my|mine|he|he s|him|his|she|she s|her|we|our|us)\b")
_HELP = r"(?:any|some) (?:tips|advice|help)"
_NOW_OR_HELP = re.compile(
    r"\b(?:this (?:week|month|time|cycle|round|morning)|today|lately|again|at the moment|right now|is (?:that|this) normal"
    rf"|{_HELP})\b"
)
# "how common are they", "are they common": how often a symptom comes, asked in general
_HOW_OFTEN = re.compile(r"\bhow (?:common|often|likely|many people)\b|\b(?:is|are) (?:it|that|they|this) common\b")
# "does the jab make you ...": a verb of harm in its plain form, which only a question about one's own dose uses
_MAKE_AFTER = re.compile(rf"^{_FORM}(?:make|give|cause)\b")
# "does the jab hurt less if you warm it up?": how a dose feels, asked in general
_ASKED_IN_GENERAL = re.compile(r"\b(?:does|do|did|will|would|can|could|should|might)(?:\s+\w+){0,2}$")
# ... unless the message says it is the writer's own ("or is that just me", "anyone else?", "been on it 8 months")
_OWN_EXPERIENCE = re.compile(
    r"\b(?:just me|only me|is it me|anyone else|any1 else|been on (?:it|them|this)|on (?:it|them) (?:for|since)"
    r"|started (?:it |them )?(?:\d+|a|two|three|four|five|six) (?:days?|wks?|weeks?|months?)|since (?:starting|i started))\b"
)
# Help asked for a dose told of ("afinitor mouth ulcers!!! any tips") is the writer's own; with a question about the
# medicine in general ("does everolimus cause mouth ulcers? any tips", "any tips for starting lanreotide? does it
# make you tired") it may be help for one to come.
_HELP_ASKED = re.compile(rf"\b{_HELP}\b")
_A_QUESTION = re.compile(r"\b(?:does|do|did|can|could|will|would|should|how|why|what|is it|are they|are there)\b")
# Asked for, not felt: "any trials of lanreotide", "looking for everolimus studies"
_ASKED_FOR_BEFORE = re.compile(
    r"\b(?:any|trials?|studies|study|looking for|want|wants|interested in)(?: (?:of|with|on|using|for))?(?:\s+\w+){0,1}$"
)


def told_as_own(plain: str) -> bool:
    """Whether a message (normalised) says the dose it asks about is the writer's own."""
    return bool(_OWN_EXPERIENCE.search(plain) or (_HELP_ASKED.search(plain) and not _A_QUESTION.search(plain)))


def felt_now(before: str, after: str, lead: str, own: bool, trial_words: bool) -> bool:
    """Whether a name's own words tell of a dose the person is having now.

    `before` and `after`: the words either side of the name; `lead`: the few words of its clause
    before it (where a question's "does" would be); `own`: `told_as_own` of the whole message.
    """
    symptom = bool(_SYMPTOM_AFTER.match(after))
    if trial_words and (_ASKED_FOR_BEFORE.search(before) or not (_FELT_AFTER.match(after) or symptom)):
        return False  # "any trials of lanreotide", "lanreotide trials": asked for, not felt
    if _OWN_DOSE_BEFORE.search(before):
        return True
    felt = (
        bool(_FELT_AFTER.match(after))
        or (symptom and _symptom_told(f"{before} {after}", own))
        or (own and bool(_MAKE_AFTER.match(after)))
    )
    return felt and (own or not _ASKED_IN_GENERAL.search(lead))


def _symptom_told(near: str, own: bool) -> bool:
    """Whether a symptom named after a medicine (`near`: the words either side) is told as felt, not asked about."""
    return own or bool(_PERSON.search(near)) or bool(_NOW_OR_HELP.search(near) and not _HOW_OFTEN.search(near))


_STOPPED_OR_CUT = re.compile(
    r"\b(?:stop\w*|came off|come off|coming off|taken off|took (?:him|her|me|them) off|had to|quit|pulled|switch\w*"
    r"|chang\w*|cancell?ed|halted|no more|never again|said no|gave up|give up|discontinu\w*|reduc\w*|lower\w*|cut"
    r"|no longer|not (?:on|taking) (?:it|them) any ?more|paused|on hold|held(?! up)"
    r"|arret\w*|sluta\w*|avbrut\w*|abgesetzt|gestopt|suspend\w*|interromp\w*|quitaron|quito)\b"
)
_STILL_TAKEN = re.compile(
    r"\b(?:been on|is on|s on|m on|am on|re on|still on|still taking|currently|now on|since|for \d+ (?:weeks?|wks?|months?)"
    r" now|hanging in|coping|holding|keeping|(?<!t )tolerat\w*)\b"
)
_ON_IT_BEFORE = re.compile(
    r"\b(?<!was )(?<!were )(?<!be )(?<!been )(?:on|taking|been on|is on|still on|currently on|now on)(?:\s+\w+){0,1}$"
)


# Harm told as more than can be borne ("he feels awful on it", "couldn't tolerate it", "mår så dåligt av det"):
# the treatment's harm is the news, whether or not it has been stopped yet.
_TOO_MUCH = re.compile(
    r"\b(?:feel\w*|felt|mar|ma) (?:so |sa |really |very )?(?:awful|terrible|rough|dreadful|ill|sick|poorly|daligt|illa)"
    r"|\b(?:couldn t|could not|can t|cannot|unable to) (?:tolerate|cope|handle|take)|\btoo (?:ill|sick|toxic|much)\b"
    r"|\bmade (?:him|her|me|them) (?:so |really |very |too )?(?:ill|sick|poorly)|\bintoleran\w*|\ballergic"
    r"|(?<!not )\b(?:unbearabl\w*|intolerable)"
    r"|\bcan (?:barely|hardly) (?:eat|cope|walk|function|move|sleep|swallow|talk|get out)\b"
)


def harm_while_still_on(told: str, before: str, felt: bool) -> bool:
    """Harm told of a treatment still taken (or `felt` now), with nothing told of stopping or cutting it,
    nor told as more than can be borne."""
    if _STOPPED_OR_CUT.search(told) or _STOPPED_OR_CUT.search(before) or _TOO_MUCH.search(told):
        return False
    return felt or bool(_ON_IT_BEFORE.search(before) or _STILL_TAKEN.search(told))
