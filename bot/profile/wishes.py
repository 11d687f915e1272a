"""What kind of trial the person wants, beyond the treatment: phase, status, age group; and how
many separate questions one message asks."""

from __future__ import annotations

import re
from typing import Optional

from bot.trials.nct import find_nct_candidate
from bot.trials.query_from_words import phase_number

_ALL_STATUSES = re.compile(
    r"\b(?:closed|finished|completed|old|past|ended)\s+(?:ones?|trials?|studies)?\s*(?:too|as\s+well|also)\b"
    r"|\b(?:incl(?:uding|udes?|\.)?|inc|plus|even)\s+(?:the\s+)?(?:closed|finished|completed|past|old)\b|\bopen\s+or\s+not\b"
    # "open and closed", "with closed ones" - not "and finished his 4th Lutathera" (a story's verb)
    r"|\b(?:and|with)\s+(?:the\s+)?(?:closed|finished|completed|past|old)\b(?=\s*(?:ones?\b|trials?\b|studies\b|[,.;:?!)]|$))"
    r"|\b(?:incl(?:uding|udes?|\.)?|inc|plus|also|even)\s+(?:the\s+)?(?:ones|trials?|studies)\s+(?:that|which)\s+(?:have\s+|had\s+|are\s+|were\s+)?(?:closed|finished|completed|ended)\b"
    r"|\b(?:any|all)\s+(?:statuse?s?|status)\b|\bopen\s+(?:or|and|\+|/)\s+closed\b|\bclosed\s+(?:or|and|/)\s+open\b"
    r"|\bwhether\s+(?:open|recruiting)\s+or\s+not\b|\bever\s+(?:been\s+)?(?:run|done)\b|(?:^|\s)[-–:(]\s*all\)?\s*$|(?<!\bfor )(?<!\bto )\ball\s+of\s+them\b"
    # "closed ok", "closed ones are fine", "doesn't matter if it's closed", "regardless of status", "past and present"
    r"|\b(?:closed|finished|completed|ended)(?:\s+(?:ones|trials?|studies))?\s+(?:are\s+|is\s+|r\s+)?(?:ok|okay|fine|welcome|allowed|included|acceptable)\b"
    r"|\b(?:doesn'?t|does\s+not|don'?t|do\s+not|won'?t)\s+matter\s+(?:if|whether)\s+(?:it'?s|its|they'?re|theyre|they\s+are|it\s+is)\s+(?:still\s+)?(?:closed|open|finished|recruiting)\b"
    # "finished or ongoing", "completed and active"
    r"|\b(?:finished|completed|closed|ended|past|old)\s+(?:or|and|&|/)\s+(?:ongoing|current|open|recruiting|active|present|running)\b"
    r"|\b(?:ongoing|active|running|recruiting)\s+(?:or|and|&|/)\s+(?:finished|completed|closed|ended|past|old)\b"
    r"|\bregardless\s+of\s+(?:the\s+)?status\b|\bpast\s+(?:and|&|or)\s+(?:present|current)\b|\b(?:current|open)\s+(?:and|&|or)\s+(?:past|old|finished|completed)\b",
    re.I,
)
_CLOSED_ONLY = re.compile(
    r"(?:\b(?:closed|finished|completed|ended|historic(?:al)?)\s+(?:[\w-]+\s+){0,3}?|(?<!\bi'm )(?<!\bim )(?<!\bis )(?<!\bam )(?<!\bhe's )(?<!\bshe's )(?<!\bbe )"
    r"\b(?:old|past|previous|earlier)\s+)(?:trials?|studies|ones)\b(?!\s*(?:too|as\s+well|also))"
    r"|\b(?:trials?|studies|ones)\s+(?:that\s+(?:have|are|were|had)\s+)?(?:already\s+)?(?:closed|finished|completed|ended)\b"
    r"|\b(?:trials|studies|ones)\s+(?:(?:that|which)\s+)?(?:have|had)\s+already\s+(?:closed|finished|completed|ended)\b"
    r"|\b(?:trials|studies|ones)\s+(?:that|which)\s+(?:closed|finished|completed|ended)\b",
    re.I,
)
_OPEN_ONLY = re.compile(
    r"\b(?:open|recruiting|enrolling|currently\s+recruiting|still\s+recruiting|taking\s+(?:new\s+)?(?:people|patients))\b(?!\s+(?:to|up|about|with|minded))",
    re.I,
)
# "not interested in closed ones", "don't show me finished trials": open ones only.
_NOT_CLOSED = re.compile(
    r"\b(?:not|no|nothing|don'?t\s+(?:want|need|show)(?:\s+me)?|without(?:\s+the)?)\s+(?:interested\s+in\s+|bothered\s+(?:about|with)\s+)?(?:the\s+|any\s+)?"
    r"(?:closed|finished|completed|ended|old)\s+(?:ones|trials?|studies)\b",
    re.I,
)
_OPEN_FILTER = re.compile(
    r"\bopen\s+(?:[\w-]+\s+){0,3}?(?:trials?|studies|ones)\b|\bonly\s+open\b|\bopen\s+only\b"
    # "only recruiting ones", "GETNE trials recruiting", "current trials only, nothing closed"
    r"|\b(?:only\s+)?recruiting\s+(?:only|ones)\b|\bonly\s+recruiting\b|\b(?:trials?|studies)\s+(?:currently\s+|now\s+)?recruiting\s*(?:only\s*)?$"
    r"|\bcurrent\s+(?:trials?|studies|ones)\s+only\b|\bnothing\s+closed\b|\bno\s+closed\s+(?:ones|trials?)\b"
    # "recruiting trials only", "only ones still taking people", "any still enrolling?", "what's currently open for g3"
    r"|\b(?:open|recruiting|enrolling|current)\s+(?:[\w-]+\s+){0,2}?(?:trials?|studies|ones)\s+only\b"
    r"|\b(?:trials|studies)\s+(?:that\s+are\s+|which\s+are\s+)?(?:still\s+|currently\s+)?(?:accepting|taking)\s+(?:new\s+)?(?:people|patients|participants)\b"
    r"|\b(?:ones|those|only)\s+(?:that\s+are\s+|which\s+are\s+|that\s+re\s+)?(?:still\s+|currently\s+|actively\s+)?"
    r"(?:recruiting|enrolling|accepting|taking)(?:\s+(?:new\s+)?(?:people|patients|participants))?\b(?!\s+(?:part|place|long|ages?|over|under|anyone|kids|children))"
    r"|\b(?:any|ones|that\s+are|which\s+are)\s+(?:still\s+|currently\s+)?open\s+to\s+(?:new\s+)?(?:patients|people|participants|recruitment|enrol+ment)\b"
    r"|\bwhat(?:'s|s|\s+is|\s+are)\s+(?:currently\s+|still\s+|now\s+)?(?:open|recruiting|enrolling)\b"
    # "dosimetry based lutetium studies open in the US", "trials recruiting in Sweden"
    r"|\b(?:trials|studies)\s+(?:currently\s+|still\s+|now\s+)?(?:open|recruiting|enrolling)\s+(?:in|at|near|across|for)\b"
    # "what trials are open for me", "only ones that are open right now"
    r"|\bwhat\s+(?:trials|studies)\s+are\s+(?:currently\s+|still\s+|now\s+)?(?:open|recruiting|enrolling)\b"
    r"|\b(?:ones|those)\s+(?:that\s+are|which\s+are|that\s+re)\s+(?:still\s+|currently\s+)?open\b(?!\s+to\s+(?:\w+\s+)?(?:kids|children|adults))"
    # "currently enrolling pnet studies", "which are still taking people", "trials still looking for volunteers"
    r"|\b(?:currently|now)\s+(?:recruiting|enrolling|open|accepting)\s+(?:[\w-]+\s+){0,3}?(?:trials?|studies|ones)\b"
    r"|\b(?:trials|studies|ones|which|those)\s+(?:are\s+|that\s+are\s+)?(?:still|currently|now)\s+(?:recruiting|enrolling|open"
    r"|(?:taking|accepting)\s+(?:new\s+)?(?:people|patients|participants|volunteers)|looking\s+for\s+(?:volunteers|patients|people|participants))\b"
    r"|\b(?:öppna|rekryterande)\s+(?:studier|prövningar|studie)\b"
    # asked of trials in general, not of one named trial: "which ones are actually open?", "NET studies open?"
    r"|\b(?:trials|studies|ones)\s+(?:(?:are|r|that\s+are|which\s+are)\s+)?(?:actually\s+|currently\s+|still\s+|now\s+)?(?:open|recruiting|enrolling)"
    r"(?:\s+(?:right\s+)?now|\s+at\s+the\s+moment|\s+today)?\s*(?:\?|$)"
    # a look-up's trailing filter: "pnet g3 phase 2 open, any country" (not "is it still open?")
    r"|(?<!\bis )(?<!\bit )(?<!\bstill )(?<!\bare )(?<!\bthey )(?<!\bthat )(?<!\bthis )(?<!\bnot )\bopen\b(?=\s*(?:,|;|\)|\s-\s|$))",
    re.I,
)
# An age group asked for: "trials for teenagers", "anything for little ones?", "adults only", "would any
# trial accept a gentleman of his age" (with his age said). Only in a request, never a life stage ("diagnosed
# as a teenager") or a fact about a drug ("not licensed for children").
# "do they do trials for young people?" from a 19-year-old: the words cover teenagers and young adults, so
# the patient's own age says which group (a teenager when no age is said).
_YOUNG_PEOPLE = re.compile(
    r"\b(?:for|take|takes|accept|accepts)\s+(?:young(?:er)?\s+(?:people|adults?|ones|patients|folk))\b", re.I
)
# "or are trials just for grown ups?", "only for adults?": whether the patient's own age is let in
_ONLY_FOR = re.compile(
    r"\b(?:just|only)\s+for\s+(?:grown[\s-]?ups|adults|old(?:er)?\s+(?:people|folk)|young(?:er)?\s+people|kids|children)\b",
    re.I,
)
_AGE_GROUPS = (
    (
        "teen",
        re.compile(
            r"\b(?:teen(?:s|agers?|age)?|adolescen\w*|young\s+people)\b(?!\s+one\b)|\b1[3-7]\s*(?:-|to)\s*1[7-9]\b|\bunder[\s-]+18s?\b",
            re.I,
        ),
    ),
    (
        "child",
        re.compile(
            r"\b(?:for|in|with)\s+(?:kids|children|child|babies|toddlers|little\s+ones?|young\s+(?:children|kids)|(?:kids|children)\s+under\s+\d+)\b"
            r"|\bpa?ediatric\b|\bpa?eds\b|\bchildren'?s\s+(?:trials?|studies|hospital\s+trials?)\b|\bkids'?\s+(?:trials?|studies)\b|\bunder\s+(?:[2-9]|1[0-2])s\b",
            re.I,
        ),
    ),
    (
        "older adult",
        re.compile(
            r"\b(?:for|in|take|takes|taking|accept|accepts|accepting|allow|allows|include|includes|open\s+to|want|wants|recruit|recruits)"
            r"\s+(?:older\s+(?:adults|people|patients)|the\s+elderly"
            r"|elderly(?:\s+people|\s+patients)?|old(?:er)?\s+(?:folk|people|patients)|(?:the\s+)?over[\s-]?(?:6[5-9]|[7-9]\d)s?"
            r"|pensioners|seniors|(?:someone|people|patients|pts|folks?|anyone)\s+(?:in\s+(?:their|his|her)\s+(?:late\s+|early\s+|mid\s+)?(?:[7-9]0'?s|seventies|eighties|nineties)|over\s+(?:6[5-9]|[7-9]\d)))\b",
            re.I,
        ),
    ),
    (
        "adult",
        re.compile(
            r"(?:^|,)\s*adults?\s*(?=,|;|$)|\bgrown[\s-]?ups?\s+only\b|\badults?\s+only\b|\bonly\s+adults\b|\b(?:for|in)\s+adults\b|\badult\s+(?:\w+\s+)?(?:trials?|studies)\b|\bover\s+18s?\s+only\b"
            r"|\b(?:for|in|take|takes|accept|accepts)\s+young\s+adults?\b",
            re.I,
        ),
    ),
)
# "for my 15 yr old", "a trial for a 9-year-old": a child's age said as who the trial is for.
# "for my 15 year old", "take 80 year olds", "accepting 16-year-olds"
_FOR_AGED = re.compile(
    r"\b(?:for|suit|suits|suitable\s+for|take|takes|taking|accept|accepts|accepting)\s+(?:(?:my|our|a|an|his|her)\s+)?"
    r"(\d{1,2})(?:\s*(?:,|and|or|to|-|&)\s*\d{1,2})*[\s-]*(?:years?|yrs?)[\s-]*olds?\b"  # "take 14 and 15 year olds"
    r"|\b(?:for|take|takes|taking|accept|accepts|accepting|suit)\s+(?:an?\s+)?(\d{1,2})\s*(?:y/?o|yrs?\s+old|years?\s+old)s?\b"  # "a trial for a 14 y/o", "taking 16 y/o"
    # "would any trial even look at someone who's 81"
    r"|\b(?:someone|anyone|somebody|a\s+(?:man|woman|person|patient|gentleman|lady))\s+(?:who(?:'s|\s+is)|that(?:'s|\s+is))\s+(?:now\s+)?(\d{2})\b"
    r"|\b(?:gentleman|man|woman|lady|person|someone|anyone|patient|people)\s+(?:of|aged)\s+(\d{2})\b"  # "accept a gentleman of 80"
    r"|\b(?:is|are|am|at)\s+(\d{2})\s+(?:too\s+(?:old|young)|past\s+it)\s+for\s+(?:an?\s+|the\s+|any\s+|these\s+)?(?:trials?|stud(?:y|ies)|research)\b"
    r"|\b(?:do|join|enter|try|go\s+on|get\s+into|take\s+part(?:\s+in)?|qualify|be\s+eligible|get\s+in)\s+(?:\w+\s+){0,2}?at\s+(\d{2})\b"  # "trials he could even do at 83?"
    r"|\b(?:pts|patients|people|adults|those|ones|anyone|someone|for)\s+(?:aged\s+)?(\d{2})\s?\+"  # "trials for pts 80+"
    # "would any trial even take him at 82", "allowed on trials at 88", "let her in at 79"
    r"|\b(?:take|takes|let|lets|allow|allowed|accept\w*|have|want)\s+(?:him|her|me|them|us|someone|anyone)?\s*"
    r"(?:(?:on|in|into)\s+(?:a\s+|an\s+|any\s+|the\s+)?(?:\w+\s+)?(?:trials?|stud(?:y|ies)|research)?\s*)?at\s+(\d{2})\b",
    re.I,
)
# Trials that would take someone of the patient's age, with the age said: their age group ("any trial accept a
# gentleman of his age", "is he too old for the trials?", "which trials have no upper age limit?"); not a
# feeling ("too old for guinea pig stuff") nor one treatment ("past it for the radioactive one").
_OF_THEIR_AGE = re.compile(
    r"\b(?:of|at|for\s+someone|someone|people|patients)\s+(?:his|her|my|their|your)\s+age\b"
    # "are trials open to people that age?", "a maximum age for these studies", "do trials have an age cap?"
    r"|\b(?:someone|anyone|people|patients|somebody)\s+(?:of\s+)?(?:that|this)\s+age\b"
    r"|\b(?:maximum|max|minimum|min)\s+age\b|\bage\s+(?:caps?|max(?:imum)?|ceiling|requirements?|criteria)\b"
    r"|\btoo\s+(?:old|young)\s+for\s+(?:the\s+|these\s+|any\s+|clinical\s+)?(?:\w+\s+)?(?:trials?|studies|research)\b"
    r"|\btoo\s+(?:old|young)\s+for\s+(?:all|any|most|every\s+one)\s+of\s+(?:them|these|those)\b"  # "is she just too old for all of them?"
    r"|\b(?:upper|lower|top)\s+age(?:\s+limits?)?\b|\bno\s+age\s+limits?\b|\bpast\s+(?:trials?|studies)\b"
    # "or are trials just for grown ups", "only for adults?": whether the patient's age is let in
    r"|\b(?:at|of)\s+(?:that|this|such\s+an?)\s+age\b|\b(?:someone|anyone|people|somebody)\s+(?:that|so|this)\s+old\b"
    r"|\bn[aå]gon\s+som\s+[aä]r\s+s[aå]\s+gammal\b|\bs[aå]\s+gamla?\b"  # Swedish: "someone that old"
    # "är han för gammal för studier?", "ist er zu alt für Studien?", "is hij te oud voor studies?"
    r"|\b(?:f[öo]r|zu|te|trop|demasiado)\s+(?:gammal|gamla|alt|oud|vieux|vieille|mayor|viejo|vieja)\s+(?:f[öo]r|f[üu]r|voor|pour|para)\s+(?:\w+\s+)?"
    r"(?:studier\w*|pr[öo]vning\w*|studien|studies|[ée]tudes?|essais?|ensayos?|estudios?)\b"
    r"|\b(?:an?|any)\s+(?:upper\s+)?age\s+(?:limits?|cut[\s-]?offs?|restrictions?|bar)\b"
    # "turn him away because of his age", "does age matter for these trials?", "old enough for the trials",
    # "if there's a cut off", "am i past it for research"
    r"|\bbecause\s+of\s+(?:his|her|my|their|your)\s+age\b"
    r"|\b(?:does|do|will|would|is)\s+(?:(?:his|her|my|their|your)\s+)?age\s+(?:matter|count|rule|stop|count\s+against|(?:be\s+)?an?\s+(?:problem|issue|barrier))"
    r"|\bold\s+enough\b|\bcut[\s-]?offs?\b|\bpast\s+it\b"
    r"|\b(?:am\s+i|is\s+(?:he|she)|are\s+(?:they|we)|(?:he|she)\s+(?:is|s)(?=[^.!?]*\?))\s+(?:not\s+)?too\s+(?:old|young)\b"  # asked, not "I'm too old for this"
    r"(?!\s+for\s+(?!(?:the\s+|these\s+|any\s+(?:of\s+)?|clinical\s+)?(?:trials?|studies|research|that|it|this|them|those)\b))",
    re.I,
)
_LIFE_STAGE = re.compile(
    r"\b(?:as\s+an?|when\s+(?:he|she|i|they)\s+(?:was|were)\s+an?|since\s+(?:he|she|i)\s+was\s+an?|since|during|in\s+(?:his|her|my)|(?:licensed|approved|rare|common|unusual|seen|happens?|used)\s+(?:for|in))\s*$",
    re.I,
)
_REQUEST = re.compile(
    r"\?|\btoo\s+(?:old|young)\b|\b(?:any|anything|trials?|studies|study|research|looking|find|search|only|options|suitable|accept|take|open\s+to)\b"
    r"|^\s*(?:is|are)\s+there\b"  # "Is there an upper age on these things" (no question mark)
    r"|\b(?:someone|anyone|people|somebody)\s+(?:my|his|her|their|that|this)\s+age\b",  # "will they look at someone my age"
    re.I,
)
# "of his age", "at her age" ask about trials only beside words about trials or joining: not "is that
# operation really necessary at her age?"
_ABOUT_JOINING = re.compile(
    r"\b(?:trials?|studies|study|research|anything|any|qualify|eligible|accept\w*|take|takes|join|registry|options?|limits?"
    r"|studie\w*|pr[öo]vning\w*|emot|turn\w*\s+(?:\w+\s+)?away"
    r"|they\s+(?:\w+\s+)?(?:refuse|reject|exclude|rule\s+out)|let\s+(?:him|her|me|them|us)\s+in)\b",
    re.I,
)
# "he doesn't want chemo at his age": a feeling about one treatment, not an age group asked for
_NOT_WANTED = re.compile(r"\b(?:doesn'?t|does\s+not|don'?t|do\s+not|won'?t|not)\s+(?:want|keen|fancy|like)\b", re.I)
_PIECE = re.compile(r"(?<=[.!?;\n])\s+|\s+(?=but\b)", re.I)
_ASKING = "what|how|is|are|can|could|do|does|where|when|which|would|will|who|why|should"  # words a question starts with


