"""Where the person is, and how far they would travel.

Cities and countries come from the lexicon's places (data/lexicon/places.yml); regions people
name instead ("the West Country", "the Midwest", "Texas", "Co. Donegal"), smaller cities the
lexicon lacks (no trial runs there, but the country still matters) and hospitals that say where
someone is treated come from the tables below. Words that are also everyday words or body parts
are never read as places.

Where someone lives beats a place they would travel to: in "we're in Kent, can get to London"
the place is Kent, and "we can travel anywhere in Europe or the US" names no home at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from bot.geo import find_place, gazetteer, read_nearness
from bot.geo.find import find_entry
from bot.geo.names import name_key
from bot.lexicon import Lexicon, default_lexicon
from bot.profile.model import Place
from bot.profile.place_people import RELATIVE_WORDS, patient_is_someone_else, someone_elses
from bot.profile.regions import abroad_regions, disagree, region_of
from bot.text import CALENDAR_WORDS, normalize, strip_accents
from bot.trials.lookup import everyday_words

_US_STATES = (
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois "
    "indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri "
    "montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming"
).split() + [
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york state",
    "north carolina",
    "north dakota",
    "rhode island",
    "south carolina",
    "south dakota",
    "west virginia",
]
_UK_COUNTIES = (
    "norfolk",
    "suffolk",
    "essex",
    "surrey",
    "sussex",
    "east sussex",
    "west sussex",
    "dorset",
    "somerset",
    "hampshire",
    "wiltshire",
    "gloucestershire",
    "oxfordshire",
    "berkshire",
    "buckinghamshire",
    "hertfordshire",
    "bedfordshire",
    "cambridgeshire",
    "northamptonshire",
    "leicestershire",
    "lincolnshire",
    "nottinghamshire",
    "derbyshire",
    "staffordshire",
    "shropshire",
    "cheshire",
    "warwickshire",
    "worcestershire",
    "herefordshire",
    "merseyside",
    "teesside",
    "fife",
    "ayrshire",
    "aberdeenshire",
    "perthshire",
    "lothian",
    "isle of wight",
    "north yorkshire",
    "south yorkshire",
    "west yorkshire",
    "east yorkshire",
)
# Irish counties that are not also the name of a city (the city is read instead: "Sligo", "Cork").
_IE_COUNTIES = (
    "donegal",
    "tipperary",
    "wicklow",
    "kildare",
    "cavan",
    "monaghan",
    "leitrim",
    "roscommon",
    "longford",
    "westmeath",
    "offaly",
    "laois",
    "carlow",
    "fermanagh",
    "antrim",
    "armagh",
)
# ...and ones that are also names or words ("Kerry", "down"), read only after "county" / "co".
_IE_COUNTIES_AFTER_COUNTY = (
    "kerry",
    "mayo",
    "clare",
    "meath",
    "louth",
    "tyrone",
    "down",
    "derry",
    "cork",
    "dublin",
    "galway",
    "limerick",
    "waterford",
    "kilkenny",
    "wexford",
    "sligo",
)  # "Co. Cork": the county
_NI_COUNTIES = {"fermanagh", "antrim", "armagh", "tyrone", "down", "derry"}
_CA_PROVINCES = (
    "nova scotia",
    "ontario",
    "quebec",
    "british columbia",
    "alberta",
    "manitoba",
    "saskatchewan",
    "new brunswick",
    "newfoundland and labrador",
    "prince edward island",
    "yukon",
    "northwest territories",
    "nunavut",
)
_AU_STATES = (
    "new south wales",
    "queensland",
    "tasmania",
    "western australia",
    "south australia",
    "northern territory",
)
REGIONS: dict[str, tuple[str, str]] = {  # normalised phrase -> (region as shown, ISO country)
    **{
        r: (r.title(), "GB")
        for r in (
            "east midlands",
            "west midlands",
            "midlands",
            "east anglia",
            "home counties",
            "yorkshire",
            "lancashire",
            "cornwall",
            "devon",
            "kent",
            "cumbria",
            "northumberland",
            "scotland",
            "wales",
            "northern ireland",
            "highlands",
            *_UK_COUNTIES,
        )
    },
    **{  # "Halifax West Yorkshire": the region as the other Yorkshire places are labelled
        r: ("Yorkshire", "GB")
        for r in (
            "yorkshireman",
            "yorkshirewoman",
            "yorkshiremen",
            "north yorkshire",
            "south yorkshire",
            "west yorkshire",
            "east yorkshire",
        )
    },
    # England's regions by the gazetteer's own names (bot/geo/regions.py), so a search finds them
    **{r: ("South West England", "GB") for r in ("west country", "south west", "south west england", "sw england")},
    **{r: (f"{r.title()} England", "GB") for r in ("south east", "north west", "north east")},
    "upstate new york": ("New York", "US"),
    "upstate ny": ("New York", "US"),
    **{
        r: (r.title(), "US")
        for r in (
            "midwest",
            "mid west",
            "east coast",
            "west coast",
            "new england",
            "pacific northwest",
            "deep south",
            *_US_STATES,
        )
    },
    **{
        r: (shown, "SE")
        for r, shown in (
            ("skane", "Skåne"),
            ("scania", "Skåne"),
            ("norrland", "Norrland"),
            ("vastra gotaland", "Västra Götaland"),
        )
    },
    **{r: (r.title(), "IE") for r in ("munster", "leinster", "connacht", "ulster", *_IE_COUNTIES)},
    **{
        f"{prefix} {r}": (r.title(), "GB" if r in _NI_COUNTIES else "IE")
        for r in (*_IE_COUNTIES, *_IE_COUNTIES_AFTER_COUNTY)
        for prefix in ("county", "co")
    },
    **{r: (r.title().replace(" And ", " and "), "CA") for r in _CA_PROVINCES},
    **{r: (r.title(), "AU") for r in _AU_STATES},
}
REGIONS.update(
    {
        "county durham": ("County Durham", "GB"),
        "co durham": ("County Durham", "GB"),
        "tyne and wear": ("Tyne And Wear", "GB"),
        "greater manchester": ("Greater Manchester", "GB"),
        "west midlands": ("West Midlands", "GB"),
        **{
            short: ("Northern Ireland", "GB")
            for short in ("nth ireland", "n ireland", "norn iron", "northern irl", "n irl")
        },
        "tassie": ("Tasmania", "AU"),
        **{short: ("Newfoundland and Labrador", "CA") for short in ("newfoundland", "labrador", "nfld")},
        # the short forms people write for English counties
        **{
            short: (full.title(), "GB")
            for short, full in (
                ("lancs", "lancashire"),
                ("yorks", "yorkshire"),
                ("lincs", "lincolnshire"),
                ("notts", "nottinghamshire"),
                ("northants", "northamptonshire"),
                ("herts", "hertfordshire"),
                ("cambs", "cambridgeshire"),
                ("glos", "gloucestershire"),
                ("wilts", "wiltshire"),
                ("staffs", "staffordshire"),
                ("leics", "leicestershire"),
                ("worcs", "worcestershire"),
                ("oxon", "oxfordshire"),
                ("derbys", "derbyshire"),
                ("shrops", "shropshire"),
            )
        },
    }
)
# The gazetteer's regions and their aliases ("SoCal", "the Twin Cities", "Flanders") where the table above has none.
REGIONS.update(
    {
        name: region
        for name, region in abroad_regions(exclude=set()).items()
        if name not in REGIONS and name != "england"
    }
)
# British counties and regions that are also towns abroad ("Northumberland, PA", "Cornwall, Ontario"): the county,
# unless the town is a city many people live in (Norfolk, Virginia; Surrey, British Columbia).
_COUNTIES_NOT_TOWNS = {name for name, (_, code) in REGIONS.items() if code == "GB"} - {"norfolk", "surrey"}
# Short forms that are regions only after "in", "from", "near": "we're in PEI", "I'm from NI" (not Spanish "ni").
_SHORT_REGIONS: dict[str, tuple[str, str]] = {
    "ni": ("Northern Ireland", "GB"),
    "pei": ("Prince Edward Island", "CA"),
    "bc": ("British Columbia", "CA"),
    "nsw": ("New South Wales", "AU"),
    "qld": ("Queensland", "AU"),
    "dmv": ("DC area", "US"),
}
for _ni in _NI_COUNTIES & set(_IE_COUNTIES):
    REGIONS[_ni] = (_ni.title(), "GB")
# Towns and cities the lexicon does not list (no trial runs there), as written -> the countries
# they are in, most likely first; another place or British wording in the message picks among them.
EXTRA_CITIES: dict[str, tuple[str, ...]] = {
    **{
        c: ("GB",)
        for c in (
            "Brighton",
            "Swansea",
            "Basingstoke",
            "Reading",
            "Bradford",
            "Coventry",
            "Plymouth",
            "Exeter",
            "Norwich",
            "Ipswich",
            "Hull",
            "Stoke",
            "Portsmouth",
            "Bournemouth",
            "Dundee",
            "Inverness",
            "Stirling",
            "Wrexham",
            "Preston",
            "Blackpool",
            "Bolton",
            "Wigan",
            "Sunderland",
            "Middlesbrough",
            "Durham",
            "Carlisle",
            "Lancaster",
            "Chester",
            "Worcester",
            "Gloucester",
            "Cheltenham",
            "Swindon",
            "Milton Keynes",
            "Northampton",
            "Peterborough",
            "Luton",
            "Watford",
            "Guildford",
            "Canterbury",
            "Maidstone",
            "Colchester",
            "Chelmsford",
            "Southend",
            "Aberystwyth",
            "Derby",
            "Wolverhampton",
            "Stockport",
            "Salford",
            "Huddersfield",
            "Wakefield",
            "Doncaster",
            "Rotherham",
            "Barnsley",
            "Harrogate",
            "Taunton",
            "Truro",
            "Londonderry",
            "Lisburn",
            "Paisley",
            "Kilmarnock",
        )
    },
    "Halifax": ("GB", "CA"),
    "Newport": ("GB", "US"),
    "Hamilton": ("CA", "NZ", "GB"),
    **{
        c: ("IE",)
        for c in (
            "Limerick",
            "Sligo",
            "Waterford",
            "Kilkenny",
            "Athlone",
            "Drogheda",
            "Dundalk",
            "Letterkenny",
            "Tralee",
            "Ennis",
            "Wexford",
            "Navan",
            "Mullingar",
            "Castlebar",
        )
    },
    **{
        c: ("US",)
        for c in (
            "Sacramento",
            "Columbus",
            "Phoenix",
            "Detroit",
            "Minneapolis",
            "Milwaukee",
            "Cincinnati",
            "Louisville",
            "Memphis",
            "Charlotte",
            "Raleigh",
            "Orlando",
            "Salt Lake City",
            "Las Vegas",
            "San Antonio",
            "San Jose",
            "Kansas City",
            "Omaha",
            "Oklahoma City",
            "Tucson",
            "Boise",
            "Honolulu",
            "Anchorage",
            "Fort Worth",
            "El Paso",
            "Albany",
            "Hartford",
            "Providence",
            "Des Moines",
            "Little Rock",
            "Birmingham Alabama",
            "Spokane",
        )
    },
    **{c: ("CA",) for c in ("Winnipeg", "Regina", "Saskatoon", "Victoria", "Quebec City", "Kingston", "Moncton")},
    **{c: ("AU",) for c in ("Hobart", "Darwin", "Canberra", "Gold Coast", "Geelong", "Townsville", "Cairns")},
    **{c: ("NZ",) for c in ("Wellington", "Christchurch", "Dunedin", "Tauranga")},
    **{
        c: ("SE",)
        for c in (
            "Helsingborg",
            "Västerås",
            "Norrköping",
            "Jönköping",
            "Sundsvall",
            "Luleå",
            "Karlstad",
            "Växjö",
            "Gävle",
            "Halmstad",
            "Kalmar",
        )
    },
}
_EXTRA_BY_WORDS = {normalize(name): name for name in EXTRA_CITIES}
# Hospitals that say where someone is treated: normalised name -> (city, ISO country).
HOSPITALS: dict[str, tuple[Optional[str], str]] = {
    "great ormond street": ("London", "GB"),
    "great ormond st": ("London", "GB"),
    "gosh": ("London", "GB"),  # only written in capitals (see _CAPITALS_ONLY): "oh gosh" is no hospital
    "royal free": ("London", "GB"),
    "royal marsden": ("London", "GB"),
    "the marsden": ("London", "GB"),
    "uclh": ("London", "GB"),
    "guys and st thomas": ("London", "GB"),
    "kings college hospital": ("London", "GB"),
    "the christie": ("Manchester", "GB"),
    "christie hospital": ("Manchester", "GB"),
    "addenbrookes": ("Cambridge", "GB"),
    "the beatson": ("Glasgow", "GB"),
    "velindre": ("Cardiff", "GB"),
    "md anderson": ("Houston", "US"),
    "sloan kettering": ("New York", "US"),
    "dana farber": ("Boston", "US"),
    "mass general": ("Boston", "US"),
    "massachusetts general": ("Boston", "US"),
    "mgh": ("Boston", "US"),
    "johns hopkins": ("Baltimore", "US"),
    "cleveland clinic": ("Cleveland", "US"),
    "moffitt": ("Tampa", "US"),
    "karolinska": ("Stockholm", "SE"),
    "sahlgrenska": ("Gothenburg", "SE"),
    "akademiska": ("Uppsala", "SE"),
    "peter mac": ("Melbourne", "AU"),
    "princess margaret": ("Toronto", "CA"),
    "sick kids": ("Toronto", "CA"),
    "sickkids": ("Toronto", "CA"),
    "odette": ("Toronto", "CA"),
    "tom baker": ("Calgary", "CA"),
    "cross cancer": ("Edmonton", "CA"),
    "jewish general": ("Montreal", "CA"),
    "royal brompton": ("London", "GB"),
    "the brompton": ("London", "GB"),
    "hammersmith hospital": ("London", "GB"),
    "freeman hospital": ("Newcastle", "GB"),
    "crumlin": ("Dublin", "IE"),
    "beaumont": ("Dublin", "IE"),
    "royal north shore": ("Sydney", "AU"),
    "royal prince alfred": ("Sydney", "AU"),
    "rbwh": ("Brisbane", "AU"),
    "royal brisbane": ("Brisbane", "AU"),
    "royal adelaide": ("Adelaide", "AU"),
    "auckland city hospital": ("Auckland", "NZ"),
    "12 de octubre": ("Madrid", "ES"),
    "uw carbone": ("Madison", "US"),
    "ucsf": ("San Francisco", "US"),
    "vanderbilt": ("Nashville", "US"),
    "city of hope": ("Duarte", "US"),
    "huntsman": ("Salt Lake City", "US"),
    "erasmus mc": ("Rotterdam", "NL"),
    "charite": ("Berlin", "DE"),
    "rigshospitalet": ("Copenhagen", "DK"),
    "radiumhospitalet": ("Oslo", "NO"),
    "nhs": (None, "GB"),
    "hse": (None, "IE"),
}
# Country names in the writers' other languages that the lexicon lacks (Polish "w Polsce", Swedish "i Tyskland").
COUNTRY_ALIASES = {
    "polsce": "poland",
    "niemczech": "germany",
    "storbritannien": "united kingdom",
    "irland": "ireland",
    "kanada": "canada",
    "tyskland": "germany",
    "frankrike": "france",
    "danmark": "denmark",
    "nederlanderna": "netherlands",
    "nz": "new zealand",
}
_BRITISH = re.compile(
    r"\b(?:tumour|paediatric|oesophag\w*|haemat\w*|mum|mam|nhs|gp|a&e|whilst|centre|programme|colour)\b", re.I
)
_MAX_PLACE_WORDS = 4
# City names that are ordinary words, names or body parts; read only after "in/near/around".
_NEEDS_A_PREPOSITION = {
    "reading",
    "bath",
    "norman",
    "troy",
    "webster",
    "orange",
    "mobile",
    "independence",
    "liver",
    "florence",
    "victoria",
    "york",
    "hope",
    "wells",
    "deal",
    "march",
    "may",
    "best",
    "eugene",
    "hull",
    "stoke",
    "derby",
    "darwin",
    "charlotte",
    "phoenix",
    "regina",
    "hamilton",
    "chester",
    "lancaster",
    "durham",
    "kingston",
    "preston",
    "bolton",
    "providence",
    "albany",
    "newport",
}
_PREPOSITION = re.compile(r"\b(?:in|near|around|from|at|nr|outside|close to|live in|based in|by|mov(?:ed|ing) to)\s*$")
_NOT_A_PLACE_BEFORE = re.compile(r"\b(?:my|his|her|the)\s*$")  # "my liver", "the march appointment"
_NOT_A_REGION_BEFORE = re.compile(r"\b(?:my|his|her)\s*$")  # "the Midlands" is a region
# "we live in", "I'm from", "she lives near": where the person is.
_LIVING_IN = (
    rf"\b(?:live[sd]?|living|based|reside[sd]?|residing|moved|works?|working|are|am|is|i m|we re|im|he s|she s|they re|(?:{RELATIVE_WORDS}) s|here|stay\w*"
    r"|bor|bo|wohne|wohnen|woon|wonen|mieszkam|mieszkamy|habite|habitons|vivo|vivimos|abito|abitiamo)\b"
    r"(?!\s+(?:there|it|that|this|the\s+trial)\b)(?:\s+\S+){0,3}?"  # "is there a trial in Shanghai": not where they are
    r"\s+(?:in|near|around|outside|to|i|w|a|en)(?:\s+\S+){0,2}$"
)
_LIVES = re.compile(_LIVING_IN)
_HOME = re.compile(_LIVING_IN + r"|\b(?:from|near|nr|outside)(?:\s+\S+){0,2}$")
# "I am from Poland", "originally from Glasgow": where they come from, which a place said with "live in",
# "we're in" beats ("... but I live in Dublin").
_FROM = re.compile(r"\bfrom(?:\s+\S+){0,2}$")
# "anything here or in Victoria?": a place offered as a choice, not where they are.
_OPTION = re.compile(r"\bor (?:in|near|around)$")
# "anything here or in Victoria?": they are not there, so it is not even a place they might be
_HERE_OR = re.compile(r"\bhere\s+or\s+(?:in|near|around)$")
# "can go to", "happy to travel": where they would go, not where they are.
_TRAVEL = re.compile(
    r"\b(?:travel\w*|go|fly|flying|drive|driving|come|trip|visit|go over)\b|\bget\s+(?:to|over|down|up)\b"
)
_TOWN_THEN_NEAR = r"\b(?:live[sd]?|living|based|we re|i m)\s+in\s+(\S+(?:\s+\S+)?)\s+(?:near|outside|close to|by)\s+"


def _landmark(phrase: str, text: str) -> bool:
    """ "we live in Lévis, near Québec": the place only tells where their town is."""
    town = re.search(_TOWN_THEN_NEAR + re.escape(phrase) + r"\b", normalize(text))
    found = find_place(town.group(1), fuzzy=False) if town else None
    return found is not None and found.kind == "city"


_NEAREST_IS = re.compile(r"\b(?:nearest|closest)(?:\s+\S+){0,3}\s+(?:is|s)$")  # "nearest big centre is Saskatoon"
_NOT_THIS_ONE = re.compile(r"\bnot(?:\s+in)?(?:\s+the)?$")
_JOINED = re.compile(r"\b(?:or|and)(?:\s+(?:the|in))?$")
_TRAVEL_WINDOW = 4  # words before the place: "can u get lutathera on the nhs in wales" is no trip
# "the Lund trial", "Uppsala Uni": a trial or sponsor named after a city.
_NAMED_AFTER = re.compile(r"^(?:\w+\s+)?(?:trial|trials|study|studies)\b")
# "Uppsala Univ sponsored", "peking union med college", "UMC Utrecht": an institution named after its city
_SPONSOR_AFTER = re.compile(r"^(?:uni|univ|university|universitet|union|medical\s+college|med\s+college)\b")
_SPONSOR_BEFORE = re.compile(r"\b(?:umc|chu|chru|aou|irccs)$")
_CARED_FOR = re.compile(
    r"\b(?:i|im|we|he|she|they|my|his|her|our|their|team|docs?|doctors?|oncologist|onc|consultant|surgeon|nurses?|cns|treated|seen|had|under"
    r"|work(?:s|ed|ing)?|based"
    r"|booked|removed|operated|surgery|operation|scanned|scans?|diagnosed|admitted|appointment|appt|back\s+from|been\s+(?:to|at))\b"
)
_CLAUSES = re.compile(r"(?<![Cc]o)(?<![Ss]t)\.(?!\d)|[;!?,\n]|\bbut\b|\bthough\b", re.I)
_TRAVEL_KM = re.compile(
    r"\b(within|under|less than|up to|no more than|max(?:imum)?|about|around)?\s*(\d+(?:\.\d+)?)\s*(miles?|mi|km|kms|kilomet(?:er|re)s?)\b",
    re.I,
)
_TRAVEL_WORDS = re.compile(
    r"\b(?:travel\w*|drive|driving|journey|away|distance|radius|commute|go|get|of\s+(?:me|home|us|here))\b", re.I
)
_KM_PER_MILE = 1.609


@dataclass(frozen=True)
class _Found:
    kind: str  # "city" | "region" | "country"
    name: Optional[str]
    code: Optional[str]
    home: bool = False
    travel: bool = False  # where they would go ("a trial in Wales?"), not where they are
    origin: bool = False  # said with "from": maybe where they come from, not where they live
    lives: bool = False  # said with "live in", "we're in"
    writer: bool = False  # "I'm in Seattle" beside "she's in Vancouver": the writer's place, not the patient's
    them: bool = False  # "he's in Toronto", "she lives in Leeds"


def read_place(text: str, lexicon: Optional[Lexicon] = None) -> Place:
    lexicon = lexicon or default_lexicon()
    found = [place for clause in _CLAUSES.split(text) if clause for place in _places_in(clause, text, lexicon)]
    found += _hospitals(text)
    home = [f for f in found if f.home]
    if not any(f.kind == "city" and not f.origin for f in home):
        town = _unlisted_home_town(text, lexicon)
        misspelt = _misspelt_big_town(town, lexicon) if town and find_place(town, fuzzy=False) is None else None
        if misspelt is not None:  # "she lives in Edinbugh": a big town with a letter wrong
            home.insert(0, misspelt)
        elif town:  # "we live in Pisa", "bor i Kristianstad": a town the lexicon lacks beats one they only mention
            home.insert(0, _Found("city", town, _gazetteer_country(town, text), home=True))
        elif not any(f.kind == "city" for f in home):
            home[:0] = _gazetteer_home_town(text, lexicon)  # "retired farmer from near Dubbo", "we're in wollongong"
    home, found = _victoria_the_state(home, found)
    in_area = _town_in_area(text)
    if in_area:  # "we're in Boston area, Quincy": Quincy
        home.insert(0, _Found("city", in_area[0], in_area[1], home=True, lives=True))
    if any(f.them for f in home) and patient_is_someone_else(text):
        home = [f for f in home if not f.writer]  # "he's in Toronto, I'm in Ottawa": Toronto
        found = [f for f in found if not f.writer]
    if any(f.lives for f in home):
        home.sort(key=lambda f: f.origin)  # "originally from Glasgow, living in Perth now": Perth
        living = {f.code for f in home if f.lives and not f.origin}
        # "from Leeds originally but lives in Spain now": the town they come from is not where they are
        home = [f for f in home if not (f.origin and f.kind == "city" and living and f.code not in living)]
        found = [f for f in found if not (f.origin and f.kind == "city" and living and f.code not in living)]
    ordered = home + [f for f in found if not f.home]
    city = next((f.name for f in ordered if f.kind == "city"), None)
    if not any(f.kind == "city" for f in home):  # a hospital's city or one only mentioned yields to it
        with_state = _town_with_state(text)
        if with_state:  # "59, female, Bendigo Vic", "... at Moffitt ... Sarasota FL": the town and its state
            town, state, code = with_state
            return Place(city=town, region=state, country=code, travel_km=_travel_km(text))
    # A region they live in; else one named that can hold their town ("Aberdeen ... ideally in Scotland",
    # not "we're in Winnipeg ... anything in Ontario would be easy").
    region = next((f.name for f in ordered if f.kind == "region" and _may_be_theirs(f, city)), None)
    country = _country(home, [f for f in found if not f.travel]) or _country_of_sites_asked(text)
    named_with = _region_after(city, text) if city else None
    if named_with:  # "London, Ontario", "Boston, Lincolnshire", "Raleigh NC": the region says which one
        region, country = named_with
    elif region is None and country in ("AU", "US"):
        region = _state_code_after_in(text, country)  # "here in SA", "we're in NSW"
    return Place(city=city, region=region, country=country, travel_km=_travel_km(text))


def names_a_home(text: str, lexicon: Optional[Lexicon] = None) -> bool:
    """Whether a message says where someone is ("we live in York", "from Leeds", "61M, Darwin NT"), not
    only where trials could be ("is there anything in Leeds?")."""
    lexicon = lexicon or default_lexicon()
    found = [place for clause in _CLAUSES.split(text) if clause for place in _places_in(clause, text, lexicon)]
    return (
        any(f.home for f in found)
        or (bool(found) and _CORRECTS_A_PLACE.search(text) is not None)  # "sorry i meant Leeds not York"
        or _unlisted_home_town(text, lexicon) is not None
        or bool(_gazetteer_home_town(text, lexicon))
        or _town_in_area(text) is not None
        or _town_with_state(text) is not None
    )


# A correction of what was said before names the home again: "sorry i meant Leeds", "correction: Leeds", "Leeds not York"
_CORRECTS_A_PLACE = re.compile(
    r"\b(?:i\s+meant|meant\s+to\s+(?:say|type|write)|correction|typo|sorry,?\s+(?:it'?s|its|not)"
    r"|actually\s+(?:we'?re|we\s+are|i'?m|im|we\s+live|i\s+live|in|it'?s|its))\b"
    r"|\b[A-Z][\w'-]+\s+not\s+[A-Z][\w'-]+\b",
)
_AREA_TOWN = re.compile(r"\b([A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)\s+area\s*[,(]\s*([A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)")


def _town_in_area(text: str) -> Optional[tuple[str, str]]:
    """ "Boston area, Quincy", "Boston area (Newton)": the town, in the big city's country."""
    for found in _AREA_TOWN.finditer(text):
        code = _gazetteer_country(found.group(1))
        if code and gazetteer().city(found.group(2), code) is not None:
            return found.group(2), code
    return None


