"""Treatments had (with what happened), planned, wanted and ruled out, and the age group a trial is
wanted for: each rule shown on sentences written the way patients and carers write, none of them
copied from the development set."""

from __future__ import annotations

from typing import Optional

import pytest

from bot.profile.evaluate import read_turns
from bot.profile.model import TreatmentHad
from bot.profile.read import read_message


def had(text: str) -> tuple[TreatmentHad, ...]:
    return read_message(text).treatments


def wanted(text: str) -> tuple[str, ...]:
    return read_message(text).wants.treatment


def avoided(text: str) -> tuple[str, ...]:
    return read_message(text).wants.avoid


# -- what happened, told a sentence or two later ("it", "the jab", "but ...") -------------------
@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        (
            "my mam was on lanreotide for ages, the nurse came every month. it stopped working last year and now shes on nothing",
            TreatmentHad("lanreotide", "stopped working"),
        ),
        (
            "hubby been on the jab since 2021. last scan the liver ones r bigger :(",
            TreatmentHad("somatostatin_analogue", "stopped working"),
        ),
        (
            "She's on lanreotide. The jab stopped working in the spring according to her onc",
            TreatmentHad("lanreotide", "stopped working"),
        ),
        (
            "they put him on capecitabine but his counts dropped so low they had to stop it",
            TreatmentHad("capecitabine", "side effects"),
        ),
        (
            "I had PRRT at the Christie, 4 rounds, finished in 2022. It's started to grow again now.",
            TreatmentHad("prrt", "stopped working"),
        ),
    ],
)
def test_an_outcome_told_later_belongs_to_the_treatment_had_last(text: str, treatment: TreatmentHad) -> None:
    assert treatment in had(text)


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("my brother had sunitinib and it was brilliant until it wasnt", TreatmentHad("sunitinib", "stopped working")),
        (
            "Dad was on everolimus which worked for about a year and then stopped",
            TreatmentHad("everolimus", "stopped working"),
        ),
        ("mum had TACE in march, it helped for a while", TreatmentHad("tace", "stopped working")),
        (
            "she's on everolimus since june, tolerating it ok apart from a few mouth sores",
            TreatmentHad("everolimus", "ongoing"),
        ),
    ],
)
def test_worn_off_and_well_tolerated(text: str, treatment: TreatmentHad) -> None:
    assert treatment in had(text)


def test_a_conditional_is_no_outcome() -> None:
    # "if it grows" and "the chance it grows" have not happened
    assert had("He's on octreotide. The team said we could look at trials if it grows.") == (
        TreatmentHad("octreotide", "ongoing"),
    )
    assert had("my wife is on lanreotide every 28 days. whats the chance it grows again?") == (
        TreatmentHad("lanreotide", "ongoing"),
    )


def test_watching_and_operations_do_not_stop_working() -> None:
    assert had("me 77, on watch and wait 3 yrs, scan in may says it has grown a couple of mm") == (
        TreatmentHad("surveillance", "ongoing"),
    )
    assert had("she had the whipple in 2020 and it came back in her liver in 2023") == (TreatmentHad("surgery"),)


# -- "X then Y" lists --------------------------------------------------------------------------
def test_a_then_list_shares_the_role_but_not_the_outcome() -> None:
    story = had("dad had surgery in 2019 then lanreotide, then prrt x4 in 2022")
    assert story == (TreatmentHad("lanreotide"), TreatmentHad("prrt", "stopped"), TreatmentHad("surgery"))
    sequence = had(
        "she had octreotide then everolimus then capecitabine, the everolimus gave her terrible mouth ulcers"
    )
    assert TreatmentHad("everolimus", "side effects") in sequence and TreatmentHad("octreotide") in sequence
    # an outcome told of one name in a list ("stopped it") is not the whole list's
    assert TreatmentHad("octreotide") in had(
        "Hes had octreotide, sunitinib (stopped it after 2 months, awful diarrhoea) and surgery"
    )


def test_and_lists_still_share_an_outcome() -> None:
    assert had("first line carbo and etoposide, both failed") == (
        TreatmentHad("carboplatin", "stopped working"),
        TreatmentHad("etoposide", "stopped working"),
    )


