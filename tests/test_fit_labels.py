"""Format checks for the hand-labelled fit set in tests/data/fit (issue 19).

The set measures the criteria judge; these tests only check that it is well formed: every
profile against every trial of its part, criteria copied from the records, labels valid.
"""

import importlib.util
import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIT = ROOT / "tests" / "data" / "fit"
TRIALS = ROOT / "data" / "trials"

FIELDS = {
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
}
LABELS = {"met", "not_met", "unknown"}
PROFILE_KEYS = {
    "id",
    "situation",
    "age",
    "sex",
    "site",
    "grade",
    "ki67",
    "differentiation",
    "spread",
    "spread_sites",
    "resectable",
    "functioning",
    "syndrome",
    "men1",
    "vhl",
    "treatments",
}
SITES = {"pancreas", "small bowel", "bowel", "stomach", "lung", "appendix", "rectum", "unknown"}
SPREAD_SITES = {"liver", "bone", "lymph nodes", "lung", "peritoneum"}


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


def load_jsonl(path):
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def profiles():
    return json.loads((FIT / "profiles.json").read_text())


@pytest.fixture(scope="module")
def parts():
    return json.loads((FIT / "trials.json").read_text())


def record(nct):
    return json.loads((TRIALS / f"{nct}.json").read_text())["protocolSection"]


def test_profiles_well_formed(profiles):
    ids = [p["id"] for p in profiles]
    assert len(ids) == len(set(ids)) and len(ids) >= 20
    for p in profiles:
        assert re.fullmatch(r"p\d\d", p["id"])
        assert set(p) <= PROFILE_KEYS, set(p) - PROFILE_KEYS
        assert p["situation"].strip()
        if "age" in p:
            assert 0 < p["age"] < 110
        if "sex" in p:
            assert p["sex"] in ("female", "male")
        if "site" in p:
            assert p["site"] in SITES
        if "grade" in p:
            assert p["grade"] in (1, 2, 3)
        if "differentiation" in p:
            assert p["differentiation"] in ("NET", "NEC")
        assert set(p.get("spread_sites", [])) <= SPREAD_SITES
        for key in ("spread", "resectable", "functioning", "men1", "vhl"):
            if key in p:
                assert isinstance(p[key], bool)
        if "treatments" in p:
            assert isinstance(p["treatments"], list)


def test_parts_disjoint_and_exist(parts):
    assert set(parts) in ({"tune", "held"}, {"tune", "held", "held_fresh"})
    assert not set(parts["tune"]) & set(parts["held"])
    assert len(parts["held"]) >= 5
    # the issue asks for a fifth of the trials kept aside
    assert 5 * len(parts["held"]) >= len(parts["tune"]) + len(parts["held"])
    for nct in parts["tune"] + parts["held"]:
        sec = record(nct)
        assert sec["eligibilityModule"].get("eligibilityCriteria"), nct


def test_held_fresh_is_a_batch_of_held(parts):
    """held_fresh lists only the held trials labelled after the held part leaked (session 18)."""
    fresh = parts.get("held_fresh", [])
    assert len(fresh) == len(set(fresh))
    assert set(fresh) <= set(parts["held"])


@pytest.mark.parametrize("part", ["tune", "held"])
def test_labels(part, profiles, parts):
    rows = load_jsonl(FIT / f"labels_{part}.jsonl")
    pairs = [(r["profile_id"], r["nct_id"]) for r in rows]
    assert len(pairs) == len(set(pairs))
    assert set(pairs) == {(p["id"], n) for p in profiles for n in parts[part]}
    texts = {}
    for row in rows:
        nct = row["nct_id"]
        if nct not in texts:
            elig = record(nct)["eligibilityModule"]
            forms = set()
            for key in ("minimumAge", "maximumAge"):
                if elig.get(key):
                    forms.add(f"{key}: {elig[key]}")
            if elig.get("sex"):
                forms.add(f"sex: {elig['sex']}")
            texts[nct] = (norm(elig["eligibilityCriteria"]), forms)
        text, forms = texts[nct]
        assert row["checks"], (part, nct)
        for check in row["checks"]:
            assert set(check) == {"field", "criterion", "label"}
            assert check["field"] in FIELDS
            assert check["label"] in LABELS
            crit = check["criterion"]
            assert crit in forms or norm(crit) in text, (nct, crit)
        assert row["excluded"] == any(c["label"] == "not_met" for c in row["checks"])


def test_every_trial_has_exactly_one_reading(parts):
    readings = yaml.safe_load((FIT / "readings.yml").read_text())
    assert set(readings) == set(parts["tune"]) | set(parts["held"])


def test_labels_files_are_up_to_date_with_the_readings():
    """Someone who edits readings.yml or profiles.json must re-run expand.py."""
    spec = importlib.util.spec_from_file_location("fit_expand", FIT / "expand.py")
    expand = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(expand)
    for part, lines in expand.build_labels().items():
        assert (FIT / f"labels_{part}.jsonl").read_text() == "".join(lines), part
