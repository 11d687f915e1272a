"""Fitting-search results in plain words: what was looked for, what had to be dropped to find
anything, one card per trial with its line of why, and how many were set aside and why."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from bot.geo.country_words import country_name, country_words
from bot.lexicon import Lexicon, default_lexicon
from bot.prescreen.checklist import TrialChecklist
from bot.prescreen.present import WHO_DECIDES, check_line
from bot.profile.asked_condition import none_made_for, none_made_for_words, their_conditions
from bot.profile.fit import Fit, FitResult, for_young_people, is_near, near_of, runs_there
from bot.profile.model import Profile
from bot.profile.stage_fit import asks_to_stop_return, for_after_surgery
from bot.trials.home import sponsor_home
from bot.trials.nearby import nearest_site
from bot.trials.present import (
    AGE_GROUP_WORDS,
    TITLE_LIMIT,
    Card,
    card_lines,
    near_words,
    nearest_words,
    shown_title,
)
from bot.trials.query import Near, default_status
from bot.trials.query_from_words import AGE_GROUP_NAMES
from bot.trials.relax import PLACE, found_after
from bot.words_list import words_list

MAX_SHOWN = 5


def wished_for(profile: Profile, lexicon: Optional[Lexicon] = None) -> str:
    """ "open PRRT trials in Ireland, phase 3" from the wishes that were searched for."""
    lexicon = lexicon or default_lexicon()
    kinds = words_list([lexicon.name_of(f"treatment:{t}").split(" (")[0] for t in profile.wants.treatment], "or")
    status = profile.wants.status or default_status(profile.lookup.acronym)
    phase = f"phase {profile.wants.phase} " if profile.wants.phase is not None else ""
    text = f"{kinds} {phase}trials".strip() if status == "all" else f"{status} {kinds} {phase}trials".replace("  ", " ")
    if status == "all":
        text += " (open or closed)"
    lookup = profile.lookup
    named = [
        f"named {lookup.acronym}" if lookup.acronym else "",
        f"with {lookup.sponsor}" if lookup.sponsor else "",
        f"at {lookup.site_name}" if lookup.site_name else "",
    ]
    text += "".join(f" {n}" for n in named if n)
    group = AGE_GROUP_NAMES.get(profile.wants.age_group or "")
    if group:
        text += f" that take {AGE_GROUP_WORDS[group]}"  # not "for older adults": few are made for them
    around = near_of(profile.place, lexicon)
    if around:
        text += f" {near_words(around)}"
    elif profile.place.country:
        text += f" in {country_words(country_name(profile.place.country, lexicon))}"
    return text


def heading(
    result: FitResult,
    profile: Profile,
    lexicon: Optional[Lexicon] = None,
    asked_about_age: bool = False,
    message: str = "",
) -> str:
    """What was looked for and found, in words the list below bears out: no distance is claimed
    that a trial shown breaks, and trials whose records list no places are said to. `asked_about_age`:
    the person asked whether their age rules them out ("is 84 too old?"), answered in one sentence.
    What the person's NET comes with (insulinoma, MEN1, a lung NET) or the message asks for (keeping
    it from coming back after an operation) that no trial found is made for is said plainly."""
    lexicon = lexicon or default_lexicon()
    in_passing = profile.lookup.acronym if profile.lookup.acronym and not result.query.acronym else None
    if in_passing:  # a trial named in a story: the search was wider than its name, which leads the list
        profile = replace(profile, lookup=replace(profile.lookup, acronym=None))
    wanted = wished_for(profile, lexicon)
    shown = min(len(result.fits), MAX_SHOWN)
    found = _count(len(result.fits) + len(result.set_aside))
    further = _further_words(result, found)
    if result.relaxed:
        missing = (
            f"None of our {wanted} fits what you told me"
            if result.none_fitted_nearby
            else f"I found no {wanted} in our list"
        )
        first = f"{missing}. {found_after(tuple(result.relaxed), found)}"
    elif further:
        first = f"I looked for {wanted} in our list. {further}"
    else:
        first = f"I looked for {wanted} in our list and found {_found_there(result, found)}."
    first += _not_made_for_words(result, profile, lexicon, message)
    leading = next(
        (f.trial for f in result.fits[:1] if in_passing and in_passing.lower() in (f.trial.acronym or "").lower()), None
    )
    if leading is not None:
        first += f" {in_passing}, which you asked about, comes first" + (
            "." if leading.is_open else ", though it is not taking new people."
        )
    if not result.fits:
        one = len(result.set_aside) == 1
        return first + (" It has" if one else " Each has") + " something that may not fit what you told me."
    here = f" Here {'is' if shown == 1 else 'are'} {shown}." + _unplaced_words(result.fits[:shown], profile, lexicon)
    if asked_about_age:
        first += age_limits_words(profile)
    if not profile.tells_about_the_person:
        return first + here
    wherever = ", wherever they run" if further or PLACE.words in result.relaxed else ""
    order = (
        "The rest are in order of how well they fit what you told me"
        if leading
        else "The ones that fit what you told me best come first"
    )
    return first + f" {order}{wherever}." + here


def _not_made_for_words(result: FitResult, profile: Profile, lexicon: Lexicon, message: str) -> str:
    """ " None of them is made just for insulinomas: the ones below are for NETs more generally." and
    " None of them is about keeping a NET from coming back after an operation." when asked for."""
    found = [f.trial for f in result.fits + result.set_aside]
    missing = none_made_for(their_conditions(profile, for_young_people, lexicon), found)
    text = none_made_for_words(missing, len(found), bool(result.fits))
    if not found or not asks_to_stop_return(message) or any(for_after_surgery(f.trial) for f in result.fits):
        return text
    if any(for_after_surgery(t) for t in found):
        return text + " None that fits what you told me is about keeping a NET from coming back after an operation."
    which = "It is not" if len(found) == 1 else "None of them is"
    return text + f" {which} about keeping a NET from coming back after an operation."


def age_limits_words(profile: Profile) -> str:
    """ " Many trials set an upper age limit and some set none, so the list shows ones whose age
    limits take in someone aged 84." Only what the records' limits say, never that they can join;
    "" when neither their age nor an age group was searched with."""
    group = profile.wants.age_group
    if profile.age is not None:
        who = f"someone aged {profile.age}"
    elif group in AGE_GROUP_NAMES:
        who = AGE_GROUP_WORDS[AGE_GROUP_NAMES[group]]
    else:
        return ""
    young = profile.age < 18 if profile.age is not None else group in ("child", "teen")
    limits = "Many trials take only adults" if young else "Many trials set an upper age limit and some set none"
    return f" {limits}, so the list shows ones whose age limits take in {who}."


def _further_words(result: FitResult, found: str) -> str:
    """ "Only 1 there fits what you told me, so I added trials from further away: 36 in all." when
    trials beyond the distance searched were added; "" when every trial is within it."""
    around = result.query.near
    if around is None or around.within_km is None or result.relaxed:
        return ""
    near = [f for f in result.fits if f.trial.sites and is_near(f.trial, result.query)]
    far_shown = any(f.trial.sites and not is_near(f.trial, result.query) for f in result.fits[:MAX_SHOWN])
    if result.nearby_fits is None and not far_shown:
        return ""  # those listing no places are said apart (`_unplaced_words`)
    if not near:
        return f"None there fits what you told me, so I added trials from further away: {found} in all."
    fits = "fits" if len(near) == 1 else "fit"
    return f"Only {len(near)} there {fits} what you told me, so I added trials from further away: {found} in all."


_ORDINALS = ("first", "second", "third", "fourth", "fifth")


def _unplaced_words(shown: list[Fit], profile: Profile, lexicon: Lexicon) -> str:
    """ " The first lists no places yet, so I can't say if it runs in Sweden (its sponsor is Lund
    University Hospital)." for the trials shown whose records list no places, when the person said
    where they are: such a trial is never said to run there."""
    where = _where_words(profile, lexicon)
    unplaced = [i for i, fit in enumerate(shown) if not fit.trial.sites]
    if not where or not unplaced:
        return ""
    if len(unplaced) > 1:
        return f" {len(unplaced)} of them list no places yet, so I can't say if they run {where}."
    trial = shown[unplaced[0]].trial
    home = sponsor_home(trial)
    country = profile.place.country
    in_their_country = bool(home and country and home.country == country_name(country, lexicon))
    sponsor = f" (its sponsor is {trial.sponsor})" if in_their_country else ""  # why it may rank first
    which = f"The {_ORDINALS[unplaced[0]]}" if len(shown) > 1 else "It"
    return f" {which} lists no places yet, so I can't say if it runs {where}{sponsor}."


def _where_words(profile: Profile, lexicon: Lexicon) -> str:
    around = near_of(profile.place, lexicon)
    if around:
        return f"near {around.name}"
    if profile.place.country:
        return f"in {country_words(country_name(profile.place.country, lexicon))}"
    return ""


def _found_there(result: FitResult, found: str) -> str:
    """ "36 trials" when every trial found runs where the person searched (or no place was searched);
    else only those that run there are counted as there: "1 trial that runs there and 35 that list no
    places yet", "none that runs there, only 5 that list no places yet"."""
    query = result.query
    if not (query.near or query.country):
        return found
    trials = [(f.trial, runs_there(f.trial, query)) for f in result.fits + result.set_aside]
    there = sum(1 for _, runs in trials if runs)
    if there == len(trials):
        return found
    unplaced = sum(1 for t, runs in trials if not t.sites and not runs)
    elsewhere = len(trials) - there - unplaced
    run = "runs" if there == 1 else "run"
    parts = [f"{_count(there)} that {run} there" if there else "none that runs there"]
    if there and not any(runs_there(f.trial, query) for f in result.fits):  # all of them set aside below
        parts[0] += f" ({'it is' if there == 1 else 'they are'} in the list of trials put last)"
    if unplaced:
        parts.append(f"{unplaced} that list{'s' if unplaced == 1 else ''} no places yet")
    if elsewhere:
        parts.append(f"{elsewhere} that run{'s' if elsewhere == 1 else ''} elsewhere")
    if there:
        return words_list(parts)
    return f"{parts[0]}, only {words_list(parts[1:])}"


