"""Past illness and treatment: "History of stroke", "Known history of HIV", "Prior treatment with X"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.about_you import follows_you
from bot.eligibility.templates.parts import WHEN, WHO, article, compile_full, is_plural, registry_slot, with_notes

# one thing, with no list, aside or time limit the template could misread
_SHORT = r"(?P<what>(?!.*\b(?:within|during|prior|before|after|since|until|unless|except|in\s+the\s+(?:last|past))\b)[A-Za-z0-9][^,;:()\[\]]{2,60})"


# not a sentence of its own: "Prior treatment with lenalidomide is allowed" is not a treatment had
_NO_VERB = r"(?!.*\b(?:is|are|was|were|allowed|permitted|excluded|eligible|must|should|may|will|can)\b)"

# who has the history: "Patients with", "Has", "Subject has", "Patients who have"
_HAS = rf"(?:{WHO}?(?:with\s+|who\s+(?:has|have)\s+|(?:has|have)\s+)?)?"

# illnesses one has "a" of: "You have had a stroke", but "You have had diabetes"
_COUNTABLE = (
    "stroke",
    "heart attack",
    "transplant",
    "seizure",
    "blood clot",
    "reaction",
    "fracture",
    "bleed",
    "operation",
    "hole in the gut",
    "event",
    "ulcer",
    "episode",
    "exacerbation",
    "infection",
    "disorder",
    "injury",
    "allergy",
    "condition",
    "illness",
    "process",
    "problem",
    "disturbance",
    "mutation",
    "attack",
)
_A_STATE = re.compile(r"\band\s+(?:off|on|not|still|free|without|no\s+longer|now|currently)\b", re.I)
_AFTER_HEAD = re.compile(
    r"\b(?:from|of|with|in|on|to|for|due|after|caused|because)\b", re.I
)  # "disease from blood disorder"
_DETERMINER = re.compile(r"^(?:a|an|the|any|some|one|two|more|several|multiple|other)\b", re.I)


def _history(found: re.Match, words: Words) -> str:
    """In the registry's words (the glossary's word swaps broke sentences here: "Had of unknown cause allergy");
    refused when a state is joined to the illness ("and off treatment for 3 years"), which cannot follow "had"."""
    if _A_STATE.search(found.group("what")):
        return ""
    had = "You are known to have had" if found.group("known") else "You have had"
    what, notes = registry_slot(found.group("what"))
    return with_notes(f"{had} {_counted_first(_lower_first(what))}", notes)


def _never(found: re.Match, words: Words) -> str:
    what, notes = registry_slot(found.group("what"))
    never = "You are not known to have had" if found.group("known") else "You have never had"
    return with_notes(f"{never} {_counted(_lower_first(what))}", notes)


def _recent(found: re.Match, words: Words) -> str:
    """In the registry's words: "You had X within 6 months before joining", its terms explained beneath."""
    had = "You are known to have had" if found.group("known") else "You had"
    what, notes = registry_slot(found.group("what"))
    within = " ".join(found.group("within").lower().split())
    before, before_notes = registry_slot(found.group("before") or "")
    when = f"{within} {found.group('n')} {found.group('unit')}{' ' + before if before else ''}"
    return with_notes(f"{had} {_counted(_lower_first(what))} {when}", f"{notes} {before_notes}".strip())


def _counted(what: str) -> str:
    """ "a stroke", but "diabetes": an article before an illness one has one of."""
    if what.lower().endswith(_COUNTABLE) and not _DETERMINER.match(what) and not _AFTER_HEAD.search(what):
        what = f"{article(what)} {what}"
    return what


def _had_or_has(found: re.Match, words: Words) -> str:
    """ "History or presence of X": had it before or has it now, in the registry's words for X."""
    what, notes = registry_slot(found.group("what"))
    return with_notes(f"You have, or have had, {_counted(_lower_first(what))}", notes)


def _present(found: re.Match, words: Words) -> str:
    """ "Presence of X": has it now."""
    what, notes = registry_slot(found.group("what"))
    return with_notes(f"You have {_counted(_lower_first(what))}", notes)


def _known_or_suspected(found: re.Match, words: Words) -> str:
    """ "Known or suspected X": the doctors know, or think, that you have it."""
    what, notes = registry_slot(found.group("what"))
    return with_notes(f"You are known or thought to have {_counted(_lower_first(what))}", notes)