def _victoria_the_state(home: list[_Found], found: list[_Found]) -> tuple[list[_Found], list[_Found]]:
    """ "38F, melbourne ... anything in victoria or nsw?": beside another Australian place, Victoria is the
    state, not the Canadian city."""
    if not any(f.code == "AU" and f.name != "Victoria" for f in (*home, *found)):
        return home, found

    def state(f: _Found) -> _Found:
        return replace(f, kind="region", code="AU") if f.kind == "city" and f.name == "Victoria" else f

    return [state(f) for f in home], [state(f) for f in found]


# "spanish sites pls", "australian sites?", "canadian sites", "US only", "..., US": the country asked for
_NATIONAL = {
    "american": "US", "australian": "AU", "austrian": "AT", "belgian": "BE", "british": "GB", "canadian": "CA",
    "danish": "DK", "dutch": "NL", "finnish": "FI", "french": "FR", "german": "DE", "irish": "IE",
    "italian": "IT", "norwegian": "NO", "polish": "PL", "spanish": "ES", "swedish": "SE", "swiss": "CH",
    "uk": "GB", "us": "US", "usa": "US",
}  # fmt: skip
_SITES_OF = re.compile(rf"\b({'|'.join(_NATIONAL)})\s+(?:sites?|centres?|centers?|hospitals?|locations?)\b", re.I)
_CODE_ONLY = re.compile(r"\b(US|USA|UK)\s+only\b|,\s*(US|USA|UK)\s*$")


