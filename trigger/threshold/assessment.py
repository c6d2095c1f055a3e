"""The threshold decision: a draft and a policy profile in, a provisional decision out.

Pure and fast: no I/O, no clock (the application date is the draft's own), called per extract.
Every rule is from ../shared/spec/threshold-rules.md; comments cite the paragraph they implement.

Each incident is assessed once (:mod:`trigger.threshold.rules`), then each route of the profile
is tried twice (:mod:`trigger.threshold.routes`): on the facts the text states, and with every
unknown fact read in the applicant's favour. A route that holds only in the second reading makes
the case ``incomplete``. The decision carries reason codes with their figures;
:meth:`ThresholdDecision.explain` renders them (:mod:`trigger.threshold.explain`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from trigger.dates import drops_out_on
from trigger.draft import Draft, DropOut, ThresholdResult
from trigger.profiles import Profile
from trigger.threshold.explain import Explainer
from trigger.threshold.reasons import Reason, ReasonCode
from trigger.threshold.routes import RouteOutcome, RouteState, try_routes, would_change
from trigger.threshold.rules import ComplaintAssessment, DateRules, Outcome, assess
from trigger.vocabulary import Route, Status


@dataclass(frozen=True)
class Explanation:
    """A decision in plain English: what the draft's ``threshold`` and `trigger check` print."""

    reasons: list[str]
    #: Each missing fact once, in the order the incidents raise them.
    missing: list[str]
    would_change: list[str]
    #: Each assessed incident's index -> how sentences name it after "the".
    incident_names: dict[int, str]


@dataclass(frozen=True)
class ThresholdDecision:
    """The provisional threshold decision (officers confirm it)."""

    profile: Profile
    application_date: date
    status: Status
    routes: list[Route]
    qualifying: list[int]
    #: The unknown facts that could change the answer (``MISSING_*`` codes).
    missing: list[Reason]
    discretion_suggested: bool
    reasons: list[Reason]
    assessments: list[ComplaintAssessment]
    route_outcomes: list[RouteOutcome]
    #: Each qualifying complaint's index -> the first application day it stops counting.
    drop_out: dict[int, date] = field(default_factory=dict)
    #: For ``not_met`` and ``incomplete``: what would change the answer, one reason each.
    would_change: list[Reason] = field(default_factory=list)

    @property
    def policy(self) -> str:
        """The profile's id."""
        return self.profile.id

    @property
    def profile_version(self) -> str:
        """The id and version of the profile the decision applied, e.g. ``hart@2026.1``."""
        return self.profile.profile_version

    def explain(self) -> Explanation:
        """The decision's reasons, missing facts and possible changes in plain English."""
        explainer = Explainer(self.profile, self.application_date)
        return Explanation(
            reasons=explainer.texts(self.reasons),
            missing=list(dict.fromkeys(explainer.texts(self.missing))),
            would_change=explainer.texts(self.would_change),
            incident_names={a.incident: explainer.incident_name(a.ref) for a in self.assessments},
        )

    def to_result(self) -> ThresholdResult:
        """The decision as the draft's ``threshold`` object (extract-contract.md)."""
        text = self.explain()
        return ThresholdResult(
            policy=self.policy,
            status=self.status,
            routes=list(self.routes),
            qualifying=list(self.qualifying),
            missing=text.missing,
            discretion_suggested=self.discretion_suggested,
            reasons=text.reasons,
            profile_version=self.profile_version,
            drop_out=[
                DropOut(incident=index, on=day) for index, day in sorted(self.drop_out.items())
            ],
            would_change=text.would_change,
        )


def _missing_facts(
    assessments: list[ComplaintAssessment], possible_routes: list[RouteOutcome]
) -> list[Reason]:
    """The missing facts of the incidents a possible route depends on, each once."""
    needed = {
        a.incident
        for o in possible_routes
        for a in assessments
        if a.outcome is Outcome.POSSIBLE and (o.route is Route.VOLUME or a.hate_in_list)
    }
    missing: list[Reason] = []
    for a in assessments:
        if a.incident in needed:
            missing.extend(m for m in a.missing if m not in missing)
    return missing


def decide(draft: Draft, profile: Profile) -> ThresholdDecision:
    """Apply ``profile``'s threshold to ``draft``; the result is provisional (officers confirm).

    The application date is ``draft.application_date`` (Europe/London day of ``received_at``).
    Any ``threshold`` already on the draft is ignored.
    """
    application = draft.application_date
    rules = DateRules(profile, application)
    assessments = [assess(incident, index, rules) for index, incident in enumerate(draft.incidents)]
    qualifying = [a.incident for a in assessments if a.outcome.qualifies]
    drop_out = {
        a.incident: drops_out_on(a.counted_from, rules.months)
        for a in assessments
        if a.outcome.qualifies and a.counted_from is not None
    }
    outcomes = try_routes(assessments, draft, rules)
    reasons: list[Reason] = []
    missing: list[Reason] = []
    changes: list[Reason] = []
    discretion = False

    # Exclusions are checked before any route (Hart s.9).
    exclusions = list(dict.fromkeys(draft.exclusions))
    if exclusions:
        status = Status.EXCLUDED
        routes: list[Route] = []
        reasons.extend(Reason(code=ReasonCode.EXCLUDED, exclusion=e) for e in exclusions)
    else:
        routes = [o.route for o in outcomes if o.state is RouteState.HOLDS]
        possible_routes = [o for o in outcomes if o.state is RouteState.POSSIBLE]
        if routes:
            status = Status.MET
        elif possible_routes:
            status = Status.INCOMPLETE
            missing = _missing_facts(assessments, possible_routes)
        else:
            status = Status.NOT_MET
        if status is not Status.MET:
            changes = would_change(assessments, outcomes, drop_out, rules)
            # Hart s.5 (third route) and s.11: risk or vulnerability may justify a review anyway.
            discretion = bool(draft.risk_flags)

    reasons.extend(a.reason for a in assessments)
    if not assessments:
        reasons.append(Reason(code=ReasonCode.NO_INCIDENTS))
    stray = tuple(
        s
        for s in dict.fromkeys(draft.hate_strands)
        if not any(s in incident.hate_strands for incident in draft.incidents)
    )
    if stray:
        reasons.append(Reason(code=ReasonCode.HATE_NOT_TIED_TO_INCIDENT, strands=stray))
    if status is not Status.EXCLUDED:
        reasons.extend(o.reason for o in outcomes)
    if discretion:
        code = (
            ReasonCode.DISCRETION_SUGGESTED
            if profile.discretion.available
            else ReasonCode.DISCRETION_NO_ONE_NAMED
        )
        reasons.append(Reason(code=code, risks=tuple(dict.fromkeys(draft.risk_flags))))
    return ThresholdDecision(
        profile=profile,
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
        would_change=changes,
    )


def threshold_result(draft: Draft, profile: Profile) -> ThresholdResult:
    """``profile``'s decision on ``draft`` as the draft's ``threshold`` object: what every
    channel stores (``draft.threshold = threshold_result(draft, profile)``)."""
    return decide(draft, profile).to_result()
