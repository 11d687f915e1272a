"""Which lexicon concepts a trial is about, and the document its full-text index holds."""

from __future__ import annotations

from typing import Callable

from bot.lexicon import Lexicon
from bot.trials.parse import ParsedTrial

TextFor = Callable[[str], str]  # part name ("title", "interventions", ...) -> record text


def tags_for(text_for: TextFor, lexicon: Lexicon) -> set[str]:
    """Treatments come from the title and interventions (the summary only when a record
    lists no interventions, since summaries also name treatments people had before);
    conditions from the title and conditions (the summary when none are listed)."""
    interventions = text_for("interventions")
    treatment_text = " ; ".join([text_for("title"), interventions or text_for("summary")])
    conditions = text_for("conditions")
    condition_text = " ; ".join([text_for("title"), conditions or text_for("summary")])
    return lexicon.tag_text("treatment", treatment_text) | lexicon.tag_text("condition", condition_text)


def document_for(parsed: ParsedTrial, tags: set[str], lexicon: Lexicon) -> tuple[str, str]:
    """(title, body) for the full-text index; the body also names the tagged concepts so that
    a free-text "lutathera" finds every trial of the same treatment."""
    concept_names = " ; ".join(sorted(lexicon.name_of(tag) for tag in tags))
    body = " ; ".join(
        filter(
            None,
            [
                parsed.text_for("summary"),
                parsed.text_for("conditions"),
                parsed.text_for("interventions"),
                parsed.trial.get("sponsor"),
                concept_names,
            ],
        )
    )
    return parsed.text_for("title"), body
