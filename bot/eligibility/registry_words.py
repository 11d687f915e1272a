"""A criterion in the registry's own words, lightly cleaned, with only swaps proven safe.

Where no tested whole-criterion template fits, word-for-word glossary swaps did not carry to
unseen criteria: a third of a blind-judged sample read wrong ("expected to live of", "Generalized
Anxiety problem"). So such an item keeps the registry's sentence: spacing and bullets tidied,
symbols said in words ("≥ 18" -> "at least 18", "and/or" -> "or"), a semicolon made a full stop,
and only the swaps of `SAFE_SWAPS`: a word or phrase put for another of the same kind and number
("prior to" -> "before", "malignancies" -> "cancers"), each checked over the whole corpus to bring
no language-guard defect (`tests/test_registry_words.py`). The terms still used are explained
beneath the sentence (`explain.term_explanations`).
"""

from __future__ import annotations

import re

from bot.eligibility import phrasing
from bot.eligibility.guards.language import language_defects

# (registry words as a pattern, everyday words): same part of speech, same number, any position.
SAFE_SWAPS: tuple[tuple[str, str], ...] = (
    # joining words and limits
    (r"prior\s+to|previous\s+to", "before"),
    (r"with\s+the\s+exception\s+of", "except"),
    (r"in\s+order\s+to", "to"),
    (r"due\s+to", "because of"),
    (r"approximately", "about"),
    (r"greater\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+greater\s+than|more\s+than\s+or\s+equal\s+to", "at least"),
    (r"less\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+less\s+than", "at most"),
    (r"greater\s+than", "more than"),
    # a noun for a noun, in the same number
    (
        r"(?:^|(?<=all\s)|(?<=the\s)|(?<=for\s)|(?<=of\s)|(?<=in\s)|(?<=and\s)|(?<=or\s)|(?<=to\s))participants"
        r"(?=\s+(?:with|who|must|should|will|are|have|has|may|can|cannot|whose|that|need|in|of|on)\b)",
        "people",
    ),
    (r"(?<=the\s)participant", "person"),
    (r"corticosteroid", "steroid"),
    (r"corticosteroids", "steroids"),
    (r"neoplasm", "tumour"),
    (r"neoplasms", "tumours"),
    (r"malignancy", "cancer"),
    (r"malignancies", "cancers"),
    (
        r"(?<!neuroendocrine\s)carcinoma(?![\s-]+in[\s-]+situ)",
        "cancer",
    ),  # a neuroendocrine carcinoma (NEC) is not any NET
    (r"(?<!neuroendocrine\s)carcinomas", "cancers"),
    (
        r"(?<!physical\s)(?<!occupational\s)(?<!speech\s)(?<!behavioral\s)(?<!behavioural\s)(?<!gene\s)(?<!cell\s)therapy",
        "treatment",
    ),
    (r"therapies", "treatments"),
    (r"medication", "medicine"),
    (r"medications", "medicines"),
    (r"physician", "doctor"),
    (r"physicians", "doctors"),
    (r"an\s+investigator(?![-'’])", "a study doctor"),
    (r"(?<!principal\s)(?<!sub-)(?<!co-)(?<!study\s)investigator(?![-'’])", "study doctor"),
    (r"(?<!principal\s)(?<!sub-)(?<!co-)(?<!study\s)investigators(?![-'’])", "study doctors"),
    (r"(?<!study\s)(?:investigator's|investigators')(?!\s+brochure)", "study doctor's"),
    (r"clinical\s+trial", "trial"),
    (r"clinical\s+trials", "trials"),
    (r"clinical\s+study", "study"),
    (r"clinical\s+studies", "studies"),
    # "hypersensitivity reaction" is an allergic reaction, not an "allergy reaction"
    (r"(?<!allergy\sor\s)(?<!allergic\sor\s)a\s+hypersensitivity\s+reaction", "an allergic reaction"),
    (r"(?<!allergy\sor\s)(?<!allergic\sor\s)(?<!allergic/)hypersensitivity\s+reactions", "allergic reactions"),
    (r"(?<!allergy\sor\s)(?<!allergic\sor\s)(?<!allergic/)hypersensitivity\s+reaction", "allergic reaction"),
    (r"a\s+hypersensitivity(?!\s*(?:or|and|/)\s*allerg)", "an allergy"),
    (
        r"(?<!allergy\sor\s)(?<!allergic\sor\s)(?<!allergy/)(?<!allergies\sor\s)(?<!allergy,\s)(?<!allergy,\sor\s)(?<!allergies,\s)(?<!allergies,\sor\s)"
        r"hypersensitivity(?!\s*(?:or|and|/|,)\s*(?:or\s+)?allerg)",
        "allergy",
    ),  # never beside "allergy": "allergy, hypersensitivity or intolerance" would say "allergy" twice
    (r"hypersensitivities", "allergies"),
    (r"contraception", "birth control"),
    (r"laboratory", "lab"),
    (r"hospitali[sz]ation", "hospital stay"),
    (r"hospitali[sz]ations", "hospital stays"),
    (r"an\s+abnormality\s+of", "a problem with"),
    (r"abnormality\s+of", "problem with"),  # not "problem of sense of smell"
    (r"abnormalities\s+of", "problems with"),
    (r"an\s+abnormality", "a problem"),
    (r"abnormality", "problem"),
    (r"abnormalities", "problems"),
    (r"myocardial\s+infarction", "heart attack"),
    (r"myocardial\s+infarctions", "heart attacks"),
    (r"cerebrovascular\s+accident", "stroke"),
    (r"diabetes\s+mellitus", "diabetes"),
    (r"serum\s+pregnancy\s+test", "blood pregnancy test"),
    (r"lactation", "breastfeeding"),
    (r"evidence\s+of", "signs of"),
    # a long name said once more by its abbreviation, which the glossary explains beneath
    (r"alanine\s+(?:amino)?transaminase\s+\(ALT\)|alanine\s+aminotransferase\s+\(ALT\)", "ALT"),
    (r"aspartate\s+(?:amino)?transaminase\s+\(AST\)|aspartate\s+aminotransferase\s+\(AST\)", "AST"),
    (r"human\s+immunodeficiency\s+virus\s+\(HIV\)", "HIV"),
    (r"Response\s+Evaluation\s+Criteria\s+in\s+Solid\s+Tumou?rs\s+\(RECIST\)", "RECIST"),
    (r"New\s+York\s+Heart\s+Association\s+\(NYHA\)", "NYHA"),
    (r"Eastern\s+Cooperative\s+Oncology\s+Group\s+\(ECOG\)", "ECOG"),
    # an adjective or participle for one of the same kind
    (
        r"(?:histologically|histopathologically|pathologically|cytologically)(?:\s+(?:or|and)\s+cytologically)?"
        r"[\s-](?:confirmed|proven|documented|verified)",
        "lab-confirmed",
    ),
    (r"an\s+investigational(?!\s+(?:study|studies|trial))", "a study"),
    (r"investigational(?!\s+(?:study|studies|trial))", "study"),
    (r"clinically\s+significant", "major"),
    (r"(?<!statistically\s)significant", "major"),
    (r"potentially", "possibly"),
    (r"ha?ematologic(?:al)?", "blood"),
    (r"discontinue", "stop"),
    (r"prior|previous", "past"),
    (r"cardiac(?!\s+arrest)", "heart"),
    (r"renal", "kidney"),
    (r"hepatic", "liver"),
    (r"pulmonary(?!(?:\s+\w+){0,3}\s+hypertension)", "lung"),  # not "pulmonary or systemic hypertension"
    (r"gastrointestinal(?!\s+stromal)", "gut"),
    (r"cardiovascular", "heart or blood vessel"),
    (r"psychiatric", "mental health"),
    (r"lactating|breast-feeding|breast\s+feeding", "breastfeeding"),
    (
        r"(wom[ae]n|females?|patients?|subjects?|participants?|individuals?|persons?|people)\s+of\s+child-?\s?bearing"
        r"\s+potential",
        r"\1 who could become pregnant",
    ),
    (r"currently(?!\s+(?:ongoing|active|present|existing))", "now"),  # not "Now ongoing unstable angina"
    (r"additional", "extra"),
    (r"an\s+adequate", "a good enough"),
    (r"adequate", "good enough"),
    (r"(?<!a\s)sufficient", "enough"),
    (r"documented", "recorded"),
    (r"subsequent", "later"),
    (r"discontinued", "stopped"),
    (r"requiring", "needing"),
    (r"requires", "needs"),
    (r"utili[sz]e", "use"),
    (r"utili[sz]ed", "used"),
    (r"utili[sz]ing", "using"),
    (r"participate\s+in", "take part in"),
    (r"participating\s+in", "taking part in"),
    (r"interfere\s+with", "get in the way of"),
    (r"interferes\s+with", "gets in the way of"),
    (r"interfering\s+with", "getting in the way of"),
)
_WORDS = dict(SAFE_SWAPS)
_PATTERNS = [re.compile(rf"(?<![\w-]){pattern}(?![\w-])", re.I) for pattern, _ in SAFE_SWAPS]
_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in _PATTERNS), re.I)


