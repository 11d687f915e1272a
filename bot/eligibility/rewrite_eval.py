"""Score criteria rewrites against the labelled evaluation set (tests/data/criteria_eval/).

Each labelled item names what a correct rewrite must keep (numbers with their units and
comparisons, negations, exceptions, "only", scope words) and the jargon it must replace or
explain. The labels never depend on what the rewrite writes today, so the same set scores any
rewrite: the rule-based one, templates, or a person's. Checks are mechanical, with common
synonyms ("≥" = "at least" = "or more"), so a pass means "nothing labelled was lost", not
"the rewrite is right"; grammar is judged by a person (`Judgement`), keyed by a hash of the
rewrite so that a judgement counts only while the rewrite it judged is unchanged.

What is scored is an item as the person sees it (`Shown`): the criterion's sentence, and
beneath it one short line per term that needs explaining, repeated in every item that needs
it. The sentence is the rewrite: its length is compared with the registry's item and its
grade is the item's grade. A term is explained when the sentence no longer uses it, glosses
it in brackets, or a line beneath names it.
"""

from __future__ import annotations

import hashlib
import json
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Optional, Union

import textstat

from bot.config import REPO_ROOT

if TYPE_CHECKING:
    from bot.eligibility.plain import PlainItem

EVAL_DIR = REPO_ROOT / "tests" / "data" / "criteria_eval"
PARTS = ("tune", "held")

# --- the synonyms a check accepts --------------------------------------------------------

COMPARISONS: dict[str, tuple[str, ...]] = {
    ">=": (
        "≥",
        ">=",
        "=>",
        "at least",
        "or more",
        "or greater",
        "or higher",
        "or above",
        "or over",
        "or older",
        "or longer",
        "and over",
        "and above",
        "and older",
        "and more",
        "no less than",
        "not less than",
        "no fewer than",
        "not fewer than",
        "not below",
        "not under",
        "a minimum of",
        "minimum",
        "min",
        "greater than or equal to",
        "more than or equal to",
        "higher than or equal to",
        "equal to or greater than",
        "equal to or more than",
        "equal to or higher than",
        "or above",
    ),
    ">": (
        ">",
        "more than",
        "greater than",
        "higher than",
        "above",
        "over",
        "older than",
        "longer than",
        "exceeds",
        "exceeding",
        "exceed",
        "in excess of",
    ),
    "<=": (
        "≤",
        "<=",
        "=<",
        "at most",
        "or less",
        "or lower",
        "or below",
        "or under",
        "or fewer",
        "or younger",
        "or shorter",
        "and under",
        "and below",
        "no more than",
        "not more than",
        "no greater than",
        "not greater than",
        "no higher than",
        "not higher than",
        "not above",
        "not over",
        "does not exceed",
        "do not exceed",
        "not exceeding",
        "not to exceed",
        "not exceed",
        "a maximum of",
        "maximum",
        "max",
        "up to",
        "less than or equal to",
        "lower than or equal to",
        "equal to or less than",
        "equal to or lower than",
    ),
    "<": ("<", "less than", "lower than", "below", "under", "fewer than", "younger than", "shorter than"),
    "within": (
        "within",
        "in the last",
        "in the past",
        "in the previous",
        "in the preceding",
        "in the",
        "during the last",
        "during the past",
        "during the",
        "less than",
        "no more than",
        "not more than",
        "up to",
        "at most",
    ),
}
NEGATION = (
    r"\b(?:no|not|never|none|nor|neither|without|cannot|unable|unwilling|refuses?|free of|absence of|lack of)\b"
    r"|n't\b|\bnon-?(?=pregnant|lactating|nursing|breast)"
)
EXCEPTION = r"\b(?:except|excepting|exception|other than|apart from|excluding|besides|unless|but not|aside from|not including)\b"
ONLY = r"\b(?:only|solely|exclusively|just)\b"
SCOPES: dict[str, str] = {
    "female": r"\b(?:wom[ae]n|females?|girls?|ladies)\b",
    "male": r"\b(?:m[ae]n|males?|boys?)\b",
    "childbearing potential": r"child-?\s?bearing potential|\b(?:could|can|may|might|able to)\s+(?:get|become|be)\s+pregnant"
    r"|\b(?:could|can|able to)\s+have\s+(?:a\s+)?(?:baby|babies|children|a child)|\bfertile\b",
    "reproductive potential": r"reproductive potential|\bfertile\b|\b(?:could|can|able to)\s+(?:have|father)\s+"
    r"(?:a\s+)?(?:baby|babies|children|a child)|pregnant,?\s+or\s+(?:father|get|make)",
    "pregnant": r"\bpregnan(?:t|cy|cies)\b",
    "breastfeeding": r"\bbreast-?\s?feeding\b|\bnursing\b|\blactating\b|\bbreast\s?milk\b",
    "or": r"\bor\b|\beither\b",
    "and": r"\band\b|\bboth\b|\bas well as\b|\bplus\b",
    "adult": r"\badults?\b|\bgrown-?ups?\b|\baged\b|\bage\b|\byears? old\b",
    "child": r"\bchild(?:ren)?\b|\bkids?\b|\bpaediatric\b|\bpediatric\b|\byoung people\b",
}
UNITS: dict[str, str] = {  # a unit as labelled (lower case, no spaces) -> what the rewrite may write
    "years": r"years?|yrs?|year-old|years-old",
    "months": r"months?|mos?",
    "weeks": r"weeks?|wks?",
    "days": r"days?",
    "hours": r"hours?|hrs?|h",
    "minutes": r"minutes?|mins?",
    "%": r"%|per\s?cent",
    "xuln": r"(?:x|×|times)\s*(?:the\s+)?(?:uln|upper limit of (?:the\s+)?normal(?: range)?|top of the normal range"
    r"|highest normal (?:level|value)|normal upper limit|upper normal limit)",
    "ms": r"ms|msec|milliseconds?",
}
WORD_NUMBERS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "twelve": "12",
}
_NUMBER = re.compile(r"\d{1,3}(?: \d{3})+(?!\d)|\d+(?:[.,]\d+)*|\b(?:" + "|".join(WORD_NUMBERS) + r")\b", re.I)
_RANGE = re.compile(r"^\s*(\S+?)\s*(?:-|–|to)\s*(\S+)\s*$")
_RANGE_JOIN = r"\s*(?:-|–|to|or|and|through)\s*"
_BEFORE, _AFTER = 45, 35  # characters either side of a number where its comparison may be written

