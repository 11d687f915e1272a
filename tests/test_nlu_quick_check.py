"""The fast stand-in for the NLU cross-validation (scripts/nlu_quick_check.py) on small data."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.nlu_quick_check import cross_validate, load_examples, main, report

WORDS = {
    "greet": [
        "hello",
        "hello there",
        "hello again",
        "oh hello",
        "hello friend",
        "hello hello",
        "well hello",
        "hello everyone",
    ],
    "goodbye": ["bye", "bye bye", "bye now", "ok bye", "bye then", "bye everyone", "bye friend", "bye for now"],
}
TOPICS = {
    "knowledge/prrt": [
        "what is prrt",
        "prrt meaning",
        "explain prrt",
        "how does prrt work",
        "prrt what is it",
        "tell me about prrt",
    ],
    "knowledge/placebo": [
        "what is a placebo",
        "placebo meaning",
        "explain placebo",
        "is a placebo a dummy pill",
        "placebo what is it",
        "tell me about placebos",
    ],
}


def write_nlu(folder: Path, intents: dict[str, list[str]]) -> Path:
    folder.mkdir()
    blocks = "".join(
        f"- intent: {name}\n  examples: |\n" + "".join(f"    - {text}\n" for text in texts)
        for name, texts in intents.items()
    )
    (folder / "nlu.yml").write_text(f'version: "3.1"\nnlu:\n{blocks}')
    return folder


def test_separable_intents_score_high_and_mixed_labels_score_low(tmp_path: Path) -> None:
    texts, labels = load_examples(write_nlu(tmp_path / "clear", WORDS), topics=False)
    assert cross_validate(texts, labels, folds=4).macro_f1 >= 0.9
    mixed = {"a": WORDS["greet"][::2] + WORDS["goodbye"][::2], "b": WORDS["greet"][1::2] + WORDS["goodbye"][1::2]}
    texts, labels = load_examples(write_nlu(tmp_path / "mixed", mixed), topics=False)
    assert cross_validate(texts, labels, folds=4).macro_f1 < 0.7


def test_topics_are_the_knowledge_sub_intents(tmp_path: Path) -> None:
    folder = write_nlu(tmp_path / "nlu", {**WORDS, **TOPICS})
    texts, labels = load_examples(folder, topics=True)
    assert sorted(set(labels)) == sorted(TOPICS) and len(texts) == 12
    result = cross_validate(texts, labels, folds=3)
    assert set(result.f1_by_label) == set(TOPICS)
    assert "knowledge/prrt" in report(result, focus={"knowledge/prrt"}, show=5)


def test_bad_arguments_are_explained(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        main(["--nlu", str(tmp_path / "missing")])
    assert "no NLU data folder" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--folds", "1"])
    assert "at least 2" in capsys.readouterr().err


def test_the_stand_in_uses_the_bots_classifier_settings_and_safety_net() -> None:
    from scripts.nlu_quick_check import classifier_config, with_safety_net

    config = classifier_config()
    assert config["C"] > 0 and config["meaning_weight"] > 0
    assert with_safety_net(["should i stop my lanreotide", "hello there"], ["knowledge", "greet"]) == [
        "ask_personal_advice",
        "greet",
    ]


def test_meaning_vectors_place_unseen_words(tmp_path: Path) -> None:
    # Synonyms the n-grams cannot link: only the meaning vector can get these right.
    intents = {
        "thank": [
            "thanks",
            "thank you",
            "cheers",
            "many thanks",
            "thanks a lot",
            "much appreciated",
            "ta very much",
            "grateful for that",
        ],
        "goodbye": [
            "bye",
            "goodbye",
            "see you",
            "farewell",
            "so long",
            "take care now",
            "until next time",
            "catch you later",
        ],
    }
    texts, labels = load_examples(write_nlu(tmp_path / "nlu", intents), topics=False)
    with_meaning = cross_validate(texts, labels, folds=4).macro_f1
    assert with_meaning >= cross_validate(texts, labels, folds=4, meaning=False).macro_f1
    assert with_meaning >= 0.8
