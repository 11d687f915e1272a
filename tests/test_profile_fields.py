"""Profile fields read from everyday writing: who it is about, age, sex, NET or NEC, spread, inherited
conditions and place. Sentences written for these tests, not taken from the development set."""

from __future__ import annotations

from typing import Optional

import pytest

from bot.profile.read import read_message


@pytest.mark.parametrize(
    ("text", "about", "age", "sex"),
    [
        # relatives in the writers' other languages, after "my" in that language
        ("Min far är 72 och har en NET i bukspottkörteln", "parent", 72, "male"),
        ("Meine Mutter (81) hat einen neuroendokrinen Tumor, gibt es Studien?", "parent", 81, "female"),
        ("mijn man, 59 jaar, heeft een pNET met uitzaaiingen", "partner", 59, "male"),
        ("ma mère a 66 ans, tumeur neuroendocrine du pancréas", "parent", 66, "female"),
        # Irish, Scots and Northern English "me da", "ma maw", "me mam"
        ("me da's 77 and has a net in his bowel, any trials in cork", "parent", 77, "male"),
        ("ma maw is 80, she has one o they carcinoids", "parent", 80, "female"),
        ("me mam has a pnet, shes 69", "parent", 69, "female"),
        # a child named by age alone
        ("my 14 year old has MEN1 and a small pnet", "child", 14, None),
        ("our 9yo was just diagnosed with an insulinoma", "child", 9, None),
        ("my 16yo son has a net in his appendix", "child", 16, "male"),
        # a relative named only in passing is not the one it is about
        ("I'm 51, pnet grade 2, MEN1 like my mother", "self", 51, None),
        ("just back from seeing my sister. im 63, liver mets from a small bowel net", "self", 63, None),
        ("i'm 70, took my grandson fishing today. pnet g2 with liver mets", "self", 70, None),
        # ages that were, or will be: "since he was 25", "wait till she's 18"
        ("My brother is 44, he's had NETs since he was 30", "sibling", 44, "male"),
        ("my daughter is 16, should we wait till she's 18 for the trial", "child", 16, "female"),
        ("my husband 58 has a pnet, diagnosed when he was 50", "partner", 58, "male"),
        # staff giving a patient's age, and non-native "man of 60 years"
        ("pt is 81 - any prrt trials without an upper age limit", None, 81, None),
        ("patient is 67, g3 pnet, which trials", "other", 67, None),
        ("I am a man of 60 years with tumour of pancreas", "self", 60, "male"),
        ("Hello, I am woman of 47, neuroendocrine tumor G2", "self", 47, "female"),
        # sex from the writer's own words
        ("I'm 79, a widower, pnet since 2019", "self", 79, "male"),
        ("jag är 61 (kvinna), NET i tunntarmen", "self", 61, "female"),
        ("55 yo M here, si-net with liver mets", "self", 55, "male"),
        ("70yo f here, carcinoid in the lung", "self", 70, "female"),
        # contradictory: the relative word and the pronoun with the age disagree
        ("my dad has a NET, she's 74", "parent", 74, None),
        ("my wife has a pnet, he is 60", "partner", 60, None),
        ("my son has a gastrinoma, she's 22", "child", 22, None),
        # the writer's own questions
        ("do i pay for the scan myself or does insurance cover it", "self", None, None),
        ("can i keep working on capecitabine", "self", None, None),
        ("the jabs make me feel rough for days, anyone else?", "self", None, None),
        ("my scan is next week, can you explain what a dotatate pet is for me", "self", None, None),
        ("mine is 2cm, is that big?", "self", None, None),
        ("the thought of more surgery scares me", "self", None, None),
        # not the writer: curious, general
        ("I'm just curious how many PRRT trials there have been", None, None, None),
        ("i'm interested in what trials ran in sweden", None, None, None),
    ],
)
def test_person(text: str, about: Optional[str], age: Optional[int], sex: Optional[str]) -> None:
    profile = read_message(text)
    assert (profile.about, profile.age, profile.sex) == (about, age, sex)


