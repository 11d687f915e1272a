"""Short answers to questions about the trial in focus, straight from its record: "do they take
people in their 70s?", "how big is the study?", "could I end up on a dummy drug?", "how long
would I be on it?". Each answer says what the record says (or that it does not say, and who
can), and ends by saying only the trial team can say if the trial fits the person. It never
says anyone can join."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Literal, Optional

from bot.text import is_question
from bot.trials.about import PHASE_MEANING, PHASE_WORDS, given_words, named_treatments
from bot.trials.freshness import day_words
from bot.trials.given import how_given
from bot.trials.present import dated_status_words, registry_summary
from bot.trials.query import Arm, Intervention, TrialDetail
from bot.trials.randomised_or_placebo import has_placebo_arm
from bot.trials.timing import not_said, timing_answer

Aspect = Literal[
    "summary",
    "age",
    "sex",
    "size",
    "randomised",
    "groups",
    "placebo",
    "given",
    "duration",
    "phase",
    "status",
    "sponsor",
    "results",
]
TEAM_DECIDES = "Only the trial team can say if it fits {whom}."
NOT_SAID = "The record does not say. The trial team can tell you."

# "as part of it", "or just keep an eye": what taking part in this trial gives (not "we just watch tv")
AS_PART_OF_IT = (
    r"\bas\s+part\s+of\s+(?:it|this|that|the\s+(?:trial|study))\b"
    r"|\b(?:or|do\s+they|will\s+they|would\s+they)\s+just\s+(?:keep\s+an\s+eye|watch|monitor|observe)\b"
)
_ASPECT_PATTERNS: tuple[tuple[Aspect, str], ...] = (
    ("summary", r"\bsummary\b|\bregistry'?s?\s+own\s+words\b|\bwhat\s+(?:does\s+)?the\s+registry\s+says?\b"),
    (
        "age",
        r"\btoo\s+(?:old|young)\b|\bpast\s+it\b|\b(?:cut[\s-]?off|upper|top|maximum|max)\s+age\b|\bage\s+(?:limit|range)|\bupper\s+age|\bhow\s+old\b|\bin\s+(?:his|her|their|my|your)\s+"
        r"[1-9]0s\b|\b\d{1,3}\s*(?:-\s*)?(?:years?|yrs?|yo)(?:\s*-?\s*old)?\b|\bolder\s+(?:people|patients|adults)\b"
        r"|\b(?:over|under)\s+\d{2}s?\b|\bwhat\s+ages?\b|\bage\s+groups?\b|\b(?:oldest|youngest)\b"
        r"|\b(?:maximum|minimum|max|min)\s+age\b|\bage\s+(?:cut[\s-]?off|limits?|restrictions?)\b"
        r"|\b(?:is|am|turned|turning|aged)\s+\d{1,2}\b(?!\s*(?:cm|mm|%|weeks?|months?|days?))"
        r"|\b(?:kids?|child(?:ren)?|teen(?:ager)?s?|young\s+people|adolescents?|pensioners?|elderly)\b"
        r"|\b(?:his|her|their|my|your)\s+age\b|\b(?:is|am|turned|turning|aged)\s+(?:sixty|seventy|eighty|ninety)\b"
        # "is he old enough for this?", "is she to old for that", "over the age for it", "an age cap", "inside the ages"
        r"|\bto\s+(?:old|young)\s+(?:for|to)\b|\b(?:old|young)\s+enough\b|\bover\s+the\s+age\b|\bage\s+(?:cap|bar)\b"
        r"|\b(?:inside|within)\s+the\s+ages?\b"
        # "too late for me?" is an age question unless the message speaks of the trial's own timing ("it closes")
        r"|^(?!.*\b(?:start|began|begun|clos|open|recruit|deadline|sign|enrol|join\s+by)\w*)"
        r"(?=.*\btoo\s+late\s+for\s+(?:me|him|her|them|us)\b)",
    ),
    (
        "sex",
        r"\b(?:only\s+(?:for\s+)?(?:men|women|males?|females?)|(?:men|women)\s+only|take\s+(?:men|women)|"
        r"for\s+(?:men|women)\s+(?:too|as\s+well)|male\s+or\s+female|any\s+gender)\b"
        r"|\b(?:can|do|does|will|would)\s+(?:women|men|ladies|blokes|guys|females?|males?|girls|lads)\s+"
        r"(?:join|take\s+part|go\s+on|do|get|be)\b|\bfor\s+(?:blokes|guys|ladies|lads|fellas|girls|women|men|males?|females?)"
        r"(?:\s+(?:too|as\s+well|also))?\b|\bwhat\s+(?:sex|gender)\b|\bjust\s+(?:for\s+)?(?:men|women|males?|females?)\b"
        r"|\b(?:women|men|ladies|females?|males?|girls|blokes|guys|lads)\s+(?:allowed|welcome|accepted|included|able\s+to\s+join)\b"
        r"|\bopen\s+to\s+(?:women|men|ladies|females?|males?|blokes|guys|both\s+(?:men|women|sexes))\b",
    ),
    (
        "size",
        r"\bhow\s+(?:big|large|many\s+(?:people|ppl|patients|pts|participants|subjects|volunteers|kids|children|adults|men|women))\b"
        r"|\bsample\s+size\b|"
        r"\bnumber\s+of\s+(?:people|patients|participants)\b|\bhow\s+many\s+(?:are|will\s+be)\s+(?:in|on)\s+it\b"
        r"|\bhow\s+many\s+(?:are\s+they|they\s*(?:'|a)?re|will\s+they\s+be|do\s+they\s+want|places|spots|spaces)\b"
        # "how many did they actually get on it in the end", "how many have signed up", "...end up getting"
        r"|\bhow\s+many\s+(?:did|have|has)\s+(?:they|it|the\s+(?:trial|study)|people|patients)?\s*(?:actually\s+|really\s+)?"
        r"(?:get|got|recruit\w*|enrol+\w*|sign\w*|take|took|join\w*|end(?:ed)?\s+up)\b",
    ),
    (
        "placebo",
        r"\bplacebo\b|\bdummy\b|\bsugar\s+pill\b|\bblind(?:ed)?\b|\bknow\s+which\s+(?:treatment|drug|group|one)\b"
        r"|\b(?:real|fake)\s+(?:drugs?|treatments?|things?|pills?|tablets?|capsules?|jabs?|injections?|ones?|stuff|medicine)\b"
        # "could she end up with nothing", "might he get no treatment at all": the group given nothing
        r"|\b(?:end(?:s|ed)?\s+up|get|gets|getting|be\s+given|given|receive|receives|left)\s+(?:with\s+)?"
        r"(?:nothing|no\s+(?:treatment|drugs?|medicine|active\s+\w+))\b",
    ),
    (
        "randomised",
        r"\brandomi[sz]\w*|\brandom(?:ly)?\b|\bby\s+chance\b|\b(?:pick|picks|choose|chooses|decide|decides)\s+who\s+gets\b|\b(?:pick|choose)\s+(?:my|which|the)\s+"
        r"(?:group|treatment|arm)\b|\bcoin\s+toss\b|\bluck\s+of\s+the\s+draw\b"
        # "there's 2 groups, how do they split people": how people end up in a group
        r"|\bhow\s+(?:do|does|will|would|did)\s+(?:they|you|the\s+(?:team|doctors?|trial))\s+(?:split|divide|sort|allocate|assign|decide|choose|pick)\b"
        r"|\bwho\s+(?:goes|ends\s+up)\s+in\s+(?:which|what)\b|\bhow\s+(?:is|are)\s+(?:people|patients)\s+(?:split|divided|allocated|assigned)\b"
        # "is it a computer that picks whether you get it? or does the doctor decide"
        r"|\bcomputer\s+(?:that\s+)?(?:picks|decides|chooses|choose|pick|decide)\b|\bwho\s+(?:decides|picks|chooses)\s+(?:which|what|whether|if)\b"
        r"|\b(?:does|do|will|would)\s+the\s+(?:doctors?|consultants?|team)\s+(?:decide|choose|pick)\s+(?:which|what|whether|if|who)\b",
    ),
    (
        "groups",
        r"\bgroups?\b|\barms?\b(?!\s+(?:and|or)\s+legs?)|\bwhat\s+(?:would|do|does)\s+(?:i|he|she|they|we|each)"
        r"\s+(?:get|have|be\s+given)\b|\bcompared?\s+(?:with|to|against)\b|\bversus\b|\bvs\.?\b",
    ),
    (
        "given",
        r"\bhow\s+(?:is|are)\s+(?:it|they|the\s+(?:two\s+|2\s+)?(?:drugs?|treatments?|medicines?|meds))\s+(?:given|taken)\b"
        r"|\b(?:is|are)\s+(?:it|they)\s+(?:a\s+|an\s+)?(?:drips?|tablets?|pills?|injections?|jabs?|infusions?)\b"
        r"|\b(?:one|single)\s+drug\s+or\b|\bcombo\b"
        r"|\bhow\s+do\s+(?:you|i|they|we)\s+take\s+(?:it|them|the)\b|\b(?:involve|involves|need|have\s+to\s+(?:take|swallow))\s+"
        r"(?:any\s+|taking\s+)?(?:tablets?|pills?|capsules?|injections?|needles?|a\s+drip)\b"
        # "how would that have been given?", "is the atezo tablets too or is that a drip"
        r"|\bhow\s+(?:would|will|was|were|is|are|does|do)\s+(?:the\s+)?[\w-]+\s+(?:have\s+been\s+|be\s+)?"
        r"(?:given|taken|administered)\b|\b(?:is|are)\s+(?:that|this|those|these|the\s+[a-z]+)\s+(?:a\s+|an\s+)?"
        r"(?:drips?|tablets?|pills?|capsules?|injections?|jabs?|infusions?)\b"
        # "does he have to take the tablets with food or on an empty stomach"
        r"|\b(?:take|taken|taking|swallow\w*)\b[^.?!]{0,40}\b(?:with(?:out)?\s+food|with\s+(?:a\s+)?meals?|"
        r"on\s+an\s+empty\s+stomach)\b"
        # "do they take the lump out as part of it or just keep an eye": what taking part gives
        rf"|{AS_PART_OF_IT}",
    ),
    # "how long could he live" is about life, never the trial's length
    (
        "duration",
        r"\bhow\s+long\b(?![^?.!]{0,40}\b(?:live|lives|living|survive|surviving|left|expectancy)\b)|\bhow\s+many\s+(?:weeks|months|years|cycles|doses|rounds|courses|treatments|injections)\b"
        r"|\bduration\b|\bfol+ow[\s-]?(?:up|you|him|her)\b|\bhow\s+often\b|\bwhen\s+(?:does|will)\s+it\s+(?:end|finish)\b"
        r"|\bkeep\s+(?:going|coming)\s+back\b|\bwatch\s+(?:you|him|her|them)\s+for\b",
    ),
    ("phase", r"\bphase\b|\bwhat\s+stage\s+is\s+(?:the\s+)?(?:trial|study)\b|\bhow\s+far\s+along\b"),
    (
        "status",
        r"\bstill\s+(?:open|recruiting|running|going|taking)\b|\bis\s+it\s+(?:open|recruiting|closed|finished)\b"
        r"(?!\s+to\s+(?:women|men|ladies|females?|males?|blokes|guys|both)\b)|"
        r"\b(?:open|closed)\s+(?:now|yet)\b|\btaking\s+(?:people|patients)\b|\bstarted\s+yet\b"
        r"|\bhas\s+it\s+(?:actually\s+|even\s+|already\s+|really\s+)?(?:started|begun|opened|closed|finished|ended)\b"
        r"|\bcan\s+(?:ppl|people|anyone|patients|i|we|you)\s+(?:sign\s+up|join|apply|register|enrol+)\s+(?:yet|now)\b"
        r"|\bnever\s+(?:went|go|got|gone)\s+ahead\b|\bwhen\s+(?:does|will|did)\s+it\s+(?:start|open|begin)\b"
        r"|\bis\s+it\s+(?:still\s+)?(?:going|running|on)\b"
        r"|\bwhy\s+(?:did|was|has|had|were)\s+(?:it|the\s+(?:trial|study))\s+(?:\w+\s+)?(?:stop|stopped|end|ended|close|closed|"
        r"terminat\w*|cancel\w*|withdraw\w*|halt\w*|pull\w*|shut|scrap\w*)\b"
        r"|\bwhy\s+did\s+they\s+(?:stop|end|close|terminate|cancel|scrap|halt)\s+(?:it|the\s+(?:trial|study))\b|\bwhy\s+(?:it|the\s+(?:trial|study))\s+"
        r"(?:stopped|ended|closed|was\s+stopped)\b|\b(?:stopped|ended|closed)\s+early\b"
        r"|\bpull(?:ed|ing)?\s+the\s+plug\b|\b(?:axed|shelved|binned|canned)\b|\b(?:last|latest)\s+updated?\b|\bwhen\s+was\s+it\s+updated\b"
        # "can anyone sign up or how does it work, status?": open to all, or by invitation
        r"|\bcan\s+(?:anyone|anybody|just\s+anyone)\s+(?:sign\s+up|join|apply|register|enrol+)\b|\bstatus\b",
    ),
    (
        "sponsor",
        r"\bwho\s+(?:runs|is\s+running|funds|is\s+funding|pays\s+for|sponsors|organises|organizes|is\s+behind)\b|"
        r"\bsponsor|\bdrug\s+company\b|\bpharma\b|\bwho'?s\s+(?:behind|running|funding|paying|doing)\b"
        r"|\bwhich\s+(?:company|companies|firm|organi[sz]ation|group|university|charity)\b|\bwho\s+(?:is\s+)?doing\s+it\b"
        r"|\bwho\s+(?:set|started)\s+it\s+up\b"
        # "who ran it", "who led the study", "who paid for it": the sponsor, said of a finished trial too
        r"|\bwho\s+(?:ran|led|leads|funded|paid\s+for|sponsored|organised|organized|conducted|conducts|did)\s+"
        r"(?:it|this|that|the\s+(?:trial|study|research))\b|\bwho\s+(?:is|was|'?s)\s+in\s+charge\b|\bwho\s+made\s+it\b"
        r"|\bwhose\s+(?:trial|study)\b|\b(?:run|led|funded|sponsored)\s+by\s+(?:who|whom|a\s+(?:company|drug\s+company))\b",
    ),
    (
        "results",
        r"\bresults?\b|\bdid\s+it\s+work\b|\bfindings\b|\bpublished\b|\boutcomes?\s+(?:so\s+far|yet)\b"
        # "what did it find", "how did it turn out", "was it a success": what the trial found
        r"|\bwhat\s+(?:did|have|has)\s+(?:it|they|the\s+(?:[\w-]+\s+)?(?:trial|study|researchers?))\s+(?:actually\s+|really\s+)?(?:find|found|show|shown|"
        r"conclude|concluded|learn|learned|learnt|discover|discovered)\b|\bhow\s+did\s+(?:it|the\s+(?:trial|study))\s+"
        r"(?:go|turn\s+out|end\s+up|do)\b|\bwhat\s+(?:came|has\s+come)\s+(?:of|out\s+of)\s+it\b"
        r"|\bdid\s+(?:it|they|the\s+(?:trial|study))\s+(?:show|find|prove|help)\b|\bwas\s+it\s+(?:a\s+)?(?:success|successful|positive)\b",
    ),
)
_ASPECTS: tuple[tuple[Aspect, re.Pattern[str]], ...] = tuple(
    (aspect, re.compile(pattern, re.I)) for aspect, pattern in _ASPECT_PATTERNS
)
_SIZE = next(n for n, (aspect, _) in enumerate(_ASPECTS) if aspect == "size")
# "is it tablets or a drip?" only names the forms: how it is given, when nothing else is asked ("could
# I get a dummy pill?" asks about the placebo; "after the injection how many scans?" about timing)
_GIVEN_NAMED = re.compile(
    r"(?<!after\s)(?<!after\sthe\s)(?<!before\s)(?<!before\sthe\s)(?<!since\sthe\s)"
    r"\b(?:tablets?|capsules?|pills?|a\s+drip|drips|infusions?|injections?|jabs?|by\s+mouth|orally|oral|iv)\b"
    r"[^.?!]{0,60}\?",
    re.I,
)
_AGE_SAID = re.compile(
    r"\b(\d{1,3})\s*(?:-\s*)?(?:years?|yrs?|yo)\b|\b(?:is|am|aged?|he's|she's|i'm|im|turns|turned|turning|at)\s+(\d{1,3})\b"
    r"(?!\s*(?:cm|mm|%|weeks?|months?|days?|hours?|hrs?|am|pm|o'?clock|mg|kg)\b)",
    re.I,
)
_DECADE = re.compile(r"\bin\s+(?:his|her|their|my|your)\s+([1-9])0s\b", re.I)


@dataclass(frozen=True)
class AskedAge:
    """An age the question names: exactly ("my 74-year-old dad") or as a decade ("in their 70s")."""

    low: int
    high: int


def aspects_asked(text: str) -> list[Aspect]:
    """The parts of a trial the message asks about, in the order it asks them; [] for none."""
    at: dict[Aspect, int] = {}
    size = _ASPECTS[_SIZE][1].search(text or "")
    for aspect, pattern in _ASPECTS:
        # "how many kids are they looking for": the people counted, not an age asked ("...is 16 too young" is)
        found = next(
            (
                m
                for m in pattern.finditer(text or "")
                if aspect != "age" or not (_within(m, size) or _age_told(m, text))
            ),
            None,
        )
        if found:
            at[aspect] = found.start()
    if not at:
        named = _GIVEN_NAMED.search(text or "")
        if named:
            at["given"] = named.start()
    if "groups" in at and ("randomised" in at or "placebo" in at):  # their answers list the groups
        del at["groups"]
    return sorted(at, key=lambda aspect: at[aspect])


# "my dad is 67 with a grade 2 NET ... did it work?": an age told in a story, not asked about
_TOLD_AGE = re.compile(r"^(?:is|am|turned|aged)\s+\d{1,2}$", re.I)
_CLAUSE_END = re.compile(r"[.?!;\n]")


def _age_told(found: re.Match[str], text: str) -> bool:
    """The age was only said ("is 67") in a sentence that asks nothing; "is 74 too old?", "he is 76 - can he
    join" ask it."""
    if not _TOLD_AGE.match(found.group(0)):
        return False
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, found.start())), default=0)
    end = next((m.end() for m in _CLAUSE_END.finditer(text, found.end())), len(text))
    sentence = text[start:end]
    return not is_question(sentence)