def _count(number: int) -> str:
    return "1 trial" if number == 1 else f"{number} trials"


def more_heading(count: int) -> str:
    """The heading of the next trials that fit, in the same order as before."""
    return f"Here {'is 1 more trial' if count == 1 else f'are {count} more trials'}, in the same order: the best fits first."


def fit_card(fit: Fit, with_why: bool = True, around: Optional[Near] = None) -> Card:
    """A trial's card; `with_why` adds its line of why (not for a look-up that told us nothing);
    `around`, the place searched around, adds the nearest site and how far it is."""
    trial = fit.trial
    why = (f"Why: {fit.why}",) if with_why else ()
    site = nearest_site(trial.sites, around) if around else None
    if site:
        why = (nearest_words(site, around.country if around else None), *why)
    return Card(
        nct_id=trial.nct_id,
        title=shown_title(trial.title, TITLE_LIMIT),
        lines=(
            *card_lines(
                trial.status,
                trial.status_as_of,
                trial.phases,
                trial.countries,
                tuple(s.city for s in trial.sites if s.city),
            ),
            *why,
        ),
    )


def set_aside_text(result: FitResult) -> Optional[str]:
    """Trials put last and why, counted by reason. Never a verdict: the trial team decides."""
    if not result.set_aside:
        return None
    reasons: dict[str, int] = {}
    for fit in result.set_aside:
        reasons[fit.why] = reasons.get(fit.why, 0) + 1
    reasons = _folded(reasons)
    lines = [
        f"I put {_count(len(result.set_aside))} last, because something in the record may not fit what you told me:"
    ]
    lines += [f"- {why}" if n == 1 else f"- {n} trials: {why[:1].lower() + why[1:]}" for why, n in reasons.items()]
    lines.append("Only the trial team can say for sure.")
    return "\n".join(lines)


