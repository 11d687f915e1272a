"""Treatments in a message, each read as had (with what happened), wanted, or not wanted.

"he had half his pancreas out and now has the monthly injections, is there anything he could
try next" is surgery (had) and a somatostatin analogue (had, ongoing), and nothing wanted;
"any PRRT trials? not another operation" wants PRRT and avoids surgery. Each mention takes its
role from the words just before it in its sentence, then from the words after it; a mention
with no cue is a wish when the sentence asks for something, else a treatment had.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Optional

from bot.lexicon import Lexicon, default_lexicon
from bot.profile.model import TreatmentHad
from bot.text import normalize

Role = Literal["had", "want", "avoid", "mentioned", "planned", "besides"]  # "planned": offered, suggested or booked, not yet had
_MAX_PHRASE_WORDS = 8
_CONTEXT_WORDS = 7
SURVEILLANCE = "surveillance"

_AVOID_BEFORE = re.compile(  # longer cues first: at one spot the first alternative that fits wins
    r"\b(?P<cue>(?:isn t|is not|not|wasn t|doesn t|don t|didn t|did not|won t|wouldn t|never) (?:keen on|want|like|fancy|interested in)"
    r"|don t want|do not want|didn t want|not interested in|no interest in|not up for|not open to|can t face|couldn t face"
    r"|ruled out|rule out|isn t|aren t|besides"
    r"|doesn t want|does not want|won t have|not keen on|not another|not more|no more|no further|anything but"
    r"|too (?:frail|weak|ill|old|poorly|unwell|sick) for|spares? (?:him|her|me|them) (?:from )?|instead of|rather than"
    r"|other than|apart from|alternatives? to|fed up (?:of|with)|sick of|done with|scared of|refuses?|refused|declined|declining"
    r"|turned down|said no to|saying no to|rather not (?:have|do|go through)|except|avoid (?:the )?(?:side effects?|toxicity) of"
    r"|avoid|avoids|avoiding|without|not|no)\b(?:\s+\w+){0,3}$"
)
_HAD_BEFORE = re.compile(
    r"\b(?P<cue>had|has had|have had|having had|has|having|is on|was on|been on|went on|on|taking|takes|took|taken|receives?|receiving|start(?:ed|ing)?"
    r"|continue|continuing|carry on with|stay on|staying on|far|fatt|fick|har fatt"
    r"|after|since|following|received|receiving|tried|given|finished|stopped|stop|done|did|gets|getting|currently|still"
    r"|course of|cycles? of|rounds? of|doses? of|months of|years of|weeks of|now has|been having|came off|coming off|post)\b(?:\s+\w+){0,3}$"
)
_WANT_BEFORE = re.compile(
    r"\b(?P<cue>any|are there|is there|looking for|look for|find|search(?:ing)? for|want|wants|would like|interested in|keen on"
    r"|could (?:he|she|i|we|they) (?:have|try|get|do|go on)|(?:he|she|i|we|they) (?:could|can|might) (?:have|try|get|go on|be given)"
    r"|anything (?:with|like|using|involving)|particularly|especially|try|options?|consider|eligible for|go on|join|qualify for|offer"
    r"|what about|how about|new|trials? (?:of|with|for|using|on|testing|involving)"
    r"|studies (?:of|with|on)|study (?:of|with|on)|something like|more about|about|uses?|using|involving|through|via)\b(?:\s+\w+){0,3}$"
)
_PLANNED_BEFORE = re.compile(  # offered, suggested, booked: not had, not (yet) asked for
    r"\b(?P<cue>says?|said|mention\w*|suggest\w*|recommend\w*|talked about|talking about|discuss\w*|brought up|said something about|saying|say"
    r"|offer\w*|consider\w*|planning|plan|waiting for|waiting list for|on the list for|referred for|booked (?:in )?for|due to (?:start|have)"
    r"|going to (?:have|start|try)|will (?:have|start)|next (?:step|thing|option|line)(?: is| would be| will be)?|might (?:have|get|need)"
    r"|(?:they|oncologist|onc|doctor|doctors|docs|consultant|surgeon|surgeons|team|specialist|gp|nurse)(?: \w+){0,3} wants? to (?!avoid|stop|skip)\w+(?: (?:him|her|me|them|you|us))?(?: on)?"
    r"|want (?:him|her|me|them) to (?:have|try|start)|waiting on|awaiting|scheduled for|lined up for|refer(?:red|ring)?(?: \w+)? for)\b(?:\s+\w+){0,3}$"
)
_NEUTRAL_BEFORE = re.compile(  # named in passing: read about, asked about, had by someone else
    r"\b(?P<cue>as well as|in addition to|on top of|alongside|info on|information (?:on|about)|tell me about|what is|whats|what s"
    r"|(?:read(?:ing)?|heard|hearing|asking|asked|wondering|know) (?:up )?(?:about|on|into|that)"
    r"|read(?:ing)?|heard|hearing|seen|saw|wants? to know|wondering|asking|explain\w*|what happens (?:after|with|during)|life after"
    r"|recovery (?:after|from)|recovering from"
    r"|should (?:i|he|she|we|they) (?:do|have|go for|take|get|try)|(?:some|other|many|most) (?:people|patients)|others|someone|people)\b(?:\s+\w+){0,3}$"
)
_TRIALS_OF = re.compile(
    r"\b(?:(?:trials?|studies|study)\s+(?:of|with|for|using|on|testing|involving|that uses?)"
    r"|(?:badania|badanie)(?: kliniczne)? z|studier? (?:med|om|av)|ensayos? (?:con|de)|essais? (?:avec|de)|studien? (?:mit|zu))\b(?:\s+\w+){0,2}$")
# "trials after surgery", "a study before PRRT": when, not what, the trial is about.
_TRIAL_TIMING = re.compile(r"\b(?:trials?|studies|study)\s+(?:\w+\s+){0,2}(?:after|following|before|post)$")
_NARRATIVE = re.compile(
    r"\b(?:i|i'm|i've|me|he|she|they|we|my|his|her|our|their|has|had|have|was|were|been|is on|are on"
    r"|(?:first|second|third|1st|2nd|3rd) line|failed|progressed|stopped working|didn't work|done)\b", re.I)  # a story, even without "I"
_JOINERS = {"", "or", "and", "vs", "versus", "or the", "and the", "or a", "with", "plus", "then", "and then", "then the",
            "like", "such as", "e g", "eg", "including", "incl", "especially", "particularly"}
# Joiners after which the two names share one outcome ("carbo and etoposide, which failed"); "X then Y" is
# a sequence, and "liver treatments like SIRT" names one thing twice, so those only share a role.
_OUTCOME_JOINERS = {"", "or", "and", "vs", "versus", "or the", "and the", "or a", "with", "plus"}
# "... something more proactive, like liver surgery": a list after "like" takes its role from further back.
_LIKE_END = re.compile(r"\b(?:like|such as|e g|eg|for example|for instance|including)$")
_TRIAL_NEXT = re.compile(r"(?:clinical\s+|drug\s+)?(?:trials?|studies|study)\b")  # "a PRRT trial"
_WANT_AFTER = re.compile(r"^(?:\w+\s+){0,2}(?:trials?|studies|study|research)\b")
_HAD_AFTER = re.compile(
    r"^(?:(?:19|20)\d{2}\b|x\s?\d+\b|\d+\s?x\b|from the start|first|initially|at first|till|until)"
    r"|^(?:\w+\s+){0,4}?(?:stopped working|didn t work|did not work|not working|no longer working|failed|worked|helped|for \d+ (?:years?|months?|weeks?)"
    r"|since|\d+ (?:cycles?|rounds?|doses?)|cycles?|every \d+ (?:weeks?|days?)|monthly|injections? since|last (?:year|month)|in \d{4}|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*"
    r"|side effects?|made (?:him|her|me|them) (?:ill|sick|poorly)|was (?:stopped|finished)|finished)\b"
)
_DOSE_AFTER = re.compile(  # "lanreotide 120mg", "sandostatin lar 30 mg monthly", "autogel 120 deep sc": a prescription
    r"^(?:\w+\s+){0,1}\d+(?:\s?(?:mg|mcg|micrograms?|units?)\b|\s+(?:deep\s+)?(?:sc|s c|im|subcut\w*)\b)")
# A treatment said to start in the future ("she starts chemo next week", "having the op on friday") is planned, not had.
_FUTURE_TIME = re.compile(
    r"\b(?:next (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|few (?:days|weeks))|tomorrow|soon"
    r"|in (?:a|\d+|two|few|a few|couple of|a couple of) (?:days?|weeks?|months?)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|this (?:coming )?(?:week|month|monday|tuesday|wednesday|thursday|friday)|starts? on|date)\b")
_FUTURE_START = re.compile(r"\b(?:start(?:s|ing)?|begin(?:s|ning)?|having|getting|going on|goes on|due)\b(?:\s+\w+){0,2}$")
_QUESTION = re.compile(
    r"\?|\b(?:any|is there|are there|anything|could|can|would|what|which|where|looking for|find|search|trials?|options?"
    r"|wants? to know|wondering|wonder|(?:do|does|will|can|is|are|would|should) (?:they|it|these|those|you|i|we))\b")

_BEFORE_CUES: tuple[tuple[Role, re.Pattern], ...] = (
    ("avoid", _AVOID_BEFORE), ("planned", _PLANNED_BEFORE), ("mentioned", _NEUTRAL_BEFORE), ("want", _WANT_BEFORE), ("had", _HAD_BEFORE),
)
# Each kind's cue nearest the name (a leading greedy ".*" finds the last one, not the first:
# "could someone explain what the injections are for" is "explain", not "someone").
_LAST_CUES: tuple[tuple[Role, re.Pattern], ...] = tuple((role, re.compile("^.*" + pattern.pattern)) for role, pattern in _BEFORE_CUES)
_FAR_CUES: tuple[tuple[Role, re.Pattern], ...] = tuple(  # the same cues further back, for a list after "like"
    (role, re.compile("^.*" + pattern.pattern.replace(r"(?:\s+\w+){0,3}$", r"(?:\s+\w+){0,9}$"))) for role, pattern in _BEFORE_CUES
)
OUTCOME_CUES: tuple[tuple[str, re.Pattern], ...] = (
    ("ongoing", re.compile(r"\b(?:tolerat\w* (?:it |them )?(?:ok|okay|well|fine|alright)|coping (?:ok|okay|well|fine) with)\b")),
    ("stopped working", re.compile(
        r"\b(?:stopped working|didn t work|did not work|not working|no longer working|failed|progress\w*|grew|grown|growing|growth"
        r"|grow|grows|got bigger|getting bigger|bigger|worse|came back|not helping|stopped helping|stopped controlling"
        r"|vaxer|vaxt|vuxit)\b")),
    ("side effects", re.compile(
        r"\b(?:stopped (?:it |them )?(?:because of|due to)|had to (?:stop|come off)|side effects?|couldn t (?:tolerate|cope|handle)|could not (?:tolerate|cope)|too (?:ill|sick|toxic|much)|made (?:him|her|me|them) (?:ill|sick|poorly|so ill)"
        r"|reaction|toxicity|intoleran\w*|allergic|(?:blood )?counts (?:dropped|fell|were too low|went down)|mouth ulcers|ulcers|sores|too bad)\b")),
    ("stopped", re.compile(
        r"\b(?:finished|completed|stopped|came off|had \d+ (?:cycles?|rounds?|doses?)|\d+ (?:cycles?|rounds?|doses?|sessions?|treatments?)"
        r"|x\s?\d+|\d+\s?x|last (?:one|dose|cycle|round|session|treatment) (?:was )?in"
        r"|used to (?:be on|have|take)|was on)\b")),
    ("ongoing", re.compile(
        r"\b(?:on|taking|currently|still|now has|now on|is on|(?:every|each) \d+ (?:weeks?|days?)|monthly|since|getting|gets|started"
        r"|receives?|receiving|continue|continuing|carry on|carrying on|stay(?:s|ing)? on)\b")),
)
_BACK_REFERENCE = re.compile(r"^\s*(?:it|that|this|which|they|these|the \w+|but|and|then|so)\b|\b(?:it|them)\b")
# "worked for a while", "great until it wasn't": said of the treatment it follows (not carried to the next sentence,
# where "everything has helped for a bit" is no outcome of any one of them).
_WORE_OFF = re.compile(
    r"\b(?:worked|helped|good|great|fine|brilliant|ok|okay|controlled it|kept it (?:stable|under control)) (?:really |very )?(?:well )?"
    r"(?:for (?:about |around |nearly |almost |over |just over |roughly )?(?:a (?:while|bit|time|year|month|year or two|few \w+|couple of \w+)"
    r"|\d+ (?:years?|months?|weeks?)|(?:one|two|three|four|five|six) (?:years?|months?))|at first)"
    r"(?: and)?(?: then)?(?: it)?(?: (?:stopped|stopped working|didn t|wasn t|no longer))?"
    r"|\b(?:worked|helped|good|great|fine|brilliant|ok|okay|stable) until\b|\buntil it (?:wasn t|didn t|stopped|did not|was not)\b")
# Never an outcome of its own: watching is not a drug that can stop working, an operation is not "still on".
_NO_WEAR_OFF = {SURVEILLANCE}
# Surgery told as a story, with no lexicon word for it ("had half his pancreas out").
_SURGERY_STORY = re.compile(
    r"\b(?:had|has|have|having|got|get|getting|take|took|taken|cut|whipped)\s+(?:\w+\s+){0,3}?(?:pancreas|spleen|tumou?r|tail|head|bowel"
    r"|gallbladder|it|lump|bit|appendix|stomach|lung|part|half|bottom|top|end|rest)\s+(?:\w+\s+){0,2}?(?:out|removed|taken out|cut out)\b"
    r"|\b(?:pancreas|spleen|tumou?r|tail|bowel|gallbladder|lump|appendix|stomach|lung)\s+(?:\w+\s+){0,2}?(?:removed|taken out|cut out)\b"
    r"|\b(?:removed|took out|taken out|take out|takes out|take)\s+(?:\w+\s+){0,5}?(?:pancreas|spleen|tumou?r|tail|lump|lung|stomach|bowel|appendix)\b"
    r"|\b(?:been|was|were|got it|had it|have it|getting it|having it|had (?:some|one|them|part of \w+))\s+(?:surgically\s+)?(?:removed|cut out|taken out)\b"
    r"|\b(?:net|tumou?r|lump|mass|polyp|insulinoma|pnet|growth)\b[^.?!]{0,40}\b(?:removed|resected|cut out)\b"
    r"|\b(?:had|has had|(?<!happens )(?<!life )(?<!recovery )(?<!trials )(?<!trial )(?<!studies )(?<!study )after|having had)\s+"
    r"(?:an?\s+|the\s+|his\s+|her\s+|my\s+)?(?:op|operation|surgery|resection|distal|whipple)\b"
    r"|\b(?:want|wants|going|plan\w*|due|about) to (?:cut|operate|op)\b",
    re.I,
)
# Everyday words for a NET's usual treatments that are too loose for the search vocabulary
# ("injection" alone), but in a person's story almost always mean them.
STORY_WORDS = {
    **{w: "somatostatin_analogue" for w in ("jab", "jabs", "the jab", "the jabs", "injection", "injections", "the injection",
                                            "the injections", "shot", "shots", "the shot", "the shots", "monthly", "jabs monthly")},
    **{w: "surgery" for w in ("op", "the op", "an op", "ops", "the knife", "under the knife", "distal panc", "a distal panc")},
    **{w: "prrt" for w in ("the radioactive one", "radioactive one", "radioactive stuff", "the radioactive stuff", "radioactive injection",
                           "radioactive injections", "radioactive infusion", "radioactive therapy", "nuclear treatment")},
    **{w: "surveillance" for w in ("surveillance", "on surveillance", "monitoring", "watch and wait", "wait and watch",
                                   "just watching", "watching it", "watching them", "keeping an eye")},
}
# Short names people use for drugs ("cabo nivo", "carbo etoposide"): names, not story words.
_SHORT_NAMES = {"cabo": "cabozantinib", "carbo": "carboplatin", "ipi": "ipilimumab"}
# A question about a treatment itself, which the knowledge answers cover.
_ABOUT_IT = re.compile(
    r"\bside[\s-]?e(?:f|ff)ects?\b|\brecovery\b|\bsafe\b|\bbetter\b|\bsame as\b|\bdifferent\b|\bhow (?:long|often|much|many|is|does|do)\b"
    r"|\bwhat(?: is|'s|s)\b|\bdose\b|\bdosage\b|\bhair\b|\bulcers?\b|\bmust\b|\bon the nhs\b|\bnhs\b|\blicensed\b|\bcost\b"
    r"|\bwork(?:s|ing)?\b|\bnormal\b|\bvs\b|\bversus\b|\bgood (?:option|idea)\b|\bworth\b|\bexplain\w*\b|\bwhat (?:are|is|were|was) (?:the |they |it )?\w*\s?for\b"
    r"|\bwhat happens\b|\brecover\w*\b|\bkidneys?\b|\bhow (?:long|many)\b|\bmake (?:you|u|me|him|her|them|people) (?:sick|ill|tired|poorly)\b"
    r"|\bnause\w*|\bpainful\b|\bhurt\b",
    re.I,
)
_TRIAL_WORDS = re.compile(r"\b(?:trials?|studies|study|research|studie|studier|badania|badanie|ensayos?|essais?|studien)\b", re.I)
_ALL_OF_THEM = re.compile(r"\b(?:both|all of them|all three|neither|none of them)\b")
_PLANNED = re.compile(r"\b(?:due to|going to|will|plan\w*|want(?:s)? to|booked|waiting (?:for|to)|might|may need|should)\b", re.I)
_UMBRELLAS = {"targeted_therapy", "liver_directed_therapy"}  # group-wide names whose id is not the group's
_OUTCOME_WORDS = 20  # how far after a name its outcome may be told
_CLAUSE_WORDS = {"and", "then", "now", "but", "before", "after", "followed", "switched", "moved", "so", "next", "later"}
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\s[-\u2013\u2014]+\s")
_SINGULAR = re.compile(r"^(?:\w+\s+){0,2}?(?:it|it s)\b(?!.*\b(?:both|them|they|all)\b)")
_PROPOSED = re.compile(r"\b(?:suggest\w*|offer\w*|mention\w*|recommend\w*|consider\w*|discuss\w*|talk\w* about)\b(?:\s+\w+){0,3}$")
_IF = re.compile(r"\b(?:if|whether|in case|unless|chances?|risk|might|may|could|would)\b")
_ASKING = {"what", "how", "is", "are", "can", "could", "do", "does", "where", "when", "which", "would", "will", "should", "whats"}
_TOPIC_CUE = re.compile(r"\b(?:know|hear|learn|read(?:ing)?|info|information|tell me) (?:more )?(?:about|on)\b(?:\s+\w+){0,3}$")
_HEDGE = re.compile(r"\b(?:might|may|could|possibly|perhaps|probably|maybe) not\b")
_DONE = re.compile(r"^(?:\w+\s+){0,2}?done\b(?!\s+(?:by|at|on|every|monthly|today|well|ok|okay|fine|great))")
_DESCRIBES_A_TEST = re.compile(r"^(?:biopsy|biopsies|scan|scans|mri|ct|lesions?|spots?|mets|tumou?rs?|function|tests?|results|bloods|enzymes|ultrasound)$")
_ORGAN_LAST = re.compile(r"\b(?:liver|pancreas|lung|lungs|kidney|kidneys|bowel)$")
# A trial asked for by pointing back at a treatment named before ("any trials on that?", "a trial she could get it through").
_TRIAL_OF_IT = re.compile(
    r"\b(?:trials?|studies|study|research)\s+(?:of|for|on|with|using|testing|into|about|that uses?)\s+(?:it|that|this|them|those|these)\b"
    r"|\b(?:trials?|study)\b[^.?!]{0,40}\b(?:get|have|try|do|give)\s+(?:it|that|this|them)\b"
    r"|\b(?:get|have|try|do)\s+(?:it|that|this|them)\s+(?:on|through|in|via|as part of)\s+(?:a\s+)?(?:trial|study)")
# Asking for something other than what the doctors propose ("anything less drastic?", "I'd rather not").
_ALTERNATIVE = re.compile(
    r"\b(?:less (?:drastic|invasive|aggressive|radical|major|extreme|harsh)|gentler|kinder|alternatives? to (?:that|this|it)"
    r"|other than (?:that|this|it)|not (?:that|this) (?:one|route))\b")
_SENTENCE = re.compile(r"(?<=[.!?;\n])\s*|(?<!\s)\s+(?=but\b)", re.I)  # (?<!\s): linear on long runs of spaces


@dataclass(frozen=True)
class Mention:
    id: str
    role: Role
    outcome: Optional[str] = None


@dataclass(frozen=True)
class TreatmentReading:
    had: tuple[TreatmentHad, ...] = ()
    wanted: tuple[str, ...] = ()
    avoided: tuple[str, ...] = ()


def read_treatments(text: str, lexicon: Optional[Lexicon] = None) -> TreatmentReading:
    lexicon = lexicon or default_lexicon()
    mentions: list[Mention] = []
    sentences = [s for s in _SENTENCE.split(text) if s and s.strip()]
    only_names = only_treatment_names(text, lexicon)
    narrative = bool(_NARRATIVE.search(text))  # a story, not a look-up
    last_named: list[Mention] = []  # the mentions of the latest sentence that named a treatment
    for sentence in sentences:
        found = list(_mentions(sentence, lexicon, only_names, narrative))
        plain = normalize(sentence)
        if not found:
            _carry_outcome(mentions, plain)
        mentions.extend(_pointed_back(plain, found, mentions, last_named, narrative))
        mentions.extend(found)
        if _SURGERY_STORY.search(sentence) and not any(m.id == "surgery" for m in found):
            planned = _PLANNED.search(sentence) or _FUTURE_TIME.search(plain)
            found.append(Mention("surgery", "planned" if planned else "had"))
            mentions.append(found[-1])
        if found:
            last_named = found
    return _collect(mentions, lexicon)


def _carry_outcome(mentions: list[Mention], plain: str) -> None:
    """ "She's been on the jab since 2022. The last scan showed growth.": the story goes on about the
    treatment had last (an operation or watching has no outcome of that kind)."""
    index = next((i for i in range(len(mentions) - 1, -1, -1) if mentions[i].role == "had"), None)
    if index is None or mentions[index].id in (SURVEILLANCE, "surgery") or mentions[index].outcome in ("stopped working", "side effects"):
        return
    if _IF.search(plain):
        return  # "trials we could consider if it grows", "what's the chance it grows?"
    outcome = _outcome(plain)
    back = _BACK_REFERENCE.search(plain)
    if outcome is None and back and _WORE_OFF.search(plain):
        outcome = "stopped working"  # "It worked for a while." (but "everything has helped for a bit" is no one's)
    if outcome == "stopped working" or (outcome in ("side effects", "stopped") and back):
        if mentions[index].outcome != "stopped" or outcome == "stopped working":  # a course finished, then it grew again
            mentions[index] = Mention(mentions[index].id, "had", outcome)


def _pointed_back(plain: str, found: list[Mention], mentions: list[Mention], last_named: list[Mention], narrative: bool) -> list[Mention]:
    """Wishes said about a treatment the doctors proposed earlier: "they mentioned surgery on the liver. any
    trials on that?" wants it; "they want to take most of her pancreas ... is there anything less drastic?"
    avoids it. A treatment already had never becomes a wish."""
    had = {m.id for m in mentions if m.role == "had"}
    if _ALTERNATIVE.search(plain) and _QUESTION.search(plain):
        planned = [m.id for m in mentions if m.role == "planned" and m.id not in had]
        return [Mention(i, "avoid") for i in dict.fromkeys(planned) if not any(f.id == i for f in found)]
    if _TRIAL_OF_IT.search(plain) and not any(m.role in ("want", "avoid") for m in found):
        planned = [m.id for m in last_named if m.role == "planned" and m.id not in had]
        return [Mention(i, "want") for i in dict.fromkeys(planned)]
    return []


def _collect(mentions: list[Mention], lexicon: Lexicon) -> TreatmentReading:
    had: dict[str, TreatmentHad] = {}
    said_at: dict[str, int] = {}
    for position, m in enumerate(mentions):
        if m.role == "had" and (m.id not in had or m.outcome):
            outcome = m.outcome
            if treatment_group(lexicon, m.id) == "surgery":
                outcome = None  # an operation is not "still on", nor does it "stop working"
            elif m.id in _NO_WEAR_OFF and outcome not in (None, "ongoing", "stopped"):
                outcome = "ongoing"  # "stable on watch and wait ... it has grown": still being watched
            had[m.id] = TreatmentHad(m.id, outcome)
            said_at[m.id] = position
    for generic in [i for i in had if _is_generic(lexicon, i)]:
        specific = [i for i in had if i != generic and treatment_group(lexicon, i) == treatment_group(lexicon, generic)]
        if specific:  # "Somatuline Depot shots": lanreotide, not also "somatostatin analogues"
            outcome = had.pop(generic).outcome
            first = specific[0]
            later = said_at[generic] > said_at[first] and outcome in ("stopped working", "side effects", "stopped")
            if outcome and (had[first].outcome is None or later):  # "on lanreotide ... the jab stopped working"
                had[first] = TreatmentHad(first, outcome)
    wanted = _specific_only(tuple(dict.fromkeys(m.id for m in mentions if m.role == "want")), lexicon)
    kept = {m.id for m in mentions if m.role in ("had", "planned")}  # "anything besides X" while having X: as well as X
    avoided = _specific_only(tuple(dict.fromkeys(
        m.id for m in mentions if m.role == "avoid" or (m.role == "besides" and m.id not in kept))), lexicon)
    return TreatmentReading(
        had=tuple(sorted(had.values(), key=lambda t: t.id)),
        wanted=tuple(t for t in wanted if t not in avoided),
        avoided=avoided,
    )


def _specific_only(ids: tuple[str, ...], lexicon: Lexicon) -> tuple[str, ...]:
    """ "liver treatments like SIRT or TACE": SIRT and TACE, not also every liver treatment."""
    groups = {treatment_group(lexicon, i) for i in ids if not _is_generic(lexicon, i)}
    return tuple(i for i in ids if not (_is_generic(lexicon, i) and treatment_group(lexicon, i) in groups))


def _clause_words(sentence: str) -> tuple[list[str], list[int]]:
    """The sentence's words, and where each comma-, bracket- or dash-separated part starts."""
    words: list[str] = []
    starts: list[int] = []
    for part in _CLAUSE_BREAK.split(sentence):
        starts.append(len(words))
        words.extend(normalize(part).split())
    return words, starts


