"""The console in a real browser: Playwright driving Debian's headless Chromium against the
console served by uvicorn on a free port, over a real database.

Skipped with the reason when /usr/bin/chromium (or Playwright) is missing, except under
CI=true, where that fails: CI must run the browser tests.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from storage.tables import AccountRole, ApplicationStatus
from storage.unit_of_work import SqlUnitOfWork
from tests.console_support import PASSWORD, add_account, console, email_bytes, seed_case

CHROMIUM = os.environ.get("TRIGGER_TEST_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update",
    "--disable-sync",
]  # fmt: skip


def _browser_problem() -> str | None:
    if not Path(CHROMIUM).exists() and shutil.which(CHROMIUM) is None:
        return f"Chromium not found at {CHROMIUM}: apt-get install chromium"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright not installed: pip install playwright"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    problem = _browser_problem()
    if problem is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{problem} (CI=true: the browser tests must run)")
        pytest.skip(problem)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def sqlite_engine(sqlite_url: str) -> Iterator[Engine]:
    from storage.database import connect
    from storage.migrate import upgrade

    engine = connect(sqlite_url)
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def site(sqlite_engine: Engine) -> Iterator[str]:
    """The console served by uvicorn in a thread; its base URL."""
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            console(sqlite_engine),
            host="127.0.0.1",
            port=port,
            lifespan="off",
            log_config=None,
            access_log=False,
        )  # fmt: skip
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the console did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def page(browser: object, site: str) -> Iterator[object]:
    context = browser.new_context(base_url=site)  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.problems = []
    tab.on(
        "dialog", lambda dialog: (tab.problems.append(f"dialog {dialog.message}"), dialog.dismiss())
    )
    tab.on(
        "console",
        lambda message: tab.problems.append(message.text) if message.type == "error" else None,
    )
    tab.on("pageerror", lambda error: tab.problems.append(str(error)))
    tab.on(
        "response",
        lambda response: (
            tab.problems.append(f"{response.status} {response.url}")
            if response.status == 404 and "/static/" in response.url
            else None
        ),
    )
    try:
        yield tab
    finally:
        context.close()


def sign_in(page: object, name: str = "jo") -> None:
    page.goto("/sign-in")  # type: ignore[attr-defined]
    page.fill("#username", name)  # type: ignore[attr-defined]
    page.fill("#password", PASSWORD)  # type: ignore[attr-defined]
    page.click("#sign-in")  # type: ignore[attr-defined]
    page.wait_for_url("**/")  # type: ignore[attr-defined]


def audit_actions(engine: Engine, case_id: int) -> list[str]:
    with SqlUnitOfWork(engine) as uow:
        return [e.action for e in uow.audit.trail(subject_type="application", subject_id=case_id)]


def test_an_officer_signs_in_corrects_a_date_watches_the_decision_change_approves_and_signs_out(
    page: object, sqlite_engine: Engine
) -> None:
    p = page
    case_id = seed_case(sqlite_engine)
    add_account(sqlite_engine, "jo")
    sign_in(p)
    assert p.locator("#queue").inner_text().count("CT-") == 1  # type: ignore[attr-defined]
    p.click(f"a[href='/cases/{case_id}']")  # type: ignore[attr-defined]
    p.wait_for_url(f"**/cases/{case_id}")  # type: ignore[attr-defined]
    marks = p.locator("pre mark.console-fact--incident")  # type: ignore[attr-defined]
    assert marks.count() == 3
    assert marks.nth(2).inner_text() == "On 5 January 2025"
    assert p.locator("pre mark.console-fact--set-aside").inner_text() == "2 November 2026"  # type: ignore[attr-defined]
    assert "not met" in p.locator("#threshold-status").inner_text()  # type: ignore[attr-defined]
    assert p.locator("#confirm-met").count() == 0  # type: ignore[attr-defined]

    p.click("#correct-3 summary")  # type: ignore[attr-defined]
    p.fill("#occurred_start-3", "2026-11-02")  # type: ignore[attr-defined]
    p.fill("#reported_on-3", "2026-11-02")  # type: ignore[attr-defined]
    p.click("#save-incident-3")  # type: ignore[attr-defined]
    p.wait_for_selector("#confirm-met")  # type: ignore[attr-defined]
    assert p.locator("#threshold-status").inner_text().strip() == "met"  # type: ignore[attr-defined]

    p.click("#confirm-met")  # type: ignore[attr-defined]
    p.wait_for_selector("#officer-decisions")  # type: ignore[attr-defined]
    assert p.locator("#case-status").inner_text() == "decided"  # type: ignore[attr-defined]
    with p.expect_download() as letter:  # type: ignore[attr-defined]
        p.click("#decision-pdf")  # type: ignore[attr-defined]
    assert letter.value.suggested_filename == f"CT-{case_id:06d}-decision.pdf"
    assert Path(letter.value.path()).read_bytes().startswith(b"%PDF")

    p.click("#sign-out")  # type: ignore[attr-defined]
    p.wait_for_url("**/sign-in")  # type: ignore[attr-defined]
    p.goto(f"/cases/{case_id}")  # type: ignore[attr-defined]
    assert p.url.endswith("/sign-in")  # type: ignore[attr-defined]
    assert p.problems == []  # type: ignore[attr-defined]  # no CSP violation, no script error

    with SqlUnitOfWork(sqlite_engine) as uow:
        case = uow.applications.get(case_id)
    assert case is not None and case.status is ApplicationStatus.DECIDED
    done = audit_actions(sqlite_engine, case_id)
    for action in ("case.viewed", "case.incident_corrected", "officer.decided"):
        assert action in done


def test_a_victims_email_carrying_script_is_shown_as_text_and_runs_nothing(
    page: object, sqlite_engine: Engine
) -> None:
    p = page
    script = "<svg onload=alert(document.domain)>"
    raw = email_bytes(
        body=f"On 1 October 2026 {script} they\nOn 20 October 2026 a\nOn 5 January 2025 b\n"
        "The court hearing is on 2 November 2026.\n",
        subject=f"Help {script}",
        attachment=(f"{script}.html", f"<html>{script}</html>".encode()),
    )
    case_id = seed_case(sqlite_engine, raw=raw)
    add_account(sqlite_engine, "jo")
    sign_in(p)
    p.goto(f"/cases/{case_id}")  # type: ignore[attr-defined]
    p.wait_for_timeout(300)  # type: ignore[attr-defined]  # time for an onload to fire, were it there
    assert script in p.locator("pre").inner_text()  # type: ignore[attr-defined]
    assert f"Help {script}" in p.locator(".console-message").inner_text()  # type: ignore[attr-defined]
    assert p.locator("main svg").count() == 0  # type: ignore[attr-defined]
    link = p.locator(".console-message a[download]")  # type: ignore[attr-defined]
    assert link.inner_text() == f"{script}.html"
    with p.expect_download() as info:  # type: ignore[attr-defined]
        link.click()
    assert info.value.suggested_filename == "attachment-1.bin"
    assert p.problems == []  # type: ignore[attr-defined]


def test_in_the_browser_another_areas_case_and_admin_pages_are_closed(
    page: object, sqlite_engine: Engine
) -> None:
    p = page
    theirs = seed_case(sqlite_engine, policy="durham")
    add_account(sqlite_engine, "jo")
    sign_in(p)
    response = p.goto(f"/cases/{theirs}")  # type: ignore[attr-defined]
    assert response.status == 404 and "Page not found" in p.content()  # type: ignore[attr-defined]
    response = p.goto("/admin/accounts")  # type: ignore[attr-defined]
    assert response.status == 403


def test_a_forged_form_from_another_site_changes_nothing(
    page: object, site: str, sqlite_engine: Engine
) -> None:
    p = page
    case_id = seed_case(sqlite_engine)
    add_account(sqlite_engine, "mo", role=AccountRole.MANAGER, area=None)
    sign_in(p, "mo")
    p.set_content(  # type: ignore[attr-defined]
        f'<form method="post" action="{site}/cases/{case_id}/decision">'
        '<input name="version" value="1"><input name="outcome" value="discretion">'
        '<input name="reason" value="forged"><button id="go">go</button></form>'
    )
    p.click("#go")  # type: ignore[attr-defined]
    p.wait_for_load_state()  # type: ignore[attr-defined]
    with SqlUnitOfWork(sqlite_engine) as uow:
        case = uow.applications.get(case_id)
    assert case is not None and case.status is ApplicationStatus.READY


def test_a_manager_records_a_case_review_watches_the_clock_and_downloads_its_letters(
    page: object, sqlite_engine: Engine
) -> None:
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    p = page
    today = datetime.now(ZoneInfo("Europe/London")).date()
    case_id = seed_case(sqlite_engine)
    add_account(sqlite_engine, "mo", role=AccountRole.MANAGER)
    sign_in(p, "mo")
    p.goto(f"/cases/{case_id}")  # type: ignore[attr-defined]
    p.fill("#discretion-reason", "Risk to a vulnerable victim")  # type: ignore[attr-defined]
    p.click("#accept-discretion")  # type: ignore[attr-defined]
    p.wait_for_selector("#review")  # type: ignore[attr-defined]
    clock = p.locator  # type: ignore[attr-defined]
    assert clock("#clock-spoc_contact").get_attribute("data-state") in ("due", "due_soon")
    assert clock("#clock-review_meeting").get_attribute("data-state") == "due"
    assert "Do not name or describe the other party" in p.inner_text("#main-content")  # type: ignore[attr-defined]

    def fill_date(name: str, day: object) -> None:
        for part in ("day", "month", "year"):
            p.fill(f"#{name}-{part}", str(getattr(day, part)))  # type: ignore[attr-defined]

    p.fill("#spoc_name", "Sam Okafor")  # type: ignore[attr-defined]
    p.fill("#spoc_contact", "01429 523 100")  # type: ignore[attr-defined]
    fill_date("victim_contacted_on", today)
    p.fill("#meeting_planned_on-day", str((today + timedelta(days=7)).day))  # type: ignore[attr-defined]
    p.fill("#meeting_planned_on-year", str((today + timedelta(days=7)).year))  # type: ignore[attr-defined]
    p.fill("#chair", "Chief Inspector Lee")  # type: ignore[attr-defined]
    p.check("#victim_voice-2")  # type: ignore[attr-defined]  # a written statement
    p.click("#save-review")  # type: ignore[attr-defined]
    summary = p.locator(".govuk-error-summary")  # type: ignore[attr-defined]
    summary.wait_for()
    assert "The date the meeting is planned for must include a month" in summary.inner_text()
    assert p.input_value("#spoc_name") == "Sam Okafor"  # type: ignore[attr-defined]  # kept
    assert p.is_checked("#victim_voice-2")  # type: ignore[attr-defined]
    fill_date("meeting_planned_on", today + timedelta(days=7))
    p.click("#save-review")  # type: ignore[attr-defined]
    p.wait_for_selector("#next-steps-pdf")  # type: ignore[attr-defined]
    assert clock("#clock-spoc_contact").get_attribute("data-state") == "done"
    with p.expect_download() as letter:  # type: ignore[attr-defined]
        p.click("#next-steps-pdf")  # type: ignore[attr-defined]
    assert letter.value.suggested_filename == f"CT-{case_id:06d}-next_steps.pdf"
    assert Path(letter.value.path()).read_bytes().startswith(b"%PDF")

    p.reload()  # type: ignore[attr-defined]
    assert clock("#clock-next_steps_letter").get_attribute("data-state") == "done"
    fill_date("meeting_held_on", today)
    p.fill("#findings", "The agencies did not share what was reported to them.")  # type: ignore[attr-defined]
    p.fill("#action_plan", "Weekly visits by the council; night patrols by the police.")  # type: ignore[attr-defined]
    p.check("#recommendations_made")  # type: ignore[attr-defined]
    p.fill("#recommendations", "Agencies share reports every week.")  # type: ignore[attr-defined]
    p.click("#save-review")  # type: ignore[attr-defined]
    p.wait_for_selector("#outcome-pdf")  # type: ignore[attr-defined]
    assert clock("#clock-review_meeting").get_attribute("data-state") == "done"
    assert clock("#clock-outcome_to_victim").get_attribute("data-state") in ("due", "due_soon")
    with p.expect_download() as outcome:  # type: ignore[attr-defined]
        p.click("#outcome-pdf")  # type: ignore[attr-defined]
    assert outcome.value.suggested_filename == f"CT-{case_id:06d}-outcome.pdf"
    pdf = Path(outcome.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF") and b"Darren" not in pdf
    p.reload()  # type: ignore[attr-defined]
    assert clock("#clock-outcome_to_victim").get_attribute("data-state") == "done"
    # The form with a problem came back as 400 (Chromium reports that as a console error);
    # nothing else: no CSP violation, no script error.
    refused = "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    assert p.problems == [refused]  # type: ignore[attr-defined]
    done = audit_actions(sqlite_engine, case_id)
    assert done.count("case.review_recorded") == 2
    assert "case.letter_produced" in done


def test_an_officer_sends_a_letter_and_finds_it_under_letters_sent(
    page: object, sqlite_engine: Engine
) -> None:
    p = page
    case_id = seed_case(sqlite_engine)
    add_account(sqlite_engine, "jo")
    sign_in(p)
    p.goto(f"/cases/{case_id}")  # type: ignore[attr-defined]
    p.click("#send-letter-acknowledgement")  # type: ignore[attr-defined]
    rows = p.locator("#letters-sent-table tbody tr")  # type: ignore[attr-defined]
    rows.first.wait_for()
    assert rows.count() == 1 and "queued" in rows.first.inner_text()
    assert "email to pat@example.org" in rows.first.inner_text()
    p.click("#send-letter-acknowledgement")  # type: ignore[attr-defined]  # again, no tick
    p.wait_for_selector(".govuk-error-summary")  # type: ignore[attr-defined]
    assert rows.count() == 1
    p.check("#again-acknowledgement")  # type: ignore[attr-defined]
    p.click("#send-letter-acknowledgement")  # type: ignore[attr-defined]
    p.wait_for_function("document.querySelectorAll('#letters-sent-table tbody tr').length == 2")  # type: ignore[attr-defined]
    with p.expect_download() as letter:  # type: ignore[attr-defined]
        p.click("#letters-sent-table tbody tr >> nth=0 >> a")  # type: ignore[attr-defined]
    assert letter.value.suggested_filename.startswith(f"CT-{case_id:06d}-acknowledgement")
    assert Path(letter.value.path()).read_bytes().startswith(b"%PDF")
    assert p.problems == []  # type: ignore[attr-defined]
    assert audit_actions(sqlite_engine, case_id).count("case.letter_sent") == 2


def _account_id(engine: Engine, name: str) -> int:
    with SqlUnitOfWork(engine) as uow:
        found = uow.accounts.find(name)
        assert found is not None and found.id is not None
        return found.id


def _second_tab(browser: object, site: str) -> object:
    context = browser.new_context(base_url=site)  # type: ignore[attr-defined]
    return context.new_page()


def test_an_admin_deactivates_an_officer_whose_other_browser_is_then_signed_out(
    page: object, browser: object, site: str, sqlite_engine: Engine
) -> None:
    add_account(sqlite_engine, "root", role=AccountRole.ADMIN, area=None)
    add_account(sqlite_engine, "jo")
    jo = _account_id(sqlite_engine, "jo")
    officer = _second_tab(browser, site)
    try:
        sign_in(officer, "jo")
        assert officer.locator("#queue").count() == 1  # type: ignore[attr-defined]
        p = page
        sign_in(p, "root")
        p.click("a[href='/admin/accounts']")  # type: ignore[attr-defined]
        p.click(f"#manage-{jo} summary")  # type: ignore[attr-defined]
        p.click(f"#deactivate-{jo}")  # type: ignore[attr-defined]
        assert "jo is deactivated" in p.locator("#account-notice").inner_text()  # type: ignore[attr-defined]
        officer.goto("/")  # type: ignore[attr-defined]
        assert officer.url.endswith("/sign-in")  # type: ignore[attr-defined]
        officer.fill("#username", "jo")  # type: ignore[attr-defined]
        officer.fill("#password", PASSWORD)  # type: ignore[attr-defined]
        officer.click("#sign-in")  # type: ignore[attr-defined]
        assert "Enter a correct user name and password" in officer.content()  # type: ignore[attr-defined]
        assert p.problems == []  # type: ignore[attr-defined]
    finally:
        officer.context.close()  # type: ignore[attr-defined]


def test_a_reset_password_must_be_changed_at_the_next_sign_in(
    page: object, browser: object, site: str, sqlite_engine: Engine
) -> None:
    add_account(sqlite_engine, "root", role=AccountRole.ADMIN, area=None)
    add_account(sqlite_engine, "jo")
    jo = _account_id(sqlite_engine, "jo")
    p = page
    sign_in(p, "root")
    p.goto("/admin/accounts")  # type: ignore[attr-defined]
    p.click(f"#manage-{jo} summary")  # type: ignore[attr-defined]
    p.click(f"#reset-{jo}")  # type: ignore[attr-defined]
    one_time = p.locator("#one-time-password").inner_text()  # type: ignore[attr-defined]
    officer = _second_tab(browser, site)
    try:
        officer.goto("/sign-in")  # type: ignore[attr-defined]
        officer.fill("#username", "jo")  # type: ignore[attr-defined]
        officer.fill("#password", one_time)  # type: ignore[attr-defined]
        officer.click("#sign-in")  # type: ignore[attr-defined]
        officer.wait_for_url("**/password")  # type: ignore[attr-defined]
        officer.goto("/")  # type: ignore[attr-defined]
        assert officer.url.endswith("/password")  # type: ignore[attr-defined]  # nothing else first
        new = "a passphrase of my own"
        officer.fill("#current", one_time)  # type: ignore[attr-defined]
        officer.fill("#new", new)  # type: ignore[attr-defined]
        officer.fill("#confirm", new)  # type: ignore[attr-defined]
        officer.click("#save-password")  # type: ignore[attr-defined]
        officer.wait_for_selector("#queue")  # type: ignore[attr-defined]
    finally:
        officer.context.close()  # type: ignore[attr-defined]
    assert p.problems == []  # type: ignore[attr-defined]


def test_assisted_intake_shows_the_read_back_questions(page: object, sqlite_engine: Engine) -> None:
    add_account(sqlite_engine, "jo")
    p = page
    sign_in(p)
    p.click("a[href='/intake']")  # type: ignore[attr-defined]
    p.select_option("#channel", "phone")  # type: ignore[attr-defined]
    p.fill(  # type: ignore[attr-defined]
        "#text",
        "She said the people next door play loud music every night. On 3 November 2026 they "
        "shouted at her children and she reported it, she cannot remember when or to whom. "
        "On 10 November 2026 they blocked her drive and she rang the council that day.",
    )
    p.click("#draft-application")  # type: ignore[attr-defined]
    p.wait_for_selector("#readback", timeout=60_000)  # type: ignore[attr-defined]
    questions = p.locator("#readback li")  # type: ignore[attr-defined]
    assert questions.count() >= 3
    text = p.locator("#readback").inner_text()  # type: ignore[attr-defined]
    assert "May we share your details with" in text
    assert "at risk of harm" in text
    assert p.locator("pre mark.console-fact--incident").count() >= 1  # type: ignore[attr-defined]
    assert p.problems == []  # type: ignore[attr-defined]