def _within(found: re.Match[str], outer: Optional[re.Match[str]]) -> bool:
    return outer is not None and outer.start() <= found.start() < outer.end()


def age_asked(text: str) -> Optional[AskedAge]:
    decade = _DECADE.search(text or "")
    if decade:
        start = int(decade.group(1)) * 10
        return AskedAge(start, start + 9)
    exact = _AGE_SAID.search(text or "")
    if exact:
        age = int(exact.group(1) or exact.group(2))
        return AskedAge(age, age) if 0 < age < 120 else None
    return None


def answer(
    aspect: Aspect, trial: TrialDetail, text: str = "", person_age: Optional[int] = None, whom: str = "you"
) -> str:
    """One short answer about one aspect, ending with who decides."""
    said = _for_whom(_ANSWERS[aspect](trial, text, person_age), whom)
    return f"{said} {TEAM_DECIDES.format(whom=whom)}" if aspect in WHO_CAN_JOIN else said


def answer_all(
    aspects: list[Aspect], trial: TrialDetail, text: str = "", person_age: Optional[int] = None, whom: str = "you"
) -> list[str]:
    """Each aspect answered in the order asked. Several at once ("is it randomised? could she get a
    dummy drug?"): a sentence each, then the groups once, and who decides once."""
    if "groups" in aspects and len(aspects) > 1 and treatments_meant(trial, text)[1]:
        aspects = [a for a in aspects if a != "groups"]  # "in the captem only group how many cycles?": that group's
    if len(aspects) < 2:
        return [answer(a, trial, text, person_age, whom) for a in aspects]
    lines = [_for_whom(_BRIEF.get(a, _ANSWERS[a])(trial, text, person_age), whom) for a in aspects]
    design = [n for n, a in enumerate(aspects) if a in ("randomised", "placebo")]
    if design and "groups" not in aspects:  # the groups once, after the last answer that needs them
        lines.insert(design[-1] + 1, _groups_tail(trial).strip())
    if WHO_CAN_JOIN & set(aspects):
        lines.append(TEAM_DECIDES.format(whom=whom))
    return [line for n, line in enumerate(lines) if line and not _quoted_before(line, lines[:n])]


