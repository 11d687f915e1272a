"""A treatment name read in its frame: a start still to come is planned, a name before "trial" is the
trial's, a kind said beside one of its members is that member, a treatment given again and again is still
going on, and what a later message says happened is read only from its sentences that name nothing."""

from __future__ import annotations

import pytest

from bot.profile.evaluate import read_turns
from bot.profile.treatments import read_treatments
from bot.profile.wording import readable


def _roles(text: str) -> tuple[dict[str, str | None], tuple[str, ...], tuple[str, ...]]:
    reading = read_treatments(text)
    return {t.id: t.outcome for t in reading.had}, reading.wanted, reading.proposed


@pytest.mark.parametrize(
    "text, proposed",
    [
        ("Diagnosed in October, grade 2. They plan to start the lanreotide injections after Christmas.", "lanreotide"),
        ("My dad was told last week. The team is going to start everolimus soon, he is 70.", "everolimus"),
        ("She has a pancreatic NET with liver spots. She starts lanreotide on friday.", "lanreotide"),
        ("He has spots on his liver. The oncologist said maybe everolimus later.", "everolimus"),
        ("Mum has a small bowel NET. Her consultant thinks she'll need PRRT next year.", "prrt"),
        ("They have put him forward for PRRT at the Christie. He is 66.", "prrt"),
    ],
)
def test_a_start_still_to_come_is_planned_not_had(text: str, proposed: str) -> None:
    had, _, planned = _roles(text)
    assert proposed in planned and proposed not in had


@pytest.mark.parametrize(
    "text",
    [
        "My wife did a sunitinib trial a few years back and I wonder if it ever reported.",
        "I read that a hospital in Boston has an everolimus study running.",
    ],
)
def test_a_name_before_trial_is_not_a_treatment_had(text: str) -> None:
    had, _, _ = _roles(text)
    assert had == {}


def test_a_place_word_before_a_trial_name_asks_for_that_kind() -> None:
    had, wanted, _ = _roles("my gran is 88, is there an upper age limit on the lutathera studies?")
    assert had == {} and "prrt" in wanted


def test_a_general_question_after_a_treatment_is_not_one_had() -> None:
    had, _, _ = _roles("Can you drink alcohol after PRRT? Asking before we decide anything.")
    assert "prrt" not in had


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The district nurse visits every 4 weeks to give her the octreotide injection.", {"octreotide": "ongoing"}),
        ("Since a year he takes everolimus, the tumour is stable.", {"everolimus": "ongoing"}),
        (
            "Il a pris de l'évérolimus, arrêté au bout de 3 mois à cause des aphtes.",
            {"everolimus": "side effects"},
        ),
        ("Ella recibió lanreotida y después everolimus, y ahora vuelve a crecer.", {"everolimus": "stopped working"}),
    ],
)
def test_what_happened_is_read_from_the_whole_clause_and_other_languages(text: str, expected: dict) -> None:
    had, _, _ = _roles(f"My dad has a NET in his pancreas. {text}")
    assert {k: v for k, v in had.items() if k in expected} == expected


def test_a_kind_said_beside_one_of_its_members_is_that_member() -> None:
    profile = read_turns(["the drive for his jabs is 2 hours each way", "he is on lanreotide, pancreatic NET"])
    assert [t.id for t in profile.treatments] == ["lanreotide"]


def test_an_outcome_told_later_skips_the_sentence_that_names_the_next_treatment() -> None:
    profile = read_turns(
        ["Mamma har NET i tunntarmen. Hon får Sandostatin sedan 2022.", "Nu växer det. Läkaren pratar om PRRT."]
    )
    assert {t.id: t.outcome for t in profile.treatments} == {"octreotide": "stopped working"}


def test_watching_only_put_forward_is_not_yet_had_but_a_schedule_is() -> None:
    put_forward = read_turns(["I'm 50 with a 1cm pNET, grade 1. The surgeon prefers surveillance for now."])
    scheduled = read_turns(["I'm 50 with a 1cm pNET. They want to watch it with a scan every 6 months."])
    assert "surveillance" not in {t.id for t in put_forward.treatments}
    assert {t.id: t.outcome for t in scheduled.treatments}.get("surveillance") == "ongoing"


def test_injecting_into_the_liver_is_a_liver_treatment_not_the_jab() -> None:
    reading = read_treatments("Is there a trial where they inject the liver spots directly? Asking for my dad.")
    assert "liver_directed_therapy" in reading.wanted and "somatostatin_analogue" not in reading.wanted
    assert readable("they were injecting something into the liver") == "they were injecting something into the liver"


def test_an_operation_the_surgeon_is_keen_on_is_not_had_and_can_be_pointed_back_at() -> None:
    profile = read_turns(
        ["pnet g2 with liver spots. my surgeon is eager to take the primary out. any study looking at that?"]
    )
    assert "surgery" not in {t.id for t in profile.treatments}
    assert "surgery" in profile.wants.treatment


