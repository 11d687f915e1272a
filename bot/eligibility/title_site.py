"""Where a trial's NETs must start, as its title says: the one reader of a title's site, for the
judge and for the story search's set-asides (`bot/profile/site_limits.py`).

Some records state the site only in the title ("... in Gastroenteropancreatic Neuroendocrine
Tumours (GEP-NETs)"), or hold no criteria text. The title is read as one inclusion criterion by
the judge's own site reader (`fields.site_of_nets`); a title about other tumours too ("Small Cell Lung
Cancer and NETs") is not read, since its site may belong to the other tumour. For the judge, where
criteria exist they are the rules and the title only describes the study, so its site is then a
question for the team, never a clear no; so it is for a title about an operation, whose site word
may name the organ operated on. (The story search only ranks by a title's site, never hides.)
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from bot.eligibility.fields import site_of_nets
from bot.eligibility.logic import REQUIRES, Fact, Reading
from bot.eligibility.person import SITES

TITLE = "title: "
_OTHER_TUMOURS = re.compile(
    r"\bcancers?\b|(?<!neuroendocrine )\bcarcinomas?\b|\bsolid\s+tumou?rs?\b|\bmalignanc\w+|\b(?:adeno|osteo)?sarcomas?\b"
    r"|\blymphomas?\b|\bmelanomas?\b|\bpheochromocytomas?\b|\bparagangliomas?\b|\bneuroblastomas?\b|\bother\s+tumou?rs?\b",
    re.I,
)
_EVERY_START = frozenset(SITES) - {"unknown"}
# a title about an operation may name the organ operated on ("Pancreatic Surgery for Duodenal NETs")
_OPERATION = re.compile(r"\bsurg\w*|\bresect\w*|\bdebulk\w*|\w+ectomy\b|\boperat\w*|\bcytoreduct\w*", re.I)


@lru_cache(maxsize=1024)
def title_facts(title: Optional[str]) -> tuple[Fact, ...]:
    """The site facts of a title read as an inclusion criterion; none when it is about other
    tumours too."""
    if not title or _OTHER_TUMOURS.search(title):
        return ()
    return tuple(site_of_nets(title, "inclusion", TITLE + title))


def title_reading(title: Optional[str], read: tuple[Reading, ...]) -> Optional[Reading]:
    """The title's site as an inclusion criterion ("title: ..."), or None when the criteria speak
    to the site themselves (their words are the rule) or the title names no site of NETs alone.
    `read`: the criteria's readings, empty when the record has no criteria."""
    if any(f.field == "site" for r in read for f in r.facts):
        return None
    sure = not read and not _OPERATION.search(title or "")
    facts = [f if sure else replace(f, firm=False) for f in title_facts(title)]
    return Reading(TITLE + (title or ""), "inclusion", tuple(facts)) if facts else None


def title_sites(title: Optional[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The starts a title asks for (the person's site names): those it names, and those its words
    may also take ("small intestinal": "bowel" may be it). Both empty when it asks for none, or
    for every start there is ("Pulmonary or Gastroenteropancreatic", "Pancreatic and Carcinoid")."""
    asked = [f for f in title_facts(title) if f.mode == REQUIRES]
    named = frozenset(v for f in asked for v in f.values) & frozenset(SITES)
    maybe = frozenset(v for f in asked for v in f.maybe) & frozenset(SITES)
    if (named | maybe) >= _EVERY_START:
        return frozenset(), frozenset()
    return named, maybe - named


def titled_sites(title: Optional[str]) -> frozenset[str]:
    """Every start a title may take; empty when it sets no clear limit (it names no start for
    sure: "Carcinoid Tumours" may be of any start but the pancreas, or of all of them)."""
    named, maybe = title_sites(title)
    return named | maybe if named else frozenset()
