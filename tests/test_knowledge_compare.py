"""Two treatments, tests or kinds of treatment side by side (bot/knowledge/, issue 16 part 2):
the fact table, finding the two in a message, the parallel parts, and the action."""

from __future__ import annotations

import datetime
import re

import pytest
import textstat
from sqlalchemy.exc import OperationalError

import actions.compare_trials as compare_action
from actions.compare_trials import WHICH_TWO, ActionCompareTrials
from bot.config import REPO_ROOT
from bot.knowledge.compare import (
    FIELDS,
    NOT_COVERED,
    NOT_SEARCHABLE,
    NOTHING_APART,
    SAME_TEAM,
    WHO_CHOOSES_TEST,
    WHO_WEIGHS,
    compare_treatments,
)
from bot.knowledge.names import find_treatments
from bot.knowledge.pair import two_named
from bot.knowledge.treatments import BY_ID, FACTS_CHECKED, TREATMENTS, Treatment
from bot.knowledge.trial_counts import search_phrase
from bot.lexicon import default_lexicon
from bot.trials.query import TrialQuery
from bot.trials.store import TrialStore
from tests.helpers.actions import run, tracker
from tests.helpers.facts_age import MAX_FACTS_AGE_MONTHS, months_before

FACTS_FILE = REPO_ROOT.parent / "shared" / "reference" / "knowledge-facts.md"
SMS_BODY = 1600  # bot/channels/limits.py TWILIO_BODY: one SMS message, however many segments
LONGEST_LINE = 200
CLOSINGS = (WHO_WEIGHS, WHO_CHOOSES_TEST, SAME_TEAM)
RANKING = re.compile(
    r"\b(?:is|are|works?) (?:better|best|worse|safer|stronger)\b|\bbetter than\b|\bthe best\b"
    r"|\bi(?:'d| would) (?:choose|pick|go for)\b",
    re.I,
)
ORDER = [
    "How it works",
    "What it shows",
    "How it is given",
    "How it is done",
    "Side effects",
    "Possible after-effects",
    "Where it stands",
    "Open trials in our list",
    "Open trials of surgery in our list",
]
FORBIDDEN = re.compile(r"\beligib|\bqualif|\byou (?:should|must|need to)\b|\bask for\b", re.I)

# Realistic questions (lower case, typos, text-speak) -> the two entries, in the order named.
PAIRS: list[tuple[str, str, str]] = [
    ("lanreotide or octreotide?", "lanreotide", "octreotide"),
    ("lanreotide or octreotide which 1", "lanreotide", "octreotide"),
    ("whats the difference between lutathera and everolimus", "prrt", "everolimus"),
    ("lutathera v everolimus", "prrt", "everolimus"),
    ("PRRT vs chemo", "prrt", "chemotherapy"),
    ("gallium scan or CT", "ga68_dotatate", "ct_scan"),
    ("sunitinib versus everolimus which is better", "sunitinib", "everolimus"),
    ("is PRRT better than sunitinib", "prrt", "sunitinib"),
    ("177Lu-DOTATATE compared to everolimus", "prrt", "everolimus"),
    ("somatuline or sandostatin, whats the diff", "lanreotide", "octreotide"),
    ("lanreotid vs octreotid", "lanreotide", "octreotide"),
    ("evrolimus or sunitnib", "everolimus", "sunitinib"),
    ("everolimis or sunitinib", "everolimus", "sunitinib"),  # a typo the lexicon does not list
    ("dad's team said either captem or PRRT next. what's the difference", "captem", "prrt"),
    ("FDG PET vs gallium PET? my report mentions both", "fdg_pet", "ga68_dotatate"),
    ("octreotide scan compared with a gallium pet scan", "octreotide_scan", "ga68_dotatate"),
    ("TAE vs TACE??", "liver_embolisation", "tace"),
    ("what is the difference between SIRT and chemoembolisation for liver mets", "sirt", "tace"),
    ("ablation or surgery for a small liver spot", "liver_ablation", "surgery"),
    ("enucleation vs whipple, which is less of an op", "enucleation", "whipple"),
    ("watch and wait or have it out - what's the difference", "surveillance", "surgery"),
    ("MEN1 son, small pnet: lanreotide or just watching it?", "lanreotide", "surveillance"),
    ("keytruda vs opdivo?", "pembrolizumab", "nivolumab"),
    ("cabozantinib or sunitinib", "cabozantinib", "sunitinib"),
    ("streptozocin vs captem what are the differences", "streptozocin", "captem"),
    ("difference between capecitabine and temozolomide? they're both in captem right", "capecitabine", "temozolomide"),
    ("chemo vs the targeted tablets like everolimus - whats the actual difference", "chemotherapy", "everolimus"),
    ("the jab in my bum vs tablets - lanreotide or everolimus, how are they different", "lanreotide", "everolimus"),
    ("platinum chemo or capTEM for NEC?", "platinum_chemotherapy", "captem"),
    ("mri or ct scan?", "mri_scan", "ct_scan"),
    ("chromogranin a blood test vs a gallium scan", "chromogranin_a", "ga68_dotatate"),
    ("EUS or CT, they want both", "eus", "ct_scan"),
    ("pros and cons of the monthly injection vs lutathera", "somatostatin_analogue", "prrt"),
    ("immunotherapy versus chemotherapy", "immunotherapy", "chemotherapy"),
    ("radioactive drip or sutent", "prrt", "sunitinib"),
    ("which is worse for side effects, afinitor or captem", "everolimus", "captem"),
]
# Never two known treatments or tests asked about side by side.
NOT_PAIRS = [
    "lanreotide side effects",
    "tell me about prrt",
    "compare the first two",
    "compare NCT03972488 and NCT01578239",
    "I take lanreotide and everolimus",  # two named, nothing asks to compare them
    "radiotherapy vs surgery",  # radiotherapy: no facts for it
    "al18f nota octreotide vs the new tracer",  # scans the table has no facts for
    "",
]