def _folded(reasons: dict[str, int]) -> dict[str, int]:
    """A reason that is only the start of another ("It is for NETs that start in the pancreas." beside "It is
    for NETs that start in the pancreas. You said the small bowel.") counted with it, once."""
    folded: dict[str, int] = {}
    for why, n in reasons.items():
        longer = next((other for other in reasons if other != why and other.startswith(why + " ")), None)
        key = longer or why
        folded[key] = folded.get(key, 0) + n
    return {why: folded[why] for why in reasons if why in folded}


def unknown_name_text(result: FitResult) -> str:
    names = words_list([f'"{t}"' for t in result.unknown_terms])
    text = f"I don't know the name {names}, so I can't search for it."
    if result.suggestions:
        text += f" Did you mean {words_list(list(result.suggestions), 'or')}?"
    return text + " You can also ask me about a kind of treatment, like PRRT or chemotherapy."


PERSONAL_PART = (
    "You also asked about your own treatment. I can't advise on that. Your specialist team knows "
    "you best, and a NET nurse on a helpline can help you think about what to ask them."
)


_PERSONAL_TOPICS = (
    "age",
    "sex",
    "where it started",
    "kind of tumour",
    "grade",
    "Ki-67",
    "spread",
    "hormones",
    "past treatment needed",
    "past treatment limits",
)


def compared_text(result: TrialChecklist) -> Optional[str]:
    """What the record says next to what the person told us, point by point, for a "who can
    join" answer; None when they told us nothing it speaks to. Never a verdict."""
    lines = [check_line(c) for c in result.checks if c.topic in _PERSONAL_TOPICS and c.stated and c.reason]
    if not lines:
        return None
    return "\n".join(["Next to what you told me:", *lines, WHO_DECIDES])
