"""The role a treatment name has in its clause, from the cue words around it: had, wanted, avoided,
planned (offered or booked), never had, or only mentioned.

"she's been on lanreotide" had; "any PRRT trials?" wanted; "not another operation" avoided;
"the oncologist mentioned Lutathera" planned. The cue nearest the name wins ("not keen on" holds
"keen on"); a name with no cue is a wish in a request or a look-up, and a treatment had in a story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, Optional

Role = Literal[
    "had", "want", "avoid", "mentioned", "planned", "besides", "never"
]  # "never": "he's never had PRRT"  # "planned": offered, suggested or booked, not yet had

_AVOID_BEFORE = re.compile(  # longer cues first: at one spot the first alternative that fits wins
    r"\b(?P<cue>(?:doesn t|don t|does not|do not|didn t|won t|wouldn t|can t) (?:want|have|face|do|take|go through) any(?: more)?"
    r"|(?:isn t|is not|not|wasn t|doesn t|don t|didn t|did not|won t|wouldn t|never) (?:keen on|want|like|fancy|interested in)"
    r"|had enough(?: of)?|tired of|can t stand|hates?|(?:less|more gentle|gentler|kinder|milder) (?:\w+ )?than"
    r"|don t want|do not want|didn t want|not interested in|no interest in|not up for|not open to|can t face|couldn t face"
    r"|ruled out|rule out|isn t(?! there)|aren t(?! there)|besides"  # "isn't there a radiation study?" asks
    r"|doesn t want|does not want|won t have|not keen on|not another|not more|no more|no further|anything but"
    r"|(?P<unable>too (?:frail|weak|ill|old|poorly|unwell|sick) for|(?:not|isn t|wasn t|aren t|is not|was not|never) (?:fit|well|strong) enough for"
    r"|(?:not|isn t|wasn t|is not|was not) fit for|(?:can t|cannot|couldn t|unable to|not able to) (?:have|get|undergo)(?! any))"
    r"|spares? (?:him|her|me|them) (?:from )?"
    r"|other than|apart from|alternatives? to|fed up (?:of|with)|sick of|done with|scared of|refuses?|refused|declined|declining"
    r"|turned down|said no to|saying no to|everything but|all but|rather not (?:have|do|go through|be)|except"
    r"|rather (?:he|she|they|i|we|mum|dad|mom|it) (?:wasn t|weren t|didn t have|did not have|was not|were not|not|never)|avoid (?:the )?(?:side effects?|toxicity) of"
    r"|(?:not|never|am not|m not|won t be|will not be) (?:having|doing|going through|facing|putting (?:him|her|me|them|myself) through)"
    r"|(?:won t|will not|wouldn t|would not) (?:do|go through|face|try|take)|scrap|ditch|forget(?: about)?|cross off"
    r"|(?:not|never|aren t|isn t|are not|is not) (?:considering|thinking about|going for|going ahead with|opting for)"  # "we are not considering surgery"
    r"|(?:(?:is|s|are|re|am|m|was|were) (?:dead |totally |completely |really |firmly |strongly )?|dead |totally |completely )(?:set )?against"
    r"|(?<!not )opposed to"  # "mum is dead set against the whipple" (not "she's not against chemo")
    r"|(?:don t|doesn t|do not|does not|won t|that don t|which don t) (?:involve|include|use|need|require)"  # "trials that don't involve surgery"
    r"|nothing (?:that|which) (?:means|involves|needs|requires|includes|uses)|nothing (?:with|involving)"  # "nothing that means an op"
    r"|avoid|avoids|avoiding|without|not|no|non(?=\s*$)|inte|ingen|keine?|kein)\b(?:\s+\w+){0,3}$"  # "non-surgical options", "inte kirurgi"
)
# "never had PRRT", "hasn't been on chemo", "no prior everolimus": named, but neither had nor asked for.
_NOT_HAD_BEFORE = re.compile(
    r"\b(?P<cue>never (?:had|been on|tried|taken|received|been given|got|done)|(?:hasn t|haven t|has not|have not|hadn t|had not) (?:had|been on|tried|taken|received)"
    r"|not (?:had|tried|been on)(?: any)?|no (?:prior|previous|earlier)|(?:has|have|had|s|ve) had no|not yet had|without (?:having )?had|haven t (?:got )?the (?:heart|energy|strength) for"
    r"|hasn t got the (?:heart|energy|strength) for"
    r"|(?:doctors?|docs|surgeons?|oncologists?|onc|team|consultants?|they)(?: \w+){0,3} (?:say|says|said) (?:no more|not another|no further|no))\b(?:\s+\w+){0,3}$"
)
_HAD_BEFORE = re.compile(
    r"\b(?P<cue>had|has had|have had|having had|has|having|is on|was on|been on|went on|on|taking|takes|took|taken|receives?|receiving|start(?:ed|ing|s)?"
    r"|(?:i|he|she|we|they) (?:take|use)|continue|continuing|carry on with|stay on|staying on|far|fatt|fick|har fatt|krijgt|kreeg|bekommt|bekam|erhalt|recibe|recibio|dostaje|recoit"
    r"|(?:been|gone|went|go|going) through|lines? done"
    r"|after|since|following|received|receiving|tried|given|finished|stopped|stop|done|did|gets|getting|currently|still"
    r"|despite|in spite of|trots|trotz|malgre|pomimo|progres\w* (?:con|com|med|mit|met|avec|sous)(?: \w+ (?:y|e|and|und|en|och|og|et) (?:despues|luego|then|dann|danach|daarna|sedan|puis|poi|depois) (?:con|com|on|med|mit|met|avec))?"
    r"|course of|cycles? of|rounds? of|doses? of|months of|years of|weeks of|now has|been having|came off|coming off|post"
    r"|cicli di|ciclos de|cycles de|zyklen|kuren|cykler|kurer|ha fatto|ha preso|prende|prendo|a eu|a fait|recu|tuvo|ha recibido|ha tenido)\b(?:\s+\w+){0,3}$"
)
_WANT_BEFORE = re.compile(
    r"\b(?P<cue>(?<!no to )(?<!against )(?<!without )(?<!refuses )(?<!not having )any|are there|is there|looking for|look for|find|search(?:ing)? for|want|wants|would like|interested in|keen on"
    r"|could (?:he|she|i|we|they|my \w+) (?:still )?(?:have|try|get|do|go|be|start)(?: (?:on|onto|on to|in|into))?"
    r"|(?:he|she|i|we|they) (?:could|can|might) (?:have|try|get|go|be given|start)(?: (?:on|onto|on to|in|into))?"
    r"|anything (?:with|like|using|involving)|(?:kan|kunde|far) (?:man|hon|han|jag|vi|mamma|pappa) (?:fa|ga med i|prova)|(?:man|hon|han|jag|vi) (?:kan|kunde) (?:fa|prova)|particularly|especially|try|options?|consider|eligible for|go on|join|qualify for|offer"
    r"|what about|how about|new|trials? (?:of|with|for|using|on|testing|involving)"
    r"|prefers?|preferred to|would prefer|d prefer|would rather(?! not)|d rather(?! not)"
    r"|studies (?:of|with|on)|study (?:of|with|on)|something like|more about|about(?!\s+\d)|uses?|using|involving|through|via"
    r"|(?:something|anything|one|ones) (?:with|for|using|involving)|research\w*(?: into| on)?|trialling|testing|studying)\b(?:\s+\w+){0,3}$"
)
_PLANNED_BEFORE = re.compile(  # offered, suggested, booked: not had, not (yet) asked for
    r"\b(?P<cue>says?|said|(?:been|was|were|are|re|we re) told|mention\w*|suggest\w*|recommend\w*|talk(?:s|ed|ing)? (?:about|of)|sp(?:oke|eak\w*) (?:about|of)|discuss\w*|brought up|said something about|saying|say"
    r"|offer\w*|consider\w*|propos\w*|reckons?|choice(?: of| between)?|options? (?:of|between)|lean\w* towards|tempted by|thinking (?:of|about)"
    r"|pratar om|namnde|foreslog|(?:sager|sa|sagt|sagte|zegt|dice|dit|sagt) (?:att|dass|dat|che|que)|spricht von|sprach von|parle d[eu]|parla(?:no)? d[ei]\w*|propone|habla de|praat over|planning|plan|waiting for|waiting list for|on the list for|referred for|booked (?:in )?for|due to (?:start|have)"
    r"|going to (?:have|start|try)|will (?:have|start)|next (?:step|thing|option|line)(?: is| would be| will be)?|might (?:have|get|need)"
    r"|(?:they|oncologist|onc|doctor|doctors|docs|consultant|surgeon|surgeons|team|specialist|gp|nurse) (?:tell|tells)(?: us| me| him| her)?"
    r"|(?:they|oncologist|onc|doctor|doctors|docs|consultant|surgeon|surgeons|team|specialist|gp|nurse)(?: \w+){0,3} (?:wants? to|(?:is|s|are|re) keen to)(?: (?!avoid|stop|skip)\w+)?(?: (?:him|her|me|them|you|us))?(?: on)?"
    r"|(?:they|oncologist|onc|doctor|doctors|docs|consultant|surgeon|surgeons|team|specialist|gp|nurse) (?:prefers?|would prefer|would rather)"
    # "the surgeon wants a distal pancreatectomy", "the surgeons want the whipple": put forward by them
    r"|(?:oncologist|onc|doctor|doctors|docs|consultant|surgeon|surgeons|team|specialist|endo\w*) (?:want|wants|wanted)(?= (?:a|an|the|to do (?:a|an|the))\b)"
    r"|wants? (?:him|her|me|them|us) (?:to (?:have|try|start|go on)|on)|wants? to (?:put|start|switch|move) (?:him|her|me|them) (?:on|onto|to)"
    r"|want (?:him|her|me|them) to (?:have|try|start)|waiting on|awaiting|scheduled for|lined up for|refer(?:red|ring)?(?: \w+)? for"
    r"|maybe|possibly|perhaps|potentially|(?:ll|will|would|might|may|s going to|is going to) need|needs? to have|talking"
    r"|put (?:him|her|me|them|us) (?:forward|down|up) for|pratade om|namner|namnde|namnt|foreslar|foreslog)\b(?:\s+\w+){0,3}$"  # "the doctor say maybe later lutetium": not had
)
_NEUTRAL_BEFORE = re.compile(  # named in passing: read about, asked about, had by someone else
    r"\b(?P<cue>as well as|in addition to|on top of|alongside|info on|information (?:on|about)|tell me about|what is|whats|what s"
    r"|(?:anything|something|stuff|details|more|much|leaflets?|info|facts|reading) (?:on|about)"
    r"|(?:read(?:ing)?|heard|hearing|asking|asked|wondering|know) (?:up )?(?:about|on|into|that)"
    r"|(?:videos?|documentar(?:y|ies)|programmes?|programs?|podcasts?|webinars?|articles?|talks?|films?) (?:on|about)"
    r"|read(?:ing)?|heard|hearing|seen|saw|wants? to know|wondering|asking|explain\w*|what happens (?:after|with|during)|life after"
    r"|instead of|rather than|in place of|in plaats van|au lieu d[eu]?|anstatt|statt|invece d[ie]?|en lugar de|en vez de|i ?stallet for"
    r"|recovery (?:after|from)|recovering from|how (?:long|soon|quickly) (?:after|before|until|following)"
    r"|should (?:i|he|she|we|they) (?:do|have|go for|take|get|try)|(?:some|other|many|most) (?:people|patients)|others|someone|people)\b(?:\s+\w+){0,3}$"
)
_TRIALS_OF = re.compile(
    r"\b(?:(?:trials?|studies|study)\s+(?:of|with|for|using|on|testing|involving|that uses?|comparing|combining|giving|adding|looking at"
    r"|(?:that|which|where they)\s+(?:combines?|compares?|uses?|tests?|gives?|adds?|looks? at|tries?|pairs?))"
    r"|(?:badania|badanie)(?: kliniczne)? z|studier? (?:med|om|av)|ensayos? (?:con|de|sobre)|essais? (?:avec|de|sur)|etudes? (?:sur|de|avec)"
    r"|studi[oe]? (?:con|su|sul|sulla|di)|studien? (?:mit|zu|uber)|onderzoek (?:met|naar))\b(?:\s+\w+){0,2}$"
)
# "trials after surgery", "a study before PRRT": when, not what, the trial is about.
_TRIAL_TIMING = re.compile(
    r"\b(?:trials?|studies|study)\s+(?:\w+\s+){0,4}(?:after|following|before|post)(?:\s+(?:a|an|the|his|her|my|their))?$"
)
_GIVEN_AFTER = re.compile(
    r"\b(?:medicines?|medications?|drugs?|tablets?|pills?|injections?|treatments?|something|anything)\s+(?:\w+\s+){0,1}"
    r"(?:after|following|before|post)(?:\s+(?:a|an|the|his|her|my|their))?$"
)
_TRIAL_NEXT = re.compile(r"(?:clinical\s+|drug\s+)?(?:trials?|studies|study)\b")  # "a PRRT trial"
# The operation named as the way a tumour was taken out ("... taken out last year with a lobectomy", "removed by
# a whipple"), whatever request follows in the clause; not one still ahead ("could be removed with surgery").
_REMOVAL = r"(?:taken\s+out|removed|cut\s+out|resected|excised)"
_REMOVED_BY = re.compile(
    rf"\b{_REMOVAL}\b(?:\s+\w+){{0,4}}?\s+(?:with|by|via|through|during)(?:\s+(?:a|an|the|his|her|my|their|keyhole|open))?$"
)
_REMOVAL_AHEAD = re.compile(
    rf"\b(?:is|are|be|being|get|gets|getting|to|will|would|could|can|may|might|should|shall|if|want|wants|wanted|wanting|plan\w*|going|need|needs|booked|offered|suggest\w*)\s+(?:\w+\s+){{0,2}}?{_REMOVAL}\b"
)
_PLANNED_AFTER = re.compile(
    r"^(?:\w+\s+){0,1}(?:discussion|opinion|assessment|consult\w*|referral|review|work ?up|candidate)\b"
    r"|^(?:s |is |has been |was |been |now )?(?:booked|scheduled|planned|pencilled in|lined up|due)\b"  # "the whipple's booked for May"
    r"|^(?:and |with |plus )(?:\w+\s+){1,2}?(?:(?:is|are|s|re|has been|have been|been) )?(?:booked|scheduled|pencilled in|lined up)\b"  # "... and splenectomy booked"
    r"|^(?:(?:is|s|would be|will be|might be|could be|ar|kanske ar|ist|est|e|es) (?:probably |likely |maybe |kanske |wohl )?(?:the |la |il |el |der |die |das |de |het )?"
    r"(?:next|nasta|nachste|naechste|prochaine?|prossim[oa]|siguiente|volgende)\b)"  # "PRRT is probably next"
    r"|^(?:\w+\s+){0,8}?(?:is|s|are|re) (?:in (?:\d+|a|two|three|four|five|six|a few|a couple of) (?:days?|weeks?|months?)|next (?:week|month)|tomorrow)\b"
    r"|^(?:\w+\s+){0,1}?(?:later(?!\s+(?:that|this|the|in|on|at|we|they|he|she|i))|later on|down the (?:line|road|track)|in (?:the )?future)\b"  # "maybe PRRT later"
)  # "surgery to take out the tail is in 3 weeks"


def planned_after(after: str) -> bool:
    """ "the whipple's booked for May", "a PRRT referral": said after the name, it is still to come."""
    return bool(_PLANNED_AFTER.search(after))


WANT_AFTER = re.compile(r"^(?:\w+\s+){0,2}(?:trials?|studies|study|research)\b")
_HAD_AFTER = re.compile(
    r"^(?:(?:19|20)\d{2}\b|x\s?\d+\b|\d+\s?x\b|from the start|first|initially|at first|till|until)"
    r"|^(?:\w+\s+){0,3}?(?:helps|is helping|s helping|is working|s working|made no difference|did nothing"
    r"|(?:didn t|did not|doesn t|does not|hasn t|has not) (?:touch|shrink|slow|stop|hold|help|control) (?:it|them|the \w+|anything))\b"
    r"|^(?:\w+\s+){0,4}?(?:stopped working|didn t work|did not work|not working|no longer working|failed|worked|helped|for \d+ (?:years?|months?|weeks?)"
    r"|since|\d+ (?:cycles?|rounds?|doses?)|cycles?|every \d+ (?:weeks?|days?)|monthly|injections? since|last (?:year|month)|in \d{4}|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*"
    r"|side effects?|made (?:him|her|me|them) (?:ill|sick|poorly)|was (?:stopped|finished)|finished)\b"
    r"|^(?:was |were |got )?added\b(?! to (?:the )?(?:list|trial|study))"  # "xermelo added last spring for the runs"
)
DOSE_AFTER = re.compile(  # "lanreotide 120mg", "sandostatin lar 30 mg monthly", "autogel 120 deep sc": a prescription
    r"^(?:\w+\s+){0,1}\d+(?:\s?(?:mg|mcg|micrograms?|units?)\b|\s+(?:deep\s+)?(?:sc|s c|im|subcut\w*)\b)"
)
# A treatment said to start in the future ("she starts chemo next week", "having the op on friday") is planned, not had.
FUTURE_TIME = re.compile(
    r"\b(?:next (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|few (?:days|weeks))|tomorrow|soon"
    r"|in (?:a|\d+|two|three|four|five|six|eight|ten|twelve|few|a few|couple of|a couple of) (?:days?|weeks?|months?)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|this (?:coming )?(?:week|month|monday|tuesday|wednesday|thursday|friday)|starts? on|date"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
FUTURE_START = re.compile(
    r"\b(?:start(?:s|ing)?|begin(?:s|ning)?|having|getting|doing|going on|goes on|due|has|have|after)\b(?:\s+\w+){0,2}$"
)
QUESTION = re.compile(
    r"\?|\b(?:any|is there|are there|anything|could|can|would|what|which(?! (?:i|he|she|we|they|was|were|has|had|made|worked|stopped|did|shrank|helped|held|kept|caused|gave|seems?|means?)\b)|where|looking for|find|search|trials?|options?"
    r"|wants? to know|wondering|wonder|(?:do|does|will|can|is|are|would|should) (?:they|it|these|those|you|i|we))\b"
)

_BEFORE_CUES: tuple[tuple[Role, re.Pattern], ...] = (
    ("never", _NOT_HAD_BEFORE),
    ("avoid", _AVOID_BEFORE),
    ("planned", _PLANNED_BEFORE),
    ("mentioned", _NEUTRAL_BEFORE),
    ("want", _WANT_BEFORE),
    ("had", _HAD_BEFORE),
)
# Each kind's cue nearest the name (a leading greedy ".*" finds the last one, not the first:
# "could someone explain what the injections are for" is "explain", not "someone").
_LAST_CUES: tuple[tuple[Role, re.Pattern], ...] = tuple(
    (role, re.compile("^.*" + pattern.pattern)) for role, pattern in _BEFORE_CUES
)
FAR_CUES: tuple[tuple[Role, re.Pattern], ...] = tuple(  # the same cues further back, for a list after "like"
    (role, re.compile("^.*" + pattern.pattern.replace(r"(?:\s+\w+){0,3}$", r"(?:\s+\w+){0,9}$")))
    for role, pattern in _BEFORE_CUES
)
TRIAL_WORDS = re.compile(
    r"\b(?:trials?|studies|study|research|studie|studier|badania|badanie|ensayos?|essais?|studien)\b", re.I
)
_TOPIC_CUE = re.compile(
    r"\b(?P<cue>(?:know|hear|learn|read(?:ing)?|info|information|tell me) (?:more )?(?:about|on))\b(?:\s+\w+){0,3}$"
)
# A refusal said after the name: "a Whipple, which I really don't want", "chemo but he's dead against it".
_AVOID_AFTER = re.compile(
    r"^(?:which|that|but|and|though|tho)?\s*(?:(?:i|he|she|we|they|mum|dad|my \w+)\s+)?(?:really |just |definitely |absolutely |still |so |totally )?"
    r"(?:(?:don t|doesn t|do not|does not|won t|wouldn t|didn t|never) (?:want|fancy|like the (?:sound|idea))(?! to (?:stop|give up|come off|lose|miss|change))"
    r"|refuses?|refused|(?:is |s |was )?refusing|hates?|dreads?|(?:can t|couldn t|cannot) face|(?:said|says|say) no|declined|turned (?:it|them) down"
    r"|(?:is|are|s|am|m|re) (?:not keen|not having|not doing|dead against|against|dreading|scared of|terrified of|out of the question|a no go|not happening|not an option for (?:me|him|her|us))"
    r"|(?:is|s) (?:out|off the table)|(?:is|s|was|would be) (?:too (?:risky|dangerous|heavy|much|big)|not (?:safe|possible|an option)) (?:for|at))\b"
)
# "men pappa vill inte", "cellgifter vill hon inte ha": a refusal after the name in another language
_AVOID_AFTER_ELSEWHERE = re.compile(
    r"^(?:men\s+|aber\s+|maar\s+|mais\s+|ma\s+|pero\s+)?(?:\w+\s+){0,2}?(?:ne\s+)?(?:vill|will|wil|veut|vuole|quiere)\s+"
    r"(?:\w+\s+)?(?:inte|nicht|niet|pas|non|no)\b"
)
# "no operation yet", "ingen operation än": not had so far, not refused
_NOT_YET_AFTER = re.compile(
    r"^(?:yet|as yet|so far|before|previously|to date|until now|in the past|an|annu|noch|nog|encore|ancora|todavia|aun)\b"
)  # "no PRRT before", "no surgery previously"
# A trial's rule about a past treatment asked about: "prior PRRT allowed?", "is prior everolimus required"
_PRIOR_BEFORE = re.compile(r"\b(?:prior|previous|earlier)$")
_RULE_ASKED_AFTER = re.compile(
    r"^(?:\w+\s+)?(?:ok|okay|allowed|required|needed|necessary|accepted|permitted|excluded|an? (?:exclusion|problem|issue|must))\b"
)
_HEDGE = re.compile(
    r"\b(?:might|may|could|possibly|perhaps|probably|maybe) (?:not|be too|too)\b"
)  # "probably too old for PRRT"


@dataclass(frozen=True)
class Mention:
    """One treatment name of a message, with its role and, for one had, what happened."""

    id: str
    role: Role
    outcome: Optional[str] = None
    joined: bool = False  # joined to the name before by "and", "+", "og": one course ("carbo + etoposide")


def role_from_cues(
    before: str,
    after: str,
    narrative: bool,
    asks: bool,
    only_names: bool,
    trial_words: bool = False,
    about_it: bool = False,
    avoid_before: Optional[str] = None,
    story_word: bool = False,
) -> Role:
    """The role the nearest cue before the name gives it; else a cue after it; else a wish in a
    request or a look-up, and a treatment had in a story."""
    if only_names:
        return "mentioned"  # "lutathera": a topic to explain, not yet a wish
    if _PRIOR_BEFORE.search(before) and _RULE_ASKED_AFTER.match(after):
        return "mentioned"  # "prior PRRT ok?", "is prior everolimus required": a trial's rule asked about
    if _AVOID_AFTER.match(after) or _AVOID_AFTER_ELSEWHERE.match(after):
        return "avoid"  # "they're talking about a Whipple which I really don't want"
    avoid_before = (
        before if avoid_before is None else avoid_before
    )  # "no spread, watch and wait": no cue across a comma
    if _TRIAL_TIMING.search(before) or (trial_words and asks and _GIVEN_AFTER.search(before)):
        return "mentioned"  # "trials after surgery", "a study where you get a medicine after the operation": when, not what
    if _STOPPING.search(before):
        return "mentioned"  # "trials looking at stopping the shots": what is stopped is not wished for
    if _TRIALS_OF.search(before) and not _AVOID_BEFORE.search(avoid_before):
        return "want"  # "trials of having PRRT a second time" (but not "no trials of PRRT")
    if _REMOVED_BY.search(before) and not _REMOVAL_AHEAD.search(before):
        return "had"  # "had a lung carcinoid taken out last year with a lobectomy, any trials?": how it was done
    shift = len(before) - len(avoid_before)  # avoid_before ends before does: one frame for both
    cues: list[tuple[tuple[int, int], Role]] = [
        ((m.start("cue") + shift, m.end("cue") + shift), role) if role == "avoid" else (m.span("cue"), role)
        for role, pattern in _LAST_CUES
        if (m := pattern.search(avoid_before if role == "avoid" else before))
    ]
    if cues:
        role = "avoid" if _refusal_runs_on(cues, before) else nearest_role(cues)
        if role == "had":
            role = _had_cue_reframed(before, after, cues)
        if (
            role == "avoid"
            and re.search(r"\bbesides(?:\s+\w+){0,3}$", avoid_before)
            and not re.search(r"\b(?:not|no|don t|want)\b", avoid_before)
        ):
            return "besides"
        if role == "avoid" and _NOTHING_BUT.search(avoid_before):
            return "had" if narrative else "mentioned"  # "no treatment yet apart from the monthly lanreotide jab"
        if role == "avoid" and _HATES_THEIR.search(avoid_before):
            return "had"  # "she hates the monthly shot": a feeling about what she is having, not a refusal
        if role == "avoid" and (_HEDGE.search(before) or _unable_asked(before)):
            return "mentioned"  # "he might not be fit for PRRT", "is he too old for PRRT?": neither refused nor wished
        if (
            role == "avoid"
            and _NOT_YET_AFTER.match(after)
            and re.search(r"\b(?:no|ingen|inget|kein\w*|geen|pas de|nessun\w*)$", avoid_before)
        ):
            return "never"  # "no PRRT yet"
        if role in ("planned", "mentioned") and _TRIAL_NEXT.match(after):
            return "want"  # "the onc mentioned a PRRT trial"
        if role == "planned" and asks and trial_words and _HEDGED.search(before):
            return "want"  # "any trials with PRRT, maybe with chemo as well?"
        if role == "mentioned" and trial_words and _topic_asked(before, cues):
            return "want"  # "I'd like to know about SIRT and whether any trials use it"
        return role
    if _PLANNED_AFTER.search(after):
        return "planned"  # "for surgical discussion at the MDT", "a PRRT referral"
    if WANT_AFTER.search(after):
        return "want"
    if (_HAD_AFTER.search(after) or DOSE_AFTER.search(after)) and (narrative or not about_it):
        return "had"  # (but "lutathera side effects kidneys" asks about it)
    if about_it and not trial_words and (asks or not narrative):
        return "mentioned"  # "lanreotide side effects", "is surgery a must?": a topic, not a wish
    if not narrative and not story_word:
        return "want"  # a look-up: "surufatinib incl completed - pNET only" (but "the injections hurt" is no look-up)
    if asks and (not before.strip() or trial_words):
        return "want"  # "are there trials where she could get PRRT quicker?"
    return "had" if not asks else "mentioned"


_STOPPING = re.compile(
    r"\b(?:trials?|studies|study|research)\s+(?:\w+\s+){0,3}?(?:on |of |into )?"
    r"(?:stopping|coming off|withdraw\w*|reducing|cutting down|spacing out|a break from)(?: (?:the|his|her|my|their))?$"
)
_HATES_THEIR = re.compile(r"\b(?:hates?|hated|hating)(?: (?:the|his|her|my|their))(?: \w+)?$")
_HEDGED = re.compile(r"\b(?:maybe|possibly|perhaps|potentially)\b(?:\s+\w+){0,3}$")
# "is he too old for PRRT?", "would she be fit enough for surgery": whether they can have it, asked.
_UNABLE_ASKED = re.compile(
    r"\b(?:is|are|am|would|will|could|might)\s+(?:he|she|i|they|we|you|mum|dad|mom|my \w+|\d{2,3}|an? \d{2,3} (?:year old|yr old|yo))"
    r"\s+(?:be\s+|still\s+|not\s+)?"
    r"(?:too|fit|well|strong|able)\b"
)


def _topic_asked(before: str, cues: list[tuple[tuple[int, int], Role]]) -> bool:
    """ "know more about SIRT" is the nearest cue (not "know about, either instead of the op")."""
    topic = _TOPIC_CUE.search(before)
    if topic is None:
        return False
    return max(span for span, role in cues if role == "mentioned")[0] < topic.end("cue")


def _unable_asked(before: str) -> bool:
    cue = dict(_LAST_CUES)["avoid"].search(before)  # the refusal cue nearest the name
    return bool(cue and cue.group("unable") and _UNABLE_ASKED.search(before))


# A start of treatment still to come: "they plan to start the octreotide", "before she starts the octreotide".
_FUTURE_FRAME = re.compile(
    r"\b(?:plan(?:s|ned|ning)? to|going to|gonna|about to|due to|set to|hop(?:e|es|ing) to|keen to"
    r"|wants?(?: \w+)? to|would like(?: \w+)? to|will|ll|before(?: \w+)?)$"
)
# Help or a feeling about a start still to come: "tips for", "advice on", "nervous about", "what to expect when".
_ASKED_ABOUT_STARTING = re.compile(
    r"\b(?:(?:tips|advice|hints|help|info|guidance|suggestions|questions?|anything i should know)(?: \w+){0,2} (?:for|on|about|re|when|before)"
    r"|(?:nervous|anxious|worried|scared|frightened|apprehensive|terrified|wary) (?:about|of|before)"
    r"|(?:expect|prepare|preparing|ready)(?: \w+){0,2} (?:when|for|before)|(?:what s|what is|whats) it like"
    r"|(?:how|what) (?:do|does|should|can|did) (?:i|we|you|he|she|they|people|patients) (?:\w+ ){0,3}?(?:when|before|for|about)"
    r"|is it (?:ok|okay|safe|normal|wise|worth it|better)(?: \w+){0,4}? (?:when|before)|is it (?:ok|okay|safe|normal|wise) to"
    r"|(?:ok|okay|safe|alright|allowed|fine) to(?: \w+){0,3}? (?:when|before)"
    r"|thinking (?:of|about))$"
)
_START_CUE = re.compile(
    r"^(?:start\w*|begin\w*|go on|going on|have|having|get|getting|take|taking|try|receiv\w*|do|doing)$"
)
# "an age limit on the lutathera trials", "the guidance after PRRT studies": the trial, not a treatment had.
_PLACE_CUE = {"on", "about", "for", "after", "since", "following", "post"}
# "can you fly after PRRT?": a general question, not a treatment the writer says they had.
_GENERAL_YOU = re.compile(
    r"\b(?:can|could|should|do|does|will|would|is it (?:ok|okay|safe) to) (?:you|one|people|patients|someone)\b"
)


def _had_cue_reframed(before: str, after: str, cues: list[tuple[tuple[int, int], Role]]) -> Role:
    """The "had" cue nearest the name, read in its frame: a start still to come is planned, a place word
    before a trial's name a wish, "after X" in a general question only a mention."""
    (start, end), _ = max(((span, role) for span, role in cues if role == "had"), key=lambda cue: cue[0][0])
    cue = before[start:end]
    if _START_CUE.match(cue) and _FUTURE_FRAME.search(before[:start].rstrip()):
        return "planned"
    if cue in ("start", "starting") and _ASKED_ABOUT_STARTING.search(before[:start].rstrip()):
        return "mentioned"  # "any tips for starting lanreotide?": a start asked about is no history
    if _TRIAL_NEXT.match(after):  # "took part in a lanreotide trial years ago", "dana farber has a cabozantinib trial"
        return "want" if cue in _PLACE_CUE else "mentioned"
    if cue in ("after", "since", "following", "post") and _GENERAL_YOU.search(before[:start]):
        return "mentioned"
    return "had"


# "nothing apart from the jab", "no treatment other than the op": the exception is what they had
_NOTHING_BUT = re.compile(
    r"\b(?:no|nothing|none|not had any|never had any|hasn t had any|haven t had any)\b(?:\s+\w+){0,3}\s+"
    r"(?:apart from|other than|except(?: for)?|besides|aside from)(?:\s+\w+){0,3}$"
)


def _refusal_runs_on(cues: list[tuple[tuple[int, int], Role]], before: str) -> bool:
    """ "does not want any more chemo", "avoid anything with injections": the refusal runs on into the
    "any" that alone would read as a request."""
    spans = dict((role, span) for span, role in cues)
    if "avoid" not in spans or "want" not in spans:
        return False
    (_, refusal_end), (asked_start, _) = spans["avoid"], spans["want"]
    return before[asked_start:].startswith("any") and not before[refusal_end:asked_start].strip()


def nearest_role(cues: list[tuple[tuple[int, int], Role]]) -> Role:
    """The cue nearest the name, unless a longer cue contains it ("not keen on" holds "keen on")."""
    (start, end), role = max(cues, key=lambda cue: cue[0][0])
    for (other_start, other_end), other_role in cues:
        if other_start < start and other_end >= end:
            return other_role
    return role
