"""The glossary file and the patient-facing wording rules."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.config import REPO_ROOT
from bot.eligibility.forbidden_words import FORBIDDEN, neutral, tells_can_join
from bot.eligibility.glossary import GLOSSARY_PATH, _entry, load_entries
from bot.eligibility.plain import rewrite
from bot.eligibility.replacer import Entry, Replacer

# The terms ISSUE 4 names, each with a text it must turn into everyday words.
REQUIRED_TERMS = {
    "histology": "Confirmed by histology or cytology",
    "cytology": "Confirmed by cytology",
    "MDT": "Risk too high by MDT",
    "ECOG": "ECOG performance status 0-1",
    "WHO performance status": "WHO performance status 0-2",
    "RECIST": "Measurable disease per RECIST 1.1",
    "Ki-67": "Ki-67 index below 20%",
    "SSTR": "SSTR positive disease",
    "ULN": "Bilirubin at most 1.5 x ULN",
    "CT": "Stage checked by CT",
    "PET/CT": "Seen on PET/CT",
    "grade": "NET grade 1-2",
    "stage": "AJCC stage 4",
    "metastatic": "Metastatic pancreatic NET",
    "resectable": "Tumour not resectable",
    "comorbidity": "Not fit due to comorbidity",
}


@pytest.mark.parametrize("term, text", REQUIRED_TERMS.items(), ids=list(REQUIRED_TERMS))
def test_required_terms_become_everyday_words(term: str, text: str) -> None:
    plain = rewrite(text)
    assert plain != text
    jargon = {
        "histology": "histology",
        "cytology": "cytology",
        "MDT": "MDT",
        "metastatic": "etastatic",
        "resectable": "resectable",
        "comorbidity": "comorbidity",
    }  # ULN stays, explained beneath
    if term in jargon:
        assert jargon[term] not in plain, plain


def test_every_entry_is_valid_and_patterns_compile() -> None:
    entries = load_entries()
    assert len(entries) > 300
    Replacer(entries)  # compiles every form and pattern


def test_entries_never_drop_a_number() -> None:
    with pytest.raises(ValueError, match="drop"):
        _entry({"term": "12-lead ECG", "plain": "heart trace"})
    with pytest.raises(ValueError, match="number"):
        _entry({"term": "x", "plain": "y", "explain": "Take 2 a day."})


def test_a_term_is_explained_once_per_text() -> None:
    first, second = rewrite_pair("Platelets at least 100", "Platelets at least 75")
    assert first.count("Platelets help the blood clot.") == 1
    assert "Platelets help" not in second


def rewrite_pair(a: str, b: str) -> list[str]:
    from bot.eligibility.plain import rewrite_lines

    return rewrite_lines([a, b])


def test_longest_phrase_wins_and_replacements_are_not_rewritten() -> None:
    r = Replacer([Entry("CT", "CT scan"), Entry("PET/CT", "PET-CT scan"), Entry("scan", "picture")])
    assert r.rewrite("PET/CT and CT") == "PET-CT scan and CT scan"


def test_abbreviation_in_brackets_after_its_long_form_is_not_repeated() -> None:
    assert rewrite("White blood cell (WBC) count at least 4,000") == "White blood cells at least 4,000."


# The phrases are built from parts so that no file of ours contains them whole.
ELIGIBLE, QUALIFY = "eligi" + "ble", "quali" + "fy"


def test_forbidden_pattern_catches_the_phrases() -> None:
    for phrase in (
        f"you are {ELIGIBLE}",
        f"You {QUALIFY}",
        f"you will {QUALIFY}",
        f"you're {ELIGIBLE}",
        "you are able to " + "take part",
    ):
        assert tells_can_join(phrase), phrase
    for phrase in ("You may be able to join if:", "the trial team decides", f"{ELIGIBLE.title()} patients have"):
        assert not tells_can_join(phrase), phrase
    assert not tells_can_join(neutral(f"Subjects are {ELIGIBLE} if X; you will {QUALIFY}"))


def test_registry_eligibility_words_are_rewritten() -> None:
    assert not tells_can_join(rewrite(f"Subjects are {ELIGIBLE} if they are 18 or over"))
    assert "eligib" not in rewrite(f"All patients are considered {ELIGIBLE} for participation").lower()


SCANNED = [
    GLOSSARY_PATH,
    *sorted((REPO_ROOT / "bot" / "eligibility").glob("*.py")),
    REPO_ROOT / "scripts" / "criteria_report.py",
    *sorted(Path(__file__).parent.glob("test_eligibility_*.py")),
    Path(__file__).parent / "data" / "criteria_labels.yml",
]


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: p.name)
def test_no_data_or_code_file_tells_anyone_they_can_join(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    # the pattern's own source is the one place the words may appear, split up by regex syntax
    assert not FORBIDDEN.search(text.replace("\\s+", " ")), f"{path.name} holds a phrase telling someone they can join"


def test_glossary_file_is_yaml_with_terms() -> None:
    data = yaml.safe_load(GLOSSARY_PATH.read_text())
    terms = {e["term"].lower() for e in data["terms"]}
    assert {
        "histologically confirmed",
        "mdt",
        "ecog performance status",
        "recist",
        "ki-67",
        "sstr",
        "uln",
        "ct",
        "pet/ct",
        "comorbidity",
        "resectable",
        "metastatic",
    } <= terms


# --- issue 18: the terms the corpus uses most that were still unexplained ------------------

ISSUE_18_SECTION = "more terms from the corpus (issue 18)"


def _issue_18_entries() -> list[dict]:
    text = GLOSSARY_PATH.read_text(encoding="utf-8")
    return yaml.safe_load("terms:\n" + text.split(ISSUE_18_SECTION, 1)[1].split("\n", 1)[1])["terms"]


def test_at_least_150_new_entries_load_and_are_one_short_line() -> None:
    new = _issue_18_entries()
    assert len(new) >= 150
    for raw in new:
        _entry(raw)  # the loader's own checks: no number lost, explanations without numbers
        for words in (raw.get("explain"), raw["plain"]):
            assert words is None or len(words.split()) <= 16, raw["term"]


# Real corpus items and the explanation each must now carry.
EXPLAINED_IN_REAL_ITEMS = {
    "Adequate hematologic function": "blood",
    "Grade 3 or higher peripheral neuropathy per CTCAE v4.0": "The grade is how bad a side effect is",
    "Symptomatic brain metastases": "Symptomatic means",
    "Ischemic heart disease": "does not get enough blood",
    "Prior Whipple procedure or pancreatectomy": "A pancreatectomy is an operation",
    "Tumour involving the celiac axis": "The coeliac axis is a main blood vessel",
    "Krenning score of 3 or 4 on Octreoscan": "The Krenning score rates",
    "EGFR mutation or ALK rearrangement": "EGFR is a gene",
    "Stage T1-2 N0 M0 disease": "lymph node spread (N)",
    "Coronary angiogram within 6 months": "An angiogram is an X-ray or scan",
    "Known HIV-1 infection": "HIV is a virus",
}


@pytest.mark.parametrize("text, words", EXPLAINED_IN_REAL_ITEMS.items(), ids=list(EXPLAINED_IN_REAL_ITEMS))
def test_real_items_get_the_new_explanations(text: str, words: str) -> None:
    assert words in rewrite(text)


def test_a_tumour_grade_is_not_explained_as_a_side_effect_grade() -> None:
    plain = rewrite("Grade 1-2 pancreatic NET")
    assert "tumour grows" in plain and "side effect" not in plain


def test_donor_and_own_cell_transplants_stay_apart() -> None:
    assert "allogeneic" in rewrite("Prior allogeneic stem cell transplant").lower()
    assert "autologous" in rewrite("Prior autologous stem cell transplant").lower()
