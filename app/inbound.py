"""Storing what the channels receive: the one place a channel's message meets the database."""

from __future__ import annotations

from intake.drop_folder import StoreInbound
from storage.unit_of_work import UnitOfWorkFactory
from trigger.inbound import InboundMessage


def inbound_store(unit_of_work: UnitOfWorkFactory) -> StoreInbound:
    """A callable that stores one inbound message in its own unit of work.

    Returns (the inbound id, whether it was new): storing the same message twice is harmless.
    """

    def store(message: InboundMessage) -> tuple[int, bool]:
        with unit_of_work() as uow:
            return uow.inbound.save(message)

    return store
