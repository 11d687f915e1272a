"""Who a message is about, their age and sex, where they are, and the wording clean-up before it."""

from __future__ import annotations

from typing import Optional

import pytest

from bot.profile.place import read_place
from bot.profile.read import read_message
from bot.profile.wording import readable


@pytest.mark.parametrize(
    ("text", "about", "age", "sex"),
    [
        # relatives without "my", with names and with slang
        ("Dad is 66, pnet with liver mets", "parent", 66, "male"),
        ("Father, 80, pNET G1, on watch and wait", "parent", 80, "male"),
        ("Partner (she's 36) has insulinomas", "partner", 36, "female"),
        ("my partner Sal is 52 and has a NET", "partner", 52, None),
        ("my old man's 82 and has a net", "parent", 82, "male"),
        ("my mums 67 n has a pnet", "parent", 67, "female"),
        ("my wifes got a tumour on her pancreas, shes 60", "partner", 60, "female"),
        ("My fiancé (31, male) has a NET in his rectum", "partner", 31, "male"),
        ("Min mamma är 69 och har en neuroendokrin tumör", "parent", 69, "female"),
        # in-laws, a relative's relative and grandchildren are "other"
        ("My father-in-law is 62 and has a pNET", "other", 62, "male"),
        ("my girlfriend's dad is 60, NET in his pancreas", "other", 60, "male"),
        ("My boyfriend's mum has a pNET. She's 55", "other", 55, "female"),
        ("my 5 year old grandson has a pnet", "other", 5, "male"),
        ("Asking for a friend. She's 42 and has a somatostatinoma", "friend", 42, "female"),
        ("asking on behalf of a patient: 68F, pNET G2", "other", 68, "female"),
        # the writer's own illness wins over a relative only mentioned in passing
        (
            "I'm 66 and my husband is 69. It's me who's got the tumour",
            "self",
            66,
            None,
        ),  # a husband says nothing of the writer's sex
        ("I'm a 66 year old man with a NET. My wife (64) has been a rock", "self", 66, "male"),
        ("me, 73, male, pNET G1. My daughter keeps sending me articles", "self", 73, "male"),
        ("i'm 44 (f), my husband found me in the car, i had a 1.4cm insulinoma", "self", 44, "female"),
        # ...and a relative told ill wins over the writer's own past
        ("im 70, i had a carcinoid years ago. now my daughter (35) has one in her lung", "child", 35, "female"),
        ("I'm 63, my mum's NET has spread to her liver", "parent", None, "female"),
        # self-descriptions
        ("Irish lad here, 42. NET in the pancreas", "self", 42, "male"),
        ("I'm a 62-year-old fella with a NET", "self", 62, "male"),
        ("Hi, I live in Vancouver. 53 yo woman with a pnet", "self", 53, "female"),
        ("am f 45 pnet g1 2cm", "self", 45, "female"),
        ("Jag är 66 år och har NET i tunntarmen", "self", 66, None),
        ("ki67 <2%, cga 190 would they still take me", "self", None, None),
        # not a person, or no one said
        ("my dog has a NET on her pancreas, are there trials for dogs", None, None, None),
        ("what is PRRT and are there trials near me", None, None, None),
        ("closed ones too please, I'm writing a summary for our support group", None, None, None),
    ],
)
def test_who_how_old_and_sex(text: str, about: Optional[str], age: Optional[int], sex: Optional[str]) -> None:
    profile = read_message(text)
    assert (profile.about, profile.age, profile.sex) == (about, age, sex)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("My mother is 90 next month", 89),
        ("sorry 16 now, his birthday was yesterday", 16),
        ("pancreas, liver spread, 70. what prrt trials?", 70),
        ("found in january. 72. grade 2.", 72),
        ("Now 33, pregnant with our first", 33),
        ("sorry, 64 was right", 64),
        ("I said 62 but he's actually 67, I'm 62!!", 67),
        # numbers that are not ages
        ("67", None),
        ("grade 2, 3 cycles of capecitabine", None),
        ("cgA went from 90 to 400 in 6 months", None),
        ("Diagnosed with it 2 years ago", None),
        ("lanreotide 120, every 28 days", None),
    ],
)
def test_ages_people_write(text: str, age: Optional[int]) -> None:
    assert read_message(text).age == age


