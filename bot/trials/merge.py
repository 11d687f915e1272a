"""Merge two compiled copies of one trial record, keeping where each part came from.

A record is split into parts: each field of each protocol module, the status fields as one
group (status, why stopped, last update: they only make sense together), and each other
top-level section. For a part only one copy has, that copy's value is taken. Where both have it:

- the status group and the other status dates come from the copy whose status is newer
  (`newer_source`);
- every other part comes from the fuller copy (more text, more sites, more criteria), the newer
  one on a tie.

The result's `x-source` lists every copy merged (`merged_from`, each with its own x-source and
the date its status was confirmed), which copy gave each part (`parts`), and `status_as_of`.
Merging is idempotent and does not depend on order: merging a copy in again changes nothing.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass
from typing import Any, Optional

from bot.json_values import object_at
from bot.trials.freshness import status_as_of

STATUS_GROUP = "protocolSection/statusModule/(status)"
STATUS_FIELDS = (
    "overallStatus",
    "lastKnownStatus",
    "whyStopped",
    "statusVerifiedDate",
    "delayedPosting",
    "expandedAccessInfo",
    "lastUpdateSubmitDate",
    "lastUpdatePostDateStruct",
)
# How far along a trial's life a status is; used only when a copy's status has no date.
LIFECYCLE = {
    "WITHDRAWN": 4,
    "COMPLETED": 4,
    "TERMINATED": 4,
    "ACTIVE_NOT_RECRUITING": 3,
    "SUSPENDED": 3,
    "RECRUITING": 2,
    "ENROLLING_BY_INVITATION": 2,
    "NOT_YET_RECRUITING": 1,
}
MERGE_KEYS = ("merged_from", "parts", "status_as_of")


@dataclass(frozen=True)
class Source:
    """One compiled copy: its x-source, the date its status was confirmed, and that status."""

    key: str
    as_of: Optional[str]
    status: str
    info: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.key, "status": self.status, "as_of": self.as_of, "x-source": self.info}


def source_key(info: dict[str, Any]) -> str:
    canonical = json.dumps(info, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def newer_source(a: Source, b: Source) -> Source:
    """The copy whose status is newer: by date when both are dated, else by how far along
    the trial's life the status is (trials do not go back), else the dated one."""
    if a.as_of and b.as_of and a.as_of != b.as_of:
        return a if a.as_of > b.as_of else b
    if not (a.as_of and b.as_of):
        stage_a, stage_b = LIFECYCLE.get(a.status, 0), LIFECYCLE.get(b.status, 0)
        if stage_a != stage_b:
            return a if stage_a > stage_b else b
        if bool(a.as_of) != bool(b.as_of):
            return a if a.as_of else b
    return a if a.key <= b.key else b


def merge_records(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """One record from two copies of the same trial (see the module's docstring)."""
    if _nct_id(first) != _nct_id(second):
        raise ValueError(f"cannot merge different trials: {_nct_id(first)} and {_nct_id(second)}")
    sources_a, parts_a = split(first)
    sources_b, parts_b = split(second)
    sources = {**sources_a, **sources_b}
    if len(sources) == 1:  # two copies of the same compiled record: nothing to merge
        return copy.deepcopy(first)
    chosen: dict[str, tuple[Any, str]] = {}
    for path in sorted(set(parts_a) | set(parts_b)):
        if path not in parts_b:
            chosen[path] = parts_a[path]
        elif path not in parts_a:
            chosen[path] = parts_b[path]
        else:
            chosen[path] = _pick(path, parts_a[path], parts_b[path], sources)
    return _assemble(chosen, sources)


def split(record: dict[str, Any]) -> tuple[dict[str, Source], dict[str, tuple[Any, str]]]:
    """A record's copies (one, unless it was merged before) and its parts, each with the key
    of the copy it came from."""
    info = object_at(record, "x-source")
    if "merged_from" in info:
        sources = {
            s["id"]: Source(s["id"], s.get("as_of"), s.get("status") or "UNKNOWN", s.get("x-source") or {})
            for s in info["merged_from"]
        }
        given: dict[str, str] = info.get("parts") or {}
        fallback = min(sources)
        parts = {path: (value, given.get(path, fallback)) for path, value in _parts(record).items()}
        return sources, parts
    status = ((record.get("protocolSection") or {}).get("statusModule") or {}).get("overallStatus")
    source = Source(source_key(info), status_as_of(record), (status or "UNKNOWN").upper(), info)
    return {source.key: source}, {path: (value, source.key) for path, value in _parts(record).items()}


def _pick(path: str, a: tuple[Any, str], b: tuple[Any, str], sources: dict[str, Source]) -> tuple[Any, str]:
    if a[1] == b[1]:
        return a
    newer = newer_source(sources[a[1]], sources[b[1]]).key
    if path.startswith("protocolSection/statusModule/"):
        return a if a[1] == newer else b
    size_a, size_b = _size(a[0]), _size(b[0])
    if size_a != size_b:
        return a if size_a > size_b else b
    return a if a[1] == newer else b


def _size(value: Any) -> int:
    return len(json.dumps(value, sort_keys=True, ensure_ascii=False))


def _parts(record: dict[str, Any]) -> dict[str, Any]:
    parts: dict[str, Any] = {}
    for section, value in record.items():
        if section == "x-source":
            continue
        if section != "protocolSection" or not isinstance(value, dict):
            parts[section] = value
            continue
        for module, fields in value.items():
            if not isinstance(fields, dict):
                parts[f"protocolSection/{module}"] = fields
                continue
            status = {k: v for k, v in fields.items() if module == "statusModule" and k in STATUS_FIELDS}
            if status:
                parts[STATUS_GROUP] = status
            for name, field_value in fields.items():
                if name not in status:
                    parts[f"protocolSection/{module}/{name}"] = field_value
    return parts


def _assemble(chosen: dict[str, tuple[Any, str]], sources: dict[str, Source]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for path, (value, _) in chosen.items():
        value = copy.deepcopy(value)
        pieces = path.split("/")
        if pieces[0] != "protocolSection":
            record[pieces[0]] = value
            continue
        if len(pieces) == 2:
            record.setdefault("protocolSection", {})[pieces[1]] = value
            continue
        module = record.setdefault("protocolSection", {}).setdefault(pieces[1], {})
        if path == STATUS_GROUP:
            module.update(value)
        else:
            module[pieces[2]] = value
    status_key = chosen[STATUS_GROUP][1] if STATUS_GROUP in chosen else None
    record["x-source"] = {
        "note": "Merged from the copies in merged_from by bot.trials.merge: each part names the "
        "copy it came from; the status is the newest one, other parts the fullest.",
        "urls": list(dict.fromkeys(u for s in sorted(sources) for u in _urls(sources[s].info))),
        "status_as_of": sources[status_key].as_of if status_key else None,
        "merged_from": [sources[key].as_dict() for key in sorted(sources)],
        "parts": {path: key for path, (_, key) in sorted(chosen.items())},
    }
    return record


def _urls(info: dict[str, Any]) -> list[str]:
    urls = info.get("urls")
    return [u for u in urls if isinstance(u, str)] if isinstance(urls, list) else []


def _nct_id(record: dict[str, Any]) -> Optional[str]:
    try:
        return record["protocolSection"]["identificationModule"]["nctId"]
    except (KeyError, TypeError):
        return None
