"""The closed vocabularies of a draft application (../shared/spec/extract-contract.md)."""

from __future__ import annotations

from enum import StrEnum


class Agency(StrEnum):
    """Who an incident was reported to. Only the first four are relevant bodies (s.104)."""

    POLICE = "police"
    COUNCIL = "council"
    HOUSING = "housing"
    HEALTH = "health"
    OTHER = "other"

    @property
    def is_relevant_body(self) -> bool:
        """An MP, councillor, private landlord or charity (`other`) never makes a report count."""
        return self is not Agency.OTHER


class HateStrand(StrEnum):
    """The protected characteristics a hate incident can be motivated by."""

    RACE = "race"
    RELIGION = "religion"
    DISABILITY = "disability"
    SEXUAL_ORIENTATION = "sexual_orientation"
    TRANSGENDER_IDENTITY = "transgender_identity"
    AGE = "age"
    SEX = "sex"
    MARRIAGE_CIVIL_PARTNERSHIP = "marriage_civil_partnership"
    PREGNANCY_MATERNITY = "pregnancy_maternity"


class Exclusion(StrEnum):
    """Reasons a request is not an ASB case review at all (Hart s.9)."""

    ANONYMOUS = "anonymous"
    CPS_DECISION = "cps_decision"
    COURT_DECISION = "court_decision"
    SERVICE_COMPLAINT = "service_complaint"


class RiskFlag(StrEnum):
    """Signs of risk or vulnerability that may justify discretion (Hart s.5)."""

    IMMEDIATE_DANGER = "immediate_danger"
    SELF_HARM = "self_harm"
    THREAT_OF_VIOLENCE = "threat_of_violence"
    VULNERABLE_ADULT = "vulnerable_adult"
    CHILD_AT_RISK = "child_at_risk"


class Consent(StrEnum):
    """Whether the victim agrees to the application or to sharing information."""

    GIVEN = "given"
    REFUSED = "refused"
    NOT_STATED = "not_stated"


class ApplicantRole(StrEnum):
    """Whether the applicant writes about themselves or on someone else's behalf."""

    VICTIM = "victim"
    THIRD_PARTY = "third_party"


class Channel(StrEnum):
    """How an application arrived."""

    EMAIL = "email"
    CHAT = "chat"
    TEXT = "text"


class Status(StrEnum):
    """The threshold decision's status (threshold-rules.md, "The decision")."""

    MET = "met"
    NOT_MET = "not_met"
    INCOMPLETE = "incomplete"
    EXCLUDED = "excluded"


class Route(StrEnum):
    """The ways a case can meet a threshold."""

    VOLUME = "volume"
    HATE = "hate"
    COMMUNITY = "community"
