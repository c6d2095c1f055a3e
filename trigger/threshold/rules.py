"""The qualifying-complaint rules: one incident judged against the profile at one application date.

Every rule is from ../shared/spec/threshold-rules.md; comments cite the paragraph they implement.
The judgement is an :class:`Outcome` with a :class:`~trigger.threshold.reasons.Reason` (a code
and its figures), the facts that are missing and what they would have to be; no prose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from trigger.dates import add_months, window_start
from trigger.draft import Incident
from trigger.profiles import LimitUnit, Profile
from trigger.threshold.reasons import IncidentRef, Reason, ReasonCode
from trigger.vocabulary import HateStrand


class Outcome(StrEnum):
    """What one incident amounts to under the profile."""

    QUALIFYING = "qualifying"  # a qualifying complaint on the facts stated
    DEDUCED = "deduced"  # qualifying: the report day is unknown but every possible day qualifies
    POSSIBLE = "possible"  # would qualify if facts the text leaves unknown are favourable
    NOT_QUALIFYING = "not_qualifying"  # reported, but outside the rules
    NOT_REPORTED = "not_reported"  # not a complaint at all

    @property
    def qualifies(self) -> bool:
        """Whether the incident counts as a qualifying complaint on the facts stated."""
        return self in (Outcome.QUALIFYING, Outcome.DEDUCED)


@dataclass(frozen=True)
class ComplaintAssessment:
    """One incident judged against the profile's qualifying-complaint rules."""

    ref: IncidentRef
    outcome: Outcome
    reason: Reason
    #: Each unknown fact that matters for this incident (``MISSING_*`` codes).
    missing: tuple[Reason, ...] = ()
    #: What the unknown facts would have to be for this incident to qualify (``CONDITION_*``).
    condition: Reason | None = None
    #: The earliest day the complaint can have been reported (for the window's drop-out date).
    counted_from: date | None = None
    hate_in_list: tuple[HateStrand, ...] = ()
    hate_outside: tuple[HateStrand, ...] = ()

    @property
    def incident(self) -> int:
        """The incident's index in the draft."""
        return self.ref.index


class DateRules:
    """The profile's date rules applied at one application date."""

    def __init__(self, profile: Profile, application: date) -> None:
        """Read the report-within limit and the window of ``profile`` at ``application``."""
        self.profile = profile
        self.application = application
        within = profile.qualifying_complaint.report_within
        self.unit = within.unit
        self.count = within.count or 0
        self.months = profile.qualifying_complaint.window_months
        self.window_start = window_start(application, self.months)

    @property
    def limited(self) -> bool:
        """Whether the area sets a time limit for the report."""
        return self.unit is not LimitUnit.NONE

    def latest_report(self, incident_day: date) -> date | None:
        """The last day a report of an incident on ``incident_day`` qualifies (None: no limit)."""
        if self.unit is LimitUnit.DAYS:
            # "Within N days" means R - I <= N days.
            return incident_day + timedelta(days=self.count)
        if self.unit is LimitUnit.CALENDAR_MONTHS:
            # "Within one calendar month" means R <= I + 1 calendar month (31 Jan -> 28/29 Feb).
            return add_months(incident_day, self.count)
        return None

    def earliest_incident(self, report_day: date) -> date:
        """The earliest incident day a report on ``report_day`` is in time for (limited units)."""
        if self.unit is LimitUnit.DAYS:
            return report_day - timedelta(days=self.count)
        # Month arithmetic clamps, so search from a little before the naive answer.
        candidate = add_months(report_day, -self.count) - timedelta(days=3)
        while (latest := self.latest_report(candidate)) is not None and latest < report_day:
            candidate += timedelta(days=1)
        return candidate

    def in_time(self, incident_day: date, report_day: date) -> bool:
        """Whether a report on ``report_day`` is in time for an incident on ``incident_day``."""
        latest = self.latest_report(incident_day)
        return latest is None or report_day <= latest

    def in_window(self, report_day: date) -> bool:
        """Whether a report on ``report_day`` falls in the window before the application."""
        # "In the last six months" means A - 6 calendar months <= R <= A.
        return self.window_start <= report_day <= self.application


def _is_reported(incident: Incident) -> bool | None:
    if incident.reported is not None:
        return incident.reported
    # A report date or a named body means it was reported, whatever the flag says.
    if incident.reported_on is not None or incident.agencies:
        return True
    return None


def _hate_split(
    incident: Incident, profile: Profile
) -> tuple[tuple[HateStrand, ...], tuple[HateStrand, ...]]:
    allowed = set(profile.routes.hate.strands) if profile.routes.hate.available else set()
    strands = list(dict.fromkeys(incident.hate_strands))
    return (
        tuple(s for s in strands if s in allowed),
        tuple(s for s in strands if s not in allowed),
    )


