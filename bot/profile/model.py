"""What we know about the person a conversation is about: one typed, immutable profile.

A profile is built from each message (`bot.profile.read.read_message`) and merged into the one
kept from earlier turns (`Profile.merged`): a value said later replaces one said earlier (that
is how "sorry, I meant 67" corrects), lists grow, and nothing said before is lost. A new subject
("sorry, it's for my dad not me") takes the place of the old one with its own age and sex; a
relative named in passing ("my husband has collapsed") does not. It travels
between turns as a plain dict (`as_dict` / `from_dict`), so it fits in a Rasa slot.

Vocabularies (shared with the development set in tests/data/understanding/):
- about: ABOUT; site: SITES; tumour_type "NET" | "NEC"; grades 1..3; spread_to: SPREAD_PLACES
- treatments and wishes: lexicon treatment ids (data/lexicon/treatments.yml), e.g. "prrt"
- place.country: ISO 3166 alpha-2 code ("GB"); travel_km in kilometres
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Mapping, Optional

from bot.prescreen.answers import grade_from_ki67
from bot.profile.regions import disagree
from bot.tumour_terms import PROFILE_SITES as SITES
from bot.tumour_terms import SPREAD_PLACES

ABOUT = ("self", "parent", "partner", "child", "sibling", "grandparent", "friend", "other")
SYNDROMES = ("insulinoma", "gastrinoma", "vipoma", "glucagonoma", "somatostatinoma", "carcinoid syndrome")
INHERITED = ("MEN1", "NF1", "TSC", "VHL")
OUTCOMES = ("ongoing", "stopped", "stopped working", "side effects")
STATUSES = ("open", "all", "closed")
AGE_GROUPS = ("child", "teen", "adult", "older adult")
MAX_AGE = 110
WATCHING = "surveillance"  # the lexicon's id for watch and wait
_MONTH = re.compile(r"(19|20)\d\d-(0[1-9]|1[0-2])")


@dataclass(frozen=True)
class TreatmentHad:
    id: str  # lexicon treatment id
    outcome: Optional[str] = None  # from OUTCOMES, when said


@dataclass(frozen=True)
class Wants:
    """What the person is looking for."""

    treatment: tuple[str, ...] = ()  # lexicon ids asked for
    avoid: tuple[str, ...] = ()  # lexicon ids they do not want ("not another operation")
    phase: Optional[int] = None
    status: Optional[str] = None  # from STATUSES; None means the default, open trials
    age_group: Optional[str] = None  # from AGE_GROUPS
    # Put forward by the doctors, not yet had nor asked for ("my onc says PRRT is next"): ranks a
    # search's trials of that kind first, never filters (bot/profile/fit.py).
    proposed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    city: Optional[str] = None
    region: Optional[str] = None
    country: Optional[str] = None  # ISO code
    travel_km: Optional[float] = None


@dataclass(frozen=True)
class Lookup:
    """Names a staff member looks a trial up by."""

    acronym: Optional[str] = None
    sponsor: Optional[str] = None
    site_name: Optional[str] = None
    nct_id: Optional[str] = None

    @property
    def names_trials(self) -> bool:
        """A trial, sponsor or site named by its name (a staff look-up), not only by number."""
        return bool(self.acronym or self.sponsor or self.site_name)


@dataclass(frozen=True)
class Profile:
    about: Optional[str] = None
    age: Optional[int] = None
    sex: Optional[str] = None  # "female" | "male"
    site: Optional[str] = None
    tumour_type: Optional[str] = None
    grades: tuple[int, ...] = ()
    ki67: Optional[float] = None
    spread: Optional[bool] = None
    spread_to: tuple[str, ...] = ()
    size_mm: Optional[float] = None
    functioning: Optional[str] = None  # "functioning" | "non-functioning"
    syndrome: Optional[str] = None
    inherited: tuple[str, ...] = ()
    treatments: tuple[TreatmentHad, ...] = ()
    wants: Wants = field(default_factory=Wants)
    place: Place = field(default_factory=Place)
    lookup: Lookup = field(default_factory=Lookup)
    topic: Optional[str] = None  # the treatment or test named last, whatever its role ("a trial of it?")
    known_since: Optional[str] = None  # "YYYY-MM": the NET was known by then at the latest (bot/profile/time_known.py)
    all_clear: Optional[bool] = None  # "all clear since": no NET known to be left after treatment (all_clear.py)
    # Fields one message says outright, as corrections ("sorry, it's for my dad not me": "about"); used
    # while merging that message, never kept nor sent as a slot value.
    corrections: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self == Profile()

    @property
    def has_medical_facts(self) -> bool:
        return any(
            (
                self.site,
                self.tumour_type,
                self.grades,
                self.ki67 is not None,
                self.spread is not None,
                self.spread_to,
                self.treatments,
                self.syndrome,
                self.inherited,
            )
        )

    @property
    def tells_about_the_person(self) -> bool:
        """Enough about the person that trials are ranked and explained by how well they fit. A wish
        for their tumour to be watched ("a study where they just keep an eye on it") tells that a
        tumour is there and what they want done with it: no search word carries it, so only the search
        by fit keeps it."""
        return self.has_medical_facts or any((self.age, self.sex, self.size_mm, self.wants.avoid, self.wants_watching))

    @property
    def wants_watching(self) -> bool:
        return WATCHING in self.wants.treatment

    # -- merging -----------------------------------------------------------------------------
    def merged(self, newer: "Profile") -> "Profile":
        """This profile updated with what a later message said."""
        if newer.is_empty:
            return self
        other_sex = bool(self.sex and newer.sex and newer.sex != self.sex)  # "my wife ..." then "my husband ..."
        new_subject = bool(self.about and newer.about and (newer.about != self.about or other_sex))
        if new_subject and not newer.has_medical_facts and "about" not in newer.corrections:
            # "my husband has collapsed" in a chat about the writer's own NET: not a new subject.
            newer, new_subject = replace(newer, about=None, age=None, sex=None), False
        changes: dict[str, Any] = {}
        for item in fields(self):
            if item.name == "corrections":
                continue
            old, new = getattr(self, item.name), getattr(newer, item.name)
            if item.name == "treatments":
                changes[item.name] = _merge_treatments(old, new)
            elif item.name in ("spread_to", "inherited"):
                changes[item.name] = tuple(sorted(set(old) | set(new)))
            elif isinstance(old, (Wants, Place, Lookup)):
                changes[item.name] = _merge_flat(old, new)
            elif item.name == "known_since" and old and new:
                changes[item.name] = min(old, new)  # the earliest date said is the one that tells most
            elif new not in (None, ()):
                changes[item.name] = new
        profile = replace(self, **changes, corrections=())
        if new_subject and (newer.about != "self" or "about" in newer.corrections):
            # the age and sex said before were the other person's ("I'm 45 ... sorry, it's for my dad"); a
            # weak "I" ("I'm her daughter, she's on lanreotide") does not take them away
            profile = replace(profile, age=newer.age, sex=newer.sex)
        elif not newer.about and self.sex and newer.sex and newer.sex != self.sex:
            profile = replace(profile, sex=None)  # "my husband has a pnet" ... "she's 61": the words disagree
        if newer.all_clear is None and (newer.spread or any(t.outcome == "stopped working" for t in newer.treatments)):
            profile = replace(profile, all_clear=None)  # "all clear" ... "now it's back in his liver"
        if newer.spread is False and not newer.spread_to:
            profile = replace(profile, spread_to=())  # "it hasn't spread after all"
        if (
            newer.grades
            and newer.ki67 is None
            and self.ki67 is not None
            and grade_from_ki67(self.ki67) not in newer.grades
        ):
            profile = replace(profile, ki67=None)  # a corrected grade the old Ki-67 contradicts
        return profile

    # -- as a slot value -----------------------------------------------------------------------
    def as_dict(self) -> dict:
        """Only what is known, as plain JSON values."""
        data = asdict(self)
        del data["corrections"]
        return _prune(data)

    @classmethod
    def from_dict(cls, data: Any) -> "Profile":
        """A profile from a slot value; anything malformed is dropped, never raised."""
        if not isinstance(data, Mapping):
            return cls()
        try:
            return _checked(cls._build(data))
        except (TypeError, ValueError):
            return cls()

    @classmethod
    def _build(cls, data: Mapping) -> "Profile":
        treatments = tuple(
            TreatmentHad(str(t["id"]), t.get("outcome"))
            for t in data.get("treatments") or ()
            if isinstance(t, Mapping) and t.get("id")
        )
        nested: dict[str, Any] = {
            "wants": Wants(**_tuples(_known(Wants, data.get("wants")), ("treatment", "avoid", "proposed"))),
            "place": Place(**_known(Place, data.get("place"))),
            "lookup": Lookup(**_known(Lookup, data.get("lookup"))),
        }
        flat = _tuples(_known(cls, data), ("grades", "spread_to", "inherited"))
        flat = {k: v for k, v in flat.items() if k not in ("treatments", "corrections", *nested)}
        return cls(**flat, treatments=treatments, **nested)


def _merge_treatments(old: tuple[TreatmentHad, ...], new: tuple[TreatmentHad, ...]) -> tuple[TreatmentHad, ...]:
    by_id = {t.id: t for t in old}
    for item in new:
        before = by_id.get(item.id)
        by_id[item.id] = item if item.outcome or before is None else before
    return tuple(sorted(by_id.values(), key=lambda t: t.id))


def _merge_flat(old: Any, new: Any) -> Any:
    changes = {f.name: getattr(new, f.name) for f in fields(new) if getattr(new, f.name) not in (None, ())}
    if isinstance(old, Wants):
        # A kind asked for and then ruled out (or back again): the later word wins.
        wanted = tuple(dict.fromkeys((*old.treatment, *new.treatment)))
        avoided = tuple(dict.fromkeys((*old.avoid, *new.avoid)))
        changes["treatment"] = tuple(t for t in wanted if t not in new.avoid)
        changes["avoid"] = tuple(t for t in avoided if t not in new.treatment)
        settled = (*changes["treatment"], *changes["avoid"])
        changes["proposed"] = tuple(t for t in (new.proposed or old.proposed) if t not in settled)
    if (
        isinstance(old, Place)
        and new.city
        and new.city != old.city
        and not new.region
        and disagree(new.city, old.region)
    ):
        changes["region"] = None  # "he lives in Ohio" ... "we moved him to Pittsburgh"
    if isinstance(old, Place) and new.country and old.country and new.country != old.country and not new.region:
        # "nearest site to manchester?" ... "any open PRRT trials in germany?": the old town is in another country
        # (a region with it may place the same town: "Newcastle" ... "the one in NSW")
        changes.setdefault("city", None)
        changes.setdefault("region", None)
    return replace(old, **changes)


def _known(cls: type, data: Any) -> dict:
    if not isinstance(data, Mapping):
        return {}
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names and v is not None}


def _tuples(data: dict, names: tuple[str, ...]) -> dict:
    """Lists as tuples; a field that should be a list and is not becomes empty."""
    return {k: (tuple(v) if isinstance(v, (list, tuple)) else ()) if k in names else v for k, v in data.items()}


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in (None, [], {}, ())}
    if isinstance(value, (list, tuple)):
        return [_prune(v) for v in value]
    return value


def _checked(profile: Profile) -> Profile:
    """Values outside the vocabularies (a tampered or outdated slot) are dropped."""

    def pick(value: Any, allowed: tuple) -> Any:
        return value if isinstance(value, str) and value in allowed else None

    age = profile.age if type(profile.age) is int and 0 <= profile.age <= MAX_AGE else None
    grades = tuple(g for g in profile.grades if type(g) is int and g in (1, 2, 3))
    return replace(
        profile,
        about=pick(profile.about, ABOUT),
        age=age,
        sex=pick(profile.sex, ("female", "male")),
        site=pick(profile.site, SITES),
        tumour_type=pick(profile.tumour_type, ("NET", "NEC")),
        grades=grades,
        ki67=_number(profile.ki67, 0, 100),
        spread=profile.spread if isinstance(profile.spread, bool) else None,
        all_clear=True if profile.all_clear is True else None,
        spread_to=tuple(p for p in profile.spread_to if p in SPREAD_PLACES),
        size_mm=_number(profile.size_mm, 0, 1000),
        functioning=pick(profile.functioning, ("functioning", "non-functioning")),
        syndrome=pick(profile.syndrome, SYNDROMES),
        inherited=tuple(i for i in profile.inherited if i in INHERITED),
        treatments=tuple(t for t in profile.treatments if isinstance(t.id, str) and t.outcome in (None, *OUTCOMES)),
        wants=replace(
            profile.wants,
            treatment=_names(profile.wants.treatment),
            avoid=_names(profile.wants.avoid),
            phase=profile.wants.phase
            if type(profile.wants.phase) is int and profile.wants.phase in (0, 1, 2, 3, 4)
            else None,
            status=pick(profile.wants.status, STATUSES),
            age_group=pick(profile.wants.age_group, AGE_GROUPS),
        ),
        place=Place(
            _text(profile.place.city),
            _text(profile.place.region),
            profile.place.country
            if isinstance(profile.place.country, str) and len(profile.place.country) == 2
            else None,
            _number(profile.place.travel_km, 0, 40000),
        ),
        lookup=Lookup(*(_text(getattr(profile.lookup, f.name)) for f in fields(Lookup))),
        topic=_text(profile.topic),
        known_since=profile.known_since
        if isinstance(profile.known_since, str) and _MONTH.fullmatch(profile.known_since)
        else None,
    )


def _names(values: Any) -> tuple[str, ...]:
    """Lexicon ids: strings only ("prrt" alone is not a list of letters)."""
    return tuple(v for v in values if isinstance(v, str)) if isinstance(values, tuple) else ()


def _text(value: Any) -> Optional[str]:
    return value[:200] if isinstance(value, str) else None


def _number(value: Any, low: float, high: float) -> Optional[float]:
    return float(value) if type(value) in (int, float) and low <= value <= high else None


def object_pronoun(about: Optional[str], sex: Optional[str]) -> str:
    """Whom a sentence is about: "you" for the writer (or when not said), "him", "her" or
    "them" for someone else ("Only the trial team can say if it fits him")."""
    if about in (None, "self"):
        return "you"
    return {"male": "him", "female": "her"}.get(sex or "", "them")
