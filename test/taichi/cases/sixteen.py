"""16-bit data (caps spirv_has_int16 and spirv_has_float16: Taichi reads 16-bit storage through
16-bit integers): f16, i16 and u16 ndarrays, an f16 field, an f16 scalar argument, and casts
between every pair of i16, u16, f16, i32, u32 and f32 in registers. WGSL has no 16-bit integers:
the translator holds them in 32-bit words (shim/spirv/passes/narrow-int.ts); f16 needs WebGPU's shader-f16."""

from corpus import case, ints, nd, ti, uniform

FORGE = ti.__name__ == "taichi_forge"


def CAPS(module):
    # forge also asks for spirv_has_int16_storage for any 16-bit ndarray or field.
    return ["spirv_has_int16", "spirv_has_float16"] + (["spirv_has_int16_storage"] if FORGE and module is None else [])


N = 37
TYPES = [ti.i16, ti.u16, ti.f16, ti.i32, ti.u32, ti.f32]
FLOATS = [t for t in TYPES if t in (ti.f16, ti.f32)]
INTS = [t for t in TYPES if t not in FLOATS]
UNSIGNED = (ti.u16, ti.u32)
NT, NF, NI = len(TYPES), len(FLOATS), len(INTS)

half = ti.field(ti.f16, shape=N)


@ti.kernel
def axpy_f16(x: ti.types.ndarray(ti.f16, ndim=1), y: ti.types.ndarray(ti.f16, ndim=1), s: ti.f16):
    for i in x:
        y[i] = s * x[i] + y[i]


@ti.kernel
def field_f16(out: ti.types.ndarray(ti.f32, ndim=1)):
    for i in half:
        half[i] = ti.f16(i) * ti.f16(0.5) - ti.f16(3.0)
    for i in out:
        out[i] = ti.f32(half[i]) * 2.0 + 0.5


@ti.kernel
def ops_i16(a: ti.types.ndarray(ti.i16, ndim=1), b: ti.types.ndarray(ti.i16, ndim=1), out: ti.types.ndarray(ti.i32, ndim=2)):
    for i in a:
        x, y = a[i], b[i]
        out[i, 0] = ti.i32(x + y)
        out[i, 1] = ti.i32(x * y)
        out[i, 2] = ti.i32(x // (y | ti.i16(1)))
        out[i, 3] = ti.i32(x % (y | ti.i16(1)))
        out[i, 4] = ti.i32(x >> ti.i16(2))
        out[i, 5] = ti.i32(ti.max(x, y))
        a[i] = x + y * ti.i16(3)


@ti.kernel
def ops_u16(a: ti.types.ndarray(ti.u16, ndim=1), b: ti.types.ndarray(ti.u16, ndim=1), out: ti.types.ndarray(ti.u32, ndim=2)):
    for i in a:
        x, y = a[i], b[i]
        out[i, 0] = ti.u32(x - y)
        out[i, 1] = ti.u32(x // (y | ti.u16(1)))
        out[i, 2] = ti.u32(x ^ y)
        out[i, 3] = ti.u32(ti.min(x, y))
        b[i] = x * y + ti.u16(7)


@ti.kernel
def every_cast(n: ti.types.ndarray(ti.i32, ndim=1), fout: ti.types.ndarray(ti.f32, ndim=2), iout: ti.types.ndarray(ti.i32, ndim=2)):
    for i in n:
        x = ti.f32(n[i]) * 0.25
        for a in ti.static(range(NT)):
            # The value cast from: a float from x, a signed integer from n, an unsigned one from n's low 11 bits.
            s = ti.cast(x if ti.static(TYPES[a] in FLOATS) else (n[i] & 0x7FF if ti.static(TYPES[a] in UNSIGNED) else n[i]), TYPES[a])
            for d in ti.static(range(NF)):
                fout[i, a * NF + d] = ti.f32(ti.cast(s, FLOATS[d]))
            for d in ti.static(range(NI)):
                # A negative float cast to an unsigned type is undefined: its magnitude is cast.
                v = ti.abs(s) if ti.static(TYPES[a] in FLOATS and INTS[d] in UNSIGNED) else s
                iout[i, a * NI + d] = ti.bit_cast(ti.cast(ti.cast(v, INTS[d]), ti.u32), ti.i32) if ti.static(INTS[d] in UNSIGNED) else ti.i32(ti.cast(v, INTS[d]))


case(
    "f16_ndarrays_and_scalar_arg",
    (axpy_f16, nd(ti.f16, (N,), uniform(-4, 4)), y := nd(ti.f16, (N,), uniform(-4, 4)), -1.5),
    out=[y],
    rtol=1e-3,
    atol=4e-3,
    why="one f16 ulp (2^-10 relative) where the GPU fuses s * x + y into one rounding",
)
case("f16_field", (field_f16, out := nd(ti.f32, (N,))), out=[out], why="halves of small integers: exact in f16")
case("i16_ndarrays", (ops_i16, a := nd(ti.i16, (N,), ints(-2**15, 2**15)), nd(ti.i16, (N,), ints(-2**15, 2**15)), out := nd(ti.i32, (N, 6))), out=[a, out])
case("u16_ndarrays", (ops_u16, nd(ti.u16, (N,), ints(0, 2**16)), b := nd(ti.u16, (N,), ints(0, 2**16)), out := nd(ti.u32, (N, 4))), out=[b, out])
case(
    "casts_between_every_pair",
    (every_cast, nd(ti.i32, (64,), ints(-300, 300)), f := nd(ti.f32, (64, NT * NF)), i := nd(ti.i32, (64, NT * NI))),
    out=[f, i],
    why="quarters below 76 and integers below 2048 are exact in every type; float to integer truncates",
    module="casts",
)
