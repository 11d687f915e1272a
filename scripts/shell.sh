#!/usr/bin/env bash
# A chat in the terminal: starts the action server in the background and `rasa shell`.
set -uo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
mkdir -p var/run
.venv/bin/rasa run actions --actions actions --port "${ACTIONS_PORT:-5055}" >var/run/actions-shell.log 2>&1 </dev/null &
actions=$!
trap 'kill $actions 2>/dev/null; wait $actions 2>/dev/null' EXIT
.venv/bin/python -m bot.channels.credentials var/run/credentials-shell.yml --quiet || exit 1
.venv/bin/rasa shell --model "$(.venv/bin/python -m bot model path)" --endpoints endpoints.yml \
  --credentials var/run/credentials-shell.yml
