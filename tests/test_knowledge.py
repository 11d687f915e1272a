"""Plain-language knowledge answers (retrieval intent `knowledge`): readable, sourced, dated,
safe, with a next step; every topic of issue 3 covered and tested with new phrasings."""

from __future__ import annotations

import datetime
import json
import re
import statistics

import pytest
import textstat
import yaml
from rasa.core.nlg.interpolator import interpolate

from bot.config import DATA_DIR, REPO_ROOT, SHIPPED_TRIALS_DIR
from bot.lexicon import default_lexicon
from bot.trials.freshness import status_as_of
from tests.helpers.facts_age import MAX_FACTS_AGE_MONTHS, months_before

DOMAIN = yaml.safe_load((REPO_ROOT / "domain.yml").read_text())
KNOWLEDGE_NLU = yaml.safe_load((DATA_DIR / "nlu" / "knowledge.yml").read_text())
# As people receive them: through Rasa's slot interpolation, which turns the `{{...}}` written
# in payloads (so the interpolator does not take JSON for a slot name) back into `{...}`.
KNOWLEDGE_RESPONSES = interpolate(
    yaml.safe_load((DATA_DIR / "nlu" / "knowledge_responses.yml").read_text())["responses"], {}
)
TEST_STORIES = yaml.safe_load((REPO_ROOT / "tests" / "stories" / "test_knowledge.yml").read_text())["stories"]
SHARED = REPO_ROOT.parent / "shared"  # facts and seed pages; not part of a clone of this repo

PREFIX = "utter_knowledge/"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
FULL_DATE = re.compile(rf"\b(\d{{1,2}}) ({MONTHS}) (\d{{4}})\b")
# The Cancer Research UK research page (../shared/seeds/cruk-pancreatic-net-research-and-trials.txt).
CRUK_PAGE_REVIEWED = "29 June 2021"
# Every answer's last line ends with the day its facts were last checked against
# knowledge-facts.md (docs/knowledge.md): "Facts checked 4 December 2026."
FACTS_CHECKED = re.compile(rf"\bFacts checked (\d{{1,2}}) ({MONTHS}) (\d{{4}})\.$")
FORBIDDEN = re.compile(
    r"\byou(?:'re| are)? (?:are )?(?:eligible|qualify)\b|\byou will qualify\b|\byou can join\b"
    r"|\byou (?:should|must) (?:take|have|stop|start)\b",
    re.I,
)
ANNOTATION = re.compile(r"\[([^\]]+)\]\((\w+)\)")

