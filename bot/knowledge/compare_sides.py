"""A comparison the fact table cannot answer alone: two kinds of one thing ("lutetium PRRT vs
yttrium PRRT", "short acting octreotide vs the LAR one", "distal vs total pancreatectomy"), or
two sides of which one has no entry ("debulking surgery vs just drugs", "mr-linac vs surgery").

Each side gets its table part when it has an entry of its own, else what our single facts say
about it (bot/knowledge/side_facts.py) and the trials in our list that mention it; a side we
know nothing about says so. Facts naming both sides are said once, as how they differ. Never
which is better (the same closing as bot/knowledge/compare.py).
"""

from __future__ import annotations

import re
from typing import Optional

from bot.knowledge.compare import (
    WHO_CHOOSES_TEST,
    WHO_WEIGHS,
    counts_of,
    entry_part,
    fit,
    lower_first,
    short_name,
)
from bot.knowledge.facts import Fact
from bot.knowledge.names import NameFinder
from bot.knowledge.pair import Side, asks_to_compare, kinds_of_one, sides_named
from bot.knowledge.side_facts import facts_about, facts_naming_both, key_words
from bot.knowledge.sides import two_sides
from bot.knowledge.treatments import Treatment
from bot.text import normalize
from bot.trials.query import TrialQuery
from bot.trials.side_by_side import names_two_listed
from bot.trials.store import TrialStore

NOT_IN_FACTS = "Our facts do not cover it."
NOTHING_MORE = "Our facts say nothing more about it on its own."
# Two things that are not treatments ("blind trial vs double blind"): nothing to weigh up
WHO_EXPLAINS = "A specialist team or a trial team can explain more about how this applies to someone."
TRIALS_SHOWN = 2
MOST_TRIALS = 3  # more trials than this have the words: too general to list ("drugs", "octreotide")
_TRIAL_WORDS = frozenset({"trial", "trials", "study", "studies"})


def compare_kinds(
    text: str,
    store: Optional[TrialStore] = None,
    *,
    asked_to_compare: bool = False,
    finder: Optional[NameFinder] = None,
) -> Optional[str]:
    """Two kinds of one thing side by side ("lutetium PRRT vs yttrium PRRT"); None otherwise."""
    sides = _sides(text, asked_to_compare, finder)
    kind = kinds_of_one(*sides) if sides else None
    return _kinds(sides[0], sides[1], kind, store, text) if sides and kind else None


def compare_with_unknown(
    text: str, store: Optional[TrialStore] = None, finder: Optional[NameFinder] = None
) -> Optional[str]:
    """Two sides of a comparison, one or both with no table entry ("debulking surgery vs just
    drugs"): what we know of each and what we don't; None when we know nothing of either."""
    sides = _sides(text, True, finder)
    if sides is None or all(side.entry for side in sides) or kinds_of_one(*sides):
        return None
    return _one_unknown(sides[0], sides[1], store, text)


def sides_left_out(text: str, said: str) -> Optional[str]:
    """After one answer about a comparison of two things ("somatostatinoma vs glucagonoma": the
    glucagonoma answer), what our facts say about a side that answer does not name; None when
    it names both, or our facts know nothing of the other."""
    sides = two_sides(text)
    if sides is None:
        return None
    plain = f" {normalize(said)} "
    parts = []
    for words in (sides.first, sides.second):
        key = key_words(words)
        facts = facts_about(words) if key and f" {key} " not in plain else []
        if facts:
            parts.append(
                "\n".join(
                    [f"What our facts say about {lower_first(written(words, text))}:", *(f"- {f.text}" for f in facts)]
                )
            )
    return "\n\n".join(parts) or None


def _sides(text: str, asked_to_compare: bool, finder: Optional[NameFinder]) -> Optional[tuple[Side, Side]]:
    if (not asked_to_compare and not asks_to_compare(text)) or names_two_listed(text):
        return None  # "1 and 3": two trials of a list (bot/trials/side_by_side.py)
    return sides_named(text, finder)


