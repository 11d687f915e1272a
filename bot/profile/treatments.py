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

Role = Literal["had", "want", "avoid", "mentioned"]
_MAX_PHRASE_WORDS = 8
_CONTEXT_WORDS = 7
SURVEILLANCE = "surveillance"

_AVOID_BEFORE = re.compile(  # longer cues first: at one spot the first alternative that fits wins
    r"\b(?P<cue>(?:isn t|is not|not|wasn t|doesn t|don t|never) (?:keen on|want|like|fancy)|don t want|do not want"
    r"|doesn t want|does not want|won t have|not keen on|not another|not more|no more|no further|anything but"
    r"|too (?:frail|weak|ill|old|poorly|unwell|sick) for|spares? (?:him|her|me|them) (?:from )?|instead of|rather than"
    r"|other than|apart from|alternatives? to|fed up (?:of|with)|sick of|done with|scared of|refuses?|except|besides"
    r"|avoid|avoids|avoiding|without|not|no)\b(?:\s+\w+){0,3}$"
)
_HAD_BEFORE = re.compile(
    r"\b(?P<cue>had|has had|have had|having had|has|having|is on|was on|been on|went on|on|taking|takes|took|taken|receives?|receiving|start(?:ed|ing)?"
    r"|after|since|following|received|receiving|tried|given|finished|stopped|stop|done|did|gets|getting|currently|still"
    r"|course of|cycles? of|rounds? of|doses? of|months of|years of|weeks of|now has|been having|came off|coming off|post)\b(?:\s+\w+){0,3}$"
)
_WANT_BEFORE = re.compile(
    r"\b(?P<cue>any|are there|is there|looking for|look for|find|search(?:ing)? for|want|wants|would like|interested in|keen on"
    r"|could (?:he|she|i|we|they) (?:have|try|get|do|go on)|(?:he|she|i|we|they) (?:could|can|might) (?:have|try|get|go on|be given)"
    r"|anything (?:with|like|using|involving)|particularly|especially|try|options?|consider|eligible for|go on|join|qualify for|offer"
    r"|what about|how about|info on|information (?:on|about)|tell me about|what is|whats|what s|explain|new|trials? (?:of|with|for|using|on|testing|involving)"
    r"|studies (?:of|with|on)|study (?:of|with|on)|something like|more about|about|uses?|using|involving|through|via)\b(?:\s+\w+){0,3}$"
)
_NEUTRAL_BEFORE = re.compile(
    r"\b(?P<cue>says?|said|mention\w*|suggest\w*|recommend\w*|talked about|talking about|discuss\w*|brought up|said something about|saying|say"
    r"|offer\w*|consider\w*|planning|plan|waiting for|waiting list for|on the list for|referred for|booked (?:in )?for|due to (?:start|have)"
    r"|going to (?:have|start|try)|will (?:have|start)|next step|might (?:have|get|need)"
    r"|(?:they|he|she|oncologist|onc|doctor|doctors|consultant|surgeon|surgeons|team|specialist|gp|nurse)(?: \w+)? wants? to (?:do|try|give|start|refer|book|put)"
    r"|want (?:him|her|me|them) to (?:have|try|start)|declined|refused|turned down)\b(?:\s+\w+){0,3}$"
)
_TRIALS_OF = re.compile(r"\b(?:trials?|studies|study)\s+(?:of|with|for|using|on|testing|involving|that uses?)\b(?:\s+\w+){0,2}$")
_NARRATIVE = re.compile(r"\b(?:i|i'm|i've|me|he|she|they|we|my|his|her|our|their|has|had|have|was|were|been|is on|are on)\b", re.I)
_JOINERS = {"", "or", "and", "vs", "versus", "or the", "and the", "or a", "with", "plus", "then"}
_WANT_AFTER = re.compile(r"^(?:\w+\s+){0,2}(?:trials?|studies|study|research)\b")
_HAD_AFTER = re.compile(
    r"^(?:(?:19|20)\d{2}\b|x\s?\d+\b|\d+\s?x\b|from the start|first|initially|at first|till|until)"
    r"|^(?:\w+\s+){0,4}?(?:stopped working|didn t work|did not work|not working|no longer working|failed|worked|helped|for \d+ (?:years?|months?|weeks?)"
    r"|since|\d+ (?:cycles?|rounds?|doses?)|cycles?|every \d+ (?:weeks?|days?)|monthly|injections? since|last (?:year|month)|in \d{4}|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*"
    r"|side effects?|made (?:him|her|me|them) (?:ill|sick|poorly)|was (?:stopped|finished)|finished)\b"
)
_QUESTION = re.compile(r"\?|\b(?:any|is there|are there|anything|could|can|would|what|which|where|looking for|find|search|trials?|options?)\b")

