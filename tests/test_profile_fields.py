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
        ("we live in Tullamore, my dad is 70 with a pnet", "Tullamore", None, None),
        ("I'm 58 from Bielefeld, Germany, pNET G2", "Bielefeld", None, "DE"),
        ("Hej, jag bor i Skövde och har NET", "Skövde", None, None),
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
