"""The threshold engine: a draft and a policy profile in, a provisional decision out.

Pure and fast: no I/O, no clock (the application date is the draft's own), called per extract.
Every rule is from ../shared/spec/threshold-rules.md; comments cite the paragraph they implement.

Each incident is assessed once (:class:`ComplaintAssessment`), then each route of the profile is
tried twice: on the facts the text states, and with every unknown fact read in the applicant's
favour. A route that holds only in the second reading makes the case ``incomplete``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from trigger.dates import add_months, drops_out_on, format_day, format_range, window_start
from trigger.draft import Draft, DropOut, Incident, ThresholdResult
from trigger.profiles import LimitUnit, Profile
from trigger.vocabulary import Agency, Exclusion, HateStrand, RiskFlag, Route, Status


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


class RouteState(StrEnum):
    """How one route of the profile fares."""

    HOLDS = "holds"
    POSSIBLE = "possible"  # holds only if unknown facts are favourable
    FAILS = "fails"
    NOT_OFFERED = "not_offered"  # the area has no such route


@dataclass(frozen=True)
class ComplaintAssessment:
    """One incident judged against the profile's qualifying-complaint rules."""

    incident: int
    outcome: Outcome
    reason: str
    #: How sentences name the incident after "the": "10 August incident".
    name: str = ""
    #: Plain sentences naming each unknown fact that matters for this incident.
    missing: tuple[str, ...] = ()
    #: What the unknown facts would have to be for this incident to qualify.
    condition: str = ""
    #: The earliest day the complaint can have been reported (for the window's drop-out date).
    counted_from: date | None = None
    hate_in_list: tuple[HateStrand, ...] = ()
    hate_outside: tuple[HateStrand, ...] = ()


@dataclass(frozen=True)
class RouteOutcome:
    """The outcome of one route, with the sentence that explains it."""

    route: Route
    state: RouteState
    reason: str


@dataclass(frozen=True)
class ThresholdDecision:
    """The provisional threshold decision (officers confirm it)."""

    policy: str
    profile_version: str
    application_date: date
    status: Status
    routes: list[Route]
    qualifying: list[int]
    missing: list[str]
    discretion_suggested: bool
    reasons: list[str]
    assessments: list[ComplaintAssessment]
    route_outcomes: list[RouteOutcome]
    #: Each qualifying complaint's index -> the first application day it stops counting.
    drop_out: dict[int, date] = field(default_factory=dict)
    #: For ``not_met`` and ``incomplete``: what would change the answer, one sentence each.
    would_change: list[str] = field(default_factory=list)

    def to_result(self) -> ThresholdResult:
        """The decision as the draft's ``threshold`` object (extract-contract.md)."""
        return ThresholdResult(
            policy=self.policy,
            status=self.status,
            routes=list(self.routes),
            qualifying=list(self.qualifying),
            missing=list(self.missing),
            discretion_suggested=self.discretion_suggested,
            reasons=list(self.reasons),
            profile_version=self.profile_version,
            drop_out=[
                DropOut(incident=index, on=day) for index, day in sorted(self.drop_out.items())
            ],
            would_change=list(self.would_change),
        )


_EXCLUSION_REASONS: dict[Exclusion, str] = {
    Exclusion.ANONYMOUS: (
        "the applicant wants to stay anonymous, and a case review needs a two-way process with "
        "the victim (Hart s.9)"
    ),
    Exclusion.CPS_DECISION: (
        "the request is to review a Crown Prosecution Service decision, which a case review "
        "cannot do (Hart s.9)"
    ),
    Exclusion.COURT_DECISION: (
        "the request is about a court's decision, which a case review cannot change (Hart s.9)"
    ),
    Exclusion.SERVICE_COMPLAINT: (
        "the request is only about the service received, not about behaviour that persists; "
        "it should go to the agency's complaints procedure (Hart s.9)"
    ),
}

_RISK_WORDS: dict[RiskFlag, str] = {
    RiskFlag.IMMEDIATE_DANGER: "immediate danger",
    RiskFlag.SELF_HARM: "risk of self-harm",
    RiskFlag.THREAT_OF_VIOLENCE: "threats of violence",
    RiskFlag.VULNERABLE_ADULT: "a vulnerable adult",
    RiskFlag.CHILD_AT_RISK: "a child at risk",
}

_RELEVANT_BODIES_PHRASE = "the council, the police, a social housing provider or the health service"

