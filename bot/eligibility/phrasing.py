"""Phrasing rules: registry symbols and grammar into plain sentences.

They work on a block of criteria, one criterion per line ("^" is the start of a criterion),
in this order: fixed strings ("and/or" -> "or"), symbols ("≥ 18" -> "at least 18"), who the
criterion is about ("Patients must have" -> "You have"), then word rules that run in the same
pass as the glossary (`WORD_RULES`), and a tidy-up. No rule touches a digit or a line break.
"""

from __future__ import annotations

import re
from typing import Callable, Union

from bot.eligibility.replacer import Entry, one_line

Replacement = Union[str, Callable[[re.Match], str]]
_ = r"[^\S\n]"  # a space that is not a line break


class _Pass:
    """Several rules as one regex pass: the first rule matching at a place wins."""

    def __init__(self, rules: list[tuple[str, Replacement]], flags: int) -> None:
        self.rules = [(re.compile(one_line(p), flags), r) for p, r in rules]
        self.pattern = re.compile("|".join(f"(?:{p.pattern})" for p, _r in self.rules), flags)

    def __call__(self, block: str) -> str:
        return self.pattern.sub(self._replace, block)

    def _replace(self, found: re.Match) -> str:
        for rule, repl in self.rules:
            match = rule.match(found.string, found.start())
            if match and match.end() == found.end():
                return repl(match) if callable(repl) else match.expand(repl)
        return found.group()  # not reached: some rule made the match


class _LineStartPass(_Pass):
    """Rules for the start of a criterion, tried only on lines starting with one of `words`."""

    def __init__(self, rules: list[tuple[str, Replacement]], flags: int, words: set[str]) -> None:
        super().__init__(rules, flags)
        self.words = words

    def __call__(self, block: str) -> str:
        return "\n".join(self.line(line) for line in block.split("\n"))

    def line(self, line: str) -> str:
        first = _FIRST_WORD.match(line)
        if first and first.group().lower() in self.words:
            found = self.pattern.match(line)
            if found:
                return self._replace(found) + line[found.end() :]
        return line


_FIRST_WORD = re.compile(r"\w+")


