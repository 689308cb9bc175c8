"""Training settings: how a design is trained, saved with it in the design file.

The settings live under the design file's ``training`` key so that a saved design
retrains the same way (same optimiser, clipping, data, seed). Numbers are described by
:class:`engine.params.ParamSpec`, the same machinery as block parameters, so the file
loader, the command line and the window's settings panel check them with one set of
rules and the same located messages (``training.learning_rate: must be a number between
1e-07 and 10, got 50``).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from engine.errors import DesignFormatError
from engine.params import ParamSpec, describe_value

DEVICE_PATTERN = re.compile(r"^(auto|cpu|cuda|cuda:\d{1,2}|mps)$")

SETTING_SPECS: dict[str, ParamSpec] = {
    spec.name: spec
    for spec in (
        ParamSpec("optimizer", "choice", "adam", "The optimiser.",
                  choices=("adam", "sgd", "rmsprop")),
        ParamSpec("learning_rate", "float", 1e-3, "Step size of the optimiser.", 1e-7, 10.0,
                  label="learning rate"),
        ParamSpec("momentum", "float", 0.9, "Momentum (SGD and RMSprop).", 0.0, 0.999),
        ParamSpec("weight_decay", "float", 0.0, "L2 penalty on the weights.", 0.0, 1.0,
                  label="weight decay"),
        ParamSpec("epochs", "int", 10, "Passes over the training data.", 1, 100_000),
        ParamSpec("batch_size", "int", 32, "Examples per optimiser step.", 1, 65_536,
                  label="batch size"),
        ParamSpec("validation_fraction", "float", 0.1,
                  "Share of the training data held out for validation when the data set "
                  "has no validation split.", 0.0, 0.9, label="validation fraction"),
        ParamSpec("seed", "int", 0, "Seeds weights, data order and dropout: a run repeats "
                  "exactly.", 0, 2**31 - 1),
        ParamSpec("clip", "choice", "norm",
                  "Gradient clipping, the remedy for exploding gradients: rescale the whole "
                  "gradient when its norm exceeds the threshold, or clamp each value.",
                  choices=("none", "norm", "value")),
        ParamSpec("clip_threshold", "float", 1.0, "The norm (or value) clipping starts at.",
                  1e-6, 1e6, label="clip threshold"),
        ParamSpec("tbptt", "int", 0, "Truncated backpropagation through time: steps per "
                  "chunk (0 = full BPTT).", 0, 100_000, label="truncated BPTT"),
        ParamSpec("capture_every", "int", 10, "Measure dL/dh(t) at every time step every K "
                  "training steps (0 = never).", 0, 100_000, label="capture every"),
        ParamSpec("early_stopping", "int", 0, "Stop after this many epochs without a better "
                  "validation loss, keeping the best weights (0 = off).", 0, 10_000,
                  label="early stopping"),
        ParamSpec("lr_decay", "float", 1.0, "Multiply the learning rate by this when the "
                  "validation loss has not improved for the decay patience (1 = never).",
                  0.01, 1.0, label="learning-rate decay"),
        ParamSpec("lr_patience", "int", 5, "Epochs without a better validation loss before "
                  "the learning rate decays.", 1, 10_000, label="decay patience"),
        ParamSpec("weight_average", "float", 0.0, "Keep an exponential moving average of "
                  "the weights, a <- d a + (1 - d) w after each step, and validate, keep and "
                  "export it: it smooths the noise of small batches (0 = off; try 0.99 to "
                  "0.999).", 0.0, 0.9999, label="weight averaging"),
    )
}


@dataclass
class DataSettings:
    """Which data set trains the design: a built-in task or a file."""

    source: str = "builtin"
    name: str = ""
    path: str = ""
    format: str = ""
    options: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        if self.source == "builtin":
            return {"source": "builtin", "name": self.name, "options": dict(self.options)}
        doc: dict[str, Any] = {"source": "file", "path": self.path, "options": dict(self.options)}
        if self.format:
            doc["format"] = self.format
        return doc


@dataclass
class TrainingSettings:
    """Every setting of a training run (see SETTING_SPECS for ranges and help)."""

    optimizer: str = "adam"
    learning_rate: float = 1e-3
    momentum: float = 0.9
    weight_decay: float = 0.0
    epochs: int = 10
    batch_size: int = 32
    validation_fraction: float = 0.1
    seed: int = 0
    clip: str = "norm"
    clip_threshold: float = 1.0
    tbptt: int = 0
    capture_every: int = 10
    early_stopping: int = 0
    lr_decay: float = 1.0
    lr_patience: int = 5
    weight_average: float = 0.0
    device: str = "auto"
    data: DataSettings | None = None

    def to_json(self) -> dict[str, Any]:
        doc = {k: v for k, v in asdict(self).items() if k != "data"}
        if self.data is not None:
            doc["data"] = self.data.to_json()
        return doc

    def replace(self, **changes: Any) -> TrainingSettings:
        """A copy with ``changes`` applied and checked."""
        doc = self.to_json()
        doc.update({k: v for k, v in changes.items() if k != "data"})
        result = settings_from_json(doc, "")
        if "data" in changes:
            result.data = changes["data"]
        elif self.data is not None:
            result.data = DataSettings(**asdict(self.data))
        return result


_DATA_KEYS = {"source", "name", "path", "format", "options"}


def settings_from_json(doc: Any, path: str = "training") -> TrainingSettings:
    """Check and build settings; errors name the JSON path of the bad value."""

    def where(key: str) -> str:
        return f"{path}.{key}" if path else key

    if not isinstance(doc, dict):
        raise DesignFormatError(f"must be an object, got {describe_value(doc)}", path)
    known = {f.name for f in fields(TrainingSettings)}
    values: dict[str, Any] = {}
    for key, value in doc.items():
        if key not in known:
            raise DesignFormatError(f"unknown setting (known: {', '.join(sorted(known))})",
                                    where(key))
        if key == "device":
            if not isinstance(value, str) or not DEVICE_PATTERN.match(value):
                raise DesignFormatError(
                    f"must be 'auto', 'cpu', 'cuda' or 'cuda:N', got {describe_value(value)}",
                    where(key))
            values[key] = value
        elif key == "data":
            values[key] = _data_from_json(value, where(key))
        else:
            spec = SETTING_SPECS[key]
            problem = spec.problem(value)
            if problem:
                raise DesignFormatError(problem, where(key))
            values[key] = spec.coerce(value)
    return TrainingSettings(**values)


def _data_from_json(doc: Any, path: str) -> DataSettings:
    if not isinstance(doc, dict):
        raise DesignFormatError(f"must be an object, got {describe_value(doc)}", path)
    for key in doc:
        if key not in _DATA_KEYS:
            raise DesignFormatError(f"unknown key (allowed: {', '.join(sorted(_DATA_KEYS))})",
                                    f"{path}.{key}")
    source = doc.get("source", "builtin")
    if source not in ("builtin", "file"):
        raise DesignFormatError(f"must be 'builtin' or 'file', got {describe_value(source)}",
                                f"{path}.source")
    for key in ("name", "path", "format"):
        if key in doc and not isinstance(doc[key], str):
            raise DesignFormatError(f"must be a string, got {describe_value(doc[key])}",
                                    f"{path}.{key}")
    options = doc.get("options", {})
    if not isinstance(options, dict) or not all(
            isinstance(v, str | int | float | bool | list) for v in options.values()):
        raise DesignFormatError("must be an object of simple values", f"{path}.options")
    if source == "builtin" and not doc.get("name"):
        raise DesignFormatError("a built-in data set needs its name", f"{path}.name")
    if source == "file" and not doc.get("path"):
        raise DesignFormatError("a file data set needs its path", f"{path}.path")
    return DataSettings(source, doc.get("name", ""), doc.get("path", ""), doc.get("format", ""),
                        dict(options))


def settings_json_schema() -> dict[str, Any]:
    """JSON Schema of the ``training`` section."""
    props: dict[str, Any] = {name: spec.json_schema() for name, spec in SETTING_SPECS.items()}
    props["device"] = {"type": "string", "pattern": DEVICE_PATTERN.pattern, "default": "auto"}
    props["data"] = {
        "type": "object", "additionalProperties": False,
        "properties": {"source": {"enum": ["builtin", "file"]}, "name": {"type": "string"},
                       "path": {"type": "string"}, "format": {"type": "string"},
                       "options": {"type": "object"}},
    }
    return {"type": "object", "additionalProperties": False, "properties": props}
