"""Validate dev_tune.jsonl / dev_held.jsonl: schema, allowed values, NCT and treatment ids. Run: python3 tests/data/understanding/check_devset.py"""

import collections
import glob
import json
import os
import re
import sys

import yaml

root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")) + "/"
trials = {}
for f in glob.glob(root + "data/trials/NCT*.json"):
    d = json.load(open(f))
    ps = d["protocolSection"]
    trials[ps["identificationModule"]["nctId"]] = ps.get("statusModule", {}).get("overallStatus")
tids = {t["id"] for t in yaml.safe_load(open(root + "data/lexicon/treatments.yml"))["treatments"]}
OPEN = {"RECRUITING", "NOT_YET_RECRUITING"}
ABOUT = {"self", "parent", "partner", "child", "sibling", "grandparent", "friend", "other"}
SITES = {"pancreas", "small bowel", "stomach", "lung", "appendix", "large bowel", "bowel", "unknown"}
SPREAD = ["bones", "brain", "liver", "lungs", "lymph nodes", "peritoneum"]
INH = ["MEN1", "NF1", "TSC", "VHL"]
SYN = {"insulinoma", "gastrinoma", "vipoma", "glucagonoma", "somatostatinoma", "carcinoid syndrome"}
OUT = {"ongoing", "stopped", "stopped working", "side effects"}
KINDS = {"story", "conversation", "lookup", "everyday", "edge"}
PKEYS = {
    "about",
    "age",
    "sex",
    "site",
    "tumour_type",
    "grades",
    "ki67",
    "spread",
    "spread_to",
    "size_mm",
    "functioning",
    "syndrome",
    "inherited",
    "treatments",
    "wants",
    "place",
    "lookup",
    "questions",
}
errs, warns = [], []
counts = collections.Counter()
ids = set()
nct_used = set()
for split in ("dev_tune", "dev_held"):
    for ln, line in enumerate(open(root + f"tests/data/understanding/{split}.jsonl", encoding="utf-8"), 1):
        try:
            it = json.loads(line)
        except Exception as e:
            errs.append(f"{split}:{ln} bad json {e}")
            continue
        i = it.get("id")

        def E(m: str, i: object = i) -> None:
            errs.append(f"{i}: {m}")

        if i in ids:
            E("dup id")
        ids.add(i)
        if set(it) - {"id", "kind", "turns", "profile", "search", "note"}:
            E(f"extra keys {set(it)}")
        if it.get("kind") not in KINDS:
            E("kind")
        counts[(it["kind"], split)] += 1
        t = it.get("turns")
        if not (isinstance(t, list) and t and all(isinstance(x, str) for x in t)):
            E("turns")
        p = it.get("profile")
        if not isinstance(p, dict):
            E("profile")
            continue
        if set(p) - PKEYS:
            E(f"profile keys {set(p) - PKEYS}")
        if "about" in p and p["about"] not in ABOUT:
            E("about")
        if "age" in p and not (isinstance(p["age"], int) and 0 <= p["age"] <= 120):
            E("age")
        if "sex" in p and p["sex"] not in ("female", "male"):
            E("sex")
        if "site" in p and p["site"] not in SITES:
            E("site")
        if "tumour_type" in p and p["tumour_type"] not in ("NET", "NEC"):
            E("tt")
        if "grades" in p and (
            p["grades"] != sorted(set(p["grades"])) or not all(g in (1, 2, 3) for g in p["grades"]) or not p["grades"]
        ):
            E("grades")
        if "ki67" in p and not (isinstance(p["ki67"], (int, float)) and 0 <= p["ki67"] <= 100):
            E("ki67")
        if "spread" in p and not isinstance(p["spread"], bool):
            E("spread")
        if "spread_to" in p:
            if p["spread_to"] != sorted(p["spread_to"]) or set(p["spread_to"]) - set(SPREAD) or not p["spread_to"]:
                E("spread_to")
            if p.get("spread") is not True:
                E("spread_to without spread true")
        if "size_mm" in p and not isinstance(p["size_mm"], (int, float)):
            E("size")
        if "functioning" in p and p["functioning"] not in ("functioning", "non-functioning"):
            E("functioning")
        if "syndrome" in p:
            if p["syndrome"] not in SYN:
                E("syndrome")
            if p.get("functioning") != "functioning":
                warns.append(f"{i}: syndrome without functioning")
        if "inherited" in p and (p["inherited"] != sorted(p["inherited"]) or set(p["inherited"]) - set(INH)):
            E("inherited")
        if "treatments" in p:
            tr = p["treatments"]
            if [x["id"] for x in tr] != sorted(x["id"] for x in tr):
                E("treatments not sorted")
            for x in tr:
                if x["id"] not in tids:
                    E(f"unknown treatment {x['id']}")
                if set(x) - {"id", "outcome"} or ("outcome" in x and x["outcome"] not in OUT):
                    E(f"treatment entry {x}")
        if "wants" in p:
            w = p["wants"]
            if set(w) - {"treatment", "avoid", "phase", "status", "age_group"}:
                E("wants keys")
            for k in ("treatment", "avoid"):
                for x in w.get(k, []):
                    if x not in tids:
                        E(f"unknown wants treatment {x}")
            if "phase" in w and w["phase"] not in (1, 2, 3, 4):
                E("phase")
            if "status" in w and w["status"] not in ("open", "all", "closed"):
                E("status")
            if "age_group" in w and w["age_group"] not in ("child", "teen", "adult", "older adult"):
                E("age_group")
            if not w:
                E("empty wants")
        if "place" in p:
            pl = p["place"]
            if set(pl) - {"city", "region", "country", "travel_km"}:
                E("place keys")
            if "country" in pl and not re.fullmatch(r"[A-Z]{2}", pl["country"]):
                E("country")
            if "city" in pl and "country" not in pl:
                E("city without country")
        if "lookup" in p and set(p["lookup"]) - {"acronym", "sponsor", "site_name", "nct_id"}:
            E("lookup keys")
        if "lookup" in p and "nct_id" in p["lookup"] and p["lookup"]["nct_id"] not in trials:
            warns.append(f"{i}: lookup nct_id not in data {p['lookup']['nct_id']}")
        if "questions" in p and not (isinstance(p["questions"], int) and p["questions"] >= 2):
            E("questions")
        if "search" in it:
            s = it["search"]
            if set(s) != {"should", "must_not"}:
                E("search keys")
            if len(s["should"]) > 3:
                E("should > 3")
            if set(s["should"]) & set(s["must_not"]):
                E("should/must_not overlap")
            if not it.get("note"):
                E("search without note")
            status = p.get("wants", {}).get("status")
            named = "lookup" in p
            for n in s["should"] + s["must_not"]:
                nct_used.add(n)
                if n not in trials:
                    E(f"unknown NCT {n}")
            for n in s["should"]:
                if trials.get(n) not in OPEN and status not in ("all", "closed") and not named:
                    E(f"should {n} not open ({trials.get(n)})")
                if trials.get(n) not in OPEN and named and status not in ("all", "closed"):
                    warns.append(f"{i}: named look-up includes non-open {n} ({trials.get(n)})")
            for n in s["must_not"]:
                if trials.get(n) not in OPEN and status not in ("all", "closed"):
                    E(f"must_not {n} not open")
        elif "note" in it:
            E("note without search")
tot = collections.Counter()
sp = collections.Counter()
for (k, s), c in counts.items():
    tot[k] += c
    sp[s] += c
print("by kind x split:")
for k in sorted(KINDS):
    print(f"  {k:13s} tune={counts[(k, 'dev_tune')]:3d} held={counts[(k, 'dev_held')]:3d} total={tot[k]:3d}")
print("total", sum(tot.values()), dict(sp))
print("NCT ids used:", len(nct_used))
print("errors:", len(errs))
[print("  ", e) for e in errs]
print("warnings:", len(warns))
[print("  ", w) for w in warns]
sys.exit(1 if errs else 0)
