"""A long rewritten criterion cut at its natural joints into two or three short sentences.

The reading grade of a criterion comes down with shorter sentences, not with more words: a
sentence of more than `LONG` words is cut where the registry itself joins two things (a
semicolon that ends a clause, not a list item; "and" or "or" before a new subject; "and" or "or"
before a verb that shares the sentence's subject, which comes back; a list of examples at the
end, "For example, ..."), and each part keeps every word of its own: every number, negation,
exception and scope. "who", "which", "unless" and "except" clauses are never cut from their
subject, nor examples from what reaches back over them ("like A or B, within 14 days"). Two
choices joined by a bare "or" are never cut apart: "or" joins two words of one phrase ("brain
or spinal cord") as often, and what comes before or after may reach over both ("without A or
B", "A or B are not allowed"). A cut that leaves a part shorter than `SHORT` words, or a first
part that ends mid-phrase ("You have already had. Or ..."), is not made. The caller checks the
result with the guards, like any rewrite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from bot.eligibility.guards.language import split_sentences

LONG = 9  # words: a longer sentence is cut
SHORT = 5  # words: the fewest either part of a cut may have
MOST = 3  # sentences one sentence may become

# a new clause's subject: a pronoun, or a person's noun with its verb right after it; not "people who
# ...", which may be one more of a list of people sharing the verb at the end ("A, B, and people who C
# will be ruled out")
_SUBJECT = (
    r"(?:you|they|he|she|it|this|there)\b|(?:people|women|men|the\s+(?:person|study\s+doctor)|a\s+(?:person|woman|man))"
    r"\s+(?:must|should|will|can|are|is|have|has|need|needs)\b"
)
_PERSON = r"(?:you|people|women|men|those|anyone|females?|males?|(?:the|a)\s+person|person|sexually)\b"
_MODAL = re.compile(rf"^(?P<subject>{_PERSON}.{{0,60}}?)\s+(?P<modal>must|should)\s+(?!not\b)(?P<duty>[^,]*)$", re.I)
_NEXT_MODAL = r"(?:must|should|will)\b(?!\s+not\b)"
_MODAL_VERB = (
    r"(?:be|have|use|agree|give|take|stop|avoid|understand|sign|follow|refrain|continue|undergo|receive|get|"
    r"practise|practice|abstain|accept)\b"
)
# the last word of a first part that leaves a phrase open: "signs of. Or ...", "You have already had. Or ..."
_OPEN_END = re.compile(
    r"(?:\b(?:of|with|to|in|for|by|at|on|from|the|a|an|and|or|any|other|current|active|known|past|prior|recent|"
    r"had|have|has|been|be|is|are|was|were|already|not|no|sign|read|understand|give|get|take|use|he|she|his|her)"
    r"|/|\w+ing|\w+ed)$",
    re.I,
)
# a clause in the first part that the rest may still belong to: "unless A. Or B" would leave B
# outside the "unless"; "if she could become pregnant, ... She must use birth control" outside the "if"
_OPEN_CLAUSE = re.compile(r"\b(?:unless|except|other\s+than|if|provided|as\s+long\s+as|when|whether)\b", re.I)
_RELATIVE = re.compile(r"\b(?:which|that|who|whose|where)\b", re.I)
# "like" as a preposition before examples, not "a like product", "or like", "looks like"
_NOT_EXAMPLES = re.compile(r"\b(?:or|and|any|a|an|the|look|looks|looked|feel|feels|would|very|not|something)$", re.I)
_REACHES_BACK = re.compile(
    r"\b(?:within|before|after|during|since|throughout|in\s+the\s+(?:last|past)|for\s+at\s+least|unless|except)\b", re.I
)
# "like A, or with B", "like A, from B": what follows the examples belongs to the head before them
_ANOTHER_CHOICE = re.compile(r"(?:\b(?:or|and)|,)\s+(?:with|to|by|for|in|on|from|at|of)\b", re.I)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|must|should|may|can|cannot|will|would|could|do|does|did)\b", re.I
)
_PREDICATE = re.compile(r"(?<!that )(?<!who )(?<!which )\b(?:are|is|must|cannot|should|can|may|will)\b", re.I)
_KEEPS_CASE = re.compile(r"[a-z][a-z0-9]*[A-Z]")  # "eGFR", "mTOR": a capital would make another word

_Start = Callable[[re.Match, str], Optional[str]]  # (match, first part) -> the next sentence's first words


@dataclass(frozen=True)
class _Joint:
    """Where a sentence may be cut: the text matched goes, `then` starts the next sentence."""

    pattern: re.Pattern
    then: _Start
    rank: int  # a lower rank is a stronger joint: tried first
    bracket: bool = False  # the joint opens a bracket that closes at the end: the bracket goes


def _keep(word: str) -> _Start:
    return lambda match, first: word


def _carried_subject(match: re.Match, first: str) -> Optional[str]:
    """ "You have had X or has had Y": the second part gets the subject back ("Or you have had")."""
    if not re.match(r"you\b", first, re.I) or _RELATIVE.search(first):  # "measures that do not exist or are ..."
        return None
    verb = match.group("verb").lower()
    joiner = "Or " if match.group("joiner").lower() == "or" else ""
    return joiner + "you " + {"has": "have", "is": "are", "was": "were"}.get(verb, verb) + " "


def _carried_modal(match: re.Match, first: str) -> Optional[str]:
    """ "People who X must have A and be willing to B": "... A. They must be willing to B"."""
    lead = _MODAL.match(first)
    if lead is None or len(lead.group("duty").split()) < 3:  # "must sign and give consent": one duty
        return None
    return _pronoun(lead.group("subject")) + " " + lead.group("modal").lower() + " "


def _carried_pronoun(match: re.Match, first: str) -> Optional[str]:
    """ "Women who X should stop A and should not B": "... A. They should not B"."""
    lead = _MODAL.match(first)
    return _pronoun(lead.group("subject")) + " " if lead else None


def _examples(match: re.Match, first: str) -> Optional[str]:
    """ "X, like A, B or C": "X. For example, A, B or C.", when the examples end the sentence and
    nothing after them reaches back over X ("X, like A or B, within 14 days")."""
    rest = match.string[match.end() :]
    if _NOT_EXAMPLES.search(first) or re.search(r"\b(?:like|for example|such as)\b", first, re.I) or ":" in rest:
        return None
    if _PREDICATE.search(rest) or _REACHES_BACK.search(rest) or _ANOTHER_CHOICE.search(rest):
        return None
    return "For example, "


def _list_item(match: re.Match, first: str) -> Optional[str]:
    """A semicolon ends a sentence, unless it parts the items of a list ("these drugs: A; B; C",
    "use of A; B; or C"): the part after it must be a clause of its own."""
    rest = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", match.string[match.end() :])  # a verb in brackets is an aside's
    if ":" in first or first.startswith("For example") or not _FINITE.search(rest):
        return None
    return ""


def _pronoun(subject: str) -> str:
    return "You" if re.match(r"you\b", subject, re.I) else "They"


_JOINTS = (
    _Joint(re.compile(r";\s+(?:and\s+)?"), _list_item, 0),
    _Joint(re.compile(rf",\s+and\s+(?={_SUBJECT})|\s+and\s+(?=(?:you|they|he|she)\s)", re.I), _keep(""), 1),
    _Joint(re.compile(rf",?\s+or\s+(?={_SUBJECT})", re.I), _keep("Or "), 1),
    _Joint(re.compile(rf",\s+but\s+(?={_SUBJECT})", re.I), _keep("But "), 1),
    _Joint(re.compile(r",?\s+(?P<joiner>or|and)\s+(?P<verb>has|have|is|are|was|were)\s+", re.I), _carried_subject, 2),
    _Joint(
        re.compile(rf"(?<!,)\s+and\s+(?={_MODAL_VERB})(?!be\s+(?:at|over|under|more|less)\b)", re.I), _carried_modal, 2
    ),
    _Joint(re.compile(rf",?\s+and\s+(?={_NEXT_MODAL})", re.I), _carried_pronoun, 2),
    _Joint(re.compile(r"\s+\((?:like|for\s+example|such\s+as),?\s+(?=[^()\[\]]*\)\.?$)", re.I), _examples, 3, True),
    _Joint(re.compile(r",?\s+like\s+(?=[^()\[\]]*(?:,|\bor\b|\band\b)[^()\[\]]*$)", re.I), _examples, 3),
)


def shorter(text: str, accept: Callable[[str], bool] = lambda text: True) -> str:
    """`text` with each sentence longer than `LONG` words cut at its joints, at most into `MOST`
    sentences: the strongest joint nearest the middle whose result `accept` takes (the guards)."""
    sentences = split_sentences(text)
    group = list(range(len(sentences)))  # the sentence of `text` each one comes from
    i = 0
    while i < len(sentences):
        cut = None
        if _words(sentences[i]) > LONG and group.count(group[i]) < MOST:
            cut = next((c for c in _cuts(sentences[i]) if accept(_joined(sentences, i, c))), None)
        if cut is None:
            i += 1
            continue
        sentences[i : i + 1] = list(cut)
        group[i : i + 1] = [group[i]] * 2
    return " ".join(sentences)


def _joined(sentences: list[str], i: int, cut: tuple[str, str]) -> str:
    return " ".join([*sentences[:i], *cut, *sentences[i + 1 :]])


def _cuts(sentence: str) -> list[tuple[str, str]]:
    """The cuts of one sentence, best first (the strongest joint, then the nearest the middle),
    outside brackets, each leaving two parts of at least `SHORT` words and no open phrase."""
    depth = _bracket_depth(sentence)
    middle = len(sentence) / 2
    found: list[tuple[int, float, str, str]] = []
    for joint in _JOINTS:
        for match in joint.pattern.finditer(sentence):
            if depth[match.start()] or (depth[min(match.end(), len(sentence) - 1)] and not joint.bracket):
                continue
            first = sentence[: match.start()].rstrip(" ,")
            start = None if _OPEN_END.search(first) or _OPEN_CLAUSE.search(first) else joint.then(match, first)
            if start is None:
                continue
            rest = sentence[match.end() :]
            second = start + (re.sub(r"[)\]](\.?)$", r"\1", rest) if joint.bracket else rest)
            if _words(first) < SHORT or _words(second) < SHORT:
                continue
            found.append((joint.rank, abs(match.start() - middle), _ended(first), _capital(second)))
    return [(first, second) for _, _, first, second in sorted(found, key=lambda f: (f[0], f[1]))]


def _bracket_depth(text: str) -> list[int]:
    depth, level = [], 0
    for char in text:
        level += char in "(["
        level -= char in ")]" and level > 0
        depth.append(level)
    return depth or [0]


def _ended(part: str) -> str:
    part = part.rstrip(" ,;:")
    return part if part[-1:] in ".?!" else part + "."


def _capital(part: str) -> str:
    return part if _KEEPS_CASE.match(part) else part[:1].upper() + part[1:]


def _words(text: str) -> int:
    return len(text.split())
