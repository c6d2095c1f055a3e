"""The routes of a profile's threshold, and what would make a route hold.

Each route is tried on the complaint assessments of :mod:`trigger.threshold.rules` (volume, hate)
or on the draft itself (community); each outcome carries a reason code with its figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from trigger.draft import Draft
from trigger.threshold.reasons import Reason, ReasonCode
from trigger.threshold.rules import ComplaintAssessment, DateRules, Outcome
from trigger.vocabulary import Route


class RouteState(StrEnum):
    """How one route of the profile fares."""

    HOLDS = "holds"
    POSSIBLE = "possible"  # holds only if unknown facts are favourable
    FAILS = "fails"
    NOT_OFFERED = "not_offered"  # the area has no such route


@dataclass(frozen=True)
class RouteOutcome:
    """The outcome of one route, with the reason that explains it."""

    route: Route
    state: RouteState
    reason: Reason


def volume(assessments: list[ComplaintAssessment], rules: DateRules) -> RouteOutcome:
    """The volume route: enough qualifying complaints in the window."""
    needed = rules.profile.routes.volume.count
    qualifying = sum(1 for a in assessments if a.outcome.qualifies)
    possible = sum(1 for a in assessments if a.outcome is Outcome.POSSIBLE)
    if qualifying >= needed:
        state, code = RouteState.HOLDS, ReasonCode.VOLUME_ROUTE_HOLDS
    elif qualifying + possible >= needed:
        state, code = RouteState.POSSIBLE, ReasonCode.VOLUME_ROUTE_POSSIBLE
    else:
        state, code = RouteState.FAILS, ReasonCode.VOLUME_ROUTE_FAILS
    reason = Reason(code=code, count=qualifying, needed=needed, possible=possible)
    return RouteOutcome(Route.VOLUME, state, reason)


def hate(assessments: list[ComplaintAssessment], rules: DateRules) -> RouteOutcome:
    """The hate route: one qualifying complaint of a hate incident with a listed strand."""
    hate_route = rules.profile.routes.hate
    if not hate_route.available:
        return RouteOutcome(
            Route.HATE, RouteState.NOT_OFFERED, Reason(code=ReasonCode.HATE_ROUTE_NOT_OFFERED)
        )
    listed = tuple(hate_route.strands)
    holding = [a for a in assessments if a.outcome.qualifies and a.hate_in_list]
    if holding:
        first = holding[0]
        return RouteOutcome(
            Route.HATE,
            RouteState.HOLDS,
            Reason(
                code=ReasonCode.HATE_ROUTE_HOLDS, incident=first.ref, strands=first.hate_in_list
            ),
        )
    if any(a.outcome is Outcome.POSSIBLE and a.hate_in_list for a in assessments):
        return RouteOutcome(
            Route.HATE,
            RouteState.POSSIBLE,
            Reason(code=ReasonCode.HATE_ROUTE_POSSIBLE, strands=listed),
        )
    return RouteOutcome(
        Route.HATE, RouteState.FAILS, Reason(code=ReasonCode.HATE_ROUTE_FAILS, strands=listed)
    )


def community(draft: Draft, rules: DateRules) -> RouteOutcome:
    """The community route: enough different people complaining (what counts is the area's)."""
    route = rules.profile.routes.community
    reporters = draft.community_reporters
    if not route.available:
        return RouteOutcome(
            Route.COMMUNITY,
            RouteState.NOT_OFFERED,
            Reason(code=ReasonCode.COMMUNITY_ROUTE_NOT_OFFERED, count=reporters),
        )
    needed = route.count or 0
    if reporters is None:
        return RouteOutcome(
            Route.COMMUNITY,
            RouteState.FAILS,
            Reason(code=ReasonCode.COMMUNITY_COUNT_UNKNOWN, needed=needed),
        )
    if reporters >= needed:
        state, code = RouteState.HOLDS, ReasonCode.COMMUNITY_ROUTE_HOLDS
    else:
        state, code = RouteState.FAILS, ReasonCode.COMMUNITY_ROUTE_FAILS
    return RouteOutcome(Route.COMMUNITY, state, Reason(code=code, count=reporters, needed=needed))


def try_routes(
    assessments: list[ComplaintAssessment], draft: Draft, rules: DateRules
) -> list[RouteOutcome]:
    """Every route of the threshold, in a fixed order: volume, hate, community."""
    return [volume(assessments, rules), hate(assessments, rules), community(draft, rules)]


def would_change(
    assessments: list[ComplaintAssessment],
    outcomes: list[RouteOutcome],
    drop_out: dict[int, date],
    rules: DateRules,
) -> list[Reason]:
    """One reason per change of fact that would meet a route (for not_met / incomplete)."""
    profile = rules.profile
    changes: list[Reason] = []
    possible = [a for a in assessments if a.outcome is Outcome.POSSIBLE]
    for outcome in outcomes:
        if outcome.state is not RouteState.POSSIBLE:
            continue
        relevant = (
            possible if outcome.route is Route.VOLUME else [a for a in possible if a.hate_in_list]
        )
        conditions = tuple(a.condition for a in relevant if a.condition is not None)
        changes.append(
            Reason(code=ReasonCode.ROUTE_WOULD_HOLD_IF, route=outcome.route, details=conditions)
        )
    states = {o.route: o.state for o in outcomes}
    if states[Route.VOLUME] is RouteState.FAILS:
        needed = profile.routes.volume.count
        if drop_out:
            # The first complaint to drop out sets the last day the application can be made.
            changes.append(
                Reason(
                    code=ReasonCode.MORE_COMPLAINTS_BY,
                    count=needed - len(drop_out),
                    latest=min(drop_out.values()) - timedelta(days=1),
                )
            )
        else:
            changes.append(
                Reason(code=ReasonCode.COMPLAINTS_NEEDED, needed=needed, months=rules.months)
            )
    if states[Route.HATE] is RouteState.FAILS:
        changes.append(
            Reason(
                code=ReasonCode.HATE_COMPLAINT_NEEDED, strands=tuple(profile.routes.hate.strands)
            )
        )
    if states[Route.COMMUNITY] is RouteState.FAILS:
        changes.append(
            Reason(
                code=ReasonCode.COMMUNITY_REPORTS_NEEDED,
                needed=profile.routes.community.count or 0,
                months=rules.months,
            )
        )
    return changes
