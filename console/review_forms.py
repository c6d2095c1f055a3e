"""The case review form, without I/O: what an officer typed, read and checked.

Dates come in the GOV.UK date-input pattern (day, month and year boxes) and errors are worded
as the Design System words them ("... must include a month", "... must be a real date"), each
tied to its field so the error summary links to it. A form with errors keeps every value as
typed, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from console.rendering import day
from storage.tables import ReviewRecord, VictimVoice

TEXT_LIMITS = {
    "spoc_name": 200,
    "spoc_contact": 320,
    "chair": 200,
    "victim_voice_note": 2000,
    "findings": 8000,
    "action_plan": 8000,
    "recommendations": 8000,
}

#: The review's dates in the order they happen, with how errors name them.
DATES = {
    "victim_contacted_on": "The date the SPOC first contacted the victim",
    "information_requested_on": "The date information was requested from partners",
    "information_received_on": "The date information was received from partners",
    "meeting_planned_on": "The date the meeting is planned for",
    "meeting_held_on": "The date the meeting was held",
    "minutes_circulated_on": "The date the minutes and action plan went to the panel",
    "action_plan_completed_on": "The date the action plan was completed",
}
#: Dates that may be in the future (a plan, not an event).
FUTURE_ALLOWED = frozenset({"meeting_planned_on"})
#: Dates that cannot come before the meeting was held.
AFTER_MEETING = ("minutes_circulated_on", "action_plan_completed_on")

VOICES = {
    VictimVoice.ATTENDS: "The victim attends the start of the meeting",
    VictimVoice.STATEMENT: "A written victim impact statement is read at the meeting",
    VictimVoice.SPOC: "The SPOC puts the victim's views to the meeting",
    VictimVoice.OTHER: "Another way (say how)",
}


@dataclass
class ReviewForm:
    """A review form as posted (or as stored, to fill the form): every value a string."""

    values: dict[str, str] = field(default_factory=dict)
    #: Field id -> message, in the order the fields appear.
    errors: dict[str, str] = field(default_factory=dict)
    version: str = ""

    def value(self, name: str) -> str:
        """The value of a field (or date part, e.g. ``meeting_held_on-day``) as typed."""
        return self.values.get(name, "")

    @property
    def error_list(self) -> list[dict[str, str]]:
        """The error summary's list: each error's text and a link to its field."""
        return [{"text": message, "href": f"#{anchor}"} for anchor, message in self.errors.items()]

    def error(self, name: str) -> str:
        """The message of the field ``name`` (or of one of its date parts), else ''."""
        for anchor, message in self.errors.items():
            if anchor == name or anchor.startswith(f"{name}-"):
                return message
        return ""


def form_of(review: ReviewRecord | None) -> ReviewForm:
    """The form filled from a stored review (empty when there is none)."""
    if review is None:
        return ReviewForm()
    values: dict[str, str] = {name: getattr(review, name) or "" for name in TEXT_LIMITS}
    for name in DATES:
        stored: date | None = getattr(review, name)
        if stored is not None:
            values[f"{name}-day"] = str(stored.day)
            values[f"{name}-month"] = str(stored.month)
            values[f"{name}-year"] = str(stored.year)
    values["victim_voice"] = str(review.victim_voice or "")
    made = review.recommendations_made
    values["recommendations_made"] = "" if made is None else ("yes" if made else "no")
    return ReviewForm(values, version=str(review.version))


def posted(fields: Mapping[str, Any]) -> ReviewForm:
    """The form from a request's fields (only those the form has)."""
    names = [*TEXT_LIMITS, "victim_voice", "recommendations_made"]
    names += [f"{name}-{part}" for name in DATES for part in ("day", "month", "year")]
    values = {name: str(fields.get(name, ""))[:8000] for name in names}
    return ReviewForm(values, version=str(fields.get("review_version", "")))


def _date(form: ReviewForm, name: str) -> date | None:
    label = DATES[name]
    parts = {part: form.value(f"{name}-{part}").strip() for part in ("day", "month", "year")}
    if not any(parts.values()):
        return None
    missing = [part for part, value in parts.items() if not value]
    if missing:
        form.errors[f"{name}-{missing[0]}"] = f"{label} must include a {' and '.join(missing)}"
        return None
    if not all(value.isdigit() for value in parts.values()):
        form.errors[f"{name}-day"] = f"{label} must be a real date"
        return None
    if len(parts["year"]) != 4:
        form.errors[f"{name}-year"] = f"{label}: the year must include 4 numbers"
        return None
    try:
        return date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
    except ValueError:
        form.errors[f"{name}-day"] = f"{label} must be a real date"
        return None


