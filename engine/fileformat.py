"""Reading and writing design files.

A design file is JSON::

    {"format_version": 1, "name": "...", "description": "...",
     "blocks": [{"id": "rnn", "kind": "rnn", "name": "RNN",
                 "params": {"hidden_size": 3}, "ui": {"x": 0, "y": 0}}, ...],
     "wires": [{"from": "x.out", "to": "rnn.input"}, ...]}

Loading runs in stages, each of which can only fail with a :class:`DesignFormatError`
that says where: **parse** (bytes -> JSON value: size, encoding, syntax, nesting),
**migrate** (older ``format_version`` -> current), **check** (every key known, every value
of the right type and range; the path of the offending value is named, e.g.
``blocks[3].params.hidden_size: must be an integer between 1 and 16384, got -4``) and
**build** (a :class:`Design`, refusing duplicate ids and wires to ports that do not
exist). Parameters a file omits take their defaults; keys a file adds are refused, since
a silently ignored key is a setting the person believes in and the program does not.

Saving is atomic: the text goes to a temporary file beside the target, is flushed and
fsynced, and replaces the target with one rename, so a crash leaves either the old file
or the new one, never half of each.

The JSON Schema of the format is generated from the catalogue (:func:`json_schema`) and
kept in ``engine/design.schema.json`` for other tools; after changing the catalogue, run
``python -m engine.fileformat --write-schema`` (a test fails while the file is stale).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from engine.catalogue import KINDS, get_kind
from engine.design import FORMAT_VERSION, ID_PATTERN, MAX_TEXT, UI_LIMIT, Design, PortRef
from engine.errors import DesignEditError, DesignFormatError
from engine.params import describe_value
from engine.training.settings import settings_from_json, settings_json_schema

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_BLOCKS = 5000
MAX_WIRES = 20000

# format_version -> function turning a document of that version into the next version.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

_TOP_KEYS = {"format_version", "name", "description", "blocks", "wires", "training"}
_BLOCK_KEYS = {"id", "kind", "name", "params", "ui"}
_WIRE_KEYS = {"from", "to"}
_UI_KEYS = {"x", "y"}


# --- stage 1: parse -----------------------------------------------------------------------


def parse(data: bytes | str) -> Any:
    """Bytes or text -> a JSON value, refusing what no design file can be."""
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_BYTES:
            raise DesignFormatError(_too_big(len(data)))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DesignFormatError(
                f"not UTF-8 text (byte {exc.start} is 0x{data[exc.start]:02x}); "
                "is this a design file?") from None
    else:
        text = data
        if len(text) > MAX_FILE_BYTES:
            raise DesignFormatError(f"the text is longer than {MAX_FILE_BYTES} characters")
    if not text.strip():
        raise DesignFormatError("the file is empty")
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise DesignFormatError(f"invalid JSON: {exc.msg}",
                                f"line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise DesignFormatError("nested too deeply to be a design file") from None
    except ValueError as exc:
        raise DesignFormatError(str(exc)) from None


def _too_big(size: int) -> str:
    # In bytes: "the file is 16 MB; a design file is at most 16 MB" would say nothing.
    return (f"the file is {size:,} bytes; a design file is at most {MAX_FILE_BYTES:,} bytes "
            f"({MAX_FILE_BYTES // 2**20} MB)")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"invalid JSON: {name} is not a number JSON allows")


# --- stage 2: migrate ---------------------------------------------------------------------


def migrate(doc: Any) -> dict[str, Any]:
    """Bring a document of any older format_version to :data:`FORMAT_VERSION`."""
    if not isinstance(doc, dict):
        raise DesignFormatError(f"a design is a JSON object, got {_kind_of(doc)}")
    if "format_version" not in doc:
        raise DesignFormatError("missing key; a design file starts with its format_version",
                                "format_version")
    version = doc["format_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DesignFormatError(
            f"must be a positive integer, got {describe_value(version)}", "format_version")
    if version > FORMAT_VERSION:
        raise DesignFormatError(
            f"format_version {version} is newer than this program understands "
            f"({FORMAT_VERSION}); update Recurrente to open it")
    while version < FORMAT_VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
        doc["format_version"] = version
    return doc


# --- stage 3: check -----------------------------------------------------------------------


def check(doc: dict[str, Any]) -> None:
    """Check every key and value of a current-version document; raise at the first fault."""
    _keys(doc, _TOP_KEYS, "", required={"format_version", "blocks"})
    _text(doc.get("name", ""), "name")
    _text(doc.get("description", ""), "description")
    blocks = doc["blocks"]
    if not isinstance(blocks, list):
        raise DesignFormatError(f"must be a list, got {_kind_of(blocks)}", "blocks")
    if len(blocks) > MAX_BLOCKS:
        raise DesignFormatError(f"{len(blocks)} blocks; at most {MAX_BLOCKS}", "blocks")
    for i, block in enumerate(blocks):
        _check_block(block, f"blocks[{i}]")
    if "training" in doc:
        settings_from_json(doc["training"], "training")
    wires = doc.get("wires", [])
    if not isinstance(wires, list):
        raise DesignFormatError(f"must be a list, got {_kind_of(wires)}", "wires")
    if len(wires) > MAX_WIRES:
        raise DesignFormatError(f"{len(wires)} wires; at most {MAX_WIRES}", "wires")
    for i, wire in enumerate(wires):
        path = f"wires[{i}]"
        _keys(wire, _WIRE_KEYS, path, required=_WIRE_KEYS)
        for end in ("from", "to"):
            value = wire[end]
            if not isinstance(value, str):
                raise DesignFormatError(
                    f"must be a string 'block.port', got {describe_value(value)}",
                    f"{path}.{end}")
            try:
                PortRef.parse(value)
            except ValueError as exc:
                raise DesignFormatError(str(exc), f"{path}.{end}") from None


def _check_block(block: Any, path: str) -> None:
    _keys(block, _BLOCK_KEYS, path, required={"id", "kind"})
    block_id = block["id"]
    if not isinstance(block_id, str) or not ID_PATTERN.fullmatch(block_id):
        raise DesignFormatError(
            "must be a string of letters, digits and '_' not starting with a digit "
            f"(at most 64), got {describe_value(block_id)}", f"{path}.id")
    kind = block["kind"]
    spec = get_kind(kind) if isinstance(kind, str) else None
    if spec is None:
        known = ", ".join(sorted(KINDS))
        raise DesignFormatError(f"unknown block kind {describe_value(kind)} (known: {known})",
                                f"{path}.kind")
    if "name" in block:
        _text(block["name"], f"{path}.name")
    params = block.get("params", {})
    if not isinstance(params, dict):
        raise DesignFormatError(f"must be an object, got {_kind_of(params)}", f"{path}.params")
    for key, value in params.items():
        pspec = spec.param(key)
        if pspec is None:
            known = ", ".join(p.name for p in spec.params) or "none"
            raise DesignFormatError(f"unknown parameter of {kind!r} blocks (known: {known})",
                                    f"{path}.params.{key}")
        problem = pspec.problem(value)
        if problem:
            raise DesignFormatError(problem, f"{path}.params.{key}")
    ui = block.get("ui", {})
    _keys(ui, _UI_KEYS, f"{path}.ui", required=set())
    for key, value in ui.items():
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not ok or abs(value) > UI_LIMIT:
            raise DesignFormatError(
                f"must be a number between -1e7 and 1e7, got {describe_value(value)}",
                f"{path}.ui.{key}")


def _keys(obj: Any, allowed: set[str], path: str, required: set[str]) -> None:
    if not isinstance(obj, dict):
        raise DesignFormatError(f"must be an object, got {_kind_of(obj)}", path or "document")
    for key in obj:
        if key not in allowed:
            where = f"{path}.{key}" if path else str(key)
            raise DesignFormatError(
                f"unknown key (allowed here: {', '.join(sorted(allowed))})", where)
    for key in sorted(required):
        if key not in obj:
            raise DesignFormatError("missing key", f"{path}.{key}" if path else key)


def _text(value: Any, path: str) -> None:
    if not isinstance(value, str):
        raise DesignFormatError(f"must be a string, got {describe_value(value)}", path)
    if len(value) > MAX_TEXT:
        raise DesignFormatError(f"longer than {MAX_TEXT} characters", path)


def _kind_of(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false",
            type(None): "null"}.get(type(value), "a number")


# --- stage 4: build -----------------------------------------------------------------------


def build(doc: dict[str, Any]) -> Design:
    """A checked document -> a :class:`Design`."""
    design = Design(doc.get("name", "Untitled"), doc.get("description", ""))
    if "training" in doc:
        design.training = settings_from_json(doc["training"], "training")
    for i, block in enumerate(doc["blocks"]):
        if block["id"] in design.blocks:
            raise DesignFormatError(f"duplicate block id {block['id']!r}", f"blocks[{i}].id")
        ui = block.get("ui", {})
        try:
            design.add_block(block["kind"], block.get("params", {}), block_id=block["id"],
                             name=block.get("name", block["id"]), x=ui.get("x", 0.0),
                             y=ui.get("y", 0.0))
        except DesignEditError as exc:  # check() should have caught it; still say where
            raise DesignFormatError(str(exc), f"blocks[{i}]") from None
    for i, wire in enumerate(doc.get("wires", [])):
        try:
            design.add_wire(wire["from"], wire["to"])
        except DesignEditError as exc:
            raise DesignFormatError(str(exc), f"wires[{i}]") from None
    return design


# --- public API -------------------------------------------------------------------------


def loads(data: bytes | str) -> Design:
    """Parse, migrate, check and build a design from its file contents."""
    doc = migrate(parse(data))
    check(doc)
    return build(doc)


def load(path: str | os.PathLike[str]) -> Design:
    """Read a design file; every failure is a :class:`DesignFormatError` naming the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DesignFormatError(_too_big(size))
        with path.open("rb") as handle:
            # Read one byte past the limit: a pipe or device reports size 0 and never ends.
            data = handle.read(MAX_FILE_BYTES + 1)
        return loads(data)
    except DesignFormatError as exc:
        raise exc.with_source(str(path)) from None
    except OSError as exc:
        raise DesignFormatError(exc.strerror or str(exc), source=str(path)) from None