# -- who the criterion is about, at its start ------------------------------------------------
_WHO = (
    r"(?:(?:the|all|any|each|study)\s+)?(?:study\s+)?(?:patients?|subjects?|participants?|individuals?"
    r"|persons?|volunteers?|candidates?)"
)
_MUST = r"(?:must|should|shall|will|need\s+to|needs\s+to|has\s+to|have\s+to|are\s+required\s+to|is\s+required\s+to)"
_PAST = r"(?:known\s+|prior\s+|previous\s+|past\s+|documented\s+)?"
_PAST_WORDS = ("known", "prior", "previous", "past", "documented", "history", "hx")
_THEN_PAST = r"(?:\s+(?:prior|previous|past)\b)?"  # "history of prior X": "prior" says it twice
_PARTICIPLE = r"(?=(?:received|had|been|undergone|taken|used|participated|started|completed|shown|experienced)\b)"
# In the inclusion list "Patients must have X" becomes a condition: "You have X".
_MUST_AS_CONDITION: list[tuple[str, Replacement]] = [
    (rf"^{_WHO}\s+{_MUST}\s+not\s+have\s+{_PARTICIPLE}", "You have not "),
    (rf"^{_WHO}\s+{_MUST}\s+not\s+(?:have|has)\b", "You do not have"),
    (rf"^{_WHO}\s+{_MUST}\s+not\s+be\b", "You are not"),
    (rf"^{_WHO}\s+{_MUST}\s+not\s+(?=\w)", "You do not "),
    (rf"^{_WHO}\s+{_MUST}\s+(?:have|has)\b", "You have"),
    (rf"^{_WHO}\s+{_MUST}\s+be\b", "You are"),
    (rf"^{_WHO}\s+{_MUST}\s+(?=\w)", "You "),
    (r"^(?:must|should)\s+not\s+have\s+" + _PARTICIPLE, "You have not "),
    (r"^(?:must|should)\s+not\s+(?:have|has)\b", "You do not have"),
    (r"^(?:must|should)\s+not\s+be\b", "You are not"),
    (r"^(?:must|should)\s+(?:have|has)\b", "You have"),
    (r"^(?:must|should)\s+be\b", "You are"),
    (r"^(?:must|should)\s+(?=\w)", "You "),
]
# Under "You usually cannot join if:" a registry rule such as "Patients must not have received
# X" must stay a rule: turned into a condition it would say the opposite.
_MUST_KEPT: list[tuple[str, Replacement]] = [
    (rf"^{_WHO}\s+(?:must|should|shall|need\s+to|needs\s+to|has\s+to|have\s+to)\s+not\b", "You must not"),
    (rf"^{_WHO}\s+(?:must|should|shall|need\s+to|needs\s+to|has\s+to|have\s+to)\b", "You must"),
    (r"^(?:must|should)\s+not\b", "You must not"),
    (r"^(?:must|should)\b", "You must"),
]
_OTHER_SUBJECT_RULES: list[tuple[str, Replacement]] = [
    (rf"^{_WHO}\s+(?:who|that)\s+(?:has|have)\b", "You have"),
    (rf"^{_WHO}\s+(?:who|that)\s+(?:is|are)\b", "You are"),
    (rf"^{_WHO}\s+(?:who|that)\s+(?:was|were)\b", "You were"),
    (rf"^{_WHO}\s+(?:has|have)\b", "You have"),
    (rf"^{_WHO}\s+(?:is|are)\b", "You are"),
    (rf"^{_WHO}\s+(?:was|were)\b", "You were"),
    (rf"^{_WHO}\s+(?:aged|age)\b", "You are aged"),
    (rf"^{_WHO}\s+(?=(?:not|unable|able|willing|unwilling|fit|unfit)\b)", "You are "),
    (r"^has\s+not\b", "You have not"),
    (r"^(?:has|have)(?:\s+(?:has|have)(?=\s+(?!to\b)\w))?\b(?!\s+to\b)", "You have"),  # "Has has": a registry slip
    (r"^(?:is|are)\b", "You are"),
    (r"^(?:able|unable|willing|unwilling|capable|incapable|fit|unfit)\b", lambda m: "You are " + m.group().lower()),
    (
        r"^aged?\s*[:=]?\s*(?=(?:at\s+least|at\s+most|more\s+than|less\s+than|greater\s+than|equal|no\s+(?:less|more)|between|from|over|under|above|below|[0-9]))",
        "You are aged ",
    ),
    (r"^(?:the\s+)?ability\s+to\b", "You are able to"),
    (r"^inability\s+to\b", "You are not able to"),
    (rf"^no\s+{_PAST}(?:history|hx)\s+of\b{_THEN_PAST}", "You have not had"),
    (rf"^(?:a\s+)?{_PAST}(?:history|hx)\s+of\b{_THEN_PAST}", "You have had"),
]
_SUBJECT_WORDS = {
    "the",
    "all",
    "any",
    "each",
    "study",
    "patient",
    "patients",
    "subject",
    "subjects",
    "participant",
    "participants",
    "individual",
    "individuals",
    "person",
    "persons",
    "volunteer",
    "volunteers",
    "candidate",
    "candidates",
    "must",
    "should",
    "has",
    "have",
    "is",
    "are",
    "able",
    "unable",
    "willing",
    "unwilling",
    "capable",
    "incapable",
    "fit",
    "unfit",
    "age",
    "aged",
    "no",
    "a",
    "known",
    "prior",
    "previous",
    "past",
    "documented",
    "history",
    "hx",
    "ability",
    "inability",
}
SUBJECTS = _LineStartPass(_MUST_AS_CONDITION + _OTHER_SUBJECT_RULES, re.I, _SUBJECT_WORDS)
SUBJECTS_IN_EXCLUSIONS = _LineStartPass(_MUST_KEPT + _OTHER_SUBJECT_RULES, re.I, _SUBJECT_WORDS)