_QUOTED = re.compile(r'"([^"]+)"')


def _quoted_before(line: str, before: list[str]) -> bool:
    """ "how is it given, and how often?": the timing's quotes already given with how it is given."""
    quotes = [q.rstrip(" .") for q in _QUOTED.findall(line)]
    return bool(quotes) and all(any(q in earlier for earlier in before) for q in quotes)


WHO_CAN_JOIN = frozenset({"age", "sex"})
# "neither you nor your doctor", said of the person the question is about
_WHOSE = {"him": ("he", "his"), "her": ("she", "her"), "them": ("they", "their")}


def _for_whom(said: str, whom: str) -> str:
    subject, whose = _WHOSE.get(whom, ("you", "your"))
    return said.replace("neither you nor your doctor", f"neither {subject} nor {whose} doctor")


def _age(trial: TrialDetail, text: str, person_age: Optional[int]) -> str:
    low, high = trial.min_age_years, trial.max_age_years
    if low is None and high is None:
        told = _ages_in_words(trial)
        if told:  # NETTER-P: no age fields, "patients aged 12 to <18 years" in its summary
            return (
                f'The record has no age fields, but its own words say: "{told}". The trial team can confirm the ages.'
            )
        return "The record does not give any age limits."
    limits = _age_limits(low, high)
    asked = age_asked(text) or (AskedAge(person_age, person_age) if person_age else None)
    if asked is None:
        return f"The record takes people {limits}."
    within = (low is None or asked.low >= low) and (high is None or asked.high <= high)
    outside = (high is not None and asked.low > high) or (low is not None and asked.high < low)
    who = f"an age of {asked.low} is" if asked.low == asked.high else f"people in their {asked.low}s are"
    if outside:
        return f"The record takes people {limits}, so {who} outside the ages it gives."
    if within:
        return f"The record takes people {limits}, so {who} within the ages it gives. Age is only one of its points."
    return f"The record takes people {limits}, so only part of that age range is within it."


