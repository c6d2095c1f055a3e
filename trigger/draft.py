"""A draft application: the object `trigger extract` prints and `trigger check` reads.

Field names and meanings are fixed by ../shared/spec/extract-contract.md. Every field is always
present (null or empty when unknown) so consumers never guess.
"""

from __future__ import annotations

from datetime import date

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from trigger.vocabulary import (
    Agency,
    ApplicantRole,
    Channel,
    Consent,
    Exclusion,
    HateStrand,
    RiskFlag,
    Route,
    Status,
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False)


class DateRange(_Model):
    """When an incident happened: one day (start == end), a range, or unknown (both null)."""

    start: date | None = None
    end: date | None = None


class Span(_Model):
    """Character offsets [start, end) into the message text the system kept."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Incident(_Model):
    """One occurrence of the behaviour and what was done about it."""

    occurred: DateRange = Field(default_factory=DateRange)
    reported: bool | None = None
    reported_on: date | None = None
    agencies: list[Agency] = Field(default_factory=list)
    references: list[str] = Field(default_factory=list)
    hate_strands: list[HateStrand] = Field(default_factory=list)
    summary: str = ""
    evidence: list[Span] = Field(default_factory=list)


class RejectedDate(_Model):
    """A date phrase the pipeline set aside rather than make an incident of, and why.

    ``rule`` names the rule that rejected it (stable, for code and tests); ``reason`` says it in
    plain English for an officer ("in a sentence about a court hearing"). An officer or the
    victim can promote it to an incident.
    """

    phrase: str
    span: Span
    occurred: DateRange = Field(default_factory=DateRange)
    rule: str
    reason: str


class Applicant(_Model):
    """Who made the application."""

    role: ApplicantRole = ApplicantRole.VICTIM
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    relationship: str | None = None


class Victim(_Model):
    """The person suffering the behaviour (the applicant, for a victim applicant)."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None


class DropOut(_Model):
    """When a qualifying complaint stops counting: the first application day outside its window."""

    incident: int = Field(ge=0)
    on: date


class ThresholdResult(_Model):
    """The provisional threshold decision as printed in a draft (threshold-rules.md)."""

    model_config = ConfigDict(extra="allow")

    policy: str
    status: Status
    routes: list[Route] = Field(default_factory=list)
    qualifying: list[int] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    discretion_suggested: bool = False
    reasons: list[str] = Field(default_factory=list)
    # Optional additions (not in the contract's example; consumers may ignore them):
    profile_version: str | None = None
    drop_out: list[DropOut] = Field(default_factory=list)
    would_change: list[str] = Field(default_factory=list)


class Draft(_Model):
    """A draft application assembled from one inbound message or conversation."""

    source: str | None = None
    channel: Channel = Channel.TEXT
    received_at: AwareDatetime
    applicant: Applicant = Field(default_factory=Applicant)
    victim: Victim = Field(default_factory=Victim)
    consent: Consent = Consent.NOT_STATED
    incidents: list[Incident] = Field(default_factory=list)
    hate_strands: list[HateStrand] = Field(default_factory=list)
    community_reporters: int | None = Field(default=None, ge=0)
    exclusions: list[Exclusion] = Field(default_factory=list)
    risk_flags: list[RiskFlag] = Field(default_factory=list)
    threshold: ThresholdResult | None = None
    rejected_dates: list[RejectedDate] = Field(default_factory=list)

    @property
    def application_date(self) -> date:
        """The application date A: the day it was received, in Europe/London."""
        from zoneinfo import ZoneInfo

        return self.received_at.astimezone(ZoneInfo("Europe/London")).date()
