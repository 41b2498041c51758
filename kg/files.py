"""Files written whole or not at all: each goes to a temporary file next to it and is renamed
into place only when complete, so a failure (a full disk, Ctrl-C) leaves what was there. Every
file kg writes (graphs, the view, the cache, the store's swap) goes through here."""

from __future__ import annotations

import fcntl
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import KGError


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename: a failed write never leaves half a file."""
    write_all({path: data})


def check_writable(folder: Path) -> None:
    """Fail now, not after the work, if nothing can be written into `folder`."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise KGError(f"cannot write to the output folder {folder}: {exc.strerror}") from exc


def write_all(contents: dict[Path, bytes]) -> None:
    """Write several files so that a failure (a full disk, Ctrl-C) leaves all of them as they
    were: each is written to a temporary file first, and only when all are complete are they
    renamed into place (renames do not fail for want of space)."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in contents.items():
            staged.append((_stage(path, data), path))
        for tmp, path in staged:
            os.replace(tmp, path)
    except OSError as exc:
        raise KGError(f"cannot write {path}: {exc.strerror}") from exc
    finally:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)


def _stage(path: Path, data: bytes) -> str:
    """A complete temporary copy of `path` with `data`, next to it (same file system)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        # mkstemp makes the file private (0600); give it the old file's mode, else rw-r--r--
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of `path` if it is a regular file of at most `limit` bytes, else None (a
    FIFO, a device, a folder, missing, too big): reading a file someone else may have planted
    (a cache entry, a manifest) never blocks or fills memory."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        data = f.read(min(limit, info.st_size) + 1)  # a file that grew meanwhile: up to limit
    return data if len(data) <= limit else None


LOCK = ".kg-lock"  # in an output folder while a build writes into it


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the output folder for one build: a second build into it stops with a message
    instead of both writing and one graph being lost. The lock goes with the process."""
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise KGError(
                f"another kg build is writing to {folder}; wait for it to end, "
                "or build into another folder (-o)"
            ) from None
        yield
    finally:
        os.close(fd)