_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def _number(n: int) -> str:
    return _NUMBER_WORDS.get(n, str(n))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


_STRAND_WORDS: dict[HateStrand, str] = {
    HateStrand.SEXUAL_ORIENTATION: "sexual orientation",
    HateStrand.TRANSGENDER_IDENTITY: "transgender identity",
    HateStrand.MARRIAGE_CIVIL_PARTNERSHIP: "marriage or civil partnership",
    HateStrand.PREGNANCY_MATERNITY: "pregnancy or maternity",
}


def _strands_text(strands: tuple[HateStrand, ...] | list[HateStrand]) -> str:
    return ", ".join(_STRAND_WORDS.get(s, str(s)) for s in strands)


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class _Rules:
    """The profile's date rules applied at one application date."""

    def __init__(self, profile: Profile, application: date) -> None:
        self.profile = profile
        self.application = application
        self.year = application.year
        within = profile.qualifying_complaint.report_within
        self.unit = within.unit
        self.count = within.count or 0
        self.months = profile.qualifying_complaint.window_months
        self.window_start = window_start(application, self.months)

    def day(self, value: date) -> str:
        return format_day(value, self.year)

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
        latest = self.latest_report(incident_day)
        return latest is None or report_day <= latest

    def limit_text(self) -> str:
        return self.profile.qualifying_complaint.report_within.describe()

    def limit_of(self, what: str) -> str:
        """ "within 30 days of the incident"; with no limit, "at any time"."""
        if self.unit is LimitUnit.NONE:
            return "at any time"
        return f"{self.limit_text()} of {what}"

    def in_window(self, report_day: date) -> bool:
        # "In the last six months" means A - 6 calendar months <= R <= A.
        return self.window_start <= report_day <= self.application


def _incident_name(incident: Incident, index: int, rules: _Rules) -> str:
    """How sentences name an incident after "the": "10 August incident"."""
    start, end = incident.occurred.start, incident.occurred.end
    if start is None and end is None:
        return f"undated incident (number {index + 1})"
    if start is not None and end is not None and start != end:
        return f"{format_range(start, end, rules.year)} incident"
    return f"{rules.day(end or start)} incident"  # type: ignore[arg-type]


def _reason_prefix(incident: Incident, index: int, rules: _Rules) -> str:
    start, end = incident.occurred.start, incident.occurred.end
    if start is None and end is None:
        return f"Undated incident (number {index + 1})"
    if start is not None and end is not None and start != end:
        return (
            f"{format_range(start, end, rules.year)} (only a range is known: its last day, "
            f"{rules.day(end)}, is used, the reading most favourable to the victim)"
        )
    return rules.day(end or start)  # type: ignore[arg-type]


def _delay_text(incident: Incident, incident_day: date, report_day: date) -> str:
    days = (report_day - incident_day).days
    if days == 0:
        return "the same day"
    if days < 0:
        start = incident.occurred.start
        if start is not None and start <= report_day:
            return "within that period"
        return "before the date given for the incident (check the dates)"
    return f"{_plural(days, 'day')} later"


def _agency_text(agencies: list[Agency], rules: _Rules) -> str:
    labels = [rules.profile.agency_label(a) for a in agencies]
    return _join(list(dict.fromkeys(labels)))


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


def _hate_note(
    in_list: tuple[HateStrand, ...], outside: tuple[HateStrand, ...], profile: Profile
) -> str:
    if in_list:
        return f", a hate incident ({_strands_text(in_list)})"
    if not outside:
        return ""
    if not profile.routes.hate.available:
        return (
            f"; the hate motivation ({_strands_text(outside)}) counts towards the complaints, "
            "as this area has no separate hate route"
        )
    return (
        f"; the hate motivation ({_strands_text(outside)}) is not one of this area's hate strands, "
        "so it counts as an ordinary complaint"
    )