def subjects(block: str, exclusion_lines: frozenset[int] = frozenset()) -> str:
    """Who each criterion is about, at its start; `exclusion_lines` are criteria from the
    exclusion list (numbered from 0), where a "must" rule stays a rule. "Patients who have had X
    are allowed if ..." keeps its subject: "You have had X are allowed" would lose it."""
    lines = block.split("\n")
    for i, line in enumerate(lines):
        if _WHO_THEN_VERB.match(line):
            continue
        written = (SUBJECTS_IN_EXCLUSIONS if i in exclusion_lines else SUBJECTS).line(line)
        if written.startswith("You ") and not line.startswith("You "):
            written = _THEIR.sub("your", written)
            written = _THOSE_WHO.sub(lambda m: m.group(1) + " you", written)  # "X, or those who have" -> "or you have"
            if written.startswith("You are able"):
                written = _AND_WILLINGNESS.sub("and willing to", written)  # "able to understand and willing to"
            if _MUST_LEAD.match(line) and not written.startswith("You must"):
                written = _AND_BE.sub(
                    r"\1 are", written
                )  # "must have X and be willing" -> "You have X and are willing"
            written = _HAVE_HISTORY.sub(r"You \1have had", written)
            written = _AGREES_WITH_YOU.sub(
                lambda m: f"{m.group(1)} {'are' if m.group(2) == 'is' else 'have'} ", written
            )
            written = _OR_ONE_WITH.sub(r"\1 you have", written)
        lines[i] = written
    return "\n".join(lines)


# "Patients who have received X are eligible if ...": a relative clause, then the sentence's own verb
_WHO_THEN_VERB = re.compile(
    rf"^{_WHO}\s+(?:who|that)\s+.*?\b(?:(?:must|should|shall|will|may|can|cannot|would)\b"
    r"|(?:are|is)\s+(?:(?:not|also|only|still)\s+)*(?:eligible|ineligible|allowed|permitted|excluded|included"
    r"|enrolled|acceptable|accepted|considered)\b)",
    re.I,
)
_THOSE_WHO = re.compile(r"\b(or|and)\s+those\s+who\b")
_AND_WILLINGNESS = re.compile(r"\band\s+(?:the\s+)?willingness\s+to\b")
_MUST_LEAD = re.compile(rf"^(?:{_WHO}\s+)?{_MUST}\s", re.I)
_AND_BE = re.compile(r"\b(and|or)\s+be\b")
# "Participant is able to swallow and has no condition": once the subject is "You", a second verb agrees
_AGREES_WITH_YOU = re.compile(r"\b(or|and)\s+(is|has)\s+(?=(?:likely|able|unable|willing|unwilling|no)\b)")
# "You have abnormal X or participant with Y": the registry's second subject is you too
_OR_ONE_WITH = re.compile(r"\b(or|and)\s+(?:the\s+)?(?:patient|subject|participant)\s+with\b")
# "Subjects have a history of X" -> "You have had X", as "History of X" is
_HAVE_HISTORY = re.compile(rf"^You\s+((?:must\s+(?:not\s+)?)?)have\s+(?:a\s+)?{_PAST}(?:history|hx)\s+of\b{_THEN_PAST}")


# once a criterion is about "you", the registry's "their" ("for their myeloma") is yours
_THEIR = re.compile(r"\b(?:their|his\s+or\s+her|his/her|her/his|her\s+or\s+his)\b")

# -- symbols, units ----------------------------------------------------------------------------
_NORMAL_LIMIT = r"(?:the\s+)?(?:institutional\s+)?(?:ULN|IULN|UNL|LLN|(?i:upper\s+limit|lower\s+limit|upper\s+normal|normal\s+upper)|N\b)"


def _spaced(words: str) -> Callable[[re.Match], str]:
    """A symbol's words, with a space before them when the symbol touched a word ("CRP>5")."""
    return lambda m: (" " if m.start() and m.string[m.start() - 1].isalnum() else "") + words + " "


