"""What a follow-up question means and what answers it, decided without Rasa: the trials a list left in
view, and which of them a question is about."""
