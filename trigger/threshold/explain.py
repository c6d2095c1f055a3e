"""Reason codes into the plain English officers paste into letters: one renderer per code.

The figures come from the :class:`~trigger.threshold.reasons.Reason`; the area's own wording
(the names of its bodies, its time limit in words, its hate strands' list, who may use discretion)
comes from the profile. Days are written as letters write them, with the year only when it is
not the application's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TypeVar

from trigger.dates import format_day, format_range
from trigger.profiles import CommunityKind, LimitUnit, Profile
from trigger.threshold.reasons import IncidentRef, Reason, ReasonCode
from trigger.threshold.wording import (
    EXCLUSIONS,
    RELEVANT_BODIES,
    RISKS,
    counted,
    join,
    number,
    strands_text,
)
from trigger.vocabulary import Agency

_T = TypeVar("_T")


def _figure(value: _T | None) -> _T:
    """A figure the reason's code always carries (the rules set it with the code)."""
    assert value is not None
    return value


class Explainer:
    """Renders reasons under one profile, for an application made in one year."""

    def __init__(self, profile: Profile, application: date) -> None:
        """Explain under ``profile``; days in ``application``'s year are written without it."""
        self.profile = profile
        self.year = application.year

    def text(self, reason: Reason) -> str:
        """The sentence (or, for a qualifier or a condition, the phrase) for ``reason``."""
        return _RENDERERS[reason.code](self, reason)

    def texts(self, reasons: Iterable[Reason]) -> list[str]:
        """Each reason's sentence, in order."""
        return [self.text(reason) for reason in reasons]

    # --- the words the renderers share ------------------------------------------------------

    def day(self, value: date | None) -> str:
        """A day as letters write it: "3 March", with the year when it is not the application's."""
        return format_day(_figure(value), self.year)

    def incident_name(self, ref: IncidentRef) -> str:
        """How sentences name an incident after "the": "10 August incident"."""
        if ref.start is None and ref.end is None:
            return f"undated incident (number {ref.index + 1})"
        if ref.start is not None and ref.end is not None and ref.start != ref.end:
            return f"{format_range(ref.start, ref.end, self.year)} incident"
        return f"{self.day(ref.day)} incident"

    def _prefix(self, ref: IncidentRef) -> str:
        if ref.start is None and ref.end is None:
            return f"Undated incident (number {ref.index + 1})"
        if ref.start is not None and ref.end is not None and ref.start != ref.end:
            return (
                f"{format_range(ref.start, ref.end, self.year)} (only a range is known: its last "
                f"day, {self.day(ref.end)}, is used, the reading most favourable to the victim)"
            )
        return self.day(ref.day)

    def about(self, reason: Reason, text: str) -> str:
        """A sentence about the reason's incident: "3 March: ..."."""
        return f"{self._prefix(_figure(reason.incident))}: {text}"

    def name(self, reason: Reason) -> str:
        """The reason's incident by name."""
        return self.incident_name(_figure(reason.incident))

    def subject(self, reason: Reason) -> str:
        """The incident as a missing fact names it: by its report when it has no date."""
        ref = _figure(reason.incident)
        if ref.day is None and reason.reported_on is not None:
            return f"incident {self.to_whom(reason)} on {self.day(reason.reported_on)}"
        return self.incident_name(ref)

    def to_whom(self, reason: Reason) -> str:
        """ "reported to Hampshire Constabulary", or "reported" when the body is not known."""
        if not reason.agencies:
            return "reported"
        return f"reported to {self.agencies(reason.agencies)}"

    def agencies(self, agencies: tuple[Agency, ...]) -> str:
        """The area's names of the bodies, each once."""
        labels = [self.profile.agency_label(a) for a in agencies]
        return join(list(dict.fromkeys(labels)))

    def when(self, reason: Reason) -> str:
        """To whom and when it was reported, and how long after the incident."""
        to_whom = self.to_whom(reason)
        if reason.days == 0:
            return f"{to_whom} the same day"
        when = f"{to_whom} on {self.day(reason.reported_on)}"
        if reason.days is None:
            return when
        return f"{when}, {self._delay(reason, reason.days)}"

    def _delay(self, reason: Reason, days: int) -> str:
        if days > 0:
            return f"{counted(days, 'day', 'days')} later"
        start = _figure(reason.incident).start
        if start is not None and start <= _figure(reason.reported_on):
            return "within that period"
        return "before the date given for the incident (check the dates)"

    def lead(self, reason: Reason) -> str:
        """How a report of unknown day (or unknown at all) is introduced."""
        if reason.reported is None:
            return "the text does not say whether this was reported to a relevant body"
        return f"{self.to_whom(reason)} on a day the text does not give"

    @property
    def limit(self) -> str:
        """The area's time limit for the report in words: "within 30 days"."""
        return self.profile.qualifying_complaint.report_within.describe()

    def limit_of(self, what: str) -> str:
        """ "within 30 days of the incident"; with no limit, "at any time"."""
        if self.profile.qualifying_complaint.report_within.unit is LimitUnit.NONE:
            return "at any time"
        return f"{self.limit} of {what}"

    def details(self, reason: Reason) -> str:
        """The reason's qualifiers, each rendered after the other."""
        return "".join(self.text(detail) for detail in reason.details)

    @property
    def same_incident(self) -> bool:
        """Whether the community route counts people complaining about the same incident."""
        return self.profile.routes.community.kind is CommunityKind.INDIVIDUALS_SAME_INCIDENT


