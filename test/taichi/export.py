"""Exports the differential corpus with one Taichi exporter and records its expected values.

    python test/taichi/export.py taichi|forge [--out DIR] [--only GROUP ...]

For each case file cases/<group>.py: exports its kernels and graphs with
ti.aot.Module(arch=ti.vulkan) into DIR/<exporter>/<group>.tcm, runs each case on the exporter's CPU
backend (textures: on its Vulkan backend) and writes DIR/<exporter>/<group>/<case>/ with
manifest.json, <array>.in.npy (inputs) and <array>.out.npy (expected values of the compared arrays).
DIR defaults to test/taichi. The same code runs `taichi` (Taichi 1.7.4, into DIR/taichi) and `forge`
(taichi-forge 0.7, `import taichi_forge`, into DIR/forge).
"""

import argparse
import importlib
import json
import math
import os
import shutil
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402

NUMPY = {"f32": np.float32, "i32": np.int32, "u32": np.uint32, "f16": np.float16, "i16": np.int16, "u16": np.uint16, "i8": np.int8, "u8": np.uint8, "f64": np.float64, "i64": np.int64, "u64": np.uint64}
DTYPES = list(NUMPY)
# The corpus folder of each exporter, and the Python package that exports.
EXPORTERS = {"taichi": "taichi", "forge": "taichi_forge"}


def dtype_name(ti, dtype):
    for name in DTYPES:
        if dtype == getattr(ti, name):
            return name
    raise ValueError(f"no dtype name for {dtype}")


_imported = set()


def load_group(ti, group):
    """Imports (or re-imports, after ti.init) a case file and what it imports (the examples):
    fields and kernels are made anew for each Taichi program."""
    corpus.reset()
    for name in _imported:
        sys.modules.pop(name, None)
    before = set(sys.modules)
    module = importlib.import_module(f"cases.{group}")
    _imported.update(set(sys.modules) - before)
    cases, graphs, extra = corpus.registered()
    return module, cases, graphs, extra


def case_arrays(c):
    """The case's arrays in order of first use, each named a0, a1, ..."""
    arrays = []

    def visit(value):
        if isinstance(value, corpus.Array) and value not in arrays:
            arrays.append(value)

    for step in c.steps:
        args = step[1].values() if isinstance(step[0], corpus.Graph) else step[1:]
        for a in args:
            visit(a)
    for i, a in enumerate(arrays):
        a.name = f"a{i}"
    return arrays


def initial_value(ti, group, c, a):
    np_dtype = NUMPY[dtype_name(ti, a.dtype)]
    full = a.shape + a.element_shape
    if a.init is None:
        return np.zeros(full, np_dtype)
    if callable(a.init):
        rng = np.random.default_rng(corpus.seed_for(f"{group}/{c.name}/{a.name}"))
        return np.array(a.init(rng, full, np_dtype), np_dtype, order="C").reshape(full)
    return np.array(a.init, np_dtype, order="C").reshape(full)


def make_device_array(ti, a, value):
    if a.fmt is not None:
        return ti.Texture(a.fmt, a.shape)
    if a.element_shape:
        dtype = ti.types.vector(a.element_shape[0], a.dtype) if len(a.element_shape) == 1 else ti.types.matrix(*a.element_shape, a.dtype)
    else:
        dtype = a.dtype
    arr = ti.ndarray(dtype, shape=a.shape)
    arr.from_numpy(value)
    return arr


def run_case(ti, group, c, compiled_graphs):
    """Runs a case's steps; returns {array: (input, output)} as numpy arrays (textures: none)."""
    arrays = case_arrays(c)
    inputs = {a.name: (initial_value(ti, group, c, a) if a.fmt is None else None) for a in arrays}
    device = {a.name: make_device_array(ti, a, inputs[a.name]) for a in arrays}

    def value(arg):
        if isinstance(arg, corpus.Tensor):
            return arg.value()
        return device[arg.name] if isinstance(arg, corpus.Array) else arg

    for step in c.steps:
        if isinstance(step[0], corpus.Graph):
            compiled_graphs[step[0].name].run({k: value(v) for k, v in step[1].items()})
        else:
            step[0](*[value(v) for v in step[1:]])
    ti.sync()
    return arrays, {a.name: (inputs[a.name], device[a.name].to_numpy() if a.fmt is None else None) for a in arrays}


def describe_arg(arg):
    if isinstance(arg, corpus.Array):
        return {"array": arg.name}
    if isinstance(arg, corpus.Tensor):
        return {"tensor": arg.values}
    if isinstance(arg, float) and not math.isfinite(arg):
        return {"scalar": repr(arg)}  # JSON has no infinity or NaN: "inf", "-inf", "nan"
    return {"scalar": arg}


def manifest(ti, group, c, arrays):
    steps = []
    for step in c.steps:
        if isinstance(step[0], corpus.Graph):
            steps.append({"graph": step[0].name, "args": {k: describe_arg(v) for k, v in step[1].items()}})
        else:
            steps.append({"kernel": step[0].__name__, "args": [describe_arg(v) for v in step[1:]]})
    described = {}
    for a in arrays:
        if a.fmt is not None:
            described[a.name] = {"kind": "texture", "format": str(a.fmt).split(".")[-1], "shape": list(a.shape)}
        else:
            described[a.name] = {
                "kind": "ndarray",
                "dtype": dtype_name(ti, a.dtype),
                "shape": list(a.shape),
                "elementShape": list(a.element_shape),
                "input": f"{a.name}.in.npy" if a.init is not None else None,
                "expected": f"{a.name}.out.npy" if a in c.outputs and not c.refused else None,
            }
    m = {
        "module": module_file(group, c.module),
        "oracle": c.oracle,
        "arrays": described,
        "steps": steps,
        "outputs": [a.name for a in c.outputs],
        "tolerance": {"rtol": c.rtol, "atol": c.atol, "why": c.why},
    }
    if c.refused:
        m["refused"] = c.refused
    if c.compare:
        m["compare"] = c.compare
    return m