def test_the_outcome_after_a_name_stops_where_the_next_name_starts() -> None:
    assert had("My wife had lanreotide, and now she is on everolimus") == (
        TreatmentHad("everolimus", "ongoing"),
        TreatmentHad("lanreotide"),
    )
    assert TreatmentHad("octreotide", "stopped working") in had(
        "octreotide for 3 yrs til it stopped working and then they started her on sunitinib"
    )


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("first line CAPTEM done, waiting on scans", TreatmentHad("capecitabine_temozolomide", "stopped")),
        ("mum (70) - sandostatin lar 30mg every 4 weeks", TreatmentHad("octreotide", "ongoing")),
        ("MDT letter says continue lanreotide and rescan in 6 months", TreatmentHad("lanreotide", "ongoing")),
        ("They've given me diazoxide for the hypos and it's helping", TreatmentHad("diazoxide", "ongoing")),
    ],
)
def test_short_clinical_ways_of_saying_what_is_happening(text: str, treatment: TreatmentHad) -> None:
    assert treatment in had(text)


# -- planned, offered or suggested: neither had nor wanted ---------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "they want to start him on capecitabine next month, any trials?",
        "onc mentioned capecitabine next. is there anything else?",
        "She is starting chemo next week, what can she eat to keep her strength up",
        "I start lanreotide on Monday. Is the injection painful?",
        "hes booked in for the whipple, still waiting on a date",
        "my surgeon says distal pancreatectomy but I want to think about it",
        "Onc is suggesting watch and wait or everolimus. we dont know what to do",
        "the surgeons want to take out half her pancreas",
    ],
)
def test_a_planned_treatment_is_not_one_had(text: str) -> None:
    profile = read_message(text)
    assert profile.treatments == () and profile.wants.treatment == (), text


def test_a_trial_asked_for_by_pointing_back_at_a_planned_treatment() -> None:
    assert wanted("my onc mentioned surgery on the liver might be possible. any trials on that?") == ("surgery",)
    assert wanted(
        "Theyre talking about lutathera for my son but its not licensed for kids. is there a trial he could get it through?"
    ) == ("prrt",)
    assert wanted("consultant brought up SIRT. r there any studies of it in england") == ("sirt",)
    # what was had is not what "that" asks for
    assert wanted("she had sunitinib for 2 years. any trials for that?") == ()


def test_a_trial_named_by_its_treatment() -> None:
    assert wanted("her doctor mentioned a PRRT trial at the Royal Free, do you know what it is called?") == ("prrt",)
    assert wanted("hes had everolimus, onc said there may be a cabozantinib study opening") == ("cabozantinib",)
    # a trial's timing is not its treatment
    assert wanted("would there be trials after surgery for bowel nets?") == ()


# -- not wanted ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "avoid"),
    [
        ("is there anything other than injections for my wife, shes sick of them", ("somatostatin_analogue",)),
        ("she declined the whipple and wants something less invasive", ("surgery",)),
        ("the surgeon wants to do a distal pancreatectomy. is there anything less drastic?", ("surgery",)),
        ("He turned down chemo last year. any other options?", ("chemotherapy",)),
        ("anything on trial that keeps me from going under the knife again", ()),
        ("is there a trial that avoids the knife, I'm 58 and terrified", ("surgery",)),
        ("are there trials that would let him avoid the side effects of everolimus", ("everolimus",)),
    ],
)
def test_what_is_ruled_out(text: str, avoid: tuple) -> None:
    assert avoided(text) == avoid, text


def test_a_no_in_another_part_of_the_sentence_rules_nothing_out() -> None:
    profile = read_message("me, 69, pnet g1, no spread, watch and wait for 2 years, all stable")
    assert profile.wants.avoid == () and profile.treatments == (TreatmentHad("surveillance", "ongoing"),)
    # "might not be fit" is the doctor's doubt, not a refusal
    assert avoided("the onc says she might not be fit for PRRT because of her kidneys. are there other trials?") == ()


def test_besides_is_not_a_refusal() -> None:
    # "anything besides X" may mean "as well as X": leave it out rather than guess
    assert avoided("I'm on lanreotide. Is there anything besides lanreotide they could add?") == ()


# -- wanted, and lists after "like" -------------------------------------------------------------
def test_a_list_after_like_takes_the_wish_before_it() -> None:
    assert wanted("I want to try something more aggressive, like liver surgery or ablation. trials?") == (
        "surgery",
        "liver_ablation",
    )
    assert wanted("id like to know about liver treatments like SIRT or TACE and if any trials use them") == (
        "sirt",
        "tace",
    )