# Phases the trial search's own reader leaves out: "ph2", "P3 trials", "phase 1b", "first-in-human".
_PHASE_SHORT = re.compile(
    r"\b(?:ph\.?\s?|p)([1-4])\b(?=\s*(?:(?:\w+\s+)?(?:trials?|studies|study)|only|,|$))|\bphase[\s-]*([1-4])[ab]\b",
    re.I,
)
_FIRST_IN_HUMAN = re.compile(r"\bfirst[\s-]in[\s-](?:human|man|people|patients)\b", re.I)


# "what's the difference between a phase 2 and a phase 3 trial", "phase 1 vs phase 2": phases compared, none asked for
_PHASES_COMPARED = re.compile(
    r"\b(?:difference|differ|vs\.?|versus|compared?|comparison)\b[^.?!]*\bphase\s*(?:[1-4]|i{1,3}|iv)\b[^.?!]*\bphase\s*(?:[1-4]|i{1,3}|iv)\b"
    r"|\bphase\s*(?:[1-4]|i{1,3}|iv)\b[^.?!]*\b(?:vs\.?|versus|compared|than|or\s+a)\s+(?:to\s+|with\s+)?(?:an?\s+)?phase\s*(?:[1-4]|i{1,3}|iv)\b",
    re.I,
)