_BEFORE_CUES: tuple[tuple[Role, re.Pattern], ...] = (
    ("avoid", _AVOID_BEFORE), ("mentioned", _NEUTRAL_BEFORE), ("want", _WANT_BEFORE), ("had", _HAD_BEFORE),
)
OUTCOME_CUES: tuple[tuple[str, re.Pattern], ...] = (
    ("stopped working", re.compile(
        r"\b(?:stopped working|didn t work|did not work|not working|no longer working|failed|progress\w*|grew|grown|growing|growth"
        r"|got bigger|getting bigger|bigger|worse|came back|not helping|stopped helping|stopped controlling)\b")),
    ("side effects", re.compile(
        r"\b(?:stopped (?:it |them )?(?:because of|due to)|had to (?:stop|come off)|side effects?|couldn t (?:tolerate|cope|handle)|could not (?:tolerate|cope)|too (?:ill|sick|toxic|much)|made (?:him|her|me|them) (?:ill|sick|poorly|so ill)"
        r"|reaction|toxicity|intoleran\w*|allergic|(?:blood )?counts (?:dropped|fell|were too low|went down)|mouth ulcers|ulcers)\b")),
    ("stopped", re.compile(r"\b(?:finished|completed|stopped|came off|had \d+ (?:cycles?|rounds?|doses?)|\d+ (?:cycles?|rounds?) of|used to (?:be on|have|take)|was on)\b")),
    ("ongoing", re.compile(r"\b(?:on|taking|currently|still|now has|now on|is on|(?:every|each) \d+ (?:weeks?|days?)|monthly|since|getting|gets|started|receives?|receiving)\b")),
)
_BACK_REFERENCE = re.compile(r"^\s*(?:it|that|this|which|they|these|the \w+)\b")
# Surgery told as a story, with no lexicon word for it ("had half his pancreas out").
_SURGERY_STORY = re.compile(
    r"\b(?:pancreas|spleen|tumou?r|tail|head|bowel|gallbladder|it|lump|bit)\s+(?:\w+\s+){0,2}?(?:out|removed|taken out|cut out)\b"
    r"|\b(?:removed|took out|taken out)\s+(?:\w+\s+){0,3}?(?:pancreas|spleen|tumou?r|tail|lump)\b"
    r"|\b(?:been|was|were|got it|had it|have it|getting it|having it|had (?:some|one|them|part of \w+))\s+(?:surgically\s+)?(?:removed|cut out|taken out)\b"
    r"|\b(?:net|tumou?r|lump|mass|polyp|insulinoma|pnet|growth)\b[^.?!]{0,40}\b(?:removed|resected|cut out)\b"
    r"|\b(?:had|has had|after|having had)\s+(?:an?\s+|the\s+|his\s+|her\s+|my\s+)?(?:op|operation|surgery|resection|distal|whipple)\b",
    re.I,
)
# Everyday words for a NET's usual treatments that are too loose for the search vocabulary
# ("injection" alone), but in a person's story almost always mean them.
STORY_WORDS = {
    **{w: "somatostatin_analogue" for w in ("jab", "jabs", "the jab", "the jabs", "injection", "injections", "the injection",
                                            "the injections", "shot", "shots", "the shot", "the shots", "monthly", "jabs monthly")},
    **{w: "surgery" for w in ("op", "the op", "an op", "ops")},
    **{w: "surveillance" for w in ("surveillance", "on surveillance", "monitoring", "watch and wait", "wait and watch",
                                   "just watching", "watching it", "watching them", "keeping an eye")},
}
# A question about a treatment itself, which the knowledge answers cover.
_ABOUT_IT = re.compile(
    r"\bside[\s-]?e(?:f|ff)ects?\b|\brecovery\b|\bsafe\b|\bbetter\b|\bsame as\b|\bdifferent\b|\bhow (?:long|often|much|many|is|does|do)\b"
    r"|\bwhat(?: is|'s|s)\b|\bdose\b|\bdosage\b|\bhair\b|\bulcers?\b|\bmust\b|\bon the nhs\b|\bnhs\b|\blicensed\b|\bcost\b"
    r"|\bwork(?:s|ing)?\b|\bnormal\b|\bvs\b|\bversus\b",
    re.I,
)
_TRIAL_WORDS = re.compile(r"\b(?:trials?|studies|study|research)\b", re.I)
_ALL_OF_THEM = re.compile(r"\b(?:both|all of them|all three|neither|none of them)\b")
_PLANNED = re.compile(r"\b(?:due to|going to|will|plan\w*|want(?:s)? to|booked|waiting (?:for|to)|might|may need|should)\b", re.I)
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
    for sentence in sentences:
        found = list(_mentions(sentence, lexicon, only_names, narrative))
        if not found and mentions and mentions[-1].role == "had" and mentions[-1].outcome in (None, "ongoing"):
            outcome = _outcome(normalize(sentence))
            # "She's been on the jab since 2022. The last scan showed growth.": the story goes on about it.
            if outcome == "stopped working" or (outcome and _BACK_REFERENCE.search(normalize(sentence))):
                if outcome != "ongoing":
                    mentions[-1] = Mention(mentions[-1].id, "had", outcome)
        mentions.extend(found)
        if _SURGERY_STORY.search(sentence) and not _PLANNED.search(sentence) and not any(m.id == "surgery" for m in found):
            mentions.append(Mention("surgery", "had"))
    return _collect(mentions, lexicon)


