"""Safe reads of untrusted JSON (webhook bodies, registry records): a value of the kind expected, or an empty one."""

from __future__ import annotations

from typing import Any, Mapping


def object_at(data: Mapping[str, Any], key: str) -> dict[str, Any]:
    """`data[key]` when it is a JSON object, else an empty dict ("message": null, "user": "x")."""
    value = data.get(key)
    return value if isinstance(value, dict) else {}