def read_phase(text: str) -> Optional[int]:
    """The one phase asked for ("phase 3", "Phase II", "ph2", "P3 prrt trials", "phase 1b"); None if none."""
    if _PHASES_COMPARED.search(text or ""):
        return None
    named = phase_number(text)
    if named is not None:
        return named
    short = _PHASE_SHORT.search(text or "")
    if short:
        return int(short.group(1) or short.group(2))
    return 1 if _FIRST_IN_HUMAN.search(text or "") else None


_RECRUITING = re.compile(r"\b(?:recruiting|enrolling)\b", re.I)
_STATUS_OF_ONE = re.compile(
    r"\b(?:still|is\s+(?:it|that|this|the\s+[\w-]+|[\w-]+)|are\s+they|whether\s+(?:it|they)(?:\s+(?:is|are))?|if\s+(?:it|they)(?:\s+(?:is|are|s|re))?)"
    r"\s+(?:\w+\s+)?(?:recruiting|enrolling)\b|\b(?:recruiting|enrolling)\s*(?:still|yet|anymore|any\s+more)\b",
    re.I,
)
_ASKED_OF_ONE = re.compile(r"\b(?:recruiting|enrolling)\s*\?")  # "CONTROL NETS recruiting?"
_LIST_REQUEST = re.compile(r"\b(?:any|anything|which|what|trials|studies|ones)\b", re.I)