def test_a_treatment_had_can_be_asked_for_again_only_in_so_many_words() -> None:
    assert wanted("my husband had lutathera in 2021, any trials of having it a 2nd time? prrt again?") == ("prrt",)
    assert wanted("mum is on lanreotide. any lanreotide trials with a higher dose?") == ("lanreotide",)
    assert wanted("mum is on lanreotide and it's growing. what trials are there") == ()


@pytest.mark.parametrize(
    "text",
    [
        "Reading about PRRT tonight, does it make your hair fall out?",
        "what is PRRT and are there trials near me and how long does it take",
        "is PRRT on the NHS or do i need a trial",
        "hw long does lutathera take n do i need 2 stay in overnight",
        "Could someone explain what the injections are actually for?",
        "My aunt wants to know if the jabs will make her lose her hair",
        "capecitibine and temozolamide - do they make u sick",
    ],
)
def test_a_question_about_a_treatment_is_no_wish_and_nothing_had(text: str) -> None:
    profile = read_message(text)
    assert profile.wants.treatment == () and profile.treatments == (), text


def test_lay_and_short_names() -> None:
    assert wanted("any trials with the radioactive stuff for my mum") == ("prrt",)
    assert wanted("dana farber pnet cabo nivo") == ("cabozantinib", "nivolumab")
    assert had("he's 70, distal panc 2018, capox 2020") == (TreatmentHad("capox"), TreatmentHad("surgery"))
    assert had("they took out the top of his left lung in 2021") == (TreatmentHad("surgery"),)
    assert had("the new liver biopsy says ki67 14") == ()  # no transplant


def test_text_speak_outcomes() -> None:
    assert had("my dad hs bin on octreotide 4 3 yrs n its stopd wrking") == (
        TreatmentHad("octreotide", "stopped working"),
    )


def test_injections_in_a_short_message_are_had_not_wanted() -> None:
    profile = read_message("any trial with tablets instead? these injections are doing my head in")
    assert profile.wants.treatment == () and profile.treatments == (TreatmentHad("somatostatin_analogue"),)


# -- the age group a trial is wanted for ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("any trials for teenagers with pnet in the uk", "teen"),
        ("is there anything for my 15 yr old, she has an insulinoma", "teen"),
        ("my grandson is 6 and has a NET in his appendix. anything for little ones?", "child"),
        ("are there paediatric trials for this?", "child"),
        ("my nan is 84. would any trial take someone her age?", "older adult"),
        ("pnet g2 trials, adults only pls", "adult"),
        ("looking for trials for the over 75s", "older adult"),
        ("my husband is 60. would any trial take someone his age?", "adult"),
        ("is 19 too young for NET trials? im 19, pancreas, grade 1", "adult"),
        ("PRRT trials taking pts over 75 in canada", "older adult"),
        ("my father (78) has a NET of the pancreas. He is not too old for that?", "older adult"),
        ("MEN1 pNET, non-surgical options, adults, NL or AT", "adult"),
        ("she's 80 and she is too old for all this", None),
        # a life stage, a licence, a trial's nickname, or the writer's own children: no wish
        ("my partner is 35, she had her first NET as a teenager. any trials in leeds?", None),
        ("they said lutathera is not licensed for children. we're in paris", None),
        ("is NETTER-P the teen one? my daughter is 14", None),
        ("im 41 (f) with MEN1. is there anything for kids? mine are 8 and 10", None),
    ],
)
def test_the_age_group_asked_for(text: str, group: Optional[str]) -> None:
    assert read_message(text).wants.age_group == group, text


def test_an_age_said_earlier_gives_the_group_asked_about() -> None:
    assert (
        read_turns(["im 40 btw", "no actually I'm 70, typo", "any trials that take someone my age?"]).wants.age_group
        == "older adult"
    )
    assert read_turns(["im 70", "any trials near leeds?"]).wants.age_group is None


def test_a_treatment_name_put_right_renames_the_one_had() -> None:
    profile = read_turns(["my wife is on everolimus for her pnet", "sorry not everolimus, sunitinib. she's 60"])
    assert (
        profile.treatments == (TreatmentHad("sunitinib", "ongoing"),)
        and profile.wants.avoid == ()
        and profile.age == 60
    )
    assert read_turns(["he's had lanreotide", "sorry I meant octreotide not lanreotide"]).treatments == (
        TreatmentHad("octreotide"),
    )
    assert read_turns(["no sunitinib please, not everolimus either"]).wants.avoid == ("sunitinib", "everolimus")