@pytest.mark.parametrize(
    "text, avoided",
    [
        # a refusal that runs on into "any": no request
        ("He doesn't want any more chemo. anything in Leeds?", ("chemotherapy",)),
        ("mum wants to avoid anything with surgery, what trials are there", ("surgery",)),
        # enough of a treatment named in an earlier sentence, had or offered
        ("The surgeons want to do a Whipple. Honestly he is not keen. Any other research?", ("surgery",)),
        ("They offered her everolimus. She's done with that, the mouth ulcers last time. Trials?", ("everolimus",)),
        # another way preferred to what the doctors put forward
        (
            "the consultant wants to start chemo but my wife would rather try something else, any trials?",
            ("chemotherapy",),
        ),
        # radiation refused beside PRRT is PRRT; with beam radiotherapy named it stays radiotherapy
        ("She had Lutathera last year and has had enough of radiation. Anything without radiation?", ("prrt",)),
        ("He had radiotherapy to his spine and lutathera. no more radiation please, trials?", ("radiotherapy",)),
        # refusing a whole kind covers its members
        ("Capecitabine made him so ill. No chemo of any kind please, any trials?", ("chemotherapy",)),
    ],
)
def test_refusals_read_by_class(text: str, avoided: tuple[str, ...]) -> None:
    assert read_treatments(text).avoided == avoided


def test_the_exception_to_nothing_is_had_not_refused() -> None:
    reading = read_treatments("Nothing so far other than the lanreotide injections, started in May. Any trials?")
    assert "lanreotide" in {t.id for t in reading.had} and not reading.avoided


@pytest.mark.parametrize(
    "text, wanted",
    [
        # a trial asked for by what it does with the tumour: watch and wait
        ("Are there any trials where they only monitor the tumour? Mine is 1.1 cm.", ("surveillance",)),
        ("my mum is 85, is there a study that would just keep an eye on it instead of an op", ("surveillance",)),
        ("any research comparing watching versus removing small pancreatic NETs?", ("surveillance",)),
        # a preference said outright is a wish
        ("The team offered capecitabine. My husband prefers lutathera, is there a study?", ("prrt",)),
    ],
)
def test_a_trial_asked_for_by_what_it_does(text: str, wanted: tuple[str, ...]) -> None:
    assert read_treatments(text).wanted == wanted


@pytest.mark.parametrize(
    "text",
    [
        "they've been watching it with scans for 3 years. any trials for him?",
        "is there a study for people who are just being watched, she'd rather do something",
    ],
)
def test_watching_told_or_a_population_is_not_asked_for(text: str) -> None:
    assert "surveillance" not in read_treatments(text).wanted


@pytest.mark.parametrize(
    "text",
    [
        "My aunt has type 1 gastric NETs. They scope her each year and that's it. Any studies?",
        "Grandad's NET is tiny, they just scan him and leave it. we're in hull",
        "Plan is watch & wait for now. Is there research on that?",
        "They go in and look every year with a camera. she is 70",
    ],
)
def test_routine_checks_told_are_watch_and_wait(text: str) -> None:
    had = {t.id: t.outcome for t in read_treatments(text).had}
    assert had.get("surveillance") == "ongoing"


@pytest.mark.parametrize(
    "text, expected",
    [
        # one outcome said of the whole list
        (
            "He had octreotide, then everolimus, then sunitinib, each one worked for a while and then stopped.",
            {"octreotide": "stopped working", "everolimus": "stopped working", "sunitinib": "stopped working"},
        ),
        (
            "Mum had lanreotide then everolimus, they all held it for a year or so then it grew.",
            {"lanreotide": "stopped working", "everolimus": "stopped working"},
        ),
        (
            "Octreotide then sunitinib - everything has helped for about a year and then stopped.",
            {"octreotide": "stopped working", "sunitinib": "stopped working"},
        ),
        ("She received octreotide and after CAPTEM, both finished because the disease advanced.", None),
        # a course that worked and then did not, said in brackets
        (
            "had: everolimus 2021-22 (worked then didn't), PRRT 2023 (which is ongoing)",
            {"everolimus": "stopped working", "prrt": "ongoing"},
        ),
    ],
)
def test_outcomes_said_of_a_list_or_in_brackets(text: str, expected: dict | None) -> None:
    had = {t.id: t.outcome for t in read_treatments(text).had}
    if expected is None:
        assert "stopped working" in had.values()
    else:
        assert had == expected


@pytest.mark.parametrize(
    "text",
    [
        "The consultant gave us a choice: a Whipple or scans every 6 months. We can't decide.",
        "They said he could have either the operation or just regular scans.",
        "Her doctors say watch and wait would be fine for a tumour this small.",
    ],
)
def test_watching_offered_as_an_option_is_not_yet_under_way(text: str) -> None:
    assert "surveillance" not in {t.id for t in read_treatments(text).had}


@pytest.mark.parametrize(
    "text, had, avoided",
    [
        (
            "Mum had six cycles of CAPTEM last year and says never again.",
            "capecitabine_temozolomide",
            "capecitabine_temozolomide",
        ),
        ("Pappa har fått Lutathera fyra gånger och säger aldrig igen.", "prrt", "prrt"),
    ],
)
def test_never_again_is_had_and_refused(text: str, had: str, avoided: str) -> None:
    reading = read_treatments(text)
    assert had in {t.id for t in reading.had} and avoided in reading.avoided