def _mentions(sentence: str, lexicon: Lexicon, only_names: bool, narrative: bool) -> list[Mention]:
    words, clause_starts = _clause_words(sentence)
    spans = [span for span in _spans(words, lexicon) if not _DESCRIBES_A_TEST.match(" ".join(words[span[1] : span[1] + 1]))
             or not _ORGAN_LAST.search(" ".join(words[span[0] : span[1]]))]  # "the new liver biopsy" is no transplant
    questions = _question_parts(words)
    result: list[Mention] = []
    joined: list[bool] = []
    singular: list[bool] = []
    for number, (start, end, concept_id) in enumerate(spans):
        previous_end = spans[number - 1][1] if number else 0
        next_start = spans[number + 1][0] if number + 1 < len(spans) else len(words)
        before = " ".join(words[max(previous_end, start - _CONTEXT_WORDS) : start])
        clause = max(c for c in clause_starts if c <= start)
        avoid_before = " ".join(words[max(previous_end, start - _CONTEXT_WORDS, clause) : start])
        after = " ".join(words[end : min(next_start, end + _CONTEXT_WORDS)])
        story = " ".join(words[start:end]) in STORY_WORDS  # "the injections", "the op": everyday words of a story
        # "what is PRRT and are there trials near me": each question of the sentence on its own
        part = sentence if len(questions) == 1 else " ".join(words[max(q for q in questions if q <= start) : next(
            (q for q in questions if q > start), len(words))])
        asks = bool(_QUESTION.search(part.lower())) or (len(questions) > 1 and "?" in sentence) or part.split()[:1] == ["how"] \
            or (len(questions) > 1 and part.split()[:1] in ([w] for w in _ASKING))
        trial_words = bool(_TRIAL_WORDS.search(part))
        about_it = bool(_ABOUT_IT.search(part))
        if result and before in _JOINERS and start == previous_end + len(before.split()):
            role = result[-1].role  # "PRRT or surufatinib", "everolimus vs sunitinib": one role for both
        elif _LIKE_END.search(before):  # "something more proactive, like liver surgery"
            far = " ".join(words[max(previous_end, start - 12) : start])
            cues = [(m.span("cue"), role) for role, pattern in _FAR_CUES if (m := pattern.search(far))]
            role = _nearest(cues) if cues else _role(before, after, narrative, asks, only_names, trial_words, about_it, avoid_before, story)
        else:
            role = _role(before, after, narrative, asks, only_names, trial_words, about_it, avoid_before, story)
        joined_here = bool(result) and before in _JOINERS
        if concept_id == SURVEILLANCE and not joined_here and role != "avoid" \
                and not (role == "planned" and (_PROPOSED.search(before) or after.startswith("or "))):
            role = "had"  # "the doctor says surveillance": being watched is what they are having (but "suggested watching or lanreotide")
        if role == "had" and _FUTURE_TIME.search(" ".join(words[max(previous_end, start - 3) : min(next_start, end + 3)])) \
                and _FUTURE_START.search(" ".join(words[max(previous_end, start - 4) : start])):
            role = "planned"  # "she's starting chemo next week"
        stop = min(next_start, end + _OUTCOME_WORDS)
        if number + 1 < len(spans) and next_start <= end + _OUTCOME_WORDS:
            # "lanreotide, and now she is on everolimus": what comes just before the next name is about the next one
            cut = [i for i, w in enumerate(words[end:next_start]) if w in _CLAUSE_WORDS]
            stop = end + cut[-1] if cut else stop
        outcome = None
        if role == "had":
            told = " ".join(words[start:stop])
            outcome = _outcome(told)
            if outcome not in ("stopped working", "side effects") and _WORE_OFF.search(told):
                outcome = "stopped working"  # "worked for a while and then stopped"
            if outcome in (None, "ongoing") and _DONE.match(after):
                outcome = "stopped"  # "first line captem done"
            if outcome is None:
                outcome = _outcome_before(before) or ("ongoing" if concept_id == SURVEILLANCE or _DOSE_AFTER.search(after) else None)
        result.append(Mention(concept_id, role, outcome))
        joined.append(bool(number) and before in _OUTCOME_JOINERS)
        singular.append(bool(_SINGULAR.search(" ".join(words[end:stop]))))
    return _share_outcomes(result, joined, singular, _ALL_OF_THEM.search(" ".join(words)) is not None)


