"""Load at start-up what the actions would otherwise load on their first call (the contacts
book, the eligibility glossary, the single facts' index, the trial store and its lexicon, the
gazetteer for "near X": about 5 s in all), so the first person to ask does not wait for it."""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError

from actions.store import trial_store
from bot.contacts.book import default_contacts
from bot.eligibility.glossary import default_replacer
from bot.geo import preload as preload_gazetteer
from bot.knowledge.facts import default_index

logger = logging.getLogger(__name__)


def warm_up() -> None:
    default_contacts()
    default_replacer()
    default_index()
    preload_gazetteer()
    try:
        trial_store().count()
    except SQLAlchemyError:
        # The database may be down at start-up; actions then say search is unavailable and
        # the store reconnects by itself when it is back.
        logger.warning("Trial database not reachable at start-up")
