"""The staff pages as HTML: login, search with a results table, and a printable trial page.

Server-rendered, no inline script or style (the Content-Security-Policy forbids both). Every
value from a record or a request goes through `h` (html.escape), so a record's text is shown
as text and never runs as HTML.
"""
from __future__ import annotations

import html
import re
from datetime import date
from typing import Any, Iterable, Mapping, Optional
from urllib.parse import quote, urlencode

from bot.trials.present import unknown_names_text
from bot.trials.query import TrialQuery
from bot.web.staff_api import SEARCH_PARAMS, BadParameter

APP_NAME = "NET Trials Assistant: staff lookup"
PHASE_CHOICES = (("", "Any phase"), ("0", "Early phase 1"), ("1", "Phase 1"), ("2", "Phase 2"),
                 ("3", "Phase 3"), ("4", "Phase 4"))
# No status chosen: open trials, or every status when looking a trial up by its acronym.
STATUS_CHOICES = (("", "Open (any status for an acronym)"), ("open", "Open (recruiting or opening soon)"),
                  ("closed", "Closed"), ("all", "Open and closed"))
SEX_CHOICES = (("", "Any"), ("female", "Female"), ("male", "Male"))
AGE_GROUP_CHOICES = (("", "Any age group"), ("child", "Children (under 18)"), ("teen", "Teenagers (13 to 17)"),
                     ("adult", "Adults (18 to 64)"), ("older_adult", "Older adults (65 and over)"))
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
FORM_FIELDS = ("treatment", "condition", "text", "acronym", "sponsor", "site", "country", "city", "status",
               "phase", "age", "age_group", "sex")
LABELS = {p.name: p.label for p in SEARCH_PARAMS}