def _question_parts(words: list[str]) -> list[int]:
    """Where each question of a sentence starts: "is PRRT on the NHS | or do I need a trial"."""
    return [0] + [i + 1 for i in range(len(words) - 1) if words[i] in ("and", "or", "also") and words[i + 1] in _ASKING]


def _share_outcomes(mentions: list[Mention], joined: list[bool], singular: list[bool], all_of_them: bool) -> list[Mention]:
    """ "carboplatin and etoposide, which stopped working": one outcome for names joined by
    "and"/"or" (not by "then", and not "lanreotide, everolimus (stopped it...)"); "both stopped
    working" for every treatment had in the sentence."""
    shared = list(mentions)
    for order in (range(len(shared) - 1, 0, -1), range(1, len(shared))):  # back, then forward
        for i in order:
            if not (joined[i] and shared[i].role == "had" and shared[i - 1].role == "had"):
                continue
            first, second = shared[i - 1], shared[i]
            if first.outcome is None and second.outcome and not singular[i]:
                shared[i - 1] = Mention(first.id, "had", second.outcome)
            elif second.outcome is None and first.outcome and not singular[i - 1]:
                shared[i] = Mention(second.id, "had", first.outcome)
    if all_of_them:
        outcome = next((m.outcome for m in shared if m.role == "had" and m.outcome == "stopped working"), None)
        if outcome:
            shared = [Mention(m.id, m.role, outcome) if m.role == "had" else m for m in shared]
    return shared


