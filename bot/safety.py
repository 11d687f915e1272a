"""The safety net: messages that need a person now, found by patterns, not by the classifier.

Two kinds: an emergency (chest pain, not able to breathe, collapse, heavy bleeding, a stroke, a
very low blood sugar, a carcinoid crisis, an overdose) gets the emergency number at once;
distress or thoughts of suicide or self-harm get a warm reply and a crisis line.

Both are often said without the plain words: a relative who "went grey and slid off the chair
and isn't answering", tablets "saved up", "I don't want to be a burden", goodbyes said, things
given away. Some of these count only when two signs come together (a fall or a bad colour with
no response; jaw or left arm pain with clamminess; two of a drooping face, a weak arm and
muddled speech; a will sorted and the dog given away).

An emergency sign counts unless the message is plainly about something else: a general
question ("is chest pain a side effect of sunitinib?") or something in the past ("I had a
hypo last year") with no sign that it is happening now. A sugar said to drop, or flushing with
dizziness, does not count either when it happens again and again ("my sugar keeps dropping in
the night, what should I eat"). Distress always counts.
Measured on tests/data/safety_*.txt (figures in docs/safety.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, Optional

Kind = Literal["emergency", "distress"]

_CANT = (
    r"(?:can ?not|cant|can't|cannot|could not|couldn't|unable to|struggling to|struggle to|fighting to"
    r"|(?:finding it|it's|it is|its) (?:so |really |very )?hard to)"
)

_PERSON = (
    r"(?:he|she|hes|shes|he's|she's|him|her|(?:my |our )?(?:mum|mam|mom|mother|dad|father|husband|hubby|wife|partner"
    r"|boyfriend|girlfriend|son|daughter|brother|sister|nan|nana|nanna|gran|granny|grandma|grandmother|grandad|granddad"
    r"|grandpa|grandfather|uncle|aunt|auntie|friend)(?:'s|s)?)"
)
# "Not answering me" is a sign; "not responding to lanreotide" or "not answering the phone" is not.
_NO_RESPONSE = (
    r"(?:not|isn'?t|isnt|is not|won'?t|wont|will not|wasn'?t|wasnt|doesn'?t|doesnt|not really|hardly|barely) "
    r"(?:(?:responding|respond|answering|answer|reacting|react|moving)"
    r"(?=\s*(?:$|[,.!?]|(?:me|us|and|but|even)\b|at all|now\b|properly\b|any ?more"
    r"|when (?:i|we) (?!ring|phone|text|call|message|email)|to (?:me|us|anyone|anything|my voice|(?:his|her|their) name|touch|pain)\b))"
    r"|(?:talking|speaking)(?=\s*(?:$|[,.!?]|and\b|now\b)))"
)
# "Mum isn't answering" is about a phone when the message says so.
_BY_PHONE = re.compile(
    r"\b(?:phone|mobile|ring|rang|rung|call|calls|called|calling|texts?|texted|messages?|emails?|whatsapp|voicemail)\b"
)
_HELP_CALLED = re.compile(r"\bambulance|\b999\b|\bparamedics?\b")
_WHOSE = r"(?:my |his |her |their |the )?(?:\w+ )?"
# "Took all his tablets this morning" is a usual dose.
_NOT_A_DOSE = (
    r"(?! (?:this morning|today|as (?:usual|prescribed|normal)|on time|earlier|before|after"
    r"|with (?:food|water|breakfast|lunch|dinner|tea|a meal)|at (?:\d|breakfast|lunch|dinner|tea|bedtime|the right))\b)"
)
_RISKY_MEDICINES = (
    r"(?:tablets|pills|meds|medicines?|medication|painkillers|morphine|oramorph|oxycodone|oxy|tramadol|codeine"
    r"|co-?codamol|fentanyl|diazepam|zopiclone|sleepers|insulin|paracetamol|amitriptyline)\b"
)

EMERGENCY_SIGNS: dict[str, str] = {
    "chest_pain": (
        r"\bchest (?:pain|pains|is (?:really |very |so )?(?:tight|hurting|sore)|hurts?|feels? (?:tight|heavy|crushed))"
        r"|\bpains? in (?:my|his|her|the) chest|\bcrushing (?:pain|feeling)|\bheart attack"
        r"|\belephant (?:sitting |sat |standing |stood )?on (?:my|his|her) chest|\bpressure (?:in|on) (?:my|his|her) chest"
    ),
    "breathing": (
        rf"\b{_CANT} (?:breathe|breath|breathing|catch (?:my|his|her|a) breath|get (?:my|his|her|a) breath)"
        r"|\b(?:not|isn'?t|isnt|wasn'?t|wasnt) breathing|\bstopped breathing|\bgasping|\bchoking\b|\bcan'?t get (?:any )?air"
        r"|\blips (?:are |have |has )?(?:gone |going |turning |turned )?(?:blue|grey|gray)"
        r"|\blips (?:look|looks|are|have gone|went) (?:\w+ )?(?:dusky|blue|grey|gray|purple)"
        r"|\bblue (?:a?round|about) (?:the|his|her|my) (?:mouth|lips)"
        r"|\bwords? out between breaths|\bcan only (?:get|say) (?:a |one |two |a few |a couple of )?(?:\w+ )?words? out"
    ),
    "collapse": (
        r"\bcollapsed?\b|\bcollapsing\b|\bunconscious\b|\bunresponsive\b|\bpass(?:ed|ing)? out\b"
        r"|\bwon'?t wake\b|\bwont wake\b|\bcan'?t wake (?:him|her|them|up)|\bfainted\b|\b(?:going|about) to faint\b"
        r"|\bhaving a (?:fit|seizure)|\bseizures?\b|\bfitting\b|\b(?:going to|about to|gonna) black out|\bblacking out"
        rf"|\b{_PERSON} (?:has |is |just |suddenly |now )*(?:gone|went|going|become|became|turned) "
        r"(?:all |really |very |completely |totally |so |suddenly )*(?:\w+ and )?(?:floppy|limp)\b"
        rf"|\b{_PERSON} (?:is |has |just |now |still |really |completely |totally )*{_NO_RESPONSE}"
        rf"|{_CANT} (?:rouse|wake) (?:him|her|them)"
        rf"|{_CANT} get (?:him|her|them|(?:my |our )?\w+) to (?:wake|respond|answer|talk|open)"
        r"|\bhaving (?:a|one of (?:his|her|their)) (?:funny|dizzy) turns?"
        r"|\blike a (?:sack of (?:potatoes|spuds)|stone|ton of bricks)"
        r"|\bwon'?t open (?:his|her|their|my) eyes|\beyes (?:have |are |keep |just )?(?:rolled|rolling) (?:back|up)"
    ),
    "bleeding": (
        r"\b(?:bleeding|blood) (?:heavily|a lot|won'?t stop|wont stop|will not stop|everywhere|is pouring|pouring)"
        r"|\bheavy bleeding|\bbleeding (?:badly|heavily|loads|so much)|\blots of blood"
        r"|\b(?:there is|there's|theres|losing) so much blood"
        r"|\b(?:vomiting|coughing|coughed|throwing|threw|bringing|brought) (?:up )?(?:\w+ )?blood"
        r"|\b(?:been |being )?sick (?:with )?blood|\bpouring (?:with )?blood|\b(?:filling|filled) (?:up )?with blood"
        r"|\bbleeding and (?:it )?(?:won'?t|wont|will not) stop"
        r"|\bblood in (?:my|his|her) (?:vomit|sick)|\bcoffee grounds|\bblack (?:and )?tarry|\btarry (?:poo|stools?)"
        r"|\bblood all over\b|\b(?:throwing up|being sick|vomiting|bringing up)\b.{0,25}?\b(?:dark red|bright red|red jam)"
    ),
    "stroke": (
        r"\bface (?:has |is )?(?:dropped|drooped|drooping|gone droopy)|\bface (?:looks|is) (?:odd|funny|lopsided|droopy)"
        r"|\bhaving a stroke|\b(?:words|speech) (?:is |are )?(?:all )?slurred"
    ),
    "carcinoid_crisis": r"\bcarcinoid crisis\b",
    "overdose": (
        r"\boverdos(?:e|ed)\b|\b(?:took|taken|swallowed) too many\b"
        r"|\b(?:took|taken|swallowed|drank|drunk|downed) (?:a |the )?(?:whole|entire|full) "
        rf"(?:bottle|packet|pack|box|strip|tub|blister)s? of {_WHOSE}{_RISKY_MEDICINES}"
        rf"|\b(?:swallowed|drank|drunk|downed) (?:all|the rest) (?:of )?{_WHOSE}{_RISKY_MEDICINES}"
        rf"|\b(?:took|taken) (?:all|the rest) (?:of )?{_WHOSE}{_RISKY_MEDICINES}{_NOT_A_DOSE}"
        rf"|\b(?:took|taken|swallowed|downed) (?:a )?(?:handful|fistful|load|pile|bunch) of {_WHOSE}{_RISKY_MEDICINES}"
        # days' doses at once: "took my whole week's tablets at once by mistake"
        rf"|\b(?:took|taken|swallowed) (?:all )?(?:my|his|her|their) (?:whole |entire )?(?:week|month|fortnight)'?s? "
        rf"(?:worth of )?{_RISKY_MEDICINES}"
        # a number no dose comes to: "if someone took 40 co-codamol", "swallowed 30 of her tablets"
        rf"|\b(?:took|take|taking|taken|swallow(?:ed|ing)?) (?:[2-9]\d|\d{{3,}}|a hundred|fifty|forty|thirty|twenty) (?:of )?{_WHOSE}{_RISKY_MEDICINES}"
    ),
    "general": (
        r"\b(?:call|need|get|send) (?:an |me an |us an )?ambulance|\bit'?s an emergency|\bthis is an emergency"
        r"|\b(?:call(?:ed|ing)?|ring(?:ing)?|rang|dial(?:led)?|phon(?:e|ed|ing)) (?:for )?(?:999|911|112)\b"
        r"|\bi think (?:i'm|im|i am|he's|hes|she's|shes|he is|she is) dying\b|\b(?:i'm|im|he's|hes|she's|shes) dying (?:now|right now)"
    ),
}

# Signs that need two things together.
_INSULINOMA = re.compile(
    r"\binsulinoma|\bhypo\b|\bbm\b|\b(?:blood )?(?:sugar|glucose)\b|\b(?:meter|monitor|sensor) (?:just )?(?:says|reads|shows)"
)
_HYPO_SIGNS = re.compile(
    r"\bshak(?:ing|y)|\bsweat(?:ing|y)|\bclammy|\bconfused|\bdrowsy|\bslurr|\btalking (?:rubbish|nonsense)"
    r"|\b(?:not|isn'?t|isnt) making (?:any )?sense|\bwon'?t eat|\bwont eat|\bcan'?t get (?:him|her|them) to (?:eat|drink)|\bwon'?t wake"
    r"|\bmumbl|\bstaring (?:at|into)|\bglazed|\bcan'?t tell (?:me )?(?:what day|where|who)|\bnot (?:himself|herself)\b"
    r"|\b(?:doesn'?t|doesnt|didn'?t|didnt) know (?:who|where|what day)"
)
_HYPO_NOW = re.compile(
    r"\b(?:having|had|going into) (?:a |another )?(?:bad |severe )?hypo\b"
    r"|\b(?:sugar|glucose)(?: level)?s? (?:is |are |has |keeps? |'s )?(?:gone |going |been |just )?"
    r"(?:very |really |dangerously |so |too |extremely )?(?:low|dropping|crashing|falling|plummeting)"
    r"|\b(?:sugar|glucose|bm|levels?|reading)s? (?:still )?(?:won'?t|wont|will not|isn'?t|isnt|is not|not|aren'?t) (?:come|coming|go|going) up"
    # sugar given and not working: "the juice isn't working", "three glucose tablets and he's still low"
    r"|\b(?:juice|lucozade|glucose|dextrose|jelly babies|sweets|glucogel|hypostop)\b.{0,40}?"
    r"(?:\b(?:isn'?t|isnt|not|aren'?t|arent|hasn'?t|hasnt|haven'?t|havent) (?:working|helping|worked|helped)|\bstill (?:low|all over))"
)
_SUGAR_READING = re.compile(r"\b(?:sugar|glucose|bm)(?: level| reading)?s? (?:is |of |at |reads |was )?(\d+(?:\.\d+)?)")
_TOO_LOW_TO_READ = re.compile(r"\b(?:says|reads|reading|shows|showing|just says) lo\b")  # meters show "LO" below range
_FLUSHING = re.compile(
    r"\bflush|\b(?:gone|going|turned|turning) (?:bright |really |very )?(?:red|purple)|\bbright red|\bred all over"
)
_CRISIS_SIGNS = re.compile(
    r"\b(?:bp|blood pressure)\b.{0,40}?\b(?:drop|low|fall|crash|plummet|\d+ over \d+|\d+/\d+)"
    r"|\bwheez|\bheart (?:is |keeps )?(?:racing|pounding)|\bpounding|\bfaint|\bdizzy"
)

# Heart attack signs away from the chest, with a second sign: "clammy and grey, his jaw and left arm ache".
_HEART_PAIN = re.compile(r"\b(?:jaw|left arm)\b.{0,30}?\b(?:ach|hurt|pain|heavy|numb|tingl)")
_UNWELL = re.compile(
    r"\bclammy|\bsweat(?:y|ing)|\bgr[ae]y\b|\bpale\b|\bbreathless|\bshort of breath|\bbeing sick|\bvomit"
)
# Stroke signs (face, arm, speech): two of them together.
_STROKE_SIGNS = (
    re.compile(r"\b(?:smile|mouth|face)\b (?:has |is |looks |gone |went )*(?:all )?(?:lopsided|crooked|wonky|droop)"),
    re.compile(
        r"\b(?:can'?t|cant|cannot|unable to) (?:lift|raise|move|grip|hold) (?:his|her|my|one|a|the) (?:arm|hand|leg|cup|pen|fork|spoon)"
        r"|\b(?:arm|leg|one side) (?:has |is )?(?:gone |going )?(?:weak|numb|dead|floppy)"
    ),
    re.compile(
        r"\b(?:words|speech) (?:is |are )?(?:coming out )?(?:all )?(?:wrong|jumbled|muddled|garbled|slurred)\b|\bslurring"
    ),
)
# Odd breathing with a mind that is not all there.
_ODD_BREATHING = re.compile(
    r"\bbreathing (?:is )?(?:really |very |so )?(?:fast|rapid|shallow|funny|strange|weird|noisy|odd)|\bpanting|\bgurgl|\brattl"
)

_SEAT = r"(?:chair|seat|sofa|couch|settee|bed|toilet|wheelchair|stool|bench)"
# "I'm confused about the forms" is not a sign.
_CONFUSED = r"(?<!i'm )(?<!im )(?<!i am )(?<!so )\bconfused\b(?! (?:about|by|as|why|what|where|whether|which|how|with|over|at)\b)"
# A fall or a bad colour counts together with the other, or with a sign that the person is not
# all there.
_FALLEN = re.compile(
    r"\bcollaps\w*|\bkeeled over|\bslump(?:ed|ing)\b|\bcrumpled\b|\blying there|\bstaring into space"
    r"|\bbanged (?:his|her|my|their) head"
    rf"|\bslid (?:off|out of|down) (?:the|his|her|a|my) {_SEAT}|\bfell off (?:the|his|her|a|my) {_SEAT}"
    rf"|\b(?:{_PERSON}|and) (?:just |suddenly |has |had )*(?:went|gone) down\b(?! (?:to|the|with|well|a|for|hill)\b)"
    r"|\b(?:dropped|fell|fallen) (?:down|over)\b|\b(?:dropped|fell|fallen) (?:to|on|onto|in) the "
    r"(?:floor|ground|landing|stairs|bathroom|kitchen|hall|garden|toilet|street|shower|bedroom)"
    r"|\bon the (?!ground |first |second |third |top |lower |upper |same |\d)(?:\w+ )?floor\b"
    r"|\bat the (?:bottom|foot) of the stairs|\b(?:fell|fallen|falling) down the stairs"
)
_BAD_COLOUR = re.compile(
    r"\bwhite as a sheet|\b(?:funny|weird|strange|odd) colou?r"
    rf"|\b{_PERSON} (?:has |is |just |suddenly |now )*(?:gone|went|going|turned|turning|is|looks?|looking) (?:a )?(?:\w+ )?"
    r"(?:grey|gray|blue|white|purple|ashen|dusky|pale)\b(?! hair)"
    r"|\b(?:he'?s|hes|she'?s|shes|he is|she is) (?:all |really |very |gone |turned )?(?:grey|gray|blue|ashen|dusky)\b(?! hair)"
)
# The person is not all there: not answering, confused, not making sense.
_MIND_ELSEWHERE = (
    rf"{_NO_RESPONSE}|\b(?:not|isn'?t|isnt|wasn'?t|wasnt) making (?:any )?sense|{_CONFUSED}|\bcan'?t get (?:any )?sense out of|\bdrifting off"
    r"|\beyes (?:are )?open but|\b(?:isn'?t|isnt|not) there\b|\bdrowsy|\bnot with it"
)
_MIND_NOT_THERE = re.compile(_MIND_ELSEWHERE)
_NOT_ALL_THERE = re.compile(
    rf"{_MIND_ELSEWHERE}|\bclammy|\bsweat(?:y|ing)|\bsnoring|\bnoises|\btwitch|\bgroan"
    r"|\b(?:isn'?t|isnt|not|can'?t|cant) get(?:ting)? up\b"
    r"|\bbreathing (?:really |very )?(?:funny|strange|strangely|weird|noisy|slow|shallow)|\bheart (?:is |'s |s )?(?:racing|pounding)"
)
# Signs that are not about a person's body now: collapsed on the sofa, veins collapsing,
# unresponsive to a drug, fitting visits around a job. They are cut out before the search
# for single signs, but a fall still counts with a second sign ("collapsed on the sofa and
# isn't answering").
_NOT_A_SIGN = re.compile(
    r"\bcollaps\w* (?:on|onto|in|into) (?:the |a |my |our |his |her )?(?:sofa|couch|settee|bed|armchair)"
    r"|\bcollapsed lung|\blung (?:had |has |was )?collapsed"  # a pneumothorax, named as history
    r"|\bveins? (?:\w+ )?collaps\w*|\bcollaps\w* (?:my |his |her |the |a )?veins?"
    r"|\bunresponsive to (?!me\b|us\b|touch|pain|voices?)"
    r"|\bwon'?t wake(?: up)? (?:before|until|till|til|early|in the mornings?)"
    r"|\bfitting (?:the |it |them |in |around |into |everything )"
)

# "Desperate to visit", "desperate for a trial" want something; "desperate", "desperate to die" or
# "desperate for it all to end" do not. Nor does "getting desperate" when nobody has told them
# what they asked (_WAITING_FOR_WORD).
_DESPAIR_WANTS = (
    r"(?:die|death|dying|end\b|the end\b|be (?:dead|gone|over)|not (?:be|wake|live)|never|disappear|escape|get away"
    r"|a way out|be with (?:my |our )?(?:late|dead)\b|join (?:him|her|them|my late)\b"
    r"|sleep|peace|relief|help|someone|somebody|anyone|(?:it|this|everything|things|the pain)(?: all)? to\b)"
)
_DESPERATE = rf"\bdesperate\b(?! (?:to|for) (?!{_DESPAIR_WANTS}))"

_NOT_TOLD = r"(?:mentioned|said|told|explained|replied|got back|rung|called|phoned)\b(?! (?:goodbye|bye)\b)"
_WAITING_FOR_WORD = re.compile(
    rf"\b(?:nobody|no one|noone|no-one|none of them) (?:has |have |had |ever )?{_NOT_TOLD}"
    rf"|\b(?:they|the (?:team|doctors?|consultant|hospital|nurses?)) (?:haven'?t|havent|have not|hasn'?t|hasnt|never) {_NOT_TOLD}"
    r"|\b(?:still )?waiting (?:for|on) (?:the |his |her |my )?(?:results?|news|answers?|a call|a reply|a letter|the team|the hospital)"
)

_OWN = r"(?:my|his|her|all my|all his|all her)"
_KEEPSAKES = r"(?:things|stuff|belongings|possessions|jewellery|jewelry|rings?|tools)"

DISTRESS_SIGNS: dict[str, str] = {
    "said_outright": (
        r"\b(?:kill|killing|hurt|hurting|harm|harming) (?:my ?self|myself|him ?self|her ?self)|\bsuicid"
        r"|\bend(?:ing)? (?:it all|my life|things|it tonight)|\btak(?:e|ing) my (?:own )?life|\b(?:want|wants|wanted|wanna|ready) to die\b"
        # "i want to end it, what trials are there": the person's own wish, not a trial or a treatment ended early
        r"|\b(?:i (?:just |really )?(?:want to|wanna|could|might|will)|i'll|(?:i'?m|im|i am) (?:just |really )?(?:going to|gonna"
        r"|ready to|about to)) (?:just )?end it\b(?! (?:early|with|for|there|here)\b)"
        r"|\bwish i (?:was|were) dead|\bdon'?t want to (?:live|be alive|be here|wake up)|\bnever wake up"
        r"|\bno (?:point|reason) (?:in )?(?:living|going on|to live|carrying on|to (?:carry|go) on)|\bbetter off (?:dead|without me)"
        r"|\bnot worth living|\bself[- ]?harm|\bcut(?:ting)? myself|\bgive up on (?:life|living)"
        r"|\bcan'?t (?:go on|cope|take (?:it|this|any ?more)|do this any ?more)|\bhopeless|\bworthless"
        r"|\bgoodbye (?:letters?|notes?)|\b(?:tablets|pills) (?:all )?lined up"
        rf"|\btook (?:a load of|all (?:of )?(?:my|her|his)) (?:pills|tablets)\b{_NOT_A_DOSE}"
        r"|\bwhat i might do to myself|\bif i (?:was|were|wasn'?t|weren'?t) (?:gone|here|around)|\bmade up my mind"
        r"|\bon the (?:bridge|edge)\b|\bfalling apart"
        r"|\b(?:i|i'?m|im)\b(?: \w+){0,3} panic attacks?\b|^(?:having|in) a panic attack|\bpanic attack (?:right )?now"
        # a way of dying named: "driving into the river", "step in front of a train"
        r"|\b(?:driv(?:e|ing)|drove|walk(?:ing)?|jump(?:ing)?|step(?:ping)?|throw(?:ing)? myself) (?:\w+ )?(?:into|off|in front of|under) "
        r"(?:the |a )?(?:river|sea|canal|lake|bridge|cliff|train|lorry|truck|bus|traffic|motorway|wall|tree)\b"
        r"|\bstop(?:ping)? (?:all |taking )?(?:my |his |her |all my )?(?:tablets|meds|medicines?|medication|treatment)s? and let nature"
    ),
    "no_way_on": (
        r"\bpoint (?:of|in) (?:any of this|anything|it all|going on|carrying on)"
        r"|\bi (?:don'?t|dont|can'?t|cant) see the point\b(?! (?:of|in) (?:the|this|that|a|an|another|doing|having|taking|going)\b)"
        r"|\bwant (?:it all|everything) to (?:stop|end)"
        r"|\b(?:think(?:s|ing)?|thought|talk(?:s|ed|ing)?|spoke|speak(?:s|ing)?|going on) (?:about|of) end(?:ing)? "
        r"(?:it\b|(?:his|her|my|their) (?:own )?life)"
        r"|\bnothing (?:left )?to live for|\bdone with (?:life|living)|\brather not (?:exist|be alive|be here)"
        r"|\bdon'?t want to (?:keep |go on |carry on )?(?:living|exist)|\benough of (?:living|life|everything|it all)\b"
        r"|\b(?:scared|afraid|frightened|worried) (?:of )?what i (?:might|could|would|will|may) do\b"
        r"|\b(?:can'?t|cant|don'?t think i can) (?:carry on|keep going|go on) (?:like this|any ?more)|\bsee (?:a|any) way out"
        r"|\bhow (?:much )?longer i can (?:cope|go on|carry on|take (?:it|this)|keep going|do this)|\bnot coping (?:at all|any ?more)"
        r"|\bgiv(?:e|ing) up completely|\b(?:i'?m|im|i am) in (?:a |such a )?(?:really |very |so )?dark place"
        r"|\b(?:i'?m|im|i am|i feel|feeling) (?:at |like i'?m at )?rock bottom|\bend of my tether|\bcan'?t face another day"
        r"|\b(?:i'?ve|ive|i have) had enough(?=\s*(?:$|[,.!?]|now\b|of (?:everything|it all|life|living)))"
    ),
    "saved_medicines": (
        r"\b(?:saving|saved|stockpil\w*|hoard\w*|collect\w*|stash\w*|hiding|hidden|squirrel\w*|keep(?:ing)? back|kept back"
        r"|hold(?:ing)? back) (?:up |away )?(?:\w+ ){0,3}?"
        rf"(?:pain |sleeping )?{_RISKY_MEDICINES}(?! (?:from|at|up from|today|tomorrow|later|on \w+day))"
        rf"|\b{_RISKY_MEDICINES}.{{0,40}}?\b(?:saved|put by|put aside|stashed|stockpiled|hidden|hid|tucked away|kept back)\b"
        rf"|\bput(?:ting)? (?:a few |some )?(?:of )?(?:my |his |her )?{_RISKY_MEDICINES} (?:aside|away|by)\b"
        rf"|\b(?:stash|stockpile|hoard|drawer full|box full|bag full) of (?:\w+ )?{_RISKY_MEDICINES}"
        rf"|\b(?:\d+|two|three|four|six|a few|several) (?:months?|weeks?)'?s? (?:worth )?of (?:my |his |her )?{_RISKY_MEDICINES}"
        r".{0,40}?\b(?:box|drawer|loft|cupboard|shed|bag|hidden|hid|put away|stashed|saved|tucked)\b"
        rf"|\benough (?:\w+ )?{_RISKY_MEDICINES} (?:in the house|at home|put by|saved|stored|now)\b(?! (?:to|for|until|till)\b)"
        r"|\bhow (?:many|much) (?:\w+ ){0,4}?(?:it would take|would it take|would (?:kill|do it))\b"
        r"(?! to (?:control|help|manage|work|kick|ease|treat|get|shrink))"
        r"|\bif i took (?:all|the whole|every|the lot|a whole)\b|\b(?:fatal|lethal|deadly) (?:dose|amount)"
        r"|\bwould be (?:fatal|lethal|deadly)\b|\benough to (?:kill me|kill myself|die|end it)"
        r"|\b(?:looked up|googled|searched|read up on|researching|researched|reading up on) (?:how|which|what)\b.{0,40}?"
        r"\b(?:would|could|will) (?:do it|do the job|kill|be enough)\b"
        rf"|\b{_RISKY_MEDICINES}.{{0,30}}?\b(?:different|several|separate) (?:shops|chemists|pharmacies|supermarkets)"
    ),
    "plans": (
        r"\b(?:made|got|sorted|finished) my plans?\b(?! (?:to|for|with|about)\b)"
        r"|\bplanned (?:how|when|where) (?:i'?d|i would|i'?ll|i will|to) do it"
        r"|\bi know (?:what|how) i'?m (?:going to|gonna) do\b(?! (?:about|with|next|if|when|on|for|at)\b)"
        r"|\b(?:has|have|got) a plan and (?:won'?t|wont|will not|doesn'?t|doesnt|refuses to) (?:say|tell)"
        r"|\bit'?s all planned\b(?! (?:out )?(?:for|with)\b)|\btonight'?s the night|\bstop(?:ping)? me this time"
        r"|\bmade (?:all )?(?:the |my )?arrangements\b(?! (?:for|to|with|at)\b)"
        r"|\b(?:got|have|'ve got|ve got) (?:everything|all) (?:that )?i need to do it\b(?! (?:at home|myself|properly|right))"
    ),
    "burden": (
        r"\b(?:i'?m|i am|im|i feel|feel|being|he'?s|hes|she'?s|shes|he feels|she feels) (?:like )?"
        r"(?:such |just |only |nothing but |a )+burden"
        r"|\b(?:be|being) a burden (?:\w+ ){0,3}?(?:any ?more|much longer|for long|for much longer)"
        r"|\b(?:would|will|'d) (?:all |just |honestly |really )?be better off(?=\s*(?:$|[,.!?]|that'?s|thats|anyway"
        r"|without (?:me|us|him|her|a sick|their|his|my)|with me gone|when (?:i'?m|im|i am) (?:gone|not)"
        r"|if i'?(?:m| am| was| were| wasn'?t| weren'?t| wasnt| just| died| went)))"
        r"|\b(?:be|manage|cope|do) (?:just )?(?:fine|better|ok|okay|alright) without me|\b(?:happier|better) without me"
        r"|\bdeserve (?:better|more) than (?:a|me)\b|\b(?:nobody|no one|noone) would (?:even )?miss me"
        r"|\bbetter off with (?:the |my |his |her )?(?:life )?(?:insurance|payout|pension pot)"
    ),
    "goodbyes": (
        r"\bsaid (?:my|our|his|her|their) goodbyes|\bsa(?:y|ying|id) goodbye to (?:every ?one|all of (?:us|them|you)|each of us)"
        r"|\b(?:wasn'?t|wasnt|won'?t|wont|never) (?:going to |gonna )?see (?:us|me|them|you) again"
        r"|\b(?:wr(?:ote|itten|iting)|left|leaving) (?:letters|a letter|notes?) (?:to|for) "
        r"(?:each of |all of |every one of )?(?:the |my |his |her )?"
        r"(?:kids|grandkids|children|grandchildren|family|everyone|husband|wife|sons?|daughters?)"
        r"|\b(?:got|have|had|'ve|ve) (?:the|my|a) note written|\bnote (?:is |'s )?(?:written|done)\b"
        rf"|\b(?:giv(?:e|ing|en)|gave) {_OWN} (?:\w+ )?{_KEEPSAKES} away|\b(?:giv(?:e|ing|en)|gave) away {_OWN} (?:\w+ )?{_KEEPSAKES}"
        r"|\bgave (?:my|his|her) (?:\w+ ){1,2}(?:my|his|her) (?:rings?|jewellery|jewelry|watch)"
    ),
    "not_around": (
        r"\b(?:won'?t|wont|will not|not going to|not gonna) be (?:here|around) "
        r"(?:much longer|for (?:much )?long(?:er)?|to (?:read|see|hear|know|find out|watch)|any ?more)"
        r"|\b(?:don'?t|dont|do not|can'?t|cant) see myself (?:being )?(?:around|here)"
        r"|\bi won'?t be coming back\b(?! (?:to|for|here|until|till|after)\b)"
        r"|\b(?:won'?t|wont|will not) be (?:here|around)(?=\s*(?:$|[.!?]|,? (?:by then|anyway|so)\b))"
        r"|\b(?:go(?:ing)? to sleep|fall(?:ing)? asleep) and (?:not|never|didn'?t|didnt|don'?t|dont|wouldn'?t) wak(?:e|ing) up"
        r"|\b(?:want|wanna) to (?:just )?disappear|\bwish i could (?:just )?disappear"
        r"|\b(?:worry|bother) about me (?:after|past|beyond) (?:tonight|today|tomorrow)\b"
    ),
    "desperate": _DESPERATE,
}

# Putting affairs in order or giving things away is ordinary with a NET; together with another of
# these it is a farewell.
_FAREWELL_SIGNS = (
    r"\b(?:put|putting|got|sorted|sorting) (?:everything|my affairs|things|it all) (?:in order|sorted)|\baffairs in order"
    r"|\bsorted (?:out )?(?:my|his|her) (?:will|paperwork|funeral|life insurance)|\bfuneral (?:plan|arrangements)|\bplanned my funeral"
    r"|\bcancel(?:led|ed)? (?:the |my |all )?(?:direct debits|subscriptions|standing orders)|\bwho gets what\b",
    r"\b(?:giv(?:e|ing|en)|gave) (?:the|my|his|her) (?:cat|dog|cats|dogs) (?:away|to)|\bgave (?:my|his|her) \w+ (?:my|his|her) \w+"
    r"|\b(?:giv(?:e|ing|en)|gave) (?:away )?(?:my|his|her|all my) (?:\w+ )?\w+ away",
    r"\bthank(?:s| you) for (?:everything|all the (?:info|help|information)(?! so far))"
    r"|\bone last (?:thing|question|time)\b|\b(?:got|have|made|'ve got) a plan for (?:tonight|this evening)\b",
    r"\bwhere (?:the|my) will is\b|\bwho gets (?:the|my) (?:ring|watch|jewellery|jewelry|house|car|money)\b",
    r"\bwhat'?s the point|\bwhats the point|\bi'?m done\b|\btired of fighting|\bdoesn'?t (?:really )?matter (?:much|anyway|any ?more|now)",
    r"\bgoing (?:down |out )?to the (?:river|bridge|cliffs?|reservoir|railway|tracks|quarry|viaduct)\b",
)

# A general question, not a report: "is chest pain a side effect...", "what causes...".
_GENERAL_QUESTION = re.compile(
    r"^(?:is|are|can|could|does|do|did|will|would|what|why|how|which|should|when|who)\b"
    r"|\b(?:side effects?|symptoms? of|signs? of|a sign|cause[sd]?|chances?|risk of|survival|normal for|common)\b"
    r"|\b(?:vs|versus|difference|differences)\b"  # "carcinoid syndrome vs carcinoid crisis?": two things compared
)
_PAST_OR_IF = re.compile(
    r"\b(?:last (?:year|month|week|time)|(?:years?|months?|weeks?|days?) ago|(?<!at )once|used to|in the past"
    r"|before (?:she|he|i|they) (?:was|were) diagnosed|fine (?:since|now)|(?:she|he|i)(?:'s|s| is|'m| am) (?:fine|ok|okay) now"
    r"|in (?:19|20)\d\d|recovered|if (?:\w+ ){0,3}ever|what if|in case|^if"
    r"|when (?:i|he|she|they) (?:was|were) (?:\d+|young|younger|little|a (?:child|kid|baby|teenager)|pregnant)"
    r"|before (?:his|her|my|their|the) (?:op|operation|surgery|diagnosis|whipple|treatment)"
    r"|in (?:january|february|march|april|may|june|july|august|september|october|november|december))\b"
)
_ACUTE = (
    r"(?<!fine )(?<!ok )(?<!okay )(?<!better )(?<!well )\b(?:now|right now|tonight|today|at the moment|currently|just|again"
    r"|(?:^|[.!?,;] ?)help\b|\bhelp (?:me|us|him|her)\b|\b(?:please|need|get|send|someone|somebody|anyone|urgent) help\b|\bhelp ?!"
    r"|what do i do|what should i do|please|ambulance|urgent|hurry|quick|anyone there)\b|\b(?:is|are|i'm|im|he's|hes|she's|shes) (?:\w+ing)\b"
)
_NOW = re.compile(rf"{_ACUTE}|\bkeeps?\b")
# Something that happens again and again, asked about: "my sugar keeps dropping in the night", "dizzy
# and flushed when he stands up". It takes away only the weaker signs (sugar said to drop, flushing
# with dizziness), never one happening now.
_OVER_TIME = re.compile(
    r"\b(?:at night|in the night|overnight|in the early hours|(?:every|most) (?:night|morning|day|afternoon|evening)s?"
    r"|a lot|often|sometimes|lately|recently|these days|on and off|after (?:meals|eating|food|swimming|exercise|lunch|dinner)"
    r"|when(?:ever)? (?:i|he|she|they|we) (?:stands?|gets? up|eats?|drinks?|exercises?|walks?|climbs?))\b"
)
_ACUTE_NOW = re.compile(_ACUTE)
# What someone has now after an event is not the event now: "had a heart attack in march and has a stent now".
_SETTLED = re.compile(r"\b(?:has|have|got) (?:a|an) \w+ now\b")

_EMERGENCY = {name: re.compile(p) for name, p in EMERGENCY_SIGNS.items()}
_DISTRESS = {name: re.compile(p) for name, p in DISTRESS_SIGNS.items()}
_FAREWELL = [re.compile(p) for p in _FAREWELL_SIGNS]
MAX_CHECKED_LENGTH = 5000


@dataclass(frozen=True)
class SafetyMatch:
    kind: Kind
    reason: str  # which sign matched, e.g. "chest_pain"


def _tidy(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text.lower()).strip()[:MAX_CHECKED_LENGTH]


def _low_sugar_reading(text: str) -> bool:
    """A reading below 4 mmol/L, or 20-60 mg/dL, mentioned as a number."""
    for match in _SUGAR_READING.finditer(text):
        value = float(match.group(1))
        if value < 4 or 20 <= value <= 60:
            return True
    return False


def _emergency_reason(text: str) -> Optional[str]:
    cut = _NOT_A_SIGN.sub(" ", text)
    if _BY_PHONE.search(text) and not _HELP_CALLED.search(text):
        cut = re.sub(_NO_RESPONSE, " ", cut)
    for reason, pattern in _EMERGENCY.items():
        if pattern.search(cut):
            return reason
    over_time = _over_time(text)
    if _INSULINOMA.search(text) and (
        _HYPO_SIGNS.search(text)
        or _low_sugar_reading(text)
        or _TOO_LOW_TO_READ.search(text)
        or (_HYPO_NOW.search(text) and not over_time)
    ):
        return "low_blood_sugar"
    if _FLUSHING.search(text) and _CRISIS_SIGNS.search(text) and not over_time:
        return "carcinoid_crisis"
    return _two_signs(text, cut)


def _two_signs(text: str, cut: str) -> Optional[str]:
    """Signs that count only together: a fall or a bad colour, arm or jaw pain, a face, arm or speech sign."""
    fallen, bad_colour = bool(_FALLEN.search(text)), bool(_BAD_COLOUR.search(text))
    if (fallen and bad_colour) or ((fallen or bad_colour) and _NOT_ALL_THERE.search(cut)):
        return "collapse"
    if _ODD_BREATHING.search(text) and _MIND_NOT_THERE.search(cut):
        return "breathing"
    if _HEART_PAIN.search(text) and _UNWELL.search(text):
        return "chest_pain"
    if sum(bool(sign.search(text)) for sign in _STROKE_SIGNS) >= 2:
        return "stroke"
    return None


def _distress_reason(text: str) -> Optional[str]:
    for reason, pattern in _DISTRESS.items():
        if pattern.search(text) and not (reason == "desperate" and _WAITING_FOR_WORD.search(text)):
            return reason
    signs = [bool(pattern.search(text)) for pattern in _FAREWELL]
    if (signs[0] or signs[1]) and sum(signs) >= 2:
        return "farewell"
    return None


def _about_something_else(text: str) -> bool:
    """A general question, a past event or an "if", with nothing saying it is happening now."""
    if _NOW.search(_SETTLED.sub(" ", text)):
        return False
    return bool(_GENERAL_QUESTION.search(text) or _PAST_OR_IF.search(text))


def check_message(text: Optional[str]) -> Optional[SafetyMatch]:
    """An emergency wins over distress; None when the message needs neither."""
    tidy = _tidy(text or "")
    reason = _emergency_reason(tidy)
    if reason and not _about_something_else(tidy):
        return SafetyMatch("emergency", reason)
    reason = _distress_reason(tidy)
    if reason:
        return SafetyMatch("distress", reason)
    return None


def reads_as_ordinary(text: Optional[str]) -> bool:
    """A question or report about something not happening now: a general question, a past event, an
    "if" or something that happens again and again, with nothing saying it is happening now."""
    tidy = _tidy(text or "")
    return _about_something_else(tidy) or _over_time(tidy)


def sounds_acute(text: Optional[str]) -> bool:
    """Something said to be happening now, or a call for help ("he's burning up", "help", "what do i do")."""
    return bool(_ACUTE_NOW.search(_tidy(text or "")))


def happens_again_and_again(text: Optional[str]) -> bool:
    """ "My sugar keeps dropping in the night", "dizzy when he stands up": a pattern over days, not now."""
    return _over_time(_tidy(text or ""))


def _over_time(tidy: str) -> bool:
    return bool(_OVER_TIME.search(tidy)) and not _ACUTE_NOW.search(tidy)
