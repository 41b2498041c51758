"""Servers only kg can reach, that die with the process that started them.

kg runs other programs' servers (Frog for Dutch, Oxigraph behind `kg serve`). Frog has no option
to listen on localhost only: it listens on every interface, without authentication. So such a
server runs in a jail: its own network namespace (no interface but its own loopback: nothing
outside can reach its port) and its own PID namespace, with this module as PID 1, which relays
one Unix socket (in a folder only this user can open) to the server's port. When the jail's
PID 1 ends, the kernel kills everything in it, the server's forked workers too; and it ends when
the process that started it dies, however that dies (`die_with_parent`).

Namespaces need root or unprivileged user namespaces. Without them `jail_command` is None and
the caller runs the server as a plain child process, bound where the server binds.

Run as `python -m kg.jail SOCKET PORT once|many COMMAND...` inside `unshare` (`jail_command`).
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import selectors
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from functools import cache

_PR_SET_PDEATHSIG = 1
_SIOCGIFFLAGS, _SIOCSIFFLAGS, _IFF_UP = 0x8913, 0x8914, 0x1
_NAMESPACES = ("--net", "--pid", "--fork", "--kill-child=SIGKILL")
JAIL_PORT = 7000  # the server's port inside a jail: nothing else listens there
_START_TIMEOUT = 600.0  # seconds for the server to listen (Frog loads its models: ~10 s)


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Have the kernel send `sig` to this process when its parent dies (Linux; elsewhere a
    no-op). For a preexec_fn, or first thing in a worker process. The kernel means the parent
    *thread*: start such a child from a thread that outlives it."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before we asked
        os.kill(os.getpid(), sig)


def free_port() -> int:
    """A free TCP port on localhost (for a server run without a jail, and for tests)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@cache
def jail_command() -> tuple[str, ...] | None:
    """The command prefix that starts `python -m kg.jail ...` in a jail on this machine, or
    None if no jail can start here (no unshare, no right to make namespaces)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    user = ("--user", "--map-root-user")  # unprivileged user namespaces, where allowed
    tries = [(), user] if os.geteuid() == 0 else [user]
    for extra in tries:
        command = (unshare, *extra, *_NAMESPACES)
        try:
            done = subprocess.run([*command, "true"], capture_output=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return (*command, sys.executable, "-m", "kg.jail")
    return None


def _loopback_up() -> None:
    """A new network namespace has a loopback interface, down: bring it up."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        request = struct.pack("16sh", b"lo", 0)
        flags = struct.unpack("16sh", fcntl.ioctl(s, _SIOCGIFFLAGS, request))[1]
        fcntl.ioctl(s, _SIOCSIFFLAGS, struct.pack("16sh", b"lo", flags | _IFF_UP))


def _connect(port: int, server: subprocess.Popen[bytes]) -> socket.socket:
    deadline = time.monotonic() + _START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"kg.jail: the server exited at start-up (code {server.returncode})")
        with contextlib.suppress(OSError):
            return socket.create_connection(("127.0.0.1", port), timeout=None)
        time.sleep(0.1)
    sys.exit(f"kg.jail: the server did not listen within {_START_TIMEOUT:.0f} s")


def _relay(a: socket.socket, b: socket.socket) -> None:
    """Copy bytes both ways until either side closes."""
    with selectors.DefaultSelector() as sel:
        sel.register(a, selectors.EVENT_READ, b)
        sel.register(b, selectors.EVENT_READ, a)
        while True:
            for key, _ in sel.select():
                data = key.fileobj.recv(1 << 16)  # type: ignore[union-attr]
                if not data:
                    return
                key.data.sendall(data)


def _accept(listener: socket.socket, port: int, first: socket.socket, once: bool) -> None:
    """Relay clients of `listener` to the server: with `once`, the first client on the
    connection that proved the server up (Frog forks a worker per connection: one is enough),
    then end; else every client, each on a connection of its own."""
    if once:
        client, _ = listener.accept()
        with client, first:
            _relay(client, first)
        return
    first.close()
    while True:
        client, _ = listener.accept()
        upstream = socket.create_connection(("127.0.0.1", port))
        threading.Thread(target=_pair, args=(client, upstream), daemon=True).start()


def _pair(client: socket.socket, upstream: socket.socket) -> None:
    with client, upstream, contextlib.suppress(OSError):
        _relay(client, upstream)


def serve(path: str, port: int, mode: str, command: list[str]) -> None:
    """PID 1 of the jail: start the server, wait until it listens, then relay the Unix socket
    `path` to it (mode "once": one client, then end; "many": until killed)."""
    _loopback_up()
    server = subprocess.Popen(command, stdin=subprocess.DEVNULL)
    first = _connect(port, server)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(path + ".tmp")
        os.replace(path + ".tmp", path)  # the socket appears only when the server listens
        listener.listen(16)
        _accept(listener, port, first, once=mode == "once")


if __name__ == "__main__":
    serve(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:])
