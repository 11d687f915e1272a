"""Criteria in plain English: split the registry text, rewrite each criterion.

Each criterion is written by a whole-criterion template (`templates`) when one fits and the guards
(`guards`) pass it; else it is shown in the registry's own words (`registry_words`): tidied, symbols
in words, only word swaps proven safe, with the terms explained beneath (issue 18, session 20: the
glossary's word-for-word swaps did not carry to unseen criteria). When the guards refuse even those,
the registry's text is shown exactly as written. For a few families, a template's sentence longer than
a short registry item gives way to the registry's words when they are no longer and need no
explaining ("Pregnant or lactating women"). It keeps every criterion (one plain item per registry
item, sub-items with their parent) and every number exactly as written.

The rule-based rewrite (`rule_rewrites`: phrasing rules, then the glossary) is no longer shown; it
still writes a template's slots (`fragment`) and is the "before" of `make criteria-report`.

An item is its `sentence` (the criterion rewritten, or the registry's words) and its `notes`:
one short line per term it uses that needs explaining, shown beneath the sentence and
repeated in every item that needs it, since people jump between items. The sentence alone is
what is compared with the registry's item (its length, its meaning); `plain` is both together.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Iterator, Optional

from bot.eligibility import phrasing
from bot.eligibility.compact import compact, over_under, word_count
from bot.eligibility.explain import spelling, term_explanations
from bot.eligibility.forbidden_words import neutral
from bot.eligibility.glossary import default_replacer
from bot.eligibility.guards import rewrite_problems
from bot.eligibility.registry_words import mend, registry_sentence
from bot.eligibility.replacer import Replacer
from bot.eligibility.short_sentences import shorter
from bot.eligibility.split import Criteria, Item, split_criteria
from bot.eligibility.templates import write_with_template

TEMPLATE, GLOSSARY, ORIGINAL = "template", "glossary", "original"  # how an item was written


@dataclass(frozen=True)
class PlainItem:
    """One criterion: the registry's words and ours, with its sub-items."""

    original: str  # this criterion's own text (sub-items not included)
    plain: str  # the sentence, then its notes
    children: tuple["PlainItem", ...] = ()
    how: str = GLOSSARY  # TEMPLATE or ORIGINAL (the registry's words); GLOSSARY is no longer shown
    family: Optional[str] = None  # the template's criterion family
    refused: tuple[str, ...] = ()  # the guards' reasons for not showing a rewrite
    sentence: str = ""  # the criterion in our words (or the registry's, when ORIGINAL)
    notes: tuple[str, ...] = ()  # the explanations of its terms, shown beneath the sentence
    cut: bool = False  # the sentence was cut into shorter ones at its joints (`short_sentences`)

    @property
    def full_original(self) -> str:
        return "\n".join(self._lines("original"))

    @property
    def full_plain(self) -> str:
        return "\n".join(self._lines("plain"))

    @property
    def full_sentence(self) -> str:
        """The sentences of the item and its sub-items, without the explanations."""
        return "\n".join(self._lines("sentence"))

    @property
    def words_used(self) -> list[str]:
        """The explanations of the item and its sub-items, each once."""
        return list(dict.fromkeys(note for item in self.walk() for note in item.notes))

    def _lines(self, attr: str, depth: int = 0) -> list[str]:
        own = ("  " * (depth - 1) + "- " if depth else "") + getattr(self, attr)
        return [own] + [line for child in self.children for line in child._lines(attr, depth + 1)]

    def walk(self) -> list["PlainItem"]:
        return [self] + [item for child in self.children for item in child.walk()]

    def as_dict(self) -> dict[str, object]:
        """ "plain" is all that is shown; an item with explanations also gives its "sentence" (the
        criterion alone) and its "words_used" (the explanation lines, shown beneath it)."""
        shown: dict[str, object] = {"original": self.full_original, "plain": self.full_plain, "how": self.how}
        if self.words_used:
            shown.update(sentence=self.full_sentence, words_used=self.words_used)
        if self.children:
            shown["sub_items_how"] = [item.how for item in self.walk()[1:]]
        return shown


@dataclass(frozen=True)
class PlainCriteria:
    """The two lists, in the registry's order."""

    inclusion: tuple[PlainItem, ...]
    exclusion: tuple[PlainItem, ...]

    @property
    def is_empty(self) -> bool:
        return not self.inclusion and not self.exclusion

    def as_dict(self) -> dict[str, list[dict[str, object]]]:
        return {
            "inclusion": [item.as_dict() for item in self.inclusion],
            "exclusion": [item.as_dict() for item in self.exclusion],
        }


def plain_criteria(text: Optional[str], replacer: Optional[Replacer] = None) -> PlainCriteria:
    """Split a registry criteria text and rewrite every criterion in plain English."""
    return plain_from_split(split_criteria(text), replacer)


