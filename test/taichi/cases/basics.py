"""Smoke cases: a scalar argument with ndarrays, a scalar ndarray, a kernel with no arguments."""

from corpus import case, ints, nd, ti, uniform

F32_ARITH = "f32 multiply-add: the GPU may fuse it (one rounding instead of two)"


@ti.kernel
def saxpy(a: ti.f32, x: ti.types.ndarray(ti.f32, ndim=1), y: ti.types.ndarray(ti.f32, ndim=1)):
    for i in x:
        y[i] = a * x[i] + y[i]


case("saxpy", (saxpy, 2.5, nd(ti.f32, (1000,), uniform(-1, 1)), y := nd(ti.f32, (1000,), uniform(-1, 1))), out=[y], rtol=1e-6, why=F32_ARITH)


@ti.kernel
def total(x: ti.types.ndarray(ti.i32, ndim=1), s: ti.types.ndarray(ti.i32, ndim=0)):
    for i in x:
        s[None] += x[i]


case("scalar_ndarray_sum", (total, nd(ti.i32, (777,), ints(-1000, 1000)), s := nd(ti.i32, ())), out=[s])
