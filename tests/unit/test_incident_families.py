"""Families of ways people tell the same thing about incidents and their reports (nlp/incidents.py,
nlp/incident_candidates.py, nlp/incident_reports.py, nlp/reports.py, nlp/clauses.py), each
written several ways (a formal letter, text-speak, voice-to-text, a carer, an officer's note), with
controls that must not change. Sentences of our own, not from any corpus.

- a report made later with its own date, told after the incident and referring back to it, is the
  report's day, not an incident, whatever reason follows ("because I'd been away");
- a late report's day ("but only on", "wasn't until", "finally on");
- "... and again last night" after a report verb reports that incident too;
- a report only supposed or feared ("if I rang the police") is none; "didnt ring, whats the point"
  is not reported;
- a date the writer says is not an incident, casework (mediation, visits, referrals), a kind of
  day ("bin day is a Tuesday"), a day the people complained of were away or quiet;
- the main clause after a relative clause with its own date belongs to the first date;
- chats told in fragments; a log pasted as a table.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from spacy.language import Language

from nlp.incidents import AnalysedSegment, Assembly, assemble
from nlp.pipeline import analyse, build_pipeline

# Wednesday 10 June 2026, evening.
WEDNESDAY = datetime(2026, 6, 10, 19, 30, tzinfo=ZoneInfo("Europe/London"))

Row = tuple[date | None, bool | None, date | None, tuple[str, ...]]


def d(day: int, month: int = 6) -> date:
    return date(2026, month, day)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _assembled(nlp: Language, text: str) -> Assembly:
    doc = analyse(nlp, text, WEDNESDAY)
    return assemble([AnalysedSegment(doc=doc, offset=0, recipient_agency="council")])


def rows(nlp: Language, text: str) -> list[Row]:
    return [
        (i.start, i.reported, i.reported_on, tuple(sorted(i.agencies)))
        for i in _assembled(nlp, text).incidents
    ]


def chat_rows(nlp: Language, messages: list[tuple[str, str | None]]) -> list[Row]:
    """Messages of one chat a minute apart, each with the bot's question before it or None."""
    parts = []
    offset = 0
    for k, (text, prompt) in enumerate(messages):
        doc = analyse(nlp, text, WEDNESDAY + timedelta(minutes=k))
        parts.append(
            AnalysedSegment(
                doc=doc,
                offset=offset,
                recipient_agency="council",
                chat=True,
                report_answer=prompt is not None and "report" in prompt.lower(),
            )
        )
        offset += len(text) + 1
    return [
        (i.start, i.reported, i.reported_on, tuple(sorted(i.agencies)))
        for i in assemble(parts).incidents
    ]


