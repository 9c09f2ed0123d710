"""Bulk work: the cycle collector is paused and left as it was found; work is spread over the cores."""
import gc
import os
import pathlib
import subprocess
import sys

import pytest

from okrkit import bulk


@pytest.fixture(autouse=True)
def collector_on():
    yield
    gc.enable()


def test_paused_turns_the_collector_off_and_back_on():
    with bulk.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_and_already_paused_work_is_left_as_it_was():
    with bulk.paused():
        with bulk.paused():
            pass
        assert not gc.isenabled()
    gc.disable()
    with bulk.paused():
        pass
    assert not gc.isenabled()


def test_an_error_inside_still_turns_it_back_on():
    with pytest.raises(KeyError), bulk.paused():
        raise KeyError("boom")
    assert gc.isenabled()


def test_it_decorates_a_function():
    @bulk.paused()
    def work():
        return gc.isenabled()

    assert work() is False and work() is False and gc.isenabled()


def _pids(items):
    return [(item, os.getpid()) for item in items]


@pytest.mark.skipif(not bulk.can_fork(), reason="work is spread over forked copies on Linux only")
def test_spread_keeps_the_order_and_uses_other_processes():
    done = bulk.spread(_pids, list(range(10)), workers=3)
    assert [item for item, _ in done] == list(range(10))
    pids = {pid for _, pid in done}
    assert os.getpid() in pids and len(pids) == 3


def test_one_worker_does_everything_here():
    assert {pid for _, pid in bulk.spread(_pids, list(range(5)), workers=1)} == {os.getpid()}


def test_an_error_in_a_copy_is_raised_here():
    def fails_on_seven(items):
        if 7 in items:
            raise ValueError("seven")
        return list(items)

    with pytest.raises(ValueError, match="seven"):
        bulk.spread(fails_on_seven, list(range(10)), workers=2)


def test_a_copy_that_dies_has_its_share_done_here():
    here = os.getpid()

    def dies_elsewhere(items):
        if os.getpid() != here:
            os._exit(3)  # as if the copy were killed
        return list(items)

    assert bulk.spread(dies_elsewhere, list(range(10)), workers=2) == list(range(10))


def test_what_this_process_printed_is_not_repeated_by_a_copy(tmp_path):
    script = ("import sys; from okrkit import bulk; print('once'); "
              "bulk.spread(lambda items: list(items), list(range(4)), workers=2)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         cwd=pathlib.Path(__file__).resolve().parents[1]).stdout
    assert out == "once\n"
