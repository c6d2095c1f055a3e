"""The console over HTTP (Starlette's TestClient, a real database): sign-in and sessions,
security headers, CSRF, roles and areas, the case page and its changes, all audited."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, update

from console import deadlines
from console.audit import ConsoleAction
from console.security import token_hash
from storage.tables import AccountRole, ApplicationRecord, ApplicationStatus
from storage.unit_of_work import SqlUnitOfWork
from tests.console_support import (
    PASSWORD,
    Clock,
    TestClient,
    add_account,
    console,
    csrf_of,
    email_bytes,
    seed_case,
    sign_in,
)


def routes(app: object) -> list[tuple[str, set[str]]]:
    """Every route of the app with its methods, through included routers."""
    found: list[tuple[str, set[str]]] = []
    pending = list(app.routes)  # type: ignore[attr-defined]
    while pending:
        route = pending.pop()
        inner = getattr(route, "original_router", None)
        if inner is not None:
            pending.extend(inner.routes)
        elif hasattr(route, "methods") and route.methods:
            found.append((route.path, set(route.methods)))
    return found


def client_for(engine: Engine, clock: Clock | None = None, **kwargs: object) -> TestClient:
    return TestClient(console(engine, clock), **kwargs)  # type: ignore[arg-type]


def actions(engine: Engine, subject_id: int | None = None) -> list[str]:
    with SqlUnitOfWork(engine) as uow:
        trail = uow.audit.trail(subject_id=subject_id) if subject_id else uow.audit.trail()
        return [entry.action for entry in trail]


def signed_in_client(engine: Engine, name: str = "jo", **account: object) -> TestClient:
    add_account(engine, name, **account)  # type: ignore[arg-type]
    client = client_for(engine)
    response = sign_in(client, name)
    assert response.status_code == 303, response.text  # type: ignore[attr-defined]
    return client


def test_every_response_carries_the_security_headers(engine: Engine) -> None:
    client = client_for(engine)
    for path in ("/sign-in", "/", "/cases/1", "/static/console.css", "/no-such-page"):
        response = client.get(path, follow_redirects=False)
        csp = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp, path
        assert "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert "strict-transport-security" not in response.headers  # plain HTTP


def test_over_tls_hsts_is_sent_and_cookies_are_secure(engine: Engine) -> None:
    add_account(engine, "jo")
    client = client_for(engine, base_url="https://testserver")
    response = sign_in(client, "jo")
    assert response.headers["strict-transport-security"].startswith("max-age=")  # type: ignore[attr-defined]
    cookie = response.headers["set-cookie"]  # type: ignore[attr-defined]
    assert "console_session=" in cookie
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie


def test_plain_http_session_cookie_is_httponly_samesite_not_secure(engine: Engine) -> None:
    add_account(engine, "jo")
    response = sign_in(client_for(engine), "jo")
    cookie = response.headers["set-cookie"]  # type: ignore[attr-defined]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie


def test_signed_out_user_reaches_nothing(engine: Engine) -> None:
    case_id = seed_case(engine)
    client = client_for(engine)
    for path in ("/", f"/cases/{case_id}", "/admin/accounts", "/password"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/sign-in", path
    response = client.post(
        f"/cases/{case_id}/decision",
        data={"version": "1", "outcome": "not_met", "reason": "x", "csrf_token": "x"},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/sign-in"
    with SqlUnitOfWork(engine) as uow:
        case = uow.applications.get(case_id)
        assert case is not None and case.status is ApplicationStatus.READY


def test_session_id_rotates_at_sign_in_and_dies_at_sign_out(engine: Engine) -> None:
    client = signed_in_client(engine)
    first = client.cookies["console_session"]
    page = client.get("/")
    assert page.status_code == 200
    sign_in(client, "jo")
    second = client.cookies["console_session"]
    assert second != first
    with SqlUnitOfWork(engine) as uow:
        assert uow.accounts.session(token_hash(first)) is None  # the old one is closed
        assert uow.accounts.session(token_hash(second)) is not None
    page = client.get("/")
    response = client.post(
        "/sign-out", data={"csrf_token": csrf_of(page.text)}, follow_redirects=False
    )
    assert response.status_code == 303
    with SqlUnitOfWork(engine) as uow:
        assert uow.accounts.session(token_hash(second)) is None
    replay = client_for(engine)
    replay.cookies.set("console_session", second)
    assert replay.get("/", follow_redirects=False).headers["location"] == "/sign-in"
    assert {"console.signed_in", "console.signed_out"} <= set(actions(engine))


def test_sessions_end_after_idle_and_absolute_timeouts(engine: Engine) -> None:
    add_account(engine, "jo")
    clock = Clock()
    client = client_for(engine, clock)
    sign_in(client, "jo")
    clock.advance(timedelta(minutes=29))
    assert client.get("/", follow_redirects=False).status_code == 200
    clock.advance(timedelta(minutes=31))
    assert client.get("/", follow_redirects=False).status_code == 303
    sign_in(client, "jo")
    for _ in range(26):  # used every 29 minutes: never idle, but 12 hours pass
        clock.advance(timedelta(minutes=29))
        response = client.get("/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/sign-in"
    assert "console.session_expired" in actions(engine)


def test_sign_in_without_the_forms_token_is_refused(engine: Engine) -> None:
    add_account(engine, "jo")
    client = client_for(engine)
    response = client.post(
        "/sign-in", data={"username": "jo", "password": PASSWORD}, follow_redirects=False
    )
    assert response.status_code == 403
    assert "console_session" not in client.cookies


def test_wrong_passwords_are_throttled_then_even_the_right_one_waits(engine: Engine) -> None:
    add_account(engine, "jo")
    client = client_for(engine)
    for _ in range(5):
        assert sign_in(client, "jo", "wrong password!").status_code == 401  # type: ignore[attr-defined]
    blocked = sign_in(client, "jo")
    assert blocked.status_code == 429  # type: ignore[attr-defined]
    assert int(blocked.headers["retry-after"]) > 0  # type: ignore[attr-defined]
    assert actions(engine).count("console.sign_in_failed") == 5


def test_a_one_time_password_must_be_changed_before_anything_else(engine: Engine) -> None:
    add_account(engine, "jo", one_time=True)
    client = client_for(engine)
    assert sign_in(client, "jo").status_code == 303  # type: ignore[attr-defined]
    assert client.get("/", follow_redirects=False).headers["location"] == "/password"
    page = client.get("/password")
    new = "a much longer secret phrase"
    response = client.post(
        "/password",
        data={"current": PASSWORD, "new": new, "confirm": new, "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert client.get("/", follow_redirects=False).status_code == 200
    fresh = client_for(engine)
    assert sign_in(fresh, "jo", PASSWORD).status_code == 401  # type: ignore[attr-defined]
    assert sign_in(fresh, "jo", new).status_code == 303  # type: ignore[attr-defined]


def test_every_state_changing_route_refuses_a_form_without_the_sessions_token(
    engine: Engine,
) -> None:
    case_id = seed_case(engine)
    add_account(engine, "root", role=AccountRole.ADMIN, area=None)
    app = console(engine)
    client = TestClient(app)
    sign_in(client, "root")
    posts = [path for path, methods in routes(app) if "POST" in methods and path != "/sign-in"]
    assert len(posts) >= 8
    for path in posts:
        url = path.replace("{case_id}", str(case_id)).replace("{position}", "0")
        url = url.replace("{account_id}", "1")
        for token in ("", "forged-token"):
            response = client.post(
                url,
                data={"version": "1", "outcome": "not_met", "reason": "x", "csrf_token": token},
                follow_redirects=False,
            )
            assert response.status_code == 403, (path, token)
    for method_path in ("/cases/{case_id}/decision", "/sign-out"):
        assert method_path in posts
    with SqlUnitOfWork(engine) as uow:
        case = uow.applications.get(case_id)
        assert case is not None and case.version == 1 and len(case.draft.incidents) == 3


def test_an_officer_cannot_reach_admin_pages_or_use_discretion(engine: Engine) -> None:
    case_id = seed_case(engine)
    client = signed_in_client(engine)
    assert client.get("/admin/accounts").status_code == 403
    page = client.get(f"/cases/{case_id}")
    assert 'id="accept-discretion"' not in page.text
    response = client.post(
        f"/cases/{case_id}/decision",
        data={
            "version": "1",
            "outcome": "discretion",
            "reason": "risk",
            "csrf_token": csrf_of(page.text),
        },
        follow_redirects=False,
    )
    assert response.status_code == 403


def test_a_manager_accepts_on_discretion(engine: Engine) -> None:
    case_id = seed_case(engine)
    client = signed_in_client(engine, "mo", role=AccountRole.MANAGER, area=None)
    page = client.get(f"/cases/{case_id}")
    response = client.post(
        f"/cases/{case_id}/decision",
        data={
            "version": "1",
            "outcome": "discretion",
            "reason": "vulnerable",
            "csrf_token": csrf_of(page.text),
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    with SqlUnitOfWork(engine) as uow:
        case = uow.applications.get(case_id)
        decisions = uow.decisions.for_application(case_id)
    assert case is not None and case.status is ApplicationStatus.DECIDED
    assert decisions[-1].status == "discretion" and decisions[-1].note == "vulnerable"


def test_an_officer_cannot_open_another_areas_case_by_changing_the_id(engine: Engine) -> None:
    ours = seed_case(engine)
    theirs = seed_case(engine, policy="durham", external_id="<other@example.org>")
    client = signed_in_client(engine)
    assert client.get(f"/cases/{ours}").status_code == 200
    assert client.get(f"/cases/{theirs}").status_code == 404
    assert client.get(f"/cases/{theirs}/messages/1/attachments/0").status_code == 404
    queue = client.get("/").text
    assert f"/cases/{ours}" in queue and f"/cases/{theirs}" not in queue
    page = client.get(f"/cases/{ours}")
    response = client.post(
        f"/cases/{theirs}/incidents/0/delete",
        data={"version": "1", "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert response.status_code == 404
    with SqlUnitOfWork(engine) as uow:
        other = uow.applications.get(theirs)
        assert other is not None and len(other.draft.incidents) == 3


def test_queue_puts_risk_first_and_filters_and_searches(engine: Engine) -> None:
    plain = seed_case(engine)
    risky = seed_case(engine, external_id="<risk@example.org>", risk=True)
    client = signed_in_client(engine, "mo", role=AccountRole.MANAGER, area=None)
    text = client.get("/").text
    assert text.index(f"/cases/{risky}") < text.index(f"/cases/{plain}")
    assert "working days" in text
    assert f"/cases/{plain}" in client.get("/", params={"q": "pat@example"}).text
    assert f"/cases/{plain}" not in client.get("/", params={"q": "nobody"}).text
    assert f"/cases/{plain}" in client.get("/", params={"q": f"CT-{plain:06d}"}).text
    assert f"/cases/{plain}" not in client.get("/", params={"threshold": "met"}).text
    assert f"/cases/{plain}" in client.get("/", params={"threshold": "not_met"}).text
    assert f"/cases/{plain}" not in client.get("/", params={"area": "durham"}).text


def test_the_case_page_highlights_each_fact_at_its_evidence(engine: Engine) -> None:
    case_id = seed_case(engine)
    client = signed_in_client(engine)
    page = client.get(f"/cases/{case_id}").text
    assert 'title="Incident 1" data-facts="incident-1">On 1 October 2026</mark>' in page
    assert 'title="Incident 3" data-facts="incident-3">On 5 January 2025</mark>' in page
    assert '"set-aside-1">2 November 2026</mark>' in page
    assert 'title="Date set aside: in a sentence about a court hearing"' in page
    assert "Dear team,\n<mark" in page  # the text between facts is kept as received
    assert "case.viewed" in actions(engine, case_id)


def test_correcting_a_date_reruns_the_threshold_and_is_audited(engine: Engine) -> None:
    case_id = seed_case(engine)
    client = signed_in_client(engine)
    page = client.get(f"/cases/{case_id}")
    assert 'id="threshold-status">\n  not met' in page.text or "not met" in page.text
    response = client.post(
        f"/cases/{case_id}/incidents/2",
        data={
            "version": "1",
            "csrf_token": csrf_of(page.text),
            "occurred_start": "2026-11-02",
            "reported": "yes",
            "reported_on": "2026-11-02",
            "agencies": ["police"],
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    with SqlUnitOfWork(engine) as uow:
        case = uow.applications.get(case_id)
        trail = uow.audit.trail(subject_type="application", subject_id=case_id)
    assert case is not None and case.draft.threshold is not None
    assert str(case.draft.threshold.status) == "met"
    assert case.draft.incidents[2].evidence  # the evidence stays with the corrected incident
    corrected = [entry for entry in trail if entry.action == "case.incident_corrected"]
    assert corrected and corrected[0].detail["threshold_before"] == "not_met"
    assert corrected[0].detail["threshold_after"] == "met"
    assert corrected[0].actor.startswith("officer:")


def test_a_stale_form_is_refused_rather_than_overwriting(engine: Engine) -> None:
    case_id = seed_case(engine)
    client = signed_in_client(engine)
    token = csrf_of(client.get(f"/cases/{case_id}").text)
    for expected in (303, 303):
        response = client.post(
            f"/cases/{case_id}/incidents/0/delete",
            data={"version": "1", "csrf_token": token},
            follow_redirects=False,
        )
        assert response.status_code == expected
    with SqlUnitOfWork(engine) as uow:
        case = uow.applications.get(case_id)
    assert case is not None and len(case.draft.incidents) == 2  # the second post was stale
    assert "error=" in response.headers["location"]


def test_a_set_aside_date_is_promoted_in_one_action(engine: Engine) -> None:
    case_id = seed_case(engine)
    client = signed_in_client(engine)
    page = client.get(f"/cases/{case_id}")
    assert "in a sentence about a court hearing" in page.text
    response = client.post(
        f"/cases/{case_id}/set-aside/0/promote",
        data={"version": "1", "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    with SqlUnitOfWork(engine) as uow:
        case = uow.applications.get(case_id)
    assert case is not None and len(case.draft.incidents) == 4 and not case.draft.rejected_dates
    assert str(case.draft.incidents[3].occurred.start) == "2026-11-02"
    assert "case.date_promoted" in actions(engine, case_id)


def test_refusing_needs_a_reason_and_confirming_needs_a_met_threshold(engine: Engine) -> None:
    case_id = seed_case(engine)
    client = signed_in_client(engine)
    token = csrf_of(client.get(f"/cases/{case_id}").text)
    for data in ({"outcome": "not_met", "reason": "  "}, {"outcome": "met"}):
        response = client.post(
            f"/cases/{case_id}/decision",
            data={"version": "1", "csrf_token": token, **data},
            follow_redirects=False,
        )
        assert "error=" in response.headers["location"]
    response = client.post(
        f"/cases/{case_id}/decision",
        data={"version": "1", "csrf_token": token, "outcome": "not_met", "reason": "Too old"},
        follow_redirects=False,
    )
    with SqlUnitOfWork(engine) as uow:
        case = uow.applications.get(case_id)
    assert case is not None and case.status is ApplicationStatus.DECIDED
    assert {"officer.decided", "application.status_changed"} <= set(actions(engine, case_id))


@pytest.mark.parametrize("script", ["<svg onload=alert(1)>", '"><script>alert(1)</script>'])
def test_hostile_email_is_shown_as_text_and_attachments_only_download(
    engine: Engine, script: str
) -> None:
    raw = email_bytes(
        body=f"On 1 October 2026 {script} the people next door\nOn 20 October 2026 x\n"
        "On 5 January 2025 y\nThe court hearing is on 2 November 2026.\n",
        subject=f"Help {script}",
        attachment=(f"{script}.html", f"<html>{script}</html>".encode()),
    )
    case_id = seed_case(engine, raw=raw)
    client = signed_in_client(engine)
    page = client.get(f"/cases/{case_id}").text
    assert script not in page
    assert "&lt;svg onload=alert(1)&gt;" in page or "&lt;script&gt;" in page
    with SqlUnitOfWork(engine) as uow:
        inbound_id = uow.applications.get(case_id).inbound_ids[0]  # type: ignore[union-attr]
    download = client.get(f"/cases/{case_id}/messages/{inbound_id}/attachments/0")
    assert download.status_code == 200
    assert download.headers["content-disposition"].startswith("attachment;")
    assert download.headers["content-type"] == "application/octet-stream"
    assert script.encode() in download.content
    assert "case.attachment_downloaded" in actions(engine, case_id)


def test_an_admin_adds_an_account_with_a_one_time_password(engine: Engine) -> None:
    client = signed_in_client(engine, "root", role=AccountRole.ADMIN, area=None)
    page = client.get("/admin/accounts")
    response = client.post(
        "/admin/accounts",
        data={
            "username": "Sam",
            "role": "officer",
            "area": "hartlepool",
            "csrf_token": csrf_of(page.text),
        },
    )
    assert response.status_code == 200
    import re

    found = re.search(r'id="one-time-password">([^<]+)<', response.text)
    assert found is not None
    fresh = client_for(engine)
    assert sign_in(fresh, "sam", found.group(1)).status_code == 303  # type: ignore[attr-defined]
    assert fresh.get("/", follow_redirects=False).headers["location"] == "/password"


def test_figures_are_for_managers_as_a_page_and_a_csv(engine: Engine) -> None:
    case_id = seed_case(engine)
    officer = signed_in_client(engine)
    assert officer.get("/figures").status_code == 403
    assert officer.get("/figures.csv").status_code == 403
    token = csrf_of(officer.get(f"/cases/{case_id}").text)
    officer.post(
        f"/cases/{case_id}/decision",
        data={"version": "1", "csrf_token": token, "outcome": "not_met", "reason": "Too old"},
    )
    manager = signed_in_client(engine, "mo", role=AccountRole.MANAGER, area=None)
    page = manager.get("/figures", params={"year": 2026})
    assert page.status_code == 200 and "2026/27" in page.text
    download = manager.get("/figures.csv", params={"year": 2026})
    assert download.headers["content-disposition"].startswith("attachment;")
    assert "2026/27,all areas,Applications received,1" in download.text
    assert "2026/27,all areas,Threshold not met (refused),1" in download.text
    assert (
        "2025/26,all areas,Applications received,0"
        in manager.get("/figures.csv", params={"year": 2025}).text
    )


def test_deadlines_list_the_overdue_step_first(engine: Engine) -> None:
    case_id = seed_case(engine)  # received 20 November 2026: acknowledge by 27 November
    add_account(engine, "jo")
    clock = Clock(datetime(2026, 12, 7, 12, 0, tzinfo=UTC))
    client = client_for(engine, clock)
    sign_in(client, "jo")
    page = client.get("/deadlines").text
    pressing = page[page.index('id="pressing"') : page.index('id="later"')]
    assert f"/cases/{case_id}" in pressing
    assert "27 November 2026" in pressing and "6 overdue" in pressing


def test_deadlines_weigh_every_open_case_not_only_the_oldest(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deadlines, "SHOWN", 1)  # rows a table shows
    answered = [seed_case(engine, external_id=f"<old-{n}@example.org>") for n in range(2)]
    newer = seed_case(engine, external_id="<newer@example.org>")
    with engine.begin() as connection:  # received Thursday 3 December: acknowledge by the 10th
        connection.execute(
            update(ApplicationRecord)
            .where(ApplicationRecord.id == newer)  # type: ignore[arg-type]
            .values(received_at=datetime(2026, 12, 3, 10, 0, tzinfo=UTC))
        )
    add_account(engine, "jo")
    client = client_for(engine, Clock(datetime(2026, 12, 7, 12, 0, tzinfo=UTC)))
    sign_in(client, "jo")
    for case_id in answered:  # the two older cases are acknowledged: nothing of theirs is open
        assert client.get(f"/cases/{case_id}/letters/acknowledgement.pdf").status_code == 200
    page = client.get("/deadlines").text
    pressing = page[page.index('id="pressing"') : page.index('id="later"')]
    assert f"/cases/{newer}#clock" in pressing and "10 December 2026" in pressing
    assert "Open cases weighed: 3." in page and 'id="pressing-more"' not in page
    unanswered = seed_case(engine, external_id="<old-2@example.org>")  # overdue since 27 November
    page = client.get("/deadlines").text
    pressing = page[page.index('id="pressing"') : page.index('id="later"')]
    assert f"/cases/{unanswered}#clock" in pressing and f"/cases/{newer}#clock" not in pressing
    assert "1 more steps are overdue or due soon" in page and "Open cases weighed: 4." in page


def test_case_events_of_many_ids_are_read_in_batches_like_those_of_a_filter(engine: Engine) -> None:
    cases = [seed_case(engine, external_id=f"<batch-{n}@example.org>") for n in range(3)]
    client = signed_in_client(engine)
    assert client.get(f"/cases/{cases[1]}/letters/acknowledgement.pdf").status_code == 200
    with SqlUnitOfWork(engine) as uow:
        asked = [*range(1000, 2200), *cases]  # three batches; the unknown ids have no events
        events = uow.reviews.case_events(asked, ConsoleAction.LETTER_PRODUCED)
        assert set(events) == set(cases) and list(events[cases[1]].letters) == ["acknowledgement"]
        groups = uow.reviews.open_cases_alike(
            areas=["hartlepool"],
            statuses=[ApplicationStatus.READY],
            letter_action=ConsoleAction.LETTER_PRODUCED,
        )
        # the two unanswered cases alike share a group; the acknowledged one is on its own
        assert sorted(group.ids for group in groups) == [[cases[0], cases[2]], [cases[1]]]
        assert all(events[one] == group.events for group in groups for one in group.ids)
        assert {(g.policy, g.status, g.at_risk) for g in groups} == {
            ("hartlepool", ApplicationStatus.READY, False)
        }


def test_cases_alike_are_grouped_by_their_day_in_england(engine: Engine) -> None:
    cases = [seed_case(engine, external_id=f"<day-{n}@example.org>") for n in range(4)]
    moments = [
        datetime(2026, 6, 10, 22, 59, tzinfo=UTC),  # 23:59 in England (summer time)
        datetime(2026, 6, 10, 23, 30, tzinfo=UTC),  # 00:30 on the 11th in England
        datetime(2026, 6, 11, 9, 0, tzinfo=UTC),
        datetime(2026, 12, 10, 23, 30, tzinfo=UTC),  # winter: still the 10th in England
    ]
    with engine.begin() as connection:
        for case_id, moment in zip(cases, moments, strict=True):
            connection.execute(
                update(ApplicationRecord)
                .where(ApplicationRecord.id == case_id)  # type: ignore[arg-type]
                .values(received_at=moment)
            )
    with SqlUnitOfWork(engine) as uow:
        groups = uow.reviews.open_cases_alike(
            areas=None,
            statuses=[ApplicationStatus.READY],
            letter_action=ConsoleAction.LETTER_PRODUCED,
        )
        events = uow.reviews.case_events(cases, ConsoleAction.LETTER_PRODUCED)
    days = {group.events.received: group.ids for group in groups}
    assert days == {
        date(2026, 6, 10): [cases[0]],
        date(2026, 6, 11): [cases[1], cases[2]],
        date(2026, 12, 10): [cases[3]],
    }
    assert all(events[one] == group.events for group in groups for one in group.ids)


def test_letters_are_pdfs_that_never_name_the_alleged_perpetrator(engine: Engine) -> None:
    raw = email_bytes(
        body="On 1 October 2026 Darren Pike from number 12 played music all night; "
        "I rang the police that day.\nOn 20 October 2026 x\nOn 5 January 2025 y\n"
        "The court hearing is on 2 November 2026.\n"
    )
    case_id = seed_case(engine, raw=raw)
    client = signed_in_client(engine)
    assert client.get(f"/cases/{case_id}/letters/decision").status_code == 404  # undecided
    ack = client.get(f"/cases/{case_id}/letters/acknowledgement")
    assert ack.status_code == 200 and f"CT-{case_id:06d}" in ack.text
    token = csrf_of(client.get(f"/cases/{case_id}").text)
    client.post(
        f"/cases/{case_id}/decision",
        data={
            "version": "1",
            "csrf_token": token,
            "outcome": "not_met",
            "reason": "Darren Pike's conduct was reported too long ago",
        },
    )
    letter = client.get(f"/cases/{case_id}/letters/decision")
    assert "does not meet the threshold" in letter.text
    assert "complaints procedure" in letter.text and "Ombudsman" in letter.text
    assert "5 January 2025" in letter.text  # the reasons, incident by incident
    assert "Darren" not in letter.text and "Pike" not in letter.text
    pdf = client.get(f"/cases/{case_id}/letters/decision.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-disposition"].startswith("attachment;")
    assert b"Darren" not in pdf.content
    assert "case.letter_produced" in actions(engine, case_id)


CALLER = (
    "She said the people at number 9 have been shouting at her every night. "
    "On 3 October 2026 they threw a brick at her window and she reported it to the police "
    "the same day. On 19 October 2026 they blocked her drive and she rang the council that day."
)


def test_assisted_intake_drafts_what_a_caller_said_and_records_who_entered_it(
    engine: Engine,
) -> None:
    client = signed_in_client(engine)
    form = client.get("/intake")
    assert form.status_code == 200
    token = csrf_of(form.text)
    refused = client.post(
        "/intake", data={"csrf_token": token, "channel": "fax", "area": "hartlepool", "text": ""}
    )
    assert refused.status_code == 400 and "Enter what the person told you" in refused.text
    response = client.post(
        "/intake",
        data={
            "csrf_token": token,
            "channel": "phone",
            "area": "durham",  # an officer's own area is used whatever the form says
            "received": "2026-11-20",
            "text": CALLER,
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    case_id = int(response.headers["location"].rsplit("/", 1)[1])
    page = client.get(f"/cases/{case_id}").text
    assert "<mark" in page and "3 October 2026" in page
    with SqlUnitOfWork(engine) as uow:
        case = uow.applications.get(case_id)
        assert case is not None and case.policy == "hartlepool"
        assert len(case.draft.incidents) >= 2 and case.draft.threshold is not None
        message = uow.inbound.get(case.inbound_ids[0])
        trail = uow.audit.trail(subject_type="application", subject_id=case_id)
    assert message is not None and message.channel == "assisted-phone"
    assert message.sender is not None and message.sender.startswith("officer:")
    entered = [entry for entry in trail if entry.action == "case.assisted_intake"]
    assert entered and entered[0].detail["channel"] == "phone"
    assert entered[0].actor == message.sender


def test_assisted_intake_shows_read_back_questions_and_an_email_case_does_not(
    engine: Engine,
) -> None:
    emailed = seed_case(engine)
    client = signed_in_client(engine)
    token = csrf_of(client.get("/intake").text)
    caller = CALLER + " Darren Pike from number 9 said he would burn the house down."
    response = client.post(
        "/intake",
        data={"csrf_token": token, "channel": "phone", "area": "hartlepool", "text": caller},
        follow_redirects=False,
    )
    page = client.get(response.headers["location"]).text
    assert 'id="readback"' in page
    readback = page[page.index('id="readback"') : page.index('id="decision"')]
    assert "May we share your details with" in readback
    assert 'data-topic="risk"' in readback
    assert "Darren" not in readback and "Pike" not in readback
    assert 'id="readback"' not in client.get(f"/cases/{emailed}").text