def _role(
    before: str, after: str, narrative: bool, asks: bool, only_names: bool, trial_words: bool = False, about_it: bool = False,
    avoid_before: Optional[str] = None, story_word: bool = False,
) -> Role:
    """The role the nearest cue before the name gives it; else a cue after it; else a wish in a
    request or a look-up, and a treatment had in a story."""
    if only_names:
        return "mentioned"  # "lutathera": a topic to explain, not yet a wish
    avoid_before = before if avoid_before is None else avoid_before  # "no spread, watch and wait": no cue across a comma
    if _TRIAL_TIMING.search(before):
        return "mentioned"  # "trials after surgery": when the trial happens, not what it tests
    if _TRIALS_OF.search(before) and not _AVOID_BEFORE.search(avoid_before):
        return "want"  # "trials of having PRRT a second time" (but not "no trials of PRRT")
    shift = len(before) - len(avoid_before)  # avoid_before ends before does: one frame for both
    cues = [((m.start("cue") + shift, m.end("cue") + shift), role) if role == "avoid" else (m.span("cue"), role)
            for role, pattern in _LAST_CUES if (m := pattern.search(avoid_before if role == "avoid" else before))]
    if cues:
        role = _nearest(cues)
        if role == "avoid" and re.search(r"\bbesides(?:\s+\w+){0,3}$", avoid_before) and not re.search(r"\b(?:not|no|don t|want)\b", avoid_before):
            return "besides"
        if role == "avoid" and _HEDGE.search(before):
            return "mentioned"  # "he might not be fit for PRRT": not a refusal
        if role in ("planned", "mentioned") and _TRIAL_NEXT.match(after):
            return "want"  # "the onc mentioned a PRRT trial"
        if role == "mentioned" and trial_words and _TOPIC_CUE.search(before):
            return "want"  # "I'd like to know about SIRT and whether any trials use it"
        return role
    if _WANT_AFTER.search(after):
        return "want"
    if _HAD_AFTER.search(after) or _DOSE_AFTER.search(after):
        return "had"
    if about_it and not trial_words and (asks or not narrative):
        return "mentioned"  # "lanreotide side effects", "is surgery a must?": a topic, not a wish
    if not narrative and not story_word:
        return "want"  # a look-up: "surufatinib incl completed - pNET only" (but "the injections hurt" is no look-up)
    if asks and (not before.strip() or trial_words):
        return "want"  # "are there trials where she could get PRRT quicker?"
    return "had" if not asks else "mentioned"


