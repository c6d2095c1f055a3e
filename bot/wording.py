"""The draft in plain words: read-back lines, the summary, the not-met advice, FAQ answers.

Nothing here quotes the person's own words back: an incident is named by what kind of thing
happened ("the damage to your window"), never by its text, so a perpetrator's name or a slur in
the story is never repeated.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.templates import render
from trigger.asking import bodies
from trigger.dates import format_day, format_range
from trigger.draft import Draft, Incident
from trigger.profiles import ContactKind, Profile
from trigger.vocabulary import Status
from trigger.workdays import get_timescale

# What kind of thing happened, from the incident's text; the first match names it.
_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bwindows?\b", re.I), "the damage to your window"),
    (re.compile(r"\bdoors?\b", re.I), "the trouble at your door"),
    (re.compile(r"\b(?:car|van|tyres?|vehicle)\b", re.I), "the damage to your car"),
    (re.compile(r"\b(?:fence|garden|gate|wall|shed|bins?)\b", re.I), "the damage at your home"),
    (re.compile(r"\b(?:fire|burn\w*|alight)\b", re.I), "the fire"),
    (
        re.compile(r"\b(?:hit|punch\w*|attack\w*|assault\w*|kick\w* me|push\w*|spat)\b", re.I),
        "the attack",
    ),
    (re.compile(r"\b(?:threat\w*|kill|knife|weapon)\b", re.I), "the threats"),
    (re.compile(r"\b(?:music|noise|party|bang\w*|loud|shout\w*|scream\w*)\b", re.I), "the noise"),
    (re.compile(r"\b(?:abuse|abusive|called me|swore|swearing|insult\w*)\b", re.I), "the abuse"),
    (re.compile(r"\b(?:drugs?|dealing)\b", re.I), "the drug dealing"),
    (re.compile(r"\b(?:rubbish|dump\w*|litter|mess)\b", re.I), "the rubbish"),
    (re.compile(r"\b(?:dogs?|barking)\b", re.I), "the trouble with the dog"),
    (re.compile(r"\b(?:graffiti|paint\w*)\b", re.I), "the graffiti"),
    (re.compile(r"\b(?:follow\w*|harass\w*|stalk\w*|watch\w*)\b", re.I), "the harassment"),
)

_STRAND_WORDS = {
    "race": "race",
    "religion": "faith",
    "disability": "disability",
    "sexual_orientation": "sexuality",
    "transgender_identity": "gender identity",
    "age": "age",
    "sex": "sex",
    "marriage_civil_partnership": "marriage",
    "pregnancy_maternity": "pregnancy",
}


def what(incident: Incident) -> str:
    """What kind of thing happened, as a noun phrase after a verb ("the noise")."""
    for pattern, label in _KINDS:
        if pattern.search(incident.summary):
            return label
    return "this"


def what_title(incident: Incident) -> str:
    """What happened, as the start of a read-back line ("The noise", "Something happened")."""
    label = what(incident)
    if label == "this":
        return "Something happened"
    return label[0].upper() + label[1:]


def when_text(incident: Incident, year: int) -> str:
    """When it happened, or "date not known"."""
    start, end = incident.occurred.start, incident.occurred.end
    if start is None or end is None:
        return render("when_unknown")
    return format_range(start, end, year)


def reported_text(incident: Incident) -> str:
    """Whether and to whom it was reported."""
    if incident.reported is None:
        return render("reported_unknown")
    if not incident.reported:
        return render("reported_not")
    if not incident.agencies:
        return render("reported_to", bodies="someone")
    return render("reported_to", bodies=bodies(incident.agencies))


def readback(draft: Draft, year: int) -> list[str]:
    """One line per incident: "2. 3 November: The noise, reported to the police."."""
    return [
        render(
            "readback_line",
            number=number,
            when=when_text(incident, year),
            what=what_title(incident),
            reported=reported_text(incident),
        )
        for number, incident in enumerate(draft.incidents, start=1)
    ]


def strands(draft: Draft) -> str:
    """The hate motivation understood, in plain words ("race and faith")."""
    words = list(dict.fromkeys(_STRAND_WORDS[s.value] for s in draft.hate_strands))
    return " and ".join(words)


def contacts(profile: Profile) -> str:
    """The area's contact points for reporting and questions, or its bodies when none."""
    points = [
        p.value for p in profile.contact_points if p.kind in (ContactKind.PHONE, ContactKind.EMAIL)
    ]
    points += [p.value for p in profile.contact_points if p.kind is ContactKind.WEB][:1]
    if points:
        return " or ".join(points[:3])
    return " or ".join(body.label or body.name for body in profile.relevant_bodies[:2])


