"""Processor time by stage inside one process, for scripts/profile_message.py.

`StageClock.wrap(owner, "method", "stage")` replaces a method with one that adds its processor
time (`time.process_time`: every thread of this process, so TensorFlow's and BLAS's threads
count) to the stage. Stages may nest: a stage is charged only its own time, what a stage
running inside it used goes to that inner stage, so the stages add up to the whole.
Wall-clock time is kept too, for the stages that wait on another process.
`watch_garbage_collection` makes Python's garbage collector a stage of its own, wherever it runs.
"""

from __future__ import annotations

import functools
import gc
import inspect
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass
class _Running:
    stage: str
    cpu_start: float
    wall_start: float
    inner_cpu: float = 0.0
    inner_wall: float = 0.0


@dataclass
class StageClock:
    cpu: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    wall: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    calls: Counter = field(default_factory=Counter)
    _stack: list[_Running] = field(default_factory=list)
    _originals: list[tuple[Any, str, Any]] = field(default_factory=list)

    def wrap(self, owner: Any, attribute: str, stage: str) -> None:
        """Times `owner.attribute` (a plain method or function, sync or async) as `stage`."""
        original = inspect.getattr_static(owner, attribute)
        if isinstance(original, (classmethod, staticmethod)):
            raise TypeError(f"{owner.__name__}.{attribute}: only plain methods and functions can be timed")
        self._originals.append((owner, attribute, owner.__dict__.get(attribute)))
        setattr(owner, attribute, self._timed(original, stage))

    def watch_garbage_collection(self, stage: str = "garbage collection (wherever it ran)") -> None:
        def on_collection(phase: str, info: dict[str, Any]) -> None:
            if phase == "start":
                self._enter(stage)
            else:
                self._leave()

        gc.callbacks.append(on_collection)
        self._originals.append((gc, "callbacks", on_collection))

    def unwrap_all(self) -> None:
        for owner, attribute, original in reversed(self._originals):
            if owner is gc:
                gc.callbacks.remove(original)
            elif original is None:
                delattr(owner, attribute)
            else:
                setattr(owner, attribute, original)
        self._originals.clear()

    def reset(self) -> None:
        self.cpu.clear()
        self.wall.clear()
        self.calls.clear()

    def _timed(self, function: Callable[..., Any], stage: str) -> Callable[..., Any]:
        if inspect.iscoroutinefunction(function):

            @functools.wraps(function)
            async def timed_async(*args: Any, **kwargs: Any) -> Any:
                self._enter(stage)
                try:
                    return await function(*args, **kwargs)
                finally:
                    self._leave()

            return timed_async

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._enter(stage)
            try:
                return function(*args, **kwargs)
            finally:
                self._leave()

        return timed

    def _enter(self, stage: str) -> None:
        self._stack.append(_Running(stage, time.process_time(), time.perf_counter()))

    def _leave(self) -> None:
        running = self._stack.pop()
        cpu = time.process_time() - running.cpu_start
        wall = time.perf_counter() - running.wall_start
        self.cpu[running.stage] += cpu - running.inner_cpu
        self.wall[running.stage] += wall - running.inner_wall
        self.calls[running.stage] += 1
        if self._stack:
            self._stack[-1].inner_cpu += cpu
            self._stack[-1].inner_wall += wall
