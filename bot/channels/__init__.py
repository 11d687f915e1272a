"""Messaging platforms, the plain-Python half: formatting, limits and guards. Nothing here
imports Rasa or Sanic (tests/test_layers.py); the Rasa connectors that use these are in
`components/channels/`.

- `replies`: a bot message (Rasa's dict) as a `Reply` (text + buttons).
- `split`: long text cut at paragraph, line, sentence or word boundaries.
- `limits`: each platform's documented message limits.
- `options`: numbered options for SMS/WhatsApp, and the memory that turns "2" into a payload.
- `telegram`, `slack`, `messenger`, `sms`: a reply as that platform's API request bodies.
- `credentials`: writes the copy of credentials.yml that keeps only the platforms whose
  environment variables are set (`python -m bot.channels.credentials OUT`).
- `origins`: the exact origins a browser may call from (CORS_ORIGINS), never patterns.
- `address`: a client's address for per-address limits (X-Forwarded-For only from our proxy).
- `quiet_logger`: engine.io and socket.io failures logged as one line, no traceback.
- `session_tokens`: website conversation ids and their signed tokens (CHAT_SESSION_SECRET,
  CHAT_HISTORY_DAYS); a conversation is opened only with its token.
- `platform_ids`: the forms of the platforms' conversation ids, which a REST sender id may not
  take (so REST cannot create a Telegram, Messenger or Slack user's conversation ahead of them).
"""
