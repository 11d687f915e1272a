"""Our RulePolicy and MemoizationPolicy (components/recent_policies.py) predict exactly what
Rasa's do, trained once on the project's rules and stories and loaded into both classes."""

from __future__ import annotations

from typing import Any, Iterator, List, Tuple

import pytest
from rasa.core.policies.memoization import MemoizationPolicy as RasaMemoization
from rasa.core.policies.rule_policy import RulePolicy as RasaRules
from rasa.core.training import load_data
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_SESSION_START_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.importers.importer import TrainingDataImporter

from bot.config import REPO_ROOT
from components import recent_policies
from components.recent_policies import MemoizationPolicy, RulePolicy

RULES_CONFIG = {
    "core_fallback_threshold": 0.3,
    "core_fallback_action_name": "action_default_fallback",
    "enable_fallback_prediction": True,
}


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(REPO_ROOT / "domain.yml"))


@pytest.fixture(scope="module")
def trackers(domain: Domain) -> List[Any]:
    importer = TrainingDataImporter.load_from_dict(
        domain_path=str(REPO_ROOT / "domain.yml"),
        training_data_paths=[str(REPO_ROOT / "data" / "rules"), str(REPO_ROOT / "data" / "stories")],
    )
    return load_data(importer, domain, augmentation_factor=0)


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory, domain: Domain, trackers: List[Any]) -> Iterator[Tuple]:
    storage = LocalModelStorage(tmp_path_factory.mktemp("policies"))
    context = ExecutionContext(GraphSchema({}), "test")
    pairs = []
    for ours, rasas, config, name in (
        (RulePolicy, RasaRules, RULES_CONFIG, "rules"),
        (MemoizationPolicy, RasaMemoization, {}, "memo"),
    ):
        resource = Resource(name)
        full = {**rasas.get_default_config(), **config}
        rasas.create(full, storage, resource, context).train(trackers, domain)
        pairs.append((ours.load(full, storage, resource, context), rasas.load(full, storage, resource, context)))
    yield pairs


def predictions_along(events: List[Any], sender: str, domain: Domain) -> Iterator[DialogueStateTracker]:
    """The conversation as it stands before each of its actions, as a server would hold it."""
    for index, event in enumerate(events):
        if isinstance(event, ActionExecuted) and index:
            yield DialogueStateTracker.from_events(sender, events[:index], domain.slots)


def stories(trackers: List[Any]) -> List[List[Any]]:
    return [list(tracker.events) for tracker in trackers if not tracker.is_rule_tracker]


def long_conversations(trackers: List[Any]) -> Iterator[List[Any]]:
    """Stories told one after another in one session: longer than anything memorised."""
    told = stories(trackers)
    for first in range(0, len(told) - 3, 3):
        events = []
        for story in told[first : first + 4]:
            events += [
                e
                for e in story
                if not isinstance(e, SessionStarted) and getattr(e, "action_name", "") != ACTION_SESSION_START_NAME
            ]
        yield events


def assert_the_same(trained: List[Tuple], conversations: Iterator[List[Any]], domain: Domain) -> int:
    recent_policies.STATES.clear()
    rule_only_data = trained[0][1]._get_rule_only_data()
    compared = 0
    for number, events in enumerate(conversations):
        for partial in predictions_along(events, f"conversation {number}", domain):
            for ours, rasas in trained:
                mine = ours.predict_action_probabilities(partial, domain, rule_only_data=rule_only_data)
                theirs = rasas.predict_action_probabilities(partial, domain, rule_only_data=rule_only_data)
                assert (mine.probabilities, mine.events, mine.hide_rule_turn, mine.policy_name) == (
                    theirs.probabilities,
                    theirs.events,
                    theirs.hide_rule_turn,
                    theirs.policy_name,
                )
                compared += 1
    return compared


def test_the_same_predictions_as_rasas_policies(trained: List[Tuple], trackers: List[Any], domain: Domain) -> None:
    assert assert_the_same(trained, iter(stories(trackers)), domain) > 100


def test_the_same_predictions_in_conversations_longer_than_any_story(
    trained: List[Tuple], trackers: List[Any], domain: Domain
) -> None:
    longest = trained[1][0]._longest_memory
    conversations = list(long_conversations(trackers))
    assert any(sum(isinstance(e, ActionExecuted) for e in events) > longest + 2 for events in conversations)
    assert assert_the_same(trained, iter(conversations), domain) > 100


def test_each_policy_reads_only_the_latest_states_it_can_use(trained: List[Tuple]) -> None:
    rules, memoization = trained[0][0], trained[1][0]
    assert 2 <= rules._states_read() < 20
    # Memoization has no max_history here: its memories are whole conversations so far.
    assert RasaMemoization.get_default_config()["max_history"] is None
    assert 2 <= memoization._longest_memory < 100
    assert memoization._states_read() == memoization._longest_memory + 1