def _assess(incident: Incident, index: int, rules: _Rules) -> ComplaintAssessment:
    """Judge one incident: the qualifying-complaint rules of the profile at the application date."""
    profile = rules.profile
    prefix = _reason_prefix(incident, index, rules)
    name = _incident_name(incident, index, rules)
    in_list, outside = _hate_split(incident, profile)
    hate = _hate_note(in_list, outside, profile)

    def result(outcome: Outcome, text: str, **extra: Any) -> ComplaintAssessment:
        return ComplaintAssessment(
            incident=index,
            outcome=outcome,
            reason=f"{prefix}: {text}",
            name=name,
            hate_in_list=in_list,
            hate_outside=outside,
            **extra,
        )

    reported = _is_reported(incident)
    if reported is False:
        return result(Outcome.NOT_REPORTED, "not reported to a relevant body: not a complaint")

    incident_day = incident.occurred.end or incident.occurred.start  # I_end when a range
    relevant = [a for a in dict.fromkeys(incident.agencies) if a.is_relevant_body]
    only_other = bool(incident.agencies) and not relevant
    agency_unknown = not incident.agencies
    report_day = incident.reported_on

    if incident_day is not None and incident_day > rules.application:
        return result(
            Outcome.NOT_QUALIFYING,
            f"dated after the application on {rules.day(rules.application)}: "
            "not counted (check the date)",
        )
    if only_other:
        # An MP, a councillor, a private landlord or a charity is not a relevant body (s.104).
        return result(
            Outcome.NOT_QUALIFYING,
            "reported only to someone who is not a relevant body (an MP, a councillor, a private "
            "landlord or a charity does not count): not a qualifying complaint",
        )
    to_whom = f"reported to {_agency_text(relevant, rules)}" if relevant else "reported"
    several = (
        f" (one complaint, although reported to {_number(len(relevant))} bodies; Hart s.5)"
        if len(relevant) > 1
        else ""
    )

    if reported is None:
        return _assess_unknown_report(
            result, name, incident_day, rules, whether=True, agency_unknown=True
        )

    if report_day is None:
        return _assess_unknown_report(
            result,
            name,
            incident_day,
            rules,
            whether=False,
            agency_unknown=agency_unknown,
            to_whom=to_whom,
            hate=hate,
        )

    # The report day is stated.
    if report_day > rules.application:
        return result(
            Outcome.NOT_QUALIFYING,
            f"{to_whom} on {rules.day(report_day)}, after the application on "
            f"{rules.day(rules.application)}: not counted (check the dates)",
        )
    when = f"{to_whom} on {rules.day(report_day)}"
    if incident_day is not None:
        when = f"{when}, {_delay_text(incident, incident_day, report_day)}"
        if report_day == incident_day:
            when = f"{to_whom} the same day"
    if not rules.in_window(report_day):
        return result(
            Outcome.NOT_QUALIFYING,
            f"{when}: not a qualifying complaint (reported more than {_number(rules.months)} "
            "months before "
            f"the application on {rules.day(rules.application)}; the window starts on "
            f"{rules.day(rules.window_start)})",
        )
    if incident_day is None:
        if rules.unit is LimitUnit.NONE:
            date_ok = True
        else:
            earliest = rules.earliest_incident(report_day)
            missing = [
                f"The date of the incident {to_whom} on {rules.day(report_day)} is not known."
            ]
            condition = (
                f"the incident {to_whom} on {rules.day(report_day)} happened on or after "
                f"{rules.day(earliest)}"
            )
            if agency_unknown:
                missing.append(
                    f"Who the incident reported on {rules.day(report_day)} was reported to "
                    "is not known."
                )
                condition += f" and was reported to {_RELEVANT_BODIES_PHRASE}"
            return result(
                Outcome.POSSIBLE,
                f"{when}, but the incident's date is not given: it qualifies only if it happened "
                f"on or after {rules.day(earliest)} ({rules.limit_text()} before the report)",
                missing=tuple(missing),
                condition=condition,
            )
    else:
        date_ok = rules.in_time(incident_day, report_day)
    if not date_ok:
        assert incident_day is not None
        latest = rules.latest_report(incident_day)
        assert latest is not None
        return result(
            Outcome.NOT_QUALIFYING,
            f"{when}: not a qualifying complaint (must be reported {rules.limit_text()}, "
            f"by {rules.day(latest)})",
        )
    no_limit = ""
    if (
        rules.unit is LimitUnit.NONE
        and incident_day is not None
        and (report_day - incident_day).days > 31
    ):
        no_limit = " (this area sets no time limit for the report)"
    if agency_unknown:
        return result(
            Outcome.POSSIBLE,
            f"{when}, but the text does not say to whom: it qualifies only if that was "
            f"{_RELEVANT_BODIES_PHRASE}",
            missing=(f"Who the {name} was reported to is not known.",),
            condition=f"the {name} was reported to {_RELEVANT_BODIES_PHRASE}",
        )
    return result(
        Outcome.QUALIFYING,
        f"{when}: qualifying complaint{no_limit}{several}{hate}",
        counted_from=report_day,
    )


