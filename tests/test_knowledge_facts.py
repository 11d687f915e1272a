"""The one fact that answers a question's exact point (bot/knowledge/facts.py)."""

from __future__ import annotations

from pathlib import Path

from bot.knowledge.facts import BACKGROUND, Fact, FactIndex, answering_fact, read_facts, weighted_stems

FACTS = [
    Fact(
        "prrt_kidneys",
        "prrt_side_effects",
        "7a",
        "PRRT can affect the kidneys, so the team checks how well they work first.",
        ("kidney", "one kidney", "renal"),
    ),
    Fact(
        "prrt_toilet",
        "prrt_home_safety",
        "7c",
        "For a few days after PRRT, sit down to use the toilet and flush twice.",
        ("toilet", "loo", "bathroom", "flush"),
    ),
    Fact(
        "prrt_children",
        "prrt_home_safety",
        "7c",
        "Keep close contact with young children short for a few days after PRRT.",
        ("grandchildren", "children", "kids", "baby"),
    ),
    Fact(
        "gallium_fasting",
        "pet_scans",
        "2b",
        "You do not usually need to fast before a gallium PET scan.",
        ("fast", "eat", "food", "gallium", "ga 68"),
    ),
    Fact(
        "ssa_gallstones",
        "somatostatin_analogues",
        "4",
        "Lanreotide and octreotide can cause gallstones over time.",
        ("gallstones", "gallbladder", "lanreotide", "octreotide"),
    ),
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
    odd.write_text(
        "facts:\n  - {id: x, topic: y}\n  - just text\n  - {id: a, topic: b, text: 'A fact.', words: [w]}\n",
        encoding="utf-8",
    )
    assert [f.id for f in read_facts(odd)] == ["a"]


def test_the_shipped_file_answers_with_its_own_facts() -> None:
    fact = answering_fact("can my husband have PRRT if he only has one kidney?")
    assert fact is None or "kidney" in fact.text.lower() or "kidney" in " ".join(fact.words).lower()


# The cases below each use a small index of their own, so that what decides is the rule named.
# Facts that make everyday words common, as they are in the real file.
EVERYDAY = [
    Fact(f"everyday_{i}", "other", "0", text, ())
    for i, text in enumerate(
        (
            "A scan every year is usual at home or in hospital.",
            "Every month the hospital sends a letter home.",
            "People go home from hospital when they are well.",
            "A scan is done every few months in the first year.",
        )
    )
]


def test_words_of_a_people_phrase_may_have_other_words_between_them() -> None:
    index = FactIndex(
        [
            Fact(
                "stay",
                "recovery",
                "3",
                "People stay on the ward for one to two weeks.",
                ("how long in hospital", "ward"),
            ),
            Fact(
                "pain",
                "pain",
                "3",
                "Pain after the operation is treated with strong medicine.",
                ("pain", "painkillers"),
            ),
            *EVERYDAY,
        ]
    )
    assert index.answering("how long will dad be in hospital after his op?").id == "stay"
    assert index.answering("will dad be at home or in hospital after his op") is None  # no phrase, no time asked


def test_the_sentence_that_asks_counts_more_than_the_story_around_it() -> None:
    text = "they have been watching his kidneys for years for his VHL. could he get a pancreatic NET?"
    weights = weighted_stems(text)
    assert weights["vhl"] == BACKGROUND and weights["watch"] == BACKGROUND and weights["pancreatic"] == 1.0
    assert weighted_stems("is a glass of wine ok? i flush a lot")["wine"] == 1.0  # "?" ends the asking part
    index = FactIndex(
        [
            Fact("watch", "watch", "1", "Small slow NETs may be watched for years.", ("watch", "watch and wait")),
            Fact(
                "vhl",
                "inherited",
                "1",
                "About 10 to 15 in 100 people with VHL get a pancreatic NET.",
                ("VHL", "von hippel lindau"),
            ),
            *EVERYDAY,
        ]
    )
    assert index.answering(text).id == "vhl"


def test_the_topic_answer_sent_settles_a_near_tie_between_topics() -> None:
    index = FactIndex(
        [
            Fact(
                "often", "ssa_injections", "4", "Lanreotide injections can be given at home by a nurse.", ("at home",)
            ),
            Fact("home", "lanreotide", "4", "A family member can learn to give lanreotide at home.", ("at home",)),
            *EVERYDAY,
        ]
    )
    text = "can the lanreotide be done at home?"
    # two topics' facts about the same treatment fit as well: either answers (bot/knowledge/facts._same_subject)
    assert index.answering(text).id in ("often", "home")
    assert index.answering(text, topic="lanreotide").id == "home"


def test_a_question_asking_how_long_prefers_the_fact_that_gives_a_time() -> None:
    index = FactIndex(
        [
            Fact(
                "what",
                "biopsy",
                "2",
                "In an EUS a thin tube with a scanner goes down through the mouth.",
                ("EUS", "endoscopy"),
            ),
            Fact(
                "long",
                "biopsy",
                "2",
                "An EUS takes about 30 minutes, and people spend 2 to 4 hours in the unit.",
                ("how long EUS", "EUS"),
            ),
        ]
    )
    assert index.answering("how long does an EUS take?").id == "long"
    assert index.answering("does an EUS hurt, is it an endoscopy").id == "what"


def test_only_a_question_about_one_trial_is_the_records_not_a_facts() -> None:
    index = FactIndex(
        [
            Fact(
                "toilet",
                "prrt_home_safety",
                "7",
                "With one toilet at home, sit down and flush twice after PRRT.",
                ("toilet", "loo", "bathroom"),
            ),
            Fact(
                "leave",
                "leaving_a_trial",
                "5",
                "People can leave a trial at any time without saying why.",
                ("leave", "drop out", "quit"),
            ),
        ]
    )
    assert index.answering("can I share a bathroom after PRRT? we've only got the one loo").id == "toilet"
    assert index.answering("if i join a trial and hate it can i just leave or drop out?").id == "leave"
    assert index.answering("if i leave or drop out would that stop me joining this one?") is None
    assert index.answering("could i quit or drop out of the one?") is None


def test_a_fact_that_gives_no_answer_of_the_kind_asked_for_is_left_out() -> None:
    index = FactIndex(
        [
            Fact(
                "what",
                "biopsy",
                "2",
                "In an EUS a thin tube with a scanner goes down to the pancreas.",
                ("EUS", "endoscopy"),
            ),
            *EVERYDAY,
        ]
    )
    assert index.answering("is an EUS an endoscopy?").id == "what"
    assert index.answering("how long does an EUS endoscopy take?") is None  # no time in it


def test_a_fact_beside_the_topic_answer_must_be_named_in_its_own_words() -> None:
    index = FactIndex(
        [
            Fact(
                "drip",
                "chemotherapy",
                "4",
                "Most chemotherapy comes through a drip in a vein.",
                ("drip", "cannula", "PICC line"),
            ),
            *EVERYDAY,
        ]
    )
    assert index.answering("does the chemotherapy go in with a cannula?", topic="find_a_trial").id == "drip"
    by_its_text_alone = "the chemotherapy nurse could not find a vein, can i find a trial elsewhere?"
    assert index.answering(by_its_text_alone).id == "drip"
    assert index.answering(by_its_text_alone, topic="find_a_trial") is None  # beside that answer's point


def test_a_fact_the_answer_mostly_says_is_left_out_unless_it_brings_a_number() -> None:
    index = FactIndex(
        [
            Fact(
                "stay",
                "recovery",
                "3",
                "After pancreas surgery people spend 24 to 48 hours in intensive care, then one to two "
                "weeks on the ward.",
                ("intensive care", "how long in hospital"),
            ),
            *EVERYDAY,
        ]
    )
    question = "how long will dad be in intensive care after pancreas surgery?"
    said = "After pancreas surgery people spend a day or two in intensive care, then one to two weeks on the ward."
    assert index.answering(question, already_said=said).id == "stay"  # the hours are new
    assert index.answering(question, already_said=said.replace("a day or two", "24 to 48 hours")) is None


def test_a_code_written_apart_or_together_is_one_word() -> None:
    index = FactIndex(
        [
            Fact(
                "foods",
                "blood_tests",
                "2",
                "Bananas and walnuts can raise 5-HIAA, so some skip them before the urine test.",
                ("bananas", "walnuts"),
            ),
            *EVERYDAY,
        ]
    )
    assert index.answering("does my 5hiaa go up with bananas").id == "foods"
    assert index.answering("does my 5 hiaa go up with bananas").id == "foods"


def test_a_brand_a_typo_or_the_kind_of_drug_reaches_the_fact_about_it() -> None:
    index = FactIndex(
        [
            Fact("grapefruit", "everolimus", "5", "Avoid grapefruit while taking everolimus.", ("grapefruit",)),
            Fact(
                "digestion",
                "pert",
                "4",
                "SSAs can mean food is not digested well, and poo can become fatty.",
                ("poo floats", "pale poo"),
            ),
            Fact(
                "somatostatinoma",
                "functioning",
                "1b",
                "A somatostatinoma can make stools pale and greasy, and float.",
                ("floating stools", "greasy poo"),
            ),
            *EVERYDAY,
        ]
    )
    assert index.answering("is everolimis ok with grapefruit juice").id == "grapefruit"  # a typo
    assert index.answering("can i have grapefruit juice on afinitor").id == "grapefruit"  # a brand
    # lanreotide is an SSA: the fact about SSAs beats one about nothing the person named
    assert index.answering("since starting lanreotide my poo floats and is pale. is that the jab?").id == "digestion"


def test_a_short_question_pointing_back_asks_about_the_story() -> None:
    story = "since starting lanreotide my poo floats and is pale"
    assert weighted_stems(f"{story}. is that the jab?")["float"] == 1.0
    assert weighted_stems(f"{story}. what kind of diet helps with hormone symptoms?")["float"] == BACKGROUND
    index = FactIndex(
        [
            Fact("shell", "surgery", "3b", "Enucleation takes out just the tumour.", ("shell out", "enucleation")),
            *EVERYDAY,
        ]
    )
    # "what does that mean?" after a story is not a definition of the topic
    assert index.answering("the surgeon said he could just shell out the tumour. what does that mean?").id == "shell"


def test_a_trial_named_in_the_story_does_not_make_the_question_one_about_it() -> None:
    index = FactIndex(
        [
            Fact(
                "mgmt",
                "captem",
                "6",
                "Tumours lacking a protein called MGMT responded more often to CAPTEM.",
                ("MGMT",),
            ),
            *EVERYDAY,
        ]
    )
    assert (
        index.answering("she said my tumour lacks MGMT when she mentioned this trial. what about captem?").id == "mgmt"
    )
    assert index.answering("my tumour lacks MGMT, would that rule me out of this trial?") is None


def test_one_of_the_kinds_of_answer_asked_is_enough() -> None:
    index = FactIndex(
        [
            Fact(
                "days",
                "captem",
                "6",
                "CAPTEM cycles last 28 days: capecitabine on days 1 to 14, temozolomide on days 10 to 14.",
                ("captem schedule", "which days"),
            ),
            *EVERYDAY,
        ]
    )
    assert (
        index.answering("how does captem work? which days do i take what").id == "days"
    )  # "how often", not "how it works"


def test_a_code_is_as_telling_as_two_words() -> None:
    index = FactIndex(
        [
            Fact("t2", "stage", "1c", "T2 means the tumour is 2 to 4 cm.", ("TNM", "T2")),
            *EVERYDAY,
        ]
    )
    assert index.answering("my report says T2, what is that in normal words?").id == "t2"


def test_a_fact_about_another_treatment_than_the_one_asked_about_is_left_out() -> None:
    index = FactIndex(
        [
            Fact("hair", "prrt_side_effects", "7a", "After PRRT, hair may thin for a while.", ("hair", "hair loss")),
            *EVERYDAY,
        ]
    )
    assert index.answering("will i lose my hair with lutathera?").id == "hair"
    assert index.answering("will i lose my hair on captem?") is None
