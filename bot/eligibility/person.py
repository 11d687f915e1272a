"""The person a trial is judged against: what they said, in the judge's own terms.

Every field is None (or empty) when not said. Treatments are the kinds `facts.TREATMENTS`
names, read from people's own words with the pre-screen's reader ("the monthly jabs" ->
"somatostatin analogue"); a list given is taken as everything they have had.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterable, Mapping, Optional

from bot.eligibility.drug_families import families_had, had_family
from bot.eligibility.facts import TREATMENTS
from bot.eligibility.judge_drugs import drugs_in, kinds_of_drugs, unnamed_kinds
from bot.prescreen.answers import grade_from_ki67, parse_site, read_treatments

FIELDS = (
    "age",
    "sex",
    "site",
    "grade",
    "ki67",
    "differentiation",
    "spread",
    "resectable",
    "functioning",
    "syndrome",
    "men1",
    "vhl",
    "treatments",
)
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
    ssa_maybe_short: bool = False  # the only somatostatin analogue named is plain "octreotide" (may be short-acting)
    removed: bool = False  # the tumour was taken out ("Whipple", "removed during a colonoscopy", "appendicectomy")
    # how many systemic treatments (one a list entry): (surely, at most), SSA and PRRT counting only in the second;
    # and the same for chemotherapy alone. None: not said
    lines: Optional[tuple[int, int]] = None
    chemo_lines: Optional[tuple[int, int]] = None
    # chemotherapy families named ("carboplatin and etoposide": platinum, etoposide), and whether every
    # chemotherapy listed was named by its drugs ("chemo" alone was not). Unread (the default, as when a
    # person is made from treatment kinds alone): which chemotherapy it was is not known
    chemo_families: frozenset[str] = frozenset()
    chemo_families_complete: bool = False
    # the drugs named ("octreotide", CAPTEM's capecitabine and temozolomide), and the kinds given without a
    # drug's name ("the monthly jabs", "a TKI"); None (the default): their words were not read, so which
    # drug of a kind they had is not known
    drugs: frozenset[str] = frozenset()
    kinds_unnamed: Optional[frozenset[str]] = None

    def had_family(self, family: str) -> Optional[bool]:
        had_chemotherapy = None if self.treatments is None else "chemotherapy" in self.treatments
        return had_family(family, self.chemo_families, self.chemo_families_complete, had_chemotherapy)

    @property
    def can_be_removed(self) -> Optional[bool]:
        """Said, or known: a tumour taken out that has not spread leaves nothing that cannot be removed."""
        if self.resectable is not None:
            return self.resectable
        return True if self.removed and self.spread is False else None

    @property
    def ki67_range(self) -> Optional[tuple[float, float]]:
        """The Ki-67 said, else what the grade makes certain: a G1 is under 3%, a G2 at most 20%
        (its lower end and a G3's Ki-67 depend on the mitoses too, so they stay open)."""
        if self.ki67 is not None:
            return (self.ki67, self.ki67)
        grades = self.grades or ((3,) if self.differentiation == "NEC" else ())
        if not grades or 3 in grades:
            return None
        return (0.0, 2.999) if max(grades) == 1 else (0.0, 20.0)

    @property
    def known_grades(self) -> tuple[int, ...]:
        """The grades said, else the one a Ki-67 gives; every NEC is grade 3."""
        if self.grades:
            return self.grades
        if self.ki67 is not None:
            return (grade_from_ki67(self.ki67),)
        return (3,) if self.differentiation == "NEC" else ()


def with_treatment_words(person: Person, entries: Iterable[str]) -> Person:
    """The person with the chemotherapy families and the drugs their own words (or lexicon names:
    "cisplatin", "capecitabine_temozolomide") say they had, so "platinum-based chemotherapy" and
    "prior temozolomide" can be judged, not only asked."""
    said = [" ".join(str(e).split("_")) for e in entries]  # lexicon ids: "capecitabine_temozolomide"
    families, complete = families_had(said)
    return replace(
        person,
        chemo_families=families,
        chemo_families_complete=complete,
        drugs=frozenset().union(*(drugs_in(e, groups=False) for e in said)),
        kinds_unnamed=unnamed_kinds((e, _kinds(e)) for e in said),
    )


class ProfileError(ValueError):
    """A profile that cannot be read; the message says which field and why."""


def person_from_json(data: Mapping[str, Any]) -> Person:
    """A person from the CLI's profile JSON (see `python -m bot trials fit --help`)."""
    try:
        return with_treatment_words(
            Person(
                age=_number(data.get("age")),
                sex=_sex(data.get("sex")),
                site=_site(data.get("site")),
                grades=_grades(data.get("grade")),
                ki67=_number(data.get("ki67")),
                differentiation=_differentiation(data.get("differentiation")),
                spread=_flag(data.get("spread")),
                spread_sites=tuple(_place(s) for s in _as_list(data.get("spread_sites")) if _text(s)),
                resectable=_flag(data.get("resectable")),
                functioning=_functioning(data.get("functioning")),
                syndrome=_syndrome(data.get("syndrome")),
                men1=_flag(data.get("men1")),
                vhl=_flag(data.get("vhl")),
                treatments=_treatments(data.get("treatments")),
                ssa_maybe_short=_ssa_maybe_short(data.get("treatments")),
                removed=_removed(data.get("treatments")),
                lines=_lines(data.get("treatments"), _SYSTEMIC, _MAYBE_SYSTEMIC),
                chemo_lines=_lines(data.get("treatments"), {"chemotherapy"}, set()),
            ),
            _entries(data.get("treatments")),
        )
    except (TypeError, ValueError) as error:
        raise ProfileError(str(error)) from None


def _as_list(value: Any) -> list[Any]:
    return [] if value is None else list(value) if isinstance(value, (list, tuple)) else [value]


def _text(value: Any) -> Optional[str]:
    return " ".join(str(value).lower().split()) or None if value is not None else None


SITES = ("pancreas", "small bowel", "stomach", "lung", "appendix", "large bowel", "rectum", "bowel", "unknown")
_UNKNOWN_SITE = re.compile(r"\bunknown\b|\bnot\s+(?:been\s+)?found\b|\bCUP\b", re.I)
# the rectum is hindgut, never "colon" or "midgut": kept apart from the rest of the large bowel
_RECTUM = re.compile(r"\brect(?:um|al)\b|\brecto-?sigmoid", re.I)
PLACES = {
    "bone": "bones",
    "bones": "bones",
    "lung": "lungs",
    "lungs": "lungs",
    "lymph node": "lymph nodes",
    "lymph nodes": "lymph nodes",
    "nodes": "lymph nodes",
    "liver": "liver",
    "brain": "brain",
    "peritoneum": "peritoneum",
}


def _site(value: Any) -> Optional[str]:
    """The judge's own site names ("colon" -> "large bowel", "duodenum" -> "small bowel"); a site it
    does not know is kept as said, and the judge then asks rather than rules out."""
    said = _text(value)
    if not said or said in SITES:
        return said
    if _UNKNOWN_SITE.search(said):
        return "unknown"
    if _RECTUM.search(said):
        return "rectum"
    return parse_site(said) or said


def _place(value: Any) -> str:
    """Where it spread, in the judge's names ("bone" -> "bones")."""
    said = _text(value) or ""
    return PLACES.get(said, PLACES.get(said.rstrip("s"), said))


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


# chemotherapy regimens people name that the pre-screen's reader does not know
_MORE_CHEMOTHERAPY = re.compile(
    r"\bFOLF\w+|\bXELOX\b|\bCAPOX\b|irinotecan|oxaliplatin|\b5-?FU\b|fluorouracil|streptozo\w+|doxorubicin"
    r"|\bdacarbazine|\bcisplatin|\bcarboplatin|\betoposide|\btemozolomide|\bcapecitabine|\bchemo\w*",
    re.I,
)


def _kinds(said: str) -> tuple[str, ...]:
    found = set(read_treatments(said)) | kinds_of_drugs(said)
    if _MORE_CHEMOTHERAPY.search(said):
        found.add("chemotherapy")
    return tuple(name for name in TREATMENTS if name in found)


def _entries(value: Any) -> list[str]:
    return [str(v) for v in _as_list(value)]


def _treatments(value: Any) -> Optional[tuple[str, ...]]:
    if value is None:
        return None
    return _kinds(" ; ".join(str(v) for v in _as_list(value)))


_PLAIN_OCTREOTIDE = re.compile(r"\boctreotide\b(?![\s-]*(?:LAR|long|depot|monthly))", re.I)
_LONG_SSA = re.compile(
    r"lanreotide|somatuline|\bLAR\b|long[- ]acting|depot|monthly|autogel|jabs?\b|injections?\b", re.I
)


def _ssa_maybe_short(value: Any) -> bool:
    said = " ; ".join(str(v) for v in _as_list(value))
    return bool(_PLAIN_OCTREOTIDE.search(said)) and not _LONG_SSA.search(said)


_REMOVED = re.compile(
    r"\bremov\w*|\bresect\w*|\w+ectomy\b|\bwhipple\b(?!'?s?\s+triad)|\boperat\w*|\bsurg\w*|\bexcis\w*|\benucleat\w*",
    re.I,
)


# operations on other organs ("parathyroidectomy", "gallbladder removed"): the NET is still there
_OTHER_ORGAN = re.compile(
    r"\b(?:cholecyst|parathyroid|thyroid|splen|hyster|tonsill|oophor|adrenal)\w*ectomy\b"
    r"|\b(?:gall-?\s?bladder|parathyroids?|thyroid|spleen|womb|uterus|ovar(?:y|ies)|tonsils?|hernia|appendix\s+abscess)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:removed|taken\s+out|out|removal|operation|surgery|repair\w*)\b",
    re.I,
)
# an operation that looked, eased or reduced, but took nothing out for good
_NOT_A_REMOVAL = re.compile(r"\bbiops\w*|\bbypass\b|\bstent\w*|\bdebulk\w*|\bexplorat\w*|\bpalliat\w*", re.I)
_TUMOUR_REMOVAL = re.compile(r"\bwhipple\b|\w+ectomy\b|\bresect\w*|\benucleat\w*|\bexcis\w*|\bremov\w*", re.I)
_LEFT_SOME = re.compile(
    r"\b(?:could\s*n[o']t|couldn't|can\s*n[o']t|cannot|unable\s+to|did\s*n[o']t|didn't)\s+(?:[\w-]+\s+){0,2}?(?:remove|take|get|resect)"
    r"|\bnot\s+(?:all|completely|fully|entirely)\s+(?:removed|taken|resected)|\bincomplete(?:ly)?\b|\b(?:some|part)\s+(?:was\s+|is\s+)?left\b|\bleft\s+behind\b",
    re.I,
)


def _takes_it_out(entry: str) -> bool:
    """One treatment the person names took the tumour out: not an operation on another organ, a biopsy,
    a bypass or debulking, nor one that left some behind ("they could not remove it all")."""
    if _LEFT_SOME.search(entry):
        return False
    scan = _OTHER_ORGAN.sub(" ", entry)
    if _NOT_A_REMOVAL.search(scan) and not _TUMOUR_REMOVAL.search(_NOT_A_REMOVAL.sub(" ", scan)):
        return False
    return bool(_REMOVED.search(scan))


def _removed(value: Any) -> bool:
    return any(_takes_it_out(str(v)) for v in _as_list(value))


_SYSTEMIC = {"everolimus", "sunitinib", "chemotherapy", "targeted therapy", "immunotherapy", "interferon"}
# whether these count as a "line" depends on the trial
_MAYBE_SYSTEMIC = {"somatostatin analogue", "PRRT", "liver-directed therapy", "radiotherapy", "surgery"}


def _lines(value: Any, surely: set[str], maybe: set[str]) -> Optional[tuple[int, int]]:
    if value is None:
        return None
    kinds = [set(_kinds(str(v))) for v in _as_list(value)]
    sure = sum(1 for k in kinds if k & surely)
    entries = [str(v) for v in _as_list(value)]
    unsure = sum(
        1 for k, said in zip(kinds, entries) if not k & surely and (k & maybe or (maybe and _REMOVED.search(said)))
    )
    return sure, sure + unsure
