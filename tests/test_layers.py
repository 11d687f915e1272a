"""Which package may import which (docs/architecture.md, "Every module, one idea each").

`bot/` is plain Python: it never imports Rasa, rasa-sdk, Sanic, `actions` or `components`, so
it can be read, tested and reused without either server. What starts or plugs into Rasa lives
in `components/` (`components/server/`, `components/channels/`). `actions/` and `components/`
import `bot`, never each other. Every import counts: at the top, inside a function, or through
`importlib.import_module` / `__import__` with a written-out name. In tests/, helpers shared by
several test modules live in tests/helpers/, never in another test module."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from typing import Iterator

import pytest

from bot.config import REPO_ROOT
from bot.deploy import entry_points

FORBIDDEN = {
    "bot": {"rasa", "rasa_sdk", "sanic", "actions", "components"},
    "actions": {"rasa", "components"},  # the action server's machine has rasa-sdk, not Rasa
    "components": {"actions"},
}
DYNAMIC_IMPORTS = {"import_module", "__import__"}


def imported_modules(source: str) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) for every import in `source`, however deep it sits."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if called in DYNAMIC_IMPORTS and isinstance(node.args[0].value, str):
                yield node.lineno, node.args[0].value


def forbidden_imports(source: str, forbidden: set[str]) -> list[tuple[int, str]]:
    return [(line, name) for line, name in imported_modules(source) if name.split(".")[0] in forbidden]


def package_violations(package: str) -> list[str]:
    return [
        f"{path.relative_to(REPO_ROOT)}:{line} imports {name}"
        for path in sorted((REPO_ROOT / package).rglob("*.py"))
        for line, name in forbidden_imports(path.read_text(), FORBIDDEN[package])
    ]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_package_imports_what_its_layer_forbids(package: str) -> None:
    assert package_violations(package) == [], (
        f"move these to the Rasa side or import through bot/ ({FORBIDDEN[package]})"
    )


def test_the_check_sees_imports_anywhere_and_only_forbidden_ones() -> None:
    source = """
import os, rasa.server
from sanic.request import Request
from bot.channels import origins
from . import sibling
def start():
    from components.server import banners
    import rasa_sdk
class Later:
    def load(self):
        return importlib.import_module("actions.warmup"), __import__("json")
"""
    assert forbidden_imports(source, FORBIDDEN["bot"]) == [
        (2, "rasa.server"),
        (3, "sanic.request"),
        (7, "components.server"),
        (8, "rasa_sdk"),
        (11, "actions.warmup"),
    ]
    assert forbidden_imports("import rasa_sdk\nfrom bot import config\n", FORBIDDEN["actions"]) == []


def test_the_action_server_starts_without_rasa() -> None:
    """The action server's machine has rasa-sdk and Sanic but not Rasa (requirements-actions.txt):
    its entry point, and the packages Python runs to reach it, import no `rasa`."""
    spec = importlib.util.find_spec(entry_points.ACTION_SERVER)
    assert spec is not None and spec.origin is not None
    module = Path(spec.origin)
    started = [module, *(folder / "__init__.py" for folder in module.relative_to(REPO_ROOT).parents if folder.name)]
    found = [name for path in started for _, name in imported_modules((REPO_ROOT / path).read_text())]
    assert "rasa_sdk.endpoint" in found
    assert [name for name in found if name.split(".")[0] == "rasa"] == []


def imports_of_test_modules() -> set[tuple[str, str]]:
    return {
        (path.relative_to(REPO_ROOT).as_posix(), name)
        for path in sorted((REPO_ROOT / "tests").rglob("*.py"))
        for _, name in imported_modules(path.read_text())
        if name.startswith(("tests.test_", "test_"))
    }


def test_no_test_module_imports_another() -> None:
    """Shared helpers live in tests/helpers/ (or conftest.py and the server modules beside it)."""
    assert imports_of_test_modules() == set(), "put the shared helper in tests/helpers/"


@pytest.mark.parametrize("module", [entry_points.RASA_SERVER, entry_points.ACTION_SERVER])
def test_the_server_modules_bot_starts_exist(module: str) -> None:
    """bot/ starts the servers by module name (`python -m ...`), never by import: each name
    must still be a module after a move."""
    assert importlib.util.find_spec(module) is not None, module


def imports_below_the_top(source: str) -> list[int]:
    """The lines of the imports inside a function or class of `source`: there they hide a circle that
    a top-level import would show (an `if TYPE_CHECKING:` block at the top counts as the top)."""
    nested = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return sorted(
        {
            inner.lineno
            for node in ast.walk(ast.parse(source))
            if isinstance(node, nested)
            for inner in ast.walk(node)
            if isinstance(inner, (ast.Import, ast.ImportFrom))
        }
    )


@pytest.mark.parametrize("path", sorted((REPO_ROOT / "actions").glob("*.py")), ids=lambda path: path.name)
def test_no_action_module_imports_inside_a_function(path: Path) -> None:
    """The action modules import each other at the top only, so a circle among them fails at once
    (the search itself lives in actions/searching.py, which imports no action)."""
    assert imports_below_the_top(path.read_text()) == [], f"{path.name}: import at the top"


def test_the_check_finds_an_import_below_the_top_only() -> None:
    source = """from typing import TYPE_CHECKING
import json
if TYPE_CHECKING:
    from actions.store import trial_store
def search():
    from actions.searching import SEARCH_SLOTS
    return SEARCH_SLOTS
class Later:
    def load(self):
        import actions.followups
"""
    assert imports_below_the_top(source) == [6, 10]


# Packages under bot/ that still import each other; remove a pair when it is untangled.
TWO_WAY_TO_UNTANGLE = {
    ("eligibility", "prescreen"),
    ("eligibility", "trials"),
    ("knowledge", "trials"),
    ("profile", "trials"),
}


def package_imports(root: Path) -> set[tuple[str, str]]:
    """(importing package, imported package) for the packages directly under `root` (bot/)."""
    packages = {folder.name for folder in root.iterdir() if (folder / "__init__.py").exists()}
    return {
        (path.relative_to(root).parts[0], name.split(".")[1])
        for path in root.glob("*/**/*.py")
        for _, name in imported_modules(path.read_text())
        if name.startswith(f"{root.name}.") and name.split(".")[1] in packages
    }


def two_way_pairs(imports: set[tuple[str, str]]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in imports if a < b and (b, a) in imports}


def test_no_two_packages_under_bot_import_each_other() -> None:
    """The pre-screen reads trials, never the other way round (country words live in
    `bot/geo/country_words.py`, a list in words in `bot/words_list.py`)."""
    found = two_way_pairs(package_imports(REPO_ROOT / "bot"))
    assert found - TWO_WAY_TO_UNTANGLE == set(), "one of the two should import the other, not both"
    assert TWO_WAY_TO_UNTANGLE - found == set(), "untangled: take the pair off TWO_WAY_TO_UNTANGLE"


def test_the_two_way_check_sees_a_pair_once() -> None:
    imports = {("prescreen", "trials"), ("trials", "prescreen"), ("profile", "trials"), ("trials", "geo")}
    assert two_way_pairs(imports) == {("prescreen", "trials")}
