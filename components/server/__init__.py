"""The server processes' entry points: `python -m components.server.rasa_server` (Rasa, with our
fallbacks and without its version banners) and `python -m components.server.action_server`
(the token-guarded action server; it imports rasa_sdk and Sanic only, never Rasa)."""
