"""Bulk work: without pauses for the cycle collector, and on every core.

Loading or checking an organisation of thousands of sets builds hundreds of thousands of
small objects (nodes, key results, findings) that never form reference cycles. Python's
cycle collector still runs every few hundred allocations and walks the ever larger heap:
on an organisation of 5,000 sets that is a third of the load time and a quarter of the
check. :func:`paused` switches it off for the duration, and back on only if it was on, so
nested use and callers who manage the collector themselves are left as they were.

:func:`spread` runs independent pieces of work (the sets of an organisation) on every core:
this process does the first share, forked copies of it the others. A forked copy starts
with everything already loaded and shares its memory until it writes, so only the results
travel back, as JSON through a pipe (plain data: nothing read back can run code). Where fork
is missing (Windows, and macOS, where it is unsafe) or a copy fails, the work is done here,
with the same results.
"""
from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import contextmanager


@contextmanager
def paused():
    """Run the enclosed work with the cycle collector off (reference counting still frees memory)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def usable_cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def spread(work: Callable[[Sequence], list], items: Sequence, workers: int) -> list:
    """``work(items)``, done in ``workers`` contiguous shares at once; the results in the items' order.

    ``work`` returns a list of JSON values (tuples come back as lists); turn them into objects after.
    """
    if workers <= 1 or len(items) < 2 or not can_fork():
        return work(items)
    import json  # here, not at the top: ``import okrkit`` stays light

    size = -(-len(items) // workers)  # ceiling: at most ``workers`` shares
    shares = [items[start:start + size] for start in range(0, len(items), size)]
    for stream in (sys.stdout, sys.stderr):  # a copy must not write out what this process buffered
        stream.flush()
    copies = [(_fork(work, share), share) for share in shares[1:]]
    results = work(shares[0])
    for (pid, reader), share in copies:
        with os.fdopen(reader, "rb") as pipe:
            try:
                done, value = json.loads(pipe.read())
            except (OSError, ValueError):  # the copy died (out of memory, killed) before it answered
                done, value = False, None
        os.waitpid(pid, 0)
        results.extend(value if done else work(share))  # a copy's error is raised here, with its traceback
    return results


def _fork(work: Callable, share: Sequence) -> tuple[int, int]:
    """A copy of this process that does ``work(share)`` and writes the result to a pipe as JSON: (pid, pipe)."""
    import json

    reader, writer = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writer)
        return pid, reader
    try:  # the copy: never returns, and leaves this process's exit handlers and buffers alone
        os.close(reader)
        with os.fdopen(writer, "wb") as pipe:
            try:
                answer = json.dumps([True, work(share)])
            except BaseException:  # noqa: BLE001 - the parent redoes the share and raises the error itself
                answer = json.dumps([False, None])
            pipe.write(answer.encode("utf-8"))
    finally:
        os._exit(0)