def _kinds(first: Side, second: Side, kind: Treatment, store: Optional[TrialStore], text: str) -> str:
    keys = [_kind_key(first, second), _kind_key(second, first)]
    both = facts_naming_both(keys[0], keys[1], kind)
    parts = [
        f"{written(first.words, text)} or {lower_first(written(second.words, text))}, side by side. "
        f"Both are kinds of {lower_first(short_name(kind))}."
    ]
    for side, key in zip((first, second), keys):
        if side.entry is not None and side.entry.id != kind.id:  # "distal pancreatectomy": its own entry
            parts.append(entry_part(side.entry, counts_of(store, (side.entry, side.entry))))
        else:
            own = [f for f in facts_about(key, kind, side.words) if f not in both]
            # no trials by words here: "yttrium" in a record may be SIRT's, not this kind's
            parts.append(_facts_part(side, own, NOTHING_MORE if both else NOT_IN_FACTS, store, text, []))
    if both:
        parts.append("\n".join(["How they differ:", *(f"- {f.text}" for f in both)]))
    return fit(parts, [], _closing(kind))


def _one_unknown(first: Side, second: Side, store: Optional[TrialStore], text: str) -> Optional[str]:
    parts = [f"{written(first.words, text)} or {lower_first(written(second.words, text))}, side by side."]
    both = facts_naming_both(first.words, second.words)  # "blind trial" and "double blind": said once
    facts_known = len(both)
    for side in (first, second):
        facts = [f for f in facts_about(side.words, side.entry, side.words) if f not in both]
        if side.entry is not None and not (facts and len(side.words.split()) > 1):
            parts.append(entry_part(side.entry, counts_of(store, (side.entry, side.entry))))
            facts_known += 1
            continue
        trials = _trials_mentioning(side, store)
        facts_known += bool(facts)
        parts.append(_facts_part(side, facts, NOTHING_MORE if both else NOT_IN_FACTS, store, text, trials))
    if not facts_known:  # a fact (or entry) of one side at least
        return None
    if both:  # a side with nothing of its own says nothing: the facts naming both are its part
        parts = [p for p in parts if not p.endswith(f"\n- {NOTHING_MORE}")]
        parts.append("\n".join(["How they differ:", *(f"- {f.text}" for f in both)]))
    entries = [s.entry for s in (first, second) if s.entry is not None]
    return fit(parts, [], _closing(entries[0]) if entries else WHO_EXPLAINS)


def _kind_key(side: Side, other: Side) -> str:
    """What picks this kind out: its kind words, else the words the other side lacks."""
    if side.qualifier:
        return side.qualifier
    return " ".join(w for w in side.words.split() if w not in other.words.split())


def _facts_part(
    side: Side, facts: list[Fact], none: str, store: Optional[TrialStore], text: str, trials: Optional[list[str]] = None
) -> str:
    lines = [f"{written(side.words, text)}:", *(f"- {f.text}" for f in facts)]
    if not facts:
        lines.append(f"- {none}")
    found = _trials_mentioning(side, store) if trials is None else trials
    if found:
        lines.append(f"- Trials in our list that mention it: {', '.join(found)}.")
    return "\n".join(lines)


def _trials_mentioning(side: Side, store: Optional[TrialStore]) -> list[str]:
    """Trials of our list whose record has the side's words: "PANTODON (NCT07273409)"."""
    words = " ".join(w for w in key_words(side.words).split() if w not in _TRIAL_WORDS)
    if store is None or not words:
        return []
    page = store.search(TrialQuery(text=words, status="all", limit=TRIALS_SHOWN))
    if page.total > MOST_TRIALS:
        return []
    shown = []
    for summary in page.trials:
        trial = store.get(summary.nct_id)
        shown.append(f"{trial.acronym} ({summary.nct_id})" if trial and trial.acronym else summary.nct_id)
    more = page.total - len(shown)
    return [*shown, f"and {more} more"] if more > 0 else shown


def _closing(entry: Optional[Treatment]) -> str:
    return WHO_CHOOSES_TEST if entry is not None and entry.category == "test" else WHO_WEIGHS


def written(words: str, text: str) -> str:
    """The side as the person wrote it, word by word ("LAR octreotide", "MR-linac radiotherapy"),
    with a capital."""
    originals: dict[str, str] = {}
    for token in re.findall(r"[\w\u00c0-\u024f][\w\u00c0-\u024f'+-]*", text or ""):
        for part in normalize(token).split():
            originals.setdefault(part, token if normalize(token) == part else part)
    hyphened = re.findall(r"\w+(?:-\w+)+", text or "")
    out = " ".join(originals.get(w, w) for w in words.split())
    for token in hyphened:  # "mr linac" written "mr-linac"
        out = re.sub(rf"\b{r'[ ]'.join(map(re.escape, normalize(token).split()))}\b", token, out, flags=re.I)
    return out[:1].upper() + out[1:]
