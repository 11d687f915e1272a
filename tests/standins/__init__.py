"""Local stand-ins for the messaging platforms, for tests only (127.0.0.1, never the real thing).

For each platform, two halves:
- the platform's API (`TelegramAPI`, `SlackAPI`, `TwilioAPI`, `GraphAPI`): an HTTP server that
  records what the connectors send, checks it against the platform's documented formats and
  limits (a call that breaks them is answered with the platform's error and kept in
  `rejected()`), and answers like the platform;
- the platform's webhook requests: builders of the bodies and headers the platform sends (in
  the format its documentation shows), signed the way the platform signs them.
"""

from tests.standins.facebook import GraphAPI
from tests.standins.server import Call, StandIn
from tests.standins.slack import SlackAPI
from tests.standins.telegram import TelegramAPI
from tests.standins.twilio import TwilioAPI

__all__ = ["Call", "GraphAPI", "SlackAPI", "StandIn", "TelegramAPI", "TwilioAPI"]
