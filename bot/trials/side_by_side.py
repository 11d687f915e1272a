"""Two trials side by side ("compare NCT03972488 and NCT01578239", "the first two"): what
each tests against what, phase, status, who it is for, where and how many people, short
enough for a chat bubble or an SMS. Never which is better: the trial teams and the person's
own specialist weigh that."""

from __future__ import annotations

import re
from typing import Optional, Sequence

from bot.knowledge.facts import Fact
from bot.knowledge.names import find_treatments
from bot.knowledge.side_facts import key_words
from bot.knowledge.sides import two_sides
from bot.profile.place import read_place
from bot.trials.about import PHASE_WORDS, tests_line
from bot.trials.lookup import find_lookups
from bot.trials.nct import find_nct_candidate, is_valid_nct_id
from bot.trials.not_listed import not_listed_name
from bot.trials.ordinal import LAST, ordinal_position
from bot.trials.present import MAX_PLACES_ON_CARD, dated_status_words, places_words, shown_title
from bot.trials.query import TrialDetail, TrialQuery
from bot.trials.store import TrialStore

# Longer than a card's title: the end of a title often says how two trials differ ("... Body and Tail ≤ 3cm")
TITLE_CHARS = 160
WHO_WEIGHS = (
    "Which suits someone better is not something I can judge: their specialist team and the trial teams can weigh it."
)
_NCT = re.compile(r"\bnct[\s\-_#:]*(?:\d[\s\-]?){8}\b", re.I)
_FIRST_TWO = re.compile(  # also "de två första", "die ersten zwei", "les deux premiers", "los dos primeros"
    r"\b(?:the\s+)?(?:first|top)\s+(?:two|2)\b|\b(?:två|tva)\s+(?:första|forsta)\b|\bersten\s+(?:zwei|2)\b"
    r"|\b(?:deux|2)\s+premi[eè]r(?:e)?s\b|\b(?:dos\s+primeros|primeros\s+dos)\b",
    re.I,
)
# "compare the last two", "the final 2", "the bottom two"
_LAST_TWO = re.compile(
    r"\b(?:the\s+)?(?:last|final|bottom)\s+(?:two|2)\b(?!\s*(?:years?|months?|weeks?|days?|cycles?|scans?))"
    r"|\b(?:två|tva)\s+sista\b",
    re.I,
)
# "compare NCT1 and NCT2, which is bigger?": "vs" and "compared with" ask for the comparison, not about the groups
_COMPARING = re.compile(r"\bvs\.?(?=\s|$)|\bversus\b|\bcompared?\s+(?:with|to|against)\b|\bcompare\b", re.I)
# "1 and 3", "the second and the last", "the 1st and 3rd", "2nd & 4th"
_PAIR = re.compile(
    r"\b(?:number\s+)?(\d(?:st|nd|rd|th)?|one|two|three|four|five|first|second|third|fourth|fifth|last)"
    r"(?:\s+(?:one|trial|study))?\s+(?:and|&|vs\.?|versus|or|with)\s+(?:the\s+)?(?:number\s+)?"
    r"(\d(?:st|nd|rd|th)?|one|two|three|four|five|first|second|third|fourth|fifth|last)\b",
    re.I,
)


def trials_named(text: str, shown: Sequence[str]) -> list[str]:
    """The two trials a message compares: two NCT numbers, or two positions in the results
    last shown ("the first two", "1 and 3", "the second and the last"); fewer when it names
    fewer."""
    ids = nct_ids_in(text)
    if len(ids) >= 2:
        return ids[:2]
    if _FIRST_TWO.search(text or ""):
        return list(shown[:2])
    if _LAST_TWO.search(text or ""):
        return list(shown[-2:])
    pair = _PAIR.search(text or "")
    if pair:
        picked = [_at(shown, ordinal_position(f"the {word} one") or ordinal_position(word)) for word in pair.groups()]
        return [p for p in dict.fromkeys(picked) if p]
    return ids


def nct_ids_in(text: Optional[str]) -> list[str]:
    """Every well-formed NCT number the message gives, once each, in order."""
    found = (find_nct_candidate(m.group(0)) for m in _NCT.finditer(text or ""))
    return list(dict.fromkeys(c for c in found if c and is_valid_nct_id(c)))


def names_two_listed(text: str) -> bool:
    """ "the first two", "the last two", "1 and 3", "jämför de två första": two positions in the results last shown."""
    return bool(_FIRST_TWO.search(text or "") or _LAST_TWO.search(text or "") or _PAIR.search(text or ""))


def without_comparing_words(text: str) -> str:
    """The message without the words that ask for the comparison itself ("vs", "compared with"), so what
    else it asks of both ("ONC201 trial vs the belzutifan one - how are the two drugs taken?") can be read."""
    return _COMPARING.sub(" ", text or "")