# Every topic the issue lists -> the sub-intents that answer it.
TOPICS: dict[str, list[str]] = {
    "pancreatic NETs: what they are": ["what_is_pnet"],
    "functioning and non-functioning": ["functioning"],
    "insulinoma": ["insulinoma"],
    "gastrinoma": ["gastrinoma"],
    "glucagonoma": ["glucagonoma"],
    "VIPoma": ["vipoma"],
    "grade": ["grade"],
    "stage": ["stage"],
    "NET and NEC": ["net_or_nec"],
    "blood tests": ["blood_tests"],
    "CT and MRI": ["ct_mri"],
    "biopsy": ["biopsy"],
    "octreotide scan": ["octreotide_scan"],
    "PET scans (gallium-68 DOTATATE, FDG)": ["pet_scans"],
    "the new tracer 18F-FET-βAG-TOCA and why tracers are researched": ["new_tracer"],
    "the immune system and immunotherapy": ["immunotherapy"],
    "pembrolizumab": ["pembrolizumab"],
    "ipilimumab": ["ipilimumab"],
    "nivolumab": ["nivolumab"],
    "somatostatin analogues": ["somatostatin_analogues"],
    "lanreotide (autogel)": ["lanreotide"],
    "octreotide": ["octreotide"],
    "how the injections are given, and giving them yourself": ["ssa_injections"],
    "PEN-221": ["pen_221"],
    "targeted drugs": ["targeted_drugs"],
    "everolimus": ["everolimus"],
    "sunitinib": ["sunitinib"],
    "lenvatinib": ["lenvatinib"],
    "axitinib": ["axitinib"],
    "surufatinib": ["surufatinib"],
    "cabozantinib": ["cabozantinib"],
    "pazopanib": ["pazopanib"],
    "chemotherapy": ["chemotherapy"],
    "streptozocin": ["streptozocin_fluorouracil"],
    "fluorouracil": ["streptozocin_fluorouracil"],
    "capecitabine with temozolomide": ["captem"],
    "chemotherapy before or after everolimus": ["chemo_and_everolimus"],
    "PRRT: what it is and the two radioactive substances": ["what_is_prrt"],
    "PRRT: how it is given": ["prrt_how_given"],
    "PRRT: radiation safety at home (toilet, bed, children)": ["prrt_home_safety"],
    "PRRT: side effects, pregnancy and contraception": ["prrt_side_effects"],
    "surgery": ["surgery"],
    "the Whipple operation": ["whipple"],
    "distal and total pancreatectomy, enucleation": ["pancreas_operations"],
    "recovery after pancreas surgery": ["surgery_recovery"],
    "watch and wait for small tumours": ["watch_and_wait"],
    "debulking": ["debulking"],
    "treatments to the liver": ["liver_treatments"],
    "carcinoid syndrome": ["carcinoid_syndrome"],
    "pancreatic enzyme replacement (PERT, Creon)": ["pert"],
    "carcinoid crisis (triggers, signs, octreotide cover, alert card)": ["carcinoid_crisis"],
    "diet for diarrhoea": ["diet"],
    "vitamin B12 and other vitamins (SSAs, bowel surgery)": ["vitamins"],
    "quality of life research": ["quality_of_life"],
    "the symptom and side-effect app study": ["symptom_app"],
    "what a trial is": ["what_is_a_trial"],
    "why research is needed": ["why_trials"],
    "phases": ["trial_phases"],
    "randomisation": ["randomisation"],
    "placebo": ["placebo"],
    "consent": ["consent"],
    "leaving a trial": ["leaving_a_trial"],
    "costs and travel": ["trial_costs"],
    "how to find and join a trial": ["find_a_trial"],
}

# Answers about a treatment (or a scan) -> the lexicon concepts its "Find trials of ..." buttons
# must search for.
TREATMENT_TOPICS: dict[str, set[str]] = {
    "immunotherapy": {"immunotherapy"},
    "pembrolizumab": {"pembrolizumab"},
    "nivolumab": {"nivolumab"},
    "ipilimumab": {"ipilimumab"},
    "somatostatin_analogues": {"somatostatin_analogue"},
    "lanreotide": {"lanreotide"},
    "octreotide": {"octreotide"},
    "ssa_injections": {"lanreotide", "octreotide"},
    "pen_221": {"pen_221"},
    "targeted_drugs": {"targeted_therapy"},
    "everolimus": {"everolimus"},
    "sunitinib": {"sunitinib"},
    "lenvatinib": {"lenvatinib"},
    "axitinib": {"axitinib"},
    "surufatinib": {"surufatinib"},
    "cabozantinib": {"cabozantinib"},
    "pazopanib": {"pazopanib"},
    "chemotherapy": {"chemotherapy"},
    "streptozocin_fluorouracil": {"streptozocin", "fluorouracil"},
    "captem": {"capecitabine_temozolomide"},
    "chemo_and_everolimus": {"everolimus"},
    "what_is_prrt": {"prrt"},
    "prrt_how_given": {"prrt"},
    "prrt_home_safety": {"prrt"},
    "prrt_side_effects": {"prrt"},
    "surgery": {"surgery"},
    "whipple": {"surgery"},
    "pancreas_operations": {"surgery"},
    "watch_and_wait": {"surveillance"},
    "debulking": {"surgery"},
    "liver_treatments": {"liver_directed_therapy"},
    "pet_scans": {"ga68_dotatate"},
    "new_tracer": {"pet_scan"},
}


