"""One fast left-to-right pass of word-keyed replacements.

Each entry is a literal phrase (with other forms) or a regular expression with the words it
can start with. At each word of the text, the entries starting with that word are tried:
regular expressions first, then literal forms longest first. The first that matches is
replaced and the pass goes on after it, so a replacement is never rewritten again.

This is what makes rewriting thousands of criteria texts take seconds: a text is scanned
once, and only the few entries that start with the current word are tried.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

WHOLE = "{0}"  # in plain/short: the words exactly as written
_GROUP = re.compile(r"\{([1-9])\}")  # in plain: a group of the pattern, itself rewritten
# in plain: "{has}" / "{is}" agree with the last group ("NETs that have spread")
_SINGULAR_ENDINGS = ("ss", "sis", "ease", "us")
_WORD = re.compile(r"\w+")
_NEXT_WORD = re.compile(r"\W+(\w+)")
# a hyphen joining the words matched to a noun ("CNS-involvement"); not to a word that makes the
# whole an adjective ("inhibitor-based", "catheter-related", "investigator-predicted")
_HYPHEN_WORD = re.compile(
    r"-(?=[a-z])(?![a-z]*(?:ed|ing|ive|ant|(?<!m)ent|ic|al|ible|able|like|free|type|only|naive|naïve)\b)"
)
_ = r"[^\S\n]"  # a space that is not a line break: no entry may cross lines
_ASIDE = re.compile(r"[^\S\n]*[(\[]([^()\[\]0-9\n]{1,40})[)\]]")  # "(WBC)", "[ALT]": no digits, no number lost


@dataclass(frozen=True)
class Entry:
    """One replacement. `plain` may hold {0} (the match as written) or {1}.. (a group of
    `pattern`, rewritten in turn). `short` is used after the first time, if given."""

    key: str
    plain: str
    forms: tuple[str, ...] = ()
    pattern: Optional[str] = None
    starts: tuple[str, ...] = ()
    short: Optional[str] = None
    explain: Optional[str] = None  # a sentence to add after the criterion, the first time
    exact_case: bool = False  # for a pattern; a literal form with capitals always is
    ends: tuple[str, ...] = ()  # for a one-word pattern: the endings its words have ("conazole")
    plural: Optional[str] = None  # the words for a plural form ("tumors" -> "tumours", not "tumour")


@dataclass(frozen=True)
class _Compiled:
    entry: Entry
    regex: re.Pattern


class Replacer:
    def __init__(self, entries: Iterable[Entry]) -> None:
        # Candidates are found by the first word of a form, or by its first two words when
        # it has two or more: common words ("the", "of") then stay cheap.
        patterns: dict[Key, list[_Compiled]] = {}
        literals: dict[Key, list[tuple[int, _Compiled]]] = {}
        self._by_ending: list[_Compiled] = []  # one-word patterns found by how the word ends (drug name stems)
        for entry in entries:
            if entry.pattern is not None:
                compiled = _Compiled(entry, re.compile(one_line(entry.pattern), 0 if entry.exact_case else re.I))
                for start in entry.starts:
                    patterns.setdefault(_key(start), []).append(compiled)
                if entry.ends:
                    self._by_ending.append(compiled)
                continue
            for form in dict.fromkeys((entry.key, *entry.forms)):
                if not form[:1].isalnum():
                    raise ValueError(f"{entry.key!r}: a form must start with a letter or digit: {form!r}")
                literals.setdefault(_key(form), []).append((len(form), _Compiled(entry, _form_regex(form))))
        candidates = {
            key: patterns.get(key, []) + [c for _, c in sorted(literals.get(key, []), key=lambda pair: -pair[0])]
            for key in set(patterns) | set(literals)
        }
        self._single = {key[0]: found for key, found in candidates.items() if len(key) == 1}
        self._pair: dict[str, dict[str, list[_Compiled]]] = {}
        for key, found in candidates.items():
            if len(key) == 2:
                self._pair.setdefault(key[0], {})[key[1]] = found
        self._first_words = {key[0] for key in candidates}
        endings = [re.escape(end) for c in self._by_ending for end in c.entry.ends]
        self._ending = re.compile(rf"\b[a-z]+(?:{'|'.join(endings)})\b") if endings else None

    def keys(self) -> set[str]:
        every = [*self._single.values(), *(c for seconds in self._pair.values() for c in seconds.values())]
        return {c.entry.key for candidates in every for c in candidates}

    def rewrite(self, text: str, seen: Optional[set[str]] = None, notes: Optional[list[tuple[int, str]]] = None) -> str:
        """`text` with every entry replaced; `seen` holds the keys already explained. For each
        entry with an explanation met for the first time, (offset in `text`, sentence) is
        added to `notes`."""
        seen = set() if seen is None else seen
        out: list[str] = []
        done = 0
        for entry, match in self.matches(text):
            start = match.start()
            out.append(text[done:start])
            about = explained_as(entry, match.group())
            if notes is not None and entry.explain and about not in seen:
                notes.append((start, explanation(entry, match.group())))
            words = self._words(entry, match, seen, notes)
            out.append(words)
            seen.add(about)
            done = self._after_same_term(entry, text, match.end())
            if " " in words and _HYPHEN_WORD.match(text, done):  # "CNS-involvement": not "spinal cord-involvement"
                out.append(" ")
                done += 1
        out.append(text[done:])
        return "".join(out)

    def matches(self, text: str) -> Iterator[tuple[Entry, re.Match]]:
        """The entries found in `text`, left to right, each match taken whole."""
        low = text.lower()
        if len(low) != len(text):  # a rare letter whose lower case is longer: keep places right
            low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
        single, pair, first_words = self._single, self._pair, self._first_words
        by_ending = {m.start() for m in self._ending.finditer(low)} if self._ending else set()
        done = 0
        for found in _WORD.finditer(low):
            word = found.group()
            start = found.start()
            if start < done or (word not in first_words and start not in by_ending):
                continue
            match = None
            seconds = pair.get(word)
            if seconds is not None:
                following = _NEXT_WORD.match(low, found.end())
                if following is not None and following.group(1) in seconds:
                    match = _first_match(seconds[following.group(1)], text, start)
            if match is None and word in single:
                match = _first_match(single[word], text, start)
            if match is None and start in by_ending:  # a drug named by its stem ("voriconazole")
                match = _first_match(self._by_ending, text, start)
            if match is not None:
                yield match
                done = self._after_same_term(match[0], text, match[1].end())

    def _inner(self, match: re.Match, group: int, seen: set[str], notes: Optional[list[tuple[int, str]]]) -> str:
        """A group of a pattern match, rewritten in turn; its explanations count at the match."""
        found: list[tuple[int, str]] = []
        words = self.rewrite(match.group(group) or "", seen, found)
        if notes is not None:
            notes.extend((match.start(), sentence) for _, sentence in found)
        return words

    def _after_same_term(self, entry: Entry, text: str, end: int) -> int:
        """Where to go on after a match: past a following "(WBC)" or "(white blood cells)"
        that names the same thing again, so that it is not explained twice."""
        aside = _ASIDE.match(text, end)
        if aside is None:
            return end
        inner = aside.group(1).strip()
        pair = _key(inner)
        if not pair:
            return end
        named = self._single.get(pair[0], [])
        if len(pair) == 2:
            named = [*self._pair.get(pair[0], {}).get(pair[1], []), *named]
        for compiled in named:
            same = compiled.entry.key == entry.key or compiled.entry.plain.rstrip("s") == entry.plain.rstrip("s")
            if same and compiled.regex.fullmatch(inner):
                return aside.end()
        return end

    def _words(self, entry: Entry, match: re.Match, seen: set[str], notes: Optional[list[tuple[int, str]]]) -> str:
        words = entry.short if entry.short is not None and entry.key in seen else plain_for(entry, match.group())
        seen.add(entry.key)
        words = words.replace(WHOLE, match.group())
        if "{" in words:
            groups = {n: self._inner(match, int(n), seen, notes) for n in sorted(set(_GROUP.findall(words)))}
            words = _GROUP.sub(lambda g: groups[g.group(1)], words)
            last = (match.group(int(max(groups))) or "").strip() if groups else ""  # as the registry wrote it
            plural = last.endswith("s") and not last.lower().endswith(_SINGULAR_ENDINGS)
            words = words.replace("{has}", "have" if plural else "has").replace("{is}", "are" if plural else "is")
        return words


Key = tuple[str, ...]


def plain_for(entry: Entry, matched: str) -> str:
    """The entry's everyday words for the words matched: its plural words for a plural form."""
    return entry.plural if entry.plural is not None and _is_plural_of(matched, entry.key) else entry.plain