@pytest.mark.parametrize(
    ("text", "had"),
    [
        ("I'm 16, I had a pancreatic NET taken out last year", (TreatmentHad("surgery"),)),
        ("dad's pathology says well differentiated NET, G2, margins clear, 0/12 nodes", (TreatmentHad("surgery"),)),
        (
            "Typical carcinoid of the lung, lobectomy 2020, lanreotide since March",
            (TreatmentHad("lanreotide", "ongoing"), TreatmentHad("surgery")),
        ),
        ("progressing on lanreotide since the summer", (TreatmentHad("lanreotide", "stopped working"),)),
        (
            "on the lanreotide jab since 2023 but the last scan shows it creeping up",
            (TreatmentHad("lanreotide", "stopped working"),),
        ),
        ("the runs are worse, even on Sandostatin LAR every 4 weeks", (TreatmentHad("octreotide", "ongoing"),)),
        ("he has his whipple next month", ()),
        (
            "they took out the primary in 2021 and she's had octreotide shots every month since",
            (TreatmentHad("octreotide", "ongoing"), TreatmentHad("surgery")),
        ),
        ("his doctors can't agree whether to take the primary out or just treat with drugs", ()),
        (
            "he had lanreotide, and then everolimus, but everolimus stopped to work this year",
            (TreatmentHad("everolimus", "stopped working"), TreatmentHad("lanreotide")),
        ),
        ("Octreotide has calmed it down massively.", (TreatmentHad("octreotide", "ongoing"),)),
        (
            "Har fått Somatuline, sen Afinitor som jag fick sluta med pga munsår",
            (TreatmentHad("everolimus", "side effects"), TreatmentHad("lanreotide")),
        ),
    ],
)
def test_treatments_had_told_in_other_words(text: str, had: tuple) -> None:
    assert read_message(text).treatments == had, text


@pytest.mark.parametrize(
    ("text", "wanted", "avoided"),
    [
        (  # "instead of" names what the trial replaces, not a refusal (README, session 21)
            "isn't there a radiation study in Utrecht for MEN1 people instead of surgery?",
            ("radiotherapy",),
            (),
        ),
        ("Finns det någon studie i Uppsala? Inte kirurgi tack", (), ("surgery",)),
        (
            "He had SIRT in 2022 and has been on lanreotide since. Anything for the liver spots in SA?",
            ("liver_directed_therapy",),
            (),
        ),
        ("it's non-functioning and the gallium scan shows nothing else. anyone researching watch and wait?", None, ()),
    ],
)
def test_wishes_in_other_words(text: str, wanted: Optional[tuple], avoided: tuple) -> None:
    wants = read_message(text).wants
    assert wants.avoid == avoided and (wanted is None or wants.treatment == wanted), text


def test_a_lookups_trailing_open_is_a_status_filter() -> None:
    assert read_message("pnet g2 phase 3 open, uk or europe").wants.status == "open"
    assert read_message("is the compose trial still open?").wants.status is None


