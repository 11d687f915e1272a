"""What a trial search asks for, and what it gives back.

These plain dataclasses are the contract between the store, the CLI, the staff page and the
Rasa actions: nothing here knows about SQL or Rasa.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

StatusFilter = Literal["open", "closed", "all"]

# ClinicalTrials.gov statuses that mean "you can ask to join" (now or soon).
OPEN_STATUSES = ("RECRUITING", "NOT_YET_RECRUITING")


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
    limit: int = 5
    offset: int = 0


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
    unknown_terms: tuple[str, ...] = ()  # words the lexicon could not place

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

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def countries(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.country for s in self.sites if s.country))

    @property
    def registry_url(self) -> str:
        return f"https://clinicaltrials.gov/study/{self.nct_id}"
