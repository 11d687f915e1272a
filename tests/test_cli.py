"""`python -m bot trials ...` as helpline staff use it: real subprocesses, exit codes, output."""

from __future__ import annotations

import json
from pathlib import Path

from bot.config import REPO_ROOT
from tests.helpers.cli import cli


def test_search_table_and_json(database_url_env: str) -> None:
    table = cli("trials", "search", "--treatment", "Lutathera", url=database_url_env)
    assert table.returncode == 0, table.stderr
    header = table.stdout.splitlines()[0]
    assert header.split() == ["NCT", "ID", "TITLE", "STATUS", "PHASE", "COUNTRIES"]
    assert "trials found" in table.stdout
    result = cli("trials", "search", "--treatment", "Lutathera", "--json", url=database_url_env)
    rows = json.loads(result.stdout)
    assert rows and {"nct_id", "title", "status", "phases", "countries"} <= set(rows[0])
    assert [r["nct_id"] for r in rows][:3] == [line.split()[0] for line in table.stdout.splitlines()[1:4]]


def test_search_filters(database_url_env: str) -> None:
    result = cli(
        "trials",
        "search",
        "--country",
        "Sweden",
        "--status",
        "all",
        "--phase",
        "0",
        "--age",
        "40",
        "--sex",
        "female",
        "--limit",
        "3",
        "--json",
        url=database_url_env,
    )
    assert result.returncode == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)


def test_bad_options_exit_non_zero_with_a_message(database_url_env: str) -> None:
    for args in (["--phase", "9"], ["--age", "old"], ["--status", "maybe"], ["--limit", "0"]):
        result = cli("trials", "search", *args, url=database_url_env)
        assert result.returncode == 2 and "error" in result.stderr and "Traceback" not in result.stderr


def test_show_readable_and_json(database_url_env: str) -> None:
    shown = cli("trials", "show", "nct07273409", url=database_url_env)
    assert shown.returncode == 0
    assert "PANTODON" in shown.stdout and "Eligibility criteria" in shown.stdout
    data = json.loads(cli("trials", "show", "NCT07273409", "--json", url=database_url_env).stdout)
    assert data["nct_id"] == "NCT07273409" and data["countries"] == ["Sweden"]


def test_show_bad_and_unknown_ids(database_url_env: str) -> None:
    bad = cli("trials", "show", "NCT12", url=database_url_env)
    assert bad.returncode == 2 and "8 digits" in bad.stderr
    unknown = cli("trials", "show", "NCT99999999", url=database_url_env)
    assert unknown.returncode == 1 and "not in our list" in unknown.stderr


def test_import_reports_and_exit_codes(database_url_env: str, tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text((REPO_ROOT / "data/trials/NCT07273409.json").read_text())
    ok = cli("trials", "import", str(good), url=database_url_env)
    assert ok.returncode == 0 and "unchanged 1" in ok.stdout
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    failed = cli("trials", "import", str(good), str(broken), "--json", url=database_url_env)
    assert failed.returncode == 1
    report = json.loads(failed.stdout)
    assert report["unchanged"] == 1 and report["rejected"][0]["file"].endswith("broken.json")


def test_help_is_helpful(database_url_env: str) -> None:
    result = cli("trials", "search", "--help", url=database_url_env)
    assert result.returncode == 0 and "--treatment" in result.stdout and "misspelling" in result.stdout
    for option, words in (
        ("--acronym", "NETTER-2"),
        ("--sponsor", "collaborator"),
        ("--site", "Christie"),
        ("--age-group", "teenagers (13 to 17)"),
    ):
        assert option in result.stdout and words in " ".join(result.stdout.split()), option


def json_ids(*args: str, url: str) -> list[str]:
    result = cli("trials", "search", *args, "--json", url=url)
    assert result.returncode == 0, result.stderr
    return [row["nct_id"] for row in json.loads(result.stdout)]


def test_look_ups_by_name_and_age_group(database_url_env: str) -> None:
    # An acronym shows the trial whatever its status (NETTER-2 is not recruiting) unless asked.
    assert json_ids("--acronym", "netter 2", url=database_url_env) == ["NCT03972488"]
    assert json_ids("--acronym", "netter 2", "--status", "open", url=database_url_env) == []
    assert "NCT01744249" in json_ids("--sponsor", "Pfizer", "--status", "all", url=database_url_env)  # collaborator
    assert json_ids("--site", "Sahlgrenska", "--age-group", "adults", url=database_url_env) == ["NCT07273409"]
    assert json_ids("--site", "Sahlgrenska", "--age-group", "teen", url=database_url_env) == []
    assert json_ids(
        "--acronym", "NETTER", "--sponsor", "novartis", "--age-group", "older-adult", url=database_url_env
    ) == ["NCT06784752"]
    bad = cli("trials", "search", "--age-group", "toddlers", url=database_url_env)
    assert bad.returncode == 2 and "not an age group" in bad.stderr


def test_an_unknown_name_lists_nothing_and_says_so(database_url_env: str) -> None:
    result = cli("trials", "search", "--treatment", "zolbetuximab", url=database_url_env)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "I don't know the name 'zolbetuximab'. It may be new, or a name I have not learned yet.",
        "No trials found. Try fewer filters, or --status all.",
    ]
    result = cli("trials", "search", "--treatment", "evero", "--status", "all", url=database_url_env)
    assert "NCT00510068" in result.stdout and "Known names like it: everolimus" in result.stdout


def test_large_import_shows_progress(database_url_env: str, tmp_path: Path) -> None:
    template = json.loads((REPO_ROOT / "data/trials/NCT07273409.json").read_text())
    studies = []
    for n in range(350):
        record = json.loads(json.dumps(template))
        record["protocolSection"]["identificationModule"]["nctId"] = f"NCT9{n:07d}"
        studies.append(record)
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"studies": studies}))
    result = cli("trials", "import", str(page), url=database_url_env)
    assert result.returncode == 0, result.stderr
    assert "Importing [" in result.stderr and "350/350" in result.stderr
    assert "added 350" in result.stdout
