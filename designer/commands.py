"""Undo commands: one per verb of the design's editing API.

Every change a person makes to a design is one :class:`QUndoCommand` pushed on the
document's stack. A command holds ids and old/new values, never a snapshot of the scene,
and calls only the :class:`~engine.design.Design` API; the scene follows the design's
events, so doing, undoing and redoing a command needs no knowledge of items at all.

Commands check their arguments when they are built (a scratch design refuses what the
real one would), so a refused edit raises :class:`~engine.errors.DesignEditError` before
anything is pushed, and ``redo`` never meets an error halfway. Commands made of smaller
ones hold child commands: removing blocks first removes their wires with one
:class:`Disconnect` child each (redone in order, undone in reverse), and a wire dropped on
an occupied input replaces the old wire the same way.

``changes_network`` tells the document whether the lock of a running training refuses
the command: moving, renaming and the training settings do not change the network.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from designer.engine_text import choice_text, engine_text
from engine.catalogue import get_kind
from engine.design import Design, PortRef, Wire
from engine.errors import DesignEditError
from engine.params import ParamSpec
from engine.training.settings import TrainingSettings

# lupdate reads the literal context and text of each call (see app/i18n.py)
translate = QCoreApplication.translate

if TYPE_CHECKING:
    from designer.document import DesignDocument

MOVE_ID = 7101  # mergeWith id of keyboard nudges


def _ref(value: PortRef | str) -> PortRef:
    try:
        return value if isinstance(value, PortRef) else PortRef.parse(value)
    except ValueError as exc:
        raise DesignEditError(str(exc)) from None


class DesignCommand(QUndoCommand):
    """Base: a command on ``document.design``."""

    changes_network = True

    def __init__(self, document: DesignDocument, text: str,
                 parent: DesignCommand | None = None) -> None:
        # Children are kept here rather than as Qt child commands: PySide would let both
        # the parent's C++ destructor and the Python wrapper delete a child (a crash when
        # the stack is cleared), so the parent runs its children itself.
        super().__init__(text)
        self.document = document
        self.children: list[DesignCommand] = []
        if parent is not None:
            parent.children.append(self)

    def redo_children(self) -> None:
        for child in self.children:
            child.redo()

    def undo_children(self) -> None:
        for child in reversed(self.children):
            child.undo()

    @property
    def design(self) -> Design:
        return self.document.design


class AddBlock(DesignCommand):
    """Add one block of ``kind`` at ``(x, y)``; its id is chosen once and kept on redo."""

    def __init__(self, document: DesignDocument, kind: str,
                 params: Mapping[str, Any] | None = None, *, x: float = 0.0, y: float = 0.0,
                 name: str | None = None, block_id: str | None = None) -> None:
        spec = get_kind(kind)
        if spec is None:
            raise DesignEditError(translate("commands", "unknown block kind '{kind}'").format(
                kind=kind))
        block_id = block_id or document.design.fresh_id(kind)
        if block_id in document.design.blocks:
            raise DesignEditError(translate(
                "commands", "a block with id '{id}' already exists").format(id=block_id))
        Design().add_block(kind, params, block_id=block_id, name=name, x=x, y=y)  # checks
        super().__init__(document, translate("commands", "Add {title}").format(
            title=engine_text(spec.title)))
        self.kind, self.params, self.block_id = kind, dict(params or {}), block_id
        self.name, self.x, self.y = name, x, y

    def redo(self) -> None:
        self.design.add_block(self.kind, self.params, block_id=self.block_id, name=self.name,
                              x=self.x, y=self.y)

    def undo(self) -> None:
        self.design.remove_block(self.block_id)


class Disconnect(DesignCommand):
    """Remove one wire."""

    def __init__(self, document: DesignDocument, wire: Wire,
                 parent: DesignCommand | None = None) -> None:
        if wire not in document.design.wires:
            raise DesignEditError(translate("commands", "there is no wire {wire}").format(
                wire=str(wire)))
        super().__init__(document, translate("commands", "Disconnect {wire}").format(
            wire=str(wire)), parent)
        self.wire = wire

    def redo(self) -> None:
        self.design.remove_wire(self.wire)

    def undo(self) -> None:
        self.design.add_wire(self.wire.src, self.wire.dst)


class Connect(DesignCommand):
    """Wire an output to an input; wires already into that input are replaced (children)."""

    def __init__(self, document: DesignDocument, src: PortRef | str, dst: PortRef | str,
                 *, replace: bool = True) -> None:
        src, dst = _ref(src), _ref(dst)
        scratch = document.design.copy()
        if replace:
            for old in scratch.wire_into(dst):
                scratch.remove_wire(old)
        scratch.add_wire(src, dst)  # checks ports and duplicates
        super().__init__(document, translate("commands", "Connect {src} → {dst}").format(
            src=str(src), dst=str(dst)))
        self.wire = Wire(src, dst)
        if replace:
            for old in document.design.wire_into(dst):
                Disconnect(document, old, self)

    def redo(self) -> None:
        self.redo_children()
        self.design.add_wire(self.wire.src, self.wire.dst)

    def undo(self) -> None:
        self.design.remove_wire(self.wire)
        self.undo_children()


class RemoveBlocks(DesignCommand):
    """Remove blocks (with every wire touching them) and any further ``wires`` given."""

    def __init__(self, document: DesignDocument, block_ids: Iterable[str],
                 wires: Iterable[Wire] = (), text: str = "") -> None:
        design = document.design
        ids = list(dict.fromkeys(block_ids))
        for block_id in ids:
            design.block(block_id)
        self.blocks = [copy.deepcopy(design.blocks[b]) for b in design.blocks if b in ids]
        extra = set(wires)
        doomed = [w for w in design.wires
                  if w.src.block in ids or w.dst.block in ids or w in extra]
        if not text:
            count = len(self.blocks)
            text = translate("commands", "Delete {n} block(s)").format(n=count) if count else \
                translate("commands", "Delete {n} wire(s)").format(n=len(doomed))
        super().__init__(document, text)
        for wire in doomed:
            Disconnect(document, wire, self)

    def redo(self) -> None:
        self.redo_children()
        for block in self.blocks:
            self.design.remove_block(block.id)

    def undo(self) -> None:
        for block in self.blocks:
            self.design.add_block(block.kind, block.params, block_id=block.id,
                                  name=block.name, x=block.x, y=block.y)
        self.undo_children()


class SetParam(DesignCommand):
    """Set one parameter; wires to ports the new value removes go with it (children)."""

    def __init__(self, document: DesignDocument, block_id: str, param: str,
                 value: Any) -> None:
        design = document.design
        block = design.block(block_id)
        scratch = Design()
        scratch.add_block(block.kind, block.params, block_id=block_id)
        scratch.set_param(block_id, param, value)  # checks
        spec = get_kind(block.kind)
        assert spec is not None
        new = scratch.block(block_id).params[param]
        param_spec = spec.param(param)
        super().__init__(document, translate("commands", "Set {param} of {name} to {value}").format(
            param=engine_text(param_spec.label) if param_spec else param, name=block.name,
            value=_value_text(param_spec, new)))
        self.block_id, self.param = block_id, param
        self.old, self.new = block.params[param], new
        kept = {p.name for p in spec.ports(scratch.block(block_id).params)}
        for wire in design.wires_of(block_id):
            ends = [e.port for e in (wire.src, wire.dst) if e.block == block_id]
            if any(port not in kept for port in ends):
                Disconnect(document, wire, self)

    def redo(self) -> None:
        self.redo_children()
        self.design.set_param(self.block_id, self.param, self.new)

    def undo(self) -> None:
        self.design.set_param(self.block_id, self.param, self.old)
        self.undo_children()


class MoveBlocks(DesignCommand):
    """Move blocks to new positions; keyboard nudges of the same blocks merge."""

    changes_network = False

    def __init__(self, document: DesignDocument,
                 moves: Mapping[str, tuple[float, float]], *, nudge: bool = False,
                 text: str = "") -> None:
        design = document.design
        if not moves:
            raise DesignEditError(translate("commands", "there is nothing to move"))
        self.old = {b: (design.block(b).x, design.block(b).y) for b in moves}
        self.new = {b: (float(x), float(y)) for b, (x, y) in moves.items()}
        scratch = Design()
        for block_id, (x, y) in self.new.items():
            scratch.add_block("concat", block_id=block_id, x=x, y=y)  # checks positions
        count = len(self.new)
        super().__init__(document, text or (translate("commands", "Move {name}").format(
            name=design.block(next(iter(self.new))).name) if count == 1 else
            translate("commands", "Move {n} blocks").format(n=count)))
        self.nudge = nudge

    def id(self) -> int:
        return MOVE_ID if self.nudge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, MoveBlocks) or not other.nudge or \
                set(other.new) != set(self.new):
            return False
        self.new = dict(other.new)
        return True

    def redo(self) -> None:
        for block_id, (x, y) in self.new.items():
            self.design.move_block(block_id, x, y)

    def undo(self) -> None:
        for block_id, (x, y) in self.old.items():
            self.design.move_block(block_id, x, y)


class TidyLayout(MoveBlocks):
    """The automatic layered layout: a move of every block, undone as one."""

    def __init__(self, document: DesignDocument,
                 positions: Mapping[str, tuple[float, float]]) -> None:
        super().__init__(document, positions, text=translate("commands", "Tidy layout"))


class RenameBlock(DesignCommand):
    changes_network = False

    def __init__(self, document: DesignDocument, block_id: str, name: str) -> None:
        block = document.design.block(block_id)
        scratch = Design()
        scratch.add_block(block.kind, block_id=block_id)
        scratch.rename_block(block_id, name)  # checks
        super().__init__(document, translate("commands", "Rename {old} to {new}").format(
            old=block.name, new=name))
        self.block_id, self.old, self.new = block_id, block.name, name

    def redo(self) -> None:
        self.design.rename_block(self.block_id, self.new)

    def undo(self) -> None:
        self.design.rename_block(self.block_id, self.old)


class PasteBlocks(DesignCommand):
    """Add a fragment's blocks with fresh ids, moved by ``offset``, and its inner wires."""

    def __init__(self, document: DesignDocument, fragment: Mapping[str, Any],
                 offset: tuple[float, float] = (40.0, 40.0), text: str = "") -> None:
        try:
            self._read(document.design, fragment, offset)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DesignEditError(translate(
                "commands", "the clipboard holds no design blocks ({reason})").format(
                    reason=exc)) from None
        super().__init__(document, text or translate("commands", "Paste {n} block(s)").format(
            n=len(self.blocks)))

    def _read(self, design: Design, fragment: Mapping[str, Any],
              offset: tuple[float, float]) -> None:
        blocks = list(fragment.get("blocks", []))
        if not blocks:
            raise DesignEditError(translate("commands", "there is nothing to paste"))
        taken = set(design.blocks)
        self.ids: dict[str, str] = {}
        scratch = Design()
        self.blocks: list[dict[str, Any]] = []
        for block in blocks:
            old_id = str(block["id"])
            new_id = _fresh(old_id, taken)
            taken.add(new_id)
            self.ids[old_id] = new_id
            ui = block.get("ui", {})
            entry = {"kind": block["kind"], "params": dict(block.get("params", {})),
                     "block_id": new_id, "name": block.get("name", new_id),
                     "x": float(ui.get("x", 0.0)) + offset[0],
                     "y": float(ui.get("y", 0.0)) + offset[1]}
            scratch.add_block(entry.pop("kind"), **entry)  # checks
            self.blocks.append({"kind": block["kind"], **entry})
        self.wires: list[Wire] = []
        for wire in fragment.get("wires", []):
            src, dst = _ref(wire["from"]), _ref(wire["to"])
            if src.block in self.ids and dst.block in self.ids:
                new = Wire(PortRef(self.ids[src.block], src.port),
                           PortRef(self.ids[dst.block], dst.port))
                scratch.add_wire(new.src, new.dst)  # checks
                self.wires.append(new)

    @property
    def new_ids(self) -> list[str]:
        return list(self.ids.values())

    def redo(self) -> None:
        for block in self.blocks:
            entry = dict(block)
            self.design.add_block(entry.pop("kind"), **entry)
        for wire in self.wires:
            self.design.add_wire(wire.src, wire.dst)

    def undo(self) -> None:
        for wire in reversed(self.wires):
            self.design.remove_wire(wire)
        for block_id in reversed(self.new_ids):
            self.design.remove_block(block_id)


class SetTraining(DesignCommand):
    changes_network = False

    def __init__(self, document: DesignDocument, settings: TrainingSettings) -> None:
        super().__init__(document, translate("commands", "Change training settings"))
        self.old, self.new = document.design.training, settings

    def redo(self) -> None:
        self.design.set_training(self.new)

    def undo(self) -> None:
        self.design.set_training(self.old)


def _value_text(spec: ParamSpec | None, value: Any) -> str:
    """A parameter value as the inspector shows it (a choice by its display name)."""
    if spec is not None and spec.type == "choice":
        return choice_text(str(value))
    if isinstance(value, bool):
        return translate("commands", "on") if value else translate("commands", "off")
    return str(value)


def _fresh(stem: str, taken: set[str]) -> str:
    """An id like ``stem_2`` not in ``taken`` (the trailing ``_n`` of ``stem`` is dropped)."""
    base = stem
    head, _, tail = stem.rpartition("_")
    if head and tail.isdigit():
        base = head
    base = base[:56]
    if base not in taken:
        return base
    n = 2
    while f"{base}_{n}" in taken:
        n += 1
    return f"{base}_{n}"