def _country_of_sites_asked(text: str) -> Optional[str]:
    found = _SITES_OF.search(text) or _CODE_ONLY.search(text)
    return _NATIONAL[next(g for g in found.groups() if g).lower()] if found else None


def _may_be_theirs(region: _Found, city: Optional[str]) -> bool:
    """A region they are in: said as home, or one that holds their town (a trip "to Wales" only from Newport)."""
    if region.travel:
        return region_of(city) == region.name
    return region.home or not disagree(city, region.name)


_STATE_AFTER_IN = re.compile(r"\b(?:in|from|of)\s+([A-Z]{2,3})\b")


def _state_code_after_in(text: str, country: str) -> Optional[str]:
    for found in _STATE_AFTER_IN.finditer(text):
        for state in (_STATE_CODES.get(found.group(1)), _SHARED_CODES.get(found.group(1))):
            if state and state[1] == country:
                return state[0]
    return None


# US states and Australian states by their postal abbreviations, read only in capitals straight after
# a town ("Raleigh NC", "Albuquerque, NM"); ones that are also words or tests (OK, ME, IN, CT, MD) are left out.
_STATE_CODES = {
    **{
        c: (n, "US")
        for c, n in (
            ("AL", "Alabama"),
            ("AK", "Alaska"),
            ("AZ", "Arizona"),
            ("AR", "Arkansas"),
            ("CA", "California"),
            ("MA", "Massachusetts"),
            ("FL", "Florida"),
            ("GA", "Georgia"),
            ("IA", "Iowa"),
            ("ID", "Idaho"),
            ("IL", "Illinois"),
            ("KS", "Kansas"),
            ("KY", "Kentucky"),
            ("LA", "Louisiana"),
            ("MI", "Michigan"),
            ("MN", "Minnesota"),
            ("MO", "Missouri"),
            ("MT", "Montana"),
            ("NC", "North Carolina"),
            ("ND", "North Dakota"),
            ("NE", "Nebraska"),
            ("NH", "New Hampshire"),
            ("NJ", "New Jersey"),
            ("NM", "New Mexico"),
            ("NV", "Nevada"),
            ("NY", "New York"),
            ("OH", "Ohio"),
            ("OR", "Oregon"),
            ("SC", "South Carolina"),
            ("SD", "South Dakota"),
            ("TN", "Tennessee"),
            ("TX", "Texas"),
            ("UT", "Utah"),
            ("VA", "Virginia"),
            ("VT", "Vermont"),
            ("WI", "Wisconsin"),
            ("WV", "West Virginia"),
            ("WY", "Wyoming"),
            ("WA", "Washington"),
        )
    },
    **{
        c: (n, "CA")
        for c, n in (
            ("BC", "British Columbia"),
            ("AB", "Alberta"),
            ("ON", "Ontario"),
            ("QC", "Quebec"),
            ("MB", "Manitoba"),
            ("SK", "Saskatchewan"),
            ("NS", "Nova Scotia"),
            ("NB", "New Brunswick"),
            ("NL", "Newfoundland and Labrador"),
            ("PE", "Prince Edward Island"),
            ("PEI", "Prince Edward Island"),
        )
    },
    **{
        c: (n, "AU")
        for c, n in (
            ("NSW", "New South Wales"),
            ("QLD", "Queensland"),
            ("VIC", "Victoria"),
            ("TAS", "Tasmania"),
            ("SA", "South Australia"),
            ("WA", "Western Australia"),
            ("NT", "Northern Territory"),
        )
    },
}
# Codes two countries share (the table above keeps the Australian one): "Seattle, WA" is Washington.
_SHARED_CODES = {"WA": ("Washington", "US")}


