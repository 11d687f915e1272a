"""TrialStore.get_many: the same trials as `get` one by one, in the order asked, unknown ids left out."""

from __future__ import annotations

from bot.trials.store import TrialStore


def test_get_many_matches_get_in_order(store: TrialStore) -> None:
    ids = ["NCT03972488", "nct07273409 ", "NCT99999999", "NCT03049189", "NCT03972488"]
    many = store.get_many(ids)
    assert [t.nct_id for t in many] == ["NCT03972488", "NCT07273409", "NCT03049189"]
    assert many == [store.get(t.nct_id) for t in many]
    assert store.get_many([]) == []
