"""Two treatments, tests or kinds of treatment side by side ("lanreotide or octreotide?",
"PRRT vs chemo", "difference between a gallium scan and a CT"): how each works, how it is
given, common side effects, where it stands and how many open trials of each are in our list,
as two short parallel parts that read in a chat bubble and in an SMS. Never which is better:
the last line says who can weigh that. Facts only from the table (bot/knowledge/treatments.py).
"""

from __future__ import annotations

import re
from typing import Optional

from bot.knowledge.names import Mention, NameFinder
from bot.knowledge.pair import asks_outright_to_compare, kinds_of_one, sides_named, two_named
from bot.knowledge.treatments import BY_ID, FACTS_CHECKED, Treatment
from bot.knowledge.trial_counts import TrialCounts, trial_counts
from bot.trials.store import TrialStore

MAX_CHARS = 1600  # one SMS message (bot/channels/limits.py): the trials of both and the sources only if they fit
SOURCES_SHOWN = 3
WHO_WEIGHS = (
    "I can't say which suits one person better. Their specialist team can weigh it up; a NET "
    "helpline can help find a specialist centre."
)
WHO_CHOOSES_TEST = (
    "I can't say which test suits one person. Their specialist team can explain their choice; "
    "a NET helpline can help find a specialist centre."
)
SAME_TEAM = "Their specialist team can say more about how it would fit them."
NOTHING_APART = "Our facts say the same about both, and nothing about how they differ."
NOT_COVERED = "not in our fact sheet"
NOT_SEARCHABLE = "our search cannot look for this one"


def compare_treatments(
    text: str,
    store: Optional[TrialStore] = None,
    *,
    asked_to_compare: bool = False,
    finder: Optional[NameFinder] = None,
) -> Optional[str]:
    """Two treatments or tests the message names, side by side; None when it does not name two
    known ones. With a store, each part says how many open trials of it are in our list."""
    pair = two_named(text, asked_to_compare, finder)
    if pair is None:
        return None
    if (pair.same or pair.kind_and_member()) and two_kinds_named(text, finder):
        return None  # "lutetium PRRT vs yttrium PRRT": two kinds of one thing (bot/knowledge/compare_sides.py)
    first, second = pair.first.treatment, pair.second.treatment
    if pair.same and not asked_to_compare and not asks_outright_to_compare(text):
        return None  # "instead of more surgery? im so fed up of operations": one thing, no comparison asked
    if pair.same:
        intro = f"{_typed_name(pair.first, text)} and {_typed_name(pair.second, text)} are names for the same thing."
        return fit([intro, entry_part(first, counts_of(store, (first, first)))], [_sources(first)], SAME_TEAM)
    kind_member = pair.kind_and_member()
    if kind_member:
        kind, member = kind_member
        intro = (
            f"{short_name(member)} is {kind.one_of or 'one of the ' + lower_first(short_name(kind))}, so they are "
            "not two different options. Here is what we know about it."
        )
        return fit([intro, entry_part(member, counts_of(store, (member, member)))], [_sources(member)], SAME_TEAM)
    counts = counts_of(store, (first, second))
    shared = _shared(first, second)
    parts = [
        _intro(first, second),
        entry_part(first, counts, 0, shared, second),
        entry_part(second, counts, 1, shared, first),
    ]
    if shared:
        parts.append(_both(first, shared))
    if not _differ(first, second, shared):
        parts.append(NOTHING_APART)
    closing = WHO_CHOOSES_TEST if "test" in (first.category, second.category) else WHO_WEIGHS
    extras = [
        f"Trials of both in our list: {', '.join(counts.both)}." if counts and counts.both else "",
        _sources(first, second),
    ]
    return fit(parts, extras, closing)


def two_kinds_named(text: str, finder: Optional[NameFinder] = None) -> bool:
    sides = sides_named(text, finder)
    return sides is not None and kinds_of_one(*sides) is not None


def fit(parts: list[str], extras: list[str], closing: str) -> str:
    """The parts, then each extra (in order) that still lets the answer fit one SMS message."""
    for extra in extras:
        if extra and len(joined([*parts, extra], closing)) <= MAX_CHARS:
            parts = [*parts, extra]
    return joined(parts, closing)


def _sources(*entries: Treatment) -> str:
    """ "Source: Cancer Research UK, NICE and Macmillan (date not recorded)." as the knowledge
    answers write it (knowledge-facts.md records no page dates)."""
    names = list(dict.fromkeys(name for entry in entries for name in entry.sources))
    shown = names[:SOURCES_SHOWN] + (["others"] if len(names) > SOURCES_SHOWN else [])
    listed = ", ".join(shown[:-1]) + f" and {shown[-1]}" if len(shown) > 1 else shown[0]
    return f"Source: {listed} (date not recorded)."