def knowledge_examples() -> dict[str, list[str]]:
    """Sub-intent -> its training examples, annotations removed."""
    out: dict[str, list[str]] = {}
    for block in KNOWLEDGE_NLU["nlu"]:
        intent = block.get("intent", "")
        if intent.startswith("knowledge/"):
            lines = [line.strip()[2:] for line in block["examples"].splitlines() if line.strip().startswith("- ")]
            out[intent.split("/", 1)[1]] = [ANNOTATION.sub(r"\1", line).strip() for line in lines]
    return out


def all_training_texts() -> set[str]:
    texts: set[str] = set()
    for path in (DATA_DIR / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text()).get("nlu", []) or []:
            for line in (block.get("examples") or "").splitlines():
                if line.strip().startswith("- "):
                    texts.add(ANNOTATION.sub(r"\1", line.strip()[2:]).strip().lower())
    return texts


def all_responses() -> list[tuple[str, dict]]:
    """Every variant a patient can receive: the domain's responses and the knowledge answers."""
    merged = {**DOMAIN["responses"], **KNOWLEDGE_RESPONSES}
    return [(name, variant) for name, variants in merged.items() for variant in variants if variant.get("text")]


RESPONSES = all_responses()
KNOWLEDGE = [(name[len(PREFIX) :], v) for name, v in RESPONSES if name.startswith(PREFIX)]
EXAMPLES = knowledge_examples()


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


def source_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines and lines[-1].startswith("Source: ") else ""


def facts_checked(text: str) -> datetime.date | None:
    """The date in the last line's closing "Facts checked D Month YYYY.", or None."""
    match = FACTS_CHECKED.search(source_line(text))
    if not match:
        return None
    day, month, year = match.groups()
    return datetime.date(int(year), MONTHS.split("|").index(month) + 1, int(day))


def stale_answers(answers: list[tuple[str, dict]], today: datetime.date) -> list[str]:
    """Answers whose facts were last checked more than MAX_FACTS_AGE_MONTHS before today."""
    oldest_allowed = months_before(today, MAX_FACTS_AGE_MONTHS)
    return [
        topic for topic, variant in answers if (facts_checked(variant["text"]) or datetime.date.min) < oldest_allowed
    ]


# ---------------------------------------------------------------------------- readability
@pytest.mark.parametrize("name, variant", RESPONSES, ids=[n for n, _ in RESPONSES])
def test_each_response_is_plain_english_and_short(name: str, variant: dict) -> None:
    text = variant["text"]
    assert grade(text) <= 8, f"{name}: Flesch-Kincaid grade {grade(text)}"
    assert len(text.split()) <= 120, f"{name}: {len(text.split())} words"


def test_median_grade_over_all_responses_is_at_most_six() -> None:
    assert len(KNOWLEDGE) >= len(TOPICS) - 3  # the knowledge answers are really included
    assert statistics.median(grade(v["text"]) for _, v in RESPONSES) <= 6


# ---------------------------------------------------------------------------- safety
def test_no_response_says_anyone_is_eligible_or_what_to_do() -> None:
    assert FORBIDDEN.search("Good news: you are eligible") and FORBIDDEN.search("You qualify")
    assert [n for n, v in RESPONSES if FORBIDDEN.search(v["text"])] == []


def test_knowledge_answers_state_no_percentages() -> None:
    """Figures from single studies and figures the sources disagree on are left out."""
    assert [t for t, v in KNOWLEDGE if "%" in v["text"] or "per cent" in v["text"]] == []


def test_every_phone_number_in_a_knowledge_answer_is_verified() -> None:
    verified = (DATA_DIR / "contacts.yml").read_text()
    for topic, variant in KNOWLEDGE:
        for number in re.findall(r"\b0\d{2,4}[ \d]{5,12}\d\b|\b(?:999|111|112)\b", variant["text"]):
            assert f'"{number.strip()}"' in verified, f"{topic}: {number} is not in data/contacts.yml"


