"""The profile reader by class (issue 15, session 24): each class with wordings of its own, not copies of the
development set's items."""

from __future__ import annotations

from typing import Optional

import pytest

from bot.profile.model import Profile
from bot.profile.read import read_message, update


def _had(text: str) -> dict[str, Optional[str]]:
    return {t.id: t.outcome for t in read_message(text).treatments}


# -- harm told while the treatment goes on is "ongoing"; "side effects" is for one stopped for its harm -------


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("she's been on everolimus since january, sore mouth and a rash but she's hanging in there", "everolimus"),
        ("on sunitinib 4 months now, the hand and foot thing is grim but we carry on", "sunitinib"),
        ("my husband is on capecitabine, diarrhoea most days but coping", "capecitabine"),
        ("still taking everolimus, mouth ulcers come and go", "everolimus"),
    ],
)
def test_harm_told_while_still_taking_it_is_ongoing(text: str, drug: str) -> None:
    assert _had(text)[drug] == "ongoing"


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("he was on everolimus but the mouth ulcers were so bad they stopped it", "everolimus"),
        ("sunitinib gave her awful blisters so she had to come off it", "sunitinib"),
        ("capecitabine was stopped because of the diarrhoea", "capecitabine"),
    ],
)
def test_harm_that_stopped_it_stays_side_effects(text: str, drug: str) -> None:
    assert _had(text)[drug] == "side effects"


# -- a dose felt in one's own body now: had and ongoing; asked in general: nothing had -----------------------


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("sunitinib blisters on my feet. normal?", "sunitinib"),
        ("capecitabine rash is driving me mad, anyone else?", "capecitabine"),
        ("does everolimus give you a cough or is it just me", "everolimus"),
        ("octreotide lumps are huge this month, is that normal", "octreotide"),
    ],
)
def test_a_dose_felt_now_is_had_and_ongoing(text: str, drug: str) -> None:
    profile = read_message(text)
    assert {t.id: t.outcome for t in profile.treatments}.get(drug) == "ongoing"
    assert drug not in profile.wants.treatment


@pytest.mark.parametrize(
    "text",
    [
        "does sunitinib cause hair loss?",
        "can octreotide make you tired?",
        "does the jab hurt less if it is warm?",
    ],
)
def test_a_question_about_a_drug_in_general_tells_nothing_had_nor_wished(text: str) -> None:
    profile = read_message(text)
    assert profile.treatments == ()
    assert profile.wants.treatment == ()


def test_a_request_for_trials_of_a_drug_is_still_a_wish() -> None:
    assert read_message("any sunitinib trials for pnet?").wants.treatment == ("sunitinib",)


# -- a drug's name with its form, or drugs compared: a topic, not a wish ------------------------------------


@pytest.mark.parametrize("text", ["sunitinib tablets", "octreotide injections", "capecitabine pills?"])
def test_a_name_with_its_form_is_only_a_name(text: str) -> None:
    profile = read_message(text)
    assert profile.wants.treatment == () and profile.treatments == ()


@pytest.mark.parametrize(
    "text",
    [
        "whats the diff between sunitinib and everolimus",
        "octreotide or lanreotide, which one is gentler?",
        "somatuline or sandostatin, is one stronger",
    ],
)
def test_drugs_compared_are_not_wished_for(text: str) -> None:
    assert read_message(text).wants.treatment == ()


# -- medicines for a syndrome's symptoms do not stop working when the tumour grows --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "on octreotide since 2022 and diazoxide for the hypos. the last scan shows it has grown.",
        "lanreotide for 3 years, xermelo added last spring for the runs. now the liver spots are bigger.",
        "she takes xermelo for the flushing as well. the CT says its progressing",
    ],
)
def test_growth_is_not_the_symptom_medicine_stopping_working(text: str) -> None:
    had = _had(text)
    symptom_drug = "diazoxide" if "diazoxide" in text else "telotristat"
    assert had[symptom_drug] != "stopped working"


@pytest.mark.parametrize(
    "text",
    [
        "my wife is on diazoxide as well as the lanreotide",
        "he is on xermelo as well as the octreotide he has every month",
        "dad's on lanreotide and also the xermelo",
    ],
)
def test_a_second_medicine_joined_by_as_well_as_is_had_too(text: str) -> None:
    assert len(read_message(text).treatments) == 2


@pytest.mark.parametrize(
    "text",
    [
        "could she take xermelo as well as the lanreotide?",
        "is there a trial adding everolimus alongside the octreotide he is on?",
        "can he use diazoxide and also the lanreotide?",
    ],
)
def test_a_medicine_asked_about_is_not_taken_now(text: str) -> None:
    profile = read_message(text)
    assert all(t.outcome != "ongoing" for t in profile.treatments if t.id in ("telotristat", "diazoxide", "everolimus"))
    assert "octreotide" not in profile.wants.treatment and "lanreotide" not in profile.wants.treatment


# -- "is 81 too old?": the age's group, asked; "too old for <one treatment>": neither a wish nor a refusal ---


