"""The website's responses through aiohttp's test server (the real create_app), and a CSP read into its directives."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from aiohttp.test_utils import TestClient, TestServer

from bot.web.server import create_app


def responses(paths: list[str]) -> list[tuple[int, dict[str, str]]]:
    """(status, headers) of a GET of each path, redirects not followed."""

    async def main() -> list[tuple[int, dict[str, str]]]:
        async with TestClient(TestServer(create_app())) as client:
            found = []
            for path in paths:
                response = await client.get(path, allow_redirects=False)
                found.append((response.status, dict(response.headers)))
            return found

    # in a thread of its own: a browser test earlier in the session may keep a loop running here
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, main()).result()


def directives(policy: str) -> dict[str, list[str]]:
    """A Content-Security-Policy header as {directive: [values]}."""
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in parts}
