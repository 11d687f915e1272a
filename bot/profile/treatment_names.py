"""Where a message names a treatment: the lexicon's phrases, people's everyday words for them
("the jab", "the op", "watch and wait"), short names ("cabo", "carbo") and a long drug name typed
with a slip ("everolimis"); each found as (first word, after last word, treatment id).
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Optional

from bot.lexicon import Lexicon, default_lexicon
from bot.text import normalize

_MAX_PHRASE_WORDS = 8
SURVEILLANCE = "surveillance"
# Regular scans: watching a tumour left in place (surveillance), or only the follow-up after it was removed.
SCANS = "_regular_scans"
OTHER_ANDS = {"og", "och", "und", "y", "et", "e", "ed", "en", "oraz"}  # "carboplatin og etoposid"
JOINERS = {
    *OTHER_ANDS,
    "",
    "or",
    "and",
    "or any",
    "and any",
    "nor",
    "nor any",
    "or even",
    "vs",
    "versus",
    "or the",
    "and the",
    "or a",
    "with",
    "plus",
    "then",
    "and then",
    "then the",
    "like",
    "such as",
    "e g",
    "eg",
    "including",
    "incl",
    "especially",
    "particularly",
    *("as well as", "as well as the", "and also", "and also the"),
}
# Joiners after which the two names share one outcome ("carbo and etoposide, which failed"); "X then Y" is
# a sequence, and "liver treatments like SIRT" names one thing twice, so those only share a role.
OUTCOME_JOINERS = {"", "or", "and", "vs", "versus", "or the", "and the", "or a", "with", "plus", *OTHER_ANDS}
# Everyday words for a NET's usual treatments that are too loose for the search vocabulary
# ("injection" alone), but in a person's story almost always mean them.
STORY_WORDS = {
    **{
        w: "somatostatin_analogue"
        for w in (
            "jab",
            "jabs",
            "the jab",
            "the jabs",
            "injection",
            "injections",
            "the injection",
            "the injections",
            "shot",
            "shots",
            "the shot",
            "the shots",
            "monthly",
            "jabs monthly",
        )
    },
    **{
        w: "surgery"
        for w in (
            "op",
            "the op",
            "an op",
            "ops",
            "the knife",
            "under the knife",
            "distal panc",
            "a distal panc",
            "cut open",  # "i'd rather he wasn't cut open"
            "opened up",
        )
    },
    **{
        w: "somatostatin_analogue" for w in ("the jag", "the jags")
    },  # Scots "been on the jag" (but Swedish "jag" is "I")
    **{
        w: SCANS
        for w in (
            *(
                f"{scan} {every} {span}"
                for scan in (
                    "scan",
                    "scans",
                    "scope",
                    "camera",
                    "camera test",
                    "mri",
                    "endoscopy",
                    "go in and look",
                    *(
                        f"{verb} {whom}"
                        for verb in ("scan", "scanning", "scope", "scoping")
                        for whom in ("it", "them", "her", "him", "me")
                    ),
                )
                for every in ("every", "once a", "each")
                for span in (
                    "year",
                    "month",
                    "6 months",
                    "six months",
                    "3 months",
                    "three months",
                    "12 months",
                    "6 12 months",
                    "few months",
                )
            ),
            "yearly scans",
            "annual scans",
            *(  # "wants to scan yearly", "they scan him annually"
                f"{scan} {often}"
                for scan in ("scan", "scans", "scan it", "scan them", "scan her", "scan him", "scan me")
                for often in ("yearly", "annually", "twice a year", "regularly")
            ),
            *(f"just {doing} {scans}" for doing in ("doing", "having") for scans in ("scans", "the scans")),
            *(
                f"just {verb} {whom}"
                for verb in ("scan", "scanning", "scope")
                for whom in ("it", "them", "her", "him", "me")
            ),
            "regular scans",
            "6 monthly scans",
        )
    },
    **{
        w: SURVEILLANCE
        for w in (
            "only watching",
            "keep watching it",
            "keep watching",
            "watch it",
            "leave it alone",
            "leave it be",
            "leaving it alone",
            "leaving it be",
            "left it alone",
            "keep an eye on it",
            "watch wait",  # "watch & wait" without its "&"
            "watch n wait",
            "keeping an eye on it",
            "monitor it",
            "monitoring it",
        )
    },
    **{
        w: "prrt"
        for w in (
            "the radioactive one",
            "radioactive one",
            "radioactive stuff",
            "the radioactive stuff",
            "radioactive injection",
            "radioactive injections",
            "radioactive infusion",
            "radioactive therapy",
            "nuclear treatment",
        )
    },
    **{
        w: "surveillance"
        for w in (
            "surveillance",
            "on surveillance",
            "monitoring",
            "watch and wait",
            "wait and watch",
            "just watching",
            "watching it",
            "watching them",
            "watching him",
            "watching her",
            "watching me",
            "keeping an eye",
            "keep an eye on them",
            "keeping an eye on them",
            "be watched",
            "being watched",
            "get watched",
            "on watching",
            "about watching",
            "of watching",
            "comparing watching",
            "watching versus",
            "watching vs",
            "watching with",
            "choose to wait",
            "chose to wait",
            "they watch",
            "they just watch",
            "they only watch",
            "they re watching",
            "they are watching",
            "watch them",
            "monitor them",
            "monitoring them",
            *(  # "the doctors say watch.", "they told us to watch" (but not "watch out for", see _WATCHED_THING)
                f"{said} watch"
                for said in ("say", "says", "said", "saying", "told us to", "told me to", "told to", "plan is to")
            ),
        )
    },
}
_SCAN_TOLD = frozenset(
    "shows showed showing show found finds says said came come was is has had results result revealed confirmed picked".split()
)
# "said watch out for lows", "told us to watch the diet": a thing to look out for, not the tumour watched.
_WATCHED_THING = frozenset(
    "out for the your his her their my what how this that a an over tv videos video films youtube closely carefully".split()
)
# Short names people use for drugs ("cabo nivo", "carbo etoposide"): names, not story words.
_SHORT_NAMES = {
    "cabo": "cabozantinib",
    "carbo": "carboplatin",
    "ipi": "ipilimumab",
    "etop": "etoposide",
    "lutate": "prrt",
    "tem": "temozolomide",
    "evero": "everolimus",
    "suni": "sunitinib",
    "lanreo": "lanreotide",
    "octreo": "octreotide",
    "autogel": "lanreotide",
    "lu177": "prrt",
    "lu 177": "prrt",
    "cape and tem": "capecitabine_temozolomide",
    "capecitabine and tem": "capecitabine_temozolomide",
    "cape tem": "capecitabine_temozolomide",
}
_UMBRELLAS = {"targeted_therapy", "liver_directed_therapy"}  # group-wide names whose id is not the group's
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\s[-\u2013\u2014]+\s")


def clause_words(sentence: str) -> tuple[list[str], list[int]]:
    """The sentence's words, and where each comma-, bracket- or dash-separated part starts."""
    words: list[str] = []
    starts: list[int] = []
    for part in _CLAUSE_BREAK.split(sentence):
        starts.append(len(words))
        words.extend(normalize(part).split())
    return words, starts


