"""The modules our server processes run with `python -m`. They start Rasa or the action server,
so they live on the Rasa side (components/server/): bot/ names them here and never imports them."""

from __future__ import annotations

RASA_SERVER = "components.server.rasa_server"
ACTION_SERVER = "components.server.action_server"
