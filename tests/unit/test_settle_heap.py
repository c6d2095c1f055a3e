"""trigger serve's collector settings: what it loaded is frozen out of the cyclic collector and
the young generation is collected less often (tests/bench_console.py measures the effect)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from app.serve import COLLECTOR_THRESHOLDS, settle_heap


@pytest.fixture
def collector() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("collector")
def test_settling_the_heap_freezes_what_is_loaded_and_collects_less_often() -> None:
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    settle_heap()
    assert gc.get_freeze_count() > 1000  # the libraries and policies loaded so far
    assert gc.get_threshold() == COLLECTOR_THRESHOLDS
    assert COLLECTOR_THRESHOLDS[0] > 700  # less often than Python's default


@pytest.mark.usefixtures("collector")
def test_cycles_made_after_settling_are_still_collected() -> None:
    settle_heap()

    class Node:
        other: object = None

    first, second = Node(), Node()
    first.other, second.other = second, first
    del first, second
    assert gc.collect() >= 2
