"""docs/architecture.md names every module under bot/, actions/ and components/, and names no
module that does not exist.

A module counts as named when the map gives its path from the repository root
(`bot/trials/sync.py`) anywhere, or its path inside the package whose section it is listed in
(`sync.py` under the heading `bot/trials/`). A package's `__init__.py` counts as named with its
package (`bot/geo/`)."""

from __future__ import annotations

import re

from bot.config import REPO_ROOT

MAP = REPO_ROOT / "docs" / "architecture.md"
MAPPED = ("bot", "actions", "components")
SECTION = re.compile(r"^#{2,4} `([\w/]+/)`")
CODE = re.compile(r"`([^`\s]+)`")


def python_modules() -> set[str]:
    return {path.relative_to(REPO_ROOT).as_posix() for top in MAPPED for path in (REPO_ROOT / top).rglob("*.py")}


def named_paths(text: str) -> set[str]:
    """Every module path (and package folder) the map names, resolved from the repository root."""
    named: set[str] = set()
    package = ""
    for line in text.splitlines():
        if line.startswith("#"):
            section = SECTION.match(line)
            package = section[1] if section else ""
        for code in CODE.findall(line):
            code = code.rstrip(".,;:")
            if any(mark in code for mark in "<*"):
                continue  # a pattern such as `bot/channels/<platform>.py`, not a module
            top = code.split("/")[0]
            if top in MAPPED:
                named.add(code)
            elif package and code.endswith((".py", "/")) and not ("/" in code and (REPO_ROOT / top).exists()):
                named.add(package + code)  # a path inside this package (not scripts/..., tests/...)
    return named


def unnamed(modules: set[str], named: set[str]) -> list[str]:
    folders = {n for n in named if n.endswith("/")}
    return sorted(
        m
        for m in modules
        if m not in named and not (m.endswith("/__init__.py") and m[: -len("__init__.py")] in folders)
    )


def test_every_module_is_on_the_map() -> None:
    missing = unnamed(python_modules(), named_paths(MAP.read_text()))
    assert missing == [], "add these to docs/architecture.md, each with its one idea"


def test_the_map_names_no_module_that_does_not_exist() -> None:
    modules = python_modules()
    stale = sorted(n for n in named_paths(MAP.read_text()) if n.endswith(".py") and n not in modules)
    assert stale == [], "docs/architecture.md names these, which do not exist: moved or renamed?"


def test_the_check_sees_a_module_left_off_and_reads_sections() -> None:
    """The reading above can fail: a module listed nowhere is reported, a file name counts only
    under its own package's heading, and a root path counts anywhere."""
    text = "### `bot/trials/`\n\n- `sync.py`: fetch.\n\n### `actions/`\n\n- `where.py`: country.\n\nSee `bot/geo/`."
    named = named_paths(text)
    assert named == {"bot/trials/", "bot/trials/sync.py", "actions/", "actions/where.py", "bot/geo/"}
    modules = {
        "bot/trials/sync.py",
        "bot/trials/where.py",
        "actions/where.py",
        "bot/geo/__init__.py",
        "bot/geo/find.py",
    }
    assert unnamed(modules, named) == ["bot/geo/find.py", "bot/trials/where.py"]
