"""Records as plain data (JSON), and back: how the cache keeps what the map produced without
pickles, so that reading an entry can never run code. A record is rebuilt only from the types
its dataclass declares (str, int, float, bool, None, enums, tuples, other records); anything
else is a `RecordError`, and the cache takes that entry for a miss."""

from __future__ import annotations

import dataclasses
import types
import typing
from enum import Enum
from functools import cache
from typing import Any, TypeVar, get_args, get_origin

T = TypeVar("T")
_PLAIN = (str, int, float, bool)


class RecordError(ValueError):
    """Data that is not a record of the type asked for."""


def to_data(value: Any) -> Any:
    """`value` (a record, or what a record's field holds) as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [to_data(v) for v in value]
    if value is None or isinstance(value, _PLAIN):
        return value
    raise RecordError(f"not record data: {type(value).__name__}")


def from_data(kind: type[T], data: Any) -> T:
    """The record of type `kind` that `data` (from `to_data`) describes."""
    value: T = _build(kind, data)
    return value


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _build(kind: Any, data: Any) -> Any:
    origin = get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return _union(get_args(kind), data)
    if origin is tuple:
        return _tuple(get_args(kind), data)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _record(kind, data)
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(data)
        except ValueError as exc:
            raise RecordError(f"not a {kind.__name__}: {data!r}") from exc
    if kind is float and type(data) in (int, float):
        return float(data)
    if kind in _PLAIN and type(data) is kind:
        return data
    if kind is type(None) and data is None:
        return None
    raise RecordError(f"expected {kind}, got {type(data).__name__}")


def _union(options: tuple[Any, ...], data: Any) -> Any:
    for option in options:
        try:
            return _build(option, data)
        except RecordError:
            continue
    raise RecordError(f"none of {options} fits {type(data).__name__}")


def _tuple(args: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    if not isinstance(data, list):
        raise RecordError(f"expected a list, got {type(data).__name__}")
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_build(args[0], item) for item in data)
    if len(args) != len(data):
        raise RecordError(f"expected {len(args)} items, got {len(data)}")
    return tuple(_build(a, item) for a, item in zip(args, data, strict=True))


def _record(kind: type, data: Any) -> Any:
    if not isinstance(data, dict):
        raise RecordError(f"expected a {kind.__name__}, got {type(data).__name__}")
    hints = _hints(kind)
    names = {f.name for f in dataclasses.fields(kind)}
    if not set(data) <= names:
        raise RecordError(f"unknown fields of {kind.__name__}: {sorted(set(data) - names)}")
    try:
        return kind(**{name: _build(hints[name], value) for name, value in data.items()})
    except TypeError as exc:  # a required field is missing
        raise RecordError(f"{kind.__name__}: {exc}") from exc
