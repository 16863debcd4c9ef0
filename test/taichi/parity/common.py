# Shared by the parity scripts: each builds its kernels twice, once on Vulkan (lavapipe) to export
# the module and once on the oracle backend (ti.cpu, or ti.vulkan for textures) to record the
# expected values. Modules land in modules/, inputs and expected outputs in expected/ (JSON).
import json
import os

import numpy as np
import taichi as ti

HERE = os.path.dirname(os.path.abspath(__file__))


def export(name, define, caps=()):
    """Writes modules/<name>.tcm. `define()` makes the fields (a module fixes them when it is
    created) and returns `add(m)`, which adds the kernels and graphs."""
    ti.init(arch=ti.vulkan, offline_cache=False, log_level=ti.WARN)
    add = define()
    m = ti.aot.Module(arch=ti.vulkan, caps=list(caps))
    add(m)
    os.makedirs(os.path.join(HERE, "modules"), exist_ok=True)
    m.archive(os.path.join(HERE, "modules", f"{name}.tcm"))
    ti.reset()


def oracle(arch=None):
    ti.init(arch=arch or ti.cpu, offline_cache=False, log_level=ti.WARN, random_seed=1)


def save(name, values):
    """Writes expected/<name>.json: numpy arrays become {dtype, shape, data}."""

    def encode(v):
        if isinstance(v, np.ndarray):
            return {"dtype": str(v.dtype), "shape": list(v.shape), "data": v.reshape(-1).tolist()}
        if isinstance(v, dict):
            return {k: encode(x) for k, x in v.items()}
        return v

    os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
    with open(os.path.join(HERE, "expected", f"{name}.json"), "w") as f:
        json.dump(encode(values), f, separators=(",", ":"))
    ti.reset()