def fact_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("- ")]


def parts(text: str) -> list[str]:
    return text.split("\n\n")


# ---------------------------------------------------------------------------- the table
def test_the_table_covers_what_the_facts_file_covers() -> None:
    expected = {
        "lanreotide",
        "octreotide",
        "somatostatin_analogue",
        "everolimus",
        "sunitinib",
        "cabozantinib",
        "prrt",
        "captem",
        "capecitabine",
        "temozolomide",
        "streptozocin",
        "platinum_chemotherapy",
        "chemotherapy",
        "surgery",
        "whipple",
        "enucleation",
        "distal_pancreatectomy",
        "surveillance",
        "liver_directed_therapy",
        "liver_embolisation",
        "tace",
        "sirt",
        "liver_ablation",
        "immunotherapy",
        "pembrolizumab",
        "nivolumab",
        "ga68_dotatate",
        "ct_scan",
        "mri_scan",
        "octreotide_scan",
        "fdg_pet",
        "eus",
        "chromogranin_a",
        "hiaa",
        "biopsy",
    }
    assert expected <= set(BY_ID)
    assert len(BY_ID) == len(TREATMENTS)  # ids unique


@pytest.mark.parametrize("entry", TREATMENTS, ids=[t.id for t in TREATMENTS])
def test_each_entry_is_typed_dated_and_tied_to_the_lexicon(entry: Treatment) -> None:
    lexicon = default_lexicon()
    assert entry.name and entry.what and entry.sources and entry.checked <= datetime.date.today()
    assert entry.works or entry.stands, f"{entry.id}: says nothing"
    for concept in (*entry.lexicon_ids, *entry.trial_concepts):
        assert f"treatment:{concept}" in lexicon.concepts, f"{entry.id}: {concept} is not in data/lexicon"
    for kind in entry.part_of:
        assert kind in BY_ID and BY_ID[kind].category in (entry.category, "treatment", "procedure"), kind
    if entry.trial_concepts:  # the search finds exactly the entry's concepts, nothing broader or narrower
        phrase = search_phrase(entry)
        assert phrase and set(lexicon.resolve("treatment", phrase)) == {f"treatment:{c}" for c in entry.trial_concepts}


def stale(entries: tuple[Treatment, ...], today: datetime.date) -> list[str]:
    oldest_allowed = months_before(today, MAX_FACTS_AGE_MONTHS)
    return [t.id for t in entries if t.checked < oldest_allowed]


