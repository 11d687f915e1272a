"""Fear or tears with no sign of hopelessness ("im so scared about my scan tomorrow i cant stop crying"):
met with a kind word and support lines, not the crisis reply, which is for a risk to life. Anything that may
tell of hopelessness or harm keeps the crisis reply: this only ever softens the tone for plain fear."""

from __future__ import annotations

import re
from typing import Optional

_FEAR = re.compile(
    r"\b(?:scared|terrified|frightened|afraid|petrified|worried|worrying|anxious|anxiety|nervous|panick?(?:ing|ed)?"
    r"|cry|crying|cried|in tears|tearful|overwhelmed|stressed|in bits|in pieces|a (?:mess|wreck)|in shock"
    r"|(?:can'?t|cannot) sleep|dreading|freaking out|bricking it|beside myself|heart ?broken|devastated|distraught)\b",
    re.I,
)
# Words that may tell of hopelessness, harm or a plan: the crisis reply stays
_MAYBE_HOPELESS = re.compile(
    r"\b(?:give up|giving up|gave up|point|end|ends|ending|(?:make|want) (?:it|this) (?:all )?(?:to )?stop|disappear\w*|escape|can'?t do (?:this|it)|no way|way out|burden|die|dying|dead|death"
    r"|kill\w*|suicid\w*|harm\w*|hurt\w*|gone|done with|go on|carry on|any ?more|nothing left|hopeless|no hope"
    r"|lost (?:all )?hope|depress\w*|drown\w*|alone|exist\w*|live|living|life|tablets|pills|plan\w*|goodbye"
    r"|cope|coping|myself|might do|do something|stupid|tonight|can'?t take|cannot take|enough|miss me|better off|sleep forever|not wake|wake up"
    r"|never wake|wish|here|meds|medication|morphine|overdose|use|empty|numb|late|be with|despair\w*|worthless"
    r"|pointless|hopeless|nothing|no one|nobody|anymore)\b",
    re.I,
)
# What the fear is of: a test, a result, a treatment or the news (plain fear is always of something named)
_FEARED_EVENT = re.compile(
    r"\b(?:scan|scans|results?|op|operation|surgery|biopsy|appointment|appt|treatment|jab|injection|needles?|chemo"
    r"|prrt|lutathera|diagnosis|diagnosed|news|test|tests|bloods|clinic|consultant|oncologist|onc|mri|ct|pet)\b",
    re.I,
)


def only_fear(text: Optional[str]) -> bool:
    """True when the message tells of fear, worry or tears about something named (a scan, results, the news) and
    of nothing that may be hopelessness or harm. Softening needs that positive sign, not only the lack of a
    danger word: a despairing message the lists miss keeps the crisis reply."""
    said = (text or "").replace("’", "'")
    return bool(_FEAR.search(said) and _FEARED_EVENT.search(said)) and not _MAYBE_HOPELESS.search(said)