class _Guarded:
    """Rules run one by one, each only when one of its telltales is in the text."""

    def __init__(self, rules: list[tuple[tuple[str, ...], str, Replacement]]) -> None:
        self.rules = [(tells, re.compile(one_line(p)), r) for tells, p, r in rules]

    def __call__(self, block: str) -> str:
        low = block.lower()
        for tells, pattern, repl in self.rules:
            if any(t in low for t in tells):
                block = pattern.sub(repl, block)
                low = block.lower()
        return block


SYMBOLS = _Guarded(
    [
        (
            ("≥", "≧", "⩾", "=>", ">=", "> or", ">or", ">/"),
            r"(?:≥|≧|⩾|=>|>=|>\s?/\s?=|>\s?or\s?=(?:\s?to)?)\s*",
            _spaced("at least"),
        ),
        (
            ("≤", "≦", "⩽", "=<", "<=", "< or", "<or", "</"),
            r"(?:≤|≦|⩽|=<|<=|<\s?/\s?=|<\s?or\s?=(?:\s?to)?)\s*",
            _spaced("at most"),
        ),
        (("->",), r"-+>", "to"),
        ((">",), r">+\s*", _spaced("more than")),
        (("<",), r"<+\s*", _spaced("less than")),
        (("±",), r"±\s*", "plus or minus "),
        (("≠",), r"≠\s*", "not "),
        (("~",), r"~\s*(?=[0-9])", "about "),
        (
            ("uln", "unl", "lln", "upper", "lower", "normal"),
            rf"([0-9])\s*[x×X\*]\s*(?={_NORMAL_LIMIT})",
            lambda m: m.group(1) + " times ",
        ),
        (("yr",), r"([0-9])\s?(?:yrs|yr)\b\.?", lambda m: m.group(1) + " years"),
        (("wk",), r"([0-9])\s?wks?\b\.?", lambda m: m.group(1) + " weeks"),
        (("hr",), r"([0-9])\s?(?:hrs|hr)\b\.?", lambda m: m.group(1) + " hours"),
        (("mo",), r"([0-9])\s?mos?\b\.?", lambda m: m.group(1) + " months"),
        ((" & ",), r"(?<= )&(?= )", "and"),
    ]
)

# -- fixed strings, by plain replacement ---------------------------------------------------------
_LITERALS = [
    ("and/or", "or"),
    ("And/or", "Or"),
    ("AND/OR", "or"),
    ("he/she", "they"),
    ("she/he", "they"),
    ("He/she", "They"),
    ("his/her", "their"),
    ("her/his", "their"),
    ("His/her", "Their"),
    ("him/her", "them"),
    ("w/o", "without"),
    (" OR ", " or "),
    (" AND ", " and "),
    (" NOT ", " not "),
]


def literals(block: str) -> str:
    """Fixed strings: "and/or" -> "or", "he/she" -> "they", capital OR/AND/NOT."""
    for old, new in _LITERALS:
        if old in block:
            block = block.replace(old, new)
    return block