_Make = Callable[..., ComplaintAssessment]


def _assess_unknown_report(
    make: _Make,
    name: str,
    incident_day: date | None,
    rules: _Rules,
    *,
    whether: bool,
    agency_unknown: bool,
    to_whom: str = "reported",
    hate: str = "",
) -> ComplaintAssessment:
    """An incident whose report day is unknown (or whether it was reported at all).

    threshold-rules.md: a report whose day is unknown still happened between the incident and the
    application (I <= R <= A). When every day in that interval would qualify, the complaint
    qualifies and the reasons say the day was deduced; otherwise the unknown day is a missing fact.
    """
    if whether:
        question = f"Whether the {name} was reported to a relevant body, and when, is not known."
        lead = "the text does not say whether this was reported to a relevant body"
    else:
        question = f"When the {name} was reported is not known."
        lead = f"{to_whom} on a day the text does not give"
    agency_question = f"Who the {name} was reported to is not known."
    known_body = not whether and not agency_unknown
    reported_to_any = f"reported to {_RELEVANT_BODIES_PHRASE}"

    if incident_day is None:
        missing = [question]
        if rules.unit is not LimitUnit.NONE:
            missing.insert(0, f"The date of the {name} is not known.")
        if agency_unknown and not whether:
            missing.append(agency_question)
        return make(
            Outcome.POSSIBLE,
            f"{lead}, and the incident's date is not given: it qualifies only if it was reported "
            f"{rules.limit_of('the incident')} and on or after {rules.day(rules.window_start)}",
            missing=tuple(missing),
            condition=(
                f"the {name} was {to_whom if known_body else reported_to_any} "
                f"{rules.limit_of('it')}, on or after {rules.day(rules.window_start)}"
            ),
        )

    latest = rules.latest_report(incident_day)
    low = max(incident_day, rules.window_start)
    high = rules.application if latest is None else min(rules.application, latest)
    if low > high:
        assert latest is not None
        return make(
            Outcome.NOT_QUALIFYING,
            f"{lead}; to qualify it had to be reported {rules.limit_text()}, by "
            f"{rules.day(latest)}, which is before the {_number(rules.months)}-month window "
            f"starts on {rules.day(rules.window_start)}: not a qualifying complaint",
        )
    every_day_qualifies = low == incident_day and high == rules.application
    if every_day_qualifies and not whether:
        if agency_unknown:
            return make(
                Outcome.POSSIBLE,
                f"{lead}, and not to whom; any day between the incident and the application "
                f"would be in time, so it qualifies only if it was reported to "
                f"{_RELEVANT_BODIES_PHRASE}",
                missing=(agency_question,),
                condition=f"the {name} was reported to {_RELEVANT_BODIES_PHRASE}",
            )
        return make(
            Outcome.DEDUCED,
            f"{lead}; it must have been between {rules.day(incident_day)} and the application on "
            f"{rules.day(rules.application)}, and any day in that interval qualifies: qualifying "
            f"complaint (report day deduced){hate}",
            counted_from=incident_day,
        )
    missing = [question]
    condition = f"the {name} was {'reported to a relevant body' if whether else 'reported'} " + (
        f"between {rules.day(low)} and {rules.day(high)}" if low != high else f"on {rules.day(low)}"
    )
    if agency_unknown and not whether:
        missing.append(agency_question)
        condition += f", to {_RELEVANT_BODIES_PHRASE}"
    return make(
        Outcome.POSSIBLE,
        f"{lead}: it qualifies only if it was reported between {rules.day(low)} and "
        f"{rules.day(high)} ({rules.limit_of('the incident')} and in the "
        f"{_number(rules.months)} months before "
        "the application)",
        missing=tuple(missing),
        condition=condition,
    )


def _volume(assessments: list[ComplaintAssessment], rules: _Rules) -> RouteOutcome:
    needed = rules.profile.routes.volume.count
    qualifying = sum(1 for a in assessments if a.outcome.qualifies)
    possible = sum(1 for a in assessments if a.outcome is Outcome.POSSIBLE)
    counted = f"{_plural(qualifying, 'qualifying complaint')} ({needed} needed"
    counted += ", about the same problem)" if rules.profile.routes.volume.same_problem else ")"
    if qualifying >= needed:
        return RouteOutcome(Route.VOLUME, RouteState.HOLDS, f"Volume route: {counted}: holds.")
    if qualifying + possible >= needed:
        return RouteOutcome(
            Route.VOLUME,
            RouteState.POSSIBLE,
            f"Volume route: {counted}, and {possible} more that may qualify: "
            "depends on the missing facts.",
        )
    return RouteOutcome(Route.VOLUME, RouteState.FAILS, f"Volume route: {counted}: does not hold.")


