"""An item is its sentence, with the explanations of its terms shown beneath it: the JSON, the
chat's rendering and the scorer read it the same way."""

from __future__ import annotations

from dataclasses import replace

from bot.eligibility.plain import TEMPLATE, plain_criteria, rule_written
from bot.eligibility.render import eligibility_text
from bot.eligibility.rewrite_eval import EvalItem, Shown, score
from bot.trials.store import TrialStore

HIV = "Exclusion Criteria:\n- Patients with known HIV infection"


def test_the_sentence_and_its_explanations_are_apart() -> None:
    item = plain_criteria(HIV).exclusion[0]
    assert item.how == TEMPLATE
    assert item.sentence == "A known infection with HIV."
    assert item.notes == ("HIV is a virus that weakens the immune system.",)
    assert item.plain == " ".join([item.sentence, *item.notes])


def test_the_json_adds_the_sentence_and_the_words_used_when_there_are_any() -> None:
    explained, plain_only = plain_criteria(HIV + "\n- Age under 18 years").exclusion
    assert explained.as_dict()["sentence"] == explained.sentence
    assert explained.as_dict()["words_used"] == list(explained.notes)
    assert not plain_only.notes and set(plain_only.as_dict()) == {"original", "plain", "how"}


def test_the_chat_shows_the_explanations_on_a_line_beneath(store: TrialStore) -> None:
    trial = replace(store.get("NCT07273409"), criteria="Inclusion Criteria:\n- Age ≥ 18 years\n\n" + HIV)
    lines = eligibility_text(trial, show_original=True).splitlines()
    at = lines.index("- A known infection with HIV.")
    assert lines[at + 1] == "  HIV is a virus that weakens the immune system."
    assert lines[at + 2] == "  (Record's words: Patients with known HIV infection)"


def test_every_item_repeats_the_explanations_it_needs() -> None:
    items = plain_criteria("Exclusion Criteria:\n- Known HIV infection\n- HIV viral load above 50 copies/mL").exclusion
    assert all(any("HIV is a virus" in note for note in item.notes) for item in items)


def _item(text: str, keep: list[dict], jargon: list[str]) -> EvalItem:
    return EvalItem.from_json(
        {"id": "T/exclusion/0", "nct_id": "T", "text": text, "family": "test", "keep": keep, "jargon": jargon}
    )


def test_the_scorer_measures_the_sentence_and_counts_a_term_explained_by_its_line() -> None:
    labelled = _item("Known HIV infection", [], ["HIV"])
    explained = score(
        [labelled], lambda _i: Shown("You have HIV.", ("HIV is a virus that weakens the immune system.",))
    )
    assert (explained.longer, explained.jargon_unexplained) == (0, 0)
    bare = score([labelled], lambda _i: Shown("You have a known infection with HIV.", ("A virus weakens you.",)))
    assert (bare.longer, bare.jargon_unexplained) == (1, 1)  # the line beneath does not name HIV


def test_a_not_in_an_explanation_does_not_hide_one_the_sentence_lost() -> None:
    labelled = _item("No HIV", [{"negation": "no"}], [])
    lost = score([labelled], lambda _i: Shown("You have HIV.", ("HIV is not curable yet.",)))
    assert lost.meaning_changed == 1


def test_once_an_item_is_about_you_their_becomes_your() -> None:
    item = rule_written("Patients must have received prior chemotherapy for their myeloma")  # the rule-based rewrite
    assert item.sentence.startswith("You have had") and "your myeloma" in item.sentence
    others = plain_criteria("Inclusion Criteria:\n- Women and their partners must use contraception").inclusion[0]
    assert "their partners" in others.sentence  # not about "you": left as written


def test_a_template_longer_than_a_short_item_gives_way_to_the_registry_words() -> None:
    """ "Pregnant or lactating women" stays short when the registry's words, needing no explanation, say it in as many."""
    (item,) = plain_criteria("Exclusion Criteria:\n- Pregnant or lactating women").exclusion
    assert item.sentence == "Pregnant or breastfeeding women."
    (kept,) = plain_criteria("Inclusion Criteria:\n- Male or female patients aged 18 years or older").inclusion
    assert kept.how == TEMPLATE  # the age template is kept even when longer