KICKED = "On the 2nd they kicked my door in. "


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # a later report referring back, its reason told after its date
        (
            "In mid May they set fire to my bin. I rang 101 about that on 24 May because I'd been "
            "away and only found it when I got back, they gave me a number but I've lost it.",
            [(date(2026, 5, 11), True, date(2026, 5, 24), ("police",))],
        ),
        (
            KICKED + "I reported it to the council on 9 June as I hadn't had time before.",
            [(d(2), True, d(9), ("council",))],
        ),
        (
            KICKED + "I phoned the police about it on the 5th, when I got back from work.",
            [(d(2), True, d(5), ("police",))],
        ),
        (
            KICKED
            + "We told the housing about this on Monday because they never answer the phone.",
            [(d(2), True, d(8), ("housing",))],
        ),
        (
            KICKED + "i only rang the police about it on the 5th cos i was scared of what theyd do",
            [(d(2), True, d(5), ("police",))],
        ),
        (
            "Mrs Khan's door was kicked on 2 June. She reported the matter to the Council on 5 "
            "June, after she had returned from hospital.",
            [(d(2), True, d(5), ("council",))],
        ),
        (
            "sept. 2 he threw paint up my front door. reported to the council asb on 9 october, "
            "took me a while to get round to it",
            [(date(2025, 9, 2), True, date(2025, 10, 9), ("council",))],
        ),
        # controls: the date starts a new incident told through its report
        (
            KICKED + "I rang 101 on the 5th when they threw eggs at my car.",
            [(d(2), None, None, ()), (d(5), True, d(5), ("police",))],
        ),
        (
            KICKED + "I rang the council and on the 5th they threw eggs at the car.",
            [(d(2), True, d(2), ("council",)), (d(5), None, None, ())],
        ),
        # a late report's day
        (
            KICKED + "I called police on 101 but only on 8 June, I was working away and came back.",
            [(d(2), True, d(8), ("police",))],
        ),
        (
            KICKED + "I reported it to the council but not until the 8th.",
            [(d(2), True, d(8), ("council",))],
        ),
        (KICKED + "I rang 101, though it wasn't until 8 June.", [(d(2), True, d(8), ("police",))]),
        (
            "On the 2nd they kicked my door in and I did report it to the police but only on the "
            "8th of June.",
            [(d(2), True, d(8), ("police",))],
        ),
        (KICKED + "Rang the police, finally on the 8th.", [(d(2), True, d(8), ("police",))]),
        # "and again <day>" after a report verb
        (
            "rang 101 on the 3rd when there was a fight outside and one of them had a knife. and "
            "again last night when they were screaming and booting the door at 3am",
            [(d(3), True, d(3), ("police",)), (d(9), True, d(9), ("police",))],
        ),
        (
            "I called the police on the 3rd when they smashed the window, and again on Monday when "
            "they kicked the door.",
            [(d(3), True, d(3), ("police",)), (d(8), True, d(8), ("police",))],
        ),
        (
            "I rang 101 on the 3rd about the cars and then again on the 5th about the fire.",
            [(d(3), True, d(3), ("police",)), (d(5), True, d(5), ("police",))],
        ),
        # control: two report days of one incident
        (KICKED + "I reported it on the 3rd and again on the 5th.", [(d(2), True, d(3), ())]),
        # a report supposed or feared is none; a bare negated ring is not reported
        (
            KICKED + "He said hed put me through my own window if i rang the police on him again.",
            [(d(2), None, None, ())],
        ),
        (
            KICKED + "He said if you ring the council on us again you'll regret it.",
            [(d(2), None, None, ())],
        ),
        (KICKED + "I'm too scared to report it to the police.", [(d(2), None, None, ())]),
        (KICKED + "I asked whether I should report it to the council.", [(d(2), None, None, ())]),
        (KICKED + "didnt ring, whats the point", [(d(2), False, None, ())]),
        (KICKED + "didnt ring anyone, no point.", [(d(2), False, None, ())]),
        (KICKED + "I never rang because they do nothing.", [(d(2), False, None, ())]),
        # controls
        (KICKED + "I was scared so I rang 101 straight away.", [(d(2), True, d(2), ("police",))]),
        (KICKED + "I rang 101 in case they came back.", [(d(2), True, d(2), ("police",))]),
    ],
)
def test_reports_told_the_ways_people_tell_them(
    nlp: Language, said: str, expected: list[Row]
) -> None:
    assert rows(nlp, said) == expected


@pytest.mark.parametrize(
    ("said", "incident_days", "rule"),
    [
        # the writer says it was not an incident
        (
            KICKED + "For completeness: her hospital appointment on 4 June and the Trust's letter "
            "to the family dated 5 June are not incidents.",
            [d(2)],
            "said_not_incident",
        ),
        (KICKED + "The 5th was my birthday, not an incident.", [d(2)], "said_not_incident"),
        (KICKED + "the 5th wasnt an incident just my mum round", [d(2)], "said_not_incident"),
        (KICKED + "The meeting on the 5th was for context only.", [d(2)], "said_not_incident"),
        (
            KICKED + "On the 5th the new people arrived (not ASB related).",
            [d(2)],
            "said_not_incident",
        ),
        # casework
        (
            "He attended a mediation appointment offered by the council on 27 May, which the "
            "other party did not attend.",
            [],
            "not_incident_clause",
        ),
        (
            KICKED + "We offered mediation on 8 June, which the household at number 9 declined.",
            [d(2)],
            "not_incident_clause",
        ),
        (
            KICKED + "The officer failed to attend two arranged home visits, on 14 May and 4 June.",
            [d(2)],
            "not_incident_clause",
        ),
        (
            "Please note what he says at the end - I have made a safeguarding referral and have "
            "spoken to his GP today.",
            [],
            "not_incident_clause",
        ),
        # a kind of day
        (
            KICKED + "Bin day is a Tuesday here and the lads kick the bins over most weeks.",
            [d(2)],
            "background",
        ),
        (KICKED + "bin day's always a monday and they tip them over.", [d(2)], "background"),
        (
            KICKED + "Pay day is usually on a Friday and that's when they party.",
            [d(2)],
            "background",
        ),
        # away or quiet
        (KICKED + "im ok right now hes at work", [d(2)], "no_behaviour"),
        (KICKED + "On Monday they were away on holiday.", [d(2)], "no_behaviour"),
        (KICKED + "Last night they were asleep for once.", [d(2)], "no_behaviour"),
    ],
)
def test_dates_that_are_not_incidents(
    nlp: Language, said: str, incident_days: list[date], rule: str
) -> None:
    found = _assembled(nlp, said)
    assert [i.start for i in found.incidents] == incident_days
    assert rule in {r.rule for r in found.rejected}