_Renderer = Callable[[Explainer, Reason], str]


# --- one incident ---------------------------------------------------------------------------


def _not_reported(ex: Explainer, r: Reason) -> str:
    return ex.about(r, "not reported to a relevant body: not a complaint")


def _dated_after_application(ex: Explainer, r: Reason) -> str:
    return ex.about(
        r, f"dated after the application on {ex.day(r.application)}: not counted (check the date)"
    )


def _reported_to_irrelevant_body(ex: Explainer, r: Reason) -> str:
    return ex.about(
        r,
        "reported only to someone who is not a relevant body (an MP, a councillor, a private "
        "landlord or a charity does not count): not a qualifying complaint",
    )


def _reported_after_application(ex: Explainer, r: Reason) -> str:
    return ex.about(
        r,
        f"{ex.to_whom(r)} on {ex.day(r.reported_on)}, after the application on "
        f"{ex.day(r.application)}: not counted (check the dates)",
    )


def _outside_window(ex: Explainer, r: Reason) -> str:
    return ex.about(
        r,
        f"{ex.when(r)}: not a qualifying complaint (reported more than "
        f"{number(_figure(r.months))} months before the application on {ex.day(r.application)}; "
        f"the window starts on {ex.day(r.window_start)})",
    )


def _reported_too_late(ex: Explainer, r: Reason) -> str:
    return ex.about(
        r,
        f"{ex.when(r)}: not a qualifying complaint (must be reported {ex.limit}, "
        f"by {ex.day(r.latest)})",
    )


def _qualifying_complaint(ex: Explainer, r: Reason) -> str:
    return ex.about(r, f"{ex.when(r)}: qualifying complaint{ex.details(r)}")


def _agency_unknown(ex: Explainer, r: Reason) -> str:
    return ex.about(
        r,
        f"{ex.when(r)}, but the text does not say to whom: it qualifies only if that was "
        f"{RELEVANT_BODIES}",
    )


def _incident_date_unknown(ex: Explainer, r: Reason) -> str:
    return ex.about(
        r,
        f"{ex.when(r)}, but the incident's date is not given: it qualifies only if it happened "
        f"on or after {ex.day(r.earliest)} ({ex.limit} before the report)",
    )


def _report_unknown_undated(ex: Explainer, r: Reason) -> str:
    return ex.about(
        r,
        f"{ex.lead(r)}, and the incident's date is not given: it qualifies only if it was "
        f"reported {ex.limit_of('the incident')} and on or after {ex.day(r.window_start)}",
    )


def _report_too_late_for_window(ex: Explainer, r: Reason) -> str:
    return ex.about(
        r,
        f"{ex.lead(r)}; to qualify it had to be reported {ex.limit}, by {ex.day(r.latest)}, "
        f"which is before the {number(_figure(r.months))}-month window starts on "
        f"{ex.day(r.window_start)}: not a qualifying complaint",
    )


def _report_day_and_agency_unknown(ex: Explainer, r: Reason) -> str:
    return ex.about(
        r,
        f"{ex.lead(r)}, and not to whom; any day between the incident and the application would "
        f"be in time, so it qualifies only if it was reported to {RELEVANT_BODIES}",
    )


def _report_day_deduced(ex: Explainer, r: Reason) -> str:
    return ex.about(
        r,
        f"{ex.lead(r)}; it must have been between {ex.day(r.earliest)} and the application on "
        f"{ex.day(r.application)}, and any day in that interval qualifies: qualifying complaint "
        f"(report day deduced){ex.details(r)}",
    )