# State codes read only straight after a town the gazetteer places in that state ("Boulder CO",
# "Portland ME"): there they cannot be the words or tests they are elsewhere ("in CT", "ok").
_CODES_AFTER_A_TOWN = {
    **_STATE_CODES,
    **{
        c: (n, "US")
        for c, n in (
            ("CO", "Colorado"),
            ("CT", "Connecticut"),
            ("DE", "Delaware"),
            ("HI", "Hawaii"),
            ("IN", "Indiana"),
            ("MD", "Maryland"),
            ("ME", "Maine"),
            ("MS", "Mississippi"),
            ("OK", "Oklahoma"),
            ("PA", "Pennsylvania"),
            ("RI", "Rhode Island"),
        )
    },
}
# "Bendigo Vic", "Dubbo NSW", "Franklin, TN", "Sun City, Arizona", "Victoria (BC)": a town the gazetteer
# knows, its state just after it (a short form, or the whole name).
_STATE_NAMES = "|".join(
    sorted((re.escape(n) for n, c in REGIONS.values() if c in ("US", "AU", "CA")), key=len, reverse=True)
)
_TOWN_AND_STATE = re.compile(
    rf"\b([A-Z][a-z]{{2,}}(?:\s[A-Z][a-z]{{2,}})?)\s*[,(]?\s*(Vic|Tas|Qld|Nsw|[A-Z]{{2,3}}|{_STATE_NAMES})\b"
)


