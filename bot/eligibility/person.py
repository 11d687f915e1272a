"""The person a trial is judged against: what they said, in the judge's own terms.

Every field is None (or empty) when not said. Treatments are the kinds `facts.TREATMENTS`
names, read from people's own words with the pre-screen's reader ("the monthly jabs" ->
"somatostatin analogue"); a list given is taken as everything they have had.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping, Optional

from bot.prescreen.answers import grade_from_ki67, read_treatments

FIELDS = ("age", "sex", "site", "grade", "ki67", "differentiation", "spread", "resectable", "functioning", "syndrome",
          "men1", "vhl", "treatments")
SYNDROMES = ("carcinoid syndrome", "insulinoma", "gastrinoma", "vipoma", "glucagonoma", "somatostatinoma")


@dataclass(frozen=True)
class Person:
    age: Optional[float] = None
    sex: Optional[str] = None  # "female" | "male"
    site: Optional[str] = None  # profile SITES: "pancreas", "small bowel", ..., "unknown"
    grades: tuple[int, ...] = ()
    ki67: Optional[float] = None
    differentiation: Optional[str] = None  # "NET" | "NEC"
    spread: Optional[bool] = None
    spread_sites: tuple[str, ...] = ()  # "liver", "bones", "brain", "lungs", "lymph nodes", "peritoneum"
    resectable: Optional[bool] = None
    functioning: Optional[bool] = None
    syndrome: Optional[str] = None  # from SYNDROMES
    men1: Optional[bool] = None
    vhl: Optional[bool] = None
    treatments: Optional[tuple[str, ...]] = None  # facts.TREATMENTS names; () for none

    @property
    def known_grades(self) -> tuple[int, ...]:
        """The grades said, else the one a Ki-67 gives; every NEC is grade 3."""
        if self.grades:
            return self.grades
        if self.ki67 is not None:
            return (grade_from_ki67(self.ki67),)
        return (3,) if self.differentiation == "NEC" else ()


class ProfileError(ValueError):
    """A profile that cannot be read; the message says which field and why."""


def person_from_json(data: Mapping[str, Any]) -> Person:
    """A person from the CLI's profile JSON (see `python -m bot trials fit --help`)."""
    try:
        return Person(
            age=_number(data.get("age")),
            sex=_sex(data.get("sex")),
            site=_text(data.get("site")),
            grades=_grades(data.get("grade")),
            ki67=_number(data.get("ki67")),
            differentiation=_differentiation(data.get("differentiation")),
            spread=_flag(data.get("spread")),
            spread_sites=tuple(_text(s) or "" for s in _as_list(data.get("spread_sites"))),
            resectable=_flag(data.get("resectable")),
            functioning=_functioning(data.get("functioning")),
            syndrome=_syndrome(data.get("syndrome")),
            men1=_flag(data.get("men1")),
            vhl=_flag(data.get("vhl")),
            treatments=_treatments(data.get("treatments")),
        )
    except (TypeError, ValueError) as error:
        raise ProfileError(str(error)) from None


def _as_list(value: Any) -> list[Any]:
    return [] if value is None else list(value) if isinstance(value, (list, tuple)) else [value]


def _text(value: Any) -> Optional[str]:
    return " ".join(str(value).lower().split()) or None if value is not None else None


def _number(value: Any) -> Optional[float]:
    if value is None or value == "":
        return None
    return float(str(value).rstrip("% "))


def _flag(value: Any) -> Optional[bool]:
    if value is None or isinstance(value, bool):
        return value
    said = str(value).strip().lower()
    if said in ("yes", "true", "y"):
        return True
    if said in ("no", "false", "n"):
        return False
    return None


def _sex(value: Any) -> Optional[str]:
    said = (_text(value) or "")[:1]
    return {"f": "female", "w": "female", "m": "male"}.get(said)


def _grades(value: Any) -> tuple[int, ...]:
    found = {int(g) for v in _as_list(value) for g in re.findall(r"[123]", str(v))}
    return tuple(sorted(found))


def _differentiation(value: Any) -> Optional[str]:
    said = (_text(value) or "").upper()
    return said if said in ("NET", "NEC") else None


def _functioning(value: Any) -> Optional[bool]:
    said = _text(value)
    if said in ("functioning", "functional"):
        return True
    if said in ("non-functioning", "nonfunctioning", "non-functional"):
        return False
    return _flag(value)


def _syndrome(value: Any) -> Optional[str]:
    said = _text(value)
    if not said or said in ("none", "no"):
        return None
    return next((s for s in SYNDROMES if s.split()[0] in said), said)


def _treatments(value: Any) -> Optional[tuple[str, ...]]:
    if value is None:
        return None
    return read_treatments(" ; ".join(str(v) for v in _as_list(value)))
