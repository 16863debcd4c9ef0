# 16-bit data (issue 21, item 3): f16 ndarrays and fields, an f16 scalar argument, and i16/u16
# arithmetic. Taichi reads and writes 16-bit storage through 16-bit integers (an f16 element is a
# u16 bitcast to half), so these modules need spirv_has_int16 as well as spirv_has_float16. WGSL
# has no 16-bit integers: the translator widens them to 32-bit words (shim/spirv/passes/narrow-int.ts).
import numpy as np
import taichi as ti

from common import export, oracle, save

N = 37
CAPS = ["spirv_has_int16", "spirv_has_float16"]


def kernels(field):
    @ti.kernel
    def fill_f16(a: ti.types.ndarray(dtype=ti.f16, ndim=1)):
        for i in a:
            a[i] = ti.f16(i) * ti.f16(0.25) - ti.f16(3.0)

    @ti.kernel
    def axpy_f16(x: ti.types.ndarray(dtype=ti.f16, ndim=1), y: ti.types.ndarray(dtype=ti.f16, ndim=1), s: ti.f16):
        for i in x:
            y[i] = s * x[i] + y[i]

    @ti.kernel
    def widen_f16(x: ti.types.ndarray(dtype=ti.f16, ndim=1), out: ti.types.ndarray(dtype=ti.f32, ndim=1)):
        for i in x:
            out[i] = ti.f32(x[i]) * 2.0 + 0.5

    @ti.kernel
    def field_f16(out: ti.types.ndarray(dtype=ti.f32, ndim=1)):
        for i in field:
            field[i] = ti.f16(i) * ti.f16(0.5)
        for i in out:
            out[i] = ti.f32(field[i]) + 1.0

    @ti.kernel
    def ops_i16(a: ti.types.ndarray(dtype=ti.i16, ndim=1), b: ti.types.ndarray(dtype=ti.i16, ndim=1),
                out: ti.types.ndarray(dtype=ti.i32, ndim=2)):
        for i in a:
            x, y = a[i], b[i]
            out[i, 0] = ti.i32(x + y)
            out[i, 1] = ti.i32(x * y)
            out[i, 2] = ti.i32(x - y)
            out[i, 3] = ti.i32(x // (y | ti.i16(1)))
            out[i, 4] = ti.i32(x % (y | ti.i16(1)))
            out[i, 5] = ti.i32(x >> ti.i16(2))
            out[i, 6] = ti.i32(x & y)
            out[i, 7] = ti.i32(ti.max(x, y))
            out[i, 8] = ti.i32(x < y)
            a[i] = x + y * ti.i16(3)

    @ti.kernel
    def ops_u16(a: ti.types.ndarray(dtype=ti.u16, ndim=1), b: ti.types.ndarray(dtype=ti.u16, ndim=1),
                out: ti.types.ndarray(dtype=ti.u32, ndim=2)):
        for i in a:
            x, y = a[i], b[i]
            out[i, 0] = ti.u32(x + y)
            out[i, 1] = ti.u32(x * y)
            out[i, 2] = ti.u32(x - y)
            out[i, 3] = ti.u32(x // (y | ti.u16(1)))
            out[i, 4] = ti.u32(x % (y | ti.u16(1)))
            out[i, 5] = ti.u32(x >> ti.u16(3))
            out[i, 6] = ti.u32(x ^ y)
            out[i, 7] = ti.u32(ti.min(x, y))
            out[i, 8] = ti.u32(x > y)
            b[i] = x * y + ti.u16(7)

    return fill_f16, axpy_f16, widen_f16, field_f16, ops_i16, ops_u16


def define():
    field = ti.field(ti.f16, shape=N)
    ks = kernels(field)

    def add(m):
        for k in ks:
            m.add_kernel(k)

    return add


def inputs():
    rng = np.random.default_rng(16)
    return {
        "x": rng.uniform(-4, 4, N).astype(np.float16),
        "y": rng.uniform(-4, 4, N).astype(np.float16),
        "s": 1.75,
        "ai": rng.integers(-2**15, 2**15, N).astype(np.int16),
        "bi": rng.integers(-2**15, 2**15, N).astype(np.int16),
        "au": rng.integers(0, 2**16, N).astype(np.uint16),
        "bu": rng.integers(0, 2**16, N).astype(np.uint16),
    }


def expected():
    oracle()
    field = ti.field(ti.f16, shape=N)
    fill_f16, axpy_f16, widen_f16, field_f16, ops_i16, ops_u16 = kernels(field)
    v = inputs()
    fill = np.zeros(N, np.float16)
    fill_f16(fill)
    y = v["y"].copy()
    axpy_f16(v["x"], y, v["s"])
    wide = np.zeros(N, np.float32)
    widen_f16(v["x"], wide)
    from_field = np.zeros(N, np.float32)
    field_f16(from_field)
    ai = v["ai"].copy()
    out_i = np.zeros((N, 9), np.int32)
    ops_i16(ai, v["bi"], out_i)
    bu = v["bu"].copy()
    out_u = np.zeros((N, 9), np.uint32)
    ops_u16(v["au"], bu, out_u)
    # f16 values are stored as their bit patterns (what NdArray reads and writes for f16).
    bits = lambda a: a.view(np.uint16)
    save("sixteen_bit", {
        "x": bits(v["x"]), "y": bits(v["y"]), "s": v["s"], "ai": v["ai"], "bi": v["bi"], "au": v["au"], "bu": v["bu"],
        "fill": bits(fill), "axpy": bits(y), "wide": wide, "field": from_field,
        "ai_after": ai, "out_i": out_i, "bu_after": bu, "out_u": out_u,
    })


export("sixteen_bit", define, CAPS)
expected()