# --- the labelled items ------------------------------------------------------------------


@dataclass(frozen=True)
class Keep:
    """One meaning-critical piece: a number (with unit and comparison), a negation, an
    exception, an "only", or a scope word (a key of `SCOPES`)."""

    kind: str  # "number", "negation", "exception", "only" or "scope"
    value: str = ""  # the number as written ("1.5", "0-1") or the scope's name
    unit: Optional[str] = None
    compare: Optional[str] = None  # a key of COMPARISONS

    @classmethod
    def from_json(cls, raw: dict) -> "Keep":
        for kind in ("number", "scope"):
            if kind in raw:
                return cls(kind, str(raw[kind]), raw.get("unit"), raw.get("compare"))
        (kind,) = [k for k in ("negation", "exception", "only") if k in raw]
        return cls(kind, str(raw[kind]))


@dataclass(frozen=True)
class EvalItem:
    id: str  # "<corpus record id>/<inclusion|exclusion>/<item index>"
    nct_id: str
    text: str
    family: str
    keep: tuple[Keep, ...]
    jargon: tuple[str, ...]

    @classmethod
    def from_json(cls, raw: dict) -> "EvalItem":
        keep = tuple(Keep.from_json(k) for k in raw.get("keep", []))
        for piece in keep:
            if piece.kind == "scope" and piece.value not in SCOPES:
                raise ValueError(f"{raw['id']}: unknown scope {piece.value!r}")
            if piece.compare is not None and piece.compare not in COMPARISONS:
                raise ValueError(f"{raw['id']}: unknown comparison {piece.compare!r}")
        return cls(raw["id"], raw["nct_id"], raw["text"], raw["family"], keep, tuple(raw.get("jargon", [])))


