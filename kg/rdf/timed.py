"""A query in a child process, so that it can be stopped: at its time limit, or by Ctrl-C.
Query engines run in native code that a Python thread cannot interrupt; a process can be
killed, and with it all the work of a query that would otherwise burn a core for hours."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from kg.errors import KGError, QueryError
from kg.jail import die_with_parent

T = TypeVar("T")


def _child(out: Connection, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    die_with_parent()
    try:
        out.send(("ok", fn(*args)))
    except KGError as exc:
        out.send(("error", exc))
    finally:
        out.close()


def run_limited(fn: Callable[..., T], args: tuple[Any, ...], timeout: float) -> T:
    """`fn(*args)` in a child process; QueryError if it runs over `timeout` seconds. A
    KeyboardInterrupt in the meantime stops the child too. `fn`'s KGErrors come back as such."""
    context = multiprocessing.get_context("fork")  # the CLI runs no threads: fork is safe
    reader, writer = context.Pipe(duplex=False)
    proc = context.Process(target=_child, args=(writer, fn, args), daemon=True)
    proc.start()
    writer.close()
    try:
        if not reader.poll(timeout):
            raise QueryError(f"the query ran over the time limit ({timeout:g} s, --timeout)")
        kind, value = reader.recv()
    except EOFError as exc:
        raise QueryError(f"the query stopped (exit code {proc.exitcode})") from exc
    finally:
        proc.kill()
        proc.join()
        reader.close()
    if kind == "error":
        raise value
    result: T = value
    return result
