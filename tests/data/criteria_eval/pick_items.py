"""How the evaluation items were picked, and their first-draft labels (then checked by hand).

    .venv/bin/python -m tests.data.criteria_eval.pick_items > /tmp/draft.jsonl

Items come from the project's own splitter (`split_criteria`) over the corpus; each is given a
criterion family by the keyword rules below, and up to a quota per family is drawn at random
(fixed seed), at most one item per trial and family and two per trial. The draft labels are
read off the registry text only (never the rewrite); README.md says how they were checked.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from bot.eligibility.split import split_criteria

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "ctgov" / "criteria-corpus.jsonl"
FAMILIES: list[tuple[str, str, int]] = [  # name, keyword rule (first that matches wins), how many
    ("life expectancy", r"life expectancy|expected survival|survival of at least", 18),
    ("performance status", r"ecog|karnofsky|performance status|zubrod|lansky", 18),
    ("measurable disease", r"measurable|recist|evaluable disease", 14),
    (
        "pregnancy and contraception",
        r"pregnan|contracept|childbearing|child-bearing|reproductive potential|"
        r"breast-?feeding|lactat|birth control|menopaus",
        32,
    ),
    ("consent", r"consent|assent", 14),
    (
        "organ function and blood counts",
        r"bilirubin|creatinine|\bast\b|\balt\b|platelet|neutrophil|h(a)?emoglobin|"
        r"\bwbc\b|\buln\b|clearance|\binr\b|albumin|\bgfr\b",
        36,
    ),
    ("heart", r"qtc|\bqt\b|\becg\b|ejection fraction|lvef|nyha|myocardial|heart failure|angina|arrhythm", 18),
    ("prior therapy window", r"(?:within|prior to|before|last)\b.{0,60}\d+\s*(?:days|weeks|months)", 28),
    ("age", r"\bage\b|\baged\b|years old|years of age", 14),
    ("other study", r"investigational|clinical trial|another study|other study", 12),
    ("allergy", r"allerg|hypersensitiv", 14),
    ("infection", r"\bhiv\b|hepatitis|infection|tuberculosis", 16),
    ("brain metastases", r"brain metast|cns metast|central nervous system|leptomening", 10),
    ("other cancer", r"malignan|other cancer|prior cancer|second primary", 14),
    ("uncontrolled condition", r"uncontrolled|unstable|poorly controlled", 16),
    ("medicines and interactions", r"cyp|inhibitor|inducer|medication|concomitant|warfarin|anticoag|steroid", 14),
    ("history of a condition", r"history of", 16),
    ("diagnosis and disease", r"histolog|diagnos|confirmed|\bstage\b|\bgrade\b|tumou?r|carcinoma|cancer", 24),
    ("compliance and practical", r"willing|comply|compliance|follow-up|available|swallow", 12),
    ("substance use and mental health", r"alcohol|drug abuse|substance|smok|psychiatr|mental|depress|schizo", 12),
    ("other", r".", 14),
]
NUMBER = re.compile(
    r"(?P<cmp>≥|≧|>/=|>=|≤|≦|</=|<=|>|<|=<|=>|at least|no more than|not more than|no greater than|not greater than|"
    r"greater than or equal to|less than or equal to|more than|greater than|less than|fewer than|"
    r"up to|at most|no less than|not less than|within|over|under|above|below|minimum of|maximum of)?"
    r"\s*(?P<num>\d{1,3}(?: \d{3})+(?!\d)|\d+(?:[.,]\d+)*(?:\s*(?:-|–|to)\s*\d+(?:\.\d+)?)?)\s*"
    r"(?P<unit>years?|months?|weeks?|days?|hours?|%|x\s*ULN|×\s*ULN|times\s+ULN|ms(?:ec)?|mg/dl|g/dl|"
    r"mmol/l|µmol/l|umol/l|ml/min|/mm3|/µl|/ul|mm3|x\s*10\S*|kg/m2|kg|mmhg|cm|mm|ng/ml|iu/l|u/l|mg)?",
    re.I,
)
CMP = {
    "≥": ">=",
    "≧": ">=",
    ">/=": ">=",
    "≦": "<=",
    "</=": "<=",
    ">=": ">=",
    "=>": ">=",
    "at least": ">=",
    "no less than": ">=",
    "not less than": ">=",
    "greater than or equal to": ">=",
    "minimum of": ">=",
    "≤": "<=",
    "<=": "<=",
    "=<": "<=",
    "no more than": "<=",
    "not more than": "<=",
    "no greater than": "<=",
    "not greater than": "<=",
    "less than or equal to": "<=",
    "up to": "<=",
    "at most": "<=",
    "maximum of": "<=",
    ">": ">",
    "more than": ">",
    "greater than": ">",
    "over": ">",
    "above": ">",
    "<": "<",
    "less than": "<",
    "fewer than": "<",
    "under": "<",
    "below": "<",
    "within": "within",
}


NEGATION_WORDS = (
    r"\b(?:no|not|never|without|none|nor|unable|unwilling)\b|n't|\bnon-?(?=pregnant|lactating|nursing|breast)"
)


def family(text: str) -> str:
    return next(name for name, rule, _ in FAMILIES if re.search(rule, text, re.I))


def draft_keep(text: str) -> list[dict]:
    keep: list[dict] = []
    for m in NUMBER.finditer(text):
        piece: dict = {"number": re.sub(r"\s*(?:–|to)\s*", "-", m.group("num")).replace(" ", "")}
        if m.group("unit"):
            piece["unit"] = "x ULN" if "uln" in m.group("unit").lower() else m.group("unit").rstrip(",.;")
        if m.group("cmp"):
            piece["compare"] = CMP[m.group("cmp").lower()]
        keep.append(piece)
    bare = re.sub(r"no (?:more|greater|less) than|not (?:more|greater|less) than", "", text, flags=re.I)
    keep += [{"negation": w.lower()} for w in re.findall(NEGATION_WORDS, bare, re.I)]
    keep += [
        {"exception": w.lower()}
        for w in re.findall(r"\b(?:except|other than|apart from|excluding|unless)\b", text, re.I)
    ]
    keep += [{"only": "only"} for _ in re.findall(r"\bonly\b", text, re.I)]
    scopes = [
        ("childbearing potential", r"child-?bearing potential|of child-?bearing"),
        ("reproductive potential", r"reproductive potential"),
        ("female", r"\b(?:wom[ae]n|females?)\b"),
        ("male", r"\b(?:m[ae]n|males?)\b"),
        ("breastfeeding", r"breast-?feeding|lactat|nursing"),
        ("pregnant", r"pregnan"),
        ("or", r"\beither\b"),
    ]
    keep += [{"scope": name} for name, rule in scopes if re.search(rule, text, re.I)]
    return keep


def candidates() -> list[dict]:
    found = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        criteria = split_criteria(record["criteria"])
        for part, items in (("inclusion", criteria.inclusion), ("exclusion", criteria.exclusion)):
            walked = [i for top in items for i in _walk(top)]
            for index, item in enumerate(walked):
                words = len(item.text.split())
                if 4 <= words <= 60 and not item.text.rstrip().endswith(":"):
                    found.append(
                        {
                            "id": f"{record['nct_id']}/{part}/{index}",
                            "nct_id": record["nct_id"],
                            "text": item.text,
                            "family": family(item.text),
                        }
                    )
    return found


def _walk(item):  # type: ignore[no-untyped-def]
    return [item] + [i for child in item.children for i in _walk(child)]


def pick(seed: int = 18) -> list[dict]:
    pool = candidates()
    random.Random(seed).shuffle(pool)
    chosen, per_trial, taken = [], {}, set()
    for name, _, quota in FAMILIES:
        for row in (r for r in pool if r["family"] == name):
            if sum(1 for c in chosen if c["family"] == name) >= quota:
                break
            if per_trial.get(row["nct_id"], 0) >= 2 or (row["nct_id"], name) in taken:
                continue
            chosen.append(row)
            per_trial[row["nct_id"]] = per_trial.get(row["nct_id"], 0) + 1
            taken.add((row["nct_id"], name))
    return chosen


if __name__ == "__main__":
    for row in pick():
        print(json.dumps({**row, "keep": draft_keep(row["text"]), "jargon": []}, ensure_ascii=False))
