"""What a trial search asks for, and what it gives back.

These plain dataclasses are the contract between the store, the CLI, the staff page and the
Rasa actions: nothing here knows about SQL or Rasa.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal, Optional

StatusFilter = Literal["open", "closed", "all"]
AgeGroup = Literal["child", "teen", "adult", "older_adult"]

# ClinicalTrials.gov statuses that mean "you can ask to join" (now or soon).
OPEN_STATUSES = ("RECRUITING", "NOT_YET_RECRUITING")
# Age groups as ranges in years (first age in, first age out). child, adult and older_adult
# are the registry's own (stdAges); a trial is for teens when its age range overlaps 13 to 17.
AGE_GROUP_YEARS: dict[str, tuple[float, float]] = {
    "child": (0.0, 18.0),
    "teen": (13.0, 18.0),
    "adult": (18.0, 65.0),
    "older_adult": (65.0, math.inf),
}
AGE_GROUPS: tuple[str, ...] = tuple(AGE_GROUP_YEARS)


@dataclass(frozen=True)
class Near:
    """A point to search around ("near Bristol", "within 30 miles of Denver"): trials with a
    site within `within_km` of it, nearest first. `within_km` None: the nearest, however far."""

    name: str  # as the person will read it: "Bristol"
    latitude: float
    longitude: float
    country: Optional[str] = None  # the place's country, for miles or km
    within_km: Optional[float] = 100.0
    area: bool = False  # a region ("the Midlands"), not a town


@dataclass(frozen=True)
class NearestSite:
    """The site of a trial nearest to the place searched around."""

    facility: Optional[str]
    city: Optional[str]
    country: Optional[str]
    distance_km: float


@dataclass(frozen=True)
class TrialQuery:
    """A search request. Every field is optional; the default finds open trials."""

    text: Optional[str] = None
    treatment: Optional[str] = None  # any name a person might use: brand, lay word, misspelling
    condition: Optional[str] = None
    country: Optional[str] = None
    city: Optional[str] = None
    status: StatusFilter = "open"
    phase: Optional[int] = None  # 1..4 (0 = early phase 1)
    age: Optional[int] = None
    sex: Optional[Literal["female", "male"]] = None
    # Look-ups by name (bot/trials/lookup.py reads them out of free text):
    acronym: Optional[str] = None  # acronym or other id: "NETTER-2", "netter 2", "GETNE1206"
    sponsor: Optional[str] = None  # lead sponsor or a collaborator: "Novartis", "NCI"
    site: Optional[str] = None  # a site's name by its words: "Christie", "Royal Free Hospital"
    age_group: Optional[AgeGroup] = None  # trials whose age range overlaps the group's
    near: Optional[Near] = None  # sites within a distance of a place, nearest first
    limit: int = 5
    offset: int = 0


def default_status(acronym: Optional[str]) -> StatusFilter:
    """The status to search when none is asked for: a trial named by its acronym or id is
    shown whatever its status; otherwise open trials."""
    return "all" if acronym and acronym.strip() else "open"


@dataclass(frozen=True)
class TrialSummary:
    """One line of a result list."""

    nct_id: str
    title: str
    status: str  # CT.gov overallStatus, "UNKNOWN" when the record has none
    phases: tuple[str, ...]
    countries: tuple[str, ...]
    cities: tuple[str, ...]
    last_updated: Optional[str]  # yyyy, yyyy-mm or yyyy-mm-dd as in the record
    status_as_of: Optional[str] = None  # when the status was last confirmed (bot.trials.freshness)
    nearest_site: Optional[NearestSite] = None  # with a `near` search

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class SearchPage:
    """A page of results plus what the search understood from the query."""

    trials: list[TrialSummary]
    total: int
    offset: int
    treatment_concepts: tuple[str, ...] = ()  # canonical lexicon ids the treatment matched
    condition_concepts: tuple[str, ...] = ()
    # Treatment or condition names the lexicon does not know. They are searched as words of
    # the records; when those words are in no record, nothing is listed (never every trial).
    unknown_terms: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()  # known names close to the unknown ones, for "Did you mean"
    # When a condition's broader concepts were searched too (insulinoma -> pancreatic NET):
    specific_total: Optional[int] = None  # how many of `total` are about the named condition itself
    broader_ids: tuple[str, ...] = ()  # the listed trials found only through a broader concept
    broader_name: Optional[str] = None  # the narrowest broader condition they all share: "pancreatic NET"
    # With a place asked for: how many more trials match everything else but list no places.
    unplaced_total: int = 0

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.trials) < self.total


@dataclass(frozen=True)
class Site:
    facility: Optional[str]
    city: Optional[str]
    state: Optional[str]
    country: Optional[str]
    status: Optional[str]
    latitude: Optional[float] = None  # the record's geoPoint, else the city's (bot/geo)
    longitude: Optional[float] = None


@dataclass(frozen=True)
class Contact:
    name: Optional[str]
    role: Optional[str]
    phone: Optional[str]
    email: Optional[str]
    site: Optional[str] = None  # facility name for a site contact; None for a central contact


@dataclass(frozen=True)
class Intervention:
    kind: Optional[str]
    name: str
    other_names: tuple[str, ...] = ()
    description: Optional[str] = None


@dataclass(frozen=True)
class Arm:
    """A group of people in the trial and what it gets."""

    label: Optional[str]
    kind: Optional[str]  # EXPERIMENTAL, ACTIVE_COMPARATOR, PLACEBO_COMPARATOR, NO_INTERVENTION...
    description: Optional[str] = None
    interventions: Optional[str] = None  # "Drug: Lutathera; Drug: Octreotide LAR"


@dataclass(frozen=True)
class Measure:
    """Something the trial measures, and over how long."""

    kind: str  # primary, secondary, other
    measure: Optional[str]
    time_frame: Optional[str]


@dataclass(frozen=True)
class Design:
    """How the trial is run, as the registry codes it; None where the record does not say."""

    allocation: Optional[str] = None  # RANDOMIZED, NON_RANDOMIZED, NA
    intervention_model: Optional[str] = None  # SINGLE_GROUP, PARALLEL, CROSSOVER...
    masking: Optional[str] = None  # NONE, SINGLE, DOUBLE, TRIPLE, QUADRUPLE
    masked_who: Optional[str] = None  # "PARTICIPANT, INVESTIGATOR"
    primary_purpose: Optional[str] = None  # TREATMENT, DIAGNOSTIC, SUPPORTIVE_CARE...


@dataclass(frozen=True)
class TrialDetail:
    """Everything stored about one trial, as the record gives it."""

    nct_id: str
    title: str
    official_title: Optional[str]
    acronym: Optional[str]
    status: str
    phases: tuple[str, ...]
    study_type: Optional[str]
    start_date: Optional[str]
    completion_date: Optional[str]
    last_updated: Optional[str]
    enrollment: Optional[int]
    sponsor: Optional[str]
    summary: Optional[str]
    description: Optional[str]
    conditions: tuple[str, ...]
    keywords: tuple[str, ...]
    interventions: tuple[Intervention, ...]
    criteria: Optional[str]
    min_age_years: Optional[float]
    max_age_years: Optional[float]
    sex: Optional[str]
    healthy_volunteers: Optional[bool]
    sites: tuple[Site, ...]
    contacts: tuple[Contact, ...]
    source: dict = field(default_factory=dict)  # the record's x-source, or {} for registry records
    other_ids: tuple[str, ...] = ()  # the sponsor's study id and other registries' ids
    collaborators: tuple[str, ...] = ()
    status_as_of: Optional[str] = None  # when the status was last confirmed (bot.trials.freshness)
    design: Design = field(default_factory=Design)
    arms: tuple[Arm, ...] = ()
    measures: tuple[Measure, ...] = ()
    has_results: Optional[bool] = None
    results_first_posted: Optional[str] = None
    why_stopped: Optional[str] = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_observational(self) -> bool:
        """It follows people and gives no treatment of its own."""
        return (self.study_type or "").upper() == "OBSERVATIONAL"

    @property
    def countries(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.country for s in self.sites if s.country))

    @property
    def registry_url(self) -> str:
        return f"https://clinicaltrials.gov/study/{self.nct_id}"
