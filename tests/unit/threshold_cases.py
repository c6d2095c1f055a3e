"""Drafts and incidents for the threshold tests, written as the rules page writes them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from trigger.draft import DateRange, Draft, Incident
from trigger.profiles import Profile, get_profile
from trigger.threshold import (
    Explainer,
    IncidentRef,
    Outcome,
    Reason,
    ReasonCode,
    ThresholdDecision,
    decide,
)
from trigger.vocabulary import Agency, Exclusion, HateStrand, RiskFlag

LONDON = ZoneInfo("Europe/London")


def d(text: str) -> date:
    return date.fromisoformat(text)


def incident(
    day: str | None = None,
    on: str | None = None,
    *,
    end: str | None = None,
    reported: bool | None = True,
    agencies: Sequence[str] = ("police",),
    strands: Sequence[str] = (),
) -> Incident:
    """An incident on ``day`` (to ``end`` for a range) reported on ``on``."""
    start = d(day) if day else None
    return Incident(
        occurred=DateRange(start=start, end=d(end) if end else start),
        reported=reported,
        reported_on=d(on) if on else None,
        agencies=[Agency(a) for a in agencies] if reported is not False else [],
        hate_strands=[HateStrand(s) for s in strands],
    )


def draft(
    application: str,
    *incidents: Incident,
    community: int | None = None,
    exclusions: Sequence[str] = (),
    risks: Sequence[str] = (),
    strands: Sequence[str] = (),
) -> Draft:
    received = datetime.combine(d(application), time(12, 0), tzinfo=LONDON)
    return Draft(
        received_at=received,
        incidents=list(incidents),
        community_reporters=community,
        exclusions=[Exclusion(e) for e in exclusions],
        risk_flags=[RiskFlag(r) for r in risks],
        hate_strands=[HateStrand(s) for s in strands],
    )


def check(policy: str, case: Draft) -> ThresholdDecision:
    return decide(case, get_profile(policy))


def outcome_of(policy: str, application: str, item: Incident) -> Outcome:
    return check(policy, draft(application, item)).assessments[0].outcome


def codes(reasons: Sequence[Reason]) -> list[tuple[ReasonCode, int | None]]:
    """Each reason's code and the index of the incident it is about."""
    return [(r.code, r.incident.index if r.incident else None) for r in reasons]


def ref(index: int, day: str | None, end: str | None = None) -> IncidentRef:
    start = d(day) if day else None
    return IncidentRef(index, start, d(end) if end else start)


THREE_QUALIFYING = (
    incident("2026-08-31", "2026-08-31"),
    incident("2026-09-08", "2026-09-09", agencies=("council",)),
    incident("2026-09-13", "2026-09-13"),
)


def walk(reasons: Sequence[Reason]) -> Iterator[Reason]:
    """Every reason and, after it, the reasons it is built from."""
    for reason in reasons:
        yield reason
        yield from walk(reason.details)


def every_reason(decision: ThresholdDecision) -> Iterator[Reason]:
    """The decision's reasons, route reasons, missing facts, conditions and changes."""
    yield from walk(decision.reasons)
    yield from walk([o.reason for o in decision.route_outcomes])
    yield from walk(decision.missing)
    yield from walk([a.condition for a in decision.assessments if a.condition is not None])
    yield from walk([m for a in decision.assessments for m in a.missing])
    yield from walk(decision.would_change)


def rendered(code: ReasonCode, policy: str | Profile, case: Draft) -> str:
    """The sentence the first reason with ``code`` in ``case``'s decision is written as."""
    profile = get_profile(policy) if isinstance(policy, str) else policy
    decision = decide(case, profile)
    reason = next(r for r in every_reason(decision) if r.code is code)
    return Explainer(profile, decision.application_date).text(reason)
