"""The plain rewrite over every real criteria text: the shipped trials and the shared corpus of
3,869 registry texts (../shared/ctgov/criteria-corpus.jsonl, read in place: it is 12 MB).

For every text: nothing of the input is dropped by the split, each plain list has exactly as
many items (and sub-items) as the registry's, every number and every negation of each
criterion is in what is shown for it, what is shown has no doubled word or broken punctuation
the registry's text did not have, and no rewrite tells anyone they can join.
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import pytest

from bot.eligibility.forbidden_words import tells_can_join
from bot.eligibility.guards.language import language_defects
from bot.eligibility.guards.meaning import words
from bot.eligibility.numbers import missing_numbers
from bot.eligibility.plain import PlainCriteria, PlainItem, plain_from_split
from bot.eligibility.readability import grades
from bot.eligibility.sources import CORPUS_PATH, CriteriaText, corpus_criteria, shipped_criteria
from bot.eligibility.split import Criteria, Item, split_criteria
from tests.helpers.criteria_words import all_words, input_words

READABILITY_SAMPLE_STEP = 10  # every 10th corpus text: textstat is too slow for all in a test


@dataclass
class Rewritten:
    source: CriteriaText
    split: Criteria
    plain: PlainCriteria


def rewrite_all(texts: list[CriteriaText]) -> list[Rewritten]:
    out = []
    for source in texts:
        split = split_criteria(source.criteria)
        out.append(Rewritten(source, split, plain_from_split(split)))
    return out


def rewrite_on_every_core(texts: list[CriteriaText]) -> list[Rewritten]:
    """rewrite_all, in order, with the texts shared out over the machine's cores: each text is
    rewritten on its own, so where it is rewritten changes nothing."""
    cores = os.cpu_count() or 1
    if cores == 1:
        return rewrite_all(texts)
    size = -(-len(texts) // (cores * 4))
    chunks = [texts[start : start + size] for start in range(0, len(texts), size)]
    with ProcessPoolExecutor(cores, mp_context=multiprocessing.get_context("spawn")) as pool:
        return [done for part in pool.map(rewrite_all, chunks) for done in part]


@pytest.fixture(scope="module")
def corpus() -> list[Rewritten]:
    if not CORPUS_PATH.exists():
        pytest.skip(f"the shared criteria corpus is not at {CORPUS_PATH} (CI keeps ../shared beside the repo)")
    started = time.perf_counter()
    done = rewrite_on_every_core(corpus_criteria())
    print(f"\nrewrote {len(done)} corpus texts in {time.perf_counter() - started:.1f}s")
    return done


@pytest.fixture(scope="module")
def shipped() -> list[Rewritten]:
    return rewrite_all(shipped_criteria())


def problems(done: Rewritten) -> list[str]:
    found = []
    got = all_words(done.split)
    if input_words(done.source.criteria, keep_markers=False) - got:
        found.append("words dropped by the split")
    if got - input_words(done.source.criteria, keep_markers=True):
        found.append("words invented by the split")
    for name in ("inclusion", "exclusion"):
        registry, ours = done.split.section(name), getattr(done.plain, name)  # type: ignore[arg-type]
        if len(registry) != len(ours):
            found.append(f"{name}: {len(registry)} registry items but {len(ours)} plain ones")
        for item, plain in zip(registry, ours):
            found += _item_problems(item, plain)
    return found


def _item_problems(item: Item, plain: PlainItem) -> list[str]:
    found = []
    if plain.original != item.text or len(item.children) != len(plain.children):
        found.append(f"structure differs: {item.text[:60]!r}")
    lost = missing_numbers(item.text, plain.plain)
    if lost:
        found.append(f"numbers {lost} lost from {item.text[:80]!r} -> {plain.plain[:80]!r}")
    if tells_can_join(plain.plain):
        found.append(f"tells someone they can join: {plain.plain[:80]!r}")
    if words(item.text)["negation"] > words(plain.plain)["negation"]:
        found.append(f"negation lost from {item.text[:80]!r} -> {plain.plain[:80]!r}")
    broken = language_defects(plain.plain, verbs=False) - language_defects(item.text)
    if broken:
        found.append(f"{sorted(broken)} in {plain.plain[:80]!r}")
    for child, plain_child in zip(item.children, plain.children):
        found += _item_problems(child, plain_child)
    return found


def test_shipped_trials_keep_every_criterion_and_number(shipped: list[Rewritten]) -> None:
    assert len(shipped) == 82  # 6 shipped before trials-extra was merged in, 76 with it
    bad = {d.source.nct_id: problems(d) for d in shipped if problems(d)}
    assert bad == {}


def test_corpus_keeps_every_criterion_and_number(corpus: list[Rewritten]) -> None:
    assert len(corpus) == 3869
    bad = {d.source.nct_id: p for d in corpus if (p := problems(d))}
    assert not bad, f"{len(bad)} texts with problems, e.g. {list(bad.items())[:3]}"


def test_every_corpus_text_has_inclusion_items(corpus: list[Rewritten]) -> None:
    assert [d.source.nct_id for d in corpus if not d.plain.inclusion] == []


def test_shipped_criteria_read_at_grade_8_or_below(shipped: list[Rewritten]) -> None:
    after = [grades(d.source.criteria, d.plain).after for d in shipped]
    before = [grades(d.source.criteria, d.plain).before for d in shipped]
    print(
        f"\nshipped: median grade {statistics.median(before)} -> {statistics.median(after)}; worst after {max(after)}"
    )
    assert statistics.median(after) <= 8
    assert statistics.median(after) < statistics.median(before)


def test_corpus_sample_reads_at_grade_8_or_below(corpus: list[Rewritten]) -> None:
    sample = corpus[::READABILITY_SAMPLE_STEP]
    measured = [grades(d.source.criteria, d.plain) for d in sample]
    after = statistics.median(g.after for g in measured)
    print(f"\ncorpus sample of {len(sample)}: median grade {statistics.median(g.before for g in measured)} -> {after}")
    assert after <= 8
