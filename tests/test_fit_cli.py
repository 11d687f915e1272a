"""`python -m bot trials fit PROFILES.json [--trials NCT...] [--json]`: real subprocesses, exit codes, output."""

from __future__ import annotations

import json
from pathlib import Path

from bot.eligibility.person import FIELDS
from tests.helpers.cli import cli

PROFILES = [
    {
        "id": "mum",
        "age": 58,
        "sex": "female",
        "site": "pancreas",
        "grade": 2,
        "ki67": 8,
        "differentiation": "NET",
        "spread": True,
        "spread_sites": ["liver"],
        "resectable": False,
        "functioning": False,
        "treatments": ["lanreotide"],
    },
    {
        "id": "nec",
        "age": 60,
        "sex": "male",
        "site": "pancreas",
        "differentiation": "NEC",
        "spread": True,
        "treatments": ["cisplatin and etoposide"],
    },
]
PNET_TRIAL = "NCT00510068"  # everolimus in advanced pancreatic NET: excludes poorly differentiated NEC


def profiles_file(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "profiles.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_one_json_object_a_pair(database_url_env: str, tmp_path: Path) -> None:
    path = profiles_file(tmp_path, PROFILES)
    result = cli("trials", "fit", str(path), "--trials", PNET_TRIAL, "NCT01524783", "--json", url=database_url_env)
    assert result.returncode == 0, result.stderr
    pairs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(p["profile_id"], p["nct_id"]) for p in pairs] == [
        ("mum", PNET_TRIAL),
        ("mum", "NCT01524783"),
        ("nec", PNET_TRIAL),
        ("nec", "NCT01524783"),
    ]
    for pair in pairs:
        assert set(pair) == {"profile_id", "nct_id", "excluded", "checks"}
        assert all(set(c) == {"field", "criterion", "verdict"} for c in pair["checks"])
        assert {c["field"] for c in pair["checks"]} <= set(FIELDS)
        assert {c["verdict"] for c in pair["checks"]} <= {"matches", "does_not_match", "ask_team"}
        assert pair["excluded"] == any(c["verdict"] == "does_not_match" for c in pair["checks"])
    mum, _, nec, _ = pairs
    assert not mum["excluded"]
    assert {"field": "age", "criterion": "minimumAge: 18 Years", "verdict": "matches"} in mum["checks"]
    assert nec[
        "excluded"
    ]  # "Patients with severe kind of (poorly differentiated neuroendocrine carcinoma, ...) are not eligible"
    assert pairs[1]["excluded"]  # NCT01524783 rules out pancreatic NETs


def test_readable_output_and_every_stored_trial(database_url_env: str, tmp_path: Path) -> None:
    path = profiles_file(tmp_path, PROFILES[:1])
    result = cli("trials", "fit", str(path), url=database_url_env)
    assert result.returncode == 0, result.stderr
    heads = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert len(heads) > 50 and all(h.startswith("mum x NCT") for h in heads)
    assert f"mum x {PNET_TRIAL}: not excluded" in heads


def test_bad_input_is_said_plainly(database_url_env: str, tmp_path: Path) -> None:
    missing = cli("trials", "fit", str(tmp_path / "none.json"), url=database_url_env)
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": ', encoding="utf-8")
    broken = cli("trials", "fit", str(bad), url=database_url_env)
    no_id = cli("trials", "fit", str(profiles_file(tmp_path, [{"age": 50}])), url=database_url_env)
    unknown = cli(
        "trials", "fit", str(profiles_file(tmp_path, PROFILES)), "--trials", "NCT99999999", url=database_url_env
    )
    not_an_id = cli(
        "trials", "fit", str(profiles_file(tmp_path, PROFILES)), "--trials", "lutathera", url=database_url_env
    )
    bad_age = cli("trials", "fit", str(profiles_file(tmp_path, [{"id": "x", "age": "old"}])), url=database_url_env)
    for result, words in (
        (missing, "no such file"),
        (broken, "not valid JSON"),
        (no_id, 'profile 1 has no "id"'),
        (unknown, "NCT99999999 is not in our list of NET trials"),
        (not_an_id, "not an NCT id"),
        (bad_age, "profile 'x'"),
    ):
        assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr, result.stderr