TESTS_NOT_TREATMENTS = frozenset({"scan_tracer"})  # a scan is a test, not a treatment had


def treatment_group(lexicon: Lexicon, concept_id: str) -> Optional[str]:
    concept = lexicon.concepts.get(f"treatment:{concept_id}")
    return concept.group if concept else None


def is_generic(lexicon: Lexicon, concept_id: str) -> bool:
    """A concept that names a whole group ("somatostatin analogues", "chemotherapy", "liver treatments")."""
    return treatment_group(lexicon, concept_id) == concept_id or concept_id in _UMBRELLAS


def named_ids(text: str, lexicon: Optional[Lexicon] = None) -> tuple[str, ...]:
    """Every treatment or test named in the text, in order, whatever its role."""
    spans = name_spans(normalize(text).split(), lexicon or default_lexicon())
    return tuple(dict.fromkeys(SURVEILLANCE if concept == SCANS else concept for _, _, concept in spans))


# Words a name may come with and still be only a name: "what about lutathera", "everolimous tabs", "octreotide shots".
_NAME_ONLY_WORDS = {
    *("the", "a", "an", "what", "about", "info", "is", "and", "or", "vs", "versus"),
    *(
        "tabs",
        "tablets",
        "tablet",
        "pills",
        "pill",
        "capsules",
        "shots",
        "shot",
        "injections",
        "jabs",
        "infusion",
        "drip",
    ),
}


def only_treatment_names(text: str, lexicon: Lexicon) -> bool:
    """A message that is nothing but a treatment's name ("lutathera", "captem?")."""
    words = normalize(text).split()
    spans = name_spans(words, lexicon)
    others = [w for i, w in enumerate(words) if not any(start <= i < end for start, end, _ in spans)]
    return bool(spans) and len(words) <= 4 and all(w in _NAME_ONLY_WORDS for w in others)


_DUTCH_ARTICLES = frozenset(("de", "het", "een"))


