"""Load at start-up what the actions would otherwise load on their first call (the contacts
book, the eligibility glossary, the single facts' index, the facts compared side by side, the
trial store and its vocabulary, the points no fact covers, the gazetteer for "near X": about 7 s in all), so the first
person to ask does not wait for it. The action server runs this once, before it forks its
workers, so they all start warm and share it."""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError

from actions.store import trial_store
from bot.contacts.book import default_contacts
from bot.eligibility.glossary import default_replacer
from bot.geo import preload as preload_gazetteer
from bot.knowledge.facts import default_index
from bot.knowledge.not_held import not_held
from bot.knowledge.side_facts import facts_about
from bot.trials.lookup import vocabulary_for

logger = logging.getLogger(__name__)


def warm_up() -> None:
    default_contacts()
    default_replacer()
    default_index()
    facts_about("surgery")  # builds the index of facts that compare answers use (about 2 s)
    not_held("can I drive after PRRT?")  # the words each treatment's facts hold (about 1.8 s on first use)
    preload_gazetteer()
    try:
        vocabulary_for(trial_store())  # the trial names and places a message may mention
    except SQLAlchemyError:
        # The database may be down at start-up; actions then say search is unavailable and
        # the store reconnects by itself when it is back.
        logger.warning("Trial database not reachable at start-up")
