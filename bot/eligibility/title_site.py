"""Where a trial's NETs must start, from its title, when its criteria name no site at all.

Some records state the site only in the title ("... in Gastroenteropancreatic Neuroendocrine
Tumours (GEP-NETs)"), or hold no criteria text. The title is read as one inclusion criterion by
the same site reader; a title about other tumours too ("Small Cell Lung Cancer and NETs") is not
read, since its site may belong to the other tumour. Where criteria exist they are the rules and
the title only describes the study, so its site is then a question for the team, never a clear no.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from bot.eligibility.fields import site
from bot.eligibility.logic import Reading

TITLE = "title: "
_OTHER_TUMOURS = re.compile(r"\bcancers?\b|(?<!neuroendocrine )\bcarcinomas?\b|\bsolid\s+tumou?rs?\b|\bmalignanc\w+|\b(?:adeno|osteo)?sarcomas?\b"
                            r"|\blymphomas?\b|\bmelanomas?\b|\bpheochromocytomas?\b|\bparagangliomas?\b|\bneuroblastomas?\b|\bother\s+tumou?rs?\b", re.I)


def title_reading(title: Optional[str], read: tuple[Reading, ...]) -> Optional[Reading]:
    """The title's site as an inclusion criterion ("title: ..."), or None when the criteria speak
    to the site themselves (their words are the rule) or the title names no site of NETs alone.
    `read`: the criteria's readings, empty when the record has no criteria."""
    if not title or _OTHER_TUMOURS.search(title) or any(f.field == "site" for r in read for f in r.facts):
        return None
    text = TITLE + title
    facts = [f if not read else replace(f, firm=False) for f in site(title, "inclusion", text)]
    return Reading(text, "inclusion", tuple(facts)) if facts else None
