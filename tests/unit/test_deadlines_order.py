"""The deadlines dashboard's tables (console/deadlines.py): cases alike share one clock and their
rows are merged, which must list and count exactly what computing every case's clock and
sorting every open step would."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from console.deadlines import _open_steps
from storage.repositories.reviews import CasesAlike
from storage.tables import ApplicationStatus
from trigger.clock import CaseEvents, DecisionOutcome, case_clock
from trigger.profiles import load_profiles

PROFILES = load_profiles()
AREAS = sorted(PROFILES)[:3]
TODAY = date(2026, 12, 7)

_case = st.tuples(
    st.sampled_from(AREAS),
    st.booleans(),  # at risk
    st.integers(min_value=0, max_value=40),  # received this many days before today
    st.sampled_from([None, *DecisionOutcome]),
)


def _events(days_ago: int, outcome: DecisionOutcome | None) -> CaseEvents:
    received = TODAY - timedelta(days=days_ago)
    if outcome is None:
        return CaseEvents(received=received)
    return CaseEvents(received=received, decided=received + timedelta(days=2), outcome=outcome)


@settings(max_examples=60, deadline=None)
@given(cases=st.lists(_case, max_size=40), limit=st.integers(min_value=1, max_value=12))
def test_merged_groups_show_and_count_what_sorting_every_case_would(
    cases: list[tuple[str, bool, int, DecisionOutcome | None]], limit: int
) -> None:
    groups: dict[tuple[object, ...], CasesAlike] = {}
    expected: dict[bool, list[tuple[date, bool, int, str]]] = {True: [], False: []}
    for number, (area, at_risk, days_ago, outcome) in enumerate(cases, start=1):
        events = _events(days_ago, outcome)
        key = (area, at_risk, events.key())
        group = groups.setdefault(
            key, CasesAlike(area, ApplicationStatus.READY, at_risk, events, [])
        )
        group.ids.append(number)
        for step in case_clock(events, PROFILES[area], TODAY):
            if step.open:
                assert step.due is not None
                expected[step.pressing].append((step.due, not at_risk, number, step.id))
    pressing, later = _open_steps(PROFILES, list(groups.values()), TODAY)
    for table, rows in ((pressing, expected[True]), (later, expected[False])):
        assert table.count == len(rows)
        shown = [
            (row.step.due, not row.urgent, row.case.id, row.step.id) for row in table.shown(limit)
        ]
        assert shown == sorted(rows)[:limit]
        assert all(row.reference == f"CT-{row.case.id:06d}" for row in table.shown(limit))
