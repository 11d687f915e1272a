"""The contacts file as typed records, and the lookups the assistant needs.

A value that is null in data/contacts.yml was not verified: it stays None here and is never
shown (the wording says "see their website" instead).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from bot.config import DATA_DIR
from bot.contacts.hours import Hours
from bot.text import normalize

CONTACTS_FILE = DATA_DIR / "contacts.yml"
DEFAULT_COUNTRY = "GB"
LOCAL_EMERGENCY = "your local emergency number"
EU_COUNTRIES = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())
NEEDS = {
    "information": ("information", "trials", "clinical_information"),
    "emotional_support": ("emotional_support", "crisis", "suicide_prevention", "mental_health"),
    "crisis": ("crisis", "suicide_prevention"),
    "urgent_medical": ("urgent_medical_advice", "out_of_hours", "medical_advice"),
}


@dataclass(frozen=True)
class Helpline:
    id: str
    name: str
    countries: tuple[str, ...]
    phone: Optional[str]
    sms: Optional[str]  # e.g. 'text SHOUT to 85258'
    hours: Optional[Hours]
    hours_text: Optional[str]
    free: Optional[bool]
    serves: tuple[str, ...]
    website: Optional[str]
    notes: str

    def covers(self, country: str) -> bool:
        return country in self.countries or ("EU" in self.countries and country in EU_COUNTRIES)


@dataclass(frozen=True)
class EmergencyNumber:
    id: str
    name: str
    country: str
    phone: str
    serves: tuple[str, ...]


@dataclass(frozen=True)
class Centre:
    name: str
    city: str
    country: str
    accreditation: Optional[str]
    website: Optional[str]
    notes: str

    @property
    def city_keys(self) -> tuple[str, ...]:
        """ "Stockholm (Solna)" and "Lund/Malmö" match each of their places."""
        parts = self.city.replace("(", "/").replace(")", "").split("/")
        return tuple(normalize(p) for p in parts if p.strip())


class ContactBook:
    def __init__(self, helplines: list[Helpline], emergency: list[EmergencyNumber], centres: list[Centre]) -> None:
        self.helplines = helplines
        self.emergency = emergency
        self.centres = centres

    def helplines_for(self, country: str, need: str) -> list[Helpline]:
        """Lines for a country and a need, those with a verified phone number first."""
        wanted = NEEDS.get(need, (need,))
        found = [h for h in self.helplines if h.covers(country) and set(wanted) & set(h.serves)]
        return sorted(found, key=lambda h: (h.phone is None, self.helplines.index(h)))

    def emergency_number(self, country: str) -> Optional[EmergencyNumber]:
        """The life-threatening emergency number (999 UK, 112 EU and Sweden, 911 US); None for a
        country whose number we have not checked (never the UK's 999 for someone in Australia)."""
        life = [e for e in self.emergency if "life_threatening_emergency" in e.serves]
        for candidates in (
            [e for e in life if e.country == country],
            [e for e in life if e.country == "EU" and country in EU_COUNTRIES],
        ):
            if candidates:
                return candidates[0]
        return None

    def number_to_call(self, country: str) -> str:
        """What to call in a life-threatening emergency, as words to put after "call"."""
        number = self.emergency_number(country)
        return number.phone if number else LOCAL_EMERGENCY

    def centres_in(self, country: str, city: Optional[str] = None) -> tuple[list[Centre], bool]:
        """Centres in the city if there are any, else all in the country; and whether the
        city matched."""
        in_country = [c for c in self.centres if c.country == country]
        if city:
            key = normalize(city)
            in_city = [c for c in in_country if key in c.city_keys]
            if in_city:
                return in_city, True
        return in_country, False


def _text(value: object) -> Optional[str]:
    return None if value is None else str(value).strip() or None


def _helpline(entry: dict) -> Helpline:
    countries: object = entry.get("country")
    sms = entry.get("sms")
    sms_text = None
    if isinstance(sms, dict) and sms.get("number"):
        keyword = f"{sms['keyword']} " if sms.get("keyword") else ""
        sms_text = f"text {keyword}to {sms['number']}".replace("text to", "text")
    return Helpline(
        id=entry["id"],
        name=entry["name"],
        countries=tuple(str(c) for c in (countries if isinstance(countries, list) else [countries])),
        phone=_text(entry.get("phone")),
        sms=sms_text,
        hours=Hours.from_data(entry["hours"]) if entry.get("hours") else None,
        hours_text=_text(entry.get("hours_text")),
        free=entry.get("free"),
        serves=tuple(entry.get("for") or ()),
        website=_text(entry.get("website")),
        notes=_text(entry.get("notes")) or "",
    )


def load_contacts(path: Path = CONTACTS_FILE) -> ContactBook:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    emergency = [
        EmergencyNumber(e["id"], e["name"], str(e["country"]), str(e["phone"]), tuple(e.get("for") or ()))
        for e in data.get("emergency", [])
        if e.get("phone")
    ]
    centres = [
        Centre(
            c["name"],
            str(c.get("city") or ""),
            str(c["country"]),
            _text(c.get("accreditation")),
            _text(c.get("web")),
            _text(c.get("notes")) or "",
        )
        for c in data.get("specialist_centres", [])
    ]
    return ContactBook([_helpline(h) for h in data.get("helplines", [])], emergency, centres)


@lru_cache(maxsize=1)
def default_contacts() -> ContactBook:
    return load_contacts()
