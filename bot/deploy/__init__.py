"""The production set-up: PostgreSQL, Redis, the action server, several Rasa instances and
nginx in front of them (`python -m bot prod up`; docs/deployment.md)."""