_AGE_RANGE = re.compile(
    r"[^.;]{0,60}\b(?:age[ds]?|years?\s+old|adolescents?|children|patients)\b[^.;]{0,30}?\b\d{1,2}\s*(?:-|–|to)\s*"
    r"(?:<\s*|less\s+than\s+)?\d{1,2}\s*(?:years?|yrs?)\b[^.;]{0,40}",
    re.I,
)


def _ages_in_words(trial: TrialDetail) -> Optional[str]:
    """An age range the summary, title or criteria state in words, quoted, when the fields are empty."""
    for text in (trial.summary, trial.official_title, trial.criteria):
        found = _AGE_RANGE.search(" ".join((text or "").split()))
        if found:
            return found.group(0).strip(" ,")
    return None


def _age_limits(low: Optional[float], high: Optional[float]) -> str:
    if low is not None and high is not None:
        return f"aged {low:g} to {high:g}"
    if low is not None:
        return f"aged {low:g} or over, and gives no upper age limit"
    return f"up to the age of {high:g}"


def _sex(trial: TrialDetail, text: str, person_age: Optional[int]) -> str:
    return {
        "FEMALE": "The record says it is for women only.",
        "MALE": "The record says it is for men only.",
        "ALL": "The record says it takes both men and women.",
    }.get(trial.sex or "", NOT_SAID)


def _size(trial: TrialDetail, text: str, person_age: Optional[int]) -> str:
    if trial.status == "WITHDRAWN":
        return "The trial was withdrawn before anyone took part, so no one is in it."
    if not trial.enrollment:
        return f"The record does not say how many people. {_ASK_TEAM}"
    planned = "plans to take" if trial.is_open else "took"
    return f"The trial {planned} about {trial.enrollment:,} people."


def _randomised(trial: TrialDetail, text: str, person_age: Optional[int]) -> str:
    return _randomised_sentence(trial, text) + _groups_tail(trial)


def _randomised_sentence(trial: TrialDetail, text: str) -> str:
    """Randomised or not, in one or two sentences: "Yes. Its title says it is randomised: ..."."""
    allocation = trial.design.allocation or _allocation_in_title(trial)
    yes_no = _asks_yes_or_no(text)
    if allocation == "RANDOMIZED":
        by_chance = "People are put into groups by chance, so neither you nor your doctor can choose the group."
        # read from its title or summary when the design fields are empty: say which
        where = "It is" if trial.design.allocation else f"Its {_said_where(trial)} says it is"
        said = f"{where} randomised. {by_chance}"
        return f"Yes. {said}" if yes_no else said
    if trial.design.intervention_model == "SINGLE_GROUP" or len(trial.arms) == 1:
        names = [i.name.rstrip(".") for i in named_treatments(trial)][:2]  # treatments, not study procedures
        given = f" The treatment is {' and '.join(names)}." if names else ""
        return f"No. Everyone in this trial is in one group and gets the same treatment.{given}"
    if allocation == "NON_RANDOMIZED":
        opening = "No. The record says it is not randomised:" if yes_no else "The record says it is not randomised:"
        return f"{opening} people are not put into groups by chance, and the group depends on the person."
    return f"The record does not say if people are put into groups by chance. {_ASK_TEAM}"


_WH_QUESTION = re.compile(r"\b(?:how|what|which|who|why|when|where)\b", re.I)
_YES_NO_START = re.compile(
    r"^\W*(?:so\s+|and\s+|but\s+)?(?:is|are|was|were|do|does|did|will|would|can|could|has|have|am)\b", re.I
)


def _asks_yes_or_no(text: str) -> bool:
    """ "is it randomised?" takes a yes or no; "how do they split people?" does not."""
    return not text or bool(_YES_NO_START.search(text)) or not _WH_QUESTION.search(text)


def _said_where(trial: TrialDetail) -> str:
    titles = " ".join(t for t in (trial.official_title, trial.title) if t)
    return "title" if _RANDOMISED_TITLE.search(titles) or _NOT_RANDOMISED_TITLE.search(titles) else "summary"


_RANDOMISED_TITLE = re.compile(r"(?<!non-)(?<!non )\brandomi[sz]ed\b", re.I)
_NOT_RANDOMISED_TITLE = re.compile(r"\bnon-?\s?randomi[sz]ed\b", re.I)


