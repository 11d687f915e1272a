"""One spelling for a place name, so typed names and GeoNames names meet.

"Malmö" and "Malmo", "Saint-Étienne" and "St Etienne", "Stoke-on-Trent" and "stoke on trent",
"L'Aquila" and "Aquila", "The Hague" and "Hague" get the same key.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not split into a base letter and an accent.
_UNSPLIT = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "œ": "oe", "ı": "i", "þ": "th", "ð": "d"})
_APOSTROPHE = re.compile(r"['’`´]")  # records write "L´Hospitalet" too
_ELIDED_ARTICLE = re.compile(r"^(?:l|d)'\s*")
_NON_WORD = re.compile(r"[\W_]+")
# Both sides are rewritten, so "St Albans", "Saint Albans" and "Sankt Gallen"/"St. Gallen" meet.
_SAME_WORD = {"saint": "st", "sainte": "st", "sankt": "st", "ste": "st", "mount": "mt", "fort": "ft"}
_DROPPED_FIRST = {"the"}


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNSPLIT))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(name: str) -> str:
    """Lower case, no accents or punctuation, one space between words; "" for no letters."""
    text = _APOSTROPHE.sub("'", name.casefold().strip())
    if not text.isascii():
        text = _strip_accents(text)
    text = _ELIDED_ARTICLE.sub("", text).replace("'", "")
    words = [_SAME_WORD.get(word, word) for word in _NON_WORD.sub(" ", text).split()]
    if len(words) > 1 and words[0] in _DROPPED_FIRST:
        words = words[1:]
    return " ".join(words)
