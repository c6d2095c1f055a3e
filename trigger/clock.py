"""A case's statutory clock: every casework step with its due date, whether it is done, and
the working days left, from the case's events and its area's timescales.

A step starts with the event it runs from (threshold-rules.md, "Timescales") and is done when
the event that ends it is recorded: a letter produced, the SPOC's first contact, the meeting
held. A step whose starting event has not happened yet is *waiting*; one whose branch the
threshold decision ruled out (the not-met letter of an accepted case) is not on the clock at
all. The appeal window is a window, not a task: it is never overdue, and it is done (closed)
once its last day has passed. Pure: the events, the profile and today are given.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache

from trigger.profiles import Profile
from trigger.workdays import Timescale, due_date, working_days_between

#: Working days left at or under which an open step is "due soon".
DUE_SOON = 3


class DecisionOutcome(StrEnum):
    """The officers' threshold decision (as the console records it)."""

    MET = "met"
    DISCRETION = "discretion"
    NOT_MET = "not_met"

    @property
    def accepted(self) -> bool:
        """True when the case review goes ahead (met, or accepted on discretion)."""
        return self is not DecisionOutcome.NOT_MET


class LetterKind(StrEnum):
    """The letters whose production ends a step."""

    ACKNOWLEDGEMENT = "acknowledgement"
    DECISION = "decision"
    NEXT_STEPS = "next_steps"
    OUTCOME = "outcome"


@dataclass(frozen=True)
class CaseEvents:
    """What has happened to a case, as days in England (None: not yet)."""

    received: date
    decided: date | None = None
    outcome: DecisionOutcome | None = None
    #: The first day each letter was produced (or sent).
    letters: Mapping[LetterKind, date] = field(default_factory=dict)
    victim_contacted: date | None = None
    information_requested: date | None = None
    information_received: date | None = None
    meeting_planned: date | None = None
    meeting_held: date | None = None
    minutes_circulated: date | None = None
    action_plan_completed: date | None = None

    @property
    def accepted(self) -> date | None:
        """The day the threshold was confirmed met or accepted on discretion."""
        if self.outcome is not None and self.outcome.accepted:
            return self.decided
        return None

    def key(self) -> tuple[object, ...]:
        """The events as a hashable value: cases with equal keys have equal clocks."""
        return (
            self.received,
            self.decided,
            self.outcome,
            tuple(sorted(self.letters.items())),
            self.victim_contacted,
            self.information_requested,
            self.information_received,
            self.meeting_planned,
            self.meeting_held,
            self.minutes_circulated,
            self.action_plan_completed,
        )

    def letter(self, *kinds: LetterKind) -> date | None:
        """The first day any of ``kinds`` was produced."""
        days = [self.letters[kind] for kind in kinds if kind in self.letters]
        return min(days) if days else None


class StepState(StrEnum):
    """Where a step stands on a given day."""

    DONE = "done"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    DUE = "due"
    WAITING = "waiting"


@dataclass(frozen=True)
class Step:
    """One step of a case's clock."""

    timescale: Timescale
    #: The area's policy sets it (else: the default table).
    own: bool
    state: StepState
    #: The day its starting event happened, and its due day (None while waiting).
    started: date | None = None
    due: date | None = None
    done_on: date | None = None
    #: Working days from today to the due day (negative: overdue); None while waiting.
    working_days_left: int | None = None
    #: For the review meeting: the day it is planned for, if set.
    planned: date | None = None
    window: bool = False

    @property
    def id(self) -> str:
        """The step's id (``acknowledge``, ``review_meeting`` ...)."""
        return self.timescale.id

    @property
    def description(self) -> str:
        """What the step is, in words."""
        return self.timescale.description

    @property
    def open(self) -> bool:
        """Started and not done."""
        return self.state in (StepState.OVERDUE, StepState.DUE_SOON, StepState.DUE)

    @property
    def overdue(self) -> bool:
        """Past its due day and not done."""
        return self.state is StepState.OVERDUE

    @property
    def pressing(self) -> bool:
        """Overdue or due soon."""
        return self.state in (StepState.OVERDUE, StepState.DUE_SOON)


def _first(*days: date | None) -> date | None:
    """The earliest of ``days`` that happened (None: none has)."""
    happened = [day for day in days if day is not None]
    return min(happened) if happened else None


Start = Callable[[CaseEvents], date | None]
End = Callable[[CaseEvents], date | None]


@dataclass(frozen=True)
class _Rule:
    start: Start
    end: End
    #: The decision branch the step belongs to: True accepted only, False refused only.
    branch: bool | None = None
    window: bool = False