@pytest.mark.parametrize(
    ("said", "incident_days"),
    [
        # controls: behaviour on the day stays an incident
        (
            KICKED + "On the 5th they smashed the car, which is not the first incident.",
            [d(2), d(5)],
        ),
        (KICKED + "Last night they were out in the garden screaming.", [d(2), d(9)]),
        (KICKED + "Last night he was out with his mates and smashed my car.", [d(2), d(9)]),
        ("It was a Tuesday and they smashed the window.", [d(9)]),
        # the main clause resumed after a relative clause with its own date
        (
            "Last Friday, which was also the day a letter arrived telling me my renewal is due on "
            "3 December, I went out in the morning and found my wing mirror snapped off.",
            [d(5)],
        ),
        (
            "On the 2nd, which was the day of my hospital appointment on the 1st, they threw eggs "
            "at the door.",
            [d(2)],
        ),
        (
            "On Monday, which was the day my mum came round on the 1st, I found the fence kicked "
            "in.",
            [d(8)],
        ),
        ("The man who assaulted my son on 23 May was in court on 8 June.", [d(23, 5)]),
    ],
)
def test_incidents_that_stay(nlp: Language, said: str, incident_days: list[date]) -> None:
    assert [i.start for i in _assembled(nlp, said).incidents] == incident_days


def test_a_chat_told_in_fragments(nlp: Language) -> None:
    found = chat_rows(
        nlp,
        [
            ("theyve done my car again", None),
            ("saturday", None),
            ("keyed all down the side. and snapped the wing mirror", None),
            ("rang 101 sunday morning", "Did you report it to anyone?"),
            ("2 weeks ago they kicked 2 of my fence panels in", None),
            ("the housing next day", "Did you report that to anyone?"),
        ],
    )
    assert found == [
        (date(2026, 5, 27), True, date(2026, 5, 28), ("housing",)),
        (d(6), True, d(7), ("police",)),
    ]


@pytest.mark.parametrize(
    "answer",
    ["no not the police", "might ring the council tomorrow", "going to tell the housing"],
)
def test_an_answer_that_names_a_body_without_telling_it(nlp: Language, answer: str) -> None:
    found = chat_rows(
        nlp,
        [("on saturday they kicked my fence in", None), (answer, "Did you report it to anyone?")],
    )
    assert found[0][1] is not True


def test_a_log_pasted_as_a_table(nlp: Language) -> None:
    table = (
        "Date\tTime\tWhat happened\tReported to\tRef\n"
        "Sat 02/05/2026\t23:30-04:10\tMusic from no. 9 so loud my floor vibrated\t"
        "Hart BC noise line, Mon 04/05\tNS/26/4471\n"
        "Sat 16/05/2026\tapprox 22:00\tShouting in their garden, a bottle thrown over the fence\t"
        "Hants Police 101, same night\t46-1\n"
        "Sat 30/05/2026\t01:00\tParty. Two guests urinated in my garden\tonline form, 01/06\t-\n"
        "Sat 06/06/2026\t00:30-03:00\tMusic again, same as before\tnot reported yet\t-\n"
    )
    found = _assembled(nlp, table)
    assert [(i.start, i.reported, i.reported_on, i.agencies) for i in found.incidents][:2] == [
        (d(2, 5), True, d(4, 5), ("council",)),
        (d(16, 5), True, d(16, 5), ("police",)),
    ]
    assert [i.start for i in found.incidents] == [d(2, 5), d(16, 5), d(30, 5), d(6)]
    assert found.incidents[-1].reported is False
    assert "row_cell" in {r.rule for r in found.rejected}


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("On Sept. 2 they kicked the door.", 1),
        ("They live at no. 9 and play music.", 1),
        ("I spoke to Mrs. Khan about it.", 1),
        ("I said no. Then he hit me.", 2),
        ("It was on 9 Nov. They came back.", 2),
    ],
)
def test_abbreviations_end_no_sentence(nlp: Language, text: str, sentences: int) -> None:
    assert len(list(nlp(text).sents)) == sentences


