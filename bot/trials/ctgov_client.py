"""A small client for the ClinicalTrials.gov API v2 (`GET /studies`), with retries.

Connection errors, timeouts, HTTP 429 and 5xx are retried with capped exponential backoff and
jitter (a Retry-After header is honoured); other 4xx answers are not retried. A request that
fails for good raises `CtgovError`, whose message says what happened.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import os
import random
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Mapping, NoReturn, Optional

DEFAULT_BASE_URL = "https://clinicaltrials.gov/api/v2"
BASE_URL_ENV = "CTGOV_BASE_URL"
BACKOFF_ENV = "CTGOV_BACKOFF"  # first retry delay in seconds (tests make it tiny)
USER_AGENT = "net-trials-assistant/1.0 (trials sync)"

Notify = Callable[[str], None]


class CtgovError(Exception):
    """A request to ClinicalTrials.gov that failed for good."""


class RequestRefused(CtgovError):
    """A 4xx answer (other than 429): the request itself is wrong, so it is not retried."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after: Optional[float] = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


def default_backoff() -> float:
    try:
        return max(0.0, float(os.environ.get(BACKOFF_ENV, "") or 1.0))
    except ValueError:
        return 1.0


def base_url_from(explicit: Optional[str] = None) -> str:
    """`explicit`, else CTGOV_BASE_URL, else the public API."""
    return (explicit or os.environ.get(BASE_URL_ENV, "").strip() or DEFAULT_BASE_URL).rstrip("/")


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5  # in all, the first one included
    base_delay: float = 1.0  # before the first retry; doubled each time
    max_delay: float = 60.0  # cap of the exponential backoff
    max_retry_after: float = 300.0  # cap of a server's Retry-After

    def delay(self, retry: int, retry_after: Optional[float] = None) -> float:
        """Seconds to wait before retry number `retry` (1, 2, ...)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_retry_after)
        ceiling = min(self.max_delay, self.base_delay * 2 ** (retry - 1))
        return ceiling / 2 + random.uniform(0, ceiling / 2)  # "equal jitter"


class CtgovClient:
    def __init__(
        self,
        base_url: Optional[str] = None,
        retry: RetryPolicy = RetryPolicy(),
        timeout: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        notify: Optional[Notify] = None,
    ) -> None:
        self.base_url = base_url_from(base_url)
        self.retry = retry
        self.timeout = timeout
        self.sleep = sleep
        self.notify = notify

    def studies(self, params: Mapping[str, str]) -> Any:
        """One page of `GET /studies`, decoded (normally {"studies": [...], ...})."""
        return self.get("/studies", params)

    def get(self, path: str, params: Mapping[str, str]) -> Any:
        url = f"{self.base_url}{path}?{urllib.parse.urlencode(params)}"
        for attempt in range(1, self.retry.attempts + 1):
            try:
                return self._fetch(url)
            except _Retryable as problem:
                if attempt == self.retry.attempts:
                    raise CtgovError(
                        f"ClinicalTrials.gov ({self.base_url}) failed {attempt} times; giving up. "
                        f"Last problem: {problem}"
                    ) from None
                wait = self.retry.delay(attempt, problem.retry_after)
                if self.notify:
                    self.notify(f"{problem}; retrying in {wait:.1f} s (attempt {attempt + 1} of {self.retry.attempts})")
                self.sleep(wait)
        raise CtgovError("no attempts allowed")  # attempts < 1

    def _fetch(self, url: str) -> Any:
        request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                body = answer.read()
                content_type = answer.headers.get_content_type()
        except urllib.error.HTTPError as error:
            self._refuse(error)
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            reason = getattr(error, "reason", None) or error
            raise _Retryable(f"no answer ({type(reason).__name__}: {reason})") from None
        if "json" not in content_type:
            raise CtgovError(
                f"ClinicalTrials.gov answered with {content_type}, not JSON: {_excerpt(body)!r}. Is the base URL right?"
            )
        try:
            return json.loads(body)
        except ValueError as error:  # most likely cut short on the way: try again
            raise _Retryable(f"the answer is not valid JSON ({error})") from None

    def _refuse(self, error: urllib.error.HTTPError) -> NoReturn:
        detail = _excerpt(error.read())
        if error.code == 429 or error.code >= 500:
            raise _Retryable(f"HTTP {error.code} {error.reason}", _retry_after(error.headers.get("Retry-After")))
        raise RequestRefused(
            error.code, f"ClinicalTrials.gov refused the request: HTTP {error.code} {error.reason}: {detail}"
        )


def _retry_after(value: Optional[str]) -> Optional[float]:
    """Retry-After as seconds: either a number or an HTTP date."""
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return (when - datetime.now(timezone.utc)).total_seconds()


def _excerpt(body: bytes, limit: int = 200) -> str:
    text = body.decode("utf-8", errors="replace").strip()
    return text if len(text) <= limit else text[:limit] + "..."