def write_case(out_dir, ti, group, c, arrays, results):
    d = out_dir / group / c.name
    d.mkdir(parents=True, exist_ok=True)
    for a in arrays:
        if a.fmt is not None:
            continue
        given, got = results[a.name]
        if a.init is not None:
            np.save(d / f"{a.name}.in.npy", given)
        if a in c.outputs and not c.refused:
            np.save(d / f"{a.name}.out.npy", got)
    (d / "manifest.json").write_text(json.dumps(manifest(ti, group, c, arrays), indent=1, allow_nan=False) + "\n")


def module_file(group, module):
    return f"{group}.tcm" if module is None else f"{group}-{module}.tcm"


def export_module(ti, group, module, out_dir):
    """Exports the kernels and graphs of one module of a group (a fresh ti.init: Taichi finalizes
    the fields once per aot.Module) and runs its cases whose oracle is Vulkan."""
    ti.init(arch=ti.vulkan, offline_cache=False, log_level=ti.WARN)
    _, cases, graphs, extra = load_group(ti, group)
    cases = [c for c in cases if c.module == module]
    caps = getattr(sys.modules[f"cases.{group}"], "CAPS", [])
    if callable(caps):
        caps = caps(module)  # a group's capabilities may differ per module (textures: per format)
    m = ti.aot.Module(arch=ti.vulkan, caps=caps)
    added = set()
    for k in [step[0] for c in cases for step in c.steps if not isinstance(step[0], corpus.Graph)] + (extra if module is None else []):
        if k.__name__ not in added:
            added.add(k.__name__)
            try:
                m.add_kernel(k, name=k.__name__)  # forge names a kernel by its source function, Taichi by __name__
            except Exception as e:
                raise RuntimeError(f"{group}: kernel {k.__name__}: {e}") from e
    used = {step[0].name for c in cases for step in c.steps if isinstance(step[0], corpus.Graph)}
    compiled = {name: g.build() for name, g in graphs.items() if name in used or module is None}
    for name, g in compiled.items():
        m.add_graph(name, g)
    m.archive(str(out_dir / module_file(group, module)))
    done = {c.name: (c, *run_case(ti, group, c, compiled)) for c in cases if c.oracle == "vulkan" and not c.refused}
    ti.reset()
    return done


def export_group(ti, group, out_dir):
    ti.init(arch=ti.cpu, offline_cache=False, log_level=ti.WARN)
    _, cases, graphs, extra = load_group(ti, group)
    modules = list(dict.fromkeys(([None] if graphs or extra else []) + [c.module for c in cases]))
    ti.reset()
    for old in out_dir.glob(f"{group}-*.tcm"):
        old.unlink()
    done = {}
    for module in modules:
        done.update(export_module(ti, group, module, out_dir))

    ti.init(arch=ti.cpu, offline_cache=False, log_level=ti.WARN)
    _, cases, graphs, _ = load_group(ti, group)
    compiled = {name: g.build() for name, g in graphs.items()} if any(c.oracle == "cpu" for c in cases) else {}
    shutil.rmtree(out_dir / group, ignore_errors=True)
    for c in cases:
        if c.refused:
            arrays = case_arrays(c)
            results = {a.name: (initial_value(ti, group, c, a) if a.fmt is None else None, None) for a in arrays}
        elif c.oracle == "cpu":
            arrays, results = run_case(ti, group, c, compiled)
        elif c.oracle == "numpy":
            arrays = case_arrays(c)
            given = {a: initial_value(ti, group, c, a) if a.fmt is None else None for a in arrays}
            wanted = dict(zip(c.outputs, c.expect(given)))
            results = {a.name: (given[a], wanted.get(a)) for a in arrays}
        else:
            c, arrays, results = done[c.name]
        write_case(out_dir, ti, group, c, arrays, results)
    ti.reset()
    return len(cases)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("exporter", choices=[*EXPORTERS, "taichi_forge"])
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--only", nargs="*", default=None, help="groups to export (default: every case file)")
    args = parser.parse_args()
    folder = "forge" if args.exporter == "taichi_forge" else args.exporter
    ti = importlib.import_module(EXPORTERS[folder])
    corpus.ti = ti
    os.environ["TAICHI_EXPORTER"] = ti.__name__  # the examples' Taichi (examples/_ti.py)
    out_dir = args.out / folder
    out_dir.mkdir(parents=True, exist_ok=True)
    groups = args.only or sorted(p.stem for p in (HERE / "cases").glob("*.py") if not p.stem.startswith("_"))
    total = 0
    for group in groups:
        n = export_group(ti, group, out_dir)
        print(f"{folder}: {group}: {n} cases")
        total += n
    print(f"{folder}: {total} cases in {len(groups)} groups -> {out_dir}")


if __name__ == "__main__":
    main()
