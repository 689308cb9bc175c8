"""The example designs shipped in resources/examples, one per network shape of the lecture."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from engine.design import Design
from engine.errors import DesignFormatError
from engine.fileformat import load


def examples_dir() -> Path:
    """The folder holding the example design files."""
    return Path(str(resources.files("resources") / "examples"))


def list_examples() -> list[str]:
    """Names of the shipped examples (file stems), sorted."""
    return sorted(p.stem for p in examples_dir().glob("*.json"))


def example_path(name: str) -> Path:
    path = examples_dir() / f"{name}.json"
    if not path.is_file():
        known = ", ".join(list_examples())
        raise DesignFormatError(f"there is no example {name!r} (examples: {known})")
    return path


def load_example(name: str) -> Design:
    """Load a shipped example by name, e.g. ``load_example("sentiment")``."""
    return load(example_path(name))