def _report_day_unknown(ex: Explainer, r: Reason) -> str:
    return ex.about(
        r,
        f"{ex.lead(r)}: it qualifies only if it was reported between {ex.day(r.earliest)} and "
        f"{ex.day(r.latest)} ({ex.limit_of('the incident')} and in the "
        f"{number(_figure(r.months))} months before the application)",
    )


# --- qualifiers of a qualifying complaint ---------------------------------------------------


def _no_time_limit(ex: Explainer, r: Reason) -> str:
    return " (this area sets no time limit for the report)"


def _one_complaint_several_bodies(ex: Explainer, r: Reason) -> str:
    return f" (one complaint, although reported to {number(_figure(r.count))} bodies; Hart s.5)"


def _hate_incident(ex: Explainer, r: Reason) -> str:
    return f", a hate incident ({strands_text(r.strands)})"


def _hate_counts_as_complaint(ex: Explainer, r: Reason) -> str:
    return (
        f"; the hate motivation ({strands_text(r.strands)}) counts towards the complaints, "
        "as this area has no separate hate route"
    )


def _hate_strand_not_listed(ex: Explainer, r: Reason) -> str:
    return (
        f"; the hate motivation ({strands_text(r.strands)}) is not one of this area's hate "
        "strands, so it counts as an ordinary complaint"
    )


# --- missing facts --------------------------------------------------------------------------


def _missing_incident_date(ex: Explainer, r: Reason) -> str:
    return f"The date of the {ex.subject(r)} is not known."


def _missing_whether_reported(ex: Explainer, r: Reason) -> str:
    return f"Whether the {ex.name(r)} was reported to a relevant body, and when, is not known."


def _missing_report_day(ex: Explainer, r: Reason) -> str:
    return f"When the {ex.name(r)} was reported is not known."


def _missing_agency(ex: Explainer, r: Reason) -> str:
    return f"Who the {ex.subject(r)} was reported to is not known."


# --- conditions -----------------------------------------------------------------------------


def _condition_reported_in_time(ex: Explainer, r: Reason) -> str:
    how = ex.to_whom(r) if r.agencies else f"reported to {RELEVANT_BODIES}"
    return f"the {ex.name(r)} was {how} {ex.limit_of('it')}, on or after {ex.day(r.window_start)}"


def _condition_reported_to_relevant_body(ex: Explainer, r: Reason) -> str:
    return f"the {ex.name(r)} was reported to {RELEVANT_BODIES}"


def _condition_reported_between(ex: Explainer, r: Reason) -> str:
    how = "reported to a relevant body" if r.reported is None else "reported"
    if r.earliest == r.latest:
        when = f"on {ex.day(r.earliest)}"
    else:
        when = f"between {ex.day(r.earliest)} and {ex.day(r.latest)}"
    to_any = f", to {RELEVANT_BODIES}" if r.reported is not None and not r.agencies else ""
    return f"the {ex.name(r)} was {how} {when}{to_any}"


def _condition_happened_on_or_after(ex: Explainer, r: Reason) -> str:
    to_any = "" if r.agencies else f" and was reported to {RELEVANT_BODIES}"
    return (
        f"the incident {ex.to_whom(r)} on {ex.day(r.reported_on)} happened on or after "
        f"{ex.day(r.earliest)}{to_any}"
    )


# --- routes ---------------------------------------------------------------------------------


def _volume_counted(ex: Explainer, r: Reason) -> str:
    complaints = counted(_figure(r.count), "qualifying complaint", "qualifying complaints")
    same = ", about the same problem" if ex.profile.routes.volume.same_problem else ""
    return f"Volume route: {complaints} ({r.needed} needed{same})"


def _volume_route_holds(ex: Explainer, r: Reason) -> str:
    return f"{_volume_counted(ex, r)}: holds."


def _volume_route_possible(ex: Explainer, r: Reason) -> str:
    return (
        f"{_volume_counted(ex, r)}, and {r.possible} more that may qualify: "
        "depends on the missing facts."
    )


def _volume_route_fails(ex: Explainer, r: Reason) -> str:
    return f"{_volume_counted(ex, r)}: does not hold."


def _hate_route_not_offered(ex: Explainer, r: Reason) -> str:
    return "This area has no separate hate route."


def _hate_route_listed(ex: Explainer, r: Reason) -> str:
    strand_list = ex.profile.routes.hate.strand_list
    names = f"{strand_list}: " if strand_list else ""
    return f"({names}{strands_text(r.strands)})"


def _hate_route_holds(ex: Explainer, r: Reason) -> str:
    complaint = _figure(r.incident).index + 1
    return (
        f"Hate route: complaint {complaint} is a hate incident ({strands_text(r.strands)}): holds."
    )