def load_items(part: str, folder: Path = EVAL_DIR) -> list[EvalItem]:
    return [EvalItem.from_json(json.loads(line)) for line in _lines(folder / f"{part}.jsonl")]


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass(frozen=True)
class Shown:
    """An item as the person sees it: the criterion, and the explanations shown beneath it."""

    sentence: str
    notes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join([self.sentence, *self.notes])


# --- checks --------------------------------------------------------------------------------


def _normal(text: str) -> str:
    return " ".join(text.replace("μ", "µ").split())


def _number_value(token: str) -> str:
    token = WORD_NUMBERS.get(token.lower(), token)
    return re.sub(r"[ ,]", "", token) if re.fullmatch(r"\d{1,3}(?:[ ,]\d{3})+", token) else token


def _comparisons_in(window: str) -> set[str]:
    """The comparison kinds written in `window`; longer phrases first ("no more than" is not "more than")."""
    phrases = sorted(((p, kind) for kind, ps in COMPARISONS.items() for p in ps), key=lambda pk: -len(pk[0]))
    found, taken = set(), [False] * len(window)
    low = window.lower()
    for phrase, kind in phrases:
        edge = r"\b" if phrase[0].isalnum() else ""
        for m in re.finditer(edge + re.escape(phrase) + (r"\b" if phrase[-1].isalnum() else ""), low):
            if not any(taken[m.start() : m.end()]):
                taken[m.start() : m.end()] = [True] * (m.end() - m.start())
                found.add(kind)
    return found


def _unit_regex(unit: str) -> str:
    key = unit.lower().replace(" ", "")
    return UNITS.get(key, r"\s*".join(re.escape(ch) for ch in _normal(unit).replace(" ", "")))


def number_kept(piece: Keep, rewrite: str) -> bool:
    """The number is there, with its unit just after it and its comparison around it."""
    text = _normal(rewrite)
    ranged = _RANGE.match(piece.value)
    if ranged:
        first, last = (re.escape(_number_value(g)) for g in ranged.groups())
        spots = [
            m.span()
            for m in re.finditer(rf"(?<!\d)(?<!\d\.){first}{_RANGE_JOIN}{last}(?!\.?\d)", text.replace(",", ""))
        ]
        text = text.replace(",", "")
    else:
        spots = [m.span() for m in _NUMBER.finditer(text) if _number_value(m.group()) == _number_value(piece.value)]
    for start, end in spots:
        after = text[end : end + _AFTER]
        if piece.unit and not re.match(rf"\s*(?:{_unit_regex(piece.unit)})", after, re.I):
            continue
        if piece.compare and piece.compare not in _comparisons_in(
            text[max(0, start - _BEFORE) : start] + " | " + after
        ):
            continue
        return True
    return False


def _count(pattern: str, text: str) -> int:
    return len(re.findall(pattern, text, re.I))


def _without_comparisons(text: str) -> str:
    """ "no more than" is a limit, not a negation: blank out the comparison phrases."""
    low = text.lower()
    for phrase in sorted((p for ps in COMPARISONS.values() for p in ps if " " in p), key=len, reverse=True):
        if phrase in low:  # whole words only: "not under" is not in "not undergone"
            low = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " " * len(phrase), low)
    return low


def lost_pieces(item: EvalItem, rewrite: str) -> list[Keep]:
    """The `keep` pieces the rewrite lost (empty: meaning kept, as far as labels can tell)."""
    lost = [p for p in item.keep if p.kind == "number" and not number_kept(p, rewrite)]
    lost += [p for p in item.keep if p.kind == "scope" and not re.search(SCOPES[p.value], rewrite, re.I)]
    for kind, pattern in (("negation", NEGATION), ("exception", EXCEPTION), ("only", ONLY)):
        wanted = [p for p in item.keep if p.kind == kind]
        text = _without_comparisons(rewrite) if kind == "negation" else rewrite
        lost += wanted[_count(pattern, text) :]
    return lost


