"""Trial records in plain words: result cards for the chat, and the trial view.

Shared by the Rasa actions, the CLI and the staff page so that everyone sees the same wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional, Sequence

from bot.geo import distance_words
from bot.geo.countries import spoken_name
from bot.trials.about import PHASE_WORDS, about_lines, compared_line, given_line
from bot.trials.freshness import day_words, may_have_changed, stale_open_words
from bot.trials.query import Near, NearestSite, SearchPage, TrialDetail, TrialQuery, TrialSummary

STATUS_WORDS = {
    "RECRUITING": "Open: looking for people to join",
    "NOT_YET_RECRUITING": "Opening soon: not taking people yet",
    "ENROLLING_BY_INVITATION": "Only for people the trial team invites",
    "ACTIVE_NOT_RECRUITING": "Still running, but not taking new people",
    "COMPLETED": "Finished",
    "SUSPENDED": "Paused for now",
    "TERMINATED": "Stopped early",
    "WITHDRAWN": "Stopped before it started",
    "UNKNOWN": "Not known",
}
STATUS_KIND = {"open": "open trials", "closed": "closed trials", "all": "trials"}
AGE_GROUP_WORDS = {"child": "children", "teen": "teenagers", "adult": "adults", "older_adult": "older adults"}
PLURAL_S = {"net", "tumour", "tumor", "carcinoma", "neoplasm"}  # "pancreatic NET" -> "pancreatic NETs"
TITLE_LIMIT = 90
MAX_PLACES_ON_CARD = 3


@dataclass(frozen=True)
class Card:
    """One search result as the chat shows it."""

    nct_id: str
    title: str
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join((self.title, *self.lines))

    @property
    def button_title(self) -> str:
        return f"See {self.nct_id}"

    @property
    def button_payload(self) -> str:
        return '/show_trial{"nct_id":"%s"}' % self.nct_id


def status_words(status: Optional[str]) -> str:
    return STATUS_WORDS.get((status or "UNKNOWN").upper(), (status or "Not known").replace("_", " ").lower())


def dated_status_words(status: Optional[str], as_of: Optional[str], today: Optional[date] = None) -> str:
    """The status with the date it was confirmed. An open status more than a year old (or of
    no known date) is never said plainly: "Recruiting as of July 2020 - this may have changed..."."""
    if may_have_changed(status, as_of, today):
        return stale_open_words(status or "", as_of)
    words = status_words(status)
    return f"{words} (as of {day_words(as_of)})" if as_of else words


def phase_words(phases: tuple[str, ...]) -> str:
    named = [PHASE_WORDS[p] for p in phases if p in PHASE_WORDS]
    if not named:
        return "No phase given (not a drug trial, or not stated)"
    text = " and ".join(named)
    return text[0].upper() + text[1:]


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-")
    return cut + "…"


def shown_title(title: str, limit: int) -> str:
    """A record's title as a list shows it: shortened, without the full stop some titles end with
    ("... of NeuroEndocrine Tumors.")."""
    return shorten((title or "").rstrip(" ."), limit)


def places_words(countries: tuple[str, ...], cities: tuple[str, ...] = ()) -> str:
    if not countries and not cities:
        return "The record does not list places yet"
    shown = [spoken_name(c) for c in countries[:MAX_PLACES_ON_CARD]]
    more = len(countries) - len(shown)
    text = ", ".join(shown) if shown else ", ".join(cities[:MAX_PLACES_ON_CARD])
    return text + (f" and {more} more" if more > 0 else "")


def card_lines(
    status: str, as_of: Optional[str], phases: tuple[str, ...], countries: tuple[str, ...], cities: tuple[str, ...]
) -> tuple[str, ...]:
    phase = (f"Phase: {phase_words(phases)}",) if any(p in PHASE_WORDS for p in phases) else ()
    return (f"Status: {dated_status_words(status, as_of)}", *phase, f"Where: {places_words(countries, cities)}")


def card(summary: TrialSummary, units_country: Optional[str] = None) -> Card:
    """`units_country`: the country of the place searched around (miles or km)."""
    lines = card_lines(summary.status, summary.status_as_of, summary.phases, summary.countries, summary.cities)
    if summary.nearest_site:
        lines += (nearest_words(summary.nearest_site, units_country),)
    return Card(nct_id=summary.nct_id, title=shown_title(summary.title, TITLE_LIMIT), lines=lines)


def asked_for(query: TrialQuery, with_condition: bool = True) -> str:
    """What was searched for, in words: "everolimus, in France, phase 3"."""
    condition = query.condition if with_condition else None
    parts = [p for p in (query.acronym, query.treatment, condition, query.text) if p]
    if query.sponsor:
        parts.append(f"with {query.sponsor}")
    if query.site:
        parts.append(f"at {query.site}")
    where = ", ".join(p for p in (query.city, query.country) if p)
    if where:
        parts.append(f"in {where}")
    if query.near:
        parts.append(near_words(query.near))
    if query.phase is not None:
        parts.append(f"phase {query.phase}")
    if query.age_group:
        parts.append(f"that take {AGE_GROUP_WORDS[query.age_group]}")  # their age limits let them in
    return ", ".join(parts)


def near_words(near: Near) -> str:
    """ "within about 60 miles of Leeds, United Kingdom"; "in or near the Midlands" for a region
    (its own size is part of the distance); "near ..." with no distance."""
    if near.area:
        return f"in or near {near.name}"
    if near.within_km is None:
        return f"near {near.name}"
    return f"within {distance_words(near.within_km, near.country)} of {near.name}"


def nearest_words(site: NearestSite, units_country: Optional[str]) -> str:
    """ "Nearest place: Christie Hospital, Manchester - about 30 miles" for a card."""
    where = ", ".join(p for p in (site.facility, site.city) if p) or site.country or "a site"
    return f"Nearest place: {where} - {distance_words(site.distance_km, units_country)}"


def results_heading(page: SearchPage, query: TrialQuery) -> str:
    """ "I found 7 of our open trials for insulinoma. Here are 1 to 5." A condition is named
    as what the trials are for only when a listed trial is about it; trials listed only
    because they take a broader condition (page.broader_ids) are said to be so."""
    kind = STATUS_KIND[query.status]
    here = f" Here are {page.offset + 1} to {page.offset + len(page.trials)}." if page.total > 1 else ""
    if not (page.broader_ids and query.condition):
        return f"I found {page.total} of our {kind}{about_words(asked_for(query))}.{here}"
    condition, broader = query.condition, _broader_words(page)
    specific = len(page.trials) - len(page.broader_ids)
    if specific:
        found = f"I found {page.total} of our {kind}{about_words(asked_for(query))}."
        return (
            found + here.rstrip(".") + f": {specific} {_is(specific)} for {condition} itself, "
            f"{len(page.broader_ids)} for {broader} in general."
        )
    found = f"I found {page.total} of our {kind}{about_words(asked_for(query, with_condition=False))}."
    if page.specific_total:  # on other pages
        return (
            found
            + f" {page.specific_total} {_is(page.specific_total)} for {condition} itself."
            + here.rstrip(".")
            + f": these take {broader} in general."
        )
    return found + " " + _none_only_for(page, condition) + here


def about_words(what: str) -> str:
    """ " for everolimus, in France", or " in Sweden" when only a place was asked for."""
    if not what:
        return ""
    return f" {what}" if what.split()[0] in ("in", "at", "with", "for", "within", "near") else f" for {what}"


def _none_only_for(page: SearchPage, condition: str) -> str:
    """ "None is only for insulinoma; these 4 take pancreatic NETs in general." """
    broader = _broader_words(page)
    if page.total == 1:
        return f"It is not only for {condition}; it takes {broader} in general."
    these = f"these {page.total}" if page.total == len(page.trials) else "these"
    return f"None is only for {condition}; {these} take {broader} in general."


def _broader_words(page: SearchPage) -> str:
    if not page.broader_name:
        return "related conditions"
    name = page.broader_name
    return name + "s" if name.split()[-1].lower() in PLURAL_S else name


def _is(count: int) -> str:
    return "is" if count == 1 else "are"


def unknown_names(page: SearchPage) -> Optional[str]:
    """ "I don't know the name 'cabozantnb'. Did you mean cabozantinib?" for names the
    lexicon does not know; None when it knew them all. It never says a drug does not exist."""
    return unknown_names_text(page.unknown_terms, page.suggestions)


def unknown_names_text(terms: Sequence[str], suggestions: Sequence[str] = ()) -> Optional[str]:
    if not terms:
        return None
    quoted = _and_list([f"'{term}'" for term in terms])
    noun = "name" if len(terms) == 1 else "names"
    text = f"I don't know the {noun} {quoted}."
    if suggestions:
        return text + f" Did you mean {_or_list(list(suggestions))}?"
    return text + " It may be new, or a name I have not learned yet."


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _or_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def unplaced_words(page: SearchPage) -> Optional[str]:
    """ "2 more trials match but do not list where they run." when a place filter left them out."""
    count = page.unplaced_total
    if not count:
        return None
    more = "more " if page.trials else ""
    if count == 1:
        return f"1 {more}trial matches but does not list where it runs."
    return f"{count} {more}trials match but do not list where they run."


def nothing_found(query: TrialQuery, page: Optional[SearchPage] = None) -> str:
    """Kind words when a search found nothing. Given the page, a name we do not know is
    said first, with the nearest names we do know."""
    unknown = unknown_names(page) if page is not None else None
    if unknown:
        return unknown + "\nYou could check the spelling, or try another name for it."
    kind = "open trials" if query.status == "open" else "trials"
    lines = [f"I'm sorry, I could not find any {kind}{about_words(asked_for(query))}."]
    tips = ["Try fewer words, or another name for the treatment."]
    if query.city or query.country:
        tips.append("Try a whole country, or leave the place out.")
    if query.status == "open":
        tips.append('You can also ask for "closed trials" to see ones that have finished.')
    lines.append(" ".join(tips))
    if page is not None and (unplaced := unplaced_words(page)):
        lines.append(unplaced)
    return "\n".join(lines)


def detail_lines(trial: TrialDetail) -> list[str]:
    """The trial view, line by line, in plain words."""
    title = (trial.title or "").rstrip(". ") or "A trial with no title in its record"  # "Tumors." (NCT05387603)
    lines = [f"{title} ({trial.nct_id})"]
    if trial.acronym and trial.acronym not in trial.title:
        lines[0] += f", also called {trial.acronym}"
    lines.append(f"Status: {dated_status_words(trial.status, trial.status_as_of)}.")
    updated = f"Last updated on the registry: {day_words(trial.last_updated) if trial.last_updated else 'not given'}."
    if trial.is_open and not may_have_changed(trial.status, trial.status_as_of):  # else the status says so
        updated += " Things may have changed since: the trial team can tell you if it is still open."
    lines.append(updated)
    lines.append(f"Phase: {phase_words(trial.phases)}.")
    about = about_lines(trial)
    # after what it tests: what taking part means ("PDR001: as a drip into a vein, every 4 weeks"), and what a
    # record with no groups compares ("personalized PRRT to non-personalized PRRT")
    added = [line for line in (given_line(trial), compared_line(trial)) if line]
    lines += about[:1] + added + about[1:]
    lines.append(f"Where: {where_text(trial)}")
    if trial.sponsor:
        lines.append(f"Run by: {trial.sponsor}.")
    lines.append(f"Who to contact: {contact_text(trial)}")
    lines.append(f"Full record: {trial.registry_url}")
    if trial.summary:
        lines.append(SUMMARY_HINT)
    return lines


SUMMARY_HINT = 'To read the registry\'s own summary, whole, say "show the summary".'


def registry_summary(trial: TrialDetail) -> str:
    """The record's own summary, whole (it is the registry's wording, for clinicians)."""
    if not trial.summary:
        return (
            f"The record of {trial.nct_id} has no summary. The registry page has the full record: {trial.registry_url}"
        )
    return f"The registry's own summary of {trial.nct_id} (written for doctors):\n{trial.summary.strip()}"


def where_text(trial: TrialDetail) -> str:
    if not trial.sites:
        return "The record lists no places. The registry page or the trial team can tell you."
    places = []
    for site in trial.sites:
        name = ", ".join(p for p in (site.facility, site.city, site.country) if p)
        if site.status:
            name += f" ({status_words(site.status).split(':')[0].lower()})"
        places.append(name)
    shown = places[:5]
    more = len(places) - len(shown)
    return "; ".join(shown) + (f"; and {more} more places." if more > 0 else ".")


def contact_text(trial: TrialDetail) -> str:
    people = []
    # the same person is often listed for the whole trial and again at a site: once, with the site
    with_site = {(c.name, c.phone, c.email) for c in trial.contacts if c.site}
    for contact in trial.contacts:
        details = ", ".join(p for p in (contact.phone, contact.email) if p)
        if not details or (not contact.site and (contact.name, contact.phone, contact.email) in with_site):
            continue
        who = contact.name or contact.role or "Trial contact"
        where = f" at {contact.site}" if contact.site else ""
        people.append(f"{who}{where}: {details}")
    if not people:
        return (
            "The record does not give contact details. Ask your specialist team about it, "
            f"or see the registry page: {trial.registry_url}"
        )
    return "; ".join(people[:4]) + ("; and more on the registry page." if len(people) > 4 else ".")