def swap(text: str) -> str:
    """`text` with every safe swap made (in lower case: `phrasing.sentences` capitalises a sentence's start), and the
    article before a swapped word made to fit it ("an hepatic" -> "a liver", "a hypersensitivity" -> "an allergy")."""
    swapped = _ANY.sub(_everyday, text)
    if swapped == text:
        return text
    return _A_BEFORE_VOWEL.sub(r"\1n\2", _AN_BEFORE_CONSONANT.sub(r"\1\2", swapped))


# the everyday words a swap brings that start with a consonant sound, or a vowel: "an liver" and "a allergy" are
# never the registry's own
_AN_BEFORE_CONSONANT = re.compile(
    r"\b([Aa])n(\s+)(?=(?:liver|lung|kidney|heart|gut|blood|lab|study|major|past|mental|cancer|tumour|treatment|medicine"
    r"|doctor|trial|problem|stroke|steroid|breastfeeding|good|recorded|later|hospital|person|people|birth|signs|possibly"
    r"|needing|stopped|now)\b)"
)
_A_BEFORE_VOWEL = re.compile(r"\b([Aa])(\s+)(?=(?:allerg\w*|extra|about)\b)")


def _everyday(found: re.Match) -> str:
    for (_, words), pattern in zip(SAFE_SWAPS, _PATTERNS):
        match = pattern.match(found.string, found.start())  # in place: its lookarounds see the words around it
        if match and match.end() == found.end():
            everyday = match.expand(words)
            return found.group() if _said_nearby(everyday, found) else everyday
    return found.group()  # not reached: some swap made the match  # not reached


