"""Write docs/criteria-report.md: plain-English criteria and fact extraction, measured.

    .venv/bin/python -m scripts.criteria_report [--out docs/criteria-report.md]

Reading grades (Flesch-Kincaid, textstat 0.7.3) before and after the rewrite, over the
shipped trials with criteria and over the shared corpus of 3,869 registry texts; the
"nothing lost" checks over the same texts; how each item was written (template, glossary,
or the original words when the guards refused), template coverage by criterion family and
what the guards refused; and the accuracy of the fact extraction against
the hand labels in tests/data/criteria_labels.yml. A measurement, not a test: it never fails.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from bot.config import REPO_ROOT
from bot.eligibility.evaluate import Accuracy, load_labels, measure
from bot.eligibility.forbidden_words import tells_can_join
from bot.eligibility.guards import rewrite_problems
from bot.eligibility.guards.language import language_defects
from bot.eligibility.guards.meaning import words
from bot.eligibility.numbers import missing_numbers, number_tokens
from bot.eligibility.plain import (
    GLOSSARY,
    ORIGINAL,
    TEMPLATE,
    PlainCriteria,
    PlainItem,
    Rewritten,
    as_written,
    plain_criteria,
    rule_rewrites,
)
from bot.eligibility.readability import Grades, grades
from bot.eligibility.rewrite_eval import (
    PARTS,
    Shown,
    by_text,
    coverage_rows,
    judgements_path,
    load_items,
    load_judgements,
    score,
    score_parts,
    table,
)
from bot.eligibility.short_sentences import LONG
from bot.eligibility.sources import CORPUS_PATH, CriteriaText, corpus_criteria, shipped_criteria
from bot.eligibility.split import split_criteria

DEFAULT_OUT = REPO_ROOT / "docs" / "criteria-report.md"
TARGET_GRADE = 8.0
EXAMPLE_TRIAL = "NCT07273409"


@dataclass
class Measured:
    source: CriteriaText
    plain: PlainCriteria
    grades: Grades


@dataclass
class Checks:
    texts: int = 0
    items: int = 0
    sub_items: int = 0
    numbers: int = 0
    count_mismatches: int = 0
    numbers_lost: int = 0
    telling_can_join: int = 0
    negations_lost: int = 0
    shown_defects: int = 0  # doubled words, broken punctuation the registry's text did not have
    how: Counter = field(default_factory=Counter)  # TEMPLATE, GLOSSARY, ORIGINAL
    families: Counter = field(default_factory=Counter)  # items written by each template family
    cut: Counter = field(default_factory=Counter)  # items cut into shorter sentences, by how they were written
    refused: Counter = field(default_factory=Counter)  # why the guards refused a rewrite, by kind
    before: Counter = field(default_factory=Counter)  # the rule rewrite alone: items failing each guard
    swapped: int = 0  # registry's words shown with at least one safe swap or symbol in words
    as_written: int = 0  # registry's words shown as written: the guards refused even the tidied ones


def measure_texts(texts: list[CriteriaText]) -> tuple[list[Measured], Checks, float]:
    started = time.perf_counter()
    rewritten = [(t, plain_criteria(t.criteria)) for t in texts]
    seconds = time.perf_counter() - started
    checks = Checks(texts=len(texts))
    for source, plain in rewritten:
        split = split_criteria(source.criteria)
        every = [item for name in ("inclusion", "exclusion") for top in getattr(plain, name) for item in top.walk()]
        rules = iter(rule_rewrites([item.original for item in every], repeat_explanations=True))
        for name in ("inclusion", "exclusion"):
            ours = getattr(plain, name)
            checks.count_mismatches += len(split.section(name)) != len(ours)
            for top in ours:
                checks.items += 1
                for item in top.walk():
                    checks.sub_items += item is not top
                    checks.numbers += len(item_numbers(item))
                    checks.numbers_lost += len(missing_numbers(item.original, item.plain))
                    checks.telling_can_join += tells_can_join(item.plain)
                    count_how(checks, item, next(rules))
    measured = [Measured(source, plain, grades(source.criteria, plain)) for source, plain in rewritten]
    return measured, checks, seconds


def count_how(checks: Checks, item: PlainItem, rule: Rewritten) -> None:
    """How the item was written, what is shown, and what the guards say of the rule-based
    rewrite alone (`rule`: the glossary's word-for-word swaps, shown for every item until issue 18)."""
    checks.how[item.how] += 1
    checks.cut[item.how] += item.cut
    if item.family:
        checks.families[item.family] += 1
    if item.how == ORIGINAL:
        checks.as_written += bool(item.refused)
        checks.swapped += not item.refused and item.sentence != as_written(" ".join(item.original.split()))
    checks.negations_lost += words(item.original)["negation"] > words(item.plain)["negation"]
    checks.shown_defects += bool(language_defects(item.plain, verbs=False) - language_defects(item.original))
    problems = rewrite_problems(item.original, rule.sentence, rule.shown)
    kinds = {guard_kind(problem) for problem in problems}
    checks.refused.update(problem.split(" lost")[0].split(" changed")[0] for problem in problems)
    checks.before.update(kinds | ({"any"} if kinds else set()))


def guard_kind(reason: str) -> str:
    return "language" if "language:" in reason else "meaning"


def how_table(checks: Checks) -> list[str]:
    total = sum(checks.how.values())
    lines = ["| how | items | share |", "| --- | ---: | ---: |"]
    for how, name in (
        (TEMPLATE, "template (whole criterion)"),
        (GLOSSARY, "glossary (rule-based word-for-word rewrite; no longer shown)"),
        (ORIGINAL, "the registry's words (tidied, symbols in words, safe swaps only), terms explained beneath"),
    ):
        lines.append(f"| {name} | {checks.how[how]} | {checks.how[how] / max(1, total):.1%} |")
    return lines


def family_table(checks: Checks) -> list[str]:
    total = sum(checks.how.values())
    lines = ["| criterion family | items | share of all items |", "| --- | ---: | ---: |"]
    lines += [f"| {family} | {n} | {n / max(1, total):.2%} |" for family, n in checks.families.most_common()]
    covered = sum(checks.families.values())
    lines.append(f"| **all templates** | **{covered}** | **{covered / max(1, total):.1%}** |")
    return lines


def guard_table(checks: Checks) -> list[str]:
    total = sum(checks.how.values())
    lines = ["| items failing | before: rule rewrite shown for every item | after: shown |", "| --- | ---: | ---: |"]
    for kind in ("meaning", "language", "any"):
        lines.append(
            f"| {kind} guard{'s' if kind == 'any' else ''} | {checks.before[kind]} ({checks.before[kind] / max(1, total):.1%}) | 0 |"
        )
    return lines


def evaluation_section(criteria_by_record: dict[str, str]) -> list[str]:
    """The labelled set (tests/data/criteria_eval/), per defect kind and part: the rule rewrite
    alone for every item (before issue 18's templates and guards) and the rewrite as the chat shows it."""
    if not criteria_by_record:
        return ["## Evaluation set", "", "The corpus is not here: no figures.", ""]
    now = score_parts(criteria_by_record)
    rule_alone = by_text(lambda text: _shown(rule_rewrites([text], repeat_explanations=True)[0]))
    scores = {}
    for part in PARTS:
        judgements = load_judgements(judgements_path(part))
        scores[f"{part}: before (rule rewrite)"] = score(load_items(part), rule_alone, judgements)
        scores[f"{part}: now (as the chat shows it)"] = now[part].score
    coverage = coverage_rows({name: now[name.split(":")[0]] for name in scores if "now" in name})
    return [
        "## Evaluation set (issue 18)",
        "",
        "The labelled items of `tests/data/criteria_eval/` (README there), scored by "
        "`bot/eligibility/rewrite_eval.py`. *Before* is the rule-based glossary rewrite shown for every item "
        "(explanations repeated per item), as before the templates and guards; *now* is each item as the chat "
        "shows it, picked out of its whole record's rewrite. Meaning, jargon, length and grade are checked "
        "mechanically against the labels; grammar counts only the items a person judged with that exact rewrite "
        "(`judgements.jsonl`, keyed by the rewrite's hash). The held part's rewrites were read once, blind, by a "
        "judge who changes no code (`judgements_held.jsonl`, counted for the held part only); a held item whose "
        "rewrite has changed since is not judged.",
        "",
        "How an item is counted: an item is its rewritten sentence, with the explanations of its terms shown "
        "beneath it on a line of their own (in the chat, and as `words_used` in `python -m bot criteria plain`), "
        "repeated in every item that needs them. *Longer* compares the sentence's words with the registry item's; "
        "the grade is the sentence's (the grade of the sentence with its explanations is the next row); meaning is "
        "checked on the sentence alone; a term is explained when the sentence no longer uses it, glosses it in "
        'brackets, or a line beneath names it or defines a word of it ("HIV is a virus ..." for "HIV-1 '
        'infection"). Until 2026-12-06 the explanations counted as part of the rewrite, so its length and grade '
        "included them: the figures before that date are not comparable. From session 13 of 2026-12-06 a line names a "
        'term in either spelling ("randomisation" for "randomization", "oestrogen" for "estrogen") and in the '
        'singular or plural ("antibodies" for "antibody"), and any sentence of a line may define a word of it; '
        "before, only the line's first sentence and the registry's spelling counted.",
        "",
        "Targets on the held part: meaning changed 0; grammar defects at most 5%; unexplained jargon at most 10%; "
        "rewrite longer than the original at most 30% of items; median grade at most 7.",
        "",
        table(scores),
        "",
        "How the *now* rewrites were written (the other columns: see above):",
        "",
        "| | " + " | ".join(name for name in scores if "now" in name) + " |",
        "| --- |" + " ---: |" * len(now),
        *coverage,
        "",
    ]


def _shown(rewritten: Rewritten) -> Shown:
    return Shown(rewritten.sentence, rewritten.notes)


def item_numbers(item: PlainItem) -> list[str]:
    return number_tokens(item.original)


def grade_table(rows: list[tuple[str, list[Measured]]]) -> list[str]:
    lines = [
        "| texts | n | before: median | before: worst | before, as sentences: median | after: median | after: worst |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, measured in rows:
        before = [m.grades.before for m in measured]
        sentences = [m.grades.before_sentences for m in measured]
        after = [m.grades.after for m in measured]
        lines.append(
            f"| {name} | {len(measured)} | {statistics.median(before):.1f} | {max(before):.1f} | "
            f"{statistics.median(sentences):.1f} | **{statistics.median(after):.1f}** | {max(after):.1f} |"
        )
    return lines


def accuracy_table(development: Accuracy, held_out: Accuracy) -> list[str]:
    lines = ["| field | development set | held-out set |", "| --- | ---: | ---: |"]
    for name in development.total:
        lines.append(
            f"| {name} | {development.right[name]}/{development.total[name]} | {held_out.right[name]}/{held_out.total[name]} |"
        )
    lines.append(
        f"| **all fields** | **{sum(development.right.values())}/{sum(development.total.values())} = "
        f"{development.overall:.1%}** | **{sum(held_out.right.values())}/{sum(held_out.total.values())} = "
        f"{held_out.overall:.1%}** |"
    )
    return lines


def example(measured: list[Measured]) -> list[str]:
    found = [m for m in measured if m.source.nct_id == EXAMPLE_TRIAL]
    if not found:
        return []
    m = found[0]
    lines = [f"## Example: {EXAMPLE_TRIAL}", "", f"Grade {m.grades.before} as stored, {m.grades.after} rewritten.", ""]
    for heading, items in (
        ("You may be able to join if:", m.plain.inclusion),
        ("You usually cannot join if:", m.plain.exclusion),
    ):
        lines += [f"**{heading}**", "", "| registry | plain |", "| --- | --- |"]
        lines += [f"| {cell(i.full_original)} | {cell(i.full_plain)} |" for i in items]
        lines.append("")
    return lines


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def build(out: Path) -> str:
    shipped, shipped_checks, _ = measure_texts(shipped_criteria())
    corpus: list[Measured] = []
    corpus_checks, corpus_seconds = Checks(), 0.0
    if CORPUS_PATH.exists():
        corpus, corpus_checks, corpus_seconds = measure_texts(corpus_criteria())
    texts = {m.source.nct_id: m.source.criteria for m in corpus + shipped}
    labels = load_labels()
    development = measure(labels["trials"], texts)
    held_out = measure(labels["held_out"], texts) if all(n in texts for n in labels["held_out"]) else Accuracy()

    rows = [("shipped trials with criteria", shipped)] + ([("corpus", corpus)] if corpus else [])
    medians = {name: statistics.median(m.grades.after for m in measured) for name, measured in rows}
    met = all(v <= TARGET_GRADE for v in medians.values())
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Eligibility criteria in plain English: report",
        "",
        f"Generated by `scripts/criteria_report.py` on {stamp}. Do not edit by hand: run "
        "`.venv/bin/python -m scripts.criteria_report` again.",
        "",
        "## Reading grade",
        "",
        "Flesch-Kincaid grade (textstat 0.7.3) of each criteria text. *Before* is the registry text as "
        "stored. Registry bullets often have no full stops, which makes a whole list count as one long "
        "sentence, so *before, as sentences* also scores the registry's own items each ended with a full "
        "stop: the fair comparison. *After* is our rewrite (every item and sub-item, with the one-line "
        "explanations of jargon), as the chat shows it.",
        "",
        *grade_table(rows),
        "",
        f"Target: median after at most {TARGET_GRADE:g}. "
        + ("Met" if met else "NOT met")
        + " ("
        + ", ".join(f"{name}: {value:.1f}" for name, value in medians.items())
        + ").",
        "",
        "Per shipped trial:",
        "",
        "| trial | before | before, as sentences | after |",
        "| --- | ---: | ---: | ---: |",
        *[
            f"| {m.source.nct_id} | {m.grades.before} | {m.grades.before_sentences} | {m.grades.after} |"
            for m in shipped
        ],
        "",
        "The worst corpus texts after the rewrite are records where the registry runs several criteria "
        'together in one bullet (an inline list such as "(1) ..., (2) ...", or line breaks lost with '
        "no punctuation left) or writes very long sentences: the rewrite keeps each bullet as the one item "
        "the registry gives and only splits sentences at semicolons, so these stay long.",
        "",
        "## Nothing lost",
        "",
        "| texts | n | items | sub-items | numbers | lists with a different item count | numbers lost | rewrites telling someone they can join |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *[
            f"| {name} | {c.texts} | {c.items} | {c.sub_items} | {c.numbers} | {c.count_mismatches} | {c.numbers_lost} | {c.telling_can_join} |"
            for name, c in (("shipped", shipped_checks), ("corpus", corpus_checks))
            if c.texts
        ],
        "",
        f"Rewriting the whole corpus took {corpus_seconds:.1f} s in this run (one process, on a shared machine).",
        "",
        "## How each item was written (corpus)",
        "",
        "Each item (sub-items counted too) is written by a whole-criterion template when one fits and the "
        "guards pass it; else it is shown in the registry's own words (issue 18, session 20), tidied (spacing, "
        'bullets, symbols in words: "≥ 18" -> "at least 18", "and/or" -> "or", a semicolon made a full stop) '
        "with only the swaps of `bot/eligibility/registry_words.py` (a word or phrase put for one of the same "
        'kind and number, such as "prior to" -> "before", "malignancies" -> "cancers"; checked over the whole '
        "corpus), and the explanations of its terms beneath. The rule-based glossary rewrite (word-for-word "
        "swaps) is no longer shown: on the blind-judged held part a third of its items read wrong. The "
        "language guard (doubled words, broken punctuation, brackets, sentences with no verb, word-swap "
        'leftovers) and the meaning guard (numbers, units, limits, negations, exceptions, "only", sex and '
        "age words) check whatever is shown; when they refuse the swapped words, the tidied words without "
        "swaps are tried, then the registry's text exactly as written.",
        "",
        *how_table(corpus_checks),
        "",
        f"Of the items in the registry's words, {corpus_checks.swapped} have at least one safe swap or symbol "
        f"said in words, and {corpus_checks.as_written} are shown exactly as written (the guards refused even "
        "the tidied words).",
        "",
        f"Of all items, {sum(corpus_checks.cut.values())} items ({sum(corpus_checks.cut.values()) / max(1, sum(corpus_checks.how.values())):.1%}; "
        f"template {corpus_checks.cut[TEMPLATE]}, registry's words {corpus_checks.cut[ORIGINAL]}) had a sentence of more than "
        f"{LONG} words cut into shorter ones at its joints (`bot/eligibility/short_sentences.py`: a semicolon, "
        '"and" or "or" before a new subject or a shared verb, a list of examples), with no word added past the '
        "registry item's count, and the guards passed again.",
        "",
        "Template coverage, by criterion family (share of all corpus items, sub-items included):",
        "",
        *family_table(corpus_checks),
        "",
        "Items the guards would refuse: *before* is the rule-based rewrite shown for every item, as until "
        "issue 18; *after*, nothing that fails a guard is shown.",
        "",
        *guard_table(corpus_checks),
        "",
        "Why the rule-based rewrite was refused (an item may have several reasons):",
        "",
        "| reason | items |",
        "| --- | ---: |",
        *[f"| {reason} | {n} |" for reason, n in corpus_checks.refused.most_common(15)],
        "",
        f"What is shown, over the corpus: {corpus_checks.negations_lost} items with a negation lost, "
        f"{corpus_checks.shown_defects} with a doubled word or broken punctuation the registry's text did not have.",
        "",
        *evaluation_section({m.source.nct_id: m.source.criteria for m in corpus}),
        "## Structured facts",
        "",
        "Field-by-field agreement with the hand labels in `tests/data/criteria_labels.yml` (a list field, "
        "such as the treatments excluded, counts as right only when the whole list matches; a field the "
        "text does not state is labelled null, and getting null right counts too). The development set "
        f"({len(labels['trials'])} trials: the 6 shipped trials with criteria and "
        f"{len(labels['trials']) - 6} cancer trials from the corpus) is the one the rules were written "
        f"against, so its figure is optimistic. The held-out set ({len(labels['held_out'])} more corpus "
        "trials) was labelled after the rules were written and not used to tune them: it is the honest "
        "estimate for new texts.",
        "",
        *accuracy_table(development, held_out),
        "",
        "Misses:",
        "",
        *[f"- {miss}" for miss in development.misses + held_out.misses],
        "",
        *example(shipped),
    ]
    text = "\n".join(lines).rstrip() + "\n"
    out.write_text(text, encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    build(args.out)
    print(f"Wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
