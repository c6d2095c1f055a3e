"""Why the threshold engine decided as it did: reason codes and the figures they carry.

The rules (:mod:`trigger.threshold.rules`) and routes (:mod:`trigger.threshold.routes`) return
:class:`Reason` values, never prose; :mod:`trigger.threshold.explain` turns each code into the
plain English officers paste into letters. Tests assert codes and figures; the prose is pinned
once, in the explainer's golden tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from trigger.vocabulary import Agency, Exclusion, HateStrand, RiskFlag, Route


class ReasonCode(StrEnum):
    """Every reason the engine can give, grouped by what it explains."""

    # The request is not a case review at all (Hart s.9).
    EXCLUDED = "excluded"

    # One incident against the qualifying-complaint rules (threshold-rules.md).
    NOT_REPORTED = "not_reported"
    DATED_AFTER_APPLICATION = "dated_after_application"
    REPORTED_TO_IRRELEVANT_BODY = "reported_to_irrelevant_body"
    REPORTED_AFTER_APPLICATION = "reported_after_application"
    OUTSIDE_WINDOW = "outside_window"
    REPORTED_TOO_LATE = "reported_too_late"
    QUALIFYING_COMPLAINT = "qualifying_complaint"
    AGENCY_UNKNOWN = "agency_unknown"
    INCIDENT_DATE_UNKNOWN = "incident_date_unknown"
    REPORT_UNKNOWN_UNDATED = "report_unknown_undated"
    REPORT_TOO_LATE_FOR_WINDOW = "report_too_late_for_window"
    REPORT_DAY_AND_AGENCY_UNKNOWN = "report_day_and_agency_unknown"
    REPORT_DAY_DEDUCED = "report_day_deduced"
    REPORT_DAY_UNKNOWN = "report_day_unknown"

    # Qualifiers of a qualifying complaint (the details of QUALIFYING_COMPLAINT and
    # REPORT_DAY_DEDUCED), in the order they are written.
    NO_TIME_LIMIT = "no_time_limit"
    ONE_COMPLAINT_SEVERAL_BODIES = "one_complaint_several_bodies"
    HATE_INCIDENT = "hate_incident"
    HATE_COUNTS_AS_COMPLAINT = "hate_counts_as_complaint"
    HATE_STRAND_NOT_LISTED = "hate_strand_not_listed"

    # A fact the text leaves unknown that could change the decision.
    MISSING_INCIDENT_DATE = "missing_incident_date"
    MISSING_WHETHER_REPORTED = "missing_whether_reported"
    MISSING_REPORT_DAY = "missing_report_day"
    MISSING_AGENCY = "missing_agency"

    # What an unknown fact would have to be for an incident to qualify.
    CONDITION_REPORTED_IN_TIME = "condition_reported_in_time"
    CONDITION_REPORTED_TO_RELEVANT_BODY = "condition_reported_to_relevant_body"
    CONDITION_REPORTED_BETWEEN = "condition_reported_between"
    CONDITION_HAPPENED_ON_OR_AFTER = "condition_happened_on_or_after"

    # How each route fares.
    VOLUME_ROUTE_HOLDS = "volume_route_holds"
    VOLUME_ROUTE_POSSIBLE = "volume_route_possible"
    VOLUME_ROUTE_FAILS = "volume_route_fails"
    HATE_ROUTE_NOT_OFFERED = "hate_route_not_offered"
    HATE_ROUTE_HOLDS = "hate_route_holds"
    HATE_ROUTE_POSSIBLE = "hate_route_possible"
    HATE_ROUTE_FAILS = "hate_route_fails"
    COMMUNITY_ROUTE_NOT_OFFERED = "community_route_not_offered"
    COMMUNITY_COUNT_UNKNOWN = "community_count_unknown"
    COMMUNITY_ROUTE_HOLDS = "community_route_holds"
    COMMUNITY_ROUTE_FAILS = "community_route_fails"

    # What would change a not_met or incomplete answer.
    ROUTE_WOULD_HOLD_IF = "route_would_hold_if"
    MORE_COMPLAINTS_BY = "more_complaints_by"
    COMPLAINTS_NEEDED = "complaints_needed"
    HATE_COMPLAINT_NEEDED = "hate_complaint_needed"
    COMMUNITY_REPORTS_NEEDED = "community_reports_needed"

    # The draft as a whole.
    NO_INCIDENTS = "no_incidents"
    HATE_NOT_TIED_TO_INCIDENT = "hate_not_tied_to_incident"
    DISCRETION_SUGGESTED = "discretion_suggested"
    DISCRETION_NO_ONE_NAMED = "discretion_no_one_named"


@dataclass(frozen=True)
class IncidentRef:
    """Which incident a reason is about: its index in the draft and the days it happened."""

    index: int
    start: date | None = None
    end: date | None = None

    @property
    def day(self) -> date | None:
        """The day the rules use: the last day of a range (the reading that favours the victim)."""
        return self.end or self.start


@dataclass(frozen=True, kw_only=True)
class Reason:
    """One reason, as a code and the figures its sentence needs.

    Only the figures a code uses are set; the rest keep their defaults. Wording that is the
    area's own (the names of its bodies, its time limit in words, who may use discretion) is not
    a figure: the explainer reads it from the profile.
    """

    code: ReasonCode
    #: The incident the reason is about (or, for the hate route, the complaint that meets it).
    incident: IncidentRef | None = None
    #: Whether it was reported: ``None`` when the text does not say.
    reported: bool | None = True
    #: The relevant bodies it was reported to, each once.
    agencies: tuple[Agency, ...] = ()
    reported_on: date | None = None
    application: date | None = None
    window_start: date | None = None
    #: The earliest day that would do (an incident day, or the first day of a report interval).
    earliest: date | None = None
    #: The latest day that would do (a report deadline, or the last day of a report interval).
    latest: date | None = None
    #: Days from the incident to its report (negative when the report comes first).
    days: int | None = None
    months: int | None = None
    #: The count a route or sentence is about: complaints, bodies, people, complaints more.
    count: int | None = None
    needed: int | None = None
    #: Complaints that may qualify, depending on the missing facts.
    possible: int | None = None
    strands: tuple[HateStrand, ...] = ()
    exclusion: Exclusion | None = None
    risks: tuple[RiskFlag, ...] = ()
    route: Route | None = None
    #: Reasons this one is built from: a complaint's qualifiers, a route's conditions.
    details: tuple[Reason, ...] = ()