# -- issue 15, session 9: what happened, said the way people say it --------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # never had: named, but neither had nor wanted
        (
            "my mum has never had prrt or any chemo, she's been on lanreotide 3 years",
            (TreatmentHad("lanreotide", "ongoing"),),
        ),
        ("hes not had surgery and hasnt been on everolimus yet, is there a trial for him", ()),
        ("no prior PRRT, on octreotide since 2020", (TreatmentHad("octreotide", "ongoing"),)),
        # a course of two drugs shares what happened to it, said later or across a "but"
        (
            "my husband had carboplatin plus etoposide. it grew again after 3 months",
            (TreatmentHad("carboplatin", "stopped working"), TreatmentHad("etoposide", "stopped working")),
        ),
        (
            "dad had carbo + etop, 4 rounds, but 2 months later it was back in the liver",
            (TreatmentHad("carboplatin", "stopped working"), TreatmentHad("etoposide", "stopped working")),
        ),
        # one outcome for a whole list ("all failed", "both did nothing", "all stop working")
        (
            "been through lanreotide, everolimus and captem - all failed",
            (
                TreatmentHad("capecitabine_temozolomide", "stopped working"),
                TreatmentHad("everolimus", "stopped working"),
                TreatmentHad("lanreotide", "stopped working"),
            ),
        ),
        (
            "she has been thru cabo and sunitinib, both done nothing",
            (TreatmentHad("cabozantinib", "stopped working"), TreatmentHad("sunitinib", "stopped working")),
        ),
        # held, slowed, did not hold
        (
            "lanreotide didn't hold it for my dad, everolimus held it for about 8 months",
            (TreatmentHad("everolimus", "stopped working"), TreatmentHad("lanreotide", "stopped working")),
        ),
        # a harm told as "made X worse", "stopped because of", counts that tanked
        (
            "he got everolimus but it made his diarrhoea worse so they stopped it",
            (TreatmentHad("everolimus", "side effects"),),
        ),
        (
            "Mum took sunitinib but stop after 2 months because of her blood pressure",
            (TreatmentHad("sunitinib", "side effects"),),
        ),
        ("I had capecitabine for a while, my platelets tanked", (TreatmentHad("capecitabine", "side effects"),)),
        # other languages' "gets" and "since"; growing despite
        ("Mijn moeder krijgt lanreotide sinds 2023", (TreatmentHad("lanreotide", "ongoing"),)),
        ("Meine Frau bekommt Octreotid", (TreatmentHad("octreotide", "ongoing"),)),
        ("Det växer trots Somatuline", (TreatmentHad("lanreotide", "stopped working"),)),
        ("my dads tumour keeps growing even on octreotide", (TreatmentHad("octreotide", "stopped working"),)),
        # a list after one cue ("lines done (A then B)")
        (
            "3 lines done (lanreotide then everolimus then captem)",
            (
                TreatmentHad("capecitabine_temozolomide", "stopped"),
                TreatmentHad("everolimus", "stopped"),
                TreatmentHad("lanreotide", "stopped"),
            ),
        ),
        # Scots "the jag"; Swedish "jag" is "I" and no treatment
        ("ma da's been on the jag 3 year and it's growin", (TreatmentHad("somatostatin_analogue", "stopped working"),)),
        ("jag har en NET i lungan", ()),
    ],
)
def test_what_happened_said_the_way_people_say_it(text: str, expected: tuple) -> None:
    assert had(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # regular scans of a tumour left in place are watching it; after an operation they are follow-up
        ("they scan it once a year, nothing else, is that ok?", (TreatmentHad("surveillance", "ongoing"),)),
        (
            "my 80 yr old dad just has scans every 6 months for his lung carcinoid",
            (TreatmentHad("surveillance", "ongoing"),),
        ),
        ("she had her pancreas tail removed in 2020, they do scans every 6 months since", (TreatmentHad("surgery"),)),
        # a question about watching is not being watched
        ("she just finished lutathera. do we just wait and see now?", (TreatmentHad("prrt", "stopped"),)),
    ],
)
def test_regular_scans_and_watching(text: str, expected: tuple) -> None:
    assert had(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he was operated at the Marsden in 2019 and now has liver spots", (TreatmentHad("surgery"),)),
        ("she had a right hemicolectomy for the small bowel NET", (TreatmentHad("surgery"),)),
        (
            "the tumour in his tail has never been operated on, he is on lanreotide",
            (TreatmentHad("lanreotide", "ongoing"),),
        ),
        ("my parathyroids were removed in 2019 (MEN1)", ()),
        ("how long after the surgery would the PRRT start?", ()),
        ("mum's letter says she's for surgical discussion at MDT", ()),
    ],
)
def test_operations_told_in_a_story(text: str, expected: tuple) -> None:
    assert had(text) == expected


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # proposed, then asked about in a trial
        ("the onc said maybe more Lutathera, in a study. is that possible?", ("prrt",)),
        ("we heard they give PRRT at the Christie - is that a trial my dad could go on?", ("prrt",)),
        ("her doctor mentioned a trial that combines lutate with captem", ("prrt", "capecitabine_temozolomide")),
        ("I've read about radiotherapy for MEN1 tumours in Utrecht. Could my son go on it?", ("radiotherapy",)),
        ("Is anyone researching watch and wait for small pnets?", ("surveillance",)),
        # a length of time is no wish: "worked for about 2 years, everolimus for 14 months"
        ("Lanreotide worked for about 2 years, everolimus for 14 months, then captem.", ()),
        # a trial "for after" an operation is about its timing
        ("the SWOG captem trial for after a whipple - still open?", ("capecitabine_temozolomide",)),
    ],
)
def test_wishes_in_a_story(text: str, want: tuple) -> None:
    assert set(wanted(text)) == set(want)


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("they took him off everolimus in may because of the rash", TreatmentHad("everolimus", "side effects")),
        ("sunitinib was discontinued due to fatigue", TreatmentHad("sunitinib", "side effects")),
        ("she's no longer on lanreotide, it wasn't doing anything", TreatmentHad("lanreotide", "stopped working")),
        ("PD on octreotide after 18 months", TreatmentHad("octreotide", "stopped working")),
        ("my husband finished his last cycle of PRRT in april", TreatmentHad("prrt", "stopped")),
        ("they stopped the chemo after 4 cycles as it wasn't working", TreatmentHad("chemotherapy", "stopped working")),
        ("she's had 2 doses of lutathera so far", TreatmentHad("prrt", "ongoing")),
    ],
)
def test_clinic_and_everyday_words_for_what_happened(text: str, treatment: TreatmentHad) -> None:
    assert had(text) == (treatment,)