def _allocation_in_title(trial: TrialDetail) -> Optional[str]:
    """Many records without design fields say it in their title ("Randomized Phase II Trial of...") or
    their summary ("a prospective, two armed, parallel, randomised, controlled...")."""
    for text in (" ".join(t for t in (trial.official_title, trial.title) if t), trial.summary or ""):
        if _NOT_RANDOMISED_TITLE.search(text):
            return "NON_RANDOMIZED"
        if _RANDOMISED_TITLE.search(text):
            return "RANDOMIZED"
    return None


def _groups(trial: TrialDetail, text: str, person_age: Optional[int]) -> str:
    if not trial.arms:
        if trial.design.intervention_model == "SINGLE_GROUP":
            return "Everyone in this trial is in one group and gets the same treatment."
        named = [
            i.name
            for i in trial.interventions
            if (i.kind or "").upper() in ("DRUG", "BIOLOGICAL", "RADIATION", "PROCEDURE", "COMBINATION_PRODUCT")
        ]
        if named:
            return (
                f"The record does not list its groups. The treatments it names are: {', '.join(named[:4])}. {_ASK_TEAM}"
            )
        return f"The record does not list its groups. {_ASK_TEAM}"
    if len(trial.arms) == 1:
        return f"It has one group: {_arm_words(trial.arms[0])}."
    # the groups' own lines tell them apart when their treatments or their kinds do not
    describe = _same_treatment(trial) or len({arm.kind for arm in trial.arms}) == 1
    parts = [f"{n}. {_arm_words(arm, describe)}" for n, arm in enumerate(trial.arms[:4], 1)]
    more = f" There are {len(trial.arms) - 4} more on the registry page." if len(trial.arms) > 4 else ""
    return f"It has {len(trial.arms)} groups:\n" + "\n".join(parts) + more + _shared_words(trial)


def _given_names(arm: Arm) -> dict[str, str]:
    """What a group gets, by lower-case name: "Drug: Drug: Everolimus" -> {"everolimus": "Everolimus"}."""
    names = (name.split(":")[-1].strip() for name in (arm.interventions or "").split(";"))
    return {name.lower(): name for name in names if name}


def _shared_words(trial: TrialDetail) -> str:
    """ "Both groups get Lanreotide.": what no group goes without (often the usual treatment)."""
    given = [_given_names(arm) for arm in trial.arms]
    if len(given) < 2 or not all(given):
        return ""
    shared = [given[0][key] for key in given[0] if all(key in other for other in given[1:]) and "placebo" not in key]
    everyone = "Both groups get" if len(given) == 2 else "Every group gets"
    return f"\n{everyone} {' and '.join(shared)}." if shared else ""


def _same_treatment(trial: TrialDetail) -> bool:
    """All groups get the same things: only their own lines tell them apart."""
    given = [set(_given_names(arm)) for arm in trial.arms]
    return len(given) > 1 and all(g == given[0] for g in given)


def _arm_words(arm: Arm, describe: bool = False) -> str:
    label = re.sub(r"(?<!\.)\.\.(?!\.)", ".", arm.label or "a group").rstrip(".")  # "SSA..)" in a record
    kind = ARM_KIND_WORDS.get(arm.kind or "")
    text = label + (f" ({kind})" if kind else "")
    if (describe or not kind) and arm.description:  # the group's own line says who it is for
        return f"{text}: {_first_sentence(arm.description)}"
    given = (
        ""
        if (arm.kind or "").endswith("_COMPARATOR") and "placebo" in label.lower()
        else given_words(arm.interventions)
    )
    return text + (f", given {given}" if given and given.lower() not in label.lower() else "")


_SAYS_ELIGIBLE = re.compile(r"\s+(?:are|is|will\s+be|were)\s+(?:considered\s+)?(?:eligible|qualified)\b.*", re.I | re.S)


def _first_sentence(text: str, most: int = 160) -> str:
    """The first sentence of a record's line, whole brackets only, without "are eligible"."""
    sentence = re.split(r"(?<=\.)\s", " ".join(text.split()), maxsplit=1)[0].rstrip(".;")
    sentence = _SAYS_ELIGIBLE.sub("", sentence)
    if len(sentence) > most:
        sentence = sentence[:most].rsplit(" ", 1)[0] + "…"
    if sentence.count("(") > sentence.count(")"):
        sentence = sentence[: sentence.rindex("(")].rstrip() + ("…" if not sentence.endswith("…") else "")
    return sentence


ARM_KIND_WORDS = {
    "EXPERIMENTAL": "the treatment being tested",
    "ACTIVE_COMPARATOR": "a usual treatment, to compare with",
    "PLACEBO_COMPARATOR": "a placebo, to compare with",
    "SHAM_COMPARATOR": "a pretend procedure, to compare with",
    "NO_INTERVENTION": "no trial treatment",
}


def _groups_tail(trial: TrialDetail) -> str:
    if len(trial.arms) > 1:
        return f"\n{_groups(trial, '', None)}"
    named = [i.name for i in named_treatments(trial) if i.name]
    if (
        len(named) > 1
    ):  # no groups listed, but what is compared may still be named ("177Lu-edotreotide PRRT", "Everolimus")
        return f"\nThe treatments the record names: {', '.join(named[:-1])} and {named[-1]}."
    return ""


def _placebo(trial: TrialDetail, text: str, person_age: Optional[int]) -> str:
    masking, who = trial.design.masking, (trial.design.masked_who or "").lower()
    lines = []
    if has_placebo_arm(trial):
        lines.append("Yes. One group gets a placebo: a dummy treatment with no active drug in it.")
        made_of = [i.description for i in trial.interventions if "placebo" in i.name.lower() and i.description]
        if made_of and _DESCRIBES_A_PLACEBO.search(made_of[0]):
            lines.append(f"The record describes it as: {_first_sentence(made_of[0])}.")
    else:
        lines.append(_placebo_sentence(trial))
    if masking == "NONE":
        lines.append("It is open: people know which treatment they get.")
    elif masking:
        lines.append(f"It is blinded: {_masked_words(who)} will not know which treatment each person gets.")
    if masking and masking != "NONE" and _HOW_THEY_KNOW.search(text or ""):
        lines.append("If it is needed for safety, such as in an emergency, the code can be broken to find out.")
    lines += _odds(trial, text)
    tail = _groups_tail(trial) if len(trial.arms) > 1 else ""
    return " ".join(lines) + ("" if masking or not trial.arms else f" {_ASK_TEAM}") + tail


# "Placebo to match sunitinib", "sodium chloride", not "orally, twice daily" (a record's slip)
_DESCRIBES_A_PLACEBO = re.compile(r"\b(?:placebo|dummy|match(?:ing)?|inactive|saline|sodium\s+chloride|sugar)\b", re.I)
_PLACEBO_NAMED = re.compile(r"\bplacebo\b", re.I)


