"""Messaging platforms. Mostly plain Python; the Rasa input channels here (socketio_input,
rest_input, socket_events, forget_conversation) import Rasa and are to move to components/.

- `replies`: a bot message (Rasa's dict) as a `Reply` (text + buttons).
- `split`: long text cut at paragraph, line, sentence or word boundaries.
- `limits`: each platform's documented message limits.
- `options`: numbered options for SMS/WhatsApp, and the memory that turns "2" into a payload.
- `telegram`, `slack`, `messenger`, `sms`: a reply as that platform's API request bodies.
- `credentials`: writes the copy of credentials.yml that keeps only the platforms whose
  environment variables are set (`python -m bot.channels.credentials OUT`).
- `origins`: the exact origins a browser may call from (CORS_ORIGINS), never patterns.
- `address`: a client's address for per-address limits (X-Forwarded-For only from our proxy).
- `socket_events`: a socket.io event read with the REST webhook's rules.
- `session_tokens`: website conversation ids and their signed tokens (CHAT_SESSION_SECRET,
  CHAT_HISTORY_DAYS); a conversation is opened only with its token.

The Rasa connectors that use these are in `components/channels/`, except the website's
socket.io channel, `socketio_input` (it reuses the REST webhook's rules from there), the REST
webhook that opens a website conversation only with its token, `rest_input`, and
`forget_conversation`, which deletes a conversation from Rasa's tracker store ("Clear this chat").
"""
