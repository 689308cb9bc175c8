"""The design: the single source of truth about a network.

A :class:`Design` is a named set of blocks and the wires between their ports. Blocks have
stable string ids (they survive save, load, undo and paste), a kind from the catalogue,
typed parameters and a ``ui`` position; wires join ``block.port`` to ``block.port``.

The design is edited only through its methods (``add_block``, ``remove_block``,
``add_wire``, ``set_param`` ...). Each method checks its arguments, changes the design and
then tells every listener with a small frozen event (``BlockAdded``, ``WireRemoved`` ...)
carrying plain values, so a canvas can mirror the design without owning any of it and an
undo command can hold ids and old/new values instead of snapshots. Structural soundness of
the *network* (types, sizes, cycles) is not enforced here, since a half-drawn design is
normal while editing; :func:`engine.validation.validate` reports it.
"""

from __future__ import annotations

import copy
import math
import numbers
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from engine.catalogue import get_kind
from engine.errors import DesignEditError
from engine.params import describe_value
from engine.training.settings import TrainingSettings

FORMAT_VERSION = 1
# Match ids with ``ID_PATTERN.fullmatch``: with ``match``, "rnn\n" would pass, since ``$``
# also matches before a final newline. The ``^...$`` form is kept for the JSON Schema.
ID_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
MAX_TEXT = 10_000  # longest design name, description or block name
UI_LIMIT = 1e7  # block positions lie in [-UI_LIMIT, UI_LIMIT]


@dataclass
class Block:
    """One block: ``params`` always holds every parameter of its kind."""

    id: str
    kind: str
    name: str
    params: dict[str, Any]
    x: float = 0.0
    y: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "name": self.name,
                "params": dict(self.params), "ui": {"x": self.x, "y": self.y}}


@dataclass(frozen=True, order=True)
class PortRef:
    """A port of a block, written ``block.port``."""

    block: str
    port: str

    def __str__(self) -> str:
        return f"{self.block}.{self.port}"

    @classmethod
    def parse(cls, text: str) -> PortRef:
        block, dot, port = text.partition(".")
        if not dot or not block or not port:
            raise ValueError(f"expected 'block.port', got {text!r}")
        return cls(block, port)


@dataclass(frozen=True, order=True)
class Wire:
    """A connection from an output port to an input port."""

    src: PortRef
    dst: PortRef

    def __str__(self) -> str:
        return f"{self.src} -> {self.dst}"

    def to_json(self) -> dict[str, str]:
        return {"from": str(self.src), "to": str(self.dst)}


# --- events ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BlockAdded:
    name = "block_added"
    block_id: str


@dataclass(frozen=True)
class BlockRemoved:
    name = "block_removed"
    block_id: str


@dataclass(frozen=True)
class WireAdded:
    name = "wire_added"
    wire: Wire


@dataclass(frozen=True)
class WireRemoved:
    name = "wire_removed"
    wire: Wire


@dataclass(frozen=True)
class ParamChanged:
    name = "param_changed"
    block_id: str
    param: str
    old: Any
    new: Any


@dataclass(frozen=True)
class BlockMoved:
    name = "block_moved"
    block_id: str
    x: float
    y: float


@dataclass(frozen=True)
class BlockRenamed:
    name = "block_renamed"
    block_id: str
    old: str
    new: str


@dataclass(frozen=True)
class DesignRenamed:
    name = "design_renamed"
    old: str
    new: str


@dataclass(frozen=True)
class TrainingChanged:
    name = "training_changed"
    old: TrainingSettings
    new: TrainingSettings


Event = (BlockAdded | BlockRemoved | WireAdded | WireRemoved | ParamChanged | BlockMoved
         | BlockRenamed | DesignRenamed | TrainingChanged)
Listener = Callable[[Event], None]