def _hate_qualifier(
    in_list: tuple[HateStrand, ...], outside: tuple[HateStrand, ...], profile: Profile
) -> tuple[Reason, ...]:
    """What a qualifying complaint's hate motivation means under this profile (if it has one)."""
    if in_list:
        return (Reason(code=ReasonCode.HATE_INCIDENT, strands=in_list),)
    if not outside:
        return ()
    if not profile.routes.hate.available:
        return (Reason(code=ReasonCode.HATE_COUNTS_AS_COMPLAINT, strands=outside),)
    return (Reason(code=ReasonCode.HATE_STRAND_NOT_LISTED, strands=outside),)


class _Judge:
    """Builds the assessment of one incident: its reference, hate split and reported body."""

    def __init__(self, incident: Incident, index: int, rules: DateRules) -> None:
        self.rules = rules
        self.ref = IncidentRef(index, incident.occurred.start, incident.occurred.end)
        self.in_list, self.outside = _hate_split(incident, rules.profile)
        self.hate = _hate_qualifier(self.in_list, self.outside, rules.profile)
        self.relevant = tuple(a for a in dict.fromkeys(incident.agencies) if a.is_relevant_body)
        self.agency_unknown = not incident.agencies

    def reason(self, code: ReasonCode, **figures: Any) -> Reason:
        """A reason about this incident: its reference and relevant bodies, and ``figures``."""
        return Reason(code=code, incident=self.ref, agencies=self.relevant, **figures)

    def judged(
        self,
        outcome: Outcome,
        reason: Reason,
        *,
        missing: tuple[Reason, ...] = (),
        condition: Reason | None = None,
        counted_from: date | None = None,
    ) -> ComplaintAssessment:
        """The assessment of this incident."""
        return ComplaintAssessment(
            ref=self.ref,
            outcome=outcome,
            reason=reason,
            missing=missing,
            condition=condition,
            counted_from=counted_from,
            hate_in_list=self.in_list,
            hate_outside=self.outside,
        )


def assess(incident: Incident, index: int, rules: DateRules) -> ComplaintAssessment:
    """Judge one incident: the qualifying-complaint rules of the profile at the application date."""
    judge = _Judge(incident, index, rules)
    reported = _is_reported(incident)
    if reported is False:
        return judge.judged(Outcome.NOT_REPORTED, judge.reason(ReasonCode.NOT_REPORTED))

    incident_day = judge.ref.day  # I_end when a range
    report_day = incident.reported_on

    if incident_day is not None and incident_day > rules.application:
        return judge.judged(
            Outcome.NOT_QUALIFYING,
            judge.reason(ReasonCode.DATED_AFTER_APPLICATION, application=rules.application),
        )
    if incident.agencies and not judge.relevant:
        # An MP, a councillor, a private landlord or a charity is not a relevant body (s.104).
        return judge.judged(
            Outcome.NOT_QUALIFYING, judge.reason(ReasonCode.REPORTED_TO_IRRELEVANT_BODY)
        )
    if reported is None or report_day is None:
        return _assess_unknown_report(judge, incident_day, whether=reported is None)
    return _assess_stated_report(judge, incident_day, report_day)


