"""The Rasa side: our NLU components, the website's channel connectors (`components/channels/`)
and the servers' entry points (`components/server/`; only `server/action_server.py` runs on the
action server's machine)."""