def _hate_route_possible(ex: Explainer, r: Reason) -> str:
    return (
        f"Hate route: a hate incident {_hate_route_listed(ex, r)} may be a qualifying complaint: "
        "depends on the missing facts."
    )


def _hate_route_fails(ex: Explainer, r: Reason) -> str:
    return (
        f"Hate route: no qualifying complaint of a hate incident {_hate_route_listed(ex, r)}: "
        "does not hold."
    )


def _community_route_not_offered(ex: Explainer, r: Reason) -> str:
    if r.count:
        return (
            f"This area has no community route (the text says {r.count} people have reported "
            "the problem)."
        )
    return "This area has no community route."


def _community_about(ex: Explainer) -> str:
    return "the same incident" if ex.same_incident else "the same problem"


def _community_count_unknown(ex: Explainer, r: Reason) -> str:
    return (
        "Community route: the text does not say how many people have complained about "
        f"{_community_about(ex)} ({r.needed} needed): does not hold."
    )


def _community_counted(ex: Explainer, r: Reason) -> str:
    people = counted(_figure(r.count), "different person", "different people")
    return f"Community route: {people} complained about {_community_about(ex)} ({r.needed} needed)"


def _community_route_holds(ex: Explainer, r: Reason) -> str:
    return f"{_community_counted(ex, r)}: holds."


def _community_route_fails(ex: Explainer, r: Reason) -> str:
    return f"{_community_counted(ex, r)}: does not hold."


# --- what would change the answer -----------------------------------------------------------


def _each_reported(ex: Explainer, count: int) -> str:
    subject = "an incident" if count == 1 else "incidents each"
    if ex.profile.qualifying_complaint.report_within.unit is LimitUnit.NONE:
        return f"{subject} reported to a relevant body"
    return f"{subject} reported to a relevant body {ex.limit}"


def _route_would_hold_if(ex: Explainer, r: Reason) -> str:
    return f"The {r.route} route would hold if {join(ex.texts(r.details))}."


def _more_complaints_by(ex: Explainer, r: Reason) -> str:
    more = _figure(r.count)
    noun = "qualifying complaint" if more == 1 else "qualifying complaints"
    return (
        f"{number(more).capitalize()} more {noun} ({_each_reported(ex, more)}), "
        f"reported by {ex.day(r.latest)} with the application made by then, "
        "would meet the volume route."
    )


def _complaints_needed(ex: Explainer, r: Reason) -> str:
    needed = _figure(r.needed)
    return (
        f"{number(needed).capitalize()} qualifying complaints ({_each_reported(ex, needed)}) "
        f"within {r.months} months of the application would meet the volume route."
    )


def _hate_complaint_needed(ex: Explainer, r: Reason) -> str:
    return (
        f"One qualifying complaint of a hate incident ({strands_text(r.strands)}) "
        "would meet the hate route on its own."
    )


def _community_reports_needed(ex: Explainer, r: Reason) -> str:
    what = (
        "complained separately about the same incident"
        if ex.same_incident
        else "reported the same problem"
    )
    return (
        f"If {number(_figure(r.needed))} different people have {what} "
        f"in the last {number(_figure(r.months))} months, the community route would hold."
    )


# --- the draft as a whole -------------------------------------------------------------------


def _excluded(ex: Explainer, r: Reason) -> str:
    return f"Not a case review: {EXCLUSIONS[_figure(r.exclusion)]}."


def _no_incidents(ex: Explainer, r: Reason) -> str:
    return "The text describes no specific incident."


def _hate_not_tied_to_incident(ex: Explainer, r: Reason) -> str:
    return (
        f"The text mentions hate ({strands_text(r.strands)}) without tying it to a dated "
        "incident: an officer should check which incident it was."
    )


def _risks(r: Reason) -> str:
    return join([RISKS[risk] for risk in r.risks])


def _discretion_suggested(ex: Explainer, r: Reason) -> str:
    return (
        f"The text shows risk or vulnerability ({_risks(r)}): {ex.profile.discretion.who} may "
        "accept the case even though the threshold is not met (Hart s.5 and s.11: good "
        "conscience and professional judgement)."
    )


def _discretion_no_one_named(ex: Explainer, r: Reason) -> str:
    return (
        f"The text shows risk or vulnerability ({_risks(r)}): a senior officer may still accept "
        "the case on professional judgement, although this area's page names no one for it."
    )


