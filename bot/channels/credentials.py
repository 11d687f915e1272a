"""Write the credentials file Rasa is started with: only the platforms that are configured.

credentials.yml names every messaging platform with `${VAR}` placeholders and no secret. Rasa
replaces `${VAR}` when it reads the file, and refuses to start when a variable is unset. So the
servers are started with a filtered copy:

- a channel with no placeholder (rest, socketio) is kept as it is;
- a platform is kept only when every variable it *needs* (`${VAR}`) is set and not empty;
  otherwise it is left out: the platform is off;
- `${VAR:-default}` is an optional setting: `${VAR}` when VAR is set, else the default text
  (the setting is dropped when the default is empty).

The copy keeps the `${VAR}` placeholders, so no secret is ever written to disk; Rasa fills them
in from the same environment.

    python -m bot.channels.credentials OUT [--source credentials.yml]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Set, Tuple

import yaml

from bot.config import REPO_ROOT

SOURCE = REPO_ROOT / "credentials.yml"
_PLACEHOLDER = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")


@dataclass
class Platform:
    name: str
    required: List[str]
    optional: List[str]
    missing: List[str] = field(default_factory=list)

    @property
    def enabled(self) -> bool:
        return not self.missing


def _is_set(env: Mapping[str, str], name: str) -> bool:
    return bool(env.get(name, "").strip())


def _strings(value: Any) -> List[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _variables(settings: Any) -> Tuple[List[str], List[str]]:
    required: List[str] = []
    optional: List[str] = []
    for text in _strings(settings):
        for match in _PLACEHOLDER.finditer(text):
            target = optional if match.group(2) is not None else required
            if match.group(1) not in target:
                target.append(match.group(1))
    return required, optional


def _resolve(value: Any, env: Mapping[str, str]) -> Any:
    """Optional placeholders resolved (kept as `${VAR}` when set, else the default)."""
    if isinstance(value, str):

        def one(match: "re.Match[str]") -> str:
            name, default = match.group(1), match.group(2)
            if default is None or _is_set(env, name):
                return "${%s}" % name
            return default

        return _PLACEHOLDER.sub(one, value)
    if isinstance(value, Mapping):
        resolved = {k: _resolve(v, env) for k, v in value.items()}
        return {k: v for k, v in resolved.items() if v != ""}
    if isinstance(value, list):
        return [_resolve(v, env) for v in value]
    return value


def read_source(source: Path = SOURCE) -> Dict[str, Any]:
    data = yaml.safe_load(Path(source).read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{source}: expected a mapping of channel names to settings")
    return data


def platforms(source: Path = SOURCE, env: Optional[Mapping[str, str]] = None) -> List[Platform]:
    """Every channel in `source` that uses placeholders, with what is missing from `env`."""
    env = os.environ if env is None else env
    found = []
    for name, settings in read_source(source).items():
        required, optional = _variables(settings)
        if required or optional:
            missing = [v for v in required if not _is_set(env, v)]
            found.append(Platform(str(name), required, optional, missing))
    return found


def platform_variables(source: Path = SOURCE) -> Set[str]:
    """Every environment variable credentials.yml reads (required or optional)."""
    return {v for p in platforms(source, {}) for v in p.required + p.optional}


def filtered_credentials(source: Path = SOURCE, env: Optional[Mapping[str, str]] = None) -> Dict[str, Any]:
    env = os.environ if env is None else env
    kept: Dict[str, Any] = {}
    for name, settings in read_source(source).items():
        required, optional = _variables(settings)
        if not (required or optional):
            kept[name] = settings
        elif all(_is_set(env, v) for v in required):
            kept[name] = _resolve(settings, env)
    return kept


def write_filtered_credentials(
    out: Path, source: Path = SOURCE, env: Optional[Mapping[str, str]] = None
) -> List[Platform]:
    """Write the filtered copy to `out`; returns the platforms (on and off)."""
    env = os.environ if env is None else env
    out = Path(out)
    if out.resolve() == Path(source).resolve():
        raise ValueError("the filtered copy must not overwrite the source")
    out.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(filtered_credentials(source, env), sort_keys=False, default_flow_style=False)
    header = (
        f"# Written by `python -m bot.channels.credentials` from {Path(source).name}: only the\n"
        "# platforms whose environment variables are set. Do not edit; holds no secret.\n"
    )
    out.write_text(header + text, encoding="utf-8")
    return platforms(source, env)


def summary(found: List[Platform]) -> str:
    if not found:
        return "Messaging platforms: none configured."
    lines = ["Messaging platforms:"]
    for platform in found:
        short = platform.name.rsplit(".", 1)[-1]
        state = "on" if platform.enabled else "off (not set: " + ", ".join(platform.missing) + ")"
        lines.append(f"  {short}: {state}")
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.channels.credentials",
        description="Write a copy of credentials.yml keeping only the messaging platforms "
        "whose environment variables are all set.",
    )
    parser.add_argument("out", type=Path, help="where to write the copy (e.g. var/run/credentials.yml)")
    parser.add_argument("--source", type=Path, default=SOURCE, help="the credentials file (default: %(default)s)")
    parser.add_argument("--quiet", action="store_true", help="do not print which platforms are on")
    args = parser.parse_args(argv)
    try:
        found = write_filtered_credentials(args.out, args.source)
    except (OSError, ValueError, yaml.YAMLError) as error:
        print(f"Cannot write the credentials file: {error}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(summary(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