# -- word rules, applied in the glossary's pass -----------------------------------------------
_NOUNS = (
    r"neuroendocrine\s+tumou?rs?|cancers?|disease|tumou?rs?|NETs?|NENs?|NECs?|carcinomas?|adenocarcinomas?"
    r"|melanomas?|lesions?|pNETs?|pan-NETs?|GEP-NETs?|neoplasms?|malignanc(?:y|ies)|sarcomas?"
)
_NOT_IN_NOUN_PHRASE = r"(?!(?:and|or|with|to|in|of|from|after|by|at|not|that|which|who|for|on)\b)"
_NOUN_PHRASE = rf"((?:{_NOT_IN_NOUN_PHRASE}[\w/-]+,?\s+){{0,5}}?)({_NOUNS})\b"  # {1} describing words, {2} the noun
_ADVANCED_OR = (
    r"(?:locally[- ]advanced,?\s+(?:or|and)\s+metastatic|metastatic,?\s+(?:or|and)\s+locally[- ]advanced),?\s+"
)
_INOPERABLE_OR = (
    r"(?:(?:unresectable|inoperable|non-?resectable),?\s+(?:or|and)\s+metastatic"
    r"|metastatic,?\s+(?:or|and)\s+(?:unresectable|inoperable|non-?resectable)),?\s+"
)
# "recurrent or metastatic melanoma" is one noun with two states: "melanoma that has come back or spread"
_RECURRENT_OR = r"(?:(?:recurrent|relapsed),?\s+(?:or|and/or)\s+metastatic|metastatic,?\s+(?:or|and/or)\s+(?:recurrent|relapsed)),?\s+"
WORD_RULES: list[Entry] = [
    Entry(
        "at least",
        "at least",
        forms=(
            "greater than or equal to",
            "greater than or equal",
            "equal to or greater than",
            "equal to or more than",
            "equal to or higher than",
            "greater or equal to",
            "more than or equal to",
            "higher than or equal to",
            "equal or greater than",
            "no less than",
            "not less than",
            "a minimum of",
        ),
    ),
    Entry(
        "at most",
        "at most",
        forms=(
            "less than or equal to",
            "less than or equal",
            "equal to or less than",
            "equal to or lower than",
            "less or equal to",
            "lower than or equal to",
            "equal or less than",
            "no more than",
            "not more than",
            "no greater than",
            "not greater than",
            "no higher than",
            "not exceeding",
            "not to exceed",
            "a maximum of",
        ),
    ),
    Entry("more than", "more than", forms=("greater than", "in excess of", "exceeding", "exceeds")),
    Entry(
        "people",
        "people",
        forms=(
            "patients",
            "subjects",
            "participants",
            "individuals",
            "persons",
            "pts",
            "study subjects",
            "study participants",
            "study patients",
        ),
    ),
    Entry(
        "of the study,",
        "{0},",
        pattern=r"(?:of|in|throughout|during|for|into|from)\s+(?:the|this)\s+study(?=\s+(?:patients|subjects|participants)\s+(?:will|must|may|should|can|cannot|shall|need|are\s+required)\b)",
        starts=tuple(
            f"{p} {d}" for p in ("of", "in", "throughout", "during", "for", "into", "from") for d in ("the", "this")
        ),
    ),
    Entry("person", "person", forms=("patient", "subject", "participant", "study subject", "study participant")),
    Entry(
        "the person's",
        "the person's",
        forms=("the patient's", "the subject's", "the participant's", "patient's", "subject's", "participant's"),
    ),
    Entry("people's", "people's", forms=("patients'", "subjects'", "participants'", "the patients'", "the subjects'")),
    Entry("subject to", "subject to"),  # "subject to approval" is not about a person
    Entry("women", "women", forms=("female patients", "female subjects", "female participants", "women patients")),
    Entry("men", "men", forms=("male patients", "male subjects", "male participants")),
    Entry("family history", "family history"),
    Entry(
        "spread or grown",
        "{1}{2} that {is} locally advanced or {has} spread",
        pattern=rf"{_ADVANCED_OR}{_NOUN_PHRASE}",
        starts=("locally advanced", "metastatic or", "metastatic and"),
    ),
    Entry(
        "spread or inoperable",
        "{1}{2} that cannot be removed by surgery or {has} spread",
        pattern=rf"{_INOPERABLE_OR}{_NOUN_PHRASE}",
        starts=(
            "unresectable or",
            "unresectable and",
            "inoperable or",
            "inoperable and",
            "non resectable",
            "nonresectable or",
            "metastatic or",
            "metastatic and",
        ),
    ),
    Entry(
        "come back or spread",
        "{1}{2} that {has} come back or spread",
        pattern=rf"{_RECURRENT_OR}{_NOUN_PHRASE}",
        starts=("recurrent or", "recurrent and", "relapsed or", "metastatic or", "metastatic and"),
    ),
    Entry("spread", "{1}{2} that {has} spread", pattern=rf"metastatic\s+{_NOUN_PHRASE}", starts=("metastatic",)),
    Entry(
        "spread to",
        "spread to",
        forms=("metastatic to", "metastasized to", "metastasised to", "metastasis to", "metastases to"),
    ),
    Entry(
        "no history",
        "{1} history of",
        pattern=rf"(any|no)\s+{_PAST}(?:history|hx)\s+of\b{_THEN_PAST}",
        starts=tuple(f"{a} {b}" for a in ("any", "no") for b in _PAST_WORDS),
    ),
    Entry(
        "history",
        "{1}history of",
        pattern=rf"(a\s+)?{_PAST}(?:history|hx)\s+of\b{_THEN_PAST}",
        starts=(*(f"a {w}" for w in _PAST_WORDS), *_PAST_WORDS),
    ),
]

