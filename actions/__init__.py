"""Rasa custom actions: thin adapters from the tracker to bot.* and back to the chat."""

from actions.warmup import warm_up

# The action server imports this package once, at start-up.
warm_up()