@pytest.mark.parametrize(
    ("text", "city", "region", "country"),
    [
        ("I'm in the US btw", None, None, "US"),
        ("we're near Glasgow", "Glasgow", None, "GB"),
        ("Cork", "Cork", None, "IE"),
        ("we live in the West Country", None, "South West England", "GB"),  # the gazetteer's name
        ("I live in Reading. pnet, trials?", "Reading", None, "GB"),
        ("my mams 67, we r in newcastle", "Newcastle", None, "GB"),
        ("i'm 44, live in Columbus Ohio", "Columbus", "Ohio", "US"),
        ("I'm 35, female, from Halifax (Nova Scotia)", "Halifax", "Nova Scotia", "CA"),
        ("Irish lad here, 42, Donegal", None, "Donegal", "IE"),
        ("she lives in Co. Kerry", None, "Kerry", "IE"),
        ("he's a proper stubborn yorkshireman", None, "Yorkshire", "GB"),
        ("We live in Norfolk, within about 40 miles", None, "Norfolk", "GB"),
        ("Kia ora from Auckland. What trials exist in NZ or Australia?", "Auckland", None, "NZ"),
        ("My mother-in-law lives in Ireland (Limerick). My husband and I are in London", "Limerick", None, "IE"),
        ("We're in Birmingham. My daughter has a tumour", "Birmingham", None, "GB"),
        # a name two countries share, with nothing else to go on: the bigger place; a state said wins
        ("hes on lanreotide, we live near birmingham. any trials?", "Birmingham", None, "GB"),
        ("we live near birmingham, alabama", "Birmingham", "Alabama", "US"),
        ("any trials near boston", "Boston", None, "US"),
        # the place a nearest site is asked for; a town the lexicon lacks, with its state after it; Italian
        ("closest site to allentown PA?", "Allentown", "Pennsylvania", "US"),  # the state written with the town
        ("abito a Brindisi, qual è il centro più vicino?", "Brindisi", None, "IT"),
        ("The oncologist in Milano say now only controls", "Milano", None, "IT"),
        ("w Polsce", None, None, "PL"),
        # where they live beats where they would go
        ("we're in Kent, can get to London", None, "Kent", "GB"),
        ("there's a trial in the US but we're in Scotland", None, "Scotland", "GB"),
        ("we're in Belgium but can go to the Netherlands", None, None, "BE"),
        ("we can travel anywhere in Europe or the US", None, None, None),
        # hospitals someone is treated at, and the health service
        ("The team at Great Ormond Street say PRRT might help him", "London", None, "GB"),
        ("docs at MD Anderson offered CAPTEM", "Houston", None, "US"),
        ("is PRRT on the NHS or do I need a trial", None, None, "GB"),
        # not places: body parts, words, trials and sponsors named after a city, bare hospital look-ups
        ("it has spread to my liver", None, None, None),
        ("I was reading about lanreotide", None, None, None),
        ("is he too young for the Utrecht radiotherapy trial?", None, None, None),
        ("what's the Lund trial about", None, None, None),
        ("Uppsala Uni trials", None, None, None),
        ("trials at Sahlgrenska", None, None, None),
        ("royal free trials", None, None, None),
    ],
)
def test_places(text: str, city: Optional[str], region: Optional[str], country: Optional[str]) -> None:
    place = read_message(text).place
    assert (place.city, place.region, place.country) == (city, region, country)


