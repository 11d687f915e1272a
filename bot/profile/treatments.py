"""Treatments in a message, each read as had (with what happened), wanted, or not wanted.

"he had half his pancreas out and now has the monthly injections, is there anything he could
try next" is surgery (had) and a somatostatin analogue (had, ongoing), and nothing wanted;
"any PRRT trials? not another operation" wants PRRT and avoids surgery. Each mention takes its
role from the words just before it in its sentence, then from the words after it; a mention
with no cue is a wish when the sentence asks for something, else a treatment had.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal, Optional

from bot.lexicon import Lexicon, default_lexicon
from bot.profile.courses import combined, had_one_of
from bot.profile.model import TreatmentHad
from bot.text import normalize

Role = Literal["had", "want", "avoid", "mentioned", "planned", "besides", "never"]  # "never": "he's never had PRRT"  # "planned": offered, suggested or booked, not yet had
_MAX_PHRASE_WORDS = 8
_CONTEXT_WORDS = 7
SURVEILLANCE = "surveillance"
# Regular scans: watching a tumour left in place (surveillance), or only the follow-up after it was removed.
SCANS = "_regular_scans"

_AVOID_BEFORE = re.compile(  # longer cues first: at one spot the first alternative that fits wins
    r"\b(?P<cue>(?:doesn t|don t|does not|do not|didn t|won t|wouldn t|can t) (?:want|have|face|do|take|go through) any(?: more)?"
    r"|(?:isn t|is not|not|wasn t|doesn t|don t|didn t|did not|won t|wouldn t|never) (?:keen on|want|like|fancy|interested in)"
    r"|had enough of|tired of|can t stand|hates?|(?:less|more gentle|gentler|kinder|milder) (?:\w+ )?than"
    r"|don t want|do not want|didn t want|not interested in|no interest in|not up for|not open to|can t face|couldn t face"
    r"|ruled out|rule out|isn t|aren t|besides"
    r"|doesn t want|does not want|won t have|not keen on|not another|not more|no more|no further|anything but"
    r"|too (?:frail|weak|ill|old|poorly|unwell|sick) for|spares? (?:him|her|me|them) (?:from )?|instead of|rather than"
    r"|other than|apart from|alternatives? to|fed up (?:of|with)|sick of|done with|scared of|refuses?|refused|declined|declining"
    r"|turned down|said no to|saying no to|everything but|all but|rather not (?:have|do|go through)|except|avoid (?:the )?(?:side effects?|toxicity) of"
    r"|(?:not|never|am not|m not|won t be|will not be) (?:having|doing|going through|facing|putting (?:him|her|me|them|myself) through)"
    r"|(?:won t|will not|wouldn t|would not) (?:do|go through|face|try|take)|scrap|ditch|forget(?: about)?|cross off"
    r"|avoid|avoids|avoiding|without|not|no)\b(?:\s+\w+){0,3}$"
)
# "never had PRRT", "hasn't been on chemo", "no prior everolimus": named, but neither had nor asked for.
_NOT_HAD_BEFORE = re.compile(
    r"\b(?P<cue>never (?:had|been on|tried|taken|received|been given|got|done)|(?:hasn t|haven t|has not|have not|hadn t|had not) (?:had|been on|tried|taken|received)"
    r"|not (?:had|tried|been on)(?: any)?|no (?:prior|previous|earlier)|not yet had|without (?:having )?had|haven t (?:got )?the (?:heart|energy|strength) for"
    r"|hasn t got the (?:heart|energy|strength) for|(?:can t|cannot|couldn t|unable to|not able to) (?:have|get|undergo)(?! any)"
    r"|(?:doctors?|docs|surgeons?|oncologists?|onc|team|consultants?|they)(?: \w+){0,3} (?:say|says|said) (?:no more|not another|no further|no))\b(?:\s+\w+){0,3}$"
)
_HAD_BEFORE = re.compile(
    r"\b(?P<cue>had|has had|have had|having had|has|having|is on|was on|been on|went on|on|taking|takes|took|taken|receives?|receiving|start(?:ed|ing)?"
    r"|(?:i|he|she|we|they) (?:take|use)|continue|continuing|carry on with|stay on|staying on|far|fatt|fick|har fatt|krijgt|kreeg|bekommt|bekam|erhalt|recibe|recibio|dostaje|recoit"
    r"|(?:been|gone|went|go|going) through|lines? done"
    r"|after|since|following|received|receiving|tried|given|finished|stopped|stop|done|did|gets|getting|currently|still"
    r"|despite|in spite of|trots|trotz|malgre|pomimo"
    r"|course of|cycles? of|rounds? of|doses? of|months of|years of|weeks of|now has|been having|came off|coming off|post)\b(?:\s+\w+){0,3}$"
)
_WANT_BEFORE = re.compile(
    r"\b(?P<cue>any|are there|is there|looking for|look for|find|search(?:ing)? for|want|wants|would like|interested in|keen on"
    r"|could (?:he|she|i|we|they|my \w+) (?:still )?(?:have|try|get|do|go|be|start)(?: (?:on|onto|on to|in|into))?"
    r"|(?:he|she|i|we|they) (?:could|can|might) (?:have|try|get|go|be given|start)(?: (?:on|onto|on to|in|into))?"
    r"|anything (?:with|like|using|involving)|(?:kan|kunde|far) (?:man|hon|han|jag|vi|mamma|pappa) (?:fa|ga med i|prova)|(?:man|hon|han|jag|vi) (?:kan|kunde) (?:fa|prova)|particularly|especially|try|options?|consider|eligible for|go on|join|qualify for|offer"
    r"|what about|how about|new|trials? (?:of|with|for|using|on|testing|involving)"
    r"|studies (?:of|with|on)|study (?:of|with|on)|something like|more about|about(?!\s+\d)|uses?|using|involving|through|via"
    r"|(?:something|anything|one|ones) (?:with|for|using|involving)|research\w*(?: into| on)?|trialling|testing|studying)\b(?:\s+\w+){0,3}$"
)
_PLANNED_BEFORE = re.compile(  # offered, suggested, booked: not had, not (yet) asked for
    r"\b(?P<cue>says?|said|mention\w*|suggest\w*|recommend\w*|talk(?:s|ed|ing)? (?:about|of)|sp(?:oke|eak\w*) (?:about|of)|discuss\w*|brought up|said something about|saying|say"
    r"|offer\w*|consider\w*|propos\w*|reckons?|choice(?: of| between)?|options? (?:of|between)|lean\w* towards|tempted by|thinking (?:of|about)"
    r"|pratar om|namnde|foreslog|spricht von|sprach von|parle de|habla de|praat over|planning|plan|waiting for|waiting list for|on the list for|referred for|booked (?:in )?for|due to (?:start|have)"
    r"|going to (?:have|start|try)|will (?:have|start)|next (?:step|thing|option|line)(?: is| would be| will be)?|might (?:have|get|need)"
    r"|(?:they|oncologist|onc|doctor|doctors|docs|consultant|surgeon|surgeons|team|specialist|gp|nurse) (?:tell|tells)(?: us| me| him| her)?"
    r"|(?:they|oncologist|onc|doctor|doctors|docs|consultant|surgeon|surgeons|team|specialist|gp|nurse)(?: \w+){0,3} wants? to (?!avoid|stop|skip)\w+(?: (?:him|her|me|them|you|us))?(?: on)?"
    r"|wants? (?:him|her|me|them|us) (?:to (?:have|try|start|go on)|on)|wants? to (?:put|start|switch|move) (?:him|her|me|them) (?:on|onto|to)"
    r"|want (?:him|her|me|them) to (?:have|try|start)|waiting on|awaiting|scheduled for|lined up for|refer(?:red|ring)?(?: \w+)? for)\b(?:\s+\w+){0,3}$"
)
_NEUTRAL_BEFORE = re.compile(  # named in passing: read about, asked about, had by someone else
    r"\b(?P<cue>as well as|in addition to|on top of|alongside|info on|information (?:on|about)|tell me about|what is|whats|what s"
    r"|(?:anything|something|stuff|details|more|much|leaflets?|info|facts|reading) (?:on|about)"
    r"|(?:read(?:ing)?|heard|hearing|asking|asked|wondering|know) (?:up )?(?:about|on|into|that)"
    r"|read(?:ing)?|heard|hearing|seen|saw|wants? to know|wondering|asking|explain\w*|what happens (?:after|with|during)|life after"
    r"|recovery (?:after|from)|recovering from|how (?:long|soon|quickly) (?:after|before|until|following)"
    r"|should (?:i|he|she|we|they) (?:do|have|go for|take|get|try)|(?:some|other|many|most) (?:people|patients)|others|someone|people)\b(?:\s+\w+){0,3}$"
)
_TRIALS_OF = re.compile(
    r"\b(?:(?:trials?|studies|study)\s+(?:of|with|for|using|on|testing|involving|that uses?"
    r"|(?:that|which|where they)\s+(?:combines?|compares?|uses?|tests?|gives?|adds?|looks? at|tries?|pairs?))"
    r"|(?:badania|badanie)(?: kliniczne)? z|studier? (?:med|om|av)|ensayos? (?:con|de)|essais? (?:avec|de)|studien? (?:mit|zu))\b(?:\s+\w+){0,2}$")
# "trials after surgery", "a study before PRRT": when, not what, the trial is about.
_TRIAL_TIMING = re.compile(r"\b(?:trials?|studies|study)\s+(?:\w+\s+){0,2}(?:after|following|before|post)(?:\s+(?:a|an|the|his|her|my|their))?$")
_NARRATIVE = re.compile(
    r"\b(?:i|i'm|i've|me|he|she|they|we|my|his|her|our|their|has|had|have|was|were|been|is on|are on"
    r"|(?:first|second|third|1st|2nd|3rd) line|failed|progressed|stopped working|didn't work|done|worked|helped|held|grew|growing"
    r"|jag|har|hij|zij|heeft|er|sie|hat|stopped|started|finished|had to|working|stable|shrank|tolerat\w*|side effects?)\b", re.I)  # a story, even without "I"
_OTHER_ANDS = {"og", "och", "und", "y", "et", "e", "en", "oraz"}  # "carboplatin og etoposid"
_JOINERS = {*_OTHER_ANDS, "", "or", "and", "or any", "and any", "nor", "nor any", "or even", "vs", "versus", "or the", "and the", "or a", "with", "plus", "then", "and then", "then the",
            "like", "such as", "e g", "eg", "including", "incl", "especially", "particularly"}
# Joiners after which the two names share one outcome ("carbo and etoposide, which failed"); "X then Y" is
# a sequence, and "liver treatments like SIRT" names one thing twice, so those only share a role.
_OUTCOME_JOINERS = {"", "or", "and", "vs", "versus", "or the", "and the", "or a", "with", "plus", *_OTHER_ANDS}
# "... something more proactive, like liver surgery": a list after "like" takes its role from further back.
_LIKE_END = re.compile(r"\b(?:like|such as|e g|eg|for example|for instance|including)$")
_TRIAL_NEXT = re.compile(r"(?:clinical\s+|drug\s+)?(?:trials?|studies|study)\b")  # "a PRRT trial"
_IN_A_TRIAL = re.compile(
    r"\b(?:in|on|as part of|through|via|within) (?:a|an|the|one) (?:new |clinical |research )?(?:trial|study)\b"
    r"|\b(?:is|was|would) (?:that|this|it) (?:a|an|part of a|in a|on a) (?:new |clinical |research )?(?:trial|study)\b")
_PLANNED_AFTER = re.compile(
    r"^(?:\w+\s+){0,1}(?:discussion|opinion|assessment|consult\w*|referral|review|work ?up|candidate)\b"
    r"|^(?:s |is |has been |was |been |now )?(?:booked|scheduled|planned|pencilled in|lined up|due)\b")  # "the whipple's booked for May"
_WANT_AFTER = re.compile(r"^(?:\w+\s+){0,2}(?:trials?|studies|study|research)\b")
_HAD_AFTER = re.compile(
    r"^(?:(?:19|20)\d{2}\b|x\s?\d+\b|\d+\s?x\b|from the start|first|initially|at first|till|until)"
    r"|^(?:\w+\s+){0,3}?(?:helps|is helping|s helping|is working|s working|made no difference|did nothing"
    r"|(?:didn t|did not|doesn t|does not|hasn t|has not) (?:touch|shrink|slow|stop|hold|help|control) (?:it|them|the \w+|anything))\b"
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
    r"\?|\b(?:any|is there|are there|anything|could|can|would|what|which(?! (?:i|he|she|we|they|was|were|has|had|made|worked|stopped|did|shrank|helped|held|kept|caused|gave|seems?|means?)\b)|where|looking for|find|search|trials?|options?"
    r"|wants? to know|wondering|wonder|(?:do|does|will|can|is|are|would|should) (?:they|it|these|those|you|i|we))\b")

_BEFORE_CUES: tuple[tuple[Role, re.Pattern], ...] = (
    ("never", _NOT_HAD_BEFORE), ("avoid", _AVOID_BEFORE), ("planned", _PLANNED_BEFORE), ("mentioned", _NEUTRAL_BEFORE), ("want", _WANT_BEFORE), ("had", _HAD_BEFORE),
)
# Each kind's cue nearest the name (a leading greedy ".*" finds the last one, not the first:
# "could someone explain what the injections are for" is "explain", not "someone").
_LAST_CUES: tuple[tuple[Role, re.Pattern], ...] = tuple((role, re.compile("^.*" + pattern.pattern)) for role, pattern in _BEFORE_CUES)
_FAR_CUES: tuple[tuple[Role, re.Pattern], ...] = tuple(  # the same cues further back, for a list after "like"
    (role, re.compile("^.*" + pattern.pattern.replace(r"(?:\s+\w+){0,3}$", r"(?:\s+\w+){0,9}$"))) for role, pattern in _BEFORE_CUES
)
OUTCOME_CUES: tuple[tuple[str, re.Pattern], ...] = (
    ("ongoing", re.compile(r"\b(?:tolerat\w* (?:it |them )?(?:ok|okay|well|fine|alright)|coping (?:ok|okay|well|fine) with"
                           r"|(?:is|s|are|re) tolerating|keeping (?:it|things|them) (?:stable|under control|in check))\b")),
    ("side effects", re.compile(  # before "worse": "it made the hypos worse" is the drug's harm, not the tumour's growth
        r"\bmade (?:the |her |his |my |their )?(?:\w+ )?(?:worse|unbearable)\b|\bmade (?:him|her|me|them) (?:feel )?(?:worse|awful|terrible)\b")),
    ("stopped working", re.compile(
        r"\b(?:stopped working|stop working|stops working|didn t work|did not work|not working|no longer working|failed|"
        r"stopped (?:doing anything|doing its job|having any effect|helping|holding it)|quit (?:working|doing anything)|made no difference|no difference|useless"
        r"|(?:didn t|did not|doesn t|does not|hasn t|has not) (?:touch|shrink|slow|stop) (?:it|them|the \w+)|did (?:sod all|bugger all|zilch)|"
        r"(?:didn t|did not|doesn t|does not|not) (?:hold|help|control|touch|do anything)|stopped holding|done nothing|did nothing|no good|no use"
        r"|(?:wasn t|isn t|weren t|aren t|was not|is not) (?:working|doing anything|helping)|doing nothing|progressive disease"
        r"|virket ikke|virker ikke|fungerade inte|fungerar inte|hjalp inte|wirkt nicht|nicht gewirkt|niet gewerkt|no funciono|n a pas marche"
        r"|progress\w*|grew|grown|growing|growth"
        r"|grow|grows|got bigger|getting bigger|bigger|worse|(?<!not )(?<!never )(?<!results )(?<!result )(?<!biopsy )(?<!pathology )(?<!histology )(?<!bloods )(?<!tests )(?:came|come) back|(?:was|is|it s|its) back|recurr\w*|relaps\w*"
        r"|not helping|stopped helping|stopped controlling|new (?:liver )?(?:lesions?|mets|metastases|spots|tumou?rs?)"
        r"|vaxer|vaxt|vuxit)\b")),
    ("side effects", re.compile(
        r"\b(?:stopped (?:it |them )?(?:because of|due to)|had to (?:stop|come off)|(?:stop\w*|came off|come off|taken off|cancell?ed|called off)(?: \w+){0,4} (?:because|due to|cos)"
        r"|(?:platelets|counts|bloods|white cells|neutrophils) (?:tanked|crashed|dropped|fell|plummeted)"
        r"|(?:because of|due to|cos of) (?:the |his |her |my |their |a |bad )?(?:\w+ )?(?:rash|fatigue|tiredness|side effects?|pneumonitis|diarrh\w*"
        r"|nausea|sickness|vomiting|blood pressure|bp|ulcers|sores|toxicity|infections?|kidneys?|kidney function|liver function|bloods"
        r"|platelets|counts|reaction|allergy|pain|sugars|hypos)|(?:kidney|liver) function (?:dropped|fell|went down|got worse)|side effects?|couldn t (?:tolerate|cope|handle)|could not (?:tolerate|cope)|too (?:ill|sick|toxic|much)|made (?:him|her|me|them) (?:ill|sick|poorly|so ill)"
        r"|reaction|toxicity|intoleran\w*|allergic|(?:blood )?counts (?:dropped|fell|were too low|went down)|mouth ulcers|ulcers|sores|too bad"
        r"|(?:feels?|felt|feeling|mar|ma) (?:so |really |very )?(?:awful|terrible|rough|dreadful|daligt|illa) (?:on|from|with|av) (?:it|them|that|det|den)"
        r"|(?:is |s |has been |keeps )?(?:giving|gave|gives) (?:him|her|me|them) (?:\w+ )?(?:diarrh\w*|rash\w*|ulcers|sores|nausea|blisters|headaches))\b")),
    ("stopped", re.compile(
        r"\b(?:finished|completed|stopped|came off|had \d+ (?:cycles?|rounds?|doses?)|\d+ (?:cycles?|rounds?|doses?|sessions?|treatments?)"
        r"|x\s?\d+|\d+\s?x|last (?:one|dose|cycle|round|session|treatment) (?:was )?in"
        r"|used to (?:be on|have|take)|was on|(?:was|were|been) discontinued|discontinued"
        r"|(?:19|20)\d\d ?(?:(?:-|to|till|until) ?)?(?:19|20)\d\d)\b")),  # "lanreotide 2021-2023": a course that ended
    ("ongoing", re.compile(
        r"\b(?:on|taking|currently|still|now has|now on|is on|so far|(?:every|each) \d+ (?:weeks?|days?)|monthly|since|sinds|seit|depuis|desde|sedan|getting|gets|started"
        r"|receives?|receiving|continue|continuing|carry on|carrying on|stay(?:s|ing)? on"
        r"|helps|(?:is|s|are|re) (?:helping|working|holding)|seems to (?:help|be working|be helping)"
        r"|(?:is|s|are|re|been|remains?|stayed|staying|kept it|keeping it) stable|stable on (?:it|them)|hallit sig stilla|ar stabil\w*)\b")),
)
# A question put outright ("Are there studies for insulinomas that come back?"): it tells nothing that happened.
_ASKS_OPENLY = re.compile(r"^\W*(?:are|is|any|anything|could|can|would|will|what|which|where|do|does|should|how)\b[^.!]*\?", re.I)
# "Side effects have been awful": a sentence about the harm of the treatment told just before.
_SIDE_EFFECTS_FIRST = re.compile(r"^(?:the |his |her |my |their )?(?:side effects?|s e|reactions?)\b")
_BACK_REFERENCE = re.compile(r"^\s*(?:it|that|this|which|they|these|the \w+|but|and|then|so)\b|\b(?:it|them)\b")
# "worked for a while", "great until it wasn't": said of the treatment it follows (not carried to the next sentence,
# where "everything has helped for a bit" is no outcome of any one of them).
_WORE_OFF = re.compile(
    r"\b(?:worked|helped|good|great|fine|brilliant|ok|okay|controlled it|kept it (?:stable|under control|at bay)|held (?:it|things|them)"
    r"|slowed (?:it|things)(?: down)?) (?:really |very )?(?:well )?"
    r"(?:for (?:about |around |nearly |almost |over |just over |roughly )?(?:a (?:while|bit|time|year|month|year or two|few \w+|couple of \w+)"
    r"|\d+ (?:years?|months?|weeks?)|(?:one|two|three|four|five|six) (?:years?|months?))|at first)"
    r"(?: and)?(?: then)?(?: it)?(?: (?:stopped|stopped working|didn t|wasn t|no longer))?"
    r"|\b(?:worked|helped|good|great|fine|brilliant|ok|okay|stable) until\b|\buntil it (?:wasn t|didn t|stopped|did not|was not)\b")
# Never an outcome of its own: watching is not a drug that can stop working, an operation is not "still on".
_NO_WEAR_OFF = {SURVEILLANCE, SCANS}
# Surgery told as a story, with no lexicon word for it ("had half his pancreas out").
_SURGERY_STORY = re.compile(
    r"\b(?:had|has|have|having|got|get|getting|take|took|taken|cut|whipped)\s+(?:\w+\s+){0,3}?(?:pancreas|spleen|tumou?r|tail|head|bowel"
    r"|gallbladder|it|lump|bit|appendix|stomach|lung|part|half|bottom|top|end|rest|primary|nodes)\s+(?:\w+\s+){0,3}?(?:out|removed|taken out|cut out)\b"
    r"|\b(?:pancreas|spleen|tumou?r|tail|bowel|gallbladder|lump|appendix|stomach|lung)\s+(?:\w+\s+){0,2}?(?:removed|taken out|cut out)\b"
    r"|\b(?:removed|took out|taken out|take out|takes out|take)\s+(?:\w+\s+){0,5}?(?:pancreas|spleen|tumou?r|tail|lump|lung|stomach|bowel|appendix)\b"
    r"|\b(?:been|was|were|got it|had it|have it|getting it|having it|had (?:some|one|them|part of \w+))\s+(?:surgically\s+)?(?:removed|cut out|taken out)\b"
    r"|\b(?:net|tumou?r|lump|mass|polyp|insulinoma|pnet|growth)\b[^.?!]{0,40}\b(?:removed|resected|cut out)\b"
    r"|\b(?:had|has had|(?<!happens )(?<!life )(?<!recovery )(?<!long )(?<!soon )(?<!trials )(?<!trial )(?<!studies )(?<!study )after|having had)\s+"
    r"(?:an?\s+|the\s+|his\s+|her\s+|my\s+)?(?:\w+\s+)?(?:op|operation|surgery|resection|distal|whipple|(?:\w*pancreat|hemicol|col|splen|gastr|lob|append|appendic|hepat)ectom(?:y|ies)|enucleation)\b"
    r"|\b(?:want|wants|going|plan\w*|due|about) to (?:cut|operate|op)\b"
    r"|\b(?:opererades|opererad|opererats|operiert|opere|operado|operada)\b"
    r"|\b(?:was|were|been|got|get|is being|being)\s+operated\b|\b(?:they|surgeons?|doctors?|docs)\s+operated?\s+(?:on\s+)?(?:him|her|me|them|us)\b",
    re.I,
)
_NOT_SO = re.compile(r"\b(?:never|not|n t|nt|no|aldrig|inte|nie|nicht|nooit|niet|jamais|nunca)\s+(?:\w+\s+){0,1}$", re.I)  # "never been operated on"
# Operations that are not on the NET (README: parathyroids are not listed).
_OTHER_OPERATION = re.compile(r"\b(?:parathyroid\w*|thyroid\w*|tonsils?|wisdom teeth|cataracts?|hips?|knees?|hernia|kidney stones?)\b", re.I)


def _surgery_told(sentence: str) -> bool:
    """An operation on the NET told in a story ("had half his pancreas out", "he was operated in 2021"),
    not one denied ("never been operated on") nor one on something else ("parathyroids were removed")."""
    if _OTHER_OPERATION.search(sentence):
        return False
    return any(not _NOT_SO.search(sentence[: m.start()]) for m in _SURGERY_STORY.finditer(sentence))
# Everyday words for a NET's usual treatments that are too loose for the search vocabulary
# ("injection" alone), but in a person's story almost always mean them.
STORY_WORDS = {
    **{w: "somatostatin_analogue" for w in ("jab", "jabs", "the jab", "the jabs", "injection", "injections", "the injection",
                                            "the injections", "shot", "shots", "the shot", "the shots", "monthly", "jabs monthly")},
    **{w: "surgery" for w in ("op", "the op", "an op", "ops", "the knife", "under the knife", "distal panc", "a distal panc")},
    **{w: "somatostatin_analogue" for w in ("the jag", "the jags")},  # Scots "been on the jag" (but Swedish "jag" is "I")
    **{w: SCANS for w in (
        *(f"{scan} {every} {span}" for scan in ("scan", "scans", *(f"{verb} {whom}" for verb in ("scan", "scanning") for whom in ("it", "them", "her", "him", "me"))) for every in ("every", "once a")
          for span in ("year", "month", "6 months", "six months", "3 months", "three months", "12 months", "6 12 months", "few months")),
        "yearly scans", "annual scans", "regular scans", "6 monthly scans")},
    **{w: SURVEILLANCE for w in ("only watching", "keep watching it", "keep watching", "watch it", "leave it alone", "leave it be",
                                 "leaving it alone", "leaving it be", "left it alone", "keep an eye on it", "keeping an eye on it",
                                 "monitor it", "monitoring it")},
    **{w: "prrt" for w in ("the radioactive one", "radioactive one", "radioactive stuff", "the radioactive stuff", "radioactive injection",
                           "radioactive injections", "radioactive infusion", "radioactive therapy", "nuclear treatment")},
    **{w: "surveillance" for w in ("surveillance", "on surveillance", "monitoring", "watch and wait", "wait and watch",
                                   "just watching", "watching it", "watching them", "watching him", "watching her", "watching me",
                                   "keeping an eye", "keep an eye on them", "keeping an eye on them")},
}
# Short names people use for drugs ("cabo nivo", "carbo etoposide"): names, not story words.
_SHORT_NAMES = {"cabo": "cabozantinib", "carbo": "carboplatin", "ipi": "ipilimumab", "etop": "etoposide", "lutate": "prrt",
                "tem": "temozolomide", "evero": "everolimus", "suni": "sunitinib", "lanreo": "lanreotide", "octreo": "octreotide",
                "autogel": "lanreotide", "lu177": "prrt", "lu 177": "prrt", "cape and tem": "capecitabine_temozolomide",
                "capecitabine and tem": "capecitabine_temozolomide", "cape tem": "capecitabine_temozolomide"}
# A question about a treatment itself, which the knowledge answers cover.
_ABOUT_IT = re.compile(
    r"\bside[\s-]?e(?:f|ff)ects?\b|\brecovery\b|\bsafe\b|\bbetter\b|\bsame as\b|\bdifferent\b|\bhow (?:long|often|much|many|is|does|do)\b"
    r"|\bwhat(?: is|'s|s)\b|\bdose\b|\bdosage\b|\bhair\b|\bulcers?\b|\bmust\b|\bon the nhs\b|\bnhs\b|\blicensed\b|\bcost\b"
    r"|\bwork(?:s|ing)?\b|\bnormal\b|\bvs\b|\bversus\b|\bgood (?:option|idea)\b|\bworth\b|\bexplain\w*\b|\bwhat (?:are|is|were|was) (?:the |they |it )?\w*\s?for\b"
    r"|\bwhat happens\b|\brecover\w*\b|\bkidneys?\b|\bhow (?:long|many)\b|\bmake (?:you|u|me|him|her|them|people) (?:sick|ill|tired|poorly)\b"
    r"|\bnause\w*|\bpainful\b|\bhurt\b|\b(?:still )?used\b|\bapproved\b",
    re.I,
)
_TRIAL_WORDS = re.compile(r"\b(?:trials?|studies|study|research|studie|studier|badania|badanie|ensayos?|essais?|studien)\b", re.I)
_ALL_OF_THEM = re.compile(
    r"\b(?:both|all of them|all three|all four|each of them|neither|none of them)\b|\ball (?:stop\w*|failed|didn t|did not|done|grew|progressed)\b")
_PLANNED = re.compile(r"\b(?:due to|going to|will|plan\w*|want(?:s)? to|booked|waiting (?:for|to)|might|may need|should)\b", re.I)
_UMBRELLAS = {"targeted_therapy", "liver_directed_therapy"}  # group-wide names whose id is not the group's
_OUTCOME_WORDS = 20  # how far after a name its outcome may be told
_CLAUSE_WORDS = {"and", "then", "now", "but", "before", "after", "followed", "switched", "moved", "so", "next", "later"}
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\s[-\u2013\u2014]+\s")
_SINGULAR = re.compile(r"^(?:\w+\s+){0,2}?(?:it|it s)\b(?!.*\b(?:both|them|they|all)\b)")
_PROPOSED = re.compile(r"\b(?:suggest\w*|offer\w*|mention\w*|recommend\w*|consider\w*|discuss\w*|talk\w* about|lean\w* towards|thinking (?:of|about)|tempted by|choice)\b(?:\s+\w+){0,3}$")
_IF = re.compile(r"\b(?:if|whether|in case|unless|chances?|risk|might|may|could|would)\b")
_ASKING = {"what", "how", "is", "are", "can", "could", "do", "does", "where", "when", "which", "would", "will", "should", "whats"}
_TOPIC_CUE = re.compile(r"\b(?:know|hear|learn|read(?:ing)?|info|information|tell me) (?:more )?(?:about|on)\b(?:\s+\w+){0,3}$")
# "X didn't either", "nor did X", "same with X": what happened to the treatment before happened to this one.
_EITHER_AFTER = re.compile(r"^(?:\w+\s+){0,2}?(?:either|neither|too|as well)\b")
_SAME_BEFORE = re.compile(r"\b(?:nor|neither did|nor did|same (?:with|for|thing with|story with)|ditto)(?:\s+\w+){0,2}$")
# A refusal said after the name: "a Whipple, which I really don't want", "chemo but he's dead against it".
_AVOID_AFTER = re.compile(
    r"^(?:which|that|but|and|though|tho)?\s*(?:(?:i|he|she|we|they|mum|dad|my \w+)\s+)?(?:really |just |definitely |absolutely |still |so |totally )?"
    r"(?:(?:don t|doesn t|do not|does not|won t|wouldn t|didn t|never) (?:want|fancy|like the (?:sound|idea))(?! to (?:stop|give up|come off|lose|miss|change))"
    r"|refuses?|refused|hates?|dreads?|(?:can t|couldn t|cannot) face"
    r"|(?:is|are|s|am|m|re) (?:not keen|not having|not doing|dead against|against|dreading|scared of|terrified of|out of the question|a no go|not happening|not an option for (?:me|him|her|us))"
    r"|(?:is|s) (?:out|off the table))\b")
_ASKED_BEFORE = re.compile(r"\b(?:do|does|did|will|would|should|could|can|shall) (?:they|we|he|she|you|i|the \w+)(?: just| only| simply)?$")
_HEDGE = re.compile(r"\b(?:might|may|could|possibly|perhaps|probably|maybe) (?:not|be too|too)\b")  # "probably too old for PRRT"
_DONE = re.compile(r"^(?:\w+\s+){0,2}?done\b(?!\s+(?:by|at|on|every|monthly|today|well|ok|okay|fine|great|nothing))")
_DESCRIBES_A_TEST = re.compile(r"^(?:biopsy|biopsies|scan|scans|mri|ct|lesions?|spots?|mets|tumou?rs?|function|tests?|results|bloods|enzymes|ultrasound)$")
_ORGAN_LAST = re.compile(r"\b(?:liver|pancreas|lung|lungs|kidney|kidneys|bowel)$")
# A trial asked for by pointing back at a treatment named before ("any trials on that?", "a trial she could get it through").
_TRIAL_OF_IT = re.compile(
    r"\b(?:trials?|studies|study|research)\s+(?:of|for|on|with|using|testing|into|about|that uses?)\s+(?:it|that|this|them|those|these)\b"
    r"|\b(?:trials?|study)\b[^.?!]{0,40}\b(?:get|have|try|do|give)\s+(?:it|that|this|them)\b"
    r"|\b(?:get|have|try|do)\s+(?:it|that|this|them)\s+(?:on|through|in|via|as part of)\s+(?:a\s+)?(?:trial|study)")
_COULD_HAVE_IT = re.compile(
    r"\b(?:could|can|would|might|is|are) (?:he|she|i|we|they|you|my \w+|his \w+|her \w+) (?:be able to |still )?(?:go on|have|get|try|join|do|take part in"
    r"|be in|enter|qualify for|be eligible for|be considered for|apply for) (?:it|that|this|that one|this one|them|those)\b")
# Asking for something other than what the doctors propose ("anything less drastic?", "I'd rather not").
_ALTERNATIVE = re.compile(
    r"\b(?:less (?:drastic|invasive|aggressive|radical|major|extreme|harsh)|gentler|kinder|alternatives? to (?:that|this|it)"
    r"|other than (?:that|this|it)|not (?:that|this) (?:one|route))\b")
# Not "anything but chemo": there "but" means "except".
_A_SCAN_AFTER = re.compile(r"^(?:pet )?(?:scans?|showed|shows|lit|lights|picked)\b")
_SAID_OF_IT = (["it"], ["that"], ["this"], ["they"], ["which"])
# Where what is said turns to a fear or a "what if": "coming off my Somatuline? I couldn't cope with things growing again".
_HYPOTHETICAL = re.compile(r"\b(?:if|in case|whether|unless|worried|worry|scared|afraid|fear\w*|dread\w*|(?:could|couldn t|would) cope)\b")
# A symptom told as coming since a drug was started: its harm, not only that it goes on.
_SYMPTOM_SINCE = re.compile(
    r"\b(?:diarrh\w*|rash\w*|ulcers?|sores|nause\w*|vomit\w*|sick|exhausted|fatigue|tired|blisters?|hair loss|headaches?|cramps)\b"
    r"(?:\s+\w+){0,12}\s+since (?:starting|going on|being on|(?:i|he|she|they|we) (?:started|went on|began))(?:\s+\w+){0,2}$")
_SENTENCE = re.compile(r"(?<=[.!?;\n])\s*|(?<!\s)(?<!anything)(?<!everything)(?<!nothing)\s+(?=but\b)", re.I)  # (?<!\s): linear on long runs of spaces


@dataclass(frozen=True)
class Mention:
    id: str
    role: Role
    outcome: Optional[str] = None
    joined: bool = False  # joined to the name before by "and", "+", "og": one course ("carbo + etoposide")


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
        found = combined(_mentions(sentence, lexicon, only_names, narrative), lexicon)
        plain = normalize(sentence)
        lead = plain if not found else _words_before_names(plain, lexicon)
        if lead and not _ASKS_OPENLY.match(sentence):  # "... stopped after 5 months because of pneumonitis, then the jab"
            _carry_outcome(mentions, lead)  # (but "are there studies for ones that come back?" asks)
        mentions.extend(_pointed_back(plain, found, mentions, last_named, narrative))
        mentions.extend(found)
        if _surgery_told(sentence) and not any(m.id == "surgery" for m in found):
            found.append(Mention("surgery", _surgery_role(sentence, plain)))
            mentions.append(found[-1])
        mentions.extend(had_one_of(plain, found or last_named, lexicon))
        if found:
            last_named = found
    return _collect(mentions, lexicon)


# "a study where they operate first": the operation is what the trial does.
_TRIAL_WHERE = re.compile(r"\b(?:trials?|study|studies)\b(?:\s+\w+){0,2}\s+(?:where|in which|that|which)\b", re.I)


def _surgery_role(sentence: str, plain: str) -> Role:
    if _TRIAL_WORDS.search(sentence):
        return "want" if _TRIAL_WHERE.search(sentence) else "mentioned"
    return "planned" if _PLANNED.search(sentence) or _FUTURE_TIME.search(plain) else "had"


def _carry_outcome(mentions: list[Mention], plain: str) -> None:
    """ "She's been on the jab since 2022. The last scan showed growth.": the story goes on about the
    treatment had last (an operation or watching has no outcome of that kind)."""
    index = next((i for i in range(len(mentions) - 1, -1, -1) if mentions[i].role == "had"), None)
    if index is None or mentions[index].id in (*_NO_WEAR_OFF, "surgery") or mentions[index].outcome in ("stopped working", "side effects"):
        return
    course = [index]  # "cisplatin and etoposide, 6 cycles. But it came back": the whole course
    while mentions[course[-1]].joined and course[-1] > 0 and mentions[course[-1] - 1].role == "had":
        course.append(course[-1] - 1)
    if _IF.search(plain):
        return  # "trials we could consider if it grows", "what's the chance it grows?"
    outcome = _outcome(plain)
    back = _BACK_REFERENCE.search(plain) or (outcome == "side effects" and _SIDE_EFFECTS_FIRST.match(plain))
    if outcome is None and back and _WORE_OFF.search(plain):
        outcome = "stopped working"  # "It worked for a while." (but "everything has helped for a bit" is no one's)
    if outcome == "stopped working" or (outcome in ("side effects", "stopped") and back):
        if mentions[index].outcome != "stopped" or outcome in ("stopped working", "side effects"):  # a course finished, then it grew again
            for i in course:
                mentions[i] = replace(mentions[i], outcome=outcome)


def outcome_said_later(text: str, lexicon: Optional[Lexicon] = None) -> tuple[Optional[str], bool]:
    """What a message that names no treatment says happened to one named in an earlier message ("it
    stopped working last month", "the last scan showed growth", "still on it"), and whether it is said
    of all of them ("both stopped working"); (None, False) when it says nothing of the kind."""
    plain = normalize(text or "")
    if not plain or named_ids(text, lexicon) or _IF.search(plain):
        return None, False
    outcome, back = _outcome(plain), _BACK_REFERENCE.search(plain)
    if outcome is None and back and _WORE_OFF.search(plain):
        outcome = "stopped working"
    if (outcome == "stopped" and not back) or (outcome == "ongoing" and not _STILL_ON.search(plain)):
        return None, False  # "she stopped work", "can he still do it?": not said of a treatment
    return outcome, bool(outcome and _ALL_OF_THEM.search(plain))


_STILL_ON = re.compile(
    r"\b(?:still (?:on|taking|having|getting) (?:it|them|that|those)|tolerat\w*|(?:it s|it has|it s been|been) stable"
    r"|keeping (?:it|things|them) (?:stable|under control|in check))\b")


def _words_before_names(plain: str, lexicon: Lexicon) -> str:
    """The words of a sentence before its first treatment name, when it goes on from the one before
    ("but stopped after 5 months because of pneumonitis, then the jab"); else nothing."""
    words = plain.split()
    spans = _spans(words, lexicon)
    lead = words[: spans[0][0]] if spans else []
    return " ".join(lead) if len(lead) >= 2 and _BACK_REFERENCE.search(" ".join(lead)) else ""


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
    if _COULD_HAVE_IT.search(plain) and not found:  # "I've read about radiotherapy in Utrecht. Could he go on it?"
        named = [m.id for m in last_named if m.role in ("planned", "mentioned") and m.id not in had]
        return [Mention(i, "want") for i in dict.fromkeys(named)]
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
    _scans_as_surveillance(had)
    for generic in [i for i in had if _is_generic(lexicon, i)]:
        specific = [i for i in had if i != generic and treatment_group(lexicon, i) == treatment_group(lexicon, generic)]
        if specific:  # "Somatuline Depot shots": lanreotide, not also "somatostatin analogues"
            outcome = had.pop(generic).outcome
            first = specific[0]
            later = said_at[generic] > said_at[first] and outcome in ("stopped working", "side effects", "stopped")
            if outcome and (had[first].outcome is None or later):  # "on lanreotide ... the jab stopped working"
                had[first] = TreatmentHad(first, outcome)
    mentions = [replace(m, id=SURVEILLANCE) if m.id == SCANS else m for m in mentions]
    wanted = _specific_only(tuple(dict.fromkeys(m.id for m in mentions if m.role == "want")), lexicon)
    kept = {m.id for m in mentions if m.role in ("had", "planned")}  # "anything besides X" while having X: as well as X
    avoided = _specific_only(tuple(dict.fromkeys(
        m.id for m in mentions if m.role == "avoid" or (m.role == "besides" and m.id not in kept))), lexicon)
    return TreatmentReading(
        had=tuple(sorted(had.values(), key=lambda t: t.id)),
        wanted=tuple(t for t in wanted if t not in avoided),
        avoided=avoided,
    )


def _scans_as_surveillance(had: dict[str, TreatmentHad]) -> None:
    """ "they're just doing a scan every year" watches the tumour; after an operation it is follow-up."""
    if had.pop(SCANS, None) is not None and "surgery" not in had and SURVEILLANCE not in had:
        had[SURVEILLANCE] = TreatmentHad(SURVEILLANCE, "ongoing")


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
    list_outcome: Optional[str] = None  # the cue before a list of names ("done (A then B)"), for each of them
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
        if result and result[-1].role == "had" and (_EITHER_AFTER.match(after) or _SAME_BEFORE.search(before)):
            role = "had"  # "octreotide didn't hold it, everolimus didn't either"
        joined_here = bool(result) and before in _JOINERS
        if role in ("planned", "mentioned") and not only_names and _IN_A_TRIAL.search(" ".join(words[end:])):
            role = "want"  # "they say maybe more Lutathera, in a study", "we heard they give lutetium - is that a trial?"
        asked_itself = "?" in sentence and part.lower().split()[:1] in ([w] for w in _ASKING)  # "do we just wait and see?"
        asked_itself = asked_itself or bool(_ASKED_BEFORE.search(before))  # "do they just watch or ...?"
        if concept_id in _NO_WEAR_OFF and not joined_here and role != "avoid" and not asked_itself \
                and not (role == "planned" and (_PROPOSED.search(before) or after.startswith("or "))):
            role = "had"  # "the doctor says surveillance": being watched is what they are having (but "suggested watching or lanreotide")
        if role == "had" and _FUTURE_TIME.search(" ".join(words[max(previous_end, start - 3) : min(next_start, end + 3)])) \
                and _FUTURE_START.search(" ".join(words[max(previous_end, start - 4) : start])):
            role = "planned"  # "she's starting chemo next week"
        if role == "want" and treatment_group(lexicon, concept_id) == "scan_tracer" and not trial_words and _A_SCAN_AFTER.match(after):
            role = "mentioned"  # "the gallium scan lights up", "Ga68 scan??": a test, not a trial wished for
        stop = min(next_start, end + _OUTCOME_WORDS)
        if number + 1 < len(spans) and next_start <= end + _OUTCOME_WORDS:
            # "lanreotide, and now she is on everolimus": what comes just before the next name is about the next one
            # (but "lanreotide 2 yrs then it stopped working, everolimus ..." still tells of lanreotide)
            cut = [i for i, w in enumerate(words[end:next_start]) if w in _CLAUSE_WORDS and words[end + i + 1 : end + i + 2] not in _SAID_OF_IT]
            stop = end + cut[-1] if cut else stop
        outcome = None
        if role == "had":
            told = _HYPOTHETICAL.split(" ".join(words[start:stop]))[0]  # not "... I couldn't cope with it growing again"
            outcome = _outcome(told)
            if outcome not in ("stopped working", "side effects") and _WORE_OFF.search(told):
                outcome = "stopped working"  # "worked for a while and then stopped"
            if outcome in (None, "ongoing") and _DONE.match(after):
                outcome = "stopped"  # "first line captem done"
            if outcome is None:
                outcome = _outcome_before(before) or ("ongoing" if concept_id in _NO_WEAR_OFF or _DOSE_AFTER.search(after) else None)
            if outcome is None and result and result[-1].role == "had":
                outcome = _listed_outcome(result[-1], list_outcome, before, after)
            if result and result[-1].role == "had" and result[-1].outcome and (_EITHER_AFTER.match(after) or _SAME_BEFORE.search(before)):
                outcome = result[-1].outcome
            if outcome in (None, "ongoing") and _SYMPTOM_SINCE.search(" ".join(words[:start])):
                outcome = "side effects"  # "this diarrhoea is killing me since starting capecitabine"
        list_outcome = _outcome_before(before) if not (result and before in _JOINERS) else list_outcome
        joined.append(bool(number) and before in _OUTCOME_JOINERS)
        result.append(Mention(concept_id, role, outcome, joined[-1]))
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
            if _weaker(first.outcome, second.outcome) and not singular[i]:
                shared[i - 1] = replace(first, outcome=second.outcome)
            elif _weaker(second.outcome, first.outcome) and not singular[i - 1]:
                shared[i] = replace(second, outcome=first.outcome)
    if all_of_them:
        outcome = next((m.outcome for m in shared if m.role == "had" and m.outcome == "stopped working"), None)
        if outcome:
            shared = [replace(m, outcome=outcome) if m.role == "had" else m for m in shared]
    return shared


def _weaker(outcome: Optional[str], other: Optional[str]) -> bool:
    """ "4 cycles of carboplatin and etoposide ... stopped because it grew": what is said of the whole course
    (that it stopped working, or its harm) outranks "a course was given"."""
    return bool(other) and (outcome is None or (outcome == "stopped" and other in ("stopped working", "side effects")))


def _role(
    before: str, after: str, narrative: bool, asks: bool, only_names: bool, trial_words: bool = False, about_it: bool = False,
    avoid_before: Optional[str] = None, story_word: bool = False,
) -> Role:
    """The role the nearest cue before the name gives it; else a cue after it; else a wish in a
    request or a look-up, and a treatment had in a story."""
    if only_names:
        return "mentioned"  # "lutathera": a topic to explain, not yet a wish
    if _AVOID_AFTER.match(after):
        return "avoid"  # "they're talking about a Whipple which I really don't want"
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
    if _PLANNED_AFTER.search(after):
        return "planned"  # "for surgical discussion at the MDT", "a PRRT referral"
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


_GAPPED = re.compile(r"^for (?:about |around |nearly |almost |over |just over )?(?:\d+|a|one|two|three|four|five|six) (?:years?|months?|weeks?|while)\b")


def _listed_outcome(previous: Mention, list_outcome: Optional[str], before: str, after: str) -> Optional[str]:
    """ "done (lanreotide then captem)": one cue for the list; "lanreotide worked for 2 years, everolimus
    for 14 months": the verb said once for both."""
    if before in _JOINERS and list_outcome in ("stopped", "ongoing"):
        return list_outcome
    if previous.outcome == "stopped working" and _GAPPED.match(after):
        return "stopped working"
    return None


def _outcome_before(before: str) -> Optional[str]:
    if re.search(r"\b(?:progress\w*|grow\w*|grew|worse|failed|spread\w*|vaxer|vaxt|vuxit|vokser|wachst|waechst|pd) (?:even |still )?(?:on|despite|through|after|trots|tross|trotz)\b(?:\s+\w+){0,2}$", before):
        return "stopped working"
    if re.search(r"\b(?:finished|stopped|came off|was on|used to|lines? (?:of \w+ )?done|completed|(?:been|gone|went) through|no longer on"
                 r"|(?:had|did|completed|finished) \d+ (?:cycles?|rounds?|doses?|courses?|sessions?|months?) of"
                 r"|discontinued|took (?:him|her|me|them) off|taken off|not on)\b(?:\s+\w+){0,4}$", before):
        return "stopped"
    if re.search(r"\b(?:on|taking|currently|still|now has|is on|been on|getting|gets|started|starting|added|began|put on|switched to|continue|continuing|far|krijgt|bekommt|erhalt|recibe|dostaje|been having|is having|are having|(?:ve|have|has) given (?:me|him|her|them)"
                 r"|(?:ve|have|has) put (?:me|him|her|them) on|(?:moved|switched|changed) (?:me|him|her|them) (?:on)?to|(?:was|were) put on"
                 r"|(?:having|getting|on) (?:his|her|my|their|the) (?:\w+ )?(?:cycle|dose|round|session|course) of)\b(?:\s+\w+){0,3}$", before):
        return "ongoing"
    return None


def named_ids(text: str, lexicon: Optional[Lexicon] = None) -> tuple[str, ...]:
    """Every treatment or test named in the text, in order, whatever its role."""
    spans = _spans(normalize(text).split(), lexicon or default_lexicon())
    return tuple(dict.fromkeys(SURVEILLANCE if concept == SCANS else concept for _, _, concept in spans))


_NAME_ONLY_WORDS = {"the", "a", "an", "what", "about", "info", "is", "and", "or", "vs", "versus"}


def only_treatment_names(text: str, lexicon: Lexicon) -> bool:
    """A message that is nothing but a treatment's name ("lutathera", "captem?")."""
    words = normalize(text).split()
    spans = _spans(words, lexicon)
    others = [w for i, w in enumerate(words) if not any(start <= i < end for start, end, _ in spans)]
    return bool(spans) and len(words) <= 4 and all(w in _NAME_ONLY_WORDS for w in others)


def _spans(words: list[str], lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, treatment id) for each known name, longest first at each spot; a drug's
    name typed with a slip ("sunitinb", "everolimis") when no known name fits there."""
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
            concept = _misspelt_name(words[i], lexicon)
            if concept:
                spans.append((i, i + 1, concept))
            i += 1
    return spans


_MIN_MISSPELT = 7  # shorter words are too often other words one letter away
_MISSPELT_CUTOFF = 0.84


@lru_cache(maxsize=4096)
def _misspelt_name(word: str, lexicon: Lexicon) -> Optional[str]:
    """The drug a long unknown word plainly misspells (same first letter, one or two letters off);
    never an everyday word ("surgeon" is not "surgery")."""
    if len(word) < _MIN_MISSPELT or not word.isalpha() or word in _everyday():
        return None
    names = _single_word_names(lexicon)
    close = difflib.get_close_matches(word, [n for n in names if n[0] == word[0]], n=1, cutoff=_MISSPELT_CUTOFF)
    return names[close[0]] if close else None


@lru_cache(maxsize=4)
def _single_word_names(lexicon: Lexicon) -> dict[str, str]:
    return {phrase: concept for phrase, concept in _phrase_table(lexicon).items()
            if " " not in phrase and len(phrase) >= _MIN_MISSPELT and phrase.isalpha() and phrase not in _everyday()}


@lru_cache(maxsize=1)
def _everyday() -> frozenset[str]:
    from bot.trials.lookup import everyday_words  # the Dale-Chall list; imported late (the trials package is heavier)

    return everyday_words() | _NOT_MISSPELT


# Words of a NET story one or two letters from a drug's or operation's name.
_NOT_MISSPELT = frozenset(("infection", "infections", "inspection", "projection", "surgeon", "surgeons", "surgical", "oncologist", "radiologist", "chemist", "operating", "operated",
                           "injected", "injecting", "scanning", "watched", "watches", "monitored", "therapist", "transplanted"))


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


# "my wife's been on it 2 years", "he took it for a year but it stopped working": the treatment talked
# about before, had; not "can he go on it?" (a wish) nor "she's had it for years" (the illness).
_ON_IT = re.compile(
    r"\b(?<!can )(?<!could )(?<!would )(?<!should )(?<!will )(?<!to )(?<!if )(?<!whether )(?<!might )"
    r"(?:(?:s|is|was|has|have|ve) been on|been on|is on|s on|m on|am on|re on|are on|was on|were on|took|taking|takes|started|finished|stopped|tried"
    r"|came off|come off|coming off|getting|gets|still on|currently on|now on)\s+(it|them)\b(?!\s+(?:removed|out|cut|taken|off)\b)")


def had_by_pronoun(text: str, topic: str, lexicon: Optional[Lexicon] = None) -> Optional[TreatmentHad]:
    """The treatment in focus, said to be had by "it" ("been on it 2 years, now it's growing"),
    with what happened to it, read as if it had been named; None when no "it" says so."""
    lexicon = lexicon or default_lexicon()
    plain = normalize(text or "")
    found = _ON_IT.search(plain)
    name = _name_of(topic, lexicon)
    if not found or not name or _IF.search(plain[max(0, found.start() - 25) : found.start()]):
        return None
    first_named = _spans(plain.split(), lexicon)
    if first_named and len(plain[: found.start()].split()) > first_named[0][0]:
        return None  # "on lanreotide ... started it in May": "it" is the name just said
    said = plain[: found.start(1)] + name + plain[found.end(1) :]
    return next((t for t in read_treatments(said, lexicon).had if t.id == topic), None)


def _name_of(concept_id: str, lexicon: Lexicon) -> Optional[str]:
    return next((phrase for phrase, concept in _phrase_table(lexicon).items() if concept == concept_id), None)