def _after(*turns: str) -> tuple[TreatmentHad, ...]:
    from bot.profile.model import Profile
    from bot.profile.read import update

    profile = Profile()
    for turn in turns:
        profile = update(profile, turn)
    return profile.treatments


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        (
            ("my dad is on lanreotide", "it stopped working last month"),
            (TreatmentHad("lanreotide", "stopped working"),),
        ),
        (
            ("mum had everolimus", "she had to stop because of mouth ulcers"),
            (TreatmentHad("everolimus", "side effects"),),
        ),
        (
            ("my wife is on the jab", "the last scan showed growth"),
            (TreatmentHad("somatostatin_analogue", "stopped working"),),
        ),
        (
            ("my husband had lanreotide and everolimus", "both stopped working"),
            (TreatmentHad("everolimus", "stopped working"), TreatmentHad("lanreotide", "stopped working")),
        ),
        (("on octreotide", "still on it, tolerating it fine"), (TreatmentHad("octreotide", "ongoing"),)),
        # the outcome goes to the treatment named last, never to an operation
        (
            ("he had a whipple, then lanreotide", "it's growing again now"),
            (TreatmentHad("lanreotide", "stopped working"), TreatmentHad("surgery")),
        ),
        # a question about what might happen is no outcome; "still" about something else neither
        (("she's on lanreotide", "is there a trial if it stops working?"), (TreatmentHad("lanreotide", "ongoing"),)),
        (("dad had PRRT in 2021", "which trials can he still do?"), (TreatmentHad("prrt"),)),
    ],
)
def test_what_happened_said_in_a_later_message(turns: tuple, expected: tuple) -> None:
    assert _after(*turns) == expected


# -- issue 15 (session 10): families of wording for what was had and what happened --------------
def outcomes(text: str) -> dict[str, Optional[str]]:
    return {t.id: t.outcome for t in had(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a drug's name typed with a slip, not in the vocabulary's list of misspellings
        ("hes been on sunitinb for a year", {"sunitinib": "ongoing"}),
        ("she took everolimis for 8 months", {"everolimus": None}),
        ("dad on octreotine monthly", {"octreotide": "ongoing"}),
        ("the surgeon said it went well", {}),  # a real word close to a treatment's name is not it
        # short names people type
        (
            "had capecitabine and tem last year, gave up cos of the sickness",
            {"capecitabine_temozolomide": "side effects"},
        ),
        ("mum was on evero till it quit working", {"everolimus": "stopped working"}),
    ],
)
def test_names_typed_short_or_with_a_slip(text: str, expected: dict) -> None:
    assert outcomes(text) == expected


@pytest.mark.parametrize(
    ("text", "treatment", "outcome"),
    [
        ("he was on sunitinib for a year til it stopped doing anything", "sunitinib", "stopped working"),
        ("lanreotide didnt touch it, the spots kept coming", "lanreotide", "stopped working"),
        ("octreotide made no difference to the flushing or the scans", "octreotide", "stopped working"),
        ("my wife is on lanreotide and it's helping the diarrhoea", "lanreotide", "ongoing"),
        ("dad's on diazoxide, which helps with the lows", "diazoxide", "ongoing"),
        ("hes had chemo (capecitabine+temozolomide), couldnt tolerate it", "capecitabine_temozolomide", "side effects"),
    ],
)
def test_more_ways_of_telling_what_happened(text: str, treatment: str, outcome: str) -> None:
    assert outcomes(text).get(treatment) == outcome