@dataclass
class Design:
    """A network design. Build one with :meth:`add_block` / :meth:`add_wire`."""

    name: str = "Untitled"
    description: str = ""
    training: TrainingSettings = field(default_factory=TrainingSettings)
    _blocks: dict[str, Block] = field(default_factory=dict, repr=False)
    _wires: list[Wire] = field(default_factory=list, repr=False)
    _listeners: list[Listener] = field(default_factory=list, repr=False, compare=False)

    # --- reading -------------------------------------------------------------------------

    @property
    def blocks(self) -> Mapping[str, Block]:
        """Blocks by id, in insertion order (read-only view; edit through methods)."""
        return self._blocks

    @property
    def wires(self) -> tuple[Wire, ...]:
        return tuple(self._wires)

    def block(self, block_id: str) -> Block:
        try:
            return self._blocks[block_id]
        except KeyError:
            raise DesignEditError(f"there is no block {block_id!r}") from None

    def wires_of(self, block_id: str) -> list[Wire]:
        """Every wire that touches ``block_id``."""
        return [w for w in self._wires if block_id in (w.src.block, w.dst.block)]

    def wire_into(self, ref: PortRef) -> list[Wire]:
        return [w for w in self._wires if w.dst == ref]

    def __iter__(self) -> Iterator[Block]:
        return iter(self._blocks.values())

    def fresh_id(self, stem: str) -> str:
        """An unused id made from ``stem`` (``lstm``, ``lstm_2``, ...)."""
        stem = re.sub(r"[^A-Za-z0-9_]", "_", stem) or "block"
        if not (stem[0].isalpha() or stem[0] == "_"):
            stem = "b_" + stem
        stem = stem[:56]
        if stem not in self._blocks:
            return stem
        n = 2
        while f"{stem}_{n}" in self._blocks:
            n += 1
        return f"{stem}_{n}"

    # --- listening -----------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(event)`` after every change; returns a function that unsubscribes."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    # --- editing -------------------------------------------------------------------------

    def add_block(self, kind: str, params: Mapping[str, Any] | None = None, *,
                  block_id: str | None = None, name: str | None = None,
                  x: float = 0.0, y: float = 0.0) -> Block:
        """Add a block of ``kind``; missing params take the kind's defaults."""
        spec = get_kind(kind)
        if spec is None:
            raise DesignEditError(f"unknown block kind {kind!r}")
        block_id = block_id if block_id is not None else self.fresh_id(kind)
        if not isinstance(block_id, str) or not ID_PATTERN.fullmatch(block_id):
            raise DesignEditError(
                f"block id {block_id!r} must start with a letter or '_' and contain only "
                "letters, digits and '_' (at most 64)")
        if block_id in self._blocks:
            raise DesignEditError(f"a block with id {block_id!r} already exists")
        name = name if name is not None else block_id
        _check_text(name, f"block {block_id!r}: the name")
        x, y = _position(block_id, x, y)
        values = spec.defaults()
        for key, value in (params or {}).items():
            values[key] = self._checked(spec.kind, block_id, key, value)
        block = Block(block_id, kind, name, values, x, y)
        self._blocks[block_id] = block
        self._emit(BlockAdded(block_id))
        return block

    def remove_block(self, block_id: str) -> list[Wire]:
        """Remove a block and every wire touching it; returns the removed wires."""
        self.block(block_id)
        removed = self.wires_of(block_id)
        for wire in removed:
            self.remove_wire(wire)
        del self._blocks[block_id]
        self._emit(BlockRemoved(block_id))
        return removed

    def add_wire(self, src: PortRef | str, dst: PortRef | str) -> Wire:
        """Connect an output port to an input port.

        Only the existence and direction of the ports are checked here; types and sizes
        are validation's business, so that a person can draw first and fix later.
        """
        try:
            src = src if isinstance(src, PortRef) else PortRef.parse(src)
            dst = dst if isinstance(dst, PortRef) else PortRef.parse(dst)
        except ValueError as exc:
            raise DesignEditError(str(exc)) from None
        self._check_port(src, "out")
        self._check_port(dst, "in")
        wire = Wire(src, dst)
        if wire in self._wires:
            raise DesignEditError(f"{src} is already wired to {dst}")
        self._wires.append(wire)
        self._emit(WireAdded(wire))
        return wire

    def remove_wire(self, wire: Wire) -> None:
        if wire not in self._wires:
            raise DesignEditError(f"there is no wire {wire}")
        self._wires.remove(wire)
        self._emit(WireRemoved(wire))

    def set_param(self, block_id: str, param: str, value: Any) -> None:
        block = self.block(block_id)
        value = self._checked(block.kind, block_id, param, value)
        old = block.params[param]
        if old == value and type(old) is type(value):
            return
        block.params[param] = value
        self._emit(ParamChanged(block_id, param, old, value))

    def move_block(self, block_id: str, x: float, y: float) -> None:
        block = self.block(block_id)
        block.x, block.y = _position(block_id, x, y)
        self._emit(BlockMoved(block_id, block.x, block.y))

    def rename_block(self, block_id: str, name: str) -> None:
        block = self.block(block_id)
        if not isinstance(name, str) or not name.strip():
            raise DesignEditError("a block's name cannot be empty")
        _check_text(name, f"block {block_id!r}: the name")
        old, block.name = block.name, name
        self._emit(BlockRenamed(block_id, old, name))

    def rename(self, name: str) -> None:
        _check_text(name, "the design's name")
        old, self.name = self.name, name
        self._emit(DesignRenamed(old, name))

    def set_training(self, settings: TrainingSettings) -> None:
        """Replace the training settings (saved with the design)."""
        old, self.training = self.training, settings
        self._emit(TrainingChanged(old, settings))

    # --- helpers ---------------------------------------------------------------------------

    def _checked(self, kind: str, block_id: str, param: str, value: Any) -> Any:
        spec = get_kind(kind)
        assert spec is not None
        pspec = spec.param(param)
        if pspec is None:
            known = ", ".join(p.name for p in spec.params) or "none"
            raise DesignEditError(
                f"block {block_id!r} ({kind}) has no parameter {param!r} (it has: {known})")
        problem = pspec.problem(value)
        if problem:
            raise DesignEditError(f"block {block_id!r}: {param} {problem}")
        return pspec.coerce(value)

    def _check_port(self, ref: PortRef, direction: str) -> None:
        block = self._blocks.get(ref.block)
        if block is None:
            raise DesignEditError(f"{ref}: there is no block {ref.block!r}")
        spec = get_kind(block.kind)
        assert spec is not None
        port = spec.port(block.params, ref.port)
        if port is None:
            names = ", ".join(p.name for p in spec.ports(block.params))
            raise DesignEditError(f"{ref}: block {ref.block!r} has no port {ref.port!r} "
                                  f"(its ports: {names})")
        if port.direction != direction:
            want = "an output" if direction == "out" else "an input"
            raise DesignEditError(f"{ref} is not {want} port")

    def to_json(self) -> dict[str, Any]:
        """The file form (see :mod:`engine.fileformat`)."""
        return {
            "format_version": FORMAT_VERSION,
            "name": self.name,
            "description": self.description,
            "blocks": [b.to_json() for b in self._blocks.values()],
            "wires": [w.to_json() for w in self._wires],
            "training": self.training.to_json(),
        }

    def copy(self) -> Design:
        """A deep copy without listeners."""
        twin = Design(self.name, self.description, self.training.replace())
        twin._blocks = copy.deepcopy(self._blocks)
        twin._wires = list(self._wires)
        return twin


def _check_text(value: Any, what: str) -> None:
    """Refuse a name the file format would refuse (so every design can be saved and read)."""
    if not isinstance(value, str):
        raise DesignEditError(f"{what} must be a string, got {type(value).__name__}")
    if len(value) > MAX_TEXT:
        raise DesignEditError(f"{what} is longer than {MAX_TEXT} characters")


def _position(block_id: str, x: Any, y: Any) -> tuple[float, float]:
    """``(x, y)`` as floats, refusing what the file format refuses (NaN, inf, beyond 1e7)."""
    if all(_finite_coordinate(v) for v in (x, y)):
        return float(x), float(y)
    raise DesignEditError(
        f"block {block_id!r}: a position is two numbers between -1e7 and 1e7, "
        f"got ({describe_value(x)}, {describe_value(y)})")


def _finite_coordinate(value: Any) -> bool:
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        return False
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        return False
    return math.isfinite(number) and abs(number) <= UI_LIMIT
