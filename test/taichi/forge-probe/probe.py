"""Kernels that exercise what forge's metadata adds to Taichi's, exported by either exporter.

    python test/taichi/forge-probe/probe.py taichi|taichi_forge

Writes test/taichi/forge-probe/<exporter>/probe.tcm, trees.tcm (a kernel over fields of two SNode trees),
for taichi_forge only sparse.tcm (pointer, bitmasked and dynamic SNodes: Taichi 1.7's Vulkan backend
refuses them before export) and struct_mixed.tcm, struct_nested.tcm (ti.types.struct arguments, which Taichi 1.7 cannot
export) and probe.json: the expected values of the launches
test/runtime/forge.test.ts makes, from the exporter's CPU backend (the texture kernels: its Vulkan backend
on this machine's lavapipe, since textures do not run on the CPU backend).
"""

import importlib
import json
import subprocess
import sys
from pathlib import Path

import numpy as np

EXPORTER = sys.argv[1]
ti = importlib.import_module(EXPORTER)
OUT = Path(__file__).resolve().parent / EXPORTER
W, H = 8, 4


def define():
    """Fields and kernels, made anew after each ti.init."""
    k = {}
    f = ti.field(ti.f32, shape=8)
    builder = ti.FieldsBuilder()
    h = ti.field(ti.i32)
    builder.dense(ti.i, 32).place(h)
    builder.finalize()  # a second SNode tree

    @ti.kernel
    def tex_fill(t: ti.types.rw_texture(num_dimensions=2, fmt=ti.Format.r32f, lod=0)):
        for i, j in t:  # bounds from the texture's extent in the args buffer
            t.store(ti.Vector([i, j]), ti.Vector([i * 10.0 + j, 0.0, 0.0, 0.0]))

    @ti.kernel
    def tex_read(t: ti.types.texture(num_dimensions=2), out: ti.types.ndarray(ti.f32, ndim=2)):
        for i, j in out:
            out[i, j] = t.fetch(ti.Vector([i, j]), 0).x + 2.0 * t.sample_lod(ti.Vector([(i + 0.5) / W, (j + 0.5) / H]), 0.0).x

    @ti.kernel
    def sweep(a: ti.types.ndarray(ti.f32, ndim=1), b: ti.types.ndarray(ti.f32, ndim=1)):
        for i in range(1, a.shape[0] - 1):
            b[i] = 0.5 * (a[i - 1] + a[i + 1])

    @ti.kernel
    def trees(x: ti.f32, out: ti.types.ndarray(ti.f32, ndim=1)):
        for i in f:
            f[i] += x
        for i in h:
            h[i] = i * 3
        for i in range(8):
            out[i] = f[i] + h[i * 4]

    @ti.kernel
    def bounded(a: ti.types.ndarray(ti.f32, ndim=2), n: ti.i32, m: ti.i32):
        for i, j in ti.ndrange(n, m):
            a[i, j] = i * 100 + j

    @ti.kernel
    def prefix(a: ti.types.ndarray(ti.f32, ndim=1)):
        ti.loop_config(serialize=True)
        for i in range(1, a.shape[0]):
            a[i] += a[i - 1]

    @ti.kernel
    def blocked(a: ti.types.ndarray(ti.f32, ndim=1)):
        ti.loop_config(block_dim=64)
        for i in a:
            a[i] = i * 2.0 + a[i]

    @ti.kernel
    def scale_vec(a: ti.types.ndarray(ti.math.vec3, ndim=2), s: ti.f32):
        for i, j in a:
            a[i, j] = a[i, j] * s + ti.Vector([i, j, 1.0])

    for kernel in (tex_fill, tex_read, sweep, trees, bounded, prefix, blocked, scale_vec):
        k[kernel.__name__] = kernel
    return k


def jacobi(k):
    a = ti.graph.Arg(ti.graph.ArgKind.NDARRAY, "a", ti.f32, ndim=1)
    b = ti.graph.Arg(ti.graph.ArgKind.NDARRAY, "b", ti.f32, ndim=1)
    g = ti.graph.GraphBuilder()
    g.dispatch(k["sweep"], a, b)
    g.dispatch(k["sweep"], b, a)
    return g.compile()




