"""The threshold engine: a draft and a policy profile in, a provisional decision out.

``rules`` judges each incident, ``routes`` tries each route, ``assessment`` decides; all three
give reason codes with their figures (``reasons``), and ``explain`` renders them in plain English.
"""

from trigger.threshold.assessment import (
    Explanation,
    ThresholdDecision,
    decide,
    threshold_result,
)
from trigger.threshold.explain import Explainer
from trigger.threshold.reasons import IncidentRef, Reason, ReasonCode
from trigger.threshold.routes import RouteOutcome, RouteState
from trigger.threshold.rules import ComplaintAssessment, Outcome

__all__ = [
    "ComplaintAssessment",
    "Explainer",
    "Explanation",
    "IncidentRef",
    "Outcome",
    "Reason",
    "ReasonCode",
    "RouteOutcome",
    "RouteState",
    "ThresholdDecision",
    "decide",
    "threshold_result",
]