THREE = (
    "On the 1st they set fire to the communal bins. On the 3rd they kicked a football at my "
    "window for an hour. On Friday someone snapped the wing mirror off my car.\n\n"
)


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        (
            "I rang the police about the bin fire the same night. I reported the football to the "
            "council the following day. The car I reported to the police on Saturday.",
            [
                (d(1), True, d(1), ("police",)),
                (d(3), True, d(4), ("council",)),
                (d(5), True, d(6), ("police",)),
            ],
        ),
        (
            "As for reporting: the football i told the council about the next day. i rang 101 "
            "about the mirror on saturday.",
            [
                (d(1), None, None, ()),
                (d(3), True, d(4), ("council",)),
                (d(5), True, d(6), ("police",)),
            ],
        ),
        (
            "Regarding the fire, I reported this to the police that evening and the fire brigade "
            "came out as well.",
            [
                (d(1), True, d(1), ("other", "police")),
                (d(3), None, None, ()),
                (d(5), None, None, ()),
            ],
        ),
    ],
)
def test_reports_told_later_name_their_incident(
    nlp: Language, reports: str, expected: list[Row]
) -> None:
    assert rows(nlp, THREE + reports) == expected


def test_a_body_split_by_a_hard_wrap_is_still_named(nlp: Language) -> None:
    # a mail hard-wrapped at 72 characters: "... to your community\nsafety team ..."
    text = (
        "On the 3rd they kicked a football against my window for over an hour.\n"
        "Then I reported the football and the spitting to your community\n"
        "safety team through the online form the following day."
    )
    assert rows(nlp, text) == [(d(3), True, d(4), ("council",))]


DIARY = (
    "DIARY\n"
    "14/02/26 Music through the wall till 2am. Rang police on 101 same night.\n"
    "03/03/26 Him shouting at me over the fence. Told Beacon Vale Homes (my landlord, housing "
    "association) same day.\n"
    "24/03/26 Easter Monday. Fight in the street outside theirs, I rang 999, police came.\n"
    "01/04/26 My birthday. Quiet day, our Ian came over.\n"
    "17/04/26 PC Dawson rang me back, said he had spoken to them.\n"
    "09/05/26 Hospital for my eyes (cataract check). All fine.\n"
    "26/05/26 Her screaming at me on the doorstep. Didn't ring anybody.\n"
)


def test_a_diary_kept_over_months(nlp: Language) -> None:
    found = _assembled(nlp, DIARY)
    assert [(i.start, i.reported, i.reported_on, i.agencies) for i in found.incidents] == [
        (d(14, 2), True, d(14, 2), ("police",)),
        (d(3, 3), True, d(3, 3), ("housing",)),
        (d(24, 3), True, d(24, 3), ("police",)),
        (d(26, 5), False, None, ()),
    ]


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # what kind of body the landlord is, said anywhere in the account
        (
            KICKED + "I told my landlord the next day. My landlord is a housing association.",
            [(d(2), True, d(3), ("housing",))],
        ),
        (
            KICKED + "rang my landlord that night, Bloggs Lettings are my landlord",
            [(d(2), False, None, ("other",))],
        ),
        (
            KICKED + "She reported this to her landlord the following morning. I have not been "
            "able to establish whether her landlord is a housing association or a private "
            "individual.",
            [(d(2), True, d(3), ())],
        ),
        # control: a landlord of no stated kind is not a relevant body
        (KICKED + "I told my landlord the next day.", [(d(2), False, None, ("other",))]),
        # nobody reported it
        (
            "Last weekend the bikes were out again on both days. None of us reported it.",
            [(d(6), False, None, ())],
        ),
        (KICKED + "Nobody rang the police.", [(d(2), False, None, ())]),
    ],
)
def test_who_was_told(nlp: Language, said: str, expected: list[Row]) -> None:
    assert rows(nlp, said)[:1] == expected


