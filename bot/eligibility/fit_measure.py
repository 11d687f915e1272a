"""The judge measured against hand-labelled pairs (tests/data/fit/): wrong and missed exclusions,
agreement per criterion and coverage, per part and per field.

A labelled check is matched to the judge's check of the same field whose criterion text is the
same after normalising (one contains the other, or most words shared). A criterion the judge is
silent on counts as "ask your team" (unknown).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import yaml

from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES, Judged, Judgement
from bot.eligibility.person import FIELDS

LABEL_OF = {MATCHES: "met", DOES_NOT_MATCH: "not_met", ASK_TEAM: "unknown"}
MIN_WORD_OVERLAP = 0.6


@dataclass(frozen=True)
class LabelledPair:
    profile_id: str
    nct_id: str
    excluded: bool
    checks: tuple[dict, ...]  # {"field", "criterion", "label"}


def read_labels(path: Path) -> list[LabelledPair]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            pairs.append(
                LabelledPair(data["profile_id"], data["nct_id"], bool(data["excluded"]), tuple(data["checks"]))
            )
    return pairs


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w%<>≤≥=.-]+", " ", text.lower()).split())


def overlap(a: str, b: str) -> float:
    """1.0 when one text contains the other; else the share of words they have in common."""
    a, b = _words(a), _words(b)
    if not a or not b:
        return 0.0
    if _inside(a, b) or _inside(b, a):
        return 1.0
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / len(wa | wb)


def _inside(part: str, whole: str) -> bool:
    """`part` in `whole` from a word's start: "functioning pannet" is not inside "nonfunctioning pannets"
    (its end may run on: some records glue one item's last word to the next one's first)."""
    edge_before = r"(?<![\w%])" if re.match(r"[\w%]", part) else ""
    return re.search(edge_before + re.escape(part), whole) is not None


def matching_check(label: dict, checks: Iterable[Judged]) -> Optional[Judged]:
    best = max(
        ((overlap(label["criterion"], c.criterion), i, c) for i, c in enumerate(checks) if c.field == label["field"]),
        default=None,
        key=lambda item: (item[0], -item[1]),
    )
    return best[2] if best and best[0] >= MIN_WORD_OVERLAP else None


@dataclass
class Tally:
    agree: int = 0
    checks: int = 0
    firm_needed: int = 0  # labelled met / not met
    firm_given: int = 0
    not_met: int = 0  # labelled not met
    not_met_found: int = 0
    wrong_pairs: int = 0  # pairs not excluded where this field gave "does not match"

    def add_check(self, label: str, verdict: str) -> None:
        self.checks += 1
        self.agree += LABEL_OF[verdict] == label
        if label in ("met", "not_met"):
            self.firm_needed += 1
            self.firm_given += verdict != ASK_TEAM
        if label == "not_met":
            self.not_met += 1
            self.not_met_found += verdict == DOES_NOT_MATCH


@dataclass
class PartFigures:
    pairs: int = 0
    kept_pairs: int = 0  # labelled not excluded
    excluded_pairs: int = 0
    wrong_exclusions: int = 0
    missed_exclusions: int = 0
    total: Tally = field(default_factory=Tally)
    by_field: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    misses: list[str] = field(default_factory=list)  # one line per disagreement (tuning part only)


def measure(
    pairs: Iterable[LabelledPair], judged: dict[tuple[str, str], Judgement], keep_misses: bool = False
) -> PartFigures:
    figures = PartFigures()
    for pair in pairs:
        judgement = judged[(pair.profile_id, pair.nct_id)]
        figures.pairs += 1
        if pair.excluded:
            figures.excluded_pairs += 1
            figures.missed_exclusions += not judgement.excluded
        else:
            figures.kept_pairs += 1
            figures.wrong_exclusions += judgement.excluded
            for name in {c.field for c in judgement.checks if c.verdict == DOES_NOT_MATCH}:
                figures.by_field[name].wrong_pairs += 1
        for label in pair.checks:
            found = matching_check(label, judgement.checks)
            verdict = found.verdict if found else ASK_TEAM
            for tally in (figures.total, figures.by_field.setdefault(label["field"], Tally())):
                tally.add_check(label["label"], verdict)
            if keep_misses and LABEL_OF[verdict] != label["label"]:
                said = "silent" if found is None else verdict
                figures.misses.append(
                    f"{pair.profile_id} {pair.nct_id} {label['field']}: labelled {label['label']}, judged {said} | {label['criterion'][:140]}"
                )
        if keep_misses and pair.excluded != judgement.excluded:
            figures.misses.append(
                f"{pair.profile_id} {pair.nct_id} PAIR: labelled excluded={pair.excluded}, judged {judgement.excluded}"
            )
    return figures


def read_checks_only(path: Path) -> list[LabelledPair]:
    """A set labelled for a few fields only (`tests/data/fit/stage/readings.yml`): per trial, each
    criterion with its field and one label per profile; a pair is excluded when any check is not met."""
    readings = yaml.safe_load(path.read_text(encoding="utf-8"))
    pairs: dict[tuple[str, str], list[dict]] = {}
    for nct_id, checks in readings.items():
        for check in checks:
            for profile_id, label in check["labels"].items():
                pairs.setdefault((profile_id, nct_id), []).append(
                    {"field": check["field"], "criterion": check["criterion"], "label": label}
                )
    return [
        LabelledPair(p, n, any(c["label"] == "not_met" for c in checks), tuple(checks))
        for (p, n), checks in sorted(pairs.items())
    ]


def only_fields(judgement: Judgement, fields: Iterable[str]) -> Judgement:
    """The judge's checks of the fields a set labels, so a pair's exclusion is judged on them alone."""
    keep = set(fields)
    return Judgement(tuple(c for c in judgement.checks if c.field in keep))
