"""Running our Rasa NLU components as Rasa does, for their tests: real tokenizer and featurizer."""

from __future__ import annotations

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

from components.meaning_featurizer import MeaningFeaturizer


def context(name: str) -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), node_name=name)


def prepare(messages: list[Message]) -> MeaningFeaturizer:
    """Tokens and meaning vectors on the messages, as the pipeline before a classifier gives."""
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process(messages)
    featurizer = MeaningFeaturizer.create(MeaningFeaturizer.get_default_config(), None, None, context("meaning"))
    featurizer.process(messages)
    return featurizer