def _diagnosed(found: re.Match, words: Words) -> str:
    what, notes = registry_slot(found.group("what"))
    return with_notes(f"You have been diagnosed with {_lower_first(what)}", notes)


def _has_now(found: re.Match, words: Words) -> str:
    """ "Known active hepatitis", "Serious heart disease": an illness one has now, said as the registry says it."""
    if _NOT_AN_ILLNESS.search(found.group("what")):
        return ""  # "Known primary tumour site": a fact about the tumour, not an illness had
    what, notes = registry_slot(found.group("what"))
    has = "You are known to have" if found.group("known") else "You have"
    return with_notes(f"{has} {_counted(_lower_first(what))}", notes)


def _already_had(found: re.Match, words: Words) -> str:
    what, notes = registry_slot(found.group("what"))
    if found.group("use"):  # a drug's name keeps its capital: "Copaxone"
        return with_notes(f"You have already used {what}", notes)
    return with_notes(f"You have already had {_lower_first(what)}", notes)


def _history_as_listed(found: re.Match, words: Words) -> str:
    """ "History of A, B or C (...)": had it, the registry's list as it stands (its scope, exceptions and times
    untouched); refused when the rest could not follow "You have had" (`about_you.follows_you`)."""
    if not follows_you(found.group("what")) or _NOT_HAD.search(found.group("what")):
        return ""
    return _history(found, words)


# not a list of things had: a second history ("X or history of Y"), someone else's ("in the immediate family"), a
# thing had now ("current unstable angina") or still to come ("anticipated to undergo"), or a judge or rule of it
# ("as evidenced by ...", "(with further criteria)") that a time could reach
_NOT_HAD = re.compile(
    r"\b(?:history|family|relatives?|parents?|siblings?|mother|father|brothers?|sisters?|current|currently|ongoing|present"
    r"|anticipated|planned|expected|scheduled|likely|future|criteria|criterion|evidenced|assessed|determined|judged|defined"
    r"|documented|confirmed|investigator)\b",
    re.I,
)
_LIST_JOINT = re.compile(r",|\s(?:or|and|and/or)\s|/|\(")


def _counted_first(what: str) -> str:
    """ "a stroke, chronic seizures or ...": the article of the list's first illness, when one has one of it."""
    joint = _LIST_JOINT.search(what)
    first = what[: joint.start()] if joint else what
    if is_plural(first):  # "deep vein thromboses, ...": no article
        return what
    whole = _counted(what)
    # "an active bacterial, viral, fungal or other infection", "an acute or chronic infection"
    if _KINDS_OF_ONE.fullmatch(what) or ("," not in what and whole != what):
        return whole
    head = first.strip()
    return _counted(head) + what[len(head) :]


# a list of kinds of one thing, the thing said once at its end: "bacterial, viral, fungal or other infection"
_DESCRIBING = r"(?:[a-z]+(?:ic|al|ed|ive|nt|ous|ary|ory)|acute|severe|mild|moderate|other)"
_KINDS_OF_ONE = re.compile(
    rf"{_DESCRIBING}(?:\s+{_DESCRIBING})*(?:(?:,\s*|,?\s+(?:or|and|and/or)\s+){_DESCRIBING}(?:\s+{_DESCRIBING})*)+"
    r"\s+[a-z]+",
    re.I,
)


def _known_as_listed(found: re.Match, words: Words) -> str:
    """ "Known active bacterial, viral, fungal or other infection": the doctors know you have it, the registry's list
    as it stands; not an allergy, a test result or a status ("Known HIV positive"), which other templates say."""
    rest = found.group("what")
    if not _LIST_JOINT.search(rest):
        return ""  # one thing: the "illness now" template above says it, or it is not an illness ("Known primary site")
    refused = (_NOT_KNOWN, _A_TREATMENT, _NOT_AN_ILLNESS, _NOT_HAD, _ENDS_AS_ADJECTIVE)
    if not follows_you(rest) or any(pattern.search(rest) for pattern in refused):
        return ""
    what, notes = registry_slot(rest)
    return with_notes(f"You are known to have {_counted_first(_lower_first(what))}", notes)


