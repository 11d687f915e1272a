"""What happened with a treatment had, when said: still on it (ongoing), a course finished (stopped),
it stopped working, or it was stopped for its side effects.

Read from the words after the name up to the next one ("lanreotide for 2 years then it stopped
working"), from the words before it ("progressed on everolimus", "finished 4 cycles of"), from a
later sentence that goes on about it ("The last scan showed growth."), and shared by names told
as one course ("carbo and etoposide, which failed").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from bot.lexicon import Lexicon
from bot.profile.treatment_names import JOINERS, SCANS, SURVEILLANCE, named_ids
from bot.profile.treatment_roles import Mention
from bot.text import normalize

OUTCOME_CUES: tuple[tuple[str, re.Pattern], ...] = (
    (
        "ongoing",
        re.compile(
            r"\b(?:tolerat\w* (?:it |them )?(?:ok|okay|well|fine|alright)|coping (?:ok|okay|well|fine) with"
            r"|(?:is|s|are|re) tolerating|(?:ulcers|sores|rash|nausea|diarrh\w*|tired\w*|fatigue|side effects?) but (?:ok|okay|fine|manageable|coping|tolerable|bearable|alright)|(?:keeping|keeps|is keeping|s keeping) (?:it|things|them|her|him) (?:stable|under control|in check|at bay))\b"
        ),
    ),
    (
        "side effects",
        re.compile(  # before "worse": "it made the hypos worse" is the drug's harm, not the tumour's growth
            r"\bmade (?:the |her |his |my |their )?(?:\w+ )?(?:worse|unbearable)\b|\bmade (?:him|her|me|them) (?:feel )?(?:worse|awful|terrible)\b"
        ),
    ),
    (
        "stopped working",
        re.compile(
            r"\b(?:stopped working|stop working|stops working|stopped to work|didn t work|did not work|not working|no longer working|failed|"
            r"stopped (?:doing anything|doing its job|having any effect|helping|holding it)|quit (?:working|doing anything)|made no difference|no difference|useless"
            r"|(?:didn t|did not|doesn t|does not|hasn t|has not) (?:touch|shrink|slow|stop) (?:it|them|the \w+)|did (?:sod all|bugger all|zilch)|"
            r"(?:didn t|did not|doesn t|does not|not) (?:hold|help|control|touch|do anything)|stopped holding|done nothing|did nothing|no good|no use"
            r"|(?:wasn t|isn t|weren t|aren t|was not|is not) (?:working|doing anything|helping)|(?<!idea of )(?<!of )(?<!about )(?<!he s )(?<!she s )(?<!we re )(?<!i m )(?<!just )doing nothing|progressive disease"
            r"|virket ikke|virker ikke|fungerade inte|fungerar inte|hjalp inte|wirkt nicht|nicht gewirkt|niet gewerkt|no funciono|n a pas marche"
            # "werkte na 3 jaar niet meer", "funcionaron un tiempo pero ya no", "ne marche plus", "hat aufgehort zu wirken"
            r"|werkte? (?:\w+ ){0,4}?niet meer|niet meer (?:gewerkt|werkt?e?)|ya no (?:funciona\w*|hace\w* efecto|sirve\w*)"
            r"|dej(?:o|aron) de funcionar|parou de funcionar|pararam de funcionar|non funziona(?:va)? piu|smesso di funzionare"
            r"|ne (?:marche|fonctionne|agit) plus|wirkt(?:e)? nicht mehr|aufgehort zu wirken|slutat (?:att )?verka|sluttet a virke"
            # growth words, not when negated: "vokser ikke", "geen groei"
            r"|(?<!ikke )(?:vokser|vokst|voksende)(?! ikke)|(?<!geen )(?<!niet )groei"
            r"|progress\w*|grew|grown|growing|growth"
            r"|grow|grows|got bigger|getting bigger|bigger|worse|(?<!not )(?<!never )(?<!results )(?<!result )(?<!biopsy )(?<!pathology )(?<!histology )(?<!bloods )(?<!tests )(?:came|come) back|(?:was|is|it s|its) back|recurr\w*|relaps\w*"
            r"|not helping|stopped helping|stopped controlling|(?:disease|it|tumou?rs?|cancer|illness) (?:has |had )?advanced|new (?:\w+ ){0,2}?(?:lesions?|mets|metastases|spots|tumou?rs?)"
            r"|(?:show\w*|found|appear\w*|seen|spotted) (?:\w+ ){0,2}?new ones"
            r"|(?:markers?|scans?|levels?|chromogranin|cga|hiaa)(?: \w+){0,3} (?:went up|gone up|going up|rose|rising|are up|were up)"
            r"|creep\w*|enlarg\w*|larger|vaxer|vaxt|vuxit|wachst|waechst|gewachsen|groeit|gegroeid|crece|crecido"
            r"|cresce|cresciuto|crecer|creciendo|groeien|wachsen|grossit|progres(?:a|ion|o|sa|se|sione|sion))\b"
        ),
    ),
    (
        "side effects",
        re.compile(
            r"\b(?:stopped (?:it |them )?(?:because of|due to)|had to (?:stop|come off)|fick sluta|pga|pa grund av|wegen|vanwege|a cause d\w*|a causa d\w*|por culpa d\w*|(?:stop\w*|came off|come off|taken off|cancell?ed|called off)(?: \w+){0,4} (?:because|due to|cos)"
            r"|(?:platelets|counts|bloods|white cells|neutrophils) (?:tanked|crashed|dropped|fell|plummeted)"
            r"|(?:stop\w*|came off|come off|taken off)(?: \w+){0,4} for (?:the |his |her |my |a |bad )?(?:\w+ )?(?:rash|fatigue|pneumonitis"
            r"|diarrh\w*|nausea|ulcers|sores|toxicity|infections?|side effects?|reaction|allergy|hypos|bloods|platelets)"
            r"|(?:because of|due to|cos of) (?:the |his |her |my |their |a |bad )?(?:\w+ )?(?:rash|fatigue|tiredness|side effects?|pneumonitis|diarrh\w*"
            r"|nausea|sickness|vomiting|blood pressure|bp|ulcers|sores|toxicity|infections?|kidneys?|kidney function|liver function|bloods"
            r"|platelets|counts|reaction|allergy|pain|sugars|hypos)|(?:kidney|liver) function (?:dropped|fell|went down|got worse)|side effects?|couldn t (?:tolerate|cope|handle)|could not (?:tolerate|cope)|too (?:ill|sick|toxic|much)|made (?:him|her|me|them) (?:so |really |very |too )?(?:ill|sick|poorly)"
            # "which wrecked her hands and feet so they stopped it": a harm, then stopped for it
            r"|(?:wreck\w*|ruin\w*|destroy\w*|knocked (?:him|her|me|them) (?:flat|for six)|floored)(?: \w+){0,6} so (?:they|the (?:doctors?|team|oncologist|onc)|we|he|she|i) (?:had to )?(?:stopped|stop|took (?:him|her|me|them) off|pulled)"
            r"|reaction|toxicity|intoleran\w*|allergic|(?:blood )?counts (?:dropped|fell|were too low|went down)|mouth ulcers|ulcers|sores|too bad"
            r"|(?:feels?|felt|feeling|mar|ma) (?:so |really |very )?(?:awful|terrible|rough|dreadful|daligt|illa) (?:on|from|with|av) (?:it|them|that|det|den)"
            r"|(?:is |s |has been |keeps )?(?:giving|gave|gives) (?:him|her|me|them) (?:\w+ )?(?:diarrh\w*|rash\w*|ulcers|sores|nausea|blisters|headaches))\b"
        ),
    ),
    (
        "stopped",
        re.compile(
            r"\b(?:finished|completed|stopped|came off|had \d+ (?:cycles?|rounds?|doses?)|\d+ (?:cycles?|rounds?|doses?|sessions?|treatments?)"
            r"|x\s?\d+|\d+\s?x|last (?:one|dose|cycle|round|session|treatment) (?:was )?in"
            r"|used to (?:be on|have|take)|was on|(?:was|were|been) discontinued|discontinued"
            r"|finit[io]|finita|finite|terminat[io]|fini|finis|termine|terminado|terminados|terminamos|acabo|beendet"
            r"|abgeschlossen|afgerond|avslutad\w*|arrete\w*|interrompu\w*|interrott\w*|suspendid\w*|abgesetzt|gestopt|stoppet|avbrut\w*|\d+ (?:cicli|ciclos|zyklen|kuren|cykler|kurer|kuuren|cures)"
            r"|(?:19|20)\d\d ?(?:(?:-|to|till|until) ?)?(?:19|20)\d\d)\b"
        ),
    ),  # "lanreotide 2021-2023": a course that ended
    (
        "ongoing",
        re.compile(
            r"\b(?:on|taking|currently|still|ongoing|on going|now has|now on|is on|so far|(?:every|each) \d+ (?:weeks?|days?)|(?:every|each|once a|per) (?:month|week|fortnight)|monthly|since|sinds|seit|depuis|desde|sedan|getting|gets|started"
            r"|receives?|receiving|continue|continuing|carry on|carrying on|stay(?:s|ing)? on|(?<!was )(?<!were )added"
            r"|helps|(?:is|s|are|re) (?:helping|working|holding)|(?:which|that|it) (?:has|have|s|ve) (?:really |definitely )?helped|seems to (?:help|be working|be helping)|(?:has|s|have|ve) (?:calmed|settled|controlled)"
            r"|(?:is|s|are|re|been|remains?|stayed|staying|kept it|keeping it) stable|stable on (?:it|them)|hallit sig stilla|ar stabil\w*)\b"
        ),
    ),
)
# "Side effects have been awful": a sentence about the harm of the treatment told just before.
_SIDE_EFFECTS_FIRST = re.compile(r"^(?:the |his |her |my |their )?(?:side effects?|s e|reactions?)\b")
BACK_REFERENCE = re.compile(r"^\s*(?:it|that|this|which|they|these|the \w+|but|and|then|so)\b|\b(?:it|them)\b")
# "worked for a while", "great until it wasn't": said of the treatment it follows (not carried to the next sentence,
# where "everything has helped for a bit" is no outcome of any one of them).
WORE_OFF = re.compile(
    r"\b(?:worked|helped|good|great|fine|brilliant|ok|okay|controlled it|kept it (?:stable|under control|at bay)|held (?:it|things|them)"
    r"|slowed (?:it|things)(?: down)?) (?:really |very )?(?:well )?"
    r"(?:for (?:about |around |nearly |almost |over |just over |roughly )?(?:a (?:while|bit|time|year|month|year or two|few \w+|couple of \w+)"
    r"|\d+ (?:years?|months?|weeks?)|(?:one|two|three|four|five|six) (?:years?|months?))|at first)"
    r"(?: and)?(?: then)?(?: it)?(?: (?:stopped|stopped working|didn t|wasn t|no longer))?"
    r"|\b(?:worked|helped) (?:and |but )?then (?:didn t|did not|stopped|wasn t|no longer)\b"  # "(worked then didn't)"
    r"|\b(?:worked|helped|good|great|fine|brilliant|ok|okay|stable) until\b|\buntil it (?:wasn t|didn t|stopped|did not|was not)\b"
    r"|\b(?:held|lasted|(?:gave|bought) (?:me|him|her|us|them)) (?:for )?(?:about |around |nearly |almost |over |roughly )?"
    r"(?:\d+|a|one|two|three|four|five|six) (?:good )?(?:years?|months?)\b"  # "which gave me about 2 years", "that held for 18 months"
)
# Medicines for a syndrome's symptoms, not for the tumour: its growth does not make them stop working.
SYMPTOM_CONTROL = frozenset({"telotristat", "diazoxide"})
# Never an outcome of its own: watching is not a drug that can stop working, an operation is not "still on".
NO_WEAR_OFF = {SURVEILLANCE, SCANS}
ALL_OF_THEM = re.compile(
    r"\b(?:both|all of them|all three|all four|each of them|each one|every one|they all|neither|none of them)\b"
    r"|\ball (?:stop\w*|failed|didn t|did not|done|grew|progressed|worked)\b"
    r"|\beverything (?:\w+ ){0,2}?(?:worked|helped|failed|stopped|held|did nothing)\b"  # "everything has worked for a year and then stopped"
)
SAID_OF_ONE = re.compile(r"^(?:\w+\s+){0,2}?(?:it|it s)\b(?!.*\b(?:both|them|they|all)\b)")
IF = re.compile(r"\b(?:if|whether|in case|unless|chances?|risk|might|may|could|would)\b")
# "X didn't either", "nor did X", "same with X": what happened to the treatment before happened to this one.
EITHER_AFTER = re.compile(r"^(?:\w+\s+){0,2}?(?:either|neither|too|as well)\b")
SAME_BEFORE = re.compile(r"\b(?:nor|neither did|nor did|same (?:with|for|thing with|story with)|ditto)(?:\s+\w+){0,2}$")
COURSE_DONE = re.compile(
    r"^(?:\w+\s+){0,2}?done\b(?!\s+(?:by|at|on|every|monthly|today|well|ok|okay|fine|great|nothing))"
)
# Where what is said turns to a fear or a "what if": "coming off my Somatuline? I couldn't cope with things growing again".
HYPOTHETICAL = re.compile(
    r"\b(?:if|in case|whether|unless|worried|worry|scared|afraid|fear\w*|dread\w*|(?:could|couldn t|would) cope)\b"
)
# A symptom told as coming since a drug was started: its harm, not only that it goes on.
SYMPTOM_SINCE = re.compile(
    r"\b(?:diarrh\w*|rash\w*|ulcers?|sores|nause\w*|vomit\w*|sick|exhausted|fatigue|tired|blisters?|hair loss|headaches?|cramps)\b"
    r"(?:\s+\w+){0,12}\s+since (?:starting|going on|being on|(?:i|he|she|they|we) (?:started|went on|began))(?:\s+\w+){0,2}$"
)


def carry_outcome(mentions: list[Mention], plain: str) -> None:
    """ "She's been on the jab since 2022. The last scan showed growth.": the story goes on about the
    treatment had last (an operation or watching has no outcome of that kind)."""
    outcome = outcome_in(plain)
    grew = outcome == "stopped working"
    index = next(
        (
            i
            for i in range(len(mentions) - 1, -1, -1)
            if mentions[i].role == "had" and not (grew and mentions[i].id in SYMPTOM_CONTROL)
        ),
        None,
    )  # "Xermelo added for the diarrhoea. Latest CT says it's growing": the tumour grew on the drug for it
    if (
        index is None
        or mentions[index].id in (*NO_WEAR_OFF, "surgery")
        or mentions[index].outcome in ("stopped working", "side effects")
    ):
        return
    course = [index]  # "cisplatin and etoposide, 6 cycles. But it came back": the whole course
    while mentions[course[-1]].joined and course[-1] > 0 and mentions[course[-1] - 1].role == "had":
        course.append(course[-1] - 1)
    if ALL_OF_THEM.search(plain):  # "had cisplatin/etoposide then FOLFIRI. both stopped working.": every one had
        course = [
            i
            for i, m in enumerate(mentions)
            if m.role == "had" and m.id not in (*NO_WEAR_OFF, "surgery") and m.outcome in (None, "ongoing", "stopped")
        ]
    if IF.search(plain):
        return  # "trials we could consider if it grows", "what's the chance it grows?"
    back = BACK_REFERENCE.search(plain) or (outcome == "side effects" and _SIDE_EFFECTS_FIRST.match(plain))
    if outcome is None and back and WORE_OFF.search(plain):
        outcome = "stopped working"  # "It worked for a while." (but "everything has helped for a bit" is no one's)
    if outcome == "stopped working" or (outcome in ("side effects", "stopped") and back):
        if mentions[index].outcome != "stopped" or outcome in (
            "stopped working",
            "side effects",
        ):  # a course finished, then it grew again
            for i in course:
                mentions[i] = replace(mentions[i], outcome=outcome)
    if outcome == "stopped working":  # it grew while they were still on another one: that one too
        for i, mention in enumerate(mentions):
            if (
                mention.role == "had"
                and mention.outcome == "ongoing"
                and mention.id not in (*NO_WEAR_OFF, "surgery", *SYMPTOM_CONTROL)
            ):
                mentions[i] = replace(mention, outcome=outcome)


def outcome_said_later(text: str, lexicon: Optional[Lexicon] = None) -> tuple[Optional[str], bool]:
    """What a message that names no treatment says happened to one named in an earlier message ("it
    stopped working last month", "the last scan showed growth", "still on it"), and whether it is said
    of all of them ("both stopped working"); (None, False) when it says nothing of the kind."""
    # "Nu har det vaxt igen. Lakaren namner Lutetium.": only the sentences that name no treatment
    # (the lexicon scan per sentence only when the whole message names one)
    if named_ids(text, lexicon):
        text = " ".join(s for s in re.split(r"(?<=[.!?])\s+", text) if not named_ids(s, lexicon))
    plain = normalize(text or "")
    if not plain or IF.search(plain):
        return None, False
    outcome, back = outcome_in(plain), BACK_REFERENCE.search(plain)
    if outcome is None and back and WORE_OFF.search(plain):
        outcome = "stopped working"
    if (outcome == "stopped" and not back) or (outcome == "ongoing" and not _STILL_ON.search(plain)):
        return None, False  # "she stopped work", "can he still do it?": not said of a treatment
    return outcome, bool(outcome and ALL_OF_THEM.search(plain))


_STILL_ON = re.compile(
    r"\b(?:still (?:on|taking|having|getting) (?:it|them|that|those)|tolerat\w*|(?:it s|it has|it s been|been) stable"
    r"|keeping (?:it|things|them) (?:stable|under control|in check))\b"
)


def share_outcomes(
    mentions: list[Mention], joined: list[bool], singular: list[bool], all_of_them: bool
) -> list[Mention]:
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


def outcome_in(words: str) -> Optional[str]:
    return next((name for name, pattern in OUTCOME_CUES if pattern.search(words)), None)


_GAPPED = re.compile(
    r"^for (?:about |around |nearly |almost |over |just over )?(?:\d+|a|one|two|three|four|five|six) (?:years?|months?|weeks?|while)\b"
)


def listed_outcome(previous: Mention, list_outcome: Optional[str], before: str, after: str) -> Optional[str]:
    """ "done (lanreotide then captem)": one cue for the list; "lanreotide worked for 2 years, everolimus
    for 14 months": the verb said once for both."""
    if before in JOINERS and list_outcome in ("stopped", "ongoing"):
        return list_outcome
    if previous.outcome == "stopped working" and _GAPPED.match(after):
        return "stopped working"
    if list_outcome == "stopped working" and _THEN_ON.match(before):
        return "stopped working"  # "progresó con lanreotida y después con everolimus": grew on both
    return None


# "... and then on", "y después con": the next of a list said with the same cue ("progressed on")
_THEN_ON = re.compile(
    r"^(?:(?:and|y|e|und|en|och|og|et) )?(?:(?:then|later|despues|luego|danach|dann|daarna|sedan|deretter|puis|poi|depois) )?"
    r"(?:on|con|com|med|mit|met|avec|sous)$"
)


def outcome_before(before: str) -> Optional[str]:
    if re.search(
        r"\b(?:progress\w*|progres[oa]\w*|grow\w*|grew|worse|failed|spread\w*|vaxer|vaxt|vuxit|vokser|wachst|waechst|pd) (?:even |still )?"
        r"(?:on|despite|through|after|trots|tross|trotz|con|com|med|mit|met|avec|sous|unter|pod)\b(?:\s+\w+){0,2}$",
        before,
    ):
        return "stopped working"
    if re.search(
        r"\b(?:finished|stopped|came off|was on|used to|lines? (?:of \w+ )?done|completed|(?:been|gone|went) through|no longer on"
        r"|(?:had|did|completed|finished) \d+ (?:cycles?|rounds?|doses?|courses?|sessions?|months?)(?: of)?"
        r"|discontinued|took (?:him|her|me|them) off|taken off|not on)\b(?:\s+\w+){0,4}$",
        before,
    ):
        return "stopped"
    if re.search(
        r"\b(?:on|taking|takes|uses|injects|(?<!could )(?<!can )(?<!should )(?<!would )(?<!will )(?<!does )(?<!do )(?<!did )(?<!to )(?:(?:i|he|she|and|also) (?:take|takes|use|uses)|(?:we|they) (?:take|takes))|currently|still|now has|is on|been on|getting|gets|started|starting|added|began|put on|switched to|continue|continuing|far|krijgt|bekommt|erhalt|recibe|dostaje|been having|is having|are having|(?:ve|have|has) given (?:me|him|her|them)"
        r"|(?:ve|have|has) put (?:me|him|her|them) on|(?:moved|switched|changed) (?:me|him|her|them) (?:on)?to|(?:was|were) put on"
        r"|(?:having|getting|on) (?:his|her|my|their|the) (?:\w+ )?(?:cycle|dose|round|session|course) of"
        r"|(?:had|got|gets|getting|having) (?:his|her|my|their|the) (?:very )?first)\b(?:\s+\w+){0,3}$",
        before,
    ):  # a first dose: just started
        return "ongoing"
    return None


# A course told by its count, with nothing said of it going on: "4 lots of lutathera last year", "6 cicli di
# cisplatino", "fyra behandlingar med Lutathera", "4 Lutathera treatments in 2023", "his 4th and last lutathera".
_COUNT = (  # up to twelve: "he's 64, lanreotide shots monthly" is an age
    r"(?:[1-9]|1[0-2]|two|three|four|five|six|seven|eight|ten|twelve|tva|tre|fyra|fem|sex|due|quattro|cinque|sei|dos|tres|cuatro"
    r"|cinco|seis|zwei|drei|vier|funf|sechs|twee|drie)"
)
_COURSE_WORD = (
    r"(?:lots|rounds|cycles|doses|courses|sessions|treatments|infusions|shots|cicli|ciclos|cures|zyklen|kuren|kuuren"
    r"|behandlingar|behandlinger|kurer|cykler|sedute|sesiones|behandelingen)"
)
_COUNTED_BEFORE = re.compile(
    rf"\b{_COUNT} {_COURSE_WORD} (?:of|di|de|del|med|av|mit|van|with)(?: (?:the|his|her|my|their))?$"
    r"|\b(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth) and (?:last|final)"
    r"(?: (?:dose|cycle|round|session|infusion|treatment)s?(?: of)?)?$"
)
_COUNT_LAST = re.compile(rf"\b{_COUNT}$")
_COURSE_WORD_FIRST = re.compile(rf"^{_COURSE_WORD}\b(?! (?:so far|to date|until now|left|to go|planned|booked))")


def counted_course(before: str, after: str) -> bool:
    """Whether a treatment is told as a counted course (`before` and `after`: its words either side)."""
    return bool(_COUNTED_BEFORE.search(before) or (_COUNT_LAST.search(before) and _COURSE_WORD_FIRST.match(after)))


def count_shortened(before: str) -> str:
    """The words before a name with its count said in two words ("had his 4th and final" -> "had his course of",
    "then four lots of" -> "then course of"), so that a cue before the count ("had") is near enough to be read."""
    return _COUNTED_BEFORE.sub("course of", before)
