"""The address a request came from, for per-address rate limits.

The connection's own peer, unless that peer is a proxy we run (nginx on this machine in
`make prod`, or one named in TRUSTED_PROXIES): then the last X-Forwarded-For entry, the one
that proxy added. Earlier entries are whatever the client sent, so they are never read.

    TRUSTED_PROXIES   more proxy addresses, separated by spaces (loopback is always trusted)
"""

from __future__ import annotations

import ipaddress
import os
from typing import Mapping, Optional

PROXIES_ENV = "TRUSTED_PROXIES"
UNKNOWN = "unknown"


def _is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def trusted_proxies_from_env(env: Optional[Mapping[str, str]] = None) -> frozenset[str]:
    env = os.environ if env is None else env
    return frozenset(env.get(PROXIES_ENV, "").split())


def client_address(
    peer: Optional[str], forwarded_for: Optional[str], trusted_proxies: frozenset[str] = frozenset()
) -> str:
    """The client's address from the peer and the X-Forwarded-For header."""
    peer = (peer or "").strip() or UNKNOWN
    if peer not in trusted_proxies and not _is_loopback(peer):
        return peer
    last_hop = (forwarded_for or "").split(",")[-1].strip()
    return last_hop or peer
