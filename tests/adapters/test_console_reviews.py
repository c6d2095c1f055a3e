"""The case review over HTTP on real databases (SQLite, then PostgreSQL): recording it, its
checks, the clock it moves, the next-steps and outcome letters, the deadlines dashboard and the
yearly figures it feeds."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine

from app.cli import main
from storage.tables import AccountRole
from storage.unit_of_work import SqlUnitOfWork
from tests.console_support import (
    Clock,
    TestClient,
    add_account,
    console,
    csrf_of,
    email_bytes,
    seed_case,
    sign_in,
)

# Monday 23 November 2026, noon: the day the manager accepts the case.
ACCEPTED = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
PERPETRATOR = (
    "On 1 October 2026 Darren Pike from number 12 played music all night; "
    "I rang the police that day.\nOn 20 October 2026 x\nOn 5 January 2025 y\n"
    "The court hearing is on 2 November 2026.\n"
)


def client_as(
    engine: Engine, clock: Clock, name: str, role: AccountRole, area: str | None
) -> TestClient:
    add_account(engine, name, role=role, area=area)
    client = TestClient(console(engine, clock))
    assert sign_in(client, name).status_code == 303  # type: ignore[attr-defined]
    return client


def accepted_case(
    engine: Engine, clock: Clock, policy: str = "hartlepool"
) -> tuple[int, TestClient]:
    """A case a manager (of every area) accepted on discretion on 23 November 2026."""
    case_id = seed_case(engine, policy=policy, raw=email_bytes(body=PERPETRATOR))
    manager = client_as(engine, clock, "mo", AccountRole.MANAGER, None)
    token = csrf_of(manager.get(f"/cases/{case_id}").text)
    answer = manager.post(
        f"/cases/{case_id}/decision",
        data={"version": "1", "csrf_token": token, "outcome": "discretion", "reason": "Risk"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    return case_id, manager


def later(clock: Clock, client: TestClient, days: int, name: str = "mo") -> None:
    """Move the clock on ``days`` days and sign in again (the session has timed out)."""
    clock.advance(timedelta(days=days))
    assert sign_in(client, name).status_code == 303  # type: ignore[attr-defined]


def date_fields(name: str, day: date | None) -> dict[str, str]:
    if day is None:
        return {f"{name}-day": "", f"{name}-month": "", f"{name}-year": ""}
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


def review_form(token: str, version: str = "", **values: object) -> dict[str, str]:
    form = {
        "csrf_token": token,
        "review_version": version,
        "spoc_name": "Sam Okafor",
        "spoc_contact": "01429 523 100",
        "chair": "",
        "victim_voice": "",
        "victim_voice_note": "",
        "findings": "",
        "action_plan": "",
        "recommendations_made": "",
        "recommendations": "",
    }
    for name in (
        "victim_contacted_on",
        "information_requested_on",
        "information_received_on",
        "meeting_planned_on",
        "meeting_held_on",
        "minutes_circulated_on",
        "action_plan_completed_on",
    ):
        form.update(date_fields(name, None))
    for name, value in values.items():
        if isinstance(value, date) or (value is None and name.endswith("_on")):
            form.update(date_fields(name, value))
        else:
            form[name] = str(value)
    return form


def clock_states(page: str) -> dict[str, str]:
    return dict(re.findall(r'id="clock-([a-z_]+)" data-state="([a-z_]+)"', page))


def audit_actions(engine: Engine, case_id: int) -> list[str]:
    with SqlUnitOfWork(engine) as uow:
        return [e.action for e in uow.audit.trail(subject_type="application", subject_id=case_id)]


def test_recording_a_review_moves_the_clock_step_by_step_and_is_audited(engine: Engine) -> None:
    clock = Clock(ACCEPTED)
    case_id, manager = accepted_case(engine, clock)
    page = manager.get(f"/cases/{case_id}").text
    states = clock_states(page)
    assert states["review_meeting"] == "due" and states["spoc_contact"] == "due"
    assert states["partner_information"] == "waiting" and "not_met_letter" not in states
    assert "Do not name or describe the other party" in page

    later(clock, manager, 3)  # Thursday 26 November
    token = csrf_of(manager.get(f"/cases/{case_id}").text)
    saved = manager.post(
        f"/cases/{case_id}/review",
        data=review_form(
            token,
            victim_contacted_on=date(2026, 11, 24),
            information_requested_on=date(2026, 11, 25),
            meeting_planned_on=date(2026, 12, 4),
            chair="Chief Inspector Lee",
            victim_voice="statement",
        ),
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    page = manager.get(f"/cases/{case_id}").text
    states = clock_states(page)
    assert states["spoc_contact"] == "done"
    assert states["partner_information"] == "due"  # 10 working days from 25 November
    assert states["review_meeting"] == "due"  # Monday 7 December, 7 working days away
    assert "planned for 4 December 2026" in page

    later(clock, manager, 8)  # Friday 4 December: the meeting is held
    token = csrf_of(manager.get(f"/cases/{case_id}").text)
    held = manager.post(
        f"/cases/{case_id}/review",
        data=review_form(
            token,
            version="1",
            victim_contacted_on=date(2026, 11, 24),
            information_requested_on=date(2026, 11, 25),
            meeting_planned_on=date(2026, 12, 4),
            meeting_held_on=date(2026, 12, 4),
            chair="Chief Inspector Lee",
            victim_voice="statement",
            findings="Reports were not shared between the council and the police.",
            action_plan="The council's ASB team visits weekly; the police patrol at night.",
            recommendations_made="yes",
            recommendations="Share ASB reports weekly between agencies.",
        ),
        follow_redirects=False,
    )
    assert held.status_code == 303, held.text
    page = manager.get(f"/cases/{case_id}").text
    states = clock_states(page)
    assert states["review_meeting"] == "done" and states["partner_information"] == "done"
    assert states["outcome_to_victim"] == "due" and states["minutes_to_panel"] == "due"
    assert states["appeal_window"] == "waiting"
    assert audit_actions(engine, case_id).count("case.review_recorded") == 2
    with SqlUnitOfWork(engine) as uow:
        review = uow.reviews.get(case_id)
    assert review is not None and review.version == 2 and review.recommendations_made


def test_partner_information_received_closes_its_step_and_is_audited_by_name(
    engine: Engine,
) -> None:
    clock = Clock(ACCEPTED)
    case_id, manager = accepted_case(engine, clock)
    later(clock, manager, 3)  # Thursday 26 November
    token = csrf_of(manager.get(f"/cases/{case_id}").text)
    asked = review_form(token, information_requested_on=date(2026, 11, 25))
    assert manager.post(f"/cases/{case_id}/review", data=asked).status_code == 200
    later(clock, manager, 5)  # Tuesday 1 December: the partners' information is in
    page = manager.get(f"/cases/{case_id}").text
    assert clock_states(page)["partner_information"] == "due"
    assert 'data-step="partner_information"' in manager.get("/deadlines").text
    early = review_form(
        csrf_of(page),
        version="1",
        information_requested_on=date(2026, 11, 25),
        information_received_on=date(2026, 11, 24),
    )
    refused = manager.post(f"/cases/{case_id}/review", data=early)
    assert refused.status_code == 400
    assert (
        "The date information was received from partners must be on or after the date it was "
        "requested" in refused.text
    )
    assert 'href="#information_received_on-day"' in refused.text
    received = review_form(
        csrf_of(page),
        version="1",
        information_requested_on=date(2026, 11, 25),
        information_received_on=date(2026, 12, 1),
    )
    saved = manager.post(f"/cases/{case_id}/review", data=received, follow_redirects=False)
    assert saved.status_code == 303, saved.text
    page = manager.get(f"/cases/{case_id}").text
    assert clock_states(page)["partner_information"] == "done"
    assert clock_states(page)["review_meeting"] == "due"  # the meeting is still to come
    assert 'name="information_received_on-day" type="text" value="1"' in page
    dashboard = manager.get("/deadlines").text
    assert f"/cases/{case_id}#clock" in dashboard  # its other steps are still open
    assert 'data-step="partner_information"' not in dashboard
    with SqlUnitOfWork(engine) as uow:
        [entry] = [
            e
            for e in uow.audit.trail(subject_type="application", subject_id=case_id)
            if e.action == "case.review_recorded" and e.detail["version"] == 2
        ]
    assert entry.detail["changed"] == ["information_received_on"]


def test_a_form_with_problems_keeps_every_value_and_saves_nothing(engine: Engine) -> None:
    clock = Clock(ACCEPTED)
    case_id, manager = accepted_case(engine, clock)
    later(clock, manager, 3)
    token = csrf_of(manager.get(f"/cases/{case_id}").text)
    form = review_form(
        token,
        spoc_name="",
        spoc_contact="sam@example.gov.uk",
        information_requested_on=date(2026, 11, 20),  # before the case was accepted
        meeting_held_on=date(2026, 12, 20),  # in the future
        action_plan_completed_on=date(2026, 11, 25),
        findings="Nothing was shared.",
        victim_voice="other",
    )
    form["victim_contacted_on-day"] = "24"
    form["victim_contacted_on-year"] = "2026"  # no month
    form["minutes_circulated_on-day"] = "31"
    form["minutes_circulated_on-month"] = "11"
    form["minutes_circulated_on-year"] = "2026"  # 31 November
    answer = manager.post(f"/cases/{case_id}/review", data=form)
    assert answer.status_code == 400
    page = answer.text
    for message in (
        "Enter the name of the SPOC",
        "The date the SPOC first contacted the victim must include a month",
        "The date information was requested from partners must be on or after 23 November 2026",
        "The date the meeting was held must be today or in the past",
        "The date the minutes and action plan went to the panel must be a real date",
        "Say how the victim&#39;s voice is heard",
        "Enter the action plan",
        "Say whether the review made recommendations",
        "Enter the name of the chair",
    ):
        assert message in page, message
    assert 'href="#spoc_name"' in page and 'href="#victim_contacted_on-month"' in page
    assert page.index("Enter the name of the SPOC") < page.index("must include a month")
    assert 'value="sam@example.gov.uk"' in page and "Nothing was shared." in page
    assert 'name="victim_contacted_on-day" type="text" value="24"' in page or 'value="24"' in page
    with SqlUnitOfWork(engine) as uow:
        assert uow.reviews.get(case_id) is None
    assert "case.review_recorded" not in audit_actions(engine, case_id)

    second = review_form(
        token,
        meeting_held_on=date(2026, 11, 25),
        chair="A chair",
        victim_voice="spoc",
        action_plan_completed_on=date(2026, 11, 24),  # before the meeting
        findings="f",
        action_plan="a",
        recommendations_made="no",
    )
    answer = manager.post(f"/cases/{case_id}/review", data=second)
    assert answer.status_code == 400
    assert (
        "The date the action plan was completed must be on or after the date the meeting was held"
        in answer.text
    )


def test_only_an_accepted_case_takes_a_review_and_a_stale_form_is_refused(
    engine: Engine,
) -> None:
    clock = Clock(ACCEPTED)
    undecided = seed_case(engine, external_id="<other@example.org>")
    case_id, manager = accepted_case(engine, clock)
    token = csrf_of(manager.get(f"/cases/{case_id}").text)
    refused = manager.post(
        f"/cases/{undecided}/review", data=review_form(token), follow_redirects=False
    )
    assert refused.status_code == 303 and "error=" in refused.headers["location"]
    assert "The case review" not in manager.get(f"/cases/{undecided}").text
    assert manager.post(f"/cases/{case_id}/review", data=review_form("forged")).status_code == 403
    first = manager.post(
        f"/cases/{case_id}/review", data=review_form(token), follow_redirects=False
    )
    assert first.status_code == 303
    again = manager.post(f"/cases/{case_id}/review", data=review_form(token))  # no version
    assert again.status_code == 400 and "Someone else saved this case review first" in again.text
    with SqlUnitOfWork(engine) as uow:
        assert uow.reviews.get(undecided) is None
        stored = uow.reviews.get(case_id)
        assert stored is not None and stored.version == 1


def test_next_steps_and_outcome_letters_never_name_the_alleged_perpetrator(
    engine: Engine,
) -> None:
    clock = Clock(ACCEPTED)
    case_id, manager = accepted_case(engine, clock, policy="durham")
    later(clock, manager, 1)
    assert manager.get(f"/cases/{case_id}/letters/next_steps").status_code == 404
    assert manager.get(f"/cases/{case_id}/letters/outcome").status_code == 404
    assert "case.letter_produced" not in audit_actions(engine, case_id)
    token = csrf_of(manager.get(f"/cases/{case_id}").text)
    manager.post(
        f"/cases/{case_id}/review",
        data=review_form(
            token,
            meeting_planned_on=date(2026, 12, 4),
            chair="Chief Inspector Lee",
            victim_voice="attends",
        ),
    )
    letter = manager.get(f"/cases/{case_id}/letters/next_steps").text
    for words in (
        "Sam Okafor",
        "01429 523 100",
        "Chief Inspector Lee",
        "4 December 2026",
        "come to the start of the meeting",
        "victims care and advice service",  # Durham's support service
        "14 days from completion of the action plan",  # Durham's appeal window
        "5 working days from the case review meeting",  # Durham's action plan step
    ):
        assert words in letter, words
    assert "Darren" not in letter and "Pike" not in letter
    assert manager.get(f"/cases/{case_id}/letters/outcome").status_code == 404  # not held yet

    later(clock, manager, 14)  # Tuesday 8 December
    token = csrf_of(manager.get(f"/cases/{case_id}").text)
    manager.post(
        f"/cases/{case_id}/review",
        data=review_form(
            token,
            version="1",
            meeting_planned_on=date(2026, 12, 4),
            meeting_held_on=date(2026, 12, 4),
            chair="Chief Inspector Lee",
            victim_voice="attends",
            findings="The agencies did not share what was reported to them.",
            action_plan="Weekly visits by the council.\nNight patrols by the police.",
            recommendations_made="yes",
            recommendations="Agencies share reports every week.",
            action_plan_completed_on=date(2026, 12, 7),
        ),
    )
    outcome = manager.get(f"/cases/{case_id}/letters/outcome").text
    for words in (
        "The agencies did not share what was reported to them.",
        "Night patrols by the police.",
        "must have regard to",
        "until 21 December 2026",  # 14 days after 7 December
        "Police and Crime Commissioner",
    ):
        assert words in outcome, words
    assert "Darren" not in outcome and "Pike" not in outcome
    for kind in ("next_steps", "outcome"):
        pdf = manager.get(f"/cases/{case_id}/letters/{kind}.pdf")
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        assert pdf.headers["content-disposition"] == (
            f'attachment; filename="CT-{case_id:06d}-{kind}.pdf"'
        )
        assert b"Darren" not in pdf.content
    states = clock_states(manager.get(f"/cases/{case_id}").text)
    assert states["next_steps_letter"] == "done" and states["action_plan_to_victim"] == "done"
    assert states["appeal_window"] == "due"


def test_the_dashboard_lists_every_pressing_step_across_cases_by_area(engine: Engine) -> None:
    clock = Clock(ACCEPTED)
    durham, manager = accepted_case(engine, clock, policy="durham")
    other = seed_case(engine, external_id="<other@example.org>")  # hartlepool, undecided
    later(clock, manager, 14)  # Monday 7 December
    page = manager.get("/deadlines").text
    pressing = page[page.index('id="pressing"') : page.index('id="later"')]
    rows = re.findall(r'data-step="([a-z_]+)"[^<]*<td[^>]*>[^<]*</td>', pressing)
    assert {"next_steps_letter", "spoc_contact", "review_meeting"} <= set(rows)
    assert "acknowledge" in rows  # the other case's, overdue since 27 November
    assert f"/cases/{durham}#clock" in pressing and f"/cases/{other}#clock" in pressing
    dues = [
        datetime.strptime(f"{found} +0000", "%d %B %Y %z").date()
        for found in re.findall(r'<tr class="govuk-table__row" data-step="[a-z_]+">\s*'
                                r'<td class="govuk-table__cell">([^<]+)</td>', pressing)
    ]  # fmt: skip
    assert dues == sorted(dues) and len(dues) >= 4
    only = manager.get("/deadlines", params={"area": "durham"}).text
    assert f"/cases/{other}#clock" not in only and f"/cases/{durham}#clock" in only
    officer = client_as(engine, clock, "jo", AccountRole.OFFICER, "hartlepool")
    theirs = officer.get("/deadlines", params={"area": "durham"}).text
    assert f"/cases/{durham}#clock" not in theirs and f"/cases/{other}#clock" in theirs


@pytest.mark.parametrize("recommended", [True, False])
def test_figures_count_the_reviews_held_and_those_with_recommendations(
    engine: Engine,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    recommended: bool,
) -> None:
    clock = Clock(ACCEPTED)
    case_id, manager = accepted_case(engine, clock)
    later(clock, manager, 10)
    token = csrf_of(manager.get(f"/cases/{case_id}").text)
    answer = manager.post(
        f"/cases/{case_id}/review",
        data=review_form(
            token,
            meeting_held_on=date(2026, 12, 2),
            chair="A chair",
            victim_voice="spoc",
            recommendations_made="yes" if recommended else "no",
            recommendations="Share reports." if recommended else "",
        ),
        follow_redirects=False,
    )
    assert answer.status_code == 303
    page = manager.get("/figures", params={"year": 2026}).text
    assert "not recorded" not in page
    download = manager.get("/figures.csv", params={"year": 2026}).text
    assert "2026/27,all areas,Case reviews held,1" in download
    assert f"2026/27,all areas,Case reviews with recommendations,{int(recommended)}" in download
    assert "2025/26,all areas,Case reviews held,0" in (
        manager.get("/figures.csv", params={"year": 2025}).text
    )
    monkeypatch.setenv("TRIGGER_DATABASE_URL", database_url)
    assert main(["stats", "--year", "2026", "--csv"]) == 0
    printed = capsys.readouterr().out
    assert "2026/27,all areas,Case reviews held,1" in printed
    assert main(["stats", "--year", "2026", "--area", "durham", "--csv"]) == 0
    assert "2026/27,durham,Case reviews held,0" in capsys.readouterr().out


def test_reading_a_letter_as_a_page_does_not_close_its_step_but_its_pdf_does(
    engine: Engine,
) -> None:
    clock = Clock(ACCEPTED)
    case_id, manager = accepted_case(engine, clock)
    assert clock_states(manager.get(f"/cases/{case_id}").text)["acknowledge"] != "done"
    assert manager.get(f"/cases/{case_id}/letters/acknowledgement").status_code == 200
    assert clock_states(manager.get(f"/cases/{case_id}").text)["acknowledge"] != "done"
    assert manager.get(f"/cases/{case_id}/letters/acknowledgement.pdf").status_code == 200
    assert clock_states(manager.get(f"/cases/{case_id}").text)["acknowledge"] == "done"
