"""The single-fact file (data/knowledge/facts.yml) that the retriever searches to answer a narrow
general question: well formed, tied to existing topics and to knowledge-facts.md, short,
readable, and written in our own words."""

from __future__ import annotations

import re
import statistics

import pytest
import textstat
import yaml

from bot.config import DATA_DIR, REPO_ROOT

FACTS_PATH = DATA_DIR / "knowledge" / "facts.yml"
SOURCE_PATH = REPO_ROOT.parent / "shared" / "reference" / "knowledge-facts.md"
RESPONSES_PATH = DATA_DIR / "nlu" / "knowledge_responses.yml"

MAX_WORDS = 35
MAX_SENTENCES = 2
MAX_GRADE = 10.0
MAX_MEDIAN_GRADE = 8.0
COPIED_RUN = 6  # words in a row that may not match the source
MIN_SEARCH_WORDS, MAX_SEARCH_WORDS = 3, 10
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A sentence ends at . ! or ? followed by a space and a capital letter or digit (not "e.g. the").
SENTENCE_END = re.compile(r"[.!?](?:\s+(?=[A-Z0-9])|$)")
# Never about the reader's own care: no eligibility, no telling them what to do.
ADVICE = re.compile(r"\beligible\b|\bqualify\b|\byou can join\b|\byou (?:should|must|need to)\b|\bask your\b", re.I)

FACTS: list[dict] = yaml.safe_load(FACTS_PATH.read_text())["facts"]
needs_source = pytest.mark.skipif(not SOURCE_PATH.exists(), reason="../shared not present")


def topic_ids() -> set[str]:
    responses = yaml.safe_load(RESPONSES_PATH.read_text())["responses"]
    return {name.split("/", 1)[1] for name in responses if name.startswith("utter_knowledge/")}


def source_sections(source: str) -> set[str]:
    """Section tags a fact may cite: "4", "3b", and "7 cautions" for a topic's cautions block."""
    sections = set(re.findall(r"^#{2,3} (\d+[a-z]?)\. ", source, re.M))
    cautions = {f"{n} cautions" for n in re.findall(r"\*\*(?:Conflicts / )?[Cc]autions \(topic (\d+)\)", source)}
    return sections | cautions


def normalised_words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).split()


def word_runs(text: str, length: int = COPIED_RUN) -> set[tuple[str, ...]]:
    words = normalised_words(text)
    return {tuple(words[i : i + length]) for i in range(len(words) - length + 1)}


def copied_runs(text: str, source: str) -> list[str]:
    return sorted(" ".join(run) for run in word_runs(text) & word_runs(source))


def numbers_missing_from(text: str, source: str) -> list[str]:
    return [number for number in NUMBER.findall(text) if number not in source]


def sentence_count(text: str) -> int:
    return len(SENTENCE_END.findall(text.strip()))


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


IDS = [fact.get("id", "?") for fact in FACTS]


# ---------------------------------------------------------------------------- shape
def test_the_file_has_the_expected_size_and_fields() -> None:
    # Every askable fact of knowledge-facts.md: the brief expected 200-300.
    assert len(FACTS) >= 200, f"only {len(FACTS)} facts"
    for fact in FACTS:
        assert set(fact) == {"id", "topic", "source", "text", "words"}, fact


def test_ids_are_unique_snake_case() -> None:
    duplicates = sorted({i for i in IDS if IDS.count(i) > 1})
    assert duplicates == []
    assert [i for i in IDS if not SNAKE_CASE.match(i)] == []


def test_every_topic_is_an_existing_knowledge_answer() -> None:
    known = topic_ids()
    assert len(known) >= 60
    assert sorted({f["topic"] for f in FACTS} - known) == []


@pytest.mark.parametrize("fact", FACTS, ids=IDS)
def test_search_words_are_a_short_list_of_phrases(fact: dict) -> None:
    words = fact["words"]
    assert isinstance(words, list) and MIN_SEARCH_WORDS <= len(words) <= MAX_SEARCH_WORDS, fact["id"]
    assert all(isinstance(w, str) and w.strip() for w in words), f"{fact['id']}: {words}"
    assert len({w.lower() for w in words}) == len(words), f"{fact['id']}: a word is listed twice"