def _placebo_sentence(trial: TrialDetail) -> str:
    """A placebo or not in one sentence, blinding included."""
    masking = trial.design.masking
    if has_placebo_arm(trial):
        blinded = (
            f", and it is blinded, so {_masked_words((trial.design.masked_who or '').lower())} will not know who gets it"
            if masking and masking != "NONE"
            else ""
        )
        return f"Yes, one group gets a placebo (a dummy treatment with no active drug in it){blinded}."
    if any((arm.kind or "") == "NO_INTERVENTION" for arm in trial.arms):
        # "could she end up with nothing?": not a dummy drug, but a group given no trial treatment
        return "There is no placebo group, but one group gets no trial treatment."
    if trial.arms:
        return "No, the record lists no placebo group."
    titles = " ".join(t for t in (trial.official_title, trial.title) if t)
    if _PLACEBO_NAMED.search(titles):  # "Pazopanib Versus Placebo", with no groups listed: its title says what
        title = trial.official_title if _PLACEBO_NAMED.search(trial.official_title or "") else trial.title
        return (
            f'Its title says it compares with a placebo (a dummy treatment): "{title}". '
            f"But the record does not list its groups. {_ASK_TEAM}"
        )
    if _PLACEBO_NAMED.search(trial.summary or ""):
        return (
            f"Its summary mentions a placebo (a dummy treatment), but the record does not list its groups. {_ASK_TEAM}"
        )
    return f"The record does not say if there is a placebo. {_ASK_TEAM}"


# "how would the doctors in A&E know if I'm on the real drug?" (knowledge-facts 9a: the code can be broken)
_HOW_THEY_KNOW = re.compile(
    r"\bemergenc\w*|\bA\s*&\s*E\b|\bER\b|\bhospital\b|\bhow\s+would\s+(?:they|the\s+\w+|anyone)\s+know\b", re.I
)
_ASKS_ODDS = re.compile(r"\b(?:odds|chances?|ratio|likely|likelihood)\b", re.I)
_RATIO = re.compile(r"[^.;]{0,80}\b\d\s*:\s*\d\b[^.;]{0,60}")


def _odds(trial: TrialDetail, text: str) -> list[str]:
    """ "whats the odds?": the record's own words on the ratio of the groups, when it gives one."""
    if not _ASKS_ODDS.search(text or ""):
        return []
    for words in (trial.summary, trial.description):
        found = _RATIO.search(" ".join((words or "").split()))
        if found:
            return [f'On the odds, the record says: "{found.group(0).strip(" ,")}".']
    return ["The record does not give the odds of each group. The trial team can tell you."]


def _given(trial: TrialDetail, text: str, person_age: Optional[int]) -> str:
    if trial.is_observational:  # "do they take the lump out or just keep an eye"
        return f"{OBSERVED} {_ASK_TEAM}"
    said = how_given(trial)
    if not said:
        return f"The record does not name a drug, so it does not say how one is given. {_ASK_TEAM}"
    meant, groups = treatments_meant(trial, text)
    if meant:  # "if you got the interferon instead, how would that have been given?": that one only
        kept = [line for line in said.splitlines()[1:] if any(line.startswith(f"- {i.name}:") for i in meant)]
        said = "\n".join([said.splitlines()[0], *kept]) if kept else said
    asks_food = bool(_ASKS_FOOD.search(text or ""))
    asked = meant or asks_food or _ASKS_SCHEDULE.search(text or "")  # "is it tablets? how many times a day?"
    words = given_in_its_words(trial, meant, groups, asks_food, _words_meant(trial, text)) if asked else []
    own = "\nIn the record's own words:\n" + "\n".join(f'- "{w}"' for w in words) if words else ""
    food = f"\n{_FOOD_NOT_SAID}" if asks_food and not _FOOD.search(own) else ""
    return f"{said}{own}{food}\n{_ASK_TEAM}"


OBSERVED = (
    "This is an observational study: it follows people and notes what happens. "
    "It gives no treatment or operation. Any treatment comes from their usual care."
)
_ASKS_SCHEDULE = re.compile(
    r"\bhow\s+often\b|\bhow\s+many\s+times\b|\btimes\s+a\s+day\b|\bevery\s+(?:single\s+)?day\b|\bdaily\b"
    r"|\b(?:which|what)\s+days\b",
    re.I,
)
_ASKS_FOOD = re.compile(r"\bfood\b|\bmeals?\b|\bempty\s+stomach\b", re.I)
_FOOD = re.compile(r"\bfood\b|\bmeals?\b|\bfast(?:ing|ed)\b|\bempty\s+stomach\b", re.I)
_FOOD_NOT_SAID = "The record does not say if it is taken with food."
# a word of a treatment's name that says what it is, not its dose or form
_NAME_WORD = re.compile(r"[a-z][a-z0-9-]{3,}", re.I)
_NOT_A_NAME = frozenset(
    {
        *("drug", "drugs", "tablet", "tablets", "capsule", "capsules", "injection", "injections", "oral", "dose"),
        *("daily", "with", "plus", "placebo", "therapy", "treatment", "standard", "care", "alone", "acid", "amino"),
        *("solution", "infusion", "group", "only", "they", "that", "this", "have", "would", "given", "does"),
    }
)


def treatments_meant(trial: TrialDetail, text: str) -> tuple[list[Intervention], list[Arm]]:
    """The trial's own treatments the question names, by a word of their names or other names ("the atezo",
    "the interferon"), or those of the group it names ("the captem only group"), with that group."""
    asked = {w.lower() for w in _NAME_WORD.findall(text or "")} - _NOT_A_NAME
    if not asked:
        return [], []

    def named(words: str) -> bool:
        own = {w.lower() for w in _NAME_WORD.findall(words)} - _NOT_A_NAME
        return any(o.startswith(a) and len(a) >= min(len(o), 5) for a in asked for o in own)

    meant = [i for i in trial.interventions if named(" ".join([i.name, *i.other_names]))]
    # a group named by its own label ("the captem group"), not by a treatment of it ("the axitinib")
    groups = [arm for arm in trial.arms if named(arm.label or "")] if len(trial.arms) > 1 and not meant else []
    whole = [arm for arm in groups if {w.lower() for w in _NAME_WORD.findall(arm.label or "")} <= asked]
    groups = whole or groups  # "the captem only group": CAPTEM, not PRRT/CAPTEM
    if groups and not meant:
        names = {n for arm in groups for n in _given_names(arm)}
        meant = [i for i in trial.interventions if i.name.lower() in names]
    return [i for i in meant if "placebo" not in i.name.lower()], groups


