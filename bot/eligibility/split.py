"""Split a registry criteria text into inclusion and exclusion items.

Registry texts vary: "-", "*", "•", "1.", "a)", "(i)" markers; wrapped lines; nested
sub-bullets; "Key inclusion criteria" style headings; lead-in paragraphs; no headings at
all. The rules:

- A heading ("Inclusion Criteria:", "Key exclusion criteria", "EXCLUSION") switches the
  section and is not an item. A heading that says more ("Exclusion criteria for part 2:")
  switches the section too, but stays as an item so that its words are kept.
- A marker line starts an item. One indented deeper than the item above, or with another
  marker style under an item ending in ":", is a sub-item of it.
- A line without a marker continues the item above when it is a wrapped line (indented
  under the item's text, or the line above runs on); otherwise it starts an item of its own.
  An unmarked lead-in ending in ":" takes the deeper-indented items below it as sub-items.
- Text before any heading belongs to the inclusion list.

Nothing is dropped: every word of the input is in a consumed heading or in exactly one item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, Optional

Section = Literal["inclusion", "exclusion"]
Style = Literal["bullet", "number", "letter", "para"]

# "-", "*", "•" ...; "1." "1)" "(1)"; "a." "a)" "(a)" "iv)". A marker is followed by a space or
# the line end; a bullet or number marker may also touch the word ("-Age", "2.Age").
_MARKER = re.compile(
    r"^(?P<indent>[ ]*)(?:"
    r"(?P<bullet>[-*•·‣▪●○◦–—](?=\s|$|[A-Za-z(\[])|o(?=\s+\S))"  # not ">", "+": "> 18" is a limit
    r"|(?P<number>\(?[0-9]{1,2}[.)](?=\s|$|[A-Za-z])|\([0-9]{1,2}\))"
    r"|(?P<letter>\(?(?:[ivx]{1,4}|[a-zA-Z])[.)](?=\s|$)|\((?:[ivx]{1,4}|[a-zA-Z])\))"
    r")[ ]*(?P<text>.*)$"
)
_MAY_BE_HEADING = re.compile(r"clusion|ligib|riteri", re.I)  # cheap test before find_heading
_SECTION_WORD = re.compile(r"\b(?:(in)|ex)clusions?\b", re.I)
_HEADING_NOISE = {
    "criteria",
    "criterion",
    "key",
    "main",
    "major",
    "primary",
    "principal",
    "general",
    "specific",
    "other",
    "additional",
    "important",
    "selected",
    "select",
    "study",
    "trial",
    "the",
    "following",
    "include",
    "includes",
    "included",
    "are",
    "is",
    "as",
    "follows",
    "for",
    "all",
    "patient",
    "patients",
    "subject",
    "subjects",
    "participant",
    "participants",
    "volunteers",
    "mandatory",
    "required",
    "list",
    "of",
    "and",
    "or",
    "eligibility",
    "ineligibility",
    "inclusion",
    "exclusion",
    "inclusions",
    "exclusions",
    "non",
}
_NON_INCLUSION = re.compile(r"\bnon[- ]?inclusion", re.I)  # French-style "Non-inclusion criteria"
# "...4 weeks Exclusion Criteria:- Having had..." : a heading run into the text before it
_INLINE_HEADING = re.compile(r"(?<=\S)[ ]+(?=(?:(?:Key|Main|Major) )?(?:In|Ex)clusion [Cc]riteria ?:)")
_INLINE_BULLETS = re.compile(r"[Cc]riteria ?: ?-[ ]?[A-Za-z]")
_INLINE_FIRST = re.compile(r"(?<=[Cc]riteria) ?: ?-[ ]?(?=[A-Za-z])")
_INLINE_BULLET = re.compile(r"(?<=\S)[ ]?-(?:[ ]|\n[ ]*)(?=[A-Z(])")
_NOT_A_HEADING = re.compile(r"\b(?:not|no|meet|meets|met|fulfil\w*|fulfill\w*|satisf\w*|any|see|refer)\b", re.I)
_WORD = re.compile(r"[^\W_]+")
_LEAD_IN_EXCLUSION = re.compile(
    r"\bexclu(?:ded|sion)\b|\bnot (?:be )?eligible\b|\bineligible\b|\bwill not be (?:included|enrolled)\b",
    re.I,
)
_RUN_ON_END = re.compile(
    r"(?:[,(/&+-]|\b(?:and|or|of|the|a|an|to|with|in|for|by|than|at|on|as|from|per|who|that|which|is|are))$",
    re.I,
)
_LABEL_WORDS = 5  # an unmarked lead-in this short groups the deeper items below it
_WRAP_WIDTH = 70  # a line this long (with its indent) that stops mid-sentence was wrapped


@dataclass
class Item:
    """One criterion as written: its own text and its sub-items."""

    text: str
    children: list["Item"] = field(default_factory=list)
    indent: int = 0  # column of the marker, or of the paragraph
    style: Style = "para"
    text_indent: int = 0  # column where the text of its first line starts

    @property
    def original(self) -> str:
        """The item's text with its sub-items, one per line ("- " under it)."""
        return "\n".join(self.lines())

    def lines(self, depth: int = 0) -> list[str]:
        own = ("  " * (depth - 1) + "- " if depth else "") + self.text
        return [own] + [line for child in self.children for line in child.lines(depth + 1)]


