"""Run an action once the learner pauses, not on every keystroke.

In a kernel, each keystroke in a text area arrives as a change of its value; checking and
saving after a short pause keeps the kernel and the page quiet while the learner types.
Outside an event loop (plain Python, the tests) there is nothing to wait on: the action runs
at once.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable


class Debouncer:
    """Calling it (re)starts a short timer; the action runs when the timer ends, once."""

    def __init__(self, delay: float, action: Callable[[], object]):
        self.delay = delay
        self.action = action
        self._timer: asyncio.TimerHandle | None = None

    def __call__(self) -> None:
        self.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is None or self.delay <= 0:
            self.action()
        else:
            self._timer = loop.call_later(self.delay, self.flush)

    @property
    def pending(self) -> bool:
        return self._timer is not None

    def flush(self) -> None:
        """Run a pending action now (so Python code never reads a stale result)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
            self.action()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