@pytest.mark.parametrize(
    ("text", "km"),
    [
        ("anything within 30 miles of Denver", 48),
        ("I don't drive so it would need to be 40 miles away at most", 64),
        ("can travel 100 km", 100),
        ("my tumour is 2km big lol no 2cm", None),
    ],
)
def test_travel_distance(text: str, km: Optional[float]) -> None:
    assert read_message(text).place.travel_km == km


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Jag är 66 år", "Jag är 66 år"),  # letters of any script stay one word: not "ä" + "are"
        ("my mums 67", "my mum's 67"),
        ("my dads got a pnet", "my dad's got a pnet"),
        ("my sons are 8 and 10", "my sons are 8 and 10"),  # a plural stays a plural
        ("u r gr8", "you are gr8"),
    ],
)
def test_wording(text: str, plain: str) -> None:
    assert readable(text) == plain


# -- issue 15 (session 10) --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "about", "age"),
    [
        ("dad had 4 rounds of lutathera last year", "parent", None),  # a count, not his age
        ("mum had 3 lots of chemo, shes 71", "parent", 71),
        ("my wife have 61 years and a pnet", "partner", 61),
        ("the wife has a pnet, shes 64", "partner", 64),
        ("the husband was diagnosed in may, 58 now", "partner", 58),
        ("Partner of 15 years, Jo, has liver mets now. She's 49.", "partner", 49),
        ("husband of 30 yrs has a NET, he is 70", "partner", 70),
        ("min sambo är 58 och har en NET", "partner", 58),
        ("pappa har NET, han är 77", "parent", 77),
        ("59 here, male, liver mets", "self", 59),
        ("F, 52, pnet g1", "self", 52),
        ("Diagnosed at 44 last month, pnet grade 2, I'm scared", "self", 44),
        ("I'm 28 and just found out I have MEN1 and a pancreatic NET. My cousin had MEN1 too.", "self", 28),
        ("My aunt (sixty-something, she won't say) has a carcinoid", "other", None),
        ("my husband is seventy-two next birthday", "partner", 71),
        ("I'm 61. Well 62 now, it was my birthday on sunday", "self", 62),
    ],
)
def test_who_and_how_old_more_wordings(text: str, about: Optional[str], age: Optional[int]) -> None:
    person = read_message(text)
    assert (person.about, person.age) == (about, age)


@pytest.mark.parametrize(
    ("text", "city", "region", "country"),
    [
        ("retired farmer from near Dubbo, pnet", "Dubbo", None, "AU"),
        ("from near Dubbo, NSW", "Dubbo", "New South Wales", "AU"),
        ("we're in wollongong", "Wollongong", None, "AU"),
        ("we live just outside Guelph, Ontario", "Guelph", "Ontario", "CA"),
        ("I'm 29 (f), from Graz. The endocrinologist in Vienna says wait", "Graz", None, "AT"),
        ("from Alberta, near Red Deer", "Red Deer", "Alberta", "CA"),
        ("55 y/o male, Houston TX. pNET G2", "Houston", "Texas", "US"),
        ("we're in county durham", None, "County Durham", "GB"),
        ("live in lancs, any trials near manchester", "Manchester", "Lancashire", "GB"),
        ("I'm okay with that, what's next?", None, None, None),  # a word after "I'm" is no town
        ("I'm in pain most days", None, None, None),
    ],
)
def test_places_people_write(text: str, city: Optional[str], region: Optional[str], country: Optional[str]) -> None:
    place = read_message(text).place
    assert (place.city, place.region, place.country) == (city, region, country)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("our son turns 18 in March and has a pnet", 17),
        ("my twin brother has a pnet, we're both 52", 52),
        ("mum is 67 or 76, I always mix it up", None),
        ("my dad turns 70 next week", 69),
    ],
)
def test_ages_round_four(text: str, age: Optional[int]) -> None:
    assert read_message(text).age == age


