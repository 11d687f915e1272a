"""Everyday writing made readable for the profile's patterns: text-speak, common typos, number words.

Only whole words are swapped, and only ones that cannot mean anything else in a message about
a NET ("4 her" is "for her", but "4 cycles" and "stage 4" stay numbers).
"""

from __future__ import annotations

import difflib
import re

from bot.prescreen.answers import words_to_digits

MAX_CHARS = 20_000  # a longer message is read in its first part only

_TEXT_SPEAK = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "plse": "please",
    "thx": "thanks",
    "n": "and",
    "&": "and",
    "wiv": "with",
    "w/": "with",
    "hs": "has",
    "hav": "have",
    "av": "have",
    "bin": "been",
    "cos": "because",
    "coz": "because",
    "bc": "because",
    "b4": "before",
    "gonna": "going to",
    "wanna": "want to",
    "dunno": "do not know",
    "im": "i'm",
    "ive": "i've",
    "ma": "my",
    "mi": "my",
    "shes": "she's",
    "hes": "he's",
    "theyre": "they're",
    "isnt": "isn't",
    "doesnt": "doesn't",
    "dont": "don't",
    "didnt": "didn't",
    "cant": "can't",
    "wont": "won't",
    "hasnt": "hasn't",
    "havent": "haven't",
    "wasnt": "wasn't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "arent": "aren't",
    "werent": "weren't",
    "hadnt": "hadn't",
    "aint": "ain't",
    "youre": "you're",
    "weve": "we've",
    "theyve": "they've",
    "yrs": "years",
    "yr": "year",
    "yo": "years old",
    "mths": "months",
    "mnths": "months",
    "wks": "weeks",
    "tho": "though",
    "thru": "through",
    "abt": "about",
    "smth": "something",
    "sth": "something",
    "ppl": "people",
    "dx": "diagnosed",
    "dxd": "diagnosed",
    "dx'd": "diagnosed",
    "tx": "treatment",
    "onc": "oncologist",
    "mets": "metastases",
    "mom": "mum",
    "mam": "mum",
    "mommy": "mum",
    "mummy": "mum",
    "momma": "mum",
    "hubby": "husband",
    "hubbie": "husband",
    "dh": "husband",
    "dw": "wife",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "bro": "brother",
    "sis": "sister",
    "grandma": "grandmother",
    "nan": "grandmother",
    "nana": "grandmother",
    "nanna": "grandmother",
    "granny": "grandmother",
    "gran": "grandmother",
    "grandad": "grandfather",
    "granddad": "grandfather",
    "grandpa": "grandfather",
    "gramps": "grandfather",
    "livr": "liver",
    "lver": "liver",
    "livver": "liver",
    "trail": "trial",
    "trails": "trials",
    "tral": "trial",
    "trals": "trials",
    "pnets": "pnet",
    "pancras": "pancreas",
    "pops": "dad",
    "daddy": "dad",
    "papa": "dad",
    "hw": "how",
    "wot": "what",
    "wat": "what",
    "stopd": "stopped",
    "stoped": "stopped",
    "wrking": "working",
    "workin": "working",
    "wrk": "work",
    "wrkd": "worked",
    "workd": "worked",
    "gettin": "getting",
    "growin": "growing",
    "bn": "been",
}
_CAPITALS_KEPT = frozenset(("BC", "MA", "MI", "TX"))  # state and province codes that are text-speak in lower case
# A text-speak word that is also a real word only where it cannot be one.
_CONTEXT_SPEAK = [
    (re.compile(r"\b4\s+(?=(?:me|him|her|us|them|my|his|a|an|the|pnet|net|this|that|it|mum|dad)\b)", re.I), "for "),
    (re.compile(r"\b[Mm]y\s+(?:oh|OH)\b|\bOH\b"), "my partner"),
    (
        re.compile(r"\b2\s+(?=(?:go|get|have|try|join|be|see|find|know|do|take|travel|ask|stay|stop|start)\b)", re.I),
        "to ",
    ),
    # "on lanreotide 4 4 yrs": "for" before a length of time
    (re.compile(r"\b4\s+(?=\d+\s*(?:yrs?|years?|months?|mths|mnths|wks|weeks?|days?)\b)", re.I), "for "),
    # Irish, Scottish and Northern English "me da", "me mam", "ma maw": "my" before a relative
    (
        re.compile(
            r"\b(?:me|ma|mi)\s+(?=(?:mum|mam|mammy|maw|ma|da|dad|daddy|husband|hubby|wife|missus|son|daughter|brother|sister|old\s+fella|fella"
            r"|nan|nanny|granda|grandad|auld\s+(?:fella|one|man|wan))\b)",
            re.I,
        ),
        "my ",
    ),
    (re.compile(r"\b(my|our)\s+(?:ma|maw|mammy)\b", re.I), r"\1 mum"),
    (re.compile(r"\b(my|our)\s+da\b", re.I), r"\1 dad"),
    # "my mums 67", "my wifes got": a possessive or "is" without the apostrophe (words that are never plural after "my")
    (
        re.compile(
            r"\b((?:my|our)\s+(?:mum|mam|mom|dad|wife|husband|hubby|partner|boyfriend|girlfriend|fiance))s\b", re.I
        ),
        r"\1's",
    ),
]
# Words that matter to the profile, for misspellings a person makes ("livr", "pancrease").
KEY_WORDS = (
    "pancreas",
    "pancreatic",
    "liver",
    "lymph",
    "nodes",
    "bones",
    "lungs",
    "trial",
    "trials",
    "spread",
    "metastatic",
    "diagnosed",
    "grade",
    "tumour",
    "tumor",
    "neuroendocrine",
    "husband",
    "daughter",
    "mother",
    "father",
    "recruiting",
    "surgery",
    "operation",
    "injections",
    "injection",
    "bowel",
    "stomach",
    "appendix",
    "insulinoma",
    "gastrinoma",
    "carcinoid",
    "chemotherapy",
    "radioactive",
    "immunotherapy",
)
# Real words one letter away from a key word: never "corrected" ("lives" is not "liver", an insulin
# level is not an insulinoma, "an option" is not "an operation").
_REAL_WORDS = frozenset(
    (
        "lives",
        "lived",
        "liven",
        "lover",
        "option",
        "options",
        "infection",
        "infections",
        "insulin",
        "gastrin",
        "grades",
        "grated",
        "grand",
        "grande",
        "spreads",
        "sugary",
        "bones",
        "nodes",
        "lunges",
        "lunge",
        "tumult",
        "mothers",
        "fathers",
        "inject",
        "injects",
        "injected",
        "injecting",
        "injector",
    )
)
_MIN_FUZZY = 5  # shorter words are too often real words ("live" is not "liver")
_FUZZY_CUTOFF = 0.8
_WORD = re.compile(r"[^\W\d_][\w']*|[\W\d_]+")  # any script's letters: "är" is one word, not "ä" + "r"


