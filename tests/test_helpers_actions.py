"""The shared helper that runs one custom action (tests/helpers/actions.py)."""

from __future__ import annotations

import asyncio

from tests.helpers.actions import _finished


async def _seven() -> int:
    return 7


def test_an_action_runs_whether_or_not_an_event_loop_is_running() -> None:
    """The browser tests leave an event loop running in the main thread; actions still run after them."""

    async def inside_a_running_loop() -> int:
        return _finished(_seven())

    assert _finished(_seven()) == 7
    assert asyncio.run(inside_a_running_loop()) == 7
