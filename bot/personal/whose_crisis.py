"""Whether a crisis message tells of someone close's despair ("my husband keeps saying he wants to give up")
rather than the writer's own, so that the answer speaks to the person writing, who is frightened for them.
Careful by design: any sign of the writer's own despair ("I want to die", "me too") keeps the answer to the
writer, which is never wrong."""

from __future__ import annotations

import re
from typing import Optional

from bot.profile.person import RELATIVES

# Someone close: the profile's relatives (bot/profile/person.py), and a few words people use bare ("mum said")
_BARE = ("mum", "mom", "mam", "dad", "hubby", "nan", "gran")
_NAMES = sorted({*RELATIVES, "mom", "nan", "nana", "gran", "grandpa"}, key=len, reverse=True)
_CLOSE = rf"(?:he|she|they|{'|'.join(_BARE)}|my\s+(?:{'|'.join(re.escape(n) for n in _NAMES)}))"
_TELLS = re.compile(
    rf"\b{_CLOSE}\b[^.?!]{{0,40}}?\b(?:keeps?\s+(?:saying|talking\s+about)|says|said|is\s+saying|has\s+said"
    r"|talks?\s+about|(?:is|was|'s|has\s+been)\s+talking\s+about|told\s+(?:me|us)|mentioned|wants?\s+to|wanted\s+to)\b",
    re.I,
)
_WRITER_OWN = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'd|id)\s+(?:(?:really|just|also|too|so|honestly)\s+)?(?:want|wanna|feel|felt|can'?t|cannot"
    r"|don'?t\s+want|do\s+not\s+want|am|have\s+been|wish|think\s+about\s+(?:dying|ending))\b"
    r"|\b(?:i'?m|im|i\s+am)\s+(?:just\s+)?(?:a\s+burden|done|finished|worthless|useless|nothing)\b"
    r"|\b(?:myself|my\s+life|me\s+too|i\s+do\s+too|so\s+do\s+i|kill\s+me|miss\s+me|without\s+me)\b"
    r"|\b(?:i|i'm|im|i've|ive|i'd|id)\b[^.?!,]{0,30}?\b(?:die|dying|dead|end(?:ing)?\s+(?:it|things|my)|give\s+up"
    r"|giving\s+up|go\s+on|cope|coping|kill|suicid\w*|no\s+point|burden|do\s+this\s+any\s*more)\b",
    re.I,
)


def about_someone_close(text: Optional[str]) -> bool:
    """True for despair said of someone close and nothing of the writer's own."""
    said = text or ""
    return bool(_TELLS.search(said)) and not _WRITER_OWN.search(said)
