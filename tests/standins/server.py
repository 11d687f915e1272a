"""A local HTTP server standing in for a platform's API: records every call, checks it the way
the platform documents, and answers like the platform. Runs in a thread, on 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple
from urllib.parse import parse_qs

from aiohttp import web


@dataclass
class Call:
    method: str  # the API method, e.g. "sendMessage", "chat.postMessage"
    path: str
    query: Dict[str, str]
    headers: Dict[str, str]
    body: Any  # decoded JSON, or the form fields as a dict of strings
    status: int = 200
    problems: List[str] = field(default_factory=list)


class StandIn:
    name = "platform"

    def __init__(self) -> None:
        self._calls: List[Call] = []
        self._lock = threading.Lock()
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._thread: Optional[threading.Thread] = None
        self._runner: Optional[web.AppRunner] = None
        self.port = 0

    # --- what a subclass provides -------------------------------------------------------
    def answer(self, call: Call) -> Tuple[int, Any]:
        """Check `call` (append to call.problems), and return (status, JSON answer)."""
        raise NotImplementedError

    # --- running ----------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "StandIn":
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name=f"standin-{self.name}", daemon=True)
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._serve(), self._loop).result(timeout=10)
        return self

    async def _serve(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    def stop(self) -> None:
        if self._loop is None:
            return
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._loop.close()
        self._loop = None

    async def _handle(self, request: web.Request) -> web.Response:
        raw = await request.read()
        content_type = request.headers.get("Content-Type", "").split(";")[0].strip()
        if content_type == "application/x-www-form-urlencoded":
            body: Any = {
                k: v[0] if len(v) == 1 else v for k, v in parse_qs(raw.decode(), keep_blank_values=True).items()
            }
        else:
            try:
                body = json.loads(raw) if raw else {}
            except ValueError:
                body = raw.decode(errors="replace")
        call = Call(
            method=request.path.rsplit("/", 1)[-1],
            path=request.path,
            query=dict(request.query),
            headers=dict(request.headers),
            body=body,
        )
        call.status, answer = self.answer(call)
        with self._lock:
            self._calls.append(call)
        return web.json_response(answer, status=call.status)

    # --- what the tests read ----------------------------------------------------------------
    def calls(self, method: Optional[str] = None) -> List[Call]:
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def rejected(self) -> List[Call]:
        return [c for c in self.calls() if c.problems]

    def clear(self) -> None:
        with self._lock:
            self._calls.clear()

    def wait_for(self, found: Callable[[List[Call]], Any], timeout: float = 60) -> Any:
        """Poll until `found(calls)` is truthy; return it (AssertionError after `timeout`)."""
        deadline = time.monotonic() + timeout
        while True:
            result = found(self.calls())
            if result:
                return result
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name} stand-in: not received in {timeout}s; got {self.calls()}")
            time.sleep(0.2)

    def quiet_for(self, seconds: float) -> None:
        """Assert that nothing arrives for `seconds` (after a refused request, say)."""
        before = len(self.calls())
        time.sleep(seconds)
        assert len(self.calls()) == before, f"{self.name} stand-in got {self.calls()[before:]}"
