"""Trials that fit what we know about the person, best first, each with one plain line of why.

1. The search asks only for what the person wants (a kind of treatment, a phase, a status, the
   country they are in, trials they name); treatments they have had are never search terms.
2. Every candidate is checked with the pre-screen's checklist against the profile, through the
   per-criterion judge (`bot/eligibility/judge.py`, with all the profile says: NET or NEC,
   where it spread, MEN1...). Trials with a clear mismatch (age limits, a NET that starts
   elsewhere, a treatment they had that the criteria rule out at any time) and trials of a kind
   they said they do not want go last, and are counted with the reason. A point the team must
   weigh ("ask your team") only ranks a trial lower; it never sets it aside.
3. When nothing fits every wish, wishes are dropped one at a time (`fitting_steps`: the place,
   the phase, then open-only, then the kind of treatment), and the answer says which.
Nothing here says who can join; only the trial team can.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Optional

from bot.eligibility.person import Person, with_treatment_words
from bot.geo import DEFAULT_RADIUS_KM, find_place
from bot.geo.country_words import country_name
from bot.lexicon import Lexicon, default_lexicon
from bot.prescreen.answers import Answers
from bot.prescreen.checklist import MATCHES, NO_MATCH, Check, TrialChecklist, checklist
from bot.profile.answers import as_answers, fact_treatments
from bot.profile.asked_condition import made_for_their_condition
from bot.profile.limits import (
    high_grade_clash,
    kind_clash,
    kind_order,
    made_for_their_size,
    size_clash,
    spread_clash,
    unmet_condition,
)
from bot.profile.model import Lookup, Profile
from bot.profile.model import Place as PersonsPlace
from bot.profile.nec_trials import nec_level, nec_why
from bot.profile.noted_limits import made_for_the_newly_diagnosed, made_for_their_grade, noted_clash, noted_matches
from bot.profile.other_kinds import (
    OTHER_TUMOURS_WHY,
    fast_growing_only_clash,
    fast_growing_only_unsaid,
    for_other_tumours,
    led_by_other_tumours,
)
from bot.profile.site_limits import primary_removed_clash, site_clash
from bot.profile.stage_fit import (
    after_surgery_not_had,
    after_surgery_site_unsaid,
    for_after_surgery,
    maintenance_after_growth,
    stage_against,
)
from bot.profile.tested import MEDICINE_KINDS, kind_members, kinds_of, names_known, tested_ids
from bot.text import normalize
from bot.trials.freshness import open_and_recent
from bot.trials.home import sponsor_home
from bot.trials.lookup import filter_words, find_lookups, name_words, site_words, stored_nct_meant
from bot.trials.nct import is_valid_nct_id
from bot.trials.nearby import near, nearest_site
from bot.trials.query import Near, SearchPage, Site, TrialDetail, TrialQuery, default_status
from bot.trials.query_from_words import AGE_GROUP_NAMES
from bot.trials.relax import CLOSED_TOO, FARTHER, PHASE, PLACE, TREATMENT, Step, names_trials, search_relaxed
from bot.trials.store import TrialStore

MAX_CANDIDATES = 60
FULL_PAGE = 5  # fewer fits than this near the place asked about: add the nearest ones further away


@dataclass(frozen=True)
class Fit:
    trial: TrialDetail
    result: TrialChecklist
    avoided: tuple[str, ...]  # names of kinds the person does not want that this trial tests
    too_young_for_adult: bool = False  # only for under-18s, and the person is a grown-up
    size_clash: Optional[str] = None  # the reason, when the record's words set a size limit they are over
    kind_clash: Optional[str] = None  # the reason, when the record is for well-differentiated NETs and they have a NEC
    unmet_condition: Optional[str] = None  # an inherited condition the trial is for ("MEN1"), not said
    # The reason, when a limit the record states outright and the criteria checks do not read
    # is not met: where the NETs start (title), a first-tumour operation already had, a limit
    # only its source notes give, teenagers only for a young child.
    record_limit: Optional[str] = None
    made_for_tumour: bool = False  # made for their Ki-67, grade 3 or a new diagnosis (`made_for_their_tumour`)
    made_for_them: bool = False  # that, or a NEC trial for a NEC: shown however far it runs
    tumour_type: Optional[str] = None  # NET or NEC, as the person said: the line of why names both kinds
    # Made for another kind of tumour than theirs: led by other tumours (`other_kinds.for_other_tumours`),
    # or only for fast-growing ones when they did not say NET, NEC or a grade. Ranked after.
    other_kind: bool = False
    # Ranked after for where the person is in their treatment, with a line saying why (`stage_fit`)
    stage_note: Optional[str] = None

    @property
    def clashes(self) -> list[Check]:
        """Points against: a clear mismatch (the judge's "does not match")."""
        return [c for c in self.result.checks if c.stated and c.verdict == NO_MATCH]

    @property
    def hinted_clashes(self) -> int:
        """Questions for the team that may turn out against them: ranked lower, never set aside."""
        hinted = sum(1 for c in self.result.checks if c.stated and c.likely_clash and c.verdict != NO_MATCH)
        return hinted + (1 if self.unmet_condition else 0)  # a trial for MEN1 only, for someone who never said MEN1

    @property
    def clear_mismatch(self) -> bool:
        return bool(
            self.clashes
            or self.avoided
            or self.too_young_for_adult
            or self.size_clash
            or self.kind_clash
            or self.record_limit
        )

    @property
    def why(self) -> str:
        return why_line(self)


@dataclass(frozen=True)
class FitResult:
    fits: list[Fit]  # shown first: no clear mismatch, best first
    set_aside: list[Fit]  # a clear mismatch, with the reason in each Fit
    relaxed: tuple[str, ...]  # wishes dropped to find anything, in words ("leaving out the place")
    query: TrialQuery  # the search that found them
    unknown_terms: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    none_fitted_nearby: bool = False  # trials in their country were found, but none fitted
    nearby_fits: Optional[int] = None  # set when fits further away were added: how many of `fits` are near

    @property
    def found_any(self) -> bool:
        return bool(self.fits or self.set_aside)


def near_of(place: PersonsPlace, lexicon: Optional[Lexicon] = None) -> Optional[Near]:
    """Around the town or region the person named ("we're in Leeds", "the Midlands"), as far as
    they said they would travel (100 km if they did not say); None for a country only or a
    place the gazetteer does not know (the country is searched then)."""
    name = place.city or place.region
    if not name:
        return None
    country = country_name(place.country, lexicon or default_lexicon()) if place.country else None
    found = find_place(name, country)
    if found is None or found.kind == "country":
        return None
    return near(found, place.travel_km or DEFAULT_RADIUS_KM)


def base_query(profile: Profile, lexicon: Optional[Lexicon] = None, limit: int = MAX_CANDIDATES) -> TrialQuery:
    lexicon = lexicon or default_lexicon()
    wants = profile.wants
    treatment = " ; ".join(name for t in wants.treatment for name in kind_names(t, lexicon)) or None
    around = near_of(profile.place, lexicon)
    country = country_name(profile.place.country, lexicon) if profile.place.country and not around else None
    lookup = profile.lookup
    return TrialQuery(
        treatment=treatment,
        country=country,
        near=around,
        status=wants.status or default_status(lookup.acronym),  # type: ignore[arg-type]
        phase=wants.phase,
        acronym=lookup.acronym,
        sponsor=lookup.sponsor,
        site=lookup.site_name,
        age_group=AGE_GROUP_NAMES.get(wants.age_group or ""),
        limit=limit,
    )


def with_lookups(profile: Profile, text: str, store: TrialStore) -> Profile:
    """The profile with the trial names the message uses (acronym, sponsor, site, NCT number),
    found against the database's own names: a staff look-up. Names count for one message."""
    found = find_lookups(text, store)
    said = _place_words(profile) | set(_WHERE_SITES_ARE.findall(normalize(text or "")))
    return replace(
        profile,
        lookup=Lookup(
            acronym=found.acronym,
            sponsor=None if _names_a_place(found.sponsor, said) else found.sponsor,
            site_name=None if _names_a_place(found.site_name, said) else found.site_name,
            nct_id=_meant_nct(found.nct_ids[0] if found.nct_ids else profile.lookup.nct_id, store),
        ),
    )


def _meant_nct(typed: Optional[str], store: TrialStore) -> Optional[str]:
    """A stored trial's number as typed, or the one a slip of one digit plainly means."""
    return stored_nct_meant(typed, store) or typed if typed else None


# "canadian sites", "european centres": where the sites should be, not the Canadian Molecular Imaging Probe Consortium
_WHERE_SITES_ARE = re.compile(r"\b(\w+)\s+(?:sites?|centres?|centers?|hospitals?|locations?)\b")


def _place_words(profile: Profile) -> set[str]:
    place = profile.place
    return {w for name in (place.city, place.region) if name for w in normalize(name).split()}


def _names_a_place(name: Optional[str], said: set[str]) -> bool:
    """ "I live in Ohio" names where they live, not Ohio State University; "we're in Lund" not
    Lund University Hospital."""
    return bool(name) and bool(said & set(normalize(name or "").split()))


def kind_names(concept_id: str, lexicon: Lexicon) -> list[str]:
    """A treatment's name and, for a kind of treatment, its members' names: trial records name
    the drug ("atezolizumab"), people the kind ("immunotherapy")."""
    return [lexicon.name_of(f"treatment:{t}") for t in (concept_id, *kind_members(concept_id, lexicon))]


def fitting_steps(query: TrialQuery) -> tuple[Step, ...]:
    """A look-up by name counts closed trials first ("anything at the Christie"); a wish for a
    treatment keeps the treatment longest: its closed trials say more than unrelated open ones.
    With no trial in the country asked about, the place is left out and the trials are ranked by
    how well they fit, not by the nearest country (tried: nearest first lost a fitting trial)."""
    if names_trials(query):
        return (CLOSED_TOO, FARTHER, PLACE, PHASE, TREATMENT)
    return (FARTHER, PLACE, PHASE, CLOSED_TOO, TREATMENT) if query.treatment else (FARTHER, PLACE, PHASE)


def find_fitting(
    store: TrialStore, profile: Profile, query: Optional[TrialQuery] = None, lexicon: Optional[Lexicon] = None
) -> FitResult:
    """`query`: a search already made from the message (a staff look-up's filters); else one
    from the profile's wishes."""
    lexicon = lexicon or default_lexicon()
    asked = query or _story_query(profile, base_query(profile, lexicon))
    widened = search_relaxed(store.search, asked, fitting_steps(asked))
    page, query, relaxed = widened.page, widened.query, widened.dropped
    unknown, suggestions = tuple(page.unknown_terms), tuple(page.suggestions)
    if unknown and not page.trials:
        return FitResult([], [], (), query, unknown, suggestions)
    details = store.get_many(s.nct_id for s in page.trials)
    details += _listing_no_places(store, query, page, {d.nct_id for d in details})
    answers = as_answers(profile, lexicon)
    if PLACE.words in relaxed or FARTHER.words in relaxed:
        answers = replace(answers, place=None)  # the person has heard these run elsewhere
    person = person_of(profile, answers)  # the same for every trial: built once
    fits = [_fit(trial, profile, answers, person, lexicon) for trial in details]
    wishes = profile.wants.treatment or profile.wants.proposed  # "my onc says PRRT is next": those first
    wanted = {i for t in wishes for i in (t, *kind_members(t, lexicon))}
    first = _named_trials(
        store, profile, fits, query, answers, person, lexicon
    )  # named by number or acronym, whatever their status
    if profile.lookup.nct_id and first and not profile.wants.treatment:
        return FitResult(first[:1], [], (), query)  # "nct06784752 age range?": that trial alone
    ranked = sorted(
        enumerate(fits),
        key=lambda item: (
            item[1].clear_mismatch,
            _tests_another_kind(item[1].trial, wanted, lexicon),
            not _at_named_place(item[1].trial, profile),
            kind_order(item[1].trial, profile),
            item[1].other_kind,
            _likely_against(item[1], profile, lexicon),
            _made_for_necs_first(item[1].trial, profile),
            not item[1].made_for_tumour,  # made for a Ki-67 of 30% or a new diagnosis, however far
            not made_for_their_age_group(item[1].trial, profile),  # for adolescents, a 16-year-old: however far
            _distance_band(item[1].trial, query, item[1].made_for_them),
            not open_and_recent(item[1].trial.status, item[1].trial.status_as_of),
            -_score(item[1], profile, wanted, lexicon),
            item[0],
        ),
    )
    named_ids = {f.trial.nct_id for f in first}
    ordered = [fit for _, fit in ranked if fit.trial.nct_id not in named_ids]
    result = FitResult(
        fits=first + [f for f in ordered if not f.clear_mismatch],
        set_aside=[f for f in ordered if f.clear_mismatch],
        relaxed=tuple(relaxed),
        query=query,
        unknown_terms=unknown,
        suggestions=suggestions,
    )
    for step in (FARTHER, PLACE):  # every trial nearby has something against it: look further
        if result.fits or not step.has(query):
            continue
        wider = find_fitting(store, profile, step.without(query), lexicon)
        if wider.fits:
            return replace(wider, relaxed=(*result.relaxed, step.words, *wider.relaxed), none_fitted_nearby=True)
    return _with_further_fits(store, profile, result, lexicon, len(first))


def after_surgery_first(result: FitResult) -> FitResult:
    """The message asks for something to keep the NET from coming back after an operation
    (`stage_fit.asks_to_stop_return`): the fits made for after an operation come first."""
    first = [f for f in result.fits if for_after_surgery(f.trial)]
    return replace(result, fits=first + [f for f in result.fits if f not in first])


def _likely_against(fit: Fit, profile: Profile, lexicon: Lexicon) -> bool:
    """Something that may turn out against the person: ranked lower, never set aside."""
    return fit.hinted_clashes > 0 or stage_against(fit.trial, profile, lexicon)


def _made_for_necs_first(trial: TrialDetail, profile: Profile) -> int:
    """For a NEC, among trials that take NECs in, those made for them (by their title) before a
    basket trial with one NEC group."""
    return nec_level(trial) if profile.tumour_type == "NEC" else 0


def _tests_another_kind(trial: TrialDetail, wanted: set[str], lexicon: Lexicon) -> bool:
    """A kind of treatment is wished for, and the trial lists what it tests: nothing of that
    kind (it was found through a comparator, a scan or the record's words). Ranked after. Kinds
    are compared, not drugs: capecitabine and temozolomide given apart are still chemotherapy."""
    if not wanted or any(not names_known(i, lexicon) for i in trial.interventions if i.kind in MEDICINE_KINDS):
        return False  # a medicine the lexicon does not know may be the kind wished for
    tested = tested_ids(trial, lexicon)
    if not trial.interventions and not tested:
        return False  # neither its interventions nor its title say what it tests
    return not kinds_of(wanted, lexicon) & tested


def _story_query(profile: Profile, query: TrialQuery) -> TrialQuery:
    """A hospital, sponsor or trial named in passing in a story ("my doctor at the Royal Free",
    "they mentioned the COMPOSE study") leads the list (`_at_named_place`, `_named_trials`); it
    does not leave out every other trial that fits what the story tells."""
    if not _tells_a_story(profile) or not names_trials(query):
        return query
    return replace(query, site=None, sponsor=None, acronym=None, status=profile.wants.status or default_status(None))  # type: ignore[arg-type]


def _tells_a_story(profile: Profile) -> bool:
    """Something about one person, not only the kind of NET a look-up is about ("ipsen pnet
    trials")."""
    return any(
        (
            profile.about,
            profile.age,
            profile.sex,
            profile.grades,
            profile.ki67 is not None,
            profile.spread is not None,
            profile.treatments,
            profile.size_mm,
            profile.syndrome,
            profile.inherited,
        )
    )


def _at_named_place(trial: TrialDetail, profile: Profile) -> bool:
    """The trial runs at the site, or is run by the sponsor, that the message names."""
    site, sponsor = profile.lookup.site_name, profile.lookup.sponsor
    if site and (wanted := set(filter_words("site", site))):
        if any(wanted <= set(site_words(s.facility or "")) for s in trial.sites):
            return True
    if sponsor and (wanted := set(filter_words("sponsor", sponsor))):
        return any(wanted <= set(name_words(name)) for name in (trial.sponsor or "", *trial.collaborators))
    return False


def _listing_no_places(store: TrialStore, query: TrialQuery, page: SearchPage, found: set[str]) -> list[TrialDetail]:
    """For a search in a place: the trials that match everything else but list no places (a
    place filter leaves them out). They rank by their sponsor's town if it gives one, else
    after the trials that list places (`_distance_band`)."""
    if not page.unplaced_total or not PLACE.has(query):
        return []
    anywhere = store.search(replace(PLACE.without(query), limit=MAX_CANDIDATES, offset=0))
    details = store.get_many(s.nct_id for s in anywhere.trials if s.nct_id not in found and not s.countries)
    return [d for d in details if not d.sites]


def placed_sites(trial: TrialDetail) -> tuple[Site, ...]:
    """The trial's sites, or for a record with none its sponsor's town (bot/trials/home.py)."""
    home = sponsor_home(trial)
    return trial.sites if trial.sites or home is None else (home,)


def _with_further_fits(
    store: TrialStore, profile: Profile, result: FitResult, lexicon: Lexicon, named: int = 0
) -> FitResult:
    """Fewer than a page of fits placed near the place asked about: the nearest fits further
    away come after them (first in the same country, then wherever the person's place allows),
    and the fits whose records list no places after those. `named`: how many fits lead as the
    trials the message names; they stay first."""
    query = result.query
    step = next((s for s in (FARTHER, PLACE) if s.has(query)), None)
    leading, rest = result.fits[:named], result.fits[named:]
    placed = [f for f in rest if is_near(f.trial, query)]
    if step is None or not result.fits or len(placed) >= FULL_PAGE:
        return result
    wider = find_fitting(store, profile, step.without(query), lexicon)
    shown = {f.trial.nct_id for f in result.fits + result.set_aside}
    more = [f for f in wider.fits if f.trial.nct_id not in shown]
    more_aside = [f for f in wider.set_aside if f.trial.nct_id not in shown]
    if not more and not more_aside:
        return result
    unplaced = [f for f in rest if f not in placed]
    # nearest first, those listing no places last, but a trial made for their tumour before all of them
    further = sorted(
        placed + more + unplaced,
        key=lambda f: _likely_against(f, profile, lexicon) or not f.made_for_tumour,
    )
    return replace(
        result,
        fits=leading + _wished_kind_first(further, profile, lexicon),
        set_aside=result.set_aside + more_aside,
        nearby_fits=len(leading) + len(placed) if result.nearby_fits is None else result.nearby_fits,
    )


def _wished_kind_first(fits: list[Fit], profile: Profile, lexicon: Lexicon) -> list[Fit]:
    """Fits nearby, then further away, then those listing no places; but trials of another kind
    of treatment than the one wished for (or proposed: "PRRT is next") come after all that may be
    of that kind, and, for a NEC, trials whose records do not name NECs after those that do
    (`kind_order`), wherever they are."""
    wanted = {i for t in profile.wants.treatment or profile.wants.proposed for i in (t, *kind_members(t, lexicon))}
    return sorted(
        fits,
        key=lambda f: (
            bool(wanted) and _tests_another_kind(f.trial, wanted, lexicon),
            kind_order(f.trial, profile),
            f.other_kind,
        ),
    )


def is_near(trial: TrialDetail, query: TrialQuery) -> bool:
    """Within the distance searched around the place; searching a country, listing places
    (the search kept those in the country) or a sponsor's town in it."""
    sites = placed_sites(trial)
    if query.near is None or query.near.within_km is None:
        return bool(trial.sites) or any(
            site.country == (query.country or query.near and query.near.country) for site in sites
        )
    site = nearest_site(sites, query.near)
    return site is not None and site.distance_km <= query.near.within_km


DISTANCE_BAND_KM = 100  # within a band, how well a trial fits counts before how near it is


def runs_there(trial: TrialDetail, query: TrialQuery) -> bool:
    """The trial runs in the country searched (by a site, or for a record with none its sponsor's
    town), or within the distance searched around the place; False when no place was searched."""
    if query.near is not None and query.near.within_km is not None:
        return is_near(trial, query)
    country = query.country or (query.near.country if query.near else None)
    return bool(country) and any(site.country == country for site in placed_sites(trial))


def _distance_band(trial: TrialDetail, query: TrialQuery, made_for_them: bool = False) -> float:
    """0 for every trial within 100 km of the place asked about, 1 for 100-200 km... (none
    placed on the map: last); 0 when no place was asked about. A trial made for their tumour that runs
    far away (or lists no places) is just "far": among those, what fits them decides, not the miles.
    Searching a country: 0 for a trial that runs there, 1 for one that lists no places."""
    around = query.near
    if around is None:
        return 0 if not query.country or runs_there(trial, query) or made_for_them else 1
    site = nearest_site(placed_sites(trial), around)
    band = math.inf if site is None else site.distance_km // DISTANCE_BAND_KM
    return min(band, _FAR_KM // DISTANCE_BAND_KM) if made_for_them else band


_FAR_KM = 1000


def _named_trials(
    store: TrialStore,
    profile: Profile,
    fits: list[Fit],
    query: TrialQuery,
    answers: Answers,
    person: Person,
    lexicon: Lexicon,
) -> list[Fit]:
    """The trials the message names by acronym or number, whatever their status."""
    if query.acronym:  # the search kept only the acronym's trials
        named = list(fits)
    else:  # named in passing in a story: looked up on its own
        named = [_fit(trial, profile, answers, person, lexicon) for trial in _by_acronym(store, profile.lookup.acronym)]
    nct_id = profile.lookup.nct_id
    if is_valid_nct_id(nct_id) and not any(f.trial.nct_id == nct_id for f in named):
        trial = next((f.trial for f in fits if f.trial.nct_id == nct_id), None) or store.get(nct_id)
        if trial is not None:
            named.insert(0, _fit(trial, profile, answers, person, lexicon))
    return named


MAX_NAMED = 3  # trials a name in passing can lead with ("NETTER" starts NETTER-1, -2, -3...)


def _by_acronym(store: TrialStore, acronym: Optional[str]) -> list[TrialDetail]:
    if not acronym:
        return []
    page = store.search(TrialQuery(acronym=acronym, status="all", limit=MAX_NAMED))
    return store.get_many(s.nct_id for s in page.trials)


def _fit(trial: TrialDetail, profile: Profile, answers: Answers, person: Person, lexicon: Lexicon) -> Fit:
    made_for_tumour = made_for_their_tumour(trial, profile)
    made_for_them = made_for_tumour or (profile.tumour_type == "NEC" and kind_order(trial, profile) == 0)
    if answers.place and profile.place.travel_km is None and made_for_them:
        # a trial made for their kind of tumour is shown however far it runs (its card says where), not set
        # aside because another country's trials of other kinds are nearer: a NEC's second-line trials abroad
        answers = replace(answers, place=None)
    return Fit(
        trial,
        checklist(trial, answers, person),
        _avoided(trial, profile, lexicon),
        _too_young(trial, profile),
        size_clash(trial, profile),
        kind_clash(trial, profile) or fast_growing_only_clash(trial, profile),
        unmet_condition(trial, profile),
        _record_limit(trial, profile, lexicon),
        made_for_tumour,
        made_for_them,
        profile.tumour_type,
        for_other_tumours(trial, profile, lexicon) or fast_growing_only_unsaid(trial, profile),
        after_surgery_site_unsaid(trial, profile),
    )


def person_of(profile: Profile, answers: Answers) -> Person:
    """The profile as the judge's person: the answers (as the pre-screen would have them) plus
    what only a story tells (NET or NEC, where it spread, a syndrome, an inherited condition).
    An inherited condition not mentioned is not known to be absent; the chemotherapy drugs had
    are known only by their names ("cisplatin and etoposide": platinum), never from "chemo"."""
    person = Person(
        age=answers.age,
        sex=answers.sex,
        site=profile.site or answers.site,
        grades=answers.grades,
        ki67=answers.ki67,
        differentiation=profile.tumour_type,
        spread=answers.spread,
        spread_sites=profile.spread_to,
        functioning={"functioning": True, "non-functioning": False}.get(answers.functioning or ""),
        syndrome=profile.syndrome,
        men1=True if "MEN1" in profile.inherited else None,
        vhl=True if "VHL" in profile.inherited else None,
        treatments=fact_treatments(profile) if profile.treatments else answers.treatments,
    )
    return with_treatment_words(person, [t.id for t in profile.treatments])


# Points nearly every trial matches (an adult's age, either sex, open): they say nothing about fit,
# and counting them favoured the fullest records over the ones that fit.
_COMMON_POINTS = ("status", "age", "sex")


def _score(fit: Fit, profile: Profile, wanted: set[str], lexicon: Lexicon) -> int:
    """Points that match, the kind of treatment wished for (3), a trial made for their tumour
    size or grade (3), a site in the person's own city (2) and taking people now (1); one made
    for their age group ranks before (`made_for_their_age_group`). (Weighting the tumour's points
    double was tried: worse.)"""
    score = sum(1 for c in fit.result.checks if c.verdict == MATCHES and c.stated and c.topic not in _COMMON_POINTS)
    if wanted and wanted & tested_ids(fit.trial, lexicon):
        score += 3
    city = (profile.place.city or "").lower()
    if city and any((site.city or "").lower() == city for site in placed_sites(fit.trial)):
        score += 2
    score += noted_matches(fit.trial, profile)
    if made_for_their_size(fit.trial, profile) or fit.made_for_tumour:
        score += 3  # a 12 mm tumour, a Ki-67 of 30%: the trial made for it, before ones that set no limit
    if fit.unmet_condition:
        score -= 3  # for people with an inherited condition they have not mentioned
    return score + (1 if fit.trial.status == "RECRUITING" else 0)


_GROWN_UP = ("partner", "parent", "grandparent")


_YOUNG_PEOPLE_TITLE = re.compile(r"\b(?:adolescents?|pa?ediatric|children|child)\b", re.I)


def made_for_their_tumour(trial: TrialDetail, profile: Profile) -> bool:
    """Made for their Ki-67 or grade, a new diagnosis, or the syndrome or inherited condition they said."""
    return (
        made_for_their_grade(trial, profile)
        or made_for_the_newly_diagnosed(trial, profile)
        or made_for_their_condition(trial, profile)
    )


def _record_limit(trial: TrialDetail, profile: Profile, lexicon: Lexicon) -> Optional[str]:
    return (
        site_clash(trial, profile)
        or primary_removed_clash(trial, profile)
        or noted_clash(trial, profile, lexicon)
        or spread_clash(trial, profile)
        or high_grade_clash(trial, profile)
        or after_surgery_not_had(trial, profile, lexicon)
        or maintenance_after_growth(trial, profile, lexicon)
        or _teenagers_only(trial, profile)
    )


_TEENAGERS_TITLE = re.compile(r"\badolescents?\b", re.I)
_CHILDREN_TITLE = re.compile(r"\b(?:pa?ediatric|children|child|infants?)\b", re.I)
YOUNG_CHILD_AGE = 12  # under this, a trial for adolescents (12 to 17 in trials) clearly does not fit


def _teenagers_only(trial: TrialDetail, profile: Profile) -> Optional[str]:
    """A trial whose title says it is for adolescents (and not children), with no age limits in
    the record, for a young child."""
    if profile.age is None or profile.age >= YOUNG_CHILD_AGE or trial.min_age_years is not None:
        return None
    if not _TEENAGERS_TITLE.search(trial.title) or _CHILDREN_TITLE.search(trial.title):
        return None
    return f"It is for teenagers. You said {profile.age}."


_YOUNG_GROUPS = ("child", "teen")
_OLDER_PEOPLE_TITLE = re.compile(r"\b(?:elderly|geriatric|older (?:adults?|patients?|people|persons?))\b", re.I)
OLDER_AGE = 65  # the registry's older adults
_OLDER_TRIAL_MIN_AGE = 60  # a trial whose youngest is 60 or over is made for older people


def made_for_their_age_group(trial: TrialDetail, profile: Profile) -> bool:
    """A trial made for the person's age group, before those that merely allow their age: for a
    child or teenager, one for young people ("Lutathera in Adolescent Patients"); for an older adult,
    one for older people (its title, or a youngest age of 60 or over)."""
    group = profile.wants.age_group
    if (profile.age is not None and profile.age < 18) or (profile.age is None and group in _YOUNG_GROUPS):
        return for_young_people(trial)
    if (profile.age is not None and profile.age >= OLDER_AGE) or (profile.age is None and group == "older adult"):
        youngest = trial.min_age_years
        return bool(_OLDER_PEOPLE_TITLE.search(trial.title or "")) or (
            youngest is not None and youngest >= _OLDER_TRIAL_MIN_AGE
        )
    return False


def for_young_people(trial: TrialDetail) -> bool:
    """Only under-18s by its age limits, or a title for children or adolescents."""
    if trial.max_age_years is not None:
        return trial.max_age_years < 18
    return bool(_YOUNG_PEOPLE_TITLE.search(trial.title))


def _too_young(trial: TrialDetail, profile: Profile) -> bool:
    """A trial only for under-18s (by its age limits, or a title that says so when the record
    gives no limits), for a person we know is a grown-up."""
    grown_up = profile.about in _GROWN_UP or (profile.age is not None and profile.age >= 18)
    if trial.max_age_years is not None:
        return grown_up and trial.max_age_years < 18
    return grown_up and trial.min_age_years is None and bool(_YOUNG_PEOPLE_TITLE.search(trial.title))


def _avoided(trial: TrialDetail, profile: Profile, lexicon: Lexicon) -> tuple[str, ...]:
    """Names of the kinds of treatment the person does not want that this trial tests."""
    if not profile.wants.avoid:
        return ()
    tested = tested_ids(trial, lexicon)
    return tuple(lexicon.name_of(f"treatment:{a}") for a in profile.wants.avoid if a in tested)


# -- one plain line of why ------------------------------------------------------------------------
_WHY_TOPICS = ("where it started", "grade", "spread", "past treatment needed", "age", "place")


def why_line(fit: Fit) -> str:
    """ "Fits what you told me: it is for NETs that start in the pancreas; it is for grade 1 or
    2 NETs." Or the reason it was set aside. For a NEC, what the trial is for comes first, and
    a point it fits never calls their tumour a NET."""
    if fit.avoided:
        return f"It tests {fit.avoided[0]}, which you said you would rather not have."
    if fit.too_young_for_adult:
        return "It is for young people under 18."
    if fit.size_clash or fit.kind_clash or fit.record_limit:
        return fit.size_clash or fit.kind_clash or fit.record_limit or ""
    if fit.clashes:
        return _first_sentence(fit.clashes[0].reason)
    matched = [
        c for topic in _WHY_TOPICS for c in fit.result.checks if c.topic == topic and c.verdict == MATCHES and c.stated
    ]
    if fit.unmet_condition:
        return f"It is for people with {fit.unmet_condition}, a condition that runs in families. Ask the team if you are not sure."
    if fit.other_kind and led_by_other_tumours(fit.trial):
        return OTHER_TUMOURS_WHY
    if fit.stage_note:
        return fit.stage_note
    kind = nec_why(fit.trial) if fit.tumour_type == "NEC" else ""
    if not matched:
        return kind or "Nothing in the record clashes with what you told me. The trial team can say more."
    parts = [_lower_first(_first_sentence(c.reason)).rstrip(".") for c in matched[:2]]
    fits = "Fits what you told me: " + "; ".join(parts) + "."
    return f"{kind} {_NETS.sub('tumours', fits)}" if kind else fits


_NETS = re.compile(r"\bNETs\b")


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