@dataclass
class Criteria:
    """A criteria text split into the two lists, plus the heading lines consumed."""

    inclusion: list[Item]
    exclusion: list[Item]
    headings: list[str] = field(default_factory=list)

    def section(self, name: Section) -> list[Item]:
        return self.inclusion if name == "inclusion" else self.exclusion


def split_criteria(text: Optional[str]) -> Criteria:
    """Split one registry criteria text into inclusion and exclusion items."""
    return _Splitter().run(text or "")


@dataclass
class _Heading:
    section: Optional[Section]  # None: a heading that does not switch ("Eligibility:")
    standard: bool  # only heading words: consumed, not kept as an item
    head: str
    rest: str  # text after "Heading:" on the same line


def find_heading(body: str) -> Optional[_Heading]:
    """The heading `body` is (marker already removed), or None for ordinary text."""
    head, colon, rest = body.partition(":")
    if colon and rest.strip() and _is_heading(head.strip(), ended_by_colon=True):
        return _make_heading(head.strip(), rest.strip())
    whole = body.rstrip(":").strip()
    if _is_heading(whole, ended_by_colon=body.endswith(":")):
        return _make_heading(whole, "")
    return None


def _is_heading(text: str, ended_by_colon: bool) -> bool:
    words = [w.lower() for w in _WORD.findall(text)]
    if not words or len(words) > 10 or len(text) > 90 or text.endswith("."):
        return False
    noise_only = set(words) <= _HEADING_NOISE
    if noise_only:
        return bool(
            {"criteria", "criterion", "inclusion", "exclusion", "eligibility", "inclusions", "exclusions"} & set(words)
        )
    # a heading that says more: the section word early, and not a sentence about criteria
    early = any(_SECTION_WORD.fullmatch(w) for w in words[:4])
    named = ended_by_colon or bool({"criteria", "criterion"} & set(words[:4]))  # "Inclusion Criteria for Phase I"
    return early and named and not _NOT_A_HEADING.search(text)


def _make_heading(head: str, rest: str) -> _Heading:
    words = {w.lower() for w in _WORD.findall(head)}
    has_in = bool(words & {"inclusion", "inclusions"}) and not _NON_INCLUSION.search(head)
    has_ex = bool(words & {"exclusion", "exclusions"}) or bool(_NON_INCLUSION.search(head))
    section: Optional[Section] = None if has_in == has_ex else "inclusion" if has_in else "exclusion"
    return _Heading(section, words <= _HEADING_NOISE, head, rest)


@dataclass
class _Line:
    indent: int
    text: str  # without surrounding spaces
    width: int  # indent + text