def plain_from_split(criteria: Criteria, replacer: Optional[Replacer] = None) -> PlainCriteria:
    """Rewrite criteria already split by `split_criteria`."""
    items = criteria.inclusion + criteria.exclusion
    originals = [item.text for top in items for item in _walk(top)]
    first_exclusion = sum(len(_walk(top)) for top in criteria.inclusion)
    rewritten = iter(write_items(originals, replacer, frozenset(range(first_exclusion, len(originals)))))
    built = [_rebuild(item, rewritten) for item in items]
    return PlainCriteria(tuple(built[: len(criteria.inclusion)]), tuple(built[len(criteria.inclusion) :]))


@dataclass(frozen=True)
class Written:
    """One criterion as shown, and how it was written."""

    sentence: str
    notes: tuple[str, ...]
    how: str
    family: Optional[str] = None
    refused: tuple[str, ...] = ()
    cut: bool = False  # cut into shorter sentences at its joints

    @property
    def plain(self) -> str:
        return " ".join([self.sentence, *self.notes])


def _written(
    sentence: str, notes: list[str], how: str, family: Optional[str] = None, refused: tuple[str, ...] = ()
) -> Written:
    """An item as shown: the explanations it needs (not those its sentence already gives), hedged."""
    kept = tuple(
        neutral(note) for note in _distinct(notes) if _needed(note, sentence) and _names_shown_words(note, sentence)
    )
    return Written(neutral(sentence), kept, how, family, refused)


def write_items(
    lines: list[str], replacer: Optional[Replacer] = None, exclusion_lines: frozenset[int] = frozenset()
) -> list[Written]:
    """Each criterion by a template, else in the registry's own words with only safe swaps
    (`registry_words`) and its terms explained beneath: the first that passes the guards.
    Explanations are repeated in every item that needs them, since people jump between items.
    `exclusion_lines` is kept for callers; the registry's words need no change of subject."""
    replacer = replacer or default_replacer()
    return [_first_good(line, replacer) for line in lines]


def _first_good(line: str, replacer: Replacer) -> Written:
    original = mend(" ".join(line.split()))
    refused: list[str] = []
    notes: list[tuple[int, str]] = []
    own_words = _registry_words(original, replacer)
    template = write_with_template(original, lambda words: fragment(words, replacer, notes))
    if template is not None:
        written = _written(template.sentence, [*template.notes, *(n for _, n in notes)], TEMPLATE, template.family)
        problems = rewrite_problems(original, template.sentence, written.plain)
        if not problems:
            shown = _compacted(original, written)
            return _shortened(original, _shorter_as_listed(original, shown, own_words) or shown)
        refused += [f"template {template.family}: {p}" for p in problems]
    if own_words is not None:
        return _shortened(original, own_words)
    refused.append("registry words: " + "; ".join(_registry_problems(original, replacer)))
    return _written(as_written(original), term_explanations(original, replacer), ORIGINAL, refused=tuple(refused))


def _registry_words(original: str, replacer: Replacer) -> Optional[Written]:
    """The registry's item with the safe swaps, else without them (its semicolons made full stops, else
    kept), its terms explained; None when the guards refuse them all."""
    for split in (True, False):
        for swaps in (True, False):
            written = _as_listed(original, replacer, swaps, split)
            if not rewrite_problems(original, written.sentence, written.plain):
                return written
    return None


def _registry_problems(original: str, replacer: Replacer) -> list[str]:
    written = _as_listed(original, replacer, swaps=False)
    return rewrite_problems(original, written.sentence, written.plain)


def _as_listed(original: str, replacer: Replacer, swaps: bool, split: bool = True) -> Written:
    """The registry's sentence, with the lines explaining its terms, and the explanations of the
    terms a swap put into everyday words ("Lab-confirmed means ..." after "histologically confirmed")."""
    sentence = _calm(registry_sentence(original, swaps, split), original)
    notes = term_explanations(sentence, replacer)
    if swaps:
        notes += [
            line for line in term_explanations(original, replacer, glosses=False) if _about_shown_words(line, sentence)
        ]
    return _written(sentence, notes, ORIGINAL)


_SUBJECT = re.compile(r"^(?:(?:the|a|an)\s+)?(.+?)\s+(?:means|is|are|was)\b", re.I)


def _about_shown_words(line: str, sentence: str) -> bool:
    """An explanation of a term the swap took out is kept only when it speaks of the words shown
    ("Lab-confirmed means ..."), not of the registry's word ("Myocardial infarction means a heart attack."
    under "heart attack")."""
    subject = _SUBJECT.match(line)
    if subject is None:
        return True
    first = subject.group(1).lower().split()[0]  # "Diabetes mellitus means ..." under "diabetes" is kept
    return spelling(first) in spelling(sentence)


