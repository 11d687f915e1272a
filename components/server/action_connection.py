"""One kept HTTP session for the Rasa server's calls to the action server.

Rasa 3.6's `EndpointConfig.request` builds a new aiohttp `ClientSession`, and so a new TCP
connection, for every action call: about 45% of Rasa's processor time in the calls
(docs/benchmarks.md). `install()` (called by `python -m components.server.rasa_server` before
Rasa starts) makes the action endpoint read from the endpoints file a `KeptSessionEndpoint`:
Rasa's own `request` runs unchanged, but over one session per event loop (one per Sanic
worker), whose connections stay open between calls. Concurrent calls each take a free
connection from its pool, or open one. A connection the action server closed (a restart, its
idle timeout) is dropped when next taken; a server that is down still fails the call, so the
static answers (components/action_fallbacks.py) go out as before. The sessions close when the
server stops.
"""

from __future__ import annotations

import asyncio
from types import TracebackType
from typing import Any, Optional

import aiohttp
import rasa.core.run
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.core.utils import AvailableEndpoints
from rasa.utils.endpoints import EndpointConfig
from sanic import Sanic

# Below the action server's own idle limit (Sanic's KEEP_ALIVE_TIMEOUT, 5 s), with room for a
# busy event loop, so Rasa never sends a call down a connection the server is closing.
KEEPALIVE_SECONDS = 2.0


class _Lent:
    """`async with` a kept session without closing it at the end (Rasa's `request` closes
    the session it is given)."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self.session

    async def __aexit__(
        self, kind: Optional[type[BaseException]], error: Optional[BaseException], trace: Optional[TracebackType]
    ) -> None:
        return None


class KeptSessionEndpoint(EndpointConfig):
    """An endpoint whose requests share one session (and its connections) per event loop."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._sessions: dict[asyncio.AbstractEventLoop, aiohttp.ClientSession] = {}

    @classmethod
    def like(cls, endpoint: EndpointConfig) -> KeptSessionEndpoint:
        kept = cls(
            endpoint.url,
            endpoint.params,
            endpoint.headers,
            endpoint.basic_auth,
            endpoint.token,
            endpoint.token_name,
            endpoint.cafile,
            **endpoint.kwargs,
        )
        kept.type = endpoint.type
        return kept

    def session(self) -> _Lent:  # used only as `async with self.session()`
        return _Lent(self.kept_session())

    def kept_session(self) -> aiohttp.ClientSession:
        """This event loop's session, made on first use (no await: two calls cannot both make one)."""
        loop = asyncio.get_running_loop()
        session = self._sessions.get(loop)
        if session is None or session.closed:
            self._sessions = {known: s for known, s in self._sessions.items() if not known.is_closed()}
            auth = (
                aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) if self.basic_auth else None
            )
            session = aiohttp.ClientSession(
                headers=self.headers,
                auth=auth,
                timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
                connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS),
            )
            self._sessions[loop] = session
        return session

    async def close(self) -> None:
        """Close this event loop's session and its connections."""
        session = self._sessions.pop(asyncio.get_running_loop(), None)
        if session is not None:
            await session.close()


def kept_action_endpoint(endpoints: AvailableEndpoints) -> AvailableEndpoints:
    if endpoints.action is not None and not isinstance(endpoints.action, KeptSessionEndpoint):
        endpoints.action = KeptSessionEndpoint.like(endpoints.action)
    return endpoints


_read_endpoints = AvailableEndpoints.read_endpoints.__func__
_close_resources = rasa.core.run.close_resources


def _read_endpoints_kept(cls: type[AvailableEndpoints], endpoint_file: str) -> AvailableEndpoints:
    return kept_action_endpoint(_read_endpoints(cls, endpoint_file))


async def _close_resources_and_session(app: Sanic, loop: asyncio.AbstractEventLoop) -> None:
    await _close_resources(app, loop)
    agent = getattr(app.ctx, "agent", None)
    endpoint = getattr(agent, "action_endpoint", None)
    if isinstance(endpoint, KeptSessionEndpoint):
        await endpoint.close()


def install() -> None:
    """Keep the action server's session in every Rasa server started after this call."""
    AvailableEndpoints.read_endpoints = classmethod(_read_endpoints_kept)
    rasa.core.run.close_resources = _close_resources_and_session