def _words_meant(trial: TrialDetail, text: str) -> set[str]:
    """The words of the trial's treatment names the question names ("atezo" -> "atezolizumab")."""
    asked = {w.lower() for w in _NAME_WORD.findall(text or "")} - _NOT_A_NAME
    own = {
        w.lower() for i in trial.interventions for n in (i.name, *i.other_names) for w in _NAME_WORD.findall(n)
    } - _NOT_A_NAME
    return {o for o in own for a in asked if o.startswith(a) and len(a) >= min(len(o), 5)}


def given_in_its_words(
    trial: TrialDetail,
    meant: list[Intervention],
    groups: list[Arm],
    food: bool,
    named: frozenset[str] | set[str] = frozenset(),
) -> list[str]:
    """The record's own sentences on how and how often the treatments meant are given (dose, route,
    timing): the group's own line when a group is named, else their own lines and the groups' sentences
    that name them; only those about food when food is asked without naming a treatment."""
    if groups:
        texts = [arm.description or "" for arm in groups]
    else:
        named = named or {i.name.split()[0].lower() for i in meant}
        texts = [
            sentence
            for i in (meant or trial.interventions)
            if "placebo" not in i.name.lower()
            for sentence in _SENTENCE_END.split(" ".join((i.description or "").split()))  # its own line, whole
        ]
        texts += [
            sentence
            for arm in trial.arms
            for sentence in _SENTENCE_END.split(" ".join((arm.description or "").split()))
            if not meant or any(word in sentence.lower() for word in named)
        ]
        # "Courses repeat every 21 days.": the lines of the groups that get it which name no other treatment
        others = {
            w.lower()
            for i in trial.interventions
            if i not in meant
            for n in (i.name, *i.other_names)
            for w in _NAME_WORD.findall(n)
        } - _NOT_A_NAME
        texts += [
            sentence
            for arm in trial.arms
            if meant and any(i.name.lower() in _given_names(arm) for i in meant)
            for sentence in _SENTENCE_END.split(" ".join((arm.description or "").split()))
            if not any(word in sentence.lower() for word in others)
        ]
    found: list[str] = []
    for sentence in (s for words in texts for s in _SENTENCE_END.split(" ".join(words.split()))):
        sentence = sentence.rstrip(" .")
        wanted = _FOOD.search(sentence) if food and not meant else _HOW_OFTEN.search(sentence)
        if not wanted or any(sentence.lower() in f.lower() for f in found):
            continue
        found = [f for f in found if f.lower() not in sentence.lower()] + [sentence]  # the fuller one kept
    if food and any(_FOOD.search(sentence) for sentence in found):  # "with food?": the record's words on food only
        found = [sentence for sentence in found if _FOOD.search(sentence)]
    return found[:3]


# a sentence ends before a capital, not inside "750mg/m2 b.i.d. days 1-14"
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(\[])")
# a dose or a timing: "taken orally" alone only says again how it is given
_HOW_OFTEN = re.compile(
    r"\bevery\b|\bdaily\b|\btwice\b|\bonce\b|\bb\.?i\.?d\b|\bweekly\b|\bcycles?\b|\bdays?\s+\d|\bapart\b"
    r"|\b\d+\s*(?:mg|units|gbq|mbq)\b",
    re.I,
)


_MASKED = (
    ("participant", "people taking part"),
    ("care provider", "the doctors and nurses giving treatment"),
    ("investigator", "the trial doctors"),
    ("outcomes assessor", "the people checking the results"),
)


def _masked_words(who: str) -> str:
    """ "PARTICIPANT, INVESTIGATOR" -> "people taking part and the trial doctors"."""
    named = [words for code, words in _MASKED if code in who]
    if not named:
        return "some of those involved"
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def _duration(trial: TrialDetail, text: str, person_age: Optional[int]) -> str:
    _, groups = treatments_meant(trial, text)
    of_group = [(arm, given_in_its_words(trial, [], [arm], False)) for arm in groups[:2]]
    if of_group and all(words for _, words in of_group):  # "in the captem only group how many cycles?"
        return (
            "\n".join(
                f'In the group called "{arm.label}", the record says:\n' + "\n".join(f'- "{w}"' for w in words)
                for arm, words in of_group
            )
            + "\nThe trial team can tell you more."
        )
    said = timing_answer(trial, text)
    if said:
        return f"{said}\nThe trial team can tell you more."
    frames = [m.time_frame for m in trial.measures if m.kind == "primary" and m.time_frame]
    if frames:
        return f"{not_said(text)} It measures its main result over: {frames[0].rstrip('.')}. {_ASK_TEAM}"
    if trial.start_date and trial.completion_date:
        runs = "runs" if trial.is_open or trial.status == "ACTIVE_NOT_RECRUITING" else "ran"
        return (
            f"{not_said(text)} The whole trial {runs} from "
            f"{day_words(trial.start_date)} to about {day_words(trial.completion_date)}. {_ASK_TEAM}"
        )
    return f"{not_said(text)} {_ASK_TEAM}"


def _phase(trial: TrialDetail, text: str, person_age: Optional[int]) -> str:
    named = [p for p in trial.phases if p in PHASE_WORDS]
    if not named:
        kinds = {(i.kind or "").upper() for i in trial.interventions}
        if kinds and kinds <= _NOT_DRUGS:  # phases are steps in testing a drug
            tested = " or ".join(sorted(_NOT_DRUG_WORDS[k] for k in kinds))
            return f"It has no phase: it tests {tested}, not a drug, and phases are steps in testing drugs."
        return "The record gives no phase: it may not be a drug trial. The trial team can explain."
    if len(named) == 1:
        return f"It is a {PHASE_WORDS[named[0]]} trial: {PHASE_MEANING[named[0]]}."
    # "PHASE2, PHASE3": one trial in two steps, not two trials
    steps = " ".join(f"{PHASE_WORDS[p][:1].upper()}{PHASE_WORDS[p][1:]} is {PHASE_MEANING[p]}." for p in named)
    return f"It is a {' and '.join(PHASE_WORDS[p] for p in named)} trial: one trial in two steps. {steps}"


_NOT_DRUG_WORDS = {
    "PROCEDURE": "a procedure",
    "DEVICE": "a device",
    "BEHAVIORAL": "a way of caring or living",
    "DIAGNOSTIC_TEST": "a test",
    "RADIATION": "a radiation treatment",
    "OTHER": "something other than a medicine",
}
_NOT_DRUGS = frozenset(_NOT_DRUG_WORDS)