@pytest.mark.parametrize(
    ("text", "city", "region", "country"),
    [
        ("dad has a pnet, what trials r there in nth ireland", None, "Northern Ireland", "GB"),
        ("she lives in Launceston (Tassie)", "Launceston", "Tasmania", "AU"),
        ("61, male, Dubbo Nsw. pnet g1", "Dubbo", "New South Wales", "AU"),
        ("Writing from Leeds about my sister who lives in Madrid. Is there a trial in Spain?", "Madrid", None, "ES"),
        ("The Aberdeen GI team scan her every year", "Aberdeen", None, "GB"),
        ("she had her op at the glasgow royal", "Glasgow", None, "GB"),
        ("Doctors in Bucharest say he is too old for surgery", "Bucharest", None, "RO"),
        ("45F, Montreal, pnet", "Montreal", None, "CA"),
        ("Royal Brisbane & Women's - NET trials recruiting?", None, None, None),
        ("the surgeon at Hopkins in Baltimore wants to operate", "Baltimore", None, "US"),
    ],
)
def test_places_round_four(text: str, city: Optional[str], region: Optional[str], country: Optional[str]) -> None:
    place = read_message(text).place
    assert (place.city, place.region, place.country) == (city, region, country)


def test_a_region_after_a_town_tells_which_country_the_town_is_in() -> None:
    from bot.profile.place import read_place

    assert read_place("vivo en Cartagena, Murcia").country == "ES"
    assert read_place("vivo en Cartagena (Murcia) y tengo un tumor").country == "ES"
    assert read_place("vivo en Cartagena").country == "CO"  # the bigger one when nothing says which


def test_the_age_at_diagnosis_after_a_long_name_of_the_tumour() -> None:
    from bot.profile.person import read_person

    text = "Diagnosed with a grade 3 pancreatic neuroendocrine carcinoma at 61. Large cell type."
    assert read_person(text).age == 61
    assert read_person("diagnosed with a pancreatic NET of 25 mm at 10 am on monday").age is None


@pytest.mark.parametrize(
    "text, city, country",
    [
        ("We're in Mount Gambier, South Australia", "Mount Gambier", "AU"),
        ("He lives in Green Bay, Wisconsin", "Green Bay", "US"),
        ("I live in Madison WI", "Madison", "US"),
        ("Sono di Forlì, ho 63 anni.", "Forlì", "IT"),
        ("Mon père a 77 ans et habite à Trois-Rivières.", "Trois-Rivières", "CA"),
        ("Läkaren i Borås pratar om en studie", "Borås", "SE"),
    ],
)
def test_home_towns_of_two_words_and_in_other_languages(text: str, city: str, country: str) -> None:
    from bot.profile.place import read_place

    place = read_place(text)
    assert (place.city, place.country) == (city, country)


def test_a_hospital_named_says_which_country_a_town_of_two_countries_is_in() -> None:
    from bot.profile.place import read_place

    assert read_place("His doc at Mass General says wait. He lives in Worcester MA.").country == "US"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("CABATEN - still open? spanish sites pls", "ES"),
        ("AveNEC - german sites?", "DE"),
        ("phase 1 studies, US only, any status incl completed", "US"),
        ("trials for pnet that arent chemo or surgery, tablet form ideally, US", "US"),
        ("we can travel anywhere in Europe or the US", None),
    ],
)
def test_the_country_whose_sites_are_asked_for(text: str, country: Optional[str]) -> None:
    assert read_place(text).country == country


@pytest.mark.parametrize(
    "text, city, country",
    [
        ("Hello, I am from Poland but I live in Dublin 10 years. My husband is 51", "Dublin", "IE"),
        ("we are from Poland but he lives in Edinburgh now. any trials?", "Edinburgh", "GB"),
        ("originally from Glasgow, living in Perth WA now", "Perth", "AU"),
        ("we live in Pisa, originally from Rome", "Pisa", "IT"),
    ],
)
def test_where_they_live_beats_where_they_come_from(text: str, city: str, country: str) -> None:
    place = read_place(text)
    assert (place.city, place.country) == (city, country)


@pytest.mark.parametrize(
    "text, city, country",
    [
        ("surgery is booked for next month at Sick Kids", "Toronto", "CA"),
        ("it was removed in 2023 at the Brompton, clear since", "London", "GB"),
        ("Distal pancreatectomy booked for the 14th at Royal North Shore.", "Sydney", "AU"),
        ("r there any clinical trials in nz for net??", None, "NZ"),
    ],
)
def test_a_hospital_where_someone_is_treated_and_short_country_names(
    text: str, city: Optional[str], country: str
) -> None:
    place = read_place(text)
    assert (place.city, place.country) == (city, country)


