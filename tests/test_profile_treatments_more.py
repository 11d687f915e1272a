"""Treatments had, read from wordings the earlier rules missed: other languages, growth while still on
a drug, a course that "held" for a time, operations on something else, "if it grows, PRRT"."""

from __future__ import annotations

import pytest

from bot.profile.read import read_message
from bot.profile.treatments import read_treatments


def _had(text: str) -> dict[str, str | None]:
    return {t.id: t.outcome for t in read_treatments(text).had}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ma mère prend du lanréotide depuis 3 ans mais ça progresse.", {"lanreotide": "stopped working"}),
        ("Mio padre ha fatto 4 cicli di everolimus, finiti a maggio.", {"everolimus": "stopped"}),
        ("Mi madre tiene octreotida desde 2021 pero el tumor ha crecido.", {"octreotide": "stopped working"}),
        ("Mein Vater bekommt Lanreotid seit 2020, jetzt wächst es wieder.", {"lanreotide": "stopped working"}),
        ("Mijn vrouw krijgt lanreotide sinds vorig jaar en het groeit.", {"lanreotide": "stopped working"}),
        (
            "Ha fatto 6 cicli di cisplatino ed etoposide, finiti a luglio.",
            {"cisplatin": "stopped", "etoposide": "stopped"},
        ),
    ],
)
def test_stories_in_other_languages_tell_what_was_had(text: str, expected: dict) -> None:
    assert _had(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "She still has her octreotide jab every month. She finished 4 rounds of Lutathera in May. "
            "The scan last week says it's growing again.",
            {"octreotide": "stopped working", "prrt": "stopped working"},
        ),
        (
            "He's on lanreotide. Last year he had SIRT. Now the liver spots are getting bigger.",
            {"lanreotide": "stopped working", "sirt": "stopped working"},
        ),
    ],
)
def test_growth_told_later_counts_for_a_drug_still_taken(text: str, expected: dict) -> None:
    assert _had(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Then lanreotide every 4 weeks. That held for about 18 months.",
        "lanreotide, which gave her about 2 years",
        "She was on lanreotide. It bought her three good years.",
        "lanreotide lasted for 14 months",
    ],
)
def test_a_course_that_held_for_a_time_then_stopped_working(text: str) -> None:
    assert _had(text) == {"lanreotide": "stopped working"}


@pytest.mark.parametrize(
    "text",
    [
        "He has had 2 kidney ops over the years because of his VHL.",
        "I had knee surgery in 2019 and my pNET was found on a scan later.",
        "Already had kidney surgery twice and a hemangioblastoma removed.",
        "Le chirurgien est très gentil.",
        "De chirurg belt morgen.",
    ],
)
def test_operations_on_something_else_and_surgeons_are_not_surgery_had(text: str) -> None:
    assert "surgery" not in _had(text)


def test_the_net_operation_is_still_read_beside_another() -> None:
    assert _had("he had back surgery in 2010 and a whipple in 2022") == {"surgery": None}


@pytest.mark.parametrize(
    "text",
    ["lanreotyde side effects??", "lutathera side effects kidneys", "everolimus side effects"],
)
def test_a_few_words_asking_about_side_effects_tell_no_treatment_had(text: str) -> None:
    assert _had(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "Onc says if it stops working PRRT is probably next.",
        "His doctor says if it grows there's PRRT.",
        "They'd consider the radioactive one, PRRT, if it ever spreads.",
    ],
)
def test_a_treatment_for_if_it_grows_is_not_had(text: str) -> None:
    reading = read_treatments(text)
    assert "prrt" not in {t.id for t in reading.had}


@pytest.mark.parametrize(
    "text",
    ["Surgery to take out the tail of her pancreas is in 3 weeks.", "Her whipple to remove the head is next month."],
)
def test_an_operation_still_to_come_said_far_from_its_date_is_planned(text: str) -> None:
    reading = read_treatments(text)
    assert "surgery" not in {t.id for t in reading.had} and "surgery" not in reading.wanted


@pytest.mark.parametrize(
    "text, wanted",
    [
        ("I read about belzutifan. Is there a trial I could get it on?", ("belzutifan",)),
        ("I keep hearing about lutetium. Can my dad get it in a study?", ("prrt",)),
        ("Läkaren säger att Lutetium kanske är nästa steg. Finns det någon studie med det?", ("prrt",)),
        ("He has had lanreotide for years. Is there a trial with it?", ()),
        ("The team talk about Lutathera. Will he be too old for the study by then?", ()),
    ],
)
def test_a_treatment_named_before_a_trial_asked_for_with_it(text: str, wanted: tuple) -> None:
    from bot.profile.read import read_message

    assert read_message(text).wants.treatment == wanted


