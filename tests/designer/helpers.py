"""Shared checks for the designer tests: model snapshots and scene-versus-model comparison."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from designer import style
from designer.editor import DesignEditor
from designer.items import BlockItem, WireItem
from engine.catalogue import get_kind
from engine.design import Design


def snapshot(design: Design) -> tuple[Any, ...]:
    """The design's content, independent of the order of blocks and wires."""
    blocks = {b.id: (b.kind, b.name, tuple(sorted(b.params.items())), b.x, b.y)
              for b in design}
    return blocks, sorted(design.wires), design.training.to_json(), design.name


def assert_scene_matches(editor: DesignEditor) -> None:
    """Every block and wire of the design has exactly one item showing what it holds."""
    scene = editor.scene
    design = editor.document.design
    analysis = editor.document.flush_analysis()
    assert set(scene.blocks) == set(design.blocks)
    items = scene.items()
    assert sum(isinstance(i, BlockItem) for i in items) == len(design.blocks)
    assert sum(isinstance(i, WireItem) for i in items) == len(design.wires)
    for block_id, item in scene.blocks.items():
        block = design.block(block_id)
        spec = get_kind(block.kind)
        assert spec is not None
        assert item.block_id == block_id
        assert (item.pos().x(), item.pos().y()) == (block.x, block.y), block_id
        assert item.name == block.name
        assert item.summary == spec.summary(block.params)
        assert item.face.title == spec.title
        assert list(item.ports) == [p.name for p in spec.ports(block.params)]
        for name, port in item.ports.items():
            assert port.scene() is scene and port.parentItem() is item, name
    assert set(scene.wires) == set(design.wires)
    for wire, item in scene.wires.items():
        shape = analysis.shapes.get(wire.src)
        assert item.label == (style.shape_text(shape.label()) if shape else ""), str(wire)
        src = scene.blocks[wire.src.block].ports[wire.src.port].scenePos()
        assert item.boundingRect().adjusted(-1, -1, 1, 1).contains(src), str(wire)
    errors = {p.block for p in analysis.problems if p.block and p.severity == "error"}
    for block_id, item in scene.blocks.items():
        assert (item.problem == "error") == (block_id in errors), block_id


MakeEditor = Callable[..., DesignEditor]