def _at(shown: Sequence[str], position: Optional[int]) -> Optional[str]:
    if position is None or not shown:
        return None
    if position == LAST:
        return shown[-1]
    return shown[position - 1] if 0 < position <= len(shown) else None


def other_side(text: str, store: TrialStore) -> Optional[str]:
    """In a comparison of one stored trial with something else ("CLARINET and PROMID", "cabaten v
    the dana farber cabo + nivolumab trial"), the words of the side that names no stored trial."""
    sides = two_sides(text)
    if sides is None:
        return None
    names = [find_lookups(words, store) for words in (sides.first, sides.second)]
    named = [bool(n.acronym or n.nct_ids) for n in names]
    if named == [True, False]:
        return sides.second
    return sides.first if named == [False, True] else None


_TRIAL_WORDS = re.compile(r"\b(?:trials?|stud(?:y|ies)|one)\b")


def described_trial(words: str, store: TrialStore) -> Optional[str]:
    """The one stored trial a side describes by its sponsor, place or drugs ("the dana farber
    cabo + nivolumab trial", "the utah pembro NEC one"), found by the search; None when the side
    does not speak of a trial or the search finds more than one."""
    if not _TRIAL_WORDS.search(words):
        return None
    wanted = _TRIAL_WORDS.sub(" ", key_words(words)).split()
    if not wanted:
        return None
    page = store.search(TrialQuery(text=" ".join(wanted), status="all", limit=2))
    if page.total == 1:
        return page.trials[0].nct_id
    for town in wanted:  # "the edmonton lutetium trial": a town of its sites, and what it gives
        rest = " ".join(w for w in wanted if w != town)
        page = store.search(TrialQuery(city=town, text=rest, status="all", limit=2)) if rest else page
        if rest and page.total == 1:
            return page.trials[0].nct_id
    return None


# "the lutathera ones", "those everolimus trials": a side that describes several trials
_SEVERAL = re.compile(r"\b(?:ones|trials|studies)\b", re.I)
_GROUP_WORDS = re.compile(r"\b(?:trials?|stud(?:y|ies)|ones?)\b")
# How many trials of a group are shown beside a named trial, and how many are looked at to count them
GROUP_SHOWN = 3
GROUP_COUNTED = 100


# Words of a group side that say nothing of what its trials give ("the other lanreotide trials")
_NOT_WHAT = re.compile(r"\b(?:other|others|any|some|similar|more|all|those|these)\b")
# "other trials near Leeds", "any trials close to me": a side that asks where, so a search
_NEAR = re.compile(r"\b(?:near|nearby|close\s+to|around|local|within|in\s+my\s+area)\b", re.I)


def describes_a_group(side: str) -> bool:
    """Whether a side speaks of several trials by a treatment or test they give ("the lutathera ones", "the
    other lanreotide trials") and of no place: "other trials near Leeds" and "similar trials" ask for a
    search, not a group to set beside a named trial."""
    if not _SEVERAL.search(side) or not any(not m.guessed for m in find_treatments(side)) or _NEAR.search(side):
        return False
    place = read_place(side)
    return not (place.city or place.region or place.country)


def described_group(words: str, store: TrialStore, besides: str) -> tuple[str, list[str], int]:
    """The stored trials a side describes as several by the treatment or test they give ("the lutathera
    ones": `describes_a_group`), leaving out the trial `besides`: the words that describe them, the ids of
    the first GROUP_SHOWN, and how many there are. ("", [], 0) when the side speaks of no such group or none
    match."""
    if not describes_a_group(words):
        return "", [], 0
    wanted = " ".join(_NOT_WHAT.sub(" ", _GROUP_WORDS.sub(" ", key_words(words))).split())
    if not wanted:
        return "", [], 0
    found = [t.nct_id for t in store.search(TrialQuery(text=wanted, status="all", limit=GROUP_COUNTED)).trials]
    others = [nct_id for nct_id in found if nct_id != besides]
    return wanted, others[:GROUP_SHOWN], len(others)


def trial_beside_group(trial: TrialDetail, what: str, group: Sequence[TrialDetail], total: int) -> str:
    """One named trial beside a group the person described ("SANO or the lutathera ones"): the named one,
    then what each of the first of the group tests, and how to see the rest."""
    heading = (
        f"Our list has {total} trials of {what}. The first {len(group)}:"
        if total > len(group)
        else (f"Our list has {total} trials of {what}:")
    )
    rest = f'To see all {total}, ask me for "{what} trials".' if total > len(group) else ""
    return "\n\n".join(part for part in [_one(trial), heading, *map(_brief, group), rest, WHO_WEIGHS] if part)