@pytest.mark.parametrize(
    ("text", "tumour_type"),
    [
        # a comparison names neither
        ("is a net worse than a nec or the same?", None),
        ("whats the diff between NET vs NEC", None),
        ("my letter says NEN, is that a NET or a NEC?", None),
        ("mums letter says pancreatic NEN G2", None),
        # well differentiated wins over G3
        ("path says well differentiated NET, G3, ki67 25%", "NET"),
        ("its a well-differentiated neuroendocrine tumour but grade 3", "NET"),
        # NEC in other languages
        ("Min far har neuroendokrint karsinom i lungan", "NEC"),
        ("mein Vater hat ein neuroendokrines Karzinom", "NEC"),
        ("nevroendokrint karsinom, G3", "NEC"),
        # a NET not theirs: trial names, who a study is for, a suspicion
        ("SPINET-X recruiting?", None),
        ("which trials are for pNET pts only", None),
        ("they think she might have a NET but the biopsy was inconclusive", None),
        ("could this be a carcinoid crisis or just a panic attack", None),
        # inverted word order, and "neuro endocrine" alone
        ("my husband have tumor neuroendocrine of the pancreas", "NET"),
        ("tumour of neuroendocrine kind in her bowel", "NET"),
        ("mum has neuro endocrine in her liver", None),
        # written with a hyphen
        ("dad has a pancreatic neuro-endocrine tumor", "NET"),
        ("a neuro-endocrine carcinoma, small cell, of the oesophagus", "NEC"),
    ],
)
def test_tumour_type(text: str, tumour_type: Optional[str]) -> None:
    assert read_message(text).tumour_type == tumour_type


@pytest.mark.parametrize(
    ("text", "spread", "spread_to"),
    [
        # not spread, said in other ways
        ("pnet 1.2cm, the scans show nothing anywhere else", False, ()),
        ("2cm pnet G1, nothing elsewhere on the gallium scan", False, ()),
        ("the pet scan doesn't show anything else, just the one in the pancreas", False, ()),
        ("NET in the small bowel without metastasis", False, ()),
        ("letter says no distant disease", False, ()),
        # a question whether it might spread is not a spread
        ("does a 1cm insulinoma usually spread?", None, ()),
        ("what are the chances it will spread?", None, ()),
        ("how likely is it to spread if we just watch it?", None, ()),
        # lymph nodes counted as clear
        ("whipple done, 0/12 nodes, margins clear", None, ()),
        ("0 of 9 lymph nodes involved", None, ()),
        ("the nodes came back negative", None, ()),
        # the lining of the tummy is the peritoneum; lungs listed with another place
        ("spread to the lining of his abdomen", True, ("peritoneum",)),
        ("stage 4 in the liver and the lining of the belly", True, ("liver", "peritoneum")),
        ("mets in bones and lungs", True, ("bones", "lungs")),
        ("its in her liver, bones and lungs now", True, ("bones", "liver", "lungs")),
        ("spread to liver n lungs", True, ("liver", "lungs")),
        # brain fog is not the brain; a liver study is not the liver
        ("pnet g2, the brain fog on lanreotide is awful", None, ()),
        ("PV-10 liver study still recruiting?", None, ()),
        # other languages
        ("NET i tunntarmen med levermetastaser", True, ("liver",)),
        ("pancreas NET, spredning til leveren", True, ("liver",)),
        ("spridd till levern sedan 2022", True, ("liver",)),
        ("NET mit Lebermetastasen", True, ("liver",)),
    ],
)
def test_spread(text: str, spread: Optional[bool], spread_to: tuple[str, ...]) -> None:
    profile = read_message(text)
    assert (profile.spread, profile.spread_to) == (spread, spread_to)


@pytest.mark.parametrize(
    ("text", "inherited"),
    [
        ("my daughter has MEN1 and a 1cm pnet", ("MEN1",)),
        ("he was tested for VHL and it came back negative", ()),
        ("they think she might have MEN1, waiting on bloods", ()),
        ("the genetic test for men 1 was negative", ()),
        ("if i turn out to have MEN1 do my kids need testing", ()),
        ("MEN1 runs in the family but his test was clear", ()),
        ("are there studies on NF1 families", ()),
        ("I've got VHL and a pnet", ("VHL",)),
    ],
)
def test_inherited(text: str, inherited: tuple[str, ...]) -> None:
    assert read_message(text).inherited == inherited