def check(form: ReviewForm, *, accepted: date, today: date) -> dict[str, Any]:
    """The review's fields from ``form``, checked; problems are added to ``form.errors``
    (the returned fields are only to be saved when there are none).

    The rules: the SPOC (name and how to reach them) always; dates real, on or after the day
    the case was accepted, not in the future (but the planned meeting), the minutes and the
    completed action plan not before the meeting, the partners' information received not
    before it was requested (and only once it was); a held meeting needs its chair and how the
    victim's voice was heard; a completed action plan needs the meeting, the findings, the
    action plan and whether recommendations were made; recommendations made need saying.
    """
    fields: dict[str, Any] = {}
    for name, limit in TEXT_LIMITS.items():
        fields[name] = form.value(name).strip()[:limit]
    if not fields["spoc_name"]:
        form.errors["spoc_name"] = "Enter the name of the SPOC (single point of contact)"
    if not fields["spoc_contact"]:
        form.errors["spoc_contact"] = "Enter how the victim can reach the SPOC"
    for name, label in DATES.items():
        found = _date(form, name)
        if found is not None and found < accepted:
            form.errors[f"{name}-day"] = (
                f"{label} must be on or after {day(accepted)}, the day the case was accepted"
            )
        elif found is not None and found > today and name not in FUTURE_ALLOWED:
            form.errors[f"{name}-day"] = f"{label} must be today or in the past"
        fields[name] = found
    requested, received = fields["information_requested_on"], fields["information_received_on"]
    if received is not None:
        if requested is None and not form.error("information_requested_on"):
            form.errors["information_requested_on-day"] = (
                "Enter the date information was requested from partners before the date it "
                "was received"
            )
        elif requested is not None and received < requested:
            label = DATES["information_received_on"]
            form.errors["information_received_on-day"] = (
                f"{label} must be on or after the date it was requested"
            )
    held = fields["meeting_held_on"]
    for name in AFTER_MEETING:
        later = fields[name]
        if later is not None and held is not None and later < held:
            form.errors[f"{name}-day"] = (
                f"{DATES[name]} must be on or after the date the meeting was held"
            )
    voice = form.value("victim_voice")
    fields["victim_voice"] = VictimVoice(voice) if voice in set(VictimVoice) else None
    if fields["victim_voice"] is VictimVoice.OTHER and not fields["victim_voice_note"]:
        form.errors["victim_voice_note"] = "Say how the victim's voice is heard"
    made = form.value("recommendations_made")
    fields["recommendations_made"] = {"yes": True, "no": False}.get(made)
    if fields["recommendations_made"] and not fields["recommendations"]:
        form.errors["recommendations"] = "Enter the recommendations the review made"
    if held is not None:
        if not fields["chair"]:
            form.errors["chair"] = "Enter the name of the chair of the meeting"
        if fields["victim_voice"] is None:
            form.errors["victim_voice"] = "Choose how the victim's voice was heard"
    if fields["action_plan_completed_on"] is not None:
        if held is None and "meeting_held_on-day" not in form.errors:
            form.errors["meeting_held_on-day"] = (
                "Enter the date the meeting was held before the action plan is completed"
            )
        if not fields["findings"]:
            form.errors["findings"] = "Enter the review's findings"
        if not fields["action_plan"]:
            form.errors["action_plan"] = "Enter the action plan"
        if fields["recommendations_made"] is None:
            form.errors["recommendations_made"] = "Say whether the review made recommendations"
    form.errors = dict(sorted(form.errors.items(), key=lambda item: _place(item[0])))
    return fields


#: The fields in the order the form shows them (the error summary follows it).
ORDER = (
    "spoc_name",
    "spoc_contact",
    "victim_contacted_on",
    "information_requested_on",
    "information_received_on",
    "meeting_planned_on",
    "chair",
    "victim_voice",
    "victim_voice_note",
    "meeting_held_on",
    "findings",
    "action_plan",
    "recommendations_made",
    "recommendations",
    "minutes_circulated_on",
    "action_plan_completed_on",
)


def _place(anchor: str) -> int:
    name = anchor.rsplit("-", 1)[0] if "-" in anchor else anchor
    return ORDER.index(name) if name in ORDER else len(ORDER)
