"""NET Trials Assistant core: plain Python, no Rasa imports (see docs/architecture.md)."""
