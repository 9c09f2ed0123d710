"""The cycle collector is paused for bulk work and left as it was found."""
import gc

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