def _asks_status_of_one(text: str) -> bool:
    return bool(
        _STATUS_OF_ONE.search(text)
        or find_nct_candidate(text)
        or (_ASKED_OF_ONE.search(text) and not _LIST_REQUEST.search(text))
    )


_CUT_OPEN = re.compile(r"\b(?:cut|cutting|sliced|slicing)\s+(?:\w+\s+)?open\b", re.I)


def read_status(text: str) -> Optional[str]:
    """ "all", "closed", or "open" when said outright ("open prrt trials"); None when not said."""
    text = _CUT_OPEN.sub(" ", text)  # "i'd rather not be cut open": an operation, not a status
    if _ALL_STATUSES.search(text):
        return "all"
    if _NOT_CLOSED.search(text):
        return "open"
    if _CLOSED_ONLY.search(text) and not _OPEN_ONLY.search(text):
        return "closed"
    if _OPEN_FILTER.search(text):
        return "open"
    # "any trials for NEC recruiting rn", "Sahlgrenska - which trials are recruiting there" filter;
    # "is it still recruiting?", "COMPOSE: recruiting still?" ask about one trial
    if _RECRUITING.search(text) and not _asks_status_of_one(text):
        return "open"
    return None


def read_age_group(text: str) -> Optional[str]:
    """The age group a request is for; None when no request names one, or when it plainly is not
    the patient's ("anything for kids?" from a 44-year-old asking about her children)."""
    groups = [g for piece in _PIECE.split(text or "") if _REQUEST.search(piece) for g in [_group_in(piece, text)] if g]
    if not groups:
        return None
    age = _patient_age(text)
    # not an adult asking about children, nor a child's parent about adult trials ("trials are for young
    # people. Am I too old?" at 82 asks for the older group)
    fitting = [g for g in groups if age is None or (g in ("child", "teen")) == (age < 18)]
    if fitting and age is not None and age < 18:
        return group_of_age(age)  # "any research for kids like him?" of a 13-year-old: a teenager
    return fitting[0] if fitting else None


