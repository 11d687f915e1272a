"""The staff pages as HTML: login, search with a results table, and a printable trial page.

What each page shows is worked out here, as plain values; the markup is in the Jinja2
templates in bot/web/templates/. Server-rendered, no inline script or style (the
Content-Security-Policy forbids both). Autoescaping is on for every template, so a record's or
a request's text is shown as text and never runs as HTML.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Mapping, Optional
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from bot.trials.present import unknown_names_text
from bot.trials.query import TrialQuery
from bot.web.staff_api import SEARCH_PARAMS, BadParameter

APP_NAME = "NET Trials Assistant: staff lookup"
PHASE_CHOICES = (
    ("", "Any phase"),
    ("0", "Early phase 1"),
    ("1", "Phase 1"),
    ("2", "Phase 2"),
    ("3", "Phase 3"),
    ("4", "Phase 4"),
)
# No status chosen: open trials, or every status when looking a trial up by its acronym.
STATUS_CHOICES = (
    ("", "Open (any status for an acronym)"),
    ("open", "Open (recruiting or opening soon)"),
    ("closed", "Closed"),
    ("all", "Open and closed"),
)
SEX_CHOICES = (("", "Any"), ("female", "Female"), ("male", "Male"))
AGE_GROUP_CHOICES = (
    ("", "Any age group"),
    ("child", "Children (under 18)"),
    ("teen", "Teenagers (13 to 17)"),
    ("adult", "Adults (18 to 64)"),
    ("older_adult", "Older adults (65 and over)"),
)
CHOICES = {"status": STATUS_CHOICES, "phase": PHASE_CHOICES, "sex": SEX_CHOICES, "age_group": AGE_GROUP_CHOICES}
HINTS = {
    "treatment": "Any name: brand, generic, lay word or a misspelling.",
    "condition": "For example pancreatic NET or insulinoma.",
    "text": "Words anywhere in the record.",
    "acronym": "For example NETTER-2 or netter 2. Shows closed trials too, unless you pick a status.",
    "sponsor": "Who runs it or helps to, for example Novartis.",
    "site": "Words of its name, for example Christie or Royal Free.",
    "age": "Shows trials whose age limits include it.",
}
FORM_FIELDS = (
    "treatment",
    "condition",
    "text",
    "acronym",
    "sponsor",
    "site",
    "country",
    "city",
    "status",
    "phase",
    "age",
    "age_group",
    "sex",
)
LABELS = {p.name: p.label for p in SEARCH_PARAMS}


TEMPLATES_DIR = Path(__file__).parent / "templates"


def _escaped(value: Any) -> Markup:
    """Each value a template prints, escaped by html.escape (None prints nothing). Autoescaping
    would escape it anyway; doing it here keeps the entities the pages always had (&quot;)."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape("" if value is None else str(value), quote=True))


_ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES_DIR),
    autoescape=True,
    finalize=_escaped,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def render(template: str, title: str, user: Optional[str] = None, body_class: str = "", **values: Any) -> str:
    return _ENVIRONMENT.get_template(template).render(
        title=title, user=user, body_class=body_class, app_name=APP_NAME, **values
    )


# -- simple pages -----------------------------------------------------------------------------
def message_page(title: str, message: str) -> str:
    return render("message.html", title, message=message)


def login_page(next_path: str, error: Optional[str] = None, with_names: bool = False, name: str = "") -> str:
    return render("login.html", "Sign in", next_path=next_path, error=error, with_names=with_names, name=name)


# -- search -----------------------------------------------------------------------------------
def search_page(
    user: str,
    values: Mapping[str, str],
    results: Optional[dict[str, Any]] = None,
    query: Optional[TrialQuery] = None,
    error: Optional[BadParameter] = None,
) -> str:
    shown = _results(results, query, values) if error is None and results is not None and query is not None else None
    return render(
        "search.html",
        "Find a trial",
        user,
        fields=_fields(values, error),
        error=error.message if error is not None else None,
        results=shown,
    )


