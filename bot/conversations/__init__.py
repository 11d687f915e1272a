"""Stored conversations (Rasa's SQL tracker store): retention."""
