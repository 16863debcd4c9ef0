"""The corpus's vocabulary: case files declare kernels, graphs and cases with it; export.py runs them.

A case file (cases/<group>.py) starts with `from corpus import ti, ...`: `ti` is the exporter the
driver was started with (taichi or taichi_forge), so one file serves both. Each group becomes one
module (<group>.tcm); each case is a list of launches on named arrays, with the arrays to compare
and the tolerance that applies to them, and why.
"""

import zlib

import numpy as np

ti = None  # set by export.py before any case file is imported

_cases = []
_graphs = {}
_extra_kernels = []


class Array:
    """An ndarray (or a texture: fmt set) a case passes to its launches, with its seeded input."""

    def __init__(self, dtype, shape, element_shape=(), init=None, fmt=None):
        self.dtype = dtype
        self.shape = tuple(shape)
        self.element_shape = tuple(element_shape)
        self.init = init
        self.fmt = fmt
        self.name = None


def nd(dtype, shape, init=None):
    """An ndarray of scalars; `init` is None (zeros), an array, or a function of (rng, full_shape)."""
    return Array(dtype, shape, (), init)


def vec(n, dtype, shape, init=None):
    return Array(dtype, shape, (n,), init)


def mat(n, m, dtype, shape, init=None):
    return Array(dtype, shape, (n, m), init)


def texture(fmt, shape):
    """A texture image; kernels fill it and read it back into ndarrays (its texels never leave the device)."""
    return Array(None, shape, (), None, fmt)


def uniform(lo, hi):
    return lambda rng, shape, dt: rng.uniform(lo, hi, shape).astype(dt)


def ints(lo, hi):
    """Integers in [lo, hi)."""
    return lambda rng, shape, dt: rng.integers(lo, hi, shape, dtype=np.int64).astype(dt)


class Tensor:
    """A vector or matrix argument (`ti.types.vector(n, dt)`, `ti.types.matrix(n, m, dt)`): values
    as a list (vector) or a list of rows (matrix)."""

    def __init__(self, values, dtype):
        self.values = values
        self.dtype = dtype

    def value(self):
        return ti.Matrix(self.values, self.dtype) if isinstance(self.values[0], (list, tuple)) else ti.Vector(self.values, self.dtype)


def tensor(values, dtype):
    return Tensor(values, dtype)


class Graph:
    def __init__(self, name, build):
        self.name = name
        self.build = build


def graph(name):
    """Declares a graph: the decorated function builds it with ti.graph and returns g.compile()."""

    def register(build):
        _graphs[name] = Graph(name, build)
        return _graphs[name]

    return register


def export_kernel(kernel):
    """Exports a kernel no case launches (a refusal test names it)."""
    _extra_kernels.append(kernel)
    return kernel


class Case:
    def __init__(self, name, steps, outputs, rtol, atol, why, oracle, refused, module, expect, compare):
        self.name = name
        self.steps = steps
        self.outputs = outputs
        self.rtol = rtol
        self.atol = atol
        self.why = why
        self.oracle = oracle
        self.refused = refused
        self.module = module
        self.expect = expect
        self.compare = compare


def case(name, *steps, out, rtol=0.0, atol=0.0, why="integers and exact float operations", oracle="cpu", refused=None, module=None, expect=None, compare=None):
    """A case: steps are (kernel, *args) or (Graph, {name: arg}); `out` lists the arrays compared.

    Floats compare as |got - want| <= atol + rtol * |want|; integers always exactly. `oracle` is
    "cpu" (the exporter's CPU backend), "vulkan" (its Vulkan backend on the exporting machine:
    textures and shared arrays, which the CPU backend cannot run) or "numpy": `expect` computes
    the outputs (in the order of `out`) from {array: input} where neither backend is right. `refused` is the error a launch must raise
    instead of running ({"code": ..., "error": ...}). `module` puts the case's kernels in a module
    of their own (<group>-<module>.tcm), so that a kernel the runtime refuses at load refuses
    only its own cases. `compare` compares statistics instead of values, for draws of ti.random():
    {"mean", "variance", "min", "max": tolerances relative to the expected values' range (of the
    value itself, for one value; variance: to the range squared), "distinct": the least share of
    distinct values}, each key optional.
    """
    _cases.append(Case(name, steps, list(out), rtol, atol, why, oracle, refused, module, expect, compare))


def seed_for(text):
    return zlib.crc32(text.encode())


def reset():
    _cases.clear()
    _graphs.clear()
    _extra_kernels.clear()


def registered():
    return list(_cases), dict(_graphs), list(_extra_kernels)
