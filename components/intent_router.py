"""IntentRouter: the shape shared by the NLU components that move a message to another intent
after the classifier (trial_names.py, followup_router.py, feeling_router.py): each says only
where a message goes, or None to leave it."""

from __future__ import annotations

from abc import abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.safety_net import override_intent


class IntentRouter(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "IntentRouter":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            target = self.route(message)
            if target:
                override_intent(message, target)
        return messages

    @abstractmethod
    def route(self, message: Message) -> Optional[str]:
        """The intent the message should have instead, or None."""