def _group_in(piece: str, text: str) -> Optional[str]:
    if _THEIR_AGE_SAID.search(piece) and _about_joining(
        piece, _THEIR_AGE_SAID
    ):  # "a trial for children his age" (he is 14)
        group = group_of_age(_patient_age(text))
        if group:
            return group
    if _YOUNG_PEOPLE.search(piece) or _ONLY_FOR.search(piece):
        group = group_of_age(_patient_age(text))
        if group:
            return group
    for group, pattern in _AGE_GROUPS:
        for found in pattern.finditer(piece):
            if not _LIFE_STAGE.search(piece[: found.start()]):
                return group
    aged = _FOR_AGED.search(piece)
    if aged:
        return group_of_age(int(next(g for g in aged.groups() if g)))
    decade = _FOR_DECADE.search(piece)
    if decade:
        return group_of_age(int(decade.group(1)) * 10)
    too_old = _AGE_TOO_OLD.search(piece)
    if too_old and _ABOUT_TRIALS.search(piece) and not _NOT_WANTED.search(piece):
        return group_of_age(int(too_old.group(1)))  # "any trial to stop it coming back, or is 77 too old for that?"
    too_old = _AGE_TOO_OLD_ASKED.search(piece)
    if too_old and not _NOT_WANTED.search(piece):
        return group_of_age(int(too_old.group(1)))  # "is 81 too old?": whether trials take someone that age
    if _asks_of_their_age(piece):
        return group_of_age(_patient_age(text))
    return None


