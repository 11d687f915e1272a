"""The trained model is named by a hash of everything that shapes it, and nothing else."""

from __future__ import annotations

from pathlib import Path

from bot.modelcache import inputs_hash


def make_project(root: Path) -> None:
    (root / "data" / "nlu").mkdir(parents=True)
    (root / "components").mkdir()
    (root / "config.yml").write_text("pipeline: []\n")
    (root / "domain.yml").write_text("intents: [greet]\n")
    (root / "data" / "nlu" / "greet.yml").write_text("nlu: []\n")
    (root / "components" / "classifier.py").write_text("WEIGHT = 1\n")


def test_changing_our_pipeline_code_or_data_changes_the_hash(tmp_path: Path) -> None:
    make_project(tmp_path)
    before = inputs_hash(tmp_path)
    (tmp_path / "components" / "classifier.py").write_text("WEIGHT = 2\n")
    after_code = inputs_hash(tmp_path)
    (tmp_path / "data" / "nlu" / "greet.yml").write_text("nlu: [{intent: greet}]\n")
    assert len({before, after_code, inputs_hash(tmp_path)}) == 3


def test_files_that_do_not_shape_the_model_leave_the_hash_alone(tmp_path: Path) -> None:
    make_project(tmp_path)
    before = inputs_hash(tmp_path)
    (tmp_path / "components" / "__pycache__").mkdir()
    (tmp_path / "components" / "__pycache__" / "classifier.cpython-310.pyc").write_bytes(b"\x00")
    (tmp_path / "data" / "nlu" / "notes.txt").write_text("scratch")
    (tmp_path / "README.md").write_text("docs")
    assert inputs_hash(tmp_path) == before