# -- tidy, after everything -------------------------------------------------------------------
_TIDY: list[tuple[str, re.Pattern, Replacement]] = [
    (" the the", re.compile(r"\b([Tt]he|[Aa]n?) (?:the|a|an)\b(?= )"), r"\1"),
    (" a the", re.compile(r"\b[Aa]n? the\b"), "the"),
    ("like,", re.compile(r"\blike, "), "like "),
    ("( ", re.compile(r"\( +"), "("),
    (" )", re.compile(r" +\)"), ")"),
    (" ,", re.compile(r" +([,;:])(?= |$)", re.M), r"\1"),
    (" .", re.compile(r" +\.(?= |$)", re.M), "."),
    ("scan scan", re.compile(r"\bscan scans?\b"), "scan"),
    ("to be to be", re.compile(r"\bto be to be\b"), "to be"),
    (
        "they ",
        re.compile(r"\b([Tt]hey) (?:has|is|was)\b"),
        lambda m: m.group(1) + {"has": " have", "is": " are", "was": " were"}[m.group().split()[1]],
    ),
    (", (", re.compile(r", \("), " ("),
    (" another", re.compile(r"\b([Nn]o|[Tt]he|[Aa]ny) another\b"), r"\1 other"),
    (" allergy", re.compile(r"\b([Hh]ad|[Hh]ave|[Hh]as) allergy\b"), r"\1 an allergy"),
    # "use an effective birth control": "a" went with the registry's "method of contraception"
    (
        "birth control",
        re.compile(
            r"\b[Aa]n? ((?:(?:highly|medically|very) )?(?:acceptable|effective|reliable|suitable|good enough|approved|(?:study )?[\w-]+-(?:recommended|approved)) )?birth control\b(?! method| pill)"
        ),
        r"\1birth control",
    ),
    (",", re.compile(r"(?<=[a-z]),(?=[a-z])"), ", "),  # "g/dl,neutrophils": the registry's missing space
    (
        ", ",
        re.compile(r"\b(from|of|with|to), (?=(?:a|an|the)\b)"),
        r"\1 ",
    ),  # "stopping in the last 30 days from, a trial"
    ("within", re.compile(r"\b(within|than|least|most)(?=[0-9])"), r"\1 "),  # "within14 days"
    # "had autologous stem cell transplantation" -> "had an autologous stem cell transplant": a transplant is one
    (
        "stem cell transplant",
        re.compile(
            r"\b([Hh]ad|[Hh]ave|[Hh]as) (?!(?:an?|the|any|no|one|prior|past|previous|received|undergone|had|been|got|not|never)\b)"
            r"((?:[\w-]+ ){0,4}?stem cell transplant)\b(?!s)"
        ),
        lambda m: f"{m.group(1)} {'an' if m.group(2)[:1].lower() in 'aeio' else 'a'} {m.group(2)}",
    ),
    ("d heart attack", re.compile(r"\b([Hh]ad) heart attack\b(?!s)"), r"\1 a heart attack"),
    ("d stroke", re.compile(r"\b([Hh]ad) stroke\b(?!s)"), r"\1 a stroke"),
    ("an ", re.compile(r"\b([Aa])n (?=[bcdfgjklmnpqrstvwxyz]|hospital)"), r"\1 "),
    (
        "male who",
        re.compile(r"\b(You are) (fe)?male who\b"),
        lambda m: f"{m.group(1)} a {'wo' if m.group(2) else ''}man who",
    ),
    ("a ", re.compile(r"\b([Aa]) (?=[aeio][a-z])"), r"\1n "),
    ("  ", re.compile(r" {2,}"), " "),
]


