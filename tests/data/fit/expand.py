"""Apply the hand-read criteria readings (readings.yml) to the profiles (profiles.json)
and write labels_tune.jsonl / labels_held.jsonl.

The readings are written by a person reading each trial's eligibility text; this script
only applies them mechanically (plus the per-pair overrides recorded in readings.yml after
hand-checking).  It must never import the project's own criteria code (bot/eligibility,
bot/prescreen, bot/profile/fit.py): the labels exist to measure that code.

Run:  .venv/bin/python tests/data/fit/expand.py
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent

MET, NOT, UNK = "met", "not_met", "unknown"

# How the treatment names people write in the profiles are read (class tags).
TREATMENT_TAGS = {
    "lanreotide": ["ssa", "ssa_long"],
    "the monthly jabs": ["ssa", "ssa_long", "oct"],  # oct: may be octreotide (LAR or lanreotide unsaid)
    "octreotide": ["ssa", "oct"],  # could be short-acting or LAR
    "everolimus": ["mtor"],
    "sunitinib": ["tki"],
    "prrt": ["prrt"],
    "lutathera": ["prrt"],
    "capecitabine and temozolomide": ["chemo", "captem"],
    "captem": ["chemo", "captem"],
    "cisplatin and etoposide": ["chemo", "platinum", "etoposide"],
    "carboplatin and etoposide": ["chemo", "platinum", "etoposide"],
    "folfiri": ["chemo", "irinotecan"],
    "whipple": ["surgery", "surgery_pancreas", "whipple"],  # whipple: the classic operation takes part of the stomach
    "distal pancreatectomy": ["surgery", "surgery_pancreas"],
    "small bowel resection": ["surgery", "sb_resection"],
    "appendicectomy": ["surgery"],
    "removed during a colonoscopy": ["surgery", "endoscopic"],
    "removed by endoscopy": ["surgery", "endoscopic"],
    "liver embolisation": ["liver", "liver_emb"],
    "sirt": ["liver", "liver_sirt"],
    "high-dose ppi tablets": ["supportive"],
}
ANTITUMOUR = {"ssa", "mtor", "tki", "prrt", "chemo", "surgery", "liver", "radio", "interferon"}


def tags_of(profile):
    if "treatments" not in profile:
        return None
    out = []
    for name in profile["treatments"]:
        key = name.lower()
        if key not in TREATMENT_TAGS:
            raise SystemExit(f"unknown treatment name {name!r} in {profile['id']}")
        out.append((name, set(TREATMENT_TAGS[key])))
    return out


def derived(p):
    d = dict(p)
    k = p.get("ki67")
    g = p.get("grade")
    if g is None and k is not None:
        g = 1 if k < 3 else (2 if k <= 20 else 3)
    if g is None and p.get("differentiation") == "NEC":
        g = 3
    d["_grade"] = g
    if k is not None:
        d["_ki"] = (k, k)
    elif g == 1:
        d["_ki"] = (0, 2.99)
    elif g == 2:
        d["_ki"] = (3, 20)
    elif g == 3:
        d["_ki"] = (20.01, 100)
    else:
        d["_ki"] = None
    diff = p.get("differentiation")
    if diff is None and g in (1, 2):
        diff = "NET"
    d["_diff"] = diff
    f = p.get("functioning")
    if f is None and p.get("syndrome"):
        f = True
    d["_func"] = f
    d["_tx"] = tags_of(p)
    # A tumour that was taken out and had not spread: there is nothing advanced or unresectable
    # (appendix, rectum and stomach NETs removed at operation or endoscopy).
    if p.get("spread") is False and "resectable" not in p and d["_tx"] and any("surgery" in t for _, t in d["_tx"]):
        d["resectable"] = True
    return d


def interval_test(lo, hi, r):
    """met if the whole interval satisfies r, not_met if none of it does, else unknown."""

    def ok(x):
        if "ge" in r and not x >= r["ge"]:
            return False
        if "gt" in r and not x > r["gt"]:
            return False
        if "le" in r and not x <= r["le"]:
            return False
        if "lt" in r and not x < r["lt"]:
            return False
        return True

    a, b = ok(lo), ok(hi)
    # intervals are convex and the tests are bounds, so checking the ends is enough for "all";
    # "none" needs the interval to avoid the allowed range entirely.
    if a and b:
        return MET
    lo_ok = max(lo, r.get("ge", r.get("gt", -1e9)))
    hi_ok = min(hi, r.get("le", r.get("lt", 1e9)))
    if lo_ok > hi_ok or (lo_ok == hi_ok and not ok(lo_ok)):
        return NOT
    return UNK


def judge(field, r, d):
    if "const" in r:
        return r["const"]
    if r.get("pancreatic_only") and d.get("site") not in (None, "pancreas", "unknown"):
        return MET  # an exclusion about a functioning *pancreatic* tumour cannot catch this person
    if field == "age":
        if d.get("age") is None:
            return UNK
        return interval_test(d["age"], d["age"], {k: r[k] for k in ("ge", "gt", "le", "lt") if k in r})
    if field == "sex":
        if d.get("sex") is None:
            return UNK
        return MET if d["sex"] in r["in"] else NOT
    if field == "site":
        if r.get("any"):
            return MET
        s = d.get("site")
        if s is None:
            return UNK
        if s in r.get("in", []):
            return MET
        if s in r.get("maybe", []):
            return UNK
        return NOT
    if field == "grade":
        g = d["_grade"]
        if g is None:
            return UNK
        if g in r.get("in", []):
            return MET
        if g in r.get("maybe", []):
            return UNK
        return NOT
    if field == "ki67":
        if r.get("alt_g3_net"):  # one option of an "at least one of" list: never not_met
            if d["_ki"] is not None and interval_test(*d["_ki"], r) == MET:
                return MET
            if d["_grade"] == 3 and d["_diff"] == "NET":
                return MET
            return UNK
        if d["_ki"] is None:
            return UNK
        return interval_test(*d["_ki"], {k: r[k] for k in ("ge", "gt", "le", "lt") if k in r})
    if field == "differentiation":
        x = d["_diff"]
        if x is None:
            return UNK
        if x in r["in"]:
            return MET
        if x in r.get("maybe", []):
            return UNK
        if x == "NET" and r.get("net_g3"):
            if d["_grade"] == 3:
                return r["net_g3"]
            if d["_grade"] is None:
                return UNK  # a NET of unsaid grade may be a G3 NET, which this criterion may take
        return NOT
    if field in ("spread",) or (field == "resectable" and "need_spread" in r):
        return judge_spread(r.get("need_spread", r), d)
    if field == "resectable":
        x = d.get("resectable")
        if x is None:
            return UNK
        return MET if x == r["need"] else NOT
    if field == "functioning":
        syn = d.get("syndrome")
        if syn and syn in r.get("syndrome_unknown", []):
            return UNK
        if syn and syn in r.get("syndrome_ok", []):
            return MET
        if d["_func"] is None:
            return UNK
        if d["_func"] == r["need"]:
            return MET
        return r.get("fail_as", NOT)
    if field == "syndrome" and r.get("none"):  # no hormone syndrome, with named exceptions
        syn = d.get("syndrome")
        if syn:
            return UNK if syn in r.get("except_unknown", []) else NOT
        if d["_func"] is False:
            return MET
        return UNK
    if field == "syndrome" and "not_in" in r:  # "no <named syndromes>": other syndromes pass
        syn = d.get("syndrome")
        if syn:
            if syn in r["not_in"]:
                return NOT
            return UNK if syn in r.get("maybe_in", []) else MET
        if d["_func"] is False:
            return MET
        return UNK
    if field == "syndrome":
        syn = d.get("syndrome")
        if syn is not None:
            return MET if syn in r["in"] else NOT
        if d["_func"] is False:
            return NOT
        return UNK
    if field in ("men1", "vhl"):
        x = d.get(field)
        if x is None:
            return UNK
        return MET if x == r["need"] else NOT
    if field == "treatments":
        return judge_tx(r, d)
    raise SystemExit(f"no judge for field {field}")


def judge_for_sites(field, r, d):
    """A criterion written for some starts only ("Pancreatic origin: ..."): it does not touch a
    person whose start is elsewhere (met); where the start is unsaid or may be one of them
    (`maybe`), a failing reading becomes unknown."""
    label = judge(field, r, d)
    where = r.get("for_sites")
    if not where or label == MET:
        return label
    s = d.get("site")
    if s in where["in"]:
        return label
    if s is None or s in where.get("maybe", []):
        return UNK
    return MET


def judge_spread(r, d):
    sp = d.get("spread")
    sites = set(d.get("spread_sites") or [])
    need = r.get("need")
    if need == "advanced":  # unresectable OR metastatic
        if sp is True or d.get("resectable") is False:
            return MET
        if sp is False and d.get("resectable") is True:
            return NOT
        return UNK
    if need == "advanced_progressive":  # metastases, or locally advanced (progression unsaid)
        if sp is True:
            return MET
        if sp is False and d.get("resectable") is True:
            return NOT
        return UNK
    if sp is None:
        return UNK
    if need == "metastatic":
        if sp is False:
            return NOT
        if sites and sites <= {"lymph nodes"}:
            return r.get("nodes_only", UNK)
        return MET
    if need == "none":
        return MET if sp is False else NOT
    if need == "no_distant":
        if sp is False:
            return MET
        if not sites:
            return UNK
        return MET if sites <= {"lymph nodes"} else r.get("fail_as", NOT)
    if need == "sites_any":
        if sp is False:
            return r.get("fail_as", NOT)
        if not sites:
            return UNK
        return MET if sites & set(r["sites"]) else r.get("fail_as", NOT)
    if need == "sites_none":
        if sp is False:
            return MET
        if not sites:
            return UNK
        return r.get("fail_as", NOT) if sites & set(r["sites"]) else MET
    if need == "sites_subset":
        if sp is False:
            return MET
        if not sites:
            return UNK
        return MET if sites <= set(r["sites"]) else NOT
    if need == "not_only":
        if sp is False:
            return MET
        if not sites:
            return UNK
        return NOT if sites <= set(r["sites"]) else MET
    raise SystemExit(f"bad spread rule {r}")


def judge_tx(r, d):
    if r.get("allow"):
        return MET
    tx = d["_tx"]
    if tx is None:
        return UNK
    had = set().union(*[t for _, t in tx]) if tx else set()
    if "require_any" in r:
        if had & set(r["require_any"]):
            return r.get("then", MET)
        return r.get("otherwise", NOT)
    if "max_lines" in r:
        certain = sum(1 for _, t in tx if t & set(r["certain"]))
        maybe = sum(1 for _, t in tx if t & set(r.get("uncertain", [])) and not t & set(r["certain"]))
        if certain > r["max_lines"]:
            return NOT
        if certain + maybe > r["max_lines"]:
            return UNK
        return MET
    result = MET
    if had & set(r.get("none_window", [])) or had & set(r.get("uncertain", [])):
        result = UNK
    if had & set(r.get("none_ever", [])):
        result = NOT
    return result


def build_labels() -> dict[str, list[str]]:
    """The labels files' lines for each part, from the readings and profiles on disk."""
    profiles = json.loads((HERE / "profiles.json").read_text())
    trials = json.loads((HERE / "trials.json").read_text())
    readings = yaml.safe_load((HERE / "readings.yml").read_text())
    derived_by_id = {p["id"]: derived(p) for p in profiles}
    out = {}
    for part in ("tune", "held"):
        lines = []
        for nct in trials[part]:
            rd = readings[nct]
            for p in profiles:
                d = derived_by_id[p["id"]]
                checks = []
                for c in rd["checks"]:
                    label = judge_for_sites(c["field"], c.get("rule", {}), d)
                    label = (c.get("overrides") or {}).get(p["id"], label)
                    assert label in (MET, NOT, UNK), (nct, c, label)
                    checks.append({"field": c["field"], "criterion": c["criterion"], "label": label})
                obj = {
                    "profile_id": p["id"],
                    "nct_id": nct,
                    "excluded": any(x["label"] == NOT for x in checks),
                    "checks": checks,
                }
                lines.append(json.dumps(obj, ensure_ascii=False) + "\n")
        out[part] = lines
    return out


def main():
    for part, lines in build_labels().items():
        (HERE / f"labels_{part}.jsonl").write_text("".join(lines), encoding="utf-8")
        print(part, len(lines), "pairs")


if __name__ == "__main__":
    main()
