"""The trial database schema (SQLAlchemy 1.4 ORM; works on SQLite and PostgreSQL).

A trial's child rows are keyed by (nct_id, position) rather than surrogate ids, so the
importer can write whole batches with executemany and replace a trial's children cleanly.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeMeta, registry, relationship

_registry = registry()


class Base(metaclass=DeclarativeMeta):
    """What `declarative_base()` returns, written as a class so that a type checker sees one."""

    __abstract__ = True
    registry = _registry
    metadata = _registry.metadata
    __init__ = _registry.constructor


class Trial(Base):
    __tablename__ = "trials"

    nct_id = Column(String(11), primary_key=True)
    title = Column(Text, nullable=False)
    official_title = Column(Text)
    acronym = Column(String(200))
    status = Column(String(40), nullable=False, default="UNKNOWN")
    is_open = Column(Boolean, nullable=False, default=False)
    study_type = Column(String(40))
    start_date = Column(String(10))
    primary_completion_date = Column(String(10))
    completion_date = Column(String(10))
    last_update = Column(String(10))  # yyyy, yyyy-mm or yyyy-mm-dd: sorts correctly as text
    status_as_of = Column(String(10))  # when the status was last confirmed (bot.trials.freshness)
    # designModule.designInfo, as the registry writes it (RANDOMIZED, PARALLEL, DOUBLE, TREATMENT...)
    allocation = Column(String(40))
    intervention_model = Column(String(40))
    masking = Column(String(40))
    masked_who = Column(Text)  # "PARTICIPANT, INVESTIGATOR"
    primary_purpose = Column(String(40))
    has_results = Column(Boolean)  # the record has a resultsSection (or says hasResults)
    results_first_posted = Column(String(10))
    why_stopped = Column(Text)  # the sponsor's own reason for stopping, as the registry gives it
    site_count = Column(Integer)  # places listed: 0 finds the trials a place filter leaves out
    enrollment = Column(Integer)
    enrollment_type = Column(String(20))
    sponsor = Column(Text)
    summary = Column(Text)
    description = Column(Text)
    criteria = Column(Text)
    min_age_years = Column(Float)
    max_age_years = Column(Float)
    sex = Column(String(10))  # ALL, FEMALE, MALE or NULL when not stated
    healthy_volunteers = Column(Boolean)
    source_json = Column(Text)  # the record's x-source, as JSON; NULL for registry records
    record_hash = Column(String(64), nullable=False)  # sha256 of parse.PARSER_VERSION and the record

    phases = relationship("TrialPhase", order_by="TrialPhase.phase", lazy="selectin")
    conditions = relationship("Condition", order_by="Condition.position", lazy="selectin")
    interventions = relationship("Intervention", order_by="Intervention.position", lazy="selectin")
    sites = relationship("Site", order_by="Site.position", lazy="selectin")
    contacts = relationship("Contact", order_by="Contact.position", lazy="selectin")
    identifiers = relationship("TrialIdentifier", order_by="TrialIdentifier.position", lazy="selectin")
    collaborators = relationship("Collaborator", order_by="Collaborator.position", lazy="selectin")
    arm_groups = relationship("ArmGroup", order_by="ArmGroup.position", lazy="selectin")
    outcomes = relationship("Outcome", order_by="Outcome.position", lazy="selectin")


Index("ix_trials_open_updated", Trial.is_open, Trial.last_update)
# Covering: a search checks a candidate's status and orders by date without reading its row.
Index("ix_trials_id_open_updated", Trial.nct_id, Trial.is_open, Trial.last_update, unique=True)
Index("ix_trials_open_sites", Trial.is_open, Trial.site_count)


class TrialPhase(Base):
    __tablename__ = "trial_phases"

    nct_id = Column(String(11), ForeignKey("trials.nct_id"), primary_key=True)
    phase = Column(String(20), primary_key=True)  # PHASE1, PHASE2, EARLY_PHASE1, NA...


Index("ix_trial_phases_phase", TrialPhase.phase, TrialPhase.nct_id)


class Condition(Base):
    __tablename__ = "conditions"

    nct_id = Column(String(11), ForeignKey("trials.nct_id"), primary_key=True)
    position = Column(Integer, primary_key=True)
    name = Column(Text, nullable=False)
    is_keyword = Column(Boolean, nullable=False, default=False)


class Intervention(Base):
    __tablename__ = "interventions"

    nct_id = Column(String(11), ForeignKey("trials.nct_id"), primary_key=True)
    position = Column(Integer, primary_key=True)
    kind = Column(String(40))  # DRUG, PROCEDURE, RADIATION...
    name = Column(Text, nullable=False)
    description = Column(Text)

    other_names = relationship(
        "InterventionOtherName",
        primaryjoin="and_(Intervention.nct_id == foreign(InterventionOtherName.nct_id),"
        " Intervention.position == foreign(InterventionOtherName.intervention_position))",
        order_by="InterventionOtherName.position",
        lazy="selectin",
        viewonly=True,
    )


class InterventionOtherName(Base):
    __tablename__ = "intervention_other_names"

    nct_id = Column(String(11), ForeignKey("trials.nct_id"), primary_key=True)
    intervention_position = Column(Integer, primary_key=True)
    position = Column(Integer, primary_key=True)
    name = Column(Text, nullable=False)


class Site(Base):
    __tablename__ = "sites"

    nct_id = Column(String(11), ForeignKey("trials.nct_id"), primary_key=True)
    position = Column(Integer, primary_key=True)
    facility = Column(Text)
    city = Column(Text)
    state = Column(Text)
    zip = Column(String(20))
    country = Column(Text)
    status = Column(String(40))
    latitude = Column(Float)
    longitude = Column(Float)
    country_key = Column(String(100))  # normalised, for filtering
    city_key = Column(String(100))


Index("ix_sites_country", Site.country_key, Site.nct_id)
Index("ix_sites_city", Site.city_key, Site.nct_id)
Index("ix_sites_place", Site.latitude, Site.longitude, Site.nct_id)  # "near X": a box of latitudes first


class Contact(Base):
    __tablename__ = "contacts"

    nct_id = Column(String(11), ForeignKey("trials.nct_id"), primary_key=True)
    position = Column(Integer, primary_key=True)
    kind = Column(String(10), nullable=False)  # central, site, official
    site_position = Column(Integer)  # the site a site contact belongs to
    name = Column(Text)
    role = Column(String(60))
    phone = Column(String(60))
    phone_ext = Column(String(20))
    email = Column(String(200))
    affiliation = Column(Text)


class TrialIdentifier(Base):
    """A name a trial is known by besides its NCT id: its acronym, the sponsor's own study id
    (orgStudyIdInfo) or another registry's id (secondaryIdInfos), e.g. EudraCT numbers."""

    __tablename__ = "trial_identifiers"

    nct_id = Column(String(11), ForeignKey("trials.nct_id"), primary_key=True)
    position = Column(Integer, primary_key=True)
    kind = Column(String(10), nullable=False)  # acronym, org, secondary
    value = Column(Text, nullable=False)  # as the record writes it: "NETTER-2"
    # Letters and digits only, lower case: "netter2". Compared byte by byte on PostgreSQL too,
    # so that a range of keys is the keys a prefix starts (bot.trials.search).
    key = Column(String(200).with_variant(String(200, collation="C"), "postgresql"), nullable=False)