# Narrow questions the topic answers do not reach (issue 16) -> the fact that answers each. A search
# word of that fact must occur in the question as people type it.
QUESTIONS: list[tuple[str, str]] = [
    ("can I have PRRT with only one kidney?", "prrt_kidney_risk"),
    ("do I need to fast before a gallium scan?", "gallium_scan_no_fasting"),
    ("is temozolomide taken by mouth?", "captem_by_mouth"),
    ("can I share a bathroom with my partner after PRRT?", "prrt_separate_toilet"),
    ("how long do I have to sleep apart from my husband after lutathera", "prrt_partner_days"),
    ("can my grandkids visit after the radioactive drip", "prrt_children_under_10"),
    ("will lanreotyde give me gallstones", "ssa_gallstones"),
    ("what does ki67 mean", "ki67_cutoffs"),
    ("is cabozantinib approved in Europe", "cabozantinib_eu"),
    ("he's passed out from a hypo, can I give him juice", "hypo_unconscious"),
]
FACTS_BY_ID = {fact["id"]: fact for fact in FACTS}


@pytest.mark.parametrize("question, fact_id", QUESTIONS)
def test_a_narrow_question_shares_a_search_word_with_its_fact(question: str, fact_id: str) -> None:
    words = [w.lower() for w in FACTS_BY_ID[fact_id]["words"]]
    assert any(re.search(rf"\b{re.escape(w)}\b", question.lower()) for w in words), (fact_id, words)


# ---------------------------------------------------------------------------- faithful to the source
@needs_source
def test_every_source_tag_is_a_section_of_the_facts_file() -> None:
    sections = source_sections(SOURCE_PATH.read_text())
    assert {"1a", "3b", "4", "7c", "11", "7 cautions"} <= sections
    assert sorted({f["source"] for f in FACTS} - sections) == []


@needs_source
@pytest.mark.parametrize("fact", FACTS, ids=IDS)
def test_every_number_is_the_sources_number(fact: dict) -> None:
    assert numbers_missing_from(fact["text"], SOURCE_PATH.read_text()) == [], fact["id"]


@needs_source
@pytest.mark.parametrize("fact", FACTS, ids=IDS)
def test_no_run_of_six_words_is_copied(fact: dict) -> None:
    assert copied_runs(fact["text"], SOURCE_PATH.read_text()) == [], fact["id"]


@needs_source
def test_the_checks_catch_a_copied_sentence_and_an_invented_number() -> None:
    source = SOURCE_PATH.read_text()
    copied = "Surgery is the only treatment that can cure a NET."
    assert copied_runs(copied, source) == sorted(
        [
            "surgery is the only treatment that",
            "is the only treatment that can",
            "the only treatment that can cure",
            "only treatment that can cure a",
            "treatment that can cure a net",
        ]
    )
    assert copied_runs("Surgery is the one way to cure a NET.", source) == []
    assert numbers_missing_from("Each dose is 7.4 GBq, given 6843 times.", source) == ["6843"]


# ---------------------------------------------------------------------------- short and plain
@pytest.mark.parametrize("fact", FACTS, ids=IDS)
def test_each_text_is_one_or_two_short_sentences(fact: dict) -> None:
    text = fact["text"]
    assert len(text.split()) <= MAX_WORDS, f"{fact['id']}: {len(text.split())} words"
    assert 1 <= sentence_count(text) <= MAX_SENTENCES, f"{fact['id']}: {sentence_count(text)} sentences"


@pytest.mark.parametrize("fact", FACTS, ids=IDS)
def test_each_text_is_readable(fact: dict) -> None:
    assert grade(fact["text"]) <= MAX_GRADE, f"{fact['id']}: grade {grade(fact['text']):.1f}"


def test_the_median_grade_is_eight_or_lower() -> None:
    assert statistics.median(grade(f["text"]) for f in FACTS) <= MAX_MEDIAN_GRADE


@pytest.mark.parametrize("fact", FACTS, ids=IDS)
def test_no_text_advises_the_reader_about_their_own_care(fact: dict) -> None:
    assert not ADVICE.search(fact["text"]), fact["id"]


def test_the_sentence_and_advice_checks_can_fail() -> None:
    assert sentence_count("One. Two. Three.") == 3
    assert sentence_count("Tumours shrank in 3.0% of 33 people.") == 1
    assert ADVICE.search("You should stop your injections.")
