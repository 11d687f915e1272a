"""Whether a message is written in a language other than English, by its small everyday words.

The assistant understands and answers English only. A question in Swedish about pancreas surgery
is not off-topic, so it should hear that, not "I only know about NETs". Only the commonest
function words are counted: a drug, place or trial name in English words does not make a
message English, and one foreign word in an English message does not make it foreign.
"""

from __future__ import annotations

import re
from typing import Optional

_WORDS: dict[str, frozenset[str]] = {
    "Swedish": frozenset(
        "och att det är jag har inte med för som på av hur kan min mitt mina vad eller nu också".split()
    ),
    "Danish or Norwegian": frozenset(
        "og at det er jeg har ikke med for som på av hvordan kan min mitt hva eller nå".split()
    ),
    "German": frozenset(
        "und ich ist nicht ein eine mit für das die der wie kann mein meine was oder auch habe".split()
    ),
    "Dutch": frozenset("en ik is niet een met voor het de hoe kan mijn wat of ook heb heeft".split()),
    "Spanish": frozenset(
        "y yo es no una con para el la los las cómo como puedo mi mis qué que o también tengo".split()
    ),
    "Italian": frozenset("e io è non una con per il la gli come posso mio mia che cosa o anche ho sono".split()),
    "French": frozenset("et je est pas une avec pour le la les comment peux mon ma mes que ou aussi ai suis".split()),
    "Portuguese": frozenset("e eu é não uma com para o a os as como posso meu minha que ou também tenho".split()),
    "Polish": frozenset("i ja jest nie z dla jak mogę mój moja co lub też mam czy".split()),
}
# Languages spoken as a first language in one country we hold lines or an emergency number for
# (Spanish, French, Portuguese and German are each spoken in countries with other numbers).
HOME_COUNTRY = {"Swedish": "SE", "Italian": "IT", "Dutch": "NL", "Polish": "PL"}
_ENGLISH = frozenset("the and is are i my a an of to in it that what how can do does for with have has be not".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_FOREIGN = 3  # distinct everyday words of one language


def other_language(text: Optional[str]) -> Optional[str]:
    """The language a message seems written in when it is clearly not English, else None."""
    words = [w.lower() for w in _WORD.findall(text or "")]
    english = sum(1 for w in words if w in _ENGLISH)
    best, count = None, 0
    for language, everyday in _WORDS.items():
        found = len({w for w in words if w in everyday} - _ENGLISH)
        if found > count:
            best, count = language, found
    return best if count >= MIN_FOREIGN and count > english else None