def _names_shown_words(line: str, sentence: str) -> bool:
    """Any explanation is shown only when a word of the term it defines is shown: not the registry's name
    for the study drug under "study drug", nor a word of another line's gloss ("Hereditary means ..." under
    "Familial: inherited."). The tuned judgements counted these as stray explanations."""
    subject = _SUBJECT.match(line)
    if subject is None:
        return True
    named = subject.group(1).split(":", 1)[0]  # "SLE: Lupus is ...": the term shown is "SLE"
    words = [_z(w) for w in _WORD.findall(spelling(named)) if w not in _NOT_A_TERM]
    shown = _z(spelling(sentence))
    if not words or any(form in shown for w in words for form in (w, w.removesuffix("s")) if len(form) > 1):
        return True
    # "Corticosteroids are ..." under "use of steroids": the line's term holds a shown word, its short form
    return any(seen in w for w in words for seen in _WORD.findall(shown) if len(seen) >= 6)


def _z(text: str) -> str:
    """ "randomisation" and "randomization" alike."""
    return text.replace("is", "iz").replace("ys", "yz")


_WORD = re.compile(r"[a-z0-9]+")
_NOT_A_TERM = frozenset(
    {"the", "a", "an", "or", "and", "of", "to", "in", "on", "for", "with", "unit", "very", "lower", "higher"}
)


def _shorter_as_listed(original: str, template: Written, own_words: Optional[Written]) -> Optional[Written]:
    """The registry's words instead of a template's sentence that is longer than the registry's
    item, when they are not longer: a short item ("Patients with uncontrolled hypertension") reads
    as well in the registry's own shape, when none of its words needs explaining. Only for the families whose template wraps a short noun
    phrase in a sentence; the others' templates say what a bare item leaves unsaid."""
    if template.family not in _SHORT_AS_LISTED or word_count(template.sentence) <= word_count(original):
        return None
    if own_words is None or own_words.notes or word_count(own_words.sentence) > word_count(original):
        return None  # a term that needs explaining reads better in the template's words
    return own_words


_SHORT_AS_LISTED = frozenset(
    {
        "pregnancy or breastfeeding",
        "uncontrolled illness",
        "measurable disease",
        "allergy",
        "life expectancy",
        "performance status",
        "spread to the brain",
        "recent heart attack or stroke",
        "active infection",
        "another cancer",
    }
)


def _compacted(original: str, written: Written) -> Written:
    """A rewrite longer than the registry's item in list-item form (`compact`), when that is
    shorter and passes the guards too."""
    if word_count(written.sentence) <= word_count(original):
        return written
    short = compact(written.sentence)
    if word_count(short) >= word_count(written.sentence) or rewrite_problems(
        original, short, " ".join([short, *written.notes])
    ):
        return written
    return replace(written, sentence=short)


def _shortened(original: str, written: Written) -> Written:
    """A long sentence cut into short ones at its joints (`short_sentences`), when that passes
    the guards and adds no word that would make it longer than the registry's item."""
    most = max(word_count(written.sentence), word_count(original))

    def good(short: str) -> bool:
        return word_count(short) <= most and not rewrite_problems(original, short, " ".join([short, *written.notes]))

    short = shorter(written.sentence, good)
    return written if short == written.sentence else replace(written, sentence=short, cut=True)


def fragment(words: str, replacer: Optional[Replacer] = None, notes: Optional[list[tuple[int, str]]] = None) -> str:
    """Part of a criterion (a template's slot) in everyday words; the explanations of its terms
    are added to `notes`, if given, for the template to put after its sentence."""
    replacer = replacer or default_replacer()
    return phrasing.tidy(replacer.rewrite(phrasing.SYMBOLS(phrasing.literals(" ".join(words.split()))), set(), notes))


def rewrite(text: str, replacer: Optional[Replacer] = None) -> str:
    """One criterion by the rule-based rewrite (no template, no guard)."""
    return rewrite_lines([text], replacer)[0]


@dataclass(frozen=True)
class Rewritten:
    sentence: str  # the criterion rewritten
    notes: tuple[str, ...] = ()  # the explanations of its terms

    @property
    def shown(self) -> str:
        """The sentence with the explanations after it."""
        return " ".join([self.sentence, *self.notes])

    plain = shown


def rule_written(text: str, exclusion: bool = False) -> Rewritten:
    """One criterion by the rule-based rewrite alone (the glossary's swaps, no template, no guard), its
    terms explained: what the chat showed for most items until issue 18, and what `fragment` still does
    inside a template's slots."""
    return rule_rewrites(
        [text], exclusion_lines=frozenset({0}) if exclusion else frozenset(), repeat_explanations=True
    )[0]