@pytest.mark.parametrize(
    "said",
    [
        "back in the summer, 23 May, the bloke smashed my front window with a bat. i rang 999 and "
        "the police came that night. i was at the hospital the next day with my hand where i cut "
        "it on the glass.",
        "On 23 May he smashed my front window with a bat. I went to casualty the next day because "
        "I had cut my hand on the glass.",
        "On 23 May he smashed my front window. The day after I was in hospital where I fell and "
        "hurt my back.",
    ],
)
def test_the_writers_own_injury_the_next_day_is_no_incident(nlp: Language, said: str) -> None:
    assert [i.start for i in _assembled(nlp, said).incidents] == [d(23, 5)]


@pytest.mark.parametrize(
    ("first", "correction", "day"),
    [
        (
            "last Sunday he smashed all the solar lights along my path with his foot",
            "the machine wrote Sunday before it was last Monday the lights not the Sunday sorry",
            d(8),
        ),
        (
            "on the 5th they threw eggs at my door",
            "sorry it was the 4th, the eggs, not the 5th",
            d(4),
        ),
        ("on the 5th they threw eggs at my door", "it was the 4th not the 5th", d(4)),
    ],
)
def test_a_correction_naming_what_moved(
    nlp: Language, first: str, correction: str, day: date
) -> None:
    found = chat_rows(nlp, [(first, None), (correction, None)])
    assert [row[0] for row in found] == [day]


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (
            KICKED
            + "But the thing that really got to me was the time he stood at my gate and told "
            "me to get back in the kitchen. I reported that one to the police at the time but I "
            "honestly couldn't tell you when it was.",
            [(d(2), None, None, ()), (None, True, None, ("police",))],
        ),
        (
            KICKED + "and the night of my mams funeral they were out there with music blasting and "
            "laughing. rang 101 that night too. i dont even know what date it was",
            [(d(2), None, None, ()), (None, True, None, ("police",))],
        ),
        (
            KICKED + "I remember the time they smashed my car window.",
            [(d(2), None, None, ()), (None, None, None, ())],
        ),
        # controls: a dated sentence, and a personal day with nothing done
        (
            "On the 2nd, the day of my GP appointment, they kicked my door in.",
            [(d(2), None, None, ())],
        ),
        (KICKED + "The day of my interview I was nervous.", [(d(2), None, None, ())]),
    ],
)
def test_incidents_dated_only_by_what_else_happened(
    nlp: Language, said: str, expected: list[Row]
) -> None:
    assert rows(nlp, said) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (
            "last tuesday he put a note under my door that just said FREAK in big letters. i took "
            "it to my housing officer the day after and she kept it.",
            [(d(9), True, d(10), ("housing",))],
        ),
        (
            "On the 2nd they threw a brick through the window. I handed the brick in to the police "
            "the next morning.",
            [(d(2), True, d(3), ("police",))],
        ),
        (
            "On the 2nd they threw eggs. I showed the footage to the PCSO on the 4th.",
            [(d(2), True, d(4), ("police",))],
        ),
        # control: taking someone to the doctor is no report
        (
            "On the 2nd they threw eggs. I took my son to the GP on the 4th.",
            [(d(2), None, None, ())],
        ),
        # a missed appointment is what the incident cost, not what the day was about
        (
            "Sept. 2 - his customer's van was left across my drive all morning, I missed my physio "
            "appointment at the hospital because I couldn't get the car out. Reported to the "
            "council the next day.",
            [(date(2025, 9, 2), True, date(2025, 9, 3), ("council",))],
        ),
    ],
)
def test_reports_by_handing_something_over(nlp: Language, said: str, expected: list[Row]) -> None:
    assert rows(nlp, said) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # a report already made, named as a thing, is no report to "you"
        (
            KICKED + "Our names are on the police report if you need them.",
            [(d(2), True, d(2), ("police",))],
        ),
        (KICKED + "I reported it to you the next day.", [(d(2), True, d(3), ("council",))]),
        (KICKED + "told u about it straight away", [(d(2), True, d(2), ("council",))]),
        # a landlord said not to be the council
        (
            KICKED + "I only told my landlord, not the council or the police.",
            [(d(2), False, None, ("other",))],
        ),
    ],
)
def test_you_is_the_partnership_only_when_told(
    nlp: Language, said: str, expected: list[Row]
) -> None:
    assert rows(nlp, said) == expected