def _status(trial: TrialDetail, text: str, person_age: Optional[int]) -> str:
    words = dated_status_words(trial.status, trial.status_as_of)
    said = f"{words[:1].upper()}{words[1:]}."  # "approved for marketing" starts the answer
    status = (trial.status or "").upper()
    if status == "NOT_YET_RECRUITING" and trial.start_date:
        said += f" The record gave {day_words(trial.start_date)} as the date it planned to start."
    if status == "WITHDRAWN":
        said += " It was withdrawn, so no one took part."
    if status in _STOPPED:
        said += f" {_why_stopped(trial)}"
    if status == "APPROVED_FOR_MARKETING":
        said += " It was a way to get the drug outside a trial, and the record says the drug has since been approved."
    if _UPDATED.search(text or "") or (status in _STALE and trial.last_updated):
        said += (
            f" The record was last updated on the registry on {day_words(trial.last_updated)}."
            if trial.last_updated
            else " The record does not say when it was last updated."
        )
    if status in ("UNKNOWN", ""):
        said += f" The trial team or the registry page can tell you if it is open: {trial.registry_url}"
    return said


_UPDATED = re.compile(r"\bupdated?\b", re.I)
# Statuses the record has not kept up: when it was last updated says how old the news is ("is it still going?")
_STALE = frozenset(
    {"UNKNOWN", "APPROVED_FOR_MARKETING", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "WITHHELD"}
)


_STOPPED = {"TERMINATED", "WITHDRAWN", "SUSPENDED"}


def _why_stopped(trial: TrialDetail) -> str:
    """The sponsor's own reason, quoted (it is their wording, and often technical); "Refer to
    Detailed Description" sends us to the sentences of the description that tell of the stop."""
    reason = " ".join((trial.why_stopped or "").split()).rstrip(".")
    if not reason or _POINTS_ELSEWHERE.search(reason):
        told = [s for s in _sentences(trial.description or "") if _TELLS_OF_STOPPING.search(s)]
        reason = " ".join(told[:2]).rstrip(".")
    if not reason:
        return f"The record does not say why. {_ASK_TEAM}"
    return f'The reason the record gives, in its own words: "{reason}." The trial team can explain what it means.'


_POINTS_ELSEWHERE = re.compile(r"^(?:please\s+)?(?:refer|see)\b", re.I)
_TELLS_OF_STOPPING = re.compile(
    r"\b(?:terminat\w*|stop(?:ped|ping)?|halted|closed\s+early|ended\s+early|discontinu\w*)\b", re.I
)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s.strip()]


def _sponsor(trial: TrialDetail, text: str, person_age: Optional[int]) -> str:
    if not trial.sponsor:
        places = list(dict.fromkeys(site.facility for site in trial.sites if site.facility))
        where = f" The only place it lists is {places[0]}." if len(places) == 1 else ""
        return f"The record does not say who runs it.{where} {_ASK_TEAM}"
    helpers = f", with {', '.join(trial.collaborators[:3])}" if trial.collaborators else ""
    if _is_a_person(trial.sponsor):  # a sponsor-investigator: the researcher who leads it
        also = f" It works with {', '.join(trial.collaborators[:3])}".rstrip(".") + "." if trial.collaborators else ""
        return f"It is run by {trial.sponsor.strip()}, a researcher, not a company.{also}"
    return f"It is run by {trial.sponsor}{helpers}".rstrip(".") + "."


# "Peter Anderson", "Nicholas Fidelman, MD": a person's name, not a company's or a university's
_A_PERSON = re.compile(r"(?:Dr\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'-]+){1,2}(?:,?\s+(?:MD|PhD|Prof\.?))*")
_ORGANISATION = re.compile(
    r"\b(?:pharma\w*|applications|institut\w*|cent(?:er|re)|universit\w*|hospital|health|limited|ltd|inc|therapeutics"
    r"|medical|medipharma|ziekenhui\w*|group|foundation|society|council|company|corporation|research|trust|clinic"
    r"|college|oncology|sciences?|biotech\w*|laboratories|labs?|network|association|alliance|consortium|agency)\b",
    re.I,
)


def _is_a_person(name: str) -> bool:
    return bool(_A_PERSON.fullmatch(name.strip())) and not _ORGANISATION.search(name)


def _results(trial: TrialDetail, text: str, person_age: Optional[int]) -> str:
    if trial.has_results:
        when = f", first on {day_words(trial.results_first_posted)}" if trial.results_first_posted else ""
        posted = f"Results are posted on the registry page{when}: {trial.registry_url}"
        # "any results yet?" takes a yes; "did it work?" does not (whether it worked is in the results, not
        # in the posting of them); "what did it find?" is told where the findings are
        if _asks_yes_or_no(text) and not _ASKS_IF_IT_WORKED.search(text):
            return f"Yes. {posted}"
        if _ASKS_IF_IT_WORKED.search(text):
            return f"Our copy of the record does not say how well it worked. {posted}"
        return (
            f"Its results are posted on the registry page{when}, where you can read what it found: {trial.registry_url}"
        )
    if trial.is_open:
        return "Not yet: it is still looking for people, so there are no results."
    return f"Our copy of the record does not show results. The registry page may have them: {trial.registry_url}"


# "did it work?", "did NETTER-2 work", "did the clarinet study actually work": not "did they work out where it
# started", "does dad work still", "does lanreotide help with the flushing"
_WORKED_SUBJECT = r"(?:it|they|(?:the\s+)?[\w-]+\s+(?:trial|study)|the\s+(?:trial|study|drug|treatment|medicine)|(?-i:[A-Z][A-Za-z0-9]*(?:-\d+)?))"
_ASKS_IF_IT_WORKED = re.compile(
    rf"\b(?:did|does|has)\s+{_WORKED_SUBJECT}\s+(?:actually\s+|really\s+|even\s+)?(?:work|help|succeed)\b(?!\s+out\b)"
    rf"|\bwas\s+{_WORKED_SUBJECT}\s+(?:actually\s+|really\s+)?(?:a\s+)?(?:success|successful|positive)\b"
    r"|\bany\s+good\b|\bworth\s+it\b",
    re.I,
)


def asks_if_it_worked(text: str) -> bool:
    """ "did it work?", "did CLARINET work?", "was it a success?": how well it worked, which is in its results."""
    return bool(_ASKS_IF_IT_WORKED.search(text or ""))


_ASK_TEAM = "The trial team can tell you."
# one sentence each when several aspects are asked at once
_BRIEF: dict[str, Callable[[TrialDetail, str, Optional[int]], str]] = {
    "randomised": lambda trial, text, person_age: _randomised_sentence(trial, text),
    "placebo": lambda trial, text, person_age: _placebo_sentence(trial),
}
_ANSWERS: dict[str, Callable[[TrialDetail, str, Optional[int]], str]] = {
    "summary": lambda trial, text, person_age: registry_summary(trial),
    "age": _age,
    "sex": _sex,
    "size": _size,
    "randomised": _randomised,
    "groups": _groups,
    "placebo": _placebo,
    "given": _given,
    "duration": _duration,
    "phase": _phase,
    "status": _status,
    "sponsor": _sponsor,
    "results": _results,
}