def _states_named(word: str) -> list[tuple[str, str]]:
    """The states, provinces or territories a code ("NC", "nsw", "WA": two) or a name ("Arizona") may be."""
    code = word.upper()
    if code in _CODES_AFTER_A_TOWN and (word.isupper() or len(word) > 2):
        return [_CODES_AFTER_A_TOWN[code], *([_SHARED_CODES[code]] if code in _SHARED_CODES else [])]
    region = REGIONS.get(normalize(word))
    return [region] if region and region[1] in ("US", "AU", "CA") else []


def _in_that_state(town: str, state: tuple[str, str]) -> bool:
    """The gazetteer has that town in that state (in that country, for a state it does not know: Manitoba)."""
    if find_place(state[0], fuzzy=False) is None:
        return gazetteer().city(town, state[1]) is not None
    found = find_place(f"{town}, {state[0]}", fuzzy=False)
    return found is not None and found.kind == "city" and name_key(found.name) == name_key(town)


def _town_with_state(text: str) -> Optional[tuple[str, str, str]]:
    for found in _TOWN_AND_STATE.finditer(text):
        town, word = found.group(1), found.group(2)
        for state in _states_named(word):
            if normalize(town) not in _NOT_TOWNS and _in_that_state(town, state):
                return town, state[0], state[1]
    return None


def _region_after(city: str, text: str) -> Optional[tuple[str, str]]:
    """The region written just after the city: "London, Ontario", "Perth in Scotland", "Melbourne (Vic)"."""
    plain = f" {normalize(text)} "
    for found in re.finditer(re.escape(f" {normalize(city)}") + "(?= )", plain):
        rest = plain[found.end() :].split()
        rest = rest[1:] if rest[:1] == ["in"] else rest
        for size in (3, 2, 1):
            phrase = " ".join(rest[:size])
            if phrase in REGIONS and len(rest) >= size:
                return REGIONS[phrase]
    for code in re.finditer(
        rf"\b{re.escape(city)}\b\s*[,(]?\s*([A-Za-z]{{2,3}})\b(?!\s*(?:scan|results?))", text, re.I
    ):
        for state in _states_named(code.group(1)):
            if _in_that_state(city, state):
                return state
    return None


# Where someone says they live, with a town name the lexicon does not know ("We live in Franklin,
# Tennessee", "I'm from Mainz", "bor i Kristianstad"): only a capitalised word after a plain "live
# in" / "from", and never one of the everyday words people capitalise there.
_HOME_TOWN = re.compile(
    r"\b(?:[Ll]ive[sd]?|[Ll]iving|[Bb]ased|[Rr]esid(?:e[sd]?|ing)|[Bb]or|[Ww]ohnen?|[Ww]o(?:o|ne)n|[Mm]ieszkam(?:y)?"
    r"|[Vv]ivo|[Vv]ivimos|[Ww]e're|[Ww]e\s+are|[Ii]'m|[Ii]\s+am)\s+(?:in|i|w|en|near|outside)\s+([A-ZÀ-Þ][a-zß-ÿ'-]{2,})(?![\w'-])"
    r"|\b(?:[Ii]'m|[Ii]\s+am|[Ww]e're|[Ww]e\s+are|[Hh]i|[Hh]ello|[Hh]ey)\b(?:\s+[\w,()]+){0,5}?\s+from\s+([A-ZÀ-Þ][a-zß-ÿ'-]{2,})(?![\w'-])"
)
_NOT_TOWNS = CALENDAR_WORDS | frozenset(
    "the hospital hospice remission pain treatment shock limbo denial hope care touch contact bed recovery stage"
    " grade agony bits tears trouble need total general europe asia africa america dr doctor professor prof nurse"
    " town city village rural canada australia".split()
)


# "Mount Gambier", "Santa Cruz de Tenerife", "Stratford upon Avon": capitalised words, and the small ones between
_MORE_NAME_WORDS = re.compile(r"^((?:\s+(?:(?:de|del|da|do|la|upon|on|sur|am)\s+){0,2}[A-ZÀ-Þ][\w'-]+){1,3})")


def _whole_town_name(name: str, rest: str) -> str:
    """ "we're in Mount Gambier": the town's whole name, when the words after the first make one."""
    more = _MORE_NAME_WORDS.match(rest)
    if more:
        words = more.group(1).split()
        for size in range(len(words), 0, -1):
            longer = " ".join([name, *words[:size]])
            place = find_place(longer, fuzzy=False)
            if place is not None and place.kind == "city" and name_key(place.name) == name_key(longer):
                return longer  # (not "Madison WI": the state is read apart)
    return name