def _nearest(cues: list[tuple[tuple[int, int], Role]]) -> Role:
    """The cue nearest the name, unless a longer cue contains it ("not keen on" holds "keen on")."""
    (start, end), role = max(cues, key=lambda cue: cue[0][0])
    for (other_start, other_end), other_role in cues:
        if other_start < start and other_end >= end:
            return other_role
    return role


def treatment_group(lexicon: Lexicon, concept_id: str) -> Optional[str]:
    concept = lexicon.concepts.get(f"treatment:{concept_id}")
    return concept.group if concept else None


def _is_generic(lexicon: Lexicon, concept_id: str) -> bool:
    """A concept that names a whole group ("somatostatin analogues", "chemotherapy", "liver treatments")."""
    return treatment_group(lexicon, concept_id) == concept_id or concept_id in _UMBRELLAS


def _outcome(words: str) -> Optional[str]:
    return next((name for name, pattern in OUTCOME_CUES if pattern.search(words)), None)


def _outcome_before(before: str) -> Optional[str]:
    if re.search(r"\b(?:progress\w*|grow\w*|grew|worse|failed|spread\w*) (?:on|despite|through|after)\b(?:\s+\w+){0,2}$", before):
        return "stopped working"
    if re.search(r"\b(?:finished|stopped|came off|was on|used to)\b(?:\s+\w+){0,3}$", before):
        return "stopped"
    if re.search(r"\b(?:on|taking|currently|still|now has|is on|been on|getting|gets|started|starting|added|began|put on|switched to|continue|continuing|far|been having|is having|are having|(?:ve|have|has) given (?:me|him|her|them)"
                 r"|(?:ve|have|has) put (?:me|him|her|them) on)\b(?:\s+\w+){0,3}$", before):
        return "ongoing"
    return None


