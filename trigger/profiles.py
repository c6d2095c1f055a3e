"""Policy profiles: each area's local threshold, kept as data (``trigger/policies/<id>.toml``).

A partnership adds its own area by adding a file, not code: :func:`load_profiles` reads the
packaged files and, optionally, every ``*.toml`` in an extra directory. Each file is validated
strictly (unknown keys, unknown strands, impossible counts are refused) and errors name the file
and the field, so a typo cannot silently change who is entitled to a case review.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Mapping
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from trigger.vocabulary import Agency, HateStrand, Route
from trigger.workdays import Timescale, TimeUnit, load_timescales

log = logging.getLogger(__name__)

#: The profile used when a deployment names none: Hartlepool publishes the statutory minimum.
STATUTORY_DEFAULT = "hartlepool"
#: Environment variable a deployment sets to choose its area.
POLICY_ENV_VAR = "TRIGGER_POLICY"

#: The five monitored hate-crime strands (threshold-rules.md, "S5").
S5: tuple[HateStrand, ...] = (
    HateStrand.RACE,
    HateStrand.RELIGION,
    HateStrand.DISABILITY,
    HateStrand.SEXUAL_ORIENTATION,
    HateStrand.TRANSGENDER_IDENTITY,
)
#: Durham's list: S5 plus four more protected characteristics ("S9").
S9: tuple[HateStrand, ...] = S5 + (
    HateStrand.AGE,
    HateStrand.SEX,
    HateStrand.MARRIAGE_CIVIL_PARTNERSHIP,
    HateStrand.PREGNANCY_MATERNITY,
)

# s.104(4) ASB, Crime and Policing Act 2014: a threshold may require at most three complaints.
STATUTORY_MAX_COMPLAINTS = 3
# s.104(11): the application must be made within six months of the complaint.
STATUTORY_WINDOW_MONTHS = 6


class LimitUnit(StrEnum):
    """How the report-within limit of a qualifying complaint is counted."""

    DAYS = "days"
    CALENDAR_MONTHS = "calendar_months"
    NONE = "none"


class CommunityKind(StrEnum):
    """What the community route counts."""

    PEOPLE_SAME_PROBLEM = "people_same_problem"
    INDIVIDUALS_SAME_INCIDENT = "individuals_same_incident"


class ContactKind(StrEnum):
    """How a point of contact is reached."""

    EMAIL = "email"
    PHONE = "phone"
    POST = "post"
    WEB = "web"


_GENERIC_AGENCY_LABELS: dict[Agency, str] = {
    Agency.POLICE: "the police",
    Agency.COUNCIL: "the council",
    Agency.HOUSING: "a social housing provider",
    Agency.HEALTH: "the health service",
    Agency.OTHER: "a body that is not a relevant body",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReportWithin(_Strict):
    """How soon after the incident a report must be made for it to be a qualifying complaint."""

    unit: LimitUnit
    count: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _count_matches_unit(self) -> Self:
        if self.unit is LimitUnit.NONE and self.count is not None:
            raise ValueError("count must be left out when unit is 'none'")
        if self.unit is not LimitUnit.NONE and self.count is None:
            raise ValueError(f"count is required when unit is '{self.unit}'")
        return self

    def describe(self) -> str:
        """Plain words: "within 30 days", "within one calendar month", "at any time"."""
        if self.unit is LimitUnit.NONE:
            return "at any time (no time limit)"
        if self.unit is LimitUnit.DAYS:
            return f"within {self.count} days"
        if self.count == 1:
            return "within one calendar month"
        return f"within {self.count} calendar months"


class QualifyingComplaint(_Strict):
    """What makes an incident a qualifying complaint in this area."""

    report_within: ReportWithin
    window_months: int = Field(ge=1, le=STATUTORY_WINDOW_MONTHS)
    wording: str = ""


class VolumeRoute(_Strict):
    """Enough qualifying complaints in the window."""

    count: int = Field(ge=1, le=STATUTORY_MAX_COMPLAINTS)
    same_problem: bool = False
    wording: str = ""


class HateRoute(_Strict):
    """One qualifying complaint of a hate incident with a strand in the area's list."""

    available: bool
    strands: list[HateStrand] = Field(default_factory=list)
    strand_list: str = ""
    wording: str = ""

    @model_validator(mode="after")
    def _strands_match_availability(self) -> Self:
        if self.available and not self.strands:
            raise ValueError(
                "strands must list at least one strand when the hate route is available"
            )
        if not self.available and self.strands:
            raise ValueError("strands must be empty when the hate route is not available")
        return self


class CommunityRoute(_Strict):
    """Enough different people reporting the same problem (or incident)."""

    available: bool
    count: int | None = Field(default=None, ge=1)
    kind: CommunityKind | None = None
    wording: str = ""

    @model_validator(mode="after")
    def _count_matches_availability(self) -> Self:
        if self.available and (self.count is None or self.kind is None):
            raise ValueError("count and kind are required when the community route is available")
        if not self.available and (self.count is not None or self.kind is not None):
            raise ValueError(
                "count and kind must be left out when the community route is not available"
            )
        return self


