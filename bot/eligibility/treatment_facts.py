"""Treatments had, as a criterion sentence states them: which kinds, asked for, ruled out or
allowed, and whether only a recent one counts (a time window: a question for the team)."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.eligibility import facts as whole
from bot.eligibility.drug_families import families_named
from bot.eligibility.judge_drugs import LIVER, named_in_criterion
from bot.eligibility.logic import ALLOWS, EXCLUDES, REQUIRES, Fact, mode_of
from bot.eligibility.reading import WINDOW, new_fact

_WASHOUT = re.compile(
    r"\bsince\b|\bfinish\w*|\bmust\s+be\s+completed|\btimelines?\b|\bwash-?out\b|\brecover\w*|\bcompletion\s+of\b|\bdiscontinu\w*|\bstopped\b|\belapsed\b"
    r"|\b(?:at\s+least|minimum\s+(?:of\s+)?|more\s+than)\s*\S+\s+(?:weeks?|months?|days?)\s+(?:after|from|between|following|since|before|prior|must|have|has)\b",
    re.I,
)
_NEEDED_BEFORE = re.compile(
    r"\bmust\s+have\s+(?:had|received|been\s+treated)|\bprogress\w*|\brefractory\b|\bfailure\b|\bafter\b|\bfollowing\b"
    r"|\breceiving\b|\btreated\s+with\b|\bon\s+(?:a\s+)?(?:stable|treatment)|\bstable\s+dose",
    re.I,
)
# "Prior treatment with first-line platinum ... and >= 28 days from ...", "Accepted chemotherapy ... for no less than three
# months", "Patients on octreotide LAR ...": the treatment is asked for first, the time comes after
_HAD_IT_FIRST = re.compile(
    r"^\W*(?:(?:patients?|subjects?|participants?)\s+(?:who\s+)?(?:on|receiving|treated\s+with|accepted|underwent|received|have\s+received)\b"
    r"|(?:prior|previous)\s+(?:treatment|therapy)\s+with\b|accepted\b|underwent\b|received\b|must\s+have\s+(?:received|had)\b)",
    re.I,
)
_ON_IT_NOW = re.compile(
    r"\bstable\s+dose|\bon\s+(?:a\s+)?(?:stable|steady|\w+\s+dose)|\b(?:must|should)\s+(?:be|have\s+been)\s+(?:on|receiv\w*|treated)|\bcontinu\w*\s+(?:on|to\s+receive)",
    re.I,
)
_WHEN_UNSAID = re.compile(r"\bpre-?operative|\bneo-?adjuvant|\badjuvant\b", re.I)
_NAIVE = re.compile(r"\bna[iï]ve\b|\buntreated\b|\bno\s+previous\s+treatment", re.I)
_SURGERY = re.compile(
    r"\bsurg(?:ery|ically)\b|\bsurgical\b(?!\s+(?:field|site|wound|incision|scar|clips?|margins?|sterili\w+|castration))|\bresect(?:ion|ed)\b|\boperation\b|\bwhipple\b|\bpancreatectomy\b",
    re.I,
)
_HISTORY = re.compile(
    r"\bprior\b|\bongoing\b|\bcurrent(?:ly)?\b|\bconcurrent\b|\bconcomitant\b|\bin\s+the\s+(?:past|last)\b|\bpre-?treat\w*|\baccepted\b|\bunderwent\b|\bcompleted\b|\bprevious(?:ly)?\b|\breceived\b|\breceiving\b|\btreated\s+with\b|\btreatment\s+with\b|\bhistory\s+of\b"
    r"|\bmust\s+(?:be|have\s+been)\s+on\b|\bon\s+(?:a\s+)?stable\s+dose"
    r"|\bhad\b|\bundergone\b|\bexposure\b|\bexposed\b|\bpre-?treated\b|\bnaive\b|\bfollowing\b|\bafter\b|\bline\b"
    r"|\bfailure\b|\bprogress\w*\s+(?:on|after|during|following|under)|\brefractory\b|\bresected\b|\bat\s+any\s+time\b|\bwithin\b|\bsince\b"
    r"|(?:[≤<]=?|\bless\s+than|\bat\s+most|\bno\s+more\s+than)\s*[0-9]+\s*(?:days?|weeks?|wks?|months?)\b",
    re.I,
)  # "surgery ≤ 28 days before"
_NOT_HISTORY = re.compile(
    r"imaging|\bscan\w*|scintigra\w*|\bPET\b|\buptake\b|\bavid\w*|\bcount\w*\s+(?:as|toward)|\bconsidered\b|steril|birth\s+control|contracept|toxicit|\btoxic\b|initiat\w*|\bto\s+start\b|\babout\s+to\b|incoming|\bwill\s+(?:start|begin|consist)|hypersensitiv|allerg|child-?\s?bearing|menopaus|^\W*(?:unresolved\s+|persistent\s+|ongoing\s+)?(?:adverse|side)[- ](?:effects?|events?|reactions?)\b|\b(?:that|which)\b[^.;]{0,80}\b(?:could|may|might|would)\s+(?:\w+\s+){0,2}(?:affect|interfere|compromise|jeopardi[sz]e|confound|aggravat\w*|worsen|exacerbat\w*)|\breactions?\s+to\b|\bsensitivity\s+to\b|CYP|cytochrome|inducers?\b|prohibited|pregnan|breast-?feed|inability|swallow|absorption|intoleran\w*\s+to|contraindicat|(?:planned|scheduled|candidates?|eligible|suitable|indicated)\s+(?:for|to)"
    r"|will\s+(?:receive|be\s+treated)|\bwilling\b|\bable\s+to\s+receive|\bcumulative\s+(?:\w+\s+)?dos\w*|\blifetime\s+(?:exposure|dose)",
    re.I,
)
_EXCEPTION = re.compile(r"\b(?:except|excluding|other\s+than|apart\s+from|with\s+the\s+exception\s+of|unless)\b", re.I)
_NET_DISEASE = r"(?:NETs?|NECs?|neuroendocrine|carcinoids?|tumou?rs?|cancers?|malignan\w*|p-?NETs?|pan-?NETs?|disease)"
_FOR_SOME_TUMOURS = re.compile(
    r"\b(?:in|for)\s+(?:[\w-]+\s+){0,3}(?:NETs?|NECs?|tumou?rs?|neuroendocrine|patients\s+with|N?SCLC)\b"
    r"|\b(?:in|for)\s+(?:[\w-]+\s+){1,3}(?:cancers?|carcinomas?)\b"  # "for small cell lung cancer": not any cancer
    rf"|\bfor\s+(?:the\s+)?(?:treatment|management|control)\s+of\s+(?!(?:[\w-]+\s+){{0,2}}{_NET_DISEASE})",
    re.I,
)
_FOR_NEC = re.compile(
    r"\b(?:in|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:NECs?|neuroendocrine\s+carcinomas?)\b(?!\s+(?:or|and|and/or)\b)",
    re.I,
)
# "gastric surgery", "surgery to the study knee joint", "surgical interventions for AF": an operation somewhere, or for
# something, that the person's own may or may not be
_SURGERY_SOMEWHERE = re.compile(
    r"\b(?:gastric|stomach|o?esophage\w*|bowel|colonic|colorectal|intestinal|pancreatic|hepatic|liver|biliary|cardiac|heart|brain|cranial|neuro\w*"
    r"|thoracic|lung|knee|hip|joint|spin\w*|eye|ocular|bariatric|bypass|lesional|cosmetic|dental|abdominal|pelvic|gyn\w*|orthop\w*|vascular|renal"
    r"|kidney|bladder|breast|oral)\s+(?:[\w-]+\s+)?(?:surg\w*|operations?|resections?|procedures?)"
    r"|\b(?:surg\w*|operations?|resections?)\s+(?:to|on)\s+(?:the\s+)?\w+"
    rf"|\b(?:surg\w*|operations?|procedures?|interventions?)\s+(?:[\w-]+\s+){{0,2}}(?:for|aiming|to\s+treat)\b(?!\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}{_NET_DISEASE})"
    r"|\bgastric\s+(?:bypass|stapling)|\bstapling\b",
    re.I,
)
_AS_A_CAUSE = re.compile(
    r"\b(?:(?:linked|due|related|secondary|attributed|attributable)\s+to|caused\s+by)\s+(?:[\w-]+\s+){0,3}$", re.I
)
_OTHER_KINDS = re.compile(
    r"\bor\s+(?:with\s+)?(?:any\s+)?other\s+(?:\w+\s+)?(?:treatments?|therap\w*|agents?|drugs?)", re.I
)
_SURGERY_NEEDED = re.compile(
    r"\bmust\b|\brequired\b|\bundergone\b|\b(?:completely|curatively|radically)\s+resected\b|\bR0\b"
    r"|\bafter\s+(?:complete|curative|radical)\s+(?:resection|surgery)",
    re.I,
)
_CHEMO_EMBOLI = re.compile(r"\(?\bchemo\)?-?\s?emboli[sz]ation", re.I)  # "(chemo) embolization" too
_PRIMARY_REMOVED = re.compile(
    r"\bprimary\s+(?:tumou?r|lesion|site)\s+(?:has\s+been\s+|was\s+|already\s+)?(?:removed|resected|operated)\b"
    r"|\b(?:prior|previous)\s+(?:surgical\s+)?(?:resection|removal)\s+of\s+(?:the\s+)?primary\b",
    re.I,
)
_NOT_CHEMOTHERAPY = re.compile(r"cytotoxic\s+T[- ]?(?:lymphocyte|cell)s?", re.I)
_RESPONSE_AFTER = re.compile(
    r"\b(?:stable\s+disease|responding|respon\w+|remission|controlled)\s+(?:after|following|to|with|under|on)\b", re.I
)
_NEGATION_WORDS = re.compile(r"\bno\b|\bnot\b|\bwithout\b|\bnever\b|\bnaive\b", re.I)
_SYSTEMIC_NAMES = (
    "PRRT",
    "everolimus",
    "sunitinib",
    "somatostatin analogue",
    "chemotherapy",
    "targeted therapy",
    "immunotherapy",
    "interferon",
)


_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "single": 1}
_COUNT = re.compile(
    r"\b(?P<cmp>no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to|maximum\s+of|more\s+than|greater\s+than|over|at\s+least|minimum\s+of)\s+"
    r"(?P<n>[0-9]|one|two|three|four|five)\s+(?P<what>(?:[\w-]+\s+){0,4}?(?:lines?|regimens?|types?|therap\w*|treatments?|chemotherap\w*))\b",
    re.I,
)
_SYSTEMIC_COUNT = re.compile(
    r"\bsystemic|\banti-?\s?(?:tumou?r|cancer|neoplastic)|\blines?\b|\bregimens?\b|\bprior\b|\bprevious", re.I
)
_CHEMO_ONLY = re.compile(r"chemotherap|cytotoxic", re.I)


# "a fifth line or subsequent line of systemic treatment", "third-line or later": at least one fewer had before
_ORDINAL_LINE = re.compile(
    r"\b(?P<n>second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)[- ]line\s+(?:(?:of\s+)?(?:systemic\s+)?(?:treatments?|therap(?:y|ies))\s+)?"
    r"(?:or|and)\s+(?:subsequent|later|higher|beyond|greater|further|more)\b",
    re.I,
)
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


def _ordinal_line(sentence: str, section: str, text: str) -> list[Fact]:
    """ "Patients receiving a fifth line or subsequent line": four or more lines had before (asked of the team
    among the exclusions: whether an SSA or PRRT was a line, and whether they are starting one, it must say)."""
    found = _ORDINAL_LINE.search(sentence)
    if not found or re.search(r"\b(?:first|1st|front)[- ]line\b", sentence, re.I):
        return []  # "first-line ... or second-line or subsequent": any line will do
    said = found.group("n").lower()
    n = float(_ORDINALS.get(said, said[:1]) if said[:1].isalpha() else said[:1]) - 1
    kind = "lines of chemotherapy" if _CHEMO_ONLY.search(found.group()) else "lines"
    mode = mode_of(sentence, section, found.start())
    if mode == ALLOWS:
        return []
    weighed = bool(re.search(r"progress\w*|fail\w*|refractory|relaps\w*|intoleran\w*", sentence, re.I))
    return [
        Fact("treatments", text, treatments=frozenset({kind}), low=n, mode=mode, needs_more=mode == EXCLUDES or weighed)
    ]


def line_count(sentence: str, section: str, text: str) -> list[Fact]:
    """ "no more than two prior systemic therapies", "more than 2 prior systemic treatment regimens": how
    many the person has had, counted from their own list (`Person.lines`)."""
    ordinal = _ordinal_line(sentence, section, text)
    if ordinal:
        return ordinal
    found = _COUNT.search(sentence)
    if found and families_named(found.group("what")):
        return []  # "at least 1 platinum-containing regimen": a family asked for, not a count
    if (
        not found
        or not _SYSTEMIC_COUNT.search(sentence)
        or re.search(r"\b(?:weeks?|months?|days?|years?|cycles?|doses?)\b", found.group("what"), re.I)
    ):
        return []
    n = float(_NUMBERS.get(found.group("n").lower(), found.group("n")))
    cmp = found.group("cmp").lower()
    most = cmp.startswith(("no", "not", "at most", "up", "maximum"))
    least = cmp.startswith(("at least", "minimum"))
    said = sentence[found.start("what") : found.end() + 30]
    kind = (
        "lines of chemotherapy"
        if _CHEMO_ONLY.search(said) and not re.search(r"\b(?:systemic|anti-?\s?(?:tumou?r|cancer))", said, re.I)
        else "lines"
    )
    if re.search(
        r"\bor\s+(?:\w+\s+){0,3}(?:therapy|interferon|agents?)", sentence[found.end() : found.end() + 60], re.I
    ):
        kind = "lines"  # "chemotherapy or molecular targeted therapy or interferon": every kind counts
    lived = section == "inclusion"  # an inclusion says what is allowed; an exclusion what rules out
    # "progressed on no more than two": a treatment stopped for another reason may not count, so more is not a clear no;
    # "refractory to at least two": fewer had is a clear no, enough had still needs the progression the team knows
    weighed = bool(re.search(r"progress\w*|fail\w*|refractory|relaps\w*|intoleran\w*", sentence, re.I))
    firm = not weighed or (lived and not most)
    if most and not lived:
        return []  # "No more than two prior regimens" among the exclusions: two or fewer rule out, or more than two? the team must say
    if most:  # at most n: fine up to n
        return [Fact("treatments", text, treatments=frozenset({kind}), high=n, mode=REQUIRES, firm=firm)]
    needs_more = weighed and lived
    if least:
        return [
            Fact(
                "treatments",
                text,
                treatments=frozenset({kind}),
                low=n,
                mode=REQUIRES if lived else EXCLUDES,
                firm=firm,
                needs_more=needs_more,
            )
        ]
    # more than n
    return [
        Fact(
            "treatments",
            text,
            treatments=frozenset({kind}),
            low=n,
            low_strict=True,
            mode=EXCLUDES if not lived else REQUIRES,
            firm=firm,
            needs_more=needs_more,
        )
    ]


# "(not counted toward prior cytotoxic chemotherapy)", "and is not considered as a previous targeted agent therapy":
# how a treatment is counted, said beside what the sentence allows or rules out
_COUNTING_NOTE = re.compile(
    r"\(\s*(?:(?:is|are)\s+)?not\s+(?:be\s+)?(?:counted|considered)\b[^()]*\)"
    r"|,?\s*\band\s+(?:is|are)\s+not\s+(?:counted|considered)\b[^;.]*",
    re.I,
)


def treatments(sentence: str, section: str, text: str) -> list[Fact]:
    sentence = _COUNTING_NOTE.sub(" ", sentence)
    as_written = sentence
    counted = line_count(sentence, section, text)
    if counted:
        return counted
    removed = _PRIMARY_REMOVED.search(sentence)
    if (
        removed
        and section == "inclusion"
        and not re.search(r"\b(?:no|not|without|un)\W*(?:\w+\W+){0,2}$", sentence[: removed.start()], re.I)
    ):
        return [Fact("treatments", text, treatments=frozenset({"surgery"}), mode=REQUIRES)]  # "primary tumor removed"
    if _NOT_HISTORY.search(
        _START_OF_STUDY.sub(" before study start ", _timed_history(sentence))
    ) or not _HISTORY.search(sentence):
        return []
    sentence = re.sub(r"\bwithin(?=[0-9])", "within ", sentence)  # "within14 days"
    sentence = _NOT_CHEMOTHERAPY.sub(
        lambda m: "X" * len(m.group()), sentence
    )  # "anti-Cytotoxic T-lymphocyte antigen-4" is no chemotherapy
    sentence = _RADIOLABELLED.sub(
        lambda m: "PRRT".ljust(len(m.group())), sentence
    )  # "radiolabelled somatostatin analogues": PRRT, not lanreotide
    sentence = _CHEMO_EMBOLI.sub(
        lambda m: " " * (len(m.group()) - 12) + "embolis" + m.group()[-5:], sentence
    )  # a liver-directed therapy (as long as the words it stands for)
    head, _, tail = _split_exception(sentence)
    named = [(name, at) for name, at in _spans(head) if not _EFFECTS_OF.search(head[:at])]
    surgery = _SURGERY.search(head)
    if surgery and _AS_A_CAUSE.search(head[: surgery.start()]):
        surgery = None  # "bleeding that cannot be linked to trauma or surgery": a cause, not a treatment had
    if surgery and (section == "exclusion" or _NEGATION_WORDS.search(head) or _SURGERY_NEEDED.search(head)):
        named.append(("surgery", surgery.start()))
    surgery_somewhere = bool(_SURGERY_SOMEWHERE.search(head))
    if not named:
        return []
    spared = {name for name, _ in _spans(tail) if name != BIOTHERAPY}  # too vague a kind to spare any other
    washout = (
        section == "inclusion"
        and not _ON_IT_NOW.search(head)
        and not _HAD_IT_FIRST.search(head)
        and (bool(_WASHOUT.search(head)) or (bool(WINDOW.search(head)) and not _NEEDED_BEFORE.search(head)))
    )
    groups: dict[tuple[str, bool, bool], tuple[set[str], int]] = {}  # (mode, recent, of one place only) -> kinds, first
    ever = _AT_ANY_TIME.search(head)
    for name, start in named:
        mode = mode_of(head, section, start)
        if mode == REQUIRES and (
            washout or (section == "inclusion" and (_NAIVE.search(head) or _LEADING_NO_REACHES.match(head[:start])))
        ):
            mode = EXCLUDES
        windowed = WINDOW.search(
            sentence[ever.end() :] if ever and start > ever.start() else sentence
        )  # "... or at any time with a radionuclide"
        recent = (
            washout
            or bool(windowed)
            or bool(_WHEN_UNSAID.search(head))
            or (name == "surgery" and bool(re.search(r"\bmajor\b|\bminor\b", head, re.I)))
        )
        kinds = {name} | _also_within(head, mode, recent, spared)
        if name == "any cancer treatment":
            kinds = set(_SYSTEMIC_NAMES) - spared
            if _NAIVE.search(head):
                kinds -= {"somatostatin analogue"}  # "therapy-naive": often still on one for symptoms
            if _DIRECTED.match(head, start) or (_TIMED.search(sentence) and _any_at_all(head, start, named, mode)):
                # "PanNET-directed treatment", "anticancer therapy within 3 weeks": an operation or a liver treatment too
                kinds |= _AT_THE_TUMOUR - spared
        key = (mode, recent, name == "surgery" and surgery_somewhere)
        names, first = groups.get(key, (set(), start))
        groups[key] = (names | kinds, first)
    open_list = _open_list(head, {name for name, _ in named})
    # "stable disease after PRRT for 6 months": often the study's own first step; "not amenable to or progressed on
    # TACE": never treated may do too
    run_in = bool(_RESPONSE_AFTER.search(head)) or bool(_NOT_SUITED_OR_HAD.search(head))
    # "embolisation": bland or chemo? Unless the criterion names which (radioembolisation, TACE): then by name
    liver_named = any(name == "liver-directed therapy" for name, _ in named) and not named_in_criterion(
        LIVER, as_written
    )
    only_some = bool(_FOR_SOME_TUMOURS.search(head))  # "previous chemotherapy in gastrointestinal NETs": for them only
    # "... for NEC": for a carcinoma only, which the judge can tell when the person said theirs is one
    for_kind = frozenset({"NEC"}) if only_some and _FOR_NEC.search(head) else frozenset()
    only_some = only_some and not for_kind
    facts = [
        replace(
            new_fact(
                "treatments",
                head,
                section,
                text,
                first,
                treatments=frozenset(kinds),
                values=for_kind,
                needs_more=recent,
                firm=not (mode == EXCLUDES and tail.strip() and not _whole_kinds_spared(spared, kinds))
                and not ((open_list or run_in) and mode == REQUIRES)
                and not (mode == EXCLUDES and (("liver-directed therapy" in kinds and liver_named) or only_some))
                and not somewhere
                # "In addition, no kinase inhibitor may have been given within 4 weeks", among the exclusions: a
                # rule-out said twice, not a need to have had one lately
                and not (mode == REQUIRES and recent and section == "exclusion"),
            ),
            mode=mode,
        )
        for (mode, recent, somewhere), (kinds, first) in groups.items()
    ]
    if spared:
        facts.append(Fact("treatments", text, treatments=frozenset(spared), mode=ALLOWS))
    if _ALLOWED_IF.search(sentence):
        facts = [replace(f, provided=True) if f.mode == ALLOWS else f for f in facts]
    return facts


# "... is allowed provided patient has been on stable dose", "... are allowed if the procedure was performed at least
# 6 months before": allowed on a condition the person has not said
_ALLOWED_IF = re.compile(
    r"\b(?:allowed|permitted|acceptable)\b[^;.]{0,80}?\b(?:provided|if|as\s+long\s+as|only\s+when|on\s+condition)\b",
    re.I,
)


# "... 4 weeks before inclusion, or planned to receive these during the study", "... less than 6 weeks before
# randomisation or with toxicity not resolved": a second rule-out about plans or side effects, after the history
_OTHER_ALTERNATIVE = re.compile(
    r"(?:,\s*|\s+)(?:or|and/or)\s+(?:with\s+|have\s+|has\s+|are\s+|is\s+|be\s+)?(?:any\s+)?(?:unresolved\s+|persistent\s+)?"
    r"(?:toxicit\w*|planned|scheduled|expected|intend\w*)\b[^;]*$",
    re.I,
)


def _timed_history(sentence: str) -> str:
    """The sentence without a closing rule-out about plans or side effects, when what comes before it names
    treatments within a time window (so whatever is read from it stays a question for the team)."""
    kept = _OTHER_ALTERNATIVE.sub("", sentence)
    return kept if kept != sentence and WINDOW.search(kept) and _spans(kept) else sentence


_RADIOLABELLED = re.compile(
    r"\bradio-?\s?label(?:l)?ed\s+(?:somatostatin(?:\s+receptor)?\s+(?:analog(?:ue)?s?|agonists?|ligands?)|SSAs?|octreotide|lanreotide|peptides?)",
    re.I,
)
# "Resolved acute effects of any prior therapy", "adverse events from prior treatment": recovering from a treatment,
# asked of those who had one, never a need to have had one
_EFFECTS_OF = re.compile(
    r"\b(?:effects?|events?|toxicit(?:y|ies)|reactions?|complications?)\s+(?:\w+\s+){0,2}?(?:of|from|related\s+to|due\s+to)\s+(?:any\s+|all\s+|the\s+)?$",
    re.I,
)


_OTHER_SYSTEMIC = re.compile(
    r"\bor\s+(?:any\s+)?other\s+(?:systemic|anti-?\s?(?:cancer|tumou?r|neoplastic))\s+(?:\w+\s+)?(?:treatments?|therap\w*|agents?|drugs?)",
    re.I,
)


def _also_within(head: str, mode: str, recent: bool, spared: set[str]) -> set[str]:
    """What a rule-out within a time window also takes, as a question for the team: "everolimus or other systemic
    therapies", every other anticancer drug (not an SSA, often given for symptoms, nor PRRT, a radiation treatment)."""
    if mode != EXCLUDES or not recent or not _OTHER_SYSTEMIC.search(head):
        return set()
    return set(_SYSTEMIC_NAMES) - {"somatostatin analogue", "PRRT"} - spared