def _brief(trial: TrialDetail) -> str:
    """A trial of a group in three lines: its name, what it tests, its phase and status."""
    lines = _one(trial).splitlines()
    return "\n".join(line for line in lines if not line.startswith(("- For:", "- Where:", "- People:")))


def first_two_mentioning(words: str, store: TrialStore) -> list[str]:
    """ "the first two" when no list was shown: the first two trials of our list whose records
    have the words of what was talked about before ("von hippel lindau", "177Lu-DOTA-EB-TATE"),
    open ones first; fewer than two when our list has fewer."""
    wanted = " ".join(w for w in key_words(words).split() if not _TRIAL_WORDS.fullmatch(w))
    if not wanted:
        return []
    found: list[str] = []
    for status in ("open", "all"):
        found = [t.nct_id for t in store.search(TrialQuery(text=wanted, status=status, limit=2)).trials]
        if len(found) == 2:
            break
    return found


def trial_beside_facts(trial: TrialDetail, name: str, facts: Sequence[Fact]) -> str:
    """A stored trial beside one our list lacks but our facts know ("CLARINET and PROMID")."""
    known = "\n".join([f"{not_listed_name(name)} What our facts say about it:", *(f"- {fact.text}" for fact in facts)])
    return "\n\n".join([_one(trial), known, WHO_WEIGHS])


def side_by_side(first: TrialDetail, second: TrialDetail, asked_of_each: Sequence[str] = ()) -> str:
    """`asked_of_each`: what else the message asked of both, answered for each, before the hand-back."""
    parts = [_one(first), _one(second), *asked_of_each, WHO_WEIGHS]
    return "\n\n".join(parts)


def short_views(trials: Sequence[TrialDetail]) -> str:
    """Several trials the person named ("NCT02859064, NCT00326469, NCT03457948"), each in a few lines."""
    return "\n\n".join(_one(trial) for trial in trials)


def _one(trial: TrialDetail) -> str:
    phase = " and ".join(PHASE_WORDS[p] for p in trial.phases if p in PHASE_WORDS)
    lines = [  # the title often says best how two trials differ ("in Pancreatic NETs" / "Extrapancreatic")
        f"{trial.nct_id}{f' ({trial.acronym})' if trial.acronym else ''}: {shown_title(trial.title, TITLE_CHARS)}",
        f"- {tests_line(trial).replace('What it tests: ', 'Tests: ').replace('What it is: ', '')}",
        f"- {phase[:1].upper() + phase[1:]}" if phase else "",
        f"- Status: {_status(trial)}",
        f"- For: {_who(trial)}",
        f"- Where: {_where(trial)}",
        _people(trial),
    ]
    return "\n".join(line for line in lines if line)


def _status(trial: TrialDetail) -> str:
    """The status as a trial's view says it, with "recruiting", the registry's word, beside "open"."""
    words = dated_status_words(trial.status, trial.status_as_of)
    if (trial.status or "").upper() == "RECRUITING" and "recruit" not in words.lower():
        return words.replace("Open: looking for people to join", "Open and recruiting: looking for people to join", 1)
    return words


def _people(trial: TrialDetail) -> str:
    """How many people, said as people ("about 6 people"); a withdrawn trial took no one."""
    if (trial.status or "").upper() == "WITHDRAWN":
        return "- People: none, as it was withdrawn before anyone took part"
    return f"- People: about {trial.enrollment:,} people" if trial.enrollment else ""


def _where(trial: TrialDetail) -> str:
    """The towns when there are only a few ("Toronto and Hamilton, Canada": two trials in one
    country often differ only there), else the countries."""
    towns: dict[str, list[str]] = {}
    for site in trial.sites:
        if site.city and site.country and site.city not in towns.setdefault(site.country, []):
            towns[site.country].append(site.city)
    if not towns or sum(len(t) for t in towns.values()) > MAX_PLACES_ON_CARD:
        return places_words(trial.countries, tuple(s.city for s in trial.sites if s.city))
    return "; ".join(f"{_listed(cities)}, {country}" for country, cities in towns.items())


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _who(trial: TrialDetail) -> str:
    low, high = trial.min_age_years, trial.max_age_years
    ages = (
        f"aged {low:g} to {high:g}"
        if low is not None and high is not None
        else f"aged {low:g} or over"
        if low is not None
        else f"up to {high:g}"
        if high is not None
        else "any age given"
    )
    sex = {"FEMALE": "women", "MALE": "men"}.get(trial.sex or "", "people")
    condition = trial.conditions[0] if trial.conditions else "the condition in the record"
    return f"{sex} {ages}, with {condition}"
