"""The registry-scale benchmark on a few thousand studies: data, import, measurement, page.

Checks what the benchmark produces, never how fast it was (that is for docs/benchmarks.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.config import DATA_DIR
from bot.lexicon import default_lexicon
from bot.trials.parse import parse_study
from scripts import bench, synthetic

SEED = 7
STUDIES = 2000


@pytest.fixture(scope="module")
def studies() -> list[dict]:
    return list(synthetic.generate(STUDIES, SEED))


def test_generated_records_parse_and_are_marked_synthetic(studies: list[dict]) -> None:
    ids = set()
    for study in studies:
        parsed = parse_study(study)
        assert study["x-source"] == {"synthetic": True, "generator": synthetic.GENERATOR, "seed": SEED}
        assert parsed.trial["title"].startswith(synthetic.TITLE_MARK)
        assert int(parsed.nct_id[3:]) >= synthetic.FIRST_ID
        ids.add(parsed.nct_id)
    assert len(ids) == STUDIES


def test_only_a_few_per_cent_are_about_nets(studies: list[dict]) -> None:
    lexicon = default_lexicon()
    about_nets = sum(bool(lexicon.tag_text("condition", parse_study(s).text_for("conditions"))) for s in studies)
    assert 0.01 * STUDIES <= about_nets <= 0.10 * STUDIES


def test_same_seed_same_studies(studies: list[dict]) -> None:
    again = list(synthetic.generate(STUDIES, SEED))
    assert json.dumps(again) == json.dumps(studies)
    assert json.dumps(list(synthetic.generate(50, SEED + 1))) != json.dumps(studies[:50])


def test_import_and_searches_on_a_small_registry(tmp_path: Path) -> None:
    result = bench.run(STUDIES, SEED, tmp_path / "work", repeats=2)
    assert (result.report.added, result.report.updated, result.report.unchanged) == (STUDIES, 0, 0)
    assert result.report.rejected == []
    assert result.db_bytes > 0 and result.import_seconds > 0
    assert len(list((tmp_path / "work" / "pages").glob("page-*.json"))) == STUDIES // synthetic.PAGE_SIZE
    assert [q.query for q in result.searches] == [bench.describe(q) for q in bench.QUERIES]
    assert all(len(q.samples_ms) == 2 for q in result.searches)
    assert any(q.results > 0 for q in result.searches)


def test_never_writes_under_data(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        bench.run(10, SEED, DATA_DIR / "bench", repeats=1)
    assert not (DATA_DIR / "bench").exists()


def test_percentile_is_nearest_rank() -> None:
    samples = [float(n) for n in range(1, 21)]  # 1..20
    assert bench.percentile(samples, 0.5) == 10.0
    assert bench.percentile(samples, 0.95) == 19.0
    assert bench.percentile([3.0], 0.95) == 3.0


def test_main_writes_its_own_section_and_keeps_the_rest(tmp_path: Path) -> None:
    output = tmp_path / "benchmarks.md"
    output.write_text(
        "# Benchmarks\n\nIntro.\n\n"
        "<!-- bench:registry-scale -->\nold figures\n<!-- /bench:registry-scale -->\n\n"
        "<!-- bench:load-test -->\n## Load test\nkept\n<!-- /bench:load-test -->\n"
    )
    work = tmp_path / "work"
    args = ["--studies", "300", "--seed", str(SEED), "--repeats", "1", "--work-dir", str(work), "--output", str(output)]
    assert bench.main(args) == 0

    page = output.read_text()
    assert page.startswith("# Benchmarks\n\nIntro.\n\n<!-- bench:registry-scale -->\n")
    assert "old figures" not in page
    assert page.count("<!-- bench:registry-scale -->") == 1
    assert page.count("<!-- /bench:registry-scale -->") == 1
    assert page.endswith("<!-- bench:load-test -->\n## Load test\nkept\n<!-- /bench:load-test -->\n")
    for heading in (
        "## Registry scale: 300 synthetic studies",
        "### Machine",
        "### Commands",
        "### Import",
        "### Search",
        "### Targets",
    ):
        assert f"\n{heading}\n" in page
    for query in bench.QUERIES:
        assert f"| `{bench.describe(query)}` |" in page
    assert "added 300, updated 0, unchanged 0, rejected 0" in page
    assert not (work / "pages").exists() and not list(work.glob("bench.db*"))  # no --keep

    assert bench.main(args) == 0  # a second run replaces the section again, no duplicate
    assert output.read_text().count("<!-- bench:registry-scale -->") == 1


def test_section_is_appended_to_a_new_or_foreign_page() -> None:
    section = "<!-- bench:registry-scale -->\nfigures\n<!-- /bench:registry-scale -->\n"
    new = bench.replace_section("", section)
    assert new.startswith("# Benchmarks\n") and new.endswith(section)
    other = bench.replace_section("# Notes\n\nsomething else\n", section)
    assert other == "# Notes\n\nsomething else\n\n" + section