def _is_plural_of(matched: str, key: str) -> bool:
    """Whether the words matched end in a plural where the entry's key does not ("tumors", "tumor")."""
    last, key_last = matched.split()[-1].lower(), key.split()[-1].lower()
    if last.endswith(("'s", "’s")) or key_last.endswith("s"):  # "investigator's" is one
        return False
    return last.endswith("s") and not last.endswith(_SINGULAR_ENDINGS)


def explained_as(entry: Entry, matched: str) -> str:
    """What an explanation is about: its entry, or the words matched when the explanation names
    them ("Losartan is ..." and "Lisinopril is ...", both, when a criterion names both drugs)."""
    names_match = entry.ends or (entry.explain and (WHOLE in entry.explain or _POINTER.match(entry.explain)))
    return f"{entry.key}: {matched.lower().rstrip('s')}" if names_match else entry.key  # "phosphatases" once


_POINTER = re.compile(r"^This is\b")


def explanation(entry: Entry, matched: str) -> str:
    """The entry's explanation of the words `matched`. "This is a PRRT drug." would point at
    whatever came last in the criterion: it names its term ("Lutathera is a PRRT drug.").
    An explanation written for another form of the term, when the criterion keeps the registry's
    words, names them first ("Stenting: A stent is ..."), so that a reader sees which word it is about."""
    assert entry.explain is not None
    sentence = entry.explain.replace(WHOLE, matched)
    named = _POINTER.sub(lambda _m: (matched[:1].upper() + matched[1:]) + " is", sentence)
    if WHOLE not in entry.plain or names(
        named, matched
    ):  # the reader sees the entry's own words, or the line names them
        return named
    return f"{matched[:1].upper() + matched[1:]}: {named}"