@pytest.mark.skipif(not (SHARED / "reference" / "knowledge-facts.md").exists(), reason="../shared not present")
def test_every_number_in_an_answer_is_in_the_sources() -> None:
    sources = (SHARED / "reference" / "knowledge-facts.md").read_text()
    sources += "".join(p.read_text() for p in (SHARED / "seeds").glob("*.txt"))
    sources += "".join(p.read_text() for p in SHIPPED_TRIALS_DIR.glob("*.json"))
    sources += (DATA_DIR / "contacts.yml").read_text()
    for topic, variant in KNOWLEDGE:
        for number in re.findall(r"\d+", variant["text"]):
            assert number in sources, f"{topic}: {number} is in no source"


# ---------------------------------------------------------------------------- sources and dates
@pytest.mark.parametrize("topic, variant", KNOWLEDGE, ids=[t for t, _ in KNOWLEDGE])
def test_each_answer_names_its_source_and_when_it_was_reviewed(topic: str, variant: dict) -> None:
    line = FACTS_CHECKED.sub("", source_line(variant["text"])).rstrip()  # the check date is tested below
    assert line, f"{topic}: the last line must start with 'Source: '"
    assert re.search(r"[A-Z]", line[len("Source: ") :]), f"{topic}: no source named"
    dated = FULL_DATE.search(line) or re.search(r"\b(?:19|20)\d{2}\b", line)
    # knowledge-facts.md records no page dates and no compile date: say so, never invent one.
    assert dated or "(date not recorded)" in line, f"{topic}: no review date and no '(date not recorded)'"
    if "page reviewed" in line or "research page reviewed" in line:
        assert f"reviewed {CRUK_PAGE_REVIEWED}" in line, f"{topic}: the CRUK page was reviewed {CRUK_PAGE_REVIEWED}"


@pytest.mark.parametrize("topic, variant", KNOWLEDGE, ids=[t for t, _ in KNOWLEDGE])
def test_each_answer_ends_with_the_date_its_facts_were_checked(topic: str, variant: dict) -> None:
    checked = facts_checked(variant["text"])
    assert checked, f"{topic}: the last line must end with 'Facts checked D Month YYYY.'"
    assert checked <= datetime.date.today(), f"{topic}: facts checked {checked}, a day still to come"


def test_every_answer_uses_the_same_check_date_sentence() -> None:
    """One check date per review of the facts file: answers checked together say so alike."""
    dates = {facts_checked(v["text"]) for _, v in KNOWLEDGE}
    assert None not in dates
    assert len(dates) == 1, f"answers give different check dates: {sorted(dates)}; re-check them together"


def test_no_answer_was_checked_more_than_twelve_months_ago() -> None:
    """Fails a year after the last check: re-check every answer against knowledge-facts.md
    (and the facts file against its sources), then move the date on (docs/knowledge.md)."""
    today = datetime.date.today()
    assert stale_answers(KNOWLEDGE, today) == [], (
        f"facts not checked since {months_before(today, MAX_FACTS_AGE_MONTHS)}: re-check these answers"
    )


def test_the_age_check_itself_catches_old_and_undated_answers() -> None:
    """The checks above can fail: an old date, a missing date and the day after the limit."""
    today = datetime.date(2027, 12, 5)
    fresh = {"text": "Facts.\n\nSource: Cancer Research UK (date not recorded). Facts checked 5 December 2026."}
    edge = {"text": "Facts.\n\nSource: Cancer Research UK (date not recorded). Facts checked 4 December 2026."}
    undated = {"text": "Facts.\n\nSource: Cancer Research UK (date not recorded)."}
    assert stale_answers([("fresh", fresh), ("edge", edge), ("undated", undated)], today) == ["edge", "undated"]
    assert months_before(datetime.date(2028, 2, 29), 12) == datetime.date(2027, 2, 28)
    assert facts_checked(undated["text"]) is None


@pytest.mark.skipif(not (SHARED / "seeds").exists(), reason="../shared not present")
def test_the_cruk_review_date_is_the_seed_pages_date() -> None:
    seed = (SHARED / "seeds" / "cruk-pancreatic-net-research-and-trials.txt").read_text()
    day, month, year = CRUK_PAGE_REVIEWED.split()
    assert re.search(rf"Last reviewed:\s*{day} {month[:3]} {year}", seed)