@pytest.mark.parametrize(
    ("text", "city", "region", "country"),
    [
        # a town the lexicon lacks, where they live
        ("we live in Tullamore, my dad is 70 with a pnet", "Tullamore", None, "IE"),
        ("I'm 58 from Bielefeld, Germany, pNET G2", "Bielefeld", None, "DE"),
        ("Hej, jag bor i Skövde och har NET", "Skövde", None, "SE"),  # the country from the gazetteer
        # ...but not an everyday word people capitalise
        ("I'm in Remission since the whipple", None, None, None),
        # a town and its region: the region says which country
        ("we're in London, Ontario, is there prrt nearby", "London", "Ontario", "CA"),
        ("Perth, Scotland not Australia - pnet trials?", "Perth", "Scotland", "GB"),
        # US postal abbreviations after a town
        ("52F, Tampa FL, pnet liver mets", "Tampa", "Florida", "US"),
        ("dad lives in Madison WI", "Madison", "Wisconsin", "US"),
        ("Brisbane QLD, si-net", "Brisbane", "Queensland", "AU"),
        # a place of two words after "the", and a city as they wrote it
        ("we're on the Gold Coast, any prrt", "Gold Coast", None, "AU"),
        ("vi bor i göteborg", "Göteborg", None, "SE"),
        ("live in Copenhagen, pnet", "Copenhagen", None, "DK"),
    ],
)
def test_place(text: str, city: Optional[str], region: Optional[str], country: Optional[str]) -> None:
    place = read_message(text).place
    assert (place.city, place.region, place.country) == (city, region, country)


# -- issue 15, session 9: corrections across turns, relatives' words, places -----------------------
def _after(*turns: str):
    from bot.profile.model import Profile
    from bot.profile.read import update

    profile = Profile()
    for turn in turns:
        profile = update(profile, turn)
    return profile


@pytest.mark.parametrize(
    ("turns", "about", "age", "sex"),
    [
        # who it is about, corrected later: the writer's own age goes with them
        (("i'm 45 and have a pnet grade 2", "sorry, it's for my dad not me, he's 72"), "parent", 72, "male"),
        (("I have a NET in my pancreas", "actually it's my mum who has it, not me"), "parent", None, "female"),
        (("my brother has a pnet", "sorry, brother-in-law, my husband's brother. he's 48"), "other", 48, "male"),
        (("my husband has a NET", "no wait it's me, not my husband. I'm 52"), "self", 52, None),
        # ages corrected on their own
        (("my husband is 66 with a pnet", "sorry I meant 67"), "partner", 67, "male"),
        (("mum 70, pnet g2", "typo, 79"), "parent", 79, "female"),
        # a relative in passing after the story does not take it over
        (("my wife (58) has a pnet", "my husband has collapsed, what do I do"), "partner", 58, "female"),
        # words that disagree across turns leave the sex out
        (("my husband has a pnet", "she's 61"), "partner", 61, None),
    ],
)
def test_corrections_across_turns_win(
    turns: tuple, about: Optional[str], age: Optional[int], sex: Optional[str]
) -> None:
    profile = _after(*turns)
    assert (profile.about, profile.age, profile.sex) == (about, age, sex)