def test_no_fact_was_checked_more_than_twelve_months_ago() -> None:
    """Fails a year after the last check: re-check the table against knowledge-facts.md (and its
    latest "Changes on" section), then move FACTS_CHECKED on, as for the knowledge answers."""
    assert stale(TREATMENTS, datetime.date.today()) == [], (
        f"facts not checked since {months_before(datetime.date.today(), MAX_FACTS_AGE_MONTHS)}: re-check them"
    )


def test_the_age_check_itself_catches_an_old_table() -> None:
    assert stale(TREATMENTS, FACTS_CHECKED + datetime.timedelta(days=365)) == []
    a_year_and_a_day = datetime.date(FACTS_CHECKED.year + 1, FACTS_CHECKED.month, FACTS_CHECKED.day + 1)
    assert len(stale(TREATMENTS, a_year_and_a_day)) == len(TREATMENTS)


@pytest.mark.skipif(not FACTS_FILE.exists(), reason="../shared not present")
def test_every_number_and_name_in_the_table_is_in_the_facts_file() -> None:
    source = FACTS_FILE.read_text()
    for entry in TREATMENTS:
        text = " ".join(v for v in (entry.name, entry.what, *(getattr(entry, f) or "" for f in FIELDS)))
        for number in re.findall(r"\d+", text):
            assert number in source, f"{entry.id}: {number} is in no source"
        for brand in re.findall(r"\(([A-Z][a-z]+(?: [A-Z][a-z]+)?)\)", entry.name):
            assert brand in source, f"{entry.id}: {brand} is not in the facts file"


def test_the_cautions_of_the_facts_file_are_kept() -> None:
    assert "Europe" not in BY_ID["cabozantinib"].stands and "EU" not in BY_ID["cabozantinib"].stands
    assert "only in China" in BY_ID["surufatinib"].stands
    assert "mainly" in BY_ID["immunotherapy"].stands and "trials" in BY_ID["immunotherapy"].stands
    assert "8 or more weeks" in BY_ID["prrt"].given  # centres space cycles 8 to 16 weeks apart
    assert "not pancreatic" in BY_ID["octreotide"].stands  # PROMID was in midgut NETs
    assert "not for NETs" in BY_ID["sirt"].stands  # no routine NHS SIRT for NETs
    assert "debated" in BY_ID["surveillance"].stands and "MEN1" in BY_ID["surveillance"].stands  # sporadic only


# ---------------------------------------------------------------------------- finding the two
@pytest.mark.parametrize("text, first, second", PAIRS, ids=[p[0] for p in PAIRS])
def test_the_two_named(text: str, first: str, second: str) -> None:
    pair = two_named(text)
    assert pair is not None, text
    assert (pair.first.treatment.id, pair.second.treatment.id) == (first, second)


@pytest.mark.parametrize("text", NOT_PAIRS)
def test_no_pair(text: str) -> None:
    assert two_named(text) is None and compare_treatments(text) is None


def test_known_to_ask_for_a_comparison_two_names_are_enough() -> None:
    pair = two_named("lanreotide and everolimus", asked_to_compare=True)
    assert pair is not None and (pair.first.treatment.id, pair.second.treatment.id) == ("lanreotide", "everolimus")


def test_names_resolve_as_the_rest_of_the_bot_resolves_them() -> None:
    for typed in ("lutathera", "177Lu-DOTATATE", "PRRT", "the radioactive drip", "lutetium-177 dotatate"):
        assert [m.treatment.id for m in find_treatments(typed)] == ["prrt"], typed
    # the longest name wins: a scan is not the drug, TACE is not chemotherapy
    assert [m.treatment.id for m in find_treatments("octreotide scan")] == ["octreotide_scan"]
    assert [m.treatment.id for m in find_treatments("chemo into the liver")] == ["tace"]
    assert find_treatments("al18f nota octreotide") == []