@pytest.mark.parametrize(
    "text",
    [
        "the onc says PRRT is probably next",
        "Lutathera is next, then what?",
        "Der Arzt sagt, PRRT ist wohl der nächste Schritt",
    ],
)
def test_a_treatment_said_to_be_next_is_proposed_not_had(text: str) -> None:
    reading = read_treatments(text)
    assert reading.proposed == ("prrt",) and not reading.had


@pytest.mark.parametrize(
    "text, wanted",
    [
        (
            "He had sunitinib, and now his team want to try everolimus. Are there trials comparing the two?",
            {"sunitinib", "everolimus"},
        ),
        ("lutathera / lu-177 studies in Quebec, incl ones that have finished", {"prrt"}),
        ("Is there any trial that treats the liver directly?", {"liver_directed_therapy"}),
        ("Kirurgen nämnde en studie där man opererar bort så mycket som möjligt.", {"surgery"}),
        ("I heard of a study comparing lanreotide injections with no treatment. Did it start?", {"lanreotide"}),
    ],
)
def test_wishes_said_through_the_trial_described(text: str, wanted: set) -> None:
    from bot.profile.read import read_message

    assert set(read_message(text).wants.treatment) == wanted


@pytest.mark.parametrize(
    "text",
    [
        "The surgeons want to do a right hemicolectomy. He's dead against any more surgery.",
        "she's had enough operations",
        "They've offered him surgery but he's refusing.",
        "Kirurgen i Umeå vill operera men pappa vill inte.",
        "The surgeon wants to operate but she doesn't want to.",
    ],
)
def test_an_operation_refused_in_everyday_words(text: str) -> None:
    from bot.profile.read import read_message

    assert read_message(text).wants.avoid == ("surgery",)


@pytest.mark.parametrize("text", ["Ingen operation än, han får lanreotid.", "No PRRT yet. Any trials for grade 3?"])
def test_not_had_yet_is_no_refusal(text: str) -> None:
    from bot.profile.read import read_message

    assert read_message(text).wants.avoid == ()


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("My onc reckons the radioactive one is next. Anything like that on trial up here in Queensland?", ("prrt",)),
        (
            "My onc said a gallium pet might find it but the wait is long. Is there a study doing those scans?",
            ("ga68_dotatate",),
        ),
        ("Läkaren pratar om Lutathera. Finns det någon studie om det?", ("prrt",)),
    ],
)
def test_a_trial_asked_for_by_pointing_back_at_what_the_doctors_put_forward(text: str, wanted: tuple) -> None:
    assert read_message(text).wants.treatment == wanted


@pytest.mark.parametrize(
    "text",
    ["COMPOSE: ki67 range? prior PRRT ok?", "CONTROL NETS - sites? prior PRRT allowed?", "is prior PRRT an exclusion?"],
)
def test_a_trials_rule_about_a_past_treatment_is_neither_had_nor_wished(text: str) -> None:
    read = read_message(text)
    assert not read.wants.treatment and not read.treatments


@pytest.mark.parametrize(
    "text",
    [
        "my mum's pnet is grade 1, in the liver. lanreotide keeps it stable",
        "My father have 74 ages and has NET in pancreas. He take octreotide injection each month.",
    ],
)
def test_a_treatment_told_as_going_on_is_ongoing(text: str) -> None:
    assert [(t.id, t.outcome) for t in read_message(text).treatments][-1][1] == "ongoing"


@pytest.mark.parametrize(
    "text, outcome",
    [
        ("He had the monthly lanreotide until this spring when the markers and scans went up.", "stopped working"),
        ("she had 6 cycles carboplatin and the scans since are quiet", "stopped"),
        ("on lanreotide, his chromogranin levels are rising again", "stopped working"),
    ],
)
def test_markers_going_up_and_a_count_of_cycles_tell_what_happened(text: str, outcome: str) -> None:
    had = read_treatments(text).had
    assert [t.outcome for t in had] == [outcome], had


def test_it_after_two_chemotherapy_drugs_named_together_is_said_of_the_course() -> None:
    had = read_treatments("had carboplatin and etoposide, it worked for 4 months then grew").had
    assert {t.outcome for t in had} == {"stopped working"}, had
    apart = read_treatments("lanreotide and everolimus, it stopped working").had
    assert [t.outcome for t in apart if t.id == "lanreotide"] == [None]  # not one course: "it" is the last one