@pytest.mark.parametrize(
    ("text", "about", "age", "sex"),
    [
        ("my MIL has just been told she has a pnet, she's 74", "other", 74, "female"),
        ("my FIL is 80 and has a NET in his bowel", "other", 80, "male"),
        ("my step-mum is 66, pancreatic NET with liver mets", "parent", 66, "female"),
        ("my bestie (41) has a pNET grade 1", "friend", 41, None),
        ("my great aunt is 90 with a lung carcinoid", "other", 90, "female"),
        ("my grand-dad is 83 and has a NET", "grandparent", 83, "male"),
        ("my gf's dad has a pnet, hes 59", "other", 59, "male"),
        ("my twin (52) has a NET", "sibling", 52, None),
        ("76 year old dad with pnet, any trials", "parent", 76, "male"),
        ("my husband, who is sixty four, has a NET", "partner", 64, "male"),
        ("she'll be 71 in june, my mum, pnet", "parent", 70, "female"),
        ("My dad turned 91 in June, pnet", "parent", 91, "male"),
        ("Dad had his 70th birthday last week, pnet g2", "parent", 70, "male"),
        ("mum had her 12th injection today, she is 77", "parent", 77, "female"),
        # a decade is not an age
        ("my mum is in her late 70s with a pnet", "parent", None, "female"),
        # the writer's own notes: a self-description or first-person words beside a bare age
        ("64 yo lady, pnet g1, any trials", "self", 64, "female"),
        ("pnet. g2. liver. lanreotide failed. 62M. trials?", "self", 62, "male"),
        ("honestly fed up. gave the cat to my sister. pnet, liver, 61.", "self", 61, None),
        # no one said: a question about a report
        ("path report says ki-67 0%. is that even possible?", None, None, None),
        # an animal is not a person
        ("my dog has a NET on her pancreas, any trials for dogs", None, None, None),
    ],
)
def test_who_and_how_old_in_everyday_words(
    text: str, about: Optional[str], age: Optional[int], sex: Optional[str]
) -> None:
    profile = read_message(text)
    assert (profile.about, profile.age, profile.sex) == (about, age, sex)


def test_a_pet_gives_no_profile_at_all() -> None:
    assert read_message("my cat has a pnet grade 2 with liver mets").is_empty


@pytest.mark.parametrize(
    ("turns", "city", "region", "country"),
    [
        (("I live in Victoria BC, pnet",), "Victoria", "British Columbia", "CA"),
        (("from county cork, pnet g2",), None, "Cork", "IE"),
        (("upstate new york, husband has pnet",), None, "New York", "US"),
        (("Hi from Adelaide, here in SA, pnet with liver mets",), "Adelaide", "South Australia", "AU"),
        # a region that holds their town, asked for as where the trial should be
        (("we're in Newport. any PRRT trial in Wales?",), "Newport", "Wales", "GB"),
        (("Dad lives in Aberdeen. Anything ideally in Scotland?",), "Aberdeen", "Scotland", "GB"),
        # a region they only mention: a relative's, a trial's, a hospital's
        (("We're in Winnipeg. Our son lives in Toronto so anything in Ontario would be easy",), "Winnipeg", None, "CA"),
        (("any trials in Scotland? we live in Leeds",), "Leeds", None, "GB"),
        (("she had surgery at the Alberta Children's, we're in Calgary",), "Calgary", None, "CA"),
        (("NET-PRO iowa - can pts self refer?",), None, None, None),
        # a later move replaces the old region
        (("my dad lives with us in Ohio", "actually we moved him to Pittsburgh last month"), "Pittsburgh", None, "US"),
        (("we're in scotland", "near glasgow"), "Glasgow", "Scotland", "GB"),
        # a later country replaces a town in another country
        (("we're in Leeds", "anything in England?"), "Leeds", None, "GB"),
    ],
)
def test_regions_where_the_person_is(
    turns: tuple, city: Optional[str], region: Optional[str], country: Optional[str]
) -> None:
    place = _after(*turns).place
    assert (place.city, place.region, place.country) == (city, region, country)


def test_corrections_are_never_kept_in_the_slot() -> None:
    profile = read_message("sorry, it's for my dad not me, he's 72")
    assert profile.corrections == ("about",)
    assert "corrections" not in profile.as_dict()
    assert _after("i'm 45", "sorry, it's for my dad not me").corrections == ()


