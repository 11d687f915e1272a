"""The spaCy pipeline (blank English + entity ruler) finds our entities in real phrasing."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from bot.nlp import build_pipeline_if_changed
from bot.trials.store import TrialStore


@pytest.fixture(scope="module")
def nlp(tmp_path_factory: pytest.TempPathFactory, shipped_db: Path):  # type: ignore[no-untyped-def]
    from bot.trials.store import make_engine

    target = tmp_path_factory.mktemp("spacy") / "pipeline"
    store = TrialStore(make_engine(f"sqlite:///{shipped_db}"))
    path, built = build_pipeline_if_changed(store, target)
    assert built
    assert build_pipeline_if_changed(store, target) == (path, False)  # unchanged: not rebuilt
    return spacy.load(path)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("any lutathera trials in manchester", {("lutathera", "treatment"), ("manchester", "city")}),
        (
            "is there a phase iii trial of lu-177 dotatate in the uk",
            {("phase iii", "phase"), ("lu-177 dotatate", "treatment")},
        ),
        (
            "evrolimus for pnet recruiting in sweden",
            {("evrolimus", "treatment"), ("pnet", "condition"), ("recruiting", "status"), ("sweden", "country")},
        ),
        ("tell me about nct07273409", {("nct07273409", "nct_id")}),
        ("what about the radioactive drip", {("the radioactive drip", "treatment")}),
        ("somatuline trials for insulinoma", {("somatuline", "treatment"), ("insulinoma", "condition")}),
        ("al18f-nota-octreotide scans", {("al18f-nota-octreotide", "treatment")}),  # from the records
    ],
)
def test_entities(nlp, text: str, expected: set) -> None:  # type: ignore[no-untyped-def]
    found = {(e.text, e.label_) for e in nlp(text).ents}
    assert expected <= found, found