_NOT_KNOWN = re.compile(
    r"\b(?:hypersensitiv\w*|hypersensib\w*|allerg\w*|sensitiv\w*|intoleran\w*|contraindicat\w*|positiv\w*|negativ\w*"
    r"|pregnan\w*|status|carriers?|reaction|reactions|response|responses|suspected|to|be|been|being"
    r"|prior|previous)\b",  # "Known prior development of ...": a past the present "have" would lose
    re.I,
)
# a treatment, not an illness: "Known prior treatment with PRRT, everolimus or sunitinib" (not "Known additional
# malignancy that required treatment ...")
_A_TREATMENT = re.compile(r"^(?:\S+\s+){0,2}(?:treatments?|therap(?:y|ies)|exposures?|exposed)\b", re.I)
_NOT_AN_ILLNESS = re.compile(
    r"\b(?:location|site|sites|origin|date|type|level|levels|value|values|result|results|score|count|grade|stage|dose"
    r"|weight|age|status)\b",
    re.I,
)
_ENDS_AS_ADJECTIVE = re.compile(r"(?:ic|al|ed|ive|nt|ous)\)?$", re.I)


def _prior_treatment(found: re.Match, words: Words) -> str:
    what, notes = registry_slot(found.group("what"))
    return with_notes(f"You have had treatment with {_lower_first(what)} in the past", notes)


def _lower_first(text: str) -> str:
    """ "Stroke" mid-sentence is "stroke"; "HIV" and "Crohn's disease" keep their capitals."""
    first, *others = text.split(" ", 2)
    proper = bool(others) and others[0][:1].isupper() and others[0][1:].islower()  # "Peripheral Arterial Disease"
    return (
        text
        if proper or first[1:2].isupper() or first[1:].lower() != first[1:] or "'" in first
        else text[:1].lower() + text[1:]
    )


# one thing (it may be "A or B") had within a time: no list, aside or second condition; not an action ("receiving")
_NOT_RECENT = (
    r"\b(?:unless|except|other\s+than|including|such|e\.?g|i\.?e|if|who|which|that|and|but|prior|before|after|since)\b"
)
_RECENT = rf"(?P<what>(?!{_NOT_RECENT})(?![a-z]+ing\b)[A-Za-z0-9](?:(?!{_NOT_RECENT})[^,;:()\[\]<>≤≥=]){{2,60}}?)"
# not a lead-in ("... the following conditions within 6 months:"), a second history, a judge of it, or a time
# joined to something more ("within 1 year of screening or ...")
_ONE_TIME = (
    r"(?!.*\b(?:following|defined|evidenced|as\s+(?:assessed|determined|judged|defined|documented))\b)(?!.*\bhistory\b.*\bhistory\b)"
    r"(?!.*\b(?:within|in\s+the|during\s+the)\b.*\b(?:or|and|unless|except|if)\b)"
)
_HISTORY = rf"{_HAS}(?:a\s+|any\s+)?(?P<known>known\s+|documented\s+)?(?:(?:recent|prior|previous|past)\s+)?(?:medical\s+)?history\s+of\s+"

# a thing one has, not a lead-in ("Presence of at least one lesion that:"), nor a list cut short ("... hepatic")
_THING = (
    r"(?P<what>(?!.*\b(?:within|during|prior|before|after|since|until|unless|except|following|defined|as|that|which|who|"
    r"if|when|where|by|include|includes|including|any\s+of|one\s+of|in\s+the\s+(?:last|past))\b)(?!no\b)(?-i:(?![^a-z]+$))[A-Za-z0-9][^,;:()\[\]<>≤≥=]{2,60}?"
    r"(?<!\bor)(?<!\band)(?<!\bof)(?<!\bto)(?<!\bwith)(?<!\bfor)(?<!\bin)(?<!\bon)(?<!ic|al|nt|ve|ed))"
)
_HAD_OR_HAS = (
    r"(?:(?:known\s+)?(?:history|presence)\s+or\s+(?:presence|history|current\s+evidence)"
    r"|(?:current\s+or\s+(?:(?:past|prior|previous|chronic)\s+)?|(?:past|prior|previous)\s+or\s+current\s+)history)\s+of\s+"
)
# a person, not an illness: "Known HIV-positive patients", "Active smokers"
_NOT_A_PERSON = (
    r"(?<!patients)(?<!subjects)(?<!women)(?<!\bmen)(?<!people)(?<!participants)(?<!persons)(?<!individuals)"
    r"(?<!females)(?<!males)(?<!children)(?<!adults)(?<!volunteers)(?<!candidates)(?<!donors)(?<!recipients)"
    r"(?<!mothers)(?<!workers)(?<!members)(?<!smokers)(?<!users)(?<!drinkers)(?<!abusers)(?<!carriers)"
)
# a treatment had before: "Prior chemotherapy", "Prior pelvic radiation therapy", "Prior use of DAPD"
_TREATMENT_END = (
    r"(?:chemotherapy|radiotherapy|radiation|therapy|therapies|treatment|treatments|surgery|transplant|transplantation|"
    r"resection|immunotherapy|[a-z]+ectomy)"
)

