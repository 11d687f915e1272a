"""Messaging platforms, the plain-Python half: no Rasa import here.

- `replies`: a bot message (Rasa's dict) as a `Reply` (text + buttons).
- `split`: long text cut at paragraph, line, sentence or word boundaries.
- `limits`: each platform's documented message limits.
- `options`: numbered options for SMS/WhatsApp, and the memory that turns "2" into a payload.
- `telegram`, `slack`, `messenger`, `sms`: a reply as that platform's API request bodies.
- `credentials`: writes the copy of credentials.yml that keeps only the platforms whose
  environment variables are set (`python -m bot.channels.credentials OUT`).

The Rasa connectors that use these are in `components/channels/`.
"""