def _said_nearby(everyday: str, found: re.Match) -> bool:
    """The registry already has the everyday words right beside the ones it would replace, with only joining
    words between: both are there on purpose, a gloss or a choice ("heart attack also known as myocardial
    infarction", "cancer or other malignancy", "radiation therapy treatment"), and the swap would say the same
    thing twice. Further away ("Treatment with immunosuppression therapy") the swap is made."""
    word = rf"(?<![\w-]){re.escape(everyday)}(?![\w-])"
    before = re.search(rf"{word}{_GAP}$", found.string[max(0, found.start() - _NEAR) : found.start()], re.I)
    after = re.match(rf"{_GAP}{word}", found.string[found.end() : found.end() + _NEAR], re.I)
    return before is not None or after is not None


def mend(text: str) -> str:
    """The registry's own slips mended where the meaning cannot change (issue 18: a reader counts them
    as defects of what is shown): a word said twice ("Has has", "during the during inpatient visits"), a comma with no space after it
    between words ("g/dl,absolute"), a number run into the word before it ("within14"), and a
    comparison said in words then again as a bracketed symbol ("greater than or equal to (>=) 22"), a
    comparison sign after the item's last full stop, which compares nothing ("... study entry. >"), a full stop
    said twice ("consent.."), a "to" after a sign (">= to 75"), and brackets left unbalanced (`balanced`)."""
    text = _PREPOSITION_TWICE.sub(r"\1 \2", text)  # "during the during inpatient visits"
    text = _TWICE.sub(lambda m: m.group(1) if m.group(1).lower() not in _SAID_TWICE_RIGHTLY else m.group(), text)
    text = _GLUED_COMMA.sub(", ", text)
    text = _GLUED_NUMBER.sub(r"\1 \2", text)
    text = _STRAY_END.sub("", text)
    text = _DOUBLE_STOP.sub(".", text)
    text = _SIGN_TO.sub(r"\1 ", text)
    return balanced(_SYMBOL_AGAIN.sub("", text))