def name_spans(words: list[str], lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, treatment id) for each known name, longest first at each spot; a drug's
    name typed with a slip ("sunitinb", "everolimis") when no known name fits there."""
    phrases = phrase_table(lexicon)
    spans, i = [], 0
    while i < len(words):
        for size in range(min(_MAX_PHRASE_WORDS, len(words) - i), 0, -1):
            concept = phrases.get(" ".join(words[i : i + size]))
            following = words[i + size : i + size + 1]
            if concept == SURVEILLANCE and words[i + size - 1] == "watch" and _WATCHED_THING.intersection(following):
                continue
            if (
                words[i + size - 1] == "scan"
                and words[i + size - 2 : i + size - 1] == ["new"]
                and _SCAN_TOLD.intersection(following)
            ):
                continue  # "the new scan shows more spots": their latest scan, not the new tracer
            if words[i : i + size] == ["op"] and _DUTCH_ARTICLES.intersection(following):
                continue  # Dutch "groei op de scan": "on the", not an operation
            if concept:
                spans.append((i, i + size, concept))
                i += size
                break
        else:
            parts = REGIMEN_PARTS.get(words[i])
            if parts:  # "FOLFIRI": its drugs, the second joined to the first (a zero-width span right after it)
                spans += [(i, i + 1, parts[0]), *((i + 1, i + 1, part) for part in parts[1:])]
                i += 1
                continue
            concept = _misspelt_name(words[i], lexicon)
            if concept:
                spans.append((i, i + 1, concept))
            i += 1
    return spans


# Regimens the lexicon has no entry of their own for, read as the drugs they are made of (README: treatments are
# listed by their lexicon ids).
REGIMEN_PARTS: dict[str, tuple[str, ...]] = {
    "folfiri": ("fluorouracil", "irinotecan"),
    "xeliri": ("capecitabine", "irinotecan"),
    "capiri": ("capecitabine", "irinotecan"),
}
_MIN_MISSPELT = 7  # shorter words are too often other words one letter away
_MISSPELT_CUTOFF = 0.84


@lru_cache(maxsize=4096)
def _misspelt_name(word: str, lexicon: Lexicon) -> Optional[str]:
    """The drug a long unknown word plainly misspells (same first letter, one or two letters off);
    never an everyday word ("surgeon" is not "surgery")."""
    if len(word) < _MIN_MISSPELT or not word.isalpha() or word in _everyday():
        return None
    names = _single_word_names(lexicon)
    close = difflib.get_close_matches(word, [n for n in names if n[0] == word[0]], n=1, cutoff=_MISSPELT_CUTOFF)
    return names[close[0]] if close else None


@lru_cache(maxsize=4)
def _single_word_names(lexicon: Lexicon) -> dict[str, str]:
    return {
        phrase: concept
        for phrase, concept in phrase_table(lexicon).items()
        if " " not in phrase and len(phrase) >= _MIN_MISSPELT and phrase.isalpha() and phrase not in _everyday()
    }


@lru_cache(maxsize=1)
def _everyday() -> frozenset[str]:
    from bot.trials.lookup import everyday_words  # the Dale-Chall list; imported late (the trials package is heavier)

    return everyday_words() | _NOT_MISSPELT


# Words of a NET story one or two letters from a drug's or operation's name.
_NOT_MISSPELT = frozenset(
    (
        "infection",
        "infections",
        "inspection",
        "projection",
        "surgeon",
        "surgeons",
        "surgical",
        "oncologist",
        "radiologist",
        "chemist",
        "operating",
        "operated",
        "injected",
        "injecting",
        "scanning",
        "watched",
        "watches",
        "monitored",
        "therapist",
        "transplanted",
        # "surgeon" in the other languages people write in, not "chirurgie" (surgery)
        "chirurg",
        "chirurgen",
        "chirurgien",
        "chirurgiens",
        "chirurgo",
        "chirurgiem",
        "cirujano",
        "cirujana",
        "kirurgen",
    )
)


@lru_cache(maxsize=4)
def phrase_table(lexicon: Lexicon) -> dict[str, str]:
    """Every query phrase of the treatment vocabulary -> the one concept id it stands for.
    A phrase shared by several concepts ("monthly injection": lanreotide, octreotide and
    somatostatin analogues) stands for the group they share."""
    table = {**STORY_WORDS, **_SHORT_NAMES}
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


def name_of(concept_id: str, lexicon: Lexicon) -> Optional[str]:
    return next((phrase for phrase, concept in phrase_table(lexicon).items() if concept == concept_id), None)
