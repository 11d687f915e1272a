"""Helplines, emergency numbers and specialist centres from data/contacts.yml (verified)."""
