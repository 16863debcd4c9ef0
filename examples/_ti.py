"""The Taichi these examples use: `taichi` (1.7.4), or taichi-forge 0.7 (the maintained fork,
which exports the same way) where TAICHI_EXPORTER is `forge` (or its package name `taichi_forge`)."""

import importlib
import os

EXPORTER = os.environ.get("TAICHI_EXPORTER", "taichi")
ti = importlib.import_module("taichi_forge" if EXPORTER in ("forge", "taichi_forge") else EXPORTER)


def start():
    """Every module is exported for Vulkan: that is the backend whose modules this runtime runs."""
    ti.init(arch=ti.vulkan, offline_cache=False, log_level=ti.WARN)


def out_dir():
    here = os.path.dirname(os.path.abspath(__file__))
    committed = os.path.join(here, "modules") if ti.__name__ == "taichi" else os.path.join(here, "modules", "forge")
    return os.environ.get("TAICHI_EXAMPLES_OUT", committed)


def archive(module, name):
    """Writes examples/modules/<name>.tcm (forge: examples/modules/forge/; or under $TAICHI_EXAMPLES_OUT)."""
    os.makedirs(out_dir(), exist_ok=True)
    path = os.path.join(out_dir(), f"{name}.tcm")
    module.archive(path)
    print(f"wrote {os.path.relpath(path)}")