def _collect(mentions: list[Mention], lexicon: Lexicon) -> TreatmentReading:
    had: dict[str, TreatmentHad] = {}
    for m in mentions:
        if m.role == "had" and (m.id not in had or m.outcome):
            one_off = treatment_group(lexicon, m.id) == "surgery" and m.outcome in ("ongoing", "stopped")
            had[m.id] = TreatmentHad(m.id, None if one_off else m.outcome)  # an operation is not "still on"
    for generic in [i for i in had if _is_generic(lexicon, i)]:
        specific = [i for i in had if i != generic and treatment_group(lexicon, i) == generic]
        if specific:  # "Somatuline Depot shots": lanreotide, not also "somatostatin analogues"
            outcome = had.pop(generic).outcome
            first = specific[0]
            if had[first].outcome is None and outcome:
                had[first] = TreatmentHad(first, outcome)
    wanted = tuple(dict.fromkeys(m.id for m in mentions if m.role == "want"))
    avoided = tuple(dict.fromkeys(m.id for m in mentions if m.role == "avoid"))
    return TreatmentReading(
        had=tuple(sorted(had.values(), key=lambda t: t.id)),
        wanted=tuple(t for t in wanted if t not in avoided),
        avoided=avoided,
    )


def _mentions(sentence: str, lexicon: Lexicon, only_names: bool, narrative: bool) -> list[Mention]:
    words = normalize(sentence).split()
    spans = _spans(words, lexicon)
    asks = bool(_QUESTION.search(sentence.lower()))
    trial_words = bool(_TRIAL_WORDS.search(sentence))
    about_it = bool(_ABOUT_IT.search(sentence))
    result: list[Mention] = []
    joined: list[bool] = []
    for number, (start, end, concept_id) in enumerate(spans):
        previous_end = spans[number - 1][1] if number else 0
        next_start = spans[number + 1][0] if number + 1 < len(spans) else len(words)
        before = " ".join(words[max(previous_end, start - _CONTEXT_WORDS) : start])
        after = " ".join(words[end : min(next_start, end + _CONTEXT_WORDS)])
        if concept_id == SURVEILLANCE and not _AVOID_BEFORE.search(before):
            role = "had"  # "the doctor says surveillance": being watched is what they are having
        elif result and before in _JOINERS and start == previous_end + len(before.split()):
            role = result[-1].role  # "PRRT or surufatinib", "everolimus vs sunitinib": one role for both
        else:
            role = _role(before, after, narrative, asks, only_names, trial_words, about_it)
        outcome = _outcome(" ".join(words[start : min(next_start, end + 12)])) if role == "had" else None
        if role == "had" and outcome is None:
            outcome = _outcome_before(before) or ("ongoing" if concept_id == SURVEILLANCE else None)
        result.append(Mention(concept_id, role, outcome))
        joined.append(bool(number) and before in _JOINERS)
    return _share_outcomes(result, joined, _ALL_OF_THEM.search(" ".join(words)) is not None)