_MARKUP = re.compile(r"</?[a-zA-Z][^<>]{0,300}>")


def readable(text: str) -> str:
    """The message with text-speak, misspelt key words and number words made plain."""
    text = (text or "")[:MAX_CHARS].replace("\u2019", "'").replace("\u2018", "'")
    text = _MARKUP.sub(" ", text)  # "<img src=x onerror=alert(1)> lanreotyde": the tag is no words of theirs
    for pattern, plain in _CONTEXT_SPEAK:
        text = pattern.sub(plain, text)
    text = "".join(_plain_word(piece) for piece in _WORD.findall(text))
    return words_to_digits(text)


def _plain_word(piece: str) -> str:
    if not piece[:1].isalpha():
        return piece
    lower = piece.lower()
    if piece in _CAPITALS_KEPT:
        return piece  # "Victoria BC", "Boston MA": a state, not "because" or "my"
    compound = _COMPOUND.match(lower)
    if compound:  # "lutetiumstudie", "lanreotidbehandling": a name and a word written as one, as in Swedish or German
        return f"{piece[: len(compound.group(1))]} {piece[len(compound.group(1)) :]}"
    if lower in _TEXT_SPEAK:
        return _TEXT_SPEAK[lower]
    if lower.endswith("'s") and lower[:-2] in _TEXT_SPEAK:  # "my gf's dad", "hubby's scan"
        return _TEXT_SPEAK[lower[:-2]] + "'s"
    if len(lower) >= _MIN_FUZZY and lower not in KEY_WORDS and lower not in _REAL_WORDS and lower.isalpha():
        close = difflib.get_close_matches(lower, KEY_WORDS, n=1, cutoff=_FUZZY_CUTOFF)
        if close and _same_start(lower, close[0]):
            return close[0]
    return piece


_COMPOUND = re.compile(  # (not a kind of treatment written as one word: "inmunoterapia", "immuntherapie")
    r"^(?!(?:in|im)mun|chemo|chemio|chimio|quimio|radio|strahlen|cellgift)([a-zåäöæøéü]{4,}?)(studie[nrt]?|studies|forsøg\w*|forsog\w*|onderzoek\w*|behandling\w*|therapie\w*|terapi\w*)$"
)


def _same_start(word: str, known: str) -> bool:
    """Misspellings keep the first letter far more often than not; requiring it avoids swaps
    such as "trail" -> "trial" being joined by "rail" -> "trial"."""
    return word[0] == known[0]
