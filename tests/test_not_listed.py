"""The one "not in our list" reply: the chat, the CLIs and the staff site say the same words."""

from __future__ import annotations

import ast

import pytest

from actions import which_trial
from bot.config import REPO_ROOT
from bot.trials.not_listed import not_listed, not_listed_name

WORDING = "not in our list"
HOME = "bot/trials/not_listed.py"
SCANNED = ("bot", "actions", "components")


def wordings_in(source: str) -> list[int]:
    """The lines of the string literals that word "not in our list" (any case); docstrings, which
    only talk about the reply, and comments are left out."""
    tree = ast.parse(source)
    documented = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, documented) and node.body and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and WORDING in node.value.lower()
        and id(node) not in docstrings
    ]


def _modules() -> list[str]:
    return sorted(str(path.relative_to(REPO_ROOT)) for top in SCANNED for path in (REPO_ROOT / top).rglob("*.py"))


def _wordings(path: str) -> list[int]:
    return wordings_in((REPO_ROOT / path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("nct_ids", [["NCT99999999"], ["NCT99999999", "NCT99999998"]])
def test_the_chat_says_the_same_words(nct_ids: list[str]) -> None:
    assert which_trial.not_listed(nct_ids) == not_listed(nct_ids)


def test_a_trial_named_without_its_number_gets_the_same_words() -> None:
    assert not_listed_name("PROMID") == "PROMID is not in our list of trials."


def test_no_other_wording_anywhere() -> None:
    """Every module of bot/, actions/ and components/ says it through `not_listed`, so a new copy fails here."""
    modules = _modules()
    assert len(modules) > 100 and HOME in modules
    others = {path: _wordings(path) for path in modules if path != HOME}
    assert {path: lines for path, lines in others.items() if lines} == {}


def test_the_scan_finds_a_wording_and_passes_prose() -> None:
    assert _wordings(HOME)  # the one reply itself is found
    copy = 'def load(unknown):\n    raise InputError(f"Not in our list of trials: {unknown}")\n'
    assert wordings_in(copy) == [2]
    prose = '"""Gives the one "not in our list" reply."""\n\ndef f():\n    """Not in our list: say so."""\n'
    assert wordings_in(prose + "    # not in our list\n    return 1\n") == []
