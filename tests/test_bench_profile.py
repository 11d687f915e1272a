"""scripts/stage_clock.py and the message plan of scripts/profile_message.py (the profile itself
needs a trained model and minutes; docs/benchmarks.md has its figures)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from scripts.profile_message import ACTION_SERVER_CPU, TOTAL, markdown, message_plan, story_conversations
from scripts.stage_clock import StageClock


def _spin(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


class Work:
    def outer(self) -> None:
        _spin(0.02)
        self.inner()

    def inner(self) -> None:
        _spin(0.03)

    async def waiting(self) -> None:
        await asyncio.sleep(0.05)

    @staticmethod
    def static() -> None:
        pass


def test_a_stage_is_charged_only_its_own_time_and_unwrapping_restores() -> None:
    clock = StageClock()
    original = Work.__dict__["outer"]
    clock.wrap(Work, "outer", "outer")
    clock.wrap(Work, "inner", "inner")
    Work().outer()
    assert clock.calls == {"outer": 1, "inner": 1}
    assert clock.cpu["inner"] == pytest.approx(0.03, abs=0.01)
    assert clock.cpu["outer"] == pytest.approx(0.02, abs=0.01)
    clock.unwrap_all()
    assert Work.__dict__["outer"] is original
    clock.reset()
    Work().outer()
    assert not clock.calls


def test_async_stages_count_the_clock_not_the_processor_while_waiting() -> None:
    clock = StageClock()
    clock.wrap(Work, "waiting", "waiting")
    asyncio.run(Work().waiting())
    clock.unwrap_all()
    assert clock.wall["waiting"] >= 0.05 > clock.cpu["waiting"]


def test_static_methods_are_refused() -> None:
    with pytest.raises(TypeError):
        StageClock().wrap(Work, "static", "static")


def test_story_messages_lose_their_entity_marks(tmp_path: Path) -> None:
    (tmp_path / "s.yml").write_text(
        "stories:\n- story: one\n  steps:\n  - user: |\n      any [lutathera](treatment) trials in "
        '[uk]{"entity": "country"}\n    intent: search_trials\n  - action: action_search_trials\n'
        "  - user: |\n      thanks\n    intent: thank\n"
    )
    assert story_conversations(tmp_path) == [["any lutathera trials in uk", "thanks"]]


def test_the_plan_sends_whole_conversations_in_turn_up_to_the_count() -> None:
    plan = list(message_plan([["a", "b"], ["c"]], 5))
    assert plan == [(0, "a"), (0, "b"), (1, "c"), (2, "a"), (2, "b")]


def test_the_report_names_what_grew_most_in_the_long_conversation() -> None:
    result = {
        "cpu_ms": {TOTAL: 2.0, "tracker store: read": 1.0},
        "wall_ms": {},
        "calls_per_message": {TOTAL: 1.0, "tracker store: read": 1.0},
        "message_cpu_ms_median": 3.0,
        ACTION_SERVER_CPU: 4.0,
        "long_conversation": {
            "turns": 60,
            "early_turns": "11-15",
            "late_turns": "56-60",
            "early_ms": 10.0,
            "late_ms": 15.0,
            "early_states_ms": 1.0,
            "late_states_ms": 1.0,
            "early_stages_ms": {"tracker store: read": 1.0, TOTAL: 2.0},
            "late_stages_ms": {"tracker store: read": 5.0, TOTAL: 2.5},
        },
    }
    report = markdown(result)
    assert "1.50x" in report
    assert (
        "What grew most (ms per turn, early -> late): tracker store: read 1.0 -> 5.0; rest of handling 2.0 -> 2.5."
        in report
    )


def test_garbage_collection_is_a_stage_of_its_own_and_is_unwatched_after() -> None:
    import gc

    clock = StageClock()
    callbacks = len(gc.callbacks)
    clock.wrap(Work, "outer", "outer")
    clock.watch_garbage_collection("gc")
    Work().outer()
    gc.collect()
    assert clock.calls["gc"] >= 1 and clock.calls["outer"] == 1
    clock.unwrap_all()
    assert len(gc.callbacks) == callbacks
