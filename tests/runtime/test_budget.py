from __future__ import annotations

import threading
import time

import pytest

from kgbuild.runtime.budget import OverBudget, budget, time_limit


def test_the_time_limit_interrupts_python_code():
    start = time.perf_counter()
    with pytest.raises(OverBudget), time_limit(0.1):
        while True:
            pass
    assert time.perf_counter() - start < 2


def test_no_alarm_is_left_behind_when_the_block_ends_in_time():
    with time_limit(0.2):
        pass
    time.sleep(0.3)  # an alarm left set would raise here


def test_outside_the_main_thread_there_is_no_limit():
    outcome = []

    def work():
        with time_limit(0.05):
            time.sleep(0.1)
        outcome.append("finished")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert outcome == ["finished"]


def test_the_budget_grows_with_the_text():
    assert budget(0) == 10.0 and budget(1_000_000) == pytest.approx(1010.0)
