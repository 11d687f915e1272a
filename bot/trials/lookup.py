"""Trials looked up by name: acronyms and other ids, sponsors and sites.

One way of reading names serves three users:

- the importer keys acronyms and ids with `name_key` (letters and digits only, so "NETTER-2",
  "netter 2" and "netter2" are one key) and indexes sponsors' and sites' names by `name_words`;
- a search filter asks for the `filter_words` of what was typed (bot/trials/search.py): every
  one in one name, generic words left out ("Royal Free Hospital" -> royal free);
- `find_lookups` finds the names of stored trials that a piece of free text mentions
  ("netter 2 still recruiting?", "the novartis one", "anything at the christie"), for the chat.

How free text is matched (`find_lookups`):

- acronyms and ids: any run of up to four words whose letters and digits together are a stored
  key ("netter 2", "NETTER-2", "netter2"). An acronym that is one plain word a person could
  use in passing (HOPE, CARE: an everyday word of `everyday_words`, a treatment or condition
  word, a place) counts only in capitals or next to "trial" or "study" ("the hope trial");
- sponsors and sites: a run of words of a stored name, in order, that says something: two or
  more words that are not all generic ("royal free"), or one distinctive word ("christie",
  "novartis"). Generic words ("hospital", "university", "cancer", "centre"), everyday words,
  treatment and condition words, place names and words in many names never match alone;
  a place name matches only as part of the whole name ("lund university hospital", not
  "lund"). A word of three letters names a body alone only as written as a name: in capitals
  ("UCL"), beside "trials" or after "at"/"by" ("ieo trials"); small and generic words of other
  languages ("per", "lo", "studio", "cura") are never a name's part, so "per MD Anderson" or
  Swedish "med" name no sponsor. One sponsor's word that several companies share ("merck")
  is kept as typed, so the search takes them all. When one run names both a sponsor and a
  site, "by"/"from" before it means the sponsor, otherwise the site.

The vocabulary (acronyms, ids, sponsor and site names, place words) is read from the database
once per store and read again only when the store's data has changed (TrialStore.data_version).
"""

from __future__ import annotations

import bisect
import importlib.util
import re
import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from bot.text import strip_accents
from bot.trials.fulltext import STOPWORDS as QUERY_STOPWORDS

if TYPE_CHECKING:  # the store imports this module; only its type is needed here
    from bot.trials.store import TrialStore

