#!/usr/bin/env bash
# Create .venv-load with the load-test tool (Locust) from requirements-load.lock, apart from
# .venv: Locust's dependencies (gevent, Flask, newer socketio) must not disturb Rasa's pins.
# Any Python 3.9+ will do (LOAD_PYTHON, else python3 on the PATH). Idempotent: does nothing
# when the venv already matches the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

python_bin=${LOAD_PYTHON:-$(command -v python3 || true)}
if [ -z "$python_bin" ] || ! "$python_bin" -c 'import sys; assert sys.version_info >= (3, 9)' 2>/dev/null; then
  echo "Python 3.9 or newer is needed for the load test (set LOAD_PYTHON=/path/to/python3)." >&2
  exit 1
fi

if [ -x .venv-load/bin/python ] && ! .venv-load/bin/python -c 'import sys' 2>/dev/null; then
  echo "The existing .venv-load is broken: making a new one."
  rm -rf .venv-load
fi
if [ ! -x .venv-load/bin/python ]; then
  echo "Creating .venv-load with $python_bin"
  "$python_bin" -m venv .venv-load
fi

stamp=.venv-load/.installed-lock
want=$(sha256sum requirements-load.lock | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "Installing the load-test tool (Locust) into .venv-load..."
.venv-load/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==24.0"
.venv-load/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-load.lock
echo "$want" > "$stamp"
echo "Load-test tool installed."