TEMPLATES = [
    Template(
        "history or presence of an illness",
        compile_full(rf"(?:{WHO}?(?:with\s+)?)?(?:an?\s+)?{_HAD_OR_HAS}{_THING}"),
        _had_or_has,
        lead_in=False,
    ),
    Template("illness now", compile_full(rf"(?:the\s+)?presence\s+of\s+{_THING}"), _present, lead_in=False),
    Template(
        "illness known or thought to be there",
        compile_full(
            rf"(?:{WHO}?(?:with\s+)?)?known\s+or\s+suspected\s+(?!.*\b(?:hypersensitiv|allerg|history|intoleran))(?=[A-Za-z0-9]){_THING}"
        ),
        _known_or_suspected,
        lead_in=False,
    ),
    Template(
        "diagnosis of an illness", compile_full(rf"(?:a\s+)?diagnosis\s+of\s+{_THING}"), _diagnosed, lead_in=False
    ),
    Template(
        "illness now",
        compile_full(
            rf"(?P<known>known\s+(?!to\b|or\b|and\b|hypersensitiv|hypersensib|sensitiv|allerg|history|intoleran|contraindicat|pregnan))?"
            rf"(?=(?:active|severe|serious)\s|(?<=known\s))(?!.*\b(?:exclud|eligible|allowed|permitted|status))"
            rf"{_THING}{_NOT_A_PERSON}"
        ),
        _has_now,
        lead_in=False,
    ),
    Template(
        "earlier treatment",
        compile_full(
            rf"(?:prior|previous)\s+(?!(?:to|or|and|history|exposure|receipt)\b)(?!(?:therapy|treatment|therapies|treatments)$)(?!.*\b(?:lack|fail|failure|failed|intoleran|response|resistan|reaction|refractory|progress))(?:(?P<use>use)\s+of\s+|(?=.*\b{_TREATMENT_END}$))"
            rf"{_NO_VERB}{_THING}"
        ),
        _already_had,
        lead_in=False,
    ),
    Template("recent history of an illness", compile_full(rf"{_ONE_TIME}{_HISTORY}{_RECENT}\s+{WHEN}"), _recent),
    Template(
        "no history of an illness",
        compile_full(
            rf"(?:{WHO}?(?:with\s+|must\s+have\s+|should\s+have\s+)?)?no\s+(?P<known>known\s+)?(?:(?:prior|previous|past)\s+)?(?:medical\s+)?history\s+of\s+(?!(?:or|and|using|taking|receiving|having|being)\b){_SHORT}"
        ),
        _never,
    ),
    Template(
        "illness now",
        compile_full(
            rf"(?:{WHO}?(?:with\s+)?)?known\s+(?!(?:or|and|history|the\s+following)\b)(?P<what>[A-Za-z0-9][^;:\[\]]{{2,200}})"
        ),
        _known_as_listed,
        lead_in=False,
    ),
    Template(
        "history of an illness",
        compile_full(
            rf"{_HAS}(?:a\s+|any\s+)?(?P<known>known\s+|documented\s+)?(?:(?:prior|previous|past)\s+)?(?:medical\s+)?history\s+of\s+{_SHORT}"
        ),
        _history,
    ),
    Template(
        "earlier treatment",
        compile_full(rf"(?:{WHO}?(?:with\s+)?)?(?:prior|previous)\s+(?:treatment|therapy)\s+with\s+{_NO_VERB}{_SHORT}"),
        _prior_treatment,
    ),
    Template(
        "history of an illness",
        compile_full(
            rf"{_HAS}(?:a\s+|any\s+)?(?P<known>known\s+|documented\s+)?(?:medical\s+)?history\s+of\s+(?:any\s+)?(?!(?:or|and|the\s+following)\b)"
            r"(?P<what>[A-Za-z0-9][^;:\[\]]{2,200})"
        ),
        _history_as_listed,
        lead_in=False,
    ),
]
