"""Every scalar type the default capabilities allow (f32, i32, u32), as scalar arguments and as
ndarray elements, interleaved. (i8, i16, u8, u16, f16, i64, u64 and f64 need `caps`: the SPIR-V
code generator refuses them at add_kernel without.)"""

from corpus import case, ints, nd, ti, uniform


@ti.kernel
def scale_i32(x: ti.types.ndarray(ti.i32, ndim=1), k: ti.i32):
    for i in x:
        x[i] = x[i] * k - 7


case("i32_scalar_arg", (scale_i32, x := nd(ti.i32, (500,), ints(-100000, 100000)), -3), out=[x])


@ti.kernel
def wrap_u32(x: ti.types.ndarray(ti.u32, ndim=1), k: ti.u32):
    for i in x:
        x[i] = x[i] * k + ti.u32(0xFFFFFFF0)


case("u32_wraps", (wrap_u32, x := nd(ti.u32, (500,), ints(0, 2**32)), 2654435761), out=[x])


@ti.kernel
def interleaved(a: ti.i32, x: ti.types.ndarray(ti.f32, ndim=1), b: ti.f32, y: ti.types.ndarray(ti.i32, ndim=1), c: ti.u32, z: ti.types.ndarray(ti.u32, ndim=1)):
    for i in x:
        x[i] = x[i] * b + a
        y[i] = y[i] + a * i
        z[i] = (z[i] ^ c) + ti.u32(i)


case(
    "interleaved_scalars_and_ndarrays",
    (interleaved, -5, x := nd(ti.f32, (300,), uniform(-10, 10)), 0.375, y := nd(ti.i32, (300,), ints(-1000, 1000)), 0xDEADBEEF, z := nd(ti.u32, (300,), ints(0, 2**32))),
    out=[x, y, z],
    rtol=1e-6,
    why="x * b + a may be fused into one multiply-add on the GPU (one rounding instead of two)",
)


@ti.kernel
def f32_specials(x: ti.types.ndarray(ti.f32, ndim=1), inf: ti.f32):
    for i in x:
        v = x[i]
        if i % 4 == 0:
            v = v * inf
        elif i % 4 == 1:
            v = -inf
        elif i % 4 == 2:
            v = v / inf
        x[i] = v


case("f32_infinities", (f32_specials, x := nd(ti.f32, (64,), uniform(-2, 2)), float("inf")), out=[x], why="products and quotients with infinity are exact")


@ti.kernel
def u32_compare(x: ti.types.ndarray(ti.u32, ndim=1), out: ti.types.ndarray(ti.i32, ndim=1), pivot: ti.u32):
    for i in x:
        out[i] = ti.i32(x[i] > pivot) + 2 * ti.i32(x[i] < pivot)


case("u32_unsigned_compare", (u32_compare, nd(ti.u32, (400,), ints(0, 2**32)), out := nd(ti.i32, (400,)), 2**31 + 12345), out=[out])