def _any_at_all(head: str, start: int, named: list[tuple[str, int]], mode: str) -> bool:
    """ "Anticancer therapy" (within 3 weeks), with no kind named beside it and no "systemic" or examples: any treatment
    of the tumour, an operation or a liver treatment too (a question for the team, as every time window is)."""
    return (
        mode == EXCLUDES
        and len(named) == 1
        and not _EXAMPLE_OF.search(head)
        and "(" not in head[start:]
        and not _DRUGS_ONLY.search(head)
    )


# "systemic anticancer therapy", "any anticancer drug", "hormonal anti-cancer therapy": drugs, not an operation
_DRUGS_ONLY = re.compile(r"\bsystemic\b|\b(?:drugs?|agents?|medications?)\b|\bhormon\w*|\bcorticosteroids?\b", re.I)


_TIMED = re.compile(r"\b(?:[0-9]+|one|two|three|four|six|eight|twelve)\s*(?:days?|weeks?|wks?|months?)\b", re.I)
_AT_ANY_TIME = re.compile(r"\bat\s+any\s+time\b", re.I)
_NOT_SUITED_OR_HAD = re.compile(
    r"\bnot\s+(?:be\s+)?(?:amenable|suitable|eligible|(?:a\s+)?candidates?)\s+(?:to|for)\s+(?:[\w-]+\s+){0,3}?(?:or|and/or)\s+"
    r"(?:have\s+|has\s+)?(?:progress\w*|fail\w*|relaps\w*|refractory|been\s+treated|received|had)\b",
    re.I,
)
# "Previous PanNET-directed treatment", "NET-directed therapy": whatever was done to the tumour, not only drugs
_DIRECTED = re.compile(r"(?:Pan)?NETs?-directed|tumou?r-directed", re.I)
_AT_THE_TUMOUR = frozenset({"surgery", "liver-directed therapy", "radiotherapy"})
# "No chemotherapy, immunotherapy, hormonal therapy, or biological therapy for cancer ...": the "no" opens the whole list,
# however long, up to a break
_LEADING_NO_REACHES = re.compile(
    r"^\W*(?:[0-9]{1,2}[.)]\s*)?no\s+(?!(?:more|less|fewer|greater|longer)\s+than\b)(?:(?![;:]|\b(?:but|must|except|unless|other\s+than|however)\b).)*$",
    re.I | re.S,
)
_START_OF_STUDY = re.compile(
    r"\b(?:prior\s+to|before|of)\s+(?:the\s+)?(?:initiation|start|beginning|first\s+dose)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:treatment|therapy|drug|medication)"
    r"|\b(?:prior\s+to|before)\s+(?:the\s+)?start\s+of\s+(?:the\s+)?(?:protocol|study|trial)\b"
    r"|\b(?:prior\s+to|before|of)\s+(?:beginning|starting|initiating)\s+(?:the\s+)?(?:study|investigational|trial)\s+(?:treatment|drug|therapy)",
    re.I,
)
_LIVER_DIRECTED = re.compile(
    r"\bloco-?regional|\bintra-?hepatic\s+(?:[\w-]+\s+)?(?:therap\w*|microspheres?|treatments?)|\b(?:90Y|Y-?90|yttrium(?:-?\s?90)?)\b(?![-\s]?(?:90\b|DOTA|edotreotide|octreot|lanreot|TOC\b|TATE\b|labell?ed|peptides?))|SIR-?Spheres"
    r"|TheraSphere|\bmicrospheres?\b|radio-?emboli\w*|chemo-?emboli\w*|\bablation\b|liver[- ]directed",
    re.I,
)


