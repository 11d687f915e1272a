"""`python -m tests.server_launcher`: runs one embedded set-up (bot/deploy/embedded.py) for the
test session's server pool (tests/server_pool.py), in its own process so that no test's
changes to os.environ reach the servers whichever test is running when they start.

Reads one JSON line from stdin: model, database_url, run_dir, extra_env, enable_api and
niceness (10 when it starts ahead, so that the tests running meanwhile keep their core). Puts
its servers back to normal priority once they answer, prints {"url": ...} (or {"error": ...})
as one line, and stops the servers when stdin closes."""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

from bot.deploy.embedded import running_embedded


def descendants(root: int) -> list[int]:
    """Every process below `root` (from /proc: the tests run on Linux)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def back_to_normal_priority(pids: list[int]) -> None:
    """Every thread of `pids` at niceness 0, where allowed (raising priority needs privilege;
    without it the servers keep the lower one, which only matters on a busy machine)."""
    for pid in pids:
        try:
            threads = [int(name) for name in os.listdir(f"/proc/{pid}/task")]
        except OSError:
            continue
        for thread in threads:
            try:
                os.setpriority(os.PRIO_PROCESS, thread, 0)
            except OSError:
                return


def main() -> None:
    request = json.loads(sys.stdin.readline())
    os.nice(request["niceness"])
    try:
        with running_embedded(
            Path(request["model"]),
            request["database_url"],
            Path(request["run_dir"]),
            extra_env=request["extra_env"],
            enable_api=request["enable_api"],
        ) as url:
            back_to_normal_priority([os.getpid(), *descendants(os.getpid())])
            print(json.dumps({"url": url}), flush=True)
            sys.stdin.read()  # until the pool closes the pipe
    except Exception:  # noqa: BLE001 - the pool shows it as the fixture's error
        print(json.dumps({"error": traceback.format_exc()}), flush=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
