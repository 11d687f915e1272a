"""Contacts in plain words: helplines with open-now, emergencies, crisis lines, centres."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from bot.contacts.book import DEFAULT_COUNTRY, Centre, ContactBook, Helpline
from bot.contacts.hours import clock, describe_hours

UNVERIFIED = "see their website"
MAX_LINES = 2
MAX_CENTRES = 6


def open_now_text(line: Helpline, now: datetime) -> str:
    """ "Open now until 5pm." / "Closed now. Opens Monday at 9am." (the line's own time)."""
    hours = line.hours
    if hours is None:
        return ""
    if hours.always_open:
        return "Open now: it is open all day, every day."
    if hours.is_open(now):
        closes = hours.closing_time(now)
        return f"Open now, until {clock(closes)}." if closes else "Open now."
    opening = hours.next_opening(now)
    if opening is None:
        return "Closed now."
    local_now = now.astimezone(opening.tzinfo) if opening.tzinfo else now
    if opening.date() == local_now.date():
        day = "today"
    elif (opening.date() - local_now.date()).days == 1:
        day = "tomorrow"
    else:
        day = f"on {opening.strftime('%A')}"
    return f"Closed now. It opens {day} at {clock(opening)}."


def helpline_text(line: Helpline, now: datetime) -> str:
    parts = [line.name + "."]
    if line.phone:
        parts.append(f"Call {'free on ' if line.free else ''}{line.phone}.")
    if line.sms:
        parts.append(f"Or {line.sms}.")
    if not line.phone and not line.sms:
        where = f" ({line.website})" if line.website else ""
        parts.append(f"We could not confirm a phone number: {UNVERIFIED}{where}.")
    if line.hours:
        parts.append(f"Hours: {describe_hours(line.hours)}.")
        if not line.hours.always_open:  # "24 hours a day, every day" says it is open now already
            parts.append(open_now_text(line, now))
    elif line.phone:
        parts.append(f"Hours not confirmed: {UNVERIFIED}.")
    return " ".join(p for p in parts if p)


def helplines_answer(book: ContactBook, country: Optional[str], now: datetime) -> str:
    """Who to talk to about information and trials, for a country (UK if not known)."""
    code = country or DEFAULT_COUNTRY
    lines = [h for h in book.helplines_for(code, "information") if h.phone][:MAX_LINES]
    if not lines:
        lines = [h for h in book.helplines_for(DEFAULT_COUNTRY, "information") if h.phone][:MAX_LINES]
        intro = "I don't have a checked helpline for your country. These are UK lines:"
    else:
        intro = "You can talk to a person here:"
    text = [intro] + [f"- {helpline_text(line, now)}" for line in lines]
    text.append("Your own specialist team or nurse can also help.")
    text.append(out_of_hours_text(book, code))
    return "\n".join(text)


def out_of_hours_text(book: ContactBook, country: str) -> str:
    emergency = book.number_to_call(country)
    urgent = [h for h in book.helplines_for(country, "urgent_medical") if h.phone]
    if urgent:
        return (
            f"If you need medical help when lines are closed, call {urgent[0].phone}. "
            f"In an emergency, call {emergency}."
        )
    return f"In an emergency, call {emergency}."


def emergency_answer(book: ContactBook, country: Optional[str], sure: bool = True) -> str:
    """The emergency number, said as an order when the message is plainly urgent; when only the
    classifier guessed so, as a condition, so an ordinary question is not met with alarm."""
    number = book.number_to_call(country or DEFAULT_COUNTRY)
    if not sure:
        return (
            f"If someone is very unwell or hurt right now, call {number} now, or ask someone with you to call. "
            "If I have read your message wrongly, please say it again in other words and I will help."
        )
    return (
        f"This sounds like an emergency. Call {number} now. "
        f"If someone is with you, ask them to call {number} for you. "
        "Do not wait for a reply from me."
    )


def crisis_answer(book: ContactBook, country: Optional[str], now: datetime, someone_close: bool = False) -> str:
    """`someone_close`: the despair is of someone the writer is close to ("my husband keeps saying he wants
    to give up"), so the answer speaks to the writer, frightened for them."""
    code = country or DEFAULT_COUNTRY
    lines = [h for h in book.helplines_for(code, "crisis") if h.phone or h.sms]
    emergency = book.number_to_call(code)
    if someone_close:
        text = [
            "I'm so sorry. It is frightening to hear someone you love say that, and you don't have to deal "
            "with it on your own."
        ]
        if lines:
            text.append("These lines are there for them, and for you too, right now:")
    else:
        text = ["I'm really sorry you are feeling like this. You don't have to cope on your own."]
        if lines:
            text.append("You can talk to someone right now:")
    text += [f"- {helpline_text(line, now)}" for line in lines[:MAX_LINES]]
    if not lines:
        text.append(
            "I don't have a checked crisis line for your country. A GP or the specialist team can help find one."
        )
    text.append(
        f"If they are in danger now, call {emergency}."
        if someone_close
        else f"If you are in danger now, call {emergency}."
    )
    return "\n".join(text)


def centres_answer(book: ContactBook, country: Optional[str], city: Optional[str]) -> str:
    code = country or DEFAULT_COUNTRY
    centres, city_matched = book.centres_in(code, city)
    if not centres:
        return (
            "I don't have a checked list of NET specialist centres for that country. "
            "Your specialist team or GP can tell you where people are usually referred."
        )
    if city and not city_matched:
        intro = (
            f"I don't know of a NET specialist centre in {city.title()}. These are the ones I know in the same country:"
        )
    else:
        intro = "NET specialist centres I know of:"
    lines = [intro] + [f"- {centre_line(c)}" for c in centres[:MAX_CENTRES]]
    lines.append(
        "People are usually referred by their specialist team or their GP. Ask them if a referral is right for you."
    )
    return "\n".join(lines)


def centre_line(centre: Centre) -> str:
    where = f" ({centre.city})" if centre.city else ""
    web = f" Website: {centre.website}" if centre.website else f" For contact details, {UNVERIFIED}."
    return f"{centre.name}{where}.{web}"
