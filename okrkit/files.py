"""Reading and writing files without surprises.

Reading: size-limited, UTF-8 (with or without a BOM), one clear error for anything else.
Writing: atomic (a temporary file renamed into place), keeping the previous version as
``name~`` so nothing a learner wrote is ever lost to a crash or an overwrite; older backups
move down to ``name~2~`` ... ``name~5~`` rather than being overwritten. Every file the kit
writes goes through :func:`write_atomic` (tests/test_no_lost_work.py checks the code), and a
write that fails raises an OSError naming the file asked for, never a temporary one.
"""
from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from okrkit.errors import InputError

LOCK_WAIT, LOCK_STALE = 10.0, 30.0  # seconds: give up waiting; a lock this old was left by a crash
MAX_BYTES = 8_000_000  # a draft is a few KB; 8 MB holds an organisation of ~5,000 sets
BACKUP_GENERATIONS = 5  # name~ (the newest) down to name~5~: running a command again loses no hand edit


def read_text(path: str | os.PathLike, max_bytes: int = MAX_BYTES) -> str:
    """The text of a file, or an :class:`InputError` saying why it cannot be read."""
    name = str(path)
    refuse_special(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except IsADirectoryError:
        raise InputError("is a directory, not a file", name) from None
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", name) from None
    if len(data) > max_bytes:
        raise InputError(f"is larger than {_size(max_bytes)}; split it into smaller files", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("is saved as UTF-16 (or UTF-32) text; save it as UTF-8", name)
    if b"\0" in data:
        raise InputError("is a binary file, not text", name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8", name, line) from None
    if not text.strip():
        raise InputError("is empty", name)
    return text


def refuse_special(path: str | os.PathLike) -> None:
    """An InputError for a pipe, socket or device: opening one to read waits for ever."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # opening it says why, in the caller's words
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise InputError("is not a regular file (a pipe, socket or device); give a file", str(path))


def refuse_overwriting_input(output: str | os.PathLike | None, *inputs: str | os.PathLike | None) -> None:
    """An InputError when a command would write over one of the files it reads."""
    if output is None:
        return
    target = Path(output).resolve()
    for given in inputs:
        if given is None:
            continue
        source = Path(given).resolve()
        if target == source or (target.exists() and source.exists() and os.path.samefile(target, source)):
            raise InputError(f"is also this command's input {given}: write the output to another file", str(output))


def _size(count: int) -> str:
    return f"{count / 1_000_000:g} MB" if count >= 1_000_000 else f"{count / 1_000:g} KB"


def backup_path(path: str | os.PathLike, generation: int = 1) -> Path:
    """``name~`` for the newest backup, ``name~2~`` and on for the older ones."""
    path = Path(path)
    return path.with_name(path.name + ("~" if generation == 1 else f"~{generation}~"))


def write_atomic(path: str | os.PathLike, text: str | bytes, keep_previous: bool = True) -> Path:
    """Write text (or bytes: an image) so that a reader sees the old file or the new one, never half of one.

    With ``keep_previous`` the file that was there is kept as ``name~`` (unless it already
    holds the same bytes, or ``name~`` does), the older backups moving down a generation. The new file keeps
    the old one's permissions (a new file gets the usual ones, not the temporary file's 0600),
    and a symbolic link is written through, not replaced.
    """
    asked = Path(path)
    try:
        return _write(asked, text, keep_previous)
    except OSError as exc:  # the file asked for, not a temporary or a parent folder
        raise type(exc)(exc.errno, f"cannot be written ({(exc.strerror or str(exc)).lower()})", str(asked)) from None


def _write(path: Path, text: str | bytes, keep_previous: bool) -> Path:
    if path.is_symlink():
        path = path.resolve()
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        mode = {"mode": "wb"} if isinstance(text, bytes) else {"mode": "w", "encoding": "utf-8", "newline": ""}
        with os.fdopen(handle, **mode) as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~_umask())
        if keep_previous and path.exists() and not _same_bytes(path, temporary):
            _keep_backup(path)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    _sync_directory(path.parent)
    return path


def _umask() -> int:
    """The process's umask, read without changing it (Linux); 022 where it cannot be read."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1], 8) for line in status if line.startswith("Umask:"))
    except (OSError, StopIteration, ValueError, IndexError):
        return 0o022


def _sync_directory(directory: Path) -> None:
    """Make the rename itself survive a power cut (POSIX; a no-op where directories cannot be opened)."""
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _keep_backup(path: Path) -> None:
    """Copy the file to ``name~``; a different ``name~`` already there moves down a generation."""
    newest = backup_path(path)
    if newest.exists() and _same_bytes(path, newest):
        return
    _copy_atomic(path, newest, before_replacing=lambda: _shift_backups(path))


def _same_bytes(first: Path | str, second: Path | str) -> bool:
    """Whether two files hold the same bytes (read afresh: filecmp caches by size and time)."""
    if os.path.getsize(first) != os.path.getsize(second):
        return False
    with open(first, "rb") as one, open(second, "rb") as other:
        while True:
            block = one.read(1 << 16)
            if block != other.read(1 << 16):
                return False
            if not block:
                return True


def _shift_backups(path: Path) -> None:
    """``name~`` becomes ``name~2~``, and so on; the oldest generation is dropped."""
    for generation in range(BACKUP_GENERATIONS - 1, 0, -1):
        older = backup_path(path, generation)
        if older.exists():
            os.replace(older, backup_path(path, generation + 1))


def _copy_atomic(source: Path, destination: Path, before_replacing=None) -> None:
    handle, temporary = tempfile.mkstemp(dir=destination.parent, prefix=f".{destination.name}.", suffix=".tmp")
    os.close(handle)
    try:
        shutil.copy2(source, temporary)
        if before_replacing:
            before_replacing()
        os.replace(temporary, destination)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


@contextmanager
def locked(path: str | os.PathLike, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold ``path.lock`` while reading and rewriting ``path``, so that two processes (two kernels)
    appending to one file keep both their changes. A lock file created exclusively works on
    every system; one older than LOCK_STALE seconds was left by a crash and is broken."""
    path = Path(path)
    lock = path.with_name(path.name + ".lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    while True:
        try:
            os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            break
        except FileExistsError:
            try:
                if time.time() - lock.stat().st_mtime > LOCK_STALE:
                    lock.unlink(missing_ok=True)
                    continue
            except FileNotFoundError:
                continue
            if time.monotonic() > deadline:
                raise OSError(f"{lock} is held by another kernel; try again in a moment") from None
            time.sleep(0.01)
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)
