"""The one fact that answers a question's exact point (bot/knowledge/facts.py)."""
from __future__ import annotations

from pathlib import Path

from bot.knowledge.facts import Fact, FactIndex, answering_fact, read_facts

FACTS = [
    Fact("prrt_kidneys", "prrt_side_effects", "7a", "PRRT can affect the kidneys, so the team checks how well they work first.",
         ("kidney", "one kidney", "renal")),
    Fact("prrt_toilet", "prrt_home_safety", "7c", "For a few days after PRRT, sit down to use the toilet and flush twice.",
         ("toilet", "loo", "bathroom", "flush")),
    Fact("prrt_children", "prrt_home_safety", "7c", "Keep close contact with young children short for a few days after PRRT.",
         ("grandchildren", "children", "kids", "baby")),
    Fact("gallium_fasting", "pet_scans", "2b", "You do not usually need to fast before a gallium PET scan.",
         ("fast", "eat", "food", "gallium", "ga 68")),
    Fact("ssa_gallstones", "somatostatin_analogues", "4", "Lanreotide and octreotide can cause gallstones over time.",
         ("gallstones", "gallbladder", "lanreotide", "octreotide")),
]
INDEX = FactIndex(FACTS)


def test_the_fact_that_answers_the_exact_point() -> None:
    assert INDEX.answering("my dad only has one kidney, can he still have PRRT?").id == "prrt_kidneys"
    assert INDEX.answering("can i share a loo with my partner after prrt").id == "prrt_toilet"
    assert INDEX.answering("will the grandkids be ok, can i cuddle my grandchildren after PRRT").id == "prrt_children"
    assert INDEX.answering("does mum need to fast before her gallium scan??").id == "gallium_fasting"


def test_no_fact_for_a_question_that_only_names_the_topic() -> None:
    assert INDEX.answering("what is PRRT") is None  # every PRRT fact half-fits: none clearly answers
    assert INDEX.answering("is there a trial near Leeds") is None
    assert INDEX.answering("") is None


def test_a_fact_the_topic_answer_already_gives_is_not_repeated() -> None:
    said = "PRRT can affect your kidneys. The team checks how well they work before you start."
    assert INDEX.answering("can I have PRRT with only one kidney", already_said=said) is None


def test_a_missing_or_broken_file_gives_no_facts(tmp_path: Path) -> None:
    assert read_facts(tmp_path / "none.yml") == []
    broken = tmp_path / "broken.yml"
    broken.write_text("facts: [ {id: 1", encoding="utf-8")
    assert read_facts(broken) == []
    odd = tmp_path / "odd.yml"
    odd.write_text("facts:\n  - {id: x, topic: y}\n  - just text\n  - {id: a, topic: b, text: 'A fact.', words: [w]}\n", encoding="utf-8")
    assert [f.id for f in read_facts(odd)] == ["a"]


def test_the_shipped_file_answers_with_its_own_facts() -> None:
    fact = answering_fact("can my husband have PRRT if he only has one kidney?")
    assert fact is None or "kidney" in fact.text.lower() or "kidney" in " ".join(fact.words).lower()
