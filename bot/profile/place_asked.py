"""A place only asked about, beside the home place said before: "we live in York" ... "is there anything in
Leeds?" keeps York as where the person is (their helplines, their distances) and searches Leeds.

A place asked about that holds the home ("I live in Cardiff" ... "any PRRT trials in Wales?") adds to it,
as before (the region rule of tests/data/understanding/README.md).
"""

from __future__ import annotations

import re
from typing import Optional

from bot.lexicon import Lexicon
from bot.profile.model import Place
from bot.profile.place import names_a_home
from bot.profile.regions import disagree
from bot.text import normalize

# Words of a request for trials somewhere: "is there anything in", "what about", "trials in", "any sites near".
_ASKED = re.compile(
    r"\b(?:anything|any|anywhere|trials?|studies|study|what about|how about|is there|are there|options?|sites?"
    r"|centres?|centers?|hospitals?|recruiting|open|nothing|none|either|instead|else)\b"
)


def asked_elsewhere(home: Place, said: Place, text: str, lexicon: Optional[Lexicon] = None) -> bool:
    """Whether `said` (the place one message names) is only asked about, somewhere other than `home`."""
    if not (home.city or home.country) or said == Place() or not _ASKED.search(normalize(text)):
        return False
    elsewhere = (
        bool(said.city and home.city and normalize(said.city) != normalize(home.city))
        or bool(said.country and home.country and said.country != home.country)
        or (not said.city and disagree(home.city, said.region))
    )
    return elsewhere and not names_a_home(text, lexicon) and not _near_it(said, normalize(text))


def _near_it(said: Place, plain: str) -> bool:
    """ "anything closer to Sligo?": a trial near the town asked about, which is where they are."""
    name = normalize(said.city or said.region or "")
    return bool(name) and re.search(rf"\b(?:closer|nearer)(?: to)? {re.escape(name)}\b", plain) is not None
