"""Short answers read in the context of the question: "yes the council", "the 3rd", "no".

Pure functions of the answer text (and the time it was sent, for dates). Dates are found by
``nlp``'s own date finder, so "last Friday" means the same here as in a story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from nlp.dates.component import find_dates
from trigger.draft import DateRange
from trigger.vocabulary import Agency, ApplicantRole

_YES = re.compile(
    r"^\s*(?:yes|yeah|yep|yup|ya|y|aye|i did|i have|we did|did|correct|right|true|ok|okay|sure|"
    r"of course|definitely|it did|they do|she does|he does|i do|yes please)\b",
    re.IGNORECASE,
)
_NO = re.compile(
    r"^\s*(?:no|nope|nah|n|not really|never|i didn't|i did not|didn't|did not|i haven't|none|"
    r"nothing|not yet|no one|nobody|they don't|i don't)\b",
    re.IGNORECASE,
)
_UNSURE = re.compile(
    r"\b(?:not sure|unsure|don'?t know|do not know|dunno|can'?t remember|cannot remember|"
    r"no idea|don'?t remember|forget|forgot|not certain)\b",
    re.IGNORECASE,
)

# Who a report went to, by the words a person uses; the first match wins per span of words.
_AGENCY_WORDS: tuple[tuple[re.Pattern[str], Agency], ...] = (
    (
        re.compile(r"\b(?:police|101|999|pcso|officers?|cops?|constabulary)\b", re.I),
        Agency.POLICE,
    ),
    (
        re.compile(
            r"\b(?:council|asb team|community safety|environmental health|local authority)\b",
            re.I,
        ),
        Agency.COUNCIL,
    ),
    (
        re.compile(r"\b(?:housing|landlord|housing association|housing officer|tenancy)\b", re.I),
        Agency.HOUSING,
    ),
    (re.compile(r"\b(?:gp|doctor|nhs|health|hospital|nurse)\b", re.I), Agency.HEALTH),
    (
        re.compile(r"\b(?:mp|councillor|charity|neighbourhood watch|someone else)\b", re.I),
        Agency.OTHER,
    ),
)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+44\s?|0)(?:\d[\s-]?){9,10}\d?")
_REFERENCE = re.compile(r"\b(?=[A-Z0-9/-]*\d)[A-Z0-9][A-Z0-9/-]{3,}\b", re.IGNORECASE)

_SELF = re.compile(r"\b(?:me|myself|for me|my own|mine|i am the victim|it's me|its me)\b", re.I)
_OTHER = re.compile(
    r"\b(?:someone else|somebody else|neighbour|neighbor|my (?:mum|mother|dad|father|son|"
    r"daughter|friend|brother|sister|nan|gran|husband|wife|partner|client|tenant)|"
    r"on behalf|for (?:her|him|them)|carer|support worker)\b",
    re.IGNORECASE,
)

_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "6th": 6,
    "last": -1,
}
_WHICH = re.compile(
    r"\b(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|last)"
    r"\s+(?:one|incident|time|thing|report)\b|\b(?:number|no\.?|incident|item)\s*(\d{1,2})\b",
    re.IGNORECASE,
)


def yes_no(text: str) -> bool | None:
    """True for yes, False for no, None when the answer says neither."""
    if _YES.search(text):
        return True
    if _NO.search(text):
        return False
    return None


def unsure(text: str) -> bool:
    """True when the answer says the person does not know."""
    return bool(_UNSURE.search(text))


def agencies(text: str) -> list[Agency]:
    """The bodies an answer names ("yes the council and 101" -> council, police)."""
    found: list[tuple[int, Agency]] = []
    for pattern, agency in _AGENCY_WORDS:
        match = pattern.search(text)
        if match:
            found.append((match.start(), agency))
    return [agency for _, agency in sorted(found)]


def when(text: str, at: datetime) -> DateRange | None:
    """The day (or days) an answer names, resolved against when it was sent."""
    for mention in find_dates(text, at):
        if mention.start_date is not None and mention.end_date is not None:
            return DateRange(start=mention.start_date, end=mention.end_date)
    return None


def same_day(text: str) -> bool:
    """True for "the same day", "straight away", "that night"."""
    return bool(
        re.search(
            r"\b(?:same day|same night|straight away|right away|that day|that night|"
            r"at the time|then and there|immediately)\b",
            text,
            re.IGNORECASE,
        )
    )


@dataclass(frozen=True)
class Contact:
    """How the applicant can be reached."""

    email: str | None = None
    phone: str | None = None

    def describe(self) -> str:
        """The contact as one string for the summary."""
        return " and ".join(value for value in (self.phone, self.email) if value)


def contact(text: str) -> Contact | None:
    """The phone number and/or email address in an answer, or None."""
    email = _EMAIL.search(text)
    phone = _PHONE.search(text)
    if email is None and phone is None:
        return None
    return Contact(
        email=email.group(0) if email else None,
        phone=re.sub(r"[\s-]", "", phone.group(0)) if phone else None,
    )


def reference(text: str) -> str | None:
    """A reference number in an answer ("it's 4521/2026" -> "4521/2026"), or None."""
    match = _REFERENCE.search(text)
    return match.group(0) if match else None


def applicant_role(text: str) -> ApplicantRole | None:
    """Who the application is for: the writer (victim) or someone else (third party)."""
    if _OTHER.search(text):
        return ApplicantRole.THIRD_PARTY
    if _SELF.search(text):
        return ApplicantRole.VICTIM
    return None


# Words that tick a risk checklist item when the person writes instead of numbering.
_CHECKLIST_WORDS = (
    re.compile(r"\b(?:health|sleep|sleeping|anxious|anxiety|depress\w*|stress\w*)\b", re.I),
    re.compile(r"\b(?:unsafe|not safe|scared|afraid|frightened)\b", re.I),
    re.compile(r"\b(?:picked on|because of who|race|racist|faith|religion|gay|trans)\b", re.I),
    re.compile(r"\b(?:child|children|kids?|son|daughter|baby)\b", re.I),
    re.compile(r"\b(?:disab\w*|illness|condition|vulnerable|carer|wheelchair)\b", re.I),
)


def checklist(text: str, size: int) -> set[int] | None:
    """The numbered items an answer ticks ("1 and 3" -> {1, 3}; "none" -> empty), or None."""
    numbers = {int(n) for n in re.findall(r"\b([1-9])\b", text) if 1 <= int(n) <= size}
    if numbers:
        return numbers
    if re.search(r"\b(?:none|no|nope|nothing|neither|not really)\b", text, re.I):
        return set()
    words = {
        n for n, pattern in enumerate(_CHECKLIST_WORDS[:size], start=1) if pattern.search(text)
    }
    if words:
        return words
    if re.search(r"\b(?:all|every|all of them)\b", text, re.I):
        return set(range(1, size + 1))
    return None


def which_incident(text: str, count: int) -> int | None:
    """The incident a correction points at ("the second one" -> 1), 0-based, or None."""
    match = _WHICH.search(text)
    if match is None:
        return None
    if match.group(1):
        number = _ORDINALS[match.group(1).lower()]
        index = count - 1 if number == -1 else number - 1
    else:
        index = int(match.group(2)) - 1
    return index if 0 <= index < count else None


def date_in_correction(text: str, at: datetime) -> DateRange | None:
    """The new date a correction gives, ignoring the ordinal that names the incident."""
    cleaned = _WHICH.sub(" ", text)
    return when(cleaned, at)


def day_of(at: datetime) -> date:
    """The Europe/London day of ``at``."""
    from zoneinfo import ZoneInfo

    return at.astimezone(ZoneInfo("Europe/London")).date()


# --- Combined answers --------------------------------------------------------------------

_NO_REFERENCE = re.compile(
    r"\b(?:no (?:ref|reference|crime|log|incident)\w*(?: numbers?)?|no numbers?|"
    r"(?:don'?t|do not|didn'?t|did not|never) (?:have|get|got|give|gave|know|remember) "
    r"(?:(?:a|an|the|any) )?(?:ref\w*|numbers?|crime numbers?|one)|without a ref\w*)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReportDetails:
    """What one answer says about a report: to whom, when, and its reference number."""

    agencies: list[Agency]
    day: date | None = None
    same_day: bool = False
    reference: str | None = None
    no_reference: bool = False


def report_details(text: str, at: datetime) -> ReportDetails:
    """Who, when and the reference in one answer ("the police on the 5th, ref 4521/26")."""
    day: date | None = None
    rest = text
    for mention in sorted(find_dates(text, at), key=lambda m: m.start, reverse=True):
        if day is None and mention.start_date is not None:
            day = mention.start_date
        rest = rest[: mention.start] + " " + rest[mention.end :]
    rest = _PHONE.sub(" ", _EMAIL.sub(" ", rest))
    number = _REFERENCE.search(rest)
    return ReportDetails(
        agencies=agencies(text),
        day=day,
        same_day=same_day(text),
        reference=number.group(0) if number else None,
        no_reference=bool(_NO_REFERENCE.search(text)),
    )


_SHARE_NO = re.compile(
    r"\b(?:don'?t share|do not share|not share|no shar\w*|rather (?:you )?not|"
    r"don'?t want (?:it|you|that) shared|keep it private)\b",
    re.IGNORECASE,
)
_SHARE_YES = re.compile(
    r"\b(?:yes|yeah|yep|ok|okay|fine|sure|you can|happy|agree|share it|go ahead|that'?s fine)\b",
    re.IGNORECASE,
)


def refuses_sharing(text: str) -> bool:
    """True when an answer says plainly not to share ("please don't share it")."""
    return bool(_SHARE_NO.search(text))


def share_consent(text: str) -> bool | None:
    """Whether an answer agrees to sharing, around any phone number or email in it."""
    rest = _PHONE.sub(" ", _EMAIL.sub(" ", text))
    if _SHARE_NO.search(rest):
        return False
    if _SHARE_YES.search(rest):
        return True
    return yes_no(rest.strip(" ,.;-"))


_FOR_OTHER = re.compile(
    r"\b(?:on behalf of|(?:writing|asking|applying|messaging|contacting you) for "
    r"(?:my|her|him|them|a|our)|i am (?:her|his|their|a) (?:carer|support worker)|"
    r"i (?:care for|look after|support) (?:my|her|him|them))\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:my|me|mine)\b", re.IGNORECASE)


def story_applicant(text: str) -> ApplicantRole | None:
    """Who a story is told for, when it says so plainly, or None.

    "I am writing for my neighbour" is someone else; "they smashed my window", with no other
    person named, is the writer. A story naming another person ("my mum", "a neighbour") is
    left for the question, since that person may be the victim or the one causing trouble.
    """
    if _FOR_OTHER.search(text):
        return ApplicantRole.THIRD_PARTY
    if _OTHER.search(text):
        return None
    if _FIRST_PERSON.search(text):
        return ApplicantRole.VICTIM
    return None