def run_cpu(k):
    """The launches of test/runtime/forge.test.ts; graphs run as their dispatches in order."""
    expected = {}
    a = ti.ndarray(ti.f32, shape=10)
    b = ti.ndarray(ti.f32, shape=10)
    a.from_numpy(np.arange(10, dtype=np.float32) ** 2)
    for _ in range(2):
        k["sweep"](a, b)
        k["sweep"](b, a)
    expected["jacobi_a"], expected["jacobi_b"] = a.to_numpy(), b.to_numpy()
    out = ti.ndarray(ti.f32, shape=8)
    k["trees"](1.5, out)
    k["trees"](0.25, out)
    expected["trees"] = out.to_numpy()
    grid = ti.ndarray(ti.f32, shape=(6, 5))
    k["bounded"](grid, 3, 4)
    expected["bounded"] = grid.to_numpy()
    p = ti.ndarray(ti.f32, shape=6)
    p.from_numpy(np.arange(1, 7, dtype=np.float32))
    k["prefix"](p)
    expected["prefix"] = p.to_numpy()
    q = ti.ndarray(ti.f32, shape=300)
    q.from_numpy(np.linspace(-1, 1, 300, dtype=np.float32))
    k["blocked"](q)
    expected["blocked"] = q.to_numpy()
    v = ti.ndarray(ti.math.vec3, shape=(3, 4))
    v.from_numpy(np.arange(36, dtype=np.float32).reshape(3, 4, 3))
    k["scale_vec"](v, 0.5)
    expected["scale_vec"] = v.to_numpy()
    return expected


def run_vulkan(k):
    t = ti.Texture(ti.Format.r32f, (W, H))
    k["tex_fill"](t)
    out = ti.ndarray(ti.f32, shape=(W, H))
    k["tex_read"](t, out)
    return {"tex_read": out.to_numpy()}


if sys.argv[2:] == ["trees"]:
    # Its own process: Taichi 1.7 finalizes the fields once per process.
    ti.init(arch=ti.vulkan, offline_cache=False)
    kernel = define()["trees"]
    trees = ti.aot.Module(arch=ti.vulkan)
    trees.add_kernel(kernel)
    trees.archive(str(OUT / "trees.tcm"))
    sys.exit(0)

if sys.argv[2:] == ["sparse"]:
    ti.init(arch=ti.vulkan, offline_cache=False)
    sparse = {"pointer": ti.field(ti.f32), "bitmasked": ti.field(ti.f32), "dynamic": ti.field(ti.i32)}
    ti.root.pointer(ti.i, 8).dense(ti.i, 4).place(sparse["pointer"])
    ti.root.bitmasked(ti.i, 32).place(sparse["bitmasked"])
    ti.root.dynamic(ti.i, 64, chunk_size=16).place(sparse["dynamic"])

    @ti.kernel
    def activate(n: ti.i32):
        for i in range(n):
            sparse["pointer"][i * 3] = i
            sparse["bitmasked"][i] = i * 0.5
            ti.append(sparse["dynamic"].parent(), [], i)

    module = ti.aot.Module(arch=ti.vulkan)
    module.add_kernel(activate)
    module.archive(str(OUT / "sparse.tcm"))
    sys.exit(0)

if sys.argv[2:] == ["structs"]:
    ti.init(arch=ti.vulkan, offline_cache=False)
    Mixed = ti.types.struct(a=ti.f32, b=ti.i32)
    Nested = ti.types.struct(a=ti.f32, v=ti.math.vec2)

    @ti.kernel
    def mixed_struct(s: Mixed, out: ti.types.ndarray(ti.f32, ndim=1)):
        for i in out:
            out[i] = s.a * i + s.b

    @ti.kernel
    def nested_struct(s: Nested, out: ti.types.ndarray(ti.f32, ndim=1)):
        for i in out:
            out[i] = s.a * i + s.v[i % 2]

    for name, kernel in (("mixed", mixed_struct), ("nested", nested_struct)):
        module = ti.aot.Module(arch=ti.vulkan)
        module.add_kernel(kernel)
        module.archive(str(OUT / f"struct_{name}.tcm"))
    sys.exit(0)

ti.init(arch=ti.cpu, offline_cache=False)
expected = run_cpu(define())
ti.reset()
ti.init(arch=ti.vulkan, offline_cache=False)
kernels = define()
expected.update(run_vulkan(kernels))
module = ti.aot.Module(arch=ti.vulkan)
for name, kernel in kernels.items():
    if name != "trees":
        module.add_kernel(kernel)  # sweep also in the graph: forge names the graph's copy an alias
module.add_graph("jacobi", jacobi(kernels))
OUT.mkdir(exist_ok=True)
module.archive(str(OUT / "probe.tcm"))
subprocess.run([sys.executable, __file__, EXPORTER, "trees"], check=True)
if EXPORTER == "taichi_forge":
    subprocess.run([sys.executable, __file__, EXPORTER, "sparse"], check=True)
    subprocess.run([sys.executable, __file__, EXPORTER, "structs"], check=True)
(OUT / "probe.json").write_text(json.dumps({name: {"shape": list(v.shape), "values": v.reshape(-1).tolist()} for name, v in expected.items()}, separators=(",", ":")) + "\n")