def _term_regex(term: str) -> str:
    """A term as a whole word, any case, British or American spelling, with a plural."""
    body = re.escape(term.lower())
    body = re.sub(r"(?<=[a-z])(a|o)e", r"\1?e", body).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?")
    if re.search(r"[a-z]y$", body):  # "antibody", "antibodies"
        body = body[:-1] + "(?:y|ie)"
    return rf"(?<![\w-]){body}(?:e?s)?(?![\w-])"


def jargon_explained(term: str, rewrite: Union[str, Shown]) -> bool:
    """Replaced (gone), glossed ("heart trace (ECG)"), or explained. In a `Shown` item,
    explained means named in a line beneath the sentence; in a bare text, named again in a
    sentence of its own after the criterion, one without numbers (explanations hold none)."""
    pattern = _term_regex(_spelling(term))
    text = _spelling(rewrite.sentence if isinstance(rewrite, Shown) else rewrite)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", _normal(text)) if s]
    if not any(re.search(pattern, s, re.I) for s in sentences):
        return True
    if re.search(rf"\w[\w\s,'-]*\(\s*{pattern}\s*\)", text, re.I):
        return True
    if isinstance(rewrite, Shown):
        return any(re.search(pattern, _spelling(note), re.I) or _defines_part_of(note, term) for note in rewrite.notes)
    return any(re.search(pattern, s, re.I) and not re.search(r"\d", s) for s in sentences[1:])


_DEFINED = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?P<what>[\w' -]{3,40}?)(?:\s*\([^)]*\))?(?:\s+(?:is|are|means)\b|:\s)", re.I
)  # "Hypersensitivity is ...", or a gloss "Hypersensitivity: allergy."


def _defines_part_of(note: str, term: str) -> bool:
    """ "HIV is a virus ..." explains "HIV-1 infection", "Tuberculosis (TB) is ..." "active tuberculosis",
    and the gloss "Hypersensitivity: allergy." "known hypersensitivity" (from session 20): a sentence of the
    line defines a word of the term, the one a reader would not know."""
    for sentence in re.split(r"(?<=[.!?])\s+", _spelling(note)):
        defined = _DEFINED.match(sentence)
        if defined and re.search(rf"\b{re.escape(defined.group('what'))}\b", _spelling(term), re.I):
            return True
    return False


def _spelling(text: str) -> str:
    """British spellings made American, so that "ischemia" is found in "Ischaemia means ..." and
    "randomization" in "Randomisation means ..."."""
    text = re.sub(r"(?:(?<=[a-z])|\b)(?:ae|oe)(?=[a-z])", "e", text, flags=re.I)
    return re.sub(r"(?<=[a-z])is(?=(?:e|ed|es|ing|ation|ations)\b)", "iz", text, flags=re.I)


def unexplained(item: EvalItem, rewrite: Union[str, Shown]) -> list[str]:
    return [term for term in item.jargon if not jargon_explained(term, rewrite)]


def is_longer(item: EvalItem, rewrite: Union[str, Shown]) -> bool:
    """More words than the registry's item: the sentence only, for a `Shown` item."""
    text = rewrite.sentence if isinstance(rewrite, Shown) else rewrite
    return len(text.split()) > len(item.text.split())


def grade(text: str) -> float:
    """Flesch-Kincaid grade (textstat 0.7.3); an item without a full stop is scored as a sentence."""
    text = text.strip()
    return float(textstat.flesch_kincaid_grade(text if text[-1:] in ".?!" else text + ".")) if text else 0.0


# --- a person's grammar judgements -------------------------------------------------------

DEFECT_KINDS = (
    "doubled word",  # "heart heart", "drugs drugs"
    "broken punctuation",  # "..", "; and.", a bracket not closed
    "ungrammatical swap",  # a word-for-word swap that is not English ("expected to live of")
    "stray explanation",  # an added sentence that points at nothing or at the wrong word
    "no verb or broken sentence",  # a fragment that does not read as a sentence
    "other",
)