def _hate(assessments: list[ComplaintAssessment], rules: _Rules) -> RouteOutcome:
    hate_route = rules.profile.routes.hate
    if not hate_route.available:
        return RouteOutcome(
            Route.HATE, RouteState.NOT_OFFERED, "This area has no separate hate route."
        )
    names = f"{hate_route.strand_list}: " if hate_route.strand_list else ""
    listed = f"({names}{_strands_text(hate_route.strands)})"
    holding = [a for a in assessments if a.outcome.qualifies and a.hate_in_list]
    if holding:
        first = holding[0]
        return RouteOutcome(
            Route.HATE,
            RouteState.HOLDS,
            f"Hate route: complaint {first.incident + 1} is a hate incident "
            f"({_strands_text(first.hate_in_list)}): holds.",
        )
    if any(a.outcome is Outcome.POSSIBLE and a.hate_in_list for a in assessments):
        return RouteOutcome(
            Route.HATE,
            RouteState.POSSIBLE,
            f"Hate route: a hate incident {listed} may be a qualifying complaint: "
            "depends on the missing facts.",
        )
    return RouteOutcome(
        Route.HATE,
        RouteState.FAILS,
        f"Hate route: no qualifying complaint of a hate incident {listed}: does not hold.",
    )


def _community(draft: Draft, rules: _Rules) -> RouteOutcome:
    community = rules.profile.routes.community
    reporters = draft.community_reporters
    if not community.available:
        text = "This area has no community route"
        if reporters:
            text += f" (the text says {reporters} people have reported the problem)"
        return RouteOutcome(Route.COMMUNITY, RouteState.NOT_OFFERED, text + ".")
    needed = community.count or 0
    what = (
        "the same incident" if community.kind == "individuals_same_incident" else "the same problem"
    )
    if reporters is None:
        return RouteOutcome(
            Route.COMMUNITY,
            RouteState.FAILS,
            f"Community route: the text does not say how many people have complained about {what} "
            f"({needed} needed): does not hold.",
        )
    state = RouteState.HOLDS if reporters >= needed else RouteState.FAILS
    verdict = "holds" if state is RouteState.HOLDS else "does not hold"
    return RouteOutcome(
        Route.COMMUNITY,
        state,
        f"Community route: {_plural(reporters, 'different person')} complained about {what} "
        f"({needed} needed): {verdict}.".replace("different persons", "different people"),
    )


def _each_reported(rules: _Rules, count: int) -> str:
    subject = "an incident" if count == 1 else "incidents each"
    if rules.unit is LimitUnit.NONE:
        return f"{subject} reported to a relevant body"
    return f"{subject} reported to a relevant body {rules.limit_text()}"


def _would_change(
    assessments: list[ComplaintAssessment],
    outcomes: list[RouteOutcome],
    drop_out: dict[int, date],
    rules: _Rules,
) -> list[str]:
    """One sentence per change of fact that would meet a route (for not_met / incomplete)."""
    profile = rules.profile
    sentences: list[str] = []
    possible = [a for a in assessments if a.outcome is Outcome.POSSIBLE]
    for outcome in outcomes:
        if outcome.state is not RouteState.POSSIBLE:
            continue
        relevant = (
            possible if outcome.route is Route.VOLUME else [a for a in possible if a.hate_in_list]
        )
        conditions = _join([a.condition for a in relevant])
        sentences.append(f"The {outcome.route} route would hold if {conditions}.")
    volume = next(o for o in outcomes if o.route is Route.VOLUME)
    if volume.state is RouteState.FAILS:
        needed = profile.routes.volume.count
        have = len(drop_out)
        more = needed - have
        noun = "qualifying complaint" if more == 1 else "qualifying complaints"
        if have:
            first_out = min(drop_out.values())
            deadline = first_out - timedelta(days=1)
            sentences.append(
                f"{_number(more).capitalize()} more {noun} ({_each_reported(rules, more)}), "
                f"reported by {rules.day(deadline)} with the application made by then, "
                "would meet the volume route."
            )
        else:
            sentences.append(
                f"{_number(needed).capitalize()} qualifying complaints "
                f"({_each_reported(rules, needed)}) within "
                f"{rules.months} months of the application would meet the volume route."
            )
    hate = next(o for o in outcomes if o.route is Route.HATE)
    if hate.state is RouteState.FAILS:
        sentences.append(
            "One qualifying complaint of a hate incident "
            f"({_strands_text(profile.routes.hate.strands)}) "
            "would meet the hate route on its own."
        )
    community = next(o for o in outcomes if o.route is Route.COMMUNITY)
    if community.state is RouteState.FAILS:
        what = (
            "complained separately about the same incident"
            if profile.routes.community.kind == "individuals_same_incident"
            else "reported the same problem"
        )
        sentences.append(
            f"If {_number(profile.routes.community.count or 0)} different people have {what} "
            f"in the last {_number(rules.months)} months, the community route would hold."
        )
    return sentences


