"""The scene never disagrees with the design, whatever sequence of edits, undos and redos.

A hypothesis state machine drives one editor with random verbs — add, delete, wire (both
through the editor's request API and directly, so invalid designs happen too), unwire,
set a parameter, move, nudge, rename, duplicate, paste, tidy, undo, redo, replace the
design — and after every step compares each item of the scene with the design: the same
block ids, positions, names, summaries and ports, the same wires, and the shape labels of
the latest analysis. Nothing may raise on the way.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from pytestqt.qtbot import QtBot

from designer.commands import (
    AddBlock,
    Connect,
    Disconnect,
    MoveBlocks,
    RemoveBlocks,
    RenameBlock,
    SetParam,
)
from designer.document import DesignDocument
from designer.editor import DesignEditor
from engine.catalogue import KINDS, get_kind
from engine.design import Design, PortRef
from engine.examples import list_examples, load_example
from engine.params import ParamSpec
from tests.designer.helpers import assert_scene_matches

KIND_NAMES = sorted(KINDS)
COORD = st.integers(-400, 1200)


def value_for(spec: ParamSpec) -> st.SearchStrategy[Any]:
    if spec.type == "bool":
        return st.booleans()
    if spec.type == "choice":
        return st.sampled_from(spec.choices)
    low = spec.minimum if spec.minimum is not None else 0
    if spec.type == "int":
        return st.integers(int(low), int(min(spec.maximum or low + 64, low + 64)))
    return st.floats(low, spec.maximum if spec.maximum is not None else low + 1)


class EditorMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.document = DesignDocument(load_example("notation"))
        self.editor = DesignEditor(self.document)
        self.editor.resize(900, 600)

    def teardown(self) -> None:
        self.editor.close()
        self.editor.deleteLater()

    @property
    def design(self) -> Design:
        return self.document.design

    def ports(self, direction: str) -> list[PortRef]:
        refs = []
        for block in self.design:
            spec = get_kind(block.kind)
            assert spec is not None
            refs += [PortRef(block.id, p.name) for p in spec.ports(block.params)
                     if p.direction == direction]
        return refs

    # --- edits --------------------------------------------------------------------------------

    @rule(kind=st.sampled_from(KIND_NAMES), x=COORD, y=COORD)
    def add_block(self, kind: str, x: int, y: int) -> None:
        self.document.try_push(AddBlock, kind, x=x, y=y)

    @rule(kind=st.sampled_from(KIND_NAMES))
    def add_block_from_palette(self, kind: str) -> None:
        self.editor.add_block(kind)

    @precondition(lambda self: len(self.design.blocks) > 0)
    @rule(data=st.data())
    def remove_blocks(self, data: st.DataObject) -> None:
        ids = data.draw(st.lists(st.sampled_from(sorted(self.design.blocks)), min_size=1,
                                 max_size=3, unique=True))
        self.document.try_push(RemoveBlocks, ids)

    @precondition(lambda self: len(self.design.blocks) > 0)
    @rule(data=st.data(), through_editor=st.booleans())
    def connect(self, data: st.DataObject, through_editor: bool) -> None:
        outs, ins = self.ports("out"), self.ports("in")
        if not outs or not ins:
            return
        src = data.draw(st.sampled_from(outs))
        dst = data.draw(st.sampled_from(ins))
        if through_editor:
            self.editor.request_wire(src, dst)
        else:
            self.document.try_push(Connect, src, dst)

    @precondition(lambda self: len(self.design.wires) > 0)
    @rule(data=st.data())
    def disconnect(self, data: st.DataObject) -> None:
        wire = data.draw(st.sampled_from(sorted(self.design.wires)))
        self.document.try_push(Disconnect, wire)

    @precondition(lambda self: len(self.design.blocks) > 0)
    @rule(data=st.data())
    def set_param(self, data: st.DataObject) -> None:
        block = self.design.block(data.draw(st.sampled_from(sorted(self.design.blocks))))
        spec = get_kind(block.kind)
        assert spec is not None
        if not spec.params:
            return
        param = data.draw(st.sampled_from(spec.params))
        self.document.try_push(SetParam, block.id, param.name, data.draw(value_for(param)))

    @precondition(lambda self: len(self.design.blocks) > 0)
    @rule(data=st.data(), x=COORD, y=COORD)
    def move(self, data: st.DataObject, x: int, y: int) -> None:
        block_id = data.draw(st.sampled_from(sorted(self.design.blocks)))
        self.document.try_push(MoveBlocks, {block_id: (x, y)})

    @precondition(lambda self: len(self.design.blocks) > 0)
    @rule(data=st.data(), dx=st.sampled_from([-20, 20, 1]))
    def nudge(self, data: st.DataObject, dx: int) -> None:
        self.editor.select_block(data.draw(st.sampled_from(sorted(self.design.blocks))))
        self.editor.nudge(dx, 0)

    @precondition(lambda self: len(self.design.blocks) > 0)
    @rule(data=st.data(), name=st.text(max_size=12))
    def rename(self, data: st.DataObject, name: str) -> None:
        block_id = data.draw(st.sampled_from(sorted(self.design.blocks)))
        self.document.try_push(RenameBlock, block_id, name)

    @precondition(lambda self: len(self.design.blocks) > 0)
    @rule(data=st.data(), paste=st.booleans())
    def duplicate_or_paste(self, data: st.DataObject, paste: bool) -> None:
        ids = data.draw(st.lists(st.sampled_from(sorted(self.design.blocks)), min_size=1,
                                 max_size=3, unique=True))
        self.editor.scene.clearSelection()
        for block_id in ids:
            self.editor.scene.blocks[block_id].setSelected(True)
        if paste:
            self.editor.copy_selection()
            self.editor.paste()
        else:
            self.editor.duplicate_selection()

    @rule()
    def delete_selection(self) -> None:
        self.editor.delete_selection()

    @rule()
    def tidy(self) -> None:
        self.editor.tidy()

    @rule()
    def undo(self) -> None:
        self.document.undo()

    @rule()
    def redo(self) -> None:
        self.document.redo()

    @rule(name=st.sampled_from(list_examples()))
    def open_example(self, name: str) -> None:
        self.document.set_design(load_example(name))

    @invariant()
    def scene_matches_the_design(self) -> None:
        assert_scene_matches(self.editor)
        # what the inspector shows is the model too
        inspector = self.editor.inspector
        if inspector.block_id is not None:
            block = self.design.block(inspector.block_id)
            assert inspector.name.text() == block.name


EditorMachine.TestCase.settings = settings(
    max_examples=30, stateful_step_count=20, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def test_scene_follows_random_edits_undos_and_redos(qtbot: QtBot) -> None:
    EditorMachine.TestCase().runTest()