def _unlisted_home_town(text: str, lexicon: Lexicon) -> Optional[str]:
    for match in _HOME_TOWN.finditer(text):
        name = _whole_town_name(match.group(1) or match.group(2), text[match.end() :])
        if match.group(0)[:1] in "Mm" and find_place(name, fuzzy=False) is None:
            uninflected = _polish_town(name)  # "mieszkamy w Krakowie": Kraków
            if uninflected:
                return uninflected
        plain = normalize(name)
        known = (
            plain in REGIONS or plain in _EXTRA_BY_WORDS or lexicon.place(COUNTRY_ALIASES.get(plain, plain)) is not None
        )
        if plain not in _NOT_TOWNS and not known and not any(p.startswith(plain + " ") for p in REGIONS):
            return name
    return None


# Polish names a town after "w" in the locative: Krakowie, Gdańsku, Poznaniu, Warszawie.
_POLISH_ENDINGS = (("owie", "ów"), ("ie", "a"), ("ie", ""), ("iu", ""), ("u", ""), ("i", ""))


def _polish_town(name: str) -> Optional[str]:
    for ending, plain_end in _POLISH_ENDINGS:
        if not name.endswith(ending) or len(name) - len(ending) < _MIN_TOWN_LETTERS - 1:
            continue
        candidate = name[: -len(ending)] + plain_end
        place = find_place(candidate, fuzzy=False)
        if place is not None and place.kind == "city" and name_key(place.name) == name_key(candidate):
            return place.name
    return None


# Where someone says they are, with a town neither the lexicon nor the tables know ("from near Dubbo",
# "we're in wollongong", "just outside Guelph"): up to three words after the cue, found in the gazetteer.
_HOME_CUE = re.compile(
    r"\b(?:live[sd]?|living|based|resid(?:e[sd]?|ing)|(?:we're|we\s+are|i'm|i\s+am|im|he's|she's|they're)\s+(?:both\s+|all\s+|still\s+|now\s+|currently\s+)?(?:just\s+|up\s+|down\s+|over\s+|out\s+|back\s+)?(?:in|near|outside|from)"
    # "47M, Mississauga", "a 38 year old woman in Reykjavík", "68 anni, di Bergamo", "Boston area, Quincy"
    r"|\d{2}\s?(?:m|f|male|female|yo|y/o)\s*,|\d{2},(?=\s+[A-Z])|\barea\s*[,(]"
    r"|(?:woman|man|guy|gal|lady|bloke|lad|girl|male|female)\s+(?:here\s+)?(?:in|from)"
    rf"|(?:my|our)\s+(?:{RELATIVE_WORDS})(?:\s+[A-Z][a-z]+)?\s+(?:who\s+lives\s+)?(?:in|from)"  # "my aunt Rosa in Bilbao"
    r"|(?:anni|años|ans|år|jahre|lat)\s*,?\s+(?:di|de|da|från|aus|z)"
    r"|(?:vivo|vivimos|bor|bo|wohne|wohnen|abito|abitiamo|habite|habitons|habitent|vit|vivent|woont|wonen|woon|moro|moramos|mora)\s+(?:en|i|in|a|à|au|bij|em|no|na)"
    r"|(?:sono|siamo|sono\s+originario|vengo)\s+(?:di|da)|(?:l[aä]karen|l[aä]karna|doktorn|onkologen|kirurgen)\s+(?:i|p[aå])"
    r"|(?:nearest|closest)(?:\s+(?:site|hospital|centre|center|clinic|place|one|location))?\s+to"  # "closest site to allentown PA?"
    r"|from|near|nr|outside|close\s+to|(?:doctors?|docs|hospital|oncologists?|surgeons?|team|clinic|consultants?)\s+in)"
    r"\s+(?:(?:just|right|near|nr|in|to|a|small|little|town|village|called|outside|close\s+to|from|here\s+in|over\s+in|out\s+in|up\s+in|down\s+in"
    r"|on\s+(?:his|her|my|their|our)\s+own)\s+){0,3}"
    # "St. John's", "Santa Cruz de Tenerife": an abbreviation's dot, and up to four words
    r"((?:(?:St|Ste|Mt|Ft)\.\s*)?(?:[^\W\d_][\w'-]*)(?:\s+[^\W\d_][\w'-]*){0,3})",
    re.I,
)
_MIN_TOWN_LETTERS = 4


def _gazetteer_home_town(text: str, lexicon: Lexicon) -> list[_Found]:
    for cue in _HOME_CUE.finditer(text):
        if someone_elses(normalize(text[: cue.start(1)]), text):
            continue  # "our daughter lives in Wollongong" about a husband
        words = cue.group(1).split()
        for size in range(len(words), 0, -1):
            name = " ".join(words[:size])
            plain = normalize(name)
            if (
                len(plain) < _MIN_TOWN_LETTERS - (name[:1].isupper() and plain not in everyday_words())  # "Ayr"
                or plain in _NOT_TOWNS
                or plain in _SHORT_REGIONS  # "we're in PEI": the island, not Pei in China
                or plain in _COUNTIES_NOT_TOWNS  # "we are in Northumberland": the county, not the town in Pennsylvania
                or plain.split()[0] in _NOT_TOWNS
                or (all(w in everyday_words() for w in plain.split()) and not all(w[0].isupper() for w in words[:size]))
            ):
                continue
            if lexicon.resolve("treatment", plain) or lexicon.resolve("condition", plain):
                continue
            place = find_place(name, fuzzy=False)
            if place is not None and place.kind == "city":
                written = name if not name.islower() else name.title()
                rest = name_key(name).removeprefix(name_key(place.name) + " ")
                if rest != name_key(name) and rest not in ("city", "town"):
                    written = place.name  # "allentown PA": the town, its state read apart ("Quebec City" kept)
                return [_Found("city", written, _gazetteer_country(place.name), home=True)]
        misspelt = _misspelt_big_town(words[0], lexicon) if _SAYS_WHERE.match(cue.group(0)) else None
        if misspelt is not None:
            return [misspelt]
    return []


def _everyday_form(word: str) -> bool:
    """An everyday word or one of its forms ("working", "hoped", "tables"): never a misspelt town."""
    stems = [word] + [
        word[: -len(end)] + add
        for end in ("ing", "ed", "es", "s", "er", "ly")
        if word.endswith(end)
        for add in ("", "e")
    ]
    return any(stem in everyday_words() for stem in stems)


# Cues that say outright where someone is ("live in", "from", "nr"), not "57, pancreas"
_SAYS_WHERE = re.compile(
    r"(?:live|living|based|resid|we're|we\s+are|i'm|i\s+am|im|he's|she's|they're|from|near|nr|outside|close)", re.I
)
_BIG_TOWN_WEIGHT = 300_000  # a misspelt name is read only as a big town ("Manchster", "edinburough")
_BIG_TOWN_CUTOFF = 0.84  # one letter wrong in seven ("Houstan") is close enough for a big town


def _misspelt_big_town(word: str, lexicon: Lexicon) -> Optional[_Found]:
    """ "we live nr Manchster": a big town's name with a letter or two wrong, after a word saying they live
    there; never an everyday word, a treatment or a condition."""
    plain = normalize(word)
    if len(plain) < 6 or _everyday_form(plain) or plain in _NOT_TOWNS:
        return None
    if (
        lexicon.resolve("treatment", plain)
        or lexicon.resolve("condition", plain)
        or lexicon.tag_text("condition", plain)
    ):
        return None
    town = _big_town_close_to(word)
    return _Found("city", town[0], town[1], home=True) if town else None


@lru_cache(maxsize=1024)
def _big_town_close_to(word: str) -> Optional[tuple[str, str]]:
    """(name, country) of the big town a word misspells; the fuzzy search takes about 20 ms, so once a word."""
    entry = find_entry(word, fuzzy=True, cutoff=_BIG_TOWN_CUTOFF)
    if entry is None or entry.place.kind != "city" or entry.weight < _BIG_TOWN_WEIGHT:
        return None
    return entry.place.name, entry.country_code