@pytest.mark.parametrize(
    ("text", "about", "age"),
    [
        # staff asking for their work: no one's own story
        ("I'm a NET nurse specialist, which trials are open for G3 pNET?", None, None),
        ("research nurse here - is COMPOSE still recruiting?", None, None),
        ("im a GP, patient 71M with pnet g2 liver mets, any trials", "other", 71),
        # ...unless they tell of their own illness
        ("Retired GP here, 74. Diagnosed last year with a G1 pNET, 2cm", "self", 74),
        # the writer's own age given with their name is not the relative's
        ("hi, I'm Sarah, 45, my partner Jo has a pnet", "partner", None),
        ("i am MEN1 positive like my son, he's 19 and has a pnet", "child", 19),
    ],
)
def test_staff_and_writers_own_age(text: str, about: Optional[str], age: Optional[int]) -> None:
    profile = read_message(text)
    assert (profile.about, profile.age) == (about, age)


@pytest.mark.parametrize(
    "turns, ki67, grades",
    [
        (["G1, Ki-67 under 2%, 1.6 cm"], None, (1,)),
        (["ki67 <2%, cga 190 (ref <100)"], None, (1,)),
        (["my wife has a pNET, ki67 25%", "sorry!! 2.5% not 25, the decimal point fell off"], 2.5, (1,)),
        (["Ki67 was 3% in 2019 but the new biopsy says 14%"], 14.0, (2,)),
    ],
)
def test_ki67_bounds_and_corrections(turns: list[str], ki67: float | None, grades: tuple) -> None:
    from bot.profile.evaluate import read_turns

    read = read_turns(turns)
    assert (read.ki67, read.grades) == (ki67, grades)


@pytest.mark.parametrize(
    "text, size",
    [
        ("His latest MRI shows a pNET that's grown from 14mm to 19mm in a year.", 19),
        ("my 15yo has MEN1 and 2 small pnets (8mm and 12mm)", 12),
        ("Dad is 49, pancreatic NET, and his liver has a lot of it, one of the mets is 6 cm.", None),
        ("lots of liver mets (biggest 5 cm) and two spots in my spine", None),
        ("Last scan showed it's got a bit bigger, now 3.1cm.", 31),
        ("a distal pancreatectomy in Edinburgh in 2022, 1.8cm, grade 1", 18),
    ],
)
def test_the_tumours_own_size(text: str, size: float | None) -> None:
    from bot.profile.tumour import read_tumour

    assert read_tumour(text).size_mm == size


@pytest.mark.parametrize(
    "text, kind",
    [
        ("wat does ki67 mean n is 14% bad", "NET"),
        ("my ki67 is 2.5 what grade is that", "NET"),
        ("her ki67 is 35%", None),
        ("CONTROL NETS - sites? prior PRRT allowed?", None),
        ("phase 3 pnet trials with UK sites", "NET"),
    ],
)
def test_a_ki67_of_grade_1_or_2_says_net_and_a_trials_name_does_not(text: str, kind: str | None) -> None:
    from bot.profile.tumour import read_tumour

    assert read_tumour(text).tumour_type == kind


@pytest.mark.parametrize(
    "text, spread, functioning",
    [
        ("Scans show a couple of small lumps in her pancreas, nothing spread.", False, None),
        ("NET i bukspottkörteln, 4,5 cm, inga metastaser.", False, None),
        ("a 9mm lump in his pancreas. Not making any hormones.", None, "non-functioning"),
    ],
)
def test_no_spread_and_no_hormones_in_everyday_words(text: str, spread: bool | None, functioning: str | None) -> None:
    from bot.profile.tumour import read_tumour

    read = read_tumour(text)
    assert (read.spread, read.functioning) == (spread, functioning)


@pytest.mark.parametrize(
    "text",
    [
        "tumeur neuroendocrine du pancréas avec métastases au foie",
        "NET dell'ileo con metastasi epatiche",
        "tiene metástasis en el hígado",
    ],
)
def test_spread_to_the_liver_in_other_languages(text: str) -> None:
    from bot.profile.tumour import read_tumour

    read = read_tumour(text)
    assert (read.spread, read.spread_to) == (True, ("liver",))


@pytest.mark.parametrize(
    "text", ["Ha un carcinoma neuroendocrino del pancreas", "un carcinome neuroendocrine du pancréas"]
)
def test_nec_in_other_languages(text: str) -> None:
    from bot.profile.tumour import read_tumour

    assert read_tumour(text).tumour_type == "NEC"
