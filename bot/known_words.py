"""Whether a message holds any word we know: an everyday English word (textstat's list of about
3,000 easy words), a name our lexicon knows, or the everyday words of another language.
"xyzzy blorp" holds none, so a classifier's guess about it means nothing (it once met such a
message with the emergency number)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Optional

from bot.language import other_language
from bot.lexicon import default_lexicon
from bot.text import normalize

_WORD = re.compile(r"[a-z]+")
# Never set aside as no word at all: what an urgent message may hang on, in any language.
_URGENT_STEMS = re.compile(
    r"collaps|bleed|blood|faint|unconscious|breath|seizure|fit|overdose|suicid|kill|die|dying|pain|hurt|ambulance"
    r"|help|hj[aä]lp|hilfe|aiuto|ayuda|auxilio|socorro|secours|pomoc|hulp|ont|sm[eé]rt|smerte",
    re.I,
)


@lru_cache(maxsize=1)
def _easy_words() -> frozenset[str]:
    return frozenset((resources.files("textstat") / "resources" / "en" / "easy_words.txt").read_text().split())


def is_everyday_word(word: str) -> bool:
    """One of textstat's easy English words ("is", "was", "dad", "aged")."""
    return word.lower() in _easy_words()


def holds_no_known_word(text: Optional[str]) -> bool:
    """True for letters that make no word we know; False for a message with no letters at all
    ("!!!", an emoji), which says nothing either way."""
    words = _WORD.findall(normalize(text or ""))
    if not words or other_language(text) or _URGENT_STEMS.search(text or ""):
        return False
    if any(word in _easy_words() for word in words):
        return False
    lexicon = default_lexicon()
    named = any(lexicon.tag_text(kind, text or "") for kind in ("treatment", "condition"))
    return not named and not any(lexicon.place(word) for word in words)
