"""Build the spaCy pipeline Rasa uses: spacy.blank("en") plus an entity ruler.

No pretrained model is downloaded: the ruler's patterns come from our lexicon (treatments,
conditions and places, with brands, lay words and misspellings), the database vocabulary
(intervention names and other names, conditions, countries and cities of the stored trials),
and fixed patterns for phases, statuses and NCT ids. Rasa's SpacyEntityExtractor reads the
entities; the words-and-meaning classifier (components/intent_classifier.py) does the intents.
Rebuilt only when its inputs change.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterable

from bot.config import SPACY_PIPELINE_DIR
from bot.lexicon import Lexicon
from bot.text import normalize
from bot.trials.lookup import everyday_words
from bot.trials.store import TrialStore

PIPELINE_VERSION = "4"  # bump when the code below changes what is built
STAMP_FILE = "inputs.sha256"
MAX_VOCABULARY_WORDS = 6
# Record vocabulary that is not something a person searches by.
IGNORED_VOCABULARY = {"placebo", "oncology", "metastasis", "advanced cancer", "other"}
# Towns in the records that are everyday words beyond textstat's easy-word list ("a mobile app").
EVERYDAY_PLACE_NAMES = {"mobile", "nice", "orange", "normal", "independence", "liberty", "hope", "paradise"}

Pattern = dict[str, Any]


def phrase_pattern(label: str, phrase: str) -> list[Pattern]:
    """Token patterns for a phrase, tolerant of case and of punctuation between words
    ("Lu-177 dotatate", "lu 177 dotatate"); accented and plain spellings both match."""
    patterns = []
    for words in {tuple(normalize(phrase).split()), tuple(phrase.lower().split())}:
        if not words:
            continue
        tokens: list[dict] = []
        for i, word in enumerate(words):
            if i:
                tokens.append({"IS_PUNCT": True, "OP": "?"})
            tokens.append({"LOWER": word})
        patterns.append({"label": label, "pattern": tokens})
    return patterns


def fixed_patterns() -> list[Pattern]:
    numbers = {"1": ["1", "i", "one"], "2": ["2", "ii", "two"], "3": ["3", "iii", "three"], "4": ["4", "iv", "four"]}
    patterns: list[Pattern] = []
    for spellings in numbers.values():
        for spelling in spellings:
            patterns.append(
                {"label": "phase", "pattern": [{"LOWER": "phase"}, {"IS_PUNCT": True, "OP": "?"}, {"LOWER": spelling}]}
            )
        patterns.append({"label": "phase", "pattern": [{"LOWER": f"phase{spellings[0]}"}]})
    for phrase in [
        "recruiting",
        "not yet recruiting",
        "open",
        "still open",
        "closed",
        "finished",
        "completed",
        "ended",
    ]:
        patterns += phrase_pattern("status", phrase)
    patterns.append({"label": "nct_id", "pattern": [{"LOWER": {"REGEX": r"^nct[\-_#:]?\d+$"}}]})
    patterns.append(
        {
            "label": "nct_id",
            "pattern": [
                {"LOWER": "nct"},
                {"IS_PUNCT": True, "OP": "?"},
                {"IS_DIGIT": True},
                {"IS_DIGIT": True, "OP": "?"},
            ],
        }
    )
    return patterns


def lexicon_patterns(lexicon: Lexicon) -> list[Pattern]:
    patterns: list[Pattern] = []
    for concept in lexicon.concepts.values():
        for form in concept.surface_forms:
            patterns += phrase_pattern(concept.kind, form)
    for place in lexicon.places:
        label = "country" if place.code is not None else "city"
        for form in place.surface_forms:
            patterns += phrase_pattern(label, form)
    return patterns


def vocabulary_patterns(vocabulary: dict[str, list[str]], known: set[str]) -> list[Pattern]:
    """Record names the lexicon does not know yet (`known`: normalised lexicon phrases,
    which keep the lexicon's label)."""
    patterns: list[Pattern] = []
    everyday = everyday_words()
    for label, names in vocabulary.items():
        for name in names:
            key = normalize(name)
            if not key or key in known or key in IGNORED_VOCABULARY:
                continue
            if " " not in key and (key in everyday or key in EVERYDAY_PLACE_NAMES):  # "Mobile", "Liver"
                continue
            if len(key.split()) <= MAX_VOCABULARY_WORDS:
                patterns += phrase_pattern(label, name)
    return patterns


TRIAL_NAME = "trial_name"  # a stored trial's acronym: read by components/trial_names.py, not an entity slot


def trial_name_patterns(acronyms: Iterable[str], known: set[str]) -> list[Pattern]:
    """Patterns for the stored trials' acronyms ("NETTER-2", "netter 2", "clarinet"), except
    those that are also a treatment's or a condition's name (`known`), which keep that label."""
    return [
        pattern
        for name in acronyms
        if len(normalize(name).replace(" ", "")) >= 3 and normalize(name) not in known
        for pattern in phrase_pattern(TRIAL_NAME, name)
    ]


def lexicon_phrases(lexicon: Lexicon) -> set[str]:
    phrases = {p for kind in ("treatment", "condition") for p in lexicon.all_query_phrases(kind)}
    return phrases | {alias for place in lexicon.places for alias in place.aliases}


def _unique(patterns: Iterable[Pattern]) -> list[Pattern]:
    seen: dict[str, Pattern] = {}
    for pattern in patterns:
        seen.setdefault(json.dumps(pattern, sort_keys=True), pattern)
    return list(seen.values())


def all_patterns(lexicon: Lexicon, vocabulary: dict[str, list[str]], acronyms: Iterable[str] = ()) -> list[Pattern]:
    return _unique(
        [
            *fixed_patterns(),
            *lexicon_patterns(lexicon),
            *vocabulary_patterns(vocabulary, lexicon_phrases(lexicon)),
            *trial_name_patterns(acronyms, lexicon_phrases(lexicon)),
        ]
    )


def build_pipeline(patterns: list[Pattern], target: Path) -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": None, "overwrite_ents": True})
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]  # add_pipe returns the EntityRuler itself
    target.parent.mkdir(parents=True, exist_ok=True)
    # Build beside the target, then swap, so a running server never sees half a pipeline.
    staging = Path(tempfile.mkdtemp(prefix=target.name + ".", dir=target.parent))
    nlp.to_disk(staging)
    old = target.with_name(target.name + ".old")
    if target.exists():
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def build_pipeline_if_changed(
    store: TrialStore, target: Path = SPACY_PIPELINE_DIR, force: bool = False
) -> tuple[Path, bool]:
    patterns = all_patterns(store.lexicon, store.vocabulary(), store.names().get("acronym", []))
    digest = hashlib.sha256((PIPELINE_VERSION + json.dumps(patterns, sort_keys=True)).encode("utf-8")).hexdigest()
    stamp = target / STAMP_FILE
    if not force and stamp.exists() and stamp.read_text().strip() == digest:
        return target, False
    build_pipeline(patterns, target)
    stamp.write_text(digest + "\n")
    return target, True