def test_trial_record_dates_match_the_shipped_records() -> None:
    for topic, variant in KNOWLEDGE:
        for nct, day, month, year in re.findall(
            rf"(NCT\d{{8}}), last\s+updated (\d{{1,2}}) ({MONTHS}) (\d{{4}})", source_line(variant["text"])
        ):
            record = json.loads((SHIPPED_TRIALS_DIR / f"{nct}.json").read_text())
            iso = f"{year}-{MONTHS.split('|').index(month) + 1:02d}-{int(day):02d}"
            status = record.get("protocolSection", {}).get("statusModule", {})
            shown = [status.get("lastUpdatePostDateStruct", {}).get("date"), status_as_of(record)]
            assert iso in shown, f"{topic}: {nct} was last updated {shown}, not {iso}"


# ---------------------------------------------------------------------------- next steps (buttons)
@pytest.mark.parametrize("topic, variant", KNOWLEDGE, ids=[t for t, _ in KNOWLEDGE])
def test_each_answer_offers_a_nurse(topic: str, variant: dict) -> None:
    buttons = variant.get("buttons") or []
    assert {"title": "Talk to a nurse", "payload": "/ask_helpline"} in buttons, topic
    assert 2 <= len(buttons) <= 4, f"{topic}: {len(buttons)} buttons"


@pytest.mark.parametrize("topic", sorted(TREATMENT_TOPICS))
def test_each_treatment_answer_offers_trials_of_it(topic: str) -> None:
    lexicon = default_lexicon()
    variant = KNOWLEDGE_RESPONSES[PREFIX + topic][0]
    found: set[str] = set()
    for button in variant["buttons"]:
        match = re.fullmatch(r"/search_trials(\{.*\})", button["payload"])
        if match and button["title"].startswith("Find trials of "):
            name = json.loads(match.group(1))["treatment"]
            tags = lexicon.resolve("treatment", name)
            assert tags, f"{topic}: the lexicon does not know {name!r}"
            found.update(tag.split(":", 1)[1] for tag in tags)
    assert TREATMENT_TOPICS[topic] <= found, f"{topic}: 'Find trials of' buttons search {found}"


def test_every_button_payload_leads_somewhere_real() -> None:
    lexicon = default_lexicon()
    questions = {example for examples in EXAMPLES.values() for example in examples}
    for name, variant in RESPONSES:
        for button in variant.get("buttons") or []:
            payload = button["payload"]
            # Rasa 3.6 rejects /knowledge/<topic> (not a domain intent) and classifies the raw text.
            assert not payload.startswith("/knowledge"), f"{name}: {payload} does not reach its answer"
            if not payload.startswith("/"):
                assert payload in questions, f"{name}: {payload!r} is not a trained knowledge question"
            elif payload.startswith("/search_trials{"):
                for kind, value in json.loads(payload[len("/search_trials") :]).items():
                    assert kind in ("treatment", "condition") and lexicon.resolve(kind, value), f"{name}: {payload}"
            elif payload.startswith("/show_trial{"):
                nct = json.loads(payload[len("/show_trial") :])["nct_id"]
                assert (SHIPPED_TRIALS_DIR / f"{nct}.json").exists(), f"{name}: {nct} is not a shipped trial"
            else:
                assert payload[1:] in DOMAIN["intents"], f"{name}: {payload} is not a domain intent"


# ---------------------------------------------------------------------------- coverage and data
def test_every_topic_of_the_issue_has_a_sub_intent_with_an_answer() -> None:
    for topic, sub_intents in TOPICS.items():
        for sub_intent in sub_intents:
            assert sub_intent in EXAMPLES, f"{topic}: no examples for knowledge/{sub_intent}"
            assert PREFIX + sub_intent in KNOWLEDGE_RESPONSES, f"{topic}: no answer utter_knowledge/{sub_intent}"