def tidy(block: str) -> str:
    """Mend what the rewrites leave behind ("the the", "( x", "scan scan"); each rule runs
    only when its telltale is in the text."""
    low = block.lower()
    for telltale, pattern, repl in _TIDY:
        if telltale in low:
            block = pattern.sub(repl, block)
    return block


_LAST_CONNECTIVE = re.compile(r"[,;]?\s+(and/or|and|or)$|[,;]\s*(and/or|and|or)$", re.I)


def next_point(line: str) -> str:
    """A criterion ending "...; and" or "..., or" joins the next one: say so in words, since
    "; and." reads as broken and dropping the word would hide whether both are needed."""
    if line.strip().lower() in ("and", "or"):  # a lone "OR" between two criteria
        return line.strip().capitalize() + ":"
    found = _LAST_CONNECTIVE.search(line)
    if found is None:
        return line
    return f"{line[: found.start()].rstrip(' ,;.')}, {(found.group(1) or found.group(2)).lower()} the next point"


# a sentence's first letter, after a registry's own "- " too; not "eGFR" -> "EGFR" (a gene), "mTOR"
_SENTENCE_START = re.compile(r"(^(?:[-–•*] +)?|[.!?] +)([a-z])(?![a-z0-9]*[A-Z])")
_MIN_ASIDE_WORDS = 5


def sentences(line: str) -> str:
    """Short sentences: break at semicolons, a long closing aside in brackets becomes its own
    sentence, and the criterion ends with a full stop (a lead-in keeps its colon)."""
    line = line.strip()
    if "; " in line:
        parts = line.split("; ")
        if all(len(p.split()) >= 3 for p in parts):
            line = ". ".join(p.rstrip(" ,;") for p in parts)
    line = _aside_as_sentence(line)
    line = _closed_bracket(next_point(line.rstrip(" ,;")))
    if line and line[-1] not in ".:?!" and not _ENDED_IN_BRACKET.search(line):
        line += "."
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), line)


# a bracketed sentence of its own ends the item: "... medicines. (NOTE: ... two medicines.)" needs no second full stop
# (but "... 29 kg/m2 (incl.)" does)
_ENDED_IN_BRACKET = re.compile(r"(?:^|[.?!]\s+)[(\[][^()\[\]]*[.?!][)\]]$")


def _closed_bracket(line: str) -> str:
    """A registry's last bracket left open ("(for example, A, B or C.") closed where the criterion ends."""
    last_open = line.rfind("(")
    if line.count("(") != line.count(")") + 1 or last_open < line.rfind(")"):
        return line
    end = line.rstrip(".")
    return end + ")" + line[len(end) :]


_EXAMPLES = re.compile(r"^(?:like|for\s+example|such\s+as|e\.?g\.?|eg)[,:]?\s+", re.I)


def _aside_as_sentence(line: str) -> str:
    """ "X (for example A, B and C)" -> "X. For example, A, B and C". Other asides stay in their
    brackets: "X (except A)" cut off as "X. Except A." would read as two claims."""
    end = line.rstrip(".")
    if not end.endswith(")"):
        return line
    depth = 0
    for i in range(len(end) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(end[i], 0)
        if depth == 0:
            inner, before = end[i + 1 : -1].strip(), end[:i].rstrip(" ,;:")
            examples = _EXAMPLES.match(inner)
            if examples and len(inner.split()) >= _MIN_ASIDE_WORDS and len(before.split()) >= 2 and "(" not in inner:
                return f"{before}. For example, {inner[examples.end() :]}"
            return line
    return line