_RENDERERS: dict[ReasonCode, _Renderer] = {
    ReasonCode.EXCLUDED: _excluded,
    ReasonCode.NOT_REPORTED: _not_reported,
    ReasonCode.DATED_AFTER_APPLICATION: _dated_after_application,
    ReasonCode.REPORTED_TO_IRRELEVANT_BODY: _reported_to_irrelevant_body,
    ReasonCode.REPORTED_AFTER_APPLICATION: _reported_after_application,
    ReasonCode.OUTSIDE_WINDOW: _outside_window,
    ReasonCode.REPORTED_TOO_LATE: _reported_too_late,
    ReasonCode.QUALIFYING_COMPLAINT: _qualifying_complaint,
    ReasonCode.AGENCY_UNKNOWN: _agency_unknown,
    ReasonCode.INCIDENT_DATE_UNKNOWN: _incident_date_unknown,
    ReasonCode.REPORT_UNKNOWN_UNDATED: _report_unknown_undated,
    ReasonCode.REPORT_TOO_LATE_FOR_WINDOW: _report_too_late_for_window,
    ReasonCode.REPORT_DAY_AND_AGENCY_UNKNOWN: _report_day_and_agency_unknown,
    ReasonCode.REPORT_DAY_DEDUCED: _report_day_deduced,
    ReasonCode.REPORT_DAY_UNKNOWN: _report_day_unknown,
    ReasonCode.NO_TIME_LIMIT: _no_time_limit,
    ReasonCode.ONE_COMPLAINT_SEVERAL_BODIES: _one_complaint_several_bodies,
    ReasonCode.HATE_INCIDENT: _hate_incident,
    ReasonCode.HATE_COUNTS_AS_COMPLAINT: _hate_counts_as_complaint,
    ReasonCode.HATE_STRAND_NOT_LISTED: _hate_strand_not_listed,
    ReasonCode.MISSING_INCIDENT_DATE: _missing_incident_date,
    ReasonCode.MISSING_WHETHER_REPORTED: _missing_whether_reported,
    ReasonCode.MISSING_REPORT_DAY: _missing_report_day,
    ReasonCode.MISSING_AGENCY: _missing_agency,
    ReasonCode.CONDITION_REPORTED_IN_TIME: _condition_reported_in_time,
    ReasonCode.CONDITION_REPORTED_TO_RELEVANT_BODY: _condition_reported_to_relevant_body,
    ReasonCode.CONDITION_REPORTED_BETWEEN: _condition_reported_between,
    ReasonCode.CONDITION_HAPPENED_ON_OR_AFTER: _condition_happened_on_or_after,
    ReasonCode.VOLUME_ROUTE_HOLDS: _volume_route_holds,
    ReasonCode.VOLUME_ROUTE_POSSIBLE: _volume_route_possible,
    ReasonCode.VOLUME_ROUTE_FAILS: _volume_route_fails,
    ReasonCode.HATE_ROUTE_NOT_OFFERED: _hate_route_not_offered,
    ReasonCode.HATE_ROUTE_HOLDS: _hate_route_holds,
    ReasonCode.HATE_ROUTE_POSSIBLE: _hate_route_possible,
    ReasonCode.HATE_ROUTE_FAILS: _hate_route_fails,
    ReasonCode.COMMUNITY_ROUTE_NOT_OFFERED: _community_route_not_offered,
    ReasonCode.COMMUNITY_COUNT_UNKNOWN: _community_count_unknown,
    ReasonCode.COMMUNITY_ROUTE_HOLDS: _community_route_holds,
    ReasonCode.COMMUNITY_ROUTE_FAILS: _community_route_fails,
    ReasonCode.ROUTE_WOULD_HOLD_IF: _route_would_hold_if,
    ReasonCode.MORE_COMPLAINTS_BY: _more_complaints_by,
    ReasonCode.COMPLAINTS_NEEDED: _complaints_needed,
    ReasonCode.HATE_COMPLAINT_NEEDED: _hate_complaint_needed,
    ReasonCode.COMMUNITY_REPORTS_NEEDED: _community_reports_needed,
    ReasonCode.NO_INCIDENTS: _no_incidents,
    ReasonCode.HATE_NOT_TIED_TO_INCIDENT: _hate_not_tied_to_incident,
    ReasonCode.DISCRETION_SUGGESTED: _discretion_suggested,
    ReasonCode.DISCRETION_NO_ONE_NAMED: _discretion_no_one_named,
}


def renders(code: ReasonCode) -> bool:
    """Whether ``code`` has a renderer (every code must)."""
    return code in _RENDERERS
