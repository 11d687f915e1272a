#!/usr/bin/env bash
# Start the action server (port 5055), the Rasa server (port 5005, REST and socket.io) and the
# website chat page (port 8080) on localhost, wait until all answer, and stop them cleanly on
# Ctrl-C or SIGTERM. Works with no terminal attached: `make run > run.log 2>&1 &`, stop it with `kill`.
# The action server is the guarded one (components/server/action_server.py): on 127.0.0.1 only, and it
# runs actions only for a caller with ACTION_SERVER_TOKEN (a fresh one each run unless set),
# which only the Rasa server is given. Browsers may call Rasa only from the page's own origins.
set -uo pipefail
cd "$(dirname "$0")/.."

ACTIONS_PORT=${ACTIONS_PORT:-5055}
RASA_PORT=${RASA_PORT:-5005}
WEB_PORT=${WEB_PORT:-8080}
HOST=${HOST:-127.0.0.1}
RUN_DIR=${RUN_DIR:-var/run}
mkdir -p "$RUN_DIR"
export TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
model=${MODEL:-$(.venv/bin/python -m bot model path)}
ACTIONS_HOST=127.0.0.1
ACTION_SERVER_TOKEN=${ACTION_SERVER_TOKEN:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(24))')}
export ACTION_SERVER_TOKEN

pids=()
stop() {
  trap - INT TERM
  echo
  echo "Stopping the assistant..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  echo "Stopped."
  exit "${1:-0}"
}
trap 'stop 0' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
for address in "$ACTIONS_HOST:$ACTIONS_PORT" "$HOST:$RASA_PORT" "$HOST:$WEB_PORT"; do
  if ! port_free "${address%:*}" "${address##*:}"; then
    echo "Port ${address##*:} on ${address%:*} is already in use: is the assistant already running?" >&2
    exit 1
  fi
done

# endpoints.yml names the default action server; follow ACTIONS_PORT, and send the token (Rasa
# fills in ${ACTION_SERVER_TOKEN} from its environment, so the file holds no secret).
endpoints="$RUN_DIR/endpoints.yml"
sed -e "s#localhost:5055/#$ACTIONS_HOST:$ACTIONS_PORT/#" \
    -e '/^action_endpoint:/a\  token: ${ACTION_SERVER_TOKEN}' endpoints.yml > "$endpoints"
# Only the messaging platforms whose environment variables are set (README: Messaging platforms).
credentials="$RUN_DIR/credentials.yml"
.venv/bin/python -m bot.channels.credentials "$credentials" || exit 1

.venv/bin/python -m components.server.action_server --host "$ACTIONS_HOST" --port "$ACTIONS_PORT" \
  >"$RUN_DIR/actions.log" 2>&1 </dev/null &
pids+=($!)
.venv/bin/python -m components.server.rasa_server run --model "$model" --interface "$HOST" --port "$RASA_PORT" \
  --credentials "$credentials" --endpoints "$endpoints" --cors "http://$HOST:$WEB_PORT" "http://localhost:$WEB_PORT" \
  >"$RUN_DIR/rasa.log" 2>&1 </dev/null &
pids+=($!)

RASA_PUBLIC_URL=${RASA_PUBLIC_URL:-http://$HOST:$RASA_PORT} \
  .venv/bin/python -m bot serve --host "$HOST" --port "$WEB_PORT" >"$RUN_DIR/web.log" 2>&1 </dev/null &
pids+=($!)

echo "Starting the action server (port $ACTIONS_PORT), the Rasa server (port $RASA_PORT) and the web page (port $WEB_PORT)..."
echo "Logs: $RUN_DIR/actions.log, $RUN_DIR/rasa.log and $RUN_DIR/web.log"
for _ in $(seq 1 180); do
  for pid in "${pids[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "A server stopped while starting. Last lines of the logs:" >&2
      tail -n 20 "$RUN_DIR/actions.log" "$RUN_DIR/rasa.log" "$RUN_DIR/web.log" >&2
      stop 1
    fi
  done
  if curl -fsS "http://$HOST:$RASA_PORT/" >/dev/null 2>&1 \
     && curl -fsS "http://$ACTIONS_HOST:$ACTIONS_PORT/health" >/dev/null 2>&1 \
     && curl -fsS "http://$HOST:$WEB_PORT/health" >/dev/null 2>&1; then
    cat <<MSG

The NET Trials Assistant is running.
  Website chat: http://$HOST:$WEB_PORT/
  REST:      curl -s -XPOST http://$HOST:$RASA_PORT/webhooks/rest/webhook -d '{"sender":"me","message":"hello"}'
  socket.io: http://$HOST:$RASA_PORT/socket.io (for the website widget)
  Terminal chat: make shell (in another terminal)
Press Ctrl-C to stop.
MSG
    break
  fi
  sleep 1
done

# Wait until a server stops by itself (then stop the other) or we are told to stop.
while true; do
  for pid in "${pids[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "A server stopped unexpectedly; see $RUN_DIR." >&2
      stop 1
    fi
  done
  sleep 1 &
  wait $! 2>/dev/null
done