def balanced(text: str) -> str:
    """Brackets the registry left unbalanced: a closing bracket with nothing open before it is dropped ("... is
    permitted);"), except after a list label ("2)"); a bracket left open is closed where its sentence ends
    ("(example, untreated TB, ... before the Screening Visit)."). Balanced text is returned as it is."""
    if text.count("(") == text.count(")") and text.count("[") == text.count("]"):
        return text
    kept: list[str] = []
    open_at: list[int] = []  # where in `kept` each bracket still open is
    for char in text:
        if char in _CLOSES:
            if open_at and kept[open_at[-1]] == _CLOSES[char]:
                open_at.pop()
            elif not open_at and not _LIST_LABEL.search("".join(kept[-4:]) + char):
                continue  # closes nothing
        elif char in "([":
            open_at.append(len(kept))
        kept.append(char)
    shown = "".join(kept)
    for start in reversed(open_at):
        end = _sentence_end(shown, start)
        shown = shown[:end] + _OPENS[shown[start]] + shown[end:]
    # kept only when the guard counts fewer unbalanced brackets and no new slip (list labels "A)" confuse the count;
    # "eligible.);" would become "eligible.;")
    before, after = language_defects(text, verbs=False), language_defects(shown, verbs=False)
    if after[_UNBALANCED] >= before[_UNBALANCED] or after - before:
        return text
    return shown


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence holding `start` ends: before its full stop or semicolon, else before the item's end
    punctuation."""
    for stop in _STOP.finditer(text, start):
        if not _ABBREVIATION.search(text[: stop.start() + 1]):
            return stop.start()
    return len(text.rstrip(" .;,:"))


_UNBALANCED = "bracket not closed"  # the language guard's kind
_CLOSES = {")": "(", "]": "["}
_OPENS = {"(": ")", "[": "]"}
_LIST_LABEL = re.compile(r"(?:^|[\s,;:])(?:\d{1,2}\.?|[a-zA-Z]|[ivx]{1,4})\)$")  # "2)", "b)", "iii)", "2.)"
_STOP = re.compile(r"[.;](?=\s+[A-Z(]|\s*$)")


_NEAR = 60  # characters: a gloss or an alternative sits right beside its word
# only joining words and punctuation between a word and its gloss or alternative
_GAP = r"[\s,/()\[\]:-]*(?:(?:also|known|as|called|or|and|other|i\.e\.?|e\.g\.?|aka|any|the|a|an)[\s,/()\[\]:-]*){0,4}"
_ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|approx|incl|no|Dr|St|al)|\b[A-Za-z])\.$", re.I)
_DOUBLE_STOP = re.compile(r"(?<!\.)\.(?:\s*\.)(?!\.)")  # "disease.." and ". ." but not "..."


_PREPOSITION_TWICE = re.compile(
    r"\b(during|of|in|for|with|to|from|by|on|at|within|after|before) (the|a|an) \1\b(?= )", re.I
)
_TWICE = re.compile(r"\b([A-Za-z]{2,}) \1\b", re.I)  # not "hepatitis B B-cell"
_STRAY_END = re.compile(r"(?<=[.;])\s*[<>≤≥]=?\s*$")
_SAID_TWICE_RIGHTLY = frozenset({"had", "that", "ala", "kava", "bora", "chi", "is"})  # "who had had surgery"
_GLUED_COMMA = re.compile(r"(?<=[a-z]{2}),(?=[a-z]{2})")
_GLUED_NUMBER = re.compile(r"\b(within|than|least|most|to|of|for|over|under|below|above|after|before|and|or)(\d)", re.I)
_SYMBOL_AGAIN = re.compile(
    r"(?:(?<=\bto)|(?<=\bthan))\s*(?:\(\s*(?:>=|<=|=>|=<|>/=|</=|[<>≤≥])\s*\)|\[\s*(?:>=|<=|=>|=<|>/=|</=|[<>≤≥])\s*\])"
)
_SIGN_TO = re.compile(r"(>=|<=|=>|=<|>/=|</=|[<>≤≥])\s*to\s+(?=[0-9])")  # ">= to 75": "at least to 75"


def registry_sentence(original: str, swaps: bool = True, split: bool = True) -> str:
    """The registry's item as it may be shown: tidied, symbols in words, only the safe swaps
    (none without `swaps`), a semicolon made a full stop (kept without `split`: "...; EXCEPTIONS: A"
    cut off would be a sentence with no verb)."""
    text = _LAST_SYMBOL.sub("", " ".join(_BULLET.sub("", original).split()))  # a stray ">" ending the item
    text = phrasing.SYMBOLS(phrasing.literals(text))
    text = swap(text) if swaps else text
    text = _SPACE_BEFORE.sub(r"\1", " ".join(text.split()))
    text = phrasing.sentences(text if split else text.replace("; ", ";\u00a0")).replace(";\u00a0", "; ")
    return _AFTER_ABBREVIATION.sub(lambda m: _as_in(original, m), text)


def _as_in(original: str, found: re.Match) -> str:
    """A word after "i.e." or "e.g." in the case the registry wrote it ("i.e. serum", not "i.e. Serum")."""
    lower = found.group(2).lower() + found.group(3)
    return found.group(1) + (
        lower if re.search(rf"\b{re.escape(lower)}\b", original) else found.group(2) + found.group(3)
    )


_BULLET = re.compile(r"^\s*(?:[-–•*·]|\d{1,2}[.)](?!\d))\s+")
_LAST_SYMBOL = re.compile(r"\s+[<>≤≥]=?\s*$")
_AFTER_ABBREVIATION = re.compile(r"\b((?:i\.e|e\.g|vs)\.,?\s+)([A-Z])([a-z]+)\b")
_SPACE_BEFORE = re.compile(r"\s+([,;:.](?=\s|$))")
