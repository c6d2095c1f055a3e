"""The sign-in lockout's arithmetic (the failures themselves are rows in the database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.security import SignInThrottle, sign_in_keys

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)


def ago(*minutes: float) -> list[datetime]:
    return [NOW - timedelta(minutes=m) for m in minutes]


@pytest.mark.parametrize(
    ("failures", "wait"),
    [
        ([], 0),
        (ago(4, 3, 2, 1), 0),  # four failures: a fifth attempt is allowed
        (ago(5, 4, 3, 2, 1), 10 * 60),  # blocked until the oldest (5 minutes ago) ages out
        (ago(20, 5, 4, 3, 2, 1), 10 * 60),  # a failure outside the window does not count
        (ago(6, 5, 4, 3, 2, 1), 10 * 60),  # six: two must age out, the second-oldest decides
        (ago(14, 13, 12, 11, 10), 60),
        (ago(15, 14, 13, 12, 11), 0),  # the oldest is exactly one window old
    ],
)
def test_retry_after_counts_the_failures_inside_the_window(
    failures: list[datetime], wait: int
) -> None:
    assert SignInThrottle(limit=5, window=timedelta(minutes=15)).retry_after(failures, NOW) == wait


def test_a_failure_exactly_one_window_old_no_longer_counts() -> None:
    throttle = SignInThrottle(limit=1, window=timedelta(minutes=15))
    assert throttle.retry_after(ago(15), NOW) == 0
    assert throttle.retry_after(ago(14.99), NOW) == 1


def test_keys_are_hashes_of_the_user_name_and_the_address_never_the_values() -> None:
    user, client = sign_in_keys("jo", "192.0.2.7")
    assert len(user) == len(client) == 64 and user != client
    assert "jo" not in user and "192.0.2.7" not in client
    assert sign_in_keys("jo", "other")[0] == user