# Small words of names in several languages: never indexed, never matched.
NAME_STOPWORDS = frozenset(
    """a an and at for in of on the to with de del della di da das der die du des la le les y e et und van von en
    per lo dei degli delle dello al el los las aux zu zum zur fur voor het och i o por para pour sur""".split()
)
# Words that say what kind of place or body a name is, not which one. Never enough alone;
# a filter drops them when the name has any other word ("Royal Free Hospital" -> royal free).
GENERIC_WORDS = frozenset(
    """hospital hospitals hopital hopitaux hospitalier hospitaliers hospitalario ospedale
    ospedaliera krankenhaus ziekenhuis ziekenhuizen sjukhus sygehus hospitalet uz
    university universities universitaire universitaires universitario universitaria
    universita universitat universitatsklinikum universiteit universitetssjukhuset
    clinic clinics clinical clinique cliniques clinica klinik klinikum kliniken
    centre center centres centers centrum centro
    cancer cancers oncology oncologia oncologie tumor tumour tumores
    institute institut instituto istituto institution medical medicine medicina health
    healthcare care research sciences science nhs foundation trust college school general
    regional national memorial site sites unit units group department division network
    consortium cooperative trials trial study studies investigative investigational
    comprehensive affiliated teaching pharmaceuticals pharmaceutical pharma therapeutics
    biosciences biotech inc llc ltd limited gmbh ag sa co corp corporation company plc
    bv srl spa nv ab as
    scientifico scientifique scientifica studio studi cura tumori tumeurs ricerca recherche investigacion
    oncologico oncologica oncologique gruppo grupo gruppe groupe fondazione fundacion stichting azienda
    ospedali ospedaliera ospedaliero ospedaliere nazionale nationales medica medicale medecine""".split()
)
TRIAL_WORDS = frozenset({"trial", "trials", "study", "studies"})
# "St Thomas' Hospital": "thomas" alone is someone's name, "st thomas" the hospital's.
SAINT_WORDS = frozenset({"st", "saint", "sainte", "ste", "san", "santa", "santo", "sao", "sankt"})
SPONSOR_CUES = frozenset({"by", "from", "sponsor", "sponsors", "sponsored", "funded", "company"})
SITE_CUES = frozenset({"at", "near"})
MAX_WORD_LENGTH = 100  # name_words.word; a longer "word" is not a name anyone types
MAX_KEY_WORDS = 4  # "neo lu pa net" -> neolupanet
MIN_DISTINCT_LENGTH = 3
MIN_LOWER_NAME_LENGTH = 4  # a shorter word alone is a name only in capitals
MIN_GROUP_PREFIX = 4  # as bot/trials/search.py finds the keys an acronym starts (MIN_PREFIX_KEY)
# A word in more names of a kind than this (or than 1 in 200 of them) is too common alone.
COMMON_NAME_WORD_COUNT = 3
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
_TOKEN = re.compile(r"[0-9A-Za-z\u00c0-\u024f]+")
_NCT = re.compile(r"\bnct[\s\-_#:]*((?:\d[\s\-]?){8})(?!\d)", re.IGNORECASE)


# -- keys and words --------------------------------------------------------------------------
def _tokens(text: str) -> list[str]:
    """Words as written (case kept), without accents or apostrophes: "King's" -> "Kings"."""
    if not text.isascii():
        text = strip_accents(_APOSTROPHES.sub("", text))
    elif "'" in text or "`" in text:
        text = _APOSTROPHES.sub("", text)
    return _TOKEN.findall(text)


def name_key(text: str) -> str:
    """Letters and digits only, lower case: "NETTER-2", "netter 2" -> "netter2"."""
    return "".join(_tokens(text)).lower()


def name_words(text: str) -> list[str]:
    """The words a name is indexed by, once each: lower case, no accents or apostrophes, no
    small words. "The Christie NHS Foundation Trust" -> christie nhs foundation trust."""
    words = _tokens(text.lower())
    return list(dict.fromkeys(w for w in words if w not in NAME_STOPWORDS and len(w) <= MAX_WORD_LENGTH))


def site_words(text: str) -> list[str]:
    """The words a site's name is indexed by: not generic, not numbers ("Clinical Research
    Site 12" has none; "Royal Free Hospital" -> royal free)."""
    return [w for w in name_words(text) if w not in GENERIC_WORDS and not w.isdigit()]


def filter_words(kind: str, text: str) -> list[str]:
    """The words a filter by a sponsor's or site's name asks for, all in one name. A site: its
    indexed words (site_words; "Hospital 12 de Octubre" -> octubre). A sponsor: its words
    without generic ones, or all of them when every word is generic ("National Cancer
    Institute")."""
    if kind == "site":
        return site_words(text)
    words = name_words(text)
    return [w for w in words if w not in GENERIC_WORDS] or words


# -- what free text names ---------------------------------------------------------------------
@dataclass(frozen=True)
class Lookups:
    """Names of stored trials found in a piece of free text, as the records write them. Each
    can be passed on as it is: TrialQuery(acronym=..., sponsor=..., site=...)."""

    acronym: Optional[str] = None  # an acronym or another id of a trial: "NETTER-2"
    sponsor: Optional[str] = None  # a lead sponsor or collaborator: "Novartis Pharmaceuticals"
    site_name: Optional[str] = None  # a site (facility): "The Christie NHS Foundation Trust"
    nct_ids: tuple[str, ...] = ()  # NCT numbers in the text, tidied: "NCT03972488"

    @property
    def found(self) -> bool:
        return bool(self.acronym or self.sponsor or self.site_name or self.nct_ids)