# What starts and what ends each step of the case clock. Steps of the table not named here
# (the escalations of overdue actions) run per action, not per case, and are not on it.
RULES: dict[str, _Rule] = {
    # A decision letter also answers the application: the acknowledgement is then moot.
    "acknowledge": _Rule(
        lambda e: e.received,
        lambda e: e.letter(LetterKind.ACKNOWLEDGEMENT, LetterKind.DECISION),
    ),
    "not_met_letter": _Rule(
        lambda e: e.decided, lambda e: e.letter(LetterKind.DECISION), branch=False
    ),
    "next_steps_letter": _Rule(
        lambda e: e.accepted, lambda e: e.letter(LetterKind.NEXT_STEPS), branch=True
    ),
    "spoc_contact": _Rule(lambda e: e.accepted, lambda e: e.victim_contacted, branch=True),
    # Done when the partners' information is recorded as received, and by the meeting at the
    # latest (the meeting is held on what came in).
    "partner_information": _Rule(
        lambda e: e.information_requested,
        lambda e: _first(e.information_received, e.meeting_held),
        branch=True,
    ),
    "review_meeting": _Rule(lambda e: e.accepted, lambda e: e.meeting_held, branch=True),
    "outcome_to_victim": _Rule(
        lambda e: e.meeting_held, lambda e: e.letter(LetterKind.OUTCOME), branch=True
    ),
    "minutes_to_panel": _Rule(
        lambda e: e.meeting_held, lambda e: e.minutes_circulated, branch=True
    ),
    "action_plan_to_victim": _Rule(
        lambda e: e.meeting_held, lambda e: e.letter(LetterKind.OUTCOME), branch=True
    ),
    "findings_to_applicant": _Rule(
        lambda e: e.received, lambda e: e.letter(LetterKind.OUTCOME), branch=True
    ),
    "appeal_window": _Rule(
        lambda e: e.action_plan_completed, lambda e: None, branch=True, window=True
    ),
}


@dataclass(frozen=True)
class ClockPlan:
    """The tracked steps of one profile's clock, each with its rule and timescale: what
    :func:`case_clock` looks up in the profile, looked up once for many cases."""

    steps: tuple[tuple[str, _Rule, Timescale, bool], ...]


def clock_plan(profile: Profile) -> ClockPlan:
    """The plan of ``profile``'s clock (for :func:`case_clock` over many cases)."""
    return ClockPlan(
        tuple(
            (step_id, rule, profile.timescale(step_id), profile.own_timescale(step_id))
            for step_id, rule in RULES.items()
            if profile.timescale(step_id).tracked
        )
    )


def case_clock(
    events: CaseEvents, profile: Profile, today: date, plan: ClockPlan | None = None
) -> list[Step]:
    """Every step of the case's clock under ``profile``: started ones by due day (soonest
    first), then those waiting for their starting event, in the table's order. ``plan`` is
    :func:`clock_plan` of ``profile``, when the caller has it already."""
    started: list[Step] = []
    waiting: list[Step] = []
    for step_id, rule, timescale, own in (plan or clock_plan(profile)).steps:
        if rule.branch is not None and events.outcome is not None:
            if rule.branch is not events.outcome.accepted:
                continue
        start = rule.start(events)
        if start is None:
            waiting.append(Step(timescale, own, StepState.WAITING, window=rule.window))
            continue
        due = _due(timescale, start)
        left = _working_days(today, due)
        done_on = rule.end(events)
        if rule.window and today > due:
            done_on = due
        if done_on is not None:
            state = StepState.DONE
        elif left < 0:
            state = StepState.OVERDUE
        elif left <= DUE_SOON and not rule.window:
            state = StepState.DUE_SOON
        else:
            state = StepState.DUE
        started.append(
            Step(
                timescale,
                own,
                state,
                started=start,
                due=due,
                done_on=done_on,
                working_days_left=left,
                planned=events.meeting_planned if step_id == "review_meeting" else None,
                window=rule.window,
            )
        )
    started.sort(key=lambda step: (step.due or today, step.id))
    return started + waiting


# A dashboard asks the same few questions of hundreds of cases: remember the answers.
@lru_cache(maxsize=8192)
def _due(timescale: Timescale, start: date) -> date:
    return due_date(timescale, start)


@lru_cache(maxsize=8192)
def _working_days(start: date, end: date) -> int:
    return working_days_between(start, end)


def next_step(steps: list[Step]) -> Step | None:
    """The open step due soonest, if any."""
    return next((step for step in steps if step.open), None)
