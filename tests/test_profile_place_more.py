"""Classes of place wording, each tested on sentences the rules were not written for."""

from __future__ import annotations

import pytest

from bot.profile.evaluate import read_turns
from bot.profile.place import read_place


@pytest.mark.parametrize(
    ("text", "city", "region", "country"),
    [
        # a relative who is not the patient lives somewhere else
        ("My wife is 60 with a pNET. Our son works as a teacher in Leeds. We live in Bristol.", "Bristol", None, "GB"),
        ("Dad is 77, lung carcinoid. My sister is in Canada. Any trials near Cardiff?", "Cardiff", None, "GB"),
        ("my husband has a NET, our kids are in New Zealand, we're in Perth WA", "Perth", "Western Australia", "AU"),
        # the patient's place beats the writer's
        ("my mum has a pancreatic NET, she's in Glasgow, I'm in London", "Glasgow", None, "GB"),
        ("My brother (50) has a NEC. He's in Denver, I'm in Chicago. Any trials for him?", "Denver", None, "US"),
        ("I'm 60 with a pNET. Our son is a doctor in Boston but we live in Leeds", "Leeds", None, "GB"),
        ("Dad's in Cork, I'm in London. he's 81", "Cork", None, "IE"),
        ("mum is in Leeds and I'm in Bristol, she's 77", "Leeds", None, "GB"),
        ("I'm in London. I have a pnet, my dad's in Cork", "London", None, "GB"),
        ("my wife is 60, our daughter lives in Toronto, we're in Halifax NS", "Halifax", "Nova Scotia", "CA"),
        # a place said with "not" is the one they do not mean
        ("we live in Portland - Maine, not Oregon", "Portland", "Maine", "US"),
        ("not Birmingham, Bristol. sorry, typo", "Bristol", None, "GB"),
        # a town with its state or region written after it
        ("We're in Tamworth (NSW). He is 66.", "Tamworth", "New South Wales", "AU"),
        ("Franklin, Tennessee. 58F, pnet g2", "Franklin", "Tennessee", "US"),
        ("Fort Collins CO here, 70 year old man with a small bowel NET", "Fort Collins", "Colorado", "US"),
        ("Kingston (Ontario, not Jamaica). my dad is 71", "Kingston", "Ontario", "CA"),
        # note-form openings and "a ... woman in X"
        ("55F, Bendigo. ileal NET with liver mets", "Bendigo", None, "AU"),
        ("I'm a 44 year old man in Trondheim with a pancreatic NET", "Trondheim", None, "NO"),
        ("we're out in Toowoomba, hubby is 68", "Toowoomba", None, "AU"),
        ("Chicago area (Evanston). mom is 72, pnet", "Evanston", None, "US"),
        ("scrivo per mia madre, 70 anni, di Brescia. NET del pancreas", "Brescia", None, "IT"),
        # a trip or a trial's place is not where they are
        ("can you get PRRT on the NHS in Scotland?", None, "Scotland", "GB"),
        ("Is there a trial in Lyon or Paris? My father lives in Grenoble.", "Grenoble", None, "FR"),
        ("we'd fly anywhere in Asia or the US for a trial", None, None, None),
        ("rural Alberta, nearest proper hospital is Calgary, 4 hours away", None, "Alberta", "CA"),
        # regions of other countries, by the gazetteer's English names; England's regions likewise
        (
            "vivimos en Valencia, ¿hay algo en Cataluña o la Comunidad Valenciana?",
            "Valencia",
            "Valencian Community",
            "ES",
        ),
        ("Wir wohnen in Bayern, mein Vater ist 70", None, "Bavaria", "DE"),
        ("we're in the West Country, any trials?", None, "South West England", "GB"),
        ("anything in the north east? she's in Durham", "Durham", "North East England", "GB"),
        # "here or in X": not where they are
        ("we moved to Darwin. anything here or in Sydney?", "Darwin", None, "AU"),
        # a town said before the big city it is near; a whole name with "City"
        ("We live in Kelowna near Vancouver", "Kelowna", None, "CA"),
        ("his doctors in Mexico City said no", "Mexico City", None, "MX"),
        # a relative who is the patient, named, with the town
        ("writing for my uncle Piet in Eindhoven, he is 70", "Eindhoven", None, "NL"),
        ("hubby and I are in Wagga Wagga NSW", "Wagga Wagga", "New South Wales", "AU"),
        ("Portland, OR. 55M pnet", "Portland", "Oregon", "US"),
        ("any trials in Bavaria? we live in Munich", "Munich", "Bavaria", "DE"),
        # countries offered as a choice are not where they are; their home still counts
        ("any PRRT trial in France or Belgium?", None, None, None),
        ("everolimus trials, germany or austria", None, None, None),
        ("we live in Graz. anything in Austria or Germany?", "Graz", None, "AT"),
        # a town said before the big city it is near, after a comma
        ("we live in Kelowna, near Vancouver", "Kelowna", None, "CA"),
        # an institution named after its city, in a staff look-up
        ("Leiden Univ sponsored NET studies", None, None, None),
        ("what's open at UMC Groningen for NETs", None, None, None),
    ],
)
def test_place_classes(text: str, city: str | None, region: str | None, country: str | None) -> None:
    place = read_place(text)
    assert (place.city, place.region, place.country) == (city, region, country)


def test_a_relative_who_is_the_patient_keeps_the_place() -> None:
    assert read_place("my dad lives in Leeds, he is 80 with a pancreatic NET").city == "Leeds"


@pytest.mark.parametrize(
    ("text", "region", "country"),
    [
        # the gazetteer's regions and aliases, in countries the profile's own table already covers
        ("down in SoCal, are there any trials?", "Southern California", "US"),
        ("my dad lives in the Twin Cities", "Twin Cities", "US"),
        ("we're on Long Island, anything close?", "Long Island", "US"),
        ("live in the Maritimes, trials for pnet?", "Maritimes", "CA"),
        ("Mum is in the Northern Territory, Australia", "Northern Territory", "AU"),
        # short forms after "in" or "from"
        ("I'm from NI, what trials are there?", "Northern Ireland", "GB"),
        ("we're in PEI", "Prince Edward Island", "CA"),
        # a British county that is also a small town abroad
        ("we are in Northumberland, any trials?", "Northumberland", "GB"),
        # regions further afield, named beside the country
        ("in Flanders, Belgium. studies?", "Flanders", "BE"),
        ("my sister is in the Western Cape, South Africa", "Western Cape", "ZA"),
    ],
)
def test_regions_people_name(text: str, region: str, country: str) -> None:
    place = read_turns([text]).place
    assert (place.region, place.country) == (region, country)


def test_a_short_form_is_no_region_without_a_preposition() -> None:
    assert read_turns(["bc he's tired all the time, any trials?"]).place.region is None


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        # a big town with a letter or two wrong, after a word saying where they are
        ("we live nr Manchster, any trials?", "Manchester", "GB"),
        ("she lives in Edinbugh", "Edinburgh", "GB"),
        ("we're in Chigago, what is there", "Chicago", "US"),
        ("i live in Torronto", "Toronto", "CA"),
    ],
)
def test_a_misspelt_big_town(text: str, city: str, country: str) -> None:
    place = read_turns([text]).place
    assert (place.city, place.country) == (city, country)


@pytest.mark.parametrize(
    "text",
    [
        "outside working hours who do i call?",
        "she is 57, pancreas G3, liver mets",
        "got a letter from radiology today",
    ],
)
def test_no_misspelt_town_in_everyday_or_medical_words(text: str) -> None:
    assert read_turns([text]).place.city is None