def _differ(first: Treatment, second: Treatment, shared: tuple[str, ...]) -> bool:
    return any(getattr(entry, f) for entry in (first, second) for f in FIELDS if f not in shared)


def counts_of(store: Optional[TrialStore], pair: tuple[Treatment, Treatment]) -> Optional[TrialCounts]:
    return trial_counts(store, pair) if store is not None else None


def _intro(first: Treatment, second: Treatment) -> str:
    shared = next((BY_ID[k] for k in first.part_of if k in second.part_of and BY_ID[k].both), None)
    line = f"{short_name(first)} or {lower_first(short_name(second))}, side by side."
    return f"{line} {shared.both}" if shared else line


FIELDS = ("works", "given", "side_effects", "stands")


def label(entry: Treatment, field: str) -> str:
    """The heading of one fact of an entry ("How it is given", "What it shows" for a test)."""
    if field == "works":
        return "What it shows" if entry.category == "test" else "How it works"
    if field == "given":
        return "How it is given" if entry.category == "treatment" else "How it is done"
    if field == "side_effects":
        return "Possible after-effects" if entry.category == "procedure" else "Side effects"
    return "Where it stands"


def _shared(first: Treatment, second: Treatment) -> tuple[str, ...]:
    """Facts the two have word for word (side effects of two SSAs): said once, for both."""
    return tuple(
        f
        for f in FIELDS
        if getattr(first, f) and getattr(first, f) == getattr(second, f) and label(first, f) == label(second, f)
    )


def entry_part(
    entry: Treatment,
    counts: Optional[TrialCounts],
    which: int = 0,
    skip: tuple[str, ...] = (),
    other: Optional[Treatment] = None,
) -> str:
    """One side: its heading and facts. Where the other side has a fact a drug or treatment lacks,
    it says our facts do not cover it (a missing side-effects line must not read as "none")."""
    lines = [f"{entry.name}: {entry.what}"]
    for field in (f for f in FIELDS if f not in skip):
        fact = getattr(entry, field)
        if (
            not fact
            and entry.category == "treatment"
            and other is not None
            and getattr(other, field)
            and label(other, field) == label(entry, field)
        ):
            fact = NOT_COVERED
        lines.append(_line(label(entry, field), fact))
    if counts is not None and entry.trial_concepts:
        lines.append(_line(_trialslabel(entry), counts.words(which)))
    elif counts is not None and other is not None and other.trial_concepts:
        lines.append(_line("Open trials in our list", NOT_SEARCHABLE))
    facts = [line for line in lines[1:] if line and not line.endswith((NOT_COVERED, NOT_SEARCHABLE))]
    return "\n".join(line for line in lines if line) if facts else ""  # a heading with no facts says nothing


def _trialslabel(entry: Treatment) -> str:
    """ "Open trials in our list", or of what was searched when the entry borrows a broader
    concept ("Open trials of surgery in our list" for the Whipple operation)."""
    if entry.lexicon_ids:
        return "Open trials in our list"
    broader = " or ".join(lower_first(short_name(BY_ID[c])) if c in BY_ID else c for c in entry.trial_concepts)
    return f"Open trials of {broader} in our list"


def _both(entry: Treatment, shared: tuple[str, ...]) -> str:
    return "\n".join(["For both:", *(_line(label(entry, f), getattr(entry, f)) for f in shared)])


def _line(label: str, fact: Optional[str]) -> str:
    return f"- {label}: {fact}" if fact else ""


def joined(parts: list[str], closing: str) -> str:
    checked = f"Facts checked {FACTS_CHECKED.day} {FACTS_CHECKED:%B %Y}."
    return "\n\n".join([*(p for p in parts if p), f"{closing}\n{checked}"])


def short_name(entry: Treatment) -> str:
    """The name without its note in brackets: "Lanreotide", "CAPTEM", "Somatostatin analogues"."""
    return re.sub(r"\s*\([^)]*\)", "", entry.name).strip()


def _typed_name(mention: Mention, text: str) -> str:
    """The name as the person wrote it ("177Lu-DOTATATE", "Lutathera"), with a capital."""
    pattern = r"[^0-9a-z]+".join(re.escape(word) for word in mention.typed.split())
    found = re.search(pattern, text, re.I)
    written = found.group(0) if found else mention.typed
    return written[:1].upper() + written[1:]


def lower_first(name: str) -> str:
    """Lower case for a common noun in mid-sentence ("chemotherapy", "the Whipple operation"),
    never for a name in capitals ("PRRT", "CT scan")."""
    return name if name[1:2].isupper() else name[:1].lower() + name[1:]
