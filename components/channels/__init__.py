"""Rasa connectors for the messaging platforms, named in credentials.yml by module path.

Each subclasses Rasa's own connector where that helps and changes what the issue needs: request
signatures checked and refused with 4xx, replies rendered for the platform (bot/channels/), long
answers split within the platform's limit, the platform API URL configurable (local stand-ins in
the tests), and no stack trace ever returned to a caller.
"""