def as_written(original: str) -> str:
    """The registry's words, ended with a full stop."""
    text = phrasing.next_point(original.rstrip(" ,;"))
    return text if text[-1:] in ".:?!" else text + "."


def rewrite_lines(
    lines: list[str], replacer: Optional[Replacer] = None, exclusion_lines: frozenset[int] = frozenset()
) -> list[str]:
    """The rule-based rewrite of criteria in reading order, each term explained the first time."""
    return [done.shown for done in rule_rewrites(lines, replacer, exclusion_lines)]


def rule_rewrites(
    lines: list[str],
    replacer: Optional[Replacer] = None,
    exclusion_lines: frozenset[int] = frozenset(),
    repeat_explanations: bool = False,
) -> list[Rewritten]:
    """The rule-based rewrite of criteria in reading order. `exclusion_lines` are the indexes
    of lines from the exclusion list. A term is explained the first time only, or in every
    line that has it with `repeat_explanations`.

    The rules run over all lines at once (one criterion per line), which keeps a corpus of
    thousands of texts fast.
    """
    if not lines:
        return []
    replacer = replacer or default_replacer()
    clean = [" ".join(line.split()) for line in lines]
    block = phrasing.SYMBOLS(phrasing.literals("\n".join(clean)))
    block = phrasing.subjects(block, exclusion_lines)
    if repeat_explanations:
        found: list[list[tuple[int, str]]] = [[] for _ in lines]
        out = [phrasing.tidy(replacer.rewrite(line, set(), notes)) for line, notes in zip(block.split("\n"), found)]
        explained = {i: list(dict.fromkeys(sentence for _, sentence in notes)) for i, notes in enumerate(found)}
    else:
        notes: list[tuple[int, str]] = []
        out = phrasing.tidy(replacer.rewrite(block, set(), notes)).split("\n")
        explained = _notes_by_line(block, notes)
    if len(out) != len(lines):  # a rule crossed a line break: never expected, but be safe
        one = frozenset({0})
        return [
            rule_rewrites([line], replacer, one if i in exclusion_lines else frozenset(), repeat_explanations)[0]
            for i, line in enumerate(lines)
        ]
    done = [over_under(phrasing.sentences(_calm(plain, original))) for plain, original in zip(out, clean)]
    return [
        Rewritten(
            neutral(line), tuple(neutral(note) for note in _distinct(explained.get(i, [])) if _needed(note, line))
        )
        for i, line in enumerate(done)
    ]


def _notes_by_line(block: str, notes: list[tuple[int, str]]) -> dict[int, list[str]]:
    """Explanations grouped by the line (criterion) where their term first came up."""
    if not notes:
        return {}
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(block)]
    by_line: dict[int, list[str]] = {}
    for offset, sentence in notes:
        line = bisect.bisect_right(starts, offset) - 1
        if sentence not in by_line.setdefault(line, []):
            by_line[line].append(sentence)
    return by_line


def _distinct(notes: list[str]) -> list[str]:
    """Each explanation once: one that another line already says in full ("Measurable means ..." beside
    "Measurable means ... Evaluable means ...") is left out."""
    unique = list(dict.fromkeys(notes))
    return [note for note in unique if not any(note != other and note in other for other in unique)]


def _needed(sentence: str, line: str) -> bool:
    """An explanation the criterion already gives is left out: "MEN1 is an inherited condition."
    after "an inherited condition (MEN1)". All of what it says must be there, not a word or two."""
    said = _DEFINITION.split(sentence.rstrip("."), maxsplit=1)[-1].strip().lower()
    return not said or said not in line.lower()


_DEFINITION = re.compile(r"\b(?:is|are|means)\b")
_LINE_BREAK = re.compile("\n")
_SHOUTED_WORD = re.compile(r"\b[A-Z]{5,}\b")
_LOWER = re.compile(r"[a-z]")


def _calm(plain: str, original: str) -> str:
    """A criterion written in capitals reads as shouting: lower-case its long words."""
    shouted = _SHOUTED_WORD.findall(original)
    if len(shouted) < 2 or len(_LOWER.findall(original)) > len(original) // 10:
        return plain
    return _SHOUTED_WORD.sub(lambda m: m.group().lower(), plain)


def _walk(item: Item) -> list[Item]:
    return [item] + [i for child in item.children for i in _walk(child)]


def _rebuild(item: Item, written: Iterator[Written]) -> PlainItem:
    own = next(written)
    children = tuple(_rebuild(child, written) for child in item.children)
    return PlainItem(item.text, own.plain, children, own.how, own.family, own.refused, own.sentence, own.notes, own.cut)
