"""Trial records in plain words: result cards for the chat, and the trial view.

Shared by the Rasa actions, the CLI and the staff page so that everyone sees the same wording.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from bot.trials.about import PHASE_WORDS, about_lines
from bot.trials.query import SearchPage, TrialDetail, TrialQuery, TrialSummary

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
TITLE_LIMIT = 90
SUMMARY_LIMIT = 400
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


def places_words(countries: tuple[str, ...], cities: tuple[str, ...] = ()) -> str:
    if not countries and not cities:
        return "Places not listed"
    shown = list(countries[:MAX_PLACES_ON_CARD])
    more = len(countries) - len(shown)
    text = ", ".join(shown) if shown else ", ".join(cities[:MAX_PLACES_ON_CARD])
    return text + (f" and {more} more" if more > 0 else "")


def card(summary: TrialSummary) -> Card:
    return Card(
        nct_id=summary.nct_id,
        title=shorten(summary.title, TITLE_LIMIT),
        lines=(
            f"Status: {status_words(summary.status)}",
            f"Phase: {phase_words(summary.phases)}",
            f"Where: {places_words(summary.countries, summary.cities)}",
        ),
    )


def asked_for(query: TrialQuery) -> str:
    """What was searched for, in words: "everolimus, in France, phase 3"."""
    parts = [p for p in (query.treatment, query.condition, query.text) if p]
    where = ", ".join(p for p in (query.city, query.country) if p)
    if where:
        parts.append(f"in {where}")
    if query.phase is not None:
        parts.append(f"phase {query.phase}")
    return ", ".join(parts)


def results_heading(page: SearchPage, query: TrialQuery) -> str:
    what = asked_for(query)
    kind = {"open": "open trials", "closed": "closed trials", "all": "trials"}[query.status]
    about = f" for {what}" if what else ""
    first, last = page.offset + 1, page.offset + len(page.trials)
    if page.total == 1:
        return f"I found 1 of our {kind}{about}."
    return f"I found {page.total} of our {kind}{about}. Here are {first} to {last}."


def nothing_found(query: TrialQuery) -> str:
    what = asked_for(query)
    kind = "open trials" if query.status == "open" else "trials"
    lines = [f"I'm sorry, I could not find any {kind}" + (f" for {what}." if what else ".")]
    tips = ["Try fewer words, or another name for the treatment."]
    if query.city or query.country:
        tips.append("Try a whole country, or leave the place out.")
    if query.status == "open":
        tips.append('You can also ask for "closed trials" to see ones that have finished.')
    lines.append(" ".join(tips))
    return "\n".join(lines)


def detail_lines(trial: TrialDetail) -> list[str]:
    """The trial view, line by line, in plain words."""
    lines = [f"{trial.title} ({trial.nct_id})"]
    if trial.acronym and trial.acronym not in trial.title:
        lines[0] += f", also called {trial.acronym}"
    lines.append(f"Status: {status_words(trial.status)}.")
    updated = trial.last_updated or "not given"
    lines.append(
        f"Last updated on the registry: {updated}. Things may have changed since: "
        "the trial team can tell you if it is still open."
    )
    lines.append(f"Phase: {phase_words(trial.phases)}.")
    lines += about_lines(trial)
    if trial.summary:
        lines.append(f"What the record says (in the registry's words): {shorten(trial.summary, SUMMARY_LIMIT)}")
    lines.append(f"Where: {where_text(trial)}")
    if trial.sponsor:
        lines.append(f"Run by: {trial.sponsor}.")
    lines.append(f"Who to contact: {contact_text(trial)}")
    lines.append(f"Full record: {trial.registry_url}")
    return lines


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
    for contact in trial.contacts:
        details = ", ".join(p for p in (contact.phone, contact.email) if p)
        if not details:
            continue
        who = contact.name or contact.role or "Trial contact"
        where = f" at {contact.site}" if contact.site else ""
        people.append(f"{who}{where}: {details}")
    if not people:
        return (
            "The record gives no contact details. Ask your specialist team about it, "
            f"or see the registry page: {trial.registry_url}"
        )
    return "; ".join(people[:4]) + ("; and more on the registry page." if len(people) > 4 else ".")
