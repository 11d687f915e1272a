"""Posting webhook requests the way a platform does, and reading the answer (any status)."""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Dict, Optional, Tuple


def send(
    url: str, body: Optional[bytes], headers: Optional[Dict[str, str]] = None, method: str = "POST", timeout: float = 60
) -> Tuple[int, str]:
    request = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, answer.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
