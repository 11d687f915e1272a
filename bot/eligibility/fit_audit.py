"""The wrong-exclusion audit: the judge's verdicts on trials nobody labelled, one line per criterion,
for a person to read against the criterion text.

    python -m bot.eligibility.fit_audit                       # every "does not match", fit profiles x unlabelled trials
    python -m bot.eligibility.fit_audit --ask 40 --seed 19    # and a sample of 40 "ask your team" criteria
    python -m bot.eligibility.fit_audit --silent 15           # criteria the judge does not read, by wording shape

The silence audit (coverage) reads the unlabelled shipped trials and the cancer trials of the shared
corpus (../shared/ctgov/criteria-corpus.jsonl), never a labelled one: for each field, the criteria
whose words speak to it ("unresectable", "hormone", "metastatic", "poorly differentiated", "Ki-67", "prior ... everolimus")
but that give the judge no fact of it, grouped by the words around the cue.

Trials are the shipped records (data/trials/) outside the labelled set (tests/data/fit/trials.json,
both parts), so reading them tunes nothing that is measured. Each line groups the people who got
the verdict by what they said about the field, so one reading covers them all.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional

from bot.config import SHIPPED_TRIALS_DIR
from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, Record, judge, readings
from bot.eligibility.logic import ALLOWS, Fact
from bot.eligibility.person import person_from_json
from bot.eligibility.reading import OTHER_CANCER
from bot.eligibility.records import shipped_record
from bot.eligibility.sources import CORPUS_PATH, CriteriaText, corpus_criteria, shipped_criteria
from bot.eligibility.split import Item, split_criteria

ROOT = Path(__file__).resolve().parents[2]
FIT = ROOT / "tests" / "data" / "fit"
# what a person said that bears on each field, shown next to the verdict
SAID_FOR = {
    "site": ("site",),
    "grade": ("grade", "ki67", "differentiation"),
    "ki67": ("ki67", "grade"),
    "differentiation": ("differentiation", "grade", "ki67"),
    "spread": ("spread", "spread_sites", "resectable"),
    "resectable": ("resectable", "spread", "treatments"),
    "functioning": ("functioning", "syndrome"),
    "syndrome": ("syndrome", "functioning"),
    "treatments": ("treatments",),
    "age": ("age",),
    "sex": ("sex",),
    "men1": ("men1",),
    "vhl": ("vhl",),
}


@dataclass(frozen=True)
class Finding:
    nct_id: str
    field: str
    criterion: str
    verdict: str
    profile_ids: tuple[str, ...]


def unlabelled_trials(folder: Path = SHIPPED_TRIALS_DIR, labelled: Path = FIT / "trials.json") -> list[str]:
    parts = json.loads(labelled.read_text(encoding="utf-8")) if labelled.is_file() else {}
    skip = {nct for ids in parts.values() for nct in ids}
    return sorted(p.stem for p in folder.glob("NCT*.json") if p.stem not in skip)


def audit(
    profiles: list[dict[str, Any]], trials: Iterable[Record], verdicts: tuple[str, ...] = (DOES_NOT_MATCH,)
) -> list[Finding]:
    """Every check with one of `verdicts`, one finding per (trial, field, criterion)."""
    people = [(str(p["id"]), person_from_json(p)) for p in profiles]
    found: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    for trial in trials:
        for profile_id, person in people:
            for check in judge(trial, person).checks:
                if check.verdict in verdicts:
                    found[(getattr(trial, "nct_id", "?"), check.field, check.criterion, check.verdict)].append(
                        profile_id
                    )
    return [Finding(*key, tuple(ids)) for key, ids in sorted(found.items())]


def render(finding: Finding, profiles: dict[str, dict[str, Any]]) -> str:
    said: dict[str, list[str]] = defaultdict(list)
    for profile_id in finding.profile_ids:
        words = " / ".join(str(profiles[profile_id].get(k)) for k in SAID_FOR.get(finding.field, ()))
        said[words].append(profile_id)
    lines = [f"{finding.nct_id} {finding.field} {finding.verdict}: {' '.join(finding.criterion.split())}"]
    lines += [f"    {words} <- {', '.join(ids)}" for words, ids in said.items()]
    return "\n".join(lines)


# -- what the judge does not read (coverage) -----------------------------------------------------------
# words that show a criterion speaks to a field, and the judge's fields that count as reading it
CUES: dict[str, tuple[re.Pattern, tuple[str, ...]]] = {
    "resectable": (
        re.compile(
            r"\b(?:un|non-?\s?|in)?(?:resectab\w*|operab\w*)|\bcurative(?:ly)?\b|\bremovable\b|amenable\s+to\s+(?:\w+\s+)?(?:surg|resect)",
            re.I,
        ),
        ("resectable",),
    ),
    "functioning": (
        re.compile(
            r"\b(?:non-?\s?)?functio(?:nal|ning)\b(?!\s+(?:status|assessment|capacity|class|impair\w*|reserve|tests?)\b)|\bhormon\w*|\bsecret\w*|\bsyndrome\b|insulinom\w*|gastrinom\w*|vipom\w*|glucagonom\w*|somatostatinom\w*",
            re.I,
        ),
        ("functioning", "syndrome"),
    ),
    "spread": (
        re.compile(
            r"\bmetasta\w*|\blocally[- ]advanced\b|\badvanced\b|\bdistant\b|\bstage\s*(?:[IV]+|[1-4])\b|\bmeasurable\b|\bspread\b|\bM[01]\b",
            re.I,
        ),
        ("spread", "resectable"),
    ),
    "differentiation": (
        re.compile(
            r"\b(?:well|poorly|moderately|un)[- ]?differentiated\b|\bneuroendocrine\s+carcinomas?\b|\bNECs?\b|small[- ]cell|large[- ]cell",
            re.I,
        ),
        ("differentiation",),
    ),
    "grade": (
        re.compile(
            r"\bgrade\s*(?:[1-3]|I{1,3})\b|\b(?:low|intermediate|high)[- ]grade\b|\bG[1-3]\b|Ki-?\s?67|\bMIB-?1\b|\bmito(?:s[ei]s|tic)\b",
            re.I,
        ),
        ("grade", "ki67"),
    ),
    "age": (
        re.compile(
            r"\bage[sd]?\b[^.;]{0,40}?\b[0-9]{1,3}\b|\b[0-9]{1,3}\s*(?:years?|yrs)\b[^.;]{0,20}\b(?:old|of\s+age|or\s+older)",
            re.I,
        ),
        ("age",),
    ),
    "treatments": (
        re.compile(
            r"\b(?:prior|previous|previously|received|treated|treatment|therapy)\b[^.;]{0,60}\b(?:chemotherap\w*|everolimus|sunitinib|mTOR|tyrosine[- ]kinase|"
            r"somatostatin|octreotide|lanreotide|PRRT|radionuclide|lutetium|177Lu|Lu-?177|interferon|temozolomide|capecitabine|"
            r"streptozo\w*|cisplatin|carboplatin|etoposide|emboli[sz]ation|TACE|SIRT|radioemboli\w*)",
            re.I,
        ),
        ("treatments",),
    ),
}
# a cue in these words is not about the tumour ("CTCAE grade 2", "hormone therapy", "Long QT syndrome")
_NOT_THE_TUMOUR = re.compile(
    r"toxicit|CTCAE|adverse\s+event|neuropathy|hormone\s+(?:therapy|replacement|contracept)|thyroid\s+hormone|QT\s+syndrome"
    r"|nephrotic|myelodysplastic|Gilbert|Sj[oö]gren|respiratory\s+distress|growth\s+hormone|luteinizing|contracepti|immunodeficiency"
    r"|hormone[- ](?:receptor|sensitive|refractory|naive)|\bHR[+-]|\bER[+-]|estrogen|oestrogen|androgen|malabsorption",
    re.I,
)
NET_TRIAL = re.compile(
    r"neuroendocrine|carcinoid|\bp?NETs?\b|\bNECs?\b|\bGEP\b|islet\s+cell|insulinoma|gastrinoma|somatostatin", re.I
)
CANCER_TRIAL = re.compile(r"cancer|tumou?r|carcinoma|neoplas|malignan|metasta|neuroendocrine|carcinoid", re.I)
SILENT, UNSURE, READ = "silent", "unsure", "read"


@dataclass(frozen=True)
class Unread:
    nct_id: str
    group: str  # a key of CUES
    shape: str  # the cue with the words around it, numbers as "#"
    section: str
    criterion: str
    how: str  # SILENT: no fact of the field; UNSURE: facts, none that can give a firm verdict; READ
    facts: tuple[Fact, ...] = ()


def _shape(text: str, start: int, end: int) -> str:
    before = re.findall(r"[\w/<>≤≥%-]+", text[:start])[-2:]
    after = re.findall(r"[\w/<>≤≥%-]+", text[end:])[:3]
    words = " ".join([*before, text[start:end], *after]).lower()
    return re.sub(r"[0-9]+(?:\.[0-9]+)?", "#", words.replace("tumor", "tumour"))


def _items(items: list[Item]) -> Iterable[Item]:
    for item in items:
        yield item
        yield from _items(item.children)


def silences(texts: Iterable[CriteriaText]) -> list[Unread]:
    """Every criterion whose words speak to a field, with how the judge reads it: not at all
    (SILENT), only with facts that can never give a firm verdict (UNSURE), or READ."""
    found = []
    for text in texts:
        read = {(r.section, r.text): r.facts for r in readings(text.criteria)}
        split = split_criteria(text.criteria)
        for section, items in (("inclusion", split.inclusion), ("exclusion", split.exclusion)):
            for item in _items(items):
                if _NOT_THE_TUMOUR.search(item.text) or OTHER_CANCER.search(item.text):
                    continue
                facts = read.get((section, item.text), ())
                for group, (cue, fields) in CUES.items():
                    hit = cue.search(item.text)
                    if hit is None:
                        continue
                    own = [f for f in facts if f.field in fields]
                    sure = [f for f in own if f.firm and not f.needs_more and f.mode != ALLOWS]
                    how = SILENT if not own else READ if sure or any(f.mode == ALLOWS for f in own) else UNSURE
                    found.append(
                        Unread(
                            text.nct_id,
                            group,
                            _shape(item.text, hit.start(), hit.end()),
                            section,
                            item.text,
                            how,
                            tuple(facts),
                        )
                    )
    return found


def audit_texts(
    folder: Path = SHIPPED_TRIALS_DIR,
    corpus: Path = CORPUS_PATH,
    labelled: Path = FIT / "trials.json",
    kind: re.Pattern = NET_TRIAL,
    tuned: bool = False,
) -> list[CriteriaText]:
    """The unlabelled shipped trials and the corpus's trials of one `kind` (NET, or any cancer), with the
    tuned trials too when `tuned`; a held trial never (the held part must stay unread)."""
    parts = json.loads(labelled.read_text(encoding="utf-8")) if labelled.is_file() else {}
    skip = {nct for part, ids in parts.items() if not (tuned and part == "tune") for nct in ids}
    shipped = [t for t in shipped_criteria(folder) if t.nct_id not in skip]
    seen = {t.nct_id for t in shipped}
    extra = (
        [
            t
            for t in corpus_criteria(corpus)
            if t.nct_id not in skip | seen and kind.search(" ".join(t.conditions) + " " + t.criteria[:600])
        ]
        if corpus.is_file()
        else []
    )
    return [*shipped, *extra]


def render_silences(found: list[Unread], top: int, how: str = SILENT) -> str:
    lines = []
    for group in CUES:
        own = [u for u in found if u.group == group]
        counts = Counter(u.how for u in own)
        lines.append(
            f"== {group}: {len(own)} criteria speak to it; read {counts[READ]}, unsure {counts[UNSURE]}, silent {counts[SILENT]}"
        )
        shapes: dict[tuple[str, str], list[Unread]] = defaultdict(list)
        for u in own:
            if u.how == how:
                shapes[(u.section, u.shape)].append(u)
        ranked = sorted(shapes.items(), key=lambda kv: (-len({u.nct_id for u in kv[1]}), kv[0]))[:top]
        for (section, shape), cases in ranked:
            example = cases[0]
            lines.append(f"  {len({u.nct_id for u in cases}):3d} trials  [{section[:3]}] {shape}")
            lines.append(f"           e.g. {example.nct_id}: {' '.join(example.criterion.split())[:200]}")
    return "\n".join(lines)


def _fact_words(fact: Fact) -> str:
    what = [
        f"{name}={value}"
        for name, value in (
            ("values", "/".join(sorted(fact.values))),
            ("maybe", "/".join(sorted(fact.maybe))),
            ("flag", fact.flag),
            ("treatments", "/".join(sorted(fact.treatments))),
            ("low", fact.low),
            ("high", fact.high),
        )
        if value not in ("", None)
    ]
    marks = [m for m, on in (("unsure", not fact.firm), ("needs-more", fact.needs_more), ("every", fact.every)) if on]
    return f"{fact.field} {fact.mode} {' '.join(what + marks)}"


def render_readings(found: list[Unread], group: str, n: int, seed: int) -> str:
    """A sample of the criteria of `group` read firmly, each with its facts, for a person to check the reading."""
    read = [u for u in found if u.group == group and u.how == READ]
    lines = []
    for u in random.Random(seed).sample(read, min(n, len(read))):
        lines.append(f"{u.nct_id} [{u.section[:3]}] {' '.join(u.criterion.split())[:300]}")
        lines += [f"    {_fact_words(f)}" for f in u.facts if f.field in CUES[group][1]]
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=Path, default=FIT / "profiles.json")
    parser.add_argument("--ask", type=int, default=0, metavar="N", help="also a sample of N 'ask your team' criteria")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument(
        "--silent", type=int, default=0, metavar="N", help="instead: the N commonest unread wording shapes per field"
    )
    parser.add_argument(
        "--unsure", action="store_true", help="with --silent: shapes read only with facts that are never firm"
    )
    parser.add_argument(
        "--cancer", action="store_true", help="with --silent: every cancer trial of the corpus, not only NET trials"
    )
    parser.add_argument("--tuned", action="store_true", help="with --silent: the tuned trials too (never the held)")
    parser.add_argument(
        "--readings",
        metavar="GROUP",
        help="with --silent: instead, a sample of N criteria of GROUP the judge reads firmly, with their facts",
    )
    args = parser.parse_args(argv)
    if args.silent:
        texts = audit_texts(kind=CANCER_TRIAL if args.cancer else NET_TRIAL, tuned=args.tuned)
        print(
            f"{len(texts)} criteria texts (shipped trials{' with the tuned ones' if args.tuned else ''} and the corpus's "
            f"{'cancer' if args.cancer else 'NET'} trials)"
        )
        found = silences(texts)
        if args.readings:
            print(render_readings(found, args.readings, args.silent, args.seed))
        else:
            print(render_silences(found, args.silent, UNSURE if args.unsure else SILENT))
        return 0
    profiles = json.loads(args.profiles.read_text(encoding="utf-8"))
    by_id = {str(p["id"]): p for p in profiles}
    records = [r for r in (shipped_record(n) for n in unlabelled_trials()) if r is not None]
    findings = audit(profiles, records, (DOES_NOT_MATCH, ASK_TEAM) if args.ask else (DOES_NOT_MATCH,))
    ruled_out = [f for f in findings if f.verdict == DOES_NOT_MATCH]
    asked = [f for f in findings if f.verdict == ASK_TEAM]
    sample = random.Random(args.seed).sample(asked, min(args.ask, len(asked)))
    print(
        f"{len(records)} unlabelled trials x {len(profiles)} profiles: {len(ruled_out)} criteria said 'does not match' "
        f"({sum(len(f.profile_ids) for f in ruled_out)} verdicts)"
    )
    for finding in [*ruled_out, *sorted(sample, key=lambda f: (f.nct_id, f.field, f.criterion))]:
        print(render(finding, by_id))
    return 0


if __name__ == "__main__":
    sys.exit(main())
