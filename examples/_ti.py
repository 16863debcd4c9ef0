"""The Taichi these examples use: `taichi` (1.7.4), or the package TAICHI_EXPORTER names
(`taichi_forge`, the maintained fork, which exports the same way)."""

import importlib
import os

ti = importlib.import_module(os.environ.get("TAICHI_EXPORTER", "taichi"))


def start():
    """Every module is exported for Vulkan: that is the backend whose modules this runtime runs."""
    ti.init(arch=ti.vulkan, offline_cache=False, log_level=ti.WARN)


def out_dir():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.environ.get("TAICHI_EXAMPLES_OUT", os.path.join(here, "modules"))


def archive(module, name):
    """Writes examples/modules/<name>.tcm (or under $TAICHI_EXAMPLES_OUT)."""
    os.makedirs(out_dir(), exist_ok=True)
    path = os.path.join(out_dir(), f"{name}.tcm")
    module.archive(path)
    print(f"wrote {os.path.relpath(path)}")
