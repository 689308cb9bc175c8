"""Choosing the device a run trains on, with a plain message when it is not there."""

from __future__ import annotations

import torch

from engine.errors import RecurrenteError


class DeviceError(RecurrenteError):
    """The requested device cannot be used."""


def available_devices() -> list[tuple[str, str, str]]:
    """(device, label, reason it cannot be used or "") for the CPU and every CUDA device."""
    found = [("cpu", "CPU", "")]
    if not torch.cuda.is_available():
        found.append(("cuda", "CUDA GPU", "no CUDA device is available on this machine"))
        return found
    for i in range(torch.cuda.device_count()):
        found.append((f"cuda:{i}", f"GPU {i}: {torch.cuda.get_device_name(i)}", ""))
    return found


def resolve_device(text: str) -> torch.device:
    """'auto' -> the first GPU if there is one, else the CPU; checks that the device exists."""
    if text == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if text == "cpu":
        return torch.device("cpu")
    if text == "mps":
        if not (hasattr(torch.backends, "mps") and torch.backends.mps.is_available()):
            raise DeviceError("the Apple GPU (mps) was asked for but is not available; "
                              "choose 'cpu' or 'auto'")
        return torch.device("mps")
    if text.startswith("cuda"):
        if not torch.cuda.is_available():
            raise DeviceError(f"device '{text}' was asked for, but this machine has no usable "
                              "CUDA GPU (or this PyTorch build has no CUDA); choose 'cpu' or "
                              "'auto'")
        index = int(text.partition(":")[2] or 0)
        count = torch.cuda.device_count()
        if index >= count:
            raise DeviceError(f"device '{text}' was asked for, but this machine has {count} "
                              f"CUDA device(s): cuda:0 to cuda:{count - 1}")
        return torch.device("cuda", index)
    raise DeviceError(f"unknown device {text!r}: use 'auto', 'cpu', 'cuda' or 'cuda:N'")