def result_lines(draft: Draft) -> list[str]:
    """The provisional result and its reasons."""
    threshold = draft.threshold
    if threshold is None:
        return []
    key = {
        Status.MET: "result_met",
        Status.INCOMPLETE: "result_incomplete",
    }.get(threshold.status, "result_not_met")
    lines = [render(key)]
    if threshold.reasons:
        lines.append(render("result_why"))
        lines.extend(f"- {reason}" for reason in threshold.reasons)
    return lines


def close_until(draft: Draft, profile: Profile) -> date | None:
    """For a case one qualifying complaint short of the volume route: the last day the first
    of its reports still counts (when a new report would tip it over), else None."""
    threshold = draft.threshold
    if threshold is None or threshold.status in (Status.MET, Status.EXCLUDED):
        return None
    if len(threshold.qualifying) != profile.routes.volume.count - 1 or not threshold.drop_out:
        return None
    return min(drop.on for drop in threshold.drop_out) - timedelta(days=1)


def not_met_lines(draft: Draft, profile: Profile) -> list[str]:
    """For a case below the threshold: what would meet it, until when each report counts,
    how close it is, how to report something new, and that an officer can still accept it."""
    threshold = draft.threshold
    if threshold is None or threshold.status in (Status.MET, Status.EXCLUDED):
        return []
    year = draft.application_date.year
    need = profile.routes.volume.count
    lines = [render("needs_count", count=need, months=profile.qualifying_complaint.window_months)]
    if profile.routes.hate.available:
        lines.append(render("needs_hate"))
    last: date | None = None
    for drop in threshold.drop_out:
        until = drop.on - timedelta(days=1)
        last = until if last is None or until < last else last
        if drop.incident < len(draft.incidents):
            incident = draft.incidents[drop.incident]
            lines.append(render("counts_until", what=what(incident), until=format_day(until, year)))
    have = len(threshold.qualifying)
    if last is not None and have == need - 1:
        lines.append(render("close", have=have, until=format_day(last, year)))
    lines.append(render("how_to_report", contacts=contacts(profile)))
    lines.append(render("discretion"))
    return lines


# Questions the person may ask at any point, by the words they use.
_FAQ: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\b(?:appeal|not happy with|unhappy with|challenge the)\b", re.I),
        "faq_appeal",
    ),
    (
        re.compile(
            r"\b(?:will (?:they|he|she) know|know it was me|anonymous|find out it was me|"
            r"keep (?:it|my name) (?:secret|private))\b",
            re.I,
        ),
        "faq_anonymous",
    ),
    (
        re.compile(r"\b(?:how long|when will (?:i|you|they)|how many days|how quick)\b", re.I),
        "faq_how_long",
    ),
    (re.compile(r"\b(?:who can (?:apply|ask)|can i apply for|can someone)\b", re.I), "faq_who"),
    (
        re.compile(
            r"\b(?:what is this|what's this|what is the community trigger|what is a)\b", re.I
        ),
        "faq_what",
    ),
    (
        re.compile(
            r"\b(?:contact (?:you|the team|someone)|phone number for|speak to someone)\b", re.I
        ),
        "faq_contact",
    ),
)


def faq(text: str, profile: Profile) -> str | None:
    """The answer to a question the person asked, from the area's profile, or None."""
    if "?" not in text and len(text.split()) > 8:
        return None
    for pattern, key in _FAQ:
        if pattern.search(text):
            return render(
                key,
                acknowledge=get_timescale("acknowledge").limit,
                findings=get_timescale("findings_to_applicant").limit,
                appeal=get_timescale("appeal_window").limit,
                contacts=contacts(profile),
            )
    return None