@pytest.mark.parametrize(
    "said",
    [
        "on the 2nd it came through the gap in the fence and went for my jack russell, she needed "
        "stitches at the vets.",
        "On the 2nd he pushed me down the steps and I ended up in hospital.",
        "On the 2nd they set about my son and he was taken to A&E.",
        "on the 2nd their dog bit me, I needed treatment at the hospital.",
    ],
)
def test_what_an_incident_did_does_not_veto_it(nlp: Language, said: str) -> None:
    assert [i.start for i in _assembled(nlp, said).incidents] == [d(2)]


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (
            KICKED + "i told the housing officer when she come round on the 5th, shes from the "
            "council",
            [(d(2), True, d(5), ("council",))],
        ),
        (
            KICKED + "I told Sam, who works for the council, the next day.",
            [(d(2), True, d(3), ("council",))],
        ),
        # control: what the body did after is not who it is
        (
            KICKED + "I rang the police on the 5th, they were at the door in minutes.",
            [(d(2), True, d(5), ("police",))],
        ),
    ],
)
def test_the_body_a_person_told_is_from(nlp: Language, said: str, expected: list[Row]) -> None:
    assert rows(nlp, said) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (
            KICKED + "Reported to Dartford BC online the next day.",
            [(d(2), True, d(3), ("council",))],
        ),
        (KICKED + "rang Hart DC noise line that night", [(d(2), True, d(2), ("council",))]),
        # control: a detective constable
        (KICKED + "Yesterday DC Smith rang me back.", [(d(2), None, None, ())]),
    ],
)
def test_a_council_abbreviated(nlp: Language, said: str, expected: list[Row]) -> None:
    assert rows(nlp, said) == expected


@pytest.mark.parametrize(
    "said",
    [
        "on the 3rd they kicked all the bins over and set one going, I reported it to the council "
        "the next day.",
        "In May I reported it to the council the next day after they kicked the bins on the 3rd.",
        "On the 3rd they kicked the bins. I'm going to be honest, I reported it to the council the "
        "next day.",
    ],
)
def test_words_that_only_look_like_a_plan(nlp: Language, said: str) -> None:
    assert any(i.reported for i in _assembled(nlp, said).incidents)


@pytest.mark.parametrize(
    "said",
    [
        "The ones after that - the 3rd, the 5th, and last Saturday - I never reported.",
        "the 3rd, the 5th and last saturday they were at it again, didnt report any.",
        "On the 3rd, the 5th and last Saturday they kicked the door; nobody reported them.",
    ],
)
def test_a_list_of_days_none_reported(nlp: Language, said: str) -> None:
    found = _assembled(nlp, "On the 1st they egged the car, I rang the police. " + said)
    assert [(i.start, i.reported) for i in found.incidents] == [
        (d(1), True),
        (d(3), False),
        (d(5), False),
        (d(6), False),
    ]


def test_a_list_with_one_reported_keeps_its_report(nlp: Language) -> None:
    found = _assembled(
        nlp, "On the 3rd they kicked the door and on the 5th they smashed the car, I reported it."
    )
    assert [i.reported for i in found.incidents] == [None, True]


def test_a_correction_of_a_bare_day_in_another_month(nlp: Language) -> None:
    found = chat_rows(
        nlp,
        [
            ("on the 6th of may they set fire to our wheelie bin", None),
            ("sorry it was the 5th of may not the 6th, the bin fire", None),
        ],
    )
    assert [row[0] for row in found] == [d(5, 5)]


@pytest.mark.parametrize(
    "later",
    [
        "not rang anyone yet gonna ring 101 2moro",
        "im gonna ring the council tomorrow",
        "i wanna report it to the police",
    ],
)
def test_a_report_still_to_make(nlp: Language, later: str) -> None:
    found = rows(nlp, "theyre at it again tonight music blasting. " + later)
    assert found[0][1] is not True
