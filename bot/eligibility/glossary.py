"""The glossary: medical words and abbreviations -> everyday words (data/glossary.yml).

Loaded into a `Replacer` together with the phrasing word rules, so that one pass over a
criteria text applies both. A term is explained the first time it appears in a criteria
text and shortened after that, when the entry has `short`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.config import DATA_DIR
from bot.eligibility.numbers import number_tokens
from bot.eligibility.replacer import Entry, Replacer

GLOSSARY_PATH = DATA_DIR / "glossary.yml"


def load_entries(path: Path = GLOSSARY_PATH) -> list[Entry]:
    """The glossary file's entries, checked."""
    return [_entry(raw) for raw in yaml.safe_load(path.read_text(encoding="utf-8"))["terms"]]


def _entry(raw: dict) -> Entry:
    texts = [raw.get("term"), raw.get("plain"), *raw.get("forms", [])]
    texts += [raw[k] for k in ("short", "explain", "plural") if k in raw]
    if not all(isinstance(t, str) and t for t in texts):
        raise ValueError(f"glossary entry needs text for term, plain, short and forms (quote yes/no): {raw}")
    if "pattern" in raw and not (raw.get("starts") or raw.get("ends")):
        raise ValueError(
            f"glossary pattern needs the words it can start with (starts) or end with (ends): {raw['term']}"
        )
    if "explain" in raw and (number_tokens(re.sub(r"\{0\}", "", raw["explain"])) or not raw["explain"].endswith(".")):
        raise ValueError(f"glossary explain must be a sentence without numbers: {raw['term']}")
    for form in [raw["term"], *raw.get("forms", [])]:
        for words in _words(raw):
            if (
                number_tokens(form)
                and "{0}" not in words
                and sorted(number_tokens(words)) != sorted(number_tokens(form))
            ):
                raise ValueError(f"glossary form {form!r} has a number that {words!r} would drop (use {{0}})")
    for words in _words(raw):
        numbers = sorted(number_tokens(re.sub(r"\{\d\}", "", words)))
        forms = [raw["term"], *raw.get("forms", [])]
        if numbers and ("pattern" in raw or any(sorted(number_tokens(f)) != numbers for f in forms)):
            raise ValueError(
                f"glossary words may hold a number only when every form has it (or use {{0}}): {raw['term']}"
            )
    return Entry(
        key=raw["term"],
        plain=raw["plain"],
        forms=tuple(raw.get("forms", ())),
        pattern=raw.get("pattern"),
        starts=tuple(str(w) for w in raw.get("starts", ())),
        short=raw.get("short"),
        explain=raw.get("explain"),
        exact_case=raw.get("case") == "exact",
        ends=tuple(str(w) for w in raw.get("ends", ())),
        plural=raw.get("plural"),
    )


def _words(raw: dict) -> list[str]:
    """The everyday words an entry may write: plain, and short and plural when given."""
    return [raw[k] for k in ("plain", "short", "plural") if k in raw]


@lru_cache(maxsize=1)
def default_replacer() -> Replacer:
    """The phrasing word rules, then the glossary, in one replacer (built once)."""
    from bot.eligibility.phrasing import WORD_RULES

    return Replacer([*WORD_RULES, *load_entries()])
