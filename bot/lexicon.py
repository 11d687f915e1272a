"""Treatment, condition and place vocabulary (data/lexicon/*.yml).

Two jobs: tag a trial record with the canonical concepts it is about (record side: generic
names, codes, brands), and resolve what a person typed (query side: also lay words and common
misspellings, with a fuzzy match as a last resort).
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Literal, Optional

import yaml

from bot.config import LEXICON_DIR
from bot.text import normalize

ConceptKind = Literal["treatment", "condition"]

# A typed word this close to a known name (difflib ratio) counts as a misspelling of it.
FUZZY_CUTOFF = 0.84
FUZZY_MIN_LENGTH = 5
# suggest(): a known name this close (difflib ratio, with enough letter triples in common, or
# one that starts with what was typed) is offered as "Did you mean ...?".
SUGGEST_CUTOFF = 0.75
SUGGEST_MIN_TRIGRAMS = 0.5  # Dice coefficient of letter triples: keeps other "-mab" drugs out
SUGGEST_PREFIX_SCORE = 0.8  # "octreo" -> octreotide
SUGGEST_MIN_LENGTH = 4
# A word in the names of this many concepts or more ("therapy", "tumour") names none of them.
GENERIC_WORD_CONCEPTS = 3
NEGATING_PREFIXES = ("non", "extra", "not ", "no ")
_BRACKETS = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class Concept:
    id: str
    kind: ConceptKind
    name: str
    group: Optional[str]
    record_terms: tuple[str, ...]  # normalised; matched in trial records
    query_terms: tuple[str, ...]  # normalised; matched in what people type
    also: tuple[str, ...] = ()  # broader concepts whose trials are relevant too
    surface_forms: tuple[str, ...] = ()  # as written in the lexicon, for the entity ruler
    brands: tuple[str, ...] = ()  # normalised; also in record_terms
    misspellings: tuple[str, ...] = ()  # normalised; also in query_terms

    @property
    def tag(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class Place:
    name: str  # as ClinicalTrials.gov writes it
    country: str  # for a city, its country; for a country, itself
    code: Optional[str]
    aliases: tuple[str, ...]  # normalised, including the name itself
    surface_forms: tuple[str, ...] = ()  # as written, for the entity ruler


class PhraseIndex:
    """Finds known phrases in a list of words quickly: look up by first word, longest first."""

    def __init__(self) -> None:
        self._by_first: dict[str, dict[tuple[str, ...], list[str]]] = {}
        # The same phrases, longest first, sorted once here rather than on every find().
        self._longest_first: dict[str, list[tuple[str, ...]]] = {}

    def add(self, phrase: str, value: str) -> None:
        words = tuple(phrase.split())
        if words:
            bucket = self._by_first.setdefault(words[0], {})
            values = bucket.setdefault(words, [])
            if value not in values:
                values.append(value)
            self._longest_first[words[0]] = sorted(bucket, key=len, reverse=True)

    def find(self, words: list[str]) -> list[tuple[str, str]]:
        """(phrase, value) for each known phrase in the words; longest match wins at a spot.

        One phrase may carry several values ("monthly injection": lanreotide, octreotide).
        """
        found: list[tuple[str, str]] = []
        i = 0
        while i < len(words):
            step = 1
            candidates = self._by_first.get(words[i], {})
            for phrase in self._longest_first.get(words[i], ()):
                if tuple(words[i : i + len(phrase)]) == phrase:
                    found.extend((" ".join(phrase), value) for value in candidates[phrase])
                    step = len(phrase)
                    break
            i += step
        return found

    def phrases(self) -> list[str]:
        return [" ".join(p) for bucket in self._by_first.values() for p in bucket]


def _norm_all(values: Iterable[object]) -> tuple[str, ...]:
    out = [normalize(str(v)) for v in values or () if v is not None]
    return tuple(dict.fromkeys(v for v in out if v))


class Lexicon:
    def __init__(self, concepts: list[Concept], places: list[Place], version: str) -> None:
        self.version = version
        self.concepts = {c.tag: c for c in concepts}
        self.places = places
        self._record_index = {kind: PhraseIndex() for kind in ("treatment", "condition")}
        self._query_index = {kind: PhraseIndex() for kind in ("treatment", "condition")}
        for concept in concepts:
            for term in concept.record_terms:
                self._record_index[concept.kind].add(term, concept.tag)
            for term in concept.query_terms:
                self._query_index[concept.kind].add(term, concept.tag)
        self._places_by_alias: dict[str, Place] = {}
        for place in places:
            for alias in place.aliases:
                self._places_by_alias.setdefault(alias, place)
        self._display = {tag: _display_forms(c) for tag, c in self.concepts.items()}
        self._generic_words = _generic_words(concepts)

    # -- record side -------------------------------------------------------------------
    def tag_text(self, kind: ConceptKind, text: str) -> set[str]:
        """Concept tags named in a piece of record text."""
        return {tag for _, tag in self._record_index[kind].find(normalize(text).split())}

    # -- query side --------------------------------------------------------------------
    def resolve(self, kind: ConceptKind, phrase: str) -> tuple[str, ...]:
        """Tags of the concepts a typed phrase names ("the radioactive drip" -> prrt).

        Exact or contained known phrases first; otherwise the closest known phrase, to catch
        misspellings not listed. Empty when nothing fits.
        """
        words = normalize(phrase).split()
        if not words:
            return ()
        index = self._query_index[kind]
        tags = [tag for _, tag in index.find(words)]
        if not tags:
            tags = self._fuzzy(index, words)
        return tuple(dict.fromkeys(tags))

    def expand(self, tags: Iterable[str]) -> dict[str, int]:
        """Tags to search for, with a weight: 2 for the concept asked for, 1 for broader ones."""
        weights: dict[str, int] = {}
        for tag in tags:
            weights[tag] = 2
        for tag in list(weights):
            concept = self.concepts.get(tag)
            if concept is None:
                continue
            for broader in concept.also:
                broader_tag = f"{concept.kind}:{broader}"
                if broader_tag in self.concepts:
                    weights.setdefault(broader_tag, 1)
        return weights

    def _fuzzy(self, index: PhraseIndex, words: list[str]) -> list[str]:
        phrases = index.phrases()
        candidates = {" ".join(words)}
        candidates.update(w for w in words if len(w) >= FUZZY_MIN_LENGTH)
        tags: list[str] = []
        for candidate in candidates:
            if len(candidate) < FUZZY_MIN_LENGTH:
                continue
            matches = difflib.get_close_matches(candidate, phrases, n=3, cutoff=FUZZY_CUTOFF)
            for match in [m for m in matches if not _negates(m, candidate)][:1]:
                tags.extend(tag for _, tag in index.find(match.split()))
        return tags

    def suggest(self, kind: ConceptKind, phrase: str, n: int = 3) -> list[str]:
        """Known names close to a phrase the lexicon does not know, best first, one per concept,
        as people write them ("lutetiun" -> ["lutetium"], "cabozantnib" -> ["cabozantinib"]);
        [] when nothing is close ("zolbetuximab") or the phrase only has generic words."""
        candidates = self._suggestion_candidates(phrase)
        best: dict[str, tuple[float, str]] = {}  # tag -> (score, known term)
        for concept in self.concepts.values():
            if concept.kind != kind:
                continue
            for term in concept.query_terms:
                score = max((_similarity(c, term) for c in candidates), default=0.0)
                if score >= SUGGEST_CUTOFF and score > best.get(concept.tag, (0.0, ""))[0]:
                    best[concept.tag] = (score, term)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
        names = [self._display_name(tag, term) for tag, (_, term) in ranked]
        return list(dict.fromkeys(names))[: max(0, n)]

    def _suggestion_candidates(self, phrase: str) -> list[str]:
        """The whole phrase and its longer words, leaving out words many concepts share."""
        words = [w for w in normalize(phrase).split() if w not in self._generic_words]
        candidates = [" ".join(words)] + [w for w in words if len(w) >= FUZZY_MIN_LENGTH]
        return [c for c in dict.fromkeys(candidates) if len(c) >= SUGGEST_MIN_LENGTH]

    def _display_name(self, tag: str, term: str) -> str:
        """A known term as people write it; a listed misspelling gives the name it misspells."""
        concept = self.concepts[tag]
        if term in concept.misspellings:
            term = difflib.get_close_matches(term, concept.record_terms, n=1, cutoff=0.0)[0]
        return self._display[tag].get(term, concept.name)

    def name_of(self, tag: str) -> str:
        concept = self.concepts.get(tag)
        return concept.name if concept else tag.split(":", 1)[-1]

    def plain_name(self, tag: str) -> str:
        """The name without its note in brackets: "pancreatic NET", "neuroendocrine tumour"."""
        return " ".join(_BRACKETS.sub(" ", self.name_of(tag)).split())

    def broader(self, tag: str) -> tuple[str, ...]:
        """Tags of the broader concepts of a concept (all of them: `also` lists are complete)."""
        concept = self.concepts.get(tag)
        if concept is None:
            return ()
        return tuple(t for t in (f"{concept.kind}:{b}" for b in concept.also) if t in self.concepts)

    # -- places ------------------------------------------------------------------------
    def place(self, phrase: str) -> Optional[Place]:
        key = normalize(phrase)
        return self._places_by_alias.get(key) or self._places_by_alias.get(key.removeprefix("the "))

    def country_code(self, phrase: Optional[str]) -> Optional[str]:
        """ISO code of the country a place name is in ("Manchester" -> "GB", "uk" -> "GB")."""
        place = self.place(phrase) if phrase else None
        if place is None:
            return None
        if place.code:
            return place.code
        country = self.place(place.country)
        return country.code if country and country.code else None

    def country_aliases(self, phrase: str) -> tuple[str, ...]:
        """Normalised names a country is stored under ("uk" -> "united kingdom")."""
        place = self.place(phrase)
        if place and place.code is not None:
            return (normalize(place.name),)
        return (normalize(phrase),)

    def city_aliases(self, phrase: str) -> tuple[str, ...]:
        """Normalised spellings of a city ("copenhagen" -> "kobenhavn", "copenhagen")."""
        place = self.place(phrase)
        if place and place.code is None:
            return place.aliases
        return (normalize(phrase),)

    def all_query_phrases(self, kind: ConceptKind) -> list[str]:
        return self._query_index[kind].phrases()


def _negates(known: str, typed: str) -> bool:
    """ "nonpancreatic" is no misspelling of "pancreatic": it says the opposite."""
    return any(known.startswith(p) and not typed.startswith(p) for p in NEGATING_PREFIXES)


def _similarity(typed: str, known: str) -> float:
    if _negates(known, typed):
        return 0.0
    if known.startswith(typed) and len(typed) >= SUGGEST_MIN_LENGTH:
        return max(SUGGEST_PREFIX_SCORE, len(typed) / len(known))
    matcher = difflib.SequenceMatcher(None, typed, known)
    if matcher.real_quick_ratio() < SUGGEST_CUTOFF or matcher.quick_ratio() < SUGGEST_CUTOFF:
        return 0.0
    if _trigram_dice(typed, known) < SUGGEST_MIN_TRIGRAMS:
        return 0.0
    return matcher.ratio()


def _trigram_dice(a: str, b: str) -> float:
    def trigrams(text: str) -> set[str]:
        padded = f"  {text} "
        return {padded[i : i + 3] for i in range(len(padded) - 2)}

    first, second = trigrams(a), trigrams(b)
    return 2 * len(first & second) / (len(first) + len(second))


def _display_forms(concept: Concept) -> dict[str, str]:
    """Normalised term -> as the lexicon writes it; brands with a capital ("Lutathera")."""
    forms: dict[str, str] = {}
    for written in concept.surface_forms:
        key = normalize(written)
        if key in concept.brands and written.islower():
            written = written[0].upper() + written[1:]
        forms.setdefault(key, written)
    return forms


def _generic_words(concepts: list[Concept]) -> frozenset[str]:
    concepts_with: dict[str, set[str]] = {}
    for concept in concepts:
        for term in concept.query_terms:
            for word in term.split():
                concepts_with.setdefault(word, set()).add(concept.tag)
    return frozenset(w for w, tags in concepts_with.items() if len(tags) >= GENERIC_WORD_CONCEPTS)


def suggest(kind: ConceptKind, phrase: str, n: int = 3, lexicon: Optional[Lexicon] = None) -> list[str]:
    """Known treatment or condition names close to a phrase (Lexicon.suggest), from the
    default lexicon unless another is given."""
    return (lexicon or default_lexicon()).suggest(kind, phrase, n)


def _concepts(kind: ConceptKind, entries: list[dict]) -> list[Concept]:
    concepts = []
    for entry in entries or []:
        recorded = [entry.get("name"), *entry.get("terms", []), *entry.get("brands", [])]
        typed = [*entry.get("lay", []), *entry.get("misspellings", [])]
        record = _norm_all(recorded)
        query = record + _norm_all(typed)
        concepts.append(
            Concept(
                id=str(entry["id"]),
                kind=kind,
                name=str(entry.get("name") or entry["id"]),
                group=entry.get("group"),
                record_terms=record,
                query_terms=tuple(dict.fromkeys(query)),
                also=tuple(entry.get("also", []) or []),
                surface_forms=tuple(str(v) for v in [*recorded, *typed] if v),
                brands=_norm_all(entry.get("brands", [])),
                misspellings=_norm_all(entry.get("misspellings", [])),
            )
        )
    return concepts


def _places(data: dict) -> list[Place]:
    places = []
    for kind in ("countries", "cities"):
        for entry in data.get(kind, []) or []:
            forms = tuple(str(v) for v in [entry["name"], *(entry.get("aliases") or [])])
            code = (entry.get("code") or "") if kind == "countries" else None
            country = entry["name"] if kind == "countries" else entry.get("country", "")
            places.append(Place(entry["name"], country, code, _norm_all(forms), forms))
    return places


def load_lexicon(folder: Path = LEXICON_DIR) -> Lexicon:
    digest = hashlib.sha256()
    loaded: dict[str, dict] = {}
    for name in ("treatments", "conditions", "places"):
        path = folder / f"{name}.yml"
        raw = path.read_bytes()
        digest.update(raw)
        loaded[name] = yaml.safe_load(raw) or {}
    concepts = _concepts("treatment", loaded["treatments"].get("treatments", []))
    concepts += _concepts("condition", loaded["conditions"].get("conditions", []))
    return Lexicon(concepts, _places(loaded["places"]), digest.hexdigest()[:16])


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