def _gazetteer_country(town: str, text: str = "") -> Optional[str]:
    """The town's country; a region or town written after it tells which of two towns is meant
    ("vivo en Cartagena, Murcia": Spain, not Colombia)."""
    after = re.search(rf"\b{re.escape(town)}\s*(?:,\s*|\(\s*)([^\W\d_][\w' -]{{1,40}}?)\s*(?:[),.;!?]|$)", text, re.I)
    place = (find_place(f"{town}, {after.group(1)}", fuzzy=False) if after else None) or find_place(town, fuzzy=False)
    return gazetteer().countries.code(place.country) if place is not None else None


def _country(home: list[_Found], found: list[_Found]) -> Optional[str]:
    """Where they live (`home`, a place said only with "from" last), else a country named outright, else
    one implied by a city or region."""
    for places in (home, [f for f in found if f.kind == "country"], found):
        code = next((f.code for f in places if f.code), None)
        if code:
            return code
    return None


_CONTINENTS = frozenset(
    ("europe", "asia", "africa", "scandinavia", "the states", "states", "north america", "the continent")
)
_OR = re.compile(r"^(?:or|and/or)\s+(?:in\s+)?(?:the\s+)?")


def _one_of_countries(before: str, after: str, lexicon: Lexicon) -> bool:
    """A country offered beside another as a choice: "the UK or Ireland", "UK or Europe", "australia or nz"."""
    following = _OR.match(after)
    if following:
        words = after[following.end() :].split()
        if any(_a_country(" ".join(words[:n]), lexicon) for n in (2, 1)):
            return True
    preceding = re.search(r"(\S+(?:\s+\S+)?)\s+or(?:\s+in)?(?:\s+the)?$", before)
    if preceding is None:
        return False
    return any(_a_country(" ".join(preceding.group(1).split()[-n:]), lexicon) for n in (2, 1))


def _a_country(phrase: str, lexicon: Lexicon) -> bool:
    if phrase in _CONTINENTS:
        return True
    place = lexicon.place(COUNTRY_ALIASES.get(phrase, phrase)) if phrase not in ("us", "the", "in") else None
    return phrase in ("us", "usa", "uk") or bool(place and place.code)


def _places_in(clause: str, text: str, lexicon: Lexicon) -> list[_Found]:
    words = normalize(clause).split()
    places = []
    i, previous_travel = 0, False
    while i < len(words):
        found = _place_at(words, i, text, lexicon)
        if found is None:
            i += 1
            continue
        size, place = found
        before, after, phrase = " ".join(words[:i]), " ".join(words[i + size :]), " ".join(words[i : i + size])
        if place.kind == "region" and _institution(clause, phrase, before, after):
            i += size
            continue  # "the Alberta Children's", "University of Iowa", "NET-PRO iowa": not where they are
        if (
            _NOT_THIS_ONE.search(before)
            or _NEAREST_IS.search(before)
            or _HERE_OR.search(before)
            or _landmark(phrase, text)
        ):
            i += size
            continue  # "Portland Oregon not Maine", "not Leeds, Leicester": the place they do not mean
        if place.kind == "city" and _site_looked_up(before, after, text):
            i += size
            continue  # "Royal Brisbane & Women's - NET trials recruiting?": a staff look-up of a hospital
        # "travel anywhere in Europe or the US": both a trip
        window = _TRAVEL_WINDOW * 2 if _JOINED.search(before) else _TRAVEL_WINDOW
        travel = bool(_TRAVEL.search(" ".join(before.split()[-window:]))) or (
            previous_travel and window > _TRAVEL_WINDOW
        )
        previous_travel = travel
        if place.kind == "country" and _one_of_countries(before, after, lexicon):
            home = bool(_HOME.search(before))
            if not home:  # "PRRT trials in the UK or Ireland", "australia or nz": a choice, not their country
                i += size
                continue
        if travel and place.kind == "region":
            places.append(_Found(place.kind, place.name, place.code, travel=True))
        elif not travel and not _named_after(before, after):
            if someone_elses(before, text):
                i += size
                continue  # "our daughter is a nurse in Spokane", "our kids are in Australia"
            home = bool(_HOME.search(before)) and not _WRITING_FROM.search(before) and not _OPTION.search(before)
            lives = home and bool(_LIVES.search(before))
            origin = home and not lives and bool(_FROM.search(before))
            speaker = _SPEAKER.search(before) if home else None
            writer, them = bool(speaker and speaker.group(1)), bool(speaker and speaker.group(2))
            places.append(
                _Found(place.kind, place.name, place.code, home, origin=origin, lives=lives, writer=writer, them=them)
            )
        i += size
    return places


# Who is said to be there: the writer ("I'm in", "I live near") or the patient ("he's in", "she lives in").
_SPEAKER = re.compile(
    rf"\b(?:(i m|im|i am|i live|i)|(he s|she s|he|she|they re|he lives|she lives|(?:{RELATIVE_WORDS})\s+(?:s|is|lives)))\b"
    r"(?:\s+\S+){0,2}$"
)
# "Writing from London about my brother who lives in Barcelona": the writer's place, not the patient's home.
_WRITING_FROM = re.compile(r"\b(?:writ\w*|messag\w*|typing|emailing|contacting you)(?:\s+\w+){0,2}\s+from$")
_INSTITUTION_AFTER = re.compile(
    r"^(?:children s|childrens|children|hospital|university|uni|clinic|cancer|health|medical|college)\b"
)
_INSTITUTION_BEFORE = re.compile(r"\b(?:university of|univ of|uni of|chu de|hospital of|college of|health)$")
_TRIAL_ACRONYM = r"\b[A-Z0-9]+(?:-[A-Z0-9]+)+\s+"  # "NET-PRO iowa", "P-PRRT quebec": the trial's site


def _institution(clause: str, phrase: str, before: str, after: str) -> bool:
    """A region that is part of a hospital, university or trial's name rather than where someone is."""
    if _INSTITUTION_AFTER.match(after) or _INSTITUTION_BEFORE.search(before):
        return True
    words = r"\W+".join(re.escape(w) for w in phrase.split())
    return bool(re.search(_TRIAL_ACRONYM + f"(?i:{words})\\b", strip_accents(clause)))


def _site_looked_up(before: str, after: str, text: str) -> bool:
    """A city that is part of a hospital's name, in a message that tells of no one being treated there."""
    in_a_name = before.endswith("royal") or bool(
        re.match(r"^(?:and )?(?:women s|womens|children s|childrens|hospital|infirmary)\b", after)
    )
    return in_a_name and not _CARED_FOR.search(normalize(text))


def _named_after(before: str, after: str) -> bool:
    return bool(
        _SPONSOR_AFTER.match(after)
        or _SPONSOR_BEFORE.search(before)
        or (before.endswith("the") and _NAMED_AFTER.match(after))
    )


# After "the" + a city: the team or hospital that treats them there.
_TREATING_AFTER = re.compile(
    r"^(?:\w+\s+)?(?:team|royal|infirmary|hospital|clinic|unit|doctors?|oncolog\w*|consultants?|surgeons?|specialists?|nurses?|mdt)\b"
)


