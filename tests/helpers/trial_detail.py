"""A made-up trial record for tests that read one trial without a database."""

from __future__ import annotations

from typing import Any

from bot.trials.query import TrialDetail


def trial(**fields: Any) -> TrialDetail:
    """A recruiting phase 3 trial for ages 18 to 75 with nothing else filled in; `fields` override."""
    base = dict(
        nct_id="NCT01000001",
        title="A trial",
        official_title=None,
        acronym=None,
        status="RECRUITING",
        phases=("PHASE3",),
        study_type="INTERVENTIONAL",
        start_date="2024-01",
        completion_date="2028-06",
        last_updated=None,
        enrollment=300,
        sponsor="Example University",
        summary=None,
        description=None,
        conditions=(),
        keywords=(),
        interventions=(),
        criteria=None,
        min_age_years=18.0,
        max_age_years=75.0,
        sex="ALL",
        healthy_volunteers=None,
        sites=(),
        contacts=(),
    )
    return TrialDetail(**{**base, **fields})
