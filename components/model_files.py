"""Saving and loading a WordsAndMeaningModel in Rasa's model storage, for the components that use one."""
from __future__ import annotations

import logging
from typing import Any, Dict, Optional, Text
from zipfile import BadZipFile

from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

from components.words_and_meaning import WordsAndMeaningModel

logger = logging.getLogger(__name__)


def save_model(model: WordsAndMeaningModel, model_storage: ModelStorage, resource: Resource, file_name: Text) -> None:
    with model_storage.write_to(resource) as directory:
        model.save(directory / file_name)


def load_saved_model(config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                     file_name: Text) -> Optional[WordsAndMeaningModel]:
    """The saved model, or None (logged) when it is missing, damaged or holds unexpected types.

    As Rasa's own classifiers do, a component without its model still loads and leaves
    messages to the fallback, rather than the server failing to start.
    """
    try:
        with model_storage.read_from(resource) as directory:
            return WordsAndMeaningModel.load(config, directory / file_name)
    except (ValueError, KeyError, OSError, BadZipFile) as error:
        logger.error(f"{resource.name}: the saved model could not be loaded ({error!r}); it will not be used.")
        return None