def test_a_bare_hospital_name_is_still_a_staff_look_up_not_a_home() -> None:
    assert read_place("trials at Sahlgrenska?").city is None


@pytest.mark.parametrize(
    "text, city, region, country",
    [
        ("38F, melbourne. is there anything on trial in victoria or nsw?", "Melbourne", "Victoria", "AU"),
        ("we live in Victoria BC", "Victoria", "British Columbia", "CA"),
        ("we've moved down to Hobart now. anything here or in Victoria?", "Hobart", None, "AU"),
    ],
)
def test_victoria_the_australian_state_and_a_place_offered_as_a_choice(
    text: str, city: str, region: Optional[str], country: str
) -> None:
    place = read_place(text)
    assert (place.city, place.region, place.country) == (city, region, country)


def test_a_town_with_its_state_beats_the_city_of_a_hospital() -> None:
    place = read_place("I'm 47F, had a distal pancreatectomy at Moffitt 6 weeks ago. Is it still open? Sarasota FL")
    assert (place.city, place.region, place.country) == ("Sarasota", "Florida", "US")


@pytest.mark.parametrize(
    "text, age, sex",
    [
        # an age in a clause after the relative, in English and Swedish
        ("I'm writing for my neighbour Joan from the allotments who is 79. She has a NET.", 79, "female"),
        ("asking for my uncle who's 72, he has a lung carcinoid", 72, "male"),
        ("Jag skriver för min pappa som är 81. Han har NET i tunntarmen.", 81, "male"),
        # a name between the relative and the age, in any case
        ("my wife maria is 59, pnet grade 1", 59, "female"),
        ("Min fru Anna är 63 och har en NET", 63, "female"),
        # an age said in the writer's own language
        ("Buongiorno, ho 58 anni e ho un NET del pancreas", 58, None),
        ("Hola, tengo 61 años, tumor neuroendocrino", 61, None),
        # "NN years, woman" and "NN here (f)"
        ("I am 49 years, man, from Porto. NET of the stomach", 49, "male"),
        ("70 here (m). small bowel NET, liver mets", 70, "male"),
        # pronouns in another language tell the sex
        ("min sambo är 55 och han har en NET i bukspottkörteln", 55, "male"),
        # looking after someone is not "after" a time
        ("I look after my dad Ray who's 88, he has a pancreatic NET", 88, "male"),
    ],
)
def test_person_classes(text: str, age: Optional[int], sex: Optional[str]) -> None:
    profile = read_message(text)
    assert (profile.age, profile.sex) == (age, sex)


def test_an_age_corrected_as_one_number_not_another() -> None:
    assert read_message("oops 67 not 76, typing on my phone").age == 67
    assert read_message("ki67 was 31 not 13, sorry").age is None


@pytest.mark.parametrize(
    ("text", "about", "age", "sex"),
    [
        # partners in everyday words, only after "my" or "our"
        ("my fella is 47, they found a NET in his small bowel", "partner", 47, "male"),
        ("writing for our lass, 58, she has a pNET", "partner", 58, "female"),
        ("61 year old bloke from Hull, pnet g2", "self", 61, "male"),
        # ages and sexes with a slash, and pronouns in brackets
        ("f/52, pancreatic NET with liver mets", "self", 52, "female"),
        ("71/m - grade 2 pnet, any trials", "self", 71, "male"),
        ("my wife (she/her) is 45 and has an insulinoma", "partner", 45, "female"),
        ("37 yo m, NET in the appendix", "self", 37, "male"),
        # the age asked about is the patient's
        ("is 84 too old for the trials? my nan has a NET in her small bowel", "grandparent", 84, "female"),
    ],
)
def test_partners_and_note_forms(text: str, about: Optional[str], age: Optional[int], sex: Optional[str]) -> None:
    person = read_message(readable(text))
    assert (person.about, person.age, person.sex) == (about, age, sex)
