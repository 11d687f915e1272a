"""The profile read from a conversation's turns, one message after another (bot/profile/read.update)."""

from __future__ import annotations

from bot.profile.model import Profile
from bot.profile.read import update


def read_turns(*turns: str) -> Profile:
    profile = Profile()
    for turn in turns:
        profile = update(profile, turn)
    return profile