def test_sub_intents_and_answers_match_one_to_one_with_enough_examples() -> None:
    assert set(EXAMPLES) == {name[len(PREFIX) :] for name in KNOWLEDGE_RESPONSES}
    assert set(EXAMPLES) == {s for subs in TOPICS.values() for s in subs}
    assert {t: len(e) for t, e in EXAMPLES.items() if len(e) < 12} == {}
    texts = [e.lower() for examples in EXAMPLES.values() for e in examples]
    assert len(texts) == len(set(texts)), "an example is listed under two sub-intents"


def test_annotated_treatments_are_known_to_the_lexicon() -> None:
    lexicon = default_lexicon()
    for block in KNOWLEDGE_NLU["nlu"]:
        for value, entity in ANNOTATION.findall(block.get("examples", "")):
            if entity in ("treatment", "condition"):
                assert lexicon.resolve(entity, value), f"{block['intent']}: [{value}]({entity})"


def test_the_domain_rules_and_config_wire_up_the_retrieval_intent() -> None:
    assert "knowledge" in DOMAIN["intents"]
    rules = yaml.safe_load((DATA_DIR / "rules" / "knowledge.yml").read_text())["rules"]
    answer = [{"intent": "knowledge"}, {"action": "action_answer_knowledge"}, {"action": "utter_ask_feedback"}]
    assert any(r["steps"] == answer for r in rules)
    config = yaml.safe_load((REPO_ROOT / "config.yml").read_text())
    selectors = [c for c in config["pipeline"] if c["name"] == "components.topic_selector.TopicSelector"]
    assert selectors and selectors[0]["retrieval_intent"] == "knowledge"


# ---------------------------------------------------------------------------- test stories
def story_turns() -> list[tuple[str, str, str]]:
    """(user text without annotations, intent, the action that follows) for each test turn."""
    turns = []
    for story in TEST_STORIES:
        steps = story["steps"]
        for i, step in enumerate(steps):
            if "user" in step:
                action = steps[i + 1].get("action", "") if i + 1 < len(steps) else ""
                turns.append((ANNOTATION.sub(r"\1", step["user"]).strip(), step["intent"], action))
    return turns


def test_each_sub_intent_is_tested_with_three_new_phrasings() -> None:
    training = all_training_texts()
    turns = story_turns()
    assert [text for text, _, _ in turns if text.lower() in training] == []
    for sub_intent in EXAMPLES:
        phrasings = {
            t
            for t, intent, action in turns
            if intent == f"knowledge/{sub_intent}" and action == "action_answer_knowledge"
        }
        assert len(phrasings) >= 3, f"knowledge/{sub_intent}: {len(phrasings)} test phrasings"


def test_off_topic_and_other_cancer_questions_get_the_out_of_scope_answer() -> None:
    out = [
        text.lower()
        for text, intent, action in story_turns()
        if intent == "out_of_scope" and action == "action_answer_out_of_scope"
    ]
    assert any("cancer" in t for t in out), "a question about another cancer"
    assert any("cancer" not in t for t in out), "an off-topic question"


def test_a_follow_up_about_it_searches_trials_after_a_knowledge_answer() -> None:
    for story in TEST_STORIES:
        flat = [s.get("intent") or s.get("action") for s in story["steps"]]
        flat = [step for step in flat if step != "utter_ask_feedback"]
        if flat[:4] == ["knowledge/lanreotide", "action_answer_knowledge", "search_trials", "action_search_trials"]:
            return
    pytest.fail("no test story: knowledge about lanreotide, then 'trials of it'")


def test_json_in_button_payloads_is_written_so_the_interpolator_leaves_it_alone() -> None:
    """A single `{` in a response is read by Rasa as a slot name: it logs an error with a traceback
    on every reply that uses it. JSON in a payload must be written `{{...}}`."""
    raw = yaml.safe_load((DATA_DIR / "nlu" / "knowledge_responses.yml").read_text())["responses"]
    for name, variants in raw.items():
        for variant in variants:
            for button in variant.get("buttons") or []:
                payload = button["payload"]
                if "{" in payload:
                    assert "{{" in payload and "}}" in payload, f"{name}: {payload}"
