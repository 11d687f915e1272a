"""Where a trial runs, place by place: country, city, hospital and whether that place is open."""
from __future__ import annotations

from typing import Optional

from bot.prescreen.checklist import country_name, country_words, words_list
from bot.trials.present import status_words
from bot.trials.query import Site, TrialDetail

MAX_SITES_SHOWN = 8
MAX_COUNTRIES_NAMED = 5
TRAVEL = "Ask the trial team how far you would need to travel, and how often. Ask too if there is help with travel costs."


def site_status(site: Site) -> str:
    """ "open", "opening soon", "finished"... for one place."""
    return status_words(site.status).split(":")[0].lower() if site.status else "status not given"


def site_line(site: Site, with_status: bool = True) -> str:
    where = ", ".join(p for p in (site.city, site.country) if p) or "Place not named"
    name = f": {site.facility}" if site.facility else ""
    status = f" ({site_status(site)})" if with_status else ""
    return f"- {where}{name}{status}."


def places_text(trial: TrialDetail, home: Optional[str] = None) -> str:
    """The chat message. `home` (an ISO country code) puts that country's places first."""
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
    if home_name and home_name not in countries:
        lines.append(f"It lists no places in {country_words(home_name)}.")
    with_status = any(site.status for site in sites)
    if not with_status:
        lines.append("The record does not say which places are open now.")
    lines += [site_line(site, with_status) for site in sites[:MAX_SITES_SHOWN]]
    hidden = count - MAX_SITES_SHOWN
    if hidden > 0:
        lines.append(f"There {'is 1 more place' if hidden == 1 else f'are {hidden} more places'}. See them all: {trial.registry_url}")
    lines.append(TRAVEL)
    return "\n".join(lines)