def dumps(design: Design) -> str:
    """The file text of ``design``: UTF-8-safe JSON that :func:`loads` reads back equal."""
    doc = design.to_json()
    text = json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (from a "\ud800" escape in a file read earlier) cannot be
        # written as UTF-8; escaped, it survives the trip to disk and back.
        text = json.dumps(doc, indent=2, ensure_ascii=True, allow_nan=False)
    return text + "\n"


def save(design: Design, path: str | os.PathLike[str]) -> None:
    """Write ``design`` to ``path`` atomically."""
    atomic_write_text(Path(path), dumps(design))


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old or the new file, never a mix."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode the target has, or the
        # one a plain open() would give, so a save does not change who may read the design.
        with contextlib.suppress(OSError):
            os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)  # make the rename itself durable
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_UMASK


def _read_umask() -> int:
    mask = os.umask(0o022)  # the only way to read it; set back at once, at import
    os.umask(mask)
    return mask


_UMASK = _read_umask()


# --- JSON Schema --------------------------------------------------------------------------


def _whole(pattern: str) -> str:
    """``^...$`` made to match the whole text under every regex engine.

    JSON Schema patterns are ECMA-262, where ``$`` is the end of the text; validators
    written in Python use :mod:`re`, where ``$`` also matches before a final newline, so
    ``"rnn\\n"`` would pass. A negative lookahead for any character means the same in both.
    """
    return pattern.removesuffix("$") + r"(?![\s\S])"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the current format, generated from the catalogue."""
    block_variants = []
    for kind in KINDS.values():
        block_variants.append({
            "title": kind.title,
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "kind"],
            "properties": {
                "id": {"type": "string", "pattern": _whole(ID_PATTERN.pattern)},
                "kind": {"const": kind.kind},
                "name": {"type": "string", "maxLength": MAX_TEXT},
                "params": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {p.name: p.json_schema() for p in kind.params},
                },
                "ui": {"$ref": "#/$defs/ui"},
            },
        })
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "recurrente-design.schema.json",
        "title": "Recurrente design",
        "type": "object",
        "additionalProperties": False,
        "required": ["format_version", "blocks"],
        "properties": {
            "format_version": {"const": FORMAT_VERSION},
            "name": {"type": "string", "maxLength": MAX_TEXT},
            "description": {"type": "string", "maxLength": MAX_TEXT},
            "blocks": {"type": "array", "maxItems": MAX_BLOCKS,
                       "items": {"oneOf": block_variants}},
            "wires": {"type": "array", "maxItems": MAX_WIRES, "items": {
                "type": "object", "additionalProperties": False, "required": ["from", "to"],
                "properties": {"from": {"$ref": "#/$defs/port"},
                               "to": {"$ref": "#/$defs/port"}}}},
            "training": settings_json_schema(),
        },
        "$defs": {
            "port": {"type": "string",
                     "pattern": _whole(r"^[A-Za-z_][A-Za-z0-9_]{0,63}\.[A-Za-z_]+$")},
            "ui": {"type": "object", "additionalProperties": False, "properties": {
                "x": {"type": "number", "minimum": -1e7, "maximum": 1e7},
                "y": {"type": "number", "minimum": -1e7, "maximum": 1e7}}},
        },
    }


SCHEMA_PATH = Path(__file__).with_name("design.schema.json")


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2) + "\n"


def write_schema(path: Path = SCHEMA_PATH) -> bool:
    """Write :func:`schema_text` to ``path``; return whether the file changed."""
    text = schema_text()
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    atomic_write_text(path, text)
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m engine.fileformat --write-schema`` regenerates design.schema.json."""
    parser = argparse.ArgumentParser(prog="python -m engine.fileformat",
                                     description="Tools for the design file format.")
    parser.add_argument("--write-schema", action="store_true",
                        help=f"write the JSON Schema of the format to {SCHEMA_PATH}")
    args = parser.parse_args(argv)
    if not args.write_schema:
        parser.print_help()
        return 2
    changed = write_schema(SCHEMA_PATH)
    print(f"{'wrote' if changed else 'unchanged:'} {SCHEMA_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