def rewrite_hash(rewrite: str) -> str:
    return hashlib.sha256(rewrite.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Judgement:
    id: str
    rewrite_hash: str
    defects: tuple[str, ...]  # kinds from DEFECT_KINDS; empty: reads as good English
    note: str = ""

    @classmethod
    def from_json(cls, raw: dict) -> "Judgement":
        defects = tuple(raw.get("defects", []))
        unknown = set(defects) - set(DEFECT_KINDS)
        if unknown:
            raise ValueError(f"{raw['id']}: unknown defect kinds {sorted(unknown)}")
        return cls(raw["id"], raw["rewrite_hash"], defects, raw.get("note", ""))


def judgements_path(part: str = "tune", folder: Path = EVAL_DIR) -> Path:
    """The held part's judgements have a file of their own, so they count only for the held part."""
    return folder / ("judgements_held.jsonl" if part == "held" else "judgements.jsonl")


def load_judgements(path: Path = EVAL_DIR / "judgements.jsonl") -> dict[tuple[str, str], Judgement]:
    if not path.exists():
        return {}
    judged = [Judgement.from_json(json.loads(line)) for line in _lines(path)]
    return {(j.id, j.rewrite_hash): j for j in judged}


# --- the score -----------------------------------------------------------------------------


@dataclass
class ItemResult:
    item: EvalItem
    rewrite: str  # all that is shown: the sentence and the explanations
    lost: list[Keep]
    unexplained: list[str]
    longer: bool
    grade: float  # of the sentence
    judgement: Optional[Judgement]
    grade_shown: float = 0.0  # of all that is shown


@dataclass
class Score:
    results: list[ItemResult] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.results)

    def count(self, test: Callable[[ItemResult], bool]) -> int:
        return sum(1 for r in self.results if test(r))

    @property
    def meaning_changed(self) -> int:
        return self.count(lambda r: bool(r.lost))

    @property
    def jargon_unexplained(self) -> int:
        return self.count(lambda r: bool(r.unexplained))

    @property
    def longer(self) -> int:
        return self.count(lambda r: r.longer)

    @property
    def median_grade(self) -> float:
        return statistics.median(r.grade for r in self.results) if self.results else 0.0

    @property
    def median_grade_shown(self) -> float:
        return statistics.median(r.grade_shown for r in self.results) if self.results else 0.0

    @property
    def judged(self) -> list[Judgement]:
        return [r.judgement for r in self.results if r.judgement is not None]

    def defects_by_kind(self) -> dict[str, int]:
        return {kind: sum(1 for j in self.judged if kind in j.defects) for kind in DEFECT_KINDS}

    @property
    def grammar_defects(self) -> int:
        return sum(1 for j in self.judged if j.defects)


def score(
    items: Iterable[EvalItem],
    rewrite: Callable[[EvalItem], Union[str, Shown]],
    judgements: Optional[dict[tuple[str, str], Judgement]] = None,
) -> Score:
    """Every item rewritten by `rewrite` and checked against its labels. A bare text is taken
    as a sentence with nothing shown beneath it. Meaning is checked on the sentence alone: a
    "not" in an explanation must not hide one the criterion lost."""
    judgements = judgements or {}
    results = []
    for item in items:
        written = rewrite(item)
        shown = written if isinstance(written, Shown) else Shown(written)
        results.append(
            ItemResult(
                item,
                shown.text,
                lost_pieces(item, shown.sentence),
                unexplained(item, shown),
                is_longer(item, shown),
                grade(shown.sentence),
                judgements.get((item.id, rewrite_hash(shown.text))),
                grade(shown.text),
            )
        )
    return Score(results)


def by_text(function: Callable[[str], Union[str, Shown]]) -> Callable[[EvalItem], Union[str, Shown]]:
    """A rewrite of the item's text alone (original text -> what the person sees)."""
    return lambda item: function(item.text)


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / whole:.0f}%" if whole else "0/0"