@pytest.mark.parametrize(
    "text",
    [
        "Octreotide didn't hold it and everolimus didn't either.",
        "sandostatin failed, nor did afinitor help, same with sunitinib",
        "lanreotide stopped working in 2021, same with everolimus after that",
    ],
)
def test_an_outcome_said_once_for_the_next_treatment_too(text: str) -> None:
    told = outcomes(text)
    assert len(told) >= 2 and set(told.values()) == {"stopped working"}


@pytest.mark.parametrize(
    "text",
    [
        "She's on Somatuline since the spring. Side effects have been horrible, she's wiped out.",
        "He started the octreotide shots in June. The side effects are really getting him down.",
        "I'm on lanreotide. The side effect I can't cope with is the runs.",
    ],
)
def test_a_sentence_about_side_effects_goes_with_the_treatment_before(text: str) -> None:
    assert "side effects" in outcomes(text).values()


@pytest.mark.parametrize(
    "text",
    [
        "She takes diazoxide which helps. Are there trials for insulinomas that come back?",
        "dad is on lanreotide. is there anything for tumours that grow again?",
        "On octreotide since May. Could a trial help if it progresses later?",
    ],
)
def test_a_question_tells_nothing_that_happened(text: str) -> None:
    assert "stopped working" not in outcomes(text).values()


@pytest.mark.parametrize(
    "text",
    [
        "the surgeon says just watch it for now",
        "they're leaving it alone, it's tiny",
        "consultant wants to keep an eye on it with scans",
        "they're monitoring it with yearly MRIs",
    ],
)
def test_watching_the_tumour_in_everyday_words(text: str) -> None:
    assert outcomes(text) == {"surveillance": "ongoing"}


@pytest.mark.parametrize(
    "text",
    [
        "finished the chemo, do they just watch it now or is there more?",
        "can they watch it rather than operate?",
        "the nurse will keep an eye on her sugars",
    ],
)
def test_watching_asked_about_or_not_the_tumour_is_not_had(text: str) -> None:
    assert "surveillance" not in outcomes(text)


@pytest.mark.parametrize(
    ("text", "planned"),
    [
        ("the onc wants him on lanreotide to keep it stable", "lanreotide"),
        ("her consultant wants to put her on everolimus next", "everolimus"),
        ("they want me on capecitabine from next month", "capecitabine"),
    ],
)
def test_what_the_doctors_want_them_on_is_not_had(text: str, planned: str) -> None:
    assert planned not in outcomes(text)


@pytest.mark.parametrize(
    "text",
    [
        "do you have anything on sutent",
        "any info about lanreotide for a newbie",
        "got some reading on everolimus from the nurse",
    ],
)
def test_asking_for_something_on_a_drug_is_not_having_it(text: str) -> None:
    assert had(text) == ()


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("could she get on a PRRT study?", "prrt"),
        ("could my dad go on an everolimus trial", "everolimus"),
        ("could I get into a cabozantinib study in the UK", "cabozantinib"),
    ],
)
def test_could_they_get_on_a_trial_is_a_wish(text: str, treatment: str) -> None:
    assert treatment in wanted(text) and had(text) == ()


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("they are talking about a Whipple which I really don't want", "surgery"),
        ("the team mentioned chemo, he's dead against it", "chemotherapy"),
        ("onc suggested PRRT, which she refuses", "prrt"),
        ("everolimus is out of the question for me after last time, anything else?", "everolimus"),
    ],
)
def test_a_refusal_said_after_the_name(text: str, treatment: str) -> None:
    assert treatment in avoided(text)


def test_a_drug_they_do_not_want_to_stop_is_not_refused() -> None:
    assert "lanreotide" not in avoided("she's on lanreotide which she doesn't want to stop, any trials alongside it?")


# -- round 4: stricter rules against false readings, and families of wording ----------------------
@pytest.mark.parametrize(
    ("text", "refused"),
    [
        (
            "the onc wants capecitabine next. mum keeps saying anything but chemo, she saw her sister go through it",
            "chemotherapy",
        ),
        ("Everything but surgery please, he is 84", "surgery"),
        ("I'm not having another operation, the last one nearly killed me", "surgery"),
        ("she won't do chemo again after last time", "chemotherapy"),
        ("actually scrap PRRT, he read about the kidneys. what else?", "prrt"),
    ],
)
def test_refusals_said_in_everyday_words(text: str, refused: str) -> None:
    assert refused in avoided(text)
    assert refused not in {t.id for t in had(text)}


