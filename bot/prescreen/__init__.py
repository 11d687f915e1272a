"""The pre-screen chat: a few answers about the person's NET, checked against open trials.

answers    free-text answers -> normalised slot values (and back into typed `Answers`)
candidates the open trials to check (in the person's country when they gave one)
checklist  one trial against the answers: "matches", "does not match", "ask your team"
places     where a trial runs, site by site
present    the questions, re-asks, acknowledgements and result messages in plain words
words      the small wording they share: a list in words, grades, countries, where a trial runs

Nothing here says who can join a trial: only the trial team can.
"""
