"""The rewrite scorer: hand-made rewrites that must pass and must fail, and the labelled set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.eligibility.rewrite_eval import (
    DEFECT_KINDS,
    EvalItem,
    Judgement,
    as_shown,
    by_text,
    jargon_explained,
    judgements_path,
    load_items,
    load_judgements,
    lost_pieces,
    rewrite_hash,
    score,
    table,
)


def item(text: str, keep: list[dict], jargon: list[str] = (), family: str = "test") -> EvalItem:
    return EvalItem.from_json(
        {"id": "T/inclusion/0", "nct_id": "T", "text": text, "family": family, "keep": keep, "jargon": list(jargon)}
    )


BILIRUBIN = item("Serum bilirubin ≤ 1.5 x ULN", [{"number": "1.5", "unit": "x ULN", "compare": "<="}], ["ULN"])


@pytest.mark.parametrize(
    "rewrite",
    [
        "Bilirubin at most 1.5 times the top of the normal range.",
        "Bilirubin 1.5 x ULN or less. ULN means the upper limit of normal.",
        "Your bilirubin is no more than 1.5 × upper limit of normal.",
    ],
)
def test_number_with_its_limit_and_unit_is_kept(rewrite: str) -> None:
    assert lost_pieces(BILIRUBIN, rewrite) == []


@pytest.mark.parametrize(
    "rewrite",
    [
        "Bilirubin more than 1.5 times the top of the normal range.",  # the limit turned round
        "Bilirubin at most 15 times the top of the normal range.",  # the number changed
        "Bilirubin at most 1.5.",  # the unit lost
        "Bilirubin normal.",
    ],
)
def test_a_changed_limit_number_or_unit_is_caught(rewrite: str) -> None:
    assert lost_pieces(BILIRUBIN, rewrite) != []


def test_ranges_word_numbers_and_thousands() -> None:
    ecog = item("ECOG 0-1", [{"number": "0-1"}])
    assert not lost_pieces(ecog, "Daily living score 0 to 1.")
    assert lost_pieces(ecog, "Daily living score 0 or 2.")
    count = item("Platelets ≥ 100,000/mm3", [{"number": "100,000", "compare": ">="}])
    assert not lost_pieces(count, "Platelets 100000/mm3 or more.")
    lines = item("At least two prior lines", [{"number": "two", "compare": ">="}])
    assert not lost_pieces(lines, "You have had at least 2 past treatments.")


def test_a_lost_negation_is_caught_and_a_limit_is_not_a_negation() -> None:
    no_cancer = item(
        "No other cancer within 5 years", [{"number": "5", "unit": "years", "compare": "within"}, {"negation": "no"}]
    )
    assert not lost_pieces(no_cancer, "You have not had another cancer in the last 5 years.")
    assert lost_pieces(no_cancer, "You have had another cancer in the last 5 years.")
    assert lost_pieces(no_cancer, "Another cancer in the last no more than 5 years.")  # "no more than" is a limit


def test_exceptions_only_and_scope_words_must_survive() -> None:
    labelled = item(
        "Women of childbearing potential, except those sterilised, only if ...",
        [{"exception": "except"}, {"only": "only"}, {"scope": "childbearing potential"}],
    )
    assert not lost_pieces(labelled, "Women who could get pregnant, apart from those sterilised, only if ...")
    lost = lost_pieces(labelled, "Women, if ...")
    assert [p.kind for p in lost] == ["scope", "exception", "only"]
    reproductive = item("Patients of reproductive potential", [{"scope": "reproductive potential"}])
    assert lost_pieces(reproductive, "People (men or women) who could become pregnant.")  # the narrowed scope
    assert not lost_pieces(reproductive, "People who could have children.")


@pytest.mark.parametrize(
    "rewrite, explained",
    [
        ("Haemoglobin at least 9.", False),
        ("Haemoglobin at least 9. Haemoglobin carries oxygen in the blood.", True),
        ("Red blood pigment (haemoglobin) at least 9.", True),
        ("Blood pigment at least 9.", True),  # replaced
        ("Hemoglobin at least 9 is needed.", False),  # the criterion's own "is" is not an explanation
    ],
)
def test_jargon_is_replaced_or_explained(rewrite: str, explained: bool) -> None:
    assert jargon_explained("haemoglobin", rewrite) is explained


def test_score_counts_each_part_and_grammar_only_for_the_rewrite_judged() -> None:
    items = [BILIRUBIN, item("No HIV", [{"negation": "no"}], ["HIV"])]
    old = Judgement("T/inclusion/0", rewrite_hash("No HIV at all."), ("other",))
    result = score(items, by_text(lambda text: text.replace("≤", "at most") + "."), {(old.id, old.rewrite_hash): old})
    assert (result.n, result.meaning_changed, result.jargon_unexplained, result.longer) == (2, 0, 2, 1)
    assert result.judged == []  # the judgement was about another rewrite
    now = Judgement("T/inclusion/0", rewrite_hash("No HIV."), ("doubled word",))
    result = score(items, by_text(lambda text: text.replace("≤", "at most") + "."), {(now.id, now.rewrite_hash): now})
    assert result.grammar_defects == 1 and result.defects_by_kind()["doubled word"] == 1
    assert "| meaning changed" in table({"tune": result})


def test_bad_labels_are_refused() -> None:
    with pytest.raises(ValueError):
        item("x", [{"scope": "everyone"}])
    with pytest.raises(ValueError):
        item("x", [{"number": "1", "compare": "about"}])


@pytest.mark.parametrize("part", ["tune", "held"])
def test_the_labelled_set_loads_and_its_labels_are_in_the_text(part: str) -> None:
    items = load_items(part)
    assert len(items) >= (240 if part == "tune" else 60)
    for labelled in items:
        assert labelled.family and labelled.text
        for piece in labelled.keep:
            if piece.kind == "number":  # a number label must be in the registry's words
                assert not lost_pieces(
                    EvalItem.from_json({**_raw(labelled), "keep": [{"number": piece.value}]}), labelled.text
                ), (labelled.id, piece)


def _raw(labelled: EvalItem) -> dict:
    return {"id": labelled.id, "nct_id": labelled.nct_id, "text": labelled.text, "family": labelled.family}


def test_held_items_are_every_fifth_and_never_in_the_tuning_part() -> None:
    tune, held = ({i.id for i in load_items(p)} for p in ("tune", "held"))
    assert not tune & held
    assert len(tune) + len(held) >= 300 and abs(len(held) - (len(tune) + len(held)) / 5) < 1


def test_judgements_file_uses_known_kinds() -> None:
    judged = load_judgements()
    assert all(set(j.defects) <= set(DEFECT_KINDS) for j in judged.values())
    assert len(judged) >= 60


# --- an item as shown: the sentence, and the explanations beneath it ----------------------

from bot.eligibility.rewrite_eval import Shown  # noqa: E402


@pytest.mark.parametrize(
    "term, notes, explained",
    [
        ("ischemia", ("Ischaemia means part of the body is not getting enough blood.",), True),  # spellings made one
        ("HIV-1 infection", ("HIV is a virus that weakens the immune system.",), True),  # the unknown word defined
        ("active tuberculosis", ("Tuberculosis (TB) is a serious infection, most often of the lungs.",), True),
        (
            "QT interval",
            ("The stage is a measure of how far the cancer has spread.",),
            False,
        ),  # a line about another term
        ("QT interval", (), False),
    ],
)
def test_a_line_beneath_explains_the_term_it_names_or_defines(
    term: str, notes: tuple[str, ...], explained: bool
) -> None:
    assert jargon_explained(term, Shown(f"You have {term} now.", notes)) is explained


def test_a_shown_item_is_as_long_as_its_sentence() -> None:
    labelled = item("Known HIV infection", [], ["HIV"])
    short = Shown("You have HIV.", ("HIV is a virus that weakens the immune system.",))
    result = score([labelled], lambda _i: short)
    assert (result.longer, result.jargon_unexplained) == (0, 0)
    assert result.results[0].grade_shown != result.results[0].grade  # both grades are kept
    assert result.results[0].rewrite == short.text  # the judgements' hash is of all that is shown


def test_a_held_judgement_counts_only_for_the_held_part(tmp_path: Path) -> None:
    from bot.eligibility.rewrite_eval import chat_items, score_parts

    records = {
        "T": "Inclusion Criteria:\n- Able to swallow tablets",
        "H": "Inclusion Criteria:\n- Able to swallow tablets",
    }
    for part, nct in (("tune", "T"), ("held", "H")):
        raw = {
            "id": f"{nct}/inclusion/0",
            "nct_id": nct,
            "text": "Able to swallow tablets",
            "family": "test",
            "keep": [],
        }
        (tmp_path / f"{part}.jsonl").write_text(json.dumps(raw) + "\n", encoding="utf-8")
    shown = chat_items(records)
    lines = [
        {"id": i.id, "rewrite_hash": rewrite_hash(as_shown(shown(i)).text), "defects": ["other"]}
        for part in ("tune", "held")
        for i in load_items(part, tmp_path)
    ]  # both in the held file: the tune item's line must not count
    judgements_path("held", tmp_path).write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    scored = score_parts(records, folder=tmp_path)
    assert (len(scored["tune"].score.judged), len(scored["held"].score.judged)) == (0, 1)
    assert judgements_path("tune", tmp_path).name == "judgements.jsonl"


def test_held_judgements_use_known_kinds() -> None:
    judged = load_judgements(judgements_path("held"))
    assert all(set(j.defects) <= set(DEFECT_KINDS) for j in judged.values())
    assert {i for i, _h in judged} <= {i.id for i in load_items("held")}