class Routes(_Strict):
    """Every route of the area's threshold, each stated explicitly."""

    volume: VolumeRoute
    hate: HateRoute
    community: CommunityRoute


class Discretion(_Strict):
    """Who may accept a case below the threshold (Hart s.5, third route)."""

    available: bool
    who: str = ""
    wording: str = ""

    @model_validator(mode="after")
    def _who_matches_availability(self) -> Self:
        if self.available and not self.who:
            raise ValueError("who is required when discretion is available")
        return self


class RelevantBody(_Strict):
    """A relevant body of the area, by the agency kind reports are recorded under."""

    agency: Agency
    name: str = Field(min_length=1)
    #: A short form for reasons ("reported to Hampshire Constabulary"); defaults to ``name``.
    label: str = ""

    @model_validator(mode="after")
    def _relevant(self) -> Self:
        if not self.agency.is_relevant_body:
            raise ValueError("'other' is not a relevant body")
        return self


class ContactPoint(_Strict):
    """Where applicants can ask for a case review."""

    kind: ContactKind
    value: str = Field(min_length=1)
    note: str = ""


class SupportService(_Strict):
    """A support or advocacy service a victim can be referred to (named in letters)."""

    name: str = Field(min_length=1)
    how: str = ""


class RiskAssessment(_Strict):
    """The short harm-centred risk assessment a channel asks: points per "yes", and cut-offs.

    A score at or above ``high`` is high risk, at or above ``medium`` medium, else standard, so
    that medium and high risk reach an officer first. Kept as data so an area can tune it.
    """

    health_sleep: int = Field(default=1, ge=0)
    unsafe_home: int = Field(default=2, ge=0)
    targeted: int = Field(default=1, ge=0)
    children: int = Field(default=1, ge=0)
    vulnerable: int = Field(default=2, ge=0)
    medium: int = Field(default=2, ge=1)
    high: int = Field(default=4, ge=1)

    @model_validator(mode="after")
    def _cut_offs_ordered(self) -> Self:
        if self.high <= self.medium:
            raise ValueError("high must be above medium")
        return self

    def points(self, question: str) -> int:
        """The points a "yes" to ``question`` (a field name above) adds."""
        value = getattr(self, question)
        assert isinstance(value, int)
        return value


class AreaTimescale(_Strict):
    """An area's own timescale for one casework step, in place of ``trigger/timescales.toml``'s
    default; ``source`` says where the area's policy states it (quote the seed)."""

    limit: int | None = Field(default=None, ge=1)
    unit: TimeUnit | None = None
    tracked: bool | None = None
    source: str = Field(min_length=1)

    def applied_to(self, default: Timescale) -> Timescale:
        """``default`` with this area's limit, unit, tracking and source."""
        return default.model_copy(
            update={
                "limit": self.limit if self.limit is not None else default.limit,
                "unit": self.unit if self.unit is not None else default.unit,
                "tracked": self.tracked if self.tracked is not None else default.tracked,
                "source": self.source,
            }
        )


