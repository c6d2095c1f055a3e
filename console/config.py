"""What the console is built from: given by the composition root (``app``), never read from
the environment here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from console.addressing import Addressee, plain_addressee
from console.messages import MessageReader, plain_reader
from console.security import SignInThrottle
from storage.unit_of_work import UnitOfWorkFactory
from trigger.draft import Draft
from trigger.profiles import Profile

LONDON = ZoneInfo("Europe/London")


def utc_now() -> datetime:
    """Now, aware, in UTC."""
    return datetime.now(UTC)


# Assisted intake: what a caller said (as typed), when, under which profile -> the text the
# draft's evidence spans index, and the draft. Raises ValueError for text it cannot use.
Drafter = Callable[[str, datetime, Profile], tuple[str, Draft]]


@dataclass(frozen=True)
class ConsoleConfig:
    """The console's collaborators and limits."""

    unit_of_work: UnitOfWorkFactory
    #: The areas' policy profiles by id (an application's ``policy`` names one).
    profiles: Mapping[str, Profile]
    reader: MessageReader = plain_reader
    idle_timeout: timedelta = timedelta(minutes=30)
    absolute_timeout: timedelta = timedelta(hours=12)
    throttle: SignInThrottle = field(default_factory=SignInThrottle)
    clock: Callable[[], datetime] = utc_now
    #: None: assisted intake is not offered.
    drafter: Drafter | None = None
    #: Where a case's letters go (email, chat or post), read from its first message.
    addressee: Addressee = plain_addressee

    def today(self) -> date:
        """Today in England (the statutory clock's days)."""
        return self.clock().astimezone(LONDON).date()