def _fields(values: Mapping[str, str], error: Optional[BadParameter]) -> list[dict[str, Any]]:
    fields = []
    for name in FORM_FIELDS:
        field_id = f"f-{name}"
        invalid = error is not None and error.parameter == name
        described = ([f"{field_id}-hint"] if name in HINTS else []) + (["search-error"] if invalid else [])
        fields.append(
            {
                "name": name,
                "id": field_id,
                "label": LABELS[name],
                "hint": HINTS.get(name),
                "value": values.get(name, ""),
                "choices": CHOICES.get(name),
                "invalid": invalid,
                "described": " ".join(described),
            }
        )
    return fields


def _results(results: dict[str, Any], query: TrialQuery, values: Mapping[str, str]) -> dict[str, Any]:
    trials = results["trials"]
    summary = _summary(results, query)
    notes = []
    unknown = unknown_names_text(results["unknown_terms"], results["suggestions"])
    if unknown:
        notes.append(unknown + (" I searched the records' own words for it." if trials else ""))
    if results["broader_ids"]:
        broader = results["broader_name"] or "a broader condition"
        notes.append(
            f"Found only because they take {broader}, not {query.condition or ''} itself: "
            f"{', '.join(results['broader_ids'])}."
        )
    if results.get("unplaced_words"):
        notes.append(f"{results['unplaced_words']} Search without the place to see them.")
    back = search_query_string(values)
    rows = [
        {
            "nct_id": t["nct_id"],
            "title": t["title"],
            "link": f"/staff/trials/{quote(t['nct_id'])}" + (f"?{urlencode({'back': back})}" if back else ""),
            "status_class": "open" if t["is_open"] else "closed",
            "status": t["status_words"].split(":")[0],
            "phase": _short_phase(t["phase_words"]),
            "where": t["places_words"] if t["countries"] or t["cities"] else "Not listed",
            "updated": t["last_updated"] or "Not given",
            "nearest": _nearest_words(t.get("nearest_site")),
        }
        for t in trials
    ]
    return {
        "summary": summary,
        "notes": notes,
        "rows": rows,
        "nearby": any(t.get("nearest_site") for t in trials),
        "pager": _pager(results, values),
    }


def _summary(results: dict[str, Any], query: TrialQuery) -> str:
    trials, total, offset = results["trials"], results["total"], results["offset"]
    kind = {"open": "open trials", "closed": "closed trials", "all": "trials"}[query.status]
    if not trials:
        return (
            f"No {kind} found. Try fewer words, another name for the treatment, a whole country, "
            "or status Open and closed."
            if total == 0
            else f"{total} {kind} found, but none on this page. Go back to the first page."
        )
    if total == 1:
        return f"1 {kind[:-1]} found."
    return f"{total} {kind} found. Showing {offset + 1} to {offset + len(trials)}."


def _nearest_words(site: Optional[dict[str, Any]]) -> str:
    if not site:
        return "Not on the map"
    where = ", ".join(p for p in (site["facility"], site["city"], site["country"]) if p)
    return f"{where} ({site['distance_km']:.0f} km)"


def _short_phase(words: str) -> str:
    return "No phase" if words.startswith("No phase") else words


def _pager(results: dict[str, Any], values: Mapping[str, str]) -> list[dict[str, str]]:
    limit, offset, total = results["limit"], results["offset"], results["total"]
    links = []
    if offset > 0:
        links.append(
            {
                "rel": "prev",
                "text": f"Previous {limit}",
                "query": search_query_string({**values, "offset": str(max(0, offset - limit))}),
            }
        )
    if results["has_more"]:
        links.append(
            {
                "rel": "next",
                "text": f"Next {min(limit, total - offset - limit)}",
                "query": search_query_string({**values, "offset": str(offset + limit)}),
            }
        )
    return links


def search_query_string(values: Mapping[str, str]) -> str:
    """The search as a query string, with only the known parameters that have a value."""
    known = [p.name for p in SEARCH_PARAMS]
    return urlencode([(k, values[k]) for k in known if values.get(k)])