@dataclass(frozen=True)
class _Match:
    name: str
    start: int  # first matched word of the text
    end: int  # one past the last
    score: tuple[int, ...]  # higher is better


@dataclass
class _NameIndex:
    """The stored names of one kind (sponsor or site), by word."""

    names: list[str]
    words: list[list[str]] = field(default_factory=list)
    by_word: dict[str, list[int]] = field(default_factory=dict)
    # The different bodies a word names: "The Christie NHS Trust" and "Christie Hospital" are
    # one (the same words once generic ones are dropped), so "christie" is not a common word.
    bodies_by_word: dict[str, set[frozenset[str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for number, name in enumerate(self.names):
            words = name_words(name)
            self.words.append(words)
            body = frozenset(w for w in words if w not in GENERIC_WORDS)
            for word in body:  # a run is found from a word that is not generic
                self.by_word.setdefault(word, []).append(number)
                self.bodies_by_word.setdefault(word, set()).add(body)

    def common_count(self) -> int:
        return max(COMMON_NAME_WORD_COUNT, len(self.names) // 200)


class Vocabulary:
    """What `find_lookups` matches free text against, built from one store's data."""

    def __init__(
        self,
        names: dict[str, list[str]],
        plain_words: Iterable[str],
        place_names: Iterable[str],
        whole_terms: Iterable[str] = (),
    ) -> None:
        self.keys: dict[str, str] = {}
        for value in names.get("acronym", []):
            self.keys.setdefault(name_key(value), value)
        for value in names.get("id", []):
            if _usable_id(name_key(value)):
                self.keys.setdefault(name_key(value), value)
        self.sorted_keys = sorted(self.keys)
        self.sponsors = _NameIndex(sorted(set(names.get("sponsor", []))))
        self.sites = _NameIndex(sorted(set(names.get("site", []))))
        self.places = frozenset(w for place in place_names for w in name_words(place))
        self.plain = frozenset(plain_words) | QUERY_STOPWORDS | NAME_STOPWORDS | GENERIC_WORDS
        # Words that are a treatment's or condition's whole name ("NET", "PRRT") or everyday
        # words: never a sponsor's name, even in capitals.
        self.whole_terms = frozenset(whole_terms) | everyday_words()

    # -- acronyms and ids ------------------------------------------------------------------
    def acronym(self, tokens: list[str], anchored: bool = False) -> Optional[_Match]:
        """The longest acronym or id named; with `anchored`, only one starting at the first token."""
        words = [t.lower() for t in tokens]
        best: Optional[_Match] = None
        for start in range(1 if anchored else len(words)):
            for end in range(start + 1, min(len(words), start + MAX_KEY_WORDS) + 1):
                value = self.keys.get("".join(words[start:end])) or self._group_prefix(tokens, start, end)
                if value is None or not self._says_acronym(tokens, start, end):
                    continue
                match = _Match(value, start, end, (end - start, len(name_key(value))))
                if best is None or match.score > best.score:
                    best = match
        return best

    def all_acronyms(self, tokens: list[str]) -> list[_Match]:
        """Every acronym or id named, left to right, none overlapping ("netter 1 vs netter 2")."""
        found: list[_Match] = []
        start = 0
        while start < len(tokens):
            # anchored: "clarinet vs netter 2" names CLARINET before the longer NETTER-2 after it
            match = self.acronym(tokens[start : start + MAX_KEY_WORDS], anchored=True)
            if match is None:
                start += 1
                continue
            found.append(_Match(match.name, start + match.start, start + match.end, match.score))
            start += match.end
        return found

    def _group_prefix(self, tokens: list[str], start: int, end: int) -> Optional[str]:
        """A study group's name that starts the ids of its trials ("GETNE" of GETNE1206 and
        GETNE-T1914), as typed: one word of letters in capitals, or beside "trials"."""
        word = tokens[start]
        if end - start > 1 or not word.isalpha() or len(word) < MIN_GROUP_PREFIX:
            return None
        if not (word.isupper() or self._beside_trial_words(tokens, start, end)) or self._is_plain(word.lower()):
            return None
        key = word.lower()
        at = bisect.bisect_left(self.sorted_keys, key)
        starts = at < len(self.sorted_keys) and self.sorted_keys[at].startswith(key)
        return word if starts else None

    def _beside_trial_words(self, tokens: list[str], start: int, end: int) -> bool:
        beside = {t.lower() for t in tokens[max(0, start - 1) : start] + tokens[end : end + 1]}
        return bool(beside & TRIAL_WORDS)

    def _says_acronym(self, tokens: list[str], start: int, end: int) -> bool:
        """A plain word is an acronym only in capitals or beside "trial" or "study"."""
        key = "".join(tokens[start:end]).lower()
        if end - start > 1 or not key.isalpha() or not self._is_plain(key):
            return True
        return tokens[start].isupper() or self._beside_trial_words(tokens, start, end)

    def _is_plain(self, word: str) -> bool:
        return word in self.plain or word in self.places or word.isdigit() or len(word) < MIN_DISTINCT_LENGTH

    # -- sponsors and sites ----------------------------------------------------------------
    def name(
        self,
        index: _NameIndex,
        words: list[str],
        skip: set[int],
        marked: frozenset[int] = frozenset(),
        capitals: frozenset[int] = frozenset(),
    ) -> Optional[_Match]:
        """The best run of a stored name's words in the text (words in `skip` are taken; words
        in `marked` were written as a name: in capitals beside "trials", "ITM trials"; words in
        `capitals` were written in capitals: "UCL", not "med")."""
        best: Optional[_Match] = None
        for anchor, word in enumerate(words):
            if anchor in skip:
                continue
            for number in index.by_word.get(word, ()):
                match = self._run(index, number, words, anchor, skip, anchor in marked, anchor in capitals)
                if match and (best is None or match.score > best.score):
                    best = match
        return best

    def _run(
        self,
        index: _NameIndex,
        number: int,
        words: list[str],
        anchor: int,
        skip: set[int],
        marked: bool = False,
        in_capitals: bool = False,
    ) -> Optional[_Match]:
        """The run of the name's words around words[anchor], if it says the name."""
        name = index.words[number]
        at = name.index(words[anchor])

        def same(offset: int) -> bool:
            i, j = anchor + offset, at + offset
            return 0 <= i < len(words) and 0 <= j < len(name) and i not in skip and words[i] == name[j]

        first = 0
        while same(first - 1):
            first -= 1
        last = 0
        while same(last + 1):
            last += 1
        run = name[at + first : at + last + 1]
        alone = first == last == 0
        if not self._says_name(index, name, at + first, run, marked and alone):
            return None
        if alone and len(words[anchor]) < MIN_LOWER_NAME_LENGTH and not in_capitals:
            return None  # "med", "per", "sen": a short word names a body alone only as an acronym ("UCL", "IEO")
        core = [w for w in run if w not in GENERIC_WORDS]
        # A sponsor's one word that names several ("merck": Merck KGaA, Merck Sharp & Dohme): the
        # word typed, so the search takes them all (sites' names vary too much to tell bodies apart)
        bodies = index.bodies_by_word.get(core[0], set()) if len(core) == 1 and index is self.sponsors else set()
        several = len({body - self.places for body in bodies}) > 1
        said = core[0].title() if several and len(run) < len(name) else index.names[number]
        return _Match(said, anchor + first, anchor + last + 1, (len(core), len(run), -len(name)))

    def _says_name(self, index: _NameIndex, name: list[str], start: int, run: list[str], marked: bool = False) -> bool:
        core = [w for w in run if w not in GENERIC_WORDS]
        if not core:
            return False
        if len(run) == len(name) and len(run) > 1:
            return True  # the whole name, e.g. "Lund University Hospital"
        if all(w in self.places for w in core):
            return False
        if len(core) > 1:
            return True
        word = core[0]
        position = name.index(word)
        after_saint = position > 0 and name[position - 1] in SAINT_WORDS and position - 1 < start
        named = marked and word not in self.whole_terms
        return (
            not after_saint
            and (named or not self._is_plain(word))
            and len(index.bodies_by_word.get(word, ())) <= index.common_count()
        )


def _usable_id(key: str) -> bool:
    """An id a person could type on purpose: letters and digits ("GETNE1206"), or a long
    number (a EudraCT number), never a short number anyone might say."""
    has_letter = any(c.isalpha() for c in key)
    has_digit = any(c.isdigit() for c in key)
    return (has_letter and has_digit and len(key) >= 5) or (key.isdigit() and len(key) >= 8)


def find_lookups(text: str, store: "TrialStore") -> Lookups:
    """The stored trial names (acronym or id, sponsor, site) and the NCT ids that a piece of
    free text mentions; fields stay None when nothing is named."""
    tokens = _tokens(text or "")
    vocabulary = vocabulary_for(store)
    acronym = vocabulary.acronym(tokens)
    taken = range(acronym.start, acronym.end) if acronym else range(0)
    # Names are matched on the words that are not small ones, as they are indexed.
    kept = [i for i, t in enumerate(tokens) if t.lower() not in NAME_STOPWORDS]
    words = [tokens[i].lower() for i in kept]
    skip = {n for n, i in enumerate(kept) if i in taken}
    marked = frozenset(n for n, i in enumerate(kept) if _written_as_a_name(tokens, i))
    capitals = frozenset(n for n, i in enumerate(kept) if _written_as_short_name(tokens, i))
    sponsor = vocabulary.name(vocabulary.sponsors, words, skip, marked, capitals)
    site = vocabulary.name(vocabulary.sites, words, skip, marked, capitals)
    if sponsor and site and _overlap(sponsor, site):
        before = [t.lower() for t in tokens[: kept[min(sponsor.start, site.start)]]][-2:]  # "at the"
        if _means_sponsor(words, sponsor, site, before):  # then the site may be named elsewhere
            site = vocabulary.name(
                vocabulary.sites, words, skip | set(range(sponsor.start, sponsor.end)), marked, capitals
            )
        else:
            sponsor = vocabulary.name(
                vocabulary.sponsors, words, skip | set(range(site.start, site.end)), marked, capitals
            )
    return Lookups(
        acronym=acronym.name if acronym else None,
        sponsor=sponsor.name if sponsor else None,
        site_name=site.name if site else None,
        nct_ids=nct_ids_in(text or ""),
    )


def _written_as_a_name(tokens: list[str], i: int) -> bool:
    """A word in capitals right before "trials" or "studies" ("ITM trials?")."""
    word = tokens[i]
    return (
        len(word) >= MIN_DISTINCT_LENGTH
        and word.isalpha()
        and word.isupper()
        and i + 1 < len(tokens)
        and tokens[i + 1].lower() in TRIAL_WORDS
    )


def _written_as_short_name(tokens: list[str], i: int) -> bool:
    """A short word written as a body's name: in capitals ("UCL"), or beside "trials" or after
    "at"/"by" ("ieo trials", "anything at ucl"); not "med" or "sen" in a sentence."""
    before = tokens[i - 1].lower() if i > 0 else ""
    after = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    cues = TRIAL_WORDS | SITE_CUES | SPONSOR_CUES
    return tokens[i].isupper() or before in cues or after in TRIAL_WORDS


def acronyms_in(text: str, store: "TrialStore") -> list[str]:
    """Every stored trial acronym or id the text names, in order, once each."""
    matches = vocabulary_for(store).all_acronyms(_tokens(text or ""))
    return list(dict.fromkeys(match.name for match in matches))


def nct_ids_in(text: str) -> tuple[str, ...]:
    """Every NCT number in the text, tidied ("nct 0397 2488" -> NCT03972488), once each."""
    found = ("NCT" + re.sub(r"\D", "", m.group(1)) for m in _NCT.finditer(text))
    return tuple(dict.fromkeys(found))


NCT_DIGITS = 8


def stored_nct_meant(typed: Optional[str], store: "TrialStore") -> Optional[str]:
    """The stored trial an NCT number plainly means: itself when stored, else the only stored
    number one slip away (a digit dropped, added or changed, or two side by side swapped);
    None when there is no such number or more than one."""
    digits = re.sub(r"\D", "", typed or "")
    if not digits or abs(len(digits) - NCT_DIGITS) > 1:
        return None
    meant = store.stored_ids({"NCT" + d for d in _one_slip_away(digits) if len(d) == NCT_DIGITS})
    exact = "NCT" + digits
    if exact in meant:
        return exact
    return meant[0] if len(meant) == 1 else None


def _one_slip_away(digits: str) -> set[str]:
    found = {digits}
    for i in range(len(digits) + 1):
        found |= {digits[:i] + d + digits[i:] for d in "0123456789"}  # one dropped
        if i < len(digits):
            found.add(digits[:i] + digits[i + 1 :])  # one added
            found |= {digits[:i] + d + digits[i + 1 :] for d in "0123456789"}  # one changed
        if i + 1 < len(digits):
            found.add(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :])  # two swapped
    return found


def _overlap(a: _Match, b: _Match) -> bool:
    return a.start < b.end and b.start < a.end


def _sponsor_cue(words: list[str], start: int) -> bool:
    """True when the word before a name says "sponsor": "run by", "from", "sponsored by"."""
    return start > 0 and words[start - 1] in SPONSOR_CUES


def _means_sponsor(words: list[str], sponsor: _Match, site: _Match, before: list[str]) -> bool:
    """Words that name both a sponsor and a site: the sponsor after "by", "from"...; the site
    after "at" (`before`: the two tokens before the name as written, small words kept);
    otherwise the sponsor when the site is only named after it (a company's placeholder such as
    "Novartis Investigative Site"), else the site."""
    if _sponsor_cue(words, min(sponsor.start, site.start)):
        return True
    if SITE_CUES & set(before):
        return False
    return set(site_words(site.name)) <= set(name_words(sponsor.name))


# -- the vocabulary, once per store -------------------------------------------------------------
_CACHE: "weakref.WeakKeyDictionary[TrialStore, tuple[str, Vocabulary]]" = weakref.WeakKeyDictionary()


def vocabulary_for(store: "TrialStore") -> Vocabulary:
    """The store's vocabulary, read again only after its data changed."""
    version = store.data_version()
    cached = _CACHE.get(store)
    if cached is not None and cached[0] == version:
        return cached[1]
    names = store.names()
    lexicon = store.lexicon
    phrases = [*lexicon.all_query_phrases("treatment"), *lexicon.all_query_phrases("condition")]
    plain = everyday_words() | _lexicon_words(phrases)
    places = [*names.get("place", []), *(alias for place in lexicon.places for alias in place.aliases)]
    vocabulary = Vocabulary(names, plain, places, whole_terms=(p for p in phrases if " " not in p))
    _CACHE[store] = (version, vocabulary)
    return vocabulary


def _lexicon_words(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(word for phrase in phrases for word in phrase.split())


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """About 3,000 familiar English words (the Dale-Chall list that textstat ships, a pinned
    dependency); empty if it is missing, which only makes plain-word acronyms match more."""
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "en" / "easy_words.txt"
    if not path.exists():
        return frozenset()
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w.strip())