class _Splitter:
    def __init__(self) -> None:
        self.result = Criteria([], [], [])
        self.section: Section = "inclusion"
        self.stack: list[Item] = []  # open items, outermost first
        self.last: Optional[Item] = None  # the item the previous line went into
        self.last_line: Optional[_Line] = None
        self.blank_before = True

    def run(self, text: str) -> Criteria:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
        text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n")
        text = _INLINE_HEADING.sub("\n", text)
        if _INLINE_BULLETS.search(text):  # "Criteria: - Must have X. - No Y": bullets run together
            text = _INLINE_BULLET.sub("\n- ", _INLINE_FIRST.sub(":\n- ", text))
        for raw in text.split("\n"):
            stripped = raw.strip()
            if not stripped:
                self.blank_before = True
                continue
            indent = len(raw) - len(raw.lstrip())
            line = _Line(indent, stripped, indent + len(stripped))
            self._line(line)
            self.last_line = line
            self.blank_before = False
        for name in ("inclusion", "exclusion"):
            items = self.result.section(name)
            items[:] = [_pruned(i) for i in items if i.text or i.children]
        return self.result

    def _line(self, line: _Line) -> None:
        match = _MARKER.match(" " * line.indent + line.text)
        body = match.group("text").strip() if match else line.text
        heading = find_heading(body) if _MAY_BE_HEADING.search(body) else None
        if heading is not None:
            self._heading(line, heading)
        elif self._fill_empty(body):
            pass
        elif match and not self._wrapped_marker(line, match):
            style: Style = "bullet" if match.group("bullet") else "number" if match.group("number") else "letter"
            self._marker(Item(body, indent=line.indent, style=style, text_indent=match.start("text")))
        elif match:
            self._append(self._last_item(), line.text)
        elif not self._continues(line):
            self._paragraph(line)

    def _heading(self, line: _Line, heading: _Heading) -> None:
        if heading.standard and heading.section is None and not self.blank_before:
            self._join_wrapped_heading(heading)
        if heading.section:
            self.section = heading.section
        self.stack, self.last = [], None
        if not heading.standard:  # "Exclusion criteria for part 2:" is kept whole as an item
            text = heading.head + ":" if heading.rest or line.text.endswith(":") else heading.head
            self._new(Item(text, indent=line.indent, text_indent=line.indent))
            if heading.rest:
                self._append(self._last_item(), heading.rest)
            return
        self.result.headings.append(heading.head)
        if heading.rest:  # "Inclusion Criteria: adults aged 18 or over"
            self._new(Item(heading.rest, indent=line.indent, text_indent=line.indent))

    def _join_wrapped_heading(self, heading: _Heading) -> None:
        """ "...refer to the investigator. Inclusion" then "Criteria": a wrapped heading."""
        found = re.search(r"(?:^|\s)((?:in|ex)clusion)$", self.last.text if self.last else "", re.I)
        if found and self.last is not None:
            self.last.text = self.last.text[: found.start()]
            heading.head = f"{found.group(1)} {heading.head}"
            heading.section = "inclusion" if found.group(1).lower().startswith("in") else "exclusion"

    def _last_item(self) -> Item:
        assert self.last is not None
        return self.last

    @staticmethod
    def _append(item: Item, text: str) -> None:
        item.text = f"{item.text} {text}" if item.text else text

    def _marker(self, item: Item) -> None:
        while self.stack and not _nests(item, self.stack[-1]):
            self.stack.pop()
        if not self.stack:
            self._new(item)
            return
        self.stack[-1].children.append(item)
        self.stack.append(item)
        self.last = item

    def _paragraph(self, line: _Line) -> None:
        # after a blank line, a paragraph indented under a marker item's text is more of it
        for open_item in reversed(self.stack):
            if open_item.style != "para" and open_item.indent < open_item.text_indent <= line.indent:
                self._append(open_item, line.text)
                self.last = open_item
                return
        if (
            self.stack
            and self.stack[0].style == "para"
            and _is_label(self.stack[0].text)
            and line.indent > self.stack[0].indent
        ):
            parent = self.stack[0]  # "Age:" then an indented "18 and over"
            item = Item(line.text, indent=line.indent, text_indent=line.indent)
            parent.children.append(item)
            self.stack, self.last = [parent, item], item
            return
        if self.section == "inclusion" and line.text.endswith(":") and _LEAD_IN_EXCLUSION.search(line.text):
            self.section = "exclusion"  # "People with any of the following are excluded:"
        self._new(Item(line.text, indent=line.indent, text_indent=line.indent))

    def _wrapped_marker(self, line: _Line, match: re.Match) -> bool:
        """ "... Lymph Node N0-1, Metastasis" then "(M) 0.": a wrapped line that only looks like
        a lettered or numbered sub-item (it sits at the text column, mid-sentence)."""
        last, prev = self.last, self.last_line
        if match.group("bullet") or last is None or prev is None or self.blank_before:
            return False
        return last.style != "para" and line.indent == last.text_indent > last.indent and prev.text[-1:] not in ".:;"

    def _continues(self, line: _Line) -> bool:
        """A wrapped line: more of the item the previous line went into."""
        last, prev = self.last, self.last_line
        if last is None or prev is None or self.blank_before:
            return False
        if last.style != "para" and line.indent > last.indent:
            wrapped = True  # indented under a marker item
        else:
            run_on = (
                bool(_RUN_ON_END.search(prev.text))
                or line.text[:1] in "<>≤≥=+/)"
                or (prev.text[-1:] not in ".:;!?" and (line.text[:1].islower() or prev.width >= _WRAP_WIDTH))
            )
            wrapped = run_on and line.indent >= last.indent
        if wrapped:
            self._append(last, line.text)
        return wrapped

    def _fill_empty(self, body: str) -> bool:
        """A lone marker ("-" on its own line) takes the next text as its own."""
        if body and self.last is not None and not self.last.text:
            self.last.text = body
            return True
        return False

    def _new(self, item: Item) -> None:
        self.result.section(self.section).append(item)
        self.stack, self.last = [item], item


def _nests(item: Item, parent: Item) -> bool:
    """Whether marker item `item` is a sub-item of the open item `parent`."""
    if parent.style == "para":
        return item.indent > parent.indent and _is_label(parent.text)
    if item.indent > parent.indent:
        return True
    return item.indent == parent.indent and item.style != parent.style and parent.text.endswith(":")


def _is_label(text: str) -> bool:
    """A short unmarked lead-in ("Age:", "Any of the following:") that groups the items below."""
    return text.endswith(":") and len(text.split()) <= _LABEL_WORDS


def _pruned(item: Item) -> Item:
    item.children = [_pruned(c) for c in item.children if c.text or c.children]
    return item