def _assess_stated_report(
    judge: _Judge, incident_day: date | None, report_day: date
) -> ComplaintAssessment:
    """An incident whose report day is stated."""
    rules = judge.rules
    if report_day > rules.application:
        return judge.judged(
            Outcome.NOT_QUALIFYING,
            judge.reason(
                ReasonCode.REPORTED_AFTER_APPLICATION,
                reported_on=report_day,
                application=rules.application,
            ),
        )
    days = None if incident_day is None else (report_day - incident_day).days
    stated: dict[str, Any] = {"reported_on": report_day, "days": days}
    if not rules.in_window(report_day):
        return judge.judged(
            Outcome.NOT_QUALIFYING,
            judge.reason(
                ReasonCode.OUTSIDE_WINDOW,
                months=rules.months,
                application=rules.application,
                window_start=rules.window_start,
                **stated,
            ),
        )
    if incident_day is None:
        if rules.limited:
            earliest = rules.earliest_incident(report_day)
            missing = [judge.reason(ReasonCode.MISSING_INCIDENT_DATE, reported_on=report_day)]
            if judge.agency_unknown:
                missing.append(judge.reason(ReasonCode.MISSING_AGENCY, reported_on=report_day))
            return judge.judged(
                Outcome.POSSIBLE,
                judge.reason(ReasonCode.INCIDENT_DATE_UNKNOWN, earliest=earliest, **stated),
                missing=tuple(missing),
                condition=judge.reason(
                    ReasonCode.CONDITION_HAPPENED_ON_OR_AFTER,
                    reported_on=report_day,
                    earliest=earliest,
                ),
            )
    elif not rules.in_time(incident_day, report_day):
        return judge.judged(
            Outcome.NOT_QUALIFYING,
            judge.reason(
                ReasonCode.REPORTED_TOO_LATE, latest=rules.latest_report(incident_day), **stated
            ),
        )
    if judge.agency_unknown:
        return judge.judged(
            Outcome.POSSIBLE,
            judge.reason(ReasonCode.AGENCY_UNKNOWN, **stated),
            missing=(judge.reason(ReasonCode.MISSING_AGENCY),),
            condition=judge.reason(ReasonCode.CONDITION_REPORTED_TO_RELEVANT_BODY),
        )
    qualifiers: list[Reason] = []
    if not rules.limited and days is not None and days > 31:
        qualifiers.append(Reason(code=ReasonCode.NO_TIME_LIMIT))
    if len(judge.relevant) > 1:
        # Hart s.5: a single incident reported to more than one agency is one complaint.
        qualifiers.append(
            Reason(code=ReasonCode.ONE_COMPLAINT_SEVERAL_BODIES, count=len(judge.relevant))
        )
    return judge.judged(
        Outcome.QUALIFYING,
        judge.reason(ReasonCode.QUALIFYING_COMPLAINT, details=(*qualifiers, *judge.hate), **stated),
        counted_from=report_day,
    )


def _assess_unknown_report(
    judge: _Judge, incident_day: date | None, *, whether: bool
) -> ComplaintAssessment:
    """An incident whose report day is unknown (or whether it was reported at all).

    threshold-rules.md: a report whose day is unknown still happened between the incident and the
    application (I <= R <= A). When every day in that interval would qualify, the complaint
    qualifies and the reasons say the day was deduced; otherwise the unknown day is a missing fact.
    """
    rules = judge.rules
    reported = None if whether else True
    question = judge.reason(
        ReasonCode.MISSING_WHETHER_REPORTED if whether else ReasonCode.MISSING_REPORT_DAY
    )
    agency_question = judge.reason(ReasonCode.MISSING_AGENCY)
    ask_agency = judge.agency_unknown and not whether

    if incident_day is None:
        missing = [question]
        if rules.limited:
            missing.insert(0, judge.reason(ReasonCode.MISSING_INCIDENT_DATE))
        if ask_agency:
            missing.append(agency_question)
        return judge.judged(
            Outcome.POSSIBLE,
            judge.reason(
                ReasonCode.REPORT_UNKNOWN_UNDATED,
                reported=reported,
                window_start=rules.window_start,
            ),
            missing=tuple(missing),
            condition=judge.reason(
                ReasonCode.CONDITION_REPORTED_IN_TIME,
                reported=reported,
                window_start=rules.window_start,
            ),
        )

    latest = rules.latest_report(incident_day)
    low = max(incident_day, rules.window_start)
    high = rules.application if latest is None else min(rules.application, latest)
    if low > high:
        return judge.judged(
            Outcome.NOT_QUALIFYING,
            judge.reason(
                ReasonCode.REPORT_TOO_LATE_FOR_WINDOW,
                reported=reported,
                latest=latest,
                months=rules.months,
                window_start=rules.window_start,
            ),
        )
    every_day_qualifies = low == incident_day and high == rules.application
    if every_day_qualifies and not whether:
        if judge.agency_unknown:
            return judge.judged(
                Outcome.POSSIBLE,
                judge.reason(ReasonCode.REPORT_DAY_AND_AGENCY_UNKNOWN),
                missing=(agency_question,),
                condition=judge.reason(ReasonCode.CONDITION_REPORTED_TO_RELEVANT_BODY),
            )
        return judge.judged(
            Outcome.DEDUCED,
            judge.reason(
                ReasonCode.REPORT_DAY_DEDUCED,
                earliest=incident_day,
                application=rules.application,
                details=judge.hate,
            ),
            counted_from=incident_day,
        )
    missing = [question]
    if ask_agency:
        missing.append(agency_question)
    return judge.judged(
        Outcome.POSSIBLE,
        judge.reason(
            ReasonCode.REPORT_DAY_UNKNOWN,
            reported=reported,
            earliest=low,
            latest=high,
            months=rules.months,
        ),
        missing=tuple(missing),
        condition=judge.reason(
            ReasonCode.CONDITION_REPORTED_BETWEEN, reported=reported, earliest=low, latest=high
        ),
    )