def _asks_of_their_age(piece: str) -> bool:
    return _about_joining(piece, _OF_THEIR_AGE)


def _about_joining(piece: str, pattern: re.Pattern[str]) -> bool:
    """The age words found by `pattern` ask whether trials take the patient: said of a limit, or beside
    words about trials or joining, and not of a treatment they do not want."""
    for found in pattern.finditer(piece):
        clause = next((c for c in _CLAUSE.split(piece) if found.group(0) in c), piece)
        said = found.group(0).lower()
        limit = any(
            w in said
            for w in (
                "limit",
                "upper",
                "lower",
                "top",
                "too ",
                "cut",
                "restrict",
                "max",
                "min",
                "cap",
                "someone",
                "people",
            )
        )
        if not _NOT_WANTED.search(clause) and (limit or _ABOUT_JOINING.search(piece)):
            return True
    return False


_CLAUSE = re.compile(r"[,;]")
# "are there even trials that take an 80-something": the decade's group
_FOR_DECADE = re.compile(
    r"\b(?:take|takes|taking|accept\w*|for|let\s+in)\s+(?:an?\s+|someone\s+)?([1-9])0[\s-]*(?:something|odd|plus|\+)",
    re.I,
)
# "is 77 too old for that sort of thing?": an age said with "too old for", in a piece that asks for trials
_AGE_TOO_OLD = re.compile(r"\b(?:is|are|am|at)\s+(\d{2})\s+(?:too\s+(?:old|young)|past\s+it)\s+for\b", re.I)
# "is 81 too old?", "is 81 too old for all of them?": asked with no treatment named, in a chat about trials
# (README conventions); not "is 81 too old for lutathera?" (one treatment: the age only).
_AGE_TOO_OLD_ASKED = re.compile(
    r"\b(?:is|are|am|at|would|will)\s+(\d{2,3})\s+(?:be\s+)?(?:too\s+(?:old|young)|past\s+it)"
    r"(?:\s+for\s+(?:(?:that|this|it|them|these|those)(?:\s+(?:sort|kind|type)\s+of\s+(?:thing|stuff|treatment))?"
    r"|(?:any|all|most|every\s+one)\s+of\s+(?:them|these|those)))?\s*(?:\?|$)",
    re.I,
)


