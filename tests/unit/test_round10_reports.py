"""Round ten of issue 7: report attachment and the bodies named. Sentences of our own, with
near-misses that must not change.

- A body's unit or officer named straight after it is that body's ("the Riverbank Homes ASB
  officer" is the housing provider's, "the council's housing team" and "HBC Housing" the council's).
- A channel word in the next sentence, or a channel read from ("I read on the council website"),
  is no report through that channel.
- Other people's reports of the problem ("six of us who've all rang the council", "three other
  tenants who complained, each to ...", "my neighbour has also complained to the council about the
  family") count reporters, not bodies this incident was told to.
- "rang the council three times that week about it": the count is of one incident's reports.
- A topic put before the report verb ("about the paint one I phoned ...") names its incident.
- A report told in the incident's own sentence gives its day though a later report's day is not
  known, unless that later one went to the same body.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from nlp.incidents import AnalysedSegment, assemble_incidents
from nlp.pipeline import analyse, build_pipeline
from tests.unit.report_rows import REFERENCE, incident_rows

DEED = "On 3 November they smashed her window. "
NOV3 = date(2026, 11, 3)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


@pytest.mark.parametrize(
    ("told", "bodies"),
    [
        ("She told the Riverbank Homes ASB officer the next morning.", ("housing",)),
        ("She told the council's housing team the next morning.", ("council",)),
        ("She rang HBC Housing the next morning.", ("council",)),
        ("She rang Kent Police the next morning.", ("police",)),
        ("She told our safer neighbourhoods officer the next morning.", ("police",)),
        # near-miss: a neighbourhood officer alone is the landlord's
        ("She told the neighbourhood officer the next morning.", ("housing",)),
        # near-misses: two bodies named apart stay two; a broadcaster's initials are no council
        ("She rang the police and the council ASB officer.", ("council", "police")),
        ("She rang the BBC Housing desk the next morning.", ("housing",)),
    ],
)
def test_unit_named_after_its_body_is_that_body(nlp: Language, told: str, bodies: tuple) -> None:
    assert incident_rows(nlp, DEED + told) == [(NOV3, True, bodies)]


@pytest.mark.parametrize(
    ("after", "bodies"),
    [
        (
            "I don't want my name going to the police or the council. This email is private.",
            ("police",),
        ),
        ("I read on the council website that this is the route.", ("police",)),
        ("I learnt from the council website that I could apply.", ("police",)),
        # near-miss: a report made through the channel
        ("I also filled in the form on the council website.", ("council", "police")),
    ],
)
def test_channel_word_only_in_its_own_sentence(nlp: Language, after: str, bodies: tuple) -> None:
    text = "On 3 November they smashed her window and I rang 101. " + after
    assert incident_rows(nlp, text) == [(NOV3, True, bodies)]


@pytest.mark.parametrize(
    ("after", "bodies"),
    [
        ("There are six of us in the close who've all rang the council about it.", ("police",)),
        (
            "I know three other tenants who complained separately, each to the police or to "
            "the council, and Mr and Mrs Hale, who each rang in as well.",
            ("police",),
        ),
        ("My neighbour Jo Bell has also complained to the council about the family.", ("police",)),
        # near-misses: the writer's own later report, and another's report of this incident
        ("I rang the council about it the next day as well.", ("council", "police")),
        ("My neighbour has also complained to the council about it.", ("council", "police")),
    ],
)
def test_other_reporters_add_no_body(nlp: Language, after: str, bodies: tuple) -> None:
    text = "On 3 November they smashed her window and I rang 101 that night. " + after
    assert incident_rows(nlp, text) == [(NOV3, True, bodies)]


def test_count_then_time_then_about_it_is_one_incidents(nlp: Language) -> None:
    text = (
        "On 3 November they smashed her window and I rang 101 that night. On the 10th they "
        "kicked the door for an hour. I rang the council's ASB team three times that week "
        "about it."
    )
    assert incident_rows(nlp, text) == [
        (NOV3, True, ("police",)),
        (date(2026, 11, 10), True, ("council",)),
    ]
    # near-miss: no "about it", the count covers what was told
    counted = text.replace(" that week about it.", " that week.")
    assert incident_rows(nlp, counted)[0] == (NOV3, True, ("council", "police"))


TWO_DEEDS = (
    "On 3 November they smashed her window and I rang 101 that night. On the 10th they sprayed "
    "paint on the van. "
)


@pytest.mark.parametrize(
    ("told", "rows"),
    [
        (
            "About the paint one I phoned the council a couple of times, no idea when.",
            [(NOV3, True, ("police",)), (date(2026, 11, 10), True, ("council",))],
        ),
        (
            "As for the window one, we rang the council twice as well.",
            [(NOV3, True, ("council", "police")), (date(2026, 11, 10), None, ())],
        ),
        # near-miss: no topic put first, the count covers what was told
        (
            "I phoned the council a couple of times, no idea when.",
            [(NOV3, True, ("council", "police")), (date(2026, 11, 10), True, ("council",))],
        ),
    ],
)
def test_topic_put_before_the_report_verb_names_the_incident(
    nlp: Language, told: str, rows: list
) -> None:
    assert incident_rows(nlp, TWO_DEEDS + told) == rows


def _report_days(nlp: Language, text: str) -> list[tuple[date | None, date | None]]:
    doc = analyse(nlp, text, REFERENCE)
    found = assemble_incidents([AnalysedSegment(doc=doc, offset=0, recipient_agency=None)])
    return [(i.start, i.reported_on) for i in found]


@pytest.mark.parametrize(
    ("later", "day"),
    [
        ("I then contacted the council three times and nobody called me back.", NOV3),
        # near-miss: a report of unknown day to the same body may be the one first told
        ("I rang the police again a couple of times after that, no idea when.", None),
    ],
)
def test_report_in_incidents_own_sentence_gives_its_day(
    nlp: Language, later: str, day: date | None
) -> None:
    text = "On 3 November they smashed her window and I rang the police about it. " + later
    assert _report_days(nlp, text) == [(NOV3, day)]
