"""Signatures on what kg keeps between builds (cache entries, the manifest), so that an entry
kg did not write itself is never believed: HMAC-SHA256 with a secret of this user's, kept
outside any output folder. A cache handed over (an output folder, a CI cache, a shared
`--cache`) is then a miss, never a source of facts. To share a cache between machines you
trust, give them the same secret in the environment variable KG_CACHE_SECRET."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from functools import cache
from pathlib import Path

ENV = "KG_CACHE_SECRET"
_SIZE = 32  # bytes of secret


def secret_file() -> Path:
    """Where this user's secret lives: $XDG_CONFIG_HOME/kg/cache-secret (~/.config/...)."""
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "kg" / "cache-secret"


@cache
def _secret(path: Path, env: str | None) -> bytes | None:
    if env:
        return env.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(_SIZE))
    except FileExistsError:
        pass
    except OSError:
        return None  # nowhere to keep a secret: nothing is signed, every entry is a miss
    return _read_secret(path)


def _read_secret(path: Path) -> bytes | None:
    """The secret, if only this user can read and write it."""
    try:
        info = path.lstat()
        data = path.read_bytes().strip()
    except OSError:
        return None
    private = stat.S_ISREG(info.st_mode) and info.st_mode & 0o077 == 0
    mine = info.st_uid == os.getuid()
    return data if private and mine and len(data) >= _SIZE else None


def signature(data: bytes) -> str | None:
    """The signature of `data`, or None when this user has no secret."""
    key = _secret(secret_file(), os.environ.get(ENV))
    return None if key is None else hmac.new(key, data, hashlib.sha256).hexdigest()


def signed(data: bytes) -> bytes | None:
    """`data` with its signature on the first line, or None when nothing can be signed."""
    sig = signature(data)
    return None if sig is None else sig.encode("ascii") + b"\n" + data


def verified(blob: bytes) -> bytes | None:
    """The data of a `signed` blob if its signature is ours, else None."""
    sig, newline, data = blob.partition(b"\n")
    mine = signature(data) if newline else None
    return data if mine is not None and hmac.compare_digest(sig, mine.encode("ascii")) else None