_THEIR_AGE_SAID = re.compile(r"\b(?:his|her|my|their)\s+age\b", re.I)


def group_of_age(age: Optional[int]) -> Optional[str]:
    if age is None:
        return None
    return "older adult" if age >= 65 else "child" if age < 13 else "teen" if age < 18 else "adult"


def asks_about_their_age(text: str) -> bool:
    """ "any trials that take someone my age?", "is he too old for that?": a question whose age group is
    the patient's own age, which may have been said in an earlier message."""
    return any(
        _REQUEST.search(piece) and (_asks_of_their_age(piece) or _ONLY_FOR.search(piece))
        for piece in _PIECE.split(text or "")
    )


def _patient_age(text: str) -> Optional[int]:
    from bot.profile.person import read_person  # person reads the whole message; imported late (it is heavier)

    return read_person(text).age


_QUESTION_BREAK = re.compile(
    rf"\?+\s*|[.;!]\s+|(?:,\s*(?:and\s+|also\s+)?|(?<!\s)\s+(?:and|also|plus)\s+)(?=(?:{_ASKING})\b)", re.I
)
_QUESTION_WORD = re.compile(rf"(?:{_ASKING}|any)\b", re.I)
_ABOUT_TRIALS = re.compile(r"\b(?:trials?|studies|study|research)\b", re.I)


def split_questions(text: str) -> list[str]:
    """The separate questions of one message, in order ("what is prrt and are there trials
    near me" -> ["what is prrt", "are there trials near me"]); statements are left out."""
    pieces = [p.strip(" ,") for p in _QUESTION_BREAK.split(text or "")]
    return [p for p in pieces if len(p.split()) >= 2 and _QUESTION_WORD.match(p)]


def other_questions(text: str) -> list[str]:
    """The questions of a message that are not about finding trials (for a search's answer)."""
    questions = split_questions(text)
    return [q for q in questions if not _ABOUT_TRIALS.search(q)] if len(questions) > 1 else []