@pytest.mark.parametrize(
    "text",
    [
        "His consultant says he's probably too old for PRRT, which really upset him",
        "She might be too weak for surgery, they'll see after the next scan",
        "is he too old for PRRT?",
        "would she be fit enough for surgery at 84?",
    ],
)
def test_a_doubt_or_what_cannot_be_had_is_no_refusal_or_wish(text: str) -> None:
    assert avoided(text) == () and wanted(text) == ()


def test_a_clinicians_no_is_not_the_persons_refusal_and_had_one_points_back() -> None:
    profile = read_message("The surgeons in Leeds say no more operation, she had one in 2020")
    assert profile.wants.avoid == ()
    assert TreatmentHad("surgery") in profile.treatments


@pytest.mark.parametrize(
    "text",
    [
        "the team in Leeds talk about Lutathera. will he be too old for the teenage study by then?",
        "Her doctors talked of PRRT at the last clinic.",
        "the oncologist spoke about everolimus as the next step",
    ],
)
def test_a_treatment_the_team_talks_about_is_no_wish(text: str) -> None:
    assert wanted(text) == () and had(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "the whipple's booked for March at the Freeman",
        "Her distal pancreatectomy is scheduled for the 14th.",
        "TACE is pencilled in for next month",
    ],
)
def test_a_booked_operation_is_not_had(text: str) -> None:
    assert had(text) == ()


def test_an_operation_a_trial_does_is_wished_for_not_had() -> None:
    profile = read_message(
        "Her surgeon mentioned a study where they operate first to take out the tumour and then give PRRT"
    )
    assert "surgery" in profile.wants.treatment
    assert all(t.id != "surgery" for t in profile.treatments)


@pytest.mark.parametrize(
    "text",
    [
        "gallium pet scan??",
        "My onc thinks PRRT might suit because the gallium scan lit up nicely.",
        "the ga68 scan showed two spots",
    ],
)
def test_a_scan_is_not_a_trial_wished_for(text: str) -> None:
    assert "ga68_dotatate" not in wanted(text)


def test_a_scan_tracer_named_in_a_trial_look_up_is_still_wanted() -> None:
    assert "ga68_dotatate" in wanted("any trials using gallium dotatate PET?")


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        (
            "he was on capecitabeen and temozolomide for 6 rounds, it stopped working",
            TreatmentHad("capecitabine_temozolomide", "stopped working"),
        ),
        (
            "Lanreotide 2 yrs then it stopped working, sunitinib for a year and that failed too",
            TreatmentHad("lanreotide", "stopped working"),
        ),
        (
            "on sandostatin every month and I couldn't cope if it started growing again",
            TreatmentHad("octreotide", "ongoing"),
        ),
        (
            "PRRT x4 in 2021. On everolimus now. Some days I want to walk off and not come back lol",
            TreatmentHad("everolimus", "ongoing"),
        ),
        ("Mum take lanreotide from two years and the disease is stable", TreatmentHad("lanreotide", "ongoing")),
        (
            "the rash is unbearable, all over my arms since starting everolimus",
            TreatmentHad("everolimus", "side effects"),
        ),
        ("he's been on sunitinib since may and he feels awful on it", TreatmentHad("sunitinib", "side effects")),
    ],
)
def test_what_happened_attaches_to_the_right_drug(text: str, treatment: TreatmentHad) -> None:
    assert treatment in had(text)


def test_results_that_came_back_are_no_regrowth() -> None:
    assert TreatmentHad("lanreotide", "ongoing") in had("on lanreotide monthly. the biopsy results came back grade 1")


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("the Dundee team keep an eye on them with a scope every year", "surveillance"),
        ("han opererades 2019 och mår bra", "surgery"),
    ],
)
def test_more_ways_to_tell_a_treatment_had(text: str, treatment: str) -> None:
    assert treatment in {t.id for t in had(text)}


def test_never_operated_in_swedish_is_not_surgery() -> None:
    assert all(t.id != "surgery" for t in had("han har aldrig opererats, bara lanreotid"))


def test_a_question_about_whether_a_drug_is_used_is_no_wish() -> None:
    assert wanted("is everolimus still used for pnets") == ()


def test_no_to_any_treatment_is_a_refusal_not_a_wish() -> None:
    from bot.profile.treatments import read_treatments

    reading = read_treatments("She's said no to chemo and no to any operation, full stop.")
    assert reading.avoided == ("chemotherapy", "surgery") and reading.wanted == ()
    assert read_treatments("is there any operation that could help").wanted == ("surgery",)
