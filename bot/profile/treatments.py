"""Treatments in a message, each read as had (with what happened), wanted, or not wanted.

"he had half his pancreas out and now has the monthly injections, is there anything he could
try next" is surgery (had) and a somatostatin analogue (had, ongoing), and nothing wanted;
"any PRRT trials? not another operation" wants PRRT and avoids surgery.

The reading, one sentence at a time: the names (`treatment_names.py`), each one's role from the
cue words of its clause (`treatment_roles.py`), what happened with the ones had
(`treatment_outcomes.py`), operations told without a name (`surgery_story.py`), wishes that point
back at a name said before (`pointed_back.py`) and courses (`courses.py`); then one reading for
the whole message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from bot.lexicon import Lexicon, default_lexicon
from bot.profile.courses import combined, had_one_of
from bot.profile.dose_felt import TAKEN_GROUPS, felt_now, harm_while_still_on, told_as_own
from bot.profile.model import TreatmentHad
from bot.profile.pointed_back import NEVER_AGAIN, pointed_back
from bot.profile.surgery_story import surgery_role, surgery_told
from bot.profile.treatment_names import (
    JOINERS,
    OUTCOME_JOINERS,
    SCANS,
    STORY_WORDS,
    SURVEILLANCE,
    TESTS_NOT_TREATMENTS,
    asked_name,
    clause_words,
    is_generic,
    name_of,
    name_spans,
    named_ids,
    only_treatment_names,
    treatment_group,
)
from bot.profile.treatment_outcomes import (
    ALL_OF_THEM,
    BACK_REFERENCE,
    COURSE_DONE,
    EITHER_AFTER,
    HYPOTHETICAL,
    IF,
    NO_WEAR_OFF,
    SAID_OF_ONE,
    SAME_BEFORE,
    SYMPTOM_CONTROL,
    SYMPTOM_SINCE,
    WORE_OFF,
    carry_outcome,
    count_shortened,
    counted_course,
    listed_outcome,
    outcome_before,
    outcome_in,
    outcome_said_later,
    share_outcomes,
)
from bot.profile.treatment_roles import (
    DOSE_AFTER,
    FAR_CUES,
    FUTURE_START,
    FUTURE_TIME,
    QUESTION,
    TRIAL_WORDS,
    WANT_AFTER,
    Mention,
    Role,
    nearest_role,
    planned_after,
    role_from_cues,
)
from bot.profile.watching_asked import watching_asked
from bot.text import normalize

__all__ = [
    "TreatmentReading",
    "asked_name",
    "had_by_pronoun",
    "named_ids",
    "only_treatment_names",
    "outcome_said_later",
    "read_treatments",
    "treatment_group",
]  # also what other modules import from here

_CONTEXT_WORDS = 7
_NARRATIVE = re.compile(
    r"\b(?:i|i'm|i've|me|he|she|they|we|my|his|her|our|their|has|had|have|was|were|been|is on|are on"
    r"|(?:first|second|third|1st|2nd|3rd) line|failed|progressed|stopped working|didn't work|done|worked|helped|held|grew|growing"
    r"|jag|har|hij|zij|heeft|er|sie|hat|stopped|started|finished|had to|working|stable|shrank|tolerat\w*|side effects?)\b",
    re.I,
)  # a story, even without "I"
# The same in the other languages people write in (on normalised text: no accents, no apostrophes).
_NARRATIVE_ELSEWHERE = re.compile(
    r"\b(?:j ai|il a|elle a|mon|mes|ma (?:mere|femme|fille|soeur)|depuis|mio|mia|ho|ha fatto|fatto|sono|da \d+ anni"
    r"|tiene|tuvo|recibio|desde|lleva|ich|mein|meine|meiner|seit|hatte|mijn|ik|heeft|sinds|kreeg"
    r"|jag|mitt|mina|hon|han|hade|sedan|fick|moj|moja|mama|tata|mial|miala)\b"
)
_STORY_LENGTH = 25  # words: staff look-ups are terse, a message this long tells a story
# "... something more proactive, like liver surgery": a list after "like" takes its role from further back.
_LIKE_END = re.compile(r"\b(?:like|such as|e g|eg|for example|for instance|including)$")
_IN_A_TRIAL = re.compile(
    r"\b(?:in|on|as part of|through|via|within) (?:a|an|the|one) (?:new |clinical |research )?(?:trial|study)\b"
    r"|\b(?:is|was|would) (?:that|this|it) (?:a|an|part of a|in a|on a) (?:new |clinical |research )?(?:trial|study)\b"
)
# A question put outright ("Are there studies for insulinomas that come back?"): it tells nothing that happened.
_ASKS_OPENLY = re.compile(
    r"^\W*(?:are|is|any|anything|could|can|would|will|what|which|where|do|does|should|how)\b[^.!]*\?", re.I
)
# A question about a treatment itself, which the knowledge answers cover.
_ABOUT_IT = re.compile(
    r"\bside[\s-]?e(?:f|ff)ects?\b|\brecovery\b|\bsafe\b|\bbetter\b|\bsame as\b|\bdifferent\b|\bhow (?:long|often|much|many|is|does|do)\b"
    r"|\bwhat(?: is|'s|s)\b|\bwhat (?:actually|exactly|even|really) (?:is|are)\b|\bdose\b|\bdosage\b|\bhair\b|\bulcers?\b|\bmust\b|\bon the nhs\b|\bnhs\b|\blicensed\b|\bcost\b"
    r"|\bwork(?:s|ing)?\b|\bnormal\b|\bvs\b|\bversus\b|\bgood (?:option|idea)\b|\bworth\b|\bexplain\w*\b|\bwhat (?:are|is|were|was) (?:the |they |it )?\w*\s?for\b"
    r"|\bwhat happens\b|\brecover\w*\b|\bkidneys?\b|\bhow (?:long|many)\b|\bmake (?:you|u|me|him|her|them|people) (?:sick|ill|tired|poorly)\b"
    r"|\bnause\w*|\bpainful\b|\bhurts?\b|\b(?:still )?used\b|\bapproved\b|\bcause[sd]?\b|\bmake (?:you|u) \w+"
    r"|\bdiff\b|\bwhich (?:one|1|is) (?:\w+ )?(?:less|more|better|worse|stronger|weaker|easier|gentler)\b|\bis one\b"
    r"|\bsame (?:thing|drug|stuff|one|medicine)\b|\bdifference between\b|\bwhat s the difference\b|\bskillnad\w*|\bunterschied\w*|\bverschil\b|\bdiferencia\b"
    r"|\bdoes (?:it|that|this) (?:help|do)\b|\bwhat does\b"
    r"|\b(?:a|an) (?:kind|type|form|sort) of\b|\bis (?:it|that|this) (?:only|just) for\b|\b(?:does|do|will|can) (?:it|that|this|they) (?:shrink|slow|cure|stop|get rid of)\b",
    re.I,
)
_OUTCOME_WORDS = 20  # how far after a name its outcome may be told
_WHAT_IF = re.compile(r"\b(?:if|in case|unless|once it|when it|should it)\b(?!.*\b(?:had|has had|was on|been on)\b)")
# An operation on something other than the NET ("2 kidney ops", "his knee surgery"): the README leaves it out.
_ON_SOMETHING_ELSE = re.compile(
    r"\b(?:kidney|kidneys|knee|knees|hip|hips|heart|eye|eyes|back|spine|spinal|brain|thyroid|parathyroid|gallbladder"
    r"|hernia|cataract|bariatric|cardiac|shoulder|valve)$"
)
_CLAUSE_WORDS = {"and", "then", "now", "but", "before", "after", "followed", "switched", "moved", "so", "next", "later"}
_PROPOSED = re.compile(
    r"\b(?:suggest\w*|offer\w*|mention\w*|recommend\w*|consider\w*|discuss\w*|talk\w* about|lean\w* towards|thinking (?:of|about)|tempted by|choice)\b(?:\s+\w+){0,3}$"
)
_ASKING = {
    "what",
    "how",
    "is",
    "are",
    "can",
    "could",
    "do",
    "does",
    "where",
    "when",
    "which",
    "would",
    "will",
    "should",
    "whats",
}
# "they want to just watch it", "elle prefere la surveillance": watching put
# forward, not yet under way (but "the specialist wants to keep doing scans" is).
_WATCHING_PUT_FORWARD = re.compile(
    r"\b(?:want(?:s|ed)? to|prefer\w*|propos\w*|leaning towards)\b(?!.*\b(?:keep|keeps|continue|still|carry on)\b)(?:\s+\w+){0,3}$"
)
# Watching offered as one way among others, or said to be acceptable: a choice still to make, not yet under way.
_WATCHING_AS_AN_OPTION = re.compile(
    r"\beither\b[^.?!]*\bor\b|\b(?:a|the|my|his|her|their) choice\b|\bgiven (?:me|him|her|them|us) (?:a|the) choice\b"
    r"|\b(?:surveillance|watching|watch and wait|monitoring)\s+(?:is|would be|could be|s)\s+(?:fine|ok|okay|an option|reasonable|safe)\b"
)
_READ_ABOUT = re.compile(r"\b(?:read|reading|heard|hearing|seen|saw)\b")
_STUDIED = re.compile(
    r"\b(?:research\w*|studying|testing|trialling|trials?|studies|study|etudes?|essais?|ensayos?|studien?|studier|studi[oe])\b(?:\s+\w+){0,3}$"
)
_ASKED_BEFORE = re.compile(
    r"\b(?:do|does|did|will|would|should|could|can|shall)(?: (?:they|we|he|she|you|i|the \w+)(?: just| only| simply)?)?$"
)
_DESCRIBES_A_TEST = re.compile(
    r"^(?:biopsy|biopsies|scan|scans|mri|ct|lesions?|spots?|mets|tumou?rs?|function|tests?|results|bloods|enzymes|ultrasound)$"
)
# "had 6 cycles (of)": a course given and finished, whatever "since" or "stable" follows.
# A treatment given again and again, said before its name in the same clause, and nothing told as past.
_EVERY_SO_OFTEN = re.compile(
    r"\b(?:every \d+ (?:weeks?|days?|months?)|every (?:week|month|fortnight|other week)|(?:once|twice) a (?:week|month|year)"
    r"|monthly|weekly|fortnightly|each (?:month|week|year)|yearly|annual\w*)\b"
)
_PAST_TOLD = re.compile(r"\b(?:was|were|used to|had|did|came|went|stopped|finished)\b")
_COURSE_COUNTED = re.compile(
    r"\b(?:had|did|completed|finished) \d+ (?:cycles?|rounds?|courses?)(?: of)?(?:\s+\w+){0,2}$"
)
# Done to the person rather than taken: "two lots of embolisation" tells no course that ended.
_PROCEDURES = frozenset({"surgery", "liver_treatment"})
_ORGAN_LAST = re.compile(r"\b(?:liver|pancreas|lung|lungs|kidney|kidneys|bowel)$")
_INTO_THE_ORGAN = re.compile(r"\b(?:into|to|at) the (?:liver|pancreas|lung|lungs|bowel)$")
_A_SCAN_AFTER = re.compile(r"^(?:pet )?(?:scans?|showed|shows|lit|lights|picked)\b")
# After "then", "and": words still about the name before ("lanreotide 2 yrs then it stopped working",
# "Sandostatin LAR 2020-2022 then progression, CAPTEM x 6"), not the start of the next one's story.
_SAID_OF_IT = {
    "it",
    "that",
    "this",
    "they",
    "which",
    "progression",
    "progressed",
    "progressing",
    "growth",
    "grew",
    "pd",
    "recurrence",
    "relapse",
    "didn",  # "worked then didn't", "helped and then stopped"
    "stopped",
    "failed",
    "wasn",
}
# Sentences, and a "but" that turns to a new clause (not "anything but chemo": there "but" means "except").
_SENTENCE = re.compile(
    r"(?<=[.!?;\n])(?<!\d\.)(?!\d)\s*|(?<=\d\.)\s+|(?<!\s)(?<!anything)(?<!everything)(?<!nothing)\s+(?=but\b)"
    r"(?!but (?:ok|okay|fine|manageable|coping|tolerable|bearable|alright)\b)",  # "mouth ulcers but ok": one clause
    re.I,
)  # (?<!\s): linear on long runs of spaces


@dataclass(frozen=True)
class TreatmentReading:
    had: tuple[TreatmentHad, ...] = ()
    wanted: tuple[str, ...] = ()
    avoided: tuple[str, ...] = ()
    proposed: tuple[str, ...] = ()  # offered, suggested or booked; not had, wanted nor refused


def read_treatments(text: str, lexicon: Optional[Lexicon] = None) -> TreatmentReading:
    lexicon = lexicon or default_lexicon()
    mentions: list[Mention] = []
    sentences = [s for s in _SENTENCE.split(text) if s and s.strip()]
    only_names = only_treatment_names(text, lexicon)
    narrative = _is_story(text)  # a story, not a look-up
    plain_text = normalize(text)
    own_dose = told_as_own(plain_text)  # "... or is that just me", "been on it 8 months"
    last_named: list[Mention] = []  # the mentions of the latest sentence that named a treatment
    for sentence in sentences:
        found = _test_outcome_to_treatment(
            combined(_mentions(sentence, lexicon, only_names, narrative, own_dose), lexicon), lexicon
        )
        plain = normalize(sentence)
        lead = plain if not found else _words_before_names(plain, lexicon)
        if lead and not _ASKS_OPENLY.match(
            sentence
        ):  # "... stopped after 5 months because of pneumonitis, then the jab"
            carry_outcome(mentions, lead)  # (but "are there studies for ones that come back?" asks)
        if watching_asked(plain):  # "a study where they just keep an eye on it": watching asked for, not had
            found = [m for m in found if m.id not in (SURVEILLANCE, SCANS)] + [Mention(SURVEILLANCE, "want")]
        mentions.extend(pointed_back(plain, found, mentions, last_named, narrative))
        mentions.extend(found)
        mentions.extend(_never_again(plain, found))
        if surgery_told(sentence) and not any(m.id == "surgery" for m in found):
            found.append(Mention("surgery", surgery_role(sentence, plain)))
            mentions.append(found[-1])
        mentions.extend(had_one_of(plain, found or last_named, lexicon))
        if found:
            last_named = found
    if _NOT_OPERATING.search(text):
        mentions.append(Mention("surgery", "avoid"))  # "any trials where they dont operate??": no operation named
    return _collect(
        _radiation_as_prrt(_watching_as_advice(mentions, text), text),
        lexicon,
        bool(_TUMOUR_LEFT.search(plain_text)),
    )


def _test_outcome_to_treatment(found: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """ "taking octreotide for 1.5 years, now PET scan showing progression": the growth a scan shows is the
    treatment's before it (a scan is a test, never a treatment that stops working); a course told as finished
    and then growth is one that stopped working (README)."""
    moved = list(found)
    for i, mention in enumerate(moved):
        if (
            i == 0
            or mention.outcome != "stopped working"
            or treatment_group(lexicon, mention.id) not in TESTS_NOT_TREATMENTS
        ):
            continue
        previous = moved[i - 1]
        if (
            previous.role == "had"
            and previous.outcome in (None, "ongoing", "stopped")
            and previous.id not in (*NO_WEAR_OFF, "surgery")
        ):
            moved[i - 1] = replace(previous, outcome="stopped working")
            moved[i] = replace(mention, outcome=None)
    return moved


# "the doctors say watch.": watching under way; beside another treatment put forward ("surgeon says distal
# panc + spleen. gastro says watch.") it is one of two pieces of advice, not yet chosen.
_SAYS_WATCH = re.compile(r"\b(?:say|says|said|saying) watch\b")


def _watching_as_advice(mentions: list[Mention], text: str) -> list[Mention]:
    other_advice = any(m.role == "planned" and m.id not in NO_WEAR_OFF for m in mentions)
    if not other_advice or not _SAYS_WATCH.search(normalize(text)):
        return mentions
    return [
        replace(m, role="planned", outcome=None) if m.id == SURVEILLANCE and m.role == "had" else m for m in mentions
    ]


# "had Lutathera four times and says never again", "säger aldrig igen": had, and not wanted again
_NEVER_AGAIN = re.compile(NEVER_AGAIN)


def _never_again(plain: str, found: list[Mention]) -> list[Mention]:
    had = [m for m in found if m.role == "had"]
    if not had or not _NEVER_AGAIN.search(plain):
        return []
    return [Mention(had[-1].id, "avoid")]


# Words that name beam radiotherapy itself, not the radiation of a radioactive drug.
_BEAM_WORDS = re.compile(
    r"\b(?:radiotherapy|radiation therapy|sbrt|stereotactic|external beam|proton|gamma knife)\b", re.I
)


def _radiation_as_prrt(mentions: list[Mention], text: str) -> list[Mention]:
    """ "he had Lutathera ... he's done with radiation": refusing radiation beside PRRT refuses PRRT, not
    beam radiotherapy nobody named; "not interested in anything with radiation", with neither named,
    refuses both (PRRT is radiation given as a drug)."""
    if _BEAM_WORDS.search(text):
        return mentions
    if not any(m.id == "prrt" for m in mentions):
        refused = [m for m in mentions if m.id == "radiotherapy" and m.role == "avoid"]
        return mentions + [replace(refused[0], id="prrt")] if refused else mentions
    return [replace(m, id="prrt") if m.id == "radiotherapy" and m.role == "avoid" else m for m in mentions]


def _is_story(text: str) -> bool:
    plain = normalize(text)
    if len(plain.split()) >= _STORY_LENGTH or _NARRATIVE_ELSEWHERE.search(plain):
        return True
    markers = {m.group(0).lower() for m in _NARRATIVE.finditer(text)}
    # "lanreotide side effects??": a topic asked about in a few words, not a story of side effects had
    return bool(markers) and not (len(plain.split()) <= 6 and all(m.startswith("side effect") for m in markers))


def _words_before_names(plain: str, lexicon: Lexicon) -> str:
    """The words of a sentence before its first treatment name, when it goes on from the one before
    ("but stopped after 5 months because of pneumonitis, then the jab"); else nothing."""
    words = plain.split()
    spans = name_spans(words, lexicon)
    lead = words[: spans[0][0]] if spans else []
    return " ".join(lead) if len(lead) >= 2 and BACK_REFERENCE.search(" ".join(lead)) else ""


def _collect(mentions: list[Mention], lexicon: Lexicon, tumour_left: bool = False) -> TreatmentReading:
    had: dict[str, TreatmentHad] = {}
    said_at: dict[str, int] = {}
    for position, m in enumerate(mentions):
        if m.role == "had" and (m.id not in had or m.outcome):
            outcome = m.outcome
            if treatment_group(lexicon, m.id) == "surgery" or (
                treatment_group(lexicon, m.id) == "liver_treatment" and outcome == "ongoing"
            ):
                outcome = None  # an operation is not "still on", nor does it "stop working"; nor is an embolisation
            elif m.id in NO_WEAR_OFF and outcome not in (None, "ongoing", "stopped"):
                outcome = "ongoing"  # "stable on watch and wait ... it has grown": still being watched
            had[m.id] = TreatmentHad(m.id, outcome)
            said_at[m.id] = position
    _scans_as_surveillance(had, tumour_left)
    for generic in [i for i in had if is_generic(lexicon, i)]:
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
    avoided = _broadest_only(
        tuple(dict.fromkeys(m.id for m in mentions if m.role == "avoid" or (m.role == "besides" and m.id not in kept))),
        lexicon,
    )
    besides = {m.id for m in mentions if m.role == "besides"}  # "options besides the operation": not a wish
    settled = {*had, *wanted, *avoided, *besides}
    proposed = _specific_only(tuple(dict.fromkeys(m.id for m in mentions if m.role == "planned")), lexicon)
    return TreatmentReading(
        had=tuple(sorted(had.values(), key=lambda t: t.id)),
        wanted=tuple(t for t in wanted if t not in avoided),
        avoided=avoided,
        proposed=tuple(t for t in proposed if t not in settled),
    )


# A wish for no operation said with a verb or "without" ("where they dont operate", "without an op")
_NOT_OPERATING = re.compile(
    r"\b(?:where|that|which|if)\s+(?:they|you|the\s+surgeons?|the\s+doctors?)\s+(?:don'?\s?t|do\s+not|won'?\s?t|will\s+not)"
    r"\s+(?:have\s+to\s+|need\s+to\s+)?(?:operate|cut\s+(?:her|him|me|you|them)\s+open)\b"
    r"|\bwithout\s+(?:an?\s+|any\s+|more\s+)?(?:operating|operation|op|surgery)\b",
    re.I,
)


# A tumour still there after an operation: "the rest they keep an eye on", "3 more small ones", "now there's one
# in her lung": scans of it watch it, they are not only follow-up.
_TUMOUR_LEFT = re.compile(
    r"\b(?:the rest|the others|the remaining(?: ones)?|the other ones?|(?:\d+|two|three|four|a few|some) more (?:small |little |tiny )?ones"
    r"|more (?:small |little |tiny )ones|(?:another|a new|a second) (?:one|tumou?r|lump|net|growth)|there s one in|theres one in"
    r"|still (?:there|in place)|left in place|(?:one|ones|some) left)\b"
)


def _scans_as_surveillance(had: dict[str, TreatmentHad], tumour_left: bool = False) -> None:
    """ "they're just doing a scan every year" watches the tumour; after an operation it is follow-up, unless
    a tumour is still there to watch."""
    if had.pop(SCANS, None) is not None and ("surgery" not in had or tumour_left) and SURVEILLANCE not in had:
        had[SURVEILLANCE] = TreatmentHad(SURVEILLANCE, "ongoing")


def _specific_only(ids: tuple[str, ...], lexicon: Lexicon) -> tuple[str, ...]:
    """ "liver treatments like SIRT or TACE": SIRT and TACE, not also every liver treatment."""
    groups = {treatment_group(lexicon, i) for i in ids if not is_generic(lexicon, i)}
    return tuple(i for i in ids if not (is_generic(lexicon, i) and treatment_group(lexicon, i) in groups))


def _broadest_only(ids: tuple[str, ...], lexicon: Lexicon) -> tuple[str, ...]:
    """ "CAPTEM, never again ... NO more chemo": refusing chemotherapy already refuses CAPTEM; but
    "no SIRT or TACE" refuses those two, not every liver treatment."""
    groups = {treatment_group(lexicon, i) for i in ids if is_generic(lexicon, i)}
    return tuple(i for i in ids if is_generic(lexicon, i) or treatment_group(lexicon, i) not in groups)


def _mentions(sentence: str, lexicon: Lexicon, only_names: bool, narrative: bool, own_dose: bool) -> list[Mention]:
    words, clause_starts = clause_words(sentence)
    spans = [
        span
        for span in name_spans(words, lexicon)
        if not _DESCRIBES_A_TEST.match(" ".join(words[span[1] : span[1] + 1]))
        or not _ORGAN_LAST.search(" ".join(words[span[0] : span[1]]))
        or _INTO_THE_ORGAN.search(" ".join(words[span[0] : span[1]]))
    ]  # "the new liver biopsy" is no transplant (but "straight into the liver spots" is a liver treatment)
    spans = [span for span in spans if not _ON_SOMETHING_ELSE.search(" ".join(words[max(0, span[0] - 2) : span[0]]))]
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
        part = (
            sentence
            if len(questions) == 1
            else " ".join(
                words[max(q for q in questions if q <= start) : next((q for q in questions if q > start), len(words))]
            )
        )
        asks = (
            bool(QUESTION.search(part.lower()))
            or (len(questions) > 1 and "?" in sentence)
            or part.split()[:1] == ["how"]
            or (len(questions) > 1 and part.split()[:1] in ([w] for w in _ASKING))
        )
        trial_words = bool(TRIAL_WORDS.search(part))
        about_it = bool(_ABOUT_IT.search(part))
        if result and before in JOINERS and start == previous_end + len(before.split()):
            role = result[-1].role  # "PRRT or surufatinib", "everolimus vs sunitinib": one role for both
            if planned_after(after) and role in ("had", "want"):
                role = "planned"  # "distal pancreatectomy and splenectomy booked for the 14th": the whole list
                _plan_joined_run(result, joined)
            elif role in ("had", "mentioned") and WANT_AFTER.search(after):
                role = "want"  # "lutathera / lu-177 studies in Quebec": the whole list
                _plan_joined_run(result, joined, "want")
            elif role == "planned" and _A_TRIAL_NEXT.match(after):
                role = (
                    "want"  # "my onc mentioned a Lonsurf + temozolomide trial": the trial's treatments, the whole list
                )
                _plan_joined_run(result, joined, "want")
        elif _LIKE_END.search(before):  # "something more proactive, like liver surgery"
            far = " ".join(words[max(previous_end, start - 12) : start])
            cues = [(m.span("cue"), role) for role, pattern in FAR_CUES if (m := pattern.search(far))]
            role = (
                nearest_role(cues)
                if cues
                else role_from_cues(
                    before, after, narrative, asks, only_names, trial_words, about_it, avoid_before, story
                )
            )
        else:
            role = role_from_cues(
                count_shortened(before),
                after,
                narrative,
                asks,
                only_names,
                trial_words,
                about_it,
                count_shortened(avoid_before),
                story,
            )
        if result and result[-1].role == "had" and (EITHER_AFTER.match(after) or SAME_BEFORE.search(before)):
            role = "had"  # "octreotide didn't hold it, everolimus didn't either"
        if role == "had" and result and result[-1].role == "planned" and _THEN_NEXT.search(before):
            role = "planned"  # "talked about surgery to take out as much as possible and then lutathera after"
        if role == "mentioned" and narrative and result and result[-1].role == "had" and _THEN_NEXT.search(before):
            role = (
                "had"  # "lanreotide stopped working in 2024, then sunitinib, which wrecked her hands": the next one had
            )
        if role in ("want", "had") and _IF_IT_FAILS.search(before) and _FAILS.match(after):
            role = "mentioned"  # "if the everolimus stops working, any trials?": what they are on, not a wish
        if role == "want" and _REFUSED_ANYTHING.search(" ".join(words[max(clause, start - 14) : start])):
            role = "avoid"  # "doesn't want to be a guinea pig in anything with sunitinib"
        if role == "had" and _WHAT_IF.search(" ".join(words[max(0, start - 8) : start])):
            role = "planned"  # "if it grows there's PRRT", "for later if PRRT stops working": not had
        if role in ("had", "want") and not trial_words and planned_after(" ".join(words[end:next_start])):
            role = "planned"  # "surgery to take out the tail is in 3 weeks": said further on than the cue window
        joined_here = bool(result) and before in JOINERS
        if role in ("planned", "mentioned") and not only_names and _IN_A_TRIAL.search(" ".join(words[end:])):
            role = (
                "want"  # "they say maybe more Lutathera, in a study", "we heard they give lutetium - is that a trial?"
            )
        asked_itself = "?" in sentence and part.lower().split()[:1] in (
            [w] for w in _ASKING
        )  # "do we just wait and see?"
        asked_itself = asked_itself or bool(_ASKED_BEFORE.search(before))  # "do they just watch or ...?"
        watching_put_forward = (
            concept_id in NO_WEAR_OFF
            and role in ("planned", "had", "mentioned")
            and _WATCHING_PUT_FORWARD.search(before)
            and words[start] != "keep"
            and not _EVERY_SO_OFTEN.search(" ".join(words[start:end]) + " " + after)
        )
        if watching_put_forward or (
            concept_id in NO_WEAR_OFF and role != "avoid" and _WATCHING_AS_AN_OPTION.search(sentence.lower())
        ):
            role = "planned"  # "either surgery or just scans every 6 months", "surveillance is fine for under 2cm"
        elif (
            concept_id in NO_WEAR_OFF
            and not joined_here
            and role != "avoid"
            and not (role == "want" and _STUDIED.search(before))  # "is anyone researching watch and wait?"
            and not (role == "mentioned" and _READ_ABOUT.search(before))  # "I've read small ones can just be watched"
            and not asked_itself
            and not (role == "planned" and (_PROPOSED.search(before) or after.startswith("or ")))
        ):
            role = "had"  # "the doctor says surveillance": being watched is what they are having (but "suggested watching or lanreotide")
        if (
            role == "had"
            and FUTURE_TIME.search(" ".join(words[max(previous_end, start - 3) : min(next_start, end + 3)]))
            and FUTURE_START.search(" ".join(words[max(previous_end, start - 4) : start]))
        ):
            role = "planned"  # "she's starting chemo next week"
        if (
            role == "want"
            and treatment_group(lexicon, concept_id) == "scan_tracer"
            and not trial_words
            and _A_SCAN_AFTER.match(after)
        ):
            role = "mentioned"  # "the gallium scan lights up", "Ga68 scan??": a test, not a trial wished for
        taken_now = (
            role in ("mentioned", "want", "had")
            and (treatment_group(lexicon, concept_id) in TAKEN_GROUPS or concept_id in SYMPTOM_CONTROL)
            and felt_now(before, after, " ".join(words[max(clause, start - 4) : start]), own_dose, trial_words)
        )
        if taken_now:
            role = "had"  # "skip my lanreotide this month", "octreatide shot hurts like hell", "temozolamide making me sick"
        stop = min(next_start, end + _OUTCOME_WORDS)
        if number + 1 < len(spans) and next_start <= end + _OUTCOME_WORDS:
            # "lanreotide, and now she is on everolimus": what comes just before the next name is about the next one
            # (but "lanreotide 2 yrs then it stopped working, everolimus ..." still tells of lanreotide)
            cut = [
                i
                for i, w in enumerate(words[end:next_start])
                if w in _CLAUSE_WORDS and not _SAID_OF_IT.intersection(words[end + i + 1 : end + i + 2])
            ]
            stop = end + cut[-1] if cut else stop
        outcome = None
        if role == "had":
            told = HYPOTHETICAL.split(" ".join(words[start:stop]))[0]  # not "... I couldn't cope with it growing again"
            outcome = outcome_in(told)
            if outcome == "side effects" and harm_while_still_on(told, before, taken_now):
                outcome = "ongoing"  # "on everolimus 8 months now, mouth ulcers and a cough": harm, still taken
            if outcome not in ("stopped working", "side effects") and WORE_OFF.search(told):
                outcome = "stopped working"  # "worked for a while and then stopped"
            if outcome in (None, "ongoing") and COURSE_DONE.match(after):
                outcome = "stopped"  # "first line captem done"
            if outcome == "ongoing" and (
                _COURSE_COUNTED.search(before)
                or (
                    counted_course(before, after)
                    and outcome_before(before) != "ongoing"
                    and treatment_group(lexicon, concept_id) not in _PROCEDURES
                )
            ):
                outcome = "stopped"  # "had 6 cycles carbo etoposide and the scans since are stable": a course given
            if outcome in (None, "ongoing") and (
                _GREW_ON.search(before) or (_EVEN_WITH.search(before) and _grew_in(" ".join(words[clause:start])))
            ):
                outcome = (
                    "stopped working"  # "progressing on lanreotide since the summer", "got bigger even with the jab"
                )
            if outcome in (None, "ongoing") and (
                _LAST_OF_COURSE.search(before) or (concept_id == "prrt" and _FOURTH.search(before))
            ):
                outcome = "stopped"  # "had his last dose of PRRT in May", "her 4th lutathera on thursday" (4 cycles)
            if outcome is None:
                outcome = outcome_before(before) or (
                    "stopped"  # "4 lots of lutathera last year", "6 cicli di cisplatino": a course given
                    if counted_course(before, after)
                    and not FUTURE_TIME.search(after)
                    and treatment_group(lexicon, concept_id) not in _PROCEDURES
                    else None
                )
            if outcome is None:
                outcome = "ongoing" if concept_id in NO_WEAR_OFF or DOSE_AFTER.search(after) or taken_now else None
            if (
                outcome == "stopped"
                and _COURSE_SO_FAR.match(" ".join(words[end : end + 4]))
                and _COUNTED.search(before)
            ):
                outcome = "ongoing"  # "2 rounds of carboplatin and etoposide so far": under way
            if outcome is None and _EVERY_SO_OFTEN.search(clause_before := " ".join(words[clause:start])):
                outcome = (
                    None if _PAST_TOLD.search(clause_before) else "ongoing"
                )  # "a nurse comes every 4 weeks to give him the jab"
            if outcome is None and result and result[-1].role == "had":
                outcome = listed_outcome(result[-1], list_outcome, before, after)
            if (
                result
                and result[-1].role == "had"
                and result[-1].outcome
                and (EITHER_AFTER.match(after) or SAME_BEFORE.search(before))
            ):
                outcome = result[-1].outcome
            if outcome in (None, "ongoing") and SYMPTOM_SINCE.search(" ".join(words[:start])):
                outcome = "side effects"  # "this diarrhoea is killing me since starting capecitabine"
        list_outcome = outcome_before(before) if not (result and before in JOINERS) else list_outcome
        joined.append(bool(number) and before in OUTCOME_JOINERS)
        result.append(Mention(concept_id, role, outcome, joined[-1]))
        one_course = joined[-1] and _both_chemotherapy(result[-2:], lexicon)  # "carbo and etoposide, it worked ..."
        singular.append(not one_course and bool(SAID_OF_ONE.search(" ".join(words[end:stop]))))
    return share_outcomes(result, joined, singular, ALL_OF_THEM.search(" ".join(words)) is not None)


# "they got bigger on the last scan even with the lanreotide": growth told before "even with" the name
_EVEN_WITH = re.compile(r"\b(?:even (?:with|on|while on|whilst on|taking)|in spite of)(?:\s+\w+){0,2}$")
_LAST_OF_COURSE = re.compile(
    r"\b(?:last|final) (?:dose|cycle|round|session|infusion|treatment|injection|course)s? of(?:\s+\w+){0,1}$"
    r"|\b(?:his|her|my|their|the) (?:last|final)(?: (?:dose|cycle|round|session|infusion))?$"
)
_FOURTH = re.compile(
    r"\b(?:4th|fourth)(?: (?:and (?:last|final) )?(?:dose|cycle|round|session|infusion|treatment)s?(?: of)?)?$"
)
_COURSE_SO_FAR = re.compile(r"^(?:(?:and|or|plus|with)\s+\w+\s+)?(?:so far|to date|until now|up to now)\b")
_COUNTED = re.compile(r"\b\d+ (?:cycles?|rounds?|doses?|courses?|sessions?)(?: of)?(?:\s+\w+){0,2}$")


def _grew_in(clause: str) -> bool:
    return outcome_in(clause) == "stopped working"


_A_TRIAL_NEXT = re.compile(r"(?:clinical\s+|drug\s+)?(?:trials?|studies|study)\b")  # "... temozolomide trial"
_THEN_NEXT = re.compile(r"\b(?:and then|then|followed by|and after that|after that)(?:\s+\w+)?$")
# "if the everolimus stops working": the one they are on, said with what might happen to it
_IF_IT_FAILS = re.compile(r"\b(?:if|when|once|in case|should)(?: (?:the|his|her|my|this|their))?$")
_FAILS = re.compile(
    r"^(?:ever |eventually |also )?(?:stops?|fails?|doesn t|does not|no longer|isn t|quits|starts? failing)\b"
)
# A refusal that runs on into "anything with X" beyond the cue window
_REFUSED_ANYTHING = re.compile(
    r"\b(?:doesn t|don t|does not|do not|won t|will not|wouldn t|would not|refuses? to|refused to|not prepared to|not willing to)"
    r"\b(?:\s+(?!but\b)\w+){0,8}?\s+(?:anything|any \w+|something|one) (?:with|involving|using|that uses|that involves|that has)(?:\s+\w+){0,4}$"
)
# "progressing on lanreotide since the summer": growth on the drug outranks the "since" after it (but
# "the runs are worse, even on Sandostatin" is a symptom, not the tumour).
_GREW_ON = re.compile(r"\b(?:progress\w*|grow\w*|grew|pd) (?:even |still )?(?:on|despite|through)(?:\s+\w+){0,2}$")


def _both_chemotherapy(pair: list[Mention], lexicon: Lexicon) -> bool:
    """Two chemotherapy drugs named together are one course: "it" after them is said of both."""
    return len(pair) == 2 and all(treatment_group(lexicon, m.id) == "chemotherapy" for m in pair)


def _plan_joined_run(result: list[Mention], joined: list[bool], role: Role = "planned") -> None:
    """The names joined to the one just read ("X and Y booked for May") are planned (or wanted) too."""
    for i in range(len(result) - 1, -1, -1):
        result[i] = replace(result[i], role=role, outcome=None)
        if not joined[i]:
            return


def _question_parts(words: list[str]) -> list[int]:
    """Where each question of a sentence starts: "is PRRT on the NHS | or do I need a trial"."""
    return [0] + [i + 1 for i in range(len(words) - 1) if words[i] in ("and", "or", "also") and words[i + 1] in _ASKING]


# "my wife's been on it 2 years", "he took it for a year but it stopped working": the treatment talked
# about before, had; not "can he go on it?" (a wish) nor "she's had it for years" (the illness).
_ON_IT = re.compile(
    r"\b(?<!can )(?<!could )(?<!would )(?<!should )(?<!will )(?<!to )(?<!if )(?<!whether )(?<!might )"
    r"(?:(?:s|is|was|has|have|ve) been on|been on|is on|s on|m on|am on|re on|are on|was on|were on|took|taking|takes|started|finished|stopped|tried"
    r"|came off|come off|coming off|getting|gets|still on|currently on|now on)\s+(it|them)\b(?!\s+(?:removed|out|cut|taken|off)\b)"
)


def had_by_pronoun(text: str, topic: str, lexicon: Optional[Lexicon] = None) -> Optional[TreatmentHad]:
    """The treatment in focus, said to be had by "it" ("been on it 2 years, now it's growing"),
    with what happened to it, read as if it had been named; None when no "it" says so."""
    lexicon = lexicon or default_lexicon()
    plain = normalize(text or "")
    found = _ON_IT.search(plain)
    name = name_of(topic, lexicon)
    if not found or not name or IF.search(plain[max(0, found.start() - 25) : found.start()]):
        return None
    first_named = name_spans(plain.split(), lexicon)
    if first_named and len(plain[: found.start()].split()) > first_named[0][0]:
        return None  # "on lanreotide ... started it in May": "it" is the name just said
    said = plain[: found.start(1)] + name + plain[found.end(1) :]
    return next((t for t in read_treatments(said, lexicon).had if t.id == topic), None)