# -- one trial --------------------------------------------------------------------------------
def trial_page(user: str, trial: dict[str, Any], back: Optional[str] = None, today: Optional[date] = None) -> str:
    acronym = trial["acronym"]
    return render(
        "trial.html",
        f"{trial['nct_id']}: {trial['title'][:60]}",
        user,
        "trial-page",
        trial=trial,
        back_link=f"/staff?{back}#results" if back else "/staff",  # on a phone the form would fill the screen
        back_text="Back to the results" if back else "Search trials",
        also_called=acronym if acronym and acronym not in trial["title"] else None,
        facts=_facts(trial),
        copy_rows=trial["copy_text"].count("\n") + 3,  # room for lines that wrap
        contacts=[_contact(c) for c in trial["contacts"]],
        sites=[_site(s) for s in trial["sites"]],
        countries=", ".join(trial["countries"]) or "countries not given",
        eligibility=trial["eligibility"],
        record_limits="; ".join(trial["record_limits"]),
        questions=trial["questions"],
        today=(today or date.today()).isoformat(),
    )


@dataclass(frozen=True)
class Fact:
    """One row of a trial's facts list: a label and a text, a list of entries, or a link."""

    label: str
    text: str = ""
    entries: tuple[str, ...] = ()
    link: str = ""


def _facts(trial: dict[str, Any]) -> list[Fact]:
    still = "if it is still open" if trial["is_open"] else "if this has changed"
    updated = f"Registry last updated {trial['last_updated'] or '(date not given)'}"
    if trial["is_open"] and not trial["status_recent"]:  # the status words already say it may have changed
        status = f"{trial['status_words']}. {updated}."
    else:
        status = (
            f"{trial['status_words']}. {updated}: things may have changed since, "
            f"and the trial team can tell you {still}."
        )
    rows = [Fact("Status", status), Fact("Phase", trial["phase_words"])]
    if trial["study_type"]:
        rows.append(Fact("Type of study", trial["study_type"].replace("_", " ").capitalize()))
    if trial["conditions"]:
        rows.append(Fact("Conditions", "; ".join(trial["conditions"])))
    if trial["interventions"]:
        rows.append(
            Fact(
                "Treatments",
                entries=tuple(
                    i["name"] + (f" (also called {', '.join(i['other_names'])})" if i["other_names"] else "")
                    for i in trial["interventions"]
                ),
            )
        )
    if trial["record_limits"]:
        rows.append(Fact("Age, sex, volunteers", "; ".join(trial["record_limits"]).capitalize() + "."))
    if trial["sponsor"]:
        rows.append(Fact("Run by", trial["sponsor"]))
    for label, key in (("Working with", "collaborators"), ("Other ids", "other_ids")):
        if trial[key]:
            rows.append(Fact(label, "; ".join(trial[key])))
    dates = ", ".join(
        f"{label} {value}"
        for label, value in (("started", trial["start_date"]), ("ends", trial["completion_date"]))
        if value
    )
    if dates:
        rows.append(Fact("Dates", dates[0].upper() + dates[1:]))
    if trial["enrollment"]:
        rows.append(Fact("People taking part", str(trial["enrollment"])))
    rows.append(Fact("Full record", link=trial["registry_url"]))
    return rows


_PHONE_DIGITS = re.compile(r"[^\d+]")
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")


def _contact(contact: dict[str, Any]) -> dict[str, Any]:
    """A contact's row: a phone with six or more digits is a tel: link, a real address a mailto: link."""
    phone, email = contact["phone"], contact["email"]
    digits = _PHONE_DIGITS.sub("", phone.split(" ext")[0]) if phone else ""
    return {
        "name": contact["name"] or "Not named",
        "role": (contact["role"] or "").replace("_", " ").capitalize(),
        "phone": phone or "Not given",
        "tel": digits if len(digits) >= 6 else None,
        "email": email or "Not given",
        "mailto": bool(email and _EMAIL.match(email)),
        "site": contact["site"] or "Whole trial",
    }


def _site(site: dict[str, Any]) -> dict[str, str]:
    return {
        "facility": site["facility"] or "Not named",
        "city": site["city"] or "",
        "state": site["state"] or "",
        "country": site["country"] or "",
        "status": (site["status_words"] or "Not given").split(":")[0],
    }
