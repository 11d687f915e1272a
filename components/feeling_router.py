"""FeelingRouter: a question of fact asked with fear or worry ("what do they take out in a
whipple? we're both in bits") is answered by action_answer_personal_question, which gives the
same knowledge answer after a sentence that acknowledges the feeling. Urgent messages are the
SafetyNet's, which runs after this and wins.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.personal.feelings import shows_feeling
from components.safety_net import ADVICE_INTENT, override_intent

ROUTED_FROM = {"knowledge"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class FeelingRouter(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "FeelingRouter":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if (message.get(INTENT) or {}).get("name") in ROUTED_FROM and shows_feeling(message.get(TEXT)):
                override_intent(message, ADVICE_INTENT)
        return messages