class Profile(_Strict):
    """One area's Community Trigger threshold and the facts letters need."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    name: str = Field(min_length=1)
    version: str = Field(min_length=1)
    source_seed: str = ""
    source_title: str = ""
    administrator: str = Field(min_length=1)
    qualifying_complaint: QualifyingComplaint
    routes: Routes
    discretion: Discretion
    relevant_bodies: list[RelevantBody] = Field(min_length=1)
    contact_points: list[ContactPoint] = Field(default_factory=list)
    risk_assessment: RiskAssessment = Field(default_factory=RiskAssessment)
    #: The area's own casework timescales by step id (the rest: the defaults).
    timescales: dict[str, AreaTimescale] = Field(default_factory=dict)
    _timescale_cache: dict[str, Timescale] = PrivateAttr(default_factory=dict)
    #: Support and advocacy services the next-steps letter names (Hart s.11).
    support_services: list[SupportService] = Field(default_factory=list)
    #: Who hears an appeal against the review, and how to ask (the outcome letter says it).
    appeal_route: str = ""

    @model_validator(mode="after")
    def _known_steps(self) -> Self:
        unknown = sorted(set(self.timescales) - set(load_timescales()))
        if unknown:
            known = ", ".join(load_timescales())
            raise ValueError(f"unknown timescale step {', '.join(unknown)}; known: {known}")
        return self

    def timescale(self, step: str) -> Timescale:
        """The timescale of ``step`` for this area: its own, else the default."""
        found = self._timescale_cache.get(step)
        if found is None:
            default = load_timescales()[step]
            own = self.timescales.get(step)
            found = own.applied_to(default) if own else default
            self._timescale_cache[step] = found  # a dashboard asks for each, case after case
        return found

    def own_timescale(self, step: str) -> bool:
        """True when this area's policy sets ``step`` itself (not the default)."""
        return step in self.timescales

    @property
    def profile_version(self) -> str:
        """The id and version a decision records, e.g. ``hart@2026.1``."""
        return f"{self.id}@{self.version}"

    @property
    def available_routes(self) -> list[Route]:
        """The routes this area offers, in a fixed order."""
        routes = [Route.VOLUME]
        if self.routes.hate.available:
            routes.append(Route.HATE)
        if self.routes.community.available:
            routes.append(Route.COMMUNITY)
        return routes

    def body_names(self, agency: Agency) -> list[str]:
        """The names of this area's relevant bodies of one kind (for letters)."""
        return [body.name for body in self.relevant_bodies if body.agency is agency]

    def agency_label(self, agency: Agency) -> str:
        """How reasons name a report's recipient: the area's body, else a generic phrase."""
        for body in self.relevant_bodies:
            if body.agency is agency:
                return body.label or body.name
        return _GENERIC_AGENCY_LABELS[agency]

    def summary(self) -> str:
        """One line: the routes and their counts, e.g. for ``trigger policies``."""
        qc = self.qualifying_complaint
        parts = [
            f"volume: {self.routes.volume.count} complaints"
            + (" (same problem)" if self.routes.volume.same_problem else "")
            + f" reported {qc.report_within.describe()}, in {qc.window_months} months"
        ]
        hate = self.routes.hate
        parts.append(
            f"hate: {hate.strand_list or len(hate.strands)}" if hate.available else "hate: none"
        )
        community = self.routes.community
        parts.append(
            f"community: {community.count} people" if community.available else "community: none"
        )
        parts.append(
            f"discretion: {self.discretion.who}"
            if self.discretion.available
            else "discretion: none stated"
        )
        return "; ".join(parts)


class ProfileError(ValueError):
    """A policy file that cannot be used; the message names the file and the field."""


class UnknownProfile(LookupError):
    """A profile name that no policy file defines."""

    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        self.known = known
        super().__init__(f"unknown policy {name!r}; known policies: {', '.join(known)}")


def field_errors(exc: ValidationError) -> list[str]:
    """One "field a.b.0: message" per error, the field taken from pydantic's error location."""
    return [
        f"field {'.'.join(str(part) for part in error['loc']) or '(top level)'}: {error['msg']}"
        for error in exc.errors()
    ]


def parse_profile(text: str, source: str, expected_id: str | None = None) -> Profile:
    """Parse and validate one policy file's TOML text; ``source`` names it in errors.

    ``expected_id`` (the file's stem) must equal the profile's ``id`` so that the file a
    partnership edits is the profile it gets.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{source}: not valid TOML: {exc}") from exc
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError("\n".join(f"{source}: {line}" for line in field_errors(exc))) from exc
    if expected_id is not None and profile.id != expected_id:
        raise ProfileError(
            f"{source}: field id: {profile.id!r} must match the file name {expected_id!r}"
        )
    return profile


@lru_cache(maxsize=1)
def _packaged_profiles() -> dict[str, Profile]:
    profiles: dict[str, Profile] = {}
    folder = resources.files("trigger") / "policies"
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".toml"):
            stem = entry.name.removesuffix(".toml")
            profiles[stem] = parse_profile(
                entry.read_text(encoding="utf-8"), f"trigger/policies/{entry.name}", stem
            )
    return profiles


def load_profiles(extra_dir: Path | None = None) -> dict[str, Profile]:
    """Load every profile: the packaged ones, then those in ``extra_dir`` (if given).

    A file in ``extra_dir`` with the same id as a packaged one replaces it (a partnership's
    local revision). Raises :class:`ProfileError` naming the file and field on any invalid file.
    """
    profiles = dict(_packaged_profiles())
    if extra_dir is not None:
        if not extra_dir.is_dir():
            raise ProfileError(f"{extra_dir}: not a directory of policy files")
        for path in sorted(extra_dir.glob("*.toml")):
            profile = parse_profile(path.read_text(encoding="utf-8"), str(path), path.stem)
            if profile.id in profiles:
                log.info("policy %s from %s replaces the packaged one", profile.id, path)
            profiles[profile.id] = profile
    return dict(sorted(profiles.items()))


def get_profile(name: str, extra_dir: Path | None = None) -> Profile:
    """Return the profile called ``name``; raise :class:`UnknownProfile` listing the known ones."""
    profiles = load_profiles(extra_dir)
    try:
        return profiles[name]
    except KeyError:
        raise UnknownProfile(name, list(profiles)) from None


def default_profile_id(environ: Mapping[str, str]) -> str:
    """The profile used when none is named: ``TRIGGER_POLICY``, else the statutory default."""
    return environ.get(POLICY_ENV_VAR, "").strip() or STATUTORY_DEFAULT