def h(value: Any) -> str:
    """Text made safe to put in HTML, in element content or in a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def layout(title: str, body: str, user: Optional[str] = None, body_class: str = "") -> str:
    nav = ""
    if user:
        nav = (
            '<nav class="staff-nav" aria-label="Staff pages">'
            '<a href="/staff">Search trials</a>'
            f'<span class="signed-in">Signed in as {h(user)}</span>'
            '<form method="post" action="/staff/logout" class="logout-form">'
            '<button type="submit" class="link-button">Sign out</button></form>'
            "</nav>"
        )
    return (
        "<!doctype html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{h(title)} | {h(APP_NAME)}</title>\n"
        '<link rel="stylesheet" href="/static/staff.css">\n'
        '<script src="/static/staff.js" defer></script>\n'
        f'</head>\n<body class="{h(body_class)}">\n'
        '<a class="skip-link" href="#main">Skip to the main content</a>\n'
        f'<header class="staff-header"><p class="brand">{h(APP_NAME)}</p>{nav}</header>\n'
        f'<main id="main" tabindex="-1">\n{body}\n</main>\n'
        '<footer class="staff-footer"><p>For helpline staff. Trial details come from the '
        "ClinicalTrials.gov records we hold and may be out of date. Only the trial team can say "
        "who can take part.</p></footer>\n"
        "</body>\n</html>\n"
    )


# -- simple pages -----------------------------------------------------------------------------
def message_page(title: str, message: str) -> str:
    return layout(title, f"<h1>{h(title)}</h1>\n<p>{h(message)}</p>")


def login_page(next_path: str, error: Optional[str] = None, with_names: bool = False, name: str = "") -> str:
    alert = f'<div class="error-summary" role="alert"><p>{h(error)}</p></div>' if error else ""
    name_field = ""
    password_label = "Staff token"
    password_hint = "The staff token your team was given."
    if with_names:
        name_field = (
            '<div class="field"><label for="login-name">Your name</label>'
            '<p class="hint" id="login-name-hint">Leave it empty to sign in with the staff token.</p>'
            f'<input id="login-name" name="name" type="text" autocomplete="username" value="{h(name)}" '
            'aria-describedby="login-name-hint" spellcheck="false"></div>'
        )
        password_label = "Password or staff token"
        password_hint = "Your own password, or the staff token with no name."
    invalid = ' aria-invalid="true"' if error else ""
    body = (
        "<h1>Sign in</h1>\n<p>This page is for helpline staff. Sign in to look trials up.</p>\n"
        f"{alert}\n"
        '<form class="login-form" method="post" action="/staff/login">\n'
        f'<input type="hidden" name="next" value="{h(next_path)}">\n'
        f"{name_field}\n"
        f'<div class="field"><label for="login-password">{h(password_label)}</label>'
        f'<p class="hint" id="login-password-hint">{h(password_hint)}</p>'
        '<input id="login-password" name="password" type="password" autocomplete="current-password" '
        f'required aria-describedby="login-password-hint"{invalid}></div>\n'
        '<button type="submit" class="primary">Sign in</button>\n</form>'
    )
    return layout("Sign in", body)


# -- search -----------------------------------------------------------------------------------
def search_page(user: str, values: Mapping[str, str], results: Optional[dict[str, Any]] = None,
                query: Optional[TrialQuery] = None, error: Optional[BadParameter] = None) -> str:
    parts = ["<h1>Find a trial</h1>", search_form(values, error)]
    if error is not None:
        parts.append(f'<div class="error-summary" role="alert" id="search-error"><p>{h(error.message)}</p></div>')
    elif results is not None and query is not None:
        parts.append(results_section(results, query, values))
    return layout("Find a trial", "\n".join(parts), user)


def search_form(values: Mapping[str, str], error: Optional[BadParameter] = None) -> str:
    fields = []
    for name in FORM_FIELDS:
        fields.append(_field(name, values.get(name, ""), error if error and error.parameter == name else None))
    return (
        '<form class="search-form" method="get" action="/staff" role="search" aria-label="Search trials">\n'
        '<div class="fields">\n' + "\n".join(fields) + "\n</div>\n"
        '<div class="form-actions"><button type="submit" class="primary">Search</button>'
        '<a class="clear-link" href="/staff">Clear the form</a></div>\n</form>'
    )


def _field(name: str, value: str, error: Optional[BadParameter]) -> str:
    field_id = f"f-{name}"
    described = [f"{field_id}-hint"] if name in HINTS else []
    if error:
        described.append("search-error")
    attrs = f' aria-describedby="{" ".join(described)}"' if described else ""
    if error:
        attrs += ' aria-invalid="true"'
    hint = f'<p class="hint" id="{field_id}-hint">{h(HINTS[name])}</p>' if name in HINTS else ""
    label = f'<label for="{field_id}">{h(LABELS[name])}</label>'
    if name in CHOICES:
        choices = CHOICES[name]
        chosen = value
        options = "".join(
            f'<option value="{h(v)}"{" selected" if v == chosen else ""}>{h(text)}</option>' for v, text in choices
        )
        control = f'<select id="{field_id}" name="{name}"{attrs}>{options}</select>'
    elif name == "age":
        control = (f'<input id="{field_id}" name="age" type="number" inputmode="numeric" min="0" max="120" '
                   f'step="1" value="{h(value)}"{attrs}>')
    else:
        control = (f'<input id="{field_id}" name="{name}" type="text" maxlength="200" autocomplete="off" '
                   f'spellcheck="false" value="{h(value)}"{attrs}>')
    return f'<div class="field field-{name}">{label}{hint}{control}</div>'


def results_section(results: dict[str, Any], query: TrialQuery, values: Mapping[str, str]) -> str:
    trials = results["trials"]
    total, offset = results["total"], results["offset"]
    kind = {"open": "open trials", "closed": "closed trials", "all": "trials"}[query.status]
    if not trials:
        summary = (f"No {kind} found. Try fewer words, another name for the treatment, a whole country, "
                   "or status Open and closed." if total == 0 else
                   f"{total} {kind} found, but none on this page. Go back to the first page.")
    elif total == 1:
        summary = f"1 {kind[:-1]} found."
    else:
        summary = f"{total} {kind} found. Showing {offset + 1} to {offset + len(trials)}."
    parts = ['<section class="results" aria-labelledby="results-title">',
             '<h2 id="results-title">Results</h2>',
             f'<p class="results-summary" role="status">{h(summary)}</p>']
    if results["unknown_terms"]:
        unknown = unknown_names_text(results["unknown_terms"], results["suggestions"])
        searched = " I searched the records' own words for it." if trials else ""
        parts.append(f'<p class="note">{h(unknown)}{h(searched)}</p>')
    if results["broader_ids"]:
        broader = results["broader_name"] or "a broader condition"
        parts.append(f'<p class="note">Found only because they take {h(broader)}, not {h(query.condition)} '
                     f'itself: {h(", ".join(results["broader_ids"]))}.</p>')
    if results.get("unplaced_words"):
        parts.append(f'<p class="note">{h(results["unplaced_words"])} Search without the place to see them.</p>')
    back = search_query_string(values)
    nearby = any(t.get("nearest_site") for t in trials)
    if trials:
        rows = []
        for t in trials:
            link = f"/staff/trials/{quote(t['nct_id'])}" + (f"?{urlencode({'back': back})}" if back else "")
            rows.append(
                "<tr>"
                f'<td class="nct">{h(t["nct_id"])}</td>'
                f'<td class="title"><a href="{h(link)}">{h(t["title"])}</a></td>'
                f'<td class="status status-{"open" if t["is_open"] else "closed"}">'
                f'{h(t["status_words"].split(":")[0])}</td>'
                f'<td>{h(_short_phase(t["phase_words"]))}</td>'
                f'<td>{h(t["places_words"] if t["countries"] or t["cities"] else "Not listed")}</td>'
                f'<td class="date">{h(t["last_updated"] or "Not given")}</td>'
                + (f'<td>{h(_nearest_words(t["nearest_site"]))}</td>' if nearby else "")
                + "</tr>"
            )
        parts.append(
            '<div class="table-wrap"><table class="results-table">'
            f'<caption class="visually-hidden">Trials found: {h(summary)}</caption>'
            '<thead><tr><th scope="col">Trial number</th><th scope="col">Title</th><th scope="col">Status</th>'
            '<th scope="col">Phase</th><th scope="col">Where</th><th scope="col">Last updated</th>'
            + ('<th scope="col">Nearest site (distance)</th>' if nearby else "") + '</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>'
        )
    parts.append(_pager(results, values))
    parts.append("</section>")
    return "\n".join(p for p in parts if p)


def _nearest_words(site: Optional[dict[str, Any]]) -> str:
    if not site:
        return "Not on the map"
    where = ", ".join(p for p in (site["facility"], site["city"], site["country"]) if p)
    return f'{where} ({site["distance_km"]:.0f} km)'


def _short_phase(words: str) -> str:
    return "No phase" if words.startswith("No phase") else words


def _pager(results: dict[str, Any], values: Mapping[str, str]) -> str:
    limit, offset, total = results["limit"], results["offset"], results["total"]
    links = []
    if offset > 0:
        prev = search_query_string({**values, "offset": str(max(0, offset - limit))})
        links.append(f'<a rel="prev" href="/staff?{h(prev)}">Previous {limit}</a>')
    if results["has_more"]:
        nxt = search_query_string({**values, "offset": str(offset + limit)})
        links.append(f'<a rel="next" href="/staff?{h(nxt)}">Next {min(limit, total - offset - limit)}</a>')
    if not links:
        return ""
    return '<nav class="pager" aria-label="Result pages">' + " ".join(links) + "</nav>"


def search_query_string(values: Mapping[str, str]) -> str:
    """The search as a query string, with only the known parameters that have a value."""
    known = [p.name for p in SEARCH_PARAMS]
    return urlencode([(k, values[k]) for k in known if values.get(k)])


# -- one trial --------------------------------------------------------------------------------
def trial_page(user: str, trial: dict[str, Any], back: Optional[str] = None, today: Optional[date] = None) -> str:
    today = today or date.today()
    back_link = f"/staff?{back}" if back else "/staff"
    back_text = "Back to the results" if back else "Search trials"
    also = f" · also called {h(trial['acronym'])}" if trial["acronym"] and trial["acronym"] not in trial["title"] else ""
    body = [
        f'<p class="back-link"><a href="{h(back_link)}">{h(back_text)}</a></p>',
        '<article class="trial">',
        f'<h1>{h(trial["title"])}</h1>',
        f'<p class="trial-ids"><span class="nct">{h(trial["nct_id"])}</span>{also} · '
        f'<a href="{h(trial["registry_url"])}">Registry record</a></p>',
        '<p class="page-actions"><button type="button" class="print-button" hidden>Print this page</button></p>',
        _facts(trial),
        _copy_block(trial),
        _contacts(trial),
        _sites(trial),
        _about(trial),
        _eligibility(trial),
        _questions(trial),
        f'<p class="printed-note">Looked up on {h(today.isoformat())} from our copy of the registry record '
        f'(last updated {h(trial["last_updated"] or "date not given")}). Full record: '
        f'{h(trial["registry_url"])}</p>',
        "</article>",
    ]
    return layout(f'{trial["nct_id"]}: {trial["title"][:60]}', "\n".join(p for p in body if p), user, "trial-page")


def _facts(trial: dict[str, Any]) -> str:
    still = "if it is still open" if trial["is_open"] else "if this has changed"
    updated = f'Registry last updated {trial["last_updated"] or "(date not given)"}'
    if trial["is_open"] and not trial["status_recent"]:  # the status words already say it may have changed
        status = f'{trial["status_words"]}. {updated}.'
    else:
        status = f"{trial['status_words']}. {updated}: things may have changed since, and the trial team can tell you {still}."
    rows = [("Status", h(status)), ("Phase", h(trial["phase_words"]))]
    if trial["study_type"]:
        rows.append(("Type of study", h(trial["study_type"].replace("_", " ").capitalize())))
    if trial["conditions"]:
        rows.append(("Conditions", h("; ".join(trial["conditions"]))))
    if trial["interventions"]:
        items = []
        for i in trial["interventions"]:
            other = f' (also called {", ".join(i["other_names"])})' if i["other_names"] else ""
            items.append(f"<li>{h(i['name'])}{h(other)}</li>")
        rows.append(("Treatments", f'<ul class="plain-list">{"".join(items)}</ul>'))
    if trial["record_limits"]:
        rows.append(("Age, sex, volunteers", h("; ".join(trial["record_limits"]).capitalize() + ".")))
    if trial["sponsor"]:
        rows.append(("Run by", h(trial["sponsor"])))
    if trial["collaborators"]:
        rows.append(("Working with", h("; ".join(trial["collaborators"]))))
    if trial["other_ids"]:
        rows.append(("Other ids", h("; ".join(trial["other_ids"]))))
    dates = ", ".join(f"{label} {value}" for label, value in
                      (("started", trial["start_date"]), ("ends", trial["completion_date"])) if value)
    if dates:
        rows.append(("Dates", h(dates[0].upper() + dates[1:])))
    if trial["enrollment"]:
        rows.append(("People taking part", h(trial["enrollment"])))
    rows.append(("Full record", f'<a href="{h(trial["registry_url"])}">{h(trial["registry_url"])}</a>'))
    return ('<dl class="facts">' + "".join(f"<dt>{h(k)}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>")


def _copy_block(trial: dict[str, Any]) -> str:
    rows = trial["copy_text"].count("\n") + 3  # room for lines that wrap
    return (
        '<section class="copy-block" aria-labelledby="copy-title">'
        '<h2 id="copy-title">Copy to send</h2>'
        '<p id="copy-hint">A short plain message about this trial for an email or a text message. '
        "Select it and copy it, or use the button.</p>"
        '<label for="copy-text" class="visually-hidden">Message to send</label>'
        f'<textarea id="copy-text" readonly rows="{rows}" aria-describedby="copy-hint">{h(trial["copy_text"])}</textarea>'
        '<p><button type="button" class="copy-button" data-copy-target="copy-text" hidden>Copy the message</button></p>'
        '<p class="copy-status" role="status" aria-live="polite"></p>'
        "</section>"
    )


def _contacts(trial: dict[str, Any]) -> str:
    head = '<section aria-labelledby="contacts-title"><h2 id="contacts-title">Contacts</h2>'
    if not trial["contacts"]:
        return (head + '<p>The record gives no contact details. The registry page may have newer ones: '
                f'<a href="{h(trial["registry_url"])}">{h(trial["registry_url"])}</a>. '
                "The person's specialist team can also ask.</p></section>")
    rows = []
    for c in trial["contacts"]:
        rows.append(
            "<tr>"
            f"<td>{h(c['name'] or 'Not named')}</td>"
            f"<td>{h(_role(c['role']))}</td>"
            f"<td>{_phone(c['phone'])}</td>"
            f"<td>{_email(c['email'])}</td>"
            f"<td>{h(c['site'] or 'Whole trial')}</td>"
            "</tr>"
        )
    return (head + '<div class="table-wrap"><table><thead><tr><th scope="col">Name</th><th scope="col">Role</th>'
            '<th scope="col">Phone</th><th scope="col">Email</th><th scope="col">For</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div></section>')


def _role(role: Optional[str]) -> str:
    if not role:
        return ""
    return role.replace("_", " ").capitalize()


_PHONE_DIGITS = re.compile(r"[^\d+]")
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")


def _phone(phone: Optional[str]) -> str:
    if not phone:
        return "Not given"
    digits = _PHONE_DIGITS.sub("", phone.split(" ext")[0])
    if len(digits) < 6:
        return h(phone)
    return f'<a href="tel:{h(digits)}">{h(phone)}</a>'


def _email(email: Optional[str]) -> str:
    if not email:
        return "Not given"
    if not _EMAIL.match(email):
        return h(email)
    return f'<a href="mailto:{h(email)}">{h(email)}</a>'


def _sites(trial: dict[str, Any]) -> str:
    head = '<section aria-labelledby="sites-title"><h2 id="sites-title">Sites</h2>'
    if not trial["sites"]:
        return head + "<p>The record lists no places. The registry page or the trial team can tell you.</p></section>"
    rows = []
    for s in trial["sites"]:
        status = (s["status_words"] or "Not given").split(":")[0]
        rows.append(
            "<tr>"
            f"<td>{h(s['facility'] or 'Not named')}</td>"
            f"<td>{h(s['city'] or '')}</td>"
            f"<td>{h(s['state'] or '')}</td>"
            f"<td>{h(s['country'] or '')}</td>"
            f"<td>{h(status)}</td>"
            "</tr>"
        )
    count = len(trial["sites"])
    return (head + f'<p>{count} {"place" if count == 1 else "places"} in '
            f'{h(", ".join(trial["countries"]) or "countries not given")}.</p>'
            '<div class="table-wrap"><table><thead><tr><th scope="col">Hospital or clinic</th>'
            '<th scope="col">City</th><th scope="col">Region</th><th scope="col">Country</th>'
            '<th scope="col">Site status</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div></section>')


def _about(trial: dict[str, Any]) -> str:
    if not trial["summary"]:
        return ""
    return ('<section aria-labelledby="about-title"><h2 id="about-title">What the trial is about</h2>'
            '<p class="record-words-label">In the registry\'s words:</p>'
            f'<p class="record-words">{h(trial["summary"])}</p></section>')


def _eligibility(trial: dict[str, Any]) -> str:
    e = trial["eligibility"]
    parts = ['<section class="eligibility" aria-labelledby="eligibility-title">',
             '<h2 id="eligibility-title">Who the trial is for</h2>',
             f'<p class="who-decides">{h(e["who_decides"])}</p>']
    if not e["has_criteria"]:
        parts.append("<p>The record does not include the full list of who can take part. The registry page "
                     f'(<a href="{h(trial["registry_url"])}">{h(trial["registry_url"])}</a>) or the trial team '
                     "can tell you.</p>")
        if trial["record_limits"]:
            parts.append(f'<p>The record does say: {h("; ".join(trial["record_limits"]))}.</p>')
        if e["original_text"]:
            parts.append(f'<p class="record-words">{h(e["original_text"])}</p>')
    else:
        parts.append(_criteria_table("inclusion", "Inclusion criteria: who the trial is looking for", e["inclusion"]))
        if e["exclusion"]:
            parts.append(_criteria_table("exclusion", "Exclusion criteria: who usually cannot take part",
                                         e["exclusion"]))
        else:
            parts.append("<p>The record lists no exclusion criteria. The trial team may have more.</p>")
    parts.append("</section>")
    return "\n".join(parts)


def _criteria_table(kind: str, title: str, items: Iterable[dict[str, str]]) -> str:
    rows = "".join(
        f'<tr><td class="original" data-label="In the record\'s words">{h(i["original"])}</td>'
        f'<td class="plain" data-label="In plain English">{h(i["plain"])}</td></tr>'
        for i in items
    )
    return (f'<h3 id="{kind}-title">{h(title)}</h3>'
            f'<div class="table-wrap"><table class="criteria criteria-{kind}" aria-labelledby="{kind}-title">'
            '<thead><tr><th scope="col">In the record\'s words</th><th scope="col">In plain English</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div>")


def _questions(trial: dict[str, Any]) -> str:
    q = trial["questions"]
    doctor = "".join(f"<li>{h(x)}</li>" for x in q["doctor"])
    team = "".join(f"<li>{h(x)}</li>" for x in q["coordinator"])
    return ('<section class="questions" aria-labelledby="questions-title">'
            '<h2 id="questions-title">Questions to ask</h2>'
            '<h3 id="questions-doctor">For their own doctor or specialist team</h3>'
            f'<ul aria-labelledby="questions-doctor">{doctor}</ul>'
            '<h3 id="questions-team">For the trial team</h3>'
            f'<ul aria-labelledby="questions-team">{team}</ul></section>')
