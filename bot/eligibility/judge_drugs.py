"""One named drug against its kind: a criterion that names a drug ("prior sunitinib", "Octreotide
LAR", "prior temozolomide") is about that drug, not every drug of its kind.

- The person named that drug (or a regimen holding it: CAPTEM holds temozolomide): they had it.
- They named a close relative ("dacarbazine" for temozolomide, "capecitabine" for 5-FU, another
  platinum) or only the kind ("a TKI", "the monthly jabs", "chemo"): the team must say.
- They named only other drugs of the kind ("lanreotide" for "octreotide"): they did not have it.

A criterion that names the kind itself ("a tyrosine kinase inhibitor", "somatostatin analogues
(octreotide, lanreotide)", "everolimus or other rapamycins") is about every drug of the kind, as
before; a kind word tied to the drug ("chemotherapy with temozolomide", "temozolomide-based
chemotherapy") still names that drug only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

SSA, MTOR, SUNITINIB, TARGETED, CHEMOTHERAPY, IMMUNOTHERAPY, LIVER = (
    "somatostatin analogue",
    "everolimus",
    "sunitinib",
    "targeted therapy",
    "chemotherapy",
    "immunotherapy",
    "liver-directed therapy",
)


@dataclass(frozen=True)
class Drug:
    name: str
    kind: str  # the `facts.TREATMENTS` kind it is read as
    words: re.Pattern
    related: frozenset[str] = frozenset()  # drugs a person may call by this one's name, or that hold it


def _drug(name: str, kind: str, words: str, *related: str) -> Drug:
    return Drug(name, kind, re.compile(words, re.I), frozenset(related))


_PLATINUMS = ("cisplatin", "carboplatin", "oxaliplatin")
# checkpoint inhibitors by what they block: one blocking PD-L1 (avelumab) is not "an anti-PD-1 antibody"
_PD1 = (
    "nivolumab",
    "pembrolizumab",
    "spartalizumab",
    "cemiplimab",
    "dostarlimab",
    "tislelizumab",
    "toripalimab",
    "camrelizumab",
    "sintilimab",
    "retifanlimab",
)
_PDL1 = ("atezolizumab", "durvalumab", "avelumab")
_CTLA4 = ("ipilimumab", "tremelimumab")
_BRANDS = {
    "nivolumab": "opdivo",
    "pembrolizumab": "keytruda",
    "spartalizumab": "PDR-?001",
    "avelumab": "bavencio",
    "atezolizumab": "tecentriq",
    "durvalumab": "imfinzi",
    "ipilimumab": "yervoy",
}
DRUGS: tuple[Drug, ...] = (
    _drug("octreotide", SSA, r"\boctreotide\b(?![-\s]*(?:scan|scintigra|PET|imaging))|\bsandostatin\b"),
    _drug("lanreotide", SSA, r"\blanreotide\b|\bsomatuline\b"),
    _drug("pasireotide", SSA, r"\bpasireotide\b|\bsignifor\b"),
    _drug("everolimus", MTOR, r"\beverolimus\b|\bafinitor\b|\bRAD-?001\b"),
    _drug("temsirolimus", MTOR, r"\btemsirolimus\b|\btorisel\b"),
    _drug("sirolimus", MTOR, r"(?<![a-z])sirolimus\b|\brapamycin\b(?!s|\s+analog)"),
    _drug("ridaforolimus", MTOR, r"\b(?:rida|defo)rolimus\b"),
    _drug("sunitinib", SUNITINIB, r"\bsunitinib\b|\bsutent\b|\bSU-?11248\b"),
    *(
        _drug(name, TARGETED, rf"\b{name}\b")
        for name in (
            "cabozantinib",
            "surufatinib",
            "axitinib",
            "pazopanib",
            "sorafenib",
            "lenvatinib",
            "anlotinib",
            "famitinib",
            "bevacizumab",
            "ramucirumab",
            "regorafenib",
            "imatinib",
            "cetuximab",
            "panitumumab",
        )
    ),
    _drug("vatalanib", TARGETED, r"\bvatalanib\b|\bPTK-?787\b"),
    # liver treatments by their kind: "liver embolisation" alone may be any of the first two, or a bland one
    _drug(
        "radioembolisation",
        LIVER,
        r"\bSIRT\b|\bradio-?\s?emboli[sz]\w*|\bSIR-?Spheres?\b|\bTheraSpheres?\b"
        r"|\b(?:90Y|Y-?90|yttrium(?:-?\s?90)?)[\w\s-]{0,20}?micro-?spheres?\b",
    ),
    _drug("chemoembolisation", LIVER, r"\bTACE\b|\bchemo-?\s?emboli[sz]\w*"),
    _drug("ablation", LIVER, r"\b(?:radio-?\s?frequency|microwave|thermal)\s+ablation\b|\bRFA\b"),
    *(
        _drug(name, IMMUNOTHERAPY, rf"\b{name}\b" + (rf"|\b{_BRANDS[name]}\b" if name in _BRANDS else ""))
        for name in (*_PD1, *_PDL1, *_CTLA4)
    ),
    _drug("capecitabine", CHEMOTHERAPY, r"\bcapecitabine\b|\bxeloda\b", "fluorouracil", "trifluridine"),
    _drug(
        "fluorouracil", CHEMOTHERAPY, r"\b5-?FU\b|\bfluorouracil\b|\bfluoro-uracil\b", "capecitabine", "trifluridine"
    ),
    # TAS-102 (Lonsurf) is trifluridine with tipiracil: a pyrimidine drug that may or may not count as a 5-FU one
    _drug(
        "trifluridine", CHEMOTHERAPY, r"\btrifluridine\b|\bTAS-?\s?102\b|\blonsurf\b", "fluorouracil", "capecitabine"
    ),
    _drug("temozolomide", CHEMOTHERAPY, r"\btemozolomide\b|\btemodal\b|\bTMZ\b", "dacarbazine"),
    _drug("dacarbazine", CHEMOTHERAPY, r"\bdacarbazine\b|\bDTIC\b", "temozolomide"),
    _drug("streptozocin", CHEMOTHERAPY, r"\bstreptozo\w+\b|\bSTZ\b"),
    _drug("doxorubicin", CHEMOTHERAPY, r"\bdoxorubicin\b|\badriamycin\b"),
    _drug("gemcitabine", CHEMOTHERAPY, r"\bgemcitabine\b"),
    *(_drug(name, CHEMOTHERAPY, rf"\b{name}\b", *(p for p in _PLATINUMS if p != name)) for name in _PLATINUMS),
    _drug("etoposide", CHEMOTHERAPY, r"\betoposide\b|\bVP-?16\b"),
    _drug("irinotecan", CHEMOTHERAPY, r"\birinotecan\b|\bnal-?IRI\b"),
    _drug("paclitaxel", CHEMOTHERAPY, r"(?<!nab-)\bpaclitaxel\b|\btaxol\b", "docetaxel"),
    _drug("docetaxel", CHEMOTHERAPY, r"\bdocetaxel\b", "paclitaxel"),
    _drug("vinorelbine", CHEMOTHERAPY, r"\bvinorelbine\b|\bnavelbine\b"),
    *(
        _drug(name, CHEMOTHERAPY, rf"\b{name}\b")
        for name in (
            "topotecan",
            "cyclophosphamide",
            "vincristine",
            "mitomycin",
            "ifosfamide",
            "epirubicin",
            "pemetrexed",
            "lurbinectedin",
            "trabectedin",
        )
    ),
)
_BY_NAME = {d.name: d for d in DRUGS}
# regimens people name by their letters, and the drugs they hold
_REGIMENS = (
    (re.compile(r"\bCAP-?TEM\b", re.I), ("capecitabine", "temozolomide")),
    (re.compile(r"\b(?:FOLFIRINOX|NALIRIFOX)\b", re.I), ("fluorouracil", "irinotecan", "oxaliplatin")),
    (re.compile(r"\bFOLFIRI\b", re.I), ("fluorouracil", "irinotecan")),
    (re.compile(r"\bFOLFOX\w*\b", re.I), ("fluorouracil", "oxaliplatin")),
    (re.compile(r"\bXELOX\b|\bCAPOX\b", re.I), ("capecitabine", "oxaliplatin")),
)
_BLOCKER = (
    r"(?:inhibitors?|antibod(?:y|ies)|blockers?|blockade|antagonists?|(?:targeted|directed)\s+(?:agents?|therap\w*))\b"
)
# groups of drugs criteria name ("anthracyclines or taxanes", "an anti-PD-1 antibody"): their drugs, not the whole kind
_GROUPS = (
    (re.compile(r"\btaxanes?\b|\btaxane-based", re.I), ("paclitaxel", "docetaxel")),
    (re.compile(r"\banthracyclines?\b", re.I), ("doxorubicin", "epirubicin")),
    (re.compile(r"\bfluoropyrimidines?\b", re.I), ("fluorouracil", "capecitabine")),
    (
        re.compile(r"\balkylating\s+agents?\b", re.I),
        ("temozolomide", "dacarbazine", "streptozocin", "cyclophosphamide", "ifosfamide"),
    ),
    (re.compile(r"\bvinca\s+alkaloids?\b", re.I), ("vinorelbine", "vincristine")),
    (re.compile(r"\btopoisomerase(?:\s+I)?\s+inhibitors?\b", re.I), ("irinotecan", "topotecan", "etoposide")),
    (re.compile(rf"\banti-?\s?PD-?1\b(?!-L)|\bPD-?1\s*{_BLOCKER}", re.I), _PD1),
    # "anti-PD-L1", "anti-PD-1/PD-L1", "anti-PD1-L1"
    (re.compile(rf"\banti-?\s?PD-?(?:1\s*(?:/|or|and|-)?\s*(?:PD-?)?)?L-?1\b|\bPD-?L-?1\s*{_BLOCKER}", re.I), _PDL1),
    (re.compile(rf"\banti-?\s?CTLA-?4\b|\bCTLA-?4\s*{_BLOCKER}", re.I), _CTLA4),
)
# the kinds a person's own words may put one drug under: "a TKI" may be sunitinib
_ONE_GROUP = {SUNITINIB: (SUNITINIB, TARGETED), TARGETED: (TARGETED, SUNITINIB)}
# words that name the whole kind in a criterion
_KIND_WORDS = {
    SSA: r"somatostatin[- ]?(?:receptor\s+)?(?:analog\w*|ligands?)|\bSSAs?\b|\bSS\s+analog\w*|\bSRLs?\b|\banalog(?:ue)?s?\b",
    MTOR: r"\bmTOR\w*|\brapamycins\b|\brapamycin\s+analog\w*|\brapalogs?\b",
    SUNITINIB: r"tyrosine[- ]kinase|\bTKIs?\b|\bVEGFR?\b|angiogen\w*|multi-?\s?kinase|kinase\s+inhibitors?|targeted|small[- ]molecule",
    CHEMOTHERAPY: r"chemo\w*|cytotoxic",
    IMMUNOTHERAPY: r"immuno-?\s?therap\w*|\bcheckpoint|\bICIs?\b|\bimmune[- ]oncology",
    LIVER: r"liver[- ]directed|loco-?\s?regional|(?<!chemo-)(?<!radio-)\bemboli[sz]\w*|intra-?arterial\s+therap\w*",
}
_KIND_WORDS[TARGETED] = _KIND_WORDS[SUNITINIB]
_KIND = {kind: re.compile(words, re.I) for kind, words in _KIND_WORDS.items()}
_ANY_OTHER = r"\b(?:or|and|and/or)\s+(?:any\s+)?(?:other|another|similar)\b"
_EXAMPLES = re.compile(r"\bsuch\s+as\b|\be\.\s?g\b|\bincluding\b|\bnot\s+limited\s+to\b|\bfor\s+example\b", re.I)


def drugs_in(words: str, groups: bool = True) -> frozenset[str]:
    """The drugs some words name, regimens and groups opened up ("CAPTEM": capecitabine and
    temozolomide; "taxanes": paclitaxel and docetaxel). A person who had "an anti-PD-1" had one
    drug of the group, not all of them: their words are read with `groups=False`."""
    found = {d.name for d in DRUGS if d.words.search(words)}
    for pattern, held in (*_REGIMENS, *(_GROUPS if groups else ())):
        if pattern.search(words):
            found |= set(held)
    return frozenset(found)


def words_of(kind: str) -> str:
    """Every drug name of one kind, as one pattern (for the readers that find the kinds a criterion names)."""
    return "|".join(d.words.pattern for d in DRUGS if d.kind == kind)


def kinds_of_drugs(words: str) -> frozenset[str]:
    """The kinds of the drugs named ("temsirolimus": an mTOR inhibitor, read as everolimus's kind)."""
    return frozenset(_BY_NAME[name].kind for name in drugs_in(words))


def unnamed_kinds(entries: Iterable[tuple[str, Iterable[str]]]) -> frozenset[str]:
    """The kinds a person gave without naming the drug ("the monthly jabs", "a TKI", "chemo"), from
    each of their entries with the kinds it was read as."""
    unnamed: set[str] = set()
    for said, kinds in entries:
        named_kinds = frozenset(_BY_NAME[name].kind for name in drugs_in(said, groups=False))
        unnamed |= {k for k in kinds if k in _KIND and k not in named_kinds}
    return frozenset(unnamed)


def drugs_of_kind(kind: str, words: str) -> frozenset[str]:
    """The drugs of `kind` the words name by their own names (not by a group: "taxanes")."""
    return frozenset(n for n in drugs_in(words, groups=False) if _BY_NAME[n].kind == kind)


def named_in_criterion(kind: str, criterion: str) -> frozenset[str]:
    """The drugs of `kind` a criterion names as the rule; empty when it names the kind itself (so
    any drug of it counts) or no drug of it."""
    named = frozenset(n for n in drugs_in(criterion) if _BY_NAME[n].kind in _ONE_GROUP.get(kind, (kind,)))
    if not named or _names_the_kind(kind, criterion, named):
        return frozenset()
    return named


def _names_the_kind(kind: str, criterion: str, named: frozenset[str]) -> bool:
    """A kind word that is not tied to a named drug ("chemotherapy with temozolomide" is tied),
    or "... or other rapamycins"."""
    drug = "|".join(_BY_NAME[n].words.pattern for n in named)
    if re.search(_ANY_OTHER, criterion, re.I) and _KIND[kind].search(criterion):
        return True
    first = re.search(drug, criterion, re.I)
    if kind == LIVER and first and _EXAMPLES.search(re.split(r"[.;]\s", criterion[: first.start()])[-1]):
        return True  # "anti-tumour therapy ..., including, but not limited to, ... TACE": examples of liver treatment
    tied = re.compile(
        rf"(?:{_KIND[kind].pattern})\s+(?:[\w-]+\s+){{0,2}}?(?:with|using|containing|of|based\s+on)\s+(?:[\w-]+\s+){{0,2}}?(?:{drug})"
        rf"|(?:{drug})[\w\s-]{{0,20}}?[- ](?:based|containing)\s+(?:{_KIND[kind].pattern})",
        re.I,
    )
    return bool(_KIND[kind].search(tied.sub(" ", criterion)))


def had_named(
    named: frozenset[str],
    kind: str,
    had_kinds: Optional[tuple[str, ...]],
    drugs: frozenset[str],
    unnamed: Optional[frozenset[str]],
    criterion: str = "",
) -> Optional[bool]:
    """Whether a person had one of the `named` drugs; None when their words cannot say.
    `unnamed`: the kinds they gave without a drug's name; None when their words were not read.
    `criterion`: its words, when a regimen it names ("prior FOLFOX") counts only whole."""
    if had_kinds is None:
        return None
    group = _ONE_GROUP.get(kind, (kind,))
    if not any(k in had_kinds for k in group):
        return False
    if named & drugs:
        return True if _had_whole(named & drugs, drugs, criterion) else None
    related = frozenset().union(*(_BY_NAME[n].related for n in named))
    named_of_group = any(_BY_NAME[d].kind in group for d in drugs)  # else the kind came from words we read no drug in
    if unnamed is None or related & drugs or unnamed & set(group) or not named_of_group:
        return None
    return False


def _had_whole(shared: frozenset[str], drugs: frozenset[str], criterion: str) -> bool:
    """A drug shared with a regimen the criterion names ("FOLFIRI" had, "prior FOLFOX" asked: 5-FU in
    both) is that regimen only when all of it was had; a drug the criterion names alone is enough."""
    alone = frozenset(d.name for d in DRUGS if d.words.search(criterion))
    regimens = [frozenset(held) for pattern, held in _REGIMENS if pattern.search(criterion)]
    return not regimens or bool(shared & alone) or any(r <= drugs for r in regimens)