# ---------------------------------------------------------------------------- the answer
@pytest.mark.parametrize("text, first, second", PAIRS, ids=[p[0] for p in PAIRS])
def test_two_parallel_parts_from_the_table_never_ranked(text: str, first: str, second: str) -> None:
    answer = compare_treatments(text)
    assert answer
    a, b = BY_ID[first], BY_ID[second]
    closing = parts(answer)[-1]
    assert closing.splitlines()[0] in CLOSINGS and closing.endswith(f"Facts checked {FACTS_CHECKED.day} December 2026.")
    body = answer[: answer.rindex(closing)]
    assert not RANKING.search(body) and not FORBIDDEN.search(answer), answer
    known = {getattr(e, f) for e in (a, b) for f in FIELDS if getattr(e, f)} | {NOT_COVERED, NOT_SEARCHABLE}
    for line in fact_lines(answer):  # every fact is the table's, word for word
        assert line.split(": ", 1)[1] in known, line
    if a.id in b.part_of or b.id in a.part_of:
        return
    heads = [p.split(":")[0] for p in parts(answer)]
    for entry in (a, b):  # each has its part, unless the two share every fact
        assert entry.name in heads or NOTHING_APART in answer
    for part in parts(answer):  # the same questions in the same order in each part
        order = [ORDER.index(line[2:].split(":")[0]) for line in fact_lines(part)]
        assert order == sorted(order), part


@pytest.mark.parametrize("text", [p[0] for p in PAIRS])
def test_it_fits_a_chat_bubble_and_an_sms_and_reads_easily(text: str, store: TrialStore) -> None:
    answer = compare_treatments(text, store)
    assert answer and len(answer) <= SMS_BODY, f"{len(answer)} characters"
    assert max(len(line) for line in answer.splitlines()) <= LONGEST_LINE
    assert "|" not in answer and "\t" not in answer  # no tables
    assert textstat.flesch_kincaid_grade(answer) <= 8, answer  # as the knowledge answers
    for part in parts(answer):  # our words; the source line is publishers' names
        if not part.startswith("Source: "):
            assert textstat.flesch_kincaid_grade(part) <= 10, part  # as the trials side by side, line by line


@pytest.mark.parametrize("entry", TREATMENTS, ids=[t.id for t in TREATMENTS])
def test_every_entry_reads_easily(entry: Treatment) -> None:
    for field in FIELDS:
        fact = getattr(entry, field)
        if fact:
            assert len(fact) <= 180 and textstat.flesch_kincaid_grade(fact) <= 10, f"{entry.id}.{field}: {fact}"


def test_an_example_answer_in_full() -> None:
    answer = compare_treatments("lanreotide or octreotide?")
    assert answer is not None
    intro, lanreotide, octreotide, both, source, closing = parts(answer)
    assert source == (
        "Source: Cancer Research UK, Neuroendocrine Cancer UK, CLARINET trial reports and others (date not recorded)."
    )
    assert intro == "Lanreotide or octreotide, side by side. Both are somatostatin analogues (SSAs)."
    assert lanreotide.startswith("Lanreotide (Somatuline Autogel): a somatostatin analogue (SSA)\n- How it works: ")
    assert "deep under the skin" in lanreotide.lower() and "buttock muscle" in octreotide
    assert both.startswith("For both:\n- Side effects: Usually few")  # said once, not twice
    assert "Side effects" not in lanreotide + octreotide
    assert closing == f"{WHO_WEIGHS}\nFacts checked 4 December 2026."


def test_open_trials_of_each_and_trials_of_both_from_our_list(store: TrialStore) -> None:
    answer = compare_treatments("lutathera v everolimus", store)
    assert answer is not None
    for typed, entry in (("lutathera", "PRRT (Lutathera"), ("everolimus", "Everolimus (Afinitor)")):
        total = store.search(TrialQuery(treatment=typed, status="open", limit=1)).total
        part = next(p for p in parts(answer) if p.startswith(entry))
        assert f"- Open trials in our list: {total if total else 'none right now'}" in part
    assert re.search(r"Trials of both in our list: .*COMPETE", answer)
    whipple = compare_treatments("enucleation vs whipple", store)
    assert whipple and "- Open trials of surgery in our list: " in whipple  # what was counted is said
    ct = compare_treatments("gallium scan or CT", store)
    assert ct and f"- Open trials in our list: {NOT_SEARCHABLE}" in parts(ct)[2]  # no trial search for a CT scan


