"""Dutch: a Frog server kept running for a whole build (start-up costs seconds; pay it once).

Protocol (Frog 0.20 `-S PORT`): send the text, then a line `EOT`; Frog answers with
tab-separated token lines, a blank line between sentences, and a line `READY` at the end.
Frog cannot be told to listen on localhost only, so it runs in a jail (kg.jail: a network
namespace of its own, reached through a Unix socket only this user can open) and dies with the
process that started it; where no jail can be made, it runs as before and kg says so.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from functools import cache
from types import TracebackType

from kg.errors import ModelError
from kg.jail import JAIL_PORT, die_with_parent, free_port, jail_command

ENABLE_COMMAND = "sudo apt-get install -y frog frogdata dict-freedict-nld-eng"
Row = list[str]


def frog_available() -> bool:
    return shutil.which("frog") is not None


@cache
def _warn_open_port() -> None:
    """Said once per process: without a jail, Frog's port is open to the network."""
    print(
        "kg: warning: Frog listens on every interface during this build "
        "(no network namespace here; kg needs root or user namespaces to close it)",
        file=sys.stderr,
    )


class FrogServer:
    """A Frog process in server mode; use as a context manager and call `analyse(text)`.

    The process starts at once; the first `analyse` waits until it listens, so the caller can
    do other work (load spaCy) while Frog loads its models."""

    def __init__(self, start_timeout: float = 180.0, skip: str = "ac") -> None:
        if not frog_available():
            raise ModelError(f"Frog is not installed; to enable Dutch run: {ENABLE_COMMAND}")
        env = dict(os.environ, OMP_NUM_THREADS="1")  # ~3x faster on 2 cores (FACTS.md)
        # Frog writes frog.<pid>.debug files into its working directory: give it its own, which
        # only this user can open (the jail's socket is in it too).
        self._workdir = tempfile.TemporaryDirectory(prefix="kg-frog-")
        self._socket_path = os.path.join(self._workdir.name, "frog.sock")
        jail = jail_command()
        self.jailed = jail is not None
        self.port = JAIL_PORT if jail is not None else free_port()
        frog = ["frog", "-S", str(self.port), f"--skip={skip}"]
        if jail is None:
            _warn_open_port()
        command = [*jail, self._socket_path, str(self.port), "once", *frog] if jail else frog
        self._proc = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=self._workdir.name,
            start_new_session=True,  # its own process group: close() kills Frog's workers too
            preexec_fn=die_with_parent,  # and it dies with us, however we die
        )
        atexit.register(self.close)  # also when the caller forgets `with` or dies on an error
        self._timeout = start_timeout
        self._ready = False
        # One connection for all requests: Frog forks a worker for each connection, and the
        # worker keeps spinning after its client hangs up (Frog 0.20), so connect only once.
        self._sock: socket.socket | None = None

    def _connect(self) -> socket.socket:
        if not self.jailed:
            return socket.create_connection(("127.0.0.1", self.port), timeout=600)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(self._socket_path)  # it exists once Frog listens in the jail
        except OSError:
            sock.close()
            raise
        sock.settimeout(600)
        return sock

    def wait_until_ready(self) -> None:
        if self._ready:
            return
        deadline = time.monotonic() + self._timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise ModelError(f"Frog exited at start-up (code {self._proc.returncode})")
            try:  # the connection that proves Frog is up is the one every request uses
                self._sock = self._connect()
                self._ready = True
                return
            except OSError:
                time.sleep(0.1)
        self.close()
        raise ModelError(f"Frog did not start within {self._timeout:.0f} s")

    def analyse(self, text: str) -> list[list[Row]]:
        """Sentences of token rows (Frog's tab-separated columns) for `text`."""
        self.wait_until_ready()
        payload = "\n".join(ln for ln in text.splitlines() if ln.strip() != "EOT")
        assert self._sock is not None
        try:
            self._sock.sendall((payload + "\nEOT\n").encode("utf-8"))
            answer = _read_until_ready(self._sock)
        except OSError as exc:
            raise self._stopped(exc.strerror or str(exc)) from exc
        if answer is None:
            raise self._stopped("it closed the connection")
        return _parse(answer.decode("utf-8"))

    def _stopped(self, how: str) -> ModelError:
        """The error for a Frog that went away mid-request (crashed, killed, out of memory):
        the build stops rather than go on with half an analysis."""
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._proc.wait(timeout=1)
        code = self._proc.poll()
        status = f"exit code {code}" if code is not None else "still running"
        return ModelError(f"Frog stopped while analysing a Dutch article ({how}; {status})")

    def close(self) -> None:
        """Stop Frog: SIGTERM, then SIGKILL after a short grace (Frog 0.20 ignores SIGTERM
        and keeps no state worth flushing)."""
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        if self._proc.poll() is None:
            os.killpg(self._proc.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._proc.wait(timeout=0.3)
        with contextlib.suppress(ProcessLookupError):  # and its forked workers: the group
            os.killpg(self._proc.pid, signal.SIGKILL)
        self._proc.wait()
        self._workdir.cleanup()
        atexit.unregister(self.close)

    def __enter__(self) -> FrogServer:
        return self

    def __exit__(
        self, exc: type[BaseException] | None, val: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _read_until_ready(sock: socket.socket) -> bytes | None:
    """Frog's answer up to its READY line; None if the connection closed before it."""
    chunks: list[bytes] = []
    tail = b""
    while True:
        data = sock.recv(1 << 16)
        if not data:
            return None
        chunks.append(data)
        tail = (tail + data)[-16:]
        if tail.rstrip().endswith(b"READY"):
            return b"".join(chunks)


def _parse(output: str) -> list[list[Row]]:
    sentences: list[list[Row]] = []
    current: list[Row] = []
    for line in output.splitlines():
        if line.strip() == "READY":
            break
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        current.append(line.split("\t"))
    if current:
        sentences.append(current)
    return sentences