def named_ids(text: str, lexicon: Optional[Lexicon] = None) -> tuple[str, ...]:
    """Every treatment or test named in the text, in order, whatever its role."""
    return tuple(dict.fromkeys(concept for _, _, concept in _spans(normalize(text).split(), lexicon or default_lexicon())))


_NAME_ONLY_WORDS = {"the", "a", "an", "what", "about", "info", "is", "and", "or", "vs", "versus"}


def only_treatment_names(text: str, lexicon: Lexicon) -> bool:
    """A message that is nothing but a treatment's name ("lutathera", "captem?")."""
    words = normalize(text).split()
    spans = _spans(words, lexicon)
    others = [w for i, w in enumerate(words) if not any(start <= i < end for start, end, _ in spans)]
    return bool(spans) and len(words) <= 4 and all(w in _NAME_ONLY_WORDS for w in others)


def _spans(words: list[str], lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, treatment id) for each known name, longest first at each spot."""
    phrases = _phrase_table(lexicon)
    spans, i = [], 0
    while i < len(words):
        for size in range(min(_MAX_PHRASE_WORDS, len(words) - i), 0, -1):
            concept = phrases.get(" ".join(words[i : i + size]))
            if concept:
                spans.append((i, i + size, concept))
                i += size
                break
        else:
            i += 1
    return spans


@lru_cache(maxsize=4)
def _phrase_table(lexicon: Lexicon) -> dict[str, str]:
    """Every query phrase of the treatment vocabulary -> the one concept id it stands for.
    A phrase shared by several concepts ("monthly injection": lanreotide, octreotide and
    somatostatin analogues) stands for the group they share."""
    table = {**STORY_WORDS, **_SHORT_NAMES}
    for phrase in lexicon.all_query_phrases("treatment"):
        tags = lexicon.resolve("treatment", phrase)
        concepts = [lexicon.concepts[t] for t in tags if t in lexicon.concepts]
        if not concepts:
            continue
        group_ids = {c.group for c in concepts}
        shared = next((c for c in concepts if len(concepts) > 1 and c.id in group_ids), None)
        table[phrase] = (shared or concepts[0]).id
    return table


_ASKED_NAME = re.compile(
    r"\b(?:trials?|studies|study|research)\s+(?:of|for|with|using|on|testing|into|about)\s+([a-z][a-z0-9-]{3,})\b", re.I
)
_NOT_A_NAME = re.compile(
    r"^(?:it|them|this|that|these|those|my|his|her|their|our|the|a|an|any|people|patients|someone|me|him|us|kids|children"
    r"|adults|teenagers|women|men|pancreatic|pancreas|tumou?rs?|cancers?|nets?|pnets?|neuroendocrine|treatments?|drugs?"
    r"|medicines?|new|other|older|young|grade|stage|advanced|liver|people|everyone|anyone|something|anything)$",
    re.I,
)


def asked_name(text: str, lexicon: Optional[Lexicon] = None) -> Optional[str]:
    """A name asked for that the vocabulary does not know ("find trials of zolbetuximab"), so the
    search can say it is unknown instead of listing every trial."""
    lexicon = lexicon or default_lexicon()
    found = _ASKED_NAME.search(text or "")
    if not found or _NOT_A_NAME.match(found.group(1)):
        return None
    name = found.group(1)
    known = lexicon.resolve("treatment", name) or lexicon.resolve("condition", name) or lexicon.place(name)
    return None if known else name
