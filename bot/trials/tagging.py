"""Which lexicon concepts a trial is about, and the document its full-text index holds."""

from __future__ import annotations

import re
from typing import Callable

from bot.lexicon import Lexicon
from bot.trials.parse import ParsedTrial

TextFor = Callable[[str], str]  # part name ("title", "interventions", ...) -> record text

# Raise when the tagging rules change: databases tagged by older rules are re-tagged at start-up
# (`python -m bot trials init --if-missing`), as after a lexicon change.
TAGGING_VERSION = 3


def tags_for(text_for: TextFor, lexicon: Lexicon) -> set[str]:
    """Treatments come from the title and interventions (the summary only when a record
    lists no interventions, since summaries also name treatments people had before);
    conditions from the title and conditions (the summary when none are listed)."""
    interventions = text_for("interventions")
    treatment_text = " ; ".join([text_for("title"), interventions or text_for("summary")])
    conditions = text_for("conditions")
    condition_text = " ; ".join([text_for("title"), conditions or text_for("summary")])
    tags = lexicon.tag_text("treatment", treatment_text) | lexicon.tag_text("condition", condition_text)
    if not interventions and watches_instead_of_operating(treatment_text):
        tags.add(WATCHING_TAG)
    if watches_in_one_group(text_for("untreated_arms"), text_for("title")):
        tags.add(WATCHING_TAG)
    return tags


WATCHING_TAG = "treatment:surveillance"

_WATCHING = r"(?:active\s+)?(?:surveillance|monitoring|watchful\s+waiting|wait[\s-]+and[\s-]+see|watch[\s-]+and[\s-]+wait|follow[\s-]*up|observation)"
_OPERATING = r"(?:surgery|surgical|resection|operation|operating|pancreatectomy|enucleation)"
_ORDER = r"(?:rather\s+than|instead\s+of|versus|vs\.?|or|over|compared\s+(?:with|to))"
# "a risk-benefit calculation may favour surveillance rather than surgery", "surgery versus active surveillance",
# "non-surgical management": a study of watching a tumour in place as the other road to an operation
_WATCHING_INSTEAD = re.compile(
    rf"\b{_WATCHING}\b(?:\W+\w+){{0,4}}?\W+{_ORDER}\W+(?:\w+\W+){{0,3}}?{_OPERATING}\b"
    rf"|\b{_OPERATING}\b(?:\W+\w+){{0,3}}?\W+{_ORDER}\W+(?:\w+\W+){{0,2}}?{_WATCHING}\b"
    r"|\bnon[\s-]?(?:surgical|operative)\s+(?:management|follow[\s-]*up|approach)\b",
    re.I,
)


def watches_instead_of_operating(text: str) -> bool:
    """A record that lists no interventions and is about watching a tumour left in place instead of
    taking it out (an observational study of small incidental NETs followed by scans): tagged as
    watch and wait, which the lexicon's record words ("active surveillance") alone miss. A record that
    lists its interventions says what it tests there instead."""
    return bool(_WATCHING_INSTEAD.search(text or ""))


_UNTREATED = re.compile(r"\bno\s+(?:treatment|intervention|therapy)\b|\bobservation(?:al)?\b|\bwatch", re.I)
# A group left untreated after an operation or after chemotherapy is follow-up, not a tumour watched in place
_AFTER_TREATMENT = re.compile(
    r"\b(?:maintenance|adjuvant|post-?operative|after\s+(?:surgery|resection|chemo\w*))\b", re.I
)


def watches_in_one_group(untreated_arms: str, title: str) -> bool:
    """One group of the trial gets no treatment and is watched ("Somatostatin Analogs Versus NO Treatment":
    its no-treatment group is the observational control), and the trial is not about the time after an
    operation or after chemotherapy (a maintenance trial's untreated group is follow-up)."""
    return bool(_UNTREATED.search(untreated_arms or "")) and not _AFTER_TREATMENT.search(title or "")


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