def test_a_kind_and_one_of_its_members_or_one_thing_twice() -> None:
    member = compare_treatments("lanreotide or somatostatin analogues?")
    assert member and member.startswith("Lanreotide is one of the somatostatin analogues (SSAs), so they are not two")
    chemo = compare_treatments("chemo or captem whats the difference")
    assert chemo and chemo.startswith("CAPTEM is a kind of chemotherapy, so they are not two different options.")
    assert member.count("Lanreotide (Somatuline Autogel)") == 1 and "Octreotide" not in member
    same = compare_treatments("177Lu-DOTATATE or PRRT, whats the difference")
    assert same and same.startswith("177Lu-DOTATATE and PRRT are names for the same thing.")
    assert parts(same)[-1].startswith(SAME_TEAM) and not RANKING.search(same)


def test_two_tests_with_the_same_facts_say_so_once() -> None:
    answer = compare_treatments("mri or ct scan?")
    assert answer and NOTHING_APART in answer and answer.lower().count("how big a tumour is") == 1
    assert "MRI scan: a scan" not in answer  # no heading with nothing under it
    assert WHO_CHOOSES_TEST in answer and "better" not in answer
    assert "is better" not in WHO_WEIGHS + WHO_CHOOSES_TEST + SAME_TEAM  # not even "I can't say which is better"


# ---------------------------------------------------------------------------- the action
pytestmark_action = pytest.mark.usefixtures("database_url_env")


@pytestmark_action
def test_the_action_answers_two_treatments_and_keeps_comparing_trials() -> None:
    _, messages = run(
        ActionCompareTrials(), tracker("lanreotide or octreotide which 1", slots={}, intent="compare_trials")
    )
    assert len(messages) == 1 and messages[0]["text"].startswith("Lanreotide or octreotide, side by side.")
    assert "Open trials in our list" in messages[0]["text"]
    _, messages = run(ActionCompareTrials(), tracker("PRRT and everolimus", slots={}, intent="compare_trials"))
    assert messages[0]["text"].startswith("PRRT or everolimus, side by side.")  # the intent asks to compare
    shown = ["NCT07273409", "NCT02749331", "NCT03972488"]
    _, messages = run(ActionCompareTrials(), tracker("compare the first two", slots={"result_ids": shown}))
    assert messages[0]["text"].startswith("NCT07273409")
    text = "compare NCT03972488 and NCT01578239 - both lutathera vs octreotide"
    _, messages = run(ActionCompareTrials(), tracker(text, slots={}))
    assert messages[0]["text"].startswith("NCT03972488")  # two trials named: the trials, not the drugs
    _, messages = run(ActionCompareTrials(), tracker("compare them", slots={}))
    assert messages[0]["text"] == WHICH_TWO and "treatments" in WHICH_TWO
    _, messages = run(ActionCompareTrials(), tracker("EUS or CT, they want both", slots={}))
    assert messages[0]["text"].startswith("Endoscopic ultrasound or CT scan")  # EUS is also a trial's acronym


@pytestmark_action
def test_a_trial_named_keeps_the_question_about_trials() -> None:
    _, messages = run(
        ActionCompareTrials(),
        tracker("pantodon vs NCT05610826, both surgery+PRRT ones?", slots={"focus_nct_id": "NCT07273409"}),
    )
    assert messages[0]["text"].startswith("NCT05610826") and "NCT07273409" in messages[0]["text"]


@pytestmark_action
def test_the_action_still_gives_the_facts_when_the_database_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        lexicon = default_lexicon()

        def __getattr__(self, name: str) -> None:  # search, names, ...: every read fails
            raise OperationalError("SELECT", {}, Exception("database is locked"))

    monkeypatch.setattr(compare_action, "trial_store", lambda: Broken())
    _, messages = run(ActionCompareTrials(), tracker("gallium scan or CT?", slots={}))
    assert messages[0]["text"].startswith("Gallium-68 DOTATATE PET-CT scan or CT scan, side by side.")
    assert "Open trials" not in messages[0]["text"]
