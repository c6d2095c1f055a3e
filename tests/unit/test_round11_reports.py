"""Round eleven of issue 7: report attachment. Sentences of our own, with near-misses that must
not change.

- "her" straight before the body told owns that body ("Gran told her housing officer about it"):
  a report of the incident, not a report of a woman to someone.
- Another reporter who "has reported it as well/too" ("Mrs Okoro has reported it too") reports
  the problem, not this incident to the body told before.
- "didn't tell anybody until she told me": a telling of the writer or family after "until" is
  no late report.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from nlp.pipeline import build_pipeline
from tests.unit.report_rows import incident_rows

DEED = "On 3 November they kicked her bins over. "
NOV3 = date(2026, 11, 3)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


@pytest.mark.parametrize(
    ("told", "row"),
    [
        ("Gran told her housing officer about it.", (NOV3, True, ("housing",))),
        ("She rang her local police about it.", (NOV3, True, ("police",))),
        # near-miss: the woman reported, not the incident
        ("My neighbour reported her to the council as well.", (NOV3, None, ())),
    ],
)
def test_her_before_the_body_owns_it(nlp: Language, told: str, row: tuple) -> None:
    assert incident_rows(nlp, DEED + told) == [row]


@pytest.mark.parametrize(
    ("after", "row"),
    [
        # another reporter who "has reported it as well": not this incident's report
        ("Mr Patel across the road has reported it too.", (NOV3, None, ())),
        ("The couple at number 9 have reported it as well.", (NOV3, None, ())),
        # near-misses: the writer's own report, and a named reporter with no "as well"
        ("I have reported it to the council as well.", (NOV3, True, ("council",))),
    ],
)
def test_another_reporter_who_has_reported_it_too(nlp: Language, after: str, row: tuple) -> None:
    text = DEED + "I rang the council the next day. On 9 November they kicked her bins over. "
    rows = incident_rows(nlp, text + after)
    assert rows[-1] == (date(2026, 11, 9), *row[1:])


@pytest.mark.parametrize(
    ("after", "row"),
    [
        ("She didn't tell anyone until she told me at the weekend.", (NOV3, False, ())),
        ("He never reported it till he told us on Sunday.", (NOV3, False, ())),
        ("She didn't report it until she told my brother.", (NOV3, False, ())),
        # near-miss: "until" a body was told is a late report
        (
            "She didn't report it until she told the police on 6 November.",
            (NOV3, True, ("police",)),
        ),
    ],
)
def test_until_she_told_me_is_no_report(nlp: Language, after: str, row: tuple) -> None:
    assert incident_rows(nlp, DEED + after) == [row]
