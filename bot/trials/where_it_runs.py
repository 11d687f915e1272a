"""Where a trial runs, place by place: country, city, hospital and whether that place is open."""

from __future__ import annotations

from typing import Optional

from bot.geo.countries import spoken_name
from bot.geo.country_words import country_name, country_words
from bot.trials.nearby import distance_to, nearest_site
from bot.trials.present import nearest_words, status_words
from bot.trials.query import Near, Site, TrialDetail
from bot.words_list import words_list

MAX_SITES_SHOWN = 8
MAX_COUNTRIES_NAMED = 5
TRAVEL = (
    "Ask the trial team how far you would need to travel, and how often. Ask too if there is help with travel costs."
)


def _km_or_last(km: Optional[float]) -> float:
    return float("inf") if km is None else km


def site_status(site: Site) -> str:
    """ "open", "opening soon", "finished"... for one place."""
    return status_words(site.status).split(":")[0].lower() if site.status else "status not given"


def site_line(site: Site, with_status: bool = True) -> str:
    where = (
        ", ".join(p for p in (site.city, spoken_name(site.country) if site.country else None) if p) or "Place not named"
    )
    name = f": {site.facility}" if site.facility else ""
    status = f" ({site_status(site)})" if with_status else ""
    return f"- {where}{name}{status}."


def places_text(trial: TrialDetail, home: Optional[str] = None, around: Optional[Near] = None) -> str:
    """The chat message. `home` (an ISO country code) puts that country's places first;
    `around` (the town or region the person named) puts the nearest first and names it."""
    if not trial.sites:
        return (
            f"The record for {trial.nct_id} lists no places. The registry page or the trial team "
            f"can tell you where it runs: {trial.registry_url}\n{TRAVEL}"
        )
    home_name = country_name(home) if home else None
    sites = sorted(trial.sites, key=lambda s: (s.country != home_name, s.country or "", s.city or ""))
    count = len(trial.sites)
    countries = trial.countries
    named = [country_words(c) for c in countries[:MAX_COUNTRIES_NAMED]]
    if len(countries) > MAX_COUNTRIES_NAMED:  # a long list is hard to read: say how many
        named.append(f"{len(countries) - MAX_COUNTRIES_NAMED} more countries")
    in_countries = f" in {words_list(named)}" if countries else ""
    lines = [f"Where {trial.nct_id} runs: {count} {'place' if count == 1 else 'places'}{in_countries}."]
    nearest = nearest_site(trial.sites, around) if around else None
    if around and nearest:
        sites = sorted(trial.sites, key=lambda site: _km_or_last(distance_to(site, around)))
        lines.append(
            f"The nearest to {around.name.split(',')[0]}: {nearest_words(nearest, around.country).split(': ', 1)[1]}."
        )
    if home_name and home_name not in countries:
        lines.append(f"It lists no places in {country_words(home_name)}.")
    # A place's own status means something only while the trial takes people (a merged record's
    # places can be older than its status).
    with_status = trial.is_open and any(site.status for site in sites)
    if trial.is_open and not with_status:
        lines.append("The record does not say which places are open now.")
    lines += [site_line(site, with_status) for site in sites[:MAX_SITES_SHOWN]]
    hidden = count - MAX_SITES_SHOWN
    if hidden > 0:
        lines.append(
            f"There {'is 1 more place' if hidden == 1 else f'are {hidden} more places'}. See them all: {trial.registry_url}"
        )
    lines.append(TRAVEL)
    return "\n".join(lines)