_RADIONUCLIDE = re.compile(
    r"\bradio-?nuclides?\b(?!\s+(?:imaging|scan\w*|uptake))|\bradio-?metabolic\s+therap\w*|\bradio-?ligand\s+therap\w*|\bendo-?radiotherap\w*"
    r"|\btherapeutic\s+radio-?isotopes?\b|\bradio-?pharmaceutical\s+therap\w*|\b(?:therap\w*|treat\w*)\s+with\s+(?:any\s+|a\s+|an?\s+)?(?:\w+\s+)?radio-?pharmaceuticals?\b"
    r"|\b(?:177\s?-?\s?Lu|Lu[-\s]?177|lutetium|Lu-?DOTA-?(?:TATE|TOC|NOC)|LuTate)\b"
    # "90Y-DOTATOC", "yttrium-90 labelled peptides": PRRT with another isotope, not radioembolisation
    r"|\b(?:90Y|Y-?90|yttrium(?:-?\s?90)?)[-\s]?(?:DOTA\w*|edotreotide|octreot\w*|TOC\b|TATE\b|labell?ed|peptides?)",
    re.I,
)
# "biotherapy", "biological therapy": in NET trials somatostatin analogues and interferon, sometimes everolimus or
# sunitinib too, elsewhere antibodies: which of a person's treatments it takes, the team must say (judge.py)
BIOTHERAPY = "biotherapy"
_BIOTHERAPY = re.compile(r"\bbio-?therap\w*|\bbiologic(?:al)?\s+(?:therap\w*|agents?|treatments?)", re.I)
# "failed or are refractory to available therapies", "relapsed after standard treatment": some treatment had before
_AFTER_STANDARD_CARE = re.compile(
    r"\b(?:fail\w*|refractory|relaps\w*|progress\w*)\s+(?:\w+\s+){0,4}?(?:to|on|after|following|with)\s+(?:all\s+|the\s+|any\s+)?"
    r"(?:available|standard|existing|approved|established|conventional)\s+(?:systemic\s+|anti-?\s?cancer\s+)?(?:therap\w*|treatments?|care)",
    re.I,
)
_NO_STANDARD_CARE = re.compile(
    r"\brefus\w*|\bdeclin\w*|\bineligib\w*|\bintoleran\w*|\bunsuitable|\bnot\s+(?:a\s+)?candidates?|\bno\s+(?:\w+\s+)?(?:available|standard|effective)"
    r"|\bnot\s+(?:exist|available)|\bunwilling|\bnot\s+(?:be\s+)?(?:eligible|appropriate)|\bcontraindicat",
    re.I,
)
_OR_ANOTHER = re.compile(r"\bor\s+(?:an?\s+)?(?:alternative|other|another|any|equivalent)\b", re.I)
_EXAMPLE_OF = re.compile(r"\bsuch\s+as\b|\be\.\s?g\.?|\bfor\s+example\b|\bincluding\b|\blike\b", re.I)


