"""What to ask an applicant: the facts an incident still lacks, and the read-back questions an
officer asks a caller after typing what they said (assisted intake: phone, letter, in person).

Pure: no I/O, no framework. The bot's dialogue (``bot.dialogue``) and the officers' console
(``console``) both ask from here, so the decision of which incident facts are missing, and the
plain names of the bodies told, are made once; channels never import one another.

Nothing here quotes the applicant's words back. An incident is named by its date ("the
incident of 3 November") or its number, a body by a plain word ("the police", "your
landlord"): a perpetrator's name or a slur in the story is never repeated (house rule: nothing
said to a victim names or describes the alleged perpetrator).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from trigger.dates import format_day, format_range
from trigger.draft import Draft, Incident
from trigger.profiles import Profile
from trigger.threshold import ReasonCode, ThresholdDecision, decide
from trigger.vocabulary import Agency, ApplicantRole, Consent, RiskFlag, Status

# --- Shared with the bot ------------------------------------------------------------------

BODY_WORDS = {
    Agency.POLICE: "the police",
    Agency.COUNCIL: "the council",
    Agency.HOUSING: "your landlord",
    Agency.HEALTH: "the health service",
    Agency.OTHER: "someone else",
}


def bodies(agencies: list[Agency]) -> str:
    """Plain names of the bodies told: "the police and the council"."""
    names = list(dict.fromkeys(BODY_WORDS[a] for a in agencies))
    if not names:
        return "someone"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


class IncidentFact(StrEnum):
    """A fact about one incident the threshold needs (the values are the bot's ``Ask`` s)."""

    WHEN = "when"
    REPORTED = "reported"
    WHO = "who"
    REPORTED_ON = "reported_on"
    REFERENCE = "reference"


def missing_incident_facts(incident: Incident) -> list[IncidentFact]:
    """The facts ``incident`` still lacks, in the order to ask them: when it happened, whether
    it was reported, and for a reported incident to whom, on which day and its reference."""
    missing: list[IncidentFact] = []
    if incident.occurred.start is None:
        missing.append(IncidentFact.WHEN)
    if incident.reported is None:
        missing.append(IncidentFact.REPORTED)
    if incident.reported:
        if not incident.agencies:
            missing.append(IncidentFact.WHO)
        if incident.reported_on is None:
            missing.append(IncidentFact.REPORTED_ON)
        if not incident.references:
            missing.append(IncidentFact.REFERENCE)
    return missing


# --- The console's read-back ----------------------------------------------------------------


class Topic(StrEnum):
    """What a read-back question is about (tests assert topics; the text is for people)."""

    RISK = "risk"
    INCIDENT_DATE = "incident_date"
    WHETHER_REPORTED = "whether_reported"
    REPORT_DAY_AND_BODY = "report_day_and_body"
    REPORT_DAY = "report_day"
    REPORT_BODY = "report_body"
    REFERENCE = "reference"
    CONFIRM_INCIDENT = "confirm_incident"
    SET_ASIDE_DATE = "set_aside_date"
    MORE_INCIDENTS = "more_incidents"
    HATE = "hate"
    THIRD_PARTY_CONSENT = "third_party_consent"
    CONTACT = "contact"
    SHARE = "share"


@dataclass(frozen=True)
class ReadBackQuestion:
    """One question for the officer to ask the caller."""

    topic: Topic
    text: str
    #: The incident it is about (its index in the draft), if any.
    incident: int | None = None
    #: The answer could change the provisional decision (the engine's missing facts, an
    #: incident that does not count as told, a decision resting on a deduced day).
    changes_decision: bool = False


_URGENT = frozenset({RiskFlag.IMMEDIATE_DANGER, RiskFlag.SELF_HARM, RiskFlag.THREAT_OF_VIOLENCE})
# An incident's own reason that a wrong date or body may explain (threshold-rules.md).
_DOES_NOT_COUNT = frozenset(
    {
        ReasonCode.NOT_REPORTED,
        ReasonCode.DATED_AFTER_APPLICATION,
        ReasonCode.REPORTED_TO_IRRELEVANT_BODY,
        ReasonCode.REPORTED_AFTER_APPLICATION,
        ReasonCode.OUTSIDE_WINDOW,
        ReasonCode.REPORTED_TOO_LATE,
    }
)
_MORE_NEEDED = frozenset({ReasonCode.COMPLAINTS_NEEDED, ReasonCode.MORE_COMPLAINTS_BY})


def readback_questions(draft: Draft, profile: Profile) -> list[ReadBackQuestion]:
    """The questions an officer asks a caller to confirm and complete ``draft`` under
    ``profile``: safety first, then each incident (what is missing, or its date and body to
    confirm), dates set aside, more incidents or a hate motive when the threshold is not met,
    and consent and contact. Built from the threshold engine's structured reasons and missing
    facts; never names or quotes anyone."""
    decision = decide(draft, profile)
    year = draft.application_date.year
    area_agencies = {body.agency for body in profile.relevant_bodies}
    told_bodies = bodies([agency for agency in BODY_WORDS if agency in area_agencies])
    not_met = decision.status in (Status.NOT_MET, Status.INCOMPLETE)
    questions: list[ReadBackQuestion] = []

    risks = set(draft.risk_flags)
    if risks & _URGENT:
        questions.append(
            ReadBackQuestion(
                Topic.RISK,
                "Is anyone in danger right now? If so, call 999 before going on.",
                changes_decision=True,
            )
        )
    for index, incident in enumerate(draft.incidents):
        questions.extend(_incident_questions(decision, index, incident, year, not_met))
    for rejected in draft.rejected_dates:
        if rejected.occurred.start is not None:
            day = format_day(rejected.occurred.start, year)
            questions.append(
                ReadBackQuestion(
                    Topic.SET_ASIDE_DATE,
                    f"You also mentioned {day}. Did something happen to you that day "
                    "that you want to include?",
                )
            )
    if not_met and any(r.code in _MORE_NEEDED for r in decision.would_change):
        months = profile.qualifying_complaint.window_months
        questions.append(
            ReadBackQuestion(
                Topic.MORE_INCIDENTS,
                f"Has anything else happened in the last {months} months that you reported "
                f"to {told_bodies}?",
                changes_decision=True,
            )
        )
    if profile.routes.hate.available and not draft.hate_strands:
        questions.append(
            ReadBackQuestion(
                Topic.HATE,
                "Do you think any of this happened because of who you are, such as your race, "
                "faith, disability, sexuality or gender identity?",
                changes_decision=not_met,
            )
        )
    if draft.applicant.role is ApplicantRole.THIRD_PARTY:
        questions.append(
            ReadBackQuestion(
                Topic.THIRD_PARTY_CONSENT,
                "Does the person you are applying for know about this, and agree to it?",
            )
        )
    if not (draft.applicant.email or draft.applicant.phone):
        questions.append(
            ReadBackQuestion(
                Topic.CONTACT,
                "What is the best phone number, email address or postal address to reach you?",
            )
        )
    if draft.consent is Consent.NOT_STATED:
        questions.append(
            ReadBackQuestion(
                Topic.SHARE,
                f"May we share your details with {told_bodies}? "
                "They need them to look at your case.",
            )
        )
    if not risks & _URGENT:
        questions.append(
            ReadBackQuestion(
                Topic.RISK,
                "Is anyone in your household at risk of harm, or has this affected anyone's "
                "health or sleep?",
                changes_decision=bool(risks) or not_met,
            )
        )
    return questions


def _when(incident: Incident, year: int) -> str | None:
    start, end = incident.occurred.start, incident.occurred.end
    if start is None:
        return None
    return format_range(start, end or start, year)


def _report_day(incident: Incident, year: int) -> str:
    occurred: date | None = incident.occurred.end or incident.occurred.start
    if incident.reported_on is None:
        return ""
    if incident.reported_on == occurred:
        return " the same day"
    return f" on {format_day(incident.reported_on, year)}"


def _incident_questions(
    decision: ThresholdDecision, index: int, incident: Incident, year: int, not_met: bool
) -> list[ReadBackQuestion]:
    """One incident's questions: what it lacks, else its date and body to confirm."""
    missing_codes = {
        m.code for m in decision.missing if m.incident is not None and m.incident.index == index
    }
    own = next((a.reason.code for a in decision.assessments if a.incident == index), None)
    when = _when(incident, year)
    name = f"the incident of {when}" if when else f"incident {index + 1}"
    facts = set(missing_incident_facts(incident))
    # The engine counted it on a report day it deduced: the day the caller gives decides.
    decisive = bool(missing_codes) or own is ReasonCode.REPORT_DAY_DEDUCED
    asked: list[ReadBackQuestion] = []

    def ask(topic: Topic, text: str, changes: bool = decisive) -> None:
        asked.append(ReadBackQuestion(topic, text, incident=index, changes_decision=changes))

    if IncidentFact.WHEN in facts:
        ask(
            Topic.INCIDENT_DATE,
            f"On what day did {name} happen? A rough date will do, such as “early October”.",
        )
    if IncidentFact.REPORTED in facts:
        ask(
            Topic.WHETHER_REPORTED,
            f"Did you report {name} to anyone, such as the police, the council or your "
            "landlord? If so, which day, and to whom?",
        )
    if IncidentFact.WHO in facts and IncidentFact.REPORTED_ON in facts:
        ask(Topic.REPORT_DAY_AND_BODY, f"Which day did you report {name}, and to whom?")
    elif IncidentFact.REPORTED_ON in facts:
        ask(Topic.REPORT_DAY, f"Which day did you report {name} to {bodies(incident.agencies)}?")
    elif IncidentFact.WHO in facts:
        ask(Topic.REPORT_BODY, f"Who did you report {name} to?")
    if not facts - {IncidentFact.REFERENCE} and when is not None:
        if incident.reported:
            told = f"you reported it to {bodies(incident.agencies)}{_report_day(incident, year)}"
        else:
            told = "you did not report it"
        ask(
            Topic.CONFIRM_INCIDENT,
            f"You said something happened on {when} and {told}. Is that right?",
            not_met and own in _DOES_NOT_COUNT,
        )
    if IncidentFact.REFERENCE in facts:
        ask(
            Topic.REFERENCE,
            f"Do you have a reference number from when you reported {name}?",
            False,
        )
    return asked