def table(scores: dict[str, Score]) -> str:
    """A markdown table, one column per part ("tune", "held")."""
    names = list(scores)
    rows = [
        ("items", lambda s: str(s.n)),
        ("meaning changed (a labelled piece lost)", lambda s: _percent(s.meaning_changed, s.n)),
        ("jargon left unexplained", lambda s: _percent(s.jargon_unexplained, s.n)),
        ("rewrite longer than the original", lambda s: _percent(s.longer, s.n)),
        ("median Flesch-Kincaid grade (the sentence)", lambda s: f"{s.median_grade:.1f}"),
        ("median grade, the explanations beneath included", lambda s: f"{s.median_grade_shown:.1f}"),
        ("grammar: items judged by a person", lambda s: str(len(s.judged))),
        ("grammar: judged items with a defect", lambda s: _percent(s.grammar_defects, len(s.judged))),
    ]
    rows += [(f"grammar: {kind}", (lambda k: lambda s: str(s.defects_by_kind()[k]))(kind)) for kind in DEFECT_KINDS]
    lines = ["| | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
    lines += [f"| {label} | " + " | ".join(cell(scores[n]) for n in names) + " |" for label, cell in rows]
    return "\n".join(lines)


def chat_items(criteria_by_record: dict[str, str]) -> Callable[[EvalItem], "PlainItem"]:
    """Each item as the chat shows it: its whole record rewritten (`plain_criteria`), and this
    item's plain words (and how they were written) picked out by its registry text."""
    from bot.eligibility.plain import plain_criteria

    cache: dict[str, dict[str, "PlainItem"]] = {}

    def shown(item: EvalItem) -> "PlainItem":
        if item.nct_id not in cache:
            plain = plain_criteria(criteria_by_record[item.nct_id])
            seen: dict[str, "PlainItem"] = {}
            for top in (*plain.inclusion, *plain.exclusion):
                for written in top.walk():
                    seen.setdefault(_normal(written.original), written)
            cache[item.nct_id] = seen
        return cache[item.nct_id][_normal(item.text)]

    return shown


def as_shown(item: "PlainItem") -> Shown:
    """A plain item as the chat shows it (the sub-items are items of their own)."""
    return Shown(item.sentence, item.notes)


def chat_rewrite(criteria_by_record: dict[str, str]) -> Callable[[EvalItem], str]:
    """The rewrite as the chat shows it (see `chat_items`)."""
    shown = chat_items(criteria_by_record)
    return lambda item: shown(item).plain


@dataclass
class PartScore:
    """One part of the set scored as the chat shows it, with how each item was written."""

    score: Score
    how: dict[str, int]  # "template" / "glossary" / "original" -> items
    cut: int = 0  # items whose sentence was cut into shorter ones at its joints


def score_parts(
    criteria_by_record: dict[str, str], parts: Iterable[str] = PARTS, folder: Path = EVAL_DIR
) -> dict[str, PartScore]:
    """Every part of the labelled set scored as the chat shows it, grammar from that part's judgements file."""
    from collections import Counter

    shown = chat_items(criteria_by_record)
    scored = {}
    for part in parts:
        items = load_items(part, folder)
        scored[part] = PartScore(
            score(items, lambda item: as_shown(shown(item)), load_judgements(judgements_path(part, folder))),
            dict(Counter(shown(item).how for item in items)),
            sum(shown(item).cut for item in items),
        )
    return scored


def coverage_rows(scored: dict[str, PartScore]) -> list[str]:
    """Markdown rows (to follow `table`): the share of items each way of writing wrote."""
    rows = []
    for how in ("template", "glossary", "original"):
        cells = [_percent(p.how.get(how, 0), p.score.n) for p in scored.values()]
        rows.append(f"| written by: {how} | " + " | ".join(cells) + " |")
    rows.append(
        "| cut into shorter sentences | " + " | ".join(_percent(p.cut, p.score.n) for p in scored.values()) + " |"
    )
    return rows
