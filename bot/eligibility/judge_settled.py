"""What one item leaves open, settled by another item of the same criteria.

"A NET of GI or lung origin" may or may not take in the pancreas ("GI" is sometimes the gut
alone); an exclusion "Patients with pancreatic NET" in the same criteria says it does not.
"Unresectable neuroendocrine carcinoma" alone may be the older name of a NET; another inclusion
"Histologically proven neuroendocrine carcinoma (NEC)" says which is meant.
Only a firm item settles an open one, and only to what that firm item says, so this never rules
out anyone the firm item does not rule out already: a question for the team becomes the answer
the trial gives.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from bot.eligibility.logic import EXCLUDES, REQUIRES, Fact, Reading


def settled(readings: Iterable[Reading]) -> list[Reading]:
    read = list(readings)
    ruled_out = frozenset().union(
        *(
            f.values
            for r in read
            if r.section == "exclusion"
            for f in r.facts
            if f.field == "site" and _plain(f, EXCLUDES)
        )
    )
    firm_asks = [f for r in read if r.section == "inclusion" for f in r.facts if _plain(f, REQUIRES)]
    return [
        replace(r, facts=tuple(_settle(f, ruled_out, firm_asks) for f in r.facts)) if r.section == "inclusion" else r
        for r in read
    ]


def _plain(fact: Fact, mode: str) -> bool:
    """A firm fact of one item on its own: no cohort, no alternatives, nothing we cannot know."""
    return fact.mode == mode and fact.firm and not (fact.part or fact.cohort or fact.group or fact.needs_more)


def _settle(fact: Fact, ruled_out: frozenset[str], firm_asks: list[Fact]) -> Fact:
    if fact.mode != REQUIRES or fact.cohort or fact.group or fact.needs_more:
        return fact
    if fact.field == "site" and fact.maybe & ruled_out:  # "GI" with the pancreas ruled out elsewhere
        fact = replace(fact, maybe=fact.maybe - ruled_out)
    if not fact.firm and fact.values:
        same = [f for f in firm_asks if f.field == fact.field and f.values == fact.values and f.maybe <= fact.maybe]
        if same:  # asked firmly by another item: the open one says no more than it
            fact = replace(fact, firm=True)
    return fact