def decide(draft: Draft, profile: Profile) -> ThresholdDecision:
    """Apply ``profile``'s threshold to ``draft``; the result is provisional (officers confirm).

    The application date is ``draft.application_date`` (Europe/London day of ``received_at``).
    Any ``threshold`` already on the draft is ignored.
    """
    application = draft.application_date
    rules = _Rules(profile, application)
    assessments = [
        _assess(incident, index, rules) for index, incident in enumerate(draft.incidents)
    ]
    qualifying = [a.incident for a in assessments if a.outcome.qualifies]
    drop_out = {
        a.incident: drops_out_on(a.counted_from, rules.months)
        for a in assessments
        if a.outcome.qualifies and a.counted_from is not None
    }
    outcomes = [
        _volume(assessments, rules),
        _hate(assessments, rules),
        _community(draft, rules),
    ]
    reasons: list[str] = []
    missing: list[str] = []
    would_change: list[str] = []
    discretion = False

    # Exclusions are checked before any route (Hart s.9).
    exclusions = list(dict.fromkeys(draft.exclusions))
    if exclusions:
        status = Status.EXCLUDED
        routes: list[Route] = []
        reasons.extend(f"Not a case review: {_EXCLUSION_REASONS[e]}." for e in exclusions)
    else:
        routes = [o.route for o in outcomes if o.state is RouteState.HOLDS]
        possible_routes = [o for o in outcomes if o.state is RouteState.POSSIBLE]
        if routes:
            status = Status.MET
        elif possible_routes:
            status = Status.INCOMPLETE
            needed = {
                a.incident
                for o in possible_routes
                for a in assessments
                if a.outcome is Outcome.POSSIBLE and (o.route is Route.VOLUME or a.hate_in_list)
            }
            for a in assessments:
                if a.incident in needed:
                    missing.extend(m for m in a.missing if m not in missing)
        else:
            status = Status.NOT_MET
        if status is not Status.MET:
            would_change = _would_change(assessments, outcomes, drop_out, rules)
            # Hart s.5 (third route) and s.11: risk or vulnerability may justify a review anyway.
            discretion = bool(draft.risk_flags)

    reasons.extend(a.reason for a in assessments)
    if not assessments:
        reasons.append("The text describes no specific incident.")
    stray = [
        s
        for s in dict.fromkeys(draft.hate_strands)
        if not any(s in incident.hate_strands for incident in draft.incidents)
    ]
    if stray:
        reasons.append(
            f"The text mentions hate ({_strands_text(stray)}) without tying it to a dated "
            "incident: "
            "an officer should check which incident it was."
        )
    if status is not Status.EXCLUDED:
        reasons.extend(o.reason for o in outcomes)
    if discretion:
        risks = _join([_RISK_WORDS[r] for r in dict.fromkeys(draft.risk_flags)])
        if profile.discretion.available:
            reasons.append(
                f"The text shows risk or vulnerability ({risks}): {profile.discretion.who} may "
                "accept the case even though the threshold is not met (Hart s.5 and s.11: good "
                "conscience and professional judgement)."
            )
        else:
            reasons.append(
                f"The text shows risk or vulnerability ({risks}): a senior officer may still "
                "accept "
                "the case on professional judgement, although this area's page names no one for it."
            )
    return ThresholdDecision(
        policy=profile.id,
        profile_version=profile.profile_version,
        application_date=application,
        status=status,
        routes=routes,
        qualifying=qualifying,
        missing=missing,
        discretion_suggested=discretion,
        reasons=reasons,
        assessments=assessments,
        route_outcomes=outcomes,
        drop_out=drop_out,
        would_change=would_change,
    )
