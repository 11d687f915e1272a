"""`python -m bot prod up`: the whole production stack on this machine, in the foreground."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading

from bot.deploy.processes import StartError
from bot.deploy.settings import ProductionSettings


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    group = subparsers.add_parser("prod", help="the production set-up (PostgreSQL, Redis, nginx, two Rasa instances)")
    commands = group.add_subparsers(title="prod commands")
    p = commands.add_parser(
        "up",
        help="start everything and keep it running until Ctrl-C",
        description="Starts the action server, RASA_INSTANCES Rasa servers (default 2) sharing the PostgreSQL "
        "tracker store (TRACKER_STORE_URL) and Redis locks (REDIS_URL), nginx on PUBLIC_PORT (default 8000) "
        "and the website page on 8080. Settings come from environment variables: docs/deployment.md.",
    )
    p.add_argument(
        "--web-port",
        type=int,
        default=int(os.environ.get("WEB_PORT", "8080")),
        help="port of the website chat page (0: do not start it)",
    )
    p.set_defaults(handler=cmd_up)


def cmd_up(args: argparse.Namespace) -> int:
    from bot.deploy.stack import ProductionStack, ServiceMissing
    from bot.modelcache import model_path

    try:
        settings = ProductionSettings.from_env()
    except ValueError as error:
        print(f"Bad setting: {error}", file=sys.stderr)
        return 2
    model = model_path()
    if not model.exists():
        print("No trained model for the current data: run `make model` first.", file=sys.stderr)
        return 2
    stack = ProductionStack(settings, model, web_port=args.web_port or None)
    token_file = settings.run_dir / "rasa-auth-token"
    print(
        f"Starting {settings.rasa_instances} Rasa instances, the action server, nginx"
        f"{' and the web page' if args.web_port else ''} (logs in {settings.run_dir})...",
        flush=True,
    )
    try:
        stack.start()
    except (ServiceMissing, StartError) as error:
        print(f"Could not start: {error}", file=sys.stderr)
        return 1
    settings.run_dir.mkdir(parents=True, exist_ok=True)
    token_file.touch(mode=0o600)
    token_file.write_text(settings.rasa_auth_token + "\n")
    print(f"\nRunning. Public address (nginx): {stack.public_url}")
    print(f'  REST: curl -s -XPOST {stack.public_url}/webhooks/rest/webhook -d \'{{"sender":"me","message":"hello"}}\'')
    if args.web_port:
        print(f"  Website chat: http://{settings.public_host}:{args.web_port}/")
    print(
        f"  Rasa HTTP API: needs ?token=... ({'RASA_AUTH_TOKEN' if os.environ.get('RASA_AUTH_TOKEN') else f'made for this run, in {token_file}'})"
    )
    print("Press Ctrl-C to stop.", flush=True)
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    try:
        while not stopping.wait(1):
            dead = [p.name for p in stack.processes if not p.alive()]
            if dead:
                print(
                    f"{', '.join(dead)} stopped unexpectedly; stopping the rest. Logs: {settings.run_dir}",
                    file=sys.stderr,
                )
                stack.stop()
                return 1
    except KeyboardInterrupt:
        pass
    print("\nStopping...", flush=True)
    stack.stop()
    print("Stopped.")
    return 0
