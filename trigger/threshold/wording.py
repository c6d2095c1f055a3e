"""The words the threshold's explanations share: counts, lists, hate strands, risks, exclusions.

Used only by :mod:`trigger.threshold.explain`, which renders reason codes with them.
"""

from __future__ import annotations

from collections.abc import Iterable

from trigger.vocabulary import Exclusion, HateStrand, RiskFlag

EXCLUSIONS: dict[Exclusion, str] = {
    Exclusion.ANONYMOUS: (
        "the applicant wants to stay anonymous, and a case review needs a two-way process with "
        "the victim (Hart s.9)"
    ),
    Exclusion.CPS_DECISION: (
        "the request is to review a Crown Prosecution Service decision, which a case review "
        "cannot do (Hart s.9)"
    ),
    Exclusion.COURT_DECISION: (
        "the request is about a court's decision, which a case review cannot change (Hart s.9)"
    ),
    Exclusion.SERVICE_COMPLAINT: (
        "the request is only about the service received, not about behaviour that persists; "
        "it should go to the agency's complaints procedure (Hart s.9)"
    ),
}

RISKS: dict[RiskFlag, str] = {
    RiskFlag.IMMEDIATE_DANGER: "immediate danger",
    RiskFlag.SELF_HARM: "risk of self-harm",
    RiskFlag.THREAT_OF_VIOLENCE: "threats of violence",
    RiskFlag.VULNERABLE_ADULT: "a vulnerable adult",
    RiskFlag.CHILD_AT_RISK: "a child at risk",
}

_STRANDS: dict[HateStrand, str] = {
    HateStrand.SEXUAL_ORIENTATION: "sexual orientation",
    HateStrand.TRANSGENDER_IDENTITY: "transgender identity",
    HateStrand.MARRIAGE_CIVIL_PARTNERSHIP: "marriage or civil partnership",
    HateStrand.PREGNANCY_MATERNITY: "pregnancy or maternity",
}

RELEVANT_BODIES = "the council, the police, a social housing provider or the health service"

_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def number(n: int) -> str:
    """A small count in words ("three"); larger ones in digits."""
    return _NUMBERS.get(n, str(n))


def strands_text(strands: Iterable[HateStrand]) -> str:
    """Hate strands in words, comma-separated: "race, sexual orientation"."""
    return ", ".join(_STRANDS.get(s, str(s)) for s in strands)


def join(items: list[str]) -> str:
    """Items joined as a sentence lists them: "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def counted(n: int, one: str, many: str) -> str:
    """A count with its noun: "1 day", "31 days"."""
    return f"{n} {one if n == 1 else many}"
