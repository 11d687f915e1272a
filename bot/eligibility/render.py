"""A trial's eligibility for the chat: who it is for, in plain words, in two headed lists.

The lists are the whole of what the registry record says, rewritten; nothing is cut without
saying so, and a record without criteria sends people to the registry page and the trial
team. The wording says what the trial asks for, never who can join: only the trial team
decides that.
"""

from __future__ import annotations

from typing import Optional

from bot.eligibility.forbidden_words import neutral
from bot.eligibility.plain import PlainItem, as_written, plain_criteria
from bot.trials.about import record_limits
from bot.trials.query import TrialDetail

INCLUDE_HEADING = "You may be able to join if:"
EXCLUDE_HEADING = "You usually cannot join if:"
WHO_DECIDES = (
    "This is what the registry record asks for, in plain words. Only the trial team can say who can take part."
)


def eligibility_text(trial: TrialDetail, show_original: bool = False, limit: Optional[int] = None) -> str:
    """The chat message. `show_original` adds the registry's own words under each point;
    `limit` caps each list, saying how many more there are and where to see them."""
    return "\n".join(eligibility_lines(trial, show_original, limit))


def eligibility_lines(trial: TrialDetail, show_original: bool = False, limit: Optional[int] = None) -> list[str]:
    plain = plain_criteria(trial.criteria) if trial.criteria and trial.criteria.strip() else None
    if plain is None or plain.is_empty:
        return _no_criteria(trial)
    lines = [f"Who this trial is for ({trial.nct_id}). {WHO_DECIDES}", ""]
    lines += _section(INCLUDE_HEADING, plain.inclusion, trial, show_original, limit)
    lines.append("")
    if plain.exclusion:
        lines += _section(EXCLUDE_HEADING, plain.exclusion, trial, show_original, limit)
    else:
        lines.append("The record lists no reasons for not joining. The trial team may have more.")
    lines += ["", f"Full record: {trial.registry_url}"]
    return [neutral(line) for line in lines]


def _section(
    heading: str, items: tuple[PlainItem, ...], trial: TrialDetail, show_original: bool, limit: Optional[int]
) -> list[str]:
    shown = items if limit is None else items[:limit]
    lines = [heading]
    for item in shown:
        lines += _item_lines(item, show_original)
    hidden = len(items) - len(shown)
    if hidden:
        lines.append(
            f"There {'is' if hidden == 1 else 'are'} {hidden} more. See them all on the registry page: {trial.registry_url}"
        )
    return lines


def _item_lines(item: PlainItem, show_original: bool, depth: int = 0) -> list[str]:
    """The item's sentence, then the explanations of its terms on a line of their own beneath
    it (repeated in every item that needs them), then the record's words if asked for."""
    pad = "  " * depth
    lines = [f"{pad}- {item.sentence}"]
    if item.notes:
        lines.append(f"{pad}  {' '.join(item.notes)}")
    if show_original and item.sentence != as_written(" ".join(item.original.split())):  # not already shown as is
        lines.append(f"{pad}  (Record's words: {item.original})")
    for child in item.children:
        lines += _item_lines(child, show_original, depth + 1)
    return lines


def _no_criteria(trial: TrialDetail) -> list[str]:
    lines = [
        f"The record for {trial.nct_id} does not include the full list of who can join.",
        f"You can find it on the registry page ({trial.registry_url}) or ask the trial team.",
    ]
    stated = record_limits(trial)
    if stated:
        lines.append("The record does say: " + "; ".join(stated) + ".")
    return lines