Index("ix_trial_identifiers_key", TrialIdentifier.key, TrialIdentifier.nct_id)


class Collaborator(Base):
    __tablename__ = "collaborators"

    nct_id = Column(String(11), ForeignKey("trials.nct_id"), primary_key=True)
    position = Column(Integer, primary_key=True)
    name = Column(Text, nullable=False)


class NameWord(Base):
    """One word of a sponsor's or a site's name, for look-ups by name without scanning text.

    kind "sponsor": position 0 is the lead sponsor, 1.. the collaborators in order, every word;
    kind "site": position is the site's position, only words that are not generic or numbers
    (bot.trials.lookup.site_words: most site words are "hospital" and the like, and a trial
    may have hundreds of sites). All the words of a name share a position.
    """

    __tablename__ = "name_words"
    __table_args__ = {"sqlite_with_rowid": False}  # the key is the row: half the size

    kind = Column(String(10), primary_key=True)  # sponsor, site
    word = Column(String(100), primary_key=True)  # see bot.trials.lookup.name_words
    nct_id = Column(String(11), ForeignKey("trials.nct_id"), primary_key=True)
    position = Column(Integer, primary_key=True)


Index("ix_name_words_nct", NameWord.nct_id)


class ArmGroup(Base):
    """A group of people in the trial and what it gets (armsInterventionsModule.armGroups)."""

    __tablename__ = "arm_groups"

    nct_id = Column(String(11), ForeignKey("trials.nct_id"), primary_key=True)
    position = Column(Integer, primary_key=True)
    label = Column(Text)
    kind = Column(String(40))  # EXPERIMENTAL, ACTIVE_COMPARATOR, PLACEBO_COMPARATOR, NO_INTERVENTION...
    description = Column(Text)
    interventions = Column(Text)  # "Drug: Lutathera; Drug: Octreotide LAR", as the record links them


class Outcome(Base):
    """What the trial measures, and over how long (outcomesModule)."""

    __tablename__ = "outcomes"

    nct_id = Column(String(11), ForeignKey("trials.nct_id"), primary_key=True)
    position = Column(Integer, primary_key=True)
    kind = Column(String(10), nullable=False)  # primary, secondary, other
    measure = Column(Text)
    time_frame = Column(Text)


class TrialAgeGroup(Base):
    """An age group a trial takes people from: child (under 18), teen (13 to 17), adult (18 to
    64), older_adult (65 and over). From the age limits, and eligibilityModule.stdAges where a
    limit is not given (bot.trials.parse.age_groups)."""

    __tablename__ = "trial_age_groups"

    nct_id = Column(String(11), ForeignKey("trials.nct_id"), primary_key=True)
    age_group = Column(String(12), primary_key=True)


Index("ix_trial_age_groups_group", TrialAgeGroup.age_group, TrialAgeGroup.nct_id)


class TrialTag(Base):
    """A lexicon concept a trial is about, e.g. "treatment:prrt" or "condition:insulinoma"."""

    __tablename__ = "trial_tags"

    tag = Column(String(80), primary_key=True)
    nct_id = Column(String(11), ForeignKey("trials.nct_id"), primary_key=True)


Index("ix_trial_tags_nct", TrialTag.nct_id)


class Meta(Base):
    __tablename__ = "meta"

    key = Column(String(60), primary_key=True)
    value = Column(Text)


class CompiledRecord(Base):
    """The whole record of a trial compiled by hand (one with a non-synthetic x-source), so a
    later copy of it can be merged with it (bot.trials.merge) instead of replacing it."""

    __tablename__ = "compiled_records"

    nct_id = Column(String(11), ForeignKey("trials.nct_id"), primary_key=True)
    record_json = Column(Text, nullable=False)


CHILD_TABLES = (
    CompiledRecord.__table__,
    TrialPhase.__table__,
    Condition.__table__,
    Intervention.__table__,
    InterventionOtherName.__table__,
    Site.__table__,
    Contact.__table__,
    TrialTag.__table__,
    TrialIdentifier.__table__,
    Collaborator.__table__,
    NameWord.__table__,
    TrialAgeGroup.__table__,
    ArmGroup.__table__,
    Outcome.__table__,
)