def _place_at(words: list[str], i: int, text: str, lexicon: Lexicon) -> Optional[tuple[int, _Found]]:
    before = " ".join(words[max(0, i - 3) : i])
    for size in range(min(_MAX_PLACE_WORDS, len(words) - i), 0, -1):
        phrase = " ".join(words[i : i + size])
        after = " ".join(words[i + size : i + size + 3])
        if phrase in REGIONS and not _NOT_A_REGION_BEFORE.search(before):
            name, code = REGIONS[phrase]
            return size, _Found("region", name, code)
        if phrase in _SHORT_REGIONS and _PREPOSITION.search(before):
            name, code = _SHORT_REGIONS[phrase]
            return size, _Found("region", name, code)
        place = lexicon.place(COUNTRY_ALIASES.get(phrase, phrase))
        if (
            place is not None
            and phrase not in ("us", "the", "in")
            and _may_be_city(phrase, before, place.code is None, after)
        ):
            if place.code is not None:
                return size, _Found("country", place.name, place.code)
            longer = _longer_town(words, i, size)
            if longer is not None:  # "Santa Cruz de Tenerife", not the Santa Cruz the lexicon knows
                return longer
            return size, _lexicon_city(phrase, place.name, text, lexicon)
        if phrase in _EXTRA_BY_WORDS and _may_be_city(phrase, before, True, after):
            return size, _extra_city(_EXTRA_BY_WORDS[phrase], text, lexicon)
        if phrase in _NEEDS_A_PREPOSITION and not _NOT_A_PLACE_BEFORE.search(before):
            state = _region_after(phrase, text)
            if state and _in_that_state(phrase, state):  # "Victoria (BC, not Australia)": the town
                return size, _Found("city", phrase.title(), state[1])
    return None


_LONGER_BY = 2  # words: "santa cruz" + "de tenerife"


def _longer_town(words: list[str], i: int, size: int) -> Optional[tuple[int, _Found]]:
    """A town the gazetteer knows whose name goes on past a shorter one the lexicon knows."""
    for longer in range(min(size + _LONGER_BY, len(words) - i), size, -1):
        phrase = " ".join(words[i : i + longer])
        place = find_place(phrase, fuzzy=False)
        if place is not None and place.kind == "city" and name_key(place.name) == name_key(phrase):
            return longer, _Found("city", place.name, _gazetteer_country(place.name))
    return None


def _may_be_city(phrase: str, before: str, is_city: bool, after: str = "") -> bool:
    if not is_city:
        return True
    if len(phrase) < 4 or phrase.startswith("the "):
        return False
    treating = before.endswith("the") and _TREATING_AFTER.match(after)
    if _NOT_A_PLACE_BEFORE.search(before) and not (" " in phrase and before.endswith("the")) and not treating:
        return False
    return phrase not in _NEEDS_A_PREPOSITION or bool(_PREPOSITION.search(before))


def _lexicon_city(phrase: str, name: str, text: str, lexicon: Lexicon) -> _Found:
    code = lexicon.country_code(phrase)
    british = lexicon.place(f"{phrase} uk")
    if (
        code != "GB"
        and british is not None
        and (_sounds_british(text, lexicon) or _biggest_is_british(phrase, code, text, lexicon))
    ):
        name, code = british.name, "GB"  # Birmingham, not Birmingham, Alabama
    return _Found("city", _as_written(phrase, name, text), code)


def _biggest_is_british(phrase: str, code: Optional[str], text: str, lexicon: Lexicon) -> bool:
    """With nothing in the message pointing to either country, the place most people mean: the bigger one
    ("we live near birmingham": Birmingham, England, not Alabama; "boston" stays Boston, Massachusetts)."""
    if code in _country_hints(text, lexicon):
        return False
    biggest = find_place(phrase, fuzzy=False)
    return biggest is not None and gazetteer().countries.code(biggest.country) == "GB"


def _extra_city(name: str, text: str, lexicon: Lexicon) -> _Found:
    codes = EXTRA_CITIES[name]
    hinted = _country_hints(text, lexicon)
    code = next((c for c in codes if c in hinted), codes[0])
    return _Found("city", name, code)


def _as_written(phrase: str, name: str, text: str = "") -> str:
    """ "newcastle" for Newcastle upon Tyne: a city shown as written when they wrote the start of its name;
    "Göteborg" or "Copenhagen" as they wrote it, not the lexicon's own name for it (Gothenburg, København)."""
    full = normalize(name)
    if full != phrase and full.startswith(phrase + " "):
        return phrase.title()
    if len(phrase) >= 5 and (full != phrase or strip_accents(name) != name):  # "Montreal" as written, not "Montréal"
        written = _written_form(phrase, text)
        if written and not written.isupper():
            return written if not written.islower() else written.title()
    return name


def _written_form(phrase: str, text: str) -> Optional[str]:
    """The words of the text that normalise to the phrase, as the writer typed them."""
    plain = strip_accents(text).lower()
    if len(plain) != len(text):
        return None
    pattern = r"(?<![^\W_])" + r"[\W_]+".join(re.escape(word) for word in phrase.split()) + r"(?![^\W_])"
    found = re.search(pattern, plain)
    return text[found.start() : found.end()] if found else None


def _sounds_british(text: str, lexicon: Lexicon) -> bool:
    return "GB" in _country_hints(text, lexicon) or bool(_BRITISH.search(text))


def _country_hints(text: str, lexicon: Lexicon) -> set[str]:
    """Countries a region, country or British wording in the message points to (worked out
    once per message: a long message can name many cities)."""
    return set(_country_hints_once(text, lexicon))


@lru_cache(maxsize=8)
def _country_hints_once(text: str, lexicon: Lexicon) -> frozenset[str]:
    words = normalize(text).split()
    hints = set()
    for size in (1, 2, 3):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            if phrase in REGIONS:
                hints.add(REGIONS[phrase][1])
            place = lexicon.place(phrase) if phrase not in ("us", "the", "in") else None
            if place is not None and place.code:
                hints.add(place.code)
    if _BRITISH.search(text):
        hints.add("GB")
    hints |= {found.code for found in _hospitals(text) if found.code}  # "his doc at Mass General": the US
    return frozenset(hints)


_CAPITALS_ONLY = {"gosh"}


def _hospitals(text: str) -> list[_Found]:
    """Hospitals someone is treated at ("his oncologist at the Christie"); a bare name is a staff look-up."""
    plain = f" {normalize(text.replace(chr(39), ''))} "
    found = []
    for name, (city, code) in HOSPITALS.items():
        at = plain.find(f" {name} ")
        if name in _CAPITALS_ONLY and name.upper() not in text:
            continue
        if at >= 0 and (city is None or _CARED_FOR.search(re.split(r"[.;!?]", plain[:at])[-1])):
            found.append((at, city, code))
    return [_Found("city" if city else "country", city, code) for _, city, code in sorted(found)]


def _travel_km(text: str) -> Optional[float]:
    for found in _TRAVEL_KM.finditer(text):
        if found.group(1) or _TRAVEL_WORDS.search(text):  # "2km big" is a size, not a distance
            value = float(found.group(2))
            km = value * _KM_PER_MILE if found.group(3).lower().startswith("mi") else value
            return round(km)
    return None


_LAST_WORD_NEAR = re.compile(r"\b(?:near|close to|nr|around)\s+([a-z]{4,})\W*$")


def unknown_place_named(text: str) -> Optional[str]:
    """The place a message asks for trials near when the gazetteer does not know it ("near
    Xyzton"); None when it knows it or no place is asked about. A name typed in lower case at
    the end, after "near", counts only when it is neither an everyday word nor a name we know."""
    nearness = read_nearness(text)
    if nearness and nearness.place is not None:
        return None
    if nearness and nearness.place_text:
        return nearness.place_text
    match = _LAST_WORD_NEAR.search(text.lower())
    if not match:
        return None
    word, lexicon = match.group(1), default_lexicon()
    known = lexicon.resolve("treatment", word) or lexicon.resolve("condition", word) or find_place(word)
    return None if known or word in everyday_words() else word