def _open_list(words: str, kinds: set[str]) -> bool:
    """ "everolimus or any other treatment": other kinds may do too; "Lu-DOTA-TATE or other
    radionuclide therapy" stays within the kind named."""
    other = _OTHER_KINDS.search(words)
    if other is None:
        return False
    return not {name for name, _ in _spans(other.group())} & kinds


def _spans(words: str) -> list[tuple[str, int]]:
    """The kinds of treatment named, as `facts.treatment_spans`, and liver-directed ones, radionuclides
    and chemotherapy families said other ways."""
    found = whole.treatment_spans(words)
    for name, pattern in (
        ("liver-directed therapy", _LIVER_DIRECTED),
        ("PRRT", _RADIONUCLIDE),
        ("any cancer treatment", _AFTER_STANDARD_CARE),
        (BIOTHERAPY, _BIOTHERAPY),
    ):
        said = pattern.search(words)
        if said and name == "any cancer treatment" and _NO_STANDARD_CARE.search(words):
            continue  # "... or have refused standard therapy": never treated may do too
        if said and not any(kind == name for kind, _ in found):
            found = [*found, (name, said.start())]
    return sorted(_by_family(words, found), key=lambda item: item[1])


def _by_family(words: str, found: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """ "platinum-based chemotherapy", "at least 1 platinum-containing regimen": the family named is
    what counts, not any chemotherapy; a family given only as an example narrows nothing."""
    example = _EXAMPLE_OF.search(words)
    families = [(name, at) for name, at in families_named(words) if example is None or at < example.start()]
    if not families or _OR_ANOTHER.search(words):
        return found  # "cisplatin plus etoposide or alternative first line chemotherapy": any will do
    first = families[0][1]  # "... and 28 days from the previous treatment cycle": that same treatment again
    return [
        *(
            item
            for item in found
            if item[0] != "chemotherapy" and not (item[0] == "any cancer treatment" and item[1] > first)
        ),
        *families,
    ]


# kinds an exception can spare whole, none of them part of another kind ("other than somatostatin analogues", "other
# than surgery"); "other than sunitinib" after "no prior TKI" spares part of a kind, so it is for the team
_SPARED_WHOLE = frozenset({"somatostatin analogue", "surgery"})


def _whole_kinds_spared(spared: set[str], ruled_out: set[str]) -> bool:
    """ "No prior systemic therapy other than somatostatin analogues": the kinds left are ruled out as clearly as
    without the exception; one that spares nothing we can name ("other than for symptom control"), or part of a
    kind ruled out ("no chemotherapy other than adjuvant chemotherapy"), leaves it to the team."""
    return bool(spared) and spared <= _SPARED_WHOLE and not spared & ruled_out


def _split_exception(sentence: str) -> tuple[str, str, str]:
    found = _EXCEPTION.search(sentence)
    return (sentence[: found.start()], found.group(), sentence[found.end() :]) if found else (sentence, "", "")