def _share_outcomes(mentions: list[Mention], joined: list[bool], all_of_them: bool) -> list[Mention]:
    """ "carboplatin and etoposide, which stopped working": one outcome for names joined by
    "and"/"or"; "both stopped working" for every treatment had in the sentence."""
    shared = list(mentions)
    for order in (range(len(shared) - 1, 0, -1), range(1, len(shared))):  # back, then forward
        for i in order:
            if not (joined[i] and shared[i].role == "had" and shared[i - 1].role == "had"):
                continue
            first, second = shared[i - 1], shared[i]
            if first.outcome is None and second.outcome:
                shared[i - 1] = Mention(first.id, "had", second.outcome)
            elif second.outcome is None and first.outcome:
                shared[i] = Mention(second.id, "had", first.outcome)
    if all_of_them:
        outcome = next((m.outcome for m in shared if m.role == "had" and m.outcome == "stopped working"), None)
        if outcome:
            shared = [Mention(m.id, m.role, outcome) if m.role == "had" else m for m in shared]
    return shared


def _role(
    before: str, after: str, narrative: bool, asks: bool, only_names: bool, trial_words: bool = False, about_it: bool = False
) -> Role:
    """The role the nearest cue before the name gives it; else a cue after it; else a wish in a
    request or a look-up, and a treatment had in a story."""
    if only_names:
        return "mentioned"  # "lutathera": a topic to explain, not yet a wish
    if _TRIALS_OF.search(before) and not _AVOID_BEFORE.search(before):
        return "want"  # "trials of having PRRT a second time" (but not "no trials of PRRT")
    cues = [(m.span("cue"), role) for role, pattern in _BEFORE_CUES if (m := pattern.search(before))]
    if cues:
        return _nearest(cues)
    if _WANT_AFTER.search(after):
        return "want"
    if _HAD_AFTER.search(after):
        return "had"
    if about_it and not trial_words:
        return "mentioned"  # "lanreotide side effects", "is surgery a must?": a topic, not a wish
    if not narrative:
        return "want"  # a look-up: "surufatinib incl completed - pNET only"
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
    """A concept that names a whole group ("somatostatin analogues", "chemotherapy")."""
    return treatment_group(lexicon, concept_id) == concept_id


def _outcome(words: str) -> Optional[str]:
    return next((name for name, pattern in OUTCOME_CUES if pattern.search(words)), None)


def _outcome_before(before: str) -> Optional[str]:
    if re.search(r"\b(?:progress\w*|grow\w*|grew|worse|failed|spread\w*) (?:on|despite|through|after)\b(?:\s+\w+){0,2}$", before):
        return "stopped working"
    if re.search(r"\b(?:finished|stopped|came off|was on|used to)\b(?:\s+\w+){0,3}$", before):
        return "stopped"
    if re.search(r"\b(?:on|taking|currently|still|now has|is on|been on|getting|gets|started|starting|added|began|put on|switched to)\b(?:\s+\w+){0,3}$", before):
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
    table = dict(STORY_WORDS)
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
