"""NET Trials Assistant core: plain Python. Rasa is imported only by the server start-up in bot/deploy/ and the
Rasa-side channel classes in bot/channels/, which are to move out (docs/architecture.md)."""