_NAME_PART = re.compile(r"[A-Za-z][\w']*")
# words too common to show which term a line is about
_NOT_NAMING = frozenset(
    """the and any for with known prior strong potent moderate severe active acute chronic
    test tests level levels count disease diseases infection infections cancer drug drugs therapy treatment positive
    negative history use inhibitor inhibitors hormone hormones receptor receptors agonist agonists antagonist
    antagonists blocker blockers abnormality abnormalities protein proteins""".split()
)
_BRITISH = re.compile(r"(?:(?<=[a-z])|\b)(?:ae|oe)(?=[a-z])")
_ISE = re.compile(r"(?<=[a-z])is(?=(?:e|ed|es|ing|ation|ations)\b)")


def spelling(text: str) -> str:
    """Lower case, British and American spellings made one ("haemoglobin", "oestrogen", "randomised")."""
    return _ISE.sub("iz", _BRITISH.sub("e", text.lower()))


def names(sentence: str, words: str) -> bool:
    """Whether `sentence` names one of the telling words of `words`, in the singular or the
    plural, in either spelling ("Seizures" is named by "A seizure is ...")."""
    said = spelling(sentence)
    parts = [spelling(part) for part in _NAME_PART.findall(words)]
    telling = [part for part in parts if part not in _NOT_NAMING] or parts
    return any(re.search(rf"(?<![\w-]){_stem(part)}(?:e?s)?(?!\w)", said) for part in telling)


def _stem(word: str) -> str:
    """A word as a pattern matching its singular and plural: "seizures", "antibody"."""
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return re.escape(word[:-1]) + "(?:y|ie)" if word.endswith("y") else re.escape(word)


def _first_match(candidates: Iterable[_Compiled], text: str, start: int) -> Optional[tuple[Entry, re.Match]]:
    for compiled in candidates:
        match = compiled.regex.match(text, start)
        if match and match.end() > start:
            return compiled.entry, match
    return None


def _key(phrase: str) -> Key:
    """The first word of a phrase, or its first two words."""
    return tuple(_WORD.findall(phrase.lower())[:2])


def one_line(pattern: str) -> str:
    """`pattern` with its spaces (\\s) unable to match a line break."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        pair = pattern[i : i + 2]
        if pair == r"\s":
            out.append(" \\t" if in_class else _)
            i += 2
            continue
        if pattern[i] == "\\":
            out.append(pair)
            i += 2
            continue
        if pattern[i] == "[" and not in_class:
            in_class = True
            out.append("[")
            if pattern[i + 1 : i + 2] == "^":
                out.append("^")
                i += 1
            if pattern[i + 1 : i + 2] == "]":  # "[]...]" : a literal ] first
                out.append("]")
                i += 1
        elif pattern[i] == "]" and in_class:
            in_class = False
            out.append("]")
        else:
            out.append(pattern[i])
        i += 1
    return "".join(out)


def _form_regex(form: str) -> re.Pattern:
    """A literal form as a regex: flexible spaces; a word with capitals (CT, WBC) matches
    only as written, other words in any case."""
    parts = [re.escape(p) if any(ch.isupper() for ch in p) else f"(?i:{re.escape(p)})" for p in form.split()]
    return re.compile(f"{_}+".join(parts) + r"(?!\w)")