@pytest.mark.parametrize(
    ("turns", "group"),
    [
        (["mum has a pancreatic NET with liver mets", "is 83 too old?"], "older adult"),
        (["any trials for my dad? pnet, liver mets", "or is 79 too old for all of them?"], "older adult"),
        (["are there studies for MEN1 pnets", "is 16 too young?"], "teen"),
    ],
)
def test_an_age_asked_as_too_old_gives_its_group(turns: list[str], group: str) -> None:
    profile = Profile()
    for turn in turns:
        profile = update(profile, turn)
    assert profile.wants.age_group == group


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("is 84 too old for lutathera?", "prrt"),
        ("is 80 too old for surgery?", "surgery"),
        ("is 77 too old for chemo?", "chemotherapy"),
    ],
)
def test_too_old_for_one_treatment_asked_is_neither_refused_nor_a_group(text: str, treatment: str) -> None:
    wants = read_message(text).wants
    assert treatment not in wants.avoid and treatment not in wants.treatment
    assert wants.age_group is None


# -- a treatment put forward, then refused in the next clause, is avoided ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the surgeon mentioned a whipple but dad really doesn't want one",
        "they offered him an operation. he doesn't want to be operated on",
        "the team suggested surgery but she's not having it",
        "the surgeon wants a distal pancreatectomy. mum has said no",
    ],
)
def test_an_offered_operation_refused_after_is_avoided(text: str) -> None:
    wants = read_message(text).wants
    assert "surgery" in wants.avoid and "surgery" not in wants.treatment


@pytest.mark.parametrize(
    "text",
    [
        "the surgeon wants a whipple. any trials?",
        "his surgeons want a distal pancreatectomy in may",
        "the consultant wants a second operation",
    ],
)
def test_an_operation_the_surgeons_want_is_put_forward_not_wished(text: str) -> None:
    profile = read_message(text)
    assert "surgery" not in profile.wants.treatment
    assert "surgery" in profile.wants.proposed


# -- a tumour told as taken out, without the word "surgery" --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "dad's lung carcinoid, 2.5cm, was removed in 2019 and now there are spots on his liver",
        "she had a gastrinoma in the duodenum, removed along with some lymph nodes last spring",
        "they took out the lobe in 2022 and the scans were clear until now",
        "a tiny rectal NET that they took out through the camera in May",
    ],
)
def test_a_tumour_taken_out_is_surgery_had(text: str) -> None:
    assert "surgery" in _had(text)


# -- a liver treatment told in lay words, with the liver's tumours named after it -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "someone said a hospital in Leeds injects something straight into the liver spots in a trial, could mum get on it?",
        "is there a trial where they inject something directly into the liver tumours?",
        "any study giving an injection straight into the liver mets?",
    ],
)
def test_an_injection_into_the_liver_asked_for_is_a_liver_treatment_wish(text: str) -> None:
    assert "liver_directed_therapy" in read_message(text).wants.treatment


# -- "trials for teenagers with this": the illness, not a treatment pointed back at -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the whipple is booked for june. are there trials for people with this?",
        "her op is next month. any studies for teenagers with it?",
        "surgery is planned for the spring. is there research for young adults with this?",
    ],
)
def test_trials_for_people_with_it_do_not_wish_for_the_booked_operation(text: str) -> None:
    assert "surgery" not in read_message(text).wants.treatment


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("any research he could join? nothing that means an operation though", "surgery"),
        ("looking for a study for mum, nothing with chemo please", "chemotherapy"),
        ("is there a trial for him, nothing involving radiotherapy", "radiotherapy"),
    ],
)
def test_nothing_that_means_x_refuses_it(text: str, treatment: str) -> None:
    wants = read_message(text).wants
    assert treatment in wants.avoid and treatment not in wants.treatment


# -- a regimen the lexicon has no entry for is read as its drugs; "both" in a later sentence is said of all ----


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("second line was FOLFIRI and it did nothing", "stopped working"),
        ("he is on folfiri since the summer", "ongoing"),
        ("she had XELIRI for 4 months. it stopped working in june", "stopped working"),
    ],
)
def test_a_regimen_is_read_as_its_drugs(text: str, outcome: str) -> None:
    had = _had(text)
    assert had.get("irinotecan") == outcome
    assert had.get("fluorouracil", had.get("capecitabine")) == outcome


@pytest.mark.parametrize(
    "text",
    [
        "carboplatin and etoposide first, then FOLFIRI. both stopped working.",
        "he had lanreotide, then sunitinib. both of them failed.",
        "lanreotide then everolimus. they all failed in the end.",
    ],
)
def test_both_or_all_in_a_later_sentence_is_said_of_every_treatment_had(text: str) -> None:
    had = _had(text)
    assert len(had) >= 2 and set(had.values()) == {"stopped working"}


# -- scans after an operation watch a tumour still there; else they are follow-up --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "he had a whipple in 2020 and now there are two more small ones, they scan him every six months",
        "she had the biggest one removed in 2022, the rest they keep an eye on with yearly scans",
        "dad had his appendix NET taken out. now there's one in his lung, they're just doing scans",
    ],
)
def test_scans_of_a_tumour_left_after_an_operation_are_watching(text: str) -> None:
    had = _had(text)
    assert "surgery" in had and had.get("surveillance") == "ongoing"


def test_scans_after_the_tumour_was_removed_are_follow_up() -> None:
    had = _had("she had a distal pancreatectomy in 2021 and has a scan every year since")
    assert "surgery" in had and "surveillance" not in had
